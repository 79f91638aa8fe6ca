//! Slaves as RocketMQ runs them, over real `mq namesrv start` and `mq broker start` processes:
//! a slave (same brokerName, brokerId 1, brokerRole SLAVE) copies its master's topics, groups
//! and consumer offsets, refuses writes with RocketMQ's codes, serves pulls and takes offsets;
//! brokers register with every name server, and clients skip one that is down.

mod support;

use std::path::Path;
use std::time::Duration;

use mq::client::AdminClient;
use mq::protocol::body::{ConsumerOffsetSerializeWrapper, RemotingBody};
use mq::protocol::header::*;
use mq::protocol::subscription_group::{SubscriptionGroupConfig, SubscriptionGroupWrapper};
use mq::protocol::topic_config::{TopicConfig, TopicConfigSerializeWrapper};
use mq::remoting::code::{request, response};
use mq::remoting::{RemotingClient, RemotingCommand};
use support::*;

const SYNC_WAIT: Duration = Duration::from_secs(40);

/// `mq broker start -c` with `yaml` (listenPort and storePathRootDir added) against `namesrv`
/// (a `;` list); its stderr is kept in `dir` for a failing test to show.
fn start_broker(dir: &Path, name: &str, namesrv: &str, yaml: &str) -> MqProcess {
    let port = free_port();
    let root = dir.join(name);
    std::fs::create_dir_all(&root).unwrap();
    let conf = root.join("broker.yaml");
    std::fs::write(
        &conf,
        format!(
            "listenPort: {port}\nstorePathRootDir: {}\n{yaml}",
            root.join("store").display()
        ),
    )
    .unwrap();
    let child = broker_start(&conf, namesrv)
        .stderr(std::fs::File::create(root.join("stderr")).unwrap())
        .spawn()
        .unwrap();
    let broker = MqProcess {
        child,
        addr: format!("127.0.0.1:{port}"),
    };
    wait_until("the broker to listen", Duration::from_secs(30), || {
        std::net::TcpStream::connect(&broker.addr).is_ok()
    });
    broker
}

const MASTER: &str = "brokerName: broker-a\nbrokerId: 0\nbrokerRole: ASYNC_MASTER\n";
const SLAVE: &str = "brokerName: broker-a\nbrokerId: 1\nbrokerRole: SLAVE\n";

async fn call(client: &RemotingClient, addr: &str, req: RemotingCommand) -> RemotingCommand {
    client.invoke(addr, req, TIMEOUT).await.unwrap()
}

async fn commit_offset(client: &RemotingClient, addr: &str, topic: &str, queue: i32, offset: i64) {
    let req = RemotingCommand::request(request::UPDATE_CONSUMER_OFFSET).with_header(
        &UpdateConsumerOffsetRequestHeader {
            consumer_group: "billing".into(),
            topic: topic.into(),
            queue_id: queue,
            commit_offset: offset,
        },
    );
    let r = call(client, addr, req).await;
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
}

async fn all_offsets(client: &RemotingClient, addr: &str) -> ConsumerOffsetSerializeWrapper {
    let r = call(
        client,
        addr,
        RemotingCommand::request(request::GET_ALL_CONSUMER_OFFSET),
    )
    .await;
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    ConsumerOffsetSerializeWrapper::decode(&r.body).unwrap()
}

async fn all_topics(client: &RemotingClient, addr: &str) -> TopicConfigSerializeWrapper {
    let r = call(
        client,
        addr,
        RemotingCommand::request(request::GET_ALL_TOPIC_CONFIG),
    )
    .await;
    TopicConfigSerializeWrapper::decode(&r.body).unwrap()
}

async fn all_groups(client: &RemotingClient, addr: &str) -> SubscriptionGroupWrapper {
    let r = call(
        client,
        addr,
        RemotingCommand::request(request::GET_ALL_SUBSCRIPTIONGROUP_CONFIG),
    )
    .await;
    SubscriptionGroupWrapper::decode(&r.body).unwrap()
}

