//! Message look-ups: QUERY_MESSAGE (by key or unique key, within a time
//! range) and VIEW_MESSAGE_BY_ID (by commit log offset).

use bytes::BytesMut;

use super::Outcome;
use crate::broker::Broker;
use crate::protocol::header::{
    QueryMessageRequestHeader, QueryMessageResponseHeader, ViewMessageRequestHeader,
};
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;

/// The ext field that turns QUERY_MESSAGE into a look-up by UNIQ_KEY.
pub const UNIQUE_KEY_QUERY: &str = "_UNIQUE_KEY_QUERY";

pub fn query_message(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: QueryMessageRequestHeader = req.decode_header()?;
    let records = if req.ext(UNIQUE_KEY_QUERY) == Some("true") {
        b.store
            .query_message_by_uniq_key(&h.topic, &h.key)
            .into_iter()
            .collect()
    } else {
        let end = if h.end_timestamp <= 0 {
            i64::MAX
        } else {
            h.end_timestamp
        };
        b.store.query_message(
            &h.topic,
            &h.key,
            h.max_num.clamp(1, 64) as usize,
            h.begin_timestamp,
            end,
        )
    };
    if records.is_empty() {
        return Ok(RemotingCommand::error(
            response::QUERY_NOT_FOUND,
            "can not find message, maybe time range not correct",
        ));
    }
    let mut body = BytesMut::new();
    for r in &records {
        body.extend_from_slice(r);
    }
    Ok(RemotingCommand::success()
        .with_header(&QueryMessageResponseHeader {
            index_last_update_timestamp: crate::util::now_millis(),
            index_last_update_phyoffset: b.store.max_phy_offset(),
        })
        .with_body(body.freeze()))
}

pub fn view_message_by_id(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: ViewMessageRequestHeader = req.decode_header()?;
    match b.store.get_message_by_offset(h.offset) {
        Some(record) => Ok(RemotingCommand::success().with_body(record)),
        None => Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!("can not find message by the offset, {}", h.offset),
        )),
    }
}
