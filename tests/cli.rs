//! Command-line behaviour shared by every command: exit codes and pipes.

mod support;

use std::process::{Command, Stdio};

use support::mq_bin;

#[test]
fn a_closed_stdout_is_not_an_error() {
    // A pipe whose reading end is already closed: every write fails with EPIPE,
    // as when `mq ... | head` has read enough.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let status = Command::new(mq_bin())
        .args(["completions", "bash"])
        .stdout(writer)
        .stderr(Stdio::piped())
        .status()
        .unwrap();
    assert!(status.success(), "{status:?}");
}

#[test]
fn usage_errors_exit_2() {
    let out = Command::new(mq_bin())
        .args(["topic", "route"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(mq_bin())
        .args(["no-such-command"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
