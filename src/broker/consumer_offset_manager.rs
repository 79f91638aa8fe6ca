//! Committed consumer offsets (RocketMQ's ConsumerOffsetManager): by
//! `topic@group` and queue id, persisted to config/consumerOffset.json every
//! flushConsumerOffsetInterval and at shutdown.

use std::collections::{BTreeMap, HashMap};
use std::sync::RwLock;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::protocol::body::ConsumerOffsetSerializeWrapper;
use crate::store::config_file::{self, ConfigFile, ConsumerOffsetTable};

pub struct ConsumerOffsetManager {
    table: RwLock<HashMap<String, BTreeMap<i32, i64>>>,
    dirty: AtomicBool,
    file: ConfigFile,
}

fn key(topic: &str, group: &str) -> String {
    ConsumerOffsetTable::key(topic, group)
}

impl ConsumerOffsetManager {
    pub fn load(store_root: &std::path::Path) -> crate::store::Result<Self> {
        let path = config_file::config_path(store_root, "consumerOffset.json");
        let saved = ConsumerOffsetTable::load(&path)?;
        Ok(ConsumerOffsetManager {
            table: RwLock::new(saved.offset_table.into_iter().collect()),
            dirty: AtomicBool::new(false),
            file: ConfigFile::new(path),
        })
    }

    pub fn commit(&self, group: &str, topic: &str, queue_id: i32, offset: i64) {
        let k = key(topic, group);
        let mut t = self.table.write().unwrap();
        let queues = t.entry(k).or_default();
        if queues.insert(queue_id, offset) != Some(offset) {
            self.dirty.store(true, Ordering::Release);
        }
    }

    /// The committed offset, or -1 when the group never committed one.
    pub fn query(&self, group: &str, topic: &str, queue_id: i32) -> i64 {
        self.table
            .read()
            .unwrap()
            .get(&key(topic, group))
            .and_then(|q| q.get(&queue_id).copied())
            .unwrap_or(-1)
    }

    /// Every queue's offset of a group on a topic.
    pub fn offsets_of(&self, group: &str, topic: &str) -> BTreeMap<i32, i64> {
        self.table
            .read()
            .unwrap()
            .get(&key(topic, group))
            .cloned()
            .unwrap_or_default()
    }

    /// Topics a group has committed offsets for.
    pub fn topics_of_group(&self, group: &str) -> Vec<String> {
        let suffix = format!("@{group}");
        self.table
            .read()
            .unwrap()
            .keys()
            .filter_map(|k| k.strip_suffix(&suffix).map(str::to_string))
            .collect()
    }

    /// Groups that have committed offsets for a topic.
    pub fn groups_of_topic(&self, topic: &str) -> Vec<String> {
        let prefix = format!("{topic}@");
        self.table
            .read()
            .unwrap()
            .keys()
            .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
            .collect()
    }

    /// Forgets every group's offsets on a deleted topic.
    pub fn remove_topic(&self, topic: &str) {
        let prefix = format!("{topic}@");
        self.table
            .write()
            .unwrap()
            .retain(|k, _| !k.starts_with(&prefix));
        self.dirty.store(true, Ordering::Release);
    }

    pub fn remove_group(&self, group: &str) {
        let suffix = format!("@{group}");
        self.table
            .write()
            .unwrap()
            .retain(|k, _| !k.ends_with(&suffix));
        self.dirty.store(true, Ordering::Release);
    }

    /// Every committed offset, as GET_ALL_CONSUMER_OFFSET sends them.
    pub fn wrapper(&self) -> ConsumerOffsetSerializeWrapper {
        ConsumerOffsetSerializeWrapper {
            offset_table: self
                .table
                .read()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    /// RocketMQ's `offsetTable.putAll`: each `topic@group` of `table` replaces ours whole;
    /// those it does not name stay (a slave keeps offsets its master has not seen).
    pub fn put_all(&self, table: BTreeMap<String, BTreeMap<i32, i64>>) {
        let mut t = self.table.write().unwrap();
        for (k, queues) in table {
            if t.get(&k) != Some(&queues) {
                t.insert(k, queues);
                self.dirty.store(true, Ordering::Release);
            }
        }
    }

    /// Writes the table if anything changed since the last write.
    pub fn persist_if_dirty(&self) -> crate::store::Result<()> {
        if !self.dirty.swap(false, Ordering::AcqRel) {
            return Ok(());
        }
        let result = self.file.persist(|| ConsumerOffsetTable {
            offset_table: self
                .table
                .read()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            other: Default::default(),
        });
        if result.is_err() {
            self.dirty.store(true, Ordering::Release);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_query_persist_reload() {
        let dir = tempfile::tempdir().unwrap();
        let m = ConsumerOffsetManager::load(dir.path()).unwrap();
        assert_eq!(m.query("g", "T", 0), -1);
        m.commit("g", "T", 0, 42);
        m.commit("g", "T", 1, 7);
        assert_eq!(m.query("g", "T", 0), 42);
        m.persist_if_dirty().unwrap();
        let m2 = ConsumerOffsetManager::load(dir.path()).unwrap();
        assert_eq!(m2.query("g", "T", 1), 7);
        assert_eq!(m2.topics_of_group("g"), vec!["T".to_string()]);
        assert_eq!(m2.groups_of_topic("T"), vec!["g".to_string()]);
        m2.commit("g", "U", 0, 3);
        m2.remove_topic("T");
        assert_eq!(m2.query("g", "T", 1), -1);
        assert_eq!(m2.query("g", "U", 0), 3);
    }
}
