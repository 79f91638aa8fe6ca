//! A directory of equally sized mapped files forming one logical byte stream (RocketMQ's
//! MappedFileQueue): lookup by offset, roll-over, flush, dirty-tail truncation and expiry.

use super::error::{IoContext, Result};
use super::fault::Faults;
use super::mapped_file::{MappedFile, WarmStats, file_name};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};

/// Files at least this large (the default commit log's, not the tiny ones of tests) of a queue
/// that warms its files are pre-faulted when created.
const WARM_MIN_FILE_SIZE: usize = 1 << 20;
/// Pre-faulted before a new file is used (at most an eighth of it).
const WARM_SYNC_BYTES: usize = 8 << 20;

pub struct MappedFileQueue {
    dir: PathBuf,
    file_size: usize,
    files: RwLock<Vec<Arc<MappedFile>>>,
    /// Stream offset up to which everything has been synced.
    flushed_where: AtomicI64,
    /// Whether files being appended to are write-behind (the commit log's with SYNC_FLUSH).
    write_behind: bool,
    /// Whether new files are pre-faulted ahead of the writer (the commit log's, as RocketMQ's
    /// warmMappedFile; never a consume queue's: a topic of 1,024 queues would fault in and
    /// write back 6 GB of zeroes, with a thread per file).
    warm: bool,
    /// How far the background pre-faulting runs ahead of the writer.
    warm_ahead: usize,
    /// What pre-faulting new files has cost.
    warm_stats: Arc<WarmStats>,
    /// Whether files are sparse and read without readahead (a consume queue's; see
    /// `with_sparse_files`).
    sparse: bool,
    /// Serialises creating the next file, so that one made ahead of the writer, outside its
    /// lock (`ConsumeQueue::prepare_next_file`), is never made twice.
    creating: std::sync::Mutex<()>,
    /// The test seam: failures to inject into the files' system calls.
    faults: Faults,
}

fn parse_name(name: &str) -> Option<i64> {
    if name.len() == 20 && name.bytes().all(|b| b.is_ascii_digit()) {
        name.parse().ok()
    } else {
        None
    }
}

/// Lists `dir`'s files named by offset, in offset order (missing dir: none).
pub fn list_offset_files(dir: &Path) -> Result<Vec<(i64, PathBuf)>> {
    let mut v = Vec::new();
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(v),
        Err(e) => return Err(e).ctx("read dir", dir),
    };
    for e in rd {
        let e = e.ctx("read dir", dir)?;
        if let Some(off) = e.file_name().to_str().and_then(parse_name) {
            v.push((off, e.path()));
        }
    }
    v.sort();
    Ok(v)
}

impl MappedFileQueue {
    /// Maps every existing file of `dir`; positions start at file ends until recovery sets them.
    pub fn load(dir: &Path, file_size: usize, writable: bool) -> Result<MappedFileQueue> {
        Self::load_with(dir, file_size, writable, None)
    }

    /// `load`, with failures injected into the system calls of its files.
    pub(crate) fn load_with(
        dir: &Path,
        file_size: usize,
        writable: bool,
        faults: Faults,
    ) -> Result<MappedFileQueue> {
        if writable {
            std::fs::create_dir_all(dir).ctx("create dir", dir)?;
        }
        let mut files = Vec::new();
        for (off, path) in list_offset_files(dir)? {
            files.push(Arc::new(MappedFile::open_with(
                &path,
                off,
                file_size,
                writable,
                faults.clone(),
            )?));
        }
        let flushed = files
            .last()
            .map(|f| f.file_from_offset() + file_size as i64)
            .unwrap_or(0);
        Ok(MappedFileQueue {
            dir: dir.to_path_buf(),
            file_size,
            files: RwLock::new(files),
            flushed_where: AtomicI64::new(flushed),
            write_behind: false,
            warm: false,
            warm_ahead: 0,
            warm_stats: Arc::default(),
            sparse: false,
            creating: std::sync::Mutex::new(()),
            faults,
        })
    }

    /// Files are not reserved on disk and are mapped without readahead, as fits a consume
    /// queue: 20-byte entries fill a 6 MB file over hours, so a reservation would take
    /// gigabytes for a topic of many empty queues, and readahead would make the first entry of
    /// a new file fault in (zero-fill) a window of pages it does not need yet. Java's
    /// RocketMQ neither reserves nor pre-faults consume queue files.
    pub fn with_sparse_files(mut self) -> MappedFileQueue {
        self.sparse = true;
        for f in self.read_files().iter() {
            f.advise_random();
        }
        self
    }

