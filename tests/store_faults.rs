//! Injected I/O failures (the store's fault seam, `StoreHooks::faults`): after a failed sync
//! the store refuses appends and acknowledgements but still serves reads, and after a restart
//! recovery keeps every acknowledged message; a write torn at any byte of a record is cut off
//! by recovery; an mmap failure at a commit log roll-over loses nothing.

mod store_common;

use mq::store::message::decode_message;
use mq::store::{
    FaultInjector, FaultPoint, FlushDiskType, GetMessageStatus, MessageStore, PutStatus,
    StoreConfig, StoreError, StoreHooks,
};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use store_common::{Msg, rt, tiny_config};

fn open_faulty(cfg: StoreConfig) -> (MessageStore, Arc<FaultInjector>) {
    let faults = Arc::new(FaultInjector::new());
    let hooks = StoreHooks {
        faults: Some(faults.clone()),
        ..StoreHooks::default()
    };
    (MessageStore::open_with(cfg, hooks).unwrap(), faults)
}

fn msg(i: usize) -> Msg {
    Msg::new(
        "TopicF",
        (i % 2) as i32,
        format!("body-{i}-{}", "f".repeat(i * 7 % 90)).into_bytes(),
        "TagF",
        &format!("key{i}"),
        "",
    )
}

/// A message acknowledged PutOk, with where it went.
struct Acked {
    msg: Msg,
    phys: i64,
    queue_offset: i64,
}

fn assert_not_writable<T: std::fmt::Debug>(r: Result<T, StoreError>, what: &str) {
    match r {
        Err(StoreError::NotWritable { .. }) => {}
        other => panic!("{what}: expected NotWritable, got {other:?}"),
    }
}

/// Every acknowledged message can be read back by offset and through its queue.
fn check_readable(store: &MessageStore, acked: &[Acked]) {
    for a in acked {
        let b = store
            .get_message_by_offset(a.phys)
            .unwrap_or_else(|| panic!("acknowledged message at {} lost", a.phys));
        assert_eq!(decode_message(&b).unwrap().body, a.msg.body);
        let g = store.get_message("TopicF", a.msg.queue_id, a.queue_offset, 1, usize::MAX);
        assert_eq!(g.status, GetMessageStatus::Found);
        assert_eq!(decode_message(&g.messages[0]).unwrap().body, a.msg.body);
    }
}

fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn failed_commit_log_sync_refuses_appends_and_acknowledgements_until_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = tiny_config(dir.path(), FlushDiskType::SyncFlush);
    // Long enough that a waiter which is not woken by the failure would visibly time out
    // instead (FLUSH_DISK_TIMEOUT), and consume queues are not synced meanwhile, so the
    // countdown counts commit log syncs only.
    cfg.sync_flush_timeout = 60_000;
    cfg.flush_interval_consume_queue = 3_600_000;
    let (store, faults) = open_faulty(cfg.clone());
    let rt = rt();
    let mut acked = Vec::new();
    let put = |store: &MessageStore, i: usize| {
        let m = msg(i);
        let before = store.max_phy_offset();
        let r = rt.block_on(store.put_message(&m.append()));
        (m, before, r)
    };
    for i in 0..10 {
        let (m, _, r) = put(&store, i);
        let r = r.unwrap();
        assert_eq!(r.status, PutStatus::PutOk);
        acked.push(Acked {
            msg: m,
            phys: r.physical_offset,
            queue_offset: r.queue_offset,
        });
    }

    // The 3rd sync from now fails. Appends one at a time: each waits for a sync of its own.
    let syncs_before = faults.calls(FaultPoint::Sync);
    faults.fail_nth(FaultPoint::Sync, 3);
    let mut i = 10;
    let (failed_at, failed_phys) = loop {
        let (m, before, r) = put(&store, i);
        match r {
            Ok(r) => {
                assert_eq!(r.status, PutStatus::PutOk);
                acked.push(Acked {
                    msg: m,
                    phys: r.physical_offset,
                    queue_offset: r.queue_offset,
                });
            }
            Err(StoreError::NotWritable { op, path, cause }) => {
                assert_eq!(op, "fdatasync");
                assert!(path.starts_with(dir.path().join("commitlog")), "{path:?}");
                assert!(cause.contains("injected"), "{cause}");
                break (i, before);
            }
            Err(e) => panic!("append {i}: {e}"),
        }
        i += 1;
        assert!(i < 20, "the injected sync failure never came");
    };
    assert_eq!(failed_at, 12, "two syncs succeed, the third fails");
    // The append was written (it waited for the sync that failed), yet not acknowledged.
    assert!(store.max_phy_offset() > failed_phys);
    assert!(!store.is_writable());
    let why = store.write_failure().unwrap();
    assert!(
        why.contains("fdatasync") && why.contains("commitlog"),
        "{why}"
    );

    // Every further append is refused before anything is written.
    let end = store.max_phy_offset();
    let (_, _, r) = put(&store, 100);
    assert_not_writable(r, "single append after the failure");
    let batch = [msg(101), msg(103)];
    let batch: Vec<_> = batch.iter().map(Msg::append).collect();
    assert_not_writable(
        rt.block_on(store.put_messages(&batch, None)),
        "batch append after the failure",
    );
    assert_eq!(store.max_phy_offset(), end);
    assert_not_writable(store.flush(), "explicit flush after the failure");
    assert_eq!(
        faults.calls(FaultPoint::Sync) - syncs_before,
        3,
        "no sync after the failed one"
    );

    // Reads still work: by offset, by queue and by key.
    check_readable(&store, &acked);
    assert!(store.wait_index_caught_up(Duration::from_secs(10)));
    let hits = store.query_message("TopicF", "key3", 10, 0, i64::MAX);
    assert_eq!(decode_message(&hits[0]).unwrap().body, msg(3).body);

    // Closing does not pretend the store is clean.
    drop(store);
    assert!(dir.path().join("abort").exists());

    let store = MessageStore::open(cfg).unwrap();
    assert!(store.recovery_report().abnormal);
    assert!(store.is_writable());
    assert_eq!(store.write_failure(), None);
    check_readable(&store, &acked);
    let next = msg(200);
    let r = rt.block_on(store.put_message(&next.append())).unwrap();
    assert_eq!(r.status, PutStatus::PutOk);
    assert_eq!(
        store
            .get_message_by_offset(r.physical_offset)
            .map(|b| decode_message(&b).unwrap().body),
        Some(next.body)
    );
}

#[test]
fn concurrent_sync_flush_appends_are_acknowledged_only_if_synced() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = tiny_config(dir.path(), FlushDiskType::SyncFlush);
    cfg.sync_flush_timeout = 60_000;
    cfg.flush_interval_consume_queue = 3_600_000;
    let (store, faults) = open_faulty(cfg.clone());
    let store = Arc::new(store);
    faults.fail_nth(FaultPoint::Sync, 5);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap();
    let results = rt.block_on(async {
        let mut tasks = Vec::new();
        for w in 0..8usize {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                let mut out = Vec::new();
                for n in 0..200 {
                    let m = msg(w * 1000 + n);
                    let r = store.put_message(&m.append()).await;
                    let stop = r.is_err();
                    out.push((m, r));
                    if stop {
                        break;
                    }
                }
                out
            }));
        }
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.unwrap());
        }
        all
    });
    let mut acked = Vec::new();
    let mut refused = 0;
    for (m, r) in results {
        match r {
            Ok(r) => {
                assert_eq!(r.status, PutStatus::PutOk, "no timeout: waiters are woken");
                acked.push(Acked {
                    msg: m,
                    phys: r.physical_offset,
                    queue_offset: r.queue_offset,
                });
            }
            Err(e) => {
                assert!(matches!(e, StoreError::NotWritable { .. }), "{e}");
                refused += 1;
            }
        }
    }
    assert_eq!(refused, 8, "every writer stopped at the failure");
    assert!(!acked.is_empty());
    // Nothing acknowledged lies past what the last good sync covered.
    let flushed = store.flushed_phy_offset();
    for a in &acked {
        assert!(a.phys + a.msg.append().record_len() as i64 <= flushed);
    }
    check_readable(&store, &acked);
    drop(store);
    let store = MessageStore::open(cfg).unwrap();
    assert!(store.recovery_report().abnormal);
    check_readable(&store, &acked);
    assert!(store.is_writable());
}

