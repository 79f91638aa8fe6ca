//! Flushing (RocketMQ's FlushRealTimeService / GroupCommitService / FlushConsumeQueueService):
//! a thread that syncs the commit log (on a timer for ASYNC_FLUSH; as soon as appends wait for
//! it for SYNC_FLUSH, one commit + sync covering every append made so far = group commit), and
//! a thread that syncs consume queues, index and the checkpoint.

use super::StoreInner;
use super::checkpoint::CheckpointTimes;
use super::config::FlushDiskType;
use super::error::Result;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// A wake-up flag for a service thread.
#[derive(Default)]
pub(crate) struct Signal {
    flag: Mutex<bool>,
    cv: Condvar,
}

impl Signal {
    pub fn notify(&self) {
        let mut f = self.flag.lock().unwrap_or_else(|e| e.into_inner());
        if !*f {
            *f = true;
            self.cv.notify_one();
        }
    }
    /// Waits until notified or `timeout` passes; consumes the notification. True if notified.
    pub fn wait(&self, timeout: Duration) -> bool {
        let mut f = self.flag.lock().unwrap_or_else(|e| e.into_inner());
        if !*f {
            f = self
                .cv
                .wait_timeout(f, timeout)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        std::mem::replace(&mut *f, false)
    }
}

/// Syncs the commit log once and publishes the flushed offset to waiting appenders. A failed
/// write or sync makes the store unwritable for good (see `StoreInner::fail_writes`); after
/// that nothing is synced or published any more.
pub(crate) fn flush_commit_log(inner: &StoreInner) -> Result<i64> {
    let one_at_a_time = inner
        .commit_log_flush
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    inner.check_no_write_failure()?;
    // Read the timestamp before syncing: the record carrying it is published already, so the
    // sync covers it and the checkpoint never claims more than is on disk.
    let ts = inner.last_store_timestamp.load(Ordering::Acquire);
    let before = inner.commit_log.files().flushed_where();
    let flushed = inner.commit_log.flush().map_err(|e| inner.fail_writes(e))?;
    if flushed > before {
        inner.commit_log_syncs.fetch_add(1, Ordering::Relaxed);
    }
    inner.flushed_physic_timestamp.store(ts, Ordering::Release);
    inner.flushed.send_if_modified(|v| {
        if flushed > *v {
            *v = flushed;
            true
        } else {
            false
        }
    });
    drop(one_at_a_time);
    // After the waiting appends are answered, not before: see map_back_committed.
    inner.commit_log.files().map_back_committed(before);
    Ok(flushed)
}

/// Syncs consume queues and index, then records in the checkpoint how far all of it goes.
///
/// A failed sync of a consume queue or the index makes the store unwritable too: its dropped
/// pages would be gone after a machine crash, and the next checkpoint (written after a retry
/// that succeeds) would tell recovery not to rebuild them. A failed checkpoint write does not:
/// the checkpoint is rewritten whole each time, and an older one on disk only makes recovery
/// check more.
pub(crate) fn flush_logics(inner: &StoreInner) -> Result<()> {
    let _one_at_a_time = inner.logics_flush.lock().unwrap_or_else(|e| e.into_inner());
    inner.check_no_write_failure()?;
    let ts = inner.last_store_timestamp.load(Ordering::Acquire);
    let index_ts = if inner.index.is_some() {
        inner.index_built_timestamp.load(Ordering::Acquire)
    } else {
        ts
    };
    for cq in inner.cqs.all() {
        let flushed = cq.flush().map_err(|e| inner.fail_writes(e))?;
        // As for the commit log (see `release_commit_log_pages`): a queue's entries behind the
        // tail its consumers read stop counting toward resident memory.
        cq.files()
            .release_mapped_below(flushed - RESIDENT_CQ_BEHIND_FLUSHED);
    }
    if let Some(idx) = &inner.index {
        idx.flush().map_err(|e| inner.fail_writes(e))?;
    }
    inner.checkpoint.write(&CheckpointTimes {
        physic_msg_timestamp: inner.flushed_physic_timestamp.load(Ordering::Acquire),
        logics_msg_timestamp: ts,
        index_msg_timestamp: index_ts,
    })
}

/// Group commit: gathers the appends of one sync. The group is complete once as many appends
/// wait as the previous sync covered (a steady set of writers, each re-appending once woken,
/// is synced the moment the last of them is back, without sleeping); otherwise it waits while
/// appends are still arriving, a step at a time, bounded so a steady stream cannot delay a
/// sync by more than `GROUP_WAIT_MAX`. Returns the size of the group it took, the next one's
/// aim.
fn gather_group(inner: &StoreInner, aim: u64) -> u64 {
    const STEP: Duration = Duration::from_micros(20);
    const GROUP_WAIT_MAX: Duration = Duration::from_micros(200);
    let waiting = || inner.sync_waiters_since_group.load(Ordering::Relaxed);
    let start = std::time::Instant::now();
    let mut seen = inner.commit_log.max_offset();
    while waiting() < aim.max(1) && start.elapsed() < GROUP_WAIT_MAX {
        std::thread::sleep(STEP);
        let now = inner.commit_log.max_offset();
        if now == seen {
            break;
        }
        seen = now;
    }
    inner.sync_waiters_since_group.swap(0, Ordering::Relaxed)
}

/// The same for each consume queue: 256 KiB is its newest 13,107 entries.
const RESIDENT_CQ_BEHIND_FLUSHED: i64 = 256 << 10;
/// How often the commit log's pages behind `commitLogResidentBytes` are released. Between two
/// releases the broker's resident memory grows by what is written and read in this time, so
/// it is short: a release of pages no longer mapped costs the kernel a page-table walk.
const RELEASE_INTERVAL: Duration = Duration::from_millis(100);

/// Unmaps the commit log's pages more than `commitLogResidentBytes` behind the newest write,
/// written by the appends or read by consumers since the last time, so the broker's resident
/// memory is bounded by the configuration (that window, the pre-faulting ahead of the writer,
/// the index and consume queue files) rather than by how much was written. The page cache
/// keeps them; the kernel reclaims it as it needs. Pages not yet flushed may go too: a page
/// dirtied through the mapping stays dirty in the page cache, and the next flush writes it.
fn release_commit_log_pages(inner: &StoreInner) {
    let resident = inner.config.commit_log_resident_bytes as i64;
    inner
        .commit_log
        .files()
        .release_mapped_below(inner.commit_log.max_offset() - resident);
}

pub(crate) fn commit_log_flusher(inner: Arc<StoreInner>) {
    let mut last_release = std::time::Instant::now();
    let mut last_flush = std::time::Instant::now();
    let mut group_aim = 0;
    // The group commit's steps are tens of microseconds: the default 50 us of timer slack
    // would make each several times longer.
    #[cfg(target_os = "linux")]
    // SAFETY: prctl on the calling thread with plain integer arguments.
    unsafe {
        libc::prctl(libc::PR_SET_TIMERSLACK, 1_000 as libc::c_ulong);
    }
    let sync = inner.config.flush_disk_type == FlushDiskType::SyncFlush;
    let interval = Duration::from_millis(if sync {
        10
    } else {
        inner.config.flush_interval_commit_log.max(1)
    });
    while !inner.shutdown.load(Ordering::Acquire) {
        // ASYNC_FLUSH wakes for releases between flushes too.
        let asked = inner.flush_signal.wait(interval.min(RELEASE_INTERVAL));
        if inner.write_failure.get().is_some() {
            // Logged once, when it failed; a restart is what helps.
            continue;
        }
        if sync || asked || last_flush.elapsed() >= interval {
            if sync {
                group_aim = gather_group(&inner, group_aim);
            }
            if let Err(e) = flush_commit_log(&inner) {
                tracing::error!("commit log flush failed: {e}");
                continue;
            }
            last_flush = std::time::Instant::now();
        }
        if last_release.elapsed() >= RELEASE_INTERVAL {
            release_commit_log_pages(&inner);
            last_release = std::time::Instant::now();
        }
    }
}

pub(crate) fn logics_flusher(inner: Arc<StoreInner>) {
    let interval = Duration::from_millis(inner.config.flush_interval_consume_queue.max(1));
    while !inner.shutdown.load(Ordering::Acquire) {
        inner.logics_signal.wait(interval);
        if inner.shutdown.load(Ordering::Acquire) {
            break;
        }
        // Wake SYNC_FLUSH waiters even if the commit log flusher is stuck, so they can give
        // up at syncFlushTimeout instead of each arming a timer.
        inner.flushed.send_modify(|_| {});
        if inner.write_failure.get().is_some() {
            continue;
        }
        if let Err(e) = flush_logics(&inner) {
            tracing::error!("consume queue flush failed: {e}");
        }
    }
}
