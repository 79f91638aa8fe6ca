//! The store benchmark behind `mq bench store`: appends of 128 B, 1 KiB and 16 KiB messages
//! from 1 and 64 concurrent writers in ASYNC_FLUSH and SYNC_FLUSH, sequential reads of what
//! was written, and the two yardsticks the store is held to, each run just before the case
//! it is compared with: for an ASYNC_FLUSH single writer, a bare loop copying records into
//! fresh mapped files that a helper thread populates ahead of it; for SYNC_FLUSH with the most
//! writers, a bare pwrite + fdatasync group-commit loop on the same disk (also run just after).
//! Each case runs for a fixed time in a fresh store under the given directory.

use super::error::{IoContext, Result};
use super::message::AppendMessage;
use super::message::property::UNIQ_KEY;
use super::{FlushDiskType, MessageStore, PutStatus, StoreConfig};
use crate::util::process_cpu_time;
use serde::Serialize;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// What to run.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BenchOptions {
    /// Directory for the benchmark stores (removed afterwards); put it on the disk to measure.
    pub dir: PathBuf,
    pub sizes: Vec<usize>,
    pub writers: Vec<usize>,
    pub modes: Vec<FlushDiskType>,
    /// How long each append case runs.
    pub case_duration: Duration,
    pub commit_log_file_size: usize,
}

