//! Broker counters for runtime info and `mq top`: messages and bytes put and
//! got, sampled every second into TPS figures; and RocketMQ's stats items
//! (BrokerStatsManager's TOPIC_PUT_NUMS, GROUP_GET_NUMS, ... by topic or
//! `topic@group`) with their last-minute, last-hour and last-day figures, which
//! VIEW_BROKER_STATS_DATA serves to mqadmin statsAll and the dashboard.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

pub struct BrokerStats {
    pub put_msgs: AtomicU64,
    pub put_bytes: AtomicU64,
    pub get_msgs: AtomicU64,
    pub get_bytes: AtomicU64,
    /// Totals at each of the last 600 seconds, newest last.
    history: Mutex<VecDeque<(u64, u64)>>,
    pub boot_timestamp: AtomicU64,
    /// Messages pulled per consumer group, for its consume TPS.
    groups: RwLock<HashMap<String, GroupCounter>>,
    /// (put, get) totals at the start of today and of yesterday.
    days: Mutex<DayMarks>,
    /// RocketMQ's stats items by stats name and key.
    pub items: StatsTable,
    /// BROKER_PUT_NUMS and BROKER_GET_NUMS: samples of `put_msgs` and `get_msgs`, which are
    /// those items' values (counted once, not again under a key).
    broker_put_samples: Samples,
    broker_get_samples: Samples,
}

/// Totals when the local day began, as RocketMQ's msg*TotalTodayMorning and
/// msg*TotalYesterdayMorning (0 for days that began before the broker).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DayMarks {
    pub day: i64,
    pub today_morning: (u64, u64),
    pub yesterday_morning: (u64, u64),
}

/// One group's pulled-message total and its value at each of the last 60 samples.
#[derive(Default)]
struct GroupCounter {
    total: AtomicU64,
    history: Mutex<VecDeque<u64>>,
}

/// Consume TPS is the rate over this many one-second samples, as RocketMQ's
/// per-minute GROUP_GET_NUMS statistic.
const GROUP_TPS_WINDOW: usize = 60;

impl Default for BrokerStats {
    fn default() -> Self {
        BrokerStats {
            put_msgs: AtomicU64::new(0),
            put_bytes: AtomicU64::new(0),
            get_msgs: AtomicU64::new(0),
            get_bytes: AtomicU64::new(0),
            history: Mutex::new(VecDeque::new()),
            boot_timestamp: AtomicU64::new(crate::util::now_millis().max(0) as u64),
            groups: RwLock::new(HashMap::new()),
            days: Mutex::new(DayMarks {
                day: crate::util::local_day(crate::util::now_millis()),
                ..Default::default()
            }),
            items: StatsTable::default(),
            broker_put_samples: Samples::new(crate::util::now_millis()),
            broker_get_samples: Samples::new(crate::util::now_millis()),
        }
    }
}

