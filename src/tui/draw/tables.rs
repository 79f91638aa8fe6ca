//! The view tables (brokers, topics, groups) and the two drill-downs. Only
//! the rows that fit are built, so a thousand topics cost what a screenful does.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::{Theme, count, ms_text, short_count};
use crate::tui::figures::{BrokerRow, Trend};
use crate::tui::once::{lag_text, opt, status_text, tps};
use crate::tui::state::{App, View};

/// The first visible row so that `selected` shows in `height` rows.
fn window(selected: usize, height: usize) -> usize {
    if height == 0 || selected < height {
        0
    } else {
        selected + 1 - height
    }
}

/// A table of `rows` (already cut to what fits) under `header`.
fn table<'a>(
    f: &mut Frame,
    area: Rect,
    theme: &Theme,
    header: &[&'a str],
    widths: &[Constraint],
    rows: Vec<Row<'a>>,
    empty: &str,
) {
    let head =
        Row::new(header.iter().map(|h| Cell::from(*h))).style(theme.bold().patch(theme.header()));
    if rows.is_empty() {
        let [h, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        f.render_widget(
            Table::new(Vec::<Row>::new(), widths.to_vec()).header(head),
            h,
        );
        f.render_widget(
            Paragraph::new(Span::styled(format!("  {empty}"), theme.dim())),
            rest,
        );
        return;
    }
    f.render_widget(
        Table::new(rows, widths.to_vec())
            .header(head)
            .column_spacing(1),
        area,
    );
}

fn styled(selected: bool, base: Style, theme: &Theme) -> Style {
    if selected {
        base.patch(theme.selected())
    } else {
        base
    }
}

fn age(now: i64, then: Option<i64>) -> String {
    match then {
        Some(t) if t > 0 => ms_text((now - t).max(0) as u64),
        _ => "-".into(),
    }
}

/// The widest of `width` over the shown brokers, within `min..=max`.
fn widest(app: &App, min: u16, max: u16, width: fn(&BrokerRow) -> usize) -> u16 {
    let w = app.visible_brokers().map(width).max().unwrap_or(0);
    (w.min(max as usize) as u16).max(min)
}

pub fn brokers(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let wide = area.width >= 120;
    let height = area.height.saturating_sub(1) as usize;
    let sel = app.selected_index(View::Brokers);
    let start = window(sel, height);
    let now = app.figures.timestamp;
    let rows: Vec<Row> = app
        .visible_brokers()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, b): (usize, &BrokerRow)| {
            let na = |s: String| if b.up { s } else { "-".into() };
            let stalled = b.not_following();
            let mut cells = Vec::new();
            if wide {
                cells.push(b.cluster.clone());
            }
            cells.push(format!("{}/{}", b.broker_name, b.broker_id));
            cells.push(b.role.clone());
            cells.push(b.addr.clone());
            if wide {
                cells.push(opt(b.version.clone()));
            }
            cells.push(if b.up { tps(b.put_tps) } else { "DOWN".into() });
            cells.push(na(tps(b.get_tps)));
            if wide {
                cells.push(na(opt(b.msg_put_today.map(count))));
                cells.push(na(opt(b.msg_get_today.map(count))));
            }
            cells.push(na(b
                .commit_log_disk_ratio
                .map(|r| format!("{:.0}%", r * 100.0))
                .unwrap_or("-".into())));
            // Narrow, the LAG column is the only place for the flag.
            cells.push(if stalled && !wide {
                "NOT FOLLOWING".into()
            } else {
                lag_text(b.lag.as_ref())
            });
            cells.push(age(now, b.last_registration));
            if wide {
                cells.push(match (b.up, &b.not_following) {
                    (false, _) => format!("DOWN: {}", b.error.clone().unwrap_or_default()),
                    (true, Some(why)) if stalled => format!("NOT FOLLOWING: {why}"),
                    _ => status_text(b),
                });
            }
            let base = if b.up && !stalled {
                Style::default()
            } else {
                theme.down()
            };
            Row::new(cells).style(styled(i == sel, base, theme))
        })
        .collect();
    let (header, widths): (Vec<&str>, Vec<Constraint>) = if wide {
        (
            vec![
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
                "SEEN",
                "STATUS",
            ],
            // The names as wide as the widest shown (within bounds), so the rest goes to the
            // status and its reasons.
            vec![
                Constraint::Length(widest(app, 14, 24, |b| b.cluster.len())),
                Constraint::Length(widest(app, 12, 24, |b| b.broker_name.len() + 4)),
                Constraint::Length(6),
                Constraint::Length(widest(app, 21, 40, |b| b.addr.len())),
                Constraint::Length(8),
                Constraint::Length(8),
                Constraint::Length(8),
                Constraint::Length(10),
                Constraint::Length(10),
                Constraint::Length(5),
                Constraint::Length(18),
                Constraint::Length(6),
                // The status takes what is left, for a reason that needs it.
                Constraint::Fill(1),
            ],
        )
    } else {
        (
            vec![
                "BROKER", "ROLE", "ADDRESS", "PUT TPS", "GET TPS", "DISK", "LAG", "SEEN",
            ],
            // 80 columns: IN TODAY gives way to LAG (the wide table has both).
            vec![
                Constraint::Min(10),
                Constraint::Length(6),
                Constraint::Min(15),
                Constraint::Length(8),
                Constraint::Length(8),
                Constraint::Length(5),
                Constraint::Length(15),
                Constraint::Length(6),
            ],
        )
    };
    table(
        f,
        area,
        theme,
        &header,
        &widths,
        rows,
        "no brokers registered with the name server",
    );
}

