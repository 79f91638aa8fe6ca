//! The timer's decisions, without I/O or clock: which messages are due at `now_ms`, which
//! hour buckets must be read first, how far delivery has got, when to wake next. The
//! service reads and writes the bucket files (`log`) around it.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

/// Bucket width: one file of index entries per hour of delivery time (72 for 3 days, so
/// that every bucket an insert may go to stays open).
pub const BUCKET_MS: i64 = 3_600_000;

/// One timer message, as the index keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimerEntry {
    /// The slot it is due in (TIMER_OUT_MS: the start of a precision slot); it is delivered
    /// once the slot is over.
    pub slot_ms: i64,
    /// Its offset in the timer topic's consume queue; with `slot_ms`, what makes it unique.
    pub queue_offset: i64,
    /// Where it is in the commit log.
    pub phy_offset: i64,
}

/// What the service persists: where enqueueing stopped and how far delivery has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimerCheckpoint {
    /// Every timer message below this consume queue offset is in a bucket file or delivered.
    pub queue_offset: i64,
    /// Every slot that starts before this has been delivered (RocketMQ's lastReadTimeMs).
    pub read_time_ms: i64,
}

/// Where `enqueue` put an entry.
#[derive(Debug, PartialEq, Eq)]
pub enum Placement {
    /// Its slot was already delivered: deliver it at once, it is not indexed.
    Overdue,
    /// Write it to this hour's bucket file (it is also in memory if that hour is loaded).
    Bucket(i64),
}

/// The timer's state: the entries of the hours already read into memory, ordered by slot,
/// and a count of those still on disk per hour.
#[derive(Debug)]
pub struct TimerState {
    precision_ms: i64,
    /// Entries of the loaded hours not yet delivered, earliest slot first.
    heap: BinaryHeap<Reverse<TimerEntry>>,
    /// Buckets with hour <= this are in `heap` (or delivered); in hours since the epoch.
    loaded_through: i64,
    /// Entries per bucket not yet loaded, by hour.
    on_disk: BTreeMap<i64, u64>,
    on_disk_total: u64,
    /// The last entry `take_due` gave out: a duplicate (the same message indexed twice after a
    /// crash, same slot and queue offset) comes out right after it and is skipped.
    last_taken: Option<TimerEntry>,
    checkpoint: TimerCheckpoint,
}

/// The hour a time falls in.
pub fn bucket_of(ms: i64) -> i64 {
    ms.div_euclid(BUCKET_MS)
}

impl TimerState {
    /// The state after a start: `checkpoint` as persisted, `buckets` the entry count of each
    /// bucket file found (hour, entries).
    pub fn new(
        precision_ms: i64,
        checkpoint: TimerCheckpoint,
        buckets: impl IntoIterator<Item = (i64, u64)>,
    ) -> TimerState {
        let loaded_through = bucket_of(checkpoint.read_time_ms) - 1;
        let on_disk: BTreeMap<i64, u64> = buckets
            .into_iter()
            .filter(|(m, _)| *m > loaded_through)
            .collect();
        TimerState {
            precision_ms,
            heap: BinaryHeap::new(),
            loaded_through,
            on_disk_total: on_disk.values().sum(),
            on_disk,
            last_taken: None,
            checkpoint,
        }
    }

    pub fn checkpoint(&self) -> TimerCheckpoint {
        self.checkpoint
    }

    /// Timer messages stored and not yet delivered (a message indexed twice after a crash
    /// counts twice until its hour is read).
    pub fn pending(&self) -> u64 {
        self.heap.len() as u64 + self.on_disk_total
    }

    /// Indexes one message read from the timer topic's consume queue.
    pub fn enqueue(&mut self, e: TimerEntry) -> Placement {
        if e.slot_ms < self.checkpoint.read_time_ms {
            return Placement::Overdue;
        }
        let hour = bucket_of(e.slot_ms);
        if hour <= self.loaded_through {
            self.heap.push(Reverse(e));
        } else {
            *self.on_disk.entry(hour).or_default() += 1;
            self.on_disk_total += 1;
        }
        Placement::Bucket(hour)
    }

    /// Records that the consume queue was read (and its messages indexed or delivered) up to
    /// `queue_offset`.
    pub fn enqueued_through(&mut self, queue_offset: i64) {
        self.checkpoint.queue_offset = queue_offset;
    }

    /// The bucket hours to read (with `load`) before `take_due(now_ms)`: every bucket on
    /// disk up to the current hour.
    pub fn buckets_to_load(&self, now_ms: i64) -> Vec<i64> {
        let upto = bucket_of(now_ms);
        if upto <= self.loaded_through {
            return Vec::new();
        }
        self.on_disk
            .range(self.loaded_through + 1..=upto)
            .map(|(m, _)| *m)
            .collect()
    }

