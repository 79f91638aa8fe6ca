//! The slave's side (RocketMQ's HAClient): connects to the master's HA address, reports its
//! commit log end at start, after each append and every haSendHeartbeatInterval, and appends
//! each transfer that begins at its end. A transfer elsewhere, bad bytes, a master silent for
//! haHousekeepingInterval or a new master address close the connection; it reconnects.

use super::wire::{TransferDecoder, report};
use super::{HaHost, HaService};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

/// Wait before connecting again after a failure (RocketMQ waits 5 s; a quicker retry costs a
/// connection attempt and gets a restarted master's stream going sooner).
const RECONNECT_WAIT: Duration = Duration::from_secs(1);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// Follows the master until `stop`.
pub async fn follow<H: HaHost>(host: Arc<H>, stop: CancellationToken) {
    let ha: &HaService = host.ha();
    let mut address = ha.master_address.subscribe();
    let mut failing = false;
    loop {
        let addr = address.borrow_and_update().clone();
        let Some(addr) = addr else {
            tokio::select! {
                _ = stop.cancelled() => return,
                r = address.changed() => if r.is_err() { return },
            }
            continue;
        };
        let mut connected = false;
        let why = tokio::select! {
            _ = stop.cancelled() => return,
            _ = address.changed() => "the master address changed".to_string(),
            why = session(&*host, &addr, &mut connected) => why,
        };
        ha.set_master_connected(false);
        if connected || !failing {
            tracing::warn!("HA: connection to master {addr} closed: {why}");
        } else {
            // Said once already: a master that stays away is retried quietly.
            tracing::debug!("HA: connection to master {addr} closed: {why}");
        }
        failing = !connected;
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tokio::time::sleep(RECONNECT_WAIT) => {}
        }
    }
}

/// One connection to the master; returns why it ended. `connected` is set once it is.
async fn session<H: HaHost>(host: &H, addr: &str, connected: &mut bool) -> String {
    let ha = host.ha();
    let store = host.store();
    let mut stream = match tokio::time::timeout(CONNECT_TIMEOUT, host.connect_master(addr)).await {
        Ok(Ok(Some(s))) => s,
        Ok(Ok(None)) => return "connect: refused".into(),
        Ok(Err(e)) => return format!("connect: {e}"),
        Err(_) => return "connect: timed out".into(),
    };
    *connected = true;
    ha.set_master_connected(true);
    tracing::info!("HA: connected to master {addr}");
    let mut reported = store.max_phy_offset();
    if let Err(e) = stream.write_all(&report(reported)).await {
        return format!("write: {e}");
    }
    let mut last_report = Instant::now();
    let mut last_read = Instant::now();
    let mut transfers = TransferDecoder::default();
    let heartbeat = ha.config.heartbeat_interval;
    loop {
        let wake = (last_report + heartbeat).min(last_read + ha.config.housekeeping_interval);
        transfers.buffer().reserve(64 * 1024);
        tokio::select! {
            r = stream.read_buf(transfers.buffer()) => match r {
                Ok(0) => return "closed by the master".into(),
                Err(e) => return format!("read: {e}"),
                Ok(_) => last_read = Instant::now(),
            },
            _ = tokio::time::sleep_until(wake) => {}
        }
        loop {
            let t = match transfers.next_transfer() {
                Ok(Some(t)) => t,
                Ok(None) => break,
                Err(e) => return format!("bad transfer: {e}"),
            };
            if t.data.is_empty() {
                continue;
            }
            let end = store.max_phy_offset();
            if end != 0 && t.offset != end {
                return format!(
                    "transfer at {}, but the slave's commit log ends at {end}",
                    t.offset
                );
            }
            let appended = store.append_replicated_with(t.offset, &t.data, |topic, queue_id| {
                host.on_replicated(topic, queue_id)
            });
            if let Err(e) = appended {
                return format!("append: {e}");
            }
        }
        let now = Instant::now();
        let end = store.max_phy_offset();
        if end != reported || now >= last_report + heartbeat {
            if let Err(e) = stream.write_all(&report(end)).await {
                return format!("write: {e}");
            }
            reported = end;
            last_report = now;
        }
        if now >= last_read + ha.config.housekeeping_interval {
            return format!(
                "master silent for {} ms (haHousekeepingInterval)",
                ha.config.housekeeping_interval.as_millis()
            );
        }
    }
}
