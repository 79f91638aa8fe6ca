//! The push consumer (Java's DefaultMQPushConsumer, concurrently consumed):
//! joins a group, takes its share of the topic's queues (rebalanced every
//! 20 s and when the broker says the members changed), long-polls each queue,
//! re-checks tags, and hands messages to the application through a bounded
//! channel. The application acknowledges each `Delivery`, or fails it with
//! `reconsume_later`: the message is then sent back to its broker (Java's
//! sendMessageBack), which delivers it again after a back-off through the
//! group's retry topic, and moves it to the dead-letter queue once its
//! attempts are used up. The committed offset advances over contiguous
//! acknowledged (or sent back) offsets only, and is written every 5 s and at
//! shutdown.

use std::path::PathBuf;
use std::sync::atomic::AtomicI64;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::{JoinHandle, JoinSet};
use tokio_util::sync::CancellationToken;

use super::member::{self, Kind, Member};
use super::offset_store;
use super::process_queue::ProcessQueue;
use super::queue_api::PullStatus;
use super::send_back::{self, DEFAULT_MAX_RECONSUME_TIMES};
use crate::client::error::ClientResult;
use crate::client::instance::{ClientConfig, ClientInstance};
use crate::client::message::MessageExt;
use crate::client::producer::{Producer, ProducerConfig};
use crate::protocol::admin::MessageQueue;
use crate::protocol::heartbeat::{ConsumeFromWhere, EXPRESSION_TYPE_TAG, MessageModel};
use crate::protocol::message::property;
use crate::protocol::topic::RETRY_GROUP_TOPIC_PREFIX;

/// How often queues are rebalanced without a notification.
pub const REBALANCE_INTERVAL: Duration = Duration::from_secs(20);
/// How often offsets are committed.
pub const PERSIST_INTERVAL: Duration = Duration::from_secs(5);
/// How long the broker holds a pull with nothing to return.
pub const SUSPEND_TIMEOUT: Duration = Duration::from_secs(15);
/// The RPC timeout of a held pull.
pub const PULL_TIMEOUT: Duration = Duration::from_secs(30);
/// The pause after a failed pull.
const PULL_BACKOFF: Duration = Duration::from_secs(3);
/// A failed message that could not be sent back is offered again here after this pause
/// (Java's submitConsumeRequestLater).
pub const RESUBMIT_DELAY: Duration = Duration::from_secs(5);
/// The producer group of the consumer's own sends to its retry topic (Java's).
pub const CLIENT_INNER_PRODUCER_GROUP: &str = "CLIENT_INNER_PRODUCER";

pub use crate::protocol::topic::retry_topic;

/// Where a group starts on a queue it has no committed offset for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsumeFrom {
    /// The queue's end: only messages sent from now on.
    Last,
    /// The queue's beginning.
    First,
    /// The first message stored at or after this time (ms since the epoch).
    Timestamp(i64),
}

impl ConsumeFrom {
    pub(super) fn as_where(self) -> ConsumeFromWhere {
        match self {
            ConsumeFrom::Last => ConsumeFromWhere::ConsumeFromLastOffset,
            ConsumeFrom::First => ConsumeFromWhere::ConsumeFromFirstOffset,
            ConsumeFrom::Timestamp(_) => ConsumeFromWhere::ConsumeFromTimestamp,
        }
    }
}

/// Settings of a push consumer.
#[derive(Clone, Debug)]
pub struct PushConsumerConfig {
    pub group: String,
    pub topic: String,
    /// The subscription expression, read as `expression_type` says: a tag expression (`*`,
    /// `TagA` or `TagA || TagB`) or a SQL92 selector (`a >= 15 AND region IN ('eu')`).
    pub expression: String,
    /// RocketMQ's expression type: `TAG` (the default) or `SQL92`. A type other than TAG is
    /// checked with each broker of the topic (CHECK_CLIENT_CONFIG) before the consumer starts.
    pub expression_type: String,
    pub model: MessageModel,
    pub consume_from: ConsumeFrom,
    /// Start from the group's committed offsets where it has them; when
    /// false, `consume_from` decides every queue (for throw-away groups).
    pub use_committed_offsets: bool,
    /// Messages asked for per pull.
    pub pull_batch_size: i32,
    /// Messages waiting in the channel for the application at most (counted in whole
    /// pulls: the channel carries each pull's messages together).
    pub channel_capacity: usize,
    /// Unacknowledged messages per queue before its pulls pause.
    pub max_unacked_per_queue: usize,
    /// Broadcasting: keep offsets in this file too (else memory only).
    pub local_offset_file: Option<PathBuf>,
    /// Failed attempts after which the broker moves a message to the group's dead-letter
    /// queue (sent with every send-back; Java's maxReconsumeTimes, -1 meaning 16).
    pub max_reconsume_times: i32,
}

