//! One fixed-size, memory-mapped store file (RocketMQ's MappedFile): named by the offset of its
//! first byte, pre-allocated, written by one writer past its wrote position and read by anyone
//! below it.
//!
//! With SYNC_FLUSH, a commit log file being appended to is *write-behind* (RocketMQ's
//! transientStorePool, without its delayed visibility): the part of the mapping past what is
//! in the file is anonymous memory, and `commit` copies what the writer put there into the
//! file with pwrite, whose pages the kernel writes back in large requests (syncing pages
//! dirtied through a mapping is several times slower). Readers keep reading the same
//! addresses: once a stretch is committed, it is mapped back onto the file in place (the bytes
//! are the same), so a finished file is an ordinary file mapping again.

use super::error::{IoContext, Result, StoreError};
use super::fault::{self, FaultPoint, Faults};
use bytes::Bytes;
use memmap2::MmapMut;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What pre-faulting has cost so far: bytes populated and the CPU time it took. The price of a new
/// page is the machine's, not the store's (a virtual machine whose host takes back free memory
/// charges several times more for memory it has not touched lately), and it bounds how fast an
/// ASYNC_FLUSH store can grow, so the benchmark reports it.
#[derive(Debug, Default)]
pub struct WarmStats {
    bytes: AtomicU64,
    nanos: AtomicU64,
}

impl WarmStats {
    fn record(&self, bytes: usize, took: Duration) {
        self.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
        self.nanos
            .fetch_add(took.as_nanos() as u64, Ordering::Relaxed);
    }

    /// Bytes populated and the CPU time spent populating them, since the store opened.
    pub fn totals(&self) -> (u64, Duration) {
        (
            self.bytes.load(Ordering::Relaxed),
            Duration::from_nanos(self.nanos.load(Ordering::Relaxed)),
        )
    }
}

/// A mapped file. Bytes below `wrote_position` are immutable while readers may see them; the
/// single writer only touches bytes at or past it (enforced by the callers' writer lock).
pub struct MappedFile {
    path: PathBuf,
    file_from_offset: i64,
    file_size: usize,
    file: File,
    map: MmapMut,
    // Taken once from `map.as_mut_ptr()` so writers never go through a shared slice.
    ptr: NonNull<u8>,
    wrote_position: AtomicUsize,
    flushed_position: AtomicUsize,
    /// Whether appends go to anonymous memory first (see the module comment).
    write_behind: AtomicBool,
    writable: bool,
    /// Bytes below this are in the file (write-behind; else the wrote position is).
    committed_position: AtomicUsize,
    /// Serialises commits; holds the offset below which the mapping is the file's again.
    commit_lock: Mutex<usize>,
    /// The test seam: failures to inject into this file's system calls.
    faults: Faults,
}

// SAFETY: the mapping lives as long as `map`; concurrent access is split by wrote_position:
// the one writer writes only past it, readers read only below it (Release/Acquire ordered).
unsafe impl Send for MappedFile {}
unsafe impl Sync for MappedFile {}

/// The 20-digit zero-padded file name RocketMQ gives a file starting at `offset`.
pub fn file_name(offset: i64) -> String {
    format!("{offset:020}")
}

impl MappedFile {
    /// Creates (or reuses, if it exists with the right size) the file starting at `from`, its
    /// blocks reserved on disk.
    pub fn create(dir: &Path, from: i64, size: usize) -> Result<MappedFile> {
        Self::create_with(dir, from, size, true, None)
    }

    /// `create`, with failures injected into its system calls and those of the file's life.
    /// `reserve`: allocate the file's blocks now (a commit log file: a full disk then fails
    /// here, not as SIGBUS on a page write); without it the file stays sparse until written
    /// (a consume queue file, as RocketMQ's: 1,024 empty queues would otherwise take 6 GB).
    pub(crate) fn create_with(
        dir: &Path,
        from: i64,
        size: usize,
        reserve: bool,
        faults: Faults,
    ) -> Result<MappedFile> {
        let path = dir.join(file_name(from));
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .ctx("create", &path)?;
        fault::check(&faults, FaultPoint::Create)
            .and_then(|()| file.set_len(size as u64))
            .ctx("allocate", &path)?;
        if reserve {
            preallocate(&file, size);
        }
        let mf = Self::map(path, file, from, size, true, faults)?;
        mf.wrote_position.store(0, Ordering::Release);
        mf.flushed_position.store(0, Ordering::Release);
        Ok(mf)
    }

