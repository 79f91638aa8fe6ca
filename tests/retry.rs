//! Consumer retries and dead letters against a real `mq up`: a failed message comes back with
//! reconsumeTimes counting up and its original topic, lands in `%DLQ%<group>` once its
//! attempts are used up (with RETRY_TOPIC and ORIGIN_MESSAGE_ID, readable by admin tools), and
//! CONSUMER_SEND_MSG_BACK refuses bad requests with RocketMQ's codes, losing nothing stored.
//!
//! The tests ask for delay level 1 (1 s by default) so that they stay quick.

mod support;

#[path = "support/interop.rs"]
mod interop;

use std::time::{Duration, Instant};

use mq::client::consumer::{ConsumeFrom, PushConsumer, PushConsumerConfig, send_back};
use mq::client::message::decode_messages;
use mq::client::{ClientConfig, Message, MessageExt, Producer, ProducerConfig};
use mq::protocol::header::ConsumerSendMsgBackRequestHeader;
use mq::protocol::message::decode_offset_msg_id;
use mq::remoting::code::{request, response};
use mq::remoting::{RemotingClient, RemotingCommand};
use support::*;

const DEADLINE: Duration = Duration::from_secs(60);

/// A broker config whose delay levels are short (RocketMQ's key, messageDelayLevel).
const SHORT_DELAYS: &str =
    "messageDelayLevel: \"1s 1s 1s 2s 3s 4s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s\"\n";

fn producer(ns: &str) -> Producer {
    Producer::new(&ClientConfig::new(ns), ProducerConfig::default()).unwrap()
}

fn send_back_request(
    offset: i64,
    group: &str,
    delay_level: i32,
    max: Option<i32>,
) -> RemotingCommand {
    RemotingCommand::request(request::CONSUMER_SEND_MSG_BACK).with_header(
        &ConsumerSendMsgBackRequestHeader {
            offset,
            group: group.into(),
            delay_level,
            origin_msg_id: None,
            origin_topic: Some("Orig".into()),
            unit_mode: Some(false),
            max_reconsume_times: max,
        },
    )
}

/// The messages of `topic` (its first 8 queues, each from offset 0), as an admin tool reads
/// them: none for a topic that does not exist.
async fn pull_all(client: &RemotingClient, broker: &str, topic: &str) -> Vec<MessageExt> {
    const SUBSCRIPTION: i32 = 0x4;
    let mut all = Vec::new();
    for queue in 0..8 {
        let req = pull_request(
            "TOOLS_CONSUMER",
            topic,
            queue,
            0,
            SUBSCRIPTION,
            "*",
            Duration::ZERO,
        );
        let r = client.invoke(broker, req, TIMEOUT).await.unwrap();
        if r.code == response::SUCCESS {
            all.extend(decode_messages(&r.body, "broker-a").unwrap());
        }
    }
    all
}

