//! Pending transactions: the half messages of each master that no
//! END_TRANSACTION or check has settled yet, read the way the broker's own
//! check service reads them (RocketMQ's storage, so it works against Apache
//! RocketMQ too): halves in RMQ_SYS_TRANS_HALF_TOPIC queue 0 from the
//! checker's offset, settled ones named by op messages (tag `d`, body the half
//! offset, or several comma-joined in 5.x) in RMQ_SYS_TRANS_OP_HALF_TOPIC
//! queue 0 from the checker's op offset. The checker's offsets are the
//! consumer offsets of group CID_RMQ_SYS_TRANS.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::AdminClient;
use super::error::{AdminError, AdminResult};
use super::fanout::{BrokerTarget, on_each};
use crate::client::error::{ClientError, ClientResult};
use crate::protocol::header::{OffsetResponseHeader, QueryConsumerOffsetRequestHeader};
use crate::protocol::message::{DecodedMessage, property};
use crate::remoting::RemotingCommand;
use crate::remoting::code::{request, response};

pub const TRANS_HALF_TOPIC: &str = "RMQ_SYS_TRANS_HALF_TOPIC";
pub const TRANS_OP_HALF_TOPIC: &str = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
/// The group the broker's check service keeps its half and op offsets under.
pub const TRANS_CHECK_GROUP: &str = "CID_RMQ_SYS_TRANS";
/// The op message tag that marks a half message settled.
pub const REMOVE_TAG: &str = "d";

/// A half message no outcome has settled yet.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingHalf {
    pub broker_name: String,
    /// The topic consumers get it on once committed (REAL_TOPIC).
    pub topic: String,
    pub producer_group: String,
    /// The transaction id (UNIQ_KEY).
    pub msg_id: String,
    /// Its offset in the half queue (the newest copy's, after checks).
    pub half_offset: i64,
    /// When the first copy was stored, epoch ms.
    pub store_timestamp: i64,
    /// Checks the broker has made (TRANSACTION_CHECK_TIMES).
    pub check_times: u32,
    pub keys: Option<String>,
    pub tags: Option<String>,
}

/// Pending halves counted per topic and producer group.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingSummary {
    pub topic: String,
    pub producer_group: String,
    pub count: usize,
    /// Store time of the oldest, epoch ms.
    pub oldest_timestamp: i64,
    /// The most checks any of them has had.
    pub max_check_times: u32,
}

/// What `pending_transactions` found.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingTransactions {
    pub summary: Vec<PendingSummary>,
    pub halves: Vec<PendingHalf>,
    /// Brokers that could not be read, with the reason.
    pub errors: Vec<String>,
    /// Whether a broker had more halves than the scan limit.
    pub truncated: bool,
}

/// The half offsets an op message settles: its body is one offset, or (5.x)
/// several joined with commas. Op messages with another tag settle nothing.
pub fn settled_offsets(op: &DecodedMessage) -> impl Iterator<Item = i64> + '_ {
    let is_remove = op.properties.get(property::TAGS).map(String::as_str) == Some(REMOVE_TAG);
    std::str::from_utf8(&op.body)
        .ok()
        .filter(|_| is_remove)
        .into_iter()
        .flat_map(|s| s.split(','))
        .filter_map(|o| o.trim().parse().ok())
}

/// The halves no op settles. A half the check service has re-stored keeps
/// its transaction id; one settled copy settles them all, and the newest
/// unsettled copy speaks for the rest (with the first copy's store time).
pub fn pending_halves(
    broker_name: &str,
    halves: &[DecodedMessage],
    ops: &[DecodedMessage],
) -> Vec<PendingHalf> {
    let settled: BTreeSet<i64> = ops.iter().flat_map(settled_offsets).collect();
    let id_of = |h: &DecodedMessage| {
        h.properties
            .get(property::UNIQ_KEY)
            .cloned()
            .unwrap_or_else(|| h.msg_id.clone())
    };
    let settled_ids: BTreeSet<String> = halves
        .iter()
        .filter(|h| settled.contains(&h.queue_offset))
        .map(id_of)
        .collect();
    let mut pending: BTreeMap<String, PendingHalf> = BTreeMap::new();
    for h in halves {
        let id = id_of(h);
        if settled_ids.contains(&id) {
            continue;
        }
        let prop = |k: &str| h.properties.get(k).cloned();
        let check_times = prop(property::TRANSACTION_CHECK_TIMES)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let first_stored = pending
            .get(&id)
            .map_or(h.store_timestamp, |p| p.store_timestamp);
        pending.insert(
            id.clone(),
            PendingHalf {
                broker_name: broker_name.to_string(),
                topic: prop(property::REAL_TOPIC).unwrap_or_else(|| h.topic.clone()),
                producer_group: prop(property::PRODUCER_GROUP).unwrap_or_default(),
                msg_id: id,
                half_offset: h.queue_offset,
                store_timestamp: first_stored,
                check_times,
                keys: prop(property::KEYS),
                tags: prop(property::TAGS),
            },
        );
    }
    let mut out: Vec<PendingHalf> = pending.into_values().collect();
    out.sort_by_key(|p| (p.store_timestamp, p.half_offset));
    out
}

