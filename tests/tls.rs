//! TLS against real `mq up` processes, with certificates made at test time:
//! enforcing (TLS clients send and consume through `mq`; a plaintext client is
//! refused with a clear error), permissive (both kinds served on one port), an
//! untrusted certificate refused, client certificates required and given, and a
//! TLS client against a plaintext-only server failing with one clear error.

mod support;

use std::path::{Path, PathBuf};

use mq::remoting::code::response;
use mq::remoting::tls::TlsClientSettings;
use mq::remoting::{RemotingClient, RemotingCommand};
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use support::*;

/// A certificate authority and the files of what it signed, under one directory.
struct Pki {
    dir: PathBuf,
    ca: CertifiedIssuer<'static, KeyPair>,
}

impl Pki {
    fn new(dir: &Path, name: &str) -> Pki {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca = CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap();
        let dir = dir.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("ca.pem"), ca.pem()).unwrap();
        Pki { dir, ca }
    }

    fn ca_path(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    /// A certificate for 127.0.0.1 and localhost signed by the CA, for a server or a
    /// client: (certificate file, key file).
    fn issue(&self, name: &str, usage: ExtendedKeyUsagePurpose) -> (PathBuf, PathBuf) {
        let mut params =
            CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()]).unwrap();
        params.distinguished_name.push(DnType::CommonName, name);
        params.extended_key_usages = vec![usage];
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.ca).unwrap();
        let (cert_path, key_path) = (
            self.dir.join(format!("{name}.pem")),
            self.dir.join(format!("{name}.key")),
        );
        std::fs::write(&cert_path, cert.pem()).unwrap();
        std::fs::write(&key_path, key.serialize_pem()).unwrap();
        (cert_path, key_path)
    }
}

/// `mq up` whose broker and name server serve TLS as `extra` says, with the
/// server certificate of `pki`; the process itself connects (its broker
/// registers) with `client_args`.
fn up_tls(dir: &Path, pki: &Pki, extra: &str, client_args: &[&str]) -> MqUp {
    let (cert, key) = pki.issue("server", ExtendedKeyUsagePurpose::ServerAuth);
    let conf = dir.join("broker.yaml");
    std::fs::write(
        &conf,
        format!(
            "tls.server.certPath: {}\ntls.server.keyPath: {}\n{extra}",
            cert.display(),
            key.display()
        ),
    )
    .unwrap();
    let mut args = vec!["-c", conf.to_str().unwrap()];
    args.extend_from_slice(client_args);
    start_up(&dir.join("data"), &args)
}

fn mq_err(namesrv: &str, args: &[&str]) -> String {
    let out = mq(namesrv, args);
    assert!(!out.status.success(), "mq {args:?} succeeded");
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    println!("mq {args:?}: {}", said.trim());
    said
}

