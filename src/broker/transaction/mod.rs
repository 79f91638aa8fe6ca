//! Transactional messages (RocketMQ's TransactionalMessageBridge, TransactionalMessageServiceImpl
//! and the store side of EndTransactionProcessor): where a half message is kept
//! (RMQ_SYS_TRANS_HALF_TOPIC queue 0, REAL_TOPIC/REAL_QID added, sysflag reset), what an
//! END_TRANSACTION does (commit re-puts the half to its real topic, both outcomes write an op
//! message to RMQ_SYS_TRANS_OP_HALF_TOPIC), and which halves are settled. The settled set is
//! rebuilt from the op queue at start, so a repeated or late END_TRANSACTION, before or after a
//! restart, never stores the message twice. The decisions of the check-back are in check.rs,
//! its task in service.rs.

pub mod check;
pub mod service;

use std::collections::{HashSet, VecDeque};
use std::sync::{Mutex, MutexGuard};

use super::Broker;
use super::consumer_offset_manager::ConsumerOffsetManager;
use super::schedule::{self, remove_properties, replace_properties};
use crate::protocol::header::EndTransactionRequestHeader;
use crate::protocol::message::{RecordRef, decode_record_ref, property, push_property, sysflag};
use crate::protocol::topic::{TRANS_HALF_TOPIC, TRANS_OP_HALF_TOPIC};
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;
use crate::store::message::find_properties;
use crate::store::{AppendMessage, GetMessageStatus, MessageStore, StoreError};

/// The consumer group the checker's offsets on the half and op queues are kept under
/// (RocketMQ's MixAll.CID_SYS_RMQ_TRANS), in consumerOffset.json like any group's.
pub const CHECKER_GROUP: &str = "CID_RMQ_SYS_TRANS";
/// The tag of an op message that settles a half (TransactionalMessageUtil.REMOVETAG).
pub const REMOVE_TAG: &str = "d";
/// Transaction ids remembered as settled in memory (beside the index, which finds older ones).
const SETTLED_KEYS_KEPT: usize = 100_000;

/// The properties an outcome drops when the half becomes a message of its real topic.
const TRANSACTION_PROPERTIES: [&str; 4] = [
    property::REAL_TOPIC,
    property::REAL_QUEUE_ID,
    property::TRANSACTION_PREPARED,
    property::TRANSACTION_CHECK_TIMES,
];

/// Which halves have an outcome.
#[derive(Default)]
pub(crate) struct Settled {
    /// Half queue offsets an op message names.
    offsets: HashSet<i64>,
    /// UNIQ_KEYs settled since start: the checker puts a half back under a new offset before
    /// each check, so an outcome for one copy must settle the others.
    keys: HashSet<String>,
    keys_order: VecDeque<String>,
}

impl Settled {
    fn settle(&mut self, half_offset: i64, key: Option<&str>) {
        self.offsets.insert(half_offset);
        if let Some(k) = key
            && self.keys.insert(k.to_string())
        {
            self.keys_order.push_back(k.to_string());
            if self.keys_order.len() > SETTLED_KEYS_KEPT
                && let Some(old) = self.keys_order.pop_front()
            {
                self.keys.remove(&old);
            }
        }
    }

    /// Forgets the settled halves before `half_offset`, which the checker has passed for
    /// good, so that the set holds about the halves still ahead of it.
    pub(crate) fn forget_before(&mut self, half_offset: i64) {
        self.offsets.retain(|o| *o >= half_offset);
    }

    pub(crate) fn is_offset_settled(&self, half_offset: i64) -> bool {
        self.offsets.contains(&half_offset)
    }

    pub(crate) fn is_key_settled(&self, key: &str) -> bool {
        self.keys.contains(key)
    }
}

/// The broker's transaction state: the settled halves.
pub struct TransactionalMessageService {
    /// Held while an outcome is decided and its messages appended, so that two
    /// END_TRANSACTIONs for one half cannot both commit it.
    settled: Mutex<Settled>,
    /// When this broker started (ms): what the checker did before is known only from disk.
    started_ms: i64,
}

