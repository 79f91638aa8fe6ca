//! The requests one connection has sent and waits answers for, by opaque, each with its
//! deadline; and the connection's sweeper, which fails those past their deadline. One timer
//! for the connection instead of one armed and dropped per request (as RocketMQ's
//! scanResponseTable, but woken at the earliest deadline rather than once a second): with
//! every request given the same timeout, deadlines come in order and a request costs no
//! timer at all; the sweeper wakes about once per timeout while requests come and go.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, oneshot};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::command::RemotingCommand;
use super::error::RemotingError;

/// What a waiting request gets: its answer, or the sweeper's `Timeout`.
pub(super) type Answer = Result<RemotingCommand, RemotingError>;

struct Waiting {
    deadline: Instant,
    timeout: Duration,
    done: oneshot::Sender<Answer>,
}

#[derive(Default)]
struct Table {
    waiting: HashMap<i32, Waiting, foldhash::fast::RandomState>,
    /// When the sweeper looks next; `None` while it waits for a first request.
    wake_at: Option<Instant>,
}

#[derive(Default)]
pub(super) struct PendingTable {
    table: Mutex<Table>,
    /// A deadline earlier than `wake_at` came in (or the first one).
    earlier: Notify,
    sweeping: AtomicBool,
}

impl PendingTable {
    /// Registers the request `opaque`, answered through the receiver unless it is past
    /// `timeout` first. Starts the connection's sweeper (on `peer`, until `closed`) with the
    /// connection's first request.
    pub(super) fn register(
        self: &Arc<Self>,
        opaque: i32,
        timeout: Duration,
        peer: SocketAddr,
        closed: &CancellationToken,
    ) -> oneshot::Receiver<Answer> {
        if !self.sweeping.load(Ordering::Relaxed) && !self.sweeping.swap(true, Ordering::AcqRel) {
            tokio::spawn(sweep(self.clone(), peer.to_string(), closed.clone()));
        }
        let (done, answer) = oneshot::channel();
        let deadline = Instant::now() + timeout;
        let mut t = self.table.lock().unwrap();
        t.waiting.insert(
            opaque,
            Waiting {
                deadline,
                timeout,
                done,
            },
        );
        let earlier = t.wake_at.is_none_or(|at| deadline < at);
        if earlier {
            t.wake_at = Some(deadline);
        }
        drop(t);
        if earlier {
            self.earlier.notify_one();
        }
        answer
    }

    /// Hands `response` to the request waiting for it; false when none waits (it timed out,
    /// or its caller left).
    pub(super) fn complete(&self, response: RemotingCommand) -> bool {
        let waiting = self.table.lock().unwrap().waiting.remove(&response.opaque);
        waiting.is_some_and(|w| w.done.send(Ok(response)).is_ok())
    }

    /// Forgets the request `opaque` (its caller left).
    pub(super) fn remove(&self, opaque: i32) {
        self.table.lock().unwrap().waiting.remove(&opaque);
    }

    /// Requests waiting now.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.table.lock().unwrap().waiting.len()
    }

    /// Forgets every request: their callers see the connection closed.
    pub(super) fn clear(&self) {
        self.table.lock().unwrap().waiting.clear();
    }

    /// Fails the requests past their deadline at `now`; returns when to look next.
    fn expire(&self, now: Instant, peer: &str) -> Option<Instant> {
        let mut t = self.table.lock().unwrap();
        let expired: Vec<Waiting> = t
            .waiting
            .extract_if(|_, w| w.deadline <= now)
            .map(|(_, w)| w)
            .collect();
        t.wake_at = t.waiting.values().map(|w| w.deadline).min();
        let next = t.wake_at;
        drop(t);
        for w in expired {
            let _ = w.done.send(Err(RemotingError::Timeout {
                addr: peer.to_string(),
                millis: w.timeout.as_millis(),
            }));
        }
        next
    }
}

/// The sweeper of one connection: sleeps until the earliest deadline, fails what is past
/// it, until the connection closes.
async fn sweep(table: Arc<PendingTable>, peer: String, closed: CancellationToken) {
    let mut next = None;
    loop {
        let wake = async {
            match next {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = closed.cancelled() => return,
            _ = table.earlier.notified() => {}
            _ = wake => {}
        }
        next = table.expire(Instant::now(), &peer);
    }
}
