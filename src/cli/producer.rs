//! `mq producer list`: the connected producers of a group.

use serde::Serialize;

use super::{CliError, CliResult, GlobalArgs};
use crate::protocol::connection::version_desc;
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

/// One client connection, as `mq producer list` and `mq consumer list` print it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionRow {
    pub client_id: String,
    pub client_addr: String,
    pub language: String,
    /// The client's RocketMQ version name (`V4_9_8`), or its ordinal.
    pub version: String,
}

impl From<&crate::protocol::connection::Connection> for ConnectionRow {
    fn from(c: &crate::protocol::connection::Connection) -> Self {
        ConnectionRow {
            client_id: c.client_id.clone(),
            client_addr: c.client_addr.clone(),
            language: c.language.clone(),
            version: version_desc(c.version),
        }
    }
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
            let conns = admin
                .producer_connections(&group, cluster.as_deref())
                .await?;
            if conns.connection_set.is_empty() {
                return Err(CliError::Failed(format!(
                    "no producer of group '{group}' is connected"
                )));
            }
            render::emit(
                g.output,
                &Connections(
                    conns
                        .connection_set
                        .iter()
                        .map(ConnectionRow::from)
                        .collect(),
                ),
            )?;
        }
    }
    Ok(())
}
