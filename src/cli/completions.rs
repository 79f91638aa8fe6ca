//! `mq completions SHELL`: completion scripts generated from the clap
//! definitions, so they always match the real flags.

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, CliResult};
use crate::render;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to generate for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The completion script for `shell`, exactly as `mq completions` prints it.
pub fn script(shell: Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "mq", &mut buf);
    String::from_utf8(buf).expect("completion scripts are UTF-8")
}

/// File name of a shell's script under completions/.
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "mq.bash",
        Shell::Zsh => "_mq",
        Shell::Fish => "mq.fish",
        Shell::PowerShell => "_mq.ps1",
        Shell::Elvish => "mq.elv",
        _ => "mq.completion",
    }
}

pub fn run(args: CompletionsArgs) -> CliResult {
    render::print_text(&script(args.shell))?;
    Ok(())
}
