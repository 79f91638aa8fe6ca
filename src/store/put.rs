//! The append path (RocketMQ's CommitLog#putMessage + DefaultAppendMessageCallback + the
//! dispatcher): under the single writer lock, assign the queue offset and physical offset,
//! write the record into the mapped commit log, publish it, write its consume queue entry and
//! index keys; then, for SYNC_FLUSH, wait for the group commit that covers it.

use super::StoreInner;
use super::config::FlushDiskType;
use super::consume_queue::{CQ_STORE_UNIT_SIZE, ConsumeQueue, CqEntry, QueueHash};
use super::error::{Result, StoreError};
use super::mapped_file::MappedFile;
use super::message::{
    self, AppendMessage, BatchMessage, END_FILE_MIN_BLANK_LENGTH, RecordHead, property, sysflag,
};
use crate::protocol::topic::SCHEDULE_TOPIC;
use serde::Serialize;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Whether the append is durable as configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PutStatus {
    PutOk,
    /// SYNC_FLUSH: stored, but the flush did not finish within syncFlushTimeout.
    FlushDiskTimeout,
}

/// The outcome of appending one message (or the first of a batch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PutResult {
    pub status: PutStatus,
    pub physical_offset: i64,
    pub queue_offset: i64,
    pub store_timestamp: i64,
    /// Bytes written for all messages of the call.
    pub wrote_bytes: usize,
    pub msg_count: usize,
    pub store_host: SocketAddr,
}

impl PutResult {
    /// The offset message id of the (first) message.
    pub fn msg_id(&self) -> String {
        message::offset_msg_id(&self.store_host, self.physical_offset)
    }
}

/// Where one message of a batch went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppendedMessage {
    pub physical_offset: i64,
    pub queue_offset: i64,
    pub wrote_bytes: usize,
}

/// Queue ids below this are served from the writer's cache.
const MAX_CACHED_QUEUE_ID: usize = 1024;

/// What only the single writer touches, kept under its lock: handles on the newest commit log
/// file and on each queue's newest consume queue file, so an append takes no other lock.
#[derive(Default)]
pub(crate) struct WriterState {
    pub(super) commit_log_file: Option<Arc<MappedFile>>,
    queues: QueueCache,
    /// A slave's commit log offset up to which replicated records have their consume queue
    /// entries (replica.rs); None until the first replicated append.
    pub(super) replica_dispatched_to: Option<i64>,
}

impl WriterState {
    /// Lets go of a topic's consume queue files (its queues are being removed).
    pub(super) fn forget_topic(&mut self, topic: &str) {
        self.queues.remove(topic);
    }
}

/// Each queue's newest consume queue file, by topic and queue id.
type QueueCache = HashMap<String, Vec<Option<Arc<MappedFile>>>, QueueHash>;

/// The TAGS property, found without looking for the others; the last one, as recovery's
/// re-dispatch takes it, so a rebuilt consume queue gets the same tags code.
fn tags_of(props: &str) -> Option<&str> {
    let [tags] = message::find_properties(props, [property::TAGS]);
    tags
}

/// What `StoreInner::prepare` works out of a message outside the writer lock.
#[derive(Clone, Copy)]
struct Prepared {
    len: usize,
    body_crc: i32,
    tags_code: i64,
    /// For a delayed SCHEDULE_TOPIC_XXXX entry, its level's delay: the tags code is then the
    /// deliver time, known only once the store timestamp is taken under the writer lock.
    schedule_delay_ms: Option<i64>,
}

impl Prepared {
    fn tags_code_at(&self, store_timestamp: i64) -> i64 {
        match self.schedule_delay_ms {
            Some(d) => store_timestamp + d,
            None => self.tags_code,
        }
    }
}

/// What the dispatcher needs of a record (RocketMQ's DispatchRequest).
pub(crate) struct DispatchRequest<'a> {
    pub topic: &'a str,
    pub queue_id: i32,
    pub queue_offset: i64,
    pub physical_offset: i64,
    pub size: usize,
    pub sys_flag: i32,
    pub store_timestamp: i64,
    pub properties: &'a str,
}

fn is_dispatched_to_queue(sys_flag: i32) -> bool {
    matches!(
        sysflag::transaction_value(sys_flag),
        sysflag::TRANSACTION_NOT_TYPE | sysflag::TRANSACTION_COMMIT_TYPE
    )
}

