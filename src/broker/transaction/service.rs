//! The check-back service (RocketMQ's TransactionalMessageCheckService and the store side of
//! its check): every transactionCheckInterval, a pass over the half queue from the checker's
//! offset (more passes at once for a backlog bigger than one). Settled halves are passed over; for the others check.rs decides: wait, discard to
//! TRANS_CHECK_MAX_TIME_TOPIC, put an immune half back, or put a copy back with one more
//! TRANSACTION_CHECK_TIMES and send CHECK_TRANSACTION_STATE (39) oneway to a live producer of
//! its group, naming the copy. The checker's offsets on the half and op queues are group
//! CID_RMQ_SYS_TRANS's consumer offsets. `check_pass` does the store work and returns the
//! requests to send, so a test drives it with its own `now_ms`; `run` is the task around it.

use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::check::{self, CheckConfig, HalfFacts, Verdict};
use super::{CHECKER_GROUP, is_remove_op};
use crate::broker::Broker;
use crate::broker::schedule::replace_properties;
use crate::protocol::header::CheckTransactionStateRequestHeader;
use crate::protocol::message::{RecordRef, decode_record_ref, offset_msg_id, property};
use crate::protocol::topic::{TRANS_CHECK_MAX_TIME_TOPIC, TRANS_HALF_TOPIC, TRANS_OP_HALF_TOPIC};
use crate::remoting::RemotingCommand;
use crate::remoting::code::request;
use crate::store::message::find_properties;
use crate::store::{AppendMessage, GetMessageStatus, StoreError};

/// Halves looked at in one pass at most (RocketMQ bounds a pass by time instead).
const PASS_BUDGET: usize = 4096;
/// How long one oneway check may take to be queued on a producer's connection.
const SEND_TIMEOUT: Duration = Duration::from_secs(3);

/// A check to send: to a producer of `group`.
pub struct PendingCheck {
    pub group: String,
    pub request: RemotingCommand,
}

/// What one pass did.
#[derive(Default)]
pub struct CheckPass {
    /// The checks to send, in half queue order.
    pub checks: Vec<PendingCheck>,
    /// Halves moved to TRANS_CHECK_MAX_TIME_TOPIC.
    pub discarded: usize,
    /// Immune halves put back.
    pub renewed: usize,
    /// The commit log offset just past the last message the pass appended, 0 if none.
    pub end_offset: i64,
    /// The checker's half queue offset after the pass.
    pub half_offset: i64,
    /// The checker's op queue offset after the pass.
    pub op_offset: i64,
    /// The pass stopped at its budget with halves left: run another at once.
    pub more: bool,
    /// Where the half queue ended when the pass (or its round) began.
    pub round_end: i64,
}

fn checker_offset(b: &Broker, topic: &str) -> i64 {
    match b.offsets.query(CHECKER_GROUP, topic, 0) {
        -1 => b.store.min_offset_in_queue(topic, 0),
        o => o.max(b.store.min_offset_in_queue(topic, 0)),
    }
}

