//! `mq bench consume`: reads a topic with `mq`'s push consumer (a group
//! member: rebalance, long polling, acknowledgements, committed offsets) or
//! its pull consumer (every queue read on its own, long-polled, nothing
//! committed), from the queues' first or last offset, and reports messages
//! a second and, for messages that carry their send time (`mq bench
//! produce` and `e2e` stamp it in the `mqBenchSendTs` property), the
//! end-to-end latency from send to receipt.

use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinSet;

use super::report::Report;
use super::run::Run;
use super::stats::Recorder;
use super::{BenchError, BenchResult, SEND_TIME_PROPERTY, now_micros};
use crate::client::consumer::{
    ConsumeFrom, Delivery, PullConsumer, PullStatus, PushConsumer, PushConsumerConfig,
};
use crate::client::{ClientConfig, ClientError, ClientInstance, MessageExt};
use crate::protocol::admin::MessageQueue;

/// How messages are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ConsumeMode {
    /// A push consumer in a group (rebalance, acknowledgements, committed offsets)
    Push,
    /// A pull consumer reading every queue itself (nothing committed)
    Pull,
}

/// Where reading starts on each queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum StartFrom {
    /// The oldest message kept: reads the backlog
    First,
    /// The end: only messages sent from now on
    Last,
}

#[derive(Clone, Debug)]
pub struct ConsumeOptions {
    pub topic: String,
    /// The consumer group (a fresh one per run unless given).
    pub group: String,
    pub mode: ConsumeMode,
    pub from: StartFrom,
    /// Messages asked for per pull.
    pub pull_batch: i32,
}

/// Messages a push worker records and acknowledges together at most.
const RECEIVE_BATCH: usize = 256;

/// How long a pull consumer's pull waits at a queue's end for new messages.
const PULL_HOLD: Duration = Duration::from_secs(1);

/// Records messages received together: their body bytes and, for those that carry their
/// send time, the time since, read once for all (they arrived at one moment), under one lock
/// of the recorder. Returns how many of them the run took: the rest came after its end and
/// are not counted.
pub(crate) fn receive_all<'a>(
    run: &Run,
    rec: &Recorder,
    msgs: impl IntoIterator<Item = &'a MessageExt>,
) -> usize {
    let now = now_micros();
    let mut tally = rec.lock();
    let mut taken = 0;
    for msg in msgs {
        let Some(ticket) = run.take(1) else {
            break;
        };
        taken += 1;
        if !ticket.counts(run) {
            continue;
        }
        match msg
            .property(SEND_TIME_PROPERTY)
            .and_then(|v| v.parse::<i64>().ok())
        {
            Some(sent) => {
                let latency = Duration::from_micros((now - sent).max(0) as u64);
                tally.record(1, msg.body.len() as u64, latency);
            }
            None => tally.record_unsampled(1, msg.body.len() as u64),
        }
    }
    taken
}

/// A push consumer of `opts`, started, with its first queues taken.
pub(crate) async fn start_push(
    client: &ClientConfig,
    opts: &ConsumeOptions,
) -> BenchResult<PushConsumer> {
    let mut config = PushConsumerConfig::new(opts.group.clone(), opts.topic.clone());
    config.consume_from = match opts.from {
        StartFrom::First => ConsumeFrom::First,
        StartFrom::Last => ConsumeFrom::Last,
    };
    config.use_committed_offsets = false;
    config.pull_batch_size = opts.pull_batch;
    config.channel_capacity = 8192;
    config.max_unacked_per_queue = 4096;
    PushConsumer::start(client, config)
        .await
        .map_err(|e| start_failed(&opts.topic, e))
}

fn start_failed(topic: &str, e: ClientError) -> BenchError {
    match e {
        ClientError::TopicNotFound(_) => {
            BenchError::Failed(format!("topic '{topic}' does not exist"))
        }
        e => BenchError::Failed(format!("cannot consume topic '{topic}': {e}")),
    }
}

