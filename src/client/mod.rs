//! RocketMQ clients: the admin client (name server and broker admin calls);
//! producer and consumers build on the same pieces.

pub mod admin;
pub mod error;
pub mod namesrv;

pub use admin::AdminClient;
pub use error::ClientError;
