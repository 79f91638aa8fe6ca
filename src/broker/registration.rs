//! Registration with name servers (RocketMQ's BrokerOuterAPI): REGISTER_BROKER
//! with the topic table to every name server at start, every
//! registerNameServerPeriod and after topic changes, to all name servers at
//! once; the master address their answer gives a slave; UNREGISTER_BROKER at
//! shutdown.

use std::sync::Mutex;
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

/// Where a slave's master is, as the name servers last answered its registration (both None
/// for a master, and for a slave whose master is not registered).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MasterAddrs {
    /// The master's remoting address, which slave_sync copies metadata from.
    pub master_addr: Option<String>,
    /// The master's HA address, which commit log replication follows.
    pub ha_server_addr: Option<String>,
}

impl MasterAddrs {
    fn of(answer: &RemotingCommand) -> Option<MasterAddrs> {
        let h: RegisterBrokerResponseHeader = answer.decode_header().ok()?;
        let non_empty = |a: Option<String>| a.filter(|a| !a.is_empty());
        Some(MasterAddrs {
            master_addr: non_empty(h.master_addr),
            ha_server_addr: non_empty(h.ha_server_addr),
        })
    }
}

pub struct Registration {
    namesrv: NamesrvAddrs,
    client: RemotingClient,
    change: Notify,
    master: Mutex<MasterAddrs>,
    master_changed: Notify,
}

impl Registration {
    pub fn new(namesrv: NamesrvAddrs) -> Self {
        Registration {
            namesrv,
            client: RemotingClient::new(),
            change: Notify::new(),
            master: Mutex::new(MasterAddrs::default()),
            master_changed: Notify::new(),
        }
    }

    /// The master's addresses from the last registration answered.
    pub fn master(&self) -> MasterAddrs {
        self.master.lock().unwrap().clone()
    }

    /// Resolves when a registration answer moved the master's addresses (enabled before the
    /// caller reads `master`, it misses no change).
    pub fn master_changed(&self) -> tokio::sync::futures::Notified<'_> {
        self.master_changed.notified()
    }

    /// RocketMQ takes the first answer of the round; a round nobody answered changes nothing.
    fn on_answers(&self, answers: impl IntoIterator<Item = MasterAddrs>) {
        let Some(now) = answers.into_iter().next() else {
            return;
        };
        let mut master = self.master.lock().unwrap();
        if *master != now {
            tracing::info!(
                "master address from {:?} to {:?} (HA {:?})",
                master.master_addr,
                now.master_addr,
                now.ha_server_addr
            );
            *master = now;
            self.master_changed.notify_waiters();
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

    /// Registers with every name server at once; failures are logged, not fatal.
    pub async fn register_all(&self, broker: &Broker) {
        let request = Self::register_request(broker);
        let calls = self.namesrv.all().iter().map(|addr| {
            let request = request.clone();
            async move {
                match self.client.invoke(addr, request, REGISTER_TIMEOUT).await {
                    Ok(r) if r.code == response::SUCCESS => {
                        tracing::debug!("registered with name server {addr}");
                        MasterAddrs::of(&r)
                    }
                    Ok(r) => {
                        tracing::warn!(
                            "name server {addr} refused the registration: {}",
                            r.describe_error()
                        );
                        None
                    }
                    Err(e) => {
                        tracing::warn!("cannot register with name server {addr}: {e}");
                        None
                    }
                }
            }
        });
        let answers = futures_util::future::join_all(calls).await;
        self.on_answers(answers.into_iter().flatten());
        follow_master_ha(broker, &self.master());
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

/// A slave without haMasterAddress follows the master HA address the name servers' answer
/// names (RocketMQ's updateMasterHAServerAddrPeriodically); a round without one keeps the last.
fn follow_master_ha(broker: &Broker, master: &MasterAddrs) {
    if broker.config.is_master() || broker.store.config().ha_master_address.is_some() {
        return;
    }
    if let Some(addr) = &master.ha_server_addr {
        broker.ha.update_master_address(addr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addrs(master: Option<&str>) -> MasterAddrs {
        MasterAddrs {
            master_addr: master.map(str::to_string),
            ha_server_addr: master.map(|m| format!("{m}-ha")),
        }
    }

    #[tokio::test]
    async fn the_first_answer_sets_the_master_and_a_silent_round_keeps_it() {
        let r = Registration::new(NamesrvAddrs::parse("127.0.0.1:1").unwrap());
        let changed = r.master_changed();
        tokio::pin!(changed);
        changed.as_mut().enable();
        r.on_answers([addrs(Some("10.0.0.1:10911")), addrs(None)]);
        changed.await;
        assert_eq!(r.master(), addrs(Some("10.0.0.1:10911")));
        r.on_answers([]);
        assert_eq!(r.master(), addrs(Some("10.0.0.1:10911")));
        // The master is gone from the name servers: the slave stops copying.
        r.on_answers([addrs(None)]);
        assert_eq!(r.master(), MasterAddrs::default());
    }

    #[test]
    fn empty_addresses_mean_none() {
        let answer = RemotingCommand::success().with_header(&RegisterBrokerResponseHeader {
            ha_server_addr: Some(String::new()),
            master_addr: Some("10.0.0.1:10911".into()),
        });
        let m = MasterAddrs::of(&answer).unwrap();
        assert_eq!(m.master_addr.as_deref(), Some("10.0.0.1:10911"));
        assert_eq!(m.ha_server_addr, None);
    }
}
