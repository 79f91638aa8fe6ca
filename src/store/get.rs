//! The read path (RocketMQ's DefaultMessageStore#getMessage and friends): messages of a queue
//! by queue offset with count/byte limits and a message filter, served as `Bytes` that point
//! into the mapped commit log; offsets by time; messages by physical offset and by key.

use super::StoreInner;
use super::commit_log::CommitLog;
use super::consume_queue::CqEntry;
use super::filter::{CqMatch, CqUnit, MessageFilter, StoredRecord};
use super::message::{self, DecodedMessage, property};
use bytes::Bytes;
use serde::Serialize;

/// RocketMQ's GetMessageStatus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum GetMessageStatus {
    Found,
    NoMatchedMessage,
    MessageWasRemoving,
    OffsetFoundNull,
    OffsetOverflowBadly,
    OffsetOverflowOne,
    OffsetTooSmall,
    NoMatchedLogicQueue,
    NoMessageInQueue,
}

/// Messages read from one queue: whole commit log records, not copied out of the mapping.
#[derive(Debug, Clone)]
pub struct GetMessageResult {
    pub status: GetMessageStatus,
    pub messages: Vec<Bytes>,
    /// Queue offset of each message, parallel to `messages`.
    pub queue_offsets: Vec<i64>,
    /// Where the next pull should start.
    pub next_begin_offset: i64,
    pub min_offset: i64,
    pub max_offset: i64,
    pub buffer_total_size: usize,
}

/// What a filter's commit log check made of an entry's record.
enum RecordMatch {
    Matched(Bytes),
    NotMatched,
    /// Deleted (or not readable): counts as MESSAGE_WAS_REMOVING.
    Gone,
}

/// Reads a pull's records as slices of one `Bytes` per commit log file (from the first record
/// read in it to what was written then): a slice costs a reference count, where a `Bytes` of
/// its own per record costs an allocation. A queue's records come in commit log order, so a
/// pull usually makes one.
struct SpanReader<'a> {
    commit_log: &'a CommitLog,
    /// The commit log offset the span starts at, and the span.
    span: Option<(i64, Bytes)>,
}

impl<'a> SpanReader<'a> {
    fn new(commit_log: &'a CommitLog) -> Self {
        SpanReader {
            commit_log,
            span: None,
        }
    }

    /// The `size` bytes at commit log `offset`, if written.
    fn get(&mut self, offset: i64, size: usize) -> Option<Bytes> {
        if let Some((start, span)) = &self.span
            && let Ok(at) = usize::try_from(offset - start)
            && at.checked_add(size).is_some_and(|end| end <= span.len())
        {
            return Some(span.slice(at..at + size));
        }
        let f = self.commit_log.files().find(offset)?;
        let pos = usize::try_from(offset - f.file_from_offset()).ok()?;
        let written = f.wrote_position();
        if pos.checked_add(size)? > written {
            return None;
        }
        let span = f.read_bytes(pos, written - pos)?;
        let record = span.slice(..size);
        self.span = Some((offset, span));
        Some(record)
    }
}

/// At most this many consume queue entries are examined per pull when a filter rejects many
/// (RocketMQ's maxFilterMessageCount).
const MAX_FILTER_MESSAGE_COUNT: usize = 16_000;

