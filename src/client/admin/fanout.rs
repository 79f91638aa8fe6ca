//! Admin work that spans brokers: finding the masters of a cluster or of a
//! topic's route, and asking many of them at once (at most `PARALLEL` in
//! flight), then merging their answers (topic status, group progress,
//! connections, group configs).

use std::collections::BTreeMap;
use std::future::Future;

use futures_util::StreamExt;

use super::AdminClient;
use crate::client::error::{ClientError, ClientResult};
use crate::protocol::admin::{ConsumeStats, TopicStatsTable};
use crate::protocol::connection::{ConsumerConnection, ProducerConnection};
use crate::protocol::route::ClusterInfo;
use crate::protocol::subscription_group::SubscriptionGroupConfig;

/// How many brokers are asked at once.
pub const PARALLEL: usize = 16;

/// A broker master to ask.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BrokerTarget {
    pub cluster: String,
    pub broker_name: String,
    pub addr: String,
}

/// The masters of `cluster` (all clusters when `None`), sorted by broker name.
pub fn masters_of(info: &ClusterInfo, cluster: Option<&str>) -> Vec<BrokerTarget> {
    let mut out = Vec::new();
    for (c, names) in &info.cluster_addr_table {
        if cluster.is_some_and(|want| want != c) {
            continue;
        }
        for name in names {
            if let Some(addr) = info
                .broker_addr_table
                .get(name)
                .and_then(|b| b.master_addr())
            {
                out.push(BrokerTarget {
                    cluster: c.clone(),
                    broker_name: name.clone(),
                    addr: addr.to_string(),
                });
            }
        }
    }
    out.sort();
    out
}

/// Runs `f` on every target, `PARALLEL` at a time; answers in target order.
pub async fn on_each<T, F, Fut>(
    targets: &[BrokerTarget],
    f: F,
) -> Vec<(BrokerTarget, ClientResult<T>)>
where
    F: Fn(BrokerTarget) -> Fut,
    Fut: Future<Output = ClientResult<T>>,
{
    let mut results: Vec<(usize, BrokerTarget, ClientResult<T>)> =
        futures_util::stream::iter(targets.iter().cloned().enumerate())
            .map(|(i, t)| {
                let fut = f(t.clone());
                async move { (i, t, fut.await) }
            })
            .buffer_unordered(PARALLEL)
            .collect()
            .await;
    results.sort_by_key(|(i, _, _)| *i);
    results.into_iter().map(|(_, t, r)| (t, r)).collect()
}

impl AdminClient {
    /// The masters of a cluster (every cluster when `None`); an error naming
    /// the cluster when the name server does not know it.
    pub async fn masters(&self, cluster: Option<&str>) -> ClientResult<Vec<BrokerTarget>> {
        let info = self.cluster_info().await?;
        if let Some(c) = cluster
            && !info.cluster_addr_table.contains_key(c)
        {
            return Err(ClientError::Response {
                action: "find cluster",
                code: 0,
                detail: format!("cluster '{c}' not found"),
            });
        }
        Ok(masters_of(&info, cluster))
    }

    /// The masters serving `topic`, from its route.
    pub async fn topic_masters(&self, topic: &str) -> ClientResult<Vec<BrokerTarget>> {
        let route = self.topic_route(topic).await?;
        let mut out: Vec<BrokerTarget> = route
            .broker_datas
            .iter()
            .filter_map(|b| {
                Some(BrokerTarget {
                    cluster: b.cluster.clone(),
                    broker_name: b.broker_name.clone(),
                    addr: b.master_addr()?.to_string(),
                })
            })
            .collect();
        out.sort();
        Ok(out)
    }

    /// Every queue's offset range of `topic` on the brokers serving it
    /// (mqadmin topicStatus).
    pub async fn topic_status(&self, topic: &str) -> ClientResult<TopicStatsTable> {
        let targets = self.topic_masters(topic).await?;
        let mut merged = TopicStatsTable::default();
        for (_, r) in on_each(&targets, |t| async move {
            self.topic_stats(&t.addr, topic).await
        })
        .await
        {
            merged.offset_table.extend(r?.offset_table);
        }
        Ok(merged)
    }

    /// A group's progress on every master of the cluster (or of `topic`'s
    /// route), merged; brokers that do not answer are reported by name.
    pub async fn group_progress(
        &self,
        group: &str,
        topic: Option<&str>,
        cluster: Option<&str>,
    ) -> ClientResult<(ConsumeStats, Vec<String>)> {
        let targets = match topic {
            Some(t) => self.topic_masters(t).await?,
            None => self.masters(cluster).await?,
        };
        let mut merged = ConsumeStats::default();
        let mut failed = Vec::new();
        for (t, r) in on_each(&targets, |t| async move {
            self.consume_stats(&t.addr, group, topic).await
        })
        .await
        {
            match r {
                Ok(s) => {
                    merged.consume_tps += s.consume_tps;
                    merged.offset_table.extend(s.offset_table);
                }
                Err(e) => failed.push(format!("{} ({}): {e}", t.broker_name, t.addr)),
            }
        }
        Ok((merged, failed))
    }

    /// The group's consumers as every master sees them, merged; `None`
    /// when it is online nowhere.
    pub async fn group_connections(
        &self,
        group: &str,
        cluster: Option<&str>,
    ) -> ClientResult<Option<ConsumerConnection>> {
        let targets = self.masters(cluster).await?;
        let mut merged: Option<ConsumerConnection> = None;
        for (_, r) in on_each(&targets, |t| async move {
            self.consumer_connection(&t.addr, group).await
        })
        .await
        {
            if let Some(c) = r? {
                match &mut merged {
                    None => merged = Some(c),
                    Some(m) => {
                        for conn in c.connection_set {
                            if !m.connection_set.contains(&conn) {
                                m.connection_set.push(conn);
                            }
                        }
                        m.subscription_table.extend(c.subscription_table);
                    }
                }
            }
        }
        if let Some(m) = &mut merged {
            m.connection_set.sort();
        }
        Ok(merged)
    }

    /// A producer group's connections on every master, merged.
    pub async fn producer_connections(
        &self,
        group: &str,
        cluster: Option<&str>,
    ) -> ClientResult<ProducerConnection> {
        let targets = self.masters(cluster).await?;
        let mut merged = ProducerConnection::default();
        for (_, r) in on_each(&targets, |t| async move {
            self.producer_connection(&t.addr, group).await
        })
        .await
        {
            if let Some(c) = r? {
                for conn in c.connection_set {
                    if !merged.connection_set.contains(&conn) {
                        merged.connection_set.push(conn);
                    }
                }
            }
        }
        merged.connection_set.sort();
        Ok(merged)
    }

    /// Every subscription group on the masters, with the brokers that have it.
    pub async fn all_groups(
        &self,
        cluster: Option<&str>,
    ) -> ClientResult<BTreeMap<String, (SubscriptionGroupConfig, Vec<String>)>> {
        let targets = self.masters(cluster).await?;
        let mut out: BTreeMap<String, (SubscriptionGroupConfig, Vec<String>)> = BTreeMap::new();
        for (t, r) in on_each(&targets, |t| async move {
            self.subscription_groups(&t.addr).await
        })
        .await
        {
            for (name, config) in r?.subscription_group_table {
                out.entry(name)
                    .or_insert_with(|| (config, Vec::new()))
                    .1
                    .push(t.broker_name.clone());
            }
        }
        Ok(out)
    }
}
