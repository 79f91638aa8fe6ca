//! Small shared helpers: clocks and process signals.

/// Milliseconds since the Unix epoch, as RocketMQ timestamps are. Read straight from the
/// realtime clock: every stored message takes one, and `SystemTime`'s checked `Duration`
/// arithmetic cost more than reading the clock itself.
pub fn now_millis() -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec we own; CLOCK_REALTIME always exists.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) };
    ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
}

/// The local calendar day of `ms` (days since the epoch in local time), for
/// RocketMQ's "today" and "yesterday" statistics.
pub fn local_day(ms: i64) -> i64 {
    let t = (ms / 1000) as libc::time_t;
    // SAFETY: localtime_r only fills the zeroed struct we own.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let offset = if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        0
    } else {
        tm.tm_gmtoff
    };
    (ms / 1000 + offset).div_euclid(86_400)
}

/// Resolves on Ctrl-C or SIGTERM, so daemons stop cleanly either way.
pub async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