impl BrokerStats {
    /// RocketMQ's TPS text for runtime info: the rate over the last 10 s,
    /// 60 s and 600 s, space-separated (`putTps`, `getTransferedTps`).
    pub fn tps_text(&self, put: bool) -> String {
        [10, 60, 600]
            .iter()
            .map(|&secs| {
                let (p, g) = self.tps(secs);
                format!("{:.2}", if put { p } else { g })
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn on_put(&self, msgs: u64, bytes: u64) {
        self.put_msgs.fetch_add(msgs, Ordering::Relaxed);
        self.put_bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn on_get(&self, msgs: u64, bytes: u64) {
        self.get_msgs.fetch_add(msgs, Ordering::Relaxed);
        self.get_bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Counts messages stored in `topic` (one put call of `msgs` messages), as
    /// RocketMQ's incTopicPutNums/incTopicPutSize/incBrokerPutNums.
    /// One lookup for the topic's count and size, none for the broker-wide item.
    pub fn on_topic_put(&self, topic: &str, msgs: u64, bytes: u64) {
        self.on_put(msgs, bytes);
        self.items
            .topic_put
            .with(topic, crate::util::now_millis, |i| i.add(msgs, bytes));
    }

    /// Counts messages `group` pulled from `topic`: the broker's get totals, the group's
    /// consume TPS and RocketMQ's GROUP_GET_NUMS/GROUP_GET_SIZE/BROKER_GET_NUMS items.
    pub fn on_topic_get(&self, group: &str, topic: &str, msgs: u64, bytes: u64) {
        self.on_get(msgs, bytes);
        self.on_group_get(group, msgs);
        self.items
            .group_get
            .with(topic, group, crate::util::now_millis, |i| {
                i.add(msgs, bytes)
            });
    }

    /// Counts a message `group` sent back for reconsumption (SNDBCK_PUT_NUMS).
    pub fn on_send_back(&self, group: &str, topic: &str) {
        self.items
            .sndbck_put_nums
            .with(topic, group, crate::util::now_millis, |i| i.add(1, 1));
    }

    /// The stats item RocketMQ names `stats_name` (TOPIC_PUT_NUMS, ...) for `key` (a topic,
    /// `topic@group`, or `BROKER_KEY` for the broker-wide items); None for an item never
    /// counted or a name this broker does not keep.
    pub fn item(&self, stats_name: &str, key: &str) -> Option<StatsItemRef<'_>> {
        let t = &self.items;
        let by_group = |set: &GroupItemSet<CountAndSize>| {
            let (topic, group) = key.split_once('@')?;
            set.get(topic, group)
        };
        Some(match stats_name {
            "TOPIC_PUT_NUMS" => StatsItemRef::Nums(t.topic_put.get(key)?),
            "TOPIC_PUT_SIZE" => StatsItemRef::Size(t.topic_put.get(key)?),
            "GROUP_GET_NUMS" => StatsItemRef::Nums(by_group(&t.group_get)?),
            "GROUP_GET_SIZE" => StatsItemRef::Size(by_group(&t.group_get)?),
            "SNDBCK_PUT_NUMS" => {
                let (topic, group) = key.split_once('@')?;
                StatsItemRef::One(t.sndbck_put_nums.get(topic, group)?)
            }
            "BROKER_PUT_NUMS" | "BROKER_GET_NUMS" if key == BROKER_KEY => {
                let (total, samples) = if stats_name == "BROKER_PUT_NUMS" {
                    (&self.put_msgs, &self.broker_put_samples)
                } else {
                    (&self.get_msgs, &self.broker_get_samples)
                };
                // As RocketMQ's, made by the first message counted.
                if total.load(Ordering::Relaxed) == 0 {
                    return None;
                }
                StatsItemRef::Total(total, samples)
            }
            _ => return None,
        })
    }

    /// Counts messages a group pulled. One read lock per pull, not per message.
    pub fn on_group_get(&self, group: &str, msgs: u64) {
        if let Some(c) = self.groups.read().unwrap().get(group) {
            c.total.fetch_add(msgs, Ordering::Relaxed);
            return;
        }
        self.groups
            .write()
            .unwrap()
            .entry(group.to_string())
            .or_default()
            .total
            .fetch_add(msgs, Ordering::Relaxed);
    }

    /// A group's consume TPS over the last minute (less right after it started).
    pub fn group_consume_tps(&self, group: &str) -> f64 {
        let groups = self.groups.read().unwrap();
        let Some(c) = groups.get(group) else {
            return 0.0;
        };
        let h = c.history.lock().unwrap();
        match (h.front(), h.back()) {
            (Some(old), Some(new)) if h.len() > 1 => (new - old) as f64 / (h.len() - 1) as f64,
            _ => 0.0,
        }
    }

    pub fn day_marks(&self) -> DayMarks {
        *self.days.lock().unwrap()
    }

    /// Moves the day marks when the local day has changed since the last call.
    fn roll_day(&self, day: i64, totals: (u64, u64)) {
        let mut d = self.days.lock().unwrap();
        if day != d.day {
            d.yesterday_morning = if day == d.day + 1 {
                d.today_morning
            } else {
                totals
            };
            d.today_morning = totals;
            d.day = day;
        }
    }

    pub fn sample(&self) {
        let now_ms = crate::util::now_millis();
        self.items.sample(now_ms);
        // The broker-wide items count values only, as RocketMQ's (avgpt 0).
        let total = |t: &AtomicU64| CallSnapshot {
            timestamp: now_ms,
            times: 0,
            value: t.load(Ordering::Relaxed),
        };
        self.broker_put_samples.take(total(&self.put_msgs));
        self.broker_get_samples.take(total(&self.get_msgs));
        for c in self.groups.read().unwrap().values() {
            let mut h = c.history.lock().unwrap();
            h.push_back(c.total.load(Ordering::Relaxed));
            while h.len() > GROUP_TPS_WINDOW + 1 {
                h.pop_front();
            }
        }
        let now = (
            self.put_msgs.load(Ordering::Relaxed),
            self.get_msgs.load(Ordering::Relaxed),
        );
        self.roll_day(crate::util::local_day(crate::util::now_millis()), now);
        let mut h = self.history.lock().unwrap();
        h.push_back(now);
        while h.len() > 601 {
            h.pop_front();
        }
    }

    /// (put TPS, get TPS) over the last `seconds`.
    pub fn tps(&self, seconds: usize) -> (f64, f64) {
        let h = self.history.lock().unwrap();
        if h.len() < 2 {
            return (0.0, 0.0);
        }
        let newest = h[h.len() - 1];
        let back = seconds.min(h.len() - 1);
        let oldest = h[h.len() - 1 - back];
        let secs = back as f64;
        (
            (newest.0 - oldest.0) as f64 / secs,
            (newest.1 - oldest.1) as f64 / secs,
        )
    }
}

/// The key of the broker-wide items (BROKER_PUT_NUMS, BROKER_GET_NUMS), which
/// RocketMQ keys by cluster name: VIEW_BROKER_STATS_DATA maps the name to this.
pub const BROKER_KEY: &str = "";

/// RocketMQ's key of a group's item on a topic.
pub fn group_key(topic: &str, group: &str) -> String {
    format!("{topic}@{group}")
}

/// The stats maps' hasher: keys are topic and group names, hashed on every send and pull.
type ItemHash = foldhash::fast::FixedState;

/// One sample of an item: when, how many calls, and their summed value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct CallSnapshot {
    timestamp: i64,
    times: u64,
    value: u64,
}

/// The three windows of an item, as RocketMQ's StatsItem: sampled every 10 s
/// (minute), 10 min (hour) and hour (day).
const WINDOWS: [Window; 3] = [
    Window {
        interval_ms: 10_000,
        kept: 6,
    },
    Window {
        interval_ms: 600_000,
        kept: 6,
    },
    Window {
        interval_ms: 3_600_000,
        kept: 24,
    },
];

struct Window {
    interval_ms: i64,
    /// Samples kept: the window reaches back `kept` intervals from the last sample.
    kept: usize,
}

/// One window's figures (RocketMQ's StatsSnapshot): the value added, the rate per
/// second and the average value per call.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StatsSnapshot {
    pub sum: u64,
    pub tps: f64,
    pub avgpt: f64,
    pub times: u64,
}

/// An item's samples for its three windows (RocketMQ's StatsItem's csListMinute, csListHour
/// and csListDay). Unlike Java, whose figures move only at each sample (so a fresh item reads
/// 0 for up to an hour in its day window), a window's figures run from its oldest sample to
/// the live value: the day window of an item younger than a day covers its whole life.
pub struct Samples(Mutex<[VecDeque<CallSnapshot>; 3]>);

impl Samples {
    fn new(now: i64) -> Self {
        let born = CallSnapshot {
            timestamp: now,
            times: 0,
            value: 0,
        };
        Samples(Mutex::new(std::array::from_fn(|_| VecDeque::from([born]))))
    }

    /// Takes each window's sample whose interval has passed.
    fn take(&self, live: CallSnapshot) {
        let mut samples = self.0.lock().unwrap();
        for (w, list) in WINDOWS.iter().zip(samples.iter_mut()) {
            let due = list
                .back()
                .is_none_or(|last| live.timestamp - last.timestamp >= w.interval_ms);
            if due {
                list.push_back(live);
                while list.len() > w.kept + 1 {
                    list.pop_front();
                }
            }
        }
    }

    /// The minute (0), hour (1) or day (2) window's figures up to `live`.
    fn snapshot(&self, window: usize, live: CallSnapshot) -> StatsSnapshot {
        let samples = self.0.lock().unwrap();
        let Some(first) = samples[window].front().copied() else {
            return StatsSnapshot::default();
        };
        let sum = live.value.saturating_sub(first.value);
        let times = live.times.saturating_sub(first.times);
        let elapsed = (live.timestamp - first.timestamp).max(1);
        StatsSnapshot {
            sum,
            tps: sum as f64 * 1000.0 / elapsed as f64,
            avgpt: if times > 0 {
                sum as f64 / times as f64
            } else {
                0.0
            },
            times,
        }
    }
}

/// RocketMQ's StatsItem: a value and a call count, with samples for the windows.
pub struct StatsItem {
    value: AtomicU64,
    times: AtomicU64,
    samples: Samples,
}

impl StatsItem {
    fn new(now: i64) -> Self {
        StatsItem {
            value: AtomicU64::new(0),
            times: AtomicU64::new(0),
            samples: Samples::new(now),
        }
    }

    fn add(&self, value: u64, times: u64) {
        self.value.fetch_add(value, Ordering::Relaxed);
        self.times.fetch_add(times, Ordering::Relaxed);
    }

    fn live(&self, now: i64) -> CallSnapshot {
        CallSnapshot {
            timestamp: now,
            times: self.times.load(Ordering::Relaxed),
            value: self.value.load(Ordering::Relaxed),
        }
    }

    /// The minute (0), hour (1) or day (2) window's figures at `now`.
    pub fn snapshot(&self, window: usize, now: i64) -> StatsSnapshot {
        self.samples.snapshot(window, self.live(now))
    }
}

/// What a stats map holds for a key: made at first use, sampled with the others.
pub trait Sampled {
    fn new(now: i64) -> Self;
    fn sample(&self, now: i64);
}

impl Sampled for StatsItem {
    fn new(now: i64) -> Self {
        StatsItem::new(now)
    }
    fn sample(&self, now: i64) {
        self.samples.take(self.live(now));
    }
}

/// A key's message count and size items together (RocketMQ's TOPIC_PUT_NUMS and
/// TOPIC_PUT_SIZE, GROUP_GET_NUMS and GROUP_GET_SIZE), found with one lookup.
pub struct CountAndSize {
    pub nums: StatsItem,
    pub size: StatsItem,
}

impl CountAndSize {
    /// One call of `msgs` messages of `bytes` bytes.
    fn add(&self, msgs: u64, bytes: u64) {
        self.nums.add(msgs, 1);
        self.size.add(bytes, 1);
    }
}

impl Sampled for CountAndSize {
    fn new(now: i64) -> Self {
        CountAndSize {
            nums: StatsItem::new(now),
            size: StatsItem::new(now),
        }
    }
    fn sample(&self, now: i64) {
        self.nums.sample(now);
        self.size.sample(now);
    }
}

/// One stats item found by `BrokerStats::item`.
pub enum StatsItemRef<'a> {
    Nums(Arc<CountAndSize>),
    Size(Arc<CountAndSize>),
    One(Arc<StatsItem>),
    /// A broker-wide item: a total the broker keeps anyway, and its samples.
    Total(&'a AtomicU64, &'a Samples),
}

impl StatsItemRef<'_> {
    /// The minute (0), hour (1) or day (2) window's figures at `now`.
    pub fn snapshot(&self, window: usize, now: i64) -> StatsSnapshot {
        match self {
            StatsItemRef::Nums(i) => i.nums.snapshot(window, now),
            StatsItemRef::Size(i) => i.size.snapshot(window, now),
            StatsItemRef::One(i) => i.snapshot(window, now),
            StatsItemRef::Total(total, samples) => samples.snapshot(
                window,
                CallSnapshot {
                    timestamp: now,
                    times: 0,
                    value: total.load(Ordering::Relaxed),
                },
            ),
        }
    }
}