/// GET_ALL_DELAY_OFFSET's offsetTable: delay level -> delivered offset.
async fn delay_offsets(
    client: &RemotingClient,
    addr: &str,
) -> serde_json::Map<String, serde_json::Value> {
    let r = call(
        client,
        addr,
        RemotingCommand::request(request::GET_ALL_DELAY_OFFSET),
    )
    .await;
    let v = mq::protocol::fastjson::parse(&r.body).unwrap();
    v["offsetTable"].as_object().cloned().unwrap_or_default()
}

/// Polls an async condition with a deadline.
async fn eventually<F, Fut>(what: &str, mut cond: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + SYNC_WAIT;
    while !cond().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slave_copies_its_master_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    let master = start_broker(dir.path(), "master", &ns.addr, MASTER);
    let admin = AdminClient::new(&ns.addr, TIMEOUT).unwrap();
    let client = RemotingClient::new();
    admin
        .create_topic(&master.addr, &TopicConfig::with_queues("Synced", 4, 4, 6))
        .await
        .unwrap();
    let mut group = SubscriptionGroupConfig::new("billing");
    group.retry_max_times = 3;
    admin
        .create_subscription_group(&master.addr, &group)
        .await
        .unwrap();
    commit_offset(&client, &master.addr, "Synced", 0, 5).await;
    commit_offset(&client, &master.addr, "Synced", 2, 9).await;
    // A message delayed by level 1 (1 s): once delivered, level 1's offset is 1.
    let delayed = send_request(
        "Synced",
        1,
        b"later",
        mq::protocol::message::build_properties([("DELAY", "1")]),
    );
    assert_eq!(
        call(&client, &master.addr, delayed).await.code,
        response::SUCCESS
    );
    eventually("the master to deliver the delayed message", || async {
        delay_offsets(&client, &master.addr).await.get("1") == Some(&serde_json::json!(1))
    })
    .await;

    // GET_ALL_CONSUMER_OFFSET (43): consumerOffset.json's shape.
    let r = call(
        &client,
        &master.addr,
        RemotingCommand::request(request::GET_ALL_CONSUMER_OFFSET),
    )
    .await;
    assert_eq!(r.code, response::SUCCESS);
    let json: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(json["offsetTable"]["Synced@billing"]["0"], 5, "{json}");
    assert_eq!(json["offsetTable"]["Synced@billing"]["2"], 9, "{json}");

    // Started after the master has the data: the start-time sync brings it over.
    let slave = start_broker(dir.path(), "slave", &ns.addr, SLAVE);
    eventually("the slave to copy the topic", || async {
        all_topics(&client, &slave.addr)
            .await
            .topic_config_table
            .contains_key("Synced")
    })
    .await;
    assert_eq!(
        all_topics(&client, &slave.addr).await.data_version,
        all_topics(&client, &master.addr).await.data_version,
        "the slave takes the master's data version"
    );
    eventually(
        "the slave to copy the offsets, delay offsets and the group",
        || async {
            let offsets = all_offsets(&client, &slave.addr).await.offset_table;
            let groups = all_groups(&client, &slave.addr).await;
            offsets.get("Synced@billing") == Some(&[(0, 5), (2, 9)].into())
                && delay_offsets(&client, &slave.addr).await.get("1") == Some(&serde_json::json!(1))
                && groups
                    .subscription_group_table
                    .get("billing")
                    .is_some_and(|g| g.retry_max_times == 3)
        },
    )
    .await;

    // Writes are refused with RocketMQ's codes.
    let r = call(
        &client,
        &slave.addr,
        send_request("Synced", 0, b"to the slave", String::new()),
    )
    .await;
    assert_eq!(r.code, response::SERVICE_NOT_AVAILABLE, "{:?}", r.remark);
    assert!(
        r.remark
            .as_deref()
            .unwrap()
            .contains("messages are put to the slave"),
        "{:?}",
        r.remark
    );
    let e = admin
        .create_topic(&slave.addr, &TopicConfig::with_queues("OnSlave", 4, 4, 6))
        .await
        .unwrap_err();
    assert_eq!(e.response_code(), Some(response::SYSTEM_ERROR));
    assert!(
        e.to_string()
            .contains("Can't modify topic or subscription group from slave broker"),
        "{e}"
    );
    assert!(
        !all_topics(&client, &slave.addr)
            .await
            .topic_config_table
            .contains_key("OnSlave")
    );

    // Pulls are served, suggesting the master (slaveReadEnable is off).
    let pull = pull_request(
        "billing",
        "Synced",
        0,
        0,
        0x4,
        "*",
        Duration::from_millis(0),
    );
    let r = call(&client, &slave.addr, pull).await;
    assert_eq!(r.code, response::PULL_NOT_FOUND, "{:?}", r.remark);
    let h: PullMessageResponseHeader = r.decode_header().unwrap();
    assert_eq!(h.suggest_which_broker_id, 0);

    // A slave stores the offsets it is given; the master's replace them at the next sync.
    commit_offset(&client, &slave.addr, "Synced", 0, 100).await;
    assert_eq!(
        all_offsets(&client, &slave.addr).await.offset_table["Synced@billing"][&0],
        100
    );
    // A change on the master reaches the slave at the next periodic sync, with the offsets.
    admin
        .create_topic(&master.addr, &TopicConfig::with_queues("Later", 2, 2, 6))
        .await
        .unwrap();
    eventually("the periodic sync to copy a new topic", || async {
        all_topics(&client, &slave.addr)
            .await
            .topic_config_table
            .contains_key("Later")
    })
    .await;
    eventually("the master's offset to replace the slave's", || async {
        all_offsets(&client, &slave.addr).await.offset_table["Synced@billing"][&0] == 5
    })
    .await;
    client.shutdown();
}

