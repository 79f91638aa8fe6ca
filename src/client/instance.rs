//! The client instance (Java's MQClientInstance): what the producers and
//! consumers of one client id share — the client id itself, the connections,
//! the name server list, the route cache, the heartbeat to every broker of the
//! topics in use, unregistration at shutdown, and the answers to requests
//! brokers send to clients (NOTIFY_CONSUMER_IDS_CHANGED and friends, and the
//! replies pushed to requests waiting in its request future table).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;

use super::error::{ClientError, ClientResult};
use super::message::{MessageExt, decode_messages};
use super::namesrv::NamesrvAddrs;
use super::request_future::RequestFutureTable;
use crate::protocol::admin::{MessageQueue, ResetOffsetBody};
use crate::protocol::admin_codes::GetConsumerStatusBody;
use crate::protocol::body::RemotingBody;
use crate::protocol::header::{
    CheckTransactionStateRequestHeader, ConsumerGroupHeader, GetRouteInfoRequestHeader,
    ReplyMessageRequestHeader, UnregisterClientRequestHeader,
};
use crate::protocol::heartbeat::{ConsumerData, HeartbeatData, ProducerData};
use crate::protocol::message::property;
use crate::protocol::route::{MASTER_ID, TopicRouteData};
use crate::remoting::code::{request, response};
use crate::remoting::connection::HandlerFuture;
use crate::remoting::{Connection, RemotingClient, RemotingCommand, RequestHandler};

/// How long a cached route is used before it is fetched again.
pub const ROUTE_REFRESH: Duration = Duration::from_secs(30);
/// How often the instance heartbeats to every broker.
pub const HEARTBEAT_INTERVAL: Duration = Duration::from_secs(30);

/// Settings of a client instance.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// RocketMQ's `;`-separated name server list.
    pub namesrv: String,
    /// Timeout of each name server and broker call that is not a send or a pull.
    pub timeout: Duration,
    /// The IP in the client id; found from the host's interfaces when `None`.
    pub client_ip: Option<String>,
}

impl ClientConfig {
    pub fn new(namesrv: impl Into<String>) -> Self {
        ClientConfig {
            namesrv: namesrv.into(),
            timeout: Duration::from_secs(3),
            client_ip: None,
        }
    }
}

/// What the instance needs from a consumer: its heartbeat data, and the
/// reactions to what brokers tell it.
pub(crate) trait ConsumerHook: Send + Sync + 'static {
    fn consumer_data(&self) -> ConsumerData;
    /// The broker says the group's members changed: rebalance soon.
    fn on_consumer_ids_changed(&self);
    /// An admin reset the group's offsets on these queues.
    fn reset_offsets(&self, offsets: BTreeMap<MessageQueue, i64>);
    /// GET_CONSUMER_RUNNING_INFO's body.
    fn running_info(&self) -> serde_json::Value;
    /// GET_CONSUMER_STATUS_FROM_CLIENT: the offsets in memory of the queues of `topic` it holds.
    fn consumer_status(&self, topic: &str) -> BTreeMap<MessageQueue, i64>;
}

/// What the instance needs from a transactional producer: the answer to the
/// broker's CHECK_TRANSACTION_STATE for a half message of its group, sent back
/// on `conn` (the connection the check came on) without holding the caller.
pub(crate) trait TransactionCheckHook: Send + Sync + 'static {
    fn check(
        &self,
        conn: Arc<Connection>,
        header: CheckTransactionStateRequestHeader,
        msg: MessageExt,
    );
}

#[derive(Default)]
struct Registry {
    producers: BTreeSet<String>,
    consumers: BTreeMap<String, Arc<dyn ConsumerHook>>,
    /// Producer groups whose half messages this instance can settle.
    transaction_checkers: BTreeMap<String, Arc<dyn TransactionCheckHook>>,
}

struct CachedRoute {
    route: Arc<TopicRouteData>,
    fetched: Instant,
}

