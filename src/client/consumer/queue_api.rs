//! The per-queue broker calls consumers make: PULL_MESSAGE and its result,
//! GET_MAX/MIN_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP, QUERY/UPDATE_CONSUMER_OFFSET
//! and GET_CONSUMER_LIST_BY_GROUP, each sent to the queue's broker; and which
//! member of the broker (master or slave) a queue is pulled from, as the last
//! pull answer suggested (RocketMQ's PullAPIWrapper).

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::Duration;

use crate::client::error::{ClientError, ClientResult};
use crate::client::instance::ClientInstance;
use crate::client::message::{MessageExt, decode_messages};
use crate::protocol::admin::MessageQueue;
use crate::protocol::body::RemotingBody;
use crate::protocol::header::*;
use crate::protocol::heartbeat::ConsumerListBody;
use crate::protocol::route::MASTER_ID;
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

/// RocketMQ's pullFromWhichNodeTable: per queue, the brokerId the last pull answer suggested
/// (suggestWhichBrokerId), which the next pull of that queue goes to; the master until then.
#[derive(Debug, Default)]
pub struct PullFromWhichNode {
    table: Mutex<HashMap<MessageQueue, i64>>,
}

impl PullFromWhichNode {
    /// The brokerId to pull `mq` from next.
    pub fn recalculate(&self, mq: &MessageQueue) -> i64 {
        self.table
            .lock()
            .unwrap()
            .get(mq)
            .copied()
            .unwrap_or(MASTER_ID)
    }

    pub fn update(&self, mq: &MessageQueue, broker_id: i64) {
        self.table.lock().unwrap().insert(mq.clone(), broker_id);
    }
}

/// A broker member to send a subscription's calls to, and whether it is a slave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundBroker {
    pub addr: String,
    pub slave: bool,
}

/// RocketMQ's findBrokerAddressInSubscribe over a broker's members: `broker_id` if present, a
/// slave's next id for a slave that is gone, else (unless `only_this_broker`) the lowest id
/// there is, so a queue whose master is gone is read from its slave.
pub fn find_broker_address_in_subscribe(
    members: &BTreeMap<i64, String>,
    broker_id: i64,
    only_this_broker: bool,
) -> Option<FoundBroker> {
    let slave = broker_id != MASTER_ID;
    let exact = members
        .get(&broker_id)
        .or_else(|| slave.then(|| members.get(&(broker_id + 1))).flatten());
    if let Some(addr) = exact {
        return Some(FoundBroker {
            addr: addr.clone(),
            slave,
        });
    }
    if only_this_broker {
        return None;
    }
    members.iter().next().map(|(id, addr)| FoundBroker {
        addr: addr.clone(),
        slave: *id != MASTER_ID,
    })
}

/// The member of `mq`'s broker to pull from for `broker_id`, asking the name servers for the
/// route once if the cached routes do not know the broker.
async fn pull_target(
    instance: &ClientInstance,
    mq: &MessageQueue,
    broker_id: i64,
) -> ClientResult<FoundBroker> {
    let find = || {
        instance
            .broker_members(&mq.broker_name)
            .and_then(|m| find_broker_address_in_subscribe(&m, broker_id, false))
    };
    if let Some(found) = find() {
        return Ok(found);
    }
    instance.refresh_route(&mq.topic).await?;
    find().ok_or_else(|| ClientError::BrokerNotFound(mq.broker_name.clone()))
}

/// Sends PULL_MESSAGE for `header` (its topic and queue) to the member of `mq`'s broker that
/// `nodes` names, without the offset commit when that is a slave (only masters keep the
/// offsets pulls carry), and records the member the answer suggests for the next pull.
pub(crate) async fn pull(
    instance: &ClientInstance,
    mq: &MessageQueue,
    header: &PullMessageRequestHeader,
    timeout: Duration,
    nodes: &PullFromWhichNode,
) -> ClientResult<PullResult> {
    let target = pull_target(instance, mq, nodes.recalculate(mq)).await?;
    let addr = target.addr;
    let req = if target.slave && header.sys_flag & pull_flag::COMMIT_OFFSET != 0 {
        let mut header = header.clone();
        header.sys_flag &= !pull_flag::COMMIT_OFFSET;
        RemotingCommand::request(request::PULL_MESSAGE).with_header(&header)
    } else {
        RemotingCommand::request(request::PULL_MESSAGE).with_header(header)
    };
    let resp = instance.remoting().invoke(&addr, req, timeout).await?;
    let status = match resp.code {
        response::SUCCESS => PullStatus::Found,
        response::PULL_NOT_FOUND => PullStatus::NoNewMsg,
        response::PULL_RETRY_IMMEDIATELY => PullStatus::NoMatchedMsg,
        response::PULL_OFFSET_MOVED => PullStatus::OffsetIllegal,
        _ => return Err(ClientError::response("pull", &resp)),
    };
    let h = resp.decode_header::<PullMessageResponseHeader>()?;
    nodes.update(mq, h.suggest_which_broker_id);
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

#[cfg(test)]
mod pull_node_tests {
    use super::*;

    fn members(ids: &[i64]) -> BTreeMap<i64, String> {
        ids.iter()
            .map(|id| (*id, format!("10.0.0.{id}:10911")))
            .collect()
    }

    #[test]
    fn the_suggested_member_is_used_and_a_missing_one_falls_back() {
        let both = members(&[0, 1]);
        let found =
            |m: &BTreeMap<i64, String>, id, only| find_broker_address_in_subscribe(m, id, only);
        assert_eq!(
            found(&both, 1, false),
            Some(FoundBroker {
                addr: "10.0.0.1:10911".into(),
                slave: true
            })
        );
        assert!(!found(&both, 0, false).unwrap().slave);
        // The master is gone from the route: its slave serves the subscription.
        let slave_only = members(&[1]);
        assert_eq!(
            found(&slave_only, 0, false),
            Some(FoundBroker {
                addr: "10.0.0.1:10911".into(),
                slave: true
            })
        );
        assert_eq!(found(&slave_only, 0, true), None);
        // A suggested slave that is gone: the next id, else the master.
        assert_eq!(
            found(&members(&[0, 2]), 1, true).unwrap().addr,
            "10.0.0.2:10911"
        );
        assert_eq!(
            found(&members(&[0]), 1, false).unwrap().addr,
            "10.0.0.0:10911"
        );
        assert!(!found(&members(&[0]), 1, false).unwrap().slave);
        assert_eq!(found(&BTreeMap::new(), 0, false), None);
    }

    #[test]
    fn each_queue_goes_where_its_last_answer_suggested() {
        let nodes = PullFromWhichNode::default();
        let q = |id| MessageQueue {
            topic: "T".into(),
            broker_name: "broker-a".into(),
            queue_id: id,
        };
        assert_eq!(nodes.recalculate(&q(0)), MASTER_ID);
        nodes.update(&q(0), 1);
        assert_eq!(nodes.recalculate(&q(0)), 1);
        assert_eq!(nodes.recalculate(&q(1)), MASTER_ID);
        nodes.update(&q(0), 0);
        assert_eq!(nodes.recalculate(&q(0)), MASTER_ID);
    }
}
