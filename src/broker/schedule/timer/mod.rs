//! Delivery at an arbitrary time (RocketMQ 5's timer): a send with TIMER_DELIVER_MS,
//! TIMER_DELAY_SEC, TIMER_DELAY_MS or `__STARTDELIVERTIME` (ali-ons, Aliyun) is stored
//! through the normal append in `rmq_sys_wheel_timer` queue 0 with REAL_TOPIC, REAL_QID and
//! TIMER_OUT_MS (`timer_reroute`), so it is as durable as any message and the commit log is
//! the source of truth; the timer service (`run`, one line in SERVICES) indexes the timer
//! topic's consume queue by due time and, when a slot is over, appends its messages to their
//! real topic and queue.
//!
//! The index is a time-bucketed log, not RocketMQ's timer wheel + timer log: one append-only
//! file per hour of delivery time with 24 bytes per message (`log`), read into memory and
//! ordered (a heap) only when its hour comes (`state`). An insert is one buffered append to a
//! file kept open (3 days are 72 files), nothing is scanned per tick, and memory holds the
//! current hour's messages only: 10 M pending spread over 3 days cost 240 MB of bucket files
//! and about 3 MB of memory at a time; 10 M due within one hour would take 240 MB while that
//! hour is delivered. With nothing due the service sleeps until the next slot ends, the next
//! bucket's hour starts or a new timer message is stored; it never polls.
//!
//! Restart: the checkpoint (consume queue offset enqueued, time delivered up to) is written
//! every second while it changes and at shutdown, after the bucket files it covers are
//! synced. A clean stop delivers nothing twice; after kill -9 the messages past the
//! checkpoint are indexed again from the consume queue (a message whose slot passed may be
//! delivered again, none is lost), and a slot that passed while the broker was down is
//! delivered at the first step after start.

pub mod log;
pub mod state;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use self::log::TimerLog;
use self::state::{Placement, TimerCheckpoint, TimerEntry, TimerState};
use crate::broker::Broker;
use crate::protocol::message::{decode_record_ref, properties_iter, property, push_property};
use crate::remoting::code::response;
use crate::store::message::find_properties;
use crate::store::{AppendMessage, GetMessageStatus, StoreError};

use super::remove_properties;
pub use crate::protocol::message::property as prop;
pub use crate::protocol::topic::TIMER_TOPIC;

/// Properties that ask for a delivery time.
const REQUEST_PROPS: [&str; 4] = [
    prop::TIMER_DELAY_SEC,
    prop::TIMER_DELAY_MS,
    prop::TIMER_DELIVER_MS,
    prop::START_DELIVER_TIME,
];

/// Properties a delivered message no longer carries.
const DELIVERED_WITHOUT: [&str; 7] = [
    property::REAL_TOPIC,
    property::REAL_QUEUE_ID,
    prop::TIMER_OUT_MS,
    prop::TIMER_DELIVER_MS,
    prop::TIMER_DELAY_SEC,
    prop::TIMER_DELAY_MS,
    prop::START_DELIVER_TIME,
];

/// How often the checkpoint is written while it changes (RocketMQ's timerFlushIntervalMs).
const FLUSH_INTERVAL_MS: i64 = 1000;
/// Consume queue entries read, and messages delivered, per store call.
const BATCH: usize = 512;

/// Whether properties ask for a delivery time (a batch may not: see `timer_reroute`).
pub fn has_timer_property(properties: &str) -> bool {
    may_have_timer_property(properties)
        && properties_iter(properties).any(|(k, _)| REQUEST_PROPS.contains(&k))
}

/// False when no timer property can be among `properties`: two substring searches, so that
/// the sends without one (nearly all) skip parsing. Every name in REQUEST_PROPS contains one
/// of the two.
fn may_have_timer_property(properties: &str) -> bool {
    properties.contains("TIMER_DEL") || properties.contains(prop::START_DELIVER_TIME)
}

/// Where a send goes instead (topic, queue, properties), or a refusal (code, remark).
pub(crate) type Reroute = Result<Option<(String, i32, String)>, (i32, String)>;

