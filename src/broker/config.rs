//! The broker's configuration: RocketMQ's BrokerConfig / NettyServerConfig
//! keys, plus the MessageStoreConfig keys the store honours, read from one
//! YAML or properties file. Unknown keys are refused by name.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::ConfigError;
use crate::remoting::limits;
use crate::remoting::tls::{ClientAuth, TlsMode, TlsServerSettings};
use crate::store::StoreConfig;

/// RocketMQ's brokerRole.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum BrokerRole {
    #[default]
    AsyncMaster,
    SyncMaster,
    Slave,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct BrokerConfig {
    pub broker_cluster_name: String,
    pub broker_name: String,
    /// 0 is the master; slaves are 1 and up.
    pub broker_id: i64,
    pub broker_role: BrokerRole,
    /// Name servers, `;`-separated. `-n`/NAMESRV_ADDR override it.
    pub namesrv_addr: Option<String>,
    /// The address clients are told to use, and the one the broker binds.
    #[serde(rename = "brokerIP1")]
    pub broker_ip1: String,
    pub listen_port: u16,
    pub broker_permission: i32,
    pub default_topic_queue_nums: i32,
    pub auto_create_topic_enable: bool,
    pub auto_create_subscription_group: bool,
    pub cluster_topic_enable: bool,
    pub broker_topic_enable: bool,
    pub trace_topic_enable: bool,
    pub register_name_server_period: u64,
    pub flush_consumer_offset_interval: u64,
    pub long_polling_enable: bool,
    pub short_polling_time_mills: u64,
    /// Serve SQL92 subscriptions (filter pulls by message properties).
    pub enable_property_filter: bool,
    /// Filter a group's retry topic with its SQL92 subscription of the real topic.
    pub filter_support_retry: bool,
    /// Clients silent this long are dropped (ms).
    pub channel_expired_timeout: u64,
    pub region_id: String,
    pub trace_on: bool,
    pub frame_max_length: usize,
    pub server_channel_max_idle_time_seconds: u64,
    /// Requests of each class in flight at once, over all connections, before
    /// more get SYSTEM_BUSY: RocketMQ's thread pool queue capacities, named
    /// after the pool that serves the class (see processor::RequestClass).
    pub send_thread_pool_queue_capacity: usize,
    pub pull_thread_pool_queue_capacity: usize,
    pub query_thread_pool_queue_capacity: usize,
    pub admin_broker_thread_pool_queue_capacity: usize,
    pub client_manager_thread_pool_queue_capacity: usize,
    pub consumer_manager_thread_pool_queue_capacity: usize,
    pub heartbeat_thread_pool_queue_capacity: usize,
    /// Requests one connection may have in flight before the broker stops
    /// reading from it (mq's own key: RocketMQ has no such bound).
    pub server_channel_max_in_flight_requests: usize,
    /// mq's own bounds on what one peer may cost (RocketMQ has none): connections one remote
    /// address may have open, long polls one connection may hold (more get SYSTEM_BUSY),
    /// response bytes one connection, and all together, may leave unread before the
    /// connection (with the most) is cut off, and the time a frame may take to arrive once
    /// its first byte has (ms; 0: no bound).
    pub server_max_connections_per_address: usize,
    pub server_channel_max_held_pull_requests: usize,
    pub server_channel_max_pending_response_bytes: usize,
    pub server_max_pending_response_bytes: usize,
    pub server_channel_frame_read_timeout_millis: u64,
    /// TLS, under RocketMQ's TlsSystemConfig names: disabled | permissive | enforcing,
    /// the certificate chain and key (PEM), and client certificates (none | optional |
    /// require, verified against trustCertPath).
    #[serde(rename = "tls.server.mode")]
    pub tls_server_mode: TlsMode,
    #[serde(rename = "tls.server.certPath")]
    pub tls_server_cert_path: Option<PathBuf>,
    #[serde(rename = "tls.server.keyPath")]
    pub tls_server_key_path: Option<PathBuf>,
    #[serde(rename = "tls.server.need.client.auth")]
    pub tls_server_need_client_auth: ClientAuth,
    #[serde(rename = "tls.server.trustCertPath")]
    pub tls_server_trust_cert_path: Option<PathBuf>,
    /// How long a shutdown waits for in-flight requests to be answered, and
    /// again for services to stop (NettyServerConfig's key; RocketMQ sleeps
    /// this long when enableShutdownGracefully is on, mq waits at most this long).
    pub shutdown_wait_time_seconds: u64,
    /// A queue lock of an orderly consumer not renewed for this long may be
    /// taken by another client (ms). RocketMQ reads it from the system
    /// property rocketmq.broker.rebalance.lockMaxLiveTime.
    pub rebalance_lock_max_live_time: u64,
    /// Timer messages (TIMER_* properties, `__STARTDELIVERTIME`): the longest delay taken,
    /// the slot width (100, 200, 500 or 1000 ms) and whether they are taken at all
    /// (RocketMQ 5's MessageStoreConfig keys and defaults).
    pub timer_max_delay_sec: u64,
    pub timer_precision_ms: u64,
    pub timer_wheel_enable: bool,
    /// Whether a reply (SEND_REPLY_MESSAGE) is also stored in `<cluster>_REPLY_TOPIC`
    /// after it is pushed to its requester.
    pub store_reply_message_enable: bool,
    /// Transactions (RocketMQ's keys and defaults): a half message with no outcome is checked
    /// back once older than transactionTimeOut (ms), by a pass every transactionCheckInterval
    /// (ms), at most transactionCheckMax times before it is moved to TRANS_CHECK_MAX_TIME_TOPIC.
    pub transaction_time_out: u64,
    pub transaction_check_interval: u64,
    pub transaction_check_max: i32,
    /// Whether consumers are sent to a slave (the group's whichBrokerWhenConsumeSlowly) while
    /// they read data that is no longer in memory, and whether a slave serves them instead of
    /// sending them back to the master.
    pub slave_read_enable: bool,
    /// How far behind the commit log's end a pull may read, as a percentage of the machine's
    /// RAM, before it counts as reading from disk (MessageStoreConfig's key).
    pub access_message_in_memory_max_ratio: i32,
    /// Whether a slave answers an offset it does not have with PULL_OFFSET_MOVED (the consumer
    /// moves its offset) rather than a retry at the master (MessageStoreConfig's key).
    pub offset_check_in_slave: bool,
    /// Check every request against plain ACL (RocketMQ's key and default).
    pub acl_enable: bool,
    /// The plain ACL file (mq's key for RocketMQ's rocketmq.acl.plain.file property);
    /// empty: $ROCKETMQ_HOME/conf/plain_acl.yml, or conf/plain_acl.yml without ROCKETMQ_HOME.
    pub acl_plain_file: String,
}

