//! TLS for the remoting layer, as RocketMQ's TlsSystemConfig has it: a server
//! mode (disabled, permissive: TLS and plaintext on one port told apart by the
//! first byte, enforcing: TLS only), the server's certificate and key from PEM
//! files, optional client-certificate verification; and the client side that
//! every `mq` connection uses once `--tls` is given (process-wide, as
//! RocketMQ's `tls.enable`).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use serde::{Deserialize, Serialize};
use tokio::net::TcpStream;
use tokio_rustls::{TlsAcceptor, TlsConnector};

/// The first byte of a TLS record carrying a handshake (RocketMQ's
/// HANDSHAKE_MAGIC_CODE): a remoting frame's first byte is the top of its
/// length, which is never 0x16 for a frame under 16 MiB.
pub const HANDSHAKE_BYTE: u8 = 0x16;

/// How long a TLS handshake (or, on a TLS port, the first byte) may take.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// RocketMQ's `tls.server.mode`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TlsMode {
    /// Plaintext only (a TLS client's handshake is refused).
    #[default]
    Disabled,
    /// TLS and plaintext on the same port.
    Permissive,
    /// TLS only.
    Enforcing,
}

/// RocketMQ's `tls.server.need.client.auth`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClientAuth {
    #[default]
    None,
    /// A client may present a certificate; one it presents must verify.
    Optional,
    /// A client must present a certificate that verifies.
    Require,
}

/// A server's TLS settings, under RocketMQ's key names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TlsServerSettings {
    pub mode: TlsMode,
    pub cert_path: Option<PathBuf>,
    pub key_path: Option<PathBuf>,
    pub need_client_auth: ClientAuth,
    pub trust_cert_path: Option<PathBuf>,
}

/// Why TLS could not be set up: names the key or file and the reason.
#[derive(Debug, thiserror::Error)]
#[error("{what}: {reason}")]
pub struct TlsError {
    pub what: String,
    pub reason: String,
}

fn err(what: impl Into<String>, reason: impl ToString) -> TlsError {
    TlsError {
        what: what.into(),
        reason: reason.to_string(),
    }
}

/// A server's TLS, ready to accept: its mode and the acceptor.
pub struct TlsServer {
    pub mode: TlsMode,
    pub acceptor: TlsAcceptor,
}

impl std::fmt::Debug for TlsServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsServer")
            .field("mode", &self.mode)
            .finish()
    }
}

/// ring: it builds with a C compiler alone (aws-lc-rs needs cmake). rustls
/// deprecated it for lacking post-quantum key exchange, which RocketMQ's Java
/// clients do not offer either.
#[allow(deprecated)]
fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn load_certs(key: &str, path: &Path) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let what = || format!("{key} ({})", path.display());
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| err(what(), e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| err(what(), e))?;
    if certs.is_empty() {
        return Err(err(what(), "no PEM certificate in the file"));
    }
    Ok(certs)
}

fn load_key(key: &str, path: &Path) -> Result<PrivateKeyDer<'static>, TlsError> {
    PrivateKeyDer::from_pem_file(path).map_err(|e| err(format!("{key} ({})", path.display()), e))
}

fn roots(key: &str, path: &Path) -> Result<rustls::RootCertStore, TlsError> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in load_certs(key, path)? {
        roots
            .add(cert)
            .map_err(|e| err(format!("{key} ({})", path.display()), e))?;
    }
    Ok(roots)
}

/// What a connection to a TLS server's port turned out to be.
pub enum Sniffed {
    Tls(Box<tokio_rustls::server::TlsStream<TcpStream>>),
    Plain(TcpStream),
    /// Plaintext on an enforcing port: the caller refuses it as its protocol can.
    PlainRefused(TcpStream),
}

impl TlsServer {
    /// Tells TLS from plaintext by the peer's first byte, waited for at most
    /// `first_byte_wait`, and runs the handshake of a TLS one. `None` (logged) when
    /// nothing came or the handshake failed.
    pub async fn sniff(
        &self,
        stream: TcpStream,
        peer: std::net::SocketAddr,
        first_byte_wait: Duration,
    ) -> Option<Sniffed> {
        let mut first = [0u8; 1];
        match tokio::time::timeout(first_byte_wait, stream.peek(&mut first)).await {
            Ok(Ok(1)) => {}
            _ => return None,
        }
        if first[0] != HANDSHAKE_BYTE {
            return Some(match self.mode {
                TlsMode::Enforcing => {
                    tracing::warn!(%peer, "refusing a plaintext connection (tls.server.mode: enforcing)");
                    Sniffed::PlainRefused(stream)
                }
                _ => Sniffed::Plain(stream),
            });
        }
        let _ = stream.set_nodelay(true);
        match tokio::time::timeout(HANDSHAKE_TIMEOUT, self.acceptor.accept(stream)).await {
            Ok(Ok(stream)) => Some(Sniffed::Tls(Box::new(stream))),
            Ok(Err(e)) => {
                tracing::warn!(%peer, "TLS handshake failed: {e}");
                None
            }
            Err(_) => {
                tracing::warn!(%peer, "TLS handshake not completed within {HANDSHAKE_TIMEOUT:?}");
                None
            }
        }
    }
}

