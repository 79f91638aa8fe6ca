//! Index files (RocketMQ's IndexFile / IndexService) under index/: a hash table from
//! `topic#key` (each KEYS token and the UNIQ_KEY) to commit log offsets, with a time range.
//! Layout: 40-byte header {beginTimestamp, endTimestamp, beginPhyOffset, endPhyOffset i64;
//! hashSlotCount, indexCount i32}, then hash slots (i32 = newest entry number, 0 = empty), then
//! 20-byte entries {keyHash i32, phyOffset i64, timeDiff i32 (seconds), prevIndex i32}.

use super::error::{IoContext, Result, StoreError};
use super::message::{java_hash_bytes, java_hash_extend, sysflag};
use memmap2::MmapMut;
use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::sync::{RwLock, RwLockWriteGuard};

pub const INDEX_HEADER_SIZE: usize = 40;
const HASH_SLOT_SIZE: usize = 4;
const INDEX_SIZE: usize = 20;
/// Bytes of the newest entries that stay mapped when the index is flushed (see
/// `IndexFile::release_old_entries`).
const RESIDENT_ENTRY_BYTES: usize = 4 << 20;

/// The hash RocketMQ indexes `topic#key` by: |Java hash|, with i32::MIN mapped to 0.
pub fn index_key_hash(topic: &str, key: &str) -> i32 {
    let h = java_hash_extend(java_hash_extend(java_hash_extend(0, topic), "#"), key);
    h.checked_abs().unwrap_or(0)
}

/// The hash of `topic#`, which every key of the topic continues; None if not UTF-8.
fn topic_prefix_hash(topic: &[u8]) -> Option<i32> {
    java_hash_bytes(java_hash_bytes(0, topic)?, b"#")
}

#[derive(Debug, Clone, Copy, Default)]
struct IndexHeader {
    begin_timestamp: i64,
    end_timestamp: i64,
    begin_phy_offset: i64,
    end_phy_offset: i64,
    hash_slot_count: i32,
    index_count: i32,
}

struct IndexFile {
    path: PathBuf,
    map: MmapMut,
    slot_num: usize,
    index_num: usize,
    header: IndexHeader,
}

fn rd_i32(b: &[u8], at: usize) -> i32 {
    i32::from_be_bytes(b[at..at + 4].try_into().unwrap())
}
fn rd_i64(b: &[u8], at: usize) -> i64 {
    i64::from_be_bytes(b[at..at + 8].try_into().unwrap())
}

impl IndexFile {
    fn file_size(slot_num: usize, index_num: usize) -> usize {
        INDEX_HEADER_SIZE + slot_num * HASH_SLOT_SIZE + index_num * INDEX_SIZE
    }

