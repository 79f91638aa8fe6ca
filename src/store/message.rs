//! Writing the commit log record (CommitLog#calMsgLength, DefaultAppendMessageCallback) and
//! checking records during recovery. The format itself (decoding, properties, ids) lives in
//! `protocol::message` and is re-exported here.

use super::error::{Result, StoreError};
pub use crate::protocol::message::{
    BLANK_MAGIC_CODE, DecodedMessage, MESSAGE_MAGIC_CODE, MESSAGE_MAGIC_CODE_V2, MessageError,
    RecordRef, build_properties, decode_message, decode_offset_msg_id, decode_record_ref,
    java_hash, java_hash_bytes, java_hash_extend, offset_msg_id, parse_properties, properties_iter,
    property, property_value, sysflag, tags_code,
};
use std::net::{IpAddr, SocketAddr};

/// A BLANK record is at least its size and magic.
pub const END_FILE_MIN_BLANK_LENGTH: usize = 4 + 4;

/// One message to append, independent of the network layer. Borrowed so the caller's buffers
/// are copied exactly once: into the mapped commit log file.
#[derive(Debug, Clone)]
pub struct AppendMessage<'a> {
    pub topic: &'a str,
    pub queue_id: i32,
    pub flag: i32,
    pub body: &'a [u8],
    /// The properties string, `k\u0001v\u0002k\u0001v`.
    pub properties: &'a str,
    /// Sysflag; the IPv6 host bits are derived from the addresses when the record is written.
    pub sys_flag: i32,
    pub born_timestamp: i64,
    pub born_host: SocketAddr,
    pub store_host: SocketAddr,
    pub reconsume_times: i32,
    pub prepared_transaction_offset: i64,
}

fn host_len(addr: &SocketAddr) -> usize {
    match addr.ip() {
        IpAddr::V4(_) => 8,
        IpAddr::V6(_) => 20,
    }
}

impl<'a> AppendMessage<'a> {
    /// A stored record appended again under another topic, queue and properties (a delayed or
    /// timed message's delivery, a consumer's retry): its body, flag, sysflag, born host and
    /// time and reconsume times kept, stored by `store_host`.
    pub fn copy_of(
        r: &RecordRef<'a>,
        topic: &'a str,
        queue_id: i32,
        properties: &'a str,
        store_host: SocketAddr,
    ) -> Self {
        AppendMessage {
            topic,
            queue_id,
            flag: r.flag,
            body: r.body,
            properties,
            sys_flag: r.sys_flag,
            born_timestamp: r.born_timestamp,
            born_host: r.born_host,
            store_host,
            reconsume_times: r.reconsume_times,
            prepared_transaction_offset: 0,
        }
    }
}

impl AppendMessage<'_> {
    /// The sysflag written to disk: the caller's flag with the IPv6 bits set from the hosts.
    pub fn effective_sys_flag(&self) -> i32 {
        let mut f =
            self.sys_flag & !(sysflag::BORNHOST_V6_FLAG | sysflag::STOREHOSTADDRESS_V6_FLAG);
        if self.born_host.is_ipv6() {
            f |= sysflag::BORNHOST_V6_FLAG;
        }
        if self.store_host.is_ipv6() {
            f |= sysflag::STOREHOSTADDRESS_V6_FLAG;
        }
        f
    }

    /// The record length (RocketMQ's calMsgLength): 91 bytes of fixed fields for IPv4 hosts.
    pub fn record_len(&self) -> usize {
        4 + 4
            + 4
            + 4
            + 4
            + 8
            + 8
            + 4
            + 8
            + host_len(&self.born_host)
            + 8
            + host_len(&self.store_host)
            + 4
            + 8
            + 4
            + self.body.len()
            + 1
            + self.topic.len()
            + 2
            + self.properties.len()
    }

    /// Checks the limits the v1 layout imposes, and maxMessageSize.
    pub fn validate(&self, max_message_size: usize) -> Result<()> {
        if self.topic.is_empty() || self.topic.len() > 127 {
            return Err(StoreError::BadMessage(format!(
                "topic length {} not in 1..=127",
                self.topic.len()
            )));
        }
        validate_content(self.body, self.properties, max_message_size)
    }

    /// Writes the whole record into `buf`, which must be exactly `record_len()` bytes.
    pub fn encode_into(
        &self,
        buf: &mut [u8],
        queue_offset: i64,
        physical_offset: i64,
        store_timestamp: i64,
    ) {
        let crc = body_crc(self.body);
        self.encode_with_crc(buf, crc, queue_offset, physical_offset, store_timestamp)
    }

    /// `encode_into` with the body's `body_crc` worked out beforehand (outside the writer
    /// lock).
    pub fn encode_with_crc(
        &self,
        buf: &mut [u8],
        body_crc: i32,
        queue_offset: i64,
        physical_offset: i64,
        store_timestamp: i64,
    ) {
        debug_assert_eq!(buf.len(), self.record_len());
        debug_assert_eq!(body_crc, self::body_crc(self.body));
        let mut w = Writer { buf, pos: 0 };
        let total = buf_len_i32(w.buf.len());
        w.head(
            self,
            [total, body_crc, self.flag],
            [queue_offset, physical_offset, store_timestamp],
        );
        w.body_topic_properties(self.body, self.topic, self.properties);
    }
}

