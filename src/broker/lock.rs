//! Queue locks of orderly consumers (RocketMQ's RebalanceLockManager): per
//! consumer group, which client holds each queue and since when. A lock is
//! granted when the queue is free, already held by the asker (renewed), or
//! held by someone who has not renewed it for `rebalanceLockMaxLiveTime`.
//! Pure state: callers pass `now_ms`, so tests drive time themselves.

use std::collections::{BTreeSet, HashMap};

use crate::protocol::admin::MessageQueue;

#[derive(Debug, Clone)]
struct LockEntry {
    client_id: String,
    last_update_ms: i64,
}

impl LockEntry {
    fn expired(&self, now_ms: i64, max_live_ms: i64) -> bool {
        now_ms - self.last_update_ms > max_live_ms
    }
}

/// Every group's queue locks.
#[derive(Debug)]
pub struct RebalanceLockTable {
    max_live_ms: i64,
    groups: HashMap<String, HashMap<MessageQueue, LockEntry>>,
}

impl RebalanceLockTable {
    /// Locks not renewed for `max_live_ms` may be taken by another client.
    pub fn new(max_live_ms: u64) -> Self {
        RebalanceLockTable {
            max_live_ms: i64::try_from(max_live_ms).unwrap_or(i64::MAX),
            groups: HashMap::new(),
        }
    }

