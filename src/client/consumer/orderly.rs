//! The orderly push consumer (Java's DefaultMQPushConsumer with a
//! MessageListenerOrderly, ConsumeMessageOrderlyService): each queue it is
//! given at rebalance is consumed only while this client holds the broker's
//! lock on it (LOCK_BATCH_MQ at rebalance, renewed every 20 s, trusted for
//! 30 s after the last renewal), one message at a time: the next message of
//! a queue is handed out only once the previous one is acknowledged. A
//! message the application fails is handed out again after
//! suspendCurrentQueueTimeMillis, counting its reconsume times; past
//! `max_reconsume_times` it is sent back to `%RETRY%<group>` (which the broker
//! moves to the DLQ) and the queue moves on. Offsets are committed as
//! messages are acknowledged. A queue taken away at rebalance is released only
//! after its message in hand is answered and its offset written, so the next
//! owner never consumes it at the same time.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::member::{Kind, Member, pause};
use super::push::PushConsumerConfig;
use super::queue_api::PullStatus;
use super::send_back::fallback_message;
use crate::client::error::{ClientError, ClientResult};
use crate::client::instance::{ClientConfig, ClientInstance};
use crate::client::message::MessageExt;
use crate::client::producer::{Producer, ProducerConfig};
use crate::protocol::admin::MessageQueue;
use crate::protocol::body::RemotingBody;
use crate::protocol::heartbeat::MessageModel;
use crate::protocol::lock::{LockBatchRequestBody, LockBatchResponseBody, UnlockBatchRequestBody};
use crate::protocol::message::property;
use crate::remoting::RemotingCommand;
use crate::remoting::code::{request, response};

/// How often the held locks are renewed (rocketmq.client.rebalance.lockInterval).
pub const LOCK_INTERVAL: Duration = Duration::from_secs(20);
/// How long after its last renewal a lock is trusted (ProcessQueue's
/// REBALANCE_LOCK_MAX_LIVE_TIME); the broker keeps it for 60 s.
pub const LOCK_MAX_LIVE_TIME: Duration = Duration::from_secs(30);
/// The pause before a queue's failed message is handed out again (suspendCurrentQueueTimeMillis).
pub const SUSPEND_CURRENT_QUEUE_TIME: Duration = Duration::from_secs(1);
/// While a queue's lock is refused, ask again this often.
const LOCK_RETRY: Duration = Duration::from_millis(500);
/// The pause after a failed pull or broker call.
const BACKOFF: Duration = Duration::from_secs(1);
/// The producer group messages are sent back with (Java's CLIENT_INNER_PRODUCER).
const INNER_PRODUCER_GROUP: &str = "CLIENT_INNER_PRODUCER";

/// Settings of an orderly consumer: the push consumer's, and what happens
/// to a failed message.
#[derive(Clone, Debug)]
pub struct OrderlyConsumerConfig {
    pub push: PushConsumerConfig,
    /// The pause before a failed message is handed out again.
    pub suspend_current_queue_time: Duration,
    /// Failures after which a message is sent back to the retry topic
    /// instead of handed out again; `None` retries locally forever, as
    /// Java's orderly consumer does by default (maxReconsumeTimes -1).
    pub max_reconsume_times: Option<i32>,
}

impl From<PushConsumerConfig> for OrderlyConsumerConfig {
    fn from(push: PushConsumerConfig) -> Self {
        OrderlyConsumerConfig {
            push,
            suspend_current_queue_time: SUSPEND_CURRENT_QUEUE_TIME,
            max_reconsume_times: None,
        }
    }
}

/// What the application made of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// ConsumeOrderlyStatus.SUCCESS.
    Success,
    /// ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT.
    Suspend,
}

/// A message for the application. Answer with `ack` or `suspend`; until
/// then its queue hands out nothing else. Dropped unanswered, it comes again.
#[derive(Debug)]
pub struct OrderlyDelivery {
    pub message: MessageExt,
    mq: MessageQueue,
    reply: oneshot::Sender<Status>,
}

impl OrderlyDelivery {
    /// Consumed: the queue moves on and the offset may be committed.
    pub fn ack(self) {
        let _ = self.reply.send(Status::Success);
    }

