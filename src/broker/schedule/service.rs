//! The schedule service: for each delay level, reads SCHEDULE_TOPIC_XXXX queue level−1 from
//! its delivered offset and re-puts every entry whose deliver time (its tags code) has come to
//! its real topic and queue, through `Broker::append`. Between passes it sleeps until the
//! earliest next deliver time of any level, woken sooner when a message due earlier is put:
//! nothing due means no work at all, and a due message is re-put within milliseconds.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use super::delay_offset::DelayOffsetStore;
use super::{DelayLevels, remove_properties};
use crate::broker::Broker;
use crate::protocol::message::{decode_record_ref, property};
use crate::protocol::topic::{SCHEDULE_TOPIC, TRANS_HALF_TOPIC};
use crate::store::message::find_properties;
use crate::store::{AppendMessage, MessageStore, StoreError};

/// Entries re-put per level in one pass before the others get their turn.
const PASS_BUDGET: usize = 4096;
/// How soon a level whose re-put failed (e.g. the disk is full) is tried again
/// (RocketMQ's DELAY_FOR_A_WHILE).
const RETRY_AFTER_MS: i64 = 100;

/// The schedule service's state shared with the append path.
pub struct ScheduleMessageService {
    pub(crate) offsets: DelayOffsetStore,
    /// The time the service will look at the queues again by (ms since the epoch):
    /// `i64::MAX` while it is scanning or when nothing waits. An append to the schedule topic
    /// due before it wakes the service.
    armed_until: AtomicI64,
    wake: Notify,
}

/// What one pass did and what comes next.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pass {
    /// Messages re-put to their real topic.
    pub delivered: usize,
    /// Entries passed over (message gone, real topic deleted, bad REAL_TOPIC/REAL_QID).
    pub skipped: usize,
    /// The commit log offset just past the last re-put (for `wait_durable`), 0 if none.
    pub end_offset: i64,
    /// The earliest deliver time still waiting, if any.
    pub next_due: Option<i64>,
    /// A level had more due entries than one pass takes: run another at once.
    pub more: bool,
}

impl ScheduleMessageService {
    /// Loads config/delayOffset.json and moves each level's offset into its queue's range
    /// (RocketMQ's correctDelayOffset), e.g. after the queue's files were cleaned up.
    pub fn load(store: &MessageStore) -> crate::store::Result<ScheduleMessageService> {
        let offsets = DelayOffsetStore::load(&store.config().store_path_root_dir)?;
        {
            let mut o = offsets.offsets.lock().unwrap_or_else(|e| e.into_inner());
            let levels: Vec<(i32, i64)> = o.levels().iter().map(|(l, v)| (*l, *v)).collect();
            for (level, offset) in levels {
                let (min, max) = (
                    store.min_offset_in_queue(SCHEDULE_TOPIC, level - 1),
                    store.max_offset_in_queue(SCHEDULE_TOPIC, level - 1),
                );
                let corrected = offset.clamp(min, max.max(min));
                if corrected != offset {
                    tracing::warn!(
                        "delay level {level}: delivered offset {offset} outside the queue \
                         [{min}, {max}]: corrected to {corrected}"
                    );
                    o.set(level, corrected);
                }
            }
        }
        Ok(ScheduleMessageService {
            offsets,
            armed_until: AtomicI64::new(i64::MAX),
            wake: Notify::new(),
        })
    }

    /// Called after a message was appended to the schedule topic with this DELAY: wakes the
    /// service if the message is due before the service would look again.
    pub(crate) fn on_put(&self, levels: &DelayLevels, delay: Option<&str>, now_ms: i64) {
        let Some(d) = levels.schedule_delay_ms(SCHEDULE_TOPIC, delay) else {
            return;
        };
        if now_ms + d < self.armed_until.load(Ordering::SeqCst) {
            self.wake.notify_one();
        }
    }

    /// RocketMQ's runtime info entries: `scheduleMessageOffset_<level>` =
    /// `<delivered offset>,<max offset>` for each level the service has an offset for.
    pub fn runtime_info(&self, store: &MessageStore) -> Vec<(String, String)> {
        let o = self
            .offsets
            .offsets
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        o.levels()
            .iter()
            .map(|(level, offset)| {
                let max = store.max_offset_in_queue(SCHEDULE_TOPIC, level - 1);
                (
                    format!("scheduleMessageOffset_{level}"),
                    format!("{offset},{max}"),
                )
            })
            .collect()
    }

