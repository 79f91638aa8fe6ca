//! `mq send --request`: one message sent as a request (RocketMQ's
//! request/reply), waiting at most `--timeout` for the reply, which is printed:
//! its body, or with `-o json|yaml` its fields.

use std::collections::BTreeMap;

use serde::Serialize;

use super::SendArgs;
use crate::cli::{CliError, CliResult, GlobalArgs};
use crate::client::error::ClientError;
use crate::client::{ClientConfig, Message, MessageExt, Producer, ProducerConfig};
use crate::protocol::message::property;
use crate::render::OutputFormat;

/// The reply as `-o json|yaml` prints it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ReplyRow<'a> {
    topic: &'a str,
    msg_id: String,
    correlation_id: Option<&'a str>,
    born_host: String,
    born_timestamp: i64,
    store_host: String,
    store_timestamp: i64,
    properties: BTreeMap<&'a str, &'a str>,
    body: std::borrow::Cow<'a, str>,
}

impl<'a> ReplyRow<'a> {
    fn new(m: &'a MessageExt) -> Self {
        ReplyRow {
            topic: &m.topic,
            msg_id: m.msg_id(),
            correlation_id: m.property(property::CORRELATION_ID),
            born_host: m.born_host.to_string(),
            born_timestamp: m.born_timestamp,
            store_host: m.store_host.to_string(),
            store_timestamp: m.store_timestamp,
            properties: m.properties_map(),
            body: String::from_utf8_lossy(&m.body),
        }
    }
}

/// Sends `request` and prints its reply; no reply within `--timeout` is a failure.
pub async fn run(g: &GlobalArgs, args: &SendArgs, request: Message) -> CliResult {
    let client = ClientConfig {
        timeout: g.timeout,
        ..ClientConfig::new(g.namesrv())
    };
    let producer = Producer::new(
        &client,
        ProducerConfig {
            group: args.group.clone(),
            send_timeout: g.timeout,
            ..Default::default()
        },
    )
    .map_err(|e| CliError::Usage(e.to_string()))?;
    let reply = producer.request(&request, g.timeout).await;
    producer.shutdown().await;
    let reply = match reply {
        Ok(r) => r,
        Err(e @ ClientError::RequestTimeout { .. }) => return Err(CliError::Failed(e.to_string())),
        Err(e) => return Err(e.into()),
    };
    let text = match g.output {
        OutputFormat::Table => format!("{}\n", String::from_utf8_lossy(&reply.body)),
        OutputFormat::Json => {
            serde_json::to_string_pretty(&ReplyRow::new(&reply)).map_err(std::io::Error::other)?
                + "\n"
        }
        OutputFormat::Yaml => {
            serde_yaml::to_string(&ReplyRow::new(&reply)).map_err(std::io::Error::other)?
        }
    };
    crate::render::print_text(&text)?;
    Ok(())
}
