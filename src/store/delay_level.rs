//! The delay level table (MessageStoreConfig.messageDelayLevel) and the one rule the store
//! applies with it: the consume queue tags code of a SCHEDULE_TOPIC_XXXX entry is its deliver
//! time, the store timestamp plus its level's delay. Append and recovery's re-dispatch both
//! compute it here, so a rebuilt consume queue holds the same deliver times.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::message::tags_code;
use crate::protocol::topic::SCHEDULE_TOPIC;

/// RocketMQ's default `messageDelayLevel`.
pub const DEFAULT_MESSAGE_DELAY_LEVEL: &str =
    "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

/// The delays of levels 1..=max, parsed from a `messageDelayLevel` string such as
/// `1s 5s 10s 30s 1m 2m ... 2h` (units s, m, h, d).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DelayLevels {
    text: String,
    delays_ms: Vec<i64>,
}

impl DelayLevels {
    /// Parses a level table; the error says which entry is wrong and why.
    pub fn parse(text: &str) -> Result<DelayLevels, String> {
        let mut delays_ms = Vec::new();
        for (i, entry) in text.split_whitespace().enumerate() {
            let bad = |why: &str| format!("level {} ('{entry}'): {why}", i + 1);
            let split = entry.len() - entry.chars().last().map_or(0, char::len_utf8);
            let (num, unit) = entry.split_at(split);
            let unit_ms: i64 = match unit {
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                "d" => 86_400_000,
                _ => return Err(bad("the unit must be s, m, h or d")),
            };
            let n: i64 = num
                .parse()
                .map_err(|_| bad("expected a whole number before the unit"))?;
            if n <= 0 {
                return Err(bad("the delay must be positive"));
            }
            let ms = n
                .checked_mul(unit_ms)
                .ok_or_else(|| bad("the delay is too long"))?;
            delays_ms.push(ms);
        }
        if delays_ms.is_empty() {
            return Err("no delay levels: expected e.g. '1s 5s 10s 30s 1m'".into());
        }
        Ok(DelayLevels {
            text: text.to_string(),
            delays_ms,
        })
    }

    /// The highest level (levels are 1..=max).
    pub fn max_level(&self) -> i32 {
        self.delays_ms.len() as i32
    }

    /// The delay of a level in ms; None outside 1..=max.
    pub fn delay_ms(&self, level: i32) -> Option<i64> {
        let i = usize::try_from(level).ok()?.checked_sub(1)?;
        self.delays_ms.get(i).copied()
    }

    /// When a message of `level` stored at `store_timestamp` is due (RocketMQ's
    /// computeDeliverTimestamp: one second for a level without a delay).
    pub fn deliver_timestamp(&self, level: i32, store_timestamp: i64) -> i64 {
        store_timestamp + self.delay_ms(level).unwrap_or(1_000)
    }

    /// The consume queue tags code of a message: for a SCHEDULE_TOPIC_XXXX record with a
    /// positive DELAY (clamped to the max level), its deliver time; otherwise the hash of its
    /// TAGS. A DELAY that is not a number keeps the TAGS code (RocketMQ would fail the append;
    /// the broker refuses such sends before they get here).
    pub fn cq_tags_code(
        &self,
        topic: &str,
        tags: Option<&str>,
        delay: Option<&str>,
        store_timestamp: i64,
    ) -> i64 {
        match self.schedule_delay_ms(topic, delay) {
            Some(d) => store_timestamp + d,
            None => tags_code(tags),
        }
    }

    /// The delay a record of `topic` with this DELAY property gets, when its tags code is a
    /// deliver time (only in SCHEDULE_TOPIC_XXXX).
    pub fn schedule_delay_ms(&self, topic: &str, delay: Option<&str>) -> Option<i64> {
        if topic != SCHEDULE_TOPIC {
            return None;
        }
        let level: i32 = delay?.parse().ok()?;
        if level <= 0 {
            return None;
        }
        Some(self.delay_ms(level.min(self.max_level())).unwrap_or(1_000))
    }
}

impl Default for DelayLevels {
    fn default() -> Self {
        DelayLevels::parse(DEFAULT_MESSAGE_DELAY_LEVEL).expect("the default level table parses")
    }
}

impl TryFrom<String> for DelayLevels {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        DelayLevels::parse(&s)
    }
}

