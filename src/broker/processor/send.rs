//! SEND_MESSAGE (10), SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320), as
//! steps later features extend rather than one function: decode, check
//! (RocketMQ's msgCheck: broker and topic permissions, topic names, queue ids,
//! auto-creation from TBW102), choose the target (retry topics that turn into
//! dead-letter queues, half messages through `transaction::half_target`, delay levels and
//! delivery times through `schedule::reroute`),
//! build the stored messages, append (`Broker::append`),
//! wait until durable, answer.

use std::sync::Arc;

use super::Outcome;
use crate::broker::Broker;
use crate::broker::append::end_offset;
use crate::broker::schedule;
use crate::broker::transaction;
use crate::protocol::header::{
    SendMessageRequestHeader, SendMessageRequestHeaderV2, SendMessageResponseHeader,
};
use crate::protocol::message::{
    OFFSET_MSG_ID_MAX_LEN, batch, hex8, properties_iter, property, property_value,
    push_offset_msg_id,
};
use crate::protocol::perm;
use crate::protocol::route::APPLY_TOPIC_HINT;
use crate::protocol::topic::{
    DLQ_GROUP_TOPIC_PREFIX, RETRY_GROUP_TOPIC_PREFIX, dlq_topic, is_not_allowed_send_topic,
    validate_topic_name,
};
use crate::protocol::topic_config::TopicConfig;
use crate::remoting::code::{request, response};
use crate::remoting::{Connection, ExtFields, HeaderStr, RemotingCommand, RemotingError};
use crate::store::ha::ReplicaStatus;
use crate::store::message::find_byte;
use crate::store::message::{BatchMessage, tags_code};
use crate::store::{AppendMessage, AppendedMessage, PutStatus, StoreError};

/// Clients older than this (V3_4_9) carry no maxReconsumeTimes.
const VERSION_WITH_MAX_RECONSUME_TIMES: i32 = 121;

pub async fn send_message(
    b: &Arc<Broker>,
    conn: &Arc<Connection>,
    req: &RemotingCommand,
) -> Outcome {
    let header = decode(req)?;
    let (_, queue_id, created) = match check(b, conn, &header) {
        Ok(ok) => ok,
        Err(refusal) => return Ok(refusal),
    };
    if created {
        // As RocketMQ does: the name servers learn of a topic created by this
        // send before the producer hears back, so consumers find it at once.
        b.register_now().await;
    }
    let target = match choose_target(b, req, &header, queue_id) {
        Ok(target) => target,
        Err(refusal) => return Ok(refusal),
    };
    let appended = if req.code == request::SEND_BATCH_MESSAGE || header.batch == Some(true) {
        append_batch(b, conn, req, &header, &target)
    } else {
        append_one(b, conn, req, &header, &target)
    };
    let appended = match appended {
        Ok(appended) => appended,
        Err(refusal) => return Ok(refusal),
    };
    let status = match b.wait_durable(end_offset(&appended)).await {
        Ok(status) => status,
        Err(e) => return Ok(store_error_response(b, &e)),
    };
    // Only a SYNC_MASTER waits for its slave, and not for a producer that does not wait for
    // the store (WAIT=false), as RocketMQ's isWaitStoreMsgOK: the property scan stays off
    // every other broker's send path.
    let waits = b.config.broker_role == crate::broker::BrokerRole::SyncMaster
        && !properties_iter(header.properties.as_deref().unwrap_or(""))
            .any(|(k, v)| k == property::WAIT_STORE_MSG_OK && v == "false");
    let replica = if waits {
        b.wait_replicated(end_offset(&appended)).await
    } else {
        ReplicaStatus::Replicated
    };
    Ok(answer(b, status, replica, &target, &appended))
}

/// The request header, whichever of the two forms it came in.
fn decode(req: &RemotingCommand) -> Result<SendMessageRequestHeader, RemotingError> {
    if req.code == request::SEND_MESSAGE {
        req.decode_header()
    } else {
        req.decode_header::<SendMessageRequestHeaderV2>()
            .map(Into::into)
    }
}

