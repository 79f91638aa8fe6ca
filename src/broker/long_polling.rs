//! Long polling (RocketMQ's PullRequestHoldService): a pull that finds no new
//! message waits until a message arrives on its queue or its suspend time
//! runs out. Every append (`Broker::append`, broker/append.rs) wakes the
//! waiters of the queues it wrote to.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};

use tokio::sync::Notify;

/// topic -> queue id -> wake-up signal.
#[derive(Default)]
pub struct PullRequestHoldService {
    waiters: RwLock<HashMap<String, HashMap<i32, Arc<Notify>>>>,
    /// Pulls suspended right now.
    held: AtomicUsize,
}

/// A suspended pull, counted while it lives.
pub struct HeldPull<'a>(&'a AtomicUsize);

impl Drop for HeldPull<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl PullRequestHoldService {
    /// The wake-up signal of a queue, created on first wait.
    pub fn signal(&self, topic: &str, queue_id: i32) -> Arc<Notify> {
        if let Some(n) = self
            .waiters
            .read()
            .unwrap()
            .get(topic)
            .and_then(|q| q.get(&queue_id))
        {
            return n.clone();
        }
        self.waiters
            .write()
            .unwrap()
            .entry(topic.to_string())
            .or_default()
            .entry(queue_id)
            .or_default()
            .clone()
    }

    /// Counts a pull as suspended until the guard is dropped. Take it after listening on the
    /// queue's signal, so that a pull counted here is one an append must wake.
    pub fn hold(&self) -> HeldPull<'_> {
        self.held.fetch_add(1, Ordering::Relaxed);
        HeldPull(&self.held)
    }

    /// How many pulls are suspended now.
    pub fn held_count(&self) -> usize {
        self.held.load(Ordering::Relaxed)
    }

    /// Wakes every pull waiting on the queue. Cheap when nobody waits: one
    /// uncontended read lock and a lookup, no allocation.
    pub fn notify_message_arriving(&self, topic: &str, queue_id: i32) {
        if let Some(n) = self
            .waiters
            .read()
            .unwrap()
            .get(topic)
            .and_then(|q| q.get(&queue_id))
        {
            n.notify_waiters();
        }
    }

    /// Wakes every parked pull, so each answers at once (at shutdown).
    pub fn wake_all(&self) {
        for queues in self.waiters.read().unwrap().values() {
            for n in queues.values() {
                n.notify_waiters();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_waiter_is_woken_by_its_queue_only() {
        let hold = PullRequestHoldService::default();
        let signal = hold.signal("T", 1);
        let woken = signal.notified();
        tokio::pin!(woken);
        woken.as_mut().enable();
        hold.notify_message_arriving("T", 2);
        hold.notify_message_arriving("U", 1);
        assert!(futures_util::poll!(woken.as_mut()).is_pending());
        hold.notify_message_arriving("T", 1);
        assert!(futures_util::poll!(woken.as_mut()).is_ready());
    }
}
