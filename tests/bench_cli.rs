//! `mq bench` against a real `mq up`: every workload runs for about a second
//! and reports messages without errors in `-o json`, its files are written
//! in their formats, and bad options are one line and exit 2 (usage) or 1
//! (the cluster said no). Nothing here asserts a speed.

mod support;

use std::path::Path;

use support::*;

/// `mq up` with small commit log files: these runs write little, and several run at once.
fn up(dir: &Path, extra_config: &str) -> MqUp {
    let conf = dir.join("broker.yaml");
    std::fs::write(
        &conf,
        format!("mappedFileSizeCommitLog: 67108864\n{extra_config}"),
    )
    .unwrap();
    start_up(&dir.join("data"), &["-c", conf.to_str().unwrap()])
}

/// Runs `mq bench ARGS -o json -q` and returns its report.
fn bench_json(namesrv: &str, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["bench"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", "json", "-q", "--timeout", "20s"]);
    let out = mq_ok(namesrv, &all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// The report shows work done and nothing failed.
fn assert_sensible(r: &serde_json::Value, what: &str) {
    assert!(r["msgs"].as_u64().unwrap() > 0, "{what}: {r}");
    assert_eq!(r["errors"], 0, "{what}: {r}");
    assert!(r["msgsPerSec"].as_f64().unwrap() > 0.0, "{what}: {r}");
    assert!(r["elapsedSecs"].as_f64().unwrap() > 0.0, "{what}: {r}");
    let lat = &r["latencyUs"];
    assert!(lat["samples"].as_u64().unwrap() > 0, "{what}: {r}");
    let p50 = lat["p50"].as_f64().unwrap();
    let p99 = lat["p99"].as_f64().unwrap();
    let max = lat["max"].as_f64().unwrap();
    assert!(p50 > 0.0 && p50 <= p99 && p99 <= max, "{what}: {r}");
}

#[test]
fn produce_runs_in_every_mode_with_and_without_batches() {
    let dir = tempfile::tempdir().unwrap();
    let up = up(dir.path(), "");
    let pid = up.process.child.id().to_string();
    let cases: &[&[&str]] = &[
        &["--mode", "sync", "--connections", "2", "--threads", "4"],
        &[
            "--mode", "async", "--window", "16", "--keys", "--tag", "TagA",
        ],
        // Paced: oneway sends get no answer to slow them down.
        &["--mode", "oneway", "--body", "fixed", "--rate", "200"],
        &["--mode", "sync", "--batch", "8", "--size", "64"],
        &["--mode", "async", "--batch", "4", "--rate", "400"],
    ];
    for case in cases {
        let mut args = vec!["produce", "--duration", "1s", "--broker-pid", &pid];
        args.extend_from_slice(case);
        let r = bench_json(&up.namesrv, &args);
        assert_sensible(&r, &format!("{case:?}"));
        assert_eq!(r["workload"], "produce");
        assert_eq!(r["mode"], case[1]);
        let broker = &r["broker"];
        assert!(broker["rssMib"].as_f64().unwrap() > 0.0, "{r}");
        assert!(broker["cpuUsPerMsg"].as_f64().unwrap() >= 0.0, "{r}");
        if case.contains(&"--batch") {
            assert!(r["msgs"].as_u64().unwrap() >= r["requests"].as_u64().unwrap() * 4);
        }
    }
    // A count is exact: the run ends when that many messages are answered.
    let r = bench_json(
        &up.namesrv,
        &[
            "produce",
            "--count",
            "500",
            "--threads",
            "3",
            "--warmup",
            "200ms",
        ],
    );
    assert_eq!(r["msgs"], 500, "{r}");
    // The messages are in the topic.
    let out = mq_ok(
        &up.namesrv,
        &["topic", "describe", "BenchmarkTest", "-o", "json"],
    );
    let topic: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(topic["totalMessages"].as_i64().unwrap() >= 500, "{out}");
}

#[test]
fn consume_reads_the_backlog_push_and_pull_with_end_to_end_latency() {
    let dir = tempfile::tempdir().unwrap();
    let up = up(dir.path(), "");
    let r = bench_json(
        &up.namesrv,
        &[
            "produce", "--topic", "Backlog", "--count", "300", "--mode", "async",
        ],
    );
    assert_eq!(r["msgs"], 300, "{r}");
    for mode in ["push", "pull"] {
        let r = bench_json(
            &up.namesrv,
            &[
                "consume", "--topic", "Backlog", "--mode", mode, "--from", "first", "--count",
                "300",
            ],
        );
        assert_sensible(&r, mode);
        assert_eq!(r["msgs"], 300, "{mode}: {r}");
        assert_eq!(r["workload"], "consume");
        assert_eq!(r["latencyOf"], "end-to-end");
        // Every message carried its send time.
        assert_eq!(r["latencyUs"]["samples"], 300, "{mode}: {r}");
        assert_eq!(r["size"], 128, "{mode}: {r}");
    }
    // From the last offset with nothing sent: a second of nothing, and no failure.
    let r = bench_json(
        &up.namesrv,
        &[
            "consume",
            "--topic",
            "Backlog",
            "--mode",
            "pull",
            "--duration",
            "1s",
        ],
    );
    assert_eq!(
        (r["msgs"].as_u64(), r["errors"].as_u64()),
        (Some(0), Some(0)),
        "{r}"
    );
}

#[test]
fn e2e_and_rpc_run_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let up = up(dir.path(), "");
    let r = bench_json(
        &up.namesrv,
        &["e2e", "--rate", "200", "--duration", "2s", "--topic", "E2e"],
    );
    assert_sensible(&r, "e2e");
    assert_eq!(r["workload"], "e2e");
    assert_eq!(r["latencyOf"], "end-to-end");
    assert!(
        r["sent"].as_u64().unwrap() >= r["msgs"].as_u64().unwrap(),
        "{r}"
    );

    for mode in ["sync", "async", "oneway"] {
        let mut args = vec![
            "rpc",
            "--duration",
            "1s",
            "--connections",
            "2",
            "--threads",
            "4",
        ];
        args.extend_from_slice(&["--mode", mode]);
        if mode == "oneway" {
            args.extend_from_slice(&["--rate", "1000"]);
        }
        let r = bench_json(&up.namesrv, &args);
        assert_sensible(&r, mode);
        assert_eq!(r["workload"], "rpc");
    }
    // Straight at a broker, by address.
    let r = bench_json(
        &up.namesrv,
        &["rpc", "--count", "100", "--broker", &up.broker],
    );
    assert_eq!(r["msgs"], 100, "{r}");
}

#[test]
fn the_table_the_csv_and_the_histogram_file() {
    let dir = tempfile::tempdir().unwrap();
    let up = up(dir.path(), "");
    let csv = dir.path().join("series.csv");
    let hgrm = dir.path().join("latency.hgrm");
    let out = mq(
        &up.namesrv,
        &[
            "bench",
            "produce",
            "--duration",
            "2s",
            "--csv",
            csv.to_str().unwrap(),
            "--histogram",
            hgrm.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    for figure in [
        "msgs/s",
        "MB/s",
        "errors",
        "request latency p99.9",
        "client CPU",
    ] {
        assert!(table.contains(figure), "{figure}: {table}");
    }
    // The chart: one bar per percentile under the table.
    assert_eq!(
        table.lines().filter(|l| l.contains('█')).count(),
        6,
        "{table}"
    );
    // Progress lines on stderr, one a second (plain: stderr is not a terminal).
    let progress = String::from_utf8(out.stderr).unwrap();
    assert!(
        progress.lines().filter(|l| l.contains("msgs/s")).count() >= 1,
        "{progress}"
    );

    let series = std::fs::read_to_string(&csv).unwrap();
    let mut lines = series.lines();
    assert_eq!(
        lines.next(),
        Some("second,msgs,msgs_per_sec,mb_per_sec,errors,p50_us,p99_us,max_us")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r.len() == 8),
        "{series}"
    );

    let h = std::fs::read_to_string(&hgrm).unwrap();
    assert!(h.starts_with("       Value     Percentile TotalCount 1/(1-Percentile)\n\n"));
    assert!(h.contains("#[Mean    ="), "{h}");
    assert!(h.contains("#[Buckets ="), "{h}");
}

#[test]
fn bad_options_are_one_line_and_a_usage_or_runtime_exit() {
    let dir = tempfile::tempdir().unwrap();
    let up = up(dir.path(), "autoCreateTopicEnable: false\n");
    let one_line = |args: &[&str], code: i32, says: &str| {
        let mut all = vec!["bench"];
        all.extend_from_slice(args);
        let out = mq(&up.namesrv, &all);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    };
    one_line(&["produce", "--connections", "0"], 2, "--connections");
    one_line(&["produce", "--size", "4194305"], 2, "maxMessageSize");
    one_line(
        &["produce", "--broker-pid", "4294967295"],
        2,
        "--broker-pid",
    );
    one_line(
        &["produce", "--topic", "NoSuchTopic", "--duration", "1s"],
        1,
        "autoCreateTopicEnable",
    );
    one_line(
        &["e2e", "--topic", "NoSuchTopic", "--duration", "1s"],
        1,
        "autoCreateTopicEnable",
    );
    one_line(
        &["consume", "--topic", "NoSuchTopic", "--duration", "1s"],
        1,
        "does not exist",
    );
    one_line(&["rpc", "--threads", "0"], 2, "--threads");
    one_line(
        &["rpc", "--broker", "127.0.0.1:1", "--duration", "1s"],
        1,
        "127.0.0.1:1",
    );
    one_line(&["consume", "--count", "0"], 2, "--count");
}
