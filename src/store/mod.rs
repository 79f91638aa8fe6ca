//! The message store, in RocketMQ's on-disk format: one commit log of all messages, consume
//! queues and index derived from it, checkpoint and abort file for recovery, flush services,
//! housekeeping, config files and offline inspection. It knows nothing of the network.
//!
//! `MessageStore` is the façade the broker uses; the submodules each own one piece.

pub mod bench;
pub mod checkpoint;
pub mod cleanup;
pub mod commit_log;
pub mod config;
pub mod config_file;
pub mod consume_queue;
pub mod delay_level;
pub mod error;
pub mod fault;
pub mod filter;
mod flush;
mod get;
pub mod ha;
pub mod index;
pub mod inspect;
pub mod mapped_file;
pub mod mapped_file_queue;
pub mod message;
mod put;
mod recovery;
mod replica;
mod reput;

pub use cleanup::CleanupReport;
pub use config::{FlushDiskType, StoreConfig};
pub use delay_level::DelayLevels;
pub use error::{Result, StoreError};
pub use fault::{FaultInjector, FaultPoint};
pub use filter::{CqMatch, CqUnit, MatchAll, MessageFilter, StoredRecord};
pub use get::{GetMessageResult, GetMessageStatus};
pub use message::{AppendMessage, DecodedMessage};
pub use put::{AppendedMessage, PutResult, PutStatus};
pub use recovery::RecoveryReport;

use bytes::Bytes;
use checkpoint::Checkpoint;
use commit_log::CommitLog;
use config::StorePaths;
use consume_queue::ConsumeQueueTable;
use crossbeam_utils::CachePadded;
use error::IoContext;
use flush::Signal;
use index::IndexService;
use std::fs::File;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use tokio::sync::watch;

/// Time and disk probes, replaceable so tests can drive housekeeping, and the fault-injection
/// seam.
#[derive(Clone)]
pub struct StoreHooks {
    /// Now, in ms since the epoch: store timestamps and file expiry.
    pub now_ms: Arc<dyn Fn() -> i64 + Send + Sync>,
    /// Used fraction (0..=1) of the disk holding a path.
    pub disk_used_ratio: Arc<dyn Fn(&Path) -> f64 + Send + Sync>,
    /// Local hour of day of a timestamp, for deleteWhen.
    pub local_hour: Arc<dyn Fn(i64) -> u32 + Send + Sync>,
    /// A test seam: failures to inject into the system calls on commit log and consume queue
    /// files. `None` (the default) in production.
    pub faults: Option<Arc<FaultInjector>>,
}

impl Default for StoreHooks {
    fn default() -> Self {
        StoreHooks {
            now_ms: Arc::new(now_ms),
            disk_used_ratio: Arc::new(cleanup::disk_used_ratio),
            local_hour: Arc::new(cleanup::local_hour),
            faults: None,
        }
    }
}

/// Wall-clock time in ms since the epoch.
pub fn now_ms() -> i64 {
    crate::util::now_millis()
}