/// RocketMQ's StatsItemSet: the items of one stats name, by key, made on first use.
pub struct StatsItemSet<T> {
    items: RwLock<HashMap<String, Arc<T>, ItemHash>>,
}

impl<T> Default for StatsItemSet<T> {
    fn default() -> Self {
        StatsItemSet {
            items: RwLock::default(),
        }
    }
}

impl<T: Sampled> StatsItemSet<T> {
    /// Calls `f` with `key`'s item; a read lock and no allocation once the item exists
    /// (`now` is asked only to date a new item).
    pub fn with(&self, key: &str, now: impl FnOnce() -> i64, f: impl FnOnce(&T)) {
        if let Some(item) = self.items.read().unwrap().get(key) {
            return f(item);
        }
        let mut items = self.items.write().unwrap();
        f(items
            .entry(key.to_string())
            .or_insert_with(|| Arc::new(T::new(now()))))
    }

    pub fn get(&self, key: &str) -> Option<Arc<T>> {
        self.items.read().unwrap().get(key).cloned()
    }

    fn sample(&self, now: i64) {
        let items: Vec<_> = self.items.read().unwrap().values().cloned().collect();
        for item in items {
            item.sample(now);
        }
    }
}

/// Items keyed by topic and group, RocketMQ's `topic@group`, found without making that key.
pub struct GroupItemSet<T> {
    by_topic: StatsItemSet<StatsItemSet<T>>,
}

