//! Plain ACL end to end: an `mq up` broker with aclEnable refuses and allows
//! requests as RocketMQ's PlainAccessValidator does (wrong key, wrong
//! signature, denied topic for send and pull, non-admin admin call,
//! white-listed address, admin), reloads its plain_acl.yml when the file
//! changes, and `mq acl` round-trips accounts and the white list. The
//! signature mq's hook puts on a request is checked against one built here
//! independently, from the string-to-sign up.

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use hmac::{Hmac, Mac};
use mq::acl::{AclClientRpcHook, SessionCredentials};
use mq::protocol::message::build_properties;
use mq::remoting::code::response;
use mq::remoting::connection::ConnectionConfig;
use mq::remoting::{RemotingClient, RemotingCommand};
use support::{TIMEOUT, mq_bin, pull_request, send_request, start_up, wait_until};

const ADMIN: (&str, &str) = ("mqadmin1", "admin-secret-1");
const APP: (&str, &str) = ("appuser01", "app-secret-1");

fn acl_yaml(white: &str) -> String {
    format!(
        "globalWhiteRemoteAddresses: [{white}]
accounts:
  - accessKey: {}
    secretKey: {}
    admin: true
  - accessKey: {}
    secretKey: {}
    admin: false
    defaultTopicPerm: DENY
    defaultGroupPerm: SUB
    topicPerms:
      - allowed=PUB|SUB
      - denied=DENY
      - subonly=SUB
    groupPerms:
      - badgroup=DENY
",
        ADMIN.0, ADMIN.1, APP.0, APP.1
    )
}

/// `mq up` with aclEnable and the ACL file `dir/plain_acl.yml`.
fn start_acl_up(dir: &Path) -> (support::MqUp, std::path::PathBuf) {
    start_acl_up_with(dir, "")
}

/// `start_acl_up` with more broker config lines.
fn start_acl_up_with(dir: &Path, extra_config: &str) -> (support::MqUp, std::path::PathBuf) {
    let acl = dir.join("plain_acl.yml");
    std::fs::write(&acl, acl_yaml("")).unwrap();
    let conf = dir.join("broker.yaml");
    std::fs::write(
        &conf,
        format!(
            "aclEnable: true\naclPlainFile: {}\n{extra_config}",
            acl.display()
        ),
    )
    .unwrap();
    let up = start_up(&dir.join("data"), &["-c", conf.to_str().unwrap()]);
    (up, acl)
}

/// Runs `mq` with `args`, signing as `creds` (through the environment) if given.
fn mq_as(ns: &str, creds: Option<(&str, &str)>, args: &[&str]) -> Output {
    let mut cmd = Command::new(mq_bin());
    cmd.args(args)
        .env("NAMESRV_ADDR", ns)
        .env_remove("MQ_ACCESS_KEY")
        .env_remove("MQ_SECRET_KEY")
        .env_remove("MQ_CREDENTIALS_FILE")
        .stdin(Stdio::null());
    if let Some((ak, sk)) = creds {
        cmd.env("MQ_ACCESS_KEY", ak).env("MQ_SECRET_KEY", sk);
    }
    cmd.output().unwrap()
}

