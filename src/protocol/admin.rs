//! Admin bodies keyed by MessageQueue: ConsumeStats (GET_CONSUME_STATS),
//! TopicStatsTable (GET_TOPIC_STATS_INFO) and ResetOffsetBody
//! (INVOKE_BROKER_TO_RESET_OFFSET, RESET_CONSUMER_CLIENT_OFFSET).
//!
//! fastjson writes `Map<MessageQueue, _>` with the queue object itself as the
//! key, and Java mqadmin/dashboard can read nothing else, so these types encode
//! through `fastjson::to_vec` (their `RemotingBody::encode` does it) and their
//! maps use `fastjson::mq_key_map`.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::body::RemotingBody;
use super::fastjson;

/// `MessageQueue`: one queue of a topic on one broker.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct MessageQueue {
    pub broker_name: String,
    pub queue_id: i32,
    pub topic: String,
}

impl MessageQueue {
    pub fn new(topic: impl Into<String>, broker_name: impl Into<String>, queue_id: i32) -> Self {
        MessageQueue {
            broker_name: broker_name.into(),
            queue_id,
            topic: topic.into(),
        }
    }
}

/// Java's MessageQueue.compareTo: by topic, then broker name, then queue id.
impl Ord for MessageQueue {
    fn cmp(&self, other: &Self) -> Ordering {
        (&self.topic, &self.broker_name, self.queue_id).cmp(&(
            &other.topic,
            &other.broker_name,
            other.queue_id,
        ))
    }
}

impl PartialOrd for MessageQueue {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Encodes a MessageQueue-keyed body in fastjson's object-key form.
fn encode_object_keyed<T: Serialize>(body: &T) -> Vec<u8> {
    // The keys are serialised MessageQueues and the values plain structs, so
    // this cannot fail; a failure would be a bug in these definitions.
    fastjson::to_vec(body).expect("MessageQueue-keyed bodies serialise infallibly")
}

/// `OffsetWrapper`: a consumer group's progress on one queue. `pullOffset` is
/// 5.x only (0 from 4.x brokers). `committed` is `mq`'s addition: `false`
/// when the group never committed an offset for the queue (RocketMQ then
/// reports consumerOffset 0, so lag would read as the whole queue); absent
/// from Apache brokers, which cannot tell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct OffsetWrapper {
    pub broker_offset: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub committed: Option<bool>,
    pub consumer_offset: i64,
    pub last_timestamp: i64,
    pub pull_offset: i64,
}

impl OffsetWrapper {
    /// brokerOffset - consumerOffset, or `None` when the broker says no
    /// offset was ever committed.
    pub fn lag(&self) -> Option<i64> {
        match self.committed {
            Some(false) => None,
            _ => Some((self.broker_offset - self.consumer_offset).max(0)),
        }
    }

    /// The committed consumer offset, or `None` when there is none.
    pub fn committed_offset(&self) -> Option<i64> {
        self.lag().map(|_| self.consumer_offset)
    }
}

/// The sum of the known lags; `None` when no lag is known (nothing was ever
/// committed), which tools must show as unknown, never as 0.
pub fn total_known_lag(lags: impl IntoIterator<Item = Option<i64>>) -> Option<i64> {
    lags.into_iter()
        .flatten()
        .fold(None, |total, lag| Some(total.unwrap_or(0) + lag))
}

/// `ConsumeStats`: a group's progress on every queue it consumes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ConsumeStats {
    pub consume_tps: f64,
    #[serde(with = "fastjson::mq_key_map")]
    pub offset_table: BTreeMap<MessageQueue, OffsetWrapper>,
}

impl ConsumeStats {
    /// Java's computeTotalDiff, without counting queues never committed.
    pub fn total_lag(&self) -> Option<i64> {
        total_known_lag(self.offset_table.values().map(OffsetWrapper::lag))
    }
}

impl RemotingBody for ConsumeStats {
    fn encode(&self) -> Vec<u8> {
        encode_object_keyed(self)
    }
}

/// `TopicOffset`: one queue's offset range.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct TopicOffset {
    pub last_update_timestamp: i64,
    pub max_offset: i64,
    pub min_offset: i64,
}

/// `TopicStatsTable`: a topic's offset range on every queue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct TopicStatsTable {
    #[serde(with = "fastjson::mq_key_map")]
    pub offset_table: BTreeMap<MessageQueue, TopicOffset>,
}

