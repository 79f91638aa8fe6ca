//! `mq send` and `mq consume` against a real `mq up`: the quickstart, every
//! send mode with and without batches, tags, keys and properties, standard
//! input, committed offsets across runs, broadcasting, a closed stdout, and
//! errors.

mod support;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use support::*;

fn json_lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn bodies(out: &str) -> BTreeSet<String> {
    out.lines().map(str::to_string).collect()
}

#[test]
fn quickstart_send_1000_then_consume_1000() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let out = mq_ok(
        &up.namesrv,
        &[
            "send",
            "--topic",
            "TopicTest",
            "--tag",
            "TagA",
            "--count",
            "1000",
        ],
    );
    assert!(out.contains("sent 1000 messages, failed 0"), "{out}");
    let out = mq_ok(
        &up.namesrv,
        &["consume", "--topic", "TopicTest", "--count", "1000"],
    );
    let got = bodies(&out);
    assert_eq!(out.lines().count(), 1000);
    assert_eq!(got.len(), 1000);
    assert!(got.contains("Hello RocketMQ 0") && got.contains("Hello RocketMQ 999"));
}

#[test]
fn every_send_mode_with_and_without_batches() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let cases: &[&[&str]] = &[
        &["--mode", "sync"],
        &["--mode", "async"],
        &["--mode", "oneway"],
        &["--mode", "sync", "--batch", "7"],
        &["--mode", "async", "--batch", "7"],
        &["--mode", "oneway", "--batch", "7"],
    ];
    for (i, extra) in cases.iter().enumerate() {
        let topic = format!("Modes{i}");
        let mut args = vec!["send", "--topic", &topic, "--count", "50", "-o", "json"];
        args.extend_from_slice(extra);
        let out = mq_ok(&up.namesrv, &args);
        let rows = json_lines(&out);
        assert_eq!(rows.len(), 50, "{extra:?}");
        let ids: BTreeSet<_> = rows.iter().map(|r| r["msgId"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), 50, "{extra:?}: message ids are unique");
        let oneway = extra.contains(&"oneway");
        for r in &rows {
            let status = if oneway { "ONEWAY" } else { "SEND_OK" };
            assert_eq!(r["status"], status, "{extra:?}");
        }
        let out = mq_ok(
            &up.namesrv,
            &["consume", "--topic", &topic, "--count", "50", "-o", "json"],
        );
        let msgs = json_lines(&out);
        let got: BTreeSet<_> = msgs.iter().map(|m| m["msgId"].as_str().unwrap()).collect();
        assert_eq!(
            got, ids,
            "{extra:?}: every message arrives once, with its id"
        );
    }
}

#[test]
fn tags_keys_and_properties_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let ns = &up.namesrv;
    for (tag, n) in [("TagA", "3"), ("TagB", "2"), ("TagC", "4")] {
        mq_ok(
            ns,
            &[
                "send",
                "--topic",
                "Tags",
                "--tag",
                tag,
                "--count",
                n,
                "--keys",
                "k1 k2",
                "-p",
                "color=red",
                "-p",
                "size=9",
                "--body",
                tag,
            ],
        );
    }
    let out = mq_ok(
        ns,
        &[
            "consume",
            "--topic",
            "Tags",
            "--tag",
            "TagA || TagC",
            "--count",
            "7",
            "-o",
            "json",
        ],
    );
    let msgs = json_lines(&out);
    assert_eq!(msgs.len(), 7);
    for m in &msgs {
        let tag = m["tags"].as_str().unwrap();
        assert!(tag == "TagA" || tag == "TagC", "{m}");
        assert_eq!(m["body"], tag);
        assert_eq!(m["keys"], "k1 k2");
        assert_eq!(m["properties"]["color"], "red");
        assert_eq!(m["properties"]["size"], "9");
        assert_eq!(m["topic"], "Tags");
        assert!(m["storeTimestamp"].as_i64().unwrap() > 0);
    }
    // Nothing else matches: a TagB-only consumer gets exactly the two TagB messages.
    let out = mq_ok(
        ns,
        &[
            "consume",
            "--topic",
            "Tags",
            "--tag",
            "TagB",
            "--idle-exit",
            "3",
            "--format",
            "{tags}:{body}:{prop:color}",
        ],
    );
    assert_eq!(out, "TagB:TagB:red\nTagB:TagB:red\n");
}

#[test]
fn standard_input_one_message_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let mut child = Command::new(mq_bin())
        .args(["send", "--topic", "Lines", "-o", "json"])
        .env("NAMESRV_ADDR", &up.namesrv)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"one\ntwo\nthree\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_lines(&String::from_utf8(out.stdout).unwrap()).len(), 3);
    let out = mq_ok(
        &up.namesrv,
        &["consume", "--topic", "Lines", "--count", "3"],
    );
    assert_eq!(
        bodies(&out),
        ["one", "three", "two"].map(String::from).into()
    );
}