/// Counts per topic and group, the busiest first.
pub fn summarize(halves: &[PendingHalf]) -> Vec<PendingSummary> {
    let mut by: BTreeMap<(String, String), PendingSummary> = BTreeMap::new();
    for h in halves {
        let s = by
            .entry((h.topic.clone(), h.producer_group.clone()))
            .or_insert_with(|| PendingSummary {
                topic: h.topic.clone(),
                producer_group: h.producer_group.clone(),
                count: 0,
                oldest_timestamp: h.store_timestamp,
                max_check_times: 0,
            });
        s.count += 1;
        s.oldest_timestamp = s.oldest_timestamp.min(h.store_timestamp);
        s.max_check_times = s.max_check_times.max(h.check_times);
    }
    let mut out: Vec<PendingSummary> = by.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.topic.cmp(&b.topic)));
    out
}

impl AdminClient {
    /// The pending half messages on the masters of `cluster` (all when
    /// `None`), of `topic` and `group` when given, reading at most `limit`
    /// halves per broker.
    pub async fn pending_transactions(
        &self,
        cluster: Option<&str>,
        topic: Option<&str>,
        group: Option<&str>,
        limit: usize,
    ) -> AdminResult<PendingTransactions> {
        let targets = self.masters(cluster).await?;
        let results = on_each(&targets, |t| async move {
            self.broker_pending_halves(&t, limit).await
        })
        .await;
        let mut out = PendingTransactions {
            summary: Vec::new(),
            halves: Vec::new(),
            errors: Vec::new(),
            truncated: false,
        };
        for (t, r) in results {
            match r {
                Ok((halves, truncated)) => {
                    out.truncated |= truncated;
                    out.halves.extend(halves.into_iter().filter(|h| {
                        topic.is_none_or(|want| h.topic == want)
                            && group.is_none_or(|want| h.producer_group == want)
                    }));
                }
                Err(e) => out.errors.push(
                    AdminError::BrokerFailed {
                        broker_name: t.broker_name.clone(),
                        addr: t.addr.clone(),
                        source: e,
                    }
                    .to_string(),
                ),
            }
        }
        if out.halves.is_empty() && !out.errors.is_empty() && out.errors.len() == targets.len() {
            return Err(AdminError::Client(ClientError::Response {
                action: "read half messages",
                code: response::SYSTEM_ERROR,
                detail: out.errors.join("; "),
            }));
        }
        out.halves
            .sort_by_key(|h| (h.store_timestamp, h.half_offset));
        out.summary = summarize(&out.halves);
        Ok(out)
    }

    async fn broker_pending_halves(
        &self,
        t: &BrokerTarget,
        limit: usize,
    ) -> ClientResult<(Vec<PendingHalf>, bool)> {
        let Some((half_min, half_max)) = self.queue0_range(&t.addr, TRANS_HALF_TOPIC).await? else {
            return Ok((Vec::new(), false));
        };
        let half_from = self
            .checker_offset(&t.addr, TRANS_HALF_TOPIC)
            .await?
            .unwrap_or(half_min)
            .clamp(half_min, half_max);
        let truncated = usize::try_from(half_max - half_from).unwrap_or(0) > limit;
        let halves = self
            .read_queue0(&t.addr, TRANS_HALF_TOPIC, half_from, limit)
            .await?;
        let ops = match self.queue0_range(&t.addr, TRANS_OP_HALF_TOPIC).await? {
            Some((op_min, op_max)) => {
                let op_from = self
                    .checker_offset(&t.addr, TRANS_OP_HALF_TOPIC)
                    .await?
                    .unwrap_or(op_min)
                    .clamp(op_min, op_max);
                // Ops may trail their halves by up to a scan; read them all.
                let n = usize::try_from(op_max - op_from).unwrap_or(0);
                self.read_queue0(&t.addr, TRANS_OP_HALF_TOPIC, op_from, n)
                    .await?
            }
            None => Vec::new(),
        };
        Ok((pending_halves(&t.broker_name, &halves, &ops), truncated))
    }

