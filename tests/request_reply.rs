//! Request/reply against a real `mq up`: a requester's `Producer::request` gets
//! the reply a consumer sends with `create_reply_message`, pushed back by the
//! broker (PUSH_REPLY_MESSAGE_TO_CLIENT); a request nobody answers times out
//! and leaves nothing waiting; a reply to a requester that has gone, or with
//! no REPLY_TO_CLIENT, gets RocketMQ's SYSTEM_ERROR and remark. Also the CLI
//! pair `mq consume --reply` and `mq send --request`.

mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use mq::client::consumer::{ConsumeFrom, PushConsumer, PushConsumerConfig};
use mq::client::{
    ClientConfig, ClientError, Message, Producer, ProducerConfig, create_reply_message,
};
use mq::protocol::message::property;
use mq::remoting::RemotingCommand;
use mq::remoting::code::response;
use support::*;

const CLUSTER_REPLY_TOPIC: &str = "DefaultCluster_REPLY_TOPIC";

fn producer(ns: &str, group: &str, retries: u32) -> Producer {
    Producer::new(
        &ClientConfig::new(ns),
        ProducerConfig {
            group: group.into(),
            retries,
            ..Default::default()
        },
    )
    .unwrap()
}

/// Connects `p` to the name server and the broker, so that a request's short timeout
/// is spent waiting for the reply, not on the first connections of a busy machine.
async fn warm_up(p: &Producer) {
    p.send(&Message::new("WarmUp", "x")).await.unwrap();
}

