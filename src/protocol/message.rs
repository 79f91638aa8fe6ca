//! The message format shared by clients, broker and store: sysflag bits,
//! property keys, the properties string (`k\u0001v\u0002k\u0001v`), Java
//! string hashes (tags codes), message ids, the commit log record as pulls
//! and queries carry it (decoding; the store writes it), and batch bodies.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use serde::Serialize;

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

/// MSG_TYPE of a reply to a request message (Java's MixAll.REPLY_MESSAGE_FLAG).
pub const REPLY_MESSAGE_FLAG: &str = "reply";

/// The topic replies are sent to in a cluster, `<cluster>_REPLY_TOPIC` (Java's
/// MixAll.getReplyTopic): each broker creates it at start.
pub fn reply_topic(cluster: &str) -> String {
    format!("{cluster}_REPLY_TOPIC")
}

/// Magic code of a v1 message record.
pub const MESSAGE_MAGIC_CODE: i32 = 0xDAA320A7_u32 as i32;
/// Magic code of a v2 message record (5.x, 2-byte topic length); decoded, never written.
pub const MESSAGE_MAGIC_CODE_V2: i32 = 0xDAA320AB_u32 as i32;
/// Magic code of the filler that pads the end of a commit log file.
pub const BLANK_MAGIC_CODE: i32 = 0xCBD43194_u32 as i32;
/// A record or message id that cannot be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad message: {0}")]
pub struct MessageError(pub String);

/// Property keys (Java's MessageConst.PROPERTY_*).
pub mod property {
    pub const KEYS: &str = "KEYS";
    pub const TAGS: &str = "TAGS";
    pub const WAIT_STORE_MSG_OK: &str = "WAIT";
    pub const DELAY: &str = "DELAY";
    pub const RETRY_TOPIC: &str = "RETRY_TOPIC";
    pub const REAL_TOPIC: &str = "REAL_TOPIC";
    pub const REAL_QUEUE_ID: &str = "REAL_QID";
    pub const TRANSACTION_PREPARED: &str = "TRAN_MSG";
    pub const PRODUCER_GROUP: &str = "PGROUP";
    pub const MIN_OFFSET: &str = "MIN_OFFSET";
    pub const MAX_OFFSET: &str = "MAX_OFFSET";
    pub const BUYER_ID: &str = "BUYER_ID";
    pub const ORIGIN_MESSAGE_ID: &str = "ORIGIN_MESSAGE_ID";
    pub const TRANSFER_FLAG: &str = "TRANSFER_FLAG";
    pub const CORRECTION_FLAG: &str = "CORRECTION_FLAG";
    pub const MQ2_FLAG: &str = "MQ2_FLAG";
    pub const RECONSUME_TIME: &str = "RECONSUME_TIME";
    pub const MSG_REGION: &str = "MSG_REGION";
    pub const TRACE_SWITCH: &str = "TRACE_ON";
    /// The client's unique message id (the msgId users see).
    pub const UNIQ_KEY: &str = "UNIQ_KEY";
    pub const MAX_RECONSUME_TIMES: &str = "MAX_RECONSUME_TIMES";
    pub const CONSUME_START_TIMESTAMP: &str = "CONSUME_START_TIME";
    pub const TRANSACTION_PREPARED_QUEUE_OFFSET: &str = "TRAN_PREPARED_QUEUE_OFFSET";
    pub const TRANSACTION_CHECK_TIMES: &str = "TRANSACTION_CHECK_TIMES";
    pub const CHECK_IMMUNITY_TIME_IN_SECONDS: &str = "CHECK_IMMUNITY_TIME_IN_SECONDS";
    pub const INSTANCE_ID: &str = "INSTANCE_ID";
    pub const CORRELATION_ID: &str = "CORRELATION_ID";
    pub const MESSAGE_REPLY_TO_CLIENT: &str = "REPLY_TO_CLIENT";
    pub const MESSAGE_TTL: &str = "TTL";
    pub const MESSAGE_ARRIVE_TIME: &str = "ARRIVE_TIME";
    pub const PUSH_REPLY_TIME: &str = "PUSH_REPLY_TIME";
    pub const CLUSTER: &str = "CLUSTER";
    pub const MESSAGE_TYPE: &str = "MSG_TYPE";
    /// RocketMQ 5's timer properties: an absolute delivery time, a relative delay, the
    /// slot the broker chose, a timer delete.
    pub const TIMER_DELIVER_MS: &str = "TIMER_DELIVER_MS";
    pub const TIMER_DELAY_SEC: &str = "TIMER_DELAY_SEC";
    pub const TIMER_DELAY_MS: &str = "TIMER_DELAY_MS";
    pub const TIMER_OUT_MS: &str = "TIMER_OUT_MS";
    pub const TIMER_DEL_UNIQKEY: &str = "TIMER_DEL_UNIQKEY";
    /// The delivery time (epoch ms) of ali-ons and Aliyun's ONS clients.
    pub const START_DELIVER_TIME: &str = "__STARTDELIVERTIME";
    pub const NAME_VALUE_SEPARATOR: char = '\u{1}';
    pub const PROPERTY_SEPARATOR: char = '\u{2}';
}

