//! `mq bench rpc`: the request/response ceiling of a server. Each request is
//! framed like a produce run's send (the same header fields, a body of the
//! same size) but carries a request code no RocketMQ server handles, so the
//! server answers REQUEST_CODE_NOT_SUPPORTED at once, without work. Run with
//! the connections and concurrency of a produce run, it is the yardstick for
//! what the broker's own work costs: produce msgs/s ÷ rpc msgs/s.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;

use super::load::{self, Sender};
use super::options::{LoadOptions, SendMode};
use super::report::Report;
use super::run::Run;
use super::{BenchError, BenchResult, SEND_TIME_PROPERTY};
use crate::client::route::{AUTO_CREATE_TOPIC_KEY, DEFAULT_TOPIC_QUEUE_NUMS};
use crate::client::{ClientConfig, ClientError, ClientInstance};
use crate::protocol::header::{SendMessageRequestHeader, SendMessageRequestHeaderV2};
use crate::remoting::code::response;
use crate::remoting::{Connection, RemotingClient, RemotingCommand, RemotingError};

/// The request code of `rpc`: not one RocketMQ (4.x or 5.x) or `mq` serves.
pub const NO_OP_REQUEST_CODE: i32 = 9_999;

/// Sends over one connection (its own remoting client) to one server. The
/// connection is held here, not looked up by address for every request, so
/// the engine costs no more per request than the connection itself.
#[derive(Clone)]
pub struct RpcSender {
    client: RemotingClient,
    addr: Arc<str>,
    conn: Arc<Mutex<Option<Arc<Connection>>>>,
    request: Arc<RemotingCommand>,
    timeout: Duration,
}

impl RpcSender {
    /// A new connection (made on first use) to `addr` sending `request`.
    pub fn new(addr: &str, request: RemotingCommand, timeout: Duration) -> RpcSender {
        RpcSender {
            client: RemotingClient::new(),
            addr: addr.into(),
            conn: Arc::default(),
            request: Arc::new(request),
            timeout,
        }
    }

    /// The open connection, made again if it closed.
    async fn connection(&self) -> Result<Arc<Connection>, ClientError> {
        let held = self.conn.lock().unwrap().clone();
        if let Some(c) = held.filter(|c| !c.is_closed()) {
            return Ok(c);
        }
        let c = tokio::time::timeout(self.timeout, self.client.connection(&self.addr))
            .await
            .map_err(|_| RemotingError::Timeout {
                addr: self.addr.to_string(),
                millis: self.timeout.as_millis(),
            })??;
        *self.conn.lock().unwrap() = Some(c.clone());
        Ok(c)
    }

    pub fn close(&self) {
        self.client.shutdown();
    }
}

impl Sender for RpcSender {
    fn request(&self, _seq: u64) -> impl Future<Output = Result<(), ClientError>> + Send + 'static {
        let (me, req) = (self.clone(), (*self.request).clone());
        async move {
            let resp = me.connection().await?.invoke(req, me.timeout).await?;
            match resp.code {
                response::REQUEST_CODE_NOT_SUPPORTED => Ok(()),
                _ => Err(ClientError::response("rpc", &resp)),
            }
        }
    }

    fn oneway(&self, _seq: u64) -> impl Future<Output = Result<(), ClientError>> + Send + 'static {
        let (me, req) = (self.clone(), (*self.request).clone());
        async move { Ok(me.connection().await?.invoke_oneway(req).await?) }
    }
}

/// A request of NO_OP_REQUEST_CODE the size of one of `opts`' sends: a
/// SEND_MESSAGE_V2 header as the producer fills it, and a body of `size × batch` bytes.
pub fn request_like_a_send(opts: &LoadOptions) -> RemotingCommand {
    let properties = format!(
        "UNIQ_KEY\u{1}{}\u{2}WAIT\u{1}true\u{2}{SEND_TIME_PROPERTY}\u{1}{}",
        "0".repeat(32),
        super::now_micros()
    );
    let header: SendMessageRequestHeaderV2 = SendMessageRequestHeader {
        producer_group: opts.producer_group.clone().into(),
        topic: opts.topic.clone().into(),
        default_topic: AUTO_CREATE_TOPIC_KEY.into(),
        default_topic_queue_nums: DEFAULT_TOPIC_QUEUE_NUMS,
        queue_id: 0,
        born_timestamp: crate::util::now_millis(),
        properties: Some(properties.into()),
        reconsume_times: Some(0),
        unit_mode: Some(false),
        batch: Some(opts.batch > 1),
        broker_name: Some("broker".into()),
        ..Default::default()
    }
    .into();
    RemotingCommand::request(NO_OP_REQUEST_CODE)
        .with_header(&header)
        .with_body(Bytes::from(vec![b'r'; opts.size * opts.batch]))
}

/// Runs `rpc` against the server at `addr`.
pub async fn run_against(addr: &str, opts: &LoadOptions, run: Arc<Run>) -> BenchResult<Report> {
    opts.validate()?;
    let request = request_like_a_send(opts);
    let senders: Vec<RpcSender> = (0..opts.connections)
        .map(|_| RpcSender::new(addr, request.clone(), opts.timeout))
        .collect();
    // Connect before the clock starts, and find out now if nobody listens.
    for s in &senders {
        s.connection()
            .await
            .map_err(|e| BenchError::Failed(e.to_string()))?;
    }
    let workers = load::spawn_workers(&run, opts, &senders);
    let measured = run.drive("rpc", workers).await;
    senders.iter().for_each(RpcSender::close);
    let mut report = Report::new("rpc", super::produce::mode_name(opts.mode), measured);
    report.describe_load(opts);
    report.topic = None;
    if opts.mode == SendMode::Oneway {
        report.latency_of = "write".into();
    }
    Ok(report)
}

/// Runs `rpc` against `broker`, or else the master of the first broker in
/// `opts.topic`'s route (TBW102's when the topic does not exist yet).
pub async fn run(
    client: &ClientConfig,
    opts: &LoadOptions,
    broker: Option<&str>,
    run: Arc<Run>,
) -> BenchResult<Report> {
    opts.validate()?;
    let addr = match broker {
        Some(a) => a.to_string(),
        None => master_of(client, &opts.topic).await?,
    };
    run_against(&addr, opts, run).await
}

async fn master_of(client: &ClientConfig, topic: &str) -> BenchResult<String> {
    let instance = ClientInstance::new(client).map_err(|e| BenchError::Usage(e.to_string()))?;
    let route = match instance.route(topic).await {
        Err(ClientError::TopicNotFound(_)) => instance.route(AUTO_CREATE_TOPIC_KEY).await,
        r => r,
    };
    instance.close();
    let route = route.map_err(|e| {
        BenchError::Failed(format!(
            "cannot find a broker for topic '{topic}' (give one with --broker): {e}"
        ))
    })?;
    route
        .broker_datas
        .iter()
        .find_map(|b| b.master_addr())
        .map(str::to_string)
        .ok_or_else(|| BenchError::Failed(format!("topic '{topic}' has no master broker")))
}
