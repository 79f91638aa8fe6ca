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

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::Duration;

use tokio::sync::{Notify, mpsc};
use tokio::task::{JoinHandle, JoinSet};
use tokio_util::sync::CancellationToken;

use super::offset_store::{OffsetStorage, OffsetStore};
use super::process_queue::ProcessQueue;
use super::queue_api::{self, PullStatus, pull_flag};
use super::rebalance;
use super::send_back::{self, DEFAULT_MAX_RECONSUME_TIMES};
use crate::client::error::{ClientError, ClientResult};
use crate::client::instance::{ClientConfig, ClientInstance, ConsumerHook};
use crate::client::message::{MessageExt, validate_topic};
use crate::client::producer::{Producer, ProducerConfig};
use crate::protocol::admin::MessageQueue;
use crate::protocol::header::PullMessageRequestHeader;
use crate::protocol::heartbeat::{
    ConsumeFromWhere, ConsumeType, ConsumerData, EXPRESSION_TYPE_TAG, MessageModel,
    SubscriptionData,
};
use crate::protocol::message::property;
use crate::remoting::code::response;

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
/// While a subscribed topic has no route, look again this often.
const MISSING_TOPIC_RETRY: Duration = Duration::from_secs(1);
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
    fn as_where(self) -> ConsumeFromWhere {
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
    /// Tag expression: `*`, `TagA` or `TagA || TagB`.
    pub expression: String,
    pub model: MessageModel,
    pub consume_from: ConsumeFrom,
    /// Start from the group's committed offsets where it has them; when
    /// false, `consume_from` decides every queue (for throw-away groups).
    pub use_committed_offsets: bool,
    /// Messages asked for per pull.
    pub pull_batch_size: i32,
    /// Messages waiting in the channel for the application at most.
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
    pq: Arc<ProcessQueue>,
    offsets: Arc<OffsetStore>,
    mq: Arc<MessageQueue>,
    offset: i64,
    retrier: Arc<Retrier>,
}

/// The failure path deliveries share: where and how a failed message goes back.
struct Retrier {
    instance: Arc<ClientInstance>,
    group: String,
    max_reconsume_times: i32,
    clustering: bool,
    /// Weak: pending deliveries must not keep the consumer's channel open.
    tx: mpsc::WeakSender<Delivery>,
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
                _ = tx.send(d) => {}
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
        if a.pq.is_dropped() {
            return;
        }
        let committable = a.pq.ack(a.offset);
        a.offsets.update(&a.mq, committable, true);
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
        let retrier = self.acker.retrier.clone();
        retrier.spawn(self, delay_level);
    }

    /// The queue the message was pulled from (the retry queue for retries).
    pub fn queue(&self) -> &MessageQueue {
        &self.acker.mq
    }
}

struct QueueTask {
    pq: Arc<ProcessQueue>,
    cancel: CancellationToken,
    handle: JoinHandle<()>,
}

struct Inner {
    instance: Arc<ClientInstance>,
    owns_instance: bool,
    config: PushConsumerConfig,
    subscriptions: Vec<SubscriptionData>,
    offsets: Arc<OffsetStore>,
    queues: Mutex<BTreeMap<MessageQueue, QueueTask>>,
    resets: Mutex<HashMap<MessageQueue, i64>>,
    known_brokers: Mutex<BTreeSet<String>>,
    tx: mpsc::Sender<Delivery>,
    retrier: Arc<Retrier>,
    rebalance_now: Notify,
    stop: CancellationToken,
    started_ms: i64,
}