/// Shared by the producers and consumers of one client id.
pub struct ClientInstance {
    client_id: String,
    remoting: RemotingClient,
    namesrv: NamesrvAddrs,
    timeout: Duration,
    routes: Mutex<HashMap<String, CachedRoute>>,
    /// Moves whenever a cached route is replaced or expired: what a producer's own cache
    /// of what it made from a route checks, instead of asking for the route per send.
    routes_version: AtomicU64,
    registry: Arc<Mutex<Registry>>,
    requests: Arc<RequestFutureTable>,
    shutdown: CancellationToken,
}

/// Answers the requests brokers send to clients.
struct BrokerRequests {
    registry: Arc<Mutex<Registry>>,
    requests: Arc<RequestFutureTable>,
    client_id: String,
}

impl RequestHandler for BrokerRequests {
    fn handle(&self, conn: Arc<Connection>, req: RemotingCommand) -> HandlerFuture {
        let hook = |group: Option<&str>| {
            let registry = self.registry.lock().unwrap();
            group.and_then(|g| registry.consumers.get(g).cloned())
        };
        let answer = match req.code {
            request::NOTIFY_CONSUMER_IDS_CHANGED => {
                let group = req.decode_header::<ConsumerGroupHeader>().ok();
                if let Some(h) = hook(group.as_ref().map(|g| g.consumer_group.as_str())) {
                    h.on_consumer_ids_changed();
                }
                None
            }
            request::RESET_CONSUMER_CLIENT_OFFSET => {
                if let (Some(h), Ok(body)) =
                    (hook(req.ext("group")), ResetOffsetBody::decode(&req.body))
                {
                    let topic = req.ext("topic").unwrap_or_default();
                    let offsets = body
                        .offset_table
                        .into_iter()
                        .filter(|(mq, _)| mq.topic == topic)
                        .collect();
                    h.reset_offsets(offsets);
                }
                None
            }
            request::GET_CONSUMER_RUNNING_INFO => Some(match hook(req.ext("consumerGroup")) {
                Some(h) => {
                    let body = serde_json::to_vec(&h.running_info()).unwrap_or_default();
                    RemotingCommand::success().with_body(body)
                }
                None => RemotingCommand::error(
                    response::SYSTEM_ERROR,
                    format!(
                        "The Consumer Group <{}> not exist in this consumer {}",
                        req.ext("consumerGroup").unwrap_or_default(),
                        self.client_id
                    ),
                ),
            }),
            request::GET_CONSUMER_STATUS_FROM_CLIENT => {
                let status = hook(req.ext("group")).map(|h| GetConsumerStatusBody {
                    message_queue_table: h.consumer_status(req.ext("topic").unwrap_or_default()),
                    ..Default::default()
                });
                Some(RemotingCommand::success().with_body(status.unwrap_or_default().encode()))
            }
            request::CHECK_TRANSACTION_STATE => {
                self.check_transaction_state(conn, &req);
                None
            }
            request::PUSH_REPLY_MESSAGE_TO_CLIENT => Some(self.receive_reply(&req)),
            code => Some(RemotingCommand::not_supported(code)),
        };
        Box::pin(async move { answer })
    }
}

impl BrokerRequests {
    /// Hands a check to the producer of the half message's group (PGROUP), as
    /// Java's ClientRemotingProcessor does; a check this instance cannot answer
    /// (no such producer here, an undecodable message) is left for the broker
    /// to ask again, since the request is oneway.
    fn check_transaction_state(&self, conn: Arc<Connection>, req: &RemotingCommand) {
        let Ok(header) = req.decode_header::<CheckTransactionStateRequestHeader>() else {
            tracing::warn!("a transaction check without a readable header");
            return;
        };
        let msg = match decode_messages(&req.body, "") {
            Ok(mut msgs) if msgs.len() == 1 => msgs.remove(0),
            _ => {
                tracing::warn!("a transaction check whose message cannot be decoded");
                return;
            }
        };
        let group = msg.property(property::PRODUCER_GROUP).unwrap_or_default();
        let hook = self
            .registry
            .lock()
            .unwrap()
            .transaction_checkers
            .get(group)
            .cloned();
        match hook {
            Some(h) => h.check(conn, header, msg),
            None => tracing::debug!(group, "a transaction check for a group not here"),
        }
    }

