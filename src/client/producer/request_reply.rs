//! Request/reply on the producer (Java's DefaultMQProducer#request, RocketMQ
//! 4.6+): a request is an ordinary message carrying CORRELATION_ID,
//! REPLY_TO_CLIENT (this instance's client id) and TTL; a replier answers it
//! with `message::create_reply_message`, and the broker pushes that reply back
//! over this instance's own connection, where the instance's request future
//! table hands it to the waiting call.

use std::time::{Duration, Instant};

use super::Producer;
use crate::client::error::{ClientError, ClientResult};
use crate::client::message::{Message, MessageExt};
use crate::protocol::message::property;
use crate::remoting::RemotingError;

impl Producer {
    /// Sends `msg` as a request and waits for its reply, at most `timeout` in all (the
    /// send included). A request that got no reply in time ends in
    /// `ClientError::RequestTimeout`; a send that failed, in the send's error. Either
    /// way nothing of the request is left waiting.
    pub async fn request(&self, msg: &Message, timeout: Duration) -> ClientResult<MessageExt> {
        let started = Instant::now();
        let instance = self.instance();
        let correlation_id = new_correlation_id();
        let mut msg = msg.clone();
        msg.properties
            .insert(property::CORRELATION_ID.into(), correlation_id.clone());
        msg.properties.insert(
            property::MESSAGE_REPLY_TO_CLIENT.into(),
            instance.client_id().to_string(),
        );
        msg.properties.insert(
            property::MESSAGE_TTL.into(),
            timeout.as_millis().to_string(),
        );
        msg.validate()?;
        // The broker finds the requester by client id among the producers it has heard a
        // heartbeat from, so before the first request to a topic the brokers of its route
        // hear one (Java's prepareSendRequest; the periodic heartbeat may be 30 s away).
        if instance.request_futures().first_request_to(&msg.topic) {
            self.inner.publish_info(&msg.topic).await?;
            instance.heartbeat_all().await;
        }
        // Registered before the send: a reply may overtake the send's answer.
        let mut pending = instance.request_futures().register(&correlation_id);
        let left = timeout.saturating_sub(started.elapsed());
        match tokio::time::timeout(left, self.send(&msg)).await {
            Ok(sent) => sent?,
            Err(_) => {
                return Err(ClientError::Remoting(RemotingError::Timeout {
                    addr: msg.topic.clone(),
                    millis: timeout.as_millis(),
                }));
            }
        };
        let left = timeout.saturating_sub(started.elapsed());
        match tokio::time::timeout(left, pending.reply()).await {
            Ok(Some(reply)) => Ok(reply),
            _ => Err(ClientError::RequestTimeout {
                topic: msg.topic.clone(),
                millis: timeout.as_millis(),
            }),
        }
    }
}

/// A random (version 4) UUID, as Java's CorrelationIdUtil makes them.
fn new_correlation_id() -> String {
    let mut n: u128 = rand::random();
    n = (n & !(0xF << 76)) | (0x4 << 76);
    n = (n & !(0x3 << 62)) | (0x2 << 62);
    let h = format!("{n:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn correlation_ids_are_distinct_uuids() {
        let a = new_correlation_id();
        let b = new_correlation_id();
        assert_ne!(a, b);
        let parts: Vec<_> = a.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
        assert_eq!(&a[14..15], "4", "version 4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"), "{a}");
    }
}
