//! The commit log record: RocketMQ's v1 layout (MessageDecoder / CommitLog#calMsgLength), its
//! encoding into a buffer, its decoding, message properties, tags codes, Java string hashes and
//! offset message ids.

use super::error::{Result, StoreError};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Magic code of a v1 message record.
pub const MESSAGE_MAGIC_CODE: i32 = 0xDAA320A7_u32 as i32;
/// Magic code of a v2 message record (5.x, 2-byte topic length); decoded, never written.
pub const MESSAGE_MAGIC_CODE_V2: i32 = 0xDAA320AB_u32 as i32;
/// Magic code of the filler that pads the end of a commit log file.
pub const BLANK_MAGIC_CODE: i32 = 0xCBD43194_u32 as i32;
/// A BLANK record is at least its size and magic.
pub const END_FILE_MIN_BLANK_LENGTH: usize = 4 + 4;

pub mod sysflag {
    pub const COMPRESSED: i32 = 0x1;
    pub const MULTI_TAGS: i32 = 0x2;
    pub const TRANSACTION_NOT_TYPE: i32 = 0;
    pub const TRANSACTION_PREPARED_TYPE: i32 = 0x1 << 2;
    pub const TRANSACTION_COMMIT_TYPE: i32 = 0x2 << 2;
    pub const TRANSACTION_ROLLBACK_TYPE: i32 = 0x3 << 2;
    pub const BORNHOST_V6_FLAG: i32 = 0x1 << 4;
    pub const STOREHOSTADDRESS_V6_FLAG: i32 = 0x1 << 5;

    /// The transaction bits (2-3) of a sysflag.
    pub fn transaction_value(flag: i32) -> i32 {
        flag & TRANSACTION_ROLLBACK_TYPE
    }
}

pub mod property {
    pub const KEYS: &str = "KEYS";
    pub const TAGS: &str = "TAGS";
    pub const UNIQ_KEY: &str = "UNIQ_CLIENT_MESSAGE_ID_KEYIDX";
    pub const DELAY: &str = "DELAY";
    pub const NAME_VALUE_SEPARATOR: char = '\u{1}';
    pub const PROPERTY_SEPARATOR: char = '\u{2}';
}

/// Java's `String.hashCode`, continued from `h` over `s` (UTF-16 code units, wrapping).
pub fn java_hash_extend(h: i32, s: &str) -> i32 {
    if s.is_ascii() {
        s.bytes()
            .fold(h, |h, b| h.wrapping_mul(31).wrapping_add(b as i32))
    } else {
        s.encode_utf16()
            .fold(h, |h, c| h.wrapping_mul(31).wrapping_add(c as i32))
    }
}

/// Java's `String.hashCode`.
pub fn java_hash(s: &str) -> i32 {
    java_hash_extend(0, s)
}

/// The consume queue tags code of a TAGS value: its Java hash, sign-extended; 0 without tags.
pub fn tags_code(tags: Option<&str>) -> i64 {
    match tags {
        Some(t) if !t.is_empty() => java_hash(t) as i64,
        _ => 0,
    }
}

/// Iterates the `name\u0001value` pairs of a properties string (`\u0002`-separated), skipping
/// malformed segments as RocketMQ's `string2messageProperties` does.
pub fn properties_iter(props: &str) -> impl Iterator<Item = (&str, &str)> {
    props.split(property::PROPERTY_SEPARATOR).filter_map(|seg| {
        let i = seg.find(property::NAME_VALUE_SEPARATOR)?;
        if seg.len() < 3 || i == 0 || i + 1 >= seg.len() {
            return None;
        }
        Some((&seg[..i], &seg[i + 1..]))
    })
}

/// The value of one property, without building a map.
pub fn property_value<'a>(props: &'a str, name: &str) -> Option<&'a str> {
    properties_iter(props)
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Parses a properties string into a map.
pub fn parse_properties(props: &str) -> BTreeMap<String, String> {
    properties_iter(props)
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Builds a properties string from pairs (no trailing separator).
pub fn build_properties<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut s = String::new();
    for (k, v) in pairs {
        if !s.is_empty() {
            s.push(property::PROPERTY_SEPARATOR);
        }
        s.push_str(k);
        s.push(property::NAME_VALUE_SEPARATOR);
        s.push_str(v);
    }
    s
}

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
        if self.properties.len() > i16::MAX as usize {
            return Err(StoreError::BadMessage(format!(
                "properties length {} exceeds 32767",
                self.properties.len()
            )));
        }
        if self.body.len() > max_message_size {
            return Err(StoreError::MessageTooLarge {
                size: self.body.len(),
                max: max_message_size,
            });
        }
        Ok(())
    }

    /// Writes the whole record into `buf`, which must be exactly `record_len()` bytes.
    pub fn encode_into(
        &self,
        buf: &mut [u8],
        queue_offset: i64,
        physical_offset: i64,
        store_timestamp: i64,
    ) {
        debug_assert_eq!(buf.len(), self.record_len());
        let mut w = Writer { buf, pos: 0 };
        w.i32(buf_len_i32(w.buf.len()));
        w.i32(MESSAGE_MAGIC_CODE);
        w.i32(body_crc(self.body));
        w.i32(self.queue_id);
        w.i32(self.flag);
        w.i64(queue_offset);
        w.i64(physical_offset);
        w.i32(self.effective_sys_flag());
        w.i64(self.born_timestamp);
        w.host(&self.born_host);
        w.i64(store_timestamp);
        w.host(&self.store_host);
        w.i32(self.reconsume_times);
        w.i64(self.prepared_transaction_offset);
        w.i32(self.body.len() as i32);
        w.bytes(self.body);
        w.buf[w.pos] = self.topic.len() as u8;
        w.pos += 1;
        w.bytes(self.topic.as_bytes());
        w.buf[w.pos..w.pos + 2].copy_from_slice(&(self.properties.len() as i16).to_be_bytes());
        w.pos += 2;
        w.bytes(self.properties.as_bytes());
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
}

