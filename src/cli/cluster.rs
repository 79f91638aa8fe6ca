//! `mq cluster ...`: clusters and their brokers, as the name server sees them.

use serde::Serialize;

use super::output::{self, Render, new_table};
use super::{CliResult, GlobalArgs};
use crate::protocol::route::ClusterInfo;

#[derive(Debug, clap::Subcommand)]
pub enum ClusterCommand {
    /// List clusters, their brokers (masters and slaves) and addresses
    #[command(after_help = "Examples:\n  mq cluster list\n  mq cluster list -o json")]
    List,
}

pub async fn run(g: &GlobalArgs, cmd: ClusterCommand) -> CliResult {
    match cmd {
        ClusterCommand::List => {
            let info = g.admin()?.cluster_info().await?;
            output::emit(g.output, &BrokerList::from_cluster_info(&info))
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
                    });
                }
            }
        }
        BrokerList(rows)
    }
}

impl Render for BrokerList {
    fn table(&self) -> comfy_table::Table {
        let now = crate::util::now_millis();
        let mut t = new_table(["CLUSTER", "BROKER", "ID", "ROLE", "ADDRESS", "LAST UPDATE"]);
        for r in &self.0 {
            t.add_row(vec![
                r.cluster.clone(),
                r.broker_name.clone(),
                r.broker_id.to_string(),
                r.role.to_string(),
                r.address.clone(),
                r.last_update_timestamp
                    .map(|ms| output::format_age(ms, now))
                    .unwrap_or_else(|| "-".into()),
            ]);
        }
        t
    }
}
