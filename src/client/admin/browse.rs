//! Reading a cluster wholesale and browsing a topic by time, for the web
//! console: a broker's whole topic table (GET_ALL_TOPIC_CONFIG), a topic's
//! messages stored in a time range, newest first, a page at a time, and a
//! message looked up by id without ever asking a host outside the cluster
//! (an id from a web form names the host the look-up would go to).

use std::collections::BTreeMap;

use serde::Serialize;

use super::AdminClient;
use super::error::{AdminError, AdminResult};
use super::fanout::on_each;
use super::message::MessageView;
use crate::client::error::{ClientError, ClientResult};
use crate::protocol::admin::MessageQueue;
use crate::protocol::body::RemotingBody;
use crate::protocol::message::DecodedMessage;
use crate::protocol::topic_config::TopicConfigSerializeWrapper;
use crate::remoting::RemotingCommand;
use crate::remoting::code::request;

/// One page of a topic's messages in a time range.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessagePage {
    pub topic: String,
    /// The range, ms since the epoch: stored at or after `begin`, before `end`.
    pub begin: i64,
    pub end: i64,
    pub page: usize,
    pub page_size: usize,
    /// Messages stored in the range, over every queue (from their offsets).
    pub total: i64,
    /// This page, newest first.
    pub messages: Vec<MessageView>,
}

impl AdminClient {
    /// GET_ALL_TOPIC_CONFIG: every topic's config on the broker at `addr`.
    pub async fn all_topic_config(&self, addr: &str) -> ClientResult<TopicConfigSerializeWrapper> {
        let r = self
            .call_broker(
                addr,
                "topic configs",
                RemotingCommand::request(request::GET_ALL_TOPIC_CONFIG),
            )
            .await?;
        TopicConfigSerializeWrapper::decode(&r.body).map_err(|e| ClientError::Decode {
            what: "topic configs",
            reason: e.to_string(),
        })
    }

    /// Page `page` (from 0, `size` a page) of `topic`'s messages stored in
    /// `[begin, end)`, newest first over all its queues. Each queue's range
    /// comes from SEARCH_OFFSET_BY_TIMESTAMP, so only the newest
    /// `(page + 1) * size` messages of each queue are read.
    pub async fn messages_by_time(
        &self,
        topic: &str,
        begin: i64,
        end: i64,
        page: usize,
        size: usize,
    ) -> AdminResult<MessagePage> {
        let targets = self.topic_masters(topic).await.map_err(AdminError::topic)?;
        let stats = self.topic_status(topic).await.map_err(AdminError::topic)?;
        let need = (page + 1) * size;
        let stats = &stats;
        let per_broker = on_each(&targets, |t| async move {
            let mut total = 0;
            let mut found: Vec<DecodedMessage> = Vec::new();
            let queues: Vec<&MessageQueue> = stats
                .offset_table
                .keys()
                .filter(|mq| mq.broker_name == t.broker_name)
                .collect();
            for mq in queues {
                let range = &stats.offset_table[mq];
                if range.max_offset <= range.min_offset {
                    continue;
                }
                let lo = self
                    .search_offset(&t.addr, topic, mq.queue_id, begin)
                    .await?
                    .max(range.min_offset);
                let hi = self
                    .search_offset(&t.addr, topic, mq.queue_id, end)
                    .await?
                    .min(range.max_offset);
                if hi <= lo {
                    continue;
                }
                total += hi - lo;
                let mut next = lo.max(hi - need as i64);
                while next < hi {
                    let want = (hi - next).min(32) as i32;
                    let (msgs, n) = self
                        .pull_messages(&t.addr, topic, mq.queue_id, next, want)
                        .await?;
                    if msgs.is_empty() || n <= next {
                        break;
                    }
                    found.extend(msgs.into_iter().filter(|m| m.queue_offset < hi));
                    next = n;
                }
            }
            Ok::<_, ClientError>((total, found))
        })
        .await;
        let mut total = 0;
        let mut all = Vec::new();
        for (_, r) in per_broker {
            let (n, found) = r?;
            total += n;
            all.extend(found);
        }
        all.retain(|m| m.store_timestamp >= begin && m.store_timestamp < end);
        all.sort_by(|a, b| {
            (b.store_timestamp, b.commit_log_offset).cmp(&(a.store_timestamp, a.commit_log_offset))
        });
        let messages = all
            .iter()
            .skip(page * size)
            .take(size)
            .map(MessageView::from)
            .collect();
        Ok(MessagePage {
            topic: topic.to_string(),
            begin,
            end,
            page,
            page_size: size,
            total,
            messages,
        })
    }

    /// A message by id, as `get_message` finds it (first as a unique key
    /// of `topic` when given, then as an offset id), except that an offset
    /// id naming a host that is not in `members` (broker addresses) is not
    /// followed: such a message is `MessageNotFound`.
    pub async fn get_message_within(
        &self,
        id: &str,
        topic: Option<&str>,
        members: &[String],
    ) -> AdminResult<DecodedMessage> {
        self.find_message(id, topic, |addr| members.iter().any(|m| m == addr))
            .await
    }

    /// Whether each of `groups` has consumed `m`: its committed offset on
    /// the message's queue is past the message. `None` where unknown (the
    /// group never committed there, or its broker did not answer).
    pub async fn consumed_by(
        &self,
        m: &DecodedMessage,
        broker_name: &str,
        groups: &[String],
    ) -> BTreeMap<String, Option<bool>> {
        let mq = MessageQueue::new(&m.topic, broker_name, m.queue_id);
        let mut out = BTreeMap::new();
        let answers = futures_util::future::join_all(
            groups
                .iter()
                .map(|g| self.group_progress(g, Some(&m.topic), None)),
        )
        .await;
        for (g, r) in groups.iter().zip(answers) {
            let consumed = r.ok().and_then(|(stats, _)| {
                let o = stats.offset_table.get(&mq)?.committed_offset()?;
                Some(o > m.queue_offset)
            });
            out.insert(g.clone(), consumed);
        }
        out
    }
}
