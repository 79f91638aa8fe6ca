//! The name server's configuration, with RocketMQ's key names
//! (NamesrvConfig + NettyServerConfig) where RocketMQ has one.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

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
        }
    }
}

impl NamesrvConfig {
    pub fn listen_addr(&self) -> String {
        format!("{}:{}", self.bind_address, self.listen_port)
    }
}
