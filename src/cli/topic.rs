//! `mq topic ...`: create, update, delete, list, describe (per-queue offsets
//! and consuming groups) and route.

use crate::client::admin::schedule::DelayLevelStatus;
use serde::Serialize;

use super::admin_common::{Targets, confirm};
use super::{CliError, CliResult, GlobalArgs};
use crate::client::admin::AdminClient;
use crate::client::admin::maintenance::StatsAllRow;
use crate::client::admin::topic::{self, TopicChange, TopicDescription};
use crate::protocol::perm;
use crate::protocol::route::TopicRouteData;
use crate::render::{self, Render, new_table};
use crate::render::{emit_sections, time};

/// `--perm rw|r|w`: a topic's permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PermArg {
    Rw,
    R,
    W,
}

impl PermArg {
    pub fn bits(self) -> i32 {
        match self {
            PermArg::Rw => perm::PERM_READ_WRITE,
            PermArg::R => perm::PERM_READ,
            PermArg::W => perm::PERM_WRITE,
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct TopicSettings {
    /// The topic
    pub topic: String,
    #[command(flatten)]
    pub targets: Targets,
    /// Read queues per broker [default: 8, or the current value on update]
    #[arg(long, value_parser = clap::value_parser!(i32).range(1..=65535))]
    pub read_queues: Option<i32>,
    /// Write queues per broker [default: 8, or the current value on update]
    #[arg(long, value_parser = clap::value_parser!(i32).range(1..=65535))]
    pub write_queues: Option<i32>,
    /// Permission [default: rw, or the current value on update]
    #[arg(long, value_enum)]
    pub perm: Option<PermArg>,
    /// An ordered topic (also recorded in the name server's ORDER_TOPIC_CONFIG)
    #[arg(long)]
    pub order: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum TopicCommand {
    /// Create a topic (or update it if it exists) on a cluster's masters or one broker
    #[command(
        after_help = "Examples:\n  mq topic create TopicTest\n  mq topic create Orders -c DefaultCluster --read-queues 16 --write-queues 16 --order\n  mq topic create TopicTest -b 127.0.0.1:10911 --perm r"
    )]
    Create(TopicSettings),
    /// Change a topic's queues or permission; unchanged settings keep their value
    #[command(
        after_help = "Examples:\n  mq topic update TopicTest --write-queues 16\n  mq topic update TopicTest --perm r"
    )]
    Update(TopicSettings),
    /// Delete a topic from its brokers and the name servers (asks first; -y in scripts)
    #[command(
        after_help = "Examples:\n  mq topic delete TopicTest\n  mq topic delete TopicTest -c DefaultCluster -y"
    )]
    Delete {
        /// The topic
        topic: String,
        /// Only on this cluster [default: every cluster serving it]
        #[arg(short = 'c', long)]
        cluster: Option<String>,
        /// Do not ask
        #[arg(short = 'y', long)]
        yes: bool,
    },
    /// Show a topic's queues with their min/max offsets and last update, and the groups consuming it
    #[command(
        after_help = "Examples:\n  mq topic describe TopicTest\n  mq topic describe TopicTest -o json"
    )]
    Describe {
        /// The topic
        topic: String,
    },
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
    /// Per topic and consuming group: lag, in/out TPS (last minute), messages in/out (last 24 hours)
    #[command(
        after_help = "Examples:\n  mq topic stats\n  mq topic stats TopicTest -o json\n  mq topic stats --active"
    )]
    Stats {
        /// Only this topic [default: every topic but retry and dead-letter topics]
        topic: Option<String>,
        /// Only topics with messages in or out in the last 24 hours
        #[arg(short = 'a', long)]
        active: bool,
    },
    /// Raw consume queue entries of one queue: commit log offset, size, tags code
    #[command(
        after_help = "Examples:\n  mq topic cq TopicTest --queue 0\n  mq topic cq TopicTest --queue 1 --index 100 --count 5 -b 127.0.0.1:10911 -o json"
    )]
    Cq(CqArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct CqArgs {
    /// The topic
    pub topic: String,
    /// The queue id
    #[arg(short = 'q', long)]
    pub queue: i32,
    /// The first queue offset to show
    #[arg(short = 'i', long, default_value_t = 0)]
    pub index: i64,
    /// How many entries
    #[arg(short = 'c', long, default_value_t = 10)]
    pub count: i32,
    /// The broker (host:port) [default: the first master of the topic's route]
    #[arg(short = 'b', long)]
    pub broker: Option<String>,
    /// Also show this consumer group's subscription to the topic
    #[arg(short = 'g', long)]
    pub group: Option<String>,
}

pub async fn run(g: &GlobalArgs, cmd: TopicCommand) -> CliResult {
    let admin = g.admin()?;
    match cmd {
        TopicCommand::Create(s) => {
            let done = create_or_update(&admin, s, false).await?;
            render::emit(g.output, &done)?;
        }
        TopicCommand::Update(s) => {
            let done = create_or_update(&admin, s, true).await?;
            render::emit(g.output, &done)?;
        }
        TopicCommand::Delete {
            topic,
            cluster,
            yes,
        } => {
            let plan = admin.plan_delete_topic(&topic, cluster.as_deref()).await?;
            confirm(
                &format!(
                    "delete topic '{topic}' from {} broker(s)",
                    plan.brokers.len()
                ),
                yes,
            )?;
            let done = TopicChanges(admin.delete_topic(&plan).await?);
            render::emit(g.output, &done)?;
        }
        TopicCommand::Describe { topic } => {
            let d = admin.describe_topic(&topic).await?;
            let sections = describe_sections(&d);
            emit_sections(g.output, &d, sections)?;
        }
        TopicCommand::Stats { topic, active } => {
            let rows = admin.stats_all(topic.as_deref(), active).await?;
            render::emit(g.output, &StatsAll(rows))?;
        }
        TopicCommand::Cq(a) => cq(g, &admin, a).await?,
        TopicCommand::Route { topic } => {
            let route = admin.topic_route(&topic).await?;
            render::emit(g.output, &Route(route))?;
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
            render::emit(g.output, &TopicNames(rows))?;
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

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct TopicChanges(pub Vec<TopicChange>);

impl Render for TopicChanges {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "TOPIC",
            "ACTION",
            "BROKER",
            "ADDRESS",
            "READ QUEUES",
            "WRITE QUEUES",
            "PERM",
        ]);
        for c in &self.0 {
            t.add_row(vec![
                c.topic.clone(),
                c.action.to_string(),
                c.broker_name.clone(),
                c.address.clone(),
                crate::render::opt(c.read_queue_nums.map(i64::from)),
                crate::render::opt(c.write_queue_nums.map(i64::from)),
                c.perm.clone().unwrap_or_else(|| "-".into()),
            ]);
        }
        t
    }
}

async fn create_or_update(
    admin: &AdminClient,
    s: TopicSettings,
    must_exist: bool,
) -> CliResult<TopicChanges> {
    let settings = topic::TopicSettings {
        read_queue_nums: s.read_queues,
        write_queue_nums: s.write_queues,
        perm: s.perm.map(PermArg::bits),
        order: s.order,
    };
    let changes = admin
        .create_or_update_topic(
            &s.topic,
            s.targets.cluster.as_deref(),
            s.targets.broker.as_deref(),
            must_exist,
            &settings,
        )
        .await?;
    Ok(TopicChanges(changes))
}

/// The tables of `topic describe`: the queues, then the consuming groups.
fn describe_sections(d: &TopicDescription) -> Vec<(Option<String>, comfy_table::Table)> {
    let mut groups = new_table(["CONSUMER GROUP"]);
    for g in &d.consumer_groups {
        groups.add_row(vec![g.clone()]);
    }
    let mut out = vec![(None, d.table())];
    if !d.consumer_groups.is_empty() {
        out.push((None, groups));
    }
    if !d.delay_levels.is_empty() {
        out.push((
            Some("Delayed messages".to_string()),
            delay_levels_table(&d.delay_levels),
        ));
    }
    out
}

/// What waits in SCHEDULE_TOPIC_XXXX, one row per broker and delay level, then the timer's.
fn delay_levels_table(rows: &[DelayLevelStatus]) -> comfy_table::Table {
    let mut t = new_table([
        "BROKER",
        "LEVEL",
        "DELAY",
        "DELIVERED OFFSET",
        "MAX OFFSET",
        "WAITING",
    ]);
    for r in rows {
        t.add_row(vec![
            r.broker_name.clone(),
            r.level.map_or("timer".to_string(), |l| l.to_string()),
            r.delay.clone().unwrap_or_else(|| "-".to_string()),
            crate::render::opt(r.delivered_offset),
            crate::render::opt(r.max_offset),
            r.waiting.to_string(),
        ]);
    }
    t
}

impl Render for TopicDescription {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "BROKER",
            "QUEUE",
            "MIN OFFSET",
            "MAX OFFSET",
            "MESSAGES",
            "LAST UPDATED",
        ]);
        for q in &self.queues {
            t.add_row(vec![
                q.broker_name.clone(),
                q.queue_id.to_string(),
                q.min_offset.to_string(),
                q.max_offset.to_string(),
                q.messages.to_string(),
                time(q.last_update_timestamp),
            ]);
        }
        t
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct StatsAll(pub Vec<StatsAllRow>);

