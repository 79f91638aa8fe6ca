//! The fuzz corpus, replayed without a fuzzer: every file under tests/fuzz_corpus/<target>/
//! goes through the same target function the fuzz binary in fuzz/ calls
//! (mq::fuzz_targets), so a crash the fuzzer once found stays fixed. `seed-*` files are made by
//! `make_seeds` below from real frames (tests/fixtures/frames) and real stores; the others are
//! inputs the fuzzer found (minimised), crash regressions among them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use bytes::BytesMut;
use mq::fuzz_targets::TARGETS;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = root().join("tests/fuzz_corpus").join(target);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    out.sort();
    out
}

fn replay(target: &str) {
    let (_, f) = TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .unwrap_or_else(|| panic!("no target {target}"));
    let inputs = corpus(target);
    assert!(!inputs.is_empty(), "tests/fuzz_corpus/{target} is empty");
    for (path, bytes) in inputs {
        let outcome = std::panic::catch_unwind(|| f(&bytes));
        assert!(outcome.is_ok(), "{target} panics on {}", path.display());
    }
}

#[test]
fn frame() {
    replay("frame");
}

#[test]
fn json_header() {
    replay("json_header");
}

#[test]
fn binary_header() {
    replay("binary_header");
}

#[test]
fn message_record() {
    replay("message_record");
}

#[test]
fn batch_body() {
    replay("batch_body");
}

#[test]
fn register_broker_plain() {
    replay("register_broker_plain");
}

#[test]
fn register_broker_compressed() {
    replay("register_broker_compressed");
}

#[test]
fn store_recovery() {
    replay("store_recovery");
}

#[test]
fn sql92() {
    replay("sql92");
}

#[test]
fn ha_frames() {
    replay("ha_frames");
}

/// Every fuzz binary has a target function, a corpus and a replay test, and the other way
/// round.
#[test]
fn fuzz_binaries_corpora_and_targets_agree() {
    let names = |dir: &str, ext: Option<&str>| -> BTreeSet<String> {
        std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect()
    };
    let targets: BTreeSet<String> = TARGETS.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(names("fuzz/fuzz_targets", Some("rs")), targets);
    assert_eq!(names("tests/fuzz_corpus", None), targets);
    let this = std::fs::read_to_string(root().join("tests/fuzz_replay.rs")).unwrap();
    for t in &targets {
        assert!(
            this.contains(&format!("replay(\"{t}\")")),
            "no replay test for {t}"
        );
    }
}

/// Writes the `seed-*` inputs. Run after a format change:
/// `cargo test --test fuzz_replay -- --ignored make_seeds`
#[test]
#[ignore = "writes tests/fuzz_corpus; run by hand"]
fn make_seeds() {
    seeds::frames();
    seeds::messages();
    seeds::register_broker();
    seeds::store();
    seeds::sql92();
    seeds::ha();
}

fn put(target: &str, name: &str, bytes: &[u8]) {
    let dir = root().join("tests/fuzz_corpus").join(target);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("seed-{name}")), bytes).unwrap();
}

mod seeds {
    use super::*;
    use mq::protocol::message::batch;
    use mq::protocol::register_broker::RegisterBrokerBody;
    use mq::protocol::topic_config::{DataVersion, TopicConfig};
    use mq::store::message::AppendMessage;
    use mq::store::{FlushDiskType, MessageStore, StoreConfig};

