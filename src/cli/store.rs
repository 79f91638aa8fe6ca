//! `mq store inspect`: read a store directory offline (this broker's or
//! Apache RocketMQ's: the format is the same) without starting anything.

use std::path::PathBuf;

use serde::Serialize;

use super::{CliError, CliResult, GlobalArgs};
use crate::render::{self, Render, new_table};
use crate::store::inspect::{self, InspectedMessage, StoreSummary};

#[derive(Debug, clap::Subcommand)]
pub enum StoreCommand {
    /// Summarise a store directory, or print messages of one queue
    #[command(
        after_help = "Examples:\n  mq store inspect mq-data/broker\n  mq store inspect ~/store --topic TopicTest --queue 0 --offset 0 --count 10 -o json"
    )]
    Inspect {
        /// The store root (storePathRootDir: holds commitlog/, consumequeue/, ...)
        dir: PathBuf,
        /// Print messages of this topic (with --queue)
        #[arg(long, requires = "queue")]
        topic: Option<String>,
        /// The queue id whose messages to print
        #[arg(long, requires = "topic")]
        queue: Option<i32>,
        /// First queue offset to print
        #[arg(long, default_value_t = 0)]
        offset: i64,
        /// How many messages to print at most
        #[arg(long, default_value_t = 20)]
        count: usize,
    },
}

pub async fn run(g: &GlobalArgs, cmd: StoreCommand) -> CliResult {
    let StoreCommand::Inspect {
        dir,
        topic,
        queue,
        offset,
        count,
    } = cmd;
    let failed = |e: crate::store::StoreError| CliError::Failed(e.to_string());
    match (topic, queue) {
        (Some(topic), Some(queue)) => {
            let msgs = inspect::messages(&dir, &topic, queue, offset, count).map_err(failed)?;
            render::emit(g.output, &Messages(msgs))?;
        }
        _ => {
            let summary = inspect::summary(&dir).map_err(failed)?;
            render::emit(g.output, &Summary(summary))?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
#[serde(transparent)]
struct Summary(StoreSummary);

impl Render for Summary {
    fn table(&self) -> comfy_table::Table {
        let s = &self.0;
        let mut t = new_table(["TOPIC", "QUEUE", "MIN OFFSET", "MAX OFFSET", "MESSAGES"]);
        for topic in &s.topics {
            for q in &topic.queues {
                t.add_row(vec![
                    topic.topic.clone(),
                    q.queue_id.to_string(),
                    q.min_offset.to_string(),
                    q.max_offset.to_string(),
                    (q.max_offset - q.min_offset).to_string(),
                ]);
            }
        }
        t.add_row(vec![
            "(commit log)".to_string(),
            format!("{} files", s.commit_log.files.len()),
            s.commit_log.min_offset.to_string(),
            s.commit_log.max_offset.to_string(),
            if s.abort_file_present {
                "abort file present".to_string()
            } else {
                "clean".to_string()
            },
        ]);
        t
    }
}

#[derive(Serialize)]
#[serde(transparent)]
struct Messages(Vec<InspectedMessage>);

impl Render for Messages {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["OFFSET", "MSG ID", "TAGS", "KEYS", "STORED", "BODY"]);
        for m in &self.0 {
            match &m.message {
                Some(d) => t.add_row(vec![
                    m.queue_offset.to_string(),
                    d.msg_id.clone(),
                    d.tags().unwrap_or("").to_string(),
                    d.keys().unwrap_or("").to_string(),
                    render::format_millis(d.store_timestamp),
                    preview(&d.body),
                ]),
                None => t.add_row(vec![
                    m.queue_offset.to_string(),
                    "-".into(),
                    "".into(),
                    "".into(),
                    "".into(),
                    format!("unreadable: {}", m.error.as_deref().unwrap_or("?")),
                ]),
            };
        }
        t
    }
}

/// A body as one short line of text.
pub fn preview(body: &[u8]) -> String {
    match std::str::from_utf8(body) {
        Ok(s) => {
            let line: String = s
                .chars()
                .take(60)
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            if s.chars().count() > 60 {
                format!("{line}…")
            } else {
                line
            }
        }
        Err(_) => format!("<{} bytes>", body.len()),
    }
}
