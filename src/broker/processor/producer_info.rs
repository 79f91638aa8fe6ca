//! GET_ALL_PRODUCER_INFO (328): every producer connected to this broker, by
//! producer group (RocketMQ's ProducerTableInfo), for mqadmin producer.

use super::Outcome;
use crate::broker::Broker;
use crate::protocol::admin_codes::{ProducerInfo, ProducerTableInfo};
use crate::protocol::body::RemotingBody;
use crate::remoting::RemotingCommand;

pub fn get_all_producer_info(b: &Broker) -> Outcome {
    let mut table = ProducerTableInfo::default();
    for (group, channels) in b.producers.groups() {
        let infos = channels
            .iter()
            .map(|c| ProducerInfo {
                client_id: c.client_id.clone(),
                language: c.language.name().to_string(),
                last_update_timestamp: c.last_update,
                remote_ip: c.conn.peer().to_string(),
                version: c.version,
            })
            .collect();
        table.data.insert(group, infos);
    }
    Ok(RemotingCommand::success().with_body(table.encode()))
}
