//! `cargo bench --bench bench_rpc`: is `mq bench rpc` the bottleneck? In one
//! process and one tokio runtime, runs in turn (a) a minimal request/response
//! loop — a tiny server answering each frame with a frame of the size a
//! RocketMQ server's REQUEST_CODE_NOT_SUPPORTED answer has, and a tiny
//! client writing frames the size of `mq bench rpc`'s requests, one in
//! flight per connection — and (b) `mq bench rpc`'s engine (the remoting
//! client, the workers, the recorders) against `mq`'s remoting server
//! answering REQUEST_CODE_NOT_SUPPORTED without work, and (c) the same
//! engine against the minimal server (which then also copies each request's
//! opaque into its answer), so that the client's share and the server's
//! share of the difference can be told apart. Each case runs
//! MQ_BENCH_SECS seconds (default 2), in two interleaved rounds, for 1 and
//! 16 connections (one thread each); it prints both rates and their ratio
//! (the target is at least 0.9). Nothing is asserted: speed is for people.

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::BytesMut;
use mq::bench::options::{LoadOptions, Stop};
use mq::bench::rpc::{self, NO_OP_REQUEST_CODE};
use mq::bench::run::Run;
use mq::remoting::codec::encode_frame;
use mq::remoting::connection::HandlerFuture;
use mq::remoting::server::{self, ServerConfig};
use mq::remoting::{Connection, RemotingCommand, RequestHandler};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::sync::CancellationToken;

fn main() {
    let secs: f64 = std::env::var("MQ_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2.0);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let span = Duration::from_secs_f64(secs);
        println!(
            "{:>5}  {:>14}  {:>14}  {:>6}  {:>18}  {:>6}",
            "CONNS", "MINIMAL REQ/S", "MQ RPC REQ/S", "RATIO", "MQ RPC->MINIMAL", "RATIO"
        );
        for conns in [1usize, 16] {
            let (mut minimal, mut ours, mut client_only) = (Vec::new(), Vec::new(), Vec::new());
            for _ in 0..2 {
                minimal.push(minimal_loop(conns, span).await);
                ours.push(mq_rpc(conns, span).await);
                client_only.push(mq_rpc_to_minimal(conns, span).await);
            }
            let (m, o, c) = (mean(&minimal), mean(&ours), mean(&client_only));
            println!(
                "{conns:>5}  {m:>14.0}  {o:>14.0}  {:>6.2}  {c:>18.0}  {:>6.2}",
                o / m,
                c / m
            );
            println!(
                "       rounds: minimal {:?}, mq rpc {:?}, mq rpc->minimal {:?}",
                rounded(&minimal),
                rounded(&ours),
                rounded(&client_only)
            );
        }
    });
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

fn rounded(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.round() as u64).collect()
}

/// The options of the `mq bench rpc` runs: 128 B bodies, sync, one thread per connection.
fn options(conns: usize, span: Duration) -> LoadOptions {
    let mut o = LoadOptions::new("BenchmarkTest");
    o.connections = conns;
    o.threads = conns;
    o.stop = Stop::Duration(span);
    o
}

/// The frames of the comparison: exactly the bytes `mq bench rpc` and its server exchange.
fn frames(conns: usize) -> (Vec<u8>, Vec<u8>) {
    let request = rpc::request_like_a_send(&options(conns, Duration::ZERO));
    let mut req = BytesMut::new();
    encode_frame(&request, &mut req);
    let mut answer = RemotingCommand::not_supported(NO_OP_REQUEST_CODE);
    answer.opaque = 1;
    let mut resp = BytesMut::new();
    encode_frame(&answer, &mut resp);
    (req.to_vec(), resp.to_vec())
}

/// (a): requests a second of the minimal loop over `conns` connections.
async fn minimal_loop(conns: usize, span: Duration) -> f64 {
    let (req, resp) = frames(conns);
    let (addr, stop, server) = minimal_server(resp, false).await;
    let deadline = Instant::now() + span;
    let clients: Vec<_> = (0..conns)
        .map(|_| {
            let (req, resp_len) = (req.clone(), frames(conns).1.len());
            tokio::spawn(async move {
                let mut s = TcpStream::connect(addr).await.unwrap();
                s.set_nodelay(true).unwrap();
                let mut buf = vec![0u8; resp_len];
                let mut n = 0u64;
                while Instant::now() < deadline {
                    s.write_all(&req).await.unwrap();
                    s.read_exact(&mut buf).await.unwrap();
                    n += 1;
                }
                n
            })
        })
        .collect();
    let started = Instant::now();
    let mut total = 0;
    for c in clients {
        total += c.await.unwrap();
    }
    let rate = total as f64 / started.elapsed().as_secs_f64();
    stop.cancel();
    let _ = server.await;
    rate
}

