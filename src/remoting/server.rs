//! The remoting server: accept loop (connections per address bounded, TLS
//! told from plaintext by the first byte), one task per connection, requests
//! handed to a `RequestHandler`, admission of requests by class (RocketMQ's
//! per-processor thread pool queues: SYSTEM_BUSY when one is full), the bound
//! on response bytes left unread over all connections, and a graceful shutdown
//! that drains in-flight requests and flushes their responses before the
//! sockets close.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, mpsc};
use tokio::time::Instant;

use super::code::response;
use super::command::RemotingCommand;
use super::connection::{Connection, ConnectionConfig, HandlerFuture, RequestHandler};
use super::limits::{self, AddressCounter, AddressSlot, HeldBound};
use super::tls::{Sniffed, TlsServer};

/// RocketMQ servers close connections idle this long.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(120);

/// Requests one connection may have in flight before the server stops reading
/// from it. High, because a push consumer parks one long-poll pull per queue it
/// owns, all on one connection: thousands are normal.
pub const DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION: usize = 65_536;

/// How long a shutdown waits for in-flight requests and for their responses to
/// be written before it closes connections anyway.
pub const DEFAULT_SHUTDOWN_WAIT: Duration = Duration::from_secs(5);

/// RocketMQ's remark when a processor's thread pool queue is full
/// (NettyRemotingAbstract#processRequestCommand, RejectedExecutionException).
pub const OVERLOAD_REMARK: &str = "[OVERLOAD]system busy, start flow control for a while";

/// The remark of requests refused because the server is shutting down.
pub const SHUTDOWN_REMARK: &str =
    "[SHUTDOWN]service not available now, the server is shutting down";

/// The least time connections get to write their last responses, even when
/// the wait for in-flight requests used up `shutdown_wait`.
const FLUSH_WAIT: Duration = Duration::from_secs(1);

/// How often the response bytes left unread over all connections are added up.
const UNWRITTEN_CHECK: Duration = Duration::from_millis(100);

/// The remark a plaintext request gets from a server in enforcing mode, just
/// before the connection closes (RocketMQ closes without a word).
pub const TLS_REQUIRED_REMARK: &str = "this server accepts TLS connections only (tls.server.mode: enforcing): connect with TLS (mq --tls)";

#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub max_frame: usize,
    pub idle_timeout: Duration,
    /// TLS, unless the mode is disabled.
    pub tls: Option<Arc<TlsServer>>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            max_frame: super::codec::DEFAULT_MAX_FRAME,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
            tls: None,
        }
    }
}

/// How much work a server takes on, and how long its shutdown may take.
#[derive(Clone, Debug)]
pub struct ServerLimits {
    /// Requests one connection may have in flight; at the bound the server
    /// stops reading from that connection until one finishes (backpressure,
    /// nothing is refused).
    pub max_in_flight_per_connection: usize,
    /// Bounds per class of request, shared by every connection.
    pub admission: Arc<Admission>,
    /// How long shutdown waits for in-flight requests, and then for their
    /// responses to be written.
    pub shutdown_wait: Duration,
    /// Connections one remote IP address may have open; more are closed as
    /// they are accepted.
    pub max_connections_per_address: usize,
    /// Long polls one connection may hold; more get SYSTEM_BUSY.
    pub held: Option<HeldBound>,
    /// Response bytes one connection may leave unread before it is cut off.
    pub max_unwritten_per_connection: usize,
    /// Response bytes all connections may leave unread together; past it the
    /// connections with the most are cut off.
    pub max_unwritten_total: usize,
    /// How long a frame may take to arrive once its first byte has.
    pub frame_read_timeout: Option<Duration>,
}

impl Default for ServerLimits {
    fn default() -> Self {
        ServerLimits {
            max_in_flight_per_connection: DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION,
            admission: Arc::new(Admission::unbounded()),
            shutdown_wait: DEFAULT_SHUTDOWN_WAIT,
            max_connections_per_address: limits::DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
            held: None,
            max_unwritten_per_connection: limits::DEFAULT_MAX_UNWRITTEN_PER_CONNECTION,
            max_unwritten_total: limits::DEFAULT_MAX_UNWRITTEN_TOTAL,
            frame_read_timeout: Some(limits::DEFAULT_FRAME_READ_TIMEOUT),
        }
    }
}

/// A class of requests that share one bound, as the request codes a RocketMQ
/// processor serves share its thread pool queue.
#[derive(Clone, Copy, Debug)]
pub struct ClassBound {
    pub name: &'static str,
    /// Requests of this class in flight at once, over all connections.
    pub capacity: usize,
}

