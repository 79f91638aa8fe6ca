//! The admin commands against real `mq up` processes: state is set through
//! the admin client or raw protocol, the `mq` binary runs, its table and
//! JSON output are checked (snapshots with `[..]` wildcards for ports, times
//! and ids), then the state is read back.

mod support;

use std::sync::{Arc, Mutex};

use mq::client::AdminClient;
use mq::protocol::admin::ResetOffsetBody;
use mq::protocol::body::RemotingBody;
use mq::protocol::header::*;
use mq::protocol::heartbeat::{
    ConsumerData, HeartbeatData, MessageModel, ProducerData, SubscriptionData,
};
use mq::protocol::message::build_properties;
use mq::protocol::topic_config::TopicConfig;
use mq::remoting::code::{request, response};
use mq::remoting::connection::HandlerFuture;
use mq::remoting::{Connection, RemotingClient, RemotingCommand, RequestHandler};
use serde_json::Value;
use support::*;

/// Asserts `actual` matches `pattern` line by line; `[..]` in a pattern line
/// matches any text.
fn assert_snapshot(actual: &str, pattern: &str) {
    let a: Vec<&str> = actual.trim_end().lines().collect();
    let p: Vec<&str> = pattern.trim_end().lines().collect();
    let ok = a.len() == p.len() && a.iter().zip(&p).all(|(a, p)| line_matches(a, p));
    assert!(
        ok,
        "output does not match\n--- actual\n{actual}\n--- expected\n{pattern}"
    );
}

fn line_matches(line: &str, pattern: &str) -> bool {
    let parts: Vec<&str> = pattern.split("[..]").collect();
    if parts.len() == 1 {
        return line == pattern;
    }
    let mut rest = match line.strip_prefix(parts[0]) {
        Some(r) => r,
        None => return false,
    };
    for (i, part) in parts[1..].iter().enumerate() {
        let last = i == parts.len() - 2;
        if last {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(pos) => rest = &rest[pos + part.len()..],
            None => return false,
        }
    }
    true
}

fn json(namesrv: &str, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["-o", "json"]);
    serde_json::from_str(&mq_ok(namesrv, &all)).unwrap()
}

fn send_request(topic: &str, queue_id: i32, body: &[u8], key: &str) -> RemotingCommand {
    let props = build_properties([("TAGS", "TagA"), ("KEYS", key), ("WAIT", "true")]);
    support::send_request(topic, queue_id, body, props)
}

