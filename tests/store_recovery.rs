//! Recovery: torn and corrupted commit log tails are cut off and never served; consume queues
//! and index are rebuilt from the commit log alone.

mod store_common;

use mq::store::message::decode_message;
use mq::store::{FlushDiskType, GetMessageStatus, MessageStore, PutResult};
use std::fs::OpenOptions;
use std::os::unix::fs::FileExt;
use std::path::Path;
use store_common::{Msg, rt, tiny_config};

fn msgs(n: usize) -> Vec<Msg> {
    (0..n)
        .map(|i| {
            Msg::new(
                "TopicR",
                (i % 2) as i32,
                format!("body-{i}-{}", "z".repeat(i * 13 % 200)).into_bytes(),
                "T",
                &format!("k{i}"),
                &format!("U{i}"),
            )
        })
        .collect()
}

fn write_all(dir: &Path, msgs: &[Msg]) -> Vec<PutResult> {
    let rt = rt();
    let store = MessageStore::open(tiny_config(dir, FlushDiskType::AsyncFlush)).unwrap();
    let r = msgs
        .iter()
        .map(|m| rt.block_on(store.put_message(&m.append())).unwrap())
        .collect();
    drop(store);
    r
}

/// Path and in-file position of a physical offset.
fn locate(dir: &Path, phys: i64) -> (std::path::PathBuf, u64) {
    let from = phys - phys % 4096;
    (
        dir.join("commitlog").join(format!("{from:020}")),
        (phys - from) as u64,
    )
}

fn check_kept_before(store: &MessageStore, msgs: &[Msg], results: &[PutResult], cut: usize) {
    for (i, (m, r)) in msgs.iter().zip(results).enumerate() {
        let got = store.get_message_by_offset(r.physical_offset);
        if i < cut {
            let d = decode_message(&got.expect("kept")).unwrap();
            assert_eq!(d.body, m.body);
            let g = store.get_message("TopicR", m.queue_id, r.queue_offset, 1, usize::MAX);
            assert_eq!(g.status, GetMessageStatus::Found, "message {i}");
            assert_eq!(decode_message(&g.messages[0]).unwrap().body, m.body);
        } else {
            assert!(got.is_none(), "message {i} past the cut must not be served");
            assert!(
                store
                    .query_message("TopicR", &format!("k{i}"), 10, 0, i64::MAX)
                    .is_empty()
            );
        }
    }
    let kept = |q: i32| msgs[..cut].iter().filter(|m| m.queue_id == q).count() as i64;
    assert_eq!(store.max_offset_in_queue("TopicR", 0), kept(0));
    assert_eq!(store.max_offset_in_queue("TopicR", 1), kept(1));
}

fn damage_and_recover(abnormal: bool, damage: impl Fn(&std::fs::File, u64, usize)) {
    let dir = tempfile::tempdir().unwrap();
    let msgs = msgs(60);
    let results = write_all(dir.path(), &msgs);
    let cut = 55;
    let r = &results[cut];
    let (path, pos) = locate(dir.path(), r.physical_offset);
    let f = OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
        .unwrap();
    damage(&f, pos, r.wrote_bytes);
    drop(f);
    if abnormal {
        std::fs::write(dir.path().join("abort"), b"").unwrap();
    }
    let store = MessageStore::open(tiny_config(dir.path(), FlushDiskType::AsyncFlush)).unwrap();
    assert_eq!(store.recovery_report().abnormal, abnormal);
    assert_eq!(store.max_phy_offset(), r.physical_offset);
    check_kept_before(&store, &msgs, &results, cut);
    // Appends continue from the cut, with the queue offsets that were cut.
    let rt = rt();
    let again = rt.block_on(store.put_message(&msgs[cut].append())).unwrap();
    assert_eq!(again.queue_offset, r.queue_offset);
    assert_eq!(again.physical_offset, r.physical_offset);
}

#[test]
fn flipped_body_byte_cuts_the_log_there() {
    for abnormal in [true, false] {
        damage_and_recover(abnormal, |f, pos, size| {
            let _ = size;
            let at = pos + 90; // the body starts 88 bytes into an IPv4 record
            let mut b = [0u8; 1];
            f.read_at(&mut b, at).unwrap();
            f.write_all_at(&[b[0] ^ 0x55], at).unwrap();
        });
    }
}

#[test]
fn torn_record_cuts_the_log_there() {
    for abnormal in [true, false] {
        damage_and_recover(abnormal, |f, pos, size| {
            // The last part of the record and everything after never reached the disk.
            let keep = size as u64 / 2;
            let zeros = vec![0u8; 4096 - (pos + keep) as usize];
            f.write_all_at(&zeros, pos + keep).unwrap();
        });
    }
}

#[test]
fn bad_magic_and_bad_size_cut_the_log_there() {
    damage_and_recover(true, |f, pos, _| {
        f.write_all_at(&[0xFF, 0, 0, 0x10], pos + 4).unwrap()
    });
    damage_and_recover(true, |f, pos, _| {
        f.write_all_at(&[0x7F, 0, 0, 0], pos).unwrap()
    });
}

#[test]
fn commit_log_file_cut_short_is_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let msgs = msgs(60);
    let results = write_all(dir.path(), &msgs);
    let cut = 55;
    let (path, pos) = locate(dir.path(), results[cut].physical_offset);
    let f = OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(pos + 10).unwrap();
    drop(f);
    std::fs::write(dir.path().join("abort"), b"").unwrap();
    let store = MessageStore::open(tiny_config(dir.path(), FlushDiskType::AsyncFlush)).unwrap();
    check_kept_before(&store, &msgs, &results, cut);
}

#[test]
fn consume_queues_and_index_rebuilt_from_commit_log() {
    let dir = tempfile::tempdir().unwrap();
    let msgs = msgs(80);
    let results = write_all(dir.path(), &msgs);
    std::fs::remove_dir_all(dir.path().join("consumequeue")).unwrap();
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    std::fs::remove_file(dir.path().join("checkpoint")).unwrap();
    let store = MessageStore::open(tiny_config(dir.path(), FlushDiskType::AsyncFlush)).unwrap();
    assert_eq!(store.recovery_report().redispatched_records, 80);
    check_kept_before(&store, &msgs, &results, 80);
    for (i, m) in msgs.iter().enumerate() {
        let hits = store.query_message("TopicR", &format!("k{i}"), 10, 0, i64::MAX);
        assert_eq!(hits.len(), 1, "key k{i}");
        assert_eq!(decode_message(&hits[0]).unwrap().body, m.body);
        assert!(
            store
                .query_message_by_uniq_key("TopicR", &format!("U{i}"))
                .is_some()
        );
    }
    // And a second start does not duplicate anything.
    drop(store);
    let store = MessageStore::open(tiny_config(dir.path(), FlushDiskType::AsyncFlush)).unwrap();
    assert_eq!(store.recovery_report().redispatched_records, 0);
    assert_eq!(
        store.query_message("TopicR", "k3", 10, 0, i64::MAX).len(),
        1
    );
    check_kept_before(&store, &msgs, &results, 80);
}
