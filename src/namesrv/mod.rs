//! The name server: route table, KV config and the request processors that serve them.

pub mod route_info;

pub use route_info::RouteInfoManager;
