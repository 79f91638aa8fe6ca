//! Routing bodies served by the name server: QueueData, BrokerData,
//! TopicRouteData (GET_ROUTEINFO_BY_TOPIC) and ClusterInfo
//! (GET_BROKER_CLUSTER_INFO), with Java's field names and fastjson's order.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::body::RemotingBody;

/// RocketMQ appends this hint (FAQUrl.APPLY_TOPIC_URL) to TOPIC_NOT_EXIST remarks.
pub const APPLY_TOPIC_HINT: &str =
    "\nSee http://rocketmq.apache.org/docs/faq/ for further details.";

/// brokerId of a master; slaves have ids >= 1.
pub const MASTER_ID: i64 = 0;

/// `QueueData`: one broker's share of a topic.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct QueueData {
    pub broker_name: String,
    pub perm: i32,
    pub read_queue_nums: i32,
    pub topic_sys_flag: i32,
    pub write_queue_nums: i32,
}

/// `BrokerData`: a broker name (one master and its slaves) and the address of
/// each member by brokerId. The ids are written as quoted keys (`"0"`), which
/// every client reads; fastjson's unquoted form is accepted on input.
/// 5.x extras (zoneName, enableActingMaster) are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct BrokerData {
    pub broker_addrs: BTreeMap<i64, String>,
    pub broker_name: String,
    pub cluster: String,
}

impl BrokerData {
    pub fn new(cluster: impl Into<String>, broker_name: impl Into<String>) -> Self {
        BrokerData {
            broker_addrs: BTreeMap::new(),
            broker_name: broker_name.into(),
            cluster: cluster.into(),
        }
    }

    /// The master's address, or else a slave's (the lowest id; Java picks a
    /// random one), or None when the broker has no members.
    pub fn select_broker_addr(&self) -> Option<&str> {
        self.broker_addrs
            .get(&MASTER_ID)
            .or_else(|| self.broker_addrs.values().next())
            .map(String::as_str)
    }

    pub fn master_addr(&self) -> Option<&str> {
        self.broker_addrs.get(&MASTER_ID).map(String::as_str)
    }
}

/// `TopicRouteData`: where a topic's queues live. `orderTopicConf` is written
/// only when set (`"broker-a:4;broker-b:4"`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct TopicRouteData {
    pub broker_datas: Vec<BrokerData>,
    pub filter_server_table: BTreeMap<String, Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_topic_conf: Option<String>,
    pub queue_datas: Vec<QueueData>,
}

impl RemotingBody for TopicRouteData {}

/// `ClusterInfo`: every broker by name, and the broker names of each cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ClusterInfo {
    pub broker_addr_table: BTreeMap<String, BrokerData>,
    /// An `mq` extension: when each broker address last registered. Java
    /// readers ignore unknown fields; Apache RocketMQ name servers leave it out.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub broker_live_table: BTreeMap<String, BrokerLiveSummary>,
    pub cluster_addr_table: BTreeMap<String, BTreeSet<String>>,
}

/// A broker address's liveness, as `mq` name servers report it in ClusterInfo.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct BrokerLiveSummary {
    pub last_update_timestamp: i64,
    pub ha_server_addr: String,
}

impl ClusterInfo {
    /// Every member address (masters and slaves) of the brokers of `cluster`.
    pub fn retrieve_all_addr_by_cluster(&self, cluster: &str) -> Vec<String> {
        let Some(names) = self.cluster_addr_table.get(cluster) else {
            return Vec::new();
        };
        names
            .iter()
            .filter_map(|name| self.broker_addr_table.get(name))
            .flat_map(|bd| bd.broker_addrs.values().cloned())
            .collect()
    }

    pub fn cluster_names(&self) -> impl Iterator<Item = &str> {
        self.cluster_addr_table.keys().map(String::as_str)
    }
}

impl RemotingBody for ClusterInfo {}

#[cfg(test)]
mod tests {
    use super::*;

    fn route() -> TopicRouteData {
        let mut bd = BrokerData::new("DefaultCluster", "broker-a");
        bd.broker_addrs.insert(0, "10.0.0.1:10911".into());
        TopicRouteData {
            broker_datas: vec![bd],
            filter_server_table: BTreeMap::new(),
            order_topic_conf: None,
            queue_datas: vec![QueueData {
                broker_name: "broker-a".into(),
                perm: 6,
                read_queue_nums: 4,
                topic_sys_flag: 0,
                write_queue_nums: 4,
            }],
        }
    }

