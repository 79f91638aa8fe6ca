//! Consumer group workflows over many brokers: listing, creating, updating
//! and deleting subscription groups, a group's progress and clients
//! (describe, with the depth of its retry and dead-letter topics), and
//! moving its offsets on a topic (reset-offset: a plan first, applied only
//! when asked). The results are the serializable types `mq group` prints and
//! the console serves.

use std::collections::BTreeMap;

use serde::Serialize;

use super::AdminClient;
use super::connection::{ConnectionRow, SubscriptionRow, subscription_rows};
use super::error::{AdminError, AdminResult};
use super::fanout::{BrokerTarget, on_each};
use crate::client::error::ClientError;
use crate::protocol::admin::{
    MessageQueue, OffsetWrapper, ResetOffsetBody, TopicOffset, total_known_lag,
};
use crate::protocol::connection::ConsumerConnection;
use crate::protocol::subscription_group::{PRE_CREATED_GROUPS, SubscriptionGroupConfig};
use crate::protocol::topic::{dlq_topic, retry_topic};
use crate::remoting::code::response;

/// A subscription group created, updated or deleted on one broker.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupChange {
    pub group: String,
    pub action: &'static str,
    pub broker_name: String,
    pub address: String,
}

/// Settings to change on a subscription group; `None` keeps the current
/// value (RocketMQ's default for a new group).
#[derive(Debug, Clone, Default)]
pub struct GroupSettings {
    /// Turns broadcasting on; it is never turned off here.
    pub broadcast: bool,
    pub retry_max_times: Option<i32>,
    pub retry_queue_nums: Option<i32>,
    pub consume_enable: Option<bool>,
}

/// A subscription group as the masters have it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRow {
    pub group: String,
    pub brokers: Vec<String>,
    pub consume_enable: bool,
    pub consume_broadcast_enable: bool,
    pub retry_max_times: i32,
    pub retry_queue_nums: i32,
}

/// Where a group deletion goes, for the caller to confirm before
/// `delete_group` runs it.
#[derive(Debug)]
pub struct GroupDeletion {
    pub group: String,
    /// Every broker (by name) of the cluster that has the group.
    pub holders: Vec<String>,
    /// The chosen brokers that have it: where the deletion goes.
    pub targets: Vec<BrokerTarget>,
}

/// One queue of a group's progress.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueProgress {
    pub topic: String,
    pub broker_name: String,
    pub queue_id: i32,
    pub broker_offset: i64,
    /// null when the group never committed an offset for this queue.
    pub consumer_offset: Option<i64>,
    /// brokerOffset - consumerOffset; null when unknown.
    pub lag: Option<i64>,
    /// Store time of the last consumed message (ms since the epoch), or null.
    pub last_timestamp: Option<i64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupDescription {
    pub group: String,
    /// Sum of the known lags; null when no queue's lag is known.
    pub total_lag: Option<i64>,
    pub consume_tps: f64,
    /// Messages of `%RETRY%<group>` the group has not consumed yet; 0 when
    /// the topic does not exist, null when a broker serving it did not answer.
    pub retry_depth: Option<i64>,
    /// Messages in `%DLQ%<group>` (nobody consumes it: all it holds); 0 when
    /// the topic does not exist, null when a broker serving it did not answer.
    pub dlq_depth: Option<i64>,
    pub online: bool,
    pub message_model: Option<String>,
    pub consume_type: Option<String>,
    pub consume_from_where: Option<String>,
    pub queues: Vec<QueueProgress>,
    pub clients: Vec<ConnectionRow>,
    pub subscriptions: Vec<SubscriptionRow>,
    /// Brokers that did not answer.
    pub unreachable: Vec<String>,
}

/// Where a reset moves each queue's offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResetTarget {
    /// The queue's first message.
    Earliest,
    /// The queue's end: everything not yet consumed is skipped.
    Latest,
    /// The first message stored at or after this time (ms since the epoch).
    Time(i64),
    /// This offset in every queue.
    Offset(i64),
    /// This many messages from the committed offset (negative: back).
    ShiftBy(i64),
}

