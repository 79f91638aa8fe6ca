//! Route requests: broker registration, route look-up, cluster info, topic
//! lists, topic deletion and broker write permission.

use super::Outcome;
use crate::namesrv::route_info::BrokerIdentity;
use crate::namesrv::state::NamesrvState;
use crate::protocol::body::RemotingBody;
use crate::protocol::header::*;
use crate::protocol::register_broker::RegisterBrokerBody;
use crate::protocol::route::APPLY_TOPIC_HINT;
use crate::protocol::topic_config::{DataVersion, TopicConfigSerializeWrapper};
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;
use crate::util::now_millis;

/// The KV namespace holding `orderTopicConf` per topic.
pub const NAMESPACE_ORDER_TOPIC_CONFIG: &str = "ORDER_TOPIC_CONFIG";

pub fn register_broker(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: RegisterBrokerRequestHeader = req.decode_header()?;
    let expected_crc = h.body_crc32.unwrap_or(0);
    if expected_crc != 0 && !req.body.is_empty() {
        let crc = (crc32fast::hash(&req.body) & 0x7FFF_FFFF) as i32;
        if crc != expected_crc {
            tracing::warn!(broker = %h.broker_addr, "register broker: body crc32 mismatch");
            return Ok(RemotingCommand::error(
                response::SYSTEM_ERROR,
                "crc32 not match",
            ));
        }
    }
    let body = if req.body.is_empty() {
        // No body: an empty table with a zero version, as RocketMQ treats it.
        RegisterBrokerBody {
            topic_config_serialize_wrapper: TopicConfigSerializeWrapper {
                data_version: DataVersion::default(),
                ..Default::default()
            },
            filter_server_list: Vec::new(),
        }
    } else {
        match RegisterBrokerBody::decode_body(&req.body, h.compressed.unwrap_or(false)) {
            Ok(body) => body,
            Err(e) => {
                return Ok(RemotingCommand::error(
                    response::SYSTEM_ERROR,
                    format!("invalid register broker body: {e}"),
                ));
            }
        }
    };
    let id = BrokerIdentity {
        cluster_name: &h.cluster_name,
        broker_name: &h.broker_name,
        broker_addr: &h.broker_addr,
        broker_id: h.broker_id,
    };
    let result = ns.route.write().unwrap().register_broker(
        id,
        &h.ha_server_addr,
        &body.topic_config_serialize_wrapper,
        &body.filter_server_list,
        now_millis(),
    );
    let mut out = RemotingCommand::success().with_header(&RegisterBrokerResponseHeader {
        ha_server_addr: result.ha_server_addr,
        master_addr: result.master_addr,
    });
    if let Some(table) = ns
        .kv
        .lock()
        .unwrap()
        .kv_list_by_namespace(NAMESPACE_ORDER_TOPIC_CONFIG)
    {
        out = out.with_body(table.encode());
    }
    Ok(out)
}

pub fn unregister_broker(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: UnregisterBrokerRequestHeader = req.decode_header()?;
    ns.route.write().unwrap().unregister_broker(BrokerIdentity {
        cluster_name: &h.cluster_name,
        broker_name: &h.broker_name,
        broker_addr: &h.broker_addr,
        broker_id: h.broker_id,
    });
    Ok(RemotingCommand::success())
}

pub fn query_data_version(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: QueryDataVersionRequestHeader = req.decode_header()?;
    let version: DataVersion = match DataVersion::decode(&req.body) {
        Ok(v) => v,
        Err(e) => {
            return Ok(RemotingCommand::error(
                response::SYSTEM_ERROR,
                format!("invalid data version body: {e}"),
            ));
        }
    };
    let query =
        ns.route
            .write()
            .unwrap()
            .query_data_version(&h.broker_addr, &version, now_millis());
    let mut out = RemotingCommand::success().with_header(&QueryDataVersionResponseHeader {
        changed: Some(query.changed),
    });
    if let Some(current) = query.name_server_data_version {
        out = out.with_body(current.encode());
    }
    Ok(out)
}

pub fn get_route_info(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: GetRouteInfoRequestHeader = req.decode_header()?;
    let route = ns.route.read().unwrap().pick_topic_route_data(&h.topic);
    match route {
        Some(mut route) => {
            if ns.config.read().unwrap().order_message_enable {
                route.order_topic_conf = ns
                    .kv
                    .lock()
                    .unwrap()
                    .get_kv_config(NAMESPACE_ORDER_TOPIC_CONFIG, &h.topic)
                    .map(str::to_string);
            }
            Ok(RemotingCommand::success().with_body(route.encode()))
        }
        None => Ok(RemotingCommand::error(
            response::TOPIC_NOT_EXIST,
            format!(
                "No topic route info in name server for the topic: {}{APPLY_TOPIC_HINT}",
                h.topic
            ),
        )),
    }
}

pub fn get_cluster_info(ns: &NamesrvState) -> Outcome {
    let info = ns.route.read().unwrap().cluster_info();
    Ok(RemotingCommand::success().with_body(info.encode()))
}

pub fn get_all_topic_list(ns: &NamesrvState) -> Outcome {
    let list = ns.route.read().unwrap().all_topic_list();
    Ok(RemotingCommand::success().with_body(list.encode()))
}

pub fn get_topics_by_cluster(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: GetTopicsByClusterRequestHeader = req.decode_header()?;
    let list = ns.route.read().unwrap().topics_by_cluster(&h.cluster);
    Ok(RemotingCommand::success().with_body(list.encode()))
}

pub fn get_system_topic_list(ns: &NamesrvState) -> Outcome {
    let list = ns.route.read().unwrap().system_topic_list();
    Ok(RemotingCommand::success().with_body(list.encode()))
}

pub fn delete_topic(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: DeleteTopicFromNamesrvRequestHeader = req.decode_header()?;
    let mut route = ns.route.write().unwrap();
    match h.cluster_name.as_deref() {
        Some(cluster) => {
            route.delete_topic_in_cluster(&h.topic, cluster);
        }
        None => {
            route.delete_topic(&h.topic);
        }
    }
    Ok(RemotingCommand::success())
}

pub fn wipe_write_perm(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: BrokerNameHeader = req.decode_header()?;
    let count = ns
        .route
        .write()
        .unwrap()
        .wipe_write_perm_of_broker(&h.broker_name);
    Ok(RemotingCommand::success().with_ext("wipeTopicCount", count))
}

pub fn add_write_perm(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: BrokerNameHeader = req.decode_header()?;
    let count = ns
        .route
        .write()
        .unwrap()
        .add_write_perm_of_broker(&h.broker_name);
    Ok(RemotingCommand::success().with_ext("addTopicCount", count))
}
