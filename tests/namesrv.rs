//! The name server over real sockets: a real `mq namesrv start` process,
//! brokers registered the way RocketMQ brokers do it, and the `mq` commands
//! and raw requests (both header encodings) that read the routes back.

mod support;

use std::time::Duration;

use mq::protocol::body::RemotingBody;
use mq::protocol::route::TopicRouteData;
use mq::remoting::code::{request, response};
use mq::remoting::{RemotingClient, RemotingCommand, SerializeType};
use serde_json::Value;
use support::*;

const BROKER_A: Broker = Broker {
    cluster: "DefaultCluster",
    name: "broker-a",
    id: 0,
    addr: "127.0.0.1:10911",
    topics: &[("TopicTest", 4), ("TBW102", 8)],
};

fn json(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

#[tokio::test]
async fn registration_route_lookup_and_cluster_list() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    let client = RemotingClient::new();

    // Unknown topic: TOPIC_NOT_EXIST with RocketMQ's remark.
    let r = client
        .invoke(
            &ns.addr,
            RemotingCommand::request(request::GET_ROUTEINFO_BY_TOPIC)
                .with_ext("topic", "TopicTest"),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::TOPIC_NOT_EXIST);
    assert!(
        r.remark
            .as_deref()
            .unwrap()
            .starts_with("No topic route info in name server for the topic: TopicTest")
    );
    let out = mq(&ns.addr, &["topic", "route", "TopicTest"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("topic 'TopicTest' not found"));

    register(&client, &ns.addr, &BROKER_A).await;
    let slave = Broker {
        id: 1,
        addr: "127.0.0.2:10911",
        ..BROKER_A
    };
    let r = register(&client, &ns.addr, &slave).await;
    assert_eq!(r.ext("masterAddr"), Some("127.0.0.1:10911"));
    assert_eq!(r.ext("haServerAddr"), Some("127.0.0.1:10912"));

    // The route, as a client reads it: standard JSON with quoted broker ids.
    let r = client
        .invoke(
            &ns.addr,
            RemotingCommand::request(request::GET_ROUTEINFO_BY_TOPIC)
                .with_ext("topic", "TopicTest"),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
    let raw: Value = serde_json::from_slice(&r.body).expect("route body is standard JSON");
    assert_eq!(raw["brokerDatas"][0]["brokerAddrs"]["0"], "127.0.0.1:10911");
    assert_eq!(raw["brokerDatas"][0]["brokerAddrs"]["1"], "127.0.0.2:10911");
    assert_eq!(raw["queueDatas"][0]["readQueueNums"], 4);
    assert_eq!(raw["queueDatas"][0]["perm"], 6);

    let route = json(&mq_ok(
        &ns.addr,
        &["topic", "route", "TopicTest", "-o", "json"],
    ));
    assert_eq!(route["queueDatas"][0]["brokerName"], "broker-a");
    assert_eq!(route["queueDatas"][0]["writeQueueNums"], 4);
    let table = mq_ok(&ns.addr, &["topic", "route", "TopicTest"]);
    assert!(
        table.contains("broker-a") && table.contains("127.0.0.2:10911"),
        "{table}"
    );
    let yaml = mq_ok(&ns.addr, &["topic", "route", "TopicTest", "-o", "yaml"]);
    assert!(yaml.contains("brokerName: broker-a"), "{yaml}");

    let clusters = json(&mq_ok(&ns.addr, &["cluster", "list", "-o", "json"]));
    let rows = clusters.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["cluster"], "DefaultCluster");
    assert_eq!(rows[0]["brokerName"], "broker-a");
    assert_eq!(rows[0]["role"], "master");
    assert_eq!(rows[1]["role"], "slave");
    assert!(rows[0]["lastUpdateTimestamp"].as_i64().unwrap() > 0);
    let table = mq_ok(&ns.addr, &["cluster", "list"]);
    assert!(
        table.contains("DefaultCluster") && table.contains("ago"),
        "{table}"
    );

    let topics = json(&mq_ok(&ns.addr, &["topic", "list", "-o", "json"]));
    let names: Vec<&str> = topics
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["topic"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"TopicTest") && names.contains(&"TBW102"),
        "{names:?}"
    );
    let by_cluster = json(&mq_ok(
        &ns.addr,
        &["topic", "list", "-c", "DefaultCluster", "-o", "json"],
    ));
    assert_eq!(by_cluster.as_array().unwrap().len(), 2);
    let none = json(&mq_ok(
        &ns.addr,
        &["topic", "list", "-c", "Nope", "-o", "json"],
    ));
    assert_eq!(none.as_array().unwrap().len(), 0);

    // Unregistering the master leaves only the slave.
    let unregister = RemotingCommand::request(request::UNREGISTER_BROKER)
        .with_ext("brokerName", "broker-a")
        .with_ext("brokerAddr", "127.0.0.1:10911")
        .with_ext("clusterName", "DefaultCluster")
        .with_ext("brokerId", 0);
    let r = client.invoke(&ns.addr, unregister, TIMEOUT).await.unwrap();
    assert_eq!(r.code, response::SUCCESS);
    let clusters = json(&mq_ok(&ns.addr, &["cluster", "list", "-o", "json"]));
    assert_eq!(clusters.as_array().unwrap().len(), 1);
    assert_eq!(clusters[0]["brokerId"], 1);
}

