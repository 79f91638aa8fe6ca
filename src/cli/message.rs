//! `mq message ...`: look messages up by id or key, print a queue without a
//! consumer group, and hand a message to a consumer again.

use std::collections::BTreeMap;

use serde::Serialize;

use super::admin_common::parse_time;
use super::{CliError, CliResult, GlobalArgs};
use crate::client::ClientError;
use crate::client::admin::AdminClient;
use crate::client::admin::broker::MessageQuery;
use crate::client::admin::fanout::on_each;
use crate::protocol::message::{DecodedMessage, decode_offset_msg_id};
use crate::render::{self, Render, new_table};
use crate::render::{emit_sections, time};

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
            let m = get(&admin, &msg_id, topic.as_deref()).await?;
            let view = MessageView::from(&m);
            let sections = view.sections();
            emit_sections(g.output, &view, sections)?;
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
            let targets = topic_targets(&admin, &topic).await?;
            let q = MessageQuery {
                topic: &topic,
                key: &key,
                max,
                begin,
                end,
                unique: false,
            };
            let q = &q;
            let admin = &admin;
            let mut found = Vec::new();
            for (_, r) in on_each(&targets, |t| async move {
                admin.query_message(&t.addr, q).await
            })
            .await
            {
                found.extend(r?);
            }
            if found.is_empty() {
                return Err(CliError::Failed(format!(
                    "no message with key '{key}' in topic '{topic}'"
                )));
            }
            found.sort_by_key(|m| (m.store_timestamp, m.commit_log_offset));
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
            let targets = topic_targets(&admin, &topic).await?;
            let target = match broker {
                Some(b) => targets.iter().find(|t| t.broker_name == b).ok_or_else(|| {
                    CliError::Failed(format!("broker '{b}' does not serve topic '{topic}'"))
                })?,
                None if targets.len() == 1 => &targets[0],
                None => {
                    return Err(CliError::Usage(format!(
                        "topic '{topic}' is on several brokers ({}): choose one with --broker",
                        targets
                            .iter()
                            .map(|t| t.broker_name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                }
            };
            let mut out = Vec::new();
            let mut next = offset;
            while out.len() < count {
                let want = (count - out.len()).min(32) as i32;
                let (msgs, n) = admin
                    .pull_messages(&target.addr, &topic, queue, next, want)
                    .await?;
                if msgs.is_empty() || n <= next {
                    break;
                }
                out.extend(msgs.into_iter().take(count - out.len()));
                next = n;
            }
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
            let m = get(&admin, &msg_id, None).await?;
            let addr = m.store_host.to_string();
            let result = admin
                .consume_message_directly(
                    &addr,
                    &group,
                    client_id.as_deref(),
                    &m.msg_id,
                    Some(&m.topic),
                )
                .await
                .map_err(|e| match e {
                    ClientError::Response { code, .. }
                        if code == crate::remoting::code::response::CONSUMER_NOT_ONLINE =>
                    {
                        CliError::Failed(format!(
                            "consumer group '{group}' has no online client{}",
                            client_id
                                .as_ref()
                                .map(|c| format!(" '{c}'"))
                                .unwrap_or_default()
                        ))
                    }
                    e => e.into(),
                })?;
            render::emit(
                g.output,
                &Resent {
                    msg_id: m.msg_id.clone(),
                    group,
                    result,
                },
            )?;
        }
    }
    Ok(())
}

async fn topic_targets(
    admin: &AdminClient,
    topic: &str,
) -> CliResult<Vec<crate::client::admin::BrokerTarget>> {
    match admin.topic_masters(topic).await {
        Ok(t) => Ok(t),
        Err(ClientError::TopicNotFound(_)) => {
            Err(CliError::Failed(format!("topic '{topic}' not found")))
        }
        Err(e) => Err(e.into()),
    }
}

/// A message by offset id, or by unique key when a topic is given.
async fn get(admin: &AdminClient, id: &str, topic: Option<&str>) -> CliResult<DecodedMessage> {
    if let Some(topic) = topic {
        let targets = topic_targets(admin, topic).await?;
        let q = MessageQuery {
            topic,
            key: id,
            max: 1,
            begin: 0,
            end: i64::MAX,
            unique: true,
        };
        let q = &q;
        for (_, r) in on_each(&targets, |t| async move {
            admin.query_message(&t.addr, q).await
        })
        .await
        {
            if let Some(m) = r?.into_iter().next() {
                return Ok(m);
            }
        }
    }
    let not_found = || match topic {
        Some(t) => CliError::Failed(format!("message '{id}' not found in topic '{t}'")),
        None => CliError::Failed(format!(
            "message '{id}' not found (as an offset id; give --topic to look it up as a unique key)"
        )),
    };
    let Ok((addr, offset)) = decode_offset_msg_id(id) else {
        return Err(not_found());
    };
    admin
        .view_message(&addr.to_string(), offset)
        .await
        .map_err(|_| not_found())
}

/// A message as the commands print it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageView {
    pub msg_id: String,
    pub uniq_key: Option<String>,
    pub topic: String,
    pub tags: Option<String>,
    pub keys: Option<String>,
    pub queue_id: i32,
    pub queue_offset: i64,
    pub commit_log_offset: i64,
    pub born_timestamp: i64,
    pub born_host: String,
    pub store_timestamp: i64,
    pub store_host: String,
    pub reconsume_times: i32,
    pub sys_flag: i32,
    pub flag: i32,
    pub store_size: i32,
    pub body_crc: i32,
    pub properties: BTreeMap<String, String>,
    /// `utf8`, or `hex` for a body that is not UTF-8 text.
    pub body_encoding: &'static str,
    pub body: String,
}

impl From<&DecodedMessage> for MessageView {
    fn from(m: &DecodedMessage) -> Self {
        let (body_encoding, body) = match std::str::from_utf8(&m.body) {
            Ok(s) => ("utf8", s.to_string()),
            Err(_) => ("hex", m.body.iter().map(|b| format!("{b:02x}")).collect()),
        };
        MessageView {
            msg_id: m.msg_id.clone(),
            uniq_key: m.uniq_key().map(str::to_string),
            topic: m.topic.clone(),
            tags: m.tags().map(str::to_string),
            keys: m.keys().map(str::to_string),
            queue_id: m.queue_id,
            queue_offset: m.queue_offset,
            commit_log_offset: m.commit_log_offset,
            born_timestamp: m.born_timestamp,
            born_host: m.born_host.to_string(),
            store_timestamp: m.store_timestamp,
            store_host: m.store_host.to_string(),
            reconsume_times: m.reconsume_times,
            sys_flag: m.sys_flag,
            flag: m.flag,
            store_size: m.store_size,
            body_crc: m.body_crc,
            properties: m.properties.clone(),
            body_encoding,
            body,
        }
    }
}

impl MessageView {
    fn sections(&self) -> Vec<(Option<String>, comfy_table::Table)> {
        let mut props = new_table(["PROPERTY", "VALUE"]);
        for (k, v) in &self.properties {
            props.add_row(vec![k.clone(), v.clone()]);
        }
        vec![
            (None, self.table()),
            (None, props),
            (
                Some(format!("Body ({}):\n{}", self.body_encoding, self.body)),
                comfy_table::Table::new(),
            ),
        ]
    }
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

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Resent {
    pub msg_id: String,
    pub group: String,
    /// The client's ConsumeMessageDirectlyResult as it sent it.
    pub result: serde_json::Value,
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
