//! The master's side (RocketMQ's HAService AcceptSocketService + HAConnection): a listener on
//! haListenPort and, per slave, a task that reads its offset reports and streams the commit log
//! from where its first report says. A connection that sends nonsense or stays silent for
//! haHousekeepingInterval is closed alone; the others go on.

use super::state::{check_report, transfer_len, transfer_start};
use super::wire::{ReportDecoder, transfer_header};
use super::{BoxHaStream, HaHost, HaService};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt, ReadHalf, WriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

/// With nothing to send, a connection looks for new commit log bytes this often (a waiting
/// SYNC_MASTER send wakes it at once).
const IDLE_POLL: Duration = Duration::from_millis(10);

/// Accepts slaves on `listener` until `stop`, then closes every connection.
pub async fn serve<H: HaHost>(host: Arc<H>, listener: TcpListener, stop: CancellationToken) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = stop.cancelled() => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    tracing::info!("HA: slave connection from {peer}");
                    let _ = stream.set_nodelay(true);
                    connections.spawn(connection(host.clone(), stream, peer, stop.clone()));
                }
                Err(e) => {
                    tracing::warn!("HA: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
}

/// One slave: reports in, transfers out, until either side fails, the housekeeping interval
/// passes without a report, or `stop`.
async fn connection<H: HaHost>(
    host: Arc<H>,
    stream: TcpStream,
    peer: SocketAddr,
    stop: CancellationToken,
) {
    let accepted = tokio::select! {
        _ = stop.cancelled() => return,
        accepted = host.accept_slave(stream, peer) => accepted,
    };
    let stream = match accepted {
        Ok(Some(stream)) => stream,
        Ok(None) => return,
        Err(e) => {
            tracing::warn!("HA: connection from {peer} not set up: {e}");
            return;
        }
    };
    let ha = host.ha();
    let conn = ha.connect();
    ha.name_connection(conn, peer.to_string());
    let (rd, wr) = tokio::io::split(stream);
    let (start_tx, start_rx) = watch::channel(None);
    let why = tokio::select! {
        _ = stop.cancelled() => "the broker is shutting down".to_string(),
        r = read_reports(&*host, conn, rd, start_tx) => r,
        r = transfer(&*host, wr, start_rx) => r,
    };
    ha.on_disconnect(conn);
    tracing::info!("HA: connection from {peer} closed: {why}");
}

/// Reads the slave's reports: the first sets where streaming starts, each acknowledges.
/// Returns why it stopped.
async fn read_reports<H: HaHost>(
    host: &H,
    conn: u64,
    mut rd: ReadHalf<BoxHaStream>,
    start: watch::Sender<Option<i64>>,
) -> String {
    let ha = host.ha();
    let store = host.store();
    let mut reports = ReportDecoder::default();
    loop {
        reports.buffer().reserve(1024);
        let read = tokio::time::timeout(
            ha.config.housekeeping_interval,
            rd.read_buf(reports.buffer()),
        )
        .await;
        match read {
            Err(_) => {
                return format!(
                    "silent for {} ms (haHousekeepingInterval)",
                    ha.config.housekeeping_interval.as_millis()
                );
            }
            Ok(Ok(0)) => return "closed by the slave".into(),
            Ok(Err(e)) => return format!("read: {e}"),
            Ok(Ok(_)) => {}
        }
        if reports.buffer().len() > 1024 * 1024 {
            return "more than 1 MiB without a whole report".into();
        }
        let Some(offset) = reports.latest() else {
            continue;
        };
        let master_max = store.max_phy_offset();
        if let Err(e) = check_report(offset, master_max) {
            tracing::warn!("HA: {e}");
            return e.to_string();
        }
        if start.borrow().is_none() {
            let from = transfer_start(offset, master_max, store.commit_log_file_size() as i64);
            tracing::info!("HA: slave reports {offset}, streaming from {from}");
            start.send_replace(Some(from));
        }
        ha.on_ack(conn, offset);
    }
}

/// Streams the commit log from the start the first report set, with a heartbeat whenever
/// nothing was sent for haSendHeartbeatInterval. Returns why it stopped.
async fn transfer<H: HaHost>(
    host: &H,
    mut wr: WriteHalf<BoxHaStream>,
    mut start: watch::Receiver<Option<i64>>,
) -> String {
    let ha: &HaService = host.ha();
    let store = host.store();
    let mut next = loop {
        if let Some(from) = *start.borrow_and_update() {
            break from;
        }
        if start.changed().await.is_err() {
            return "closed before its first report".into();
        }
    };
    let file_size = store.commit_log_file_size() as i64;
    let batch = ha.config.transfer_batch_size.max(1);
    let mut last_write = Instant::now();
    let mut missing_logged = false;
    loop {
        // Registered before looking, so a send that waits right after the look still wakes us.
        let wanted = ha.transfer_wanted.notified();
        tokio::pin!(wanted);
        wanted.as_mut().enable();
        let len = transfer_len(next, store.max_phy_offset(), file_size, batch);
        let data = if len > 0 {
            store.commit_log_data(next, len)
        } else {
            None
        };
        if let Some(data) = data {
            missing_logged = false;
            let header = transfer_header(next, data.len());
            if let Err(e) = write_frame(&mut wr, &header, &data).await {
                return format!("write: {e}");
            }
            next += data.len() as i64;
            last_write = Instant::now();
            continue;
        }
        if len > 0 && !missing_logged {
            // Below the oldest file still kept: nothing to send until the slave is reset.
            tracing::warn!("HA: commit log offset {next} is no longer on the master");
            missing_logged = true;
        }
        if last_write.elapsed() >= ha.config.heartbeat_interval {
            if let Err(e) = write_frame(&mut wr, &transfer_header(next, 0), &[]).await {
                return format!("write: {e}");
            }
            last_write = Instant::now();
        }
        tokio::select! {
            _ = &mut wanted => {}
            _ = tokio::time::sleep(IDLE_POLL) => {}
        }
    }
}

async fn write_frame(
    wr: &mut WriteHalf<BoxHaStream>,
    header: &[u8],
    data: &[u8],
) -> std::io::Result<()> {
    if data.is_empty() {
        return wr.write_all(header).await;
    }
    let mut bufs = [std::io::IoSlice::new(header), std::io::IoSlice::new(data)];
    let mut slices: &mut [std::io::IoSlice<'_>] = &mut bufs;
    while !slices.is_empty() {
        let n = wr.write_vectored(slices).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::WriteZero.into());
        }
        std::io::IoSlice::advance_slices(&mut slices, n);
    }
    Ok(())
}
