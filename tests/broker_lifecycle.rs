//! The broker's lifecycle and bounded work, on a real `mq up` over real TCP:
//! a graceful stop under a send load answers or refuses every request and
//! leaves a store that reopens clean; a saturated request class gets
//! SYSTEM_BUSY while other classes are served; parked long polls are
//! answered at shutdown.

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mq::protocol::message::build_properties;
use mq::remoting::code::{request, response};
use mq::remoting::{RemotingClient, RemotingCommand, RemotingError};
use mq::store::message::decode_message;
use mq::store::{GetMessageStatus, MessageStore, StoreConfig};
use support::*;

const TOPIC: &str = "LifecycleTopic";
const QUEUES: i32 = 4;
const COMMIT_LOG_FILE: usize = 64 * 1024 * 1024;

fn send_request(queue_id: i32, body: &str) -> RemotingCommand {
    let props = build_properties([("WAIT", "true")]);
    support::send_request(TOPIC, queue_id, body.as_bytes(), props)
}

/// A pull of `queue_id` from offset 0 that parks up to `suspend` when the
/// queue is empty (PullSysFlag SUSPEND | SUBSCRIPTION).
fn pull_request(queue_id: i32, suspend: Option<Duration>) -> RemotingCommand {
    let suspend_flag = if suspend.is_some() { 0x2 } else { 0 };
    let suspend = suspend.unwrap_or_default();
    let sys_flag = suspend_flag | 0x4;
    support::pull_request(
        "lifecycle_group",
        TOPIC,
        queue_id,
        0,
        sys_flag,
        "*",
        suspend,
    )
}

/// `mq up` in `dir` with extra broker config lines.
fn start(dir: &Path, config: &str) -> MqUp {
    let path = dir.join("lifecycle-broker.yaml");
    std::fs::write(
        &path,
        format!("mappedFileSizeCommitLog: {COMMIT_LOG_FILE}\n{config}"),
    )
    .unwrap();
    start_up(&dir.join("data"), &["-c", path.to_str().unwrap()])
}

/// Every message body in the broker's store, and whether it opened clean.
fn stored_bodies(dir: &Path) -> (BTreeSet<String>, mq::store::RecoveryReport) {
    let store = MessageStore::open(StoreConfig {
        store_path_root_dir: dir.join("data").join("broker"),
        mapped_file_size_commit_log: COMMIT_LOG_FILE,
        ..StoreConfig::default()
    })
    .unwrap();
    let mut bodies = BTreeSet::new();
    for q in 0..QUEUES {
        let mut offset = 0;
        loop {
            let got = store.get_message(TOPIC, q, offset, 1000, usize::MAX);
            if got.status != GetMessageStatus::Found {
                break;
            }
            for m in &got.messages {
                let body = decode_message(m).unwrap().body;
                bodies.insert(String::from_utf8(body.to_vec()).unwrap());
            }
            offset = got.next_begin_offset;
        }
    }
    (bodies, store.recovery_report().clone())
}

#[derive(Debug)]
enum Outcome {
    Answered(i32),
    Failed(RemotingError),
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_graceful_stop_under_send_load_answers_every_request_and_reopens_clean() {
    let dir = tempfile::tempdir().unwrap();
    let up = start(dir.path(), "flushDiskType: SYNC_FLUSH\n");
    create_topic(&up, TOPIC, QUEUES).await;

    // Four connections with eight senders each, pipelining on the connection.
    let outcomes: Arc<Mutex<Vec<(String, Outcome)>>> = Arc::default();
    let mut senders = Vec::new();
    for c in 0..4 {
        let client = RemotingClient::new();
        for s in 0..8 {
            let (client, outcomes, addr) = (client.clone(), outcomes.clone(), up.broker.clone());
            senders.push(tokio::spawn(async move {
                for seq in 0.. {
                    let body = format!("c{c}-s{s}-{seq}");
                    let r = client
                        .invoke(&addr, send_request(s % QUEUES, &body), TIMEOUT * 2)
                        .await;
                    let outcome = match r {
                        Ok(r) => Outcome::Answered(r.code),
                        Err(e) => Outcome::Failed(e),
                    };
                    let go_on = matches!(outcome, Outcome::Answered(response::SUCCESS));
                    outcomes.lock().unwrap().push((body, outcome));
                    if !go_on {
                        break;
                    }
                }
            }));
        }
    }
    let answered_ok = |o: &Mutex<Vec<(String, Outcome)>>| {
        o.lock()
            .unwrap()
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::Answered(response::SUCCESS)))
            .count()
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while answered_ok(&outcomes) < 2000 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the load never got going"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let status = tokio::task::spawn_blocking(move || up.process.terminate())
        .await
        .unwrap();
    assert!(status.success(), "mq up exited with {status}");
    for s in senders {
        s.await.unwrap();
    }