/// Checks the limits the v1 layout puts on a body and its properties, and maxMessageSize.
pub fn validate_content(body: &[u8], properties: &str, max_message_size: usize) -> Result<()> {
    if properties.len() > i16::MAX as usize {
        return Err(StoreError::BadMessage(format!(
            "properties length {} exceeds 32767",
            properties.len()
        )));
    }
    if body.len() > max_message_size {
        return Err(StoreError::MessageTooLarge {
            size: body.len(),
            max: max_message_size,
        });
    }
    Ok(())
}

/// One message of a batch whose messages share everything but these (SEND_BATCH_MESSAGE's
/// entries): appended with `Store::append_batch_entries`.
#[derive(Debug, Clone, Copy)]
pub struct BatchMessage<'a> {
    pub flag: i32,
    pub body: &'a [u8],
    pub properties: &'a str,
    /// The consume queue's tags code of `properties` (`tags_code` of its last TAGS), which the
    /// caller found in its own walk over the properties.
    pub tags_code: i64,
}

/// The most bytes a record has before its body length: 84 with IPv4 hosts, 108 with IPv6.
const MAX_HEAD_LEN: usize = 108;
/// Where the fields a batch's records do not share lie in the head.
const TOTAL_SIZE_AT: usize = 0;
const BODY_CRC_AT: usize = 8;
const FLAG_AT: usize = 16;
const QUEUE_OFFSET_AT: usize = 20;
const PHYSICAL_OFFSET_AT: usize = 28;

/// The record fields a batch's messages share (everything up to the body length), encoded
/// once per batch: each record copies them and fills in its own size, CRC, flag, offsets,
/// body and properties.
pub struct RecordHead<'a> {
    bytes: [u8; MAX_HEAD_LEN],
    len: usize,
    topic: &'a str,
}

impl<'a> RecordHead<'a> {
    /// The head of `base`'s records stored at `store_timestamp` (its body, flag and properties
    /// are not used).
    pub fn new(base: &AppendMessage<'a>, store_timestamp: i64) -> Self {
        let mut bytes = [0u8; MAX_HEAD_LEN];
        let mut w = Writer {
            buf: &mut bytes,
            pos: 0,
        };
        // Size, CRC, flag and offsets are each record's own: written per record.
        w.head(base, [0, 0, 0], [0, 0, store_timestamp]);
        let len = w.pos;
        RecordHead {
            bytes,
            len,
            topic: base.topic,
        }
    }

    /// The length of the record of a message with this body and these properties.
    pub fn record_len(&self, body: &[u8], properties: &str) -> usize {
        self.len + 4 + body.len() + 1 + self.topic.len() + 2 + properties.len()
    }

