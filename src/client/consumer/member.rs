//! One member of a consumer group, as both push consumers (concurrent and
//! orderly) are: it owns the client instance, the settings, subscriptions,
//! offset store and the queues held; it decides which queues to hold
//! (rebalanced every 20 s and when the broker says the members changed) and
//! where to start on them, commits offsets every 5 s, pulls a queue once
//! for its kind, and is the instance's hook into the group (consumer data,
//! member changes, offset resets, running info). How a queue is taken,
//! consumed and let go of is the consumer kind's (`Kind`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::future::Future;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::offset_store::{OffsetStorage, OffsetStore};
use super::push::{
    ConsumeFrom, PERSIST_INTERVAL, PULL_TIMEOUT, PushConsumerConfig, REBALANCE_INTERVAL,
    SUSPEND_TIMEOUT,
};
use super::queue_api::{self, PullResult, pull_flag};
use super::rebalance;
use crate::client::error::{ClientError, ClientResult};
use crate::client::instance::{ClientInstance, ConsumerHook};
use crate::client::message::validate_topic;
use crate::protocol::admin::MessageQueue;
use crate::protocol::header::PullMessageRequestHeader;
use crate::protocol::heartbeat::{
    ConsumeType, ConsumerData, EXPRESSION_TYPE_TAG, MessageModel, SubscriptionData,
};
use crate::protocol::topic::retry_topic;
use crate::remoting::code::response;

/// While a subscribed topic has no route, look again this often.
/// Queues taken (their start offsets asked for) at once in a rebalance.
const TAKE_CONCURRENCY: usize = 16;
const MISSING_TOPIC_RETRY: Duration = Duration::from_secs(1);

/// What a kind of consumer does with the queues rebalance gives and takes.
pub(super) trait Kind: Send + Sync + Sized + 'static {
    /// A held queue: what it takes to stop consuming it.
    type Queue: Send + 'static;

    /// Starts consuming a queue rebalance just gave this member; `None`
    /// leaves it to the next rebalance.
    fn take(
        member: &Arc<Member<Self>>,
        mq: &MessageQueue,
    ) -> impl Future<Output = Option<Self::Queue>> + Send;

    /// Stops consuming a queue rebalance gave to another member.
    fn release(
        member: &Arc<Member<Self>>,
        mq: MessageQueue,
        queue: Self::Queue,
    ) -> impl Future<Output = ()> + Send;

    /// An admin reset the group's offset on `mq` to `offset`: stop
    /// consuming it (`queue`, if held); the next rebalance takes it again
    /// from there.
    fn reset(
        member: &Arc<Member<Self>>,
        mq: &MessageQueue,
        queue: Option<Self::Queue>,
        offset: i64,
    );

    /// GET_CONSUMER_RUNNING_INFO: adds this kind's properties and returns
    /// its mqTable.
    fn running_info(
        member: &Member<Self>,
        properties: &mut serde_json::Map<String, serde_json::Value>,
    ) -> serde_json::Value;
}

pub(super) struct Member<K: Kind> {
    pub(super) instance: Arc<ClientInstance>,
    owns_instance: bool,
    pub(super) config: PushConsumerConfig,
    pub(super) subscriptions: Vec<SubscriptionData>,
    pub(super) offsets: Arc<OffsetStore>,
    pub(super) queues: Mutex<BTreeMap<MessageQueue, K::Queue>>,
    /// Offsets an admin reset, taken by the next start on their queue.
    resets: Mutex<HashMap<MessageQueue, i64>>,
    known_brokers: Mutex<BTreeSet<String>>,
    /// Which member of each queue's broker to pull from next.
    pull_nodes: queue_api::PullFromWhichNode,
    pub(super) rebalance_now: Notify,
    pub(super) stop: CancellationToken,
    pub(super) started_ms: i64,
    pub(super) kind: K,
}

