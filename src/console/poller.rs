//! The background poll behind the dashboard: every interval, one sample of
//! each name server list in use (the brokers' TPS, every master's topics
//! with their offsets, every group's lag, TPS and clients), pushed into that
//! list's history. Requests go out `PARALLEL` at a time, as `mq top`'s do.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use futures_util::StreamExt;
use tokio_util::sync::CancellationToken;

use super::history::{BrokerPoint, GroupPoint, Sample, TopicPoint};
use super::state::AppState;
use crate::client::admin::AdminClient;
use crate::client::admin::fanout::PARALLEL;
use crate::client::error::ClientError;
use crate::protocol::admin::{ConsumeStats, TopicStatsTable, total_known_lag};
use crate::protocol::connection::ConsumerConnection;

/// Polls until `shutdown`, one round per interval.
pub async fn run(state: Arc<AppState>, shutdown: CancellationToken) {
    loop {
        for (namesrv, history) in state.watched() {
            let Ok(admin) = state.admin(&namesrv) else {
                continue;
            };
            let sample = tokio::select! {
                s = collect(&admin) => s,
                _ = shutdown.cancelled() => return,
            };
            history
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(sample);
        }
        tokio::select! {
            _ = tokio::time::sleep(state.options.poll_interval) => {}
            _ = shutdown.cancelled() => return,
        }
    }
}

enum Ask {
    Topic(String, String),
    Group(String, String),
}

enum Answer {
    Topic(String, Result<TopicStatsTable, ClientError>),
    Group(
        String,
        Result<ConsumeStats, ClientError>,
        Result<Option<ConsumerConnection>, ClientError>,
    ),
}

/// One sample of the cluster behind `admin`; what fails is named in `errors`.
pub async fn collect(admin: &AdminClient) -> Sample {
    let started = std::time::Instant::now();
    let mut sample = collect_figures(admin).await;
    sample.took_ms = started.elapsed().as_millis() as u64;
    sample
}

async fn collect_figures(admin: &AdminClient) -> Sample {
    let mut sample = Sample {
        at_ms: crate::util::now_millis(),
        ..Default::default()
    };
    let rows = match admin.cluster_brokers().await {
        Ok(rows) => rows,
        Err(e) => {
            sample.errors.push(format!("name server: {e}"));
            return sample;
        }
    };
    let masters: Vec<String> = rows
        .iter()
        .filter(|r| r.broker_id == 0 && r.reachable)
        .map(|r| r.address.clone())
        .collect();
    for r in &rows {
        if !r.reachable {
            sample.errors.push(format!(
                "broker {} ({}) did not answer",
                r.broker_name, r.address
            ));
        }
    }
    sample.brokers = rows
        .into_iter()
        .map(|r| BrokerPoint {
            cluster: r.cluster,
            broker_name: r.broker_name,
            broker_id: r.broker_id,
            addr: r.address,
            put_tps: r.put_tps,
            get_tps: r.get_tps,
        })
        .collect();
    let tables: Vec<_> = futures_util::stream::iter(masters)
        .map(|addr| async move {
            let (t, g) = tokio::join!(
                admin.all_topic_config(&addr),
                admin.subscription_groups(&addr)
            );
            (addr, t, g)
        })
        .buffer_unordered(PARALLEL)
        .collect()
        .await;
    let mut asks = Vec::new();
    for (addr, topics, groups) in tables {
        match topics {
            Ok(w) => asks.extend(
                w.topic_config_table
                    .into_keys()
                    .map(|t| Ask::Topic(addr.clone(), t)),
            ),
            Err(e) => sample.errors.push(format!("{addr}: topic configs: {e}")),
        }
        match groups {
            Ok(w) => asks.extend(
                w.subscription_group_table
                    .into_keys()
                    .map(|g| Ask::Group(addr.clone(), g)),
            ),
            Err(e) => sample.errors.push(format!("{addr}: groups: {e}")),
        }
    }
    let answers: Vec<Answer> = futures_util::stream::iter(asks)
        .map(|ask| async move {
            match ask {
                Ask::Topic(addr, topic) => {
                    let r = admin.topic_stats(&addr, &topic).await;
                    Answer::Topic(topic, r)
                }
                Ask::Group(addr, group) => {
                    let (s, c) = tokio::join!(
                        admin.consume_stats(&addr, &group, None),
                        admin.consumer_connection(&addr, &group)
                    );
                    Answer::Group(group, s, c)
                }
            }
        })
        .buffer_unordered(PARALLEL)
        .collect()
        .await;
    let mut clients: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut lags: BTreeMap<String, Vec<Option<i64>>> = BTreeMap::new();
    for a in answers {
        match a {
            Answer::Topic(topic, Ok(stats)) => {
                let p: &mut TopicPoint = sample.topics.entry(topic).or_default();
                for o in stats.offset_table.values() {
                    p.max_offsets += o.max_offset;
                    p.messages += (o.max_offset - o.min_offset).max(0);
                }
            }
            // Deleted between the two calls: gone from this sample.
            Answer::Topic(_, Err(_)) => {}
            Answer::Group(group, stats, conn) => {
                let p: &mut GroupPoint = sample.groups.entry(group.clone()).or_default();
                if let Ok(s) = stats {
                    p.consume_tps += s.consume_tps;
                    let newest = s.offset_table.values().map(|o| o.last_timestamp).max();
                    p.last_consumed = p.last_consumed.max(newest.filter(|t| *t > 0));
                    lags.entry(group.clone())
                        .or_default()
                        .extend(s.offset_table.values().map(|o| o.lag()));
                }
                if let Ok(Some(c)) = conn {
                    clients
                        .entry(group)
                        .or_default()
                        .extend(c.connection_set.into_iter().map(|c| c.client_id));
                }
            }
        }
    }
    for (g, p) in sample.groups.iter_mut() {
        p.lag = lags.remove(g).and_then(total_known_lag);
        p.clients = clients.get(g).map_or(0, BTreeSet::len);
    }
    sample
}
