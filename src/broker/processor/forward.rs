//! Requests the broker passes on to one consumer client over its heartbeat
//! connection and whose answer it returns: GET_CONSUMER_RUNNING_INFO and
//! CONSUME_MESSAGE_DIRECTLY (the message, looked up by its offset id, goes
//! along as the body).

use std::time::Duration;

use super::Outcome;
use crate::broker::Broker;
use crate::broker::client_manager::ClientChannel;
use crate::protocol::header::{
    ConsumeMessageDirectlyResultRequestHeader, GetConsumerRunningInfoRequestHeader,
};
use crate::protocol::message::decode_offset_msg_id;
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;

/// How long a client gets to answer a forwarded request.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

fn find_client(
    b: &Broker,
    group: &str,
    client_id: Option<&str>,
) -> Result<ClientChannel, RemotingCommand> {
    let not_online = || {
        RemotingCommand::error(
            response::CONSUMER_NOT_ONLINE,
            format!(
                "The Consumer <{group}> <{}> not online",
                client_id.unwrap_or("")
            ),
        )
    };
    let info = b.consumers.group(group).ok_or_else(not_online)?;
    match client_id {
        Some(id) => info.channels.get(id).cloned().ok_or_else(not_online),
        None => info
            .channels
            .values()
            .next()
            .cloned()
            .ok_or_else(not_online),
    }
}

async fn forward(channel: &ClientChannel, req: RemotingCommand) -> RemotingCommand {
    match channel.conn.invoke(req, CLIENT_TIMEOUT).await {
        Ok(mut r) => {
            r.flag = 0;
            r
        }
        Err(e) => RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!("invoke client {} failed: {e}", channel.client_id),
        ),
    }
}

pub async fn get_consumer_running_info(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: GetConsumerRunningInfoRequestHeader = req.decode_header()?;
    let channel = match find_client(b, &h.consumer_group, Some(&h.client_id)) {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let mut fwd = RemotingCommand::request(req.code).with_header(&h);
    fwd.body = req.body.clone();
    Ok(forward(&channel, fwd).await)
}

pub async fn consume_message_directly(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: ConsumeMessageDirectlyResultRequestHeader = req.decode_header()?;
    let channel = match find_client(b, &h.consumer_group, h.client_id.as_deref()) {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let Some(msg_id) = h.msg_id.as_deref() else {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            "msgId is required",
        ));
    };
    let record = decode_offset_msg_id(msg_id)
        .ok()
        .and_then(|(_, offset)| b.store.get_message_by_offset(offset));
    let Some(record) = record else {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!("no message with id {msg_id} on this broker"),
        ));
    };
    let header = ConsumeMessageDirectlyResultRequestHeader {
        client_id: Some(channel.client_id.clone()),
        ..h
    };
    let fwd = RemotingCommand::request(req.code)
        .with_header(&header)
        .with_body(record);
    Ok(forward(&channel, fwd).await)
}