/// One pass at `now_ms` over the halves from the checker's offset (see the module doc). A pass
/// that continues a round (`round_end`: the `round_end` of the round's first pass) stops where
/// the half queue ended when the round began, so the copies the round put back wait for the
/// next round.
pub fn check_pass(b: &Broker, round_end: Option<i64>, now_ms: i64) -> CheckPass {
    let config = CheckConfig {
        transaction_timeout_ms: b.config.transaction_time_out as i64,
        check_max: b.config.transaction_check_max,
        file_reserved_ms: b.store.config().file_reserved_time as i64 * 3_600_000,
    };
    let half_from = checker_offset(b, TRANS_HALF_TOPIC);
    let op_from = checker_offset(b, TRANS_OP_HALF_TOPIC);
    let mut pass = CheckPass {
        half_offset: half_from,
        op_offset: op_from,
        ..CheckPass::default()
    };
    let queue_end = b.store.max_offset_in_queue(TRANS_HALF_TOPIC, 0);
    let max = round_end.map_or(queue_end, |end| end.min(queue_end));
    pass.round_end = max;
    if half_from >= max {
        return pass;
    }
    // As RocketMQ's fetchMessageQueues: the half topic has a config once there are halves.
    super::ensure_topic(b, TRANS_HALF_TOPIC);
    let mut entries = Vec::with_capacity(64);
    b.store
        .for_each_cq_entry(TRANS_HALF_TOPIC, 0, half_from, |offset, e| {
            if offset >= max {
                return false;
            }
            let at = (e.is_valid() && !e.is_blank()).then_some(e.commit_log_offset);
            entries.push((offset, at));
            entries.len() < PASS_BUDGET
        });
    let mut next = half_from;
    let full = entries.len() == PASS_BUDGET;
    let mut stopped = false;
    for (offset, at) in entries {
        match check_one(b, offset, at, now_ms, &config, &mut pass) {
            Ok(true) => next = offset + 1,
            Ok(false) => {
                stopped = true;
                break;
            }
            Err(e) => {
                tracing::warn!(
                    "transactions: cannot put back the half at queue offset {offset}: {e}; \
                     trying again next pass"
                );
                stopped = true;
                break;
            }
        }
    }
    pass.more = full && !stopped;
    if next != half_from {
        b.offsets.commit(CHECKER_GROUP, TRANS_HALF_TOPIC, 0, next);
        b.transactions.settled().forget_before(next);
    }
    pass.half_offset = next;
    // Batch after batch, as long as whole batches of ops lie behind the checker.
    let mut op_next = op_from;
    loop {
        let ops = read_ops(b, op_next);
        let advanced = check::advance_op_offset(op_next, &ops, next);
        let whole = !ops.is_empty() && advanced == op_next + ops.len() as i64;
        op_next = advanced;
        if !whole {
            break;
        }
    }
    if op_next != op_from {
        b.offsets
            .commit(CHECKER_GROUP, TRANS_OP_HALF_TOPIC, 0, op_next);
    }
    pass.op_offset = op_next;
    pass
}

/// Handles the half at queue offset `offset`; Ok(false) when the pass stops before it.
fn check_one(
    b: &Broker,
    offset: i64,
    at: Option<i64>,
    now_ms: i64,
    config: &CheckConfig,
    pass: &mut CheckPass,
) -> Result<bool, StoreError> {
    if b.transactions.is_settled(offset) {
        return Ok(true);
    }
    let Some(record) = at.and_then(|at| b.store.get_message_by_offset(at)) else {
        tracing::warn!("transactions: no half message at queue offset {offset}: passed over");
        return Ok(true);
    };
    let half = match decode_record_ref(&record) {
        Ok(r) => r,
        Err(e) => {
            tracing::error!("transactions: unreadable half at queue offset {offset}: {e}");
            return Ok(true);
        }
    };
    let [uniq, check_times, immunity, prepared, group] = find_properties(
        half.properties,
        [
            property::UNIQ_KEY,
            property::TRANSACTION_CHECK_TIMES,
            property::CHECK_IMMUNITY_TIME_IN_SECONDS,
            property::TRANSACTION_PREPARED_QUEUE_OFFSET,
            property::PRODUCER_GROUP,
        ],
    );
    {
        let settled = b.transactions.settled();
        let first_settled = prepared
            .and_then(|p| p.parse::<i64>().ok())
            .is_some_and(|p| settled.is_offset_settled(p));
        if first_settled || uniq.is_some_and(|k| settled.is_key_settled(k)) {
            return Ok(true);
        }
    }
    let facts = HalfFacts {
        born_ms: half.born_timestamp,
        store_ms: half.store_timestamp,
        check_times,
        immunity_secs: immunity,
        prepared_queue_offset: prepared,
    };
    let (verdict, times) = check::decide(&facts, now_ms, now_ms, config);
    match verdict {
        Verdict::Stop => return Ok(false),
        Verdict::Discard => {
            discard(b, &half)?;
            pass.discarded += 1;
            b.transactions.settled().settle(offset, None);
        }
        Verdict::RenewImmune => {
            let first = prepared.map_or_else(|| offset.to_string(), str::to_string);
            let props = replace_properties(
                half.properties,
                &[
                    (property::TRANSACTION_CHECK_TIMES, &times.to_string()),
                    (property::TRANSACTION_PREPARED_QUEUE_OFFSET, &first),
                ],
            );
            let a = put_back(b, &half, &props)?;
            pass.end_offset = pass.end_offset.max(a.1);
            pass.renewed += 1;
        }
        Verdict::Check => {
            let props = replace_properties(
                half.properties,
                &[(property::TRANSACTION_CHECK_TIMES, &times.to_string())],
            );
            let (copy, end) = put_back(b, &half, &props)?;
            pass.end_offset = pass.end_offset.max(end);
            match check_request(b, &half, &props, uniq, copy) {
                Some(request) => pass.checks.push(PendingCheck {
                    group: group.unwrap_or("").to_string(),
                    request,
                }),
                None => tracing::error!(
                    "transactions: the half at queue offset {offset} has no valid REAL_TOPIC \
                     and REAL_QID: not checked"
                ),
            }
        }
    }
    Ok(true)
}

