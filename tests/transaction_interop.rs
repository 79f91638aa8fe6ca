//! A consumer nobody here wrote (ali-ons, Node.js) against transactional messages sent with
//! `mq send --transaction`: it sees each committed message once, and never a half message, a
//! rolled-back one, or one whose check the producer answered with a rollback. ali-ons has no
//! transactional producer, so `mq`'s sends the halves.

mod support;

#[path = "support/interop.rs"]
mod interop;

use std::collections::BTreeSet;

use support::*;

/// Checks soon after a half is stored, so that the unknown outcome is settled within seconds.
const QUICK_CHECKS: &str = "transactionCheckInterval: 1000\ntransactionTimeOut: 1000\n";

fn send(ns: &str, topic: &str, body: &str, outcome: &str, check_answer: &str) {
    mq_ok(
        ns,
        &[
            "send",
            "--topic",
            topic,
            "--group",
            "tx_interop_pg",
            "--body",
            body,
            "--transaction",
            outcome,
            "--check-answer",
            check_answer,
        ],
    );
}

#[test]
fn a_plain_consumer_sees_committed_messages_only() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("broker.yaml");
    std::fs::write(&conf, QUICK_CHECKS).unwrap();
    let up = start_up(&dir.path().join("data"), &["-c", conf.to_str().unwrap()]);
    mq_ok(
        &up.namesrv,
        &[
            "topic",
            "create",
            "TxInterop",
            "--read-queues",
            "2",
            "--write-queues",
            "2",
        ],
    );

    let mut committed = BTreeSet::new();
    for i in 0..3 {
        let body = format!("commit-{i}");
        send(&up.namesrv, "TxInterop", &body, "commit", "commit");
        committed.insert(body);
    }
    for i in 0..3 {
        send(
            &up.namesrv,
            "TxInterop",
            &format!("rollback-{i}"),
            "rollback",
            "commit",
        );
    }
    // Unknown at first; `mq send` stays up until the broker's check is answered.
    send(
        &up.namesrv,
        "TxInterop",
        "checked-commit",
        "unknown",
        "commit",
    );
    committed.insert("checked-commit".to_string());
    send(
        &up.namesrv,
        "TxInterop",
        "checked-rollback",
        "unknown",
        "rollback",
    );

    // Asks for one more than were committed, so that it keeps reading for the whole wait and
    // would print anything else the broker let through.
    let want = (committed.len() + 1).to_string();
    let out = interop::run_node_script(
        "consume.js",
        &[&up.namesrv, "TxInterop", "tx_interop_cg", &want, "8000"],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let bodies: Vec<String> = lines
        .iter()
        .filter(|l| l.get("done").is_none())
        .map(|l| l["body"].as_str().unwrap().to_string())
        .collect();
    let seen: BTreeSet<String> = bodies.iter().cloned().collect();
    assert_eq!(seen, committed, "ali-ons saw {bodies:?}");
    assert_eq!(
        bodies.len(),
        committed.len(),
        "a message came twice: {bodies:?}"
    );
}
