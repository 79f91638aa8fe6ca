//! The name server's route table (Java's RouteInfoManager): which brokers
//! exist, which clusters they belong to, which topics they serve with how many
//! queues, and when each broker was last heard from.
//!
//! Pure state: no clock, no I/O, no locking. Callers pass `now_ms` (so tests
//! control time) and wrap the manager in a lock. The behaviour follows
//! RocketMQ 4.9.8's RouteInfoManager: only a master (brokerId 0) writes queue
//! data, and only when its topic DataVersion changed or it registers first; a
//! broker name and its queue data go away only when its last member does.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::protocol::perm::{self, PERM_READ_WRITE, PERM_WRITE};
use crate::protocol::route::{
    BrokerData, BrokerLiveSummary, ClusterInfo, MASTER_ID, QueueData, TopicRouteData,
};
use crate::protocol::{DataVersion, TopicConfig, TopicConfigSerializeWrapper, TopicList};

/// A broker silent for longer than this is dropped by the periodic scan
/// (Java's BROKER_CHANNEL_EXPIRED_TIME, 2 minutes).
pub const BROKER_CHANNEL_EXPIRED_TIME_MS: i64 = 120_000;

/// Who a broker is: the fields REGISTER_BROKER, UNREGISTER_BROKER and
/// QUERY_DATA_VERSION headers share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrokerIdentity<'a> {
    pub cluster_name: &'a str,
    pub broker_name: &'a str,
    pub broker_addr: &'a str,
    pub broker_id: i64,
}

/// What the name server knows about a live broker, keyed by its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerLiveInfo {
    pub last_update_timestamp: i64,
    pub data_version: DataVersion,
    pub ha_server_addr: String,
}

/// The REGISTER_BROKER answer: for a slave whose master is live, where to
/// replicate from. Both empty for masters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterBrokerResult {
    pub ha_server_addr: Option<String>,
    pub master_addr: Option<String>,
}

/// The QUERY_DATA_VERSION answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataVersionQuery {
    /// True when the broker's version differs from the one registered (or
    /// the broker is unknown): it should register again.
    pub changed: bool,
    /// The version the name server holds for that address, if any.
    pub name_server_data_version: Option<DataVersion>,
}

/// A broker address dropped by a scan or a closed connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedBroker {
    pub broker_addr: String,
    /// The broker name the address served under, if it was in the table.
    pub broker_name: Option<String>,
    /// True when it was the name's last member, so the name, its cluster
    /// membership and its queue data were removed too.
    pub broker_name_removed: bool,
}

#[derive(Debug, Default)]
pub struct RouteInfoManager {
    /// topic -> brokerName -> QueueData
    topic_queue_table: BTreeMap<String, BTreeMap<String, QueueData>>,
    /// brokerName -> BrokerData
    broker_addr_table: BTreeMap<String, BrokerData>,
    /// clusterName -> brokerNames
    cluster_addr_table: BTreeMap<String, BTreeSet<String>>,
    /// brokerAddr -> liveness
    broker_live_table: HashMap<String, BrokerLiveInfo>,
    /// brokerAddr -> filter server addresses
    filter_server_table: HashMap<String, Vec<String>>,
}

impl RouteInfoManager {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a broker's registration (REGISTER_BROKER) at `now_ms`.
    ///
    /// Adds the broker name to its cluster and the address under its id (an
    /// address registered before under another id, as when a slave becomes
    /// master, is removed from that id). A master's topics replace its queue
    /// data when the DataVersion differs from the last registration from that
    /// address, or when this is the first registration of that id; slaves
    /// never touch queue data. An empty `filter_server_list` clears the
    /// broker's filter servers.
    pub fn register_broker(
        &mut self,
        id: BrokerIdentity<'_>,
        ha_server_addr: &str,
        topic_config: &TopicConfigSerializeWrapper,
        filter_server_list: &[String],
        now_ms: i64,
    ) -> RegisterBrokerResult {
        self.cluster_addr_table
            .entry(id.cluster_name.to_owned())
            .or_default()
            .insert(id.broker_name.to_owned());

        let mut register_first = false;
        let broker_data = self
            .broker_addr_table
            .entry(id.broker_name.to_owned())
            .or_insert_with(|| {
                register_first = true;
                BrokerData::new(id.cluster_name, id.broker_name)
            });
        // One address, one id: the same ip:port under another id is stale.
        broker_data
            .broker_addrs
            .retain(|&bid, addr| bid == id.broker_id || addr != id.broker_addr);
        let old_addr = broker_data
            .broker_addrs
            .insert(id.broker_id, id.broker_addr.to_owned());
        register_first |= old_addr.is_none();

        if id.broker_id == MASTER_ID
            && (register_first
                || self.is_broker_topic_config_changed(id.broker_addr, &topic_config.data_version))
        {
            for tc in topic_config.topic_config_table.values() {
                self.create_and_update_queue_data(id.broker_name, tc);
            }
        }

        self.broker_live_table.insert(
            id.broker_addr.to_owned(),
            BrokerLiveInfo {
                last_update_timestamp: now_ms,
                data_version: topic_config.data_version.clone(),
                ha_server_addr: ha_server_addr.to_owned(),
            },
        );

        if filter_server_list.is_empty() {
            self.filter_server_table.remove(id.broker_addr);
        } else {
            self.filter_server_table
                .insert(id.broker_addr.to_owned(), filter_server_list.to_vec());
        }

        let mut result = RegisterBrokerResult::default();
        if id.broker_id != MASTER_ID {
            let master_addr = self
                .broker_addr_table
                .get(id.broker_name)
                .and_then(|bd| bd.master_addr());
            if let Some(master_addr) = master_addr
                && let Some(live) = self.broker_live_table.get(master_addr)
            {
                result.ha_server_addr = Some(live.ha_server_addr.clone());
                result.master_addr = Some(master_addr.to_owned());
            }
        }
        result
    }