impl<T> Default for GroupItemSet<T> {
    fn default() -> Self {
        GroupItemSet {
            by_topic: StatsItemSet::default(),
        }
    }
}

impl<T: Sampled> Sampled for StatsItemSet<T> {
    fn new(_now: i64) -> Self {
        StatsItemSet::default()
    }
    fn sample(&self, now: i64) {
        StatsItemSet::sample(self, now)
    }
}

impl<T: Sampled> GroupItemSet<T> {
    /// Calls `f` with the item of `group` on `topic` (see `StatsItemSet::with`).
    pub fn with(&self, topic: &str, group: &str, now: impl Fn() -> i64, f: impl FnOnce(&T)) {
        self.by_topic
            .with(topic, &now, |groups| groups.with(group, &now, f))
    }

    pub fn get(&self, topic: &str, group: &str) -> Option<Arc<T>> {
        self.by_topic.get(topic)?.get(group)
    }

    fn sample(&self, now: i64) {
        self.by_topic.sample(now)
    }
}

/// The stats items this broker keeps by key, under RocketMQ's stats names (see
/// `BrokerStats::item`).
#[derive(Default)]
pub struct StatsTable {
    /// TOPIC_PUT_NUMS and TOPIC_PUT_SIZE.
    pub topic_put: StatsItemSet<CountAndSize>,
    /// GROUP_GET_NUMS and GROUP_GET_SIZE.
    pub group_get: GroupItemSet<CountAndSize>,
    pub sndbck_put_nums: GroupItemSet<StatsItem>,
}

