//! The collector: polls the cluster with the admin client (standard admin
//! requests only, so Apache RocketMQ works too) and sends a `Round` over a
//! channel after each polling round, with at most `PARALLEL` requests in
//! flight. A broker that fails is reported as such; the rest still count.
//!
//! Uses one request the admin client has no call for: GET_ALL_TOPIC_CONFIG
//! (a broker's topic table), sent through `AdminClient::call_broker`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use tokio::sync::mpsc;

use super::sample::{BrokerSample, GroupSample, Round, TopicSample};
use super::schedule::Schedule;
use crate::client::admin::AdminClient;
use crate::client::admin::fanout::PARALLEL;
use crate::client::error::ClientResult;
use crate::protocol::admin::{ConsumeStats, TopicStatsTable};
use crate::protocol::connection::ConsumerConnection;
use crate::protocol::subscription_group::SubscriptionGroupWrapper;
use crate::protocol::topic_config::TopicConfigSerializeWrapper;

enum Ask {
    Runtime(usize),
    Topics(String, String),
    Groups(String),
    TopicStats(String, String),
    ConsumeStats(String, String),
    Connection(String, String),
}

enum Answer {
    Runtime(usize, ClientResult<BTreeMap<String, String>>),
    Topics(String, ClientResult<TopicConfigSerializeWrapper>),
    Groups(String, ClientResult<SubscriptionGroupWrapper>),
    TopicStats(String, ClientResult<TopicStatsTable>),
    ConsumeStats(String, ClientResult<ConsumeStats>),
    Connection(String, ClientResult<Option<ConsumerConnection>>),
}

async fn ask_all(admin: &AdminClient, brokers: &[BrokerSample], asks: Vec<Ask>) -> Vec<Answer> {
    futures_util::stream::iter(asks)
        .map(|ask| async move {
            match ask {
                Ask::Runtime(i) => {
                    Answer::Runtime(i, admin.broker_runtime_info(&brokers[i].addr).await)
                }
                Ask::Topics(name, addr) => {
                    Answer::Topics(name, admin.all_topic_config(&addr).await)
                }
                Ask::Groups(addr) => {
                    Answer::Groups(addr.clone(), admin.subscription_groups(&addr).await)
                }
                Ask::TopicStats(addr, topic) => {
                    let r = admin.topic_stats(&addr, &topic).await;
                    Answer::TopicStats(topic, r)
                }
                Ask::ConsumeStats(addr, group) => {
                    let r = admin.consume_stats(&addr, &group, None).await;
                    Answer::ConsumeStats(group, r)
                }
                Ask::Connection(addr, group) => {
                    let r = admin.consumer_connection(&addr, &group).await;
                    Answer::Connection(group, r)
                }
            }
        })
        .buffer_unordered(PARALLEL)
        .collect()
        .await
}