#[test]
fn enforcing_serves_tls_clients_and_refuses_plaintext_ones() {
    let dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(dir.path(), "ca");
    let ca = pki.ca_path();
    let ca = ca.to_str().unwrap();
    let tls = ["--tls", "--tls-ca", ca];
    let up = up_tls(dir.path(), &pki, "tls.server.mode: enforcing\n", &tls);
    let with_tls = |args: &[&'static str]| -> Vec<&str> { [&tls[..], args].concat() };
    mq_ok(&up.namesrv, &with_tls(&["topic", "create", "Secure"]));
    mq_ok(
        &up.namesrv,
        &with_tls(&["send", "--topic", "Secure", "--count", "20", "--body", "s"]),
    );
    let consumed = mq_ok(
        &up.namesrv,
        &with_tls(&[
            "consume", "--topic", "Secure", "--group", "g", "--count", "20",
        ]),
    );
    assert_eq!(consumed.lines().filter(|l| l.contains('s')).count(), 20);
    // Plaintext: refused with the reason, from the name server and from the broker.
    let e = mq_err(&up.namesrv, &["topic", "list"]);
    assert!(e.contains("TLS"), "{e}");
    let e = mq_err(&up.namesrv, &["broker", "status", "-b", &up.broker]);
    assert!(e.contains("TLS"), "{e}");
}

#[test]
fn permissive_serves_tls_and_plaintext_on_one_port() {
    let dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(dir.path(), "ca");
    let ca = pki.ca_path();
    let ca = ca.to_str().unwrap();
    let up = up_tls(dir.path(), &pki, "tls.server.mode: permissive\n", &[]);
    mq_ok(&up.namesrv, &["topic", "create", "Both"]);
    mq_ok(&up.namesrv, &["send", "--topic", "Both", "--count", "5"]);
    mq_ok(
        &up.namesrv,
        &[
            "--tls", "--tls-ca", ca, "send", "--topic", "Both", "--count", "5",
        ],
    );
    let out = mq_ok(
        &up.namesrv,
        &[
            "--tls", "--tls-ca", ca, "consume", "--topic", "Both", "--group", "g", "--count", "10",
        ],
    );
    assert!(!out.is_empty());
    // The library client too, both ways, on the broker's one port.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let tls = TlsClientSettings {
            ca_path: Some(pki.ca_path()),
            ..Default::default()
        }
        .build()
        .unwrap();
        for client in [
            RemotingClient::with_tls(Some(tls)),
            RemotingClient::with_tls(None),
        ] {
            let r = client
                .invoke(
                    &up.broker,
                    RemotingCommand::request(mq::remoting::code::request::GET_BROKER_RUNTIME_INFO),
                    TIMEOUT,
                )
                .await
                .unwrap();
            assert_eq!(r.code, response::SUCCESS);
        }
    });
}

#[test]
fn a_certificate_from_an_untrusted_authority_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(dir.path(), "ca");
    let other = Pki::new(dir.path(), "other-ca");
    let ca = pki.ca_path();
    let up = up_tls(
        dir.path(),
        &pki,
        "tls.server.mode: enforcing\n",
        &["--tls", "--tls-ca", ca.to_str().unwrap()],
    );
    let other_ca = other.ca_path();
    let e = mq_err(
        &up.namesrv,
        &[
            "--tls",
            "--tls-ca",
            other_ca.to_str().unwrap(),
            "topic",
            "list",
        ],
    );
    assert!(e.contains("certificate"), "{e}");
    // A file that is no certificate at all is refused before any connection.
    let e = mq_err(
        &up.namesrv,
        &[
            "--tls",
            "--tls-ca",
            dir.path().join("ca/server.key").to_str().unwrap(),
            "topic",
            "list",
        ],
    );
    assert!(e.contains("--tls-ca"), "{e}");
}

#[test]
fn client_certificates_required_and_given() {
    let dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(dir.path(), "ca");
    let ca = pki.ca_path();
    let ca = ca.to_str().unwrap();
    let (cert, key) = pki.issue("client", ExtendedKeyUsagePurpose::ClientAuth);
    let (cert, key) = (cert.to_str().unwrap(), key.to_str().unwrap());
    let with_cert = [
        "--tls",
        "--tls-ca",
        ca,
        "--tls-cert",
        cert,
        "--tls-key",
        key,
    ];
    let up = up_tls(
        dir.path(),
        &pki,
        &format!(
            "tls.server.mode: enforcing\ntls.server.need.client.auth: require\ntls.server.trustCertPath: {ca}\n"
        ),
        &with_cert,
    );
    let out = mq_ok(
        &up.namesrv,
        &[&with_cert[..], &["cluster", "list"]].concat(),
    );
    assert!(out.contains(&up.broker), "{out}");
    // TLS 1.3 ends the client's handshake before the server has checked its
    // certificate: the refusal is the server's alert, on the first request.
    let e = mq_err(&up.namesrv, &["--tls", "--tls-ca", ca, "cluster", "list"]);
    assert!(e.contains("CertificateRequired"), "{e}");
    // A certificate of another authority is no better than none.
    let other = Pki::new(dir.path(), "other-ca");
    let (cert, key) = other.issue("client", ExtendedKeyUsagePurpose::ClientAuth);
    let e = mq_err(
        &up.namesrv,
        &[
            "--tls",
            "--tls-ca",
            ca,
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
            "cluster",
            "list",
        ],
    );
    assert!(e.contains("UnknownCA") || e.contains("certificate"), "{e}");
}