/// A running push consumer. Receive with `recv`; stop with `shutdown`.
pub struct PushConsumer {
    inner: Arc<Inner>,
    rx: mpsc::Receiver<Delivery>,
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
        if config.group.is_empty() {
            return Err(ClientError::InvalidConfig(
                "the consumer group is empty".into(),
            ));
        }
        validate_topic(&config.topic)?;
        let now = crate::util::now_millis();
        let mut subscriptions = vec![SubscriptionData::from_tag_expression(
            &config.topic,
            &config.expression,
            now,
        )];
        let storage = match config.model {
            MessageModel::Clustering => {
                subscriptions.push(SubscriptionData::from_tag_expression(
                    &retry_topic(&config.group),
                    "*",
                    now,
                ));
                OffsetStorage::Broker
            }
            MessageModel::Broadcasting => OffsetStorage::Local(config.local_offset_file.clone()),
        };
        let offsets = Arc::new(OffsetStore::new(&config.group, storage)?);
        let (tx, rx) = mpsc::channel(config.channel_capacity.max(1));
        let stop = CancellationToken::new();
        let retrier = Arc::new(Retrier {
            instance: instance.clone(),
            group: config.group.clone(),
            max_reconsume_times: if config.max_reconsume_times < 0 {
                DEFAULT_MAX_RECONSUME_TIMES
            } else {
                config.max_reconsume_times
            },
            clustering: config.model == MessageModel::Clustering,
            tx: tx.downgrade(),
            producer: OnceLock::new(),
            runtime: tokio::runtime::Handle::current(),
            tasks: Mutex::new(JoinSet::new()),
            stop: stop.clone(),
        });
        let inner = Arc::new(Inner {
            instance: instance.clone(),
            owns_instance,
            subscriptions,
            offsets,
            queues: Mutex::new(BTreeMap::new()),
            resets: Mutex::new(HashMap::new()),
            known_brokers: Mutex::new(BTreeSet::new()),
            tx,
            retrier,
            rebalance_now: Notify::new(),
            stop,
            started_ms: now,
            config,
        });
        instance.register_consumer(&inner.config.group, Arc::new(Hook(Arc::downgrade(&inner))))?;
        let incomplete = inner.rebalance().await;
        let loops = vec![
            tokio::spawn(rebalance_loop(inner.clone(), incomplete)),
            tokio::spawn(persist_loop(inner.clone())),
        ];
        Ok(PushConsumer { inner, rx, loops })
    }

    /// The next message; `None` once the consumer has stopped.
    pub async fn recv(&mut self) -> Option<Delivery> {
        self.rx.recv().await
    }

    /// The next message if one is waiting.
    pub fn try_recv(&mut self) -> Option<Delivery> {
        self.rx.try_recv().ok()
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
        inner.stop.cancel();
        for l in self.loops {
            let _ = l.await;
        }
        let tasks: Vec<(MessageQueue, QueueTask)> =
            std::mem::take(&mut *inner.queues.lock().unwrap())
                .into_iter()
                .collect();
        let mut queues = Vec::with_capacity(tasks.len());
        let mut pqs = Vec::with_capacity(tasks.len());
        for (mq, t) in tasks {
            let _ = t.handle.await;
            pqs.push(t.pq);
            queues.push(mq);
        }
        // Messages being sent back become committable once the broker has them.
        inner.retrier.drain().await;
        for pq in pqs {
            pq.set_dropped();
        }
        let persisted = inner.offsets.persist(&inner.instance, &queues, true).await;
        inner
            .instance
            .unregister_consumer(&inner.config.group)
            .await;
        if inner.owns_instance {
            inner.instance.close();
        }
        drop(self.rx);
        persisted
    }
}

async fn rebalance_loop(inner: Arc<Inner>, mut incomplete: bool) {
    loop {
        let wait = if incomplete {
            MISSING_TOPIC_RETRY
        } else {
            REBALANCE_INTERVAL
        };
        tokio::select! {
            _ = inner.stop.cancelled() => break,
            _ = tokio::time::sleep(wait) => {}
            _ = inner.rebalance_now.notified() => {}
        }
        incomplete = inner.rebalance().await;
    }
}

async fn persist_loop(inner: Arc<Inner>) {
    let mut tick = tokio::time::interval(PERSIST_INTERVAL);
    tick.tick().await;
    loop {
        tokio::select! {
            _ = inner.stop.cancelled() => break,
            _ = tick.tick() => {}
        }
        let queues = inner.assigned();
        let _ = inner.offsets.persist(&inner.instance, &queues, false).await;
    }
}

impl Inner {
    fn assigned(&self) -> Vec<MessageQueue> {
        self.queues.lock().unwrap().keys().cloned().collect()
    }

    /// Brings the assigned queues up to date; true when the subscribed
    /// topic could not be rebalanced (no route or no member list yet).
    async fn rebalance(self: &Arc<Self>) -> bool {
        let mut incomplete = false;
        let mut routed = Vec::new();
        for sub in &self.subscriptions {
            match self.instance.route(&sub.topic).await {
                Ok(_) => routed.push(sub.topic.clone()),
                // The retry topic too: the broker creates it on the first heartbeat, and
                // failed messages come back through it.
                Err(e) => {
                    tracing::debug!(topic = %sub.topic, "no route yet: {e}");
                    incomplete = true;
                }
            }
        }
        // New brokers must hear from us before they can serve our pulls.
        let brokers = self.instance.broker_addrs(true);
        let changed = *self.known_brokers.lock().unwrap() != brokers;
        if changed {
            self.instance.heartbeat_all().await;
            *self.known_brokers.lock().unwrap() = brokers;
        }
        for topic in routed {
            match rebalance::assigned_queues(
                &self.instance,
                &self.config.group,
                self.config.model,
                &topic,
            )
            .await
            {
                Ok(Some(target)) => self.update_queues(&topic, target).await,
                Ok(None) => incomplete |= topic == self.config.topic,
                Err(e) => {
                    tracing::debug!(%topic, "rebalance failed: {e}");
                    incomplete |= topic == self.config.topic;
                }
            }
        }
        incomplete
    }

