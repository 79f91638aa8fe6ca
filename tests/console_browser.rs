//! The console in a real browser: the system's Chromium, driven through
//! playwright-core (tests/browser/console.cjs) against `mq console --write`
//! on a real `mq up`. Loads every page in the light and dark scheme without a
//! console error, creates a topic and sends a message through the forms,
//! finds it by key with its HTML body shown as text, resets a group through
//! the preview, and checks a narrow window. Screenshots of every page are
//! kept under target/tmp/console-screenshots.
//!
//! Needs Chromium (installed with apt-get when missing) and Node with npm
//! (playwright-core is installed from the lock file into target/tmp).

#[path = "support/console.rs"]
mod console;
#[allow(unused_imports)]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

fn run(what: &str, cmd: &mut Command) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The system Chromium, installed from the distribution's packages if missing.
fn chromium() -> &'static str {
    if !Path::new(CHROMIUM).exists() {
        run(
            "apt-get update",
            Command::new("apt-get").args(["update", "-qq"]),
        );
        run(
            "apt-get install chromium",
            Command::new("apt-get")
                .args(["install", "-y", "-qq", "chromium"])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        );
    }
    CHROMIUM
}

/// playwright-core, installed from tests/browser's lock file into the target directory.
fn driver() -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("console-browser");
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["package.json", "package-lock.json", "console.cjs"] {
        std::fs::copy(src.join(f), dir.join(f)).unwrap();
    }
    if !dir.join("node_modules/playwright-core").exists() {
        run(
            "npm ci",
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                .current_dir(&dir),
        );
    }
    dir
}

#[test]
fn the_console_works_in_a_real_browser() {
    let chromium = chromium();
    let driver = driver();
    let dir = tempfile::tempdir().unwrap();
    let up = console::cluster_with_traffic(dir.path(), "hello");
    let c = console::start_console(&up.namesrv, &["--write"]);
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("console-screenshots");
    let out = Command::new("node")
        .arg(driver.join("console.cjs"))
        .current_dir(&driver)
        .env("CONSOLE", format!("http://{}", c.addr))
        .env("BROKER", &up.broker)
        .env("SHOTS", &shots)
        .env("CHROMIUM", chromium)
        .output()
        .expect("cannot run node");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert!(said.contains("browser: ok"), "{said}");
    assert!(shots.join("dashboard-dark.png").exists());
    eprintln!("screenshots in {}", shots.display());
}