pub fn topics(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let height = area.height.saturating_sub(1) as usize;
    let sel = app.selected_index(View::Topics);
    let start = window(sel, height);
    let rows: Vec<Row> = app
        .visible_topics()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, t)| {
            Row::new(vec![
                t.topic.clone(),
                format!("{}/{}", t.read_queues, t.write_queues),
                t.perm.clone(),
                count(t.messages),
                tps(t.put_tps),
                t.groups.join(","),
            ])
            .style(styled(i == sel, Style::default(), theme))
        })
        .collect();
    let widths = [
        Constraint::Fill(2),
        Constraint::Length(7),
        Constraint::Length(4),
        Constraint::Length(10),
        Constraint::Length(8),
        Constraint::Fill(1),
    ];
    let empty = if app.show_system {
        "no topics"
    } else {
        "no topics (a: show system topics)"
    };
    table(
        f,
        area,
        theme,
        &["TOPIC", "R/W", "PERM", "MESSAGES", "PUT TPS", "GROUPS"],
        &widths,
        rows,
        empty,
    );
}

fn trend(t: Trend, theme: &Theme) -> Span<'static> {
    match t {
        Trend::Growing => Span::styled("↑ growing", theme.warn()),
        Trend::Shrinking => Span::styled("↓ shrinking", theme.good()),
        Trend::Steady => Span::raw("→ steady"),
        Trend::Unknown => Span::raw("-"),
    }
}

pub fn groups(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let height = area.height.saturating_sub(1) as usize;
    let sel = app.selected_index(View::Groups);
    let start = window(sel, height);
    let rows: Vec<Row> = app
        .visible_groups()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, g)| {
            Row::new(vec![
                Cell::from(g.group.clone()),
                Cell::from(tps(g.consume_tps)),
                Cell::from(g.lag.map(count).unwrap_or_else(|| "unknown".into())),
                Cell::from(Line::from(trend(g.lag_trend, theme))),
                Cell::from(short_count(g.retry_depth)),
                Cell::from(short_count(g.dlq_depth)),
                Cell::from(g.clients_online.to_string()),
                Cell::from(opt(g.message_model.as_deref().map(|m| match m {
                    "BROADCASTING" => "BROADCAST",
                    m => m,
                }))),
                Cell::from(opt(g.consume_type.as_deref().map(|t| match t {
                    "CONSUME_PASSIVELY" => "PUSH",
                    "CONSUME_ACTIVELY" => "PULL",
                    "CONSUME_POP" => "POP",
                    t => t,
                }))),
            ])
            .style(styled(i == sel, Style::default(), theme))
        })
        .collect();
    // Fits 80 columns with 12 for the group's name: the retry and DLQ
    // depths are shortened (`short_count`), the model and type abbreviated.
    let widths = [
        Constraint::Min(12),
        Constraint::Length(8),
        Constraint::Length(10),
        Constraint::Length(11),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(7),
        Constraint::Length(10),
        Constraint::Length(4),
    ];
    table(
        f,
        area,
        theme,
        &[
            "GROUP", "CONS TPS", "LAG", "TREND", "RETRY", "DLQ", "CLIENTS", "MODEL", "TYPE",
        ],
        &widths,
        rows,
        "no consumer groups",
    );
}

fn title_block(title: Line<'static>) -> Block<'static> {
    Block::default().borders(Borders::TOP).title(title)
}

/// Splits `area` into a titled upper and lower table, the lower one at least
/// `lower_min` rows.
fn two_parts(area: Rect, lower_min: u16) -> [Rect; 2] {
    Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(lower_min.min(area.height / 2)),
    ])
    .areas(area)
}