/// Appends a copy of a half at the half queue's end (TransactionalMessageBridge#
/// renewHalfMessageInner); returns (queue offset, physical offset) of the copy and the commit
/// log offset past it.
fn put_back(
    b: &Broker,
    half: &RecordRef<'_>,
    props: &str,
) -> Result<((i64, i64), i64), StoreError> {
    let a = b.append(&AppendMessage {
        store_host: half.store_host,
        ..AppendMessage::copy_of(half, TRANS_HALF_TOPIC, 0, props, b.store_host)
    })?;
    Ok((
        (a.queue_offset, a.physical_offset),
        a.physical_offset + a.wrote_bytes as i64,
    ))
}

/// Moves a half checked too often to TRANS_CHECK_MAX_TIME_TOPIC queue 0, as stored
/// (DefaultTransactionalMessageCheckListener#resolveDiscardMsg).
fn discard(b: &Broker, half: &RecordRef<'_>) -> Result<(), StoreError> {
    super::ensure_topic(b, TRANS_CHECK_MAX_TIME_TOPIC);
    tracing::warn!(
        "transactions: the half at commit log offset {} was checked too many times: moved to \
         {TRANS_CHECK_MAX_TIME_TOPIC}",
        half.physical_offset
    );
    b.append(&AppendMessage {
        store_host: half.store_host,
        ..AppendMessage::copy_of(
            half,
            TRANS_CHECK_MAX_TIME_TOPIC,
            0,
            half.properties,
            b.store_host,
        )
    })?;
    Ok(())
}

/// CHECK_TRANSACTION_STATE for the copy at `copy` = (queue offset, commit log offset)
/// (AbstractTransactionalMessageCheckListener#sendCheckMessage): msgId and transactionId the
/// UNIQ_KEY, offsetMsgId the copy's; the body the half as a pull carries it, under its real
/// topic and queue, with the copy's offsets and properties. None without a valid real queue.
fn check_request(
    b: &Broker,
    half: &RecordRef<'_>,
    props: &str,
    uniq: Option<&str>,
    (queue_offset, commit_log_offset): (i64, i64),
) -> Option<RemotingCommand> {
    let [real_topic, real_qid] =
        find_properties(props, [property::REAL_TOPIC, property::REAL_QUEUE_ID]);
    let topic = real_topic?;
    let queue_id = real_qid?.parse::<i32>().ok()?;
    let msg = AppendMessage {
        store_host: half.store_host,
        prepared_transaction_offset: half.prepared_transaction_offset,
        ..AppendMessage::copy_of(half, topic, queue_id, props, b.store_host)
    };
    if msg.validate(usize::MAX).is_err() {
        return None;
    }
    let mut body = vec![0u8; msg.record_len()];
    msg.encode_into(
        &mut body,
        queue_offset,
        commit_log_offset,
        half.store_timestamp,
    );
    let header = CheckTransactionStateRequestHeader {
        topic: None,
        tran_state_table_offset: queue_offset,
        commit_log_offset,
        msg_id: uniq.map(str::to_string),
        transaction_id: uniq.map(str::to_string),
        offset_msg_id: Some(offset_msg_id(&b.store_host, commit_log_offset)),
    };
    Some(
        RemotingCommand::request(request::CHECK_TRANSACTION_STATE)
            .with_header(&header)
            .with_body(body),
    )
}

