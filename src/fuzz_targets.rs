//! The bodies of the fuzz targets (fuzz/fuzz_targets/*.rs) and of their corpus replay
//! (tests/fuzz_replay.rs): one function per decoder that reads bytes from outside, so the
//! fuzzer and plain `cargo test` run exactly the same checks.
//!
//! Each function takes arbitrary bytes and must return normally: a decoder may refuse the
//! input, but never panic, hang or allocate without bound. Where a decoder returns a value
//! and the format allows it, the value is encoded again and must decode to itself. Not part
//! of the library's API: nothing else depends on it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::{Bytes, BytesMut};

use crate::filter;
use crate::protocol::header::{
    PullMessageRequestHeader, RegisterBrokerRequestHeader, SendMessageRequestHeader,
    SendMessageRequestHeaderV2,
};
use crate::protocol::message::{self, MESSAGE_MAGIC_CODE, batch};
use crate::protocol::register_broker::RegisterBrokerBody;
use crate::remoting::codec::{DEFAULT_MAX_FRAME, decode_frame, decode_frame_body, encode_frame};
use crate::remoting::header::CommandHeader;
use crate::remoting::{RemotingCommand, SerializeType};
use crate::store::config::StorePaths;
use crate::store::ha::wire::{ReportDecoder, TransferDecoder};
use crate::store::message::AppendMessage;
use crate::store::{MessageStore, StoreConfig};

/// A target: takes any bytes, and panics only on a bug.
pub type Target = fn(&[u8]);

/// Every target, by the name its fuzz binary and corpus folder have.
pub const TARGETS: &[(&str, Target)] = &[
    ("frame", frame),
    ("json_header", json_header),
    ("binary_header", binary_header),
    ("message_record", message_record),
    ("batch_body", batch_body),
    ("register_broker_plain", register_broker_plain),
    ("register_broker_compressed", register_broker_compressed),
    ("store_recovery", store_recovery),
    ("sql92", sql92),
    ("ha_frames", ha_frames),
];

/// A connection's byte stream: frames are cut off the front as a server's codec does, and
/// each decoded command survives re-encoding. The bytes are also taken as one frame without
/// its length prefix.
pub fn frame(data: &[u8]) {
    let mut buf = BytesMut::from(data);
    loop {
        let before = buf.len();
        match decode_frame(&mut buf, DEFAULT_MAX_FRAME) {
            Ok(Some(cmd)) => {
                assert!(buf.len() < before, "a decoded frame consumes bytes");
                assert_command_round_trips(&cmd);
            }
            Ok(None) => {
                assert_eq!(buf.len(), before, "an incomplete frame is left in place");
                break;
            }
            Err(_) => break,
        }
    }
    if let Ok(cmd) = decode_frame_body(Bytes::copy_from_slice(data)) {
        assert_command_round_trips(&cmd);
    }
}

/// The bytes as a JSON (RemotingSerializable) header, with the typed request headers read
/// from its extFields.
pub fn json_header(data: &[u8]) {
    header(SerializeType::Json, data)
}

/// The bytes as a binary (ROCKETMQ) header, with the typed request headers read from its
/// extFields.
pub fn binary_header(data: &[u8]) {
    header(SerializeType::RocketMq, data)
}

fn header(serialize_type: SerializeType, data: &[u8]) {
    if data.len() > 0x00FF_FFFF {
        return;
    }
    let mut frame = Vec::with_capacity(4 + data.len());
    let word = ((serialize_type.code() as u32) << 24) | data.len() as u32;
    frame.extend_from_slice(&word.to_be_bytes());
    frame.extend_from_slice(data);
    let Ok(cmd) = decode_frame_body(Bytes::from(frame)) else {
        return;
    };
    assert_eq!(cmd.serialize_type, serialize_type);
    assert!(cmd.body.is_empty(), "the whole input is header");
    assert_command_round_trips(&cmd);
    assert_header_round_trips::<SendMessageRequestHeader>(&cmd);
    assert_header_round_trips::<SendMessageRequestHeaderV2>(&cmd);
    assert_header_round_trips::<PullMessageRequestHeader>(&cmd);
    assert_header_round_trips::<RegisterBrokerRequestHeader>(&cmd);
}

