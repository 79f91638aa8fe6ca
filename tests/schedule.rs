//! Delayed delivery by level against real `mq up` processes, seen as a consumer sees it:
//! level timing, what a delayed message keeps, restarts and kill -9 with messages pending, a
//! shortened level table, and the sends RocketMQ refuses.

mod support;

#[path = "support/interop.rs"]
mod interop;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use mq::client::consumer::pull::PullConsumer;
use mq::client::{ClientConfig, Message, MessageExt, Producer, ProducerConfig, SendStatus};
use mq::protocol::message::build_properties;
use mq::remoting::RemotingClient;
use mq::remoting::code::response;
use support::*;

fn producer(ns: &str) -> Producer {
    Producer::new(&ClientConfig::new(ns), ProducerConfig::default()).unwrap()
}

fn delayed(topic: &str, key: &str, level: &str) -> Message {
    let mut m = Message::new(topic, format!("body-{key}"));
    m.keys = vec![key.to_string()];
    m.properties.insert("DELAY".into(), level.into());
    m
}

/// What a consumer of `topic` has seen: each message with the wall time (ms) it was first
/// pulled, read from offset 0 of every queue.
struct Seen {
    consumer: PullConsumer,
    topic: String,
    next: BTreeMap<i32, i64>,
    got: Vec<(MessageExt, i64)>,
}

impl Seen {
    fn new(ns: &str, topic: &str) -> Seen {
        Seen {
            consumer: PullConsumer::new(&ClientConfig::new(ns), "schedule_test").unwrap(),
            topic: topic.into(),
            next: BTreeMap::new(),
            got: Vec::new(),
        }
    }

    /// One pull of every queue from where the last one stopped.
    async fn poll(&mut self) {
        let Ok(queues) = self.consumer.fetch_subscribe_queues(&self.topic).await else {
            return;
        };
        for q in queues {
            let from = *self.next.get(&q.queue_id).unwrap_or(&0);
            if let Ok(r) = self.consumer.pull(&q, "*", from, 32).await {
                let now = mq::util::now_millis();
                self.next.insert(q.queue_id, r.next_begin_offset.max(from));
                self.got.extend(r.messages.into_iter().map(|m| (m, now)));
            }
        }
    }