/// The minimal server: reads a frame, writes `resp`. With `echo_opaque`, `resp` must be a
/// ROCKETMQ-serialized frame, and each request's (JSON) opaque is copied into it, as a
/// client that matches answers to requests needs.
async fn minimal_server(
    resp: Vec<u8>,
    echo_opaque: bool,
) -> (
    std::net::SocketAddr,
    CancellationToken,
    tokio::task::JoinHandle<()>,
) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let stop = CancellationToken::new();
    let server = {
        let stop = stop.clone();
        tokio::spawn(async move {
            loop {
                let (mut s, _) = tokio::select! {
                    a = listener.accept() => a.unwrap(),
                    _ = stop.cancelled() => break,
                };
                let mut resp = resp.clone();
                tokio::spawn(async move {
                    s.set_nodelay(true).unwrap();
                    let mut len = [0u8; 4];
                    let mut frame = Vec::new();
                    while s.read_exact(&mut len).await.is_ok() {
                        frame.resize(u32::from_be_bytes(len) as usize, 0);
                        if s.read_exact(&mut frame).await.is_err() {
                            break;
                        }
                        if echo_opaque {
                            // 4 length + 4 header length, then code(2) language(1) version(2).
                            resp[13..17].copy_from_slice(&json_opaque(&frame).to_be_bytes());
                        }
                        if s.write_all(&resp).await.is_err() {
                            break;
                        }
                    }
                });
            }
        })
    };
    (addr, stop, server)
}

/// The `"opaque":N` of a frame (without its length prefix) whose header is JSON.
fn json_opaque(frame: &[u8]) -> i32 {
    const KEY: &[u8] = b"\"opaque\":";
    let at = frame
        .windows(KEY.len())
        .position(|w| w == KEY)
        .expect("a JSON header with an opaque")
        + KEY.len();
    let digits: Vec<u8> = frame[at..]
        .iter()
        .copied()
        .take_while(|b| b.is_ascii_digit() || *b == b'-')
        .collect();
    std::str::from_utf8(&digits).unwrap().parse().unwrap()
}

/// (c): `mq bench rpc`'s engine against the minimal server.
async fn mq_rpc_to_minimal(conns: usize, span: Duration) -> f64 {
    let mut answer = RemotingCommand::not_supported(NO_OP_REQUEST_CODE);
    answer.serialize_type = mq::remoting::SerializeType::RocketMq;
    let mut resp = BytesMut::new();
    encode_frame(&answer, &mut resp);
    let (addr, stop, server) = minimal_server(resp.to_vec(), true).await;
    let opts = options(conns, span);
    let mut run = Run::new(opts.stop, Duration::ZERO, None).unwrap();
    Arc::get_mut(&mut run).unwrap().show_progress = false;
    let report = rpc::run_against(&addr.to_string(), &opts, run)
        .await
        .unwrap();
    assert_eq!(report.errors, 0, "{:?}", report.errors_by_kind);
    stop.cancel();
    let _ = server.await;
    report.requests as f64 / report.elapsed_secs
}

/// Answers every request REQUEST_CODE_NOT_SUPPORTED, as a server that does no work.
struct NoOp;

impl RequestHandler for NoOp {
    fn handle(&self, _conn: Arc<Connection>, req: RemotingCommand) -> HandlerFuture {
        let answer = RemotingCommand::not_supported(req.code);
        Box::pin(async move { Some(answer) })
    }
}

/// (b): requests a second of `mq bench rpc`'s engine against `mq`'s remoting server.
async fn mq_rpc(conns: usize, span: Duration) -> f64 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let stop = CancellationToken::new();
    let server = {
        let stop = stop.clone();
        tokio::spawn(async move {
            server::run(
                listener,
                Arc::new(NoOp),
                ServerConfig::default(),
                async move { stop.cancelled().await },
            )
            .await
        })
    };
    let opts = options(conns, span);
    let mut run = Run::new(opts.stop, Duration::ZERO, None).unwrap();
    Arc::get_mut(&mut run).unwrap().show_progress = false;
    let report = rpc::run_against(&addr, &opts, run).await.unwrap();
    assert_eq!(report.errors, 0, "{:?}", report.errors_by_kind);
    stop.cancel();
    let _ = server.await;
    report.requests as f64 / report.elapsed_secs
}