/// Encodes `cmd` in its own serialization and checks it decodes to itself.
fn assert_command_round_trips(cmd: &RemotingCommand) {
    let mut buf = BytesMut::new();
    encode_frame(cmd, &mut buf);
    let again = decode_frame(&mut buf, usize::MAX)
        .expect("a re-encoded command decodes")
        .expect("a re-encoded command is one whole frame");
    assert!(buf.is_empty(), "a re-encoded command is exactly one frame");
    assert_eq!(&again, cmd, "re-encoding changes the command");
}

fn assert_header_round_trips<H: CommandHeader + PartialEq + std::fmt::Debug>(
    cmd: &RemotingCommand,
) {
    let Ok(h) = cmd.decode_header::<H>() else {
        return;
    };
    let mut ext = crate::remoting::ExtFields::new();
    h.write_ext(&mut ext);
    let again = H::from_ext(&ext).expect("a written header reads back");
    assert_eq!(again, h, "re-writing changes the header");
}

/// The bytes as one commit log record (pull bodies, the store's reads, recovery's checks), and
/// as a pull response body of records back to back, as the client and admin tools split it.
pub fn message_record(data: &[u8]) {
    if let Ok(m) = message::decode_message(data) {
        let r = message::decode_record_ref(data).expect("decode_message accepted it");
        assert_eq!(m.body, r.body);
        if r.magic == MESSAGE_MAGIC_CODE {
            let again = reencode_record(&r);
            let m2 = message::decode_message(&again).expect("a re-encoded record decodes");
            let crc = crate::store::message::body_crc(r.body);
            assert_eq!(
                m2,
                message::DecodedMessage {
                    body_crc: crc,
                    ..m.clone()
                },
                "re-encoding changes the record"
            );
        }
    }
    let _ = crate::store::message::check_and_decode(data, 0, true);
    let _ = crate::store::message::frame(data);
    let _ = crate::store::message::index_fields(data);
    let _ = crate::client::admin::broker::decode_records(data);
    let _ = crate::client::message::decode_messages(&Bytes::copy_from_slice(data), "fuzz");
}

fn reencode_record(r: &message::RecordRef<'_>) -> Vec<u8> {
    let m = AppendMessage {
        topic: r.topic,
        queue_id: r.queue_id,
        flag: r.flag,
        body: r.body,
        properties: r.properties,
        sys_flag: r.sys_flag,
        born_timestamp: r.born_timestamp,
        born_host: r.born_host,
        store_host: r.store_host,
        reconsume_times: r.reconsume_times,
        prepared_transaction_offset: r.prepared_transaction_offset,
    };
    let mut buf = vec![0u8; m.record_len()];
    m.encode_into(
        &mut buf,
        r.queue_offset,
        r.physical_offset,
        r.store_timestamp,
    );
    buf
}

/// The bytes as a SEND_BATCH_MESSAGE body; a batch that splits is encoded again and must split
/// the same way.
pub fn batch_body(data: &[u8]) {
    let Some(entries) = batch::decode(data) else {
        return;
    };
    let mut again = BytesMut::new();
    for e in &entries {
        batch::encode_entry(&mut again, e.flag, e.body, e.properties);
    }
    // Magic and body CRC of each entry are not read (the broker computes its own), and are
    // written as zero: the same length, and the same messages.
    assert_eq!(
        again.len(),
        data.len(),
        "a batch body re-encodes to its length"
    );
    assert_eq!(batch::decode(&again), Some(entries));
}

/// The bytes as a plain (JSON) REGISTER_BROKER body.
pub fn register_broker_plain(data: &[u8]) {
    let Ok(body) = RegisterBrokerBody::decode_body(data, false) else {
        return;
    };
    let again = RegisterBrokerBody::decode_body(&body.encode_body(false), false)
        .expect("a re-encoded register body decodes");
    assert_eq!(again, body, "re-encoding changes the register body");
}

/// The bytes as a compressed REGISTER_BROKER body (`compressed=true`).
pub fn register_broker_compressed(data: &[u8]) {
    let Ok(body) = RegisterBrokerBody::decode_body(data, true) else {
        return;
    };
    let again = RegisterBrokerBody::decode_body(&body.encode_body(true), true)
        .expect("a re-encoded register body decodes");
    // The compressed form carries 4.x topic entries: 5.x attributes are not written.
    let mut expected = body;
    for tc in expected
        .topic_config_serialize_wrapper
        .topic_config_table
        .values_mut()
    {
        tc.attributes.clear();
    }
    assert_eq!(again, expected, "re-encoding changes the register body");
}