    /// Pre-faults large new files, and keeps `ahead` bytes in front of the writer pre-faulted
    /// (see `MappedFile::warm`).
    pub fn with_warming(mut self, ahead: usize) -> MappedFileQueue {
        self.warm = true;
        self.warm_ahead = ahead;
        self
    }

    /// Makes the files appended to write-behind (see mapped_file).
    pub fn with_write_behind(mut self) -> MappedFileQueue {
        self.write_behind = true;
        self
    }

    fn prepare_for_appends(&self, f: &MappedFile) {
        if self.write_behind {
            f.start_write_behind();
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
    pub fn file_size(&self) -> usize {
        self.file_size
    }

    fn read_files(&self) -> std::sync::RwLockReadGuard<'_, Vec<Arc<MappedFile>>> {
        self.files.read().unwrap_or_else(|e| e.into_inner())
    }
    fn write_files(&self) -> std::sync::RwLockWriteGuard<'_, Vec<Arc<MappedFile>>> {
        self.files.write().unwrap_or_else(|e| e.into_inner())
    }

    /// A snapshot of the files, oldest first.
    pub fn files(&self) -> Vec<Arc<MappedFile>> {
        self.read_files().clone()
    }
    pub fn first(&self) -> Option<Arc<MappedFile>> {
        self.read_files().first().cloned()
    }
    pub fn last(&self) -> Option<Arc<MappedFile>> {
        self.read_files().last().cloned()
    }
    pub fn is_empty(&self) -> bool {
        self.read_files().is_empty()
    }

    /// Offset of the first byte still on disk.
    pub fn min_offset(&self) -> i64 {
        self.first().map(|f| f.file_from_offset()).unwrap_or(0)
    }

    /// Offset just past the last published byte.
    pub fn max_offset(&self) -> i64 {
        self.last()
            .map(|f| f.file_from_offset() + f.wrote_position() as i64)
            .unwrap_or(0)
    }

    pub fn flushed_where(&self) -> i64 {
        self.flushed_where.load(Ordering::Acquire)
    }

    /// The file holding stream offset `offset`, if still present.
    pub fn find(&self, offset: i64) -> Option<Arc<MappedFile>> {
        let files = self.read_files();
        let first = files.first()?.file_from_offset();
        if offset < first {
            return None;
        }
        let i = ((offset - first) / self.file_size as i64) as usize;
        let f = files.get(i)?;
        // Files are contiguous unless someone removed one by hand: fall back to a search.
        if f.file_from_offset() <= offset && offset < f.file_from_offset() + self.file_size as i64 {
            return Some(f.clone());
        }
        files
            .iter()
            .find(|f| {
                f.file_from_offset() <= offset
                    && offset < f.file_from_offset() + self.file_size as i64
            })
            .cloned()
    }

    /// Creates and appends the file starting at `from` (roll-over). Writer only.
    ///
    /// Large files are pre-faulted (RocketMQ's warmMappedFile) so that the writer does not
    /// take a page fault per page: the head now, the rest by a thread that runs a bounded
    /// distance ahead of the writer.
    pub fn create_file(&self, from: i64) -> Result<Arc<MappedFile>> {
        let f = Arc::new(MappedFile::create_with(
            &self.dir,
            from,
            self.file_size,
            !self.sparse,
            self.faults.clone(),
        )?);
        if self.sparse {
            f.advise_random();
        }
        self.prepare_for_appends(&f);
        self.write_files().push(f.clone());
        if self.warm && self.file_size >= WARM_MIN_FILE_SIZE {
            f.warm(0, WARM_SYNC_BYTES.min(self.file_size / 8), &self.warm_stats);
            self.warm_in_background(&f);
        }
        Ok(f)
    }

    fn warm_in_background(&self, f: &Arc<MappedFile>) {
        if self.warm_ahead == 0 {
            return;
        }
        let (w, stats, ahead) = (f.clone(), self.warm_stats.clone(), self.warm_ahead);
        let _ = std::thread::Builder::new()
            .name("mq-warm-mapped-file".into())
            .spawn(move || w.warm_ahead(ahead, &stats));
    }

    /// What pre-faulting this queue's files has cost so far.
    pub fn warm_stats(&self) -> &WarmStats {
        &self.warm_stats
    }

    /// After recovery: keep the newest (large) file pre-faulted ahead of the writer.
    pub fn start_warming(&self) {
        if self.warm
            && self.file_size >= WARM_MIN_FILE_SIZE
            && let Some(last) = self.last()
        {
            self.warm_in_background(&last);
        }
    }