#[test]
fn a_tls_client_against_a_plaintext_server_gets_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(&dir.path().join("data"), &[]);
    let started = std::time::Instant::now();
    let e = mq_err(
        &up.namesrv,
        &[
            "--tls",
            "--tls-test-trust-all",
            "--timeout",
            "30s",
            "topic",
            "list",
        ],
    );
    assert!(e.contains("TLS handshake failed"), "{e}");
    assert_eq!(e.trim().lines().count(), 1, "{e}");
    println!("failed in {:?}: {}", started.elapsed(), e.trim());
    // A bad configuration is refused at start, naming the key.
    let conf = dir.path().join("bad.yaml");
    std::fs::write(
        &conf,
        format!(
            "listenPort: {}\nkvConfigPath: {}\ntls.server.mode: enforcing\n",
            free_port(),
            dir.path().join("kv.json").display()
        ),
    )
    .unwrap();
    let out = std::process::Command::new(mq_bin())
        .args(["namesrv", "start", "-c", conf.to_str().unwrap()])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("tls.server.certPath"), "{said}");
}

#[test]
fn replication_runs_over_tls_and_an_enforcing_ha_port_refuses_plaintext() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let pki = Pki::new(dir.path(), "ca");
    let (cert, key) = pki.issue("server", ExtendedKeyUsagePurpose::ServerAuth);
    let conf = dir.path().join("broker.yaml");
    std::fs::write(
        &conf,
        format!(
            "tls.server.mode: enforcing\ntls.server.certPath: {}\ntls.server.keyPath: {}\n",
            cert.display(),
            key.display()
        ),
    )
    .unwrap();
    let ca = pki.ca_path();
    let ca = ca.to_str().unwrap();
    let tls = ["--tls", "--tls-ca", ca];
    let up_args = [&["-c", conf.to_str().unwrap()][..], &tls[..]].concat();
    let up = start_up_cluster(&dir.path().join("data"), 1, 1, 1, &up_args);
    let ns = up.namesrv_list();
    let with_tls = |args: &[&'static str]| -> Vec<&str> { [&tls[..], args].concat() };
    mq_ok(
        &ns,
        &with_tls(&["topic", "create", "Replicated", "-c", "DefaultCluster"]),
    );
    mq_ok(
        &ns,
        &with_tls(&[
            "send",
            "--topic",
            "Replicated",
            "--count",
            "30",
            "--body",
            "r",
        ]),
    );
    let slave = up.brokers.iter().find(|b| b.id == 1).unwrap().addr.clone();
    let mut row = serde_json::Value::Null;
    wait_until(
        "the slave to copy the master over TLS",
        std::time::Duration::from_secs(60),
        || {
            let out = mq_ok(
                &ns,
                &with_tls(&["top", "--once", "-o", "json", "--interval", "200ms"]),
            );
            let snapshot: serde_json::Value = serde_json::from_str(&out).unwrap();
            row = snapshot["brokers"]
                .as_array()
                .and_then(|rows| rows.iter().find(|b| b["addr"] == slave.as_str()))
                .cloned()
                .unwrap_or_default();
            row["following"] == true && row["lag"]["bytes"] == 0
        },
    );
    println!("slave over TLS: {row}");

    // A plaintext slave reporting offset 0 would be streamed the commit log at once; the
    // enforcing HA port closes it without a byte.
    let master = up.brokers.iter().find(|b| b.id == 0).unwrap();
    let port: u16 = master.addr.rsplit(':').next().unwrap().parse().unwrap();
    let mut plain = std::net::TcpStream::connect(("127.0.0.1", port + 1)).unwrap();
    plain.write_all(&0i64.to_be_bytes()).unwrap();
    plain
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    let mut buf = [0u8; 64];
    match plain.read(&mut buf) {
        Ok(0) => {}
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        other => panic!("a plaintext slave got {other:?} from an enforcing HA port"),
    }
}
