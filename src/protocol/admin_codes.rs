//! Headers and bodies of the admin requests mqadmin's maintenance and
//! statistics commands send (RocketMQ 4.9.8's `common.protocol.header` and
//! `common.protocol.body` classes of the same names): broker stats items
//! (315), all groups' consume stats (317), consume time spans (303), offset
//! cloning (314), raw consume queue entries (321), consumer status (223/221)
//! and the producer table (328).
//!
//! Bodies with `Map<MessageQueue, _>` inside encode through `fastjson::to_vec`
//! (queue objects as keys), the only form Java's tools read back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::admin::{ConsumeStats, MessageQueue};
use super::body::RemotingBody;
use super::fastjson;
use super::heartbeat::SubscriptionData;
use crate::command_header;

fn encode_fastjson<T: Serialize>(body: &T) -> Vec<u8> {
    // Plain structs, numbers and MessageQueue keys: serialisation cannot fail.
    fastjson::to_vec(body).expect("admin bodies serialise infallibly")
}

command_header! {
    /// VIEW_BROKER_STATS_DATA (315): one stats item, by RocketMQ's stats name
    /// (`TOPIC_PUT_NUMS`, `GROUP_GET_NUMS`, ...) and key (`topic`, `topic@group`).
    pub struct ViewBrokerStatsDataRequestHeader {
        stats_name: String => "statsName",
        stats_key: String => "statsKey",
    }
}

command_header! {
    /// GET_BROKER_CONSUME_STATS (317): `isOrder` keeps only ordered topics.
    pub struct GetConsumeStatsInBrokerHeader {
        is_order: bool => "isOrder",
    }
}

command_header! {
    /// QUERY_CONSUME_TIME_SPAN (303).
    pub struct QueryConsumeTimeSpanRequestHeader {
        topic: String => "topic",
        group: String => "group",
    }
}

command_header! {
    /// CLONE_GROUP_OFFSET (314): without a topic, every topic the source group
    /// has offsets for; `offline` skips the check that an online source group
    /// subscribes to the topic.
    pub struct CloneGroupOffsetRequestHeader {
        src_group: String => "srcGroup",
        dest_group: String => "destGroup",
        topic: Option<String> => "topic",
        offline: Option<bool> => "offline",
    }
}

command_header! {
    /// QUERY_CONSUME_QUEUE (321): `count` entries of one queue from `index`.
    pub struct QueryConsumeQueueRequestHeader {
        topic: String => "topic",
        queue_id: i32 => "queueId",
        index: i64 => "index",
        count: i32 => "count",
        consumer_group: Option<String> => "consumerGroup",
    }
}

command_header! {
    /// INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223) and, from the broker to each
    /// client, GET_CONSUMER_STATUS_FROM_CLIENT (221). `clientAddr` is a client id.
    pub struct GetConsumerStatusRequestHeader {
        topic: String => "topic",
        group: String => "group",
        client_addr: Option<String> => "clientAddr",
    }
}

/// `BrokerStatsItem`: a stats item over one window: the sum, the rate per
/// second and the average value per call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BrokerStatsItem {
    pub avgpt: f64,
    pub sum: i64,
    pub tps: f64,
}

/// `BrokerStatsData`: VIEW_BROKER_STATS_DATA's answer, the item over the last
/// minute, hour and day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct BrokerStatsData {
    pub stats_day: BrokerStatsItem,
    pub stats_hour: BrokerStatsItem,
    pub stats_minute: BrokerStatsItem,
}

impl RemotingBody for BrokerStatsData {}

/// `ConsumeStatsList`: GET_BROKER_CONSUME_STATS's answer, one
/// `{group: [ConsumeStats per topic]}` map per subscription group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ConsumeStatsList {
    pub broker_addr: Option<String>,
    pub consume_stats_list: Vec<BTreeMap<String, Vec<ConsumeStats>>>,
    pub total_diff: i64,
}

impl RemotingBody for ConsumeStatsList {
    fn encode(&self) -> Vec<u8> {
        encode_fastjson(self)
    }
}

/// `QueueTimeSpan`: one queue's oldest and newest store times, the store time
/// of the group's last consumed message and how long the next one has waited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct QueueTimeSpan {
    pub consume_time_stamp: i64,
    pub delay_time: i64,
    pub max_time_stamp: i64,
    pub message_queue: MessageQueue,
    pub min_time_stamp: i64,
}

/// `QueryConsumeTimeSpanBody`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct QueryConsumeTimeSpanBody {
    pub consume_time_span_set: Vec<QueueTimeSpan>,
}

impl RemotingBody for QueryConsumeTimeSpanBody {}

