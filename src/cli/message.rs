//! `mq message ...`: look messages up by id or key, print a queue without a
//! consumer group, and hand a message to a consumer again.

use serde::Serialize;

use super::admin_common::parse_time;
use super::{CliError, CliResult, GlobalArgs};
use crate::client::admin::message::{MessageView, Resent};
use crate::render::{self, Render, emit_sections, new_table, time};

#[derive(Debug, clap::Subcommand)]
pub enum MessageCommand {
    /// Show one message: headers, properties and body, by offset id or (with --topic) unique key
    #[command(
        after_help = "Examples:\n  mq message get 7F00000100002A9F0000000000000000\n  mq message get 7F000001D2A418B4AAC2... --topic TopicTest -o json"
    )]
    Get {
        /// Offset message id (32 hex digits), or a unique key (UNIQ_KEY) with --topic
        msg_id: String,
        /// Look the id up as a unique key of this topic
        #[arg(short = 't', long)]
        topic: Option<String>,
    },
    /// Find messages of a topic by key (KEYS)
    #[command(
        after_help = "Examples:\n  mq message query --topic TopicTest --key order-42\n  mq message query --topic TopicTest --key order-42 --begin '1h ago' --max 10 -o json"
    )]
    Query {
        #[arg(short = 't', long)]
        topic: String,
        #[arg(short = 'k', long)]
        key: String,
        /// Stored at or after (now, epoch ms, RFC 3339, '1h ago') [default: the beginning]
        #[arg(long)]
        begin: Option<String>,
        /// Stored before [default: now]
        #[arg(long)]
        end: Option<String>,
        /// At most this many messages per broker
        #[arg(long, default_value_t = 32)]
        max: i32,
    },
    /// Print messages of one queue from an offset, without a consumer group
    #[command(
        after_help = "Examples:\n  mq message print --topic TopicTest --queue 0 --offset 0 --count 10\n  mq message print --topic TopicTest --broker broker-a --queue 1 --offset 100 -o json"
    )]
    Print {
        #[arg(short = 't', long)]
        topic: String,
        /// The broker (by name) [default: the only broker serving the topic]
        #[arg(short = 'b', long)]
        broker: Option<String>,
        #[arg(short = 'q', long)]
        queue: i32,
        #[arg(long, default_value_t = 0)]
        offset: i64,
        #[arg(long, default_value_t = 10)]
        count: usize,
    },
    /// Hand a message to an online consumer of a group again (CONSUME_MESSAGE_DIRECTLY)
    #[command(
        after_help = "Examples:\n  mq message resend 7F00000100002A9F0000000000000000 --group demo\n  mq message resend 7F00000100002A9F0000000000000000 --group demo --client-id 10.0.0.1@1234"
    )]
    Resend {
        /// Offset message id
        msg_id: String,
        #[arg(short = 'g', long)]
        group: String,
        /// This client of the group [default: any]
        #[arg(long)]
        client_id: Option<String>,
    },
}

pub async fn run(g: &GlobalArgs, cmd: MessageCommand) -> CliResult {
    let admin = g.admin()?;
    match cmd {
        MessageCommand::Get { msg_id, topic } => {
            let m = admin.get_message(&msg_id, topic.as_deref()).await?;
            let view = MessageView::from(&m);
            emit_sections(g.output, &view, message_sections(&view))?;
        }
        MessageCommand::Query {
            topic,
            key,
            begin,
            end,
            max,
        } => {
            let begin = begin
                .map(|b| parse_time(&b))
                .transpose()
                .map_err(CliError::Usage)?
                .unwrap_or(0);
            let end = end
                .map(|e| parse_time(&e))
                .transpose()
                .map_err(CliError::Usage)?
                .unwrap_or(i64::MAX);
            let found = admin
                .query_messages_by_key(&topic, &key, begin, end, max)
                .await?;
            render::emit(
                g.output,
                &MessageList(found.iter().map(MessageView::from).collect()),
            )?;
        }
        MessageCommand::Print {
            topic,
            broker,
            queue,
            offset,
            count,
        } => {
            let out = admin
                .queue_messages(&topic, broker.as_deref(), queue, offset, count)
                .await?;
            render::emit(
                g.output,
                &MessageList(out.iter().map(MessageView::from).collect()),
            )?;
        }
        MessageCommand::Resend {
            msg_id,
            group,
            client_id,
        } => {
            let resent = admin
                .resend_message(&msg_id, &group, client_id.as_deref())
                .await?;
            render::emit(g.output, &resent)?;
        }
    }
    Ok(())
}

/// The tables of `message get`: the fields, the properties, then the body.
pub(crate) fn message_sections(m: &MessageView) -> Vec<(Option<String>, comfy_table::Table)> {
    let mut props = new_table(["PROPERTY", "VALUE"]);
    for (k, v) in &m.properties {
        props.add_row(vec![k.clone(), v.clone()]);
    }
    vec![
        (None, m.table()),
        (None, props),
        (
            Some(format!("Body ({}):\n{}", m.body_encoding, m.body)),
            comfy_table::Table::new(),
        ),
    ]
}

impl Render for MessageView {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["FIELD", "VALUE"]);
        let none = || "-".to_string();
        for (k, v) in [
            ("Message ID", self.msg_id.clone()),
            ("Unique key", self.uniq_key.clone().unwrap_or_else(none)),
            ("Topic", self.topic.clone()),
            ("Tags", self.tags.clone().unwrap_or_else(none)),
            ("Keys", self.keys.clone().unwrap_or_else(none)),
            ("Queue", self.queue_id.to_string()),
            ("Queue offset", self.queue_offset.to_string()),
            ("Commit log offset", self.commit_log_offset.to_string()),
            (
                "Born",
                format!(
                    "{} from {}",
                    time(Some(self.born_timestamp)),
                    self.born_host
                ),
            ),
            (
                "Stored",
                format!(
                    "{} on {}",
                    time(Some(self.store_timestamp)),
                    self.store_host
                ),
            ),
            ("Reconsume times", self.reconsume_times.to_string()),
            ("Size", self.store_size.to_string()),
        ] {
            t.add_row(vec![k.to_string(), v]);
        }
        t
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct MessageList(pub Vec<MessageView>);

impl Render for MessageList {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "MESSAGE ID",
            "QUEUE",
            "OFFSET",
            "TAGS",
            "KEYS",
            "STORED",
            "BODY",
        ]);
        for m in &self.0 {
            let mut body: String = m.body.chars().take(40).collect();
            if m.body.chars().count() > 40 {
                body.push('…');
            }
            t.add_row(vec![
                m.msg_id.clone(),
                m.queue_id.to_string(),
                m.queue_offset.to_string(),
                m.tags.clone().unwrap_or_else(|| "-".into()),
                m.keys.clone().unwrap_or_else(|| "-".into()),
                time(Some(m.store_timestamp)),
                body,
            ]);
        }
        t
    }
}

impl Render for Resent {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["MESSAGE ID", "GROUP", "RESULT", "REMARK"]);
        let field = |k: &str| {
            self.result
                .get(k)
                .map(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string())
                })
                .unwrap_or_else(|| "-".into())
        };
        t.add_row(vec![
            self.msg_id.clone(),
            self.group.clone(),
            field("consumeResult"),
            field("remark"),
        ]);
        t
    }
}
