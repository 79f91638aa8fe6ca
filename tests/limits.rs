//! The bounds that keep one bad client from hurting the others, each against a
//! real `mq up` configured with a small bound: connections per address,
//! requests in flight per connection, long polls held per connection, response
//! bytes left unread (per connection and in all), and the time a frame may take
//! (slowloris). And good clients keep being answered while bad ones flood.

mod support;

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use bytes::BytesMut;
use mq::protocol::message::build_properties;
use mq::remoting::code::{request, response};
use mq::remoting::codec::encode_frame;
use mq::remoting::limits::HELD_REMARK;
use mq::remoting::{RemotingClient, RemotingCommand};
use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// PullSysFlag: park the pull (SUSPEND) and take its subscription from the request.
const SUSPEND: i32 = 0x2 | 0x4;

/// `mq up` with `broker_yaml` as its broker config.
fn up_with(dir: &Path, broker_yaml: &str) -> MqUp {
    let conf = dir.join("broker.yaml");
    std::fs::write(&conf, broker_yaml).unwrap();
    start_up(&dir.join("data"), &["-c", conf.to_str().unwrap()])
}

fn runtime_info() -> RemotingCommand {
    RemotingCommand::request(request::GET_BROKER_RUNTIME_INFO)
}

/// Polls `cond` until it holds, failing after `limit`.
async fn eventually<F, Fut>(what: &str, limit: Duration, mut cond: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + limit;
    while !cond().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A socket connected to `addr` from the loopback address `from` (127.0.0.x), so
/// that a test's bad clients count as another address than its good ones.
async fn connect_from(from: &str, addr: &str) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(format!("{from}:0").parse().unwrap())?;
    socket.connect(addr.parse::<SocketAddr>().unwrap()).await
}

/// Runs `request` (an invoke on a connected client) in a task of its own, once its first poll
/// has put its frame on the connection: requests started one after another reach the broker
/// in that order, which tasks spawned together do not promise.
async fn started<T: Send + 'static>(
    request: impl std::future::Future<Output = T> + Send + 'static,
) -> tokio::task::JoinHandle<T> {
    let mut request = Box::pin(request);
    match futures_util::poll!(&mut request) {
        std::task::Poll::Ready(done) => tokio::spawn(async move { done }),
        std::task::Poll::Pending => tokio::spawn(request),
    }
}

fn frame(cmd: &RemotingCommand) -> Vec<u8> {
    let mut buf = BytesMut::new();
    encode_frame(cmd, &mut buf);
    buf.to_vec()
}

/// Stores `n` messages of `size` bytes in queue 0 of `topic`.
async fn fill(client: &RemotingClient, broker: &str, topic: &str, n: usize, size: usize) {
    let body = vec![b'x'; size];
    for _ in 0..n {
        let r = client
            .invoke(
                broker,
                send_request(topic, 0, &body, build_properties([("WAIT", "true")])),
                TIMEOUT,
            )
            .await
            .unwrap();
        assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
    }
}

