//! mq: a RocketMQ-compatible name server, broker and admin toolkit.
//!
//! Dependencies flow one way: `cli` -> `client` -> `protocol` -> `remoting`;
//! `namesrv` -> `protocol`; `broker` -> `store` + `protocol`.

pub mod broker;
pub mod cli;
pub mod client;
pub mod config;
pub mod namesrv;
pub mod protocol;
pub mod remoting;
pub mod render;
pub mod store;
pub mod tui;
pub mod util;
