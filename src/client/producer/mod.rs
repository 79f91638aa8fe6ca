//! The producer (Java's DefaultMQProducer): sends messages sync, async or
//! oneway, one at a time or in batches, to a queue chosen round robin among
//! the brokers that have not failed recently, retrying on another broker
//! after failures that another broker may not have. Topics that do not exist
//! yet are sent with TBW102's route so the broker creates them.
//!
//! Bodies are sent as they are: unlike Java's producer, bodies over 4 KiB are
//! not zlib-compressed (every consumer reads both).

pub mod fault;
pub mod policy;
mod request_reply;
pub mod selector;
pub mod transaction;

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::Bytes;
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

use super::error::{ClientError, ClientResult};
use super::instance::{ClientConfig, ClientInstance, ROUTE_REFRESH};
use super::message::{MAX_MESSAGE_SIZE, Message, SendResult, validate_topic};
use super::route::{AUTO_CREATE_TOPIC_KEY, DEFAULT_TOPIC_QUEUE_NUMS, TopicPublishInfo};
use crate::protocol::admin::MessageQueue;
use crate::protocol::header::SendMessageResponseHeader;
use crate::protocol::message::{REPLY_MESSAGE_FLAG, property, sysflag, uniq_id};
use crate::protocol::topic::RETRY_GROUP_TOPIC_PREFIX;
use crate::remoting::code::request;
use crate::remoting::{ExtFields, HeaderStr, RemotingCommand};
use fault::FaultTolerance;
use selector::{MessageQueueSelector, SelectMessageQueueByHash};

/// The producer group Java uses when none is given.
pub const DEFAULT_PRODUCER_GROUP: &str = "DEFAULT_PRODUCER";

/// Settings of a producer.
#[derive(Clone, Debug)]
pub struct ProducerConfig {
    pub group: String,
    /// The time one send (all its attempts) may take.
    pub send_timeout: Duration,
    /// Extra attempts on another broker after a retryable failure.
    pub retries: u32,
    /// Async sends in flight at most; `send_async` waits for a slot.
    pub max_in_flight: usize,
    /// The queue count asked for when the broker creates a topic.
    pub default_topic_queue_nums: i32,
}

impl Default for ProducerConfig {
    fn default() -> Self {
        ProducerConfig {
            group: DEFAULT_PRODUCER_GROUP.to_string(),
            send_timeout: Duration::from_secs(3),
            retries: policy::SEND_ATTEMPTS - 1,
            max_in_flight: 1024,
            default_topic_queue_nums: DEFAULT_TOPIC_QUEUE_NUMS,
        }
    }
}

/// A message (or batch) ready for the wire: everything but the queue.
struct Prepared {
    topic: String,
    code: i32,
    flag: i32,
    /// TRANSACTION_PREPARED_TYPE for a half message (TRAN_MSG=true), as Java's producer sets it.
    sys_flag: i32,
    /// Shared with each attempt's request rather than copied into it.
    properties: Option<HeaderStr>,
    body: Bytes,
    /// UNIQ_KEY ids, comma-joined for a batch.
    msg_id: String,
    /// The header's reconsumeTimes and maxReconsumeTimes: for `%RETRY%` topics, taken from the
    /// RECONSUME_TIME and MAX_RECONSUME_TIMES properties (a consumer's own send-back), as Java's
    /// producer does, so the broker counts the attempt.
    reconsume_times: i32,
    max_reconsume_times: Option<i32>,
}

/// Sends messages. Cheap to clone; clones share everything.
#[derive(Clone)]
pub struct Producer {
    inner: Arc<Inner>,
}

struct Inner {
    instance: Arc<ClientInstance>,
    owns_instance: bool,
    config: ProducerConfig,
    /// The group and the queue count as send header values, made once.
    group_header: HeaderStr,
    queue_nums_header: HeaderStr,
    publish: Mutex<HashMap<String, Publish, foldhash::fast::RandomState>>,
    faults: FaultTolerance,
    in_flight: Arc<Semaphore>,
}

