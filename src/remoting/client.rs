//! The remoting client: one connection per address, shared by every caller,
//! reconnected on demand after it closes; over TLS when the process (or the
//! client) is given a TLS client config.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::TcpStream;

use super::command::RemotingCommand;
use super::connection::{Connection, ConnectionConfig, RequestHandler};
use super::error::RemotingError;
use super::tls::TlsClient;

/// One address's connection: taken without waiting while it is open (every request asks
/// for it); `connecting` lets one caller connect while the others wait for it.
#[derive(Default)]
struct Slot {
    open: Mutex<Option<Arc<Connection>>>,
    connecting: tokio::sync::Mutex<()>,
}

#[derive(Clone)]
pub struct RemotingClient {
    inner: Arc<Inner>,
}

struct Inner {
    slots: Mutex<HashMap<String, Arc<Slot>, foldhash::fast::RandomState>>,
    handler: Option<Arc<dyn RequestHandler>>,
    config: ConnectionConfig,
    tls: Option<Arc<TlsClient>>,
}

impl Default for RemotingClient {
    fn default() -> Self {
        Self::new()
    }
}

impl RemotingClient {
    /// A client that connects as the process is set up to (`tls::set_default_client`)
    /// and applies the process's default RPC hook, if one is set.
    pub fn new() -> Self {
        Self::with_config(None, Default::default())
    }

    /// A client that also answers requests servers send back to it
    /// (e.g. NOTIFY_CONSUMER_IDS_CHANGED).
    pub fn with_handler(handler: Arc<dyn RequestHandler>) -> Self {
        Self::with_config(Some(handler), Default::default())
    }

    /// A client with these connection settings; without an `rpc_hook` of its own it
    /// takes the process's default (see `rpc_hook::set_process_default`).
    pub fn with_config(handler: Option<Arc<dyn RequestHandler>>, config: ConnectionConfig) -> Self {
        RemotingClient::build(handler, config, super::tls::default_client())
    }

    /// A client that connects with `tls` (plaintext for `None`), whatever the
    /// process default.
    pub fn with_tls(tls: Option<Arc<TlsClient>>) -> Self {
        RemotingClient::build(None, ConnectionConfig::default(), tls)
    }

    fn build(
        handler: Option<Arc<dyn RequestHandler>>,
        mut config: ConnectionConfig,
        tls: Option<Arc<TlsClient>>,
    ) -> Self {
        if config.rpc_hook.is_none() {
            config.rpc_hook = super::rpc_hook::process_default();
        }
        RemotingClient {
            inner: Arc::new(Inner {
                slots: Mutex::default(),
                handler,
                config,
                tls,
            }),
        }
    }

    /// The open connection to `addr`, if there is one.
    fn open(&self, addr: &str) -> Option<Arc<Connection>> {
        let slots = self.inner.slots.lock().unwrap();
        let open = slots.get(addr)?.open.lock().unwrap();
        open.as_ref().filter(|c| !c.is_closed()).cloned()
    }

    /// The open connection to `addr`, connecting if there is none.
    pub async fn connection(&self, addr: &str) -> Result<Arc<Connection>, RemotingError> {
        if let Some(conn) = self.open(addr) {
            return Ok(conn);
        }
        let slot = self
            .inner
            .slots
            .lock()
            .unwrap()
            .entry(addr.to_string())
            .or_default()
            .clone();
        let _connecting = slot.connecting.lock().await;
        if let Some(conn) = slot
            .open
            .lock()
            .unwrap()
            .as_ref()
            .filter(|c| !c.is_closed())
        {
            return Ok(conn.clone());
        }
        let stream = TcpStream::connect(addr)
            .await
            .map_err(|source| RemotingError::Connect {
                addr: addr.to_string(),
                source,
            })?;
        let handler = self.inner.handler.clone();
        let config = self.inner.config.clone();
        let conn = match &self.inner.tls {
            None => Connection::spawn(stream, handler, config),
            Some(tls) => {
                let _ = stream.set_nodelay(true);
                let peer = stream
                    .peer_addr()
                    .map_err(|source| RemotingError::Connect {
                        addr: addr.to_string(),
                        source,
                    })?;
                let stream =
                    tls.connect(addr, stream)
                        .await
                        .map_err(|source| RemotingError::Connect {
                            addr: addr.to_string(),
                            source,
                        })?;
                Connection::spawn_stream(stream, peer, handler, config)
            }
        };
        *slot.open.lock().unwrap() = Some(conn.clone());
        Ok(conn)
    }

    /// Sends a request to `addr` and waits for the response; `timeout`
    /// covers connecting too.
    pub async fn invoke(
        &self,
        addr: &str,
        request: RemotingCommand,
        timeout: Duration,
    ) -> Result<RemotingCommand, RemotingError> {
        if let Some(conn) = self.open(addr) {
            return conn.invoke(request, timeout).await;
        }
        let started = tokio::time::Instant::now();
        let conn = tokio::time::timeout(timeout, self.connection(addr))
            .await
            .map_err(|_| RemotingError::Timeout {
                addr: addr.to_string(),
                millis: timeout.as_millis(),
            })??;
        let left = timeout.saturating_sub(started.elapsed());
        conn.invoke(request, left).await
    }

    /// Sends a request to `addr` that gets no response.
    pub async fn invoke_oneway(
        &self,
        addr: &str,
        request: RemotingCommand,
        timeout: Duration,
    ) -> Result<(), RemotingError> {
        if let Some(conn) = self.open(addr) {
            return conn.invoke_oneway(request).await;
        }
        let conn = tokio::time::timeout(timeout, self.connection(addr))
            .await
            .map_err(|_| RemotingError::Timeout {
                addr: addr.to_string(),
                millis: timeout.as_millis(),
            })??;
        conn.invoke_oneway(request).await
    }

    /// Closes every connection.
    pub fn shutdown(&self) {
        let slots: Vec<Arc<Slot>> = self.inner.slots.lock().unwrap().values().cloned().collect();
        for slot in slots {
            if let Some(c) = slot.open.lock().unwrap().as_ref() {
                c.close();
            }
        }
    }
}