pub(crate) struct StoreInner {
    pub config: StoreConfig,
    pub hooks: StoreHooks,
    pub commit_log: CommitLog,
    pub cqs: ConsumeQueueTable,
    pub index: Option<IndexService>,
    pub checkpoint: Checkpoint,
    /// The single writer: serialises appends, queue offset and physical offset assignment.
    /// On a cache line of its own, so that locking it does not contend with the atomics
    /// other threads poll.
    pub writer: CachePadded<Mutex<put::WriterState>>,
    /// Store timestamp of the newest published and dispatched record.
    pub last_store_timestamp: AtomicI64,
    /// Store timestamp up to which the commit log is synced.
    pub flushed_physic_timestamp: AtomicI64,
    /// Commit log offset up to which everything is synced (SYNC_FLUSH appends wait on it).
    pub flushed: watch::Sender<i64>,
    pub flush_signal: Signal,
    /// How many commit log syncs wrote something (group commit: far fewer than appends).
    pub commit_log_syncs: std::sync::atomic::AtomicU64,
    /// SYNC_FLUSH appends that started waiting for a sync since the flusher last took its
    /// group (flush::gather_group).
    pub sync_waiters_since_group: std::sync::atomic::AtomicU64,
    pub logics_signal: Signal,
    pub cleanup_signal: Signal,
    pub index_signal: Signal,
    /// The index dispatcher found nothing new for a while and sleeps until an append wakes it
    /// (reput.rs), rather than polling every millisecond while the store is idle.
    pub index_dispatcher_idle: AtomicBool,
    /// Commit log offset up to which every record's keys are in the index.
    pub index_built_to: AtomicI64,
    /// Store timestamp of the newest indexed record (for the checkpoint).
    pub index_built_timestamp: AtomicI64,
    pub disk_full: AtomicBool,
    pub disk_used_percent: AtomicU32,
    /// Set by the first failed write or sync of the commit log or a consume queue, for good
    /// (RocketMQ's RunningFlags' not-writeable bits): appends are refused from then on.
    pub write_failure: std::sync::OnceLock<WriteFailure>,
    /// Held across one commit log flush, from the failure check to publishing the result, so
    /// that a flush racing a failed one (the flusher thread and `MessageStore::flush`) cannot
    /// sync the pages the failed one lost, succeed and acknowledge them.
    pub commit_log_flush: Mutex<()>,
    /// The same for consume queues, index and checkpoint.
    pub logics_flush: Mutex<()>,
    pub shutdown: AtomicBool,
    _lock: File,
}

/// The write or sync whose failure made the store unwritable.
#[derive(Debug, Clone)]
pub(crate) struct WriteFailure {
    pub op: &'static str,
    pub path: std::path::PathBuf,
    pub cause: String,
}

impl WriteFailure {
    pub fn to_error(&self) -> StoreError {
        StoreError::NotWritable {
            op: self.op,
            path: self.path.clone(),
            cause: self.cause.clone(),
        }
    }
}

impl StoreInner {
    /// Makes the store unwritable after a failed write or sync of a file that recovery needs
    /// (the first failure is the one kept), wakes appends waiting for a flush so they fail
    /// now rather than at syncFlushTimeout, and hands the error back.
    ///
    /// Why stop rather than retry: after a failed fsync Linux may have dropped the dirty pages
    /// and marked them clean, so a retry would succeed without them, and a SYNC_FLUSH append
    /// could be acknowledged for bytes that are not on disk. Only recovery at the next start,
    /// which re-checks the tail record by record, knows again what the files hold.
    pub fn fail_writes(&self, e: StoreError) -> StoreError {
        let failure = match &e {
            StoreError::Io { op, path, source } => WriteFailure {
                op,
                path: path.clone(),
                cause: source.to_string(),
            },
            StoreError::NotWritable { .. } => return e,
            other => WriteFailure {
                op: "flush",
                path: self.config.store_path_root_dir.clone(),
                cause: other.to_string(),
            },
        };
        if self.write_failure.set(failure).is_ok() {
            tracing::error!("store stops accepting appends until restarted: {e}");
        }
        self.flushed.send_modify(|_| {});
        self.write_failure
            .get()
            .map(WriteFailure::to_error)
            .unwrap_or(StoreError::ShutDown)
    }

    /// Err(NotWritable) once a write or sync has failed.
    pub fn check_no_write_failure(&self) -> Result<()> {
        match self.write_failure.get() {
            None => Ok(()),
            Some(f) => Err(f.to_error()),
        }
    }
}

/// The message store. Dropping it shuts it down cleanly.
pub struct MessageStore {
    inner: Arc<StoreInner>,
    threads: Mutex<Vec<JoinHandle<()>>>,
    recovery: RecoveryReport,
}

/// Takes the store's lock file, as a RocketMQ broker does (`FileChannel.tryLock(0, 1, false)`
/// on `lock`), so that neither a second `mq` broker nor a Java one can open the store while
/// this one has it.
fn lock_store(root: &Path) -> Result<File> {
    let path = StorePaths::lock(root);
    let f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .ctx("open", &path)?;
    if let Err(source) = lock_first_byte(&f) {
        return Err(StoreError::Io {
            op: "lock (is another broker using this store?)",
            path,
            source,
        });
    }
    Ok(f)
}

