//! Dispatch of name server requests by code, one module per group of
//! requests, on the name server's state (never on the server that runs the
//! listener). Unknown codes get REQUEST_CODE_NOT_SUPPORTED.

mod config;
mod kv;
mod route;

use std::sync::Arc;

use super::state::NamesrvState;
use crate::remoting::code::{request, response};
use crate::remoting::connection::HandlerFuture;
use crate::remoting::{Connection, RemotingCommand, RemotingError, RequestHandler};

pub struct NamesrvProcessor {
    state: Arc<NamesrvState>,
}

impl NamesrvProcessor {
    pub fn new(state: Arc<NamesrvState>) -> Self {
        NamesrvProcessor { state }
    }
}

impl RequestHandler for NamesrvProcessor {
    fn handle(&self, conn: Arc<Connection>, req: RemotingCommand) -> HandlerFuture {
        let state = self.state.clone();
        Box::pin(async move {
            let ns = &state;
            let result = match req.code {
                request::REGISTER_BROKER => {
                    let outcome = route::register_broker(ns, &req);
                    if let (Ok(r), Some(addr)) = (&outcome, req.ext("brokerAddr"))
                        && r.code == response::SUCCESS
                    {
                        watch_broker_connection(ns, &conn, addr);
                    }
                    outcome
                }
                request::UNREGISTER_BROKER => route::unregister_broker(ns, &req),
                request::QUERY_DATA_VERSION => route::query_data_version(ns, &req),
                request::GET_ROUTEINFO_BY_TOPIC => route::get_route_info(ns, &req),
                request::GET_BROKER_CLUSTER_INFO => route::get_cluster_info(ns),
                request::GET_ALL_TOPIC_LIST_FROM_NAMESERVER => route::get_all_topic_list(ns),
                request::GET_TOPICS_BY_CLUSTER => route::get_topics_by_cluster(ns, &req),
                request::GET_SYSTEM_TOPIC_LIST_FROM_NS => route::get_system_topic_list(ns),
                request::DELETE_TOPIC_IN_NAMESRV => route::delete_topic(ns, &req),
                request::WIPE_WRITE_PERM_OF_BROKER => route::wipe_write_perm(ns, &req),
                request::ADD_WRITE_PERM_OF_BROKER => route::add_write_perm(ns, &req),
                request::PUT_KV_CONFIG => kv::put(ns, &req),
                request::GET_KV_CONFIG => kv::get(ns, &req),
                request::DELETE_KV_CONFIG => kv::delete(ns, &req),
                request::GET_KVLIST_BY_NAMESPACE => kv::list(ns, &req),
                request::GET_NAMESRV_CONFIG => config::get(ns),
                request::UPDATE_NAMESRV_CONFIG => config::update(ns, &req),
                code => {
                    tracing::debug!(peer = %conn.peer(), code, "request code not supported");
                    Ok(RemotingCommand::not_supported(code))
                }
            };
            Some(
                result.unwrap_or_else(|e| {
                    RemotingCommand::error(response::SYSTEM_ERROR, e.to_string())
                }),
            )
        })
    }
}

/// Remembers that `broker_addr` registered over `conn`; when that
/// connection closes and the broker has not registered over another one,
/// it is removed at once (RocketMQ's onChannelDestroy), not 120 s later.
fn watch_broker_connection(state: &Arc<NamesrvState>, conn: &Arc<Connection>, broker_addr: &str) {
    let id = Arc::as_ptr(conn) as usize;
    state.remember_broker_connection(broker_addr, id);
    if !conn.mark_watched() {
        return;
    }
    let state = state.clone();
    let conn = conn.clone();
    tokio::spawn(async move {
        conn.closed().await;
        for addr in state.broker_connection_closed(id) {
            tracing::info!("broker {addr} disconnected: removed from routes");
        }
    });
}

/// A processor's outcome: a response, or a bad request that becomes
/// SYSTEM_ERROR with the reason, as Java's header decoding failures do.
type Outcome = Result<RemotingCommand, RemotingError>;
