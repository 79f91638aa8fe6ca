//! The broker: request processors, topic/group/offset managers, connected
//! clients, long polling and registration with name servers, over the store;
//! and its lifecycle: open, serve with background services, drain and stop.

pub mod append;
pub mod client_manager;
pub mod config;
pub mod consumer_offset_manager;
pub mod filter;
pub mod lock;
pub mod long_polling;
pub mod processor;
pub mod read_suggestion;
pub mod registration;
pub mod reply;
pub mod retry;
pub mod rocketmq_keys;
pub mod runtime_config;
pub mod schedule;
pub mod service;
pub mod slave_sync;
pub mod stats;
pub mod subscription_group_manager;
pub mod topic_config_manager;
pub mod transaction;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use self::client_manager::{ConsumerManager, ProducerManager};
use self::config::{BrokerConfig, BrokerStartConfig};
use self::consumer_offset_manager::ConsumerOffsetManager;
use self::lock::RebalanceLockTable;
use self::long_polling::PullRequestHoldService;
use self::registration::Registration;
use self::service::Services;
use self::stats::BrokerStats;
use self::subscription_group_manager::SubscriptionGroupManager;
use self::topic_config_manager::TopicConfigManager;
use crate::client::namesrv::NamesrvAddrs;
use crate::remoting::server::{self, ServerConfig, ServerLimits};
use crate::remoting::tls::Sniffed;
use crate::store::ha::{BoxHaStream, HaHost, HaService, HaStreamFuture};
use crate::store::{MessageStore, StoreError, StoreHooks};

pub use config::BrokerRole;

#[derive(Debug, thiserror::Error)]
pub enum BrokerError {
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Config(#[from] crate::config::ConfigError),
}

/// A broker's state, shared by its processors and background services.
/// Outside the crate it is opened, run and asked its config.
pub struct Broker {
    pub(crate) config: BrokerConfig,
    pub(crate) store: MessageStore,
    pub(crate) topics: TopicConfigManager,
    pub(crate) groups: SubscriptionGroupManager,
    pub(crate) offsets: ConsumerOffsetManager,
    pub(crate) producers: ProducerManager,
    pub(crate) consumers: ConsumerManager,
    /// Orderly consumers' queue locks (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ).
    pub(crate) locks: Mutex<RebalanceLockTable>,
    pub(crate) pull_hold: PullRequestHoldService,
    /// Delayed delivery by level: delivered offsets and the re-put service's wake-up.
    pub(crate) schedule: schedule::ScheduleMessageService,
    pub(crate) stats: BrokerStats,
    /// What the timer service reports (schedule::timer).
    pub(crate) timer: schedule::timer::TimerMetrics,
    /// Transactional messages: which halves are settled (transaction::).
    pub(crate) transactions: transaction::TransactionalMessageService,
    pub(crate) store_host: SocketAddr,
    /// regionId as every send answer carries it (MSG_REGION): made once, shared by each.
    pub(crate) region_id_ext: crate::remoting::HeaderStr,
    pub(crate) registration: Option<Registration>,
    /// Config updates made by admins since start (UPDATE_BROKER_CONFIG).
    pub(crate) runtime_config: runtime_config::RuntimeConfig,
    /// Commit log replication: a master's slaves and the sends waiting for them, a slave's
    /// master address.
    pub(crate) ha: HaService,
    /// The listener's TLS (tls.server.*), `None` when disabled.
    tls: Option<Arc<crate::remoting::tls::TlsServer>>,
    /// brokerPermission, which admins may change while the broker runs
    /// (UPDATE_BROKER_CONFIG, e.g. to stop writes before maintenance).
    permission: AtomicI32,
    shutdown: CancellationToken,
}

impl Broker {
    /// Opens the store (recovering it) and loads the broker's config files.
    /// `namesrv` is the name server list to register with, if any.
    pub fn open(
        start: BrokerStartConfig,
        namesrv: Option<&str>,
    ) -> Result<Arc<Broker>, BrokerError> {
        Self::open_with(start, namesrv, StoreHooks::default())
    }

