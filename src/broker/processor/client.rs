//! Client requests: HEART_BEAT, UNREGISTER_CLIENT, CHECK_CLIENT_CONFIG (a
//! consumer's SQL92 subscription checked before it starts) and
//! GET_CONSUMER_LIST_BY_GROUP, and NOTIFY_CONSUMER_IDS_CHANGED sent to a
//! group's members when its membership changes. A closed connection
//! unregisters its clients. A consumer that leaves either way gives up its
//! queue locks at once, so its group need not wait for them to expire.

use std::sync::Arc;

use super::Outcome;
use crate::broker::Broker;
use crate::broker::client_manager::ClientChannel;
use crate::filter::is_tag_type;
use crate::protocol::body::RemotingBody;
use crate::protocol::header::{ConsumerGroupHeader, UnregisterClientRequestHeader};
use crate::protocol::heartbeat::{
    CheckClientRequestBody, ConsumerListBody, HeartbeatData, MessageModel,
};
use crate::protocol::topic::retry_topic;
use crate::remoting::code::{request, response};
use crate::remoting::{Connection, RemotingCommand};

pub async fn heart_beat(b: &Arc<Broker>, conn: &Arc<Connection>, req: &RemotingCommand) -> Outcome {
    let data = match HeartbeatData::decode(&req.body) {
        Ok(d) => d,
        Err(e) => {
            return Ok(RemotingCommand::error(
                response::SYSTEM_ERROR,
                format!("invalid heartbeat body: {e}"),
            ));
        }
    };
    let channel = ClientChannel {
        conn: conn.clone(),
        client_id: data.client_id.clone(),
        language: req.language,
        version: req.version,
        last_update: crate::util::now_millis(),
    };
    watch_connection(b, conn);
    let mut changed_groups = Vec::new();
    for consumer in &data.consumer_data_set {
        let Some(group) = b.groups.find_or_create(&consumer.group_name) else {
            continue;
        };
        if consumer.message_model == MessageModel::Clustering {
            // Where failed messages are sent back to; created like RocketMQ does.
            let retry = retry_topic(&consumer.group_name);
            if !b.topics.contains(&retry) {
                if let Err(e) = b
                    .topics
                    .get_or_create_system(&retry, group.retry_queue_nums.max(1))
                {
                    tracing::warn!("cannot create {retry}: {e}");
                }
                b.topics_changed();
            }
        }
        if b.consumers.register(consumer, channel.clone())
            && group.notify_consumer_ids_changed_enable
        {
            tracing::info!(
                "consumer group {}: client {} joined",
                consumer.group_name,
                data.client_id
            );
            changed_groups.push(consumer.group_name.clone());
        }
    }
    for producer in &data.producer_data_set {
        b.producers.register(&producer.group_name, channel.clone());
    }
    for group in changed_groups {
        notify_consumer_ids_changed(b, &group).await;
    }
    Ok(RemotingCommand::success())
}

/// On the first heartbeat over a connection, arranges for its clients to be
/// unregistered when it closes.
fn watch_connection(b: &Arc<Broker>, conn: &Arc<Connection>) {
    if !conn.mark_watched() {
        return;
    }
    let b = b.clone();
    let conn = conn.clone();
    tokio::spawn(async move {
        conn.closed().await;
        b.producers.remove_connection(&conn);
        release_locks(&b, b.consumers.clients_on(&conn));
        for group in b.consumers.remove_connection(&conn) {
            tracing::info!("consumer group {group}: a client disconnected");
            notify_consumer_ids_changed(&b, &group).await;
        }
    });
}

pub async fn unregister_client(b: &Arc<Broker>, req: &RemotingCommand) -> Outcome {
    let h: UnregisterClientRequestHeader = req.decode_header()?;
    if let Some(group) = h.producer_group.as_deref() {
        b.producers.unregister(group, &h.client_id);
    }
    if let Some(group) = h.consumer_group.as_deref() {
        release_locks(b, [(group.to_string(), h.client_id.clone())]);
    }
    if let Some(group) = h.consumer_group.as_deref()
        && b.consumers.unregister(group, &h.client_id)
    {
        tracing::info!("consumer group {group}: client {} left", h.client_id);
        notify_consumer_ids_changed(b, group).await;
    }
    Ok(RemotingCommand::success())
}

fn release_locks(b: &Broker, clients: impl IntoIterator<Item = (String, String)>) {
    let mut locks = b.locks.lock().unwrap();
    for (group, client_id) in clients {
        let n = locks.release_client(&group, &client_id);
        if n > 0 {
            tracing::info!("consumer group {group}: {n} queue locks of {client_id} released");
        }
    }
}

/// CHECK_CLIENT_CONFIG (46): whether the broker serves the subscription's expression type
/// and the expression compiles, with RocketMQ's codes and the compiler's remark.
pub fn check_client_config(b: &Broker, req: &RemotingCommand) -> Outcome {
    let body = match CheckClientRequestBody::decode(&req.body) {
        Ok(body) => body,
        Err(e) => {
            return Ok(RemotingCommand::error(
                response::SYSTEM_ERROR,
                format!("invalid CHECK_CLIENT_CONFIG body: {e}"),
            ));
        }
    };
    let Some(sub) = body.subscription_data else {
        return Ok(RemotingCommand::success());
    };
    let expression_type = sub.expression_type.as_deref();
    if is_tag_type(expression_type) {
        return Ok(RemotingCommand::success());
    }
    let expression_type = expression_type.unwrap_or_default();
    if !b.config.enable_property_filter {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!("The broker does not support consumer to filter message by {expression_type}"),
        ));
    }
    if let Err(e) = crate::broker::filter::compile(expression_type, &sub.sub_string) {
        tracing::warn!(
            "client {}@{} subscribes with an expression that does not compile: {e}",
            body.client_id,
            body.group
        );
        return Ok(RemotingCommand::error(
            response::SUBSCRIPTION_PARSE_FAILED,
            e,
        ));
    }
    Ok(RemotingCommand::success())
}

pub fn get_consumer_list_by_group(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: ConsumerGroupHeader = req.decode_header()?;
    let ids = b.consumers.client_ids(&h.consumer_group);
    if ids.is_empty() {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!("no consumer for this group, {}", h.consumer_group),
        ));
    }
    let body = ConsumerListBody {
        consumer_id_list: ids,
    };
    Ok(RemotingCommand::success().with_body(body.encode()))
}

/// Tells every member of `group` to rebalance (oneway, as RocketMQ does).
pub async fn notify_consumer_ids_changed(b: &Broker, group: &str) {
    let Some(info) = b.consumers.group(group) else {
        return;
    };
    let header = ConsumerGroupHeader {
        consumer_group: group.to_string(),
    };
    for channel in info.channels.values() {
        let notice =
            RemotingCommand::request(request::NOTIFY_CONSUMER_IDS_CHANGED).with_header(&header);
        if let Err(e) = channel.conn.invoke_oneway(notice).await {
            tracing::debug!("cannot notify {}: {e}", channel.client_id);
        }
    }
}
