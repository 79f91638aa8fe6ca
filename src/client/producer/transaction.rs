//! The transactional producer (Java's TransactionMQProducer): a half message is
//! sent, the caller's local transaction runs, and its outcome is told to the
//! broker with END_TRANSACTION (37). When the outcome is unknown, or the
//! END_TRANSACTION is lost, the broker later asks a live producer of the group
//! with CHECK_TRANSACTION_STATE (39); the client instance hands that to the
//! group's listener here, and the answer goes back over the connection the
//! check came on.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use super::{Producer, ProducerConfig};
use crate::client::error::{ClientError, ClientResult};
use crate::client::instance::{ClientConfig, ClientInstance, TransactionCheckHook};
use crate::client::message::{Message, MessageExt, SendResult, SendStatus};
use crate::client::route::AUTO_CREATE_TOPIC_KEY;
use crate::protocol::header::{CheckTransactionStateRequestHeader, EndTransactionRequestHeader};
use crate::protocol::message::{decode_offset_msg_id, property, sysflag};
use crate::remoting::code::request;
use crate::remoting::{Connection, RemotingCommand};

/// The outcome of a local transaction, in Java's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LocalTransactionState {
    CommitMessage,
    RollbackMessage,
    /// Not known yet: the broker checks back later.
    Unknow,
}

impl LocalTransactionState {
    /// The END_TRANSACTION `commitOrRollback` value of the state.
    pub fn commit_or_rollback(self) -> i32 {
        match self {
            LocalTransactionState::CommitMessage => sysflag::TRANSACTION_COMMIT_TYPE,
            LocalTransactionState::RollbackMessage => sysflag::TRANSACTION_ROLLBACK_TYPE,
            LocalTransactionState::Unknow => sysflag::TRANSACTION_NOT_TYPE,
        }
    }

    /// Java's name: COMMIT_MESSAGE, ROLLBACK_MESSAGE, UNKNOW.
    pub fn as_str(self) -> &'static str {
        match self {
            LocalTransactionState::CommitMessage => "COMMIT_MESSAGE",
            LocalTransactionState::RollbackMessage => "ROLLBACK_MESSAGE",
            LocalTransactionState::Unknow => "UNKNOW",
        }
    }
}

/// The application's side of a transaction. Both calls run on the caller's
/// task or a blocking thread, so they may block, but the broker's check waits
/// for no answer: a slow check is simply asked again later.
pub trait TransactionListener: Send + Sync + 'static {
    /// Runs the local transaction of a half message the broker has stored;
    /// `transaction_id` is the message's id (UNIQ_KEY).
    fn execute_local_transaction(
        &self,
        msg: &Message,
        transaction_id: &str,
    ) -> LocalTransactionState;

    /// The broker asks what became of a half message (the message as stored,
    /// on its real topic; `msg.msg_id()` is the transaction id).
    fn check_local_transaction(&self, msg: &MessageExt) -> LocalTransactionState;

    /// The answer to a check of the transaction `msg_id` has been written to the broker's
    /// connection (`sent`), or could not be. Nothing to do by default.
    fn check_answered(&self, _msg_id: &str, _state: LocalTransactionState, _sent: bool) {}
}

/// What `send_in_transaction` did: the half message's send and the outcome
/// told to the broker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransactionSendResult {
    pub send: SendResult,
    pub local_state: LocalTransactionState,
}

/// Sends transactional messages for one producer group and answers the
/// broker's checks for that group.
pub struct TransactionProducer {
    producer: Producer,
    listener: Arc<dyn TransactionListener>,
    /// Brokers that have had this producer's heartbeat since it first sent there.
    heartbeated: Mutex<BTreeSet<String>>,
}

impl TransactionProducer {
    /// A transactional producer with its own client instance.
    pub fn new(
        client: &ClientConfig,
        config: ProducerConfig,
        listener: Arc<dyn TransactionListener>,
    ) -> ClientResult<Self> {
        let producer = Producer::new(client, config)?;
        Ok(Self::wrap(producer, listener))
    }

    /// A transactional producer sharing `instance`.
    pub fn with_instance(
        instance: Arc<ClientInstance>,
        config: ProducerConfig,
        listener: Arc<dyn TransactionListener>,
    ) -> ClientResult<Self> {
        let producer = Producer::with_instance(instance, config)?;
        Ok(Self::wrap(producer, listener))
    }

    fn wrap(producer: Producer, listener: Arc<dyn TransactionListener>) -> Self {
        let group = producer.inner.config.group.clone();
        producer.instance().register_transaction_checker(
            &group,
            Arc::new(Checker {
                group: group.clone(),
                listener: listener.clone(),
            }),
        );
        // A producer that has not sent yet must still be checkable (a restarted application
        // settles its predecessor's halves): like Java's, it learns the brokers from TBW102's
        // route and heartbeats to them at once.
        let instance = producer.instance().clone();
        tokio::spawn(async move {
            if instance.route(AUTO_CREATE_TOPIC_KEY).await.is_ok() {
                instance.heartbeat_all().await;
            }
        });
        TransactionProducer {
            producer,
            listener,
            heartbeated: Mutex::new(BTreeSet::new()),
        }
    }

    /// The plain producer underneath (same group and instance).
    pub fn producer(&self) -> &Producer {
        &self.producer
    }

