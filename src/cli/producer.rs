//! `mq producer list`: the connected producers of a group.

use serde::Serialize;

use super::{CliResult, GlobalArgs};
use crate::client::admin::connection::ConnectionRow;
use crate::render::{self, Render, new_table};

#[derive(Debug, clap::Subcommand)]
pub enum ProducerCommand {
    /// The producers of a group connected to the cluster: client id, address, language, version
    #[command(
        after_help = "Examples:\n  mq producer list --group please_rename_unique_group_name\n  mq producer list -g demo_producer -o json"
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
#[serde(transparent)]
pub struct Connections(pub Vec<ConnectionRow>);

impl Render for Connections {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["CLIENT ID", "ADDRESS", "LANGUAGE", "VERSION"]);
        for c in &self.0 {
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

pub async fn run(g: &GlobalArgs, cmd: ProducerCommand) -> CliResult {
    let admin = g.admin()?;
    match cmd {
        ProducerCommand::List { group, cluster } => {
            let rows = admin.producer_list(&group, cluster.as_deref()).await?;
            render::emit(g.output, &Connections(rows))?;
        }
    }
    Ok(())
}
