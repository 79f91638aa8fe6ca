//! Dispatch of broker requests by code, one module per group of requests, and
//! the class each code is admitted under (RocketMQ's processor thread pools).
//! Codes the broker does not serve get REQUEST_CODE_NOT_SUPPORTED.

pub mod acl;
pub mod admin;
pub mod client;
pub mod consume_queue;
pub mod consumer_status;
pub mod delay_offset;
pub mod end_transaction;
pub mod forward;
pub mod group;
pub mod lock;
pub mod maintenance;
pub mod offset;
pub mod offset_clone;
pub mod producer_info;
pub mod pull;
pub mod query;
pub mod reply;
pub mod reset_offset;
pub mod send;
pub mod send_back;
pub mod stats;

use std::sync::Arc;

use super::Broker;
use super::config::BrokerConfig;
use crate::remoting::code::{request, response};
use crate::remoting::connection::HandlerFuture;
use crate::remoting::server::{Admission, ClassBound};
use crate::remoting::{Connection, RemotingCommand, RemotingError, RequestHandler};

/// A processor's outcome: a response, or a request whose header could not be
/// read, which becomes SYSTEM_ERROR with the reason.
pub type Outcome = Result<RemotingCommand, RemotingError>;

/// The classes requests are admitted under, as BrokerController#registerProcessor
/// gives request codes to thread pools: a slow class (parked long polls, a
/// SYNC_FLUSH or SYNC_MASTER wait, a big query) fills only its own bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum RequestClass {
    /// sendMessageExecutor: SEND_MESSAGE(_V2), SEND_BATCH_MESSAGE, CONSUMER_SEND_MSG_BACK;
    /// also SEND_REPLY_MESSAGE(_V2), which RocketMQ gives a replyMessageExecutor of its own,
    /// and END_TRANSACTION (RocketMQ's endTransactionExecutor: it appends, as a send does).
    Send,
    /// pullMessageExecutor: PULL_MESSAGE, parked long polls included.
    Pull,
    /// queryMessageExecutor: QUERY_MESSAGE, VIEW_MESSAGE_BY_ID.
    Query,
    /// heartbeatExecutor: HEART_BEAT.
    Heartbeat,
    /// clientManageExecutor: UNREGISTER_CLIENT, CHECK_CLIENT_CONFIG.
    ClientManager,
    /// consumerManageExecutor: GET_CONSUMER_LIST_BY_GROUP, UPDATE/QUERY_CONSUMER_OFFSET.
    ConsumerManager,
    /// adminBrokerExecutor, the default processor's: every other code.
    Admin,
}

impl RequestClass {
    pub const ALL: [RequestClass; 7] = [
        RequestClass::Send,
        RequestClass::Pull,
        RequestClass::Query,
        RequestClass::Heartbeat,
        RequestClass::ClientManager,
        RequestClass::ConsumerManager,
        RequestClass::Admin,
    ];

    pub fn of(code: i32) -> RequestClass {
        match code {
            request::SEND_MESSAGE
            | request::SEND_MESSAGE_V2
            | request::SEND_BATCH_MESSAGE
            | request::CONSUMER_SEND_MSG_BACK
            | request::SEND_REPLY_MESSAGE
            | request::SEND_REPLY_MESSAGE_V2
            | request::END_TRANSACTION => RequestClass::Send,
            request::PULL_MESSAGE => RequestClass::Pull,
            request::QUERY_MESSAGE | request::VIEW_MESSAGE_BY_ID => RequestClass::Query,
            request::HEART_BEAT => RequestClass::Heartbeat,
            request::UNREGISTER_CLIENT | request::CHECK_CLIENT_CONFIG => {
                RequestClass::ClientManager
            }
            request::GET_CONSUMER_LIST_BY_GROUP
            | request::UPDATE_CONSUMER_OFFSET
            | request::QUERY_CONSUMER_OFFSET => RequestClass::ConsumerManager,
            _ => RequestClass::Admin,
        }
    }