impl RemotingBody for TopicStatsTable {
    fn encode(&self) -> Vec<u8> {
        encode_object_keyed(self)
    }
}

/// `ResetOffsetBody`: the offset each queue was reset to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ResetOffsetBody {
    #[serde(with = "fastjson::mq_key_map")]
    pub offset_table: BTreeMap<MessageQueue, i64>,
}

impl RemotingBody for ResetOffsetBody {
    fn encode(&self) -> Vec<u8> {
        encode_object_keyed(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consume_stats_from_java_fastjson() {
        // As a 4.9.8 broker writes it: object keys, consumeTps first.
        let java = r#"{"consumeTps":1.5,"offsetTable":{{"brokerName":"broker-a","queueId":0,"topic":"TopicTest"}:{"brokerOffset":10,"consumerOffset":4,"lastTimestamp":1700000000000},{"brokerName":"broker-a","queueId":1,"topic":"TopicTest"}:{"brokerOffset":3,"consumerOffset":3,"lastTimestamp":0}}}"#;
        let cs = ConsumeStats::decode(java.as_bytes()).unwrap();
        assert_eq!(cs.consume_tps, 1.5);
        assert_eq!(cs.total_lag(), Some(6));
        assert_eq!(total_known_lag([None, None]), None);
        assert_eq!(total_known_lag([None, Some(0), Some(2)]), Some(2));
        let q0 = MessageQueue::new("TopicTest", "broker-a", 0);
        assert_eq!(cs.offset_table[&q0].broker_offset, 10);
        // Our output is what Java wrote, plus 5.x's pullOffset.
        let ours = String::from_utf8(cs.encode()).unwrap();
        assert_eq!(
            ours,
            java.replace(
                r#""lastTimestamp":1700000000000}"#,
                r#""lastTimestamp":1700000000000,"pullOffset":0}"#
            )
            .replace(
                r#""lastTimestamp":0}"#,
                r#""lastTimestamp":0,"pullOffset":0}"#
            )
        );
        assert_eq!(ConsumeStats::decode(ours.as_bytes()).unwrap(), cs);
    }

    #[test]
    fn topic_stats_and_reset_offset_round_trip() {
        let mut ts = TopicStatsTable::default();
        ts.offset_table.insert(
            MessageQueue::new("T", "b", 2),
            TopicOffset {
                last_update_timestamp: 9,
                max_offset: 8,
                min_offset: 1,
            },
        );
        let enc = String::from_utf8(ts.encode()).unwrap();
        assert_eq!(
            enc,
            r#"{"offsetTable":{{"brokerName":"b","queueId":2,"topic":"T"}:{"lastUpdateTimestamp":9,"maxOffset":8,"minOffset":1}}}"#
        );
        assert_eq!(TopicStatsTable::decode(enc.as_bytes()).unwrap(), ts);

        let mut ro = ResetOffsetBody::default();
        ro.offset_table.insert(MessageQueue::new("T", "b", 0), 42);
        ro.offset_table.insert(MessageQueue::new("T", "a", 1), 7);
        let enc = String::from_utf8(ro.encode()).unwrap();
        assert_eq!(
            enc,
            r#"{"offsetTable":{{"brokerName":"a","queueId":1,"topic":"T"}:7,{"brokerName":"b","queueId":0,"topic":"T"}:42}}"#
        );
        assert_eq!(ResetOffsetBody::decode(enc.as_bytes()).unwrap(), ro);
    }

    #[test]
    fn bad_queue_keys_are_errors() {
        assert!(ResetOffsetBody::decode(br#"{"offsetTable":{"T@b@0":1}}"#).is_err());
        assert!(ResetOffsetBody::decode(br#"{"offsetTable":{{"queueId":"x"}:1}}"#).is_err());
    }

    #[test]
    fn message_queue_orders_like_java() {
        let mut v = [
            MessageQueue::new("B", "a", 0),
            MessageQueue::new("A", "b", 1),
            MessageQueue::new("A", "b", 0),
            MessageQueue::new("A", "a", 5),
        ];
        v.sort();
        let ids: Vec<_> = v
            .iter()
            .map(|m| (m.topic.as_str(), m.broker_name.as_str(), m.queue_id))
            .collect();
        assert_eq!(
            ids,
            vec![("A", "a", 5), ("A", "b", 0), ("A", "b", 1), ("B", "a", 0)]
        );
    }
}
