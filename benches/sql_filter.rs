//! `cargo bench --bench sql_filter`: what a SQL92 subscription costs a pull on the broker.
//! Stores MQ_BENCH_MESSAGES messages (default 200,000; 128 B bodies, properties a=<i>,
//! region and TAGS), then reads the whole queue 32 at a time as PULL_MESSAGE does (the store
//! read and the copy into the response body) three ways: unfiltered, with a SQL92 selector
//! that every message matches (so the same messages come back), with one that matches
//! half, and with `TRUE` (the record check without evaluation). Prints messages per second and the filtered/unfiltered cost ratio. MQ_BENCH_DIR picks
//! the directory (default target/bench-sql-filter), MQ_BENCH_ROUNDS the reads per case (5).

use std::time::{Duration, Instant};

use bytes::BytesMut;
use mq::broker::filter::SqlFilter;
use mq::protocol::message::build_properties;
use mq::store::{AppendMessage, GetMessageResult, MessageFilter, MessageStore, StoreConfig};

const TOPIC: &str = "SqlBench";
const BATCH: usize = 32;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .map(|v| v.parse().unwrap_or_else(|_| panic!("{name}: a number")))
        .unwrap_or(default)
}

fn main() {
    let messages = env_usize("MQ_BENCH_MESSAGES", 200_000) as i64;
    let rounds = env_usize("MQ_BENCH_ROUNDS", 5);
    let dir = std::env::var("MQ_BENCH_DIR").unwrap_or_else(|_| "target/bench-sql-filter".into());
    let _ = std::fs::remove_dir_all(&dir);
    let mut config = StoreConfig::new(&dir);
    config.message_index_enable = false;
    let store = MessageStore::open(config).expect("open the store");
    let body = vec![b'x'; 128];
    for i in 0..messages {
        let a = i.to_string();
        let region = ["eu", "us", "ap"][(i % 3) as usize];
        let properties =
            build_properties([("TAGS", "TagA"), ("a", a.as_str()), ("region", region)]);
        store
            .append(&AppendMessage {
                topic: TOPIC,
                queue_id: 0,
                flag: 0,
                body: &body,
                properties: &properties,
                sys_flag: 0,
                born_timestamp: 1_700_000_000_000,
                born_host: "127.0.0.1:50000".parse().unwrap(),
                store_host: "127.0.0.1:10911".parse().unwrap(),
                reconsume_times: 0,
                prepared_transaction_offset: 0,
            })
            .expect("append");
    }

    let all = mq::filter::compile("a >= 0 AND region IN ('eu', 'us', 'ap')").unwrap();
    // Reads each record's properties like the others but evaluates nothing: what the record
    // check costs apart from the selector.
    let always = mq::filter::compile("TRUE").unwrap();
    let half = mq::filter::compile(&format!("a >= {}", messages / 2)).unwrap();
    // Rounds interleave the cases, so that none gains from running after the others warmed
    // the page cache; each case keeps its best round.
    let mut best = [(Duration::MAX, 0usize); 4];
    for _ in 0..rounds {
        let cases = [
            read_all(&store, |offset| {
                store.get_message(TOPIC, 0, offset, BATCH, usize::MAX)
            }),
            read_all(&store, |offset| {
                filtered_read(&store, offset, &SqlFilter::new(&all))
            }),
            read_all(&store, |offset| {
                filtered_read(&store, offset, &SqlFilter::new(&half))
            }),
            read_all(&store, |offset| {
                filtered_read(&store, offset, &SqlFilter::new(&always))
            }),
        ];
        for (b, c) in best.iter_mut().zip(cases) {
            *b = (b.0.min(c.0), c.1);
        }
    }
    let [unfiltered, filtered, half_filtered, no_evaluation] = best;
    assert_eq!(
        unfiltered.1, filtered.1,
        "the selector matches every message"
    );
    println!("{messages} messages, {rounds} reads of the whole queue per case, {BATCH} per pull");
    for (name, (elapsed, returned)) in [
        ("unfiltered", unfiltered),
        ("SQL92, all match", filtered),
        ("SQL92, half match", half_filtered),
        ("SQL92 TRUE", no_evaluation),
    ] {
        println!(
            "{name:<20} {:>12.0} msg/s examined  {:>8} returned per read (best round)",
            messages as f64 / elapsed.as_secs_f64(),
            returned,
        );
    }
    println!(
        "SQL92 (all match) costs {:.2}x an unfiltered pull of the same messages",
        filtered.0.as_secs_f64() / unfiltered.0.as_secs_f64()
    );
    drop(store);
    pull_through_a_broker(&dir, rounds);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The same messages pulled through a broker on loopback (PULL_MESSAGE naming its
/// subscription, 32 per pull, one pull at a time): what a consumer sees, request handling and
/// the socket included.
fn pull_through_a_broker(dir: &str, rounds: usize) {
    use mq::broker::Broker;
    use mq::broker::config::BrokerStartConfig;
    use mq::protocol::header::{CreateTopicRequestHeader, PullMessageRequestHeader};
    use mq::remoting::code::{request, response};
    use mq::remoting::{RemotingClient, RemotingCommand};

    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let mut start = BrokerStartConfig::default();
        start.store.store_path_root_dir = dir.into();
        start.store.message_index_enable = false;
        start.broker.enable_property_filter = true;
        start.broker.broker_ip1 = "127.0.0.1".into();
        let broker = Broker::open(start, None).expect("open the broker");
        let stop = tokio_util::sync::CancellationToken::new();
        let serving = tokio::spawn({
            let stop = stop.clone();
            async move { broker.run(listener, stop.cancelled_owned()).await }
        });
        let client = RemotingClient::new();
        let timeout = Duration::from_secs(10);
        let create = RemotingCommand::request(request::UPDATE_AND_CREATE_TOPIC).with_header(
            &CreateTopicRequestHeader {
                topic: TOPIC.into(),
                default_topic: "TBW102".into(),
                read_queue_nums: 1,
                write_queue_nums: 1,
                perm: 6,
                topic_filter_type: "SINGLE_TAG".into(),
                topic_sys_flag: None,
                order: false,
            },
        );
        let r = client.invoke(&addr, create, timeout).await.unwrap();
        assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
        let pull_all = |expression_type: &'static str, expression: &'static str| {
            let client = &client;
            let addr = addr.clone();
            async move {
                let started = Instant::now();
                let (mut offset, mut count) = (0i64, 0usize);
                loop {
                    let req = RemotingCommand::request(request::PULL_MESSAGE).with_header(
                        &PullMessageRequestHeader {
                            consumer_group: "sql-bench".into(),
                            topic: TOPIC.into(),
                            queue_id: 0,
                            queue_offset: offset,
                            max_msg_nums: BATCH as i32,
                            sys_flag: 0x4,
                            commit_offset: 0,
                            suspend_timeout_millis: 0,
                            subscription: Some(expression.into()),
                            sub_version: 1,
                            expression_type: Some(expression_type.into()),
                            broker_name: None,
                        },
                    );
                    let r = client.invoke(&addr, req, timeout).await.unwrap();
                    if r.code != response::SUCCESS {
                        break;
                    }
                    let h: mq::protocol::header::PullMessageResponseHeader =
                        r.decode_header().unwrap();
                    count += count_records(&r.body);
                    offset = h.next_begin_offset;
                }
                (started.elapsed(), count)
            }
        };
        let mut best = [(Duration::MAX, 0usize); 2];
        for _ in 0..rounds.min(3) {
            let cases = [
                pull_all("TAG", "*").await,
                pull_all("SQL92", "a >= 0 AND region IN ('eu', 'us', 'ap')").await,
            ];
            for (b, c) in best.iter_mut().zip(cases) {
                *b = (b.0.min(c.0), c.1);
            }
        }
        let [unfiltered, filtered] = best;
        assert_eq!(
            unfiltered.1, filtered.1,
            "the selector matches every message"
        );
        println!("pulled through a broker on loopback:");
        println!(
            "unfiltered           {:>12.0} msg/s  ({} messages)",
            unfiltered.1 as f64 / unfiltered.0.as_secs_f64(),
            unfiltered.1
        );
        println!(
            "SQL92, all match     {:>12.0} msg/s",
            filtered.1 as f64 / filtered.0.as_secs_f64()
        );
        println!(
            "SQL92 (all match) costs {:.2}x an unfiltered pull of the same messages",
            filtered.0.as_secs_f64() / unfiltered.0.as_secs_f64()
        );
        stop.cancel();
        let _ = serving.await;
    });
}

