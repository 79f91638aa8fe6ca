//! `cargo bench --bench store`: runs `mq::store::bench` and prints its report.
//! MQ_BENCH_DIR picks the directory (default target/bench-store), MQ_BENCH_SECS the seconds per
//! case (default 2), MQ_BENCH_QUICK=1 a short run of 128 B cases only; MQ_BENCH_SIZES=128,1024,
//! MQ_BENCH_WRITERS=1,64 and MQ_BENCH_MODES=async,sync narrow the matrix.

use mq::store::FlushDiskType;
use mq::store::bench::{BenchOptions, run};
use std::time::Duration;

fn main() {
    let dir = std::env::var("MQ_BENCH_DIR").unwrap_or_else(|_| "target/bench-store".into());
    let mut opts = BenchOptions::standard(dir);
    if let Ok(s) = std::env::var("MQ_BENCH_SECS") {
        opts.case_duration = Duration::from_secs_f64(s.parse().expect("MQ_BENCH_SECS: seconds"));
    }
    if std::env::var("MQ_BENCH_QUICK").is_ok_and(|v| v == "1") {
        opts.sizes = vec![128];
    }
    if let Some(sizes) = numbers("MQ_BENCH_SIZES") {
        opts.sizes = sizes;
    }
    if let Some(writers) = numbers("MQ_BENCH_WRITERS") {
        opts.writers = writers;
    }
    if let Ok(m) = std::env::var("MQ_BENCH_MODES") {
        opts.modes = m
            .split(',')
            .map(|x| match x {
                "async" => FlushDiskType::AsyncFlush,
                "sync" => FlushDiskType::SyncFlush,
                _ => panic!("MQ_BENCH_MODES: async,sync"),
            })
            .collect();
    }
    let report = match run(&opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("bench failed: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "{:<12} {:>6} {:>8} {:>14} {:>10} {:>10} {:>14} {:>12}",
        "mode",
        "size",
        "writers",
        "append msg/s",
        "MB/s",
        "cpu us/msg",
        "read msg/s",
        "new page us"
    );
    for c in &report.cases {
        println!(
            "{:<12} {:>6} {:>8} {:>14.0} {:>10.1} {:>10.2} {:>14} {:>12}",
            format!("{:?}", c.mode),
            c.size,
            c.writers,
            c.append.msgs_per_sec,
            c.append.mb_per_sec,
            c.append.cpu_us_per_msg,
            c.read
                .as_ref()
                .map(|r| format!("{:.0}", r.msgs_per_sec))
                .unwrap_or_default(),
            c.new_page_us
                .map(|us| format!("{us:.1}"))
                .unwrap_or_default()
        );
        if c.mode == FlushDiskType::SyncFlush {
            let vs = c
                .vs_bare_group_commit
                .map(|r| format!(", {:.0}% of the bare group-commit loop", r * 100.0))
                .unwrap_or_default();
            println!("{:>40}({} syncs{vs})", "", c.syncs);
        }
    }
    for b in &report.group_commit_baseline {
        println!(
            "{:<12} {:>6} {:>8} {:>14.0} {:>10.1}   ({} fdatasyncs)",
            "bare-gc",
            b.size,
            b.writers,
            b.throughput.msgs_per_sec,
            b.throughput.mb_per_sec,
            b.syncs
        );
    }
    println!("{}", serde_json::to_string(&report).expect("serializable"));
}

/// A comma-separated list of numbers from the environment variable `name`, if set.
fn numbers(name: &str) -> Option<Vec<usize>> {
    let v = std::env::var(name).ok()?;
    Some(
        v.split(',')
            .map(|x| x.parse().unwrap_or_else(|_| panic!("{name}: numbers")))
            .collect(),
    )
}