/// Java's `String.hashCode`, continued from `h` over `s` (UTF-16 code units, wrapping).
pub fn java_hash_extend(h: i32, s: &str) -> i32 {
    java_hash_ascii(h, s.as_bytes()).unwrap_or_else(|| java_hash_utf16(h, s))
}

/// Java's `String.hashCode` of the string whose UTF-8 bytes are `s`, continued from `h`; None
/// if `s` is not UTF-8. Hashes straight off the bytes when they are ASCII (where a byte is a
/// UTF-16 unit), so the index need not validate a key before hashing it.
pub fn java_hash_bytes(h: i32, s: &[u8]) -> Option<i32> {
    java_hash_ascii(h, s).or_else(|| Some(java_hash_utf16(h, std::str::from_utf8(s).ok()?)))
}

fn java_hash_utf16(h: i32, s: &str) -> i32 {
    s.encode_utf16()
        .fold(h, |h, c| h.wrapping_mul(31).wrapping_add(c as i32))
}

/// 31^k, wrapping, for k = 0..=8.
const POW31: [u32; 9] = {
    let mut p = [1u32; 9];
    let mut k = 1;
    while k < 9 {
        p[k] = p[k - 1].wrapping_mul(31);
        k += 1;
    }
    p
};

/// The hash over ASCII bytes, or None at the first byte that is not ASCII. Eight characters
/// per step: h·31⁸ + Σ cᵢ·31⁷⁻ⁱ is the same value (all wrapping), and its eight products do
/// not wait on each other the way the one-character-at-a-time chain does.
fn java_hash_ascii(h: i32, s: &[u8]) -> Option<i32> {
    let mut h = h as u32;
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let word = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        if word & 0x8080_8080_8080_8080 != 0 {
            return None;
        }
        let term = |i: usize| (c[i] as u32).wrapping_mul(POW31[7 - i]);
        let sum = (term(0).wrapping_add(term(1)))
            .wrapping_add(term(2).wrapping_add(term(3)))
            .wrapping_add(
                (term(4).wrapping_add(term(5))).wrapping_add(term(6).wrapping_add(c[7] as u32)),
            );
        h = h.wrapping_mul(POW31[8]).wrapping_add(sum);
    }
    for &b in chunks.remainder() {
        if !b.is_ascii() {
            return None;
        }
        h = h.wrapping_mul(31).wrapping_add(b as u32);
    }
    Some(h as i32)
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
    segments(props).filter_map(|seg| {
        let i = memchr::memchr(NAME_VALUE_BYTE, seg.as_bytes())?;
        if seg.len() < 3 || i == 0 || i + 1 >= seg.len() {
            return None;
        }
        Some((&seg[..i], &seg[i + 1..]))
    })
}

const NAME_VALUE_BYTE: u8 = property::NAME_VALUE_SEPARATOR as u8;
const PROPERTY_BYTE: u8 = property::PROPERTY_SEPARATOR as u8;

/// The `\u0002`-separated segments of a properties string, found with memchr: a consumer
/// looks up a property or two in every message it receives.
fn segments(props: &str) -> impl Iterator<Item = &str> {
    let bytes = props.as_bytes();
    let mut at = Some(0);
    std::iter::from_fn(move || {
        let start = at?;
        let end = match memchr::memchr(PROPERTY_BYTE, &bytes[start..]) {
            Some(i) => {
                at = Some(start + i + 1);
                start + i
            }
            None => {
                at = None;
                bytes.len()
            }
        };
        // Both ends are next to an ASCII separator or the string's ends: char boundaries.
        Some(&props[start..end])
    })
}

fn is_property_name(n: &[u8]) -> bool {
    !n.is_empty()
        && !n
            .iter()
            .any(|&c| c == NAME_VALUE_BYTE || c == PROPERTY_BYTE)
}

