//! Housekeeping with injected time and disk usage: expired files go at deleteWhen, all old
//! files go when the disk is nearly full, writes are refused while it is full.

mod store_common;

use mq::store::{FlushDiskType, GetMessageStatus, MessageStore, StoreError, StoreHooks};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};
use store_common::{Msg, rt, tiny_config};

struct Knobs {
    now: AtomicI64,
    hour: AtomicU32,
    /// Disk use in per mille.
    disk: AtomicU32,
}

fn open(dir: &std::path::Path, knobs: &Arc<Knobs>) -> MessageStore {
    let mut cfg = tiny_config(dir, FlushDiskType::AsyncFlush);
    cfg.file_reserved_time = 1;
    cfg.delete_when = "04;16".into();
    cfg.clean_resource_interval = 3_600_000;
    let (a, b, c) = (knobs.clone(), knobs.clone(), knobs.clone());
    let hooks = StoreHooks {
        now_ms: Arc::new(move || a.now.load(Ordering::SeqCst)),
        disk_used_ratio: Arc::new(move |_| b.disk.load(Ordering::SeqCst) as f64 / 1000.0),
        local_hour: Arc::new(move |_| c.hour.load(Ordering::SeqCst)),
        faults: None,
    };
    MessageStore::open_with(cfg, hooks).unwrap()
}

fn commit_log_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir.join("commitlog")).unwrap().count()
}

#[test]
fn expired_files_deleted_at_delete_when() {
    let dir = tempfile::tempdir().unwrap();
    let knobs = Arc::new(Knobs {
        now: AtomicI64::new(mq::store::now_ms()),
        hour: AtomicU32::new(10),
        disk: AtomicU32::new(100),
    });
    let store = open(dir.path(), &knobs);
    let rt = rt();
    let m = Msg::new("H", 0, vec![7; 900], "", "", "");
    for _ in 0..40 {
        rt.block_on(store.put_message(&m.append())).unwrap();
    }
    let files = commit_log_files(dir.path());
    assert!(files >= 8);
    // Not the hour, not old: nothing goes.
    assert_eq!(
        store
            .run_housekeeping(false)
            .unwrap()
            .commit_log_files_deleted,
        0
    );
    knobs.hour.store(16, Ordering::SeqCst);
    assert_eq!(
        store
            .run_housekeeping(false)
            .unwrap()
            .commit_log_files_deleted,
        0
    );
    // Two hours later, at 16h: expired files go, at most 10 per pass, never the newest.
    knobs.now.fetch_add(2 * 3600 * 1000, Ordering::SeqCst);
    let r = store.run_housekeeping(false).unwrap();
    assert_eq!(r.commit_log_files_deleted, (files - 1).min(10));
    assert!(r.consume_queue_files_deleted > 0);
    let min = store.min_offset_in_queue("H", 0);
    assert!(min > 0);
    let g = store.get_message("H", 0, 0, 10, usize::MAX);
    assert_eq!(
        (g.status, g.next_begin_offset),
        (GetMessageStatus::OffsetTooSmall, min)
    );
    let g = store.get_message("H", 0, min, 100, usize::MAX);
    assert_eq!(g.status, GetMessageStatus::Found);
    assert_eq!(g.messages.len() as i64, 40 - min);
    // Appends continue with the next queue offset.
    assert_eq!(
        rt.block_on(store.put_message(&m.append()))
            .unwrap()
            .queue_offset,
        40
    );
    drop(store);
    // Outside deleteWhen, the restart's housekeeping pass leaves the expired newest file be.
    knobs.hour.store(10, Ordering::SeqCst);
    let store = open(dir.path(), &knobs);
    assert_eq!(store.min_offset_in_queue("H", 0), min);
    assert_eq!(store.max_offset_in_queue("H", 0), 41);
}

#[test]
fn full_disk_refuses_writes_and_cleans_forcibly() {
    let dir = tempfile::tempdir().unwrap();
    let knobs = Arc::new(Knobs {
        now: AtomicI64::new(mq::store::now_ms()),
        hour: AtomicU32::new(10),
        disk: AtomicU32::new(100),
    });
    let store = open(dir.path(), &knobs);
    let rt = rt();
    let m = Msg::new("H", 1, vec![7; 900], "", "", "");
    for _ in 0..20 {
        rt.block_on(store.put_message(&m.append())).unwrap();
    }
    knobs.disk.store(950, Ordering::SeqCst);
    let r = store.run_housekeeping(false).unwrap();
    assert!(r.disk_full);
    assert!(
        r.commit_log_files_deleted > 0,
        "over the forcible ratio: deleted though fresh"
    );
    let err = rt.block_on(store.put_message(&m.append())).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::DiskFull {
                used_percent: 95,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("disk full"));
    knobs.disk.store(500, Ordering::SeqCst);
    assert!(!store.run_housekeeping(false).unwrap().disk_full);
    assert!(rt.block_on(store.put_message(&m.append())).is_ok());
}
