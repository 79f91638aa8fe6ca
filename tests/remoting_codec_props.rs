//! Property tests: any command survives encode/decode in both header
//! encodings, and no byte sequence makes the decoder panic.

use bytes::{Bytes, BytesMut};
use mq::remoting::codec::{decode_frame, encode_frame};
use mq::remoting::{LanguageCode, RemotingCommand, SerializeType};
use proptest::prelude::*;

fn command() -> impl Strategy<Value = RemotingCommand> {
    (
        any::<i16>(),
        0u8..14,
        any::<i16>(),
        any::<i32>(),
        0i32..4,
        proptest::option::of(".{0,40}"),
        proptest::collection::btree_map("[a-zA-Z_]{1,12}", ".{0,40}", 0..8),
        proptest::collection::vec(any::<u8>(), 0..300),
        any::<bool>(),
    )
        .prop_map(
            |(code, lang, version, opaque, flag, remark, ext, body, binary)| RemotingCommand {
                code: code as i32,
                language: LanguageCode::from_code(lang),
                version: version as i32,
                opaque,
                flag,
                // The binary form cannot tell an empty remark from none.
                remark: remark.filter(|r| !(binary && r.is_empty())),
                ext_fields: ext.into_iter().collect(),
                body: Bytes::from(body),
                body_parts: None,
                serialize_type: if binary {
                    SerializeType::RocketMq
                } else {
                    SerializeType::Json
                },
            },
        )
}

proptest! {
    #[test]
    fn encode_decode_round_trip(cmd in command()) {
        let mut buf = BytesMut::new();
        encode_frame(&cmd, &mut buf);
        encode_frame(&cmd, &mut buf);
        let first = decode_frame(&mut buf, 1 << 24).unwrap().unwrap();
        let second = decode_frame(&mut buf, 1 << 24).unwrap().unwrap();
        prop_assert!(buf.is_empty());
        prop_assert_eq!(&first, &cmd);
        prop_assert_eq!(&second, &cmd);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let mut buf = BytesMut::from(&bytes[..]);
        let _ = decode_frame(&mut buf, 1 << 16);
    }

    #[test]
    fn corrupted_frames_never_panic(cmd in command(), pos in any::<usize>(), byte in any::<u8>()) {
        let mut buf = BytesMut::new();
        encode_frame(&cmd, &mut buf);
        let i = pos % buf.len();
        buf[i] = byte;
        let _ = decode_frame(&mut buf, 1 << 24);
    }
}