/// A topic's publish queues, the answer for every send until `fresh_until` passes or the
/// instance's routes change (`version`).
struct Publish {
    info: Arc<TopicPublishInfo>,
    fresh_until: Instant,
    version: u64,
}

/// The result of an async send, resolved when the broker answers.
pub struct SendFuture(JoinHandle<ClientResult<SendResult>>);

impl Future for SendFuture {
    type Output = ClientResult<SendResult>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0)
            .poll(cx)
            .map(|r| r.unwrap_or(Err(ClientError::Shutdown)))
    }
}

impl Producer {
    /// A producer with its own client instance.
    pub fn new(client: &ClientConfig, config: ProducerConfig) -> ClientResult<Self> {
        let instance = ClientInstance::new(client)?;
        Self::build(instance, true, config)
    }

    /// A producer sharing `instance` (its client id, connections, routes).
    pub fn with_instance(
        instance: Arc<ClientInstance>,
        config: ProducerConfig,
    ) -> ClientResult<Self> {
        Self::build(instance, false, config)
    }

    fn build(
        instance: Arc<ClientInstance>,
        owns: bool,
        config: ProducerConfig,
    ) -> ClientResult<Self> {
        if config.group.is_empty() {
            return Err(ClientError::InvalidConfig(
                "the producer group is empty".into(),
            ));
        }
        instance.register_producer(&config.group);
        Ok(Producer {
            inner: Arc::new(Inner {
                instance,
                owns_instance: owns,
                in_flight: Arc::new(Semaphore::new(config.max_in_flight.max(1))),
                group_header: HeaderStr::from(config.group.as_str()),
                queue_nums_header: HeaderStr::from(config.default_topic_queue_nums.to_string()),
                config,
                publish: Mutex::default(),
                faults: FaultTolerance::default(),
            }),
        })
    }

    pub fn instance(&self) -> &Arc<ClientInstance> {
        &self.inner.instance
    }

    /// Sends and waits for the broker's answer, retrying on another broker.
    pub async fn send(&self, msg: &Message) -> ClientResult<SendResult> {
        let prepared = prepare_one(msg)?;
        self.inner.send_with_retries(&prepared).await
    }

    /// Starts a send and returns its future once a slot is free: at most
    /// `max_in_flight` async sends are in flight, so a fast caller waits
    /// here instead of queueing without bound.
    pub async fn send_async(&self, msg: &Message) -> ClientResult<SendFuture> {
        let prepared = prepare_one(msg)?;
        self.spawn(prepared).await
    }

    /// Sends without waiting for an answer (no retries); returns the msgId.
    pub async fn send_oneway(&self, msg: &Message) -> ClientResult<String> {
        let prepared = prepare_one(msg)?;
        self.inner.send_oneway(&prepared).await?;
        Ok(prepared.msg_id)
    }

    /// Sends to the queue `selector` picks for `arg` among the topic's write
    /// queues, and waits for the answer. Not retried on another queue (that
    /// would break the order the selector is there for), as Java's
    /// `send(msg, selector, arg)`.
    pub async fn send_select(
        &self,
        msg: &Message,
        selector: &dyn MessageQueueSelector,
        arg: &str,
    ) -> ClientResult<SendResult> {
        let prepared = prepare_one(msg)?;
        self.inner.send_selected(&prepared, selector, arg).await
    }

    /// Sends so that every message with `sharding_key` lands on the same
    /// queue (SelectMessageQueueByHash): ordered per key for orderly consumers.
    pub async fn send_orderly(
        &self,
        msg: &Message,
        sharding_key: &str,
    ) -> ClientResult<SendResult> {
        self.send_select(msg, &SelectMessageQueueByHash, sharding_key)
            .await
    }

    /// Sends messages of one topic as one SEND_BATCH_MESSAGE.
    pub async fn send_batch(&self, msgs: &[Message]) -> ClientResult<SendResult> {
        let prepared = prepare_batch(msgs)?;
        self.inner.send_with_retries(&prepared).await
    }