/// Picks the class (an index into the classes given to `Admission::new`) of a
/// request code.
pub type Classifier = fn(i32) -> usize;

/// Admission control shared by a server's connections: counts the requests of
/// each class in flight, refuses a request whose class is full, and refuses
/// every request once shutdown has begun. The check is one atomic add per
/// request and allocates nothing.
pub struct Admission {
    classify: Classifier,
    classes: Box<[ClassSlot]>,
    shutting_down: AtomicBool,
    /// Woken when a request finishes during shutdown.
    finished: Notify,
}

struct ClassSlot {
    class: ClassBound,
    in_flight: AtomicUsize,
}

/// Why a request was not admitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Its class is at capacity: SYSTEM_BUSY.
    Overload,
    /// The server is shutting down: SERVICE_NOT_AVAILABLE.
    ShuttingDown,
}

impl Refusal {
    /// The response a refused request gets (unless it is oneway).
    ///
    /// A shutting-down server answers SERVICE_NOT_AVAILABLE (14): it is what a
    /// RocketMQ broker answers a send once its message store is shut down, and
    /// every RocketMQ producer retries it on another broker. SYSTEM_BUSY would
    /// say "flow control, retry here shortly", which is wrong for a server
    /// going away; GO_AWAY (1500) is understood only by clients newer than
    /// 5.3.1.
    pub fn response(self) -> RemotingCommand {
        match self {
            Refusal::Overload => RemotingCommand::error(response::SYSTEM_BUSY, OVERLOAD_REMARK),
            Refusal::ShuttingDown => {
                RemotingCommand::error(response::SERVICE_NOT_AVAILABLE, SHUTDOWN_REMARK)
            }
        }
    }
}

impl std::fmt::Debug for Admission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut m = f.debug_map();
        for slot in self.classes.iter() {
            m.entry(
                &slot.class.name,
                &(slot.in_flight.load(Ordering::Relaxed), slot.class.capacity),
            );
        }
        m.finish()
    }
}

impl Admission {
    /// Bounds per class; `classify` maps every request code to an index into
    /// `classes` (an index out of range counts as the last class).
    pub fn new(classes: Vec<ClassBound>, classify: Classifier) -> Admission {
        assert!(!classes.is_empty(), "an admission needs at least one class");
        Admission {
            classify,
            classes: classes
                .into_iter()
                .map(|class| ClassSlot {
                    class,
                    in_flight: AtomicUsize::new(0),
                })
                .collect(),
            shutting_down: AtomicBool::new(false),
            finished: Notify::new(),
        }
    }

    /// One class without a bound: requests are only counted, for shutdown.
    pub fn unbounded() -> Admission {
        Admission::new(
            vec![ClassBound {
                name: "all",
                capacity: usize::MAX,
            }],
            |_| 0,
        )
    }

    fn slot(&self, class: usize) -> &ClassSlot {
        &self.classes[class.min(self.classes.len() - 1)]
    }

    /// Admits a request with `code`, returning its class to `release` later.
    pub fn try_admit(&self, code: i32) -> Result<usize, Refusal> {
        let class = (self.classify)(code).min(self.classes.len() - 1);
        let slot = &self.classes[class];
        // Count first, then look at the flag: a shutdown that drained between
        // the two would otherwise miss a request that still starts.
        let before = slot.in_flight.fetch_add(1, Ordering::SeqCst);
        let refusal = if self.shutting_down.load(Ordering::SeqCst) {
            Refusal::ShuttingDown
        } else if before >= slot.class.capacity {
            Refusal::Overload
        } else {
            return Ok(class);
        };
        self.release(class);
        Err(refusal)
    }

    /// Ends a request admitted by `try_admit`.
    pub fn release(&self, class: usize) {
        self.slot(class).in_flight.fetch_sub(1, Ordering::SeqCst);
        if self.shutting_down.load(Ordering::SeqCst) {
            self.finished.notify_waiters();
        }
    }

    /// Requests of `class` in flight now.
    pub fn in_flight_of(&self, class: usize) -> usize {
        self.slot(class).in_flight.load(Ordering::Relaxed)
    }

    /// Requests of every class in flight now.
    pub fn in_flight(&self) -> usize {
        self.classes
            .iter()
            .map(|s| s.in_flight.load(Ordering::SeqCst))
            .sum()
    }

    /// From now on every request is refused with SERVICE_NOT_AVAILABLE.
    pub fn begin_shutdown(&self) {
        self.shutting_down.store(true, Ordering::SeqCst);
    }

