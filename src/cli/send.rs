//! `mq send`: send messages from the command line (a body, a file, standard
//! input one message per line, or generated bodies), sync, async or oneway,
//! one by one or in batches; print each result, or a progress bar and a
//! summary when there are many.

mod requester;
mod transaction;

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use bytes::Bytes;
use futures_util::FutureExt;
use futures_util::stream::{FuturesUnordered, StreamExt};
use serde::Serialize;

use super::{CliError, CliResult, GlobalArgs};
use crate::client::error::ClientError;
use crate::client::producer::{DEFAULT_PRODUCER_GROUP, SendFuture};
use crate::client::{
    ClientConfig, Message, Producer, ProducerConfig, SendResult, TransactionProducer,
    TransactionSendResult,
};
use crate::render::{self, OutputFormat, new_table};
use transaction::{CliTransactions, TransactionOutcome};

/// More results than this print as a progress bar and a summary.
const MAX_ROWS: u64 = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SendMode {
    /// Wait for each answer before the next send
    Sync,
    /// Keep many sends in flight (bounded)
    Async,
    /// Do not wait for answers
    Oneway,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Body: --body, else --file, else standard input one message per line \
(when it is not a terminal and --count is not given), else generated bodies \
\"Hello RocketMQ <i>\".\n\n\
Examples:\n  mq send --topic TopicTest --tag TagA --count 1000\n  \
mq send --topic TopicTest --body hello --keys 'order-1 order-2' --property color=red\n  \
seq 100 | mq send --topic TopicTest --mode async -o json\n  \
mq send --topic TopicTest --count 100000 --mode async --batch 32\n  \
mq send --topic Orders --sharding-key order-42 --body paid\n  \
mq send --topic Orders --keyed-lines < orders.tsv\n  \
mq send --topic TopicTest --body later --delay-level 3\n  \
mq send --topic TopicTest --body later --delay 90s"
)]
pub struct SendArgs {
    /// The topic (created by the broker on first send when autoCreateTopicEnable is on)
    #[arg(short = 't', long)]
    pub topic: String,
    /// The message tag
    #[arg(long)]
    pub tag: Option<String>,
    /// Message keys, space-separated
    #[arg(short = 'k', long)]
    pub keys: Option<String>,
    /// A user property, key=value (repeatable)
    #[arg(short = 'p', long = "property", value_name = "KEY=VALUE", value_parser = parse_property)]
    pub properties: Vec<(String, String)>,
    /// The message body
    #[arg(short = 'b', long, conflicts_with = "file")]
    pub body: Option<String>,
    /// Read the body from this file
    #[arg(short = 'f', long)]
    pub file: Option<PathBuf>,
    /// Send each body this many times
    #[arg(short = 'c', long)]
    pub count: Option<u64>,
    #[arg(long, value_enum, default_value_t = SendMode::Sync)]
    pub mode: SendMode,
    /// Send in batches of this many messages (SEND_BATCH_MESSAGE)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: Option<u32>,
    /// The producer group
    #[arg(short = 'g', long, default_value = DEFAULT_PRODUCER_GROUP)]
    pub group: String,
    /// Send every message to the queue this key hashes to (Java's
    /// SelectMessageQueueByHash), so an orderly consumer reads them in order
    #[arg(long, value_name = "KEY", conflicts_with = "batch")]
    pub sharding_key: Option<String>,
    /// Standard input lines are KEY<TAB>BODY: each message goes to the queue
    /// its KEY hashes to and has KEY as its message key
    #[arg(long, conflicts_with_all = ["body", "file", "count", "batch", "sharding_key"])]
    pub keyed_lines: bool,
    /// Deliver this long after the broker stores it (90s, 5m, 1h30m; at most timerMaxDelaySec,
    /// 3 days by default): RocketMQ 5's TIMER_DELAY_SEC (TIMER_DELAY_MS for a fraction of a second)
    #[arg(long, value_name = "DURATION", value_parser = parse_delay, conflicts_with_all = ["deliver_at", "batch"])]
    pub delay: Option<std::time::Duration>,
    /// Deliver at this time, RFC 3339 in UTC (2026-12-24T18:00:00Z): RocketMQ 5's TIMER_DELIVER_MS
    #[arg(long, value_name = "TIME", value_parser = parse_deliver_at, conflicts_with = "batch")]
    pub deliver_at: Option<i64>,
    /// Deliver after delay level N of the broker's messageDelayLevel (default table: 1=1s
    /// 2=5s 3=10s 4=30s 5=1m ... 18=2h; levels above the max use the max)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..), conflicts_with_all = ["batch", "delay", "deliver_at"])]
    pub delay_level: Option<u32>,
    /// Send transactional messages: each is stored as a half message, then this outcome of the
    /// local transaction is told to the broker (unknown: the broker checks back later)
    #[arg(long, value_enum, value_name = "OUTCOME", conflicts_with_all = ["batch", "sharding_key", "keyed_lines", "delay", "deliver_at", "delay_level"])]
    pub transaction: Option<TransactionOutcome>,
    /// With --transaction: the answer to the broker's checks
    #[arg(
        long,
        value_enum,
        value_name = "OUTCOME",
        default_value = "commit",
        requires = "transaction"
    )]
    pub check_answer: TransactionOutcome,
    /// With --transaction unknown: how long to stay up for the broker's checks (it checks half
    /// messages older than transactionTimeOut every transactionCheckInterval: 6 s and 60 s by
    /// default)
    #[arg(long, value_name = "DURATION", value_parser = parse_delay, default_value = "90s", requires = "transaction")]
    pub check_wait: std::time::Duration,
    /// Send one request (RocketMQ's request/reply) and print its reply (-o json: its
    /// fields); fails if no reply comes within --timeout
    #[arg(long, conflicts_with_all = ["count", "batch", "mode", "sharding_key", "keyed_lines", "transaction"])]
    pub request: bool,
}