/// The value of one property, without building a map.
pub fn property_value<'a>(props: &'a str, name: &str) -> Option<&'a str> {
    let n = name.as_bytes();
    // A segment is `name\u0001value` exactly when it starts with the name and the separator
    // (the first separator ends the name); an empty value does not count. One pass over the
    // segment starts: a consumer looks a property up in every message it receives.
    let b = props.as_bytes();
    let mut start = 0;
    loop {
        let seg = &b[start..];
        let at = if seg.len() > n.len() && seg[n.len()] == NAME_VALUE_BYTE && seg.starts_with(n) {
            if !is_property_name(n) {
                // No segment's name is empty or holds a separator: a match here spans more
                // than a name.
                return None;
            }
            let value = start + n.len() + 1;
            let end = memchr::memchr(PROPERTY_BYTE, &b[value..]).map_or(b.len(), |i| value + i);
            if end > value {
                // Both ends are next to an ASCII separator or the string's end.
                return Some(&props[value..end]);
            }
            end
        } else {
            start + memchr::memchr(PROPERTY_BYTE, seg)?
        };
        if at >= b.len() {
            return None;
        }
        start = at + 1;
    }
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
        push_property(&mut s, k, v);
    }
    s
}

/// Appends `k`=`v` to a properties string (with a separator unless it is the first).
pub fn push_property(out: &mut String, k: &str, v: &str) {
    if !out.is_empty() {
        out.push(property::PROPERTY_SEPARATOR);
    }
    out.push_str(k);
    out.push(property::NAME_VALUE_SEPARATOR);
    out.push_str(v);
}

/// The offset message id: store host address, port and physical offset, upper-case hex.
pub fn offset_msg_id(store_host: &SocketAddr, physical_offset: i64) -> String {
    let mut s = String::with_capacity(OFFSET_MSG_ID_MAX_LEN);
    push_offset_msg_id(&mut s, store_host, physical_offset);
    s
}

/// The longest offset message id (an IPv6 store host): 28 bytes as hex.
pub const OFFSET_MSG_ID_MAX_LEN: usize = 56;

/// Appends `offset_msg_id(store_host, physical_offset)` to `out`; a send answer lists one
/// per stored message, so this runs per message and goes through a table, not `fmt`.
pub fn push_offset_msg_id(out: &mut String, store_host: &SocketAddr, physical_offset: i64) {
    let mut raw = [0u8; 28];
    let ip_len = match store_host.ip() {
        IpAddr::V4(ip) => {
            raw[..4].copy_from_slice(&ip.octets());
            4
        }
        IpAddr::V6(ip) => {
            raw[..16].copy_from_slice(&ip.octets());
            16
        }
    };
    raw[ip_len..ip_len + 4].copy_from_slice(&(store_host.port() as i32).to_be_bytes());
    raw[ip_len + 4..ip_len + 12].copy_from_slice(&physical_offset.to_be_bytes());
    let mut hex = [0u8; OFFSET_MSG_ID_MAX_LEN];
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let len = ip_len + 12;
    for (i, b) in raw[..len].iter().enumerate() {
        hex[2 * i] = DIGITS[(b >> 4) as usize];
        hex[2 * i + 1] = DIGITS[(b & 0xf) as usize];
    }
    // Only ASCII hex digits were written.
    out.push_str(std::str::from_utf8(&hex[..2 * len]).unwrap_or_default());
}

/// Decodes an offset message id into the store host and physical offset.
pub fn decode_offset_msg_id(id: &str) -> Result<(SocketAddr, i64), MessageError> {
    let bad = || MessageError(format!("bad offset message id {id:?}"));
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

/// Reads a record's variable part (body, topic, properties) in order.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    #[inline(always)]
    fn take(&mut self, n: usize) -> Result<&'a [u8], MessageError> {
        match self.buf.get(self.pos..).and_then(|rest| rest.get(..n)) {
            Some(s) => {
                self.pos += n;
                Ok(s)
            }
            None => Err(self.truncated(n)),
        }
    }
    #[cold]
    fn truncated(&self, n: usize) -> MessageError {
        MessageError(format!(
            "record truncated at byte {} (need {n} more)",
            self.pos
        ))
    }
    #[inline(always)]
    fn i16(&mut self) -> Result<i16, MessageError> {
        let b = self.take(2)?;
        Ok(i16::from_be_bytes([b[0], b[1]]))
    }
}

