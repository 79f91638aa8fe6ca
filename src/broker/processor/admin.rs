//! Admin requests on topics and the broker's config: UPDATE_AND_CREATE_TOPIC,
//! GET_ALL_TOPIC_CONFIG, DELETE_TOPIC_IN_BROKER, GET_BROKER_CONFIG,
//! UPDATE_BROKER_CONFIG and GET_SYSTEM_TOPIC_LIST_FROM_BROKER.

use super::Outcome;
use crate::broker::Broker;
use crate::broker::topic_config_manager::is_system_topic;
use crate::config::ConfigError;
use crate::protocol::body::{RemotingBody, TopicList};
use crate::protocol::header::{
    CreateTopicRequestHeader, GetBrokerConfigResponseHeader, TopicRequestHeader,
};
use crate::protocol::topic::{AUTO_CREATE_TOPIC_KEY_TOPIC, validate_topic_name};
use crate::protocol::topic_config::{TopicConfig, TopicFilterType};
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;

/// RocketMQ's validateSlave: a slave's topics and groups are its master's copy (slave_sync), so
/// admins change them on the master.
pub fn refuse_on_slave(b: &Broker) -> Option<RemotingCommand> {
    (!b.config.is_master()).then(|| {
        RemotingCommand::error(
            response::SYSTEM_ERROR,
            "Can't modify topic or subscription group from slave broker, \
             please execute it from master broker.",
        )
    })
}

pub async fn update_and_create_topic(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: CreateTopicRequestHeader = req.decode_header()?;
    if let Some(refusal) = refuse_on_slave(b) {
        return Ok(refusal);
    }
    if let Err(e) = validate_topic_name(&h.topic) {
        return Ok(RemotingCommand::error(response::SYSTEM_ERROR, e));
    }
    if h.topic == AUTO_CREATE_TOPIC_KEY_TOPIC || h.topic == b.config.broker_cluster_name {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!("The topic[{}] is conflict with system topic.", h.topic),
        ));
    }
    if h.read_queue_nums <= 0 || h.write_queue_nums <= 0 {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            "readQueueNums and writeQueueNums must be positive",
        ));
    }
    let mut config =
        TopicConfig::with_queues(&h.topic, h.read_queue_nums, h.write_queue_nums, h.perm);
    config.order = h.order;
    config.topic_sys_flag = h.topic_sys_flag.unwrap_or(0);
    config.topic_filter_type = h
        .topic_filter_type
        .parse()
        .unwrap_or(TopicFilterType::SingleTag);
    if let Err(e) = b.topics.update(config) {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            e.to_string(),
        ));
    }
    tracing::info!("topic {} created or updated", h.topic);
    // As RocketMQ does: answered once the name servers know the topic.
    b.register_now().await;
    Ok(RemotingCommand::success())
}

pub fn get_all_topic_config(b: &Broker) -> Outcome {
    Ok(RemotingCommand::success().with_body(b.topics.wrapper().encode()))
}

/// Removes a topic's config and consume queues from this broker (as
/// RocketMQ's deleteTopic, which cleans unused topics) and re-registers, so
/// name servers drop its route here. The messages stay in the commit log
/// until its files expire. System topics are refused.
pub fn delete_topic_in_broker(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: TopicRequestHeader = req.decode_header()?;
    if let Some(refusal) = refuse_on_slave(b) {
        return Ok(refusal);
    }
    if is_system_topic(&h.topic, &b.config) {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!(
                "The topic[{}] is a system topic and cannot be deleted.",
                h.topic
            ),
        ));
    }
    match b.topics.delete(&h.topic) {
        Ok(existed) => {
            if existed {
                tracing::info!("topic {} deleted", h.topic);
                // Its groups' offsets go too, so a topic created again later
                // does not start from stale positions.
                b.offsets.remove_topic(&h.topic);
                if let Err(e) = b.store.clean_unused_topics(|t| t != h.topic) {
                    tracing::warn!("topic {}: its consume queues stay: {e}", h.topic);
                }
                b.topics_changed();
            }
            Ok(RemotingCommand::success())
        }
        Err(e) => Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            e.to_string(),
        )),
    }
}

/// Every config key as `key=value` lines, with the data version header.
pub fn get_broker_config(b: &Broker) -> Outcome {
    let props = b.runtime_config.properties(&b.config, b.store.config());
    let mut text = String::new();
    for (k, v) in props {
        text.push_str(&format!("{k}={v}\n"));
    }
    Ok(RemotingCommand::success()
        .with_header(&GetBrokerConfigResponseHeader {
            version: Some(b.runtime_config.version_json()),
        })
        .with_body(text.into_bytes()))
}

pub fn update_broker_config(b: &Broker, req: &RemotingCommand) -> Outcome {
    let text = String::from_utf8_lossy(&req.body);
    match b.runtime_config.update(&b.config, b.store.config(), &text) {
        Ok(()) => {
            tracing::info!("broker config updated: {}", text.trim().replace('\n', ", "));
            // Checked by the update above; applied at once, the rest at the next start.
            if let Some(perm) = crate::config::parse_properties(&text)
                .get("brokerPermission")
                .and_then(|v| v.trim().parse().ok())
            {
                b.set_permission(perm);
            }
            Ok(RemotingCommand::success())
        }
        Err(e @ ConfigError::BlackListed(_)) => Ok(RemotingCommand::error(
            response::NO_PERMISSION,
            e.to_string(),
        )),
        Err(e) => Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            e.to_string(),
        )),
    }
}

/// GET_SYSTEM_TOPIC_LIST_FROM_BROKER: the system topics this broker has.
pub fn get_system_topic_list_from_broker(b: &Broker) -> Outcome {
    let topic_list = b
        .topics
        .wrapper()
        .topic_config_table
        .into_keys()
        .filter(|t| is_system_topic(t, &b.config))
        .collect();
    let body = TopicList {
        broker_addr: None,
        topic_list,
    };
    Ok(RemotingCommand::success().with_body(body.encode()))
}