    /// Opens an existing file; its positions start at its end until recovery sets them.
    pub fn open(path: &Path, from: i64, size: usize, writable: bool) -> Result<MappedFile> {
        Self::open_with(path, from, size, writable, None)
    }

    /// `open`, with failures injected into its system calls and those of the file's life.
    pub(crate) fn open_with(
        path: &Path,
        from: i64,
        size: usize,
        writable: bool,
        faults: Faults,
    ) -> Result<MappedFile> {
        let file = OpenOptions::new()
            .read(true)
            .write(writable)
            .open(path)
            .ctx("open", path)?;
        let mut len = file.metadata().ctx("stat", path)?.len();
        if writable && len < size as u64 {
            // A file cut short (e.g. by a crash while it was being created): the missing tail
            // reads as zeroes, which recovery treats as the end of the data.
            fault::check(&faults, FaultPoint::Create)
                .and_then(|()| file.set_len(size as u64))
                .ctx("extend", path)?;
            len = size as u64;
        }
        if len != size as u64 {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                reason: format!("file size {len}, expected {size}"),
            });
        }
        Self::map(path.to_path_buf(), file, from, size, writable, faults)
    }

    fn map(
        path: PathBuf,
        file: File,
        from: i64,
        size: usize,
        writable: bool,
        faults: Faults,
    ) -> Result<MappedFile> {
        // SAFETY: the store owns its directory; nobody truncates these files while mapped.
        // Read-only files get a private mapping: writable in memory, never written back.
        let mut map = fault::check(&faults, FaultPoint::Mmap)
            .and_then(|()| {
                if writable {
                    unsafe { MmapMut::map_mut(&file) }
                } else {
                    unsafe { memmap2::MmapOptions::new().map_copy(&file) }
                }
            })
            .ctx("mmap", &path)?;
        let ptr = NonNull::new(map.as_mut_ptr()).ok_or_else(|| StoreError::Corrupt {
            path: path.clone(),
            reason: "empty mapping".into(),
        })?;
        Ok(MappedFile {
            path,
            file_from_offset: from,
            file_size: size,
            file,
            map,
            ptr,
            wrote_position: AtomicUsize::new(size),
            flushed_position: AtomicUsize::new(size),
            write_behind: AtomicBool::new(false),
            writable,
            committed_position: AtomicUsize::new(0),
            commit_lock: Mutex::new(0),
            faults,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
    pub fn file_from_offset(&self) -> i64 {
        self.file_from_offset
    }
    pub fn file_size(&self) -> usize {
        self.file_size
    }
    pub fn wrote_position(&self) -> usize {
        self.wrote_position.load(Ordering::Acquire)
    }
    pub fn flushed_position(&self) -> usize {
        self.flushed_position.load(Ordering::Acquire)
    }
    pub fn is_full(&self) -> bool {
        self.wrote_position() >= self.file_size
    }
    pub fn remaining(&self) -> usize {
        self.file_size - self.wrote_position()
    }
    /// Last-modified time in milliseconds since the epoch (for expiry).
    pub fn last_modified_ms(&self) -> i64 {
        self.file
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0)
    }

    /// Publishes bytes up to `pos` to readers. Writer only.
    pub fn set_wrote_position(&self, pos: usize) {
        debug_assert!(pos <= self.file_size);
        self.wrote_position.store(pos, Ordering::Release);
    }

    /// Sets the flushed position without syncing (recovery: what is on disk is flushed).
    pub fn set_flushed_position(&self, pos: usize) {
        self.flushed_position.store(pos, Ordering::Release);
    }

    /// The writable region `[pos, pos + len)`.
    ///
    /// # Safety
    /// The caller is the single writer, `pos >= wrote_position()`, and no other `write_region`
    /// borrow of an overlapping range is alive.
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn write_region(&self, pos: usize, len: usize) -> &mut [u8] {
        assert!(pos + len <= self.file_size, "write past end of mapped file");
        // SAFETY: in bounds (asserted); exclusive per the contract above.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr().add(pos), len) }
    }

    /// Published bytes `[pos, pos + len)`, or None if any of them is not yet published.
    pub fn read(&self, pos: usize, len: usize) -> Option<&[u8]> {
        let end = pos.checked_add(len)?;
        if end > self.wrote_position() {
            return None;
        }
        // SAFETY: in bounds and below wrote_position, so no writer touches these bytes.
        Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr().add(pos), len) })
    }

    /// Like `read`, as `Bytes` that keep this file mapped, without copying.
    pub fn read_bytes(self: &Arc<Self>, pos: usize, len: usize) -> Option<Bytes> {
        self.read(pos, len)?;
        Some(Bytes::from_owner(MappedSlice {
            file: self.clone(),
            pos,
            len,
        }))
    }

    /// Whether appends currently go to anonymous memory first.
    pub fn is_write_behind(&self) -> bool {
        self.write_behind.load(Ordering::Acquire)
    }

    /// Bytes below this are in the file, where a crash of this process cannot lose them.
    pub fn committed_position(&self) -> usize {
        if self.is_write_behind() {
            self.committed_position.load(Ordering::Acquire)
        } else {
            self.wrote_position()
        }
    }

    /// Turns appends past the wrote position into write-behind. Idempotent; best effort (off
    /// Linux, or if the kernel refuses, appends keep going straight into the file mapping).
    /// Writer only: call before writing past the wrote position.
    pub fn start_write_behind(&self) {
        let mut remapped = self.commit_lock.lock().unwrap_or_else(|e| e.into_inner());
        if self.is_write_behind() || !self.writable {
            return;
        }
        let wrote = self.wrote_position();
        let head = wrote - wrote % page_size();
        let len = self.mapped_len() - head;
        if len == 0 {
            return;
        }
        // SAFETY: [head, head + len) lies inside our mapping; only the writer (our caller)
        // changes bytes there, and none past `wrote`; the bytes in [head, wrote) are carried
        // over, so concurrent readers see the same bytes before and after.
        if unsafe { anon_in_place(self.ptr.as_ptr().add(head), len, wrote - head) } {
            *remapped = head;
            self.committed_position.store(wrote, Ordering::Release);
            self.write_behind.store(true, Ordering::Release);
        }
    }

    /// Write-behind: copies the published bytes not yet in the file into it (pwrite). Returns
    /// the committed position.
    pub fn commit(&self) -> Result<usize> {
        if !self.is_write_behind() {
            return Ok(self.wrote_position());
        }
        let _serialised = self.commit_lock.lock().unwrap_or_else(|e| e.into_inner());
        let wrote = self.wrote_position();
        let committed = self.committed_position.load(Ordering::Acquire);
        if wrote > committed {
            use std::os::unix::fs::FileExt;
            // SAFETY: published bytes, never written again.
            let data = unsafe {
                std::slice::from_raw_parts(self.ptr.as_ptr().add(committed), wrote - committed)
            };
            match &self.faults {
                None => self.file.write_all_at(data, committed as u64),
                Some(f) => f.write_all_at(&self.file, data, committed as u64),
            }
            .ctx("write", &self.path)?;
            self.committed_position.store(wrote, Ordering::Release);
        }
        Ok(wrote)
    }

    /// Write-behind: maps whole committed stretches back onto the file, handing their
    /// anonymous memory back. Separate from `commit` so the flusher can do it after the
    /// appends it synced are answered: replacing a mapping takes the process's mapping lock
    /// for writing, which can wait behind page faults and pre-faulting for milliseconds.
    pub fn map_back_committed(&self) {
        if !self.is_write_behind() {
            return;
        }
        let mut remapped = self.commit_lock.lock().unwrap_or_else(|e| e.into_inner());
        let committed = self.committed_position.load(Ordering::Acquire);
        // Whole chunks (aligned in memory, so huge pages are not split) go back to the file;
        // a fully committed file goes back entirely.
        let target = if committed >= self.file_size {
            self.mapped_len()
        } else {
            let base = self.ptr.as_ptr() as usize;
            ((base + committed) / REMAP_CHUNK * REMAP_CHUNK).saturating_sub(base)
        };
        if target > *remapped {
            // SAFETY: [remapped, target) is committed (in the file), page aligned and inside
            // the mapping; nobody writes there any more.
            let r = unsafe {
                file_in_place(
                    self.ptr.as_ptr().add(*remapped),
                    target - *remapped,
                    &self.file,
                    *remapped,
                )
            };
            match r {
                Ok(()) => *remapped = target,
                // The data is in the file either way; only memory is not handed back yet.
                Err(e) => {
                    tracing::warn!("{}: mapping committed bytes back: {e}", self.path.display())
                }
            }
        }
    }

    /// Syncs published bytes to disk: commits and fdatasyncs a write-behind file, msyncs
    /// (which Linux implements as a ranged fdatasync) one written through its mapping.
    /// Returns the new flushed position.
    pub fn flush(&self) -> Result<usize> {
        if self.is_write_behind() {
            let committed = self.commit()?;
            if committed > self.flushed_position() {
                fault::check(&self.faults, FaultPoint::Sync)
                    .and_then(|()| self.file.sync_data())
                    .ctx("fdatasync", &self.path)?;
                self.flushed_position.fetch_max(committed, Ordering::AcqRel);
            }
            return Ok(committed);
        }
        let wrote = self.wrote_position();
        let flushed = self.flushed_position();
        if wrote > flushed {
            fault::check(&self.faults, FaultPoint::Sync)
                .and_then(|()| self.map.flush_range(flushed, wrote - flushed))
                .ctx("msync", &self.path)?;
            // fetch_max: a concurrent flush (API call vs flusher thread) never moves it back.
            self.flushed_position.fetch_max(wrote, Ordering::AcqRel);
        }
        Ok(wrote)
    }

    /// The mapping's length: the file size rounded up to whole pages.
    fn mapped_len(&self) -> usize {
        self.file_size.div_ceil(page_size()) * page_size()
    }

    /// Pre-faults the pages of `[from, to)` for writing (RocketMQ's warmMappedFile), so the
    /// writer takes no page fault on the hot path: neither the one that allocates and zeroes
    /// a page nor, for file pages, the write fault that makes it dirty (populating for reading
    /// only would leave the writer ~1 µs of write fault per page, 0.1 µs per 128 B message).
    /// File pages become dirty zeroes; the writer overwrites them long before the kernel's
    /// dirty expiry, so at most the stretch just ahead of an idle writer is written back, once.
    /// Adds what it populated and the CPU time that took to `stats`. Best effort.
    pub fn warm(&self, from: usize, to: usize, stats: &WarmStats) -> bool {
        let to = to.min(self.file_size);
        if from >= to {
            return true;
        }
        let start = crate::util::thread_cpu_time();
        let ok = self
            .map
            .advise_range(memmap2::Advice::PopulateWrite, from, to - from)
            .is_ok();
        if ok {
            stats.record(to - from, crate::util::thread_cpu_time() - start);
        }
        ok
    }

    /// Drops this process's page mappings of `[0, below)` (whole pages), so that pages written
    /// or read once stop counting toward its resident memory. The page cache keeps them (a
    /// dirty one stays dirty and is written back as before) and the next read maps the same
    /// bytes again, so readers, slices of this file included, see no change. Only the part
    /// mapped onto the file is released: a write-behind file's anonymous part holds the only
    /// copy of its bytes. Best effort.
    pub fn release_mapped_below(&self, below: usize) {
        if !self.writable {
            return;
        }
        // Held so that the mapping does not change under us (write-behind starts or maps back).
        let remapped = self.commit_lock.lock().unwrap_or_else(|e| e.into_inner());
        let file_mapped = if self.is_write_behind() {
            *remapped
        } else {
            self.file_size
        };
        let end = below.min(file_mapped);
        let end = end - end % page_size();
        if end > 0 {
            // SAFETY: `[0, end)` is a shared mapping of the file (checked above), where
            // MADV_DONTNEED only unmaps pages: their bytes stay in the page cache.
            let _ = unsafe {
                self.map
                    .unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, 0, end)
            };
        }
    }

    /// Faults in the page holding `pos` for writing without changing its bytes (so anyone may
    /// call it, beside the writer). Best effort.
    pub fn prefault_page_at(&self, pos: usize) {
        let page = page_size();
        let head = pos - pos % page;
        if head < self.file_size {
            let len = page.min(self.file_size - head);
            let _ = self
                .map
                .advise_range(memmap2::Advice::PopulateWrite, head, len);
        }
    }

    /// Tells the kernel not to read ahead around this file's page faults. A consume queue
    /// entry is 20 bytes: a fresh file's first fault would otherwise read ahead (zero-fill) a
    /// whole window of pages the queue reaches only hours later, on the append path. Best
    /// effort.
    pub fn advise_random(&self) {
        let _ = self.map.advise(memmap2::Advice::Random);
    }

    /// Keeps the pages up to `ahead` bytes past the writer pre-faulted until the file is full,
    /// or nobody but the caller holds it any more. Runs on its own thread.
    pub fn warm_ahead(self: Arc<Self>, ahead: usize, stats: &WarmStats) {
        const CHUNK: usize = 4 << 20;
        let mut warmed = self.wrote_position();
        while warmed < self.file_size && Arc::strong_count(&self) > 1 {
            // A writer that overtook us needs nothing behind it.
            warmed = warmed.max(self.wrote_position());
            if warmed < self.wrote_position() + ahead {
                let to = (warmed + CHUNK).min(self.file_size);
                if !self.warm(warmed, to, stats) {
                    return;
                }
                warmed = to;
            } else {
                // Pacing, not synchronisation: populated pages hold memory, so stay only
                // `ahead` in front of the writer.
                std::thread::sleep(Duration::from_millis(2));
            }
        }
    }

    /// Drops everything at or past `pos`: zeroes it on disk so no stale record can ever be
    /// mistaken for a valid one, and moves both positions back. Recovery only (no readers, no
    /// write-behind yet).
    pub fn truncate_to(&self, pos: usize) -> Result<()> {
        debug_assert!(!self.is_write_behind());
        let end = self.file_size;
        if pos < end {
            zero_range(&self.file, &self.path, self.ptr, pos, end)?;
        }
        self.wrote_position.store(pos, Ordering::Release);
        self.flushed_position.store(pos, Ordering::Release);
        Ok(())
    }
}