#[test]
fn a_restarted_consumer_resumes_where_it_committed() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let ns = &up.namesrv;
    mq_ok(ns, &["send", "--topic", "Resume", "--count", "40"]);
    let first = mq_ok(
        ns,
        &[
            "consume", "--topic", "Resume", "--group", "g1", "--count", "15",
        ],
    );
    let second = mq_ok(
        ns,
        &[
            "consume", "--topic", "Resume", "--group", "g1", "--count", "25",
        ],
    );
    let (a, b) = (bodies(&first), bodies(&second));
    assert_eq!(a.len(), 15);
    assert_eq!(b.len(), 25);
    assert!(a.is_disjoint(&b), "nothing is consumed twice");
    let third = mq_ok(
        ns,
        &[
            "consume",
            "--topic",
            "Resume",
            "--group",
            "g1",
            "--idle-exit",
            "2",
        ],
    );
    assert_eq!(third, "", "everything was committed");
    // New messages go to the group where it left off.
    mq_ok(ns, &["send", "--topic", "Resume", "--body", "later"]);
    let fourth = mq_ok(
        ns,
        &[
            "consume", "--topic", "Resume", "--group", "g1", "--count", "1",
        ],
    );
    assert_eq!(fourth, "later\n");
}

#[test]
fn broadcast_consumers_each_get_every_message() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    mq_ok(&up.namesrv, &["send", "--topic", "Bcast", "--count", "30"]);
    let spawn = || {
        Command::new(mq_bin())
            .args([
                "consume",
                "--topic",
                "Bcast",
                "--group",
                "bg",
                "--broadcast",
                "--count",
                "30",
            ])
            .env("NAMESRV_ADDR", &up.namesrv)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(bodies(&String::from_utf8(out.stdout).unwrap()).len(), 30);
    }
}

#[test]
fn a_closed_stdout_ends_consume_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    mq_ok(&up.namesrv, &["send", "--topic", "Head", "--count", "500"]);
    let mut child = Command::new(mq_bin())
        .args(["consume", "--topic", "Head"])
        .env("NAMESRV_ADDR", &up.namesrv)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines.next().unwrap().unwrap().starts_with("Hello RocketMQ"));
    drop(lines);
    // All 500 lines may already sit in the pipe's buffer: messages that come after the close
    // make consume write again, so that it sees the closed pipe.
    mq_ok(&up.namesrv, &["send", "--topic", "Head", "--count", "10"]);
    let mut process = MqProcess {
        child,
        addr: String::new(),
    };
    let mut status = None;
    wait_until("consume to exit", Duration::from_secs(30), || {
        status = process.child.try_wait().unwrap();
        status.is_some()
    });
    assert!(status.unwrap().success());
}

#[test]
fn failures_exit_1_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let out = mq(
        &up.namesrv,
        &["send", "--topic", "bad topic!", "--body", "x"],
    );
    assert_eq!(out.status.code(), Some(2));
    let dead = format!("127.0.0.1:{}", free_port());
    let out = mq(
        &dead,
        &["send", "--topic", "T", "--body", "x", "--timeout", "1s"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: 1 of 1 messages failed"), "{err}");
    let out = mq(
        &up.namesrv,
        &["consume", "--topic", "T", "--format", "{nope}"],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_sync_flush_broker_keeps_every_acknowledged_message_through_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("broker.yaml");
    // 3 MiB commit log files: 8,000 messages of 1 KB roll over two files and cross several
    // of the write-behind memory's remap stretches.
    std::fs::write(
        &conf,
        "flushDiskType: SYNC_FLUSH\nmappedFileSizeCommitLog: 3145728\n",
    )
    .unwrap();
    let data = dir.path().join("data");
    let body = "s".repeat(1000);
    let args = ["-c", conf.to_str().unwrap()];
    let up = start_up(&data, &args);
    let out = mq_ok(
        &up.namesrv,
        &[
            "send", "--topic", "Durable", "--count", "8000", "--mode", "async", "--body", &body,
        ],
    );
    assert!(out.contains("sent 8000 messages, failed 0"), "{out}");
    drop(up); // SIGKILL: every acknowledged message was synced before its answer
    let up = start_up(&data, &args);
    let out = mq_ok(
        &up.namesrv,
        &[
            "consume",
            "--topic",
            "Durable",
            "--group",
            "after-kill",
            "--from",
            "first",
            "--count",
            "8000",
            "--idle-exit",
            "10",
        ],
    );
    assert_eq!(out.lines().count(), 8000);
    assert!(out.lines().all(|l| l == body));
    let files = std::fs::read_dir(data.join("broker").join("commitlog")).unwrap();
    assert!(files.count() >= 3, "the commit log rolled over");
}
