//! A slave's store growing from its master's commit log (the store half of RocketMQ's
//! HAClient#dispatchReadRequest + ReputMessageService): the master's bytes are written at the
//! end of the commit log exactly as they came, and the complete records among them get their
//! consume queue entries from the commit log, as a master's appends write them. The index
//! keys follow from the index dispatcher (reput.rs), which reads the commit log anyway.

use super::StoreInner;
use super::error::Result;
use super::message;
use super::put::DispatchRequest;
use std::sync::atomic::Ordering;

impl StoreInner {
    /// Writes `data` at commit log offset `offset` (the end of the log, or the start of a file
    /// if the log is empty), then dispatches every record that is now complete. Returns the
    /// new end of the commit log.
    /// `on_record` gets the topic and queue of each record dispatched to a consume queue (the
    /// broker wakes the pulls held on it).
    pub(crate) fn append_replicated(
        &self,
        offset: i64,
        data: &[u8],
        on_record: &mut dyn FnMut(&str, i32),
    ) -> Result<i64> {
        self.check_writable()?;
        let mut ws = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        // Recovery ends the log at a record boundary with every record dispatched, so the
        // end before the first replicated append is where dispatching goes on from.
        let from = match ws.replica_dispatched_to {
            Some(at) => at,
            None if self.commit_log.files().is_empty() => offset,
            None => self.commit_log.max_offset(),
        };
        self.commit_log
            .append_raw(&mut ws.commit_log_file, offset, data)?;
        let mut last_ts = None;
        let end = self.commit_log.follow(from, |rec, physical_offset| {
            let r = message::decode_record_ref(rec)?;
            last_ts = Some(r.store_timestamp);
            self.dispatch_to_queue(&DispatchRequest {
                topic: r.topic,
                queue_id: r.queue_id,
                queue_offset: r.queue_offset,
                physical_offset,
                size: rec.len(),
                sys_flag: r.sys_flag,
                store_timestamp: r.store_timestamp,
                properties: r.properties,
            })?;
            on_record(r.topic, r.queue_id);
            Ok(())
        });
        let dispatched_to = match end {
            Ok(end) => {
                if let Some(why) = end.corrupt {
                    // Kept, byte for byte, but not readable through a consume queue.
                    tracing::error!("replicated commit log: bad record at {}: {why}", end.offset);
                }
                end.offset
            }
            Err(e) => {
                tracing::error!("replicated commit log: cannot dispatch from {from}: {e}");
                from
            }
        };
        ws.replica_dispatched_to = Some(dispatched_to);
        if let Some(ts) = last_ts {
            self.last_store_timestamp.store(ts, Ordering::Release);
        }
        let max = self.commit_log.max_offset();
        drop(ws);
        self.wake_index_dispatcher();
        self.flush_signal.notify();
        Ok(max)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::message::AppendMessage;
    use crate::store::{GetMessageStatus, MessageStore, StoreConfig};
    use std::net::SocketAddr;

    fn config(dir: &std::path::Path) -> StoreConfig {
        StoreConfig {
            mapped_file_size_commit_log: 64 * 1024,
            mapped_file_size_consume_queue: 20 * 100,
            ..StoreConfig::new(dir)
        }
    }

    fn put(store: &MessageStore, n: usize) {
        let host: SocketAddr = "127.0.0.1:10911".parse().unwrap();
        for i in 0..n {
            let body = format!("message {i:05} {}", "x".repeat(i % 300));
            let props = format!("TAGS\u{1}t{}\u{2}KEYS\u{1}k{i}\u{2}", i % 3);
            store
                .append(&AppendMessage {
                    topic: "T",
                    queue_id: (i % 2) as i32,
                    flag: 0,
                    body: body.as_bytes(),
                    properties: &props,
                    sys_flag: 0,
                    born_timestamp: 1,
                    born_host: host,
                    store_host: host,
                    reconsume_times: 0,
                    prepared_transaction_offset: 0,
                })
                .unwrap();
        }
    }

    /// Copies the master's commit log from `from` to its end in chunks of `chunk` bytes,
    /// each within one file, as the HA connection streams it.
    fn replicate(master: &MessageStore, slave: &MessageStore, from: i64, chunk: usize) {
        let mut at = from;
        while let Some(data) = master.commit_log_data(at, chunk) {
            let end = slave.append_replicated(at, &data).unwrap();
            at += data.len() as i64;
            assert_eq!(end, at);
        }
        assert_eq!(at, master.max_phy_offset());
    }

    fn queue_bodies(store: &MessageStore, queue_id: i32) -> Vec<Vec<u8>> {
        let r = store.get_message(
            "T",
            queue_id,
            store.min_offset_in_queue("T", queue_id),
            10_000,
            usize::MAX,
        );
        if r.status != GetMessageStatus::Found {
            return Vec::new();
        }
        r.messages.iter().map(|m| m.to_vec()).collect()
    }

    fn commit_log_bytes(store: &MessageStore) -> Vec<u8> {
        let mut out = Vec::new();
        let mut at = store.min_phy_offset();
        while let Some(d) = store.commit_log_data(at, 1 << 20) {
            out.extend_from_slice(&d);
            at += d.len() as i64;
        }
        out
    }

    #[test]
    fn chunks_that_cut_records_give_the_masters_log_and_queues() {
        let (md, sd) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let master = MessageStore::open(config(md.path())).unwrap();
        let slave = MessageStore::open(config(sd.path())).unwrap();
        // Several files, with BLANK roll-overs.
        put(&master, 1200);
        assert!(master.max_phy_offset() > 2 * 64 * 1024);
        replicate(&master, &slave, 0, 1000);
        assert_eq!(slave.max_phy_offset(), master.max_phy_offset());
        assert_eq!(commit_log_bytes(&slave), commit_log_bytes(&master));
        for q in 0..2 {
            assert_eq!(
                slave.max_offset_in_queue("T", q),
                master.max_offset_in_queue("T", q)
            );
            assert_eq!(queue_bodies(&slave, q), queue_bodies(&master, q));
        }
        assert!(slave.wait_index_caught_up(std::time::Duration::from_secs(10)));
        assert_eq!(slave.query_message("T", "k5", 10, 0, i64::MAX).len(), 1);
    }

    #[test]
    fn an_offset_other_than_the_end_is_refused() {
        let (md, sd) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let master = MessageStore::open(config(md.path())).unwrap();
        let slave = MessageStore::open(config(sd.path())).unwrap();
        put(&master, 10);
        let data = master.commit_log_data(0, 100).unwrap();
        // An empty slave takes only a file start.
        assert!(slave.append_replicated(100, &data).is_err());
        slave.append_replicated(0, &data).unwrap();
        assert!(slave.append_replicated(0, &data).is_err());
        assert!(slave.append_replicated(101, &data).is_err());
        assert_eq!(slave.max_phy_offset(), 100);
    }

    #[test]
    fn an_empty_slave_starts_at_the_masters_last_file() {
        let (md, sd) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let master = MessageStore::open(config(md.path())).unwrap();
        let slave = MessageStore::open(config(sd.path())).unwrap();
        put(&master, 400);
        let from = master.max_phy_offset() - master.max_phy_offset() % (64 * 1024);
        assert!(from > 0);
        replicate(&master, &slave, from, 4096);
        // The queues start where the slave's log does: their newest entries match.
        for q in 0..2 {
            let (m, s) = (queue_bodies(&master, q), queue_bodies(&slave, q));
            assert!(!s.is_empty());
            assert_eq!(&m[m.len() - s.len()..], &s[..]);
            assert_eq!(
                slave.max_offset_in_queue("T", q),
                master.max_offset_in_queue("T", q)
            );
        }
    }

    #[test]
    fn a_restarted_slave_rebuilds_its_queues_and_goes_on_from_its_end() {
        let (md, sd) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let master = MessageStore::open(config(md.path())).unwrap();
        put(&master, 300);
        let cut;
        {
            let slave = MessageStore::open(config(sd.path())).unwrap();
            // Stop in the middle of a record, as a kill -9 between two frames may.
            let mut at = 0;
            while at < master.max_phy_offset() / 2 {
                let d = master.commit_log_data(at, 777).unwrap();
                slave.append_replicated(at, &d).unwrap();
                at += d.len() as i64;
            }
            cut = at;
            slave.flush().unwrap();
            // Leave the abort file, as a crash would.
            std::mem::forget(slave);
        }
        // The OFD lock of the forgotten store is still held by this process: copy its files.
        let sd2 = tempfile::tempdir().unwrap();
        copy_dir(sd.path(), sd2.path());
        let slave = MessageStore::open(config(sd2.path())).unwrap();
        assert!(slave.recovery_report().abnormal);
        let end = slave.max_phy_offset();
        assert!(end <= cut && end > 0);
        replicate(&master, &slave, end, 5000);
        assert_eq!(commit_log_bytes(&slave), commit_log_bytes(&master));
        for q in 0..2 {
            assert_eq!(queue_bodies(&slave, q), queue_bodies(&master, q));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(16))]
        /// Whatever the cut points, the slave's log and queues come out as the master's.
        #[test]
        fn any_chunking_gives_the_same_log_and_queues(
            chunks in proptest::collection::vec(1usize..3000, 1..64)
        ) {
            let (md, sd) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
            let master = MessageStore::open(config(md.path())).unwrap();
            let slave = MessageStore::open(config(sd.path())).unwrap();
            put(&master, 500);
            let mut at = 0;
            let mut i = 0;
            while let Some(d) = master.commit_log_data(at, chunks[i % chunks.len()]) {
                slave.append_replicated(at, &d).unwrap();
                at += d.len() as i64;
                i += 1;
            }
            proptest::prop_assert_eq!(commit_log_bytes(&slave), commit_log_bytes(&master));
            for q in 0..2 {
                proptest::prop_assert_eq!(queue_bodies(&slave, q), queue_bodies(&master, q));
            }
        }
    }

    fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let target = to.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
                copy_dir(&e.path(), &target);
            } else if e.file_name() != "lock" {
                std::fs::copy(e.path(), target).unwrap();
            }
        }
    }
}