/// Write-behind memory goes back to the file in stretches of this many bytes (a huge page).
const REMAP_CHUNK: usize = 2 << 20;

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    usize::try_from(n).ok().filter(|&n| n > 0).unwrap_or(4096)
}

/// Replaces `[addr, addr + len)` of a mapping by anonymous memory (huge pages where the kernel
/// gives them) whose first `keep` bytes are those the range held, in one step: a new region is
/// filled, then moved over the old one, so a concurrent reader of those bytes never sees
/// anything else. Returns false (nothing changed) if the kernel refuses.
///
/// # Safety
/// The range is page aligned, inside a mapping of ours, and nobody writes to it meanwhile.
#[cfg(target_os = "linux")]
unsafe fn anon_in_place(addr: *mut u8, len: usize, keep: usize) -> bool {
    // SAFETY: a fresh private anonymous mapping, then moved onto a range the caller owns.
    unsafe {
        let fresh = libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        );
        if fresh == libc::MAP_FAILED {
            return false;
        }
        libc::madvise(fresh, len, libc::MADV_HUGEPAGE);
        std::ptr::copy_nonoverlapping(addr, fresh.cast::<u8>(), keep);
        let moved = libc::mremap(
            fresh,
            len,
            len,
            libc::MREMAP_MAYMOVE | libc::MREMAP_FIXED,
            addr.cast::<libc::c_void>(),
        );
        if moved == libc::MAP_FAILED {
            libc::munmap(fresh, len);
            return false;
        }
        true
    }
}

