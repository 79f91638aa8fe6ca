//! One remoting connection, used the same way on both ends: the peer may send
//! requests (answered by a `RequestHandler`) and responses (matched to our
//! pending requests by opaque) over the same socket, plaintext or TLS. It owns
//! the bounds of one connection (requests in flight: backpressure, at the bound
//! it stops reading; long polls held: refused past the bound; response bytes
//! the peer has not read: cut off past the bound; a frame's time to arrive:
//! cut off past it) and the graceful close (write what is queued, FIN, linger).

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::{Buf, BytesMut};
use futures_util::{FutureExt, StreamExt};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::{Notify, mpsc};
use tokio_util::codec::FramedRead;
use tokio_util::sync::CancellationToken;

use super::code::response as code;
use super::codec::{RemotingCodec, encode_frame};
use super::command::{FLAG_ONEWAY, FLAG_RESPONSE, RemotingCommand, SerializeType};
use super::error::RemotingError;
use super::limits::{FrameDeadline, HELD_REMARK, HeldBound, IdleClock};
use super::pending::PendingTable;
use super::rpc_hook::RpcHook;
use super::server::Admission;

pub type HandlerFuture = Pin<Box<dyn Future<Output = Option<RemotingCommand>> + Send>>;

/// Answers requests that arrive on a connection. Returning `None` sends no
/// response (as for oneway requests).
pub trait RequestHandler: Send + Sync + 'static {
    fn handle(&self, conn: Arc<Connection>, request: RemotingCommand) -> HandlerFuture;
}

/// Settings shared by every connection of a client or server.
#[derive(Clone)]
pub struct ConnectionConfig {
    pub max_frame: usize,
    /// Close the connection when nothing arrives for this long (servers only).
    pub read_idle_timeout: Option<Duration>,
    /// Requests of the peer in flight at once; at the bound the connection
    /// reads nothing more until one is answered.
    pub max_in_flight: usize,
    /// Admission of the peer's requests by class (servers only).
    pub admission: Option<Arc<Admission>>,
    /// Applied to each request this end sends (clients: the ACL signature).
    pub rpc_hook: Option<Arc<dyn RpcHook>>,
    /// Long polls the peer may have held at once (servers only).
    pub held: Option<HeldBound>,
    /// Response bytes the peer may leave unread before the connection is cut off.
    pub max_unwritten: usize,
    /// How long a frame may take to arrive once its first byte has (servers only).
    pub frame_read_timeout: Option<Duration>,
    /// How the requests this end sends are encoded (a response follows its request).
    /// `RocketMq` makes every request binary; `Json` leaves each as its maker set it.
    pub request_serialize_type: SerializeType,
}

/// The process's request encoding, as Java's clients and servers pick theirs: the
/// `ROCKETMQ_SERIALIZE_TYPE` variable, `JSON` (the default) or `ROCKETMQ` (binary headers,
/// cheaper for both ends to write and read; every RocketMQ 4.x/5.x server reads them).
pub fn default_request_serialize_type() -> SerializeType {
    static TYPE: std::sync::OnceLock<SerializeType> = std::sync::OnceLock::new();
    *TYPE.get_or_init(
        || match std::env::var("ROCKETMQ_SERIALIZE_TYPE").as_deref() {
            Ok("ROCKETMQ") => SerializeType::RocketMq,
            Ok("JSON") | Err(_) => SerializeType::Json,
            Ok(other) => {
                tracing::warn!(
                    "ROCKETMQ_SERIALIZE_TYPE={other:?} is neither JSON nor ROCKETMQ: using JSON"
                );
                SerializeType::Json
            }
        },
    )
}

impl Default for ConnectionConfig {
    fn default() -> Self {
        ConnectionConfig {
            max_frame: super::codec::DEFAULT_MAX_FRAME,
            read_idle_timeout: None,
            max_in_flight: usize::MAX,
            admission: None,
            rpc_hook: None,
            held: None,
            max_unwritten: usize::MAX,
            frame_read_timeout: None,
            request_serialize_type: default_request_serialize_type(),
        }
    }
}

/// Outgoing frames wait here; bounded so a slow peer pushes back on senders.
const WRITE_QUEUE: usize = 4096;
/// What a queued command is taken to add to its body once encoded, until it is.
const FRAME_OVERHEAD: usize = 256;
/// Bodies at least this large go through the writer task, so a sender does not copy
/// them while holding the write buffer.
const LARGE_BODY: usize = 16 * 1024;
/// Above this many unwritten bytes, senders queue (and are pushed back) instead of
/// adding to the write buffer.
const OUT_HIGH_WATER: usize = 256 * 1024;
/// After a graceful close has written the last response and sent a FIN, the
/// connection keeps reading (and discarding) this long: closing a socket with
/// unread bytes sends a reset, which could cost the peer responses it has not
/// read yet.
const LINGER: Duration = Duration::from_secs(1);