#[test]
fn reconsume_times_count_up_and_the_consumer_sees_the_original_topic() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let sent = mq_ok(
        &up.namesrv,
        &[
            "send", "--topic", "Orders", "--tag", "TagA", "--keys", "order-7", "--body", "pay",
            "-o", "json",
        ],
    );
    let sent: serde_json::Value = serde_json::from_str(sent.trim()).unwrap();
    let out = mq(
        &up.namesrv,
        &[
            "consume",
            "--topic",
            "Orders",
            "--group",
            "billing",
            "--fail-first",
            "3",
            "--retry-delay-level",
            "1",
            "--count",
            "1",
            "--idle-exit",
            "30",
            "-o",
            "json",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "mq consume failed: {stderr}");
    let got: serde_json::Value =
        serde_json::from_str(String::from_utf8(out.stdout).unwrap().trim()).unwrap();
    assert_eq!(
        got["topic"], "Orders",
        "the original topic, not %RETRY%billing"
    );
    assert_eq!(got["reconsumeTimes"], 3);
    assert_eq!(got["msgId"], sent["msgId"], "the id the producer saw");
    assert_eq!(got["keys"], "order-7");
    assert_eq!(got["tags"], "TagA");
    assert_eq!(got["body"], "pay");
    assert_eq!(got["properties"]["RETRY_TOPIC"], "Orders");
    // Each attempt was failed once, with the count it had.
    for n in 0..3 {
        let line = format!("Orders reconsumeTimes={n}, sent back");
        assert_eq!(stderr.matches(&line).count(), 1, "{line:?} in {stderr}");
    }
    // The group's progress is committed on the retry topic too: nothing comes again.
    let again = mq(
        &up.namesrv,
        &[
            "consume",
            "--topic",
            "Orders",
            "--group",
            "billing",
            "--idle-exit",
            "2",
        ],
    );
    assert!(
        again.stdout.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&again.stdout)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_failed_more_than_max_reconsume_times_lands_in_the_dlq() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let p = producer(&up.namesrv);
    let sent = p
        .send(
            &Message::new("Payments", "charge")
                .with_keys(["p-1"])
                .with_tags("T"),
        )
        .await
        .unwrap();
    let mut config = PushConsumerConfig::new("payer", "Payments");
    config.consume_from = ConsumeFrom::First;
    config.max_reconsume_times = 2;
    let mut c = PushConsumer::start(&ClientConfig::new(&up.namesrv), config)
        .await
        .unwrap();
    // Attempts 0, 1 and 2 fail; the third failure (reconsumeTimes 2 = max) is the last.
    let mut seen = Vec::new();
    let deadline = tokio::time::Instant::now() + DEADLINE;
    while seen.len() < 3 {
        let d = tokio::select! {
            d = c.recv() => d.unwrap(),
            _ = tokio::time::sleep_until(deadline) => panic!("saw only {seen:?}"),
        };
        assert_eq!(d.message.msg_id(), sent.msg_id);
        assert_eq!(d.message.topic, "Payments");
        seen.push(d.message.reconsume_times);
        d.reconsume_later_with(1);
    }
    assert_eq!(seen, [0, 1, 2]);

    let client = RemotingClient::new();
    let mut dead = Vec::new();
    let until = Instant::now() + DEADLINE;
    while dead.is_empty() {
        assert!(Instant::now() < until, "nothing reached %DLQ%payer");
        dead = pull_all(&client, &up.broker, "%DLQ%payer").await;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(dead.len(), 1);
    let m = &dead[0];
    assert_eq!(m.body, "charge");
    assert_eq!(m.reconsume_times, 3);
    assert_eq!(m.msg_id(), sent.msg_id, "UNIQ_KEY kept");
    assert_eq!(m.keys(), Some("p-1"));
    assert_eq!(m.property("RETRY_TOPIC"), Some("Payments"));
    assert_eq!(
        m.property("ORIGIN_MESSAGE_ID"),
        Some(sent.offset_msg_id.as_str()),
        "the first stored copy's id"
    );
    // Nothing more is delivered to the consumer.
    let more = tokio::time::timeout(Duration::from_secs(2), c.recv()).await;
    assert!(more.is_err(), "{more:?}");
    c.shutdown().await.unwrap();

    // The admin tools read it: the DLQ is a 1-queue topic the broker created.
    let described = mq_ok(
        &up.namesrv,
        &["topic", "describe", "%DLQ%payer", "-o", "json"],
    );
    let described: serde_json::Value = serde_json::from_str(&described).unwrap();
    assert_eq!(described["totalMessages"], 1);
    assert_eq!(described["queues"].as_array().unwrap().len(), 1);
    let printed = mq_ok(
        &up.namesrv,
        &[
            "message",
            "print",
            "--topic",
            "%DLQ%payer",
            "--queue",
            "0",
            "-o",
            "json",
        ],
    );
    assert!(printed.contains("charge"), "{printed}");
}

async fn next_delivery(c: &mut PushConsumer) -> mq::client::consumer::Delivery {
    tokio::time::timeout(DEADLINE, c.recv())
        .await
        .expect("a delivery in time")
        .expect("a running consumer")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_consumers_own_send_to_the_retry_topic_counts_like_a_send_back() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("broker.yaml");
    std::fs::write(&conf, SHORT_DELAYS).unwrap();
    let up = start_up(&dir.path().join("data"), &["-c", conf.to_str().unwrap()]);
    let p = producer(&up.namesrv);
    let sent = p.send(&Message::new("Fallback", "body")).await.unwrap();
    let mut config = PushConsumerConfig::new("fb", "Fallback");
    config.consume_from = ConsumeFrom::First;
    let mut c = PushConsumer::start(&ClientConfig::new(&up.namesrv), config)
        .await
        .unwrap();
    // What the consumer sends when CONSUMER_SEND_MSG_BACK fails: the broker reads the attempt
    // from the header the producer fills from RECONSUME_TIME and MAX_RECONSUME_TIMES.
    let first = next_delivery(&mut c).await;
    let retry = send_back::fallback_message(&first.message, "fb", 2);
    first.ack();
    p.send(&retry).await.unwrap();
    let second = next_delivery(&mut c).await;
    assert_eq!(second.message.reconsume_times, 1);
    assert_eq!(second.message.topic, "Fallback");
    assert_eq!(second.message.msg_id(), sent.msg_id);
    // It waited level 3 (1 s with SHORT_DELAYS); delivery drops DELAY, as RocketMQ does.
    assert_eq!(second.message.property("DELAY"), None);
    // At the limit it goes to the dead-letter queue instead.
    let retry = send_back::fallback_message(&second.message, "fb", 2);
    second.ack();
    p.send(&retry).await.unwrap();
    let client = RemotingClient::new();
    let dead = pull_all(&client, &up.broker, "%DLQ%fb").await;
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].msg_id(), sent.msg_id);
    assert_eq!(dead[0].reconsume_times, 2);
    c.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn send_back_refusals_have_rocketmq_codes_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("broker.yaml");
    std::fs::write(&conf, "autoCreateSubscriptionGroup: false\n").unwrap();
    let up = start_up(&dir.path().join("data"), &["-c", conf.to_str().unwrap()]);
    let p = producer(&up.namesrv);
    let sent = p.send(&Message::new("Kept", "keep me")).await.unwrap();
    let (_, offset) = decode_offset_msg_id(&sent.offset_msg_id).unwrap();
    let client = RemotingClient::new();
    let invoke = |req| client.invoke(&up.broker, req, TIMEOUT);

    // A group the broker does not know (and may not create).
    let r = invoke(send_back_request(offset, "nobody", 0, None))
        .await
        .unwrap();
    assert_eq!(r.code, response::SUBSCRIPTION_GROUP_NOT_EXIST);
    assert!(
        r.remark
            .as_deref()
            .unwrap()
            .contains("subscription group not exist, nobody")
    );

    // A known group, but offsets that hold no message: inside a record, past the end, negative.
    let admin = mq::client::AdminClient::new(&up.namesrv, TIMEOUT).unwrap();
    admin
        .create_subscription_group(
            &up.broker,
            &mq::protocol::subscription_group::SubscriptionGroupConfig::new("known"),
        )
        .await
        .unwrap();
    for bad in [offset + 1, offset + 1_000_000, -1] {
        let r = invoke(send_back_request(bad, "known", 0, None))
            .await
            .unwrap();
        assert_eq!(r.code, response::SYSTEM_ERROR, "offset {bad}");
        let remark = r.remark.unwrap_or_default();
        assert!(
            remark.contains(&format!("look message by offset failed, {bad}")),
            "{remark}"
        );
    }
    // Nothing stored was lost, and nothing was stored for the refusals.
    let kept = pull_all(&client, &up.broker, "Kept").await;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].body, "keep me");
    assert!(
        pull_all(&client, &up.broker, "%RETRY%known")
            .await
            .is_empty()
    );

    // The client's maxReconsumeTimes (0: the first failure is the last) goes to the DLQ, and a
    // negative delay level too; the default goes to the retry topic.
    let r = invoke(send_back_request(offset, "known", 0, Some(0)))
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    let r = invoke(send_back_request(offset, "known", -1, None))
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    let r = invoke(send_back_request(offset, "known", 0, None))
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    let dlq = pull_all(&client, &up.broker, "%DLQ%known").await;
    assert_eq!(dlq.len(), 2);
    // The retry waits its level (3: 10 s) in the schedule topic, bound for %RETRY%known.
    let retry = pull_all(&client, &up.broker, "SCHEDULE_TOPIC_XXXX").await;
    assert_eq!(retry.len(), 1);
    assert_eq!(retry[0].property("DELAY"), Some("3"));
    assert_eq!(retry[0].property("REAL_TOPIC"), Some("%RETRY%known"));
    assert_eq!(retry[0].property("RETRY_TOPIC"), Some("Kept"));
    assert_eq!(retry[0].reconsume_times, 1);
    // Clients before V3_4_9 carry no limit the broker honours: the group's (16) counts.
    let mut old = send_back_request(offset, "known", 0, Some(0));
    old.version = 100;
    let r = invoke(old).await.unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    assert_eq!(
        pull_all(&client, &up.broker, "SCHEDULE_TOPIC_XXXX")
            .await
            .len(),
        2,
        "a second retry waiting, none dead"
    );
    assert_eq!(pull_all(&client, &up.broker, "%DLQ%known").await.len(), 2);
}