    /// Not consumed: the queue pauses and hands this message out again.
    pub fn suspend(self) {
        let _ = self.reply.send(Status::Suspend);
    }

    /// The queue the message was pulled from (the retry queue for retries).
    pub fn queue(&self) -> &MessageQueue {
        &self.mq
    }
}

/// One owned queue's lock as this client sees it (ProcessQueue's locked and
/// lastLockTimestamp), and whether rebalance took the queue away.
#[derive(Debug, Default)]
struct QueueState {
    locked: AtomicBool,
    last_lock_ms: AtomicI64,
    dropped: AtomicBool,
}

impl QueueState {
    fn set_locked(&self, locked: bool, now_ms: i64) {
        if locked {
            self.last_lock_ms.store(now_ms, Ordering::Release);
        }
        self.locked.store(locked, Ordering::Release);
    }

    /// Locked, and renewed recently enough that the broker still holds it.
    fn lock_fresh(&self, now_ms: i64) -> bool {
        self.locked.load(Ordering::Acquire)
            && now_ms - self.last_lock_ms.load(Ordering::Acquire)
                <= LOCK_MAX_LIVE_TIME.as_millis() as i64
    }
}

struct QueueTask {
    state: Arc<QueueState>,
    cancel: CancellationToken,
    handle: JoinHandle<()>,
}

/// The orderly kind of group member: queues are consumed one message at a
/// time under the broker's lock.
struct Orderly {
    /// Queues being let go of: their release (answer, commit, unlock) runs on.
    releasing: Mutex<Vec<JoinHandle<()>>>,
    producer: OnceLock<ClientResult<Producer>>,
    tx: mpsc::Sender<OrderlyDelivery>,
    suspend_current_queue_time: Duration,
    max_reconsume_times: Option<i32>,
}

type Inner = Member<Orderly>;

/// A running orderly consumer. Receive with `recv`; stop with `shutdown`.
pub struct OrderlyPushConsumer {
    inner: Arc<Inner>,
    rx: mpsc::Receiver<OrderlyDelivery>,
    loops: Vec<JoinHandle<()>>,
}

impl OrderlyPushConsumer {
    /// Starts a consumer with its own client instance.
    pub async fn start(client: &ClientConfig, config: OrderlyConsumerConfig) -> ClientResult<Self> {
        let instance = ClientInstance::new(client)?;
        Self::start_with(instance, true, config).await
    }

    /// Starts a consumer sharing `instance` (one group per instance).
    pub async fn with_instance(
        instance: Arc<ClientInstance>,
        config: OrderlyConsumerConfig,
    ) -> ClientResult<Self> {
        Self::start_with(instance, false, config).await
    }

    async fn start_with(
        instance: Arc<ClientInstance>,
        owns_instance: bool,
        config: OrderlyConsumerConfig,
    ) -> ClientResult<Self> {
        // One message per queue is out at a time, so this bounds nothing
        // the queues do not already bound.
        let (tx, rx) = mpsc::channel(config.push.channel_capacity.max(1));
        let kind = Orderly {
            releasing: Mutex::new(Vec::new()),
            producer: OnceLock::new(),
            tx,
            suspend_current_queue_time: config.suspend_current_queue_time,
            max_reconsume_times: config.max_reconsume_times,
        };
        let inner = Member::new(instance, owns_instance, config.push, |_| kind)?;
        let mut loops = inner.join().await?;
        loops.push(tokio::spawn(lock_loop(inner.clone())));
        Ok(OrderlyPushConsumer { inner, rx, loops })
    }

    /// The next message; `None` once the consumer has stopped.
    pub async fn recv(&mut self) -> Option<OrderlyDelivery> {
        self.rx.recv().await
    }

    /// The next message if one is waiting.
    pub fn try_recv(&mut self) -> Option<OrderlyDelivery> {
        self.rx.try_recv().ok()
    }

    pub fn client_id(&self) -> &str {
        self.inner.instance.client_id()
    }

    /// The queues this consumer was given (locked or still asking for the lock).
    pub fn assigned_queues(&self) -> Vec<MessageQueue> {
        self.inner.assigned()
    }

