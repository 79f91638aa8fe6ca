//! PULL_MESSAGE (11): checks, reading with the subscription's message filter
//! (broker/filter.rs), RocketMQ's status-to-code mapping, which broker the
//! consumer should pull from next (suggestWhichBrokerId), long polling, and
//! committing the consumer's offset that rides on the pull.

use std::sync::Arc;
use std::time::Duration;

use super::Outcome;
use crate::broker::Broker;
use crate::broker::filter::{RetryFilter, SqlFilter, TagFilter};
use crate::broker::read_suggestion::{
    record_phy_offset, suggest_pulling_from_slave, suggest_which_broker_id, total_physical_memory,
};
use crate::filter::{Expression, is_tag_type};
use crate::protocol::header::{PullMessageRequestHeader, PullMessageResponseHeader};
use crate::protocol::heartbeat::SubscriptionData;
use crate::protocol::perm;
use crate::protocol::subscription_group::SubscriptionGroupConfig;
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;
use crate::store::{GetMessageResult, GetMessageStatus};

/// PullSysFlag bits.
pub const FLAG_COMMIT_OFFSET: i32 = 0x1;
pub const FLAG_SUSPEND: i32 = 0x2;
pub const FLAG_SUBSCRIPTION: i32 = 0x4;

/// At most this many messages per pull, whatever the client asks.
const MAX_MSGS_PER_PULL: i32 = 32;

pub async fn pull_message(b: &Arc<Broker>, req: &RemotingCommand) -> Outcome {
    let h: PullMessageRequestHeader = req.decode_header()?;
    let (subscription, group) = match check(b, &h) {
        Ok(s) => s,
        Err(refusal) => return Ok(refusal),
    };
    if h.sys_flag & FLAG_COMMIT_OFFSET != 0 && b.config.is_master() && h.commit_offset >= 0 {
        b.offsets
            .commit(&h.consumer_group, &h.topic, h.queue_id, h.commit_offset);
    }
    let suspend = h.sys_flag & FLAG_SUSPEND != 0;
    let hold = if !suspend {
        Duration::ZERO
    } else if b.config.long_polling_enable {
        Duration::from_millis(h.suspend_timeout_millis.max(0) as u64)
    } else {
        Duration::from_millis(b.config.short_polling_time_mills)
    };
    let deadline = tokio::time::Instant::now() + hold;
    loop {
        // Listen before reading, so a message stored in between still wakes us.
        let signal = b.pull_hold.signal(&h.topic, h.queue_id);
        let arrived = signal.notified();
        tokio::pin!(arrived);
        arrived.as_mut().enable();

        let result = get(b, &h, &subscription);
        let response = to_response(b, &h, &group, result);
        let waiting_is_useful = response.code == response::PULL_NOT_FOUND
            && !hold.is_zero()
            && tokio::time::Instant::now() < deadline
            && !b.is_shutting_down();
        if !waiting_is_useful {
            return Ok(response);
        }
        let _held = b.pull_hold.hold();
        if tokio::time::timeout_at(deadline, arrived).await.is_err() {
            // Suspended long enough: answer with what is there now.
            let result = get(b, &h, &subscription);
            return Ok(to_response(b, &h, &group, result));
        }
    }
}

/// What a pull reads with: the subscription, and its compiled selector when it is SQL92.
struct Subscription {
    data: SubscriptionData,
    sql: Option<Arc<Expression>>,
}

fn get(b: &Broker, h: &PullMessageRequestHeader, sub: &Subscription) -> GetMessageResult {
    let max = h.max_msg_nums.clamp(1, MAX_MSGS_PER_PULL) as usize;
    let max_bytes = b.store.config().max_transfer_bytes_on_message_in_memory;
    let read = |filter: &dyn crate::store::MessageFilter| {
        b.store
            .get_message_filtered(&h.topic, h.queue_id, h.queue_offset, max, max_bytes, filter)
    };
    if let Some(sql) = &sub.sql {
        return read(&SqlFilter::new(sql));
    }
    if b.config.filter_support_retry
        && let Some(retry) = RetryFilter::of(&sub.data, &h.consumer_group, &b.consumers.filters)
    {
        return read(&retry);
    }
    match TagFilter::of(&sub.data) {
        None => b
            .store
            .get_message(&h.topic, h.queue_id, h.queue_offset, max, max_bytes),
        Some(filter) => read(&filter),
    }
}

