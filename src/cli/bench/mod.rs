//! `mq bench ...`: measurements. The workloads (`produce`, `consume`, `e2e`,
//! `rpc`) live in `crate::bench`; this module only turns flags into their
//! options and prints their report. `mq bench store` is in `store.rs`.

mod store;

use std::path::PathBuf;
use std::time::Duration;

use super::{CliError, CliResult, GlobalArgs};
use crate::bench::consume::{self, ConsumeMode, ConsumeOptions, StartFrom};
use crate::bench::options::{BodyKind, LoadOptions, SendMode, Stop};
use crate::bench::run::Run;
use crate::bench::{BenchError, Report, e2e, produce, rpc};
use crate::client::ClientConfig;
use crate::render::{self, OutputFormat};

// Parsed once per process: the size of its variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, clap::Subcommand)]
pub enum BenchCommand {
    /// Send as fast as possible (or at --rate): msgs/s, MB/s, errors and latency
    #[command(after_help = "Examples:\n  \
        mq bench produce --topic BenchmarkTest --size 128 --connections 8 --threads 64\n  \
        mq bench produce --mode async --window 256 --duration 30s --warmup 5s\n  \
        mq bench produce --batch 32 --count 1000000 -o json\n  \
        mq bench produce --rate 10000 --histogram send.hgrm --csv send.csv --broker-pid $(pgrep -f 'mq up')")]
    Produce {
        #[command(flatten)]
        load: LoadArgs,
        #[command(flatten)]
        out: ReportArgs,
    },
    /// Read a topic as fast as possible (push or pull): msgs/s and end-to-end latency
    #[command(after_help = "Examples:\n  \
        mq bench consume --topic BenchmarkTest --from first --count 1000000\n  \
        mq bench consume --mode pull --from last --duration 30s")]
    Consume {
        /// The topic
        #[arg(short = 't', long, default_value = "BenchmarkTest")]
        topic: String,
        /// The consumer group [default: mq-bench-consumer-<random>, a fresh one per run]
        #[arg(short = 'g', long)]
        group: Option<String>,
        #[arg(long, value_enum, default_value_t = ConsumeMode::Push)]
        mode: ConsumeMode,
        /// Where to start on each queue
        #[arg(long, value_enum, default_value_t = StartFrom::Last)]
        from: StartFrom,
        /// Messages asked for per pull
        #[arg(long, value_name = "N", default_value_t = 32)]
        pull_batch: i32,
        #[command(flatten)]
        span: SpanArgs,
        #[command(flatten)]
        out: ReportArgs,
    },
    /// Produce at --rate and consume in the same process: latency from send to receipt
    #[command(after_help = "Examples:\n  \
        mq bench e2e --rate 10000 --duration 30s\n  \
        mq bench e2e --rate 1000 --size 1024 --histogram e2e.hgrm")]
    E2e {
        #[command(flatten)]
        load: LoadArgs,
        /// The consumer group [default: mq-bench-e2e-<random>]
        #[arg(long)]
        consumer_group: Option<String>,
        #[command(flatten)]
        out: ReportArgs,
    },
    /// A request the broker answers without work (REQUEST_CODE_NOT_SUPPORTED),
    /// framed like a produce run's sends: the yardstick for the broker's own cost
    #[command(after_help = "Examples:\n  \
        mq bench rpc --connections 8 --threads 64\n  \
        mq bench rpc --broker 127.0.0.1:10911 --mode async --window 256")]
    Rpc {
        #[command(flatten)]
        load: LoadArgs,
        /// The server to ask [default: the master of the first broker of --topic]
        #[arg(long, value_name = "HOST:PORT")]
        broker: Option<String>,
        #[command(flatten)]
        out: ReportArgs,
    },
    /// Benchmark the message store on this machine's disk
    #[command(
        after_help = "Examples:\n  mq bench store\n  mq bench store --dir /data/bench --seconds 5 -o json"
    )]
    Store(store::StoreArgs),
}

/// The load of a producing workload.
#[derive(Debug, clap::Args)]
pub struct LoadArgs {
    /// The topic (created by the broker on first send when autoCreateTopicEnable is on)
    #[arg(short = 't', long, default_value = "BenchmarkTest")]
    pub topic: String,
    /// Body bytes per message
    #[arg(short = 's', long, default_value_t = 128)]
    pub size: usize,
    /// TCP connections to each broker (one client instance each)
    #[arg(short = 'c', long, default_value_t = 1)]
    pub connections: usize,
    /// Concurrent senders, spread over the connections [default: --connections]
    #[arg(long)]
    pub threads: Option<usize>,
    #[arg(long, value_enum, default_value_t = SendMode::Sync)]
    pub mode: SendMode,
    /// Messages per request: above 1, SEND_BATCH_MESSAGE
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub batch: usize,
    /// With --mode async: requests in flight per thread
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub window: usize,
    /// Messages a second over all threads (latency then counts from when each was due)
    #[arg(long, value_name = "N")]
    pub rate: Option<u64>,
    #[command(flatten)]
    pub span: SpanArgs,
    /// A tag on every message
    #[arg(long)]
    pub tag: Option<String>,
    /// A unique key on every message (the broker indexes it)
    #[arg(long)]
    pub keys: bool,
    /// Bodies: random bytes (64 distinct bodies, cycled) or one fixed body
    #[arg(long, value_enum, default_value_t = BodyKind::Random)]
    pub body: BodyKind,
    /// The producer group
    #[arg(short = 'g', long, default_value = "mq-bench-producer")]
    pub group: String,
}

