//! A running name server: the listener serving the processors, and the
//! expiry scan, around the shared state; `run(listener, shutdown)` so tests
//! and `mq up` can start one on any port.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use super::config::NamesrvConfig;
use super::processor::NamesrvProcessor;
use super::state::{NamesrvState, StartError};
use crate::remoting::server::{self, ServerConfig};
use crate::remoting::tls::{TlsError, TlsServer};

/// A name server ready to serve its state.
pub struct NameServer {
    state: Arc<NamesrvState>,
    tls: Option<Arc<TlsServer>>,
}

/// Why a name server cannot start.
#[derive(Debug, thiserror::Error)]
pub enum NameServerError {
    #[error(transparent)]
    Kv(#[from] StartError),
    #[error("{0}")]
    Tls(#[from] TlsError),
}

impl NameServer {
    pub fn new(config: NamesrvConfig) -> Result<Arc<NameServer>, NameServerError> {
        let tls = config.tls_server().build()?;
        Ok(Arc::new(NameServer {
            state: NamesrvState::new(config)?,
            tls,
        }))
    }

    /// The state the processors serve.
    pub fn state(&self) -> &Arc<NamesrvState> {
        &self.state
    }

    /// Serves `listener` until `shutdown` resolves.
    pub async fn run(self: Arc<Self>, listener: TcpListener, shutdown: impl Future<Output = ()>) {
        let (server_config, limits) = {
            let c = self.state.config.read().unwrap();
            let server_config = ServerConfig {
                max_frame: c.frame_max_length,
                idle_timeout: Duration::from_secs(c.server_channel_max_idle_time_seconds),
                tls: self.tls.clone(),
            };
            (server_config, c.server_limits())
        };
        let stop = CancellationToken::new();
        let scan = tokio::spawn(scan_loop(self.state.clone(), stop.clone()));
        let processor = Arc::new(NamesrvProcessor::new(self.state.clone()));
        server::serve(listener, processor, server_config, limits, shutdown).await;
        // As the broker's services: stopped through a token and awaited, never aborted mid-step.
        stop.cancel();
        let _ = scan.await;
    }
}

/// Removes brokers that have not registered within the expiry time, until `stop`.
async fn scan_loop(state: Arc<NamesrvState>, stop: CancellationToken) {
    loop {
        let (interval, expiry) = {
            let c = state.config.read().unwrap();
            (
                c.scan_not_active_broker_interval,
                c.broker_channel_expired_time,
            )
        };
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tokio::time::sleep(Duration::from_millis(interval.max(10))) => {}
        }
        let removed = state
            .route
            .write()
            .unwrap()
            .scan_not_active_broker(crate::util::now_millis(), expiry as i64);
        for broker in removed {
            tracing::warn!(
                "broker {} expired: no registration for {expiry} ms, removed",
                broker.broker_addr
            );
        }
    }
}
