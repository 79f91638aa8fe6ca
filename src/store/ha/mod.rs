//! Commit log replication, RocketMQ 4.x's HA (HAService, HAConnection, HAClient): the master's
//! listener and one connection per slave streaming its commit log, the slave's client that
//! appends what it is sent, and the acknowledgements SYNC_MASTER sends wait for. The wire format
//! (wire.rs) and the bookkeeping (state.rs) are pure; master.rs and client.rs are the socket
//! tasks around them.

pub mod client;
pub mod master;
pub mod state;
pub mod wire;

pub use state::ReplicaStatus;

use super::MessageStore;
use state::AckTable;
use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio::sync::{Notify, oneshot, watch};

/// A replication connection: plain TCP, or what the host wraps it in (the broker's TLS).
pub trait HaStream: AsyncRead + AsyncWrite + Send + Unpin {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin> HaStream for T {}
pub type BoxHaStream = Box<dyn HaStream>;
/// A connection being set up; `Ok(None)` when the host drops it (a plaintext slave on an
/// enforcing TLS port).
pub type HaStreamFuture =
    Pin<Box<dyn Future<Output = std::io::Result<Option<BoxHaStream>>> + Send>>;

/// What the HA service runs with (MessageStoreConfig's ha* keys, syncFlushTimeout).
#[derive(Debug, Clone)]
pub struct HaConfig {
    /// How often a silent side sends a heartbeat (haSendHeartbeatInterval).
    pub heartbeat_interval: Duration,
    /// A connection silent this long is closed (haHousekeepingInterval).
    pub housekeeping_interval: Duration,
    /// At most this many bytes per transfer (haTransferBatchSize).
    pub transfer_batch_size: usize,
    /// A slave further behind than this is not in sync (haMaxGapNotInSync).
    pub max_gap_not_in_sync: i64,
    /// How long a SYNC_MASTER send waits for a slave (syncFlushTimeout).
    pub sync_timeout: Duration,
}

/// Things that need a store and its HA service: the broker.
pub trait HaHost: Send + Sync + 'static {
    fn store(&self) -> &MessageStore;
    fn ha(&self) -> &HaService;
    /// A replicated record of `topic`/`queue_id` became readable (a slave wakes its long polls).
    fn on_replicated(&self, topic: &str, queue_id: i32) {
        let _ = (topic, queue_id);
    }
    /// The stream replication with an accepted slave runs over: plain TCP unless the host
    /// wraps it (TLS, as the broker's tls.server.mode says).
    fn accept_slave(&self, stream: TcpStream, peer: SocketAddr) -> HaStreamFuture {
        let _ = peer;
        Box::pin(async move { Ok(Some(Box::new(stream) as BoxHaStream)) })
    }
    /// Connects to the master's HA address: plain TCP unless the host wraps it.
    fn connect_master(&self, addr: &str) -> HaStreamFuture {
        let addr = addr.to_string();
        Box::pin(async move {
            let stream = TcpStream::connect(&addr).await?;
            let _ = stream.set_nodelay(true);
            Ok(Some(Box::new(stream) as BoxHaStream))
        })
    }
}

/// The HA state a broker keeps: on a master, the slaves' acknowledgements and the sends waiting
/// for them; on a slave, its master's HA address.
pub struct HaService {
    config: HaConfig,
    acks: Mutex<AckTable<oneshot::Sender<()>>>,
    next_connection: AtomicU64,
    /// Wakes the connections' senders when a send waits for a slave, so its bytes leave now.
    transfer_wanted: Notify,
    master_address: watch::Sender<Option<String>>,
    /// Each master-side connection's peer address, for status reports.
    peers: Mutex<HashMap<u64, String>>,
    /// Whether a slave's client has a connection to its master now.
    master_connected: AtomicBool,
}

/// One connected slave as a master sees it (for status reports).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaveConnection {
    /// The slave's end of its HA connection.
    pub address: String,
    /// The commit log offset it last reported having.
    pub acked_offset: i64,
}

/// Waiting sends beyond which timed-out ones are swept out at the next wait.
const PRUNE_ABOVE: usize = 4096;

