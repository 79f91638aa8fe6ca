//! `mq consume`: a push consumer on the command line, kcat style: bodies one
//! per line, a `--format` template, or one JSON object per message; stops at
//! `--count`, after `--idle-exit` without messages, on Ctrl-C or when stdout
//! closes, and commits its offsets before it exits. `--fail-first` fails
//! messages on purpose so that the retry path (send-back, `%RETRY%` topic,
//! dead-letter queue) can be exercised from the command line.

mod replier;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::time::Duration;

use serde::Serialize;

use super::{CliError, CliResult, GlobalArgs};
use crate::client::consumer::{
    ConsumeFrom, Delivery, OrderlyConsumerConfig, OrderlyDelivery, OrderlyPushConsumer,
    PushConsumer, PushConsumerConfig,
};
use crate::client::{ClientConfig, MessageExt};
use crate::protocol::heartbeat::{EXPRESSION_TYPE_SQL92, MessageModel};
use crate::render::OutputFormat;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Without --group a temporary group mq-consume-<random> is used, \
and --from applies to every queue. With --group the group resumes from its committed \
offsets; --from only decides where it starts on queues it has none for. --from defaults \
to first, so `mq send` then `mq consume` gets the messages.\n\n\
Template fields: {topic} {queueId} {broker} {offset} {msgId} {offsetMsgId} {tags} {keys} \
{body} {bornTimestamp} {storeTimestamp} {bornHost} {storeHost} {reconsumeTimes} \
{properties} {prop:NAME} {now} (when it is printed, epoch ms); \\n and \\t are newline and tab. A retried message shows its \
original {topic} and its {reconsumeTimes}.\n\n\
With --fail-first N each message is failed (sent back to the broker, a line on stderr) \
while its reconsumeTimes is below N, and printed and counted once it succeeds; without \
--format or -o it is printed as '{msgId} {topic} reconsumeTimes={reconsumeTimes} {body}'. \
The broker delivers it again after the delay of level 3 + reconsumeTimes (or \
--retry-delay-level), and moves it to %DLQ%<group> after --max-reconsume-times failures.\n\n\
With --orderly each queue is read only while this consumer holds the broker's lock on it, \
one message at a time in queue order (with `mq send --sharding-key`, in order per key); a \
failed message (--fail-first) holds its queue and is offered again after 1 s, and is sent \
back once --max-reconsume-times failures are used up.\n\n\
Examples:\n  mq consume --topic TopicTest --count 1000\n  \
mq consume --topic TopicTest --group demo --tag 'TagA || TagB' -o json\n  \
mq consume --topic TopicTest --sql \"a >= 15 AND region IN ('eu','us')\"\n  \
mq consume --topic TopicTest --from last --format '{queueId} {offset} {msgId} {body}'\n  \
mq consume --topic TopicTest --from 2026-01-01T00:00:00Z --idle-exit 5\n  \
mq consume --topic TopicTest --group demo --fail-first 2 --retry-delay-level 1 --count 10\n  \
mq consume --topic Orders --group billing --orderly --format '{queueId} {keys} {body}'"
)]
pub struct ConsumeArgs {
    /// The topic
    #[arg(short = 't', long)]
    pub topic: String,
    /// The consumer group (a temporary one when not given)
    #[arg(short = 'g', long)]
    pub group: Option<String>,
    /// Tag expression: *, TagA, or 'TagA || TagB'
    #[arg(long, default_value = "*")]
    pub tag: String,
    /// SQL92 selector over message properties, filtered by the broker (which needs
    /// enablePropertyFilter; mq up turns it on), e.g. "a >= 15 AND region IN ('eu','us')"
    #[arg(long, value_name = "EXPRESSION", conflicts_with = "tag")]
    pub sql: Option<String>,
    /// Exit (0) after this many messages
    #[arg(short = 'c', long)]
    pub count: Option<u64>,
    /// Where to start without a committed offset: first, last, or a time
    /// (epoch milliseconds or RFC 3339)
    #[arg(long, default_value = "first", value_parser = parse_from)]
    pub from: ConsumeFrom,
    /// Every consumer of the group gets every message (offsets kept in memory)
    #[arg(long)]
    pub broadcast: bool,
    /// Exit after this long without a message, e.g. 5 or 1.5 (seconds) or 2m
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    pub idle_exit: Option<Duration>,
    /// Print each message with this template instead of its body
    #[arg(long, value_name = "TEMPLATE")]
    pub format: Option<String>,
    /// Fail each message (send it back for a retry) while its reconsumeTimes is below N
    #[arg(long, value_name = "N", default_value_t = 0,
          value_parser = clap::value_parser!(i32).range(0..))]
    pub fail_first: i32,
    /// Delay level of failed messages: 0 lets the broker choose (3 + reconsumeTimes), -1 sends
    /// them to the dead-letter queue at once
    #[arg(
        long,
        value_name = "LEVEL",
        default_value_t = 0,
        allow_negative_numbers = true
    )]
    pub retry_delay_level: i32,
    /// Failures after which the broker moves a message to %DLQ%<group>
    #[arg(long, value_name = "N", default_value_t = 16,
          value_parser = clap::value_parser!(i32).range(0..))]
    pub max_reconsume_times: i32,
    /// Consume each queue in order, holding the broker's lock on it (an orderly consumer)
    #[arg(long, conflicts_with = "broadcast")]
    pub orderly: bool,
    /// Answer each request received (a message with REPLY_TO_CLIENT, e.g. from
    /// `mq send --request`) with a reply whose body is TEXT
    #[arg(long, value_name = "TEXT")]
    pub reply: Option<String>,
}

