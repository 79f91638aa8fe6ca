//! ali-ons (the Node.js RocketMQ client nobody here wrote) across a master's death and return,
//! over real `mq namesrv start` and `mq broker start` processes: a push consumer reads every
//! message a SYNC_MASTER acknowledged from the slave while the master is down, goes on after
//! the master comes back (same ports and store) and the slave follows it again, and a consumer
//! restarted in its group resumes where it was; a consumer busy on the master when it dies
//! finishes the backlog from the slave, and one restarted then resumes from the offsets
//! committed to the slave; a consumer follows a master's suggestWhichBrokerId to
//! the slave; a producer given two masters keeps sending to the one left when the other dies.

mod support;

#[path = "support/interop.rs"]
mod interop;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use mq::client::AdminClient;
use mq::protocol::body::RemotingBody;
use mq::protocol::topic_config::{TopicConfig, TopicConfigSerializeWrapper};
use mq::remoting::code::request;
use mq::remoting::{RemotingClient, RemotingCommand};
use serde_json::Value;
use support::*;

const TOPIC: &str = "FailoverTopic";
const QUEUES: i32 = 4;
const WAIT: Duration = Duration::from_secs(60);

/// A `mq broker start` process with its config kept, so it can be killed and started again
/// on the same ports and store.
struct BrokerProc {
    process: Option<MqProcess>,
    addr: String,
    conf: PathBuf,
    dir: PathBuf,
    namesrv: String,
}

impl BrokerProc {
    /// Writes `dir`/broker.yaml (ports, store under `dir`, then `yaml`) and starts the broker.
    fn start(dir: &Path, namesrv: &str, yaml: &str) -> BrokerProc {
        let [port, ha_port] = free_ports();
        std::fs::create_dir_all(dir).unwrap();
        let conf = dir.join("broker.yaml");
        std::fs::write(
            &conf,
            format!(
                "listenPort: {port}\nhaListenPort: {ha_port}\nstorePathRootDir: {}\n{yaml}",
                dir.join("store").display()
            ),
        )
        .unwrap();
        let mut b = BrokerProc {
            process: None,
            addr: format!("127.0.0.1:{port}"),
            conf,
            dir: dir.to_path_buf(),
            namesrv: namesrv.to_string(),
        };
        b.spawn();
        b
    }

    fn spawn(&mut self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join("broker.log"))
            .unwrap();
        let child = Command::new(mq_bin())
            .args(["broker", "start", "-c", self.conf.to_str().unwrap()])
            .args(["-n", &self.namesrv])
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.process = Some(MqProcess {
            child,
            addr: self.addr.clone(),
        });
        let addr = self.addr.clone();
        wait_until("the broker to listen", WAIT, || {
            std::net::TcpStream::connect(&addr).is_ok()
        });
    }

    /// SIGKILL, and waits until the process is gone.
    fn kill(&mut self) {
        drop(self.process.take());
    }

    /// Starts the killed broker again with the same config and store.
    fn restart(&mut self) {
        assert!(self.process.is_none(), "restart only a killed broker");
        self.spawn();
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("broker.log")).unwrap_or_default()
    }
}

/// A Node.js script from tests/interop running in the background, its stdout going to a file
/// the test reads while it runs; killed on drop.
struct NodeScript {
    child: Child,
    out: PathBuf,
    err: PathBuf,
}

impl NodeScript {
    fn spawn(dir: &Path, name: &str, script: &str, args: &[&str]) -> NodeScript {
        let interop_dir = interop::ensure_ali_ons_installed();
        let out = dir.join(format!("{name}.stdout"));
        let err = dir.join(format!("{name}.stderr"));
        let child = Command::new("node")
            .arg(script)
            .args(args)
            .current_dir(interop_dir)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(std::fs::File::create(&err).unwrap())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start node {script}: {e}"));
        NodeScript { child, out, err }
    }

    /// The complete JSON lines printed so far.
    fn lines(&self) -> Vec<Value> {
        let text = std::fs::read_to_string(&self.out).unwrap_or_default();
        let complete = text.rfind('\n').map_or("", |end| &text[..end]);
        complete
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(&self.err).unwrap_or_default()
    }