/// Whether `b` is ASCII: its words or-ed together and tested once, without the early exit
/// and alignment work of `<[u8]>::is_ascii` that cost more than a short field itself.
#[inline]
fn is_ascii(b: &[u8]) -> bool {
    let (words, tail) = b.as_chunks::<8>();
    let mut acc = words
        .iter()
        .fold(0u64, |acc, w| acc | u64::from_ne_bytes(*w));
    for &c in tail {
        acc |= u64::from(c);
    }
    acc & 0x8080_8080_8080_8080 == 0
}

/// `b` as text. Topics and properties are ASCII nearly always, which a word-at-a-time check
/// settles for a fraction of full UTF-8 validation.
#[inline]
fn utf8<'a>(b: &'a [u8], what: &str) -> Result<&'a str, MessageError> {
    if is_ascii(b) {
        // SAFETY: ASCII bytes are valid UTF-8.
        return Ok(unsafe { std::str::from_utf8_unchecked(b) });
    }
    std::str::from_utf8(b).map_err(|_| MessageError(format!("{what} is not UTF-8")))
}

/// A record's fixed fields up to and with its body length, when both hosts are IPv4 (an IPv6
/// host takes 12 bytes more).
const RECORD_HEAD_V4: usize = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + 8 + 8 + 8 + 4 + 8 + 4;
/// Where the sysflag is, which says how long the hosts are.
const SYSFLAG_AT: usize = 36;