    async fn update_queues(self: &Arc<Self>, topic: &str, target: Vec<MessageQueue>) {
        let target: BTreeSet<MessageQueue> = target.into_iter().collect();
        let removed: Vec<(MessageQueue, QueueTask)> = {
            let mut queues = self.queues.lock().unwrap();
            let gone: Vec<MessageQueue> = queues
                .keys()
                .filter(|mq| mq.topic == topic && !target.contains(*mq))
                .cloned()
                .collect();
            gone.into_iter()
                .filter_map(|mq| queues.remove(&mq).map(|t| (mq, t)))
                .collect()
        };
        for (mq, t) in removed {
            t.pq.set_dropped();
            t.cancel.cancel();
            let _ = self
                .offsets
                .persist(&self.instance, std::slice::from_ref(&mq), false)
                .await;
            self.offsets.remove(&mq);
            tracing::debug!(queue = ?mq, "queue released");
        }
        let added: Vec<MessageQueue> = {
            let queues = self.queues.lock().unwrap();
            target
                .into_iter()
                .filter(|mq| !queues.contains_key(mq))
                .collect()
        };
        for mq in added {
            if self.stop.is_cancelled() {
                return;
            }
            let start = match self.start_offset(&mq).await {
                Ok(o) => o,
                Err(e) => {
                    tracing::warn!(queue = ?mq, "cannot find where to start: {e}");
                    continue;
                }
            };
            self.offsets.update(&mq, start, false);
            let pq = Arc::new(ProcessQueue::new(start));
            let cancel = self.stop.child_token();
            let handle = tokio::spawn(pull_loop(
                self.clone(),
                mq.clone(),
                pq.clone(),
                cancel.clone(),
                start,
            ));
            tracing::debug!(queue = ?mq, start, "queue assigned");
            self.queues
                .lock()
                .unwrap()
                .insert(mq, QueueTask { pq, cancel, handle });
        }
    }

    /// Where to start on a newly assigned queue: a reset offset, the
    /// committed offset, or `consume_from` (Java's computePullFromWhere).
    async fn start_offset(&self, mq: &MessageQueue) -> ClientResult<i64> {
        if let Some(o) = self.resets.lock().unwrap().remove(mq) {
            return Ok(o);
        }
        if (self.config.use_committed_offsets || self.offsets.is_local())
            && let Some(o) = self.offsets.read_stored(&self.instance, mq).await?
            && o >= 0
        {
            return Ok(o);
        }
        let retry = mq.topic.starts_with("%RETRY%");
        match self.config.consume_from {
            ConsumeFrom::First => Ok(0),
            ConsumeFrom::Last if retry => Ok(0),
            ConsumeFrom::Last => queue_api::max_offset(&self.instance, mq).await,
            ConsumeFrom::Timestamp(_) if retry => queue_api::max_offset(&self.instance, mq).await,
            ConsumeFrom::Timestamp(ts) => queue_api::search_offset(&self.instance, mq, ts).await,
        }
    }

