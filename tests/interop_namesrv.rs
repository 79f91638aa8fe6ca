//! The name server as a real client sees it: ali-ons 3.x (npm, pure
//! JavaScript) asks a running `mq namesrv start` for topic routes through its
//! own producer code (MQClient / MQClientAPI over its own socket) and prints
//! what it made of our answers. Needs Node.js and npm; installs ali-ons into
//! tests/interop/node_modules on first use (see support/interop.rs).

#[path = "support/interop.rs"]
mod interop;
mod support;

use mq::remoting::RemotingClient;
use serde_json::{Value, json};
use support::*;

const BROKER_A: Broker = Broker {
    cluster: "DefaultCluster",
    name: "broker-a",
    id: 0,
    addr: "127.0.0.1:10911",
    topics: &[("TopicTest", 4), ("TBW102", 8)],
};

/// ali-ons's view of the route of `topic` (see tests/interop/namesrv_route.js).
fn ali_ons_route(ns: &str, topic: &str) -> Value {
    interop::run_node_json("namesrv_route.js", &[ns, topic], &[])
}

#[test]
fn unknown_topic_is_topic_not_exist_for_ali_ons() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");

    let v = ali_ons_route(&ns.addr, "TopicTest");
    assert_eq!(v["ok"], false, "{v}");
    let err = &v["error"];
    assert_eq!(err["name"], "MQClientException", "{v}");
    assert_eq!(err["code"], 17, "TOPIC_NOT_EXIST: {v}");
    assert_eq!(
        err["message"],
        "No topic route info in name server for the topic: TopicTest\n\
         See http://rocketmq.apache.org/docs/faq/ for further details.",
        "{v}"
    );
    assert_eq!(v["errors"], json!([]), "{v}");
}

#[tokio::test]
async fn registered_route_is_accepted_by_ali_ons() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    let client = RemotingClient::new();
    register(&client, &ns.addr, &BROKER_A).await;
    let slave = Broker {
        id: 1,
        addr: "127.0.0.2:10911",
        ..BROKER_A
    };
    register(&client, &ns.addr, &slave).await;

    let v = tokio::task::spawn_blocking(move || ali_ons_route(&ns.addr, "TopicTest"))
        .await
        .unwrap();
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["errors"], json!([]), "{v}");

    // The route as ali-ons parsed it (JSON2.parse of our body).
    let route = &v["route"];
    let brokers = route["brokerDatas"].as_array().unwrap();
    assert_eq!(brokers.len(), 1, "{route}");
    assert_eq!(brokers[0]["brokerName"], "broker-a");
    assert_eq!(brokers[0]["cluster"], "DefaultCluster");
    assert_eq!(
        brokers[0]["brokerAddrs"],
        json!({"0": "127.0.0.1:10911", "1": "127.0.0.2:10911"})
    );
    let queue_datas = route["queueDatas"].as_array().unwrap();
    assert_eq!(queue_datas.len(), 1, "{route}");
    assert_eq!(queue_datas[0]["brokerName"], "broker-a");
    assert_eq!(queue_datas[0]["readQueueNums"], 4);
    assert_eq!(queue_datas[0]["writeQueueNums"], 4);
    assert_eq!(queue_datas[0]["perm"], 6);

    // What the producer and a consumer derive from it.
    let expected: Vec<Value> = (0..4)
        .map(|i| json!({"topic": "TopicTest", "brokerName": "broker-a", "queueId": i}))
        .collect();
    assert_eq!(v["publishQueues"], Value::from(expected.clone()), "{v}");
    assert_eq!(v["subscribeQueues"], Value::from(expected), "{v}");
    assert_eq!(
        v["brokerAddrTable"],
        json!({"broker-a": {"0": "127.0.0.1:10911", "1": "127.0.0.2:10911"}})
    );
    assert_eq!(v["publishAddr"], json!({"broker-a": "127.0.0.1:10911"}));
}
