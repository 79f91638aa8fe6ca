//! `cargo bench --bench latency_floor`: the lowest round-trip latency this machine
//! gives two processes on loopback, the floor under `mq bench produce`'s one-producer
//! p50. The bench starts a copy of itself as a minimal server (a tokio runtime like the
//! broker's, answering each frame with a frame of a send answer's size) and sends it
//! frames of a 128 B SEND_MESSAGE_V2 request's size, one in flight, timing each round
//! trip. It does nothing a broker or client must not also do (read a frame, write a
//! frame), so what it measures is the kernel's loopback path and the wake-ups of idle
//! CPUs: on an idle VM that is most of the latency; with the CPUs busy, far less.
//! MQ_BENCH_SECS (default 5) sets the run's length. Nothing is asserted.

use std::io::BufRead;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What a 128 B send of `mq bench produce` (JSON header, as Java sends) takes on the
/// wire, and what its answer takes (read off the bench's sendto/recvfrom with strace).
const REQUEST_BYTES: usize = 507;
const RESPONSE_BYTES: usize = 243;
const SERVER_ARG: &str = "--latency-floor-server";

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    if std::env::args().any(|a| a == SERVER_ARG) {
        runtime.block_on(serve());
        return;
    }
    let secs: f64 = std::env::var("MQ_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5.0);
    let mut server = Command::new(std::env::current_exe().unwrap())
        .arg(SERVER_ARG)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut addr = String::new();
    std::io::BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut addr)
        .unwrap();
    let addr = addr.trim().to_string();
    runtime.block_on(async {
        let h = ping(&addr, Duration::from_secs_f64(secs)).await;
        println!(
            "two processes, one connection, one frame in flight ({REQUEST_BYTES} B out, {RESPONSE_BYTES} B back), {} round trips:",
            h.len()
        );
        println!(
            "p50 {:.1} µs  p90 {:.1}  p99 {:.1}  p99.9 {:.1}  max {:.1}",
            h.value_at_quantile(0.50) as f64 / 1e3,
            h.value_at_quantile(0.90) as f64 / 1e3,
            h.value_at_quantile(0.99) as f64 / 1e3,
            h.value_at_quantile(0.999) as f64 / 1e3,
            h.max() as f64 / 1e3
        );
    });
    let _ = server.kill();
    let _ = server.wait();
}

/// The minimal server: prints its address, then answers every frame on every connection.
async fn serve() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    println!("{}", listener.local_addr().unwrap());
    loop {
        let (mut socket, _) = listener.accept().await.unwrap();
        socket.set_nodelay(true).unwrap();
        tokio::spawn(async move {
            let mut request = vec![0u8; REQUEST_BYTES];
            let response = vec![7u8; RESPONSE_BYTES];
            while socket.read_exact(&mut request).await.is_ok() {
                if socket.write_all(&response).await.is_err() {
                    break;
                }
            }
        });
    }
}

/// Round trips for `span` after a one-second warm-up, each timed, in nanoseconds.
async fn ping(addr: &str, span: Duration) -> Histogram<u64> {
    let mut socket = TcpStream::connect(addr).await.unwrap();
    socket.set_nodelay(true).unwrap();
    let (request, mut response) = (vec![1u8; REQUEST_BYTES], vec![0u8; RESPONSE_BYTES]);
    let mut h = Histogram::<u64>::new_with_bounds(1, 60_000_000_000, 3).unwrap();
    let warm_until = Instant::now() + Duration::from_secs(1);
    let until = warm_until + span;
    loop {
        let start = Instant::now();
        if start >= until {
            return h;
        }
        socket.write_all(&request).await.unwrap();
        socket.read_exact(&mut response).await.unwrap();
        if start >= warm_until {
            h.record(start.elapsed().as_nanos() as u64).unwrap();
        }
    }
}
