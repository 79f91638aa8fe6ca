//! The per-queue broker calls consumers make: PULL_MESSAGE and its result,
//! GET_MAX/MIN_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP, QUERY/UPDATE_CONSUMER_OFFSET
//! and GET_CONSUMER_LIST_BY_GROUP, each sent to the queue's broker; and
//! CHECK_CLIENT_CONFIG, sent to a broker before a consumer starts.

use std::time::Duration;

use crate::client::error::{ClientError, ClientResult};
use crate::client::instance::ClientInstance;
use crate::client::message::{MessageExt, decode_messages};
use crate::protocol::admin::MessageQueue;
use crate::protocol::body::RemotingBody;
use crate::protocol::header::*;
use crate::protocol::heartbeat::{CheckClientRequestBody, ConsumerListBody, SubscriptionData};
use crate::remoting::RemotingCommand;
use crate::remoting::code::{request, response};

/// PullSysFlag bits.
pub mod pull_flag {
    pub const COMMIT_OFFSET: i32 = 0x1;
    pub const SUSPEND: i32 = 0x2;
    pub const SUBSCRIPTION: i32 = 0x4;
    pub const CLASS_FILTER: i32 = 0x8;
}

/// Java's PullStatus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PullStatus {
    Found,
    NoNewMsg,
    NoMatchedMsg,
    OffsetIllegal,
}

/// What a pull brought back. `messages` are those the broker sent (the
/// broker filters by tag hash only; see `SubscriptionData::matches_tags`).
#[derive(Clone, Debug)]
pub struct PullResult {
    pub status: PullStatus,
    pub next_begin_offset: i64,
    pub min_offset: i64,
    pub max_offset: i64,
    pub suggest_which_broker_id: i64,
    pub messages: Vec<MessageExt>,
}

/// The address of the queue's broker: its master, else a slave.
pub(crate) async fn broker_addr(
    instance: &ClientInstance,
    mq: &MessageQueue,
) -> ClientResult<String> {
    if let Some(a) = instance.broker_addr(&mq.broker_name, false) {
        return Ok(a);
    }
    instance.route(&mq.topic).await?;
    instance
        .broker_addr(&mq.broker_name, false)
        .ok_or_else(|| ClientError::BrokerNotFound(mq.broker_name.clone()))
}

/// CHECK_CLIENT_CONFIG: whether the broker at `addr` serves `sub` for `group` (its
/// expression type, and the expression compiles); the broker's code and remark otherwise.
pub(crate) async fn check_client_config(
    instance: &ClientInstance,
    addr: &str,
    group: &str,
    sub: &SubscriptionData,
) -> ClientResult<()> {
    let body = CheckClientRequestBody {
        client_id: instance.client_id().to_string(),
        group: group.to_string(),
        subscription_data: Some(sub.clone()),
    };
    let req = RemotingCommand::request(request::CHECK_CLIENT_CONFIG).with_body(body.encode());
    let resp = instance
        .remoting()
        .invoke(addr, req, instance.timeout())
        .await?;
    if resp.code != response::SUCCESS {
        return Err(ClientError::response("subscribe", &resp));
    }
    Ok(())
}

/// Sends PULL_MESSAGE for `header` (its topic and queue) to `mq`'s broker.
pub(crate) async fn pull(
    instance: &ClientInstance,
    mq: &MessageQueue,
    header: &PullMessageRequestHeader,
    timeout: Duration,
) -> ClientResult<PullResult> {
    let addr = broker_addr(instance, mq).await?;
    let req = RemotingCommand::request(request::PULL_MESSAGE).with_header(header);
    let resp = instance.remoting().invoke(&addr, req, timeout).await?;
    let status = match resp.code {
        response::SUCCESS => PullStatus::Found,
        response::PULL_NOT_FOUND => PullStatus::NoNewMsg,
        response::PULL_RETRY_IMMEDIATELY => PullStatus::NoMatchedMsg,
        response::PULL_OFFSET_MOVED => PullStatus::OffsetIllegal,
        _ => return Err(ClientError::response("pull", &resp)),
    };
    let h = resp.decode_header::<PullMessageResponseHeader>()?;
    let messages = if status == PullStatus::Found {
        decode_messages(&resp.body, &mq.broker_name)?
    } else {
        Vec::new()
    };
    Ok(PullResult {
        status,
        next_begin_offset: h.next_begin_offset,
        min_offset: h.min_offset,
        max_offset: h.max_offset,
        suggest_which_broker_id: h.suggest_which_broker_id,
        messages,
    })
}

