//! The dashboard's memory: the samples the poller took (brokers' TPS, each
//! topic's offsets, each group's lag), the newest last, and the figures
//! computed from them: series for the charts, a topic's TPS from two
//! samples' offset deltas, the busiest topics and the groups furthest
//! behind. Pure: no clock, no I/O; the poller feeds it.

use std::collections::{BTreeMap, VecDeque};

use serde::Serialize;

/// Samples kept: half an hour at the default 5 s.
pub const KEEP: usize = 360;

/// One polling round.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sample {
    /// When the round started (ms since the epoch).
    pub at_ms: i64,
    /// How long the round took.
    pub took_ms: u64,
    pub brokers: Vec<BrokerPoint>,
    pub topics: BTreeMap<String, TopicPoint>,
    pub groups: BTreeMap<String, GroupPoint>,
    /// What did not answer this round.
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerPoint {
    pub cluster: String,
    pub broker_name: String,
    pub broker_id: i64,
    pub addr: String,
    pub put_tps: Option<f64>,
    pub get_tps: Option<f64>,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicPoint {
    /// Σ max offset over the topic's queues: its deltas are messages put.
    pub max_offsets: i64,
    /// Σ (max − min offset): messages held.
    pub messages: i64,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupPoint {
    /// Σ known lag; null when no queue's lag is known.
    pub lag: Option<i64>,
    pub consume_tps: f64,
    /// Online clients.
    pub clients: usize,
    /// Store time of the newest message consumed (ms), over its queues.
    pub last_consumed: Option<i64>,
}

/// A topic's traffic now.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TopicTraffic {
    pub topic: String,
    /// Messages put per second between the last two samples.
    pub put_tps: Option<f64>,
    pub messages: i64,
}

/// A group's backlog now.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct GroupBacklog {
    pub group: String,
    pub lag: i64,
    pub consume_tps: f64,
    pub clients: usize,
}

/// One point of a chart: time (ms) and value.
pub type Point = (i64, f64);

#[derive(Debug, Default)]
pub struct History {
    samples: VecDeque<Sample>,
}

impl History {
    pub fn push(&mut self, s: Sample) {
        if self.samples.len() == KEEP {
            self.samples.pop_front();
        }
        self.samples.push_back(s);
    }

    pub fn latest(&self) -> Option<&Sample> {
        self.samples.back()
    }

