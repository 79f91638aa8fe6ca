//! Timer messages end to end against real `mq up` processes: `mq send --delay` /
//! `--deliver-at` and RocketMQ 5's TIMER_* properties are delivered at their second (never
//! before, within 1.5 s after) as a consumer sees them, bad values are refused with
//! MESSAGE_ILLEGAL, and pending timer messages survive a clean restart (none twice) and a
//! kill -9 (none lost).

mod support;

#[path = "support/interop.rs"]
mod interop;

use std::collections::HashMap;
use std::time::Duration;

use mq::protocol::message::build_properties;
use mq::remoting::RemotingClient;
use mq::remoting::code::response;
use support::*;

/// What `mq consume --format` prints per message, parsed.
#[derive(Debug)]
struct Seen {
    store_ts: i64,
    msg_id: String,
    body: String,
    properties: String,
}

const FORMAT: &str = "{storeTimestamp}\t{msgId}\t{body}\t{properties}";

/// Consumes `topic` from the first offset in a fresh group until nothing came for `idle`
/// seconds (call once the timer has delivered everything, see `pending`), and returns what
/// came: at least `count` messages.
fn consume(namesrv: &str, topic: &str, count: usize, idle: &str) -> Vec<Seen> {
    let out = mq_ok(
        namesrv,
        &[
            "consume",
            "--topic",
            topic,
            "--format",
            FORMAT,
            "--idle-exit",
            idle,
            "--timeout",
            "3s",
        ],
    );
    let seen: Vec<Seen> = out
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.splitn(4, '\t').collect();
            Seen {
                store_ts: f[0].parse().unwrap_or_else(|_| panic!("bad line {l:?}")),
                msg_id: f[1].to_string(),
                body: f[2].to_string(),
                properties: f.get(3).unwrap_or(&"").to_string(),
            }
        })
        .collect();
    assert!(
        seen.len() >= count,
        "expected {count} messages, got {seen:?}"
    );
    seen
}

/// Sends with `mq send -o json` and returns the message ids.
fn send(namesrv: &str, args: &[&str]) -> Vec<String> {
    let mut all = vec!["send", "-o", "json"];
    all.extend_from_slice(args);
    mq_ok(namesrv, &all)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["status"], "SEND_OK", "{l}");
            v["msgId"].as_str().unwrap().to_string()
        })
        .collect()
}

fn now() -> i64 {
    mq::util::now_millis()
}

fn ready_topic(up: &MqUp, topic: &str) {
    mq_ok(
        &up.namesrv,
        &[
            "topic",
            "create",
            topic,
            "--read-queues",
            "4",
            "--write-queues",
            "4",
        ],
    );
}

#[test]
fn delay_deliver_at_and_past_times_arrive_at_their_second() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let topic = "TimerTopic";
    ready_topic(&up, topic);

    let before = now();
    let past = send(
        &up.namesrv,
        &[
            "--topic",
            topic,
            "--body",
            "past",
            "-p",
            "TIMER_DELIVER_MS=1000",
        ],
    );
    let delayed = send(
        &up.namesrv,
        &[
            "--topic", topic, "--body", "delay", "--tag", "T", "--keys", "k1", "--delay", "3s",
        ],
    );
    let after = now();
    // A whole second at least 4 s ahead, as RFC 3339.
    let at_ms = (after / 1000 + 5) * 1000;
    let at = humantime::format_rfc3339_seconds(
        std::time::UNIX_EPOCH + Duration::from_millis(at_ms as u64),
    )
    .to_string();
    let absolute = send(
        &up.namesrv,
        &["--topic", topic, "--body", "at", "--deliver-at", &at],
    );

    wait_until("the timer to index them", Duration::from_secs(5), || {
        pending(&up) == 2
    });
    wait_until("the timer to deliver", Duration::from_secs(15), || {
        pending(&up) == 0
    });
    let seen = consume(&up.namesrv, topic, 3, "2");
    assert_eq!(seen.len(), 3, "each once: {seen:?}");
    let by_body: HashMap<&str, &Seen> = seen.iter().map(|s| (s.body.as_str(), s)).collect();

    let p = by_body["past"];
    assert_eq!(p.msg_id, past[0], "the producer's message id stays");
    assert!(
        p.store_ts < after + 1000,
        "a past time is delivered at once: {p:?}"
    );

    let d = by_body["delay"];
    assert_eq!(d.msg_id, delayed[0]);
    assert!(
        d.store_ts >= before + 3000,
        "not before its time: {d:?} sent at {before}"
    );
    assert!(
        d.store_ts <= after + 3000 + 1500,
        "within 1.5 s: {d:?} sent by {after}"
    );
    assert!(d.properties.contains("TAGS=T"), "{d:?}");
    assert!(d.properties.contains("KEYS=k1"), "{d:?}");
    for gone in ["REAL_TOPIC", "REAL_QID", "TIMER_OUT_MS", "TIMER_DELAY_SEC"] {
        assert!(!d.properties.contains(gone), "{gone} is removed: {d:?}");
    }

    let a = by_body["at"];
    assert_eq!(a.msg_id, absolute[0]);
    assert!(a.store_ts >= at_ms, "not before {at}: {a:?}");
    assert!(a.store_ts <= at_ms + 1500, "within 1.5 s of {at}: {a:?}");

    // The producer's id finds the delivered message in its topic.
    let shown = mq_ok(
        &up.namesrv,
        &["message", "get", "--topic", topic, &delayed[0]],
    );
    assert!(shown.contains("delay"), "{shown}");
}