/// RocketMQ 5's HookUtils#handleScheduleMessage for the timer: where a message sent to
/// `topic`/`queue_id` with `properties` is stored. None: as sent (no timer property, a
/// delivery time not in the future, or a message the timer itself re-put). Some: the timer
/// topic, queue 0, the properties with TIMER_OUT_MS, REAL_TOPIC and REAL_QID added; or, for a
/// message with a delay level too, its own topic and queue with the timer properties dropped
/// (the level wins, as in RocketMQ 5). Err: the response code and remark of a refusal
/// (MESSAGE_ILLEGAL for a value that is not a number or beyond timerMaxDelaySec;
/// SYSTEM_ERROR when timerWheelEnable is off).
pub(crate) fn timer_reroute(
    b: &Broker,
    topic: &str,
    queue_id: i32,
    properties: &str,
    now_ms: i64,
) -> Reroute {
    reroute(&TimerConfig::of(b), topic, queue_id, properties, now_ms)
}

/// The broker settings the timer follows.
#[derive(Clone, Copy, Debug)]
struct TimerConfig {
    enable: bool,
    precision_ms: i64,
    max_delay_sec: i64,
}

impl TimerConfig {
    fn of(b: &Broker) -> TimerConfig {
        TimerConfig {
            enable: b.config.timer_wheel_enable,
            precision_ms: b.config.timer_precision_ms as i64,
            max_delay_sec: b.config.timer_max_delay_sec as i64,
        }
    }
}

fn reroute(c: &TimerConfig, topic: &str, queue_id: i32, properties: &str, now_ms: i64) -> Reroute {
    if topic == TIMER_TOPIC || !may_have_timer_property(properties) {
        return Ok(None);
    }
    let [
        delay_sec,
        delay_ms,
        deliver_ms,
        start_deliver,
        out_ms,
        del_uniq,
        level,
    ] = find_properties(
        properties,
        [
            prop::TIMER_DELAY_SEC,
            prop::TIMER_DELAY_MS,
            prop::TIMER_DELIVER_MS,
            prop::START_DELIVER_TIME,
            prop::TIMER_OUT_MS,
            prop::TIMER_DEL_UNIQKEY,
            property::DELAY,
        ],
    );
    if delay_sec.is_none() && delay_ms.is_none() && deliver_ms.is_none() && start_deliver.is_none()
    {
        return Ok(None);
    }
    if level
        .and_then(|l| l.parse::<i32>().ok())
        .is_some_and(|l| l > 0)
    {
        let kept = remove_properties(properties, &REQUEST_PROPS);
        return Ok(Some((topic.to_string(), queue_id, kept)));
    }
    if out_ms.is_some() {
        return Ok(None);
    }
    if !c.enable {
        return Err((
            response::SYSTEM_ERROR,
            "accurate timer message is not enabled, timerWheelEnable is false".into(),
        ));
    }
    let number = |name: &str, v: &str| {
        v.trim().parse::<i64>().map_err(|_| {
            (
                response::MESSAGE_ILLEGAL,
                format!("timer message illegal: {name} '{v}' is not a number"),
            )
        })
    };
    let overflow = |name: &str| {
        (
            response::MESSAGE_ILLEGAL,
            format!("timer message illegal: {name} is out of range"),
        )
    };
    let deliver = if let Some(v) = delay_sec {
        number(prop::TIMER_DELAY_SEC, v)?
            .checked_mul(1000)
            .and_then(|d| d.checked_add(now_ms))
            .ok_or_else(|| overflow(prop::TIMER_DELAY_SEC))?
    } else if let Some(v) = delay_ms {
        number(prop::TIMER_DELAY_MS, v)?
            .checked_add(now_ms)
            .ok_or_else(|| overflow(prop::TIMER_DELAY_MS))?
    } else if let Some(v) = deliver_ms {
        number(prop::TIMER_DELIVER_MS, v)?
    } else {
        number(prop::START_DELIVER_TIME, start_deliver.unwrap_or_default())?
    };
    if deliver <= now_ms {
        // Due already: stored as sent and delivered at once, as RocketMQ 5 does.
        if del_uniq.is_some() {
            return Err((
                response::MESSAGE_ILLEGAL,
                "timer message illegal: a timer delete message needs a delivery time in the future"
                    .into(),
            ));
        }
        return Ok(None);
    }
    let max_ms = c.max_delay_sec.saturating_mul(1000);
    if deliver - now_ms > max_ms {
        return Err((
            response::MESSAGE_ILLEGAL,
            format!(
                "timer message illegal, the delay time should not be bigger than the max delay {max_ms}ms \
                 (timerMaxDelaySec {}): asked for {} ms from now",
                c.max_delay_sec,
                deliver - now_ms
            ),
        ));
    }
    let slot = slot_of(deliver, c.precision_ms);
    let mut props = String::with_capacity(properties.len() + topic.len() + 64);
    props.push_str(properties);
    for (k, v) in [
        (prop::TIMER_OUT_MS, slot.to_string()),
        (property::REAL_TOPIC, topic.to_string()),
        (property::REAL_QUEUE_ID, queue_id.to_string()),
    ] {
        push_property(&mut props, k, &v);
    }
    Ok(Some((TIMER_TOPIC.to_string(), 0, props)))
}