    /// `open`, with the store's clock, disk probes and fault injection replaced (tests).
    pub fn open_with(
        start: BrokerStartConfig,
        namesrv: Option<&str>,
        hooks: StoreHooks,
    ) -> Result<Arc<Broker>, BrokerError> {
        let BrokerStartConfig {
            broker: config,
            store,
        } = start;
        let root = store.store_path_root_dir.clone();
        let tls =
            config
                .tls_server()
                .build()
                .map_err(|e| crate::config::ConfigError::BadValue {
                    key: e.what,
                    reason: e.reason,
                })?;
        // Updates saved by UPDATE_BROKER_CONFIG apply from this start on.
        let (runtime_config, config, store) =
            runtime_config::RuntimeConfig::open(&root, config, store)?;
        let store = MessageStore::open_with(store, hooks)?;
        let topics = TopicConfigManager::load(&root, &config)?;
        let groups = SubscriptionGroupManager::load(&root, config.auto_create_subscription_group)?;
        let offsets = ConsumerOffsetManager::load(&root)?;
        let schedule = schedule::ScheduleMessageService::load(&store)?;
        let transactions = transaction::TransactionalMessageService::load(&store, &offsets);
        let registration = match namesrv {
            Some(list) => Some(Registration::new(NamesrvAddrs::parse(list).map_err(
                |e| crate::config::ConfigError::BadValue {
                    key: "namesrvAddr".into(),
                    reason: e.to_string(),
                },
            )?)),
            None => None,
        };
        let locks = Mutex::new(RebalanceLockTable::new(config.rebalance_lock_max_live_time));
        let ha = HaService::new(
            store.config().ha_config(),
            store.config().ha_master_address.clone(),
        );
        Ok(Arc::new(Broker {
            ha,
            tls,
            permission: AtomicI32::new(config.broker_permission),
            store_host: config.store_host(),
            region_id_ext: config.region_id.as_str().into(),
            config,
            store,
            topics,
            groups,
            offsets,
            producers: ProducerManager::default(),
            consumers: ConsumerManager::default(),
            locks,
            pull_hold: PullRequestHoldService::default(),
            schedule,
            stats: BrokerStats::default(),
            timer: Default::default(),
            transactions,
            registration,
            runtime_config,
            shutdown: CancellationToken::new(),
        }))
    }

    /// The config the broker runs with (start config and saved updates).
    pub fn config(&self) -> &BrokerConfig {
        &self.config
    }

    /// The broker's message store, for in-process callers (tests, tools) that read it.
    pub fn store(&self) -> &MessageStore {
        &self.store
    }

    /// The broker's topics.
    pub fn topics(&self) -> &TopicConfigManager {
        &self.topics
    }

    /// The put and get counters the broker reports.
    pub fn stats(&self) -> &BrokerStats {
        &self.stats
    }

    /// The address stored in every message as its store host.
    pub fn store_host(&self) -> SocketAddr {
        self.store_host
    }

    /// How many pulls are parked in long polling now.
    pub fn held_pulls(&self) -> usize {
        self.pull_hold.held_count()
    }

    /// Serves `listener` with the background services running until
    /// `shutdown` resolves. Then, in order: refuses new requests
    /// (SERVICE_NOT_AVAILABLE), wakes parked long polls, waits up to
    /// shutdownWaitTimeSeconds for the requests in flight to be answered,
    /// writes their responses and closes the connections, stops the services,
    /// unregisters from the name servers, persists consumer offsets and shuts
    /// the store down cleanly.
    pub async fn run(self: Arc<Self>, listener: TcpListener, shutdown: impl Future<Output = ()>) {
        let server_config = ServerConfig {
            max_frame: self.config.frame_max_length,
            idle_timeout: Duration::from_secs(self.config.server_channel_max_idle_time_seconds),
            tls: self.tls.clone(),
        };
        let wait = Duration::from_secs(self.config.shutdown_wait_time_seconds);
        let limits = ServerLimits {
            max_in_flight_per_connection: self.config.server_channel_max_in_flight_requests,
            admission: Arc::new(processor::RequestClass::admission(&self.config)),
            shutdown_wait: wait,
            max_connections_per_address: self.config.server_max_connections_per_address,
            held: Some(crate::remoting::limits::HeldBound {
                is_held_code: |code| code == crate::remoting::code::request::PULL_MESSAGE,
                max_per_connection: self.config.server_channel_max_held_pull_requests,
            }),
            max_unwritten_per_connection: self.config.server_channel_max_pending_response_bytes,
            max_unwritten_total: self.config.server_max_pending_response_bytes,
            frame_read_timeout: self.config.frame_read_timeout(),
        };
        let services = Services::start(&self, &self.shutdown);
        let processor = Arc::new(processor::BrokerProcessor::new(self.clone()));
        let begin_shutdown = {
            let broker = self.clone();
            async move {
                shutdown.await;
                tracing::info!("broker shutting down: draining requests");
                broker.begin_shutdown();
            }
        };
        server::serve(listener, processor, server_config, limits, begin_shutdown).await;
        services.join(Instant::now() + wait).await;
        if let Some(r) = &self.registration {
            r.unregister_all(&self).await;
        }
        if let Err(e) = self.offsets.persist_if_dirty() {
            tracing::error!("cannot persist consumer offsets: {e}");
        }
        if let Err(e) = self.store.shutdown() {
            tracing::error!("store shutdown: {e}");
        }
    }

    /// Marks the broker as stopping (services see their token cancelled) and
    /// wakes every parked pull. The order matters: a pull parks only after
    /// checking `is_shutting_down`, so one that parks after the wake-up saw
    /// the flag and does not park.
    fn begin_shutdown(&self) {
        self.shutdown.cancel();
        self.pull_hold.wake_all();
    }

