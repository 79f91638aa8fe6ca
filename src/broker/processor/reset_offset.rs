//! INVOKE_BROKER_TO_RESET_OFFSET: moves a consumer group's offsets on one
//! topic, whether its consumers are online or not. The committed offsets are
//! rewritten here, and online consumers are told with
//! RESET_CONSUMER_CLIENT_OFFSET (oneway, ResetOffsetBody) so they drop their
//! in-memory positions.
//!
//! Targets come from, in order: an `mq` request body (a ResetOffsetBody with
//! an exact offset per queue), 5.x's `queueId` + `offset` (one queue), else
//! the timestamp (-1 = each queue's max offset), as RocketMQ does. Without
//! `isForce`, a queue only moves backwards (RocketMQ's rule).

use std::collections::BTreeMap;

use super::Outcome;
use crate::broker::Broker;
use crate::protocol::admin::{MessageQueue, ResetOffsetBody};
use crate::protocol::body::RemotingBody;
use crate::protocol::header::ResetOffsetRequestHeader;
use crate::remoting::RemotingCommand;
use crate::remoting::code::{request, response};

pub async fn invoke_broker_to_reset_offset(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: ResetOffsetRequestHeader = req.decode_header()?;
    if !b.config.is_master() {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            "Can not reset offset in slave broker",
        ));
    }
    let Some(config) = b.topics.get(&h.topic) else {
        return Ok(RemotingCommand::error(
            response::TOPIC_NOT_EXIST,
            format!(
                "[reset-offset] reset offset failed, no topic in this broker. topic={}",
                h.topic
            ),
        ));
    };
    let known = b.groups.get(&h.group).is_some()
        || !b.offsets.offsets_of(&h.group, &h.topic).is_empty()
        || b.consumers.group(&h.group).is_some();
    if !known {
        return Ok(RemotingCommand::error(
            response::SUBSCRIPTION_GROUP_NOT_EXIST,
            format!("Group {} does not exist", h.group),
        ));
    }
    let queues = config.read_queue_nums.max(config.write_queue_nums);
    let exact: Option<BTreeMap<i32, i64>> = if req.body.is_empty() {
        None
    } else {
        match ResetOffsetBody::decode(&req.body) {
            Ok(body) => Some(
                body.offset_table
                    .into_iter()
                    .filter(|(mq, _)| mq.topic == h.topic && mq.broker_name == b.config.broker_name)
                    .map(|(mq, o)| (mq.queue_id, o))
                    .collect(),
            ),
            Err(e) => {
                return Ok(RemotingCommand::error(
                    response::SYSTEM_ERROR,
                    format!("invalid ResetOffsetBody: {e}"),
                ));
            }
        }
    };
    let by_time = |queue_id: i32| {
        if h.timestamp < 0 {
            b.store.max_offset_in_queue(&h.topic, queue_id)
        } else {
            b.store
                .offset_in_queue_by_time(&h.topic, queue_id, h.timestamp)
        }
    };
    let targets: BTreeMap<i32, i64> = match (exact, h.queue_id.filter(|q| *q >= 0)) {
        (Some(exact), _) => exact,
        (None, Some(q)) => [(
            q,
            h.offset.filter(|o| *o >= 0).unwrap_or_else(|| by_time(q)),
        )]
        .into(),
        (None, None) => (0..queues).map(|q| (q, by_time(q))).collect(),
    };
    let mut body = ResetOffsetBody::default();
    for (queue_id, target) in targets {
        if queue_id < 0 || queue_id >= queues {
            continue;
        }
        let min = b.store.min_offset_in_queue(&h.topic, queue_id).max(0);
        let max = b.store.max_offset_in_queue(&h.topic, queue_id).max(0);
        let target = target.clamp(min, max.max(min));
        let current = b.offsets.query(&h.group, &h.topic, queue_id);
        let offset = if h.is_force || current < 0 || target < current {
            target
        } else {
            current
        };
        b.offsets.commit(&h.group, &h.topic, queue_id, offset);
        body.offset_table.insert(
            MessageQueue::new(&h.topic, &b.config.broker_name, queue_id),
            offset,
        );
    }
    if let Some(info) = b.consumers.group(&h.group) {
        let header = ResetOffsetRequestHeader {
            queue_id: None,
            offset: None,
            ..h.clone()
        };
        for channel in info.channels.values() {
            let notice = RemotingCommand::request(request::RESET_CONSUMER_CLIENT_OFFSET)
                .with_header(&header)
                .with_body(body.encode());
            if let Err(e) = channel.conn.invoke_oneway(notice).await {
                tracing::warn!("[reset-offset] cannot tell {}: {e}", channel.client_id);
            }
        }
    }
    tracing::info!(
        "[reset-offset] group {} topic {}: {} queues reset",
        h.group,
        h.topic,
        body.offset_table.len()
    );
    Ok(RemotingCommand::success().with_body(body.encode()))
}