static NEXT_OPAQUE: AtomicI32 = AtomicI32::new(1);

pub struct Connection {
    peer: SocketAddr,
    tx: mpsc::Sender<RemotingCommand>,
    /// Commands in `tx` not yet encoded into `out`: while there are any, a sender queues
    /// behind them, so one task's commands reach the socket in the order it sent them.
    queued: AtomicUsize,
    /// Encoded frames not yet written, in order. Whoever holds the lock may write from its
    /// front: a sender finding it empty writes its frame at once (no task wake-up); what
    /// the socket does not take, the writer task writes when the socket is writable.
    out: Mutex<BytesMut>,
    /// `out` holds bytes a sender could not write: the writer task takes over.
    out_waiting: Notify,
    /// A plaintext socket, written by senders directly; `None` for a TLS stream,
    /// which only the writer task writes.
    socket: Option<Arc<OwnedWriteHalf>>,
    /// Encoded bytes not yet taken by the socket, and the estimated size of the
    /// commands queued but not yet encoded: what the peer leaves unread.
    unwritten: AtomicUsize,
    queued_bytes: AtomicUsize,
    max_unwritten: usize,
    pending: Arc<PendingTable>,
    closed: CancellationToken,
    /// A graceful close was asked for: stop reading requests. A child of
    /// `closed`, so the reader waits on this one token for both.
    draining: CancellationToken,
    /// The reader has stopped: write what is queued, then FIN.
    flush: CancellationToken,
    watched: AtomicBool,
    /// The peer's requests in flight; `room` wakes the reader parked at the bound.
    in_flight: AtomicUsize,
    max_in_flight: usize,
    room: Notify,
    admission: Option<Arc<Admission>>,
    rpc_hook: Option<Arc<dyn RpcHook>>,
    binary_requests: bool,
    /// The peer's long polls parked now.
    held: AtomicUsize,
    /// Why reading failed, for the requests that fail with it (a TLS alert says
    /// more than "closed").
    read_error: Mutex<Option<String>>,
}

impl Connection {
    /// Starts the reader and writer tasks of a connected plaintext socket.
    pub fn spawn(
        stream: TcpStream,
        handler: Option<Arc<dyn RequestHandler>>,
        config: ConnectionConfig,
    ) -> Arc<Connection> {
        let _ = stream.set_nodelay(true);
        let peer = stream
            .peer_addr()
            .unwrap_or_else(|_| SocketAddr::from(([0, 0, 0, 0], 0)));
        let (read, write) = stream.into_split();
        let socket = Arc::new(write);
        let (conn, rx) = Connection::new(peer, Some(socket.clone()), &config);
        tokio::spawn(write_loop(conn.clone(), rx, WriteSide::Plain(socket)));
        Connection::spawn_reader(conn.clone(), read, handler, config);
        conn
    }

    /// Starts the reader and writer tasks of a connected stream that only the
    /// writer task may write (a TLS stream over `peer`'s socket).
    pub fn spawn_stream<S>(
        stream: S,
        peer: SocketAddr,
        handler: Option<Arc<dyn RequestHandler>>,
        config: ConnectionConfig,
    ) -> Arc<Connection>
    where
        S: AsyncRead + AsyncWrite + Send + 'static,
    {
        let (read, write) = tokio::io::split(stream);
        let (conn, rx) = Connection::new(peer, None, &config);
        tokio::spawn(write_loop(
            conn.clone(),
            rx,
            WriteSide::Stream(Box::new(write)),
        ));
        Connection::spawn_reader(conn.clone(), read, handler, config);
        conn
    }

    fn spawn_reader<R>(
        conn: Arc<Connection>,
        read: R,
        handler: Option<Arc<dyn RequestHandler>>,
        config: ConnectionConfig,
    ) where
        R: AsyncRead + Unpin + Send + 'static,
    {
        let codec = RemotingCodec {
            max_frame: config.max_frame,
        };
        let frames = FramedRead::new(FrameDeadline::new(read, config.frame_read_timeout), codec);
        tokio::spawn(read_loop(conn, frames, handler, config));
    }

