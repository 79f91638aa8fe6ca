//! `mq top` against a real `mq up`: `--once -o json` with a producer and a
//! consumer running, and the full-screen app driven in a pseudo-terminal
//! (keys in, screen read through a terminal emulator, `q` leaves the
//! terminal in its normal mode).

mod support;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use support::*;

/// A long-running `mq` client process, killed on drop.
fn spawn_mq(namesrv: &str, args: &[&str]) -> MqProcess {
    let child = Command::new(mq_bin())
        .args(args)
        .env("NAMESRV_ADDR", namesrv)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    MqProcess {
        child,
        addr: namesrv.to_string(),
    }
}

fn once_json(namesrv: &str) -> serde_json::Value {
    let out = mq_ok(
        namesrv,
        &["top", "--once", "-o", "json", "--interval", "1s"],
    );
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn find<'a>(list: &'a serde_json::Value, key: &str, name: &str) -> Option<&'a serde_json::Value> {
    list.as_array()?.iter().find(|v| v[key] == name)
}

#[test]
fn once_json_reports_put_tps_and_lag_with_a_producer_and_consumer_running() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    mq_ok(
        &up.namesrv,
        &["send", "--topic", "TopLive", "--count", "10"],
    );
    let _producer = spawn_mq(
        &up.namesrv,
        &[
            "send",
            "--topic",
            "TopLive",
            "--count",
            "100000000",
            "--mode",
            "sync",
        ],
    );
    let _consumer = spawn_mq(
        &up.namesrv,
        &["consume", "--topic", "TopLive", "--group", "toplive"],
    );
    let mut last = serde_json::Value::Null;
    wait_until(
        "put TPS and the group's lag in mq top --once",
        Duration::from_secs(60),
        || {
            last = once_json(&up.namesrv);
            let topic = find(&last["topics"], "topic", "TopLive");
            let group = find(&last["groups"], "group", "toplive");
            topic.is_some_and(|t| t["putTps"].as_f64().is_some_and(|v| v > 0.0))
                && group.is_some_and(|g| g["lag"].is_i64() && g["consumeTps"].is_f64())
        },
    );
    let topic = find(&last["topics"], "topic", "TopLive").unwrap();
    assert_eq!(topic["groups"], serde_json::json!(["toplive"]));
    assert!(topic["messages"].as_i64().unwrap() > 10);
    let broker = &last["brokers"][0];
    assert_eq!(broker["role"], "master");
    assert_eq!(broker["up"], true);
    assert!(last["tpsWindowMs"].as_i64().unwrap() >= 1000);
    assert!(
        find(&last["topics"], "topic", "TBW102").is_none(),
        "system topics need --all"
    );
    // A group that never committed: lag unknown, not 0.
    let out = mq_ok(&up.namesrv, &["group", "create", "never"]);
    let _ = out;
    let snap = once_json(&up.namesrv);
    let never = find(&snap["groups"], "group", "never").expect("the new group is listed");
    assert!(never["lag"].is_null(), "{never}");
}

#[test]
fn once_table_and_yaml_and_no_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    mq_ok(
        &up.namesrv,
        &["send", "--topic", "TopTable", "--count", "5"],
    );
    let out = mq_ok(&up.namesrv, &["top", "--once", "--interval", "200ms"]);
    assert!(out.starts_with("BROKERS\n"), "{out}");
    assert!(
        out.contains("\nTOPICS\n") && out.contains("\nGROUPS\n") && out.contains("TopTable"),
        "{out}"
    );
    let out = mq_ok(
        &up.namesrv,
        &[
            "top",
            "--once",
            "-o",
            "yaml",
            "--interval",
            "200ms",
            "--all",
        ],
    );
    assert!(out.contains("topic: TBW102"), "{out}");
    let out = mq(&up.namesrv, &["top"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
}

/// The screen of a program running in a pseudo-terminal.
struct Pty {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
}

impl Pty {
    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, what: &str) {
        let mut seen = String::new();
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while std::time::Instant::now() < deadline {
            seen = self.text();
            if seen.contains(what) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{what:?} never showed; the screen:\n{seen}");
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

#[test]
fn full_screen_app_in_a_pseudo_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    mq_ok(
        &up.namesrv,
        &["send", "--topic", "PtyTopic", "--count", "20"],
    );
    mq_ok(
        &up.namesrv,
        &[
            "consume", "--topic", "PtyTopic", "--group", "ptygroup", "--count", "20",
        ],
    );

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(mq_bin());
    cmd.args(["top", "-n", &up.namesrv, "--interval", "500ms"]);
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        30.try_into().unwrap(),
        100.try_into().unwrap(),
        0,
    )));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    let parser = screen.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            parser.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut pty = Pty { screen, writer };

    pty.wait_for("PtyTopic");
    assert!(pty.screen.lock().unwrap().screen().alternate_screen());
    pty.keys("/Pty\r");
    pty.wait_for("filter: Pty");
    pty.keys("\r");
    pty.wait_for("Topic PtyTopic ·");
    pty.wait_for("Consuming groups");
    pty.wait_for("ptygroup");
    pty.keys("\x1b");
    pty.wait_for("sort: topic");
    pty.keys("\x1b3");
    pty.wait_for("CONS TPS");
    pty.keys("\r");
    pty.wait_for("Group ptygroup ·");
    pty.keys("?");
    pty.wait_for("this help");
    pty.keys("x");
    pty.keys("q");

    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "mq top did not quit on q"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
    std::thread::sleep(Duration::from_millis(200));
    let parser = pty.screen.lock().unwrap();
    assert!(
        !parser.screen().alternate_screen(),
        "left the alternate screen"
    );
    assert!(!parser.screen().hide_cursor(), "the cursor shows again");
    drop(parser);
    // The terminal is back in cooked mode: canonical input and echo.
    let fd = pair.master.as_raw_fd().expect("a unix pty");
    let mut termios: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(fd, &mut termios) }, 0);
    assert_ne!(termios.c_lflag & libc::ICANON, 0, "canonical mode is back");
    assert_ne!(termios.c_lflag & libc::ECHO, 0, "echo is back");
}