/// `ConsumeQueueData`: one consume queue entry as stored (`extendDataJson`,
/// `bitMap` and `msg` describe the extended consume queue, which `mq` does not
/// write).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ConsumeQueueData {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bit_map: Option<String>,
    pub eval: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extend_data_json: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub msg: Option<String>,
    pub physic_offset: i64,
    pub physic_size: i32,
    pub tags_code: i64,
}

/// `QueryConsumeQueueResponseBody`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct QueryConsumeQueueResponseBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter_data: Option<String>,
    pub max_queue_index: i64,
    pub min_queue_index: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_data: Option<Vec<ConsumeQueueData>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscription_data: Option<SubscriptionData>,
}

impl RemotingBody for QueryConsumeQueueResponseBody {}

/// `GetConsumerStatusBody`: a client's offsets (`messageQueueTable`, what 221
/// answers) and the broker's collection of them by client id (`consumerTable`,
/// what 223 answers).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct GetConsumerStatusBody {
    pub consumer_table: BTreeMap<String, QueueOffsets>,
    #[serde(with = "fastjson::mq_key_map")]
    pub message_queue_table: BTreeMap<MessageQueue, i64>,
}

/// A `Map<MessageQueue, Long>` inside another map.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QueueOffsets(#[serde(with = "fastjson::mq_key_map")] pub BTreeMap<MessageQueue, i64>);

impl RemotingBody for GetConsumerStatusBody {
    fn encode(&self) -> Vec<u8> {
        encode_fastjson(self)
    }
}

/// `ProducerInfo`: one connected producer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ProducerInfo {
    pub client_id: String,
    pub language: String,
    pub last_update_timestamp: i64,
    #[serde(rename = "remoteIP")]
    pub remote_ip: String,
    pub version: i32,
}

/// `ProducerTableInfo`: GET_ALL_PRODUCER_INFO's answer, producers by group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProducerTableInfo {
    pub data: BTreeMap<String, Vec<ProducerInfo>>,
}

impl RemotingBody for ProducerTableInfo {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::admin::OffsetWrapper;

    #[test]
    fn broker_stats_data_reads_java() {
        // fastjson's output for a BrokerStatsData (fields sorted).
        let java = br#"{"statsDay":{"avgpt":1.0,"sum":12,"tps":0.01},"statsHour":{"avgpt":1.0,"sum":12,"tps":0.2},"statsMinute":{"avgpt":0.0,"sum":0,"tps":0.0}}"#;
        let d = BrokerStatsData::decode(java).unwrap();
        assert_eq!(d.stats_day.sum, 12);
        assert_eq!(d.stats_hour.tps, 0.2);
        let again = BrokerStatsData::decode(&d.encode()).unwrap();
        assert_eq!(again, d);
    }

    #[test]
    fn consume_stats_list_uses_object_keys() {
        let mut cs = ConsumeStats::default();
        cs.offset_table.insert(
            MessageQueue::new("T", "b", 0),
            OffsetWrapper {
                broker_offset: 5,
                consumer_offset: 2,
                ..Default::default()
            },
        );
        let list = ConsumeStatsList {
            broker_addr: Some("127.0.0.1:10911".into()),
            consume_stats_list: vec![[("g".to_string(), vec![cs])].into()],
            total_diff: 3,
        };
        let text = String::from_utf8(list.encode()).unwrap();
        assert!(
            text.contains(
                r#""offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:{"brokerOffset":5"#
            ),
            "{text}"
        );
        assert_eq!(ConsumeStatsList::decode(text.as_bytes()).unwrap(), list);
    }

    #[test]
    fn consumer_status_body_round_trips_nested_queue_maps() {
        let mq = MessageQueue::new("T", "b", 1);
        let mut body = GetConsumerStatusBody::default();
        body.consumer_table
            .insert("ip@1".into(), QueueOffsets([(mq.clone(), 7)].into()));
        let text = String::from_utf8(body.encode()).unwrap();
        assert_eq!(
            text,
            r#"{"consumerTable":{"ip@1":{{"brokerName":"b","queueId":1,"topic":"T"}:7}},"messageQueueTable":{}}"#
        );
        assert_eq!(
            GetConsumerStatusBody::decode(text.as_bytes()).unwrap(),
            body
        );
    }

    #[test]
    fn producer_table_field_names_are_java_bean_names() {
        let mut t = ProducerTableInfo::default();
        t.data.insert(
            "pg".into(),
            vec![ProducerInfo {
                client_id: "c".into(),
                language: "JAVA".into(),
                last_update_timestamp: 1,
                remote_ip: "127.0.0.1:5".into(),
                version: 415,
            }],
        );
        let text = String::from_utf8(t.encode()).unwrap();
        assert_eq!(
            text,
            r#"{"data":{"pg":[{"clientId":"c","language":"JAVA","lastUpdateTimestamp":1,"remoteIP":"127.0.0.1:5","version":415}]}}"#
        );
    }
}