/// Where a send's messages are stored: the request's topic, or where RocketMQ redirects it
/// (a dead-letter queue, a delay level's schedule topic, the timer topic, the half topic).
struct Target {
    topic: HeaderStr,
    queue_id: i32,
    /// The client's properties as rerouting rewrote them (a single message only).
    properties: Option<String>,
    /// The queue the response names: a delayed message's own queue, as RocketMQ answers.
    reply_queue_id: i32,
    /// The sysflag to store instead of the request's (a half message's is reset).
    sys_flag: Option<i32>,
    /// A half message's UNIQ_KEY, answered as its transactionId (as RocketMQ 5 does).
    transaction_id: Option<String>,
}

/// The message as stored, but for body, flag and properties, which a batch sets per entry.
fn base_message<'a>(
    b: &Broker,
    conn: &Connection,
    req: &'a RemotingCommand,
    h: &SendMessageRequestHeader,
    target: &'a Target,
) -> AppendMessage<'a> {
    AppendMessage {
        topic: &target.topic,
        queue_id: target.queue_id,
        flag: h.flag,
        body: &req.body,
        properties: "",
        sys_flag: target.sys_flag.unwrap_or(h.sys_flag),
        born_timestamp: h.born_timestamp,
        born_host: conn.peer(),
        store_host: b.store_host,
        reconsume_times: h.reconsume_times.unwrap_or(0),
        prepared_transaction_offset: 0,
    }
}

/// Builds and appends a single message.
fn append_one(
    b: &Broker,
    conn: &Connection,
    req: &RemotingCommand,
    h: &SendMessageRequestHeader,
    target: &Target,
) -> Result<Vec<AppendedMessage>, RemotingCommand> {
    let own = match &target.properties {
        Some(rerouted) => rerouted,
        None => h.properties.as_deref().unwrap_or(""),
    };
    let props = store_properties(own, "", &b.config.broker_cluster_name);
    let msg = AppendMessage {
        properties: &props,
        ..base_message(b, conn, req, h, target)
    };
    match b.append(&msg) {
        Ok(one) => Ok(vec![one]),
        Err(e) => Err(store_error_response(b, &e)),
    }
}

/// Decodes a batch body into its messages and appends them.
fn append_batch(
    b: &Broker,
    conn: &Connection,
    req: &RemotingCommand,
    h: &SendMessageRequestHeader,
    target: &Target,
) -> Result<Vec<AppendedMessage>, RemotingCommand> {
    let Some(entries) = batch::decode(&req.body) else {
        return Err(RemotingCommand::error(
            response::MESSAGE_ILLEGAL,
            "the batch body is malformed",
        ));
    };
    if entries.is_empty() {
        return Err(RemotingCommand::error(
            response::MESSAGE_ILLEGAL,
            "the batch is empty",
        ));
    }
    let batch_props = h.properties.as_deref().unwrap_or("");
    schedule::check_batch([batch_props]).map_err(refused)?;
    let cluster = &b.config.broker_cluster_name;
    // Every entry's stored properties in one string: one allocation per batch, not per message.
    let mut all_props = String::with_capacity(
        entries.len() * (batch_props.len() + cluster.len() + 10)
            + entries.iter().map(|e| e.properties.len()).sum::<usize>(),
    );
    let mut found = Vec::with_capacity(entries.len());
    // The batch's own properties, as every entry stores them after its own: worked out once.
    let mut batch_tail = String::with_capacity(batch_props.len());
    let batch_tags = push_store_properties_without_cluster(&mut batch_tail, batch_props).tags;
    for e in &entries {
        // The one pass over an entry's properties also spots a delay or timer property; only
        // then is the entry checked the way a batch's are (a refusal, in entry order).
        let scan = push_entry_properties(&mut all_props, e.properties, &batch_tail, cluster);
        if scan.may_delay {
            schedule::check_batch([e.properties]).map_err(refused)?;
        }
        // The batch's TAGS come after the entry's: the last one counts.
        found.push((all_props.len(), tags_code(batch_tags.or(scan.tags))));
    }
    let mut start = 0;
    let stored: Vec<BatchMessage> = entries
        .iter()
        .zip(&found)
        .map(|(e, &(end, tags_code))| {
            let properties = &all_props[start..end];
            start = end;
            BatchMessage {
                flag: e.flag,
                body: e.body,
                properties,
                tags_code,
            }
        })
        .collect();
    let base = base_message(b, conn, req, h, target);
    let mut appended = Vec::with_capacity(stored.len());
    match b.append_batch_entries(&base, &stored, &mut appended) {
        Ok(()) => Ok(appended),
        Err(e) => Err(store_error_response(b, &e)),
    }
}

