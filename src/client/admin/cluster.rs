//! The cluster list: every broker member the name server knows, with the
//! figures each reports about itself (mqadmin's clusterList). The result is
//! the serializable type `mq cluster list` prints and the console serves.

use serde::Serialize;

use super::AdminClient;
use super::fanout::{BrokerTarget, on_each};
use crate::client::error::ClientResult;
use crate::protocol::route::ClusterInfo;

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

/// Every member of every cluster in `info`, none yet asked for its figures.
pub fn broker_rows(info: &ClusterInfo) -> Vec<BrokerRow> {
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
    rows
}

impl AdminClient {
    /// Every broker member of every cluster, each asked (a bounded number at
    /// a time) for its runtime figures; one that does not answer is
    /// `reachable: false` with no figures.
    pub async fn cluster_brokers(&self) -> ClientResult<Vec<BrokerRow>> {
        let info = self.cluster_info().await?;
        let mut rows = broker_rows(&info);
        self.add_runtime(&mut rows).await;
        Ok(rows)
    }

    async fn add_runtime(&self, rows: &mut [BrokerRow]) {
        let targets: Vec<BrokerTarget> = rows
            .iter()
            .map(|r| BrokerTarget {
                cluster: r.cluster.clone(),
                broker_name: r.broker_name.clone(),
                addr: r.address.clone(),
            })
            .collect();
        let answers = on_each(&targets, |t| async move {
            self.broker_runtime_info(&t.addr).await
        })
        .await;
        for (row, (_, answer)) in rows.iter_mut().zip(answers) {
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
