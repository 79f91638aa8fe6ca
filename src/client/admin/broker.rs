//! The admin client's calls to one broker: statistics, subscription groups,
//! connections, offsets, config, topic deletion, message look-ups and the
//! requests a broker forwards to a consumer. Each takes the broker address.

use std::collections::BTreeMap;

use super::{AdminClient, decode, expect_success};
use crate::client::error::{ClientError, ClientResult};
use crate::protocol::admin::{ConsumeStats, ResetOffsetBody, TopicStatsTable};
use crate::protocol::body::{KVTable, RemotingBody};
use crate::protocol::connection::{ConsumerConnection, GroupList, ProducerConnection};
use crate::protocol::header::*;
use crate::protocol::message::DecodedMessage;
use crate::protocol::subscription_group::{SubscriptionGroupConfig, SubscriptionGroupWrapper};
use crate::remoting::RemotingCommand;
use crate::remoting::code::{request, response};

impl AdminClient {
    /// Sends `request` to a broker and insists on SUCCESS.
    pub async fn call_broker(
        &self,
        addr: &str,
        action: &'static str,
        request: RemotingCommand,
    ) -> ClientResult<RemotingCommand> {
        let r = self.remoting.invoke(addr, request, self.timeout).await?;
        expect_success(action, r)
    }

    /// GET_BROKER_RUNTIME_INFO: RocketMQ's runtime KV table.
    pub async fn broker_runtime_info(&self, addr: &str) -> ClientResult<BTreeMap<String, String>> {
        let r = self
            .call_broker(
                addr,
                "broker runtime info",
                RemotingCommand::request(request::GET_BROKER_RUNTIME_INFO),
            )
            .await?;
        Ok(decode::<KVTable>("runtime info", &r)?.table)
    }

    /// GET_BROKER_CONFIG: every key and value.
    pub async fn broker_config(&self, addr: &str) -> ClientResult<BTreeMap<String, String>> {
        let r = self
            .call_broker(
                addr,
                "get broker config",
                RemotingCommand::request(request::GET_BROKER_CONFIG),
            )
            .await?;
        Ok(crate::config::parse_properties(&String::from_utf8_lossy(
            &r.body,
        )))
    }

    /// UPDATE_BROKER_CONFIG with `key=value` pairs.
    pub async fn update_broker_config(
        &self,
        addr: &str,
        updates: &BTreeMap<String, String>,
    ) -> ClientResult<()> {
        let body: String = updates.iter().map(|(k, v)| format!("{k}={v}\n")).collect();
        let req =
            RemotingCommand::request(request::UPDATE_BROKER_CONFIG).with_body(body.into_bytes());
        self.call_broker(addr, "update broker config", req).await?;
        Ok(())
    }

    /// GET_TOPIC_STATS_INFO; `TopicNotFound` when the broker lacks the topic.
    pub async fn topic_stats(&self, addr: &str, topic: &str) -> ClientResult<TopicStatsTable> {
        let req = RemotingCommand::request(request::GET_TOPIC_STATS_INFO).with_header(
            &TopicRequestHeader {
                topic: topic.to_string(),
            },
        );
        match self.call_broker(addr, "topic stats", req).await {
            Ok(r) => decode("topic stats", &r),
            Err(ClientError::Response { code, .. }) if code == response::TOPIC_NOT_EXIST => {
                Err(ClientError::TopicNotFound(topic.to_string()))
            }
            Err(e) => Err(e),
        }
    }

    /// GET_CONSUME_STATS of a group, on one topic or all it consumes.
    pub async fn consume_stats(
        &self,
        addr: &str,
        group: &str,
        topic: Option<&str>,
    ) -> ClientResult<ConsumeStats> {
        let req = RemotingCommand::request(request::GET_CONSUME_STATS).with_header(
            &GetConsumeStatsRequestHeader {
                consumer_group: group.to_string(),
                topic: topic.map(str::to_string),
            },
        );
        let r = self.call_broker(addr, "consume stats", req).await?;
        decode("consume stats", &r)
    }

