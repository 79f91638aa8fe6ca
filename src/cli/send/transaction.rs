//! `mq send --transaction`: the "local transaction" of each message is the
//! outcome given on the command line, and the broker's checks are answered
//! with `--check-answer`. With an unknown outcome the command stays up until
//! the broker has checked every message it sent, so the whole path (half
//! message, check-back, commit or rollback) can be driven from a shell.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Notify;

use crate::cli::{CliError, CliResult};
use crate::client::message::MessageExt;
use crate::client::{LocalTransactionState, Message, TransactionListener};

/// A local transaction's outcome, as the flags spell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TransactionOutcome {
    /// Commit: consumers get the message
    Commit,
    /// Roll back: the message is dropped
    Rollback,
    /// Not known yet: the broker checks back later
    Unknown,
}

impl TransactionOutcome {
    pub fn state(self) -> LocalTransactionState {
        match self {
            TransactionOutcome::Commit => LocalTransactionState::CommitMessage,
            TransactionOutcome::Rollback => LocalTransactionState::RollbackMessage,
            TransactionOutcome::Unknown => LocalTransactionState::Unknow,
        }
    }
}

/// The command line's transaction listener: answers with the given outcomes
/// and remembers which messages the broker has checked.
pub struct CliTransactions {
    outcome: TransactionOutcome,
    check_answer: TransactionOutcome,
    checked: Mutex<BTreeSet<String>>,
    check_came: Notify,
}

impl CliTransactions {
    pub fn new(outcome: TransactionOutcome, check_answer: TransactionOutcome) -> Arc<Self> {
        Arc::new(CliTransactions {
            outcome,
            check_answer,
            checked: Mutex::new(BTreeSet::new()),
            check_came: Notify::new(),
        })
    }

    /// Whether the sends leave work to the broker's checks.
    pub fn awaits_checks(&self) -> bool {
        self.outcome == TransactionOutcome::Unknown
    }

    /// Waits until the broker has checked every message of `ids`, at most
    /// `wait`. The error says how many were not checked and why that may be.
    pub async fn wait_for_checks(&self, ids: &BTreeSet<String>, wait: Duration) -> CliResult {
        let all_checked = async {
            loop {
                let came = self.check_came.notified();
                if self.unchecked(ids) == 0 {
                    return;
                }
                came.await;
            }
        };
        if tokio::time::timeout(wait, all_checked).await.is_ok() {
            return Ok(());
        }
        Err(CliError::Failed(format!(
            "{} of {} transactions were not checked by the broker within {}: it checks \
             half messages older than transactionTimeOut every transactionCheckInterval \
             (6 s and 60 s by default); wait longer with --check-wait",
            self.unchecked(ids),
            ids.len(),
            humantime::format_duration(wait)
        )))
    }

    fn unchecked(&self, ids: &BTreeSet<String>) -> usize {
        let checked = self.checked.lock().unwrap();
        ids.iter().filter(|id| !checked.contains(*id)).count()
    }
}

impl TransactionListener for CliTransactions {
    fn execute_local_transaction(&self, _msg: &Message, _id: &str) -> LocalTransactionState {
        self.outcome.state()
    }

    fn check_local_transaction(&self, _msg: &MessageExt) -> LocalTransactionState {
        self.check_answer.state()
    }

    /// Counted once the answer is on its way, so that the command cannot exit before it.
    fn check_answered(&self, msg_id: &str, state: LocalTransactionState, sent: bool) {
        if !sent {
            eprintln!("checked {msg_id}: could not answer; the broker asks again");
            return;
        }
        eprintln!("checked {msg_id}: answered {}", state.as_str());
        self.checked.lock().unwrap().insert(msg_id.to_string());
        self.check_came.notify_waiters();
    }
}
