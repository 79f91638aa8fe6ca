//! What a run prints: the summary (a FIGURE/VALUE table, or `-o json|yaml`),
//! a small latency chart under the table, the per-second series as CSV
//! (`--csv`), and the latency histogram in HdrHistogram's
//! percentile-distribution text format (`--histogram`), which HdrHistogram's
//! plotter and tools read.

use std::collections::BTreeMap;
use std::io::{self, Write};

use hdrhistogram::Histogram;
use serde::Serialize;

use super::meter::{self, BrokerFigures};
use super::run::{IntervalRow, Measured};
use super::stats::Percentiles;
use crate::render::{Render, new_table};

/// The summary of one run.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// produce, consume, e2e or rpc.
    pub workload: String,
    /// sync, async, oneway (produce, rpc, e2e's sends); push or pull (consume).
    pub mode: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Body bytes per message (as sent; for consume, the mean received).
    pub size: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connections: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threads: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch: Option<usize>,
    /// Measured seconds (the warm-up excluded).
    pub elapsed_secs: f64,
    /// Messages that succeeded: answered (sync, async), written (oneway), received (consume, e2e).
    pub msgs: u64,
    /// Requests that succeeded (a batch is one); for consume, messages.
    pub requests: u64,
    pub msgs_per_sec: f64,
    /// Body megabytes (10^6 bytes) a second.
    pub mb_per_sec: f64,
    /// Failed requests.
    pub errors: u64,
    /// Failed requests by response code (RocketMQ's name and number) or by what failed.
    pub errors_by_kind: BTreeMap<String, u64>,
    /// What the latency is of: `request` (send to answer), `write` (oneway: until the request
    /// is handed to the connection) or `end-to-end` (send time to receipt).
    pub latency_of: String,
    pub latency_us: Percentiles,
    /// This process's CPU time per message, µs.
    pub client_cpu_us_per_msg: f64,
    /// This process's CPU use, in cores.
    pub client_cores: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub broker: Option<BrokerFigures>,
    /// e2e: messages sent (at the rate asked for).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent: Option<u64>,
    /// Wall-clock seconds a run spent in its warm-up, not measured.
    pub warmup_secs: f64,
    #[serde(skip)]
    pub histogram: Histogram<u64>,
    #[serde(skip)]
    pub series: Vec<IntervalRow>,
}

impl Report {
    /// The figures of `m`, for `workload` in `mode`.
    pub fn new(workload: &str, mode: &str, m: Measured) -> Report {
        let secs = m.elapsed.as_secs_f64();
        let t = &m.total;
        Report {
            workload: workload.into(),
            mode: mode.into(),
            topic: None,
            size: t.bytes.checked_div(t.msgs).unwrap_or(0),
            connections: None,
            threads: None,
            batch: None,
            elapsed_secs: secs,
            msgs: t.msgs,
            requests: t.requests,
            msgs_per_sec: t.msgs as f64 / secs,
            mb_per_sec: t.bytes as f64 / secs / 1e6,
            errors: t.error_count(),
            errors_by_kind: t.errors.clone(),
            latency_of: "request".into(),
            latency_us: Percentiles::of(&t.latency),
            client_cpu_us_per_msg: meter::per_msg_us(m.client_cpu, t.msgs),
            client_cores: m.client_cpu.as_secs_f64() / secs,
            broker: m.broker,
            sent: None,
            warmup_secs: 0.0,
            histogram: m.total.latency,
            series: m.series,
        }
    }

    /// Fills in the load's settings.
    pub fn describe_load(&mut self, opts: &super::options::LoadOptions) {
        self.topic = Some(opts.topic.clone());
        self.size = opts.size as u64;
        self.connections = Some(opts.connections);
        self.threads = Some(opts.threads);
        self.batch = Some(opts.batch);
        self.warmup_secs = opts.warmup.as_secs_f64();
    }

