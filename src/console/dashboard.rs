//! The Dashboard and `/api/dashboard`: the cluster at a glance from the
//! poll history (brokers up, topics, groups), put and get TPS over time as
//! SVG charts, the busiest topics and the groups furthest behind.

use std::collections::BTreeMap;

use axum::response::Response;
use serde::Serialize;

use super::chart::{Series, line_chart};
use super::error::ConsoleResult;
use super::history::{GroupBacklog, Point, TopicTraffic};
use super::html::{self, Nav, Table, link, text, url};
use super::server;
use super::session::Ctx;
use super::topics::{TopicKind, kind};
use crate::protocol::subscription_group::PRE_CREATED_GROUPS;

/// Rows of the top-topics and largest-lag tables.
const TOP: usize = 10;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// When the newest sample was taken (null before the first poll).
    pub sampled_at: Option<i64>,
    pub samples: usize,
    /// How long the newest polling round took (ms).
    pub poll_took_ms: Option<u64>,
    pub brokers: usize,
    pub brokers_answering: usize,
    pub topics: usize,
    pub groups: usize,
    pub put_tps: f64,
    pub get_tps: f64,
    /// Σ put and get TPS over the brokers per sample: [ms, tps] pairs.
    pub put_series: Vec<Point>,
    pub get_series: Vec<Point>,
    /// Each broker's ("brokerName/brokerId") put TPS per sample.
    pub broker_series: BTreeMap<String, Vec<Point>>,
    pub top_topics: Vec<TopicTraffic>,
    pub top_lag: Vec<GroupBacklog>,
    pub errors: Vec<String>,
}

fn dashboard(ctx: &Ctx) -> ConsoleResult<Dashboard> {
    let history = ctx.state.history(&ctx.namesrv);
    let h = history.lock().unwrap_or_else(|p| p.into_inner());
    let (put_series, get_series) = h.cluster_series();
    let latest = h.latest();
    let names: Vec<String> = latest
        .map(|s| {
            s.brokers
                .iter()
                .flat_map(|b| [b.cluster.clone(), b.broker_name.clone()])
                .collect()
        })
        .unwrap_or_default();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let normal = |t: &str| kind(t, &names) == TopicKind::Normal;
    let user_group = |g: &str| !PRE_CREATED_GROUPS.contains(&g);
    Ok(Dashboard {
        sampled_at: latest.map(|s| s.at_ms),
        samples: h.len(),
        poll_took_ms: latest.map(|s| s.took_ms),
        brokers: latest.map_or(0, |s| s.brokers.len()),
        brokers_answering: latest.map_or(0, |s| {
            s.brokers.iter().filter(|b| b.put_tps.is_some()).count()
        }),
        topics: latest.map_or(0, |s| s.topics.keys().filter(|t| normal(t)).count()),
        groups: latest.map_or(0, |s| s.groups.keys().filter(|g| user_group(g)).count()),
        put_tps: put_series.last().map_or(0.0, |p| p.1),
        get_tps: get_series.last().map_or(0.0, |p| p.1),
        broker_series: h.broker_series(),
        top_topics: h.top_topics(TOP, normal),
        top_lag: h.top_lag(TOP, user_group),
        errors: latest.map(|s| s.errors.clone()).unwrap_or_default(),
        put_series,
        get_series,
    })
}

pub async fn api(ctx: Ctx) -> Response {
    server::api(dashboard(&ctx))
}

pub async fn page(ctx: Ctx) -> Response {
    let r = dashboard(&ctx).map(|d| {
        let mut main = html::facts(&[
            (
                "Brokers answering",
                format!("{} of {}", d.brokers_answering, d.brokers),
            ),
            ("Topics", html::num(d.topics as i64)),
            ("Consumer groups", html::num(d.groups as i64)),
            ("Put TPS", html::tps(Some(d.put_tps))),
            ("Get TPS", html::tps(Some(d.get_tps))),
            ("Sampled", html::time(d.sampled_at)),
            (
                "Poll took",
                d.poll_took_ms.map_or("-".into(), |ms| format!("{ms} ms")),
            ),
        ]);
        if d.samples == 0 {
            main.push_str("<p class=\"muted\">The first poll is under way.</p>");
        }
        for e in &d.errors {
            main.push_str(&format!("<p class=\"error\">{}</p>", text(e)));
        }
        main.push_str("<div class=\"charts\">");
        main.push_str(&line_chart(
            "Cluster TPS",
            "msg/s",
            &[
                Series {
                    label: "put",
                    points: &d.put_series,
                },
                Series {
                    label: "get",
                    points: &d.get_series,
                },
            ],
        ));
        let brokers: Vec<Series<'_>> = d
            .broker_series
            .iter()
            .map(|(label, points)| Series { label, points })
            .collect();
        main.push_str(&line_chart("Put TPS by broker", "msg/s", &brokers));
        main.push_str("</div><div class=\"two\"><section><h2>Top topics</h2>");
        let mut t = Table::new(&["Topic", "Put TPS", "Messages"]);
        for row in &d.top_topics {
            t.row(&[
                link(&format!("/topics/{}", url(&row.topic)), &row.topic),
                html::tps(row.put_tps),
                html::num(row.messages),
            ]);
        }
        main.push_str(&t.finish("No topic yet."));
        main.push_str("</section><section><h2>Largest lag</h2>");
        let mut t = Table::new(&["Group", "Lag", "Consume TPS", "Clients"]);
        for g in &d.top_lag {
            t.row(&[
                link(&format!("/groups/{}", url(&g.group)), &g.group),
                html::num(g.lag),
                html::tps(Some(g.consume_tps)),
                html::num(g.clients as i64),
            ]);
        }
        main.push_str(&t.finish("No group is behind."));
        main.push_str("</section></div>");
        html::page(&ctx, "Dashboard", Nav::Dashboard, true, &main)
    });
    server::page(&ctx, r)
}