impl ResetTarget {
    /// The timestamp INVOKE_BROKER_TO_RESET_OFFSET carries: Apache brokers
    /// ignore the exact offsets in the body and use it.
    fn broker_timestamp(self) -> i64 {
        match self {
            ResetTarget::Earliest => 0,
            ResetTarget::Time(ts) => ts,
            _ => -1,
        }
    }
}

/// One queue of a reset plan.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResetRow {
    pub topic: String,
    pub broker_name: String,
    pub queue_id: i32,
    pub min_offset: i64,
    pub max_offset: i64,
    /// null when the group never committed an offset for this queue.
    pub current_offset: Option<i64>,
    pub target_offset: i64,
}

/// What a reset does (or, once executed, did) to each queue of a topic.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResetPlan {
    pub group: String,
    pub topic: String,
    pub executed: bool,
    /// Whether consumers of the group were online (their brokers told them).
    pub online: bool,
    pub queues: Vec<ResetRow>,
    #[serde(skip)]
    to: ResetTarget,
    #[serde(skip)]
    brokers: Vec<BrokerTarget>,
}

impl AdminClient {
    /// The subscription groups on the masters of `cluster` (every cluster
    /// when `None`), without the ones every broker has unless `all`.
    pub async fn list_groups(
        &self,
        cluster: Option<&str>,
        all: bool,
    ) -> AdminResult<Vec<GroupRow>> {
        let groups = self.all_groups(cluster).await?;
        Ok(groups
            .into_iter()
            .filter(|(name, _)| all || !PRE_CREATED_GROUPS.contains(&name.as_str()))
            .map(|(name, (c, brokers))| GroupRow {
                group: name,
                brokers,
                consume_enable: c.consume_enable,
                consume_broadcast_enable: c.consume_broadcast_enable,
                retry_max_times: c.retry_max_times,
                retry_queue_nums: c.retry_queue_nums,
            })
            .collect())
    }

    /// Creates `group` (or, when it exists, updates it) on the brokers
    /// `change_targets(cluster, broker_addr)` chooses, keeping the settings
    /// `settings` leaves alone. With `must_exist`, a group no master has is
    /// `GroupNotFound`.
    pub async fn create_or_update_group(
        &self,
        group: &str,
        cluster: Option<&str>,
        broker_addr: Option<&str>,
        must_exist: bool,
        settings: &GroupSettings,
    ) -> AdminResult<Vec<GroupChange>> {
        let targets = self.change_targets(cluster, broker_addr).await?;
        let existing = self.all_groups(cluster).await?;
        let current = existing.get(group).map(|(c, _)| c.clone());
        if must_exist && current.is_none() {
            return Err(self.group_not_found(group, cluster).await);
        }
        let mut config = current
            .clone()
            .unwrap_or_else(|| SubscriptionGroupConfig::new(group));
        if settings.broadcast {
            config.consume_broadcast_enable = true;
        }
        if let Some(n) = settings.retry_max_times {
            config.retry_max_times = n;
        }
        if let Some(n) = settings.retry_queue_nums {
            config.retry_queue_nums = n;
        }
        if let Some(b) = settings.consume_enable {
            config.consume_enable = b;
        }
        let mut rows = Vec::new();
        for t in &targets {
            self.create_subscription_group(&t.addr, &config).await?;
            rows.push(GroupChange {
                group: group.to_string(),
                action: if current.is_some() {
                    "updated"
                } else {
                    "created"
                },
                broker_name: t.broker_name.clone(),
                address: t.addr.clone(),
            });
        }
        Ok(rows)
    }

    /// Where deleting `group` from the brokers `change_targets(cluster,
    /// broker_addr)` chooses would go; `GroupNotFound` when no master has it.
    pub async fn plan_delete_group(
        &self,
        group: &str,
        cluster: Option<&str>,
        broker_addr: Option<&str>,
    ) -> AdminResult<GroupDeletion> {
        let brokers = self.change_targets(cluster, broker_addr).await?;
        let mut groups = self.all_groups(cluster).await?;
        let Some((_, holders)) = groups.remove(group) else {
            return Err(self.group_not_found(group, cluster).await);
        };
        let targets = brokers
            .into_iter()
            .filter(|t| holders.contains(&t.broker_name))
            .collect();
        Ok(GroupDeletion {
            group: group.to_string(),
            holders,
            targets,
        })
    }