impl HaService {
    /// `master_address`: a slave's configured haMasterAddress, if any.
    pub fn new(config: HaConfig, master_address: Option<String>) -> HaService {
        HaService {
            config,
            acks: Mutex::new(AckTable::default()),
            next_connection: AtomicU64::new(1),
            transfer_wanted: Notify::new(),
            master_address: watch::channel(master_address.filter(|a| !a.is_empty())).0,
            peers: Mutex::new(HashMap::new()),
            master_connected: AtomicBool::new(false),
        }
    }

    pub fn config(&self) -> &HaConfig {
        &self.config
    }

    fn acks(&self) -> std::sync::MutexGuard<'_, AckTable<oneshot::Sender<()>>> {
        self.acks.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A slave's master HA address, as the name server's registration answer gives it; a
    /// change makes the client reconnect.
    pub fn update_master_address(&self, addr: &str) {
        if addr.is_empty() {
            return;
        }
        self.master_address.send_if_modified(|cur| {
            if cur.as_deref() == Some(addr) {
                return false;
            }
            tracing::info!("HA master address: {addr}");
            *cur = Some(addr.to_string());
            true
        });
    }

    /// The master HA address a slave follows, if known.
    pub fn master_address(&self) -> Option<String> {
        self.master_address.borrow().clone()
    }

    /// How many slaves are connected and have reported, and the furthest acknowledged offset.
    pub fn slaves(&self) -> (usize, i64) {
        let a = self.acks();
        (a.slave_count(), a.max_acked())
    }

    /// Every slave that has reported, with its address and acknowledged offset, by address.
    pub fn slave_connections(&self) -> Vec<SlaveConnection> {
        let acked: Vec<(u64, i64)> = self.acks().acked().collect();
        let peers = self.peers.lock().unwrap_or_else(|e| e.into_inner());
        let mut out: Vec<SlaveConnection> = acked
            .into_iter()
            .map(|(conn, acked_offset)| SlaveConnection {
                address: peers.get(&conn).cloned().unwrap_or_default(),
                acked_offset,
            })
            .collect();
        out.sort_by(|a, b| a.address.cmp(&b.address));
        out
    }

    /// On a slave: whether it is connected to its master now.
    pub fn master_connected(&self) -> bool {
        self.master_connected.load(Ordering::Relaxed)
    }

    fn set_master_connected(&self, connected: bool) {
        self.master_connected.store(connected, Ordering::Relaxed);
    }

    /// A SYNC_MASTER send's wait (RocketMQ's CommitLog#handleHA): until a slave acknowledges
    /// `end` (the commit log offset just past the message), at most syncFlushTimeout;
    /// SLAVE_NOT_AVAILABLE at once with no slave, or none within haMaxGapNotInSync of
    /// `master_max`. All waits share one list, woken by each acknowledgement.
    pub async fn wait_replicated(&self, end: i64, master_max: i64) -> ReplicaStatus {
        let (tx, rx) = oneshot::channel();
        {
            let mut acks = self.acks();
            if !acks.slave_ok(master_max, self.config.max_gap_not_in_sync) {
                return ReplicaStatus::SlaveNotAvailable;
            }
            if acks.waiting() > PRUNE_ABOVE {
                acks.prune(|w| w.is_closed());
            }
            if acks.wait_for(end, tx).is_some() {
                return ReplicaStatus::Replicated;
            }
        }
        self.transfer_wanted.notify_waiters();
        match tokio::time::timeout(self.config.sync_timeout, rx).await {
            Ok(Ok(())) => ReplicaStatus::Replicated,
            // Timed out, or the last slave went away (Java waits the timeout out either way).
            _ => ReplicaStatus::FlushSlaveTimeout,
        }
    }

    fn connect(&self) -> u64 {
        self.next_connection.fetch_add(1, Ordering::Relaxed)
    }

    fn name_connection(&self, conn: u64, peer: String) {
        let mut peers = self.peers.lock().unwrap_or_else(|e| e.into_inner());
        peers.insert(conn, peer);
    }

    fn on_ack(&self, conn: u64, offset: i64) {
        let woken = self.acks().ack(conn, offset);
        for w in woken {
            let _ = w.send(());
        }
    }