/// The default output with --fail-first: which messages were retries, and how often.
const RETRY_TEMPLATE: &str = "{msgId} {topic} reconsumeTimes={reconsumeTimes} {body}";

fn parse_from(s: &str) -> Result<ConsumeFrom, String> {
    match s {
        "first" | "earliest" | "beginning" => Ok(ConsumeFrom::First),
        "last" | "latest" | "end" => Ok(ConsumeFrom::Last),
        _ => {
            if let Ok(ms) = s.parse::<i64>() {
                return Ok(ConsumeFrom::Timestamp(ms));
            }
            humantime::parse_rfc3339_weak(s)
                .map_err(|_| {
                    format!(
                        "expected first, last, epoch milliseconds or an RFC 3339 time, got '{s}'"
                    )
                })
                .and_then(|t| {
                    t.duration_since(std::time::UNIX_EPOCH)
                        .map(|d| ConsumeFrom::Timestamp(d.as_millis() as i64))
                        .map_err(|_| format!("'{s}' is before 1970"))
                })
        }
    }
}

fn parse_seconds(s: &str) -> Result<Duration, String> {
    if let Ok(secs) = s.parse::<f64>() {
        if secs.is_finite() && secs >= 0.0 {
            return Ok(Duration::from_secs_f64(secs));
        }
        return Err(format!("'{s}' is not a duration"));
    }
    humantime::parse_duration(s).map_err(|e| format!("'{s}': {e}"))
}

/// One piece of a `--format` template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Field(Field),
    Property(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Topic,
    QueueId,
    Broker,
    Offset,
    MsgId,
    OffsetMsgId,
    Tags,
    Keys,
    Body,
    BornTimestamp,
    StoreTimestamp,
    BornHost,
    StoreHost,
    ReconsumeTimes,
    Properties,
    Now,
}

const FIELDS: &[(&str, Field)] = &[
    ("topic", Field::Topic),
    ("queueId", Field::QueueId),
    ("broker", Field::Broker),
    ("offset", Field::Offset),
    ("msgId", Field::MsgId),
    ("offsetMsgId", Field::OffsetMsgId),
    ("tags", Field::Tags),
    ("keys", Field::Keys),
    ("body", Field::Body),
    ("bornTimestamp", Field::BornTimestamp),
    ("storeTimestamp", Field::StoreTimestamp),
    ("bornHost", Field::BornHost),
    ("storeHost", Field::StoreHost),
    ("reconsumeTimes", Field::ReconsumeTimes),
    ("properties", Field::Properties),
    ("now", Field::Now),
];