    fn open(path: &Path, slot_num: usize, index_num: usize, create: bool) -> Result<IndexFile> {
        let size = Self::file_size(slot_num, index_num);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(create)
            .truncate(false)
            .open(path)
            .ctx("open", path)?;
        let len = file.metadata().ctx("stat", path)?.len();
        if len == 0 {
            // New, or created by a run that died before sizing it: an empty index file.
            file.set_len(size as u64).ctx("allocate", path)?;
            super::mapped_file::preallocate(&file, size);
        } else if len != size as u64 {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                reason: format!("index file size {len}, expected {size}"),
            });
        }
        // SAFETY: the store owns its directory; nobody truncates the file while mapped.
        let map = unsafe { MmapMut::map_mut(&file) }.ctx("mmap", path)?;
        let h = IndexHeader {
            begin_timestamp: rd_i64(&map, 0),
            end_timestamp: rd_i64(&map, 8),
            begin_phy_offset: rd_i64(&map, 16),
            end_phy_offset: rd_i64(&map, 24),
            hash_slot_count: rd_i32(&map, 32),
            index_count: rd_i32(&map, 36).max(1),
        };
        let mut f = IndexFile {
            path: path.to_path_buf(),
            map,
            slot_num,
            index_num,
            header: h,
        };
        f.write_header();
        Ok(f)
    }

    fn write_header(&mut self) {
        let h = self.header;
        let m = &mut self.map[..INDEX_HEADER_SIZE];
        m[0..8].copy_from_slice(&h.begin_timestamp.to_be_bytes());
        m[8..16].copy_from_slice(&h.end_timestamp.to_be_bytes());
        m[16..24].copy_from_slice(&h.begin_phy_offset.to_be_bytes());
        m[24..32].copy_from_slice(&h.end_phy_offset.to_be_bytes());
        m[32..36].copy_from_slice(&h.hash_slot_count.to_be_bytes());
        m[36..40].copy_from_slice(&h.index_count.to_be_bytes());
    }

    fn is_full(&self) -> bool {
        self.header.index_count as usize >= self.index_num
    }

    fn has_entries(&self) -> bool {
        self.header.index_count > 1
    }

    /// Unmaps the pages of the entries more than `keep` bytes behind the newest one (the hash
    /// slots stay mapped: every put touches them at random), so written entries stop counting
    /// toward the broker's resident memory; the page cache keeps them and a query maps them
    /// again (see `MappedFile::release_mapped_below`).
    fn release_old_entries(&self, keep: usize) {
        const PAGE: usize = 4096;
        let slots_end = INDEX_HEADER_SIZE + self.slot_num * HASH_SLOT_SIZE;
        let start = slots_end.div_ceil(PAGE) * PAGE;
        let written = slots_end + self.header.index_count.max(0) as usize * INDEX_SIZE;
        let end = written.saturating_sub(keep).min(self.map.len());
        let end = end - end % PAGE;
        if end > start {
            // SAFETY: a shared mapping of the file, where MADV_DONTNEED only unmaps pages.
            let _ = unsafe {
                self.map.unchecked_advise_range(
                    memmap2::UncheckedAdvice::DontNeed,
                    start,
                    end - start,
                )
            };
        }
    }

    fn put(&mut self, key_hash: i32, phy_offset: i64, store_timestamp: i64) {
        let slot_pos = INDEX_HEADER_SIZE + self.slot_of(key_hash) * HASH_SLOT_SIZE;
        let mut slot_value = rd_i32(&self.map, slot_pos);
        if slot_value <= 0 || slot_value > self.header.index_count {
            slot_value = 0;
        }
        let time_diff = if self.header.begin_timestamp <= 0 {
            0
        } else {
            (store_timestamp.saturating_sub(self.header.begin_timestamp) / 1000)
                .clamp(0, i32::MAX as i64) as i32
        };
        let at = INDEX_HEADER_SIZE
            + self.slot_num * HASH_SLOT_SIZE
            + self.header.index_count as usize * INDEX_SIZE;
        let m = &mut self.map[at..at + INDEX_SIZE];
        m[0..4].copy_from_slice(&key_hash.to_be_bytes());
        m[4..12].copy_from_slice(&phy_offset.to_be_bytes());
        m[12..16].copy_from_slice(&time_diff.to_be_bytes());
        m[16..20].copy_from_slice(&slot_value.to_be_bytes());
        let count = self.header.index_count;
        self.map[slot_pos..slot_pos + 4].copy_from_slice(&count.to_be_bytes());
        if count <= 1 {
            self.header.begin_phy_offset = phy_offset;
            self.header.begin_timestamp = store_timestamp;
        }
        // Both timestamps and the header's counts come from disk: a corrupt file saturates.
        if slot_value == 0 {
            self.header.hash_slot_count = self.header.hash_slot_count.saturating_add(1);
        }
        self.header.index_count += 1;
        self.header.end_phy_offset = phy_offset;
        self.header.end_timestamp = store_timestamp;
        self.write_header();
    }

    /// The hash slot of a (non-negative) key hash, as Java's `keyHash % hashSlotNum`; in 32
    /// bits when the slot count fits, where the division is several times cheaper.
    fn slot_of(&self, key_hash: i32) -> usize {
        let h = key_hash as u32;
        match u32::try_from(self.slot_num) {
            Ok(n) => (h % n) as usize,
            Err(_) => h as usize % self.slot_num,
        }
    }

    fn select(&self, key_hash: i32, max: usize, begin: i64, end: i64, out: &mut Vec<i64>) {
        let slot_pos = INDEX_HEADER_SIZE + self.slot_of(key_hash) * HASH_SLOT_SIZE;
        let count = self.header.index_count;
        let mut next = rd_i32(&self.map, slot_pos);
        if next <= 0 || next > count || count <= 1 {
            return;
        }
        // Bounded by index_num so a corrupt chain cannot loop forever.
        for _ in 0..self.index_num {
            if out.len() >= max {
                return;
            }
            let at =
                INDEX_HEADER_SIZE + self.slot_num * HASH_SLOT_SIZE + next as usize * INDEX_SIZE;
            if at + INDEX_SIZE > self.map.len() {
                return;
            }
            let hash = rd_i32(&self.map, at);
            let phy = rd_i64(&self.map, at + 4);
            let diff = rd_i32(&self.map, at + 12);
            let prev = rd_i32(&self.map, at + 16);
            if diff < 0 {
                return;
            }
            let time = self.header.begin_timestamp + diff as i64 * 1000;
            // Entries keep seconds only: widen the lower bound by the lost precision.
            if hash == key_hash && time >= begin - 999 && time <= end {
                out.push(phy);
            }
            if prev <= 0 || prev > count || prev == next || time < begin - 999 {
                return;
            }
            next = prev;
        }
    }

    fn flush(&self) -> Result<()> {
        self.map.flush().ctx("msync", &self.path)
    }
}