    fn new(
        peer: SocketAddr,
        socket: Option<Arc<OwnedWriteHalf>>,
        config: &ConnectionConfig,
    ) -> (Arc<Connection>, mpsc::Receiver<RemotingCommand>) {
        let (tx, rx) = mpsc::channel(WRITE_QUEUE);
        let closed = CancellationToken::new();
        let conn = Arc::new(Connection {
            peer,
            tx,
            queued: AtomicUsize::new(0),
            out: Mutex::new(BytesMut::new()),
            out_waiting: Notify::new(),
            socket,
            unwritten: AtomicUsize::new(0),
            queued_bytes: AtomicUsize::new(0),
            max_unwritten: config.max_unwritten,
            pending: Arc::default(),
            draining: closed.child_token(),
            closed,
            flush: CancellationToken::new(),
            watched: AtomicBool::new(false),
            in_flight: AtomicUsize::new(0),
            max_in_flight: config.max_in_flight.max(1),
            room: Notify::new(),
            admission: config.admission.clone(),
            rpc_hook: config.rpc_hook.clone(),
            binary_requests: config.request_serialize_type == SerializeType::RocketMq,
            held: AtomicUsize::new(0),
            read_error: Mutex::new(None),
        });
        (conn, rx)
    }

    pub fn peer(&self) -> SocketAddr {
        self.peer
    }

    pub fn is_closed(&self) -> bool {
        self.closed.is_cancelled()
    }

    /// Closes the socket; pending requests fail with `ConnectionClosed`.
    pub fn close(&self) {
        self.closed.cancel();
        self.pending.clear();
    }

    /// Closes the connection without losing answers: stops reading requests,
    /// writes every queued response, sends a FIN, and closes when the peer
    /// does (or after a short linger). Call it once the requests in flight
    /// are answered; `closed()` resolves when it is done.
    pub fn close_gracefully(&self) {
        self.draining.cancel();
    }

    /// The peer's requests being handled now.
    pub fn in_flight(&self) -> usize {
        self.in_flight.load(Ordering::Relaxed)
    }

    /// Response bytes the peer has not read yet (encoded, or queued and estimated).
    pub fn unwritten(&self) -> usize {
        self.unwritten
            .load(Ordering::Relaxed)
            .saturating_add(self.queued_bytes.load(Ordering::Relaxed))
    }

    /// Closes a connection whose peer is hurting the server, saying why.
    pub fn cut_off(&self, why: std::fmt::Arguments<'_>) {
        if !self.is_closed() {
            tracing::warn!(peer = %self.peer, "cutting the connection off: {why}");
        }
        self.close();
    }

    /// The error of a request on a closed connection, with why reading failed if it did.
    fn closed_error(&self) -> RemotingError {
        let peer = match self.read_error.lock().unwrap().as_deref() {
            Some(why) => format!("{} ({why})", self.peer),
            None => self.peer.to_string(),
        };
        RemotingError::ConnectionClosed(peer)
    }

    /// Cuts the connection off once its unwritten bytes pass the bound. Bytes
    /// put into `out` are counted under its lock, before the writer can take
    /// them, so the count never goes below zero.
    fn check_unwritten(&self) -> Result<(), RemotingError> {
        if self.unwritten() > self.max_unwritten {
            self.cut_off(format_args!(
                "{} response bytes unread, more than serverChannelMaxPendingResponseBytes ({})",
                self.unwritten(),
                self.max_unwritten
            ));
            return Err(self.closed_error());
        }
        Ok(())
    }

    /// True the first time it is called on this connection: lets a server
    /// attach one close watcher per connection (e.g. to drop its clients).
    pub fn mark_watched(&self) -> bool {
        !self.watched.swap(true, Ordering::AcqRel)
    }

    /// Resolves when the connection has closed, from either side.
    pub async fn closed(&self) {
        self.closed.cancelled().await
    }

    /// Sends a request and waits for its response.
    pub async fn invoke(
        &self,
        mut request: RemotingCommand,
        timeout: Duration,
    ) -> Result<RemotingCommand, RemotingError> {
        let opaque = NEXT_OPAQUE.fetch_add(1, Ordering::Relaxed);
        request.opaque = opaque;
        request.flag &= !(FLAG_RESPONSE | FLAG_ONEWAY);
        if self.binary_requests {
            request.serialize_type = SerializeType::RocketMq;
        }
        if let Some(hook) = &self.rpc_hook {
            hook.before_request(&mut request);
        }
        // The connection's sweeper answers with a timeout once the deadline passes: no
        // timer of the request's own.
        let mut answer = self
            .pending
            .register(opaque, timeout, self.peer, &self.closed);
        let mut waiting = Waiting {
            pending: &self.pending,
            opaque: Some(opaque),
        };
        // A send waits only when the peer does not read: the deadline holds for that too.
        let answer = tokio::select! {
            biased;
            sent = self.send(request) => {
                sent?;
                (&mut answer).await
            }
            early = &mut answer => early,
        };
        waiting.opaque = None;
        match answer {
            Ok(answer) => answer,
            Err(_) => Err(self.closed_error()),
        }
    }

