//! Housekeeping (RocketMQ's CleanCommitLogService / CleanConsumeQueueService): delete commit
//! log files older than fileReservedTime at the deleteWhen hours, or sooner when the disk fills;
//! then consume queue and index files that only point at deleted data; and mark the disk full
//! (refusing writes) above diskSpaceWarningLevelRatio, clearing the mark when space frees up.

use super::StoreInner;
use super::error::Result;
use serde::Serialize;
use std::path::Path;
use std::sync::atomic::Ordering;

/// What one housekeeping pass did.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CleanupReport {
    pub disk_used_ratio: f64,
    pub disk_full: bool,
    pub commit_log_files_deleted: usize,
    pub consume_queue_files_deleted: usize,
    pub index_files_deleted: usize,
}

/// Whether `hour` (0-23) is one of deleteWhen's hours ("04", "04;16").
pub fn is_delete_hour(delete_when: &str, hour: u32) -> bool {
    delete_when
        .split(';')
        .filter_map(|h| h.trim().parse::<u32>().ok())
        .any(|h| h == hour)
}

/// Used fraction (0..=1) of the filesystem holding `path`, as RocketMQ computes it.
pub fn disk_used_ratio(path: &Path) -> f64 {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return 0.0;
    };
    // SAFETY: statvfs writes into the zeroed struct; the path is NUL-terminated.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 || st.f_blocks == 0 {
        return 0.0;
    }
    let total = st.f_blocks as f64;
    let free = st.f_bfree as f64;
    (total - free) / total
}

/// The local hour of day of a timestamp in ms.
pub fn local_hour(ms: i64) -> u32 {
    let t = (ms / 1000) as libc::time_t;
    // SAFETY: localtime_r fills the zeroed struct.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return 0;
    }
    tm.tm_hour as u32
}

pub(crate) fn housekeeping(inner: &StoreInner, force: bool) -> Result<CleanupReport> {
    let cfg = &inner.config;
    let now = (inner.hooks.now_ms)();
    let ratio = (inner.hooks.disk_used_ratio)(inner.commit_log.files().dir());
    let percent = (ratio * 100.0).round().clamp(0.0, 100.0) as u32;
    let disk_full = ratio > cfg.disk_space_warning_level_ratio as f64 / 100.0;
    inner.disk_used_percent.store(percent, Ordering::Release);
    if inner.disk_full.swap(disk_full, Ordering::AcqRel) != disk_full {
        if disk_full {
            tracing::error!("disk {percent}% used: writes refused");
        } else {
            tracing::info!("disk {percent}% used: writes accepted again");
        }
    }
    let mut report = CleanupReport {
        disk_used_ratio: ratio,
        disk_full,
        ..Default::default()
    };
    let time_up = is_delete_hour(&cfg.delete_when, (inner.hooks.local_hour)(now));
    let space_full = ratio > cfg.disk_max_used_space_ratio as f64 / 100.0;
    let forcibly = cfg.clean_file_forcibly_enable
        && ratio > cfg.disk_space_clean_forcibly_ratio as f64 / 100.0;
    if time_up || space_full || force {
        let reserved_ms = cfg.file_reserved_time as i64 * 3600 * 1000;
        report.commit_log_files_deleted = inner
            .commit_log
            .files()
            .delete_leading(cfg.delete_files_batch_max, |f| {
                forcibly || now - f.last_modified_ms() >= reserved_ms
            })?;
    }
    let cl_min = inner.commit_log.min_offset();
    for cq in inner.cqs.all() {
        report.consume_queue_files_deleted += cq.delete_expired(cl_min)?;
    }
    if let Some(idx) = &inner.index {
        report.index_files_deleted = idx.delete_expired(cl_min)?;
    }
    Ok(report)
}

/// What CLEAN_EXPIRED_CONSUMEQUEUE did: consume queue and index files deleted.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ExpiredQueuesReport {
    pub consume_queue_files_deleted: usize,
    pub index_files_deleted: usize,
}

impl super::MessageStore {
    /// Deletes now the consume queue and index files that only point at commit log data
    /// already deleted (mqadmin cleanExpiredCQ), leaving the commit log alone.
    pub fn clean_expired_consume_queues(&self) -> Result<ExpiredQueuesReport> {
        let inner = &self.inner;
        let cl_min = inner.commit_log.min_offset();
        let mut report = ExpiredQueuesReport::default();
        for cq in inner.cqs.all() {
            report.consume_queue_files_deleted += cq.delete_expired(cl_min)?;
        }
        if let Some(idx) = &inner.index {
            report.index_files_deleted = idx.delete_expired(cl_min)?;
        }
        Ok(report)
    }
}

impl super::MessageStore {
    /// Removes the consume queues (files, and the writer's handles) of every topic `keep`
    /// says no to, and returns their names: mqadmin cleanUnusedTopic, and a deleted topic.
    /// The commit log keeps the messages until it expires; a topic made again starts its
    /// queues at offset 0, as in RocketMQ.
    pub fn clean_unused_topics(&self, keep: impl Fn(&str) -> bool) -> Result<Vec<String>> {
        let inner = &self.inner;
        // Decided before any store lock is taken: `keep` may take the broker's own locks.
        let unused: std::collections::HashSet<String> = inner
            .cqs
            .topics()
            .into_iter()
            .filter(|t| !keep(t))
            .collect();
        if unused.is_empty() {
            return Ok(Vec::new());
        }
        // Under the writer lock: no append is between finding a queue and writing its entry.
        let mut writer = inner.writer.lock().unwrap_or_else(|e| e.into_inner());
        let removed = inner.cqs.remove_topics(|t| unused.contains(t))?;
        for topic in &removed {
            writer.forget_topic(topic);
        }
        Ok(removed)
    }
}

pub(crate) fn cleaner(inner: std::sync::Arc<StoreInner>) {
    let interval = std::time::Duration::from_millis(inner.config.clean_resource_interval.max(1));
    while !inner.shutdown.load(Ordering::Acquire) {
        inner.cleanup_signal.wait(interval);
        if inner.shutdown.load(Ordering::Acquire) {
            break;
        }
        if let Err(e) = housekeeping(&inner, false) {
            tracing::error!("housekeeping failed: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delete_when_hours() {
        assert!(is_delete_hour("04", 4));
        assert!(is_delete_hour("04;16", 16));
        assert!(!is_delete_hour("04;16", 5));
        let r = disk_used_ratio(Path::new("/"));
        assert!((0.0..=1.0).contains(&r));
    }
}
