//! Consumer retries and dead letters (RocketMQ's consumerSendMsgBack): a consumer that failed a
//! message sends it back by commit log offset; the broker loads it, counts the attempt and
//! stores a copy in the group's retry topic `%RETRY%<group>` with a delay level (the schedule
//! service holds it back for that level's time), or, once the group's attempts are used up or
//! the consumer asks for it, in the group's dead-letter queue `%DLQ%<group>`. Both topics are
//! created here on demand. The copy keeps what the consumer must see again: body, flag, keys,
//! tags, UNIQ_KEY (the id the producer saw), born host and time, sysflag; RETRY_TOPIC and
//! ORIGIN_MESSAGE_ID say where it first came from.

use super::Broker;
use crate::protocol::message::{
    RecordRef, decode_record_ref, offset_msg_id, property, push_property,
};
use crate::protocol::perm;
use crate::protocol::topic::{dlq_topic, retry_topic};
use crate::remoting::code::response;
use crate::store::ha::ReplicaStatus;
use crate::store::{AppendMessage, AppendedMessage, PutStatus};

/// Clients older than this (V3_4_9) carry no maxReconsumeTimes: the group's retryMaxTimes counts.
pub const VERSION_WITH_MAX_RECONSUME_TIMES: i32 = 121;
/// Queues of a group's dead-letter topic (RocketMQ's DLQ_NUMS_PER_GROUP).
pub const DLQ_NUMS_PER_GROUP: i32 = 1;
/// The first delay level of a retry when the consumer leaves it to the broker: level
/// 3 + reconsumeTimes (10 s, 30 s, 1 m, ... with the default messageDelayLevel).
pub const FIRST_RETRY_DELAY_LEVEL: i32 = 3;

/// A send-back request, as CONSUMER_SEND_MSG_BACK's header carries it.
#[derive(Clone, Debug)]
pub struct SendBack<'a> {
    /// Commit log offset of the message consumed.
    pub offset: i64,
    pub group: &'a str,
    /// 0: the broker decides (3 + reconsumeTimes); < 0: straight to the dead-letter queue.
    pub delay_level: i32,
    /// The client's limit, honoured for clients of V3_4_9 and later (`client_version`).
    pub max_reconsume_times: Option<i32>,
    /// The request's version (RocketMQ's MQVersion ordinal).
    pub client_version: i32,
}

/// Why a send-back was not stored: RocketMQ's response code and a remark for the client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub code: i32,
    pub remark: String,
}

impl Refusal {
    fn new(code: i32, remark: impl Into<String>) -> Self {
        Refusal {
            code,
            remark: remark.into(),
        }
    }
}

/// What a send-back stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendBackOutcome {
    /// Stored in `topic` (the retry topic or the dead-letter queue).
    Stored {
        topic: String,
        queue_id: i32,
        dead_letter: bool,
    },
    /// The group keeps no retries (retryQueueNums 0): accepted and dropped, as RocketMQ does.
    Dropped,
}

/// The copy to store for a consumed message sent back: everything but where it goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restore {
    /// To the dead-letter queue rather than the retry topic.
    pub dead_letter: bool,
    /// The delay level stored as DELAY: 0 for a dead letter.
    pub delay_level: i32,
    pub reconsume_times: i32,
    pub properties: String,
}

/// What to re-store for `loaded` (the message as it lies in the commit log, whose offset
/// message id is `loaded_msg_id`) after a failed attempt: RocketMQ's rules, without I/O.
/// `max_reconsume_times` is the limit that applies (the client's or the group's).
pub fn restore(
    loaded: &RecordRef<'_>,
    loaded_msg_id: &str,
    delay_level: i32,
    max_reconsume_times: i32,
) -> Restore {
    let dead_letter = loaded.reconsume_times >= max_reconsume_times || delay_level < 0;
    let delay_level = if dead_letter {
        0
    } else if delay_level == 0 {
        FIRST_RETRY_DELAY_LEVEL + loaded.reconsume_times
    } else {
        delay_level
    };
    let mut out = String::with_capacity(loaded.properties.len() + 96);
    let mut push = |k: &str, v: &str| push_property(&mut out, k, v);
    let mut retry_topic_kept = false;
    let mut origin_kept = false;
    for (k, v) in crate::protocol::message::properties_iter(loaded.properties) {
        match k {
            // Replaced below; WAIT is not stored (as for a send).
            property::DELAY | property::WAIT_STORE_MSG_OK => continue,
            property::RETRY_TOPIC => retry_topic_kept = true,
            property::ORIGIN_MESSAGE_ID if !v.trim().is_empty() => origin_kept = true,
            property::ORIGIN_MESSAGE_ID => continue,
            _ => {}
        }
        push(k, v);
    }
    if !retry_topic_kept {
        push(property::RETRY_TOPIC, loaded.topic);
    }
    if !origin_kept {
        push(property::ORIGIN_MESSAGE_ID, loaded_msg_id);
    }
    // RocketMQ stores DELAY=0 on a dead letter too: it overrides the level of the last retry.
    push(property::DELAY, &delay_level.to_string());
    Restore {
        dead_letter,
        delay_level,
        reconsume_times: loaded.reconsume_times.saturating_add(1),
        properties: out,
    }
}

