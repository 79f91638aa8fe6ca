//! Real clients against a real broker: ali-ons producers and consumers
//! against `mq up`.

mod support;

#[path = "support/interop.rs"]
mod interop;

use serde_json::Value;
use support::*;

fn lines(out: &std::process::Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
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

#[tokio::test(flavor = "multi_thread")]
async fn ali_ons_producer_to_mq_consume() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "TopicTest", 4).await;
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
    assert_eq!(lines(&out)[0]["sent"], 1000);

    let out = mq(
        &up.namesrv,
        &[
            "consume",
            "--topic",
            "TopicTest",
            "--group",
            "mq_reader",
            "--count",
            "1000",
            "-o",
            "json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let msgs = lines(&out);
    assert_eq!(msgs.len(), 1000);
    let mut seen = std::collections::BTreeSet::new();
    for m in &msgs {
        assert_eq!(m["topic"], "TopicTest");
        assert_eq!(m["tags"], "TagA");
        let body = m["body"].as_str().unwrap();
        let i: usize = body
            .strip_prefix("Hello RocketMQ ")
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(
            m["keys"],
            format!("key-{i}"),
            "keys travel with their message"
        );
        seen.insert(i);
    }
    assert_eq!(seen.len(), 1000);
}

#[tokio::test(flavor = "multi_thread")]
async fn mq_send_to_ali_ons_consumer() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "TopicTest", 4).await;
    let out = mq(
        &up.namesrv,
        &[
            "send",
            "--topic",
            "TopicTest",
            "--tag",
            "TagA",
            "--keys",
            "k",
            "--count",
            "1000",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = interop::run_node_script(
        "consume.js",
        &[&up.namesrv, "TopicTest", "ali_ons_reader", "1000", "60000"],
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
    let mut bodies: Vec<&str> = all[..all.len() - 1]
        .iter()
        .map(|m| {
            assert_eq!(m["tags"], "TagA");
            assert_eq!(m["keys"], "k");
            m["body"].as_str().unwrap()
        })
        .collect();
    bodies.sort();
    bodies.dedup();
    assert_eq!(bodies.len(), 1000);
}

#[tokio::test(flavor = "multi_thread")]
async fn two_ali_ons_consumers_split_the_queues_and_consume_each_message_once() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "TopicTest", 8).await;
    let members: Vec<_> = (0..2)
        .map(|i| {
            let ready = dir.path().join(format!("ready-{i}"));
            let ns = up.namesrv.clone();
            let handle = std::thread::spawn({
                let ready = ready.clone();
                move || {
                    interop::run_node_script(
                        "consume_group.js",
                        &[
                            &ns,
                            "TopicTest",
                            "split_group",
                            "4",
                            ready.to_str().unwrap(),
                            "3000",
                            "90000",
                        ],
                        &[],
                    )
                }
            });
            (ready, handle)
        })
        .collect();
    // Send only once both members hold their half: no message may move mid-flight.
    wait_until(
        "both consumers to hold 4 queues each",
        std::time::Duration::from_secs(60),
        || members.iter().all(|(ready, _)| ready.exists()),
    );
    let out = mq(
        &up.namesrv,
        &["send", "--topic", "TopicTest", "--count", "1000"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut all = Vec::new();
    let mut queue_sets = Vec::new();
    for (_, handle) in members {
        let out = handle.join().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let msgs = lines(&out);
        let summary = msgs.last().unwrap().clone();
        assert!(
            summary["received"].as_u64().unwrap() > 0,
            "each member gets a share: {summary}"
        );
        queue_sets.push(summary["queues"].clone());
        all.extend(
            msgs[..msgs.len() - 1]
                .iter()
                .map(|m| m["body"].as_str().unwrap().to_string()),
        );
    }
    assert_ne!(queue_sets[0], queue_sets[1]);
    assert_eq!(all.len(), 1000, "no message consumed twice");
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 1000, "every message consumed");
}
