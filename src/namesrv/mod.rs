//! The name server: route table, KV config and the request processors that serve them.

pub mod kv_config;
pub mod route_info;

pub use kv_config::KVConfigManager;
pub use route_info::RouteInfoManager;
