//! The messages applications see: `Message` to send (topic, tags, keys, user
//! properties, body), `MessageExt` received from a pull (a message with its
//! queue, offsets, hosts and times), and `SendResult`. Also the decoding of a
//! pull response body into `MessageExt`s, and request/reply's two messages: the
//! reply a replier builds from a request (Java's MessageUtil) and the reply a
//! broker pushes to its requester (PUSH_REPLY_MESSAGE_TO_CLIENT).

use std::collections::BTreeMap;
use std::io::Read;
use std::net::SocketAddr;

use bytes::Bytes;
use serde::Serialize;

use super::error::{ClientError, ClientResult};
use crate::protocol::admin::MessageQueue;
use crate::protocol::header::ReplyMessageRequestHeader;
use crate::protocol::message::{
    REPLY_MESSAGE_FLAG, decode_record_ref, offset_msg_id, properties_iter, property,
    property_value, push_property, reply_topic, sysflag,
};

/// The largest body a producer sends (the broker's default maxMessageSize).
pub const MAX_MESSAGE_SIZE: usize = 4 * 1024 * 1024;

/// A message to send. Tags and keys are stored as the TAGS and KEYS
/// properties (keys space-separated); `properties` are the user's own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Message {
    pub topic: String,
    pub tags: Option<String>,
    pub keys: Vec<String>,
    pub flag: i32,
    pub properties: BTreeMap<String, String>,
    pub body: Bytes,
}

impl Message {
    pub fn new(topic: impl Into<String>, body: impl Into<Bytes>) -> Self {
        Message {
            topic: topic.into(),
            body: body.into(),
            ..Default::default()
        }
    }

    pub fn with_tags(mut self, tags: impl Into<String>) -> Self {
        self.tags = Some(tags.into());
        self
    }

    pub fn with_keys<I, S>(mut self, keys: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.keys = keys.into_iter().map(Into::into).collect();
        self
    }

    pub fn with_property(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.properties.insert(key.into(), value.into());
        self
    }

    /// Checks what the broker would refuse anyway, before any network call.
    pub fn validate(&self) -> ClientResult<()> {
        validate_topic(&self.topic)?;
        self.validate_content()
    }

    /// `validate` but for the topic: a batch checks its one topic once.
    pub(crate) fn validate_content(&self) -> ClientResult<()> {
        if self.body.is_empty() {
            return Err(ClientError::InvalidMessage("the body is empty".into()));
        }
        if self.body.len() > MAX_MESSAGE_SIZE {
            return Err(ClientError::InvalidMessage(format!(
                "the body is {} bytes, more than the limit of {MAX_MESSAGE_SIZE}",
                self.body.len()
            )));
        }
        for (k, v) in &self.properties {
            if k.is_empty() || has_separator(k.as_bytes()) || has_separator(v.as_bytes()) {
                return Err(ClientError::InvalidMessage(format!(
                    "property '{k}' has an empty name or a control character \\u0001/\\u0002"
                )));
            }
        }
        Ok(())
    }

    /// The wire properties string: KEYS, UNIQ_KEY, WAIT, TAGS (as the Java
    /// producer writes them), then the user's properties.
    pub(crate) fn encode_properties(&self, uniq_id: &str) -> String {
        let mut s = String::with_capacity(64 + self.properties.len() * 16);
        self.encode_properties_into(&mut s, uniq_id);
        s
    }

    /// `encode_properties` appended to `s`.
    pub(crate) fn encode_properties_into(&self, s: &mut String, uniq_id: &str) {
        self.write_properties(uniq_id, true, |piece| s.push_str(piece));
    }

    /// The properties of this message as an entry of a batch, appended to `dst`: as
    /// `encode_properties` but without WAIT, which a batch's entries need not carry (the
    /// broker neither reads nor stores it there; absent, it means true).
    pub(crate) fn put_batch_properties(&self, dst: &mut Vec<u8>, uniq_id: &str) {
        self.write_properties(uniq_id, false, |piece| {
            dst.extend_from_slice(piece.as_bytes())
        });
    }