    /// Queue 0's min and max offsets; `None` when the broker has no such topic.
    async fn queue0_range(&self, addr: &str, topic: &str) -> ClientResult<Option<(i64, i64)>> {
        match self.topic_stats(addr, topic).await {
            Ok(stats) => Ok(stats
                .offset_table
                .iter()
                .find(|(mq, _)| mq.queue_id == 0)
                .map(|(_, o)| (o.min_offset, o.max_offset))),
            Err(ClientError::TopicNotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn checker_offset(&self, addr: &str, topic: &str) -> ClientResult<Option<i64>> {
        let req = RemotingCommand::request(request::QUERY_CONSUMER_OFFSET).with_header(
            &QueryConsumerOffsetRequestHeader {
                consumer_group: TRANS_CHECK_GROUP.to_string(),
                topic: topic.to_string(),
                queue_id: 0,
            },
        );
        let r = self.remoting.invoke(addr, req, self.timeout).await?;
        match r.code {
            response::SUCCESS => Ok(Some(r.decode_header::<OffsetResponseHeader>()?.offset)),
            response::QUERY_NOT_FOUND => Ok(None),
            _ => Err(ClientError::response("query the check offset", &r)),
        }
    }

    async fn read_queue0(
        &self,
        addr: &str,
        topic: &str,
        from: i64,
        count: usize,
    ) -> ClientResult<Vec<DecodedMessage>> {
        let mut out = Vec::new();
        let mut next = from;
        while out.len() < count {
            let want = (count - out.len()).min(32) as i32;
            let (msgs, n) = self.pull_messages(addr, topic, 0, next, want).await?;
            if msgs.is_empty() || n <= next {
                break;
            }
            out.extend(msgs.into_iter().take(count - out.len()));
            next = n;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(offset: i64, props: &[(&str, &str)], body: &str, stored: i64) -> DecodedMessage {
        DecodedMessage {
            msg_id: format!("OFF{offset}"),
            topic: TRANS_HALF_TOPIC.into(),
            queue_id: 0,
            flag: 0,
            queue_offset: offset,
            commit_log_offset: offset * 100,
            store_size: 0,
            body_crc: 0,
            sys_flag: 0,
            born_timestamp: stored,
            born_host: "127.0.0.1:1".parse().unwrap(),
            store_timestamp: stored,
            store_host: "127.0.0.1:2".parse().unwrap(),
            reconsume_times: 0,
            prepared_transaction_offset: 0,
            properties: props
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: body.as_bytes().to_vec(),
        }
    }

    fn half(offset: i64, id: &str, checks: &str, stored: i64) -> DecodedMessage {
        record(
            offset,
            &[
                ("UNIQ_KEY", id),
                ("REAL_TOPIC", "Orders"),
                ("PGROUP", "pg"),
                ("TRANSACTION_CHECK_TIMES", checks),
            ],
            "x",
            stored,
        )
    }

    fn op(offset: i64, body: &str, tag: &str) -> DecodedMessage {
        record(offset, &[("TAGS", tag)], body, 0)
    }

    #[test]
    fn ops_settle_halves_and_copies_follow_their_transaction() {
        let halves = [
            half(0, "A", "0", 10),
            half(1, "B", "0", 11),
            half(2, "C", "0", 12),
            // B and C re-stored by a check.
            half(3, "B", "1", 20),
            half(4, "C", "1", 21),
        ];
        // A settled at once; C's re-stored copy settled (5.x joins offsets); an op with
        // another tag settles nothing.
        let ops = [op(0, "0", "d"), op(1, "4,99", "d"), op(2, "1", "x")];
        let pending = pending_halves("broker-a", &halves, &ops);
        assert_eq!(pending.len(), 1, "{pending:?}");
        let b = &pending[0];
        assert_eq!(b.msg_id, "B");
        assert_eq!(b.half_offset, 3, "the newest copy");
        assert_eq!(b.store_timestamp, 11, "the first copy's time");
        assert_eq!(b.check_times, 1);
        assert_eq!(b.topic, "Orders");
        assert_eq!(b.producer_group, "pg");
    }

    #[test]
    fn summaries_count_per_topic_and_group() {
        let halves = [half(0, "A", "2", 10), half(1, "B", "0", 5)];
        let pending = pending_halves("b", &halves, &[]);
        let s = summarize(&pending);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].count, 2);
        assert_eq!(s[0].oldest_timestamp, 5);
        assert_eq!(s[0].max_check_times, 2);
    }

    #[test]
    fn op_bodies_that_are_not_offsets_settle_nothing() {
        assert_eq!(settled_offsets(&op(0, "abc", "d")).count(), 0);
        assert_eq!(
            settled_offsets(&op(0, "3, 5", "d")).collect::<Vec<_>>(),
            [3, 5]
        );
    }
}
