//! The error every command returns: one line for stderr and an exit code.

use crate::client::ClientError;
use crate::client::admin::AdminError;
use crate::remoting::RemotingError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line was understood but makes no sense (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The work failed: server said no, connection failed, ... (exit 1).
    #[error("{0}")]
    Failed(String),
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error(transparent)]
    Remoting(#[from] RemotingError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }

    /// A write to a closed stdout: the reader has what it wanted.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl From<AdminError> for CliError {
    /// Findings become one line naming the thing; where the fix is a flag,
    /// the line names the flag.
    fn from(e: AdminError) -> Self {
        match e {
            AdminError::Client(e) => CliError::Client(e),
            e @ AdminError::BrokerNotChosen { .. } => {
                CliError::Usage(format!("{e}: choose one with --broker"))
            }
            e @ AdminError::MessageNotFound { topic: None, .. } => CliError::Failed(format!(
                "{e} (as an offset id; give --topic to look it up as a unique key)"
            )),
            e => CliError::Failed(e.to_string()),
        }
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
