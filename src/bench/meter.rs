//! CPU time and memory: this process's CPU (every thread, user and system),
//! and with `--broker-pid` a broker's CPU and resident memory read from
//! /proc/PID/stat and /proc/PID/status, so a run can say what each message
//! cost on both ends.

use std::io;
use std::time::Duration;

use serde::Serialize;

/// CPU time this process has used so far.
pub fn client_cpu() -> Duration {
    crate::util::process_cpu_time()
}

/// A process's CPU time and memory at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ProcSample {
    pub cpu: Duration,
    pub rss_bytes: u64,
    /// The most it has ever been resident (VmHWM).
    pub peak_rss_bytes: u64,
}

/// Reads process `pid`'s CPU time and memory.
pub fn sample(pid: u32) -> io::Result<ProcSample> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    // SAFETY: sysconf has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    let bad = |what: &str| io::Error::other(format!("cannot read {what} of process {pid}"));
    let cpu_ticks = parse_stat_cpu_ticks(&stat).ok_or_else(|| bad("the CPU time"))?;
    Ok(ProcSample {
        cpu: Duration::from_nanos(cpu_ticks.saturating_mul(1_000_000_000) / ticks),
        rss_bytes: parse_status_kb(&status, "VmRSS:").ok_or_else(|| bad("the RSS"))? * 1024,
        peak_rss_bytes: parse_status_kb(&status, "VmHWM:").unwrap_or(0) * 1024,
    })
}

/// utime + stime (clock ticks) from a /proc/PID/stat line. The command name
/// may hold spaces and parentheses, so fields are counted after its last `)`.
fn parse_stat_cpu_ticks(stat: &str) -> Option<u64> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // Field 3 (state) is fields[0]; utime is field 14, stime field 15.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// A `Key:   123 kB` line of /proc/PID/status, in kB.
fn parse_status_kb(status: &str, key: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
}

/// The broker's figures over a run.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerFigures {
    pub pid: u32,
    /// Broker CPU time per message measured, µs.
    pub cpu_us_per_msg: f64,
    /// Broker CPU used over the measured time, in cores (1.0 = one core busy).
    pub cores: f64,
    /// Resident memory at the end, MiB.
    pub rss_mib: f64,
    /// The most resident memory the broker ever had, MiB.
    pub peak_rss_mib: f64,
}

impl BrokerFigures {
    pub fn between(
        pid: u32,
        start: &ProcSample,
        end: &ProcSample,
        msgs: u64,
        elapsed: Duration,
    ) -> Self {
        let cpu = end.cpu.saturating_sub(start.cpu);
        BrokerFigures {
            pid,
            cpu_us_per_msg: per_msg_us(cpu, msgs),
            cores: cpu.as_secs_f64() / elapsed.as_secs_f64().max(1e-9),
            rss_mib: end.rss_bytes as f64 / (1024.0 * 1024.0),
            peak_rss_mib: end.peak_rss_bytes as f64 / (1024.0 * 1024.0),
        }
    }
}

/// CPU time per message in µs (0 when nothing was measured).
pub fn per_msg_us(cpu: Duration, msgs: u64) -> f64 {
    if msgs == 0 {
        0.0
    } else {
        cpu.as_secs_f64() * 1e6 / msgs as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_files_parse_even_with_odd_command_names() {
        let stat = "4242 (mq (up) x) S 1 4242 4242 0 -1 4194560 1234 0 0 0 150 25 0 0 20 0 9 0 \
                    100 200000000 3000 18446744073709551615";
        assert_eq!(parse_stat_cpu_ticks(stat), Some(175));
        assert_eq!(parse_stat_cpu_ticks("garbage"), None);
        let status = "Name:\tmq\nVmHWM:\t   40960 kB\nVmRSS:\t   20480 kB\n";
        assert_eq!(parse_status_kb(status, "VmRSS:"), Some(20480));
        assert_eq!(parse_status_kb(status, "VmHWM:"), Some(40960));
        assert_eq!(parse_status_kb(status, "VmSwap:"), None);
    }

    #[test]
    fn this_process_can_be_sampled() {
        let s = sample(std::process::id()).unwrap();
        assert!(s.rss_bytes > 0 && s.peak_rss_bytes >= s.rss_bytes);
        assert!(sample(u32::MAX).is_err());
    }
}