/// Resolves when the peer has closed (or reset) `stream`: reads until EOF or an error.
async fn closed_by_peer(mut stream: tokio::net::tcp::OwnedReadHalf) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_beyond_the_per_address_bound_are_closed() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(dir.path(), "serverMaxConnectionsPerAddress: 3\n");
    let clients: Vec<RemotingClient> = (0..3).map(|_| RemotingClient::new()).collect();
    for c in &clients {
        let r = c.invoke(&up.broker, runtime_info(), TIMEOUT).await.unwrap();
        assert_eq!(r.code, response::SUCCESS);
    }
    let fourth = RemotingClient::new();
    let refused = fourth.invoke(&up.broker, runtime_info(), TIMEOUT).await;
    assert!(
        refused.is_err(),
        "a fourth connection was served: {refused:?}"
    );
    // Another address is counted apart.
    let other = connect_from("127.0.0.2", &up.broker).await.unwrap();
    let (mut read, mut write) = other.into_split();
    write.write_all(&frame(&runtime_info())).await.unwrap();
    let mut len = [0u8; 4];
    read.read_exact(&mut len).await.unwrap();
    // One closes: its place is given back.
    clients[0].shutdown();
    eventually(
        "a place for a new connection",
        Duration::from_secs(20),
        || {
            let c = RemotingClient::new();
            let broker = up.broker.clone();
            async move { c.invoke(&broker, runtime_info(), TIMEOUT).await.is_ok() }
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_at_its_in_flight_bound_is_read_again_once_one_is_answered() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(dir.path(), "serverChannelMaxInFlightRequests: 2\n");
    create_topic(&up, "InFlight", 2).await;
    let client = RemotingClient::new();
    client.connection(&up.broker).await.unwrap();
    // Two long polls on empty queues fill the connection's bound.
    let mut polls = Vec::new();
    for q in 0..2 {
        let (client, broker) = (client.clone(), up.broker.clone());
        polls.push(
            started(async move {
                let pull =
                    pull_request("g", "InFlight", q, 0, SUSPEND, "*", Duration::from_secs(30));
                client
                    .invoke(&broker, pull, Duration::from_secs(40))
                    .await
                    .unwrap()
            })
            .await,
        );
    }
    let third = {
        let (client, broker) = (client.clone(), up.broker.clone());
        started(async move {
            client
                .invoke(&broker, runtime_info(), Duration::from_secs(40))
                .await
                .unwrap()
        })
        .await
    };
    // Not a synchronisation: a grace period in which the third must stay unanswered.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!third.is_finished(), "read past the in-flight bound");
    // A message wakes both polls; then the third is read and answered.
    let other = RemotingClient::new();
    for q in 0..2 {
        let r = other
            .invoke(
                &up.broker,
                send_request("InFlight", q, b"wake", build_properties([("WAIT", "true")])),
                TIMEOUT,
            )
            .await
            .unwrap();
        assert_eq!(r.code, response::SUCCESS);
    }
    for poll in polls {
        assert_eq!(poll.await.unwrap().code, response::SUCCESS);
    }
    assert_eq!(third.await.unwrap().code, response::SUCCESS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pulls_held_beyond_the_bound_get_system_busy() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(dir.path(), "serverChannelMaxHeldPullRequests: 2\n");
    create_topic(&up, "Held", 4).await;
    let client = RemotingClient::new();
    let other = RemotingClient::new();
    client.connection(&up.broker).await.unwrap();
    other.connection(&up.broker).await.unwrap();
    let poll = |client: &RemotingClient, q: i32| {
        let (client, broker) = (client.clone(), up.broker.clone());
        started(async move {
            let pull = pull_request("g", "Held", q, 0, SUSPEND, "*", Duration::from_secs(30));
            client
                .invoke(&broker, pull, Duration::from_secs(40))
                .await
                .unwrap()
        })
    };
    let mut held = Vec::new();
    for q in 0..2 {
        held.push(poll(&client, q).await);
    }
    // Requests on one connection are read in order: the third comes after both are parked.
    let refused = poll(&client, 2).await.await.unwrap();
    assert_eq!(refused.code, response::SYSTEM_BUSY);
    assert_eq!(refused.remark.as_deref(), Some(HELD_REMARK));
    // Another connection has a bound of its own.
    let elsewhere = poll(&other, 2).await;
    // One of the held polls is answered: room for another.
    let r = other
        .invoke(
            &up.broker,
            send_request("Held", 0, b"wake", build_properties([("WAIT", "true")])),
            TIMEOUT,
        )
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
    let mut held = held.into_iter();
    assert_eq!(held.next().unwrap().await.unwrap().code, response::SUCCESS);
    let again = poll(&client, 3).await;
    for q in [1, 2, 3] {
        let r = other
            .invoke(
                &up.broker,
                send_request("Held", q, b"wake", build_properties([("WAIT", "true")])),
                TIMEOUT,
            )
            .await
            .unwrap();
        assert_eq!(r.code, response::SUCCESS);
    }
    assert_eq!(held.next().unwrap().await.unwrap().code, response::SUCCESS);
    assert_eq!(again.await.unwrap().code, response::SUCCESS);
    assert_eq!(elsewhere.await.unwrap().code, response::SUCCESS);
}

/// A client that sends pulls of big responses and never reads one; resolves
/// when the broker has cut it off, with how many pulls it had written.
async fn never_reads(from: &str, broker: &str, topic: &str) -> usize {
    let mut stream = connect_from(from, broker).await.unwrap();
    let pull = frame(&pull_request("flood", topic, 0, 0, 0, "*", Duration::ZERO));
    // Once the broker stops reading, a write blocks until the broker closes the
    // connection (a reset: it closes with requests unread), then fails.
    let mut sent = 0;
    while stream.write_all(&pull).await.is_ok() {
        sent += 1;
        // Bounded: a broker that never cut it off fails the test instead of hanging it.
        assert!(sent < 1_000_000, "never cut off");
    }
    sent
}

/// Sends good requests one after another until `bad` finishes, checking each is
/// answered; returns how many were.
async fn answer_until_finished<T>(
    good: &RemotingClient,
    broker: &str,
    bad: &tokio::task::JoinHandle<T>,
) -> usize {
    let mut answered = 0;
    while !bad.is_finished() {
        let r = good.invoke(broker, runtime_info(), TIMEOUT).await.unwrap();
        assert_eq!(r.code, response::SUCCESS);
        answered += 1;
        assert!(
            answered < 100_000,
            "the client that never reads was never cut off"
        );
    }
    answered
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_reads_is_cut_off_at_its_own_bound() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(
        dir.path(),
        "serverChannelMaxPendingResponseBytes: 1048576\n",
    );
    create_topic(&up, "Big", 1).await;
    let good = RemotingClient::new();
    fill(&good, &up.broker, "Big", 32, 4096).await;
    let bad = tokio::spawn({
        let broker = up.broker.clone();
        async move { never_reads("127.0.0.2", &broker, "Big").await }
    });
    let answered = answer_until_finished(&good, &up.broker, &bad).await;
    let sent = bad.await.unwrap();
    println!("cut off after {sent} pulls; {answered} good requests answered meanwhile");
    let r = good
        .invoke(&up.broker, runtime_info(), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_that_never_read_are_cut_off_at_the_servers_bound() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(dir.path(), "serverMaxPendingResponseBytes: 1048576\n");
    create_topic(&up, "Big", 1).await;
    let good = RemotingClient::new();
    fill(&good, &up.broker, "Big", 32, 4096).await;
    let bad = tokio::spawn({
        let broker = up.broker.clone();
        async move { never_reads("127.0.0.2", &broker, "Big").await }
    });
    answer_until_finished(&good, &up.broker, &bad).await;
    bad.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slowloris_client_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(dir.path(), "serverChannelFrameReadTimeoutMillis: 1000\n");
    let request = frame(&runtime_info());
    let stream = connect_from("127.0.0.2", &up.broker).await.unwrap();
    let (read, mut write) = stream.into_split();
    let closed = tokio::spawn(closed_by_peer(read));
    let mut sent = 0;
    // One byte every 200 ms: the whole frame would take far longer than the bound.
    for byte in &request {
        if closed.is_finished() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        if write.write_all(&[*byte]).await.is_err() {
            break;
        }
        sent += 1;
    }
    assert!(
        sent < request.len(),
        "the whole frame ({} bytes) got through",
        request.len()
    );
    tokio::time::timeout(Duration::from_secs(20), closed)
        .await
        .expect("the connection was not closed")
        .unwrap();
    // Everyone else is still served.
    let r = RemotingClient::new()
        .invoke(&up.broker, runtime_info(), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(r.code, response::SUCCESS);
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Sends `n` messages one after another; returns the sorted latencies.
async fn send_loop(client: &RemotingClient, broker: &str, n: usize) -> Vec<Duration> {
    let mut took = Vec::with_capacity(n);
    for i in 0..n {
        let started = Instant::now();
        let r = client
            .invoke(
                broker,
                send_request(
                    "Good",
                    (i % 4) as i32,
                    b"hello",
                    build_properties([("WAIT", "true")]),
                ),
                TIMEOUT,
            )
            .await
            .unwrap();
        assert_eq!(r.code, response::SUCCESS, "{:?}", r.remark);
        took.push(started.elapsed());
    }
    took.sort();
    took
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn good_clients_are_answered_while_bad_ones_flood() {
    let dir = tempfile::tempdir().unwrap();
    let up = up_with(
        dir.path(),
        "serverMaxConnectionsPerAddress: 64\nserverChannelMaxPendingResponseBytes: 4194304\nserverChannelFrameReadTimeoutMillis: 2000\n",
    );
    create_topic(&up, "Good", 4).await;
    create_topic(&up, "Big", 1).await;
    let good = RemotingClient::new();
    fill(&good, &up.broker, "Big", 32, 4096).await;
    let n = 2000;
    let before = send_loop(&good, &up.broker, n).await;

    let stop = tokio_util::sync::CancellationToken::new();
    let mut flood = Vec::new();
    // Connections from one address, far past its bound, held open.
    flood.push(tokio::spawn({
        let (broker, stop) = (up.broker.clone(), stop.clone());
        async move {
            let mut held = Vec::new();
            for _ in 0..500 {
                if let Ok(s) = connect_from("127.0.0.2", &broker).await {
                    held.push(s);
                }
            }
            stop.cancelled().await;
        }
    }));
    // Slowloris clients, each dripping a frame one byte at a time, reconnecting when cut off.
    for _ in 0..20 {
        flood.push(tokio::spawn({
            let (broker, stop) = (up.broker.clone(), stop.clone());
            async move {
                let request = frame(&runtime_info());
                while !stop.is_cancelled() {
                    let Ok(mut s) = connect_from("127.0.0.3", &broker).await else {
                        continue;
                    };
                    for byte in &request {
                        tokio::select! {
                            _ = stop.cancelled() => return,
                            _ = tokio::time::sleep(Duration::from_millis(100)) => {}
                        }
                        if s.write_all(&[*byte]).await.is_err() {
                            break;
                        }
                    }
                }
            }
        }));
    }
    let during_slow = send_loop(&good, &up.broker, n).await;
    // Clients that pull big responses and never read them, reconnecting when cut off.
    for _ in 0..4 {
        flood.push(tokio::spawn({
            let (broker, stop) = (up.broker.clone(), stop.clone());
            async move {
                while !stop.is_cancelled() {
                    tokio::select! {
                        _ = stop.cancelled() => return,
                        _ = never_reads("127.0.0.4", &broker, "Big") => {}
                    }
                }
            }
        }));
    }
    let during = send_loop(&good, &up.broker, n).await;
    stop.cancel();
    for f in flood {
        f.await.unwrap();
    }
    for (phase, took) in [
        ("before the flood", &before),
        ("500 connections + 20 slowloris", &during_slow),
        ("... + 4 never-reading pullers", &during),
    ] {
        println!(
            "good client, {n} sequential sends, {phase}: p50 {:?} p99 {:?} max {:?}",
            percentile(took, 0.5),
            percentile(took, 0.99),
            took[took.len() - 1],
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_name_server_keeps_the_same_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(
        dir.path(),
        "serverMaxConnectionsPerAddress: 2\nserverChannelFrameReadTimeoutMillis: 1000\n",
    );
    let topics = || RemotingCommand::request(request::GET_ALL_TOPIC_LIST_FROM_NAMESERVER);
    let clients: Vec<RemotingClient> = (0..2).map(|_| RemotingClient::new()).collect();
    for c in &clients {
        let r = c.invoke(&ns.addr, topics(), TIMEOUT).await.unwrap();
        assert_eq!(r.code, response::SUCCESS);
    }
    let third = RemotingClient::new()
        .invoke(&ns.addr, topics(), TIMEOUT)
        .await;
    assert!(third.is_err(), "a third connection was served: {third:?}");
    // A frame begun and never finished, from another address: closed.
    let stream = connect_from("127.0.0.2", &ns.addr).await.unwrap();
    let (read, mut write) = stream.into_split();
    write.write_all(&frame(&topics())[..6]).await.unwrap();
    tokio::time::timeout(Duration::from_secs(20), closed_by_peer(read))
        .await
        .expect("the unfinished frame's connection was not closed");
}