/// Writes the BLANK filler at the end of a file: remaining length and BLANK magic.
pub fn encode_blank(buf: &mut [u8], remaining: usize) {
    buf[0..4].copy_from_slice(&(remaining as i32).to_be_bytes());
    buf[4..8].copy_from_slice(&BLANK_MAGIC_CODE.to_be_bytes());
}

/// The offset message id: store host address, port and physical offset, upper-case hex.
pub fn offset_msg_id(store_host: &SocketAddr, physical_offset: i64) -> String {
    let mut s = String::with_capacity(56);
    let mut push = |b: &[u8]| {
        for x in b {
            let _ = write!(s, "{x:02X}");
        }
    };
    match store_host.ip() {
        IpAddr::V4(ip) => push(&ip.octets()),
        IpAddr::V6(ip) => push(&ip.octets()),
    }
    push(&(store_host.port() as i32).to_be_bytes());
    push(&physical_offset.to_be_bytes());
    s
}

/// Decodes an offset message id into the store host and physical offset.
pub fn decode_offset_msg_id(id: &str) -> Result<(SocketAddr, i64)> {
    let bad = || StoreError::BadMessage(format!("bad offset message id {id:?}"));
    if !id.is_ascii() || (id.len() != 32 && id.len() != 56) {
        return Err(bad());
    }
    let mut b = Vec::with_capacity(id.len() / 2);
    for i in (0..id.len()).step_by(2) {
        b.push(u8::from_str_radix(&id[i..i + 2], 16).map_err(|_| bad())?);
    }
    let ip_len = b.len() - 12;
    let ip = if ip_len == 4 {
        IpAddr::V4(Ipv4Addr::new(b[0], b[1], b[2], b[3]))
    } else {
        let mut o = [0u8; 16];
        o.copy_from_slice(&b[..16]);
        IpAddr::V6(Ipv6Addr::from(o))
    };
    let port = i32::from_be_bytes(b[ip_len..ip_len + 4].try_into().unwrap());
    let off = i64::from_be_bytes(b[ip_len + 4..].try_into().unwrap());
    Ok((SocketAddr::new(ip, port as u16), off))
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
            Checked::Message(r)
        }
        Err(e) => Checked::Corrupt(e.to_string()),
    }
}

/// A record decoded in place: fixed fields plus slices into the record.
#[derive(Debug, Clone)]
pub struct RecordRef<'a> {
    pub total_size: i32,
    pub magic: i32,
    pub body_crc: i32,
    pub queue_id: i32,
    pub flag: i32,
    pub queue_offset: i64,
    pub physical_offset: i64,
    pub sys_flag: i32,
    pub born_timestamp: i64,
    pub born_host: SocketAddr,
    pub store_timestamp: i64,
    pub store_host: SocketAddr,
    pub reconsume_times: i32,
    pub prepared_transaction_offset: i64,
    pub body: &'a [u8],
    pub topic: &'a str,
    pub properties: &'a str,
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.buf.len() - self.pos < n {
            return Err(StoreError::BadMessage(format!(
                "record truncated at byte {} (need {n} more)",
                self.pos
            )));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn i16(&mut self) -> Result<i16> {
        Ok(i16::from_be_bytes(self.take(2)?.try_into().unwrap()))
    }
    fn i32(&mut self) -> Result<i32> {
        Ok(i32::from_be_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn i64(&mut self) -> Result<i64> {
        Ok(i64::from_be_bytes(self.take(8)?.try_into().unwrap()))
    }
    fn host(&mut self, v6: bool) -> Result<SocketAddr> {
        let ip = if v6 {
            let o: [u8; 16] = self.take(16)?.try_into().unwrap();
            IpAddr::V6(Ipv6Addr::from(o))
        } else {
            let o: [u8; 4] = self.take(4)?.try_into().unwrap();
            IpAddr::V4(Ipv4Addr::from(o))
        };
        let port = self.i32()?;
        Ok(SocketAddr::new(ip, port as u16))
    }
}

fn utf8<'a>(b: &'a [u8], what: &str) -> Result<&'a str> {
    std::str::from_utf8(b).map_err(|_| StoreError::BadMessage(format!("{what} is not UTF-8")))
}

