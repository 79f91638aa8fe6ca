//! The broker over real sockets, at the protocol level: `mq up` (and `mq
//! namesrv start` + `mq broker start`) processes answering raw RocketMQ
//! requests the way Apache RocketMQ does, including its error codes.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use mq::client::AdminClient;
use mq::protocol::body::RemotingBody;
use mq::protocol::header::*;
use mq::protocol::heartbeat::{
    ConsumerData, ConsumerListBody, HeartbeatData, MessageModel, SubscriptionData,
};
use mq::protocol::message::build_properties;
use mq::remoting::code::{request, response};
use mq::remoting::connection::HandlerFuture;
use mq::remoting::{Connection, RemotingClient, RemotingCommand, RequestHandler};
use mq::store::message::decode_message;
use support::*;

fn send_request(topic: &str, queue_id: i32, body: &[u8], tag: &str) -> RemotingCommand {
    let props = build_properties([("TAGS", tag), ("KEYS", "k1"), ("WAIT", "true")]);
    support::send_request(topic, queue_id, body, props)
}

fn pull_request(
    group: &str,
    topic: &str,
    queue_id: i32,
    offset: i64,
    sys_flag: i32,
    expr: &str,
) -> RemotingCommand {
    let suspend = Duration::from_secs(15);
    support::pull_request(group, topic, queue_id, offset, sys_flag, expr, suspend)
}