impl StoreInner {
    pub(super) fn check_writable(&self) -> Result<()> {
        if self.shutdown.load(Ordering::Acquire) {
            return Err(StoreError::ShutDown);
        }
        self.check_no_write_failure()?;
        if self.disk_full.load(Ordering::Acquire) {
            return Err(StoreError::DiskFull {
                used_percent: self.disk_used_percent.load(Ordering::Acquire),
                limit_percent: self.config.disk_space_warning_level_ratio,
            });
        }
        Ok(())
    }

    /// Checks a message and works out what its append needs that does not depend on where it
    /// goes, before the writer lock is taken, so that concurrent appends do this in parallel.
    fn prepare(&self, msg: &AppendMessage<'_>) -> Result<Prepared> {
        msg.validate(self.config.max_message_size)?;
        let len = msg.record_len();
        if len + END_FILE_MIN_BLANK_LENGTH > self.commit_log.file_size() {
            return Err(StoreError::MessageTooLarge {
                size: len,
                max: self.commit_log.file_size() - END_FILE_MIN_BLANK_LENGTH,
            });
        }
        // Only the schedule topic's entries look for DELAY: a plain send pays a comparison.
        let schedule_delay_ms = if msg.topic == SCHEDULE_TOPIC {
            let [delay] = message::find_properties(msg.properties, [property::DELAY]);
            self.config
                .message_delay_level
                .schedule_delay_ms(msg.topic, delay)
        } else {
            None
        };
        Ok(Prepared {
            len,
            body_crc: message::body_crc(msg.body),
            tags_code: message::tags_code(tags_of(msg.properties)),
            schedule_delay_ms,
        })
    }

    /// Writes the consume queue entry of one record (none for a transaction's half or
    /// rollback), as the append path would have. Idempotent.
    pub(crate) fn dispatch_to_queue(&self, d: &DispatchRequest<'_>) -> Result<()> {
        if !is_dispatched_to_queue(d.sys_flag) {
            return Ok(());
        }
        let [tags, delay] =
            message::find_properties(d.properties, [property::TAGS, property::DELAY]);
        let entry = CqEntry {
            commit_log_offset: d.physical_offset,
            size: d.size as i32,
            tags_code: self.config.message_delay_level.cq_tags_code(
                d.topic,
                tags,
                delay,
                d.store_timestamp,
            ),
        };
        self.cqs
            .find_or_create(d.topic, d.queue_id)?
            .put(d.queue_offset, entry)
    }

    /// Writes consume queue entry and index keys for one record. Idempotent.
    pub(crate) fn dispatch(&self, d: &DispatchRequest<'_>) -> Result<()> {
        self.dispatch_to_queue(d)?;
        let [uniq_key, keys] =
            message::find_properties(d.properties, [property::UNIQ_KEY, property::KEYS]);
        if let Some(idx) = &self.index {
            idx.writer().put_message_keys(
                d.topic.as_bytes(),
                d.sys_flag,
                d.physical_offset,
                d.store_timestamp,
                [uniq_key.map(str::as_bytes), keys.map(str::as_bytes)],
            );
        }
        Ok(())
    }

    /// Calls `fill` with the consume queue slot for the next message of a queue: its queue
    /// offset and the file its entry goes into, from the writer's cache when it can be. The
    /// file is lent, not cloned: an `Arc` clone per append would be an atomic read-modify-write
    /// on a cache line that readers share.
    ///
    /// With `defer_new_file`, a queue whose next entry needs a file that does not exist yet
    /// (its first message, a roll-over) gets Ok(None) and nothing is written: the caller
    /// prepares the file outside the writer lock (`prepare_queue_file`) and comes back.
    fn with_queue_slot<R>(
        &self,
        cache: &mut QueueCache,
        topic: &str,
        queue_id: i32,
        defer_new_file: bool,
        fill: impl FnOnce(i64, &MappedFile) -> Result<R>,
    ) -> Result<Option<R>> {
        let slot_of = |f: &MappedFile| {
            (f.file_from_offset() + f.wrote_position() as i64) / CQ_STORE_UNIT_SIZE as i64
        };
        let ready = |cq: &Option<Arc<ConsumeQueue>>| {
            !defer_new_file || cq.as_ref().is_some_and(|cq| cq.has_next_file())
        };
        let idx = usize::try_from(queue_id)
            .ok()
            .filter(|&i| i < MAX_CACHED_QUEUE_ID);
        let Some(i) = idx else {
            let cq = self.cqs.find(topic, queue_id);
            if !ready(&cq) {
                return Ok(None);
            }
            let cq = match cq {
                Some(cq) => cq,
                None => self.cqs.find_or_create(topic, queue_id)?,
            };
            let (q, f) = cq.next_slot()?;
            return fill(q, &f).map(Some);
        };
        let v = match cache.get_mut(topic) {
            Some(v) => v,
            None => cache.entry(topic.to_string()).or_default(),
        };
        if v.len() <= i {
            v.resize(i + 1, None);
        }
        let f = match &mut v[i] {
            Some(f) if !f.is_full() => f,
            slot => {
                let cq = self.cqs.find(topic, queue_id);
                if !ready(&cq) {
                    return Ok(None);
                }
                let cq = match cq {
                    Some(cq) => cq,
                    None => self.cqs.find_or_create(topic, queue_id)?,
                };
                slot.insert(cq.next_slot()?.1)
            }
        };
        fill(slot_of(f), f).map(Some)
    }

