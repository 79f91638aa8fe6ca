//! `mq group ...`: consumer groups: create, update, list, describe (progress,
//! lag and clients), delete and reset-offset (a dry run unless --execute).

use serde::Serialize;

use super::admin_common::{Targets, confirm, parse_time};
use super::{CliError, CliResult, GlobalArgs};
use crate::client::admin::AdminClient;
use crate::client::admin::group::{
    self, GroupChange, GroupDescription, GroupRow, ResetPlan, ResetTarget,
};
use crate::client::admin::maintenance::{GroupConfigRow, QueueOffsetRow, RunningInfo};
use crate::protocol::admin_codes::QueueTimeSpan;
use crate::render::{self, Render, emit_sections, new_table, opt, time};

#[derive(Debug, Clone, clap::Args)]
pub struct GroupSettings {
    /// The consumer group
    pub group: String,
    #[command(flatten)]
    pub targets: Targets,
    /// Consumers of the group may use broadcasting
    #[arg(long)]
    pub broadcast: bool,
    /// Redeliveries before a message goes to the dead-letter queue [default: 16]
    #[arg(long)]
    pub retry_max: Option<i32>,
    /// Queues of the group's retry topic [default: 1]
    #[arg(long)]
    pub retry_queues: Option<i32>,
    /// Whether the group may consume [default: true]
    #[arg(long)]
    pub consume_enable: Option<bool>,
}

#[derive(Debug, clap::Subcommand)]
pub enum GroupCommand {
    /// Create a consumer group (or update it) on a cluster's masters or one broker
    #[command(
        after_help = "Examples:\n  mq group create demo\n  mq group create demo -c DefaultCluster --retry-max 3\n  mq group create audit --broadcast"
    )]
    Create(GroupSettings),
    /// Change a consumer group's settings
    #[command(
        after_help = "Examples:\n  mq group update demo --retry-max 5\n  mq group update demo --consume-enable false"
    )]
    Update(GroupSettings),
    /// List the consumer groups of a cluster's masters
    #[command(after_help = "Examples:\n  mq group list\n  mq group list -c DefaultCluster -o json")]
    List {
        /// Only this cluster [default: every cluster]
        #[arg(short = 'c', long)]
        cluster: Option<String>,
        /// Also the groups every broker has (TOOLS_CONSUMER, CID_ONSAPI_*, ...)
        #[arg(long)]
        all: bool,
    },
    /// A group's progress per queue (broker offset, consumer offset, lag, last consume time), retry and DLQ depth, and its clients
    #[command(
        after_help = "Examples:\n  mq group describe demo\n  mq group describe demo --topic TopicTest -o json"
    )]
    Describe {
        /// The consumer group
        group: String,
        /// Only this topic [default: every topic the group consumes]
        #[arg(short = 't', long)]
        topic: Option<String>,
        /// Only this cluster [default: every cluster]
        #[arg(short = 'c', long)]
        cluster: Option<String>,
    },
    /// Delete a consumer group from a cluster's masters (asks first; -y in scripts)
    #[command(
        after_help = "Examples:\n  mq group delete demo\n  mq group delete demo --remove-offsets -y"
    )]
    Delete {
        /// The consumer group
        group: String,
        #[command(flatten)]
        targets: Targets,
        /// Also forget the group's committed offsets
        #[arg(long)]
        remove_offsets: bool,
        /// Do not ask
        #[arg(short = 'y', long)]
        yes: bool,
    },
    /// Move a group's offsets on a topic: prints the plan, changes nothing unless --execute
    #[command(
        after_help = "Examples:\n  mq group reset-offset demo --topic TopicTest --to-earliest\n  mq group reset-offset demo --topic TopicTest --to-time '2024-05-01T12:00:00Z' --execute -y\n  mq group reset-offset demo --topic TopicTest --shift-by -100 --execute -y"
    )]
    ResetOffset(ResetArgs),
    /// Copy a group's committed offsets on a topic to another group
    #[command(
        after_help = "Examples:\n  mq group clone-offset demo demo-copy --topic TopicTest\n  mq group clone-offset demo demo-copy --topic TopicTest --offline -o json"
    )]
    CloneOffset {
        /// The group to copy from
        src: String,
        /// The group to copy to
        dest: String,
        /// The topic
        #[arg(short = 't', long)]
        topic: String,
        /// Copy even when the online source group does not subscribe to the topic
        #[arg(long)]
        offline: bool,
    },
    /// A group's progress on a topic in store times: oldest, newest and last consumed message, and how long the next one has waited
    #[command(
        after_help = "Examples:\n  mq group time-span demo --topic TopicTest\n  mq group time-span demo --topic TopicTest -o json"
    )]
    TimeSpan {
        /// The consumer group
        group: String,
        /// The topic
        #[arg(short = 't', long)]
        topic: String,
    },
    /// A group's subscription group config on each broker that has it
    #[command(
        after_help = "Examples:\n  mq group config demo\n  mq group config demo -c DefaultCluster -o json"
    )]
    Config {
        /// The consumer group
        group: String,
        /// Only this cluster [default: every cluster]
        #[arg(short = 'c', long)]
        cluster: Option<String>,
    },
    /// Each online consumer's running info: its settings, subscriptions and queues, as it reports them
    #[command(
        after_help = "Examples:\n  mq group running-info demo\n  mq group running-info demo --client 10.0.0.5@1234 -o json"
    )]
    RunningInfo {
        /// The consumer group
        group: String,
        /// Only this client id
        #[arg(short = 'i', long)]
        client: Option<String>,
        /// Only this cluster [default: every cluster]
        #[arg(short = 'c', long)]
        cluster: Option<String>,
    },
    /// The offsets the group's online consumers hold in memory, as they report them
    #[command(
        after_help = "Examples:\n  mq group client-offsets demo --topic TopicTest\n  mq group client-offsets demo --topic TopicTest --client 10.0.0.5@1234 -o json"
    )]
    ClientOffsets {
        /// The consumer group
        group: String,
        /// The topic
        #[arg(short = 't', long)]
        topic: String,
        /// Only this client id
        #[arg(short = 'i', long)]
        client: Option<String>,
    },
}