impl<K: Kind> Member<K> {
    /// Checks the settings and sets up the subscriptions (the retry topic's
    /// too when clustering) and offset store; `kind` is made with the stop
    /// token. Nothing runs until `join`.
    pub(super) fn new(
        instance: Arc<ClientInstance>,
        owns_instance: bool,
        config: PushConsumerConfig,
        kind: impl FnOnce(&CancellationToken) -> K,
    ) -> ClientResult<Arc<Self>> {
        if config.group.is_empty() {
            return Err(ClientError::InvalidConfig(
                "the consumer group is empty".into(),
            ));
        }
        validate_topic(&config.topic)?;
        let now = crate::util::now_millis();
        let main =
            if config.expression_type.is_empty() || config.expression_type == EXPRESSION_TYPE_TAG {
                SubscriptionData::from_tag_expression(&config.topic, &config.expression, now)
            } else {
                let mut sub =
                    SubscriptionData::from_sql_expression(&config.topic, &config.expression, now);
                // Any other type goes to the broker as named; it decides what it serves.
                sub.expression_type = Some(config.expression_type.clone());
                sub
            };
        let mut subscriptions = vec![main];
        let storage = match config.model {
            MessageModel::Clustering => {
                subscriptions.push(SubscriptionData::from_tag_expression(
                    &retry_topic(&config.group),
                    "*",
                    now,
                ));
                OffsetStorage::Broker
            }
            MessageModel::Broadcasting => OffsetStorage::Local(config.local_offset_file.clone()),
        };
        let offsets = Arc::new(OffsetStore::new(&config.group, storage)?);
        let stop = CancellationToken::new();
        let kind = kind(&stop);
        Ok(Arc::new(Member {
            instance,
            owns_instance,
            config,
            subscriptions,
            offsets,
            queues: Mutex::new(BTreeMap::new()),
            resets: Mutex::new(HashMap::new()),
            known_brokers: Mutex::new(BTreeSet::new()),
            pull_nodes: Default::default(),
            rebalance_now: Notify::new(),
            stop,
            started_ms: now,
            kind,
        }))
    }

    /// Registers with the instance, takes the first share of queues and
    /// starts the rebalance and persist loops.
    pub(super) async fn join(self: &Arc<Self>) -> ClientResult<Vec<JoinHandle<()>>> {
        self.check_in_brokers().await?;
        self.instance
            .register_consumer(&self.config.group, Arc::new(Hook(Arc::downgrade(self))))?;
        let incomplete = self.rebalance().await;
        Ok(vec![
            tokio::spawn(rebalance_loop(self.clone(), incomplete)),
            tokio::spawn(persist_loop(self.clone())),
        ])
    }

    /// Java's checkClientInBroker: a subscription other than TAG is shown to the brokers of
    /// its topic before the consumer starts, so that a broker that does not serve it, or an
    /// expression that does not compile, stops the start with the broker's answer. A topic
    /// without a route yet is not checked (its pulls will say).
    async fn check_in_brokers(&self) -> ClientResult<()> {
        for sub in self.subscriptions.iter().filter(|s| !s.is_tag_type()) {
            let Ok(route) = self.instance.route(&sub.topic).await else {
                continue;
            };
            for addr in route
                .broker_datas
                .iter()
                .filter_map(|b| b.select_broker_addr())
            {
                queue_api::check_client_config(&self.instance, addr, &self.config.group, sub)
                    .await?;
            }
        }
        Ok(())
    }

    /// The first half of a shutdown: stops the loops and hands back the
    /// queues held.
    pub(super) async fn stop_loops(
        &self,
        loops: Vec<JoinHandle<()>>,
    ) -> Vec<(MessageQueue, K::Queue)> {
        self.stop.cancel();
        for l in loops {
            let _ = l.await;
        }
        std::mem::take(&mut *self.queues.lock().unwrap())
            .into_iter()
            .collect()
    }