/// The slot (TIMER_OUT_MS) of a delivery time: the precision slot that ends at or just after
/// it, named by its start, as RocketMQ 5 rounds; it is delivered once the slot is over, so
/// never before `deliver_ms` and at most one precision after.
pub fn slot_of(deliver_ms: i64, precision_ms: i64) -> i64 {
    if deliver_ms % precision_ms == 0 {
        deliver_ms - precision_ms
    } else {
        deliver_ms.div_euclid(precision_ms) * precision_ms
    }
}

/// What the timer service reports (GET_BROKER_RUNTIME_INFO), updated at each of its steps.
#[derive(Debug, Default)]
pub struct TimerMetrics {
    pending: AtomicU64,
    read_time_ms: AtomicI64,
    queue_offset: AtomicI64,
    /// Set once the service has opened its index and taken a first step: before, nothing
    /// above is known (a broker just started, a slave, or an index that cannot be opened).
    known: std::sync::atomic::AtomicBool,
}

impl TimerMetrics {
    /// Timer messages stored and not yet delivered.
    pub fn pending(&self) -> u64 {
        self.pending.load(Ordering::Relaxed)
    }

    fn publish(&self, s: &TimerState) {
        let ck = s.checkpoint();
        self.pending.store(s.pending(), Ordering::Relaxed);
        self.read_time_ms.store(ck.read_time_ms, Ordering::Relaxed);
        self.queue_offset.store(ck.queue_offset, Ordering::Relaxed);
        self.known.store(true, Ordering::Release);
    }
}

/// Timer messages of `b` stored and not yet delivered (as `timerPendingMessages`; 0 until the
/// service has taken its first step).
pub fn pending(b: &Broker) -> u64 {
    b.timer.pending()
}

/// The timer's GET_BROKER_RUNTIME_INFO entries: `timerPendingMessages` (mq's own), and
/// RocketMQ 5's `timerReadBehind` (seconds the delivery is behind the clock),
/// `timerOffsetBehind` (timer messages stored and not yet indexed) and `timerCongestNum`;
/// none until the service has taken its first step after a start (a count of 0 then would be
/// a guess).
pub(crate) fn runtime_info(b: &Broker, now_ms: i64) -> Vec<(&'static str, String)> {
    let m = &b.timer;
    if !m.known.load(Ordering::Acquire) {
        return Vec::new();
    }
    let pending = m.pending();
    let read = m.read_time_ms.load(Ordering::Relaxed);
    let read_behind = if read > 0 {
        (now_ms - read).max(0) / 1000
    } else {
        0
    };
    let offset_behind = (b.store.max_offset_in_queue(TIMER_TOPIC, 0)
        - m.queue_offset.load(Ordering::Relaxed))
    .max(0);
    vec![
        ("timerPendingMessages", pending.to_string()),
        ("timerReadBehind", read_behind.to_string()),
        ("timerOffsetBehind", offset_behind.to_string()),
        ("timerCongestNum", pending.to_string()),
    ]
}

