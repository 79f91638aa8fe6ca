//! Transactional messages end to end against real `mq up` processes, with `mq`'s own
//! transactional producer and CLI, checked by what a consumer sees: commit, rollback and
//! unknown-then-checked in one run, a check answered by a new producer of the group, kill -9
//! of the broker between half message and commit, and pending halves as the admin shows them.

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mq::client::consumer::pull::PullConsumer;
use mq::client::{
    ClientConfig, LocalTransactionState, Message, MessageExt, ProducerConfig, TransactionListener,
    TransactionProducer,
};
use support::*;

/// Checks a second after a half is stored, so that unknown outcomes settle within seconds.
const QUICK_CHECKS: &str = "transactionCheckInterval: 1000\ntransactionTimeOut: 1000\n";
/// No check for a minute: the test decides when halves get settled.
const NO_CHECKS: &str = "transactionCheckInterval: 60000\n";

fn up_with(dir: &Path, config: &str) -> MqUp {
    std::fs::create_dir_all(dir).unwrap();
    let conf = dir.join("broker.yaml");
    std::fs::write(&conf, config).unwrap();
    start_up(dir, &["-c", conf.to_str().unwrap()])
}

/// Settles each message by its body: `commit-*` and `rollback-*` at once, `unknown-*` only
/// when checked (`unknown-commit-*` commits, `unknown-rollback-*` rolls back,
/// `unknown-forever-*` stays unknown), and remembers the checks it answered.
#[derive(Default)]
struct ByBody {
    checked: Mutex<Vec<String>>,
}

impl ByBody {
    fn checked(&self) -> Vec<String> {
        self.checked.lock().unwrap().clone()
    }
}

impl TransactionListener for ByBody {
    fn execute_local_transaction(&self, msg: &Message, _id: &str) -> LocalTransactionState {
        let body = String::from_utf8_lossy(&msg.body);
        if body.starts_with("commit") {
            LocalTransactionState::CommitMessage
        } else if body.starts_with("rollback") {
            LocalTransactionState::RollbackMessage
        } else {
            LocalTransactionState::Unknow
        }
    }

    fn check_local_transaction(&self, msg: &MessageExt) -> LocalTransactionState {
        let body = String::from_utf8_lossy(&msg.body).into_owned();
        let state = if body.starts_with("unknown-commit") {
            LocalTransactionState::CommitMessage
        } else if body.starts_with("unknown-rollback") {
            LocalTransactionState::RollbackMessage
        } else {
            LocalTransactionState::Unknow
        };
        self.checked.lock().unwrap().push(body);
        state
    }
}

fn tx_producer(ns: &str, group: &str, listener: Arc<ByBody>) -> TransactionProducer {
    TransactionProducer::new(
        &ClientConfig::new(ns),
        ProducerConfig {
            group: group.into(),
            ..Default::default()
        },
        listener,
    )
    .unwrap()
}

async fn send(p: &TransactionProducer, topic: &str, body: &str) -> LocalTransactionState {
    let r = p
        .send_in_transaction(&Message::new(topic, body.to_string()))
        .await
        .unwrap();
    r.local_state
}

/// Every message a consumer of `topic` has been given, by body, with how often.
struct Seen {
    consumer: PullConsumer,
    topic: String,
    next: BTreeMap<i32, i64>,
    bodies: BTreeMap<String, usize>,
}

impl Seen {
    fn new(ns: &str, topic: &str) -> Seen {
        Seen {
            consumer: PullConsumer::new(&ClientConfig::new(ns), "tx_test_cg").unwrap(),
            topic: topic.into(),
            next: BTreeMap::new(),
            bodies: BTreeMap::new(),
        }
    }

    async fn poll(&mut self) {
        let Ok(queues) = self.consumer.fetch_subscribe_queues(&self.topic).await else {
            return;
        };
        for q in queues {
            let from = *self.next.get(&q.queue_id).unwrap_or(&0);
            if let Ok(r) = self.consumer.pull(&q, "*", from, 32).await {
                self.next.insert(q.queue_id, r.next_begin_offset.max(from));
                for m in r.messages {
                    *self
                        .bodies
                        .entry(String::from_utf8_lossy(&m.body).into_owned())
                        .or_default() += 1;
                }
            }
        }
    }