    /// The end of a shutdown: unregisters from the brokers and closes the
    /// instance if it is this consumer's own.
    pub(super) async fn leave(&self) {
        self.instance.unregister_consumer(&self.config.group).await;
        if self.owns_instance {
            self.instance.close();
        }
    }

    pub(super) fn group(&self) -> &str {
        &self.config.group
    }

    pub(super) fn assigned(&self) -> Vec<MessageQueue> {
        self.queues.lock().unwrap().keys().cloned().collect()
    }

    /// Brings the assigned queues up to date; true when the subscribed
    /// topic could not be rebalanced (no route or no member list yet).
    async fn rebalance(self: &Arc<Self>) -> bool {
        let mut incomplete = false;
        let mut routed = Vec::new();
        for sub in &self.subscriptions {
            match self.instance.route(&sub.topic).await {
                Ok(_) => routed.push(sub.topic.clone()),
                // The retry topic too: the broker creates it on the first heartbeat, and
                // failed messages come back through it.
                Err(e) => {
                    tracing::debug!(topic = %sub.topic, "no route yet: {e}");
                    incomplete = true;
                }
            }
        }
        // New brokers must hear from us before they can serve our pulls.
        let brokers = self.instance.broker_addrs(true);
        let changed = *self.known_brokers.lock().unwrap() != brokers;
        if changed {
            self.instance.heartbeat_all().await;
            *self.known_brokers.lock().unwrap() = brokers;
        }
        for topic in routed {
            match rebalance::assigned_queues(
                &self.instance,
                &self.config.group,
                self.config.model,
                &topic,
            )
            .await
            {
                Ok(Some(target)) => self.update_queues(&topic, target).await,
                Ok(None) => incomplete |= topic == self.config.topic,
                Err(e) => {
                    tracing::debug!(%topic, "rebalance failed: {e}");
                    incomplete |= topic == self.config.topic;
                }
            }
        }
        incomplete
    }

    async fn update_queues(self: &Arc<Self>, topic: &str, target: Vec<MessageQueue>) {
        let target: BTreeSet<MessageQueue> = target.into_iter().collect();
        let removed: Vec<(MessageQueue, K::Queue)> = {
            let mut queues = self.queues.lock().unwrap();
            let gone: Vec<MessageQueue> = queues
                .keys()
                .filter(|mq| mq.topic == topic && !target.contains(*mq))
                .cloned()
                .collect();
            gone.into_iter()
                .filter_map(|mq| queues.remove(&mq).map(|q| (mq, q)))
                .collect()
        };
        for (mq, q) in removed {
            K::release(self, mq, q).await;
        }
        let added: Vec<MessageQueue> = {
            let queues = self.queues.lock().unwrap();
            target
                .into_iter()
                .filter(|mq| !queues.contains_key(mq))
                .collect()
        };
        // Taken a few at a time: each asks a broker where to start, and a topic may have a
        // thousand queues (RocketMQ's BenchmarkTest has 1024).
        let mut taking = futures_util::stream::iter(added)
            .map(|mq| async move {
                if self.stop.is_cancelled() {
                    return None;
                }
                K::take(self, &mq).await.map(|q| (mq, q))
            })
            .buffer_unordered(TAKE_CONCURRENCY);
        while let Some(taken) = taking.next().await {
            if let Some((mq, q)) = taken {
                self.queues.lock().unwrap().insert(mq, q);
            }
        }
    }

