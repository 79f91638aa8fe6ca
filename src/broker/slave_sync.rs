//! What a slave copies from its master (RocketMQ's SlaveSynchronize): at start, when the name
//! servers name a new master, and every 10 s, the topics (GET_ALL_TOPIC_CONFIG), consumer
//! offsets (GET_ALL_CONSUMER_OFFSET), delay offsets (GET_ALL_DELAY_OFFSET) and subscription
//! groups (GET_ALL_SUBSCRIPTIONGROUP_CONFIG), persisted to the slave's own config files.
//! `plan` decides what changes from what was fetched (no I/O); `run` is the task around it.
//! The commit log itself is replicated by the HA service, not here.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::Broker;
use super::registration::MasterAddrs;
use crate::protocol::body::ConsumerOffsetSerializeWrapper;
use crate::protocol::fastjson;
use crate::protocol::subscription_group::SubscriptionGroupWrapper;
use crate::protocol::topic_config::{DataVersion, TopicConfigSerializeWrapper};
use crate::remoting::code::{request, response};
use crate::remoting::{RemotingClient, RemotingCommand};
use crate::store::config_file::DelayOffsetTable;

/// RocketMQ's period of the slave's sync.
const SYNC_PERIOD: Duration = Duration::from_secs(10);
/// BrokerOuterAPI's timeout for each of the four calls.
const CALL_TIMEOUT: Duration = Duration::from_millis(3000);

/// What the master answered; None for a table whose call failed (that table is left alone).
#[derive(Debug, Default)]
pub struct MasterTables {
    pub topics: Option<TopicConfigSerializeWrapper>,
    pub offsets: Option<ConsumerOffsetSerializeWrapper>,
    pub delay_offsets: Option<DelayOffsetTable>,
    pub groups: Option<SubscriptionGroupWrapper>,
}

/// The versions of the slave's own tables that the master's are compared with.
#[derive(Debug, Clone)]
pub struct LocalVersions {
    pub topics: DataVersion,
    pub groups: DataVersion,
}

/// What one sync changes on the slave.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    /// The master's topic table, when its version differs from ours: replaces ours whole.
    pub topics: Option<TopicConfigSerializeWrapper>,
    /// The master's groups, when their version differs from ours: replace ours whole.
    pub groups: Option<SubscriptionGroupWrapper>,
    /// Every `topic@group` the master has: each replaces ours, the others stay.
    pub offsets: Option<BTreeMap<String, BTreeMap<i32, i64>>>,
    /// Each delay level's delivered offset on the master.
    pub delay_offsets: Option<BTreeMap<i32, i64>>,
}

/// RocketMQ's rules: topics and groups are replaced only when the master's dataVersion differs
/// (a slave's own auto-created group moves its version, so the next round restores the
/// master's table); offsets and delay offsets are taken every time.
pub fn plan(local: &LocalVersions, fetched: MasterTables) -> Changes {
    Changes {
        topics: fetched.topics.filter(|t| t.data_version != local.topics),
        groups: fetched.groups.filter(|g| g.data_version != local.groups),
        offsets: fetched.offsets.map(|o| o.offset_table),
        delay_offsets: fetched.delay_offsets.map(|d| d.offset_table),
    }
}

/// The master to copy from: the name servers' masterAddr, unless it is this broker itself.
pub fn master_to_follow(own_addr: &str, master: &MasterAddrs) -> Option<String> {
    master
        .master_addr
        .clone()
        .filter(|m| !m.is_empty() && m != own_addr)
}

/// The slave's sync task: a master does nothing here.
pub async fn run(b: Arc<Broker>, stop: CancellationToken) {
    let Some(registration) = b.registration.as_ref().filter(|_| !b.config.is_master()) else {
        return;
    };
    let client = RemotingClient::new();
    loop {
        // Listen before reading the address, so a change in between is not missed.
        let changed = registration.master_changed();
        tokio::pin!(changed);
        changed.as_mut().enable();
        if let Some(master) = master_to_follow(&b.config.broker_addr(), &registration.master()) {
            tokio::select! {
                _ = stop.cancelled() => break,
                _ = sync_all(&b, &client, &master) => {}
            }
        }
        tokio::select! {
            _ = stop.cancelled() => break,
            _ = tokio::time::sleep(SYNC_PERIOD) => {}
            _ = changed => {}
        }
    }
    client.shutdown();
}

/// One round: fetch the four tables, then apply what changed.
async fn sync_all(b: &Broker, client: &RemotingClient, master: &str) {
    let fetched = MasterTables {
        topics: fetch(client, master, request::GET_ALL_TOPIC_CONFIG).await,
        offsets: fetch(client, master, request::GET_ALL_CONSUMER_OFFSET).await,
        delay_offsets: fetch(client, master, request::GET_ALL_DELAY_OFFSET).await,
        groups: fetch(client, master, request::GET_ALL_SUBSCRIPTIONGROUP_CONFIG).await,
    };
    let local = LocalVersions {
        topics: b.topics.wrapper().data_version,
        groups: b.groups.wrapper().data_version,
    };
    apply(b, plan(&local, fetched), master);
}