    /// RocketMQ's name of the thread pool, for logs.
    pub fn name(self) -> &'static str {
        match self {
            RequestClass::Send => "send",
            RequestClass::Pull => "pull",
            RequestClass::Query => "query",
            RequestClass::Heartbeat => "heartbeat",
            RequestClass::ClientManager => "clientManager",
            RequestClass::ConsumerManager => "consumerManager",
            RequestClass::Admin => "adminBroker",
        }
    }

    /// The config key bounding the class.
    pub fn capacity(self, c: &BrokerConfig) -> usize {
        match self {
            RequestClass::Send => c.send_thread_pool_queue_capacity,
            RequestClass::Pull => c.pull_thread_pool_queue_capacity,
            RequestClass::Query => c.query_thread_pool_queue_capacity,
            RequestClass::Heartbeat => c.heartbeat_thread_pool_queue_capacity,
            RequestClass::ClientManager => c.client_manager_thread_pool_queue_capacity,
            RequestClass::ConsumerManager => c.consumer_manager_thread_pool_queue_capacity,
            RequestClass::Admin => c.admin_broker_thread_pool_queue_capacity,
        }
    }

    /// The broker's admission: one bound per class, from its config.
    pub fn admission(c: &BrokerConfig) -> Admission {
        let classes = Self::ALL
            .iter()
            .map(|class| ClassBound {
                name: class.name(),
                capacity: class.capacity(c),
            })
            .collect();
        Admission::new(classes, |code| RequestClass::of(code) as usize)
    }
}

pub struct BrokerProcessor {
    broker: Arc<Broker>,
    /// The plain ACL when aclEnable is on: every request is checked first.
    acl: Option<Arc<crate::acl::PlainAccessValidator>>,
}

impl BrokerProcessor {
    /// With aclEnable, loads the ACL file and watches it until the broker stops.
    pub fn new(broker: Arc<Broker>) -> Self {
        let acl = broker.config.acl_enable.then(|| {
            let v = Arc::new(crate::acl::validator::open_for_broker(
                &broker.config.acl_file(),
            ));
            let b = broker.clone();
            tokio::spawn(v.clone().watch(move || b.is_shutting_down()));
            v
        });
        BrokerProcessor { broker, acl }
    }
}