/// A parsed `--format` template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template(Vec<Piece>);

impl Template {
    /// Parses `{field}` placeholders, `{prop:NAME}`, `{{`/`}}` and the
    /// escapes `\n`, `\t`, `\\`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('n') => text.push('\n'),
                    Some('t') => text.push('\t'),
                    Some('\\') => text.push('\\'),
                    Some(other) => {
                        text.push('\\');
                        text.push(other);
                    }
                    None => text.push('\\'),
                },
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    text.push('}');
                }
                '{' => {
                    let mut name = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some(c) => name.push(c),
                            None => return Err(format!("unclosed '{{{name}' in the template")),
                        }
                    }
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    if let Some(p) = name.strip_prefix("prop:") {
                        pieces.push(Piece::Property(p.to_string()));
                    } else if let Some((_, f)) = FIELDS.iter().find(|(n, _)| *n == name) {
                        pieces.push(Piece::Field(*f));
                    } else {
                        let known: Vec<_> = FIELDS.iter().map(|(n, _)| *n).collect();
                        return Err(format!(
                            "unknown template field '{{{name}}}'; known: {}, prop:NAME",
                            known.join(", ")
                        ));
                    }
                }
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Ok(Template(pieces))
    }

    /// Writes one message (no newline).
    pub fn render(&self, m: &MessageExt, out: &mut Vec<u8>) {
        use std::io::Write as _;
        for p in &self.0 {
            let _ = match p {
                Piece::Text(t) => out.write_all(t.as_bytes()),
                Piece::Property(name) => out.write_all(m.property(name).unwrap_or("").as_bytes()),
                Piece::Field(f) => match f {
                    Field::Topic => out.write_all(m.topic.as_bytes()),
                    Field::QueueId => write!(out, "{}", m.queue_id),
                    Field::Broker => out.write_all(m.broker_name.as_bytes()),
                    Field::Offset => write!(out, "{}", m.queue_offset),
                    Field::MsgId => out.write_all(m.msg_id().as_bytes()),
                    Field::OffsetMsgId => out.write_all(m.offset_msg_id().as_bytes()),
                    Field::Tags => out.write_all(m.tags().unwrap_or("").as_bytes()),
                    Field::Keys => out.write_all(m.keys().unwrap_or("").as_bytes()),
                    Field::Body => out.write_all(&m.body),
                    Field::BornTimestamp => write!(out, "{}", m.born_timestamp),
                    Field::StoreTimestamp => write!(out, "{}", m.store_timestamp),
                    Field::BornHost => write!(out, "{}", m.born_host),
                    Field::StoreHost => write!(out, "{}", m.store_host),
                    Field::ReconsumeTimes => write!(out, "{}", m.reconsume_times),
                    Field::Now => write!(out, "{}", crate::util::now_millis()),
                    Field::Properties => {
                        let mut first = true;
                        for (k, v) in m.properties_map() {
                            if !first {
                                let _ = out.write_all(b" ");
                            }
                            first = false;
                            let _ = write!(out, "{k}={v}");
                        }
                        Ok(())
                    }
                },
            };
        }
    }
}

/// A message as `-o json` prints it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonMessage<'a> {
    topic: &'a str,
    broker_name: &'a str,
    queue_id: i32,
    offset: i64,
    msg_id: String,
    offset_msg_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keys: Option<&'a str>,
    properties: BTreeMap<&'a str, &'a str>,
    body: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body_encoding: Option<&'static str>,
    born_timestamp: i64,
    store_timestamp: i64,
    born_host: String,
    store_host: String,
    reconsume_times: i32,
}

