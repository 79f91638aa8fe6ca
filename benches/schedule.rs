//! `cargo bench --bench schedule`: 100,000 messages stored at one delay level (a 1 s level
//! table), so that they fall due within about the same second; the schedule service, running
//! as in a broker, re-puts them to their real topic. Reports how long after the last one was
//! due the last one was re-put, and the service's CPU time while nothing is due.
//! MQ_BENCH_DIR picks the directory (default target/bench-schedule), MQ_BENCH_COUNT the count.

use std::time::{Duration, Instant};

use mq::broker::Broker;
use mq::broker::config::{BrokerConfig, BrokerStartConfig};
use mq::protocol::message::build_properties;
use mq::protocol::topic::SCHEDULE_TOPIC;
use mq::protocol::topic_config::TopicConfig;
use mq::store::{AppendMessage, DelayLevels, StoreConfig};
use tokio_util::sync::CancellationToken;

fn cpu_time() -> Duration {
    mq::util::process_cpu_time()
}

/// What the DELAY and timer checks add to every send: the properties of a typical producer
/// message (tags, keys, UNIQ_KEY, WAIT), with neither among them.
fn send_path_check() {
    let props = build_properties([
        ("TAGS", "TagA"),
        ("KEYS", "order-1 order-2"),
        ("UNIQ_KEY", "7F0000017CA3536B918A7F8CFE1C0000"),
        ("WAIT", "true"),
        ("color", "red"),
    ]);
    let n = 10_000_000u32;
    let start = Instant::now();
    let mut delayed = 0u32;
    for _ in 0..n {
        let p = std::hint::black_box(props.as_str());
        if let Ok(Some(_)) = mq::broker::schedule::delay_level_of(p) {
            delayed += 1;
        }
        if mq::broker::schedule::timer::has_timer_property(p) {
            delayed += 1;
        }
    }
    let per = start.elapsed().as_nanos() as f64 / n as f64;
    assert_eq!(delayed, 0);
    println!(
        "DELAY and timer checks on a send's {} B of properties without either: {per:.1} ns per send",
        props.len()
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = std::env::var("MQ_BENCH_DIR").unwrap_or_else(|_| "target/bench-schedule".into());
    let count: usize = std::env::var("MQ_BENCH_COUNT")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100_000);
    let _ = std::fs::remove_dir_all(&dir);
    send_path_check();
    let mut store = StoreConfig::new(&dir);
    store.message_delay_level = DelayLevels::parse("1s 1h").unwrap();
    let b = Broker::open(
        BrokerStartConfig {
            broker: BrokerConfig::default(),
            store,
        },
        None,
    )
    .expect("open the broker");
    b.topics()
        .update(TopicConfig::with_queues("BenchDelayed", 8, 8, 6))
        .unwrap();

    let idle = Duration::from_secs(3);
    let cpu0 = cpu_time();
    tokio::time::sleep(idle).await;
    let store_only_cpu = cpu_time() - cpu0;

    let stop = CancellationToken::new();
    let service = tokio::spawn(mq::broker::schedule::service::run(b.clone(), stop.clone()));
    // Nothing stored, nothing due: the service must not spin.
    let cpu0 = cpu_time();
    tokio::time::sleep(idle).await;
    let idle_cpu = cpu_time() - cpu0;

    let body = vec![b'x'; 128];
    let born = "127.0.0.1:40000".parse().unwrap();
    let props: Vec<String> = (0..8)
        .map(|q| {
            build_properties([
                ("TAGS", "TagA"),
                ("DELAY", "1"),
                ("REAL_TOPIC", "BenchDelayed"),
                ("REAL_QID", &q.to_string()),
            ])
        })
        .collect();
    let put_start = Instant::now();
    let first_due = mq::util::now_millis() + 1_000;
    for i in 0..count {
        b.append(&AppendMessage {
            topic: SCHEDULE_TOPIC,
            queue_id: 0,
            flag: 0,
            body: &body,
            properties: &props[i % 8],
            sys_flag: 0,
            born_timestamp: 0,
            born_host: born,
            store_host: b.store_host(),
            reconsume_times: 0,
            prepared_transaction_offset: 0,
        })
        .expect("append");
    }
    let last_due = mq::util::now_millis() + 1_000;
    let put_time = put_start.elapsed();

    let delivered = || -> i64 {
        (0..8)
            .map(|q| b.store().max_offset_in_queue("BenchDelayed", q))
            .sum()
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while delivered() < count as i64 {
        assert!(Instant::now() < deadline, "only {} re-put", delivered());
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let done = mq::util::now_millis();

    // A backlog: the same count stored while the service is stopped (as when a broker
    // starts after they fell due), all due before it starts.
    stop.cancel();
    let _ = service.await;
    let backlog_from = delivered();
    for i in 0..count {
        b.append(&AppendMessage {
            topic: SCHEDULE_TOPIC,
            queue_id: 0,
            flag: 0,
            body: &body,
            properties: &props[i % 8],
            sys_flag: 0,
            born_timestamp: 0,
            born_host: born,
            store_host: b.store_host(),
            reconsume_times: 0,
            prepared_transaction_offset: 0,
        })
        .expect("append");
    }
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let backlog_start = Instant::now();
    let stop = CancellationToken::new();
    let service = tokio::spawn(mq::broker::schedule::service::run(b.clone(), stop.clone()));
    while delivered() < backlog_from + count as i64 {
        assert!(
            Instant::now() < deadline + Duration::from_secs(60),
            "backlog not re-put"
        );
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let backlog_time = backlog_start.elapsed();

    // Quiet again (index built, files flushed), nothing pending: the control for the next.
    b.store().wait_index_caught_up(Duration::from_secs(30));
    b.store().flush().unwrap();
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let cpu0 = cpu_time();
    tokio::time::sleep(idle).await;
    let after_cpu = cpu_time() - cpu0;

    // One message pending an hour away: the service sleeps until then.
    let pending = build_properties([
        ("DELAY", "2"),
        ("REAL_TOPIC", "BenchDelayed"),
        ("REAL_QID", "0"),
    ]);
    b.append(&AppendMessage {
        topic: SCHEDULE_TOPIC,
        queue_id: 1,
        flag: 0,
        body: &body,
        properties: &pending,
        sys_flag: 0,
        born_timestamp: 0,
        born_host: born,
        store_host: b.store_host(),
        reconsume_times: 0,
        prepared_transaction_offset: 0,
    })
    .expect("append");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let cpu0 = cpu_time();
    tokio::time::sleep(idle).await;
    let pending_cpu = cpu_time() - cpu0;
    stop.cancel();
    let _ = service.await;

    println!("schedule bench: {count} messages of 128 B at one level (1 s)");
    println!(
        "  stored in {:.0} ms: due from {first_due} to {last_due} ({} ms apart)",
        put_time.as_secs_f64() * 1e3,
        last_due - first_due
    );
    println!(
        "  all re-put {} ms after the last was due ({} ms after the first was due)",
        done - last_due,
        done - first_due
    );
    println!(
        "  a backlog of {count} already due when the service starts: all re-put in {:.0} ms",
        backlog_time.as_secs_f64() * 1e3
    );
    println!(
        "  process CPU over 3 s idle: store alone {} ms; with the service, nothing stored {} ms, \
         nothing pending after the runs {} ms, one message pending for an hour {} ms",
        store_only_cpu.as_millis(),
        idle_cpu.as_millis(),
        after_cpu.as_millis(),
        pending_cpu.as_millis()
    );
    b.store().shutdown().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}
