//! The name server's configuration, with RocketMQ's key names
//! (NamesrvConfig + NettyServerConfig) where RocketMQ has one.

use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::remoting::limits;
use crate::remoting::server::{DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION, ServerLimits};
use crate::remoting::tls::{ClientAuth, TlsMode, TlsServerSettings};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct NamesrvConfig {
    /// Address to bind. Loopback by default: serving other hosts is a choice.
    pub bind_address: String,
    pub listen_port: u16,
    /// Where the KV config is persisted.
    pub kv_config_path: PathBuf,
    /// How often silent brokers are looked for (ms).
    pub scan_not_active_broker_interval: u64,
    /// A broker silent this long is removed (ms).
    pub broker_channel_expired_time: u64,
    /// Serve orderTopicConf (from the ORDER_TOPIC_CONFIG namespace) in routes.
    pub order_message_enable: bool,
    /// Frames larger than this close the connection.
    pub frame_max_length: usize,
    /// Connections silent this long are closed (s).
    pub server_channel_max_idle_time_seconds: u64,
    /// mq's own bounds on what one peer may cost, as the broker's keys of the same names
    /// (commands/namesrv.md).
    pub server_channel_max_in_flight_requests: usize,
    pub server_max_connections_per_address: usize,
    pub server_channel_max_pending_response_bytes: usize,
    pub server_max_pending_response_bytes: usize,
    pub server_channel_frame_read_timeout_millis: u64,
    /// TLS, under RocketMQ's TlsSystemConfig names (as the broker's).
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
}

impl Default for NamesrvConfig {
    fn default() -> Self {
        NamesrvConfig {
            bind_address: "127.0.0.1".to_string(),
            listen_port: 9876,
            kv_config_path: PathBuf::from("mq-data/namesrv/kvConfig.json"),
            scan_not_active_broker_interval: 10_000,
            broker_channel_expired_time: 120_000,
            order_message_enable: false,
            frame_max_length: crate::remoting::codec::DEFAULT_MAX_FRAME,
            server_channel_max_idle_time_seconds: 120,
            server_channel_max_in_flight_requests: DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION,
            server_max_connections_per_address: limits::DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
            server_channel_max_pending_response_bytes: limits::DEFAULT_MAX_UNWRITTEN_PER_CONNECTION,
            server_max_pending_response_bytes: limits::DEFAULT_MAX_UNWRITTEN_TOTAL,
            server_channel_frame_read_timeout_millis: limits::DEFAULT_FRAME_READ_TIMEOUT.as_millis()
                as u64,
            tls_server_mode: TlsMode::Disabled,
            tls_server_cert_path: None,
            tls_server_key_path: None,
            tls_server_need_client_auth: ClientAuth::None,
            tls_server_trust_cert_path: None,
        }
    }
}

impl NamesrvConfig {
    pub fn listen_addr(&self) -> String {
        format!("{}:{}", self.bind_address, self.listen_port)
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

    /// The bounds its server keeps (a bound of 0 is taken as 1; a frame read
    /// timeout of 0 as none).
    pub fn server_limits(&self) -> ServerLimits {
        ServerLimits {
            max_in_flight_per_connection: self.server_channel_max_in_flight_requests.max(1),
            max_connections_per_address: self.server_max_connections_per_address.max(1),
            max_unwritten_per_connection: self.server_channel_max_pending_response_bytes.max(1),
            max_unwritten_total: self.server_max_pending_response_bytes.max(1),
            frame_read_timeout: Some(self.server_channel_frame_read_timeout_millis)
                .filter(|ms| *ms > 0)
                .map(Duration::from_millis),
            ..ServerLimits::default()
        }
    }
}
