//! Broker counters for runtime info and `mq top`: messages and bytes put and
//! got, sampled every second into TPS figures.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, RwLock};

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
