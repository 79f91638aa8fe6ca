//! Errors of the admin workflows (group describe, reset-offset, message
//! look-ups): a client call's error, or a finding that names the thing
//! that is missing or ambiguous.

use crate::client::error::ClientError;

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error("topic '{0}' not found")]
    TopicNotFound(String),
    #[error("topic '{topic}' not found on cluster {cluster}")]
    TopicNotOnCluster { topic: String, cluster: String },
    /// A topic name RocketMQ refuses; the reason names the rule.
    #[error("{0}")]
    InvalidTopic(String),
    /// A broker refused to create, update or delete a topic.
    #[error("cannot {action} topic '{topic}' on {broker_name} ({addr}): {source}")]
    TopicChangeFailed {
        action: &'static str,
        topic: String,
        broker_name: String,
        addr: String,
        source: ClientError,
    },
    /// A broker did not answer an admin call, or refused it.
    #[error("broker {broker_name} ({addr}): {source}")]
    BrokerFailed {
        broker_name: String,
        addr: String,
        source: ClientError,
    },
    #[error("broker {broker_name} has no config key '{key}'")]
    NoConfigKey { broker_name: String, key: String },
    #[error("cannot set '{key}' on broker {broker_name} ({addr}): {source}")]
    ConfigSetFailed {
        key: String,
        broker_name: String,
        addr: String,
        source: ClientError,
    },
    #[error("the name server knows no cluster: is a broker registered?")]
    NoCluster,
    /// The name server knows several clusters and the caller chose none.
    #[error("several clusters ({})", .0.join(", "))]
    ClusterNotChosen(Vec<String>),
    #[error("cluster '{0}' not found")]
    ClusterNotFound(String),
    #[error("cluster '{0}' has no master broker")]
    NoMaster(String),
    /// `cluster` is the cluster the caller limited the search to, if any.
    #[error("consumer group '{group}' not found{}", on_cluster(.cluster))]
    GroupNotFound {
        group: String,
        cluster: Option<String>,
    },
    /// A broker serving the topic did not answer, so the plan would be blind.
    #[error("cannot read the group's offsets: no answer from {0}")]
    OffsetsUnreadable(String),
    #[error("cannot reset offsets on {broker_name} ({addr}): {source}")]
    ResetFailed {
        broker_name: String,
        addr: String,
        source: ClientError,
    },
    #[error("broker '{broker}' does not serve topic '{topic}'")]
    BrokerNotServingTopic { broker: String, topic: String },
    /// The topic is on several brokers and the caller did not choose one.
    #[error("topic '{topic}' is on several brokers ({})", .brokers.join(", "))]
    BrokerNotChosen { topic: String, brokers: Vec<String> },
    /// Not found as an offset id, nor (when a topic was given) as a unique key.
    #[error("message '{id}' not found{}", in_topic(.topic))]
    MessageNotFound { id: String, topic: Option<String> },
    #[error("no message with key '{key}' in topic '{topic}'")]
    NoMessageWithKey { topic: String, key: String },
    /// The id names a message, but not one of the group's dead letters.
    #[error("message '{id}' is not a dead letter of group '{group}' (it is in topic '{topic}')")]
    NotADeadLetter {
        id: String,
        group: String,
        topic: String,
    },
    /// The broker refuses reads of the dead-letter queue (RocketMQ before 4.9.2 created it write-only).
    #[error(
        "topic '{0}' cannot be read (its perm is write-only): allow reads with `mq topic update {0} --perm rw`"
    )]
    DeadLettersUnreadable(String),
    #[error("consumer group '{0}' is not online")]
    GroupNotOnline(String),
    #[error("no producer of group '{0}' is connected")]
    NoProducer(String),
    #[error("consumer group '{group}' has no online client{}", .client_id.as_ref().map(|c| format!(" '{c}'")).unwrap_or_default())]
    ConsumerNotOnline {
        group: String,
        client_id: Option<String>,
    },
}

fn on_cluster(cluster: &Option<String>) -> String {
    match cluster {
        Some(c) => format!(" on cluster {c}"),
        None => String::new(),
    }
}

fn in_topic(topic: &Option<String>) -> String {
    match topic {
        Some(t) => format!(" in topic '{t}'"),
        None => String::new(),
    }
}

impl AdminError {
    /// `TopicNotFound` for a client's topic-not-found, the client error otherwise.
    pub(crate) fn topic(e: ClientError) -> Self {
        match e {
            ClientError::TopicNotFound(t) => AdminError::TopicNotFound(t),
            e => AdminError::Client(e),
        }
    }
}

pub type AdminResult<T> = Result<T, AdminError>;
