//! What a run counts: messages, bytes, requests, errors by kind, and the
//! latency histogram (HdrHistogram, nanoseconds, 3 significant digits). Each
//! worker records into its own shard, so recording costs an uncontended lock
//! and a histogram increment; the run's clock drains every shard once a
//! second into an interval, and the intervals add up to the total.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use hdrhistogram::Histogram;
use serde::Serialize;

use crate::client::ClientError;
use crate::remoting::RemotingError;
use crate::remoting::code::response;

/// The longest latency told apart (an hour); longer ones count as this. A
/// request cannot wait longer than its timeout, but a message consumed from
/// the first offset may have waited that long in its queue.
const HIGHEST_NANOS: u64 = 3_600_000_000_000;

/// A latency histogram in nanoseconds.
pub fn new_histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, HIGHEST_NANOS, 3).expect("valid histogram bounds")
}

/// What workers recorded over some time.
#[derive(Clone)]
pub struct Tally {
    /// Messages that succeeded (sent and answered, or received).
    pub msgs: u64,
    /// Their body bytes.
    pub bytes: u64,
    /// Requests that succeeded (a batch is one).
    pub requests: u64,
    /// Failed requests by kind: the response code's name, or `timeout` and the like.
    pub errors: BTreeMap<String, u64>,
    pub latency: Histogram<u64>,
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            msgs: 0,
            bytes: 0,
            requests: 0,
            errors: BTreeMap::new(),
            latency: new_histogram(),
        }
    }
}

impl Tally {
    pub fn record(&mut self, msgs: u64, bytes: u64, latency: Duration) {
        self.msgs += msgs;
        self.bytes += bytes;
        self.requests += 1;
        self.latency.saturating_record(latency.as_nanos() as u64);
    }

    /// Messages without a latency to tell (received without a send time).
    pub fn record_unsampled(&mut self, msgs: u64, bytes: u64) {
        self.msgs += msgs;
        self.bytes += bytes;
        self.requests += 1;
    }

    pub fn record_error(&mut self, kind: String) {
        *self.errors.entry(kind).or_default() += 1;
    }

    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }

    /// Adds `other` in.
    pub fn absorb(&mut self, other: &Tally) {
        self.msgs += other.msgs;
        self.bytes += other.bytes;
        self.requests += other.requests;
        for (k, n) in &other.errors {
            *self.errors.entry(k.clone()).or_default() += n;
        }
        // Same bounds everywhere: addition cannot fail.
        let _ = self.latency.add(&other.latency);
    }

    fn reset(&mut self) {
        self.msgs = 0;
        self.bytes = 0;
        self.requests = 0;
        self.errors.clear();
        self.latency.reset();
    }
}

type Shard = Arc<Mutex<Tally>>;

/// The shards of one run.
#[derive(Default)]
pub struct Stats {
    shards: Mutex<Vec<Shard>>,
}

/// One worker's shard.
pub struct Recorder(Shard);

impl Recorder {
    /// Holds the shard for several records at once.
    pub fn lock(&self) -> MutexGuard<'_, Tally> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn record(&self, msgs: u64, bytes: u64, latency: Duration) {
        self.lock().record(msgs, bytes, latency);
    }

    pub fn record_error(&self, e: &ClientError) {
        self.lock().record_error(error_kind(e));
    }
}

impl Stats {
    /// A new shard for one worker.
    pub fn recorder(&self) -> Recorder {
        let shard = Shard::default();
        self.shards.lock().unwrap().push(shard.clone());
        Recorder(shard)
    }

    /// Runs `flip` with every shard held, then drains them: nothing recorded after `flip`
    /// (the warm-up's end) can be drained with what came before it.
    pub fn drain_after(&self, flip: impl FnOnce()) -> Tally {
        let shards: Vec<Shard> = self.shards.lock().unwrap().clone();
        let mut held: Vec<MutexGuard<'_, Tally>> = shards
            .iter()
            .map(|s| s.lock().unwrap_or_else(|e| e.into_inner()))
            .collect();
        flip();
        let mut sum = Tally::default();
        for s in &mut held {
            sum.absorb(s);
            s.reset();
        }
        sum
    }

