//! The not-following rule that works against any RocketMQ broker: a slave whose byte lag has
//! not shrunk over the last `STALL_ROUNDS` rounds while its master's commit log grew (so its
//! own end stood still) is not following. Pure: the state feeds it one sample per slave per round; no clock.

use std::collections::{HashMap, VecDeque};

/// Rounds of history the rule looks at (at a 2 s interval, ten seconds).
pub const STALL_ROUNDS: usize = 5;

/// One round's view of a slave: its master's commitLogMaxOffset and its byte lag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LagSample {
    pub master_max: i64,
    pub lag_bytes: i64,
}

/// The last `STALL_ROUNDS` samples of each slave, by address.
#[derive(Debug, Default)]
pub struct FollowWatch {
    slaves: HashMap<String, VecDeque<LagSample>>,
}

impl FollowWatch {
    /// Takes this round's sample of the slave at `addr` (None: the round did not tell, which
    /// starts its history over) and says whether it is stalled.
    pub fn observe(&mut self, addr: &str, sample: Option<LagSample>) -> bool {
        let Some(sample) = sample else {
            self.slaves.remove(addr);
            return false;
        };
        let window = self.slaves.entry(addr.to_string()).or_default();
        if window.len() == STALL_ROUNDS {
            window.pop_front();
        }
        window.push_back(sample);
        stalled(window)
    }

    /// Forgets the slaves not in `present` (gone from the cluster).
    pub fn retain(&mut self, present: &[&str]) {
        self.slaves.retain(|a, _| present.contains(&a.as_str()));
    }
}

/// A full window in which the slave was behind at every round and its lag never shrank, as
/// the master's end moved on: the lag grew by all the master wrote, so nothing arrived. A
/// following slave's lag may hold or grow under load, but its own end moves.
fn stalled(window: &VecDeque<LagSample>) -> bool {
    if window.len() < STALL_ROUNDS {
        return false;
    }
    let slave_end = |s: &LagSample| s.master_max - s.lag_bytes;
    let (first, last) = (window[0], window[window.len() - 1]);
    window.iter().all(|s| s.lag_bytes > 0)
        && window
            .iter()
            .zip(window.iter().skip(1))
            .all(|(a, b)| b.lag_bytes >= a.lag_bytes && slave_end(b) <= slave_end(a))
        && last.master_max > first.master_max
}
