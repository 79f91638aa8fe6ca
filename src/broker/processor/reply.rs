//! SEND_REPLY_MESSAGE (324) and SEND_REPLY_MESSAGE_V2 (325): a reply to a
//! request message, decoded and checked as a send is (RocketMQ's msgCheck),
//! then handed to `broker::reply`, which pushes it to its requester.

use std::sync::Arc;

use super::{Outcome, send};
use crate::broker::Broker;
use crate::protocol::header::{SendMessageRequestHeader, SendMessageRequestHeaderV2};
use crate::remoting::code::request;
use crate::remoting::{Connection, RemotingCommand};

pub async fn send_reply_message(
    b: &Arc<Broker>,
    conn: &Arc<Connection>,
    req: &RemotingCommand,
) -> Outcome {
    let header: SendMessageRequestHeader = if req.code == request::SEND_REPLY_MESSAGE {
        req.decode_header()?
    } else {
        req.decode_header::<SendMessageRequestHeaderV2>()?.into()
    };
    let (_, queue_id, created) = match send::check(b, conn, &header) {
        Ok(ok) => ok,
        Err(refusal) => return Ok(refusal),
    };
    if created {
        b.register_now().await;
    }
    Ok(crate::broker::reply::process_reply(b, conn, &header, queue_id, &req.body).await)
}
