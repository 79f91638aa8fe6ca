//! What a request needs (PlainAccessValidator#parse): who sent it (the
//! client's IP, AccessKey, Signature), the bytes its signature covers, and the
//! permission needed on each topic or group (a group as its retry topic) by
//! request code: sends need PUB on the topic (SUB on the group for a send to a
//! retry topic), pulls, heartbeats and offsets SUB on the topic and the group.

use std::collections::HashMap;

use super::AclError;
use super::permission::{PUB, SUB, is_retry_topic, retry_topic};
use crate::protocol::body::RemotingBody;
use crate::protocol::heartbeat::HeartbeatData;
use crate::remoting::RemotingCommand;
use crate::remoting::code::request;

/// One request's access: PlainAccessResource as parse fills it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessResource {
    /// The client's IP, without the port.
    pub remote_ip: String,
    pub request_code: i32,
    pub access_key: Option<String>,
    pub signature: Option<String>,
    pub security_token: Option<String>,
    /// Permission needed per resource: a topic, or a group's retry topic.
    pub needed: HashMap<String, u8>,
    /// The signed bytes: the ext field values in key order (without
    /// Signature and _UNIQUE_KEY_QUERY), then the body.
    pub content: Vec<u8>,
}

impl AccessResource {
    fn need(&mut self, resource: Option<String>, perm: u8) {
        if let Some(r) = resource {
            self.needed.insert(r, perm);
        }
    }
}

/// Java decodes the headers it reads with their required fields; a missing
/// one is RemotingCommandException's message.
fn required<'a>(req: &'a RemotingCommand, key: &str) -> Result<&'a str, AclError> {
    req.ext(key)
        .ok_or_else(|| AclError(format!("the custom field <{key}> is null")))
}

/// PlainAccessValidator#parse.
pub fn parse(req: &RemotingCommand, remote_ip: &str) -> Result<AccessResource, AclError> {
    let mut r = AccessResource {
        remote_ip: remote_ip.to_string(),
        request_code: req.code,
        ..Default::default()
    };
    if req.ext_fields.is_empty() {
        // Nothing to identify the client by: only a white-listed address passes.
        r.content = req.body.to_vec();
        return Ok(r);
    }
    let ext = |k: &str| req.ext(k).map(str::to_string);
    r.access_key = ext(super::ACCESS_KEY);
    r.signature = ext(super::SIGNATURE);
    r.security_token = ext(super::SECURITY_TOKEN);
    let group_retry = |k: &str| req.ext(k).map(retry_topic);
    match req.code {
        // Java reads "group", which SendMessageRequestHeader does not have: a
        // V1 send to a retry topic needs nothing. Kept, as Java clients expect.
        request::SEND_MESSAGE => match req.ext("topic") {
            Some(t) if is_retry_topic(t) => r.need(group_retry("group"), SUB),
            t => r.need(t.map(str::to_string), PUB),
        },
        // SEND_BATCH_MESSAGE carries the same (V2) header; Java 4.9.8 checks
        // nothing for it, mq checks it as a send.
        request::SEND_MESSAGE_V2 | request::SEND_BATCH_MESSAGE => match req.ext("b") {
            Some(t) if is_retry_topic(t) => r.need(group_retry("a"), SUB),
            t => r.need(t.map(str::to_string), PUB),
        },
        request::CONSUMER_SEND_MSG_BACK => r.need(group_retry("group"), SUB),
        request::PULL_MESSAGE => {
            r.need(ext("topic"), SUB);
            r.need(group_retry("consumerGroup"), SUB);
        }
        request::QUERY_MESSAGE => r.need(ext("topic"), SUB),
        request::HEART_BEAT => {
            let hb = HeartbeatData::decode(&req.body).map_err(|e| AclError(e.to_string()))?;
            for c in hb.consumer_data_set {
                r.need(Some(retry_topic(&c.group_name)), SUB);
                for s in c.subscription_data_set {
                    r.need(Some(s.topic), SUB);
                }
            }
        }
        request::UNREGISTER_CLIENT => {
            required(req, "clientID")?;
            r.need(group_retry("consumerGroup"), SUB);
        }
        request::GET_CONSUMER_LIST_BY_GROUP => {
            r.need(Some(retry_topic(required(req, "consumerGroup")?)), SUB);
        }
        request::UPDATE_CONSUMER_OFFSET => {
            let group = required(req, "consumerGroup")?;
            let topic = required(req, "topic")?;
            required(req, "queueId")?;
            required(req, "commitOffset")?;
            r.need(Some(retry_topic(group)), SUB);
            r.need(Some(topic.to_string()), SUB);
        }
        _ => {}
    }
    r.content = super::signer::broker_content(req);
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sends_need_pub_and_retry_sends_need_the_group() {
        let req = RemotingCommand::request(request::SEND_MESSAGE_V2)
            .with_ext("a", "G")
            .with_ext("b", "T")
            .with_ext("AccessKey", "ak");
        let r = parse(&req, "127.0.0.1").unwrap();
        assert_eq!(r.needed, HashMap::from([("T".to_string(), PUB)]));
        assert_eq!(r.access_key.as_deref(), Some("ak"));
        let req = RemotingCommand::request(request::SEND_MESSAGE_V2)
            .with_ext("a", "G")
            .with_ext("b", "%RETRY%G");
        let r = parse(&req, "127.0.0.1").unwrap();
        assert_eq!(r.needed, HashMap::from([("%RETRY%G".to_string(), SUB)]));
    }

    #[test]
    fn pulls_need_the_topic_and_the_group() {
        let req = RemotingCommand::request(request::PULL_MESSAGE)
            .with_ext("topic", "T")
            .with_ext("consumerGroup", "G");
        let r = parse(&req, "::1").unwrap();
        assert_eq!(
            r.needed,
            HashMap::from([("T".to_string(), SUB), ("%RETRY%G".to_string(), SUB)])
        );
    }

    #[test]
    fn heartbeats_need_every_subscription() {
        let body = br#"{"clientID":"c","consumerDataSet":[{"groupName":"G","subscriptionDataSet":[{"topic":"T1"},{"topic":"T2"}]}],"producerDataSet":[]}"#;
        let req = RemotingCommand::request(request::HEART_BEAT)
            .with_ext("AccessKey", "ak")
            .with_body(&body[..]);
        let r = parse(&req, "127.0.0.1").unwrap();
        assert_eq!(r.needed.len(), 3);
        assert_eq!(r.needed["T2"], SUB);
        let bad = RemotingCommand::request(request::HEART_BEAT)
            .with_ext("AccessKey", "ak")
            .with_body(&b"{"[..]);
        assert!(parse(&bad, "127.0.0.1").is_err());
    }

    #[test]
    fn missing_required_fields_are_refused() {
        let req = RemotingCommand::request(request::UPDATE_CONSUMER_OFFSET)
            .with_ext("AccessKey", "ak")
            .with_ext("topic", "T");
        let e = parse(&req, "127.0.0.1").unwrap_err();
        assert_eq!(e.0, "the custom field <consumerGroup> is null");
    }
}