    /// The assigned queues whose lock this consumer holds now.
    pub fn locked_queues(&self) -> Vec<MessageQueue> {
        let now = crate::util::now_millis();
        self.inner
            .queues
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, t)| t.state.lock_fresh(now))
            .map(|(mq, _)| mq.clone())
            .collect()
    }

    /// Asks for a rebalance now (as a broker notification does).
    pub fn rebalance_now(&self) {
        self.inner.rebalance_now.notify_one();
    }

    /// Stops consuming (messages not yet answered come again to whoever
    /// owns their queue next), commits the offsets (waiting for the
    /// brokers), unlocks the queues and unregisters from the brokers.
    pub async fn shutdown(self) -> ClientResult<()> {
        let inner = self.inner;
        inner.stop.cancel();
        drop(self.rx);
        let tasks = inner.stop_loops(self.loops).await;
        let mut queues = Vec::with_capacity(tasks.len());
        for (mq, t) in tasks {
            t.state.dropped.store(true, Ordering::Release);
            let _ = t.handle.await;
            queues.push(mq);
        }
        let releasing = std::mem::take(&mut *inner.kind.releasing.lock().unwrap());
        for r in releasing {
            let _ = r.await;
        }
        let persisted = inner.offsets.persist(&inner.instance, &queues, true).await;
        if inner.locking() {
            inner.unlock(&queues).await;
        }
        if let Some(Ok(p)) = inner.kind.producer.get() {
            p.shutdown().await;
        }
        inner.leave().await;
        persisted
    }
}

impl Kind for Orderly {
    type Queue = QueueTask;

    /// The queue's task gets its lock and then its start offset itself.
    async fn take(inner: &Arc<Inner>, mq: &MessageQueue) -> Option<QueueTask> {
        let state = Arc::new(QueueState::default());
        let cancel = inner.stop.child_token();
        let handle = tokio::spawn(consume_queue(
            inner.clone(),
            mq.clone(),
            state.clone(),
            cancel.clone(),
        ));
        tracing::debug!(queue = ?mq, "queue assigned");
        Some(QueueTask {
            state,
            cancel,
            handle,
        })
    }

    async fn release(inner: &Arc<Inner>, mq: MessageQueue, t: QueueTask) {
        inner.release(mq, t);
    }

    fn reset(inner: &Arc<Inner>, mq: &MessageQueue, t: Option<QueueTask>, _offset: i64) {
        if let Some(t) = t {
            inner.release(mq.clone(), t);
        }
    }

    fn running_info(
        inner: &Inner,
        properties: &mut serde_json::Map<String, serde_json::Value>,
    ) -> serde_json::Value {
        properties.insert("PROP_CONSUMEORDERLY".into(), "true".into());
        properties.insert(
            "suspendCurrentQueueTimeMillis".into(),
            inner
                .kind
                .suspend_current_queue_time
                .as_millis()
                .to_string()
                .into(),
        );
        let now = crate::util::now_millis();
        let mq_table: serde_json::Map<String, serde_json::Value> = inner
            .queues
            .lock()
            .unwrap()
            .iter()
            .map(|(mq, t)| {
                (
                    format!("{}:{}:{}", mq.topic, mq.broker_name, mq.queue_id),
                    serde_json::json!({
                        "locked": t.state.lock_fresh(now),
                        "lastLockTimestamp": t.state.last_lock_ms.load(Ordering::Acquire),
                        "droped": t.state.dropped.load(Ordering::Acquire),
                    }),
                )
            })
            .collect();
        serde_json::Value::Object(mq_table)
    }
}

