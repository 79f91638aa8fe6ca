//! Real clients against a real broker: ali-ons producers and consumers
//! against `mq up`.

mod support;

#[path = "support/interop.rs"]
mod interop;

use mq::client::AdminClient;
use mq::protocol::topic_config::TopicConfig;
use serde_json::Value;
use support::*;

fn lines(out: &std::process::Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

async fn create_topic(up: &MqUp, topic: &str, queues: i32) {
    let admin = AdminClient::new(&up.namesrv, TIMEOUT).unwrap();
    admin
        .create_topic(
            &up.broker,
            &TopicConfig::with_queues(topic, queues, queues, 6),
        )
        .await
        .unwrap();
    for _ in 0..200 {
        if admin.topic_route(topic).await.is_ok() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("topic {topic} never got a route");
}

#[tokio::test(flavor = "multi_thread")]
async fn ali_ons_producer_and_consumer_through_mq_up() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "TopicTest", 8).await;

    let out = interop::run_node_script(
        "produce.js",
        &[&up.namesrv, "TopicTest", "1000", "TagA"],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sent = &lines(&out)[0];
    assert_eq!(sent["sent"], 1000, "{sent}");
    assert_eq!(sent["failed"], 0, "{}", sent["errors"]);

    let out = interop::run_node_script(
        "consume.js",
        &[
            &up.namesrv,
            "TopicTest",
            "ali_ons_consumer",
            "1000",
            "60000",
        ],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all = lines(&out);
    let summary = all.last().unwrap();
    assert_eq!(summary["received"], 1000, "{summary}");
    let mut bodies: Vec<String> = all[..all.len() - 1]
        .iter()
        .map(|m| {
            assert_eq!(m["tags"], "TagA");
            m["body"].as_str().unwrap().to_string()
        })
        .collect();
    bodies.sort();
    bodies.dedup();
    assert_eq!(bodies.len(), 1000);
}
