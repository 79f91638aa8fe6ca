//! The bounds that keep one bad peer from hurting the others (mq's own: RocketMQ
//! has none of them): connections per remote address, the time a frame may take
//! to arrive once its first byte has (slowloris), the silence after which a
//! connection counts as idle, long polls held per
//! connection, and the bytes of responses a peer has not read yet, per
//! connection and over the whole server.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use tokio::io::{AsyncRead, ReadBuf};
use tokio::time::{Instant, Sleep};

/// Connections one remote IP address may have open at once. Generous: every
/// client of a host shares its address, and a benchmark opens one per producer.
pub const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS: usize = 1024;

/// Long polls (pulls parked until a message comes) one connection may hold.
/// A push consumer parks one per queue it owns, all on one connection.
pub const DEFAULT_MAX_HELD_PER_CONNECTION: usize = 10_000;

/// Response bytes a connection may leave unread before it is cut off: far
/// above what a reading client ever has waiting (a pull response is at most a
/// few hundred KiB), far below what would hurt the server.
pub const DEFAULT_MAX_UNWRITTEN_PER_CONNECTION: usize = 64 * 1024 * 1024;

/// Response bytes all connections together may leave unread; past it the
/// connections with the most are cut off first.
pub const DEFAULT_MAX_UNWRITTEN_TOTAL: usize = 1024 * 1024 * 1024;

/// How long a frame may take to arrive once its first byte has.
pub const DEFAULT_FRAME_READ_TIMEOUT: Duration = Duration::from_secs(30);

/// The long polls a server bounds per connection: which request codes park,
/// and how many of them one connection may have parked at once.
#[derive(Clone, Copy, Debug)]
pub struct HeldBound {
    pub is_held_code: fn(i32) -> bool,
    pub max_per_connection: usize,
}

/// RocketMQ's remark for a refusal under flow control, naming the bound.
pub const HELD_REMARK: &str = "[OVERLOAD]too many pull requests held on this connection, start flow control for a while (serverChannelMaxHeldPullRequests)";

/// Open connections per remote address.
#[derive(Debug)]
pub struct AddressCounter {
    max: usize,
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// One open connection of an address; its drop gives the place back.
#[derive(Debug)]
pub struct AddressSlot {
    counter: Arc<AddressCounter>,
    ip: IpAddr,
}

impl AddressCounter {
    pub fn new(max: usize) -> Arc<AddressCounter> {
        Arc::new(AddressCounter {
            max: max.max(1),
            open: Mutex::new(HashMap::new()),
        })
    }

    /// A place for one more connection of `ip`, or `None` when it has `max` open.
    pub fn try_open(self: &Arc<Self>, ip: IpAddr) -> Option<AddressSlot> {
        let mut open = self.open.lock().unwrap();
        let n = open.entry(ip).or_insert(0);
        if *n >= self.max {
            return None;
        }
        *n += 1;
        Some(AddressSlot {
            counter: self.clone(),
            ip,
        })
    }

