//! Rendering results: a table for people, JSON or YAML for scripts, and the
//! cell formats (times, ages, unknown numbers) the tables share. Used by
//! `cli`, `tui` and the console alike; it knows nothing of where the data
//! came from. Every printing command goes through `emit`, so `-o` means the
//! same everywhere and a closed stdout (`mq ... | head`) ends the command
//! quietly.

use std::io::{self, Write};

use comfy_table::presets::NOTHING;
use comfy_table::{ContentArrangement, Table};
use serde::Serialize;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    #[default]
    Table,
    Json,
    Yaml,
}

/// Something a command prints: its serde form is the JSON/YAML output, and
/// `table` is what people see.
pub trait Render: Serialize {
    fn table(&self) -> Table;
}

/// A table with the project's look (borderless columns, like rpk and kubectl),
/// fitted to the terminal's width.
pub fn new_table<I, S>(header: I) -> Table
where
    I: IntoIterator<Item = S>,
    S: Into<comfy_table::Cell>,
{
    let mut table = Table::new();
    table
        .load_style(NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header);
    table
}

/// Prints `value` in `format` to stdout.
pub fn emit<T: Render>(format: OutputFormat, value: &T) -> io::Result<()> {
    let text = match format {
        OutputFormat::Table => {
            let mut table = value.table();
            // Columns two spaces apart, no leading or trailing blanks: easy on
            // the eye, on grep and on the docs that quote it.
            for column in table.column_iter_mut() {
                column.set_padding((0, 2));
            }
            format!("{}\n", table.trim_fmt())
        }
        OutputFormat::Json => serde_json::to_string_pretty(value).map_err(io::Error::other)? + "\n",
        OutputFormat::Yaml => serde_yaml::to_string(value).map_err(io::Error::other)?,
    };
    print_text(&text)
}

/// Writes `text` to stdout, reporting a closed pipe as an error the caller
/// (main) treats as success.
pub fn print_text(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Milliseconds since the epoch as local-free, readable UTC text for tables.
pub fn format_millis(ms: i64) -> String {
    if ms <= 0 {
        return "-".to_string();
    }
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms as u64);
    humantime::format_rfc3339_seconds(t).to_string()
}

/// How long ago `ms` was, e.g. "12s ago".
pub fn format_age(ms: i64, now_ms: i64) -> String {
    if ms <= 0 {
        return "-".to_string();
    }
    let secs = ((now_ms - ms).max(0) / 1000) as u64;
    format!(
        "{} ago",
        humantime::format_duration(std::time::Duration::from_secs(secs))
    )
}

/// Prints `value` as JSON/YAML, or, for tables, each titled section in turn.
pub fn emit_sections<T: Render>(
    format: OutputFormat,
    value: &T,
    sections: Vec<(Option<String>, Table)>,
) -> io::Result<()> {
    if format != OutputFormat::Table {
        return emit(format, value);
    }
    let mut text = String::new();
    for (i, (title, mut table)) in sections.into_iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        if let Some(t) = title {
            text.push_str(&t);
            text.push('\n');
        }
        if table.row_iter().next().is_none() && title_only(&table) {
            continue;
        }
        for column in table.column_iter_mut() {
            column.set_padding((0, 2));
        }
        text.push_str(&table.trim_fmt());
        text.push('\n');
    }
    print_text(&text)
}

fn title_only(table: &Table) -> bool {
    table.header().is_none()
}

/// A table cell for an optional number: `-` when unknown.
pub fn opt(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

/// A table cell for a timestamp: readable UTC, `-` when unset.
pub fn time(ms: Option<i64>) -> String {
    ms.map(format_millis).unwrap_or_else(|| "-".into())
}