async fn offset_call(
    instance: &ClientInstance,
    mq: &MessageQueue,
    action: &'static str,
    req: RemotingCommand,
) -> ClientResult<RemotingCommand> {
    let addr = broker_addr(instance, mq).await?;
    let resp = instance
        .remoting()
        .invoke(&addr, req, instance.timeout())
        .await?;
    if resp.code != response::SUCCESS {
        return Err(ClientError::response(action, &resp));
    }
    Ok(resp)
}

fn queue_header(mq: &MessageQueue) -> QueueRequestHeader {
    QueueRequestHeader {
        topic: mq.topic.clone(),
        queue_id: mq.queue_id,
    }
}

/// The queue's max offset (one past its last message).
pub async fn max_offset(instance: &ClientInstance, mq: &MessageQueue) -> ClientResult<i64> {
    let req = RemotingCommand::request(request::GET_MAX_OFFSET).with_header(&queue_header(mq));
    let r = offset_call(instance, mq, "get max offset", req).await?;
    Ok(r.decode_header::<OffsetResponseHeader>()?.offset)
}

/// The queue's min offset (its first message still stored).
pub async fn min_offset(instance: &ClientInstance, mq: &MessageQueue) -> ClientResult<i64> {
    let req = RemotingCommand::request(request::GET_MIN_OFFSET).with_header(&queue_header(mq));
    let r = offset_call(instance, mq, "get min offset", req).await?;
    Ok(r.decode_header::<OffsetResponseHeader>()?.offset)
}

/// The offset of the first message stored at or after `timestamp` (ms).
pub async fn search_offset(
    instance: &ClientInstance,
    mq: &MessageQueue,
    timestamp: i64,
) -> ClientResult<i64> {
    let header = SearchOffsetRequestHeader {
        topic: mq.topic.clone(),
        queue_id: mq.queue_id,
        timestamp,
    };
    let req = RemotingCommand::request(request::SEARCH_OFFSET_BY_TIMESTAMP).with_header(&header);
    let r = offset_call(instance, mq, "search offset by timestamp", req).await?;
    Ok(r.decode_header::<OffsetResponseHeader>()?.offset)
}

/// The group's committed offset on the queue; `None` when it has none.
pub async fn query_consumer_offset(
    instance: &ClientInstance,
    group: &str,
    mq: &MessageQueue,
) -> ClientResult<Option<i64>> {
    let header = QueryConsumerOffsetRequestHeader {
        consumer_group: group.to_string(),
        topic: mq.topic.clone(),
        queue_id: mq.queue_id,
    };
    let req = RemotingCommand::request(request::QUERY_CONSUMER_OFFSET).with_header(&header);
    let addr = broker_addr(instance, mq).await?;
    let resp = instance
        .remoting()
        .invoke(&addr, req, instance.timeout())
        .await?;
    match resp.code {
        response::SUCCESS => Ok(Some(resp.decode_header::<OffsetResponseHeader>()?.offset)),
        response::QUERY_NOT_FOUND => Ok(None),
        _ => Err(ClientError::response("query consumer offset", &resp)),
    }
}

/// Commits the group's offset on the queue; oneway sends do not wait.
pub async fn update_consumer_offset(
    instance: &ClientInstance,
    group: &str,
    mq: &MessageQueue,
    offset: i64,
    oneway: bool,
) -> ClientResult<()> {
    let header = UpdateConsumerOffsetRequestHeader {
        consumer_group: group.to_string(),
        topic: mq.topic.clone(),
        queue_id: mq.queue_id,
        commit_offset: offset,
    };
    let req = RemotingCommand::request(request::UPDATE_CONSUMER_OFFSET).with_header(&header);
    let addr = broker_addr(instance, mq).await?;
    if oneway {
        instance
            .remoting()
            .invoke_oneway(&addr, req, instance.timeout())
            .await?;
        return Ok(());
    }
    let resp = instance
        .remoting()
        .invoke(&addr, req, instance.timeout())
        .await?;
    if resp.code != response::SUCCESS {
        return Err(ClientError::response("update consumer offset", &resp));
    }
    Ok(())
}

/// The client ids of the group's members, as the broker at `addr` knows them.
pub async fn consumer_ids(
    instance: &ClientInstance,
    addr: &str,
    group: &str,
) -> ClientResult<Vec<String>> {
    let header = ConsumerGroupHeader {
        consumer_group: group.to_string(),
    };
    let req = RemotingCommand::request(request::GET_CONSUMER_LIST_BY_GROUP).with_header(&header);
    let resp = instance
        .remoting()
        .invoke(addr, req, instance.timeout())
        .await?;
    if resp.code != response::SUCCESS {
        return Err(ClientError::response("get consumer list", &resp));
    }
    let body = ConsumerListBody::decode(&resp.body).map_err(|e| ClientError::Decode {
        what: "consumer list",
        reason: e.to_string(),
    })?;
    Ok(body.consumer_id_list)
}
