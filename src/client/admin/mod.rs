//! The admin client: the name server's admin calls (routes, clusters, topic
//! lists, KV config, name server config) here, broker calls in `broker`,
//! calls spanning many brokers in `fanout`, and the workflows the CLI and the
//! console share (`cluster`, `broker_info`, `topic`, `connection`, `group`,
//! `message`, `dlq`, with `targets` choosing where changes go), which return
//! serializable results.
//! Works against `mq` daemons and Apache RocketMQ alike.

pub mod acl;
pub mod broker;
pub mod broker_info;
pub mod browse;
pub mod cluster;
pub mod connection;
pub mod dlq;
pub mod error;
pub mod fanout;
pub mod group;
pub mod maintenance;
pub mod message;
pub mod schedule;
pub mod targets;
pub mod topic;
pub mod transaction;
pub mod write_perm;

pub use error::{AdminError, AdminResult};
pub use fanout::BrokerTarget;

use std::time::Duration;

use super::error::{ClientError, ClientResult};
use super::namesrv::NamesrvAddrs;
use crate::protocol::body::{KVTable, RemotingBody, TopicList};
use crate::protocol::header::*;
use crate::protocol::route::{ClusterInfo, TopicRouteData};
use crate::protocol::topic_config::TopicConfig;
use crate::remoting::code::{request, response};
use crate::remoting::{RemotingClient, RemotingCommand};

#[derive(Clone)]
pub struct AdminClient {
    remoting: RemotingClient,
    namesrv: NamesrvAddrs,
    timeout: Duration,
}

fn decode<T: RemotingBody>(what: &'static str, response: &RemotingCommand) -> ClientResult<T> {
    T::decode(&response.body).map_err(|e| ClientError::Decode {
        what,
        reason: e.to_string(),
    })
}

fn expect_success(
    action: &'static str,
    response: RemotingCommand,
) -> ClientResult<RemotingCommand> {
    if response.code == response::SUCCESS {
        Ok(response)
    } else {
        Err(ClientError::response(action, &response))
    }
}

impl AdminClient {
    /// `namesrv` is RocketMQ's `;`-separated address list.
    pub fn new(namesrv: &str, timeout: Duration) -> ClientResult<Self> {
        Ok(AdminClient {
            remoting: RemotingClient::new(),
            namesrv: NamesrvAddrs::parse(namesrv)?,
            timeout,
        })
    }

    pub fn namesrv_addrs(&self) -> &[String] {
        self.namesrv.all()
    }

    async fn call_namesrv(
        &self,
        action: &'static str,
        request: RemotingCommand,
    ) -> ClientResult<RemotingCommand> {
        let response = self
            .namesrv
            .invoke(&self.remoting, request, self.timeout)
            .await?;
        expect_success(action, response)
    }

    /// The route of `topic`; `TopicNotFound` when no name server knows it.
    pub async fn topic_route(&self, topic: &str) -> ClientResult<TopicRouteData> {
        let header = GetRouteInfoRequestHeader {
            topic: topic.to_string(),
            accept_standard_json_only: None,
        };
        let request =
            RemotingCommand::request(request::GET_ROUTEINFO_BY_TOPIC).with_header(&header);
        match self.call_namesrv("topic route", request).await {
            Ok(r) => decode("topic route", &r),
            Err(ClientError::Response { code, .. }) if code == response::TOPIC_NOT_EXIST => {
                Err(ClientError::TopicNotFound(topic.to_string()))
            }
            Err(e) => Err(e),
        }
    }

    pub async fn cluster_info(&self) -> ClientResult<ClusterInfo> {
        let request = RemotingCommand::request(request::GET_BROKER_CLUSTER_INFO);
        let r = self.call_namesrv("cluster info", request).await?;
        decode("cluster info", &r)
    }

    pub async fn topic_list(&self) -> ClientResult<TopicList> {
        let request = RemotingCommand::request(request::GET_ALL_TOPIC_LIST_FROM_NAMESERVER);
        let r = self.call_namesrv("topic list", request).await?;
        decode("topic list", &r)
    }

    pub async fn topics_by_cluster(&self, cluster: &str) -> ClientResult<TopicList> {
        let header = GetTopicsByClusterRequestHeader {
            cluster: cluster.to_string(),
        };
        let request = RemotingCommand::request(request::GET_TOPICS_BY_CLUSTER).with_header(&header);
        let r = self.call_namesrv("topics by cluster", request).await?;
        decode("topic list", &r)
    }