impl PushConsumerConfig {
    pub fn new(group: impl Into<String>, topic: impl Into<String>) -> Self {
        PushConsumerConfig {
            group: group.into(),
            topic: topic.into(),
            expression: "*".into(),
            expression_type: EXPRESSION_TYPE_TAG.into(),
            model: MessageModel::Clustering,
            consume_from: ConsumeFrom::Last,
            use_committed_offsets: true,
            pull_batch_size: 32,
            channel_capacity: 1024,
            max_unacked_per_queue: 1000,
            local_offset_file: None,
            max_reconsume_times: DEFAULT_MAX_RECONSUME_TIMES,
        }
    }
}

/// A message for the application; `ack` when done with it, or `reconsume_later` when it
/// could not be consumed. A delivery dropped without either is never committed (it comes
/// again after a restart).
#[derive(Debug)]
pub struct Delivery {
    pub message: MessageExt,
    acker: Acker,
}

#[derive(Debug)]
struct Acker {
    queue: Arc<QueueShared>,
    offset: i64,
}

/// What every delivery of one queue shares, behind one pointer: a delivery costs one
/// reference count, not one per part.
#[derive(Debug)]
struct QueueShared {
    pq: Arc<ProcessQueue>,
    /// The queue's slot in the offset store.
    offset_slot: Arc<AtomicI64>,
    mq: MessageQueue,
    retrier: Arc<Retrier>,
}

/// What the channel to the application carries: the messages of one pull together (one
/// channel operation, and at most one wake-up, per pull, not per message; each becomes a
/// `Delivery` as the application takes it), or one failed message offered again.
enum Handed {
    Pulled(Arc<QueueShared>, Vec<MessageExt>),
    Again(Box<Delivery>),
}

/// What `recv` has taken from the channel and not handed out yet.
enum Taken {
    Nothing,
    Pulled(Arc<QueueShared>, std::vec::IntoIter<MessageExt>),
    Again(Box<Delivery>),
}

impl Taken {
    fn next(&mut self) -> Option<Delivery> {
        match std::mem::replace(self, Taken::Nothing) {
            Taken::Nothing => None,
            Taken::Again(d) => Some(*d),
            Taken::Pulled(queue, mut msgs) => {
                let message = msgs.next()?;
                let acker = Acker {
                    queue: queue.clone(),
                    offset: message.queue_offset,
                };
                *self = Taken::Pulled(queue, msgs);
                Some(Delivery { message, acker })
            }
        }
    }
}

impl From<Handed> for Taken {
    fn from(h: Handed) -> Self {
        match h {
            Handed::Pulled(queue, msgs) => Taken::Pulled(queue, msgs.into_iter()),
            Handed::Again(d) => Taken::Again(d),
        }
    }
}

/// The failure path deliveries share: where and how a failed message goes back.
struct Retrier {
    instance: Arc<ClientInstance>,
    group: String,
    max_reconsume_times: i32,
    clustering: bool,
    /// Weak: pending deliveries must not keep the consumer's channel open.
    tx: mpsc::WeakSender<Handed>,
    /// For sends to the retry topic when the broker cannot take a message back; made on
    /// first use.
    producer: OnceLock<Producer>,
    runtime: tokio::runtime::Handle,
    /// Send-backs in flight, awaited at shutdown so that their offsets are committed.
    tasks: Mutex<JoinSet<()>>,
    stop: CancellationToken,
}

impl std::fmt::Debug for Retrier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Retrier")
            .field("group", &self.group)
            .field("max_reconsume_times", &self.max_reconsume_times)
            .finish_non_exhaustive()
    }
}

impl Retrier {
    fn producer(&self) -> &Producer {
        self.producer.get_or_init(|| {
            let config = ProducerConfig {
                group: CLIENT_INNER_PRODUCER_GROUP.into(),
                ..ProducerConfig::default()
            };
            Producer::with_instance(self.instance.clone(), config)
                .expect("CLIENT_INNER_PRODUCER is a valid producer group")
        })
    }

