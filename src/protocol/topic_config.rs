//! Topic configuration as brokers keep and report it: TopicConfig, its
//! DataVersion, and TopicConfigSerializeWrapper (the topics.json shape, the
//! GET_ALL_TOPIC_CONFIG body and the heart of REGISTER_BROKER).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::body::RemotingBody;
use super::perm::PERM_READ_WRITE;

/// `DataVersion`: bumped by a broker whenever its topic (or group) table
/// changes, so the name server can skip unchanged registrations. Two versions
/// are equal when every field is equal (Java compares timestamp and counter;
/// 5.x adds stateVersion, kept when present).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct DataVersion {
    pub counter: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_version: Option<i64>,
    pub timestamp: i64,
}

impl Default for DataVersion {
    /// Java's default is "now"; without a clock this is timestamp 0, which
    /// is also what the name server assumes for a registration without body.
    fn default() -> Self {
        DataVersion::new(0)
    }
}

impl DataVersion {
    pub fn new(now_ms: i64) -> Self {
        DataVersion {
            counter: 0,
            state_version: None,
            timestamp: now_ms,
        }
    }

    /// The next version after a change: timestamp now, counter + 1.
    pub fn next_version(&mut self, now_ms: i64) {
        self.timestamp = now_ms;
        self.counter += 1;
    }
}

impl RemotingBody for DataVersion {}

/// `TopicFilterType`, written by name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TopicFilterType {
    #[default]
    SingleTag,
    MultiTag,
}

impl TopicFilterType {
    pub fn as_str(self) -> &'static str {
        match self {
            TopicFilterType::SingleTag => "SINGLE_TAG",
            TopicFilterType::MultiTag => "MULTI_TAG",
        }
    }
}

impl fmt::Display for TopicFilterType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TopicFilterType {
    type Err = UnknownTopicFilterType;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "SINGLE_TAG" => Ok(TopicFilterType::SingleTag),
            "MULTI_TAG" => Ok(TopicFilterType::MultiTag),
            _ => Err(UnknownTopicFilterType(s.to_owned())),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown topicFilterType {0:?} (expected SINGLE_TAG or MULTI_TAG)")]
pub struct UnknownTopicFilterType(pub String);

/// Java's defaults for a new topic's queue counts.
pub const DEFAULT_READ_QUEUE_NUMS: i32 = 16;
pub const DEFAULT_WRITE_QUEUE_NUMS: i32 = 16;

/// `TopicConfig`, fields in fastjson's (alphabetical) order. `attributes` is
/// 5.x only and omitted when empty, so 4.x peers see 4.x JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct TopicConfig {
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    pub order: bool,
    pub perm: i32,
    pub read_queue_nums: i32,
    pub topic_filter_type: TopicFilterType,
    pub topic_name: String,
    pub topic_sys_flag: i32,
    pub write_queue_nums: i32,
}

impl Default for TopicConfig {
    fn default() -> Self {
        TopicConfig {
            attributes: BTreeMap::new(),
            order: false,
            perm: PERM_READ_WRITE,
            read_queue_nums: DEFAULT_READ_QUEUE_NUMS,
            topic_filter_type: TopicFilterType::SingleTag,
            topic_name: String::new(),
            topic_sys_flag: 0,
            write_queue_nums: DEFAULT_WRITE_QUEUE_NUMS,
        }
    }
}

impl TopicConfig {
    /// A topic with RocketMQ's defaults (16/16 queues, RW).
    pub fn new(topic_name: impl Into<String>) -> Self {
        TopicConfig {
            topic_name: topic_name.into(),
            ..TopicConfig::default()
        }
    }

    pub fn with_queues(topic_name: impl Into<String>, read: i32, write: i32, perm: i32) -> Self {
        TopicConfig {
            read_queue_nums: read,
            write_queue_nums: write,
            perm,
            ..TopicConfig::new(topic_name)
        }
    }
}

/// `TopicConfigSerializeWrapper`: a broker's topic table and its version.
/// 5.x sends it as TopicConfigAndMappingSerializeWrapper, whose extra
/// static-topic fields are ignored here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct TopicConfigSerializeWrapper {
    pub data_version: DataVersion,
    pub topic_config_table: BTreeMap<String, TopicConfig>,
}

impl RemotingBody for TopicConfigSerializeWrapper {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_version_shape_and_next() {
        let mut v = DataVersion::new(1_700_000_000_000);
        assert_eq!(v.encode(), br#"{"counter":0,"timestamp":1700000000000}"#);
        v.next_version(1_700_000_000_500);
        assert_eq!((v.counter, v.timestamp), (1, 1_700_000_000_500));
        let five = DataVersion::decode(br#"{"counter":3,"stateVersion":0,"timestamp":9}"#).unwrap();
        assert_eq!(five.state_version, Some(0));
        assert_eq!(
            five.encode(),
            br#"{"counter":3,"stateVersion":0,"timestamp":9}"#
        );
    }

    #[test]
    fn topic_config_defaults_and_field_order() {
        let tc = TopicConfig::new("TopicTest");
        assert_eq!(
            String::from_utf8(tc.encode_json()).unwrap(),
            r#"{"order":false,"perm":6,"readQueueNums":16,"topicFilterType":"SINGLE_TAG","topicName":"TopicTest","topicSysFlag":0,"writeQueueNums":16}"#
        );
        let partial: TopicConfig =
            crate::protocol::fastjson::from_slice(br#"{"topicName":"T","perm":7}"#).unwrap();
        assert_eq!(partial.read_queue_nums, 16);
        assert_eq!(partial.perm, 7);
        assert_eq!(partial.topic_filter_type, TopicFilterType::SingleTag);
    }

    #[test]
    fn topic_filter_type_text() {
        assert_eq!(
            "MULTI_TAG".parse::<TopicFilterType>(),
            Ok(TopicFilterType::MultiTag)
        );
        assert!("multi".parse::<TopicFilterType>().is_err());
        assert_eq!(TopicFilterType::SingleTag.to_string(), "SINGLE_TAG");
    }

    #[test]
    fn wrapper_from_java_topics_json() {
        // Pretty-printed like config/topics.json, with 5.x extras.
        let text = br#"{
	"dataVersion":{
		"counter":2,
		"stateVersion":0,
		"timestamp":1700000000000
	},
	"topicConfigTable":{
		"TBW102":{
			"attributes":{},
			"order":false,
			"perm":7,
			"readQueueNums":8,
			"topicFilterType":"SINGLE_TAG",
			"topicName":"TBW102",
			"topicSysFlag":0,
			"writeQueueNums":8
		}
	},
	"mappingDataVersion":{"counter":0,"timestamp":0}
}"#;
        let w = TopicConfigSerializeWrapper::decode(text).unwrap();
        assert_eq!(w.data_version.counter, 2);
        let tbw = &w.topic_config_table["TBW102"];
        assert_eq!(
            (tbw.perm, tbw.read_queue_nums, tbw.write_queue_nums),
            (7, 8, 8)
        );
        assert_eq!(TopicConfigSerializeWrapper::decode(&w.encode()).unwrap(), w);
    }

    impl TopicConfig {
        fn encode_json(&self) -> Vec<u8> {
            serde_json::to_vec(self).unwrap()
        }
    }
}