#[test]
fn failed_msync_in_async_flush_mode_stops_appends() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = tiny_config(dir.path(), FlushDiskType::AsyncFlush);
    cfg.flush_interval_consume_queue = 3_600_000;
    let (store, faults) = open_faulty(cfg.clone());
    let rt = rt();
    faults.fail_nth(FaultPoint::Sync, 1);
    let m = msg(1);
    let r = rt.block_on(store.put_message(&m.append())).unwrap();
    // ASYNC_FLUSH acknowledges without waiting; the flusher's next sync fails.
    assert_eq!(r.status, PutStatus::PutOk);
    wait_until("the store is unwritable", || !store.is_writable());
    assert!(store.write_failure().unwrap().contains("msync"));
    assert_not_writable(
        rt.block_on(store.put_message(&msg(2).append())),
        "append after the failed msync",
    );
    let acked = [Acked {
        msg: m,
        phys: r.physical_offset,
        queue_offset: r.queue_offset,
    }];
    check_readable(&store, &acked);
    drop(store);
    let store = MessageStore::open(cfg).unwrap();
    assert!(store.recovery_report().abnormal);
    // A crash of the process (unlike one of the machine) keeps what it wrote.
    check_readable(&store, &acked);
    assert!(rt.block_on(store.put_message(&msg(3).append())).is_ok());
}

#[test]
fn failed_consume_queue_sync_stops_appends() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = tiny_config(dir.path(), FlushDiskType::AsyncFlush);
    // The commit log is not synced during the test, so the countdown counts consume queue
    // syncs only.
    cfg.flush_interval_commit_log = 3_600_000;
    let (store, faults) = open_faulty(cfg.clone());
    let rt = rt();
    faults.fail_nth(FaultPoint::Sync, 1);
    rt.block_on(store.put_message(&msg(1).append())).unwrap();
    wait_until("the store is unwritable", || !store.is_writable());
    let why = store.write_failure().unwrap();
    assert!(why.contains("consumequeue"), "{why}");
    assert_not_writable(
        rt.block_on(store.put_message(&msg(2).append())),
        "append after the failed consume queue sync",
    );
    drop(store);
    assert!(dir.path().join("abort").exists());
    let store = MessageStore::open(cfg).unwrap();
    assert!(store.recovery_report().abnormal);
    assert_eq!(store.max_offset_in_queue("TopicF", 1), 1);
}

/// The record bytes of `m` if stored at `phys` as the only message of its queue so far: what
/// a torn write of it leaves a prefix of.
fn record_len(m: &Msg) -> usize {
    m.append().record_len()
}

fn check_recovered_after_torn(dir: &Path, earlier: &[Acked], torn: &Msg, torn_phys: i64, k: usize) {
    let cfg = tiny_config(dir, FlushDiskType::SyncFlush);
    let store = MessageStore::open(cfg).unwrap_or_else(|e| panic!("k={k}: reopen: {e}"));
    assert!(store.recovery_report().abnormal, "k={k}");
    assert_eq!(
        store.max_phy_offset(),
        torn_phys,
        "k={k}: the torn record is dropped, nothing before it ({:?})",
        store.recovery_report()
    );
    check_readable(&store, earlier);
    assert!(store.get_message_by_offset(torn_phys).is_none(), "k={k}");
    let in_queue = earlier
        .iter()
        .filter(|a| a.msg.queue_id == torn.queue_id)
        .count() as i64;
    assert_eq!(
        store.max_offset_in_queue("TopicF", torn.queue_id),
        in_queue,
        "k={k}"
    );
    // The next append lands right after the last good record, with the queue offset the torn
    // one had.
    let r = rt().block_on(store.put_message(&torn.append())).unwrap();
    assert_eq!(r.status, PutStatus::PutOk);
    assert_eq!(
        (r.physical_offset, r.queue_offset),
        (torn_phys, in_queue),
        "k={k}"
    );
    assert_eq!(
        decode_message(&store.get_message_by_offset(torn_phys).unwrap())
            .unwrap()
            .body,
        torn.body
    );
}

