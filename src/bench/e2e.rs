//! `mq bench e2e`: produces at `--rate` and consumes the same messages with
//! a push consumer in the same process; the latency is from each message's
//! send time (its `mqBenchSendTs` property) to its receipt. The figures are
//! the consumer's; `sent` is what the producers had answered meanwhile.

use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use super::consume::{self, ConsumeMode, ConsumeOptions, StartFrom};
use super::load;
use super::options::{LoadOptions, Stop};
use super::produce::{self, ProducerSender, Template};
use super::report::Report;
use super::run::Run;
use super::{BenchError, BenchResult};
use crate::client::route::subscribe_queues;
use crate::client::{ClientConfig, Message};

/// The rate e2e sends at when none is given.
pub const DEFAULT_RATE: u64 = 10_000;

/// How long the consumer may take to be given its queues.
const ASSIGN_WAIT: Duration = Duration::from_secs(30);

/// Runs e2e: `load` sends (at `load.rate`, else DEFAULT_RATE) while a push consumer of
/// `group` counts and times what arrives, as `run` says.
pub async fn run(
    client: &ClientConfig,
    load: &LoadOptions,
    group: &str,
    run: Arc<Run>,
) -> BenchResult<Report> {
    let mut load = load.clone();
    load.rate.get_or_insert(DEFAULT_RATE);
    load.validate()?;
    let producers = produce::producers(client, &load).await?;
    // The consumer needs the topic's route: a first message creates the topic if need be.
    producers[0]
        .send(&Message::new(load.topic.clone(), "mq bench e2e"))
        .await
        .map_err(|e| BenchError::Failed(format!("cannot send to topic '{}': {e}", load.topic)))?;
    let consume = ConsumeOptions {
        topic: load.topic.clone(),
        group: group.to_string(),
        mode: ConsumeMode::Push,
        from: StartFrom::Last,
        pull_batch: 32,
    };
    let consumer = consume::start_push(client, &consume).await?;
    // The run's fresh group has this one member, which takes every readable queue, one after
    // the other (each asks the broker for its end offset). Sending starts once it reads them
    // all: a message sent to a queue not yet taken would be skipped (the consumer starts at
    // the end), or be read late, and only the start's take-up would show in the tail.
    let queues = producers[0]
        .instance()
        .route(&load.topic)
        .await
        .map(|route| subscribe_queues(&load.topic, &route).len())
        .unwrap_or(1)
        .max(1);
    let deadline = Instant::now() + ASSIGN_WAIT;
    loop {
        let taken = consumer.assigned_queues().len();
        if taken >= queues {
            break;
        }
        if Instant::now() >= deadline {
            if taken > 0 {
                break;
            }
            return Err(BenchError::Failed(format!(
                "the consumer was given no queue of topic '{}' in {ASSIGN_WAIT:?}",
                load.topic
            )));
        }
        if taken == 0 {
            consumer.rebalance_now();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let receivers = consume::push_worker(run.clone(), consumer);

    // The senders run on their own clock, stopped with the run.
    let sending = Run::silent(Stop::Duration(Duration::MAX));
    let template = Arc::new(Template::new(&load));
    let senders: Vec<ProducerSender> = producers
        .iter()
        .map(|p| ProducerSender {
            producer: p.clone(),
            template: template.clone(),
        })
        .collect();
    let send_workers = load::spawn_workers(&sending, &load, &senders);
    let measured = run.drive("e2e", receivers).await;
    sending.stop();
    let sent = sending.drive("send", send_workers).await;
    futures_util::future::join_all(producers.iter().map(|p| p.shutdown())).await;

    let mut report = Report::new("e2e", produce::mode_name(load.mode), measured);
    report.describe_load(&load);
    report.latency_of = "end-to-end".into();
    report.sent = Some(sent.total.msgs);
    for (kind, n) in sent.total.errors {
        *report
            .errors_by_kind
            .entry(format!("send {kind}"))
            .or_default() += n;
        report.errors += n;
    }
    Ok(report)
}
