//! The commit log (RocketMQ's CommitLog): every message of every topic, appended in one
//! stream of mapped files; record placement with BLANK roll-over, record reads and scans.

use super::error::Result;
use super::mapped_file::MappedFile;
use super::mapped_file_queue::MappedFileQueue;
use super::message::{self, Checked, END_FILE_MIN_BLANK_LENGTH, RecordRef};
use bytes::Bytes;
use std::path::Path;
use std::sync::Arc;

pub struct CommitLog {
    files: MappedFileQueue,
}

/// Where and why a scan stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanEnd {
    /// Offset just past the last good record (or BLANK).
    pub offset: i64,
    /// Why the scan stopped there if it was not a clean end: the first bad record.
    pub corrupt: Option<String>,
}

impl CommitLog {
    /// Maps the commit log files of `dir`. `write_behind`: appends go through anonymous
    /// memory and pwrite (see mapped_file), which makes SYNC_FLUSH's syncs several times
    /// faster; without it they go straight into the file mappings, which costs less CPU and
    /// survives a crash of the process from the moment a record is written.
    pub fn load(
        dir: &Path,
        file_size: usize,
        writable: bool,
        write_behind: bool,
    ) -> Result<CommitLog> {
        Self::load_with(dir, file_size, writable, write_behind, None)
    }

    /// `load`, with failures injected into the system calls of its files.
    pub(crate) fn load_with(
        dir: &Path,
        file_size: usize,
        writable: bool,
        write_behind: bool,
        faults: super::fault::Faults,
    ) -> Result<CommitLog> {
        let mut files = MappedFileQueue::load_with(dir, file_size, writable, faults)?;
        if writable && write_behind {
            files = files.with_write_behind();
        }
        Ok(CommitLog { files })
    }

    /// Pre-faults the files the writer appends to, `ahead` bytes in front of it.
    pub fn warming(mut self, ahead: usize) -> CommitLog {
        self.files = self.files.with_warming(ahead);
        self
    }

    pub fn files(&self) -> &MappedFileQueue {
        &self.files
    }
    pub fn file_size(&self) -> usize {
        self.files.file_size()
    }
    pub fn min_offset(&self) -> i64 {
        self.files.min_offset()
    }
    pub fn max_offset(&self) -> i64 {
        self.files.max_offset()
    }

    /// Places one record of `len` bytes at the end of the log and publishes it; `fill` writes
    /// it given its physical offset. If it does not fit in the current file with room for a
    /// BLANK after, the file is closed with a BLANK and the record goes into a new file.
    /// Caller holds the writer lock; `current` is its cached handle on the newest file, so the
    /// append takes no other lock.
    pub fn append_with(
        &self,
        current: &mut Option<Arc<MappedFile>>,
        len: usize,
        fill: impl FnOnce(&mut [u8], i64),
    ) -> Result<i64> {
        debug_assert!(len + END_FILE_MIN_BLANK_LENGTH <= self.file_size());
        loop {
            if current.as_ref().is_none_or(|f| f.is_full()) {
                *current = Some(self.files.last_or_create(0)?);
            }
            let Some(file) = current.as_ref() else {
                unreachable!("just set")
            };
            let pos = file.wrote_position();
            let remaining = file.file_size() - pos;
            if len + END_FILE_MIN_BLANK_LENGTH > remaining {
                if remaining >= END_FILE_MIN_BLANK_LENGTH {
                    // SAFETY: single writer, region past wrote_position.
                    let buf = unsafe { file.write_region(pos, END_FILE_MIN_BLANK_LENGTH) };
                    message::encode_blank(buf, remaining);
                }
                file.set_wrote_position(file.file_size());
                continue;
            }
            let phys = file.file_from_offset() + pos as i64;
            // SAFETY: single writer, region past wrote_position.
            fill(unsafe { file.write_region(pos, len) }, phys);
            file.set_wrote_position(pos + len);
            return Ok(phys);
        }
    }

    /// Writes `data` (a master's commit log bytes) at `offset`, which must be the end of the
    /// log, or, for an empty log, the start of a file: a slave's copy grows byte for byte as
    /// the master's, across file boundaries as they fall. Caller holds the writer lock;
    /// `current` is its cached handle on the newest file.
    pub fn append_raw(
        &self,
        current: &mut Option<Arc<MappedFile>>,
        offset: i64,
        data: &[u8],
    ) -> Result<()> {
        let file_size = self.file_size() as i64;
        let end = self.max_offset();
        let fits = if self.files.is_empty() {
            offset >= 0 && offset % file_size == 0
        } else {
            offset == end
        };
        if !fits {
            return Err(super::error::StoreError::BadMessage(format!(
                "replicated data at commit log offset {offset}, but the log ends at {end}"
            )));
        }
        let mut at = offset;
        let mut rest = data;
        while !rest.is_empty() {
            let stale = current.as_ref().is_none_or(|f| {
                f.is_full() || f.file_from_offset() + f.wrote_position() as i64 != at
            });
            if stale {
                *current = Some(self.files.last_or_create(at)?);
            }
            let Some(file) = current.as_ref() else {
                unreachable!("just set")
            };
            let pos = file.wrote_position();
            let n = rest.len().min(file.file_size() - pos);
            // SAFETY: single writer, region past wrote_position.
            unsafe { file.write_region(pos, n) }.copy_from_slice(&rest[..n]);
            file.set_wrote_position(pos + n);
            at += n as i64;
            rest = &rest[n..];
        }
        Ok(())
    }

