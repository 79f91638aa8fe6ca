//! Start-up recovery (RocketMQ's recoverNormally / recoverAbnormally, truncateDirtyLogicFiles
//! and the re-put of undispatched records): find the end of the valid commit log by checking
//! every record from a safe point, cut off the torn or corrupt tail, cut consume queues and
//! index back to it, and redispatch whatever they miss.

use super::StoreInner;
use super::checkpoint::CheckpointTimes;
use super::error::Result;
use super::message::{self, RecordCheck};
use super::put::DispatchRequest;
use serde::Serialize;

/// What recovery did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryReport {
    /// The abort file was present: the previous run did not shut down cleanly.
    pub abnormal: bool,
    /// Commit log offset the check started at.
    pub checked_from: i64,
    /// End of the valid commit log.
    pub commit_log_max_offset: i64,
    /// Why the commit log was cut, if it was (the first bad record).
    pub truncated_reason: Option<String>,
    /// Commit log offset redispatching to consume queues and index started at, if it did.
    pub redispatched_from: Option<i64>,
    pub redispatched_records: u64,
}

/// Records stored up to this long before the checkpoint are re-checked too (clock skew).
const CHECKPOINT_MARGIN_MS: i64 = 3000;

/// The first store timestamp in a commit log file, if it starts with a good message.
fn first_timestamp(inner: &StoreInner, from: i64) -> Option<i64> {
    let f = inner.commit_log.files().find(from)?;
    let buf = f.read(0, f.wrote_position())?;
    match message::check_record(buf, from, false) {
        RecordCheck::Message(n) => message::decode_record_ref(&buf[..n])
            .ok()
            .map(|r| r.store_timestamp),
        _ => None,
    }
}

pub(crate) fn recover(
    inner: &StoreInner,
    abnormal: bool,
    times: CheckpointTimes,
) -> Result<RecoveryReport> {
    let cl = &inner.commit_log;
    let files = cl.files().files();
    let check_from = if files.is_empty() {
        0
    } else if abnormal {
        // The newest file that starts before everything the checkpoint vouches for.
        let safe = times
            .min_timestamp(inner.index.is_some())
            .saturating_sub(CHECKPOINT_MARGIN_MS);
        files
            .iter()
            .rev()
            .map(|f| f.file_from_offset())
            .find(|&from| first_timestamp(inner, from).is_some_and(|t| t <= safe))
            .unwrap_or(files[0].file_from_offset())
    } else {
        files[files.len().saturating_sub(3)].file_from_offset()
    };

    let end = cl.scan(check_from, inner.config.check_crc_on_recover, |_, _| Ok(()))?;
    if let Some(why) = &end.corrupt {
        tracing::warn!("commit log cut at {}: {why}", end.offset);
    }
    cl.files().truncate_dirty(end.offset)?;
    let max = cl.max_offset();

    // Consume queues and index must not point past the commit log.
    let mut dispatched_to = i64::MAX;
    let mut any_cq_end = 0i64;
    for cq in inner.cqs.all() {
        cq.recover(max)?;
        any_cq_end = any_cq_end.max(cq.last_commit_log_end());
    }
    dispatched_to = dispatched_to.min(any_cq_end);
    if let Some(idx) = &inner.index {
        let cut_from = idx.truncate(max)?;
        // Covered: up to the end of the newest indexed record. After a clean shutdown the
        // index dispatcher had caught up (records without keys leave no trace in the index),
        // so only a missing index or a crash sends us back.
        let idx_end = match (cut_from, idx.end_phy_offset()) {
            (Some(from), _) => from,
            (None, None) => 0,
            (None, Some(_)) if !abnormal => max,
            (None, Some(end)) => cl
                .get_record(end)
                .map(|b| end + b.len() as i64)
                .unwrap_or(0),
        };
        dispatched_to = dispatched_to.min(idx_end);
    }
    if abnormal {
        dispatched_to = dispatched_to.min(check_from);
    }
    // Start at a record boundary: a file start at or before the point.
    let min = cl.min_offset();
    let mut from = dispatched_to.clamp(min, max.max(min));
    if from < max
        && let Some(f) = cl.files().find(from)
    {
        from = f.file_from_offset();
    }
    let mut report = RecoveryReport {
        abnormal,
        checked_from: check_from,
        commit_log_max_offset: max,
        truncated_reason: end.corrupt,
        redispatched_from: None,
        redispatched_records: 0,
    };
    if from < max {
        report.redispatched_from = Some(from);
        let mut n = 0u64;
        cl.scan(from, false, |r, size| {
            n += 1;
            inner.dispatch(&DispatchRequest {
                topic: r.topic,
                queue_id: r.queue_id,
                queue_offset: r.queue_offset,
                physical_offset: r.physical_offset,
                size,
                sys_flag: r.sys_flag,
                store_timestamp: r.store_timestamp,
                properties: r.properties,
            })
        })?;
        report.redispatched_records = n;
    }
    for cq in inner.cqs.all() {
        cq.correct_min_offset(min);
    }
    if let Some(last) = cl.files().last() {
        let ts = first_timestamp(inner, last.file_from_offset()).unwrap_or(0);
        inner.last_store_timestamp.store(
            ts.max(times.physic_msg_timestamp),
            std::sync::atomic::Ordering::Release,
        );
    }
    Ok(report)
}
