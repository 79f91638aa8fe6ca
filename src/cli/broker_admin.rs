//! `mq broker status` and `mq broker config get|set`: flags and tables over
//! `client::admin::broker_info` (runtime figures, config keys).

use serde::Serialize;

use super::admin_common::Targets;
use super::{CliResult, GlobalArgs};
use crate::client::admin::broker_info::{BrokerStatus, ConfigRow, HaStatus};
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
