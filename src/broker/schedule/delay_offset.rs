//! Each delay level's delivered offset (ScheduleMessageService's offsetTable): the queue
//! offset in SCHEDULE_TOPIC_XXXX below which every message was re-put to its real topic,
//! persisted to config/delayOffset.json in RocketMQ's shape (`{"offsetTable":{1:12,2:0}}`,
//! fields it does not know, such as 5.x's dataVersion, kept).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use crate::store::config_file::{self, ConfigFile, DELAY_OFFSET_JSON, DelayOffsetTable};

/// The table, and whether it changed since it was last written.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct DelayOffsets {
    table: DelayOffsetTable,
    dirty: bool,
}

impl DelayOffsets {
    /// The delivered offset of a level (0 before any).
    pub fn get(&self, level: i32) -> i64 {
        self.table.offset_table.get(&level).copied().unwrap_or(0)
    }

    /// Whether the level has an entry (RocketMQ reports only those in the runtime info).
    pub fn contains(&self, level: i32) -> bool {
        self.table.offset_table.contains_key(&level)
    }

    /// Records a level's delivered offset.
    pub fn set(&mut self, level: i32, offset: i64) {
        if self.table.offset_table.insert(level, offset) != Some(offset) {
            self.dirty = true;
        }
    }

    /// The table as the file holds it.
    pub fn table(&self) -> &DelayOffsetTable {
        &self.table
    }

    /// Every level with an entry and its offset.
    pub fn levels(&self) -> &BTreeMap<i32, i64> {
        &self.table.offset_table
    }
}

/// The offsets of a broker with its file.
pub struct DelayOffsetStore {
    pub offsets: Mutex<DelayOffsets>,
    file: ConfigFile,
}

impl DelayOffsetStore {
    /// Loads config/delayOffset.json under the store root (falling back to its .bak).
    pub fn load(store_root: &Path) -> crate::store::Result<DelayOffsetStore> {
        let path = config_file::config_path(store_root, DELAY_OFFSET_JSON);
        let table = DelayOffsetTable::load(&path)?;
        Ok(DelayOffsetStore {
            offsets: Mutex::new(DelayOffsets {
                table,
                dirty: false,
            }),
            file: ConfigFile::new(path),
        })
    }

    /// Writes the file if the offsets changed since the last write.
    pub fn persist_if_dirty(&self) -> crate::store::Result<()> {
        let snapshot = {
            let mut o = self.offsets.lock().unwrap_or_else(|e| e.into_inner());
            if !o.dirty {
                return Ok(());
            }
            o.dirty = false;
            o.table.clone()
        };
        let written = self.file.persist(|| snapshot);
        if written.is_err() {
            self.offsets.lock().unwrap_or_else(|e| e.into_inner()).dirty = true;
        }
        written
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_round_trip_through_rocketmqs_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = config_file::config_path(dir.path(), DELAY_OFFSET_JSON);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        // As a Java broker writes it: fastjson's unquoted integer keys, and a dataVersion.
        std::fs::write(
            &path,
            "{\"dataVersion\":{\"counter\":3,\"timestamp\":1},\"offsetTable\":{1:12,3:0}}",
        )
        .unwrap();
        let s = DelayOffsetStore::load(dir.path()).unwrap();
        {
            let mut o = s.offsets.lock().unwrap();
            assert_eq!((o.get(1), o.get(2), o.get(3)), (12, 0, 0));
            assert!(o.contains(3) && !o.contains(2));
            o.set(1, 12);
        }
        s.persist_if_dirty().unwrap();
        assert!(
            !path.with_extension("json.bak").exists(),
            "unchanged: not written"
        );
        s.offsets.lock().unwrap().set(2, 7);
        s.persist_if_dirty().unwrap();
        let again = DelayOffsetStore::load(dir.path()).unwrap();
        let o = again.offsets.lock().unwrap();
        assert_eq!(
            o.levels().iter().collect::<Vec<_>>(),
            [(&1, &12), (&2, &7), (&3, &0)]
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("offsetTable") && text.contains("dataVersion"),
            "{text}"
        );
    }
}