    /// Deletes the group where `plan` says, with its committed offsets when
    /// `remove_offsets`.
    pub async fn delete_group(
        &self,
        plan: &GroupDeletion,
        remove_offsets: bool,
    ) -> AdminResult<Vec<GroupChange>> {
        let mut rows = Vec::new();
        for t in &plan.targets {
            self.delete_subscription_group(&t.addr, &plan.group, remove_offsets)
                .await?;
            rows.push(GroupChange {
                group: plan.group.clone(),
                action: "deleted",
                broker_name: t.broker_name.clone(),
                address: t.addr.clone(),
            });
        }
        Ok(rows)
    }

    /// `GroupNotFound` naming the cluster looked in (the only one when the
    /// caller named none; blank when even that is unknown).
    async fn group_not_found(&self, group: &str, cluster: Option<&str>) -> AdminError {
        AdminError::GroupNotFound {
            group: group.to_string(),
            cluster: Some(self.cluster_or_only(cluster).await.unwrap_or_default()),
        }
    }

    /// A group's progress per queue (every topic it consumes, or only
    /// `topic`), its online clients and subscriptions, on every master of
    /// `cluster` (all clusters when `None`). Brokers that do not answer are
    /// listed in `unreachable`; a group no broker knows is `GroupNotFound`.
    pub async fn describe_group(
        &self,
        group: &str,
        topic: Option<&str>,
        cluster: Option<&str>,
    ) -> AdminResult<GroupDescription> {
        let (stats, unreachable) = self
            .group_progress(group, topic, cluster)
            .await
            .map_err(AdminError::topic)?;
        let conn: Option<ConsumerConnection> = self.group_connections(group, cluster).await?;
        if stats.offset_table.is_empty() && conn.is_none() {
            let groups = self.all_groups(cluster).await?;
            if !groups.contains_key(group) {
                return Err(AdminError::GroupNotFound {
                    group: group.to_string(),
                    cluster: cluster.map(str::to_string),
                });
            }
        }
        let queues: Vec<QueueProgress> = stats
            .offset_table
            .iter()
            .map(|(mq, o)| QueueProgress {
                topic: mq.topic.clone(),
                broker_name: mq.broker_name.clone(),
                queue_id: mq.queue_id,
                broker_offset: o.broker_offset,
                consumer_offset: o.committed_offset(),
                lag: o.lag(),
                last_timestamp: Some(o.last_timestamp).filter(|t| *t > 0),
            })
            .collect();
        let total_lag = total_known_lag(queues.iter().map(|q| q.lag));
        let (clients, subscriptions, model, ctype, from) = match &conn {
            Some(c) => (
                c.connection_set.iter().map(ConnectionRow::from).collect(),
                subscription_rows(c),
                c.message_model.map(|m| m.to_string()),
                c.consume_type.map(|m| m.to_string()),
                c.consume_from_where.map(|m| m.to_string()),
            ),
            None => (Vec::new(), Vec::new(), None, None, None),
        };
        let (retry_depth, dlq_depth) = self.retry_and_dlq_depth(group).await;
        Ok(GroupDescription {
            group: group.to_string(),
            total_lag,
            consume_tps: stats.consume_tps,
            retry_depth,
            dlq_depth,
            online: conn.is_some(),
            message_model: model,
            consume_type: ctype,
            consume_from_where: from,
            queues,
            clients,
            subscriptions,
            unreachable,
        })
    }

    /// The depth of `group`'s retry topic and of its dead-letter queue (see
    /// `retry_depth` and `dlq_depth`): 0 for a topic that does not exist,
    /// `None` when a broker serving it did not answer.
    pub async fn retry_and_dlq_depth(&self, group: &str) -> (Option<i64>, Option<i64>) {
        let retry = retry_topic(group);
        let (retry_range, retry_progress) = tokio::join!(
            self.topic_range_or_empty(&retry),
            self.group_progress(group, Some(&retry), None)
        );
        let retry_depth = match (retry_range, retry_progress) {
            (Ok(range), _) if range.is_empty() => Some(0),
            (Ok(range), Ok((progress, unreachable))) if unreachable.is_empty() => {
                Some(retry_depth(&range, &progress.offset_table))
            }
            _ => None,
        };
        let dlq_depth = self
            .topic_range_or_empty(&dlq_topic(group))
            .await
            .ok()
            .map(|range| dlq_depth(&range));
        (retry_depth, dlq_depth)
    }