    /// Where to start on a queue: a reset offset, the committed offset
    /// (read now, since a previous owner may just have written it), or
    /// `consume_from` (Java's computePullFromWhere).
    pub(super) async fn start_offset(&self, mq: &MessageQueue) -> ClientResult<i64> {
        if let Some(o) = self.resets.lock().unwrap().remove(mq) {
            return Ok(o);
        }
        if (self.config.use_committed_offsets || self.offsets.is_local())
            && let Some(o) = self.offsets.read_stored(&self.instance, mq).await?
            && o >= 0
        {
            return Ok(o);
        }
        let retry = mq.topic.starts_with("%RETRY%");
        match self.config.consume_from {
            ConsumeFrom::First => Ok(0),
            ConsumeFrom::Last if retry => Ok(0),
            ConsumeFrom::Last => queue_api::max_offset(&self.instance, mq).await,
            ConsumeFrom::Timestamp(_) if retry => queue_api::max_offset(&self.instance, mq).await,
            ConsumeFrom::Timestamp(ts) => queue_api::search_offset(&self.instance, mq, ts).await,
        }
    }

    pub(super) fn subscription(&self, topic: &str) -> SubscriptionData {
        self.subscriptions
            .iter()
            .find(|s| s.topic == topic)
            .cloned()
            .unwrap_or_else(|| SubscriptionData::from_tag_expression(topic, "*", self.started_ms))
    }

    /// One long poll of `mq` from `next`, committing the group's offset on
    /// the way when clustering; `None` when cancelled meanwhile.
    pub(super) async fn pull(
        &self,
        mq: &MessageQueue,
        sub: &SubscriptionData,
        next: i64,
        cancel: &CancellationToken,
    ) -> Option<ClientResult<PullResult>> {
        let commit = if self.config.model == MessageModel::Clustering {
            self.offsets.read_memory(mq).unwrap_or(0)
        } else {
            0
        };
        let mut sys_flag = pull_flag::SUSPEND;
        if commit > 0 {
            sys_flag |= pull_flag::COMMIT_OFFSET;
        }
        let header = PullMessageRequestHeader {
            consumer_group: self.config.group.clone(),
            topic: mq.topic.clone(),
            queue_id: mq.queue_id,
            queue_offset: next,
            max_msg_nums: self.config.pull_batch_size,
            sys_flag,
            commit_offset: commit,
            suspend_timeout_millis: SUSPEND_TIMEOUT.as_millis() as i64,
            subscription: None,
            sub_version: sub.sub_version,
            expression_type: sub.expression_type.clone(),
            broker_name: Some(mq.broker_name.clone()),
        };
        tokio::select! {
            _ = cancel.cancelled() => None,
            r = queue_api::pull(&self.instance, mq, &header, PULL_TIMEOUT, &self.pull_nodes) => Some(r),
        }
    }

    /// After a failed pull: a broker that does not know our subscription
    /// hears from us again.
    pub(super) async fn pull_failed(&self, mq: &MessageQueue, e: &ClientError) {
        tracing::debug!(queue = ?mq, "pull failed: {e}");
        if matches!(
            e.response_code(),
            Some(
                response::SUBSCRIPTION_NOT_EXIST
                    | response::SUBSCRIPTION_NOT_LATEST
                    | response::SUBSCRIPTION_GROUP_NOT_EXIST
                    | response::FILTER_DATA_NOT_EXIST
                    | response::FILTER_DATA_NOT_LATEST
            )
        ) {
            self.instance.heartbeat_all().await;
        }
    }

    /// The broker corrected the offset asked for: the group moves on to
    /// `corrected` and commits it at once.
    pub(super) async fn offset_illegal(&self, mq: &MessageQueue, requested: i64, corrected: i64) {
        tracing::warn!(queue = ?mq, requested, corrected, "offset illegal, moving on");
        self.offsets.update(mq, corrected, false);
        let _ = self
            .offsets
            .persist(&self.instance, std::slice::from_ref(mq), false)
            .await;
    }
}

/// Sleeps `d` unless cancelled first; false when cancelled.
pub(super) async fn pause(cancel: &CancellationToken, d: Duration) -> bool {
    tokio::select! {
        _ = cancel.cancelled() => false,
        _ = tokio::time::sleep(d) => true,
    }
}

