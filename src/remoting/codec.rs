//! The frame format and both header encodings.
//!
//! A frame is `i32 length` (of everything after it), `i32 header-length word`
//! (high byte = serialize type, low 24 bits = header length), the header, then
//! the body. The JSON header follows fastjson's output (fields sorted, nulls
//! omitted); the ROCKETMQ header is RocketMQ's fixed binary layout.

use bytes::{Buf, BufMut, Bytes, BytesMut};

use super::command::{LanguageCode, RemotingCommand, SerializeType};
use super::error::RemotingError;
use super::ext_fields::{ExtFields, HeaderStr};
use super::json_header::decode_json_header;

/// RocketMQ's default frame limit (`com.rocketmq.remoting.frameMaxLength`).
pub const DEFAULT_MAX_FRAME: usize = 16 * 1024 * 1024;

/// Decodes one frame from the front of `src` if a whole one is there.
/// Leaves `src` untouched when more bytes are needed.
pub fn decode_frame(
    src: &mut BytesMut,
    max_frame: usize,
) -> Result<Option<RemotingCommand>, RemotingError> {
    if src.len() < 4 {
        return Ok(None);
    }
    let length = u32::from_be_bytes([src[0], src[1], src[2], src[3]]) as usize;
    if length > max_frame {
        return Err(RemotingError::FrameTooLarge(length, max_frame));
    }
    if length < 4 {
        return Err(RemotingError::Malformed(format!(
            "frame length {length} is shorter than its header-length word"
        )));
    }
    if src.len() < 4 + length {
        src.reserve(4 + length - src.len());
        return Ok(None);
    }
    src.advance(4);
    let frame = src.split_to(length).freeze();
    decode_frame_body(frame).map(Some)
}

/// Decodes a frame without its 4-byte length prefix.
pub fn decode_frame_body(mut frame: Bytes) -> Result<RemotingCommand, RemotingError> {
    let length = frame.len();
    if length < 4 {
        return Err(RemotingError::Malformed(format!(
            "frame length {length} is shorter than its header-length word"
        )));
    }
    let word = frame.get_u32();
    let serialize_type = SerializeType::from_code((word >> 24) as u8).ok_or_else(|| {
        RemotingError::Malformed(format!("unknown serialize type {}", word >> 24))
    })?;
    let header_len = (word & 0x00FF_FFFF) as usize;
    if header_len > length - 4 {
        return Err(RemotingError::Malformed(format!(
            "header length {header_len} exceeds frame length {length}"
        )));
    }
    let header = frame.split_to(header_len);
    let mut cmd = match serialize_type {
        SerializeType::Json => decode_json_header(&header)?,
        SerializeType::RocketMq => decode_binary_header(header)?,
    };
    cmd.serialize_type = serialize_type;
    cmd.body = frame;
    Ok(cmd)
}

/// Appends `cmd` as one frame, its header in `cmd.serialize_type`.
pub fn encode_frame(cmd: &RemotingCommand, dst: &mut BytesMut) {
    encode_frame_header(cmd, dst);
    dst.extend_from_slice(&cmd.body);
    for part in cmd.body_parts() {
        dst.extend_from_slice(part);
    }
}

/// Appends the frame's length prefix, header-length word and header, but not
/// the body, so a writer can send a large body without copying it.
pub fn encode_frame_header(cmd: &RemotingCommand, dst: &mut BytesMut) {
    let start = dst.len();
    dst.put_u32(0);
    dst.put_u32(0);
    match cmd.serialize_type {
        SerializeType::Json => encode_json_header(cmd, dst),
        SerializeType::RocketMq => encode_binary_header(cmd, dst),
    }
    let header_len = dst.len() - start - 8;
    let total = 4 + header_len + cmd.body_len();
    dst[start..start + 4].copy_from_slice(&(total as u32).to_be_bytes());
    let word = ((cmd.serialize_type.code() as u32) << 24) | (header_len as u32 & 0x00FF_FFFF);
    dst[start + 4..start + 8].copy_from_slice(&word.to_be_bytes());
}