    /// Every queue's offset range of `topic`; empty when it does not exist.
    async fn topic_range_or_empty(
        &self,
        topic: &str,
    ) -> Result<BTreeMap<MessageQueue, TopicOffset>, ClientError> {
        match self.topic_status(topic).await {
            Ok(s) => Ok(s.offset_table),
            Err(ClientError::TopicNotFound(_)) => Ok(BTreeMap::new()),
            Err(ClientError::Response { code, .. }) if code == response::TOPIC_NOT_EXIST => {
                Ok(BTreeMap::new())
            }
            Err(e) => Err(e),
        }
    }

    /// Plans moving `group`'s offsets on `topic` to `to`: per queue its
    /// range, committed offset and target (clamped to the range). Changes
    /// nothing; `execute_reset_offset` applies the plan. Refuses when a
    /// broker serving the topic does not answer.
    pub async fn plan_reset_offset(
        &self,
        group: &str,
        topic: &str,
        to: ResetTarget,
    ) -> AdminResult<ResetPlan> {
        let stats = self.topic_status(topic).await.map_err(AdminError::topic)?;
        let (progress, unreachable) = self.group_progress(group, Some(topic), None).await?;
        if let Some(u) = unreachable.into_iter().next() {
            return Err(AdminError::OffsetsUnreadable(u));
        }
        let brokers = self.topic_masters(topic).await?;
        // Offsets by time, asked per queue (brokers in parallel).
        let mut by_time: BTreeMap<MessageQueue, i64> = BTreeMap::new();
        if let ResetTarget::Time(ts) = to {
            let stats = &stats;
            for (_, r) in on_each(&brokers, |t| async move {
                let mut out = Vec::new();
                for mq in stats
                    .offset_table
                    .keys()
                    .filter(|mq| mq.broker_name == t.broker_name)
                {
                    out.push((
                        mq.clone(),
                        self.search_offset(&t.addr, topic, mq.queue_id, ts).await?,
                    ));
                }
                Ok(out)
            })
            .await
            {
                by_time.extend(r?);
            }
        }
        let queues = stats
            .offset_table
            .iter()
            .map(|(mq, range)| {
                let current = progress
                    .offset_table
                    .get(mq)
                    .and_then(|o| o.committed_offset());
                let (min, max) = (range.min_offset, range.max_offset);
                let target = match to {
                    ResetTarget::Earliest => min,
                    ResetTarget::Latest => max,
                    ResetTarget::Offset(n) => n,
                    ResetTarget::ShiftBy(n) => current.unwrap_or(min) + n,
                    ResetTarget::Time(_) => by_time.get(mq).copied().unwrap_or(max),
                };
                ResetRow {
                    topic: mq.topic.clone(),
                    broker_name: mq.broker_name.clone(),
                    queue_id: mq.queue_id,
                    min_offset: min,
                    max_offset: max,
                    current_offset: current,
                    target_offset: target.clamp(min, max.max(min)),
                }
            })
            .collect();
        let online = self.group_connections(group, None).await?.is_some();
        Ok(ResetPlan {
            group: group.to_string(),
            topic: topic.to_string(),
            executed: false,
            online,
            queues,
            to,
            brokers,
        })
    }

