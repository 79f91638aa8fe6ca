//! SQL92 filtering end to end against a real `mq up`: a producer sends messages with numeric
//! and string properties; `mq consume --sql`, the push consumer and the pull consumer receive
//! exactly those the selector matches. A malformed selector, an unknown expression type, an
//! oversized or over-nested one are refused at start with the broker's code and a remark that
//! says where; a broker with enablePropertyFilter off refuses SQL92 as RocketMQ does.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use mq::client::consumer::{ConsumeFrom, PullConsumer, PushConsumer, PushConsumerConfig};
use mq::client::{ClientConfig, ClientError, Message, Producer, ProducerConfig, SendStatus};
use mq::remoting::code::response;
use support::*;

const N: usize = 60;
const SELECTOR: &str = "a >= 15 AND region IN ('eu','us')";
const REGIONS: [&str; 3] = ["eu", "us", "ap"];

/// Sends N messages to `topic`: body `m<i>`, properties a=i and a region; returns the bodies
/// SELECTOR matches.
async fn send_numbered(ns: &str, topic: &str) -> BTreeSet<String> {
    let p = Producer::new(&ClientConfig::new(ns), ProducerConfig::default()).unwrap();
    let mut matching = BTreeSet::new();
    for i in 0..N {
        let region = REGIONS[i % 3];
        let m = Message::new(topic, format!("m{i}"))
            .with_property("a", i.to_string())
            .with_property("region", region);
        assert_eq!(p.send(&m).await.unwrap().status, SendStatus::SendOk);
        if i >= 15 && region != "ap" {
            matching.insert(format!("m{i}"));
        }
    }
    p.shutdown().await;
    matching
}

fn sql_config(group: &str, topic: &str, sql: &str) -> PushConsumerConfig {
    let mut c = PushConsumerConfig::new(group, topic);
    c.expression = sql.into();
    c.expression_type = "SQL92".into();
    c.consume_from = ConsumeFrom::First;
    c
}

