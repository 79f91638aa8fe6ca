//! `mq bench store`: the store benchmark
//! (append and read throughput in both flush modes, each against its yardstick run just
//! before it: a bare mapped-memcpy loop for one ASYNC_FLUSH writer, a bare
//! write+fdatasync group-commit loop on the same disk for SYNC_FLUSH).

use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;

use crate::cli::{CliError, CliResult, GlobalArgs};
use crate::render::{self, Render, new_table};
use crate::store::bench::{self, BenchOptions, BenchReport};

/// `mq bench store`'s flags.
#[derive(Debug, clap::Args)]
pub struct StoreArgs {
    /// Where to create the benchmark stores (removed afterwards)
    #[arg(long, default_value = "mq-bench-store")]
    dir: PathBuf,
    /// Seconds each case runs
    #[arg(long, default_value_t = 2.0)]
    seconds: f64,
    /// Only 128-byte messages
    #[arg(long)]
    quick: bool,
}

pub async fn run(g: &GlobalArgs, args: StoreArgs) -> CliResult {
    let StoreArgs {
        dir,
        seconds,
        quick,
    } = args;
    let mut opts = BenchOptions::standard(dir);
    opts.case_duration = Duration::from_secs_f64(seconds.max(0.1));
    if quick {
        opts.sizes = vec![128];
    }
    // The benchmark drives its own runtime: run it on a plain thread.
    let report = std::thread::spawn(move || bench::run(&opts))
        .join()
        .map_err(|_| CliError::Failed("the benchmark panicked".into()))?
        .map_err(|e| CliError::Failed(e.to_string()))?;
    render::emit(g.output, &Report(report))?;
    Ok(())
}

#[derive(Serialize)]
#[serde(transparent)]
struct Report(BenchReport);

impl Render for Report {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "MODE",
            "SIZE",
            "WRITERS",
            "APPEND MSG/S",
            "APPEND MB/S",
            "CPU µS/MSG",
            "READ MSG/S",
            "VS BARE LOOP",
            "NEW PAGE µS",
        ]);
        for c in &self.0.cases {
            t.add_row(vec![
                format!("{:?}", c.mode),
                c.size.to_string(),
                c.writers.to_string(),
                format!("{:.0}", c.append.msgs_per_sec),
                format!("{:.1}", c.append.mb_per_sec),
                format!("{:.2}", c.append.cpu_us_per_msg),
                c.read
                    .as_ref()
                    .map(|r| format!("{:.0}", r.msgs_per_sec))
                    .unwrap_or_else(|| "-".into()),
                c.vs_bare_group_commit
                    .or(c.vs_bare_memcpy)
                    .map(|r| format!("{:.0}%", r * 100.0))
                    .unwrap_or_else(|| "-".into()),
                c.new_page_us
                    .map(|us| format!("{us:.1}"))
                    .unwrap_or_else(|| "-".into()),
            ]);
        }
        for m in &self.0.memcpy_baseline {
            t.add_row(vec![
                "bare mapped memcpy".to_string(),
                m.size.to_string(),
                "1".to_string(),
                format!("{:.0}", m.throughput.msgs_per_sec),
                format!("{:.1}", m.throughput.mb_per_sec),
                format!("{:.2}", m.throughput.cpu_us_per_msg),
                "-".into(),
                "-".into(),
                m.new_page_us
                    .map(|us| format!("{us:.1}"))
                    .unwrap_or_else(|| "-".into()),
            ]);
        }
        for b in &self.0.group_commit_baseline {
            t.add_row(vec![
                "bare write+fdatasync".to_string(),
                b.size.to_string(),
                b.writers.to_string(),
                format!("{:.0}", b.throughput.msgs_per_sec),
                format!("{:.1}", b.throughput.mb_per_sec),
                format!("{:.2}", b.throughput.cpu_us_per_msg),
                "-".into(),
                "-".into(),
                "-".into(),
            ]);
        }
        t
    }
}
