//! Topic workflows over the brokers serving a topic: creating or updating it
//! (with the name server's ORDER_TOPIC_CONFIG for ordered topics), deleting
//! it from its brokers and the name servers, and its queues' offsets and
//! consuming groups (describe). The results are the serializable types
//! `mq topic` prints and the console serves.

use std::collections::BTreeSet;

use serde::Serialize;

use super::AdminClient;
use super::error::{AdminError, AdminResult};
use super::fanout::on_each;
use crate::client::error::{ClientError, ClientResult};
use crate::protocol::perm;
use crate::protocol::route::{BrokerData, TopicRouteData};
use crate::protocol::topic::validate_topic_name;
use crate::protocol::topic_config::TopicConfig;

/// Queues a new topic gets per broker when the caller names none.
const DEFAULT_QUEUE_NUMS: i32 = 8;

/// Where a topic was created, updated or deleted.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicChange {
    pub topic: String,
    pub action: &'static str,
    pub broker_name: String,
    pub address: String,
    pub read_queue_nums: Option<i32>,
    pub write_queue_nums: Option<i32>,
    pub perm: Option<String>,
    pub order: Option<bool>,
}

/// Settings for a topic on each broker; `None` keeps the current value (8
/// queues, read-write for a new topic).
#[derive(Debug, Clone, Default)]
pub struct TopicSettings {
    pub read_queue_nums: Option<i32>,
    pub write_queue_nums: Option<i32>,
    /// RocketMQ's permission bits.
    pub perm: Option<i32>,
    /// An ordered topic, also recorded in the name server's ORDER_TOPIC_CONFIG.
    pub order: bool,
}

/// Where a topic deletion goes, for the caller to confirm before
/// `delete_topic` runs it.
#[derive(Debug)]
pub struct TopicDeletion {
    pub topic: String,
    pub cluster: Option<String>,
    /// The brokers (every member) serving the topic in the cluster.
    pub brokers: Vec<BrokerData>,
}

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
    /// For SCHEDULE_TOPIC_XXXX: what waits per broker and delay level (and in the timer).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub delay_levels: Vec<super::schedule::DelayLevelStatus>,
}

impl AdminClient {
    /// Creates `topic` (or, when it has a route, updates it) on the brokers
    /// `change_targets(cluster, broker_addr)` chooses, keeping what
    /// `settings` leaves alone. With `must_exist`, a topic without a route
    /// is an error. A name RocketMQ refuses is `InvalidTopic`, before any call.
    pub async fn create_or_update_topic(
        &self,
        topic: &str,
        cluster: Option<&str>,
        broker_addr: Option<&str>,
        must_exist: bool,
        settings: &TopicSettings,
    ) -> AdminResult<Vec<TopicChange>> {
        validate_topic_name(topic).map_err(AdminError::InvalidTopic)?;
        let targets = self.change_targets(cluster, broker_addr).await?;
        let route = match self.topic_route(topic).await {
            Ok(r) => Some(r),
            Err(ClientError::TopicNotFound(_)) => None,
            Err(e) => return Err(e.into()),
        };
        if must_exist && route.is_none() {
            return Err(topic_not_found(topic, cluster));
        }
        let mut changes = Vec::new();
        let mut order_conf = Vec::new();
        for t in &targets {
            let current = route.as_ref().and_then(|r| {
                r.queue_datas
                    .iter()
                    .find(|q| q.broker_name == t.broker_name)
            });
            let mut config = TopicConfig::with_queues(
                topic,
                settings
                    .read_queue_nums
                    .or(current.map(|q| q.read_queue_nums))
                    .unwrap_or(DEFAULT_QUEUE_NUMS),
                settings
                    .write_queue_nums
                    .or(current.map(|q| q.write_queue_nums))
                    .unwrap_or(DEFAULT_QUEUE_NUMS),
                settings
                    .perm
                    .or(current.map(|q| q.perm))
                    .unwrap_or(perm::PERM_READ_WRITE),
            );
            config.order = settings.order;
            config.topic_sys_flag = current.map(|q| q.topic_sys_flag).unwrap_or(0);
            self.create_topic(&t.addr, &config)
                .await
                .map_err(|source| AdminError::TopicChangeFailed {
                    action: "create",
                    topic: topic.to_string(),
                    broker_name: t.broker_name.clone(),
                    addr: t.addr.clone(),
                    source,
                })?;
            order_conf.push(format!("{}:{}", t.broker_name, config.write_queue_nums));
            changes.push(TopicChange {
                topic: topic.to_string(),
                action: if current.is_some() {
                    "updated"
                } else {
                    "created"
                },
                broker_name: t.broker_name.clone(),
                address: t.addr.clone(),
                read_queue_nums: Some(config.read_queue_nums),
                write_queue_nums: Some(config.write_queue_nums),
                perm: Some(perm::perm_to_string(config.perm)),
                order: Some(config.order),
            });
        }
        if settings.order {
            self.kv_put("ORDER_TOPIC_CONFIG", topic, &order_conf.join(";"))
                .await?;
        }
        Ok(changes)
    }