/// The response to a stored send: its status, and the offset message ids of what was stored.
fn answer(
    b: &Broker,
    status: PutStatus,
    replica: ReplicaStatus,
    target: &Target,
    appended: &[AppendedMessage],
) -> RemotingCommand {
    let code = match (replica, status) {
        (ReplicaStatus::SlaveNotAvailable, _) => response::SLAVE_NOT_AVAILABLE,
        (ReplicaStatus::FlushSlaveTimeout, _) => response::FLUSH_SLAVE_TIMEOUT,
        (ReplicaStatus::Replicated, PutStatus::PutOk) => response::SUCCESS,
        (ReplicaStatus::Replicated, PutStatus::FlushDiskTimeout) => response::FLUSH_DISK_TIMEOUT,
    };
    let msg_id = offset_msg_ids(&b.store_host, appended);
    let mut answer = RemotingCommand::response(code, None);
    answer.ext_fields = ExtFields::with_capacity(6);
    answer.ext_fields.insert(
        HeaderStr::from_static(property::MSG_REGION),
        b.region_id_ext.clone(),
    );
    answer.ext_fields.insert(
        HeaderStr::from_static(property::TRACE_SWITCH),
        HeaderStr::from_static(if b.config.trace_on { "true" } else { "false" }),
    );
    answer.with_header_owned(SendMessageResponseHeader {
        msg_id,
        queue_id: target.reply_queue_id,
        queue_offset: appended.first().map_or(0, |a| a.queue_offset),
        transaction_id: target.transaction_id.clone(),
    })
}

/// The offset message ids of `appended`, comma-separated as RocketMQ answers a batch. Ids
/// differ only in their last 16 hex digits (the physical offset): the store host's part is
/// written once.
fn offset_msg_ids(store_host: &std::net::SocketAddr, appended: &[AppendedMessage]) -> String {
    const OFFSET_DIGITS: usize = 16;
    let mut ids = String::with_capacity(appended.len() * (OFFSET_MSG_ID_MAX_LEN + 1));
    let Some((first, rest)) = appended.split_first() else {
        return ids;
    };
    push_offset_msg_id(&mut ids, store_host, first.physical_offset);
    if rest.is_empty() {
        return ids;
    }
    let mut out = ids.into_bytes();
    let host_part = out.len() - OFFSET_DIGITS;
    for a in rest {
        out.push(b',');
        out.extend_from_within(..host_part);
        let v = a.physical_offset as u64;
        out.extend_from_slice(&hex8((v >> 32) as u32));
        out.extend_from_slice(&hex8(v as u32));
    }
    // Only ASCII was written.
    String::from_utf8(out).unwrap_or_default()
}

/// The properties a message is stored with: the client's, without WAIT
/// (no need to store it), plus the batch's and the broker's CLUSTER.
fn store_properties(own: &str, batch: &str, cluster: &str) -> String {
    let mut out = String::with_capacity(own.len() + batch.len() + cluster.len() + 10);
    push_store_properties(&mut out, own, batch, cluster);
    out
}

/// Appends `store_properties(own, batch, cluster)` to `all`; what the walk over `own` found.
fn push_store_properties<'a>(
    all: &mut String,
    own: &'a str,
    batch: &str,
    cluster: &str,
) -> Found<'a> {
    let mut batch_tail = String::with_capacity(batch.len());
    push_store_properties_without_cluster(&mut batch_tail, batch);
    push_entry_properties(all, own, &batch_tail, cluster)
}

