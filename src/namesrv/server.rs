//! A running name server: its state, the expiry scan, and `run(listener,
//! shutdown)` so tests and `mq up` can start one on any port.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use tokio::net::TcpListener;

use super::config::NamesrvConfig;
use super::kv_config::KVConfigManager;
use super::processor::NamesrvProcessor;
use super::route_info::RouteInfoManager;
use crate::remoting::Connection;
use crate::remoting::server::{self, ServerConfig};

/// The name server's state, shared by its processors and timers.
pub struct NameServer {
    pub config: RwLock<NamesrvConfig>,
    pub route: RwLock<RouteInfoManager>,
    pub kv: Mutex<KVConfigManager>,
    /// The connection each broker address last registered over (by identity),
    /// so a closed connection removes only brokers that have not moved on.
    pub broker_connections: Mutex<HashMap<String, usize>>,
}

#[derive(Debug, thiserror::Error)]
#[error("cannot load the KV config from {path}: {reason}")]
pub struct StartError {
    path: String,
    reason: String,
}

impl NameServer {
    pub fn new(config: NamesrvConfig) -> Result<Arc<NameServer>, StartError> {
        let kv = KVConfigManager::load(&config.kv_config_path).map_err(|e| StartError {
            path: config.kv_config_path.display().to_string(),
            reason: e.to_string(),
        })?;
        Ok(Arc::new(NameServer {
            config: RwLock::new(config),
            route: RwLock::new(RouteInfoManager::new()),
            kv: Mutex::new(kv),
            broker_connections: Mutex::new(HashMap::new()),
        }))
    }

    /// Serves `listener` until `shutdown` resolves.
    pub async fn run(self: Arc<Self>, listener: TcpListener, shutdown: impl Future<Output = ()>) {
        let server_config = {
            let c = self.config.read().unwrap();
            ServerConfig {
                max_frame: c.frame_max_length,
                idle_timeout: Duration::from_secs(c.server_channel_max_idle_time_seconds),
            }
        };
        let scan = tokio::spawn(self.clone().scan_loop());
        let processor = Arc::new(NamesrvProcessor::new(self.clone()));
        server::run(listener, processor, server_config, shutdown).await;
        scan.abort();
    }

    /// Remembers that `broker_addr` registered over `conn`; when that
    /// connection closes and the broker has not registered over another one,
    /// it is removed at once (RocketMQ's onChannelDestroy), not 120 s later.
    pub fn watch_broker_connection(self: &Arc<Self>, conn: &Arc<Connection>, broker_addr: &str) {
        let id = Arc::as_ptr(conn) as usize;
        self.broker_connections
            .lock()
            .unwrap()
            .insert(broker_addr.to_string(), id);
        if !conn.mark_watched() {
            return;
        }
        let server = self.clone();
        let conn = conn.clone();
        tokio::spawn(async move {
            conn.closed().await;
            let gone: Vec<String> = {
                let mut by_addr = server.broker_connections.lock().unwrap();
                let gone = by_addr
                    .iter()
                    .filter(|(_, c)| **c == id)
                    .map(|(a, _)| a.clone())
                    .collect::<Vec<_>>();
                for a in &gone {
                    by_addr.remove(a);
                }
                gone
            };
            let mut route = server.route.write().unwrap();
            for addr in gone {
                route.on_broker_channel_destroyed(&addr);
                tracing::info!("broker {addr} disconnected: removed from routes");
            }
        });
    }

    /// Removes brokers that have not registered within the expiry time.
    async fn scan_loop(self: Arc<Self>) {
        loop {
            let (interval, expiry) = {
                let c = self.config.read().unwrap();
                (
                    c.scan_not_active_broker_interval,
                    c.broker_channel_expired_time,
                )
            };
            tokio::time::sleep(Duration::from_millis(interval.max(10))).await;
            let removed = self
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
}