    /// Registers with every name server now; `run` keeps doing it.
    pub async fn register_now(&self) {
        if let Some(registration) = &self.registration {
            registration.register_all(self).await;
        }
    }

    /// Asks for a registration now (after topic changes).
    pub fn topics_changed(&self) {
        if let Some(r) = &self.registration {
            r.request_now();
        }
    }

    /// The permission the name servers are told: `permission()`, without the write bit once
    /// the store has stopped taking writes after a failed write or sync (until a restart), so
    /// that producers send elsewhere while consumers still read here.
    pub fn registered_permission(&self) -> i32 {
        if self.store.write_failure().is_some() {
            self.permission() & !crate::protocol::perm::PERM_WRITE
        } else {
            self.permission()
        }
    }

    /// The broker's current permission (PermName bits).
    pub fn permission(&self) -> i32 {
        self.permission.load(Ordering::Relaxed)
    }

    /// Changes the broker's permission now and tells the name servers.
    pub fn set_permission(&self, perm: i32) {
        self.permission.store(perm, Ordering::Relaxed);
        self.registered_permission_changed();
    }

    /// Registers now with the permission `registered_permission` gives, under a new data
    /// version: as RocketMQ's name server, ours ignores the topics of a registration whose
    /// version it already has.
    pub fn registered_permission_changed(&self) {
        self.topics.next_data_version();
        self.topics_changed();
    }

    pub fn is_shutting_down(&self) -> bool {
        self.shutdown.is_cancelled()
    }

    /// The port slaves replicate from: haListenPort, or listenPort + 1.
    pub fn ha_listen_port(&self) -> u16 {
        ha_listen_port(self.config.listen_port, self.store.config().ha_listen_port)
    }

    /// The HA address registered with the name servers, which they hand to slaves.
    pub fn ha_server_addr(&self) -> String {
        format!("{}:{}", self.config.broker_ip1, self.ha_listen_port())
    }

    /// The master's or the slave's HA state (connected slaves and their acknowledgements).
    pub fn ha(&self) -> &HaService {
        &self.ha
    }
}

impl HaHost for Broker {
    fn store(&self) -> &MessageStore {
        &self.store
    }
    fn ha(&self) -> &HaService {
        &self.ha
    }
    fn on_replicated(&self, topic: &str, queue_id: i32) {
        self.pull_hold.notify_message_arriving(topic, queue_id);
    }
    /// The HA port serves TLS as the remoting port does (tls.server.mode); RocketMQ's Java
    /// slaves speak plaintext only, so they need `disabled` or `permissive`.
    fn accept_slave(&self, stream: TcpStream, peer: SocketAddr) -> HaStreamFuture {
        let Some(tls) = self.tls.clone() else {
            return Box::pin(async move { Ok(Some(Box::new(stream) as BoxHaStream)) });
        };
        let wait = crate::remoting::tls::HANDSHAKE_TIMEOUT;
        Box::pin(async move {
            Ok(match tls.sniff(stream, peer, wait).await {
                Some(Sniffed::Tls(stream)) => Some(stream as BoxHaStream),
                Some(Sniffed::Plain(stream)) => Some(Box::new(stream) as BoxHaStream),
                Some(Sniffed::PlainRefused(_)) | None => None,
            })
        })
    }
    /// A slave connects to its master over TLS when the process does (`--tls`).
    fn connect_master(&self, addr: &str) -> HaStreamFuture {
        let addr = addr.to_string();
        let tls = crate::remoting::tls::default_client();
        Box::pin(async move {
            let stream = TcpStream::connect(&addr).await?;
            let _ = stream.set_nodelay(true);
            Ok(Some(match tls {
                None => Box::new(stream) as BoxHaStream,
                Some(tls) => Box::new(tls.connect(&addr, stream).await?),
            }))
        })
    }
}

/// Commit log replication for the broker's life: a master listens for slaves on its HA port,
/// a slave follows its master.
pub(crate) async fn ha_service(b: Arc<Broker>, stop: CancellationToken) {
    if !b.config.is_master() {
        crate::store::ha::client::follow(b, stop).await;
        return;
    }
    let addr = format!("{}:{}", b.config.broker_ip1, b.ha_listen_port());
    match TcpListener::bind(&addr).await {
        Ok(listener) => {
            tracing::info!("HA: listening for slaves on {addr}");
            crate::store::ha::master::serve(b, listener, stop).await;
        }
        Err(e) => tracing::error!("HA: cannot listen on {addr}, no slave can follow: {e}"),
    }
}

/// The HA port of a broker listening on `listen_port` with `haListenPort` set to `configured`
/// (0: listenPort + 1, as RocketMQ).
pub fn ha_listen_port(listen_port: u16, configured: u16) -> u16 {
    match configured {
        0 => listen_port.wrapping_add(1),
        port => port,
    }
}
