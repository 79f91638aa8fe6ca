//! Harness for real-client interop tests: installs the npm package ali-ons
//! (pinned by tests/interop/package-lock.json) into tests/interop/node_modules
//! once, safely when several test binaries or tests do it at once, and runs
//! Node.js scripts from tests/interop with a deadline, killing the whole
//! process group when the deadline passes or the test panics.
//!
//! Node.js and npm are required: without them the tests fail with a message
//! that says so, they never pass silently.

#![allow(dead_code)]

use std::fs::File;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Time allowed for one Node.js script.
pub const NODE_TIMEOUT: Duration = Duration::from_secs(60);
/// Time allowed for `npm ci`.
pub const NPM_TIMEOUT: Duration = Duration::from_secs(300);

/// tests/interop: package.json, package-lock.json and the scripts.
pub fn interop_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop")
}

/// Written into node_modules after a complete install: the lock file's
/// contents, so a changed lock file triggers a reinstall.
const STAMP: &str = "node_modules/.mq-interop-installed";

/// Makes sure tests/interop/node_modules holds the locked ali-ons and returns
/// tests/interop. Runs `npm ci` at most once per process, under an exclusive
/// file lock shared by all processes (so concurrent test binaries wait for
/// one install instead of racing in the same node_modules).
pub fn ensure_ali_ons_installed() -> PathBuf {
    static INSTALLED: OnceLock<PathBuf> = OnceLock::new();
    INSTALLED.get_or_init(install).clone()
}

fn install() -> PathBuf {
    let dir = interop_dir();
    require_tool("node");
    require_tool("npm");
    let lock_json = std::fs::read(dir.join("package-lock.json"))
        .unwrap_or_else(|e| panic!("reading {}/package-lock.json: {e}", dir.display()));

    let lock_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mq-interop-npm.lock");
    std::fs::create_dir_all(lock_path.parent().unwrap()).unwrap();
    let lock = File::create(&lock_path)
        .unwrap_or_else(|e| panic!("creating {}: {e}", lock_path.display()));
    lock.lock()
        .unwrap_or_else(|e| panic!("locking {}: {e}", lock_path.display()));

    let installed = std::fs::read(dir.join(STAMP)).is_ok_and(|s| s == lock_json)
        && dir.join("node_modules/ali-ons/package.json").is_file();
    if !installed {
        let _ = std::fs::remove_file(dir.join(STAMP));
        let mut npm = Command::new("npm");
        npm.args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir)
            .env("npm_config_update_notifier", "false");
        let out = run_with_timeout(npm, NPM_TIMEOUT);
        assert!(
            out.status.success(),
            "`npm ci` in {} failed ({}); the interop tests need the npm registry \
             (or a warm npm cache) to install ali-ons.\nstdout:\n{}\nstderr:\n{}",
            dir.display(),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            dir.join("node_modules/ali-ons/package.json").is_file(),
            "`npm ci` succeeded but node_modules/ali-ons is missing"
        );
        std::fs::write(dir.join(STAMP), &lock_json).unwrap();
    }
    drop(lock); // unlocks
    dir
}

/// Panics with a clear message when `tool` cannot be run.
fn require_tool(tool: &str) {
    match Command::new(tool)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
    {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!(
            "`{tool} --version` failed ({}): {}; the interop tests need Node.js (>= 14) and npm",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => panic!(
            "cannot run `{tool}` ({e}): the interop tests need Node.js (>= 14) and npm on PATH"
        ),
    }
}

/// Runs `node <script> <args>` in tests/interop (installing ali-ons first if
/// needed) with extra environment `env`, no stdin, and [`NODE_TIMEOUT`].
pub fn run_node_script(script: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let dir = ensure_ali_ons_installed();
    let mut node = Command::new("node");
    node.arg(script).args(args).current_dir(&dir);
    for (k, v) in env {
        node.env(k, v);
    }
    run_with_timeout(node, NODE_TIMEOUT)
}

/// Like [`run_node_script`], but asserts a zero exit and parses stdout as one
/// JSON document.
pub fn run_node_json(script: &str, args: &[&str], env: &[(&str, &str)]) -> serde_json::Value {
    let out = run_node_script(script, args, env);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "node {script} {args:?} failed ({})\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| {
        panic!("node {script} printed no JSON ({e})\nstdout:\n{stdout}\nstderr:\n{stderr}")
    })
}

/// A child in its own process group; the whole group is killed and the child
/// reaped on drop (a timeout or a panic leaves nothing running).
struct Group(Child);

impl Drop for Group {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", self.0.id())])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

fn drain(pipe: Option<impl Read + Send + 'static>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    })
}

/// Runs `cmd` with no stdin and captured output; panics (after killing its
/// process group) when it runs longer than `timeout`.
pub fn run_with_timeout(mut cmd: Command, timeout: Duration) -> Output {
    let what = format!("{cmd:?}");
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child = Group(
        cmd.spawn()
            .unwrap_or_else(|e| panic!("cannot start {what}: {e}")),
    );
    let stdout = drain(child.0.stdout.take());
    let stderr = drain(child.0.stderr.take());
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            break status;
        }
        if Instant::now() >= deadline {
            drop(child); // kills the group, which closes the pipes
            let out = stdout.join().unwrap_or_default();
            let err = stderr.join().unwrap_or_default();
            panic!(
                "{what} did not finish within {timeout:?}; killed\nstdout:\n{}\nstderr:\n{}",
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&err)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(child);
    Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    }
}
