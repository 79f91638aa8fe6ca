//! The clock of a run: the warm-up (recorded, then thrown away), the
//! measured time, the end (a duration, or a message count shared by every
//! worker as a budget), one progress line a second (an indicatif bar on a
//! terminal, plain lines otherwise, on stderr), the per-second series, and
//! the CPU and broker samples taken where the measured time starts and ends.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

use tokio::time::Instant;

use serde::Serialize;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::meter::{self, BrokerFigures};
use super::options::Stop;
use super::stats::{Percentiles, Recorder, Stats, Tally};
use super::{BenchError, BenchResult};

/// One second of a run, for the progress line and `--csv`.
#[derive(Clone, Debug, Serialize)]
pub struct IntervalRow {
    /// Seconds since the measured time began (negative in the warm-up).
    pub second: i64,
    pub msgs: u64,
    pub msgs_per_sec: f64,
    pub mb_per_sec: f64,
    pub errors: u64,
    pub p50_us: f64,
    pub p99_us: f64,
    pub max_us: f64,
}

/// What a run measured.
pub struct Measured {
    pub total: Tally,
    pub elapsed: Duration,
    pub client_cpu: Duration,
    pub broker: Option<BrokerFigures>,
    pub series: Vec<IntervalRow>,
}

/// Leave to send (or count) some messages, taken before the warm-up ended or after.
#[derive(Clone, Copy, Debug)]
pub struct Ticket {
    measured: bool,
}

impl Ticket {
    /// Whether its outcome belongs in the run's figures: not when it was taken in the
    /// warm-up and finishes after it (the warm-up's figures are already gone).
    pub fn counts(self, run: &Run) -> bool {
        self.measured || !run.is_measuring()
    }
}

/// Shared by a run's workers and its clock.
pub struct Run {
    stats: Stats,
    stop: CancellationToken,
    /// `stop` cancelled, readable without the token's lock: workers ask for every message.
    stopped: AtomicBool,
    measuring: AtomicBool,
    /// Messages left to measure, for `Stop::Count`.
    budget: Option<AtomicI64>,
    until: Stop,
    warmup: Duration,
    broker_pid: Option<u32>,
    /// Progress lines on stderr.
    pub show_progress: bool,
}

impl Run {
    /// A run that stops as `until` says after `warmup`, sampling the broker
    /// process `broker_pid` (which must exist) when given.
    pub fn new(until: Stop, warmup: Duration, broker_pid: Option<u32>) -> BenchResult<Arc<Run>> {
        if let Some(pid) = broker_pid
            && let Err(e) = meter::sample(pid)
        {
            return Err(BenchError::Usage(format!(
                "--broker-pid {pid}: cannot read the process ({e})"
            )));
        }
        Ok(Arc::new(Run {
            stats: Stats::default(),
            stop: CancellationToken::new(),
            stopped: AtomicBool::new(false),
            measuring: AtomicBool::new(warmup.is_zero()),
            budget: match until {
                Stop::Count(n) => Some(AtomicI64::new(n as i64)),
                Stop::Duration(_) => None,
            },
            until,
            warmup,
            broker_pid,
            show_progress: true,
        }))
    }

    /// A run without progress lines, warm-up or broker samples: the clock of
    /// a workload's helpers (e2e's senders).
    pub fn silent(until: Stop) -> Arc<Run> {
        Arc::new(Run {
            stats: Stats::default(),
            stop: CancellationToken::new(),
            stopped: AtomicBool::new(false),
            measuring: AtomicBool::new(true),
            budget: None,
            until,
            warmup: Duration::ZERO,
            broker_pid: None,
            show_progress: false,
        })
    }

    /// A recorder for one worker.
    pub fn recorder(&self) -> Recorder {
        self.stats.recorder()
    }

