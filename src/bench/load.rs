//! The sending engine shared by `produce`, `rpc` and the sending half of
//! `e2e`: `threads` workers spread over the connections, each sending sync
//! (one request at a time), async (up to `window` in flight) or oneway, as
//! fast as it can or paced to `--rate`. A paced request's latency counts
//! from when it was due, not when it went out, so a server that falls
//! behind shows in the latency instead of hiding in a slower send rate
//! (coordinated omission).

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use tokio::task::JoinSet;
use tokio::time::Instant;

use super::options::{LoadOptions, SendMode};
use super::run::{Run, Ticket};
use super::stats::{Recorder, error_kind};
use crate::client::ClientError;

/// One connection's way of sending a request of `batch` messages.
pub trait Sender: Clone + Send + Sync + 'static {
    /// Sends request number `seq` and waits for its answer.
    fn request(&self, seq: u64) -> impl Future<Output = Result<(), ClientError>> + Send + 'static;
    /// Sends request number `seq` without an answer.
    fn oneway(&self, seq: u64) -> impl Future<Output = Result<(), ClientError>> + Send + 'static;
}

/// Starts the workers on `senders` (one per connection).
pub fn spawn_workers<S: Sender>(run: &Arc<Run>, opts: &LoadOptions, senders: &[S]) -> JoinSet<()> {
    let mut set = JoinSet::new();
    let per_request = opts.per_request();
    let bytes = per_request * opts.size as u64;
    let interval = opts.request_interval();
    for i in 0..opts.threads {
        let sender = senders[i % senders.len()].clone();
        let run = run.clone();
        // Paced threads start spread over one interval, not all at once.
        let first = Instant::now()
            + interval.map_or(Duration::ZERO, |iv| {
                iv.mul_f64(i as f64 / opts.threads as f64)
            });
        let pace = Pace {
            interval,
            next: first,
        };
        let w = Worker {
            sender,
            rec: run.recorder(),
            run,
            per_request,
            bytes,
            pace,
            // Sequence numbers unique over the run: thread index in the top bits.
            seq: (i as u64) << 40,
        };
        match opts.mode {
            SendMode::Sync => set.spawn(w.sync()),
            SendMode::Async => set.spawn(w.windowed(opts.window)),
            SendMode::Oneway => set.spawn(w.oneway()),
        };
    }
    set
}

/// When the next request of a paced thread is due.
struct Pace {
    interval: Option<Duration>,
    next: Instant,
}

impl Pace {
    fn due(&self) -> Option<Instant> {
        self.interval.map(|_| self.next)
    }

    /// The start a request is measured from: when it was due, or now when unpaced.
    fn claim(&mut self) -> Instant {
        match self.interval {
            None => Instant::now(),
            Some(iv) => {
                let at = self.next;
                self.next += iv;
                at
            }
        }
    }
}

struct Worker<S> {
    sender: S,
    run: Arc<Run>,
    rec: Recorder,
    per_request: u64,
    bytes: u64,
    pace: Pace,
    seq: u64,
}

impl<S: Sender> Worker<S> {
    fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// Waits until the next paced request is due; false if the run ended meanwhile.
    async fn wait_due(&self) -> bool {
        match self.pace.due() {
            Some(at) if at > Instant::now() => tokio::select! {
                _ = tokio::time::sleep_until(at) => true,
                _ = self.run.stopped() => false,
            },
            _ => true,
        }
    }

    fn record(&self, ticket: Ticket, started: Instant, r: Result<(), ClientError>) {
        let latency = started.elapsed();
        let mut tally = self.rec.lock();
        if !ticket.counts(&self.run) {
            return;
        }
        match r {
            Ok(()) => tally.record(self.per_request, self.bytes, latency),
            Err(e) => tally.record_error(error_kind(&e)),
        }
    }

    async fn sync(mut self) {
        while self.wait_due().await {
            let Some(ticket) = self.run.take(self.per_request) else {
                break;
            };
            let started = self.pace.claim();
            let seq = self.next_seq();
            let r = self.sender.request(seq).await;
            self.record(ticket, started, r);
        }
    }

    async fn oneway(mut self) {
        while self.wait_due().await {
            let Some(ticket) = self.run.take(self.per_request) else {
                break;
            };
            let started = self.pace.claim();
            let seq = self.next_seq();
            let r = self.sender.oneway(seq).await;
            self.record(ticket, started, r);
        }
    }

