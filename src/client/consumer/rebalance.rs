//! Which queues of a topic this consumer should read (Java's RebalanceImpl
//! for one topic): every readable queue when broadcasting; in clustering,
//! this member's average share of the sorted queues among the sorted member
//! ids a broker of the topic reports.

use super::allocate::allocate_averagely;
use super::queue_api;
use crate::client::error::ClientResult;
use crate::client::instance::ClientInstance;
use crate::client::route::subscribe_queues;
use crate::protocol::admin::MessageQueue;
use crate::protocol::heartbeat::MessageModel;

/// The queues of `topic` this client should consume now. `Ok(None)` when
/// it cannot tell (no member list yet): keep what it has.
pub async fn assigned_queues(
    instance: &ClientInstance,
    group: &str,
    model: MessageModel,
    topic: &str,
) -> ClientResult<Option<Vec<MessageQueue>>> {
    let route = instance.route(topic).await?;
    let all = subscribe_queues(topic, &route);
    if model == MessageModel::Broadcasting {
        return Ok(Some(all));
    }
    // Any broker of the topic knows the group's members (they heartbeat to all).
    let mut addrs: Vec<&str> = route
        .broker_datas
        .iter()
        .filter_map(|bd| bd.select_broker_addr())
        .collect();
    if addrs.is_empty() {
        return Ok(None);
    }
    let start = rand::random::<u32>() as usize % addrs.len();
    addrs.rotate_left(start);
    for addr in addrs {
        match queue_api::consumer_ids(instance, addr, group).await {
            Ok(mut ids) if !ids.is_empty() => {
                ids.sort();
                return Ok(Some(allocate_averagely(instance.client_id(), &all, &ids)));
            }
            Ok(_) => {}
            Err(e) => tracing::debug!(%addr, "no consumer list for {group}: {e}"),
        }
    }
    Ok(None)
}