    fn create_and_update_queue_data(&mut self, broker_name: &str, tc: &TopicConfig) {
        let queue_data = QueueData {
            broker_name: broker_name.to_owned(),
            perm: tc.perm,
            read_queue_nums: tc.read_queue_nums,
            topic_sys_flag: tc.topic_sys_flag,
            write_queue_nums: tc.write_queue_nums,
        };
        self.topic_queue_table
            .entry(tc.topic_name.clone())
            .or_default()
            .insert(broker_name.to_owned(), queue_data);
    }

    /// True when `data_version` differs from the one last registered from
    /// `broker_addr`, or nothing was registered from it.
    pub fn is_broker_topic_config_changed(
        &self,
        broker_addr: &str,
        data_version: &DataVersion,
    ) -> bool {
        self.query_broker_topic_config(broker_addr) != Some(data_version)
    }

    /// The DataVersion last registered from `broker_addr`.
    pub fn query_broker_topic_config(&self, broker_addr: &str) -> Option<&DataVersion> {
        self.broker_live_table
            .get(broker_addr)
            .map(|live| &live.data_version)
    }

    /// Marks `broker_addr` as heard from at `now_ms`, if it is registered.
    pub fn update_broker_info_update_timestamp(&mut self, broker_addr: &str, now_ms: i64) {
        if let Some(live) = self.broker_live_table.get_mut(broker_addr) {
            live.last_update_timestamp = now_ms;
        }
    }

    /// QUERY_DATA_VERSION: compares the broker's version with the registered
    /// one; when unchanged the query counts as a heartbeat.
    pub fn query_data_version(
        &mut self,
        broker_addr: &str,
        data_version: &DataVersion,
        now_ms: i64,
    ) -> DataVersionQuery {
        let changed = self.is_broker_topic_config_changed(broker_addr, data_version);
        if !changed {
            self.update_broker_info_update_timestamp(broker_addr, now_ms);
        }
        DataVersionQuery {
            changed,
            name_server_data_version: self.query_broker_topic_config(broker_addr).cloned(),
        }
    }

    pub fn broker_live_info(&self, broker_addr: &str) -> Option<&BrokerLiveInfo> {
        self.broker_live_table.get(broker_addr)
    }

    /// UNREGISTER_BROKER: forgets the address and the broker id; when that was
    /// the broker name's last member, the name leaves its cluster (and an
    /// empty cluster goes) and its queue data is removed from every topic.
    pub fn unregister_broker(&mut self, id: BrokerIdentity<'_>) {
        self.broker_live_table.remove(id.broker_addr);
        self.filter_server_table.remove(id.broker_addr);

        let Some(broker_data) = self.broker_addr_table.get_mut(id.broker_name) else {
            return;
        };
        broker_data.broker_addrs.remove(&id.broker_id);
        if !broker_data.broker_addrs.is_empty() {
            return;
        }
        self.broker_addr_table.remove(id.broker_name);
        if let Some(names) = self.cluster_addr_table.get_mut(id.cluster_name) {
            names.remove(id.broker_name);
            if names.is_empty() {
                self.cluster_addr_table.remove(id.cluster_name);
            }
        }
        self.remove_topic_by_broker_name(id.broker_name);
    }

    fn remove_topic_by_broker_name(&mut self, broker_name: &str) {
        self.topic_queue_table.retain(|_, queue_datas| {
            queue_datas.remove(broker_name);
            !queue_datas.is_empty()
        });
    }

    /// Drops every broker not heard from for more than `timeout_ms` before
    /// `now_ms` (as the 10 s scan does with BROKER_CHANNEL_EXPIRED_TIME_MS),
    /// with the same cleanup as a closed connection.
    pub fn scan_not_active_broker(&mut self, now_ms: i64, timeout_ms: i64) -> Vec<RemovedBroker> {
        let mut expired: Vec<String> = self
            .broker_live_table
            .iter()
            .filter(|(_, live)| live.last_update_timestamp.saturating_add(timeout_ms) < now_ms)
            .map(|(addr, _)| addr.clone())
            .collect();
        expired.sort();
        expired
            .into_iter()
            .map(|addr| self.on_broker_channel_destroyed(&addr))
            .collect()
    }

