//! `mq up`: name servers and brokers in one process, on loopback, with their
//! data in one directory: everything a newcomer needs, no config file. By
//! default one name server and one master; `--masters/--slaves/--namesrvs`
//! lay out a whole cluster (broker-a, broker-b, ... each with its slaves).

use std::path::PathBuf;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use super::broker::{bind, ha_port_check, open};
use super::{CliError, CliResult, GlobalArgs};
use crate::broker::Broker;
use crate::broker::config::{self, BrokerRole, BrokerStartConfig};
use crate::namesrv::{NameServer, NamesrvConfig};

/// Broker ports step by this much, so that each broker's listenPort+1 (where RocketMQ puts
/// its haListenPort) stays free for replication.
pub const BROKER_PORT_STEP: u16 = 2;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  mq up\n  mq up --data /tmp/mq --namesrv-port 9877 --broker-port 10921\n  mq up --masters 2 --slaves 1 --namesrvs 2 --sync"
)]
pub struct UpArgs {
    /// Where the name servers and brokers keep their data
    #[arg(long, default_value = "mq-data")]
    pub data: PathBuf,
    /// Name server port (on 127.0.0.1); more name servers take the ports after it
    #[arg(long, default_value_t = 9876)]
    pub namesrv_port: u16,
    /// Broker port (on 127.0.0.1); more brokers take every second port after it
    #[arg(long, default_value_t = 10911)]
    pub broker_port: u16,
    /// Broker config file (YAML or RocketMQ broker.conf); ports and data
    /// directory from the flags above win
    #[arg(short = 'c', long = "config")]
    pub config: Option<PathBuf>,
    /// Masters (broker-a, broker-b, ...)
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=26))]
    pub masters: u16,
    /// Slaves of each master (brokerId 1, 2, ...)
    #[arg(long, default_value_t = 0)]
    pub slaves: u16,
    /// Name servers; every broker registers with all of them
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    pub namesrvs: u16,
    /// Masters are SYNC_MASTER (a send is answered once a slave has it), not ASYNC_MASTER
    #[arg(long)]
    pub sync: bool,
    /// Also serve the web console (read-only; `mq console --write` for changes), on
    /// 127.0.0.1:8080 unless given an address
    #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "127.0.0.1:8080")]
    pub console: Option<std::net::SocketAddr>,
}

impl UpArgs {
    /// One master and one name server: the layout `mq up` always had, whose data
    /// directories (`broker`, `namesrv`) and printout stay as they were.
    fn is_single(&self) -> bool {
        self.masters == 1 && self.slaves == 0 && self.namesrvs == 1
    }
}

/// One broker of the layout: where it listens and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokerSlot {
    pub broker_name: String,
    pub broker_id: i64,
    pub role: BrokerRole,
    pub port: u16,
    pub store_dir: PathBuf,
}

/// The brokers `args` asks for, masters first within each broker name, with ports from
/// `--broker-port` in steps of BROKER_PORT_STEP.
pub fn layout(args: &UpArgs) -> Result<Vec<BrokerSlot>, String> {
    let per_master = u32::from(args.slaves) + 1;
    let total = u32::from(args.masters) * per_master;
    let last = u32::from(args.broker_port) + (total - 1) * u32::from(BROKER_PORT_STEP) + 1;
    if last > u32::from(u16::MAX) {
        return Err(format!(
            "{total} brokers from port {} need ports up to {last}, beyond 65535",
            args.broker_port
        ));
    }
    let master_role = if args.sync {
        BrokerRole::SyncMaster
    } else {
        BrokerRole::AsyncMaster
    };
    let mut slots = Vec::new();
    for m in 0..u32::from(args.masters) {
        let broker_name = format!("broker-{}", char::from(b'a' + m as u8));
        for id in 0..per_master {
            let index = m * per_master + id;
            slots.push(BrokerSlot {
                store_dir: if args.is_single() {
                    args.data.join("broker")
                } else {
                    args.data.join(format!("{broker_name}-{id}"))
                },
                broker_name: broker_name.clone(),
                broker_id: i64::from(id),
                role: if id == 0 {
                    master_role
                } else {
                    BrokerRole::Slave
                },
                port: (u32::from(args.broker_port) + index * u32::from(BROKER_PORT_STEP)) as u16,
            });
        }
    }
    Ok(slots)
}

/// The name servers' ports: `--namesrv-port` and the ones after it.
fn namesrv_ports(args: &UpArgs) -> Result<Vec<u16>, String> {
    (0..args.namesrvs)
        .map(|i| {
            args.namesrv_port.checked_add(i).ok_or_else(|| {
                format!(
                    "{} name servers from port {} go beyond 65535",
                    args.namesrvs, args.namesrv_port
                )
            })
        })
        .collect()
}

fn namesrv_dir(args: &UpArgs, i: usize) -> PathBuf {
    if args.is_single() {
        args.data.join("namesrv")
    } else {
        args.data.join(format!("namesrv-{i}"))
    }
}

