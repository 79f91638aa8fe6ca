//! Consume queues (RocketMQ's ConsumeQueue): per topic and queue id, a stream of 20-byte
//! entries {commit log offset i64, size i32, tags code i64} indexed by queue offset, under
//! consumequeue/<topic>/<queueId>/. They are derived data: the dispatcher writes them from the
//! commit log and recovery can rebuild them from it.

use super::error::{IoContext, Result, StoreError};
use super::fault::Faults;
use super::mapped_file::MappedFile;
use super::mapped_file_queue::MappedFileQueue;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};

/// The smallest commit log record recovery accepts (fixed fields with IPv4 hosts, nothing
/// else; see `message::check_and_decode`).
const MIN_RECORD_SIZE: i64 = 91;

/// Bytes per consume queue entry.
pub const CQ_STORE_UNIT_SIZE: usize = 20;

/// One consume queue entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CqEntry {
    pub commit_log_offset: i64,
    pub size: i32,
    pub tags_code: i64,
}

impl CqEntry {
    fn decode(b: &[u8]) -> CqEntry {
        CqEntry {
            commit_log_offset: i64::from_be_bytes(b[0..8].try_into().unwrap()),
            size: i32::from_be_bytes(b[8..12].try_into().unwrap()),
            tags_code: i64::from_be_bytes(b[12..20].try_into().unwrap()),
        }
    }
    fn encode(&self, b: &mut [u8]) {
        b[0..8].copy_from_slice(&self.commit_log_offset.to_be_bytes());
        b[8..12].copy_from_slice(&self.size.to_be_bytes());
        b[12..20].copy_from_slice(&self.tags_code.to_be_bytes());
    }
    /// The filler RocketMQ writes for queue offsets that have no message (fillPreBlank).
    pub fn is_blank(&self) -> bool {
        self.size == i32::MAX
    }
    /// A written entry, as opposed to the zeroes of unwritten space.
    pub fn is_valid(&self) -> bool {
        self.commit_log_offset >= 0 && self.size > 0
    }
    fn blank() -> CqEntry {
        CqEntry {
            commit_log_offset: 0,
            size: i32::MAX,
            tags_code: 0,
        }
    }
}

pub struct ConsumeQueue {
    topic: String,
    queue_id: i32,
    files: MappedFileQueue,
    /// Queue offsets below this point at commit log data already deleted.
    min_logic_offset: AtomicI64,
}

impl ConsumeQueue {
    pub fn load(
        root: &Path,
        topic: &str,
        queue_id: i32,
        file_size: usize,
        writable: bool,
    ) -> Result<ConsumeQueue> {
        Self::load_with(root, topic, queue_id, file_size, writable, None)
    }

    /// `load`, with failures injected into the system calls of its files.
    pub(crate) fn load_with(
        root: &Path,
        topic: &str,
        queue_id: i32,
        file_size: usize,
        writable: bool,
        faults: Faults,
    ) -> Result<ConsumeQueue> {
        let dir = root.join(topic).join(queue_id.to_string());
        Ok(ConsumeQueue {
            topic: topic.to_string(),
            queue_id,
            files: MappedFileQueue::load_with(&dir, file_size, writable, faults)?
                .with_sparse_files(),
            min_logic_offset: AtomicI64::new(0),
        })
    }

    pub fn topic(&self) -> &str {
        &self.topic
    }
    pub fn queue_id(&self) -> i32 {
        self.queue_id
    }
    pub fn files(&self) -> &MappedFileQueue {
        &self.files
    }

    /// The queue offset the next message gets (RocketMQ's max offset).
    pub fn max_offset(&self) -> i64 {
        self.files.max_offset() / CQ_STORE_UNIT_SIZE as i64
    }

    /// The first queue offset still readable.
    pub fn min_offset(&self) -> i64 {
        (self.files.min_offset() / CQ_STORE_UNIT_SIZE as i64)
            .max(self.min_logic_offset.load(Ordering::Acquire))
            .min(self.max_offset())
    }

