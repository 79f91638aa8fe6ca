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
            e @ AdminError::ClusterNotChosen(_) => {
                CliError::Usage(format!("{e}: choose one with -c"))
            }
            AdminError::InvalidTopic(reason) => CliError::Usage(reason),
            e @ AdminError::MessageNotFound { topic: None, .. } => CliError::Failed(format!(
                "{e} (as an offset id; give --topic to look it up as a unique key)"
            )),
            e => CliError::Failed(e.to_string()),
        }
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

#[cfg(test)]
mod tests {
    use super::*;

    fn line(e: AdminError) -> (String, i32) {
        let e = CliError::from(e);
        (e.to_string(), e.exit_code())
    }

    /// The lines the commands printed before their workflows moved into
    /// `client::admin`, word for word, with their exit codes.
    #[test]
    fn admin_findings_keep_their_lines_and_exit_codes() {
        let s = String::from;
        let cases = [
            (
                AdminError::BrokerNotChosen {
                    topic: s("T"),
                    brokers: vec![s("broker-a"), s("broker-b")],
                },
                "topic 'T' is on several brokers (broker-a, broker-b): choose one with --broker",
                2,
            ),
            (
                AdminError::ClusterNotChosen(vec![s("c1"), s("c2")]),
                "several clusters (c1, c2): choose one with -c",
                2,
            ),
            (AdminError::InvalidTopic(s("bad name")), "bad name", 2),
            (
                AdminError::MessageNotFound {
                    id: s("x"),
                    topic: None,
                },
                "message 'x' not found (as an offset id; give --topic to look it up as a unique key)",
                1,
            ),
            (
                AdminError::MessageNotFound {
                    id: s("x"),
                    topic: Some(s("T")),
                },
                "message 'x' not found in topic 'T'",
                1,
            ),
            (
                AdminError::GroupNotFound {
                    group: s("g"),
                    cluster: None,
                },
                "consumer group 'g' not found",
                1,
            ),
            (
                AdminError::GroupNotFound {
                    group: s("g"),
                    cluster: Some(s("C")),
                },
                "consumer group 'g' not found on cluster C",
                1,
            ),
            (
                AdminError::ConsumerNotOnline {
                    group: s("g"),
                    client_id: None,
                },
                "consumer group 'g' has no online client",
                1,
            ),
            (
                AdminError::ConsumerNotOnline {
                    group: s("g"),
                    client_id: Some(s("c@1")),
                },
                "consumer group 'g' has no online client 'c@1'",
                1,
            ),
            (
                AdminError::NoConfigKey {
                    broker_name: s("broker-a"),
                    key: s("k"),
                },
                "broker broker-a has no config key 'k'",
                1,
            ),
            (
                AdminError::NoCluster,
                "the name server knows no cluster: is a broker registered?",
                1,
            ),
            (
                AdminError::TopicNotOnCluster {
                    topic: s("T"),
                    cluster: s("C"),
                },
                "topic 'T' not found on cluster C",
                1,
            ),
        ];
        for (e, text, code) in cases {
            assert_eq!(line(e), (text.to_string(), code));
        }
    }
}
