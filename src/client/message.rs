//! The messages applications see: `Message` to send (topic, tags, keys, user
//! properties, body), `MessageExt` received from a pull (a message with its
//! queue, offsets, hosts and times), and `SendResult`. Also the decoding of a
//! pull response body into `MessageExt`s.

use std::collections::BTreeMap;
use std::io::Read;
use std::net::SocketAddr;

use bytes::Bytes;
use serde::Serialize;

use super::error::{ClientError, ClientResult};
use crate::protocol::admin::MessageQueue;
use crate::protocol::message::{
    decode_record_ref, offset_msg_id, properties_iter, property, property_value, sysflag,
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
            let bad = |s: &str| {
                s.contains(property::NAME_VALUE_SEPARATOR)
                    || s.contains(property::PROPERTY_SEPARATOR)
            };
            if k.is_empty() || bad(k) || bad(v) {
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
        let mut push = |k: &str, v: &str| {
            if !s.is_empty() {
                s.push(property::PROPERTY_SEPARATOR);
            }
            s.push_str(k);
            s.push(property::NAME_VALUE_SEPARATOR);
            s.push_str(v);
        };
        if !self.keys.is_empty() {
            push(property::KEYS, &self.keys.join(" "));
        }
        push(property::UNIQ_KEY, uniq_id);
        push(property::WAIT_STORE_MSG_OK, "true");
        if let Some(t) = self.tags.as_deref().filter(|t| !t.is_empty()) {
            push(property::TAGS, t);
        }
        for (k, v) in &self.properties {
            // UNIQ_KEY is the id passed in, written above.
            if !v.is_empty() && k != property::UNIQ_KEY {
                push(k, v);
            }
        }
        s
    }
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
    let mut out = Vec::new();
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

fn bad_record(reason: String) -> ClientError {
    ClientError::Decode {
        what: "message records",
        reason,
    }
}

pub(crate) fn inflate(data: &[u8]) -> ClientResult<Bytes> {
    let mut out = Vec::with_capacity(data.len() * 4);
    flate2::read::ZlibDecoder::new(data)
        .read_to_end(&mut out)
        .map_err(|e| ClientError::Decode {
            what: "compressed message body",
            reason: e.to_string(),
        })?;
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
}
