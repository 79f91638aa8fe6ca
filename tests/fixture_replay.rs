//! Replays every request captured from real clients (tests/fixtures/frames:
//! the Java client in both header encodings, ali-ons, the C++ clients) against
//! a real `mq up`, byte for byte, over one connection per server as the client
//! had. Every request that expects an answer gets one, in its own encoding,
//! with its opaque, and with a code RocketMQ would give in that situation.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

use bytes::BytesMut;
use mq::protocol::body::RemotingBody;
use mq::protocol::heartbeat::HeartbeatData;
use mq::remoting::RemotingCommand;
use mq::remoting::code::response;
use mq::remoting::codec::{DEFAULT_MAX_FRAME, decode_frame, encode_frame};
use serde_json::Value;
use support::*;

/// Reads frames until the response to `opaque` (brokers may send requests of
/// their own, such as NOTIFY_CONSUMER_IDS_CHANGED, in between).
fn read_response(stream: &mut TcpStream, buf: &mut BytesMut, opaque: i32) -> RemotingCommand {
    loop {
        if let Some(cmd) = decode_frame(buf, DEFAULT_MAX_FRAME).unwrap() {
            if cmd.is_response() && cmd.opaque == opaque {
                return cmd;
            }
            continue;
        }
        let mut chunk = [0u8; 64 * 1024];
        let n = stream.read(&mut chunk).expect("the server answers");
        assert!(n > 0, "the server closed the connection");
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn replay(client: &str) {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let frames = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/frames")
        .join(client);
    let summary: Vec<Value> =
        serde_json::from_slice(&std::fs::read(frames.join("summary.json")).unwrap()).unwrap();
    let connect = |addr: &str| {
        let s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        (s, BytesMut::new())
    };
    let mut namesrv = connect(&up.namesrv);
    let mut broker = connect(&up.broker);
    let mut sub_versions = std::collections::HashMap::new();
    for entry in summary {
        let n = entry["n"].as_u64().unwrap();
        let bin = std::fs::read(frames.join(format!("{n}.bin"))).unwrap();
        let mut request = decode_frame(&mut BytesMut::from(&bin[..]), DEFAULT_MAX_FRAME)
            .unwrap()
            .unwrap();
        let mut bytes = bin.clone();
        if let Some(flag) = request.ext_fields.get("sysFlag").map(str::to_string) {
            // Pulls were long polls: ask without suspending so the replay does not wait 15 s.
            let flag: i32 = flag.parse().unwrap();
            request
                .ext_fields
                .insert("sysFlag", (flag & !0x2).to_string());
            let mut out = BytesMut::new();
            encode_frame(&request, &mut out);
            bytes = out.to_vec();
        }
        let (stream, buf) = if entry["role"] == "namesrv" {
            &mut namesrv
        } else {
            &mut broker
        };
        stream.write_all(&bytes).unwrap();
        if request.is_oneway() {
            continue;
        }
        let answer = read_response(stream, buf, request.opaque);
        let what = format!(
            "{client} #{n} {}: {}",
            entry["code_name"],
            answer.describe_error()
        );
        assert_eq!(answer.serialize_type, request.serialize_type, "{what}");
        let retry_queue = request
            .ext("topic")
            .is_some_and(|t| t.starts_with("%RETRY%"))
            && request.ext("queueId").is_some_and(|q| q != "0");
        if entry["code_name"] == "PULL_MESSAGE" && retry_queue {
            // The capture's test double gave retry topics four queues; RocketMQ (and mq)
            // give them one (retryQueueNums), so these pulls are refused as RocketMQ would.
            assert_eq!(answer.code, response::SYSTEM_ERROR, "{what}");
            assert!(
                answer
                    .remark
                    .as_deref()
                    .unwrap_or("")
                    .contains("is illegal"),
                "{what}"
            );
            continue;
        }
        let acceptable = [
            response::SUCCESS,
            response::TOPIC_NOT_EXIST, // a route asked for before the first send created the topic
            response::PULL_NOT_FOUND,
            response::PULL_RETRY_IMMEDIATELY,
            response::PULL_OFFSET_MOVED,
            response::QUERY_NOT_FOUND,
        ];
        if entry["code_name"] == "HEART_BEAT" {
            let hb = HeartbeatData::decode(&request.body).unwrap();
            for sub in hb
                .consumer_data_set
                .iter()
                .flat_map(|c| &c.subscription_data_set)
            {
                sub_versions.insert(sub.topic.clone(), sub.sub_version);
            }
        }
        let pulled_ahead_of_heartbeat = entry["code_name"] == "PULL_MESSAGE"
            && request
                .ext_fields
                .get("sysFlag")
                .is_some_and(|f| f.parse::<i32>().unwrap() & 0x4 == 0)
            && request.ext("subVersion").unwrap().parse::<i64>().unwrap()
                > sub_versions
                    .get(request.ext("topic").unwrap())
                    .copied()
                    .unwrap_or(i64::MAX);
        if pulled_ahead_of_heartbeat {
            // The Java client pulled with a subscription newer than its last heartbeat
            // (#28 before #29): RocketMQ answers SUBSCRIPTION_NOT_LATEST, and so must we.
            assert_eq!(answer.code, response::SUBSCRIPTION_NOT_LATEST, "{what}");
            continue;
        }
        assert!(acceptable.contains(&answer.code), "{what}");
        if entry["code_name"] == "SEND_MESSAGE" || entry["code_name"] == "SEND_MESSAGE_V2" {
            assert_eq!(answer.code, response::SUCCESS, "{what}");
            assert!(
                answer.ext("msgId").is_some() && answer.ext("queueOffset").is_some(),
                "{what}"
            );
        }
    }
}

#[test]
fn java_client_json() {
    replay("java");
}

#[test]
fn java_client_rocketmq_binary_headers() {
    replay("java-rocketmqser");
}

#[test]
fn ali_ons() {
    replay("ali-ons");
}

#[test]
fn cpp_client_2() {
    replay("apachepy");
}

#[test]
fn cpp_client_1() {
    replay("rocketmq-py044");
}