/// The timer service: state, its files, and what it has not yet persisted.
struct Timer {
    state: TimerState,
    log: TimerLog,
    persisted: TimerCheckpoint,
    persisted_at: i64,
}

impl Timer {
    fn open(b: &Broker, now_ms: i64) -> Result<Timer, StoreError> {
        let precision = b.config.timer_precision_ms as i64;
        let (log, ck, buckets) = TimerLog::open(&b.store.config().store_path_root_dir)?;
        let ck = ck.unwrap_or(TimerCheckpoint {
            queue_offset: b.store.min_offset_in_queue(TIMER_TOPIC, 0),
            read_time_ms: now_ms.div_euclid(precision) * precision,
        });
        Ok(Timer {
            state: TimerState::new(precision, ck, buckets),
            log,
            persisted: ck,
            persisted_at: now_ms,
        })
    }

    /// Indexes what the timer topic's consume queue holds past the checkpoint, delivering at
    /// once what is already due, then delivers every slot over at `now_ms`.
    fn step(&mut self, b: &Broker, now_ms: i64) -> Result<(), StoreError> {
        loop {
            let from = self.state.checkpoint().queue_offset;
            let r = b.store.get_message(TIMER_TOPIC, 0, from, BATCH, usize::MAX);
            match r.status {
                GetMessageStatus::Found => {}
                GetMessageStatus::OffsetTooSmall if r.min_offset > from => {
                    // Cleaned up by retention before it was indexed: nothing left to read.
                    self.state.enqueued_through(r.min_offset);
                    continue;
                }
                _ => break,
            }
            if r.next_begin_offset <= from {
                break;
            }
            let mut overdue = Vec::new();
            for (rec, q) in r.messages.iter().zip(&r.queue_offsets) {
                let Some(e) = entry_of(rec, *q) else {
                    tracing::warn!("timer: queue offset {q} holds no timer message: skipped");
                    continue;
                };
                match self.state.enqueue(e) {
                    Placement::Overdue => overdue.push(e),
                    Placement::Bucket(hour) => self.log.append(hour, &e)?,
                }
            }
            deliver(b, &overdue)?;
            self.state.enqueued_through(r.next_begin_offset);
        }
        for hour in self.state.buckets_to_load(now_ms) {
            let entries = self.log.read_bucket(hour)?;
            self.state.load(hour, entries);
        }
        loop {
            let due = self.state.take_due(now_ms, BATCH);
            if due.is_empty() {
                break;
            }
            if let Err(e) = deliver(b, &due) {
                self.state.requeue(due);
                return Err(e);
            }
        }
        self.state.advance(now_ms);
        Ok(())
    }

    fn dirty(&self) -> bool {
        self.state.checkpoint() != self.persisted
    }

    fn persist(&mut self, now_ms: i64) -> Result<(), StoreError> {
        let ck = self.state.checkpoint();
        self.log
            .checkpoint(&ck, self.state.delivered_buckets_before())?;
        self.persisted = ck;
        self.persisted_at = now_ms;
        Ok(())
    }