/// RocketMQ's mapping of a store status to a pull response code (master).
fn status_code(status: GetMessageStatus, request_offset: i64) -> i32 {
    use GetMessageStatus::*;
    match status {
        Found => response::SUCCESS,
        MessageWasRemoving | NoMatchedMessage => response::PULL_RETRY_IMMEDIATELY,
        NoMatchedLogicQueue | NoMessageInQueue => {
            if request_offset != 0 {
                response::PULL_OFFSET_MOVED
            } else {
                response::PULL_NOT_FOUND
            }
        }
        OffsetFoundNull | OffsetOverflowOne => response::PULL_NOT_FOUND,
        OffsetOverflowBadly | OffsetTooSmall => response::PULL_OFFSET_MOVED,
    }
}

fn status_name(status: GetMessageStatus) -> &'static str {
    use GetMessageStatus::*;
    match status {
        Found => "FOUND",
        NoMatchedMessage => "NO_MATCHED_MESSAGE",
        MessageWasRemoving => "MESSAGE_WAS_REMOVING",
        OffsetFoundNull => "OFFSET_FOUND_NULL",
        OffsetOverflowBadly => "OFFSET_OVERFLOW_BADLY",
        OffsetOverflowOne => "OFFSET_OVERFLOW_ONE",
        OffsetTooSmall => "OFFSET_TOO_SMALL",
        NoMatchedLogicQueue => "NO_MATCHED_LOGIC_QUEUE",
        NoMessageInQueue => "NO_MESSAGE_IN_QUEUE",
    }
}

fn to_response(
    b: &Broker,
    h: &PullMessageRequestHeader,
    group: &SubscriptionGroupConfig,
    r: GetMessageResult,
) -> RemotingCommand {
    let mut code = status_code(r.status, h.queue_offset);
    // Where the pulled data sits matters only to a broker that sends readers to slaves.
    let from_slave = b.config.slave_read_enable
        && r.messages
            .last()
            .and_then(|m| record_phy_offset(m))
            .is_some_and(|pulled| {
                suggest_pulling_from_slave(
                    b.store.max_phy_offset(),
                    pulled,
                    total_physical_memory(),
                    b.config.access_message_in_memory_max_ratio,
                )
            });
    let mut suggest = suggest_which_broker_id(b.config.slave_read_enable, from_slave, group);
    if code == response::PULL_OFFSET_MOVED
        && !b.config.is_master()
        && !b.config.offset_check_in_slave
    {
        // A slave may only be behind its master: rather than move the consumer's offset, it
        // sends the consumer to retry where the group reads by default.
        code = response::PULL_RETRY_IMMEDIATELY;
        suggest = group.broker_id;
    }
    let mut out = RemotingCommand::response(code, Some(status_name(r.status).to_string()))
        .with_header(&PullMessageResponseHeader {
            suggest_which_broker_id: suggest,
            next_begin_offset: r.next_begin_offset,
            min_offset: r.min_offset,
            max_offset: r.max_offset,
        });
    if code == response::SUCCESS {
        // The messages stay slices of the mapped files until the connection writes them.
        let bytes: usize = r.messages.iter().map(|m| m.len()).sum();
        b.stats.on_topic_get(
            &h.consumer_group,
            &h.topic,
            r.messages.len() as u64,
            bytes as u64,
        );
        out.body_parts = Some(Arc::new(r.messages));
    }
    out
}

/// RocketMQ's checks before a pull; the subscription to filter with.
fn check(
    b: &Broker,
    h: &PullMessageRequestHeader,
) -> Result<(Subscription, SubscriptionGroupConfig), RemotingCommand> {
    if !perm::is_readable(b.permission()) {
        return Err(RemotingCommand::error(
            response::NO_PERMISSION,
            format!(
                "the broker[{}] pulling message is forbidden",
                b.config.broker_ip1
            ),
        ));
    }
    let Some(group) = b.groups.find_or_create(&h.consumer_group) else {
        return Err(RemotingCommand::error(
            response::SUBSCRIPTION_GROUP_NOT_EXIST,
            format!("subscription group [{}] does not exist", h.consumer_group),
        ));
    };
    if !group.consume_enable {
        return Err(RemotingCommand::error(
            response::NO_PERMISSION,
            format!("subscription group no permission, {}", h.consumer_group),
        ));
    }
    let Some(topic) = b.topics.get(&h.topic) else {
        return Err(RemotingCommand::error(
            response::TOPIC_NOT_EXIST,
            format!(
                "topic[{}] not exist, apply first please!{}",
                h.topic,
                crate::protocol::route::APPLY_TOPIC_HINT
            ),
        ));
    };
    if !perm::is_readable(topic.perm) {
        return Err(RemotingCommand::error(
            response::NO_PERMISSION,
            format!("the topic[{}] pulling message is forbidden", h.topic),
        ));
    }
    if h.queue_id < 0 || h.queue_id >= topic.read_queue_nums {
        return Err(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!(
                "queueId[{}] is illegal, topic:[{}] topicConfig.readQueueNums:[{}]",
                h.queue_id, h.topic, topic.read_queue_nums
            ),
        ));
    }
    let sub = if h.sys_flag & FLAG_SUBSCRIPTION != 0 {
        subscription_of_request(b, h)?
    } else {
        subscription_of_heartbeat(b, h)?
    };
    if !is_tag_type(sub.data.expression_type.as_deref()) && !b.config.enable_property_filter {
        return Err(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!(
                "The broker does not support consumer to filter message by {}",
                sub.data.expression_type.as_deref().unwrap_or_default()
            ),
        ));
    }
    Ok((sub, group))
}