/// An exclusive lock on byte 0, without waiting. The JVM locks with fcntl record locks, which
/// `flock` never conflicts with on Linux; an open file description (OFD) lock conflicts with
/// those and, unlike a plain record lock, also with a second open in this same process.
#[cfg(target_os = "linux")]
fn lock_first_byte(f: &File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: a zeroed flock is valid (l_pid must be 0 for OFD locks).
    let mut fl: libc::flock = unsafe { std::mem::zeroed() };
    fl.l_type = libc::F_WRLCK as _;
    fl.l_whence = libc::SEEK_SET as _;
    fl.l_start = 0;
    fl.l_len = 1;
    // SAFETY: fcntl reads the flock we own, on a descriptor we own.
    if unsafe { libc::fcntl(f.as_raw_fd(), libc::F_OFD_SETLK, &fl) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn lock_first_byte(f: &File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: flock on a descriptor we own.
    if unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

impl MessageStore {
    /// Opens (creating if needed) the store at `config.store_path_root_dir`, recovers it and
    /// starts its flush and housekeeping threads.
    pub fn open(config: StoreConfig) -> Result<MessageStore> {
        Self::open_with(config, StoreHooks::default())
    }

    pub fn open_with(config: StoreConfig, hooks: StoreHooks) -> Result<MessageStore> {
        let root = config.store_path_root_dir.clone();
        std::fs::create_dir_all(&root).ctx("create dir", &root)?;
        let lock = lock_store(&root)?;
        let abort = StorePaths::abort(&root);
        let abnormal = abort.exists();
        let commit_log = CommitLog::load_with(
            &StorePaths::commit_log(&root),
            config.mapped_file_size_commit_log,
            true,
            config.flush_disk_type == FlushDiskType::SyncFlush,
            hooks.faults.clone(),
        )?
        .warming(config.commit_log_warm_ahead_bytes);
        let cqs = ConsumeQueueTable::load_with(
            &StorePaths::consume_queue(&root),
            config.mapped_file_size_consume_queue,
            true,
            hooks.faults.clone(),
        )?;
        let index = if config.message_index_enable {
            Some(IndexService::load(
                &StorePaths::index(&root),
                config.max_hash_slot_num as usize,
                config.max_index_num as usize,
            )?)
        } else {
            None
        };
        let (checkpoint, times) = Checkpoint::open(&StorePaths::checkpoint(&root))?;
        let inner = Arc::new(StoreInner {
            config,
            hooks,
            commit_log,
            cqs,
            index,
            checkpoint,
            writer: CachePadded::new(Mutex::new(put::WriterState::default())),
            last_store_timestamp: AtomicI64::new(0),
            flushed_physic_timestamp: AtomicI64::new(times.physic_msg_timestamp),
            flushed: watch::channel(0).0,
            flush_signal: Signal::default(),
            commit_log_syncs: std::sync::atomic::AtomicU64::new(0),
            sync_waiters_since_group: std::sync::atomic::AtomicU64::new(0),
            logics_signal: Signal::default(),
            cleanup_signal: Signal::default(),
            index_signal: Signal::default(),
            index_dispatcher_idle: AtomicBool::new(false),
            index_built_to: AtomicI64::new(0),
            index_built_timestamp: AtomicI64::new(0),
            disk_full: AtomicBool::new(false),
            disk_used_percent: AtomicU32::new(0),
            write_failure: std::sync::OnceLock::new(),
            commit_log_flush: Mutex::new(()),
            logics_flush: Mutex::new(()),
            shutdown: AtomicBool::new(false),
            _lock: lock,
        });
        let recovery = recovery::recover(&inner, abnormal, times)?;
        inner.flushed.send_replace(inner.commit_log.max_offset());
        // Recovery indexed everything it found.
        inner.index_built_timestamp.store(
            inner.last_store_timestamp.load(Ordering::Acquire),
            Ordering::Release,
        );
        inner
            .index_built_to
            .store(inner.commit_log.max_offset(), Ordering::Release);
        inner.flushed_physic_timestamp.store(
            inner.last_store_timestamp.load(Ordering::Acquire),
            Ordering::Release,
        );
        cleanup::housekeeping(&inner, false)?;
        // Everything recovered is on disk before we claim a running store.
        flush::flush_commit_log(&inner)?;
        flush::flush_logics(&inner)?;
        File::create(&abort).ctx("create", &abort)?;
        inner.commit_log.files().start_warming();
        let mut threads = Vec::new();
        let spawn = |name: &str, f: fn(Arc<StoreInner>), inner: Arc<StoreInner>| {
            std::thread::Builder::new()
                .name(name.to_string())
                .spawn(move || f(inner))
                .ctx("spawn thread", &root)
        };
        threads.push(spawn(
            "mq-flush-commitlog",
            flush::commit_log_flusher,
            inner.clone(),
        )?);
        threads.push(spawn(
            "mq-flush-logics",
            flush::logics_flusher,
            inner.clone(),
        )?);
        threads.push(spawn("mq-clean", cleanup::cleaner, inner.clone())?);
        // Without an index (messageIndexEnable=false) there is nothing to follow the log
        // for, and nothing would ever mark the dispatcher caught up.
        if inner.index.is_some() {
            threads.push(spawn(
                "mq-index-dispatch",
                reput::index_dispatcher,
                inner.clone(),
            )?);
        }
        Ok(MessageStore {
            inner,
            threads: Mutex::new(threads),
            recovery,
        })
    }

    /// What start-up recovery found and did.
    pub fn recovery_report(&self) -> &RecoveryReport {
        &self.recovery
    }

    pub fn config(&self) -> &StoreConfig {
        &self.inner.config
    }

    /// Appends one message. Completes when it is stored (ASYNC_FLUSH) or synced (SYNC_FLUSH).
    pub async fn put_message(&self, msg: &AppendMessage<'_>) -> Result<PutResult> {
        let (a, ts) = self.inner.append_one(msg)?;
        let status = self
            .inner
            .wait_flushed(a.physical_offset + a.wrote_bytes as i64)
            .await?;
        Ok(PutResult {
            status,
            physical_offset: a.physical_offset,
            queue_offset: a.queue_offset,
            store_timestamp: ts,
            wrote_bytes: a.wrote_bytes,
            msg_count: 1,
            store_host: msg.store_host,
        })
    }

    /// Appends several messages consecutively (e.g. SEND_BATCH_MESSAGE): messages of one
    /// queue get consecutive queue offsets. The result describes the first; `appended` (if
    /// given) receives where each one went.
    pub async fn put_messages(
        &self,
        msgs: &[AppendMessage<'_>],
        appended: Option<&mut Vec<AppendedMessage>>,
    ) -> Result<PutResult> {
        let Some(first) = msgs.first() else {
            return Err(StoreError::BadMessage("empty batch".into()));
        };
        let mut local = Vec::new();
        let out = match appended {
            Some(v) => {
                v.clear();
                v
            }
            None => &mut local,
        };
        let ts = self.inner.append(msgs, out)?;
        let last = out[out.len() - 1];
        let status = self
            .inner
            .wait_flushed(last.physical_offset + last.wrote_bytes as i64)
            .await?;
        Ok(PutResult {
            status,
            physical_offset: out[0].physical_offset,
            queue_offset: out[0].queue_offset,
            store_timestamp: ts,
            wrote_bytes: out.iter().map(|a| a.wrote_bytes).sum(),
            msg_count: out.len(),
            store_host: first.store_host,
        })
    }

    /// Appends one message without waiting for it to be durable: a read sees it once this
    /// returns. For what `put_message` promises, follow with `wait_durable` of its end.
    pub fn append(&self, msg: &AppendMessage<'_>) -> Result<AppendedMessage> {
        self.inner.append_one(msg).map(|(a, _)| a)
    }

    /// Appends messages consecutively (as `put_messages`) without waiting for them to be
    /// durable; `appended` receives where each one went. If one fails, those before it stay
    /// stored, visible, and in `appended`.
    pub fn append_batch(
        &self,
        msgs: &[AppendMessage<'_>],
        appended: &mut Vec<AppendedMessage>,
    ) -> Result<()> {
        appended.clear();
        if msgs.is_empty() {
            return Err(StoreError::BadMessage("empty batch".into()));
        }
        self.inner.append(msgs, appended).map(|_| ())
    }

    /// Appends a batch's messages, `base` but for each one's flag, body and properties, as
    /// `append_batch` does, with what they share worked out once (see
    /// `message::BatchMessage`).
    pub fn append_batch_entries(
        &self,
        base: &AppendMessage<'_>,
        entries: &[message::BatchMessage<'_>],
        appended: &mut Vec<AppendedMessage>,
    ) -> Result<()> {
        appended.clear();
        self.inner
            .append_entries(base, entries, appended)
            .map(|_| ())
    }

    /// Waits until the commit log is durable up to `end_offset` (the physical offset just past
    /// an appended message) as the flush mode asks: at once for ASYNC_FLUSH; for SYNC_FLUSH
    /// FLUSH_DISK_TIMEOUT if the group commit does not cover it within syncFlushTimeout;
    /// `StoreError::NotWritable` if a sync failed before covering it.
    pub async fn wait_durable(&self, end_offset: i64) -> Result<PutStatus> {
        self.inner.wait_flushed(end_offset).await
    }

    /// A slave's append of its master's commit log bytes: `data` goes at `offset`, which must
    /// be the end of the commit log (or a file start, if the log is empty); the records it
    /// completes become readable through their consume queues. Returns the new end.
    pub fn append_replicated(&self, offset: i64, data: &[u8]) -> Result<i64> {
        self.inner.append_replicated(offset, data, &mut |_, _| {})
    }

    /// `append_replicated`, calling `on_record(topic, queue_id)` for each record that became
    /// readable through its consume queue.
    pub fn append_replicated_with(
        &self,
        offset: i64,
        data: &[u8],
        mut on_record: impl FnMut(&str, i32),
    ) -> Result<i64> {
        self.inner.append_replicated(offset, data, &mut on_record)
    }

    /// Up to `max_len` commit log bytes from `offset`, within one file, without copying (what a
    /// master streams to its slaves); None if nothing is published there.
    pub fn commit_log_data(&self, offset: i64, max_len: usize) -> Option<Bytes> {
        self.inner.commit_log.read_from(offset, max_len)
    }

    /// The size of one commit log file (mappedFileSizeCommitLog).
    pub fn commit_log_file_size(&self) -> usize {
        self.inner.commit_log.file_size()
    }

    /// Messages of a queue from `offset`: at most `max_count`, and no more than `max_bytes`
    /// (but at least one).
    pub fn get_message(
        &self,
        topic: &str,
        queue_id: i32,
        offset: i64,
        max_count: usize,
        max_bytes: usize,
    ) -> GetMessageResult {
        self.inner
            .get_message(topic, queue_id, offset, max_count, max_bytes, &MatchAll)
    }

    /// Like `get_message`, keeping only the messages `filter` matches (a closure over the tags
    /// code is a filter too). Entries it rejects still count towards the 16,000-entry scan
    /// limit; a read that examined only rejected entries is NO_MATCHED_MESSAGE.
    pub fn get_message_filtered<F: MessageFilter + ?Sized>(
        &self,
        topic: &str,
        queue_id: i32,
        offset: i64,
        max_count: usize,
        max_bytes: usize,
        filter: &F,
    ) -> GetMessageResult {
        self.inner
            .get_message(topic, queue_id, offset, max_count, max_bytes, filter)
    }

    /// The queue offset the next message of the queue gets (0 if the queue does not exist).
    pub fn max_offset_in_queue(&self, topic: &str, queue_id: i32) -> i64 {
        self.inner
            .cqs
            .find(topic, queue_id)
            .map(|c| c.max_offset())
            .unwrap_or(0)
    }

    /// The smallest readable queue offset (0 if the queue does not exist).
    pub fn min_offset_in_queue(&self, topic: &str, queue_id: i32) -> i64 {
        self.inner
            .cqs
            .find(topic, queue_id)
            .map(|c| c.min_offset())
            .unwrap_or(0)
    }

    /// The first queue offset stored at or after `timestamp` (ms); the max offset if none.
    pub fn offset_in_queue_by_time(&self, topic: &str, queue_id: i32, timestamp: i64) -> i64 {
        self.inner
            .offset_in_queue_by_time(topic, queue_id, timestamp)
    }

    /// Commit log offset of the message at a queue offset.
    pub fn commit_log_offset_in_queue(
        &self,
        topic: &str,
        queue_id: i32,
        offset: i64,
    ) -> Option<i64> {
        let e = self.inner.cqs.find(topic, queue_id)?.get(offset)?;
        (e.is_valid() && !e.is_blank()).then_some(e.commit_log_offset)
    }

    /// Calls `f(queue_offset, entry)` for the written consume queue entries of a queue from
    /// `offset` on (none if the queue does not exist), until `f` returns false. Readers that
    /// walk a queue by tags code (the schedule service reads deliver times) need no record.
    pub fn for_each_cq_entry(
        &self,
        topic: &str,
        queue_id: i32,
        offset: i64,
        f: impl FnMut(i64, consume_queue::CqEntry) -> bool,
    ) {
        if let Some(cq) = self.inner.cqs.find(topic, queue_id) {
            cq.for_each_from(offset.max(cq.min_offset()), f);
        }
    }

    /// Store timestamp of the message at a queue offset.
    pub fn message_store_timestamp(&self, topic: &str, queue_id: i32, offset: i64) -> Option<i64> {
        let off = self.commit_log_offset_in_queue(topic, queue_id, offset)?;
        self.inner.commit_log.store_timestamp_at(off)
    }

    /// The whole record at a commit log offset, without copying; None unless a valid message.
    pub fn get_message_by_offset(&self, commit_log_offset: i64) -> Option<Bytes> {
        let b = self.inner.commit_log.get_record(commit_log_offset)?;
        match message::check_record(&b, commit_log_offset, false) {
            message::RecordCheck::Message(n) if n == b.len() => Some(b),
            _ => None,
        }
    }

    /// The decoded message at a commit log offset.
    pub fn look_message_by_offset(&self, commit_log_offset: i64) -> Option<DecodedMessage> {
        self.inner.look_message_by_offset(commit_log_offset)
    }

    /// The record named by an offset message id (store host + physical offset).
    pub fn get_message_by_msg_id(&self, msg_id: &str) -> Result<Option<Bytes>> {
        let (_, off) = message::decode_offset_msg_id(msg_id)?;
        Ok(self.get_message_by_offset(off))
    }

    /// Commit log offset up to which the index holds every record's keys (the index is
    /// built just behind the appends, as in RocketMQ).
    pub fn index_built_offset(&self) -> i64 {
        self.inner.index_built_to.load(Ordering::Acquire)
    }

    /// Waits until the index covers everything appended so far, or `timeout` passes.
    /// Returns whether it caught up.
    pub fn wait_index_caught_up(&self, timeout: std::time::Duration) -> bool {
        let target = self.max_phy_offset();
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if self.inner.index.is_none() || self.index_built_offset() >= target {
                return true;
            }
            if std::time::Instant::now() >= deadline {
                return false;
            }
            self.inner.index_signal.notify();
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    /// Records of `topic` with this key (a KEYS token, or the client's UNIQ_KEY) stored within
    /// [begin, end] ms, in commit log order, at most `max`.
    pub fn query_message(
        &self,
        topic: &str,
        key: &str,
        max: usize,
        begin: i64,
        end: i64,
    ) -> Vec<Bytes> {
        self.inner.query_message(topic, key, max, begin, end)
    }

    /// The record with this UNIQ_KEY, if any.
    pub fn query_message_by_uniq_key(&self, topic: &str, uniq_key: &str) -> Option<Bytes> {
        self.query_message(topic, uniq_key, 32, 0, i64::MAX)
            .into_iter()
            .find(|b| {
                message::decode_record_ref(b).is_ok_and(|r| {
                    message::property_value(r.properties, message::property::UNIQ_KEY)
                        == Some(uniq_key)
                })
            })
    }

    pub fn min_phy_offset(&self) -> i64 {
        self.inner.commit_log.min_offset()
    }
    pub fn max_phy_offset(&self) -> i64 {
        self.inner.commit_log.max_offset()
    }
    /// Commit log offset up to which everything is synced.
    pub fn flushed_phy_offset(&self) -> i64 {
        *self.inner.flushed.borrow()
    }

    /// (topic, queue id) of every consume queue.
    pub fn queues(&self) -> Vec<(String, i32)> {
        self.inner
            .cqs
            .all()
            .iter()
            .map(|c| (c.topic().to_string(), c.queue_id()))
            .collect()
    }

    /// How many commit log syncs have written something since the store opened.
    pub fn commit_log_sync_count(&self) -> u64 {
        self.inner.commit_log_syncs.load(Ordering::Relaxed)
    }

    /// Bytes of new commit log pages populated ahead of the writer, and the time that took:
    /// the machine's price for the memory an ASYNC_FLUSH store grows into.
    pub fn commit_log_warm_totals(&self) -> (u64, std::time::Duration) {
        self.inner.commit_log.files().warm_stats().totals()
    }

    /// Syncs commit log, consume queues, index and checkpoint now.
    pub fn flush(&self) -> Result<()> {
        flush::flush_commit_log(&self.inner)?;
        flush::flush_logics(&self.inner)
    }

    /// Runs one housekeeping pass now (`force`: delete expired files whatever the hour).
    pub fn run_housekeeping(&self, force: bool) -> Result<CleanupReport> {
        cleanup::housekeeping(&self.inner, force)
    }

    /// Whether writes are currently refused because the disk is full.
    pub fn is_disk_full(&self) -> bool {
        self.inner.disk_full.load(Ordering::Acquire)
    }

    /// Whether appends are accepted now: false after a failed write or sync (until the store
    /// is reopened), while the disk is full, and once shut down. Reads work either way.
    pub fn is_writable(&self) -> bool {
        self.inner.write_failure.get().is_none()
            && !self.is_disk_full()
            && !self.inner.shutdown.load(Ordering::Acquire)
    }

    /// Why appends are refused until a restart: the write or sync that failed (operation,
    /// file and cause), or None if none has.
    pub fn write_failure(&self) -> Option<String> {
        self.inner
            .write_failure
            .get()
            .map(|f| f.to_error().to_string())
    }

    /// Stops the service threads, syncs everything and removes the abort file, so the next
    /// start is a fast, normal one. Idempotent.
    pub fn shutdown(&self) -> Result<()> {
        if self.inner.shutdown.swap(true, Ordering::AcqRel) {
            return Ok(());
        }
        self.inner.flush_signal.notify();
        self.inner.logics_signal.notify();
        self.inner.cleanup_signal.notify();
        self.inner.index_signal.notify();
        let threads = std::mem::take(&mut *self.threads.lock().unwrap_or_else(|e| e.into_inner()));
        for t in threads {
            let _ = t.join();
        }
        // No appends run past this point: take the writer lock to wait out one in flight.
        let _w = self.inner.writer.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(f) = self.inner.write_failure.get() {
            // No sync can vouch for the files any more: leave the abort file, so that the
            // next start re-checks the tail as after a crash.
            tracing::warn!("store closed without a final sync: {}", f.to_error());
            return Ok(());
        }
        // ...and index what it wrote, so a clean start finds the index complete.
        reput::index_new_records(&self.inner);
        self.flush()?;
        let abort = StorePaths::abort(&self.inner.config.store_path_root_dir);
        match std::fs::remove_file(&abort) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e).ctx("delete", &abort),
        }
    }
}

impl Drop for MessageStore {
    fn drop(&mut self) {
        if let Err(e) = self.shutdown() {
            tracing::error!("store shutdown: {e}");
        }
    }
}
