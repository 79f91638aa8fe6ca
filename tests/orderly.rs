//! Ordered consumption against real `mq` processes: queue locks over the
//! wire (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ), orderTopicConf in routes, and two
//! `mq consume --orderly` processes sharing a group while one is killed.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use mq::protocol::admin::MessageQueue;
use mq::protocol::body::RemotingBody;
use mq::protocol::heartbeat::{ConsumerData, HeartbeatData, MessageModel, SubscriptionData};
use mq::protocol::lock::{LockBatchRequestBody, LockBatchResponseBody, UnlockBatchRequestBody};
use mq::remoting::code::{request, response};
use mq::remoting::{RemotingClient, RemotingCommand};
use support::*;

const TOPIC: &str = "OrderTopic";

fn q(id: i32) -> MessageQueue {
    MessageQueue::new(TOPIC, "broker-a", id)
}

fn lock_request(group: &str, client_id: &str, ids: &[i32]) -> RemotingCommand {
    let body = LockBatchRequestBody {
        client_id: client_id.into(),
        consumer_group: group.into(),
        mq_set: ids.iter().map(|i| q(*i)).collect(),
        only_this_broker: false,
    };
    RemotingCommand::request(request::LOCK_BATCH_MQ).with_body(body.encode())
}

/// LOCK_BATCH_MQ as `client_id`; the queue ids granted.
async fn lock(client: &RemotingClient, broker: &str, client_id: &str, ids: &[i32]) -> Vec<i32> {
    let r = client
        .invoke(broker, lock_request("lg", client_id, ids), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    LockBatchResponseBody::decode(&r.body)
        .unwrap()
        .lock_ok_mq_set
        .iter()
        .map(|m| m.queue_id)
        .collect()
}

async fn unlock(client: &RemotingClient, broker: &str, client_id: &str, ids: &[i32]) {
    let body = UnlockBatchRequestBody {
        client_id: client_id.into(),
        consumer_group: "lg".into(),
        mq_set: ids.iter().map(|i| q(*i)).collect(),
        only_this_broker: false,
    };
    let req = RemotingCommand::request(request::UNLOCK_BATCH_MQ).with_body(body.encode());
    let r = client.invoke(broker, req, TIMEOUT).await.unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
}

fn heartbeat(client_id: &str, group: &str) -> RemotingCommand {
    let data = HeartbeatData {
        client_id: client_id.into(),
        consumer_data_set: vec![ConsumerData {
            group_name: group.into(),
            message_model: MessageModel::Clustering,
            subscription_data_set: vec![SubscriptionData::from_tag_expression(TOPIC, "*", 1)],
            ..Default::default()
        }],
        producer_data_set: vec![],
    };
    RemotingCommand::request(request::HEART_BEAT).with_body(data.encode())
}

/// Polls LOCK_BATCH_MQ until `client_id` is granted `id`.
async fn lock_eventually(client: &RemotingClient, broker: &str, client_id: &str, id: i32) {
    for _ in 0..1000 {
        if lock(client, broker, client_id, &[id]).await == [id] {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{client_id} never got queue {id}");
}

fn up_with_config(dir: &Path, yaml: &str) -> MqUp {
    std::fs::create_dir_all(dir).unwrap();
    let conf = dir.join("broker.yaml");
    std::fs::write(&conf, yaml).unwrap();
    start_up(&dir.join("data"), &["-c", conf.to_str().unwrap()])
}

#[tokio::test(flavor = "multi_thread")]
async fn locks_are_granted_refused_renewed_released_and_freed_with_their_holder() {
    let dir = tempfile::tempdir().unwrap();
    // The default 60 s expiry: every release seen here is an unlock or a
    // disconnect, never an expiry.
    let up = up_with_config(dir.path(), "autoCreateSubscriptionGroup: false\n");
    mq_ok(&up.namesrv, &["group", "create", "lg", "-b", &up.broker]);
    let broker = up.broker.as_str();
    let a = RemotingClient::new();
    let b = RemotingClient::new();

    // Free queues are granted; the answer is the set now held.
    assert_eq!(lock(&a, broker, "A", &[0, 1]).await, [0, 1]);
    assert_eq!(lock(&b, broker, "B", &[1, 2]).await, [2], "q1 is A's");
    // The holder renews.
    assert_eq!(lock(&a, broker, "A", &[0, 1]).await, [0, 1]);
    // Unlocking frees only the unlocker's own queues.
    unlock(&a, broker, "A", &[0, 2]).await;
    assert_eq!(lock(&b, broker, "B", &[0, 1, 2]).await, [0, 2]);

    // A consumer's locks go when its connection closes...
    let c = RemotingClient::new();
    let r = c
        .invoke(broker, heartbeat("C", "lg"), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
    assert_eq!(lock(&c, broker, "C", &[3, 4]).await, [3, 4]);
    assert!(lock(&b, broker, "B", &[3]).await.is_empty());
    c.shutdown();
    lock_eventually(&b, broker, "B", 3).await;
    lock_eventually(&b, broker, "B", 4).await;

    // ...and when it unregisters.
    let d = RemotingClient::new();
    let r = d
        .invoke(broker, heartbeat("D", "lg"), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
    assert_eq!(lock(&d, broker, "D", &[5]).await, [5]);
    assert!(lock(&a, broker, "A", &[5]).await.is_empty());
    let unregister = RemotingCommand::request(request::UNREGISTER_CLIENT)
        .with_ext("clientID", "D")
        .with_ext("consumerGroup", "lg");
    let r = d.invoke(broker, unregister, TIMEOUT).await.unwrap();
    assert_eq!(r.code, response::SUCCESS);
    assert_eq!(lock(&a, broker, "A", &[5]).await, [5]);

    // A group that does not exist: RocketMQ's code, and a remark naming it.
    for req in [
        lock_request("no-such-group", "A", &[0]),
        RemotingCommand::request(request::UNLOCK_BATCH_MQ).with_body(
            UnlockBatchRequestBody {
                client_id: "A".into(),
                consumer_group: "no-such-group".into(),
                ..Default::default()
            }
            .encode(),
        ),
    ] {
        let r = a.invoke(broker, req, TIMEOUT).await.unwrap();
        assert_eq!(r.code, response::SUBSCRIPTION_GROUP_NOT_EXIST);
        let remark = r.remark.unwrap_or_default();
        assert!(
            remark.contains("no-such-group") && remark.contains("does not exist"),
            "{remark}"
        );
    }
    // A body that is not JSON is an error answer, not a dropped connection.
    let req = RemotingCommand::request(request::LOCK_BATCH_MQ).with_body(b"{nope".to_vec());
    let r = a.invoke(broker, req, TIMEOUT).await.unwrap();
    assert_eq!(r.code, response::SYSTEM_ERROR);
    assert_eq!(lock(&a, broker, "A", &[5]).await, [5], "still served");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_lock_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with_config(dir.path(), "rebalanceLockMaxLiveTime: 300\n");
    let broker = up.broker.as_str();
    let a = RemotingClient::new();
    let b = RemotingClient::new();
    assert_eq!(lock(&a, broker, "A", &[0]).await, [0]);
    // Not renewed, A's lock expires and B gets the queue...
    lock_eventually(&b, broker, "B", 0).await;
    // ...and A, asking again while B holds it, is refused.
    assert!(lock(&a, broker, "A", &[0]).await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn routes_carry_order_topic_conf_when_order_message_enable_is_on() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    mq_ok(
        &up.namesrv,
        &[
            "topic",
            "create",
            "Sequenced",
            "--order",
            "--write-queues",
            "4",
            "--read-queues",
            "4",
        ],
    );
    let route = |ns: &str| -> serde_json::Value {
        serde_json::from_str(&mq_ok(ns, &["topic", "route", "Sequenced", "-o", "json"])).unwrap()
    };
    wait_until("the ordered topic's route", Duration::from_secs(10), || {
        mq(&up.namesrv, &["topic", "route", "Sequenced"])
            .status
            .success()
    });
    assert!(
        route(&up.namesrv)
            .get("orderTopicConf")
            .is_none_or(|v| v.is_null())
    );
    mq_ok(
        &up.namesrv,
        &["namesrv", "config", "set", "orderMessageEnable", "true"],
    );
    assert_eq!(route(&up.namesrv)["orderTopicConf"], "broker-a:4");
}

/// One line printed by `mq consume --orderly --format '{now} {queueId} {offset} {body}'`.
#[derive(Debug, Clone)]
struct Consumed {
    client: char,
    at: i64,
    queue: i32,
    key: String,
    seq: u32,
}

fn read_consumed(path: &Path, client: char) -> Vec<Consumed> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        // A killed process may leave a torn last line.
        .filter_map(|line| {
            let mut f = line.split(' ');
            let at = f.next()?.parse().ok()?;
            let queue = f.next()?.parse().ok()?;
            let _offset: i64 = f.next()?.parse().ok()?;
            let (key, seq) = f.next()?.split_once(':')?;
            Some(Consumed {
                client,
                at,
                queue,
                key: key.to_string(),
                seq: seq.parse().ok()?,
            })
        })
        .collect()
}

fn spawn_consumer(up: &MqUp, out: &Path) -> MqProcess {
    let child = Command::new(mq_bin())
        .args(["consume", "-t", TOPIC, "-g", "orderly-e2e", "--orderly"])
        .args(["--format", "{now} {queueId} {offset} {body}"])
        .env("NAMESRV_ADDR", &up.namesrv)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(out).unwrap())
        .stderr(std::fs::File::create(out.with_extension("err")).unwrap())
        .spawn()
        .unwrap();
    MqProcess {
        child,
        addr: up.namesrv.clone(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn two_orderly_consumers_one_killed_every_key_arrives_in_order() {
    const KEYS: u32 = 16;
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(&dir.path().join("data"), &[]);
    create_topic(&up, TOPIC, 8).await;
    let (out_a, out_b) = (dir.path().join("a.out"), dir.path().join("b.out"));

    // One producer fed round by round, so the test decides what is sent when.
    let mut sender = Command::new(mq_bin())
        .args(["send", "-t", TOPIC, "--keyed-lines", "-o", "json"])
        .env("NAMESRV_ADDR", &up.namesrv)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = sender.stdin.take().unwrap();
    let mut sent = 0u32;
    let mut send_round = |per_key: u32| {
        let mut lines = String::new();
        for seq in sent..sent + per_key {
            for k in 0..KEYS {
                lines.push_str(&format!("key-{k}\tkey-{k}:{seq}\n"));
            }
        }
        input.write_all(lines.as_bytes()).unwrap();
        input.flush().unwrap();
        sent += per_key;
        sent
    };
    let count = |path: &Path| read_consumed(path, '?').len();

    // A alone takes every queue.
    let mut a = spawn_consumer(&up, &out_a);
    let per_key = send_round(20);
    wait_until(
        "A to consume the first round",
        Duration::from_secs(60),
        || count(&out_a) >= (per_key * KEYS) as usize,
    );

    // B joins: A hands over half the queues.
    let b = spawn_consumer(&up, &out_b);
    let before = count(&out_a);
    send_round(20);
    wait_until(
        "both to consume the second round",
        Duration::from_secs(60),
        || count(&out_b) > 0 && count(&out_a) > before,
    );

    // A is killed in the middle of a round, with offsets it had not committed.
    let before = count(&out_a);
    send_round(40);
    wait_until(
        "A to be consuming the third round",
        Duration::from_secs(60),
        || count(&out_a) >= before + 10,
    );
    a.child.kill().unwrap();
    a.child.wait().unwrap();
    let total = send_round(20);
    drop(input);
    let status = sender.wait().unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(sender.stderr.as_mut().unwrap(), &mut err).unwrap();
    assert!(status.success(), "mq send failed: {err}");

    // B takes A's queues over and everything arrives.
    let everything = |lines: &[Consumed]| {
        let seen: BTreeSet<(&str, u32)> = lines.iter().map(|c| (c.key.as_str(), c.seq)).collect();
        seen.len() == (KEYS * total) as usize
    };
    wait_until("every message to arrive", Duration::from_secs(90), || {
        let mut all = read_consumed(&out_a, 'A');
        all.extend(read_consumed(&out_b, 'B'));
        everything(&all)
    });
    assert!(b.terminate().success(), "B did not stop cleanly");

    let consumed_a = read_consumed(&out_a, 'A');
    let consumed_b = read_consumed(&out_b, 'B');
    let mut all = consumed_a.clone();
    all.extend(consumed_b.iter().cloned());

    // No queue consumed by both at once: on every queue, all of A's
    // messages come before any of B's.
    let mut spans: BTreeMap<(i32, char), (i64, i64)> = BTreeMap::new();
    for c in &all {
        let span = spans.entry((c.queue, c.client)).or_insert((c.at, c.at));
        span.0 = span.0.min(c.at);
        span.1 = span.1.max(c.at);
    }
    for queue in 0..8 {
        if let (Some(a), Some(b)) = (spans.get(&(queue, 'A')), spans.get(&(queue, 'B'))) {
            assert!(
                a.1 <= b.0,
                "queue {queue}: A consumed until {} but B from {}",
                a.1,
                b.0
            );
        }
    }

    // Per key: one queue, and in order — A's lines then B's (B may repeat a
    // short run A had not committed), never a gap or a step back otherwise.
    let mut by_key: BTreeMap<&str, Vec<&Consumed>> = BTreeMap::new();
    for c in consumed_a.iter().chain(consumed_b.iter()) {
        by_key.entry(c.key.as_str()).or_default().push(c);
    }
    assert_eq!(by_key.len(), KEYS as usize);
    for (key, lines) in &by_key {
        let queues: BTreeSet<i32> = lines.iter().map(|c| c.queue).collect();
        assert_eq!(queues.len(), 1, "{key} was on queues {queues:?}");
        assert_eq!(lines[0].seq, 0, "{key} starts at {}", lines[0].seq);
        for w in lines.windows(2) {
            let (prev, next) = (w[0], w[1]);
            if prev.client == next.client {
                assert_eq!(
                    next.seq,
                    prev.seq + 1,
                    "{key}: {} consumed {} after {}",
                    next.client,
                    next.seq,
                    prev.seq
                );
            } else {
                assert!(
                    next.seq <= prev.seq + 1,
                    "{key}: a gap at the hand-over, {} after {}",
                    next.seq,
                    prev.seq
                );
            }
        }
        assert_eq!(lines.last().unwrap().seq, total - 1, "{key} ends early");
    }
    let replayed = all.len() - (KEYS * total) as usize;
    eprintln!(
        "A consumed {}, B {}, {replayed} consumed again after the kill",
        consumed_a.len(),
        consumed_b.len()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_message_holds_its_queue_until_it_succeeds_or_is_sent_back() {
    use mq::client::consumer::{
        ConsumeFrom, OrderlyConsumerConfig, OrderlyPushConsumer, PushConsumerConfig,
    };
    use mq::client::{ClientConfig, Message, Producer, ProducerConfig};

    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, TOPIC, 4).await;
    let client = ClientConfig::new(up.namesrv.clone());
    let producer = Producer::new(&client, ProducerConfig::default()).unwrap();
    let mut queues = BTreeSet::new();
    for body in ["m0", "m1", "m2"] {
        let r = producer
            .send_orderly(&Message::new(TOPIC, body), "one-key")
            .await
            .unwrap();
        queues.insert(r.queue.queue_id);
    }
    assert_eq!(queues.len(), 1, "one key, one queue: {queues:?}");
    producer.shutdown().await;

    let mut push = PushConsumerConfig::new("orderly-retry", TOPIC);
    push.consume_from = ConsumeFrom::First;
    let mut config = OrderlyConsumerConfig::from(push);
    config.suspend_current_queue_time = Duration::from_millis(100);
    config.max_reconsume_times = Some(2);
    let mut consumer = OrderlyPushConsumer::start(&client, config).await.unwrap();
    /// The next message of the topic's own queue; a sent-back message coming
    /// round through the retry topic is not what this test follows.
    async fn next(c: &mut OrderlyPushConsumer) -> mq::client::consumer::OrderlyDelivery {
        loop {
            let d = tokio::time::timeout(Duration::from_secs(30), c.recv())
                .await
                .expect("a message")
                .expect("the consumer runs");
            if d.queue().topic == TOPIC {
                return d;
            }
            d.ack();
        }
    }
    let body = |d: &mq::client::consumer::OrderlyDelivery| {
        String::from_utf8_lossy(&d.message.body).into_owned()
    };

    // m0 fails once: it comes again, counted, before anything after it.
    let d = next(&mut consumer).await;
    assert_eq!((body(&d).as_str(), d.message.reconsume_times), ("m0", 0));
    d.suspend();
    let d = next(&mut consumer).await;
    assert_eq!((body(&d).as_str(), d.message.reconsume_times), ("m0", 1));
    d.ack();
    // m1 fails until maxReconsumeTimes, then it is sent back and m2 follows.
    let mut times = Vec::new();
    let d = loop {
        let d = next(&mut consumer).await;
        if body(&d) != "m1" {
            break d;
        }
        times.push(d.message.reconsume_times);
        d.suspend();
    };
    assert_eq!(times, [0, 1, 2]);
    assert_eq!(body(&d), "m2");
    d.ack();
    consumer.shutdown().await.unwrap();

    // Sent back with its counts used up, m1 is a dead letter of the group,
    // under its original topic.
    let mut letters = serde_json::Value::Null;
    wait_until("m1 in the DLQ", Duration::from_secs(20), || {
        letters = serde_json::from_str(&mq_ok(
            &up.namesrv,
            &["dlq", "list", "orderly-retry", "-o", "json"],
        ))
        .unwrap();
        letters["messages"]
            .as_array()
            .is_some_and(|m| !m.is_empty())
    });
    let m = &letters["messages"][0];
    assert_eq!(m["body"], "m1", "{letters}");
    assert_eq!(m["originalTopic"], TOPIC, "{letters}");
}