impl TransactionalMessageService {
    /// Rebuilds the settled halves from the op messages from the checker's op offset on: the
    /// ops before it name only halves behind the checker's half offset, which the checker
    /// never reads again (a late commit of one is found committed by its UNIQ_KEY instead).
    pub fn load(
        store: &MessageStore,
        offsets: &ConsumerOffsetManager,
    ) -> TransactionalMessageService {
        let mut settled = Settled::default();
        let min = store.min_offset_in_queue(TRANS_OP_HALF_TOPIC, 0);
        let mut offset = offsets
            .query(CHECKER_GROUP, TRANS_OP_HALF_TOPIC, 0)
            .max(min);
        let max = store.max_offset_in_queue(TRANS_OP_HALF_TOPIC, 0);
        while offset < max {
            let r = store.get_message(TRANS_OP_HALF_TOPIC, 0, offset, 1024, usize::MAX);
            if r.status != GetMessageStatus::Found {
                if r.next_begin_offset <= offset {
                    break;
                }
                offset = r.next_begin_offset;
                continue;
            }
            for m in &r.messages {
                if let Ok(op) = decode_record_ref(m)
                    && is_remove_op(&op)
                {
                    for half in check::op_half_offsets(op.body) {
                        settled.offsets.insert(half);
                    }
                }
            }
            offset = r.next_begin_offset.max(offset + 1);
        }
        if !settled.offsets.is_empty() {
            tracing::info!(
                "transactions: {} settled half messages known from the op queue",
                settled.offsets.len()
            );
        }
        TransactionalMessageService {
            settled: Mutex::new(settled),
            started_ms: crate::util::now_millis(),
        }
    }

    pub(crate) fn settled(&self) -> MutexGuard<'_, Settled> {
        self.settled.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the half at this queue offset of the half queue has an outcome.
    pub fn is_settled(&self, half_offset: i64) -> bool {
        self.settled().is_offset_settled(half_offset)
    }
}

fn is_remove_op(op: &RecordRef<'_>) -> bool {
    let [tags] = find_properties(op.properties, [property::TAGS]);
    tags == Some(REMOVE_TAG)
}

/// Whether a send is a half message: TRAN_MSG parses as true (Java's Boolean.parseBoolean), and
/// it is not an old client's delayed send-back (reconsumed and delayed), which RocketMQ stores
/// as a plain message.
pub(crate) fn is_half_message(properties: &str, reconsume_times: i32) -> bool {
    if !properties.contains("TRAN_MSG\u{1}") {
        return false;
    }
    let [tran, delay] = find_properties(
        properties,
        [property::TRANSACTION_PREPARED, property::DELAY],
    );
    let delayed = delay.and_then(|d| d.parse::<i32>().ok()).unwrap_or(0) > 0;
    tran.is_some_and(|t| t.eq_ignore_ascii_case("true")) && !(reconsume_times > 0 && delayed)
}

/// Where a half message is stored, and with which properties and sysflag
/// (TransactionalMessageBridge#parseHalfMessageInner).
pub(crate) fn half_target(properties: &str, topic: &str, queue_id: i32, sys_flag: i32) -> Half {
    let queue = queue_id.to_string();
    Half {
        topic: TRANS_HALF_TOPIC,
        queue_id: 0,
        properties: replace_properties(
            properties,
            &[
                (property::REAL_TOPIC, topic),
                (property::REAL_QUEUE_ID, &queue),
            ],
        ),
        sys_flag: reset_transaction(sys_flag, sysflag::TRANSACTION_NOT_TYPE),
    }
}

/// Gives a system topic of the transaction path (half, op, check-max) a config with one
/// read-write queue the first time it is written, as RocketMQ 5 has them from the start, so
/// that admins can read them; the name servers learn of it at once.
pub(crate) fn ensure_topic(b: &Broker, topic: &str) {
    if b.topics.contains(topic) {
        return;
    }
    match b.topics.get_or_create_system(topic, 1) {
        Ok(_) => b.topics_changed(),
        Err(e) => tracing::warn!("transactions: cannot create topic {topic}: {e}"),
    }
}

