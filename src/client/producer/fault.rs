//! Latency fault tolerance, simplified: a broker that failed a send is
//! avoided for a while, so the next sends go to the others.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a broker that failed a send is avoided.
pub const ISOLATION: Duration = Duration::from_secs(30);

#[derive(Debug, Default)]
pub struct FaultTolerance {
    unavailable_until: Mutex<HashMap<String, Instant>>,
    /// The map's length, kept under its lock: while no broker has failed (nearly always),
    /// a send asks and reports without taking the lock.
    failed: AtomicUsize,
}

impl FaultTolerance {
    /// A send to `broker` failed at `now`.
    pub fn record_failure(&self, broker: &str, now: Instant) {
        let mut map = self.unavailable_until.lock().unwrap();
        map.insert(broker.to_string(), now + ISOLATION);
        self.failed.store(map.len(), Ordering::Release);
    }

    /// A send to `broker` succeeded: it is trusted again.
    pub fn record_success(&self, broker: &str) {
        if self.failed.load(Ordering::Acquire) == 0 {
            return;
        }
        let mut map = self.unavailable_until.lock().unwrap();
        map.remove(broker);
        self.failed.store(map.len(), Ordering::Release);
    }

    /// Whether `broker` is fine to use at `now`.
    pub fn is_available(&self, broker: &str, now: Instant) -> bool {
        if self.failed.load(Ordering::Acquire) == 0 {
            return true;
        }
        let map = self.unavailable_until.lock().unwrap();
        map.get(broker).is_none_or(|until| *until <= now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_brokers_are_avoided_for_a_while() {
        let f = FaultTolerance::default();
        let t0 = Instant::now();
        assert!(f.is_available("a", t0));
        f.record_failure("a", t0);
        assert!(!f.is_available("a", t0 + Duration::from_secs(1)));
        assert!(f.is_available("b", t0));
        assert!(f.is_available("a", t0 + ISOLATION));
        f.record_failure("a", t0);
        f.record_success("a");
        assert!(f.is_available("a", t0));
    }
}
