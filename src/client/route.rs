//! From a topic's route to the queues a client uses: the publish queues a
//! producer chooses from (writable queues of brokers with a master, sorted by
//! broker name, as Java's `topicRouteData2TopicPublishInfo`), the queues a
//! consumer reads (readable queues), and the route of TBW102 standing in for
//! a topic the brokers will create on first send.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::protocol::admin::MessageQueue;
use crate::protocol::perm;
use crate::protocol::route::TopicRouteData;
use crate::remoting::HeaderStr;

/// The topic whose route a producer borrows for a topic that does not exist
/// yet (brokers with autoCreateTopicEnable create it on first send).
pub const AUTO_CREATE_TOPIC_KEY: &str = "TBW102";
/// The queue count a producer asks for when the broker creates a topic.
pub const DEFAULT_TOPIC_QUEUE_NUMS: i32 = 4;

/// The queues a producer can send a topic's messages to.
#[derive(Debug)]
pub struct TopicPublishInfo {
    pub topic: String,
    pub route: Arc<TopicRouteData>,
    pub queues: Vec<MessageQueue>,
    /// Built from TBW102's route: the topic does not exist yet.
    pub from_default_topic: bool,
    /// The topic as a send header's value, made once rather than per send.
    pub(crate) topic_header: HeaderStr,
    /// Where a send to `queues[i]` goes and what its header says of the queue, made once
    /// per route so that a send looks up and formats nothing of it.
    pub(crate) targets: Vec<QueueTarget>,
    next: AtomicUsize,
}

/// A publish queue's broker and queue id as a send writes them, and its master's address.
#[derive(Debug)]
pub(crate) struct QueueTarget {
    pub(crate) broker_name: HeaderStr,
    pub(crate) queue_id: HeaderStr,
    /// The master's address in the route this was made from (every publish queue has one).
    pub(crate) master_addr: Arc<str>,
}

impl TopicPublishInfo {
    /// The publish queues of `topic` from its own route.
    pub fn from_route(topic: &str, route: Arc<TopicRouteData>) -> Self {
        Self::build(topic, route, None)
    }

    /// The publish queues of a topic that does not exist yet, from TBW102's
    /// route, each broker limited to `queue_nums` queues (Java does the same).
    pub fn from_default_route(topic: &str, route: Arc<TopicRouteData>, queue_nums: i32) -> Self {
        Self::build(topic, route, Some(queue_nums))
    }

    fn build(topic: &str, route: Arc<TopicRouteData>, limit: Option<i32>) -> Self {
        let mut queue_datas: Vec<_> = route.queue_datas.iter().collect();
        queue_datas.sort_by(|a, b| a.broker_name.cmp(&b.broker_name));
        let mut queues = Vec::new();
        let mut targets = Vec::new();
        for qd in queue_datas {
            if !perm::is_writeable(qd.perm) {
                continue;
            }
            let Some(master) = route
                .broker_datas
                .iter()
                .filter(|bd| bd.broker_name == qd.broker_name)
                .find_map(|bd| bd.master_addr())
            else {
                continue;
            };
            let master_addr: Arc<str> = master.into();
            let broker_name = HeaderStr::from(qd.broker_name.as_str());
            let n = match limit {
                Some(l) => qd.write_queue_nums.min(l),
                None => qd.write_queue_nums,
            };
            for id in 0..n.max(0) {
                queues.push(MessageQueue::new(topic, qd.broker_name.clone(), id));
                targets.push(QueueTarget {
                    broker_name: broker_name.clone(),
                    queue_id: HeaderStr::from(id.to_string()),
                    master_addr: master_addr.clone(),
                });
            }
        }
        TopicPublishInfo {
            topic: topic.to_string(),
            route,
            queues,
            from_default_topic: limit.is_some(),
            topic_header: HeaderStr::from(topic),
            targets,
            next: AtomicUsize::new(rand::random::<u32>() as usize),
        }
    }

    /// Round robin over the queues, skipping those of brokers `avoid` rejects
    /// (recently failed brokers, the broker of the previous attempt); when
    /// every queue is avoided, plain round robin.
    pub fn select_queue(&self, avoid: impl Fn(&str) -> bool) -> Option<&MessageQueue> {
        self.select(avoid).map(|i| &self.queues[i])
    }

