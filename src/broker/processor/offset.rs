//! Offset requests: QUERY_CONSUMER_OFFSET, UPDATE_CONSUMER_OFFSET,
//! GET_MAX_OFFSET, GET_MIN_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP and
//! GET_EARLIEST_MSG_STORETIME, and GET_ALL_CONSUMER_OFFSET (43), which a slave copies.

use super::Outcome;
use crate::broker::Broker;
use crate::protocol::body::RemotingBody;
use crate::protocol::header::*;
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;

fn offset(offset: i64) -> RemotingCommand {
    RemotingCommand::success().with_header(&OffsetResponseHeader { offset })
}

/// The committed offset; for a group that never committed one, 0 while the
/// queue still starts at 0 (RocketMQ's quirk: a new group reads a young queue
/// from the start), else QUERY_NOT_FOUND so the client picks its own start.
pub fn query_consumer_offset(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: QueryConsumerOffsetRequestHeader = req.decode_header()?;
    let committed = b.offsets.query(&h.consumer_group, &h.topic, h.queue_id);
    if committed >= 0 {
        return Ok(offset(committed));
    }
    if b.store.min_offset_in_queue(&h.topic, h.queue_id) <= 0 {
        return Ok(offset(0));
    }
    Ok(RemotingCommand::error(
        response::QUERY_NOT_FOUND,
        "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first",
    ))
}

pub fn update_consumer_offset(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: UpdateConsumerOffsetRequestHeader = req.decode_header()?;
    b.offsets
        .commit(&h.consumer_group, &h.topic, h.queue_id, h.commit_offset);
    Ok(RemotingCommand::success())
}

pub fn get_max_offset(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: QueueRequestHeader = req.decode_header()?;
    Ok(offset(b.store.max_offset_in_queue(&h.topic, h.queue_id)))
}

pub fn get_min_offset(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: QueueRequestHeader = req.decode_header()?;
    Ok(offset(b.store.min_offset_in_queue(&h.topic, h.queue_id)))
}

pub fn search_offset_by_timestamp(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: SearchOffsetRequestHeader = req.decode_header()?;
    Ok(offset(b.store.offset_in_queue_by_time(
        &h.topic,
        h.queue_id,
        h.timestamp,
    )))
}

pub fn get_earliest_msg_storetime(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: QueueRequestHeader = req.decode_header()?;
    let min = b.store.min_offset_in_queue(&h.topic, h.queue_id);
    let timestamp = b
        .store
        .message_store_timestamp(&h.topic, h.queue_id, min)
        .unwrap_or(-1);
    Ok(
        RemotingCommand::success()
            .with_header(&GetEarliestMsgStoretimeResponseHeader { timestamp }),
    )
}

/// Every committed offset (ConsumerOffsetSerializeWrapper), for a slave's sync.
pub fn get_all_consumer_offset(b: &Broker) -> Outcome {
    Ok(RemotingCommand::success().with_body(b.offsets.wrapper().encode()))
}
