//! The broker's one append path: a message stored by something other than SEND_MESSAGE (here
//! `Broker::append` called in process, as an admin re-send, the delay service or
//! END_TRANSACTION do) wakes a consumer that is long-polling over a real connection.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use mq::broker::Broker;
use mq::broker::config::{BrokerConfig, BrokerStartConfig};
use mq::broker::processor::pull::{FLAG_SUBSCRIPTION, FLAG_SUSPEND};
use mq::protocol::header::PullMessageResponseHeader;
use mq::protocol::message::build_properties;
use mq::protocol::topic_config::TopicConfig;
use mq::remoting::code::response;
use mq::remoting::{RemotingClient, RemotingCommand};
use mq::store::message::decode_message;
use mq::store::{AppendMessage, StoreConfig};
use support::wait_until;

/// Far longer than the test may take: only a wake-up can answer the pull in time.
const SUSPEND_MILLIS: i64 = 30_000;
/// What a loaded machine gets to deliver the wake-up (the target is 100 ms).
const WAKE_BOUND: Duration = Duration::from_secs(2);

/// A broker serving on a free loopback port, stopped and closed on drop.
struct InProcessBroker {
    broker: Arc<Broker>,
    addr: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    served: Option<tokio::task::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl InProcessBroker {
    async fn start() -> InProcessBroker {
        let dir = tempfile::tempdir().unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let mut store = StoreConfig::new(dir.path());
        store.mapped_file_size_commit_log = 1 << 20;
        store.mapped_file_size_consume_queue = 20 * 1024;
        let broker = BrokerConfig {
            listen_port: port,
            ..BrokerConfig::default()
        };
        let broker = Broker::open(BrokerStartConfig { broker, store }, None).unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let served = tokio::spawn(broker.clone().run(listener, async move {
            let _ = stopped.await;
        }));
        InProcessBroker {
            broker,
            addr: format!("127.0.0.1:{port}"),
            stop: Some(stop),
            served: Some(served),
            _dir: dir,
        }
    }

    async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        self.served.take().unwrap().await.unwrap();
    }
}

fn suspended_pull(topic: &str, queue_id: i32) -> RemotingCommand {
    let sys_flag = FLAG_SUSPEND | FLAG_SUBSCRIPTION;
    let suspend = Duration::from_millis(SUSPEND_MILLIS as u64);
    support::pull_request(
        "append_test_group",
        topic,
        queue_id,
        0,
        sys_flag,
        "*",
        suspend,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_append_outside_send_wakes_a_long_polling_consumer() {
    let ctx = InProcessBroker::start().await;
    let b = ctx.broker.clone();
    b.topics()
        .update(TopicConfig::with_queues("ResentTopic", 4, 4, 6))
        .unwrap();

    let client = RemotingClient::new();
    let pull = {
        let (client, addr) = (client.clone(), ctx.addr.clone());
        tokio::spawn(async move {
            client
                .invoke(
                    &addr,
                    suspended_pull("ResentTopic", 2),
                    Duration::from_millis(SUSPEND_MILLIS as u64 + 10_000),
                )
                .await
        })
    };
    // Append only once the pull is parked, so that only a wake-up can answer it.
    let held = b.clone();
    tokio::task::spawn_blocking(move || {
        wait_until("the pull to be suspended", Duration::from_secs(10), || {
            held.held_pulls() == 1
        })
    })
    .await
    .unwrap();
    assert!(
        !pull.is_finished(),
        "an empty queue answers only after a wake-up"
    );

    let props = build_properties([("TAGS", "resent"), ("KEYS", "k1")]);
    let msg = AppendMessage {
        topic: "ResentTopic",
        queue_id: 2,
        flag: 0,
        body: b"re-sent by an admin",
        properties: &props,
        sys_flag: 0,
        born_timestamp: mq::util::now_millis(),
        born_host: "127.0.0.1:40000".parse().unwrap(),
        store_host: b.store_host(),
        reconsume_times: 0,
        prepared_transaction_offset: 0,
    };
    let appended_at = Instant::now();
    let appended = b.append(&msg).unwrap();
    let r = tokio::time::timeout(WAKE_BOUND, pull)
        .await
        .unwrap_or_else(|_| panic!("the pull was not woken within {WAKE_BOUND:?} of the append"))
        .unwrap()
        .unwrap();
    let latency = appended_at.elapsed();
    eprintln!("append -> long-polling pull answered in {latency:?}");

    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    let h: PullMessageResponseHeader = r.decode_header().unwrap();
    assert_eq!((h.next_begin_offset, h.max_offset), (1, 1));
    let m = decode_message(&r.body).unwrap();
    assert_eq!(m.body, b"re-sent by an admin");
    assert_eq!(m.commit_log_offset, appended.physical_offset);
    assert_eq!(b.held_pulls(), 0);
    assert_eq!(
        b.stats()
            .put_msgs
            .load(std::sync::atomic::Ordering::Relaxed),
        1,
        "counted as a put"
    );

    client.shutdown();
    ctx.stop().await;
}
