//! Client registration bodies: HeartbeatData (HEART_BEAT), its producer and
//! consumer data, SubscriptionData with tag expressions, and the consumer id
//! list of GET_CONSUMER_LIST_BY_GROUP.
//!
//! Enums are written by name as Java does; on input both names and Java
//! ordinals are taken (the C++ client sends ordinals).

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::body::RemotingBody;
use super::message::java_hash;

macro_rules! java_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub enum $name { #[default] $($variant),+ }

        impl $name {
            const ALL: &'static [($name, &'static str)] = &[$(($name::$variant, $text)),+];

            pub fn as_str(self) -> &'static str {
                Self::ALL.iter().find(|(v, _)| *v == self).map(|(_, t)| *t).unwrap_or("")
            }

            pub fn from_name(s: &str) -> Option<Self> {
                Self::ALL.iter().find(|(_, t)| *t == s).map(|(v, _)| *v)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " name or ordinal"))
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<$name, E> {
                        $name::from_name(s).ok_or_else(|| E::custom(format!("unknown {} {s}", stringify!($name))))
                    }
                    fn visit_u64<E: de::Error>(self, n: u64) -> Result<$name, E> {
                        $name::ALL.get(n as usize).map(|(v, _)| *v)
                            .ok_or_else(|| E::custom(format!("unknown {} ordinal {n}", stringify!($name))))
                    }
                    fn visit_i64<E: de::Error>(self, n: i64) -> Result<$name, E> {
                        self.visit_u64(n.max(0) as u64)
                    }
                }
                d.deserialize_any(V)
            }
        }
    };
}

java_enum! {
    /// Pull consumers are CONSUME_ACTIVELY, push consumers CONSUME_PASSIVELY.
    ConsumeType { ConsumeActively = "CONSUME_ACTIVELY", ConsumePassively = "CONSUME_PASSIVELY" }
}

java_enum! {
    MessageModel { Broadcasting = "BROADCASTING", Clustering = "CLUSTERING" }
}

java_enum! {
    ConsumeFromWhere {
        ConsumeFromLastOffset = "CONSUME_FROM_LAST_OFFSET",
        ConsumeFromLastOffsetAndFromMinWhenBootFirst = "CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST",
        ConsumeFromMinOffset = "CONSUME_FROM_MIN_OFFSET",
        ConsumeFromMaxOffset = "CONSUME_FROM_MAX_OFFSET",
        ConsumeFromFirstOffset = "CONSUME_FROM_FIRST_OFFSET",
        ConsumeFromTimestamp = "CONSUME_FROM_TIMESTAMP",
    }
}

/// Expression types of a subscription.
pub const EXPRESSION_TYPE_TAG: &str = "TAG";
pub const EXPRESSION_TYPE_SQL92: &str = "SQL92";
/// The subscription expression that matches every message.
pub const SUB_ALL: &str = "*";

/// `SubscriptionData`: a topic and the tag (or SQL92) expression a consumer
/// subscribes with. `code_set` holds the Java hash of each tag, which is what
/// the broker compares with the consume queue's tags code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SubscriptionData {
    pub class_filter_mode: bool,
    pub code_set: BTreeSet<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_type: Option<String>,
    pub sub_string: String,
    #[serde(deserialize_with = "lenient_i64")]
    pub sub_version: i64,
    pub tags_set: BTreeSet<String>,
    pub topic: String,
}

impl SubscriptionData {
    /// A TAG subscription from an expression such as `*`, `TagA` or
    /// `TagA || TagB` (RocketMQ's FilterAPI.buildSubscriptionData).
    pub fn from_tag_expression(topic: &str, expression: &str, sub_version: i64) -> Self {
        let expression = expression.trim();
        let sub_string = if expression.is_empty() {
            SUB_ALL
        } else {
            expression
        };
        let mut data = SubscriptionData {
            topic: topic.to_string(),
            sub_string: sub_string.to_string(),
            sub_version,
            expression_type: Some(EXPRESSION_TYPE_TAG.to_string()),
            ..Default::default()
        };
        if sub_string != SUB_ALL {
            for tag in sub_string
                .split("||")
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                data.code_set.insert(java_hash(tag));
                data.tags_set.insert(tag.to_string());
            }
        }
        data
    }

    /// A SQL92 subscription (FilterAPI.build with type SQL92): the expression is kept as
    /// written and no tags are derived from it.
    pub fn from_sql_expression(topic: &str, expression: &str, sub_version: i64) -> Self {
        SubscriptionData {
            topic: topic.to_string(),
            sub_string: expression.to_string(),
            sub_version,
            expression_type: Some(EXPRESSION_TYPE_SQL92.to_string()),
            ..Default::default()
        }
    }

    pub fn is_tag_type(&self) -> bool {
        self.expression_type
            .as_deref()
            .is_none_or(|t| t.is_empty() || t == EXPRESSION_TYPE_TAG)
    }

    /// True when the subscription takes every message whatever its tags (`*`, or no tag
    /// named): a consumer then need not look for a message's tags at all.
    pub fn matches_every_tag(&self) -> bool {
        self.sub_string == SUB_ALL || self.tags_set.is_empty()
    }

    /// Whether a message with `tags` passes this TAG subscription (the
    /// client-side exact check; the broker only compares hash codes).
    pub fn matches_tags(&self, tags: Option<&str>) -> bool {
        if self.matches_every_tag() {
            return true;
        }
        tags.is_some_and(|t| self.tags_set.contains(t))
    }

    /// The broker-side check against a consume queue entry's tags code.
    pub fn matches_tags_code(&self, tags_code: i64) -> bool {
        if self.sub_string == SUB_ALL || self.code_set.is_empty() {
            return true;
        }
        self.code_set.contains(&(tags_code as i32))
    }
}

