//! The dashboard's figures: rows of the three views and their drill-downs,
//! computed from a round and the one before it (TPS are offset deltas over
//! the time between the two rounds). Pure; also what `--once -o json` prints.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::sample::{BrokerSample, GroupSample, Round, is_system_group, is_system_topic};
use crate::client::admin::cluster::{
    DayCounts, ReplicationLag, master_lists_slave, replication_lag,
};
use crate::client::admin::group::{dlq_depth, retry_depth};
use crate::client::consumer::allocate::allocate_averagely;
use crate::protocol::admin::MessageQueue;
use crate::protocol::connection::version_desc;
use crate::protocol::perm::perm_to_string;
use crate::protocol::topic::{dlq_topic, retry_topic};

/// Everything the dashboard shows at one moment.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figures {
    /// When the round started (ms since the epoch).
    pub timestamp: i64,
    /// Milliseconds between the two rounds the TPS come from (null on the first round).
    pub tps_window_ms: Option<i64>,
    pub brokers: Vec<BrokerRow>,
    pub topics: Vec<TopicRow>,
    pub groups: Vec<GroupRow>,
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerRow {
    pub cluster: String,
    pub broker_name: String,
    pub broker_id: i64,
    /// "master" (brokerId 0) or "slave".
    pub role: String,
    pub addr: String,
    /// false when the broker did not answer this round.
    pub up: bool,
    pub error: Option<String>,
    pub version: Option<String>,
    pub put_tps: Option<f64>,
    pub get_tps: Option<f64>,
    pub msg_put_today: Option<i64>,
    pub msg_get_today: Option<i64>,
    /// Commit log disk use, 0..1.
    pub commit_log_disk_ratio: Option<f64>,
    /// When the broker last registered with the name server (ms), if known.
    pub last_registration: Option<i64>,
    /// The end of the broker's commit log (commitLogMaxOffset).
    pub commit_log_max_offset: Option<i64>,
    /// A slave's replication lag behind its master (null for masters and when unknown).
    pub lag: Option<ReplicationLag>,
    /// Whether a slave follows its master: false when it says it is not connected, when its
    /// master lists no HA connection for it, or when its lag has not shrunk for several rounds
    /// while the master grew; null for masters and when nothing tells.
    pub following: Option<bool>,
    /// Why `following` is false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_following: Option<String>,
}

impl BrokerRow {
    /// A slave that is known not to follow its master.
    pub fn not_following(&self) -> bool {
        self.following == Some(false)
    }
}

