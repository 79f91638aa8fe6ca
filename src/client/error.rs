//! Errors a client call can end in, each naming what failed.

use crate::remoting::{RemotingCommand, RemotingError};

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error(transparent)]
    Remoting(#[from] RemotingError),
    /// The server answered with an error code.
    #[error("{action} failed: {detail}")]
    Response {
        action: &'static str,
        code: i32,
        detail: String,
    },
    #[error("topic '{0}' not found")]
    TopicNotFound(String),
    #[error("cannot decode the {what} in the response: {reason}")]
    Decode { what: &'static str, reason: String },
    #[error("invalid name server address list '{0}': expected host:port[;host:port...]")]
    InvalidNamesrv(String),
}

impl ClientError {
    pub fn response(action: &'static str, response: &RemotingCommand) -> Self {
        ClientError::Response {
            action,
            code: response.code,
            detail: response.describe_error(),
        }
    }
}

pub type ClientResult<T> = Result<T, ClientError>;