/// Renews every assigned queue's lock (Java's lockAll): queues the broker
/// no longer grants stop being consumed until they are locked again.
async fn lock_loop(inner: Arc<Inner>) {
    if !inner.locking() {
        return;
    }
    let mut tick = tokio::time::interval(LOCK_INTERVAL);
    tick.tick().await;
    loop {
        tokio::select! {
            _ = inner.stop.cancelled() => break,
            _ = tick.tick() => {}
        }
        let queues = inner.assigned();
        let mut by_broker: BTreeMap<String, Vec<MessageQueue>> = BTreeMap::new();
        for mq in queues {
            by_broker
                .entry(mq.broker_name.clone())
                .or_default()
                .push(mq);
        }
        for (_, mqs) in by_broker {
            let now = crate::util::now_millis();
            match inner.lock(&mqs).await {
                Ok(granted) => {
                    let mut stale = Vec::new();
                    {
                        let queues = inner.queues.lock().unwrap();
                        for mq in &mqs {
                            let held = granted.contains(mq);
                            match queues.get(mq) {
                                Some(t) => {
                                    if !held && t.state.locked.load(Ordering::Acquire) {
                                        tracing::warn!(queue = ?mq, "queue lock lost");
                                    }
                                    t.state.set_locked(held, now);
                                }
                                // Released while this renewal was on its way: give it back,
                                // or the next owner would wait for it to expire.
                                None if held => stale.push(mq.clone()),
                                None => {}
                            }
                        }
                    }
                    if !stale.is_empty() {
                        inner.unlock(&stale).await;
                    }
                }
                Err(e) => tracing::debug!("lock renewal failed: {e}"),
            }
        }
    }
}

impl Inner {
    /// Broadcasting consumers read every queue alone: no locks (as Java).
    fn locking(&self) -> bool {
        self.config.model == MessageModel::Clustering
    }

    /// LOCK_BATCH_MQ for queues of one broker; the ones granted.
    async fn lock(&self, mqs: &[MessageQueue]) -> ClientResult<BTreeSet<MessageQueue>> {
        let Some(first) = mqs.first() else {
            return Ok(BTreeSet::new());
        };
        let body = LockBatchRequestBody {
            client_id: self.instance.client_id().to_string(),
            consumer_group: self.group().to_string(),
            mq_set: mqs.iter().cloned().collect(),
            only_this_broker: false,
        };
        let addr = self
            .instance
            .broker_addr(&first.broker_name, true)
            .ok_or_else(|| ClientError::BrokerNotFound(first.broker_name.clone()))?;
        let req = RemotingCommand::request(request::LOCK_BATCH_MQ).with_body(body.encode());
        let resp = self
            .instance
            .remoting()
            .invoke(&addr, req, self.instance.timeout())
            .await?;
        if resp.code != response::SUCCESS {
            return Err(ClientError::response("lock batch mq", &resp));
        }
        let answer =
            LockBatchResponseBody::decode(&resp.body).map_err(|e| ClientError::Decode {
                what: "lock batch response",
                reason: e.to_string(),
            })?;
        Ok(answer.lock_ok_mq_set)
    }

    /// UNLOCK_BATCH_MQ, one request per broker; failures only logged (the
    /// broker lets the locks expire).
    async fn unlock(&self, mqs: &[MessageQueue]) {
        let mut by_broker: BTreeMap<&str, BTreeSet<MessageQueue>> = BTreeMap::new();
        for mq in mqs {
            by_broker
                .entry(mq.broker_name.as_str())
                .or_default()
                .insert(mq.clone());
        }
        for (broker, mq_set) in by_broker {
            let Some(addr) = self.instance.broker_addr(broker, true) else {
                continue;
            };
            let body = UnlockBatchRequestBody {
                client_id: self.instance.client_id().to_string(),
                consumer_group: self.group().to_string(),
                mq_set,
                only_this_broker: false,
            };
            let req = RemotingCommand::request(request::UNLOCK_BATCH_MQ).with_body(body.encode());
            match self
                .instance
                .remoting()
                .invoke(&addr, req, self.instance.timeout())
                .await
            {
                Ok(r) if r.code == response::SUCCESS => {}
                Ok(r) => tracing::debug!(%broker, "unlock refused: {:?}", r.remark),
                Err(e) => tracing::debug!(%broker, "unlock failed: {e}"),
            }
        }
    }