impl Default for BrokerConfig {
    fn default() -> Self {
        BrokerConfig {
            broker_cluster_name: "DefaultCluster".into(),
            broker_name: "broker-a".into(),
            broker_id: 0,
            broker_role: BrokerRole::AsyncMaster,
            namesrv_addr: None,
            broker_ip1: "127.0.0.1".into(),
            listen_port: 10911,
            broker_permission: 6,
            default_topic_queue_nums: 8,
            auto_create_topic_enable: true,
            auto_create_subscription_group: true,
            cluster_topic_enable: true,
            broker_topic_enable: true,
            trace_topic_enable: false,
            register_name_server_period: 30_000,
            flush_consumer_offset_interval: 5_000,
            long_polling_enable: true,
            short_polling_time_mills: 1_000,
            enable_property_filter: false,
            filter_support_retry: false,
            channel_expired_timeout: 120_000,
            region_id: "DefaultRegion".into(),
            trace_on: true,
            frame_max_length: crate::remoting::codec::DEFAULT_MAX_FRAME,
            server_channel_max_idle_time_seconds: 120,
            send_thread_pool_queue_capacity: 10_000,
            pull_thread_pool_queue_capacity: 100_000,
            query_thread_pool_queue_capacity: 20_000,
            admin_broker_thread_pool_queue_capacity: 10_000,
            client_manager_thread_pool_queue_capacity: 1_000_000,
            consumer_manager_thread_pool_queue_capacity: 1_000_000,
            heartbeat_thread_pool_queue_capacity: 50_000,
            server_channel_max_in_flight_requests:
                crate::remoting::server::DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION,
            server_max_connections_per_address: limits::DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
            server_channel_max_held_pull_requests: limits::DEFAULT_MAX_HELD_PER_CONNECTION,
            server_channel_max_pending_response_bytes: limits::DEFAULT_MAX_UNWRITTEN_PER_CONNECTION,
            server_max_pending_response_bytes: limits::DEFAULT_MAX_UNWRITTEN_TOTAL,
            server_channel_frame_read_timeout_millis: limits::DEFAULT_FRAME_READ_TIMEOUT.as_millis()
                as u64,
            tls_server_mode: TlsMode::Disabled,
            tls_server_cert_path: None,
            tls_server_key_path: None,
            tls_server_need_client_auth: ClientAuth::None,
            tls_server_trust_cert_path: None,
            shutdown_wait_time_seconds: 30,
            rebalance_lock_max_live_time: 60_000,
            timer_max_delay_sec: 3600 * 24 * 3,
            timer_precision_ms: 1000,
            timer_wheel_enable: true,
            store_reply_message_enable: true,
            transaction_time_out: 6_000,
            transaction_check_interval: 60_000,
            transaction_check_max: 15,
            slave_read_enable: false,
            access_message_in_memory_max_ratio: 40,
            offset_check_in_slave: false,
            acl_enable: false,
            acl_plain_file: String::new(),
        }
    }
}

