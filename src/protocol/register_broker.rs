//! RegisterBrokerBody: the body of REGISTER_BROKER (103), in both of Java's
//! encodings: plain JSON, and the zlib-compressed form brokers send when the
//! request header says `compressed=true`.
//!
//! The compressed form (RegisterBrokerBody.java, 4.9.8 and 5.x) is a zlib
//! stream of big-endian i32-length-prefixed pieces:
//!   i32 len + DataVersion JSON;
//!   i32 topic count; per topic i32 len + "<name> <read> <write> <perm> <filterType>"
//!     (5.x appends " <attributes JSON>");
//!   i32 len + filterServerList JSON;
//!   5.x only (read by 5.x name servers when the broker's version >= V5_0_0):
//!     i32 mapping count; per mapping i32 len + TopicQueueMappingInfo JSON.
//! topicSysFlag and order are not carried: they decode as 0 / false.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use serde::{Deserialize, Serialize};

use super::body::RemotingBody;
use super::fastjson::{self, FastjsonError};
use super::topic_config::{DataVersion, TopicConfig, TopicConfigSerializeWrapper};

/// Bound on the inflated size of a compressed body, so a small frame cannot
/// make the name server allocate without limit.
const MAX_INFLATED_LEN: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct RegisterBrokerBody {
    pub filter_server_list: Vec<String>,
    pub topic_config_serialize_wrapper: TopicConfigSerializeWrapper,
}

impl RemotingBody for RegisterBrokerBody {}