    /// Where deleting `topic` (only on `cluster`, or everywhere it is
    /// served) would go; an error when no broker there serves it.
    pub async fn plan_delete_topic(
        &self,
        topic: &str,
        cluster: Option<&str>,
    ) -> AdminResult<TopicDeletion> {
        let route = match self.topic_route(topic).await {
            Ok(r) => r,
            Err(ClientError::TopicNotFound(_)) => return Err(topic_not_found(topic, cluster)),
            Err(e) => return Err(e.into()),
        };
        let brokers: Vec<BrokerData> = route
            .broker_datas
            .into_iter()
            .filter(|b| cluster.is_none_or(|c| b.cluster == c))
            .collect();
        if brokers.is_empty() {
            return Err(topic_not_found(topic, cluster));
        }
        Ok(TopicDeletion {
            topic: topic.to_string(),
            cluster: cluster.map(str::to_string),
            brokers,
        })
    }

    /// Deletes the topic from every member of the brokers `plan` names,
    /// then from the name servers' routes, as mqadmin deleteTopic does.
    pub async fn delete_topic(&self, plan: &TopicDeletion) -> AdminResult<Vec<TopicChange>> {
        let topic = plan.topic.as_str();
        let mut changes = Vec::new();
        for b in &plan.brokers {
            for addr in b.broker_addrs.values() {
                self.delete_topic_in_broker(addr, topic)
                    .await
                    .map_err(|source| AdminError::TopicChangeFailed {
                        action: "delete",
                        topic: topic.to_string(),
                        broker_name: b.broker_name.clone(),
                        addr: addr.clone(),
                        source,
                    })?;
                changes.push(TopicChange {
                    topic: topic.to_string(),
                    action: "deleted",
                    broker_name: b.broker_name.clone(),
                    address: addr.clone(),
                    read_queue_nums: None,
                    write_queue_nums: None,
                    perm: None,
                    order: None,
                });
            }
        }
        self.delete_topic_in_namesrv(topic, plan.cluster.as_deref())
            .await?;
        Ok(changes)
    }

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
        let delay_levels = if topic == crate::protocol::topic::SCHEDULE_TOPIC {
            self.delay_levels(&targets).await?
        } else {
            Vec::new()
        };
        Ok(TopicDescription {
            topic: topic.to_string(),
            total_messages: queues.iter().map(|q| q.messages).sum(),
            queues,
            consumer_groups: groups.into_iter().collect(),
            route,
            delay_levels,
        })
    }
}

fn topic_not_found(topic: &str, cluster: Option<&str>) -> AdminError {
    match cluster {
        Some(c) => AdminError::TopicNotOnCluster {
            topic: topic.to_string(),
            cluster: c.to_string(),
        },
        None => AdminError::TopicNotFound(topic.to_string()),
    }
}