#[test]
fn brokers_register_with_every_name_server_and_clients_skip_a_dead_one() {
    let dir = tempfile::tempdir().unwrap();
    let [ns1_dir, ns2_dir] = [dir.path().join("ns1"), dir.path().join("ns2")];
    std::fs::create_dir_all(&ns1_dir).unwrap();
    std::fs::create_dir_all(&ns2_dir).unwrap();
    let ns1 = start_namesrv(&ns1_dir, "");
    let ns2 = start_namesrv(&ns2_dir, "");
    let both = format!("{};{}", ns1.addr, ns2.addr);
    let broker = start_broker(dir.path(), "master", &both, MASTER);
    for ns in [&ns1.addr, &ns2.addr] {
        wait_until("the broker on both name servers", SYNC_WAIT, || {
            mq_ok(ns, &["cluster", "list", "-o", "json"]).contains(&broker.addr)
        });
    }
    mq_ok(&ns1.addr, &["topic", "create", "Skipping"]);

    // The first name server of the list is down: tools and producers use the second.
    let dead = format!("127.0.0.1:{};{}", free_port(), ns2.addr);
    wait_until("the topic on the second name server", SYNC_WAIT, || {
        mq(&dead, &["topic", "list"]).status.success()
            && mq_ok(&dead, &["topic", "list"]).contains("Skipping")
    });
    let out = mq_ok(
        &dead,
        &[
            "send",
            "--topic",
            "Skipping",
            "--body",
            "past a dead name server",
        ],
    );
    assert!(out.contains("SEND_OK"), "{out}");
}