#[derive(Debug, thiserror::Error)]
pub enum RegisterBrokerBodyError {
    #[error("register broker body: {0}")]
    Json(#[from] FastjsonError),
    #[error("register broker body: bad zlib stream: {0}")]
    Zlib(#[from] std::io::Error),
    #[error("register broker body: inflates to more than {MAX_INFLATED_LEN} bytes")]
    TooLarge,
    #[error("register broker body: truncated at byte {0} of the inflated data")]
    Truncated(usize),
    #[error("register broker body: negative length {0}")]
    NegativeLength(i32),
    #[error("register broker body: bad topic config entry {0:?}")]
    BadTopicEntry(String),
}

impl RegisterBrokerBody {
    /// Decodes a REGISTER_BROKER body; `compressed` is the request header's flag.
    pub fn decode_body(body: &[u8], compressed: bool) -> Result<Self, RegisterBrokerBodyError> {
        if compressed {
            Self::decode_compressed(body)
        } else {
            Ok(fastjson::from_slice(body)?)
        }
    }

    /// Encodes for REGISTER_BROKER. The compressed form writes 4.x topic
    /// entries (five fields; a 4.9.8 name server rejects a sixth) followed by
    /// an empty 5.x mapping section, which 4.x name servers never read.
    pub fn encode_body(&self, compressed: bool) -> Vec<u8> {
        if compressed {
            self.encode_compressed()
        } else {
            self.encode()
        }
    }

    fn encode_compressed(&self) -> Vec<u8> {
        let wrapper = &self.topic_config_serialize_wrapper;
        let mut raw = Vec::new();
        put_piece(&mut raw, &wrapper.data_version.encode());
        put_len(&mut raw, wrapper.topic_config_table.len());
        for tc in wrapper.topic_config_table.values() {
            let line = format!(
                "{} {} {} {} {}",
                tc.topic_name,
                tc.read_queue_nums,
                tc.write_queue_nums,
                tc.perm,
                tc.topic_filter_type
            );
            put_piece(&mut raw, line.as_bytes());
        }
        put_piece(
            &mut raw,
            &serde_json::to_vec(&self.filter_server_list).unwrap_or_default(),
        );
        put_len(&mut raw, 0); // no static-topic mappings

        // Java uses Deflater.BEST_COMPRESSION with the zlib wrapper.
        let mut enc = ZlibEncoder::new(Vec::with_capacity(raw.len() / 4 + 64), Compression::best());
        // Writing into a Vec cannot fail.
        enc.write_all(&raw).expect("zlib into a Vec");
        enc.finish().expect("zlib into a Vec")
    }

    fn decode_compressed(body: &[u8]) -> Result<Self, RegisterBrokerBodyError> {
        let raw = inflate_bounded(body, MAX_INFLATED_LEN)?;
        let mut cur = Cursor { buf: &raw, pos: 0 };

        let data_version: DataVersion = fastjson::from_slice(cur.piece()?)?;
        let topic_count = cur.i32()?;
        if topic_count < 0 {
            return Err(RegisterBrokerBodyError::NegativeLength(topic_count));
        }
        let mut wrapper = TopicConfigSerializeWrapper {
            data_version,
            ..Default::default()
        };
        for _ in 0..topic_count {
            let tc = parse_topic_entry(cur.piece()?)?;
            wrapper.topic_config_table.insert(tc.topic_name.clone(), tc);
        }
        // Java always writes the filter server list; Java's reader logs and
        // continues on a bad one, so an absent or unreadable list is empty.
        let filter_server_list = if cur.at_end() {
            Vec::new()
        } else {
            fastjson::from_slice(cur.piece()?).unwrap_or_default()
        };
        // Anything after (5.x static-topic mappings) is not used by mq.
        Ok(RegisterBrokerBody {
            filter_server_list,
            topic_config_serialize_wrapper: wrapper,
        })
    }
}

fn inflate_bounded(body: &[u8], limit: u64) -> Result<Vec<u8>, RegisterBrokerBodyError> {
    let mut raw = Vec::new();
    ZlibDecoder::new(body)
        .take(limit + 1)
        .read_to_end(&mut raw)?;
    if raw.len() as u64 > limit {
        return Err(RegisterBrokerBodyError::TooLarge);
    }
    Ok(raw)
}

/// One compressed topic entry, as Java's TopicConfig.decode reads it: split on
/// single spaces (trailing empty parts dropped), at least five parts; a sixth
/// is 5.x's attributes JSON, ignored when unreadable as Java does.
fn parse_topic_entry(bytes: &[u8]) -> Result<TopicConfig, RegisterBrokerBodyError> {
    let bad =
        || RegisterBrokerBodyError::BadTopicEntry(String::from_utf8_lossy(bytes).into_owned());
    let line = std::str::from_utf8(bytes).map_err(|_| bad())?;
    let mut parts: Vec<&str> = line.split(' ').collect();
    while parts.last() == Some(&"") {
        parts.pop();
    }
    if parts.len() < 5 {
        return Err(bad());
    }
    let int = |s: &str| s.parse::<i32>().map_err(|_| bad());
    let mut tc = TopicConfig {
        topic_name: parts[0].to_owned(),
        read_queue_nums: int(parts[1])?,
        write_queue_nums: int(parts[2])?,
        perm: int(parts[3])?,
        topic_filter_type: parts[4].parse().map_err(|_| bad())?,
        ..TopicConfig::default()
    };
    if let Some(attrs) = parts.get(5) {
        tc.attributes = fastjson::from_slice(attrs.as_bytes()).unwrap_or_default();
    }
    Ok(tc)
}

fn put_len(out: &mut Vec<u8>, len: usize) {
    out.extend_from_slice(&(len as i32).to_be_bytes());
}

fn put_piece(out: &mut Vec<u8>, piece: &[u8]) {
    put_len(out, piece.len());
    out.extend_from_slice(piece);
}

struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn at_end(&self) -> bool {
        self.pos >= self.buf.len()
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], RegisterBrokerBodyError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.buf.len())
            .ok_or(RegisterBrokerBodyError::Truncated(self.pos))?;
        let slice = &self.buf[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn i32(&mut self) -> Result<i32, RegisterBrokerBodyError> {
        let b = self.take(4)?;
        Ok(i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn piece(&mut self) -> Result<&'a [u8], RegisterBrokerBodyError> {
        let len = self.i32()?;
        if len < 0 {
            return Err(RegisterBrokerBodyError::NegativeLength(len));
        }
        self.take(len as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::topic_config::TopicFilterType;

    fn body() -> RegisterBrokerBody {
        let mut b = RegisterBrokerBody::default();
        let w = &mut b.topic_config_serialize_wrapper;
        w.data_version = DataVersion {
            counter: 3,
            state_version: None,
            timestamp: 1_700_000_000_000,
        };
        for tc in [
            TopicConfig::with_queues("TBW102", 8, 8, 7),
            TopicConfig::with_queues("TopicTest", 4, 4, 6),
            TopicConfig {
                topic_filter_type: TopicFilterType::MultiTag,
                ..TopicConfig::with_queues("Tagged", 2, 1, 4)
            },
        ] {
            w.topic_config_table.insert(tc.topic_name.clone(), tc);
        }
        b
    }

    #[test]
    fn plain_json_shape() {
        let mut b = RegisterBrokerBody::default();
        b.topic_config_serialize_wrapper
            .topic_config_table
            .insert("T".into(), TopicConfig::with_queues("T", 1, 1, 6));
        assert_eq!(
            String::from_utf8(b.encode_body(false)).unwrap(),
            r#"{"filterServerList":[],"topicConfigSerializeWrapper":{"dataVersion":{"counter":0,"timestamp":0},"topicConfigTable":{"T":{"order":false,"perm":6,"readQueueNums":1,"topicFilterType":"SINGLE_TAG","topicName":"T","topicSysFlag":0,"writeQueueNums":1}}}}"#
        );
        assert_eq!(
            RegisterBrokerBody::decode_body(&b.encode_body(false), false).unwrap(),
            b
        );
    }

    #[test]
    fn compressed_round_trip() {
        let b = body();
        let enc = b.encode_body(true);
        assert_eq!(&enc[..2], &[0x78, 0xDA]); // zlib header, best compression
        let dec = RegisterBrokerBody::decode_body(&enc, true).unwrap();
        assert_eq!(dec, b);
    }

    /// Builds a compressed body by hand, as a Java 4.9.8 or 5.x broker would.
    fn java_compressed(topic_lines: &[&str], filter: Option<&str>, five_x_tail: bool) -> Vec<u8> {
        let mut raw = Vec::new();
        put_piece(&mut raw, br#"{"counter":7,"timestamp":1700000000123}"#);
        put_len(&mut raw, topic_lines.len());
        for l in topic_lines {
            put_piece(&mut raw, l.as_bytes());
        }
        if let Some(f) = filter {
            put_piece(&mut raw, f.as_bytes());
        }
        if five_x_tail {
            put_len(&mut raw, 1);
            put_piece(&mut raw, br#"{"bname":"broker-a","topic":"S"}"#);
        }
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::best());
        enc.write_all(&raw).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn decodes_java_4x_compressed() {
        let bytes = java_compressed(
            &["TopicTest 4 4 6 SINGLE_TAG", "TBW102 8 8 7 SINGLE_TAG"],
            Some(r#"["10.0.0.9:8888"]"#),
            false,
        );
        let b = RegisterBrokerBody::decode_body(&bytes, true).unwrap();
        let w = &b.topic_config_serialize_wrapper;
        assert_eq!(
            (w.data_version.counter, w.data_version.timestamp),
            (7, 1_700_000_000_123)
        );
        let t = &w.topic_config_table["TopicTest"];
        assert_eq!((t.read_queue_nums, t.write_queue_nums, t.perm), (4, 4, 6));
        // Not carried by the compressed form.
        assert_eq!((t.topic_sys_flag, t.order), (0, false));
        assert_eq!(w.topic_config_table["TBW102"].perm, 7);
        assert_eq!(b.filter_server_list, vec!["10.0.0.9:8888"]);
    }

    #[test]
    fn decodes_java_5x_compressed_with_attributes_and_mappings() {
        let bytes = java_compressed(
            &[
                r#"TopicTest 4 4 6 SINGLE_TAG {"+message.type":"NORMAL"}"#,
                "Plain 1 1 6 MULTI_TAG {}",
                "Trailing 1 1 6 SINGLE_TAG ",
            ],
            Some("[]"),
            true,
        );
        let b = RegisterBrokerBody::decode_body(&bytes, true).unwrap();
        let table = &b.topic_config_serialize_wrapper.topic_config_table;
        assert_eq!(table["TopicTest"].attributes["+message.type"], "NORMAL");
        assert_eq!(table["Plain"].topic_filter_type, TopicFilterType::MultiTag);
        assert!(table.contains_key("Trailing"));
        assert!(b.filter_server_list.is_empty());
    }

    #[test]
    fn compressed_without_filter_list_is_tolerated() {
        let bytes = java_compressed(&["T 1 1 6 SINGLE_TAG"], None, false);
        let b = RegisterBrokerBody::decode_body(&bytes, true).unwrap();
        assert!(b.filter_server_list.is_empty());
    }

    #[test]
    fn bad_compressed_bodies_are_errors() {
        assert!(matches!(
            RegisterBrokerBody::decode_body(b"not zlib", true),
            Err(RegisterBrokerBodyError::Zlib(_))
        ));
        for lines in [
            &["T 1 1 6"][..],
            &["T x 1 6 SINGLE_TAG"],
            &["T 1 1 6 OTHER"],
        ] {
            let bytes = java_compressed(lines, Some("[]"), false);
            assert!(matches!(
                RegisterBrokerBody::decode_body(&bytes, true),
                Err(RegisterBrokerBodyError::BadTopicEntry(_))
            ));
        }
        // Claims more topics than present.
        let mut raw = Vec::new();
        put_piece(&mut raw, br#"{"counter":1,"timestamp":1}"#);
        put_len(&mut raw, 5);
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(&raw).unwrap();
        assert!(matches!(
            RegisterBrokerBody::decode_body(&enc.finish().unwrap(), true),
            Err(RegisterBrokerBodyError::Truncated(_))
        ));
        // A negative length.
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(&(-1i32).to_be_bytes()).unwrap();
        assert!(matches!(
            RegisterBrokerBody::decode_body(&enc.finish().unwrap(), true),
            Err(RegisterBrokerBodyError::NegativeLength(-1))
        ));
        assert!(RegisterBrokerBody::decode_body(b"{", false).is_err());
    }

    #[test]
    fn inflation_is_bounded() {
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::best());
        enc.write_all(&vec![0u8; 1 << 16]).unwrap();
        let bomb = enc.finish().unwrap();
        assert!(matches!(
            inflate_bounded(&bomb, (1 << 16) - 1),
            Err(RegisterBrokerBodyError::TooLarge)
        ));
        assert_eq!(inflate_bounded(&bomb, 1 << 16).unwrap().len(), 1 << 16);
    }
}
