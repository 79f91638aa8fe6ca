//! A broker whose store saw a failed sync: it refuses sends (SERVICE_NOT_AVAILABLE, so producers
//! retry elsewhere) without acknowledging the message whose sync failed, keeps serving reads,
//! tells the name server it is read-only, and is writable again after a restart.

mod support;

use std::sync::Arc;
use std::time::Duration;

use mq::broker::Broker;
use mq::broker::config::{BrokerConfig, BrokerStartConfig};
use mq::protocol::message::build_properties;
use mq::protocol::perm;
use mq::remoting::code::response;
use mq::remoting::{RemotingClient, RemotingCommand};
use mq::store::{FaultInjector, FaultPoint, FlushDiskType, StoreConfig, StoreHooks};
use support::*;

const TOPIC: &str = "UnwritableTopic";
const TIMEOUT: Duration = Duration::from_secs(10);

fn send_request(body: &str) -> RemotingCommand {
    let props = build_properties([("WAIT", "true")]);
    support::send_request(TOPIC, 0, body.as_bytes(), props)
}

fn pull_request() -> RemotingCommand {
    support::pull_request("unwritable_group", TOPIC, 0, 0, 0x4, "*", Duration::ZERO)
}

/// An in-process SYNC_FLUSH broker registered with `namesrv`, serving until the sender is used.
async fn start_broker(
    dir: &std::path::Path,
    port: u16,
    namesrv: &str,
    hooks: StoreHooks,
) -> (
    Arc<Broker>,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let mut store = StoreConfig::new(dir);
    store.flush_disk_type = FlushDiskType::SyncFlush;
    store.mapped_file_size_commit_log = 1 << 20;
    store.mapped_file_size_consume_queue = 20 * 1024;
    let config = BrokerConfig {
        listen_port: port,
        ..BrokerConfig::default()
    };
    let broker = Broker::open_with(
        BrokerStartConfig {
            broker: config,
            store,
        },
        Some(namesrv),
        hooks,
    )
    .unwrap();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let served = tokio::spawn(broker.clone().run(listener, async move {
        let _ = stopped.await;
    }));
    broker.register_now().await;
    (broker, stop, served)
}

/// The permission the name server gives the topic on this broker, once it has a route.
fn routed_perm(namesrv: &str) -> Option<i32> {
    let out = mq(namesrv, &["topic", "route", TOPIC, "-o", "json"]);
    if !out.status.success() {
        return None;
    }
    let route: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    route["queueDatas"][0]["perm"].as_i64().map(|p| p as i32)
}

async fn wait_for_perm(namesrv: &str, want: i32) {
    let ns = namesrv.to_string();
    tokio::task::spawn_blocking(move || {
        wait_until(
            &format!("the name server to route {TOPIC} with perm {want}"),
            Duration::from_secs(20),
            || routed_perm(&ns) == Some(want),
        )
    })
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_sync_makes_the_broker_read_only_until_restarted() {
    let dir = tempfile::tempdir().unwrap();
    let namesrv = start_namesrv(dir.path(), "");
    let store_dir = dir.path().join("store");
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let faults = Arc::new(FaultInjector::new());
    let hooks = StoreHooks {
        faults: Some(faults.clone()),
        ..StoreHooks::default()
    };
    let (broker, stop, served) = start_broker(&store_dir, port, &namesrv.addr, hooks).await;
    let client = RemotingClient::new();

    let r = client
        .invoke(&addr, send_request("before"), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    wait_for_perm(&namesrv.addr, perm::PERM_READ_WRITE).await;

    // The next sync fails: the send it was for is not acknowledged, nor is any after it.
    faults.fail_nth(FaultPoint::Sync, 1);
    for body in ["lost-sync", "after"] {
        let r = client
            .invoke(&addr, send_request(body), TIMEOUT)
            .await
            .unwrap();
        assert_eq!(r.code, response::SERVICE_NOT_AVAILABLE, "{body}: {r:?}");
        let remark = r.remark.unwrap_or_default();
        assert!(remark.contains("not writable"), "{remark}");
    }
    assert!(broker.store().write_failure().is_some());

    // Reads go on, and the name server learns the broker is read-only.
    let r = client.invoke(&addr, pull_request(), TIMEOUT).await.unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    wait_for_perm(&namesrv.addr, perm::PERM_READ).await;

    let _ = stop.send(());
    served.await.unwrap();
    drop(broker);

    // A restart recovers the tail and takes writes again.
    let (broker, stop, served) =
        start_broker(&store_dir, port, &namesrv.addr, StoreHooks::default()).await;
    assert!(broker.store().recovery_report().abnormal);
    let r = client
        .invoke(&addr, send_request("restarted"), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    wait_for_perm(&namesrv.addr, perm::PERM_READ_WRITE).await;

    client.shutdown();
    let _ = stop.send(());
    served.await.unwrap();
    namesrv.terminate();
}