    /// `send_batch`, async with the same back-pressure as `send_async`.
    pub async fn send_batch_async(&self, msgs: &[Message]) -> ClientResult<SendFuture> {
        let prepared = prepare_batch(msgs)?;
        self.spawn(prepared).await
    }

    /// `send_batch` without waiting for an answer; returns the msgIds, comma-joined.
    pub async fn send_batch_oneway(&self, msgs: &[Message]) -> ClientResult<String> {
        let prepared = prepare_batch(msgs)?;
        self.inner.send_oneway(&prepared).await?;
        Ok(prepared.msg_id)
    }

    async fn spawn(&self, prepared: Prepared) -> ClientResult<SendFuture> {
        let permit = self
            .inner
            .in_flight
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ClientError::Shutdown)?;
        let inner = self.inner.clone();
        Ok(SendFuture(tokio::spawn(async move {
            let result = inner.send_with_retries(&prepared).await;
            drop(permit);
            result
        })))
    }

    /// Waits for the async sends in flight, unregisters the group from the
    /// brokers and, when the instance is the producer's own, closes it.
    pub async fn shutdown(&self) {
        let all = self.inner.config.max_in_flight.max(1) as u32;
        let _ = tokio::time::timeout(
            self.inner.config.send_timeout * 2,
            self.inner.in_flight.acquire_many(all),
        )
        .await;
        self.inner.in_flight.close();
        self.inner
            .instance
            .unregister_producer(&self.inner.config.group)
            .await;
        if self.inner.owns_instance {
            self.inner.instance.close();
        }
    }
}

fn prepare_one(msg: &Message) -> ClientResult<Prepared> {
    msg.validate()?;
    // A UNIQ_KEY already set (a message sent again, e.g. back to its retry topic) is kept,
    // as Java's MessageClientIDSetter does.
    let msg_id = match msg.properties.get(property::UNIQ_KEY) {
        Some(id) if !id.is_empty() => id.clone(),
        _ => uniq_id::create(crate::util::now_millis()),
    };
    let mut reconsume_times = 0;
    let mut max_reconsume_times = None;
    let properties = if msg.topic.starts_with(RETRY_GROUP_TOPIC_PREFIX) {
        let mut m = msg.clone();
        if let Some(n) = m.properties.remove(property::RECONSUME_TIME) {
            reconsume_times = n.parse().unwrap_or(0);
        }
        if let Some(n) = m.properties.remove(property::MAX_RECONSUME_TIMES) {
            max_reconsume_times = n.parse().ok();
        }
        m.encode_properties(&msg_id)
    } else {
        msg.encode_properties(&msg_id)
    };
    // A reply (MSG_TYPE=reply) goes with SEND_REPLY_MESSAGE_V2 so that the broker pushes it to
    // the requester, and a half message carries the prepared sysflag: Java picks both from the
    // message's properties the same way.
    let code = match msg.properties.get(property::MESSAGE_TYPE) {
        Some(t) if t == REPLY_MESSAGE_FLAG => request::SEND_REPLY_MESSAGE_V2,
        _ => request::SEND_MESSAGE_V2,
    };
    let sys_flag = match msg.properties.get(property::TRANSACTION_PREPARED) {
        Some(v) if v.eq_ignore_ascii_case("true") => sysflag::TRANSACTION_PREPARED_TYPE,
        _ => sysflag::TRANSACTION_NOT_TYPE,
    };
    Ok(Prepared {
        topic: msg.topic.clone(),
        code,
        flag: msg.flag,
        sys_flag,
        properties: Some(HeaderStr::from(properties)),
        body: msg.body.clone(),
        msg_id,
        reconsume_times,
        max_reconsume_times,
    })
}

/// Room for a batch entry's fixed fields and usual properties besides its body.
const BATCH_ENTRY_ROOM: usize = 160;

