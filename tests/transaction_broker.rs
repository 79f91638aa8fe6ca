//! The broker side of transactional messages against real `mq up` processes, driven on the
//! wire as a transactional producer drives it: half messages (SEND_MESSAGE_V2 with
//! TRAN_MSG=true), END_TRANSACTION commit / rollback / repeated / refused, the check-back
//! (CHECK_TRANSACTION_STATE to a connection that heartbeated as a producer of the group,
//! answered with END_TRANSACTION fromTransactionCheck=true), the check limit, and kill -9
//! between half and commit. What a consumer sees is read by pulling the real topic.

mod support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mq::client::consumer::pull::PullConsumer;
use mq::client::{ClientConfig, MessageExt};
use mq::protocol::body::RemotingBody;
use mq::protocol::header::{
    CheckTransactionStateRequestHeader, EndTransactionRequestHeader, SendMessageResponseHeader,
};
use mq::protocol::heartbeat::{HeartbeatData, ProducerData};
use mq::protocol::message::{build_properties, decode_message, decode_offset_msg_id};
use mq::remoting::code::{request, response};
use mq::remoting::connection::HandlerFuture;
use mq::remoting::{Connection, RemotingClient, RemotingCommand, RequestHandler};
use support::*;

const GROUP: &str = "tx_producer";

/// Records the CHECK_TRANSACTION_STATE requests the broker sends to this client.
#[derive(Default)]
struct Checks(Mutex<Vec<RemotingCommand>>);

impl RequestHandler for Checks {
    fn handle(&self, _conn: Arc<Connection>, req: RemotingCommand) -> HandlerFuture {
        if req.code == request::CHECK_TRANSACTION_STATE {
            self.0.lock().unwrap().push(req);
        }
        Box::pin(async { None })
    }
}

/// A producer of `GROUP` on the wire: its own connection to the broker, on which it
/// heartbeats and receives checks.
struct TxProducer {
    client: RemotingClient,
    checks: Arc<Checks>,
    broker: String,
}

/// Where a half message was stored.
#[derive(Clone, Copy, Debug)]
struct Half {
    queue_offset: i64,
    commit_log_offset: i64,
}

impl TxProducer {
    fn new(broker: &str) -> TxProducer {
        let checks = Arc::new(Checks::default());
        TxProducer {
            client: RemotingClient::with_handler(checks.clone()),
            checks,
            broker: broker.into(),
        }
    }

    async fn heartbeat(&self) {
        let hb = HeartbeatData {
            client_id: "127.0.0.1@tx-test".into(),
            consumer_data_set: vec![],
            producer_data_set: vec![ProducerData {
                group_name: GROUP.into(),
            }],
        };
        let r = self
            .client
            .invoke(
                &self.broker,
                RemotingCommand::request(request::HEART_BEAT).with_body(hb.encode()),
                TIMEOUT,
            )
            .await
            .unwrap();
        assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    }

    /// Sends a half message of `GROUP` with key (and UNIQ_KEY) `key` to `topic` queue 0.
    async fn send_half(&self, topic: &str, key: &str, extra: &[(&str, &str)]) -> Half {
        let mut props = vec![
            ("TRAN_MSG", "true"),
            ("PGROUP", GROUP),
            ("KEYS", key),
            ("UNIQ_KEY", key),
            ("TAGS", "tx"),
        ];
        props.extend_from_slice(extra);
        let mut req = send_request(topic, 0, key.as_bytes(), build_properties(props));
        req = with_prepared_sysflag(req);
        let r = self
            .client
            .invoke(&self.broker, req, TIMEOUT)
            .await
            .unwrap();
        assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
        let h: SendMessageResponseHeader = r.decode_header().unwrap();
        assert_eq!(h.queue_id, 0, "the answer names the real queue");
        assert_eq!(h.transaction_id.as_deref(), Some(key));
        Half {
            queue_offset: h.queue_offset,
            commit_log_offset: decode_offset_msg_id(&h.msg_id).unwrap().1,
        }
    }

    /// END_TRANSACTION for `half`, waiting for the answer.
    async fn end(&self, half: Half, group: &str, state: i32) -> RemotingCommand {
        self.client
            .invoke(
                &self.broker,
                end_request(half, group, state, false),
                TIMEOUT,
            )
            .await
            .unwrap()
    }

