//! Small shared helpers: clocks and process signals.

/// Milliseconds since the Unix epoch, as RocketMQ timestamps are. Read straight from the
/// realtime clock: every stored message takes one, and `SystemTime`'s checked `Duration`
/// arithmetic cost more than reading the clock itself.
pub fn now_millis() -> i64 {
    let (secs, nanos) = read_clock(libc::CLOCK_REALTIME);
    secs * 1000 + nanos / 1_000_000
}

/// CPU time the calling thread has used: unlike wall time, not inflated while the thread waits
/// for a CPU.
pub fn thread_cpu_time() -> std::time::Duration {
    cpu_clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// CPU time the whole process has used, every thread, user and system.
pub fn process_cpu_time() -> std::time::Duration {
    cpu_clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

fn cpu_clock(clock: libc::clockid_t) -> std::time::Duration {
    let (secs, nanos) = read_clock(clock);
    std::time::Duration::new(secs.max(0) as u64, nanos.clamp(0, 999_999_999) as u32)
}

/// Seconds and nanoseconds of a clock that always exists (realtime, CPU time).
#[inline]
fn read_clock(clock: libc::clockid_t) -> (i64, i64) {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec we own; callers pass clocks Linux always has.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    // time_t and c_long are 32 bits on some targets: widen before multiplying.
    #[allow(clippy::useless_conversion)]
    (i64::from(ts.tv_sec), i64::from(ts.tv_nsec))
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

/// A xorshift64 generator from `seed` (not zero): the byte-search tests' random inputs,
/// the same on every run.
#[cfg(test)]
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn now_millis_is_the_system_clock_in_milliseconds() {
        let system = || {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_millis() as i64
        };
        let before = system();
        let now = super::now_millis();
        let after = system();
        assert!(
            before <= now && now <= after,
            "{before} <= {now} <= {after}"
        );
    }

    #[test]
    fn thread_cpu_time_counts_work_not_sleep() {
        let t0 = super::thread_cpu_time();
        std::thread::sleep(std::time::Duration::from_millis(30));
        let slept = super::thread_cpu_time() - t0;
        // Spin until the clock shows 20 ms of work; a busy machine only makes that take longer.
        let t1 = super::thread_cpu_time();
        let give_up = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let mut spins = 0u64;
        while super::thread_cpu_time() - t1 < std::time::Duration::from_millis(20)
            && std::time::Instant::now() < give_up
        {
            spins = std::hint::black_box(spins + 1);
        }
        let worked = super::thread_cpu_time() - t1;
        assert!(slept < std::time::Duration::from_millis(10), "{slept:?}");
        assert!(worked >= std::time::Duration::from_millis(20), "{worked:?}");
    }
}
