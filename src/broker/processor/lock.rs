//! LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42): decode the body and ask the
//! lock table (broker::lock). Served in the admin class, as RocketMQ's
//! AdminBrokerProcessor serves them.

use super::Outcome;
use crate::broker::Broker;
use crate::protocol::body::RemotingBody;
use crate::protocol::lock::{LockBatchRequestBody, LockBatchResponseBody, UnlockBatchRequestBody};
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;

pub fn lock_batch_mq(b: &Broker, req: &RemotingCommand) -> Outcome {
    let body = match LockBatchRequestBody::decode(&req.body) {
        Ok(body) => body,
        Err(e) => return Ok(bad_body("lock", e)),
    };
    if let Some(refused) = unknown_group(b, &body.consumer_group) {
        return Ok(refused);
    }
    let locked = b.locks.lock().unwrap().try_lock_batch(
        &body.consumer_group,
        &body.mq_set,
        &body.client_id,
        crate::util::now_millis(),
    );
    let answer = LockBatchResponseBody {
        lock_ok_mq_set: locked,
    };
    Ok(RemotingCommand::success().with_body(answer.encode()))
}

pub fn unlock_batch_mq(b: &Broker, req: &RemotingCommand) -> Outcome {
    let body = match UnlockBatchRequestBody::decode(&req.body) {
        Ok(body) => body,
        Err(e) => return Ok(bad_body("unlock", e)),
    };
    if let Some(refused) = unknown_group(b, &body.consumer_group) {
        return Ok(refused);
    }
    b.locks
        .lock()
        .unwrap()
        .unlock_batch(&body.consumer_group, &body.mq_set, &body.client_id);
    Ok(RemotingCommand::success())
}

fn bad_body(what: &str, e: impl std::fmt::Display) -> RemotingCommand {
    RemotingCommand::error(
        response::SYSTEM_ERROR,
        format!("invalid {what} batch body: {e}"),
    )
}

/// RocketMQ takes any group here; `mq` answers as a pull for the group would,
/// so a typo in a group name is reported instead of locking queues nobody reads.
fn unknown_group(b: &Broker, group: &str) -> Option<RemotingCommand> {
    if group.is_empty() {
        return Some(RemotingCommand::error(
            response::SUBSCRIPTION_GROUP_NOT_EXIST,
            "the consumer group is empty",
        ));
    }
    b.groups.find_or_create(group).is_none().then(|| {
        RemotingCommand::error(
            response::SUBSCRIPTION_GROUP_NOT_EXIST,
            format!(
                "subscription group [{group}] does not exist, create it first (mq group create) or enable autoCreateSubscriptionGroup"
            ),
        )
    })
}