#[cfg(not(target_os = "linux"))]
unsafe fn anon_in_place(_addr: *mut u8, _len: usize, _keep: usize) -> bool {
    false
}

/// Maps `[addr, addr + len)` back onto `file` at `offset`, in place.
///
/// # Safety
/// The range is page aligned, inside a mapping of ours, and holds exactly the file's bytes
/// there (so readers see no change); nobody writes to it any more.
unsafe fn file_in_place(
    addr: *mut u8,
    len: usize,
    file: &File,
    offset: usize,
) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: per the contract; MAP_FIXED replaces exactly that range.
    let p = unsafe {
        libc::mmap(
            addr.cast::<libc::c_void>(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED | libc::MAP_FIXED,
            file.as_raw_fd(),
            offset as libc::off_t,
        )
    };
    if p == libc::MAP_FAILED {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Zeroes `[pos, end)`: the partial first page by hand, whole pages by punching a hole
/// (falling back to writing zeroes where the filesystem cannot punch holes).
fn zero_range(file: &File, path: &Path, ptr: NonNull<u8>, pos: usize, end: usize) -> Result<()> {
    const PAGE: usize = 4096;
    let first_page_end = pos.div_ceil(PAGE) * PAGE;
    let head_end = first_page_end.min(end);
    // SAFETY: recovery runs before any reader exists; range in bounds.
    unsafe { std::ptr::write_bytes(ptr.as_ptr().add(pos), 0, head_end - pos) };
    if head_end < end && !punch_hole(file, head_end, end - head_end) {
        // Only touch pages that hold data, so a mostly empty file stays sparse.
        let mut p = head_end;
        while p < end {
            let n = PAGE.min(end - p);
            // SAFETY: as above.
            let page = unsafe { std::slice::from_raw_parts_mut(ptr.as_ptr().add(p), n) };
            if page.iter().any(|&b| b != 0) {
                page.fill(0);
            }
            p += n;
        }
    }
    let _ = path;
    Ok(())
}

#[cfg(target_os = "linux")]
fn punch_hole(file: &File, off: usize, len: usize) -> bool {
    use std::os::fd::AsRawFd;
    // SAFETY: plain syscall on an owned descriptor.
    unsafe {
        libc::fallocate(
            file.as_raw_fd(),
            libc::FALLOC_FL_PUNCH_HOLE | libc::FALLOC_FL_KEEP_SIZE,
            off as libc::off_t,
            len as libc::off_t,
        ) == 0
    }
}

#[cfg(not(target_os = "linux"))]
fn punch_hole(_file: &File, _off: usize, _len: usize) -> bool {
    false
}

/// Reserves the blocks of a new file so a full disk fails here, not as SIGBUS on a page write.
#[cfg(target_os = "linux")]
pub(crate) fn preallocate(file: &File, size: usize) {
    use std::os::fd::AsRawFd;
    // SAFETY: plain syscall on an owned descriptor. Failure (e.g. unsupported) is harmless:
    // the file is already sized by set_len.
    unsafe {
        libc::fallocate(file.as_raw_fd(), 0, 0, size as libc::off_t);
    }
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn preallocate(_file: &File, _size: usize) {}

/// A range of a mapped file that keeps it mapped: the owner behind zero-copy `Bytes`.
struct MappedSlice {
    file: Arc<MappedFile>,
    pos: usize,
    len: usize,
}

impl AsRef<[u8]> for MappedSlice {
    fn as_ref(&self) -> &[u8] {
        // Checked published when the slice was made; published bytes never change.
        self.file.read(self.pos, self.len).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_publish_read_flush_truncate() {
        let dir = tempfile::tempdir().unwrap();
        let mf = Arc::new(MappedFile::create(dir.path(), 4096, 8192).unwrap());
        assert_eq!(mf.path().file_name().unwrap(), "00000000000000004096");
        assert!(mf.read(0, 1).is_none());
        unsafe { mf.write_region(0, 5) }.copy_from_slice(b"hello");
        mf.set_wrote_position(5);
        let b = mf.read_bytes(0, 5).unwrap();
        assert_eq!(&b[..], b"hello");
        assert_eq!(mf.flush().unwrap(), 5);
        mf.truncate_to(2).unwrap();
        drop(mf);
        let mf = MappedFile::open(&dir.path().join(file_name(4096)), 4096, 8192, false).unwrap();
        assert_eq!(mf.read(0, 5).unwrap(), b"he\0\0\0");
        drop(b);
    }

    fn append(mf: &MappedFile, bytes: &[u8]) {
        let pos = mf.wrote_position();
        unsafe { mf.write_region(pos, bytes.len()) }.copy_from_slice(bytes);
        mf.set_wrote_position(pos + bytes.len());
    }

    #[test]
    fn releasing_mapped_pages_changes_no_byte_a_reader_sees() {
        let dir = tempfile::tempdir().unwrap();
        let size = 2 * REMAP_CHUNK + 8192;
        let record: Vec<u8> = (0..=250u8).cycle().take(10_000).collect();
        // Written through the file mapping, some of it not yet synced.
        let plain = Arc::new(MappedFile::create(dir.path(), 0, size).unwrap());
        while plain.wrote_position() + record.len() < size {
            append(&plain, &record);
        }
        let slice = plain.read_bytes(0, record.len()).unwrap();
        plain.release_mapped_below(size);
        assert_eq!(&slice[..], &record[..]);
        let end = plain.wrote_position();
        assert_eq!(
            plain.read(end - record.len(), record.len()).unwrap(),
            &record[..]
        );
        plain.flush().unwrap();
        let on_disk = std::fs::read(plain.path()).unwrap();
        assert_eq!(&on_disk[end - record.len()..end], &record[..]);

        // Write-behind: the anonymous part, not yet in the file, must survive.
        let wb = Arc::new(MappedFile::create(dir.path(), size as i64, size).unwrap());
        wb.start_write_behind();
        while wb.wrote_position() + record.len() < REMAP_CHUNK + 3 * record.len() {
            append(&wb, &record);
        }
        wb.commit().unwrap();
        wb.map_back_committed();
        append(&wb, &record);
        let end = wb.wrote_position();
        wb.release_mapped_below(size);
        assert_eq!(
            wb.read(end - record.len(), record.len()).unwrap(),
            &record[..]
        );
        assert_eq!(wb.read(0, record.len()).unwrap(), &record[..]);
        assert_eq!(wb.flush().unwrap(), end);
        assert_eq!(
            &std::fs::read(wb.path()).unwrap()[end - record.len()..end],
            &record[..]
        );
        drop(slice);
    }

    #[test]
    fn write_behind_reaches_the_file_only_when_committed_and_reads_never_change() {
        let dir = tempfile::tempdir().unwrap();
        let size = 3 * REMAP_CHUNK + 12_345;
        let mf = Arc::new(MappedFile::create(dir.path(), 0, size).unwrap());
        // Some bytes written straight into the file mapping first, as a recovered file has.
        append(&mf, b"recovered");
        mf.flush().unwrap();
        mf.start_write_behind();
        assert!(mf.is_write_behind());
        assert_eq!(mf.read(0, 9).unwrap(), b"recovered");
        let on_disk = || std::fs::read(mf.path()).unwrap();

        let record: Vec<u8> = (0..=250u8).cycle().take(100_000).collect();
        append(&mf, &record);
        let before_commit = mf.read_bytes(9, record.len()).unwrap();
        assert_eq!(&on_disk()[9..9 + 16], &[0; 16], "not committed yet");
        assert_eq!(mf.committed_position(), 9);

        // Enough to cross several remap chunks, then commit: the file has it all and a slice
        // taken while the bytes were anonymous memory reads the same once they are the file's.
        while mf.wrote_position() + record.len() < size {
            append(&mf, &record);
        }
        assert_eq!(mf.commit().unwrap(), mf.wrote_position());
        assert_eq!(
            *mf.commit_lock.lock().unwrap(),
            0,
            "committed, not yet mapped back"
        );
        mf.map_back_committed();
        assert!(*mf.commit_lock.lock().unwrap() >= 2 * REMAP_CHUNK);
        assert_eq!(&before_commit[..], &record[..]);
        let disk = on_disk();
        assert_eq!(&disk[..9], b"recovered");
        assert_eq!(&disk[9..9 + record.len()], &record[..]);
        let end = mf.wrote_position();
        assert_eq!(&disk[end - record.len()..end], &record[..]);

        // Filling the file maps it back entirely; sync makes it flushed.
        let rest = size - mf.wrote_position();
        append(&mf, &vec![7u8; rest]);
        assert_eq!(mf.flush().unwrap(), size);
        assert_eq!(mf.flushed_position(), size);
        mf.map_back_committed();
        assert_eq!(*mf.commit_lock.lock().unwrap(), mf.mapped_len());
        assert_eq!(mf.read(size - 1, 1).unwrap(), &[7]);
        assert_eq!(on_disk()[size - 1], 7);
        drop(mf);
        drop(before_commit);
    }
}
