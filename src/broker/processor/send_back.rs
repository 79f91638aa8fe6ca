//! CONSUMER_SEND_MSG_BACK (36): a consumer returns a message it failed to consume. Decodes the
//! header and answers; what is stored where is `broker::retry`'s.

use super::Outcome;
use crate::broker::Broker;
use crate::broker::retry::{self, SendBack};
use crate::protocol::header::ConsumerSendMsgBackRequestHeader;
use crate::remoting::RemotingCommand;

pub async fn consumer_send_msg_back(b: &Broker, req: &RemotingCommand) -> Outcome {
    let h: ConsumerSendMsgBackRequestHeader = req.decode_header()?;
    let back = SendBack {
        offset: h.offset,
        group: &h.group,
        delay_level: h.delay_level,
        max_reconsume_times: h.max_reconsume_times,
        client_version: req.version,
    };
    Ok(match retry::send_back(b, &back).await {
        Ok(_) => {
            if let Some(topic) = h.origin_topic.as_deref() {
                b.stats.on_send_back(&h.group, topic);
            }
            RemotingCommand::success()
        }
        Err(refusal) => RemotingCommand::error(refusal.code, refusal.remark),
    })
}