#[inline(always)]
fn be_i32(b: &[u8], at: usize) -> i32 {
    i32::from_be_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

#[inline(always)]
fn be_i64(b: &[u8], at: usize) -> i64 {
    i64::from_be_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

/// The host at `at` (address, then port as an int) and the length it takes.
#[inline(always)]
fn host_at(b: &[u8], at: usize, v6: bool) -> SocketAddr {
    let (ip, port_at) = if v6 {
        let o: [u8; 16] = b[at..at + 16].try_into().expect("16 bytes");
        (IpAddr::V6(Ipv6Addr::from(o)), at + 16)
    } else {
        let o: [u8; 4] = b[at..at + 4].try_into().expect("4 bytes");
        (IpAddr::V4(Ipv4Addr::from(o)), at + 4)
    };
    SocketAddr::new(ip, be_i32(b, port_at) as u16)
}

/// Decodes one record (exactly its bytes) without copying.
pub fn decode_record_ref(buf: &[u8]) -> Result<RecordRef<'_>, MessageError> {
    let truncated = |at: usize, need: usize| {
        MessageError(format!("record truncated at byte {at} (need {need} more)"))
    };
    // The fixed head is read at known positions after one length check: a consumer decodes
    // every record it receives.
    let Some(size) = buf.get(..4) else {
        return Err(truncated(0, 4));
    };
    let total_size = i32::from_be_bytes(size.try_into().expect("4 bytes"));
    if total_size as usize != buf.len() {
        return Err(MessageError(format!(
            "total size {total_size} but {} bytes",
            buf.len()
        )));
    }
    if buf.len() < SYSFLAG_AT + 4 {
        return Err(truncated(buf.len(), SYSFLAG_AT + 4 - buf.len()));
    }
    let sys_flag = be_i32(buf, SYSFLAG_AT);
    let born_len = if sys_flag & sysflag::BORNHOST_V6_FLAG != 0 {
        20
    } else {
        8
    };
    let store_len = if sys_flag & sysflag::STOREHOSTADDRESS_V6_FLAG != 0 {
        20
    } else {
        8
    };
    let head = RECORD_HEAD_V4 - 16 + born_len + store_len;
    if buf.len() < head {
        return Err(truncated(buf.len(), head - buf.len()));
    }
    let born_at = SYSFLAG_AT + 4 + 8;
    let store_ts_at = born_at + born_len;
    let store_at = store_ts_at + 8;
    let reconsume_at = store_at + store_len;
    let body_len = be_i32(buf, head - 4);
    if body_len < 0 {
        return Err(MessageError(format!("body length {body_len}")));
    }
    let magic = be_i32(buf, 4);
    let mut r = Reader { buf, pos: head };
    let body = r.take(body_len as usize)?;
    let topic_len = if magic == MESSAGE_MAGIC_CODE_V2 {
        r.i16()? as u16 as usize
    } else {
        r.take(1)?[0] as usize
    };
    let topic = utf8(r.take(topic_len)?, "topic")?;
    let props_len = r.i16()?;
    if props_len < 0 {
        return Err(MessageError(format!("properties length {props_len}")));
    }
    let properties = utf8(r.take(props_len as usize)?, "properties")?;
    if r.pos != buf.len() {
        return Err(MessageError(format!(
            "{} trailing bytes in record",
            buf.len() - r.pos
        )));
    }
    Ok(RecordRef {
        total_size,
        magic,
        body_crc: be_i32(buf, 8),
        queue_id: be_i32(buf, 12),
        flag: be_i32(buf, 16),
        queue_offset: be_i64(buf, 20),
        physical_offset: be_i64(buf, 28),
        sys_flag,
        born_timestamp: be_i64(buf, SYSFLAG_AT + 4),
        born_host: host_at(buf, born_at, born_len == 20),
        store_timestamp: be_i64(buf, store_ts_at),
        store_host: host_at(buf, store_at, store_len == 20),
        reconsume_times: be_i32(buf, reconsume_at),
        prepared_transaction_offset: be_i64(buf, reconsume_at + 4),
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

fn serialize_body<S: serde::Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
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
pub fn decode_message(buf: &[u8]) -> Result<DecodedMessage, MessageError> {
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

/// Batch bodies (SEND_BATCH_MESSAGE): each message as total size, magic 0,
/// body CRC 0, flag, body and properties.
pub mod batch {
    use bytes::{Buf, BufMut, BytesMut};

    /// One message of a batch.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct BatchEntry<'a> {
        pub flag: i32,
        pub body: &'a [u8],
        pub properties: &'a str,
    }

    /// Appends one message to a batch body.
    pub fn encode_entry(dst: &mut BytesMut, flag: i32, body: &[u8], properties: &str) {
        let total = 4 + 4 + 4 + 4 + 4 + body.len() + 2 + properties.len();
        dst.put_i32(total as i32);
        dst.put_i32(0);
        dst.put_i32(0);
        dst.put_i32(flag);
        dst.put_i32(body.len() as i32);
        dst.put_slice(body);
        dst.put_i16(properties.len() as i16);
        dst.put_slice(properties.as_bytes());
    }

    /// How many entries `buf` frames by their sizes (a guess where it is malformed): hopping
    /// over them first lets `decode` allocate once.
    fn count(buf: &[u8]) -> usize {
        let (mut at, mut n) = (0, 0);
        while let Some(total) = buf.get(at..at + 4) {
            let total = i32::from_be_bytes(total.try_into().unwrap_or_default());
            if total < 22 {
                break;
            }
            at += total as usize;
            n += 1;
        }
        n
    }

    /// Splits a batch body into its messages; `None` when it is malformed.
    pub fn decode(mut buf: &[u8]) -> Option<Vec<BatchEntry<'_>>> {
        let mut out = Vec::with_capacity(count(buf));
        while buf.has_remaining() {
            if buf.len() < 20 {
                return None;
            }
            let total = (&buf[..4]).get_i32();
            if total < 22 || total as usize > buf.len() {
                return None;
            }
            let (mut entry, rest) = buf.split_at(total as usize);
            buf = rest;
            entry.advance(12);
            let flag = entry.get_i32();
            let body_len = entry.get_i32();
            if body_len < 0 || entry.len() < body_len as usize + 2 {
                return None;
            }
            let (body, mut tail) = entry.split_at(body_len as usize);
            let props_len = tail.get_i16();
            if props_len < 0 || tail.len() != props_len as usize {
                return None;
            }
            let properties = super::utf8(tail, "properties").ok()?;
            out.push(BatchEntry {
                flag,
                body,
                properties,
            });
        }
        Some(out)
    }
}

/// `v` as 8 uppercase hex digits, most significant first: the nibbles spread one to a byte and
/// turned into digits all at once, not looked up one by one (ids are written per message).
pub fn hex8(v: u32) -> [u8; 8] {
    let mut x = u64::from(v);
    x = (x | x << 16) & 0x0000_FFFF_0000_FFFF;
    x = (x | x << 8) & 0x00FF_00FF_00FF_00FF;
    x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0F;
    // Byte i holds nibble i (from the least significant); a nibble above 9 skips to 'A'.
    let above_nine = ((x + 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101;
    (x + 0x3030_3030_3030_3030 + above_nine * 7).to_be_bytes()
}

/// Unique message ids (UNIQ_KEY), as Java's MessageClientIDSetter makes them:
/// IPv4 address, pid, a per-process random number, milliseconds since the
/// start of the month, and a counter, in uppercase hex (32 characters).
pub mod uniq_id {
    use std::fmt::Write as _;
    use std::net::Ipv4Addr;
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicI64, AtomicU16, Ordering};

    struct Prefix {
        hex: String,
    }

    static PREFIX: OnceLock<Prefix> = OnceLock::new();
    static COUNTER: AtomicU16 = AtomicU16::new(0);
    /// The start of the month of the last id made (ms since the epoch; 0 before the first).
    static MONTH_START: AtomicI64 = AtomicI64::new(0);
    /// No month is shorter: a time less than this after a month's start is in that month.
    const SHORTEST_MONTH_MS: i64 = 28 * 86_400_000;

    fn prefix() -> &'static Prefix {
        PREFIX.get_or_init(|| {
            let ip = Ipv4Addr::LOCALHOST.octets();
            let pid = std::process::id() as u16;
            let random: u32 = rand::random();
            let mut hex = String::with_capacity(32);
            for b in ip {
                let _ = write!(hex, "{b:02X}");
            }
            let _ = write!(hex, "{pid:04X}{random:08X}");
            Prefix { hex }
        })
    }

    /// `millis_into_month`, from the month start of the last id while it still applies
    /// (a batch makes an id per message, all in the same month but one in a billion).
    fn millis_into_month_cached(now_ms: i64) -> u32 {
        let start = MONTH_START.load(Ordering::Relaxed);
        if start > 0 && now_ms >= start && now_ms - start < SHORTEST_MONTH_MS {
            return (now_ms - start) as u32;
        }
        let into = millis_into_month(now_ms);
        MONTH_START.store(now_ms - into as i64, Ordering::Relaxed);
        into
    }

    /// Milliseconds since the first day of the current month (UTC).
    fn millis_into_month(now_ms: i64) -> u32 {
        let days = now_ms.div_euclid(86_400_000);
        // Civil date from days since the epoch (Howard Hinnant's algorithm).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day_of_month = doy - (153 * mp + 2) / 5; // 0-based
        let month_start = (days - day_of_month) * 86_400_000;
        (now_ms - month_start) as u32
    }

    /// The length of an id.
    pub const LEN: usize = 32;

    /// A new unique id.
    pub fn create(now_ms: i64) -> String {
        let mut id = String::with_capacity(LEN);
        push(&mut id, now_ms);
        id
    }

    /// Appends a new unique id to `out`.
    pub fn push(out: &mut String, now_ms: i64) {
        let id = Ids::new(now_ms, 1).next_id();
        // The prefix and the digits are ASCII.
        out.push_str(std::str::from_utf8(&id).unwrap_or_default());
    }

    /// The ids of a batch, made at one time: the counters reserved at once and the prefix and
    /// time written once, so that each id costs its counter's four digits.
    pub struct Ids {
        id: [u8; LEN],
        counter: u16,
    }

    impl Ids {
        /// Room for `n` ids (beyond 65536 the counter wraps, as Java's does).
        pub fn new(now_ms: i64, n: usize) -> Ids {
            let mut id = [0u8; LEN];
            id[..LEN - 12].copy_from_slice(prefix().hex.as_bytes());
            id[LEN - 12..LEN - 4].copy_from_slice(&super::hex8(millis_into_month_cached(now_ms)));
            let counter = COUNTER.fetch_add(n as u16, Ordering::Relaxed);
            Ids { id, counter }
        }

        /// The next id, as ASCII bytes.
        pub fn next_id(&mut self) -> [u8; LEN] {
            let digits = super::hex8(u32::from(self.counter));
            self.counter = self.counter.wrapping_add(1);
            self.id[LEN - 4..].copy_from_slice(&digits[4..]);
            self.id
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn hex_digits_are_formats() {
            for v in [0u32, 0x89AB_CDEF, 0x1234_5678, u32::MAX, 0xA0F0_0909, 10, 9] {
                assert_eq!(
                    super::super::hex8(v),
                    format!("{v:08X}").as_bytes(),
                    "{v:x}"
                );
            }
        }

        #[test]
        fn a_batch_s_ids_share_the_time_and_count_on() {
            let mut ids = Ids::new(1_700_000_000_000, 3);
            let [a, b, c] = [ids.next_id(), ids.next_id(), ids.next_id()];
            assert_eq!(a[..28], c[..28]);
            let counter = |id: &[u8]| {
                u16::from_str_radix(std::str::from_utf8(&id[28..]).unwrap(), 16).unwrap()
            };
            assert_eq!(counter(&b), counter(&a).wrapping_add(1));
            assert_eq!(counter(&c), counter(&a).wrapping_add(2));
        }

        #[test]
        fn ids_are_unique_and_shaped_like_javas() {
            let a = create(1_700_000_000_000);
            let b = create(1_700_000_000_000);
            assert_eq!(a.len(), 32);
            assert_ne!(a, b);
            assert!(a.starts_with("7F000001"));
            assert!(
                a.chars()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase())
            );
        }

        #[test]
        fn the_time_and_counter_are_hex_of_the_month_offset_and_the_counter() {
            let id = create(1_700_000_000_000);
            let month = u32::from_str_radix(&id[20..28], 16).unwrap();
            assert_eq!(month, millis_into_month(1_700_000_000_000));
            let next = create(1_700_000_000_000);
            let counter = |id: &str| u16::from_str_radix(&id[28..], 16).unwrap();
            assert_ne!(counter(&next), counter(&id));
        }

        #[test]
        fn month_offset() {
            // 2023-11-14T22:13:20Z is 13 days, 22:13:20 into November.
            let expected = ((13 * 24 + 22) * 3600 + 13 * 60 + 20) * 1000;
            assert_eq!(millis_into_month(1_700_000_000_000), expected);
        }

        #[test]
        fn the_cached_month_start_follows_the_clock_across_months_both_ways() {
            // 2024-01-31T23:59:59.999Z, a month later, back, and 28 days on into February.
            let end_of_january = 1_706_745_599_999;
            let day = 86_400_000;
            for now in [
                end_of_january,
                end_of_january + 1,
                end_of_january + 30 * day,
                end_of_january,
                end_of_january + 1 + 28 * day,
                end_of_january - 40 * day,
            ] {
                assert_eq!(
                    millis_into_month_cached(now),
                    millis_into_month(now),
                    "{now}"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::BytesMut;

    #[test]
    fn ascii_is_told_from_other_text_at_any_position() {
        for len in 0..40 {
            let mut b = vec![b'a'; len];
            assert!(is_ascii(&b));
            for at in 0..len {
                b[at] = 0x80;
                assert!(!is_ascii(&b), "non-ASCII byte at {at} of {len}");
                b[at] = 0x7f;
                assert!(is_ascii(&b));
            }
        }
    }

    #[test]
    fn a_record_decodes_to_every_field_it_was_written_with() {
        use crate::store::message::AppendMessage;
        let props = build_properties([("TAGS", "TagA"), ("UNIQ_KEY", "U1")]);
        for (born, store) in [
            ("10.0.0.1:5555", "10.0.0.2:10911"),
            ("[::1]:1", "10.0.0.2:10911"),
            ("10.0.0.1:5555", "[fe80::2]:2"),
            ("[::1]:1", "[::2]:2"),
        ] {
            let m = AppendMessage {
                topic: "TopicTest",
                queue_id: 3,
                flag: 7,
                body: b"hello body",
                properties: &props,
                sys_flag: sysflag::TRANSACTION_COMMIT_TYPE,
                born_timestamp: 1_700_000_000_000,
                born_host: born.parse().unwrap(),
                store_host: store.parse().unwrap(),
                reconsume_times: 2,
                prepared_transaction_offset: 99,
            };
            let mut buf = vec![0u8; m.record_len()];
            m.encode_into(&mut buf, 42, 1000, 1_700_000_000_123);
            let r = decode_record_ref(&buf).unwrap();
            assert_eq!(r.total_size as usize, buf.len());
            assert_eq!(r.magic, MESSAGE_MAGIC_CODE);
            assert_eq!((r.queue_id, r.flag, r.queue_offset), (3, 7, 42));
            assert_eq!(r.physical_offset, 1000);
            assert_eq!(
                r.sys_flag & sysflag::TRANSACTION_COMMIT_TYPE,
                sysflag::TRANSACTION_COMMIT_TYPE
            );
            assert_eq!(r.born_timestamp, 1_700_000_000_000);
            assert_eq!(r.born_host, born.parse().unwrap());
            assert_eq!(r.store_timestamp, 1_700_000_000_123);
            assert_eq!(r.store_host, store.parse().unwrap());
            assert_eq!((r.reconsume_times, r.prepared_transaction_offset), (2, 99));
            assert_eq!(
                (r.body, r.topic, r.properties),
                (&b"hello body"[..], "TopicTest", &*props)
            );
            // Every shorter prefix, with its size field saying so, is refused, not a panic.
            for cut in 0..buf.len() {
                let mut short = buf[..cut].to_vec();
                if cut >= 4 {
                    short[..4].copy_from_slice(&(cut as i32).to_be_bytes());
                }
                assert!(decode_record_ref(&short).is_err(), "cut at {cut}");
            }
        }
    }

    #[test]
    fn java_hash_matches_java() {
        assert_eq!(java_hash("TagA"), 2598919);
        assert_eq!(java_hash(""), 0);
        assert_eq!(java_hash("héllo"), 103094734);
        // Longer than one four-character step, with a remainder (String.hashCode values).
        assert_eq!(java_hash("TopicTest#KEY-1"), 173552481);
        assert_eq!(java_hash("abcdefgh"), 1259673732);
    }

    #[test]
    fn offset_msg_ids_are_upper_hex_and_decode_back() {
        let v4: SocketAddr = "10.0.0.2:10911".parse().unwrap();
        assert_eq!(offset_msg_id(&v4, 1000), "0A00000200002A9F00000000000003E8");
        let v6: SocketAddr = "[fe80::1:abcd]:10911".parse().unwrap();
        let mut both = offset_msg_id(&v4, i64::MAX);
        both.push(',');
        push_offset_msg_id(&mut both, &v6, 0xAB_CDEF);
        let (first, second) = both.split_once(',').unwrap();
        assert_eq!(decode_offset_msg_id(first).unwrap(), (v4, i64::MAX));
        assert_eq!(second.len(), OFFSET_MSG_ID_MAX_LEN);
        assert!(second.starts_with("FE80"));
        assert_eq!(decode_offset_msg_id(second).unwrap(), (v6, 0xAB_CDEF));
    }

    proptest::proptest! {
        #[test]
        fn java_hash_steps_agree_with_one_character_at_a_time(h: i32, s in "[ -~]{0,64}") {
            let one_by_one = s.bytes().fold(h, |h, b| h.wrapping_mul(31).wrapping_add(b as i32));
            proptest::prop_assert_eq!(java_hash_extend(h, &s), one_by_one);
            proptest::prop_assert_eq!(java_hash_bytes(h, s.as_bytes()), Some(one_by_one));
        }

        #[test]
        fn java_hash_of_bytes_is_that_of_their_utf16_units(h: i32, s in "\\PC{0,40}") {
            let units = s.encode_utf16().fold(h, |h, c| h.wrapping_mul(31).wrapping_add(c as i32));
            proptest::prop_assert_eq!(java_hash_extend(h, &s), units);
            proptest::prop_assert_eq!(java_hash_bytes(h, s.as_bytes()), Some(units));
        }
    }

    #[test]
    fn java_hash_of_bytes_refuses_what_is_not_utf8() {
        assert_eq!(java_hash_bytes(0, b"abc\xff"), None);
        assert_eq!(java_hash_bytes(0, b"abcdefgh\xc3"), None);
        let s = "abcdefgh\u{e9}\u{1F600}";
        assert_eq!(java_hash_bytes(0, s.as_bytes()), Some(java_hash(s)));
    }

    #[test]
    fn properties_round_trip() {
        let p = build_properties([("TAGS", "TagA"), ("KEYS", "k1 k2")]);
        assert_eq!(p, "TAGS\u{1}TagA\u{2}KEYS\u{1}k1 k2");
        assert_eq!(property_value(&p, "KEYS"), Some("k1 k2"));
        assert_eq!(parse_properties(&p).len(), 2);
        assert_eq!(parse_properties("bad\u{2}\u{1}x\u{2}k\u{1}v").len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn a_property_is_the_first_pair_of_its_name(
            props in "[ab\u{1}\u{2}é]{0,24}",
            name in "[ab\u{1}]{0,3}",
        ) {
            let expected = properties_iter(&props).find(|(k, _)| *k == name).map(|(_, v)| v);
            proptest::prop_assert_eq!(property_value(&props, &name), expected);
            let split: Vec<_> = props.split('\u{2}').collect();
            proptest::prop_assert_eq!(segments(&props).collect::<Vec<_>>(), split);
        }
    }

    #[test]
    fn batch_round_trip_and_garbage() {
        let mut buf = BytesMut::new();
        batch::encode_entry(&mut buf, 0, b"one", "TAGS\u{1}A");
        batch::encode_entry(&mut buf, 7, b"", "");
        let entries = batch::decode(&buf).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].body, b"one");
        assert_eq!(entries[0].properties, "TAGS\u{1}A");
        assert_eq!(entries[1].flag, 7);
        for cut in 1..buf.len() {
            let _ = batch::decode(&buf[..cut]);
        }
        assert!(batch::decode(&buf[..buf.len() - 1]).is_none());
    }
}