/// The task taking a push consumer's deliveries until the run ends; shuts the consumer down.
pub(crate) fn push_worker(run: Arc<Run>, mut consumer: PushConsumer) -> JoinSet<()> {
    let mut set = JoinSet::new();
    set.spawn(async move {
        let rec = run.recorder();
        let mut batch = Vec::with_capacity(RECEIVE_BATCH);
        loop {
            // What the pulls delivered is taken without a select (whose stop branch would
            // register with the run's token), and recorded and acknowledged together.
            if consumer.try_recv_many(&mut batch, RECEIVE_BATCH) == 0 {
                let d = tokio::select! {
                    d = consumer.recv() => d,
                    _ = run.stopped() => None,
                };
                let Some(d) = d else { break };
                batch.push(d);
                consumer.try_recv_many(&mut batch, RECEIVE_BATCH - 1);
            }
            let counted = receive_all(&run, &rec, batch.iter().map(|d| &d.message));
            let all = counted == batch.len();
            // What came after the run's end stays unacknowledged, as it is uncounted.
            batch.truncate(counted);
            Delivery::ack_all(&mut batch);
            if !all {
                break;
            }
        }
        let _ = consumer.shutdown().await;
    });
    set
}

/// One task per queue, each pulling from its start offset until the run ends.
async fn pull_workers(
    client: &ClientConfig,
    run: &Arc<Run>,
    opts: &ConsumeOptions,
) -> BenchResult<JoinSet<()>> {
    let consumer = Arc::new(
        PullConsumer::new(client, &opts.group).map_err(|e| BenchError::Usage(e.to_string()))?,
    );
    let queues = consumer
        .fetch_subscribe_queues(&opts.topic)
        .await
        .map_err(|e| start_failed(&opts.topic, e))?;
    let mut starts = Vec::with_capacity(queues.len());
    for mq in queues {
        let offset = match opts.from {
            StartFrom::First => consumer.min_offset(&mq).await,
            StartFrom::Last => consumer.max_offset(&mq).await,
        }
        .map_err(|e| start_failed(&opts.topic, e))?;
        starts.push((mq, offset));
    }
    let (run, batch) = (run.clone(), opts.pull_batch);
    let mut set = JoinSet::new();
    // One task per queue; the consumer's connections close once all are done.
    set.spawn(async move {
        let mut queues = JoinSet::new();
        for (mq, offset) in starts {
            let (run, consumer) = (run.clone(), consumer.clone());
            queues.spawn(async move { pull_queue(&run, &consumer, &mq, offset, batch).await });
        }
        while queues.join_next().await.is_some() {}
        consumer.shutdown();
    });
    Ok(set)
}

/// Fails when the topic has no route: a push consumer would wait for one forever.
async fn check_exists(client: &ClientConfig, topic: &str) -> BenchResult<()> {
    let instance = ClientInstance::new(client).map_err(|e| BenchError::Usage(e.to_string()))?;
    let found = instance.route(topic).await;
    instance.close();
    found.map(drop).map_err(|e| start_failed(topic, e))
}

/// Pulls `mq` from `offset` on until the run ends.
async fn pull_queue(
    run: &Run,
    consumer: &PullConsumer,
    mq: &MessageQueue,
    offset: i64,
    batch: i32,
) {
    let rec = run.recorder();
    let mut offset = offset;
    while !run.is_stopped() {
        let pulled = tokio::select! {
            r = consumer.pull_held(mq, "*", offset, batch, PULL_HOLD) => r,
            _ = run.stopped() => break,
        };
        match pulled {
            Ok(r) => {
                if r.status == PullStatus::Found
                    && receive_all(run, &rec, &r.messages) < r.messages.len()
                {
                    break;
                }
                offset = r.next_begin_offset;
            }
            Err(_) if run.is_stopped() => break,
            Err(e) => {
                rec.record_error(&e);
                // A broker that fails a pull is not asked again at once.
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(100)) => {}
                    _ = run.stopped() => break,
                }
            }
        }
    }
}

/// Runs the consume workload on `run`.
pub async fn run(
    client: &ClientConfig,
    opts: &ConsumeOptions,
    run: Arc<Run>,
) -> BenchResult<Report> {
    check_exists(client, &opts.topic).await?;
    let workers = match opts.mode {
        ConsumeMode::Push => push_worker(run.clone(), start_push(client, opts).await?),
        ConsumeMode::Pull => pull_workers(client, &run, opts).await?,
    };
    let measured = run.drive("consume", workers).await;
    let mut report = Report::new("consume", mode_name(opts.mode), measured);
    report.topic = Some(opts.topic.clone());
    report.latency_of = "end-to-end".into();
    Ok(report)
}

fn mode_name(mode: ConsumeMode) -> &'static str {
    match mode {
        ConsumeMode::Push => "push",
        ConsumeMode::Pull => "pull",
    }
}
