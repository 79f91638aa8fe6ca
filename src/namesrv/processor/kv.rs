//! KV config requests: PUT_KV_CONFIG, GET_KV_CONFIG, DELETE_KV_CONFIG,
//! GET_KVLIST_BY_NAMESPACE.

use super::Outcome;
use crate::namesrv::state::NamesrvState;
use crate::protocol::body::RemotingBody;
use crate::protocol::header::*;
use crate::remoting::code::response;
use crate::remoting::{RemotingCommand, RemotingError};

pub fn put(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: PutKvConfigRequestHeader = req.decode_header()?;
    ns.kv
        .lock()
        .unwrap()
        .put_kv_config(&h.namespace, &h.key, &h.value)
        .map_err(|e| RemotingError::Malformed(e.to_string()))?;
    Ok(RemotingCommand::success())
}

pub fn get(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: KvConfigKeyHeader = req.decode_header()?;
    let value = ns
        .kv
        .lock()
        .unwrap()
        .get_kv_config(&h.namespace, &h.key)
        .map(str::to_string);
    match value {
        Some(value) => Ok(RemotingCommand::success()
            .with_header(&GetKvConfigResponseHeader { value: Some(value) })),
        None => Ok(RemotingCommand::error(
            response::QUERY_NOT_FOUND,
            format!("No config item, Namespace: {} Key: {}", h.namespace, h.key),
        )),
    }
}

pub fn delete(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: KvConfigKeyHeader = req.decode_header()?;
    ns.kv
        .lock()
        .unwrap()
        .delete_kv_config(&h.namespace, &h.key)
        .map_err(|e| RemotingError::Malformed(e.to_string()))?;
    Ok(RemotingCommand::success())
}

pub fn list(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let h: GetKvListByNamespaceRequestHeader = req.decode_header()?;
    let table = ns.kv.lock().unwrap().kv_list_by_namespace(&h.namespace);
    match table {
        Some(table) => Ok(RemotingCommand::success().with_body(table.encode())),
        None => Ok(RemotingCommand::error(
            response::QUERY_NOT_FOUND,
            format!("No config item, Namespace: {}", h.namespace),
        )),
    }
}