    fn on_disconnect(&self, conn: u64) {
        let mut peers = self.peers.lock().unwrap_or_else(|e| e.into_inner());
        peers.remove(&conn);
        drop(peers);
        // Dropping the senders ends their waits.
        drop(self.acks().disconnect(conn));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(timeout_ms: u64) -> HaService {
        HaService::new(
            HaConfig {
                heartbeat_interval: Duration::from_secs(5),
                housekeeping_interval: Duration::from_secs(20),
                transfer_batch_size: 32 * 1024,
                max_gap_not_in_sync: 1000,
                sync_timeout: Duration::from_millis(timeout_ms),
            },
            None,
        )
    }

    #[tokio::test]
    async fn a_sync_send_waits_for_a_slave_in_sync() {
        let ha = service(60_000);
        assert_eq!(
            ha.wait_replicated(100, 100).await,
            ReplicaStatus::SlaveNotAvailable
        );
        let conn = ha.connect();
        ha.on_ack(conn, 0);
        // Too far behind.
        assert_eq!(
            ha.wait_replicated(2000, 2000).await,
            ReplicaStatus::SlaveNotAvailable
        );
        let waits: Vec<_> = (1..=3)
            .map(|i| {
                let ha = &ha;
                async move { ha.wait_replicated(i * 100, 300).await }
            })
            .collect();
        let acks = async {
            // Let every wait register, then one acknowledgement covers them all.
            while ha.acks().waiting() < 3 {
                tokio::task::yield_now().await;
            }
            ha.on_ack(conn, 300);
        };
        let (statuses, ()) = tokio::join!(futures_util::future::join_all(waits), acks);
        assert_eq!(statuses, vec![ReplicaStatus::Replicated; 3]);
        // Already acknowledged: no wait.
        assert_eq!(
            ha.wait_replicated(300, 300).await,
            ReplicaStatus::Replicated
        );
    }

    #[tokio::test]
    async fn no_acknowledgement_in_time_is_flush_slave_timeout() {
        let ha = service(50);
        let conn = ha.connect();
        ha.on_ack(conn, 0);
        assert_eq!(
            ha.wait_replicated(100, 100).await,
            ReplicaStatus::FlushSlaveTimeout
        );
        // The last slave leaving ends the waits at once.
        let ha = service(60_000);
        let conn = ha.connect();
        ha.on_ack(conn, 0);
        let wait = ha.wait_replicated(100, 100);
        let leave = async {
            while ha.acks().waiting() < 1 {
                tokio::task::yield_now().await;
            }
            ha.on_disconnect(conn);
        };
        let (status, ()) = tokio::join!(wait, leave);
        assert_eq!(status, ReplicaStatus::FlushSlaveTimeout);
    }

    #[test]
    fn slave_connections_report_address_and_ack_until_they_close() {
        let ha = service(1);
        let (a, b) = (ha.connect(), ha.connect());
        ha.name_connection(a, "127.0.0.1:5001".into());
        ha.name_connection(b, "127.0.0.1:5002".into());
        // Not reported yet: not a slave in the table.
        ha.on_ack(a, 300);
        assert_eq!(
            ha.slave_connections(),
            vec![SlaveConnection {
                address: "127.0.0.1:5001".into(),
                acked_offset: 300
            }]
        );
        ha.on_ack(b, 100);
        ha.on_disconnect(a);
        assert_eq!(
            ha.slave_connections(),
            vec![SlaveConnection {
                address: "127.0.0.1:5002".into(),
                acked_offset: 100
            }]
        );
        assert!(!ha.master_connected());
        ha.set_master_connected(true);
        assert!(ha.master_connected());
    }

    #[test]
    fn the_master_address_changes_only_when_it_differs() {
        let ha = service(1);
        let mut rx = ha.master_address.subscribe();
        ha.update_master_address("");
        assert!(!rx.has_changed().unwrap());
        ha.update_master_address("127.0.0.1:10912");
        assert!(rx.has_changed().unwrap());
        rx.borrow_and_update();
        ha.update_master_address("127.0.0.1:10912");
        assert!(!rx.has_changed().unwrap());
        assert_eq!(ha.master_address().as_deref(), Some("127.0.0.1:10912"));
    }
}
