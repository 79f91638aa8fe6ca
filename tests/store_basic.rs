//! End-to-end behaviour of the store façade: append, read back, roll-over, reopen, lookups.

mod store_common;

use mq::store::message::{decode_message, sysflag};
use mq::store::{FlushDiskType, GetMessageStatus, MessageStore, PutStatus};
use store_common::{Msg, rt, tiny_config};

#[test]
fn append_read_reopen_in_both_flush_modes() {
    for mode in [FlushDiskType::AsyncFlush, FlushDiskType::SyncFlush] {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let msgs: Vec<Msg> = (0..200)
            .map(|i| {
                Msg::new(
                    "TopicA",
                    i % 3,
                    vec![b'x'; 50 + (i as usize * 7) % 300],
                    if i % 2 == 0 { "TagA" } else { "TagB" },
                    &format!("key{i} common"),
                    &format!("UNIQ{i:08}"),
                )
            })
            .collect();
        let mut results = Vec::new();
        {
            let store = MessageStore::open(tiny_config(dir.path(), mode)).unwrap();
            for m in &msgs {
                let r = rt.block_on(store.put_message(&m.append())).unwrap();
                assert_eq!(r.status, PutStatus::PutOk);
                results.push(r);
            }
            assert!(
                store.max_phy_offset() > 4096 * 5,
                "rolled over several files"
            );
        }
        let store = MessageStore::open(tiny_config(dir.path(), mode)).unwrap();
        assert!(!store.recovery_report().abnormal);
        for q in 0..3 {
            let expected: Vec<_> = msgs
                .iter()
                .zip(&results)
                .filter(|(m, _)| m.queue_id == q)
                .collect();
            assert_eq!(
                store.max_offset_in_queue("TopicA", q),
                expected.len() as i64
            );
            let got = store.get_message("TopicA", q, 0, 1000, usize::MAX);
            assert_eq!(got.status, GetMessageStatus::Found);
            assert_eq!(got.messages.len(), expected.len());
            for (i, (b, (m, r))) in got.messages.iter().zip(&expected).enumerate() {
                let d = decode_message(b).unwrap();
                assert_eq!(d.body, m.body);
                assert_eq!(d.queue_offset, i as i64);
                assert_eq!(r.queue_offset, i as i64);
                assert_eq!(d.commit_log_offset, r.physical_offset);
                assert_eq!(d.msg_id, r.msg_id());
                assert_eq!(
                    store.get_message_by_msg_id(&r.msg_id()).unwrap().unwrap(),
                    *b
                );
            }
            // Tag filter by hash code.
            let taga = mq::store::message::tags_code(Some("TagA"));
            let f = store.get_message_filtered("TopicA", q, 0, 1000, usize::MAX, &|c| c == taga);
            assert!(
                f.messages
                    .iter()
                    .all(|b| decode_message(b).unwrap().tags() == Some("TagA"))
            );
        }
        assert!(store.wait_index_caught_up(std::time::Duration::from_secs(10)));
        let one = store.query_message("TopicA", "key17", 10, 0, i64::MAX);
        assert_eq!(one.len(), 1);
        assert_eq!(decode_message(&one[0]).unwrap().body, msgs[17].body);
        assert_eq!(
            store
                .query_message("TopicA", "common", 1000, 0, i64::MAX)
                .len(),
            200
        );
        assert!(
            store
                .query_message_by_uniq_key("TopicA", "UNIQ00000042")
                .is_some()
        );
        assert!(
            store
                .query_message("TopicB", "key17", 10, 0, i64::MAX)
                .is_empty()
        );
    }
}

