//! One remoting connection, used the same way on both ends: the peer may send
//! requests (answered by a `RequestHandler`) and responses (matched to our
//! pending requests by opaque) over the same socket.

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::BytesMut;
use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::{mpsc, oneshot};
use tokio_util::codec::FramedRead;
use tokio_util::sync::CancellationToken;

use super::codec::{RemotingCodec, encode_frame_header};
use super::command::{FLAG_ONEWAY, FLAG_RESPONSE, RemotingCommand};
use super::error::RemotingError;

pub type HandlerFuture = Pin<Box<dyn Future<Output = Option<RemotingCommand>> + Send>>;

/// Answers requests that arrive on a connection. Returning `None` sends no
/// response (as for oneway requests).
pub trait RequestHandler: Send + Sync + 'static {
    fn handle(&self, conn: Arc<Connection>, request: RemotingCommand) -> HandlerFuture;
}

/// Settings shared by every connection of a client or server.
#[derive(Clone, Debug)]
pub struct ConnectionConfig {
    pub max_frame: usize,
    /// Close the connection when nothing arrives for this long (servers only).
    pub read_idle_timeout: Option<Duration>,
}

impl Default for ConnectionConfig {
    fn default() -> Self {
        ConnectionConfig {
            max_frame: super::codec::DEFAULT_MAX_FRAME,
            read_idle_timeout: None,
        }
    }
}

/// Outgoing frames wait here; bounded so a slow peer pushes back on senders.
const WRITE_QUEUE: usize = 4096;
/// Bodies at least this large are written from their own buffer, not copied.
const LARGE_BODY: usize = 16 * 1024;

static NEXT_OPAQUE: AtomicI32 = AtomicI32::new(1);

pub struct Connection {
    peer: SocketAddr,
    tx: mpsc::Sender<RemotingCommand>,
    pending: Mutex<HashMap<i32, oneshot::Sender<RemotingCommand>>>,
    closed: CancellationToken,
    watched: AtomicBool,
}

impl Connection {
    /// Starts the reader and writer tasks of a connected socket.
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
        let (tx, rx) = mpsc::channel(WRITE_QUEUE);
        let conn = Arc::new(Connection {
            peer,
            tx,
            pending: Mutex::new(HashMap::new()),
            closed: CancellationToken::new(),
            watched: AtomicBool::new(false),
        });
        tokio::spawn(write_loop(write, rx, conn.closed.clone()));
        let codec = RemotingCodec {
            max_frame: config.max_frame,
        };
        let frames = FramedRead::new(read, codec);
        tokio::spawn(read_loop(conn.clone(), frames, handler, config));
        conn
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
        self.pending.lock().unwrap().clear();
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
        let (done, response) = oneshot::channel();
        self.pending.lock().unwrap().insert(opaque, done);
        let exchange = async {
            self.send(request).await?;
            response
                .await
                .map_err(|_| RemotingError::ConnectionClosed(self.peer.to_string()))
        };
        let result = tokio::time::timeout(timeout, exchange).await;
        match result {
            Ok(r) => r,
            Err(_) => {
                self.pending.lock().unwrap().remove(&opaque);
                Err(RemotingError::Timeout {
                    addr: self.peer.to_string(),
                    millis: timeout.as_millis(),
                })
            }
        }
    }

    /// Sends a request that gets no response.
    pub async fn invoke_oneway(&self, mut request: RemotingCommand) -> Result<(), RemotingError> {
        request.opaque = NEXT_OPAQUE.fetch_add(1, Ordering::Relaxed);
        request.flag = (request.flag | FLAG_ONEWAY) & !FLAG_RESPONSE;
        self.send(request).await
    }

    /// Queues a command for writing as it is.
    pub async fn send(&self, cmd: RemotingCommand) -> Result<(), RemotingError> {
        if self.is_closed() {
            return Err(RemotingError::ConnectionClosed(self.peer.to_string()));
        }
        self.tx
            .send(cmd)
            .await
            .map_err(|_| RemotingError::ConnectionClosed(self.peer.to_string()))
    }

    fn complete(&self, response: RemotingCommand) {
        let waiter = self.pending.lock().unwrap().remove(&response.opaque);
        match waiter {
            Some(w) => {
                let _ = w.send(response);
            }
            None => tracing::debug!(
                peer = %self.peer,
                opaque = response.opaque,
                "dropping a response nobody waits for"
            ),
        }
    }
}

async fn read_loop(
    conn: Arc<Connection>,
    mut frames: FramedRead<tokio::net::tcp::OwnedReadHalf, RemotingCodec>,
    handler: Option<Arc<dyn RequestHandler>>,
    config: ConnectionConfig,
) {
    loop {
        let next = async {
            match config.read_idle_timeout {
                Some(idle) => tokio::time::timeout(idle, frames.next()).await.ok(),
                None => Some(frames.next().await),
            }
        };
        let frame = tokio::select! {
            _ = conn.closed.cancelled() => break,
            f = next => f,
        };
        let cmd = match frame {
            None => {
                tracing::debug!(peer = %conn.peer, "closing an idle connection");
                break;
            }
            Some(None) => break,
            Some(Some(Err(e))) => {
                tracing::warn!(peer = %conn.peer, "closing connection: {e}");
                break;
            }
            Some(Some(Ok(cmd))) => cmd,
        };
        if cmd.is_response() {
            conn.complete(cmd);
            continue;
        }
        let conn = conn.clone();
        let handler = handler.clone();
        tokio::spawn(async move {
            let (opaque, oneway, serialize_type, code) =
                (cmd.opaque, cmd.is_oneway(), cmd.serialize_type, cmd.code);
            let response = match handler {
                Some(h) => h.handle(conn.clone(), cmd).await,
                None => Some(RemotingCommand::not_supported(code)),
            };
            if let (Some(mut response), false) = (response, oneway) {
                response.opaque = opaque;
                response.flag |= FLAG_RESPONSE;
                response.serialize_type = serialize_type;
                let _ = conn.send(response).await;
            }
        });
    }
    conn.close();
}

async fn write_loop(
    mut write: OwnedWriteHalf,
    mut rx: mpsc::Receiver<RemotingCommand>,
    closed: CancellationToken,
) {
    let mut buf = BytesMut::with_capacity(64 * 1024);
    loop {
        let first = tokio::select! {
            _ = closed.cancelled() => break,
            c = rx.recv() => match c { Some(c) => c, None => break },
        };
        let mut next = Some(first);
        let mut failed = false;
        // Gather whatever else is queued into one write: fewer syscalls under load.
        while let Some(cmd) = next.take() {
            encode_frame_header(&cmd, &mut buf);
            if cmd.body.len() >= LARGE_BODY {
                if write.write_all(&buf).await.is_err() || write.write_all(&cmd.body).await.is_err()
                {
                    failed = true;
                    break;
                }
                buf.clear();
            } else {
                buf.extend_from_slice(&cmd.body);
            }
            if buf.len() < 256 * 1024 {
                next = rx.try_recv().ok();
            }
        }
        if failed || (!buf.is_empty() && write.write_all(&buf).await.is_err()) {
            break;
        }
        buf.clear();
    }
    closed.cancel();
    let _ = write.shutdown().await;
}