    /// Applies a plan from `plan_reset_offset`, broker by broker: online
    /// consumers are told by their broker, and each row's target becomes the
    /// offset the broker reports. For a group with no consumer online an
    /// Apache broker refuses (CONSUMER_NOT_ONLINE); then the committed
    /// offsets are written directly, as mqadmin resetOffsetByTimeOld does.
    pub async fn execute_reset_offset(&self, plan: &mut ResetPlan) -> AdminResult<()> {
        let timestamp = plan.to.broker_timestamp();
        let addr_of: BTreeMap<String, String> = plan
            .brokers
            .iter()
            .map(|t| (t.broker_name.clone(), t.addr.clone()))
            .collect();
        for (broker_name, addr) in &addr_of {
            let mut body = ResetOffsetBody::default();
            for r in plan.queues.iter().filter(|r| &r.broker_name == broker_name) {
                body.offset_table.insert(
                    MessageQueue::new(&r.topic, broker_name, r.queue_id),
                    r.target_offset,
                );
            }
            match self
                .reset_offset(addr, &plan.topic, &plan.group, timestamp, Some(&body))
                .await
            {
                Ok(done) => {
                    for r in plan
                        .queues
                        .iter_mut()
                        .filter(|r| &r.broker_name == broker_name)
                    {
                        if let Some(o) = done.offset_table.get(&MessageQueue::new(
                            &r.topic,
                            broker_name,
                            r.queue_id,
                        )) {
                            r.target_offset = *o;
                        }
                    }
                }
                Err(ClientError::Response { code, .. })
                    if code == response::CONSUMER_NOT_ONLINE =>
                {
                    for (mq, offset) in &body.offset_table {
                        self.update_consumer_offset(
                            addr,
                            &plan.group,
                            &plan.topic,
                            mq.queue_id,
                            *offset,
                        )
                        .await?;
                    }
                }
                Err(source) => {
                    return Err(AdminError::ResetFailed {
                        broker_name: broker_name.clone(),
                        addr: addr.clone(),
                        source,
                    });
                }
            }
        }
        plan.executed = true;
        Ok(())
    }
}

/// Messages of a group's retry topic not consumed yet: per queue of `range`
/// (the topic's offset ranges), the max offset less the group's committed
/// offset from `progress`. A queue the group never committed on counts
/// whole, since a consumer starts a retry queue from its first message.
pub fn retry_depth(
    range: &BTreeMap<MessageQueue, TopicOffset>,
    progress: &BTreeMap<MessageQueue, OffsetWrapper>,
) -> i64 {
    range
        .iter()
        .map(|(mq, r)| {
            let consumed = progress
                .get(mq)
                .and_then(OffsetWrapper::committed_offset)
                .unwrap_or(r.min_offset)
                .max(r.min_offset);
            (r.max_offset - consumed).max(0)
        })
        .sum()
}

/// Messages a dead-letter queue holds: max − min offset over its queues.
pub fn dlq_depth(range: &BTreeMap<MessageQueue, TopicOffset>) -> i64 {
    range
        .values()
        .map(|r| (r.max_offset - r.min_offset).max(0))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(q: i32, min: i64, max: i64) -> (MessageQueue, TopicOffset) {
        (
            MessageQueue::new("%RETRY%g", "broker-a", q),
            TopicOffset {
                last_update_timestamp: 0,
                max_offset: max,
                min_offset: min,
            },
        )
    }

    fn committed(q: i32, offset: Option<i64>) -> (MessageQueue, OffsetWrapper) {
        (
            MessageQueue::new("%RETRY%g", "broker-a", q),
            OffsetWrapper {
                broker_offset: 0,
                consumer_offset: offset.unwrap_or(0),
                committed: Some(offset.is_some()),
                ..Default::default()
            },
        )
    }

    #[test]
    fn retry_depth_counts_what_the_group_has_not_consumed() {
        let ranges = BTreeMap::from([range(0, 0, 10), range(1, 5, 8), range(2, 3, 3)]);
        // Queue 0 consumed up to 4, queue 1 never committed (counts whole
        // from its min), queue 2 empty.
        let progress = BTreeMap::from([committed(0, Some(4)), committed(1, None)]);
        assert_eq!(retry_depth(&ranges, &progress), 6 + 3);
        // An offset behind the min (messages cleaned up) counts from the min.
        let behind = BTreeMap::from([committed(1, Some(2))]);
        assert_eq!(retry_depth(&ranges, &behind), 10 + 3);
        assert_eq!(retry_depth(&BTreeMap::new(), &progress), 0);
    }

    #[test]
    fn dlq_depth_is_everything_held() {
        let ranges = BTreeMap::from([range(0, 2, 10), range(1, 0, 0)]);
        assert_eq!(dlq_depth(&ranges), 8);
        assert_eq!(dlq_depth(&BTreeMap::new()), 0);
    }
}
