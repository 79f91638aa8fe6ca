//! The store's error type: every way a store operation can fail, as one enum.

use std::path::PathBuf;

/// Errors from the message store. Bad bytes read from disk become errors, never panics.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("bad message: {0}")]
    BadMessage(String),
    #[error("message too large: {size} bytes (maxMessageSize {max})")]
    MessageTooLarge { size: usize, max: usize },
    #[error(
        "disk full: {used_percent}% used, writes refused above diskSpaceWarningLevelRatio {limit_percent}%"
    )]
    DiskFull {
        used_percent: u32,
        limit_percent: u32,
    },
    #[error("corrupt store file {path}: {reason}")]
    Corrupt { path: PathBuf, reason: String },
    #[error("the store is shut down")]
    ShutDown,
    /// A write or sync of a store file failed: what the kernel dropped is unknown, so the
    /// store refuses appends until a restart has recovered the files (see `MessageStore::is_writable`).
    #[error("store not writable until restarted: {op} {path} failed: {cause}")]
    NotWritable {
        op: &'static str,
        path: PathBuf,
        cause: String,
    },
    #[error("bad config file {path}: {reason}")]
    ConfigFile { path: PathBuf, reason: String },
}

impl From<crate::protocol::message::MessageError> for StoreError {
    fn from(e: crate::protocol::message::MessageError) -> Self {
        StoreError::BadMessage(e.0)
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Adds the operation and path to an I/O error, so that one line tells what went wrong where.
pub(crate) trait IoContext<T> {
    fn ctx(self, op: &'static str, path: &std::path::Path) -> Result<T>;
}

impl<T> IoContext<T> for std::io::Result<T> {
    fn ctx(self, op: &'static str, path: &std::path::Path) -> Result<T> {
        self.map_err(|source| StoreError::Io {
            op,
            path: path.to_path_buf(),
            source,
        })
    }
}