async fn rebalance_loop<K: Kind>(member: Arc<Member<K>>, mut incomplete: bool) {
    loop {
        let wait = if incomplete {
            MISSING_TOPIC_RETRY
        } else {
            REBALANCE_INTERVAL
        };
        tokio::select! {
            _ = member.stop.cancelled() => break,
            _ = tokio::time::sleep(wait) => {}
            _ = member.rebalance_now.notified() => {}
        }
        incomplete = member.rebalance().await;
    }
}

async fn persist_loop<K: Kind>(member: Arc<Member<K>>) {
    let mut tick = tokio::time::interval(PERSIST_INTERVAL);
    tick.tick().await;
    loop {
        tokio::select! {
            _ = member.stop.cancelled() => break,
            _ = tick.tick() => {}
        }
        let queues = member.assigned();
        let _ = member
            .offsets
            .persist(&member.instance, &queues, false)
            .await;
    }
}

/// The instance's view of the member (weak: the consumer owns itself).
struct Hook<K: Kind>(Weak<Member<K>>);

impl<K: Kind> ConsumerHook for Hook<K> {
    fn consumer_data(&self) -> ConsumerData {
        let Some(member) = self.0.upgrade() else {
            return ConsumerData::default();
        };
        ConsumerData {
            consume_from_where: member.config.consume_from.as_where(),
            consume_type: ConsumeType::ConsumePassively,
            group_name: member.config.group.clone(),
            message_model: member.config.model,
            subscription_data_set: member.subscriptions.clone(),
            unit_mode: false,
        }
    }

    fn on_consumer_ids_changed(&self) {
        if let Some(member) = self.0.upgrade() {
            member.rebalance_now.notify_one();
        }
    }

    fn reset_offsets(&self, offsets: BTreeMap<MessageQueue, i64>) {
        let Some(member) = self.0.upgrade() else {
            return;
        };
        for (mq, offset) in offsets {
            let queue = member.queues.lock().unwrap().remove(&mq);
            K::reset(&member, &mq, queue, offset);
            member.resets.lock().unwrap().insert(mq, offset);
        }
        member.rebalance_now.notify_one();
    }

    fn consumer_status(&self, topic: &str) -> BTreeMap<MessageQueue, i64> {
        let Some(member) = self.0.upgrade() else {
            return BTreeMap::new();
        };
        member
            .assigned()
            .into_iter()
            .filter(|mq| mq.topic == topic)
            .filter_map(|mq| Some((mq.clone(), member.offsets.read_memory(&mq)?)))
            .collect()
    }