fn parse_delay(s: &str) -> Result<std::time::Duration, String> {
    humantime::parse_duration(s).map_err(|e| format!("{e} (e.g. 90s, 5m, 1h30m)"))
}

/// Epoch milliseconds of an RFC 3339 time.
fn parse_deliver_at(s: &str) -> Result<i64, String> {
    let t = humantime::parse_rfc3339_weak(s)
        .map_err(|e| format!("{e} (expected RFC 3339 in UTC, e.g. 2026-12-24T18:00:00Z)"))?;
    let ms = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| "a time before 1970".to_string())?
        .as_millis();
    i64::try_from(ms).map_err(|_| "too far in the future".to_string())
}

/// The timer property `--delay` or `--deliver-at` asks for.
fn timer_property(args: &SendArgs) -> Option<(String, String)> {
    use crate::protocol::message::property as prop;
    if let Some(d) = args.delay {
        return Some(if d.subsec_millis() == 0 {
            (prop::TIMER_DELAY_SEC.into(), d.as_secs().to_string())
        } else {
            (prop::TIMER_DELAY_MS.into(), d.as_millis().to_string())
        });
    }
    args.deliver_at
        .map(|ms| (prop::TIMER_DELIVER_MS.into(), ms.to_string()))
}

fn parse_property(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE, got '{s}'")),
    }
}

/// One message's outcome, as printed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SendRow {
    msg_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset_msg_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    broker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    queue_id: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    queue_offset: Option<i64>,
    status: String,
    /// The outcome told to the broker, for a transactional message.
    #[serde(skip_serializing_if = "Option::is_none")]
    transaction: Option<&'static str>,
}

impl SendRow {
    /// One row per message of a result (a batch's result covers several).
    fn from_result(r: &SendResult) -> impl Iterator<Item = SendRow> + '_ {
        let mut offset_ids = r.offset_msg_id.split(',');
        r.msg_id.split(',').enumerate().map(move |(i, id)| SendRow {
            msg_id: id.to_string(),
            offset_msg_id: offset_ids.next().map(str::to_string),
            broker: Some(r.queue.broker_name.clone()),
            queue_id: Some(r.queue.queue_id),
            queue_offset: Some(r.queue_offset + i as i64),
            status: r.status.as_str().to_string(),
            transaction: None,
        })
    }

    fn oneway(ids: &str) -> impl Iterator<Item = SendRow> + '_ {
        ids.split(',').map(|id| SendRow {
            msg_id: id.to_string(),
            offset_msg_id: None,
            broker: None,
            queue_id: None,
            queue_offset: None,
            status: "ONEWAY".to_string(),
            transaction: None,
        })
    }
}