/// Sizes of the store the recovery target lays out: small, so an input can fill a file.
const FUZZ_COMMIT_LOG_FILE: usize = 4096;
const FUZZ_CQ_FILE: usize = 20 * 16;
const FUZZ_HASH_SLOTS: u32 = 16;
const FUZZ_INDEX_NUM: u32 = 32;
/// The topic and queue whose consume queue the input fills.
const FUZZ_TOPIC: &str = "FuzzTopic";

/// The bytes as a store directory to recover: commit log, consume queue, index and checkpoint
/// files. Recovery must refuse or repair whatever it finds, the recovered store must serve
/// without panicking, and a second open after a clean shutdown must find the same commit log.
///
/// Layout of the input: one flags byte (bit 0: the abort file is there, as after a crash;
/// bit 1: files keep the length the input gives instead of their configured size; bit 2:
/// message index on; bit 3: check body CRCs), then five sections, each a big-endian u16 length
/// and that many bytes (cut short at the end of the input): two commit log files, the consume
/// queue file of FuzzTopic queue 0, one index file and the checkpoint.
pub fn store_recovery(data: &[u8]) {
    let Some((&flags, mut rest)) = data.split_first() else {
        return;
    };
    let mut sections = [&[][..]; 5];
    for s in &mut sections {
        if rest.len() < 2 {
            break;
        }
        let n = (u16::from_be_bytes([rest[0], rest[1]]) as usize).min(rest.len() - 2);
        *s = &rest[2..2 + n];
        rest = &rest[2 + n..];
    }
    let dir = TempStoreDir::new();
    let root = dir.0.clone();
    let exact = flags & 2 != 0;
    let write = |path: PathBuf, bytes: &[u8], size: usize| {
        std::fs::create_dir_all(path.parent().expect("a file in a dir")).expect("create dir");
        let mut content = bytes.to_vec();
        if !exact {
            content.resize(size, 0);
        }
        std::fs::write(&path, content).expect("write store file");
    };
    let cl = StorePaths::commit_log(&root);
    write(
        cl.join(format!("{:020}", 0)),
        sections[0],
        FUZZ_COMMIT_LOG_FILE,
    );
    if !sections[1].is_empty() {
        write(
            cl.join(format!("{:020}", FUZZ_COMMIT_LOG_FILE)),
            sections[1],
            FUZZ_COMMIT_LOG_FILE,
        );
    }
    if !sections[2].is_empty() {
        let cq = StorePaths::consume_queue(&root)
            .join(FUZZ_TOPIC)
            .join("0")
            .join(format!("{:020}", 0));
        write(cq, sections[2], FUZZ_CQ_FILE);
    }
    if !sections[3].is_empty() {
        let size = 40 + 4 * FUZZ_HASH_SLOTS as usize + 20 * FUZZ_INDEX_NUM as usize;
        let index = StorePaths::index(&root).join("20231114221320123");
        write(index, sections[3], size);
    }
    if !sections[4].is_empty() {
        write(
            StorePaths::checkpoint(&root),
            sections[4],
            crate::store::checkpoint::CHECKPOINT_FILE_SIZE,
        );
    }
    if flags & 1 != 0 {
        std::fs::write(StorePaths::abort(&root), b"").expect("write abort file");
    }
    let mut config = StoreConfig::new(&root);
    config.mapped_file_size_commit_log = FUZZ_COMMIT_LOG_FILE;
    config.mapped_file_size_consume_queue = FUZZ_CQ_FILE;
    config.max_hash_slot_num = FUZZ_HASH_SLOTS;
    config.max_index_num = FUZZ_INDEX_NUM;
    config.message_index_enable = flags & 4 != 0;
    config.check_crc_on_recover = flags & 8 != 0;
    // Housekeeping judges the disk this runs on, not the input: keep it out of the way.
    config.disk_max_used_space_ratio = 95;
    config.disk_space_clean_forcibly_ratio = 99;
    config.disk_space_warning_level_ratio = 99;
    let Ok(store) = MessageStore::open(config.clone()) else {
        return;
    };
    let max_phy = store.max_phy_offset();
    let queues = read_everything(&store);
    if store.shutdown().is_err() {
        return;
    }
    drop(store);
    let store = MessageStore::open(config).expect("a store that opened once opens again");
    assert_eq!(
        store.max_phy_offset(),
        max_phy,
        "recovering a recovered store moves its commit log end"
    );
    assert_eq!(
        queue_ends(&store),
        queues,
        "recovering a recovered store moves a consume queue's end"
    );
}