/// The index files of a store; the newest one takes new keys.
pub struct IndexService {
    dir: PathBuf,
    slot_num: usize,
    index_num: usize,
    files: RwLock<Vec<IndexFile>>,
}

/// Adds keys to the index, holding it locked for writing: a run of records takes the lock once.
pub struct IndexWriter<'a> {
    service: &'a IndexService,
    files: RwLockWriteGuard<'a, Vec<IndexFile>>,
    /// The last topic seen and the hash of `topic#`: records of a topic come in runs, and
    /// hashing the topic again for every key would be a third of the hashing.
    topic: Vec<u8>,
    topic_hash: Option<i32>,
}

impl IndexWriter<'_> {
    /// Indexes a record by its UNIQ_KEY and the space-separated tokens of its KEYS, unless it
    /// is a rolled-back transaction message. An index failure is logged, not returned: the
    /// record is stored either way.
    pub fn put_message_keys(
        &mut self,
        topic: &[u8],
        sys_flag: i32,
        phy_offset: i64,
        store_timestamp: i64,
        [uniq_key, keys]: [Option<&[u8]>; 2],
    ) {
        if sysflag::transaction_value(sys_flag) == sysflag::TRANSACTION_ROLLBACK_TYPE {
            return;
        }
        let keys = uniq_key
            .into_iter()
            .chain(keys.into_iter().flat_map(|k| k.split(|&b| b == b' ')))
            .filter(|k| !k.is_empty());
        if let Err(e) = self.put_keys(topic, keys, phy_offset, store_timestamp) {
            tracing::warn!("index put failed: {e}");
        }
    }

    /// Indexes `keys` of `topic` for the record at `phy_offset`. A record at or before the
    /// newest indexed one is skipped, so redispatch is harmless; a topic or key that is not
    /// UTF-8 (no record we wrote) is not indexed.
    pub fn put_keys<'k>(
        &mut self,
        topic: &[u8],
        keys: impl IntoIterator<Item = &'k [u8]>,
        phy_offset: i64,
        store_timestamp: i64,
    ) -> Result<()> {
        if let Some(f) = self.files.iter().rev().find(|f| f.has_entries())
            && phy_offset <= f.header.end_phy_offset
        {
            return Ok(());
        }
        if self.topic_hash.is_none() || self.topic != topic {
            self.topic.clear();
            self.topic.extend_from_slice(topic);
            self.topic_hash = topic_prefix_hash(topic);
        }
        let Some(prefix) = self.topic_hash else {
            return Ok(());
        };
        for key in keys {
            let Some(hash) = java_hash_bytes(prefix, key) else {
                continue;
            };
            if self.files.last().is_none_or(|f| f.is_full()) {
                let s = self.service;
                let mut ts = store_timestamp.max(1);
                let mut path = s.dir.join(index_file_name(ts));
                while path.exists() {
                    ts += 1;
                    path = s.dir.join(index_file_name(ts));
                }
                let f = IndexFile::open(&path, s.slot_num, s.index_num, true)?;
                self.files.push(f);
            }
            let f = self.files.last_mut().expect("just ensured");
            f.put(hash.checked_abs().unwrap_or(0), phy_offset, store_timestamp);
        }
        Ok(())
    }
}

