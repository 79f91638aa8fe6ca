//! Crash test with real processes: a child appends in SYNC_FLUSH mode and prints every
//! acknowledged append; the parent kills it with SIGKILL at random moments, reopens the store
//! and checks that every acknowledged message is there, intact, in order, and that queue
//! offsets continue without gaps or duplicates. The same holds in ASYNC_FLUSH mode, as a
//! crash of the process (unlike one of the machine) leaves what it wrote in the page cache.

mod store_common;

use mq::store::message::decode_message;
use mq::store::{FlushDiskType, MessageStore, StoreConfig};
use rand::RngExt;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use store_common::Msg;

const CHILD_ENV: &str = "MQ_STORE_CRASH_CHILD_DIR";
const MODE_ENV: &str = "MQ_STORE_CRASH_MODE";
const QUEUES: i32 = 4;
const WRITERS: u64 = 4;

fn config(dir: &Path, mode: FlushDiskType) -> StoreConfig {
    let mut c = StoreConfig::new(dir);
    c.flush_disk_type = mode;
    c.mapped_file_size_commit_log = 64 * 1024;
    c.mapped_file_size_consume_queue = 20 * 256;
    c.max_hash_slot_num = 512;
    c.max_index_num = 1024;
    c.flush_interval_consume_queue = 50;
    c
}

/// The message a child run sends as its `seq`-th: content depends only on (run, seq).
fn message(run: u64, seq: u64) -> Msg {
    let len = (seq * 37 % 700) as usize;
    let mut body = format!("{run}:{seq}:").into_bytes();
    body.extend((0..len).map(|i| (i as u64 ^ seq) as u8));
    Msg::new(
        "CrashTopic",
        (seq % QUEUES as u64) as i32,
        body,
        "T",
        &format!("r{run}s{seq}"),
        "",
    )
}

/// Child mode: append forever, printing `ACK run seq queue queueOffset physOffset` per ack.
#[test]
#[ignore]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let run: u64 = std::env::var("MQ_STORE_CRASH_RUN")
        .unwrap()
        .parse()
        .unwrap();
    let mode = match std::env::var(MODE_ENV).as_deref() {
        Ok("async") => FlushDiskType::AsyncFlush,
        _ => FlushDiskType::SyncFlush,
    };
    let store = std::sync::Arc::new(MessageStore::open(config(Path::new(&dir), mode)).unwrap());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut tasks = Vec::new();
        for w in 0..WRITERS {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                let mut seq = w;
                loop {
                    let m = message(run, seq);
                    let r = match store.put_message(&m.append()).await {
                        Ok(r) if r.status == mq::store::PutStatus::PutOk => r,
                        // Die loudly rather than hang the parent waiting for acks.
                        other => {
                            eprintln!("append failed: {other:?}");
                            std::process::exit(1)
                        }
                    };
                    let mut out = std::io::stdout().lock();
                    writeln!(
                        out,
                        "ACK {run} {seq} {} {} {}",
                        m.queue_id, r.queue_offset, r.physical_offset
                    )
                    .unwrap();
                    out.flush().unwrap();
                    seq += WRITERS;
                }
            }));
        }
        // The writers never finish: the parent kills this process.
        std::future::pending::<()>().await;
        drop(tasks);
    });
}

struct Acked {
    run: u64,
    seq: u64,
    phys: i64,
}

fn spawn_child(dir: &Path, run: u64, mode: FlushDiskType) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash_child",
            "--nocapture",
            "--ignored",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir)
        .env("MQ_STORE_CRASH_RUN", run.to_string())
        .env(
            MODE_ENV,
            match mode {
                FlushDiskType::AsyncFlush => "async",
                FlushDiskType::SyncFlush => "sync",
            },
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Kills the child on drop, so a failing assertion leaves no process behind.
struct Reaper(Child);
impl Drop for Reaper {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn verify(dir: &Path, acked: &HashMap<(i32, i64), Acked>, mode: FlushDiskType) {
    let store = MessageStore::open(config(dir, mode))
        .unwrap_or_else(|e| panic!("reopen after SIGKILL: {e}"));
    let mut seen = std::collections::HashSet::new();
    for q in 0..QUEUES {
        let max = store.max_offset_in_queue("CrashTopic", q);
        let mut off = 0;
        while off < max {
            let g = store.get_message("CrashTopic", q, off, 256, usize::MAX);
            assert!(
                !g.messages.is_empty(),
                "queue {q} offset {off} of {max}: {:?}",
                g.status
            );
            for b in &g.messages {
                let d = decode_message(b).unwrap();
                assert_eq!(d.queue_offset, off, "queue offsets are dense and in order");
                assert_eq!(d.queue_id, q);
                let text = String::from_utf8_lossy(&d.body[..d.body.len().min(40)]).to_string();
                let mut parts = text.split(':');
                let run: u64 = parts.next().unwrap().parse().unwrap();
                let seq: u64 = parts.next().unwrap().parse().unwrap();
                assert!(seen.insert((run, seq)), "duplicate message {run}:{seq}");
                assert_eq!(d.body, message(run, seq).body, "intact body");
                if let Some(a) = acked.get(&(q, off)) {
                    assert_eq!((a.run, a.seq, a.phys), (run, seq, d.commit_log_offset));
                }
                off += 1;
            }
        }
        for (&(aq, aoff), a) in acked.iter().filter(|((aq, _), _)| *aq == q) {
            assert!(
                aoff < max,
                "acknowledged {}:{} at {aq}/{aoff} lost (max {max})",
                a.run,
                a.seq
            );
        }
    }
    assert!(store.recovery_report().abnormal);
}

fn crash_rounds(rounds: u64, mode: FlushDiskType) {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = rand::rng();
    let mut acked: HashMap<(i32, i64), Acked> = HashMap::new();
    for run in 0..rounds {
        let kill_after = rng.random_range(1..400u64);
        let mut child = Reaper(spawn_child(dir.path(), run, mode));
        let stdout = child.0.stdout.take().unwrap();
        let mut n = 0;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let Some(rest) = line.strip_prefix("ACK ") else {
                continue;
            };
            let f: Vec<i64> = rest.split(' ').map(|x| x.parse().unwrap()).collect();
            let prev = acked.insert(
                (f[2] as i32, f[3]),
                Acked {
                    run: f[0] as u64,
                    seq: f[1] as u64,
                    phys: f[4],
                },
            );
            assert!(
                prev.is_none(),
                "queue offset {}/{} acknowledged twice",
                f[2],
                f[3]
            );
            n += 1;
            if n == kill_after {
                // SIGKILL; acks already in the pipe are still read, as they were acknowledged.
                let _ = child.0.kill();
            }
        }
        drop(child);
        verify(dir.path(), &acked, mode);

        // Leave an abort file behind as the killed child did, for the next child.
        std::fs::write(dir.path().join("abort"), b"").unwrap();
    }
    assert!(acked.len() as u64 >= rounds);
    eprintln!("{} acknowledged messages over {rounds} kills", acked.len());
}

#[test]
fn sigkill_loses_no_acknowledged_message() {
    crash_rounds(40, FlushDiskType::SyncFlush);
}

#[test]
fn sigkill_in_async_flush_loses_no_acknowledged_message() {
    crash_rounds(10, FlushDiskType::AsyncFlush);
}

#[test]
#[ignore]
fn sigkill_soak() {
    crash_rounds(200, FlushDiskType::SyncFlush);
}
