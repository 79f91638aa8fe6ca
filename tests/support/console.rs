//! Starting `mq console` for the console's tests, and a cluster with a
//! little traffic for it to show.

#![allow(dead_code)]

use std::io::BufRead;
use std::process::{Command, Stdio};
use std::time::Duration;

use super::support::*;

/// A running `mq console` and the address it serves on.
pub struct Console {
    pub process: Option<MqProcess>,
    pub addr: String,
}

/// Starts `mq console` on a port the kernel picks, against `namesrv`.
pub fn start_console(namesrv: &str, extra: &[&str]) -> Console {
    let mut child = Command::new(mq_bin())
        .args([
            "console",
            "--listen",
            "127.0.0.1:0",
            "--poll-interval",
            "200ms",
        ])
        .args(extra)
        .env("NAMESRV_ADDR", namesrv)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line);
        }
    });
    let line = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("mq console printed no address");
    // "console: http://127.0.0.1:PORT/  (...)"
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Console {
        process: Some(MqProcess {
            child,
            addr: addr.clone(),
        }),
        addr,
    }
}

/// `mq up` with topic `Orders` (4 queues) holding three messages with key
/// `k1` and `body`, consumed by group `g1`.
pub fn cluster_with_traffic(dir: &std::path::Path, body: &str) -> MqUp {
    let up = start_up(dir, &[]);
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(create_topic(&up, "Orders", 4));
    mq_ok(
        &up.namesrv,
        &[
            "send", "--topic", "Orders", "--keys", "k1", "--body", body, "--count", "3",
        ],
    );
    mq_ok(
        &up.namesrv,
        &[
            "consume", "--topic", "Orders", "--group", "g1", "--count", "3",
        ],
    );
    up
}
