//! Config files under config/ (RocketMQ's ConfigManager and MixAll#string2File): atomic writes
//! that keep the previous version as `.bak`, loading that falls back to `.bak`, and the JSON
//! shapes of consumerOffset.json and delayOffset.json. Java's fastjson writes integer map keys
//! unquoted (`{0:12}`), which is not JSON; the loader accepts both forms and the writer quotes
//! them (fastjson reads quoted integer keys into Map<Integer, Long> as well).

use super::error::{IoContext, Result, StoreError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const TOPICS_JSON: &str = "topics.json";
pub const CONSUMER_OFFSET_JSON: &str = "consumerOffset.json";
pub const SUBSCRIPTION_GROUP_JSON: &str = "subscriptionGroup.json";
pub const DELAY_OFFSET_JSON: &str = "delayOffset.json";

/// `config/<name>` under a store root.
pub fn config_path(store_root: &Path, name: &str) -> PathBuf {
    store_root.join("config").join(name)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn write_synced(path: &Path, content: &[u8]) -> Result<()> {
    let mut f = std::fs::File::create(path).ctx("create", path)?;
    f.write_all(content).ctx("write", path)?;
    f.sync_all().ctx("fsync", path)
}

/// Replaces `path` with `content` so that a crash at any moment leaves either the old or the
/// new version readable: write and sync `path.tmp`, keep the current file as `path.bak`,
/// rename the temporary file over `path`, sync the directory.
pub fn write_atomic(path: &Path, content: &str) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).ctx("create dir", dir)?;
    let tmp = with_suffix(path, ".tmp");
    write_synced(&tmp, content.as_bytes())?;
    if let Ok(prev) = std::fs::read(path) {
        write_synced(&with_suffix(path, ".bak"), &prev)?;
    }
    std::fs::rename(&tmp, path).ctx("rename", &tmp)?;
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .ctx("fsync dir", dir)
}

/// One config file that several threads persist: each save takes its snapshot and writes it
/// under one lock, so saves never race on the temporary file and the newest snapshot is the
/// one left on disk.
#[derive(Debug)]
pub struct ConfigFile {
    path: PathBuf,
    lock: std::sync::Mutex<()>,
}