/// A SYNC_FLUSH commit log writes appended records into its file with pwrite: make that write
/// stop after k bytes of a record, for every k, and fail. The append is not acknowledged, the
/// store closes without a clean shutdown, and recovery must keep everything before the torn
/// record and nothing of it.
#[test]
fn torn_commit_log_write_at_every_byte_is_cut_by_recovery() {
    let earlier: Vec<Msg> = (0..5).map(msg).collect();
    let torn = Msg::new(
        "TopicF",
        1,
        b"torn-body-0123456789".to_vec(),
        "TagT",
        "tornkey",
        "UNIQTORN",
    );
    let len = record_len(&torn);
    let rt = rt();
    for k in 0..len {
        let dir = tempfile::tempdir().unwrap();
        let cfg = tiny_config(dir.path(), FlushDiskType::SyncFlush);
        let (store, faults) = open_faulty(cfg);
        let acked: Vec<Acked> = earlier
            .iter()
            .map(|m| {
                let r = rt.block_on(store.put_message(&m.append())).unwrap();
                assert_eq!(r.status, PutStatus::PutOk);
                Acked {
                    msg: m.clone(),
                    phys: r.physical_offset,
                    queue_offset: r.queue_offset,
                }
            })
            .collect();
        let torn_phys = store.max_phy_offset();
        assert!(torn_phys as usize % 4096 + len + 8 <= 4096, "no roll-over");
        faults.tear_nth_write(1, k);
        assert_not_writable(
            rt.block_on(store.put_message(&torn.append())),
            &format!("append torn after {k} bytes"),
        );
        drop(store);
        // The file holds exactly the first k bytes of the record after the good ones.
        let file = std::fs::read(dir.path().join("commitlog").join(format!("{:020}", 0))).unwrap();
        let at = torn_phys as usize;
        assert!(file[at + k..at + len].iter().all(|&b| b == 0) || k == 0);
        check_recovered_after_torn(dir.path(), &acked, &torn, torn_phys, k);
    }
}

/// An mmap failure when the commit log rolls over to a new file: the append fails with the
/// I/O error (the store stays writable: nothing synced was lost), the next append goes to the
/// start of the new file, and a restart finds every message.
#[test]
fn mmap_failure_at_commit_log_roll_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = tiny_config(dir.path(), FlushDiskType::SyncFlush);
    // Consume queue files that do not roll over during the test, so the only mmap is the
    // commit log's.
    cfg.mapped_file_size_consume_queue = 20 * 1000;
    let (store, faults) = open_faulty(cfg.clone());
    let rt = rt();
    let mut acked = Vec::new();
    let put = |m: &Msg| rt.block_on(store.put_message(&m.append()));
    // Both queues exist (and have their file) before the failure is armed.
    for i in 0..2 {
        let m = msg(i);
        let r = put(&m).unwrap();
        acked.push(Acked {
            msg: m,
            phys: r.physical_offset,
            queue_offset: r.queue_offset,
        });
    }
    faults.fail_nth(FaultPoint::Mmap, 1);
    let mut i = 2;
    loop {
        let m = msg(i);
        match put(&m) {
            Ok(r) => {
                assert!(r.physical_offset < 4096, "still in the first file");
                acked.push(Acked {
                    msg: m,
                    phys: r.physical_offset,
                    queue_offset: r.queue_offset,
                });
            }
            Err(StoreError::Io { op, .. }) => {
                assert_eq!(op, "mmap");
                break;
            }
            Err(e) => panic!("append {i}: {e}"),
        }
        i += 1;
    }
    assert!(
        store.is_writable(),
        "a failed roll-over loses nothing synced"
    );
    assert_eq!(store.max_phy_offset(), 4096, "the first file is closed");
    // Retrying the same message now maps the new file.
    let m = msg(i);
    let r = put(&m).unwrap();
    assert_eq!((r.physical_offset, r.status), (4096, PutStatus::PutOk));
    acked.push(Acked {
        msg: m,
        phys: r.physical_offset,
        queue_offset: r.queue_offset,
    });
    check_readable(&store, &acked);
    drop(store);

    // The same failure, then a crash before any retry.
    let dir2 = tempfile::tempdir().unwrap();
    let mut cfg2 = cfg.clone();
    cfg2.store_path_root_dir = dir2.path().to_path_buf();
    let (store, faults) = open_faulty(cfg2.clone());
    let mut acked2 = Vec::new();
    let mut i = 0;
    loop {
        let m = msg(i);
        if i == 2 {
            faults.fail_nth(FaultPoint::Mmap, 1);
        }
        match rt.block_on(store.put_message(&m.append())) {
            Ok(r) => acked2.push(Acked {
                msg: m,
                phys: r.physical_offset,
                queue_offset: r.queue_offset,
            }),
            Err(StoreError::Io { op: "mmap", .. }) => break,
            Err(e) => panic!("append {i}: {e}"),
        }
        i += 1;
    }
    drop(store);
    std::fs::write(dir2.path().join("abort"), b"").unwrap();
    let store = MessageStore::open(cfg2).unwrap();
    assert!(store.recovery_report().abnormal);
    check_readable(&store, &acked2);
    assert_eq!(store.max_phy_offset(), 4096);
    let r = rt.block_on(store.put_message(&msg(i).append())).unwrap();
    assert_eq!(r.physical_offset, 4096);
    assert_eq!(
        r.queue_offset,
        acked2
            .iter()
            .filter(|a| a.msg.queue_id == msg(i).queue_id)
            .count() as i64
    );
}