    /// `select_queue`, as the index of the queue in `queues` (and `targets`).
    pub(crate) fn select(&self, avoid: impl Fn(&str) -> bool) -> Option<usize> {
        if self.queues.is_empty() {
            return None;
        }
        let n = self.queues.len();
        for _ in 0..n {
            let i = self.next.fetch_add(1, Ordering::Relaxed) % n;
            if !avoid(&self.queues[i].broker_name) {
                return Some(i);
            }
        }
        Some(self.next.fetch_add(1, Ordering::Relaxed) % n)
    }
}

/// The queues a consumer of `topic` reads: every readable queue.
pub fn subscribe_queues(topic: &str, route: &TopicRouteData) -> Vec<MessageQueue> {
    let mut queues = Vec::new();
    for qd in &route.queue_datas {
        if perm::is_readable(qd.perm) {
            for id in 0..qd.read_queue_nums.max(0) {
                queues.push(MessageQueue::new(topic, qd.broker_name.clone(), id));
            }
        }
    }
    queues.sort();
    queues
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::route::{BrokerData, QueueData};

    fn route() -> Arc<TopicRouteData> {
        let mut a = BrokerData::new("c", "broker-a");
        a.broker_addrs.insert(0, "127.0.0.1:10911".into());
        let mut b = BrokerData::new("c", "broker-b");
        b.broker_addrs.insert(0, "127.0.0.1:10921".into());
        let mut slave_only = BrokerData::new("c", "broker-c");
        slave_only.broker_addrs.insert(1, "127.0.0.1:10931".into());
        let qd = |name: &str, r, w, perm| QueueData {
            broker_name: name.into(),
            perm,
            read_queue_nums: r,
            write_queue_nums: w,
            topic_sys_flag: 0,
        };
        Arc::new(TopicRouteData {
            broker_datas: vec![a, b, slave_only],
            queue_datas: vec![
                qd("broker-b", 2, 2, 6),
                qd("broker-a", 4, 3, 6),
                qd("broker-c", 2, 2, 6),
            ],
            ..Default::default()
        })
    }

    #[test]
    fn publish_queues_are_writable_queues_of_brokers_with_a_master_by_broker_name() {
        let info = TopicPublishInfo::from_route("T", route());
        let ids: Vec<_> = info
            .queues
            .iter()
            .map(|q| (q.broker_name.as_str(), q.queue_id))
            .collect();
        assert_eq!(
            ids,
            [
                ("broker-a", 0),
                ("broker-a", 1),
                ("broker-a", 2),
                ("broker-b", 0),
                ("broker-b", 1)
            ]
        );
        for (q, t) in info.queues.iter().zip(&info.targets) {
            assert_eq!(t.broker_name, q.broker_name.as_str());
            assert_eq!(t.queue_id, q.queue_id.to_string().as_str());
            let port = if q.broker_name == "broker-a" {
                10911
            } else {
                10921
            };
            assert_eq!(&*t.master_addr, format!("127.0.0.1:{port}"));
        }
        assert_eq!(info.targets.len(), info.queues.len());
        assert_eq!(info.topic_header, "T");
        let mut ro = (*route()).clone();
        ro.queue_datas[0].perm = 4;
        let info = TopicPublishInfo::from_route("T", Arc::new(ro));
        assert!(info.queues.iter().all(|q| q.broker_name == "broker-a"));
    }

    #[test]
    fn default_route_limits_queues_and_renames_the_topic() {
        let info = TopicPublishInfo::from_default_route("NewTopic", route(), 1);
        assert!(info.from_default_topic);
        assert_eq!(info.queues.len(), 2);
        assert!(info.queues.iter().all(|q| q.topic == "NewTopic"));
    }

    #[test]
    fn selection_rotates_and_avoids_brokers() {
        let info = TopicPublishInfo::from_route("T", route());
        let picks: Vec<_> = (0..10)
            .map(|_| info.select_queue(|_| false).unwrap().clone())
            .collect();
        // Every queue gets its turn.
        for q in &info.queues {
            assert_eq!(picks.iter().filter(|p| *p == q).count(), 2);
        }
        for _ in 0..10 {
            assert_eq!(
                info.select_queue(|b| b == "broker-a").unwrap().broker_name,
                "broker-b"
            );
        }
        // Everything avoided: still a queue.
        assert!(info.select_queue(|_| true).is_some());
        let empty = TopicPublishInfo::from_route("T", Arc::new(TopicRouteData::default()));
        assert!(empty.select_queue(|_| false).is_none());
    }

    #[test]
    fn subscribe_queues_are_readable_and_sorted() {
        let qs = subscribe_queues("T", &route());
        assert_eq!(qs.len(), 8);
        assert!(qs.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(qs[0], MessageQueue::new("T", "broker-a", 0));
    }
}