/// What the walk over a message's properties that copies them for storing found.
#[derive(Debug, Default, PartialEq, Eq)]
struct Found<'a> {
    /// A property that may ask for a delay (DELAY, or a delivery time: TIMER_DELAY_SEC,
    /// TIMER_DELAY_MS, TIMER_DELIVER_MS, __STARTDELIVERTIME), which a batch must not have.
    may_delay: bool,
    /// The last TAGS value: the consume queue's tags code is its hash.
    tags: Option<&'a str>,
}

/// `push_store_properties` with the batch's part already made by
/// `push_store_properties_without_cluster`.
fn push_entry_properties<'a>(
    all: &mut String,
    own: &'a str,
    batch_tail: &str,
    cluster: &str,
) -> Found<'a> {
    let start = all.len();
    let found = push_store_properties_without_cluster(all, own);
    let separate = |all: &mut String| {
        if all.len() > start {
            all.push(property::PROPERTY_SEPARATOR);
        }
    };
    if !batch_tail.is_empty() {
        separate(all);
        all.push_str(batch_tail);
    }
    separate(all);
    all.push_str(property::CLUSTER);
    all.push(property::NAME_VALUE_SEPARATOR);
    all.push_str(cluster);
    found
}

/// Appends the well-formed properties of `props` but WAIT and CLUSTER to `all`, separated, the
/// first without a separator; returns what it found on the way (see `Found`). Properties kept
/// side by side are copied together: a client's usual properties are one or two copies, not
/// three pushes each.
fn push_store_properties_without_cluster<'a>(all: &mut String, props: &'a str) -> Found<'a> {
    const SEP: u8 = property::PROPERTY_SEPARATOR as u8;
    const NV: u8 = property::NAME_VALUE_SEPARATOR as u8;
    let start = all.len();
    let mut found = Found::default();
    let b = props.as_bytes();
    // The kept segments not copied yet, props[run.0..run.1]; consecutive in `props`.
    let mut run = (0, 0);
    let flush = |all: &mut String, (from, to): (usize, usize)| {
        if to > from {
            if all.len() > start {
                all.push(property::PROPERTY_SEPARATOR);
            }
            // Both ends are at ASCII separators or the string's ends.
            all.push_str(&props[from..to]);
        }
    };
    let mut seg = 0;
    while seg < b.len() {
        let end = find_byte(SEP, &b[seg..]).map_or(b.len(), |i| seg + i);
        // As properties_iter: a segment of 3 bytes or more, with a name and a value.
        let name_end = if end - seg >= 3 {
            find_byte(NV, &b[seg..end])
                .map(|i| seg + i)
                .filter(|&i| i > seg && i + 1 < end)
        } else {
            None
        };
        if let Some(i) = name_end {
            let k = &b[seg..i];
            let keep = match k.len() {
                4 if k == property::WAIT_STORE_MSG_OK.as_bytes() => false,
                4 if k == property::TAGS.as_bytes() => {
                    found.tags = Some(&props[i + 1..end]);
                    true
                }
                7 => k != property::CLUSTER.as_bytes(),
                _ => {
                    found.may_delay |= k == property::DELAY.as_bytes()
                        || k == property::START_DELIVER_TIME.as_bytes()
                        || k.starts_with(b"TIMER_DEL");
                    true
                }
            };
            if keep {
                if run.1 > run.0 && run.1 + 1 == seg {
                    run.1 = end;
                } else {
                    flush(all, run);
                    run = (seg, end);
                }
            }
        }
        seg = end + 1;
    }
    flush(all, run);
    found
}

/// Calls `f(name, value)` for the properties `properties_iter` yields, in one pass over the
/// bytes: the send path's property walk, where splitting by char cost more than the rest of
/// building a batch entry.
fn for_each_property<'a>(props: &'a str, mut f: impl FnMut(&'a str, &'a str)) {
    const SEP: u8 = property::PROPERTY_SEPARATOR as u8;
    const NV: u8 = property::NAME_VALUE_SEPARATOR as u8;
    let b = props.as_bytes();
    let mut start = 0;
    while start < b.len() {
        let end = find_byte(SEP, &b[start..]).map_or(b.len(), |i| start + i);
        // As properties_iter: a segment of 3 bytes or more, with a name and a value.
        if end - start >= 3
            && let Some(i) = find_byte(NV, &b[start..end]).map(|i| start + i)
            && i > start
            && i + 1 < end
        {
            // Both separators are ASCII, so these are char boundaries.
            f(&props[start..i], &props[i + 1..end]);
        }
        start = end + 1;
    }
}

