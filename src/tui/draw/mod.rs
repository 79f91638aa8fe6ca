//! Drawing: the frame (header, tabs, footer, help overlay, history chart)
//! around the view tables of `tables`. Ratatui widgets only: reads the state,
//! never changes it, never does I/O (the clock is the round's).

mod tables;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Sparkline};

use super::state::{App, Drill, Series, View};

/// Colours, or none (NO_COLOR): then emphasis is bold and reverse video only.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless NO_COLOR is set (to anything non-empty).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }
    pub fn bold(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    pub fn header(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    pub fn down(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn good(&self) -> Style {
        self.fg(Color::Green)
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }
}

/// Draws the whole screen.
pub fn draw(f: &mut Frame, app: &App, theme: &Theme) {
    let area = f.area();
    let [head, tabs, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    f.render_widget(Paragraph::new(header(app, theme)), head);
    f.render_widget(Paragraph::new(tab_line(app, theme)), tabs);
    let chart_height = if body.height >= 14 { 5 } else { 0 };
    let [main, chart] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(chart_height)]).areas(body);
    match (&app.drill, app.view()) {
        (Some(Drill::Topic(_)), _) => tables::topic_detail(f, main, app, theme),
        (Some(Drill::Group(_)), _) => tables::group_detail(f, main, app, theme),
        (None, View::Brokers) => tables::brokers(f, main, app, theme),
        (None, View::Topics) => tables::topics(f, main, app, theme),
        (None, View::Groups) => tables::groups(f, main, app, theme),
    }
    if chart_height > 0 {
        history_chart(f, chart, app, theme);
    }
    f.render_widget(Paragraph::new(footer(app, theme)), foot);
    if app.help {
        help(f, area, theme);
    }
}

/// `1234567` as `1234567`, `12345678901` as `12.3G`: at most 10 columns.
pub fn count(v: i64) -> String {
    let a = v.unsigned_abs() as f64;
    if a < 1e10 {
        v.to_string()
    } else if a < 1e12 {
        format!("{:.1}G", v as f64 / 1e9)
    } else {
        format!("{:.1}T", v as f64 / 1e12)
    }
}

/// A count (≥ 0) in at most 5 columns: exact below 100000, then rounded
/// down to `1234k`, `1234M`, `1234G`.
pub fn short_count(v: i64) -> String {
    let v = v.max(0);
    if v < 100_000 {
        v.to_string()
    } else if v < 10_000_000 {
        format!("{}k", v / 1_000)
    } else if v < 10_000_000_000 {
        format!("{}M", v / 1_000_000)
    } else {
        format!("{}G", v / 1_000_000_000)
    }
}

pub fn clock(ms: i64) -> String {
    if ms <= 0 {
        return "--:--:--".into();
    }
    let s = (ms / 1000).rem_euclid(86_400);
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

pub fn ms_text(ms: u64) -> String {
    if ms < 1000 {
        format!("{ms}ms")
    } else {
        format!("{:.1}s", ms as f64 / 1000.0)
    }
}

fn header(app: &App, theme: &Theme) -> Line<'static> {
    let f = &app.figures;
    let mut spans = vec![
        Span::styled(" mq top ", theme.header().add_modifier(Modifier::REVERSED)),
        Span::raw(format!(" {} · ", app.target)),
    ];
    let down = f.brokers.iter().filter(|b| !b.up).count();
    spans.push(Span::raw(format!("{} brokers", f.brokers.len())));
    if down > 0 {
        spans.push(Span::styled(format!(" ({down} down)"), theme.down()));
    }
    let stalled = f.brokers.iter().filter(|b| b.not_following()).count();
    if stalled > 0 {
        spans.push(Span::styled(
            format!(" ({stalled} not following)"),
            theme.down(),
        ));
    }
    if app.interval_ms > app.base_interval_ms {
        spans.push(Span::styled(
            format!(
                " · backed off to {} (round {})",
                ms_text(app.interval_ms),
                ms_text(app.round_took_ms)
            ),
            theme.warn(),
        ));
    } else {
        spans.push(Span::raw(format!(
            " · every {}",
            ms_text(app.base_interval_ms)
        )));
    }
    if app.paused {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            " PAUSED ",
            theme.warn().add_modifier(Modifier::REVERSED),
        ));
    }
    if app.rounds == 0 && f.errors.is_empty() {
        spans.push(Span::styled(" · connecting…", theme.dim()));
    }
    if let Some(e) = f.errors.first() {
        spans.push(Span::styled(format!(" · {e}"), theme.down()));
    }
    spans.push(Span::styled(
        format!(
            " · {} UTC · round {}",
            clock(f.timestamp),
            ms_text(app.round_took_ms)
        ),
        theme.dim(),
    ));
    Line::from(spans)
}