    fn subscription(&self, topic: &str) -> SubscriptionData {
        self.subscriptions
            .iter()
            .find(|s| s.topic == topic)
            .cloned()
            .unwrap_or_else(|| SubscriptionData::from_tag_expression(topic, "*", self.started_ms))
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
    let shared_mq = Arc::new(mq.clone());
    let clustering = inner.config.model == MessageModel::Clustering;
    let pause = |d: Duration| {
        let cancel = cancel.clone();
        async move {
            tokio::select! {
                _ = cancel.cancelled() => false,
                _ = tokio::time::sleep(d) => true,
            }
        }
    };
    'pulling: while !cancel.is_cancelled() {
        if pq.unacked() >= inner.config.max_unacked_per_queue {
            if !pause(Duration::from_millis(50)).await {
                break;
            }
            continue;
        }
        let commit = if clustering {
            inner.offsets.read_memory(&mq).unwrap_or(0)
        } else {
            0
        };
        let mut sys_flag = pull_flag::SUSPEND;
        if commit > 0 {
            sys_flag |= pull_flag::COMMIT_OFFSET;
        }
        let header = PullMessageRequestHeader {
            consumer_group: inner.config.group.clone(),
            topic: mq.topic.clone(),
            queue_id: mq.queue_id,
            queue_offset: next,
            max_msg_nums: inner.config.pull_batch_size,
            sys_flag,
            commit_offset: commit,
            suspend_timeout_millis: SUSPEND_TIMEOUT.as_millis() as i64,
            subscription: None,
            sub_version: sub.sub_version,
            expression_type: Some(EXPRESSION_TYPE_TAG.to_string()),
            broker_name: Some(mq.broker_name.clone()),
        };
        let result = tokio::select! {
            _ = cancel.cancelled() => break,
            r = queue_api::pull(&inner.instance, &mq, &header, PULL_TIMEOUT) => r,
        };
        let result = match result {
            Ok(r) => r,
            Err(e) => {
                tracing::debug!(queue = ?mq, "pull failed: {e}");
                if matches!(
                    e.response_code(),
                    Some(
                        response::SUBSCRIPTION_NOT_EXIST
                            | response::SUBSCRIPTION_NOT_LATEST
                            | response::SUBSCRIPTION_GROUP_NOT_EXIST
                    )
                ) {
                    inner.instance.heartbeat_all().await;
                }
                if !pause(PULL_BACKOFF).await {
                    break;
                }
                continue;
            }
        };
        match result.status {
            PullStatus::Found => {
                next = result.next_begin_offset;
                let mut msgs = result.messages;
                msgs.retain(|m| sub.matches_tags(m.tags()));
                let committable = pq.put(msgs.iter().map(|m| m.queue_offset), next);
                inner.offsets.update(&mq, committable, true);
                for mut message in msgs {
                    if let Some(original) = message.property(property::RETRY_TOPIC) {
                        message.topic = original.to_string();
                    }
                    let delivery = Delivery {
                        acker: Acker {
                            pq: pq.clone(),
                            offsets: inner.offsets.clone(),
                            mq: shared_mq.clone(),
                            offset: message.queue_offset,
                            retrier: inner.retrier.clone(),
                        },
                        message,
                    };
                    tokio::select! {
                        _ = cancel.cancelled() => break 'pulling,
                        sent = inner.tx.send(delivery) => if sent.is_err() { break 'pulling },
                    }
                }
            }
            PullStatus::NoNewMsg | PullStatus::NoMatchedMsg => {
                next = result.next_begin_offset;
                let committable = pq.put([], next);
                inner.offsets.update(&mq, committable, true);
            }
            PullStatus::OffsetIllegal => {
                tracing::warn!(
                    queue = ?mq,
                    requested = next,
                    corrected = result.next_begin_offset,
                    "offset illegal, moving on"
                );
                next = result.next_begin_offset;
                pq.reset(next);
                inner.offsets.update(&mq, next, false);
                let _ = inner
                    .offsets
                    .persist(&inner.instance, std::slice::from_ref(&mq), false)
                    .await;
            }
        }
    }
}

/// The instance's view of the consumer (weak: the consumer owns itself).
struct Hook(Weak<Inner>);

impl ConsumerHook for Hook {
    fn consumer_data(&self) -> ConsumerData {
        let Some(inner) = self.0.upgrade() else {
            return ConsumerData::default();
        };
        ConsumerData {
            consume_from_where: inner.config.consume_from.as_where(),
            consume_type: ConsumeType::ConsumePassively,
            group_name: inner.config.group.clone(),
            message_model: inner.config.model,
            subscription_data_set: inner.subscriptions.clone(),
            unit_mode: false,
        }
    }

    fn on_consumer_ids_changed(&self) {
        if let Some(inner) = self.0.upgrade() {
            inner.rebalance_now.notify_one();
        }
    }

    fn reset_offsets(&self, offsets: BTreeMap<MessageQueue, i64>) {
        let Some(inner) = self.0.upgrade() else {
            return;
        };
        for (mq, offset) in offsets {
            if let Some(t) = inner.queues.lock().unwrap().remove(&mq) {
                t.pq.set_dropped();
                t.cancel.cancel();
            }
            inner.offsets.update(&mq, offset, false);
            inner.resets.lock().unwrap().insert(mq, offset);
        }
        inner.rebalance_now.notify_one();
    }

    fn running_info(&self) -> serde_json::Value {
        let Some(inner) = self.0.upgrade() else {
            return serde_json::Value::Null;
        };
        let c = &inner.config;
        serde_json::json!({
            "jstack": "",
            "mqTable": {},
            "properties": {
                "PROP_CONSUME_TYPE": "CONSUME_PASSIVELY",
                "PROP_CONSUMEORDERLY": "false",
                "PROP_CONSUMER_START_TIMESTAMP": inner.started_ms.to_string(),
                "PROP_NAMESERVER_ADDR": "",
                "PROP_CLIENT_VERSION": "mq",
                "messageModel": c.model.as_str(),
                "consumeFromWhere": c.consume_from.as_where().as_str(),
                "consumerGroup": c.group,
                "pullBatchSize": c.pull_batch_size.to_string(),
                "assignedQueues": inner.assigned().len().to_string(),
            },
            "statusTable": {},
            "subscriptionSet": inner.subscriptions,
        })
    }
}
