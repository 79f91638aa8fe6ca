//! The cluster list: every broker member the name server knows, with the
//! figures each reports about itself (mqadmin's clusterList). The result is
//! the serializable type `mq cluster list` prints and the console serves.

use std::collections::{BTreeMap, HashMap};

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
    /// The end of the broker's commit log (commitLogMaxOffset).
    pub commit_log_max_offset: Option<i64>,
    /// A slave's replication lag behind its master; None for masters, or when either did not
    /// answer.
    pub lag: Option<ReplicationLag>,
    /// Messages stored and pulled today and yesterday (mqadmin clusterList's InTotalToday,
    /// OutTotalToday, InTotalYest, OutTotalYest).
    pub day_counts: Option<DayCounts>,
}

/// Messages a broker stored (in) and served (out) today and yesterday, local days.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DayCounts {
    pub in_today: Option<i64>,
    pub out_today: Option<i64>,
    pub in_yesterday: Option<i64>,
    pub out_yesterday: Option<i64>,
}

impl DayCounts {
    /// From a broker's runtime figures: RocketMQ reports running totals (msg*TotalTodayNow) and
    /// their values when today and yesterday began (msg*TotalTodayMorning,
    /// msg*TotalYesterdayMorning); a day's count is the difference, as mqadmin computes it.
    pub fn from_runtime(kv: &BTreeMap<String, String>) -> DayCounts {
        let get = |k: &str| kv.get(k).and_then(|v| v.trim().parse::<i64>().ok());
        let between = |later: &str, earlier: &str| Some(get(later)? - get(earlier).unwrap_or(0));
        DayCounts {
            in_today: between("msgPutTotalTodayNow", "msgPutTotalTodayMorning"),
            out_today: between("msgGetTotalTodayNow", "msgGetTotalTodayMorning"),
            in_yesterday: between("msgPutTotalTodayMorning", "msgPutTotalYesterdayMorning"),
            out_yesterday: between("msgGetTotalTodayMorning", "msgGetTotalYesterdayMorning"),
        }
    }
}

/// How far a slave is behind its master.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicationLag {
    /// Master's commitLogMaxOffset minus the slave's (works against any RocketMQ broker).
    pub bytes: i64,
    /// How long ago the master stored the first record the slave has not acknowledged (0 when
    /// caught up), where the master reports it (`mq` brokers' mqHaSlaves).
    pub time_ms: Option<i64>,
}

/// One slave connection as an `mq` master reports it in mqHaSlaves.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct MasterSideSlave {
    address: String,
    acked_offset: i64,
    bytes_behind: i64,
    time_behind_ms: i64,
}

/// The connection a master reports for the slave at `slave_addr` whose commit log ends at
/// `slave_max` (None: the slave did not answer). The master knows its slaves by the HA
/// connection's address, whose port is not the broker's: match the host (a master with a
/// single slave needs no match), and among several on one host the acknowledged offset closest
/// to the slave's end; without that end only a single candidate is taken.
fn master_side<'a>(
    slaves: &'a [MasterSideSlave],
    slave_addr: &str,
    slave_max: Option<i64>,
) -> Option<&'a MasterSideSlave> {
    let host = |a: &str| a.rsplit_once(':').map_or(a, |(h, _)| h).to_string();
    let same_host: Vec<&MasterSideSlave> = slaves
        .iter()
        .filter(|s| host(&s.address) == host(slave_addr))
        .collect();
    let candidates: Vec<&MasterSideSlave> = if same_host.is_empty() && slaves.len() == 1 {
        slaves.iter().collect()
    } else {
        same_host
    };
    match slave_max {
        Some(end) => candidates
            .into_iter()
            .min_by_key(|s| (s.acked_offset - end).abs()),
        None if candidates.len() == 1 => candidates.into_iter().next(),
        None => None,
    }
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
                    commit_log_max_offset: None,
                    lag: None,
                    day_counts: None,
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
        let mut runtime: Vec<Option<BTreeMap<String, String>>> = Vec::with_capacity(rows.len());
        for (row, (_, answer)) in rows.iter_mut().zip(answers) {
            let Ok(kv) = answer else {
                runtime.push(None);
                continue;
            };
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
            row.commit_log_max_offset = commit_log_max_offset(&kv);
            row.day_counts = Some(DayCounts::from_runtime(&kv));
            runtime.push(Some(kv));
        }
        let masters: HashMap<(&str, &str), usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.broker_id == 0)
            .map(|(i, r)| ((r.cluster.as_str(), r.broker_name.as_str()), i))
            .collect();
        let lags: Vec<Option<ReplicationLag>> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                if r.broker_id == 0 {
                    return None;
                }
                let master = masters
                    .get(&(r.cluster.as_str(), r.broker_name.as_str()))
                    .and_then(|&m| runtime[m].as_ref());
                replication_lag(master, runtime[i].as_ref(), &r.address)
            })
            .collect();
        for (row, lag) in rows.iter_mut().zip(lags) {
            row.lag = lag;
        }
    }
}