pub async fn run(g: &GlobalArgs, args: UpArgs) -> CliResult {
    if let Some(addr) = args.console
        && !addr.ip().is_loopback()
    {
        return Err(CliError::Usage(format!(
            "mq up --console serves on loopback only ({addr} is not): use mq console --users FILE to serve beyond it"
        )));
    }
    let slots = layout(&args).map_err(CliError::Usage)?;
    let ns_ports = namesrv_ports(&args).map_err(CliError::Usage)?;
    let template = match &args.config {
        Some(path) => config::load(path).map_err(|e| CliError::Usage(e.to_string()))?,
        None => {
            // A newcomer's broker serves every kind of subscription; a config file
            // decides for itself (RocketMQ's default is off).
            let mut start = BrokerStartConfig::default();
            start.broker.enable_property_filter = true;
            start
        }
    };

    // Every port is taken before anything starts, so a busy one fails the whole start plainly.
    let ns_addrs: Vec<String> = ns_ports.iter().map(|p| format!("127.0.0.1:{p}")).collect();
    let mut ns_listeners = Vec::new();
    for addr in &ns_addrs {
        ns_listeners.push(bind(addr).await?);
    }
    let namesrv_list = ns_addrs.join(";");
    let mut brokers: Vec<(Arc<Broker>, TcpListener)> = Vec::new();
    let mut starts = Vec::new();
    for slot in &slots {
        let start = broker_start(&template, slot, args.is_single());
        if !args.is_single() {
            ha_port_check(&start).await?;
        }
        starts.push(start);
    }
    for start in starts {
        let listener = bind(&start.broker.broker_addr()).await?;
        brokers.push((open(start, &namesrv_list)?, listener));
    }
    let console_listener = match args.console {
        Some(addr) => Some(bind(&addr.to_string()).await?),
        None => None,
    };

    let stop_namesrvs = CancellationToken::new();
    let mut namesrv_tasks = Vec::new();
    for (i, (listener, port)) in ns_listeners.into_iter().zip(&ns_ports).enumerate() {
        let namesrv = NameServer::new(NamesrvConfig {
            listen_port: *port,
            kv_config_path: namesrv_dir(&args, i).join("kvConfig.json"),
            // The name servers serve TLS as the brokers do (the tls.server.* keys of -c).
            tls_server_mode: template.broker.tls_server_mode,
            tls_server_cert_path: template.broker.tls_server_cert_path.clone(),
            tls_server_key_path: template.broker.tls_server_key_path.clone(),
            tls_server_need_client_auth: template.broker.tls_server_need_client_auth,
            tls_server_trust_cert_path: template.broker.tls_server_trust_cert_path.clone(),
            ..NamesrvConfig::default()
        })
        .map_err(|e| CliError::Failed(e.to_string()))?;
        let stop = stop_namesrvs.clone();
        namesrv_tasks.push(tokio::spawn(async move {
            namesrv.run(listener, stop.cancelled_owned()).await
        }));
    }

    // Masters register first, so that a slave's first registration already learns its
    // master's address (and copies its metadata) instead of waiting a period for it.
    for (broker, _) in brokers.iter().filter(|(b, _)| b.config().is_master()) {
        broker.register_now().await;
    }
    for (broker, _) in brokers.iter().filter(|(b, _)| !b.config().is_master()) {
        broker.register_now().await;
    }
    for addr in &ns_addrs {
        println!("name server  {addr}");
    }
    for (broker, _) in &brokers {
        let c = broker.config();
        if args.is_single() {
            println!(
                "broker       {}  ({} in {}, brokerId {})",
                c.broker_addr(),
                c.broker_name,
                c.broker_cluster_name,
                c.broker_id
            );
        } else {
            println!(
                "broker       {}  ({} in {}, brokerId {}, {})",
                c.broker_addr(),
                c.broker_name,
                c.broker_cluster_name,
                c.broker_id,
                role_name(c.broker_role)
            );
        }
    }
    println!("data         {}", args.data.display());
    let stop_console = CancellationToken::new();
    let console_task = match console_listener {
        Some(listener) => {
            if let Ok(addr) = listener.local_addr() {
                println!("console      http://{addr}/");
            }
            let options = crate::console::ConsoleOptions {
                namesrv: namesrv_list.clone(),
                timeout: g.timeout,
                write: false,
                poll_interval: std::time::Duration::from_secs(5),
                users: None,
            };
            let stop = stop_console.clone();
            Some(tokio::spawn(crate::console::server::run(
                listener, options, stop,
            )))
        }
        None => None,
    };
    println!("ready: NAMESRV_ADDR={namesrv_list}  (Ctrl-C stops)");

    // The brokers stop first, so they can unregister from the name servers.
    let stop_brokers = CancellationToken::new();
    let broker_tasks: Vec<_> = brokers
        .into_iter()
        .map(|(broker, listener)| {
            let stop = stop_brokers.clone();
            tokio::spawn(async move { broker.run(listener, stop.cancelled_owned()).await })
        })
        .collect();
    crate::util::shutdown_signal().await;
    stop_console.cancel();
    if let Some(task) = console_task {
        let _ = task.await;
    }
    stop_brokers.cancel();
    for task in broker_tasks {
        let _ = task.await;
    }
    stop_namesrvs.cancel();
    for task in namesrv_tasks {
        let _ = task.await;
    }
    println!("stopped");
    Ok(())
}