    pub fn is_shutting_down(&self) -> bool {
        self.shutting_down.load(Ordering::Relaxed)
    }

    /// Resolves when no request is in flight (after `begin_shutdown`).
    pub async fn drained(&self) {
        loop {
            // Listen before counting, so a request finishing in between still wakes us.
            let finished = self.finished.notified();
            tokio::pin!(finished);
            finished.as_mut().enable();
            if self.in_flight() == 0 {
                return;
            }
            finished.await;
        }
    }
}

/// Serves `listener` until `shutdown` resolves, then shuts down gracefully
/// (see `serve`) with the default limits.
pub async fn run(
    listener: TcpListener,
    handler: Arc<dyn RequestHandler>,
    config: ServerConfig,
    shutdown: impl Future<Output = ()>,
) {
    serve(listener, handler, config, ServerLimits::default(), shutdown).await
}

/// Serves `listener` until `shutdown` resolves. Then it stops accepting,
/// refuses every request read from then on (SERVICE_NOT_AVAILABLE), waits up
/// to `limits.shutdown_wait` for the requests in flight to be answered, and
/// closes each connection once its queued responses are written.
pub async fn serve(
    listener: TcpListener,
    handler: Arc<dyn RequestHandler>,
    config: ServerConfig,
    limits: ServerLimits,
    shutdown: impl Future<Output = ()>,
) {
    let conn_config = ConnectionConfig {
        max_frame: config.max_frame,
        read_idle_timeout: Some(config.idle_timeout),
        max_in_flight: limits.max_in_flight_per_connection.max(1),
        admission: Some(limits.admission.clone()),
        rpc_hook: None,
        held: limits.held,
        max_unwritten: limits.max_unwritten_per_connection,
        frame_read_timeout: limits.frame_read_timeout,
        request_serialize_type: super::connection::default_request_serialize_type(),
    };
    let per_address = AddressCounter::new(limits.max_connections_per_address);
    // Connections whose TLS handshake (or first byte) was awaited in a task of their own.
    let (ready_tx, mut ready_rx) = mpsc::unbounded_channel::<Arc<Connection>>();
    let mut unwritten_check = tokio::time::interval(UNWRITTEN_CHECK);
    unwritten_check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last_refusal_log: Option<Instant> = None;
    let mut open: Vec<Arc<Connection>> = Vec::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let Some(slot) = per_address.try_open(peer.ip()) else {
                        // Logged at most once a second: a flood must not flood the log too.
                        if last_refusal_log.is_none_or(|t| t.elapsed() >= Duration::from_secs(1)) {
                            tracing::warn!(
                                %peer,
                                "refusing a connection: {} open from this address (serverMaxConnectionsPerAddress)",
                                limits.max_connections_per_address
                            );
                            last_refusal_log = Some(Instant::now());
                        }
                        drop(stream);
                        continue;
                    };
                    open.retain(|c| !c.is_closed());
                    match &config.tls {
                        None => {
                            let conn = Connection::spawn(stream, Some(handler.clone()), conn_config.clone());
                            hold_slot(&conn, slot);
                            open.push(conn);
                        }
                        Some(tls) => {
                            let (tls, handler, cfg, ready) = (tls.clone(), handler.clone(), conn_config.clone(), ready_tx.clone());
                            let first_byte_wait = config.idle_timeout;
                            tokio::spawn(async move {
                                if let Some(conn) = accept_tls(stream, peer, &tls, handler, cfg, first_byte_wait).await {
                                    hold_slot(&conn, slot);
                                    if let Err(unserved) = ready.send(conn) {
                                        unserved.0.close();
                                    }
                                }
                            });
                        }
                    }
                }
                Err(e) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tracing::warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            Some(conn) = ready_rx.recv() => open.push(conn),
            _ = unwritten_check.tick() => {
                open.retain(|c| !c.is_closed());
                enforce_unwritten_total(&open, limits.max_unwritten_total);
            }
        }
    }
    drop(listener);
    drop(ready_rx);
    let admission = &limits.admission;
    admission.begin_shutdown();
    let deadline = Instant::now() + limits.shutdown_wait;
    if tokio::time::timeout_at(deadline, admission.drained())
        .await
        .is_err()
    {
        tracing::warn!(
            "shutdown: {} requests still in flight after {:?}: {admission:?}",
            admission.in_flight(),
            limits.shutdown_wait
        );
    }
    // Each connection writes what is queued, sends a FIN and lingers briefly.
    for conn in &open {
        conn.close_gracefully();
    }
    let all_closed = futures_util::future::join_all(open.iter().map(|c| c.closed()));
    if tokio::time::timeout_at(deadline.max(Instant::now() + FLUSH_WAIT), all_closed)
        .await
        .is_err()
    {
        tracing::warn!("shutdown: closing connections whose responses are not all written");
    }
    for conn in open {
        conn.close();
    }
}