fn ok_as(ns: &str, creds: Option<(&str, &str)>, args: &[&str]) -> String {
    let out = mq_as(ns, creds, args);
    assert!(
        out.status.success(),
        "mq {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Asserts `mq` fails and says `why` on stderr.
fn refused_as(ns: &str, creds: Option<(&str, &str)>, args: &[&str], why: &str) {
    let out = mq_as(ns, creds, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "mq {args:?} should fail");
    assert!(err.contains(why), "mq {args:?}: expected {why:?} in: {err}");
}

/// A client signing every request as `creds`.
fn client_as(creds: (&str, &str)) -> RemotingClient {
    let hook = AclClientRpcHook::new(SessionCredentials::new(creds.0, creds.1));
    RemotingClient::with_config(
        None,
        ConnectionConfig {
            rpc_hook: Some(Arc::new(hook)),
            ..Default::default()
        },
    )
}

fn acl_remark(r: &RemotingCommand) -> String {
    assert_eq!(r.code, response::SYSTEM_ERROR, "{r:?}");
    r.remark.clone().unwrap_or_default()
}

#[test]
fn the_shipped_acl_file_loads() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("conf/plain_acl.yml");
    mq::acl::PlainAccessValidator::check_file(&path).unwrap();
    let doc = mq::acl::config::AclDocument::read(&path).unwrap();
    assert_eq!(doc.accounts().len(), 2);
    assert_eq!(doc.global_white_addrs().len(), 2);
}

#[test]
fn signature_matches_one_built_independently() {
    let hook = AclClientRpcHook::new(SessionCredentials::new("RocketMQ", "12345678"));
    let mut req = RemotingCommand::request(10)
        .with_ext("topic", "topicA")
        .with_ext("queueId", "3")
        .with_body(&b"hello"[..]);
    hook.sign(&mut req);
    // Java's string to sign: the ext field values in key order (AccessKey,
    // queueId, topic), without Signature, then the body.
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(b"12345678").unwrap();
    mac.update(b"RocketMQ3topicAhello");
    let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    assert_eq!(req.ext("Signature"), Some(expected.as_str()));
    assert_eq!(req.ext("AccessKey"), Some("RocketMQ"));
    // And the golden value from `openssl dgst -sha1 -hmac 12345678 -binary | base64`
    // for the same content without queueId.
    let mut req = RemotingCommand::request(10)
        .with_ext("topic", "topicA")
        .with_ext("a", "1")
        .with_body(&b"hello"[..]);
    hook.sign(&mut req);
    assert_eq!(req.ext("Signature"), Some("92K+O6oS6avM8rHNkr77WUztOQ4="));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_and_permissions_as_rocketmq() {
    let dir = tempfile::tempdir().unwrap();
    let (up, _acl) = start_acl_up(dir.path());
    let ns = up.namesrv.clone();
    let ns = ns.as_str();

    // Admin requests: refused unsigned, with an unknown key, a wrong secret, or a
    // non-admin account; an admin account may make them.
    let create = ["topic", "create", "allowed"];
    refused_as(
        ns,
        None,
        &create,
        "AclException: No accessKey is configured",
    );
    refused_as(
        ns,
        Some(("nobody123", "whatever1")),
        &create,
        "No acl config for nobody123",
    );
    refused_as(
        ns,
        Some((APP.0, "wrong-secret")),
        &create,
        "Check signature failed for accessKey=appuser01",
    );
    refused_as(
        ns,
        Some(APP),
        &create,
        "Need admin permission for request code=17, but accessKey=appuser01 is not",
    );
    for topic in ["allowed", "denied", "subonly"] {
        ok_as(
            ns,
            Some(ADMIN),
            &["topic", "create", topic, "-b", &up.broker],
        );
    }

    // Sends: PUB on the topic.
    ok_as(
        ns,
        Some(APP),
        &["send", "--topic", "allowed", "-c", "3", "-b", "hi"],
    );
    refused_as(
        ns,
        Some(APP),
        &["send", "--topic", "denied", "-c", "1", "-b", "hi"],
        "No default permission for topic:denied",
    );
    refused_as(
        ns,
        Some(APP),
        &["send", "--topic", "subonly", "-c", "1", "-b", "hi"],
        "No default permission for topic:subonly",
    );

    // Consumes: SUB on the topic and the group.
    let out = ok_as(
        ns,
        Some(APP),
        &["consume", "--topic", "allowed", "-g", "okgroup", "-c", "3"],
    );
    assert_eq!(out.lines().filter(|l| l.contains("hi")).count(), 3, "{out}");
    let app = client_as(APP);
    let pull = |group: &str, topic: &str| pull_request(group, topic, 0, 0, 0, "*", Duration::ZERO);
    let r = app
        .invoke(&up.broker, pull("okgroup", "denied"), TIMEOUT)
        .await
        .unwrap();
    assert!(acl_remark(&r).contains("No default permission for topic:denied"));
    let r = app
        .invoke(&up.broker, pull("badgroup", "allowed"), TIMEOUT)
        .await
        .unwrap();
    assert!(acl_remark(&r).contains("No default permission for group:badgroup"));
    let r = app
        .invoke(&up.broker, pull("okgroup", "subonly"), TIMEOUT)
        .await
        .unwrap();
    assert_ne!(r.code, response::SYSTEM_ERROR, "{r:?}");

    // A query by unique key passes the signature check (Java's client signs
    // _UNIQUE_KEY_QUERY, which brokers leave out: mq's client leaves it out too).
    let out = ok_as(
        ns,
        Some(APP),
        &["send", "--topic", "allowed", "-b", "findme", "-o", "json"],
    );
    let sent: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let msg_id = sent["msgId"].as_str().expect(&out);
    let got = ok_as(
        ns,
        Some(APP),
        &["message", "get", msg_id, "--topic", "allowed"],
    );
    assert!(got.contains("findme"), "{got}");

    // The bench and the dashboard sign too.
    let out = ok_as(
        ns,
        Some(APP),
        &[
            "bench", "produce", "-t", "allowed", "--count", "20", "-o", "json",
        ],
    );
    let bench: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (bench["msgs"].as_i64(), bench["errors"].as_i64()),
        (Some(20), Some(0)),
        "{out}"
    );
    let out = ok_as(ns, Some(APP), &["top", "--once", "-o", "json"]);
    assert!(out.contains("allowed"), "{out}");

    // A raw send as the admin passes every topic; unsigned, it is refused.
    let send = || {
        send_request(
            "denied",
            0,
            b"x",
            build_properties(std::iter::empty::<(&str, &str)>()),
        )
    };
    let r = client_as(ADMIN)
        .invoke(&up.broker, send(), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{r:?}");
    let r = RemotingClient::new()
        .invoke(&up.broker, send(), TIMEOUT)
        .await
        .unwrap();
    assert!(acl_remark(&r).contains("No accessKey is configured"));

    // A globally white-listed address needs no signature, even for admin requests.
    ok_as(ns, Some(ADMIN), &["acl", "whitelist", "127.0.0.1"]);
    ok_as(
        ns,
        None,
        &["topic", "create", "fromwhitelist", "-b", &up.broker],
    );
    let r = RemotingClient::new()
        .invoke(&up.broker, send(), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{r:?}");
    ok_as(ns, Some(ADMIN), &["acl", "whitelist", "--clear"]);
    refused_as(ns, None, &create, "No accessKey is configured");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_broker_reloads_a_changed_acl_file() {
    let dir = tempfile::tempdir().unwrap();
    let (up, acl) = start_acl_up(dir.path());
    let client = client_as(("lateuser1", "late-secret-1"));
    let send = || {
        send_request(
            "latetopic",
            0,
            b"x",
            build_properties(std::iter::empty::<(&str, &str)>()),
        )
    };
    let r = client.invoke(&up.broker, send(), TIMEOUT).await.unwrap();
    assert!(acl_remark(&r).contains("No acl config for lateuser1"));

    let mut text = acl_yaml("");
    text.push_str("  - accessKey: lateuser1\n    secretKey: late-secret-1\n    admin: true\n");
    std::fs::write(&acl, text).unwrap();
    let rt = tokio::runtime::Handle::current();
    let broker = up.broker.clone();
    tokio::task::spawn_blocking(move || {
        wait_until(
            "the broker to take the new account",
            Duration::from_secs(20),
            || {
                let r = rt
                    .block_on(client.invoke(&broker, send(), TIMEOUT))
                    .unwrap();
                r.code == response::SUCCESS
            },
        )
    })
    .await
    .unwrap();

    // A file that no longer loads leaves the ACL in force.
    std::fs::write(&acl, "accounts:\n  - accessKey: x\n").unwrap();
    let admin = client_as(ADMIN);
    for _ in 0..3 {
        let r = admin.invoke(&up.broker, send(), TIMEOUT).await.unwrap();
        assert_eq!(r.code, response::SUCCESS, "{r:?}");
        tokio::time::sleep(mq::acl::validator::WATCH_INTERVAL).await;
    }
}

#[test]
fn acl_commands_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let (up, acl) = start_acl_up(dir.path());
    let ns = up.namesrv.as_str();
    let a = Some(ADMIN);

    refused_as(
        ns,
        Some(APP),
        &["acl", "list"],
        "Need admin permission for request code=54",
    );
    let out = ok_as(ns, a, &["acl", "list"]);
    assert!(
        out.contains("appuser01") && out.contains("mqadmin1"),
        "{out}"
    );
    assert!(
        !out.contains("app-secret-1"),
        "secrets stay out of listings: {out}"
    );

    ok_as(
        ns,
        a,
        &[
            "acl",
            "create",
            "newuser01",
            "--secret",
            "new-secret-1",
            "--default-topic-perm",
            "PUB",
            "--topic-perm",
            "t1=SUB",
            "--group-perm",
            "g1=DENY",
        ],
    );
    refused_as(
        ns,
        a,
        &["acl", "create", "newuser01", "--secret", "new-secret-1"],
        "already exists",
    );
    let json = ok_as(ns, a, &["acl", "get", "newuser01", "-o", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let account = &v[0]["accounts"][0];
    assert_eq!(account["accessKey"], "newuser01");
    assert_eq!(account["defaultTopicPerm"], "PUB");
    assert_eq!(account["topicPerms"][0], "t1=SUB");
    assert_eq!(account["groupPerms"][0], "g1=DENY");
    assert!(account.get("secretKey").is_none(), "{json}");
    // The broker wrote it to its file.
    let file = std::fs::read_to_string(&acl).unwrap();
    assert!(
        file.contains("newuser01") && file.contains("dataVersion"),
        "{file}"
    );

    // The new account signs: allowed to send anywhere but not to make admin requests.
    let new = Some(("newuser01", "new-secret-1"));
    ok_as(ns, a, &["topic", "create", "anytopic", "-b", &up.broker]);
    ok_as(
        ns,
        new,
        &["send", "--topic", "anytopic", "-c", "1", "-b", "x"],
    );
    refused_as(
        ns,
        new,
        &["acl", "whitelist", "10.0.0.*"],
        "Need admin permission for request code=53",
    );

    ok_as(
        ns,
        a,
        &[
            "acl",
            "update",
            "newuser01",
            "--secret",
            "new-secret-1",
            "--admin",
        ],
    );
    ok_as(ns, new, &["acl", "whitelist", "10.0.0.*", "10.0.1.1"]);
    let out = ok_as(ns, a, &["acl", "whitelist", "-o", "json"]);
    assert!(
        out.contains("10.0.0.*") && out.contains("10.0.1.1"),
        "{out}"
    );
    refused_as(
        ns,
        a,
        &["acl", "update", "ghostuser1", "--secret", "x-secret-1"],
        "does not exist",
    );

    // mqadmin's updateAclConfig creates or updates, whichever applies.
    for perm in ["SUB", "PUB|SUB"] {
        let t = format!("t1={perm},t2=DENY");
        ok_as(
            ns,
            a,
            &[
                "admin",
                "updateAclConfig",
                "-a",
                "ghostuser1",
                "-s",
                "x-secret-1",
                "-t",
                &t,
                "-m",
                "false",
            ],
        );
        let json = ok_as(ns, a, &["acl", "get", "ghostuser1", "-o", "json"]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let perms = &v[0]["accounts"][0]["topicPerms"];
        assert_eq!(perms[0], format!("t1={perm}"), "{json}");
        assert_eq!(perms[1], "t2=DENY", "{json}");
    }
    ok_as(
        ns,
        a,
        &[
            "admin",
            "deleteAclConfig",
            "-a",
            "ghostuser1",
            "-b",
            &up.broker,
        ],
    );
    refused_as(
        ns,
        a,
        &["acl", "get", "ghostuser1"],
        "no account 'ghostuser1'",
    );
    let out = ok_as(ns, a, &["admin", "clusterAclConfigVersion"]);
    assert!(out.contains(&up.broker), "{out}");

    let v1: serde_json::Value =
        serde_json::from_str(&ok_as(ns, a, &["acl", "version", "-o", "json"])).unwrap();
    ok_as(ns, a, &["acl", "delete", "newuser01", "-y"]);
    let v2: serde_json::Value =
        serde_json::from_str(&ok_as(ns, a, &["acl", "version", "-o", "json"])).unwrap();
    assert!(
        v2[0]["version"]["counter"].as_i64() > v1[0]["version"]["counter"].as_i64(),
        "{v1} {v2}"
    );
    refused_as(
        ns,
        new,
        &["send", "--topic", "anytopic", "-c", "1", "-b", "x"],
        "No acl config for newuser01",
    );
    refused_as(
        ns,
        a,
        &["acl", "delete", "newuser01", "-y"],
        "has been deleted failed",
    );
    refused_as(
        ns,
        a,
        &["acl", "get", "newuser01"],
        "no account 'newuser01'",
    );
}

#[test]
fn credentials_come_from_a_file_and_bad_ones_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (up, _acl) = start_acl_up(dir.path());
    let ns = up.namesrv.as_str();
    let tools = dir.path().join("tools.yml");
    std::fs::write(
        &tools,
        format!("accessKey: {}\nsecretKey: {}\n", ADMIN.0, ADMIN.1),
    )
    .unwrap();
    ok_as(
        ns,
        None,
        &[
            "--credentials",
            tools.to_str().unwrap(),
            "topic",
            "create",
            "filetopic",
        ],
    );
    let props = dir.path().join("key");
    std::fs::write(
        &props,
        format!("AccessKey={}\nSecretKey={}\n", APP.0, APP.1),
    )
    .unwrap();
    refused_as(
        ns,
        None,
        &[
            "--credentials",
            props.to_str().unwrap(),
            "topic",
            "create",
            "filetopic2",
        ],
        "accessKey=appuser01 is not",
    );
    let out = mq_as(ns, None, &["--access-key", "onlykey1", "topic", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--secret-key"));
    // The secret never shows, not even in a failure.
    let out = mq_as(
        ns,
        Some((APP.0, "s3cr3t-not-shown")),
        &["topic", "create", "x1"],
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("s3cr3t-not-shown"));
}

/// A transactional producer answers the broker's check over the connection the
/// check came in on: that answer (END_TRANSACTION, oneway) is signed too, or
/// the half message would never be committed.
#[test]
fn transaction_check_answers_are_signed() {
    let dir = tempfile::tempdir().unwrap();
    let (up, _acl) = start_acl_up_with(
        dir.path(),
        "transactionCheckInterval: 1000\ntransactionTimeOut: 1000\n",
    );
    let ns = up.namesrv.as_str();
    ok_as(
        ns,
        Some(ADMIN),
        &["topic", "create", "allowed", "-b", &up.broker],
    );
    let out = mq_as(
        ns,
        Some(APP),
        &[
            "send",
            "-t",
            "allowed",
            "-g",
            "tx_pg",
            "-b",
            "checked",
            "--transaction",
            "unknown",
            "--check-answer",
            "commit",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("answered COMMIT_MESSAGE"));
    let got = ok_as(
        ns,
        Some(APP),
        &[
            "consume",
            "-t",
            "allowed",
            "-g",
            "tx_cg",
            "--count",
            "1",
            "--idle-exit",
            "30",
        ],
    );
    assert!(got.contains("checked"), "{got}");
}