    /// Per client, the first frame of each request code (small ones only); their headers are
    /// the header targets' seeds.
    pub fn frames() {
        let dir = root().join("tests/fixtures/frames");
        let mut clients: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        clients.sort();
        let mut all = Vec::new();
        for client in clients {
            let name = client.file_name().unwrap().to_string_lossy().into_owned();
            let mut files: Vec<_> = std::fs::read_dir(&client)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "bin"))
                .collect();
            files.sort_by_key(|p| {
                p.file_stem()
                    .unwrap()
                    .to_string_lossy()
                    .parse::<u32>()
                    .unwrap_or(0)
            });
            let mut codes = BTreeSet::new();
            for path in files {
                let bin = std::fs::read(&path).unwrap();
                if bin.len() > 400 {
                    continue;
                }
                let mut buf = BytesMut::from(&bin[..]);
                let cmd = mq::remoting::codec::decode_frame(&mut buf, 1 << 24)
                    .unwrap()
                    .unwrap();
                if !codes.insert(cmd.code) {
                    continue;
                }
                let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
                let seed = format!("{name}-{stem}");
                put("frame", &seed, &bin);
                let header_len =
                    (u32::from_be_bytes(bin[4..8].try_into().unwrap()) & 0xFF_FFFF) as usize;
                let header = &bin[8..8 + header_len];
                let target = if bin[4] == 1 {
                    "binary_header"
                } else {
                    "json_header"
                };
                put(target, &seed, header);
                if all.len() < 2 {
                    all.push(bin);
                }
            }
        }
        put("frame", "two-frames", &all.concat());
    }

    fn record(msg: &AppendMessage<'_>, queue_offset: i64, phys: i64) -> Vec<u8> {
        let mut buf = vec![0u8; msg.record_len()];
        msg.encode_into(&mut buf, queue_offset, phys, 1_700_000_000_123);
        buf
    }

    fn msg<'a>(body: &'a [u8], props: &'a str, v6: bool) -> AppendMessage<'a> {
        let (born, store) = if v6 {
            ("[::1]:5555", "[fe80::1]:10911")
        } else {
            ("10.0.0.1:5555", "10.0.0.2:10911")
        };
        AppendMessage {
            topic: "TopicTest",
            queue_id: 1,
            flag: 0,
            body,
            properties: props,
            sys_flag: 0,
            born_timestamp: 1_700_000_000_000,
            born_host: born.parse().unwrap(),
            store_host: store.parse().unwrap(),
            reconsume_times: 0,
            prepared_transaction_offset: 0,
        }
    }

    pub fn messages() {
        let props = "TAGS\u{1}TagA\u{2}KEYS\u{1}k1 k2\u{2}UNIQ_KEY\u{1}0A000001000018B4AAC2\u{2}";
        let v4 = record(&msg(b"hello", props, false), 0, 0);
        let v6 = record(&msg(b"world", "TAGS\u{1}B\u{2}", true), 1, v4.len() as i64);
        put("message_record", "v4", &v4);
        put("message_record", "v6", &v6);
        put("message_record", "pull-body", &[v4.clone(), v6].concat());
        let mut b = BytesMut::new();
        batch::encode_entry(&mut b, 0, b"one", "KEYS\u{1}a\u{2}");
        batch::encode_entry(&mut b, 3, b"", "");
        put("batch_body", "two", &b);
    }

    pub fn register_broker() {
        let mut body = RegisterBrokerBody::default();
        body.filter_server_list.push("10.0.0.3:40000".into());
        let w = &mut body.topic_config_serialize_wrapper;
        w.data_version = DataVersion {
            counter: 7,
            state_version: None,
            timestamp: 1_700_000_000_000,
        };
        for tc in [
            TopicConfig::with_queues("TBW102", 8, 8, 7),
            TopicConfig::with_queues("TopicTest", 4, 4, 6),
        ] {
            w.topic_config_table.insert(tc.topic_name.clone(), tc);
        }
        put(
            "register_broker_plain",
            "two-topics",
            &body.encode_body(false),
        );
        put(
            "register_broker_compressed",
            "two-topics",
            &body.encode_body(true),
        );
    }

    /// A real store of a few messages, packed as the store_recovery target reads it, after a
    /// clean shutdown and as after a crash (abort file, index on, CRCs checked).
    pub fn store() {
        let dir = std::env::temp_dir().join(format!("mq-fuzz-seed-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut config = StoreConfig::new(&dir);
        config.mapped_file_size_commit_log = 4096;
        config.mapped_file_size_consume_queue = 320;
        config.max_hash_slot_num = 16;
        config.max_index_num = 32;
        config.flush_disk_type = FlushDiskType::AsyncFlush;
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let store = MessageStore::open(config).unwrap();
        for i in 0..4 {
            let props = format!("KEYS\u{1}k\u{2}TAGS\u{1}T{i}\u{2}");
            let body = format!("body-{i}");
            let mut m = msg(body.as_bytes(), &props, false);
            m.topic = "FuzzTopic";
            m.queue_id = 0;
            rt.block_on(store.put_message(&m)).unwrap();
        }
        drop(store);
        let read = |p: PathBuf| {
            let mut b = std::fs::read(p).unwrap_or_default();
            while b.last() == Some(&0) {
                b.pop();
            }
            b
        };
        let index_dir = dir.join("index");
        let index = std::fs::read_dir(&index_dir)
            .ok()
            .and_then(|mut d| d.next())
            .map(|e| read(e.unwrap().path()))
            .unwrap_or_default();
        let sections = [
            read(dir.join("commitlog/00000000000000000000")),
            Vec::new(),
            read(dir.join("consumequeue/FuzzTopic/0/00000000000000000000")),
            index,
            read(dir.join("checkpoint")),
        ];
        for (name, flags) in [("clean", 0u8), ("crashed-indexed", 1 | 4 | 8)] {
            let mut input = vec![flags];
            for s in &sections {
                input.extend_from_slice(&(s.len() as u16).to_be_bytes());
                input.extend_from_slice(s);
            }
            put("store_recovery", name, &input);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    pub fn sql92() {
        for (name, sql) in [
            (
                "and-or",
                "a > 1 AND (region IN ('eu', 'us') OR NOT flag) AND a < 5",
            ),
            ("null-between", "TAGS IS NOT NULL AND n BETWEEN -3 AND 3.5"),
            (
                "strings",
                "s = 'it''s' OR s <> 'x' OR b = TRUE OR c IS NULL",
            ),
        ] {
            put("sql92", name, sql.as_bytes());
        }
    }

    pub fn ha() {
        let mut s = vec![5u8];
        s.extend_from_slice(&mq::store::ha::wire::transfer_header(0, 3));
        s.extend_from_slice(b"abc");
        s.extend_from_slice(&mq::store::ha::wire::transfer_header(3, 0));
        s.extend_from_slice(&mq::store::ha::wire::report(3));
        put("ha_frames", "transfers", &s);
    }
}
