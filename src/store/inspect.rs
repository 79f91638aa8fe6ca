//! Offline, read-only inspection of a store directory (ours or Apache RocketMQ's, the format
//! is the same) for `mq store inspect`: a summary of commit log files, topics, queues and
//! their offset ranges, and the decoded messages of one queue. Nothing is written, locked or
//! recovered; file sizes are taken from the files themselves.

use super::checkpoint::CheckpointTimes;
use super::config::StorePaths;
use super::consume_queue::CQ_STORE_UNIT_SIZE;
use super::error::{IoContext, Result, StoreError};
use super::mapped_file_queue::list_offset_files;
use super::message::{self, DecodedMessage, RecordCheck};
use memmap2::Mmap;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct FileInfo {
    pub name: String,
    pub size: u64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CommitLogSummary {
    pub files: Vec<FileInfo>,
    pub min_offset: i64,
    /// End of the last readable record.
    pub max_offset: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct QueueSummary {
    pub queue_id: i32,
    pub min_offset: i64,
    pub max_offset: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TopicSummary {
    pub topic: String,
    pub queues: Vec<QueueSummary>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct StoreSummary {
    pub root: PathBuf,
    /// The abort file is present: the store is running or was not shut down cleanly.
    pub abort_file_present: bool,
    pub checkpoint: Option<CheckpointSummary>,
    pub commit_log: CommitLogSummary,
    pub topics: Vec<TopicSummary>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CheckpointSummary {
    pub physic_msg_timestamp: i64,
    pub logics_msg_timestamp: i64,
    pub index_msg_timestamp: i64,
}

/// One consume queue entry and the message it points at (or why it could not be read).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct InspectedMessage {
    pub queue_offset: i64,
    pub commit_log_offset: i64,
    pub size: i32,
    pub tags_code: i64,
    pub message: Option<DecodedMessage>,
    pub error: Option<String>,
}

fn map_read_only(path: &Path) -> Result<Mmap> {
    let f = std::fs::File::open(path).ctx("open", path)?;
    // SAFETY: read-only private view; a concurrent writer could change bytes under us, which
    // at worst yields records that fail their checks.
    unsafe { Mmap::map(&f) }.ctx("mmap", path)
}

/// The mapped commit log files of a directory, opened lazily.
struct CommitLogReader {
    files: Vec<(i64, PathBuf)>,
    file_size: i64,
    maps: HashMap<i64, Mmap>,
}

impl CommitLogReader {
    fn open(root: &Path) -> Result<CommitLogReader> {
        let files = list_offset_files(&StorePaths::commit_log(root))?;
        let file_size = match files.first() {
            Some((_, p)) => std::fs::metadata(p).ctx("stat", p)?.len() as i64,
            None => 0,
        };
        Ok(CommitLogReader {
            files,
            file_size,
            maps: HashMap::new(),
        })
    }

    fn file_for(&mut self, offset: i64) -> Result<Option<(i64, &Mmap)>> {
        let Some((from, path)) = self
            .files
            .iter()
            .find(|(from, _)| *from <= offset && offset < from + self.file_size)
            .cloned()
        else {
            return Ok(None);
        };
        let map = match self.maps.entry(from) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(map_read_only(&path)?),
        };
        Ok(Some((from, map)))
    }

    /// The checked record at `offset` of `size` bytes.
    fn record(
        &mut self,
        offset: i64,
        size: usize,
    ) -> Result<std::result::Result<DecodedMessage, String>> {
        let Some((from, map)) = self.file_for(offset)? else {
            return Ok(Err("commit log file not present".into()));
        };
        let pos = (offset - from) as usize;
        if pos + size > map.len() {
            return Ok(Err("record past end of file".into()));
        }
        let buf = &map[pos..];
        Ok(match message::check_record(buf, offset, true) {
            RecordCheck::Message(n) if n == size => {
                message::decode_message(&buf[..n]).map_err(|e| e.to_string())
            }
            RecordCheck::Message(n) => {
                Err(format!("record is {n} bytes, consume queue says {size}"))
            }
            other => Err(format!("{other:?}")),
        })
    }

    /// End of the last readable record (header checks only). Trailing files that are still
    /// empty (created ahead of time, as RocketMQ also does) do not count.
    fn max_offset(&mut self) -> Result<i64> {
        let starts: Vec<i64> = self.files.iter().rev().map(|f| f.0).collect();
        let mut max = starts.last().copied().unwrap_or(0);
        for from in starts {
            let Some((_, map)) = self.file_for(from)? else {
                continue;
            };
            let mut pos = 0usize;
            let end = loop {
                match message::check_record(&map[pos..], from + pos as i64, false) {
                    RecordCheck::Message(n) => pos += n,
                    RecordCheck::Blank(_) => break from + map.len() as i64,
                    RecordCheck::End | RecordCheck::Corrupt(_) => break from + pos as i64,
                }
            };
            if end > from {
                return Ok(end);
            }
            max = from;
        }
        Ok(max)
    }
}

fn read_entry(b: &[u8]) -> (i64, i32, i64) {
    (
        i64::from_be_bytes(b[0..8].try_into().unwrap()),
        i32::from_be_bytes(b[8..12].try_into().unwrap()),
        i64::from_be_bytes(b[12..20].try_into().unwrap()),
    )
}

fn is_entry(e: &(i64, i32, i64)) -> bool {
    e.0 >= 0 && e.1 > 0
}

/// Min and max queue offsets of one consume queue directory.
fn queue_range(dir: &Path, commit_log_min: i64) -> Result<(i64, i64)> {
    let files = list_offset_files(dir)?;
    let Some((last_from, last_path)) = files.last() else {
        return Ok((0, 0));
    };
    let unit = CQ_STORE_UNIT_SIZE as i64;
    let last = map_read_only(last_path)?;
    let n = last
        .chunks_exact(CQ_STORE_UNIT_SIZE)
        .take_while(|c| is_entry(&read_entry(c)))
        .count() as i64;
    let max = last_from / unit + n;
    for (from, path) in &files {
        let m = map_read_only(path)?;
        for (i, c) in m.chunks_exact(CQ_STORE_UNIT_SIZE).enumerate() {
            let e = read_entry(c);
            if !is_entry(&e) {
                break;
            }
            if e.1 != i32::MAX && e.0 >= commit_log_min {
                return Ok((from / unit + i as i64, max));
            }
        }
    }
    Ok((max, max))
}

fn sorted_dir_names(dir: &Path) -> Result<Vec<String>> {
    let mut v = Vec::new();
    match std::fs::read_dir(dir) {
        Ok(rd) => {
            for e in rd {
                let e = e.ctx("read dir", dir)?;
                if e.path().is_dir()
                    && let Some(n) = e.file_name().to_str()
                {
                    v.push(n.to_string());
                }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).ctx("read dir", dir),
    }
    v.sort();
    Ok(v)
}

/// Topics, queues with their offset ranges, and commit log files of a store directory.
pub fn summary(root: &Path) -> Result<StoreSummary> {
    if !root.is_dir() {
        return Err(StoreError::Io {
            op: "open store",
            path: root.to_path_buf(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        });
    }
    let mut cl = CommitLogReader::open(root)?;
    let commit_log = CommitLogSummary {
        files: cl
            .files
            .iter()
            .map(|(from, p)| FileInfo {
                name: super::mapped_file::file_name(*from),
                size: std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
            })
            .collect(),
        min_offset: cl.files.first().map(|f| f.0).unwrap_or(0),
        max_offset: cl.max_offset()?,
    };
    let cq_root = StorePaths::consume_queue(root);
    let mut topics = Vec::new();
    for topic in sorted_dir_names(&cq_root)? {
        let mut queues = Vec::new();
        let mut ids: Vec<i32> = sorted_dir_names(&cq_root.join(&topic))?
            .iter()
            .filter_map(|q| q.parse().ok())
            .collect();
        ids.sort();
        for queue_id in ids {
            let (min_offset, max_offset) = queue_range(
                &cq_root.join(&topic).join(queue_id.to_string()),
                commit_log.min_offset,
            )?;
            queues.push(QueueSummary {
                queue_id,
                min_offset,
                max_offset,
            });
        }
        topics.push(TopicSummary { topic, queues });
    }
    let checkpoint = std::fs::read(StorePaths::checkpoint(root))
        .ok()
        .filter(|b| b.len() >= 24)
        .map(|b| {
            let t = CheckpointTimes {
                physic_msg_timestamp: i64::from_be_bytes(b[0..8].try_into().unwrap()),
                logics_msg_timestamp: i64::from_be_bytes(b[8..16].try_into().unwrap()),
                index_msg_timestamp: i64::from_be_bytes(b[16..24].try_into().unwrap()),
            };
            CheckpointSummary {
                physic_msg_timestamp: t.physic_msg_timestamp,
                logics_msg_timestamp: t.logics_msg_timestamp,
                index_msg_timestamp: t.index_msg_timestamp,
            }
        });
    Ok(StoreSummary {
        root: root.to_path_buf(),
        abort_file_present: StorePaths::abort(root).exists(),
        checkpoint,
        commit_log,
        topics,
    })
}

/// Up to `count` messages of a queue from queue offset `offset`, decoded and checked.
pub fn messages(
    root: &Path,
    topic: &str,
    queue_id: i32,
    offset: i64,
    count: usize,
) -> Result<Vec<InspectedMessage>> {
    let dir = StorePaths::consume_queue(root)
        .join(topic)
        .join(queue_id.to_string());
    let files = list_offset_files(&dir)?;
    if files.is_empty() {
        return Err(StoreError::Io {
            op: "open consume queue",
            path: dir,
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        });
    }
    let mut cl = CommitLogReader::open(root)?;
    let unit = CQ_STORE_UNIT_SIZE as i64;
    let mut out = Vec::new();
    let mut q = offset.max(0);
    'files: for (from, path) in &files {
        let m = map_read_only(path)?;
        let end = from + m.len() as i64;
        if q * unit >= end {
            continue;
        }
        while out.len() < count && q * unit < end {
            if q * unit < *from {
                // Below the oldest remaining file: start at its first entry.
                q = from / unit;
                continue;
            }
            let at = (q * unit - from) as usize;
            let e = read_entry(&m[at..at + CQ_STORE_UNIT_SIZE]);
            if !is_entry(&e) {
                break 'files;
            }
            if e.1 != i32::MAX {
                let (message, error) = match cl.record(e.0, e.1 as usize)? {
                    Ok(d) => (Some(d), None),
                    Err(why) => (None, Some(why)),
                };
                out.push(InspectedMessage {
                    queue_offset: q,
                    commit_log_offset: e.0,
                    size: e.1,
                    tags_code: e.2,
                    message,
                    error,
                });
            }
            q += 1;
        }
        if out.len() >= count {
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{AppendMessage, MessageStore, StoreConfig};

    #[test]
    fn summary_and_messages_of_a_store() {
        let dir = tempfile::tempdir().unwrap();
        let mut cfg = StoreConfig::new(dir.path());
        cfg.mapped_file_size_commit_log = 4096;
        cfg.mapped_file_size_consume_queue = 200;
        let store = MessageStore::open(cfg).unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        for i in 0..30 {
            let body = format!("message {i}");
            let m = AppendMessage {
                topic: if i % 3 == 0 { "A" } else { "B" },
                queue_id: i % 2,
                flag: 0,
                body: body.as_bytes(),
                properties: "TAGS\u{1}x",
                sys_flag: 0,
                born_timestamp: 1,
                born_host: "127.0.0.1:1".parse().unwrap(),
                store_host: "127.0.0.1:10911".parse().unwrap(),
                reconsume_times: 0,
                prepared_transaction_offset: 0,
            };
            rt.block_on(store.put_message(&m)).unwrap();
        }
        let s = summary(dir.path()).unwrap();
        assert!(s.abort_file_present, "store still open");
        assert_eq!(s.commit_log.max_offset, store.max_phy_offset());
        assert_eq!(
            s.topics
                .iter()
                .map(|t| t.topic.as_str())
                .collect::<Vec<_>>(),
            ["A", "B"]
        );
        let b0 = &s.topics[1].queues[0];
        assert_eq!(
            (b0.queue_id, b0.min_offset, b0.max_offset),
            (0, 0, store.max_offset_in_queue("B", 0))
        );
        let ms = messages(dir.path(), "B", 1, 3, 4).unwrap();
        assert_eq!(ms.len(), 4);
        assert_eq!(ms[0].queue_offset, 3);
        let d = ms[0].message.as_ref().unwrap();
        assert_eq!(d.queue_offset, 3);
        assert_eq!(d.properties["TAGS"], "x");
        drop(store);
        assert!(!summary(dir.path()).unwrap().abort_file_present);
        serde_json::to_string(&s).unwrap();
        assert!(messages(dir.path(), "nope", 0, 0, 1).is_err());
    }
}