/// Formats a timestamp (ms, UTC) as RocketMQ's index file name yyyyMMddHHmmssSSS.
pub fn index_file_name(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let millis = ms.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}{:02}{:02}{:02}{millis:03}",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    )
}

impl IndexService {
    pub fn load(dir: &Path, slot_num: usize, index_num: usize) -> Result<IndexService> {
        // Entry 0 is never used and the slot count divides: keep both sane.
        let (slot_num, index_num) = (slot_num.max(1), index_num.max(2));
        std::fs::create_dir_all(dir).ctx("create dir", dir)?;
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
            .ctx("read dir", dir)?
            .filter_map(|e| e.ok())
            .filter(|e| {
                e.file_name()
                    .to_str()
                    .is_some_and(|n| n.len() == 17 && n.bytes().all(|b| b.is_ascii_digit()))
            })
            .map(|e| e.path())
            .collect();
        names.sort();
        let mut files = Vec::new();
        for p in names {
            files.push(IndexFile::open(&p, slot_num, index_num, false)?);
        }
        Ok(IndexService {
            dir: dir.to_path_buf(),
            slot_num,
            index_num,
            files: RwLock::new(files),
        })
    }

    /// The commit log offset of the newest indexed record, or None if nothing is indexed.
    pub fn end_phy_offset(&self) -> Option<i64> {
        let files = self.files.read().unwrap_or_else(|e| e.into_inner());
        files
            .iter()
            .rev()
            .find(|f| f.has_entries())
            .map(|f| f.header.end_phy_offset)
    }

    /// Recovery: deletes index files holding entries at or past `commit_log_max` (dropped
    /// records); the dispatcher re-indexes from their begin offset. Returns that offset.
    pub fn truncate(&self, commit_log_max: i64) -> Result<Option<i64>> {
        let mut files = self.files.write().unwrap_or_else(|e| e.into_inner());
        let mut from = None;
        while let Some(f) = files.last() {
            if f.has_entries() && f.header.end_phy_offset >= commit_log_max {
                from = Some(f.header.begin_phy_offset);
                let f = files.pop().expect("checked non-empty");
                std::fs::remove_file(&f.path).ctx("delete", &f.path)?;
            } else {
                break;
            }
        }
        Ok(from)
    }