    /// Writes the entry for `queue_offset`. Offsets already present are left alone, so that
    /// redispatching the commit log is harmless; a gap is filled with blank entries. Writer only.
    ///
    /// The queue offset comes from a commit log record (recovery, a slave's replicated bytes),
    /// so it is checked: each entry of a gap stands for a record of at least
    /// `MIN_RECORD_SIZE` bytes before this one, and a gap the commit log cannot hold is refused
    /// rather than filled with blank files up to it.
    pub fn put(&self, queue_offset: i64, entry: CqEntry) -> Result<()> {
        let unit = CQ_STORE_UNIT_SIZE as i64;
        let bad = || {
            StoreError::BadMessage(format!(
                "queue offset {queue_offset} of {}:{} at commit log offset {} is out of range",
                self.topic, self.queue_id, entry.commit_log_offset
            ))
        };
        let want = queue_offset
            .checked_mul(unit)
            .filter(|w| *w >= 0)
            .ok_or_else(bad)?;
        let gap = queue_offset.saturating_sub(self.max_offset());
        if !self.files.is_empty() && gap.saturating_mul(MIN_RECORD_SIZE) > entry.commit_log_offset {
            return Err(bad());
        }
        if self.files.is_empty() {
            let f = self.files.last_or_create(want)?;
            let start = (want - f.file_from_offset()) as usize;
            fill_blanks(&f, 0, start);
            f.set_wrote_position(start);
            self.min_logic_offset.store(queue_offset, Ordering::Release);
        }
        loop {
            let max = self.files.max_offset();
            if want < max {
                return Ok(());
            }
            let f = self.files.last_or_create(want)?;
            let pos = f.wrote_position();
            if want > f.file_from_offset() + pos as i64 {
                // Gap: fill to the end of this file or up to the wanted entry.
                let to = ((want - f.file_from_offset()) as usize).min(f.file_size());
                fill_blanks(&f, pos, to);
                f.set_wrote_position(to);
                continue;
            }
            // SAFETY: single writer, region at wrote_position.
            entry.encode(unsafe { f.write_region(pos, CQ_STORE_UNIT_SIZE) });
            f.set_wrote_position(pos + CQ_STORE_UNIT_SIZE);
            return Ok(());
        }
    }

    /// The append path's slot: the queue offset the next message gets and the file with room
    /// for its entry, created if needed, so that writing the entry after the commit log record
    /// cannot fail. Writer only.
    pub fn next_slot(&self) -> Result<(i64, Arc<MappedFile>)> {
        let f = match self.files.last() {
            Some(f) if !f.is_full() => f,
            _ => self.files.last_or_create(self.files.max_offset())?,
        };
        let at = f.file_from_offset() + f.wrote_position() as i64;
        Ok((at / CQ_STORE_UNIT_SIZE as i64, f))
    }

    /// Whether the next entry's file exists with room (else `next_slot` would create one).
    pub fn has_next_file(&self) -> bool {
        self.files.last().is_some_and(|f| !f.is_full())
    }

    /// Creates the file the next entry goes into, if it is missing, and faults in its first
    /// page, so that the writer does neither under its lock (a fresh queue's first message, a
    /// roll-over). May run beside the writer: only a missing or full last file is replaced.
    pub fn prepare_next_file(&self) -> Result<()> {
        if !self.has_next_file() {
            let f = self.files.last_or_create(self.files.max_offset())?;
            f.prefault_page_at(f.wrote_position());
        }
        Ok(())
    }

    /// Writes the entry into the slot `next_slot` returned. Writer only.
    pub fn put_in_slot(file: &MappedFile, entry: CqEntry) {
        let pos = file.wrote_position();
        // SAFETY: single writer, region at wrote_position (room checked by next_slot).
        entry.encode(unsafe { file.write_region(pos, CQ_STORE_UNIT_SIZE) });
        file.set_wrote_position(pos + CQ_STORE_UNIT_SIZE);
    }

    /// The entry at `queue_offset`, if written.
    pub fn get(&self, queue_offset: i64) -> Option<CqEntry> {
        let at = queue_offset.checked_mul(CQ_STORE_UNIT_SIZE as i64)?;
        let f = self.files.find(at)?;
        let b = f.read((at - f.file_from_offset()) as usize, CQ_STORE_UNIT_SIZE)?;
        Some(CqEntry::decode(b))
    }