/// A slave's store refuses puts (RocketMQ's checkStoreStatus): SERVICE_NOT_AVAILABLE, with the
/// remark SendMessageProcessor gives that status, disk usage included, so that the producer
/// retries another broker.
pub(super) fn slave_refusal(b: &Broker) -> RemotingCommand {
    let root = &b.store.config().store_path_root_dir;
    let used = |dir: &str| 100.0 * crate::store::cleanup::disk_used_ratio(&root.join(dir));
    RemotingCommand::error(
        response::SERVICE_NOT_AVAILABLE,
        format!(
            "service not available now. It may be caused by one of the following reasons: \
             the broker's disk is full [CL: {:5.2} CQ: {:5.2} INDEX: {:5.2}], messages are put \
             to the slave, message store has been shut down, etc.",
            used("commitlog"),
            used("consumequeue"),
            used("index"),
        ),
    )
}

/// RocketMQ's msgCheck: may this message be stored, and in which queue?
pub(super) fn check(
    b: &Broker,
    conn: &Connection,
    h: &SendMessageRequestHeader,
) -> Result<(TopicQueues, i32, bool), RemotingCommand> {
    if !b.config.is_master() {
        return Err(slave_refusal(b));
    }
    if !perm::is_writeable(b.permission()) {
        return Err(RemotingCommand::error(
            response::NO_PERMISSION,
            format!(
                "the broker[{}] sending message is forbidden",
                b.config.broker_ip1
            ),
        ));
    }
    validate_topic_name(&h.topic).map_err(|e| RemotingCommand::error(response::SYSTEM_ERROR, e))?;
    if is_not_allowed_send_topic(&h.topic) {
        return Err(RemotingCommand::error(
            response::NO_PERMISSION,
            format!("Sending message to topic[{}] is forbidden.", h.topic),
        ));
    }
    let mut created = false;
    let queues = |t: &TopicConfig| TopicQueues {
        perm: t.perm,
        read_queue_nums: t.read_queue_nums,
        write_queue_nums: t.write_queue_nums,
    };
    let topic_config = match b.topics.with(&h.topic, queues) {
        Some(t) => t,
        None => {
            created = true;
            create_topic(b, h)
                .map_err(|e| RemotingCommand::error(response::SYSTEM_ERROR, e.to_string()))?
                .ok_or_else(|| {
                    RemotingCommand::error(
                        response::TOPIC_NOT_EXIST,
                        format!(
                            "topic[{}] not exist, apply first please!{APPLY_TOPIC_HINT}",
                            h.topic
                        ),
                    )
                })
                .map(|t| queues(&t))?
        }
    };
    if !perm::is_writeable(topic_config.perm) {
        return Err(RemotingCommand::error(
            response::NO_PERMISSION,
            format!("the topic[{}] sending message is forbidden", h.topic),
        ));
    }
    let queue_nums = topic_config
        .write_queue_nums
        .max(topic_config.read_queue_nums);
    let queue_id = if h.queue_id < 0 {
        rand::random_range(0..topic_config.write_queue_nums.max(1))
    } else {
        h.queue_id
    };
    if queue_id >= queue_nums {
        return Err(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!(
                "request queueId[{queue_id}] is illegal, topic {} has {queue_nums} queues, Producer: {}",
                h.topic,
                conn.peer()
            ),
        ));
    }
    Ok((topic_config, queue_id, created))
}

/// What a send needs of its topic's config.
#[derive(Clone, Copy, Debug)]
pub(super) struct TopicQueues {
    pub perm: i32,
    pub read_queue_nums: i32,
    pub write_queue_nums: i32,
}