/// Splits a pull body into its records.
fn records(body: &[u8]) -> Vec<mq::store::DecodedMessage> {
    let mut out = Vec::new();
    let mut rest = body;
    while rest.len() >= 4 {
        let size = i32::from_be_bytes(rest[..4].try_into().unwrap()) as usize;
        out.push(decode_message(&rest[..size]).unwrap());
        rest = &rest[size..];
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn send_pull_filter_and_long_poll() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "TopicTest", 4).await;
    let client = RemotingClient::new();

    for i in 0..10 {
        let tag = if i % 2 == 0 { "TagA" } else { "TagB" };
        let r = client
            .invoke(
                &up.broker,
                send_request("TopicTest", 1, format!("m{i}").as_bytes(), tag),
                TIMEOUT,
            )
            .await
            .unwrap();
        assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
        let h: SendMessageResponseHeader = r.decode_header().unwrap();
        assert_eq!((h.queue_id, h.queue_offset), (1, i));
        assert_eq!(h.msg_id.len(), 32);
        assert_eq!(r.ext("MSG_REGION"), Some("DefaultRegion"));
        assert_eq!(r.ext("TRACE_ON"), Some("true"));
    }

    // Everything, then only TagB (filtered on the broker by tag hash).
    let r = client
        .invoke(
            &up.broker,
            pull_request("g1", "TopicTest", 1, 0, 0x4, "*"),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
    let all = records(&r.body);
    assert_eq!(all.len(), 10);
    assert_eq!(all[3].body, b"m3");
    assert_eq!(all[3].tags(), Some("TagB"));
    assert_eq!(
        all[3].properties.get("CLUSTER").map(String::as_str),
        Some("DefaultCluster")
    );
    assert!(!all[3].properties.contains_key("WAIT"));
    let h: PullMessageResponseHeader = r.decode_header().unwrap();
    assert_eq!(
        (h.next_begin_offset, h.min_offset, h.max_offset),
        (10, 0, 10)
    );

    let r = client
        .invoke(
            &up.broker,
            pull_request("g1", "TopicTest", 1, 0, 0x4, "TagB"),
            TIMEOUT,
        )
        .await
        .unwrap();
    let tag_b = records(&r.body);
    assert_eq!(tag_b.len(), 5);
    assert!(tag_b.iter().all(|m| m.tags() == Some("TagB")));

    // Caught up: NO_NEW_MSG at once without the suspend flag.
    let r = client
        .invoke(
            &up.broker,
            pull_request("g1", "TopicTest", 1, 10, 0x4, "*"),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::PULL_NOT_FOUND);
    assert_eq!(r.remark.as_deref(), Some("OFFSET_OVERFLOW_ONE"));

    // Long polling: a suspended pull is answered by the next send.
    let poller = {
        let client = client.clone();
        let broker = up.broker.clone();
        tokio::spawn(async move {
            client
                .invoke(
                    &broker,
                    pull_request("g1", "TopicTest", 1, 10, 0x4 | 0x2, "*"),
                    Duration::from_secs(30),
                )
                .await
                .unwrap()
        })
    };
    // Send until the parked pull has been woken (a send before it parks is found directly).
    let mut sent = 0;
    while !poller.is_finished() {
        let r = client
            .invoke(
                &up.broker,
                send_request("TopicTest", 1, b"late", "TagA"),
                TIMEOUT,
            )
            .await
            .unwrap();
        assert_eq!(r.code, response::SUCCESS);
        sent += 1;
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(sent < 200, "the long poll was never answered");
    }
    let r = poller.await.unwrap();
    assert_eq!(r.code, response::SUCCESS);
    assert_eq!(records(&r.body)[0].body, b"late");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_gets_rocketmq_codes_and_the_broker_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("broker.yaml");
    std::fs::write(
        &conf,
        "autoCreateTopicEnable: false\nautoCreateSubscriptionGroup: false\nmaxMessageSize: 1024\n",
    )
    .unwrap();
    let up = start_up(&dir.path().join("data"), &["-c", conf.to_str().unwrap()]);
    create_topic(&up, "TopicTest", 4).await;
    let client = RemotingClient::new();
    let send = |topic: &str, queue: i32, body: Vec<u8>| {
        let client = client.clone();
        let broker = up.broker.clone();
        let req = send_request(topic, queue, &body, "TagA");
        async move { client.invoke(&broker, req, TIMEOUT).await.unwrap() }
    };

    let r = send("NoSuchTopic", 0, b"x".to_vec()).await;
    assert_eq!(r.code, response::TOPIC_NOT_EXIST);
    assert!(
        r.remark
            .unwrap()
            .starts_with("topic[NoSuchTopic] not exist, apply first please!")
    );

    let r = send("TopicTest", 0, vec![b'x'; 2048]).await;
    assert_eq!(r.code, response::MESSAGE_ILLEGAL, "{:?}", r.remark);

    let r = send("bad topic!", 0, b"x".to_vec()).await;
    assert_eq!(r.code, response::SYSTEM_ERROR);
    assert!(r.remark.unwrap().contains("illegal characters"));

    let r = send("SCHEDULE_TOPIC_XXXX", 0, b"x".to_vec()).await;
    assert_eq!(r.code, response::NO_PERMISSION);

    let r = send("TopicTest", 99, b"x".to_vec()).await;
    assert_eq!(r.code, response::SYSTEM_ERROR);
    assert!(r.remark.unwrap().contains("queueId[99] is illegal"));

    let r = client
        .invoke(
            &up.broker,
            pull_request("unknown_group", "TopicTest", 0, 0, 0x4, "*"),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUBSCRIPTION_GROUP_NOT_EXIST);

    let r = client
        .invoke(
            &up.broker,
            RemotingCommand::request(request::SEND_MESSAGE_V2),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SYSTEM_ERROR, "a header without fields");

    let r = send("TopicTest", 0, b"still fine".to_vec()).await;
    assert_eq!(r.code, response::SUCCESS);
}

/// Records NOTIFY_CONSUMER_IDS_CHANGED requests a broker sends a client.
#[derive(Default)]
struct Notices(Mutex<Vec<String>>);

impl RequestHandler for Notices {
    fn handle(&self, _conn: Arc<Connection>, req: RemotingCommand) -> HandlerFuture {
        if req.code == request::NOTIFY_CONSUMER_IDS_CHANGED {
            self.0
                .lock()
                .unwrap()
                .push(req.ext("consumerGroup").unwrap_or_default().to_string());
        }
        Box::pin(async { None })
    }
}

fn heartbeat(client_id: &str, group: &str) -> RemotingCommand {
    let data = HeartbeatData {
        client_id: client_id.into(),
        consumer_data_set: vec![ConsumerData {
            group_name: group.into(),
            message_model: MessageModel::Clustering,
            subscription_data_set: vec![SubscriptionData::from_tag_expression("TopicTest", "*", 1)],
            ..Default::default()
        }],
        producer_data_set: vec![],
    };
    RemotingCommand::request(request::HEART_BEAT).with_body(data.encode())
}

#[tokio::test(flavor = "multi_thread")]
async fn group_membership_and_rebalance_notices() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let notices = Arc::new(Notices::default());
    let first = RemotingClient::with_handler(notices.clone());
    let second = RemotingClient::new();

    let r = first
        .invoke(&up.broker, heartbeat("10.0.0.1@1", "demo"), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
    let r = second
        .invoke(&up.broker, heartbeat("10.0.0.2@2", "demo"), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);

    let list = |client: RemotingClient| {
        let broker = up.broker.clone();
        async move {
            let req = RemotingCommand::request(request::GET_CONSUMER_LIST_BY_GROUP)
                .with_ext("consumerGroup", "demo");
            let r = client.invoke(&broker, req, TIMEOUT).await.unwrap();
            if r.code != response::SUCCESS {
                return Vec::new();
            }
            ConsumerListBody::decode(&r.body).unwrap().consumer_id_list
        }
    };
    assert_eq!(list(first.clone()).await, ["10.0.0.1@1", "10.0.0.2@2"]);
    // The retry topic of a clustering group exists once it heartbeats.
    let admin = AdminClient::new(&up.namesrv, TIMEOUT).unwrap();
    let mut tries = 0;
    while admin.topic_route("%RETRY%demo").await.is_err() {
        tries += 1;
        assert!(tries < 200, "%RETRY%demo was never registered");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }

    // The second client's arrival and departure each tell the first.
    let wait_for_notices = |n: usize| {
        let notices = notices.clone();
        async move {
            for _ in 0..400 {
                if notices.0.lock().unwrap().len() >= n {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(25)).await;
            }
            panic!("expected {n} notices, got {:?}", notices.0.lock().unwrap());
        }
    };
    wait_for_notices(2).await;
    second.shutdown();
    wait_for_notices(3).await;
    assert_eq!(notices.0.lock().unwrap()[2], "demo");
    assert_eq!(list(first.clone()).await, ["10.0.0.1@1"]);

    let unregister = RemotingCommand::request(request::UNREGISTER_CLIENT)
        .with_ext("clientID", "10.0.0.1@1")
        .with_ext("consumerGroup", "demo");
    let r = first.invoke(&up.broker, unregister, TIMEOUT).await.unwrap();
    assert_eq!(r.code, response::SUCCESS);
    let req = RemotingCommand::request(request::GET_CONSUMER_LIST_BY_GROUP)
        .with_ext("consumerGroup", "demo");
    let r = first.invoke(&up.broker, req, TIMEOUT).await.unwrap();
    assert_eq!(r.code, response::SYSTEM_ERROR);
    assert_eq!(
        r.remark.as_deref(),
        Some("no consumer for this group, demo")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn offsets_and_messages_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let client = RemotingClient::new();
    // Auto-created from TBW102 on first send.
    for _ in 0..3 {
        let r = client
            .invoke(
                &up.broker,
                send_request("AutoTopic", 0, b"x", "TagA"),
                TIMEOUT,
            )
            .await
            .unwrap();
        assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    }
    let commit = RemotingCommand::request(request::UPDATE_CONSUMER_OFFSET).with_header(
        &UpdateConsumerOffsetRequestHeader {
            consumer_group: "g".into(),
            topic: "AutoTopic".into(),
            queue_id: 0,
            commit_offset: 2,
        },
    );
    let r = client.invoke(&up.broker, commit, TIMEOUT).await.unwrap();
    assert_eq!(r.code, response::SUCCESS);
    client.shutdown();
    assert!(up.process.terminate().success());

    let up = start_up(dir.path(), &[]);
    let client = RemotingClient::new();
    let query = |group: &str| {
        RemotingCommand::request(request::QUERY_CONSUMER_OFFSET).with_header(
            &QueryConsumerOffsetRequestHeader {
                consumer_group: group.into(),
                topic: "AutoTopic".into(),
                queue_id: 0,
            },
        )
    };
    let r = client
        .invoke(&up.broker, query("g"), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.decode_header::<OffsetResponseHeader>().unwrap().offset, 2);
    // A group that never committed starts a young queue from 0.
    let r = client
        .invoke(&up.broker, query("new"), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.decode_header::<OffsetResponseHeader>().unwrap().offset, 0);
    let max = RemotingCommand::request(request::GET_MAX_OFFSET)
        .with_ext("topic", "AutoTopic")
        .with_ext("queueId", 0);
    let r = client.invoke(&up.broker, max, TIMEOUT).await.unwrap();
    assert_eq!(r.decode_header::<OffsetResponseHeader>().unwrap().offset, 3);
    let route = AdminClient::new(&up.namesrv, TIMEOUT)
        .unwrap()
        .topic_route("AutoTopic")
        .await
        .unwrap();
    assert_eq!(route.queue_datas[0].write_queue_nums, 4);
}

#[test]
fn a_killed_broker_registers_again_when_restarted() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(
        dir.path(),
        "scanNotActiveBrokerInterval: 100\nbrokerChannelExpiredTime: 1000\n",
    );
    let port = free_port();
    let conf = dir.path().join("broker.yaml");
    std::fs::write(
        &conf,
        format!(
            "listenPort: {port}\nstorePathRootDir: {}\n",
            dir.path().join("store").display()
        ),
    )
    .unwrap();
    let start_broker = || MqProcess {
        child: broker_start(&conf, &ns.addr)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
        addr: format!("127.0.0.1:{port}"),
    };
    let listed = || {
        let out = mq_ok(&ns.addr, &["cluster", "list", "-o", "json"]);
        out.contains(&format!("127.0.0.1:{port}"))
    };
    let broker = start_broker();
    wait_until("the broker to register", Duration::from_secs(20), listed);
    drop(broker); // SIGKILL: no unregistration
    wait_until("the dead broker to expire", Duration::from_secs(20), || {
        !listed()
    });
    let _broker = start_broker();
    wait_until(
        "the restarted broker to register",
        Duration::from_secs(20),
        listed,
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn store_inspect_reads_what_the_broker_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "Inspected", 2).await;
    let client = RemotingClient::new();
    for i in 0..5 {
        let body = format!("body-{i}");
        let r = client
            .invoke(
                &up.broker,
                send_request("Inspected", 1, body.as_bytes(), "TagI"),
                TIMEOUT,
            )
            .await
            .unwrap();
        assert_eq!(r.code, response::SUCCESS);
    }
    client.shutdown();
    assert!(up.process.terminate().success());

    let store = dir.path().join("broker");
    let store = store.to_str().unwrap();
    let summary: serde_json::Value =
        serde_json::from_str(&mq_ok("-", &["store", "inspect", store, "-o", "json"])).unwrap();
    assert_eq!(
        summary["abortFilePresent"], false,
        "a clean shutdown leaves no abort file"
    );
    let topic = summary["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["topic"] == "Inspected")
        .expect("the topic is in the summary");
    assert_eq!(topic["queues"][0]["queueId"], 1);
    assert_eq!(topic["queues"][0]["maxOffset"], 5);

    let msgs: serde_json::Value = serde_json::from_str(&mq_ok(
        "-",
        &[
            "store",
            "inspect",
            store,
            "--topic",
            "Inspected",
            "--queue",
            "1",
            "--offset",
            "3",
            "-o",
            "json",
        ],
    ))
    .unwrap();
    let msgs = msgs.as_array().unwrap();
    assert_eq!(msgs.len(), 2);
    assert_eq!(msgs[0]["queueOffset"], 3);
    assert_eq!(msgs[0]["message"]["body"], "body-3");
    let table = mq_ok(
        "-",
        &[
            "store",
            "inspect",
            store,
            "--topic",
            "Inspected",
            "--queue",
            "1",
        ],
    );
    assert!(
        table.contains("body-4") && table.contains("TagI"),
        "{table}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn broker_config_updates_apply_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "PermTopic", 1).await;
    let out = mq(
        &up.namesrv,
        &["broker", "config", "set", "brokerPermission", "4"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Re-registered at once, under a new data version the name server takes.
    wait_until(
        "the name server to route PermTopic read-only",
        Duration::from_secs(20),
        || {
            let route = mq(&up.namesrv, &["topic", "route", "PermTopic", "-o", "json"]);
            let route: serde_json::Value =
                serde_json::from_slice(&route.stdout).unwrap_or_default();
            route["queueDatas"][0]["perm"] == 4
        },
    );
    let out = mq(&up.namesrv, &["broker", "config", "set", "listenPort", "1"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the listen address may not be changed remotely"
    );
    assert!(up.process.terminate().success());

    let up = start_up(dir.path(), &[]);
    let got = mq_ok(
        &up.namesrv,
        &["broker", "config", "get", "brokerPermission", "-o", "json"],
    );
    assert!(got.contains("\"4\""), "{got}");
    let client = RemotingClient::new();
    let r = client
        .invoke(
            &up.broker,
            send_request("TopicTest", 0, b"x", "TagA"),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(
        r.code,
        response::NO_PERMISSION,
        "a read-only broker refuses sends: {:?}",
        r.remark
    );
}

#[test]
fn cluster_list_shows_what_a_live_broker_says_of_itself() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let rows: serde_json::Value =
        serde_json::from_str(&mq_ok(&up.namesrv, &["cluster", "list", "-o", "json"])).unwrap();
    let row = &rows[0];
    assert_eq!(row["address"], up.broker.as_str());
    assert_eq!(row["reachable"], true);
    assert_eq!(row["version"], "V4_9_8");
    assert!(row["commitLogDiskRatio"].as_f64().is_some(), "{row}");
    assert!(row["putTps"].as_f64().is_some(), "{row}");
    let table = mq_ok(&up.namesrv, &["cluster", "list"]);
    assert!(
        table.contains("V4_9_8") && !table.contains("down"),
        "{table}"
    );
}
