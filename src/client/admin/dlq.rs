//! A consumer group's dead letters (`%DLQ%<group>`, where the broker puts a
//! message the group failed to consume maxReconsumeTimes times): listing
//! them with the topic they came from, and re-sending chosen ones to that
//! topic with a producer. The dead-letter queue is an append-only log:
//! re-sending copies, it deletes nothing. The results are the serializable
//! views `mq dlq` prints.

use std::collections::BTreeMap;

use serde::Serialize;

use super::AdminClient;
use super::error::{AdminError, AdminResult};
use super::message::MessageView;
use crate::client::error::ClientError;
use crate::client::{Message, Producer};
use crate::protocol::message::{DecodedMessage, property, sysflag};
use crate::protocol::topic::dlq_topic;
use crate::remoting::code::response;

/// RocketMQ 5's record of where a dead letter came from, read when a
/// message has no RETRY_TOPIC.
pub const DLQ_ORIGIN_TOPIC: &str = "DLQ_ORIGIN_TOPIC";

/// Properties a re-sent dead letter leaves behind: the retry and delay
/// bookkeeping (it would send the copy back to the retry or schedule
/// topics), transaction marks, and the ids and flags the producer and
/// broker set afresh for the new message.
const BOOKKEEPING: &[&str] = &[
    property::RETRY_TOPIC,
    property::ORIGIN_MESSAGE_ID,
    property::REAL_TOPIC,
    property::REAL_QUEUE_ID,
    property::DELAY,
    property::MAX_RECONSUME_TIMES,
    property::RECONSUME_TIME,
    property::CONSUME_START_TIMESTAMP,
    property::MIN_OFFSET,
    property::MAX_OFFSET,
    property::UNIQ_KEY,
    property::WAIT_STORE_MSG_OK,
    property::KEYS,
    property::TAGS,
    property::TRANSACTION_PREPARED,
    property::PRODUCER_GROUP,
    property::TRANSACTION_PREPARED_QUEUE_OFFSET,
    property::TRANSACTION_CHECK_TIMES,
    DLQ_ORIGIN_TOPIC,
    "DLQ_ORIGIN_MESSAGE_ID",
    "TIMER_DELIVER_MS",
    "TIMER_DELAY_SEC",
    "TIMER_DELAY_MS",
    "TIMER_DELAY_LEVEL",
    "TIMER_ENQUEUE_MS",
    "TIMER_DEQUEUE_MS",
    "TIMER_ROLL_TIMES",
    "TIMER_OUT_MS",
    "TIMER_DEL_UNIQKEY",
    "__STARTDELIVERTIME",
];

/// One dead letter: the stored message, and where it came from.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeadLetter {
    /// The topic the group failed to consume it from (RETRY_TOPIC, else
    /// DLQ_ORIGIN_TOPIC); null when the message says neither.
    pub original_topic: Option<String>,
    /// The id of the message the group first received (ORIGIN_MESSAGE_ID).
    pub original_msg_id: Option<String>,
    pub broker_name: String,
    #[serde(flatten)]
    pub message: MessageView,
}

impl DeadLetter {
    fn new(broker_name: &str, m: &DecodedMessage) -> DeadLetter {
        DeadLetter {
            original_topic: original_topic(m).map(str::to_string),
            original_msg_id: m.properties.get(property::ORIGIN_MESSAGE_ID).cloned(),
            broker_name: broker_name.to_string(),
            message: MessageView::from(m),
        }
    }
}

/// A group's dead letters, oldest first.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeadLetters {
    pub group: String,
    pub topic: String,
    /// Every message the dead-letter queue holds (not only those listed).
    pub depth: i64,
    pub messages: Vec<DeadLetter>,
}

/// Which dead letters to re-send.
#[derive(Debug, Clone)]
pub enum DeadLetterSelection {
    /// These, by offset message id or unique key (UNIQ_KEY).
    Ids(Vec<String>),
    /// Every one stored at or after `since` (ms; all when `None`), at most `limit`.
    All { since: Option<i64>, limit: usize },
}

/// What became of one re-sent dead letter.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeadLetterResend {
    /// The dead letter's offset message id.
    pub msg_id: String,
    /// Where the copy went (null when no topic was known).
    pub topic: Option<String>,
    pub keys: Option<String>,
    /// The copy's message id (UNIQ_KEY), when the send succeeded.
    pub new_msg_id: Option<String>,
    /// The copy's offset id on the broker that stored it.
    pub new_offset_msg_id: Option<String>,
    /// SEND_OK, ... or null when the send failed.
    pub status: Option<String>,
    /// Why the send failed.
    pub error: Option<String>,
}

impl DeadLetterResend {
    pub fn failed(&self) -> bool {
        self.error.is_some()
    }
}

/// RETRY_TOPIC (RocketMQ 4 and `mq`), else DLQ_ORIGIN_TOPIC (RocketMQ 5).
pub fn original_topic(m: &DecodedMessage) -> Option<&str> {
    m.properties
        .get(property::RETRY_TOPIC)
        .or_else(|| m.properties.get(DLQ_ORIGIN_TOPIC))
        .map(String::as_str)
        .filter(|t| !t.is_empty())
}