impl From<DelayLevels> for String {
    fn from(d: DelayLevels) -> String {
        d.text
    }
}

impl fmt::Debug for DelayLevels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.text)
    }
}

impl fmt::Display for DelayLevels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_table_is_rocketmqs() {
        let d = DelayLevels::default();
        assert_eq!(d.max_level(), 18);
        assert_eq!(d.delay_ms(1), Some(1_000));
        assert_eq!(d.delay_ms(2), Some(5_000));
        assert_eq!(d.delay_ms(5), Some(60_000));
        assert_eq!(d.delay_ms(18), Some(7_200_000));
        assert_eq!(d.delay_ms(0), None);
        assert_eq!(d.delay_ms(19), None);
        assert_eq!(
            DelayLevels::parse("2d").unwrap().delay_ms(1),
            Some(172_800_000)
        );
    }

    #[test]
    fn bad_tables_say_which_level_and_why() {
        for (text, says) in [
            ("1s 5x", "level 2 ('5x'): the unit"),
            ("1s s", "level 2 ('s'): expected a whole number"),
            ("0s", "must be positive"),
            ("-1s", "must be positive"),
            ("", "no delay levels"),
            ("1s 99999999999999999d", "too long"),
            ("1s é", "level 2"),
        ] {
            let e = DelayLevels::parse(text).unwrap_err();
            assert!(e.contains(says), "{text:?}: {e}");
        }
    }

    #[test]
    fn the_tags_code_of_a_delayed_entry_is_its_deliver_time() {
        let d = DelayLevels::parse("1s 5s 10s").unwrap();
        let code = |topic, delay| d.cq_tags_code(topic, Some("TagA"), delay, 1_000_000);
        assert_eq!(code(SCHEDULE_TOPIC, Some("2")), 1_005_000);
        // Above the max: the max level's delay.
        assert_eq!(code(SCHEDULE_TOPIC, Some("7")), 1_010_000);
        // Not a delayed entry: the tags hash.
        let tags = tags_code(Some("TagA"));
        assert_eq!(code(SCHEDULE_TOPIC, Some("0")), tags);
        assert_eq!(code(SCHEDULE_TOPIC, Some("x")), tags);
        assert_eq!(code(SCHEDULE_TOPIC, None), tags);
        assert_eq!(code("TopicTest", Some("2")), tags);
    }

    #[test]
    fn append_and_recovery_give_a_delayed_entry_the_same_deliver_time() {
        use crate::store::{AppendMessage, MessageStore, StoreConfig};
        let dir = tempfile::tempdir().unwrap();
        let mut config = StoreConfig::new(dir.path());
        config.mapped_file_size_commit_log = 1 << 20;
        config.mapped_file_size_consume_queue = 20 * 1024;
        config.message_delay_level = DelayLevels::parse("1s 5s 10s").unwrap();
        let entries = |store: &MessageStore| {
            let mut v = Vec::new();
            store.for_each_cq_entry(SCHEDULE_TOPIC, 1, 0, |_, e| {
                v.push(e.tags_code);
                true
            });
            v
        };
        let before = {
            let store = MessageStore::open(config.clone()).unwrap();
            for delay in ["2", "9"] {
                let props = format!("TAGS\u{1}t\u{2}DELAY\u{1}{delay}\u{2}REAL_TOPIC\u{1}T");
                let a = store
                    .append(&AppendMessage {
                        topic: SCHEDULE_TOPIC,
                        queue_id: 1,
                        flag: 0,
                        body: b"b",
                        properties: &props,
                        sys_flag: 0,
                        born_timestamp: 1,
                        born_host: "127.0.0.1:1".parse().unwrap(),
                        store_host: "127.0.0.1:2".parse().unwrap(),
                        reconsume_times: 0,
                        prepared_transaction_offset: 0,
                    })
                    .unwrap();
                let stored = store.look_message_by_offset(a.physical_offset).unwrap();
                let want = if delay == "2" { 5_000 } else { 10_000 };
                assert_eq!(
                    entries(&store).last().copied(),
                    Some(stored.store_timestamp + want)
                );
            }
            let v = entries(&store);
            store.shutdown().unwrap();
            v
        };
        std::fs::remove_dir_all(dir.path().join("consumequeue")).unwrap();
        let store = MessageStore::open(config).unwrap();
        assert_eq!(entries(&store), before, "re-dispatched from the commit log");
    }
}
