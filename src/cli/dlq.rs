//! `mq dlq ...`: a consumer group's dead letters: list them with the topic
//! they came from, show one, and re-send chosen ones (or all) to that topic.

use serde::Serialize;

use super::admin_common::parse_time;
use super::message::message_sections;
use super::{CliError, CliResult, GlobalArgs};
use crate::client::admin::dlq::{DeadLetterResend, DeadLetterSelection, DeadLetters};
use crate::client::admin::message::MessageView;
use crate::client::{ClientConfig, Producer, ProducerConfig};
use crate::render::{self, Render, emit_sections, new_table, time};

/// How many characters of a body the tables show.
const BODY_PREVIEW: usize = 40;

#[derive(Debug, clap::Subcommand)]
pub enum DlqCommand {
    /// List a group's dead letters (%DLQ%GROUP), oldest first, with the topic each came from
    #[command(
        after_help = "Examples:\n  mq dlq list demo\n  mq dlq list demo --since '1h ago' --limit 10 -o json"
    )]
    List {
        /// The consumer group
        group: String,
        /// Only those stored at or after TIME (now, epoch ms, RFC 3339, '1h ago') [default: all]
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
        /// At most this many
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
    /// Show one dead letter: headers, properties and body
    #[command(
        after_help = "Examples:\n  mq dlq show demo 7F00000100002A9F0000000000000000\n  mq dlq show demo 7F000001D2A418B4AAC2... -o json"
    )]
    Show {
        /// The consumer group
        group: String,
        /// Offset message id, or the unique key (UNIQ_KEY)
        msg_id: String,
    },
    /// Re-send dead letters to their original topic (RETRY_TOPIC); they stay in the DLQ
    #[command(
        after_help = "Examples:\n  mq dlq resend demo 7F00000100002A9F0000000000000000\n  mq dlq resend demo --all --since '1h ago'\n  mq dlq resend demo 7F00000100002A9F0000000000000000 --topic TopicTest"
    )]
    #[command(group(clap::ArgGroup::new("which").required(true).args(["msg_ids", "all"])))]
    Resend {
        /// The consumer group
        group: String,
        /// Offset message ids or unique keys (UNIQ_KEY) of dead letters
        msg_ids: Vec<String>,
        /// Every dead letter (with --since and --limit, those listed)
        #[arg(long)]
        all: bool,
        /// With --all: only those stored at or after TIME [default: all]
        #[arg(long, value_name = "TIME", requires = "all")]
        since: Option<String>,
        /// With --all: at most this many
        #[arg(long, requires = "all", default_value_t = usize::MAX, hide_default_value = true)]
        limit: usize,
        /// Send to this topic instead of each one's original topic
        #[arg(short = 't', long)]
        topic: Option<String>,
    },
}

pub async fn run(g: &GlobalArgs, cmd: DlqCommand) -> CliResult {
    let admin = g.admin()?;
    match cmd {
        DlqCommand::List {
            group,
            since,
            limit,
        } => {
            let since = since
                .map(|s| parse_time(&s))
                .transpose()
                .map_err(CliError::Usage)?;
            let list = admin.list_dead_letters(&group, since, limit).await?;
            let summary = format!(
                "{} of {} dead letter(s) in {}",
                list.messages.len(),
                list.depth,
                list.topic
            );
            emit_sections(
                g.output,
                &list,
                vec![
                    (None, list.table()),
                    (Some(summary), comfy_table::Table::new()),
                ],
            )?;
        }
        DlqCommand::Show { group, msg_id } => {
            let m = admin.get_dead_letter(&group, &msg_id).await?;
            let view = MessageView::from(&m);
            emit_sections(g.output, &view, message_sections(&view))?;
        }
        DlqCommand::Resend {
            group,
            msg_ids,
            all,
            since,
            limit,
            topic,
        } => {
            let selection = if all {
                DeadLetterSelection::All {
                    since: since
                        .map(|s| parse_time(&s))
                        .transpose()
                        .map_err(CliError::Usage)?,
                    limit,
                }
            } else {
                DeadLetterSelection::Ids(msg_ids)
            };
            let client = ClientConfig {
                timeout: g.timeout,
                ..ClientConfig::new(g.namesrv())
            };
            let producer = Producer::new(
                &client,
                ProducerConfig {
                    send_timeout: g.timeout,
                    ..Default::default()
                },
            )
            .map_err(|e| CliError::Usage(e.to_string()))?;
            let resent = admin
                .resend_dead_letters(&group, &selection, topic.as_deref(), &producer)
                .await;
            producer.shutdown().await;
            let rows = Resends(resent?);
            render::emit(g.output, &rows)?;
            let failed = rows.0.iter().filter(|r| r.failed()).count();
            if failed > 0 {
                return Err(CliError::Failed(format!(
                    "{failed} of {} dead letter(s) were not re-sent",
                    rows.0.len()
                )));
            }
        }
    }
    Ok(())
}

fn preview(body: &str) -> String {
    let mut out: String = body.chars().take(BODY_PREVIEW).collect();
    if body.chars().count() > BODY_PREVIEW {
        out.push('…');
    }
    out
}

impl Render for DeadLetters {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "MESSAGE ID",
            "ORIGINAL TOPIC",
            "KEYS",
            "TAGS",
            "RECONSUMED",
            "STORED",
            "BODY",
        ]);
        let dash = || "-".to_string();
        for d in &self.messages {
            let m = &d.message;
            t.add_row(vec![
                m.msg_id.clone(),
                d.original_topic.clone().unwrap_or_else(dash),
                m.keys.clone().unwrap_or_else(dash),
                m.tags.clone().unwrap_or_else(dash),
                m.reconsume_times.to_string(),
                time(Some(m.store_timestamp)),
                preview(&m.body),
            ]);
        }
        t
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Resends(pub Vec<DeadLetterResend>);

impl Render for Resends {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["MESSAGE ID", "TOPIC", "KEYS", "NEW MESSAGE ID", "STATUS"]);
        let dash = || "-".to_string();
        for r in &self.0 {
            t.add_row(vec![
                r.msg_id.clone(),
                r.topic.clone().unwrap_or_else(dash),
                r.keys.clone().unwrap_or_else(dash),
                r.new_msg_id.clone().unwrap_or_else(dash),
                match (&r.status, &r.error) {
                    (_, Some(e)) => format!("FAILED: {e}"),
                    (Some(s), None) => s.clone(),
                    (None, None) => dash(),
                },
            ]);
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_cut_long_bodies() {
        assert_eq!(preview("short"), "short");
        let long = "x".repeat(50);
        assert_eq!(preview(&long).chars().count(), BODY_PREVIEW + 1);
        assert!(preview(&long).ends_with('…'));
    }
}