impl<'a> JsonMessage<'a> {
    fn new(m: &'a MessageExt) -> Self {
        let (body, body_encoding) = match std::str::from_utf8(&m.body) {
            Ok(s) => (Cow::Borrowed(s), None),
            Err(_) => (Cow::Owned(base64(&m.body)), Some("base64")),
        };
        JsonMessage {
            topic: &m.topic,
            broker_name: &m.broker_name,
            queue_id: m.queue_id,
            offset: m.queue_offset,
            msg_id: m.msg_id(),
            offset_msg_id: m.offset_msg_id(),
            tags: m.tags(),
            keys: m.keys(),
            properties: m.properties_map(),
            body,
            body_encoding,
            born_timestamp: m.born_timestamp,
            store_timestamp: m.store_timestamp,
            born_host: m.born_host.to_string(),
            store_host: m.store_host.to_string(),
            reconsume_times: m.reconsume_times,
        }
    }
}

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

enum Printer {
    Body,
    Template(Template),
    Json,
    Yaml,
}

impl Printer {
    fn write(&self, m: &MessageExt, out: &mut Vec<u8>) -> std::io::Result<()> {
        match self {
            Printer::Body => out.extend_from_slice(&m.body),
            Printer::Template(t) => t.render(m, out),
            Printer::Json => serde_json::to_writer(&mut *out, &JsonMessage::new(m))
                .map_err(std::io::Error::other)?,
            Printer::Yaml => {
                out.extend_from_slice(b"---\n");
                let text =
                    serde_yaml::to_string(&JsonMessage::new(m)).map_err(std::io::Error::other)?;
                out.extend_from_slice(text.trim_end().as_bytes());
            }
        }
        out.push(b'\n');
        Ok(())
    }
}

/// Why the consume loop ended.
enum End {
    Count,
    Idle,
    Interrupted,
    StdoutClosed,
    Stopped,
}

