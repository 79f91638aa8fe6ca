//! The completion scripts in completions/ are what `mq completions` prints
//! today. Regenerate with `MQ_BLESS=1 cargo test --test completions`.

use clap_complete::Shell;
use mq::cli::completions::{file_name, script};

#[test]
fn completion_scripts_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let bless = std::env::var_os("MQ_BLESS").is_some();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell] {
        let path = dir.join(file_name(shell));
        let expected = script(shell);
        if bless {
            std::fs::write(&path, &expected).unwrap();
            continue;
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "{} is stale: run `MQ_BLESS=1 cargo test --test completions`",
            path.display()
        );
    }
}

#[test]
fn completions_command_prints_the_script() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mq"))
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), script(Shell::Bash));
}
