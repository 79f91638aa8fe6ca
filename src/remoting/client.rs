//! The remoting client: one connection per address, shared by every caller,
//! reconnected on demand after it closes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::TcpStream;

use super::command::RemotingCommand;
use super::connection::{Connection, ConnectionConfig, RequestHandler};
use super::error::RemotingError;

type Slot = Arc<tokio::sync::Mutex<Option<Arc<Connection>>>>;

#[derive(Clone)]
pub struct RemotingClient {
    inner: Arc<Inner>,
}

impl Default for RemotingClient {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Default)]
struct Inner {
    slots: Mutex<HashMap<String, Slot>>,
    handler: Option<Arc<dyn RequestHandler>>,
    config: ConnectionConfig,
}

impl RemotingClient {
    /// A client that applies the process's default RPC hook, if one is set.
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
    pub fn with_config(
        handler: Option<Arc<dyn RequestHandler>>,
        mut config: ConnectionConfig,
    ) -> Self {
        if config.rpc_hook.is_none() {
            config.rpc_hook = super::rpc_hook::process_default();
        }
        RemotingClient {
            inner: Arc::new(Inner {
                handler,
                config,
                ..Default::default()
            }),
        }
    }

    /// The open connection to `addr`, connecting if there is none.
    pub async fn connection(&self, addr: &str) -> Result<Arc<Connection>, RemotingError> {
        let slot = self
            .inner
            .slots
            .lock()
            .unwrap()
            .entry(addr.to_string())
            .or_default()
            .clone();
        let mut slot = slot.lock().await;
        if let Some(conn) = slot.as_ref().filter(|c| !c.is_closed()) {
            return Ok(conn.clone());
        }
        let stream = TcpStream::connect(addr)
            .await
            .map_err(|source| RemotingError::Connect {
                addr: addr.to_string(),
                source,
            })?;
        let conn = Connection::spawn(
            stream,
            self.inner.handler.clone(),
            self.inner.config.clone(),
        );
        *slot = Some(conn.clone());
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
        let slots: Vec<Slot> = self.inner.slots.lock().unwrap().values().cloned().collect();
        for slot in slots {
            if let Ok(s) = slot.try_lock()
                && let Some(c) = s.as_ref()
            {
                c.close();
            }
        }
    }
}