/// The message a re-send of dead letter `m` sends to `topic`: its tags,
/// keys, flag, body (inflated if the producer had compressed it) and user
/// properties, without the retry bookkeeping.
pub fn resend_message(m: &DecodedMessage, topic: &str) -> Result<Message, ClientError> {
    let body = if m.sys_flag & sysflag::COMPRESSED != 0 {
        crate::client::message::inflate(&m.body)?
    } else {
        m.body.clone().into()
    };
    let properties: BTreeMap<String, String> = m
        .properties
        .iter()
        .filter(|(k, _)| !BOOKKEEPING.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(Message {
        topic: topic.to_string(),
        tags: m.tags().map(str::to_string),
        keys: m
            .keys()
            .map(|k| {
                k.split(' ')
                    .filter(|k| !k.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        flag: m.flag,
        properties,
        body,
    })
}

impl AdminClient {
    /// `group`'s dead letters stored at or after `since` (ms since the
    /// epoch; all when `None`), oldest first, at most `limit`. A group
    /// without a dead-letter queue has none. A queue the broker refuses to
    /// be read (RocketMQ before 4.9.2 created it write-only) is
    /// `DeadLettersUnreadable`.
    pub async fn list_dead_letters(
        &self,
        group: &str,
        since: Option<i64>,
        limit: usize,
    ) -> AdminResult<DeadLetters> {
        let (depth, records) = self.dead_letter_records(group, since, limit).await?;
        Ok(DeadLetters {
            group: group.to_string(),
            topic: dlq_topic(group),
            depth,
            messages: records
                .iter()
                .map(|(broker, m)| DeadLetter::new(broker, m))
                .collect(),
        })
    }

    /// What `list_dead_letters` lists, as the stored records with their
    /// broker's name, and the depth of the whole queue.
    async fn dead_letter_records(
        &self,
        group: &str,
        since: Option<i64>,
        limit: usize,
    ) -> AdminResult<(i64, Vec<(String, DecodedMessage)>)> {
        let topic = dlq_topic(group);
        let targets = match self.topic_masters(&topic).await {
            Ok(t) => t,
            Err(ClientError::TopicNotFound(_)) => return Ok((0, Vec::new())),
            Err(e) => return Err(e.into()),
        };
        let ranges = match self.topic_status(&topic).await {
            Ok(s) => s.offset_table,
            Err(ClientError::Response { code, .. }) if code == response::TOPIC_NOT_EXIST => {
                return Ok((0, Vec::new()));
            }
            Err(e) => return Err(e.into()),
        };
        let mut found: Vec<(String, DecodedMessage)> = Vec::new();
        for (mq, range) in &ranges {
            let Some(t) = targets.iter().find(|t| t.broker_name == mq.broker_name) else {
                continue;
            };
            let start = match since {
                Some(ts) => self.search_offset(&t.addr, &topic, mq.queue_id, ts).await?,
                None => range.min_offset,
            }
            .max(range.min_offset);
            let want = usize::try_from(range.max_offset - start)
                .unwrap_or(0)
                .min(limit);
            if want == 0 {
                continue;
            }
            let msgs = self
                .queue_messages(&topic, Some(&mq.broker_name), mq.queue_id, start, want)
                .await
                .map_err(|e| match e {
                    AdminError::Client(ClientError::Response { code, .. })
                        if code == response::NO_PERMISSION =>
                    {
                        AdminError::DeadLettersUnreadable(topic.clone())
                    }
                    e => e,
                })?;
            found.extend(
                msgs.into_iter()
                    .filter(|m| since.is_none_or(|ts| m.store_timestamp >= ts))
                    .map(|m| (mq.broker_name.clone(), m)),
            );
        }
        found.sort_by_key(|(_, m)| (m.store_timestamp, m.commit_log_offset));
        found.truncate(limit);
        Ok((super::group::dlq_depth(&ranges), found))
    }

    /// One dead letter of `group` by offset message id or unique key; any
    /// other message is `NotADeadLetter`, none at all `MessageNotFound`.
    pub async fn get_dead_letter(&self, group: &str, id: &str) -> AdminResult<DecodedMessage> {
        let topic = dlq_topic(group);
        let m = match self.get_message(id, Some(&topic)).await {
            Ok(m) => m,
            // No dead-letter queue: the id can only be an offset id.
            Err(AdminError::TopicNotFound(_)) => {
                self.get_message(id, None).await.map_err(|e| match e {
                    AdminError::MessageNotFound { id, .. } => AdminError::MessageNotFound {
                        id,
                        topic: Some(topic.clone()),
                    },
                    e => e,
                })?
            }
            Err(e) => return Err(e),
        };
        if m.topic != topic {
            return Err(AdminError::NotADeadLetter {
                id: id.to_string(),
                group: group.to_string(),
                topic: m.topic,
            });
        }
        Ok(m)
    }

    /// Re-sends `group`'s dead letters chosen by `selection` to `to_topic`,
    /// else each one's original topic, with `producer`; one result per dead
    /// letter, in order, failures included (a dead letter with no known
    /// topic fails without a send). Every id is looked up before anything is
    /// sent, so an unknown id sends nothing.
    pub async fn resend_dead_letters(
        &self,
        group: &str,
        selection: &DeadLetterSelection,
        to_topic: Option<&str>,
        producer: &Producer,
    ) -> AdminResult<Vec<DeadLetterResend>> {
        let letters: Vec<DecodedMessage> = match selection {
            DeadLetterSelection::Ids(ids) => {
                let mut out: Vec<DecodedMessage> = Vec::with_capacity(ids.len());
                for id in ids {
                    let m = self.get_dead_letter(group, id).await?;
                    if !out.iter().any(|o| o.msg_id == m.msg_id) {
                        out.push(m);
                    }
                }
                out
            }
            DeadLetterSelection::All { since, limit } => self
                .dead_letter_records(group, *since, *limit)
                .await?
                .1
                .into_iter()
                .map(|(_, m)| m)
                .collect(),
        };
        let mut results = Vec::with_capacity(letters.len());
        for m in &letters {
            let topic = to_topic.or_else(|| original_topic(m));
            let mut row = DeadLetterResend {
                msg_id: m.msg_id.clone(),
                topic: topic.map(str::to_string),
                keys: m.keys().map(str::to_string),
                new_msg_id: None,
                new_offset_msg_id: None,
                status: None,
                error: None,
            };
            let Some(topic) = topic else {
                row.error = Some("no original topic (RETRY_TOPIC): choose one with --topic".into());
                results.push(row);
                continue;
            };
            match resend_message(m, topic) {
                Err(e) => row.error = Some(e.to_string()),
                Ok(msg) => match producer.send(&msg).await {
                    Ok(r) => {
                        row.new_msg_id = Some(r.msg_id);
                        row.new_offset_msg_id = Some(r.offset_msg_id);
                        row.status = Some(r.status.as_str().to_string());
                    }
                    Err(e) => row.error = Some(e.to_string()),
                },
            }
            results.push(row);
        }
        Ok(results)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dead_letter(props: &[(&str, &str)]) -> DecodedMessage {
        DecodedMessage {
            msg_id: "7F00000100002A9F0000000000000000".into(),
            topic: "%DLQ%g".into(),
            queue_id: 0,
            flag: 7,
            queue_offset: 0,
            commit_log_offset: 0,
            store_size: 0,
            body_crc: 0,
            sys_flag: 0,
            born_timestamp: 0,
            born_host: "127.0.0.1:1".parse().unwrap(),
            store_timestamp: 0,
            store_host: "127.0.0.1:10911".parse().unwrap(),
            reconsume_times: 16,
            prepared_transaction_offset: 0,
            properties: props
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: b"hello".to_vec(),
        }
    }

    #[test]
    fn a_resend_keeps_tags_keys_and_user_properties_and_drops_the_bookkeeping() {
        let m = dead_letter(&[
            ("TAGS", "TagA"),
            ("KEYS", "k1 k2"),
            ("UNIQ_KEY", "AC1100000001"),
            ("RETRY_TOPIC", "orders"),
            ("ORIGIN_MESSAGE_ID", "7F00000100002A9F0000000000000100"),
            ("DELAY", "-1"),
            ("MAX_RECONSUME_TIMES", "16"),
            ("WAIT", "true"),
            ("REAL_TOPIC", "%RETRY%g"),
            ("REAL_QID", "0"),
            ("region", "eu"),
        ]);
        assert_eq!(original_topic(&m), Some("orders"));
        let msg = resend_message(&m, "orders").unwrap();
        assert_eq!(msg.topic, "orders");
        assert_eq!(msg.tags.as_deref(), Some("TagA"));
        assert_eq!(msg.keys, vec!["k1", "k2"]);
        assert_eq!(msg.flag, 7);
        assert_eq!(&msg.body[..], b"hello");
        assert_eq!(
            msg.properties,
            BTreeMap::from([("region".to_string(), "eu".to_string())])
        );
    }

    #[test]
    fn the_original_topic_falls_back_to_rocketmq_5s_property() {
        assert_eq!(
            original_topic(&dead_letter(&[("DLQ_ORIGIN_TOPIC", "pay")])),
            Some("pay")
        );
        assert_eq!(original_topic(&dead_letter(&[("RETRY_TOPIC", "")])), None);
        assert_eq!(original_topic(&dead_letter(&[])), None);
    }

    #[test]
    fn a_compressed_body_is_inflated() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(b"squeezed").unwrap();
        let mut m = dead_letter(&[("RETRY_TOPIC", "orders")]);
        m.body = z.finish().unwrap();
        m.sys_flag = sysflag::COMPRESSED;
        assert_eq!(&resend_message(&m, "orders").unwrap().body[..], b"squeezed");
    }
}
