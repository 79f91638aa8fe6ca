//! `mq consume --reply TEXT`: every request received (a message with
//! REPLY_TO_CLIENT) is answered with a reply whose body is TEXT, sent by a
//! producer of this process, so that `mq send --request` in another shell
//! gets it.

use bytes::Bytes;

use crate::cli::{CliError, CliResult};
use crate::client::{ClientConfig, MessageExt, Producer, ProducerConfig, create_reply_message};
use crate::protocol::message::property;

pub struct Replier {
    producer: Producer,
    body: Bytes,
}

impl Replier {
    pub fn new(client: &ClientConfig, body: &str) -> CliResult<Self> {
        if body.is_empty() {
            return Err(CliError::Usage("--reply needs a non-empty TEXT".into()));
        }
        let producer = Producer::new(
            client,
            ProducerConfig {
                group: format!("mq-reply-{:08x}", rand::random::<u32>()),
                send_timeout: client.timeout,
                // A refused reply (its requester gone) is not worth another copy.
                retries: 0,
                ..Default::default()
            },
        )
        .map_err(|e| CliError::Usage(e.to_string()))?;
        Ok(Replier {
            producer,
            body: Bytes::copy_from_slice(body.as_bytes()),
        })
    }

    /// Answers `m` when it is a request; a failed reply is one line on stderr,
    /// and consuming goes on.
    pub async fn answer(&self, m: &MessageExt) {
        if m.property(property::MESSAGE_REPLY_TO_CLIENT).is_none() {
            return;
        }
        let sent = match create_reply_message(m, self.body.clone()) {
            Ok(reply) => self.producer.send(&reply).await.map(|_| ()),
            Err(e) => Err(e),
        };
        if let Err(e) = sent {
            eprintln!("reply to {} failed: {e}", m.msg_id());
        }
    }

    pub async fn shutdown(self) {
        self.producer.shutdown().await;
    }
}
