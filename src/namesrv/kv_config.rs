//! The name server's KV config (Java's KVConfigManager): namespace -> key ->
//! value, e.g. ORDER_TOPIC_CONFIG's per-topic order configuration, persisted as
//! `{"configTable":{ns:{k:v}}}` (the format of Java's kvConfig.json, so either
//! name server can read the other's file).
//!
//! Pure state plus a synchronous file write on every change; the caller wraps
//! it in a lock.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::protocol::KVTable;
use crate::protocol::fastjson::{self, FastjsonError};

/// The namespace of order-topic configuration (`"broker-a:4;broker-b:4"` per
/// topic), read into TopicRouteData.orderTopicConf.
pub const NAMESPACE_ORDER_TOPIC_CONFIG: &str = "ORDER_TOPIC_CONFIG";

#[derive(Debug, thiserror::Error)]
pub enum KvConfigError {
    #[error("KV config {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("KV config {path} is not a valid kvConfig.json: {source}")]
    Corrupt {
        path: PathBuf,
        source: FastjsonError,
    },
}

/// `KVConfigSerializeWrapper`, the file's shape.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct KvConfigSerializeWrapper {
    config_table: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Debug)]
pub struct KVConfigManager {
    path: PathBuf,
    config_table: BTreeMap<String, BTreeMap<String, String>>,
}

