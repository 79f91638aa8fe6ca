//! `mq topic ...`: topic routes and lists.

use serde::Serialize;

use super::output::{self, Render, new_table};
use super::{CliResult, GlobalArgs};
use crate::protocol::perm;
use crate::protocol::route::TopicRouteData;

#[derive(Debug, clap::Subcommand)]
pub enum TopicCommand {
    /// Show which brokers serve a topic and how many queues each has
    #[command(
        after_help = "Examples:\n  mq topic route TopicTest\n  mq topic route TopicTest -o json"
    )]
    Route {
        /// The topic
        topic: String,
    },
    /// List the topics the name server knows
    #[command(after_help = "Examples:\n  mq topic list\n  mq topic list -c DefaultCluster -o json")]
    List {
        /// Only topics served by this cluster
        #[arg(short = 'c', long)]
        cluster: Option<String>,
    },
}

pub async fn run(g: &GlobalArgs, cmd: TopicCommand) -> CliResult {
    let admin = g.admin()?;
    match cmd {
        TopicCommand::Route { topic } => {
            let route = admin.topic_route(&topic).await?;
            output::emit(g.output, &Route(route))?;
        }
        TopicCommand::List { cluster } => {
            let list = match cluster {
                Some(c) => admin.topics_by_cluster(&c).await?,
                None => admin.topic_list().await?,
            };
            let rows = list
                .topic_list
                .into_iter()
                .map(|topic| TopicRow { topic })
                .collect();
            output::emit(g.output, &TopicNames(rows))?;
        }
    }
    Ok(())
}

/// A route prints as RocketMQ's TopicRouteData in JSON/YAML (what mqadmin
/// topicRoute prints), and as one row per broker member in a table.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Route(pub TopicRouteData);

impl Render for Route {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "BROKER",
            "ID",
            "ADDRESS",
            "READ QUEUES",
            "WRITE QUEUES",
            "PERM",
        ]);
        let mut queues = self.0.queue_datas.clone();
        queues.sort_by(|a, b| a.broker_name.cmp(&b.broker_name));
        for q in &queues {
            let members = self
                .0
                .broker_datas
                .iter()
                .find(|b| b.broker_name == q.broker_name)
                .map(|b| b.broker_addrs.clone())
                .unwrap_or_default();
            if members.is_empty() {
                t.add_row(vec![
                    q.broker_name.clone(),
                    "-".into(),
                    "-".into(),
                    q.read_queue_nums.to_string(),
                    q.write_queue_nums.to_string(),
                    perm::perm_to_string(q.perm),
                ]);
            }
            for (id, addr) in members {
                t.add_row(vec![
                    q.broker_name.clone(),
                    id.to_string(),
                    addr,
                    q.read_queue_nums.to_string(),
                    q.write_queue_nums.to_string(),
                    perm::perm_to_string(q.perm),
                ]);
            }
        }
        t
    }
}

#[derive(Debug, Serialize)]
pub struct TopicRow {
    pub topic: String,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct TopicNames(pub Vec<TopicRow>);

impl Render for TopicNames {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["TOPIC"]);
        for r in &self.0 {
            t.add_row(vec![r.topic.clone()]);
        }
        t
    }
}
