//! `mq consumer list`: the online consumers of a group and what they subscribe to.

use super::{CliResult, GlobalArgs};
use crate::client::admin::connection::ConsumerList;
use crate::render::{Render, emit_sections, new_table};

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
            let list = admin.consumer_list(&group, cluster.as_deref()).await?;
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
