//! `mq bench`: load generators for a RocketMQ cluster, on `mq`'s own client
//! library. One module per workload (`produce`, `consume`, `e2e`, `rpc`) and
//! the pieces they share: the load options and message bodies (`options`),
//! the latency histograms and counters (`stats`), the clock of a run —
//! warm-up, per-second progress and its end (`run`), the CPU and memory
//! figures of this process and of a broker (`meter`), and the report with
//! its table, chart, CSV series and histogram file (`report`).
//!
//! The CLI only parses flags into `LoadOptions` and prints the `Report`.

pub mod consume;
pub mod e2e;
pub mod load;
pub mod meter;
pub mod options;
pub mod produce;
pub mod report;

pub mod rpc;
pub mod run;
pub mod stats;

pub use options::{Bodies, BodyKind, LoadOptions, SendMode, Stop};
pub use report::Report;

use crate::client::ClientError;

/// The user property carrying a message's send time (microseconds since the
/// Unix epoch), from which `consume` and `e2e` measure end-to-end latency.
pub const SEND_TIME_PROPERTY: &str = "mqBenchSendTs";

/// Why a benchmark did not run.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The options make no sense (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The cluster refused or could not be reached (exit 1).
    #[error("{0}")]
    Failed(String),
    #[error(transparent)]
    Client(#[from] ClientError),
}

pub type BenchResult<T> = Result<T, BenchError>;

/// Microseconds since the Unix epoch, the unit of `SEND_TIME_PROPERTY`.
pub fn now_micros() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as i64)
        .unwrap_or(0)
}
