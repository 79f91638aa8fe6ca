//! Consumer group administration and who-is-connected requests:
//! UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
//! DELETE_SUBSCRIPTIONGROUP, GET_CONSUMER_CONNECTION_LIST,
//! GET_PRODUCER_CONNECTION_LIST and QUERY_TOPIC_CONSUME_BY_WHO.

use std::collections::BTreeSet;

use super::Outcome;
use crate::broker::Broker;
use crate::broker::client_manager::ClientChannel;
use crate::protocol::body::RemotingBody;
use crate::protocol::connection::{Connection, ConsumerConnection, GroupList, ProducerConnection};
use crate::protocol::header::{
    ConsumerGroupHeader, DeleteSubscriptionGroupRequestHeader,
    GetProducerConnectionListRequestHeader, TopicRequestHeader,
};
use crate::protocol::subscription_group::SubscriptionGroupConfig;
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;

pub fn update_and_create_subscription_group(b: &Broker, req: &RemotingCommand) -> Outcome {
    if let Some(refusal) = super::admin::refuse_on_slave(b) {
        return Ok(refusal);
    }
    let config = match SubscriptionGroupConfig::decode(&req.body) {
        Ok(c) if !c.group_name.is_empty() => c,
        Ok(_) => {
            return Ok(RemotingCommand::error(
                response::SYSTEM_ERROR,
                "the subscription group config has no groupName",
            ));
        }
        Err(e) => {
            return Ok(RemotingCommand::error(
                response::SYSTEM_ERROR,
                format!("invalid subscription group config: {e}"),
            ));
        }
    };
    let name = config.group_name.clone();
    if let Err(e) = b.groups.update(config) {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            e.to_string(),
        ));
    }
    tracing::info!("subscription group {name} created or updated");
    Ok(RemotingCommand::success())
}

pub fn get_all_subscription_group_config(b: &Broker) -> Outcome {
    Ok(RemotingCommand::success().with_body(b.groups.wrapper().encode()))
}

pub fn delete_subscription_group(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: DeleteSubscriptionGroupRequestHeader = req.decode_header()?;
    if let Some(refusal) = super::admin::refuse_on_slave(b) {
        return Ok(refusal);
    }
    if let Err(e) = b.groups.delete(&h.group_name) {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            e.to_string(),
        ));
    }
    if h.remove_offset.unwrap_or(false) || h.clean_offset.unwrap_or(false) {
        b.offsets.remove_group(&h.group_name);
    }
    tracing::info!("subscription group {} deleted", h.group_name);
    Ok(RemotingCommand::success())
}

fn connection(c: &ClientChannel) -> Connection {
    Connection {
        client_addr: c.conn.peer().to_string(),
        client_id: c.client_id.clone(),
        language: c.language.name().to_string(),
        version: c.version,
    }
}

pub fn get_consumer_connection_list(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: ConsumerGroupHeader = req.decode_header()?;
    let Some(info) = b.consumers.group(&h.consumer_group) else {
        return Ok(RemotingCommand::error(
            response::CONSUMER_NOT_ONLINE,
            format!("the consumer group[{}] not online", h.consumer_group),
        ));
    };
    let body = ConsumerConnection {
        connection_set: info.channels.values().map(connection).collect(),
        consume_from_where: Some(info.consume_from_where),
        consume_type: Some(info.consume_type),
        message_model: Some(info.message_model),
        subscription_table: info.subscriptions.clone(),
    };
    Ok(RemotingCommand::success().with_body(body.encode()))
}

pub fn get_producer_connection_list(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: GetProducerConnectionListRequestHeader = req.decode_header()?;
    let channels = b.producers.channels(&h.producer_group);
    if channels.is_empty() {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!("the producer group[{}] not exist", h.producer_group),
        ));
    }
    let body = ProducerConnection {
        connection_set: channels.iter().map(connection).collect(),
    };
    Ok(RemotingCommand::success().with_body(body.encode()))
}

/// Groups consuming a topic: those subscribed now and those with offsets.
pub fn query_topic_consume_by_who(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: TopicRequestHeader = req.decode_header()?;
    let mut groups: BTreeSet<String> = b.offsets.groups_of_topic(&h.topic).into_iter().collect();
    for g in b.consumers.group_names() {
        if b.consumers.subscription(&g, &h.topic).is_some() {
            groups.insert(g);
        }
    }
    let body = GroupList { group_list: groups };
    Ok(RemotingCommand::success().with_body(body.encode()))
}