#[test]
fn read_limits_statuses_and_batches() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let store = MessageStore::open(tiny_config(dir.path(), FlushDiskType::AsyncFlush)).unwrap();
    assert_eq!(
        store.get_message("T", 0, 0, 1, 1).status,
        GetMessageStatus::NoMatchedLogicQueue
    );
    let msgs: Vec<Msg> = (0..10)
        .map(|i| Msg::new("T", 0, vec![i as u8; 100], "", "", ""))
        .collect();
    let appends: Vec<_> = msgs.iter().map(|m| m.append()).collect();
    let mut each = Vec::new();
    let r = rt
        .block_on(store.put_messages(&appends, Some(&mut each)))
        .unwrap();
    assert_eq!((r.queue_offset, r.msg_count), (0, 10));
    assert_eq!(
        each.iter().map(|a| a.queue_offset).collect::<Vec<_>>(),
        (0..10).collect::<Vec<_>>()
    );
    let g = store.get_message("T", 0, 2, 3, usize::MAX);
    assert_eq!((g.messages.len(), g.next_begin_offset), (3, 5));
    let g = store.get_message("T", 0, 0, 100, 250);
    assert_eq!(
        g.messages.len(),
        1,
        "byte limit stops after the first that overflows"
    );
    assert_eq!(
        store.get_message("T", 0, 10, 1, 1).status,
        GetMessageStatus::OffsetOverflowOne
    );
    assert_eq!(
        store.get_message("T", 0, 11, 1, 1).status,
        GetMessageStatus::OffsetOverflowBadly
    );
    // A prepared transaction message is stored but not queued.
    let mut prepared = msgs[0].append();
    prepared.sys_flag = sysflag::TRANSACTION_PREPARED_TYPE;
    let p = rt.block_on(store.put_message(&prepared)).unwrap();
    assert_eq!(p.queue_offset, 0);
    assert_eq!(store.max_offset_in_queue("T", 0), 10);
    assert!(store.look_message_by_offset(p.physical_offset).is_some());
    // Offset by time: everything was stored at or after t0.
    let t0 = store.message_store_timestamp("T", 0, 0).unwrap();
    assert_eq!(store.offset_in_queue_by_time("T", 0, t0), 0);
    assert_eq!(store.offset_in_queue_by_time("T", 0, i64::MAX), 10);
}

#[test]
fn ipv6_hosts_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let store = MessageStore::open(tiny_config(dir.path(), FlushDiskType::AsyncFlush)).unwrap();
    let m = Msg::new("V6", 0, b"six".to_vec(), "t", "", "");
    let mut a = m.append();
    a.born_host = "[2001:db8::1]:40000".parse().unwrap();
    a.store_host = "[2001:db8::2]:10911".parse().unwrap();
    let r = rt.block_on(store.put_message(&a)).unwrap();
    assert_eq!(r.msg_id().len(), 56);
    assert_eq!(r.wrote_bytes, 91 + 24 + 3 + 2 + m.props.len());
    let d = store.look_message_by_offset(r.physical_offset).unwrap();
    assert_eq!(d.born_host, a.born_host);
    assert_eq!(d.store_host, a.store_host);
    assert_eq!(
        d.sys_flag,
        sysflag::BORNHOST_V6_FLAG | sysflag::STOREHOSTADDRESS_V6_FLAG
    );
    assert_eq!(store.offset_in_queue_by_time("V6", 0, d.store_timestamp), 0);
    assert_eq!(
        store.message_store_timestamp("V6", 0, 0),
        Some(d.store_timestamp)
    );
    assert!(store.get_message_by_msg_id(&r.msg_id()).unwrap().is_some());
}

#[test]
fn store_and_append_future_are_shareable() {
    fn send_sync<T: Send + Sync>(_: &T) {}
    fn send<T: Send>(_: &T) {}
    let dir = tempfile::tempdir().unwrap();
    let store = MessageStore::open(tiny_config(dir.path(), FlushDiskType::SyncFlush)).unwrap();
    send_sync(&store);
    let m = Msg::new("S", 0, b"x".to_vec(), "", "", "");
    let a = m.append();
    let fut = store.put_message(&a);
    send(&fut);
    assert_eq!(rt().block_on(fut).unwrap().status, PutStatus::PutOk);
}

#[test]
fn queue_offsets_run_on_across_consume_queue_files_for_cached_and_uncached_queue_ids() {
    // Queue ids past the writer's cache (1024) take the uncached path; small consume queue
    // files make every queue roll over several times.
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let store = MessageStore::open(tiny_config(dir.path(), FlushDiskType::AsyncFlush)).unwrap();
    let queues = [0, 1023, 1024, 70_000];
    let per_queue = 3 * store.config().mapped_file_size_consume_queue / 20 + 7;
    for i in 0..per_queue * queues.len() {
        let q = queues[i % queues.len()];
        let m = Msg::new("TopicQ", q, vec![b'q'; 10], "T", "", &format!("U{i}"));
        let r = rt.block_on(store.put_message(&m.append())).unwrap();
        assert_eq!(r.queue_offset, (i / queues.len()) as i64, "queue {q}");
    }
    for q in queues {
        assert_eq!(store.max_offset_in_queue("TopicQ", q), per_queue as i64);
        let mut next = 0;
        while next < per_queue as i64 {
            let got = store.get_message("TopicQ", q, next, 32, usize::MAX);
            assert!(!got.messages.is_empty(), "queue {q} at {next}");
            for (j, b) in got.messages.iter().enumerate() {
                let d = decode_message(b).unwrap();
                assert_eq!((d.queue_id, d.queue_offset), (q, next + j as i64));
            }
            next = got.next_begin_offset;
        }
    }
}