pub fn topic_detail(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(t) = app.drill_topic() else {
        f.render_widget(Paragraph::new("  the topic is gone (Esc: back)"), area);
        return;
    };
    let consumers: Vec<_> = app
        .figures
        .groups
        .iter()
        .filter(|g| t.groups.contains(&g.group))
        .collect();
    let [upper, lower] = two_parts(area, consumers.len() as u16 + 3);
    let head = Line::from(vec![
        Span::styled(format!(" Topic {} ", t.topic), theme.header()),
        Span::raw(format!(
            "· {} queues · {} messages · put {}/s · perm {} ",
            t.queues.len(),
            count(t.messages),
            tps(t.put_tps),
            t.perm
        )),
    ]);
    let block = title_block(head);
    let inner = block.inner(upper);
    f.render_widget(block, upper);
    let now = app.figures.timestamp;
    let height = inner.height.saturating_sub(1) as usize;
    let rows: Vec<Row> = t
        .queues
        .iter()
        .skip(app.drill_scroll.min(t.queues.len().saturating_sub(1)))
        .take(height)
        .map(|q| {
            Row::new(vec![
                q.broker_name.clone(),
                q.queue_id.to_string(),
                q.min_offset.to_string(),
                q.max_offset.to_string(),
                age(now, q.last_store_time),
                tps(q.put_tps),
            ])
        })
        .collect();
    table(
        f,
        inner,
        theme,
        &[
            "BROKER",
            "QUEUE",
            "MIN OFFSET",
            "MAX OFFSET",
            "LAST STORE",
            "PUT TPS",
        ],
        &[
            Constraint::Fill(1),
            Constraint::Length(5),
            Constraint::Length(12),
            Constraint::Length(12),
            Constraint::Length(10),
            Constraint::Length(8),
        ],
        rows,
        "no queues",
    );
    let block = title_block(Line::styled(" Consuming groups ", theme.header()));
    let inner = block.inner(lower);
    f.render_widget(block, lower);
    let rows: Vec<Row> = consumers
        .iter()
        .map(|g| {
            let lag = crate::protocol::admin::total_known_lag(
                g.queues
                    .iter()
                    .filter(|q| q.topic == t.topic)
                    .map(|q| q.lag),
            );
            Row::new(vec![
                g.group.clone(),
                lag.map(count).unwrap_or_else(|| "unknown".into()),
                tps(g.consume_tps),
                g.clients_online.to_string(),
            ])
        })
        .collect();
    table(
        f,
        inner,
        theme,
        &["GROUP", "LAG ON TOPIC", "CONS TPS", "CLIENTS"],
        &[
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(8),
            Constraint::Length(7),
        ],
        rows,
        "no group consumes this topic",
    );
}

pub fn group_detail(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(g) = app.drill_group() else {
        f.render_widget(Paragraph::new("  the group is gone (Esc: back)"), area);
        return;
    };
    let [upper, lower] = two_parts(area, g.clients.len().max(1) as u16 + 2);
    let head = Line::from(vec![
        Span::styled(format!(" Group {} ", g.group), theme.header()),
        Span::raw(format!(
            "· lag {} · consume {}/s · {} · {} clients ",
            g.lag.map(count).unwrap_or_else(|| "unknown".into()),
            tps(g.consume_tps),
            opt(g.message_model.clone()),
            g.clients_online
        )),
    ]);
    let block = title_block(head);
    let inner = block.inner(upper);
    f.render_widget(block, upper);
    let height = inner.height.saturating_sub(1) as usize;
    let rows: Vec<Row> = g
        .queues
        .iter()
        .skip(app.drill_scroll.min(g.queues.len().saturating_sub(1)))
        .take(height)
        .map(|q| {
            Row::new(vec![
                q.topic.clone(),
                q.broker_name.clone(),
                q.queue_id.to_string(),
                q.broker_offset.to_string(),
                opt(q.consumer_offset),
                q.lag.map(count).unwrap_or_else(|| "unknown".into()),
                opt(q.client.clone()),
            ])
        })
        .collect();
    table(
        f,
        inner,
        theme,
        &[
            "TOPIC",
            "BROKER",
            "QUEUE",
            "BROKER OFF",
            "CONSUMER OFF",
            "LAG",
            "CLIENT",
        ],
        &[
            Constraint::Fill(1),
            Constraint::Min(8),
            Constraint::Length(5),
            Constraint::Length(10),
            Constraint::Length(12),
            Constraint::Length(8),
            Constraint::Fill(1),
        ],
        rows,
        "no queues with progress",
    );
    let block = title_block(Line::styled(" Connected clients ", theme.header()));
    let inner = block.inner(lower);
    f.render_widget(block, lower);
    let rows: Vec<Row> = g
        .clients
        .iter()
        .map(|c| {
            Row::new(vec![
                c.client_id.clone(),
                c.client_addr.clone(),
                c.language.clone(),
                c.version.clone(),
            ])
        })
        .collect();
    table(
        f,
        inner,
        theme,
        &["CLIENT ID", "ADDRESS", "LANGUAGE", "VERSION"],
        &[
            Constraint::Fill(2),
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Length(8),
        ],
        rows,
        "no client online",
    );
}