/// Where the bodies come from.
enum Bodies {
    Fixed(Bytes, u64),
    Generated(u64),
    Stdin(u64),
}

impl Bodies {
    fn total(&self) -> Option<u64> {
        match self {
            Bodies::Fixed(_, n) | Bodies::Generated(n) => Some(*n),
            Bodies::Stdin(_) => None,
        }
    }

    /// Every body, in order (standard input is read as it is consumed).
    fn bodies(self) -> Box<dyn Iterator<Item = std::io::Result<Bytes>>> {
        match self {
            Bodies::Fixed(b, n) => Box::new(std::iter::repeat_n(b, n as usize).map(Ok)),
            Bodies::Generated(n) => {
                Box::new((0..n).map(|i| Ok(Bytes::from(format!("Hello RocketMQ {i}")))))
            }
            Bodies::Stdin(n) => Box::new(std::io::stdin().lines().flat_map(move |line| {
                let items: Vec<std::io::Result<Bytes>> = match line {
                    Ok(l) => std::iter::repeat_n(Bytes::from(l), n as usize)
                        .map(Ok)
                        .collect(),
                    Err(e) => vec![Err(e)],
                };
                items
            })),
        }
    }
}

/// Counts, the first error, and what is printed as results come in.
struct Tally {
    sent: u64,
    failed: u64,
    bytes: u64,
    first_error: Option<String>,
    rows: Vec<SendRow>,
    show_rows: bool,
    json: Option<std::io::BufWriter<std::io::Stdout>>,
    progress: Option<indicatif::ProgressBar>,
    /// The ids of the transactional messages sent, whose checks may be awaited.
    transaction_ids: BTreeSet<String>,
}

impl Tally {
    fn record_rows(&mut self, rows: impl Iterator<Item = SendRow>, bytes: u64) -> CliResult {
        let mut n = 0;
        for row in rows {
            n += 1;
            if let Some(out) = self.json.as_mut() {
                serde_json::to_writer(&mut *out, &row).map_err(std::io::Error::other)?;
                out.write_all(b"\n")?;
            } else if self.show_rows {
                self.rows.push(row);
            }
        }
        self.sent += n;
        self.bytes += bytes;
        if let Some(p) = &self.progress {
            p.inc(n);
        }
        Ok(())
    }

    fn record_error(&mut self, messages: u64, e: ClientError) {
        self.failed += messages;
        if self.first_error.is_none() {
            self.first_error = Some(e.to_string());
        }
        if let Some(p) = &self.progress {
            p.inc(messages);
        }
    }
}