/// Gives `slot` back when `conn` closes.
fn hold_slot(conn: &Arc<Connection>, slot: AddressSlot) {
    let conn = conn.clone();
    tokio::spawn(async move {
        conn.closed().await;
        drop(slot);
    });
}

/// Cuts off the connections with the most unread response bytes until all of
/// them together are within `max`.
fn enforce_unwritten_total(open: &[Arc<Connection>], max: usize) {
    let mut total: usize = open.iter().map(|c| c.unwritten()).sum();
    if total <= max {
        return;
    }
    let mut by_size: Vec<(usize, &Arc<Connection>)> =
        open.iter().map(|c| (c.unwritten(), c)).collect();
    by_size.sort_unstable_by_key(|(bytes, _)| std::cmp::Reverse(*bytes));
    for (bytes, conn) in by_size {
        if total <= max {
            break;
        }
        conn.cut_off(format_args!(
            "{bytes} response bytes unread while all connections have {total}, more than serverMaxPendingResponseBytes ({max})"
        ));
        total -= bytes;
    }
}

/// Starts a connection on a TLS-enabled port: a TLS handshake when the first
/// byte is one, else plaintext (permissive) or a refusal (enforcing). `None`
/// when the peer sent nothing within `first_byte_wait`, or the handshake failed.
async fn accept_tls(
    stream: TcpStream,
    peer: std::net::SocketAddr,
    tls: &TlsServer,
    handler: Arc<dyn RequestHandler>,
    config: ConnectionConfig,
    first_byte_wait: Duration,
) -> Option<Arc<Connection>> {
    Some(match tls.sniff(stream, peer, first_byte_wait).await? {
        Sniffed::Tls(stream) => Connection::spawn_stream(*stream, peer, Some(handler), config),
        Sniffed::Plain(stream) => Connection::spawn(stream, Some(handler), config),
        Sniffed::PlainRefused(stream) => {
            Connection::spawn(stream, Some(Arc::new(TlsRequired)), config)
        }
    })
}

/// Answers a plaintext request on a TLS-only port with an error that says so,
/// then closes the connection.
struct TlsRequired;

