//! The client library against a real `mq up`: clustering consumers split the
//! queues and consume each message exactly once, long polling delivers to a
//! consumer that was waiting, topics are auto-created from TBW102, and the
//! pull consumer reads queues and offsets.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use mq::client::consumer::{
    ConsumeFrom, PullConsumer, PullStatus, PushConsumer, PushConsumerConfig,
};
use mq::client::{ClientConfig, Message, Producer, ProducerConfig, SendStatus};
use mq::protocol::admin::MessageQueue;
use support::*;

const DEADLINE: Duration = Duration::from_secs(30);

async fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + DEADLINE;
    while !cond() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn producer(ns: &str) -> Producer {
    Producer::new(&ClientConfig::new(ns), ProducerConfig::default()).unwrap()
}

async fn create_topic(p: &Producer, topic: &str) {
    let r = p.send(&Message::new(topic, "create")).await.unwrap();
    assert_eq!(r.status, SendStatus::SendOk);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clustering_consumers_split_queues_and_consume_each_message_once() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let p = producer(&up.namesrv);
    create_topic(&p, "Split").await;
    let client = ClientConfig::new(&up.namesrv);
    let mut config = PushConsumerConfig::new("split-group", "Split");
    config.consume_from = ConsumeFrom::Last;
    let mut a = PushConsumer::start(&client, config.clone()).await.unwrap();
    let mut b = PushConsumer::start(&client, config).await.unwrap();
    // The broker tells `a` that `b` joined; each ends up with half the queues.
    wait_for("the queues to be split", || {
        let (qa, qb) = (a.assigned_queues(), b.assigned_queues());
        let topic = |q: &[MessageQueue]| q.iter().filter(|m| m.topic == "Split").count();
        topic(&qa) == 2 && topic(&qb) == 2 && qa.iter().all(|q| !qb.contains(q))
    })
    .await;
    let mut sent = BTreeSet::new();
    for i in 0..200 {
        let r = p
            .send(&Message::new("Split", format!("m{i}")))
            .await
            .unwrap();
        sent.insert(r.msg_id);
    }
    let mut got = Vec::new();
    let (mut from_a, mut from_b) = (0, 0);
    let deadline = tokio::time::Instant::now() + DEADLINE;
    while got.len() < sent.len() {
        let d = tokio::select! {
            d = a.recv() => { from_a += 1; d }
            d = b.recv() => { from_b += 1; d }
            _ = tokio::time::sleep_until(deadline) => panic!("got {} of {}", got.len(), sent.len()),
        };
        let d = d.unwrap();
        if d.message.body.as_ref() == b"create" {
            d.ack();
            continue;
        }
        got.push(d.message.msg_id());
        d.ack();
    }
    let unique: BTreeSet<_> = got.iter().cloned().collect();
    assert_eq!(unique.len(), got.len(), "no message is consumed twice");
    assert_eq!(unique, sent);
    assert!(from_a > 0 && from_b > 0, "both consumers got messages");
    a.shutdown().await.unwrap();
    b.shutdown().await.unwrap();
    p.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_polling_delivers_to_a_waiting_consumer() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let p = producer(&up.namesrv);
    create_topic(&p, "Wait").await;
    let mut config = PushConsumerConfig::new("wait-group", "Wait");
    config.consume_from = ConsumeFrom::Last;
    config.use_committed_offsets = false;
    let mut c = PushConsumer::start(&ClientConfig::new(&up.namesrv), config)
        .await
        .unwrap();
    wait_for("queues", || {
        c.assigned_queues()
            .iter()
            .filter(|q| q.topic == "Wait")
            .count()
            == 4
    })
    .await;
    let sent = p
        .send(&Message::new("Wait", "ping").with_tags("T"))
        .await
        .unwrap();
    let d = tokio::time::timeout(DEADLINE, c.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(d.message.msg_id(), sent.msg_id);
    assert_eq!(d.message.body.as_ref(), b"ping");
    d.ack();
    c.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_created_topics_and_the_pull_consumer() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let p = producer(&up.namesrv);
    let batch: Vec<Message> = (0..5)
        .map(|i| Message::new("Fresh", format!("b{i}")).with_tags("TagB"))
        .collect();
    let r = p.send_batch(&batch).await.unwrap();
    assert_eq!(r.msg_id.split(',').count(), 5);
    let q = r.queue.clone();

    let pull = PullConsumer::new(&ClientConfig::new(&up.namesrv), "tools").unwrap();
    let queues = pull.fetch_subscribe_queues("Fresh").await.unwrap();
    assert_eq!(queues.len(), 4, "created with the producer's 4 queues");
    assert_eq!(pull.max_offset(&q).await.unwrap(), r.queue_offset + 5);
    assert_eq!(pull.min_offset(&q).await.unwrap(), 0);
    let res = pull.pull(&q, "*", r.queue_offset, 32).await.unwrap();
    assert_eq!(res.status, PullStatus::Found);
    let bodies: Vec<_> = res.messages.iter().map(|m| m.body.clone()).collect();
    assert_eq!(bodies, ["b0", "b1", "b2", "b3", "b4"]);
    assert_eq!(res.next_begin_offset, r.queue_offset + 5);
    let none = pull.pull(&q, "*", res.next_begin_offset, 32).await.unwrap();
    assert_eq!(none.status, PullStatus::NoNewMsg);
    let other = pull.pull(&q, "TagX", r.queue_offset, 32).await.unwrap();
    assert!(other.messages.is_empty());
    pull.commit_offset(&q, 3).await.unwrap();
    assert_eq!(pull.committed_offset(&q).await.unwrap(), Some(3));
    pull.shutdown();
    p.shutdown().await;
}
