//! Shared test harness: free loopback ports, `mq` child processes that are
//! killed when the test ends, and polling with a deadline instead of sleeps.

#![allow(dead_code)]

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use mq::protocol::header::{
    PullMessageRequestHeader, RegisterBrokerRequestHeader, SendMessageRequestHeader,
    SendMessageRequestHeaderV2,
};
use mq::protocol::register_broker::RegisterBrokerBody;
use mq::protocol::topic_config::{DataVersion, TopicConfig};
use mq::remoting::code::{request, response};
use mq::remoting::{RemotingClient, RemotingCommand};

pub const TIMEOUT: Duration = Duration::from_secs(5);

/// SEND_MESSAGE_V2 of `body` to `topic`/`queue_id` (auto-created from TBW102 with 4 queues)
/// with the message properties `props` (see `build_properties`).
pub fn send_request(topic: &str, queue_id: i32, body: &[u8], props: String) -> RemotingCommand {
    send_request_reconsumed(topic, queue_id, body, props, None, None)
}

/// `send_request` with the reconsumeTimes and maxReconsumeTimes headers a client sets when it
/// sends a failed message to `%RETRY%<group>` (at the max, the broker stores it in `%DLQ%<group>`).
pub fn send_request_reconsumed(
    topic: &str,
    queue_id: i32,
    body: &[u8],
    props: String,
    reconsume_times: Option<i32>,
    max_reconsume_times: Option<i32>,
) -> RemotingCommand {
    let header: SendMessageRequestHeaderV2 = SendMessageRequestHeader {
        producer_group: "test_producer".into(),
        topic: topic.into(),
        default_topic: "TBW102".into(),
        default_topic_queue_nums: 4,
        queue_id,
        born_timestamp: mq::util::now_millis(),
        properties: Some(props.into()),
        reconsume_times,
        max_reconsume_times,
        ..Default::default()
    }
    .into();
    RemotingCommand::request(request::SEND_MESSAGE_V2)
        .with_header(&header)
        .with_body(body.to_vec())
}

/// PULL_MESSAGE of up to 32 messages from `offset`, with PullSysFlag bits `sys_flag`, the TAG
/// expression `expr` and a suspend time (used when `sys_flag` has SUSPEND).
pub fn pull_request(
    group: &str,
    topic: &str,
    queue_id: i32,
    offset: i64,
    sys_flag: i32,
    expr: &str,
    suspend: Duration,
) -> RemotingCommand {
    RemotingCommand::request(request::PULL_MESSAGE).with_header(&PullMessageRequestHeader {
        consumer_group: group.into(),
        topic: topic.into(),
        queue_id,
        queue_offset: offset,
        max_msg_nums: 32,
        sys_flag,
        commit_offset: 0,
        suspend_timeout_millis: suspend.as_millis() as i64,
        subscription: Some(expr.into()),
        sub_version: 0,
        expression_type: Some("TAG".into()),
        broker_name: None,
    })
}

/// The `mq` binary under test.
pub fn mq_bin() -> &'static str {
    env!("CARGO_BIN_EXE_mq")
}

/// A loopback port nobody listens on right now, with the port after it free too.
/// `mq broker start -c conf -n namesrv` with stdin and stdout closed; the caller picks stderr.
pub fn broker_start(conf: &Path, namesrv: &str) -> Command {
    let mut cmd = Command::new(mq_bin());
    cmd.args([
        "broker",
        "start",
        "-c",
        conf.to_str().unwrap(),
        "-n",
        namesrv,
    ])
    .stdin(Stdio::null())
    .stdout(Stdio::null());
    cmd
}

pub fn free_port() -> u16 {
    free_ports::<1>()[0]
}

/// Where test ports are taken from: below the kernel's ephemeral range (32768 and up), so no
/// outgoing connection holds one, and in pairs, because a broker also listens on its port + 1
/// (its HA port) and the next test must not be given that one.
const TEST_PORTS: std::ops::Range<u32> = 15_000..32_000;
static NEXT_PORT_PAIR: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// `pairs * 2` consecutive loopback ports, none handed out before in this process, all free
/// right now; returns the first.
fn reserve_ports(pairs: u32) -> u16 {
    let total_pairs = (TEST_PORTS.end - TEST_PORTS.start) / 2;
    // Test binaries of different runs start at different places of the range.
    let offset = std::process::id().wrapping_mul(7919) % total_pairs;
    for _ in 0..total_pairs {
        let k = NEXT_PORT_PAIR.fetch_add(pairs, std::sync::atomic::Ordering::Relaxed);
        let first = (offset + k) % total_pairs;
        if first + pairs > total_pairs {
            continue;
        }
        let base = (TEST_PORTS.start + first * 2) as u16;
        let all_free =
            (0..pairs as u16 * 2).all(|i| TcpListener::bind(("127.0.0.1", base + i)).is_ok());
        if all_free {
            return base;
        }
    }
    panic!("no {pairs} free loopback port pairs in {TEST_PORTS:?}");
}

