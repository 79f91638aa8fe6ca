//! The bodies of LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42): the queues an
//! orderly consumer asks to own (LockBatchRequestBody), gives back
//! (UnlockBatchRequestBody), and the ones the broker granted
//! (LockBatchResponseBody). Java writes the sets as JSON arrays of queues.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::admin::MessageQueue;
use super::body::RemotingBody;

/// `LockBatchRequestBody`. `onlyThisBroker` matters to brokers in
/// lockInStrictMode with replicas, which ask their peers too.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct LockBatchRequestBody {
    pub client_id: String,
    pub consumer_group: String,
    pub mq_set: BTreeSet<MessageQueue>,
    pub only_this_broker: bool,
}

impl RemotingBody for LockBatchRequestBody {}

/// `UnlockBatchRequestBody`: the same fields as the lock request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct UnlockBatchRequestBody {
    pub client_id: String,
    pub consumer_group: String,
    pub mq_set: BTreeSet<MessageQueue>,
    pub only_this_broker: bool,
}

impl RemotingBody for UnlockBatchRequestBody {}

/// `LockBatchResponseBody`: the requested queues the client now holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LockBatchResponseBody {
    #[serde(rename = "lockOKMQSet")]
    pub lock_ok_mq_set: BTreeSet<MessageQueue>,
}

impl RemotingBody for LockBatchResponseBody {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_request_reads_what_the_java_client_writes() {
        // As fastjson writes a 4.9.8 client's request (field order varies).
        let raw = br#"{"consumerGroup":"g","clientId":"10.0.0.1@123","mqSet":[{"brokerName":"broker-a","queueId":1,"topic":"T"},{"brokerName":"broker-a","queueId":0,"topic":"T"}],"onlyThisBroker":false}"#;
        let body = LockBatchRequestBody::decode(raw).unwrap();
        assert_eq!(body.consumer_group, "g");
        assert_eq!(body.client_id, "10.0.0.1@123");
        assert_eq!(
            body.mq_set.iter().map(|q| q.queue_id).collect::<Vec<_>>(),
            [0, 1]
        );
        let unlock = UnlockBatchRequestBody::decode(raw).unwrap();
        assert_eq!(unlock.mq_set, body.mq_set);
    }

    #[test]
    fn lock_response_field_is_named_as_java_names_it() {
        let mut r = LockBatchResponseBody::default();
        r.lock_ok_mq_set
            .insert(MessageQueue::new("T", "broker-a", 2));
        let text = String::from_utf8(r.encode()).unwrap();
        assert_eq!(
            text,
            r#"{"lockOKMQSet":[{"brokerName":"broker-a","queueId":2,"topic":"T"}]}"#
        );
        assert_eq!(LockBatchResponseBody::decode(text.as_bytes()).unwrap(), r);
        assert!(
            LockBatchResponseBody::decode(b"{}")
                .unwrap()
                .lock_ok_mq_set
                .is_empty()
        );
    }
}