    pub fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::Acquire)
    }

    /// Resolves when the run is over.
    pub async fn stopped(&self) {
        self.stop.cancelled().await
    }

    /// Ends the run now (e.g. on a fatal error).
    pub fn stop(&self) {
        self.end();
    }

    fn end(&self) {
        self.stopped.store(true, Ordering::Release);
        self.stop.cancel();
    }

    /// Claims `n` messages of the run before sending or counting them: `None`
    /// once the run is over, or its count is used up (which ends it).
    pub fn take(&self, n: u64) -> Option<Ticket> {
        if self.is_stopped() {
            return None;
        }
        let measured = self.measuring.load(Ordering::Acquire);
        if let (Some(budget), true) = (&self.budget, measured) {
            let left = budget.fetch_sub(n as i64, Ordering::AcqRel);
            if left <= 0 {
                budget.fetch_add(n as i64, Ordering::AcqRel);
                return None;
            }
            if left <= n as i64 {
                // The last of the count is claimed: the run is over once its answer is in.
                self.end();
            }
        }
        Some(Ticket { measured })
    }

    /// Whether the warm-up is over.
    pub fn is_measuring(&self) -> bool {
        self.measuring.load(Ordering::Relaxed)
    }

    /// Runs the clock until `workers` have all ended or the time is up (then
    /// the workers are stopped and awaited), and returns what was measured.
    pub async fn drive(self: &Arc<Run>, label: &str, mut workers: JoinSet<()>) -> Measured {
        let progress = Progress::new(self, label);
        let started = Instant::now();
        let mut measure_start = started;
        let mut cpu_start = meter::client_cpu();
        let mut broker_start = self.broker_pid.and_then(|p| meter::sample(p).ok());
        let mut total = Tally::default();
        let mut series = Vec::new();
        let mut tick = tokio::time::interval_at(
            tokio::time::Instant::now() + Duration::from_secs(1),
            Duration::from_secs(1),
        );
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last_tick = started;
        let mut workers_done = false;
        loop {
            let a_worker_ended = tokio::select! {
                _ = tick.tick() => false,
                _ = workers.join_next(), if !workers.is_empty() => true,
            };
            if a_worker_ended && !workers.is_empty() {
                continue;
            }
            workers_done = workers_done || workers.is_empty();
            let now = Instant::now();
            let interval = self.stats.drain();
            let span = now.duration_since(last_tick);
            last_tick = now;
            if !self.is_measuring() {
                let second = -(self.warmup.as_secs_f64()
                    - now.duration_since(started).as_secs_f64())
                .ceil() as i64;
                progress.line(&row(second, &interval, span), true);
                if now.duration_since(started) >= self.warmup {
                    // What warm-up requests recorded since the drain above goes. The switch
                    // happens with every shard held: a message claimed after it is recorded
                    // only after this drain, and a warm-up one finishing later is not counted
                    // (a recorder checks its ticket under the shard's lock).
                    self.stats
                        .drain_after(|| self.measuring.store(true, Ordering::Release));
                    measure_start = now;
                    cpu_start = meter::client_cpu();
                    broker_start = self.broker_pid.and_then(|p| meter::sample(p).ok());
                }
                if workers_done {
                    break;
                }
                continue;
            }
            let measured = now.duration_since(measure_start);
            total.absorb(&interval);
            if span >= Duration::from_millis(100) || interval.msgs > 0 {
                let r = row(measured.as_secs_f64().round() as i64, &interval, span);
                progress.line(&r, false);
                progress.advance(&self.until, measured, total.msgs);
                series.push(r);
            }
            let time_up = matches!(self.until, Stop::Duration(d) if measured >= d);
            if workers_done {
                break;
            }
            if time_up || self.is_stopped() {
                self.end();
                while workers.join_next().await.is_some() {}
                // Answers that came in while the workers stopped.
                total.absorb(&self.stats.drain());
                break;
            }
        }
        let end = Instant::now();
        let elapsed = match self.until {
            Stop::Duration(d) => end
                .duration_since(measure_start)
                .min(d.max(Duration::from_millis(1))),
            Stop::Count(_) => end.duration_since(measure_start),
        }
        .max(Duration::from_millis(1));
        let client_cpu = meter::client_cpu().saturating_sub(cpu_start);
        let broker = match (self.broker_pid, broker_start) {
            (Some(pid), Some(start)) => meter::sample(pid)
                .ok()
                .map(|end| BrokerFigures::between(pid, &start, &end, total.msgs, elapsed)),
            _ => None,
        };
        progress.finish();
        Measured {
            total,
            elapsed,
            client_cpu,
            broker,
            series,
        }
    }
}