impl TlsServerSettings {
    /// The server's TLS, `None` when the mode is disabled. A missing or bad
    /// file is an error that names its key, so a server refuses to start.
    pub fn build(&self) -> Result<Option<Arc<TlsServer>>, TlsError> {
        if self.mode == TlsMode::Disabled {
            return Ok(None);
        }
        let need = |key: &str, v: &Option<PathBuf>| -> Result<PathBuf, TlsError> {
            v.clone()
                .ok_or_else(|| err(key, "required when tls.server.mode is not disabled"))
        };
        let cert_path = need("tls.server.certPath", &self.cert_path)?;
        let key_path = need("tls.server.keyPath", &self.key_path)?;
        let certs = load_certs("tls.server.certPath", &cert_path)?;
        let key = load_key("tls.server.keyPath", &key_path)?;
        let builder = rustls::ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(|e| err("tls", e))?;
        let builder = match self.need_client_auth {
            ClientAuth::None => builder.with_no_client_auth(),
            auth => {
                let trust = self.trust_cert_path.as_ref().ok_or_else(|| {
                    err(
                        "tls.server.trustCertPath",
                        "required when tls.server.need.client.auth is optional or require",
                    )
                })?;
                let roots = roots("tls.server.trustCertPath", trust)?;
                let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                    Arc::new(roots),
                    provider(),
                );
                let verifier = if auth == ClientAuth::Optional {
                    verifier.allow_unauthenticated()
                } else {
                    verifier
                };
                let verifier = verifier
                    .build()
                    .map_err(|e| err("tls.server.trustCertPath", e))?;
                builder.with_client_cert_verifier(verifier)
            }
        };
        let config = builder
            .with_single_cert(certs, key)
            .map_err(|e| err("tls.server.certPath/tls.server.keyPath", e))?;
        Ok(Some(Arc::new(TlsServer {
            mode: self.mode,
            acceptor: TlsAcceptor::from(Arc::new(config)),
        })))
    }
}

/// A client's TLS settings: whom to trust, and the certificate to present.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TlsClientSettings {
    /// PEM certificates of the authorities that sign servers' certificates.
    pub ca_path: Option<PathBuf>,
    /// A client certificate and key, for servers that verify clients.
    pub cert_path: Option<PathBuf>,
    pub key_path: Option<PathBuf>,
    /// Accept any server certificate (tests only: no protection against a
    /// man in the middle).
    pub trust_all_for_testing: bool,
}

/// A client's TLS, ready to connect.
#[derive(Clone)]
pub struct TlsClient {
    connector: TlsConnector,
}

impl std::fmt::Debug for TlsClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TlsClient")
    }
}

impl TlsClientSettings {
    pub fn build(&self) -> Result<Arc<TlsClient>, TlsError> {
        let builder = rustls::ClientConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(|e| err("tls", e))?;
        let builder = match (&self.ca_path, self.trust_all_for_testing) {
            (Some(ca), _) => builder.with_root_certificates(roots("--tls-ca", ca)?),
            (None, true) => builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(TrustAll(provider()))),
            (None, false) => {
                return Err(err(
                    "--tls",
                    "needs --tls-ca FILE: the certificate authority that signed the servers' certificates",
                ));
            }
        };
        let config = match (&self.cert_path, &self.key_path) {
            (Some(cert), Some(key)) => builder
                .with_client_auth_cert(load_certs("--tls-cert", cert)?, load_key("--tls-key", key)?)
                .map_err(|e| err("--tls-cert/--tls-key", e))?,
            (None, None) => builder.with_no_client_auth(),
            _ => return Err(err("--tls-cert/--tls-key", "give both or neither")),
        };
        Ok(Arc::new(TlsClient {
            connector: TlsConnector::from(Arc::new(config)),
        }))
    }
}

impl TlsClient {
    /// Runs the TLS handshake over `stream` to `addr` (`host:port`; the host
    /// is what the server's certificate must name). Every failure is one
    /// error that says what went wrong, and a server that does not answer the
    /// handshake fails it after `HANDSHAKE_TIMEOUT`.
    pub async fn connect(
        &self,
        addr: &str,
        stream: TcpStream,
    ) -> io::Result<tokio_rustls::client::TlsStream<TcpStream>> {
        let host = addr
            .rsplit_once(':')
            .map_or(addr, |(h, _)| h)
            .trim_start_matches('[')
            .trim_end_matches(']');
        let name = ServerName::try_from(host.to_string())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, format!("{host}: {e}")))?;
        match tokio::time::timeout(HANDSHAKE_TIMEOUT, self.connector.connect(name, stream)).await {
            Ok(Ok(stream)) => Ok(stream),
            Ok(Err(e)) => Err(io::Error::new(e.kind(), handshake_failure(&e))),
            Err(_) => Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!(
                    "TLS handshake not answered within {} s: does the server serve TLS (tls.server.mode)?",
                    HANDSHAKE_TIMEOUT.as_secs()
                ),
            )),
        }
    }
}

fn handshake_failure(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::UnexpectedEof
        | io::ErrorKind::ConnectionReset
        | io::ErrorKind::ConnectionAborted
        | io::ErrorKind::BrokenPipe => format!(
            "TLS handshake failed: the server closed the connection ({e}); does it serve TLS (tls.server.mode permissive or enforcing), and does it require a client certificate?"
        ),
        _ => format!("TLS handshake failed: {e}"),
    }
}

static DEFAULT_CLIENT: RwLock<Option<Arc<TlsClient>>> = RwLock::new(None);

/// Makes every `RemotingClient` created from now on in this process connect
/// with `tls` (`None`: plaintext), as RocketMQ's `tls.enable` does.
pub fn set_default_client(tls: Option<Arc<TlsClient>>) {
    *DEFAULT_CLIENT.write().unwrap() = tls;
}

/// The process-wide client TLS (`set_default_client`).
pub fn default_client() -> Option<Arc<TlsClient>> {
    DEFAULT_CLIENT.read().unwrap().clone()
}

/// Accepts any server certificate, checking only that the handshake is
/// signed by the key of the certificate presented.
#[derive(Debug)]
struct TrustAll(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for TrustAll {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
