//! The checkpoint file (RocketMQ's StoreCheckpoint): 4 KiB holding the store timestamps up to
//! which the commit log (physicMsgTimestamp @0), consume queues (logicsMsgTimestamp @8) and
//! index (indexMsgTimestamp @16) are known to be on disk. Recovery after a crash starts from
//! the newest commit log file older than all three.
//!
//! RocketMQ 5 keeps masterFlushedOffset @24 and confirmPhyOffset @32 after them, for
//! controller-mode HA. This store never writes past byte 24, so a Java broker that reopens
//! the store finds its own values there (and one in the default mode recomputes the confirm
//! offset during recovery anyway).

use super::error::{IoContext, Result};
use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

pub const CHECKPOINT_FILE_SIZE: usize = 4096;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckpointTimes {
    pub physic_msg_timestamp: i64,
    pub logics_msg_timestamp: i64,
    pub index_msg_timestamp: i64,
}

impl CheckpointTimes {
    /// The point before which everything is safely on disk.
    pub fn min_timestamp(&self, index_enabled: bool) -> i64 {
        let m = self.physic_msg_timestamp.min(self.logics_msg_timestamp);
        if index_enabled {
            m.min(self.index_msg_timestamp)
        } else {
            m
        }
    }
}

pub struct Checkpoint {
    path: PathBuf,
    file: File,
}

impl Checkpoint {
    /// Opens (creating if missing) the checkpoint and reads its times (zero if new or short).
    pub fn open(path: &Path) -> Result<(Checkpoint, CheckpointTimes)> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .ctx("open", path)?;
        let mut buf = [0u8; 40];
        let n = file.read_at(&mut buf, 0).ctx("read", path)?;
        let rd = |at: usize| {
            if n >= at + 8 {
                i64::from_be_bytes(buf[at..at + 8].try_into().unwrap())
            } else {
                0
            }
        };
        let times = CheckpointTimes {
            physic_msg_timestamp: rd(0),
            logics_msg_timestamp: rd(8),
            index_msg_timestamp: rd(16),
        };
        if file.metadata().ctx("stat", path)?.len() < CHECKPOINT_FILE_SIZE as u64 {
            file.set_len(CHECKPOINT_FILE_SIZE as u64)
                .ctx("allocate", path)?;
        }
        Ok((
            Checkpoint {
                path: path.to_path_buf(),
                file,
            },
            times,
        ))
    }

    /// Writes and syncs the times.
    pub fn write(&self, t: &CheckpointTimes) -> Result<()> {
        let mut buf = [0u8; 24];
        buf[0..8].copy_from_slice(&t.physic_msg_timestamp.to_be_bytes());
        buf[8..16].copy_from_slice(&t.logics_msg_timestamp.to_be_bytes());
        buf[16..24].copy_from_slice(&t.index_msg_timestamp.to_be_bytes());
        self.file.write_all_at(&buf, 0).ctx("write", &self.path)?;
        self.file.sync_data().ctx("fdatasync", &self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("checkpoint");
        let (c, t) = Checkpoint::open(&p).unwrap();
        assert_eq!(t, CheckpointTimes::default());
        let t = CheckpointTimes {
            physic_msg_timestamp: 3,
            logics_msg_timestamp: 2,
            index_msg_timestamp: 1,
        };
        c.write(&t).unwrap();
        assert_eq!(Checkpoint::open(&p).unwrap().1, t);
        assert_eq!(std::fs::metadata(&p).unwrap().len(), 4096);
        assert_eq!(t.min_timestamp(true), 1);
        assert_eq!(t.min_timestamp(false), 2);
    }

    #[test]
    fn a_java_brokers_ha_offsets_are_left_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("checkpoint");
        let mut java = vec![0u8; 4096];
        java[24..32].copy_from_slice(&1234i64.to_be_bytes()); // masterFlushedOffset
        java[32..40].copy_from_slice(&5678i64.to_be_bytes()); // confirmPhyOffset
        std::fs::write(&p, &java).unwrap();
        let (c, _) = Checkpoint::open(&p).unwrap();
        c.write(&CheckpointTimes {
            physic_msg_timestamp: 9,
            logics_msg_timestamp: 9,
            index_msg_timestamp: 9,
        })
        .unwrap();
        let after = std::fs::read(&p).unwrap();
        assert_eq!(after[24..40], java[24..40]);
        assert_eq!(after.len(), 4096);
    }
}