/// Decodes one record (exactly its bytes) without copying.
pub fn decode_record_ref(buf: &[u8]) -> Result<RecordRef<'_>> {
    let mut r = Reader { buf, pos: 0 };
    let total_size = r.i32()?;
    if total_size as usize != buf.len() {
        return Err(StoreError::BadMessage(format!(
            "total size {total_size} but {} bytes",
            buf.len()
        )));
    }
    let magic = r.i32()?;
    let body_crc = r.i32()?;
    let queue_id = r.i32()?;
    let flag = r.i32()?;
    let queue_offset = r.i64()?;
    let physical_offset = r.i64()?;
    let sys_flag = r.i32()?;
    let born_timestamp = r.i64()?;
    let born_host = r.host(sys_flag & sysflag::BORNHOST_V6_FLAG != 0)?;
    let store_timestamp = r.i64()?;
    let store_host = r.host(sys_flag & sysflag::STOREHOSTADDRESS_V6_FLAG != 0)?;
    let reconsume_times = r.i32()?;
    let prepared_transaction_offset = r.i64()?;
    let body_len = r.i32()?;
    if body_len < 0 {
        return Err(StoreError::BadMessage(format!("body length {body_len}")));
    }
    let body = r.take(body_len as usize)?;
    let topic_len = if magic == MESSAGE_MAGIC_CODE_V2 {
        r.i16()? as u16 as usize
    } else {
        r.take(1)?[0] as usize
    };
    let topic = utf8(r.take(topic_len)?, "topic")?;
    let props_len = r.i16()?;
    if props_len < 0 {
        return Err(StoreError::BadMessage(format!(
            "properties length {props_len}"
        )));
    }
    let properties = utf8(r.take(props_len as usize)?, "properties")?;
    if r.pos != buf.len() {
        return Err(StoreError::BadMessage(format!(
            "{} trailing bytes in record",
            buf.len() - r.pos
        )));
    }
    Ok(RecordRef {
        total_size,
        magic,
        body_crc,
        queue_id,
        flag,
        queue_offset,
        physical_offset,
        sys_flag,
        born_timestamp,
        born_host,
        store_timestamp,
        store_host,
        reconsume_times,
        prepared_transaction_offset,
        body,
        topic,
        properties,
    })
}

/// A fully decoded message (MessageExt): every field, properties as a map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecodedMessage {
    pub msg_id: String,
    pub topic: String,
    pub queue_id: i32,
    pub flag: i32,
    pub queue_offset: i64,
    pub commit_log_offset: i64,
    pub store_size: i32,
    pub body_crc: i32,
    pub sys_flag: i32,
    pub born_timestamp: i64,
    pub born_host: SocketAddr,
    pub store_timestamp: i64,
    pub store_host: SocketAddr,
    pub reconsume_times: i32,
    pub prepared_transaction_offset: i64,
    pub properties: BTreeMap<String, String>,
    #[serde(serialize_with = "serialize_body")]
    pub body: Vec<u8>,
}

fn serialize_body<S: serde::Serializer>(b: &[u8], s: S) -> std::result::Result<S::Ok, S::Error> {
    match std::str::from_utf8(b) {
        Ok(t) => s.serialize_str(t),
        Err(_) => s.serialize_str(&format!("<{} bytes>", b.len())),
    }
}

impl DecodedMessage {
    pub fn tags(&self) -> Option<&str> {
        self.properties.get(property::TAGS).map(|s| s.as_str())
    }
    pub fn keys(&self) -> Option<&str> {
        self.properties.get(property::KEYS).map(|s| s.as_str())
    }
    pub fn uniq_key(&self) -> Option<&str> {
        self.properties.get(property::UNIQ_KEY).map(|s| s.as_str())
    }
}

/// Decodes one record (exactly its bytes) into an owned message.
pub fn decode_message(buf: &[u8]) -> Result<DecodedMessage> {
    let r = decode_record_ref(buf)?;
    Ok(DecodedMessage {
        msg_id: offset_msg_id(&r.store_host, r.physical_offset),
        topic: r.topic.to_string(),
        queue_id: r.queue_id,
        flag: r.flag,
        queue_offset: r.queue_offset,
        commit_log_offset: r.physical_offset,
        store_size: r.total_size,
        body_crc: r.body_crc,
        sys_flag: r.sys_flag,
        born_timestamp: r.born_timestamp,
        born_host: r.born_host,
        store_timestamp: r.store_timestamp,
        store_host: r.store_host,
        reconsume_times: r.reconsume_times,
        prepared_transaction_offset: r.prepared_transaction_offset,
        properties: parse_properties(r.properties),
        body: r.body.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