    /// END_TRANSACTION oneway, as Java's producer sends it.
    async fn end_oneway(&self, half: Half, state: i32, from_check: bool) {
        self.client
            .invoke_oneway(
                &self.broker,
                end_request(half, GROUP, state, from_check),
                TIMEOUT,
            )
            .await
            .unwrap();
    }

    fn checks(&self) -> Vec<RemotingCommand> {
        self.checks.0.lock().unwrap().clone()
    }
}

/// The request as the producer sends it: sysflag PREPARED (4).
fn with_prepared_sysflag(req: RemotingCommand) -> RemotingCommand {
    use mq::protocol::header::{SendMessageRequestHeader, SendMessageRequestHeaderV2};
    let h: SendMessageRequestHeaderV2 = req.decode_header().unwrap();
    let mut h: SendMessageRequestHeader = h.into();
    h.sys_flag = 4;
    let v2: SendMessageRequestHeaderV2 = h.into();
    RemotingCommand::request(request::SEND_MESSAGE_V2)
        .with_header(&v2)
        .with_body(req.body.clone())
}

fn end_request(half: Half, group: &str, state: i32, from_check: bool) -> RemotingCommand {
    RemotingCommand::request(request::END_TRANSACTION).with_header(&EndTransactionRequestHeader {
        topic: None,
        producer_group: group.into(),
        tran_state_table_offset: half.queue_offset,
        commit_log_offset: half.commit_log_offset,
        commit_or_rollback: state,
        from_transaction_check: Some(from_check),
        msg_id: "unused".into(),
        transaction_id: None,
    })
}

/// Every message of `topic` queue 0 a consumer sees, from offset 0.
async fn consumed(ns: &str, topic: &str) -> Vec<MessageExt> {
    let consumer = PullConsumer::new(&ClientConfig::new(ns), "tx_reader").unwrap();
    let queues = consumer.fetch_subscribe_queues(topic).await.unwrap();
    let mut all = Vec::new();
    for q in queues {
        let mut from = 0;
        loop {
            let r = consumer.pull(&q, "*", from, 32).await.unwrap();
            if r.messages.is_empty() {
                break;
            }
            from = r.next_begin_offset;
            all.extend(r.messages);
        }
    }
    consumer.shutdown();
    all
}

fn keys(msgs: &[MessageExt]) -> Vec<String> {
    let mut k: Vec<String> = msgs.iter().map(|m| m.msg_id()).collect();
    k.sort();
    k
}

