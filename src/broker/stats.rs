//! Broker counters for runtime info and `mq top`: messages and bytes put and
//! got, sampled every second into TPS figures.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

pub struct BrokerStats {
    pub put_msgs: AtomicU64,
    pub put_bytes: AtomicU64,
    pub get_msgs: AtomicU64,
    pub get_bytes: AtomicU64,
    /// Totals at each of the last 600 seconds, newest last.
    history: Mutex<VecDeque<(u64, u64)>>,
    pub boot_timestamp: AtomicU64,
}

impl Default for BrokerStats {
    fn default() -> Self {
        BrokerStats {
            put_msgs: AtomicU64::new(0),
            put_bytes: AtomicU64::new(0),
            get_msgs: AtomicU64::new(0),
            get_bytes: AtomicU64::new(0),
            history: Mutex::new(VecDeque::new()),
            boot_timestamp: AtomicU64::new(crate::util::now_millis().max(0) as u64),
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

    pub fn sample(&self) {
        let now = (
            self.put_msgs.load(Ordering::Relaxed),
            self.get_msgs.load(Ordering::Relaxed),
        );
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