#[derive(Debug, Clone, clap::Args)]
#[command(group(clap::ArgGroup::new("to").required(true).args(["to_earliest", "to_latest", "to_time", "to_offset", "shift_by"])))]
pub struct ResetArgs {
    /// The consumer group
    pub group: String,
    /// The topic whose offsets move
    #[arg(short = 't', long)]
    pub topic: String,
    /// To each queue's first message
    #[arg(long)]
    pub to_earliest: bool,
    /// To each queue's end (skip everything not yet consumed)
    #[arg(long)]
    pub to_latest: bool,
    /// To the first message stored at or after TIME (now, epoch ms, RFC 3339, yyyy-MM-dd#HH:mm:ss:SSS, '1h ago')
    #[arg(long, value_name = "TIME")]
    pub to_time: Option<String>,
    /// To this offset in every queue (clamped to the queue's range)
    #[arg(long, value_name = "N")]
    pub to_offset: Option<i64>,
    /// By N messages from the current offset (negative: back)
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub shift_by: Option<i64>,
    /// Apply the plan (online consumers are told by their broker)
    #[arg(long)]
    pub execute: bool,
    /// Do not ask
    #[arg(short = 'y', long)]
    pub yes: bool,
}

pub async fn run(g: &GlobalArgs, cmd: GroupCommand) -> CliResult {
    let admin = g.admin()?;
    match cmd {
        GroupCommand::Create(s) => {
            render::emit(g.output, &create_or_update(&admin, s, false).await?)?
        }
        GroupCommand::Update(s) => {
            render::emit(g.output, &create_or_update(&admin, s, true).await?)?
        }
        GroupCommand::List { cluster, all } => {
            let rows = admin.list_groups(cluster.as_deref(), all).await?;
            render::emit(g.output, &GroupList(rows))?
        }
        GroupCommand::Describe {
            group,
            topic,
            cluster,
        } => {
            let d = admin
                .describe_group(&group, topic.as_deref(), cluster.as_deref())
                .await?;
            let sections = describe_sections(&d);
            emit_sections(g.output, &d, sections)?;
        }
        GroupCommand::Delete {
            group,
            targets,
            remove_offsets,
            yes,
        } => {
            let plan = admin
                .plan_delete_group(
                    &group,
                    targets.cluster.as_deref(),
                    targets.broker.as_deref(),
                )
                .await?;
            confirm(
                &format!(
                    "delete consumer group '{group}' from {} broker(s)",
                    plan.holders.len()
                ),
                yes,
            )?;
            let rows = admin.delete_group(&plan, remove_offsets).await?;
            render::emit(g.output, &GroupChanges(rows))?;
        }
        GroupCommand::ResetOffset(args) => {
            let plan = reset_offset(&admin, &args).await?;
            render::emit(g.output, &plan)?;
        }
        GroupCommand::CloneOffset {
            src,
            dest,
            topic,
            offline,
        } => {
            let rows = admin.clone_offsets(&src, &dest, &topic, offline).await?;
            render::emit(g.output, &QueueOffsets(rows))?;
        }
        GroupCommand::Config { group, cluster } => {
            let rows = admin.group_configs(&group, cluster.as_deref()).await?;
            if rows.is_empty() {
                return Err(CliError::Failed(format!(
                    "no broker has the consumer group '{group}'"
                )));
            }
            render::emit(g.output, &GroupConfigs(rows))?;
        }
        GroupCommand::RunningInfo {
            group,
            client,
            cluster,
        } => {
            let infos = admin
                .running_infos(&group, client.as_deref(), cluster.as_deref())
                .await?;
            if infos.is_empty() {
                return Err(CliError::Failed(format!(
                    "the consumer group '{group}' is not online"
                )));
            }
            render::emit(g.output, &RunningInfos(infos))?;
        }
        GroupCommand::TimeSpan { group, topic } => {
            let spans = admin.time_spans(&group, &topic).await?;
            render::emit(g.output, &TimeSpans(spans))?;
        }
        GroupCommand::ClientOffsets {
            group,
            topic,
            client,
        } => {
            let rows = admin
                .consumer_offsets(&group, &topic, client.as_deref())
                .await?;
            render::emit(g.output, &QueueOffsets(rows))?;
        }
    }
    Ok(())
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct GroupChanges(pub Vec<GroupChange>);

impl Render for GroupChanges {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["GROUP", "ACTION", "BROKER", "ADDRESS"]);
        for c in &self.0 {
            t.add_row(vec![
                c.group.clone(),
                c.action.into(),
                c.broker_name.clone(),
                c.address.clone(),
            ]);
        }
        t
    }
}