    /// Calls `f(queue_offset, entry)` for entries from `queue_offset` on until it returns false
    /// or the written entries end. One file lookup per file, not per entry.
    pub fn for_each_from(&self, mut queue_offset: i64, mut f: impl FnMut(i64, CqEntry) -> bool) {
        let unit = CQ_STORE_UNIT_SIZE as i64;
        loop {
            let at = queue_offset * unit;
            let Some(file) = self.files.find(at) else {
                return;
            };
            let start = (at - file.file_from_offset()) as usize;
            let end = file.wrote_position();
            if start >= end {
                return;
            }
            let Some(buf) = file.read(start, end - start) else {
                return;
            };
            for chunk in buf.chunks_exact(CQ_STORE_UNIT_SIZE) {
                if !f(queue_offset, CqEntry::decode(chunk)) {
                    return;
                }
                queue_offset += 1;
            }
            if end < file.file_size() {
                return;
            }
        }
    }

    /// Recovery: finds the end of the written entries (scanning the last files as RocketMQ
    /// does), then drops entries pointing at or past `commit_log_max`.
    pub fn recover(&self, commit_log_max: i64) -> Result<()> {
        let files = self.files.files();
        let mut end = files.first().map(|f| f.file_from_offset()).unwrap_or(0);
        for f in files.iter() {
            let buf = f.read(0, f.file_size()).unwrap_or(&[]);
            let mut pos = 0;
            // A file may start with fillPreBlank entries; skip zeroes only before any entry.
            while pos + CQ_STORE_UNIT_SIZE <= buf.len() {
                let e = CqEntry::decode(&buf[pos..pos + CQ_STORE_UNIT_SIZE]);
                if !(e.is_valid() || e.is_blank()) {
                    break;
                }
                if !e.is_blank() && e.commit_log_offset + e.size as i64 > commit_log_max {
                    break;
                }
                pos += CQ_STORE_UNIT_SIZE;
            }
            end = f.file_from_offset() + pos as i64;
            if pos < f.file_size() {
                break;
            }
        }
        self.files.truncate_dirty(end)?;
        self.min_logic_offset.store(
            self.files.min_offset() / CQ_STORE_UNIT_SIZE as i64,
            Ordering::Release,
        );
        Ok(())
    }

    /// The end (offset + size) in the commit log of the last entry, or 0 if none.
    pub fn last_commit_log_end(&self) -> i64 {
        let max = self.max_offset();
        let mut q = max - 1;
        while q >= self.min_offset() {
            match self.get(q) {
                Some(e) if e.is_valid() && !e.is_blank() => {
                    return e.commit_log_offset + e.size as i64;
                }
                Some(_) => q -= 1,
                None => return 0,
            }
        }
        0
    }

    /// Moves the min offset past entries pointing below `commit_log_min` (deleted data).
    pub fn correct_min_offset(&self, commit_log_min: i64) {
        let mut min = self.min_offset();
        self.for_each_from(min, |q, e| {
            if e.is_blank() || e.commit_log_offset < commit_log_min {
                min = q + 1;
                true
            } else {
                min = q;
                false
            }
        });
        self.min_logic_offset.store(min, Ordering::Release);
    }

    /// Deletes leading files whose every entry points below `commit_log_min`.
    pub fn delete_expired(&self, commit_log_min: i64) -> Result<usize> {
        let n = self.files.delete_leading(usize::MAX, |f: &MappedFile| {
            let last = f.file_size() - CQ_STORE_UNIT_SIZE;
            match f.read(last, CQ_STORE_UNIT_SIZE) {
                Some(b) => {
                    let e = CqEntry::decode(b);
                    e.is_valid() && !e.is_blank() && e.commit_log_offset < commit_log_min
                }
                None => false,
            }
        })?;
        self.correct_min_offset(commit_log_min);
        Ok(n)
    }

    pub fn flush(&self) -> Result<i64> {
        self.files.flush()
    }
}

fn fill_blanks(f: &MappedFile, from: usize, to: usize) {
    let blank = CqEntry::blank();
    let mut p = from;
    while p + CQ_STORE_UNIT_SIZE <= to {
        // SAFETY: single writer, region at or past wrote_position.
        blank.encode(unsafe { f.write_region(p, CQ_STORE_UNIT_SIZE) });
        p += CQ_STORE_UNIT_SIZE;
    }
}

