//! `mq broker status`, `config get|set`, `consume-stats`, `stats`, `producers`
//! and `clean`: flags and tables over `client::admin::broker_info` (runtime
//! figures, config keys) and `client::admin::maintenance` (stats items, every
//! group's progress, the producer table, store clean-ups).

use serde::Serialize;

use super::admin_common::Targets;
use super::{CliError, CliResult, GlobalArgs};
use crate::client::admin::broker_info::{BrokerStatus, ConfigRow, HaStatus};
use crate::client::admin::maintenance::{BrokerConsumeReport, CleanUp, CleanUpRow};
use crate::protocol::admin_codes::{BrokerStatsData, ProducerInfo};
use crate::protocol::connection::version_desc;
use crate::render::{self, Render, new_table, time};

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
            "HA",
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
                ha_text(s.ha.as_ref()),
            ]);
        }
        t
    }
}

/// The HA cell: the role, then a master's slaves (one a line: address, acked offset, lag) or a
/// slave's master and whether it is connected.
fn ha_text(ha: Option<&HaStatus>) -> String {
    let Some(ha) = ha else {
        return "-".into();
    };
    let mut lines = vec![ha.role.clone()];
    if let Some(slaves) = &ha.slaves {
        if slaves.is_empty() {
            lines.push("no slave connected".into());
        }
        for s in slaves {
            lines.push(format!(
                "slave {} acked {} lag {} B / {:.1}s",
                s.address,
                s.acked_offset,
                s.bytes_behind,
                s.time_behind_ms as f64 / 1000.0
            ));
        }
    }
    if let Some(addr) = &ha.master_address {
        let addr = if addr.is_empty() { "unknown" } else { addr };
        let state = if ha.master_connected == Some(true) {
            "connected"
        } else {
            "not connected"
        };
        lines.push(format!("master {addr} {state}"));
    }
    lines.join("\n")
}

pub async fn status(g: &GlobalArgs, targets: Targets) -> CliResult {
    let admin = g.admin()?;
    let out = admin
        .broker_status(targets.cluster.as_deref(), targets.broker.as_deref())
        .await?;
    Ok(render::emit(g.output, &BrokerStatuses(out))?)
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

pub async fn config(g: &GlobalArgs, cmd: ConfigCommand) -> CliResult {
    let admin = g.admin()?;
    let rows = match cmd {
        ConfigCommand::Get { key, targets } => {
            admin
                .broker_config_rows(
                    targets.cluster.as_deref(),
                    targets.broker.as_deref(),
                    key.as_deref(),
                )
                .await?
        }
        ConfigCommand::Set {
            key,
            value,
            targets,
        } => {
            admin
                .set_broker_config(
                    targets.cluster.as_deref(),
                    targets.broker.as_deref(),
                    &key,
                    &value,
                )
                .await?
        }
    };
    Ok(render::emit(g.output, &ConfigRows(rows))?)
}

#[derive(Debug, Clone, clap::Args)]
pub struct ConsumeStatsArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// Only ordered topics
    #[arg(long)]
    pub order: bool,
    /// Only queues lagging by at least this many messages
    #[arg(long, default_value_t = 0)]
    pub min_diff: i64,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct BrokerConsume(pub BrokerConsumeReport);

impl Render for BrokerConsume {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "TOPIC",
            "GROUP",
            "BROKER",
            "QUEUE",
            "BROKER OFFSET",
            "CONSUMER OFFSET",
            "DIFF",
            "LAST TIME",
        ]);
        for r in &self.0.rows {
            t.add_row(vec![
                r.topic.clone(),
                r.group.clone(),
                r.broker_name.clone(),
                r.queue_id.to_string(),
                r.broker_offset.to_string(),
                r.consumer_offset.to_string(),
                r.diff.to_string(),
                time((r.last_timestamp > 0).then_some(r.last_timestamp)),
            ]);
        }
        t.add_row(vec![
            "Diff Total".to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            self.0.total_diff.to_string(),
            String::new(),
        ]);
        t
    }
}

pub async fn consume_stats(g: &GlobalArgs, a: ConsumeStatsArgs) -> CliResult {
    let admin = g.admin()?;
    let targets = a.targets.resolve(&admin).await?;
    let report = admin
        .broker_consume_rows(&targets, a.order, a.min_diff)
        .await?;
    Ok(render::emit(g.output, &BrokerConsume(report))?)
}

#[derive(Debug, Clone, clap::Args)]
pub struct StatsArgs {
    /// RocketMQ's stats name, e.g. TOPIC_PUT_NUMS
    pub name: String,
    /// The item's key: a topic, topic@group, or the cluster name
    pub key: String,
    #[command(flatten)]
    pub targets: Targets,
}

