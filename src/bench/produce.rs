//! `mq bench produce`: sends with `mq`'s producer, one client instance (so
//! one connection to each broker) per `--connections`, and reports how many
//! messages the brokers took and how long each request took.

use std::sync::{Arc, Mutex};

use super::load::{self, Sender};
use super::options::{Bodies, LoadOptions, SendMode};
use super::report::Report;
use super::run::Run;
use super::{BenchError, BenchResult, SEND_TIME_PROPERTY, now_micros};
use crate::client::route::AUTO_CREATE_TOPIC_KEY;
use crate::client::{ClientConfig, ClientError, ClientInstance, Message, Producer, ProducerConfig};

/// What every message of a run shares.
pub(crate) struct Template {
    topic: String,
    tag: Option<String>,
    keys: bool,
    batch: usize,
    bodies: Bodies,
    /// The messages of answered requests, stamped again for the next ones: once a run is
    /// going, a request makes no message (no topic, tag, key or property strings).
    spare: Mutex<Vec<Vec<Message>>>,
}

impl Template {
    pub(crate) fn new(opts: &LoadOptions) -> Template {
        Template {
            topic: opts.topic.clone(),
            tag: opts.tag.clone(),
            keys: opts.keys,
            batch: opts.batch,
            bodies: Bodies::new(opts.body, opts.size),
            spare: Mutex::default(),
        }
    }

    /// The messages of request `seq`, stamped with their send time.
    pub(crate) fn messages(&self, seq: u64) -> Vec<Message> {
        use std::fmt::Write as _;
        let sent = now_micros().to_string();
        let Some(mut msgs) = self.spare.lock().unwrap().pop() else {
            return (0..self.batch)
                .map(|i| {
                    let mut m = Message::new(self.topic.clone(), self.bodies.next());
                    m.tags = self.tag.clone();
                    if self.keys {
                        m.keys = vec![format!("bench-{seq:x}-{i}")];
                    }
                    m.properties
                        .insert(SEND_TIME_PROPERTY.to_string(), sent.clone());
                    m
                })
                .collect();
        };
        for (i, m) in msgs.iter_mut().enumerate() {
            m.body = self.bodies.next();
            if let Some(key) = m.keys.first_mut() {
                key.clear();
                let _ = write!(key, "bench-{seq:x}-{i}");
            }
            if let Some(at) = m.properties.get_mut(SEND_TIME_PROPERTY) {
                at.clear();
                at.push_str(&sent);
            }
        }
        msgs
    }

    /// Takes back the messages of an answered request, for `messages` to send again.
    pub(crate) fn give_back(&self, msgs: Vec<Message>) {
        self.spare.lock().unwrap().push(msgs);
    }
}

/// Sends through one producer (one client instance, one connection per broker).
#[derive(Clone)]
pub(crate) struct ProducerSender {
    pub(crate) producer: Producer,
    pub(crate) template: Arc<Template>,
}

impl Sender for ProducerSender {
    fn request(&self, seq: u64) -> impl Future<Output = Result<(), ClientError>> + Send + 'static {
        let (producer, template) = (self.producer.clone(), self.template.clone());
        let msgs = template.messages(seq);
        async move {
            let sent = match msgs.as_slice() {
                [one] => producer.send(one).await.map(drop),
                many => producer.send_batch(many).await.map(drop),
            };
            template.give_back(msgs);
            sent
        }
    }

    fn oneway(&self, seq: u64) -> impl Future<Output = Result<(), ClientError>> + Send + 'static {
        let (producer, template) = (self.producer.clone(), self.template.clone());
        let msgs = template.messages(seq);
        async move {
            let sent = match msgs.as_slice() {
                [one] => producer.send_oneway(one).await.map(drop),
                many => producer.send_batch_oneway(many).await.map(drop),
            };
            template.give_back(msgs);
            sent
        }
    }
}

/// Fails early, with one line, when `topic` cannot be sent to: it does not
/// exist and the brokers do not create topics (no TBW102 route), or the name
/// server cannot be reached.
pub async fn check_topic(instance: &ClientInstance, topic: &str) -> BenchResult<()> {
    match instance.route(topic).await {
        Ok(_) => Ok(()),
        Err(ClientError::TopicNotFound(_)) => match instance.route(AUTO_CREATE_TOPIC_KEY).await {
            Ok(_) => Ok(()),
            Err(ClientError::TopicNotFound(_)) => Err(BenchError::Failed(format!(
                "topic '{topic}' does not exist and the brokers do not create topics \
                 (autoCreateTopicEnable is off): create it with `mq topic create {topic}`"
            ))),
            Err(e) => Err(cannot_look_up(topic, e)),
        },
        Err(e) => Err(cannot_look_up(topic, e)),
    }
}

fn cannot_look_up(topic: &str, e: ClientError) -> BenchError {
    BenchError::Failed(format!("cannot look up topic '{topic}': {e}"))
}

/// `connections` producers, each with its own client instance.
pub(crate) async fn producers(
    client: &ClientConfig,
    opts: &LoadOptions,
) -> BenchResult<Vec<Producer>> {
    let config = ProducerConfig {
        group: opts.producer_group.clone(),
        send_timeout: opts.timeout,
        // Every failure is counted, none hidden behind a retry.
        retries: 0,
        max_in_flight: opts.threads * opts.window,
        ..ProducerConfig::default()
    };
    let mut all = Vec::with_capacity(opts.connections);
    for _ in 0..opts.connections {
        let p =
            Producer::new(client, config.clone()).map_err(|e| BenchError::Usage(e.to_string()))?;
        all.push(p);
    }
    check_topic(all[0].instance(), &opts.topic).await?;
    Ok(all)
}

/// Runs the produce workload on `run`.
pub async fn run(client: &ClientConfig, opts: &LoadOptions, run: Arc<Run>) -> BenchResult<Report> {
    opts.validate()?;
    let producers = producers(client, opts).await?;
    let template = Arc::new(Template::new(opts));
    let senders: Vec<ProducerSender> = producers
        .iter()
        .map(|p| ProducerSender {
            producer: p.clone(),
            template: template.clone(),
        })
        .collect();
    let workers = load::spawn_workers(&run, opts, &senders);
    let measured = run.drive("produce", workers).await;
    futures_util::future::join_all(producers.iter().map(|p| p.shutdown())).await;
    let mut report = Report::new("produce", mode_name(opts.mode), measured);
    report.describe_load(opts);
    if opts.mode == SendMode::Oneway {
        report.latency_of = "write".into();
    }
    Ok(report)
}

pub fn mode_name(mode: SendMode) -> &'static str {
    match mode {
        SendMode::Sync => "sync",
        SendMode::Async => "async",
        SendMode::Oneway => "oneway",
    }
}
