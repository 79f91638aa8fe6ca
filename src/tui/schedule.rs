//! When the next polling round starts: the asked-for interval, backed off
//! when rounds take longer than it and eased back when they speed up.

use std::time::Duration;

/// The longest the collector waits between rounds, however slow they are.
pub const MAX_INTERVAL: Duration = Duration::from_secs(60);

/// The polling interval: `base` as asked, `current` after backoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub base: Duration,
    pub current: Duration,
}

impl Schedule {
    pub fn new(base: Duration) -> Self {
        let base = base.max(Duration::from_millis(100));
        Schedule {
            base,
            current: base,
        }
    }

    /// Takes a finished round's duration into account: a round longer than
    /// the interval doubles it (at least to 1.5× the round), one shorter than
    /// half of it halves it, never below `base` nor above `MAX_INTERVAL`.
    pub fn after_round(&mut self, took: Duration) {
        if took > self.current {
            self.current = (self.current * 2).max(took * 3 / 2).min(MAX_INTERVAL);
        } else if took < self.current / 2 {
            self.current = (self.current / 2).max(self.base);
        }
    }

    /// How long to wait after a round that took `took` (the interval runs
    /// from round start to round start).
    pub fn wait(&self, took: Duration) -> Duration {
        self.current.saturating_sub(took)
    }

    pub fn backed_off(&self) -> bool {
        self.current > self.base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Duration = Duration::from_secs(1);

    #[test]
    fn fast_rounds_keep_the_interval() {
        let mut s = Schedule::new(2 * S);
        s.after_round(Duration::from_millis(300));
        assert_eq!(s.current, 2 * S);
        assert!(!s.backed_off());
        assert_eq!(
            s.wait(Duration::from_millis(300)),
            Duration::from_millis(1700)
        );
    }

    #[test]
    fn slow_rounds_back_off_then_recover() {
        let mut s = Schedule::new(2 * S);
        s.after_round(3 * S);
        assert_eq!(s.current, 4500 * Duration::from_millis(1));
        assert!(s.backed_off());
        assert_eq!(s.wait(5 * S), Duration::ZERO);
        s.after_round(10 * S);
        assert_eq!(s.current, 15 * S);
        s.after_round(200 * S);
        assert_eq!(s.current, MAX_INTERVAL);
        for _ in 0..10 {
            s.after_round(Duration::from_millis(100));
        }
        assert_eq!(s.current, 2 * S);
        assert!(!s.backed_off());
    }
}