    fn describe(&self) -> String {
        let mut s = format!("{} {}", self.workload, self.mode);
        if let Some(t) = &self.topic {
            s += &format!(", topic {t}");
        }
        if self.size > 0 {
            s += &format!(", {} B", self.size);
        }
        if let Some(c) = self.connections {
            s += &format!(", {c} connection{}", if c == 1 { "" } else { "s" });
        }
        if let Some(t) = self.threads {
            s += &format!(", {t} thread{}", if t == 1 { "" } else { "s" });
        }
        if let Some(b) = self.batch.filter(|b| *b > 1) {
            s += &format!(", batch {b}");
        }
        s
    }

    /// Writes the per-second series as CSV.
    pub fn write_csv(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(
            out,
            "second,msgs,msgs_per_sec,mb_per_sec,errors,p50_us,p99_us,max_us"
        )?;
        for r in &self.series {
            writeln!(
                out,
                "{},{},{:.1},{:.3},{},{:.1},{:.1},{:.1}",
                r.second,
                r.msgs,
                r.msgs_per_sec,
                r.mb_per_sec,
                r.errors,
                r.p50_us,
                r.p99_us,
                r.max_us
            )?;
        }
        Ok(())
    }

    /// Writes the latency histogram in milliseconds, in HdrHistogram's percentile
    /// distribution format (five ticks per half distance, as its Java tools write it).
    pub fn write_histogram(&self, out: &mut impl Write) -> io::Result<()> {
        write_percentile_distribution(&self.histogram, 1e6, out)
    }

    /// The latency chart printed under the table: one bar per percentile, log scale.
    pub fn chart(&self) -> String {
        latency_chart(&self.latency_us, 40)
    }
}

impl Render for Report {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["FIGURE", "VALUE"]);
        let mut row = |k: &str, v: String| {
            t.add_row(vec![k.to_string(), v]);
        };
        row("workload", self.describe());
        row(
            "messages",
            format!("{} in {:.2} s", self.msgs, self.elapsed_secs),
        );
        if let Some(sent) = self.sent {
            row("sent", sent.to_string());
        }
        row("msgs/s", format!("{:.0}", self.msgs_per_sec));
        row("MB/s", format!("{:.2}", self.mb_per_sec));
        row("errors", self.errors.to_string());
        for (kind, n) in &self.errors_by_kind {
            row(&format!("  {kind}"), n.to_string());
        }
        for (label, us) in self.latency_us.labelled() {
            row(
                &format!("{} latency {label}", self.latency_of),
                format_us(us),
            );
        }
        row(
            "client CPU",
            format!(
                "{:.2} µs/msg ({:.2} cores)",
                self.client_cpu_us_per_msg, self.client_cores
            ),
        );
        if let Some(b) = &self.broker {
            row(
                "broker CPU",
                format!("{:.2} µs/msg ({:.2} cores)", b.cpu_us_per_msg, b.cores),
            );
            row(
                "broker RSS",
                format!("{:.1} MiB (peak {:.1} MiB)", b.rss_mib, b.peak_rss_mib),
            );
        }
        t
    }
}

/// Microseconds for people: µs below 10 ms, else ms.
pub fn format_us(us: f64) -> String {
    if us >= 10_000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.1} µs")
    }
}

/// Bars of `width` cells at most, their length on a log scale from the
/// smallest figure to the largest, so that p50 and max both stay readable.
fn latency_chart(p: &Percentiles, width: usize) -> String {
    if p.samples == 0 {
        return String::new();
    }
    let figures = p.labelled();
    let lo = figures
        .iter()
        .map(|f| f.1)
        .fold(f64::MAX, f64::min)
        .max(0.001);
    let hi = figures.iter().map(|f| f.1).fold(0.0, f64::max).max(lo);
    let span = (hi / lo).ln();
    let mut s = String::new();
    for (label, us) in figures {
        let frac = if span > 0.0 {
            (us.max(lo) / lo).ln() / span
        } else {
            1.0
        };
        let cells = 1 + (frac * (width - 1) as f64).round() as usize;
        s += &format!("{label:>7} {:>10}  {}\n", format_us(us), "█".repeat(cells));
    }
    s
}

