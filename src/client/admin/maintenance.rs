//! The admin client's calls behind mqadmin's statistics and maintenance
//! commands: broker stats items (VIEW_BROKER_STATS_DATA), every group's
//! progress on a broker (GET_BROKER_CONSUME_STATS), consume time spans,
//! offset cloning, raw consume queue entries, consumer status (the broker asks
//! its clients), the producer table, and the store clean-ups; and the
//! workflows over them the CLI shares (statsAll's rows, brokerConsumeStats's
//! rows, a clean-up on many brokers).

use serde::Serialize;

use super::fanout::{BrokerTarget, on_each};
use super::{AdminClient, decode};
use crate::client::error::ClientResult;
use crate::protocol::admin::{MessageQueue, OffsetWrapper};
use crate::protocol::admin_codes::*;
use crate::protocol::topic::{DLQ_GROUP_TOPIC_PREFIX, RETRY_GROUP_TOPIC_PREFIX};
use crate::remoting::RemotingCommand;
use crate::remoting::code::request;

impl AdminClient {
    /// VIEW_BROKER_STATS_DATA: a stats item's minute, hour and day figures.
    pub async fn view_broker_stats_data(
        &self,
        addr: &str,
        stats_name: &str,
        stats_key: &str,
    ) -> ClientResult<BrokerStatsData> {
        let req = RemotingCommand::request(request::VIEW_BROKER_STATS_DATA).with_header(
            &ViewBrokerStatsDataRequestHeader {
                stats_name: stats_name.to_string(),
                stats_key: stats_key.to_string(),
            },
        );
        let r = self
            .call_broker(addr, "view broker stats data", req)
            .await?;
        decode("broker stats data", &r)
    }

    /// GET_BROKER_CONSUME_STATS: every subscription group's progress on the broker.
    pub async fn broker_consume_stats(
        &self,
        addr: &str,
        is_order: bool,
    ) -> ClientResult<ConsumeStatsList> {
        let req = RemotingCommand::request(request::GET_BROKER_CONSUME_STATS)
            .with_header(&GetConsumeStatsInBrokerHeader { is_order });
        let r = self.call_broker(addr, "broker consume stats", req).await?;
        decode("broker consume stats", &r)
    }

    /// QUERY_CONSUME_TIME_SPAN: a group's progress on a topic in store times.
    pub async fn consume_time_span(
        &self,
        addr: &str,
        topic: &str,
        group: &str,
    ) -> ClientResult<Vec<QueueTimeSpan>> {
        let req = RemotingCommand::request(request::QUERY_CONSUME_TIME_SPAN).with_header(
            &QueryConsumeTimeSpanRequestHeader {
                topic: topic.to_string(),
                group: group.to_string(),
            },
        );
        let r = self
            .call_broker(addr, "query consume time span", req)
            .await?;
        Ok(decode::<QueryConsumeTimeSpanBody>("consume time span", &r)?.consume_time_span_set)
    }

    /// CLONE_GROUP_OFFSET: copies `src`'s committed offsets on `topic` to `dest`.
    pub async fn clone_group_offset(
        &self,
        addr: &str,
        src: &str,
        dest: &str,
        topic: &str,
        offline: bool,
    ) -> ClientResult<()> {
        let req = RemotingCommand::request(request::CLONE_GROUP_OFFSET).with_header(
            &CloneGroupOffsetRequestHeader {
                src_group: src.to_string(),
                dest_group: dest.to_string(),
                topic: Some(topic.to_string()),
                offline: Some(offline),
            },
        );
        self.call_broker(addr, "clone group offset", req).await?;
        Ok(())
    }

    /// QUERY_CONSUME_QUEUE: `count` raw entries of a queue from `index`.
    pub async fn query_consume_queue(
        &self,
        addr: &str,
        topic: &str,
        queue_id: i32,
        index: i64,
        count: i32,
        group: Option<&str>,
    ) -> ClientResult<QueryConsumeQueueResponseBody> {
        let req = RemotingCommand::request(request::QUERY_CONSUME_QUEUE).with_header(
            &QueryConsumeQueueRequestHeader {
                topic: topic.to_string(),
                queue_id,
                index,
                count,
                consumer_group: group.map(str::to_string),
            },
        );
        let r = self.call_broker(addr, "query consume queue", req).await?;
        decode("consume queue entries", &r)
    }

    /// INVOKE_BROKER_TO_GET_CONSUMER_STATUS: each online consumer's offsets on a topic, by
    /// client id, as the consumers themselves report them.
    pub async fn consumer_status(
        &self,
        addr: &str,
        topic: &str,
        group: &str,
        client_id: Option<&str>,
    ) -> ClientResult<GetConsumerStatusBody> {
        let req = RemotingCommand::request(request::INVOKE_BROKER_TO_GET_CONSUMER_STATUS)
            .with_header(&GetConsumerStatusRequestHeader {
                topic: topic.to_string(),
                group: group.to_string(),
                client_addr: client_id.map(str::to_string),
            });
        let r = self.call_broker(addr, "get consumer status", req).await?;
        decode("consumer status", &r)
    }

