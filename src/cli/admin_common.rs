//! What the admin commands share: choosing brokers (-c / -b), asking before
//! destructive work, reading times, and errors that name the thing.

use std::io::{BufRead, IsTerminal, Write};

use super::{CliError, CliResult};
use crate::client::admin::AdminClient;
use crate::client::admin::fanout::BrokerTarget;

/// `-c CLUSTER | -b BROKER_ADDR`: where a change goes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Targets {
    /// Every master of this cluster [default: the only cluster]
    #[arg(short = 'c', long, conflicts_with = "broker")]
    pub cluster: Option<String>,
    /// One broker, by address (host:port)
    #[arg(short = 'b', long)]
    pub broker: Option<String>,
}

impl Targets {
    /// The brokers to act on: the one given by -b, the masters of -c, or
    /// the masters of the only cluster (a usage error when there are several).
    pub async fn resolve(&self, admin: &AdminClient) -> CliResult<Vec<BrokerTarget>> {
        Ok(admin
            .change_targets(self.cluster.as_deref(), self.broker.as_deref())
            .await?)
    }

    /// -c, or the only cluster the name server knows.
    pub async fn cluster_name(&self, admin: &AdminClient) -> CliResult<String> {
        Ok(admin.cluster_or_only(self.cluster.as_deref()).await?)
    }
}

/// Asks before destructive work: on a terminal a y/N question, otherwise
/// (scripts) `-y` is required.
pub fn confirm(what: &str, yes: bool) -> CliResult<()> {
    if yes {
        return Ok(());
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(CliError::Usage(format!(
            "refusing to {what} without confirmation: add -y (--yes)"
        )));
    }
    eprint!("{what}? [y/N] ");
    std::io::stderr().flush()?;
    let mut line = String::new();
    stdin.lock().read_line(&mut line)?;
    if matches!(line.trim(), "y" | "Y" | "yes" | "YES") {
        Ok(())
    } else {
        Err(CliError::Failed("cancelled".into()))
    }
}

/// Milliseconds since the epoch from `now`, epoch ms, RFC 3339
/// (`2024-05-01T12:00:00Z`, UTC when no zone), mqadmin's
/// `yyyy-MM-dd#HH:mm:ss:SSS` (UTC) or an age like `1h ago`.
pub fn parse_time(s: &str) -> Result<i64, String> {
    let s = s.trim();
    let now = crate::util::now_millis();
    if s == "now" {
        return Ok(now);
    }
    if let Ok(ms) = s.parse::<i64>() {
        return Ok(ms);
    }
    if let Some(age) = s.strip_suffix(" ago").or_else(|| s.strip_suffix("ago")) {
        let d = humantime::parse_duration(age.trim())
            .map_err(|e| format!("invalid time '{s}': {e}"))?;
        return Ok(now - d.as_millis() as i64);
    }
    let normalized = match s.split_once('#') {
        Some((date, clock)) => {
            // HH:mm:ss:SSS -> HH:mm:ss.SSS
            let clock = match clock.rsplit_once(':') {
                Some((hms, ms)) if hms.matches(':').count() == 2 => format!("{hms}.{ms}"),
                _ => clock.to_string(),
            };
            format!("{date}T{clock}")
        }
        None => s.to_string(),
    };
    let t = humantime::parse_rfc3339_weak(&normalized)
        .or_else(|_| humantime::parse_rfc3339(&normalized))
        .map_err(|_| {
            format!("invalid time '{s}': use now, epoch ms, 2024-05-01T12:00:00Z, 2024-05-01#12:00:00:000 or '1h ago'")
        })?;
    Ok(t.duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(parse_time("1700000000000").unwrap(), 1_700_000_000_000);
        assert_eq!(
            parse_time("2023-11-14T22:13:20Z").unwrap(),
            1_700_000_000_000
        );
        assert_eq!(
            parse_time("2023-11-14#22:13:20:000").unwrap(),
            1_700_000_000_000
        );
        assert!(parse_time("1h ago").unwrap() < crate::util::now_millis());
        assert!(parse_time("yesterday").is_err());
    }
}