/// A topic that does not exist yet: auto-created from the default topic,
/// or for %RETRY% topics from the group's retry queue count.
fn create_topic(
    b: &Broker,
    h: &SendMessageRequestHeader,
) -> crate::store::Result<Option<TopicConfig>> {
    let created = if let Some(group) = h.topic.strip_prefix(RETRY_GROUP_TOPIC_PREFIX) {
        match b.groups.find_or_create(group) {
            Some(g) => Some(
                b.topics
                    .get_or_create_system(&h.topic, g.retry_queue_nums.max(1))?,
            ),
            None => None,
        }
    } else {
        b.topics
            .create_in_send(&h.topic, &h.default_topic, h.default_topic_queue_nums, 0)?
    };
    Ok(created)
}

/// RocketMQ's choice of where a send is stored: for a message sent back to `%RETRY%group`
/// too often, the group's dead-letter queue (not delayed); otherwise where `schedule::reroute`
/// says (a delayed message's level queue, a %RETRY% one's too: that is a client's fallback
/// retry's back-off; a timed message's timer topic), else its own topic and queue. A batch cannot be delayed, as in RocketMQ.
fn choose_target(
    b: &Broker,
    req: &RemotingCommand,
    h: &SendMessageRequestHeader,
    queue_id: i32,
) -> Result<Target, RemotingCommand> {
    let props = h.properties.as_deref().unwrap_or("");
    let plain = || Target {
        topic: h.topic.clone(),
        queue_id,
        properties: None,
        reply_queue_id: queue_id,
        sys_flag: None,
        transaction_id: None,
    };
    if req.code == request::SEND_BATCH_MESSAGE || h.batch == Some(true) {
        // Stored as sent: append_batch refuses a batch that asks for a delay.
        return Ok(plain());
    }
    let own = || -> Result<Target, RemotingCommand> {
        if !may_reroute(props) {
            return Ok(plain());
        }
        if transaction::is_half_message(props, h.reconsume_times.unwrap_or(0)) {
            // A half message waits for its outcome in the half topic, whatever it asks.
            let half = transaction::half_target(props, &h.topic, queue_id, h.sys_flag);
            transaction::ensure_topic(b, half.topic);
            return Ok(Target {
                topic: HeaderStr::from_static(half.topic),
                queue_id: half.queue_id,
                properties: Some(half.properties),
                reply_queue_id: queue_id,
                sys_flag: Some(half.sys_flag),
                transaction_id: property_value(props, property::UNIQ_KEY).map(str::to_string),
            });
        }
        let now = crate::util::now_millis();
        Ok(
            match schedule::reroute(b, &h.topic, queue_id, props, now).map_err(refused)? {
                Some(r) => Target {
                    topic: r.topic.into(),
                    queue_id: r.queue_id,
                    properties: Some(r.properties),
                    reply_queue_id: queue_id,
                    sys_flag: None,
                    transaction_id: None,
                },
                None => plain(),
            },
        )
    };
    let Some(group) = h.topic.strip_prefix(RETRY_GROUP_TOPIC_PREFIX) else {
        return own();
    };
    let Some(group_config) = b.groups.find_or_create(group) else {
        return Err(RemotingCommand::error(
            response::SUBSCRIPTION_GROUP_NOT_EXIST,
            format!("subscription group not exist, {group}"),
        ));
    };
    let max = if req.version >= VERSION_WITH_MAX_RECONSUME_TIMES {
        h.max_reconsume_times
            .unwrap_or(group_config.retry_max_times)
    } else {
        group_config.retry_max_times
    };
    if h.reconsume_times.unwrap_or(0) < max {
        return own();
    }
    let dlq = dlq_topic(group);
    debug_assert!(dlq.starts_with(DLQ_GROUP_TOPIC_PREFIX));
    b.topics
        .get_or_create_system(&dlq, 1)
        .map_err(|e| RemotingCommand::error(response::SYSTEM_ERROR, e.to_string()))?;
    b.topics_changed();
    // RocketMQ sets a dead letter's delay level to 0: it is stored at once, and stays so
    // when an admin re-sends it.
    let properties = match schedule::delay_level_of(props) {
        Ok(None) => None,
        _ => Some(schedule::replace_properties(
            props,
            &[(property::DELAY, "0")],
        )),
    };
    Ok(Target {
        topic: dlq.into(),
        queue_id: 0,
        properties,
        reply_queue_id: 0,
        sys_flag: None,
        transaction_id: None,
    })
}

