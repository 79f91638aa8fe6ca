//! END_TRANSACTION (37): a producer's outcome for a half message, oneway after its local
//! transaction or in answer to a CHECK_TRANSACTION_STATE. Decodes the request and reads
//! commitOrRollback as EndTransactionProcessor does; `transaction::end_transaction` settles
//! the half.

use crate::broker::Broker;
use crate::broker::transaction::{self, Outcome};
use crate::protocol::header::EndTransactionRequestHeader;
use crate::protocol::message::sysflag;
use crate::remoting::code::response;
use crate::remoting::{RemotingCommand, RemotingError};

/// The response, or None where RocketMQ sends none: an outcome still unknown (0), which
/// leaves the half to the check-back.
pub async fn end_transaction(
    b: &Broker,
    req: &RemotingCommand,
) -> Option<Result<RemotingCommand, RemotingError>> {
    let h: EndTransactionRequestHeader = match req.decode_header() {
        Ok(h) => h,
        Err(e) => return Some(Err(e)),
    };
    if !b.config.is_master() {
        return Some(Ok(RemotingCommand::error(
            response::SLAVE_NOT_AVAILABLE,
            "the broker is a slave: end transaction is forbidden",
        )));
    }
    let outcome = match h.commit_or_rollback {
        sysflag::TRANSACTION_NOT_TYPE => {
            tracing::debug!(
                "END_TRANSACTION from group {} for commitLogOffset {}: still unknown{}",
                h.producer_group,
                h.commit_log_offset,
                if h.from_transaction_check == Some(true) {
                    " (answering a check)"
                } else {
                    ""
                }
            );
            return None;
        }
        sysflag::TRANSACTION_COMMIT_TYPE => Outcome::Commit,
        sysflag::TRANSACTION_ROLLBACK_TYPE => Outcome::Rollback,
        other => {
            // RocketMQ drops such a request without a word; one that waits for an answer
            // gets one here rather than a timeout.
            return Some(Ok(RemotingCommand::error(
                response::SYSTEM_ERROR,
                format!(
                    "commitOrRollback {other} is not a transaction state: expected 0 (unknown), \
                     8 (commit) or 12 (rollback)"
                ),
            )));
        }
    };
    let ended = transaction::end_transaction(b, &h, outcome);
    if ended.end_offset > 0
        && let Err(e) = b.wait_durable(ended.end_offset).await
    {
        return Some(Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!("the transaction outcome is stored but not durable: {e}"),
        )));
    }
    if ended.end_offset > 0 {
        // A SYNC_MASTER waits for a slave to have the committed message, but answers SUCCESS
        // whatever the slave did, as EndTransactionProcessor maps FLUSH_SLAVE_TIMEOUT and
        // SLAVE_NOT_AVAILABLE.
        b.wait_replicated(ended.end_offset).await;
    }
    Some(Ok(ended.response))
}
