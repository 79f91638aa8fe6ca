//! An idle store sleeps: its service threads wait for work instead of polling hot. Its own
//! test binary, so that the process's CPU time is the store's alone.

mod store_common;

use mq::store::{FlushDiskType, MessageStore};
use std::time::Duration;
use store_common::{Msg, rt};

/// CPU time (user + system) this process has used so far.
fn process_cpu_time() -> Duration {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) }, 0);
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(ru.ru_utime) + tv(ru.ru_stime)
}

#[test]
fn an_idle_store_uses_almost_no_cpu_with_or_without_the_index() {
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
        let before = process_cpu_time();
        std::thread::sleep(Duration::from_secs(1));
        let used = process_cpu_time() - before;
        // Here ~3 ms. The index dispatcher polling every millisecond took ~25 ms; a thread
        // spinning takes hundreds.
        assert!(
            used < Duration::from_millis(10),
            "index {index}: {used:?} of CPU in 1 s idle"
        );
        drop(store);
    }
}
