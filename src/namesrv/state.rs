//! The name server's state: its config, the route table, the KV config and
//! which connection each broker registered over. Processors read and change
//! it; the server (listener, expiry scan) owns an `Arc` of it. No I/O here
//! beyond loading the KV config file at start.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use super::config::NamesrvConfig;
use super::kv_config::KVConfigManager;
use super::route_info::RouteInfoManager;

/// The name server's state, shared by its processors and timers.
pub struct NamesrvState {
    pub config: RwLock<NamesrvConfig>,
    pub route: RwLock<RouteInfoManager>,
    pub kv: Mutex<KVConfigManager>,
    /// The connection each broker address last registered over (by identity),
    /// so a closed connection removes only brokers that have not moved on.
    broker_connections: Mutex<HashMap<String, usize>>,
}

#[derive(Debug, thiserror::Error)]
#[error("cannot load the KV config from {path}: {reason}")]
pub struct StartError {
    path: String,
    reason: String,
}

impl NamesrvState {
    /// Loads the KV config named by `config`; the route table starts empty.
    pub fn new(config: NamesrvConfig) -> Result<Arc<NamesrvState>, StartError> {
        let kv = KVConfigManager::load(&config.kv_config_path).map_err(|e| StartError {
            path: config.kv_config_path.display().to_string(),
            reason: e.to_string(),
        })?;
        Ok(Arc::new(NamesrvState {
            config: RwLock::new(config),
            route: RwLock::new(RouteInfoManager::new()),
            kv: Mutex::new(kv),
            broker_connections: Mutex::new(HashMap::new()),
        }))
    }

    /// Records that `broker_addr` last registered over connection `conn_id`.
    pub fn remember_broker_connection(&self, broker_addr: &str, conn_id: usize) {
        self.broker_connections
            .lock()
            .unwrap()
            .insert(broker_addr.to_string(), conn_id);
    }

    /// Connection `conn_id` closed: removes from the routes every broker whose
    /// last registration came over it (RocketMQ's onChannelDestroy), and
    /// returns their addresses.
    pub fn broker_connection_closed(&self, conn_id: usize) -> Vec<String> {
        let gone: Vec<String> = {
            let mut by_addr = self.broker_connections.lock().unwrap();
            let gone = by_addr
                .iter()
                .filter(|(_, c)| **c == conn_id)
                .map(|(a, _)| a.clone())
                .collect::<Vec<_>>();
            for a in &gone {
                by_addr.remove(a);
            }
            gone
        };
        let mut route = self.route.write().unwrap();
        for addr in &gone {
            route.on_broker_channel_destroyed(addr);
        }
        gone
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> (tempfile::TempDir, Arc<NamesrvState>) {
        let dir = tempfile::tempdir().unwrap();
        let config = NamesrvConfig {
            kv_config_path: dir.path().join("kvConfig.json"),
            ..NamesrvConfig::default()
        };
        (dir, NamesrvState::new(config).unwrap())
    }

    #[test]
    fn a_closed_connection_forgets_only_brokers_that_did_not_move_on() {
        let (_dir, s) = state();
        s.remember_broker_connection("10.0.0.1:10911", 1);
        s.remember_broker_connection("10.0.0.2:10911", 1);
        // The second broker reconnected over connection 2 before 1 closed.
        s.remember_broker_connection("10.0.0.2:10911", 2);
        assert_eq!(s.broker_connection_closed(1), vec!["10.0.0.1:10911"]);
        assert!(s.broker_connection_closed(1).is_empty());
        assert_eq!(s.broker_connection_closed(2), vec!["10.0.0.2:10911"]);
    }
}