impl StatsTable {
    fn sample(&self, now: i64) {
        self.topic_put.sample(now);
        self.group_get.sample(now);
        self.sndbck_put_nums.sample(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_consume_tps_is_the_rate_between_samples() {
        let s = BrokerStats::default();
        assert_eq!(s.group_consume_tps("g"), 0.0);
        s.on_group_get("g", 10);
        s.sample();
        s.on_group_get("g", 30);
        s.on_group_get("other", 5);
        s.sample();
        s.on_group_get("g", 50);
        s.sample();
        // 90 pulled over three samples: 80 between the first and the last, 2 seconds apart.
        assert_eq!(s.group_consume_tps("g"), 40.0);
        assert_eq!(s.group_consume_tps("other"), 0.0);
    }

    #[test]
    fn stats_item_windows_follow_their_samples() {
        let set = StatsItemSet::<StatsItem>::default();
        let t0 = 1_000_000_000;
        set.with("T", || t0, |i| i.add(3, 1));
        set.with("T", || t0 + 1_000, |i| i.add(2, 1));
        let item = set.get("T").unwrap();
        // Younger than every window: each covers the item's whole life.
        for w in 0..3 {
            let s = item.snapshot(w, t0 + 5_000);
            assert_eq!((s.sum, s.times), (5, 2), "window {w}");
            assert_eq!(s.tps, 1.0);
            assert_eq!(s.avgpt, 2.5);
        }
        // Sampled every 10 s for two minutes with nothing added: the minute window
        // forgets the five, the hour and day windows keep them.
        for i in 1..=12 {
            set.sample(t0 + i * 10_000);
        }
        set.with("T", || t0 + 121_000, |i| i.add(7, 1));
        assert_eq!(item.snapshot(0, t0 + 125_000).sum, 7);
        assert_eq!(item.snapshot(1, t0 + 125_000).sum, 12);
        assert_eq!(item.snapshot(2, t0 + 125_000).sum, 12);
        // Two hours on, sampled hourly: the hour window lost everything, the day kept it.
        for i in 1..=12 {
            set.sample(t0 + 125_000 + i * 600_000);
        }
        let later = t0 + 125_000 + 12 * 600_000 + 1;
        assert_eq!(item.snapshot(1, later).sum, 0);
        assert_eq!(item.snapshot(2, later).sum, 12);
        assert!(set.get("other").is_none());
    }

    #[test]
    fn topic_and_group_counts_land_in_rocketmq_items() {
        let s = BrokerStats::default();
        assert!(
            s.item("BROKER_PUT_NUMS", BROKER_KEY).is_none(),
            "made by a put"
        );
        s.on_topic_put("T", 4, 400);
        s.on_topic_get("g", "T", 3, 300);
        s.on_send_back("g", "T");
        let now = crate::util::now_millis() + 1;
        let sum = |name: &str, key: &str| s.item(name, key).map(|i| i.snapshot(2, now).sum);
        let avgpt = |name: &str, key: &str| s.item(name, key).map(|i| i.snapshot(2, now).avgpt);
        assert_eq!(sum("TOPIC_PUT_NUMS", "T"), Some(4));
        assert_eq!(sum("TOPIC_PUT_SIZE", "T"), Some(400));
        assert_eq!(sum("GROUP_GET_NUMS", "T@g"), Some(3));
        assert_eq!(sum("GROUP_GET_SIZE", "T@g"), Some(300));
        assert_eq!(sum("SNDBCK_PUT_NUMS", "T@g"), Some(1));
        assert_eq!(sum("BROKER_PUT_NUMS", BROKER_KEY), Some(4));
        assert_eq!(sum("BROKER_GET_NUMS", BROKER_KEY), Some(3));
        assert_eq!(sum("BROKER_PUT_NUMS", "T"), None);
        assert_eq!(sum("QUEUE_PUT_NUMS", "T"), None);
        assert_eq!(sum("GROUP_GET_NUMS", "T@other"), None);
        assert_eq!(sum("GROUP_GET_NUMS", "T"), None);
        // Per call for keyed items; none for the broker-wide ones, as RocketMQ counts them.
        assert_eq!(avgpt("TOPIC_PUT_SIZE", "T"), Some(400.0));
        assert_eq!(avgpt("BROKER_PUT_NUMS", BROKER_KEY), Some(0.0));
        // Sampled from the totals: they stay right across samples.
        s.sample();
        s.on_topic_put("T", 1, 100);
        assert_eq!(sum("TOPIC_PUT_NUMS", "T"), Some(5));
        assert_eq!(sum("BROKER_PUT_NUMS", BROKER_KEY), Some(5));
        assert_eq!(s.put_msgs.load(Ordering::Relaxed), 5);
        assert_eq!(s.get_msgs.load(Ordering::Relaxed), 3);
    }

    #[test]
    fn day_marks_move_at_midnight() {
        let s = BrokerStats::default();
        let today = s.day_marks().day;
        s.roll_day(today, (5, 1));
        assert_eq!(s.day_marks().today_morning, (0, 0), "same day: no change");
        s.roll_day(today + 1, (10, 4));
        assert_eq!(s.day_marks().today_morning, (10, 4));
        assert_eq!(s.day_marks().yesterday_morning, (0, 0));
        s.roll_day(today + 2, (30, 9));
        assert_eq!(s.day_marks().yesterday_morning, (10, 4));
        assert_eq!(s.day_marks().today_morning, (30, 9));
    }
}