    /// GET_ALL_PRODUCER_INFO: every producer connected to the broker, by group.
    pub async fn all_producer_info(&self, addr: &str) -> ClientResult<ProducerTableInfo> {
        let req = RemotingCommand::request(request::GET_ALL_PRODUCER_INFO);
        let r = self.call_broker(addr, "get all producer info", req).await?;
        decode("producer table", &r)
    }

    /// Runs a store clean-up on one broker.
    pub async fn clean_up(&self, addr: &str, what: CleanUp) -> ClientResult<()> {
        let req = RemotingCommand::request(what.code());
        self.call_broker(addr, what.action(), req).await?;
        Ok(())
    }

    /// Runs a store clean-up on each target; one row per broker.
    pub async fn clean_up_on(&self, targets: &[BrokerTarget], what: CleanUp) -> Vec<CleanUpRow> {
        on_each(
            targets,
            |t| async move { self.clean_up(&t.addr, what).await },
        )
        .await
        .into_iter()
        .map(|(t, r)| CleanUpRow {
            broker_name: t.broker_name,
            address: t.addr,
            done: r.is_ok(),
            error: r.err().map(|e| e.to_string()),
        })
        .collect()
    }

    /// mqadmin brokerConsumeStats's rows for each target: every group's queues with a lag of
    /// at least `min_diff`, and the broker's total lag.
    pub async fn broker_consume_rows(
        &self,
        targets: &[BrokerTarget],
        is_order: bool,
        min_diff: i64,
    ) -> ClientResult<BrokerConsumeReport> {
        let mut report = BrokerConsumeReport::default();
        for (t, r) in on_each(targets, |t| async move {
            self.broker_consume_stats(&t.addr, is_order).await
        })
        .await
        {
            let list = r?;
            report.total_diff += list.total_diff;
            for map in list.consume_stats_list {
                for (group, per_topic) in map {
                    for stats in per_topic {
                        for (mq, w) in stats.offset_table {
                            let diff = w.broker_offset - w.consumer_offset;
                            if diff >= min_diff {
                                report.rows.push(BrokerConsumeRow::new(&t, &group, mq, w));
                            }
                        }
                    }
                }
            }
        }
        Ok(report)
    }

    /// mqadmin statsAll's rows: per topic (not retry or dead-letter; only `topic` when
    /// given) and consuming group, the lag, the in/out TPS over the last minute and the
    /// in/out message counts over the last 24 hours, from the masters' stats items.
    /// `active`: only topics with messages in or out in the last 24 hours.
    pub async fn stats_all(
        &self,
        topic: Option<&str>,
        active: bool,
    ) -> ClientResult<Vec<StatsAllRow>> {
        let topics = self.topic_list().await?.topic_list;
        let mut rows = Vec::new();
        for t in topics {
            if t.starts_with(RETRY_GROUP_TOPIC_PREFIX)
                || t.starts_with(DLQ_GROUP_TOPIC_PREFIX)
                || topic.is_some_and(|want| want != t)
            {
                continue;
            }
            // A topic without a route (deleted meanwhile) is skipped, as mqadmin does.
            if let Ok(mut more) = self.topic_stats_rows(&t, active).await {
                rows.append(&mut more);
            }
        }
        Ok(rows)
    }

    async fn topic_stats_rows(&self, topic: &str, active: bool) -> ClientResult<Vec<StatsAllRow>> {
        let masters = self.topic_masters(topic).await?;
        let mut in_tps = 0.0;
        let mut in_24h = 0;
        let mut groups = std::collections::BTreeSet::new();
        for t in &masters {
            if let Ok(d) = self
                .view_broker_stats_data(&t.addr, "TOPIC_PUT_NUMS", topic)
                .await
            {
                in_tps += d.stats_minute.tps;
                in_24h += sum_24_hours(&d);
            }
            if let Ok(g) = self.topic_consumed_by(&t.addr, topic).await {
                groups.extend(g.group_list);
            }
        }
        let mut rows = Vec::new();
        if groups.is_empty() {
            if !active || in_24h > 0 {
                rows.push(StatsAllRow {
                    topic: topic.to_string(),
                    group: None,
                    accumulation: 0,
                    in_tps,
                    out_tps: None,
                    in_msg_24_hour: in_24h,
                    out_msg_24_hour: None,
                });
            }
            return Ok(rows);
        }
        let key_suffix = |group: &str| format!("{topic}@{group}");
        for group in groups {
            let mut out_tps = 0.0;
            let mut out_24h = 0;
            let mut accumulation = 0;
            for t in &masters {
                if let Ok(d) = self
                    .view_broker_stats_data(&t.addr, "GROUP_GET_NUMS", &key_suffix(&group))
                    .await
                {
                    out_tps += d.stats_minute.tps;
                    out_24h += sum_24_hours(&d);
                }
                if let Ok(s) = self.consume_stats(&t.addr, &group, Some(topic)).await {
                    accumulation += s
                        .offset_table
                        .values()
                        .map(|w| w.broker_offset - w.consumer_offset)
                        .sum::<i64>();
                }
            }
            if !active || in_24h > 0 || out_24h > 0 {
                rows.push(StatsAllRow {
                    topic: topic.to_string(),
                    group: Some(group),
                    accumulation: accumulation.max(0),
                    in_tps,
                    out_tps: Some(out_tps),
                    in_msg_24_hour: in_24h,
                    out_msg_24_hour: Some(out_24h),
                });
            }
        }
        Ok(rows)
    }
}

