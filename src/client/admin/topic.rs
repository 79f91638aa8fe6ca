//! Topic workflows over the brokers serving a topic: its queues' offsets and
//! the groups consuming it (describe). The result is the serializable type
//! `mq topic describe` prints and the console serves.

use std::collections::BTreeSet;

use serde::Serialize;

use super::AdminClient;
use super::fanout::on_each;
use crate::client::error::ClientResult;
use crate::protocol::route::TopicRouteData;

/// One queue of a topic.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueStatus {
    pub broker_name: String,
    pub queue_id: i32,
    pub min_offset: i64,
    pub max_offset: i64,
    /// Messages held: maxOffset - minOffset.
    pub messages: i64,
    /// Store time of the newest message (ms since the epoch), null when empty.
    pub last_update_timestamp: Option<i64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicDescription {
    pub topic: String,
    pub total_messages: i64,
    pub queues: Vec<QueueStatus>,
    pub consumer_groups: Vec<String>,
    pub route: TopicRouteData,
}

impl AdminClient {
    /// A topic's route, each queue's offsets and the groups that consume it
    /// (as the brokers serving it know them); `TopicNotFound` without a route.
    pub async fn describe_topic(&self, topic: &str) -> ClientResult<TopicDescription> {
        let route = self.topic_route(topic).await?;
        let stats = self.topic_status(topic).await?;
        let targets = self.topic_masters(topic).await?;
        let mut groups = BTreeSet::new();
        for (_, r) in on_each(&targets, |t| async move {
            self.topic_consumed_by(&t.addr, topic).await
        })
        .await
        {
            groups.extend(r?.group_list);
        }
        let queues: Vec<QueueStatus> = stats
            .offset_table
            .iter()
            .map(|(mq, o)| QueueStatus {
                broker_name: mq.broker_name.clone(),
                queue_id: mq.queue_id,
                min_offset: o.min_offset,
                max_offset: o.max_offset,
                messages: (o.max_offset - o.min_offset).max(0),
                last_update_timestamp: Some(o.last_update_timestamp).filter(|t| *t > 0),
            })
            .collect();
        Ok(TopicDescription {
            topic: topic.to_string(),
            total_messages: queues.iter().map(|q| q.messages).sum(),
            queues,
            consumer_groups: groups.into_iter().collect(),
            route,
        })
    }
}
