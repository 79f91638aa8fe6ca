//! The shipped configuration files in conf/ load as they are.

#[test]
fn shipped_configs_load() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("conf");
    let broker = mq::broker::config::load(&root.join("broker.yaml")).unwrap();
    assert_eq!(broker.broker.broker_name, "broker-a");
    assert_eq!(broker.store.file_reserved_time, 72);
    let namesrv: mq::namesrv::NamesrvConfig = mq::config::load(&root.join("namesrv.yaml")).unwrap();
    assert_eq!(namesrv.listen_port, 9876);
}

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use mq::broker::config::BrokerRole;
use support::*;

fn conf_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("conf")
}

/// The example cluster layouts in conf/: each member in YAML and in broker.conf form, the two
/// forms alike, roles and ids as the layout says, and every port's listenPort+1 free for HA.
#[test]
fn example_cluster_layouts_load_alike_in_both_forms() {
    let layouts = [
        ("2m-2s-sync", BrokerRole::SyncMaster, true),
        ("2m-2s-async", BrokerRole::AsyncMaster, true),
        ("2m-noslave", BrokerRole::AsyncMaster, false),
    ];
    for (layout, master_role, slaves) in layouts {
        let mut members = vec!["broker-a", "broker-b"];
        if slaves {
            members.extend(["broker-a-s", "broker-b-s"]);
        }
        let mut ports = Vec::new();
        let mut stores = Vec::new();
        for member in members {
            let dir = conf_dir().join(layout);
            let yaml = mq::broker::config::load(&dir.join(format!("{member}.yaml")))
                .unwrap_or_else(|e| panic!("{layout}/{member}.yaml: {e}"));
            let props = mq::broker::config::load(&dir.join(format!("{member}.conf")))
                .unwrap_or_else(|e| panic!("{layout}/{member}.conf: {e}"));
            assert_eq!(yaml.broker, props.broker, "{layout}/{member}");
            assert_eq!(
                format!("{:?}", yaml.store),
                format!("{:?}", props.store),
                "{layout}/{member}"
            );
            let b = &yaml.broker;
            let is_slave = member.ends_with("-s");
            assert_eq!(b.broker_name, member.trim_end_matches("-s"));
            assert_eq!(b.broker_id, i64::from(is_slave), "{layout}/{member}");
            let role = if is_slave {
                BrokerRole::Slave
            } else {
                master_role
            };
            assert_eq!(b.broker_role, role, "{layout}/{member}");
            ports.extend([b.listen_port, b.listen_port + 1]);
            stores.push(yaml.store.store_path_root_dir.clone());
        }
        let n = ports.len();
        ports.sort();
        ports.dedup();
        assert_eq!(
            ports.len(),
            n,
            "{layout}: a port (or its HA port) is used twice"
        );
        let n = stores.len();
        stores.sort();
        stores.dedup();
        assert_eq!(stores.len(), n, "{layout}: two brokers share a store");
    }
}

/// A broker config file as an operator moving it to this machine would change it: the
/// listen port, name server, address and store paths replaced, every other line as it was.
fn relocate(text: &str, port: u16, namesrv: &str, store: &Path, yaml: bool) -> String {
    let sep = if yaml { ": " } else { "=" };
    let replaced = [
        ("listenPort", port.to_string()),
        ("namesrvAddr", namesrv.to_string()),
        ("brokerIP1", "127.0.0.1".to_string()),
        ("storePathRootDir", store.display().to_string()),
        (
            "storePathCommitLog",
            store.join("commitlog").display().to_string(),
        ),
    ];
    let key_of = |line: &str| {
        let line = line.trim();
        let end = line.find(['=', ':']).unwrap_or(line.len());
        line[..end].trim().to_string()
    };
    let mut out = String::new();
    let mut seen = Vec::new();
    for line in text.lines() {
        let key = key_of(line);
        match replaced
            .iter()
            .find(|(k, _)| *k == key && !line.trim_start().starts_with('#'))
        {
            Some((k, v)) => {
                out.push_str(&format!("{k}{sep}{v}\n"));
                seen.push(key);
            }
            None => out.push_str(&format!("{line}\n")),
        }
    }
    for (k, v) in &replaced {
        if *k != "storePathCommitLog" && !seen.iter().any(|s| s == k) {
            out.push_str(&format!("{k}{sep}{v}\n"));
        }
    }
    out
}