    /// Releases the mapped pages of every file below stream offset `below` (see
    /// `MappedFile::release_mapped_below`).
    pub fn release_mapped_below(&self, below: i64) {
        if below <= self.min_offset() {
            return;
        }
        for f in self.files() {
            let from = f.file_from_offset();
            if from >= below {
                break;
            }
            f.release_mapped_below((below - from).min(self.file_size as i64) as usize);
        }
    }

    /// The file to append into: the last one if it has room, else a new one after it.
    pub fn last_or_create(&self, start_if_empty: i64) -> Result<Arc<MappedFile>> {
        if let Some(f) = self.last().filter(|f| !f.is_full()) {
            self.prepare_for_appends(&f);
            return Ok(f);
        }
        let _one_creator = self.creating.lock().unwrap_or_else(|e| e.into_inner());
        match self.last() {
            Some(f) if !f.is_full() => {
                self.prepare_for_appends(&f);
                Ok(f)
            }
            Some(f) => self.create_file(f.file_from_offset() + self.file_size as i64),
            None => {
                let from = start_if_empty - start_if_empty % self.file_size as i64;
                self.create_file(from)
            }
        }
    }

    /// Syncs all published bytes; returns the new flushed offset.
    pub fn flush(&self) -> Result<i64> {
        let from = self.flushed_where();
        let files = self.files();
        let mut flushed = from;
        for f in files
            .iter()
            .filter(|f| f.file_from_offset() + self.file_size as i64 > from)
        {
            let pos = f.flush()?;
            flushed = f.file_from_offset() + pos as i64;
        }
        let prev = self.flushed_where.fetch_max(flushed, Ordering::AcqRel);
        Ok(flushed.max(prev))
    }

    /// Maps the committed write-behind memory of the files holding offsets at or past `from`
    /// back onto those files (see `MappedFile::map_back_committed`).
    pub fn map_back_committed(&self, from: i64) {
        for f in self
            .files()
            .iter()
            .filter(|f| f.file_from_offset() + self.file_size as i64 > from)
        {
            f.map_back_committed();
        }
    }

    /// Drops everything at or past `offset`: later files are deleted, the file holding it is
    /// cut (zeroed) there. Recovery only.
    pub fn truncate_dirty(&self, offset: i64) -> Result<()> {
        let mut files = self.write_files();
        let mut keep = Vec::with_capacity(files.len());
        for f in files.drain(..) {
            let end = f.file_from_offset() + self.file_size as i64;
            if end <= offset {
                f.set_wrote_position(self.file_size);
                f.set_flushed_position(self.file_size);
                keep.push(f);
            } else if f.file_from_offset() <= offset {
                f.truncate_to((offset - f.file_from_offset()) as usize)?;
                keep.push(f);
            } else {
                std::fs::remove_file(f.path()).ctx("delete", f.path())?;
            }
        }
        *files = keep;
        self.flushed_where.store(offset, Ordering::Release);
        Ok(())
    }

    /// Removes every file (e.g. a consume queue whose files are all beyond the commit log).
    pub fn destroy(&self) -> Result<()> {
        let mut files = self.write_files();
        for f in files.drain(..) {
            std::fs::remove_file(f.path()).ctx("delete", f.path())?;
        }
        self.flushed_where.store(0, Ordering::Release);
        Ok(())
    }

    /// Deletes leading files for which `expired` holds, never the last file, at most `max`.
    /// Returns how many were deleted.
    pub fn delete_leading(
        &self,
        max: usize,
        mut expired: impl FnMut(&MappedFile) -> bool,
    ) -> Result<usize> {
        let mut files = self.write_files();
        let mut n = 0;
        while n < max && files.len() > 1 && expired(&files[0]) {
            let f = files.remove(0);
            std::fs::remove_file(f.path()).ctx("delete", f.path())?;
            n += 1;
        }
        Ok(n)
    }

    /// Path a file starting at `from` would have.
    pub fn path_for(&self, from: i64) -> PathBuf {
        self.dir.join(file_name(from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only a queue that warms (the commit log's) pre-faults its new files: consume queue files
    /// stay untouched until written, however many queues a topic has.
    #[test]
    fn only_a_warming_queue_pre_faults_new_files() {
        let dir = tempfile::tempdir().unwrap();
        let size = WARM_MIN_FILE_SIZE * 2;
        let plain = MappedFileQueue::load(&dir.path().join("cq"), size, true).unwrap();
        plain.last_or_create(0).unwrap();
        assert_eq!(plain.warm_stats().totals().0, 0);
        let warming = MappedFileQueue::load(&dir.path().join("log"), size, true)
            .unwrap()
            .with_warming(64 << 20);
        warming.last_or_create(0).unwrap();
        assert!(warming.warm_stats().totals().0 > 0);
    }
}
