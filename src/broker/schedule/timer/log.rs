//! The timer's on-disk index: `<storePathRootDir>/timerlog/`, one append-only file per hour
//! of delivery time (named by the hour's start in epoch ms) holding a 24-byte entry per
//! message (slot ms, consume queue offset, commit log offset; big-endian), and `checkpoint`
//! (JSON: the consume queue offset enqueued up to and the read time delivered up to).
//!
//! Entries are buffered per open file and written out, then synced, before each checkpoint:
//! what the checkpoint covers is on disk, and what it does not is read again from the timer
//! topic's consume queue after a crash. A torn tail (a partial entry, or one whose slot is
//! not in the file's hour) is dropped when the file is read.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use super::state::{BUCKET_MS, TimerCheckpoint, TimerEntry, bucket_of};
use crate::store::StoreError;

/// Bytes of one entry in a bucket file.
pub const ENTRY_SIZE: usize = 24;

/// Files kept open for appending at once; more are closed (flushed) and reopened as needed.
const MAX_OPEN: usize = 256;

fn io<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

/// What `TimerLog::open` finds: the log, its checkpoint, entries per bucket (hour, count).
pub type Opened = (TimerLog, Option<TimerCheckpoint>, Vec<(i64, u64)>);

/// The bucket files and the checkpoint of one store.
pub struct TimerLog {
    dir: PathBuf,
    open: HashMap<i64, BufWriter<File>>,
    /// Buckets written since the last `sync`.
    dirty: Vec<i64>,
}

impl TimerLog {
    pub fn dir_of(store_root: &Path) -> PathBuf {
        store_root.join("timerlog")
    }

    /// Opens (creating) the directory; returns the log, the persisted checkpoint if any, and
    /// the entry count of every bucket file (by hour).
    pub fn open(store_root: &Path) -> Result<Opened, StoreError> {
        let dir = Self::dir_of(store_root);
        std::fs::create_dir_all(&dir).map_err(io("create dir", &dir))?;
        let ck_path = dir.join("checkpoint");
        let checkpoint = match std::fs::read(&ck_path) {
            Ok(bytes) => Some(
                serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt {
                    path: ck_path.clone(),
                    reason: e.to_string(),
                })?,
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io("read", &ck_path)(e)),
        };
        let mut buckets = Vec::new();
        for f in std::fs::read_dir(&dir).map_err(io("read dir", &dir))? {
            let f = f.map_err(io("read dir", &dir))?;
            let Some(start) = f.file_name().to_str().and_then(|n| n.parse::<i64>().ok()) else {
                continue;
            };
            let len = f.metadata().map_err(io("stat", &f.path()))?.len();
            buckets.push((bucket_of(start), len / ENTRY_SIZE as u64));
        }
        buckets.sort_unstable();
        let log = TimerLog {
            dir,
            open: HashMap::new(),
            dirty: Vec::new(),
        };
        Ok((log, checkpoint, buckets))
    }

    fn bucket_path(&self, hour: i64) -> PathBuf {
        self.dir.join(format!("{:013}", hour * BUCKET_MS))
    }

    /// Appends an entry to its hour's bucket (buffered until `sync`).
    pub fn append(&mut self, hour: i64, e: &TimerEntry) -> Result<(), StoreError> {
        if !self.open.contains_key(&hour) {
            if self.open.len() >= MAX_OPEN {
                self.flush_open()?;
                self.open.clear();
            }
            let path = self.bucket_path(hour);
            let f = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(io("open", &path))?;
            self.open
                .insert(hour, BufWriter::with_capacity(16 * 1024, f));
        }
        let w = self.open.get_mut(&hour).expect("just opened");
        let mut buf = [0u8; ENTRY_SIZE];
        buf[..8].copy_from_slice(&e.slot_ms.to_be_bytes());
        buf[8..16].copy_from_slice(&e.queue_offset.to_be_bytes());
        buf[16..].copy_from_slice(&e.phy_offset.to_be_bytes());
        if let Err(err) = w.write_all(&buf) {
            return Err(io("write", &self.bucket_path(hour))(err));
        }
        if !self.dirty.contains(&hour) {
            self.dirty.push(hour);
        }
        Ok(())
    }

    fn flush_open(&mut self) -> Result<(), StoreError> {
        for (hour, w) in &mut self.open {
            if let Err(e) = w.flush() {
                return Err(io(
                    "write",
                    &self.dir.join(format!("{:013}", hour * BUCKET_MS)),
                )(e));
            }
        }
        Ok(())
    }

    /// Writes out and syncs every bucket appended to, then persists `ck` (atomically: a new
    /// file renamed over the old), then deletes the buckets of hours before
    /// `delivered_before` (all delivered).
    pub fn checkpoint(
        &mut self,
        ck: &TimerCheckpoint,
        delivered_before: i64,
    ) -> Result<(), StoreError> {
        self.flush_open()?;
        for hour in std::mem::take(&mut self.dirty) {
            let path = self.bucket_path(hour);
            if let Some(w) = self.open.get(&hour) {
                w.get_ref().sync_data().map_err(io("fsync", &path))?;
            } else if let Ok(f) = File::open(&path) {
                f.sync_data().map_err(io("fsync", &path))?;
            }
        }
        let path = self.dir.join("checkpoint");
        let tmp = self.dir.join("checkpoint.tmp");
        let body = serde_json::to_vec(ck).expect("a checkpoint serializes");
        {
            let mut f = File::create(&tmp).map_err(io("create", &tmp))?;
            f.write_all(&body).map_err(io("write", &tmp))?;
            f.sync_data().map_err(io("fsync", &tmp))?;
        }
        std::fs::rename(&tmp, &path).map_err(io("rename", &path))?;
        self.open.retain(|m, _| *m >= delivered_before);
        for f in std::fs::read_dir(&self.dir).map_err(io("read dir", &self.dir))? {
            let f = f.map_err(io("read dir", &self.dir))?;
            let Some(start) = f.file_name().to_str().and_then(|n| n.parse::<i64>().ok()) else {
                continue;
            };
            if bucket_of(start) < delivered_before {
                let p = f.path();
                std::fs::remove_file(&p).map_err(io("delete", &p))?;
            }
        }
        Ok(())
    }

    /// Every entry of a bucket, in file order; a torn tail is left out.
    pub fn read_bucket(&mut self, hour: i64) -> Result<Vec<TimerEntry>, StoreError> {
        let path = self.bucket_path(hour);
        if let Some(w) = self.open.get_mut(&hour)
            && let Err(e) = w.flush()
        {
            return Err(io("write", &path)(e));
        }
        let mut bytes = Vec::new();
        match File::open(&path) {
            Ok(mut f) => f.read_to_end(&mut bytes).map_err(io("read", &path))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io("open", &path)(e)),
        };
        Ok(decode_bucket(&bytes, hour))
    }
}