    async fn windowed(mut self, window: usize) {
        let mut in_flight = FuturesUnordered::new();
        let mut done = false;
        loop {
            while !done && in_flight.len() < window {
                if self.pace.due().is_some_and(|at| at > Instant::now()) {
                    break;
                }
                let Some(ticket) = self.run.take(self.per_request) else {
                    done = true;
                    break;
                };
                let started = self.pace.claim();
                let seq = self.next_seq();
                let send = self.sender.request(seq);
                in_flight.push(async move { (ticket, started, send.await) });
            }
            if done && in_flight.is_empty() {
                break;
            }
            let due = self.pace.due();
            tokio::select! {
                Some((ticket, started, r)) = in_flight.next(), if !in_flight.is_empty() => {
                    self.record(ticket, started, r)
                }
                _ = async { tokio::time::sleep_until(due.unwrap_or_else(Instant::now)).await },
                    if due.is_some() && !done && in_flight.len() < window => {}
                _ = self.run.stopped(), if !done => done = true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::options::Stop;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[derive(Clone, Default)]
    struct Counting {
        sent: Arc<AtomicU64>,
        fail_every: u64,
    }

    impl Sender for Counting {
        fn request(
            &self,
            seq: u64,
        ) -> impl Future<Output = Result<(), ClientError>> + Send + 'static {
            let n = self.sent.fetch_add(1, Ordering::Relaxed) + 1;
            let fail = self.fail_every > 0 && n.is_multiple_of(self.fail_every);
            async move {
                tokio::task::yield_now().await;
                assert!(seq > 0);
                if fail {
                    Err(ClientError::Shutdown)
                } else {
                    Ok(())
                }
            }
        }
        fn oneway(
            &self,
            seq: u64,
        ) -> impl Future<Output = Result<(), ClientError>> + Send + 'static {
            self.request(seq)
        }
    }

    async fn measure(mode: SendMode, batch: usize, count: u64, fail_every: u64) -> (u64, u64, u64) {
        let mut opts = LoadOptions::new("T");
        opts.mode = mode;
        opts.batch = batch;
        opts.connections = 2;
        opts.threads = 3;
        opts.window = 4;
        opts.stop = Stop::Count(count);
        let run = Run::new(opts.stop, Duration::ZERO, None).unwrap();
        let sender = Counting {
            fail_every,
            ..Default::default()
        };
        let workers = spawn_workers(&run, &opts, &[sender.clone(), sender.clone()]);
        let m = run.drive("test", workers).await;
        (
            m.total.msgs,
            m.total.error_count(),
            sender.sent.load(Ordering::Relaxed),
        )
    }

    #[tokio::test]
    async fn every_mode_sends_the_count_and_counts_failures() {
        for mode in [SendMode::Sync, SendMode::Async, SendMode::Oneway] {
            let (msgs, errors, sent) = measure(mode, 1, 100, 0).await;
            assert_eq!((msgs, errors, sent), (100, 0, 100), "{mode:?}");
        }
        let (msgs, errors, sent) = measure(SendMode::Async, 10, 100, 0).await;
        assert_eq!((msgs, errors, sent), (100, 0, 10), "batches of 10");
        let (msgs, errors, sent) = measure(SendMode::Sync, 1, 100, 10).await;
        assert_eq!((msgs + errors, sent), (100, 100));
        assert_eq!(errors, 10);
    }

    #[test]
    fn paced_requests_are_due_one_interval_apart() {
        let mut opts = LoadOptions::new("T");
        opts.threads = 4;
        opts.batch = 5;
        opts.rate = Some(2000);
        // 2000 msgs/s over 4 threads in batches of 5: 100 requests a second per thread.
        let iv = opts.request_interval().unwrap();
        assert_eq!(iv, Duration::from_millis(10));
        let t0 = Instant::now();
        let mut pace = Pace {
            interval: Some(iv),
            next: t0,
        };
        assert_eq!(pace.claim(), t0);
        assert_eq!(pace.claim(), t0 + iv);
        assert_eq!(pace.due(), Some(t0 + iv * 2));
        let mut free = Pace {
            interval: None,
            next: t0,
        };
        assert_eq!(free.due(), None);
        assert!(free.claim() >= t0);
    }
}