    /// Polls until `cond` holds of what was seen, at most `timeout`.
    async fn until(&mut self, what: &str, timeout: Duration, cond: impl Fn(&Self) -> bool) {
        let deadline = Instant::now() + timeout;
        loop {
            self.poll().await;
            if cond(self) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; saw {:?}",
                self.bodies
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Keeps polling for `wait`, so that anything let through late is seen too.
    async fn settle(&mut self, wait: Duration) {
        let deadline = Instant::now() + wait;
        while Instant::now() < deadline {
            self.poll().await;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn exactly(&self, want: &[&str]) {
        let want: BTreeMap<String, usize> = want.iter().map(|b| (b.to_string(), 1)).collect();
        assert_eq!(
            self.bodies, want,
            "each committed message once, nothing else"
        );
    }
}

async fn wait_for_checks(listener: &ByBody, bodies: &[&str], timeout: Duration) {
    let deadline = Instant::now() + timeout;
    while !bodies
        .iter()
        .all(|b| listener.checked().iter().any(|c| c == b))
    {
        assert!(
            Instant::now() < deadline,
            "checks of {bodies:?} never came; got {:?}",
            listener.checked()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn pending_json(ns: &str, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["transaction", "pending", "-o", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&mq_ok(ns, &all)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commit_rollback_and_checked_outcomes_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(dir.path(), QUICK_CHECKS);
    create_topic(&up, "TxOrders", 2).await;
    let listener = Arc::new(ByBody::default());
    let p = tx_producer(&up.namesrv, "tx_orders_pg", listener.clone());

    for i in 0..3 {
        let state = send(&p, "TxOrders", &format!("commit-{i}")).await;
        assert_eq!(state, LocalTransactionState::CommitMessage);
        send(&p, "TxOrders", &format!("rollback-{i}")).await;
    }
    let state = send(&p, "TxOrders", "unknown-commit").await;
    assert_eq!(state, LocalTransactionState::Unknow);
    send(&p, "TxOrders", "unknown-rollback").await;

    wait_for_checks(
        &listener,
        &["unknown-commit", "unknown-rollback"],
        Duration::from_secs(20),
    )
    .await;
    let mut seen = Seen::new(&up.namesrv, "TxOrders");
    seen.until("the committed messages", Duration::from_secs(10), |s| {
        s.bodies.len() >= 4
    })
    .await;
    // Two more check rounds: a second delivery or a late rollback would show here.
    seen.settle(Duration::from_millis(2500)).await;
    seen.exactly(&["commit-0", "commit-1", "commit-2", "unknown-commit"]);
    let checked = listener.checked();
    assert!(
        checked.iter().all(|b| b.starts_with("unknown")),
        "only unknown outcomes are checked: {checked:?}"
    );
    let pending = pending_json(&up.namesrv, &["--topic", "TxOrders"]);
    assert_eq!(pending["halves"], serde_json::json!([]), "{pending}");
    p.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_producer_of_the_group_answers_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(dir.path(), QUICK_CHECKS);
    create_topic(&up, "TxHandover", 1).await;
    let first = Arc::new(ByBody::default());
    let p = tx_producer(&up.namesrv, "tx_handover_pg", first.clone());
    send(&p, "TxHandover", "unknown-commit-0").await;
    // Gone before the broker checks (transactionTimeOut is 1 s).
    p.shutdown().await;
    drop(p);

    let second = Arc::new(ByBody::default());
    let p = tx_producer(&up.namesrv, "tx_handover_pg", second.clone());
    wait_for_checks(&second, &["unknown-commit-0"], Duration::from_secs(20)).await;
    let mut seen = Seen::new(&up.namesrv, "TxHandover");
    seen.until("the checked message", Duration::from_secs(10), |s| {
        !s.bodies.is_empty()
    })
    .await;
    seen.settle(Duration::from_millis(2500)).await;
    seen.exactly(&["unknown-commit-0"]);
    assert!(first.checked().is_empty(), "the first producer had left");
    p.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_between_half_and_commit_loses_and_repeats_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(dir.path(), NO_CHECKS);
    create_topic(&up, "TxKilled", 2).await;
    let listener = Arc::new(ByBody::default());
    let p = tx_producer(&up.namesrv, "tx_killed_pg", listener.clone());
    for i in 0..5 {
        send(&p, "TxKilled", &format!("commit-{i}")).await;
        send(&p, "TxKilled", &format!("rollback-{i}")).await;
        send(&p, "TxKilled", &format!("unknown-commit-{i}")).await;
        send(&p, "TxKilled", &format!("unknown-rollback-{i}")).await;
    }
    let mut seen = Seen::new(&up.namesrv, "TxKilled");
    seen.until(
        "the commits before the kill",
        Duration::from_secs(10),
        |s| s.bodies.len() >= 5,
    )
    .await;
    let pending = pending_json(&up.namesrv, &["--group", "tx_killed_pg"]);
    assert_eq!(
        pending["halves"].as_array().unwrap().len(),
        10,
        "the unknown ones wait: {pending}"
    );
    p.shutdown().await;
    drop(p);
    drop(seen);
    drop(up); // SIGKILL, halves unsettled

    let up = up_with(dir.path(), QUICK_CHECKS);
    let listener = Arc::new(ByBody::default());
    let p = tx_producer(&up.namesrv, "tx_killed_pg", listener.clone());
    let unknown: Vec<String> = (0..5)
        .flat_map(|i| {
            [
                format!("unknown-commit-{i}"),
                format!("unknown-rollback-{i}"),
            ]
        })
        .collect();
    let unknown: Vec<&str> = unknown.iter().map(String::as_str).collect();
    wait_for_checks(&listener, &unknown, Duration::from_secs(30)).await;
    let mut seen = Seen::new(&up.namesrv, "TxKilled");
    seen.until("every commit", Duration::from_secs(10), |s| {
        s.bodies.len() >= 10
    })
    .await;
    seen.settle(Duration::from_millis(2500)).await;
    let want: Vec<String> = (0..5)
        .flat_map(|i| [format!("commit-{i}"), format!("unknown-commit-{i}")])
        .collect();
    seen.exactly(&want.iter().map(String::as_str).collect::<Vec<_>>());
    let checked = listener.checked();
    assert!(
        !checked
            .iter()
            .any(|b| b.starts_with("commit") || b.starts_with("rollback")),
        "halves settled before the kill stay settled: {checked:?}"
    );
    p.shutdown().await;
}

#[test]
fn the_cli_drives_the_whole_path_and_shows_pending_halves() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(dir.path(), QUICK_CHECKS);
    let ns = up.namesrv.as_str();
    mq_ok(
        ns,
        &[
            "topic",
            "create",
            "TxCli",
            "--read-queues",
            "1",
            "--write-queues",
            "1",
        ],
    );
    let out = mq_ok(
        ns,
        &[
            "send",
            "-t",
            "TxCli",
            "-g",
            "tx_cli_pg",
            "-b",
            "paid",
            "--transaction",
            "commit",
        ],
    );
    assert!(out.contains("COMMIT_MESSAGE"), "{out}");
    // Unknown at first: `mq send` stays up until the broker's check is answered.
    let out = mq(
        ns,
        &[
            "send",
            "-t",
            "TxCli",
            "-g",
            "tx_cli_pg",
            "-b",
            "checked",
            "--transaction",
            "unknown",
            "--check-answer",
            "commit",
            "-o",
            "json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let row: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(row["transaction"], "UNKNOW");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("answered COMMIT_MESSAGE"), "{said}");

    let got = mq_ok(
        ns,
        &[
            "consume",
            "-t",
            "TxCli",
            "-g",
            "tx_cli_cg",
            "--count",
            "2",
            "--from",
            "first",
        ],
    );
    assert!(got.contains("paid") && got.contains("checked"), "{got}");

    // A half whose check nobody can settle stays pending, and the admin shows it.
    let out = mq(
        ns,
        &[
            "send",
            "-t",
            "TxCli",
            "-g",
            "tx_cli_pg",
            "-b",
            "stuck",
            "--transaction",
            "unknown",
            "--check-answer",
            "unknown",
            "--check-wait",
            "300ms",
        ],
    );
    assert!(
        !out.status.success(),
        "not checked within 300 ms is a failure"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not checked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pending = pending_json(ns, &["--topic", "TxCli"]);
    assert_eq!(pending["summary"][0]["topic"], "TxCli", "{pending}");
    assert_eq!(pending["summary"][0]["producerGroup"], "tx_cli_pg");
    assert_eq!(pending["summary"][0]["count"], 1);
    let table = mq_ok(ns, &["transaction", "pending", "--messages"]);
    assert!(
        table.contains("TxCli") && table.contains("tx_cli_pg"),
        "{table}"
    );

    let out = mq(
        ns,
        &[
            "send",
            "-t",
            "TxCli",
            "--transaction",
            "commit",
            "--batch",
            "2",
        ],
    );
    assert!(!out.status.success(), "transactions are not batched");
}