    /// Hands the wire properties to `put` piece by piece: KEYS, UNIQ_KEY, WAIT (if `wait`),
    /// TAGS (as the Java producer writes them), then the user's properties.
    fn write_properties<'a>(&'a self, uniq_id: &'a str, wait: bool, put: impl FnMut(&'a str)) {
        let mut w = PropertyWriter { put, first: true };
        if let [key, rest @ ..] = self.keys.as_slice() {
            w.name(property::KEYS);
            (w.put)(key);
            for k in rest {
                (w.put)(" ");
                (w.put)(k);
            }
        }
        w.name(property::UNIQ_KEY);
        (w.put)(uniq_id);
        if wait {
            w.name(property::WAIT_STORE_MSG_OK);
            (w.put)("true");
        }
        if let Some(t) = self.tags.as_deref().filter(|t| !t.is_empty()) {
            w.name(property::TAGS);
            (w.put)(t);
        }
        for (k, v) in &self.properties {
            // UNIQ_KEY is the id passed in, written above.
            if !v.is_empty() && k != property::UNIQ_KEY {
                w.name(k);
                (w.put)(v);
            }
        }
    }
}

/// Writes a properties string's names, each after a separator but the first.
struct PropertyWriter<F> {
    put: F,
    first: bool,
}

impl<'a, F: FnMut(&'a str)> PropertyWriter<F> {
    fn name(&mut self, k: &'a str) {
        if !self.first {
            (self.put)(PROPERTY_SEPARATOR);
        }
        self.first = false;
        (self.put)(k);
        (self.put)(NAME_VALUE_SEPARATOR);
    }
}

/// The separators of a properties string, as text.
const PROPERTY_SEPARATOR: &str = "\u{2}";
const NAME_VALUE_SEPARATOR: &str = "\u{1}";

/// Whether `s` has a property separator (\u0001 or \u0002): eight bytes a step, a word with a
/// byte below 3 (a separator, or a rare NUL) then looked at byte by byte.
fn has_separator(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let is_sep = |b: &u8| {
        *b == property::NAME_VALUE_SEPARATOR as u8 || *b == property::PROPERTY_SEPARATOR as u8
    };
    let (words, tail) = s.as_chunks::<8>();
    words.iter().any(|w| {
        let x = u64::from_le_bytes(*w);
        // The high bit of some byte is set where one is below 3 (exact as to whether any is).
        x.wrapping_sub(ONES * 3) & !x & (ONES << 7) != 0 && w.iter().any(is_sep)
    }) || tail.iter().any(is_sep)
}

/// RocketMQ's topic name rule: `^[%|a-zA-Z0-9_-]+$`, at most 127 characters.
pub fn validate_topic(topic: &str) -> ClientResult<()> {
    crate::protocol::topic::validate_topic_name(topic).map_err(ClientError::InvalidMessage)
}

/// Java's SendStatus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SendStatus {
    SendOk,
    FlushDiskTimeout,
    FlushSlaveTimeout,
    SlaveNotAvailable,
}

impl SendStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SendStatus::SendOk => "SEND_OK",
            SendStatus::FlushDiskTimeout => "FLUSH_DISK_TIMEOUT",
            SendStatus::FlushSlaveTimeout => "FLUSH_SLAVE_TIMEOUT",
            SendStatus::SlaveNotAvailable => "SLAVE_NOT_AVAILABLE",
        }
    }
}

/// The outcome of a successful send. For a batch, `msg_id` and
/// `offset_msg_id` are comma-joined (one per message, in order) and
/// `queue_offset` is the first message's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SendResult {
    pub status: SendStatus,
    /// The UNIQ_KEY id, the one users see and query.
    pub msg_id: String,
    /// The broker's offset id (store host + commit log offset).
    pub offset_msg_id: String,
    pub queue: MessageQueue,
    pub queue_offset: i64,
}

/// A message received from a broker, with where it was stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageExt {
    pub topic: String,
    pub queue_id: i32,
    pub broker_name: String,
    pub queue_offset: i64,
    pub commit_log_offset: i64,
    pub flag: i32,
    pub sys_flag: i32,
    pub born_timestamp: i64,
    pub born_host: SocketAddr,
    pub store_timestamp: i64,
    pub store_host: SocketAddr,
    pub reconsume_times: i32,
    /// The raw properties string (`k\u0001v\u0002...`); see `property`.
    pub properties: String,
    pub body: Bytes,
}

