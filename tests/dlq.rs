//! Retry and dead-letter admin against a real `mq up`: `group describe`'s
//! retry and DLQ depths as messages are added and consumed, `dlq list` with
//! the original topic, `dlq resend` by id and `--all` back to that topic
//! (checked by consuming it), unknown ids refused, and `mq top --once`'s
//! depth columns. Dead letters are made the way a client's failure path
//! makes them: a send to `%RETRY%<group>` whose reconsumeTimes reach the
//! max, which the broker stores in `%DLQ%<group>`.

mod support;

use std::time::Duration;

use mq::client::AdminClient;
use mq::protocol::header::SendMessageResponseHeader;
use mq::protocol::message::build_properties;
use mq::remoting::RemotingClient;
use mq::remoting::code::response;
use serde_json::Value;
use support::*;

const GROUP: &str = "billing";
const RETRY: &str = "%RETRY%billing";

fn json(ns: &str, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["-o", "json"]);
    let out = mq_ok(ns, &all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// (retryDepth, dlqDepth) of `group describe`.
fn depths(ns: &str) -> (Value, Value) {
    let v = json(ns, &["group", "describe", GROUP]);
    (v["retryDepth"].clone(), v["dlqDepth"].clone())
}

fn wait_for_depths(ns: &str, retry: i64, dlq: i64) {
    let mut last = (Value::Null, Value::Null);
    wait_until(
        &format!("retry depth {retry} and DLQ depth {dlq}"),
        Duration::from_secs(10),
        || {
            last = depths(ns);
            last == (retry.into(), dlq.into())
        },
    );
}

/// Sends a failed message of `Orders` back to the group's retry topic as a
/// client does, `reconsume` times reconsumed (16, the max, makes it a dead
/// letter); returns the offset id of the stored message.
async fn send_back(client: &RemotingClient, up: &MqUp, n: u32, reconsume: i32) -> String {
    let key = format!("order-{n}");
    let props = build_properties([
        ("TAGS", "TagA"),
        ("KEYS", key.as_str()),
        ("WAIT", "true"),
        ("RETRY_TOPIC", "Orders"),
        ("ORIGIN_MESSAGE_ID", "7F00000100002A9F0000000000000000"),
        ("region", "eu"),
    ]);
    let body = format!("body-{n}");
    let req = send_request_reconsumed(RETRY, 0, body.as_bytes(), props, Some(reconsume), Some(16));
    let r = client.invoke(&up.broker, req, TIMEOUT).await.unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    // The broker's msgId is the offset id of the stored message.
    r.decode_header::<SendMessageResponseHeader>()
        .unwrap()
        .msg_id
}

/// Messages of `Orders` read by a fresh group from the first offset.
fn consume_orders(ns: &str, group: &str, count: usize) -> Vec<Value> {
    let out = mq_ok(
        ns,
        &[
            "consume",
            "--topic",
            "Orders",
            "--group",
            group,
            "--count",
            &count.to_string(),
            "--idle-exit",
            "20",
            "-o",
            "json",
        ],
    );
    let msgs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(msgs.len(), count, "{out}");
    msgs
}

#[test]
fn depths_list_and_resend_of_dead_letters() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let ns = up.namesrv.clone();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let client = RemotingClient::new();
    rt.block_on(create_topic(&up, "Orders", 1));
    mq_ok(&ns, &["group", "create", GROUP]);

    // No retry or dead-letter topic yet: 0, not an error.
    assert_eq!(depths(&ns), (0.into(), 0.into()));
    let out = mq_ok(&ns, &["group", "describe", GROUP]);
    assert!(out.contains("Retry depth: 0   DLQ depth: 0"), "{out}");
    let empty = json(&ns, &["dlq", "list", GROUP]);
    assert_eq!(empty["depth"], 0);
    assert_eq!(empty["messages"], serde_json::json!([]));

    // A retry waiting, two dead letters.
    let retry_id = rt.block_on(send_back(&client, &up, 0, 1));
    let dead: Vec<String> = (1..=2)
        .map(|n| rt.block_on(send_back(&client, &up, n, 16)))
        .collect();
    wait_for_depths(&ns, 1, 2);
    let out = mq_ok(&ns, &["group", "describe", GROUP]);
    assert!(out.contains("Retry depth: 1   DLQ depth: 2"), "{out}");

    // The group consumes its retry queue: the retry depth drops.
    rt.block_on(async {
        AdminClient::new(&ns, TIMEOUT)
            .unwrap()
            .update_consumer_offset(&up.broker, GROUP, RETRY, 0, 1)
            .await
            .unwrap()
    });
    wait_for_depths(&ns, 0, 2);

    // The list: the original topic, keys, tags, reconsume times.
    let list = json(&ns, &["dlq", "list", GROUP]);
    assert_eq!(list["topic"], "%DLQ%billing");
    assert_eq!(list["depth"], 2);
    let msgs = list["messages"].as_array().unwrap();
    assert_eq!(msgs.len(), 2, "{list}");
    for (m, (n, id)) in msgs.iter().zip((1..).zip(&dead)) {
        assert_eq!(&m["msgId"], id);
        assert_eq!(m["originalTopic"], "Orders");
        assert_eq!(m["keys"], format!("order-{n}"));
        assert_eq!(m["tags"], "TagA");
        assert_eq!(m["reconsumeTimes"], 16);
        assert_eq!(m["body"], format!("body-{n}"));
        assert_eq!(m["originalMsgId"], "7F00000100002A9F0000000000000000");
    }
    let table = mq_ok(&ns, &["dlq", "list", GROUP]);
    assert!(
        table.contains("ORIGINAL TOPIC") && table.contains("order-2") && table.contains("Orders"),
        "{table}"
    );
    assert!(
        table.contains("2 of 2 dead letter(s) in %DLQ%billing"),
        "{table}"
    );
    let one = json(&ns, &["dlq", "list", GROUP, "--limit", "1"]);
    assert_eq!(one["messages"].as_array().unwrap().len(), 1);
    assert_eq!(one["messages"][0]["msgId"], dead[0].as_str());
    let later = json(
        &ns,
        &["dlq", "list", GROUP, "--since", "2999-01-01T00:00:00Z"],
    );
    assert_eq!(later["messages"].as_array().unwrap().len(), 0, "{later}");

    // Unknown ids, and a message that is no dead letter, send nothing.
    let out = mq(&ns, &["dlq", "resend", GROUP, &dead[0], "nonsense"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("message 'nonsense' not found in topic '%DLQ%billing'"),
        "{err}"
    );
    let out = mq(&ns, &["dlq", "resend", GROUP, &retry_id]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is not a dead letter of group 'billing'"),
        "{err}"
    );
    let orders = |rt: &tokio::runtime::Runtime| -> i64 {
        let admin = AdminClient::new(&ns, TIMEOUT).unwrap();
        let stats = rt.block_on(admin.topic_status("Orders")).unwrap();
        stats.offset_table.values().map(|o| o.max_offset).sum()
    };
    assert_eq!(orders(&rt), 0, "nothing was sent");

    // By id, then all.
    let by_id = json(&ns, &["dlq", "resend", GROUP, &dead[1]]);
    assert_eq!(by_id.as_array().unwrap().len(), 1);
    assert_eq!(by_id[0]["msgId"], dead[1].as_str());
    assert_eq!(by_id[0]["topic"], "Orders");
    assert_eq!(by_id[0]["status"], "SEND_OK");
    let new_id = by_id[0]["newMsgId"].as_str().unwrap().to_string();
    let all = mq_ok(&ns, &["dlq", "resend", GROUP, "--all"]);
    assert!(
        all.contains("NEW MESSAGE ID") && all.contains("SEND_OK"),
        "{all}"
    );
    assert_eq!(all.matches("SEND_OK").count(), 2, "{all}");

    // They are back on Orders, as they were sent; the DLQ keeps them.
    let got = consume_orders(&ns, "checker", 3);
    let mut seen: Vec<(String, String)> = got
        .iter()
        .map(|m| {
            assert_eq!(m["topic"], "Orders");
            assert_eq!(m["tags"], "TagA");
            assert_eq!(m["properties"]["region"], "eu", "{m}");
            for gone in ["RETRY_TOPIC", "ORIGIN_MESSAGE_ID", "DELAY", "REAL_TOPIC"] {
                assert!(m["properties"][gone].is_null(), "{gone} in {m}");
            }
            assert_eq!(m["reconsumeTimes"], 0);
            (
                m["keys"].as_str().unwrap().to_string(),
                m["body"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    seen.sort();
    let pair = |n: u32| (format!("order-{n}"), format!("body-{n}"));
    assert_eq!(seen, [pair(1), pair(2), pair(2)]);
    assert!(got.iter().any(|m| m["msgId"] == new_id.as_str()));
    assert_eq!(depths(&ns), (0.into(), 2.into()));
}

#[test]
fn no_original_topic_needs_topic_and_a_write_only_dlq_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let ns = up.namesrv.clone();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let client = RemotingClient::new();
    rt.block_on(create_topic(&up, "Orders", 1));
    mq_ok(&ns, &["group", "create", GROUP]);
    let req = send_request_reconsumed(
        RETRY,
        0,
        b"orphan",
        build_properties([("KEYS", "k"), ("WAIT", "true")]),
        Some(16),
        Some(16),
    );
    let r = rt
        .block_on(client.invoke(&up.broker, req, TIMEOUT))
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    wait_for_depths(&ns, 0, 1);

    // A write-only dead-letter queue (as RocketMQ before 4.9.2 made them)
    // cannot be listed; the error says how to allow reads.
    mq_ok(&ns, &["topic", "update", "%DLQ%billing", "--perm", "w"]);
    let out = mq(&ns, &["dlq", "list", GROUP]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("mq topic update %DLQ%billing --perm rw"),
        "{err}"
    );
    mq_ok(&ns, &["topic", "update", "%DLQ%billing", "--perm", "rw"]);

    let out = mq(&ns, &["dlq", "resend", GROUP, "--all"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("FAILED: no original topic"), "{stdout}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 of 1 dead letter(s) were not re-sent"),
        "{err}"
    );

    let ok = json(&ns, &["dlq", "resend", GROUP, "--all", "--topic", "Orders"]);
    assert_eq!(ok[0]["status"], "SEND_OK", "{ok}");
    let got = consume_orders(&ns, "checker", 1);
    assert_eq!(got[0]["body"], "orphan");
}

#[test]
fn top_once_shows_retry_and_dlq_depth_per_group() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let ns = up.namesrv.clone();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let client = RemotingClient::new();
    mq_ok(&ns, &["group", "create", GROUP]);
    rt.block_on(async {
        send_back(&client, &up, 0, 1).await;
        send_back(&client, &up, 1, 16).await;
    });
    wait_for_depths(&ns, 1, 1);
    let mut last = Value::Null;
    wait_until(
        "the depths in mq top --once -o json",
        Duration::from_secs(20),
        || {
            let out = mq_ok(&ns, &["top", "--once", "-o", "json", "--interval", "1s"]);
            last = serde_json::from_str(&out).unwrap();
            last["groups"]
                .as_array()
                .unwrap()
                .iter()
                .any(|g| g["group"] == GROUP && g["retryDepth"] == 1 && g["dlqDepth"] == 1)
        },
    );
    let out = mq_ok(&ns, &["top", "--once", "--interval", "1s"]);
    let groups = &out[out.find("GROUPS").expect("a groups section")..];
    assert!(groups.contains("RETRY") && groups.contains("DLQ"), "{out}");
    let row = groups
        .lines()
        .find(|l| l.starts_with(GROUP))
        .unwrap_or_else(|| panic!("{out}"));
    let cells: Vec<&str> = row.split_whitespace().collect();
    // GROUP CONSUME-TPS LAG TREND RETRY DLQ ...
    assert_eq!(&cells[4..6], ["1", "1"], "{row}");
}
