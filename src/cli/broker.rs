//! `mq broker start`: run a broker in the foreground; `mq broker status` and
//! `mq broker config get|set`: a running broker's runtime info and config.

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
    /// Runtime info of brokers: version, put/get TPS, disk use, unflushed bytes, commit log offsets
    #[command(
        after_help = "Examples:\n  mq broker status\n  mq broker status -b 127.0.0.1:10911 -o json"
    )]
    Status {
        #[command(flatten)]
        targets: super::admin_common::Targets,
    },
    /// Read or change a running broker's config
    #[command(subcommand)]
    Config(super::broker_admin::ConfigCommand),
    /// Every consumer group's progress on brokers: per queue broker offset, consumer offset, lag
    #[command(
        after_help = "Examples:\n  mq broker consume-stats\n  mq broker consume-stats -b 127.0.0.1:10911 --min-diff 100\n  mq broker consume-stats --order -o json"
    )]
    ConsumeStats(super::broker_admin::ConsumeStatsArgs),
    /// One RocketMQ stats item's sum, TPS and average over the last minute, hour and day
    #[command(
        after_help = "Stats names: TOPIC_PUT_NUMS, TOPIC_PUT_SIZE (key: topic); GROUP_GET_NUMS,\nGROUP_GET_SIZE, SNDBCK_PUT_NUMS (key: topic@group); BROKER_PUT_NUMS,\nBROKER_GET_NUMS (key: cluster name).\n\nExamples:\n  mq broker stats TOPIC_PUT_NUMS TopicTest\n  mq broker stats GROUP_GET_NUMS TopicTest@demo -b 127.0.0.1:10911 -o json"
    )]
    Stats(super::broker_admin::StatsArgs),
    /// Producers connected to brokers, by producer group
    #[command(
        after_help = "Examples:\n  mq broker producers\n  mq broker producers -b 127.0.0.1:10911 -o json"
    )]
    Producers {
        #[command(flatten)]
        targets: super::admin_common::Targets,
    },
    /// Run a store clean-up on brokers now
    #[command(
        after_help = "Examples:\n  mq broker clean expired-commitlog\n  mq broker clean expired-cq -b 127.0.0.1:10911"
    )]
    Clean(super::broker_admin::CleanArgs),
}

pub async fn run(g: &GlobalArgs, cmd: BrokerCommand) -> CliResult {
    match cmd {
        BrokerCommand::Status { targets } => super::broker_admin::status(g, targets).await,
        BrokerCommand::Config(cmd) => super::broker_admin::config(g, cmd).await,
        BrokerCommand::ConsumeStats(a) => super::broker_admin::consume_stats(g, a).await,
        BrokerCommand::Stats(a) => super::broker_admin::stats(g, a).await,
        BrokerCommand::Producers { targets } => super::broker_admin::producers(g, targets).await,
        BrokerCommand::Clean(a) => super::broker_admin::clean(g, a).await,
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
            if start.broker.is_master() {
                ha_port_check(&start).await?;
            }
            let broker = open(start, &namesrv)?;
            broker.register_now().await;
            println!(
                "The broker[{}, {}] boot success. name server is {namesrv}",
                broker.config().broker_name,
                broker.config().broker_addr()
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

/// A master's replication port (haListenPort, or listenPort+1) must be free too, or its
/// slaves could not follow: RocketMQ's broker fails to start then, and so does this one.
pub async fn ha_port_check(start: &BrokerStartConfig) -> CliResult {
    let port = crate::broker::ha_listen_port(start.broker.listen_port, start.store.ha_listen_port);
    drop(bind(&format!("{}:{port}", start.broker.broker_ip1)).await?);
    Ok(())
}

/// Opens the broker's store and config, with errors that name the problem.
pub fn open(start: BrokerStartConfig, namesrv: &str) -> CliResult<Arc<Broker>> {
    Broker::open(start, Some(namesrv))
        .map_err(|e| CliError::Failed(format!("cannot start the broker: {e}")))
}