    /// Everything recorded since the last drain, the shards left empty.
    pub fn drain(&self) -> Tally {
        let shards: Vec<Shard> = self.shards.lock().unwrap().clone();
        let mut sum = Tally::default();
        for shard in shards {
            let mut s = shard.lock().unwrap_or_else(|e| e.into_inner());
            sum.absorb(&s);
            s.reset();
        }
        sum
    }
}

/// How an error is counted: the broker's response code by RocketMQ name, else what went
/// wrong on the way.
pub fn error_kind(e: &ClientError) -> String {
    if let Some(code) = e.response_code() {
        return code_kind(code);
    }
    match e {
        ClientError::Remoting(r) => remoting_kind(r).into(),
        ClientError::SendFailed { last, .. } => error_kind(last),
        ClientError::TopicNotFound(_) => "TOPIC_NOT_EXIST".into(),
        ClientError::Shutdown => "shutdown".into(),
        _ => "client".into(),
    }
}

/// A response code's name and number, e.g. `SYSTEM_BUSY (2)`.
pub fn code_kind(code: i32) -> String {
    format!("{} ({code})", response::name(code).unwrap_or("UNKNOWN"))
}

pub fn remoting_kind(e: &RemotingError) -> &'static str {
    match e {
        RemotingError::Timeout { .. } => "timeout",
        RemotingError::ConnectionClosed(_) => "connection closed",
        RemotingError::Connect { .. } => "connect",
        RemotingError::Io(_) => "io",
        _ => "protocol",
    }
}

/// Latency percentiles in microseconds.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Percentiles {
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    #[serde(rename = "p999")]
    pub p99_9: f64,
    #[serde(rename = "p9999")]
    pub p99_99: f64,
    pub max: f64,
    pub mean: f64,
    /// Samples behind the figures.
    pub samples: u64,
}

impl Percentiles {
    pub fn of(h: &Histogram<u64>) -> Percentiles {
        if h.is_empty() {
            return Percentiles::default();
        }
        let us = |ns: u64| ns as f64 / 1000.0;
        Percentiles {
            p50: us(h.value_at_quantile(0.50)),
            p90: us(h.value_at_quantile(0.90)),
            p99: us(h.value_at_quantile(0.99)),
            p99_9: us(h.value_at_quantile(0.999)),
            p99_99: us(h.value_at_quantile(0.9999)),
            max: us(h.max()),
            mean: h.mean() / 1000.0,
            samples: h.len(),
        }
    }

    /// (label, microseconds) pairs in order, for tables and the chart.
    pub fn labelled(&self) -> [(&'static str, f64); 6] {
        [
            ("p50", self.p50),
            ("p90", self.p90),
            ("p99", self.p99),
            ("p99.9", self.p99_9),
            ("p99.99", self.p99_99),
            ("max", self.max),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_drain_into_one_tally_and_start_again() {
        let stats = Stats::default();
        let (a, b) = (stats.recorder(), stats.recorder());
        a.record(32, 4096, Duration::from_micros(100));
        b.record(1, 128, Duration::from_micros(300));
        b.lock().record_error(code_kind(response::SYSTEM_BUSY));
        let t = stats.drain();
        assert_eq!((t.msgs, t.bytes, t.requests), (33, 4224, 2));
        assert_eq!(t.errors["SYSTEM_BUSY (2)"], 1);
        let p = Percentiles::of(&t.latency);
        assert!(
            (p.p50 - 100.0).abs() < 0.2 && (p.max - 300.0).abs() < 0.5,
            "{p:?}"
        );
        let again = stats.drain();
        assert_eq!(
            (again.msgs, again.error_count(), again.latency.len()),
            (0, 0, 0)
        );
    }

    #[test]
    fn errors_are_counted_by_response_code_or_by_what_failed() {
        let busy = ClientError::Response {
            action: "send",
            code: response::SYSTEM_BUSY,
            detail: String::new(),
        };
        assert_eq!(error_kind(&busy), "SYSTEM_BUSY (2)");
        let failed = ClientError::SendFailed {
            topic: "T".into(),
            attempts: 1,
            last: Box::new(ClientError::Remoting(RemotingError::Timeout {
                addr: "a".into(),
                millis: 1,
            })),
        };
        assert_eq!(error_kind(&failed), "timeout");
        assert_eq!(code_kind(9999), "UNKNOWN (9999)");
    }
}
