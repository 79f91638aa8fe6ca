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
    /// The route names a broker that has no address (no master for a send).
    #[error("no address for broker '{0}'")]
    BrokerNotFound(String),
    /// A message the client refuses to send (empty body, bad topic, too large, ...).
    #[error("invalid message: {0}")]
    InvalidMessage(String),
    /// Every attempt of a send failed; `last` is the last attempt's error.
    #[error("send to topic '{topic}' failed after {attempts} attempt(s): {last}")]
    SendFailed {
        topic: String,
        attempts: u32,
        last: Box<ClientError>,
    },
    /// The producer or consumer has been shut down.
    #[error("the client has been shut down")]
    Shutdown,
    #[error("invalid client configuration: {0}")]
    InvalidConfig(String),
    /// A request (Producer::request) was sent but no reply came in time (Java's
    /// RequestTimeoutException).
    #[error("send request message to <{topic}> OK, but wait reply message timeout, {millis} ms")]
    RequestTimeout { topic: String, millis: u128 },
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

impl ClientError {
    /// The server's response code, when the error is a server's answer.
    pub fn response_code(&self) -> Option<i32> {
        match self {
            ClientError::Response { code, .. } => Some(*code),
            ClientError::SendFailed { last, .. } => last.response_code(),
            _ => None,
        }
    }
}

pub type ClientResult<T> = Result<T, ClientError>;