async fn create_or_update(
    admin: &AdminClient,
    s: GroupSettings,
    must_exist: bool,
) -> CliResult<GroupChanges> {
    let settings = group::GroupSettings {
        broadcast: s.broadcast,
        retry_max_times: s.retry_max,
        retry_queue_nums: s.retry_queues,
        consume_enable: s.consume_enable,
    };
    let rows = admin
        .create_or_update_group(
            &s.group,
            s.targets.cluster.as_deref(),
            s.targets.broker.as_deref(),
            must_exist,
            &settings,
        )
        .await?;
    Ok(GroupChanges(rows))
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct GroupList(pub Vec<GroupRow>);

impl Render for GroupList {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "GROUP",
            "BROKERS",
            "CONSUME",
            "BROADCAST",
            "RETRY MAX",
            "RETRY QUEUES",
        ]);
        for r in &self.0 {
            t.add_row(vec![
                r.group.clone(),
                r.brokers.join(","),
                r.consume_enable.to_string(),
                r.consume_broadcast_enable.to_string(),
                r.retry_max_times.to_string(),
                r.retry_queue_nums.to_string(),
            ]);
        }
        t
    }
}

/// The tables of `group describe`: progress, a summary line, the clients and
/// a warning per broker that did not answer.
fn describe_sections(d: &GroupDescription) -> Vec<(Option<String>, comfy_table::Table)> {
    let summary = format!(
        "Total lag: {}   Retry depth: {}   DLQ depth: {}   Consume TPS: {:.2}   Model: {}   Online clients: {}",
        opt(d.total_lag),
        opt(d.retry_depth),
        opt(d.dlq_depth),
        d.consume_tps,
        d.message_model.as_deref().unwrap_or("-"),
        d.clients.len()
    );
    let mut clients = new_table(["CLIENT ID", "ADDRESS", "LANGUAGE", "VERSION"]);
    for c in &d.clients {
        clients.add_row(vec![
            c.client_id.clone(),
            c.client_addr.clone(),
            c.language.clone(),
            c.version.clone(),
        ]);
    }
    let mut out = vec![
        (None, d.table()),
        (Some(summary), comfy_table::Table::new()),
    ];
    if !d.clients.is_empty() {
        out.push((None, clients));
    }
    for u in &d.unreachable {
        out.push((
            Some(format!("warning: no answer from {u}")),
            comfy_table::Table::new(),
        ));
    }
    out
}

impl Render for GroupDescription {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "TOPIC",
            "BROKER",
            "QUEUE",
            "BROKER OFFSET",
            "CONSUMER OFFSET",
            "LAG",
            "LAST CONSUMED",
        ]);
        for q in &self.queues {
            t.add_row(vec![
                q.topic.clone(),
                q.broker_name.clone(),
                q.queue_id.to_string(),
                q.broker_offset.to_string(),
                opt(q.consumer_offset),
                opt(q.lag),
                time(q.last_timestamp),
            ]);
        }
        t
    }
}

impl Render for ResetPlan {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "TOPIC", "BROKER", "QUEUE", "MIN", "MAX", "CURRENT", "TARGET", "STATUS",
        ]);
        for q in &self.queues {
            t.add_row(vec![
                q.topic.clone(),
                q.broker_name.clone(),
                q.queue_id.to_string(),
                q.min_offset.to_string(),
                q.max_offset.to_string(),
                opt(q.current_offset),
                q.target_offset.to_string(),
                if self.executed {
                    "reset".into()
                } else {
                    "planned (dry run)".to_string()
                },
            ]);
        }
        t
    }
}