/// A fast hash for the append path's per-message queue lookup (topic names are validated by
/// the broker and few, so hash flooding is not a concern here).
pub(crate) type QueueHash = foldhash::fast::FixedState;
type QueueMap = HashMap<String, HashMap<i32, Arc<ConsumeQueue>, QueueHash>, QueueHash>;

/// All consume queues of the store, by topic and queue id.
pub struct ConsumeQueueTable {
    root: PathBuf,
    file_size: usize,
    writable: bool,
    queues: RwLock<QueueMap>,
    /// The test seam: failures to inject into the queues' files' system calls.
    faults: Faults,
}

impl ConsumeQueueTable {
    /// Loads every consumequeue/<topic>/<queueId> directory found.
    pub fn load(root: &Path, file_size: usize, writable: bool) -> Result<ConsumeQueueTable> {
        Self::load_with(root, file_size, writable, None)
    }

    /// `load`, with failures injected into the system calls of the queues' files.
    pub(crate) fn load_with(
        root: &Path,
        file_size: usize,
        writable: bool,
        faults: Faults,
    ) -> Result<ConsumeQueueTable> {
        let mut map: QueueMap = HashMap::default();
        if root.exists() {
            for t in std::fs::read_dir(root).ctx("read dir", root)? {
                let t = t.ctx("read dir", root)?;
                let Some(topic) = t.file_name().to_str().map(str::to_string) else {
                    continue;
                };
                if !t.path().is_dir() {
                    continue;
                }
                for q in std::fs::read_dir(t.path()).ctx("read dir", &t.path())? {
                    let q = q.ctx("read dir", &t.path())?;
                    let Some(qid) = q.file_name().to_str().and_then(|s| s.parse::<i32>().ok())
                    else {
                        continue;
                    };
                    let cq = ConsumeQueue::load_with(
                        root,
                        &topic,
                        qid,
                        file_size,
                        writable,
                        faults.clone(),
                    )?;
                    map.entry(topic.clone())
                        .or_default()
                        .insert(qid, Arc::new(cq));
                }
            }
        } else if writable {
            std::fs::create_dir_all(root).ctx("create dir", root)?;
        }
        Ok(ConsumeQueueTable {
            root: root.to_path_buf(),
            file_size,
            writable,
            queues: RwLock::new(map),
            faults,
        })
    }

    pub fn find(&self, topic: &str, queue_id: i32) -> Option<Arc<ConsumeQueue>> {
        let q = self.queues.read().unwrap_or_else(|e| e.into_inner());
        q.get(topic)?.get(&queue_id).cloned()
    }

    /// The queue, created (empty, no files yet) if new.
    ///
    /// The topic names a directory, and comes from a commit log record (recovery, a slave's
    /// replicated bytes): one that is not a single path component is refused, so that a
    /// corrupt record cannot put a queue outside consumequeue/.
    pub fn find_or_create(&self, topic: &str, queue_id: i32) -> Result<Arc<ConsumeQueue>> {
        if let Some(cq) = self.find(topic, queue_id) {
            return Ok(cq);
        }
        if topic.is_empty() || topic == "." || topic == ".." || topic.contains(['/', '\0']) {
            return Err(StoreError::BadMessage(format!(
                "topic {topic:?} cannot name a consume queue directory"
            )));
        }
        let mut q = self.queues.write().unwrap_or_else(|e| e.into_inner());
        let per_topic = q.entry(topic.to_string()).or_default();
        if let Some(cq) = per_topic.get(&queue_id) {
            return Ok(cq.clone());
        }
        let cq = Arc::new(ConsumeQueue::load_with(
            &self.root,
            topic,
            queue_id,
            self.file_size,
            self.writable,
            self.faults.clone(),
        )?);
        per_topic.insert(queue_id, cq.clone());
        Ok(cq)
    }

    /// The topics that have queues.
    pub fn topics(&self) -> Vec<String> {
        let q = self.queues.read().unwrap_or_else(|e| e.into_inner());
        q.keys().cloned().collect()
    }