    /// Creates a queue's next consume queue file and faults in its first page, outside the
    /// writer lock (see `with_queue_slot`).
    fn prepare_queue_file(&self, topic: &str, queue_id: i32) -> Result<()> {
        self.cqs
            .find_or_create(topic, queue_id)?
            .prepare_next_file()
    }

    /// Appends one message under the writer lock (held by the caller, `ws` its state): record
    /// and consume queue entry, so a pull sees the message as soon as its append returns.
    /// Ok(None), with nothing written, if `defer_new_file` and its consume queue needs a new
    /// file first (see `with_queue_slot`).
    fn append_locked(
        &self,
        ws: &mut WriterState,
        msg: &AppendMessage<'_>,
        p: Prepared,
        now: i64,
        defer_new_file: bool,
    ) -> Result<Option<AppendedMessage>> {
        let len = p.len;
        let mut append_record = |queue_offset: i64| {
            self.commit_log
                .append_with(&mut ws.commit_log_file, len, |buf, phys| {
                    msg.encode_with_crc(buf, p.body_crc, queue_offset, phys, now)
                })
        };
        let (phys, queue_offset) = if is_dispatched_to_queue(msg.effective_sys_flag()) {
            let slot = self.with_queue_slot(
                &mut ws.queues,
                msg.topic,
                msg.queue_id,
                defer_new_file,
                |q, file| {
                    let phys = append_record(q)?;
                    ConsumeQueue::put_in_slot(
                        file,
                        CqEntry {
                            commit_log_offset: phys,
                            size: len as i32,
                            tags_code: p.tags_code_at(now),
                        },
                    );
                    Ok((phys, q))
                },
            )?;
            match slot {
                Some(placed) => placed,
                None => return Ok(None),
            }
        } else {
            (append_record(0)?, 0)
        };
        // Index keys are built off this path by the index dispatcher (reput.rs).
        Ok(Some(AppendedMessage {
            physical_offset: phys,
            queue_offset,
            wrote_bytes: len,
        }))
    }

    /// Appends one message; returns where it went and the store time.
    pub(crate) fn append_one(&self, msg: &AppendMessage<'_>) -> Result<(AppendedMessage, i64)> {
        self.check_writable()?;
        let p = self.prepare(msg)?;
        let mut defer_new_file = true;
        loop {
            let mut ws = self.writer.lock().unwrap_or_else(|e| e.into_inner());
            let now = (self.hooks.now_ms)();
            let Some(a) = self.append_locked(&mut ws, msg, p, now, defer_new_file)? else {
                drop(ws);
                self.prepare_queue_file(msg.topic, msg.queue_id)?;
                // Once only: a writer racing us to the same queue may fill the new file too.
                defer_new_file = false;
                continue;
            };
            // Published after the record and its dispatch: see flush::flush_commit_log.
            self.last_store_timestamp.store(now, Ordering::Release);
            drop(ws);
            self.wake_index_dispatcher();
            return Ok((a, now));
        }
    }

    /// Wakes the index dispatcher if it went idle. A relaxed load per append while it is busy:
    /// the flag's cache line is written only when the store goes idle and wakes up again.
    pub(super) fn wake_index_dispatcher(&self) {
        if self.index_dispatcher_idle.load(Ordering::Relaxed)
            && self.index_dispatcher_idle.swap(false, Ordering::AcqRel)
        {
            self.index_signal.notify();
        }
    }

