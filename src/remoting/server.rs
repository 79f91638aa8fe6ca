//! The remoting server: accept loop, one task per connection, requests handed
//! to a `RequestHandler`, graceful shutdown.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;

use super::connection::{Connection, ConnectionConfig, RequestHandler};

/// RocketMQ servers close connections idle this long.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub max_frame: usize,
    pub idle_timeout: Duration,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            max_frame: super::codec::DEFAULT_MAX_FRAME,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
        }
    }
}

/// Serves `listener` until `shutdown` resolves, then closes every connection.
pub async fn run(
    listener: TcpListener,
    handler: Arc<dyn RequestHandler>,
    config: ServerConfig,
    shutdown: impl Future<Output = ()>,
) {
    let conn_config = ConnectionConfig {
        max_frame: config.max_frame,
        read_idle_timeout: Some(config.idle_timeout),
    };
    let mut open: Vec<Arc<Connection>> = Vec::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    open.retain(|c| !c.is_closed());
                    open.push(Connection::spawn(stream, Some(handler.clone()), conn_config.clone()));
                }
                Err(e) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tracing::warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
        }
    }
    for conn in open {
        conn.close();
    }
}