impl Render for StatsAll {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "TOPIC",
            "GROUP",
            "ACCUMULATION",
            "IN TPS",
            "OUT TPS",
            "IN 24H",
            "OUT 24H",
        ]);
        for r in &self.0 {
            t.add_row(vec![
                r.topic.clone(),
                r.group.clone().unwrap_or_default(),
                r.accumulation.to_string(),
                format!("{:.2}", r.in_tps),
                r.out_tps.map(|v| format!("{v:.2}")).unwrap_or_default(),
                r.in_msg_24_hour.to_string(),
                r.out_msg_24_hour
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| "NO_CONSUMER".into()),
            ]);
        }
        t
    }
}

/// `mq topic cq`'s answer: the queue's range, the entries, and the group's subscription.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CqEntries {
    pub broker: String,
    pub topic: String,
    pub queue_id: i32,
    pub min_queue_index: i64,
    pub max_queue_index: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscription: Option<String>,
    pub entries: Vec<CqEntryRow>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CqEntryRow {
    pub index: i64,
    pub physic_offset: i64,
    pub physic_size: i32,
    pub tags_code: i64,
}

impl Render for CqEntries {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["INDEX", "COMMIT LOG OFFSET", "SIZE", "TAGS CODE"]);
        for e in &self.entries {
            t.add_row(vec![
                e.index.to_string(),
                e.physic_offset.to_string(),
                e.physic_size.to_string(),
                e.tags_code.to_string(),
            ]);
        }
        t
    }
}