/// A consumer of `topic` that answers every request with "re: <body>".
async fn start_replier(ns: &str, topic: &str) -> tokio::task::JoinHandle<()> {
    let mut config = PushConsumerConfig::new("replier", topic);
    config.consume_from = ConsumeFrom::First;
    let mut consumer = PushConsumer::start(&ClientConfig::new(ns), config)
        .await
        .unwrap();
    let replies = producer(ns, "reply-producer", 0);
    tokio::spawn(async move {
        while let Some(d) = consumer.recv().await {
            let body = format!("re: {}", String::from_utf8_lossy(&d.message.body));
            let reply = create_reply_message(&d.message, body).unwrap();
            replies.send(&reply).await.unwrap();
            d.ack();
        }
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_gets_the_reply_of_another_client() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "RequestTopic", 2).await;
    let replier = start_replier(&up.namesrv, "RequestTopic").await;
    let requester = producer(&up.namesrv, "requester", 2);
    for i in 0..5 {
        let request = Message::new("RequestTopic", format!("q{i}")).with_tags("Ask");
        let reply = requester
            .request(&request, Duration::from_secs(20))
            .await
            .unwrap();
        assert_eq!(reply.body, format!("re: q{i}"));
        assert_eq!(reply.topic, CLUSTER_REPLY_TOPIC);
        assert_eq!(reply.property(property::MESSAGE_TYPE), Some("reply"));
        assert_eq!(
            reply.property(property::MESSAGE_REPLY_TO_CLIENT),
            Some(requester.instance().client_id())
        );
        assert_eq!(reply.property(property::MESSAGE_TTL), Some("20000"));
        assert!(reply.property(property::CORRELATION_ID).is_some());
        assert!(reply.property(property::PUSH_REPLY_TIME).is_some());
        assert!(reply.property(property::MESSAGE_ARRIVE_TIME).is_some());
    }
    assert!(requester.instance().request_futures().is_empty());
    // storeReplyMessageEnable (on by default) keeps each reply in the reply topic too,
    // stored after the push, so the last one may land just after its requester has it.
    let admin = mq::client::AdminClient::new(&up.namesrv, TIMEOUT).unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let stats = admin
            .topic_stats(&up.broker, CLUSTER_REPLY_TOPIC)
            .await
            .unwrap();
        let stored: i64 = stats.offset_table.values().map(|o| o.max_offset).sum();
        assert!(stored <= 5, "{stored} replies stored");
        if stored == 5 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{stored} of 5 replies stored"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    replier.abort();
    requester.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_store_reply_message_off_a_reply_is_pushed_but_not_stored() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("broker.yaml");
    std::fs::write(&conf, "storeReplyMessageEnable: false\n").unwrap();
    let up = start_up(&dir.path().join("data"), &["-c", conf.to_str().unwrap()]);
    create_topic(&up, "RequestTopic", 1).await;
    let replier = start_replier(&up.namesrv, "RequestTopic").await;
    let requester = producer(&up.namesrv, "requester", 2);
    // The replier sends its second reply only once the broker has answered the first,
    // which it does after storing it when storing is on.
    for q in ["q1", "q2"] {
        let reply = requester
            .request(&Message::new("RequestTopic", q), Duration::from_secs(20))
            .await
            .unwrap();
        assert_eq!(reply.body, format!("re: {q}"));
    }
    let admin = mq::client::AdminClient::new(&up.namesrv, TIMEOUT).unwrap();
    let stats = admin
        .topic_stats(&up.broker, CLUSTER_REPLY_TOPIC)
        .await
        .unwrap();
    assert!(stats.offset_table.values().all(|o| o.max_offset == 0));
    replier.abort();
    requester.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_nobody_answers_times_out_and_leaves_nothing_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "Unanswered", 1).await;
    let requester = producer(&up.namesrv, "requester", 2);
    warm_up(&requester).await;
    let err = requester
        .request(
            &Message::new("Unanswered", "hello?"),
            Duration::from_secs(2),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ClientError::RequestTimeout { topic, millis: 2000 } if topic == "Unanswered"),
        "{err}"
    );
    assert!(
        err.to_string().contains("wait reply message timeout"),
        "{err}"
    );
    assert!(requester.instance().request_futures().is_empty());
    requester.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_to_a_requester_that_has_left_gets_the_brokers_answer() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "Orphans", 1).await;
    let requester = producer(&up.namesrv, "leaving-requester", 2);
    let requester_id = requester.instance().client_id().to_string();
    warm_up(&requester).await;
    let err = requester
        .request(&Message::new("Orphans", "anyone?"), Duration::from_secs(2))
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::RequestTimeout { .. }), "{err}");
    requester.shutdown().await;

    let mut config = PushConsumerConfig::new("late-replier", "Orphans");
    config.consume_from = ConsumeFrom::First;
    let mut consumer = PushConsumer::start(&ClientConfig::new(&up.namesrv), config)
        .await
        .unwrap();
    let d = tokio::time::timeout(Duration::from_secs(30), consumer.recv())
        .await
        .expect("the request is delivered")
        .unwrap();
    let reply = create_reply_message(&d.message, "too late").unwrap();
    d.ack();
    let replies = producer(&up.namesrv, "late-reply-producer", 0);
    let err = replies.send(&reply).await.unwrap_err();
    assert_eq!(err.response_code(), Some(response::SYSTEM_ERROR), "{err}");
    assert!(
        err.to_string()
            .contains(&format!("channel of <{requester_id}> not found")),
        "{err}"
    );
    consumer.shutdown().await.unwrap();
    replies.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_without_reply_to_client_is_refused_with_rocketmqs_remark() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let replies = producer(&up.namesrv, "stray-reply-producer", 0);
    let stray = Message::new(CLUSTER_REPLY_TOPIC, "to nobody")
        .with_property(property::MESSAGE_TYPE, "reply")
        .with_property(property::CORRELATION_ID, "c-1");
    let err = replies.send(&stray).await.unwrap_err();
    assert_eq!(err.response_code(), Some(response::SYSTEM_ERROR), "{err}");
    assert!(
        err.to_string()
            .contains("reply message properties[REPLY_TO_CLIENT] is null"),
        "{err}"
    );
    replies.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_pair_answers_a_request_from_another_shell() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "CliRequests", 1).await;
    let mut replier = Command::new(mq_bin())
        .args([
            "consume",
            "--topic",
            "CliRequests",
            "--group",
            "cli-replier",
            "--reply",
            "pong",
        ])
        .env("NAMESRV_ADDR", &up.namesrv)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = mq(
        &up.namesrv,
        &[
            "send",
            "--topic",
            "CliRequests",
            "--body",
            "ping",
            "--request",
            "--timeout",
            "20s",
        ],
    );
    let _ = replier.kill();
    let _ = replier.wait();
    assert!(
        out.status.success(),
        "mq send --request failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "pong\n");

    // Nobody answers now: one clear line and a non-zero exit.
    let out = mq(
        &up.namesrv,
        &[
            "send",
            "--topic",
            "CliRequests",
            "--body",
            "ping",
            "--request",
            "--timeout",
            "3s",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("wait reply message timeout"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_reply_requests_get_an_error_response_and_the_broker_stays_up() {
    use mq::remoting::RemotingClient;
    use mq::remoting::code::request;
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let client = RemotingClient::new();
    // No header at all, in both forms.
    for code in [request::SEND_REPLY_MESSAGE, request::SEND_REPLY_MESSAGE_V2] {
        let r = client
            .invoke(&up.broker, RemotingCommand::request(code), TIMEOUT)
            .await
            .unwrap();
        assert_eq!(r.code, response::SYSTEM_ERROR, "{:?}", r.remark);
        assert!(r.remark.is_some());
    }
    // A well-formed reply with REPLY_TO_CLIENT naming nobody connected.
    let props = "MSG_TYPE\u{1}reply\u{2}REPLY_TO_CLIENT\u{1}10.9.9.9@1#1\u{2}CORRELATION_ID\u{1}c"
        .to_string();
    let mut reply = send_request(CLUSTER_REPLY_TOPIC, 0, b"late", props);
    reply.code = request::SEND_REPLY_MESSAGE_V2;
    let r = client.invoke(&up.broker, reply, TIMEOUT).await.unwrap();
    assert_eq!(r.code, response::SYSTEM_ERROR);
    assert_eq!(
        r.remark.as_deref(),
        Some("push reply message fail, channel of <10.9.9.9@1#1> not found.")
    );
    // Still serving.
    let r = client
        .invoke(
            &up.broker,
            send_request("AfterBadReplies", 0, b"x", String::new()),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
}
