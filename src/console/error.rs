//! The console's errors and how they answer: a JSON `{"error": ...}` under
//! `/api/`, an HTML page elsewhere, each with one clear line and the HTTP
//! status that says whose fault it was (400 bad input, 403 not allowed, 404
//! not found, 502 the cluster did not answer or refused).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::client::admin::AdminError;
use crate::client::error::ClientError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsoleError {
    BadRequest(String),
    Forbidden(String),
    NotFound(String),
    /// The name server or a broker failed or refused.
    Upstream(String),
}

impl ConsoleError {
    pub fn status(&self) -> StatusCode {
        match self {
            ConsoleError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ConsoleError::Forbidden(_) => StatusCode::FORBIDDEN,
            ConsoleError::NotFound(_) => StatusCode::NOT_FOUND,
            ConsoleError::Upstream(_) => StatusCode::BAD_GATEWAY,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            ConsoleError::BadRequest(m)
            | ConsoleError::Forbidden(m)
            | ConsoleError::NotFound(m)
            | ConsoleError::Upstream(m) => m,
        }
    }

    /// The JSON answer of an API call.
    pub fn api(self) -> Response {
        let body = serde_json::json!({ "error": self.message() });
        (self.status(), axum::Json(body)).into_response()
    }
}

/// Outside a handler that knows better (an extractor's refusal), the JSON form.
impl IntoResponse for ConsoleError {
    fn into_response(self) -> Response {
        self.api()
    }
}

impl std::fmt::Display for ConsoleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl From<AdminError> for ConsoleError {
    fn from(e: AdminError) -> Self {
        let m = e.to_string();
        match e {
            AdminError::Client(c) => c.into(),
            AdminError::TopicNotFound(_)
            | AdminError::TopicNotOnCluster { .. }
            | AdminError::ClusterNotFound(_)
            | AdminError::GroupNotFound { .. }
            | AdminError::MessageNotFound { .. }
            | AdminError::NoMessageWithKey { .. }
            | AdminError::NotADeadLetter { .. }
            | AdminError::GroupNotOnline(_)
            | AdminError::NoProducer(_)
            | AdminError::ConsumerNotOnline { .. }
            | AdminError::NoConfigKey { .. }
            | AdminError::BrokerNotServingTopic { .. } => ConsoleError::NotFound(m),
            AdminError::InvalidTopic(_)
            | AdminError::ClusterNotChosen(_)
            | AdminError::BrokerNotChosen { .. } => ConsoleError::BadRequest(m),
            _ => ConsoleError::Upstream(m),
        }
    }
}

impl From<ClientError> for ConsoleError {
    fn from(e: ClientError) -> Self {
        match e {
            ClientError::TopicNotFound(_) => ConsoleError::NotFound(e.to_string()),
            ClientError::InvalidNamesrv(_) | ClientError::InvalidMessage(_) => {
                ConsoleError::BadRequest(e.to_string())
            }
            e => ConsoleError::Upstream(e.to_string()),
        }
    }
}

pub type ConsoleResult<T> = Result<T, ConsoleError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_say_whose_fault() {
        let e: ConsoleError = AdminError::TopicNotFound("t".into()).into();
        assert_eq!(e.status(), StatusCode::NOT_FOUND);
        let e: ConsoleError = AdminError::InvalidTopic("bad".into()).into();
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
        let e: ConsoleError = ClientError::Shutdown.into();
        assert_eq!(e.status(), StatusCode::BAD_GATEWAY);
        assert_eq!(e.message(), "the client has been shut down");
    }
}
