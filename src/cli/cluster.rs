//! `mq cluster ...`: clusters and their brokers as the name server sees them,
//! with each broker's own figures (mqadmin's clusterList), and taking a broker's
//! write permission away and back on the name servers for maintenance
//! (mqadmin's wipeWritePerm / addWritePerm).

use serde::Serialize;

use super::{CliError, CliResult, GlobalArgs};
use crate::client::admin::cluster::BrokerRow;
use crate::client::admin::write_perm::WritePermChange;
use crate::render::{self, Render, new_table};

#[derive(Debug, clap::Subcommand)]
pub enum ClusterCommand {
    /// List clusters, their brokers (masters and slaves) and addresses
    #[command(after_help = "Examples:\n  mq cluster list\n  mq cluster list -o json")]
    List,
    /// Take a broker's write permission away on every name server: producers stop sending
    /// to it, consumers keep reading it (maintenance; see commands/cluster.md)
    #[command(after_help = "Examples:\n  mq cluster wipe-write-perm broker-a")]
    WipeWritePerm {
        /// The brokerName (a master and its slaves)
        broker_name: String,
    },
    /// Give a broker its write permission back on every name server
    #[command(after_help = "Examples:\n  mq cluster add-write-perm broker-a")]
    AddWritePerm {
        /// The brokerName (a master and its slaves)
        broker_name: String,
    },
}

pub async fn run(g: &GlobalArgs, cmd: ClusterCommand) -> CliResult {
    match cmd {
        ClusterCommand::List => {
            let admin = g.admin()?;
            render::emit(g.output, &BrokerList(admin.cluster_brokers().await?))?;
        }
        ClusterCommand::WipeWritePerm { broker_name } => {
            let admin = g.admin()?;
            let changes = admin.wipe_write_perm_of_broker(&broker_name).await;
            return emit_write_perm(g, changes);
        }
        ClusterCommand::AddWritePerm { broker_name } => {
            let admin = g.admin()?;
            let changes = admin.add_write_perm_of_broker(&broker_name).await;
            return emit_write_perm(g, changes);
        }
    }
    Ok(())
}

/// Prints what each name server did; fails when one of them did not take the change.
fn emit_write_perm(g: &GlobalArgs, changes: Vec<WritePermChange>) -> CliResult {
    let failed: Vec<String> = changes
        .iter()
        .filter(|c| c.error.is_some())
        .map(|c| c.namesrv.clone())
        .collect();
    render::emit(g.output, &WritePermChanges(changes))?;
    if failed.is_empty() {
        Ok(())
    } else {
        Err(CliError::Failed(format!(
            "name server(s) {} did not take the change",
            failed.join(", ")
        )))
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct WritePermChanges(pub Vec<WritePermChange>);

impl Render for WritePermChanges {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["NAME SERVER", "BROKER", "TOPICS", "RESULT"]);
        for c in &self.0 {
            t.add_row(vec![
                c.namesrv.clone(),
                c.broker_name.clone(),
                c.topic_count.map_or_else(|| "-".into(), |n| n.to_string()),
                c.error.clone().unwrap_or_else(|| "OK".into()),
            ]);
        }
        t
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct BrokerList(pub Vec<BrokerRow>);

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
            "LAG",
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
                lag_text(r),
                r.last_update_timestamp
                    .map(|ms| render::format_age(ms, now))
                    .unwrap_or_else(|| "-".into()),
            ]);
        }
        t
    }
}

/// A slave's lag: bytes, and time where its master tells ("-" for masters and unknowns).
fn lag_text(r: &BrokerRow) -> String {
    match &r.lag {
        None => "-".into(),
        Some(l) => match l.time_ms {
            Some(ms) => format!("{} B / {:.1}s", l.bytes, ms as f64 / 1000.0),
            None => format!("{} B", l.bytes),
        },
    }
}