    /// PUSH_REPLY_MESSAGE_TO_CLIENT, as Java's ClientRemotingProcessor answers it: SUCCESS
    /// once the reply is decoded, whether or not a request still waits for it (a late
    /// reply is dropped); SYSTEM_ERROR when it cannot be read.
    fn receive_reply(&self, req: &RemotingCommand) -> RemotingCommand {
        let arrived = crate::util::now_millis();
        let reply = req
            .decode_header::<ReplyMessageRequestHeader>()
            .map_err(ClientError::from)
            .and_then(|h| super::message::reply_from_push(&h, &req.body, arrived));
        let reply = match reply {
            Ok(r) => r,
            Err(e) => {
                return RemotingCommand::error(
                    response::SYSTEM_ERROR,
                    format!("process reply message fail: {e}"),
                );
            }
        };
        let correlation_id = reply
            .property(crate::protocol::message::property::CORRELATION_ID)
            .unwrap_or_default()
            .to_string();
        if !self.requests.complete(&correlation_id, reply) {
            tracing::debug!(
                correlation_id,
                "receive reply message, but not matched any request"
            );
        }
        RemotingCommand::success()
    }
}

impl ClientInstance {
    /// A new instance with its own client id and connections; it heartbeats
    /// every 30 s while it has producers or consumers. Must be called inside
    /// a tokio runtime.
    pub fn new(config: &ClientConfig) -> ClientResult<Arc<Self>> {
        let namesrv = NamesrvAddrs::parse(&config.namesrv)?;
        let ip = config.client_ip.clone().unwrap_or_else(local_ip);
        let client_id = format!("{ip}@{}#{}", std::process::id(), instance_nanos());
        let registry = Arc::new(Mutex::new(Registry::default()));
        let requests = Arc::new(RequestFutureTable::default());
        let remoting = RemotingClient::with_handler(Arc::new(BrokerRequests {
            registry: registry.clone(),
            requests: requests.clone(),
            client_id: client_id.clone(),
        }));
        let instance = Arc::new(ClientInstance {
            client_id,
            remoting,
            namesrv,
            timeout: config.timeout,
            routes: Mutex::new(HashMap::new()),
            routes_version: AtomicU64::new(0),
            registry,
            requests,
            shutdown: CancellationToken::new(),
        });
        let weak = Arc::downgrade(&instance);
        let stop = instance.shutdown.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(HEARTBEAT_INTERVAL);
            tick.tick().await;
            loop {
                tokio::select! {
                    _ = stop.cancelled() => break,
                    _ = tick.tick() => {}
                }
                let Some(instance) = weak.upgrade() else {
                    break;
                };
                instance.heartbeat_all().await;
            }
        });
        Ok(instance)
    }

    /// `ip@pid#nanos`, like Java's default instance name.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    pub fn remoting(&self) -> &RemotingClient {
        &self.remoting
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The requests of this instance's producers waiting for their reply.
    pub fn request_futures(&self) -> &Arc<RequestFutureTable> {
        &self.requests
    }

    pub(crate) fn register_producer(&self, group: &str) {
        self.registry
            .lock()
            .unwrap()
            .producers
            .insert(group.to_string());
    }

    /// Makes the instance answer the broker's transaction checks for `group`.
    pub(crate) fn register_transaction_checker(
        &self,
        group: &str,
        hook: Arc<dyn TransactionCheckHook>,
    ) {
        let mut registry = self.registry.lock().unwrap();
        registry
            .transaction_checkers
            .insert(group.to_string(), hook);
    }

    pub(crate) fn unregister_transaction_checker(&self, group: &str) {
        self.registry
            .lock()
            .unwrap()
            .transaction_checkers
            .remove(group);
    }

    pub(crate) fn register_consumer(
        &self,
        group: &str,
        hook: Arc<dyn ConsumerHook>,
    ) -> ClientResult<()> {
        let mut registry = self.registry.lock().unwrap();
        if registry.consumers.contains_key(group) {
            return Err(ClientError::InvalidConfig(format!(
                "consumer group '{group}' is already running in this client instance"
            )));
        }
        registry.consumers.insert(group.to_string(), hook);
        Ok(())
    }

    /// The route of `topic`, from the cache while it is fresh. A stale
    /// route is kept when the name servers cannot be reached.
    pub async fn route(&self, topic: &str) -> ClientResult<Arc<TopicRouteData>> {
        self.route_until(topic).await.map(|(route, _)| route)
    }

    /// `route(topic)`, and until when it stays the answer: while that instant has not
    /// passed and `routes_version()` has not moved, asking again gives the same route.
    pub(crate) async fn route_until(
        &self,
        topic: &str,
    ) -> ClientResult<(Arc<TopicRouteData>, Instant)> {
        {
            let routes = self.routes.lock().unwrap();
            if let Some(c) = routes.get(topic)
                && c.fetched.elapsed() < ROUTE_REFRESH
            {
                return Ok((c.route.clone(), c.fetched + ROUTE_REFRESH));
            }
        }
        match self.refresh_route(topic).await {
            Ok(r) => Ok((r, Instant::now() + ROUTE_REFRESH)),
            Err(e @ ClientError::TopicNotFound(_)) => Err(e),
            Err(e) => {
                let routes = self.routes.lock().unwrap();
                // Stale: asked again at the next use.
                routes
                    .get(topic)
                    .map(|c| (c.route.clone(), Instant::now()))
                    .ok_or(e)
            }
        }
    }

    /// Moves whenever a cached route changes or is expired.
    pub(crate) fn routes_version(&self) -> u64 {
        self.routes_version.load(Ordering::Acquire)
    }

    /// Fetches `topic`'s route from the name servers and caches it.
    pub async fn refresh_route(&self, topic: &str) -> ClientResult<Arc<TopicRouteData>> {
        let header = GetRouteInfoRequestHeader {
            topic: topic.to_string(),
            accept_standard_json_only: None,
        };
        let req = RemotingCommand::request(request::GET_ROUTEINFO_BY_TOPIC).with_header(&header);
        let resp = self
            .namesrv
            .invoke(&self.remoting, req, self.timeout)
            .await?;
        match resp.code {
            response::SUCCESS => {}
            response::TOPIC_NOT_EXIST => {
                return Err(ClientError::TopicNotFound(topic.to_string()));
            }
            _ => return Err(ClientError::response("topic route", &resp)),
        }
        let route =
            Arc::new(
                TopicRouteData::decode(&resp.body).map_err(|e| ClientError::Decode {
                    what: "topic route",
                    reason: e.to_string(),
                })?,
            );
        let mut routes = self.routes.lock().unwrap();
        // Keep the old Arc when nothing changed, so users can tell by pointer.
        let route = match routes.get(topic) {
            Some(c) if *c.route == *route => c.route.clone(),
            _ => route,
        };
        routes.insert(
            topic.to_string(),
            CachedRoute {
                route: route.clone(),
                fetched: Instant::now(),
            },
        );
        self.routes_version.fetch_add(1, Ordering::AcqRel);
        Ok(route)
    }

    /// Makes the next `route(topic)` ask the name servers again.
    pub fn expire_route(&self, topic: &str) {
        if let Some(c) = self.routes.lock().unwrap().get_mut(topic) {
            c.fetched = Instant::now()
                .checked_sub(ROUTE_REFRESH)
                .unwrap_or_else(Instant::now);
        }
        self.routes_version.fetch_add(1, Ordering::AcqRel);
    }

    /// The master address of a broker named in any cached route.
    pub fn master_addr(&self, broker_name: &str) -> Option<String> {
        self.broker_addr(broker_name, true)
    }

    /// The master's address, or a slave's when `only_master` is false and
    /// there is no master.
    pub fn broker_addr(&self, broker_name: &str, only_master: bool) -> Option<String> {
        let routes = self.routes.lock().unwrap();
        routes
            .values()
            .flat_map(|c| c.route.broker_datas.iter())
            .find(|bd| bd.broker_name == broker_name)
            .and_then(|bd| {
                if only_master {
                    bd.master_addr()
                } else {
                    bd.select_broker_addr()
                }
            })
            .map(str::to_string)
    }

    /// The members (brokerId -> address) of a broker named in any cached route.
    pub(crate) fn broker_members(&self, broker_name: &str) -> Option<BTreeMap<i64, String>> {
        let routes = self.routes.lock().unwrap();
        routes
            .values()
            .flat_map(|c| c.route.broker_datas.iter())
            .find(|bd| bd.broker_name == broker_name && !bd.broker_addrs.is_empty())
            .map(|bd| bd.broker_addrs.clone())
    }

    /// Every broker address (masters, and slaves when `with_slaves`) of the
    /// cached routes.
    pub(crate) fn broker_addrs(&self, with_slaves: bool) -> BTreeSet<String> {
        let routes = self.routes.lock().unwrap();
        routes
            .values()
            .flat_map(|c| c.route.broker_datas.iter())
            .flat_map(|bd| bd.broker_addrs.iter())
            .filter(|(id, _)| with_slaves || **id == MASTER_ID)
            .map(|(_, a)| a.clone())
            .collect()
    }

    fn heartbeat_data(&self) -> HeartbeatData {
        let registry = self.registry.lock().unwrap();
        HeartbeatData {
            client_id: self.client_id.clone(),
            producer_data_set: registry
                .producers
                .iter()
                .map(|g| ProducerData {
                    group_name: g.clone(),
                })
                .collect(),
            consumer_data_set: registry
                .consumers
                .values()
                .map(|c| c.consumer_data())
                .collect(),
        }
    }

    /// Sends HEART_BEAT to every broker of the cached routes (slaves too when
    /// there are consumers); returns how many brokers answered SUCCESS.
    pub async fn heartbeat_all(&self) -> usize {
        let data = self.heartbeat_data();
        if data.producer_data_set.is_empty() && data.consumer_data_set.is_empty() {
            return 0;
        }
        let body = bytes::Bytes::from(data.encode());
        let addrs = self.broker_addrs(!data.consumer_data_set.is_empty());
        let calls = addrs.into_iter().map(|addr| {
            let req = RemotingCommand::request(request::HEART_BEAT).with_body(body.clone());
            async move {
                match self.remoting.invoke(&addr, req, self.timeout).await {
                    Ok(r) if r.code == response::SUCCESS => true,
                    Ok(r) => {
                        tracing::debug!(%addr, "heartbeat refused: {}", r.describe_error());
                        false
                    }
                    Err(e) => {
                        tracing::debug!(%addr, "heartbeat failed: {e}");
                        false
                    }
                }
            }
        });
        futures_util::future::join_all(calls)
            .await
            .into_iter()
            .filter(|ok| *ok)
            .count()
    }

    /// Unregisters a producer group from every broker.
    pub(crate) async fn unregister_producer(&self, group: &str) {
        self.registry.lock().unwrap().producers.remove(group);
        self.unregister(Some(group), None).await;
    }

    /// Unregisters a consumer group from every broker.
    pub(crate) async fn unregister_consumer(&self, group: &str) {
        self.registry.lock().unwrap().consumers.remove(group);
        self.unregister(None, Some(group)).await;
    }

    async fn unregister(&self, producer_group: Option<&str>, consumer_group: Option<&str>) {
        let header = UnregisterClientRequestHeader {
            client_id: self.client_id.clone(),
            producer_group: producer_group.map(str::to_string),
            consumer_group: consumer_group.map(str::to_string),
        };
        let calls = self.broker_addrs(true).into_iter().map(|addr| {
            let req = RemotingCommand::request(request::UNREGISTER_CLIENT).with_header(&header);
            async move {
                if let Err(e) = self.remoting.invoke(&addr, req, self.timeout).await {
                    tracing::debug!(%addr, "unregister failed: {e}");
                }
            }
        });
        futures_util::future::join_all(calls).await;
        let registry = self.registry.lock().unwrap();
        if registry.producers.is_empty() && registry.consumers.is_empty() {
            self.shutdown.cancel();
        }
    }

    /// Stops the heartbeat and closes every connection.
    pub fn close(&self) {
        self.shutdown.cancel();
        self.remoting.shutdown();
    }
}