#[tokio::test(flavor = "multi_thread")]
async fn consumers_follow_the_suggestion_to_the_slave_and_read_it_when_the_master_is_gone() {
    use mq::client::ClientConfig;
    use mq::client::consumer::{PullConsumer, PullStatus};
    use mq::protocol::admin::MessageQueue;

    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(
        dir.path(),
        "scanNotActiveBrokerInterval: 100\nbrokerChannelExpiredTime: 1500\n",
    );
    // Every read counts as not in memory: the master sends readers to its slave.
    let master = start_broker(
        dir.path(),
        "master",
        &ns.addr,
        &format!("{MASTER}slaveReadEnable: true\naccessMessageInMemoryMaxRatio: 0\n"),
    );
    let admin = AdminClient::new(&ns.addr, TIMEOUT).unwrap();
    let client = RemotingClient::new();
    admin
        .create_topic(&master.addr, &TopicConfig::with_queues("Reads", 1, 1, 6))
        .await
        .unwrap();
    for body in ["one", "two"] {
        let r = call(
            &client,
            &master.addr,
            send_request("Reads", 0, body.as_bytes(), String::new()),
        )
        .await;
        assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    }
    let slave = start_broker(dir.path(), "slave", &ns.addr, SLAVE);
    eventually("the slave to know the topic and its route", || async {
        let route = admin.topic_route("Reads").await;
        all_topics(&client, &slave.addr)
            .await
            .topic_config_table
            .contains_key("Reads")
            && route.is_ok_and(|r| r.broker_datas.iter().any(|b| b.broker_addrs.len() == 2))
    })
    .await;

    let consumer =
        PullConsumer::new(&ClientConfig::new(ns.addr.clone()), "TOOLS_CONSUMER").unwrap();
    let mq = MessageQueue {
        topic: "Reads".into(),
        broker_name: "broker-a".into(),
        queue_id: 0,
    };
    let first = consumer.pull(&mq, "*", 0, 1).await.unwrap();
    assert_eq!(first.status, PullStatus::Found);
    assert_eq!(
        first.suggest_which_broker_id, 1,
        "the master suggests its slave"
    );
    // Once the slave has replicated both messages, it answers the pull the master sent the
    // consumer to, and (not reading from slaves itself) suggests the master back.
    eventually("the slave to replicate both messages", || async {
        admin
            .pull_messages(&slave.addr, "Reads", 0, 0, 32)
            .await
            .is_ok_and(|(msgs, _)| msgs.len() == 2)
    })
    .await;
    let second = consumer.pull(&mq, "*", 1, 1).await.unwrap();
    assert_eq!(second.status, PullStatus::Found, "answered by the slave");
    assert_eq!(&second.messages[0].body[..], b"two");
    assert_eq!(second.suggest_which_broker_id, 0);
    let third = consumer.pull(&mq, "*", 1, 1).await.unwrap();
    assert_eq!(third.status, PullStatus::Found, "answered by the master");
    consumer.shutdown();

    // The master dies: once the name servers drop it, consumers read from the slave.
    drop(master);
    eventually("the route to lose the master", || async {
        admin.topic_route("Reads").await.is_ok_and(|r| {
            r.broker_datas
                .iter()
                .all(|b| !b.broker_addrs.contains_key(&0) && b.broker_addrs.contains_key(&1))
        })
    })
    .await;
    let consumer =
        PullConsumer::new(&ClientConfig::new(ns.addr.clone()), "TOOLS_CONSUMER").unwrap();
    let from_slave = consumer.pull(&mq, "*", 0, 1).await.unwrap();
    assert_eq!(from_slave.status, PullStatus::Found);
    assert_eq!(&from_slave.messages[0].body[..], b"one");
    consumer.shutdown();
    client.shutdown();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_name_server_killed_mid_run_changes_nothing_for_a_client_given_two() {
    use mq::client::{ClientConfig, Message, Producer, ProducerConfig};

    let dir = tempfile::tempdir().unwrap();
    let [ns1_dir, ns2_dir] = [dir.path().join("ns1"), dir.path().join("ns2")];
    std::fs::create_dir_all(&ns1_dir).unwrap();
    std::fs::create_dir_all(&ns2_dir).unwrap();
    let ns1 = start_namesrv(&ns1_dir, "");
    let ns2 = start_namesrv(&ns2_dir, "");
    let both = format!("{};{}", ns1.addr, ns2.addr);
    let broker = start_broker(dir.path(), "master", &both, MASTER);
    let admin = AdminClient::new(&both, TIMEOUT).unwrap();
    for topic in ["Before", "After"] {
        admin
            .create_topic(&broker.addr, &TopicConfig::with_queues(topic, 2, 2, 6))
            .await
            .unwrap();
    }
    for ns in [&ns1.addr, &ns2.addr] {
        let admin = AdminClient::new(ns, TIMEOUT).unwrap();
        eventually("both topics routed by both name servers", || async {
            admin.topic_route("Before").await.is_ok() && admin.topic_route("After").await.is_ok()
        })
        .await;
    }

    let producer =
        Producer::new(&ClientConfig::new(both.clone()), ProducerConfig::default()).unwrap();
    producer
        .send(&Message::new("Before", "while both are up"))
        .await
        .unwrap();
    drop(ns1); // SIGKILL, mid-run
    // A route the producer has not fetched yet comes from the second name server; the one it
    // has keeps working.
    producer
        .send(&Message::new("After", "first route after the kill"))
        .await
        .unwrap();
    producer
        .send(&Message::new("Before", "cached route"))
        .await
        .unwrap();
    let after = mq_ok(
        &both,
        &[
            "consume",
            "-t",
            "After",
            "--from",
            "first",
            "--count",
            "1",
            "--idle-exit",
            "20",
        ],
    );
    assert!(after.contains("first route after the kill"), "{after}");
    producer.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_push_consumer_reads_the_slave_while_the_master_is_down_and_the_slave_follows_it_back() {
    let dir = tempfile::tempdir().unwrap();
    // The name server drops a killed broker as soon as its connection closes.
    let ns = start_namesrv(dir.path(), "");
    let master = start_broker(dir.path(), "master", &ns.addr, MASTER);
    let admin = AdminClient::new(&ns.addr, TIMEOUT).unwrap();
    admin
        .create_topic(&master.addr, &TopicConfig::with_queues("Failover", 2, 2, 6))
        .await
        .unwrap();
    // The slave learns a restarted master's new address from its next registration: every
    // 10 s here (RocketMQ's shortest period) rather than 30.
    let slave = start_broker(
        dir.path(),
        "slave",
        &ns.addr,
        &format!("{SLAVE}registerNameServerPeriod: 10000\n"),
    );
    let client = RemotingClient::new();
    for i in 0..20 {
        let r = call(
            &client,
            &master.addr,
            send_request("Failover", i % 2, format!("m{i}").as_bytes(), String::new()),
        )
        .await;
        assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    }
    let on_slave = |n: usize| {
        let admin = &admin;
        let slave = slave.addr.clone();
        async move {
            let mut total = 0;
            for q in 0..2 {
                if let Ok((msgs, _)) = admin.pull_messages(&slave, "Failover", q, 0, 32).await {
                    total += msgs.len();
                }
            }
            total == n
        }
    };
    eventually("the slave to have all 20", || on_slave(20)).await;

    drop(master); // SIGKILL
    eventually("the route to keep only the slave", || async {
        admin.topic_route("Failover").await.is_ok_and(|r| {
            r.broker_datas
                .iter()
                .all(|b| !b.broker_addrs.contains_key(&0) && b.broker_addrs.contains_key(&1))
        })
    })
    .await;
    let ns_addr = ns.addr.clone();
    let got = tokio::task::spawn_blocking(move || {
        mq_ok(
            &ns_addr,
            &[
                "consume",
                "-t",
                "Failover",
                "-g",
                "failover_cg",
                "--from",
                "first",
                "--count",
                "20",
                "--idle-exit",
                "30",
            ],
        )
    })
    .await
    .unwrap();
    let mut bodies: Vec<&str> = got.lines().collect();
    bodies.sort();
    let mut want: Vec<String> = (0..20).map(|i| format!("m{i}")).collect();
    want.sort();
    assert_eq!(bodies, want, "every message the master had, from its slave");

    // The master comes back (same store, new port): the slave follows it again.
    let master = start_broker(dir.path(), "master", &ns.addr, MASTER);
    for i in 20..25 {
        let r = call(
            &client,
            &master.addr,
            send_request("Failover", i % 2, format!("m{i}").as_bytes(), String::new()),
        )
        .await;
        assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    }
    let deadline = tokio::time::Instant::now() + SYNC_WAIT;
    while !on_slave(25).await {
        if tokio::time::Instant::now() > deadline {
            let said = std::fs::read_to_string(dir.path().join("slave/stderr")).unwrap_or_default();
            let m = std::fs::read_to_string(dir.path().join("master/stderr")).unwrap_or_default();
            let cl = mq(&ns.addr, &["cluster", "list"]);
            panic!(
                "the slave never followed the master back:\n{said}\nMASTER:\n{m}\n{}{}",
                String::from_utf8_lossy(&cl.stdout),
                String::from_utf8_lossy(&cl.stderr)
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    client.shutdown();
}
