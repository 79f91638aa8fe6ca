//! Snapshot mode (`mq top --once`): two rounds one interval apart, then all
//! three views printed as tables, JSON or YAML, without a terminal.

use comfy_table::Table;
use serde::Serialize;

use super::figures::{BrokerRow, Figures, GroupRow, TopicRow};
use crate::client::admin::cluster::ReplicationLag;
use crate::render::{Render, new_table};

/// What `--once` prints: the figures, with system topics and groups left
/// out unless asked for.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Snapshot(pub Figures);

impl Snapshot {
    pub fn new(mut figures: Figures, all: bool) -> Snapshot {
        if !all {
            figures.topics.retain(|t: &TopicRow| !t.system);
            figures.groups.retain(|g: &GroupRow| !g.system);
        }
        Snapshot(figures)
    }
}

pub fn tps(v: Option<f64>) -> String {
    match v {
        None => "-".into(),
        Some(v) if v >= 100.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
    }
}

/// Bytes as `512 B`, `12.3 KiB`, `4.0 MiB`, `1.2 GiB`.
pub fn bytes_text(v: i64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if v.abs() < 1024 {
        return format!("{v} B");
    }
    let mut x = v as f64 / 1024.0;
    let mut unit = 0;
    while x.abs() >= 1024.0 && unit + 1 < UNITS.len() {
        x /= 1024.0;
        unit += 1;
    }
    format!("{x:.1} {}", UNITS[unit])
}

/// A slave's lag: bytes, and the time behind where its master tells; `-` when unknown.
pub fn lag_text(lag: Option<&ReplicationLag>) -> String {
    match lag {
        None => "-".into(),
        Some(l) => match l.time_ms {
            Some(ms) => format!("{} / {:.1}s", bytes_text(l.bytes), ms as f64 / 1000.0),
            None => bytes_text(l.bytes),
        },
    }
}

/// A broker's status word: up, DOWN or NOT FOLLOWING (a slave whose replication stopped).
pub fn status_text(b: &BrokerRow) -> String {
    if !b.up {
        "DOWN".into()
    } else if b.not_following() {
        "NOT FOLLOWING".into()
    } else {
        "up".into()
    }
}

pub fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

impl Snapshot {
    /// The three views as (title, table) sections.
    pub fn sections(&self) -> Vec<(&'static str, Table)> {
        let f = &self.0;
        let mut brokers = new_table([
            "CLUSTER",
            "BROKER",
            "ROLE",
            "ADDRESS",
            "VERSION",
            "PUT TPS",
            "GET TPS",
            "IN TODAY",
            "OUT TODAY",
            "DISK",
            "LAG",
            "STATUS",
        ]);
        for b in &f.brokers {
            brokers.add_row(vec![
                b.cluster.clone(),
                b.broker_name.clone(),
                b.role.clone(),
                b.addr.clone(),
                opt(b.version.clone()),
                tps(b.put_tps),
                tps(b.get_tps),
                opt(b.msg_put_today),
                opt(b.msg_get_today),
                b.commit_log_disk_ratio
                    .map(|r| format!("{:.0}%", r * 100.0))
                    .unwrap_or("-".into()),
                lag_text(b.lag.as_ref()),
                status_text(b),
            ]);
        }
        let mut topics = new_table(["TOPIC", "R/W", "PERM", "MESSAGES", "PUT TPS", "GROUPS"]);
        for t in &f.topics {
            topics.add_row(vec![
                t.topic.clone(),
                format!("{}/{}", t.read_queues, t.write_queues),
                t.perm.clone(),
                t.messages.to_string(),
                tps(t.put_tps),
                t.groups.join(","),
            ]);
        }
        let mut groups = new_table([
            "GROUP",
            "CONSUME TPS",
            "LAG",
            "TREND",
            "RETRY",
            "DLQ",
            "CLIENTS",
            "MODEL",
            "TYPE",
        ]);
        for g in &f.groups {
            groups.add_row(vec![
                g.group.clone(),
                tps(g.consume_tps),
                opt(g.lag),
                format!("{:?}", g.lag_trend).to_lowercase(),
                g.retry_depth.to_string(),
                g.dlq_depth.to_string(),
                g.clients_online.to_string(),
                opt(g.message_model.clone()),
                opt(g.consume_type.clone()),
            ]);
        }
        vec![("BROKERS", brokers), ("TOPICS", topics), ("GROUPS", groups)]
    }

    /// The table form: each view under its title, blank lines between.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (title, mut table) in self.sections() {
            for column in table.column_iter_mut() {
                column.set_padding((0, 2));
            }
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(title);
            out.push('\n');
            out.push_str(&table.trim_fmt());
            out.push('\n');
        }
        for e in &self.0.errors {
            out.push_str(&format!("\nwarning: {e}\n"));
        }
        out
    }
}

impl Render for Snapshot {
    fn table(&self) -> Table {
        self.sections().swap_remove(1).1
    }
}
