//! Replies to request messages (RocketMQ's ReplyMessageProcessor): a reply is
//! pushed to its requester with PUSH_REPLY_MESSAGE_TO_CLIENT over the
//! connection of the producer whose client id is the reply's REPLY_TO_CLIENT,
//! then stored in the reply topic when storeReplyMessageEnable is on; the
//! replier hears whether the push worked.

use std::time::Duration;

use bytes::Bytes;

use super::Broker;
use super::append::end_offset;
use crate::protocol::header::{
    ReplyMessageRequestHeader, SendMessageRequestHeader, SendMessageResponseHeader,
};
use crate::protocol::message::{property, property_value, push_property};
use crate::remoting::code::{request, response};
use crate::remoting::{Connection, RemotingCommand};
use crate::store::AppendMessage;

/// How long a requester gets to take its reply (Java's Broker2Client#callClient).
const PUSH_TIMEOUT: Duration = Duration::from_secs(10);

/// Pushes the reply `h` + `body` (checked as a send, bound for `queue_id`) to its
/// requester, stores it when configured to, and returns the replier's answer:
/// SUCCESS when the requester took it, else SYSTEM_ERROR with RocketMQ's remark.
pub async fn process_reply(
    b: &Broker,
    replier: &Connection,
    h: &SendMessageRequestHeader,
    queue_id: i32,
    body: &Bytes,
) -> RemotingCommand {
    let pushed = push_reply(b, replier, h, body).await;
    let mut answer = SendMessageResponseHeader {
        // RocketMQ answers "0" for an unstored reply so that clients can decode it.
        msg_id: "0".into(),
        queue_id,
        queue_offset: 0,
        transaction_id: None,
    };
    if b.config.store_reply_message_enable {
        match store_reply(b, replier, h, queue_id, body).await {
            Ok((msg_id, queue_offset)) => {
                answer.msg_id = msg_id;
                answer.queue_offset = queue_offset;
            }
            // As RocketMQ: the answer is about the push; a failed store is only logged.
            Err(e) => tracing::warn!(topic = %h.topic, "storing a reply failed: {e}"),
        }
    }
    let response = match pushed {
        Ok(()) => RemotingCommand::response(response::SUCCESS, None),
        Err(remark) => {
            tracing::debug!("{remark}");
            RemotingCommand::error(response::SYSTEM_ERROR, remark)
        }
    };
    response
        .with_header(&answer)
        .with_ext(property::MSG_REGION, &b.config.region_id)
        .with_ext(property::TRACE_SWITCH, b.config.trace_on)
}

/// Hands the reply to the requester's connection; the error is the remark the replier gets.
async fn push_reply(
    b: &Broker,
    replier: &Connection,
    h: &SendMessageRequestHeader,
    body: &Bytes,
) -> Result<(), String> {
    let props = h.properties.as_deref().unwrap_or("");
    let Some(requester) = property_value(props, property::MESSAGE_REPLY_TO_CLIENT) else {
        return Err(format!(
            "reply message properties[{}] is null",
            property::MESSAGE_REPLY_TO_CLIENT
        ));
    };
    let Some(channel) = b.producers.find_channel(requester) else {
        return Err(format!(
            "push reply message fail, channel of <{requester}> not found."
        ));
    };
    let now = crate::util::now_millis();
    let mut pushed_props = String::with_capacity(props.len() + 32);
    pushed_props.push_str(props);
    push_property(
        &mut pushed_props,
        property::PUSH_REPLY_TIME,
        &now.to_string(),
    );
    let header = ReplyMessageRequestHeader {
        producer_group: h.producer_group.to_string(),
        topic: h.topic.to_string(),
        default_topic: h.default_topic.to_string(),
        default_topic_queue_nums: h.default_topic_queue_nums,
        queue_id: h.queue_id,
        sys_flag: h.sys_flag,
        born_timestamp: h.born_timestamp,
        flag: h.flag,
        properties: Some(pushed_props),
        reconsume_times: h.reconsume_times,
        unit_mode: h.unit_mode,
        born_host: replier.peer().to_string(),
        store_host: b.store_host.to_string(),
        store_timestamp: now,
    };
    let push = RemotingCommand::request(request::PUSH_REPLY_MESSAGE_TO_CLIENT)
        .with_header(&header)
        .with_body(body.clone());
    let failed = || format!("push reply message to {requester} fail.");
    match channel.conn.invoke(push, PUSH_TIMEOUT).await {
        Ok(r) if r.code == response::SUCCESS => Ok(()),
        Ok(r) => {
            tracing::warn!(
                requester,
                "push reply message refused: {}",
                r.describe_error()
            );
            Err(failed())
        }
        Err(e) => {
            tracing::warn!(requester, "push reply message failed: {e}");
            Err(failed())
        }
    }
}

/// Stores the reply as the replier sent it; returns its offset message id and queue offset.
async fn store_reply(
    b: &Broker,
    replier: &Connection,
    h: &SendMessageRequestHeader,
    queue_id: i32,
    body: &Bytes,
) -> Result<(String, i64), crate::store::StoreError> {
    let msg = AppendMessage {
        topic: &h.topic,
        queue_id,
        flag: h.flag,
        body,
        properties: h.properties.as_deref().unwrap_or(""),
        sys_flag: h.sys_flag,
        born_timestamp: h.born_timestamp,
        born_host: replier.peer(),
        store_host: b.store_host,
        reconsume_times: h.reconsume_times.unwrap_or(0),
        prepared_transaction_offset: 0,
    };
    let appended = b.append(&msg)?;
    b.wait_durable(end_offset(std::slice::from_ref(&appended)))
        .await?;
    Ok((
        crate::store::message::offset_msg_id(&b.store_host, appended.physical_offset),
        appended.queue_offset,
    ))
}
