//! Who is connected, as admin requests report it: Connection, ConsumerConnection
//! (GET_CONSUMER_CONNECTION_LIST), ProducerConnection
//! (GET_PRODUCER_CONNECTION_LIST) and GroupList (QUERY_TOPIC_CONSUME_BY_WHO).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::body::RemotingBody;
use super::heartbeat::{ConsumeFromWhere, ConsumeType, MessageModel, SubscriptionData};

/// `Connection`: one client channel. `language` is the LanguageCode name
/// (`JAVA`, `RUST`, ...), `version` the client's MQVersion ordinal.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Connection {
    pub client_addr: String,
    pub client_id: String,
    pub language: String,
    pub version: i32,
}

/// `ConsumerConnection`: a consumer group's channels and subscriptions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ConsumerConnection {
    pub connection_set: Vec<Connection>,
    pub consume_from_where: Option<ConsumeFromWhere>,
    pub consume_type: Option<ConsumeType>,
    pub message_model: Option<MessageModel>,
    pub subscription_table: BTreeMap<String, SubscriptionData>,
}

impl RemotingBody for ConsumerConnection {}

/// `ProducerConnection`: a producer group's channels.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ProducerConnection {
    pub connection_set: Vec<Connection>,
}

impl RemotingBody for ProducerConnection {}

/// `GroupList`: group names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct GroupList {
    pub group_list: BTreeSet<String>,
}

impl RemotingBody for GroupList {}

/// Java's MQVersion ordinal as its name (`V4_9_8`) for the releases
/// clients commonly report; other ordinals print as the number.
pub fn version_desc(version: i32) -> String {
    // From MQVersion.Version: 4.9.x and 5.x releases sit two ordinals apart
    // (each release follows its SNAPSHOT).
    match version {
        121 => "V3_4_9".into(),
        273 => "V4_3_0".into(),
        313 => "V4_5_0".into(),
        353 => "V4_7_0".into(),
        393..=411 if version % 2 == 1 => format!("V4_9_{}", (version - 393) / 2),
        413..=491 if version % 2 == 1 => {
            let n = (version - 413) / 2;
            format!("V5_{}_{}", n / 10, n % 10)
        }
        _ => version.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consumer_connection_from_java() {
        let java = r#"{"connectionSet":[{"clientAddr":"10.0.0.1:52000","clientId":"10.0.0.1@123#456","language":"JAVA","version":409}],"consumeFromWhere":"CONSUME_FROM_LAST_OFFSET","consumeType":"CONSUME_PASSIVELY","messageModel":"CLUSTERING","subscriptionTable":{"TopicTest":{"classFilterMode":false,"codeSet":[],"expressionType":"TAG","subString":"*","subVersion":1700000000000,"tagsSet":[],"topic":"TopicTest"}}}"#;
        let c = ConsumerConnection::decode(java.as_bytes()).unwrap();
        assert_eq!(c.connection_set[0].language, "JAVA");
        assert_eq!(c.message_model, Some(MessageModel::Clustering));
        assert_eq!(c.subscription_table["TopicTest"].sub_string, "*");
        assert_eq!(ConsumerConnection::decode(&c.encode()).unwrap(), c);
    }

    #[test]
    fn group_list_and_producer_connection() {
        let g = GroupList::decode(br#"{"groupList":["b","a"]}"#).unwrap();
        assert_eq!(g.encode(), br#"{"groupList":["a","b"]}"#);
        let p = ProducerConnection::decode(br#"{"connectionSet":[]}"#).unwrap();
        assert!(p.connection_set.is_empty());
        assert_eq!(version_desc(409), "V4_9_8");
        assert_eq!(version_desc(5), "5");
        assert_eq!(version_desc(479), "V5_3_3");
        assert_eq!(version_desc(401), "V4_9_4");
    }
}
