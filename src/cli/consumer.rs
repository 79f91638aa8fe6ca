//! `mq consumer list`: the online consumers of a group and what they subscribe to.

use serde::Serialize;

use super::producer::ConnectionRow;
use super::{CliError, CliResult, GlobalArgs};
use crate::render::emit_sections;
use crate::render::{Render, new_table};

#[derive(Debug, clap::Subcommand)]
pub enum ConsumerCommand {
    /// The consumers of a group connected to the cluster, with their subscriptions
    #[command(
        after_help = "Examples:\n  mq consumer list --group demo\n  mq consumer list -g demo -o json"
    )]
    List {
        #[arg(short = 'g', long)]
        group: String,
        /// Only this cluster [default: every cluster]
        #[arg(short = 'c', long)]
        cluster: Option<String>,
    },
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    pub topic: String,
    pub expression: String,
    pub expression_type: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsumerList {
    pub group: String,
    pub consume_type: Option<String>,
    pub message_model: Option<String>,
    pub consume_from_where: Option<String>,
    pub connections: Vec<ConnectionRow>,
    pub subscriptions: Vec<Subscription>,
}

impl Render for ConsumerList {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["CLIENT ID", "ADDRESS", "LANGUAGE", "VERSION"]);
        for c in &self.connections {
            t.add_row(vec![
                c.client_id.clone(),
                c.client_addr.clone(),
                c.language.clone(),
                c.version.clone(),
            ]);
        }
        t
    }
}

pub async fn run(g: &GlobalArgs, cmd: ConsumerCommand) -> CliResult {
    let admin = g.admin()?;
    match cmd {
        ConsumerCommand::List { group, cluster } => {
            let Some(c) = admin.group_connections(&group, cluster.as_deref()).await? else {
                return Err(CliError::Failed(format!(
                    "consumer group '{group}' is not online"
                )));
            };
            let list = ConsumerList {
                group,
                consume_type: c.consume_type.map(|v| v.to_string()),
                message_model: c.message_model.map(|v| v.to_string()),
                consume_from_where: c.consume_from_where.map(|v| v.to_string()),
                connections: c.connection_set.iter().map(ConnectionRow::from).collect(),
                subscriptions: c
                    .subscription_table
                    .values()
                    .map(|s| Subscription {
                        topic: s.topic.clone(),
                        expression: s.sub_string.clone(),
                        expression_type: s.expression_type.clone().unwrap_or_else(|| "TAG".into()),
                    })
                    .collect(),
            };
            let mut subs = new_table(["TOPIC", "EXPRESSION", "TYPE"]);
            for s in &list.subscriptions {
                subs.add_row(vec![
                    s.topic.clone(),
                    s.expression.clone(),
                    s.expression_type.clone(),
                ]);
            }
            let summary = format!(
                "Type: {}   Model: {}   From: {}",
                list.consume_type.as_deref().unwrap_or("-"),
                list.message_model.as_deref().unwrap_or("-"),
                list.consume_from_where.as_deref().unwrap_or("-")
            );
            let sections = vec![
                (None, list.table()),
                (None, subs),
                (Some(summary), comfy_table::Table::new()),
            ];
            emit_sections(g.output, &list, sections)?;
        }
    }
    Ok(())
}