impl MessageExt {
    pub fn property(&self, name: &str) -> Option<&str> {
        property_value(&self.properties, name)
    }

    pub fn properties_map(&self) -> BTreeMap<&str, &str> {
        properties_iter(&self.properties).collect()
    }

    pub fn tags(&self) -> Option<&str> {
        self.property(property::TAGS)
    }

    /// The KEYS property (space-separated keys).
    pub fn keys(&self) -> Option<&str> {
        self.property(property::KEYS)
    }

    /// The id users see: UNIQ_KEY, or the offset id for messages without one.
    pub fn msg_id(&self) -> String {
        match self.property(property::UNIQ_KEY) {
            Some(id) => id.to_string(),
            None => self.offset_msg_id(),
        }
    }

    /// The broker's offset id: store host and commit log offset in hex.
    pub fn offset_msg_id(&self) -> String {
        offset_msg_id(&self.store_host, self.commit_log_offset)
    }

    pub fn queue(&self) -> MessageQueue {
        MessageQueue::new(self.topic.clone(), self.broker_name.clone(), self.queue_id)
    }
}

/// Decodes a pull (or query) response body, the broker's commit log records
/// back to back, into messages of `broker_name`. Compressed bodies (zlib) are
/// inflated; the body otherwise shares the response's buffer.
pub fn decode_messages(body: &Bytes, broker_name: &str) -> ClientResult<Vec<MessageExt>> {
    // Sized from the first record, so that the vector of these large structs is not copied
    // as it grows.
    let first = body.get(..4).map_or(0, |b| {
        i32::from_be_bytes([b[0], b[1], b[2], b[3]]).max(1) as usize
    });
    let mut out = Vec::with_capacity(body.len().checked_div(first).unwrap_or(0) + 1);
    let mut pos = 0usize;
    while pos < body.len() {
        let rest = &body[pos..];
        if rest.len() < 4 {
            return Err(bad_record(format!("{} trailing bytes", rest.len())));
        }
        let total = i32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]);
        if total < 4 || total as usize > rest.len() {
            return Err(bad_record(format!(
                "record size {total} with {} bytes left",
                rest.len()
            )));
        }
        let end = pos + total as usize;
        let r = decode_record_ref(&body[pos..end]).map_err(|e| bad_record(e.to_string()))?;
        let body_start = r.body.as_ptr() as usize - body.as_ptr() as usize;
        let mut msg_body = body.slice(body_start..body_start + r.body.len());
        if r.sys_flag & sysflag::COMPRESSED != 0 {
            msg_body = inflate(&msg_body)?;
        }
        out.push(MessageExt {
            topic: r.topic.to_string(),
            queue_id: r.queue_id,
            broker_name: broker_name.to_string(),
            queue_offset: r.queue_offset,
            commit_log_offset: r.physical_offset,
            flag: r.flag,
            sys_flag: r.sys_flag,
            born_timestamp: r.born_timestamp,
            born_host: r.born_host,
            store_timestamp: r.store_timestamp,
            store_host: r.store_host,
            reconsume_times: r.reconsume_times,
            properties: r.properties.to_string(),
            body: msg_body,
        });
        pos = end;
    }
    Ok(out)
}

/// The reply to `request` (Java's MessageUtil.createReplyMessage): sent to the reply topic
/// of the request's cluster (its CLUSTER property, which the broker stamps on every stored
/// message) with MSG_TYPE=reply and the request's CORRELATION_ID, REPLY_TO_CLIENT and TTL,
/// so that the broker pushes it to the requester. A request without CLUSTER or
/// REPLY_TO_CLIENT cannot be answered.
pub fn create_reply_message(request: &MessageExt, body: impl Into<Bytes>) -> ClientResult<Message> {
    let missing = |name: &str| {
        ClientError::InvalidMessage(format!(
            "create reply message fail, requestMessage error, property[{name}] is null."
        ))
    };
    let cluster = request
        .property(property::CLUSTER)
        .filter(|c| !c.is_empty())
        .ok_or_else(|| missing(property::CLUSTER))?;
    let reply_to = request
        .property(property::MESSAGE_REPLY_TO_CLIENT)
        .filter(|c| !c.is_empty())
        .ok_or_else(|| missing(property::MESSAGE_REPLY_TO_CLIENT))?;
    let mut reply = Message::new(reply_topic(cluster), body)
        .with_property(property::MESSAGE_TYPE, REPLY_MESSAGE_FLAG)
        .with_property(property::MESSAGE_REPLY_TO_CLIENT, reply_to);
    for name in [property::CORRELATION_ID, property::MESSAGE_TTL] {
        if let Some(v) = request.property(name) {
            reply = reply.with_property(name, v);
        }
    }
    Ok(reply)
}