    /// Sends a request that gets no response.
    pub async fn invoke_oneway(&self, mut request: RemotingCommand) -> Result<(), RemotingError> {
        request.opaque = NEXT_OPAQUE.fetch_add(1, Ordering::Relaxed);
        request.flag = (request.flag | FLAG_ONEWAY) & !FLAG_RESPONSE;
        if self.binary_requests {
            request.serialize_type = SerializeType::RocketMq;
        }
        if let Some(hook) = &self.rpc_hook {
            hook.before_request(&mut request);
        }
        self.send(request).await
    }

    /// Sends a command as it is: written at once when nothing is waiting to be written
    /// before it, else queued for the writer task (bounded: a peer that does not read
    /// pushes back here).
    pub async fn send(&self, cmd: RemotingCommand) -> Result<(), RemotingError> {
        if self.is_closed() {
            return Err(self.closed_error());
        }
        if cmd.body_len() < LARGE_BODY && self.queued.load(Ordering::Acquire) == 0 {
            let mut out = self.out.lock().unwrap();
            // Checked again under the lock: the writer moves queued commands into `out`
            // and lowers the count while holding it.
            if self.queued.load(Ordering::Acquire) == 0 && out.len() < OUT_HIGH_WATER {
                let was_empty = out.is_empty();
                let before = out.len();
                encode_frame(&cmd, &mut out);
                let Some(socket) = self.socket.as_ref().filter(|_| was_empty) else {
                    self.unwritten
                        .fetch_add(out.len() - before, Ordering::Relaxed);
                    drop(out);
                    if was_empty {
                        // A TLS stream: only the writer task writes.
                        self.out_waiting.notify_one();
                    }
                    // Else the writer task is already waiting to write what was there.
                    return self.check_unwritten();
                };
                return match write_some(socket, &mut out) {
                    Ok(_) => {
                        if !out.is_empty() {
                            self.unwritten.fetch_add(out.len(), Ordering::Relaxed);
                            drop(out);
                            self.out_waiting.notify_one();
                            return self.check_unwritten();
                        }
                        Ok(())
                    }
                    Err(_) => {
                        drop(out);
                        self.close();
                        Err(self.closed_error())
                    }
                };
            }
        }
        // Counted until the writer takes the command; given back here if it never reaches
        // the queue, including when this future is dropped while the queue is full.
        let mut entry = QueuedEntry::count(self, queued_size(&cmd));
        self.check_unwritten()?;
        match self.tx.send(cmd).await {
            Ok(()) => {
                entry.handed_to_writer = true;
                Ok(())
            }
            Err(_) => Err(self.closed_error()),
        }
    }

    fn complete(&self, response: RemotingCommand) {
        let opaque = response.opaque;
        if !self.pending.complete(response) {
            tracing::debug!(peer = %self.peer, opaque, "dropping a response nobody waits for");
        }
    }
}

/// An invoke waiting for its answer: leaves the pending table if dropped before it came.
struct Waiting<'a> {
    pending: &'a PendingTable,
    /// `None` once answered (the answer took the entry with it).
    opaque: Option<i32>,
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        if let Some(opaque) = self.opaque {
            self.pending.remove(opaque);
        }
    }
}

/// A command counted in `queued` and `queued_bytes` on its way into the write queue: the
/// writer uncounts it once it takes it, and this guard does if it never gets there.
struct QueuedEntry<'a> {
    conn: &'a Connection,
    estimate: usize,
    handed_to_writer: bool,
}