pub async fn run(g: &GlobalArgs, args: SendArgs) -> CliResult {
    let ordered = args.sharding_key.is_some() || args.keyed_lines;
    if ordered && args.mode != SendMode::Sync {
        // In flight together, two sends of a key could be stored in either order.
        return Err(CliError::Usage(
            "ordered sends (--sharding-key, --keyed-lines) are sync: drop --mode".into(),
        ));
    }
    if args.keyed_lines && std::io::stdin().is_terminal() {
        return Err(CliError::Usage(
            "--keyed-lines reads KEY<TAB>BODY lines from standard input".into(),
        ));
    }
    let bodies = if let Some(b) = &args.body {
        Bodies::Fixed(Bytes::from(b.clone()), args.count.unwrap_or(1))
    } else if let Some(path) = &args.file {
        let data = std::fs::read(path)
            .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", path.display())))?;
        Bodies::Fixed(Bytes::from(data), args.count.unwrap_or(1))
    } else if args.keyed_lines || (args.count.is_none() && !std::io::stdin().is_terminal()) {
        Bodies::Stdin(1)
    } else {
        Bodies::Generated(args.count.unwrap_or(1))
    };
    let template = Message {
        topic: args.topic.clone(),
        tags: args.tag.clone(),
        keys: args
            .keys
            .as_deref()
            .map(|k| k.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default(),
        properties: args
            .properties
            .iter()
            .cloned()
            .chain(timer_property(&args))
            .chain(args.delay_level.map(|n| {
                (
                    crate::protocol::message::property::DELAY.to_string(),
                    n.to_string(),
                )
            }))
            .collect(),
        ..Default::default()
    };
    template
        .clone()
        .with_body_for_check()
        .validate()
        .map_err(|e| CliError::Usage(e.to_string()))?;

    if args.request {
        let mut request = template;
        request.body =
            bodies.bodies().next().transpose()?.ok_or_else(|| {
                CliError::Usage("nothing to send: standard input was empty".into())
            })?;
        return requester::run(g, &args, request).await;
    }

    let client = ClientConfig {
        timeout: g.timeout,
        ..ClientConfig::new(g.namesrv())
    };
    let config = ProducerConfig {
        group: args.group.clone(),
        send_timeout: g.timeout,
        ..Default::default()
    };
    let transactions = args
        .transaction
        .map(|outcome| CliTransactions::new(outcome, args.check_answer));
    if transactions.is_some() && args.mode != SendMode::Sync {
        return Err(CliError::Usage(
            "transactional sends are sync: drop --mode".into(),
        ));
    }
    let (producer, tx_producer) = match &transactions {
        Some(listener) => {
            let tp = TransactionProducer::new(&client, config, listener.clone())
                .map_err(|e| CliError::Usage(e.to_string()))?;
            (tp.producer().clone(), Some(tp))
        }
        None => (
            Producer::new(&client, config).map_err(|e| CliError::Usage(e.to_string()))?,
            None,
        ),
    };

    let total = bodies.total();
    let json = g.output == OutputFormat::Json;
    let many = total.is_none_or(|n| n > MAX_ROWS);
    let progress = (many && std::io::stderr().is_terminal()).then(|| {
        let bar = match total {
            Some(n) => indicatif::ProgressBar::new(n),
            None => indicatif::ProgressBar::new_spinner(),
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {bar:30} {pos}/{len} messages {per_sec} {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar
    });
    let mut tally = Tally {
        sent: 0,
        failed: 0,
        bytes: 0,
        first_error: None,
        rows: Vec::new(),
        show_rows: !many,
        json: json.then(|| std::io::BufWriter::new(std::io::stdout())),
        progress,
        transaction_ids: BTreeSet::new(),
    };

    let started = Instant::now();
    let mut outcome = match &tx_producer {
        Some(tp) => send_all_in_transaction(tp, &template, bodies, &mut tally).await,
        None => send_all(&producer, &args, &template, bodies, &mut tally).await,
    };
    if let (Some(listener), Ok(())) = (&transactions, &outcome)
        && listener.awaits_checks()
    {
        outcome = listener
            .wait_for_checks(&tally.transaction_ids, args.check_wait)
            .await;
    }
    match &tx_producer {
        Some(tp) => tp.shutdown().await,
        None => producer.shutdown().await,
    }
    let elapsed = started.elapsed();
    if let Some(p) = tally.progress.take() {
        p.finish_and_clear();
    }
    if let Some(mut out) = tally.json.take() {
        out.flush()?;
    }
    outcome?;

    if tally.show_rows && !json {
        let mut header = vec!["MSGID", "BROKER", "QUEUE", "OFFSET", "STATUS"];
        if transactions.is_some() {
            header.push("TRANSACTION");
        }
        let mut t = new_table(header);
        for r in &tally.rows {
            let opt = |v: Option<String>| v.unwrap_or_else(|| "-".to_string());
            let mut row = vec![
                r.msg_id.clone(),
                opt(r.broker.clone()),
                opt(r.queue_id.map(|q| q.to_string())),
                opt(r.queue_offset.map(|o| o.to_string())),
                r.status.clone(),
            ];
            if let Some(state) = r.transaction {
                row.push(state.to_string());
            }
            t.add_row(row);
        }
        if !tally.rows.is_empty() {
            for column in t.column_iter_mut() {
                column.set_padding((0, 2));
            }
            render::print_text(&format!("{}\n", t.trim_fmt()))?;
        }
    }
    if many {
        let secs = elapsed.as_secs_f64().max(1e-6);
        let summary = format!(
            "sent {} messages, failed {}, in {:.2}s: {:.0} msgs/s, {:.2} MB/s",
            tally.sent,
            tally.failed,
            secs,
            tally.sent as f64 / secs,
            tally.bytes as f64 / secs / 1_000_000.0
        );
        if json {
            eprintln!("{summary}");
        } else {
            render::print_text(&format!("{summary}\n"))?;
        }
    }
    if tally.failed > 0 {
        return Err(CliError::Failed(format!(
            "{} of {} messages failed: {}",
            tally.failed,
            tally.failed + tally.sent,
            tally.first_error.unwrap_or_default()
        )));
    }
    if tally.sent == 0 {
        return Err(CliError::Usage(
            "nothing to send: standard input was empty".into(),
        ));
    }
    Ok(())
}

impl Message {
    /// The same message with a one-byte body, to validate everything else.
    fn with_body_for_check(mut self) -> Self {
        self.body = Bytes::from_static(b"x");
        self
    }
}

type InFlight = FuturesUnordered<
    futures_util::future::BoxFuture<'static, (u64, u64, Result<SendResult, ClientError>)>,
>;

async fn send_all(
    producer: &Producer,
    args: &SendArgs,
    template: &Message,
    bodies: Bodies,
    tally: &mut Tally,
) -> CliResult {
    let batch_size = args.batch.unwrap_or(1) as usize;
    let batched = args.batch.is_some();
    let mut in_flight = InFlight::new();
    let mut pending: Vec<Message> = Vec::with_capacity(batch_size);
    for body in bodies.bodies() {
        let mut m = template.clone();
        m.body = body?;
        if args.keyed_lines {
            let key = split_keyed_line(&mut m)?;
            let bytes = m.body.len() as u64;
            let r = producer.send_orderly(&m, &key).await;
            record(tally, 1, bytes, r)?;
            continue;
        }
        if let Some(key) = &args.sharding_key {
            let bytes = m.body.len() as u64;
            let r = producer.send_orderly(&m, key).await;
            record(tally, 1, bytes, r)?;
            continue;
        }
        pending.push(m);
        if pending.len() >= batch_size {
            let msgs = std::mem::replace(&mut pending, Vec::with_capacity(batch_size));
            send_one(producer, args.mode, batched, msgs, &mut in_flight, tally).await?;
        }
        // Take in the answers that are already there.
        while let Some(Some((n, bytes, r))) = in_flight.next().now_or_never() {
            record(tally, n, bytes, r)?;
        }
    }
    if !pending.is_empty() {
        send_one(producer, args.mode, batched, pending, &mut in_flight, tally).await?;
    }
    while let Some((n, bytes, r)) = in_flight.next().await {
        record(tally, n, bytes, r)?;
    }
    Ok(())
}

/// Sends every body as a transactional message, one at a time.
async fn send_all_in_transaction(
    producer: &TransactionProducer,
    template: &Message,
    bodies: Bodies,
    tally: &mut Tally,
) -> CliResult {
    for body in bodies.bodies() {
        let mut m = template.clone();
        m.body = body?;
        let bytes = m.body.len() as u64;
        match producer.send_in_transaction(&m).await {
            Ok(r) => record_transaction(tally, &r, bytes)?,
            Err(e) => tally.record_error(1, e),
        }
    }
    Ok(())
}

fn record_transaction(tally: &mut Tally, r: &TransactionSendResult, bytes: u64) -> CliResult {
    tally.transaction_ids.insert(r.send.msg_id.clone());
    let rows = SendRow::from_result(&r.send).map(|mut row| {
        row.transaction = Some(r.local_state.as_str());
        row
    });
    tally.record_rows(rows, bytes)
}

/// Splits a `KEY<TAB>BODY` line: the body stays, the key becomes the
/// message's key and is returned as its sharding key.
fn split_keyed_line(m: &mut Message) -> CliResult<String> {
    let Some(tab) = m.body.iter().position(|b| *b == b'\t') else {
        return Err(CliError::Usage(format!(
            "--keyed-lines: no TAB between key and body in '{}'",
            String::from_utf8_lossy(&m.body)
        )));
    };
    let key = String::from_utf8_lossy(&m.body[..tab]).into_owned();
    if key.is_empty() {
        return Err(CliError::Usage(
            "--keyed-lines: a line has an empty key".into(),
        ));
    }
    m.body = m.body.slice(tab + 1..);
    m.keys = vec![key.clone()];
    Ok(key)
}

fn record(tally: &mut Tally, n: u64, bytes: u64, r: Result<SendResult, ClientError>) -> CliResult {
    match r {
        Ok(result) => tally.record_rows(SendRow::from_result(&result), bytes),
        Err(e) => {
            tally.record_error(n, e);
            Ok(())
        }
    }
}

async fn send_one(
    producer: &Producer,
    mode: SendMode,
    batched: bool,
    msgs: Vec<Message>,
    in_flight: &mut InFlight,
    tally: &mut Tally,
) -> CliResult {
    let n = msgs.len() as u64;
    let bytes: u64 = msgs.iter().map(|m| m.body.len() as u64).sum();
    match mode {
        SendMode::Sync => {
            let r = if batched {
                producer.send_batch(&msgs).await
            } else {
                producer.send(&msgs[0]).await
            };
            record(tally, n, bytes, r)
        }
        SendMode::Async => {
            let started: Result<SendFuture, ClientError> = if batched {
                producer.send_batch_async(&msgs).await
            } else {
                producer.send_async(&msgs[0]).await
            };
            match started {
                Ok(f) => in_flight.push(f.map(move |r| (n, bytes, r)).boxed()),
                Err(e) => tally.record_error(n, e),
            }
            Ok(())
        }
        SendMode::Oneway => {
            let r = if batched {
                producer.send_batch_oneway(&msgs).await
            } else {
                producer.send_oneway(&msgs[0]).await
            };
            match r {
                Ok(ids) => tally.record_rows(SendRow::oneway(&ids), bytes),
                Err(e) => {
                    tally.record_error(n, e);
                    Ok(())
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_parse() {
        assert_eq!(parse_property("a=b=c").unwrap(), ("a".into(), "b=c".into()));
        assert_eq!(parse_property("a=").unwrap(), ("a".into(), "".into()));
        assert!(parse_property("=b").is_err());
        assert!(parse_property("ab").is_err());
    }

    #[test]
    fn batch_results_become_one_row_per_message() {
        let r = SendResult {
            status: crate::client::SendStatus::SendOk,
            msg_id: "A,B".into(),
            offset_msg_id: "X,Y".into(),
            queue: crate::protocol::admin::MessageQueue::new("T", "broker-a", 1),
            queue_offset: 10,
        };
        let rows: Vec<_> = SendRow::from_result(&r).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].msg_id, "B");
        assert_eq!(rows[1].offset_msg_id.as_deref(), Some("Y"));
        assert_eq!(rows[1].queue_offset, Some(11));
        assert_eq!(rows[0].status, "SEND_OK");
    }

    #[test]
    fn keyed_lines_split_at_the_first_tab() {
        let mut m = Message::new("T", "order-1\tpaid\tin full");
        assert_eq!(split_keyed_line(&mut m).unwrap(), "order-1");
        assert_eq!(&m.body[..], b"paid\tin full");
        assert_eq!(m.keys, ["order-1"]);
        assert!(split_keyed_line(&mut Message::new("T", "no tab")).is_err());
        assert!(split_keyed_line(&mut Message::new("T", "\tbody")).is_err());
    }

    #[test]
    fn generated_bodies_match_the_java_quickstart() {
        let b: Vec<_> = Bodies::Generated(2).bodies().map(|b| b.unwrap()).collect();
        assert_eq!(
            b,
            [
                Bytes::from("Hello RocketMQ 0"),
                Bytes::from("Hello RocketMQ 1")
            ]
        );
        assert_eq!(Bodies::Fixed(Bytes::from("x"), 3).bodies().count(), 3);
    }
}