    pub fn len(&self) -> usize {
        self.samples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    /// Σ put TPS and Σ get TPS over the brokers, per sample.
    pub fn cluster_series(&self) -> (Vec<Point>, Vec<Point>) {
        let sum = |s: &Sample, f: fn(&BrokerPoint) -> Option<f64>| -> f64 {
            s.brokers.iter().filter_map(f).sum()
        };
        self.samples
            .iter()
            .map(|s| {
                (
                    (s.at_ms, sum(s, |b| b.put_tps)),
                    (s.at_ms, sum(s, |b| b.get_tps)),
                )
            })
            .unzip()
    }

    /// Each broker's put TPS per sample, by "brokerName/brokerId".
    pub fn broker_series(&self) -> BTreeMap<String, Vec<Point>> {
        let mut out: BTreeMap<String, Vec<Point>> = BTreeMap::new();
        for s in &self.samples {
            for b in &s.brokers {
                if let Some(v) = b.put_tps {
                    out.entry(format!("{}/{}", b.broker_name, b.broker_id))
                        .or_default()
                        .push((s.at_ms, v));
                }
            }
        }
        out
    }

    /// `topic`'s put TPS between each pair of samples that both saw it.
    pub fn topic_series(&self, topic: &str) -> Vec<Point> {
        self.samples
            .iter()
            .zip(self.samples.iter().skip(1))
            .filter_map(|(a, b)| Some((b.at_ms, rate(a, b, topic)?)))
            .collect()
    }

    /// `topic`'s put TPS between the last two samples.
    pub fn topic_tps(&self, topic: &str) -> Option<f64> {
        let n = self.samples.len();
        if n < 2 {
            return None;
        }
        rate(&self.samples[n - 2], &self.samples[n - 1], topic)
    }

    /// The `n` topics (those `keep` accepts) with the most traffic, then
    /// the most messages held.
    pub fn top_topics(&self, n: usize, keep: impl Fn(&str) -> bool) -> Vec<TopicTraffic> {
        let Some(last) = self.latest() else {
            return Vec::new();
        };
        let mut rows: Vec<TopicTraffic> = last
            .topics
            .iter()
            .filter(|(t, _)| keep(t))
            .map(|(t, p)| TopicTraffic {
                topic: t.clone(),
                put_tps: self.topic_tps(t),
                messages: p.messages,
            })
            .collect();
        rows.sort_by(|a, b| {
            b.put_tps
                .unwrap_or(0.0)
                .total_cmp(&a.put_tps.unwrap_or(0.0))
                .then(b.messages.cmp(&a.messages))
                .then(a.topic.cmp(&b.topic))
        });
        rows.truncate(n);
        rows
    }

    /// The `n` groups (those `keep` accepts) furthest behind, with a lag above 0.
    pub fn top_lag(&self, n: usize, keep: impl Fn(&str) -> bool) -> Vec<GroupBacklog> {
        let Some(last) = self.latest() else {
            return Vec::new();
        };
        let mut rows: Vec<GroupBacklog> = last
            .groups
            .iter()
            .filter(|(g, p)| keep(g) && p.lag.unwrap_or(0) > 0)
            .map(|(g, p)| GroupBacklog {
                group: g.clone(),
                lag: p.lag.unwrap_or(0),
                consume_tps: p.consume_tps,
                clients: p.clients,
            })
            .collect();
        rows.sort_by(|a, b| b.lag.cmp(&a.lag).then(a.group.cmp(&b.group)));
        rows.truncate(n);
        rows
    }
}

/// Messages per second put to `topic` from sample `a` to `b`; `None` when
/// either missed it, or its offsets went back (deleted and created anew).
fn rate(a: &Sample, b: &Sample, topic: &str) -> Option<f64> {
    let (pa, pb) = (a.topics.get(topic)?, b.topics.get(topic)?);
    let dt = b.at_ms - a.at_ms;
    let d = pb.max_offsets - pa.max_offsets;
    (dt > 0 && d >= 0).then(|| d as f64 * 1000.0 / dt as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(at_ms: i64, topics: &[(&str, i64)], lags: &[(&str, Option<i64>)]) -> Sample {
        Sample {
            at_ms,
            took_ms: 0,
            brokers: vec![BrokerPoint {
                cluster: "c".into(),
                broker_name: "broker-a".into(),
                broker_id: 0,
                addr: "a".into(),
                put_tps: Some(at_ms as f64 / 1000.0),
                get_tps: Some(1.0),
            }],
            topics: topics
                .iter()
                .map(|(t, m)| {
                    (
                        t.to_string(),
                        TopicPoint {
                            max_offsets: *m,
                            messages: *m,
                        },
                    )
                })
                .collect(),
            groups: lags
                .iter()
                .map(|(g, l)| {
                    (
                        g.to_string(),
                        GroupPoint {
                            lag: *l,
                            consume_tps: 0.0,
                            clients: 1,
                            last_consumed: None,
                        },
                    )
                })
                .collect(),
            errors: Vec::new(),
        }
    }

    #[test]
    fn topic_rates_come_from_offset_deltas() {
        let mut h = History::default();
        h.push(sample(1000, &[("a", 0), ("b", 100)], &[]));
        assert_eq!(h.topic_tps("a"), None);
        h.push(sample(3000, &[("a", 50), ("b", 10), ("c", 5)], &[]));
        assert_eq!(h.topic_tps("a"), Some(25.0));
        // b was recreated, c is new: no rate yet.
        assert_eq!(h.topic_tps("b"), None);
        assert_eq!(h.topic_tps("c"), None);
        assert_eq!(h.topic_series("a"), vec![(3000, 25.0)]);
        let top = h.top_topics(2, |_| true);
        assert_eq!(top[0].topic, "a");
        assert_eq!(top[1].topic, "b");
        assert_eq!(h.top_topics(5, |t| t != "a").len(), 2);
        let (put, get) = h.cluster_series();
        assert_eq!(put, vec![(1000, 1.0), (3000, 3.0)]);
        assert_eq!(get.len(), 2);
        assert_eq!(h.broker_series()["broker-a/0"].len(), 2);
    }

    #[test]
    fn lag_ranking_and_the_window() {
        let mut h = History::default();
        for i in 0..(KEEP as i64 + 5) {
            h.push(sample(
                i * 1000,
                &[],
                &[
                    ("g1", Some(5)),
                    ("g2", Some(50)),
                    ("g3", None),
                    ("g4", Some(0)),
                ],
            ));
        }
        assert_eq!(h.len(), KEEP);
        let top = h.top_lag(10, |_| true);
        let names: Vec<&str> = top.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(names, ["g2", "g1"]);
        assert_eq!(h.top_lag(1, |g| g != "g2")[0].group, "g1");
    }
}