#[tokio::test]
async fn compressed_registration_and_binary_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    let client = RemotingClient::new();
    let r = client
        .invoke(&ns.addr, register_request(&BROKER_A, true), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);

    // A ROCKETMQ-encoded request is answered in ROCKETMQ encoding.
    let mut req =
        RemotingCommand::request(request::GET_ROUTEINFO_BY_TOPIC).with_ext("topic", "TopicTest");
    req.serialize_type = SerializeType::RocketMq;
    let r = client.invoke(&ns.addr, req, TIMEOUT).await.unwrap();
    assert_eq!(r.serialize_type, SerializeType::RocketMq);
    assert_eq!(r.code, response::SUCCESS);
    let route = TopicRouteData::decode(&r.body).unwrap();
    assert_eq!(route.queue_datas[0].read_queue_nums, 4);

    // A body whose CRC does not match is refused.
    let mut bad = register_request(&BROKER_A, false);
    bad.ext_fields.insert("bodyCrc32", "12345");
    let r = client.invoke(&ns.addr, bad, TIMEOUT).await.unwrap();
    assert_eq!(r.code, response::SYSTEM_ERROR);
    assert_eq!(r.remark.as_deref(), Some("crc32 not match"));

    // Unknown codes: REQUEST_CODE_NOT_SUPPORTED with a remark.
    let r = client
        .invoke(&ns.addr, RemotingCommand::request(9999), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::REQUEST_CODE_NOT_SUPPORTED);
    assert_eq!(
        r.remark.as_deref(),
        Some(" request type 9999 not supported")
    );

    // A request missing a required header field is an error, not a crash.
    let r = client
        .invoke(
            &ns.addr,
            RemotingCommand::request(request::GET_ROUTEINFO_BY_TOPIC),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SYSTEM_ERROR);
    assert!(r.remark.unwrap().contains("topic"));
}

#[tokio::test]
async fn silent_brokers_expire() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(
        dir.path(),
        "scanNotActiveBrokerInterval: 100\nbrokerChannelExpiredTime: 600\n",
    );
    let client = RemotingClient::new();
    register(&client, &ns.addr, &BROKER_A).await;
    let clusters = json(&mq_ok(&ns.addr, &["cluster", "list", "-o", "json"]));
    assert_eq!(clusters.as_array().unwrap().len(), 1);
    wait_until("the broker to expire", Duration::from_secs(20), || {
        let clusters = json(&mq_ok(&ns.addr, &["cluster", "list", "-o", "json"]));
        clusters.as_array().unwrap().is_empty()
    });
    let out = mq(&ns.addr, &["topic", "route", "TopicTest"]);
    assert_eq!(out.status.code(), Some(1));
}

#[tokio::test]
async fn delete_topic() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    let client = RemotingClient::new();
    register(&client, &ns.addr, &BROKER_A).await;
    let other = Broker {
        cluster: "OtherCluster",
        name: "broker-b",
        addr: "127.0.0.3:10911",
        ..BROKER_A
    };
    register(&client, &ns.addr, &other).await;
    let admin = mq::client::AdminClient::new(&ns.addr, TIMEOUT).unwrap();
    assert_eq!(
        admin
            .topic_route("TopicTest")
            .await
            .unwrap()
            .queue_datas
            .len(),
        2
    );

    // Within one cluster only that cluster's brokers lose the topic.
    admin
        .delete_topic_in_namesrv("TopicTest", Some("OtherCluster"))
        .await
        .unwrap();
    let route = admin.topic_route("TopicTest").await.unwrap();
    assert_eq!(route.queue_datas.len(), 1);
    assert_eq!(route.queue_datas[0].broker_name, "broker-a");

    admin
        .delete_topic_in_namesrv("TopicTest", None)
        .await
        .unwrap();
    assert!(matches!(
        admin.topic_route("TopicTest").await,
        Err(mq::client::ClientError::TopicNotFound(_))
    ));
    assert!(admin.topic_route("TBW102").await.is_ok());
}

