//! Synthetic rounds of a small cluster, deterministic, for the state and
//! rendering tests and the captures in commands/top.md.

use std::collections::BTreeMap;

use super::sample::{BrokerSample, GroupSample, Round, TopicSample};
use crate::protocol::admin::{MessageQueue, OffsetWrapper, TopicOffset};
use crate::protocol::connection::{Connection, ConsumerConnection};
use crate::protocol::heartbeat::{ConsumeType, MessageModel};

/// 2024-05-01T12:00:00Z, the fixtures' clock.
pub const T0: i64 = 1_714_564_800_000;

fn runtime(put_tps: f64, today: i64) -> BTreeMap<String, String> {
    [
        ("brokerVersionDesc", "V4_9_8".to_string()),
        ("putTps", format!("{put_tps:.2} {put_tps:.2} {put_tps:.2}")),
        ("getTransferedTps", format!("{:.2} 0 0", put_tps * 0.9)),
        ("msgPutTotalTodayNow", today.to_string()),
        ("msgPutTotalTodayMorning", "0".into()),
        ("msgGetTotalTodayNow", (today * 9 / 10).to_string()),
        ("msgGetTotalTodayMorning", "0".into()),
        ("commitLogDiskRatio", "0.42".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn broker(
    cluster: &str,
    name: &str,
    id: i64,
    addr: &str,
    kv: Result<BTreeMap<String, String>, String>,
) -> BrokerSample {
    BrokerSample {
        cluster: cluster.into(),
        broker_name: name.into(),
        broker_id: id,
        addr: addr.into(),
        last_update_ms: Some(T0 - 7_000),
        runtime: kv,
    }
}

fn client(n: u8) -> Connection {
    Connection {
        client_addr: format!("10.0.0.{n}:5{n}123"),
        client_id: format!("10.0.0.{n}@{}", 4000 + n as u32),
        language: "JAVA".into(),
        version: 397,
    }
}

/// The cluster `step` rounds (2 s each) in: producers put 100 msg/s into
/// TopicTest (over four queues on two brokers) and 10/s into orders;
/// "demo" consumes TopicTest at 80/s (lag grows), "audit" exists with no
/// committed offset (lag unknown). With `broker_b_down`, broker-b's master
/// does not answer.
pub fn round(step: i64, broker_b_down: bool) -> Round {
    let at = T0 + step * 2_000;
    let mut r = Round {
        at_ms: at,
        took_ms: 35,
        interval_ms: 2_000,
        ..Default::default()
    };
    r.brokers = vec![
        broker(
            "DefaultCluster",
            "broker-a",
            0,
            "10.0.0.1:10911",
            Ok(runtime(60.0, 120_000 + step * 120)),
        ),
        broker(
            "DefaultCluster",
            "broker-a",
            1,
            "10.0.0.2:10911",
            Ok(runtime(0.0, 0)),
        ),
        broker(
            "DefaultCluster",
            "broker-b",
            0,
            "10.0.0.3:10911",
            if broker_b_down {
                Err("connection refused".into())
            } else {
                Ok(runtime(60.0, 118_000 + step * 120))
            },
        ),
    ];
    let mut topic = |name: &str, per_queue_step: i64, queues: &[(&str, i32)], base: i64| {
        let mut t = TopicSample {
            read_queues: queues.len() as i32,
            write_queues: queues.len() as i32,
            perm: 6,
            offsets: BTreeMap::new(),
        };
        for (b, q) in queues {
            if broker_b_down && *b == "broker-b" {
                continue;
            }
            let max = base + *q as i64 * 10 + step * per_queue_step;
            t.offsets.insert(
                MessageQueue::new(name, *b, *q),
                TopicOffset {
                    last_update_timestamp: if max > 0 { at - 150 } else { 0 },
                    max_offset: max,
                    min_offset: 0,
                },
            );
        }
        r.topics.insert(name.into(), t);
    };
    let four = [
        ("broker-a", 0),
        ("broker-a", 1),
        ("broker-b", 0),
        ("broker-b", 1),
    ];
    topic("TopicTest", 50, &four, 10_000);
    topic("orders", 10, &[("broker-a", 0), ("broker-b", 0)], 500);
    topic("idle", 0, &[("broker-a", 0)], 0);
    topic("TBW102", 0, &[("broker-a", 0), ("broker-b", 0)], 0);
    // demo has a retry backlog it never committed on, and dead letters.
    topic("%RETRY%demo", 0, &[("broker-a", 0)], 12);
    topic("%DLQ%demo", 0, &[("broker-a", 0)], 3);
    let topic_test = r.topics["TopicTest"].clone();
    let mut demo = GroupSample::default();
    for (mq, o) in &topic_test.offsets {
        let consumed = 8_000 + mq.queue_id as i64 * 10 + step * 40;
        demo.offsets.insert(
            mq.clone(),
            OffsetWrapper {
                broker_offset: o.max_offset,
                committed: Some(true),
                consumer_offset: consumed,
                last_timestamp: at - 2_000,
                pull_offset: consumed,
            },
        );
    }
    demo.connection = Some(ConsumerConnection {
        connection_set: vec![client(7), client(8)],
        consume_type: Some(ConsumeType::ConsumePassively),
        message_model: Some(MessageModel::Clustering),
        ..Default::default()
    });
    r.groups.insert("demo".into(), demo);
    let mut audit = GroupSample::default();
    for (mq, o) in &r.topics["orders"].offsets {
        audit.offsets.insert(
            mq.clone(),
            OffsetWrapper {
                broker_offset: o.max_offset,
                committed: Some(false),
                ..Default::default()
            },
        );
    }
    r.groups.insert("audit".into(), audit);
    r.groups
        .insert("TOOLS_CONSUMER".into(), GroupSample::default());
    r
}

/// The cluster of `round(step, false)` with replication to watch: broker-a is an `mq` master
/// with a following `mq` slave (10.0.0.2, 12.3 KiB and 0.4 s behind) and a second `mq` slave
/// (10.0.0.4) that has lost its master; broker-b is an Apache RocketMQ pair whose slave
/// (10.0.0.5) stopped copying 10000 bytes behind while its master grows 3000 bytes a step.
pub fn ha_round(step: i64) -> Round {
    let mut r = round(step, false);
    let with = |mut kv: BTreeMap<String, String>, extra: &[(&str, String)]| {
        for (k, v) in extra {
            kv.insert(k.to_string(), v.clone());
        }
        Ok(kv)
    };
    let max = |v: i64| ("commitLogMaxOffset", v.to_string());
    let a_max = 1_000_000 + step * 6_000;
    let a1_max = a_max - 12_595;
    let b_max = 2_000_000 + step * 3_000;
    let connected = |yes: bool| {
        [
            ("mqHaRole", "SLAVE".to_string()),
            ("mqHaMasterAddress", "10.0.0.1:10912".to_string()),
            ("mqHaMasterConnected", yes.to_string()),
        ]
    };
    let ha_slaves = format!(
        r#"[{{"address":"10.0.0.2:53012","ackedOffset":{a1_max},"bytesBehind":12595,"timeBehindMs":400}}]"#
    );
    r.brokers = vec![
        broker(
            "DefaultCluster",
            "broker-a",
            0,
            "10.0.0.1:10911",
            with(
                runtime(60.0, 120_000 + step * 120),
                &[
                    max(a_max),
                    ("mqHaRole", "ASYNC_MASTER".into()),
                    ("mqHaSlaveCount", "1".into()),
                    ("mqHaSlaves", ha_slaves),
                ],
            ),
        ),
        broker(
            "DefaultCluster",
            "broker-a",
            1,
            "10.0.0.2:10911",
            with(
                runtime(0.0, 0),
                &[[max(a1_max)].as_slice(), &connected(true)].concat(),
            ),
        ),
        broker(
            "DefaultCluster",
            "broker-a",
            2,
            "10.0.0.4:10911",
            with(
                runtime(0.0, 0),
                &[[max(400_000)].as_slice(), &connected(false)].concat(),
            ),
        ),
        broker(
            "DefaultCluster",
            "broker-b",
            0,
            "10.0.0.3:10911",
            with(runtime(60.0, 118_000 + step * 120), &[max(b_max)]),
        ),
        broker(
            "DefaultCluster",
            "broker-b",
            1,
            "10.0.0.5:10911",
            with(runtime(0.0, 0), &[max(1_990_000)]),
        ),
    ];
    r
}

/// A name server that knows no broker.
pub fn empty_round() -> Round {
    Round {
        at_ms: T0,
        took_ms: 3,
        interval_ms: 2_000,
        ..Default::default()
    }
}