/// A reply the broker pushed (PUSH_REPLY_MESSAGE_TO_CLIENT) as the message the requester
/// gets, as Java's ClientRemotingProcessor builds it: the reply's header fields, its body
/// (inflated when compressed), and ARRIVE_TIME = `arrived_ms` added to its properties.
pub fn reply_from_push(
    h: &ReplyMessageRequestHeader,
    body: &Bytes,
    arrived_ms: i64,
) -> ClientResult<MessageExt> {
    let host = |what: &'static str, s: &str| {
        s.parse::<SocketAddr>().map_err(|_| ClientError::Decode {
            what,
            reason: format!("'{s}' is not ip:port"),
        })
    };
    let body = if h.sys_flag & sysflag::COMPRESSED != 0 {
        inflate(body)?
    } else {
        body.clone()
    };
    let mut properties = h.properties.clone().unwrap_or_default();
    push_property(
        &mut properties,
        property::MESSAGE_ARRIVE_TIME,
        &arrived_ms.to_string(),
    );
    Ok(MessageExt {
        topic: h.topic.clone(),
        queue_id: h.queue_id,
        broker_name: String::new(),
        queue_offset: 0,
        commit_log_offset: 0,
        flag: h.flag,
        sys_flag: h.sys_flag,
        born_timestamp: h.born_timestamp,
        born_host: host("reply's bornHost", &h.born_host)?,
        store_timestamp: h.store_timestamp,
        store_host: host("reply's storeHost", &h.store_host)?,
        reconsume_times: h.reconsume_times.unwrap_or(0),
        properties,
        body,
    })
}

fn bad_record(reason: String) -> ClientError {
    ClientError::Decode {
        what: "message records",
        reason,
    }
}

/// Bound on an inflated message body. A producer checks the body against its maxMessageSize
/// (4 MiB by default) before compressing it, so a real body is far smaller; without a bound a
/// broker's 16 MiB frame of zlib could make the client allocate gigabytes.
const MAX_INFLATED_BODY: u64 = 64 * 1024 * 1024;

pub(crate) fn inflate(data: &[u8]) -> ClientResult<Bytes> {
    inflate_at_most(data, MAX_INFLATED_BODY)
}

