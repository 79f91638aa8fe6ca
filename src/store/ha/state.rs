//! The master's replication bookkeeping, as pure state with no clock, socket or lock: where a
//! slave's stream starts, how much one transfer carries, what the slaves have acknowledged, and
//! the SYNC_MASTER sends waiting for an acknowledgement (RocketMQ's GroupTransferService: one
//! list keyed by commit log offset, woken by each acknowledgement).

use std::collections::{BTreeMap, HashMap};

/// Where a master starts streaming to a slave whose first report is `reported`: from there,
/// but a slave with nothing (0) starts at the beginning of the master's newest file, as in
/// RocketMQ, rather than copying the whole history.
pub fn transfer_start(reported: i64, master_max: i64, file_size: i64) -> i64 {
    if reported == 0 && file_size > 0 {
        master_max - master_max % file_size
    } else {
        reported
    }
}

/// Why a slave's report is refused (the connection is closed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadReport {
    #[error("slave reports commit log offset {reported}, beyond the master's end {master_max}")]
    BeyondEnd { reported: i64, master_max: i64 },
    #[error("slave reports negative commit log offset {0}")]
    Negative(i64),
}

/// Checks a slave's report against the master's commit log end.
pub fn check_report(reported: i64, master_max: i64) -> Result<(), BadReport> {
    if reported < 0 {
        Err(BadReport::Negative(reported))
    } else if reported > master_max {
        Err(BadReport::BeyondEnd {
            reported,
            master_max,
        })
    } else {
        Ok(())
    }
}

/// What a SYNC_MASTER send is answered once the wait is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplicaStatus {
    /// A slave has the message.
    Replicated,
    /// No slave acknowledged it within syncFlushTimeout (FLUSH_SLAVE_TIMEOUT).
    FlushSlaveTimeout,
    /// No slave, or none within haMaxGapNotInSync of the master (SLAVE_NOT_AVAILABLE).
    SlaveNotAvailable,
}

/// The connected slaves' acknowledged offsets and the sends waiting for them. `W` is what
/// wakes a waiting send (a channel in the service; anything in tests).
pub struct AckTable<W> {
    /// Acknowledged commit log offset by connection, from its first report on.
    slaves: HashMap<u64, i64>,
    /// Waiting sends by the offset a slave must reach.
    waiters: BTreeMap<i64, Vec<W>>,
}

impl<W> Default for AckTable<W> {
    fn default() -> Self {
        AckTable {
            slaves: HashMap::new(),
            waiters: BTreeMap::new(),
        }
    }
}

impl<W> AckTable<W> {
    /// Records a report of connection `conn`; returns the waiters it satisfies.
    pub fn ack(&mut self, conn: u64, offset: i64) -> Vec<W> {
        let acked = self.slaves.entry(conn).or_insert(offset);
        *acked = (*acked).max(offset);
        self.take_reached(self.max_acked())
    }

    /// Forgets a closed connection. When no slave is left, the waiters are handed back too:
    /// none of them can be acknowledged now.
    pub fn disconnect(&mut self, conn: u64) -> Vec<W> {
        self.slaves.remove(&conn);
        if self.slaves.is_empty() {
            return std::mem::take(&mut self.waiters)
                .into_values()
                .flatten()
                .collect();
        }
        Vec::new()
    }

    /// How many slaves have reported.
    pub fn slave_count(&self) -> usize {
        self.slaves.len()
    }

    /// The furthest any slave has acknowledged (-1 without slaves).
    pub fn max_acked(&self) -> i64 {
        self.slaves.values().copied().max().unwrap_or(-1)
    }