fn row(second: i64, t: &Tally, span: Duration) -> IntervalRow {
    let secs = span.as_secs_f64().max(1e-3);
    let p = Percentiles::of(&t.latency);
    IntervalRow {
        second,
        msgs: t.msgs,
        msgs_per_sec: t.msgs as f64 / secs,
        mb_per_sec: t.bytes as f64 / secs / 1e6,
        errors: t.error_count(),
        p50_us: p.p50,
        p99_us: p.p99,
        max_us: p.max,
    }
}

/// The progress line: an indicatif bar with the lines above it on a
/// terminal, plain lines otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    label: String,
    enabled: bool,
}

impl Progress {
    fn new(run: &Run, label: &str) -> Progress {
        let enabled = run.show_progress;
        let bar = (enabled && std::io::stderr().is_terminal()).then(|| {
            let (len, template) = match run.until {
                Stop::Duration(d) => (
                    d.as_secs().max(1),
                    "{spinner} {prefix} [{bar:30}] {pos}/{len} s",
                ),
                Stop::Count(n) => (n, "{spinner} {prefix} [{bar:30}] {pos}/{len} msgs"),
            };
            let bar = indicatif::ProgressBar::new(len);
            bar.set_style(
                indicatif::ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.set_prefix(label.to_string());
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            label: label.to_string(),
            enabled,
        }
    }

    fn line(&self, r: &IntervalRow, warmup: bool) {
        if !self.enabled {
            return;
        }
        let text = format!(
            "{}{:>4}s {:>10.0} msgs/s {:>8.2} MB/s  p50 {:>9.1} µs  p99 {:>9.1} µs  max {:>9.1} µs  errors {}",
            if warmup { "warmup " } else { "" },
            r.second,
            r.msgs_per_sec,
            r.mb_per_sec,
            r.p50_us,
            r.p99_us,
            r.max_us,
            r.errors
        );
        match &self.bar {
            Some(bar) => bar.println(text),
            None => eprintln!("{} {text}", self.label),
        }
    }

    fn advance(&self, until: &Stop, measured: Duration, msgs: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(match until {
                Stop::Duration(_) => measured.as_secs(),
                Stop::Count(_) => msgs,
            });
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_is_a_budget_shared_by_the_workers() {
        let run = Run::new(Stop::Count(5), Duration::ZERO, None).unwrap();
        assert!(run.take(2).is_some());
        assert!(run.take(2).is_some());
        assert!(!run.is_stopped());
        assert!(run.take(1).is_some_and(|t| t.counts(&run)));
        assert!(run.is_stopped(), "the last message claimed ends the run");
        assert!(run.take(1).is_none(), "the count is used up");
        let open = Run::new(Stop::Duration(Duration::from_secs(1)), Duration::ZERO, None).unwrap();
        assert!(open.take(1_000_000).is_some());
        open.stop();
        assert!(open.take(1).is_none());
    }

    #[test]
    fn the_warm_up_does_not_use_the_count() {
        let run = Run::new(Stop::Count(1), Duration::from_secs(60), None).unwrap();
        assert!(!run.is_measuring());
        let ticket = run.take(100).unwrap();
        assert!(run.take(100).is_some());
        assert!(ticket.counts(&run));
        run.measuring.store(true, Ordering::Release);
        assert!(!ticket.counts(&run), "taken in the warm-up, done after it");
    }

    #[test]
    fn a_broker_pid_that_is_not_there_is_a_usage_error() {
        let e = Run::new(Stop::Count(1), Duration::ZERO, Some(u32::MAX)).err();
        assert!(matches!(e, Some(BenchError::Usage(_))));
    }

    #[tokio::test]
    async fn the_clock_counts_what_workers_record_until_they_end() {
        let run = Run::new(Stop::Count(10), Duration::ZERO, None).unwrap();
        let mut workers = JoinSet::new();
        for _ in 0..3 {
            let run = run.clone();
            workers.spawn(async move {
                let rec = run.recorder();
                while run.take(1).is_some() {
                    rec.record(1, 10, Duration::from_micros(5));
                    tokio::task::yield_now().await;
                }
            });
        }
        let m = run.drive("test", workers).await;
        assert_eq!(m.total.msgs, 10);
        assert_eq!(m.total.bytes, 100);
    }
}