/// Serves a send-back: loads the message at `req.offset`, stores its copy in the group's retry
/// topic or dead-letter queue, and waits until the copy is as durable as a send's.
pub async fn send_back(b: &Broker, req: &SendBack<'_>) -> Result<SendBackOutcome, Refusal> {
    if !b.config.is_master() {
        // A slave's store refuses the put; RocketMQ answers with the store status's name.
        return Err(Refusal::new(
            response::SYSTEM_ERROR,
            "SERVICE_NOT_AVAILABLE",
        ));
    }
    let Some(group) = b.groups.find_or_create(req.group) else {
        return Err(Refusal::new(
            response::SUBSCRIPTION_GROUP_NOT_EXIST,
            format!("subscription group not exist, {}", req.group),
        ));
    };
    if !perm::is_writeable(b.permission()) {
        return Err(Refusal::new(
            response::NO_PERMISSION,
            format!(
                "the broker[{}] sending message is forbidden",
                b.config.broker_ip1
            ),
        ));
    }
    if group.retry_queue_nums <= 0 {
        return Ok(SendBackOutcome::Dropped);
    }
    let retry = retry_topic(req.group);
    let (retry_config, created) = create_topic(b, &retry, group.retry_queue_nums)?;
    if !perm::is_writeable(retry_config.perm) {
        return Err(Refusal::new(
            response::NO_PERMISSION,
            format!("the topic[{retry}] sending message is forbidden"),
        ));
    }
    let record = match req.offset {
        o if o >= 0 => b.store.get_message_by_offset(o),
        _ => None,
    };
    let Some(record) = record else {
        return Err(Refusal::new(
            response::SYSTEM_ERROR,
            format!(
                "look message by offset failed, {}: no message starts at this commit log offset",
                req.offset
            ),
        ));
    };
    let loaded = decode_record_ref(&record).map_err(|e| {
        Refusal::new(
            response::SYSTEM_ERROR,
            format!("look message by offset failed, {}: {e}", req.offset),
        )
    })?;
    let max = match req.max_reconsume_times {
        Some(m) if req.client_version >= VERSION_WITH_MAX_RECONSUME_TIMES => m,
        _ => group.retry_max_times,
    };
    let loaded_id = offset_msg_id(&loaded.store_host, loaded.physical_offset);
    let plan = restore(&loaded, &loaded_id, req.delay_level, max);

    let (topic, queue_id, created) = if plan.dead_letter {
        let dlq = dlq_topic(req.group);
        let (_, dlq_created) = create_topic(b, &dlq, DLQ_NUMS_PER_GROUP)?;
        let queue_id = rand::random_range(0..DLQ_NUMS_PER_GROUP);
        tracing::info!(
            group = req.group,
            topic = property_or(&loaded, property::RETRY_TOPIC),
            msg_id = property_or(&loaded, property::UNIQ_KEY),
            reconsume_times = loaded.reconsume_times,
            "message sent to the dead-letter queue {dlq}"
        );
        (dlq, queue_id, created || dlq_created)
    } else {
        let queues = group
            .retry_queue_nums
            .min(retry_config.write_queue_nums)
            .max(1);
        (retry, rand::random_range(0..queues), created)
    };
    if created {
        // Consumers (and admin tools) find a topic created here at once, as after a send.
        b.register_now().await;
    }
    let msg = AppendMessage {
        reconsume_times: plan.reconsume_times,
        ..AppendMessage::copy_of(&loaded, &topic, queue_id, &plan.properties, b.store_host)
    };
    let appended = store_retry(b, msg)?;
    let end = appended.physical_offset + appended.wrote_bytes as i64;
    match b.wait_durable(end).await {
        // A SYNC_MASTER answers only once a slave has the copy, as RocketMQ's putMessage
        // (handleHA) does: the consumer commits past the original on that answer, so a copy
        // lost with the master would be a message lost.
        Ok(PutStatus::PutOk) => match b.wait_replicated(end).await {
            ReplicaStatus::Replicated => Ok(SendBackOutcome::Stored {
                topic,
                queue_id,
                dead_letter: plan.dead_letter,
            }),
            ReplicaStatus::FlushSlaveTimeout => {
                Err(Refusal::new(response::SYSTEM_ERROR, "FLUSH_SLAVE_TIMEOUT"))
            }
            ReplicaStatus::SlaveNotAvailable => {
                Err(Refusal::new(response::SYSTEM_ERROR, "SLAVE_NOT_AVAILABLE"))
            }
        },
        // RocketMQ answers anything but PUT_OK with SYSTEM_ERROR and the status; the client
        // then sends the message to the retry topic itself.
        Ok(PutStatus::FlushDiskTimeout) => {
            Err(Refusal::new(response::SYSTEM_ERROR, "FLUSH_DISK_TIMEOUT"))
        }
        Err(e) => Err(Refusal::new(response::SYSTEM_ERROR, e.to_string())),
    }
}