impl<'a> QueuedEntry<'a> {
    fn count(conn: &'a Connection, estimate: usize) -> QueuedEntry<'a> {
        conn.queued.fetch_add(1, Ordering::AcqRel);
        conn.queued_bytes.fetch_add(estimate, Ordering::Relaxed);
        QueuedEntry {
            conn,
            estimate,
            handed_to_writer: false,
        }
    }
}

impl Drop for QueuedEntry<'_> {
    fn drop(&mut self) {
        if !self.handed_to_writer {
            self.conn
                .queued_bytes
                .fetch_sub(self.estimate, Ordering::Relaxed);
            self.conn.queued.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

/// A request being handled: releases its class and connection bounds when
/// dropped, after its response is queued (or if its handler panics).
struct InFlight {
    conn: Arc<Connection>,
    class: usize,
    /// A long poll counted in `held`.
    held: bool,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if self.held {
            self.conn.held.fetch_sub(1, Ordering::AcqRel);
        }
        if let Some(admission) = &self.conn.admission {
            admission.release(self.class);
        }
        if self.conn.in_flight.fetch_sub(1, Ordering::AcqRel) == self.conn.max_in_flight {
            self.conn.room.notify_one();
        }
    }
}

impl Connection {
    /// Why `draining` fired: a close, or a graceful close.
    fn read_end(&self) -> ReadEnd {
        if self.closed.is_cancelled() {
            ReadEnd::Closed
        } else {
            ReadEnd::Draining
        }
    }
}

/// How the read loop ended.
enum ReadEnd {
    /// The socket closed, failed or idled out, or `close()` was called.
    Closed,
    /// `close_gracefully()`: flush the writer and linger.
    Draining,
}

async fn read_loop<R: AsyncRead + Unpin>(
    conn: Arc<Connection>,
    mut frames: FramedRead<FrameDeadline<R>, RemotingCodec>,
    handler: Option<Arc<dyn RequestHandler>>,
    config: ConnectionConfig,
) {
    let mut idle = config.read_idle_timeout.map(IdleClock::new);
    let end = loop {
        if conn.in_flight.load(Ordering::Acquire) >= conn.max_in_flight {
            // Backpressure: read nothing more until one of the peer's requests is answered.
            let room = conn.room.notified();
            tokio::pin!(room);
            room.as_mut().enable();
            if conn.in_flight.load(Ordering::Acquire) >= conn.max_in_flight {
                tokio::select! {
                    _ = conn.draining.cancelled() => break conn.read_end(),
                    _ = room => {}
                }
            }
            // Time spent not reading is not the peer's idleness.
            if let Some(clock) = &mut idle {
                clock.heard();
            }
            continue;
        }
        // Biased: a frame already read costs no look at the idle clock.
        let frame = tokio::select! {
            biased;
            _ = conn.draining.cancelled() => break conn.read_end(),
            f = frames.next() => f,
            _ = IdleClock::expired(&mut idle) => {
                tracing::debug!(peer = %conn.peer, "closing an idle connection");
                break ReadEnd::Closed;
            }
        };
        let cmd = match frame {
            None => break ReadEnd::Closed,
            Some(Err(e)) => {
                tracing::warn!(peer = %conn.peer, "closing connection: {e}");
                *conn.read_error.lock().unwrap() = Some(e.to_string());
                break ReadEnd::Closed;
            }
            Some(Ok(cmd)) => cmd,
        };
        if let Some(clock) = &mut idle {
            clock.heard();
        }
        if cmd.is_response() {
            conn.complete(cmd);
            continue;
        }
        // Frames already read are decoded without touching the socket, and most requests are
        // answered inline: without this, one connection with a full buffer could keep its
        // worker thread for thousands of requests while other connections wait.
        tokio::task::consume_budget().await;
        let held = config.held.filter(|h| (h.is_held_code)(cmd.code));
        if let Some(bound) = held
            && conn.held.load(Ordering::Acquire) >= bound.max_per_connection
        {
            let busy = RemotingCommand::error(code::SYSTEM_BUSY, HELD_REMARK);
            respond(
                &conn,
                Some(busy),
                cmd.opaque,
                cmd.is_oneway(),
                cmd.serialize_type,
            )
            .await;
            continue;
        }
        let class = match &conn.admission {
            None => 0,
            Some(admission) => match admission.try_admit(cmd.code) {
                Ok(class) => class,
                Err(refusal) => {
                    let (opaque, oneway, st) = (cmd.opaque, cmd.is_oneway(), cmd.serialize_type);
                    respond(&conn, Some(refusal.response()), opaque, oneway, st).await;
                    continue;
                }
            },
        };
        conn.in_flight.fetch_add(1, Ordering::AcqRel);
        let mut request = InFlight {
            conn: conn.clone(),
            class,
            held: false,
        };
        let (opaque, oneway, serialize_type, code) =
            (cmd.opaque, cmd.is_oneway(), cmd.serialize_type, cmd.code);
        let mut answer: HandlerFuture = match &handler {
            Some(h) => h.handle(conn.clone(), cmd),
            None => Box::pin(std::future::ready(Some(RemotingCommand::not_supported(
                code,
            )))),
        };
        // Most requests (a send under ASYNC_FLUSH, a pull that finds messages) complete
        // without waiting: answered here, they cost no task spawn and no wake-up of another
        // task. Only a request that must wait (a long poll, a SYNC_FLUSH) gets a task.
        let first = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            answer.as_mut().now_or_never()
        }));
        match first {
            Ok(Some(response)) => {
                respond(&conn, response, opaque, oneway, serialize_type).await;
                drop(request);
            }
            Ok(None) => {
                if held.is_some() {
                    conn.held.fetch_add(1, Ordering::AcqRel);
                    request.held = true;
                }
                tokio::spawn(async move {
                    let response = answer.await;
                    respond(&request.conn, response, opaque, oneway, serialize_type).await;
                    drop(request);
                });
            }
            // A panicking handler answers nothing, as it would in a task of its own.
            Err(_) => drop(request),
        }
    };
    if let ReadEnd::Draining = end {
        conn.flush.cancel();
        // Until the peer closes (or the writer's linger ends): responses to our
        // own requests are still taken, the peer's requests are dropped.
        loop {
            let frame = tokio::select! {
                _ = conn.closed.cancelled() => break,
                f = frames.next() => f,
            };
            match frame {
                Some(Ok(cmd)) if cmd.is_response() => conn.complete(cmd),
                Some(Ok(_)) => {}
                Some(Err(_)) | None => break,
            }
        }
    }
    conn.close();
}