/// Everything a broker is started with.
#[derive(Clone, Debug, Default)]
pub struct BrokerStartConfig {
    pub broker: BrokerConfig,
    pub store: StoreConfig,
}

impl BrokerConfig {
    /// `brokerIP1:listenPort`: the address registered with name servers.
    pub fn broker_addr(&self) -> String {
        format!("{}:{}", self.broker_ip1, self.listen_port)
    }

    /// The address stamped on stored messages (and in offset message ids).
    pub fn store_host(&self) -> SocketAddr {
        self.broker_addr()
            .parse()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], self.listen_port)))
    }

    pub fn is_master(&self) -> bool {
        self.broker_role != BrokerRole::Slave
    }

    /// Where the plain ACL file is: aclPlainFile, or RocketMQ's default place.
    pub fn acl_file(&self) -> std::path::PathBuf {
        if !self.acl_plain_file.is_empty() {
            return self.acl_plain_file.clone().into();
        }
        let home = std::env::var_os("ROCKETMQ_HOME").map(std::path::PathBuf::from);
        home.unwrap_or_default().join("conf/plain_acl.yml")
    }

    /// The tls.server.* keys.
    pub fn tls_server(&self) -> TlsServerSettings {
        TlsServerSettings {
            mode: self.tls_server_mode,
            cert_path: self.tls_server_cert_path.clone(),
            key_path: self.tls_server_key_path.clone(),
            need_client_auth: self.tls_server_need_client_auth,
            trust_cert_path: self.tls_server_trust_cert_path.clone(),
        }
    }

    /// The frame read timeout, `None` for 0 (no bound).
    pub fn frame_read_timeout(&self) -> Option<std::time::Duration> {
        Some(self.server_channel_frame_read_timeout_millis)
            .filter(|ms| *ms > 0)
            .map(std::time::Duration::from_millis)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, reason: String| ConfigError::BadValue {
            key: key.into(),
            reason,
        };
        if self.acl_enable
            && let Err(e) = crate::acl::PlainAccessValidator::check_file(&self.acl_file())
        {
            return Err(bad("aclPlainFile", e.to_string()));
        }
        if self.broker_ip1.parse::<std::net::IpAddr>().is_err() {
            return Err(bad(
                "brokerIP1",
                format!("'{}' is not an IP address", self.broker_ip1),
            ));
        }
        if self.broker_name.is_empty() {
            return Err(bad("brokerName", "must not be empty".into()));
        }
        let bounds = [
            (
                "sendThreadPoolQueueCapacity",
                self.send_thread_pool_queue_capacity,
            ),
            (
                "pullThreadPoolQueueCapacity",
                self.pull_thread_pool_queue_capacity,
            ),
            (
                "queryThreadPoolQueueCapacity",
                self.query_thread_pool_queue_capacity,
            ),
            (
                "adminBrokerThreadPoolQueueCapacity",
                self.admin_broker_thread_pool_queue_capacity,
            ),
            (
                "clientManagerThreadPoolQueueCapacity",
                self.client_manager_thread_pool_queue_capacity,
            ),
            (
                "consumerManagerThreadPoolQueueCapacity",
                self.consumer_manager_thread_pool_queue_capacity,
            ),
            (
                "heartbeatThreadPoolQueueCapacity",
                self.heartbeat_thread_pool_queue_capacity,
            ),
            (
                "serverChannelMaxInFlightRequests",
                self.server_channel_max_in_flight_requests,
            ),
            (
                "serverMaxConnectionsPerAddress",
                self.server_max_connections_per_address,
            ),
            (
                "serverChannelMaxHeldPullRequests",
                self.server_channel_max_held_pull_requests,
            ),
            (
                "serverChannelMaxPendingResponseBytes",
                self.server_channel_max_pending_response_bytes,
            ),
            (
                "serverMaxPendingResponseBytes",
                self.server_max_pending_response_bytes,
            ),
        ];
        if let Some((key, _)) = bounds.iter().find(|(_, v)| *v == 0) {
            // Zero would refuse (or never read) every request of the class.
            return Err(bad(key, "must be at least 1".into()));
        }
        if ![100, 200, 500, 1000].contains(&self.timer_precision_ms) {
            // RocketMQ rounds other values down to one of these; a slot must divide a second.
            return Err(bad(
                "timerPrecisionMs",
                format!(
                    "{} is not one of 100, 200, 500, 1000",
                    self.timer_precision_ms
                ),
            ));
        }
        if !(1..=i32::MAX as u64).contains(&self.timer_max_delay_sec) {
            return Err(bad(
                "timerMaxDelaySec",
                format!(
                    "{} is not between 1 and {}",
                    self.timer_max_delay_sec,
                    i32::MAX
                ),
            ));
        }
        if self.transaction_check_interval == 0 {
            // A pass with no pause between would spin over the half queue.
            return Err(bad(
                "transactionCheckInterval",
                "must be at least 1 (ms)".into(),
            ));
        }
        if !(0..=100).contains(&self.access_message_in_memory_max_ratio) {
            return Err(bad(
                "accessMessageInMemoryMaxRatio",
                format!(
                    "{} is not a percentage (0 to 100)",
                    self.access_message_in_memory_max_ratio
                ),
            ));
        }
        match (self.broker_role, self.broker_id) {
            (BrokerRole::Slave, 0) => Err(bad(
                "brokerId",
                "0 is the master: a SLAVE needs brokerId >= 1".into(),
            )),
            (BrokerRole::AsyncMaster | BrokerRole::SyncMaster, id) if id != 0 => Err(bad(
                "brokerId",
                format!("a master has brokerId 0, not {id}"),
            )),
            _ => Ok(()),
        }
    }
}