/// Whether `props` has a property that may send a message elsewhere than its topic: a half
/// message's TRAN_MSG, a delay level, a delivery time. One walk over the properties, so that
/// the plain send (nearly every one) skips the searches for each.
fn may_reroute(props: &str) -> bool {
    let mut found = false;
    for_each_property(props, |k, _| {
        found |= k == property::TRANSACTION_PREPARED
            || k == property::DELAY
            || k == property::START_DELIVER_TIME
            || k.starts_with("TIMER_DEL");
    });
    found
}

fn refused(r: schedule::RerouteRefusal) -> RemotingCommand {
    RemotingCommand::error(r.code, r.remark)
}

fn store_error_response(b: &Broker, e: &StoreError) -> RemotingCommand {
    match e {
        StoreError::MessageTooLarge { .. } | StoreError::BadMessage(_) => {
            RemotingCommand::error(response::MESSAGE_ILLEGAL, e.to_string())
        }
        StoreError::DiskFull { .. } | StoreError::ShutDown => RemotingCommand::error(
            response::SERVICE_NOT_AVAILABLE,
            format!(
                "service not available now, maybe disk full, {e}, broker {}",
                b.config.broker_addr()
            ),
        ),
        // A failed sync: the producer retries on another broker, as for a full disk.
        StoreError::NotWritable { .. } => RemotingCommand::error(
            response::SERVICE_NOT_AVAILABLE,
            format!(
                "service not available now, {e}, broker {}",
                b.config.broker_addr()
            ),
        ),
        other => RemotingCommand::error(response::SYSTEM_ERROR, other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_ids_are_each_message_s_offset_message_id() {
        let at = |physical_offset| AppendedMessage {
            physical_offset,
            queue_offset: 0,
            wrote_bytes: 1,
        };
        for host in ["10.1.2.3:10911", "[fe80::1]:10911"] {
            let host: std::net::SocketAddr = host.parse().unwrap();
            let offsets = [0, 0x1234_5678_9abc, i64::MAX, 4096];
            let appended: Vec<_> = offsets.iter().map(|&o| at(o)).collect();
            let want: Vec<_> = offsets
                .iter()
                .map(|&o| crate::protocol::message::offset_msg_id(&host, o))
                .collect();
            assert_eq!(offset_msg_ids(&host, &appended), want.join(","));
            assert_eq!(offset_msg_ids(&host, &appended[..1]), want[0]);
        }
        assert_eq!(offset_msg_ids(&"1.2.3.4:1".parse().unwrap(), &[]), "");
    }

    #[test]
    fn stored_properties_drop_wait_and_add_cluster() {
        let p = store_properties("TAGS\u{1}A\u{2}WAIT\u{1}true\u{2}KEYS\u{1}k", "", "C");
        assert_eq!(p, "TAGS\u{1}A\u{2}KEYS\u{1}k\u{2}CLUSTER\u{1}C");
        let p = store_properties("UNIQ_KEY\u{1}X", "TAGS\u{1}B", "C");
        assert_eq!(p, "UNIQ_KEY\u{1}X\u{2}TAGS\u{1}B\u{2}CLUSTER\u{1}C");
        // A batch's messages side by side, each starting without a separator.
        let mut all = String::new();
        push_store_properties(&mut all, "", "", "C");
        push_store_properties(&mut all, "TAGS\u{1}A", "WAIT\u{1}false", "C");
        assert_eq!(all, "CLUSTER\u{1}CTAGS\u{1}A\u{2}CLUSTER\u{1}C");
    }

    #[test]
    fn the_property_walk_yields_what_properties_iter_yields() {
        let cases = [
            "",
            "\u{2}",
            "A\u{1}1\u{2}",
            "A\u{1}1\u{2}B\u{1}2",
            "\u{1}x\u{2}ab\u{1}\u{2}k\u{1}v\u{1}w\u{2}\u{2}xy\u{2}K\u{1}V\u{2}",
            "ab\u{1}",
            "a\u{1}b",
            "é\u{1}ü\u{2}TAGS\u{1}ç",
            "\u{1}\u{1}\u{1}",
        ];
        for props in cases.into_iter().chain([
            "WAIT\u{1}true\u{2}A\u{1}1\u{2}B\u{1}2\u{2}CLUSTER\u{1}x\u{2}\u{2}C\u{1}3\u{2}",
            "A\u{1}1\u{2}x\u{2}B\u{1}2\u{2}TAGS\u{1}t\u{1}u\u{2}WAIT\u{1}false",
            "TAGS\u{1}a\u{2}TAGS\u{1}\u{2}TAGS\u{1}b\u{2}CLUSTERX\u{1}c",
        ]) {
            let mut walked = Vec::new();
            for_each_property(props, |k, v| walked.push((k, v)));
            let iterated: Vec<_> = properties_iter(props).collect();
            assert_eq!(walked, iterated, "{props:?}");
            // The copy for storing keeps the same pairs but WAIT and CLUSTER, and finds the
            // last TAGS, whatever was stored before it in the same string.
            let kept: Vec<_> = iterated
                .iter()
                .filter(|(k, _)| *k != property::WAIT_STORE_MSG_OK && *k != property::CLUSTER)
                .map(|(k, v)| format!("{k}\u{1}{v}"))
                .collect();
            for before in ["", "P\u{1}q"] {
                let mut all = before.to_string();
                let found = push_store_properties_without_cluster(&mut all, props);
                assert_eq!(&all[..before.len()], before);
                // Side by side with what came before: this message's first pair unseparated.
                assert_eq!(&all[before.len()..], kept.join("\u{2}"), "{props:?}");
                let last_tags = iterated.iter().rfind(|(k, _)| *k == property::TAGS);
                assert_eq!(found.tags, last_tags.map(|(_, v)| *v), "{props:?}");
            }
        }
    }

    #[test]
    fn only_plain_properties_skip_the_reroute_checks() {
        for props in [
            "TRAN_MSG\u{1}true",
            "A\u{1}1\u{2}DELAY\u{1}3",
            "TIMER_DELAY_SEC\u{1}5",
            "TIMER_DELIVER_MS\u{1}5\u{2}B\u{1}2",
            "__STARTDELIVERTIME\u{1}9",
        ] {
            assert!(may_reroute(props), "{props:?}");
        }
        for props in [
            "",
            "TAGS\u{1}A\u{2}KEYS\u{1}DELAY",
            "XDELAY\u{1}3",
            "DELAY\u{1}",
            "TIMER_OUT_MS\u{1}1",
        ] {
            assert!(!may_reroute(props), "{props:?}");
            // What the checks skipped would have found nothing either.
            assert!(!transaction::is_half_message(props, 0));
            assert_eq!(schedule::delay_level_of(props), Ok(None));
        }
    }

    #[test]
    fn the_property_pass_spots_what_may_delay_a_batch_entry() {
        let mut all = String::new();
        for key in [
            "DELAY",
            "TIMER_DELAY_SEC",
            "TIMER_DELAY_MS",
            "TIMER_DELIVER_MS",
            "__STARTDELIVERTIME",
        ] {
            let own = format!("TAGS\u{1}A\u{2}{key}\u{1}3");
            assert!(
                push_store_properties(&mut all, &own, "", "C").may_delay,
                "{key}"
            );
            // The entry is then checked as a batch's properties are: refused.
            assert!(schedule::check_batch([own.as_str()]).is_err(), "{key}");
        }
        for own in [
            "TAGS\u{1}A",
            "XDELAY\u{1}3\u{2}KEYS\u{1}DELAY",
            "TIMER_OUT_MS\u{1}5",
            "",
        ] {
            assert!(
                !push_store_properties(&mut all, own, "", "C").may_delay,
                "{own:?}"
            );
        }
    }
}
