//! Requests waiting for their reply (Java's RequestFutureHolder and
//! RequestResponseFuture), one table per client instance, keyed by the
//! request's CORRELATION_ID: a request registers before it is sent, the reply
//! the broker pushes (PUSH_REPLY_MESSAGE_TO_CLIENT) completes it, and the
//! entry goes away when its waiter does — answered, timed out or dropped — so
//! nothing is left behind for a scanner to expire.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;

use super::message::MessageExt;

#[derive(Default)]
pub struct RequestFutureTable {
    /// Each entry with the number of its registration, so a waiter leaving
    /// removes its own entry only.
    waiting: Mutex<HashMap<String, (u64, oneshot::Sender<MessageExt>)>>,
    registrations: AtomicU64,
    /// Topics this instance has sent a request to.
    requested_topics: Mutex<HashSet<String>>,
}

impl RequestFutureTable {
    /// Starts waiting for the reply correlated by `correlation_id`. A second
    /// registration of the same id replaces the first, whose waiter then sees
    /// no reply.
    pub fn register(self: &Arc<Self>, correlation_id: &str) -> PendingRequest {
        let (tx, rx) = oneshot::channel();
        let registration = self.registrations.fetch_add(1, Ordering::Relaxed);
        self.waiting
            .lock()
            .unwrap()
            .insert(correlation_id.to_string(), (registration, tx));
        PendingRequest {
            table: self.clone(),
            correlation_id: correlation_id.to_string(),
            registration,
            reply: rx,
        }
    }

    /// Hands `reply` to the request waiting for `correlation_id`; false when
    /// none waits (it timed out, or the reply is not for this client).
    pub fn complete(&self, correlation_id: &str, reply: MessageExt) -> bool {
        let waiter = self.waiting.lock().unwrap().remove(correlation_id);
        waiter.is_some_and(|(_, tx)| tx.send(reply).is_ok())
    }

    /// True the first time a request goes to `topic` through this instance: the time
    /// to make sure the topic's brokers know this client (a heartbeat) before it sends.
    pub fn first_request_to(&self, topic: &str) -> bool {
        self.requested_topics
            .lock()
            .unwrap()
            .insert(topic.to_string())
    }

    /// How many requests wait for a reply.
    pub fn len(&self) -> usize {
        self.waiting.lock().unwrap().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One request's wait for its reply; dropping it leaves the table.
pub struct PendingRequest {
    table: Arc<RequestFutureTable>,
    correlation_id: String,
    registration: u64,
    reply: oneshot::Receiver<MessageExt>,
}

impl PendingRequest {
    /// The reply, or `None` when the entry was replaced by another request of the same id.
    pub async fn reply(&mut self) -> Option<MessageExt> {
        (&mut self.reply).await.ok()
    }
}

impl Drop for PendingRequest {
    fn drop(&mut self) {
        let mut waiting = self.table.waiting.lock().unwrap();
        // Only our own entry: a later registration of the same id stays.
        if waiting
            .get(&self.correlation_id)
            .is_some_and(|(registration, _)| *registration == self.registration)
        {
            waiting.remove(&self.correlation_id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(body: &'static str) -> MessageExt {
        MessageExt {
            topic: "DefaultCluster_REPLY_TOPIC".into(),
            queue_id: 0,
            broker_name: String::new(),
            queue_offset: 0,
            commit_log_offset: 0,
            flag: 0,
            sys_flag: 0,
            born_timestamp: 0,
            born_host: "127.0.0.1:1".parse().unwrap(),
            store_timestamp: 0,
            store_host: "127.0.0.1:2".parse().unwrap(),
            reconsume_times: 0,
            properties: String::new(),
            body: bytes::Bytes::from_static(body.as_bytes()),
        }
    }

    #[tokio::test]
    async fn a_reply_completes_its_request_only() {
        let table = Arc::new(RequestFutureTable::default());
        let mut a = table.register("a");
        let _b = table.register("b");
        assert_eq!(table.len(), 2);
        assert!(table.complete("a", reply("for a")));
        assert_eq!(a.reply().await.unwrap().body, "for a");
        assert_eq!(table.len(), 1);
        assert!(!table.complete("a", reply("again")), "answered once");
        assert!(!table.complete("nobody", reply("x")));
    }

    #[test]
    fn a_request_that_stops_waiting_leaves_the_table() {
        let table = Arc::new(RequestFutureTable::default());
        let a = table.register("a");
        drop(a);
        assert!(table.is_empty());
        assert!(!table.complete("a", reply("late")));
    }

    #[tokio::test]
    async fn a_replaced_registration_keeps_the_newer_one() {
        let table = Arc::new(RequestFutureTable::default());
        let mut old = table.register("x");
        let mut new = table.register("x");
        assert!(old.reply().await.is_none());
        drop(old);
        assert_eq!(table.len(), 1);
        assert!(table.complete("x", reply("r")));
        assert_eq!(new.reply().await.unwrap().body, "r");
    }
}