pub async fn run(g: &GlobalArgs, args: ConsumeArgs) -> CliResult {
    let printer = match (&args.format, g.output) {
        (Some(f), _) => Printer::Template(Template::parse(f).map_err(CliError::Usage)?),
        (None, OutputFormat::Json) => Printer::Json,
        (None, OutputFormat::Yaml) => Printer::Yaml,
        (None, OutputFormat::Table) if args.fail_first > 0 => {
            Printer::Template(Template::parse(RETRY_TEMPLATE).map_err(CliError::Usage)?)
        }
        (None, OutputFormat::Table) => Printer::Body,
    };
    if args.count == Some(0) {
        return Ok(());
    }
    let temporary = args.group.is_none();
    let group = args
        .group
        .clone()
        .unwrap_or_else(|| format!("mq-consume-{:08x}", rand::random::<u32>()));
    let mut config = PushConsumerConfig::new(group, args.topic.clone());
    match &args.sql {
        Some(sql) => {
            // Refused here at once, where it was typed; the broker checks it again.
            crate::filter::compile(sql).map_err(|e| CliError::Usage(format!("--sql: {e}")))?;
            config.expression = sql.clone();
            config.expression_type = EXPRESSION_TYPE_SQL92.into();
        }
        None => config.expression = args.tag.clone(),
    }
    config.consume_from = args.from;
    config.use_committed_offsets = !temporary;
    config.max_reconsume_times = args.max_reconsume_times;
    if args.broadcast {
        config.model = MessageModel::Broadcasting;
    }
    let client = ClientConfig {
        timeout: g.timeout,
        ..ClientConfig::new(g.namesrv())
    };
    let replier = match &args.reply {
        Some(text) => Some(replier::Replier::new(&client, text)?),
        None => None,
    };
    let started = if args.orderly {
        let mut orderly = OrderlyConsumerConfig::from(config);
        orderly.max_reconsume_times = Some(args.max_reconsume_times);
        OrderlyPushConsumer::start(&client, orderly)
            .await
            .map(Consumer::Orderly)
    } else {
        PushConsumer::start(&client, config)
            .await
            .map(Consumer::Concurrent)
    };
    let mut consumer = started.map_err(|e| match e {
        crate::client::ClientError::InvalidConfig(_)
        | crate::client::ClientError::InvalidMessage(_)
        | crate::client::ClientError::InvalidNamesrv(_) => CliError::Usage(e.to_string()),
        e => e.into(),
    })?;

    let mut stdout = std::io::stdout();
    let flush_each = stdout.is_terminal();
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut got: u64 = 0;
    let interrupted = crate::util::shutdown_signal();
    tokio::pin!(interrupted);
    let idle = args.idle_exit;
    let end = 'consume: loop {
        let first = tokio::select! {
            d = consumer.recv() => d,
            _ = &mut interrupted => break End::Interrupted,
            _ = sleep_or_never(idle) => break End::Idle,
        };
        let Some(mut delivery) = first else {
            break End::Stopped;
        };
        // Print what is already waiting in one write, then ack it all.
        let mut batch = Vec::new();
        loop {
            let m = delivery.message();
            if m.reconsume_times < args.fail_first {
                eprintln!(
                    "failed on purpose (--fail-first {}): {} {} reconsumeTimes={}, {}",
                    args.fail_first,
                    m.msg_id(),
                    m.topic,
                    m.reconsume_times,
                    if args.orderly {
                        "offered again in 1 s"
                    } else {
                        "sent back"
                    }
                );
                delivery.fail(args.retry_delay_level);
            } else {
                printer.write(m, &mut buf)?;
                if let Some(r) = &replier {
                    r.answer(m).await;
                }
                batch.push(delivery);
                got += 1;
                if args.count.is_some_and(|c| got >= c) || flush_each || buf.len() > 256 * 1024 {
                    break;
                }
            }
            match consumer.try_recv() {
                Some(d) => delivery = d,
                None => break,
            }
        }
        let written = stdout.write_all(&buf).and_then(|_| stdout.flush());
        buf.clear();
        if let Err(e) = written {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                break 'consume End::StdoutClosed;
            }
            let _ = consumer.shutdown().await;
            return Err(e.into());
        }
        for d in batch {
            d.ack();
        }
        if args.count.is_some_and(|c| got >= c) {
            break End::Count;
        }
    };
    let committed = consumer.shutdown().await;
    if let Some(r) = replier {
        r.shutdown().await;
    }
    match end {
        End::Idle => {
            if let Some(c) = args.count.filter(|c| got < *c) {
                return Err(CliError::Failed(format!(
                    "got {got} of {c} messages before {} without a message",
                    humantime::format_duration(idle.unwrap_or_default())
                )));
            }
        }
        End::Stopped => {
            return Err(CliError::Failed("the consumer stopped".into()));
        }
        End::Count | End::Interrupted | End::StdoutClosed => {}
    }
    if let Err(e) = committed {
        tracing::warn!("committing offsets failed: {e}");
    }
    Ok(())
}

/// The plain or the orderly push consumer, received from alike.
enum Consumer {
    Concurrent(PushConsumer),
    Orderly(OrderlyPushConsumer),
}

enum Received {
    Concurrent(Delivery),
    Orderly(OrderlyDelivery),
}

impl Consumer {
    async fn recv(&mut self) -> Option<Received> {
        match self {
            Consumer::Concurrent(c) => c.recv().await.map(Received::Concurrent),
            Consumer::Orderly(c) => c.recv().await.map(Received::Orderly),
        }
    }

    fn try_recv(&mut self) -> Option<Received> {
        match self {
            Consumer::Concurrent(c) => c.try_recv().map(Received::Concurrent),
            Consumer::Orderly(c) => c.try_recv().map(Received::Orderly),
        }
    }

    async fn shutdown(self) -> crate::client::error::ClientResult<()> {
        match self {
            Consumer::Concurrent(c) => c.shutdown().await,
            Consumer::Orderly(c) => c.shutdown().await,
        }
    }
}

impl Received {
    fn message(&self) -> &MessageExt {
        match self {
            Received::Concurrent(d) => &d.message,
            Received::Orderly(d) => &d.message,
        }
    }