    /// Writes `m`'s record into `buf`, exactly `record_len` bytes: what
    /// `AppendMessage::encode_with_crc` writes for the same message.
    pub fn encode(
        &self,
        buf: &mut [u8],
        m: &BatchMessage<'_>,
        body_crc: i32,
        queue_offset: i64,
        physical_offset: i64,
    ) {
        debug_assert_eq!(buf.len(), self.record_len(m.body, m.properties));
        debug_assert_eq!(body_crc, self::body_crc(m.body));
        let total = buf_len_i32(buf.len());
        let head = &mut buf[..self.len];
        head.copy_from_slice(&self.bytes[..self.len]);
        let mut put = |at: usize, v: &[u8]| head[at..at + v.len()].copy_from_slice(v);
        put(TOTAL_SIZE_AT, &total.to_be_bytes());
        put(BODY_CRC_AT, &body_crc.to_be_bytes());
        put(FLAG_AT, &m.flag.to_be_bytes());
        put(QUEUE_OFFSET_AT, &queue_offset.to_be_bytes());
        put(PHYSICAL_OFFSET_AT, &physical_offset.to_be_bytes());
        let mut w = Writer { buf, pos: self.len };
        w.body_topic_properties(m.body, self.topic, m.properties);
    }
}

fn buf_len_i32(n: usize) -> i32 {
    n as i32
}

/// CRC32 of a body as RocketMQ stores it (UtilAll.crc32: masked to a non-negative int).
pub fn body_crc(body: &[u8]) -> i32 {
    (crc32fast::hash(body) & 0x7FFF_FFFF) as i32
}

struct Writer<'a> {
    buf: &'a mut [u8],
    pos: usize,
}

impl Writer<'_> {
    #[inline]
    fn bytes(&mut self, b: &[u8]) {
        self.buf[self.pos..self.pos + b.len()].copy_from_slice(b);
        self.pos += b.len();
    }
    #[inline]
    fn i32(&mut self, v: i32) {
        self.bytes(&v.to_be_bytes())
    }
    #[inline]
    fn i64(&mut self, v: i64) {
        self.bytes(&v.to_be_bytes())
    }
    #[inline]
    fn host(&mut self, a: &SocketAddr) {
        match a.ip() {
            IpAddr::V4(ip) => self.bytes(&ip.octets()),
            IpAddr::V6(ip) => self.bytes(&ip.octets()),
        }
        self.i32(a.port() as i32);
    }
    /// A record's fields up to its body length: `[total size, body CRC, flag]` and
    /// `[queue offset, physical offset, store timestamp]` as given, the rest from `m`.
    #[inline]
    fn head(
        &mut self,
        m: &AppendMessage<'_>,
        [total, crc, flag]: [i32; 3],
        [queue_offset, physical_offset, store_timestamp]: [i64; 3],
    ) {
        self.i32(total);
        self.i32(MESSAGE_MAGIC_CODE);
        self.i32(crc);
        self.i32(m.queue_id);
        self.i32(flag);
        self.i64(queue_offset);
        self.i64(physical_offset);
        self.i32(m.effective_sys_flag());
        self.i64(m.born_timestamp);
        self.host(&m.born_host);
        self.i64(store_timestamp);
        self.host(&m.store_host);
        self.i32(m.reconsume_times);
        self.i64(m.prepared_transaction_offset);
    }
    /// A record's last fields: body length and body, topic length (one byte) and topic,
    /// properties length (two bytes) and properties.
    #[inline]
    fn body_topic_properties(&mut self, body: &[u8], topic: &str, properties: &str) {
        self.i32(body.len() as i32);
        self.bytes(body);
        self.buf[self.pos] = topic.len() as u8;
        self.pos += 1;
        self.bytes(topic.as_bytes());
        self.bytes(&(properties.len() as i16).to_be_bytes());
        self.bytes(properties.as_bytes());
    }
}

/// Writes the BLANK filler at the end of a file: remaining length and BLANK magic.
pub fn encode_blank(buf: &mut [u8], remaining: usize) {
    buf[0..4].copy_from_slice(&(remaining as i32).to_be_bytes());
    buf[4..8].copy_from_slice(&BLANK_MAGIC_CODE.to_be_bytes());
}