/// HdrHistogram's `outputPercentileDistribution` text: values divided by
/// `unit_ratio` (1e6 turns nanoseconds into milliseconds).
pub fn write_percentile_distribution(
    h: &Histogram<u64>,
    unit_ratio: f64,
    out: &mut impl Write,
) -> io::Result<()> {
    let digits = h.sigfig() as usize;
    writeln!(
        out,
        "{:>12} {:>14} {:>10} {:>14}\n",
        "Value", "Percentile", "TotalCount", "1/(1-Percentile)"
    )?;
    let mut total = 0u64;
    if !h.is_empty() {
        for v in h.iter_quantiles(5) {
            total += v.count_since_last_iteration();
            let value = v.value_iterated_to() as f64 / unit_ratio;
            let q = v.quantile_iterated_to();
            if q < 1.0 {
                writeln!(
                    out,
                    "{value:>12.digits$} {q:2.12} {total:>10} {:>14.2}",
                    1.0 / (1.0 - q)
                )?;
            } else {
                writeln!(out, "{value:>12.digits$} {q:2.12} {total:>10}")?;
            }
        }
    }
    let (mean, stdev, max) = if h.is_empty() {
        (0.0, 0.0, 0.0)
    } else {
        (
            h.mean() / unit_ratio,
            h.stdev() / unit_ratio,
            h.max() as f64 / unit_ratio,
        )
    };
    writeln!(
        out,
        "#[Mean    = {mean:>12.digits$}, StdDeviation   = {stdev:>12.digits$}]"
    )?;
    writeln!(
        out,
        "#[Max     = {max:>12.digits$}, Total count    = {:>12}]",
        h.len()
    )?;
    // Java's sub-bucket count: the power of two that holds 2 * 10^digits.
    let sub_buckets = (2 * 10u64.pow(digits as u32)).next_power_of_two();
    writeln!(
        out,
        "#[Buckets = {:>12}, SubBuckets     = {:>12}]",
        h.buckets(),
        sub_buckets
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::stats::new_histogram;

    #[test]
    fn the_histogram_file_is_in_hdrhistograms_format() {
        let mut h = new_histogram();
        for us in 1..=1000u64 {
            h.record(us * 1000).unwrap();
        }
        let mut out = Vec::new();
        write_percentile_distribution(&h, 1e6, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "       Value     Percentile TotalCount 1/(1-Percentile)"
        );
        assert_eq!(lines[1], "");
        assert!(
            lines[2].starts_with("       0.001 0.000000000000"),
            "{}",
            lines[2]
        );
        // The last value line reaches the 100th percentile and counts everything.
        let last = lines.iter().rev().find(|l| !l.starts_with('#')).unwrap();
        assert!(last.contains(" 1.000000000000       1000"), "{last}");
        assert_eq!(last.split_whitespace().count(), 3);
        assert!(text.contains("#[Max     =        1.000, Total count    =         1000]"));
        assert!(text.contains("SubBuckets     =         2048]"));
    }

    #[test]
    fn the_chart_has_a_bar_per_percentile_growing_with_latency() {
        let p = Percentiles {
            p50: 50.0,
            p90: 80.0,
            p99: 250.0,
            p99_9: 900.0,
            p99_99: 2000.0,
            max: 15000.0,
            mean: 60.0,
            samples: 100,
        };
        let chart = latency_chart(&p, 40);
        let bars: Vec<usize> = chart
            .lines()
            .map(|l| l.chars().filter(|c| *c == '█').count())
            .collect();
        assert_eq!(bars.len(), 6);
        assert_eq!((bars[0], bars[5]), (1, 40));
        assert!(bars.windows(2).all(|w| w[0] <= w[1]), "{bars:?}");
        assert!(chart.contains("15.00 ms"));
        assert_eq!(latency_chart(&Percentiles::default(), 40), "");
    }
}