fn commit_log_max_offset(kv: &BTreeMap<String, String>) -> Option<i64> {
    kv.get("commitLogMaxOffset")
        .and_then(|v| v.trim().parse().ok())
}

/// The slaves an `mq` master reports in mqHaSlaves; None for a broker that does not report
/// them (Apache RocketMQ's, or a slave).
fn ha_slaves(master: &BTreeMap<String, String>) -> Option<Vec<MasterSideSlave>> {
    serde_json::from_str(master.get("mqHaSlaves")?).ok()
}

/// A slave's lag behind its master, from the two brokers' runtime figures (None where one did
/// not answer) and the slave's broker address: from both ends' commitLogMaxOffset where both
/// answered (any RocketMQ broker), with the time behind where an `mq` master reports the
/// slave's connection; from the master's own report alone when the slave did not answer (a
/// hung slave). None for a master, or when neither tells.
pub fn replication_lag(
    master: Option<&BTreeMap<String, String>>,
    slave: Option<&BTreeMap<String, String>>,
    slave_addr: &str,
) -> Option<ReplicationLag> {
    let slave_max = slave.and_then(commit_log_max_offset);
    // A slave that says it has no connection to its master has none of the master's.
    let disconnected = slave
        .and_then(|kv| kv.get("mqHaMasterConnected"))
        .is_some_and(|v| v == "false");
    let reported = master.filter(|_| !disconnected).and_then(ha_slaves);
    let reported = reported
        .as_deref()
        .and_then(|list| master_side(list, slave_addr, slave_max));
    match (master.and_then(commit_log_max_offset), slave_max) {
        (Some(master_max), Some(slave_max)) => Some(ReplicationLag {
            bytes: (master_max - slave_max).max(0),
            time_ms: reported.map(|s| s.time_behind_ms),
        }),
        _ => reported.map(|s| ReplicationLag {
            bytes: s.bytes_behind,
            time_ms: Some(s.time_behind_ms),
        }),
    }
}