/// The entries of a bucket file's bytes: whole entries whose slot lies in `hour` (the
/// rest of a file cut short, or zeros a crash left at its end, are not entries).
pub fn decode_bucket(bytes: &[u8], hour: i64) -> Vec<TimerEntry> {
    let be = |b: &[u8]| i64::from_be_bytes(b.try_into().expect("8 bytes"));
    bytes
        .chunks_exact(ENTRY_SIZE)
        .map(|c| TimerEntry {
            slot_ms: be(&c[..8]),
            queue_offset: be(&c[8..16]),
            phy_offset: be(&c[16..]),
        })
        .take_while(|e| bucket_of(e.slot_ms) == hour && e.queue_offset >= 0 && e.phy_offset >= 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_800_000_000_000;

    fn e(slot_ms: i64, q: i64) -> TimerEntry {
        TimerEntry {
            slot_ms,
            queue_offset: q,
            phy_offset: q * 100,
        }
    }

    #[test]
    fn entries_survive_a_reopen_after_a_checkpoint() {
        let dir = tempfile::tempdir().unwrap();
        let (mut log, ck, buckets) = TimerLog::open(dir.path()).unwrap();
        assert_eq!((ck, buckets.len()), (None, 0));
        let m = bucket_of(T0);
        for q in 0..1000 {
            let slot = T0 + (q % 3) * BUCKET_MS;
            log.append(bucket_of(slot), &e(slot, q)).unwrap();
        }
        let ck = TimerCheckpoint {
            queue_offset: 1000,
            read_time_ms: T0,
        };
        log.checkpoint(&ck, m).unwrap();
        drop(log);
        let (mut log, got, buckets) = TimerLog::open(dir.path()).unwrap();
        assert_eq!(got, Some(ck));
        assert_eq!(buckets, vec![(m, 334), (m + 1, 333), (m + 2, 333)]);
        let b1 = log.read_bucket(m + 1).unwrap();
        assert_eq!(b1.len(), 333);
        assert_eq!(b1[0], e(T0 + BUCKET_MS, 1));
        // Hours wholly delivered are deleted with the checkpoint that says so.
        log.checkpoint(&ck, m + 2).unwrap();
        let (_, _, buckets) = TimerLog::open(dir.path()).unwrap();
        assert_eq!(buckets, vec![(m + 2, 333)]);
    }

    #[test]
    fn a_torn_tail_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let (mut log, _, _) = TimerLog::open(dir.path()).unwrap();
        let m = bucket_of(T0);
        for q in 0..3 {
            log.append(m, &e(T0 + q * 1000, q)).unwrap();
        }
        log.checkpoint(
            &TimerCheckpoint {
                queue_offset: 3,
                read_time_ms: T0,
            },
            m,
        )
        .unwrap();
        let path = TimerLog::dir_of(dir.path()).join(format!("{:013}", T0));
        let mut bytes = std::fs::read(&path).unwrap();
        // Half an entry, as a crash mid-write leaves it.
        let mut torn = bytes.clone();
        torn.extend_from_slice(&e(T0, 9).slot_ms.to_be_bytes()[..5]);
        assert_eq!(decode_bucket(&torn, m).len(), 3);
        // Zeros where the file grew but the data never landed.
        bytes.extend_from_slice(&[0u8; ENTRY_SIZE * 2]);
        std::fs::write(&path, &bytes).unwrap();
        let (mut log, _, _) = TimerLog::open(dir.path()).unwrap();
        assert_eq!(
            log.read_bucket(m).unwrap(),
            vec![e(T0, 0), e(T0 + 1000, 1), e(T0 + 2000, 2)]
        );
        // An entry from another hour is not one of this bucket's.
        let mut wrong = bytes[..ENTRY_SIZE].to_vec();
        wrong[..8].copy_from_slice(&(T0 + BUCKET_MS).to_be_bytes());
        assert!(decode_bucket(&wrong, m).is_empty());
    }
}