/// Loads a broker config file (YAML, or `.conf`/`.properties`): broker keys
/// and store keys side by side, as in RocketMQ's broker.conf.
pub fn load(path: &Path) -> Result<BrokerStartConfig, ConfigError> {
    let text = crate::config::read(path)?;
    let map = if crate::config::is_properties_file(path) {
        let broker_defaults = crate::config::defaults_of(&BrokerConfig::default());
        let store_defaults = crate::config::defaults_of(&StoreConfig::default());
        crate::config::typed_properties(
            &crate::config::parse_properties(&text),
            &[&broker_defaults, &store_defaults],
        )
    } else {
        match crate::config::yaml_value(&text).map_err(|e| e.in_file(path))? {
            serde_yaml::Value::Mapping(m) => m,
            _ => {
                return Err(
                    ConfigError::Syntax("the config is not a map of keys".into()).in_file(path),
                );
            }
        }
    };
    from_mapping(map).map_err(|e| e.in_file(path))
}

/// Splits one key/value map into broker and store settings. A key of Apache RocketMQ's that
/// mq does not implement is dropped with one warning naming it (so RocketMQ's broker.conf
/// files start unchanged); a key neither knows is refused, with the nearest known name.
pub fn from_mapping(map: serde_yaml::Mapping) -> Result<BrokerStartConfig, ConfigError> {
    let broker_keys = crate::config::defaults_of(&BrokerConfig::default());
    let store_keys = crate::config::defaults_of(&StoreConfig::default());
    let mut broker_map = serde_yaml::Mapping::new();
    let mut store_map = serde_yaml::Mapping::new();
    for (k, v) in map {
        match k.as_str() {
            Some(key) if store_keys.contains_key(key) => {
                store_map.insert(k, v);
            }
            Some(key) if !broker_keys.contains_key(key) => {
                if !super::rocketmq_keys::is_rocketmq_key(key) {
                    let mq_keys = broker_keys.keys().chain(store_keys.keys());
                    return Err(unknown_key(key, mq_keys.map(String::as_str)));
                }
                tracing::warn!(
                    "config key '{key}' is Apache RocketMQ's but mq does not implement it: ignored"
                );
            }
            _ => {
                broker_map.insert(k, v);
            }
        }
    }
    let broker: BrokerConfig = crate::config::from_value(broker_map.into())?;
    broker.validate()?;
    let store: StoreConfig = crate::config::from_value(store_map.into())?;
    if store.ha_listen_port != 0 && store.ha_listen_port == broker.listen_port {
        return Err(ConfigError::BadValue {
            key: "haListenPort".into(),
            reason: format!("{} is listenPort too", store.ha_listen_port),
        });
    }
    Ok(BrokerStartConfig { broker, store })
}