    /// When the service has something to do without a new message.
    fn next_wake_ms(&self) -> Option<i64> {
        let flush = self
            .dirty()
            .then_some(self.persisted_at + FLUSH_INTERVAL_MS);
        match (self.state.next_wake_ms(), flush) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// The index entry of a record read from the timer topic's consume queue.
fn entry_of(rec: &[u8], queue_offset: i64) -> Option<TimerEntry> {
    let r = decode_record_ref(rec).ok()?;
    let [out] = find_properties(r.properties, [prop::TIMER_OUT_MS]);
    Some(TimerEntry {
        slot_ms: out?.parse().ok()?,
        queue_offset,
        phy_offset: r.physical_offset,
    })
}

/// Appends each entry's message to its real topic and queue, as the producer sent it but for
/// the timer's properties.
fn deliver(b: &Broker, entries: &[TimerEntry]) -> Result<(), StoreError> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut records = Vec::with_capacity(entries.len());
    for e in entries {
        match b.store.get_message_by_offset(e.phy_offset) {
            Some(rec) => records.push((e, rec)),
            None => tracing::warn!(
                "timer: no message at commit log offset {} (cleaned up?): skipped",
                e.phy_offset
            ),
        }
    }
    let mut props = Vec::with_capacity(records.len());
    let mut decoded = Vec::with_capacity(records.len());
    for (e, rec) in &records {
        let Ok(r) = decode_record_ref(rec) else {
            continue;
        };
        let [real_topic, real_qid, out] = find_properties(
            r.properties,
            [
                property::REAL_TOPIC,
                property::REAL_QUEUE_ID,
                prop::TIMER_OUT_MS,
            ],
        );
        let ours = r.topic == TIMER_TOPIC && out.and_then(|o| o.parse().ok()) == Some(e.slot_ms);
        let (Some(topic), Some(qid), true) =
            (real_topic, real_qid.and_then(|q| q.parse().ok()), ours)
        else {
            tracing::warn!(
                "timer: the message at commit log offset {} is not a timer message: skipped",
                e.phy_offset
            );
            continue;
        };
        props.push(remove_properties(r.properties, &DELIVERED_WITHOUT));
        decoded.push((r, topic, qid));
    }
    let msgs: Vec<AppendMessage> = decoded
        .iter()
        .zip(&props)
        .map(|((r, topic, qid), p)| AppendMessage::copy_of(r, topic, *qid, p, b.store_host))
        .collect();
    if msgs.is_empty() {
        return Ok(());
    }
    let mut appended = Vec::with_capacity(msgs.len());
    b.append_batch(&msgs, &mut appended)
}

/// The timer service's task: indexes new timer messages, delivers due slots, persists the
/// checkpoint; sleeps in between until something is due or a timer message is stored.
pub async fn run(b: Arc<Broker>, stop: CancellationToken) {
    if !b.config.is_master() {
        return;
    }
    let mut timer = match Timer::open(&b, crate::util::now_millis()) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!("timer: cannot open its index, timer messages stay undelivered: {e}");
            return;
        }
    };
    let signal = b.pull_hold.signal(TIMER_TOPIC, 0);
    loop {
        // Listen before reading, so that a message stored meanwhile still wakes the sleep.
        let arrived = signal.notified();
        tokio::pin!(arrived);
        arrived.as_mut().enable();
        let now = crate::util::now_millis();
        let mut retry = None;
        if let Err(e) = timer.step(&b, now) {
            tracing::warn!("timer: {e}; retrying in a second");
            retry = Some(now + 1000);
        }
        if timer.dirty()
            && now >= timer.persisted_at + FLUSH_INTERVAL_MS
            && let Err(e) = timer.persist(now)
        {
            tracing::warn!("timer: cannot write its checkpoint: {e}");
        }
        b.timer.publish(&timer.state);
        let wake = match (timer.next_wake_ms(), retry) {
            (Some(a), Some(r)) => Some(a.min(r)),
            (a, r) => a.or(r),
        };
        let sleep = async {
            match wake {
                Some(at) => {
                    let ms = (at - crate::util::now_millis()).max(0) as u64;
                    tokio::time::sleep(Duration::from_millis(ms)).await
                }
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = stop.cancelled() => break,
            _ = &mut arrived => {}
            _ = sleep => {}
        }
    }
    if let Err(e) = timer.persist(crate::util::now_millis()) {
        tracing::error!("timer: cannot write its checkpoint at shutdown: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000_500;
    const C: TimerConfig = TimerConfig {
        enable: true,
        precision_ms: 1000,
        max_delay_sec: 259_200,
    };

    #[test]
    fn the_quick_check_lets_every_timer_property_through() {
        for name in REQUEST_PROPS {
            let props = format!("KEYS\u{1}k\u{2}{name}\u{1}1");
            assert!(has_timer_property(&props), "{name}");
        }
        assert!(!has_timer_property("KEYS\u{1}k\u{2}TAGS\u{1}TIMER"));
    }

    fn props(pairs: &[(&str, &str)]) -> String {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}\u{1}{v}"))
            .collect::<Vec<_>>()
            .join("\u{2}")
    }

    fn get<'a>(p: &'a str, k: &str) -> Option<&'a str> {
        properties_iter(p).find(|(n, _)| *n == k).map(|(_, v)| v)
    }

    #[test]
    fn each_timer_property_reroutes_to_the_timer_topic() {
        for (k, v, slot) in [
            (prop::TIMER_DELAY_SEC, "3", NOW - 500 + 3000),
            (prop::TIMER_DELAY_MS, "2500", NOW - 500 + 2000),
            (prop::TIMER_DELIVER_MS, "1800000010000", 1_800_000_009_000),
            (prop::START_DELIVER_TIME, "1800000010001", 1_800_000_010_000),
        ] {
            let p = props(&[("TAGS", "a"), (k, v), ("UNIQ_KEY", "U")]);
            let (t, q, out) = reroute(&C, "T", 3, &p, NOW).unwrap().unwrap();
            assert_eq!((t.as_str(), q), (TIMER_TOPIC, 0), "{k}");
            assert_eq!(
                get(&out, prop::TIMER_OUT_MS),
                Some(slot.to_string().as_str()),
                "{k}"
            );
            assert_eq!(get(&out, "REAL_TOPIC"), Some("T"));
            assert_eq!(get(&out, "REAL_QID"), Some("3"));
            assert_eq!(get(&out, "UNIQ_KEY"), Some("U"));
        }
    }

    #[test]
    fn refusals_and_what_is_stored_as_sent() {
        let r = |pairs: &[(&str, &str)]| reroute(&C, "T", 0, &props(pairs), NOW);
        assert_eq!(r(&[("TAGS", "a")]), Ok(None));
        let e = r(&[(prop::TIMER_DELIVER_MS, "soon")]).unwrap_err();
        assert_eq!(e.0, response::MESSAGE_ILLEGAL);
        assert!(e.1.contains("not a number"), "{}", e.1);
        let e = r(&[(prop::TIMER_DELAY_SEC, "259201")]).unwrap_err();
        assert_eq!(e.0, response::MESSAGE_ILLEGAL);
        assert!(e.1.contains("max delay"), "{}", e.1);
        assert!(r(&[(prop::TIMER_DELAY_SEC, "259200")]).unwrap().is_some());
        let e = r(&[(prop::TIMER_DELAY_SEC, &i64::MAX.to_string())]).unwrap_err();
        assert_eq!(e.0, response::MESSAGE_ILLEGAL);
        // In the past or now: stored as sent, delivered at once.
        assert_eq!(r(&[(prop::TIMER_DELIVER_MS, "1000")]), Ok(None));
        assert_eq!(r(&[(prop::TIMER_DELIVER_MS, &NOW.to_string())]), Ok(None));
        // A delay level wins over the timer properties, which are dropped (RocketMQ 5).
        let (t, q, p) = r(&[("DELAY", "2"), (prop::TIMER_DELAY_SEC, "9")])
            .unwrap()
            .unwrap();
        assert_eq!((t.as_str(), q, p.as_str()), ("T", 0, "DELAY\u{1}2"));
        // Already the timer's: not again.
        assert_eq!(
            reroute(
                &C,
                TIMER_TOPIC,
                0,
                &props(&[(prop::TIMER_DELAY_SEC, "9")]),
                NOW
            ),
            Ok(None)
        );
        let off = TimerConfig { enable: false, ..C };
        let e = reroute(&off, "T", 0, &props(&[(prop::TIMER_DELAY_SEC, "9")]), NOW).unwrap_err();
        assert_eq!(e.0, response::SYSTEM_ERROR);
        assert!(has_timer_property(&props(&[(
            prop::START_DELIVER_TIME,
            "1"
        )])));
        assert!(!has_timer_property(&props(&[("TAGS", "1")])));
    }

    #[test]
    fn slots_round_as_rocketmq_and_are_never_early() {
        assert_eq!(slot_of(10_000, 1000), 9_000);
        assert_eq!(slot_of(10_001, 1000), 10_000);
        assert_eq!(slot_of(10_999, 1000), 10_000);
        assert_eq!(slot_of(10_250, 500), 10_000);
        for d in 9_001..=11_000 {
            let s = slot_of(d, 1000);
            assert!(s + 1000 >= d && s + 1000 < d + 1000, "{d}");
        }
    }
}
