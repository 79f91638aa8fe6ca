//! Statistics requests: GET_BROKER_RUNTIME_INFO (RocketMQ's KVTable keys),
//! GET_TOPIC_STATS_INFO (per-queue offset range), GET_CONSUME_STATS (a
//! group's per-queue progress), GET_BROKER_CONSUME_STATS (every group's),
//! QUERY_CONSUME_TIME_SPAN (a group's progress in store times) and
//! VIEW_BROKER_STATS_DATA (one stats item's minute, hour and day figures),
//! with MessageQueue-keyed bodies in fastjson's object-key form.

use std::collections::BTreeSet;
use std::sync::atomic::Ordering;

use super::Outcome;
use crate::broker::Broker;
use crate::protocol::admin::{
    ConsumeStats, MessageQueue, OffsetWrapper, TopicOffset, TopicStatsTable,
};
use crate::protocol::admin_codes::{
    BrokerStatsData, BrokerStatsItem, ConsumeStatsList, GetConsumeStatsInBrokerHeader,
    QueryConsumeTimeSpanBody, QueryConsumeTimeSpanRequestHeader, QueueTimeSpan,
    ViewBrokerStatsDataRequestHeader,
};
use crate::protocol::body::{KVTable, RemotingBody};
use crate::protocol::header::{GetConsumeStatsRequestHeader, TopicRequestHeader};
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;
use crate::remoting::command::MQ_VERSION;
use crate::store::MessageStore;
use crate::store::cleanup::disk_used_ratio;

/// `brokerVersionDesc` of this broker: the RocketMQ release it speaks as.
pub const BROKER_VERSION_DESC: &str = "V4_9_8";

pub fn get_broker_runtime_info(b: &Broker) -> Outcome {
    let s = &b.stats;
    let boot = s.boot_timestamp.load(Ordering::Relaxed) as i64;
    let now = crate::util::now_millis();
    let put_total = s.put_msgs.load(Ordering::Relaxed);
    let get_total = s.get_msgs.load(Ordering::Relaxed);
    let put_bytes = s.put_bytes.load(Ordering::Relaxed);
    let root = &b.store.config().store_path_root_dir;
    let commit_log_dir = root.join("commitlog");
    let commit_ratio = disk_used_ratio(if commit_log_dir.exists() {
        &commit_log_dir
    } else {
        root
    });
    let cq_ratio = disk_used_ratio(root);
    let (min, max, flushed) = (
        b.store.min_phy_offset(),
        b.store.max_phy_offset(),
        b.store.flushed_phy_offset(),
    );
    let up = ((now - boot).max(0) / 1000) as u64;
    let runtime = format!(
        "[ {} days, {} hours, {} minutes, {} seconds ]",
        up / 86_400,
        up / 3_600 % 24,
        up / 60 % 60,
        up % 60
    );
    let days = s.day_marks();
    let put_tps = s.tps_text(true);
    let get_tps = s.tps_text(false);
    let entries: Vec<(&str, String)> = vec![
        ("brokerVersionDesc", BROKER_VERSION_DESC.into()),
        ("brokerVersion", MQ_VERSION.to_string()),
        // Totals since boot, and what they were when today and yesterday began.
        (
            "msgPutTotalYesterdayMorning",
            days.yesterday_morning.0.to_string(),
        ),
        ("msgPutTotalTodayMorning", days.today_morning.0.to_string()),
        ("msgPutTotalTodayNow", put_total.to_string()),
        (
            "msgGetTotalYesterdayMorning",
            days.yesterday_morning.1.to_string(),
        ),
        ("msgGetTotalTodayMorning", days.today_morning.1.to_string()),
        ("msgGetTotalTodayNow", get_total.to_string()),
        ("sendThreadPoolQueueSize", "0".into()),
        ("sendThreadPoolQueueCapacity", "10000".into()),
        ("pullThreadPoolQueueSize", "0".into()),
        ("pullThreadPoolQueueCapacity", "100000".into()),
        ("queryThreadPoolQueueSize", "0".into()),
        ("queryThreadPoolQueueCapacity", "20000".into()),
        ("EndTransactionQueueSize", "0".into()),
        ("EndTransactionThreadPoolQueueCapacity", "100000".into()),
        ("sendThreadPoolQueueHeadWaitTimeMills", "0".into()),
        ("pullThreadPoolQueueHeadWaitTimeMills", "0".into()),
        ("queryThreadPoolQueueHeadWaitTimeMills", "0".into()),
        ("pageCacheLockTimeMills", "0".into()),
        ("dispatchBehindBytes", "0".into()),
        ("remainTransientStoreBufferNumbs", "0".into()),
        ("remainHowManyDataToCommit", "0".into()),
        (
            "remainHowManyDataToFlush",
            (max - flushed).max(0).to_string(),
        ),
        ("bootTimestamp", boot.to_string()),
        ("startAcceptSendRequestTimeStamp", "0".into()),
        ("runtime", runtime),
        ("putMessageTimesTotal", put_total.to_string()),
        ("putMessageSizeTotal", put_bytes.to_string()),
        ("putMessageFailedTimes", "0".into()),
        (
            "putMessageAverageSize",
            format!("{:.2}", put_bytes as f64 / put_total.max(1) as f64),
        ),
        ("putTps", put_tps),
        ("getTransferedTps", get_tps.clone()),
        ("getFoundTps", get_tps.clone()),
        ("getTotalTps", get_tps),
        ("getMissTps", "0.00 0.00 0.00".into()),
        ("commitLogDiskRatio", format!("{commit_ratio}")),
        (
            // RocketMQ adds one entry per commit log directory.
            "commitLogDiskRatio_",
            format!("{commit_ratio}"),
        ),
        ("consumeQueueDiskRatio", format!("{cq_ratio}")),
        ("commitLogMinOffset", min.to_string()),
        ("commitLogMaxOffset", max.to_string()),
    ];
    let entries = entries
        .into_iter()
        .chain(crate::broker::schedule::timer::runtime_info(b, now));
    let mut kv = KVTable::default();
    for (k, v) in entries {
        let key = if k == "commitLogDiskRatio_" {
            format!("commitLogDiskRatio_{}", commit_log_dir.display())
        } else {
            k.to_string()
        };
        kv.table.insert(key, v);
    }
    kv.table.extend(b.schedule.runtime_info(&b.store));
    kv.table.extend(ha_runtime_info(b, now));
    Ok(RemotingCommand::success().with_body(kv.encode()))
}