fn tab_line(app: &App, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (i, view) in View::ALL.into_iter().enumerate() {
        let label = format!(" {} {} {} ", i + 1, view.title(), app.row_count(view));
        let style = if view == app.view() {
            theme.header().add_modifier(Modifier::REVERSED)
        } else {
            theme.bold()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    if app.drill.is_none() {
        let view = app.view();
        let sort = app.sort_of(view);
        let arrow = if sort.reverse { "↑" } else { "↓" };
        spans.push(Span::styled(
            format!(" sort: {} {arrow}", view.sort_columns()[sort.column]),
            theme.dim(),
        ));
    }
    if app.filter_editing || !app.filter.is_empty() {
        let cursor = if app.filter_editing { "▏" } else { "" };
        spans.push(Span::styled(
            format!("  filter: {}{cursor}", app.filter),
            theme.warn(),
        ));
    }
    if app.show_system {
        spans.push(Span::styled("  +system", theme.dim()));
    }
    Line::from(spans)
}

fn footer(app: &App, theme: &Theme) -> Line<'static> {
    let keys: &[(&str, &str)] = if app.filter_editing {
        &[("type", "filter"), ("Enter", "keep"), ("Esc", "clear")]
    } else if app.drill.is_some() {
        &[
            ("Esc", "back"),
            ("↑↓", "scroll"),
            ("p", "pause"),
            ("r", "refresh"),
            ("?", "help"),
            ("q", "quit"),
        ]
    } else {
        &[
            ("q", "quit"),
            ("?", "help"),
            ("1-3", "view"),
            ("↑↓", "move"),
            ("⏎", "open"),
            ("s/S", "sort"),
            ("/", "filter"),
            ("a", "sys"),
            ("p", "pause"),
            ("r", "refresh"),
        ]
    };
    let mut spans = Vec::new();
    for (k, what) in keys {
        spans.push(Span::styled(format!(" {k}"), theme.header()));
        spans.push(Span::raw(format!(" {what}")));
    }
    Line::from(spans)
}

/// The selected row's history: put TPS of a topic or master, replication lag of a slave,
/// consume TPS and lag of a group.
fn history_chart(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (title, series): (String, Option<&Series>) = match (&app.drill, app.view()) {
        (Some(Drill::Topic(t)), _) => (format!("{t} put TPS"), app.topic_tps.get(t)),
        (Some(Drill::Group(g)), _) => (format!("{g} lag"), app.group_lag.get(g)),
        (None, View::Topics) => match app.selected_topic() {
            Some(t) => (format!("{} put TPS", t.topic), app.topic_tps.get(&t.topic)),
            None => ("put TPS".into(), None),
        },
        (None, View::Groups) => match app.selected_group() {
            Some(g) => (
                format!("{} consume TPS", g.group),
                app.group_tps.get(&g.group),
            ),
            None => ("consume TPS".into(), None),
        },
        (None, View::Brokers) => match app.selected_broker() {
            // A slave's story is its lag; a master's its put TPS.
            Some(b) if b.broker_id != 0 => (
                format!("{} replication lag bytes", b.addr),
                app.slave_lag.get(&b.addr),
            ),
            Some(b) => (format!("{} put TPS", b.addr), app.broker_tps.get(&b.addr)),
            None => ("put TPS".into(), None),
        },
    };
    let data: Vec<u64> = series
        .map(|s| s.iter().copied().collect())
        .unwrap_or_default();
    let width = area.width.saturating_sub(2) as usize;
    let shown = &data[data.len().saturating_sub(width)..];
    let (last, max) = (shown.last().copied(), shown.iter().copied().max());
    let label = match (last, max) {
        (Some(l), Some(m)) => format!(" {title}: now {l}, max {m}, last {} points ", shown.len()),
        _ => format!(" {title}: no history yet "),
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(label, theme.dim()));
    f.render_widget(
        Sparkline::default()
            .block(block)
            .data(shown)
            .style(theme.good()),
        area,
    );
}

const HELP: &[(&str, &str)] = &[
    (
        "1 2 3, Tab",
        "brokers, topics, groups view (Shift-Tab back)",
    ),
    ("↑ ↓, j k", "move the selection (PgUp/PgDn, g/G: jump)"),
    ("Enter", "open the selected topic or group"),
    ("Esc", "back from a drill-down; clear the filter"),
    ("s", "sort by the next column"),
    ("S", "reverse the sort"),
    ("/", "filter by substring (Enter keeps, Esc clears)"),
    ("a", "show or hide system topics and groups"),
    ("p", "pause or resume updates"),
    ("r", "refresh now"),
    ("?", "this help (any key closes it)"),
    ("q, Ctrl-C", "quit"),
];

fn help(f: &mut Frame, area: Rect, theme: &Theme) {
    let width = 64.min(area.width);
    let height = (HELP.len() as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let lines: Vec<Line> = HELP
        .iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(format!(" {k:<12}"), theme.header()),
                Span::raw(*what),
            ])
        })
        .collect();
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(" keys ")),
        rect,
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_counts_fit_five_columns_up_to_ten_trillion() {
        for (v, text) in [
            (0, "0"),
            (99_999, "99999"),
            (100_000, "100k"),
            (9_999_999, "9999k"),
            (10_000_000, "10M"),
            (9_999_999_999, "9999M"),
            (1_234_000_000_000, "1234G"),
        ] {
            assert_eq!(super::short_count(v), text);
        }
    }
}