    /// Forgets everything about the broker at `broker_addr` (its connection
    /// closed or it expired): its liveness, filter servers and its id in its
    /// BrokerData; when that was the name's last member, the name, its
    /// cluster membership and its queue data go too.
    pub fn on_broker_channel_destroyed(&mut self, broker_addr: &str) -> RemovedBroker {
        self.broker_live_table.remove(broker_addr);
        self.filter_server_table.remove(broker_addr);

        let mut removed = RemovedBroker {
            broker_addr: broker_addr.to_owned(),
            broker_name: None,
            broker_name_removed: false,
        };
        let found = self.broker_addr_table.iter_mut().find_map(|(name, bd)| {
            let id = bd
                .broker_addrs
                .iter()
                .find(|(_, addr)| addr.as_str() == broker_addr)
                .map(|(&id, _)| id)?;
            bd.broker_addrs.remove(&id);
            Some((name.clone(), bd.broker_addrs.is_empty()))
        });
        let Some((broker_name, now_empty)) = found else {
            return removed;
        };
        removed.broker_name = Some(broker_name.clone());
        if now_empty {
            removed.broker_name_removed = true;
            self.broker_addr_table.remove(&broker_name);
            self.cluster_addr_table.retain(|_, names| {
                names.remove(&broker_name);
                !names.is_empty()
            });
            self.remove_topic_by_broker_name(&broker_name);
        }
        removed
    }

    /// GET_ROUTEINFO_BY_TOPIC: the topic's queue data and the brokers serving
    /// it, or None when the topic is unknown or none of its brokers is.
    /// Lists are sorted by broker name; `orderTopicConf` is left for the
    /// caller (it comes from the KV config).
    pub fn pick_topic_route_data(&self, topic: &str) -> Option<TopicRouteData> {
        let queue_datas = self.topic_queue_table.get(topic)?;
        let broker_datas: Vec<BrokerData> = queue_datas
            .keys()
            .filter_map(|name| self.broker_addr_table.get(name).cloned())
            .collect();
        if broker_datas.is_empty() {
            return None;
        }
        let mut filter_server_table = BTreeMap::new();
        for addr in broker_datas.iter().flat_map(|bd| bd.broker_addrs.values()) {
            if let Some(servers) = self.filter_server_table.get(addr) {
                filter_server_table.insert(addr.clone(), servers.clone());
            }
        }
        Some(TopicRouteData {
            broker_datas,
            filter_server_table,
            order_topic_conf: None,
            queue_datas: queue_datas.values().cloned().collect(),
        })
    }

    /// GET_BROKER_CLUSTER_INFO.
    /// Cluster info, with each live address's last registration time (an
    /// `mq` extension that Java readers ignore).
    pub fn cluster_info(&self) -> ClusterInfo {
        let broker_live_table = self
            .broker_live_table
            .iter()
            .map(|(addr, live)| {
                let summary = BrokerLiveSummary {
                    last_update_timestamp: live.last_update_timestamp,
                    ha_server_addr: live.ha_server_addr.clone(),
                };
                (addr.clone(), summary)
            })
            .collect();
        ClusterInfo {
            broker_addr_table: self.broker_addr_table.clone(),
            broker_live_table,
            cluster_addr_table: self.cluster_addr_table.clone(),
        }
    }

    /// GET_ALL_TOPIC_LIST_FROM_NAMESERVER.
    pub fn all_topic_list(&self) -> TopicList {
        TopicList {
            broker_addr: None,
            topic_list: self.topic_queue_table.keys().cloned().collect(),
        }
    }

    /// GET_TOPICS_BY_CLUSTER: topics with queues on any broker of `cluster`
    /// (empty for an unknown cluster).
    pub fn topics_by_cluster(&self, cluster: &str) -> TopicList {
        let names = self.cluster_addr_table.get(cluster);
        let topic_list = self
            .topic_queue_table
            .iter()
            .filter(|(_, qds)| names.is_some_and(|names| names.iter().any(|n| qds.contains_key(n))))
            .map(|(topic, _)| topic.clone())
            .collect();
        TopicList {
            broker_addr: None,
            topic_list,
        }
    }

    /// GET_SYSTEM_TOPIC_LIST_FROM_NS: as Java, the cluster names and broker
    /// names (each broker has a topic named after it, and each cluster one
    /// named after the cluster), plus one broker address to ask for the rest.
    pub fn system_topic_list(&self) -> TopicList {
        let mut topic_list = BTreeSet::new();
        for (cluster, names) in &self.cluster_addr_table {
            topic_list.insert(cluster.clone());
            topic_list.extend(names.iter().cloned());
        }
        let broker_addr = self
            .broker_addr_table
            .values()
            .find_map(|bd| bd.select_broker_addr())
            .map(str::to_owned);
        TopicList {
            broker_addr,
            topic_list,
        }
    }

