//! A consumed queue's progress (Java's ProcessQueue, reduced to offsets):
//! which pulled messages the application has not acknowledged yet, and so
//! which offset is safe to commit — the lowest unacknowledged one, or the
//! next offset to pull when everything is acknowledged. Acknowledgements in
//! any order never commit past a message that is still being processed.

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug)]
pub struct ProcessQueue {
    state: Mutex<State>,
    dropped: AtomicBool,
}

#[derive(Debug)]
struct State {
    in_flight: BTreeSet<i64>,
    /// The offset after the last pull's entries (its nextBeginOffset).
    next: i64,
}

impl ProcessQueue {
    pub fn new(start: i64) -> Self {
        ProcessQueue {
            state: Mutex::new(State {
                in_flight: BTreeSet::new(),
                next: start,
            }),
            dropped: AtomicBool::new(false),
        }
    }

    /// Records a pull: `offsets` go to the application, and the queue's
    /// entries before `next` have all been seen. Returns the committable offset.
    pub fn put(&self, offsets: impl IntoIterator<Item = i64>, next: i64) -> i64 {
        let mut s = self.state.lock().unwrap();
        s.in_flight.extend(offsets);
        s.next = s.next.max(next);
        s.committable()
    }

    /// The application is done with `offset`. Returns the committable offset.
    pub fn ack(&self, offset: i64) -> i64 {
        let mut s = self.state.lock().unwrap();
        s.in_flight.remove(&offset);
        s.committable()
    }

    pub fn committable(&self) -> i64 {
        self.state.lock().unwrap().committable()
    }

    pub fn unacked(&self) -> usize {
        self.state.lock().unwrap().in_flight.len()
    }

    /// Forgets everything in flight and restarts at `next` (offset moved).
    pub fn reset(&self, next: i64) {
        let mut s = self.state.lock().unwrap();
        s.in_flight.clear();
        s.next = next;
    }

    pub fn set_dropped(&self) {
        self.dropped.store(true, Ordering::Release);
    }

    /// The queue was taken away (rebalance, shutdown): acks no longer count.
    pub fn is_dropped(&self) -> bool {
        self.dropped.load(Ordering::Acquire)
    }
}

impl State {
    fn committable(&self) -> i64 {
        self.in_flight.first().copied().unwrap_or(self.next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commits_only_over_contiguous_acks() {
        let pq = ProcessQueue::new(10);
        assert_eq!(pq.committable(), 10);
        assert_eq!(pq.put([10, 11, 12, 13], 14), 10);
        assert_eq!(pq.ack(12), 10);
        assert_eq!(pq.ack(11), 10);
        assert_eq!(pq.ack(10), 13);
        assert_eq!(pq.unacked(), 1);
        assert_eq!(pq.ack(13), 14);
        assert_eq!(pq.ack(13), 14, "a second ack changes nothing");
        assert_eq!(pq.unacked(), 0);
    }

    #[test]
    fn filtered_entries_advance_the_offset() {
        let pq = ProcessQueue::new(0);
        // Entries 0..5 pulled, only 1 and 3 matched the tags.
        assert_eq!(pq.put([1, 3], 5), 1);
        pq.ack(1);
        assert_eq!(pq.committable(), 3);
        assert_eq!(pq.ack(3), 5);
        // A pull with nothing for us still moves on.
        assert_eq!(pq.put([], 9), 9);
        // nextBeginOffset never goes backwards.
        assert_eq!(pq.put([], 7), 9);
    }

    #[test]
    fn reset_and_drop() {
        let pq = ProcessQueue::new(0);
        pq.put([0, 1], 2);
        pq.reset(100);
        assert_eq!(pq.committable(), 100);
        assert_eq!(pq.unacked(), 0);
        assert!(!pq.is_dropped());
        pq.set_dropped();
        assert!(pq.is_dropped());
    }
}