fn refusal(r: Result<PushConsumer, ClientError>) -> (i32, String) {
    match r {
        Ok(_) => panic!("the consumer started"),
        Err(e) => (e.response_code().unwrap_or(-1), e.to_string()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consumers_receive_exactly_the_messages_the_selector_matches() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "Sql", 4).await;
    let want = send_numbered(&up.namesrv, "Sql").await;
    assert_eq!(want.len(), 30);

    // The CLI.
    let count = want.len().to_string();
    let out = mq_ok(
        &up.namesrv,
        &[
            "consume",
            "--topic",
            "Sql",
            "--sql",
            SELECTOR,
            "--count",
            &count,
            "--format",
            "{body} {prop:a} {prop:region}",
            "--idle-exit",
            "20",
        ],
    );
    let got: BTreeSet<String> = out
        .lines()
        .map(|l| l.split(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(got, want, "{out}");
    assert_eq!(out.lines().count(), want.len());

    // The push consumer (its subscription reaches the broker by heartbeat).
    let client = ClientConfig::new(&up.namesrv);
    let mut c = PushConsumer::start(&client, sql_config("sql-push", "Sql", SELECTOR))
        .await
        .unwrap();
    let mut got = BTreeSet::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while got.len() < want.len() {
        let d = tokio::select! {
            d = c.recv() => d.unwrap(),
            _ = tokio::time::sleep_until(deadline) => panic!("got {got:?}"),
        };
        let a: usize = d.message.property("a").unwrap().parse().unwrap();
        assert!(a >= 15 && d.message.property("region") != Some("ap"));
        got.insert(String::from_utf8(d.message.body.to_vec()).unwrap());
        d.ack();
    }
    assert_eq!(got, want);
    c.shutdown().await.unwrap();

    // The pull consumer names the selector in each pull: every queue read to its end gives
    // exactly the matching messages.
    let pull = PullConsumer::new(&client, "sql-pull").unwrap();
    let mut got = BTreeSet::new();
    for mq in pull.fetch_subscribe_queues("Sql").await.unwrap() {
        let end = pull.max_offset(&mq).await.unwrap();
        let mut offset = 0;
        while offset < end {
            let r = pull.pull_sql(&mq, SELECTOR, offset, 32).await.unwrap();
            for m in &r.messages {
                got.insert(String::from_utf8(m.body.to_vec()).unwrap());
            }
            assert!(r.next_begin_offset > offset);
            offset = r.next_begin_offset;
        }
    }
    assert_eq!(got, want);
    // A selector nothing matches: no message, and the pull moves past them.
    let queue = &pull.fetch_subscribe_queues("Sql").await.unwrap()[0];
    let r = pull.pull_sql(queue, "a > 1000", 0, 32).await.unwrap();
    assert!(r.messages.is_empty());
    let e = pull.pull_sql(queue, "a >", 0, 32).await.unwrap_err();
    assert_eq!(e.response_code(), Some(response::SUBSCRIPTION_PARSE_FAILED));
    assert!(
        e.to_string()
            .contains("parse the consumer's subscription failed"),
        "{e}"
    );
    pull.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_selectors_are_refused_at_start_with_where() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "Bad", 2).await;
    let client = ClientConfig::new(&up.namesrv);

    let (code, said) =
        refusal(PushConsumer::start(&client, sql_config("bad", "Bad", "a >= 15 AND")).await);
    assert_eq!(code, response::SUBSCRIPTION_PARSE_FAILED, "{said}");
    assert!(
        said.contains("Invalid MessageSelector") && said.contains("column 12"),
        "{said}"
    );

    let mut unknown = sql_config("bad", "Bad", "a > 1");
    unknown.expression_type = "XPATH".into();
    let (code, said) = refusal(PushConsumer::start(&client, unknown).await);
    assert_eq!(code, response::SUBSCRIPTION_PARSE_FAILED, "{said}");
    assert!(said.contains("unknown expression type \"XPATH\""), "{said}");

    let huge = vec!["a = 1"; 100 * 1024 / 9].join(" OR ");
    let (code, said) = refusal(PushConsumer::start(&client, sql_config("bad", "Bad", &huge)).await);
    assert_eq!(code, response::SUBSCRIPTION_PARSE_FAILED, "{said}");
    assert!(said.contains("allowed"), "{said}");

    let nested = format!("{}a = 1{}", "(".repeat(10_000), ")".repeat(10_000));
    let (code, said) =
        refusal(PushConsumer::start(&client, sql_config("bad", "Bad", &nested)).await);
    assert_eq!(code, response::SUBSCRIPTION_PARSE_FAILED, "{said}");
    let nested = format!("{}a = 1{}", "(".repeat(1_000), ")".repeat(1_000));
    let (code, said) =
        refusal(PushConsumer::start(&client, sql_config("bad", "Bad", &nested)).await);
    assert_eq!(code, response::SUBSCRIPTION_PARSE_FAILED, "{said}");
    assert!(said.contains("levels deep"), "{said}");

    // The CLI: non-zero, one line that points at the problem.
    let out = mq(
        &up.namesrv,
        &[
            "consume",
            "--topic",
            "Bad",
            "--sql",
            "a >= 15 AND region IN ('eu',)",
            "--count",
            "1",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("--sql: expected a string literal") && err.contains("column 29"),
        "{err}"
    );
    let out = mq(
        &up.namesrv,
        &[
            "consume", "--topic", "Bad", "--sql", "a > 1", "--tag", "TagA",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "--sql and --tag conflict");

    // The broker is still serving.
    let out = mq_ok(
        &up.namesrv,
        &["send", "--topic", "Bad", "-p", "a=5", "--body", "ok"],
    );
    assert!(out.contains("SEND_OK"), "{out}");
    let out = mq_ok(
        &up.namesrv,
        &[
            "consume",
            "--topic",
            "Bad",
            "--sql",
            "a = 5",
            "--count",
            "1",
            "--idle-exit",
            "20",
        ],
    );
    assert_eq!(out.trim(), "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broker_without_property_filter_refuses_sql92() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("broker.yaml");
    std::fs::write(&conf, "enablePropertyFilter: false\n").unwrap();
    let up = start_up(&dir.path().join("data"), &["-c", conf.to_str().unwrap()]);
    create_topic(&up, "NoSql", 2).await;
    let client = ClientConfig::new(&up.namesrv);
    let (code, said) =
        refusal(PushConsumer::start(&client, sql_config("nosql", "NoSql", "a > 1")).await);
    assert_eq!(code, response::SYSTEM_ERROR, "{said}");
    assert!(
        said.contains("The broker does not support consumer to filter message by SQL92"),
        "{said}"
    );
    let pull = PullConsumer::new(&client, "nosql-pull").unwrap();
    let queue = &pull.fetch_subscribe_queues("NoSql").await.unwrap()[0];
    let e = pull.pull_sql(queue, "a > 1", 0, 32).await.unwrap_err();
    assert_eq!(e.response_code(), Some(response::SYSTEM_ERROR), "{e}");
    // Tags still work.
    assert!(pull.pull(queue, "*", 0, 32).await.is_ok());
    pull.shutdown();
    let out = mq(
        &up.namesrv,
        &[
            "consume", "--topic", "NoSql", "--sql", "a > 1", "--count", "1",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("does not support consumer to filter message by SQL92"),
        "{err}"
    );
}

/// The heartbeat path over raw requests, as any client sends them: a selector that did not
/// compile gives FILTER_DATA_NOT_EXIST; a newer one that did not compile leaves the broker's
/// filter older than the subscription, FILTER_DATA_NOT_LATEST; the next good one serves.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heartbeat_subscriptions_answer_with_rocketmq_codes() {
    use mq::protocol::body::RemotingBody;
    use mq::protocol::header::PullMessageRequestHeader;
    use mq::protocol::heartbeat::{ConsumerData, HeartbeatData, SubscriptionData};
    use mq::remoting::code::request;
    use mq::remoting::{RemotingClient, RemotingCommand};

    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "Hb", 1).await;
    send_numbered(&up.namesrv, "Hb").await;
    let client = RemotingClient::new();
    let heartbeat = |expr: &str, version: i64| {
        let hb = HeartbeatData {
            client_id: "raw@1".into(),
            consumer_data_set: vec![ConsumerData {
                group_name: "raw".into(),
                subscription_data_set: vec![SubscriptionData::from_sql_expression(
                    "Hb", expr, version,
                )],
                ..Default::default()
            }],
            ..Default::default()
        };
        RemotingCommand::request(request::HEART_BEAT).with_body(hb.encode())
    };
    let pull = |version: i64| {
        RemotingCommand::request(request::PULL_MESSAGE).with_header(&PullMessageRequestHeader {
            consumer_group: "raw".into(),
            topic: "Hb".into(),
            queue_id: 0,
            queue_offset: 0,
            max_msg_nums: 32,
            sys_flag: 0,
            commit_offset: 0,
            suspend_timeout_millis: 0,
            subscription: None,
            sub_version: version,
            expression_type: Some("SQL92".into()),
            broker_name: None,
        })
    };
    let ask = |req: RemotingCommand| {
        let client = &client;
        let addr = up.broker.clone();
        async move { client.invoke(&addr, req, TIMEOUT).await.unwrap() }
    };
    assert_eq!(ask(heartbeat("a >", 1)).await.code, response::SUCCESS);
    let r = ask(pull(1)).await;
    assert_eq!(r.code, response::FILTER_DATA_NOT_EXIST, "{:?}", r.remark);
    assert!(r.remark.unwrap().contains("column 4"));

    assert_eq!(ask(heartbeat("a >= 50", 2)).await.code, response::SUCCESS);
    let r = ask(pull(2)).await;
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    let found = mq::client::message::decode_messages(&r.body, "broker-a").unwrap();
    let a: Vec<&str> = found.iter().map(|m| m.property("a").unwrap()).collect();
    assert_eq!(
        a,
        ["50", "51", "52", "53", "54", "55", "56", "57", "58", "59"]
    );

    assert_eq!(ask(heartbeat("a >= = 1", 3)).await.code, response::SUCCESS);
    let r = ask(pull(3)).await;
    assert_eq!(r.code, response::FILTER_DATA_NOT_LATEST, "{:?}", r.remark);
    assert_eq!(ask(heartbeat("a < 2", 4)).await.code, response::SUCCESS);
    let r = ask(pull(4)).await;
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    let found = mq::client::message::decode_messages(&r.body, "broker-a").unwrap();
    assert_eq!(found.len(), 2);
}

/// With filterSupportRetry, a group's retry topic is read with the group's selector of each
/// message's real topic (RETRY_TOPIC); without it, every retried message is delivered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_topics_are_filtered_by_the_real_topics_selector() {
    use mq::protocol::body::RemotingBody;
    use mq::protocol::heartbeat::{ConsumerData, HeartbeatData, MessageModel, SubscriptionData};
    use mq::protocol::message::build_properties;
    use mq::remoting::RemotingClient;
    use mq::remoting::code::request;

    for support_retry in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let conf = dir.path().join("broker.yaml");
        std::fs::write(
            &conf,
            format!("enablePropertyFilter: true\nfilterSupportRetry: {support_retry}\n"),
        )
        .unwrap();
        let up = start_up(&dir.path().join("data"), &["-c", conf.to_str().unwrap()]);
        create_topic(&up, "Rt", 1).await;
        let client = RemotingClient::new();
        let hb = HeartbeatData {
            client_id: "raw@2".into(),
            consumer_data_set: vec![ConsumerData {
                group_name: "rg".into(),
                message_model: MessageModel::Clustering,
                subscription_data_set: vec![
                    SubscriptionData::from_sql_expression("Rt", "a >= 5", 1),
                    SubscriptionData::from_tag_expression("%RETRY%rg", "*", 1),
                ],
                ..Default::default()
            }],
            ..Default::default()
        };
        let req =
            mq::remoting::RemotingCommand::request(request::HEART_BEAT).with_body(hb.encode());
        let r = client.invoke(&up.broker, req, TIMEOUT).await.unwrap();
        assert_eq!(r.code, response::SUCCESS);
        for i in 0..10 {
            let a = i.to_string();
            let props = build_properties([("a", a.as_str()), ("RETRY_TOPIC", "Rt")]);
            let req = send_request("%RETRY%rg", 0, b"retried", props);
            let r = client.invoke(&up.broker, req, TIMEOUT).await.unwrap();
            assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
        }
        let req = pull_request("rg", "%RETRY%rg", 0, 0, 0, "*", Duration::ZERO);
        let r = client.invoke(&up.broker, req, TIMEOUT).await.unwrap();
        assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
        let found = mq::client::message::decode_messages(&r.body, "broker-a").unwrap();
        let a: Vec<&str> = found.iter().map(|m| m.property("a").unwrap()).collect();
        if support_retry {
            assert_eq!(a, ["5", "6", "7", "8", "9"]);
        } else {
            assert_eq!(a.len(), 10);
        }
    }
}