    /// Indexes `keys` of `topic` for the record at `phy_offset` (see `IndexWriter::put_keys`).
    pub fn put_keys<'k>(
        &self,
        topic: &str,
        keys: impl IntoIterator<Item = &'k str>,
        phy_offset: i64,
        store_timestamp: i64,
    ) -> Result<()> {
        self.writer().put_keys(
            topic.as_bytes(),
            keys.into_iter().map(str::as_bytes),
            phy_offset,
            store_timestamp,
        )
    }

    /// Takes the index for writing: queries wait while the writer lives, so keep it for a
    /// bounded run of records.
    pub fn writer(&self) -> IndexWriter<'_> {
        IndexWriter {
            service: self,
            files: self.files.write().unwrap_or_else(|e| e.into_inner()),
            topic: Vec::new(),
            topic_hash: None,
        }
    }

    /// Candidate commit log offsets for `topic#key` stored within [begin, end] (ms), newest
    /// first. Hash collisions are possible: callers check the record.
    pub fn query(&self, topic: &str, key: &str, max: usize, begin: i64, end: i64) -> Vec<i64> {
        let hash = index_key_hash(topic, key);
        let files = self.files.read().unwrap_or_else(|e| e.into_inner());
        let mut out = Vec::new();
        for f in files.iter().rev() {
            if out.len() >= max {
                break;
            }
            if !f.has_entries()
                || f.header.end_timestamp < begin - 999
                || f.header.begin_timestamp > end
            {
                continue;
            }
            f.select(hash, max, begin, end, &mut out);
        }
        out.dedup();
        out
    }

    /// Deletes index files (not the newest) whose entries all point below `commit_log_min`.
    pub fn delete_expired(&self, commit_log_min: i64) -> Result<usize> {
        let mut files = self.files.write().unwrap_or_else(|e| e.into_inner());
        let mut n = 0;
        while files.len() > 1 && files[0].header.end_phy_offset < commit_log_min {
            let f = files.remove(0);
            std::fs::remove_file(&f.path).ctx("delete", &f.path)?;
            n += 1;
        }
        Ok(n)
    }

    pub fn flush(&self) -> Result<()> {
        let files = self.files.read().unwrap_or_else(|e| e.into_inner());
        if let Some(f) = files.last() {
            f.flush()?;
        }
        for f in files.iter() {
            f.release_old_entries(RESIDENT_ENTRY_BYTES);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_is_calendar_time() {
        assert_eq!(index_file_name(0), "19700101000000000");
        assert_eq!(index_file_name(1_700_000_000_123), "20231114221320123");
    }

    #[test]
    fn released_entries_are_still_found() {
        let dir = tempfile::tempdir().unwrap();
        let idx = IndexService::load(dir.path(), 64, 2_000).unwrap();
        let t0 = 1_700_000_000_000;
        for i in 0..1_500i64 {
            let key = format!("k{}", i % 5);
            idx.put_keys("T", [key.as_str()], i * 100, t0 + i).unwrap();
        }
        let before = idx.query("T", "k3", 1_000, t0, t0 + 10_000);
        assert_eq!(before.len(), 300);
        for f in idx.files.read().unwrap().iter() {
            f.release_old_entries(0);
        }
        assert_eq!(idx.query("T", "k3", 1_000, t0, t0 + 10_000), before);
        idx.flush().unwrap();
        drop(idx);
        let idx = IndexService::load(dir.path(), 64, 2_000).unwrap();
        assert_eq!(idx.query("T", "k3", 1_000, t0, t0 + 10_000).len(), 300);
    }

    #[test]
    fn put_query_roll() {
        let dir = tempfile::tempdir().unwrap();
        let idx = IndexService::load(dir.path(), 7, 4).unwrap();
        let t0 = 1_700_000_000_000;
        for i in 0..10i64 {
            let key = format!("k{}", i % 3);
            idx.put_keys("T", [key.as_str()], i * 100, t0 + i * 1000)
                .unwrap();
        }
        let mut got = idx.query("T", "k1", 100, t0, t0 + 100_000);
        got.sort();
        assert_eq!(got, vec![100, 400, 700]);
        assert_eq!(
            idx.query("T", "k1", 100, t0 + 5000, t0 + 100_000),
            vec![700]
        );
        assert!(idx.query("U", "k1", 100, t0, t0 + 100_000).is_empty());
        assert_eq!(idx.end_phy_offset(), Some(900));
        drop(idx);
        let idx = IndexService::load(dir.path(), 7, 4).unwrap();
        assert_eq!(idx.query("T", "k0", 100, 0, i64::MAX).len(), 4);
    }

    #[test]
    fn a_writer_hashes_each_key_with_its_own_topic() {
        let dir = tempfile::tempdir().unwrap();
        let idx = IndexService::load(dir.path(), 101, 100).unwrap();
        let mut w = idx.writer();
        // Topics alternate, one of them not ASCII; a key that is not UTF-8 is left out.
        w.put_keys(b"A", [&b"k"[..]], 10, 1_000).unwrap();
        w.put_keys("B\u{e9}".as_bytes(), [&b"k"[..], b"\xff"], 20, 1_000)
            .unwrap();
        w.put_keys(b"A", [&b"k"[..], b"j"], 30, 1_000).unwrap();
        w.put_keys(b"A", [&b"k"[..]], 30, 1_000).unwrap();
        drop(w);
        assert_eq!(idx.query("A", "k", 10, 0, i64::MAX), vec![30, 10]);
        assert_eq!(idx.query("A", "j", 10, 0, i64::MAX), vec![30]);
        assert_eq!(idx.query("B\u{e9}", "k", 10, 0, i64::MAX), vec![20]);
        assert_eq!(
            index_key_hash("B\u{e9}", "k"),
            java_hash_bytes(topic_prefix_hash("B\u{e9}".as_bytes()).unwrap(), b"k")
                .unwrap()
                .abs()
        );
    }

    #[test]
    fn empty_file_left_by_a_crash_is_an_empty_index() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(index_file_name(1_700_000_000_000)), b"").unwrap();
        let idx = IndexService::load(dir.path(), 7, 4).unwrap();
        assert_eq!(idx.end_phy_offset(), None);
        idx.put_keys("T", ["k"], 5, 1_700_000_000_001).unwrap();
        assert_eq!(idx.query("T", "k", 10, 0, i64::MAX), vec![5]);
    }
}