    /// Polls every 20 ms until `n` messages were seen, or `timeout` passes.
    async fn until(&mut self, n: usize, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while self.got.len() < n {
            assert!(
                Instant::now() < deadline,
                "saw {} of {n} messages of {}: {:?}",
                self.got.len(),
                self.topic,
                self.keys()
            );
            self.poll().await;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn keys(&self) -> Vec<String> {
        self.got
            .iter()
            .map(|(m, _)| m.keys().unwrap_or("").to_string())
            .collect()
    }

    fn arrival(&self, key: &str) -> i64 {
        self.got
            .iter()
            .find(|(m, _)| m.keys() == Some(key))
            .unwrap_or_else(|| panic!("{key} not seen"))
            .1
    }
}

/// `mq up` with a level table of `levels` (the default when None).
fn up_with_levels(dir: &std::path::Path, levels: Option<&str>) -> MqUp {
    match levels {
        None => start_up(dir, &[]),
        Some(l) => {
            std::fs::create_dir_all(dir).unwrap();
            let conf = dir.join("broker.yaml");
            std::fs::write(&conf, format!("messageDelayLevel: {l}\n")).unwrap();
            start_up(dir, &["-c", conf.to_str().unwrap()])
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn levels_one_to_three_arrive_at_their_due_time_not_before() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with_levels(dir.path(), None);
    create_topic(&up, "Delayed", 4).await;
    let p = producer(&up.namesrv);
    let mut sent = Vec::new();
    for (key, level, delay_ms) in [("l1", "1", 1_000), ("l2", "2", 5_000), ("l3", "3", 10_000)] {
        let before = mq::util::now_millis();
        let r = p.send(&delayed("Delayed", key, level)).await.unwrap();
        assert_eq!(r.status, SendStatus::SendOk);
        sent.push((key, before, mq::util::now_millis(), delay_ms));
    }
    let mut seen = Seen::new(&up.namesrv, "Delayed");
    seen.until(3, Duration::from_secs(20)).await;
    for (key, before, acked, delay_ms) in sent {
        let at = seen.arrival(key);
        // Due at the schedule record's store time + delay, which lies between the two.
        assert!(
            at >= before + delay_ms,
            "{key} arrived {} ms early",
            before + delay_ms - at
        );
        assert!(
            at <= acked + delay_ms + 1_500,
            "{key} arrived {} ms after its due time",
            at - acked - delay_ms
        );
    }
    assert_eq!(seen.keys(), ["l1", "l2", "l3"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delayed_message_keeps_its_properties_keys_and_msg_id() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with_levels(dir.path(), None);
    create_topic(&up, "Kept", 2).await;
    let out = mq_ok(
        &up.namesrv,
        &[
            "send",
            "--topic",
            "Kept",
            "--tag",
            "TagA",
            "--keys",
            "order-1 order-2",
            "-p",
            "color=red",
            "--body",
            "hello",
            "--delay-level",
            "1",
            "-o",
            "json",
        ],
    );
    let sent: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sent = if sent.is_array() {
        sent[0].clone()
    } else {
        sent
    };
    let msg_id = sent["msgId"].as_str().unwrap().to_string();

    let mut seen = Seen::new(&up.namesrv, "Kept");
    seen.until(1, Duration::from_secs(10)).await;
    let (m, _) = &seen.got[0];
    assert_eq!(m.topic, "Kept");
    assert_eq!(&m.body[..], b"hello");
    assert_eq!(m.tags(), Some("TagA"));
    assert_eq!(m.keys(), Some("order-1 order-2"));
    assert_eq!(m.property("color"), Some("red"));
    assert_eq!(m.property("UNIQ_KEY"), Some(msg_id.as_str()));
    for gone in ["DELAY", "REAL_TOPIC", "REAL_QID"] {
        assert_eq!(m.property(gone), None, "{gone} in {}", m.properties);
    }

    // The id the producer printed finds the delivered message.
    let mut found = String::new();
    wait_until("the msgId to be indexed", TIMEOUT, || {
        let o = mq(
            &up.namesrv,
            &["message", "get", &msg_id, "--topic", "Kept", "-o", "json"],
        );
        found = String::from_utf8_lossy(&o.stdout).into_owned();
        o.status.success()
    });
    assert!(
        found.contains("\"Kept\"") && found.contains("hello"),
        "{found}"
    );

    // The wait per level, as the broker reports it.
    let view = mq_ok(
        &up.namesrv,
        &["topic", "describe", "SCHEDULE_TOPIC_XXXX", "-o", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&view).unwrap();
    let level1 = v["delayLevels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["level"] == 1)
        .unwrap_or_else(|| panic!("{view}"));
    assert_eq!(level1["delay"], "1s");
    assert_eq!(
        (
            level1["deliveredOffset"].as_i64(),
            level1["waiting"].as_i64()
        ),
        (Some(1), Some(0))
    );
    let table = mq_ok(&up.namesrv, &["topic", "describe", "SCHEDULE_TOPIC_XXXX"]);
    assert!(
        table.contains("DELIVERED OFFSET") && table.contains("WAITING"),
        "{table}"
    );
    // The timer's row: nothing waits for it.
    assert!(
        table
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == ["broker-a", "timer", "-", "-", "-", "0"]),
        "{table}"
    );
}

/// Sends `n` messages at level `level` keyed `<prefix><i>`; returns the time before the first.
async fn send_many(p: &Producer, topic: &str, prefix: &str, level: &str, n: usize) -> i64 {
    let start = mq::util::now_millis();
    for i in 0..n {
        let r = p
            .send(&delayed(topic, &format!("{prefix}{i}"), level))
            .await
            .unwrap();
        assert_eq!(r.status, SendStatus::SendOk);
    }
    start
}

fn count_by_key(seen: &Seen) -> BTreeMap<String, usize> {
    let mut c = BTreeMap::new();
    for k in seen.keys() {
        *c.entry(k).or_insert(0) += 1;
    }
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clean_restart_with_pending_messages_delivers_each_once_and_none_early() {
    let dir = tempfile::tempdir().unwrap();
    let levels = Some("1s 2s 4s");
    let up = up_with_levels(dir.path(), levels);
    create_topic(&up, "Restart", 2).await;
    let p = producer(&up.namesrv);
    send_many(&p, "Restart", "early", "1", 10).await;
    let mut seen = Seen::new(&up.namesrv, "Restart");
    seen.until(10, Duration::from_secs(10)).await;
    let pending_from = send_many(&p, "Restart", "late", "3", 10).await;
    p.shutdown().await;
    assert!(up.process.terminate().success());

    let up = up_with_levels(dir.path(), levels);
    let mut seen = Seen::new(&up.namesrv, "Restart");
    seen.until(20, Duration::from_secs(15)).await;
    // Pulled from offset 0: every message stored in the topic, so a second re-put would show.
    let counts = count_by_key(&seen);
    assert_eq!(counts.len(), 20, "{counts:?}");
    assert!(
        counts.values().all(|&n| n == 1),
        "delivered twice: {counts:?}"
    );
    for i in 0..10 {
        let at = seen.arrival(&format!("late{i}"));
        assert!(
            at >= pending_from + 4_000,
            "late{i} arrived before its due time"
        );
    }
    // Nothing else shows up later.
    tokio::time::sleep(Duration::from_millis(300)).await;
    seen.poll().await;
    assert_eq!(seen.got.len(), 20);
}

/// Messages that fall due while the broker is down are delivered as soon as it is back, not a
/// level's delay after it (the service's first pass runs at start).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_due_while_the_broker_was_down_are_delivered_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let levels = Some("2s 1h");
    let up = up_with_levels(dir.path(), levels);
    create_topic(&up, "Down", 2).await;
    let p = producer(&up.namesrv);
    let sent_from = send_many(&p, "Down", "d", "1", 10).await;
    p.shutdown().await;
    assert!(up.process.terminate().success());
    // Down past every due time.
    let due = sent_from + 2_000;
    while mq::util::now_millis() < due + 500 {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let up = up_with_levels(dir.path(), levels);
    let back = mq::util::now_millis();
    let mut seen = Seen::new(&up.namesrv, "Down");
    seen.until(10, Duration::from_secs(10)).await;
    for i in 0..10 {
        let at = seen.arrival(&format!("d{i}"));
        assert!(
            at <= back + 1_500,
            "d{i} came {} ms after the broker was back",
            at - back
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_with_pending_messages_loses_none() {
    let dir = tempfile::tempdir().unwrap();
    let levels = Some("1s 3s");
    let up = up_with_levels(dir.path(), levels);
    create_topic(&up, "Killed", 2).await;
    let p = producer(&up.namesrv);
    send_many(&p, "Killed", "a", "1", 10).await;
    let mut seen = Seen::new(&up.namesrv, "Killed");
    seen.until(10, Duration::from_secs(10)).await;
    let pending_from = send_many(&p, "Killed", "b", "2", 20).await;
    p.shutdown().await;
    drop(up); // SIGKILL

    let up = up_with_levels(dir.path(), levels);
    let mut seen = Seen::new(&up.namesrv, "Killed");
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        seen.poll().await;
        let counts = count_by_key(&seen);
        if counts.len() == 30 {
            break;
        }
        assert!(Instant::now() < deadline, "lost: have {counts:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    for i in 0..20 {
        let at = seen.arrival(&format!("b{i}"));
        assert!(
            at >= pending_from + 3_000,
            "b{i} arrived before its due time"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_and_clamped_delays() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with_levels(dir.path(), Some("1s 2s"));
    create_topic(&up, "Bad", 1).await;
    let client = RemotingClient::new();
    let send = |props: String| send_request("Bad", 0, b"x", props);

    let stored = client
        .invoke(
            &up.broker,
            send(build_properties([("KEYS", "kept")])),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(stored.code, response::SUCCESS);

    // Not a number: SYSTEM_ERROR, as a Java broker answers the NumberFormatException.
    let r = client
        .invoke(
            &up.broker,
            send(build_properties([("DELAY", "abc")])),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SYSTEM_ERROR);
    let remark = r.remark.unwrap_or_default();
    assert!(
        remark.contains("DELAY") && remark.contains("abc"),
        "{remark}"
    );

    // A delayed batch: MESSAGE_ILLEGAL, nothing of it stored.
    let out = mq(
        &up.namesrv,
        &[
            "send", "--topic", "Bad", "--count", "2", "--batch", "2", "-p", "DELAY=1",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("batch cannot be delayed"), "{err}");
    let out = mq(
        &up.namesrv,
        &[
            "send",
            "--topic",
            "Bad",
            "--count",
            "2",
            "--batch",
            "2",
            "--delay-level",
            "1",
        ],
    );
    assert!(
        !out.status.success(),
        "the CLI refuses --delay-level with --batch"
    );

    // Level 0 or below: no delay, stored at once. Above the max: the max level.
    for (key, level) in [("zero", "0"), ("minus", "-3"), ("huge", "40")] {
        let r = client
            .invoke(
                &up.broker,
                send(build_properties([("KEYS", key), ("DELAY", level)])),
                TIMEOUT,
            )
            .await
            .unwrap();
        assert_eq!(r.code, response::SUCCESS, "{key}");
    }
    let mut seen = Seen::new(&up.namesrv, "Bad");
    seen.until(3, Duration::from_secs(5)).await;
    assert_eq!(seen.keys()[..3], ["kept", "zero", "minus"]);
    seen.until(4, Duration::from_secs(5)).await;
    assert_eq!(seen.keys(), ["kept", "zero", "minus", "huge"]);
    let runtime = mq_ok(&up.namesrv, &["broker", "status", "-o", "json"]);
    assert!(runtime.contains("scheduleMessageOffset_2"), "{runtime}");
    // What a slave copies: GET_ALL_DELAY_OFFSET, delayOffset.json's shape.
    let r = client
        .invoke(
            &up.broker,
            mq::remoting::RemotingCommand::request(
                mq::remoting::code::request::GET_ALL_DELAY_OFFSET,
            ),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
    let table: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(table["offsetTable"]["2"], 1, "{table}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ali_ons_delay_time_level_2_arrives_after_5_s_not_before() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with_levels(dir.path(), None);
    create_topic(&up, "AliDelayed", 4).await;
    let out = interop::run_node_script(
        "delayed.js",
        &[&up.namesrv, "AliDelayed", "2", "20000"],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8_lossy(&out.stdout);
    let r: serde_json::Value =
        serde_json::from_str(line.trim()).unwrap_or_else(|e| panic!("{e}: {line}"));
    assert_eq!(r["errors"].as_array().map(Vec::len), Some(0), "{r}");
    let arrived = r["arrivedAt"]
        .as_i64()
        .unwrap_or_else(|| panic!("never arrived: {r}"));
    let (sent, acked) = (
        r["sentAt"].as_i64().unwrap(),
        r["ackedAt"].as_i64().unwrap(),
    );
    assert!(
        arrived >= sent + 5_000,
        "{} ms early: {r}",
        sent + 5_000 - arrived
    );
    // ali-ons' push consumer long-polls; it sees the re-put at once.
    assert!(
        arrived <= acked + 5_000 + 1_500,
        "{} ms late: {r}",
        arrived - acked - 5_000
    );
    assert_eq!(r["body"], "delayed hello");
    // ali-ons sets no UNIQ_KEY: its ids are offset ids, the schedule record's at the send and
    // the re-put record's at the consumer, as with a Java broker.
    assert!(r["delay"].is_null(), "DELAY removed: {r}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_send_to_a_retry_topic_with_delay_is_delayed_too() {
    // A client whose CONSUMER_SEND_MSG_BACK failed sends the message to %RETRY%group itself,
    // with DELAY = 3 + reconsumeTimes: that DELAY is its back-off.
    let dir = tempfile::tempdir().unwrap();
    let up = up_with_levels(dir.path(), Some("1s 2s"));
    let client = RemotingClient::new();
    let before = mq::util::now_millis();
    let r = client
        .invoke(
            &up.broker,
            send_request(
                "%RETRY%late_group",
                0,
                b"again",
                build_properties([("KEYS", "retry-1"), ("DELAY", "2")]),
            ),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    let mut seen = Seen::new(&up.namesrv, "%RETRY%late_group");
    seen.until(1, Duration::from_secs(10)).await;
    assert!(
        seen.arrival("retry-1") >= before + 2_000,
        "delivered before its back-off"
    );
}