    /// Topics whose (first) queue data has the UNIT flag (GET_UNIT_TOPIC_LIST).
    pub fn unit_topics(&self) -> TopicList {
        self.topics_where(perm::has_unit_flag)
    }

    /// Topics with the UNIT_SUB flag (GET_HAS_UNIT_SUB_TOPIC_LIST).
    pub fn has_unit_sub_topics(&self) -> TopicList {
        self.topics_where(perm::has_unit_sub_flag)
    }

    /// Topics with UNIT_SUB but not UNIT (GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST).
    pub fn has_unit_sub_ununit_topics(&self) -> TopicList {
        self.topics_where(|flag| !perm::has_unit_flag(flag) && perm::has_unit_sub_flag(flag))
    }

    /// Java judges a topic by one of its queue data only; here the first by
    /// broker name.
    fn topics_where(&self, pick: impl Fn(i32) -> bool) -> TopicList {
        let topic_list = self
            .topic_queue_table
            .iter()
            .filter(|(_, qds)| {
                qds.values()
                    .next()
                    .is_some_and(|qd| pick(qd.topic_sys_flag))
            })
            .map(|(topic, _)| topic.clone())
            .collect();
        TopicList {
            broker_addr: None,
            topic_list,
        }
    }

    /// DELETE_TOPIC_IN_NAMESRV without a cluster: forgets the topic entirely.
    /// Returns whether it existed.
    pub fn delete_topic(&mut self, topic: &str) -> bool {
        self.topic_queue_table.remove(topic).is_some()
    }

    /// DELETE_TOPIC_IN_NAMESRV with a cluster: removes the topic's queue data
    /// of that cluster's brokers only; the topic goes when no queue data is
    /// left. Returns how many brokers' queue data were removed.
    pub fn delete_topic_in_cluster(&mut self, topic: &str, cluster: &str) -> usize {
        let (Some(names), Some(queue_datas)) = (
            self.cluster_addr_table.get(cluster),
            self.topic_queue_table.get_mut(topic),
        ) else {
            return 0;
        };
        let removed = names
            .iter()
            .filter(|name| queue_datas.remove(name.as_str()).is_some())
            .count();
        if queue_datas.is_empty() {
            self.topic_queue_table.remove(topic);
        }
        removed
    }

    /// WIPE_WRITE_PERM_OF_BROKER: clears the write bit of every queue data of
    /// `broker_name`; returns how many topics it touched.
    pub fn wipe_write_perm_of_broker(&mut self, broker_name: &str) -> usize {
        self.operate_write_perm(broker_name, |perm| perm & !PERM_WRITE)
    }

    /// ADD_WRITE_PERM_OF_BROKER: sets every queue data of `broker_name` to
    /// read-write (6, as Java does, dropping other bits); returns the count.
    pub fn add_write_perm_of_broker(&mut self, broker_name: &str) -> usize {
        self.operate_write_perm(broker_name, |_| PERM_READ_WRITE)
    }

    fn operate_write_perm(&mut self, broker_name: &str, op: impl Fn(i32) -> i32) -> usize {
        let mut count = 0;
        for qd in self
            .topic_queue_table
            .values_mut()
            .filter_map(|qds| qds.get_mut(broker_name))
        {
            qd.perm = op(qd.perm);
            count += 1;
        }
        count
    }

    /// The queue data `broker_name` holds for `topic`.
    pub fn queue_data(&self, topic: &str, broker_name: &str) -> Option<&QueueData> {
        self.topic_queue_table.get(topic)?.get(broker_name)
    }