impl RequestHandler for BrokerProcessor {
    fn handle(&self, conn: Arc<Connection>, req: RemotingCommand) -> HandlerFuture {
        if let Some(refusal) = self
            .acl
            .as_deref()
            .and_then(|v| acl::refusal(v, &conn, &req))
        {
            return Box::pin(std::future::ready(Some(refusal)));
        }
        let b = self.broker.clone();
        let acl_validator = self.acl.clone();
        Box::pin(async move {
            let v = acl_validator.as_deref();
            let outcome = match req.code {
                request::SEND_MESSAGE | request::SEND_MESSAGE_V2 | request::SEND_BATCH_MESSAGE => {
                    send::send_message(&b, &conn, &req).await
                }
                request::CONSUMER_SEND_MSG_BACK => {
                    send_back::consumer_send_msg_back(&b, &req).await
                }
                request::SEND_REPLY_MESSAGE | request::SEND_REPLY_MESSAGE_V2 => {
                    reply::send_reply_message(&b, &conn, &req).await
                }
                request::END_TRANSACTION => end_transaction::end_transaction(&b, &req).await?,
                request::PULL_MESSAGE => pull::pull_message(&b, &req).await,
                request::QUERY_CONSUMER_OFFSET => offset::query_consumer_offset(&b, &req),
                request::UPDATE_CONSUMER_OFFSET => offset::update_consumer_offset(&b, &req),
                request::GET_MAX_OFFSET => offset::get_max_offset(&b, &req),
                request::GET_MIN_OFFSET => offset::get_min_offset(&b, &req),
                request::SEARCH_OFFSET_BY_TIMESTAMP => offset::search_offset_by_timestamp(&b, &req),
                request::GET_EARLIEST_MSG_STORETIME => offset::get_earliest_msg_storetime(&b, &req),
                request::HEART_BEAT => client::heart_beat(&b, &conn, &req).await,
                request::UNREGISTER_CLIENT => client::unregister_client(&b, &req).await,
                request::CHECK_CLIENT_CONFIG => client::check_client_config(&b, &req),
                request::GET_CONSUMER_LIST_BY_GROUP => client::get_consumer_list_by_group(&b, &req),
                request::QUERY_MESSAGE => query::query_message(&b, &req),
                request::VIEW_MESSAGE_BY_ID => query::view_message_by_id(&b, &req),
                request::UPDATE_AND_CREATE_TOPIC => admin::update_and_create_topic(&b, &req).await,
                request::GET_ALL_TOPIC_CONFIG => admin::get_all_topic_config(&b),
                request::DELETE_TOPIC_IN_BROKER => admin::delete_topic_in_broker(&b, &req),
                request::GET_BROKER_CONFIG => admin::get_broker_config(&b),
                request::UPDATE_BROKER_CONFIG => admin::update_broker_config(&b, &req),
                request::GET_BROKER_RUNTIME_INFO => stats::get_broker_runtime_info(&b),
                request::GET_ALL_DELAY_OFFSET => delay_offset::get_all_delay_offset(&b),
                request::GET_ALL_CONSUMER_OFFSET => offset::get_all_consumer_offset(&b),
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
                request::GET_BROKER_CONSUME_STATS => stats::get_broker_consume_stats(&b, &req),
                request::VIEW_BROKER_STATS_DATA => stats::view_broker_stats_data(&b, &req),
                request::QUERY_CONSUME_TIME_SPAN => stats::query_consume_time_span(&b, &req),
                request::CLONE_GROUP_OFFSET => offset_clone::clone_group_offset(&b, &req),
                request::QUERY_CONSUME_QUEUE => consume_queue::query_consume_queue(&b, &req),
                request::INVOKE_BROKER_TO_GET_CONSUMER_STATUS => {
                    consumer_status::invoke_broker_to_get_consumer_status(&b, &req).await
                }
                request::GET_ALL_PRODUCER_INFO => producer_info::get_all_producer_info(&b),
                request::GET_SYSTEM_TOPIC_LIST_FROM_BROKER => {
                    admin::get_system_topic_list_from_broker(&b)
                }
                request::DELETE_EXPIRED_COMMITLOG => {
                    maintenance::delete_expired_commit_log(&b).await
                }
                request::CLEAN_EXPIRED_CONSUMEQUEUE => {
                    maintenance::clean_expired_consume_queue(&b).await
                }
                request::CLEAN_UNUSED_TOPIC => maintenance::clean_unused_topic(&b).await,
                request::LOCK_BATCH_MQ => lock::lock_batch_mq(&b, &req),
                request::UNLOCK_BATCH_MQ => lock::unlock_batch_mq(&b, &req),
                crate::acl::code::UPDATE_AND_CREATE_ACL_CONFIG => {
                    acl::update_and_create_acl_config(v, &req)
                }
                crate::acl::code::DELETE_ACL_CONFIG => acl::delete_acl_config(v, &req),
                crate::acl::code::GET_BROKER_CLUSTER_ACL_INFO => {
                    acl::get_broker_cluster_acl_info(&b, v)
                }
                crate::acl::code::UPDATE_GLOBAL_WHITE_ADDRS_CONFIG => {
                    acl::update_global_white_addrs_config(v, &req)
                }
                crate::acl::code::GET_BROKER_CLUSTER_ACL_CONFIG => {
                    acl::get_broker_cluster_acl_config(v)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_rocketmq_thread_pools() {
        assert_eq!(
            RequestClass::of(request::SEND_MESSAGE_V2),
            RequestClass::Send
        );
        assert_eq!(RequestClass::of(request::PULL_MESSAGE), RequestClass::Pull);
        assert_eq!(
            RequestClass::of(request::HEART_BEAT),
            RequestClass::Heartbeat
        );
        assert_eq!(
            RequestClass::of(request::UPDATE_CONSUMER_OFFSET),
            RequestClass::ConsumerManager
        );
        assert_eq!(
            RequestClass::of(request::GET_MAX_OFFSET),
            RequestClass::Admin
        );
        for (i, class) in RequestClass::ALL.iter().enumerate() {
            assert_eq!(*class as usize, i, "ALL is in discriminant order");
        }
    }

    #[test]
    fn a_full_pull_class_leaves_sends_alone() {
        let config = BrokerConfig {
            pull_thread_pool_queue_capacity: 1,
            ..BrokerConfig::default()
        };
        let admission = RequestClass::admission(&config);
        assert!(admission.try_admit(request::PULL_MESSAGE).is_ok());
        assert!(admission.try_admit(request::PULL_MESSAGE).is_err());
        assert!(admission.try_admit(request::SEND_MESSAGE).is_ok());
    }
}
