//! The store's fault-injection seam (a test seam, like redb's fault-injecting backend): tests
//! arm a countdown on one kind of system call of the commit log's files ("the 3rd sync from
//! now fails", "the next mmap fails", "the next write stops after 100 bytes") and the call
//! fails there with an I/O error, as a failing disk would make it.
//!
//! Production stores have no injector (`StoreHooks::faults` is `None`); the store checks for
//! one only at the system call sites of commit log and consume queue files (sizing a file,
//! mmap, pwrite, fdatasync/msync), none of which is per message on the mapped commit log. The
//! index and checkpoint files have no seam.

use std::fs::File;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// A kind of system call that can be made to fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FaultPoint {
    /// Sizing a new store file, or extending one found cut short (set_len).
    Create,
    /// Mapping a store file into memory.
    Mmap,
    /// Writing bytes into a file (the commit of a SYNC_FLUSH commit log's write-behind data).
    Write,
    /// Syncing a file to disk: fdatasync or msync.
    Sync,
}

const POINTS: usize = 4;

impl FaultPoint {
    fn index(self) -> usize {
        match self {
            FaultPoint::Create => 0,
            FaultPoint::Mmap => 1,
            FaultPoint::Write => 2,
            FaultPoint::Sync => 3,
        }
    }
}

/// Countdowns of failures to inject, one per `FaultPoint`. Each armed countdown fires once.
#[derive(Debug)]
pub struct FaultInjector {
    /// Calls left until the failure, per point (0: disarmed).
    countdown: [AtomicU64; POINTS],
    /// Calls made so far, per point.
    calls: [AtomicU64; POINTS],
    /// A failing write first writes this many bytes of its data (a torn write).
    torn_bytes: AtomicUsize,
}

impl Default for FaultInjector {
    fn default() -> Self {
        FaultInjector {
            countdown: Default::default(),
            calls: Default::default(),
            torn_bytes: AtomicUsize::new(0),
        }
    }
}

impl FaultInjector {
    pub fn new() -> FaultInjector {
        FaultInjector::default()
    }

    /// Makes the `nth` call at `point` from now fail (1: the next one). Replaces any countdown
    /// armed there before; 0 disarms.
    pub fn fail_nth(&self, point: FaultPoint, nth: u64) {
        if point == FaultPoint::Write {
            self.torn_bytes.store(0, Ordering::SeqCst);
        }
        self.countdown[point.index()].store(nth, Ordering::SeqCst);
    }

    /// Makes the `nth` write from now a torn one: it writes the first `keep` bytes of its data
    /// (fewer if it has fewer), then fails.
    pub fn tear_nth_write(&self, nth: u64, keep: usize) {
        self.torn_bytes.store(keep, Ordering::SeqCst);
        self.countdown[FaultPoint::Write.index()].store(nth, Ordering::SeqCst);
    }

    /// How many calls were made at `point` (failed ones included).
    pub fn calls(&self, point: FaultPoint) -> u64 {
        self.calls[point.index()].load(Ordering::SeqCst)
    }

    /// Whether a failure armed at `point` has not fired yet.
    pub fn is_armed(&self, point: FaultPoint) -> bool {
        self.countdown[point.index()].load(Ordering::SeqCst) > 0
    }

    /// Counts a call at `point`; true if it is the one that must fail.
    fn fires(&self, point: FaultPoint) -> bool {
        let i = point.index();
        self.calls[i].fetch_add(1, Ordering::SeqCst);
        self.countdown[i]
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok_and(|before| before == 1)
    }

    fn error(point: FaultPoint) -> std::io::Error {
        // Worded as the EIO a failing disk reports, and saying it was injected.
        std::io::Error::other(format!("injected {point:?} failure: Input/output error"))
    }

    /// Fails if the countdown at `point` runs out with this call.
    pub(crate) fn check(&self, point: FaultPoint) -> std::io::Result<()> {
        if self.fires(point) {
            Err(Self::error(point))
        } else {
            Ok(())
        }
    }

    /// `file.write_all_at(data, offset)`, or its failure (torn, if so armed).
    pub(crate) fn write_all_at(
        &self,
        file: &File,
        data: &[u8],
        offset: u64,
    ) -> std::io::Result<()> {
        use std::os::unix::fs::FileExt;
        if self.fires(FaultPoint::Write) {
            let keep = self.torn_bytes.load(Ordering::SeqCst).min(data.len());
            file.write_all_at(&data[..keep], offset)?;
            return Err(Self::error(FaultPoint::Write));
        }
        file.write_all_at(data, offset)
    }
}

/// The optional injector every store file carries: `None` outside tests.
pub(crate) type Faults = Option<std::sync::Arc<FaultInjector>>;

/// Checks `point` against the injector, if there is one.
#[inline]
pub(crate) fn check(faults: &Faults, point: FaultPoint) -> std::io::Result<()> {
    match faults {
        None => Ok(()),
        Some(f) => f.check(point),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_fires_once_at_the_nth_call() {
        let f = FaultInjector::new();
        f.fail_nth(FaultPoint::Sync, 3);
        assert!(f.check(FaultPoint::Sync).is_ok());
        assert!(f.check(FaultPoint::Mmap).is_ok(), "other points unaffected");
        assert!(f.check(FaultPoint::Sync).is_ok());
        assert!(f.is_armed(FaultPoint::Sync));
        assert!(f.check(FaultPoint::Sync).is_err());
        assert!(!f.is_armed(FaultPoint::Sync));
        assert!(f.check(FaultPoint::Sync).is_ok(), "fires once");
        assert_eq!(f.calls(FaultPoint::Sync), 4);
    }

    #[test]
    fn torn_write_keeps_a_prefix() {
        let dir = tempfile::tempdir().unwrap();
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(dir.path().join("f"))
            .unwrap();
        let f = FaultInjector::new();
        f.tear_nth_write(2, 3);
        f.write_all_at(&file, b"abcdef", 0).unwrap();
        assert!(f.write_all_at(&file, b"ghijkl", 6).is_err());
        assert_eq!(std::fs::read(dir.path().join("f")).unwrap(), b"abcdefghi");
    }
}
