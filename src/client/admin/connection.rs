//! Who is connected: a producer group's clients, and a consumer group's
//! clients with their subscriptions, merged over the masters. The results
//! are the serializable types `mq producer|consumer list` and
//! `mq group describe` print and the console serves.

use serde::Serialize;

use super::AdminClient;
use super::error::{AdminError, AdminResult};
use crate::protocol::connection::{Connection, ConsumerConnection, version_desc};

/// One client connection.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionRow {
    pub client_id: String,
    pub client_addr: String,
    pub language: String,
    /// The client's RocketMQ version name (`V4_9_8`), or its ordinal.
    pub version: String,
}

impl From<&Connection> for ConnectionRow {
    fn from(c: &Connection) -> Self {
        ConnectionRow {
            client_id: c.client_id.clone(),
            client_addr: c.client_addr.clone(),
            language: c.language.clone(),
            version: version_desc(c.version),
        }
    }
}

/// One topic a consumer group subscribes to.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionRow {
    pub topic: String,
    pub expression: String,
    /// TAG unless the client said otherwise (SQL92).
    pub expression_type: String,
}

/// The subscriptions in a consumer group's merged connection.
pub fn subscription_rows(c: &ConsumerConnection) -> Vec<SubscriptionRow> {
    c.subscription_table
        .values()
        .map(|s| SubscriptionRow {
            topic: s.topic.clone(),
            expression: s.sub_string.clone(),
            expression_type: s.expression_type.clone().unwrap_or_else(|| "TAG".into()),
        })
        .collect()
}

/// A consumer group's online clients and how they consume.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsumerList {
    pub group: String,
    pub consume_type: Option<String>,
    pub message_model: Option<String>,
    pub consume_from_where: Option<String>,
    pub connections: Vec<ConnectionRow>,
    pub subscriptions: Vec<SubscriptionRow>,
}

impl AdminClient {
    /// The clients of producer group `group` connected to the masters of
    /// `cluster` (every cluster when `None`); `NoProducer` when none is.
    pub async fn producer_list(
        &self,
        group: &str,
        cluster: Option<&str>,
    ) -> AdminResult<Vec<ConnectionRow>> {
        let conns = self.producer_connections(group, cluster).await?;
        if conns.connection_set.is_empty() {
            return Err(AdminError::NoProducer(group.to_string()));
        }
        Ok(conns
            .connection_set
            .iter()
            .map(ConnectionRow::from)
            .collect())
    }

    /// The online clients of consumer group `group` and their
    /// subscriptions; `GroupNotOnline` when no master sees one.
    pub async fn consumer_list(
        &self,
        group: &str,
        cluster: Option<&str>,
    ) -> AdminResult<ConsumerList> {
        let Some(c) = self.group_connections(group, cluster).await? else {
            return Err(AdminError::GroupNotOnline(group.to_string()));
        };
        Ok(ConsumerList {
            group: group.to_string(),
            consume_type: c.consume_type.map(|v| v.to_string()),
            message_model: c.message_model.map(|v| v.to_string()),
            consume_from_where: c.consume_from_where.map(|v| v.to_string()),
            connections: c.connection_set.iter().map(ConnectionRow::from).collect(),
            subscriptions: subscription_rows(&c),
        })
    }
}
