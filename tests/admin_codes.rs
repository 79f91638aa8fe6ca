//! mqadmin's statistics and maintenance requests against a real `mq up`,
//! end to end through the `mq` command line (and its `mq admin <mqadmin-name>`
//! aliases): messages are sent and consumed with the client library, then the
//! figures the commands print are checked against what was done.
//! VIEW_BROKER_STATS_DATA (315), GET_BROKER_CONSUME_STATS (317),
//! QUERY_CONSUME_TIME_SPAN (303), CLONE_GROUP_OFFSET (314), QUERY_CONSUME_QUEUE
//! (321), INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223, the broker asking the
//! client with 221), GET_ALL_PRODUCER_INFO (328), CLEAN_EXPIRED_CONSUMEQUEUE
//! (306) and DELETE_EXPIRED_COMMITLOG (329).

mod support;

use std::time::Duration;

use mq::client::consumer::{ConsumeFrom, PushConsumer, PushConsumerConfig};
use mq::client::{ClientConfig, Message, Producer, ProducerConfig, SendStatus};
use mq::protocol::admin_codes::{BrokerStatsData, ViewBrokerStatsDataRequestHeader};
use mq::protocol::body::{RemotingBody, TopicList};
use mq::protocol::header::UpdateConsumerOffsetRequestHeader;
use mq::protocol::heartbeat::{HeartbeatData, ProducerData};
use mq::remoting::code::{request, response};
use mq::remoting::{RemotingClient, RemotingCommand};
use serde_json::Value;
use support::*;

const DEADLINE: Duration = Duration::from_secs(30);

/// `mq -o json <args>`, off the async workers.
async fn mq_json(namesrv: &str, args: &[&str]) -> Value {
    let namesrv = namesrv.to_string();
    // Before the command: `mq admin` takes mq's options first.
    let mut all: Vec<String> = vec!["-o".into(), "json".into()];
    all.extend(args.iter().map(|a| a.to_string()));
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = all.iter().map(String::as_str).collect();
        let text = mq_ok(&namesrv, &args);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}: {text}"))
    })
    .await
    .unwrap()
}