    /// Every level's delivered offset, in delayOffset.json's shape.
    pub fn offset_table(&self) -> crate::store::config_file::DelayOffsetTable {
        self.offsets
            .offsets
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .table()
            .clone()
    }

    /// Writes delayOffset.json if an offset moved.
    pub fn persist(&self) {
        if let Err(e) = self.offsets.persist_if_dirty() {
            tracing::warn!("cannot persist {}: {e}", self.offsets.path().display());
        }
    }
}

/// RocketMQ's correctDeliverTimestamp: a deliver time further away than the level's delay
/// (the clock went back, or the table changed) is treated as due now.
fn corrected_deliver_time(now_ms: i64, deliver_ms: i64, delay_ms: i64) -> i64 {
    if deliver_ms > now_ms + delay_ms {
        now_ms
    } else {
        deliver_ms
    }
}

/// One pass over every level at `now_ms`: re-puts the due messages (at most `PASS_BUDGET`
/// per level) and advances the levels' delivered offsets past them.
pub fn deliver_due(b: &Broker, now_ms: i64) -> Pass {
    let levels = &b.store.config().message_delay_level;
    let mut pass = Pass::default();
    let mut due = Vec::with_capacity(64);
    for level in 1..=levels.max_level() {
        let queue_id = level - 1;
        let max = b.store.max_offset_in_queue(SCHEDULE_TOPIC, queue_id);
        let (known, from) = {
            let o = b
                .schedule
                .offsets
                .offsets
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            (o.contains(level), o.get(level))
        };
        if max == 0 || (known && from >= max) {
            continue;
        }
        let delay = levels.delay_ms(level).unwrap_or(1_000);
        due.clear();
        let mut next = from;
        let mut level_next_due = None;
        b.store
            .for_each_cq_entry(SCHEDULE_TOPIC, queue_id, from, |queue_offset, e| {
                if !e.is_valid() || e.is_blank() {
                    // A filler: passed over in its turn, after the entries before it.
                    due.push((queue_offset, None));
                    return due.len() < PASS_BUDGET;
                }
                let deliver = corrected_deliver_time(now_ms, e.tags_code, delay);
                if deliver > now_ms {
                    level_next_due = Some(deliver);
                    return false;
                }
                due.push((queue_offset, Some(e.commit_log_offset)));
                due.len() < PASS_BUDGET
            });
        if due.len() == PASS_BUDGET {
            pass.more = true;
        }
        for &(queue_offset, commit_log_offset) in &due {
            let Some(commit_log_offset) = commit_log_offset else {
                next = queue_offset + 1;
                continue;
            };
            match deliver_one(b, level, commit_log_offset) {
                Ok(Some(end)) => {
                    pass.delivered += 1;
                    pass.end_offset = pass.end_offset.max(end);
                }
                Ok(None) => pass.skipped += 1,
                Err(e) => {
                    tracing::warn!(
                        "delay level {level}: cannot re-put the message at queue offset \
                         {queue_offset}: {e}; trying again shortly"
                    );
                    level_next_due = Some(now_ms + RETRY_AFTER_MS);
                    pass.more = false;
                    break;
                }
            }
            next = queue_offset + 1;
        }
        b.schedule
            .offsets
            .offsets
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .set(level, next.max(from));
        if let Some(t) = level_next_due {
            pass.next_due = Some(pass.next_due.map_or(t, |n: i64| n.min(t)));
        }
    }
    pass
}

/// Re-puts the schedule topic's message at `commit_log_offset` to its real topic and queue
/// (RocketMQ's messageTimeUp): body, flag, sysflag, born host and time, reconsume times and
/// every property but DELAY, REAL_TOPIC and REAL_QID kept, so its tags code is its TAGS'
/// again and UNIQ_KEY (the producer's msgId) stays findable. Ok(None): passed over, logged.
fn deliver_one(b: &Broker, level: i32, commit_log_offset: i64) -> Result<Option<i64>, StoreError> {
    let Some(record) = b.store.get_message_by_offset(commit_log_offset) else {
        tracing::warn!(
            "delay level {level}: no message at commit log offset {commit_log_offset}: skipped"
        );
        return Ok(None);
    };
    let r = match decode_record_ref(&record) {
        Ok(r) => r,
        Err(e) => {
            tracing::error!("delay level {level}: unreadable message at {commit_log_offset}: {e}");
            return Ok(None);
        }
    };
    let [real_topic, real_qid] = find_properties(
        r.properties,
        [property::REAL_TOPIC, property::REAL_QUEUE_ID],
    );
    let (Some(topic), Some(queue_id)) = (real_topic, real_qid.and_then(|q| q.parse::<i32>().ok()))
    else {
        tracing::error!(
            "delay level {level}: the message at {commit_log_offset} has no valid REAL_TOPIC and \
             REAL_QID: discarded"
        );
        return Ok(None);
    };
    if topic == TRANS_HALF_TOPIC {
        tracing::error!(
            "delay level {level}: the real topic of the message at {commit_log_offset} is {topic}: discarded"
        );
        return Ok(None);
    }
    if !b.topics.contains(topic) {
        tracing::info!(
            "delay level {level}: topic {topic} of the message at {commit_log_offset} no longer \
             exists: skipped"
        );
        return Ok(None);
    }
    let properties = remove_properties(
        r.properties,
        &[
            property::DELAY,
            property::REAL_TOPIC,
            property::REAL_QUEUE_ID,
        ],
    );
    let a = b.append(&AppendMessage::copy_of(
        &r,
        topic,
        queue_id,
        &properties,
        b.store_host,
    ))?;
    Ok(Some(a.physical_offset + a.wrote_bytes as i64))
}