    fn ack(self) {
        match self {
            Received::Concurrent(d) => d.ack(),
            Received::Orderly(d) => d.ack(),
        }
    }

    /// Not consumed: sent back with `delay_level`, or for an orderly
    /// consumer offered again after a pause (its queue waits for it).
    fn fail(self, delay_level: i32) {
        match self {
            Received::Concurrent(d) => d.reconsume_later_with(delay_level),
            Received::Orderly(d) => d.suspend(),
        }
    }
}

async fn sleep_or_never(d: Option<Duration>) {
    match d {
        Some(d) => tokio::time::sleep(d).await,
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message() -> MessageExt {
        MessageExt {
            topic: "TopicTest".into(),
            queue_id: 3,
            broker_name: "broker-a".into(),
            queue_offset: 42,
            commit_log_offset: 1000,
            flag: 0,
            sys_flag: 0,
            born_timestamp: 1,
            born_host: "10.0.0.1:5555".parse().unwrap(),
            store_timestamp: 2,
            store_host: "10.0.0.2:10911".parse().unwrap(),
            reconsume_times: 0,
            properties: "TAGS\u{1}TagA\u{2}KEYS\u{1}k1 k2\u{2}UNIQ_KEY\u{1}ID1\u{2}color\u{1}red"
                .into(),
            body: bytes::Bytes::from_static(b"hello"),
        }
    }

    fn render(t: &str) -> String {
        let mut out = Vec::new();
        Template::parse(t).unwrap().render(&message(), &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn templates_render_fields_properties_and_escapes() {
        assert_eq!(
            render("{topic} {queueId} {offset} {msgId} {tags} {keys} {body}"),
            "TopicTest 3 42 ID1 TagA k1 k2 hello"
        );
        assert_eq!(render("{prop:color}|{prop:none}|"), "red||");
        assert_eq!(render("{{body}}\\t{body}\\n"), "{body}\thello\n");
        assert_eq!(render("{broker}@{storeHost}"), "broker-a@10.0.0.2:10911");
        assert_eq!(render("{offsetMsgId}").len(), 32);
        assert!(render("{properties}").contains("color=red"));
        assert!(
            Template::parse("{nope}")
                .unwrap_err()
                .contains("unknown template field")
        );
        assert!(Template::parse("{body").is_err());
    }

    #[test]
    fn json_bodies_are_text_or_base64() {
        let m = message();
        let v = serde_json::to_value(JsonMessage::new(&m)).unwrap();
        assert_eq!(v["body"], "hello");
        assert!(v.get("bodyEncoding").is_none());
        assert_eq!(v["queueId"], 3);
        assert_eq!(v["tags"], "TagA");
        assert_eq!(v["properties"]["color"], "red");
        let mut bin = message();
        bin.body = bytes::Bytes::from_static(&[0xff, 0x00, 0x01]);
        let v = serde_json::to_value(JsonMessage::new(&bin)).unwrap();
        assert_eq!(v["body"], "/wAB");
        assert_eq!(v["bodyEncoding"], "base64");
    }

    #[test]
    fn base64_matches_rfc4648() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn from_and_idle_parse() {
        assert_eq!(parse_from("first").unwrap(), ConsumeFrom::First);
        assert_eq!(parse_from("last").unwrap(), ConsumeFrom::Last);
        assert_eq!(
            parse_from("1700000000000").unwrap(),
            ConsumeFrom::Timestamp(1_700_000_000_000)
        );
        assert_eq!(
            parse_from("2023-11-14T22:13:20Z").unwrap(),
            ConsumeFrom::Timestamp(1_700_000_000_000)
        );
        assert!(parse_from("yesterday").is_err());
        assert_eq!(parse_seconds("1.5").unwrap(), Duration::from_millis(1500));
        assert_eq!(parse_seconds("2m").unwrap(), Duration::from_secs(120));
        assert!(parse_seconds("-1").is_err());
    }
}
