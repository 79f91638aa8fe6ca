//! Errors of the remoting layer.

use std::io;

#[derive(Debug, thiserror::Error)]
pub enum RemotingError {
    #[error("frame of {0} bytes exceeds the limit of {1} bytes")]
    FrameTooLarge(usize, usize),
    #[error("malformed frame: {0}")]
    Malformed(String),
    #[error("cannot connect to {addr}: {source}")]
    Connect { addr: String, source: io::Error },
    #[error("request to {addr} timed out after {millis} ms")]
    Timeout { addr: String, millis: u128 },
    #[error("connection to {0} closed")]
    ConnectionClosed(String),
    #[error("invalid address '{0}'")]
    InvalidAddress(String),
    #[error("missing header field '{0}'")]
    MissingField(&'static str),
    #[error("header field '{field}' has invalid value '{value}'")]
    InvalidField { field: &'static str, value: String },
    #[error(transparent)]
    Io(#[from] io::Error),
}