impl AdminClient {
    /// mqadmin cloneGroupOffset: copies `src`'s offsets on `topic` to `dest` on every master
    /// of the topic's route; answers `dest`'s offsets afterwards.
    pub async fn clone_offsets(
        &self,
        src: &str,
        dest: &str,
        topic: &str,
        offline: bool,
    ) -> ClientResult<Vec<QueueOffsetRow>> {
        let masters = self.topic_masters(topic).await?;
        let mut rows = Vec::new();
        for t in &masters {
            self.clone_group_offset(&t.addr, src, dest, topic, offline)
                .await?;
            let stats = self.consume_stats(&t.addr, dest, Some(topic)).await?;
            rows.extend(
                stats
                    .offset_table
                    .into_iter()
                    .map(|(mq, w)| QueueOffsetRow {
                        client_id: None,
                        broker_name: mq.broker_name,
                        queue_id: mq.queue_id,
                        offset: w.committed_offset(),
                    }),
            );
        }
        Ok(rows)
    }

    /// A group's progress on a topic in store times, on every master of its route.
    pub async fn time_spans(&self, group: &str, topic: &str) -> ClientResult<Vec<QueueTimeSpan>> {
        let mut out = Vec::new();
        for t in self.topic_masters(topic).await? {
            out.extend(self.consume_time_span(&t.addr, topic, group).await?);
        }
        Ok(out)
    }

    /// mqadmin getConsumerStatus: the offsets each online consumer of `group` holds in
    /// memory for `topic`'s queues (only `client_id`'s when given), asked through every
    /// master of the topic's route.
    pub async fn consumer_offsets(
        &self,
        group: &str,
        topic: &str,
        client_id: Option<&str>,
    ) -> ClientResult<Vec<QueueOffsetRow>> {
        let mut rows = Vec::new();
        for t in self.topic_masters(topic).await? {
            let status = self
                .consumer_status(&t.addr, topic, group, client_id)
                .await?;
            for (client, offsets) in status.consumer_table {
                rows.extend(offsets.0.into_iter().map(|(mq, offset)| QueueOffsetRow {
                    client_id: Some(client.clone()),
                    broker_name: mq.broker_name,
                    queue_id: mq.queue_id,
                    offset: Some(offset),
                }));
            }
        }
        rows.sort_by(|a, b| {
            (&a.client_id, &a.broker_name, a.queue_id).cmp(&(
                &b.client_id,
                &b.broker_name,
                b.queue_id,
            ))
        });
        Ok(rows)
    }
}

impl AdminClient {
    /// mqadmin consumerStatus: each online consumer's running info (its properties,
    /// subscriptions and queues, as the client reports them through a broker it is
    /// connected to), only `client_id`'s when given.
    pub async fn running_infos(
        &self,
        group: &str,
        client_id: Option<&str>,
        cluster: Option<&str>,
    ) -> ClientResult<Vec<RunningInfo>> {
        let targets = self.masters(cluster).await?;
        let mut out: Vec<RunningInfo> = Vec::new();
        for t in &targets {
            let Some(conns) = self.consumer_connection(&t.addr, group).await? else {
                continue;
            };
            for c in conns.connection_set {
                if client_id.is_some_and(|id| id != c.client_id)
                    || out.iter().any(|r| r.client_id == c.client_id)
                {
                    continue;
                }
                let info = self
                    .consumer_running_info(&t.addr, group, &c.client_id)
                    .await?;
                out.push(RunningInfo {
                    client_id: c.client_id,
                    client_addr: c.client_addr,
                    info,
                });
            }
        }
        Ok(out)
    }
}

