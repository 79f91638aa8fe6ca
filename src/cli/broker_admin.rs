//! `mq broker status` and `mq broker config get|set`: what a running broker
//! reports about itself (GET_BROKER_RUNTIME_INFO, GET_BROKER_CONFIG) and
//! changing its config (UPDATE_BROKER_CONFIG).

use std::collections::BTreeMap;

use serde::Serialize;

use super::admin_common::Targets;
use super::{CliError, CliResult, GlobalArgs};
use crate::client::admin::fanout::on_each;
use crate::render::time;
use crate::render::{self, Render, new_table};

#[derive(Debug, clap::Subcommand)]
pub enum ConfigCommand {
    /// Print config keys of brokers (one key, or all)
    #[command(
        after_help = "Examples:\n  mq broker config get fileReservedTime\n  mq broker config get -b 127.0.0.1:10911 -o json"
    )]
    Get {
        /// The key [default: every key]
        key: Option<String>,
        #[command(flatten)]
        targets: Targets,
    },
    /// Change a config key on brokers
    #[command(
        after_help = "Examples:\n  mq broker config set fileReservedTime 24\n  mq broker config set brokerPermission 4 -b 127.0.0.1:10911"
    )]
    Set {
        key: String,
        value: String,
        #[command(flatten)]
        targets: Targets,
    },
}

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
    /// GET_BROKER_RUNTIME_INFO as the broker sent it (RocketMQ's keys).
    pub runtime: BTreeMap<String, String>,
}

impl BrokerStatus {
    fn new(t: &crate::client::admin::BrokerTarget, runtime: BTreeMap<String, String>) -> Self {
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
            runtime,
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct BrokerStatuses(pub Vec<BrokerStatus>);

impl Render for BrokerStatuses {
    fn table(&self) -> comfy_table::Table {
        let f = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "-".into());
        let i = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
        let mut t = new_table([
            "BROKER",
            "ADDRESS",
            "VERSION",
            "PUT TPS",
            "GET TPS",
            "DISK",
            "UNFLUSHED",
            "MIN OFFSET",
            "MAX OFFSET",
            "BOOTED",
        ]);
        for s in &self.0 {
            t.add_row(vec![
                s.broker_name.clone(),
                s.address.clone(),
                s.version.clone().unwrap_or_else(|| "-".into()),
                f(s.put_tps),
                f(s.get_tps),
                s.commit_log_disk_ratio
                    .map(|r| format!("{:.0}%", r * 100.0))
                    .unwrap_or_else(|| "-".into()),
                i(s.unflushed_bytes),
                i(s.commit_log_min_offset),
                i(s.commit_log_max_offset),
                time(s.boot_timestamp),
            ]);
        }
        t
    }
}

pub async fn status(g: &GlobalArgs, targets: Targets) -> CliResult {
    let admin = g.admin()?;
    let brokers = if targets.broker.is_none() && targets.cluster.is_none() {
        admin.masters(None).await?
    } else {
        targets.resolve(&admin).await?
    };
    let admin = &admin;
    let mut out = Vec::new();
    for (t, r) in on_each(&brokers, |t| async move {
        admin.broker_runtime_info(&t.addr).await
    })
    .await
    {
        let runtime =
            r.map_err(|e| CliError::Failed(format!("broker {} ({}): {e}", t.broker_name, t.addr)))?;
        out.push(BrokerStatus::new(&t, runtime));
    }
    Ok(render::emit(g.output, &BrokerStatuses(out))?)
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigRow {
    pub broker_name: String,
    pub address: String,
    pub key: String,
    pub value: String,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ConfigRows(pub Vec<ConfigRow>);

impl Render for ConfigRows {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["BROKER", "ADDRESS", "KEY", "VALUE"]);
        for r in &self.0 {
            t.add_row(vec![
                r.broker_name.clone(),
                r.address.clone(),
                r.key.clone(),
                r.value.clone(),
            ]);
        }
        t
    }
}

async fn read(
    admin: &crate::client::admin::AdminClient,
    brokers: &[crate::client::admin::BrokerTarget],
    key: Option<&str>,
) -> CliResult<ConfigRows> {
    let mut rows = Vec::new();
    for (t, r) in on_each(
        brokers,
        |t| async move { admin.broker_config(&t.addr).await },
    )
    .await
    {
        let config =
            r.map_err(|e| CliError::Failed(format!("broker {} ({}): {e}", t.broker_name, t.addr)))?;
        if let Some(k) = key
            && !config.contains_key(k)
        {
            return Err(CliError::Failed(format!(
                "broker {} has no config key '{k}'",
                t.broker_name
            )));
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
    Ok(ConfigRows(rows))
}

pub async fn config(g: &GlobalArgs, cmd: ConfigCommand) -> CliResult {
    let admin = g.admin()?;
    let rows = match cmd {
        ConfigCommand::Get { key, targets } => {
            let brokers = targets.resolve(&admin).await?;
            read(&admin, &brokers, key.as_deref()).await?
        }
        ConfigCommand::Set {
            key,
            value,
            targets,
        } => {
            let brokers = targets.resolve(&admin).await?;
            let updates: BTreeMap<String, String> = [(key.clone(), value)].into();
            for t in &brokers {
                admin
                    .update_broker_config(&t.addr, &updates)
                    .await
                    .map_err(|e| {
                        CliError::Failed(format!(
                            "cannot set '{key}' on broker {} ({}): {e}",
                            t.broker_name, t.addr
                        ))
                    })?;
            }
            read(&admin, &brokers, Some(&key)).await?
        }
    };
    Ok(render::emit(g.output, &rows)?)
}