/// One polling round over `cluster` (every cluster when `None`).
pub async fn collect_round(admin: &AdminClient, cluster: Option<&str>) -> Round {
    let started = Instant::now();
    let mut round = Round {
        at_ms: crate::util::now_millis(),
        ..Default::default()
    };
    let info = match admin.cluster_info().await {
        Ok(info) => info,
        Err(e) => {
            round.errors.push(format!("name server: {e}"));
            round.took_ms = started.elapsed().as_millis() as u64;
            return round;
        }
    };
    for (c, names) in &info.cluster_addr_table {
        if cluster.is_some_and(|want| want != c) {
            continue;
        }
        for name in names {
            let Some(data) = info.broker_addr_table.get(name) else {
                continue;
            };
            for (&id, addr) in &data.broker_addrs {
                round.brokers.push(BrokerSample {
                    cluster: c.clone(),
                    broker_name: name.clone(),
                    broker_id: id,
                    addr: addr.clone(),
                    last_update_ms: info
                        .broker_live_table
                        .get(addr)
                        .map(|l| l.last_update_timestamp),
                    runtime: Err("no answer yet".into()),
                });
            }
        }
    }
    if let Some(c) = cluster
        && !info.cluster_addr_table.contains_key(c)
    {
        round.errors.push(format!("cluster '{c}' not found"));
    }
    // Every broker's runtime, and each master's topic and group tables.
    let masters: Vec<(String, String)> = round
        .brokers
        .iter()
        .filter(|b| b.broker_id == 0)
        .map(|b| (b.broker_name.clone(), b.addr.clone()))
        .collect();
    let mut asks: Vec<Ask> = (0..round.brokers.len()).map(Ask::Runtime).collect();
    for (name, addr) in &masters {
        asks.push(Ask::Topics(name.clone(), addr.clone()));
        asks.push(Ask::Groups(addr.clone()));
    }
    let mut topic_configs: Vec<(String, TopicConfigSerializeWrapper)> = Vec::new();
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for answer in ask_all(admin, &round.brokers, asks).await {
        match answer {
            Answer::Runtime(i, r) => round.brokers[i].runtime = r.map_err(|e| e.to_string()),
            Answer::Topics(name, Ok(w)) => {
                let addr = masters
                    .iter()
                    .find(|m| m.0 == name)
                    .map(|m| m.1.clone())
                    .unwrap_or_default();
                topic_configs.push((addr, w));
            }
            Answer::Groups(addr, Ok(w)) => {
                groups.push((addr, w.subscription_group_table.into_keys().collect()))
            }
            Answer::Topics(name, Err(e)) => {
                round.errors.push(format!("{name}: topic configs: {e}"))
            }
            Answer::Groups(addr, Err(e)) => round
                .errors
                .push(format!("{addr}: subscription groups: {e}")),
            _ => {}
        }
    }
    // Each topic's and group's figures from every master that has it.
    let mut asks = Vec::new();
    for (addr, w) in &topic_configs {
        for (name, config) in &w.topic_config_table {
            let t = round
                .topics
                .entry(name.clone())
                .or_insert_with(|| TopicSample {
                    perm: config.perm,
                    ..Default::default()
                });
            t.read_queues += config.read_queue_nums;
            t.write_queues += config.write_queue_nums;
            asks.push(Ask::TopicStats(addr.clone(), name.clone()));
        }
    }
    for (addr, names) in &groups {
        for name in names {
            round.groups.entry(name.clone()).or_default();
            asks.push(Ask::ConsumeStats(addr.clone(), name.clone()));
            asks.push(Ask::Connection(addr.clone(), name.clone()));
        }
    }
    for answer in ask_all(admin, &round.brokers, asks).await {
        match answer {
            Answer::TopicStats(topic, Ok(s)) => {
                if let Some(t) = round.topics.get_mut(&topic) {
                    t.offsets.extend(s.offset_table);
                }
            }
            Answer::ConsumeStats(group, Ok(s)) => {
                if let Some(g) = round.groups.get_mut(&group) {
                    g.offsets.extend(s.offset_table);
                }
            }
            Answer::Connection(group, Ok(Some(c))) => {
                let g: &mut GroupSample = round.groups.entry(group).or_default();
                match &mut g.connection {
                    None => g.connection = Some(c),
                    Some(m) => {
                        for conn in c.connection_set {
                            if !m.connection_set.contains(&conn) {
                                m.connection_set.push(conn);
                            }
                        }
                    }
                }
            }
            // A topic deleted mid-round, a group's stats failing: the
            // broker's own health shows in the brokers view.
            _ => {}
        }
    }
    for g in round.groups.values_mut() {
        if let Some(c) = &mut g.connection {
            c.connection_set.sort();
        }
    }
    round.took_ms = started.elapsed().as_millis() as u64;
    round
}

/// Starts polling in the background: a round now, then one per interval
/// (backed off while rounds are slow). A message on the returned sender
/// starts the next round at once. Stops when the receiver is dropped.
pub fn spawn(
    admin: AdminClient,
    cluster: Option<String>,
    interval: Duration,
) -> (mpsc::Receiver<Round>, mpsc::UnboundedSender<()>) {
    let (tx, rx) = mpsc::channel(2);
    let (now_tx, mut now_rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut schedule = Schedule::new(interval);
        loop {
            let mut round = collect_round(&admin, cluster.as_deref()).await;
            let took = Duration::from_millis(round.took_ms);
            schedule.after_round(took);
            round.interval_ms = schedule.current.as_millis() as u64;
            if tx.send(round).await.is_err() {
                return;
            }
            tokio::select! {
                _ = tokio::time::sleep(schedule.wait(took)) => {}
                r = now_rx.recv() => if r.is_none() { return },
            }
            while now_rx.try_recv().is_ok() {}
        }
    });
    (rx, now_tx)
}