async fn cq(g: &GlobalArgs, admin: &AdminClient, a: CqArgs) -> CliResult {
    let broker = match a.broker {
        Some(b) => b,
        None => admin
            .topic_masters(&a.topic)
            .await?
            .into_iter()
            .next()
            .map(|t| t.addr)
            .ok_or_else(|| CliError::Failed(format!("topic '{}' has no master", a.topic)))?,
    };
    let body = admin
        .query_consume_queue(
            &broker,
            &a.topic,
            a.queue,
            a.index,
            a.count,
            a.group.as_deref(),
        )
        .await?;
    let subscription = match (&body.subscription_data, &body.filter_data) {
        (Some(s), _) => Some(format!("{} {}", s.topic, s.sub_string)),
        (None, f) => f.clone(),
    };
    let entries = body
        .queue_data
        .unwrap_or_default()
        .into_iter()
        .zip(a.index..)
        .map(|(e, index)| CqEntryRow {
            index,
            physic_offset: e.physic_offset,
            physic_size: e.physic_size,
            tags_code: e.tags_code,
        })
        .collect();
    let out = CqEntries {
        broker,
        topic: a.topic,
        queue_id: a.queue,
        min_queue_index: body.min_queue_index,
        max_queue_index: body.max_queue_index,
        subscription,
        entries,
    };
    let title = format!(
        "queue {} of {} on {}: offsets {}..{}{}",
        out.queue_id,
        out.topic,
        out.broker,
        out.min_queue_index,
        out.max_queue_index,
        out.subscription
            .as_deref()
            .map(|s| format!(", subscription: {s}"))
            .unwrap_or_default()
    );
    let table = out.table();
    emit_sections(g.output, &out, vec![(Some(title), table)])?;
    Ok(())
}
