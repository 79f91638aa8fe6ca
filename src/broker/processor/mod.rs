//! Dispatch of broker requests by code, one module per group of requests.
//! Codes the broker does not serve get REQUEST_CODE_NOT_SUPPORTED.

pub mod admin;
pub mod client;
pub mod forward;
pub mod group;
pub mod offset;
pub mod pull;
pub mod query;
pub mod reset_offset;
pub mod send;
pub mod stats;

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
                request::UPDATE_AND_CREATE_TOPIC => admin::update_and_create_topic(&b, &req).await,
                request::GET_ALL_TOPIC_CONFIG => admin::get_all_topic_config(&b),
                request::DELETE_TOPIC_IN_BROKER => admin::delete_topic_in_broker(&b, &req),
                request::GET_BROKER_CONFIG => admin::get_broker_config(&b),
                request::UPDATE_BROKER_CONFIG => admin::update_broker_config(&b, &req),
                request::GET_BROKER_RUNTIME_INFO => stats::get_broker_runtime_info(&b),
                request::GET_TOPIC_STATS_INFO => stats::get_topic_stats_info(&b, &req),
                request::GET_CONSUME_STATS => stats::get_consume_stats(&b, &req),
                request::UPDATE_AND_CREATE_SUBSCRIPTIONGROUP => {
                    group::update_and_create_subscription_group(&b, &req)
                }
                request::GET_ALL_SUBSCRIPTIONGROUP_CONFIG => {
                    group::get_all_subscription_group_config(&b)
                }
                request::DELETE_SUBSCRIPTIONGROUP => group::delete_subscription_group(&b, &req),
                request::GET_CONSUMER_CONNECTION_LIST => {
                    group::get_consumer_connection_list(&b, &req)
                }
                request::GET_PRODUCER_CONNECTION_LIST => {
                    group::get_producer_connection_list(&b, &req)
                }
                request::QUERY_TOPIC_CONSUME_BY_WHO => group::query_topic_consume_by_who(&b, &req),
                request::INVOKE_BROKER_TO_RESET_OFFSET => {
                    reset_offset::invoke_broker_to_reset_offset(&b, &req).await
                }
                request::GET_CONSUMER_RUNNING_INFO => {
                    forward::get_consumer_running_info(&b, &req).await
                }
                request::CONSUME_MESSAGE_DIRECTLY => {
                    forward::consume_message_directly(&b, &req).await
                }
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
