//! RocketMQ clients: the admin client (name server and broker admin calls),
//! the producer, the push consumer and the pull consumer, all built on a
//! shared client instance (client id, connections, routes, heartbeat).

pub mod admin;
pub mod consumer;
pub mod error;
pub mod instance;
pub mod message;
pub mod namesrv;
pub mod producer;
pub mod request_future;
pub mod route;

pub use admin::AdminClient;
pub use error::ClientError;
pub use instance::{ClientConfig, ClientInstance};
pub use message::{Message, MessageExt, SendResult, SendStatus, create_reply_message};
pub use producer::transaction::{
    LocalTransactionState, TransactionListener, TransactionProducer, TransactionSendResult,
};
pub use producer::{Producer, ProducerConfig};
