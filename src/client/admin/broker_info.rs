//! What running brokers report about themselves and their config: the
//! runtime figures (GET_BROKER_RUNTIME_INFO) and config keys
//! (GET_BROKER_CONFIG), read and changed (UPDATE_BROKER_CONFIG) over the
//! brokers an admin change targets. The results are the serializable types
//! `mq broker status|config` print and the console serves.

use std::collections::BTreeMap;

use serde::Serialize;

use super::AdminClient;
use super::error::{AdminError, AdminResult};
use super::fanout::{BrokerTarget, on_each};

/// One broker's runtime info: the figures people look at, and every key.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerStatus {
    pub cluster: String,
    pub broker_name: String,
    pub address: String,
    pub version: Option<String>,
    /// Messages put per second over the last 10 s.
    pub put_tps: Option<f64>,
    /// Messages got per second over the last 10 s.
    pub get_tps: Option<f64>,
    /// Used share (0..1) of the commit log's disk.
    pub commit_log_disk_ratio: Option<f64>,
    /// Bytes written but not yet flushed.
    pub unflushed_bytes: Option<i64>,
    pub commit_log_min_offset: Option<i64>,
    pub commit_log_max_offset: Option<i64>,
    pub boot_timestamp: Option<i64>,
    /// Replication state, where the broker reports it (`mq` brokers' mqHa* keys).
    pub ha: Option<HaStatus>,
    /// GET_BROKER_RUNTIME_INFO as the broker sent it (RocketMQ's keys).
    pub runtime: BTreeMap<String, String>,
}

impl BrokerStatus {
    fn new(t: &BrokerTarget, runtime: BTreeMap<String, String>) -> Self {
        let num = |k: &str| {
            runtime
                .get(k)
                .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        };
        let int = |k: &str| runtime.get(k).and_then(|v| v.trim().parse::<i64>().ok());
        BrokerStatus {
            cluster: t.cluster.clone(),
            broker_name: t.broker_name.clone(),
            address: t.addr.clone(),
            version: runtime.get("brokerVersionDesc").cloned(),
            put_tps: num("putTps"),
            get_tps: num("getTransferedTps"),
            commit_log_disk_ratio: num("commitLogDiskRatio"),
            unflushed_bytes: int("remainHowManyDataToFlush"),
            commit_log_min_offset: int("commitLogMinOffset"),
            commit_log_max_offset: int("commitLogMaxOffset"),
            boot_timestamp: int("bootTimestamp"),
            ha: HaStatus::from_runtime(&runtime),
            runtime,
        }
    }
}

/// A broker's replication state: a master's connected slaves, or a slave's master.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HaStatus {
    /// brokerRole: ASYNC_MASTER, SYNC_MASTER or SLAVE.
    pub role: String,
    /// A master's connected slaves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slaves: Option<Vec<HaSlave>>,
    /// A slave's master HA address (empty until it knows one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub master_address: Option<String>,
    /// Whether a slave is connected to its master.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub master_connected: Option<bool>,
}

/// One slave connected to a master.
#[derive(Debug, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HaSlave {
    /// The slave's end of its HA connection.
    pub address: String,
    pub acked_offset: i64,
    pub bytes_behind: i64,
    pub time_behind_ms: i64,
}

impl HaStatus {
    fn from_runtime(runtime: &BTreeMap<String, String>) -> Option<HaStatus> {
        let role = runtime.get("mqHaRole")?.clone();
        Some(HaStatus {
            role,
            slaves: runtime
                .get("mqHaSlaves")
                .and_then(|v| serde_json::from_str(v).ok()),
            master_address: runtime.get("mqHaMasterAddress").cloned(),
            master_connected: runtime.get("mqHaMasterConnected").map(|v| v == "true"),
        })
    }
}

/// One config key of one broker.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigRow {
    pub broker_name: String,
    pub address: String,
    pub key: String,
    pub value: String,
}

impl AdminClient {
    /// The runtime figures of the brokers `change_targets(cluster,
    /// broker_addr)` chooses, or of every master when neither is given. A
    /// broker that does not answer is an error naming it.
    pub async fn broker_status(
        &self,
        cluster: Option<&str>,
        broker_addr: Option<&str>,
    ) -> AdminResult<Vec<BrokerStatus>> {
        let brokers = if cluster.is_none() && broker_addr.is_none() {
            self.masters(None).await?
        } else {
            self.change_targets(cluster, broker_addr).await?
        };
        let mut out = Vec::new();
        for (t, r) in on_each(&brokers, |t| async move {
            self.broker_runtime_info(&t.addr).await
        })
        .await
        {
            let runtime = r.map_err(|source| AdminError::BrokerFailed {
                broker_name: t.broker_name.clone(),
                addr: t.addr.clone(),
                source,
            })?;
            out.push(BrokerStatus::new(&t, runtime));
        }
        Ok(out)
    }

    /// The config of the brokers `change_targets(cluster, broker_addr)`
    /// chooses: every key, or only `key` (`NoConfigKey` when a broker lacks it).
    pub async fn broker_config_rows(
        &self,
        cluster: Option<&str>,
        broker_addr: Option<&str>,
        key: Option<&str>,
    ) -> AdminResult<Vec<ConfigRow>> {
        let brokers = self.change_targets(cluster, broker_addr).await?;
        self.read_config(&brokers, key).await
    }

    /// Sets `key` to `value` on the brokers `change_targets(cluster,
    /// broker_addr)` chooses, then reads it back from each.
    pub async fn set_broker_config(
        &self,
        cluster: Option<&str>,
        broker_addr: Option<&str>,
        key: &str,
        value: &str,
    ) -> AdminResult<Vec<ConfigRow>> {
        let brokers = self.change_targets(cluster, broker_addr).await?;
        let updates: BTreeMap<String, String> = [(key.to_string(), value.to_string())].into();
        for t in &brokers {
            self.update_broker_config(&t.addr, &updates)
                .await
                .map_err(|source| AdminError::ConfigSetFailed {
                    key: key.to_string(),
                    broker_name: t.broker_name.clone(),
                    addr: t.addr.clone(),
                    source,
                })?;
        }
        self.read_config(&brokers, Some(key)).await
    }

    async fn read_config(
        &self,
        brokers: &[BrokerTarget],
        key: Option<&str>,
    ) -> AdminResult<Vec<ConfigRow>> {
        let mut rows = Vec::new();
        for (t, r) in on_each(
            brokers,
            |t| async move { self.broker_config(&t.addr).await },
        )
        .await
        {
            let config = r.map_err(|source| AdminError::BrokerFailed {
                broker_name: t.broker_name.clone(),
                addr: t.addr.clone(),
                source,
            })?;
            if let Some(k) = key
                && !config.contains_key(k)
            {
                return Err(AdminError::NoConfigKey {
                    broker_name: t.broker_name.clone(),
                    key: k.to_string(),
                });
            }
            for (k, v) in config {
                if key.is_none_or(|want| want == k) {
                    rows.push(ConfigRow {
                        broker_name: t.broker_name.clone(),
                        address: t.addr.clone(),
                        key: k,
                        value: v,
                    });
                }
            }
        }
        Ok(rows)
    }
}