/// A key neither mq nor RocketMQ knows, with the closest name of either as a hint.
fn unknown_key<'a>(key: &str, mq_keys: impl Iterator<Item = &'a str>) -> ConfigError {
    let rocketmq = super::rocketmq_keys::all().map(|k| -> &'a str { k });
    let known = mq_keys.chain(rocketmq);
    let reason = match super::rocketmq_keys::nearest(key, known) {
        Some(near) => {
            format!("unknown key (not mq's, not Apache RocketMQ's); did you mean '{near}'?")
        }
        None => "unknown key (not mq's, not Apache RocketMQ's)".to_string(),
    };
    ConfigError::BadValue {
        key: key.to_string(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<BrokerStartConfig, String> {
        from_mapping(serde_yaml::from_str(yaml).unwrap()).map_err(|e| e.to_string())
    }

    #[test]
    fn ha_keys_and_their_defaults() {
        let c = parse("listenPort: 20911\n").unwrap();
        assert_eq!(c.store.ha_listen_port, 0);
        assert_eq!(c.store.ha_send_heartbeat_interval, 5000);
        assert_eq!(c.store.ha_housekeeping_interval, 20_000);
        assert_eq!(c.store.ha_transfer_batch_size, 32 * 1024);
        assert_eq!(c.store.ha_max_gap_not_in_sync, 256 * 1024 * 1024);
        assert_eq!(c.store.ha_master_address, None);
        let c = parse("haListenPort: 30912\nhaMasterAddress: 127.0.0.1:10912\n").unwrap();
        assert_eq!(c.store.ha_listen_port, 30912);
        assert_eq!(
            c.store.ha_master_address.as_deref(),
            Some("127.0.0.1:10912")
        );
        let e = parse("listenPort: 20911\nhaListenPort: 20911\n").unwrap_err();
        assert!(e.contains("haListenPort"), "{e}");
        // A RocketMQ broker.conf names them the same.
        let dir = tempfile::tempdir().unwrap();
        let conf = dir.path().join("broker.conf");
        std::fs::write(
            &conf,
            "brokerId = 1\nbrokerRole = SLAVE\nhaMasterAddress = 10.0.0.1:10912\nhaTransferBatchSize = 65536\n",
        )
        .unwrap();
        let c = load(&conf).unwrap();
        assert_eq!(c.store.ha_master_address.as_deref(), Some("10.0.0.1:10912"));
        assert_eq!(c.store.ha_transfer_batch_size, 65536);
    }

    #[test]
    fn broker_and_store_keys_side_by_side() {
        let c = parse("brokerName: broker-b\nlistenPort: 20911\nflushDiskType: SYNC_FLUSH\nfileReservedTime: 24\nbrokerIP1: 127.0.0.2\n").unwrap();
        assert_eq!(c.broker.broker_name, "broker-b");
        assert_eq!(c.broker.broker_addr(), "127.0.0.2:20911");
        assert_eq!(c.store.file_reserved_time, 24);
        assert_eq!(
            c.store.flush_disk_type,
            crate::store::FlushDiskType::SyncFlush
        );
    }

    #[test]
    fn unknown_and_invalid_keys_are_named() {
        let e = parse("brokerNmae: x\n").unwrap_err();
        assert!(
            e.contains("brokerNmae") && e.contains("did you mean 'brokerName'?"),
            "{e}"
        );
        let e = parse("offsetCheckInSlaev: true\n").unwrap_err();
        assert!(e.contains("did you mean 'offsetCheckInSlave'?"), "{e}");
        // RocketMQ's keys that mq does not implement are accepted (and ignored).
        let c = parse(
            "brokerName: broker-b\nsendMessageThreadPoolNums: 16\nhaSendHeartbeatInterval: 5000\n",
        )
        .unwrap();
        assert_eq!(c.broker.broker_name, "broker-b");
        let e = parse("listenPort: many\n").unwrap_err();
        assert!(e.contains("listenPort"), "{e}");
        let e = parse("brokerRole: SLAVE\n").unwrap_err();
        assert!(e.contains("brokerId"), "{e}");
        let e = parse("flushDiskType: SOMETIMES\n").unwrap_err();
        assert!(e.contains("SOMETIMES"), "{e}");
        let e = parse("timerPrecisionMs: 300\n").unwrap_err();
        assert!(e.contains("timerPrecisionMs"), "{e}");
        let e = parse("timerMaxDelaySec: 0\n").unwrap_err();
        assert!(e.contains("timerMaxDelaySec"), "{e}");
        let e = parse("messageDelayLevel: 1s 5q\n").unwrap_err();
        assert!(
            e.contains("messageDelayLevel") && e.contains("level 2"),
            "{e}"
        );
        let c = parse("messageDelayLevel: 1s 2s 3m\n").unwrap();
        assert_eq!(c.store.message_delay_level.delay_ms(3), Some(180_000));
    }

    #[test]
    fn rocketmq_broker_conf() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broker.conf");
        std::fs::write(
            &path,
            "brokerClusterName = DefaultCluster\nbrokerName = broker-a\nbrokerId = 0\ndeleteWhen = 04\nfileReservedTime = 48\nbrokerRole = ASYNC_MASTER\nflushDiskType = ASYNC_FLUSH\n",
        )
        .unwrap();
        let c = load(&path).unwrap();
        assert_eq!(c.store.delete_when, "04");
        assert_eq!(c.store.file_reserved_time, 48);
        assert_eq!(c.broker.broker_role, BrokerRole::AsyncMaster);
    }
}