/// Stores the copy of a sent-back message (the retry topic with DELAY, or the dead-letter
/// queue with DELAY=0).
fn store_retry(b: &Broker, msg: AppendMessage<'_>) -> Result<AppendedMessage, Refusal> {
    // A retry waits its delay level in SCHEDULE_TOPIC_XXXX (a dead letter has DELAY=0).
    let rerouted = crate::broker::schedule::reroute(
        b,
        msg.topic,
        msg.queue_id,
        msg.properties,
        crate::util::now_millis(),
    )
    .map_err(|r| Refusal::new(r.code, r.remark))?;
    let msg = match &rerouted {
        Some(r) => AppendMessage {
            topic: &r.topic,
            queue_id: r.queue_id,
            properties: &r.properties,
            ..msg
        },
        None => msg,
    };
    b.append(&msg).map_err(|e| {
        let code = match e {
            crate::store::StoreError::DiskFull { .. }
            | crate::store::StoreError::ShutDown
            | crate::store::StoreError::NotWritable { .. } => response::SERVICE_NOT_AVAILABLE,
            _ => response::SYSTEM_ERROR,
        };
        Refusal::new(code, format!("storing the message sent back failed: {e}"))
    })
}

/// The topic, created read-write with `queues` queues if missing (RocketMQ's
/// createTopicInSendMessageBackMethod); whether it was created.
fn create_topic(
    b: &Broker,
    topic: &str,
    queues: i32,
) -> Result<(crate::protocol::topic_config::TopicConfig, bool), Refusal> {
    let existed = b.topics.contains(topic);
    let config = b
        .topics
        .get_or_create_system(topic, queues.max(1))
        .map_err(|e| {
            Refusal::new(
                response::SYSTEM_ERROR,
                format!("topic[{topic}] not exist: {e}"),
            )
        })?;
    if !existed {
        tracing::info!(
            "created {topic} with {} queue(s) for a send-back",
            queues.max(1)
        );
        b.topics_changed();
    }
    Ok((config, !existed))
}

