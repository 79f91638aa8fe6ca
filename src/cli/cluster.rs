//! `mq cluster ...`: clusters and their brokers as the name server sees them,
//! with each broker's own figures (mqadmin's clusterList).

use serde::Serialize;

use super::{CliResult, GlobalArgs};
use crate::client::admin::{AdminClient, BrokerTarget, fanout};
use crate::protocol::route::ClusterInfo;
use crate::render::{self, Render, new_table};

#[derive(Debug, clap::Subcommand)]
pub enum ClusterCommand {
    /// List clusters, their brokers (masters and slaves) and addresses
    #[command(after_help = "Examples:\n  mq cluster list\n  mq cluster list -o json")]
    List,
}

pub async fn run(g: &GlobalArgs, cmd: ClusterCommand) -> CliResult {
    match cmd {
        ClusterCommand::List => {
            let admin = g.admin()?;
            let info = admin.cluster_info().await?;
            let mut list = BrokerList::from_cluster_info(&info);
            list.add_runtime(&admin).await;
            render::emit(g.output, &list)
        }
    }
    .map_err(Into::into)
}

/// One broker member (a master or a slave) of a cluster.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerRow {
    pub cluster: String,
    pub broker_name: String,
    pub broker_id: i64,
    pub role: &'static str,
    pub address: String,
    /// When the broker last registered (ms since the epoch), where the name
    /// server tells (`mq` name servers do; Apache RocketMQ's do not).
    pub last_update_timestamp: Option<i64>,
    /// Whether the broker answered GET_BROKER_RUNTIME_INFO just now.
    pub reachable: bool,
    pub version: Option<String>,
    /// Messages stored per second over the last 10 s (RocketMQ's putTps).
    pub put_tps: Option<f64>,
    /// Messages pulled per second over the last 10 s (getTransferedTps).
    pub get_tps: Option<f64>,
    /// Used fraction of the commit log's disk (0..1).
    pub commit_log_disk_ratio: Option<f64>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct BrokerList(pub Vec<BrokerRow>);

impl BrokerList {
    pub fn from_cluster_info(info: &ClusterInfo) -> Self {
        let mut rows = Vec::new();
        for (cluster, names) in &info.cluster_addr_table {
            for name in names {
                let Some(data) = info.broker_addr_table.get(name) else {
                    continue;
                };
                for (id, addr) in &data.broker_addrs {
                    rows.push(BrokerRow {
                        cluster: cluster.clone(),
                        broker_name: name.clone(),
                        broker_id: *id,
                        role: if *id == 0 { "master" } else { "slave" },
                        address: addr.clone(),
                        last_update_timestamp: info
                            .broker_live_table
                            .get(addr)
                            .map(|l| l.last_update_timestamp),
                        reachable: false,
                        version: None,
                        put_tps: None,
                        get_tps: None,
                        commit_log_disk_ratio: None,
                    });
                }
            }
        }
        BrokerList(rows)
    }

    /// Asks every member (a bounded number at a time) for its runtime figures;
    /// one that does not answer is shown as down.
    pub async fn add_runtime(&mut self, admin: &AdminClient) {
        let targets: Vec<BrokerTarget> = self
            .0
            .iter()
            .map(|r| BrokerTarget {
                cluster: r.cluster.clone(),
                broker_name: r.broker_name.clone(),
                addr: r.address.clone(),
            })
            .collect();
        let answers = fanout::on_each(&targets, |t| async move {
            admin.broker_runtime_info(&t.addr).await
        })
        .await;
        for (row, (_, answer)) in self.0.iter_mut().zip(answers) {
            let Ok(kv) = answer else { continue };
            // RocketMQ's TPS values are "10s 60s 600s": the first is the current rate.
            let first = |k: &str| {
                kv.get(k)
                    .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
            };
            row.reachable = true;
            row.version = kv.get("brokerVersionDesc").cloned();
            row.put_tps = first("putTps");
            row.get_tps = first("getTransferedTps");
            row.commit_log_disk_ratio = first("commitLogDiskRatio");
        }
    }
}

impl Render for BrokerList {
    fn table(&self) -> comfy_table::Table {
        let now = crate::util::now_millis();
        let mut t = new_table([
            "CLUSTER",
            "BROKER",
            "ID",
            "ROLE",
            "ADDRESS",
            "VERSION",
            "IN TPS",
            "OUT TPS",
            "DISK",
            "LAST UPDATE",
        ]);
        let num = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "-".into());
        for r in &self.0 {
            t.add_row(vec![
                r.cluster.clone(),
                r.broker_name.clone(),
                r.broker_id.to_string(),
                r.role.to_string(),
                r.address.clone(),
                match (&r.version, r.reachable) {
                    (Some(v), true) => v.clone(),
                    (None, true) => "-".into(),
                    (_, false) => "down".into(),
                },
                num(r.put_tps),
                num(r.get_tps),
                r.commit_log_disk_ratio
                    .map(|d| format!("{:.0}%", d * 100.0))
                    .unwrap_or_else(|| "-".into()),
                r.last_update_timestamp
                    .map(|ms| render::format_age(ms, now))
                    .unwrap_or_else(|| "-".into()),
            ]);
        }
        t
    }
}