    /// Takes in one bucket's entries (as read from its file) and marks every hour up to it
    /// loaded. Entries already delivered are dropped.
    pub fn load(&mut self, hour: i64, entries: impl IntoIterator<Item = TimerEntry>) {
        let read = self.checkpoint.read_time_ms;
        self.heap.extend(
            entries
                .into_iter()
                .filter(|e| e.slot_ms >= read && bucket_of(e.slot_ms) == hour)
                .map(Reverse),
        );
        self.mark_loaded_through(hour);
    }

    fn mark_loaded_through(&mut self, hour: i64) {
        if hour <= self.loaded_through {
            return;
        }
        let later = self.on_disk.split_off(&(hour + 1));
        self.on_disk_total -= self.on_disk.values().sum::<u64>();
        self.on_disk = later;
        self.loaded_through = hour;
    }

    /// Up to `max` entries whose slot is over at `now_ms`, earliest first. Call after loading
    /// `buckets_to_load(now_ms)`; then, once they are stored in their topics, `advance`.
    pub fn take_due(&mut self, now_ms: i64, max: usize) -> Vec<TimerEntry> {
        let mut out = Vec::new();
        while out.len() < max {
            match self.heap.peek() {
                Some(Reverse(e)) if e.slot_ms + self.precision_ms <= now_ms => {
                    let e = *e;
                    self.heap.pop();
                    if self.last_taken != Some(e) {
                        self.last_taken = Some(e);
                        out.push(e);
                    }
                }
                _ => break,
            }
        }
        out
    }

    /// Puts back entries `take_due` gave out that could not be delivered (they come due again).
    pub fn requeue(&mut self, entries: Vec<TimerEntry>) {
        self.last_taken = None;
        self.heap.extend(entries.into_iter().map(Reverse));
    }

    /// Moves the read time (what the checkpoint says is delivered) to `now_ms`'s slot, but not
    /// past an entry still waiting nor past what is loaded: call when everything `take_due`
    /// gave out is stored. Hours with no bucket are passed over without reading.
    pub fn advance(&mut self, now_ms: i64) {
        let slot = now_ms.div_euclid(self.precision_ms) * self.precision_ms;
        // Hours without a bucket file hold nothing: they count as loaded.
        let first_on_disk = self.on_disk.keys().next().copied();
        let now_bucket = bucket_of(slot);
        let loadable = match first_on_disk {
            Some(m) if m <= now_bucket => m - 1,
            _ => now_bucket,
        };
        self.mark_loaded_through(loadable);
        let mut read = slot.min((self.loaded_through + 1) * BUCKET_MS);
        if let Some(Reverse(e)) = self.heap.peek() {
            read = read.min(e.slot_ms);
        }
        if read > self.checkpoint.read_time_ms {
            self.checkpoint.read_time_ms = read;
        }
    }