    fn running_info(&self) -> serde_json::Value {
        let Some(member) = self.0.upgrade() else {
            return serde_json::Value::Null;
        };
        let c = &member.config;
        let mut properties: serde_json::Map<String, serde_json::Value> = [
            ("PROP_CONSUME_TYPE", "CONSUME_PASSIVELY".to_string()),
            (
                "PROP_CONSUMER_START_TIMESTAMP",
                member.started_ms.to_string(),
            ),
            ("PROP_NAMESERVER_ADDR", String::new()),
            ("PROP_CLIENT_VERSION", "mq".to_string()),
            ("messageModel", c.model.as_str().to_string()),
            ("consumerGroup", c.group.clone()),
            ("pullBatchSize", c.pull_batch_size.to_string()),
            ("assignedQueues", member.assigned().len().to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into()))
        .collect();
        let mq_table = K::running_info(&member, &mut properties);
        serde_json::json!({
            "jstack": "",
            "mqTable": mq_table,
            "properties": properties,
            "statusTable": {},
            "subscriptionSet": member.subscriptions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::instance::ClientConfig;

    /// A kind that records what the member asks of it.
    #[derive(Default)]
    struct Recording {
        resets: Mutex<Vec<(MessageQueue, bool, i64)>>,
    }

    impl Kind for Recording {
        type Queue = ();

        async fn take(_: &Arc<Member<Self>>, _: &MessageQueue) -> Option<()> {
            Some(())
        }

        async fn release(_: &Arc<Member<Self>>, _: MessageQueue, _: ()) {}

        fn reset(member: &Arc<Member<Self>>, mq: &MessageQueue, queue: Option<()>, offset: i64) {
            let held = queue.is_some();
            member
                .kind
                .resets
                .lock()
                .unwrap()
                .push((mq.clone(), held, offset));
        }

        fn running_info(
            _: &Member<Self>,
            properties: &mut serde_json::Map<String, serde_json::Value>,
        ) -> serde_json::Value {
            properties.insert("PROP_CONSUMEORDERLY".into(), "true".into());
            serde_json::json!({"k": 1})
        }
    }

    fn member(config: PushConsumerConfig) -> ClientResult<Arc<Member<Recording>>> {
        // No server behind it: nothing here goes to the network.
        let instance = ClientInstance::new(&ClientConfig::new("127.0.0.1:1"))?;
        Member::new(instance, true, config, |_| Recording::default())
    }

    #[tokio::test]
    async fn settings_are_checked_and_clustering_also_subscribes_the_retry_topic() {
        assert!(matches!(
            member(PushConsumerConfig::new("", "T")),
            Err(ClientError::InvalidConfig(_))
        ));
        assert!(member(PushConsumerConfig::new("G", "bad topic!")).is_err());

        let m = member(PushConsumerConfig::new("G", "T")).unwrap();
        let topics: Vec<&str> = m.subscriptions.iter().map(|s| s.topic.as_str()).collect();
        assert_eq!(topics, ["T", "%RETRY%G"]);
        // A topic the member does not subscribe to is read whole.
        assert_eq!(m.subscription("Other").sub_string, "*");

        let mut broadcasting = PushConsumerConfig::new("G", "T");
        broadcasting.model = MessageModel::Broadcasting;
        let m = member(broadcasting).unwrap();
        let topics: Vec<&str> = m.subscriptions.iter().map(|s| s.topic.as_str()).collect();
        assert_eq!(topics, ["T"]);
    }

    #[tokio::test]
    async fn the_hook_reports_the_group_and_hands_resets_to_the_kind_and_the_next_start() {
        let mut config = PushConsumerConfig::new("G", "T");
        config.consume_from = ConsumeFrom::First;
        let m = member(config).unwrap();
        let held = MessageQueue::new("T", "b", 0);
        let free = MessageQueue::new("T", "b", 1);
        m.queues.lock().unwrap().insert(held.clone(), ());
        let hook = Hook(Arc::downgrade(&m));

        let data = hook.consumer_data();
        assert_eq!(data.group_name, "G");
        assert_eq!(data.consume_type, ConsumeType::ConsumePassively);
        assert_eq!(data.consume_from_where, ConsumeFrom::First.as_where());
        assert_eq!(data.subscription_data_set.len(), 2);

        let info = hook.running_info();
        assert_eq!(info["properties"]["consumerGroup"], "G");
        assert_eq!(info["properties"]["assignedQueues"], "1");
        assert_eq!(info["properties"]["PROP_CONSUMEORDERLY"], "true");
        assert_eq!(info["mqTable"]["k"], 1);

        hook.reset_offsets(BTreeMap::from([(held.clone(), 7), (free.clone(), 9)]));
        assert!(m.assigned().is_empty(), "a reset queue is let go of");
        assert_eq!(
            *m.kind.resets.lock().unwrap(),
            [(held.clone(), true, 7), (free.clone(), false, 9)]
        );
        // The next start on each queue is the reset offset, once.
        assert_eq!(m.start_offset(&held).await.unwrap(), 7);
        assert_eq!(m.start_offset(&free).await.unwrap(), 9);
        assert!(m.resets.lock().unwrap().is_empty());

        drop(m);
        assert_eq!(hook.consumer_data().group_name, "", "a stopped member");
    }
}