    /// Appends messages consecutively under one lock, returning where each went and the
    /// store time. If one fails, those before it stay stored (and are in `out`).
    pub(crate) fn append(
        &self,
        msgs: &[AppendMessage<'_>],
        out: &mut Vec<AppendedMessage>,
    ) -> Result<i64> {
        self.check_writable()?;
        if msgs.is_empty() {
            return Err(StoreError::BadMessage("empty batch".into()));
        }
        let prepared = msgs
            .iter()
            .map(|m| self.prepare(m))
            .collect::<Result<Vec<_>>>()?;
        // The first message's consume queue file is prepared outside the lock if it needs
        // one; later ones' are not, as releasing the lock mid-batch would let other appends
        // in between the batch's messages.
        let mut defer_new_file = true;
        let (mut ws, now, first) = loop {
            let mut ws = self.writer.lock().unwrap_or_else(|e| e.into_inner());
            let now = (self.hooks.now_ms)();
            match self.append_locked(&mut ws, &msgs[0], prepared[0], now, defer_new_file) {
                Ok(Some(a)) => break (ws, now, Ok(a)),
                Ok(None) => {
                    drop(ws);
                    self.prepare_queue_file(msgs[0].topic, msgs[0].queue_id)?;
                    defer_new_file = false;
                }
                Err(e) => break (ws, now, Err(e)),
            }
        };
        let mut result = first.map(|a| {
            out.push(a);
            now
        });
        if result.is_ok() {
            for (m, &p) in msgs.iter().zip(&prepared).skip(1) {
                match self.append_locked(&mut ws, m, p, now, false) {
                    Ok(Some(a)) => out.push(a),
                    Ok(None) => unreachable!("an append that does not defer places the message"),
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
        }
        self.last_store_timestamp.store(now, Ordering::Release);
        drop(ws);
        self.wake_index_dispatcher();
        result
    }

    /// Appends a batch's messages (`base` but for each one's flag, body and properties)
    /// consecutively under one lock, as `append` does, with the work the messages share done
    /// once: the record head is encoded and the queue's consume queue file looked up once per
    /// batch, not per message, and the tags codes come from the caller.
    pub(crate) fn append_entries(
        &self,
        base: &AppendMessage<'_>,
        entries: &[BatchMessage<'_>],
        out: &mut Vec<AppendedMessage>,
    ) -> Result<i64> {
        self.check_writable()?;
        if entries.is_empty() {
            return Err(StoreError::BadMessage("empty batch".into()));
        }
        if base.topic == SCHEDULE_TOPIC || !is_dispatched_to_queue(base.effective_sys_flag()) {
            // Not a plain send's batch: the general path works out what differs.
            let msgs: Vec<AppendMessage> = entries
                .iter()
                .map(|e| AppendMessage {
                    flag: e.flag,
                    body: e.body,
                    properties: e.properties,
                    ..base.clone()
                })
                .collect();
            return self.append(&msgs, out);
        }
        base.validate(self.config.max_message_size)?;
        let max_len = self.commit_log.file_size() - END_FILE_MIN_BLANK_LENGTH;
        // The head's length does not depend on the store time.
        let probe = RecordHead::new(base, 0);
        let prepared = entries
            .iter()
            .map(|e| {
                message::validate_content(e.body, e.properties, self.config.max_message_size)?;
                let len = probe.record_len(e.body, e.properties);
                if len > max_len {
                    return Err(StoreError::MessageTooLarge {
                        size: len,
                        max: max_len,
                    });
                }
                Ok((len, message::body_crc(e.body)))
            })
            .collect::<Result<Vec<_>>>()?;
        let mut defer_new_file = true;
        loop {
            let mut ws = self.writer.lock().unwrap_or_else(|e| e.into_inner());
            let now = (self.hooks.now_ms)();
            let head = RecordHead::new(base, now);
            let result = self.append_entries_locked(
                &mut ws,
                &head,
                base,
                entries,
                &prepared,
                defer_new_file,
                out,
            );
            if let Ok(false) = result {
                drop(ws);
                self.prepare_queue_file(base.topic, base.queue_id)?;
                defer_new_file = false;
                continue;
            }
            if !out.is_empty() {
                self.last_store_timestamp.store(now, Ordering::Release);
            }
            drop(ws);
            self.wake_index_dispatcher();
            return result.map(|_| now);
        }
    }

    /// `append_entries` under the writer lock: each consume queue file is looked up once and
    /// takes as many of the entries as it has room for. Ok(false), with nothing written, if
    /// `defer_new_file` and the first entry needs a new consume queue file (see
    /// `with_queue_slot`).
    #[allow(clippy::too_many_arguments)]
    fn append_entries_locked(
        &self,
        ws: &mut WriterState,
        head: &RecordHead<'_>,
        base: &AppendMessage<'_>,
        entries: &[BatchMessage<'_>],
        prepared: &[(usize, i32)],
        defer_new_file: bool,
        out: &mut Vec<AppendedMessage>,
    ) -> Result<bool> {
        let mut i = 0;
        while i < entries.len() {
            let commit_log_file = &mut ws.commit_log_file;
            let placed = self.with_queue_slot(
                &mut ws.queues,
                base.topic,
                base.queue_id,
                defer_new_file && i == 0,
                |mut queue_offset, file| {
                    let mut n = 0;
                    for (e, &(len, crc)) in entries[i..].iter().zip(&prepared[i..]) {
                        let phys =
                            self.commit_log
                                .append_with(commit_log_file, len, |buf, phys| {
                                    head.encode(buf, e, crc, queue_offset, phys)
                                })?;
                        ConsumeQueue::put_in_slot(
                            file,
                            CqEntry {
                                commit_log_offset: phys,
                                size: len as i32,
                                tags_code: e.tags_code,
                            },
                        );
                        out.push(AppendedMessage {
                            physical_offset: phys,
                            queue_offset,
                            wrote_bytes: len,
                        });
                        queue_offset += 1;
                        n += 1;
                        if file.is_full() {
                            break;
                        }
                    }
                    Ok(n)
                },
            )?;
            match placed {
                Some(n) => i += n,
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Waits (SYNC_FLUSH) until a flush covers `end`, or reports FLUSH_DISK_TIMEOUT after
    /// syncFlushTimeout. Err(NotWritable) as soon as a sync fails before covering `end`: the
    /// append must not be acknowledged. No timer per append: the logics flusher pokes waiters
    /// every flushIntervalConsumeQueue so they can notice the deadline (see
    /// flush::logics_flusher).
    pub(crate) async fn wait_flushed(&self, end: i64) -> Result<PutStatus> {
        if self.config.flush_disk_type != FlushDiskType::SyncFlush {
            return Ok(PutStatus::PutOk);
        }
        let mut rx = self.flushed.subscribe();
        if *rx.borrow_and_update() >= end {
            return Ok(PutStatus::PutOk);
        }
        // After subscribing: a failure recorded later wakes us (StoreInner::fail_writes).
        self.check_no_write_failure()?;
        self.sync_waiters_since_group
            .fetch_add(1, Ordering::Relaxed);
        self.flush_signal.notify();
        let deadline = Instant::now() + Duration::from_millis(self.config.sync_flush_timeout);
        loop {
            if rx.changed().await.is_err() {
                return Ok(PutStatus::FlushDiskTimeout);
            }
            if *rx.borrow_and_update() >= end {
                return Ok(PutStatus::PutOk);
            }
            self.check_no_write_failure()?;
            if Instant::now() >= deadline {
                return Ok(PutStatus::FlushDiskTimeout);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_found_only_as_a_whole_name() {
        assert_eq!(tags_of("TAGS\u{1}a\u{2}KEYS\u{1}k"), Some("a"));
        assert_eq!(tags_of("KEYS\u{1}k\u{2}TAGS\u{1}b"), Some("b"));
        assert_eq!(tags_of("XTAGS\u{1}x\u{2}TAGS\u{1}c\u{2}"), Some("c"));
        assert_eq!(tags_of("KEYS\u{1}TAGS\u{1}x"), None);
        assert_eq!(tags_of(""), None);
    }

    #[test]
    fn append_and_redispatch_agree_on_a_repeated_tags_property() {
        let props = "TAGS\u{1}first\u{2}TAGS\u{1}last";
        assert_eq!(tags_of(props), Some("last"));
        // What `dispatch` (recovery's re-dispatch) looks up.
        let [tags, _, _] =
            message::find_properties(props, [property::TAGS, property::UNIQ_KEY, property::KEYS]);
        assert_eq!(tags, tags_of(props));
    }
}