/// Polls the consumer view of `topic` until it holds `want` (sorted UNIQ_KEYs).
async fn wait_consumed(ns: &str, topic: &str, want: &[&str], timeout: Duration) -> Vec<MessageExt> {
    let deadline = Instant::now() + timeout;
    loop {
        let got = consumed(ns, topic).await;
        if keys(&got) == want {
            return got;
        }
        assert!(
            Instant::now() < deadline,
            "{topic}: saw {:?}, want {want:?}",
            keys(&got)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Raw pull of `topic` queue 0 straight from the broker (system topics have no route).
async fn pulled_raw(client: &RemotingClient, broker: &str, topic: &str) -> Vec<Vec<u8>> {
    // FLAG_SUBSCRIPTION: the expression comes with the pull (no heartbeat as a consumer).
    let req = pull_request("tx_raw", topic, 0, 0, 4, "*", Duration::ZERO);
    let r = client.invoke(broker, req, TIMEOUT).await.unwrap();
    if r.code != response::SUCCESS {
        eprintln!("pull {topic}: {} {:?}", r.code, r.remark);
        return vec![];
    }
    let mut out = Vec::new();
    let mut rest = &r.body[..];
    while rest.len() >= 4 {
        let n = i32::from_be_bytes(rest[..4].try_into().unwrap()) as usize;
        out.push(rest[..n].to_vec());
        rest = &rest[n..];
    }
    out
}

fn up_with(dir: &std::path::Path, conf: &str) -> MqUp {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("broker.yaml");
    std::fs::write(&path, conf).unwrap();
    start_up(dir, &["-c", path.to_str().unwrap()])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commit_rollback_repeats_and_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "TxTopic", 1).await;
    let p = TxProducer::new(&up.broker);
    let c = p.send_half("TxTopic", "C1", &[]).await;
    let r = p.send_half("TxTopic", "R1", &[]).await;
    let u = p.send_half("TxTopic", "U1", &[]).await;
    assert_eq!(
        (c.queue_offset, r.queue_offset, u.queue_offset),
        (0, 1, 2),
        "halves share the half queue"
    );
    assert!(consumed(&up.namesrv, "TxTopic").await.is_empty());

    // Refusals change nothing.
    let wrong = p.end(c, "another_group", 8).await;
    assert_eq!(wrong.code, response::SYSTEM_ERROR);
    assert_eq!(wrong.remark.as_deref(), Some("The producer group wrong"));
    let nowhere = Half {
        queue_offset: 0,
        commit_log_offset: 1 << 40,
    };
    let missing = p.end(nowhere, GROUP, 8).await;
    assert_eq!(missing.code, response::SYSTEM_ERROR);
    assert!(
        missing
            .remark
            .as_deref()
            .unwrap()
            .starts_with("Find prepared transaction message failed"),
        "{missing:?}"
    );
    let shifted = p
        .end(
            Half {
                queue_offset: 1,
                ..c
            },
            GROUP,
            8,
        )
        .await;
    assert_eq!(
        shifted.remark.as_deref(),
        Some("The transaction state table offset wrong")
    );
    let bad = p.end(c, GROUP, 5).await;
    assert_eq!(bad.code, response::SYSTEM_ERROR);
    assert!(
        bad.remark
            .as_deref()
            .unwrap()
            .contains("commitOrRollback 5")
    );
    // Unknown: no answer and nothing stored (oneway, as a producer sends it).
    p.end_oneway(u, 0, false).await;

    // Commit, rollback, then both again and crossed: one message, the committed one.
    assert_eq!(p.end(c, GROUP, 8).await.code, response::SUCCESS);
    assert_eq!(p.end(r, GROUP, 12).await.code, response::SUCCESS);
    assert_eq!(p.end(c, GROUP, 8).await.code, response::SUCCESS);
    assert_eq!(p.end(r, GROUP, 8).await.code, response::SUCCESS);
    p.end_oneway(c, 8, true).await;
    let got = wait_consumed(&up.namesrv, "TxTopic", &["C1"], TIMEOUT).await;
    let m = &got[0];
    assert_eq!(&m.body[..], b"C1");
    assert_eq!(m.queue_id, 0);
    assert_eq!(m.property("KEYS"), Some("C1"));
    assert_eq!(m.property("PGROUP"), Some(GROUP));
    for gone in ["REAL_TOPIC", "REAL_QID", "TRAN_MSG"] {
        assert_eq!(m.property(gone), None, "{gone} in {:?}", m.properties_map());
    }
    assert_eq!(m.sys_flag & 0b1100, 8, "stored with the commit sysflag");

    // The op messages: one per settled half, tag d, the half's queue offset as text.
    let ops = pulled_raw(&p.client, &up.broker, "RMQ_SYS_TRANS_OP_HALF_TOPIC").await;
    let bodies: Vec<String> = ops
        .iter()
        .map(|r| {
            let m = decode_message(r).unwrap();
            assert_eq!(m.tags(), Some("d"));
            String::from_utf8(m.body).unwrap()
        })
        .collect();
    assert_eq!(bodies, ["0", "1"]);
    // The half itself, as the admin reads it.
    let halves = pulled_raw(&p.client, &up.broker, "RMQ_SYS_TRANS_HALF_TOPIC").await;
    assert_eq!(halves.len(), 3);
    let h = decode_message(&halves[0]).unwrap();
    assert_eq!(h.properties["REAL_TOPIC"], "TxTopic");
    assert_eq!(h.properties["REAL_QID"], "0");
    assert_eq!(h.properties["TRAN_MSG"], "true");
    assert_eq!(h.sys_flag & 0b1100, 0, "the prepared flag is reset");
    // Still just one after all that.
    assert_eq!(keys(&consumed(&up.namesrv, "TxTopic").await), ["C1"]);

    // A half sent with the client library (TRAN_MSG=true makes it set the prepared sysflag)
    // is kept apart too, and committed with the offsets its send result gives.
    let producer = mq::client::Producer::new(
        &ClientConfig::new(&up.namesrv),
        mq::client::ProducerConfig {
            group: GROUP.into(),
            ..Default::default()
        },
    )
    .unwrap();
    let mut msg = mq::client::Message::new("TxTopic", "L1");
    msg.properties.insert("TRAN_MSG".into(), "true".into());
    msg.properties.insert("PGROUP".into(), GROUP.into());
    let sent = producer.send(&msg).await.unwrap();
    producer.shutdown().await;
    assert_eq!(sent.queue_offset, 3, "the half queue's next offset");
    assert_eq!(keys(&consumed(&up.namesrv, "TxTopic").await), ["C1"]);
    let lib = Half {
        queue_offset: sent.queue_offset,
        commit_log_offset: decode_offset_msg_id(&sent.offset_msg_id).unwrap().1,
    };
    assert_eq!(p.end(lib, GROUP, 8).await.code, response::SUCCESS);
    let mut want = ["C1".to_string(), sent.msg_id.clone()];
    want.sort();
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    wait_consumed(&up.namesrv, "TxTopic", &want, TIMEOUT).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_outcomes_are_checked_back_and_given_up_after_the_max() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(
        dir.path(),
        "transactionCheckInterval: 1000\ntransactionTimeOut: 1000\ntransactionCheckMax: 3\n",
    );
    create_topic(&up, "TxChecked", 1).await;
    let p = TxProducer::new(&up.broker);
    p.heartbeat().await;
    let k = p.send_half("TxChecked", "K1", &[]).await;
    let m = p.send_half("TxChecked", "M1", &[]).await;
    p.end_oneway(k, 0, false).await;
    p.end_oneway(m, 0, false).await;

    // A check for K1 arrives on the producer's connection, naming a copy of the half.
    let deadline = Instant::now() + Duration::from_secs(20);
    let check = loop {
        if let Some(c) = p.checks().into_iter().find(|c| {
            c.decode_header::<CheckTransactionStateRequestHeader>()
                .unwrap()
                .msg_id
                .as_deref()
                == Some("K1")
        }) {
            break c;
        }
        assert!(Instant::now() < deadline, "no check for K1");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let h: CheckTransactionStateRequestHeader = check.decode_header().unwrap();
    assert_eq!(h.transaction_id.as_deref(), Some("K1"));
    assert!(h.commit_log_offset > k.commit_log_offset, "a copy");
    assert!(h.tran_state_table_offset > m.queue_offset, "a copy");
    let body = decode_message(&check.body).unwrap();
    assert_eq!((body.topic.as_str(), body.queue_id), ("TxChecked", 0));
    assert_eq!(body.properties["TRANSACTION_CHECK_TIMES"], "1");
    assert_eq!(body.properties["UNIQ_KEY"], "K1");
    assert_eq!(body.body, b"K1");
    assert_eq!(h.offset_msg_id.as_deref(), Some(body.msg_id.as_str()));
    assert!(consumed(&up.namesrv, "TxChecked").await.is_empty());

    // The producer answers the check: commit.
    let copy = Half {
        queue_offset: h.tran_state_table_offset,
        commit_log_offset: h.commit_log_offset,
    };
    p.end_oneway(copy, 8, true).await;
    let got = wait_consumed(&up.namesrv, "TxChecked", &["K1"], TIMEOUT).await;
    assert_eq!(got[0].property("TRANSACTION_CHECK_TIMES"), None);
    let count = |key: &str| {
        p.checks()
            .iter()
            .filter(|c| {
                c.decode_header::<CheckTransactionStateRequestHeader>()
                    .unwrap()
                    .msg_id
                    .as_deref()
                    == Some(key)
            })
            .count()
    };
    let k_checks = count("K1");

    // M1 is never answered: checked 3 times, then moved to TRANS_CHECK_MAX_TIME_TOPIC.
    let deadline = Instant::now() + Duration::from_secs(30);
    let discarded = loop {
        let d = pulled_raw(&p.client, &up.broker, "TRANS_CHECK_MAX_TIME_TOPIC").await;
        if !d.is_empty() {
            break d;
        }
        assert!(Instant::now() < deadline, "M1 never discarded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(discarded.len(), 1);
    let d = decode_message(&discarded[0]).unwrap();
    assert_eq!(d.properties["UNIQ_KEY"], "M1");
    assert_eq!(d.properties["TRANSACTION_CHECK_TIMES"], "3");
    assert_eq!(count("M1"), 3);
    // Settled: no more checks for K1 (but one a pass already under way may have sent).
    assert!(
        count("K1") <= k_checks + 1,
        "K1 checked {} times",
        count("K1")
    );
    assert_eq!(keys(&consumed(&up.namesrv, "TxChecked").await), ["K1"]);

    // The checker's offsets are group CID_RMQ_SYS_TRANS's consumer offsets.
    let out = mq_ok(
        &up.namesrv,
        &["group", "describe", "CID_RMQ_SYS_TRANS", "-o", "json"],
    );
    assert!(out.contains("RMQ_SYS_TRANS_HALF_TOPIC"), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_between_half_and_commit_delivers_each_commit_once() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    create_topic(&up, "TxKilled", 1).await;
    let p = TxProducer::new(&up.broker);
    let mut halves = Vec::new();
    for i in 0..5 {
        halves.push(p.send_half("TxKilled", &format!("H{i}"), &[]).await);
    }
    assert_eq!(p.end(halves[0], GROUP, 8).await.code, response::SUCCESS);
    assert_eq!(p.end(halves[1], GROUP, 12).await.code, response::SUCCESS);
    wait_consumed(&up.namesrv, "TxKilled", &["H0"], TIMEOUT).await;
    p.client.shutdown();
    drop(up); // SIGKILL

    let up = start_up(dir.path(), &[]);
    let p = TxProducer::new(&up.broker);
    // Late and repeated outcomes after the restart: H0 again, H1 committed after its
    // rollback, H2 and H3 committed, H4 rolled back.
    for (i, state) in [(0, 8), (1, 8), (2, 8), (3, 8), (4, 12), (2, 8)] {
        let r = p.end(halves[i], GROUP, state).await;
        assert_eq!(r.code, response::SUCCESS, "H{i}: {:?}", r.remark);
    }
    wait_consumed(&up.namesrv, "TxKilled", &["H0", "H2", "H3"], TIMEOUT).await;
    p.client.shutdown();
    drop(up); // SIGKILL again, right after the commits

    let up = start_up(dir.path(), &[]);
    let p = TxProducer::new(&up.broker);
    for (i, h) in halves.iter().enumerate() {
        let r = p.end(*h, GROUP, 8).await;
        assert_eq!(r.code, response::SUCCESS, "H{i}: {:?}", r.remark);
    }
    let got = consumed(&up.namesrv, "TxKilled").await;
    assert_eq!(keys(&got), ["H0", "H2", "H3"], "each commit delivered once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_half_pending_at_kill_9_is_checked_back_after_the_restart() {
    let dir = tempfile::tempdir().unwrap();
    let conf = "transactionCheckInterval: 1000\ntransactionTimeOut: 1000\n";
    let up = up_with(dir.path(), conf);
    create_topic(&up, "TxPending", 1).await;
    let p = TxProducer::new(&up.broker);
    let half = p.send_half("TxPending", "P1", &[]).await;
    p.client.shutdown();
    drop(up); // SIGKILL, before any check

    let up = up_with(dir.path(), conf);
    let p = TxProducer::new(&up.broker);
    p.heartbeat().await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let check = loop {
        if let Some(c) = p.checks().into_iter().next() {
            break c;
        }
        assert!(
            Instant::now() < deadline,
            "the pending half was never checked"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let h: CheckTransactionStateRequestHeader = check.decode_header().unwrap();
    assert_eq!(h.msg_id.as_deref(), Some("P1"));
    let copy = Half {
        queue_offset: h.tran_state_table_offset,
        commit_log_offset: h.commit_log_offset,
    };
    p.end_oneway(copy, 8, true).await;
    // The producer's own late commit of the first half arrives too: still one message.
    assert_eq!(p.end(half, GROUP, 8).await.code, response::SUCCESS);
    wait_consumed(&up.namesrv, "TxPending", &["P1"], TIMEOUT).await;
    p.client.shutdown();
    drop(up); // SIGKILL

    let up = up_with(dir.path(), conf);
    let p = TxProducer::new(&up.broker);
    assert_eq!(p.end(half, GROUP, 8).await.code, response::SUCCESS);
    assert_eq!(p.end(copy, GROUP, 8).await.code, response::SUCCESS);
    assert_eq!(keys(&consumed(&up.namesrv, "TxPending").await), ["P1"]);
}