impl BenchOptions {
    /// The standard matrix: 128 B / 1 KiB / 16 KiB, 1 and 64 writers, both flush modes.
    pub fn standard(dir: impl Into<PathBuf>) -> BenchOptions {
        BenchOptions {
            dir: dir.into(),
            sizes: vec![128, 1024, 16 * 1024],
            writers: vec![1, 64],
            modes: vec![FlushDiskType::AsyncFlush, FlushDiskType::SyncFlush],
            case_duration: Duration::from_secs(2),
            commit_log_file_size: 1024 * 1024 * 1024,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Throughput {
    pub messages: u64,
    pub seconds: f64,
    pub msgs_per_sec: f64,
    pub mb_per_sec: f64,
    /// CPU time of the whole process (every store thread, user and system) per message, in
    /// microseconds: steadier than throughput on a shared machine, and what a change to the
    /// append path moves.
    pub cpu_us_per_msg: f64,
}

impl Throughput {
    fn new(messages: u64, size: usize, elapsed: Duration, cpu: Duration) -> Throughput {
        let s = elapsed.as_secs_f64().max(1e-9);
        Throughput {
            messages,
            seconds: s,
            msgs_per_sec: messages as f64 / s,
            mb_per_sec: messages as f64 * size as f64 / s / 1e6,
            cpu_us_per_msg: cpu.as_secs_f64() * 1e6 / messages.max(1) as f64,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppendCase {
    pub mode: FlushDiskType,
    pub size: usize,
    pub writers: usize,
    pub append: Throughput,
    /// Commit log syncs during the case (SYNC_FLUSH: one per group commit).
    pub syncs: u64,
    /// Sequential read of everything appended (ASYNC_FLUSH single-writer cases).
    pub read: Option<Throughput>,
    /// SYNC_FLUSH with the most writers: throughput relative to the mean of the bare
    /// group-commit loop run just before and just after it (1.0 = as fast).
    pub vs_bare_group_commit: Option<f64>,
    /// ASYNC_FLUSH with one writer: throughput relative to the bare mapped-memcpy loop run just
    /// before it (1.0 = as fast).
    pub vs_bare_memcpy: Option<f64>,
    /// What the machine charged, in microseconds per 4 KiB page, for the new commit log pages
    /// the store populated ahead of its writer during the case (none if it populated none). A
    /// 128 B append takes a new page every ~14 records, so at ~7 µs a page, what a virtual
    /// machine whose host takes back free memory charges for memory it has not touched lately,
    /// populating alone is 0.5 µs a message; at ~1 µs a page, once that memory is warm, 0.07.
    pub new_page_us: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupCommitCase {
    pub size: usize,
    pub writers: usize,
    pub throughput: Throughput,
    pub syncs: u64,
}

/// The bare mapped-memcpy loop: one writer copying records of the store's size into fresh
/// mapped files, a helper thread populating their pages ahead of it. What an ASYNC_FLUSH store
/// with one writer could at best do on this machine.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemcpyCase {
    pub size: usize,
    /// Bytes copied per message: the store's record for that body.
    pub record_bytes: usize,
    pub throughput: Throughput,
    /// The page price: the helper's CPU time per 4 KiB page it populated, in microseconds.
    pub new_page_us: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BenchReport {
    pub options: BenchOptions,
    pub cases: Vec<AppendCase>,
    /// The bare pwrite + fdatasync group-commit loop with the largest writer count, run before
    /// and after each SYNC_FLUSH case it is compared with.
    pub group_commit_baseline: Vec<GroupCommitCase>,
    /// The bare mapped-memcpy loop, run before each ASYNC_FLUSH single-writer case.
    pub memcpy_baseline: Vec<MemcpyCase>,
}

const TOPIC: &str = "BenchmarkTest";
const TAIL: &str = "\u{2}TAGS\u{1}TagA";
const HEX: &[u8; 16] = b"0123456789ABCDEF";
const QUEUES: usize = 8;

/// Runs the benchmark matrix; blocking: it drives its own multi-thread tokio runtime, so call
/// it outside one (or from `spawn_blocking`), or use `run_async`.
pub fn run(opts: &BenchOptions) -> Result<BenchReport> {
    std::fs::create_dir_all(&opts.dir).ctx("create dir", &opts.dir)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .ctx("start runtime", &opts.dir)?;
    rt.block_on(run_async(opts))
}

/// Runs the benchmark matrix on the current (multi-thread) runtime. Opening stores and the
/// read phase block the calling task, which is what a benchmark wants.
pub async fn run_async(opts: &BenchOptions) -> Result<BenchReport> {
    std::fs::create_dir_all(&opts.dir).ctx("create dir", &opts.dir)?;
    let mut cases = Vec::new();
    let mut group_commit_baseline = Vec::new();
    let mut memcpy_baseline = Vec::new();
    let max_writers = opts.writers.iter().copied().max().unwrap_or(1);
    let baseline = |size: usize| {
        group_commit_loop(
            &opts.dir,
            size,
            max_writers,
            opts.case_duration,
            opts.commit_log_file_size,
        )
    };
    for &mode in &opts.modes {
        for &size in &opts.sizes {
            for &writers in &opts.writers {
                // SYNC_FLUSH with the most writers is compared with the bare loop run right
                // before and right after it, as the disk's speed drifts.
                let compare = mode == FlushDiskType::SyncFlush && writers == max_writers;
                let before = if compare {
                    Some(baseline(size).await?)
                } else {
                    None
                };
                let memcpy = if mode == FlushDiskType::AsyncFlush && writers == 1 {
                    let dir = opts.dir.clone();
                    let (dur, file_size) = (opts.case_duration, opts.commit_log_file_size);
                    Some(
                        tokio::task::spawn_blocking(move || {
                            mapped_memcpy_loop(&dir, size, dur, file_size)
                        })
                        .await
                        .map_err(|e| super::StoreError::BadMessage(e.to_string()))??,
                    )
                } else {
                    None
                };
                let dir = opts.dir.join(format!("store-{mode:?}-{size}-{writers}"));
                let _ = std::fs::remove_dir_all(&dir);
                let mut cfg = StoreConfig::new(&dir);
                cfg.flush_disk_type = mode;
                cfg.mapped_file_size_commit_log = opts.commit_log_file_size;
                let store = Arc::new(MessageStore::open(cfg)?);
                let syncs_before = store.commit_log_sync_count();
                let warm_before = store.commit_log_warm_totals();
                let append = append_case(&store, size, writers, opts.case_duration).await?;
                let syncs = store.commit_log_sync_count() - syncs_before;
                let new_page_us = per_page_us(warm_before, store.commit_log_warm_totals());
                let read = (mode == FlushDiskType::AsyncFlush && writers == 1)
                    .then(|| read_all(&store, size));
                drop(store);
                let _ = std::fs::remove_dir_all(&dir);
                let mut vs_bare_group_commit = None;
                if let Some(before) = before {
                    let after = baseline(size).await?;
                    let bare =
                        (before.throughput.msgs_per_sec + after.throughput.msgs_per_sec) / 2.0;
                    vs_bare_group_commit = Some(append.msgs_per_sec / bare.max(1e-9));
                    group_commit_baseline.push(before);
                    group_commit_baseline.push(after);
                }
                let vs_bare_memcpy = memcpy.map(|m| {
                    let ratio = append.msgs_per_sec / m.throughput.msgs_per_sec.max(1e-9);
                    memcpy_baseline.push(m);
                    ratio
                });
                cases.push(AppendCase {
                    mode,
                    size,
                    writers,
                    append,
                    syncs,
                    read,
                    vs_bare_group_commit,
                    vs_bare_memcpy,
                    new_page_us,
                });
            }
        }
    }
    Ok(BenchReport {
        options: opts.clone(),
        cases,
        group_commit_baseline,
        memcpy_baseline,
    })
}

/// Microseconds per 4 KiB page between two `commit_log_warm_totals`.
fn per_page_us(before: (u64, Duration), after: (u64, Duration)) -> Option<f64> {
    let pages = (after.0 - before.0) / 4096;
    (pages > 0).then(|| (after.1 - before.1).as_secs_f64() * 1e6 / pages as f64)
}

/// Bytes one append case may write at most, so a fast disk cannot fill up.
const MAX_CASE_BYTES: u64 = 4 << 30;

/// The store record of a `size`-byte body as `append_case` writes it.
fn record_len(size: usize) -> usize {
    let body = vec![b'm'; size];
    let props = format!("{UNIQ_KEY}\u{1}7F0000010000{:08X}{:012X}{TAIL}", 0, 0);
    let host: std::net::SocketAddr = "127.0.0.1:10911".parse().expect("literal");
    AppendMessage {
        topic: TOPIC,
        queue_id: 0,
        flag: 0,
        body: &body,
        properties: &props,
        sys_flag: 0,
        born_timestamp: 0,
        born_host: host,
        store_host: host,
        reconsume_times: 0,
        prepared_transaction_offset: 0,
    }
    .record_len()
}

/// The ASYNC_FLUSH single-writer yardstick: copies records of the store's size for `size`-byte
/// bodies into fresh mapped files (reserved like commit log files), one after the other, while
/// a helper thread populates pages for writing a bounded distance ahead of the copying, as the
/// store's pre-faulting does. Blocking.
fn mapped_memcpy_loop(
    dir: &Path,
    size: usize,
    dur: Duration,
    file_size: usize,
) -> Result<MemcpyCase> {
    use std::sync::atomic::AtomicUsize;
    const AHEAD: usize = 64 << 20;
    const CHUNK: usize = 4 << 20;
    let record_bytes = record_len(size);
    let record: Vec<u8> = (0..record_bytes).map(|i| i as u8).collect();
    let path = dir.join(format!("mapped-memcpy-{size}"));
    let cpu_before = process_cpu_time();
    let start = Instant::now();
    let mut n = 0u64;
    let (mut populated, mut populate_cpu) = (0u64, Duration::ZERO);
    let mut budget = MAX_CASE_BYTES;
    'files: while budget >= record_bytes as u64 {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .ctx("create", &path)?;
        file.set_len(file_size as u64).ctx("allocate", &path)?;
        super::mapped_file::preallocate(&file, file_size);
        // SAFETY: our own fresh file, which nobody else truncates while it is mapped.
        let mut map = unsafe { memmap2::MmapMut::map_mut(&file) }.ctx("mmap", &path)?;
        let base = map.as_mut_ptr() as usize;
        let wrote = Arc::new(AtomicUsize::new(0));
        let done = Arc::new(AtomicBool::new(false));
        // The helper gets the mapping's address only: the mapping outlives it (joined below).
        let helper = {
            let (wrote, done) = (wrote.clone(), done.clone());
            std::thread::spawn(move || -> (u64, Duration) {
                let mut warmed = 0usize;
                let mut bytes = 0u64;
                let cpu = crate::util::thread_cpu_time();
                while warmed < file_size && !done.load(Ordering::Acquire) {
                    let w = wrote.load(Ordering::Acquire);
                    warmed = warmed.max(w - w % 4096);
                    if warmed < w + AHEAD {
                        let len = CHUNK.min(file_size - warmed);
                        // SAFETY: inside the mapping, which stays mapped until we are joined;
                        // populating does not change its bytes.
                        unsafe {
                            libc::madvise(
                                (base + warmed) as *mut libc::c_void,
                                len,
                                libc::MADV_POPULATE_WRITE,
                            );
                        }
                        warmed += len;
                        bytes += len as u64;
                    } else {
                        std::thread::sleep(Duration::from_millis(2));
                    }
                }
                (bytes, crate::util::thread_cpu_time() - cpu)
            })
        };
        let mut pos = 0;
        let mut out_of_time = false;
        while pos + record_bytes <= file_size && budget >= record_bytes as u64 {
            if n.is_multiple_of(64) && start.elapsed() >= dur {
                out_of_time = true;
                break;
            }
            map[pos..pos + record_bytes].copy_from_slice(&record);
            pos += record_bytes;
            wrote.store(pos, Ordering::Release);
            budget -= record_bytes as u64;
            n += 1;
        }
        done.store(true, Ordering::Release);
        let (bytes, cpu) = helper.join().unwrap_or_default();
        populated += bytes;
        populate_cpu += cpu;
        drop(map);
        if out_of_time {
            break 'files;
        }
    }
    let elapsed = start.elapsed();
    let cpu = process_cpu_time() - cpu_before;
    let _ = std::fs::remove_file(&path);
    Ok(MemcpyCase {
        size,
        record_bytes,
        throughput: Throughput::new(n, size, elapsed, cpu),
        new_page_us: per_page_us((0, Duration::ZERO), (populated, populate_cpu)),
    })
}

async fn append_case(
    store: &Arc<MessageStore>,
    size: usize,
    writers: usize,
    dur: Duration,
) -> Result<Throughput> {
    let count = Arc::new(AtomicU64::new(0));
    let cpu_before = process_cpu_time();
    let start = Instant::now();
    let max_msgs = MAX_CASE_BYTES / (size as u64 + 150) / writers as u64;
    let yield_every = if writers == 1 { 1 << 16 } else { 1024 };
    // A SYNC_FLUSH append waits for a disk sync, so reading the clock each time costs nothing,
    // and checking only every 64 appends would let each writer run up to 63 syncs late.
    let clock_every = if store.config().flush_disk_type == FlushDiskType::SyncFlush {
        1
    } else {
        64
    };
    let mut tasks = Vec::new();
    for w in 0..writers {
        let (store, count) = (store.clone(), count.clone());
        tasks.push(tokio::spawn(async move {
            let body = vec![b'm'; size];
            let mut props = format!("{UNIQ_KEY}\u{1}7F0000010000{w:08X}{:012X}{TAIL}", 0);
            let digits = props.len() - TAIL.len() - 12;
            let born: std::net::SocketAddr = "127.0.0.1:50000".parse().expect("literal");
            let host: std::net::SocketAddr = "127.0.0.1:10911".parse().expect("literal");
            let mut n = 0u64;
            let mut result = Ok(());
            while n < max_msgs {
                // ASYNC_FLUSH appends never wait: check the clock, and let other tasks run
                // now and then. Not too often: a yield wakes an idle worker thread (an eventfd
                // write), which can steal the task or preempt the writer, and costs more than
                // many appends. A lone writer has an idle worker beside it, so it yields only
                // so that a runtime with one worker still gets to its timers and I/O.
                if n.is_multiple_of(clock_every) && start.elapsed() >= dur {
                    break;
                }
                if n.is_multiple_of(yield_every) {
                    tokio::task::yield_now().await;
                }
                // A client-like UNIQ_KEY (indexed) and a tag, as real producers send; only the
                // counter digits change, so making it costs no formatting.
                // SAFETY: ASCII hex digits replace ASCII hex digits, so `props` stays UTF-8
                // (checking it again per message would cost a tenth of an append).
                let counter = unsafe { &mut props.as_bytes_mut()[digits..digits + 12] };
                for (i, d) in counter.iter_mut().enumerate() {
                    *d = HEX[((n >> (44 - 4 * i)) & 0xF) as usize];
                }
                let m = AppendMessage {
                    topic: TOPIC,
                    queue_id: (w % QUEUES) as i32,
                    flag: 0,
                    body: &body,
                    properties: &props,
                    sys_flag: 0,
                    born_timestamp: 0,
                    born_host: born,
                    store_host: host,
                    reconsume_times: 0,
                    prepared_transaction_offset: 0,
                };
                match store.put_message(&m).await {
                    Ok(r) if r.status == PutStatus::PutOk => n += 1,
                    Ok(_) => {}
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
            count.fetch_add(n, Ordering::Relaxed);
            result
        }));
    }
    for t in tasks {
        if let Ok(r) = t.await {
            r?;
        }
    }
    Ok(Throughput::new(
        count.load(Ordering::Relaxed),
        size,
        start.elapsed(),
        process_cpu_time() - cpu_before,
    ))
}

/// Reads every queue from offset 0 in pulls of 32, as consumers do.
fn read_all(store: &MessageStore, size: usize) -> Throughput {
    let cpu_before = process_cpu_time();
    let start = Instant::now();
    let mut n = 0u64;
    for q in 0..QUEUES as i32 {
        let max = store.max_offset_in_queue(TOPIC, q);
        let mut off = 0;
        while off < max {
            let r = store.get_message(TOPIC, q, off, 32, usize::MAX);
            if r.messages.is_empty() {
                break;
            }
            n += r.messages.len() as u64;
            off = r.next_begin_offset;
        }
    }
    Throughput::new(n, size, start.elapsed(), process_cpu_time() - cpu_before)
}

/// What the group-commit loop's writers share with its flusher: the bytes appended since the
/// last sync and whom to wake once they are synced.
#[derive(Default)]
struct PendingGroup {
    bytes: Vec<u8>,
    acks: Vec<tokio::sync::oneshot::Sender<()>>,
    /// Appends ever made, so the flusher can tell whether more are still arriving.
    appended: u64,
    closed: bool,
}

/// The SYNC_FLUSH yardstick: `writers` tasks each append a record to a shared buffer and wait;
/// one flusher thread takes everything pending, writes it to a file reserved like a commit log
/// file, fdatasyncs once and wakes the whole batch. Before each sync it waits for the group to
/// gather (every writer pending, or no new append for a moment), knowing the writer count as
/// the store cannot: the best group commit this disk allows at that concurrency.
async fn group_commit_loop(
    dir: &Path,
    size: usize,
    writers: usize,
    dur: Duration,
    file_size: usize,
) -> Result<GroupCommitCase> {
    use std::sync::{Condvar, Mutex};
    /// How long the flusher waits for one more append before it syncs a partial group.
    const GATHER: Duration = Duration::from_micros(50);
    let path = dir.join(format!("group-commit-{size}"));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(&path)
        .ctx("create", &path)?;
    file.set_len(file_size as u64).ctx("allocate", &path)?;
    // Prepared like a commit log file, so only the store's own overhead differs.
    super::mapped_file::preallocate(&file, file_size);
    let shared = Arc::new((Mutex::new(PendingGroup::default()), Condvar::new()));
    let syncs = Arc::new(AtomicU64::new(0));
    let flusher = {
        let (shared, syncs, path) = (shared.clone(), syncs.clone(), path.clone());
        std::thread::spawn(move || -> Result<()> {
            let (lock, cv) = &*shared;
            let mut off = 0u64;
            let mut batch = Vec::new();
            let mut acks = Vec::new();
            loop {
                {
                    let mut g = lock.lock().unwrap_or_else(|e| e.into_inner());
                    while g.acks.is_empty() && !g.closed {
                        g = cv.wait(g).unwrap_or_else(|e| e.into_inner());
                    }
                    if g.acks.is_empty() {
                        return Ok(());
                    }
                    while g.acks.len() < writers && !g.closed {
                        let seen = g.appended;
                        g = cv
                            .wait_timeout(g, GATHER)
                            .unwrap_or_else(|e| e.into_inner())
                            .0;
                        if g.appended == seen {
                            break;
                        }
                    }
                    std::mem::swap(&mut batch, &mut g.bytes);
                    std::mem::swap(&mut acks, &mut g.acks);
                }
                if off + batch.len() as u64 > file_size as u64 {
                    off = 0;
                }
                file.write_all_at(&batch, off).ctx("write", &path)?;
                file.sync_data().ctx("fdatasync", &path)?;
                off += batch.len() as u64;
                syncs.fetch_add(1, Ordering::Relaxed);
                batch.clear();
                for a in acks.drain(..) {
                    let _ = a.send(());
                }
            }
        })
    };
    let count = Arc::new(AtomicU64::new(0));
    let cpu_before = process_cpu_time();
    let start = Instant::now();
    let mut tasks = Vec::new();
    // The same bytes a store record of this body takes.
    let record = Arc::new(vec![b'm'; record_len(size)]);
    for _ in 0..writers {
        let (shared, count, record) = (shared.clone(), count.clone(), record.clone());
        tasks.push(tokio::spawn(async move {
            let mut n = 0;
            while start.elapsed() < dur {
                let (ack, done) = tokio::sync::oneshot::channel();
                {
                    let (lock, cv) = &*shared;
                    let mut g = lock.lock().unwrap_or_else(|e| e.into_inner());
                    g.bytes.extend_from_slice(&record);
                    g.acks.push(ack);
                    g.appended += 1;
                    cv.notify_one();
                }
                if done.await.is_err() {
                    break;
                }
                n += 1;
            }
            count.fetch_add(n, Ordering::Relaxed);
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = start.elapsed();
    {
        let (lock, cv) = &*shared;
        lock.lock().unwrap_or_else(|e| e.into_inner()).closed = true;
        cv.notify_one();
    }
    let flushed = flusher.join();
    let _ = std::fs::remove_file(&path);
    match flushed {
        Ok(r) => r?,
        Err(_) => {
            return Err(super::StoreError::BadMessage(
                "the group-commit flusher panicked".into(),
            ));
        }
    }
    Ok(GroupCommitCase {
        size,
        writers,
        throughput: Throughput::new(
            count.load(Ordering::Relaxed),
            size,
            elapsed,
            process_cpu_time() - cpu_before,
        ),
        syncs: syncs.load(Ordering::Relaxed),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_matrix_measures_every_case_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let opts = BenchOptions {
            sizes: vec![128],
            writers: vec![1, 4],
            case_duration: Duration::from_millis(100),
            commit_log_file_size: 4 << 20,
            ..BenchOptions::standard(dir.path())
        };
        let report = run(&opts).unwrap();
        assert_eq!(report.cases.len(), 4);
        for c in &report.cases {
            let what = format!("{:?} {} writers", c.mode, c.writers);
            assert!(c.append.messages > 0, "{what}: {c:?}");
            assert!(c.append.cpu_us_per_msg > 0.0, "{what}: {c:?}");
            let is_async = c.mode == FlushDiskType::AsyncFlush;
            if is_async {
                // Its commit log grew into pages populated ahead of the writer.
                assert!(c.new_page_us.is_some_and(|us| us > 0.0), "{what}: {c:?}");
            }
            assert_eq!(c.read.is_some(), is_async && c.writers == 1, "{what}");
            if let Some(r) = &c.read {
                assert_eq!(r.messages, c.append.messages, "{what}: read back all");
            }
            let compared = !is_async && c.writers == 4;
            assert_eq!(c.vs_bare_group_commit.is_some(), compared, "{what}");
            if !is_async {
                assert!(c.syncs > 0, "{what}: SYNC_FLUSH synced");
            }
        }
        assert_eq!(report.group_commit_baseline.len(), 2);
        // The ASYNC_FLUSH single writer's yardstick ran before it, populating pages ahead.
        assert_eq!(report.memcpy_baseline.len(), 1);
        let m = &report.memcpy_baseline[0];
        assert!(m.throughput.messages > 0, "{m:?}");
        assert!(m.record_bytes > m.size, "{m:?}");
        assert!(m.new_page_us.is_some_and(|us| us > 0.0), "{m:?}");
        for c in &report.cases {
            let yardstick = c.mode == FlushDiskType::AsyncFlush && c.writers == 1;
            assert_eq!(c.vs_bare_memcpy.is_some(), yardstick, "{c:?}");
        }
        // Stores and loop files are gone.
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