impl AdminClient {
    /// mqadmin getConsumerConfig: the group's subscription group config on each master
    /// that has it (of `cluster`, or of every cluster).
    pub async fn group_configs(
        &self,
        group: &str,
        cluster: Option<&str>,
    ) -> ClientResult<Vec<GroupConfigRow>> {
        let targets = self.masters(cluster).await?;
        let mut rows = Vec::new();
        for (t, r) in on_each(&targets, |t| async move {
            self.subscription_groups(&t.addr).await
        })
        .await
        {
            if let Some(config) = r?.subscription_group_table.remove(group) {
                rows.push(GroupConfigRow {
                    cluster: t.cluster,
                    broker_name: t.broker_name,
                    address: t.addr,
                    config,
                });
            }
        }
        Ok(rows)
    }
}

/// A group's config on one broker.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct GroupConfigRow {
    pub cluster: String,
    pub broker_name: String,
    pub address: String,
    pub config: crate::protocol::subscription_group::SubscriptionGroupConfig,
}

/// One consumer's ConsumerRunningInfo (properties, subscriptionSet, mqTable, statusTable).
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RunningInfo {
    pub client_id: String,
    pub client_addr: String,
    pub info: serde_json::Value,
}

/// One queue's offset (of a client, for consumer status); `None`: never committed.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct QueueOffsetRow {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    pub broker_name: String,
    pub queue_id: i32,
    pub offset: Option<i64>,
}

/// mqadmin's compute24HourSum: the day window's sum, else the hour's, else the minute's.
pub fn sum_24_hours(d: &BrokerStatsData) -> i64 {
    [d.stats_day.sum, d.stats_hour.sum, d.stats_minute.sum]
        .into_iter()
        .find(|s| *s != 0)
        .unwrap_or(0)
}

/// The store clean-ups mqadmin can ask a broker for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CleanUp {
    /// DELETE_EXPIRED_COMMITLOG: delete expired commit log files now, whatever the hour.
    ExpiredCommitLog,
    /// CLEAN_EXPIRED_CONSUMEQUEUE: delete consume queue files pointing at deleted data.
    ExpiredConsumeQueue,
    /// CLEAN_UNUSED_TOPIC: drop the consume queues of topics the broker no longer has.
    UnusedTopic,
}

impl CleanUp {
    fn code(self) -> i32 {
        match self {
            CleanUp::ExpiredCommitLog => request::DELETE_EXPIRED_COMMITLOG,
            CleanUp::ExpiredConsumeQueue => request::CLEAN_EXPIRED_CONSUMEQUEUE,
            CleanUp::UnusedTopic => request::CLEAN_UNUSED_TOPIC,
        }
    }
    fn action(self) -> &'static str {
        match self {
            CleanUp::ExpiredCommitLog => "delete expired commit log",
            CleanUp::ExpiredConsumeQueue => "clean expired consume queue",
            CleanUp::UnusedTopic => "clean unused topic",
        }
    }
}

/// One broker's clean-up outcome.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CleanUpRow {
    pub broker_name: String,
    pub address: String,
    pub done: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One queue of one group in brokerConsumeStats.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct BrokerConsumeRow {
    pub topic: String,
    pub group: String,
    pub broker_name: String,
    pub address: String,
    pub queue_id: i32,
    pub broker_offset: i64,
    pub consumer_offset: i64,
    pub diff: i64,
    pub last_timestamp: i64,
}

impl BrokerConsumeRow {
    fn new(t: &BrokerTarget, group: &str, mq: MessageQueue, w: OffsetWrapper) -> Self {
        BrokerConsumeRow {
            topic: mq.topic,
            group: group.to_string(),
            broker_name: mq.broker_name,
            address: t.addr.clone(),
            queue_id: mq.queue_id,
            broker_offset: w.broker_offset,
            consumer_offset: w.consumer_offset,
            diff: w.broker_offset - w.consumer_offset,
            last_timestamp: w.last_timestamp,
        }
    }
}

/// brokerConsumeStats: the rows and the brokers' total lag.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct BrokerConsumeReport {
    pub rows: Vec<BrokerConsumeRow>,
    pub total_diff: i64,
}

/// One statsAll line: a topic and a group consuming it (`None`: no consumer).
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct StatsAllRow {
    pub topic: String,
    pub group: Option<String>,
    pub accumulation: i64,
    pub in_tps: f64,
    pub out_tps: Option<f64>,
    pub in_msg_24_hour: i64,
    pub out_msg_24_hour: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sum_24_hours_falls_back_like_mqadmin() {
        let mut d = BrokerStatsData::default();
        assert_eq!(sum_24_hours(&d), 0);
        d.stats_minute.sum = 3;
        assert_eq!(sum_24_hours(&d), 3);
        d.stats_hour.sum = 5;
        assert_eq!(sum_24_hours(&d), 5);
        d.stats_day.sum = 9;
        assert_eq!(sum_24_hours(&d), 9);
    }
}
