//! `mq transaction pending`: transactional half messages no outcome has
//! settled yet, per topic and producer group, or one by one.

use serde::Serialize;

use super::{CliResult, GlobalArgs};
use crate::client::admin::transaction::PendingTransactions;
use crate::render::{self, Render, new_table};

#[derive(Debug, clap::Subcommand)]
pub enum TransactionCommand {
    /// Half messages waiting for a commit, a rollback or the broker's check, counted per topic
    /// and producer group (--messages: one row each)
    #[command(
        after_help = "Examples:\n  mq transaction pending\n  mq transaction pending --topic Orders --messages\n  mq transaction pending --group order_tx_pg -o json"
    )]
    Pending {
        /// Only halves of this topic
        #[arg(short = 't', long)]
        topic: Option<String>,
        /// Only halves of this producer group
        #[arg(short = 'g', long)]
        group: Option<String>,
        /// Only this cluster [default: every cluster]
        #[arg(short = 'c', long)]
        cluster: Option<String>,
        /// One row per half message instead of counts
        #[arg(short = 'm', long)]
        messages: bool,
        /// Read at most this many half messages per broker
        #[arg(long, default_value_t = 10_000)]
        limit: usize,
    },
}

/// The counts, or the messages, as printed.
#[derive(Serialize)]
#[serde(transparent)]
struct Pending {
    #[serde(skip)]
    messages: bool,
    found: PendingTransactions,
}

impl Render for Pending {
    fn table(&self) -> comfy_table::Table {
        let now = crate::util::now_millis();
        if self.messages {
            let mut t = new_table([
                "MSGID", "TOPIC", "GROUP", "BROKER", "OFFSET", "STORED", "CHECKS", "KEYS",
            ]);
            for h in &self.found.halves {
                t.add_row(vec![
                    h.msg_id.clone(),
                    h.topic.clone(),
                    h.producer_group.clone(),
                    h.broker_name.clone(),
                    h.half_offset.to_string(),
                    render::format_age(h.store_timestamp, now),
                    h.check_times.to_string(),
                    h.keys.clone().unwrap_or_else(|| "-".into()),
                ]);
            }
            return t;
        }
        let mut t = new_table(["TOPIC", "GROUP", "PENDING", "OLDEST", "MAX CHECKS"]);
        for s in &self.found.summary {
            t.add_row(vec![
                s.topic.clone(),
                s.producer_group.clone(),
                s.count.to_string(),
                render::format_age(s.oldest_timestamp, now),
                s.max_check_times.to_string(),
            ]);
        }
        t
    }
}

pub async fn run(g: &GlobalArgs, cmd: TransactionCommand) -> CliResult {
    let admin = g.admin()?;
    match cmd {
        TransactionCommand::Pending {
            topic,
            group,
            cluster,
            messages,
            limit,
        } => {
            let found = admin
                .pending_transactions(
                    cluster.as_deref(),
                    topic.as_deref(),
                    group.as_deref(),
                    limit,
                )
                .await?;
            for e in &found.errors {
                eprintln!("warning: {e}");
            }
            if found.truncated {
                eprintln!(
                    "warning: a broker holds more than {limit} half messages past its check offset; raise --limit to read them all"
                );
            }
            render::emit(g.output, &Pending { messages, found })?;
        }
    }
    Ok(())
}