fn prepare_batch(msgs: &[Message]) -> ClientResult<Prepared> {
    let Some(first) = msgs.first() else {
        return Err(ClientError::InvalidMessage("the batch is empty".into()));
    };
    validate_topic(&first.topic)?;
    if first.topic.starts_with("%RETRY%") {
        return Err(ClientError::InvalidMessage(
            "retry topics cannot be sent in batches".into(),
        ));
    }
    // One buffer for the body and one for the ids: no allocation per message. Each entry's
    // properties are written straight into the body, its lengths filled in after.
    let mut body: Vec<u8> =
        Vec::with_capacity(msgs.iter().map(|m| m.body.len() + BATCH_ENTRY_ROOM).sum());
    let mut ids = String::with_capacity(msgs.len() * (uniq_id::LEN + 1));
    let mut new_ids = uniq_id::Ids::new(crate::util::now_millis(), msgs.len());
    for m in msgs {
        if m.topic != first.topic {
            return Err(ClientError::InvalidMessage(format!(
                "a batch must have one topic, not '{}' and '{}'",
                first.topic, m.topic
            )));
        }
        m.validate_content()?;
        let id = new_ids.next_id();
        // Hex digits: ASCII.
        let id = std::str::from_utf8(&id).unwrap_or_default();
        if !ids.is_empty() {
            ids.push(',');
        }
        ids.push_str(id);
        let at = body.len();
        // Total size, magic and body CRC (0: the broker works them out), flag, body.
        body.extend_from_slice(&[0; 12]);
        body.extend_from_slice(&m.flag.to_be_bytes());
        body.extend_from_slice(&(m.body.len() as i32).to_be_bytes());
        body.extend_from_slice(&m.body);
        let props_at = body.len() + 2;
        body.extend_from_slice(&[0; 2]);
        m.put_batch_properties(&mut body, id);
        let props_len = (body.len() - props_at) as i16;
        body[props_at - 2..props_at].copy_from_slice(&props_len.to_be_bytes());
        let total = (body.len() - at) as i32;
        body[at..at + 4].copy_from_slice(&total.to_be_bytes());
    }
    if body.len() > MAX_MESSAGE_SIZE {
        return Err(ClientError::InvalidMessage(format!(
            "the batch is {} bytes, more than the limit of {MAX_MESSAGE_SIZE}",
            body.len()
        )));
    }
    Ok(Prepared {
        topic: first.topic.clone(),
        code: request::SEND_BATCH_MESSAGE,
        flag: 0,
        sys_flag: 0,
        properties: None,
        body: Bytes::from(body),
        msg_id: ids,
        reconsume_times: 0,
        max_reconsume_times: None,
    })
}

impl Inner {
    /// The publish queues of `topic`: its route's, or TBW102's while the
    /// topic does not exist (re-checked after ROUTE_REFRESH).
    async fn publish_info(&self, topic: &str) -> ClientResult<Arc<TopicPublishInfo>> {
        // Read first: a route that changes while this call looks it up leaves the entry
        // made from it stale, so the next send looks again.
        let version = self.instance.routes_version();
        // A topic sent with TBW102's route is looked up again only once its time is up
        // (each look-up of a topic that does not exist asks the name server).
        if let Some(p) = self.publish.lock().unwrap().get(topic)
            && (p.version == version || p.info.from_default_topic)
            && Instant::now() < p.fresh_until
        {
            return Ok(p.info.clone());
        }
        let (info, fresh_until) = match self.instance.route_until(topic).await {
            Ok((route, until)) => {
                let same = self.publish.lock().unwrap().get(topic).and_then(|p| {
                    (!p.info.from_default_topic && Arc::ptr_eq(&p.info.route, &route))
                        .then(|| p.info.clone())
                });
                match same {
                    Some(info) => (info, until),
                    None => (Arc::new(TopicPublishInfo::from_route(topic, route)), until),
                }
            }
            Err(ClientError::TopicNotFound(_)) => {
                let route = match self.instance.route(AUTO_CREATE_TOPIC_KEY).await {
                    Ok(r) => r,
                    Err(ClientError::TopicNotFound(_)) => {
                        return Err(ClientError::TopicNotFound(topic.to_string()));
                    }
                    Err(e) => return Err(e),
                };
                let info = TopicPublishInfo::from_default_route(
                    topic,
                    route,
                    self.config.default_topic_queue_nums,
                );
                (Arc::new(info), Instant::now() + ROUTE_REFRESH)
            }
            Err(e) => return Err(e),
        };
        if info.queues.is_empty() {
            return Err(ClientError::InvalidConfig(format!(
                "topic '{topic}' has no writable queue on a broker with a master"
            )));
        }
        self.publish.lock().unwrap().insert(
            topic.to_string(),
            Publish {
                info: info.clone(),
                fresh_until,
                version,
            },
        );
        Ok(info)
    }