/// One table from the master, or None (logged) when the call or the body failed.
async fn fetch<T: serde::de::DeserializeOwned>(
    client: &RemotingClient,
    master: &str,
    code: i32,
) -> Option<T> {
    let name = request::name(code).unwrap_or("?");
    let answer = match client
        .invoke(master, RemotingCommand::request(code), CALL_TIMEOUT)
        .await
    {
        Ok(a) if a.code == response::SUCCESS => a,
        Ok(a) => {
            tracing::warn!("slave sync: {name} from {master}: {}", a.describe_error());
            return None;
        }
        Err(e) => {
            tracing::warn!("slave sync: {name} from {master}: {e}");
            return None;
        }
    };
    match fastjson::from_slice(&answer.body) {
        Ok(t) => Some(t),
        Err(e) => {
            tracing::warn!("slave sync: {name} from {master}: bad body: {e}");
            None
        }
    }
}

fn apply(b: &Broker, changes: Changes, master: &str) {
    if let Some(topics) = changes.topics {
        match b.topics.replace_all(topics) {
            Ok(()) => tracing::info!("Update slave topic config from master, {master}"),
            Err(e) => tracing::error!("slave sync: cannot persist topics: {e}"),
        }
    }
    if let Some(offsets) = changes.offsets {
        b.offsets.put_all(offsets);
        if let Err(e) = b.offsets.persist_if_dirty() {
            tracing::error!("slave sync: cannot persist consumer offsets: {e}");
        }
    }
    if let Some(levels) = changes.delay_offsets {
        {
            let mut o = b
                .schedule
                .offsets
                .offsets
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            for (level, offset) in levels {
                o.set(level, offset);
            }
        }
        b.schedule.persist();
    }
    if let Some(groups) = changes.groups {
        match b.groups.replace_all(groups) {
            Ok(()) => tracing::info!("Update slave Subscription Group from master, {master}"),
            Err(e) => tracing::error!("slave sync: cannot persist subscription groups: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::subscription_group::SubscriptionGroupConfig;
    use crate::protocol::topic_config::TopicConfig;

    fn version(counter: i64, timestamp: i64) -> DataVersion {
        DataVersion {
            counter,
            state_version: None,
            timestamp,
        }
    }

    fn topics(v: DataVersion, names: &[&str]) -> TopicConfigSerializeWrapper {
        TopicConfigSerializeWrapper {
            data_version: v,
            topic_config_table: names
                .iter()
                .map(|n| (n.to_string(), TopicConfig::with_queues(*n, 4, 4, 6)))
                .collect(),
        }
    }

    fn groups(v: DataVersion, names: &[&str]) -> SubscriptionGroupWrapper {
        SubscriptionGroupWrapper {
            data_version: v,
            subscription_group_table: names
                .iter()
                .map(|n| (n.to_string(), SubscriptionGroupConfig::new(*n)))
                .collect(),
        }
    }

    #[test]
    fn tables_are_replaced_only_when_the_masters_version_differs() {
        let local = LocalVersions {
            topics: version(3, 100),
            groups: version(1, 100),
        };
        let fetched = MasterTables {
            topics: Some(topics(version(3, 100), &["A"])),
            groups: Some(groups(version(2, 100), &["g"])),
            ..Default::default()
        };
        let c = plan(&local, fetched);
        assert_eq!(c.topics, None, "same version: nothing to copy");
        assert_eq!(c.groups, Some(groups(version(2, 100), &["g"])));
        // Same counter, other timestamp (a restarted master): a different version.
        let c = plan(
            &local,
            MasterTables {
                topics: Some(topics(version(3, 101), &["A", "B"])),
                ..Default::default()
            },
        );
        assert_eq!(c.topics.unwrap().topic_config_table.len(), 2);
        assert_eq!(c.groups, None, "a failed call leaves the table alone");
    }

    #[test]
    fn offsets_and_delay_offsets_are_taken_every_round() {
        let local = LocalVersions {
            topics: version(1, 1),
            groups: version(1, 1),
        };
        let mut offsets = ConsumerOffsetSerializeWrapper::default();
        offsets
            .offset_table
            .insert("T@g".into(), [(0, 5), (1, 7)].into());
        let mut delay = DelayOffsetTable::default();
        delay.offset_table.insert(3, 12);
        let c = plan(
            &local,
            MasterTables {
                offsets: Some(offsets.clone()),
                delay_offsets: Some(delay),
                ..Default::default()
            },
        );
        assert_eq!(c.offsets, Some(offsets.offset_table));
        assert_eq!(c.delay_offsets, Some([(3, 12)].into()));
        assert_eq!(c.topics, None);
    }

    #[test]
    fn a_slave_follows_the_named_master_but_never_itself() {
        let m = |a: Option<&str>| MasterAddrs {
            master_addr: a.map(str::to_string),
            ha_server_addr: None,
        };
        let own = "127.0.0.1:10921";
        assert_eq!(
            master_to_follow(own, &m(Some("127.0.0.1:10911"))).as_deref(),
            Some("127.0.0.1:10911")
        );
        assert_eq!(master_to_follow(own, &m(Some(own))), None);
        assert_eq!(master_to_follow(own, &m(None)), None);
        assert_eq!(master_to_follow(own, &m(Some(""))), None);
    }
}
