//! The index dispatcher (the index half of RocketMQ's ReputMessageService): a thread that
//! follows the commit log and adds every new record's keys to the index, so that building the
//! index costs the append path nothing. Consume queue entries are written by the append itself.

use super::StoreInner;
use super::message::{find_property_bytes, index_fields, property};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Records indexed under one taking of the index lock: enough that the lock costs nothing per
/// record, few enough (well under a millisecond) that a query waits little.
const RECORDS_PER_LOCK: u32 = 1024;

/// Polls like RocketMQ's reput while records keep coming.
const BUSY_POLL: Duration = Duration::from_millis(1);
/// Polls in a row that found nothing before the dispatcher goes idle.
const POLLS_BEFORE_IDLE: u32 = 100;
/// Idle, it still looks this often: an append that races with going idle may miss the wake-up.
const IDLE_POLL: Duration = Duration::from_millis(100);

/// Indexes records from `index_built_to` up to the published end of the commit log; returns
/// whether it got further (not when there was nothing new, nor when it is stuck at a bad
/// record or an error).
pub(crate) fn index_new_records(inner: &StoreInner) -> bool {
    let Some(idx) = &inner.index else {
        return false;
    };
    let cl = &inner.commit_log;
    let built_to = inner.index_built_to.load(Ordering::Acquire);
    // Files removed by housekeeping: nothing left to index below the first one.
    let from = built_to.max(cl.min_offset());
    if from >= cl.max_offset() {
        return false;
    }
    let mut last_ts = None;
    let mut writer = None;
    let mut in_this_lock = 0;
    let end = cl.follow(from, |rec, physical_offset| {
        if let Some(f) = index_fields(rec) {
            last_ts = Some(f.store_timestamp);
            if in_this_lock == RECORDS_PER_LOCK {
                // Let queries in.
                writer = None;
                in_this_lock = 0;
            }
            in_this_lock += 1;
            // Only the index keys: the consume queue entry was written by the append.
            writer.get_or_insert_with(|| idx.writer()).put_message_keys(
                f.topic,
                f.sys_flag,
                physical_offset,
                f.store_timestamp,
                find_property_bytes(f.properties, [property::UNIQ_KEY, property::KEYS]),
            );
        }
        Ok(())
    });
    drop(writer);
    match end {
        Ok(end) => {
            if let Some(why) = end.corrupt {
                // Published records were checked when written; this is memory gone bad.
                tracing::error!("index dispatcher stopped at {}: {why}", end.offset);
            }
            if let Some(ts) = last_ts {
                inner.index_built_timestamp.store(ts, Ordering::Release);
            }
            inner.index_built_to.store(end.offset, Ordering::Release);
            end.offset > built_to
        }
        Err(e) => {
            tracing::error!("index dispatcher: {e}");
            false
        }
    }
}

pub(crate) fn index_dispatcher(inner: Arc<StoreInner>) {
    let mut empty_polls = 0;
    while !inner.shutdown.load(Ordering::Acquire) {
        if index_new_records(&inner) {
            empty_polls = 0;
            continue;
        }
        // Nothing new (or stuck at a bad record: wait all the same rather than spin).
        empty_polls += 1;
        if empty_polls < POLLS_BEFORE_IDLE {
            inner.index_signal.wait(BUSY_POLL);
            continue;
        }
        // Idle: say so, then look once more, as an append published just before the flag was
        // set did not see it; the next append wakes us (`StoreInner::wake_index_dispatcher`).
        inner.index_dispatcher_idle.store(true, Ordering::SeqCst);
        if index_new_records(&inner) {
            empty_polls = 0;
        } else {
            inner.index_signal.wait(IDLE_POLL);
        }
        inner.index_dispatcher_idle.store(false, Ordering::SeqCst);
    }
    // Catch up before the final flush so a clean shutdown leaves a complete index.
    index_new_records(&inner);
}
