//! The RocketMQ remoting layer: frames, RemotingCommand, both header codecs,
//! the request/response codes, and the async client and server built on them.
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
pub mod rpc_hook;
pub mod server;

pub use client::RemotingClient;
pub use command::{LanguageCode, RemotingCommand, SerializeType};
pub use connection::{Connection, RequestHandler};
pub use error::RemotingError;
pub use ext_fields::{ExtFields, HeaderStr};
pub use header::CommandHeader;