impl ConfigFile {
    pub fn new(path: PathBuf) -> Self {
        ConfigFile {
            path,
            lock: std::sync::Mutex::new(()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the value `snapshot` returns, taken while holding the file's lock.
    pub fn persist<T: Serialize>(&self, snapshot: impl FnOnce() -> T) -> Result<()> {
        let _one_writer = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        persist_json(&self.path, &snapshot())
    }
}

/// Loads `path` with `parse`, falling back to `path.bak` if the file is missing, empty or
/// unparsable. None if neither exists.
pub fn load_with_backup<T>(
    path: &Path,
    parse: impl Fn(&str) -> std::result::Result<T, String>,
) -> Result<Option<T>> {
    let mut first_err = None;
    for p in [path.to_path_buf(), with_suffix(path, ".bak")] {
        match std::fs::read_to_string(&p) {
            Ok(s) if s.trim().is_empty() => continue,
            Ok(s) => match parse(&s) {
                Ok(v) => return Ok(Some(v)),
                Err(e) => {
                    tracing::warn!("{}: {e}", p.display());
                    first_err.get_or_insert(StoreError::ConfigFile { path: p, reason: e });
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).ctx("read", &p),
        }
    }
    match first_err {
        Some(e) => Err(e),
        None => Ok(None),
    }
}

/// Rewrites fastjson's unquoted integer object keys (`{0:12}`) as JSON strings (`{"0":12}`).
pub fn quote_numeric_keys(json: &str) -> String {
    let b = json.as_bytes();
    let mut out = String::with_capacity(json.len() + 16);
    let mut i = 0;
    let mut in_str = false;
    let mut expect_key = false;
    while i < b.len() {
        let c = b[i];
        if in_str {
            out.push(c as char);
            if c == b'\\' && i + 1 < b.len() {
                out.push(b[i + 1] as char);
                i += 2;
                continue;
            }
            if c == b'"' {
                in_str = false;
            }
            i += 1;
            continue;
        }
        match c {
            b'"' => {
                in_str = true;
                expect_key = false;
            }
            b'{' | b',' => expect_key = true,
            b'-' | b'0'..=b'9' if expect_key => {
                let start = i;
                while i < b.len() && (b[i] == b'-' || b[i].is_ascii_digit()) {
                    i += 1;
                }
                let mut j = i;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < b.len() && b[j] == b':' {
                    out.push('"');
                    out.push_str(&json[start..i]);
                    out.push('"');
                } else {
                    out.push_str(&json[start..i]);
                }
                expect_key = false;
                continue;
            }
            c if c.is_ascii_whitespace() => {}
            _ => expect_key = false,
        }
        // Multi-byte UTF-8 only occurs inside strings; outside, bytes are ASCII.
        out.push(c as char);
        i += 1;
    }
    out
}

/// Parses JSON as Java's fastjson writes it (unquoted integer keys allowed).
pub fn parse_lenient<T: DeserializeOwned>(s: &str) -> std::result::Result<T, String> {
    serde_json::from_str(s)
        .or_else(|_| serde_json::from_str(&quote_numeric_keys(s)))
        .map_err(|e| e.to_string())
}

/// Loads a JSON config file (fastjson forms accepted), falling back to `.bak`.
pub fn load_json<T: DeserializeOwned>(path: &Path) -> Result<Option<T>> {
    load_with_backup(path, parse_lenient::<T>)
}

/// Writes a value as pretty JSON (as RocketMQ persists its config files), atomically.
pub fn persist_json<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    let s = serde_json::to_string_pretty(value).map_err(|e| StoreError::ConfigFile {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    write_atomic(path, &s)
}

/// consumerOffset.json: `{"offsetTable":{"topic@group":{queueId:offset}}}`. Unknown fields
/// (e.g. 5.x's dataVersion) are kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsumerOffsetTable {
    #[serde(default)]
    pub offset_table: BTreeMap<String, BTreeMap<i32, i64>>,
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

impl ConsumerOffsetTable {
    /// The key RocketMQ uses: `topic@group`.
    pub fn key(topic: &str, group: &str) -> String {
        format!("{topic}@{group}")
    }
    pub fn load(path: &Path) -> Result<ConsumerOffsetTable> {
        Ok(load_json(path)?.unwrap_or_default())
    }
    pub fn persist(&self, path: &Path) -> Result<()> {
        persist_json(path, self)
    }
}

/// delayOffset.json: `{"offsetTable":{delayLevel:offset}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DelayOffsetTable {
    #[serde(default)]
    pub offset_table: BTreeMap<i32, i64>,
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

impl DelayOffsetTable {
    pub fn load(path: &Path) -> Result<DelayOffsetTable> {
        Ok(load_json(path)?.unwrap_or_default())
    }
    pub fn persist(&self, path: &Path) -> Result<()> {
        persist_json(path, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_numeric_keys() {
        let java = r#"{"offsetTable":{"Topic@g":{0:12,1:-3, 2 : 4},"a:{0:1}":{}},"x":[1,2],"n":5}"#;
        let q = quote_numeric_keys(java);
        assert_eq!(
            q,
            r#"{"offsetTable":{"Topic@g":{"0":12,"1":-3, "2" : 4},"a:{0:1}":{}},"x":[1,2],"n":5}"#
        );
        let t: ConsumerOffsetTable = parse_lenient(java).unwrap();
        assert_eq!(t.offset_table["Topic@g"][&1], -3);
        assert_eq!(t.other["n"], 5);
    }

    #[test]
    fn atomic_write_keeps_bak_and_load_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        let p = config_path(dir.path(), CONSUMER_OFFSET_JSON);
        let mut t = ConsumerOffsetTable::default();
        t.offset_table
            .entry(ConsumerOffsetTable::key("T", "g"))
            .or_default()
            .insert(0, 12);
        t.persist(&p).unwrap();
        assert!(!with_suffix(&p, ".bak").exists());
        t.offset_table.get_mut("T@g").unwrap().insert(0, 13);
        t.persist(&p).unwrap();
        assert_eq!(ConsumerOffsetTable::load(&p).unwrap(), t);
        // A torn main file: the previous version comes back from .bak.
        std::fs::write(&p, "{\"offsetTable\":{\"T@g\":{0:").unwrap();
        assert_eq!(
            ConsumerOffsetTable::load(&p).unwrap().offset_table["T@g"][&0],
            12
        );
        // Java's own form loads.
        std::fs::write(&p, "{\n\t\"offsetTable\":{\n\t\t\"T@g\":{0:99,1:5}\n\t}\n}").unwrap();
        assert_eq!(
            ConsumerOffsetTable::load(&p).unwrap().offset_table["T@g"][&0],
            99
        );
        let d = config_path(dir.path(), DELAY_OFFSET_JSON);
        std::fs::create_dir_all(d.parent().unwrap()).unwrap();
        std::fs::write(&d, "{\"offsetTable\":{1:0,3:17}}").unwrap();
        assert_eq!(DelayOffsetTable::load(&d).unwrap().offset_table[&3], 17);
        assert!(
            ConsumerOffsetTable::load(&dir.path().join("missing"))
                .unwrap()
                .offset_table
                .is_empty()
        );
    }
}
