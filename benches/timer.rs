//! `cargo bench --bench timer -- CASE`: the timer's workloads, in process, on a temporary store
//! under MQ_BENCH_DIR (default target/bench-timer).
//!
//! - `due`: MQ_TIMER_N (default 100,000) timer messages due in the same second, stored as a
//!   send stores them; reports how long after that second the last one is in its topic.
//! - `insert`: MQ_TIMER_N (default 10,000,000) entries into the timer's index (state and
//!   bucket files), due over timerMaxDelaySec (3 days); reports time per insert, RSS and disk.
//! - `idle`: MQ_TIMER_N (default 1,000,000) timer messages due in an hour, stored and indexed
//!   by the running service; reports the process CPU over 10 s once they are indexed and the
//!   store has flushed them.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use mq::broker::Broker;
use mq::broker::config::{BrokerConfig, BrokerStartConfig};
use mq::broker::schedule::timer::log::TimerLog;
use mq::broker::schedule::timer::state::{
    Placement, TimerCheckpoint, TimerEntry, TimerState, bucket_of,
};
use mq::broker::schedule::timer::{self, TIMER_TOPIC};
use mq::protocol::message::build_properties;
use mq::store::{AppendMessage, StoreConfig};
use tokio_util::sync::CancellationToken;

fn main() {
    let case = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "due".into());
    let root = PathBuf::from(
        std::env::var("MQ_BENCH_DIR").unwrap_or_else(|_| "target/bench-timer".into()),
    );
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let n = |default: u64| {
        std::env::var("MQ_TIMER_N")
            .ok()
            .map(|v| {
                v.replace(['_', ','], "")
                    .parse()
                    .expect("MQ_TIMER_N: a count")
            })
            .unwrap_or(default)
    };
    match case.as_str() {
        "due" => due(&root, n(100_000)),
        "insert" => insert(&root, n(10_000_000)),
        "idle" => idle(&root, n(1_000_000)),
        other => panic!("unknown case {other}: due, insert or idle"),
    }
    let _ = std::fs::remove_dir_all(&root);
}

fn open_broker(root: &Path) -> Arc<Broker> {
    let mut store = StoreConfig::new(root);
    store.message_index_enable = false;
    Broker::open(
        BrokerStartConfig {
            broker: BrokerConfig::default(),
            store,
        },
        None,
    )
    .unwrap()
}

/// Stores `n` timer messages with slot `slot_ms`, as `timer_reroute` leaves a send.
fn store_timer_messages(b: &Broker, n: u64, slot_ms: i64) {
    let slot = slot_ms.to_string();
    for i in 0..n {
        let uniq = format!("{i:032X}");
        let props = build_properties([
            ("TAGS", "bench"),
            ("UNIQ_KEY", uniq.as_str()),
            ("TIMER_OUT_MS", slot.as_str()),
            ("REAL_TOPIC", "TimerBench"),
            ("REAL_QID", "0"),
        ]);
        b.append(&AppendMessage {
            topic: TIMER_TOPIC,
            queue_id: 0,
            flag: 0,
            body: b"0123456789012345678901234567890123456789012345678901234567890123",
            properties: &props,
            sys_flag: 0,
            born_timestamp: mq::util::now_millis(),
            born_host: "127.0.0.1:50000".parse().unwrap(),
            store_host: b.store_host(),
            reconsume_times: 0,
            prepared_transaction_offset: 0,
        })
        .unwrap();
    }
}