impl StoreInner {
    /// Generic over the filter so that an unfiltered read (`MatchAll`) pays no call per entry;
    /// a `dyn MessageFilter` pays one, as a closure did before.
    pub(crate) fn get_message<F: MessageFilter + ?Sized>(
        &self,
        topic: &str,
        queue_id: i32,
        offset: i64,
        max_count: usize,
        max_bytes: usize,
        filter: &F,
    ) -> GetMessageResult {
        let mut r = GetMessageResult {
            status: GetMessageStatus::NoMatchedLogicQueue,
            messages: Vec::new(),
            queue_offsets: Vec::new(),
            next_begin_offset: 0,
            min_offset: 0,
            max_offset: 0,
            buffer_total_size: 0,
        };
        let Some(cq) = self.cqs.find(topic, queue_id) else {
            return r;
        };
        let (min, max) = (cq.min_offset(), cq.max_offset());
        r.min_offset = min;
        r.max_offset = max;
        if max == 0 {
            r.status = GetMessageStatus::NoMessageInQueue;
            return r;
        }
        if offset < min {
            r.status = GetMessageStatus::OffsetTooSmall;
            r.next_begin_offset = min;
            return r;
        }
        if offset == max {
            r.status = GetMessageStatus::OffsetOverflowOne;
            r.next_begin_offset = offset;
            return r;
        }
        if offset > max {
            r.status = GetMessageStatus::OffsetOverflowBadly;
            r.next_begin_offset = if min == 0 { min } else { max };
            return r;
        }
        let commit_log_min = self.commit_log.min_offset();
        let mut records = SpanReader::new(&self.commit_log);
        let mut next = offset;
        let mut examined = 0usize;
        let mut removed = false;
        let mut filtered = false;
        let scan_limit = max_count.max(MAX_FILTER_MESSAGE_COUNT);
        cq.for_each_from(offset, |q, e: CqEntry| {
            if r.messages.len() >= max_count || examined >= scan_limit {
                return false;
            }
            if !r.messages.is_empty() && r.buffer_total_size + e.size.max(0) as usize > max_bytes {
                return false;
            }
            examined += 1;
            next = q + 1;
            if e.is_blank() || !e.is_valid() {
                return true;
            }
            if e.commit_log_offset < commit_log_min {
                removed = true;
                return true;
            }
            let data = match filter.is_matched_by_consume_queue(&CqUnit::new(q, &e)) {
                CqMatch::NotMatched => {
                    filtered = true;
                    return true;
                }
                CqMatch::Matched => records.get(e.commit_log_offset, e.size as usize),
                CqMatch::CheckCommitLog => match self.check_record(&e, filter) {
                    RecordMatch::Matched(b) => Some(b),
                    RecordMatch::NotMatched => {
                        filtered = true;
                        return true;
                    }
                    RecordMatch::Gone => None,
                },
            };
            match data {
                Some(b) => {
                    r.buffer_total_size += b.len();
                    r.messages.push(b);
                    r.queue_offsets.push(q);
                    true
                }
                None => {
                    removed = true;
                    true
                }
            }
        });
        r.next_begin_offset = next;
        r.status = if !r.messages.is_empty() {
            GetMessageStatus::Found
        } else if filtered {
            GetMessageStatus::NoMatchedMessage
        } else if removed {
            GetMessageStatus::MessageWasRemoving
        } else {
            GetMessageStatus::OffsetFoundNull
        };
        r
    }

    /// Asks the filter's commit log check about an entry's record, read in place; the record
    /// is shared as `Bytes` only once it passed.
    fn check_record<F: MessageFilter + ?Sized>(&self, e: &CqEntry, filter: &F) -> RecordMatch {
        let Some(file) = self.commit_log.files().find(e.commit_log_offset) else {
            return RecordMatch::Gone;
        };
        let pos = (e.commit_log_offset - file.file_from_offset()) as usize;
        let size = e.size as usize;
        let Some(record) = file.read(pos, size) else {
            return RecordMatch::Gone;
        };
        if !filter.is_matched_by_commit_log(&StoredRecord::new(record)) {
            return RecordMatch::NotMatched;
        }
        file.read_bytes(pos, size)
            .map_or(RecordMatch::Gone, RecordMatch::Matched)
    }

    /// The first queue offset whose message was stored at or after `timestamp` (ms); the max
    /// offset if none was.
    pub(crate) fn offset_in_queue_by_time(
        &self,
        topic: &str,
        queue_id: i32,
        timestamp: i64,
    ) -> i64 {
        let Some(cq) = self.cqs.find(topic, queue_id) else {
            return 0;
        };
        let (mut lo, mut hi) = (cq.min_offset(), cq.max_offset());
        // Binary search for the first offset with store time >= timestamp; entries whose data
        // is gone or blank count as "earlier".
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let t = cq
                .get(mid)
                .filter(|e| e.is_valid() && !e.is_blank())
                .and_then(|e| self.commit_log.store_timestamp_at(e.commit_log_offset))
                .unwrap_or(i64::MIN);
            if t < timestamp {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Verified records for `topic#key` (a KEYS token or the UNIQ_KEY) stored in [begin, end].
    pub(crate) fn query_message(
        &self,
        topic: &str,
        key: &str,
        max: usize,
        begin: i64,
        end: i64,
    ) -> Vec<Bytes> {
        let Some(idx) = &self.index else {
            return Vec::new();
        };
        let mut offsets = idx.query(topic, key, max.saturating_mul(2).max(max), begin, end);
        offsets.sort_unstable();
        offsets.dedup();
        let mut out = Vec::new();
        for off in offsets {
            if out.len() >= max {
                break;
            }
            let Some(b) = self.commit_log.get_record(off) else {
                continue;
            };
            let Ok(r) = message::decode_record_ref(&b) else {
                continue;
            };
            if r.topic != topic || r.store_timestamp < begin || r.store_timestamp > end {
                continue;
            }
            let props = r.properties;
            let matches = message::property_value(props, property::UNIQ_KEY) == Some(key)
                || message::property_value(props, property::KEYS)
                    .is_some_and(|ks| ks.split(' ').any(|k| k == key));
            if matches {
                out.push(b);
            }
        }
        out
    }

    pub(crate) fn look_message_by_offset(&self, offset: i64) -> Option<DecodedMessage> {
        let b = self.commit_log.get_record(offset)?;
        message::decode_message(&b).ok()
    }
}