    /// Java's processConsumeResult for one failed message: back to the broker, else to the
    /// retry topic by a send, and then committable; if both fail, offered again here later
    /// with its attempt counted, its offset still held.
    async fn fail(self: Arc<Self>, mut d: Delivery, delay_level: i32) {
        let msg = &d.message;
        if !self.clustering {
            tracing::warn!(msg_id = %msg.msg_id(), "broadcasting: a failed message is dropped");
            return d.ack();
        }
        let max = self.max_reconsume_times;
        match send_back::send_back(&self.instance, msg, &self.group, delay_level, max).await {
            Ok(()) => return d.ack(),
            Err(e) => tracing::debug!(msg_id = %msg.msg_id(), "send back failed: {e}"),
        }
        let retry = send_back::fallback_message(msg, &self.group, max);
        match self.producer().send(&retry).await {
            Ok(_) => return d.ack(),
            Err(e) => tracing::warn!(
                msg_id = %msg.msg_id(),
                "sending a failed message to {} failed too, offering it again in {:?}: {e}",
                retry.topic,
                RESUBMIT_DELAY
            ),
        }
        d.message.reconsume_times += 1;
        tokio::select! {
            _ = self.stop.cancelled() => return,
            _ = tokio::time::sleep(RESUBMIT_DELAY) => {}
        }
        // A full channel must not hold up a shutdown, which waits for this task.
        if let Some(tx) = self.tx.upgrade() {
            tokio::select! {
                _ = self.stop.cancelled() => {}
                _ = tx.send(Handed::Again(Box::new(d))) => {}
            }
        }
    }

    fn spawn(self: &Arc<Self>, d: Delivery, delay_level: i32) {
        let mut tasks = self.tasks.lock().unwrap();
        while tasks.try_join_next().is_some() {}
        tasks.spawn_on(self.clone().fail(d, delay_level), &self.runtime);
    }

    /// Waits for the send-backs in flight (each ends within its RPC and send timeouts).
    async fn drain(&self) {
        let mut tasks = std::mem::take(&mut *self.tasks.lock().unwrap());
        while tasks.join_next().await.is_some() {}
        if let Some(p) = self.producer.get() {
            p.shutdown().await;
        }
    }
}

impl Delivery {
    /// Marks the message consumed: its offset may now be committed.
    pub fn ack(self) {
        let a = self.acker;
        let q = &a.queue;
        if q.pq.is_dropped() {
            return;
        }
        let committable = q.pq.ack(a.offset);
        offset_store::advance(&q.offset_slot, committable);
    }

    /// Acknowledges every delivery in `deliveries` (as `ack` does each) and empties it: a
    /// run of deliveries from one queue takes that queue's lock once.
    pub fn ack_all(deliveries: &mut Vec<Delivery>) {
        let mut rest = deliveries.as_slice();
        while let Some(first) = rest.first() {
            let q = &first.acker.queue;
            let run = rest
                .iter()
                .position(|d| !Arc::ptr_eq(&d.acker.queue, q))
                .unwrap_or(rest.len());
            if !q.pq.is_dropped() {
                let committable = q.pq.ack_each(rest[..run].iter().map(|d| d.acker.offset));
                offset_store::advance(&q.offset_slot, committable);
            }
            rest = &rest[run..];
        }
        deliveries.clear();
    }

    /// The message could not be consumed: it is sent back to its broker, which delivers it
    /// again later (after the delay of level 3 + reconsumeTimes) or, once
    /// `max_reconsume_times` attempts failed, moves it to the group's dead-letter queue; its
    /// offset may be committed once the broker has it. If the broker cannot take it back, the
    /// consumer sends it to the retry topic itself; if that fails too, it is delivered here
    /// again after `RESUBMIT_DELAY`. A broadcasting consumer drops it, as Java's does.
    /// Returns at once; the work runs on the consumer's runtime.
    pub fn reconsume_later(self) {
        self.reconsume_later_with(0)
    }

    /// `reconsume_later` with the back-off chosen: `delay_level` 0 lets the broker choose,
    /// N > 0 is level N of the broker's messageDelayLevel (Java's
    /// setDelayLevelWhenNextConsume), and a negative level sends the message to the
    /// dead-letter queue at once.
    pub fn reconsume_later_with(self, delay_level: i32) {
        let retrier = self.acker.queue.retrier.clone();
        retrier.spawn(self, delay_level);
    }

    /// The queue the message was pulled from (the retry queue for retries).
    pub fn queue(&self) -> &MessageQueue {
        &self.acker.queue.mq
    }
}

struct QueueTask {
    pq: Arc<ProcessQueue>,
    cancel: CancellationToken,
    handle: JoinHandle<()>,
}