#[test]
fn bad_timer_properties_are_refused_with_message_illegal() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let client = RemotingClient::new();
    let far = (now() + 4 * 24 * 3600 * 1000).to_string();
    rt.block_on(async {
        for (k, v, why) in [
            ("TIMER_DELIVER_MS", "tomorrow", "not a number"),
            ("TIMER_DELAY_SEC", "259201", "max delay"),
            ("TIMER_DELIVER_MS", far.as_str(), "max delay"),
            ("__STARTDELIVERTIME", "x", "not a number"),
        ] {
            let props = build_properties([("TAGS", "a"), (k, v)]);
            let r = client
                .invoke(&up.broker, send_request("Refused", 0, b"x", props), TIMEOUT)
                .await
                .unwrap();
            assert_eq!(r.code, response::MESSAGE_ILLEGAL, "{k}={v}: {:?}", r.remark);
            let remark = r.remark.unwrap_or_default();
            assert!(remark.contains(why), "{k}={v}: {remark}");
        }
    });
    // The timer holds none of the refused sends.
    wait_until("the timer to report", Duration::from_secs(5), || {
        pending(&up) >= 0
    });
    assert_eq!(pending(&up), 0);
    // A batch may not carry timer properties (RocketMQ 5 only reroutes single messages).
    let out = mq(
        &up.namesrv,
        &[
            "send",
            "--topic",
            "Refused",
            "--count",
            "2",
            "--batch",
            "2",
            "-p",
            "TIMER_DELAY_SEC=5",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("batch cannot carry timer properties"), "{err}");
    let out = mq(
        &up.namesrv,
        &["send", "--topic", "Refused", "--body", "x", "--delay", "4d"],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("max delay"), "{err}");
}

/// Sends `n` messages due in `delay` with bodies `<prefix><i>`; returns their ids and due time
/// (the earliest it may be delivered).
fn send_pending(up: &MqUp, topic: &str, prefix: &str, n: usize, delay: &str) -> (Vec<String>, i64) {
    let before = now();
    let ids: Vec<String> = (0..n)
        .flat_map(|i| {
            send(
                &up.namesrv,
                &[
                    "--topic",
                    topic,
                    "--body",
                    &format!("{prefix}{i}"),
                    "--delay",
                    delay,
                ],
            )
        })
        .collect();
    let secs: i64 = delay.trim_end_matches('s').parse().unwrap();
    (ids, before + secs * 1000)
}

