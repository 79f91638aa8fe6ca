//! What a load looks like: connections, concurrency, send mode, batches,
//! rate, how long, message size and bodies; checked once before a run so a
//! bad combination is one clear line, not a failure in the middle.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;

use super::{BenchError, BenchResult};
use crate::client::message::MAX_MESSAGE_SIZE;

/// How each thread sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum SendMode {
    /// Wait for each answer before the next send
    Sync,
    /// Keep up to --window sends in flight per thread
    Async,
    /// Do not wait for answers
    Oneway,
}

/// Bodies: random bytes (a pool of distinct bodies, cycled) or one fixed body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum BodyKind {
    Random,
    Fixed,
}

/// When a run ends (after its warm-up).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    Duration(Duration),
    /// This many messages measured.
    Count(u64),
}

/// The load a producing workload (`produce`, `rpc`, the sending half of `e2e`) puts on.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub topic: String,
    /// Body bytes per message.
    pub size: usize,
    /// TCP connections to each broker: one client instance each.
    pub connections: usize,
    /// Concurrent senders, spread over the connections round robin.
    pub threads: usize,
    pub mode: SendMode,
    /// Messages per request (SEND_BATCH_MESSAGE when above 1).
    pub batch: usize,
    /// Async sends in flight per thread.
    pub window: usize,
    /// Messages per second over all threads; as fast as possible when `None`.
    pub rate: Option<u64>,
    pub stop: Stop,
    /// Run this long before measuring.
    pub warmup: Duration,
    pub tag: Option<String>,
    /// Give every message a unique key (the broker indexes it).
    pub keys: bool,
    pub body: BodyKind,
    /// Time allowed for each request.
    pub timeout: Duration,
    pub producer_group: String,
}

impl LoadOptions {
    /// Defaults for `topic`: one connection and thread, sync, 128 B, 10 s.
    pub fn new(topic: impl Into<String>) -> Self {
        LoadOptions {
            topic: topic.into(),
            size: 128,
            connections: 1,
            threads: 1,
            mode: SendMode::Sync,
            batch: 1,
            window: 64,
            rate: None,
            stop: Stop::Duration(Duration::from_secs(10)),
            warmup: Duration::ZERO,
            tag: None,
            keys: false,
            body: BodyKind::Random,
            timeout: Duration::from_secs(3),
            producer_group: "mq-bench-producer".into(),
        }
    }

    /// Refuses what cannot run, naming the flag.
    pub fn validate(&self) -> BenchResult<()> {
        let usage = |s: String| Err(BenchError::Usage(s));
        if self.connections == 0 {
            return usage("--connections must be at least 1".into());
        }
        if self.threads == 0 {
            return usage("--threads must be at least 1".into());
        }
        if self.threads < self.connections {
            return usage(format!(
                "--threads {} is fewer than --connections {}: every connection needs a thread",
                self.threads, self.connections
            ));
        }
        if self.size == 0 {
            return usage("--size must be at least 1 byte".into());
        }
        if self.size > MAX_MESSAGE_SIZE {
            return usage(format!(
                "--size {} is above maxMessageSize ({MAX_MESSAGE_SIZE} bytes)",
                self.size
            ));
        }
        if self.batch == 0 || self.window == 0 {
            return usage("--batch and --window must be at least 1".into());
        }
        // A batch entry carries its framing and properties (about 90 bytes) besides the body.
        let batch_bytes = self.batch * (self.size + 96);
        if self.batch > 1 && batch_bytes > MAX_MESSAGE_SIZE {
            return usage(format!(
                "--batch {} of --size {} makes about {batch_bytes} bytes a request, above \
                 maxMessageSize ({MAX_MESSAGE_SIZE} bytes)",
                self.batch, self.size
            ));
        }
        if self.rate == Some(0) {
            return usage("--rate must be at least 1 message a second".into());
        }
        match self.stop {
            Stop::Count(0) => usage("--count must be at least 1".into()),
            Stop::Duration(d) if d.is_zero() => usage("--duration must be above 0".into()),
            _ => Ok(()),
        }
    }

    /// Messages each request carries.
    pub fn per_request(&self) -> u64 {
        self.batch as u64
    }

    /// The time between two requests of one thread at `--rate`.
    pub fn request_interval(&self) -> Option<Duration> {
        self.rate.map(|rate| {
            let per_thread = rate as f64 / self.threads as f64 / self.batch as f64;
            Duration::from_secs_f64(1.0 / per_thread.max(1e-9))
        })
    }
}

/// The bodies a run sends: cheap to clone (`Bytes`), taken round robin.
pub struct Bodies {
    pool: Vec<Bytes>,
    next: AtomicUsize,
}

/// Distinct random bodies in the pool: enough that the broker cannot profit
/// from repetition, few enough to stay in the CPU caches of the client.
const RANDOM_POOL: usize = 64;

impl Bodies {
    pub fn new(kind: BodyKind, size: usize) -> Bodies {
        let pool = match kind {
            BodyKind::Fixed => vec![Bytes::from(vec![b'm'; size])],
            BodyKind::Random => (0..RANDOM_POOL)
                .map(|_| {
                    let mut b = Vec::with_capacity(size + 8);
                    while b.len() < size {
                        b.extend_from_slice(&rand::random::<u64>().to_le_bytes());
                    }
                    b.truncate(size);
                    Bytes::from(b)
                })
                .collect(),
        };
        Bodies {
            pool,
            next: AtomicUsize::new(0),
        }
    }

    pub fn next(&self) -> Bytes {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        self.pool[i % self.pool.len()].clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_loads_name_their_flag() {
        let ok = LoadOptions::new("T");
        assert!(ok.validate().is_ok());
        let line = |f: &dyn Fn(&mut LoadOptions)| {
            let mut o = LoadOptions::new("T");
            f(&mut o);
            o.validate().unwrap_err().to_string()
        };
        assert!(line(&|o| o.connections = 0).contains("--connections"));
        assert!(line(&|o| o.threads = 0).contains("--threads"));
        assert!(line(&|o| o.size = MAX_MESSAGE_SIZE + 1).contains("maxMessageSize"));
        assert!(
            line(&|o| {
                o.size = 1 << 20;
                o.batch = 8
            })
            .contains("--batch")
        );
        assert!(line(&|o| o.rate = Some(0)).contains("--rate"));
        assert!(line(&|o| o.stop = Stop::Count(0)).contains("--count"));
        assert!(
            line(&|o| {
                o.connections = 4;
                o.threads = 2
            })
            .contains("fewer than")
        );
    }

    #[test]
    fn bodies_have_the_size_and_random_ones_differ() {
        let fixed = Bodies::new(BodyKind::Fixed, 100);
        assert_eq!(fixed.next(), fixed.next());
        assert_eq!(fixed.next().len(), 100);
        let random = Bodies::new(BodyKind::Random, 13);
        let (a, b) = (random.next(), random.next());
        assert_eq!((a.len(), b.len()), (13, 13));
        assert_ne!(a, b);
    }
}