    /// Locks (or renews) each queue of `mqs` for `client_id` where RocketMQ's
    /// rules allow it; returns the queues of `mqs` the client holds now.
    pub fn try_lock_batch<'a>(
        &mut self,
        group: &str,
        mqs: impl IntoIterator<Item = &'a MessageQueue>,
        client_id: &str,
        now_ms: i64,
    ) -> BTreeSet<MessageQueue> {
        let max = self.max_live_ms;
        let table = self.groups.entry(group.to_string()).or_default();
        let mut locked = BTreeSet::new();
        for mq in mqs {
            let granted = match table.get_mut(mq) {
                None => {
                    table.insert(
                        mq.clone(),
                        LockEntry {
                            client_id: client_id.to_string(),
                            last_update_ms: now_ms,
                        },
                    );
                    true
                }
                Some(e) if e.client_id == client_id || e.expired(now_ms, max) => {
                    if e.client_id != client_id {
                        tracing::info!(
                            group,
                            queue = ?mq,
                            old = %e.client_id,
                            new = client_id,
                            "queue lock expired, taken over"
                        );
                        e.client_id = client_id.to_string();
                    }
                    e.last_update_ms = now_ms;
                    true
                }
                Some(e) => {
                    tracing::debug!(
                        group,
                        queue = ?mq,
                        holder = %e.client_id,
                        asker = client_id,
                        "queue locked by another client"
                    );
                    false
                }
            };
            if granted {
                locked.insert(mq.clone());
            }
        }
        locked
    }

    /// Releases the queues of `mqs` that `client_id` holds; a queue held by
    /// another client stays locked.
    pub fn unlock_batch<'a>(
        &mut self,
        group: &str,
        mqs: impl IntoIterator<Item = &'a MessageQueue>,
        client_id: &str,
    ) {
        let Some(table) = self.groups.get_mut(group) else {
            return;
        };
        for mq in mqs {
            if table.get(mq).is_some_and(|e| e.client_id == client_id) {
                table.remove(mq);
            }
        }
        if table.is_empty() {
            self.groups.remove(group);
        }
    }

    /// Releases every lock `client_id` holds in `group` (it unregistered or
    /// its connection closed); returns how many.
    pub fn release_client(&mut self, group: &str, client_id: &str) -> usize {
        let Some(table) = self.groups.get_mut(group) else {
            return 0;
        };
        let before = table.len();
        table.retain(|_, e| e.client_id != client_id);
        let released = before - table.len();
        if table.is_empty() {
            self.groups.remove(group);
        }
        released
    }

    /// True when no queue of `group` has a live lock (RocketMQ asks this
    /// before letting a consumer send back to the retry topic of an orderly group).
    pub fn is_lock_all_expired(&self, group: &str, now_ms: i64) -> bool {
        self.groups
            .get(group)
            .is_none_or(|t| t.values().all(|e| e.expired(now_ms, self.max_live_ms)))
    }

    /// The client holding a live lock on `mq` in `group`.
    pub fn holder(&self, group: &str, mq: &MessageQueue, now_ms: i64) -> Option<&str> {
        self.groups
            .get(group)?
            .get(mq)
            .filter(|e| !e.expired(now_ms, self.max_live_ms))
            .map(|e| e.client_id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: i32) -> MessageQueue {
        MessageQueue::new("T", "broker-a", id)
    }

    fn ids(set: &BTreeSet<MessageQueue>) -> Vec<i32> {
        set.iter().map(|m| m.queue_id).collect()
    }

    #[test]
    fn free_queues_are_granted_and_held_ones_refused() {
        let mut t = RebalanceLockTable::new(60_000);
        let got = t.try_lock_batch("g", &[q(0), q(1)], "a", 1_000);
        assert_eq!(ids(&got), [0, 1]);
        let got = t.try_lock_batch("g", &[q(1), q(2)], "b", 2_000);
        assert_eq!(ids(&got), [2], "b gets only the free queue");
        assert_eq!(t.holder("g", &q(1), 2_000), Some("a"));
        // Another group has its own locks.
        assert_eq!(ids(&t.try_lock_batch("h", &[q(1)], "b", 2_000)), [1]);
    }

    #[test]
    fn the_holder_renews_and_an_expired_lock_is_taken_over() {
        let mut t = RebalanceLockTable::new(60_000);
        t.try_lock_batch("g", &[q(0)], "a", 0);
        // Renewed at 50 s: still a's at 100 s.
        assert_eq!(ids(&t.try_lock_batch("g", &[q(0)], "a", 50_000)), [0]);
        assert!(t.try_lock_batch("g", &[q(0)], "b", 100_000).is_empty());
        // Exactly max_live_ms after the renewal it still holds; one ms later it is gone.
        assert!(t.try_lock_batch("g", &[q(0)], "b", 110_000).is_empty());
        assert!(!t.is_lock_all_expired("g", 110_000));
        assert_eq!(t.holder("g", &q(0), 110_001), None);
        assert!(t.is_lock_all_expired("g", 110_001));
        assert_eq!(ids(&t.try_lock_batch("g", &[q(0)], "b", 110_001)), [0]);
        assert_eq!(t.holder("g", &q(0), 110_001), Some("b"));
        // a's late renewal is refused.
        assert!(t.try_lock_batch("g", &[q(0)], "a", 110_002).is_empty());
    }

    #[test]
    fn unlock_frees_only_the_holders_queues() {
        let mut t = RebalanceLockTable::new(60_000);
        t.try_lock_batch("g", &[q(0), q(1)], "a", 0);
        t.try_lock_batch("g", &[q(2)], "b", 0);
        t.unlock_batch("g", &[q(0), q(2)], "a");
        assert_eq!(t.holder("g", &q(0), 1), None);
        assert_eq!(t.holder("g", &q(2), 1), Some("b"), "not a's to unlock");
        assert_eq!(ids(&t.try_lock_batch("g", &[q(0)], "b", 1)), [0]);
        t.unlock_batch("nope", &[q(0)], "a");
    }

    #[test]
    fn releasing_a_client_frees_all_its_locks_in_the_group() {
        let mut t = RebalanceLockTable::new(60_000);
        t.try_lock_batch("g", &[q(0), q(1)], "a", 0);
        t.try_lock_batch("g", &[q(2)], "b", 0);
        t.try_lock_batch("h", &[q(0)], "a", 0);
        assert_eq!(t.release_client("g", "a"), 2);
        assert_eq!(t.holder("g", &q(1), 1), None);
        assert_eq!(t.holder("g", &q(2), 1), Some("b"));
        assert_eq!(t.holder("h", &q(0), 1), Some("a"));
        assert_eq!(t.release_client("g", "a"), 0);
        assert_eq!(t.release_client("g", "b"), 1);
        assert!(t.is_lock_all_expired("g", 1));
    }
}