impl RequestHandler for TlsRequired {
    fn handle(&self, conn: Arc<Connection>, _request: RemotingCommand) -> HandlerFuture {
        conn.close_gracefully();
        Box::pin(std::future::ready(Some(RemotingCommand::error(
            response::SYSTEM_ERROR,
            TLS_REQUIRED_REMARK,
        ))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::remoting::RemotingClient;
    use crate::remoting::connection::HandlerFuture;
    use tokio::sync::Semaphore;

    /// Answers each request once the test hands out a permit.
    struct Gated {
        started: AtomicUsize,
        permits: Arc<Semaphore>,
    }

    impl Default for Gated {
        fn default() -> Self {
            Gated {
                started: AtomicUsize::new(0),
                permits: Arc::new(Semaphore::new(0)),
            }
        }
    }

    impl RequestHandler for Gated {
        fn handle(&self, _conn: Arc<Connection>, _request: RemotingCommand) -> HandlerFuture {
            self.started.fetch_add(1, Ordering::SeqCst);
            let permits = self.permits.clone();
            Box::pin(async move {
                permits.acquire().await.unwrap().forget();
                Some(RemotingCommand::response(response::SUCCESS, None))
            })
        }
    }

    async fn wait_for(what: &str, cond: impl Fn() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !cond() {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// A server on a free loopback port with `limits`, stopped by `stop`.
    async fn start(
        handler: Arc<Gated>,
        limits: ServerLimits,
        stop: tokio_util::sync::CancellationToken,
    ) -> (String, tokio::task::JoinHandle<()>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let server = tokio::spawn(async move {
            serve(
                listener,
                handler,
                ServerConfig::default(),
                limits,
                stop.cancelled_owned(),
            )
            .await
        });
        (addr, server)
    }

    #[tokio::test]
    async fn a_connection_at_its_bound_is_not_read_until_a_request_finishes() {
        let handler = Arc::new(Gated::default());
        let stop = tokio_util::sync::CancellationToken::new();
        let limits = ServerLimits {
            max_in_flight_per_connection: 2,
            ..ServerLimits::default()
        };
        let (addr, server) = start(handler.clone(), limits, stop.clone()).await;
        let client = RemotingClient::new();
        let calls: Vec<_> = (0..3)
            .map(|_| {
                let (client, addr) = (client.clone(), addr.clone());
                tokio::spawn(async move {
                    let r = client
                        .invoke(&addr, RemotingCommand::request(10), Duration::from_secs(10))
                        .await;
                    r.unwrap().code
                })
            })
            .collect();
        wait_for("two requests", || {
            handler.started.load(Ordering::SeqCst) == 2
        })
        .await;
        // Not a synchronisation: a grace period in which the third must stay unread.
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(
            handler.started.load(Ordering::SeqCst),
            2,
            "read past the bound"
        );
        handler.permits.add_permits(1);
        wait_for("the third request", || {
            handler.started.load(Ordering::SeqCst) == 3
        })
        .await;
        handler.permits.add_permits(2);
        for call in calls {
            assert_eq!(
                call.await.unwrap(),
                response::SUCCESS,
                "delayed, never refused"
            );
        }
        stop.cancel();
        server.await.unwrap();
    }

    #[tokio::test]
    async fn shutdown_answers_what_is_in_flight_and_refuses_what_comes_after() {
        let handler = Arc::new(Gated::default());
        let stop = tokio_util::sync::CancellationToken::new();
        let (addr, server) = start(handler.clone(), ServerLimits::default(), stop.clone()).await;
        let client = RemotingClient::new();
        let in_flight = {
            let (client, addr) = (client.clone(), addr.clone());
            tokio::spawn(async move {
                client
                    .invoke(&addr, RemotingCommand::request(10), Duration::from_secs(10))
                    .await
            })
        };
        wait_for("the request", || {
            handler.started.load(Ordering::SeqCst) == 1
        })
        .await;
        stop.cancel();
        // Read after the shutdown began (on this single-threaded runtime the
        // server task, woken first, begins it before the request is read):
        // refused, on the connection that is still open.
        let refused = client
            .invoke(&addr, RemotingCommand::request(11), Duration::from_secs(10))
            .await
            .unwrap();
        assert_eq!(refused.code, response::SERVICE_NOT_AVAILABLE);
        assert_eq!(refused.remark.as_deref(), Some(SHUTDOWN_REMARK));
        assert!(
            !server.is_finished(),
            "the shutdown waits for the request in flight"
        );
        handler.permits.add_permits(1);
        let answered = in_flight.await.unwrap().unwrap();
        assert_eq!(answered.code, response::SUCCESS);
        server.await.unwrap();
    }

    fn two_classes() -> Admission {
        Admission::new(
            vec![
                ClassBound {
                    name: "send",
                    capacity: 2,
                },
                ClassBound {
                    name: "other",
                    capacity: 1,
                },
            ],
            |code| if code == 10 { 0 } else { 1 },
        )
    }

    #[test]
    fn a_full_class_refuses_and_leaves_the_others_alone() {
        let a = two_classes();
        assert_eq!(a.try_admit(10), Ok(0));
        assert_eq!(a.try_admit(10), Ok(0));
        assert_eq!(a.try_admit(10), Err(Refusal::Overload));
        assert_eq!(a.in_flight_of(0), 2, "a refusal is not counted");
        assert_eq!(a.try_admit(11), Ok(1));
        a.release(0);
        assert_eq!(a.try_admit(10), Ok(0));
        assert_eq!(a.in_flight(), 3);
    }

    #[test]
    fn refusals_carry_rocketmq_codes() {
        let busy = Refusal::Overload.response();
        assert_eq!(busy.code, response::SYSTEM_BUSY);
        assert_eq!(busy.remark.as_deref(), Some(OVERLOAD_REMARK));
        let gone = Refusal::ShuttingDown.response();
        assert_eq!(gone.code, response::SERVICE_NOT_AVAILABLE);
    }

    #[tokio::test]
    async fn shutdown_refuses_new_requests_and_waits_for_the_admitted_ones() {
        let a = Arc::new(two_classes());
        let class = a.try_admit(10).unwrap();
        a.begin_shutdown();
        assert_eq!(a.try_admit(11), Err(Refusal::ShuttingDown));
        let drained = a.drained();
        tokio::pin!(drained);
        assert!(futures_util::poll!(drained.as_mut()).is_pending());
        a.release(class);
        assert!(futures_util::poll!(drained.as_mut()).is_ready());
    }
}