    /// Lets go of a queue: its task stops once the message in hand is
    /// answered, then the offset is written and only then the lock released,
    /// so the next owner starts where this one stopped.
    fn release(self: &Arc<Self>, mq: MessageQueue, t: QueueTask) {
        t.state.dropped.store(true, Ordering::Release);
        t.cancel.cancel();
        let inner = self.clone();
        let releasing = tokio::spawn(async move {
            let _ = t.handle.await;
            let queues = std::slice::from_ref(&mq);
            let _ = inner.offsets.persist(&inner.instance, queues, true).await;
            inner.offsets.remove(&mq);
            if inner.locking() && t.state.locked.load(Ordering::Acquire) {
                inner.unlock(queues).await;
            }
            tracing::debug!(queue = ?mq, "queue released");
        });
        let mut pending = self.kind.releasing.lock().unwrap();
        pending.retain(|h| !h.is_finished());
        pending.push(releasing);
    }

    /// Sends a message that failed too often back to the retry topic, as
    /// Java's orderly consumer does: a plain send with the reconsume counts
    /// (the same message a concurrent consumer falls back to), which the
    /// broker moves to the DLQ once they are used up.
    async fn send_back(&self, msg: &MessageExt, max: i32) -> ClientResult<()> {
        let producer = self
            .kind
            .producer
            .get_or_init(|| {
                Producer::with_instance(
                    self.instance.clone(),
                    ProducerConfig {
                        group: INNER_PRODUCER_GROUP.into(),
                        send_timeout: self.instance.timeout(),
                        ..Default::default()
                    },
                )
            })
            .as_ref()
            .map_err(|e| ClientError::InvalidConfig(e.to_string()))?;
        // Java's orderly consumer sends the message as its listener saw it:
        // a retried one under its original topic.
        let mut seen = msg.clone();
        if let Some(original) = msg.property(property::RETRY_TOPIC) {
            seen.topic = original.to_string();
        }
        let back = fallback_message(&seen, self.group(), max);
        producer.send(&back).await.map(|_| ())
    }
}