    /// When there is something to do next without a new message: the end of the earliest
    /// waiting slot, or the start of the next bucket's hour. None when nothing waits.
    pub fn next_wake_ms(&self) -> Option<i64> {
        let in_memory = self
            .heap
            .peek()
            .map(|Reverse(e)| e.slot_ms + self.precision_ms);
        let on_disk = self.on_disk.keys().next().map(|m| m * BUCKET_MS);
        match (in_memory, on_disk) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Bucket files wholly delivered once the current checkpoint is persisted: hours before
    /// the read time's.
    pub fn delivered_buckets_before(&self) -> i64 {
        bucket_of(self.checkpoint.read_time_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: i64 = 1000;
    const T0: i64 = 1_800_000_000_000; // an hour boundary

    fn e(slot_ms: i64, q: i64) -> TimerEntry {
        TimerEntry {
            slot_ms,
            queue_offset: q,
            phy_offset: q * 100,
        }
    }

    fn fresh(read: i64) -> TimerState {
        TimerState::new(
            P,
            TimerCheckpoint {
                queue_offset: 0,
                read_time_ms: read,
            },
            [],
        )
    }

    /// Drives the state the way the service does: load, take, advance.
    fn step(s: &mut TimerState, now: i64, disk: &BTreeMap<i64, Vec<TimerEntry>>) -> Vec<i64> {
        for m in s.buckets_to_load(now) {
            s.load(m, disk.get(&m).cloned().unwrap_or_default());
        }
        let out = s.take_due(now, usize::MAX);
        s.advance(now);
        out.iter().map(|e| e.queue_offset).collect()
    }

    #[test]
    fn nothing_early_and_each_slot_once_over() {
        assert_eq!(T0 % BUCKET_MS, 0);
        let mut s = fresh(T0);
        let mut disk: BTreeMap<i64, Vec<TimerEntry>> = BTreeMap::new();
        for (q, slot) in [
            (0, T0 + 3000),
            (1, T0 + 1000),
            (2, T0 + 3000),
            (3, T0 + BUCKET_MS + 30_000),
        ] {
            match s.enqueue(e(slot, q)) {
                Placement::Bucket(m) => disk.entry(m).or_default().push(e(slot, q)),
                Placement::Overdue => panic!("not overdue"),
            }
        }
        s.enqueued_through(4);
        assert_eq!(s.pending(), 4);
        assert_eq!(s.next_wake_ms(), Some(T0));
        assert_eq!(step(&mut s, T0 + 1999, &disk), Vec::<i64>::new());
        assert_eq!(s.next_wake_ms(), Some(T0 + 2000));
        assert_eq!(step(&mut s, T0 + 2000, &disk), vec![1]);
        assert_eq!(step(&mut s, T0 + 3999, &disk), Vec::<i64>::new());
        assert_eq!(step(&mut s, T0 + 4500, &disk), vec![0, 2]);
        assert_eq!(s.checkpoint().read_time_ms, T0 + 4000);
        // The next hour's bucket is only read when that hour comes.
        assert_eq!(s.next_wake_ms(), Some(T0 + BUCKET_MS));
        assert_eq!(s.pending(), 1);
        assert_eq!(
            step(&mut s, T0 + BUCKET_MS + 30_999, &disk),
            Vec::<i64>::new()
        );
        assert_eq!(step(&mut s, T0 + BUCKET_MS + 31_000, &disk), vec![3]);
        assert_eq!(s.pending(), 0);
        assert_eq!(s.next_wake_ms(), None);
    }

    #[test]
    fn an_entry_for_a_delivered_slot_is_overdue() {
        let mut s = fresh(T0);
        step(&mut s, T0 + 5000, &BTreeMap::new());
        assert_eq!(s.checkpoint().read_time_ms, T0 + 5000);
        assert_eq!(s.enqueue(e(T0 + 4000, 0)), Placement::Overdue);
        // Due but not yet delivered: indexed, and it comes out at the next step.
        assert_eq!(s.enqueue(e(T0 + 5000, 1)), Placement::Bucket(bucket_of(T0)));
        assert_eq!(step(&mut s, T0 + 6000, &BTreeMap::new()), vec![1]);
    }

    #[test]
    fn a_restart_reads_its_buckets_skips_what_was_delivered_and_duplicates() {
        let m = bucket_of(T0);
        let mut disk = BTreeMap::new();
        // Entry 0 was delivered before the checkpoint; 1 is indexed twice (a crash after
        // writing it, before the checkpoint moved past its queue offset).
        disk.insert(
            m,
            vec![e(T0, 0), e(T0 + 2000, 1), e(T0 + 2000, 1), e(T0 + 2000, 2)],
        );
        disk.insert(m + 2, vec![e(T0 + 2 * BUCKET_MS, 3)]);
        let ck = TimerCheckpoint {
            queue_offset: 3,
            read_time_ms: T0 + 1000,
        };
        let mut s = TimerState::new(P, ck, disk.iter().map(|(m, v)| (*m, v.len() as u64)));
        assert_eq!(s.pending(), 5);
        // Down for three buckets: everything due is delivered at the first step, once.
        assert_eq!(step(&mut s, T0 + 3 * BUCKET_MS, &disk), vec![1, 2, 3]);
        assert_eq!(s.pending(), 0);
        assert_eq!(s.checkpoint().read_time_ms, T0 + 3 * BUCKET_MS);
        assert_eq!(s.delivered_buckets_before(), m + 3);
    }

    #[test]
    fn read_time_stops_at_what_failed_and_moves_on_once_stored() {
        let mut s = fresh(T0);
        s.advance(T0); // the current hour has no bucket: it counts as read
        s.enqueue(e(T0 + 1000, 0));
        s.enqueue(e(T0 + 1000, 1));
        let got = s.take_due(T0 + 3000, 1);
        assert_eq!(got, vec![e(T0 + 1000, 0)]);
        s.advance(T0 + 3000);
        assert_eq!(
            s.checkpoint().read_time_ms,
            T0 + 1000,
            "entry 1 still waits"
        );
        let got = s.take_due(T0 + 3000, 10);
        s.requeue(got); // the store refused: it is retried
        s.advance(T0 + 3000);
        assert_eq!(s.checkpoint().read_time_ms, T0 + 1000);
        assert_eq!(s.take_due(T0 + 3000, 10), vec![e(T0 + 1000, 1)]);
        s.advance(T0 + 3000);
        assert_eq!(s.checkpoint().read_time_ms, T0 + 3000);
    }

    #[test]
    fn empty_minutes_are_passed_without_reading() {
        let mut s = fresh(T0);
        s.enqueue(e(T0 + 10 * BUCKET_MS, 0));
        // An hour later than the read time with one bucket in between.
        assert_eq!(s.buckets_to_load(T0 + 5 * BUCKET_MS), Vec::<i64>::new());
        s.advance(T0 + 5 * BUCKET_MS);
        assert_eq!(s.checkpoint().read_time_ms, T0 + 5 * BUCKET_MS);
        assert_eq!(
            s.buckets_to_load(T0 + 60 * BUCKET_MS),
            vec![bucket_of(T0) + 10]
        );
        s.advance(T0 + 60 * BUCKET_MS);
        assert_eq!(
            s.checkpoint().read_time_ms,
            T0 + 10 * BUCKET_MS,
            "not past an unread bucket"
        );
    }
}