fn due(root: &Path, n: u64) {
    let b = open_broker(root);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let stop = CancellationToken::new();
    let service = rt.spawn(timer::run(b.clone(), stop.clone()));
    // Due in a second that leaves time to store them all first.
    let t = Instant::now();
    let slot = (mq::util::now_millis() / 1000 + 1 + (n as i64 / 20_000)) * 1000;
    store_timer_messages(&b, n, slot);
    let stored = t.elapsed();
    let due_at = slot + 1000;
    assert!(
        mq::util::now_millis() < due_at,
        "storing took past the due second: lower MQ_TIMER_N"
    );
    while b.store().max_offset_in_queue("TimerBench", 0) < n as i64 {
        std::thread::sleep(Duration::from_millis(5));
    }
    let late = mq::util::now_millis() - due_at;
    println!(
        "timer due: {n} messages due in one second (stored in {:.2?}): the last one in its topic {late} ms after that second ended",
        stored
    );
    stop.cancel();
    rt.block_on(service).unwrap();
    b.store().shutdown().unwrap();
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn insert(root: &Path, n: u64) {
    let rss0 = rss_kib();
    let now = mq::util::now_millis() / 1000 * 1000;
    let (mut log, _, buckets) = TimerLog::open(root).unwrap();
    let ck = TimerCheckpoint {
        queue_offset: 0,
        read_time_ms: now,
    };
    let mut state = TimerState::new(1000, ck, buckets);
    let span_ms = 259_200_000i64;
    // A cheap spread over the three days (a multiplicative hash of the index).
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let t = Instant::now();
    let mut last_ck = Instant::now();
    for q in 0..n as i64 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let slot = now + 1000 + (x % span_ms as u64) as i64 / 1000 * 1000;
        let e = TimerEntry {
            slot_ms: slot,
            queue_offset: q,
            phy_offset: q * 200,
        };
        match state.enqueue(e) {
            Placement::Bucket(m) => log.append(m, &e).unwrap(),
            Placement::Overdue => unreachable!(),
        }
        state.enqueued_through(q + 1);
        // The service checkpoints every second while it changes.
        if last_ck.elapsed() >= Duration::from_secs(1) {
            log.checkpoint(&state.checkpoint(), bucket_of(now)).unwrap();
            last_ck = Instant::now();
        }
    }
    log.checkpoint(&state.checkpoint(), bucket_of(now)).unwrap();
    let took = t.elapsed();
    let disk = dir_bytes(&TimerLog::dir_of(root));
    println!(
        "timer insert: {n} entries over 3 days in {took:.2?}: {:.0} ns per insert (checkpoints included), \
         pending {}, RSS {} MiB (+{} MiB), timerlog {} MiB in {} files",
        took.as_nanos() as f64 / n as f64,
        state.pending(),
        rss_kib() / 1024,
        rss_kib().saturating_sub(rss0) / 1024,
        disk / (1 << 20),
        std::fs::read_dir(TimerLog::dir_of(root)).unwrap().count()
    );
}

fn cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line.
    f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()
}

fn idle(root: &Path, n: u64) {
    let b = open_broker(root);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let stop = CancellationToken::new();
    let with_service = std::env::var("MQ_TIMER_SERVICE").map_or(true, |v| v != "0");
    let service = with_service.then(|| rt.spawn(timer::run(b.clone(), stop.clone())));
    let slot = (mq::util::now_millis() / 1000 + 3600) * 1000;
    let t = Instant::now();
    store_timer_messages(&b, n, slot);
    while with_service && timer::pending(&b) < n {
        std::thread::sleep(Duration::from_millis(20));
    }
    let indexed = t.elapsed();
    // Let the checkpoint after the last insert be written and the store flush what was
    // appended (MQ_TIMER_SETTLE seconds, default 10), then measure a quiet 10 s.
    let settle = std::env::var("MQ_TIMER_SETTLE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    std::thread::sleep(Duration::from_secs(settle));
    let rss = rss_kib();
    let c0 = cpu_ticks();
    let w = Instant::now();
    std::thread::sleep(Duration::from_secs(10));
    let ticks = cpu_ticks() - c0;
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    println!(
        "timer idle: {n} pending due in an hour (stored and indexed in {indexed:.2?}): process CPU {:.1} ms over {:.1?}, RSS {} MiB",
        ticks as f64 * 1000.0 / hz,
        w.elapsed(),
        rss / 1024
    );
    stop.cancel();
    if let Some(service) = service {
        rt.block_on(service).unwrap();
    }
    b.store().shutdown().unwrap();
}