/// Owns one queue until cancelled: gets its lock, then pulls and hands out
/// its messages one at a time, in queue order.
async fn consume_queue(
    inner: Arc<Inner>,
    mq: MessageQueue,
    state: Arc<QueueState>,
    cancel: CancellationToken,
) {
    let queue_slice = std::slice::from_ref(&mq);
    // Own it first: the broker's lock, then where the group is on it.
    if inner.locking() {
        loop {
            match inner.lock(queue_slice).await {
                Ok(granted) if granted.contains(&mq) => {
                    state.set_locked(true, crate::util::now_millis());
                    break;
                }
                Ok(_) => tracing::debug!(queue = ?mq, "lock refused, asking again"),
                Err(e) => tracing::debug!(queue = ?mq, "lock failed: {e}"),
            }
            if !pause(&cancel, LOCK_RETRY).await {
                return;
            }
        }
    }
    let mut next = loop {
        match inner.start_offset(&mq).await {
            Ok(o) => break o,
            Err(e) => tracing::warn!(queue = ?mq, "cannot find where to start: {e}"),
        }
        if !pause(&cancel, BACKOFF).await {
            return;
        }
    };
    inner.offsets.update(&mq, next, false);
    tracing::debug!(queue = ?mq, start = next, "queue locked");

    let sub = inner.subscription(&mq.topic);
    let mut buffer: VecDeque<MessageExt> = VecDeque::new();
    while !cancel.is_cancelled() {
        if buffer.is_empty() {
            match inner.pull(&mq, &sub, next, &cancel).await {
                Some(Ok(result)) => match result.status {
                    PullStatus::Found => {
                        next = result.next_begin_offset;
                        buffer.extend(
                            result
                                .messages
                                .into_iter()
                                .filter(|m| sub.matches_tags(m.tags())),
                        );
                        if buffer.is_empty() {
                            inner.offsets.update(&mq, next, true);
                        }
                    }
                    PullStatus::NoNewMsg | PullStatus::NoMatchedMsg => {
                        next = result.next_begin_offset;
                        inner.offsets.update(&mq, next, true);
                    }
                    PullStatus::OffsetIllegal => {
                        let corrected = result.next_begin_offset;
                        inner.offset_illegal(&mq, next, corrected).await;
                        next = corrected;
                    }
                },
                Some(Err(e)) => {
                    inner.pull_failed(&mq, &e).await;
                    if !pause(&cancel, BACKOFF).await {
                        break;
                    }
                }
                None => break,
            }
            continue;
        }
        // Hand out the head only while the lock is ours (ConsumeRequest's checks).
        if inner.locking() && !state.lock_fresh(crate::util::now_millis()) {
            match inner.lock(queue_slice).await {
                Ok(granted) if granted.contains(&mq) => {
                    state.set_locked(true, crate::util::now_millis());
                }
                _ => {
                    state.set_locked(false, 0);
                    if !pause(&cancel, LOCK_RETRY).await {
                        break;
                    }
                    continue;
                }
            }
        }
        if state.dropped.load(Ordering::Acquire) {
            break;
        }
        let Some(head) = buffer.front() else {
            continue;
        };
        let mut message = head.clone();
        if let Some(original) = message.property(property::RETRY_TOPIC) {
            message.topic = original.to_string();
        }
        let (reply, answer) = oneshot::channel();
        let delivery = OrderlyDelivery {
            message,
            mq: mq.clone(),
            reply,
        };
        tokio::select! {
            _ = cancel.cancelled() => break,
            sent = inner.kind.tx.send(delivery) => if sent.is_err() { break },
        }
        // Once handed out, wait for the answer even when the queue is being
        // released: the next owner must not start before it comes. Only a
        // consumer shutdown stops waiting.
        let status = tokio::select! {
            _ = inner.stop.cancelled() => break,
            a = answer => a.ok(),
        };
        match status {
            Some(Status::Success) => {
                buffer.pop_front();
                let committable = buffer.front().map_or(next, |m| m.queue_offset);
                inner.offsets.update(&mq, committable, true);
            }
            Some(Status::Suspend) => {
                let Some(head) = buffer.front_mut() else {
                    continue;
                };
                let max = inner.kind.max_reconsume_times;
                if let Some(max) = max.filter(|m| head.reconsume_times >= *m) {
                    match inner.send_back(head, max).await {
                        Ok(()) => {
                            buffer.pop_front();
                            let committable = buffer.front().map_or(next, |m| m.queue_offset);
                            inner.offsets.update(&mq, committable, true);
                            continue;
                        }
                        Err(e) => tracing::warn!(queue = ?mq, "send back failed: {e}"),
                    }
                }
                head.reconsume_times += 1;
                if !pause(&cancel, inner.kind.suspend_current_queue_time).await {
                    break;
                }
            }
            // Dropped unanswered: offered again (the queue is not paused for it).
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_is_trusted_for_thirty_seconds_after_its_renewal() {
        let s = QueueState::default();
        assert!(!s.lock_fresh(0), "never locked");
        s.set_locked(true, 1_000);
        assert!(s.lock_fresh(1_000));
        assert!(s.lock_fresh(31_000));
        assert!(!s.lock_fresh(31_001));
        s.set_locked(true, 30_000);
        assert!(s.lock_fresh(31_001), "renewed");
        s.set_locked(false, 40_000);
        assert!(!s.lock_fresh(40_000), "the broker refused the renewal");
    }

    fn message() -> MessageExt {
        MessageExt {
            topic: "T".into(),
            queue_id: 1,
            broker_name: "b".into(),
            queue_offset: 0,
            commit_log_offset: 0,
            flag: 0,
            sys_flag: 0,
            born_timestamp: 0,
            born_host: "127.0.0.1:1".parse().unwrap(),
            store_timestamp: 0,
            store_host: "127.0.0.1:2".parse().unwrap(),
            reconsume_times: 0,
            properties: String::new(),
            body: bytes::Bytes::new(),
        }
    }

    #[test]
    fn deliveries_answer_their_queue() {
        let (tx, mut rx) = oneshot::channel();
        let d = OrderlyDelivery {
            message: message(),
            mq: MessageQueue::new("T", "b", 1),
            reply: tx,
        };
        assert_eq!(d.queue().queue_id, 1);
        d.suspend();
        assert_eq!(rx.try_recv().unwrap(), Status::Suspend);
        let (tx, mut rx) = oneshot::channel();
        let d = OrderlyDelivery {
            message: message(),
            mq: MessageQueue::new("T", "b", 1),
            reply: tx,
        };
        d.ack();
        assert_eq!(rx.try_recv().unwrap(), Status::Success);
    }
}
