//! An idle store sleeps: its service threads wait for work instead of polling hot, and the
//! next append wakes them. Its own test binary with one test, so that the process's CPU time
//! is the store's alone and no sibling test delays a wake-up.

mod store_common;

use mq::store::{FlushDiskType, MessageStore};
use mq::util::process_cpu_time;
use std::time::Duration;
use store_common::{Msg, rt};

#[test]
fn an_idle_store_sleeps_and_the_next_append_wakes_it() {
    for index in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        // Default flush intervals, as a broker runs.
        let mut cfg = mq::store::StoreConfig::new(dir.path());
        cfg.mapped_file_size_commit_log = 1 << 20;
        cfg.mapped_file_size_consume_queue = 20 * 1024;
        cfg.flush_disk_type = FlushDiskType::AsyncFlush;
        cfg.message_index_enable = index;
        let store = MessageStore::open(cfg).unwrap();
        let rt = rt();
        for i in 0..100 {
            let m = Msg::new("Idle", i % 4, vec![b'i'; 100], "T", "", &format!("U{i}"));
            rt.block_on(store.put_message(&m.append())).unwrap();
        }
        assert!(store.wait_index_caught_up(Duration::from_secs(10)));
        std::thread::sleep(Duration::from_millis(300));
        // The least of three idle seconds: a store that polls or spins uses its CPU in every
        // one of them, while a machine busy with other work (reclaiming memory, say) can charge
        // this process for a moment that has nothing to do with the store.
        let mut used = Duration::MAX;
        for _ in 0..3 {
            let before = process_cpu_time();
            std::thread::sleep(Duration::from_secs(1));
            used = used.min(process_cpu_time() - before);
            if used < Duration::from_millis(10) {
                break;
            }
        }
        // Here ~3 ms. The index dispatcher polling every millisecond took ~25 ms; a thread
        // spinning takes hundreds.
        assert!(
            used < Duration::from_millis(10),
            "index {index}: {used:?} of CPU in 1 s idle"
        );
        if index {
            appends_wake_the_idle_index_dispatcher(&store);
        }
        drop(store);
    }
}

fn appends_wake_the_idle_index_dispatcher(store: &MessageStore) {
    let rt = rt();
    for i in 0..5 {
        // Long enough for the dispatcher to go idle (100 empty polls of 1 ms).
        std::thread::sleep(Duration::from_millis(250));
        let m = Msg::new("Wake", 0, b"w".to_vec(), "T", &format!("k{i}"), "");
        rt.block_on(store.put_message(&m.append())).unwrap();
        let target = store.max_phy_offset();
        let start = std::time::Instant::now();
        // Not wait_index_caught_up: it pokes the dispatcher itself.
        while store.index_built_offset() < target {
            assert!(
                start.elapsed() < Duration::from_millis(40),
                "round {i}: not indexed 40 ms after the append (idle, it looks every 100 ms)"
            );
            std::thread::sleep(Duration::from_micros(200));
        }
        assert_eq!(
            store
                .query_message("Wake", &format!("k{i}"), 4, 0, i64::MAX)
                .len(),
            1
        );
    }
}