/// The HA state, under `mqHa*` keys Java's brokers do not use: the role; on a master each
/// connected slave (`mqHaSlaves`, a JSON array) with its acknowledged offset, the bytes it is
/// behind and how long ago the first record it lacks was stored; on a slave its master's HA
/// address and whether it is connected (its own end is commitLogMaxOffset).
fn ha_runtime_info(b: &Broker, now: i64) -> Vec<(String, String)> {
    use crate::broker::config::BrokerRole;
    let role = match b.config.broker_role {
        BrokerRole::AsyncMaster => "ASYNC_MASTER",
        BrokerRole::SyncMaster => "SYNC_MASTER",
        BrokerRole::Slave => "SLAVE",
    };
    let mut out = vec![("mqHaRole".to_string(), role.to_string())];
    if b.config.broker_role == BrokerRole::Slave {
        out.push((
            "mqHaMasterAddress".into(),
            b.ha.master_address().unwrap_or_default(),
        ));
        out.push((
            "mqHaMasterConnected".into(),
            b.ha.master_connected().to_string(),
        ));
        return out;
    }
    let max = b.store.max_phy_offset();
    let slaves: Vec<serde_json::Value> = b
        .ha
        .slave_connections()
        .into_iter()
        .map(|s| {
            let behind = (max - s.acked_offset).max(0);
            let time_behind = if behind == 0 {
                0
            } else {
                first_store_time_from(&b.store, s.acked_offset, max).map_or(0, |t| (now - t).max(0))
            };
            serde_json::json!({
                "address": s.address,
                "ackedOffset": s.acked_offset,
                "bytesBehind": behind,
                "timeBehindMs": time_behind,
            })
        })
        .collect();
    out.push(("mqHaSlaveCount".into(), slaves.len().to_string()));
    out.push((
        "mqHaSlaves".into(),
        serde_json::Value::Array(slaves).to_string(),
    ));
    out
}