#[test]
fn an_ali_ons_consumer_that_throws_sees_the_message_again_through_send_back() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let sent = mq_ok(
        &up.namesrv,
        &[
            "send",
            "--topic",
            "AliRetry",
            "--tag",
            "TagA",
            "--keys",
            "k-1",
            "--body",
            "once more",
            "-o",
            "json",
        ],
    );
    let sent: serde_json::Value = serde_json::from_str(sent.trim()).unwrap();
    let out = interop::run_node_script(
        "retry_consume.js",
        &[&up.namesrv, "AliRetry", "ali_retry", "1", "50000"],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let summary = lines.last().unwrap();
    assert_eq!(summary["retried"], 1, "{lines:?}");
    // The handler's own error once, and none from a failed send-back (which would have made
    // ali-ons fall back to a send of its own). Other errors ali-ons reports on a loaded machine
    // (a pull that timed out) do not matter here.
    let errors: Vec<&str> = summary["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap_or(""))
        .collect();
    let own = errors
        .iter()
        .filter(|e| e.contains("failed on purpose"))
        .count();
    assert_eq!(own, 1, "{errors:?}");
    assert!(
        !errors.iter().any(|e| {
            let e = e.to_ascii_lowercase();
            e.contains("sendmessageback") || e.contains("send_msg_back") || e.contains("code: 36")
        }),
        "{errors:?}"
    );
    let attempts = &lines[..lines.len() - 1];
    assert_eq!(attempts.len(), 2, "{attempts:?}");
    assert_eq!(attempts[0]["reconsumeTimes"], 0);
    let again = &attempts[1];
    assert_eq!(again["reconsumeTimes"], 1);
    assert_eq!(again["topic"], "AliRetry");
    assert_eq!(again["retryTopic"], "AliRetry");
    // ali-ons's msgId is the stored copy's offset id; the producer's id is kept as UNIQ_KEY.
    assert_eq!(attempts[0]["msgId"], sent["offsetMsgId"]);
    assert_eq!(again["uniqKey"], sent["msgId"]);
    assert_eq!(again["originMessageId"], sent["offsetMsgId"]);
    assert_eq!(again["body"], "once more");
    assert_eq!(again["keys"], "k-1");
    assert_eq!(again["tags"], "TagA");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_off_grows_by_level() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("broker.yaml");
    std::fs::write(&conf, SHORT_DELAYS).unwrap();
    let up = start_up(&dir.path().join("data"), &["-c", conf.to_str().unwrap()]);
    let p = producer(&up.namesrv);
    p.send(&Message::new("Backoff", "x")).await.unwrap();
    let mut config = PushConsumerConfig::new("slow", "Backoff");
    config.consume_from = ConsumeFrom::First;
    let mut c = PushConsumer::start(&ClientConfig::new(&up.namesrv), config)
        .await
        .unwrap();
    // The broker's levels 3 + reconsumeTimes: 1 s, 2 s, 3 s with SHORT_DELAYS.
    let mut arrivals = Vec::new();
    let deadline = tokio::time::Instant::now() + DEADLINE;
    while arrivals.len() < 4 {
        let d = tokio::select! {
            d = c.recv() => d.unwrap(),
            _ = tokio::time::sleep_until(deadline) => panic!("{} arrivals", arrivals.len()),
        };
        assert_eq!(d.message.reconsume_times as usize, arrivals.len());
        arrivals.push(Instant::now());
        d.reconsume_later();
    }
    let gaps: Vec<Duration> = arrivals.windows(2).map(|w| w[1] - w[0]).collect();
    for (gap, level_secs) in gaps.iter().zip([1u64, 2, 3]) {
        // Never before the level's time (the schedule service's tick may add a little).
        assert!(
            *gap >= Duration::from_millis(level_secs * 1000 - 100),
            "gaps {gaps:?}"
        );
    }
    assert!(gaps[0] < gaps[1] && gaps[1] < gaps[2], "gaps {gaps:?}");
    c.shutdown().await.unwrap();
}

/// The whole chain from the command line: a consumer that keeps failing a message sends it
/// back until its attempts are used up, the broker moves it to the group's DLQ, `mq dlq
/// resend` puts it back on its original topic, and a consumer of that topic gets it with its
/// keys and body.
#[test]
fn a_failing_consumer_fills_the_dlq_and_dlq_resend_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    mq_ok(
        &up.namesrv,
        &[
            "send", "--topic", "Refunds", "--keys", "r-1", "--body", "refund",
        ],
    );
    let failing = mq(
        &up.namesrv,
        &[
            "consume",
            "--topic",
            "Refunds",
            "--group",
            "refunder",
            "--fail-first",
            "99",
            "--max-reconsume-times",
            "2",
            "--retry-delay-level",
            "1",
            "--idle-exit",
            "5",
        ],
    );
    let stderr = String::from_utf8_lossy(&failing.stderr);
    assert!(failing.stdout.is_empty(), "nothing succeeded: {stderr}");
    for n in 0..3 {
        let line = format!("Refunds reconsumeTimes={n}, sent back");
        assert_eq!(stderr.matches(&line).count(), 1, "{line:?} in {stderr}");
    }
    wait_until("the message in %DLQ%refunder", DEADLINE, || {
        let v: serde_json::Value = serde_json::from_str(&mq_ok(
            &up.namesrv,
            &["group", "describe", "refunder", "-o", "json"],
        ))
        .unwrap();
        v["dlqDepth"] == 1
    });
    let listed: serde_json::Value = serde_json::from_str(&mq_ok(
        &up.namesrv,
        &["dlq", "list", "refunder", "-o", "json"],
    ))
    .unwrap();
    assert_eq!(
        listed["messages"][0]["originalTopic"], "Refunds",
        "{listed}"
    );
    assert_eq!(listed["messages"][0]["reconsumeTimes"], 3, "{listed}");
    mq_ok(&up.namesrv, &["dlq", "resend", "refunder", "--all"]);
    let again = mq_ok(
        &up.namesrv,
        &[
            "consume",
            "--topic",
            "Refunds",
            "--group",
            "auditor",
            "--count",
            "2",
            "--idle-exit",
            "10",
            "--format",
            "{keys} {body}",
        ],
    );
    assert_eq!(
        again, "r-1 refund\nr-1 refund\n",
        "the original and the re-sent copy"
    );
}
