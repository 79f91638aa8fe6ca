//! The broker's background services (RocketMQ's ServiceThreads and scheduled
//! tasks): each is a task started with the broker, that stops when the
//! broker's shutdown token is cancelled, and that shutdown awaits with a
//! deadline instead of aborting it mid-step. Adding a service is adding a
//! line to `SERVICES`.

use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use tokio::task::JoinHandle;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::Broker;
use super::processor;

/// A service's body: runs until `stop` is cancelled, then returns.
type ServiceFn = fn(Arc<Broker>, CancellationToken) -> BoxFuture<'static, ()>;

/// Every background service, started in this order.
const SERVICES: &[(&str, ServiceFn)] = &[
    ("ConsumerOffsetPersistService", |b, stop| {
        Box::pin(persist_offsets(b, stop))
    }),
    ("ClientHousekeepingService", |b, stop| {
        Box::pin(scan_clients(b, stop))
    }),
    ("RegisterBrokerService", |b, stop| {
        Box::pin(register(b, stop))
    }),
    ("BrokerStatsService", |b, stop| {
        Box::pin(sample_stats(b, stop))
    }),
    ("StoreWritableWatcher", |b, stop| {
        Box::pin(watch_store_writable(b, stop))
    }),
    ("ScheduleMessageService", |b, stop| {
        Box::pin(super::schedule::service::run(b, stop))
    }),
    ("TimerMessageStore", |b, stop| {
        Box::pin(super::schedule::timer::run(b, stop))
    }),
    ("TransactionalMessageCheckService", |b, stop| {
        Box::pin(super::transaction::service::run(b, stop))
    }),
    ("SlaveSynchronize", |b, stop| {
        Box::pin(super::slave_sync::run(b, stop))
    }),
    ("HAService", |b, stop| Box::pin(super::ha_service(b, stop))),
];

/// The running services of one broker.
pub struct Services {
    running: Vec<(&'static str, JoinHandle<()>)>,
}

impl Services {
    /// Starts every service; they stop when `stop` is cancelled.
    pub fn start(broker: &Arc<Broker>, stop: &CancellationToken) -> Services {
        let running = SERVICES
            .iter()
            .map(|(name, body)| (*name, tokio::spawn(body(broker.clone(), stop.clone()))))
            .collect();
        Services { running }
    }

    /// Waits for every service to return (their token must be cancelled);
    /// one still running at `deadline` is aborted, with a warning.
    pub async fn join(self, deadline: Instant) {
        for (name, mut task) in self.running {
            match tokio::time::timeout_at(deadline, &mut task).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => tracing::error!("service {name} failed: {e}"),
                Err(_) => {
                    tracing::warn!("service {name} did not stop in time: aborted");
                    task.abort();
                }
            }
        }
    }
}

/// Waits `period`; false if `stop` was cancelled first.
async fn tick(period: Duration, stop: &CancellationToken) -> bool {
    tokio::select! {
        _ = stop.cancelled() => false,
        _ = tokio::time::sleep(period) => true,
    }
}

/// Persists consumer offsets every flushConsumerOffsetInterval (shutdown
/// persists them once more after the last request).
async fn persist_offsets(b: Arc<Broker>, stop: CancellationToken) {
    let period = Duration::from_millis(b.config.flush_consumer_offset_interval.max(100));
    while tick(period, &stop).await {
        if let Err(e) = b.offsets.persist_if_dirty() {
            tracing::warn!("cannot persist consumer offsets: {e}");
        }
    }
}

/// Drops clients that stopped heartbeating, and tells their groups.
async fn scan_clients(b: Arc<Broker>, stop: CancellationToken) {
    while tick(Duration::from_secs(10), &stop).await {
        let deadline = crate::util::now_millis() - b.config.channel_expired_timeout as i64;
        b.producers.remove_expired(deadline);
        for group in b.consumers.remove_expired(deadline) {
            tracing::info!("consumer group {group}: dropped clients silent for too long");
            processor::client::notify_consumer_ids_changed(&b, &group).await;
        }
    }
}

/// Registers with the name servers every registerNameServerPeriod and after
/// topic changes (shutdown unregisters).
async fn register(b: Arc<Broker>, stop: CancellationToken) {
    let Some(registration) = &b.registration else {
        return;
    };
    let period = Duration::from_millis(b.config.register_name_server_period.clamp(10_000, 60_000));
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tokio::time::sleep(period) => {}
            _ = registration.wait_for_change() => {}
        }
        // Cut short at shutdown: unregistering follows anyway.
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = registration.register_all(&b) => {}
        }
    }
}

/// Samples the put/get counters every second for the TPS figures.
async fn sample_stats(b: Arc<Broker>, stop: CancellationToken) {
    while tick(Duration::from_secs(1), &stop).await {
        b.stats.sample();
    }
}

/// Notices the store stopping writes after a failed write or sync, says so once, and registers
/// at once as read-only (see `Broker::registered_permission`) instead of at the next period.
async fn watch_store_writable(b: Arc<Broker>, stop: CancellationToken) {
    while tick(Duration::from_secs(1), &stop).await {
        if let Some(why) = b.store.write_failure() {
            tracing::error!(
                "the store takes no more writes until the broker restarts ({why}): \
                 serving reads, registered as read-only"
            );
            b.registered_permission_changed();
            return;
        }
    }
}