/// Accepts numbers and numeric strings (the C++ client quotes subVersion).
fn lenient_i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = i64;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an integer")
        }
        fn visit_i64<E: de::Error>(self, n: i64) -> Result<i64, E> {
            Ok(n)
        }
        fn visit_u64<E: de::Error>(self, n: u64) -> Result<i64, E> {
            Ok(n as i64)
        }
        fn visit_f64<E: de::Error>(self, n: f64) -> Result<i64, E> {
            Ok(n as i64)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<i64, E> {
            s.trim().parse().map_err(E::custom)
        }
    }
    d.deserialize_any(V)
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ProducerData {
    pub group_name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ConsumerData {
    pub consume_from_where: ConsumeFromWhere,
    pub consume_type: ConsumeType,
    pub group_name: String,
    pub message_model: MessageModel,
    pub subscription_data_set: Vec<SubscriptionData>,
    pub unit_mode: bool,
}

/// `HeartbeatData`: who a client is and which groups it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct HeartbeatData {
    #[serde(rename = "clientID")]
    pub client_id: String,
    pub consumer_data_set: Vec<ConsumerData>,
    pub producer_data_set: Vec<ProducerData>,
}

impl RemotingBody for HeartbeatData {}

/// CHECK_CLIENT_CONFIG's request: a consumer's subscription, checked before it starts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct CheckClientRequestBody {
    pub client_id: String,
    pub group: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscription_data: Option<SubscriptionData>,
}

impl RemotingBody for CheckClientRequestBody {}

/// GET_CONSUMER_LIST_BY_GROUP's answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ConsumerListBody {
    pub consumer_id_list: Vec<String>,
}

impl RemotingBody for ConsumerListBody {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_real_clients_heartbeat() {
        let java = br#"{"clientID":"192.0.2.2@6414#4451363216344","consumerDataSet":[{"consumeFromWhere":"CONSUME_FROM_FIRST_OFFSET","consumeType":"CONSUME_PASSIVELY","groupName":"g","messageModel":"CLUSTERING","subscriptionDataSet":[{"classFilterMode":false,"codeSet":[],"expressionType":"TAG","subString":"*","subVersion":1795535091493,"tagsSet":[],"topic":"TopicTest"}],"unitMode":false}],"producerDataSet":[{"groupName":"CLIENT_INNER_PRODUCER"}]}"#;
        let hb = HeartbeatData::decode(java).unwrap();
        assert_eq!(hb.client_id, "192.0.2.2@6414#4451363216344");
        let c = &hb.consumer_data_set[0];
        assert_eq!(c.consume_type, ConsumeType::ConsumePassively);
        assert_eq!(c.message_model, MessageModel::Clustering);
        assert_eq!(
            c.consume_from_where,
            ConsumeFromWhere::ConsumeFromFirstOffset
        );

        // The C++ client: enum ordinals and a quoted subVersion.
        let cpp = br#"{"clientID":"127.0.0.1@7068#DEFAULT","consumerDataSet":[{"consumeFromWhere":0,"consumeType":1,"groupName":"g","messageModel":1,"subscriptionDataSet":[{"subString":"*","subVersion":"1795535127096","topic":"TopicTest"}]}]}"#;
        let hb = HeartbeatData::decode(cpp).unwrap();
        let c = &hb.consumer_data_set[0];
        assert_eq!(c.consume_type, ConsumeType::ConsumePassively);
        assert_eq!(c.message_model, MessageModel::Clustering);
        assert_eq!(c.subscription_data_set[0].sub_version, 1795535127096);
        assert!(hb.producer_data_set.is_empty());
    }

    #[test]
    fn tag_expressions() {
        let all = SubscriptionData::from_tag_expression("T", "*", 1);
        assert!(all.matches_tags(None) && all.matches_tags_code(123));
        let two = SubscriptionData::from_tag_expression("T", "TagA || TagB", 1);
        assert_eq!(two.tags_set.len(), 2);
        assert!(two.matches_tags(Some("TagB")));
        assert!(!two.matches_tags(Some("TagC")) && !two.matches_tags(None));
        assert!(two.matches_tags_code(java_hash("TagA") as i64));
        assert!(!two.matches_tags_code(java_hash("TagC") as i64));
        let json = String::from_utf8(two.encode_to_vec()).unwrap();
        assert!(json.contains(r#""expressionType":"TAG""#), "{json}");
    }

    #[test]
    fn check_client_bodies_as_java_sends_them() {
        let java = br#"{"clientId":"192.0.2.2@1#1","group":"g","subscriptionData":{"classFilterMode":false,"codeSet":[],"expressionType":"SQL92","subString":"a >= 15","subVersion":7,"tagsSet":[],"topic":"T"}}"#;
        let body = CheckClientRequestBody::decode(java).unwrap();
        assert_eq!(
            (body.client_id.as_str(), body.group.as_str()),
            ("192.0.2.2@1#1", "g")
        );
        let sub = body.subscription_data.unwrap();
        assert_eq!(
            sub,
            SubscriptionData::from_sql_expression("T", "a >= 15", 7)
        );
        assert!(!sub.is_tag_type());
        let empty = CheckClientRequestBody::decode(br#"{"clientId":"c","group":"g"}"#).unwrap();
        assert!(empty.subscription_data.is_none());
    }

    impl SubscriptionData {
        fn encode_to_vec(&self) -> Vec<u8> {
            serde_json::to_vec(self).unwrap()
        }
    }
}