    fn forget_route(&self, topic: &str) {
        self.publish.lock().unwrap().remove(topic);
        self.instance.expire_route(topic);
    }

    async fn send_with_retries(&self, p: &Prepared) -> ClientResult<SendResult> {
        let deadline = Instant::now() + self.config.send_timeout;
        let attempts = 1 + self.config.retries;
        let mut last_broker: Option<String> = None;
        let mut last_error = None;
        let mut made = 0;
        for _ in 0..attempts {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            let info = match self.publish_info(&p.topic).await {
                Ok(i) => i,
                Err(e) => {
                    made += 1;
                    let retry = policy::is_retryable(&e);
                    last_error = Some(e);
                    if retry {
                        continue;
                    }
                    break;
                }
            };
            let avoid =
                |b: &str| last_broker.as_deref() == Some(b) || !self.faults.is_available(b, now);
            let Some(i) = info.select(avoid) else {
                break;
            };
            let mq = &info.queues[i];
            made += 1;
            match self.send_to_queue(p, &info, i, deadline - now).await {
                Ok(r) => {
                    self.faults.record_success(&mq.broker_name);
                    return Ok(r);
                }
                Err(e) => {
                    tracing::debug!(broker = %mq.broker_name, queue = mq.queue_id, "send failed: {e}");
                    if policy::refreshes_route(&e) {
                        self.forget_route(&p.topic);
                    }
                    if !policy::is_retryable(&e) {
                        last_error = Some(e);
                        break;
                    }
                    self.faults.record_failure(&mq.broker_name, Instant::now());
                    last_error = Some(e);
                    last_broker = Some(mq.broker_name.clone());
                }
            }
        }
        let last = last_error.unwrap_or_else(|| {
            ClientError::Remoting(crate::remoting::RemotingError::Timeout {
                addr: p.topic.clone(),
                millis: self.config.send_timeout.as_millis(),
            })
        });
        Err(ClientError::SendFailed {
            topic: p.topic.clone(),
            attempts: made,
            last: Box::new(last),
        })
    }

    async fn send_selected(
        &self,
        p: &Prepared,
        selector: &dyn MessageQueueSelector,
        arg: &str,
    ) -> ClientResult<SendResult> {
        let started = Instant::now();
        let info = self.publish_info(&p.topic).await?;
        let i = selector
            .select(&info.queues, arg)
            .and_then(|mq| {
                // A selector answers with one of the queues it is given.
                (info.queues.iter().position(|q| std::ptr::eq(q, mq)))
                    .or_else(|| info.queues.iter().position(|q| q == mq))
            })
            .ok_or_else(|| {
                ClientError::InvalidConfig(format!(
                    "the queue selector chose no queue of topic '{}'",
                    p.topic
                ))
            })?;
        let mq = &info.queues[i];
        let left = self.config.send_timeout.saturating_sub(started.elapsed());
        let result = self.send_to_queue(p, &info, i, left).await;
        match &result {
            Ok(_) => self.faults.record_success(&mq.broker_name),
            Err(e) => {
                if policy::refreshes_route(e) {
                    self.forget_route(&p.topic);
                }
            }
        }
        result
    }