/// The concurrent kind of group member: each queue is long-polled on its own
/// and its messages go to the application's channel.
struct Push {
    tx: mpsc::Sender<Handed>,
    retrier: Arc<Retrier>,
}

type Inner = Member<Push>;

/// A running push consumer. Receive with `recv`; stop with `shutdown`.
pub struct PushConsumer {
    inner: Arc<Inner>,
    rx: mpsc::Receiver<Handed>,
    /// The rest of what `recv` took last, in order.
    taken: Taken,
    loops: Vec<JoinHandle<()>>,
}

impl PushConsumer {
    /// Starts a consumer with its own client instance.
    pub async fn start(client: &ClientConfig, config: PushConsumerConfig) -> ClientResult<Self> {
        let instance = ClientInstance::new(client)?;
        Self::start_with(instance, true, config).await
    }

    /// Starts a consumer sharing `instance` (one group per instance).
    pub async fn with_instance(
        instance: Arc<ClientInstance>,
        config: PushConsumerConfig,
    ) -> ClientResult<Self> {
        Self::start_with(instance, false, config).await
    }

    async fn start_with(
        instance: Arc<ClientInstance>,
        owns_instance: bool,
        config: PushConsumerConfig,
    ) -> ClientResult<Self> {
        let batches = config.channel_capacity / config.pull_batch_size.max(1) as usize;
        let (tx, rx) = mpsc::channel(batches.max(1));
        let max_reconsume_times = if config.max_reconsume_times < 0 {
            DEFAULT_MAX_RECONSUME_TIMES
        } else {
            config.max_reconsume_times
        };
        let group = config.group.clone();
        let clustering = config.model == MessageModel::Clustering;
        let inner = Member::new(instance.clone(), owns_instance, config, |stop| Push {
            retrier: Arc::new(Retrier {
                instance,
                group,
                max_reconsume_times,
                clustering,
                tx: tx.downgrade(),
                producer: OnceLock::new(),
                runtime: tokio::runtime::Handle::current(),
                tasks: Mutex::new(JoinSet::new()),
                stop: stop.clone(),
            }),
            tx,
        })?;
        let loops = inner.join().await?;
        Ok(PushConsumer {
            inner,
            rx,
            taken: Taken::Nothing,
            loops,
        })
    }

    /// The next message; `None` once the consumer has stopped.
    pub async fn recv(&mut self) -> Option<Delivery> {
        loop {
            if let Some(d) = self.taken.next() {
                return Some(d);
            }
            self.taken = self.rx.recv().await?.into();
        }
    }

    /// The next message if one is waiting.
    pub fn try_recv(&mut self) -> Option<Delivery> {
        loop {
            if let Some(d) = self.taken.next() {
                return Some(d);
            }
            self.taken = self.rx.try_recv().ok()?.into();
        }
    }

    /// Moves the messages waiting now, up to `max`, to `out`, without waiting. Returns how
    /// many it moved.
    pub fn try_recv_many(&mut self, out: &mut Vec<Delivery>, max: usize) -> usize {
        let before = out.len();
        while out.len() - before < max {
            match self.try_recv() {
                Some(d) => out.push(d),
                None => break,
            }
        }
        out.len() - before
    }

    pub fn client_id(&self) -> &str {
        self.inner.instance.client_id()
    }

    /// The queues this consumer reads now.
    pub fn assigned_queues(&self) -> Vec<MessageQueue> {
        self.inner.assigned()
    }

    /// Asks for a rebalance now (as a broker notification does).
    pub fn rebalance_now(&self) {
        self.inner.rebalance_now.notify_one();
    }

    /// Stops pulling, commits the offsets (waiting for the brokers), and
    /// unregisters from the brokers.
    pub async fn shutdown(self) -> ClientResult<()> {
        let inner = self.inner;
        let tasks = inner.stop_loops(self.loops).await;
        let mut queues = Vec::with_capacity(tasks.len());
        let mut pqs = Vec::with_capacity(tasks.len());
        for (mq, t) in tasks {
            let _ = t.handle.await;
            pqs.push(t.pq);
            queues.push(mq);
        }
        // Messages being sent back become committable once the broker has them.
        inner.kind.retrier.drain().await;
        for pq in pqs {
            pq.set_dropped();
        }
        let persisted = inner.offsets.persist(&inner.instance, &queues, true).await;
        inner.leave().await;
        drop(self.rx);
        drop(self.taken);
        persisted
    }
}

impl Kind for Push {
    type Queue = QueueTask;

