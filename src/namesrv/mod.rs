//! The name server: its state (route table, KV config, config) in `state`,
//! the request processors on that state in `processor`, and the server that
//! runs the listener and the expiry scan in `server`. Dependencies go
//! server -> processor -> state, never back.

pub mod config;
pub mod kv_config;
pub mod processor;
pub mod route_info;
pub mod server;
pub mod state;

pub use config::NamesrvConfig;
pub use kv_config::KVConfigManager;
pub use route_info::RouteInfoManager;
pub use server::NameServer;
pub use state::{NamesrvState, StartError};