/// Queues the response to a request (none for a oneway one), matched to it by opaque and
/// in the serialization the request came in.
async fn respond(
    conn: &Connection,
    response: Option<RemotingCommand>,
    opaque: i32,
    oneway: bool,
    serialize_type: SerializeType,
) {
    if let (Some(mut response), false) = (response, oneway) {
        response.opaque = opaque;
        response.flag |= FLAG_RESPONSE;
        response.serialize_type = serialize_type;
        let _ = conn.send(response).await;
    }
}

/// Writes from the front of `out` what the socket takes without blocking;
/// returns how many bytes that was.
fn write_some(socket: &OwnedWriteHalf, out: &mut BytesMut) -> std::io::Result<usize> {
    let mut written = 0;
    while !out.is_empty() {
        match socket.try_write(out) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => {
                out.advance(n);
                written += n;
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return Ok(written),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(written)
}

/// What a queued command counts as unwritten until it is encoded.
fn queued_size(cmd: &RemotingCommand) -> usize {
    cmd.body_len() + FRAME_OVERHEAD
}

/// Where the writer task writes.
enum WriteSide {
    /// A plaintext socket, shared with senders who write to it directly.
    Plain(Arc<OwnedWriteHalf>),
    /// A stream only the writer task writes (TLS).
    Stream(Box<dyn AsyncWrite + Send + Unpin>),
}

/// Writes what senders left in `out` and the commands they queued, until the connection
/// closes. After `flush` (a graceful close) it writes what is queued, sends a FIN and gives
/// the peer `LINGER` to close its side before closing the connection.
async fn write_loop(
    conn: Arc<Connection>,
    mut rx: mpsc::Receiver<RemotingCommand>,
    mut side: WriteSide,
) {
    let closed = conn.closed.clone();
    let graceful = loop {
        let first = tokio::select! {
            biased;
            _ = closed.cancelled() => break false,
            c = rx.recv() => match c { Some(c) => Some(c), None => break false },
            _ = conn.out_waiting.notified() => None,
            // Only once the queue is empty: the reader has stopped, so nothing new comes.
            _ = conn.flush.cancelled() => break true,
        };
        if let Some(first) = first {
            // Gather whatever else is queued into one write: fewer syscalls under load.
            let mut out = conn.out.lock().unwrap();
            let mut next = Some(first);
            while let Some(cmd) = next.take() {
                let before = out.len();
                encode_frame(&cmd, &mut out);
                conn.unwritten
                    .fetch_add(out.len() - before, Ordering::Relaxed);
                conn.queued_bytes
                    .fetch_sub(queued_size(&cmd), Ordering::Relaxed);
                conn.queued.fetch_sub(1, Ordering::AcqRel);
                if out.len() < OUT_HIGH_WATER {
                    next = rx.try_recv().ok();
                }
            }
        }
        // A peer that stops reading must not keep a closed connection's task alive.
        let written = tokio::select! {
            _ = closed.cancelled() => false,
            r = drain(&conn, &mut side) => r.is_ok(),
        };
        if !written {
            break false;
        }
    };
    if graceful {
        let _ = drain(&conn, &mut side).await;
    }
    match &mut side {
        WriteSide::Plain(socket) => shutdown_write(socket),
        // close_notify and FIN; a peer that does not read must not hold the task.
        WriteSide::Stream(stream) => {
            let _ = tokio::time::timeout(LINGER, stream.shutdown()).await;
        }
    }
    if graceful {
        tokio::select! {
            _ = closed.cancelled() => {}
            _ = tokio::time::sleep(LINGER) => {}
        }
    }
    closed.cancel();
}

/// Writes all of `out`, waiting for the socket to take it.
async fn drain(conn: &Connection, side: &mut WriteSide) -> std::io::Result<()> {
    match side {
        WriteSide::Plain(socket) => loop {
            {
                let mut out = conn.out.lock().unwrap();
                let n = write_some(socket, &mut out)?;
                conn.unwritten.fetch_sub(n, Ordering::Relaxed);
                if out.is_empty() {
                    return Ok(());
                }
            }
            socket.writable().await?;
        },
        WriteSide::Stream(stream) => loop {
            let chunk = conn.out.lock().unwrap().split();
            if chunk.is_empty() {
                return stream.flush().await;
            }
            stream.write_all(&chunk).await?;
            conn.unwritten.fetch_sub(chunk.len(), Ordering::Relaxed);
        },
    }
}

/// Sends a FIN. The write half is shared with the senders, so it cannot be taken to call
/// its own `shutdown`; this is the same `shutdown(SHUT_WR)` on the descriptor.
fn shutdown_write(socket: &OwnedWriteHalf) {
    use std::os::fd::AsRawFd;
    let stream: &TcpStream = socket.as_ref();
    // SAFETY: the descriptor is open: `socket` owns it for this call's duration.
    unsafe {
        libc::shutdown(stream.as_raw_fd(), libc::SHUT_WR);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::remoting::codec::decode_frame;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    #[tokio::test]
    async fn a_send_dropped_while_the_write_queue_is_full_gives_back_what_it_counted() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stream, accepted) = tokio::join!(TcpStream::connect(addr), listener.accept());
        // The peer never reads: the socket, the write buffer and then the queue fill up.
        let _peer = accepted.unwrap();
        let conn = Connection::spawn(stream.unwrap(), None, ConnectionConfig::default());
        let command = || RemotingCommand::request(10).with_body(vec![0u8; 1024]);
        // A send that finds room completes at its first poll, before its timeout is checked.
        let mut sent = 0;
        while tokio::time::timeout(Duration::from_millis(100), conn.send(command()))
            .await
            .is_ok()
        {
            sent += 1;
            assert!(sent < 1_000_000, "the queue never filled");
        }
        let counted = conn.unwritten();
        for _ in 0..3 {
            let blocked = tokio::time::timeout(Duration::from_millis(20), conn.send(command()));
            assert!(blocked.await.is_err(), "the queue stays full");
        }
        assert_eq!(
            conn.unwritten(),
            counted,
            "a dropped send left its bytes counted as unwritten"
        );
        conn.close();
    }

    /// A server that answers each request with SUCCESS in the request's encoding, and
    /// reports the encoding of each request it read.
    async fn echo_types() -> (SocketAddr, mpsc::UnboundedReceiver<SerializeType>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (seen, types) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            let (mut s, _) = listener.accept().await.unwrap();
            let mut buf = BytesMut::new();
            loop {
                while let Some(req) = decode_frame(&mut buf, 1 << 20).unwrap() {
                    let _ = seen.send(req.serialize_type);
                    let mut answer = RemotingCommand::success();
                    answer.opaque = req.opaque;
                    answer.serialize_type = req.serialize_type;
                    let mut out = BytesMut::new();
                    encode_frame(&answer, &mut out);
                    s.write_all(&out).await.unwrap();
                }
                if s.read_buf(&mut buf).await.unwrap() == 0 {
                    return;
                }
            }
        });
        (addr, types)
    }

    /// A server end with `idle` as its read idle time, and the client end talking to it.
    async fn idle_pair(idle: Duration) -> (Arc<Connection>, Arc<Connection>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let client = TcpStream::connect(addr).await.unwrap();
        let (server, _) = listener.accept().await.unwrap();
        let config = ConnectionConfig {
            read_idle_timeout: Some(idle),
            ..Default::default()
        };
        let server = Connection::spawn(server, None, config);
        let client = Connection::spawn(client, None, ConnectionConfig::default());
        (server, client)
    }

    #[tokio::test]
    async fn a_silent_peer_is_closed_after_the_idle_time_and_a_talking_one_is_not() {
        let idle = Duration::from_millis(400);
        let (server, client) = idle_pair(idle).await;
        // Talking for several idle times, a request every fraction of one.
        for _ in 0..30 {
            let answer = client
                .invoke(RemotingCommand::request(9999), Duration::from_secs(5))
                .await
                .unwrap();
            assert_eq!(answer.code, code::REQUEST_CODE_NOT_SUPPORTED);
            tokio::time::sleep(idle / 8).await;
        }
        assert!(!server.is_closed());
        // Then silent: closed, from both ends.
        tokio::time::timeout(Duration::from_secs(20), server.closed())
            .await
            .expect("the idle connection was not closed");
        tokio::time::timeout(Duration::from_secs(20), client.closed())
            .await
            .expect("the peer did not see the close");
    }

    /// A connection to a peer that reads every request and answers none.
    async fn silent_peer() -> Arc<Connection> {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let (mut s, _) = listener.accept().await.unwrap();
            let mut buf = [0u8; 4096];
            while s.read(&mut buf).await.is_ok_and(|n| n > 0) {}
        });
        let stream = TcpStream::connect(addr).await.unwrap();
        Connection::spawn(stream, None, ConnectionConfig::default())
    }

    #[tokio::test]
    async fn unanswered_requests_time_out_each_at_its_own_deadline() {
        let conn = silent_peer().await;
        let long = {
            let conn = conn.clone();
            tokio::spawn(async move {
                conn.invoke(RemotingCommand::request(9999), Duration::from_secs(600))
                    .await
            })
        };
        // Registered after the long one, due long before it.
        while conn.pending.len() == 0 {
            tokio::task::yield_now().await;
        }
        for millis in [300, 50] {
            let short = conn.invoke(
                RemotingCommand::request(9999),
                Duration::from_millis(millis),
            );
            let err = tokio::time::timeout(Duration::from_secs(60), short)
                .await
                .expect("the short request waited for the long one")
                .unwrap_err();
            assert!(
                matches!(err, RemotingError::Timeout { millis: m, .. } if m == millis as u128),
                "{err}"
            );
        }
        assert_eq!(conn.pending.len(), 1, "only the long request waits");
        conn.close();
        let closed = long.await.unwrap().unwrap_err();
        assert!(
            matches!(closed, RemotingError::ConnectionClosed(_)),
            "{closed}"
        );
        assert_eq!(conn.pending.len(), 0);
    }

    #[tokio::test]
    async fn a_request_whose_caller_leaves_leaves_the_table() {
        let conn = silent_peer().await;
        let mut invoke =
            Box::pin(conn.invoke(RemotingCommand::request(9999), Duration::from_secs(600)));
        assert!(futures_util::poll!(invoke.as_mut()).is_pending());
        assert_eq!(conn.pending.len(), 1);
        drop(invoke);
        assert_eq!(conn.pending.len(), 0);
        // The connection still works for the next request, which times out as it should.
        let err = conn
            .invoke(RemotingCommand::request(9999), Duration::from_millis(20))
            .await
            .unwrap_err();
        assert!(matches!(err, RemotingError::Timeout { .. }), "{err}");
        assert_eq!(conn.pending.len(), 0);
    }

    #[tokio::test]
    async fn requests_go_in_the_configured_encoding_and_answers_in_either_are_taken() {
        for (configured, made, sent) in [
            (
                SerializeType::Json,
                SerializeType::Json,
                SerializeType::Json,
            ),
            (
                SerializeType::Json,
                SerializeType::RocketMq,
                SerializeType::RocketMq,
            ),
            (
                SerializeType::RocketMq,
                SerializeType::Json,
                SerializeType::RocketMq,
            ),
        ] {
            let (addr, mut types) = echo_types().await;
            let config = ConnectionConfig {
                request_serialize_type: configured,
                ..Default::default()
            };
            let conn = Connection::spawn(TcpStream::connect(addr).await.unwrap(), None, config);
            let mut req = RemotingCommand::request(9999).with_ext("topic", "T");
            req.serialize_type = made;
            let answer = conn.invoke(req, Duration::from_secs(5)).await.unwrap();
            assert_eq!(answer.code, code::SUCCESS);
            assert_eq!(answer.serialize_type, sent);
            assert_eq!(types.recv().await, Some(sent), "{configured:?} {made:?}");
            conn.close();
        }
    }
}
