//! Producers and consumers connected to the broker (RocketMQ's
//! ProducerManager and ConsumerManager): who is in which group, over which
//! connection, with which subscriptions, and when each was last heard from.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, RwLock};

use crate::broker::filter::ConsumerFilterManager;
use crate::protocol::heartbeat::{
    ConsumeFromWhere, ConsumeType, ConsumerData, MessageModel, SubscriptionData,
};
use crate::remoting::{Connection, LanguageCode};

/// One client connection in a group.
#[derive(Clone)]
pub struct ClientChannel {
    pub conn: Arc<Connection>,
    pub client_id: String,
    pub language: LanguageCode,
    pub version: i32,
    pub last_update: i64,
}

impl ClientChannel {
    fn same_connection(&self, conn: &Arc<Connection>) -> bool {
        Arc::ptr_eq(&self.conn, conn)
    }
}

/// A consumer group's members and what they subscribe to.
#[derive(Clone)]
pub struct ConsumerGroupInfo {
    pub channels: BTreeMap<String, ClientChannel>,
    pub subscriptions: BTreeMap<String, SubscriptionData>,
    pub consume_type: ConsumeType,
    pub message_model: MessageModel,
    pub consume_from_where: ConsumeFromWhere,
}

#[derive(Default)]
pub struct ConsumerManager {
    groups: RwLock<HashMap<String, ConsumerGroupInfo>>,
    /// The groups' SQL92 subscriptions, compiled.
    pub filters: ConsumerFilterManager,
}

impl ConsumerManager {
    /// Records a consumer's heartbeat. True when the group's membership
    /// changed (a new client), so its members must rebalance.
    pub fn register(&self, data: &ConsumerData, channel: ClientChannel) -> bool {
        self.filters
            .register(&data.group_name, &data.subscription_data_set);
        let mut groups = self.groups.write().unwrap();
        let info = groups
            .entry(data.group_name.clone())
            .or_insert_with(|| ConsumerGroupInfo {
                channels: BTreeMap::new(),
                subscriptions: BTreeMap::new(),
                consume_type: data.consume_type,
                message_model: data.message_model,
                consume_from_where: data.consume_from_where,
            });
        info.consume_type = data.consume_type;
        info.message_model = data.message_model;
        info.consume_from_where = data.consume_from_where;
        for sub in &data.subscription_data_set {
            let newer = info
                .subscriptions
                .get(&sub.topic)
                .is_none_or(|old| old.sub_version < sub.sub_version || old != sub);
            if newer {
                info.subscriptions.insert(sub.topic.clone(), sub.clone());
            }
        }
        let client_id = channel.client_id.clone();
        match info.channels.get_mut(&client_id) {
            Some(existing) if existing.same_connection(&channel.conn) => {
                existing.last_update = channel.last_update;
                false
            }
            _ => {
                info.channels.insert(client_id, channel);
                true
            }
        }
    }

    /// Removes a client from a group; true when it was a member.
    pub fn unregister(&self, group: &str, client_id: &str) -> bool {
        let mut groups = self.groups.write().unwrap();
        let Some(info) = groups.get_mut(group) else {
            return false;
        };
        let removed = info.channels.remove(client_id).is_some();
        if info.channels.is_empty() {
            groups.remove(group);
        }
        removed
    }

    /// The (group, client id) pairs registered over `conn`.
    pub fn clients_on(&self, conn: &Arc<Connection>) -> Vec<(String, String)> {
        let groups = self.groups.read().unwrap();
        let mut found = Vec::new();
        for (group, info) in groups.iter() {
            for c in info.channels.values().filter(|c| c.same_connection(conn)) {
                found.push((group.clone(), c.client_id.clone()));
            }
        }
        found
    }

    /// Drops every registration made over `conn`; returns the groups that changed.
    pub fn remove_connection(&self, conn: &Arc<Connection>) -> Vec<String> {
        self.remove_where(|c| c.same_connection(conn))
    }

    /// Drops clients not heard from since `deadline`; returns the groups that changed.
    pub fn remove_expired(&self, deadline: i64) -> Vec<String> {
        self.remove_where(|c| c.last_update < deadline)
    }

    fn remove_where(&self, gone: impl Fn(&ClientChannel) -> bool) -> Vec<String> {
        let mut changed = Vec::new();
        let mut groups = self.groups.write().unwrap();
        groups.retain(|group, info| {
            let before = info.channels.len();
            info.channels.retain(|_, c| !gone(c));
            if info.channels.len() != before {
                changed.push(group.clone());
            }
            !info.channels.is_empty()
        });
        changed
    }

    pub fn subscription(&self, group: &str, topic: &str) -> Option<SubscriptionData> {
        self.groups
            .read()
            .unwrap()
            .get(group)?
            .subscriptions
            .get(topic)
            .cloned()
    }

    pub fn group(&self, group: &str) -> Option<ConsumerGroupInfo> {
        self.groups.read().unwrap().get(group).cloned()
    }

    pub fn group_names(&self) -> Vec<String> {
        self.groups.read().unwrap().keys().cloned().collect()
    }

    /// The client ids of a group, sorted as rebalancing expects.
    pub fn client_ids(&self, group: &str) -> Vec<String> {
        self.groups
            .read()
            .unwrap()
            .get(group)
            .map(|g| g.channels.keys().cloned().collect())
            .unwrap_or_default()
    }
}

#[derive(Default)]
pub struct ProducerManager {
    groups: RwLock<HashMap<String, BTreeMap<String, ClientChannel>>>,
}

impl ProducerManager {
    pub fn register(&self, group: &str, channel: ClientChannel) {
        self.groups
            .write()
            .unwrap()
            .entry(group.to_string())
            .or_default()
            .insert(channel.client_id.clone(), channel);
    }

    pub fn unregister(&self, group: &str, client_id: &str) {
        let mut groups = self.groups.write().unwrap();
        if let Some(g) = groups.get_mut(group) {
            g.remove(client_id);
            if g.is_empty() {
                groups.remove(group);
            }
        }
    }

    pub fn remove_connection(&self, conn: &Arc<Connection>) {
        self.remove_where(|c| c.same_connection(conn));
    }

    pub fn remove_expired(&self, deadline: i64) {
        self.remove_where(|c| c.last_update < deadline);
    }

    fn remove_where(&self, gone: impl Fn(&ClientChannel) -> bool) {
        let mut groups = self.groups.write().unwrap();
        groups.retain(|_, g| {
            g.retain(|_, c| !gone(c));
            !g.is_empty()
        });
    }

    /// The connection of the producer with client id `client_id`, whatever its group
    /// (Java's ProducerManager#findChannel): where a reply to its request is pushed.
    pub fn find_channel(&self, client_id: &str) -> Option<ClientChannel> {
        self.groups
            .read()
            .unwrap()
            .values()
            .filter_map(|g| g.get(client_id))
            .max_by_key(|c| c.last_update)
            .cloned()
    }

    pub fn channels(&self, group: &str) -> Vec<ClientChannel> {
        self.groups
            .read()
            .unwrap()
            .get(group)
            .map(|g| g.values().cloned().collect())
            .unwrap_or_default()
    }

    /// Every group with its connected producers (GET_ALL_PRODUCER_INFO).
    pub fn groups(&self) -> BTreeMap<String, Vec<ClientChannel>> {
        self.groups
            .read()
            .unwrap()
            .iter()
            .map(|(g, c)| (g.clone(), c.values().cloned().collect()))
            .collect()
    }
}