fn property_or<'a>(m: &RecordRef<'a>, name: &str) -> &'a str {
    crate::protocol::message::property_value(m.properties, name).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::message::property_value;
    use crate::store::message::AppendMessage;

    fn stored(topic: &str, props: &str, reconsume_times: i32) -> Vec<u8> {
        let m = AppendMessage {
            topic,
            queue_id: 1,
            flag: 7,
            body: b"payload",
            properties: props,
            sys_flag: 0,
            born_timestamp: 1_700_000_000_000,
            born_host: "10.0.0.1:5555".parse().unwrap(),
            store_host: "10.0.0.2:10911".parse().unwrap(),
            reconsume_times,
            prepared_transaction_offset: 0,
        };
        let mut buf = vec![0u8; m.record_len()];
        m.encode_into(&mut buf, 3, 4096, 1_700_000_000_001);
        buf
    }

    const ORIGINAL: &str =
        "KEYS\u{1}k1 k2\u{2}UNIQ_KEY\u{1}U1\u{2}WAIT\u{1}true\u{2}TAGS\u{1}TagA\u{2}CLUSTER\u{1}C";

    #[test]
    fn a_first_failure_goes_to_the_retry_topic_at_level_3() {
        let buf = stored("TopicTest", ORIGINAL, 0);
        let m = decode_record_ref(&buf).unwrap();
        let r = restore(&m, "OFFSETID", 0, 16);
        assert!(!r.dead_letter);
        assert_eq!(r.delay_level, 3);
        assert_eq!(r.reconsume_times, 1);
        let p = r.properties.as_str();
        assert_eq!(property_value(p, "RETRY_TOPIC"), Some("TopicTest"));
        assert_eq!(property_value(p, "ORIGIN_MESSAGE_ID"), Some("OFFSETID"));
        assert_eq!(property_value(p, "DELAY"), Some("3"));
        assert_eq!(property_value(p, "UNIQ_KEY"), Some("U1"));
        assert_eq!(property_value(p, "KEYS"), Some("k1 k2"));
        assert_eq!(property_value(p, "TAGS"), Some("TagA"));
        assert_eq!(property_value(p, "WAIT"), None);
    }

    #[test]
    fn a_retry_keeps_where_it_came_from_and_counts_up() {
        let props = "UNIQ_KEY\u{1}U1\u{2}TAGS\u{1}TagA\u{2}RETRY_TOPIC\u{1}TopicTest\u{2}\
                     ORIGIN_MESSAGE_ID\u{1}FIRST\u{2}DELAY\u{1}4";
        let buf = stored("%RETRY%g", props, 2);
        let m = decode_record_ref(&buf).unwrap();
        let r = restore(&m, "SECOND", 0, 16);
        assert_eq!(
            (r.dead_letter, r.delay_level, r.reconsume_times),
            (false, 5, 3)
        );
        let p = r.properties.as_str();
        assert_eq!(property_value(p, "RETRY_TOPIC"), Some("TopicTest"));
        assert_eq!(property_value(p, "ORIGIN_MESSAGE_ID"), Some("FIRST"));
        assert_eq!(property_value(p, "DELAY"), Some("5"));
        assert_eq!(p.matches("DELAY").count(), 1, "{p:?}");
        // The consumer's own level wins over 3 + reconsumeTimes.
        assert_eq!(restore(&m, "SECOND", 1, 16).delay_level, 1);
    }

    #[test]
    fn used_up_attempts_or_a_negative_level_make_a_dead_letter() {
        let buf = stored(
            "%RETRY%g",
            "UNIQ_KEY\u{1}U1\u{2}RETRY_TOPIC\u{1}T\u{2}DELAY\u{1}18",
            16,
        );
        let m = decode_record_ref(&buf).unwrap();
        let r = restore(&m, "X", 0, 16);
        assert!(r.dead_letter);
        assert_eq!((r.delay_level, r.reconsume_times), (0, 17));
        assert_eq!(property_value(&r.properties, "DELAY"), Some("0"));
        assert_eq!(property_value(&r.properties, "RETRY_TOPIC"), Some("T"));
        assert_eq!(
            property_value(&r.properties, "ORIGIN_MESSAGE_ID"),
            Some("X")
        );
        // Below the limit, but the consumer asks for the dead-letter queue.
        let buf = stored("TopicTest", ORIGINAL, 0);
        let m = decode_record_ref(&buf).unwrap();
        assert!(restore(&m, "X", -1, 16).dead_letter);
        // A limit of 0: the first failure is the last.
        assert!(restore(&m, "X", 0, 0).dead_letter);
        assert!(!restore(&m, "X", 0, 1).dead_letter);
    }

    #[test]
    fn a_blank_origin_id_is_replaced() {
        let buf = stored("T", "UNIQ_KEY\u{1}U1\u{2}ORIGIN_MESSAGE_ID\u{1} ", 0);
        let m = decode_record_ref(&buf).unwrap();
        let r = restore(&m, "NEW", 0, 16);
        assert_eq!(
            property_value(&r.properties, "ORIGIN_MESSAGE_ID"),
            Some("NEW")
        );
        assert_eq!(r.properties.matches("ORIGIN_MESSAGE_ID").count(), 1);
    }
}
