//! Admin requests: UPDATE_AND_CREATE_TOPIC and GET_ALL_TOPIC_CONFIG.

use super::Outcome;
use crate::broker::Broker;
use crate::broker::topic_config_manager::{AUTO_CREATE_TOPIC_KEY_TOPIC, validate_topic_name};
use crate::protocol::body::RemotingBody;
use crate::protocol::header::CreateTopicRequestHeader;
use crate::protocol::topic_config::{TopicConfig, TopicFilterType};
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;

pub fn update_and_create_topic(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: CreateTopicRequestHeader = req.decode_header()?;
    if !b.config.is_master() {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            "a slave does not create topics: create them on its master",
        ));
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
    b.topics_changed();
    Ok(RemotingCommand::success())
}

pub fn get_all_topic_config(b: &Broker) -> Outcome {
    Ok(RemotingCommand::success().with_body(b.topics.wrapper().encode()))
}