/// A half message's place in the store.
pub(crate) struct Half {
    pub topic: &'static str,
    pub queue_id: i32,
    pub properties: String,
    pub sys_flag: i32,
}

/// A sysflag with its transaction bits replaced (MessageSysFlag.resetTransactionValue).
pub fn reset_transaction(flag: i32, value: i32) -> i32 {
    (flag & !sysflag::TRANSACTION_ROLLBACK_TYPE) | value
}

/// What END_TRANSACTION asks for, once its commitOrRollback is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Commit,
    Rollback,
}

/// The answer to an END_TRANSACTION with a commit or rollback, and the commit log offset just
/// past what it appended (0 if nothing), which must be durable before the answer goes.
pub struct Ended {
    pub response: RemotingCommand,
    pub end_offset: i64,
}

fn system_error(remark: impl Into<String>) -> Ended {
    Ended {
        response: RemotingCommand::error(response::SYSTEM_ERROR, remark),
        end_offset: 0,
    }
}

/// Settles the half message `h` names (EndTransactionProcessor): loads it by its commit log
/// offset, checks it is that producer group's half at that queue offset, then on a commit
/// re-puts it to its real topic and queue, and for either outcome writes the op message. A
/// half already settled (by an op message, or a copy of it by its UNIQ_KEY) is answered
/// SUCCESS and stores nothing again, but for the op of a copy.
pub fn end_transaction(b: &Broker, h: &EndTransactionRequestHeader, outcome: Outcome) -> Ended {
    let Some(record) = b.store.get_message_by_offset(h.commit_log_offset) else {
        return system_error(format!(
            "Find prepared transaction message failed: no message at commitLogOffset {}",
            h.commit_log_offset
        ));
    };
    let half = match decode_record_ref(&record) {
        Ok(r) if r.topic == TRANS_HALF_TOPIC => r,
        Ok(r) => {
            return system_error(format!(
                "Find prepared transaction message failed: the message at commitLogOffset {} \
                 is in topic {}, not a half message",
                h.commit_log_offset, r.topic
            ));
        }
        Err(e) => {
            return system_error(format!(
                "Find prepared transaction message failed: commitLogOffset {}: {e}",
                h.commit_log_offset
            ));
        }
    };
    let [pgroup, uniq, real_topic, real_qid] = find_properties(
        half.properties,
        [
            property::PRODUCER_GROUP,
            property::UNIQ_KEY,
            property::REAL_TOPIC,
            property::REAL_QUEUE_ID,
        ],
    );
    if pgroup != Some(h.producer_group.as_str()) {
        return system_error("The producer group wrong");
    }
    if half.queue_offset != h.tran_state_table_offset {
        return system_error("The transaction state table offset wrong");
    }
    if half.physical_offset != h.commit_log_offset {
        return system_error("The commit log offset wrong");
    }
    let mut settled = b.transactions.settled();
    if settled.is_offset_settled(half.queue_offset) {
        tracing::debug!(
            "END_TRANSACTION for half queue offset {}: already settled",
            half.queue_offset
        );
        return Ended {
            response: RemotingCommand::success(),
            end_offset: 0,
        };
    }
    let mut end_offset = 0;
    if outcome == Outcome::Commit {
        let (Some(topic), Some(queue_id)) =
            (real_topic, real_qid.and_then(|q| q.parse::<i32>().ok()))
        else {
            return system_error(format!(
                "the half message at commitLogOffset {} has no valid REAL_TOPIC and REAL_QID",
                h.commit_log_offset
            ));
        };
        // An outcome for another copy came first: a commit is not stored twice, and a commit
        // after a rollback of the same transaction is not stored at all.
        let settled_before = uniq.is_some_and(|k| {
            settled.is_key_settled(k)
                || (may_have_copies(b, &half) && committed_in_topic(&b.store, topic, k))
        });
        if !settled_before {
            match put_final_message(b, &half, topic, queue_id) {
                Ok(end) => end_offset = end,
                Err(refusal) => return refusal,
            }
        }
    }
    match put_op_message(b, &[half.queue_offset]) {
        Ok(end) => end_offset = end_offset.max(end),
        // The message is committed; without its op a check may ask again, and the commit
        // found by its UNIQ_KEY is not stored twice.
        Err(e) => tracing::error!(
            "transactions: cannot write the op for half queue offset {}: {e}",
            half.queue_offset
        ),
    }
    settled.settle(half.queue_offset, uniq);
    Ended {
        response: RemotingCommand::success(),
        end_offset,
    }
}