/// The outcome of looking at the bytes at one commit log position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordCheck {
    /// A complete, checked message record of this many bytes.
    Message(usize),
    /// A BLANK filler of this many bytes: the file ends here.
    Blank(usize),
    /// Zeroes: nothing was ever written here.
    End,
    /// Torn or corrupt: nothing here or after may be served.
    Corrupt(String),
}

/// Checks the record at the start of `buf` (the rest of the file): size, magic, layout,
/// optionally the body CRC, and that the physical offset field equals `expected_offset`.
pub fn check_record(buf: &[u8], expected_offset: i64, check_crc: bool) -> RecordCheck {
    match check_and_decode(buf, expected_offset, check_crc) {
        Checked::Message(r) => RecordCheck::Message(r.total_size as usize),
        Checked::Blank(n) => RecordCheck::Blank(n),
        Checked::End => RecordCheck::End,
        Checked::Corrupt(why) => RecordCheck::Corrupt(why),
    }
}

/// `check_record`'s verdict with the decoded message, so scans decode each record once.
#[derive(Debug)]
pub enum Checked<'a> {
    Message(RecordRef<'a>),
    Blank(usize),
    End,
    Corrupt(String),
}

/// Like `check_record`, returning the decoded record when it is a good message.
pub fn check_and_decode(buf: &[u8], expected_offset: i64, check_crc: bool) -> Checked<'_> {
    if buf.len() < 8 {
        return Checked::End;
    }
    let size = i32::from_be_bytes(buf[0..4].try_into().unwrap());
    let magic = i32::from_be_bytes(buf[4..8].try_into().unwrap());
    if size == 0 && magic == 0 {
        return Checked::End;
    }
    if magic == BLANK_MAGIC_CODE {
        return if size >= 8 && size as usize <= buf.len() {
            Checked::Blank(size as usize)
        } else {
            Checked::Corrupt(format!("blank size {size}"))
        };
    }
    if magic != MESSAGE_MAGIC_CODE && magic != MESSAGE_MAGIC_CODE_V2 {
        return Checked::Corrupt(format!("bad magic {magic:#x}"));
    }
    if size < 91 || size as usize > buf.len() {
        return Checked::Corrupt(format!("bad size {size}"));
    }
    match decode_record_ref(&buf[..size as usize]) {
        Ok(r) => {
            if r.physical_offset != expected_offset {
                return Checked::Corrupt(format!(
                    "physical offset {} at {expected_offset}",
                    r.physical_offset
                ));
            }
            if check_crc && body_crc(r.body) != r.body_crc {
                return Checked::Corrupt("body CRC mismatch".into());
            }
            // The body CRC covers the body only. A record whose write stopped in its
            // properties (the last field; the rest of the file reads as zeroes) would pass
            // every other check, but then ends in a zero byte, which RocketMQ's property
            // format never does (each pair ends with its value or a separator).
            if check_crc && r.properties.as_bytes().last() == Some(&0) {
                return Checked::Corrupt("torn record: properties end in a zero byte".into());
            }
            Checked::Message(r)
        }
        Err(e) => Checked::Corrupt(e.to_string()),
    }
}

/// How a checked record is framed: enough to step over it.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    Record(usize),
    Blank,
    End,
    Bad(String),
}

/// Frames the record at the start of `buf` (the rest of the file) by its size and magic only,
/// for records already checked (see `CommitLog::follow`).
pub fn frame(buf: &[u8]) -> Frame {
    let (Some(size), Some(magic)) = (be_i32(buf, 0), be_i32(buf, 4)) else {
        return Frame::End;
    };
    match magic {
        0 if size == 0 => Frame::End,
        BLANK_MAGIC_CODE => Frame::Blank,
        MESSAGE_MAGIC_CODE | MESSAGE_MAGIC_CODE_V2 if size >= 91 && size as usize <= buf.len() => {
            Frame::Record(size as usize)
        }
        // A slave's commit log grows by the master's byte ranges, which may end inside a
        // record: its rest is simply not published yet.
        MESSAGE_MAGIC_CODE | MESSAGE_MAGIC_CODE_V2 if size >= 91 => Frame::End,
        _ => Frame::Bad(format!("size {size}, magic {magic:#x}")),
    }
}