fn inflate_at_most(data: &[u8], limit: u64) -> ClientResult<Bytes> {
    let mut out = Vec::with_capacity(data.len() * 4);
    let bad = |reason: String| ClientError::Decode {
        what: "compressed message body",
        reason,
    };
    flate2::read::ZlibDecoder::new(data)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| bad(e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(bad(format!("inflates to more than {limit} bytes")));
    }
    Ok(Bytes::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::message::AppendMessage;

    fn record(body: &[u8], props: &str, offset: i64) -> Vec<u8> {
        let m = AppendMessage {
            topic: "TopicTest",
            queue_id: 2,
            flag: 0,
            body,
            properties: props,
            sys_flag: 0,
            born_timestamp: 1_700_000_000_000,
            born_host: "10.0.0.1:5555".parse().unwrap(),
            store_host: "10.0.0.2:10911".parse().unwrap(),
            reconsume_times: 0,
            prepared_transaction_offset: 0,
        };
        let mut buf = vec![0u8; m.record_len()];
        m.encode_into(&mut buf, 7, offset, 1_700_000_000_001);
        buf
    }

    #[test]
    fn properties_as_the_java_producer_writes_them() {
        let m = Message::new("T", "x")
            .with_tags("TagA")
            .with_keys(["k1", "k2"])
            .with_property("color", "red");
        let p = m.encode_properties("ID1");
        assert_eq!(
            p,
            "KEYS\u{1}k1 k2\u{2}UNIQ_KEY\u{1}ID1\u{2}WAIT\u{1}true\u{2}TAGS\u{1}TagA\u{2}color\u{1}red"
        );
        let bare = Message::new("T", "x").encode_properties("ID2");
        assert_eq!(bare, "UNIQ_KEY\u{1}ID2\u{2}WAIT\u{1}true");
    }

    #[test]
    fn the_separator_check_agrees_with_a_plain_scan() {
        let mut next = crate::util::xorshift(0x2545_f491_4f6c_dd1du64);
        for _ in 0..5000 {
            let len = (next() % 40) as usize;
            let s: Vec<u8> = (0..len)
                .map(|_| match next() % 8 {
                    0 => 1,
                    1 => 2,
                    2 => 0,
                    3 => 3,
                    4 => 0x82,
                    _ => b'a' + (next() % 26) as u8,
                })
                .collect();
            let want = s.iter().any(|&b| b == 1 || b == 2);
            assert_eq!(has_separator(&s), want, "{s:?}");
        }
    }

    #[test]
    fn validation() {
        assert!(Message::new("TopicTest", "x").validate().is_ok());
        assert!(Message::new("Topic Test", "x").validate().is_err());
        assert!(Message::new("", "x").validate().is_err());
        assert!(Message::new("T", "").validate().is_err());
        assert!(
            Message::new("T", vec![0u8; MAX_MESSAGE_SIZE + 1])
                .validate()
                .is_err()
        );
        assert!(
            Message::new("T", "x")
                .with_property("a\u{1}", "b")
                .validate()
                .is_err()
        );
        assert!(validate_topic("%RETRY%g_1-x|y").is_ok());
        assert!(validate_topic(&"a".repeat(128)).is_err());
    }

    #[test]
    fn decodes_concatenated_records_sharing_the_buffer() {
        let mut body = record(b"hello", "TAGS\u{1}TagA\u{2}UNIQ_KEY\u{1}ABC", 0);
        let first_len = body.len() as i64;
        body.extend(record(b"world", "KEYS\u{1}k", first_len));
        let body = Bytes::from(body);
        let msgs = decode_messages(&body, "broker-a").unwrap();
        assert_eq!(msgs.len(), 2);
        assert_eq!(msgs[0].body, "hello");
        assert_eq!(msgs[0].tags(), Some("TagA"));
        assert_eq!(msgs[0].msg_id(), "ABC");
        assert_eq!(msgs[0].queue_offset, 7);
        assert_eq!(msgs[0].queue().broker_name, "broker-a");
        assert_eq!(msgs[1].body, "world");
        assert_eq!(msgs[1].keys(), Some("k"));
        assert_eq!(msgs[1].commit_log_offset, first_len);
        assert_eq!(
            msgs[1].msg_id(),
            offset_msg_id(&msgs[1].store_host, first_len)
        );
        // The body is a view into the response, not a copy.
        let base = body.as_ptr() as usize;
        let p = msgs[1].body.as_ptr() as usize;
        assert!(p > base && p < base + body.len());
    }

    fn request(props: &str) -> MessageExt {
        let body = Bytes::from(record(b"ping", props, 0));
        decode_messages(&body, "broker-a").unwrap().remove(0)
    }

    #[test]
    fn a_reply_goes_to_the_clusters_reply_topic_with_the_requests_ids() {
        let req = request(
            "CORRELATION_ID\u{1}c-1\u{2}REPLY_TO_CLIENT\u{1}10.0.0.1@7#1\u{2}TTL\u{1}3000\u{2}\
             CLUSTER\u{1}C1\u{2}TAGS\u{1}Ask\u{2}color\u{1}red",
        );
        let reply = create_reply_message(&req, "pong").unwrap();
        assert_eq!(reply.topic, "C1_REPLY_TOPIC");
        assert_eq!(reply.body, "pong");
        assert_eq!(reply.tags, None);
        let p: Vec<_> = reply
            .properties
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            p,
            [
                ("CORRELATION_ID", "c-1"),
                ("MSG_TYPE", "reply"),
                ("REPLY_TO_CLIENT", "10.0.0.1@7#1"),
                ("TTL", "3000"),
            ],
            "the request's own properties stay behind"
        );
        assert!(reply.validate().is_ok());
    }

    #[test]
    fn a_request_without_cluster_or_requester_cannot_be_answered() {
        let err =
            create_reply_message(&request("REPLY_TO_CLIENT\u{1}x\u{2}TTL\u{1}1"), "r").unwrap_err();
        assert!(
            err.to_string().contains("property[CLUSTER] is null"),
            "{err}"
        );
        let err = create_reply_message(&request("CLUSTER\u{1}C1"), "r").unwrap_err();
        assert!(
            err.to_string()
                .contains("property[REPLY_TO_CLIENT] is null"),
            "{err}"
        );
    }

    fn pushed_header() -> ReplyMessageRequestHeader {
        ReplyMessageRequestHeader {
            producer_group: "g".into(),
            topic: "C1_REPLY_TOPIC".into(),
            default_topic: "TBW102".into(),
            default_topic_queue_nums: 4,
            queue_id: 0,
            sys_flag: 0,
            born_timestamp: 1_700_000_000_000,
            flag: 3,
            properties: Some("CORRELATION_ID\u{1}c-1\u{2}MSG_TYPE\u{1}reply".into()),
            reconsume_times: None,
            unit_mode: Some(false),
            born_host: "10.0.0.1:5555".into(),
            store_host: "10.0.0.2:10911".into(),
            store_timestamp: 1_700_000_000_005,
        }
    }

    #[test]
    fn a_pushed_reply_decodes_from_its_wire_header() {
        use crate::remoting::RemotingCommand;
        let cmd =
            RemotingCommand::request(crate::remoting::code::request::PUSH_REPLY_MESSAGE_TO_CLIENT)
                .with_header(&pushed_header());
        // Java's field names on the wire.
        for key in [
            "producerGroup",
            "bornHost",
            "storeHost",
            "storeTimestamp",
            "properties",
        ] {
            assert!(cmd.ext_fields.contains_key(key), "{key}");
        }
        let h: ReplyMessageRequestHeader = cmd.decode_header().unwrap();
        assert_eq!(h, pushed_header());
        let m = reply_from_push(&h, &Bytes::from_static(b"pong"), 42).unwrap();
        assert_eq!(m.topic, "C1_REPLY_TOPIC");
        assert_eq!(m.body, "pong");
        assert_eq!(m.flag, 3);
        assert_eq!(m.born_host.to_string(), "10.0.0.1:5555");
        assert_eq!(m.store_timestamp, 1_700_000_000_005);
        assert_eq!(m.property("CORRELATION_ID"), Some("c-1"));
        assert_eq!(m.property("ARRIVE_TIME"), Some("42"));

        // A header without a field Java requires, or a host that is not ip:port, is an error.
        let mut missing = cmd.clone();
        missing.ext_fields.remove("storeHost");
        assert!(
            missing
                .decode_header::<ReplyMessageRequestHeader>()
                .is_err()
        );
        let bad_host = ReplyMessageRequestHeader {
            born_host: "nowhere".into(),
            ..pushed_header()
        };
        assert!(reply_from_push(&bad_host, &Bytes::new(), 0).is_err());
    }

    #[test]
    fn malformed_bodies_are_errors_not_panics() {
        let good = record(b"hello", "", 0);
        assert!(decode_messages(&Bytes::from(good[..10].to_vec()), "b").is_err());
        assert!(decode_messages(&Bytes::from_static(&[0, 0, 0]), "b").is_err());
        assert!(decode_messages(&Bytes::from_static(&[0xFF, 0, 0, 0, 1]), "b").is_err());
        let mut bad = good.clone();
        bad[0..4].copy_from_slice(&(good.len() as i32 + 5).to_be_bytes());
        assert!(decode_messages(&Bytes::from(bad), "b").is_err());
        assert!(decode_messages(&Bytes::new(), "b").unwrap().is_empty());
    }

    #[test]
    fn inflating_stops_at_its_bound() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&[7u8; 1001]).unwrap();
        let bomb = z.finish().unwrap();
        assert_eq!(inflate_at_most(&bomb, 1001).unwrap().len(), 1001);
        let err = inflate_at_most(&bomb, 1000).unwrap_err();
        assert!(err.to_string().contains("more than 1000 bytes"), "{err}");
    }
}
