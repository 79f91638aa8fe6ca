//! Message look-ups over the brokers serving a topic: by offset id or
//! unique key, by key, a queue from an offset (no consumer group), and
//! handing a message to a consumer again. The results are the serializable
//! views `mq message` prints and the console serves.

use std::collections::BTreeMap;

use serde::Serialize;

use super::AdminClient;
use super::broker::MessageQuery;
use super::error::{AdminError, AdminResult};
use super::fanout::{BrokerTarget, on_each};
use crate::client::error::ClientError;
use crate::protocol::message::{DecodedMessage, decode_offset_msg_id};
use crate::remoting::code::response;

/// How many messages one pull asks for while printing a queue.
const PULL_BATCH: usize = 32;

/// A message as the admin tools show it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageView {
    pub msg_id: String,
    pub uniq_key: Option<String>,
    pub topic: String,
    pub tags: Option<String>,
    pub keys: Option<String>,
    pub queue_id: i32,
    pub queue_offset: i64,
    pub commit_log_offset: i64,
    pub born_timestamp: i64,
    pub born_host: String,
    pub store_timestamp: i64,
    pub store_host: String,
    pub reconsume_times: i32,
    pub sys_flag: i32,
    pub flag: i32,
    pub store_size: i32,
    pub body_crc: i32,
    pub properties: BTreeMap<String, String>,
    /// `utf8`, or `hex` for a body that is not UTF-8 text.
    pub body_encoding: &'static str,
    pub body: String,
}

impl From<&DecodedMessage> for MessageView {
    fn from(m: &DecodedMessage) -> Self {
        let (body_encoding, body) = match std::str::from_utf8(&m.body) {
            Ok(s) => ("utf8", s.to_string()),
            Err(_) => ("hex", m.body.iter().map(|b| format!("{b:02x}")).collect()),
        };
        MessageView {
            msg_id: m.msg_id.clone(),
            uniq_key: m.uniq_key().map(str::to_string),
            topic: m.topic.clone(),
            tags: m.tags().map(str::to_string),
            keys: m.keys().map(str::to_string),
            queue_id: m.queue_id,
            queue_offset: m.queue_offset,
            commit_log_offset: m.commit_log_offset,
            born_timestamp: m.born_timestamp,
            born_host: m.born_host.to_string(),
            store_timestamp: m.store_timestamp,
            store_host: m.store_host.to_string(),
            reconsume_times: m.reconsume_times,
            sys_flag: m.sys_flag,
            flag: m.flag,
            store_size: m.store_size,
            body_crc: m.body_crc,
            properties: m.properties.clone(),
            body_encoding,
            body,
        }
    }
}

/// A message handed to a consumer again, and what the consumer said.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Resent {
    pub msg_id: String,
    pub group: String,
    /// The client's ConsumeMessageDirectlyResult as it sent it.
    pub result: serde_json::Value,
}

impl AdminClient {
    /// The masters serving `topic`; `TopicNotFound` when it has no route.
    async fn topic_targets(&self, topic: &str) -> AdminResult<Vec<BrokerTarget>> {
        self.topic_masters(topic).await.map_err(AdminError::topic)
    }

    /// A message by offset id, or, when `topic` is given, first as a unique
    /// key (UNIQ_KEY) of that topic.
    pub async fn get_message(&self, id: &str, topic: Option<&str>) -> AdminResult<DecodedMessage> {
        self.find_message(id, topic, |_| true).await
    }

    /// `get_message`, but an offset id is followed only to a broker address for which `follow`
    /// holds; another is `MessageNotFound`.
    pub(super) async fn find_message(
        &self,
        id: &str,
        topic: Option<&str>,
        follow: impl Fn(&str) -> bool,
    ) -> AdminResult<DecodedMessage> {
        if let Some(topic) = topic {
            let targets = self.topic_targets(topic).await?;
            let q = MessageQuery {
                topic,
                key: id,
                max: 1,
                begin: 0,
                end: i64::MAX,
                unique: true,
            };
            let q = &q;
            for (_, r) in on_each(
                &targets,
                |t| async move { self.query_message(&t.addr, q).await },
            )
            .await
            {
                if let Some(m) = r?.into_iter().next() {
                    return Ok(m);
                }
            }
        }
        let not_found = || AdminError::MessageNotFound {
            id: id.to_string(),
            topic: topic.map(str::to_string),
        };
        match decode_offset_msg_id(id) {
            Ok((addr, offset)) if follow(&addr.to_string()) => self
                .view_message(&addr.to_string(), offset)
                .await
                .map_err(|_| not_found()),
            _ => Err(not_found()),
        }
    }