/// How long a run lasts.
#[derive(Debug, clap::Args)]
pub struct SpanArgs {
    /// How long to measure, e.g. 10s or 1m
    #[arg(long, default_value = "10s", value_parser = humantime::parse_duration, conflicts_with = "count")]
    pub duration: Duration,
    /// Measure this many messages instead of a duration
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    /// Run this long before measuring (not counted)
    #[arg(long, default_value = "0s", value_parser = humantime::parse_duration)]
    pub warmup: Duration,
}

impl SpanArgs {
    fn stop(&self) -> Stop {
        match self.count {
            Some(n) => Stop::Count(n),
            None => Stop::Duration(self.duration),
        }
    }
}

/// What else a run writes.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Also report this broker process's CPU per message and its memory (Linux /proc)
    #[arg(long, value_name = "PID")]
    pub broker_pid: Option<u32>,
    /// Write the per-second series to this CSV file
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Write the latency histogram (ms) to this file, in HdrHistogram's percentile
    /// distribution format
    #[arg(long, value_name = "FILE")]
    pub histogram: Option<PathBuf>,
    /// No progress lines on stderr
    #[arg(short = 'q', long)]
    pub quiet: bool,
}

impl LoadArgs {
    fn options(&self, g: &GlobalArgs) -> LoadOptions {
        let mut o = LoadOptions::new(self.topic.clone());
        o.size = self.size;
        o.connections = self.connections;
        o.threads = self.threads.unwrap_or(self.connections);
        o.mode = self.mode;
        o.batch = self.batch;
        o.window = self.window;
        o.rate = self.rate;
        o.stop = self.span.stop();
        o.warmup = self.span.warmup;
        o.tag = self.tag.clone();
        o.keys = self.keys;
        o.body = self.body;
        o.timeout = g.timeout;
        o.producer_group = self.group.clone();
        o
    }
}

impl From<BenchError> for CliError {
    fn from(e: BenchError) -> Self {
        match e {
            BenchError::Usage(s) => CliError::Usage(s),
            BenchError::Failed(s) => CliError::Failed(s),
            BenchError::Client(e) => CliError::Client(e),
        }
    }
}

pub async fn run(g: &GlobalArgs, cmd: BenchCommand) -> CliResult {
    let client = ClientConfig {
        timeout: g.timeout,
        ..ClientConfig::new(g.namesrv())
    };
    match cmd {
        BenchCommand::Store(args) => store::run(g, args).await,
        BenchCommand::Produce { load, out } => {
            let opts = load.options(g);
            opts.validate()?;
            let run = new_run(opts.stop, opts.warmup, &out)?;
            let report = produce::run(&client, &opts, run).await?;
            finish(g.output, &out, report)
        }
        BenchCommand::Consume {
            topic,
            group,
            mode,
            from,
            pull_batch,
            span,
            out,
        } => {
            if pull_batch < 1 {
                return Err(CliError::Usage("--pull-batch must be at least 1".into()));
            }
            let opts = ConsumeOptions {
                topic,
                group: group.unwrap_or_else(|| fresh_group("mq-bench-consumer")),
                mode,
                from,
                pull_batch,
            };
            check_span(&span)?;
            let run = new_run(span.stop(), span.warmup, &out)?;
            let report = consume::run(&client, &opts, run).await?;
            finish(g.output, &out, report)
        }
        BenchCommand::E2e {
            load,
            consumer_group,
            out,
        } => {
            let opts = load.options(g);
            opts.validate()?;
            let group = consumer_group.unwrap_or_else(|| fresh_group("mq-bench-e2e"));
            let run = new_run(opts.stop, opts.warmup, &out)?;
            let report = e2e::run(&client, &opts, &group, run).await?;
            finish(g.output, &out, report)
        }
        BenchCommand::Rpc { load, broker, out } => {
            let opts = load.options(g);
            opts.validate()?;
            let run = new_run(opts.stop, opts.warmup, &out)?;
            let report = rpc::run(&client, &opts, broker.as_deref(), run).await?;
            finish(g.output, &out, report)
        }
    }
}

/// A group name no other run uses, so every run starts where --from says.
fn fresh_group(prefix: &str) -> String {
    format!("{prefix}-{:08x}", rand::random::<u32>())
}

fn check_span(span: &SpanArgs) -> CliResult {
    match span.stop() {
        Stop::Count(0) => Err(CliError::Usage("--count must be at least 1".into())),
        Stop::Duration(d) if d.is_zero() => {
            Err(CliError::Usage("--duration must be above 0".into()))
        }
        _ => Ok(()),
    }
}

fn new_run(stop: Stop, warmup: Duration, out: &ReportArgs) -> CliResult<std::sync::Arc<Run>> {
    let mut run = Run::new(stop, warmup, out.broker_pid)?;
    if out.quiet {
        std::sync::Arc::get_mut(&mut run)
            .expect("a new run is not shared yet")
            .show_progress = false;
    }
    Ok(run)
}

/// Writes the files asked for, then prints the summary (and, under a table, the chart).
fn finish(format: OutputFormat, out: &ReportArgs, report: Report) -> CliResult {
    let write = |path: &PathBuf, f: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut buf = Vec::new();
        f(&mut buf)
            .and_then(|_| std::fs::write(path, buf))
            .map_err(|e| CliError::Failed(format!("cannot write {}: {e}", path.display())))
    };
    if let Some(path) = &out.csv {
        write(path, &|b| report.write_csv(b))?;
    }
    if let Some(path) = &out.histogram {
        write(path, &|b| report.write_histogram(b))?;
    }
    render::emit(format, &report)?;
    if format == OutputFormat::Table {
        let chart = report.chart();
        if !chart.is_empty() {
            render::print_text(&format!("\n{chart}"))?;
        }
    }
    Ok(())
}