/// Writes the header as fastjson would: fields in alphabetical order, nulls
/// omitted, every extFields value a string.
fn encode_json_header(cmd: &RemotingCommand, dst: &mut BytesMut) {
    let out = dst;
    out.put_slice(b"{\"code\":");
    put_decimal(out, cmd.code);
    out.put_slice(b",\"extFields\":{");
    for (i, (k, v)) in cmd.ext_fields.iter().enumerate() {
        if i > 0 {
            out.put_u8(b',');
        }
        write_json_string(out, k);
        out.put_u8(b':');
        write_json_string(out, v);
    }
    out.put_slice(b"},\"flag\":");
    put_decimal(out, cmd.flag);
    out.put_slice(b",\"language\":\"");
    out.put_slice(cmd.language.name().as_bytes());
    out.put_slice(b"\",\"opaque\":");
    put_decimal(out, cmd.opaque);
    if let Some(remark) = &cmd.remark {
        out.put_slice(b",\"remark\":");
        write_json_string(out, remark);
    }
    out.put_slice(b",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":");
    put_decimal(out, cmd.version);
    out.put_u8(b'}');
}

/// Appends `v` in decimal, without the allocation of `to_string` (four per header).
fn put_decimal(out: &mut BytesMut, v: i32) {
    out.put_slice(HeaderStr::decimal(v.unsigned_abs() as u64, v < 0).as_bytes());
}

/// A JSON string literal with control characters escaped (message properties
/// carry \u0001 and \u0002 separators).
fn write_json_string(out: &mut BytesMut, s: &str) {
    out.put_u8(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    while let Some(i) = first_to_escape(&bytes[start..]) {
        let at = start + i;
        out.put_slice(&bytes[start..at]);
        let b = bytes[at];
        match b {
            b'"' => out.put_slice(b"\\\""),
            b'\\' => out.put_slice(b"\\\\"),
            b'\n' => out.put_slice(b"\\n"),
            b'\r' => out.put_slice(b"\\r"),
            b'\t' => out.put_slice(b"\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.put_slice(b"\\u00");
                out.put_u8(HEX[(b >> 4) as usize]);
                out.put_u8(HEX[(b & 0xf) as usize]);
            }
        }
        start = at + 1;
    }
    out.put_slice(&bytes[start..]);
    out.put_u8(b'"');
}

/// The index of the first byte of `b` a JSON string literal escapes, eight bytes a step (a
/// response writes a dozen short strings).
fn first_to_escape(b: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // High bit set in each byte below `n` (at most 0x80) or equal to `c`; bits above the lowest
    // may be false positives (a borrow), the lowest never is.
    let below = |w: u64, n: u8| w.wrapping_sub(LO * n as u64) & !w & HI;
    let equal = |w: u64, c: u8| below(w ^ (LO * c as u64), 1);
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let m = below(w, 0x20) | equal(w, b'"') | equal(w, b'\\');
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b[i..]
        .iter()
        .position(|&c| NEEDS_ESCAPE[c as usize])
        .map(|p| i + p)
}

/// The bytes a JSON string literal escapes: quote, backslash and control characters.
const NEEDS_ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Fixed part of the binary header: code, language, version, opaque, flag,
/// remark length, extFields length.
const BINARY_FIXED: usize = 2 + 1 + 2 + 4 + 4 + 4 + 4;

fn decode_binary_header(mut h: Bytes) -> Result<RemotingCommand, RemotingError> {
    let short = || RemotingError::Malformed("binary header is truncated".into());
    if h.len() < BINARY_FIXED - 4 {
        return Err(short());
    }
    let code = h.get_i16() as i32;
    let language = LanguageCode::from_code(h.get_u8());
    let version = h.get_i16() as i32;
    let opaque = h.get_i32();
    let flag = h.get_i32();
    let remark_len = h.get_i32();
    let remark = if remark_len > 0 {
        let bytes = take(&mut h, remark_len as usize).ok_or_else(short)?;
        Some(utf8(bytes)?)
    } else {
        None
    };
    if h.remaining() < 4 {
        return Err(short());
    }
    let ext_len = h.get_i32();
    let mut entries = Vec::new();
    if ext_len > 0 {
        let mut ext = take(&mut h, ext_len as usize).ok_or_else(short)?;
        while ext.has_remaining() {
            if ext.remaining() < 2 {
                return Err(short());
            }
            let klen = ext.get_i16();
            let key = take(&mut ext, klen.max(0) as usize).ok_or_else(short)?;
            if ext.remaining() < 4 {
                return Err(short());
            }
            let vlen = ext.get_i32();
            let value = take(&mut ext, vlen.max(0) as usize).ok_or_else(short)?;
            entries.push((header_str(key)?, header_str(value)?));
        }
    }
    let ext_fields = ExtFields::from_entries(entries);
    Ok(RemotingCommand {
        code,
        language,
        version,
        opaque,
        flag,
        remark,
        ext_fields,
        ..Default::default()
    })
}

fn take(buf: &mut Bytes, n: usize) -> Option<Bytes> {
    (buf.remaining() >= n).then(|| buf.split_to(n))
}

fn invalid_utf8() -> RemotingError {
    RemotingError::Malformed("binary header holds invalid UTF-8".into())
}

fn utf8(b: Bytes) -> Result<String, RemotingError> {
    String::from_utf8(b.to_vec()).map_err(|_| invalid_utf8())
}

/// A field of the frame as a string, without copying it.
fn header_str(b: Bytes) -> Result<HeaderStr, RemotingError> {
    HeaderStr::from_utf8(b).ok_or_else(invalid_utf8)
}

fn encode_binary_header(cmd: &RemotingCommand, dst: &mut BytesMut) {
    dst.put_i16(cmd.code as i16);
    dst.put_u8(cmd.language.code());
    dst.put_i16(cmd.version as i16);
    dst.put_i32(cmd.opaque);
    dst.put_i32(cmd.flag);
    match &cmd.remark {
        Some(r) => {
            dst.put_i32(r.len() as i32);
            dst.put_slice(r.as_bytes());
        }
        None => dst.put_i32(0),
    }
    let ext_len: usize = cmd
        .ext_fields
        .iter()
        .map(|(k, v)| 2 + k.len() + 4 + v.len())
        .sum();
    dst.put_i32(ext_len as i32);
    for (k, v) in cmd.ext_fields.iter() {
        dst.put_i16(k.len() as i16);
        dst.put_slice(k.as_bytes());
        dst.put_i32(v.len() as i32);
        dst.put_slice(v.as_bytes());
    }
}

/// A tokio-util codec over `decode_frame`/`encode_frame`.
#[derive(Clone, Debug)]
pub struct RemotingCodec {
    pub max_frame: usize,
}

impl Default for RemotingCodec {
    fn default() -> Self {
        RemotingCodec {
            max_frame: DEFAULT_MAX_FRAME,
        }
    }
}

impl tokio_util::codec::Decoder for RemotingCodec {
    type Item = RemotingCommand;
    type Error = RemotingError;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<RemotingCommand>, RemotingError> {
        decode_frame(src, self.max_frame)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_escape_search_finds_what_the_table_finds() {
        let mut next = crate::util::xorshift(0x9e37_79b9_7f4a_7c15u64);
        for _ in 0..5000 {
            let len = (next() % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    let b = match next() % 8 {
                        0 => (next() % 0x20) as u8,
                        1 => b'"',
                        2 => b'\\',
                        3 => 0x80 | (next() as u8),
                        _ => 0x20 + (next() % 0x60) as u8,
                    };
                    if next().is_multiple_of(4) { b } else { b'a' }
                })
                .collect();
            let naive = bytes.iter().position(|&c| NEEDS_ESCAPE[c as usize]);
            assert_eq!(first_to_escape(&bytes), naive, "{bytes:?}");
        }
    }

    fn round_trip(cmd: &RemotingCommand) -> RemotingCommand {
        let mut buf = BytesMut::new();
        encode_frame(cmd, &mut buf);
        let out = decode_frame(&mut buf, DEFAULT_MAX_FRAME).unwrap().unwrap();
        assert!(buf.is_empty());
        out
    }

    #[test]
    fn json_header_is_fastjson_shaped() {
        let cmd = RemotingCommand::request(105).with_ext("topic", "TopicTest");
        let mut buf = BytesMut::new();
        encode_frame(&cmd, &mut buf);
        let header = std::str::from_utf8(&buf[8..]).unwrap();
        assert_eq!(
            header,
            r#"{"code":105,"extFields":{"topic":"TopicTest"},"flag":0,"language":"JAVA","opaque":0,"serializeTypeCurrentRPC":"JSON","version":409}"#
        );
    }

    #[test]
    fn control_characters_are_escaped() {
        let cmd = RemotingCommand::request(310)
            .with_ext("i", "TAGS\u{1}TagA\u{2}KEYS\u{1}k\"1\\")
            .with_body(&b"hello"[..]);
        let mut buf = BytesMut::new();
        encode_frame(&cmd, &mut buf);
        assert!(!buf[8..].contains(&1u8));
        assert_eq!(round_trip(&cmd), cmd);
    }

    #[test]
    fn lenient_json_header() {
        let raw =
            br#"{"extFields":{"queueId":3,"batch":false,"x":null,"f":1.5},"code":310,"opaque":7}
"#;
        let mut frame = BytesMut::new();
        frame.put_u32((4 + raw.len()) as u32);
        frame.put_u32(raw.len() as u32);
        frame.put_slice(raw);
        let cmd = decode_frame(&mut frame, DEFAULT_MAX_FRAME)
            .unwrap()
            .unwrap();
        assert_eq!(cmd.code, 310);
        assert_eq!(cmd.opaque, 7);
        assert_eq!(cmd.language, LanguageCode::Java);
        assert_eq!(cmd.ext("queueId"), Some("3"));
        assert_eq!(cmd.ext("batch"), Some("false"));
        assert_eq!(cmd.ext("f"), Some("1.5"));
        assert_eq!(cmd.ext("x"), None);
        assert_eq!(cmd.remark, None);
    }

    #[test]
    fn body_parts_are_sent_as_one_body() {
        let mut parts = RemotingCommand::response(0, None).with_body(&b"ab"[..]);
        parts.body_parts = Some(std::sync::Arc::new(vec![
            Bytes::from_static(b"cd"),
            Bytes::from_static(b"e"),
        ]));
        let joined = RemotingCommand::response(0, None).with_body(&b"abcde"[..]);
        let (mut a, mut b) = (BytesMut::new(), BytesMut::new());
        encode_frame(&parts, &mut a);
        encode_frame(&joined, &mut b);
        assert_eq!(a, b);
        assert_eq!(round_trip(&parts).body, joined.body);
    }

    #[test]
    fn numbers_are_written_as_decimal() {
        for v in [0, 7, -1, 10, 409, i32::MAX, i32::MIN, -1_000_000] {
            let mut out = BytesMut::new();
            put_decimal(&mut out, v);
            assert_eq!(&out[..], v.to_string().as_bytes());
        }
    }

    #[test]
    fn binary_header_round_trips() {
        let mut cmd = RemotingCommand::response(17, Some("no topic".to_string()))
            .with_ext("a", "1")
            .with_body(&b"xyz"[..]);
        cmd.serialize_type = SerializeType::RocketMq;
        cmd.opaque = -5;
        assert_eq!(round_trip(&cmd), cmd);
    }

    #[test]
    fn incomplete_and_invalid_frames() {
        let cmd = RemotingCommand::request(105).with_ext("topic", "T");
        let mut full = BytesMut::new();
        encode_frame(&cmd, &mut full);
        for cut in 0..full.len() {
            let mut part = BytesMut::from(&full[..cut]);
            assert!(
                decode_frame(&mut part, DEFAULT_MAX_FRAME)
                    .unwrap()
                    .is_none()
            );
        }
        let mut big = BytesMut::from(&[0x7f, 0, 0, 0][..]);
        assert!(matches!(
            decode_frame(&mut big, DEFAULT_MAX_FRAME),
            Err(RemotingError::FrameTooLarge(..))
        ));
        let mut liar = BytesMut::new();
        liar.put_u32(8);
        liar.put_u32(100);
        liar.put_u32(0);
        assert!(decode_frame(&mut liar, DEFAULT_MAX_FRAME).is_err());
        let mut bad_type = BytesMut::new();
        bad_type.put_u32(4);
        bad_type.put_u32(0x0500_0000);
        assert!(decode_frame(&mut bad_type, DEFAULT_MAX_FRAME).is_err());
    }
}
