//! `mq broker start`: run a broker in the foreground.

use std::path::PathBuf;
use std::sync::Arc;

use super::{CliError, CliResult, GlobalArgs};
use crate::broker::Broker;
use crate::broker::config::{self, BrokerStartConfig};

#[derive(Debug, clap::Subcommand)]
pub enum BrokerCommand {
    /// Run a broker in the foreground until Ctrl-C
    #[command(
        after_help = "Examples:\n  mq broker start\n  mq broker start -c conf/broker.yaml\n  mq broker start -c broker.conf -n '127.0.0.1:9876;127.0.0.2:9876'"
    )]
    Start {
        /// Config file: YAML, or a RocketMQ broker.conf (Java properties)
        #[arg(short = 'c', long = "config")]
        config: Option<PathBuf>,
    },
}

pub async fn run(g: &GlobalArgs, cmd: BrokerCommand) -> CliResult {
    match cmd {
        BrokerCommand::Start { config } => {
            let start = match &config {
                Some(path) => config::load(path).map_err(|e| CliError::Usage(e.to_string()))?,
                None => BrokerStartConfig::default(),
            };
            // -n and NAMESRV_ADDR win over the file's namesrvAddr, as with mqbroker.
            let namesrv = g
                .namesrv
                .clone()
                .or_else(|| start.broker.namesrv_addr.clone())
                .unwrap_or_else(|| super::DEFAULT_NAMESRV.to_string());
            let listener = bind(&start.broker.broker_addr()).await?;
            let broker = open(start, &namesrv)?;
            broker.register_now().await;
            println!(
                "The broker[{}, {}] boot success. name server is {namesrv}",
                broker.config.broker_name,
                broker.config.broker_addr()
            );
            broker.run(listener, crate::util::shutdown_signal()).await;
            Ok(())
        }
    }
}

/// Binds `addr`, saying plainly when the port is taken.
pub async fn bind(addr: &str) -> CliResult<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            CliError::Failed(format!(
                "cannot listen on {addr}: the port is already in use (is another mq running?)"
            ))
        } else {
            CliError::Failed(format!("cannot listen on {addr}: {e}"))
        }
    })
}

/// Opens the broker's store and config, with errors that name the problem.
pub fn open(start: BrokerStartConfig, namesrv: &str) -> CliResult<Arc<Broker>> {
    Broker::open(start, Some(namesrv))
        .map_err(|e| CliError::Failed(format!("cannot start the broker: {e}")))
}