/// A torn write of an append that rolls the commit log over: the BLANK closing the full file
/// torn at each of its bytes (the record in the new file never written), or the record at the
/// start of the new file torn. Recovery keeps every earlier record and the next append goes
/// to the start of the new file.
#[test]
fn torn_write_of_a_roll_over_is_cut_by_recovery() {
    let big = Msg::new("TopicF", 0, vec![b'x'; 1500], "TagB", "bigkey", "");
    let len = record_len(&big);
    let rt = rt();
    // (which write from now tears, bytes kept): the first write is the file being closed,
    // whose unwritten part is just the BLANK; the second the record in the new file.
    let cases = (0..=8)
        .map(|k| (1, k))
        .chain([0, 1, 4, 8, 89, len / 2, len - 1].map(|k| (2, k)));
    for (nth, k) in cases {
        let dir = tempfile::tempdir().unwrap();
        let (store, faults) = open_faulty(tiny_config(dir.path(), FlushDiskType::SyncFlush));
        let mut acked = Vec::new();
        let mut i = 0;
        while store.max_phy_offset() as usize + len + 8 <= 4096 {
            let m = msg(i);
            let r = rt.block_on(store.put_message(&m.append())).unwrap();
            acked.push(Acked {
                msg: m,
                phys: r.physical_offset,
                queue_offset: r.queue_offset,
            });
            i += 1;
        }
        let blank_at = store.max_phy_offset();
        faults.tear_nth_write(nth, k);
        assert_not_writable(
            rt.block_on(store.put_message(&big.append())),
            &format!("write {nth} torn after {k} bytes"),
        );
        drop(store);

        let store = MessageStore::open(tiny_config(dir.path(), FlushDiskType::SyncFlush))
            .unwrap_or_else(|e| panic!("write {nth}, k={k}: reopen: {e}"));
        assert!(store.recovery_report().abnormal);
        let end = store.max_phy_offset();
        // A whole BLANK closes the file; a torn one is cut off like a torn record.
        let expected = if nth == 1 && k < 8 { blank_at } else { 4096 };
        assert_eq!(
            end,
            expected,
            "write {nth}, k={k}: {:?}",
            store.recovery_report()
        );
        check_readable(&store, &acked);
        assert!(
            store.get_message_by_offset(4096).is_none(),
            "write {nth}, k={k}"
        );
        let in_queue = acked.iter().filter(|a| a.msg.queue_id == 0).count() as i64;
        let r = rt.block_on(store.put_message(&big.append())).unwrap();
        assert_eq!(
            (r.physical_offset, r.queue_offset),
            (4096, in_queue),
            "write {nth}, k={k}"
        );
        check_readable(&store, &acked);
    }
}