    /// Waits for a zero exit and returns every line printed.
    fn finish(mut self, timeout: Duration) -> Vec<Value> {
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "the script did not finish\nstderr:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(
            status.success(),
            "the script failed ({status})\nstderr:\n{}",
            self.stderr()
        );
        self.lines()
    }
}

impl Drop for NodeScript {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The keys of the messages a produce_failover.js run had acknowledged (SEND_OK).
fn acked_keys(lines: &[Value], tag: &str) -> BTreeSet<String> {
    lines
        .iter()
        .filter(|l| l["ok"] == true)
        .map(|l| format!("{tag}-{}", l["i"]))
        .collect()
}

/// Runs produce_failover.js to the end (no pause between sends) and returns its send lines.
fn produce(ns: &str, tag: &str, count: usize) -> Vec<Value> {
    let out = interop::run_node_script(
        "produce_failover.js",
        &[ns, TOPIC, &count.to_string(), tag, "0"],
        &[],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let mut lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary = lines.pop().unwrap();
    assert_eq!(summary["done"], true, "{summary}");
    lines
}

/// The brokerIds the name server routes `TOPIC` to, per brokerName.
async fn routed_ids(admin: &AdminClient) -> Vec<(String, Vec<i64>)> {
    match admin.topic_route(TOPIC).await {
        Ok(r) => r
            .broker_datas
            .iter()
            .map(|b| {
                (
                    b.broker_name.clone(),
                    b.broker_addrs.keys().copied().collect(),
                )
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

async fn eventually<F, Fut>(what: &str, mut cond: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + WAIT;
    while !cond().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Whether the master's HA service has a slave connected (`mq broker status`).
fn slave_connected(ns: &str, master: &str) -> bool {
    let out = mq(ns, &["broker", "status", "-b", master, "-o", "json"]);
    out.status.success()
        && serde_json::from_slice::<Value>(&out.stdout).is_ok_and(|v| {
            v[0]["ha"]["slaves"]
                .as_array()
                .is_some_and(|s| !s.is_empty())
        })
}

async fn commit_log_max_offset(admin: &AdminClient, broker: &str) -> Option<i64> {
    admin
        .broker_runtime_info(broker)
        .await
        .ok()?
        .get("commitLogMaxOffset")?
        .parse()
        .ok()
}

/// Keys the consumer has printed so far (one per delivery, duplicates kept).
fn consumed_keys(consumer: &NodeScript) -> Vec<String> {
    consumer
        .lines()
        .iter()
        .filter(|l| l.get("done").is_none())
        .map(|l| l["keys"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Polls until the consumer has printed every key of `want`.
fn wait_consumed(consumer: &NodeScript, want: &BTreeSet<String>, what: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let got: BTreeSet<String> = consumed_keys(consumer).into_iter().collect();
        let missing: Vec<&String> = want.difference(&got).collect();
        if missing.is_empty() {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: {} of {} never consumed, e.g. {:?}\nconsumer stderr:\n{}",
            missing.len(),
            want.len(),
            &missing[..missing.len().min(5)],
            consumer.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A name server, a SYNC_MASTER and its SLAVE (broker-a) with `TOPIC` created, routed to both,
/// and the slave connected to the master's HA service.
/// `master_extra` is added to the master's config.
async fn start_sync_pair(
    dir: &Path,
    master_extra: &str,
) -> (MqProcess, BrokerProc, BrokerProc, AdminClient) {
    // The name server drops a killed broker as soon as its connection closes.
    let ns = start_namesrv(dir, "");
    let master = BrokerProc::start(
        &dir.join("master"),
        &ns.addr,
        &format!("brokerName: broker-a\nbrokerId: 0\nbrokerRole: SYNC_MASTER\n{master_extra}"),
    );
    // A slave learns a restarted master at its next registration: every 10 s here, not 30.
    let slave = BrokerProc::start(
        &dir.join("slave"),
        &ns.addr,
        "brokerName: broker-a\nbrokerId: 1\nbrokerRole: SLAVE\nregisterNameServerPeriod: 10000\n",
    );
    let admin = AdminClient::new(&ns.addr, TIMEOUT).unwrap();
    admin
        .create_topic(
            &master.addr,
            &TopicConfig::with_queues(TOPIC, QUEUES, QUEUES, 6),
        )
        .await
        .unwrap();
    eventually("the route to hold the master and its slave", || async {
        routed_ids(&admin).await == [("broker-a".to_string(), vec![0, 1])]
    })
    .await;
    wait_until("the slave to connect to the master", WAIT, || {
        slave_connected(&ns.addr, &master.addr)
    });
    // A slave serves a topic only once its periodic sync (10 s) has copied the topic's
    // config, as RocketMQ's does: until then pulls are answered TOPIC_NOT_EXIST.
    let client = RemotingClient::new();
    eventually("the slave to copy the topic's config", || async {
        client
            .invoke(
                &slave.addr,
                RemotingCommand::request(request::GET_ALL_TOPIC_CONFIG),
                TIMEOUT,
            )
            .await
            .ok()
            .and_then(|r| TopicConfigSerializeWrapper::decode(&r.body).ok())
            .is_some_and(|t| t.topic_config_table.contains_key(TOPIC))
    })
    .await;
    client.shutdown();
    (ns, master, slave, admin)
}

/// tests/interop/consume_failover.js as `name`: an ali-ons push consumer of `group` on TOPIC
/// that stops when `stop` exists, with its optional arguments (handler delay in ms, ready file,
/// queues) after the fixed ones.
fn spawn_consumer(
    dir: &Path,
    name: &str,
    namesrv: &str,
    group: &str,
    stop: &Path,
    extra: &[&str],
) -> NodeScript {
    let mut args = vec![namesrv, TOPIC, group, stop.to_str().unwrap(), "300000"];
    args.extend_from_slice(extra);
    NodeScript::spawn(dir, name, "consume_failover.js", &args)
}

#[tokio::test(flavor = "multi_thread")]
async fn ali_ons_consumer_reads_acknowledged_messages_from_the_slave_and_follows_the_master_back() {
    const BEFORE: usize = 200;
    const AFTER: usize = 50;
    const LATER: usize = 20;
    let dir = tempfile::tempdir().unwrap();
    let (ns, mut master, slave, admin) = start_sync_pair(dir.path(), "").await;

    // Only acknowledged sends count: a SYNC_MASTER answers SEND_OK once the slave has it.
    let sent = produce(&ns.addr, "Before", BEFORE);
    let before = acked_keys(&sent, "Before");
    assert_eq!(before.len(), BEFORE, "every send acknowledged: {sent:?}");

    master.kill();
    eventually("the route to keep only the slave", || async {
        routed_ids(&admin).await == [("broker-a".to_string(), vec![1])]
    })
    .await;

    let stop = dir.path().join("stop-consumer");
    let consumer = spawn_consumer(
        dir.path(),
        "consumer",
        &ns.addr,
        "ali_ons_failover",
        &stop,
        &[],
    );
    wait_consumed(&consumer, &before, "with the master down, from the slave");

    // The master comes back on its store; the running consumer gets what is sent to it now.
    master.restart();
    eventually("the route to hold the master again", || async {
        routed_ids(&admin).await == [("broker-a".to_string(), vec![0, 1])]
    })
    .await;
    wait_until("the slave to follow the master again", WAIT, || {
        slave_connected(&ns.addr, &master.addr)
    });
    let sent = produce(&ns.addr, "After", AFTER);
    let after = acked_keys(&sent, "After");
    assert_eq!(after.len(), AFTER, "every send acknowledged: {sent:?}");
    wait_consumed(&consumer, &after, "after the master came back");

    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let m = commit_log_max_offset(&admin, &master.addr).await;
        let s = commit_log_max_offset(&admin, &slave.addr).await;
        if m.is_some() && m == s {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the slave's commit log ({s:?}) never reached the master's ({m:?})\nslave log:\n{}",
            slave.log()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    std::fs::write(&stop, "stop").unwrap();
    let lines = consumer.finish(WAIT);
    let summary = lines.last().unwrap().clone();
    assert_eq!(summary["done"], true, "{summary}");
    println!("consumer: {summary}");
    let delivered: Vec<String> = lines[..lines.len() - 1]
        .iter()
        .map(|l| l["keys"].as_str().unwrap().to_string())
        .collect();
    let distinct: BTreeSet<String> = delivered.iter().cloned().collect();
    let all: BTreeSet<String> = before.union(&after).cloned().collect();
    assert_eq!(
        distinct, all,
        "exactly the acknowledged messages, none lost"
    );
    // The first part could only come from the slave: the master was dead.
    assert!(
        summary["pullsFoundFrom"][&slave.addr].as_u64() > Some(0),
        "{summary}"
    );

    // A consumer of the same group started afresh resumes from the offsets the first one
    // committed (to the slave while the master was down, to the master since): it gets what
    // is sent now and does not start over from the first message.
    let sent = produce(&ns.addr, "Later", LATER);
    let later = acked_keys(&sent, "Later");
    assert_eq!(later.len(), LATER, "every send acknowledged: {sent:?}");
    let stop = dir.path().join("stop-restarted");
    let restarted = spawn_consumer(
        dir.path(),
        "restarted",
        &ns.addr,
        "ali_ons_failover",
        &stop,
        &[],
    );
    wait_consumed(&restarted, &later, "by the restarted consumer");
    std::fs::write(&stop, "stop").unwrap();
    let lines = restarted.finish(WAIT);
    let again: BTreeSet<String> = lines[..lines.len() - 1]
        .iter()
        .map(|l| l["keys"].as_str().unwrap().to_string())
        .filter(|k| all.contains(k))
        .collect();
    println!(
        "restarted consumer: {}, {} consumed again",
        lines.last().unwrap(),
        again.len()
    );
    assert!(
        again.len() < all.len() / 2,
        "the restarted consumer started over: {} of {} again",
        again.len(),
        all.len()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn ali_ons_producer_keeps_sending_to_the_master_left_when_the_other_dies() {
    const COUNT: usize = 200;
    const KILL_AFTER: usize = 40;
    /// Sends that may fail while the producer still routes to the dead master.
    const MAX_FAILED: usize = 3;
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    let mut a = BrokerProc::start(
        &dir.path().join("a"),
        &ns.addr,
        "brokerName: broker-a\nbrokerId: 0\nbrokerRole: ASYNC_MASTER\n",
    );
    let b = BrokerProc::start(
        &dir.path().join("b"),
        &ns.addr,
        "brokerName: broker-b\nbrokerId: 0\nbrokerRole: ASYNC_MASTER\n",
    );
    let admin = AdminClient::new(&ns.addr, TIMEOUT).unwrap();
    for broker in [&a.addr, &b.addr] {
        admin
            .create_topic(broker, &TopicConfig::with_queues(TOPIC, QUEUES, QUEUES, 6))
            .await
            .unwrap();
    }
    eventually("the route to hold both masters", || async {
        routed_ids(&admin).await.len() == 2
    })
    .await;

    let producer = NodeScript::spawn(
        dir.path(),
        "producer",
        "produce_failover.js",
        &[&ns.addr, TOPIC, &COUNT.to_string(), "Spread", "25"],
    );
    wait_until("the producer's first sends", WAIT, || {
        producer.lines().len() >= KILL_AFTER
    });
    a.kill();
    let lines = producer.finish(WAIT);
    let summary = lines.last().unwrap().clone();
    let sends = &lines[..lines.len() - 1];
    println!("producer: {summary}");
    assert_eq!(sends.len(), COUNT, "{summary}");
    let failed: Vec<&Value> = sends.iter().filter(|l| l["ok"] != true).collect();
    assert!(
        failed.len() <= MAX_FAILED,
        "{} sends failed: {failed:?}",
        failed.len()
    );
    let to = |name: &str| {
        sends
            .iter()
            .filter(|l| l["ok"] == true && l["brokerName"] == name)
            .count()
    };
    assert!(
        to("broker-a") > 0,
        "both masters took sends before the kill"
    );
    // Once the producer has the new route, every send succeeds, on the master left.
    let tail = &sends[COUNT - 50..];
    assert!(
        tail.iter()
            .all(|l| l["ok"] == true && l["brokerName"] == "broker-b"),
        "{tail:?}\nproducer stderr: {}",
        std::fs::read_to_string(dir.path().join("producer.stderr")).unwrap_or_default()
    );
    assert_eq!(to("broker-a") + to("broker-b"), COUNT - failed.len());
    drop(b);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_ali_ons_consumer_busy_on_the_master_when_it_dies_finishes_the_backlog_from_the_slave() {
    const COUNT: usize = 200;
    let dir = tempfile::tempdir().unwrap();
    let (ns, mut master, slave, admin) = start_sync_pair(dir.path(), "").await;
    // 50 ms per message, a few pulled ahead: most of what is sent is still on the brokers when
    // the master dies.
    let (stop, ready) = (dir.path().join("stop"), dir.path().join("ready"));
    let consumer = spawn_consumer(
        dir.path(),
        "consumer",
        &ns.addr,
        "ali_ons_busy",
        &stop,
        &["50", ready.to_str().unwrap()],
    );
    wait_until("the consumer to hold its queues", WAIT, || ready.exists());
    let sent = produce(&ns.addr, "Busy", COUNT);
    let acked = acked_keys(&sent, "Busy");
    assert_eq!(acked.len(), COUNT, "every send acknowledged: {sent:?}");
    let before_kill = consumed_keys(&consumer).len();
    master.kill();
    wait_consumed(&consumer, &acked, "after the master died mid-backlog");
    std::fs::write(&stop, "stop").unwrap();
    let lines = consumer.finish(WAIT);
    let summary = lines.last().unwrap().clone();
    println!("busy consumer: {summary}, {before_kill} consumed before the kill");
    let delivered: BTreeSet<String> = lines[..lines.len() - 1]
        .iter()
        .map(|l| l["keys"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(delivered, acked, "exactly the acknowledged messages");
    assert!(
        summary["pullsFoundFrom"][&slave.addr].as_u64() > Some(0),
        "the backlog came from the slave: {summary}"
    );

    // The master is still down: a consumer of the same group started now reads the offsets
    // the first one committed to the slave and starts at the end of every queue.
    let (stop, ready) = (dir.path().join("stop-2"), dir.path().join("ready-2"));
    let restarted = spawn_consumer(
        dir.path(),
        "restarted",
        &ns.addr,
        "ali_ons_busy",
        &stop,
        &["0", ready.to_str().unwrap(), &QUEUES.to_string()],
    );
    wait_until("the restarted consumer to hold every queue", WAIT, || {
        ready.exists()
    });
    let started: serde_json::Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(&ready).unwrap()).unwrap();
    std::fs::write(&stop, "stop").unwrap();
    let lines = restarted.finish(WAIT);
    println!("restarted while the master is down: {started:?}");
    assert_eq!(started.len(), QUEUES as usize, "{started:?}");
    let resumed_at: i64 = started.values().map(|o| o.as_i64().unwrap()).sum();
    assert_eq!(
        resumed_at, COUNT as i64,
        "each queue resumed at its end: {started:?}"
    );
    assert_eq!(lines.last().unwrap()["received"], 0, "{lines:?}");
    drop(admin);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_ali_ons_consumer_follows_the_masters_suggestion_to_read_from_the_slave() {
    const COUNT: usize = 100;
    let dir = tempfile::tempdir().unwrap();
    // Every read counts as not in memory: the master suggests its slave (brokerId 1), which,
    // not reading for slaves itself, suggests the master back.
    let (ns, master, slave, _admin) = start_sync_pair(
        dir.path(),
        "slaveReadEnable: true\naccessMessageInMemoryMaxRatio: 0\n",
    )
    .await;
    let sent = produce(&ns.addr, "Suggested", COUNT);
    let acked = acked_keys(&sent, "Suggested");
    assert_eq!(acked.len(), COUNT, "every send acknowledged: {sent:?}");
    let stop = dir.path().join("stop");
    // A handler delay makes the consumer pull 4 at a time: several pulls per queue, so the
    // suggestion is followed.
    let consumer = spawn_consumer(
        dir.path(),
        "consumer",
        &ns.addr,
        "ali_ons_suggested",
        &stop,
        &["1"],
    );
    wait_consumed(&consumer, &acked, "with both brokers up");
    std::fs::write(&stop, "stop").unwrap();
    let lines = consumer.finish(WAIT);
    let summary = lines.last().unwrap().clone();
    println!("suggested consumer: {summary}");
    assert_eq!(summary["received"], COUNT, "{summary}");
    let from = &summary["pullsFoundFrom"];
    assert!(from[&master.addr].as_u64() > Some(0), "{summary}");
    assert!(from[&slave.addr].as_u64() > Some(0), "{summary}");
}