    let outcomes = std::mem::take(&mut *outcomes.lock().unwrap());
    let mut ok = BTreeSet::new();
    for (body, outcome) in &outcomes {
        match outcome {
            Outcome::Answered(response::SUCCESS) => {
                ok.insert(body.clone());
            }
            // Refused: read after the shutdown began, or its class was full.
            Outcome::Answered(response::SERVICE_NOT_AVAILABLE | response::SYSTEM_BUSY) => {}
            // Sent on a connection the broker had closed, or to a closed port.
            Outcome::Failed(RemotingError::ConnectionClosed(_) | RemotingError::Connect { .. }) => {
            }
            other => panic!("{body}: neither answered nor cut off by a close: {other:?}"),
        }
    }
    eprintln!(
        "{} requests, {} SEND_OK, the rest refused or cut off by a close",
        outcomes.len(),
        ok.len()
    );
    let (stored, report) = stored_bodies(dir.path());
    assert!(
        !report.abnormal,
        "the broker stopped without a clean store shutdown"
    );
    assert_eq!(report.truncated_reason, None);
    let lost: Vec<_> = ok.difference(&stored).collect();
    assert!(lost.is_empty(), "answered SEND_OK but not stored: {lost:?}");
    // A stored message whose answer never came was cut off between append and response.
    let unanswered: Vec<_> = stored.difference(&ok).collect();
    assert!(
        unanswered.is_empty(),
        "stored but never answered SEND_OK: {unanswered:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parked_pulls_fill_only_the_pull_class_and_are_answered_at_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let up = start(dir.path(), "pullThreadPoolQueueCapacity: 4\n");
    create_topic(&up, TOPIC, QUEUES).await;
    let client = RemotingClient::new();
    // Longer than the test may take: only a wake-up answers them early.
    let suspend = Duration::from_secs(120);

    let parked: Vec<_> = (0..4)
        .map(|q| {
            let (client, addr) = (client.clone(), up.broker.clone());
            tokio::spawn(async move {
                loop {
                    let r = client
                        .invoke(&addr, pull_request(q, Some(suspend)), suspend * 2)
                        .await;
                    // Refused while a probe below held the class's last place: park again.
                    match r {
                        Ok(r) if r.code == response::SYSTEM_BUSY => {
                            tokio::time::sleep(Duration::from_millis(20)).await
                        }
                        r => return r,
                    }
                }
            })
        })
        .collect();

    // Once the four are parked, a fifth pull is refused at once.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let busy = loop {
        let r = client
            .invoke(&up.broker, pull_request(0, None), TIMEOUT)
            .await
            .unwrap();
        if r.code == response::SYSTEM_BUSY {
            break r;
        }
        assert_eq!(r.code, response::PULL_NOT_FOUND, "{:?}", r.remark);
        assert!(
            tokio::time::Instant::now() < deadline,
            "four parked pulls never filled the pull class"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(
        busy.remark.as_deref(),
        Some("[OVERLOAD]system busy, start flow control for a while")
    );

    // Other classes are served: a send, and an admin request.
    let sent = client
        .invoke(&up.broker, send_request(QUEUES - 1, "hello"), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(sent.code, response::SUCCESS, "{:?}", sent.remark);
    let max_offset = RemotingCommand::request(request::GET_MAX_OFFSET)
        .with_ext("topic", TOPIC)
        .with_ext("queueId", 0);
    let r = client
        .invoke(&up.broker, max_offset, TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);

    // The send woke the pull parked on its queue, and it found the message.
    let mut parked = parked;
    let woken = parked.pop().unwrap().await.unwrap().unwrap();
    assert_eq!(woken.code, response::SUCCESS, "{:?}", woken.remark);

    // At shutdown the other parked pulls are answered at once, long before
    // their suspend time and before the drain would give up on them and
    // close the connection.
    let status = tokio::task::spawn_blocking(move || up.process.terminate())
        .await
        .unwrap();
    assert!(status.success(), "mq up exited with {status}");
    for task in parked {
        let r = task
            .await
            .unwrap()
            .expect("a parked pull was cut off at shutdown");
        assert_eq!(r.code, response::PULL_NOT_FOUND, "{:?}", r.remark);
    }
}