/// The fields of a record that its index keys need, read at their fixed places.
#[derive(Debug, PartialEq, Eq)]
pub struct IndexFields<'a> {
    pub sys_flag: i32,
    pub store_timestamp: i64,
    /// As stored; the index hashes it without checking it is UTF-8 first.
    pub topic: &'a [u8],
    pub properties: &'a [u8],
}

/// Reads `IndexFields` off a framed record; None if its layout does not hold them.
pub fn index_fields(rec: &[u8]) -> Option<IndexFields<'_>> {
    let magic = be_i32(rec, 4)?;
    let sys_flag = be_i32(rec, 36)?;
    let store_ts_at = store_timestamp_pos(sys_flag);
    let store_timestamp =
        i64::from_be_bytes(rec.get(store_ts_at..store_ts_at + 8)?.try_into().ok()?);
    // Store host, reconsume times, prepared transaction offset, then the body.
    let body_len_at =
        store_ts_at + 8 + host_field_len(sys_flag, sysflag::STOREHOSTADDRESS_V6_FLAG) + 4 + 8;
    let body_len = usize::try_from(be_i32(rec, body_len_at)?).ok()?;
    let mut at = body_len_at + 4 + body_len;
    let topic_len = if magic == MESSAGE_MAGIC_CODE_V2 {
        at += 2;
        u16::from_be_bytes(rec.get(at - 2..at)?.try_into().ok()?) as usize
    } else {
        at += 1;
        *rec.get(at - 1)? as usize
    };
    let topic = rec.get(at..at + topic_len)?;
    at += topic_len;
    let props_len = u16::from_be_bytes(rec.get(at..at + 2)?.try_into().ok()?) as usize;
    let properties = rec.get(at + 2..at + 2 + props_len)?;
    Some(IndexFields {
        sys_flag,
        store_timestamp,
        topic,
        properties,
    })
}

/// Where a record's store timestamp starts: after the born host, whose size the sysflag gives.
pub fn store_timestamp_pos(sys_flag: i32) -> usize {
    48 + host_field_len(sys_flag, sysflag::BORNHOST_V6_FLAG)
}

/// Bytes of a host field (address + port): 20 for IPv6 (its sysflag bit set), else 8.
fn host_field_len(sys_flag: i32, v6_flag: i32) -> usize {
    if sys_flag & v6_flag != 0 { 20 } else { 8 }
}

fn be_i32(b: &[u8], at: usize) -> Option<i32> {
    Some(i32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The last non-empty value of each named property in a properties string; the last one is
/// the one that counts, as in RocketMQ's property map. `found[i]` is the value of `names[i]`.
/// Values are cut at the ASCII separators, so they are slices of `props` that need no check.
pub fn find_properties<'a, const N: usize>(
    props: &'a str,
    names: [&str; N],
) -> [Option<&'a str>; N] {
    find_property_spans(props.as_bytes(), names).map(|v| v.and_then(|(a, b)| props.get(a..b)))
}

/// Like `find_properties`, over bytes not known to be UTF-8 (a record read back from the
/// commit log), with the values as bytes.
pub fn find_property_bytes<'a, const N: usize>(
    props: &'a [u8],
    names: [&str; N],
) -> [Option<&'a [u8]>; N] {
    find_property_spans(props, names).map(|v| v.map(|(a, b)| &props[a..b]))
}