fn filtered_read(store: &MessageStore, offset: i64, f: &dyn MessageFilter) -> GetMessageResult {
    store.get_message_filtered(TOPIC, 0, offset, BATCH, usize::MAX, f)
}

/// Reads the queue from 0 to its end with `read`, copying each result into a response body as
/// the pull processor does; the time taken and the messages returned.
fn read_all(store: &MessageStore, read: impl Fn(i64) -> GetMessageResult) -> (Duration, usize) {
    let end = store.max_offset_in_queue(TOPIC, 0);
    let started = Instant::now();
    let (mut offset, mut count) = (0, 0);
    while offset < end {
        let r = read(offset);
        let mut body = BytesMut::with_capacity(r.buffer_total_size);
        for m in &r.messages {
            body.extend_from_slice(m);
        }
        std::hint::black_box(body);
        count += r.messages.len();
        offset = r.next_begin_offset;
    }
    (started.elapsed(), count)
}

/// The records in a pull response body: each starts with its total size (big-endian i32).
fn count_records(body: &[u8]) -> usize {
    let (mut at, mut n) = (0, 0);
    while at + 4 <= body.len() {
        let size = i32::from_be_bytes(body[at..at + 4].try_into().unwrap());
        if size <= 0 {
            break;
        }
        at += size as usize;
        n += 1;
    }
    n
}