    /// Sends `msg` as a half message, runs the local transaction with the
    /// listener, and tells the broker its outcome (oneway, as Java does: a
    /// lost END_TRANSACTION is settled by the broker's check). A half
    /// message the broker could not store safely (flush or slave timeout) is
    /// rolled back without running the local transaction.
    pub async fn send_in_transaction(&self, msg: &Message) -> ClientResult<TransactionSendResult> {
        let inner = &self.producer.inner;
        let mut half = msg.clone();
        // Java drops a delay: a half message is settled by its transaction, not by time.
        half.properties.remove(property::DELAY);
        half.properties
            .insert(property::TRANSACTION_PREPARED.into(), "true".into());
        half.properties
            .insert(property::PRODUCER_GROUP.into(), inner.config.group.clone());
        let send = self.producer.send(&half).await?;
        self.heartbeat_once(&send.queue.broker_name).await;
        let local_state = match send.status {
            SendStatus::SendOk => {
                let mut local = msg.clone();
                local
                    .properties
                    .insert(property::UNIQ_KEY.into(), send.msg_id.clone());
                self.listener
                    .execute_local_transaction(&local, &send.msg_id)
            }
            _ => LocalTransactionState::RollbackMessage,
        };
        self.end_transaction(&msg.topic, &send, local_state).await?;
        Ok(TransactionSendResult { send, local_state })
    }

    /// The broker checks only producers it knows from their heartbeats: the
    /// first half message sent to a broker is followed by one at once, rather
    /// than up to 30 s later by the instance's timer.
    async fn heartbeat_once(&self, broker_name: &str) {
        if self.heartbeated.lock().unwrap().contains(broker_name) {
            return;
        }
        if self.producer.inner.instance.heartbeat_all().await > 0 {
            self.heartbeated
                .lock()
                .unwrap()
                .insert(broker_name.to_string());
        }
    }

    async fn end_transaction(
        &self,
        topic: &str,
        send: &SendResult,
        state: LocalTransactionState,
    ) -> ClientResult<()> {
        let inner = &self.producer.inner;
        let (_, commit_log_offset) =
            decode_offset_msg_id(&send.offset_msg_id).map_err(|e| ClientError::Decode {
                what: "offset message id",
                reason: e.to_string(),
            })?;
        let addr = inner
            .instance
            .master_addr(&send.queue.broker_name)
            .ok_or_else(|| ClientError::BrokerNotFound(send.queue.broker_name.clone()))?;
        let header = EndTransactionRequestHeader {
            topic: Some(topic.to_string()),
            producer_group: inner.config.group.clone(),
            tran_state_table_offset: send.queue_offset,
            commit_log_offset,
            commit_or_rollback: state.commit_or_rollback(),
            from_transaction_check: Some(false),
            msg_id: send.msg_id.clone(),
            transaction_id: Some(send.msg_id.clone()),
        };
        let req = RemotingCommand::request(request::END_TRANSACTION).with_header(&header);
        inner
            .instance
            .remoting()
            .invoke_oneway(&addr, req, inner.config.send_timeout)
            .await?;
        Ok(())
    }

    /// Stops answering checks and shuts the producer down.
    pub async fn shutdown(&self) {
        let inner = &self.producer.inner;
        inner
            .instance
            .unregister_transaction_checker(&inner.config.group);
        self.producer.shutdown().await;
    }
}

/// The group's answer to the broker's checks.
struct Checker {
    group: String,
    listener: Arc<dyn TransactionListener>,
}

impl TransactionCheckHook for Checker {
    fn check(
        &self,
        conn: Arc<Connection>,
        header: CheckTransactionStateRequestHeader,
        msg: MessageExt,
    ) {
        let listener = self.listener.clone();
        let group = self.group.clone();
        tokio::spawn(async move {
            let msg_id = msg.msg_id();
            let checking = listener.clone();
            let checked = tokio::task::spawn_blocking(move || {
                let state = checking.check_local_transaction(&msg);
                (msg, state)
            })
            .await;
            let Ok((msg, state)) = checked else {
                tracing::warn!(%msg_id, "the transaction check panicked; the broker asks again later");
                return;
            };
            let answer = EndTransactionRequestHeader {
                topic: Some(msg.topic.clone()),
                producer_group: group,
                tran_state_table_offset: header.tran_state_table_offset,
                commit_log_offset: header.commit_log_offset,
                commit_or_rollback: state.commit_or_rollback(),
                from_transaction_check: Some(true),
                msg_id,
                transaction_id: header.transaction_id.clone(),
            };
            let req = RemotingCommand::request(request::END_TRANSACTION).with_header(&answer);
            let sent = conn.invoke_oneway(req).await;
            if let Err(e) = &sent {
                tracing::debug!("answering a transaction check: {e}");
            }
            listener.check_answered(&answer.msg_id, state, sent.is_ok());
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_map_to_javas_commit_or_rollback_values() {
        assert_eq!(LocalTransactionState::CommitMessage.commit_or_rollback(), 8);
        assert_eq!(
            LocalTransactionState::RollbackMessage.commit_or_rollback(),
            12
        );
        assert_eq!(LocalTransactionState::Unknow.commit_or_rollback(), 0);
        assert_eq!(LocalTransactionState::Unknow.as_str(), "UNKNOW");
    }
}
