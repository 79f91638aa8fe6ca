//! RocketMQ protocol: request/response headers, JSON bodies, message encoding.

pub mod admin;
pub mod admin_codes;
pub mod body;
pub mod connection;
pub mod fastjson;
pub mod header;
pub mod heartbeat;
pub mod lock;
pub mod message;
pub mod perm;
pub mod register_broker;
pub mod route;
pub mod subscription_group;
pub mod topic;
pub mod topic_config;

pub use body::{KVTable, RemotingBody, TopicList};
pub use register_broker::RegisterBrokerBody;
pub use route::{BrokerData, ClusterInfo, QueueData, TopicRouteData};
pub use topic_config::{DataVersion, TopicConfig, TopicConfigSerializeWrapper, TopicFilterType};
