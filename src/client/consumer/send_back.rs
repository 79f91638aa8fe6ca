//! A consumer's failure path (Java's DefaultMQPushConsumerImpl#sendMessageBack): a message the
//! application could not consume goes back to its broker with CONSUMER_SEND_MSG_BACK, which
//! stores it in the group's retry topic with a back-off (or, its attempts used up, in the
//! group's dead-letter queue). When that call fails the consumer sends the message to
//! `%RETRY%<group>` itself, with the properties the broker would have set.

use std::time::Duration;

use crate::client::error::{ClientError, ClientResult};
use crate::client::instance::ClientInstance;
use crate::client::message::{Message, MessageExt};
use crate::protocol::header::ConsumerSendMsgBackRequestHeader;
use crate::protocol::message::property;
use crate::protocol::topic::retry_topic;
use crate::remoting::RemotingCommand;
use crate::remoting::code::{request, response};

/// Attempts before a message goes to the dead-letter queue when the consumer sets none
/// (Java's maxReconsumeTimes -1 means 16 for a concurrently consumed group).
pub const DEFAULT_MAX_RECONSUME_TIMES: i32 = 16;
/// The RPC timeout Java's consumer gives a send-back.
pub const SEND_BACK_TIMEOUT: Duration = Duration::from_secs(5);

/// CONSUMER_SEND_MSG_BACK's header for `msg` (whose topic is the original one, as the push
/// consumer restores it from RETRY_TOPIC).
pub fn header(
    msg: &MessageExt,
    group: &str,
    delay_level: i32,
    max_reconsume_times: i32,
) -> ConsumerSendMsgBackRequestHeader {
    ConsumerSendMsgBackRequestHeader {
        offset: msg.commit_log_offset,
        group: group.to_string(),
        delay_level,
        origin_msg_id: Some(msg.msg_id()),
        origin_topic: Some(msg.topic.clone()),
        unit_mode: Some(false),
        max_reconsume_times: Some(max_reconsume_times),
    }
}

/// Sends `msg` back to the broker it was pulled from (its master, else its store host).
pub async fn send_back(
    instance: &ClientInstance,
    msg: &MessageExt,
    group: &str,
    delay_level: i32,
    max_reconsume_times: i32,
) -> ClientResult<()> {
    let addr = instance
        .master_addr(&msg.broker_name)
        .unwrap_or_else(|| msg.store_host.to_string());
    let req = RemotingCommand::request(request::CONSUMER_SEND_MSG_BACK).with_header(&header(
        msg,
        group,
        delay_level,
        max_reconsume_times,
    ));
    let resp = instance
        .remoting()
        .invoke(&addr, req, SEND_BACK_TIMEOUT)
        .await?;
    if resp.code != response::SUCCESS {
        return Err(ClientError::response("send back", &resp));
    }
    Ok(())
}

/// The message a consumer sends to `%RETRY%<group>` itself when the broker could not take it
/// back: same body, flag, tags, keys and UNIQ_KEY, RETRY_TOPIC = the original topic, the
/// attempt count in RECONSUME_TIME and the limit in MAX_RECONSUME_TIMES (the producer moves
/// both into its request header), DELAY = 3 + reconsumeTimes, ORIGIN_MESSAGE_ID kept or set.
pub fn fallback_message(msg: &MessageExt, group: &str, max_reconsume_times: i32) -> Message {
    let mut m = Message::new(retry_topic(group), msg.body.clone());
    m.flag = msg.flag;
    for (k, v) in msg.properties_map() {
        match k {
            property::TAGS => m.tags = Some(v.to_string()),
            property::KEYS => {
                m.keys = v
                    .split(' ')
                    .filter(|k| !k.is_empty())
                    .map(Into::into)
                    .collect()
            }
            // Written by the producer (WAIT) or the broker (CLUSTER); a transaction's flag
            // does not carry over (Java clears it).
            property::WAIT_STORE_MSG_OK | property::CLUSTER | property::TRANSACTION_PREPARED => {}
            _ => {
                m.properties.insert(k.to_string(), v.to_string());
            }
        }
    }
    let origin = msg
        .property(property::ORIGIN_MESSAGE_ID)
        .filter(|id| !id.trim().is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| msg.msg_id());
    let props = &mut m.properties;
    props.insert(property::ORIGIN_MESSAGE_ID.into(), origin);
    props.insert(property::RETRY_TOPIC.into(), msg.topic.clone());
    props.insert(
        property::RECONSUME_TIME.into(),
        (msg.reconsume_times + 1).to_string(),
    );
    props.insert(
        property::MAX_RECONSUME_TIMES.into(),
        max_reconsume_times.to_string(),
    );
    props.insert(
        property::DELAY.into(),
        (3 + msg.reconsume_times).to_string(),
    );
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consumed() -> MessageExt {
        MessageExt {
            topic: "TopicTest".into(),
            queue_id: 0,
            broker_name: "broker-a".into(),
            queue_offset: 5,
            commit_log_offset: 4096,
            flag: 3,
            sys_flag: 0,
            born_timestamp: 1,
            born_host: "10.0.0.1:5555".parse().unwrap(),
            store_timestamp: 2,
            store_host: "10.0.0.2:10911".parse().unwrap(),
            reconsume_times: 2,
            properties: "KEYS\u{1}k1 k2\u{2}UNIQ_KEY\u{1}U1\u{2}WAIT\u{1}true\u{2}TAGS\u{1}TagA\u{2}\
                         CLUSTER\u{1}C\u{2}RETRY_TOPIC\u{1}TopicTest\u{2}DELAY\u{1}4\u{2}color\u{1}red"
                .into(),
            body: bytes::Bytes::from_static(b"hello"),
        }
    }

    #[test]
    fn the_header_names_the_stored_message_and_its_origin() {
        let h = header(&consumed(), "g", 0, 16);
        assert_eq!(h.offset, 4096);
        assert_eq!(h.group, "g");
        assert_eq!(h.delay_level, 0);
        assert_eq!(h.origin_msg_id.as_deref(), Some("U1"));
        assert_eq!(h.origin_topic.as_deref(), Some("TopicTest"));
        assert_eq!(h.max_reconsume_times, Some(16));
    }

    #[test]
    fn the_fallback_carries_what_the_broker_would_have_set() {
        let m = fallback_message(&consumed(), "g", 16);
        assert_eq!(m.topic, "%RETRY%g");
        assert_eq!(m.body, "hello");
        assert_eq!(m.flag, 3);
        assert_eq!(m.tags.as_deref(), Some("TagA"));
        assert_eq!(m.keys, ["k1", "k2"]);
        let p = &m.properties;
        assert_eq!(p["UNIQ_KEY"], "U1");
        assert_eq!(p["ORIGIN_MESSAGE_ID"], "U1");
        assert_eq!(p["RETRY_TOPIC"], "TopicTest");
        assert_eq!(p["RECONSUME_TIME"], "3");
        assert_eq!(p["MAX_RECONSUME_TIMES"], "16");
        assert_eq!(p["DELAY"], "5");
        assert_eq!(p["color"], "red");
        assert!(!p.contains_key("WAIT") && !p.contains_key("CLUSTER"));
        assert!(m.validate().is_ok());
    }
}