/// Polls `mq -o json <args>` until `cond` holds for its output.
async fn mq_json_until(
    namesrv: &str,
    args: &[&str],
    what: &str,
    cond: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = tokio::time::Instant::now() + DEADLINE;
    loop {
        let v = mq_json(namesrv, args).await;
        if cond(&v) {
            return v;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}; last output: {v:#}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn producer(ns: &str, group: &str) -> Producer {
    let config = ProducerConfig {
        group: group.to_string(),
        ..ProducerConfig::default()
    };
    Producer::new(&ClientConfig::new(ns), config).unwrap()
}

async fn send_n(p: &Producer, topic: &str, n: usize) {
    for i in 0..n {
        let r = p
            .send(&Message::new(topic, format!("m{i}")).with_tags("TagA"))
            .await
            .unwrap();
        assert_eq!(r.status, SendStatus::SendOk);
    }
}

/// Consumes `n` messages of `topic` in `group` from the first offset, acknowledging each;
/// answers the consumer, still running.
async fn consume_n(ns: &str, group: &str, topic: &str, n: usize) -> PushConsumer {
    let mut config = PushConsumerConfig::new(group, topic);
    config.consume_from = ConsumeFrom::First;
    let mut c = PushConsumer::start(&ClientConfig::new(ns), config)
        .await
        .unwrap();
    for _ in 0..n {
        let d = tokio::time::timeout(DEADLINE, c.recv())
            .await
            .expect("a message in time")
            .expect("the consumer runs");
        d.ack();
    }
    c
}

fn rows_of<'a>(v: &'a Value, key: &str, want: &str) -> Vec<&'a Value> {
    v.as_array()
        .unwrap()
        .iter()
        .filter(|r| r[key] == want)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_all_and_broker_consume_stats_show_what_was_sent_and_consumed() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "StatsTopic", 4).await;
    let p = producer(&up.namesrv, "stats-producer");
    send_n(&p, "StatsTopic", 12).await;

    // statsAll before anyone consumes: 12 in today, no consumer.
    let v = mq_json(&up.namesrv, &["topic", "stats", "StatsTopic"]).await;
    let rows = rows_of(&v, "topic", "StatsTopic");
    assert_eq!(rows.len(), 1, "{v:#}");
    assert_eq!(rows[0]["inMsg24Hour"], 12);
    assert!(rows[0]["group"].is_null());
    assert!(rows[0]["outMsg24Hour"].is_null());

    // The raw item: TOPIC_PUT_NUMS has the 12 in every window (the broker is younger than a
    // minute), TOPIC_PUT_SIZE the bytes.
    let v = mq_json(
        &up.namesrv,
        &["broker", "stats", "TOPIC_PUT_NUMS", "StatsTopic"],
    )
    .await;
    assert_eq!(v[0]["statsDay"]["sum"], 12, "{v:#}");
    assert_eq!(v[0]["statsHour"]["sum"], 12);
    assert_eq!(v[0]["statsMinute"]["sum"], 12);
    assert_eq!(v[0]["statsDay"]["avgpt"], 1.0);
    let v = mq_json(
        &up.namesrv,
        &["broker", "stats", "TOPIC_PUT_SIZE", "StatsTopic"],
    )
    .await;
    assert!(v[0]["statsDay"]["sum"].as_i64().unwrap() > 12 * 20, "{v:#}");

    // A group consumes 12: statsAll shows it out, with nothing accumulated once committed.
    let c = consume_n(&up.namesrv, "stats-group", "StatsTopic", 12).await;
    let v = mq_json_until(
        &up.namesrv,
        &["admin", "statsAll", "-t", "StatsTopic"],
        "the group's offsets to be committed",
        |v| {
            rows_of(v, "group", "stats-group")
                .first()
                .is_some_and(|r| r["accumulation"] == 0)
        },
    )
    .await;
    let row = rows_of(&v, "group", "stats-group")[0];
    assert_eq!(row["inMsg24Hour"], 12);
    assert_eq!(row["outMsg24Hour"], 12);
    // GROUP_GET_NUMS for topic@group counted the 12 pulled. (Once the consumer
    // stops, a pull it left parked may still be answered with later messages, and counted.)
    let v = mq_json(
        &up.namesrv,
        &[
            "broker",
            "stats",
            "GROUP_GET_NUMS",
            "StatsTopic@stats-group",
        ],
    )
    .await;
    assert_eq!(v[0]["statsDay"]["sum"], 12, "{v:#}");
    c.shutdown().await.unwrap();

    // 5 more, not consumed: brokerConsumeStats shows the group's lag of 5 in total.
    send_n(&p, "StatsTopic", 5).await;
    let v = mq_json(&up.namesrv, &["broker", "consume-stats"]).await;
    assert_eq!(v["totalDiff"], 5, "{v:#}");
    // The group's retry topic has its rows too (lag 0), as in RocketMQ.
    let rows: Vec<&Value> = rows_of(&v["rows"], "group", "stats-group")
        .into_iter()
        .filter(|r| r["topic"] == "StatsTopic")
        .collect();
    assert_eq!(rows.len(), 4, "one row per queue: {v:#}");
    let diff: i64 = rows.iter().map(|r| r["diff"].as_i64().unwrap()).sum();
    let broker: i64 = rows
        .iter()
        .map(|r| r["brokerOffset"].as_i64().unwrap())
        .sum();
    assert_eq!((diff, broker), (5, 17));
    // mqadmin's spelling, with its diff level: only the lagging queues.
    let broker_addr = up.broker.clone();
    let v = mq_json(
        &up.namesrv,
        &["admin", "brokerConsumeStats", "-b", &broker_addr, "-l", "1"],
    )
    .await;
    let lagging = rows_of(&v["rows"], "group", "stats-group");
    assert!(!lagging.is_empty() && lagging.len() <= 4);
    assert!(lagging.iter().all(|r| r["diff"].as_i64().unwrap() >= 1));
    // Only ordered topics: StatsTopic is not one.
    let v = mq_json(&up.namesrv, &["broker", "consume-stats", "--order"]).await;
    assert!(
        rows_of(&v["rows"], "group", "stats-group").is_empty(),
        "{v:#}"
    );

    // A stats item never counted is RocketMQ's error, and the broker-wide items are keyed
    // by the cluster name.
    let client = RemotingClient::new();
    let ask = |name: &str, key: &str| {
        RemotingCommand::request(request::VIEW_BROKER_STATS_DATA).with_header(
            &ViewBrokerStatsDataRequestHeader {
                stats_name: name.into(),
                stats_key: key.into(),
            },
        )
    };
    let r = client
        .invoke(&up.broker, ask("TOPIC_PUT_NUMS", "NoSuchTopic"), DEADLINE)
        .await
        .unwrap();
    assert_eq!(r.code, response::SYSTEM_ERROR);
    assert_eq!(
        r.remark.as_deref(),
        Some("The stats <TOPIC_PUT_NUMS> <NoSuchTopic> not exist")
    );
    let r = client
        .invoke(
            &up.broker,
            ask("BROKER_PUT_NUMS", "DefaultCluster"),
            DEADLINE,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    assert!(BrokerStatsData::decode(&r.body).unwrap().stats_day.sum >= 17);
    // GET_SYSTEM_TOPIC_LIST_FROM_BROKER (mqadmin's export commands leave these out).
    let r = client
        .invoke(
            &up.broker,
            RemotingCommand::request(request::GET_SYSTEM_TOPIC_LIST_FROM_BROKER),
            DEADLINE,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
    let system = TopicList::decode(&r.body).unwrap().topic_list;
    assert!(
        system.contains("TBW102") && system.contains("SCHEDULE_TOPIC_XXXX"),
        "{system:?}"
    );
    assert!(!system.contains("StatsTopic"));
    // A request without its header is an error response, not a crash.
    let r = client
        .invoke(
            &up.broker,
            RemotingCommand::request(request::VIEW_BROKER_STATS_DATA),
            DEADLINE,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SYSTEM_ERROR);
    let out = mq(
        &up.namesrv,
        &["broker", "stats", "TOPIC_PUT_NUMS", "NoSuchTopic"],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not exist"));
}

async fn commit(
    client: &RemotingClient,
    up: &MqUp,
    group: &str,
    topic: &str,
    queue: i32,
    offset: i64,
) {
    let req = RemotingCommand::request(request::UPDATE_CONSUMER_OFFSET).with_header(
        &UpdateConsumerOffsetRequestHeader {
            consumer_group: group.into(),
            topic: topic.into(),
            queue_id: queue,
            commit_offset: offset,
        },
    );
    let r = client.invoke(&up.broker, req, DEADLINE).await.unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
}

fn offsets_by_queue(v: &Value) -> Vec<(i64, Value)> {
    let mut out: Vec<(i64, Value)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["queueId"].as_i64().unwrap(), r["offset"].clone()))
        .collect();
    out.sort_by_key(|(q, _)| *q);
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clone_offsets_time_spans_consume_queue_and_clean_ups() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "SpanTopic", 2).await;
    let p = producer(&up.namesrv, "span-producer");
    send_n(&p, "SpanTopic", 10).await;
    let client = RemotingClient::new();
    commit(&client, &up, "span-group", "SpanTopic", 0, 2).await;
    commit(&client, &up, "span-group", "SpanTopic", 1, 1).await;

    // cloneGroupOffset: the copy has the source's offsets, queue by queue.
    let v = mq_json(
        &up.namesrv,
        &[
            "group",
            "clone-offset",
            "span-group",
            "span-copy",
            "--topic",
            "SpanTopic",
        ],
    )
    .await;
    assert_eq!(
        offsets_by_queue(&v),
        vec![(0, 2.into()), (1, 1.into())],
        "{v:#}"
    );
    mq_ok(
        &up.namesrv,
        &[
            "admin",
            "cloneGroupOffset",
            "-s",
            "span-group",
            "-d",
            "span-copy2",
            "-t",
            "SpanTopic",
        ],
    );
    let v = mq_json(
        &up.namesrv,
        &["group", "describe", "span-copy2", "--topic", "SpanTopic"],
    )
    .await;
    let text = v.to_string();
    assert!(
        text.contains("\"consumerOffset\":2") && text.contains("\"consumerOffset\":1"),
        "{v:#}"
    );

    // getConsumerConfig: the group's settings as the broker keeps them.
    mq_ok(
        &up.namesrv,
        &["group", "create", "span-cfg", "--retry-max", "3"],
    );
    let v = mq_json(
        &up.namesrv,
        &["admin", "getConsumerConfig", "-g", "span-cfg"],
    )
    .await;
    assert_eq!(v.as_array().unwrap().len(), 1, "{v:#}");
    assert_eq!(v[0]["config"]["retryMaxTimes"], 3);
    assert_eq!(v[0]["config"]["groupName"], "span-cfg");
    assert!(
        !mq(&up.namesrv, &["group", "config", "no-such-group"])
            .status
            .success()
    );

    // QUERY_CONSUME_TIME_SPAN: each queue's oldest and newest store times, the last consumed
    // message's, and a wait for the lagging group.
    let v = mq_json(
        &up.namesrv,
        &["group", "time-span", "span-group", "--topic", "SpanTopic"],
    )
    .await;
    let spans = v.as_array().unwrap();
    assert_eq!(spans.len(), 2, "{v:#}");
    for s in spans {
        let (min, max, consumed) = (
            s["minTimeStamp"].as_i64().unwrap(),
            s["maxTimeStamp"].as_i64().unwrap(),
            s["consumeTimeStamp"].as_i64().unwrap(),
        );
        assert!(min > 0 && min <= consumed && consumed <= max, "{s:#}");
        assert!(s["delayTime"].as_i64().unwrap() >= 0);
    }

    // QUERY_CONSUME_QUEUE: queue 0's entries point at increasing commit log offsets.
    let v = mq_json(
        &up.namesrv,
        &["topic", "cq", "SpanTopic", "--queue", "0", "--count", "100"],
    )
    .await;
    let stats = mq_json(&up.namesrv, &["topic", "describe", "SpanTopic"]).await;
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(
        v["maxQueueIndex"].as_i64().unwrap(),
        entries.len() as i64,
        "{v:#} {stats:#}"
    );
    assert!(!entries.is_empty());
    let offsets: Vec<i64> = entries
        .iter()
        .map(|e| e["physicOffset"].as_i64().unwrap())
        .collect();
    assert!(offsets.windows(2).all(|w| w[0] < w[1]), "{offsets:?}");
    assert!(
        entries
            .iter()
            .all(|e| e["physicSize"].as_i64().unwrap() > 0)
    );
    // From an index, a count; the mqadmin spelling too.
    let v = mq_json(
        &up.namesrv,
        &[
            "admin",
            "queryCq",
            "-t",
            "SpanTopic",
            "-q",
            "0",
            "-i",
            "1",
            "-c",
            "1",
        ],
    )
    .await;
    assert_eq!(v["entries"].as_array().unwrap().len(), 1);
    assert_eq!(
        v["entries"][0]["physicOffset"].as_i64().unwrap(),
        offsets[1]
    );
    // A queue that does not exist is an error.
    let out = mq(&up.namesrv, &["topic", "cq", "SpanTopic", "--queue", "7"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("7@SpanTopic is not exist"));

    // The clean-ups run (a young store has nothing expired: every message stays readable).
    for what in ["expired-cq", "expired-commitlog"] {
        let v = mq_json(&up.namesrv, &["broker", "clean", what]).await;
        assert_eq!(v[0]["done"], true, "{v:#}");
    }
    mq_ok(&up.namesrv, &["admin", "cleanExpiredCQ"]);
    mq_ok(&up.namesrv, &["admin", "deleteExpiredCommitLog"]);
    let v = mq_json(
        &up.namesrv,
        &["topic", "cq", "SpanTopic", "--queue", "0", "--count", "100"],
    )
    .await;
    assert_eq!(v["entries"].as_array().unwrap().len(), entries.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consumer_status_is_asked_of_the_clients_and_producers_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "StatusTopic", 4).await;
    let p = producer(&up.namesrv, "status-producer");
    send_n(&p, "StatusTopic", 8).await;
    let c = consume_n(&up.namesrv, "status-group", "StatusTopic", 8).await;

    // getConsumerStatus: the broker asks the consumer (221) for the offsets it holds; once
    // it has acknowledged all 8 they add up to 8 over the 4 queues.
    let v = mq_json_until(
        &up.namesrv,
        &[
            "group",
            "client-offsets",
            "status-group",
            "--topic",
            "StatusTopic",
        ],
        "the consumer to report 8 consumed",
        |v| {
            v.as_array().is_some_and(|rows| {
                rows.len() == 4
                    && rows
                        .iter()
                        .map(|r| r["offset"].as_i64().unwrap_or(0))
                        .sum::<i64>()
                        == 8
            })
        },
    )
    .await;
    let client_id = v[0]["clientId"].as_str().unwrap().to_string();
    assert!(client_id.contains('@'), "{v:#}");
    // Only one client id, by mqadmin's spelling; an unknown one gets nothing.
    let v = mq_json(
        &up.namesrv,
        &[
            "admin",
            "getConsumerStatus",
            "-g",
            "status-group",
            "-t",
            "StatusTopic",
            "-i",
            &client_id,
        ],
    )
    .await;
    assert_eq!(v.as_array().unwrap().len(), 4);
    let v = mq_json(
        &up.namesrv,
        &[
            "group",
            "client-offsets",
            "status-group",
            "--topic",
            "StatusTopic",
            "--client",
            "nobody@0",
        ],
    )
    .await;
    assert_eq!(v.as_array().unwrap().len(), 0);
    // consumerStatus: the client's running info, forwarded by the broker (307).
    let v = mq_json(
        &up.namesrv,
        &["admin", "consumerStatus", "-g", "status-group"],
    )
    .await;
    assert_eq!(v.as_array().unwrap().len(), 1, "{v:#}");
    assert_eq!(v[0]["clientId"], client_id.as_str());
    assert_eq!(v[0]["info"]["properties"]["consumerGroup"], "status-group");
    let subscribed: Vec<&str> = v[0]["info"]["subscriptionSet"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["topic"].as_str())
        .collect();
    assert!(subscribed.contains(&"StatusTopic"), "{v:#}");
    c.shutdown().await.unwrap();
    // No consumer online: RocketMQ's error.
    let out = mq(
        &up.namesrv,
        &[
            "group",
            "client-offsets",
            "status-group",
            "--topic",
            "StatusTopic",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("No Any Consumer online"));

    // GET_ALL_PRODUCER_INFO: a producer's group and client once it has heartbeated (a
    // library producer heartbeats every 30 s, as Java's: this one says so at once).
    let producer_conn = RemotingClient::new();
    let heartbeat = HeartbeatData {
        client_id: "10.0.0.7@prod".into(),
        producer_data_set: vec![ProducerData {
            group_name: "status-producer".into(),
        }],
        ..Default::default()
    };
    let r = producer_conn
        .invoke(
            &up.broker,
            RemotingCommand::request(request::HEART_BEAT).with_body(heartbeat.encode()),
            DEADLINE,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
    let broker_addr = up.broker.clone();
    let v = mq_json(&up.namesrv, &["admin", "producer", "-b", &broker_addr]).await;
    let rows = rows_of(&v, "group", "status-producer");
    assert_eq!(rows.len(), 1, "{v:#}");
    assert_eq!(rows[0]["clientId"], "10.0.0.7@prod");
    assert!(
        rows[0]["remoteIP"]
            .as_str()
            .unwrap()
            .starts_with("127.0.0.1:")
    );
    assert!(!rows[0]["language"].as_str().unwrap().is_empty());
    assert_eq!(rows[0]["brokerName"], "broker-a");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_expired_commit_log_deletes_old_files_whatever_the_hour() {
    let dir = tempfile::tempdir().unwrap();
    // 1 MiB commit log files, 100-entry consume queue files, everything expired at once
    // (fileReservedTime 0) but only at an hour that is not now: the broker's own clean-up
    // leaves the files alone, DELETE_EXPIRED_COMMITLOG does not wait for that hour.
    let now_hour = mq::store::cleanup::local_hour(mq::util::now_millis());
    let conf = dir.path().join("broker.yaml");
    std::fs::write(
        &conf,
        format!(
            "mappedFileSizeCommitLog: 1048576\nmappedFileSizeConsumeQueue: 2000\n\
             fileReservedTime: 0\ndeleteWhen: \"{:02}\"\ndiskMaxUsedSpaceRatio: 95\n",
            (now_hour + 12) % 24
        ),
    )
    .unwrap();
    let up = start_up(&dir.path().join("data"), &["-c", conf.to_str().unwrap()]);
    create_topic(&up, "OldTopic", 1).await;
    let body = "o".repeat(1000);
    let namesrv = up.namesrv.clone();
    tokio::task::spawn_blocking(move || {
        let out = mq_ok(
            &namesrv,
            &[
                "send", "--topic", "OldTopic", "--count", "3000", "--mode", "async", "--body",
                &body,
            ],
        );
        assert!(out.contains("sent 3000 messages, failed 0"), "{out}");
    })
    .await
    .unwrap();
    let min_offset = |v: &Value| v[0]["commitLogMinOffset"].as_i64().unwrap();
    let before = mq_json(&up.namesrv, &["broker", "status"]).await;
    assert_eq!(min_offset(&before), 0, "{before:#}");
    let cq = mq_json(&up.namesrv, &["topic", "cq", "OldTopic", "--queue", "0"]).await;
    assert_eq!(cq["minQueueIndex"], 0);
    assert_eq!(cq["maxQueueIndex"], 3000);

    mq_ok(&up.namesrv, &["admin", "deleteExpiredCommitLog"]);
    // Every file but the one being written went, and with them the consume queue files
    // pointing into them; what is left is still readable.
    let after = mq_json(&up.namesrv, &["broker", "status"]).await;
    assert!(min_offset(&after) >= 3 * 1048576, "{after:#}");
    let cq = mq_json(&up.namesrv, &["topic", "cq", "OldTopic", "--queue", "0"]).await;
    let min_index = cq["minQueueIndex"].as_i64().unwrap();
    assert!(min_index > 0 && min_index < 3000, "{cq:#}");
    let from = min_index.to_string();
    let cq = mq_json(
        &up.namesrv,
        &[
            "topic", "cq", "OldTopic", "--queue", "0", "--index", &from, "--count", "5",
        ],
    )
    .await;
    assert_eq!(cq["entries"].as_array().unwrap().len(), 5, "{cq:#}");
    // cleanExpiredCQ then finds nothing more to delete and keeps the queue readable.
    mq_ok(&up.namesrv, &["admin", "cleanExpiredCQ"]);
    let again = mq_json(&up.namesrv, &["topic", "cq", "OldTopic", "--queue", "0"]).await;
    assert_eq!(again["maxQueueIndex"], 3000);
    assert!(again["minQueueIndex"].as_i64().unwrap() >= min_index);
}

/// Where `name` (a file or directory) is under `root`, searched depth first.
fn find_under(root: &std::path::Path, name: &str) -> Option<std::path::PathBuf> {
    for entry in std::fs::read_dir(root).ok()?.flatten() {
        let path = entry.path();
        if entry.file_name() == name {
            return Some(path);
        }
        if path.is_dir()
            && let Some(found) = find_under(&path, name)
        {
            return Some(found);
        }
    }
    None
}

fn has_queues(data: &std::path::Path, topic: &str) -> bool {
    find_under(data, "consumequeue").is_some_and(|cq| cq.join(topic).exists())
}

#[test]
fn deleted_and_unused_topics_lose_their_consume_queues() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let up = start_up(&data, &[]);
    for topic in ["Gone", "Unused", "Kept"] {
        mq_ok(&up.namesrv, &["topic", "create", topic]);
        mq_ok(
            &up.namesrv,
            &["send", "--topic", topic, "--count", "6", "--body", "x"],
        );
    }
    wait_until("the consume queues", DEADLINE, || {
        ["Gone", "Unused", "Kept"]
            .iter()
            .all(|t| has_queues(&data, t))
    });
    // deleteTopic takes the topic's queues with its config, as RocketMQ's does.
    mq_ok(&up.namesrv, &["topic", "delete", "Gone", "-y"]);
    assert!(!has_queues(&data, "Gone"));
    assert!(has_queues(&data, "Unused") && has_queues(&data, "Kept"));

    // A topic whose config went while the broker was down keeps its queues until cleaned.
    assert!(up.process.terminate().success());
    let topics = find_under(&data, "topics.json").expect("topics.json");
    let mut wrapper: Value =
        serde_json::from_str(&std::fs::read_to_string(&topics).unwrap()).unwrap();
    let table = wrapper["topicConfigTable"].as_object_mut().unwrap();
    assert!(table.remove("Unused").is_some(), "{table:?}");
    std::fs::write(&topics, serde_json::to_string(&wrapper).unwrap()).unwrap();
    let up = start_up(&data, &[]);
    assert!(has_queues(&data, "Unused"));
    mq_ok(
        &up.namesrv,
        &["admin", "cleanUnusedTopic", "-b", &up.broker],
    );
    assert!(!has_queues(&data, "Unused"));
    assert!(has_queues(&data, "Kept"));
    // The kept topic and the system topics still serve.
    let out = mq_ok(
        &up.namesrv,
        &[
            "consume", "--topic", "Kept", "--group", "k", "--from", "first", "--count", "6",
        ],
    );
    assert_eq!(out.lines().count(), 6, "{out}");
    mq_ok(
        &up.namesrv,
        &["send", "--topic", "Kept", "--count", "1", "--body", "y"],
    );
}
