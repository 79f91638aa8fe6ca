//! The name server: route table, KV config and the request processors that
//! serve them.

pub mod config;
pub mod kv_config;
pub mod processor;
pub mod route_info;
pub mod server;

pub use config::NamesrvConfig;
pub use kv_config::KVConfigManager;
pub use route_info::RouteInfoManager;
pub use server::NameServer;
