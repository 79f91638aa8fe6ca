//! `mq cluster ...`: clusters and their brokers as the name server sees them,
//! with each broker's own figures (mqadmin's clusterList).

use serde::Serialize;

use super::{CliResult, GlobalArgs};
use crate::client::admin::cluster::BrokerRow;
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
            render::emit(g.output, &BrokerList(admin.cluster_brokers().await?))
        }
    }
    .map_err(Into::into)
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