    /// GET_CONSUMER_CONNECTION_LIST; `None` when the group is not online there.
    pub async fn consumer_connection(
        &self,
        addr: &str,
        group: &str,
    ) -> ClientResult<Option<ConsumerConnection>> {
        let req = RemotingCommand::request(request::GET_CONSUMER_CONNECTION_LIST).with_header(
            &ConsumerGroupHeader {
                consumer_group: group.to_string(),
            },
        );
        match self.call_broker(addr, "consumer connections", req).await {
            Ok(r) => decode("consumer connections", &r).map(Some),
            Err(ClientError::Response { code, .. }) if code == response::CONSUMER_NOT_ONLINE => {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// GET_PRODUCER_CONNECTION_LIST; `None` when no producer of the group is
    /// connected there.
    pub async fn producer_connection(
        &self,
        addr: &str,
        group: &str,
    ) -> ClientResult<Option<ProducerConnection>> {
        let req = RemotingCommand::request(request::GET_PRODUCER_CONNECTION_LIST).with_header(
            &GetProducerConnectionListRequestHeader {
                producer_group: group.to_string(),
            },
        );
        match self.call_broker(addr, "producer connections", req).await {
            Ok(r) => decode("producer connections", &r).map(Some),
            Err(ClientError::Response { code, .. }) if code == response::SYSTEM_ERROR => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// QUERY_TOPIC_CONSUME_BY_WHO.
    pub async fn topic_consumed_by(&self, addr: &str, topic: &str) -> ClientResult<GroupList> {
        let req = RemotingCommand::request(request::QUERY_TOPIC_CONSUME_BY_WHO).with_header(
            &TopicRequestHeader {
                topic: topic.to_string(),
            },
        );
        let r = self.call_broker(addr, "topic consumers", req).await?;
        decode("group list", &r)
    }

    /// GET_ALL_SUBSCRIPTIONGROUP_CONFIG.
    pub async fn subscription_groups(&self, addr: &str) -> ClientResult<SubscriptionGroupWrapper> {
        let req = RemotingCommand::request(request::GET_ALL_SUBSCRIPTIONGROUP_CONFIG);
        let r = self
            .call_broker(addr, "list subscription groups", req)
            .await?;
        decode("subscription groups", &r)
    }

    /// UPDATE_AND_CREATE_SUBSCRIPTIONGROUP.
    pub async fn create_subscription_group(
        &self,
        addr: &str,
        config: &SubscriptionGroupConfig,
    ) -> ClientResult<()> {
        let req = RemotingCommand::request(request::UPDATE_AND_CREATE_SUBSCRIPTIONGROUP)
            .with_body(config.encode());
        self.call_broker(addr, "create subscription group", req)
            .await?;
        Ok(())
    }

    /// DELETE_SUBSCRIPTIONGROUP, optionally with the group's offsets.
    pub async fn delete_subscription_group(
        &self,
        addr: &str,
        group: &str,
        remove_offsets: bool,
    ) -> ClientResult<()> {
        let req = RemotingCommand::request(request::DELETE_SUBSCRIPTIONGROUP).with_header(
            &DeleteSubscriptionGroupRequestHeader {
                group_name: group.to_string(),
                remove_offset: Some(remove_offsets),
                clean_offset: Some(remove_offsets),
            },
        );
        self.call_broker(addr, "delete subscription group", req)
            .await?;
        Ok(())
    }

    /// DELETE_TOPIC_IN_BROKER.
    pub async fn delete_topic_in_broker(&self, addr: &str, topic: &str) -> ClientResult<()> {
        let req = RemotingCommand::request(request::DELETE_TOPIC_IN_BROKER).with_header(
            &TopicRequestHeader {
                topic: topic.to_string(),
            },
        );
        self.call_broker(addr, "delete topic", req).await?;
        Ok(())
    }

    /// INVOKE_BROKER_TO_RESET_OFFSET: by timestamp (-1 = latest), or, with
    /// `exact`, to those offsets (an `mq` broker extension; Apache brokers
    /// use the timestamp). Returns the offsets the broker set.
    pub async fn reset_offset(
        &self,
        addr: &str,
        topic: &str,
        group: &str,
        timestamp: i64,
        exact: Option<&ResetOffsetBody>,
    ) -> ClientResult<ResetOffsetBody> {
        let mut req = RemotingCommand::request(request::INVOKE_BROKER_TO_RESET_OFFSET).with_header(
            &ResetOffsetRequestHeader {
                topic: topic.to_string(),
                group: group.to_string(),
                timestamp,
                is_force: true,
                queue_id: None,
                offset: None,
            },
        );
        if let Some(body) = exact {
            req = req.with_body(body.encode());
        }
        let r = self.call_broker(addr, "reset offset", req).await?;
        if r.body.is_empty() {
            return Ok(ResetOffsetBody::default());
        }
        decode("reset offsets", &r)
    }

    /// UPDATE_CONSUMER_OFFSET for one queue (how offsets of offline groups
    /// are moved on brokers that do not rewrite them on reset).
    pub async fn update_consumer_offset(
        &self,
        addr: &str,
        group: &str,
        topic: &str,
        queue_id: i32,
        offset: i64,
    ) -> ClientResult<()> {
        let req = RemotingCommand::request(request::UPDATE_CONSUMER_OFFSET).with_header(
            &UpdateConsumerOffsetRequestHeader {
                consumer_group: group.to_string(),
                topic: topic.to_string(),
                queue_id,
                commit_offset: offset,
            },
        );
        self.call_broker(addr, "update consumer offset", req)
            .await?;
        Ok(())
    }

    /// SEARCH_OFFSET_BY_TIMESTAMP: the first offset stored at or after `timestamp`.
    pub async fn search_offset(
        &self,
        addr: &str,
        topic: &str,
        queue_id: i32,
        timestamp: i64,
    ) -> ClientResult<i64> {
        let req = RemotingCommand::request(request::SEARCH_OFFSET_BY_TIMESTAMP).with_header(
            &SearchOffsetRequestHeader {
                topic: topic.to_string(),
                queue_id,
                timestamp,
            },
        );
        let r = self.call_broker(addr, "search offset", req).await?;
        Ok(r.decode_header::<OffsetResponseHeader>()?.offset)
    }

    /// VIEW_MESSAGE_BY_ID: the message at a commit log offset.
    pub async fn view_message(
        &self,
        addr: &str,
        commit_log_offset: i64,
    ) -> ClientResult<DecodedMessage> {
        let req = RemotingCommand::request(request::VIEW_MESSAGE_BY_ID).with_header(
            &ViewMessageRequestHeader {
                offset: commit_log_offset,
            },
        );
        let r = self.call_broker(addr, "view message", req).await?;
        decode_records(&r.body)?
            .into_iter()
            .next()
            .ok_or_else(|| ClientError::Decode {
                what: "message",
                reason: "empty body".into(),
            })
    }

    /// QUERY_MESSAGE by key (or by UNIQ_KEY); empty when none.
    pub async fn query_message(
        &self,
        addr: &str,
        q: &MessageQuery<'_>,
    ) -> ClientResult<Vec<DecodedMessage>> {
        let mut req = RemotingCommand::request(request::QUERY_MESSAGE).with_header(
            &QueryMessageRequestHeader {
                topic: q.topic.to_string(),
                key: q.key.to_string(),
                max_num: q.max,
                begin_timestamp: q.begin,
                end_timestamp: q.end,
            },
        );
        if q.unique {
            req = req.with_ext("_UNIQUE_KEY_QUERY", "true");
        }
        let r = self.remoting.invoke(addr, req, self.timeout).await?;
        if r.code == response::QUERY_NOT_FOUND {
            return Ok(Vec::new());
        }
        let r = expect_success("query message", r)?;
        decode_records(&r.body)
    }

    /// PULL_MESSAGE without a subscription or commit (the tools' group):
    /// up to `max` messages of a queue from `offset`, and the next offset.
    pub async fn pull_messages(
        &self,
        addr: &str,
        topic: &str,
        queue_id: i32,
        offset: i64,
        max: i32,
    ) -> ClientResult<(Vec<DecodedMessage>, i64)> {
        let req = RemotingCommand::request(request::PULL_MESSAGE).with_header(
            &PullMessageRequestHeader {
                consumer_group: "TOOLS_CONSUMER".into(),
                topic: topic.to_string(),
                queue_id,
                queue_offset: offset,
                max_msg_nums: max,
                sys_flag: 0x4,
                commit_offset: 0,
                suspend_timeout_millis: 0,
                subscription: Some("*".into()),
                sub_version: 0,
                expression_type: Some("TAG".into()),
                broker_name: None,
            },
        );
        let r = self.remoting.invoke(addr, req, self.timeout).await?;
        let next = r
            .decode_header::<PullMessageResponseHeader>()
            .map(|h| h.next_begin_offset)
            .unwrap_or(offset);
        match r.code {
            response::SUCCESS => Ok((decode_records(&r.body)?, next)),
            response::PULL_NOT_FOUND
            | response::PULL_RETRY_IMMEDIATELY
            | response::PULL_OFFSET_MOVED => Ok((Vec::new(), next)),
            _ => Err(ClientError::response("pull messages", &r)),
        }
    }

    /// GET_CONSUMER_RUNNING_INFO, forwarded by the broker to the client;
    /// the client's ConsumerRunningInfo as JSON.
    pub async fn consumer_running_info(
        &self,
        addr: &str,
        group: &str,
        client_id: &str,
    ) -> ClientResult<serde_json::Value> {
        let req = RemotingCommand::request(request::GET_CONSUMER_RUNNING_INFO).with_header(
            &GetConsumerRunningInfoRequestHeader {
                consumer_group: group.to_string(),
                client_id: client_id.to_string(),
                jstack_enable: Some(false),
            },
        );
        let r = self.call_broker(addr, "consumer running info", req).await?;
        crate::protocol::fastjson::from_slice(&r.body).map_err(|e| ClientError::Decode {
            what: "consumer running info",
            reason: e.to_string(),
        })
    }

    /// CONSUME_MESSAGE_DIRECTLY: the broker hands the message to a consumer
    /// of `group` (`client_id`, or any) and returns its ConsumeMessageDirectlyResult.
    pub async fn consume_message_directly(
        &self,
        addr: &str,
        group: &str,
        client_id: Option<&str>,
        msg_id: &str,
        topic: Option<&str>,
    ) -> ClientResult<serde_json::Value> {
        let req = RemotingCommand::request(request::CONSUME_MESSAGE_DIRECTLY).with_header(
            &ConsumeMessageDirectlyResultRequestHeader {
                consumer_group: group.to_string(),
                client_id: client_id.map(str::to_string),
                msg_id: Some(msg_id.to_string()),
                broker_name: None,
                topic: topic.map(str::to_string),
            },
        );
        let r = self
            .call_broker(addr, "consume message directly", req)
            .await?;
        if r.body.is_empty() {
            return Ok(serde_json::Value::Null);
        }
        crate::protocol::fastjson::from_slice(&r.body).map_err(|e| ClientError::Decode {
            what: "consume result",
            reason: e.to_string(),
        })
    }
}

/// A QUERY_MESSAGE look-up: by KEYS, or by UNIQ_KEY with `unique`, stored
/// between `begin` and `end` (ms; 0 = unbounded).
#[derive(Debug, Clone)]
pub struct MessageQuery<'a> {
    pub topic: &'a str,
    pub key: &'a str,
    pub max: i32,
    pub begin: i64,
    pub end: i64,
    pub unique: bool,
}

/// Splits a body of concatenated commit log records into messages.
pub fn decode_records(mut body: &[u8]) -> ClientResult<Vec<DecodedMessage>> {
    let mut out = Vec::new();
    while body.len() >= 4 {
        let size = i32::from_be_bytes([body[0], body[1], body[2], body[3]]);
        let size = usize::try_from(size).unwrap_or(0);
        if size < 4 || size > body.len() {
            return Err(ClientError::Decode {
                what: "messages",
                reason: format!("record size {size} with {} bytes left", body.len()),
            });
        }
        let m = crate::protocol::message::decode_message(&body[..size]).map_err(|e| {
            ClientError::Decode {
                what: "message",
                reason: e.0,
            }
        })?;
        out.push(m);
        body = &body[size..];
    }
    Ok(out)
}
