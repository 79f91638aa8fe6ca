//! Store configuration: RocketMQ's MessageStoreConfig keys that this store honours, and the
//! directory layout under storePathRootDir.

use super::delay_level::DelayLevels;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// When an append counts as durable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FlushDiskType {
    /// The append returns once the record is in the page cache; a flusher syncs periodically.
    AsyncFlush,
    /// The append returns only after a sync that covers the record (group commit).
    SyncFlush,
}

/// The subset of RocketMQ's MessageStoreConfig the store uses; names follow RocketMQ.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StoreConfig {
    pub store_path_root_dir: PathBuf,
    /// Size of one commit log file in bytes (1 GiB).
    pub mapped_file_size_commit_log: usize,
    /// Size of one consume queue file in bytes (300,000 entries of 20 bytes).
    pub mapped_file_size_consume_queue: usize,
    pub flush_disk_type: FlushDiskType,
    /// ASYNC_FLUSH: commit log flush period in milliseconds.
    pub flush_interval_commit_log: u64,
    /// Consume queue / index / checkpoint flush period in milliseconds.
    pub flush_interval_consume_queue: u64,
    /// SYNC_FLUSH: how long an append waits for its flush before reporting FLUSH_DISK_TIMEOUT.
    pub sync_flush_timeout: u64,
    pub max_message_size: usize,
    pub message_index_enable: bool,
    pub max_hash_slot_num: u32,
    pub max_index_num: u32,
    /// Hours a commit log file is kept after its last write.
    pub file_reserved_time: u64,
    /// Hours of the day at which expired files are deleted, e.g. "04" or "04;16".
    pub delete_when: String,
    /// Percent of disk use above which expired files are deleted whatever the hour.
    pub disk_max_used_space_ratio: u32,
    /// Percent of disk use above which files are deleted even if not expired.
    pub disk_space_clean_forcibly_ratio: u32,
    /// Percent of disk use above which writes are refused.
    pub disk_space_warning_level_ratio: u32,
    pub clean_file_forcibly_enable: bool,
    /// Housekeeping period in milliseconds.
    pub clean_resource_interval: u64,
    /// At most this many files are deleted per housekeeping pass.
    pub delete_files_batch_max: usize,
    /// Pull defaults: RocketMQ's maxTransferCountOnMessageInMemory / BytesOnMessageInMemory.
    pub max_transfer_count_on_message_in_memory: usize,
    pub max_transfer_bytes_on_message_in_memory: usize,
    /// Verify body CRC of every record scanned during recovery.
    pub check_crc_on_recover: bool,
    /// The delay of each delay level, e.g. `1s 5s 10s 30s 1m` (units s, m, h, d). The store
    /// needs it for the tags code (deliver time) of SCHEDULE_TOPIC_XXXX entries.
    pub message_delay_level: DelayLevels,
    /// How often the schedule service writes config/delayOffset.json (ms), besides at shutdown.
    pub flush_delay_offset_interval: u64,
    /// The master's HA port for its slaves; 0: listenPort + 1, as RocketMQ's broker sets it.
    pub ha_listen_port: u16,
    /// HA: a side that sent nothing for this long sends a heartbeat (ms).
    pub ha_send_heartbeat_interval: u64,
    /// HA: a connection silent for this long is closed (ms).
    pub ha_housekeeping_interval: u64,
    /// HA: at most this many commit log bytes per transfer to a slave.
    pub ha_transfer_batch_size: usize,
    /// A slave's master HA address (ip:port); unset, the name server's registration answer
    /// gives it.
    pub ha_master_address: Option<String>,
    /// SYNC_MASTER: a slave further behind than this many bytes is not in sync, and sends are
    /// answered SLAVE_NOT_AVAILABLE.
    pub ha_max_gap_not_in_sync: i64,
    /// `mq`'s own: commit log bytes behind the newest write that stay mapped, so consumers
    /// reading the tail find its pages without a fault; pages further behind are released
    /// from the broker's resident memory (the page cache keeps them). See commands/broker.md,
    /// "Memory".
    pub commit_log_resident_bytes: usize,
    /// `mq`'s own: how far ahead of the writer the commit log's pages are pre-faulted, so an
    /// append does not stop for a page fault (0: only the first 8 MiB of a new file).
    pub commit_log_warm_ahead_bytes: usize,
}

impl Default for StoreConfig {
    fn default() -> Self {
        StoreConfig {
            store_path_root_dir: PathBuf::from("mq-data/broker"),
            mapped_file_size_commit_log: 1024 * 1024 * 1024,
            mapped_file_size_consume_queue: 300_000 * 20,
            flush_disk_type: FlushDiskType::AsyncFlush,
            flush_interval_commit_log: 500,
            flush_interval_consume_queue: 1000,
            sync_flush_timeout: 5000,
            max_message_size: 4 * 1024 * 1024,
            message_index_enable: true,
            max_hash_slot_num: 5_000_000,
            max_index_num: 20_000_000,
            file_reserved_time: 72,
            delete_when: "04".to_string(),
            disk_max_used_space_ratio: 75,
            disk_space_clean_forcibly_ratio: 85,
            disk_space_warning_level_ratio: 90,
            clean_file_forcibly_enable: true,
            clean_resource_interval: 10_000,
            delete_files_batch_max: 10,
            max_transfer_count_on_message_in_memory: 32,
            max_transfer_bytes_on_message_in_memory: 256 * 1024,
            check_crc_on_recover: true,
            message_delay_level: DelayLevels::default(),
            flush_delay_offset_interval: 10_000,
            ha_listen_port: 0,
            ha_send_heartbeat_interval: 5_000,
            ha_housekeeping_interval: 20_000,
            ha_transfer_batch_size: 32 * 1024,
            ha_master_address: None,
            ha_max_gap_not_in_sync: 256 * 1024 * 1024,
            commit_log_resident_bytes: 64 << 20,
            commit_log_warm_ahead_bytes: 64 << 20,
        }
    }
}

impl StoreConfig {
    /// What the HA service runs with.
    pub fn ha_config(&self) -> super::ha::HaConfig {
        use std::time::Duration;
        super::ha::HaConfig {
            // Zero would mean a heartbeat per poll, or closing every connection at once.
            heartbeat_interval: Duration::from_millis(self.ha_send_heartbeat_interval.max(10)),
            housekeeping_interval: Duration::from_millis(self.ha_housekeeping_interval.max(100)),
            transfer_batch_size: self
                .ha_transfer_batch_size
                .clamp(1, super::ha::wire::MAX_MASTER_BATCH),
            max_gap_not_in_sync: self.ha_max_gap_not_in_sync,
            sync_timeout: Duration::from_millis(self.sync_flush_timeout),
        }
    }

    /// A default configuration rooted at `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        StoreConfig {
            store_path_root_dir: dir.into(),
            ..Default::default()
        }
    }
}

/// The paths of RocketMQ's store layout (StorePathConfigHelper).
pub struct StorePaths;

impl StorePaths {
    pub fn commit_log(root: &Path) -> PathBuf {
        root.join("commitlog")
    }
    pub fn consume_queue(root: &Path) -> PathBuf {
        root.join("consumequeue")
    }
    pub fn index(root: &Path) -> PathBuf {
        root.join("index")
    }
    pub fn checkpoint(root: &Path) -> PathBuf {
        root.join("checkpoint")
    }
    pub fn abort(root: &Path) -> PathBuf {
        root.join("abort")
    }
    pub fn lock(root: &Path) -> PathBuf {
        root.join("lock")
    }
    pub fn config(root: &Path) -> PathBuf {
        root.join("config")
    }
}