    /// Connections of `ip` open now.
    pub fn open_of(&self, ip: IpAddr) -> usize {
        self.open.lock().unwrap().get(&ip).copied().unwrap_or(0)
    }
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        let mut open = self.counter.open.lock().unwrap();
        if let Some(n) = open.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// A reader that fails with `TimedOut` when a frame it has begun to deliver is
/// not complete `timeout` after its first byte came, counting only the time
/// spent waiting for the peer (a server that stops reading for backpressure
/// does not run a peer's clock). It follows frame boundaries by their 4-byte
/// length prefix alone and reads the clock only for a frame that a read leaves
/// incomplete.
pub struct FrameDeadline<R> {
    inner: R,
    timeout: Option<Duration>,
    frames: FrameTracker,
    /// Set while a frame is incomplete.
    deadline: Option<Pin<Box<Sleep>>>,
    /// The last read found nothing: the time until the next one is the peer's.
    waiting: bool,
}

impl<R> FrameDeadline<R> {
    /// `timeout` of `None` reads through without tracking.
    pub fn new(inner: R, timeout: Option<Duration>) -> Self {
        FrameDeadline {
            inner,
            timeout,
            frames: FrameTracker::default(),
            deadline: None,
            waiting: false,
        }
    }
}

/// The read side's idle clock: tells when nothing has arrived on a connection for its idle
/// time, with one timer for the connection's life rather than one armed and dropped per
/// frame (a timer costs more than a small request's decoding). A frame only raises a flag;
/// the timer ticks every `1/IDLE_TICKS` of the idle time, and the connection is idle once
/// `IDLE_TICKS` ticks in a row heard nothing: between the idle time and one tick more after
/// its last frame.
pub struct IdleClock {
    tick: Duration,
    timer: Pin<Box<Sleep>>,
    heard: bool,
    quiet_ticks: u32,
}

const IDLE_TICKS: u32 = 4;

impl IdleClock {
    pub fn new(idle: Duration) -> Self {
        let tick = idle / IDLE_TICKS;
        IdleClock {
            tick,
            timer: Box::pin(tokio::time::sleep(tick)),
            heard: false,
            quiet_ticks: 0,
        }
    }

    /// Something arrived (or the reader was away, which is not the peer's idleness).
    pub fn heard(&mut self) {
        self.heard = true;
    }

    /// Resolves once the connection has been idle for its idle time; never without a clock.
    /// Cancel-safe: the ticks it has seen are kept.
    pub async fn expired(clock: &mut Option<IdleClock>) {
        let Some(clock) = clock else {
            return std::future::pending().await;
        };
        loop {
            clock.timer.as_mut().await;
            if std::mem::take(&mut clock.heard) {
                clock.quiet_ticks = 0;
            } else {
                clock.quiet_ticks += 1;
            }
            if clock.quiet_ticks >= IDLE_TICKS {
                return;
            }
            // From now, not from the last deadline: after a long pause, ticks missed must not
            // count as quiet all at once.
            clock.timer.as_mut().reset(Instant::now() + clock.tick);
        }
    }
}

/// Where the byte stream is in its frames.
#[derive(Default)]
struct FrameTracker {
    /// The length prefix of the frame being read, as far as it came.
    prefix: [u8; 4],
    prefix_len: usize,
    /// Bytes of the frame after its prefix still to come.
    remaining: usize,
}

impl FrameTracker {
    /// Follows `bytes` through the frames; true when a frame ended in them.
    fn track(&mut self, mut bytes: &[u8]) -> bool {
        let mut ended = false;
        while !bytes.is_empty() {
            if self.prefix_len < 4 {
                let take = (4 - self.prefix_len).min(bytes.len());
                self.prefix[self.prefix_len..self.prefix_len + take]
                    .copy_from_slice(&bytes[..take]);
                self.prefix_len += take;
                bytes = &bytes[take..];
                if self.prefix_len == 4 {
                    self.remaining = u32::from_be_bytes(self.prefix) as usize;
                }
            } else {
                let take = self.remaining.min(bytes.len());
                self.remaining -= take;
                bytes = &bytes[take..];
            }
            if self.prefix_len == 4 && self.remaining == 0 {
                self.prefix_len = 0;
                ended = true;
            }
        }
        ended
    }

    fn in_frame(&self) -> bool {
        self.prefix_len > 0
    }
}

impl<R: AsyncRead + Unpin> AsyncRead for FrameDeadline<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        let Some(timeout) = this.timeout else {
            return Pin::new(&mut this.inner).poll_read(cx, buf);
        };
        if let Some(deadline) = &mut this.deadline
            && deadline.is_elapsed()
        {
            if this.waiting {
                return Poll::Ready(Err(frame_timeout(timeout)));
            }
            // The time went by while the server was not reading.
            deadline.as_mut().reset(Instant::now() + timeout);
        }
        let before = buf.filled().len();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Pending => {
                this.waiting = true;
                if let Some(deadline) = &mut this.deadline {
                    // Registers the wake-up at the deadline.
                    ready!(deadline.as_mut().poll(cx));
                    return Poll::Ready(Err(frame_timeout(timeout)));
                }
                Poll::Pending
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Ready(Ok(())) => {
                this.waiting = false;
                let ended = this.frames.track(&buf.filled()[before..]);
                if !this.frames.in_frame() {
                    this.deadline = None;
                } else if ended || this.deadline.is_none() {
                    // A frame began in this read and did not end in it.
                    let at = Instant::now() + timeout;
                    match &mut this.deadline {
                        Some(d) => d.as_mut().reset(at),
                        None => this.deadline = Some(Box::pin(tokio::time::sleep_until(at))),
                    }
                }
                Poll::Ready(Ok(()))
            }
        }
    }
}