impl Drop for ClientInstance {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

/// A per-instance number standing in for Java's System.nanoTime().
fn instance_nanos() -> u64 {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    now.wrapping_add(SEQ.fetch_add(1, Ordering::Relaxed))
}

/// This host's outward IPv4 address (no packet is sent), else loopback.
fn local_ip() -> String {
    std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| {
            s.connect("192.0.2.1:9")?;
            s.local_addr()
        })
        .map(|a| a.ip())
        .ok()
        .filter(|ip| !ip.is_unspecified())
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "127.0.0.1".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn push(correlation_id: &str) -> RemotingCommand {
        let h = ReplyMessageRequestHeader {
            producer_group: "g".into(),
            topic: "DefaultCluster_REPLY_TOPIC".into(),
            default_topic: "TBW102".into(),
            default_topic_queue_nums: 4,
            queue_id: 0,
            sys_flag: 0,
            born_timestamp: 1,
            flag: 0,
            properties: Some(format!("CORRELATION_ID\u{1}{correlation_id}")),
            reconsume_times: Some(0),
            unit_mode: Some(false),
            born_host: "127.0.0.1:5555".into(),
            store_host: "127.0.0.1:10911".into(),
            store_timestamp: 2,
        };
        RemotingCommand::request(request::PUSH_REPLY_MESSAGE_TO_CLIENT)
            .with_header(&h)
            .with_body(&b"pong"[..])
    }