#[tokio::test]
async fn kv_config_and_namesrv_config() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    mq_ok(
        &ns.addr,
        &[
            "namesrv",
            "kv",
            "put",
            "ORDER_TOPIC_CONFIG",
            "TopicOrder",
            "broker-a:4",
        ],
    );
    mq_ok(
        &ns.addr,
        &[
            "namesrv",
            "kv",
            "put",
            "ORDER_TOPIC_CONFIG",
            "Other",
            "broker-b:8",
        ],
    );
    let got = json(&mq_ok(
        &ns.addr,
        &[
            "namesrv",
            "kv",
            "get",
            "ORDER_TOPIC_CONFIG",
            "TopicOrder",
            "-o",
            "json",
        ],
    ));
    assert_eq!(got[0]["value"], "broker-a:4");
    let list = json(&mq_ok(
        &ns.addr,
        &["namesrv", "kv", "list", "ORDER_TOPIC_CONFIG", "-o", "json"],
    ));
    assert_eq!(list.as_array().unwrap().len(), 2);
    mq_ok(
        &ns.addr,
        &["namesrv", "kv", "delete", "ORDER_TOPIC_CONFIG", "Other"],
    );
    let out = mq(
        &ns.addr,
        &["namesrv", "kv", "get", "ORDER_TOPIC_CONFIG", "Other"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not found"));
    let out = mq(
        &ns.addr,
        &["namesrv", "kv", "list", "NoSuchNamespace", "-o", "json"],
    );
    assert!(out.status.success());

    // The KV config survives a restart.
    drop(ns);
    let ns = start_namesrv(dir.path(), "");
    let got = json(&mq_ok(
        &ns.addr,
        &[
            "namesrv",
            "kv",
            "get",
            "ORDER_TOPIC_CONFIG",
            "TopicOrder",
            "-o",
            "json",
        ],
    ));
    assert_eq!(got[0]["value"], "broker-a:4");

    // Settings: read, change, refuse unknown keys.
    let config = json(&mq_ok(
        &ns.addr,
        &["namesrv", "config", "get", "-o", "json"],
    ));
    assert_eq!(config[&ns.addr]["orderMessageEnable"], "false");
    mq_ok(
        &ns.addr,
        &["namesrv", "config", "set", "orderMessageEnable", "true"],
    );
    let config = json(&mq_ok(
        &ns.addr,
        &["namesrv", "config", "get", "-o", "json"],
    ));
    assert_eq!(config[&ns.addr]["orderMessageEnable"], "true");
    let out = mq(&ns.addr, &["namesrv", "config", "set", "noSuchKey", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("noSuchKey"));

    // With orderMessageEnable, routes carry orderTopicConf from the KV store.
    let client = RemotingClient::new();
    let ordered = Broker {
        topics: &[("TopicOrder", 4)],
        ..BROKER_A
    };
    register(&client, &ns.addr, &ordered).await;
    let route = json(&mq_ok(
        &ns.addr,
        &["topic", "route", "TopicOrder", "-o", "json"],
    ));
    assert_eq!(route["orderTopicConf"], "broker-a:4");
}

#[test]
fn unreachable_namesrv_is_one_line_and_exit_1() {
    let port = free_port();
    let out = mq(&format!("127.0.0.1:{port}"), &["cluster", "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: cannot connect to 127.0.0.1:"),
        "{err}"
    );
}

#[test]
fn bad_namesrv_list_is_a_usage_error() {
    let out = mq("not-an-address", &["cluster", "list"]);
    assert_eq!(out.status.code(), Some(2));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_broker_whose_connection_closes_is_removed_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    let client = RemotingClient::new();
    register(&client, &ns.addr, &BROKER_A).await;
    // Registered again over a second connection: closing the first must not remove it.
    let second = RemotingClient::new();
    register(&second, &ns.addr, &BROKER_A).await;
    client.shutdown();
    let other = Broker {
        name: "broker-b",
        addr: "127.0.0.3:10911",
        ..BROKER_A
    };
    let third = RemotingClient::new();
    register(&third, &ns.addr, &other).await;
    third.shutdown();
    wait_until("broker-b to be removed", Duration::from_secs(20), || {
        let out = mq_ok(&ns.addr, &["cluster", "list", "-o", "json"]);
        !out.contains("broker-b")
    });
    let out = mq_ok(&ns.addr, &["cluster", "list", "-o", "json"]);
    assert!(
        out.contains("127.0.0.1:10911"),
        "broker-a re-registered elsewhere stays: {out}"
    );
}
