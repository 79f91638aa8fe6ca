//! Taking a broker out of (and back into) producers' routes the way RocketMQ's maintenance
//! does: WIPE_WRITE_PERM_OF_BROKER and ADD_WRITE_PERM_OF_BROKER on every name server (mqadmin's
//! wipeWritePerm / addWritePerm). The broker keeps serving reads; the name servers keep the
//! change until the broker registers a changed topic config or registers anew after a restart.

use serde::Serialize;

use super::AdminClient;
use crate::protocol::header::BrokerNameHeader;
use crate::remoting::RemotingCommand;
use crate::remoting::code::{request, response};

/// What one name server did with a write-permission change.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WritePermChange {
    pub namesrv: String,
    pub broker_name: String,
    /// Topics (queue data of the broker) changed; None when the name server did not answer.
    pub topic_count: Option<i64>,
    pub error: Option<String>,
}

impl AdminClient {
    /// Clears the write bit of every topic of `broker_name` on each name server in turn,
    /// going on past one that fails, as mqadmin does.
    pub async fn wipe_write_perm_of_broker(&self, broker_name: &str) -> Vec<WritePermChange> {
        self.change_write_perm(
            broker_name,
            request::WIPE_WRITE_PERM_OF_BROKER,
            "wipeTopicCount",
        )
        .await
    }

    /// Makes every topic of `broker_name` read-write again on each name server.
    pub async fn add_write_perm_of_broker(&self, broker_name: &str) -> Vec<WritePermChange> {
        self.change_write_perm(
            broker_name,
            request::ADD_WRITE_PERM_OF_BROKER,
            "addTopicCount",
        )
        .await
    }

    async fn change_write_perm(
        &self,
        broker_name: &str,
        code: i32,
        count_key: &str,
    ) -> Vec<WritePermChange> {
        let header = BrokerNameHeader {
            broker_name: broker_name.to_string(),
        };
        let mut changes = Vec::new();
        for addr in self.namesrv.all() {
            let req = RemotingCommand::request(code).with_header(&header);
            let answer = self.remoting.invoke(addr, req, self.timeout).await;
            let (topic_count, error) = match answer {
                Ok(r) if r.code == response::SUCCESS => {
                    match r.ext(count_key).and_then(|c| c.parse().ok()) {
                        Some(count) => (Some(count), None),
                        None => (None, Some(format!("the answer has no {count_key}"))),
                    }
                }
                Ok(r) => (
                    None,
                    Some(format!("code {}: {}", r.code, r.remark.unwrap_or_default())),
                ),
                Err(e) => (None, Some(e.to_string())),
            };
            changes.push(WritePermChange {
                namesrv: addr.clone(),
                broker_name: broker_name.to_string(),
                topic_count,
                error,
            });
        }
        changes
    }
}
