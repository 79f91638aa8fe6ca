//! mq: a RocketMQ-compatible name server, broker and admin toolkit.
//!
//! Dependencies flow one way (a module may also use anything below what it
//! names):
//!
//! - `cli` is the top: it parses flags, starts the daemons (`broker`,
//!   `namesrv`), reads stores offline (`store`) and drives `tui` and `client`.
//! - `tui` and `console` -> `client` + `render`.
//! - `client` -> `acl` + `protocol` -> `remoting`. The admin workflows the CLI and
//!   the console share live in `client::admin`.
//! - `broker` -> `store` + `filter` + `protocol` (+ `remoting` to serve), and
//!   `client::namesrv` alone of `client`: a broker registers with its name
//!   servers as their client, with the same address list and failover.
//! - `namesrv` -> `protocol` (+ `remoting` to serve); inside it, server ->
//!   processor -> state.
//! - `store` -> `protocol` for the message record format only; it knows
//!   nothing of connections or requests.
//! - `render` (tables, `-o json|yaml`) knows nothing of where data comes from.
//! - `acl` (plain ACL: the broker's checks, the clients' signing) -> `protocol`.
//! - `util` and `config` are at the bottom.
//!
//! tests/layering.rs checks every `crate::` and `super::` path against this.

pub mod acl;
pub mod bench;
pub mod broker;
pub mod cli;
pub mod client;
pub mod config;
pub mod console;
pub mod filter;
#[doc(hidden)]
pub mod fuzz_targets;
pub mod namesrv;
pub mod protocol;
pub mod remoting;
pub mod render;
pub mod store;
pub mod tui;
pub mod util;