impl KVConfigManager {
    /// An empty manager that will persist to `path`; nothing is read.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        KVConfigManager {
            path: path.into(),
            config_table: BTreeMap::new(),
        }
    }

    /// Loads `path`. A missing file is an empty table; if only the `.bak`
    /// copy exists (Java's writer keeps one and can be interrupted between
    /// its steps), that is read. An unreadable or malformed file is an error,
    /// so a name server does not start and then overwrite it.
    pub fn load(path: impl Into<PathBuf>) -> Result<Self, KvConfigError> {
        let mut manager = Self::new(path);
        let bak = with_suffix(&manager.path, ".bak");
        for candidate in [manager.path.clone(), bak] {
            match fs::read(&candidate) {
                Ok(bytes) => {
                    let wrapper: KvConfigSerializeWrapper =
                        fastjson::from_slice(&bytes).map_err(|source| KvConfigError::Corrupt {
                            path: candidate.clone(),
                            source,
                        })?;
                    manager.config_table = wrapper.config_table;
                    return Ok(manager);
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(source) => {
                    return Err(KvConfigError::Io {
                        path: candidate,
                        source,
                    });
                }
            }
        }
        Ok(manager)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// PUT_KV_CONFIG: sets the value and persists. On a write error the value
    /// stays set in memory (as in Java) and the error is returned.
    pub fn put_kv_config(
        &mut self,
        namespace: &str,
        key: &str,
        value: &str,
    ) -> Result<(), KvConfigError> {
        self.config_table
            .entry(namespace.to_owned())
            .or_default()
            .insert(key.to_owned(), value.to_owned());
        self.persist()
    }

    /// GET_KV_CONFIG.
    pub fn get_kv_config(&self, namespace: &str, key: &str) -> Option<&str> {
        self.config_table
            .get(namespace)?
            .get(key)
            .map(String::as_str)
    }

    /// DELETE_KV_CONFIG: removes the key (an emptied namespace stays, as in
    /// Java) and persists. Returns whether the key existed.
    pub fn delete_kv_config(&mut self, namespace: &str, key: &str) -> Result<bool, KvConfigError> {
        let existed = self
            .config_table
            .get_mut(namespace)
            .is_some_and(|table| table.remove(key).is_some());
        self.persist()?;
        Ok(existed)
    }

    /// GET_KVLIST_BY_NAMESPACE: None when the namespace was never used.
    pub fn kv_list_by_namespace(&self, namespace: &str) -> Option<KVTable> {
        self.config_table.get(namespace).map(|table| KVTable {
            table: table.clone(),
        })
    }

    /// Writes the whole table atomically: a temporary file beside the target,
    /// fsynced, renamed over it, then the directory fsynced so the rename
    /// itself survives a crash.
    pub fn persist(&self) -> Result<(), KvConfigError> {
        let io_err = |source| KvConfigError::Io {
            path: self.path.clone(),
            source,
        };
        let wrapper = KvConfigSerializeWrapper {
            config_table: self.config_table.clone(),
        };
        let json = serde_json::to_vec(&wrapper).map_err(|e| io_err(io::Error::other(e)))?;

        let dir = match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&dir).map_err(io_err)?;
        let tmp = with_suffix(&self.path, ".tmp");
        let mut file = File::create(&tmp).map_err(io_err)?;
        file.write_all(&json).map_err(io_err)?;
        file.sync_all().map_err(io_err)?;
        drop(file);
        fs::rename(&tmp, &self.path).map_err(io_err)?;
        // Directory fsync is how POSIX makes a rename durable; not all
        // platforms allow opening a directory, so a failure to open is fine.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_get_delete_list_and_persist() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("namesrv").join("kvConfig.json");
        let mut kv = KVConfigManager::load(&path).unwrap();
        assert_eq!(kv.get_kv_config("ns", "k"), None);
        assert!(kv.kv_list_by_namespace("ns").is_none());

        kv.put_kv_config(NAMESPACE_ORDER_TOPIC_CONFIG, "TopicOrder", "broker-a:4")
            .unwrap();
        kv.put_kv_config("ns", "b", "2").unwrap();
        kv.put_kv_config("ns", "a", "1").unwrap();
        kv.put_kv_config("ns", "a", "one").unwrap();
        assert_eq!(kv.get_kv_config("ns", "a"), Some("one"));
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            r#"{"configTable":{"ORDER_TOPIC_CONFIG":{"TopicOrder":"broker-a:4"},"ns":{"a":"one","b":"2"}}}"#
        );
        assert!(!with_suffix(&path, ".tmp").exists());

        let list = kv.kv_list_by_namespace("ns").unwrap();
        assert_eq!(list.table.len(), 2);

        assert!(kv.delete_kv_config("ns", "a").unwrap());
        assert!(!kv.delete_kv_config("ns", "a").unwrap());
        assert!(!kv.delete_kv_config("nowhere", "a").unwrap());

        let reloaded = KVConfigManager::load(&path).unwrap();
        assert_eq!(reloaded.get_kv_config("ns", "a"), None);
        assert_eq!(reloaded.get_kv_config("ns", "b"), Some("2"));
        assert_eq!(
            reloaded.get_kv_config(NAMESPACE_ORDER_TOPIC_CONFIG, "TopicOrder"),
            Some("broker-a:4")
        );
        // Deleting the last key keeps the (empty) namespace, as Java does.
        let mut reloaded = reloaded;
        reloaded.delete_kv_config("ns", "b").unwrap();
        assert_eq!(
            reloaded.kv_list_by_namespace("ns"),
            Some(KVTable::default())
        );
    }

    #[test]
    fn loads_java_written_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kvConfig.json");
        // Java's fastjson output, pretty or not, with unknown extras.
        fs::write(
            &path,
            "{\n\t\"configTable\":{\n\t\t\"ORDER_TOPIC_CONFIG\":{\"T\":\"broker-a:8;broker-b:8\"}\n\t},\"x\":1\n}",
        )
        .unwrap();
        let kv = KVConfigManager::load(&path).unwrap();
        assert_eq!(
            kv.get_kv_config("ORDER_TOPIC_CONFIG", "T"),
            Some("broker-a:8;broker-b:8")
        );
    }

    #[test]
    fn falls_back_to_bak_when_the_file_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kvConfig.json");
        fs::write(
            with_suffix(&path, ".bak"),
            r#"{"configTable":{"ns":{"k":"v"}}}"#,
        )
        .unwrap();
        let kv = KVConfigManager::load(&path).unwrap();
        assert_eq!(kv.get_kv_config("ns", "k"), Some("v"));
    }

    #[test]
    fn corrupt_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kvConfig.json");
        fs::write(&path, b"{\"configTable\":").unwrap();
        assert!(matches!(
            KVConfigManager::load(&path),
            Err(KvConfigError::Corrupt { .. })
        ));
        fs::write(&path, br#"{"configTable":{"ns":["not a map"]}}"#).unwrap();
        assert!(matches!(
            KVConfigManager::load(&path),
            Err(KvConfigError::Corrupt { .. })
        ));
        // Empty object is fine.
        fs::write(&path, b"{}").unwrap();
        assert!(KVConfigManager::load(&path).is_ok());
    }

    #[test]
    fn write_errors_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        // The "directory" is a file, so the write cannot happen.
        let blocker = dir.path().join("file");
        fs::write(&blocker, b"").unwrap();
        let mut kv = KVConfigManager::new(blocker.join("kvConfig.json"));
        assert!(matches!(
            kv.put_kv_config("ns", "k", "v"),
            Err(KvConfigError::Io { .. })
        ));
        // Still set in memory.
        assert_eq!(kv.get_kv_config("ns", "k"), Some("v"));
    }
}
