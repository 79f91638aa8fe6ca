//! Consumer group workflows over many brokers: a group's progress and
//! clients (describe), and moving its offsets on a topic (reset-offset: a
//! plan first, applied only when asked). The results are the serializable
//! types `mq group` prints and the console serves.

use std::collections::BTreeMap;

use serde::Serialize;

use super::AdminClient;
use super::connection::{ConnectionRow, SubscriptionRow, subscription_rows};
use super::error::{AdminError, AdminResult};
use super::fanout::{BrokerTarget, on_each};
use crate::client::error::ClientError;
use crate::protocol::admin::{MessageQueue, ResetOffsetBody, total_known_lag};
use crate::protocol::connection::ConsumerConnection;
use crate::remoting::code::response;

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
        Ok(GroupDescription {
            group: group.to_string(),
            total_lag,
            consume_tps: stats.consume_tps,
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