    /// The BrokerData of `broker_name`.
    pub fn broker_data(&self, broker_name: &str) -> Option<&BrokerData> {
        self.broker_addr_table.get(broker_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLUSTER: &str = "DefaultCluster";
    const T0: i64 = 1_700_000_000_000;

    fn ident<'a>(name: &'a str, addr: &'a str, id: i64) -> BrokerIdentity<'a> {
        BrokerIdentity {
            cluster_name: CLUSTER,
            broker_name: name,
            broker_addr: addr,
            broker_id: id,
        }
    }

    fn wrapper(counter: i64, topics: &[(&str, i32, i32)]) -> TopicConfigSerializeWrapper {
        let mut w = TopicConfigSerializeWrapper {
            data_version: DataVersion {
                counter,
                state_version: None,
                timestamp: T0,
            },
            ..Default::default()
        };
        for &(name, queues, perm) in topics {
            w.topic_config_table.insert(
                name.into(),
                TopicConfig::with_queues(name, queues, queues, perm),
            );
        }
        w
    }

    fn register(
        rim: &mut RouteInfoManager,
        name: &str,
        addr: &str,
        id: i64,
        w: &TopicConfigSerializeWrapper,
        now: i64,
    ) -> RegisterBrokerResult {
        let ha = format!("{addr}-ha");
        rim.register_broker(ident(name, addr, id), &ha, w, &[], now)
    }

    #[test]
    fn master_registration_builds_route() {
        let mut rim = RouteInfoManager::new();
        let w = wrapper(1, &[("TopicTest", 4, 6), ("TBW102", 8, 7)]);
        let r = register(&mut rim, "broker-a", "10.0.0.1:10911", 0, &w, T0);
        assert_eq!(r, RegisterBrokerResult::default());

        let route = rim.pick_topic_route_data("TopicTest").unwrap();
        assert_eq!(
            String::from_utf8(crate::protocol::RemotingBody::encode(&route)).unwrap(),
            r#"{"brokerDatas":[{"brokerAddrs":{"0":"10.0.0.1:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"}],"filterServerTable":{},"queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":4,"topicSysFlag":0,"writeQueueNums":4}]}"#
        );
        assert!(rim.pick_topic_route_data("Nope").is_none());
        let live = rim.broker_live_info("10.0.0.1:10911").unwrap();
        assert_eq!(live.last_update_timestamp, T0);
        assert_eq!(live.ha_server_addr, "10.0.0.1:10911-ha");
        assert_eq!(live.data_version.counter, 1);

        let ci = rim.cluster_info();
        assert_eq!(
            ci.cluster_addr_table[CLUSTER],
            BTreeSet::from(["broker-a".to_string()])
        );
        assert_eq!(
            ci.broker_addr_table["broker-a"].broker_addrs[&0],
            "10.0.0.1:10911"
        );
        assert_eq!(
            rim.all_topic_list().topic_list,
            BTreeSet::from(["TBW102".to_string(), "TopicTest".to_string()])
        );
    }

    #[test]
    fn queue_data_is_rebuilt_only_when_data_version_changes() {
        let mut rim = RouteInfoManager::new();
        let addr = "10.0.0.1:10911";
        register(
            &mut rim,
            "broker-a",
            addr,
            0,
            &wrapper(1, &[("T", 4, 6)]),
            T0,
        );
        assert_eq!(rim.wipe_write_perm_of_broker("broker-a"), 1);

        // Same version: the wiped perm stays, and a changed topic table is
        // not looked at (the broker would have bumped the version).
        register(
            &mut rim,
            "broker-a",
            addr,
            0,
            &wrapper(1, &[("T", 8, 6)]),
            T0 + 1,
        );
        let qd = rim.queue_data("T", "broker-a").unwrap();
        assert_eq!((qd.perm, qd.read_queue_nums), (4, 4));
        assert_eq!(
            rim.broker_live_info(addr).unwrap().last_update_timestamp,
            T0 + 1
        );

        // New version: rebuilt from the body.
        register(
            &mut rim,
            "broker-a",
            addr,
            0,
            &wrapper(2, &[("T", 8, 6), ("U", 1, 6)]),
            T0 + 2,
        );
        let qd = rim.queue_data("T", "broker-a").unwrap();
        assert_eq!((qd.perm, qd.read_queue_nums), (6, 8));
        assert!(rim.queue_data("U", "broker-a").is_some());
    }

    #[test]
    fn slave_registration_reports_master_and_leaves_queue_data() {
        let mut rim = RouteInfoManager::new();
        // A slave before its master: no master to point at, no queue data.
        let r = register(
            &mut rim,
            "broker-a",
            "10.0.0.2:10911",
            1,
            &wrapper(1, &[("T", 4, 6)]),
            T0,
        );
        assert_eq!(r, RegisterBrokerResult::default());
        assert!(rim.queue_data("T", "broker-a").is_none());
        assert!(rim.pick_topic_route_data("T").is_none());

        register(
            &mut rim,
            "broker-a",
            "10.0.0.1:10911",
            0,
            &wrapper(1, &[("T", 4, 6)]),
            T0,
        );
        let r = register(
            &mut rim,
            "broker-a",
            "10.0.0.2:10911",
            1,
            &wrapper(9, &[("T", 2, 2)]),
            T0,
        );
        assert_eq!(r.master_addr.as_deref(), Some("10.0.0.1:10911"));
        assert_eq!(r.ha_server_addr.as_deref(), Some("10.0.0.1:10911-ha"));
        // The slave's topic table did not change the master's queue data.
        let qd = rim.queue_data("T", "broker-a").unwrap();
        assert_eq!((qd.perm, qd.read_queue_nums), (6, 4));
        let route = rim.pick_topic_route_data("T").unwrap();
        assert_eq!(route.broker_datas[0].broker_addrs.len(), 2);
    }

    #[test]
    fn address_moving_to_another_id_is_removed_from_the_old_id() {
        let mut rim = RouteInfoManager::new();
        let w = wrapper(1, &[("T", 4, 6)]);
        register(&mut rim, "broker-a", "10.0.0.1:10911", 0, &w, T0);
        register(&mut rim, "broker-a", "10.0.0.2:10911", 1, &w, T0);
        // The master dies; its slave is promoted and registers as id 0.
        register(&mut rim, "broker-a", "10.0.0.2:10911", 0, &w, T0 + 10);
        let addrs = &rim.broker_data("broker-a").unwrap().broker_addrs;
        assert_eq!(addrs.len(), 1);
        assert_eq!(addrs[&0], "10.0.0.2:10911");
    }

    #[test]
    fn first_registration_of_a_new_master_address_rebuilds_even_with_same_version() {
        let mut rim = RouteInfoManager::new();
        register(
            &mut rim,
            "broker-a",
            "10.0.0.1:10911",
            0,
            &wrapper(1, &[("T", 4, 6)]),
            T0,
        );
        rim.unregister_broker(ident("broker-a", "10.0.0.1:10911", 0));
        assert!(rim.queue_data("T", "broker-a").is_none());
        // Same DataVersion, but a first registration: queue data comes back.
        register(
            &mut rim,
            "broker-a",
            "10.0.0.1:10911",
            0,
            &wrapper(1, &[("T", 4, 6)]),
            T0,
        );
        assert!(rim.queue_data("T", "broker-a").is_some());
    }

    #[test]
    fn unregister_keeps_the_broker_while_a_member_remains() {
        let mut rim = RouteInfoManager::new();
        let w = wrapper(1, &[("T", 4, 6)]);
        register(&mut rim, "broker-a", "10.0.0.1:10911", 0, &w, T0);
        register(&mut rim, "broker-a", "10.0.0.2:10911", 1, &w, T0);
        register(
            &mut rim,
            "broker-b",
            "10.0.0.3:10911",
            0,
            &wrapper(1, &[("T", 2, 6), ("B", 1, 6)]),
            T0,
        );

        rim.unregister_broker(ident("broker-a", "10.0.0.1:10911", 0));
        assert!(rim.broker_live_info("10.0.0.1:10911").is_none());
        assert!(rim.queue_data("T", "broker-a").is_some());
        assert_eq!(rim.broker_data("broker-a").unwrap().broker_addrs.len(), 1);

        rim.unregister_broker(ident("broker-a", "10.0.0.2:10911", 1));
        assert!(rim.broker_data("broker-a").is_none());
        assert!(rim.queue_data("T", "broker-a").is_none());
        assert!(rim.queue_data("T", "broker-b").is_some());
        assert_eq!(rim.cluster_info().cluster_addr_table[CLUSTER].len(), 1);

        rim.unregister_broker(ident("broker-b", "10.0.0.3:10911", 0));
        assert!(rim.cluster_info().cluster_addr_table.is_empty());
        assert!(rim.all_topic_list().topic_list.is_empty());
        // Unknown brokers are ignored.
        rim.unregister_broker(ident("ghost", "1.1.1.1:1", 0));
    }

    #[test]
    fn scan_expires_silent_brokers() {
        let mut rim = RouteInfoManager::new();
        let w = wrapper(1, &[("T", 4, 6)]);
        register(&mut rim, "broker-a", "10.0.0.1:10911", 0, &w, T0);
        register(&mut rim, "broker-a", "10.0.0.2:10911", 1, &w, T0 + 60_000);
        let timeout = BROKER_CHANNEL_EXPIRED_TIME_MS;

        // Exactly at the limit is still alive (Java: last + timeout < now).
        assert!(rim.scan_not_active_broker(T0 + timeout, timeout).is_empty());

        // The master expires; the slave keeps the name and its routes.
        let removed = rim.scan_not_active_broker(T0 + timeout + 1, timeout);
        assert_eq!(
            removed,
            vec![RemovedBroker {
                broker_addr: "10.0.0.1:10911".into(),
                broker_name: Some("broker-a".into()),
                broker_name_removed: false,
            }]
        );
        assert!(rim.broker_live_info("10.0.0.1:10911").is_none());
        let route = rim.pick_topic_route_data("T").unwrap();
        assert_eq!(
            route.broker_datas[0].select_broker_addr(),
            Some("10.0.0.2:10911")
        );

        // A heartbeat (unchanged data version) keeps the slave alive.
        let q = rim.query_data_version("10.0.0.2:10911", &w.data_version, T0 + 200_000);
        assert!(!q.changed);
        assert!(
            rim.scan_not_active_broker(T0 + 200_000 + timeout, timeout)
                .is_empty()
        );

        // Then it goes silent too: name, cluster and topic disappear.
        let removed = rim.scan_not_active_broker(T0 + 200_001 + timeout, timeout);
        assert_eq!(removed.len(), 1);
        assert!(removed[0].broker_name_removed);
        assert!(rim.broker_data("broker-a").is_none());
        assert!(rim.pick_topic_route_data("T").is_none());
        assert!(rim.all_topic_list().topic_list.is_empty());
        assert!(rim.cluster_info().cluster_addr_table.is_empty());
    }

    #[test]
    fn channel_destroyed_for_unknown_address() {
        let mut rim = RouteInfoManager::new();
        let removed = rim.on_broker_channel_destroyed("9.9.9.9:1");
        assert_eq!(removed.broker_name, None);
        assert!(!removed.broker_name_removed);
    }

    #[test]
    fn delete_topic_everywhere_or_in_one_cluster() {
        let mut rim = RouteInfoManager::new();
        let w = wrapper(1, &[("T", 4, 6), ("U", 4, 6)]);
        register(&mut rim, "broker-a", "10.0.0.1:10911", 0, &w, T0);
        rim.register_broker(
            BrokerIdentity {
                cluster_name: "Other",
                broker_name: "broker-x",
                broker_addr: "10.0.1.1:10911",
                broker_id: 0,
            },
            "",
            &w,
            &[],
            T0,
        );

        assert_eq!(rim.delete_topic_in_cluster("T", "Other"), 1);
        assert!(rim.queue_data("T", "broker-x").is_none());
        assert!(rim.queue_data("T", "broker-a").is_some());
        assert_eq!(rim.delete_topic_in_cluster("T", "NoSuchCluster"), 0);
        assert_eq!(rim.delete_topic_in_cluster("T", CLUSTER), 1);
        assert!(!rim.all_topic_list().topic_list.contains("T"));

        assert!(rim.delete_topic("U"));
        assert!(!rim.delete_topic("U"));
        assert!(rim.pick_topic_route_data("U").is_none());
    }

    #[test]
    fn write_perm_wipe_and_add() {
        let mut rim = RouteInfoManager::new();
        let w = wrapper(1, &[("T", 4, 6), ("TBW102", 8, 7), ("R", 1, 4)]);
        register(&mut rim, "broker-a", "10.0.0.1:10911", 0, &w, T0);
        register(
            &mut rim,
            "broker-b",
            "10.0.0.2:10911",
            0,
            &wrapper(1, &[("T", 4, 6)]),
            T0,
        );

        assert_eq!(rim.wipe_write_perm_of_broker("broker-a"), 3);
        assert_eq!(rim.queue_data("T", "broker-a").unwrap().perm, 4);
        assert_eq!(rim.queue_data("TBW102", "broker-a").unwrap().perm, 5);
        assert_eq!(rim.queue_data("R", "broker-a").unwrap().perm, 4);
        assert_eq!(rim.queue_data("T", "broker-b").unwrap().perm, 6);

        assert_eq!(rim.add_write_perm_of_broker("broker-a"), 3);
        assert_eq!(rim.queue_data("TBW102", "broker-a").unwrap().perm, 6);
        assert_eq!(rim.wipe_write_perm_of_broker("nobody"), 0);
    }

    #[test]
    fn query_data_version_reports_changes() {
        let mut rim = RouteInfoManager::new();
        let addr = "10.0.0.1:10911";
        let w = wrapper(5, &[("T", 4, 6)]);

        let unknown = rim.query_data_version(addr, &w.data_version, T0);
        assert!(unknown.changed);
        assert_eq!(unknown.name_server_data_version, None);

        register(&mut rim, "broker-a", addr, 0, &w, T0);
        let same = rim.query_data_version(addr, &w.data_version, T0 + 5);
        assert!(!same.changed);
        assert_eq!(
            same.name_server_data_version.as_ref(),
            Some(&w.data_version)
        );
        assert_eq!(
            rim.broker_live_info(addr).unwrap().last_update_timestamp,
            T0 + 5
        );

        let mut newer = w.data_version.clone();
        newer.next_version(T0 + 10);
        let changed = rim.query_data_version(addr, &newer, T0 + 10);
        assert!(changed.changed);
        assert_eq!(
            changed.name_server_data_version.as_ref(),
            Some(&w.data_version)
        );
        // A changed version is not a heartbeat.
        assert_eq!(
            rim.broker_live_info(addr).unwrap().last_update_timestamp,
            T0 + 5
        );
    }

    #[test]
    fn topic_lists_by_cluster_and_system() {
        let mut rim = RouteInfoManager::new();
        register(
            &mut rim,
            "broker-a",
            "10.0.0.1:10911",
            0,
            &wrapper(1, &[("A", 1, 6), ("S", 1, 6)]),
            T0,
        );
        rim.register_broker(
            BrokerIdentity {
                cluster_name: "Other",
                broker_name: "broker-x",
                broker_addr: "10.0.1.1:10911",
                broker_id: 0,
            },
            "",
            &wrapper(1, &[("X", 1, 6), ("S", 1, 6)]),
            &[],
            T0,
        );
        let names = |l: TopicList| l.topic_list.into_iter().collect::<Vec<_>>();
        assert_eq!(names(rim.topics_by_cluster(CLUSTER)), vec!["A", "S"]);
        assert_eq!(names(rim.topics_by_cluster("Other")), vec!["S", "X"]);
        assert!(rim.topics_by_cluster("none").topic_list.is_empty());

        let sys = rim.system_topic_list();
        assert_eq!(
            names(sys.clone()),
            vec!["DefaultCluster", "Other", "broker-a", "broker-x"]
        );
        assert_eq!(sys.broker_addr.as_deref(), Some("10.0.0.1:10911"));
        assert_eq!(
            RouteInfoManager::new().system_topic_list(),
            TopicList::default()
        );
    }

    #[test]
    fn unit_topic_lists() {
        let mut rim = RouteInfoManager::new();
        let mut w = wrapper(
            1,
            &[
                ("Plain", 1, 6),
                ("Unit", 1, 6),
                ("Sub", 1, 6),
                ("Both", 1, 6),
            ],
        );
        w.topic_config_table.get_mut("Unit").unwrap().topic_sys_flag = perm::FLAG_UNIT;
        w.topic_config_table.get_mut("Sub").unwrap().topic_sys_flag = perm::FLAG_UNIT_SUB;
        w.topic_config_table.get_mut("Both").unwrap().topic_sys_flag =
            perm::FLAG_UNIT | perm::FLAG_UNIT_SUB;
        register(&mut rim, "broker-a", "10.0.0.1:10911", 0, &w, T0);
        let names = |l: TopicList| l.topic_list.into_iter().collect::<Vec<_>>();
        assert_eq!(names(rim.unit_topics()), vec!["Both", "Unit"]);
        assert_eq!(names(rim.has_unit_sub_topics()), vec!["Both", "Sub"]);
        assert_eq!(names(rim.has_unit_sub_ununit_topics()), vec!["Sub"]);
    }

    #[test]
    fn filter_servers_appear_in_routes_and_clear() {
        let mut rim = RouteInfoManager::new();
        let w = wrapper(1, &[("T", 4, 6)]);
        let fs = vec!["10.0.0.1:9999".to_string()];
        rim.register_broker(ident("broker-a", "10.0.0.1:10911", 0), "", &w, &fs, T0);
        let route = rim.pick_topic_route_data("T").unwrap();
        assert_eq!(route.filter_server_table["10.0.0.1:10911"], fs);
        rim.register_broker(ident("broker-a", "10.0.0.1:10911", 0), "", &w, &[], T0);
        assert!(
            rim.pick_topic_route_data("T")
                .unwrap()
                .filter_server_table
                .is_empty()
        );
    }

    #[test]
    fn routes_list_brokers_sorted_by_name() {
        let mut rim = RouteInfoManager::new();
        let w = wrapper(1, &[("T", 4, 6)]);
        register(&mut rim, "broker-c", "10.0.0.3:10911", 0, &w, T0);
        register(&mut rim, "broker-a", "10.0.0.1:10911", 0, &w, T0);
        register(&mut rim, "broker-b", "10.0.0.2:10911", 0, &w, T0);
        let route = rim.pick_topic_route_data("T").unwrap();
        let qd: Vec<_> = route
            .queue_datas
            .iter()
            .map(|q| q.broker_name.as_str())
            .collect();
        let bd: Vec<_> = route
            .broker_datas
            .iter()
            .map(|b| b.broker_name.as_str())
            .collect();
        assert_eq!(qd, vec!["broker-a", "broker-b", "broker-c"]);
        assert_eq!(bd, qd);
    }
    /// The tables stay consistent whatever brokers do: no empty BrokerData,
    /// cluster or topic entry; every broker name of a cluster is known; an
    /// address has one id per broker name; queue data only of known names.
    fn assert_consistent(rim: &RouteInfoManager) {
        for (name, bd) in &rim.broker_addr_table {
            assert!(!bd.broker_addrs.is_empty(), "empty BrokerData {name}");
            let addrs: BTreeSet<_> = bd.broker_addrs.values().collect();
            assert_eq!(
                addrs.len(),
                bd.broker_addrs.len(),
                "address under two ids in {name}"
            );
            assert!(
                rim.cluster_addr_table
                    .values()
                    .any(|names| names.contains(name)),
                "{name} in no cluster"
            );
        }
        for (cluster, names) in &rim.cluster_addr_table {
            assert!(!names.is_empty(), "empty cluster {cluster}");
        }
        for (topic, qds) in &rim.topic_queue_table {
            assert!(!qds.is_empty(), "empty topic {topic}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tables_stay_consistent(ops in proptest::collection::vec((0u8..5, 0usize..3, 0usize..3, 0i64..2, 0i64..4), 1..60)) {
            let names = ["broker-a", "broker-b", "broker-c"];
            let addrs = ["10.0.0.1:10911", "10.0.0.2:10911", "10.0.0.3:10911"];
            let mut rim = RouteInfoManager::new();
            let mut now = T0;
            for (op, n, a, id, version) in ops {
                now += 30_000;
                let who = ident(names[n], addrs[a], id);
                match op {
                    0 | 1 => {
                        let w = wrapper(version, &[("T", 4, 6), (names[n], 1, 7)]);
                        rim.register_broker(who, "ha", &w, &[], now);
                    }
                    2 => rim.unregister_broker(who),
                    3 => {
                        rim.scan_not_active_broker(now, BROKER_CHANNEL_EXPIRED_TIME_MS);
                    }
                    _ => {
                        rim.on_broker_channel_destroyed(addrs[a]);
                    }
                }
                assert_consistent(&rim);
                if let Some(route) = rim.pick_topic_route_data("T") {
                    proptest::prop_assert!(!route.broker_datas.is_empty());
                }
            }
        }
    }
}
