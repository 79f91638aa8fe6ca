//! The JSON body convention shared by every RocketMQ body type, and the small
//! generic bodies (KVTable, TopicList) the name server and brokers answer with.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::fastjson::{self, FastjsonError};

/// A request or response body carried as JSON.
///
/// Decoding accepts standard JSON and fastjson's variants (unquoted numeric
/// keys, object keys), ignores unknown fields and defaults missing ones.
/// Encoding writes standard JSON with fields and map keys in fastjson's order
/// (alphabetical), numeric keys quoted, so that Java, C++, Go and Node clients
/// all read it and the output is deterministic.
pub trait RemotingBody: Serialize + DeserializeOwned {
    fn decode(body: &[u8]) -> Result<Self, FastjsonError> {
        fastjson::from_slice(body)
    }

    fn encode(&self) -> Vec<u8> {
        // Body types have only string or integer map keys (object keys go
        // through fastjson::mq_key_map as strings), so serialisation cannot
        // fail; a failure would be a bug in a type definition, not bad input.
        serde_json::to_vec(self).expect("RemotingBody types serialise to JSON infallibly")
    }
}

/// `KVTable`: a flat string map (name server KV namespaces, broker runtime info).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct KVTable {
    pub table: BTreeMap<String, String>,
}

impl RemotingBody for KVTable {}

/// `TopicList`: topic names; `brokerAddr` is only set by the system topic
/// queries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct TopicList {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub broker_addr: Option<String>,
    pub topic_list: BTreeSet<String>,
}

impl RemotingBody for TopicList {}

/// `ConsumerOffsetSerializeWrapper`: every committed offset by `topic@group` and queue id, the
/// GET_ALL_CONSUMER_OFFSET (43) body a slave copies from its master, in consumerOffset.json's
/// shape. 5.x masters add a dataVersion, which 4.x slaves (and mq) do not use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ConsumerOffsetSerializeWrapper {
    pub offset_table: BTreeMap<String, BTreeMap<i32, i64>>,
}

impl RemotingBody for ConsumerOffsetSerializeWrapper {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kv_table_round_trip() {
        let mut kv = KVTable::default();
        kv.table.insert("b".into(), "2".into());
        kv.table.insert("a".into(), "1".into());
        assert_eq!(kv.encode(), br#"{"table":{"a":"1","b":"2"}}"#);
        assert_eq!(KVTable::decode(&kv.encode()).unwrap(), kv);
        assert_eq!(KVTable::decode(b"{}").unwrap(), KVTable::default());
    }

    #[test]
    fn topic_list_shapes() {
        let list = TopicList {
            broker_addr: None,
            topic_list: ["TopicTest".to_string(), "BenchmarkTest".to_string()].into(),
        };
        assert_eq!(
            list.encode(),
            br#"{"topicList":["BenchmarkTest","TopicTest"]}"#
        );
        let sys = TopicList {
            broker_addr: Some("10.0.0.1:10911".into()),
            ..list.clone()
        };
        assert_eq!(
            sys.encode(),
            br#"{"brokerAddr":"10.0.0.1:10911","topicList":["BenchmarkTest","TopicTest"]}"#
        );
        assert_eq!(TopicList::decode(&sys.encode()).unwrap(), sys);
        // Java may send duplicates-free sets in any order, and nulls.
        let odd = TopicList::decode(br#"{"topicList":["b","a"],"brokerAddr":null,"x":1}"#).unwrap();
        assert_eq!(odd.topic_list.len(), 2);
        assert_eq!(odd.broker_addr, None);
    }

    #[test]
    fn consumer_offset_wrapper_reads_java_and_writes_the_file_shape() {
        let java = br#"{"offsetTable":{"TopicTest@g":{0:12,1:3}},"dataVersion":{"counter":2,"timestamp":5}}"#;
        let w = ConsumerOffsetSerializeWrapper::decode(java).unwrap();
        assert_eq!(w.offset_table["TopicTest@g"][&1], 3);
        assert_eq!(
            w.encode(),
            br#"{"offsetTable":{"TopicTest@g":{"0":12,"1":3}}}"#
        );
        assert!(
            ConsumerOffsetSerializeWrapper::decode(br#"{"offsetTable":{"T@g":{"x":1}}}"#).is_err()
        );
    }

    #[test]
    fn bad_bodies_are_errors() {
        assert!(KVTable::decode(b"{\"table\":[1]}").is_err());
        assert!(KVTable::decode(b"not json").is_err());
        assert!(TopicList::decode(b"").is_err());
    }
}
