//! `mq up`: a name server and a broker in one process, on loopback, with
//! their data in one directory: everything a newcomer needs, no config file.

use std::path::PathBuf;

use tokio_util::sync::CancellationToken;

use super::broker::{bind, open};
use super::{CliError, CliResult, GlobalArgs};
use crate::broker::config::{self, BrokerStartConfig};
use crate::namesrv::{NameServer, NamesrvConfig};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  mq up\n  mq up --data /tmp/mq --namesrv-port 9877 --broker-port 10921"
)]
pub struct UpArgs {
    /// Where the name server and broker keep their data
    #[arg(long, default_value = "mq-data")]
    pub data: PathBuf,
    /// Name server port (on 127.0.0.1)
    #[arg(long, default_value_t = 9876)]
    pub namesrv_port: u16,
    /// Broker port (on 127.0.0.1)
    #[arg(long, default_value_t = 10911)]
    pub broker_port: u16,
    /// Broker config file (YAML or RocketMQ broker.conf); ports and data
    /// directory from the flags above win
    #[arg(short = 'c', long = "config")]
    pub config: Option<PathBuf>,
}

pub async fn run(_g: &GlobalArgs, args: UpArgs) -> CliResult {
    let namesrv_addr = format!("127.0.0.1:{}", args.namesrv_port);
    let namesrv_listener = bind(&namesrv_addr).await?;

    let mut start = match &args.config {
        Some(path) => config::load(path).map_err(|e| CliError::Usage(e.to_string()))?,
        None => {
            // A newcomer's broker serves every kind of subscription; a config file
            // decides for itself (RocketMQ's default is off).
            let mut start = BrokerStartConfig::default();
            start.broker.enable_property_filter = true;
            start
        }
    };
    start.broker.broker_ip1 = "127.0.0.1".into();
    start.broker.listen_port = args.broker_port;
    start.store.store_path_root_dir = args.data.join("broker");
    let broker_listener = bind(&start.broker.broker_addr()).await?;

    let namesrv = NameServer::new(NamesrvConfig {
        listen_port: args.namesrv_port,
        kv_config_path: args.data.join("namesrv").join("kvConfig.json"),
        ..NamesrvConfig::default()
    })
    .map_err(|e| CliError::Failed(e.to_string()))?;
    let stop_namesrv = CancellationToken::new();
    let namesrv_task = tokio::spawn({
        let stop = stop_namesrv.clone();
        async move { namesrv.run(namesrv_listener, stop.cancelled_owned()).await }
    });

    let broker = open(start, &namesrv_addr)?;
    broker.register_now().await;
    let broker_addr = broker.config().broker_addr();
    println!("name server  {namesrv_addr}");
    println!(
        "broker       {broker_addr}  ({} in {}, brokerId {})",
        broker.config().broker_name,
        broker.config().broker_cluster_name,
        broker.config().broker_id
    );
    println!("data         {}", args.data.display());
    println!("ready: NAMESRV_ADDR={namesrv_addr}  (Ctrl-C stops)");

    // The broker stops first, so it can unregister from the name server.
    broker
        .run(broker_listener, crate::util::shutdown_signal())
        .await;
    stop_namesrv.cancel();
    let _ = namesrv_task.await;
    println!("stopped");
    Ok(())
}
