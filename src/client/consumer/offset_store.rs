//! A consumer group's offsets: the in-memory table the pull loops advance,
//! and where it is kept — on the brokers (clustering: QUERY/UPDATE_CONSUMER_OFFSET)
//! or locally (broadcasting: memory, and a file when one is given, in Java's
//! offsets.json shape).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

use super::queue_api;
use crate::client::error::{ClientError, ClientResult};
use crate::client::instance::ClientInstance;
use crate::protocol::admin::{MessageQueue, ResetOffsetBody};
use crate::protocol::body::RemotingBody;

#[derive(Debug)]
pub enum OffsetStorage {
    /// On the brokers, shared by the group (clustering).
    Broker,
    /// In this process only, optionally persisted to a file (broadcasting).
    Local(Option<PathBuf>),
}

#[derive(Debug)]
pub struct OffsetStore {
    group: String,
    storage: OffsetStorage,
    /// Each queue's offset in a slot of its own, which a queue's acknowledgements advance
    /// without looking the queue up (see `slot`).
    table: Mutex<BTreeMap<MessageQueue, Arc<AtomicI64>>>,
}

impl OffsetStore {
    /// A store; a local file, when given, is read now.
    pub fn new(group: &str, storage: OffsetStorage) -> ClientResult<Self> {
        let mut table = BTreeMap::new();
        if let OffsetStorage::Local(Some(path)) = &storage
            && let Ok(bytes) = std::fs::read(path)
        {
            let body = ResetOffsetBody::decode(&bytes).map_err(|e| ClientError::Decode {
                what: "local offsets file",
                reason: format!("{}: {e}", path.display()),
            })?;
            table = body
                .offset_table
                .into_iter()
                .map(|(mq, o)| (mq, Arc::new(AtomicI64::new(o))))
                .collect();
        }
        Ok(OffsetStore {
            group: group.to_string(),
            storage,
            table: Mutex::new(table),
        })
    }

    pub fn is_local(&self) -> bool {
        matches!(self.storage, OffsetStorage::Local(_))
    }

    /// The offset in memory, if any.
    pub fn read_memory(&self, mq: &MessageQueue) -> Option<i64> {
        let table = self.table.lock().unwrap();
        table.get(mq).map(|o| o.load(Ordering::Acquire))
    }

    /// The offset slot of `mq` (made at `initial` when it has none): `advance` on it is
    /// `update(mq, _, true)` without the lookup. A slot outlives the queue's removal, when
    /// it is no longer read.
    pub fn slot(&self, mq: &MessageQueue, initial: i64) -> Arc<AtomicI64> {
        let mut table = self.table.lock().unwrap();
        table
            .entry(mq.clone())
            .or_insert_with(|| Arc::new(AtomicI64::new(initial)))
            .clone()
    }

    /// The stored offset: the broker's (clustering) or the local table's;
    /// `None` when the group has none for this queue.
    pub async fn read_stored(
        &self,
        instance: &ClientInstance,
        mq: &MessageQueue,
    ) -> ClientResult<Option<i64>> {
        match self.storage {
            OffsetStorage::Local(_) => Ok(self.read_memory(mq)),
            OffsetStorage::Broker => {
                let o = queue_api::query_consumer_offset(instance, &self.group, mq).await?;
                if let Some(o) = o {
                    self.update(mq, o, false);
                }
                Ok(o)
            }
        }
    }

    /// Sets the offset in memory; with `increase_only` it never moves back.
    pub fn update(&self, mq: &MessageQueue, offset: i64, increase_only: bool) {
        let mut table = self.table.lock().unwrap();
        match table.get(mq) {
            Some(o) if increase_only => advance(o, offset),
            Some(o) => o.store(offset, Ordering::Release),
            None => {
                table.insert(mq.clone(), Arc::new(AtomicI64::new(offset)));
            }
        }
    }

    pub fn remove(&self, mq: &MessageQueue) {
        self.table.lock().unwrap().remove(mq);
    }

    /// Writes the offsets of `queues` where they are kept: oneway
    /// UPDATE_CONSUMER_OFFSET to the brokers (or waiting for each answer when
    /// `wait`), or the local file.
    pub async fn persist(
        &self,
        instance: &ClientInstance,
        queues: &[MessageQueue],
        wait: bool,
    ) -> ClientResult<()> {
        match &self.storage {
            OffsetStorage::Local(None) => Ok(()),
            OffsetStorage::Local(Some(path)) => {
                let body = ResetOffsetBody {
                    offset_table: self
                        .table
                        .lock()
                        .unwrap()
                        .iter()
                        .map(|(mq, o)| (mq.clone(), o.load(Ordering::Acquire)))
                        .collect(),
                };
                let tmp = path.with_extension("tmp");
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(io_error)?;
                }
                std::fs::write(&tmp, body.encode()).map_err(io_error)?;
                std::fs::rename(&tmp, path).map_err(io_error)
            }
            OffsetStorage::Broker => {
                let offsets: Vec<_> = {
                    let table = self.table.lock().unwrap();
                    queues
                        .iter()
                        .filter_map(|mq| {
                            table
                                .get(mq)
                                .map(|o| (mq.clone(), o.load(Ordering::Acquire)))
                        })
                        .collect()
                };
                let mut first_error = None;
                for (mq, offset) in offsets {
                    let r = queue_api::update_consumer_offset(
                        instance,
                        &self.group,
                        &mq,
                        offset,
                        !wait,
                    )
                    .await;
                    if let Err(e) = r {
                        tracing::debug!(queue = ?mq, "commit offset failed: {e}");
                        first_error.get_or_insert(e);
                    }
                }
                first_error.map_or(Ok(()), Err)
            }
        }
    }
}

/// Moves an offset slot forward to `offset`; never back.
pub fn advance(slot: &AtomicI64, offset: i64) {
    slot.fetch_max(offset, Ordering::AcqRel);
}

fn io_error(e: std::io::Error) -> ClientError {
    ClientError::Remoting(crate::remoting::RemotingError::Io(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn increase_only_updates_never_move_back() {
        let s = OffsetStore::new("g", OffsetStorage::Local(None)).unwrap();
        let q = MessageQueue::new("T", "b", 0);
        assert_eq!(s.read_memory(&q), None);
        s.update(&q, 5, true);
        s.update(&q, 3, true);
        assert_eq!(s.read_memory(&q), Some(5));
        s.update(&q, 3, false);
        assert_eq!(s.read_memory(&q), Some(3));
        let slot = s.slot(&q, 0);
        advance(&slot, 9);
        advance(&slot, 4);
        assert_eq!(s.read_memory(&q), Some(9));
        s.remove(&q);
        assert_eq!(s.read_memory(&q), None);
    }

    #[tokio::test]
    async fn local_file_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g").join("offsets.json");
        let instance =
            ClientInstance::new(&crate::client::ClientConfig::new("127.0.0.1:1")).unwrap();
        let q = MessageQueue::new("T", "b", 1);
        let s = OffsetStore::new("g", OffsetStorage::Local(Some(path.clone()))).unwrap();
        s.update(&q, 42, true);
        s.persist(&instance, &[], true).await.unwrap();
        let again = OffsetStore::new("g", OffsetStorage::Local(Some(path))).unwrap();
        assert_eq!(again.read_memory(&q), Some(42));
    }
}