    /// Takes out of the table every topic `drop` says yes to, with its queues, and deletes
    /// their files and directories. Readers still holding a queue see it empty.
    pub fn remove_topics(&self, drop: impl Fn(&str) -> bool) -> Result<Vec<String>> {
        let removed: Vec<(String, Vec<Arc<ConsumeQueue>>)> = {
            let mut q = self.queues.write().unwrap_or_else(|e| e.into_inner());
            let names: Vec<String> = q.keys().filter(|t| drop(t)).cloned().collect();
            names
                .into_iter()
                .filter_map(|t| q.remove(&t).map(|m| (t, m.into_values().collect())))
                .collect()
        };
        let mut names = Vec::with_capacity(removed.len());
        for (topic, queues) in removed {
            for cq in queues {
                cq.files.destroy()?;
            }
            let dir = self.root.join(&topic);
            match std::fs::remove_dir_all(&dir) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(e).ctx("delete dir", &dir);
                }
                _ => {}
            }
            names.push(topic);
        }
        names.sort();
        Ok(names)
    }

    /// Every queue, sorted by topic and queue id.
    pub fn all(&self) -> Vec<Arc<ConsumeQueue>> {
        let q = self.queues.read().unwrap_or_else(|e| e.into_inner());
        let mut v: Vec<_> = q.values().flat_map(|m| m.values().cloned()).collect();
        v.sort_by(|a, b| (a.topic(), a.queue_id()).cmp(&(b.topic(), b.queue_id())));
        v
    }

    /// Queue ids of a topic.
    pub fn queue_ids(&self, topic: &str) -> Vec<i32> {
        let q = self.queues.read().unwrap_or_else(|e| e.into_inner());
        let mut v: Vec<i32> = q
            .get(topic)
            .map(|m| m.keys().copied().collect())
            .unwrap_or_default();
        v.sort();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(off: i64) -> CqEntry {
        CqEntry {
            commit_log_offset: off,
            size: 100,
            tags_code: 7,
        }
    }

    #[test]
    fn put_get_roll_and_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let cq = ConsumeQueue::load(dir.path(), "T", 0, 60, true).unwrap();
        for i in 0..7 {
            cq.put(i, e(i * 100)).unwrap();
        }
        cq.put(3, e(999)).unwrap();
        assert_eq!(cq.max_offset(), 7);
        assert_eq!(cq.get(3), Some(e(300)));
        assert_eq!(cq.files().files().len(), 3);
        let mut seen = vec![];
        cq.for_each_from(1, |q, x| {
            seen.push((q, x.commit_log_offset));
            true
        });
        assert_eq!(seen.len(), 6);
        assert_eq!(seen[5], (6, 600));
        cq.recover(450).unwrap();
        assert_eq!(cq.max_offset(), 4);
        assert_eq!(cq.last_commit_log_end(), 400);
    }

    #[test]
    fn first_put_past_zero_fills_blanks() {
        let dir = tempfile::tempdir().unwrap();
        let cq = ConsumeQueue::load(dir.path(), "T", 1, 100, true).unwrap();
        cq.put(7, e(0)).unwrap();
        assert_eq!(cq.max_offset(), 8);
        assert_eq!(cq.min_offset(), 7);
        assert!(cq.get(5).unwrap().is_blank());
    }

    #[test]
    fn a_gap_the_commit_log_cannot_hold_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let cq = ConsumeQueue::load(dir.path(), "T", 1, 100, true).unwrap();
        cq.put(0, e(0)).unwrap();
        // Three missing entries need three records of at least 91 bytes before offset 400.
        cq.put(4, e(400)).unwrap();
        assert!(cq.get(2).unwrap().is_blank());
        assert!(cq.put(1_000_000_000, e(500)).is_err());
        assert!(cq.put(i64::MAX / 4, e(500)).is_err());
        assert!(cq.put(-1, e(500)).is_err());
        assert_eq!(cq.max_offset(), 5);
        assert_eq!(cq.files().files().len(), 1);
    }

    #[test]
    fn a_topic_that_is_not_one_path_component_gets_no_queue() {
        let dir = tempfile::tempdir().unwrap();
        let t = ConsumeQueueTable::load(dir.path(), 100, true).unwrap();
        for bad in ["", ".", "..", "a/b", "../x", "a\0b"] {
            assert!(t.find_or_create(bad, 0).is_err(), "{bad:?}");
        }
        assert!(t.find_or_create("%RETRY%g", 0).is_ok());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
