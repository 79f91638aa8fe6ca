//! The pull consumer for tools: read any queue from any offset, and ask a
//! queue's offsets, with no group membership, rebalance or committed offsets
//! (unless the tool commits them itself).

use std::sync::Arc;
use std::time::Duration;

use super::queue_api::{self, PullFromWhichNode, PullResult, pull_flag};
use crate::client::error::ClientResult;
use crate::client::instance::{ClientConfig, ClientInstance};
use crate::client::route::subscribe_queues;
use crate::protocol::admin::MessageQueue;
use crate::protocol::header::PullMessageRequestHeader;
use crate::protocol::heartbeat::SubscriptionData;

/// The group tools pull as when none is given.
pub const TOOLS_CONSUMER_GROUP: &str = "TOOLS_CONSUMER";

pub struct PullConsumer {
    instance: Arc<ClientInstance>,
    group: String,
    nodes: PullFromWhichNode,
}

impl PullConsumer {
    /// A pull consumer with its own client instance.
    pub fn new(client: &ClientConfig, group: &str) -> ClientResult<Self> {
        Ok(PullConsumer {
            instance: ClientInstance::new(client)?,
            group: group.to_string(),
            nodes: PullFromWhichNode::default(),
        })
    }

    pub fn instance(&self) -> &Arc<ClientInstance> {
        &self.instance
    }

    /// Every readable queue of `topic`, sorted.
    pub async fn fetch_subscribe_queues(&self, topic: &str) -> ClientResult<Vec<MessageQueue>> {
        let route = self.instance.route(topic).await?;
        Ok(subscribe_queues(topic, &route))
    }

    /// Up to `max` messages of `mq` from `offset` matching the tag
    /// `expression` (`*` for all), without waiting for new ones. Messages
    /// whose tag only collides by hash are removed here.
    pub async fn pull(
        &self,
        mq: &MessageQueue,
        expression: &str,
        offset: i64,
        max: i32,
    ) -> ClientResult<PullResult> {
        let sub = SubscriptionData::from_tag_expression(&mq.topic, expression, 0);
        self.pull_subscription(mq, &sub, offset, max).await
    }

    /// Like `pull`, with a SQL92 selector over the messages' properties, evaluated by the
    /// broker (which must have enablePropertyFilter on).
    pub async fn pull_sql(
        &self,
        mq: &MessageQueue,
        expression: &str,
        offset: i64,
        max: i32,
    ) -> ClientResult<PullResult> {
        let sub = SubscriptionData::from_sql_expression(&mq.topic, expression, 0);
        self.pull_subscription(mq, &sub, offset, max).await
    }

    /// A pull that names `sub` in its request (the SUB flag), with its expression type.
    pub async fn pull_subscription(
        &self,
        mq: &MessageQueue,
        sub: &SubscriptionData,
        offset: i64,
        max: i32,
    ) -> ClientResult<PullResult> {
        self.pull_suspended(mq, sub, offset, max, Duration::ZERO)
            .await
    }

    /// Like `pull`, but when `mq` has nothing from `offset` on, the broker holds the pull
    /// up to `suspend` (long polling) and answers as soon as a message arrives.
    pub async fn pull_held(
        &self,
        mq: &MessageQueue,
        expression: &str,
        offset: i64,
        max: i32,
        suspend: Duration,
    ) -> ClientResult<PullResult> {
        let sub = SubscriptionData::from_tag_expression(&mq.topic, expression, 0);
        self.pull_suspended(mq, &sub, offset, max, suspend).await
    }

    async fn pull_suspended(
        &self,
        mq: &MessageQueue,
        sub: &SubscriptionData,
        offset: i64,
        max: i32,
        suspend: Duration,
    ) -> ClientResult<PullResult> {
        let held = !suspend.is_zero();
        let header = PullMessageRequestHeader {
            consumer_group: self.group.clone(),
            topic: mq.topic.clone(),
            queue_id: mq.queue_id,
            queue_offset: offset,
            max_msg_nums: max,
            sys_flag: pull_flag::SUBSCRIPTION | if held { pull_flag::SUSPEND } else { 0 },
            commit_offset: 0,
            suspend_timeout_millis: suspend.as_millis() as i64,
            subscription: Some(sub.sub_string.clone()),
            sub_version: sub.sub_version,
            expression_type: sub.expression_type.clone(),
            broker_name: Some(mq.broker_name.clone()),
        };
        let timeout = self.instance.timeout().max(Duration::from_secs(10)) + suspend;
        let mut result = queue_api::pull(&self.instance, mq, &header, timeout, &self.nodes).await?;
        if !sub.matches_every_tag() {
            result.messages.retain(|m| sub.matches_tags(m.tags()));
        }
        Ok(result)
    }

    pub async fn max_offset(&self, mq: &MessageQueue) -> ClientResult<i64> {
        queue_api::max_offset(&self.instance, mq).await
    }

    pub async fn min_offset(&self, mq: &MessageQueue) -> ClientResult<i64> {
        queue_api::min_offset(&self.instance, mq).await
    }

    pub async fn search_offset(&self, mq: &MessageQueue, timestamp: i64) -> ClientResult<i64> {
        queue_api::search_offset(&self.instance, mq, timestamp).await
    }

    /// The group's committed offset on `mq`, if any.
    pub async fn committed_offset(&self, mq: &MessageQueue) -> ClientResult<Option<i64>> {
        queue_api::query_consumer_offset(&self.instance, &self.group, mq).await
    }

    /// Commits the group's offset on `mq` and waits for the broker.
    pub async fn commit_offset(&self, mq: &MessageQueue, offset: i64) -> ClientResult<()> {
        queue_api::update_consumer_offset(&self.instance, &self.group, mq, offset, false).await
    }

    pub fn shutdown(&self) {
        self.instance.close();
    }
}