    #[tokio::test]
    async fn a_pushed_reply_completes_the_waiting_request() {
        let handler = BrokerRequests {
            registry: Arc::default(),
            requests: Arc::default(),
            client_id: "me".into(),
        };
        let conn_free = |req| {
            let answer = handler.receive_reply(&req);
            (answer.code, answer.remark)
        };
        let mut waiting = handler.requests.register("c-1");
        assert_eq!(conn_free(push("c-1")).0, response::SUCCESS);
        assert_eq!(waiting.reply().await.unwrap().body, "pong");
        // No request waits (timed out, or another client's): still SUCCESS, as Java answers.
        assert_eq!(conn_free(push("c-2")).0, response::SUCCESS);
        // A header that cannot be read.
        let mut bad = push("c-3");
        bad.ext_fields.remove("bornHost");
        let (code, remark) = conn_free(bad);
        assert_eq!(code, response::SYSTEM_ERROR);
        assert!(
            remark.unwrap().starts_with("process reply message fail"),
            "RocketMQ's remark"
        );
        assert!(handler.requests.is_empty());
    }

    #[tokio::test]
    async fn client_ids_look_like_javas_and_differ_per_instance() {
        let config = ClientConfig::new("127.0.0.1:9876");
        let a = ClientInstance::new(&config).unwrap();
        let b = ClientInstance::new(&config).unwrap();
        assert_ne!(a.client_id(), b.client_id());
        let (ip, rest) = a.client_id().split_once('@').unwrap();
        assert!(ip.parse::<std::net::IpAddr>().is_ok());
        let (pid, nanos) = rest.split_once('#').unwrap();
        assert_eq!(pid, std::process::id().to_string());
        assert!(nanos.parse::<u64>().is_ok());
        assert_eq!(a.heartbeat_all().await, 0);
    }
}