/// Whether the checker may have put this half back under another offset (it is a copy, the
/// checker has passed it, or it is older than this broker run, whose checker offset on disk may
/// be behind after a kill -9), so that an outcome for a copy may have come first. A half
/// settled before the checker reached it, the usual case, needs no index lookup.
fn may_have_copies(b: &Broker, half: &RecordRef<'_>) -> bool {
    let [times, first] = find_properties(
        half.properties,
        [
            property::TRANSACTION_CHECK_TIMES,
            property::TRANSACTION_PREPARED_QUEUE_OFFSET,
        ],
    );
    times.is_some()
        || first.is_some()
        || half.store_timestamp < b.transactions.started_ms
        || half.queue_offset < b.offsets.query(CHECKER_GROUP, TRANS_HALF_TOPIC, 0)
}

/// Whether a committed message with this UNIQ_KEY is already in `topic` (an outcome for an
/// earlier copy of the half, from before the last restart).
fn committed_in_topic(store: &MessageStore, topic: &str, key: &str) -> bool {
    store
        .query_message_by_uniq_key(topic, key)
        .is_some_and(|m| {
            decode_record_ref(&m).is_ok_and(|r| {
                sysflag::transaction_value(r.sys_flag) == sysflag::TRANSACTION_COMMIT_TYPE
            })
        })
}

/// Re-puts a half to its real topic and queue with the commit sysflag
/// (EndTransactionProcessor#endMessageTransaction): body, flag, born host and time,
/// reconsume times and the properties but the transaction ones kept; the commit log offset
/// of the half as its prepared transaction offset. A delay level or delivery time it carries
/// applies now, as RocketMQ's commit log does for a committed message.
fn put_final_message(
    b: &Broker,
    half: &RecordRef<'_>,
    topic: &str,
    queue_id: i32,
) -> Result<i64, Ended> {
    let properties = remove_properties(half.properties, &TRANSACTION_PROPERTIES);
    let rerouted = schedule::reroute(b, topic, queue_id, &properties, crate::util::now_millis())
        .map_err(|r| Ended {
            response: RemotingCommand::error(r.code, r.remark),
            end_offset: 0,
        })?;
    let (topic, queue_id, properties) = match &rerouted {
        Some(r) => (r.topic.as_str(), r.queue_id, r.properties.as_str()),
        None => (topic, queue_id, properties.as_str()),
    };
    let msg = AppendMessage {
        sys_flag: reset_transaction(half.sys_flag, sysflag::TRANSACTION_COMMIT_TYPE),
        prepared_transaction_offset: half.physical_offset,
        store_host: half.store_host,
        ..AppendMessage::copy_of(half, topic, queue_id, properties, b.store_host)
    };
    let a = b.append(&msg).map_err(|e| Ended {
        response: final_message_refusal(b, &e),
        end_offset: 0,
    })?;
    Ok(a.physical_offset + a.wrote_bytes as i64)
}

/// sendFinalMessage's answers to a store that refused the message.
fn final_message_refusal(b: &Broker, e: &StoreError) -> RemotingCommand {
    match e {
        StoreError::MessageTooLarge { .. } | StoreError::BadMessage(_) => RemotingCommand::error(
            response::MESSAGE_ILLEGAL,
            format!(
                "The message is illegal, maybe msg body or properties length not matched. msg \
                 body length limit {}B, msg properties length limit 32KB. ({e})",
                b.store.config().max_message_size
            ),
        ),
        StoreError::DiskFull { .. } | StoreError::ShutDown | StoreError::NotWritable { .. } => {
            RemotingCommand::error(
                response::SERVICE_NOT_AVAILABLE,
                format!("Service not available now. ({e})"),
            )
        }
        other => RemotingCommand::error(response::SYSTEM_ERROR, other.to_string()),
    }
}