/// The service's task: passes whenever something is due, offsets persisted every
/// flushDelayOffsetInterval and when `stop` is cancelled.
pub async fn run(b: Arc<Broker>, stop: CancellationToken) {
    if !b.config.is_master() {
        // As in RocketMQ, only a master delivers; a slave keeps what it copied.
        return;
    }
    let s = &b.schedule;
    let persist_every = Duration::from_millis(b.store.config().flush_delay_offset_interval.max(1));
    let mut next_persist = tokio::time::Instant::now() + persist_every;
    loop {
        // Registered before the queues are read: an append after this wakes the wait below,
        // even one the pass does not see (armed_until is MAX while scanning).
        let woken = s.wake.notified();
        tokio::pin!(woken);
        woken.as_mut().enable();
        s.armed_until.store(i64::MAX, Ordering::SeqCst);
        let pass = deliver_due(&b, crate::util::now_millis());
        if pass.end_offset > 0
            && let Err(e) = b.wait_durable(pass.end_offset).await
        {
            tracing::warn!("schedule service: re-put messages not durable: {e}");
        }
        if tokio::time::Instant::now() >= next_persist {
            s.persist();
            next_persist = tokio::time::Instant::now() + persist_every;
        }
        if stop.is_cancelled() {
            break;
        }
        if pass.more {
            tokio::task::yield_now().await;
            continue;
        }
        let next_due = pass.next_due.unwrap_or(i64::MAX);
        s.armed_until.store(next_due, Ordering::SeqCst);
        let sleep_ms = next_due.saturating_sub(crate::util::now_millis()).max(0);
        let due_in =
            tokio::time::Instant::now() + Duration::from_millis(sleep_ms.min(86_400_000) as u64);
        tokio::select! {
            _ = stop.cancelled() => break,
            _ = &mut woken => {}
            _ = tokio::time::sleep_until(due_in.min(next_persist)) => {}
        }
    }
    s.persist();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::broker::config::{BrokerConfig, BrokerStartConfig};
    use crate::protocol::message::build_properties;
    use crate::store::{GetMessageStatus, StoreConfig};

    fn broker(dir: &std::path::Path) -> Arc<Broker> {
        let mut store = StoreConfig::new(dir);
        store.mapped_file_size_commit_log = 1 << 20;
        store.mapped_file_size_consume_queue = 20 * 1024;
        store.message_delay_level = DelayLevels::parse("1s 5s 10s").unwrap();
        let b = Broker::open(
            BrokerStartConfig {
                broker: BrokerConfig::default(),
                store,
            },
            None,
        )
        .unwrap();
        b.topics
            .update(crate::protocol::topic_config::TopicConfig::with_queues(
                "T", 4, 4, 6,
            ))
            .unwrap();
        b
    }

    fn put_delayed(b: &Broker, level: &str, key: &str) {
        let props = build_properties([("TAGS", "A"), ("KEYS", key), ("UNIQ_KEY", key)]);
        let props = format!("{props}\u{2}DELAY\u{1}{level}");
        let r = super::super::reroute(b, "T", 3, &props, 0)
            .unwrap()
            .unwrap();
        b.append(&AppendMessage {
            topic: &r.topic,
            queue_id: r.queue_id,
            flag: 7,
            body: key.as_bytes(),
            properties: &r.properties,
            sys_flag: 0,
            born_timestamp: 42,
            born_host: "127.0.0.1:4000".parse().unwrap(),
            store_host: b.store_host,
            reconsume_times: 2,
            prepared_transaction_offset: 0,
        })
        .unwrap();
    }

    fn real_queue(b: &Broker) -> Vec<crate::protocol::message::DecodedMessage> {
        let r = b.store.get_message("T", 3, 0, 100, usize::MAX);
        if r.status != GetMessageStatus::Found {
            return vec![];
        }
        r.messages
            .iter()
            .map(|m| crate::protocol::message::decode_message(m).unwrap())
            .collect()
    }

    #[test]
    fn due_messages_are_re_put_once_in_order_with_what_they_carried() {
        let dir = tempfile::tempdir().unwrap();
        let b = broker(dir.path());
        let t0 = crate::util::now_millis();
        put_delayed(&b, "1", "a");
        put_delayed(&b, "2", "b");
        put_delayed(&b, "1", "c");
        put_delayed(&b, "9", "d"); // clamped to level 3

        let pass = deliver_due(&b, t0 + 500);
        assert_eq!(pass.delivered, 0, "nothing due yet");
        let next = pass.next_due.unwrap();
        assert!((t0 + 1_000..t0 + 1_100).contains(&next), "{next} vs {t0}");

        let pass = deliver_due(&b, t0 + 1_200);
        assert_eq!(pass.delivered, 2);
        let got = real_queue(&b);
        let keys: Vec<_> = got.iter().map(|m| m.properties["KEYS"].as_str()).collect();
        assert_eq!(keys, ["a", "c"]);
        let m = &got[0];
        assert_eq!((m.flag, m.born_timestamp, m.reconsume_times), (7, 42, 2));
        assert_eq!(m.properties["UNIQ_KEY"], "a");
        assert_eq!(m.properties["TAGS"], "A");
        for gone in ["DELAY", "REAL_TOPIC", "REAL_QID"] {
            assert!(
                !m.properties.contains_key(gone),
                "{gone} in {:?}",
                m.properties
            );
        }
        assert_eq!(m.body, b"a");
        // The consume queue entry carries the TAGS code again, not a time.
        let mut codes = vec![];
        b.store.for_each_cq_entry("T", 3, 0, |_, e| {
            codes.push(e.tags_code);
            true
        });
        assert_eq!(codes[0], crate::protocol::message::tags_code(Some("A")));

        // Nothing twice; the rest when due.
        assert_eq!(deliver_due(&b, t0 + 1_300).delivered, 0);
        assert_eq!(deliver_due(&b, t0 + 20_000).delivered, 2);
        assert_eq!(real_queue(&b).len(), 4);
        let pass = deliver_due(&b, t0 + 30_000);
        assert_eq!((pass.delivered, pass.next_due), (0, None));
        let info: Vec<_> = b.schedule.runtime_info(&b.store);
        assert!(
            info.contains(&("scheduleMessageOffset_1".into(), "2,2".into())),
            "{info:?}"
        );
        assert!(
            info.contains(&("scheduleMessageOffset_3".into(), "1,1".into())),
            "{info:?}"
        );
    }

    #[test]
    fn a_deleted_real_topic_is_skipped_and_offsets_survive_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let t0;
        {
            let b = broker(dir.path());
            t0 = crate::util::now_millis();
            put_delayed(&b, "1", "a");
            put_delayed(&b, "1", "b");
            assert_eq!(deliver_due(&b, t0 + 1_500).delivered, 2);
            b.topics.delete("T").unwrap();
            put_delayed(&b, "1", "c");
            let pass = deliver_due(&b, t0 + 3_000);
            assert_eq!((pass.delivered, pass.skipped), (0, 1));
            b.schedule.persist();
            b.store.shutdown().unwrap();
        }
        let b = broker(dir.path());
        put_delayed(&b, "1", "d");
        assert_eq!(deliver_due(&b, t0 + 5_000).delivered, 1);
        let keys: Vec<_> = real_queue(&b)
            .iter()
            .map(|m| m.properties["KEYS"].clone())
            .collect();
        assert_eq!(keys, ["a", "b", "d"]);
    }

    #[test]
    fn a_deliver_time_beyond_the_levels_delay_is_due_now() {
        assert_eq!(corrected_deliver_time(1_000, 5_000, 1_000), 1_000);
        assert_eq!(corrected_deliver_time(1_000, 2_000, 1_000), 2_000);
        assert_eq!(corrected_deliver_time(1_000, 500, 1_000), 500);
    }
}