/// `N` different loopback ports nobody listens on right now, each with its next port free
/// too.
pub fn free_ports<const N: usize>() -> [u16; N] {
    std::array::from_fn(|_| reserve_ports(1))
}

/// Polls `cond` until it holds or `timeout` passes.
pub fn wait_until(what: &str, timeout: Duration, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A running `mq` process, killed (and reaped) on drop.
pub struct MqProcess {
    pub child: Child,
    pub addr: String,
}

impl Drop for MqProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl MqProcess {
    /// Sends SIGTERM and waits for a clean exit.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        unsafe_kill(self.child.id(), 15);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "mq did not stop on SIGTERM");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn unsafe_kill(pid: u32, signal: i32) {
    let _ = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status();
}

/// Starts `mq namesrv start` on a free port with its data under `dir`,
/// plus extra YAML config lines, and waits until it accepts connections.
pub fn start_namesrv(dir: &Path, extra_config: &str) -> MqProcess {
    let port = free_port();
    let config = dir.join("namesrv.yaml");
    std::fs::write(
        &config,
        format!(
            "listenPort: {port}\nkvConfigPath: {}\n{extra_config}",
            dir.join("kvConfig.json").display()
        ),
    )
    .unwrap();
    let child = Command::new(mq_bin())
        .args(["namesrv", "start", "-c"])
        .arg(&config)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let addr = format!("127.0.0.1:{port}");
    let proc = MqProcess { child, addr };
    wait_until("the name server to listen", Duration::from_secs(20), || {
        std::net::TcpStream::connect(&proc.addr).is_ok()
    });
    proc
}

/// A running `mq up`: its name server and broker addresses.
pub struct MqUp {
    pub process: MqProcess,
    pub namesrv: String,
    pub broker: String,
}

/// Starts `mq up` with its data under `dir` on free ports, plus extra
/// arguments, and waits for its ready line.
pub fn start_up(dir: &Path, extra_args: &[&str]) -> MqUp {
    let [ns_port, broker_port] = free_ports();
    let (process, _) = spawn_up(dir, ns_port, broker_port, extra_args);
    MqUp {
        namesrv: process.addr.clone(),
        broker: format!("127.0.0.1:{broker_port}"),
        process,
    }
}

/// A loopback port `p` such that `p..p + n` are all free right now and handed out to no other
/// test, for a process that lays its listeners out from one base port.
pub fn free_port_run(n: u16) -> u16 {
    reserve_ports(u32::from(n).div_ceil(2))
}

/// A running `mq up --masters/--slaves/--namesrvs` cluster: its name servers and every
/// broker as its ready lines printed it (address, brokerName, brokerId, role).
pub struct MqCluster {
    pub process: MqProcess,
    pub namesrvs: Vec<String>,
    pub brokers: Vec<UpBroker>,
}

#[derive(Clone, Debug)]
pub struct UpBroker {
    pub addr: String,
    pub name: String,
    pub id: i64,
    pub role: String,
}

impl MqCluster {
    /// The name server list as clients take it (`;`-separated).
    pub fn namesrv_list(&self) -> String {
        self.namesrvs.join(";")
    }
}

/// Starts `mq up --masters M --slaves S --namesrvs K` with its data under `dir` on free port
/// runs (brokers two ports apart: listenPort+1 is their HA port), plus extra arguments, and
/// waits for its ready line.
pub fn start_up_cluster(
    dir: &Path,
    masters: u16,
    slaves: u16,
    namesrvs: u16,
    extra_args: &[&str],
) -> MqCluster {
    let ns_port = free_port_run(namesrvs);
    let broker_port = free_port_run(masters * (slaves + 1) * 2);
    let (process, lines) = spawn_up(
        dir,
        ns_port,
        broker_port,
        &[
            &["--masters", &masters.to_string()],
            &["--slaves", &slaves.to_string()],
            &["--namesrvs", &namesrvs.to_string()],
            extra_args,
        ]
        .concat(),
    );
    let mut cluster = MqCluster {
        process,
        namesrvs: Vec::new(),
        brokers: Vec::new(),
    };
    for line in lines {
        if let Some(addr) = line.strip_prefix("name server") {
            cluster.namesrvs.push(addr.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("broker") {
            // "127.0.0.1:10911  (broker-a in DefaultCluster, brokerId 0, ASYNC_MASTER)"
            let (addr, about) = rest.trim().split_once("  (").unwrap();
            let about = about.trim_end_matches(')');
            let parts: Vec<&str> = about.split(", ").collect();
            cluster.brokers.push(UpBroker {
                addr: addr.to_string(),
                name: parts[0].split(' ').next().unwrap().to_string(),
                id: parts[1].trim_start_matches("brokerId ").parse().unwrap(),
                role: parts.get(2).unwrap_or(&"ASYNC_MASTER").to_string(),
            });
        }
    }
    cluster
}

/// Spawns `mq up` on the given base ports and returns it with the lines it printed up to
/// and including `ready:`.
fn spawn_up(
    dir: &Path,
    ns_port: u16,
    broker_port: u16,
    extra_args: &[&str],
) -> (MqProcess, Vec<String>) {
    // Kept in the data directory (removed with it), so a start that fails can say why.
    std::fs::create_dir_all(dir).unwrap();
    let stderr_path = dir.join("mq-up.stderr");
    let stderr = std::fs::File::create(&stderr_path).unwrap();
    let mut child = Command::new(mq_bin())
        .arg("up")
        .arg("--data")
        .arg(dir)
        .args(["--namesrv-port", &ns_port.to_string()])
        .args(["--broker-port", &broker_port.to_string()])
        .args(extra_args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut process = MqProcess {
        child,
        addr: format!("127.0.0.1:{ns_port}"),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut lines = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line.starts_with("ready:") => {
                lines.push(line);
                break;
            }
            Ok(line) => lines.push(line),
            Err(_) => {
                let status = process.child.try_wait().ok().flatten();
                let said = std::fs::read_to_string(&stderr_path).unwrap_or_default();
                panic!(
                    "mq up (ports {ns_port}, {broker_port}) did not get ready, exit status {status:?}:\n{said}"
                );
            }
        }
    }
    (process, lines)
}

/// Runs `mq` with `args` against name server `namesrv` and returns its output.
pub fn mq(namesrv: &str, args: &[&str]) -> Output {
    Command::new(mq_bin())
        .args(args)
        .env("NAMESRV_ADDR", namesrv)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Like `mq`, but asserts success and returns stdout.
pub fn mq_ok(namesrv: &str, args: &[&str]) -> String {
    let out = mq(namesrv, args);
    assert!(
        out.status.success(),
        "mq {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub struct Broker<'a> {
    pub cluster: &'a str,
    pub name: &'a str,
    pub id: i64,
    pub addr: &'a str,
    pub topics: &'a [(&'a str, i32)],
}

/// A REGISTER_BROKER request as a RocketMQ broker sends it.
pub fn register_request(b: &Broker<'_>, compressed: bool) -> RemotingCommand {
    let mut body = RegisterBrokerBody::default();
    let wrapper = &mut body.topic_config_serialize_wrapper;
    wrapper.data_version = DataVersion::new(mq::util::now_millis());
    for (topic, queues) in b.topics {
        wrapper.topic_config_table.insert(
            topic.to_string(),
            TopicConfig::with_queues(*topic, *queues, *queues, 6),
        );
    }
    let bytes = body.encode_body(compressed);
    let crc = (crc32fast::hash(&bytes) & 0x7FFF_FFFF) as i32;
    let header = RegisterBrokerRequestHeader {
        broker_name: b.name.into(),
        broker_addr: b.addr.into(),
        cluster_name: b.cluster.into(),
        ha_server_addr: b.addr.replace(":10911", ":10912"),
        broker_id: b.id,
        compressed: Some(compressed),
        body_crc32: Some(crc),
        heartbeat_timeout_millis: None,
    };
    RemotingCommand::request(request::REGISTER_BROKER)
        .with_header(&header)
        .with_body(bytes)
}

/// Registers `b` with the name server at `ns`, asserting success.
pub async fn register(client: &RemotingClient, ns: &str, b: &Broker<'_>) -> RemotingCommand {
    let r = client
        .invoke(ns, register_request(b, false), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    r
}

/// Creates a topic on the broker of `up` and waits until its route is served.
pub async fn create_topic(up: &MqUp, topic: &str, queues: i32) {
    let admin = mq::client::AdminClient::new(&up.namesrv, TIMEOUT).unwrap();
    admin
        .create_topic(
            &up.broker,
            &TopicConfig::with_queues(topic, queues, queues, 6),
        )
        .await
        .unwrap();
    for _ in 0..200 {
        if admin.topic_route(topic).await.is_ok() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("topic {topic} never got a route");
}
