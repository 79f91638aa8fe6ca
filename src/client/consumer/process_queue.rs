//! A consumed queue's progress (Java's ProcessQueue, reduced to offsets):
//! which pulled messages the application has not acknowledged yet, and so
//! which offset is safe to commit — the lowest unacknowledged one, or the
//! next offset to pull when everything is acknowledged. Acknowledgements in
//! any order never commit past a message that is still being processed.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use tokio::sync::Notify;

#[derive(Debug)]
pub struct ProcessQueue {
    state: Mutex<State>,
    dropped: AtomicBool,
    /// Wakes a pull loop waiting for the unacknowledged count to fall below `wake_below`.
    room: Notify,
    /// 0 when nobody waits for room.
    wake_below: AtomicUsize,
}

#[derive(Debug)]
struct State {
    /// Pulled offsets from the lowest unacknowledged one on, ascending, each with whether
    /// it is acknowledged: pulls come in offset order, so a put appends and an ack is a
    /// binary search, and the committable offset is the front (no tree, no allocation per
    /// message once the ring has grown).
    window: VecDeque<(i64, bool)>,
    unacked: usize,
    /// The offset after the last pull's entries (its nextBeginOffset).
    next: i64,
}

impl ProcessQueue {
    pub fn new(start: i64) -> Self {
        ProcessQueue {
            state: Mutex::new(State {
                window: VecDeque::new(),
                unacked: 0,
                next: start,
            }),
            dropped: AtomicBool::new(false),
            room: Notify::new(),
            wake_below: AtomicUsize::new(0),
        }
    }

    /// Records a pull: `offsets` go to the application, and the queue's
    /// entries before `next` have all been seen. Returns the committable offset.
    pub fn put(&self, offsets: impl IntoIterator<Item = i64>, next: i64) -> i64 {
        let mut s = self.state.lock().unwrap();
        for o in offsets {
            s.insert(o);
        }
        s.next = s.next.max(next);
        s.committable()
    }

    /// The application is done with `offset`. Returns the committable offset.
    pub fn ack(&self, offset: i64) -> i64 {
        self.ack_each([offset])
    }

    /// The application is done with each of `offsets`, acknowledged under one lock. Returns
    /// the committable offset.
    pub fn ack_each(&self, offsets: impl IntoIterator<Item = i64>) -> i64 {
        let mut s = self.state.lock().unwrap();
        let mut acked = false;
        for offset in offsets {
            if let Some(i) = s.position(offset)
                && !s.window[i].1
            {
                s.window[i].1 = true;
                s.unacked -= 1;
                acked = true;
            }
        }
        if acked {
            while s.window.front().is_some_and(|e| e.1) {
                s.window.pop_front();
            }
            let wake = self.wake_below.load(Ordering::Acquire);
            if wake != 0 && s.unacked < wake {
                self.wake_below.store(0, Ordering::Release);
                self.room.notify_one();
            }
        }
        s.committable()
    }

    pub fn committable(&self) -> i64 {
        self.state.lock().unwrap().committable()
    }

    pub fn unacked(&self) -> usize {
        self.state.lock().unwrap().unacked
    }

    /// Waits until fewer than `below` messages are unacknowledged (or the queue is reset).
    pub async fn wait_for_room(&self, below: usize) {
        loop {
            let notified = self.room.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            self.wake_below.store(below.max(1), Ordering::Release);
            if self.unacked() < below.max(1) {
                self.wake_below.store(0, Ordering::Release);
                return;
            }
            notified.await;
        }
    }

    /// Forgets everything in flight and restarts at `next` (offset moved).
    pub fn reset(&self, next: i64) {
        let mut s = self.state.lock().unwrap();
        s.window.clear();
        s.unacked = 0;
        s.next = next;
        drop(s);
        self.room.notify_one();
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
        self.window.iter().find(|e| !e.1).map_or(self.next, |e| e.0)
    }

    /// Where `offset` is in the window. Pulled offsets are nearly always contiguous, so the
    /// distance from the front finds it without a search.
    fn position(&self, offset: i64) -> Option<usize> {
        let front = self.window.front()?.0;
        let guess = usize::try_from(offset.checked_sub(front)?).ok()?;
        if self.window.get(guess).is_some_and(|e| e.0 == offset) {
            return Some(guess);
        }
        self.window.binary_search_by_key(&offset, |e| e.0).ok()
    }

    /// Adds an unacknowledged offset; one already there is left as it is.
    fn insert(&mut self, offset: i64) {
        if self.window.back().is_none_or(|e| e.0 < offset) {
            self.window.push_back((offset, false));
            self.unacked += 1;
        } else if let Err(i) = self.window.binary_search_by_key(&offset, |e| e.0) {
            self.window.insert(i, (offset, false));
            self.unacked += 1;
        }
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
    fn acks_under_one_lock_commit_as_single_acks_do() {
        let pq = ProcessQueue::new(0);
        pq.put(0..6, 6);
        assert_eq!(pq.ack_each([1, 2, 4]), 0);
        assert_eq!(pq.unacked(), 3);
        assert_eq!(
            pq.ack_each([0, 9, 1]),
            3,
            "unknown and repeated offsets change nothing"
        );
        assert_eq!(pq.ack_each([5, 3]), 6);
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
    fn offsets_put_out_of_order_are_kept_in_order() {
        let pq = ProcessQueue::new(0);
        assert_eq!(pq.put([5, 3, 5], 6), 3);
        assert_eq!(pq.unacked(), 2);
        assert_eq!(pq.ack(5), 3);
        assert_eq!(pq.ack(4), 3, "an offset never pulled changes nothing");
        assert_eq!(pq.ack(3), 6);
        assert_eq!(pq.unacked(), 0);
    }

    #[tokio::test]
    async fn a_waiter_for_room_wakes_when_acks_make_it() {
        let pq = std::sync::Arc::new(ProcessQueue::new(0));
        pq.put(0..4, 4);
        pq.wait_for_room(5).await;
        let waiter = tokio::spawn({
            let pq = pq.clone();
            async move { pq.wait_for_room(3).await }
        });
        pq.ack(3);
        pq.ack(0);
        waiter.await.unwrap();
        assert_eq!(pq.unacked(), 2);
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