/// Whether the slave `b` follows its master (whose sample is `master`), from what one round
/// tells: the slave's own word (`mq` slaves' mqHaMasterConnected), then the master's list of
/// HA connections (`mq` masters' mqHaSlaves). Some((false, why)) or Some((true, _)); None when
/// neither tells (Apache RocketMQ brokers: the lag trend in `state` decides).
fn following(b: &BrokerSample, master: Option<&BrokerSample>) -> Option<(bool, &'static str)> {
    let slave = b.runtime.as_ref().ok();
    let master = master.and_then(|m| m.runtime.as_ref().ok());
    let connected = slave
        .and_then(|kv| kv.get("mqHaMasterConnected"))
        .map(|v| v == "true");
    if connected == Some(false) {
        return Some((false, "not connected to its master"));
    }
    let listed = master.and_then(|m| master_lists_slave(m, slave, &b.addr));
    if listed == Some(false) {
        return Some((false, "its master has no HA connection for it"));
    }
    match (connected, listed) {
        (None, None) => None,
        _ => Some((true, "")),
    }
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicRow {
    pub topic: String,
    pub system: bool,
    pub read_queues: i32,
    pub write_queues: i32,
    pub perm: String,
    /// Messages held: Σ (max offset − min offset) over the queues.
    pub messages: i64,
    /// Messages put per second; null on the first round.
    pub put_tps: Option<f64>,
    /// Groups with progress on the topic.
    pub groups: Vec<String>,
    pub queues: Vec<TopicQueueRow>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicQueueRow {
    pub broker_name: String,
    pub queue_id: i32,
    pub min_offset: i64,
    pub max_offset: i64,
    /// Store time of the queue's last message (ms), if any.
    pub last_store_time: Option<i64>,
    pub put_tps: Option<f64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Trend {
    Growing,
    Shrinking,
    Steady,
    #[default]
    Unknown,
}

impl Trend {
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Growing => "↑",
            Trend::Shrinking => "↓",
            Trend::Steady => "→",
            Trend::Unknown => " ",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRow {
    pub group: String,
    pub system: bool,
    /// Messages consumed (committed) per second; null on the first round.
    pub consume_tps: Option<f64>,
    /// Σ lag over the queues with a committed offset; null when none has one.
    pub lag: Option<i64>,
    pub lag_trend: Trend,
    /// Messages of `%RETRY%<group>` not consumed yet (0 without the topic).
    pub retry_depth: i64,
    /// Messages held in `%DLQ%<group>` (0 without the topic).
    pub dlq_depth: i64,
    pub clients_online: usize,
    pub message_model: Option<String>,
    pub consume_type: Option<String>,
    pub topics: Vec<String>,
    pub queues: Vec<GroupQueueRow>,
    pub clients: Vec<ClientRow>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupQueueRow {
    pub topic: String,
    pub broker_name: String,
    pub queue_id: i32,
    pub broker_offset: i64,
    /// null when the group never committed an offset for the queue.
    pub consumer_offset: Option<i64>,
    pub lag: Option<i64>,
    /// The client the queue is allocated to (RocketMQ's averaging strategy).
    pub client: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientRow {
    pub client_id: String,
    pub client_addr: String,
    pub language: String,
    pub version: String,
}

/// Per second, from a count delta over `ms`; None without a window.
fn rate(delta: i64, ms: Option<i64>) -> Option<f64> {
    let ms = ms.filter(|m| *m > 0)?;
    Some(delta.max(0) as f64 * 1000.0 / ms as f64)
}

/// The first number of a runtime value such as putTps "12.5 11.0 10.2".
fn first_f64(kv: &BTreeMap<String, String>, key: &str) -> Option<f64> {
    kv.get(key)?.split_whitespace().next()?.parse().ok()
}

impl Figures {
    /// The figures of `cur`, with TPS and trends against `prev` when given.
    pub fn compute(prev: Option<&Round>, cur: &Round) -> Figures {
        let window = prev.map(|p| cur.at_ms - p.at_ms);
        let mut names: Vec<&str> = Vec::new();
        for b in &cur.brokers {
            names.push(&b.cluster);
            names.push(&b.broker_name);
        }
        let master_of = |b: &BrokerSample| {
            cur.brokers.iter().find(|m| {
                m.broker_id == 0 && m.cluster == b.cluster && m.broker_name == b.broker_name
            })
        };
        let brokers = cur
            .brokers
            .iter()
            .map(|b| {
                let mut row = BrokerRow {
                    cluster: b.cluster.clone(),
                    broker_name: b.broker_name.clone(),
                    broker_id: b.broker_id,
                    role: if b.broker_id == 0 { "master" } else { "slave" }.into(),
                    addr: b.addr.clone(),
                    last_registration: b.last_update_ms,
                    ..Default::default()
                };
                match &b.runtime {
                    Ok(kv) => {
                        row.up = true;
                        row.version = kv.get("brokerVersionDesc").cloned();
                        row.put_tps = first_f64(kv, "putTps");
                        row.get_tps = first_f64(kv, "getTransferedTps");
                        let days = DayCounts::from_runtime(kv);
                        row.msg_put_today = days.in_today;
                        row.msg_get_today = days.out_today;
                        row.commit_log_disk_ratio = first_f64(kv, "commitLogDiskRatio");
                    }
                    Err(e) => row.error = Some(e.clone()),
                }
                if let Ok(kv) = &b.runtime {
                    row.commit_log_max_offset = kv
                        .get("commitLogMaxOffset")
                        .and_then(|v| v.trim().parse().ok());
                }
                if b.broker_id != 0 {
                    let master = master_of(b);
                    row.lag = replication_lag(
                        master.and_then(|m| m.runtime.as_ref().ok()),
                        b.runtime.as_ref().ok(),
                        &b.addr,
                    );
                    if let Some((follows, why)) = following(b, master) {
                        row.following = Some(follows);
                        row.not_following = (!follows).then(|| why.to_string());
                    }
                }
                row
            })
            .collect();

        // Which groups have progress on which topic.
        let mut consumers: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (g, s) in &cur.groups {
            for mq in s.offsets.keys() {
                consumers.entry(&mq.topic).or_default().insert(g);
            }
        }
        let topics = cur
            .topics
            .iter()
            .map(|(name, t)| {
                let before = prev.and_then(|p| p.topics.get(name));
                let mut put = 0;
                let queues: Vec<TopicQueueRow> = t
                    .offsets
                    .iter()
                    .map(|(mq, o)| {
                        let delta = before
                            .and_then(|b| b.offsets.get(mq))
                            .map(|p| o.max_offset - p.max_offset)
                            .unwrap_or(0);
                        put += delta.max(0);
                        TopicQueueRow {
                            broker_name: mq.broker_name.clone(),
                            queue_id: mq.queue_id,
                            min_offset: o.min_offset,
                            max_offset: o.max_offset,
                            last_store_time: Some(o.last_update_timestamp).filter(|t| *t > 0),
                            put_tps: rate(delta, window),
                        }
                    })
                    .collect();
                TopicRow {
                    topic: name.clone(),
                    system: is_system_topic(name, &names),
                    read_queues: t.read_queues,
                    write_queues: t.write_queues,
                    perm: perm_to_string(t.perm),
                    messages: t
                        .offsets
                        .values()
                        .map(|o| (o.max_offset - o.min_offset).max(0))
                        .sum(),
                    put_tps: rate(put, window),
                    groups: consumers
                        .get(name.as_str())
                        .map(|s| s.iter().map(|g| g.to_string()).collect())
                        .unwrap_or_default(),
                    queues,
                }
            })
            .collect();
        let groups = cur
            .groups
            .iter()
            .map(|(name, g)| {
                let mut row = group_row(name, g, prev.and_then(|p| p.groups.get(name)), window);
                let range = |topic: String| cur.topics.get(&topic).map(|t| &t.offsets);
                if let Some(r) = range(retry_topic(name)) {
                    row.retry_depth = retry_depth(r, &g.offsets);
                }
                if let Some(r) = range(dlq_topic(name)) {
                    row.dlq_depth = dlq_depth(r);
                }
                row
            })
            .collect();
        Figures {
            timestamp: cur.at_ms,
            tps_window_ms: window,
            brokers,
            topics,
            groups,
            errors: cur.errors.clone(),
        }
    }
}

/// Σ known lag; None when no queue has a committed offset.
pub fn total_lag(g: &GroupSample) -> Option<i64> {
    crate::protocol::admin::total_known_lag(g.offsets.values().map(|o| o.lag()))
}

fn group_row(
    name: &str,
    g: &GroupSample,
    before: Option<&GroupSample>,
    window: Option<i64>,
) -> GroupRow {
    let lag = total_lag(g);
    let lag_trend = match (lag, before.and_then(total_lag)) {
        (Some(now), Some(then)) if now > then => Trend::Growing,
        (Some(now), Some(then)) if now < then => Trend::Shrinking,
        (Some(_), Some(_)) => Trend::Steady,
        _ => Trend::Unknown,
    };
    let mut consumed = 0;
    for (mq, o) in &g.offsets {
        if let Some(p) = before.and_then(|b| b.offsets.get(mq))
            && o.lag().is_some()
            && p.lag().is_some()
        {
            consumed += (o.consumer_offset - p.consumer_offset).max(0);
        }
    }
    let conn = g.connection.as_ref();
    let mut client_ids: Vec<String> = conn
        .map(|c| {
            c.connection_set
                .iter()
                .map(|c| c.client_id.clone())
                .collect()
        })
        .unwrap_or_default();
    client_ids.sort();
    client_ids.dedup();
    let broadcasting = conn
        .and_then(|c| c.message_model)
        .is_some_and(|m| m.to_string() == "BROADCASTING");
    // Who holds each queue: every client computes its share from the same
    // sorted lists, so the averaging strategy tells us.
    let mut holder: BTreeMap<&MessageQueue, String> = BTreeMap::new();
    if !broadcasting {
        let mut by_topic: BTreeMap<&str, Vec<MessageQueue>> = BTreeMap::new();
        for mq in g.offsets.keys() {
            by_topic.entry(&mq.topic).or_default().push(mq.clone());
        }
        for queues in by_topic.values() {
            for c in &client_ids {
                for mq in allocate_averagely(c, queues, &client_ids) {
                    if let Some((k, _)) = g.offsets.get_key_value(&mq) {
                        holder.insert(k, c.clone());
                    }
                }
            }
        }
    }
    let queues = g
        .offsets
        .iter()
        .map(|(mq, o)| {
            let lag = o.lag();
            GroupQueueRow {
                topic: mq.topic.clone(),
                broker_name: mq.broker_name.clone(),
                queue_id: mq.queue_id,
                broker_offset: o.broker_offset,
                consumer_offset: o.committed_offset(),
                lag,
                client: if broadcasting && !client_ids.is_empty() {
                    Some("(all)".into())
                } else {
                    holder.get(mq).cloned()
                },
            }
        })
        .collect();
    let topics: BTreeSet<String> = g.offsets.keys().map(|mq| mq.topic.clone()).collect();
    GroupRow {
        group: name.to_string(),
        system: is_system_group(name),
        consume_tps: rate(consumed, window),
        lag,
        lag_trend,
        retry_depth: 0,
        dlq_depth: 0,
        clients_online: client_ids.len(),
        message_model: conn.and_then(|c| c.message_model).map(|m| m.to_string()),
        consume_type: conn.and_then(|c| c.consume_type).map(|m| m.to_string()),
        topics: topics.into_iter().collect(),
        queues,
        clients: conn
            .map(|c| {
                c.connection_set
                    .iter()
                    .map(|c| ClientRow {
                        client_id: c.client_id.clone(),
                        client_addr: c.client_addr.clone(),
                        language: c.language.clone(),
                        version: version_desc(c.version),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}
