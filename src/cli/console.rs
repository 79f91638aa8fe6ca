//! `mq console`: parses the flags and serves the web console (src/console)
//! until Ctrl-C.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::{CliError, CliResult, GlobalArgs};
use crate::console::auth::Users;
use crate::console::{ConsoleOptions, server};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  mq console\n  mq console -n 10.0.0.5:9876 --listen 127.0.0.1:8081\n  mq console --write"
)]
pub struct ConsoleArgs {
    /// Address to serve on (loopback unless you say otherwise)
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Allow changes: topics, groups, offsets, config, sending and re-sending
    /// (each a POST with the page's CSRF token; deletions ask to type the name)
    #[arg(long)]
    pub write: bool,
    /// Time between the dashboard's polling rounds, e.g. 5s
    #[arg(long, default_value = "5s", value_parser = humantime::parse_duration)]
    pub poll_interval: Duration,
    /// Basic auth: the users allowed in, one `name:password` a line (needed to
    /// listen beyond loopback)
    #[arg(long, value_name = "FILE")]
    pub users: Option<PathBuf>,
    /// Listen beyond loopback without --users (anyone who reaches the port gets in)
    #[arg(long, conflicts_with = "users")]
    pub no_auth: bool,
}

pub async fn run(g: &GlobalArgs, args: ConsoleArgs) -> CliResult {
    // Checks the list before serving anything.
    g.admin()?;
    let users = match &args.users {
        Some(path) => Some(Arc::new(Users::load(path).map_err(CliError::Usage)?)),
        None => None,
    };
    if !args.listen.ip().is_loopback() && users.is_none() && !args.no_auth {
        return Err(CliError::Usage(format!(
            "{} is beyond loopback: give --users FILE (basic auth), or --no-auth to let anyone in",
            args.listen
        )));
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| CliError::Failed(format!("cannot listen on {}: {e}", args.listen)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| CliError::Failed(e.to_string()))?;
    println!(
        "console: http://{addr}/  (NAMESRV_ADDR={}, {})",
        g.namesrv(),
        if args.write {
            "write mode"
        } else {
            "read-only"
        }
    );
    let stop = CancellationToken::new();
    let stopper = stop.clone();
    tokio::spawn(async move {
        crate::util::shutdown_signal().await;
        stopper.cancel();
    });
    let mut options = options(g, &args);
    options.users = users;
    server::run(listener, options, stop)
        .await
        .map_err(|e| CliError::Failed(format!("console: {e}")))
}

pub fn options(g: &GlobalArgs, args: &ConsoleArgs) -> ConsoleOptions {
    ConsoleOptions {
        namesrv: g.namesrv().to_string(),
        timeout: g.timeout,
        write: args.write,
        poll_interval: args.poll_interval.max(Duration::from_millis(200)),
        users: None,
    }
}
