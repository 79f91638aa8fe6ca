//! How a send's outcome is judged, as Java's MQClientAPIImpl and
//! DefaultMQProducerImpl do: which response codes are a stored message (and
//! with which SendStatus), and which failures are worth another attempt on
//! another broker.

use crate::client::error::ClientError;
use crate::client::message::SendStatus;
use crate::remoting::RemotingError;
use crate::remoting::code::response;

/// Attempts of a sync or async send: 1 + retryTimesWhenSendFailed (2).
pub const SEND_ATTEMPTS: u32 = 3;

/// The SendStatus of a response code that means the message was stored.
pub fn send_status(code: i32) -> Option<SendStatus> {
    match code {
        response::SUCCESS => Some(SendStatus::SendOk),
        response::FLUSH_DISK_TIMEOUT => Some(SendStatus::FlushDiskTimeout),
        response::FLUSH_SLAVE_TIMEOUT => Some(SendStatus::FlushSlaveTimeout),
        response::SLAVE_NOT_AVAILABLE => Some(SendStatus::SlaveNotAvailable),
        _ => None,
    }
}

/// Broker answers after which Java retries on another broker:
/// TOPIC_NOT_EXIST, SERVICE_NOT_AVAILABLE, SYSTEM_ERROR, NO_PERMISSION,
/// NO_BUYER_ID, NOT_IN_CURRENT_UNIT.
pub fn is_retryable_code(code: i32) -> bool {
    matches!(
        code,
        response::TOPIC_NOT_EXIST
            | response::SERVICE_NOT_AVAILABLE
            | response::SYSTEM_ERROR
            | response::NO_PERMISSION
            | response::NO_BUYER_ID
            | response::NOT_IN_CURRENT_UNIT
    )
}

/// Whether a failed attempt is worth another try on another broker:
/// the retryable codes, and any failure to reach or hear from the broker.
pub fn is_retryable(error: &ClientError) -> bool {
    match error {
        ClientError::Response { code, .. } => is_retryable_code(*code),
        ClientError::Remoting(e) => matches!(
            e,
            RemotingError::Connect { .. }
                | RemotingError::Timeout { .. }
                | RemotingError::ConnectionClosed(_)
                | RemotingError::Io(_)
        ),
        ClientError::BrokerNotFound(_) => true,
        _ => false,
    }
}

/// Whether a failure should also make the producer re-read the topic route.
pub fn refreshes_route(error: &ClientError) -> bool {
    matches!(
        error,
        ClientError::Response { code, .. } if *code == response::TOPIC_NOT_EXIST || *code == response::NO_PERMISSION
    ) || matches!(error, ClientError::BrokerNotFound(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(code: i32) -> ClientError {
        ClientError::Response {
            action: "send",
            code,
            detail: String::new(),
        }
    }

    #[test]
    fn stored_codes_map_to_java_send_status() {
        assert_eq!(send_status(0), Some(SendStatus::SendOk));
        assert_eq!(send_status(10), Some(SendStatus::FlushDiskTimeout));
        assert_eq!(send_status(12), Some(SendStatus::FlushSlaveTimeout));
        assert_eq!(send_status(11), Some(SendStatus::SlaveNotAvailable));
        assert_eq!(send_status(13), None);
        assert_eq!(send_status(17), None);
    }

    #[test]
    fn retried_on_javas_codes_and_connection_failures_only() {
        for code in [17, 14, 1, 16, 204, 205] {
            assert!(is_retryable(&resp(code)), "{code}");
        }
        for code in [2, 3, 13, 15, 23, 26, 215] {
            assert!(!is_retryable(&resp(code)), "{code}");
        }
        let connect = ClientError::Remoting(RemotingError::Connect {
            addr: "x".into(),
            source: std::io::Error::other("refused"),
        });
        assert!(is_retryable(&connect));
        let timeout = ClientError::Remoting(RemotingError::Timeout {
            addr: "x".into(),
            millis: 3000,
        });
        assert!(is_retryable(&timeout));
        assert!(is_retryable(&ClientError::Remoting(
            RemotingError::ConnectionClosed("x".into())
        )));
        assert!(!is_retryable(&ClientError::InvalidMessage("x".into())));
        assert!(!is_retryable(&ClientError::Remoting(
            RemotingError::Malformed("x".into())
        )));
        assert!(refreshes_route(&resp(17)));
        assert!(!refreshes_route(&resp(1)));
    }
}
