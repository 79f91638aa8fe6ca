//! CLONE_GROUP_OFFSET (314): copies a consumer group's committed offsets on a
//! topic (every topic it has offsets for, when none is given) to another
//! group, as mqadmin cloneGroupOffset asks. Unless `offline`, a topic an online
//! source group does not subscribe to is skipped, as RocketMQ does.

use super::Outcome;
use crate::broker::Broker;
use crate::protocol::admin_codes::CloneGroupOffsetRequestHeader;
use crate::remoting::RemotingCommand;

pub fn clone_group_offset(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: CloneGroupOffsetRequestHeader = req.decode_header()?;
    if let Some(refusal) = super::admin::refuse_on_slave(b) {
        return Ok(refusal);
    }
    let topics = match h.topic.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(t) => vec![t.to_string()],
        None => b.offsets.topics_of_group(&h.src_group),
    };
    let online = b.consumers.group(&h.src_group);
    let mut cloned = 0;
    for topic in topics {
        if !b.topics.contains(&topic) {
            tracing::warn!("[cloneGroupOffset] topic config not exist, {topic}");
            continue;
        }
        if !h.offline.unwrap_or(false)
            && let Some(info) = &online
            && !info.subscriptions.is_empty()
            && !info.subscriptions.contains_key(&topic)
        {
            tracing::warn!(
                "[cloneGroupOffset] the consumer group[{}], topic[{topic}] not exist",
                h.src_group
            );
            continue;
        }
        for (queue_id, offset) in b.offsets.offsets_of(&h.src_group, &topic) {
            b.offsets.commit(&h.dest_group, &topic, queue_id, offset);
            cloned += 1;
        }
    }
    tracing::info!(
        "[cloneGroupOffset] {} -> {}: {cloned} queue offsets copied",
        h.src_group,
        h.dest_group
    );
    Ok(RemotingCommand::success())
}