/// Whether an `mq` master lists an HA connection for the slave at `slave_addr` (matched as
/// `replication_lag` matches it); None when the master did not answer or does not report its
/// connections (Apache RocketMQ's).
pub fn master_lists_slave(
    master: &BTreeMap<String, String>,
    slave: Option<&BTreeMap<String, String>>,
    slave_addr: &str,
) -> Option<bool> {
    let list = ha_slaves(master)?;
    let slave_max = slave.and_then(commit_log_max_offset);
    // Without the slave's end an ambiguous match is no proof of absence.
    if slave_max.is_none() && !list.is_empty() {
        return master_side(&list, slave_addr, None).map(|_| true);
    }
    Some(master_side(&list, slave_addr, slave_max).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_days_count_is_the_difference_of_running_totals() {
        let kv: BTreeMap<String, String> = [
            ("msgPutTotalTodayNow", "1500"),
            ("msgPutTotalTodayMorning", "1200"),
            ("msgPutTotalYesterdayMorning", "200"),
            ("msgGetTotalTodayNow", "90"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(
            DayCounts::from_runtime(&kv),
            DayCounts {
                in_today: Some(300),
                out_today: Some(90),
                in_yesterday: Some(1000),
                out_yesterday: None,
            }
        );
    }

    fn slave(address: &str, acked_offset: i64, time_behind_ms: i64) -> MasterSideSlave {
        MasterSideSlave {
            address: address.into(),
            acked_offset,
            bytes_behind: 1000 - acked_offset,
            time_behind_ms,
        }
    }

    fn time(list: &[MasterSideSlave], addr: &str, end: Option<i64>) -> Option<i64> {
        master_side(list, addr, end).map(|s| s.time_behind_ms)
    }

    #[test]
    fn a_slave_is_matched_by_host_then_by_its_end() {
        let list = [
            slave("10.0.0.2:40000", 100, 7),
            slave("10.0.0.3:40001", 500, 3),
            slave("10.0.0.3:40002", 900, 1),
        ];
        assert_eq!(time(&list, "10.0.0.2:10911", Some(100)), Some(7));
        assert_eq!(time(&list, "10.0.0.3:10911", Some(880)), Some(1));
        assert_eq!(time(&list, "10.0.0.3:10921", Some(520)), Some(3));
        assert_eq!(time(&list, "10.0.0.9:10911", Some(100)), None);
        // A slave that did not answer: only an unambiguous match.
        assert_eq!(time(&list, "10.0.0.2:10911", None), Some(7));
        assert_eq!(time(&list, "10.0.0.3:10911", None), None);
        // A single slave is the one, whatever address it connected from.
        let one = [slave("192.168.1.5:40000", 100, 9)];
        assert_eq!(time(&one, "10.0.0.9:10911", None), Some(9));
    }

    fn kv(pairs: &[(&str, String)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    fn max(offset: i64) -> (&'static str, String) {
        ("commitLogMaxOffset", offset.to_string())
    }

    fn reported(list: &str) -> (&'static str, String) {
        ("mqHaSlaves", list.to_string())
    }

    #[test]
    fn lag_comes_from_both_ends_or_from_the_masters_report() {
        let master = kv(&[max(1000)]);
        let slave = kv(&[max(400)]);
        let lag = replication_lag(Some(&master), Some(&slave), "10.0.0.2:10911").unwrap();
        assert_eq!((lag.bytes, lag.time_ms), (600, None));
        // A hung slave: the master's figures.
        let list = r#"[{"address":"10.0.0.2:40000","ackedOffset":300,"bytesBehind":700,"timeBehindMs":5}]"#;
        let master = kv(&[max(1000), reported(list)]);
        let lag = replication_lag(Some(&master), None, "10.0.0.2:10911").unwrap();
        assert_eq!((lag.bytes, lag.time_ms), (700, Some(5)));
        // Both ends and the master's time.
        let lag = replication_lag(Some(&master), Some(&slave), "10.0.0.2:10911").unwrap();
        assert_eq!((lag.bytes, lag.time_ms), (600, Some(5)));
        // A slave not connected to its master: the master's connection is another's.
        let cut = kv(&[max(400), ("mqHaMasterConnected", "false".into())]);
        let lag = replication_lag(Some(&master), Some(&cut), "10.0.0.2:10911").unwrap();
        assert_eq!((lag.bytes, lag.time_ms), (600, None));
        // Neither tells.
        assert!(replication_lag(None, Some(&slave), "10.0.0.2:10911").is_none());
        assert!(replication_lag(Some(&kv(&[max(1000)])), None, "10.0.0.2:10911").is_none());
    }

    #[test]
    fn a_master_lists_its_connected_slaves_only() {
        let slave = kv(&[max(400)]);
        let none = kv(&[max(1000), reported("[]")]);
        assert_eq!(
            master_lists_slave(&none, Some(&slave), "10.0.0.2:10911"),
            Some(false)
        );
        let one = kv(&[
            max(1000),
            reported(
                r#"[{"address":"10.0.0.2:40000","ackedOffset":400,"bytesBehind":600,"timeBehindMs":5}]"#,
            ),
        ]);
        assert_eq!(
            master_lists_slave(&one, Some(&slave), "10.0.0.2:10911"),
            Some(true)
        );
        // Apache RocketMQ's master does not say.
        assert_eq!(
            master_lists_slave(&kv(&[max(1000)]), Some(&slave), "10.0.0.2:10911"),
            None
        );
    }
}
