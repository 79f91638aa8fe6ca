//! `mq top --once` against a replicating `mq up --masters 1 --slaves 1`: the slave's row
//! carries its lag behind the master and following=true; a second slave of the same
//! brokerName whose haMasterAddress is a dead port shows following=false, with the reason.

mod support;

use std::process::Stdio;
use std::time::Duration;

use support::*;

const WAIT: Duration = Duration::from_secs(60);

fn once_json(namesrv: &str) -> serde_json::Value {
    let out = mq_ok(
        namesrv,
        &["top", "--once", "-o", "json", "--interval", "200ms"],
    );
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// The brokers-view row of `addr` in a fresh snapshot, if listed.
fn broker_row(namesrv: &str, addr: &str) -> Option<serde_json::Value> {
    once_json(namesrv)["brokers"]
        .as_array()?
        .iter()
        .find(|b| b["addr"] == addr)
        .cloned()
}

/// Starts `mq broker start` as brokerId 2 of broker-a, a SLAVE whose master's HA port is
/// `ha_master` (where nothing listens).
fn start_lost_slave(dir: &std::path::Path, namesrv: &str, ha_master: &str) -> MqProcess {
    let [port, ha_port] = free_ports();
    let conf = dir.join("broker.yaml");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        &conf,
        format!(
            "brokerClusterName: DefaultCluster\nbrokerName: broker-a\nbrokerId: 2\n\
             brokerRole: SLAVE\nlistenPort: {port}\nhaListenPort: {ha_port}\n\
             haMasterAddress: {ha_master}\nstorePathRootDir: {}\n",
            dir.join("store").display()
        ),
    )
    .unwrap();
    let child = broker_start(&conf, namesrv)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    MqProcess {
        child,
        addr: format!("127.0.0.1:{port}"),
    }
}

#[test]
fn a_following_slave_shows_its_lag_and_a_lost_one_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up_cluster(dir.path(), 1, 1, 1, &[]);
    let ns = up.namesrv_list();
    let slave = up.brokers.iter().find(|b| b.id == 1).unwrap().addr.clone();
    mq_ok(&ns, &["topic", "create", "TopHa", "-c", "DefaultCluster"]);
    mq_ok(&ns, &["send", "--topic", "TopHa", "--count", "50"]);

    let mut row = serde_json::Value::Null;
    wait_until("the slave's lag and following=true", WAIT, || {
        row = broker_row(&ns, &slave).unwrap_or_default();
        row["lag"]["bytes"].is_i64() && row["following"] == true
    });
    assert_eq!(row["role"], "slave");
    assert!(row["lag"]["bytes"].as_i64().unwrap() >= 0, "{row}");
    // An mq master reports how long ago the slave's first missing record was stored.
    assert!(row["lag"]["timeMs"].is_i64(), "{row}");
    assert!(row.get("notFollowing").is_none(), "{row}");
    let master = up.brokers.iter().find(|b| b.id == 0).unwrap();
    let m = broker_row(&ns, &master.addr).unwrap();
    assert!(m["lag"].is_null() && m["following"].is_null(), "{m}");

    let dead = format!("127.0.0.1:{}", free_port());
    let lost = start_lost_slave(&dir.path().join("lost"), &ns, &dead);
    let mut row = serde_json::Value::Null;
    wait_until("the lost slave with following=false", WAIT, || {
        row = broker_row(&ns, &lost.addr).unwrap_or_default();
        row["following"] == false
    });
    assert_eq!(row["brokerName"], "broker-a");
    assert_eq!(row["notFollowing"], "not connected to its master", "{row}");
    // Its empty commit log is all of the master's behind; the master's HA time is not its.
    assert!(row["lag"]["bytes"].as_i64().unwrap() > 0, "{row}");
    assert!(row["lag"]["timeMs"].is_null(), "{row}");
    eprintln!(
        "following: {}\nlost: {}",
        broker_row(&ns, &slave).unwrap()["lag"],
        row["lag"]
    );
    // The slave of mq up still follows.
    assert_eq!(broker_row(&ns, &slave).unwrap()["following"], true);
    let table = mq_ok(&ns, &["top", "--once", "--interval", "200ms"]);
    let line = table.lines().find(|l| l.contains(&lost.addr)).unwrap();
    assert!(line.contains("NOT FOLLOWING"), "{table}");
}