    /// Removes `topic`'s route from every name server (RocketMQ does the same
    /// after deleting it on the brokers).
    pub async fn delete_topic_in_namesrv(
        &self,
        topic: &str,
        cluster: Option<&str>,
    ) -> ClientResult<()> {
        let header = DeleteTopicFromNamesrvRequestHeader {
            topic: topic.to_string(),
            cluster_name: cluster.map(str::to_string),
        };
        for addr in self.namesrv.all() {
            let request =
                RemotingCommand::request(request::DELETE_TOPIC_IN_NAMESRV).with_header(&header);
            let r = self.remoting.invoke(addr, request, self.timeout).await?;
            expect_success("delete topic in name server", r)?;
        }
        Ok(())
    }

    /// Puts a KV config entry on every name server, as mqadmin does.
    pub async fn kv_put(&self, namespace: &str, key: &str, value: &str) -> ClientResult<()> {
        let header = PutKvConfigRequestHeader {
            namespace: namespace.to_string(),
            key: key.to_string(),
            value: value.to_string(),
        };
        for addr in self.namesrv.all() {
            let request = RemotingCommand::request(request::PUT_KV_CONFIG).with_header(&header);
            let r = self.remoting.invoke(addr, request, self.timeout).await?;
            expect_success("put KV config", r)?;
        }
        Ok(())
    }

    /// The value of a KV config entry; `None` when it is not set.
    pub async fn kv_get(&self, namespace: &str, key: &str) -> ClientResult<Option<String>> {
        let header = KvConfigKeyHeader {
            namespace: namespace.to_string(),
            key: key.to_string(),
        };
        let request = RemotingCommand::request(request::GET_KV_CONFIG).with_header(&header);
        match self.call_namesrv("get KV config", request).await {
            Ok(r) => Ok(r.decode_header::<GetKvConfigResponseHeader>()?.value),
            Err(ClientError::Response { code, .. }) if code == response::QUERY_NOT_FOUND => {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Deletes a KV config entry on every name server.
    pub async fn kv_delete(&self, namespace: &str, key: &str) -> ClientResult<()> {
        let header = KvConfigKeyHeader {
            namespace: namespace.to_string(),
            key: key.to_string(),
        };
        for addr in self.namesrv.all() {
            let request = RemotingCommand::request(request::DELETE_KV_CONFIG).with_header(&header);
            let r = self.remoting.invoke(addr, request, self.timeout).await?;
            expect_success("delete KV config", r)?;
        }
        Ok(())
    }

    /// Every entry of a namespace; empty when the namespace does not exist.
    pub async fn kv_list(&self, namespace: &str) -> ClientResult<KVTable> {
        let header = GetKvListByNamespaceRequestHeader {
            namespace: namespace.to_string(),
        };
        let request =
            RemotingCommand::request(request::GET_KVLIST_BY_NAMESPACE).with_header(&header);
        match self.call_namesrv("list KV config", request).await {
            Ok(r) => decode("KV table", &r),
            Err(ClientError::Response { code, .. }) if code == response::QUERY_NOT_FOUND => {
                Ok(KVTable::default())
            }
            Err(e) => Err(e),
        }
    }

    /// Each name server's config as `key=value` text.
    pub async fn namesrv_config(&self) -> ClientResult<Vec<(String, String)>> {
        let mut out = Vec::new();
        for addr in self.namesrv.all() {
            let request = RemotingCommand::request(request::GET_NAMESRV_CONFIG);
            let r = self.remoting.invoke(addr, request, self.timeout).await?;
            let r = expect_success("get name server config", r)?;
            out.push((addr.clone(), String::from_utf8_lossy(&r.body).into_owned()));
        }
        Ok(out)
    }

    /// Updates config keys (`key=value` lines) on every name server.
    pub async fn update_namesrv_config(&self, properties: &str) -> ClientResult<()> {
        for addr in self.namesrv.all() {
            let request = RemotingCommand::request(request::UPDATE_NAMESRV_CONFIG)
                .with_body(properties.as_bytes().to_vec());
            let r = self.remoting.invoke(addr, request, self.timeout).await?;
            expect_success("update name server config", r)?;
        }
        Ok(())
    }

    /// Creates or updates a topic on one broker (UPDATE_AND_CREATE_TOPIC).
    pub async fn create_topic(&self, broker_addr: &str, config: &TopicConfig) -> ClientResult<()> {
        let header = CreateTopicRequestHeader {
            topic: config.topic_name.clone(),
            default_topic: "TBW102".to_string(),
            read_queue_nums: config.read_queue_nums,
            write_queue_nums: config.write_queue_nums,
            perm: config.perm,
            topic_filter_type: config.topic_filter_type.as_str().to_string(),
            topic_sys_flag: Some(config.topic_sys_flag),
            order: config.order,
        };
        let request =
            RemotingCommand::request(request::UPDATE_AND_CREATE_TOPIC).with_header(&header);
        let r = self
            .remoting
            .invoke(broker_addr, request, self.timeout)
            .await?;
        expect_success("create topic", r)?;
        Ok(())
    }
}