    async fn take(inner: &Arc<Inner>, mq: &MessageQueue) -> Option<QueueTask> {
        let start = match inner.start_offset(mq).await {
            Ok(o) => o,
            Err(e) => {
                tracing::warn!(queue = ?mq, "cannot find where to start: {e}");
                return None;
            }
        };
        inner.offsets.update(mq, start, false);
        let pq = Arc::new(ProcessQueue::new(start));
        let cancel = inner.stop.child_token();
        let handle = tokio::spawn(pull_loop(
            inner.clone(),
            mq.clone(),
            pq.clone(),
            cancel.clone(),
            start,
        ));
        tracing::debug!(queue = ?mq, start, "queue assigned");
        Some(QueueTask { pq, cancel, handle })
    }

    async fn release(inner: &Arc<Inner>, mq: MessageQueue, t: QueueTask) {
        t.pq.set_dropped();
        t.cancel.cancel();
        let _ = inner
            .offsets
            .persist(&inner.instance, std::slice::from_ref(&mq), false)
            .await;
        inner.offsets.remove(&mq);
        tracing::debug!(queue = ?mq, "queue released");
    }

    fn reset(inner: &Arc<Inner>, mq: &MessageQueue, t: Option<QueueTask>, offset: i64) {
        if let Some(t) = t {
            t.pq.set_dropped();
            t.cancel.cancel();
        }
        inner.offsets.update(mq, offset, false);
    }

    fn running_info(
        inner: &Inner,
        properties: &mut serde_json::Map<String, serde_json::Value>,
    ) -> serde_json::Value {
        properties.insert("PROP_CONSUMEORDERLY".into(), "false".into());
        properties.insert(
            "consumeFromWhere".into(),
            inner.config.consume_from.as_where().as_str().into(),
        );
        serde_json::json!({})
    }
}

/// Long-polls one queue until cancelled, handing matching messages to the
/// application.
async fn pull_loop(
    inner: Arc<Inner>,
    mq: MessageQueue,
    pq: Arc<ProcessQueue>,
    cancel: CancellationToken,
    mut next: i64,
) {
    let sub = inner.subscription(&mq.topic);
    let shared = Arc::new(QueueShared {
        pq: pq.clone(),
        offset_slot: inner.offsets.slot(&mq, next),
        mq: mq.clone(),
        retrier: inner.kind.retrier.clone(),
    });
    let max_unacked = inner.config.max_unacked_per_queue.max(1);
    'pulling: while !cancel.is_cancelled() {
        if pq.unacked() >= max_unacked {
            // Pulls resume once the application has caught up by half the bound: woken
            // by its acks, not by polling.
            tokio::select! {
                _ = cancel.cancelled() => break,
                _ = pq.wait_for_room(max_unacked.div_ceil(2)) => {}
            }
            continue;
        }
        let Some(result) = inner.pull(&mq, &sub, next, &cancel).await else {
            break;
        };
        let result = match result {
            Ok(r) => r,
            Err(e) => {
                inner.pull_failed(&mq, &e).await;
                if !member::pause(&cancel, PULL_BACKOFF).await {
                    break;
                }
                continue;
            }
        };
        match result.status {
            PullStatus::Found => {
                next = result.next_begin_offset;
                let mut msgs = result.messages;
                if !sub.matches_every_tag() {
                    msgs.retain(|m| sub.matches_tags(m.tags()));
                }
                let committable = pq.put(msgs.iter().map(|m| m.queue_offset), next);
                inner.offsets.update(&mq, committable, true);
                if msgs.is_empty() {
                    continue;
                }
                for message in &mut msgs {
                    // Only a retry topic's messages carry their original topic.
                    if message.topic.starts_with(RETRY_GROUP_TOPIC_PREFIX)
                        && let Some(original) = message.property(property::RETRY_TOPIC)
                    {
                        message.topic = original.to_string();
                    }
                }
                let batch = Handed::Pulled(shared.clone(), msgs);
                tokio::select! {
                    _ = cancel.cancelled() => break 'pulling,
                    sent = inner.kind.tx.send(batch) => if sent.is_err() { break 'pulling },
                }
            }
            PullStatus::NoNewMsg | PullStatus::NoMatchedMsg => {
                next = result.next_begin_offset;
                let committable = pq.put([], next);
                inner.offsets.update(&mq, committable, true);
            }
            PullStatus::OffsetIllegal => {
                let corrected = result.next_begin_offset;
                pq.reset(corrected);
                inner.offset_illegal(&mq, next, corrected).await;
                next = corrected;
            }
        }
    }
}