/// The broker's timerPendingMessages; -1 while it does not report it (its timer service has
/// not taken its first step yet).
fn pending(up: &MqUp) -> i64 {
    let out = mq_ok(&up.namesrv, &["broker", "status", "-o", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = v.to_string();
    // Wherever the key sits in the row, its value follows it.
    let Some(at) = text.find("timerPendingMessages") else {
        return -1;
    };
    text[at..]
        .split('"')
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(-1)
}

/// Restarts with pending timer messages, some due while the broker is down, and checks what a
/// consumer sees: every one, none before its time; `once` also checks none came twice.
fn restart_with_pending(kill: bool) {
    let dir = tempfile::tempdir().unwrap();
    let topic = "TimerRestart";
    let up = start_up(dir.path(), &[]);
    ready_topic(&up, topic);
    let (early_ids, early_due) = send_pending(&up, topic, "early", 10, "2s");
    let (late_ids, late_due) = send_pending(&up, topic, "late", 10, "8s");
    // On a loaded machine the early ones may come due (and go) before the late ones are
    // indexed: then the restart has fewer pending, which the checks below still cover.
    wait_until("the timer to index them", Duration::from_secs(10), || {
        pending(&up) == 20 || now() > early_due
    });
    if kill {
        drop(up); // SIGKILL
    } else {
        assert!(up.process.terminate().success());
    }
    // Down while the early ones come due.
    wait_until("the early ones to be due", Duration::from_secs(10), || {
        now() > early_due + 1000
    });
    let up = start_up(dir.path(), &[]);
    wait_until("the timer to deliver", Duration::from_secs(20), || {
        pending(&up) == 0
    });
    let seen = consume(&up.namesrv, topic, 20, "2");
    let mut count: HashMap<&str, usize> = HashMap::new();
    for s in &seen {
        *count.entry(s.msg_id.as_str()).or_default() += 1;
        let due = if s.body.starts_with("early") {
            early_due
        } else {
            late_due
        };
        assert!(s.store_ts >= due, "none early: {s:?} due {due}");
    }
    for id in early_ids.iter().chain(&late_ids) {
        let n = count.get(id.as_str()).copied().unwrap_or(0);
        assert!(
            n >= 1,
            "{id} lost after {}",
            if kill { "kill -9" } else { "a restart" }
        );
        if !kill {
            assert_eq!(n, 1, "{id} delivered twice after a clean restart");
        }
    }
    assert_eq!(count.len(), 20, "{seen:?}");
    if !kill {
        assert_eq!(seen.len(), 20);
    }
}

#[test]
fn a_clean_restart_delivers_pending_timer_messages_once() {
    restart_with_pending(false);
}

#[test]
fn kill_9_loses_no_pending_timer_message() {
    restart_with_pending(true);
}

#[test]
fn ali_ons_start_deliver_time_is_delivered_at_that_time() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let topic = "TimerAliOns";
    ready_topic(&up, topic);
    interop::ensure_ali_ons_installed();
    // A whole second far enough ahead for the Node.js producer to start and send.
    let at_ms = (now() / 1000 + 8) * 1000;
    let sent = interop::run_node_json(
        "produce_timed.js",
        &[&up.namesrv, topic, "5", &at_ms.to_string()],
        &[],
    );
    assert_eq!(sent["sent"], 5, "{sent}");
    assert_eq!(sent["failed"], 0, "{sent}");
    assert!(
        now() < at_ms,
        "the producer took too long to test 'not before'"
    );
    wait_until("the timer to index them", Duration::from_secs(5), || {
        pending(&up) == 5
    });
    wait_until("the timer to deliver", Duration::from_secs(15), || {
        pending(&up) == 0
    });
    let seen = consume(&up.namesrv, topic, 5, "2");
    assert_eq!(seen.len(), 5, "{seen:?}");
    // ali-ons sets no UNIQ_KEY: its message id is the offset id of the stored timer message,
    // and the delivered copy has its own offset (as with RocketMQ 5), so match by body.
    let mut bodies: Vec<&str> = seen.iter().map(|s| s.body.as_str()).collect();
    bodies.sort();
    assert_eq!(
        bodies,
        ["timed 0", "timed 1", "timed 2", "timed 3", "timed 4"]
    );
    for s in &seen {
        assert!(
            s.store_ts >= at_ms,
            "not before __STARTDELIVERTIME {at_ms}: {s:?}"
        );
        assert!(s.store_ts <= at_ms + 1500, "within 1.5 s of {at_ms}: {s:?}");
        assert!(!s.properties.contains("__STARTDELIVERTIME"), "{s:?}");
    }
}
