//! Registration with name servers (RocketMQ's BrokerOuterAPI): REGISTER_BROKER
//! with the topic table to every name server at start, every
//! registerNameServerPeriod and after topic changes; UNREGISTER_BROKER at
//! shutdown.

use std::time::Duration;

use tokio::sync::Notify;

use super::Broker;
use crate::client::namesrv::NamesrvAddrs;
use crate::protocol::body::RemotingBody;
use crate::protocol::header::{
    RegisterBrokerRequestHeader, RegisterBrokerResponseHeader, UnregisterBrokerRequestHeader,
};
use crate::protocol::perm::PERM_READ_WRITE;
use crate::protocol::register_broker::RegisterBrokerBody;
use crate::remoting::code::{request, response};
use crate::remoting::{RemotingClient, RemotingCommand};

const REGISTER_TIMEOUT: Duration = Duration::from_secs(6);

pub struct Registration {
    namesrv: NamesrvAddrs,
    client: RemotingClient,
    change: Notify,
}

impl Registration {
    pub fn new(namesrv: NamesrvAddrs) -> Self {
        Registration {
            namesrv,
            client: RemotingClient::new(),
            change: Notify::new(),
        }
    }

    pub fn request_now(&self) {
        self.change.notify_one();
    }

    pub async fn wait_for_change(&self) {
        self.change.notified().await
    }

    fn register_request(broker: &Broker) -> RemotingCommand {
        let c = &broker.config;
        let mut wrapper = broker.topics.wrapper();
        let permission = broker.registered_permission();
        if permission & PERM_READ_WRITE != PERM_READ_WRITE {
            // A broker that may not be written (or read) says so in every topic.
            for t in wrapper.topic_config_table.values_mut() {
                t.perm = permission;
            }
        }
        let body = RegisterBrokerBody {
            filter_server_list: Vec::new(),
            topic_config_serialize_wrapper: wrapper,
        }
        .encode();
        let header = RegisterBrokerRequestHeader {
            broker_name: c.broker_name.clone(),
            broker_addr: c.broker_addr(),
            cluster_name: c.broker_cluster_name.clone(),
            ha_server_addr: broker.ha_server_addr(),
            broker_id: c.broker_id,
            compressed: Some(false),
            body_crc32: Some((crc32fast::hash(&body) & 0x7FFF_FFFF) as i32),
            heartbeat_timeout_millis: None,
        };
        RemotingCommand::request(request::REGISTER_BROKER)
            .with_header(&header)
            .with_body(body)
    }

    /// Registers with every name server; failures are logged, not fatal.
    pub async fn register_all(&self, broker: &Broker) {
        let request = Self::register_request(broker);
        let calls = self.namesrv.all().iter().map(|addr| {
            let request = request.clone();
            async move {
                match self.client.invoke(addr, request, REGISTER_TIMEOUT).await {
                    Ok(r) if r.code == response::SUCCESS => {
                        tracing::debug!("registered with name server {addr}");
                        follow_master_from(broker, &r);
                    }
                    Ok(r) => tracing::warn!(
                        "name server {addr} refused the registration: {}",
                        r.describe_error()
                    ),
                    Err(e) => tracing::warn!("cannot register with name server {addr}: {e}"),
                }
            }
        });
        futures_util::future::join_all(calls).await;
    }

    pub async fn unregister_all(&self, broker: &Broker) {
        let c = &broker.config;
        let header = UnregisterBrokerRequestHeader {
            broker_name: c.broker_name.clone(),
            broker_addr: c.broker_addr(),
            cluster_name: c.broker_cluster_name.clone(),
            broker_id: c.broker_id,
        };
        for addr in self.namesrv.all() {
            let request = RemotingCommand::request(request::UNREGISTER_BROKER).with_header(&header);
            if let Err(e) = self
                .client
                .invoke(addr, request, Duration::from_secs(3))
                .await
            {
                tracing::warn!("cannot unregister from name server {addr}: {e}");
            }
        }
        self.client.shutdown();
    }
}

/// A slave without haMasterAddress follows the master HA address the name server's answer
/// names (RocketMQ's updateMasterHAServerAddrPeriodically).
fn follow_master_from(broker: &Broker, answer: &RemotingCommand) {
    if broker.config.is_master() || broker.store.config().ha_master_address.is_some() {
        return;
    }
    if let Ok(h) = answer.decode_header::<RegisterBrokerResponseHeader>()
        && let Some(addr) = h.ha_server_addr.as_deref()
    {
        broker.ha.update_master_address(addr);
    }
}