    #[test]
    fn topic_route_data_matches_java_bytes() {
        // The reference's example of namesrv output (BrowserCompatible + MapSortField).
        let java = r#"{"brokerDatas":[{"brokerAddrs":{"0":"10.0.0.1:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"}],"filterServerTable":{},"queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":4,"topicSysFlag":0,"writeQueueNums":4}]}"#;
        assert_eq!(String::from_utf8(route().encode()).unwrap(), java);
        assert_eq!(TopicRouteData::decode(java.as_bytes()).unwrap(), route());
    }

    #[test]
    fn topic_route_data_from_raw_fastjson_and_5x() {
        // Old-client namesrv output: unquoted ids, any field order, 5.x extras.
        let raw = r#"{"orderTopicConf":"broker-a:4","queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":4,"topicSysFlag":0,"writeQueueNums":4}],"brokerDatas":[{"cluster":"DefaultCluster","brokerName":"broker-a","brokerAddrs":{0:"10.0.0.1:10911",1:"10.0.0.2:10911"},"enableActingMaster":false,"zoneName":"z"}],"filterServerTable":{},"topicQueueMappingByBroker":null}"#;
        let r = TopicRouteData::decode(raw.as_bytes()).unwrap();
        assert_eq!(r.order_topic_conf.as_deref(), Some("broker-a:4"));
        assert_eq!(r.broker_datas[0].broker_addrs[&1], "10.0.0.2:10911");
        assert_eq!(
            r.broker_datas[0].select_broker_addr(),
            Some("10.0.0.1:10911")
        );
        let enc = String::from_utf8(r.encode()).unwrap();
        assert!(enc.contains(r#""brokerAddrs":{"0":"10.0.0.1:10911","1":"10.0.0.2:10911"}"#));
        assert!(enc.contains(r#""orderTopicConf":"broker-a:4","queueDatas""#));
    }

    #[test]
    fn missing_fields_default() {
        let r = TopicRouteData::decode(b"{}").unwrap();
        assert!(r.broker_datas.is_empty() && r.queue_datas.is_empty());
        let r = TopicRouteData::decode(br#"{"queueDatas":null,"brokerDatas":[{}]}"#);
        // Java writes no nulls, but a null list is an error rather than a panic.
        assert!(r.is_err());
    }

    #[test]
    fn select_broker_addr_prefers_master() {
        let mut bd = BrokerData::new("c", "b");
        assert_eq!(bd.select_broker_addr(), None);
        bd.broker_addrs.insert(2, "s2".into());
        bd.broker_addrs.insert(1, "s1".into());
        assert_eq!(bd.select_broker_addr(), Some("s1"));
        assert_eq!(bd.master_addr(), None);
        bd.broker_addrs.insert(0, "m".into());
        assert_eq!(bd.select_broker_addr(), Some("m"));
    }

    #[test]
    fn cluster_info_round_trip_and_addresses() {
        let raw = r#"{"brokerAddrTable":{"broker-a":{"brokerAddrs":{0:"10.0.0.1:10911",1:"10.0.0.2:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"},"broker-b":{"brokerAddrs":{0:"10.0.0.3:10911"},"brokerName":"broker-b","cluster":"DefaultCluster"}},"clusterAddrTable":{"DefaultCluster":["broker-b","broker-a"]}}"#;
        let ci = ClusterInfo::decode(raw.as_bytes()).unwrap();
        assert_eq!(
            ci.retrieve_all_addr_by_cluster("DefaultCluster"),
            vec!["10.0.0.1:10911", "10.0.0.2:10911", "10.0.0.3:10911"]
        );
        assert!(ci.retrieve_all_addr_by_cluster("nope").is_empty());
        assert_eq!(
            ci.cluster_names().collect::<Vec<_>>(),
            vec!["DefaultCluster"]
        );
        let enc = String::from_utf8(ci.encode()).unwrap();
        assert_eq!(
            enc,
            r#"{"brokerAddrTable":{"broker-a":{"brokerAddrs":{"0":"10.0.0.1:10911","1":"10.0.0.2:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"},"broker-b":{"brokerAddrs":{"0":"10.0.0.3:10911"},"brokerName":"broker-b","cluster":"DefaultCluster"}},"clusterAddrTable":{"DefaultCluster":["broker-a","broker-b"]}}"#
        );
        assert_eq!(ClusterInfo::decode(enc.as_bytes()).unwrap(), ci);
    }
}
