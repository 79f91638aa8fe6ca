//! What one polling round saw, as the brokers and name server said it (no
//! arithmetic yet), and which topic and group names count as system ones.

use std::collections::BTreeMap;

use crate::protocol::admin::{MessageQueue, OffsetWrapper, TopicOffset};
use crate::protocol::connection::ConsumerConnection;
use crate::protocol::subscription_group::PRE_CREATED_GROUPS;

/// One polling round: every broker, topic and group the cluster reported.
#[derive(Debug, Clone, Default)]
pub struct Round {
    /// Wall clock (ms since the epoch) when the round started.
    pub at_ms: i64,
    /// How long the round took.
    pub took_ms: u64,
    /// The interval the collector waits between rounds right now (after backoff).
    pub interval_ms: u64,
    pub brokers: Vec<BrokerSample>,
    pub topics: BTreeMap<String, TopicSample>,
    pub groups: BTreeMap<String, GroupSample>,
    /// Failures that are not one broker's (the name server did not answer, ...).
    pub errors: Vec<String>,
}

/// One broker address (a master or a slave) and its runtime KV table, or why
/// it did not answer.
#[derive(Debug, Clone)]
pub struct BrokerSample {
    pub cluster: String,
    pub broker_name: String,
    pub broker_id: i64,
    pub addr: String,
    /// When the address last registered with the name server (an `mq` extension).
    pub last_update_ms: Option<i64>,
    pub runtime: Result<BTreeMap<String, String>, String>,
}

/// A topic's config (from its masters) and every queue's offsets.
#[derive(Debug, Clone, Default)]
pub struct TopicSample {
    pub read_queues: i32,
    pub write_queues: i32,
    pub perm: i32,
    pub offsets: BTreeMap<MessageQueue, TopicOffset>,
}

/// A group's progress on every queue it consumes and its connected clients.
#[derive(Debug, Clone, Default)]
pub struct GroupSample {
    pub offsets: BTreeMap<MessageQueue, OffsetWrapper>,
    pub connection: Option<ConsumerConnection>,
}

/// Topics RocketMQ itself uses, whatever the cluster and broker names.
const SYSTEM_TOPICS: [&str; 6] = [
    "TBW102",
    "SELF_TEST_TOPIC",
    "BenchmarkTest",
    "OFFSET_MOVED_EVENT",
    "SCHEDULE_TOPIC_XXXX",
    "TRANS_CHECK_MAX_TIME_TOPIC",
];

/// Whether `topic` is one of RocketMQ's own: the fixed names, RMQ_SYS_*,
/// %RETRY%*, %DLQ%*, *_REPLY_TOPIC, and topics named after a cluster or a
/// broker (`names`).
pub fn is_system_topic(topic: &str, names: &[&str]) -> bool {
    SYSTEM_TOPICS.contains(&topic)
        || topic.starts_with("RMQ_SYS_")
        || topic.starts_with("rmq_sys_")
        || topic.starts_with("%RETRY%")
        || topic.starts_with("%DLQ%")
        || topic.ends_with("_REPLY_TOPIC")
        || names.contains(&topic)
}

/// Whether `group` is one the tools or brokers use (the groups every
/// broker pre-creates, and CID_RMQ_SYS_*).
pub fn is_system_group(group: &str) -> bool {
    PRE_CREATED_GROUPS.contains(&group) || group.starts_with("CID_RMQ_SYS_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_topics() {
        let names = ["DefaultCluster", "broker-a"];
        for t in [
            "TBW102",
            "SELF_TEST_TOPIC",
            "BenchmarkTest",
            "OFFSET_MOVED_EVENT",
            "SCHEDULE_TOPIC_XXXX",
            "RMQ_SYS_TRACE_TOPIC",
            "rmq_sys_wheel",
            "%RETRY%demo",
            "%DLQ%demo",
            "DefaultCluster",
            "broker-a",
            "DefaultCluster_REPLY_TOPIC",
            "TRANS_CHECK_MAX_TIME_TOPIC",
        ] {
            assert!(is_system_topic(t, &names), "{t}");
        }
        for t in ["TopicTest", "orders", "RETRY", "broker-b"] {
            assert!(!is_system_topic(t, &names), "{t}");
        }
        assert!(is_system_group("TOOLS_CONSUMER"));
        assert!(!is_system_group("demo"));
    }
}