/// Starts `mq broker start -c` on `file` relocated to a free port under `dir`, waits until it
/// is registered on `namesrv` as `name`/`id`, stops it with SIGTERM (exit 0) and returns what
/// it wrote on stderr.
fn start_relocated(file: &Path, dir: &Path, namesrv: &str, name: &str, id: i64) -> String {
    let stem = file.file_name().unwrap().to_string_lossy().to_string();
    let [port, _] = free_ports();
    let root = dir.join(&stem);
    std::fs::create_dir_all(&root).unwrap();
    let text = std::fs::read_to_string(file).unwrap();
    let is_yaml = stem.ends_with(".yaml");
    let conf = root.join(&stem);
    std::fs::write(
        &conf,
        relocate(&text, port, namesrv, &root.join("store"), is_yaml),
    )
    .unwrap();
    let stderr_path = root.join("stderr");
    let child = std::process::Command::new(mq_bin())
        .args(["broker", "start", "-c"])
        .arg(&conf)
        .env_remove("NAMESRV_ADDR")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&stderr_path).unwrap())
        .spawn()
        .unwrap();
    let broker = MqProcess {
        child,
        addr: format!("127.0.0.1:{port}"),
    };
    let said = || std::fs::read_to_string(&stderr_path).unwrap_or_default();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let out = mq(namesrv, &["cluster", "list", "-o", "json"]);
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap_or_default();
        if rows.iter().any(|r| {
            r["brokerName"] == name && r["brokerId"] == id && r["address"] == broker.addr.as_str()
        }) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{stem} never registered as {name}/{id}:\n{}",
            said()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = broker.terminate();
    assert!(status.success(), "{stem}: {status:?}\n{}", said());
    said()
}

const NOT_IMPLEMENTED: &str = "mq does not implement it";

/// Every broker config Apache RocketMQ 4.9 ships (their key sets, in tests/fixtures/rocketmq-conf)
/// starts `mq broker start -c` with only addresses and paths changed; keys RocketMQ knows and
/// mq does not (the DLedger example's) are each named by exactly one warning line.
#[test]
fn rocketmq_shipped_broker_configs_start() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rocketmq-conf/4.9");
    let mut files = Vec::new();
    for sub in ["", "2m-noslave", "2m-2s-async", "2m-2s-sync", "dledger"] {
        for entry in std::fs::read_dir(fixtures.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    assert_eq!(files.len(), 13, "{files:?}");
    for file in &files {
        let props = mq::config::parse_properties(&std::fs::read_to_string(file).unwrap());
        let name = &props["brokerName"];
        let id: i64 = props.get("brokerId").map_or(0, |v| v.parse().unwrap());
        let said = start_relocated(file, dir.path(), &ns.addr, name, id);
        let warnings: Vec<&str> = said
            .lines()
            .filter(|l| l.contains(NOT_IMPLEMENTED))
            .collect();
        if file.parent().unwrap().ends_with("dledger") {
            let unimplemented = [
                "storePathCommitLog",
                "enableDLegerCommitLog",
                "dLegerGroup",
                "dLegerPeers",
                "dLegerSelfId",
                "sendMessageThreadPoolNums",
            ];
            assert_eq!(warnings.len(), unimplemented.len(), "{said}");
            for key in unimplemented {
                let naming = warnings
                    .iter()
                    .filter(|l| l.contains(&format!("'{key}'")))
                    .count();
                assert_eq!(naming, 1, "{key}: {said}");
            }
        } else {
            assert!(warnings.is_empty(), "{}: {said}", file.display());
        }
    }
}

/// A key neither mq nor RocketMQ knows still stops the start, naming the closest real key.
#[test]
fn a_key_nobody_knows_is_refused_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("broker.conf");
    std::fs::write(
        &conf,
        "brokerName=broker-a\nflushDiskTpye=ASYNC_FLUSH\nsendMessageThreadPoolNums=4\n",
    )
    .unwrap();
    let out = std::process::Command::new(mq_bin())
        .args(["broker", "start", "-c"])
        .arg(&conf)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("flushDiskTpye") && err.contains("did you mean 'flushDiskType'?"),
        "{err}"
    );
}

/// Every member of the conf/ cluster layouts, in both forms, starts with `mq broker start -c`
/// (relocated to a free port and a temporary store) and registers with its own brokerName
/// and brokerId, naming no key as unimplemented.
#[test]
fn example_cluster_members_start() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    for layout in ["2m-2s-sync", "2m-2s-async", "2m-noslave"] {
        let mut members: Vec<PathBuf> = std::fs::read_dir(conf_dir().join(layout))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        members.sort();
        let expected = if layout == "2m-noslave" { 4 } else { 8 };
        assert_eq!(members.len(), expected, "{layout}: {members:?}");
        for file in members {
            let stem = file.file_stem().unwrap().to_string_lossy().to_string();
            let id = i64::from(stem.ends_with("-s"));
            let name = stem.trim_end_matches("-s");
            let work = dir.path().join(layout);
            let said = start_relocated(&file, &work, &ns.addr, name, id);
            assert!(
                !said.contains(NOT_IMPLEMENTED),
                "{}: {said}",
                file.display()
            );
        }
    }
}