/// Plans the reset, and applies it after confirmation with --execute.
async fn reset_offset(admin: &AdminClient, a: &ResetArgs) -> CliResult<ResetPlan> {
    let to = if a.to_earliest {
        ResetTarget::Earliest
    } else if a.to_latest {
        ResetTarget::Latest
    } else if let Some(n) = a.to_offset {
        ResetTarget::Offset(n)
    } else if let Some(n) = a.shift_by {
        ResetTarget::ShiftBy(n)
    } else if let Some(t) = &a.to_time {
        ResetTarget::Time(parse_time(t).map_err(CliError::Usage)?)
    } else {
        // clap's "to" group requires one of the above.
        return Err(CliError::Usage("choose where to reset to".into()));
    };
    let mut plan = admin.plan_reset_offset(&a.group, &a.topic, to).await?;
    if !a.execute {
        return Ok(plan);
    }
    confirm(
        &format!(
            "reset the offsets of group '{}' on topic '{}'",
            a.group, a.topic
        ),
        a.yes,
    )?;
    admin.execute_reset_offset(&mut plan).await?;
    Ok(plan)
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct QueueOffsets(pub Vec<QueueOffsetRow>);

impl Render for QueueOffsets {
    fn table(&self) -> comfy_table::Table {
        let with_client = self.0.iter().any(|r| r.client_id.is_some());
        let mut header = vec!["BROKER", "QUEUE", "OFFSET"];
        if with_client {
            header.insert(0, "CLIENT");
        }
        let mut t = new_table(header);
        for r in &self.0 {
            let mut row = vec![r.broker_name.clone(), r.queue_id.to_string(), opt(r.offset)];
            if with_client {
                row.insert(0, r.client_id.clone().unwrap_or_default());
            }
            t.add_row(row);
        }
        t
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct TimeSpans(pub Vec<QueueTimeSpan>);

impl Render for TimeSpans {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "BROKER",
            "QUEUE",
            "OLDEST",
            "NEWEST",
            "CONSUMED UP TO",
            "NEXT WAITING (ms)",
        ]);
        let at = |ms: i64| time((ms > 0).then_some(ms));
        for s in &self.0 {
            t.add_row(vec![
                s.message_queue.broker_name.clone(),
                s.message_queue.queue_id.to_string(),
                at(s.min_time_stamp),
                at(s.max_time_stamp),
                at(s.consume_time_stamp),
                s.delay_time.to_string(),
            ]);
        }
        t
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct RunningInfos(pub Vec<RunningInfo>);

impl Render for RunningInfos {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["CLIENT", "ADDRESS", "KEY", "VALUE"]);
        for r in &self.0 {
            let mut rows: Vec<(String, String)> = Vec::new();
            if let Some(props) = r.info["properties"].as_object() {
                for (k, v) in props {
                    let v = v
                        .as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string());
                    rows.push((k.clone(), v));
                }
            }
            if let Some(subs) = r.info["subscriptionSet"].as_array() {
                for s in subs {
                    rows.push((
                        "subscription".into(),
                        format!(
                            "{} {}",
                            s["topic"].as_str().unwrap_or_default(),
                            s["subString"].as_str().unwrap_or_default()
                        ),
                    ));
                }
            }
            if let Some(queues) = r.info["mqTable"].as_object() {
                rows.push(("queues".into(), queues.len().to_string()));
            }
            for (k, v) in rows {
                t.add_row(vec![r.client_id.clone(), r.client_addr.clone(), k, v]);
            }
        }
        t
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct GroupConfigs(pub Vec<GroupConfigRow>);

impl Render for GroupConfigs {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "BROKER",
            "CONSUME",
            "FROM MIN",
            "BROADCAST",
            "RETRY QUEUES",
            "RETRY MAX",
            "BROKER ID",
            "SLOW BROKER ID",
            "NOTIFY IDS CHANGED",
        ]);
        for r in &self.0 {
            let c = &r.config;
            t.add_row(vec![
                r.broker_name.clone(),
                c.consume_enable.to_string(),
                c.consume_from_min_enable.to_string(),
                c.consume_broadcast_enable.to_string(),
                c.retry_queue_nums.to_string(),
                c.retry_max_times.to_string(),
                c.broker_id.to_string(),
                c.which_broker_when_consume_slowly.to_string(),
                c.notify_consumer_ids_changed_enable.to_string(),
            ]);
        }
        t
    }
}