/// Where each value `find_properties` returns lies in `props`, scanned from the end (this runs
/// for every message) and stopping once every name is found.
fn find_property_spans<const N: usize>(
    props: &[u8],
    names: [&str; N],
) -> [Option<(usize, usize)>; N] {
    const SEP: u8 = property::PROPERTY_SEPARATOR as u8;
    const NV: u8 = property::NAME_VALUE_SEPARATOR as u8;
    let mut found = [None; N];
    let mut missing = N;
    let mut end = props.len();
    while missing > 0 {
        let start = rfind_byte(SEP, &props[..end]).map_or(0, |i| i + 1);
        let seg = &props[start..end];
        for (slot, name) in found.iter_mut().zip(names) {
            let name = name.as_bytes();
            // The separator test first: it rules out almost every other name without a compare;
            // names are short, so a byte loop beats a call to memcmp.
            if slot.is_none()
                && seg.len() > name.len() + 1
                && seg[name.len()] == NV
                && seg.iter().zip(name).all(|(a, b)| a == b)
            {
                *slot = Some((start + name.len() + 1, end));
                missing -= 1;
            }
        }
        if start == 0 {
            break;
        }
        end = start - 1;
    }
    found
}

/// High bit set in exactly the zero bytes of `x` (no false positives either way, unlike the
/// shorter borrow trick, so a reverse search can trust its highest bit).
#[inline]
fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((x & LOW7).wrapping_add(LOW7)) | x) & !LOW7
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// The first `c` in `hay`, eight bytes a step: properties are cut at separators a few dozen
/// bytes apart, where memchr's vector set-up costs more than the search.
pub(crate) fn find_byte(c: u8, hay: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(chunk) = hay.get(i..i + 8) {
        let m = zero_bytes(
            u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ (ONES * c as u64),
        );
        if m != 0 {
            return Some(i + m.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    hay[i..].iter().position(|&b| b == c).map(|p| i + p)
}

/// The last `c` in `hay`, as `find_byte` from the end.
pub(crate) fn rfind_byte(c: u8, hay: &[u8]) -> Option<usize> {
    let mut j = hay.len();
    while j >= 8 {
        let chunk = &hay[j - 8..j];
        let m = zero_bytes(
            u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ (ONES * c as u64),
        );
        if m != 0 {
            return Some(j - 8 + (63 - m.leading_zeros() as usize) / 8);
        }
        j -= 8;
    }
    hay[..j].iter().rposition(|&b| b == c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_searches_agree_with_a_plain_scan() {
        let mut next = crate::util::xorshift(0x853c_49e6_748f_ea9bu64);
        for _ in 0..5000 {
            let len = (next() % 50) as usize;
            let hay: Vec<u8> = (0..len)
                .map(|_| match next() % 6 {
                    0 => 1,
                    1 => 2,
                    2 => 0,
                    3 => 0x81,
                    4 => 3,
                    _ => next() as u8,
                })
                .collect();
            for c in [1u8, 2, 0, 0x81, 0xff] {
                assert_eq!(
                    find_byte(c, &hay),
                    hay.iter().position(|&b| b == c),
                    "{c} {hay:?}"
                );
                assert_eq!(
                    rfind_byte(c, &hay),
                    hay.iter().rposition(|&b| b == c),
                    "{c} {hay:?}"
                );
            }
        }
    }

    fn msg<'a>(body: &'a [u8], props: &'a str) -> AppendMessage<'a> {
        AppendMessage {
            topic: "TopicTest",
            queue_id: 3,
            flag: 7,
            body,
            properties: props,
            sys_flag: 0,
            born_timestamp: 1_700_000_000_000,
            born_host: "10.0.0.1:5555".parse().unwrap(),
            store_host: "10.0.0.2:10911".parse().unwrap(),
            reconsume_times: 1,
            prepared_transaction_offset: 0,
        }
    }

    #[test]
    fn a_batch_record_from_the_head_is_the_record_of_the_whole_message() {
        let props = build_properties([("TAGS", "TagA"), ("UNIQ_KEY", "U")]);
        for (born, store) in [("10.0.0.1:5555", "10.0.0.2:10911"), ("[::1]:1", "[::2]:2")] {
            let mut base = msg(b"", "");
            base.born_host = born.parse().unwrap();
            base.store_host = store.parse().unwrap();
            base.sys_flag = sysflag::TRANSACTION_COMMIT_TYPE;
            let head = RecordHead::new(&base, 1_700_000_000_123);
            for (body, flag) in [(&b"hello body"[..], 9), (b"", -1)] {
                let m = BatchMessage {
                    flag,
                    body,
                    properties: &props,
                    tags_code: 0,
                };
                let whole = AppendMessage {
                    flag,
                    body,
                    properties: &props,
                    ..base.clone()
                };
                let mut want = vec![0u8; whole.record_len()];
                whole.encode_into(&mut want, 42, 1000, 1_700_000_000_123);
                assert_eq!(head.record_len(body, &props), want.len());
                let mut got = vec![0xAAu8; want.len()];
                head.encode(&mut got, &m, body_crc(body), 42, 1000);
                assert_eq!(got, want, "{born} {body:?}");
            }
        }
    }

    #[test]
    fn fixed_overhead_is_91_bytes_for_ipv4() {
        assert_eq!(msg(b"", "").record_len() - "TopicTest".len(), 91);
        let mut m = msg(b"", "");
        m.born_host = "[::1]:1".parse().unwrap();
        m.store_host = "[::1]:2".parse().unwrap();
        assert_eq!(m.record_len() - "TopicTest".len(), 91 + 24);
        assert_eq!(
            m.effective_sys_flag(),
            sysflag::BORNHOST_V6_FLAG | sysflag::STOREHOSTADDRESS_V6_FLAG
        );
    }

    #[test]
    fn index_fields_and_frame_agree_with_the_full_decode() {
        let props = build_properties([("TAGS", "TagA"), ("KEYS", "k1 k2"), ("UNIQ_KEY", "U")]);
        for (born, store) in [("10.0.0.1:5555", "10.0.0.2:10911"), ("[::1]:1", "[::2]:2")] {
            let mut m = msg(b"hello body", &props);
            m.born_host = born.parse().unwrap();
            m.store_host = store.parse().unwrap();
            m.sys_flag = sysflag::TRANSACTION_COMMIT_TYPE;
            let mut buf = vec![0u8; m.record_len()];
            m.encode_into(&mut buf, 42, 1000, 1_700_000_000_123);
            let full = decode_record_ref(&buf).unwrap();
            let f = index_fields(&buf).unwrap();
            assert_eq!(f.sys_flag, full.sys_flag);
            assert_eq!(f.store_timestamp, 1_700_000_000_123);
            assert_eq!(f.topic, b"TopicTest");
            assert_eq!(f.properties, props.as_bytes());
            buf.extend_from_slice(&[0; 16]);
            assert_eq!(frame(&buf), Frame::Record(m.record_len()));
            assert_eq!(frame(&buf[m.record_len()..]), Frame::End);
            assert_eq!(index_fields(&buf[..60]), None, "cut short");
        }
        let mut blank = vec![0u8; 64];
        encode_blank(&mut blank, 64);
        assert_eq!(frame(&blank), Frame::Blank);
        assert!(matches!(frame(&[0, 0, 0, 9, 1, 2, 3, 4]), Frame::Bad(_)));
    }

    #[test]
    fn properties_found_by_whole_name_with_a_value() {
        let props = "XTAGS\u{1}x\u{2}TAGS\u{1}\u{2}KEYS\u{1}a b\u{2}TAGS\u{1}t\u{1}u\u{2}TAGS";
        assert_eq!(
            find_properties(props, ["TAGS", "KEYS", "UNIQ_KEY"]),
            [Some("t\u{1}u"), Some("a b"), None]
        );
        assert_eq!(
            find_property_bytes(props.as_bytes(), ["KEYS", "TAGS"]),
            [Some(&b"a b"[..]), Some(&b"t\x01u"[..])]
        );
        assert_eq!(find_properties("", ["TAGS"]), [None]);
    }

    proptest::proptest! {
        #[test]
        fn properties_found_are_the_last_of_the_property_map(props in "[TAGSKEY\u{1}\u{2}x]{0,40}") {
            let names = ["TAGS", "KEYS"];
            let found = find_properties(&props, names);
            let found_bytes = find_property_bytes(props.as_bytes(), names);
            for ((got, got_bytes), name) in found.iter().zip(found_bytes).zip(names) {
                proptest::prop_assert_eq!(got.map(str::as_bytes), got_bytes);
                let last = crate::protocol::message::properties_iter(&props)
                    .filter(|(k, _)| *k == name)
                    .last()
                    .map(|(_, v)| v);
                proptest::prop_assert_eq!(*got, last);
            }
        }
    }

    #[test]
    fn every_prefix_of_a_record_is_refused_by_the_recovery_check() {
        let props = build_properties([("TAGS", "TagA"), ("KEYS", "k1 k2")]);
        // At offset 0 a torn physical offset field still reads as the expected one.
        for (body, phys) in [(&b""[..], 0), (b"hello", 0), (b"hello", 1000)] {
            let m = msg(body, &props);
            let mut whole = vec![0u8; m.record_len()];
            m.encode_into(&mut whole, 0, phys, 1_700_000_000_123);
            // As the file holds a torn record: its first k bytes, then zeroes.
            for k in 0..whole.len() {
                let mut torn = vec![0u8; whole.len() + 64];
                torn[..k].copy_from_slice(&whole[..k]);
                assert!(
                    matches!(
                        check_record(&torn, phys, true),
                        RecordCheck::Corrupt(_) | RecordCheck::End
                    ),
                    "prefix of {k} of {} bytes accepted",
                    whole.len()
                );
            }
        }
    }

    #[test]
    fn encode_decode_round_trip() {
        let props = build_properties([("TAGS", "TagA"), ("KEYS", "k1 k2")]);
        let m = msg(b"hello", &props);
        let mut buf = vec![0u8; m.record_len()];
        m.encode_into(&mut buf, 42, 1000, 1_700_000_000_123);
        assert_eq!(
            check_record(&buf, 1000, true),
            RecordCheck::Message(buf.len())
        );
        let d = decode_message(&buf).unwrap();
        assert_eq!(d.topic, "TopicTest");
        assert_eq!(d.queue_offset, 42);
        assert_eq!(d.commit_log_offset, 1000);
        assert_eq!(d.body, b"hello");
        assert_eq!(d.tags(), Some("TagA"));
        assert_eq!(d.keys(), Some("k1 k2"));
        assert_eq!(d.born_host.to_string(), "10.0.0.1:5555");
        assert_eq!(d.msg_id, "0A00000200002A9F00000000000003E8");
        let (h, o) = decode_offset_msg_id(&d.msg_id).unwrap();
        assert_eq!((h.to_string().as_str(), o), ("10.0.0.2:10911", 1000));
        buf[90] ^= 1; // in the body
        assert!(matches!(
            check_record(&buf, 1000, true),
            RecordCheck::Corrupt(_)
        ));
    }

    #[test]
    fn java_hash_matches_java() {
        assert_eq!(java_hash(""), 0);
        assert_eq!(java_hash("TagA"), 2598919);
        assert_eq!(java_hash("hello world"), 1794106052);
        assert_eq!(
            java_hash("TopicTest#key"),
            java_hash_extend(java_hash("TopicTest#"), "key")
        );
        assert_eq!(tags_code(Some("TagA")), 2598919);
        assert_eq!(tags_code(None), 0);
        // "é" is one UTF-16 unit 0xE9.
        assert_eq!(java_hash("é"), 0xE9);
    }

    #[test]
    fn properties_parse_like_java() {
        let p = "a\u{1}1\u{2}bb\u{1}22\u{2}\u{1}x\u{2}c\u{1}";
        let m = parse_properties(p);
        assert_eq!(m.get("a").map(|s| s.as_str()), Some("1"));
        assert_eq!(m.get("bb").map(|s| s.as_str()), Some("22"));
        assert_eq!(m.len(), 2);
        assert_eq!(property_value(p, "bb"), Some("22"));
    }
}