    /// Each slave's acknowledged offset, by connection.
    pub fn acked(&self) -> impl Iterator<Item = (u64, i64)> + '_ {
        self.slaves.iter().map(|(&c, &o)| (c, o))
    }

    /// RocketMQ's isSlaveOK: a slave is connected and within `max_gap` of `master_max`.
    pub fn slave_ok(&self, master_max: i64, max_gap: i64) -> bool {
        !self.slaves.is_empty() && master_max - self.max_acked() < max_gap
    }

    /// Starts waiting for a slave to reach `offset`: None if one already has (`waiter` is
    /// given back), else the waiter is kept until `ack` or `disconnect` returns it.
    pub fn wait_for(&mut self, offset: i64, waiter: W) -> Option<W> {
        if self.max_acked() >= offset {
            return Some(waiter);
        }
        self.waiters.entry(offset).or_default().push(waiter);
        None
    }

    /// Drops waiters `gone` says nobody waits on any more (timed out).
    pub fn prune(&mut self, mut gone: impl FnMut(&W) -> bool) {
        self.waiters.retain(|_, v| {
            v.retain(|w| !gone(w));
            !v.is_empty()
        });
    }

    /// How many sends wait.
    pub fn waiting(&self) -> usize {
        self.waiters.values().map(Vec::len).sum()
    }

    fn take_reached(&mut self, acked: i64) -> Vec<W> {
        let rest = self.waiters.split_off(&(acked.saturating_add(1)));
        std::mem::replace(&mut self.waiters, rest)
            .into_values()
            .flatten()
            .collect()
    }
}

/// How many bytes the next transfer carries from `next`: what is published up to
/// `master_max`, within the file holding `next`, at most `batch`.
pub fn transfer_len(next: i64, master_max: i64, file_size: i64, batch: usize) -> usize {
    if next >= master_max || file_size <= 0 {
        return 0;
    }
    let to_file_end = file_size - next % file_size;
    (master_max - next).min(to_file_end).min(batch as i64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_slave_starts_at_the_newest_file() {
        assert_eq!(transfer_start(0, 2500, 1000), 2000);
        assert_eq!(transfer_start(0, 0, 1000), 0);
        assert_eq!(transfer_start(0, 3000, 1000), 3000);
        assert_eq!(transfer_start(1234, 2500, 1000), 1234);
    }

    #[test]
    fn reports_beyond_the_end_or_negative_are_refused() {
        assert!(check_report(0, 0).is_ok());
        assert!(check_report(10, 10).is_ok());
        assert!(matches!(
            check_report(11, 10),
            Err(BadReport::BeyondEnd { .. })
        ));
        assert_eq!(check_report(-1, 10), Err(BadReport::Negative(-1)));
    }

    #[test]
    fn a_transfer_stays_within_a_file_and_a_batch() {
        assert_eq!(transfer_len(0, 0, 1000, 32), 0);
        assert_eq!(transfer_len(0, 10, 1000, 32), 10);
        assert_eq!(transfer_len(0, 100, 1000, 32), 32);
        assert_eq!(transfer_len(990, 1500, 1000, 32), 10);
        assert_eq!(transfer_len(1000, 1500, 1000, 32), 32);
        assert_eq!(transfer_len(1500, 1500, 1000, 32), 0);
    }

    #[test]
    fn one_ack_wakes_every_send_it_covers_and_no_other() {
        let mut t = AckTable::<u32>::default();
        assert!(!t.slave_ok(0, 100));
        assert!(t.ack(1, 0).is_empty());
        assert!(t.slave_ok(50, 100));
        assert!(!t.slave_ok(100, 100));
        assert_eq!(t.wait_for(0, 9), Some(9));
        for (i, end) in [10, 20, 20, 30, 40].into_iter().enumerate() {
            assert_eq!(t.wait_for(end, i as u32), None);
        }
        let mut woken = t.ack(1, 20);
        woken.sort();
        assert_eq!(woken, vec![0, 1, 2]);
        // A second slave behind the first neither wakes nor un-wakes anything.
        assert!(t.ack(2, 5).is_empty());
        assert_eq!(t.max_acked(), 20);
        assert_eq!(t.ack(2, 35), vec![3]);
        assert_eq!(t.waiting(), 1);
        assert!(t.disconnect(1).is_empty());
        assert_eq!(t.disconnect(2), vec![4]);
        assert_eq!(t.slave_count(), 0);
        assert_eq!(t.waiting(), 0);
    }

    #[test]
    fn an_acknowledgement_never_goes_back() {
        let mut t = AckTable::<()>::default();
        t.ack(1, 100);
        t.ack(1, 50);
        assert_eq!(t.max_acked(), 100);
        t.wait_for(200, ());
        t.prune(|_| true);
        assert_eq!(t.waiting(), 0);
    }
}