/// The store time of the first message at or after commit log offset `from` (a record
/// boundary): the record there, or, where that is a file's end padding, the next file's first.
fn first_store_time_from(store: &MessageStore, from: i64, max: i64) -> Option<i64> {
    if let Some(m) = store.look_message_by_offset(from) {
        return Some(m.store_timestamp);
    }
    let file_size = store.commit_log_file_size() as i64;
    let next_file = from - from.rem_euclid(file_size.max(1)) + file_size;
    (next_file < max)
        .then(|| store.look_message_by_offset(next_file))
        .flatten()
        .map(|m| m.store_timestamp)
}

pub fn get_topic_stats_info(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: TopicRequestHeader = req.decode_header()?;
    let Some(config) = b.topics.get(&h.topic) else {
        return Ok(RemotingCommand::error(
            response::TOPIC_NOT_EXIST,
            format!("topic[{}] not exist", h.topic),
        ));
    };
    let mut table = TopicStatsTable::default();
    for queue_id in 0..config.write_queue_nums {
        let min = b.store.min_offset_in_queue(&h.topic, queue_id).max(0);
        let max = b.store.max_offset_in_queue(&h.topic, queue_id).max(0);
        let last = if max > 0 {
            b.store
                .message_store_timestamp(&h.topic, queue_id, max - 1)
                .unwrap_or(0)
        } else {
            0
        };
        table.offset_table.insert(
            MessageQueue::new(&h.topic, &b.config.broker_name, queue_id),
            TopicOffset {
                last_update_timestamp: last,
                max_offset: max,
                min_offset: min,
            },
        );
    }
    Ok(RemotingCommand::success().with_body(table.encode()))
}

/// A group's progress on one topic (every topic with offsets, or the group's
/// subscriptions, when none is given). consumerOffset is 0 where the group
/// never committed, as in RocketMQ; `committed: false` says so.
pub fn get_consume_stats(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: GetConsumeStatsRequestHeader = req.decode_header()?;
    let group = &h.consumer_group;
    let online = b.consumers.group(group);
    let topics: BTreeSet<String> = match h.topic.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => [t.to_string()].into(),
        None => {
            let mut topics: BTreeSet<String> =
                b.offsets.topics_of_group(group).into_iter().collect();
            if let Some(info) = &online {
                topics.extend(info.subscriptions.keys().cloned());
                // As RocketMQ: with live subscriptions, only subscribed topics.
                topics.retain(|t| info.subscriptions.contains_key(t));
            }
            topics
        }
    };
    let mut stats = ConsumeStats {
        consume_tps: b.stats.group_consume_tps(group),
        ..Default::default()
    };
    for topic in topics {
        let Some(config) = b.topics.get(&topic) else {
            continue;
        };
        add_offsets(b, group, &topic, config.read_queue_nums, &mut stats);
    }
    Ok(RemotingCommand::success().with_body(stats.encode()))
}

/// A group's OffsetWrapper rows for queues `0..queues` of `topic`.
fn add_offsets(b: &Broker, group: &str, topic: &str, queues: i32, stats: &mut ConsumeStats) {
    for queue_id in 0..queues {
        let broker_offset = b.store.max_offset_in_queue(topic, queue_id).max(0);
        let committed = b.offsets.query(group, topic, queue_id);
        let consumer_offset = committed.max(0);
        let last_timestamp = if consumer_offset > 0 {
            b.store
                .message_store_timestamp(topic, queue_id, consumer_offset - 1)
                .unwrap_or(0)
        } else {
            0
        };
        stats.offset_table.insert(
            MessageQueue::new(topic, &b.config.broker_name, queue_id),
            OffsetWrapper {
                broker_offset,
                committed: Some(committed >= 0),
                consumer_offset,
                last_timestamp,
                pull_offset: consumer_offset,
            },
        );
    }
}

