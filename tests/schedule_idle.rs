//! The schedule service sleeps while nothing is due, even with messages waiting an hour, and a
//! message put due sooner than the one it sleeps for wakes it. Its own test binary with one
//! test, so that the process's CPU time is the broker's alone (tests/store_idle.rs's way).

use std::sync::Arc;
use std::time::{Duration, Instant};

use mq::broker::Broker;
use mq::broker::config::{BrokerConfig, BrokerStartConfig};
use mq::protocol::message::build_properties;
use mq::protocol::topic::SCHEDULE_TOPIC;
use mq::protocol::topic_config::TopicConfig;
use mq::store::{AppendMessage, DelayLevels, StoreConfig};
use mq::util::process_cpu_time;
use tokio_util::sync::CancellationToken;

fn put(b: &Broker, level: i32) {
    let level_text = level.to_string();
    let props = build_properties([
        ("DELAY", level_text.as_str()),
        ("REAL_TOPIC", "Idle"),
        ("REAL_QID", "0"),
    ]);
    b.append(&AppendMessage {
        topic: SCHEDULE_TOPIC,
        queue_id: level - 1,
        flag: 0,
        body: b"x",
        properties: &props,
        sys_flag: 0,
        born_timestamp: 0,
        born_host: "127.0.0.1:4000".parse().unwrap(),
        store_host: b.store_host(),
        reconsume_times: 0,
        prepared_transaction_offset: 0,
    })
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_sleeps_until_something_is_due_and_an_earlier_put_wakes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StoreConfig::new(dir.path());
    store.mapped_file_size_commit_log = 1 << 20;
    store.mapped_file_size_consume_queue = 20 * 1024;
    store.message_delay_level = DelayLevels::parse("1s 1h").unwrap();
    let b: Arc<Broker> = Broker::open(
        BrokerStartConfig {
            broker: BrokerConfig::default(),
            store,
        },
        None,
    )
    .unwrap();
    b.topics()
        .update(TopicConfig::with_queues("Idle", 1, 1, 6))
        .unwrap();
    let stop = CancellationToken::new();
    let service = tokio::spawn(mq::broker::schedule::service::run(b.clone(), stop.clone()));
    put(&b, 2);
    assert!(b.store().wait_index_caught_up(Duration::from_secs(10)));
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The least of three idle seconds (see tests/store_idle.rs): a service that polls uses
    // CPU in every one.
    let mut used = Duration::MAX;
    for _ in 0..3 {
        let before = process_cpu_time();
        tokio::time::sleep(Duration::from_secs(1)).await;
        used = used.min(process_cpu_time() - before);
        if used < Duration::from_millis(10) {
            break;
        }
    }
    assert!(
        used < Duration::from_millis(10),
        "{used:?} of CPU in 1 s with nothing due"
    );

    // Sleeping for the hour-long one, it still wakes for a 1 s one.
    let put_at = Instant::now();
    put(&b, 1);
    while b.store().max_offset_in_queue("Idle", 0) < 1 {
        assert!(
            put_at.elapsed() < Duration::from_secs(3),
            "the 1 s message was not re-put within 3 s"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(put_at.elapsed() >= Duration::from_millis(900));
    stop.cancel();
    service.await.unwrap();
    b.store().shutdown().unwrap();
}