/// One broker's figures of a stats item.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatsItemRow {
    pub broker_name: String,
    pub address: String,
    #[serde(flatten)]
    pub data: BrokerStatsData,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct StatsItemRows(pub Vec<StatsItemRow>);

impl Render for StatsItemRows {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["BROKER", "ADDRESS", "WINDOW", "SUM", "TPS", "AVG"]);
        for r in &self.0 {
            for (window, item) in [
                ("minute", r.data.stats_minute),
                ("hour", r.data.stats_hour),
                ("day", r.data.stats_day),
            ] {
                t.add_row(vec![
                    r.broker_name.clone(),
                    r.address.clone(),
                    window.to_string(),
                    item.sum.to_string(),
                    format!("{:.2}", item.tps),
                    format!("{:.2}", item.avgpt),
                ]);
            }
        }
        t
    }
}

pub async fn stats(g: &GlobalArgs, a: StatsArgs) -> CliResult {
    let admin = g.admin()?;
    let targets = a.targets.resolve(&admin).await?;
    let mut rows = Vec::new();
    for t in targets {
        let data = admin
            .view_broker_stats_data(&t.addr, &a.name, &a.key)
            .await?;
        rows.push(StatsItemRow {
            broker_name: t.broker_name,
            address: t.addr,
            data,
        });
    }
    Ok(render::emit(g.output, &StatsItemRows(rows))?)
}

/// One connected producer on one broker.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProducerRow {
    pub broker_name: String,
    pub group: String,
    #[serde(flatten)]
    pub info: ProducerInfo,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ProducerRows(pub Vec<ProducerRow>);

impl Render for ProducerRows {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "BROKER",
            "GROUP",
            "CLIENT ID",
            "ADDRESS",
            "LANGUAGE",
            "VERSION",
            "LAST HEARTBEAT",
        ]);
        for r in &self.0 {
            t.add_row(vec![
                r.broker_name.clone(),
                r.group.clone(),
                r.info.client_id.clone(),
                r.info.remote_ip.clone(),
                r.info.language.clone(),
                version_desc(r.info.version),
                time(Some(r.info.last_update_timestamp)),
            ]);
        }
        t
    }
}

pub async fn producers(g: &GlobalArgs, targets: Targets) -> CliResult {
    let admin = g.admin()?;
    let targets = targets.resolve(&admin).await?;
    let mut rows = Vec::new();
    for t in targets {
        let table = admin.all_producer_info(&t.addr).await?;
        for (group, infos) in table.data {
            for info in infos {
                rows.push(ProducerRow {
                    broker_name: t.broker_name.clone(),
                    group: group.clone(),
                    info,
                });
            }
        }
    }
    Ok(render::emit(g.output, &ProducerRows(rows))?)
}

/// What `mq broker clean` cleans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CleanWhat {
    /// Commit log files older than fileReservedTime, whatever deleteWhen says (deleteExpiredCommitLog)
    ExpiredCommitlog,
    /// Consume queue and index files that only point at deleted commit log data (cleanExpiredCQ)
    ExpiredCq,
    /// Consume queues of topics the broker has no config for, e.g. deleted ones (cleanUnusedTopic)
    UnusedTopics,
}

#[derive(Debug, Clone, clap::Args)]
pub struct CleanArgs {
    /// What to clean
    #[arg(value_enum)]
    pub what: CleanWhat,
    #[command(flatten)]
    pub targets: Targets,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct CleanRows(pub Vec<CleanUpRow>);

impl Render for CleanRows {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["BROKER", "ADDRESS", "RESULT"]);
        for r in &self.0 {
            t.add_row(vec![
                r.broker_name.clone(),
                r.address.clone(),
                r.error.clone().unwrap_or_else(|| "done".into()),
            ]);
        }
        t
    }
}

pub async fn clean(g: &GlobalArgs, a: CleanArgs) -> CliResult {
    let admin = g.admin()?;
    let targets = a.targets.resolve(&admin).await?;
    let what = match a.what {
        CleanWhat::ExpiredCommitlog => CleanUp::ExpiredCommitLog,
        CleanWhat::ExpiredCq => CleanUp::ExpiredConsumeQueue,
        CleanWhat::UnusedTopics => CleanUp::UnusedTopic,
    };
    let rows = admin.clean_up_on(&targets, what).await;
    let failed = rows.iter().filter(|r| !r.done).count();
    render::emit(g.output, &CleanRows(rows))?;
    if failed > 0 {
        return Err(CliError::Failed(format!(
            "the clean-up failed on {failed} broker(s)"
        )));
    }
    Ok(())
}