async fn send(
    client: &RemotingClient,
    up: &MqUp,
    topic: &str,
    queue: i32,
    body: &str,
    key: &str,
) -> String {
    let r = client
        .invoke(
            &up.broker,
            send_request(topic, queue, body.as_bytes(), key),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    r.decode_header::<SendMessageResponseHeader>()
        .unwrap()
        .msg_id
}

async fn committed(
    client: &RemotingClient,
    up: &MqUp,
    group: &str,
    topic: &str,
    queue_id: i32,
) -> Option<i64> {
    let req = RemotingCommand::request(request::QUERY_CONSUMER_OFFSET).with_header(
        &QueryConsumerOffsetRequestHeader {
            consumer_group: group.into(),
            topic: topic.into(),
            queue_id,
        },
    );
    let r = client.invoke(&up.broker, req, TIMEOUT).await.unwrap();
    (r.code == response::SUCCESS).then(|| r.decode_header::<OffsetResponseHeader>().unwrap().offset)
}

async fn commit(
    client: &RemotingClient,
    up: &MqUp,
    group: &str,
    topic: &str,
    queue_id: i32,
    offset: i64,
) {
    let req = RemotingCommand::request(request::UPDATE_CONSUMER_OFFSET).with_header(
        &UpdateConsumerOffsetRequestHeader {
            consumer_group: group.into(),
            topic: topic.into(),
            queue_id,
            commit_offset: offset,
        },
    );
    assert_eq!(
        client.invoke(&up.broker, req, TIMEOUT).await.unwrap().code,
        response::SUCCESS
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn topics_messages_and_brokers() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let ns = up.namesrv.clone();
    let ns = ns.as_str();

    let out = mq_ok(
        ns,
        &[
            "topic",
            "create",
            "Orders",
            "--read-queues",
            "2",
            "--write-queues",
            "2",
        ],
    );
    assert_snapshot(
        &out,
        "TOPIC   ACTION   BROKER    ADDRESS[..]READ QUEUES  WRITE QUEUES  PERM\n\
         Orders  created  broker-a  127.0.0.1:[..]2            2             RW-",
    );
    let v = json(ns, &["topic", "update", "Orders", "--perm", "r"]);
    assert_eq!(v[0]["action"], "updated");
    assert_eq!(v[0]["perm"], "R--");
    assert_eq!(
        v[0]["writeQueueNums"], 2,
        "unchanged settings keep their value"
    );
    mq_ok(ns, &["topic", "update", "Orders", "--perm", "rw"]);
    // The name server learns the route once the broker re-registers.
    wait_until("the route of Orders", TIMEOUT, || {
        mq(ns, &["topic", "route", "Orders", "-o", "json"])
            .status
            .success()
    });

    let client = RemotingClient::new();
    let mut ids = Vec::new();
    for i in 0..3 {
        ids.push(
            send(
                &client,
                &up,
                "Orders",
                1,
                &format!("order-{i}"),
                &format!("key-{i}"),
            )
            .await,
        );
    }

    let out = mq_ok(ns, &["topic", "describe", "Orders"]);
    assert_snapshot(
        &out,
        "BROKER    QUEUE  MIN OFFSET  MAX OFFSET  MESSAGES  LAST UPDATED\n\
         broker-a  0      0           0           0         -\n\
         broker-a  1      0           3           3         [..]Z",
    );
    let v = json(ns, &["topic", "describe", "Orders"]);
    assert_eq!(v["totalMessages"], 3);
    assert!(v["queues"][1]["lastUpdateTimestamp"].as_i64().unwrap() > 1_600_000_000_000);
    assert!(v["queues"][0]["lastUpdateTimestamp"].is_null());

    // Messages: by offset id, by key, by queue.
    let v = json(ns, &["message", "get", &ids[1]]);
    assert_eq!(v["body"], "order-1");
    assert_eq!(v["keys"], "key-1");
    assert_eq!(v["queueOffset"], 1);
    let out = mq_ok(ns, &["message", "get", &ids[1]]);
    assert!(
        out.contains("Queue offset") && out.contains("order-1"),
        "{out}"
    );
    let v = json(
        ns,
        &["message", "query", "--topic", "Orders", "--key", "key-2"],
    );
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["body"], "order-2");
    let v = json(
        ns,
        &[
            "message", "print", "--topic", "Orders", "--queue", "1", "--offset", "1", "--count",
            "5",
        ],
    );
    let bodies: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["order-1", "order-2"]);
    let out = mq(
        ns,
        &["message", "query", "--topic", "Orders", "--key", "nope"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("no message with key 'nope' in topic 'Orders'")
    );

    // Brokers: runtime info and config.
    let v = json(ns, &["broker", "status"]);
    assert_eq!(v[0]["brokerName"], "broker-a");
    assert_eq!(v[0]["version"], "V4_9_8");
    assert!(v[0]["commitLogMaxOffset"].as_i64().unwrap() > 0);
    assert!(v[0]["runtime"]["putTps"].is_string());
    let out = mq_ok(ns, &["broker", "config", "set", "fileReservedTime", "24"]);
    assert_snapshot(
        &out,
        "BROKER    ADDRESS[..]KEY               VALUE\nbroker-a  127.0.0.1:[..]fileReservedTime  24",
    );
    let v = json(
        ns,
        &[
            "broker",
            "config",
            "get",
            "fileReservedTime",
            "-b",
            &up.broker,
        ],
    );
    assert_eq!(v[0]["value"], "24");
    let out = mq(ns, &["broker", "config", "set", "noSuchKey", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("noSuchKey"));

    // mqadmin names work too.
    // Global options go before `admin`: what follows is mqadmin's.
    let v: Value = serde_json::from_str(&mq_ok(
        ns,
        &["-o", "json", "admin", "topicStatus", "-t", "Orders"],
    ))
    .unwrap();
    assert_eq!(v["totalMessages"], 3);

    // Deleting asks; in a script it needs -y.
    let out = mq(ns, &["topic", "delete", "Orders"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("add -y"));
    let v = json(ns, &["topic", "delete", "Orders", "-y"]);
    assert_eq!(v[0]["action"], "deleted");
    let out = mq(ns, &["topic", "describe", "Orders"]);
    assert_eq!(out.status.code(), Some(1));
    let out = mq(
        ns,
        &["topic", "delete", "Orders", "-c", "DefaultCluster", "-y"],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: topic 'Orders' not found on cluster DefaultCluster"
    );
    let admin = AdminClient::new(ns, TIMEOUT).unwrap();
    assert!(admin.topic_route("Orders").await.is_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn groups_lag_and_offline_reset() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let ns = up.namesrv.as_str();
    AdminClient::new(ns, TIMEOUT)
        .unwrap()
        .create_topic(&up.broker, &TopicConfig::with_queues("Lagging", 2, 2, 6))
        .await
        .unwrap();
    let client = RemotingClient::new();
    for i in 0..5 {
        send(&client, &up, "Lagging", 0, &format!("m{i}"), "k").await;
    }

    let out = mq_ok(ns, &["group", "create", "billing", "--retry-max", "3"]);
    assert_snapshot(
        &out,
        "GROUP    ACTION   BROKER    ADDRESS\nbilling  created  broker-a  127.0.0.1:[..]",
    );
    let v = json(ns, &["group", "list"]);
    let billing = v
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "billing")
        .unwrap();
    assert_eq!(billing["retryMaxTimes"], 3);
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|g| g["group"] != "TOOLS_CONSUMER")
    );

    // No committed offset: lag is unknown, never 0.
    let out = mq_ok(ns, &["group", "describe", "billing", "--topic", "Lagging"]);
    assert_snapshot(
        &out,
        "TOPIC    BROKER    QUEUE  BROKER OFFSET  CONSUMER OFFSET  LAG  LAST CONSUMED\n\
         Lagging  broker-a  0      5              -                -    -\n\
         Lagging  broker-a  1      0              -                -    -\n\
         \n\
         Total lag: -   Retry depth: 0   DLQ depth: 0   Consume TPS: 0.00   Model: -   Online clients: 0",
    );
    let v = json(ns, &["group", "describe", "billing", "--topic", "Lagging"]);
    assert!(v["totalLag"].is_null());
    assert!(v["queues"][0]["lag"].is_null() && v["queues"][0]["consumerOffset"].is_null());
    assert_eq!(v["queues"][0]["brokerOffset"], 5);

    commit(&client, &up, "billing", "Lagging", 0, 2).await;
    let v = json(ns, &["group", "describe", "billing"]);
    assert_eq!(v["queues"][0]["lag"], 3);
    assert_eq!(v["queues"][0]["consumerOffset"], 2);
    assert!(v["queues"][0]["lastTimestamp"].as_i64().unwrap() > 0);
    assert!(v["queues"][1]["lag"].is_null());
    assert_eq!(v["totalLag"], 3);

    // A dry run changes nothing.
    let out = mq_ok(
        ns,
        &[
            "group",
            "reset-offset",
            "billing",
            "--topic",
            "Lagging",
            "--to-earliest",
        ],
    );
    assert_snapshot(
        &out,
        "TOPIC    BROKER    QUEUE  MIN  MAX  CURRENT  TARGET  STATUS\n\
         Lagging  broker-a  0      0    5    2        0       planned (dry run)\n\
         Lagging  broker-a  1      0    0    -        0       planned (dry run)",
    );
    assert_eq!(
        committed(&client, &up, "billing", "Lagging", 0).await,
        Some(2)
    );

    // Offline: --execute rewrites the committed offsets.
    let v = json(
        ns,
        &[
            "group",
            "reset-offset",
            "billing",
            "--topic",
            "Lagging",
            "--shift-by",
            "2",
            "--execute",
            "-y",
        ],
    );
    assert_eq!(v["executed"], true);
    assert_eq!(v["online"], false);
    assert_eq!(v["queues"][0]["targetOffset"], 4);
    assert_eq!(
        committed(&client, &up, "billing", "Lagging", 0).await,
        Some(4)
    );
    mq_ok(
        ns,
        &[
            "admin",
            "skipAccumulatedMessage",
            "-g",
            "billing",
            "-t",
            "Lagging",
        ],
    );
    assert_eq!(
        committed(&client, &up, "billing", "Lagging", 0).await,
        Some(5)
    );
    let out = mq(
        ns,
        &[
            "group",
            "reset-offset",
            "billing",
            "--topic",
            "Lagging",
            "--to-latest",
            "--execute",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "needs -y in a script");

    let out = mq(ns, &["group", "describe", "nobody"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("consumer group 'nobody' not found"));
    mq_ok(
        ns,
        &["group", "delete", "billing", "--remove-offsets", "-y"],
    );
    let v = json(ns, &["group", "list"]);
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|g| g["group"] != "billing")
    );
}

/// A consumer that records RESET_CONSUMER_CLIENT_OFFSET notices.
#[derive(Default)]
struct ResetNotices(Mutex<Vec<ResetOffsetBody>>);

impl RequestHandler for ResetNotices {
    fn handle(&self, _conn: Arc<Connection>, req: RemotingCommand) -> HandlerFuture {
        if req.code == request::RESET_CONSUMER_CLIENT_OFFSET {
            self.0
                .lock()
                .unwrap()
                .push(ResetOffsetBody::decode(&req.body).unwrap());
        }
        Box::pin(async { None })
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn clients_and_reset_with_consumers_online() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let ns = up.namesrv.as_str();
    AdminClient::new(ns, TIMEOUT)
        .unwrap()
        .create_topic(&up.broker, &TopicConfig::with_queues("Live", 1, 1, 6))
        .await
        .unwrap();
    let producer = RemotingClient::new();
    for i in 0..4 {
        send(&producer, &up, "Live", 0, &format!("m{i}"), "k").await;
    }
    let notices = Arc::new(ResetNotices::default());
    let consumer = RemotingClient::with_handler(notices.clone());
    let heartbeat = HeartbeatData {
        client_id: "10.0.0.9@live".into(),
        consumer_data_set: vec![ConsumerData {
            group_name: "live_group".into(),
            message_model: MessageModel::Clustering,
            subscription_data_set: vec![SubscriptionData::from_tag_expression("Live", "*", 1)],
            ..Default::default()
        }],
        producer_data_set: vec![ProducerData {
            group_name: "live_producer".into(),
        }],
    };
    let r = consumer
        .invoke(
            &up.broker,
            RemotingCommand::request(request::HEART_BEAT).with_body(heartbeat.encode()),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
    commit(&consumer, &up, "live_group", "Live", 0, 4).await;

    let out = mq_ok(ns, &["consumer", "list", "--group", "live_group"]);
    assert_snapshot(
        &out,
        "CLIENT ID[..]ADDRESS[..]LANGUAGE  VERSION\n\
         10.0.0.9@live  127.0.0.1:[..]JAVA      V4_9_8\n\
         \n\
         TOPIC  EXPRESSION  TYPE\n\
         Live   *           TAG\n\
         \n\
         Type: CONSUME_ACTIVELY   Model: CLUSTERING   From: CONSUME_FROM_LAST_OFFSET",
    );
    let v = json(ns, &["producer", "list", "--group", "live_producer"]);
    assert_eq!(v[0]["clientId"], "10.0.0.9@live");
    assert_eq!(v[0]["language"], "JAVA");
    let out = mq(ns, &["producer", "list", "--group", "ghost"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(ns, &["group", "describe", "live_group"]);
    assert_eq!(v["online"], true);
    assert_eq!(v["clients"][0]["clientId"], "10.0.0.9@live");
    assert_eq!(v["queues"][0]["lag"], 0);

    let v = json(
        ns,
        &[
            "group",
            "reset-offset",
            "live_group",
            "--topic",
            "Live",
            "--to-offset",
            "1",
            "--execute",
            "-y",
        ],
    );
    assert_eq!(v["online"], true);
    assert_eq!(v["queues"][0]["targetOffset"], 1);
    wait_until("the consumer to be told", TIMEOUT, || {
        !notices.0.lock().unwrap().is_empty()
    });
    let told = notices.0.lock().unwrap()[0].clone();
    assert_eq!(told.offset_table.values().copied().collect::<Vec<_>>(), [1]);
    assert_eq!(
        committed(&consumer, &up, "live_group", "Live", 0).await,
        Some(1)
    );
    let v = json(ns, &["topic", "describe", "Live"]);
    assert_eq!(v["consumerGroups"], serde_json::json!(["live_group"]));
}

/// The workflows the console will call, straight from the library: typed
/// findings, a reset planned then executed (the offline-group fallback),
/// message look-ups, and results that serialize exactly as the CLI prints.
#[tokio::test(flavor = "multi_thread")]
async fn admin_workflows_from_the_library() {
    use mq::client::admin::AdminError;
    use mq::client::admin::group::{GroupSettings, ResetTarget};

    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let ns = up.namesrv.as_str();
    let admin = AdminClient::new(ns, TIMEOUT).unwrap();
    admin
        .create_topic(&up.broker, &TopicConfig::with_queues("Ledger", 1, 1, 6))
        .await
        .unwrap();
    let client = RemotingClient::new();
    let mut ids = Vec::new();
    for i in 0..3 {
        ids.push(
            send(
                &client,
                &up,
                "Ledger",
                0,
                &format!("entry-{i}"),
                &format!("key-{i}"),
            )
            .await,
        );
    }

    match admin.describe_group("auditors", None, None).await {
        Err(AdminError::GroupNotFound {
            group,
            cluster: None,
        }) => assert_eq!(group, "auditors"),
        other => panic!("expected GroupNotFound, got {other:?}"),
    }
    match admin.describe_topic("NoSuchTopic").await {
        Err(mq::client::ClientError::TopicNotFound(t)) => assert_eq!(t, "NoSuchTopic"),
        other => panic!("expected TopicNotFound, got {other:?}"),
    }
    let created = admin
        .create_or_update_group("auditors", None, None, false, &GroupSettings::default())
        .await
        .unwrap();
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].action, "created");
    commit(&client, &up, "auditors", "Ledger", 0, 1).await;

    let d = admin
        .describe_group("auditors", Some("Ledger"), None)
        .await
        .unwrap();
    assert_eq!(d.total_lag, Some(2));
    assert!(!d.online);
    // The library's result is what `mq group describe -o json` prints.
    let mut lib = serde_json::to_value(&d).unwrap();
    let mut cli = json(ns, &["group", "describe", "auditors", "--topic", "Ledger"]);
    // Consume TPS moves between two reads; everything else must not.
    lib["consumeTps"] = Value::Null;
    cli["consumeTps"] = Value::Null;
    assert_eq!(lib, cli);

    let mut plan = admin
        .plan_reset_offset("auditors", "Ledger", ResetTarget::Earliest)
        .await
        .unwrap();
    assert!(!plan.executed);
    assert_eq!(plan.queues[0].current_offset, Some(1));
    assert_eq!(plan.queues[0].target_offset, 0);
    assert_eq!(
        committed(&client, &up, "auditors", "Ledger", 0).await,
        Some(1)
    );
    admin.execute_reset_offset(&mut plan).await.unwrap();
    assert!(plan.executed);
    assert_eq!(
        committed(&client, &up, "auditors", "Ledger", 0).await,
        Some(0)
    );

    let m = admin.get_message(&ids[1], None).await.unwrap();
    assert_eq!(&m.body[..], b"entry-1");
    let found = admin
        .query_messages_by_key("Ledger", "key-2", 0, i64::MAX, 32)
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].msg_id, ids[2]);
    let queue = admin
        .queue_messages("Ledger", None, 0, 1, 10)
        .await
        .unwrap();
    assert_eq!(
        queue.iter().map(|m| m.queue_offset).collect::<Vec<_>>(),
        [1, 2]
    );
    match admin
        .queue_messages("Ledger", Some("broker-z"), 0, 0, 1)
        .await
    {
        Err(AdminError::BrokerNotServingTopic { broker, .. }) => assert_eq!(broker, "broker-z"),
        other => panic!("expected BrokerNotServingTopic, got {other:?}"),
    }

    let plan = admin
        .plan_delete_group("auditors", None, None)
        .await
        .unwrap();
    assert_eq!(plan.holders, ["broker-a"]);
    let deleted = admin.delete_group(&plan, true).await.unwrap();
    assert_eq!(deleted[0].action, "deleted");
    assert!(
        admin
            .list_groups(None, true)
            .await
            .unwrap()
            .iter()
            .all(|g| g.group != "auditors")
    );
}