    /// The send of `p` to publish queue `i` of `info`: SEND_MESSAGE_V2's fields (Java's
    /// SendMessageRequestHeaderV2, `a` to `n`) written in key order straight into extFields,
    /// from values made once per producer, route or message where they can be.
    fn request(&self, p: &Prepared, info: &TopicPublishInfo, i: usize) -> RemotingCommand {
        let target = &info.targets[i];
        let is_batch = p.code == request::SEND_BATCH_MESSAGE;
        let mut entries: Vec<(HeaderStr, HeaderStr)> = Vec::with_capacity(14);
        let mut put = |key: &'static str, value: HeaderStr| {
            entries.push((HeaderStr::from_static(key), value));
        };
        put("a", self.group_header.clone());
        put("b", info.topic_header.clone());
        put("c", HeaderStr::from_static(AUTO_CREATE_TOPIC_KEY));
        put("d", self.queue_nums_header.clone());
        put("e", target.queue_id.clone());
        put("f", int_header(p.sys_flag as i64));
        put("g", int_header(crate::util::now_millis()));
        put("h", int_header(p.flag as i64));
        if let Some(properties) = &p.properties {
            put("i", properties.clone());
        }
        put("j", int_header(p.reconsume_times as i64));
        put("k", bool_header(false));
        if let Some(max) = p.max_reconsume_times {
            put("l", int_header(max as i64));
        }
        put("m", bool_header(is_batch));
        put("n", target.broker_name.clone());
        let mut cmd = RemotingCommand::request(p.code).with_body(p.body.clone());
        cmd.ext_fields = ExtFields::from_entries(entries);
        cmd
    }

    async fn send_to_queue(
        &self,
        p: &Prepared,
        info: &TopicPublishInfo,
        i: usize,
        timeout: Duration,
    ) -> ClientResult<SendResult> {
        let resp = self
            .instance
            .remoting()
            .invoke(
                &info.targets[i].master_addr,
                self.request(p, info, i),
                timeout,
            )
            .await?;
        let Some(status) = policy::send_status(resp.code) else {
            return Err(ClientError::response("send", &resp));
        };
        let h = resp.decode_header::<SendMessageResponseHeader>()?;
        Ok(SendResult {
            status,
            msg_id: p.msg_id.clone(),
            offset_msg_id: h.msg_id,
            queue: MessageQueue::new(
                p.topic.clone(),
                info.queues[i].broker_name.clone(),
                h.queue_id,
            ),
            queue_offset: h.queue_offset,
        })
    }

    async fn send_oneway(&self, p: &Prepared) -> ClientResult<()> {
        let info = self.publish_info(&p.topic).await?;
        let now = Instant::now();
        let i = info
            .select(|b| !self.faults.is_available(b, now))
            .ok_or_else(|| ClientError::TopicNotFound(p.topic.clone()))?;
        let result = self
            .instance
            .remoting()
            .invoke_oneway(
                &info.targets[i].master_addr,
                self.request(p, &info, i),
                self.config.send_timeout,
            )
            .await;
        if result.is_err() {
            self.faults
                .record_failure(&info.queues[i].broker_name, Instant::now());
        }
        Ok(result?)
    }
}

