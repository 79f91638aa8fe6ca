//! The broker's one way to store messages: every path that stores (SEND_MESSAGE,
//! CONSUMER_SEND_MSG_BACK, the schedule and timer services, the transaction service) appends through here, so that each
//! stored message is counted in the put statistics and wakes the pulls held on its queue the
//! moment it is visible, not once it is durable.

use super::Broker;
use crate::protocol::topic::SCHEDULE_TOPIC;
use crate::store::ha::ReplicaStatus;
use crate::store::message::{BatchMessage, find_properties, property};
use crate::store::{AppendMessage, AppendedMessage, PutStatus, StoreError};

impl Broker {
    /// Stores one message. When this returns the message is visible to pulls, the pulls held
    /// on its queue are woken and it is counted; it is not yet durable: see `wait_durable`.
    pub fn append(&self, msg: &AppendMessage<'_>) -> Result<AppendedMessage, StoreError> {
        let a = self.store.append(msg)?;
        self.stats.on_topic_put(msg.topic, 1, a.wrote_bytes as u64);
        self.pull_hold
            .notify_message_arriving(msg.topic, msg.queue_id);
        if msg.topic == SCHEDULE_TOPIC {
            // The schedule service may sleep past this message's deliver time.
            let [delay] = find_properties(msg.properties, [property::DELAY]);
            let levels = &self.store.config().message_delay_level;
            self.schedule
                .on_put(levels, delay, crate::util::now_millis());
        }
        Ok(a)
    }

    /// Stores messages consecutively (a batch; messages of one queue get consecutive queue
    /// offsets), with `append`'s promises for each; `appended` receives where each went. If
    /// one fails, those before it stay stored, and are counted and announced like the rest.
    pub fn append_batch(
        &self,
        msgs: &[AppendMessage<'_>],
        appended: &mut Vec<AppendedMessage>,
    ) -> Result<(), StoreError> {
        let result = self.store.append_batch(msgs, appended);
        if !appended.is_empty() {
            let bytes: usize = appended.iter().map(|a| a.wrote_bytes).sum();
            self.stats
                .on_topic_put(msgs[0].topic, appended.len() as u64, bytes as u64);
            self.wake_queues(&msgs[..appended.len()]);
        }
        result
    }

    /// Stores a batch's messages, `base` but for each one's flag, body and properties (see
    /// `Store::append_batch_entries`), with `append_batch`'s promises.
    pub fn append_batch_entries(
        &self,
        base: &AppendMessage<'_>,
        entries: &[BatchMessage<'_>],
        appended: &mut Vec<AppendedMessage>,
    ) -> Result<(), StoreError> {
        let result = self.store.append_batch_entries(base, entries, appended);
        if !appended.is_empty() {
            let bytes: usize = appended.iter().map(|a| a.wrote_bytes).sum();
            self.stats
                .on_topic_put(base.topic, appended.len() as u64, bytes as u64);
            // One queue: woken once.
            self.pull_hold
                .notify_message_arriving(base.topic, base.queue_id);
        }
        result
    }

    /// Waits until messages appended up to `end_offset` (the physical offset just past the
    /// last one) are as durable as the broker promises before it answers: flushed under
    /// SYNC_FLUSH (later also acknowledged by a SYNC_MASTER's slave).
    pub async fn wait_durable(&self, end_offset: i64) -> Result<PutStatus, StoreError> {
        self.store.wait_durable(end_offset).await
    }

    /// On a SYNC_MASTER, waits until a slave has messages appended up to `end_offset`
    /// (RocketMQ's handleHA); any other role has nothing to wait for.
    pub async fn wait_replicated(&self, end_offset: i64) -> ReplicaStatus {
        if self.config.broker_role != super::BrokerRole::SyncMaster {
            return ReplicaStatus::Replicated;
        }
        // RocketMQ's isSlaveOK measures the gap from the message's end.
        self.ha.wait_replicated(end_offset, end_offset).await
    }

    /// Wakes each queue written once; a batch's messages usually share one queue.
    fn wake_queues(&self, stored: &[AppendMessage<'_>]) {
        for (i, m) in stored.iter().enumerate() {
            let seen = stored[..i]
                .iter()
                .any(|p| p.queue_id == m.queue_id && p.topic == m.topic);
            if !seen {
                self.pull_hold.notify_message_arriving(m.topic, m.queue_id);
            }
        }
    }
}

/// The physical offset just past the last of `appended`, what `Broker::wait_durable` waits for.
pub fn end_offset(appended: &[AppendedMessage]) -> i64 {
    appended
        .iter()
        .map(|a| a.physical_offset + a.wrote_bytes as i64)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::broker::config::{BrokerConfig, BrokerStartConfig};
    use crate::store::{GetMessageStatus, StoreConfig};
    use std::sync::atomic::Ordering;

    fn msg<'a>(topic: &'a str, queue_id: i32, body: &'a [u8]) -> AppendMessage<'a> {
        AppendMessage {
            topic,
            queue_id,
            flag: 0,
            body,
            properties: "TAGS\u{1}t",
            sys_flag: 0,
            born_timestamp: 1_700_000_000_000,
            born_host: "127.0.0.1:50000".parse().unwrap(),
            store_host: "127.0.0.1:10911".parse().unwrap(),
            reconsume_times: 0,
            prepared_transaction_offset: 0,
        }
    }

    #[tokio::test]
    async fn a_batch_wakes_every_queue_it_wrote_and_is_counted() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = StoreConfig::new(dir.path());
        store.mapped_file_size_commit_log = 1 << 20;
        store.mapped_file_size_consume_queue = 20 * 1024;
        let start = BrokerStartConfig {
            broker: BrokerConfig::default(),
            store,
        };
        let b = Broker::open(start, None).unwrap();

        let signals =
            [("A", 0), ("A", 1), ("B", 0), ("A", 2)].map(|(t, q)| b.pull_hold.signal(t, q));
        let mut woken: Vec<_> = signals.iter().map(|s| Box::pin(s.notified())).collect();
        for w in &mut woken {
            w.as_mut().enable();
        }

        let batch = [
            msg("A", 0, b"1"),
            msg("A", 0, b"2"),
            msg("B", 0, b"3"),
            msg("A", 1, b"4"),
        ];
        let mut appended = Vec::new();
        b.append_batch(&batch, &mut appended).unwrap();

        // Visible before anything waited for durability.
        let r = b.store.get_message("A", 0, 0, 32, usize::MAX);
        assert_eq!((r.status, r.messages.len()), (GetMessageStatus::Found, 2));
        for (i, w) in woken.iter_mut().enumerate() {
            let ready = futures_util::poll!(w.as_mut()).is_ready();
            assert_eq!(ready, i < 3, "signal {i}: only the queues written wake");
        }
        assert_eq!(b.stats.put_msgs.load(Ordering::Relaxed), 4);
        let bytes: usize = appended.iter().map(|a| a.wrote_bytes).sum();
        assert_eq!(b.stats.put_bytes.load(Ordering::Relaxed), bytes as u64);
        assert_eq!(end_offset(&appended), b.store.max_phy_offset());
        assert_eq!(
            b.wait_durable(end_offset(&appended)).await.unwrap(),
            PutStatus::PutOk
        );

        // A single append wakes its queue too.
        let mut again = Box::pin(signals[3].notified());
        again.as_mut().enable();
        let one = b.append(&msg("A", 2, b"5")).unwrap();
        assert!(futures_util::poll!(again.as_mut()).is_ready());
        assert_eq!(one.queue_offset, 0);
        assert_eq!(b.stats.put_msgs.load(Ordering::Relaxed), 5);
    }
}
