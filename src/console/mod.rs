//! `mq console`: the web console. An axum server (`server`) whose every page
//! has a JSON twin under `/api/...`, both built from the same data calls on
//! the admin client the CLI uses (`client::admin`), cached for a second
//! (`cache`) and run in parallel. Pages are server-rendered HTML (`html`,
//! `chart` for SVG) with embedded assets; a background poll (`poller`) feeds
//! the in-memory history (`history`) behind the dashboard's charts.
//!
//! Safe by default: read-only unless started with `--write`, and then every
//! change is a POST carrying the CSRF token (`session`), destructive ones
//! confirmed by typing the name of what goes; basic auth (`auth`) when
//! served beyond loopback.

pub mod auth;
pub mod cache;
pub mod chart;
pub mod cluster;
pub mod dashboard;
pub mod error;
pub mod groups;
pub mod history;
pub mod html;
pub mod input;
pub mod messages;
pub mod namesrv;
pub mod poller;
pub mod producers;
pub mod server;
pub mod session;
pub mod state;
pub mod topics;

use std::time::Duration;

/// How the console runs.
#[derive(Debug, Clone)]
pub struct ConsoleOptions {
    /// The name server list the console starts with (`;`-separated).
    pub namesrv: String,
    /// Time allowed for each admin request.
    pub timeout: Duration,
    /// Changes allowed (topics, groups, offsets, resends); read-only otherwise.
    pub write: bool,
    /// Time between the dashboard's polling rounds.
    pub poll_interval: Duration,
    /// Basic auth: every request must name one of these users.
    pub users: Option<std::sync::Arc<auth::Users>>,
}