#[test]
fn a_store_in_use_cannot_be_opened_again() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = tiny_config(dir.path(), FlushDiskType::AsyncFlush);
    let store = MessageStore::open(cfg.clone()).unwrap();
    let again = MessageStore::open(cfg.clone())
        .err()
        .expect("second open refused");
    assert!(again.to_string().contains("another broker"), "{again}");
    drop(store);
    MessageStore::open(cfg).expect("free once the first is closed");
}

#[test]
fn a_store_locked_the_way_a_java_broker_locks_it_is_refused() {
    use std::os::fd::AsRawFd;
    let dir = tempfile::tempdir().unwrap();
    let cfg = tiny_config(dir.path(), FlushDiskType::AsyncFlush);
    drop(MessageStore::open(cfg.clone()).unwrap());
    // FileChannel.tryLock(0, 1, false) on the JVM: a POSIX record lock on byte 0 of `lock`.
    let java = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(dir.path().join("lock"))
        .unwrap();
    let mut fl: libc::flock = unsafe { std::mem::zeroed() };
    fl.l_type = libc::F_WRLCK as _;
    fl.l_whence = libc::SEEK_SET as _;
    fl.l_len = 1;
    assert_eq!(
        unsafe { libc::fcntl(java.as_raw_fd(), libc::F_SETLK, &fl) },
        0
    );
    let refused = MessageStore::open(cfg.clone()).err().expect("refused");
    assert!(refused.to_string().contains("another broker"), "{refused}");
    drop(java);
    MessageStore::open(cfg).expect("free once the JVM's lock is gone");
}

#[test]
fn consume_queue_files_of_a_wide_topic_reserve_no_disk() {
    use std::os::unix::fs::MetadataExt;
    // BenchmarkTest's 1,024 queues with a message each: every queue gets a consume queue file
    // of RocketMQ's size, which must stay sparse (Java does not reserve them either; 6 MB
    // each would be 6 GB here).
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let mut cfg = tiny_config(dir.path(), FlushDiskType::AsyncFlush);
    cfg.mapped_file_size_commit_log = 1 << 20;
    cfg.mapped_file_size_consume_queue = 300_000 * 20;
    let store = MessageStore::open(cfg).unwrap();
    for q in 0..1024 {
        let m = Msg::new("Wide", q, vec![b'w'; 128], "T", "", &format!("U{q}"));
        let r = rt.block_on(store.put_message(&m.append())).unwrap();
        assert_eq!(r.queue_offset, 0);
    }
    // A batch's first message may open its queue too; it lands where a single append would.
    let batch: Vec<Msg> = (0..3)
        .map(|i| Msg::new("Wide", 2000, vec![b'b'; 16], "T", "", &format!("B{i}")))
        .collect();
    let appends: Vec<_> = batch.iter().map(Msg::append).collect();
    let r = rt.block_on(store.put_messages(&appends, None)).unwrap();
    assert_eq!((r.queue_offset, r.msg_count), (0, 3));
    assert_eq!(store.max_offset_in_queue("Wide", 2000), 3);

    let mut files = 0u64;
    let mut allocated = 0u64;
    for q in std::fs::read_dir(dir.path().join("consumequeue/Wide")).unwrap() {
        for f in std::fs::read_dir(q.unwrap().path()).unwrap() {
            let md = f.unwrap().metadata().unwrap();
            assert_eq!(md.len(), 6_000_000, "RocketMQ's consume queue file size");
            files += 1;
            allocated += md.blocks() * 512;
        }
    }
    assert_eq!(files, 1025);
    assert!(
        allocated <= files * 64 * 1024,
        "{allocated} bytes allocated for {files} consume queue files"
    );
    for q in [0, 511, 1023] {
        let got = store.get_message("Wide", q, 0, 32, usize::MAX);
        assert_eq!(got.messages.len(), 1, "queue {q}");
    }
}