/// A header's decimal number, as Java prints it; the usual zero without an allocation.
fn int_header(n: i64) -> HeaderStr {
    if n == 0 {
        return HeaderStr::from_static("0");
    }
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut v = n.unsigned_abs();
    while v > 0 {
        at -= 1;
        buf[at] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    let mut s = String::with_capacity(buf.len() - at + 1);
    if n < 0 {
        s.push('-');
    }
    // Only ASCII digits were written.
    s.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
    HeaderStr::from(s)
}

fn bool_header(b: bool) -> HeaderStr {
    HeaderStr::from_static(if b { "true" } else { "false" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::message::{batch, property_value};

    #[test]
    fn batches_carry_each_message_with_its_own_id() {
        let msgs = [
            Message::new("T", "a").with_tags("TagA"),
            Message::new("T", "bb").with_keys(["k"]),
        ];
        let p = prepare_batch(&msgs).unwrap();
        assert_eq!(p.code, request::SEND_BATCH_MESSAGE);
        let entries = batch::decode(&p.body).unwrap();
        assert_eq!(entries.len(), 2);
        let ids: Vec<_> = p.msg_id.split(',').collect();
        assert_eq!(ids.len(), 2);
        assert_eq!(entries[0].body, b"a");
        assert_eq!(property_value(entries[0].properties, "TAGS"), Some("TagA"));
        assert_eq!(
            property_value(entries[0].properties, "UNIQ_KEY"),
            Some(ids[0])
        );
        assert_eq!(property_value(entries[1].properties, "KEYS"), Some("k"));
        assert_eq!(
            property_value(entries[1].properties, "UNIQ_KEY"),
            Some(ids[1])
        );
        // What a single send carries, but WAIT.
        for (m, (e, id)) in msgs.iter().zip(entries.iter().zip(&ids)) {
            let single = m.encode_properties(id);
            let without_wait = single.replace("\u{2}WAIT\u{1}true", "");
            assert_eq!(e.properties, without_wait);
            assert_eq!(e.flag, m.flag);
        }

        assert!(prepare_batch(&[]).is_err());
        let mixed = [Message::new("T", "a"), Message::new("U", "b")];
        assert!(prepare_batch(&mixed).is_err());
        assert!(prepare_batch(&[Message::new("%RETRY%g", "a")]).is_err());
    }

    #[test]
    fn single_sends_use_v2_headers_like_the_java_client() {
        let p = prepare_one(&Message::new("TopicTest", "hi").with_tags("TagA")).unwrap();
        assert_eq!(p.code, request::SEND_MESSAGE_V2);
        assert_eq!(p.msg_id.len(), 32);
        assert_eq!(
            property_value(p.properties.as_deref().unwrap(), "UNIQ_KEY"),
            Some(p.msg_id.as_str())
        );
    }

    /// The publish queues of `topic` on one broker, "broker-a", with `queues` write queues.
    fn one_broker(topic: &str, queues: i32) -> TopicPublishInfo {
        use crate::protocol::route::{BrokerData, QueueData, TopicRouteData};
        let mut a = BrokerData::new("c", "broker-a");
        a.broker_addrs.insert(0, "127.0.0.1:10911".into());
        let route = TopicRouteData {
            broker_datas: vec![a],
            queue_datas: vec![QueueData {
                broker_name: "broker-a".into(),
                perm: 6,
                read_queue_nums: queues,
                write_queue_nums: queues,
                topic_sys_flag: 0,
            }],
            ..Default::default()
        };
        TopicPublishInfo::from_route(topic, Arc::new(route))
    }

    #[tokio::test]
    async fn request_headers_are_what_the_typed_v2_header_writes() {
        use crate::protocol::header::{SendMessageRequestHeader, SendMessageRequestHeaderV2};
        let producer = Producer::new(
            &ClientConfig::new("127.0.0.1:1"),
            ProducerConfig {
                group: "g\"roup".into(),
                default_topic_queue_nums: 16,
                ..Default::default()
            },
        )
        .unwrap();
        let info = one_broker("T", 4);
        let cases = [
            prepare_one(
                &Message::new("T", "x")
                    .with_tags("A")
                    .with_keys(["k1", "k2"]),
            )
            .unwrap(),
            prepare_one(&Message::new("%RETRY%g", "x").with_property("MAX_RECONSUME_TIMES", "7"))
                .unwrap(),
            prepare_one(&Message::new("T", "x").with_property("TRAN_MSG", "true")).unwrap(),
            prepare_batch(&[Message::new("T", "a"), Message::new("T", "b")]).unwrap(),
        ];
        for (n, p) in cases.iter().enumerate() {
            let ours = producer.inner.request(p, &info, 3);
            let born = ours.ext_fields["g"].parse().unwrap();
            let typed: SendMessageRequestHeaderV2 = SendMessageRequestHeader {
                producer_group: "g\"roup".into(),
                topic: "T".into(),
                default_topic: "TBW102".into(),
                default_topic_queue_nums: 16,
                queue_id: 3,
                sys_flag: p.sys_flag,
                born_timestamp: born,
                flag: p.flag,
                properties: p.properties.clone(),
                reconsume_times: Some(p.reconsume_times),
                unit_mode: Some(false),
                batch: Some(p.code == request::SEND_BATCH_MESSAGE),
                max_reconsume_times: p.max_reconsume_times,
                broker_name: Some("broker-a".into()),
            }
            .into();
            let expected = RemotingCommand::request(p.code)
                .with_header(&typed)
                .with_body(p.body.clone());
            assert_eq!(ours, expected, "case {n}");
        }
    }

    #[tokio::test]
    async fn request_header_fields() {
        let producer = Producer::new(
            &ClientConfig::new("127.0.0.1:1"),
            ProducerConfig {
                group: "g".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let p = prepare_one(&Message::new("TopicTest", "hi").with_tags("TagA")).unwrap();
        let req = producer.inner.request(&p, &one_broker("TopicTest", 4), 3);
        let ext = &req.ext_fields;
        assert_eq!(req.code, 310);
        assert_eq!(ext["a"], "g");
        assert_eq!(ext["b"], "TopicTest");
        assert_eq!(ext["c"], "TBW102");
        assert_eq!(ext["d"], "4");
        assert_eq!(ext["e"], "3");
        assert_eq!(ext["f"], "0");
        assert_eq!(ext["h"], "0");
        assert_eq!(ext["j"], "0");
        assert_eq!(ext["k"], "false");
        assert_eq!(ext["m"], "false");
        assert_eq!(ext["n"], "broker-a");
        assert!(ext["i"].contains("TAGS\u{1}TagA"));
        assert_eq!(&req.body[..], b"hi");
    }

    #[tokio::test]
    async fn a_send_to_a_retry_topic_carries_the_attempt_in_the_header() {
        let producer =
            Producer::new(&ClientConfig::new("127.0.0.1:1"), Default::default()).unwrap();
        let msg = Message::new("%RETRY%g", "hi")
            .with_property("UNIQ_KEY", "U1")
            .with_property("RECONSUME_TIME", "3")
            .with_property("MAX_RECONSUME_TIMES", "5")
            .with_property("RETRY_TOPIC", "TopicTest");
        let p = prepare_one(&msg).unwrap();
        assert_eq!(p.msg_id, "U1", "an id already given is kept");
        let props = p.properties.as_deref().unwrap();
        assert_eq!(props.matches("UNIQ_KEY").count(), 1);
        assert_eq!(property_value(props, "RECONSUME_TIME"), None);
        assert_eq!(property_value(props, "MAX_RECONSUME_TIMES"), None);
        assert_eq!(property_value(props, "RETRY_TOPIC"), Some("TopicTest"));
        let req = producer.inner.request(&p, &one_broker("%RETRY%g", 1), 0);
        assert_eq!(req.ext_fields["j"], "3");
        assert_eq!(req.ext_fields["l"], "5");
        // Elsewhere these are only properties.
        let p = prepare_one(&Message::new("T", "x").with_property("RECONSUME_TIME", "3")).unwrap();
        assert_eq!(p.reconsume_times, 0);
        assert_eq!(
            property_value(p.properties.as_deref().unwrap(), "RECONSUME_TIME"),
            Some("3")
        );
    }

    #[tokio::test]
    async fn unreachable_name_server_fails_after_the_attempts() {
        let producer = Producer::new(
            &ClientConfig::new("127.0.0.1:1"),
            ProducerConfig {
                send_timeout: Duration::from_secs(2),
                ..Default::default()
            },
        )
        .unwrap();
        let err = producer
            .send(&Message::new("TopicTest", "x"))
            .await
            .unwrap_err();
        assert!(matches!(err, ClientError::SendFailed { .. }), "{err}");
        let err = producer
            .send(&Message::new("bad topic", "x"))
            .await
            .unwrap_err();
        assert!(matches!(err, ClientError::InvalidMessage(_)), "{err}");
    }
}