/// Reads every queue and commit log record the store serves; returns each queue's end.
fn read_everything(store: &MessageStore) -> Vec<(String, i32, i64)> {
    for (topic, queue_id) in store.queues() {
        let min = store.min_offset_in_queue(&topic, queue_id);
        let got = store.get_message(&topic, queue_id, min, 64, usize::MAX);
        for m in &got.messages {
            let _ = message::decode_message(m);
        }
        let _ = store.offset_in_queue_by_time(&topic, queue_id, 0);
        let _ = store.message_store_timestamp(&topic, queue_id, min);
    }
    let _ = store.look_message_by_offset(store.min_phy_offset());
    let _ = store.query_message(FUZZ_TOPIC, "k", 16, 0, i64::MAX);
    let _ = store.commit_log_data(store.min_phy_offset(), 1 << 20);
    queue_ends(store)
}

fn queue_ends(store: &MessageStore) -> Vec<(String, i32, i64)> {
    let mut out: Vec<_> = store
        .queues()
        .into_iter()
        .map(|(t, q)| {
            let end = store.max_offset_in_queue(&t, q);
            (t, q, end)
        })
        .collect();
    out.sort();
    out
}

/// A fresh directory for one store, removed when dropped. On tmpfs when there is one: the
/// target writes and syncs a whole store per input.
struct TempStoreDir(PathBuf);

impl TempStoreDir {
    fn new() -> TempStoreDir {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!(
            "mq-fuzz-store-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp store dir");
        TempStoreDir(dir)
    }
}

impl Drop for TempStoreDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The bytes as a SQL92 selector (a subscription's expression): it compiles or is refused, a
/// compiled one evaluates against properties of every type, and its source compiles again to
/// the same property names.
pub fn sql92(data: &[u8]) {
    let Ok(sql) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(expr) = filter::compile(sql) else {
        return;
    };
    assert_eq!(expr.source(), sql);
    const VALUES: [&str; 8] = [
        "1",
        "-9223372036854775808",
        "2.5e308",
        "TagA",
        "",
        "true",
        "NaN",
        "9223372036854775808",
    ];
    for shift in 0..VALUES.len() {
        let lookup = |name: &str| {
            let i = (name.len() + shift) % (VALUES.len() + 1);
            VALUES.get(i).copied()
        };
        let _ = expr.matches(&lookup);
    }
    let again = filter::compile(expr.source()).expect("a compiled source compiles again");
    assert_eq!(again.property_names(), expr.property_names());
}

/// The bytes as both directions of an HA connection, read in pieces of every size the first
/// byte picks: the master's transfer stream as a slave cuts it, and the slave's offset reports
/// as a master reads them. Transfers re-encode to the bytes they came from.
pub fn ha_frames(data: &[u8]) {
    let Some((&chunk, stream)) = data.split_first() else {
        return;
    };
    let chunk = (chunk as usize).max(1);
    let mut transfers = TransferDecoder::default();
    let mut consumed = Vec::new();
    'read: for piece in stream.chunks(chunk) {
        transfers.buffer().extend_from_slice(piece);
        loop {
            match transfers.next_transfer() {
                Ok(Some(t)) => {
                    consumed.extend_from_slice(&crate::store::ha::wire::transfer_header(
                        t.offset,
                        t.data.len(),
                    ));
                    consumed.extend_from_slice(&t.data);
                }
                Ok(None) => break,
                Err(_) => break 'read,
            }
        }
    }
    assert!(
        stream.starts_with(&consumed),
        "transfers re-encode to the bytes they came from"
    );
    let mut reports = ReportDecoder::default();
    let mut last = None;
    for piece in stream.chunks(chunk) {
        reports.buffer().extend_from_slice(piece);
        if let Some(offset) = reports.latest() {
            last = Some(offset);
        }
    }
    let whole = stream.len() / 8 * 8;
    let expected = (whole > 0)
        .then(|| i64::from_be_bytes(stream[whole - 8..whole].try_into().expect("8 bytes")));
    assert_eq!(last, expected, "the newest whole report counts");
}