    /// Messages of `topic` whose KEYS hold `key`, stored in `[begin, end)`,
    /// at most `max` per broker, in store order. None found is
    /// `NoMessageWithKey`.
    pub async fn query_messages_by_key(
        &self,
        topic: &str,
        key: &str,
        begin: i64,
        end: i64,
        max: i32,
    ) -> AdminResult<Vec<DecodedMessage>> {
        let targets = self.topic_targets(topic).await?;
        let q = MessageQuery {
            topic,
            key,
            max,
            begin,
            end,
            unique: false,
        };
        let q = &q;
        let mut found = Vec::new();
        for (_, r) in on_each(
            &targets,
            |t| async move { self.query_message(&t.addr, q).await },
        )
        .await
        {
            found.extend(r?);
        }
        if found.is_empty() {
            return Err(AdminError::NoMessageWithKey {
                topic: topic.to_string(),
                key: key.to_string(),
            });
        }
        found.sort_by_key(|m| (m.store_timestamp, m.commit_log_offset));
        Ok(found)
    }

    /// Up to `count` messages of one queue from `offset`, without a consumer
    /// group. `broker` names the broker; it may be left out when only one
    /// broker serves the topic (`BrokerNotChosen` otherwise).
    pub async fn queue_messages(
        &self,
        topic: &str,
        broker: Option<&str>,
        queue_id: i32,
        offset: i64,
        count: usize,
    ) -> AdminResult<Vec<DecodedMessage>> {
        let targets = self.topic_targets(topic).await?;
        let target = match broker {
            Some(b) => targets.iter().find(|t| t.broker_name == b).ok_or_else(|| {
                AdminError::BrokerNotServingTopic {
                    broker: b.to_string(),
                    topic: topic.to_string(),
                }
            })?,
            None if targets.len() == 1 => &targets[0],
            None => {
                return Err(AdminError::BrokerNotChosen {
                    topic: topic.to_string(),
                    brokers: targets.iter().map(|t| t.broker_name.clone()).collect(),
                });
            }
        };
        let mut out = Vec::new();
        let mut next = offset;
        while out.len() < count {
            let want = (count - out.len()).min(PULL_BATCH) as i32;
            let (msgs, n) = self
                .pull_messages(&target.addr, topic, queue_id, next, want)
                .await?;
            if msgs.is_empty() || n <= next {
                break;
            }
            out.extend(msgs.into_iter().take(count - out.len()));
            next = n;
        }
        Ok(out)
    }

    /// Hands the message with offset id `msg_id` to an online consumer of
    /// `group` (`client_id`, or any) through the broker that stored it
    /// (CONSUME_MESSAGE_DIRECTLY).
    pub async fn resend_message(
        &self,
        msg_id: &str,
        group: &str,
        client_id: Option<&str>,
    ) -> AdminResult<Resent> {
        let m = self.get_message(msg_id, None).await?;
        let addr = m.store_host.to_string();
        let result = self
            .consume_message_directly(&addr, group, client_id, &m.msg_id, Some(&m.topic))
            .await
            .map_err(|e| match e {
                ClientError::Response { code, .. } if code == response::CONSUMER_NOT_ONLINE => {
                    AdminError::ConsumerNotOnline {
                        group: group.to_string(),
                        client_id: client_id.map(str::to_string),
                    }
                }
                e => AdminError::Client(e),
            })?;
        Ok(Resent {
            msg_id: m.msg_id,
            group: group.to_string(),
            result,
        })
    }
}
