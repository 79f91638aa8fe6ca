//! `mq up --masters N --slaves M --namesrvs K`: a whole cluster in one process, every broker
//! registered on every name server with its role, topics spread over the masters, sends and
//! consumes across it, and a SIGTERM that stops all of it.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use support::*;

fn cluster_rows(namesrv: &str) -> Vec<serde_json::Value> {
    let out = mq_ok(namesrv, &["cluster", "list", "-o", "json"]);
    serde_json::from_str::<Vec<serde_json::Value>>(&out).unwrap()
}

/// (brokerName, brokerId, role, address) of each row, sorted.
fn members(rows: &[serde_json::Value]) -> BTreeSet<(String, i64, String, String)> {
    rows.iter()
        .map(|r| {
            (
                r["brokerName"].as_str().unwrap().to_string(),
                r["brokerId"].as_i64().unwrap(),
                r["role"].as_str().unwrap().to_string(),
                r["address"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn two_masters_with_a_slave_each_on_two_name_servers() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up_cluster(dir.path(), 2, 1, 2, &[]);
    assert_eq!(up.namesrvs.len(), 2);
    assert_eq!(up.brokers.len(), 4);
    for b in &up.brokers {
        let store = dir.path().join(format!("{}-{}", b.name, b.id));
        assert!(
            store.join("commitlog").is_dir(),
            "{} has no store",
            store.display()
        );
        assert!(
            store.join("abort").exists(),
            "{} is not marked running",
            store.display()
        );
    }
    let expected: BTreeSet<_> = up
        .brokers
        .iter()
        .map(|b| {
            let role = if b.id == 0 { "master" } else { "slave" };
            (b.name.clone(), b.id, role.to_string(), b.addr.clone())
        })
        .collect();
    assert_eq!(
        expected
            .iter()
            .map(|m| (m.0.as_str(), m.1))
            .collect::<Vec<_>>(),
        [
            ("broker-a", 0),
            ("broker-a", 1),
            ("broker-b", 0),
            ("broker-b", 1)
        ]
    );
    for ns in &up.namesrvs {
        let rows = cluster_rows(ns);
        assert_eq!(members(&rows), expected, "name server {ns}");
        assert!(rows.iter().all(|r| r["cluster"] == "DefaultCluster"));
    }

    // A topic created on the cluster gets queues on both masters, and only on masters.
    let ns_list = up.namesrv_list();
    mq_ok(
        &ns_list,
        &[
            "topic",
            "create",
            "Spread",
            "-c",
            "DefaultCluster",
            "--read-queues",
            "4",
            "--write-queues",
            "4",
        ],
    );
    let mut route = serde_json::Value::Null;
    wait_until(
        "the topic's route on both masters",
        Duration::from_secs(20),
        || {
            let out = mq(&up.namesrvs[1], &["topic", "route", "Spread", "-o", "json"]);
            if !out.status.success() {
                return false;
            }
            route = serde_json::from_slice(&out.stdout).unwrap();
            route["queueDatas"].as_array().is_some_and(|q| q.len() == 2)
        },
    );
    let names: BTreeSet<_> = route["queueDatas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["brokerName"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["broker-a", "broker-b"].map(String::from).into());
    // The route names each master with its slave, so consumers can read from either.
    let members: BTreeSet<(String, String)> = route["brokerDatas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| {
            let name = b["brokerName"].as_str().unwrap().to_string();
            b["brokerAddrs"]
                .as_object()
                .unwrap()
                .iter()
                .map(move |(id, addr)| (format!("{name}/{id}"), addr.as_str().unwrap().to_string()))
        })
        .collect();
    let expected_members: BTreeSet<(String, String)> = up
        .brokers
        .iter()
        .map(|b| (format!("{}/{}", b.name, b.id), b.addr.clone()))
        .collect();
    assert_eq!(members, expected_members);

    // Sends reach both masters; a consumer gets every one of them.
    let out = mq_ok(
        &ns_list,
        &["send", "--topic", "Spread", "--count", "40", "-o", "json"],
    );
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 40);
    assert!(rows.iter().all(|r| r["status"] == "SEND_OK"), "{out}");
    let brokers: BTreeSet<_> = rows
        .iter()
        .map(|r| r["broker"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(brokers.len(), 2, "sends went to both masters: {brokers:?}");
    let got = mq_ok(
        &ns_list,
        &[
            "consume", "--topic", "Spread", "--group", "spread", "--count", "40",
        ],
    );
    assert_eq!(got.lines().count(), 40);

    // SIGTERM stops every broker and name server: the process exits 0 and the ports are free.
    let ports: Vec<String> = up
        .namesrvs
        .iter()
        .chain(up.brokers.iter().map(|b| &b.addr))
        .cloned()
        .collect();
    let brokers = up.brokers.clone();
    let status = up.process.terminate();
    assert!(status.success(), "{status:?}");
    for addr in &ports {
        assert!(
            std::net::TcpListener::bind(addr).is_ok(),
            "{addr} is still taken after the stop"
        );
    }
    // Every store was shut down cleanly: none is left marked for crash recovery.
    for b in &brokers {
        let store = dir.path().join(format!("{}-{}", b.name, b.id));
        assert!(
            !store.join("abort").exists(),
            "{} was not shut down cleanly",
            store.display()
        );
    }
}

#[test]
fn sync_masters_and_roles_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up_cluster(dir.path(), 1, 2, 1, &["--sync"]);
    let roles: Vec<_> = up
        .brokers
        .iter()
        .map(|b| (b.name.as_str(), b.id, b.role.as_str()))
        .collect();
    assert_eq!(
        roles,
        [
            ("broker-a", 0, "SYNC_MASTER"),
            ("broker-a", 1, "SLAVE"),
            ("broker-a", 2, "SLAVE")
        ]
    );
    // Brokers are two ports apart, leaving each one's listenPort+1 to replication.
    let ports: Vec<u16> = up
        .brokers
        .iter()
        .map(|b| b.addr.rsplit(':').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(ports[1], ports[0] + 2);
    assert_eq!(ports[2], ports[0] + 4);
    let rows = cluster_rows(&up.namesrvs[0]);
    assert_eq!(rows.len(), 3);
    assert!(up.process.terminate().success());
}

/// `mq up` on `base` with one slave per master while `taken` is held: exit 1 naming it.
fn start_refused(base: u16, taken: u16) {
    let dir = tempfile::tempdir().unwrap();
    let ns_port = free_port();
    let _taken = std::net::TcpListener::bind(("127.0.0.1", taken)).unwrap();
    let out = std::process::Command::new(mq_bin())
        .arg("up")
        .arg("--data")
        .arg(dir.path())
        .args(["--namesrv-port", &ns_port.to_string()])
        .args(["--broker-port", &base.to_string(), "--slaves", "1"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("127.0.0.1:{taken}")) && err.contains("already in use"),
        "{err}"
    );
    // Nothing was left listening.
    assert!(std::net::TcpListener::bind(("127.0.0.1", ns_port)).is_ok());
}

#[test]
fn a_taken_port_in_the_cluster_fails_the_start_plainly() {
    let base = free_port_run(4);
    // The slave's listen port.
    start_refused(base, base + 2);
    // The master's HA port (listenPort+1), where its slave would replicate from.
    start_refused(base, base + 1);
}

/// broker-a's perm in the route of `topic` on name server `ns`.
fn route_perms(ns: &str, topic: &str) -> std::collections::BTreeMap<String, i64> {
    let out = mq_ok(ns, &["topic", "route", topic, "-o", "json"]);
    let route: serde_json::Value = serde_json::from_str(&out).unwrap();
    route["queueDatas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["brokerName"].as_str().unwrap().to_string(),
                q["perm"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// The brokers 20 fresh sends of `topic` went to.
fn send_brokers(ns: &str, topic: &str) -> BTreeSet<String> {
    let out = mq_ok(
        ns,
        &["send", "--topic", topic, "--count", "20", "-o", "json"],
    );
    out.lines()
        .map(|l| {
            let row: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(row["status"], "SEND_OK", "{l}");
            row["broker"].as_str().unwrap().to_string()
        })
        .collect()
}

/// The maintenance runbook of commands/cluster.md: wiping broker-a's write permission on both
/// name servers sends every producer to broker-b while broker-a's messages stay readable;
/// adding it back brings broker-a back into the sends.
#[test]
fn wipe_and_add_write_perm_take_a_master_out_of_sends_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up_cluster(dir.path(), 2, 0, 2, &[]);
    let ns = up.namesrv_list();
    mq_ok(&ns, &["topic", "create", "Maint", "-c", "DefaultCluster"]);
    wait_until("the route on both masters", Duration::from_secs(20), || {
        up.namesrvs.iter().all(|n| {
            mq(n, &["topic", "route", "Maint", "-o", "json"])
                .status
                .success()
                && route_perms(n, "Maint").len() == 2
        })
    });
    let before = send_brokers(&ns, "Maint");
    assert_eq!(before.len(), 2, "{before:?}");

    let out = mq_ok(
        &ns,
        &["cluster", "wipe-write-perm", "broker-a", "-o", "json"],
    );
    let changes: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(changes.len(), 2, "{out}");
    for c in &changes {
        assert!(c["error"].is_null(), "{out}");
        assert!(c["topicCount"].as_i64().unwrap() >= 1, "{out}");
    }
    for n in &up.namesrvs {
        let perms = route_perms(n, "Maint");
        assert_eq!(perms["broker-a"], 4, "read only on {n}");
        assert_eq!(perms["broker-b"], 6, "{n}");
    }
    let during = send_brokers(&ns, "Maint");
    assert_eq!(during.len(), 1, "{during:?}");
    assert!(!during.iter().any(|b| b.contains("broker-a")), "{during:?}");
    // Everything sent so far, broker-a's share included, is still consumable.
    let got = mq_ok(
        &ns,
        &[
            "consume", "--topic", "Maint", "--group", "maint", "--count", "40",
        ],
    );
    assert_eq!(got.lines().count(), 40);

    mq_ok(&ns, &["cluster", "add-write-perm", "broker-a"]);
    for n in &up.namesrvs {
        assert_eq!(route_perms(n, "Maint")["broker-a"], 6, "{n}");
    }
    let after = send_brokers(&ns, "Maint");
    assert_eq!(after, before);
}

#[test]
fn write_perm_change_fails_when_a_name_server_is_down() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    let down = format!("127.0.0.1:{}", free_port());
    let list = format!("{};{down}", up.namesrv);
    let out = mq(&list, &["cluster", "wipe-write-perm", "broker-a"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains(&up.namesrv) && stdout.contains("OK"),
        "{stdout}"
    );
    assert!(stderr.contains(&down), "{stderr}");
}
