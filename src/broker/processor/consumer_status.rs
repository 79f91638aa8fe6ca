//! INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223): the broker asks each online
//! consumer of a group (or the one client id given as `clientAddr`) for its
//! offsets on a topic with GET_CONSUMER_STATUS_FROM_CLIENT (221), and answers
//! with their tables by client id, as RocketMQ's Broker2Client#getConsumeStatus.
//! A client that fails to answer is left out.

use std::time::Duration;

use super::Outcome;
use crate::broker::Broker;
use crate::protocol::admin_codes::{
    GetConsumerStatusBody, GetConsumerStatusRequestHeader, QueueOffsets,
};
use crate::protocol::body::RemotingBody;
use crate::remoting::RemotingCommand;
use crate::remoting::code::{request, response};

/// How long each client gets to answer (RocketMQ's 5 s).
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

pub async fn invoke_broker_to_get_consumer_status(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: GetConsumerStatusRequestHeader = req.decode_header()?;
    let channels = b
        .consumers
        .group(&h.group)
        .map(|info| info.channels)
        .unwrap_or_default();
    if channels.is_empty() {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!(
                "No Any Consumer online in the consumer group: [{}]",
                h.group
            ),
        ));
    }
    let only = h.client_addr.as_deref().filter(|c| !c.trim().is_empty());
    let ask = GetConsumerStatusRequestHeader {
        client_addr: None,
        ..h.clone()
    };
    let mut body = GetConsumerStatusBody::default();
    for channel in channels.values() {
        if only.is_some_and(|id| id != channel.client_id) {
            continue;
        }
        let question =
            RemotingCommand::request(request::GET_CONSUMER_STATUS_FROM_CLIENT).with_header(&ask);
        match channel.conn.invoke(question, CLIENT_TIMEOUT).await {
            Ok(r) if r.code == response::SUCCESS => match GetConsumerStatusBody::decode(&r.body) {
                Ok(status) => {
                    body.consumer_table.insert(
                        channel.client_id.clone(),
                        QueueOffsets(status.message_queue_table),
                    );
                }
                Err(e) => tracing::warn!(
                    "[get-consumer-status] unreadable answer from {}: {e}",
                    channel.client_id
                ),
            },
            Ok(r) => tracing::warn!(
                "[get-consumer-status] {} answered {}: {}",
                channel.client_id,
                r.code,
                r.remark.unwrap_or_default()
            ),
            Err(e) => tracing::warn!("[get-consumer-status] {} failed: {e}", channel.client_id),
        }
    }
    Ok(RemotingCommand::success().with_body(body.encode()))
}
