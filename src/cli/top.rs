//! `mq top`: the live dashboard on a terminal, or one snapshot of it with
//! `--once` (table, JSON or YAML) for scripts.

use std::io::IsTerminal;
use std::time::Duration;

use super::{CliError, CliResult, GlobalArgs};
use crate::render::{OutputFormat, emit, print_text};
use crate::tui::figures::Figures;
use crate::tui::once::Snapshot;
use crate::tui::{collector, live};

#[derive(Debug, clap::Args)]
pub struct TopArgs {
    /// Only this cluster's brokers (default: every cluster)
    #[arg(long)]
    pub cluster: Option<String>,
    /// Time between polling rounds, e.g. 2s or 500ms (backs off when rounds are slower)
    #[arg(long, default_value = "2s", value_parser = humantime::parse_duration)]
    pub interval: Duration,
    /// Print one snapshot of all three views and exit (TPS from two rounds one interval apart)
    #[arg(long)]
    pub once: bool,
    /// With --once: include system topics and groups
    #[arg(short = 'a', long)]
    pub all: bool,
}

pub async fn run(g: &GlobalArgs, args: TopArgs) -> CliResult {
    let admin = g.admin()?;
    let mut target = g.namesrv().to_string();
    if let Some(c) = &args.cluster {
        target.push_str(&format!(" [{c}]"));
    }
    if args.once {
        let first = collector::collect_round(&admin, args.cluster.as_deref()).await;
        if first.brokers.is_empty()
            && let Some(e) = first.errors.first()
        {
            return Err(CliError::Failed(e.clone()));
        }
        tokio::time::sleep(
            args.interval
                .saturating_sub(Duration::from_millis(first.took_ms)),
        )
        .await;
        let second = collector::collect_round(&admin, args.cluster.as_deref()).await;
        let snapshot = Snapshot::new(Figures::compute(Some(&first), &second), args.all);
        return match g.output {
            OutputFormat::Table => Ok(print_text(&snapshot.text())?),
            format => Ok(emit(format, &snapshot)?),
        };
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CliError::Usage(
            "mq top needs a terminal; for a snapshot without one use mq top --once [-o table|json|yaml]".into(),
        ));
    }
    live::run(admin, args.cluster, args.interval, target).await?;
    Ok(())
}