/// The subscription a pull names in its header (the SUB flag), its SQL92 selector compiled
/// once per group, topic, version and expression.
fn subscription_of_request(
    b: &Broker,
    h: &PullMessageRequestHeader,
) -> Result<Subscription, RemotingCommand> {
    let expression = h.subscription.as_deref().unwrap_or("*");
    let expression_type = h.expression_type.as_deref();
    if is_tag_type(expression_type) {
        return Ok(Subscription {
            data: SubscriptionData::from_tag_expression(&h.topic, expression, h.sub_version),
            sql: None,
        });
    }
    let expression_type = expression_type.unwrap_or_default();
    let filter = b.consumers.filters.for_pull(
        &h.consumer_group,
        &h.topic,
        expression,
        expression_type,
        h.sub_version,
    );
    let sql = filter.compiled.as_ref().map_err(|e| {
        RemotingCommand::error(
            response::SUBSCRIPTION_PARSE_FAILED,
            format!("parse the consumer's subscription failed: {e}"),
        )
    })?;
    Ok(Subscription {
        data: SubscriptionData {
            topic: h.topic.clone(),
            sub_string: expression.to_string(),
            sub_version: h.sub_version,
            expression_type: Some(expression_type.to_string()),
            ..Default::default()
        },
        sql: Some(sql.clone()),
    })
}

/// The subscription the group's heartbeats registered, and its compiled SQL92 selector.
fn subscription_of_heartbeat(
    b: &Broker,
    h: &PullMessageRequestHeader,
) -> Result<Subscription, RemotingCommand> {
    // Only the topic's subscription is copied out, not the group's whole table of members
    // and subscriptions: this runs for every pull.
    let Some(sub) = b.consumers.subscription(&h.consumer_group, &h.topic) else {
        let what = match b.consumers.group(&h.consumer_group) {
            None => "group info",
            Some(_) => "subscription",
        };
        return Err(RemotingCommand::error(
            response::SUBSCRIPTION_NOT_EXIST,
            format!(
                "the consumer's {what} not exist, group: {}",
                h.consumer_group
            ),
        ));
    };
    if sub.sub_version < h.sub_version {
        return Err(RemotingCommand::error(
            response::SUBSCRIPTION_NOT_LATEST,
            "the consumer's subscription not latest",
        ));
    }
    if is_tag_type(sub.expression_type.as_deref()) {
        return Ok(Subscription {
            data: sub,
            sql: None,
        });
    }
    let not_exist = |why: &str| {
        RemotingCommand::error(
            response::FILTER_DATA_NOT_EXIST,
            format!(
                "The broker's consumer filter data is not exist!Your expression may be wrong!{why}"
            ),
        )
    };
    let Some(filter) = b.consumers.filters.get(&h.consumer_group, &h.topic) else {
        return Err(not_exist(""));
    };
    if filter.client_version < h.sub_version {
        return Err(RemotingCommand::error(
            response::FILTER_DATA_NOT_LATEST,
            "the consumer's consumer filter data not latest",
        ));
    }
    let sql = filter
        .compiled
        .as_ref()
        .map_err(|e| not_exist(&format!(" {e}")))?;
    Ok(Subscription {
        data: sub,
        sql: Some(sql.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_like_a_rocketmq_master() {
        use GetMessageStatus::*;
        assert_eq!(status_code(Found, 5), response::SUCCESS);
        assert_eq!(status_code(OffsetOverflowOne, 5), response::PULL_NOT_FOUND);
        assert_eq!(
            status_code(OffsetOverflowBadly, 5),
            response::PULL_OFFSET_MOVED
        );
        assert_eq!(status_code(NoMessageInQueue, 0), response::PULL_NOT_FOUND);
        assert_eq!(
            status_code(NoMessageInQueue, 3),
            response::PULL_OFFSET_MOVED
        );
        assert_eq!(
            status_code(NoMatchedMessage, 3),
            response::PULL_RETRY_IMMEDIATELY
        );
        assert_eq!(status_code(OffsetTooSmall, 3), response::PULL_OFFSET_MOVED);
    }
}
