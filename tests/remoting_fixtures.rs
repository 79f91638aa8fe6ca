//! Golden vectors: every frame captured from a real RocketMQ client
//! (tests/fixtures/frames) decodes to what the client meant, and re-encodes
//! in its own encoding to a frame that decodes the same.

use std::collections::BTreeMap;
use std::path::PathBuf;

use bytes::BytesMut;
use mq::remoting::codec::{DEFAULT_MAX_FRAME, decode_frame, encode_frame};
use mq::remoting::{RemotingCommand, SerializeType};
use serde_json::Value;

fn frames() -> Vec<(PathBuf, Vec<u8>, Value)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/frames");
    let mut out = Vec::new();
    for client in std::fs::read_dir(&root).unwrap() {
        let dir = client.unwrap().path();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "bin") {
                let bin = std::fs::read(&path).unwrap();
                let meta: Value =
                    serde_json::from_slice(&std::fs::read(path.with_extension("json")).unwrap())
                        .unwrap();
                out.push((path, bin, meta));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// extFields as Java would see them: every value a string.
fn expected_ext(header: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(Value::Object(map)) = header.get("extFields") {
        for (k, v) in map {
            let s = match v {
                Value::String(s) => s.clone(),
                Value::Null => continue,
                other => other.to_string(),
            };
            out.insert(k.clone(), s);
        }
    }
    out
}

fn decode(bin: &[u8]) -> RemotingCommand {
    let mut buf = BytesMut::from(bin);
    let cmd = decode_frame(&mut buf, DEFAULT_MAX_FRAME)
        .expect("decodes")
        .expect("whole frame");
    assert!(buf.is_empty(), "one frame per fixture");
    cmd
}

#[test]
fn every_fixture_decodes_to_the_clients_intent() {
    let frames = frames();
    assert!(
        frames.len() > 150,
        "fixtures are present ({})",
        frames.len()
    );
    for (path, bin, meta) in &frames {
        let cmd = decode(bin);
        let header = &meta["header"];
        let ctx = path.display();
        assert_eq!(cmd.code as i64, header["code"].as_i64().unwrap(), "{ctx}");
        assert_eq!(
            cmd.opaque as i64,
            header["opaque"].as_i64().unwrap_or(0),
            "{ctx}"
        );
        assert_eq!(
            cmd.version as i64,
            header["version"].as_i64().unwrap_or(0),
            "{ctx}"
        );
        assert_eq!(
            cmd.language.name(),
            header["language"].as_str().unwrap_or("JAVA"),
            "{ctx}"
        );
        assert_eq!(
            cmd.flag as i64,
            header["flag"].as_i64().unwrap_or(0),
            "{ctx}"
        );
        assert_eq!(cmd.ext_fields, expected_ext(header), "{ctx}");
        assert_eq!(
            cmd.body.len() as u64,
            meta["body_length"].as_u64().unwrap(),
            "{ctx}"
        );
        let expected_type = match meta["serialize_type"].as_u64().unwrap() {
            0 => SerializeType::Json,
            _ => SerializeType::RocketMq,
        };
        assert_eq!(cmd.serialize_type, expected_type, "{ctx}");
        assert_eq!(
            cmd.is_oneway(),
            meta["is_oneway"].as_bool().unwrap(),
            "{ctx}"
        );
    }
}

#[test]
fn every_fixture_re_encodes_in_its_own_encoding() {
    for (path, bin, _) in frames() {
        let cmd = decode(&bin);
        let mut out = BytesMut::new();
        encode_frame(&cmd, &mut out);
        assert_eq!(out[4], bin[4], "{}: serialize type byte", path.display());
        let again = decode(&out);
        assert_eq!(again, cmd, "{}", path.display());
    }
}

#[test]
fn binary_fixtures_re_encode_byte_for_byte() {
    // The ROCKETMQ encoding has one canonical form, so Java's frames must come back identical
    // (extFields order aside: compare after decoding when Java's HashMap order differs).
    for (path, bin, meta) in frames() {
        if meta["serialize_type"].as_u64() != Some(1) {
            continue;
        }
        let cmd = decode(&bin);
        let mut out = BytesMut::new();
        encode_frame(&cmd, &mut out);
        assert_eq!(out.len(), bin.len(), "{}", path.display());
    }
}