/// The template config with this slot's name, id, role, port and store directory. A single
/// broker keeps the name (and role) its config file gives it.
fn broker_start(
    template: &BrokerStartConfig,
    slot: &BrokerSlot,
    single: bool,
) -> BrokerStartConfig {
    let mut start = template.clone();
    start.broker.broker_ip1 = "127.0.0.1".into();
    start.broker.listen_port = slot.port;
    start.store.store_path_root_dir = slot.store_dir.clone();
    if !single {
        start.broker.broker_name = slot.broker_name.clone();
        start.broker.broker_id = slot.broker_id;
        start.broker.broker_role = slot.role;
        // Each member replicates on its own listenPort+1, whatever a -c file says.
        start.store.ha_listen_port = 0;
    } else if slot.role == BrokerRole::SyncMaster {
        start.broker.broker_role = slot.role;
    }
    start
}

fn role_name(role: BrokerRole) -> &'static str {
    match role {
        BrokerRole::AsyncMaster => "ASYNC_MASTER",
        BrokerRole::SyncMaster => "SYNC_MASTER",
        BrokerRole::Slave => "SLAVE",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(clap::Parser)]
    struct Cli {
        #[command(flatten)]
        up: UpArgs,
    }

    fn args(line: &[&str]) -> UpArgs {
        Cli::parse_from(std::iter::once("up").chain(line.iter().copied())).up
    }

    #[test]
    fn single_broker_keeps_its_layout() {
        let slots = layout(&args(&["--data", "d"])).unwrap();
        assert_eq!(
            slots,
            vec![BrokerSlot {
                broker_name: "broker-a".into(),
                broker_id: 0,
                role: BrokerRole::AsyncMaster,
                port: 10911,
                store_dir: PathBuf::from("d/broker"),
            }]
        );
    }

    #[test]
    fn cluster_layout_names_ports_and_roles() {
        let a = args(&[
            "--data",
            "d",
            "--masters",
            "2",
            "--slaves",
            "1",
            "--sync",
            "--broker-port",
            "20000",
        ]);
        let slots = layout(&a).unwrap();
        let seen: Vec<_> = slots
            .iter()
            .map(|s| {
                (
                    s.broker_name.as_str(),
                    s.broker_id,
                    s.role,
                    s.port,
                    s.store_dir.clone(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            vec![
                (
                    "broker-a",
                    0,
                    BrokerRole::SyncMaster,
                    20000,
                    PathBuf::from("d/broker-a-0")
                ),
                (
                    "broker-a",
                    1,
                    BrokerRole::Slave,
                    20002,
                    PathBuf::from("d/broker-a-1")
                ),
                (
                    "broker-b",
                    0,
                    BrokerRole::SyncMaster,
                    20004,
                    PathBuf::from("d/broker-b-0")
                ),
                (
                    "broker-b",
                    1,
                    BrokerRole::Slave,
                    20006,
                    PathBuf::from("d/broker-b-1")
                ),
            ]
        );
        let over = args(&["--masters", "3", "--broker-port", "65531"]);
        assert!(layout(&over).unwrap_err().contains("65535"));
    }

    #[test]
    fn a_config_file_applies_to_every_member_but_their_identity() {
        let mut template = BrokerStartConfig::default();
        template.broker.broker_name = "from-file".into();
        template.broker.broker_role = BrokerRole::Slave;
        template.broker.broker_id = 3;
        template.broker.default_topic_queue_nums = 2;
        let cluster = args(&["--data", "d", "--masters", "2", "--slaves", "1"]);
        let starts: Vec<_> = layout(&cluster)
            .unwrap()
            .iter()
            .map(|slot| broker_start(&template, slot, cluster.is_single()))
            .collect();
        let seen: Vec<_> = starts
            .iter()
            .map(|s| {
                (
                    s.broker.broker_name.as_str(),
                    s.broker.broker_id,
                    s.broker.broker_role,
                    s.broker.default_topic_queue_nums,
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("broker-a", 0, BrokerRole::AsyncMaster, 2),
                ("broker-a", 1, BrokerRole::Slave, 2),
                ("broker-b", 0, BrokerRole::AsyncMaster, 2),
                ("broker-b", 1, BrokerRole::Slave, 2),
            ]
        );
        // One broker keeps what its file says it is, as `mq up -c` always did.
        let single = args(&["--data", "d"]);
        let start = broker_start(&template, &layout(&single).unwrap()[0], true);
        assert_eq!(start.broker.broker_name, "from-file");
        assert_eq!(start.broker.broker_role, BrokerRole::Slave);
        assert_eq!(start.store.store_path_root_dir, PathBuf::from("d/broker"));
    }
}
