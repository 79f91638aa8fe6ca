//! mqadmin's store maintenance requests: DELETE_EXPIRED_COMMITLOG (329) runs a
//! housekeeping pass now, deleting commit log files older than fileReservedTime
//! whatever deleteWhen says (RocketMQ's executeDeleteFilesManually), and
//! CLEAN_EXPIRED_CONSUMEQUEUE (306) deletes the consume queue and index files
//! that only point at deleted commit log data; CLEAN_UNUSED_TOPIC (316) drops
//! the consume queues of topics the broker has no config for. All do file I/O,
//! off the async workers.

use std::sync::Arc;

use super::Outcome;
use crate::broker::Broker;
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;

async fn blocking<T: Send + 'static>(
    b: &Arc<Broker>,
    work: impl FnOnce(&Broker) -> crate::store::Result<T> + Send + 'static,
) -> Result<T, String> {
    let b = b.clone();
    match tokio::task::spawn_blocking(move || work(&b)).await {
        Ok(Ok(t)) => Ok(t),
        Ok(Err(e)) => Err(e.to_string()),
        Err(e) => Err(format!("the clean-up task failed: {e}")),
    }
}

pub async fn delete_expired_commit_log(b: &Arc<Broker>) -> Outcome {
    tracing::warn!("invoke deleteExpiredCommitLog start.");
    let outcome = blocking(b, |b| b.store.run_housekeeping(true)).await;
    Ok(match outcome {
        Ok(report) => {
            tracing::warn!(
                "invoke deleteExpiredCommitLog end: {} commit log, {} consume queue, {} index files deleted",
                report.commit_log_files_deleted,
                report.consume_queue_files_deleted,
                report.index_files_deleted
            );
            RemotingCommand::success()
        }
        Err(e) => RemotingCommand::error(response::SYSTEM_ERROR, e),
    })
}

pub async fn clean_expired_consume_queue(b: &Arc<Broker>) -> Outcome {
    tracing::warn!("invoke cleanExpiredConsumeQueue start.");
    let outcome = blocking(b, |b| b.store.clean_expired_consume_queues()).await;
    Ok(match outcome {
        Ok(report) => {
            tracing::warn!(
                "invoke cleanExpiredConsumeQueue end: {} consume queue, {} index files deleted",
                report.consume_queue_files_deleted,
                report.index_files_deleted
            );
            RemotingCommand::success()
        }
        Err(e) => RemotingCommand::error(response::SYSTEM_ERROR, e),
    })
}

/// Whether a topic's queues stay when unused topics are cleaned: it has a config, or it is one
/// of the topics the broker writes without one (schedule, transactions, timer), or an LMQ.
pub fn topic_in_use(b: &Broker, topic: &str) -> bool {
    b.topics.contains(topic)
        || crate::broker::topic_config_manager::is_system_topic(topic, &b.config)
        || topic.starts_with("%LMQ%")
}

pub async fn clean_unused_topic(b: &Arc<Broker>) -> Outcome {
    tracing::warn!("invoke cleanUnusedTopic start.");
    let outcome = blocking(b, |b| b.store.clean_unused_topics(|t| topic_in_use(b, t))).await;
    Ok(match outcome {
        Ok(removed) => {
            tracing::warn!("invoke cleanUnusedTopic end: removed {removed:?}");
            RemotingCommand::success()
        }
        Err(e) => RemotingCommand::error(response::SYSTEM_ERROR, e),
    })
}