fn frame_timeout(timeout: Duration) -> io::Error {
    io::Error::new(
        io::ErrorKind::TimedOut,
        format!(
            "a frame did not complete within {} ms of its first byte (serverChannelFrameReadTimeoutMillis)",
            timeout.as_millis()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[test]
    fn a_full_address_refuses_until_one_closes() {
        let counter = AddressCounter::new(2);
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        let other: IpAddr = "127.0.0.2".parse().unwrap();
        let a = counter.try_open(ip).unwrap();
        let _b = counter.try_open(ip).unwrap();
        assert!(counter.try_open(ip).is_none());
        assert!(
            counter.try_open(other).is_some(),
            "addresses are counted apart"
        );
        drop(a);
        assert_eq!(counter.open_of(ip), 1);
        assert!(counter.try_open(ip).is_some());
    }

    #[test]
    fn frames_are_followed_by_their_length_prefix() {
        let mut r = FrameTracker::default();
        // Two whole frames (lengths 2 and 0) and the start of a third.
        assert!(r.track(&[0, 0, 0, 2, 9, 9, 0, 0, 0, 0, 0, 0]));
        assert!(r.in_frame());
        assert!(!r.track(&[0, 3, 1]));
        assert!(r.in_frame());
        assert!(r.track(&[1, 1]));
        assert!(!r.in_frame());
    }

    #[tokio::test]
    async fn a_frame_that_stops_coming_times_out() {
        let (mut peer, ours) = tokio::io::duplex(64);
        let mut r = FrameDeadline::new(ours, Some(Duration::from_millis(200)));
        peer.write_all(&[0, 0, 0, 4, 1]).await.unwrap();
        let mut buf = [0u8; 16];
        assert_eq!(r.read(&mut buf).await.unwrap(), 5);
        let e = r.read(&mut buf).await.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::TimedOut);
    }

    #[tokio::test]
    async fn an_idle_peer_between_frames_has_no_deadline() {
        let (mut peer, ours) = tokio::io::duplex(64);
        let mut r = FrameDeadline::new(ours, Some(Duration::from_millis(200)));
        peer.write_all(&[0, 0, 0, 1, 7]).await.unwrap();
        let mut buf = [0u8; 16];
        assert_eq!(r.read(&mut buf).await.unwrap(), 5);
        let later = async {
            tokio::time::sleep(Duration::from_millis(600)).await;
            peer.write_all(&[0, 0, 0, 1, 8]).await.unwrap();
            peer
        };
        let (read, _peer) = tokio::join!(r.read(&mut buf), later);
        assert_eq!(read.unwrap(), 5);
    }

    #[tokio::test]
    async fn time_the_server_spends_not_reading_is_not_counted() {
        let (mut peer, ours) = tokio::io::duplex(64);
        let mut r = FrameDeadline::new(ours, Some(Duration::from_millis(200)));
        peer.write_all(&[0, 0, 0, 2, 1]).await.unwrap();
        let mut buf = [0u8; 16];
        assert_eq!(r.read(&mut buf).await.unwrap(), 5);
        // The server is busy elsewhere, well past the deadline, while the rest arrives.
        tokio::time::sleep(Duration::from_millis(600)).await;
        peer.write_all(&[2]).await.unwrap();
        assert_eq!(r.read(&mut buf).await.unwrap(), 1);
    }
}