/// The op messages from `from` on (a bounded read), as (op queue offset, half offsets).
fn read_ops(b: &Broker, from: i64) -> Vec<(i64, Vec<i64>)> {
    let r = b
        .store
        .get_message(TRANS_OP_HALF_TOPIC, 0, from, 1024, usize::MAX);
    if r.status != GetMessageStatus::Found {
        return Vec::new();
    }
    r.messages
        .iter()
        .zip(&r.queue_offsets)
        .map(|(m, &offset)| {
            let halves = match decode_record_ref(m) {
                Ok(op) if is_remove_op(&op) => check::op_half_offsets(op.body).collect(),
                // Not an op the checker reads: nothing holds it back.
                _ => Vec::new(),
            };
            (offset, halves)
        })
        .collect()
}

/// Sends each check oneway to one live producer of its group, chosen at random. With no
/// producer online the check is still counted, as in RocketMQ.
pub async fn send_checks(b: &Broker, checks: Vec<PendingCheck>) {
    let mut unheard: std::collections::BTreeMap<String, usize> = Default::default();
    for c in checks {
        let channels: Vec<_> = b
            .producers
            .channels(&c.group)
            .into_iter()
            .filter(|ch| !ch.conn.is_closed())
            .collect();
        if channels.is_empty() {
            *unheard.entry(c.group).or_default() += 1;
            continue;
        }
        let ch = &channels[rand::random_range(0..channels.len())];
        match tokio::time::timeout(SEND_TIMEOUT, ch.conn.invoke_oneway(c.request)).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::warn!(
                "transactions: check to producer {} of '{}' failed: {e}",
                ch.client_id,
                c.group
            ),
            Err(_) => tracing::warn!(
                "transactions: check to producer {} of '{}' timed out",
                ch.client_id,
                c.group
            ),
        }
    }
    for (group, n) in unheard {
        tracing::warn!(
            "transactions: no producer of group '{group}' online: {n} half messages not checked \
             this time (each check still counts)"
        );
    }
}