/// GET_BROKER_CONSUME_STATS: every subscription group's progress on each topic it has
/// offsets for (write queues, as RocketMQ), skipping topics an online group does not
/// subscribe to and, with `isOrder`, unordered topics; `totalDiff` sums the lags.
pub fn get_broker_consume_stats(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: GetConsumeStatsInBrokerHeader = req.decode_header()?;
    let mut list = ConsumeStatsList {
        broker_addr: Some(b.config.broker_addr()),
        ..Default::default()
    };
    for group in b.groups.wrapper().subscription_group_table.into_keys() {
        let online = b.consumers.group(&group);
        let mut per_topic = Vec::new();
        for topic in b.offsets.topics_of_group(&group) {
            let Some(config) = b.topics.get(&topic) else {
                continue;
            };
            if h.is_order && !config.order {
                continue;
            }
            if let Some(info) = &online
                && !info.subscriptions.is_empty()
                && !info.subscriptions.contains_key(&topic)
            {
                continue;
            }
            let mut stats = ConsumeStats {
                consume_tps: b.stats.group_consume_tps(&group),
                ..Default::default()
            };
            add_offsets(b, &group, &topic, config.write_queue_nums, &mut stats);
            // RocketMQ's computeTotalDiff: a queue never committed counts whole.
            list.total_diff += stats
                .offset_table
                .values()
                .map(|w| w.broker_offset - w.consumer_offset)
                .sum::<i64>();
            per_topic.push(stats);
        }
        list.consume_stats_list.push([(group, per_topic)].into());
    }
    Ok(RemotingCommand::success().with_body(list.encode()))
}

/// QUERY_CONSUME_TIME_SPAN: per write queue of the topic, the oldest and newest store
/// times, the store time of the group's last consumed message (the oldest when it never
/// consumed) and, when it lags, how long ago its next message was stored.
pub fn query_consume_time_span(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: QueryConsumeTimeSpanRequestHeader = req.decode_header()?;
    let Some(config) = b.topics.get(&h.topic) else {
        return Ok(RemotingCommand::error(
            response::TOPIC_NOT_EXIST,
            format!("topic[{}] not exist", h.topic),
        ));
    };
    let now = crate::util::now_millis();
    let store_time = |queue_id: i32, offset: i64| {
        b.store
            .message_store_timestamp(&h.topic, queue_id, offset)
            .unwrap_or(0)
    };
    let mut body = QueryConsumeTimeSpanBody::default();
    for queue_id in 0..config.write_queue_nums {
        let min = b.store.min_offset_in_queue(&h.topic, queue_id).max(0);
        let max = b.store.max_offset_in_queue(&h.topic, queue_id).max(0);
        let min_time = store_time(queue_id, min);
        let max_time = if max > 0 {
            store_time(queue_id, max - 1)
        } else {
            0
        };
        let consumer_offset = b.offsets.query(&h.group, &h.topic, queue_id);
        let consume_time = if consumer_offset > 0 {
            store_time(queue_id, consumer_offset - 1)
        } else {
            min_time
        };
        let next = consumer_offset.max(min);
        let delay_time = if next < max {
            match store_time(queue_id, next) {
                0 => 0,
                t => (now - t).max(0),
            }
        } else {
            0
        };
        body.consume_time_span_set.push(QueueTimeSpan {
            consume_time_stamp: consume_time,
            delay_time,
            max_time_stamp: max_time,
            message_queue: MessageQueue::new(&h.topic, &b.config.broker_name, queue_id),
            min_time_stamp: min_time,
        });
    }
    Ok(RemotingCommand::success().with_body(body.encode()))
}

/// VIEW_BROKER_STATS_DATA: one stats item's last-minute, last-hour and last-day figures.
/// The broker-wide items (BROKER_PUT_NUMS, BROKER_GET_NUMS) are keyed by the cluster
/// name, as RocketMQ's; an item never counted is RocketMQ's SYSTEM_ERROR
/// `The stats <name> <key> not exist`.
pub fn view_broker_stats_data(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: ViewBrokerStatsDataRequestHeader = req.decode_header()?;
    // Only the cluster name names the broker-wide items.
    let key = match (
        h.stats_name.starts_with("BROKER_"),
        h.stats_key == b.config.broker_cluster_name,
    ) {
        (false, _) => Some(h.stats_key.as_str()),
        (true, true) => Some(crate::broker::stats::BROKER_KEY),
        (true, false) => None,
    };
    let item = key.and_then(|k| b.stats.item(&h.stats_name, k));
    let Some(item) = item else {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!("The stats <{}> <{}> not exist", h.stats_name, h.stats_key),
        ));
    };
    let now = crate::util::now_millis();
    let window = |w: usize| {
        let s = item.snapshot(w, now);
        BrokerStatsItem {
            avgpt: s.avgpt,
            sum: s.sum as i64,
            tps: s.tps,
        }
    };
    let body = BrokerStatsData {
        stats_minute: window(0),
        stats_hour: window(1),
        stats_day: window(2),
    };
    Ok(RemotingCommand::success().with_body(body.encode()))
}
