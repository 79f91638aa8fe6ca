//! QUERY_CONSUME_QUEUE (321): raw consume queue entries of one queue (commit
//! log offset, size, tags code), for mqadmin queryCq; with a consumer group,
//! the subscription that group's online consumers hold on the topic.

use super::Outcome;
use crate::broker::Broker;
use crate::protocol::admin_codes::{
    ConsumeQueueData, QueryConsumeQueueRequestHeader, QueryConsumeQueueResponseBody,
};
use crate::protocol::body::RemotingBody;
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;

pub fn query_consume_queue(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: QueryConsumeQueueRequestHeader = req.decode_header()?;
    let exists = b
        .store
        .queues()
        .iter()
        .any(|(t, q)| *t == h.topic && *q == h.queue_id);
    if !exists {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!("{}@{} is not exist!", h.queue_id, h.topic),
        ));
    }
    let min = b.store.min_offset_in_queue(&h.topic, h.queue_id);
    let max = b.store.max_offset_in_queue(&h.topic, h.queue_id);
    let mut body = QueryConsumeQueueResponseBody {
        max_queue_index: max,
        min_queue_index: min,
        ..Default::default()
    };
    if let Some(group) = h.consumer_group.as_deref().filter(|g| !g.is_empty()) {
        body.subscription_data = b.consumers.subscription(group, &h.topic);
        if body.subscription_data.is_none() {
            body.filter_data = Some(format!("{group}@{} is not online!", h.topic));
        }
    }
    if h.index < min || h.index >= max {
        let mut r = RemotingCommand::success().with_body(body.encode());
        r.remark = Some(format!(
            "Index {} of {}@{} is not exist!",
            h.index, h.queue_id, h.topic
        ));
        return Ok(r);
    }
    let count = h.count.max(0) as usize;
    let mut entries = Vec::with_capacity(count.min(1024));
    b.store
        .for_each_cq_entry(&h.topic, h.queue_id, h.index, |_, e| {
            if entries.len() >= count {
                return false;
            }
            entries.push(ConsumeQueueData {
                physic_offset: e.commit_log_offset,
                physic_size: e.size,
                tags_code: e.tags_code,
                ..Default::default()
            });
            entries.len() < count
        });
    body.queue_data = Some(entries);
    Ok(RemotingCommand::success().with_body(body.encode()))
}
