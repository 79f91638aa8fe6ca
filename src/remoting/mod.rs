//! The RocketMQ remoting layer: frames, RemotingCommand, both header codecs,
//! the request/response codes, the async client and server built on them, the
//! limits that protect a server from its peers, and TLS.
//!
//! Nothing here knows about topics or messages: that is `protocol`'s job.

pub mod client;
pub mod code;
pub mod codec;
pub mod command;
pub mod connection;
pub mod error;
pub mod ext_fields;
pub mod header;
mod json_header;
pub mod limits;
mod pending;
pub mod rpc_hook;
pub mod server;
pub mod tls;

pub use client::RemotingClient;
pub use command::{LanguageCode, RemotingCommand, SerializeType};
pub use connection::{Connection, RequestHandler};
pub use error::RemotingError;
pub use ext_fields::{ExtFields, HeaderStr};
pub use header::CommandHeader;