/// Writes one op message settling these half queue offsets: RMQ_SYS_TRANS_OP_HALF_TOPIC queue
/// 0, tag `d`, the offsets as decimal text (one, as RocketMQ 4.x writes), stored by the
/// broker itself (TransactionalMessageBridge#addRemoveTagInTransactionOp).
pub(crate) fn put_op_message(b: &Broker, half_offsets: &[i64]) -> Result<i64, StoreError> {
    ensure_topic(b, TRANS_OP_HALF_TOPIC);
    let body = half_offsets
        .iter()
        .map(|o| o.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let now = crate::util::now_millis();
    let mut properties = String::with_capacity(64);
    push_property(&mut properties, property::TAGS, REMOVE_TAG);
    push_property(&mut properties, property::WAIT_STORE_MSG_OK, "true");
    push_property(
        &mut properties,
        property::UNIQ_KEY,
        &crate::protocol::message::uniq_id::create(now),
    );
    let a = b.append(&AppendMessage {
        topic: TRANS_OP_HALF_TOPIC,
        queue_id: 0,
        flag: 0,
        body: body.as_bytes(),
        properties: &properties,
        sys_flag: 0,
        born_timestamp: now,
        born_host: b.store_host,
        store_host: b.store_host,
        reconsume_times: 0,
        prepared_transaction_offset: 0,
    })?;
    Ok(a.physical_offset + a.wrote_bytes as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::message::parse_properties;

    #[test]
    fn a_half_is_a_send_with_tran_msg_true_but_not_an_old_delayed_send_back() {
        assert!(is_half_message("TRAN_MSG\u{1}true\u{2}PGROUP\u{1}g", 0));
        assert!(is_half_message("TRAN_MSG\u{1}TRUE", 0));
        assert!(!is_half_message("TRAN_MSG\u{1}false", 0));
        assert!(!is_half_message("TRAN_MSG\u{1}1", 0));
        assert!(!is_half_message("KEYS\u{1}TRAN_MSG", 0));
        assert!(is_half_message("TRAN_MSG\u{1}true\u{2}DELAY\u{1}3", 0));
        assert!(!is_half_message("TRAN_MSG\u{1}true\u{2}DELAY\u{1}3", 1));
        assert!(is_half_message("TRAN_MSG\u{1}true", 1));
    }

    #[test]
    fn a_half_keeps_its_real_topic_and_queue_and_loses_its_prepared_flag() {
        let h = half_target(
            "TRAN_MSG\u{1}true\u{2}PGROUP\u{1}g\u{2}UNIQ_KEY\u{1}U",
            "T",
            3,
            sysflag::TRANSACTION_PREPARED_TYPE | sysflag::MULTI_TAGS,
        );
        assert_eq!((h.topic, h.queue_id), (TRANS_HALF_TOPIC, 0));
        assert_eq!(h.sys_flag, sysflag::MULTI_TAGS);
        let p = parse_properties(&h.properties);
        assert_eq!(p["REAL_TOPIC"], "T");
        assert_eq!(p["REAL_QID"], "3");
        assert_eq!(
            (p["TRAN_MSG"].as_str(), p["PGROUP"].as_str()),
            ("true", "g")
        );
        assert_eq!(p["UNIQ_KEY"], "U");
    }

    #[test]
    fn transaction_bits_are_replaced() {
        assert_eq!(
            reset_transaction(
                sysflag::TRANSACTION_ROLLBACK_TYPE | 1,
                sysflag::TRANSACTION_COMMIT_TYPE
            ),
            sysflag::TRANSACTION_COMMIT_TYPE | 1
        );
        assert_eq!(reset_transaction(sysflag::TRANSACTION_PREPARED_TYPE, 0), 0);
    }

    #[test]
    fn settled_keys_are_bounded() {
        let mut s = Settled::default();
        for i in 0..SETTLED_KEYS_KEPT + 2 {
            s.settle(i as i64, Some(&i.to_string()));
        }
        assert!(!s.is_key_settled("0") && !s.is_key_settled("1"));
        assert!(s.is_key_settled("2") && s.is_offset_settled(0));
    }
}