/// The service's task: a pass every transactionCheckInterval, the first one interval after
/// start (as RocketMQ's ServiceThread waits first). Only a master checks.
pub async fn run(b: Arc<Broker>, stop: CancellationToken) {
    if !b.config.is_master() {
        return;
    }
    let period = Duration::from_millis(b.config.transaction_check_interval.max(1));
    let mut more = false;
    let mut round_end = None;
    loop {
        if more {
            // A backlog bigger than one pass: the next pass at once, not an interval later.
            tokio::task::yield_now().await;
            if stop.is_cancelled() {
                return;
            }
        } else {
            tokio::select! {
                _ = stop.cancelled() => return,
                _ = tokio::time::sleep(period) => {}
            }
        }
        if !more {
            round_end = None;
        }
        let pass = check_pass(&b, round_end, crate::util::now_millis());
        more = pass.more;
        round_end = Some(pass.round_end);
        if pass.end_offset > 0
            && let Err(e) = b.wait_durable(pass.end_offset).await
        {
            tracing::warn!("transactions: halves put back not durable: {e}");
        }
        if !pass.checks.is_empty() {
            tracing::info!("transactions: checking {} half messages", pass.checks.len());
        }
        send_checks(&b, pass.checks).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::broker::config::{BrokerConfig, BrokerStartConfig};
    use crate::broker::transaction::{Outcome, end_transaction, half_target};
    use crate::protocol::header::EndTransactionRequestHeader;
    use crate::protocol::message::{DecodedMessage, build_properties, decode_message, sysflag};
    use crate::remoting::code::response;
    use crate::store::StoreConfig;

    fn broker(dir: &std::path::Path) -> Arc<Broker> {
        let mut store = StoreConfig::new(dir);
        store.mapped_file_size_commit_log = 1 << 20;
        store.mapped_file_size_consume_queue = 20 * 1024;
        let broker = BrokerConfig {
            transaction_time_out: 1_000,
            transaction_check_max: 2,
            ..BrokerConfig::default()
        };
        let b = Broker::open(BrokerStartConfig { broker, store }, None).unwrap();
        b.topics
            .update(crate::protocol::topic_config::TopicConfig::with_queues(
                "T", 4, 4, 6,
            ))
            .unwrap();
        b
    }

    /// Stores a half as the send path does; returns its (queue offset, commit log offset).
    fn put_half(b: &Broker, key: &str, born: i64) -> (i64, i64) {
        let props = build_properties([
            ("TRAN_MSG", "true"),
            ("PGROUP", "pg"),
            ("UNIQ_KEY", key),
            ("TAGS", "A"),
        ]);
        let h = half_target(&props, "T", 2, sysflag::TRANSACTION_PREPARED_TYPE);
        let a = b
            .append(&AppendMessage {
                topic: h.topic,
                queue_id: h.queue_id,
                flag: 3,
                body: key.as_bytes(),
                properties: &h.properties,
                sys_flag: h.sys_flag,
                born_timestamp: born,
                born_host: "127.0.0.1:4000".parse().unwrap(),
                store_host: b.store_host,
                reconsume_times: 0,
                prepared_transaction_offset: 0,
            })
            .unwrap();
        (a.queue_offset, a.physical_offset)
    }

    fn end(b: &Broker, (q, c): (i64, i64), group: &str, outcome: Outcome) -> RemotingCommand {
        let h = EndTransactionRequestHeader {
            topic: None,
            producer_group: group.into(),
            tran_state_table_offset: q,
            commit_log_offset: c,
            commit_or_rollback: match outcome {
                Outcome::Commit => 8,
                Outcome::Rollback => 12,
            },
            from_transaction_check: Some(true),
            msg_id: "x".into(),
            transaction_id: None,
        };
        end_transaction(b, &h, outcome).response
    }

    fn real_queue(b: &Broker) -> Vec<DecodedMessage> {
        let r = b.store.get_message("T", 2, 0, 100, usize::MAX);
        r.messages
            .iter()
            .map(|m| decode_message(m).unwrap())
            .collect()
    }

    fn check_offsets(c: &PendingCheck) -> (i64, i64) {
        let h: CheckTransactionStateRequestHeader = c.request.decode_header().unwrap();
        (h.tran_state_table_offset, h.commit_log_offset)
    }

    #[test]
    fn a_pass_checks_old_halves_once_each_and_a_commit_of_any_copy_settles_them_all() {
        let dir = tempfile::tempdir().unwrap();
        let b = broker(dir.path());
        let t0 = crate::util::now_millis();
        let a = put_half(&b, "A", t0);
        let r = put_half(&b, "R", t0);
        let young = put_half(&b, "Y", t0 + 1_500);

        // Nothing is old enough yet.
        let pass = check_pass(&b, None, t0 + 500);
        assert_eq!((pass.checks.len(), pass.half_offset), (0, 0));

        // A and R are; Y (born later) stops the pass.
        let pass = check_pass(&b, None, t0 + 2_000);
        assert_eq!(pass.checks.len(), 2);
        assert_eq!(pass.half_offset, 2);
        assert_eq!(b.offsets.query(CHECKER_GROUP, TRANS_HALF_TOPIC, 0), 2);
        let c = &pass.checks[0];
        assert_eq!(c.group, "pg");
        let h: CheckTransactionStateRequestHeader = c.request.decode_header().unwrap();
        assert_eq!(h.msg_id.as_deref(), Some("A"));
        assert_eq!(h.transaction_id.as_deref(), Some("A"));
        assert_eq!(h.tran_state_table_offset, 3, "the copy's offset");
        // The body is the copy, under its real topic and queue.
        let m = decode_message(&c.request.body).unwrap();
        assert_eq!((m.topic.as_str(), m.queue_id), ("T", 2));
        assert_eq!((m.queue_offset, m.commit_log_offset), check_offsets(c));
        assert_eq!(m.properties["TRANSACTION_CHECK_TIMES"], "1");
        assert_eq!(m.body, b"A");
        let copy_a = check_offsets(c);
        let copy_r = check_offsets(&pass.checks[1]);

        // The producer commits A twice (the late original and the check's copy): one message.
        assert_eq!(end(&b, a, "pg", Outcome::Commit).code, response::SUCCESS);
        assert_eq!(
            end(&b, copy_a, "pg", Outcome::Commit).code,
            response::SUCCESS
        );
        assert_eq!(end(&b, a, "pg", Outcome::Commit).code, response::SUCCESS);
        assert_eq!(
            end(&b, copy_r, "pg", Outcome::Rollback).code,
            response::SUCCESS
        );
        // A commit of R after its rollback (of a copy) stores nothing: no rolled-back delivery.
        assert_eq!(end(&b, r, "pg", Outcome::Commit).code, response::SUCCESS);
        let got = real_queue(&b);
        assert_eq!(got.len(), 1);
        let m = &got[0];
        assert_eq!(m.body, b"A");
        assert_eq!(m.flag, 3);
        assert_eq!(m.properties["UNIQ_KEY"], "A");
        assert_eq!(m.properties["PGROUP"], "pg");
        for gone in [
            "REAL_TOPIC",
            "REAL_QID",
            "TRAN_MSG",
            "TRANSACTION_CHECK_TIMES",
        ] {
            assert!(
                !m.properties.contains_key(gone),
                "{gone}: {:?}",
                m.properties
            );
        }
        assert_eq!(
            sysflag::transaction_value(m.sys_flag),
            sysflag::TRANSACTION_COMMIT_TYPE
        );
        assert_eq!(
            m.prepared_transaction_offset, a.1,
            "the half committed first"
        );

        // Settled halves are not checked again; Y is, once old enough.
        let pass = check_pass(&b, None, t0 + 7_000);
        let keys: Vec<_> = pass
            .checks
            .iter()
            .map(|c| {
                c.request
                    .decode_header::<CheckTransactionStateRequestHeader>()
                    .unwrap()
                    .msg_id
                    .unwrap()
            })
            .collect();
        assert_eq!(keys, ["Y"]);
        assert_eq!(young.0, 2);
        assert_eq!(
            pass.half_offset, 5,
            "past Y and the settled copies of A and R"
        );
        // Ops name halves 0, 3, 4 and 1: all behind the checker.
        assert_eq!(pass.op_offset, 4);
        assert_eq!(b.offsets.query(CHECKER_GROUP, TRANS_OP_HALF_TOPIC, 0), 4);
        // Halves behind the checker are forgotten; a late commit is still not stored twice.
        assert!(!b.transactions.is_settled(a.0));
        assert_eq!(end(&b, a, "pg", Outcome::Commit).code, response::SUCCESS);
        assert_eq!(real_queue(&b).len(), 1);
    }

    #[test]
    fn a_backlog_beyond_one_pass_takes_more_passes_in_the_round_but_copies_wait() {
        let dir = tempfile::tempdir().unwrap();
        let b = broker(dir.path());
        let born = crate::util::now_millis() - 10_000;
        let n = PASS_BUDGET + 4;
        for i in 0..n {
            put_half(&b, &format!("K{i}"), born);
        }
        // A millisecond on, so that no half counts as stored after the pass began.
        let now = crate::util::now_millis() + 1;
        let first = check_pass(&b, None, now);
        assert_eq!((first.checks.len(), first.more), (PASS_BUDGET, true));
        let second = check_pass(&b, Some(first.round_end), now);
        // The last originals; the copies the round put back wait for the next round.
        assert_eq!((second.checks.len(), second.more), (4, false));
        assert_eq!(second.half_offset, n as i64);
    }

    #[test]
    fn the_op_offset_passes_more_ops_than_one_read_in_one_pass() {
        let dir = tempfile::tempdir().unwrap();
        let b = broker(dir.path());
        let t0 = crate::util::now_millis();
        for i in 0..1100 {
            let h = put_half(&b, &format!("K{i}"), t0);
            assert_eq!(end(&b, h, "pg", Outcome::Rollback).code, response::SUCCESS);
        }
        let pass = check_pass(&b, None, t0 + 2_000);
        assert!(pass.checks.is_empty());
        assert_eq!((pass.half_offset, pass.op_offset), (1100, 1100));
    }

    #[test]
    fn a_half_checked_the_max_times_goes_to_the_check_max_topic() {
        let dir = tempfile::tempdir().unwrap();
        let b = broker(dir.path());
        let t0 = crate::util::now_millis();
        put_half(&b, "M", t0);
        let mut checks = 0;
        for i in 1..=4 {
            let pass = check_pass(&b, None, t0 + 2_000 * i);
            checks += pass.checks.len();
            if pass.discarded > 0 {
                break;
            }
        }
        // transactionCheckMax 2: checked twice (times 1 and 2), then discarded.
        assert_eq!(checks, 2);
        let r = b
            .store
            .get_message(TRANS_CHECK_MAX_TIME_TOPIC, 0, 0, 10, usize::MAX);
        assert_eq!(r.messages.len(), 1);
        let m = decode_message(&r.messages[0]).unwrap();
        assert_eq!(m.properties["TRANSACTION_CHECK_TIMES"], "2");
        assert_eq!(m.properties["REAL_TOPIC"], "T");
        assert!(b.topics.contains(TRANS_CHECK_MAX_TIME_TOPIC));
        assert!(real_queue(&b).is_empty());
        assert!(check_pass(&b, None, t0 + 20_000).checks.is_empty());
    }

    #[test]
    fn a_copy_committed_after_a_restart_is_not_stored_again() {
        let dir = tempfile::tempdir().unwrap();
        let t0 = crate::util::now_millis();
        let (a, copy);
        {
            let b = broker(dir.path());
            a = put_half(&b, "A", t0);
            let pass = check_pass(&b, None, t0 + 2_000);
            copy = check_offsets(&pass.checks[0]);
            // The producer's own commit of the first half lands while the check is out.
            assert_eq!(end(&b, a, "pg", Outcome::Commit).code, response::SUCCESS);
            assert!(b.store.wait_index_caught_up(Duration::from_secs(5)));
            b.store.shutdown().unwrap();
        }
        // After the restart only the first half's op is known: the copy is found committed by
        // its UNIQ_KEY in the real topic.
        let b = broker(dir.path());
        assert!(b.transactions.is_settled(a.0) && !b.transactions.is_settled(copy.0));
        assert_eq!(end(&b, copy, "pg", Outcome::Commit).code, response::SUCCESS);
        assert_eq!(real_queue(&b).len(), 1);
        assert!(b.transactions.is_settled(copy.0));
    }

    #[test]
    fn a_late_original_after_its_copy_was_committed_and_the_checker_offset_lost_is_not_stored_again()
     {
        let dir = tempfile::tempdir().unwrap();
        let t0 = crate::util::now_millis();
        let a;
        {
            let b = broker(dir.path());
            a = put_half(&b, "A", t0);
            let pass = check_pass(&b, None, t0 + 2_000);
            let copy = check_offsets(&pass.checks[0]);
            assert_eq!(end(&b, copy, "pg", Outcome::Commit).code, response::SUCCESS);
            assert!(b.store.wait_index_caught_up(Duration::from_secs(5)));
            // Down before consumerOffset.json was written: the checker offset is lost.
            b.store.shutdown().unwrap();
        }
        let b = broker(dir.path());
        assert_eq!(b.offsets.query(CHECKER_GROUP, TRANS_HALF_TOPIC, 0), -1);
        assert!(!b.transactions.is_settled(a.0));
        assert_eq!(end(&b, a, "pg", Outcome::Commit).code, response::SUCCESS);
        assert_eq!(real_queue(&b).len(), 1);
    }

    #[test]
    fn a_restart_reads_ops_from_the_checkers_op_offset_and_late_commits_stay_single() {
        let dir = tempfile::tempdir().unwrap();
        let t0 = crate::util::now_millis();
        let (a, r);
        {
            let b = broker(dir.path());
            a = put_half(&b, "A", t0);
            r = put_half(&b, "R", t0);
            assert_eq!(end(&b, a, "pg", Outcome::Commit).code, response::SUCCESS);
            assert_eq!(end(&b, r, "pg", Outcome::Rollback).code, response::SUCCESS);
            let pass = check_pass(&b, None, t0 + 2_000);
            assert!(pass.checks.is_empty());
            assert_eq!((pass.half_offset, pass.op_offset), (2, 2));
            assert!(b.store.wait_index_caught_up(Duration::from_secs(5)));
            b.offsets.persist_if_dirty().unwrap();
            b.store.shutdown().unwrap();
        }
        let b = broker(dir.path());
        assert!(
            !b.transactions.is_settled(a.0),
            "its op is behind the op offset"
        );
        assert_eq!(end(&b, a, "pg", Outcome::Commit).code, response::SUCCESS);
        assert_eq!(real_queue(&b).len(), 1, "found committed by its UNIQ_KEY");
        assert!(check_pass(&b, None, t0 + 60_000).checks.is_empty());
    }

    #[test]
    fn settled_halves_survive_a_restart_and_bad_requests_change_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let t0 = crate::util::now_millis();
        let (a, r);
        {
            let b = broker(dir.path());
            a = put_half(&b, "A", t0);
            r = put_half(&b, "R", t0);
            let wrong = end(&b, a, "other", Outcome::Commit);
            assert_eq!(wrong.code, response::SYSTEM_ERROR);
            assert_eq!(wrong.remark.as_deref(), Some("The producer group wrong"));
            let bad_q = end(&b, (a.0 + 1, a.1), "pg", Outcome::Commit);
            assert_eq!(
                bad_q.remark.as_deref(),
                Some("The transaction state table offset wrong")
            );
            let nowhere = end(&b, (0, 1 << 30), "pg", Outcome::Commit);
            assert!(
                nowhere
                    .remark
                    .as_deref()
                    .unwrap()
                    .starts_with("Find prepared transaction message failed"),
                "{nowhere:?}"
            );
            assert!(real_queue(&b).is_empty());
            assert_eq!(end(&b, a, "pg", Outcome::Commit).code, response::SUCCESS);
            assert_eq!(end(&b, r, "pg", Outcome::Rollback).code, response::SUCCESS);
            // A real message is not a half.
            let not_half = end(
                &b,
                (0, real_queue(&b)[0].commit_log_offset),
                "pg",
                Outcome::Commit,
            );
            assert_eq!(not_half.code, response::SYSTEM_ERROR);
            b.store.shutdown().unwrap();
        }
        let b = broker(dir.path());
        assert!(b.transactions.is_settled(a.0) && b.transactions.is_settled(r.0));
        assert_eq!(end(&b, a, "pg", Outcome::Commit).code, response::SUCCESS);
        assert_eq!(end(&b, r, "pg", Outcome::Commit).code, response::SUCCESS);
        assert_eq!(real_queue(&b).len(), 1);
        assert!(check_pass(&b, None, t0 + 60_000).checks.is_empty());
    }
}
