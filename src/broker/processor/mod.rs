//! Dispatch of broker requests by code, one module per group of requests.
//! Codes the broker does not serve get REQUEST_CODE_NOT_SUPPORTED.

pub mod admin;
pub mod client;
pub mod offset;
pub mod pull;
pub mod query;
pub mod send;

use std::sync::Arc;

use super::Broker;
use crate::remoting::code::{request, response};
use crate::remoting::connection::HandlerFuture;
use crate::remoting::{Connection, RemotingCommand, RemotingError, RequestHandler};

/// A processor's outcome: a response, or a request whose header could not be
/// read, which becomes SYSTEM_ERROR with the reason.
pub type Outcome = Result<RemotingCommand, RemotingError>;

pub struct BrokerProcessor {
    broker: Arc<Broker>,
}

impl BrokerProcessor {
    pub fn new(broker: Arc<Broker>) -> Self {
        BrokerProcessor { broker }
    }
}

impl RequestHandler for BrokerProcessor {
    fn handle(&self, conn: Arc<Connection>, req: RemotingCommand) -> HandlerFuture {
        let b = self.broker.clone();
        Box::pin(async move {
            let outcome = match req.code {
                request::SEND_MESSAGE | request::SEND_MESSAGE_V2 | request::SEND_BATCH_MESSAGE => {
                    send::send_message(&b, &conn, &req).await
                }
                request::PULL_MESSAGE => pull::pull_message(&b, &req).await,
                request::QUERY_CONSUMER_OFFSET => offset::query_consumer_offset(&b, &req),
                request::UPDATE_CONSUMER_OFFSET => offset::update_consumer_offset(&b, &req),
                request::GET_MAX_OFFSET => offset::get_max_offset(&b, &req),
                request::GET_MIN_OFFSET => offset::get_min_offset(&b, &req),
                request::SEARCH_OFFSET_BY_TIMESTAMP => offset::search_offset_by_timestamp(&b, &req),
                request::GET_EARLIEST_MSG_STORETIME => offset::get_earliest_msg_storetime(&b, &req),
                request::HEART_BEAT => client::heart_beat(&b, &conn, &req).await,
                request::UNREGISTER_CLIENT => client::unregister_client(&b, &req).await,
                request::GET_CONSUMER_LIST_BY_GROUP => client::get_consumer_list_by_group(&b, &req),
                request::QUERY_MESSAGE => query::query_message(&b, &req),
                request::VIEW_MESSAGE_BY_ID => query::view_message_by_id(&b, &req),
                request::UPDATE_AND_CREATE_TOPIC => admin::update_and_create_topic(&b, &req),
                request::GET_ALL_TOPIC_CONFIG => admin::get_all_topic_config(&b),
                code => Ok(RemotingCommand::not_supported(code)),
            };
            Some(
                outcome.unwrap_or_else(|e| {
                    RemotingCommand::error(response::SYSTEM_ERROR, e.to_string())
                }),
            )
        })
    }
}
