//! The store's resident memory follows its configuration, not the volume written: commit log
//! pages further than `commitLogResidentBytes` behind the writer leave the process's mapping
//! (read off /proc/self/smaps for the commit log file), while those within it stay.
#![cfg(target_os = "linux")]

mod store_common;

use std::path::Path;
use std::time::{Duration, Instant};

use mq::store::{FlushDiskType, MessageStore, PutStatus, StoreConfig};
use store_common::{Msg, rt};

const MIB: usize = 1 << 20;
/// Slack each way: the window's edges fall inside pages, and a read fault maps up to 64 KiB
/// of neighbouring cached pages at once (the kernel's fault-around).
const SLACK_KB: usize = 128;
/// Above the window, more: the dispatcher reads just past the newest record, which maps the
/// page cache's folio there whole, up to 2 MiB on a file system with large folios.
const AHEAD_KB: usize = 2048;

/// Resident kB of every mapping of `file` in this process.
fn resident_kb(file: &Path) -> usize {
    let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
    let name = file.to_str().unwrap();
    let mut total = 0;
    let mut in_file = false;
    for line in smaps.lines() {
        // A mapping's first line starts with its address range, e.g. `7f00a000-7f00b000`.
        let first = line.split_whitespace().next().unwrap_or("");
        if first.contains('-') && first.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            in_file = line.ends_with(name);
        } else if let Some(kb) = line.strip_prefix("Rss:")
            && in_file
        {
            total += kb
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<usize>()
                .unwrap();
        }
    }
    total
}

/// Writes 40 MiB into one 64 MiB commit log file with `resident` bytes kept mapped, and
/// returns the file's resident size once the flusher has released what lies behind.
fn resident_after_writing(resident: usize) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let mut config = StoreConfig::new(dir.path());
    config.mapped_file_size_commit_log = 64 * MIB;
    config.flush_disk_type = FlushDiskType::AsyncFlush;
    config.message_index_enable = false;
    config.commit_log_resident_bytes = resident;
    config.commit_log_warm_ahead_bytes = 0;
    let store = MessageStore::open(config).unwrap();
    let rt = rt();
    let m = Msg::new("TopicR", 0, vec![b'r'; 64 * 1024], "TagA", "", "");
    while store.max_phy_offset() < (40 * MIB) as i64 {
        let r = rt.block_on(store.put_message(&m.append())).unwrap();
        assert_eq!(r.status, PutStatus::PutOk);
    }
    let file = dir.path().join("commitlog").join(format!("{:020}", 0));
    let window_kb = resident / 1024;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let kb = resident_kb(&file);
        if kb <= window_kb + AHEAD_KB + SLACK_KB || Instant::now() > deadline {
            return kb;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn commit_log_pages_behind_the_resident_window_are_released() {
    for resident in [4 * MIB, 16 * MIB] {
        let kb = resident_after_writing(resident);
        let window_kb = resident / 1024;
        assert!(
            kb <= window_kb + AHEAD_KB + SLACK_KB,
            "{kb} kB of the commit log resident with commitLogResidentBytes = {window_kb} kB"
        );
        assert!(
            kb + SLACK_KB >= window_kb,
            "{kb} kB resident: the newest {window_kb} kB should have stayed mapped"
        );
    }
}