    /// Up to `max_len` published bytes from `offset`, within the file holding it, without
    /// copying (what a master streams to a slave); None if `offset` is not published or gone.
    pub fn read_from(&self, offset: i64, max_len: usize) -> Option<Bytes> {
        let f = self.files.find(offset)?;
        let pos = (offset - f.file_from_offset()) as usize;
        let n = f.wrote_position().checked_sub(pos)?.min(max_len);
        if n == 0 {
            return None;
        }
        f.read_bytes(pos, n)
    }

    /// Syncs everything published; returns the flushed offset.
    pub fn flush(&self) -> Result<i64> {
        self.files.flush()
    }

    /// The `size` bytes at physical offset `offset`, without copying, if published and present.
    pub fn get_data(&self, offset: i64, size: usize) -> Option<Bytes> {
        let f = self.files.find(offset)?;
        f.read_bytes((offset - f.file_from_offset()) as usize, size)
    }

    /// The whole record at `offset` (its size read from its first four bytes).
    pub fn get_record(&self, offset: i64) -> Option<Bytes> {
        let f = self.files.find(offset)?;
        let pos = (offset - f.file_from_offset()) as usize;
        let size = i32::from_be_bytes(f.read(pos, 4)?.try_into().ok()?);
        if size < 8 {
            return None;
        }
        f.read_bytes(pos, size as usize)
    }

    /// The store timestamp of the record at `offset`, read from its fixed fields.
    pub fn store_timestamp_at(&self, offset: i64) -> Option<i64> {
        let f = self.files.find(offset)?;
        let pos = (offset - f.file_from_offset()) as usize;
        // Every record is at least 91 bytes; the store timestamp ends by byte 76.
        let head = f.read(pos, 76)?;
        let sys_flag = i32::from_be_bytes(head.get(36..40)?.try_into().ok()?);
        let at = message::store_timestamp_pos(sys_flag);
        Some(i64::from_be_bytes(head.get(at..at + 8)?.try_into().ok()?))
    }

    /// Walks records from `from` (which must be a record boundary), checking each, calling
    /// `on_record` for every good message, and stops at the clean end or the first bad record.
    pub fn scan(
        &self,
        from: i64,
        check_crc: bool,
        mut on_record: impl FnMut(&RecordRef<'_>, usize) -> Result<()>,
    ) -> Result<ScanEnd> {
        self.walk(from, |buf, offset| {
            Ok(match message::check_and_decode(buf, offset, check_crc) {
                Checked::Message(r) => {
                    let n = r.total_size as usize;
                    on_record(&r, n)?;
                    Step::Record(n)
                }
                Checked::Blank(_) => Step::Blank,
                Checked::End => Step::End,
                Checked::Corrupt(why) => Step::Corrupt(why),
            })
        })
    }

    /// Like `scan` for records already checked (published by the writer, or below what
    /// recovery verified): each is framed by its size and magic only and handed over raw with
    /// its offset, which is what following the log as it grows needs.
    pub fn follow(
        &self,
        from: i64,
        mut on_record: impl FnMut(&[u8], i64) -> Result<()>,
    ) -> Result<ScanEnd> {
        self.walk(from, |buf, offset| {
            Ok(match message::frame(buf) {
                message::Frame::Record(n) => {
                    on_record(&buf[..n], offset)?;
                    Step::Record(n)
                }
                message::Frame::Blank => Step::Blank,
                message::Frame::End => Step::End,
                message::Frame::Bad(why) => Step::Corrupt(why),
            })
        })
    }

    /// Steps through the published records from `from`, across files: `step` gets the rest of
    /// the current file from a record boundary and its offset, and says what it found there.
    fn walk(&self, from: i64, mut step: impl FnMut(&[u8], i64) -> Result<Step>) -> Result<ScanEnd> {
        let file_size = self.file_size() as i64;
        let mut offset = from;
        loop {
            let Some(file) = self.files.find(offset) else {
                return Ok(ScanEnd {
                    offset,
                    corrupt: None,
                });
            };
            let mut pos = (offset - file.file_from_offset()) as usize;
            let limit = file.wrote_position();
            let buf = file.read(0, limit).unwrap_or(&[]);
            loop {
                if pos >= buf.len() {
                    if limit < file.file_size() {
                        // The end of what the writer has published so far.
                        return Ok(ScanEnd {
                            offset: file.file_from_offset() + pos as i64,
                            corrupt: None,
                        });
                    }
                    // File exhausted: continue at the next one.
                    offset = file.file_from_offset() + file_size;
                    break;
                }
                match step(&buf[pos..], file.file_from_offset() + pos as i64)? {
                    Step::Record(n) => pos += n,
                    Step::Blank => {
                        offset = file.file_from_offset() + file_size;
                        break;
                    }
                    Step::End => {
                        return Ok(ScanEnd {
                            offset: file.file_from_offset() + pos as i64,
                            corrupt: None,
                        });
                    }
                    Step::Corrupt(why) => {
                        return Ok(ScanEnd {
                            offset: file.file_from_offset() + pos as i64,
                            corrupt: Some(why),
                        });
                    }
                }
            }
            if self.files.find(offset).is_none() {
                return Ok(ScanEnd {
                    offset,
                    corrupt: None,
                });
            }
        }
    }
}

/// What a walk found at a record boundary.
enum Step {
    /// A record of this many bytes.
    Record(usize),
    /// The BLANK that closes the file.
    Blank,
    /// The clean end of the data.
    End,
    Corrupt(String),
}
