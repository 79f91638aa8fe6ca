//! The Topics pages and `/api/topics...`: the list (filtered by kind,
//! searched by name, with messages held and put TPS from the poll), one
//! topic's queues, route and consuming groups with their lag, and in write
//! mode creating, updating and deleting topics and sending a test message.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::Path;
use axum::response::Response;
use futures_util::StreamExt;
use serde::Serialize;

use super::cluster;
use super::error::{ConsoleError, ConsoleResult};
use super::html::{self, Nav, Table, esc, link, text, url};
use super::input::{Fields, Query};
use super::server;
use super::session::Ctx;
use crate::client::admin::fanout::PARALLEL;
use crate::client::admin::topic::{TopicChange, TopicDescription, TopicSettings};
use crate::client::{ClientConfig, Message, Producer, ProducerConfig};
use crate::protocol::perm;
use crate::protocol::route::TopicRouteData;
use crate::protocol::topic as names;

/// What kind of topic a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicKind {
    Normal,
    Retry,
    Dlq,
    System,
}

const SYSTEM_TOPICS: [&str; 6] = [
    names::AUTO_CREATE_TOPIC_KEY_TOPIC,
    names::SELF_TEST_TOPIC,
    names::BENCHMARK_TOPIC,
    names::OFFSET_MOVED_EVENT,
    names::SCHEDULE_TOPIC,
    names::TRANS_CHECK_MAX_TIME_TOPIC,
];

/// The kind of `topic`; `names` are the cluster and broker names, which
/// RocketMQ also uses as topics.
pub fn kind(topic: &str, cluster_names: &[&str]) -> TopicKind {
    if topic.starts_with(names::RETRY_GROUP_TOPIC_PREFIX) {
        TopicKind::Retry
    } else if topic.starts_with(names::DLQ_GROUP_TOPIC_PREFIX) {
        TopicKind::Dlq
    } else if SYSTEM_TOPICS.contains(&topic)
        || topic.starts_with("RMQ_SYS_")
        || topic.starts_with("rmq_sys_")
        || topic.ends_with("_REPLY_TOPIC")
        || cluster_names.contains(&topic)
    {
        TopicKind::System
    } else {
        TopicKind::Normal
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicListRow {
    pub topic: String,
    pub kind: TopicKind,
    /// Messages held, from the last poll (null before the first).
    pub messages: Option<i64>,
    /// Put TPS between the last two polls.
    pub put_tps: Option<f64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicListView {
    pub filter: String,
    pub query: String,
    /// Topics the name server knows, before filtering.
    pub known: usize,
    pub topics: Vec<TopicListRow>,
}

/// Every topic name the name server knows, cached.
pub async fn topic_names(ctx: &Ctx) -> ConsoleResult<Arc<Vec<String>>> {
    let admin = ctx.admin()?;
    ctx.state
        .cache
        .get(ctx.key("topics"), || async move {
            Ok(admin.topic_list().await?.topic_list.into_iter().collect())
        })
        .await
}

const FILTERS: [(&str, &str); 5] = [
    ("normal", "Normal"),
    ("retry", "Retry"),
    ("dlq", "Dead-letter"),
    ("system", "System"),
    ("all", "All"),
];

async fn list(ctx: &Ctx, f: &Fields) -> ConsoleResult<TopicListView> {
    let filter = f.get("filter").unwrap_or("normal").to_string();
    if !FILTERS.iter().any(|(k, _)| *k == filter) {
        return Err(ConsoleError::BadRequest(
            "'filter' must be normal, retry, dlq, system or all".into(),
        ));
    }
    let query = f.get("q").unwrap_or("").to_string();
    let (topics, brokers) = tokio::join!(topic_names(ctx), cluster::brokers(ctx));
    let topics = topics?;
    let brokers = brokers.unwrap_or_default();
    let cluster_names: Vec<&str> = brokers
        .iter()
        .flat_map(|b| [b.cluster.as_str(), b.broker_name.as_str()])
        .collect();
    let history = ctx.state.history(&ctx.namesrv);
    let history = history.lock().unwrap_or_else(|p| p.into_inner());
    let latest = history.latest();
    let lower = query.to_lowercase();
    let rows = topics
        .iter()
        .filter(|t| lower.is_empty() || t.to_lowercase().contains(&lower))
        .map(|t| (t, kind(t, &cluster_names)))
        .filter(|(_, k)| {
            filter == "all"
                || matches!(
                    (filter.as_str(), k),
                    ("normal", TopicKind::Normal)
                        | ("retry", TopicKind::Retry)
                        | ("dlq", TopicKind::Dlq)
                        | ("system", TopicKind::System)
                )
        })
        .map(|(t, k)| TopicListRow {
            topic: t.clone(),
            kind: k,
            messages: latest.and_then(|s| s.topics.get(t)).map(|p| p.messages),
            put_tps: history.topic_tps(t),
        })
        .collect();
    Ok(TopicListView {
        filter,
        query,
        known: topics.len(),
        topics: rows,
    })
}

/// A group consuming the topic, and how far behind it is there.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsumingGroup {
    pub group: String,
    pub lag: Option<i64>,
    pub consume_tps: Option<f64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicView {
    #[serde(flatten)]
    pub description: TopicDescription,
    pub groups: Vec<ConsumingGroup>,
    /// Put TPS per poll, for the chart: [ms, tps] pairs.
    pub put_tps_series: Vec<(i64, f64)>,
}

async fn detail(ctx: &Ctx, topic: &str) -> ConsoleResult<TopicView> {
    super::input::check_name("topic", topic)?;
    let admin = ctx.admin()?;
    let description = admin.describe_topic(topic).await?;
    let admin = &admin;
    let mut groups: Vec<ConsumingGroup> =
        futures_util::stream::iter(description.consumer_groups.clone())
            .map(|g| async move {
                let r = admin.group_progress(&g, Some(topic), None).await;
                let (lag, tps) = match r {
                    Ok((stats, _)) => (
                        crate::protocol::admin::total_known_lag(
                            stats.offset_table.values().map(|o| o.lag()),
                        ),
                        Some(stats.consume_tps),
                    ),
                    Err(_) => (None, None),
                };
                ConsumingGroup {
                    group: g,
                    lag,
                    consume_tps: tps,
                }
            })
            .buffer_unordered(PARALLEL)
            .collect()
            .await;
    groups.sort_by(|a, b| a.group.cmp(&b.group));
    let put_tps_series = ctx
        .state
        .history(&ctx.namesrv)
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .topic_series(topic);
    Ok(TopicView {
        description,
        groups,
        put_tps_series,
    })
}

async fn route(ctx: &Ctx, topic: &str) -> ConsoleResult<TopicRouteData> {
    super::input::check_name("topic", topic)?;
    Ok(ctx.admin()?.topic_route(topic).await?)
}

fn perm_bits(v: Option<&str>) -> ConsoleResult<Option<i32>> {
    match v {
        None => Ok(None),
        Some("rw") => Ok(Some(perm::PERM_READ_WRITE)),
        Some("r") => Ok(Some(perm::PERM_READ)),
        Some("w") => Ok(Some(perm::PERM_WRITE)),
        Some(_) => Err(ConsoleError::BadRequest("'perm' must be rw, r or w".into())),
    }
}

async fn upsert(ctx: &Ctx, f: &Fields) -> ConsoleResult<Vec<TopicChange>> {
    ctx.check_change(f.get("csrf"))?;
    let topic = f.name("topic")?;
    let settings = TopicSettings {
        read_queue_nums: f.opt_i32("readQueues", 1..=1024)?,
        write_queue_nums: f.opt_i32("writeQueues", 1..=1024)?,
        perm: perm_bits(f.get("perm"))?,
        order: f.flag("order"),
    };
    let changes = ctx
        .admin()?
        .create_or_update_topic(topic, f.get("cluster"), None, false, &settings)
        .await?;
    ctx.state.cache.clear();
    Ok(changes)
}

/// Refuses a destructive change unless `confirm` repeats the name of what goes.
pub fn check_confirm(f: &Fields, name: &str) -> ConsoleResult<()> {
    if f.get("confirm") == Some(name) {
        Ok(())
    } else {
        Err(ConsoleError::BadRequest(format!(
            "to confirm, 'confirm' must repeat the name '{name}'"
        )))
    }
}

async fn delete(ctx: &Ctx, topic: &str, f: &Fields) -> ConsoleResult<Vec<TopicChange>> {
    ctx.check_change(f.get("csrf"))?;
    check_confirm(f, topic)?;
    let admin = ctx.admin()?;
    let plan = admin.plan_delete_topic(topic, f.get("cluster")).await?;
    let done = admin.delete_topic(&plan).await?;
    ctx.state.cache.clear();
    Ok(done)
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sent {
    pub topic: String,
    pub status: &'static str,
    pub msg_id: String,
    pub offset_msg_id: String,
    pub broker_name: String,
    pub queue_id: i32,
    pub queue_offset: i64,
}

async fn send(ctx: &Ctx, topic: &str, f: &Fields) -> ConsoleResult<Sent> {
    ctx.check_change(f.get("csrf"))?;
    super::input::check_name("topic", topic)?;
    let body =
        f.0.get("body")
            .filter(|b| !b.is_empty())
            .ok_or_else(|| ConsoleError::BadRequest("'body' is required".into()))?;
    let mut msg = Message::new(topic, body.clone().into_bytes());
    if let Some(t) = f.get("tags") {
        msg = msg.with_tags(t);
    }
    if let Some(k) = f.get("keys") {
        msg = msg.with_keys(k.split_whitespace());
    }
    let client = ClientConfig {
        timeout: ctx.state.options.timeout,
        ..ClientConfig::new(ctx.namesrv.clone())
    };
    let producer = Producer::new(
        &client,
        ProducerConfig {
            group: "mq_console_producer".into(),
            send_timeout: ctx.state.options.timeout,
            ..Default::default()
        },
    )?;
    let r = producer.send(&msg).await;
    producer.shutdown().await;
    let r = r?;
    ctx.state.cache.clear();
    Ok(Sent {
        topic: topic.to_string(),
        status: r.status.as_str(),
        msg_id: r.msg_id,
        offset_msg_id: r.offset_msg_id,
        broker_name: r.queue.broker_name,
        queue_id: r.queue.queue_id,
        queue_offset: r.queue_offset,
    })
}

pub async fn list_api(ctx: Ctx, Query(f): Query) -> Response {
    server::api(list(&ctx, &f).await)
}

pub async fn detail_api(ctx: Ctx, Path(topic): Path<String>) -> Response {
    server::api(detail(&ctx, &topic).await)
}

pub async fn route_api(ctx: Ctx, Path(topic): Path<String>) -> Response {
    server::api(route(&ctx, &topic).await)
}

pub async fn upsert_api(ctx: Ctx, f: Fields) -> Response {
    server::api(upsert(&ctx, &f).await)
}

pub async fn delete_api(ctx: Ctx, Path(topic): Path<String>, f: Fields) -> Response {
    server::api(delete(&ctx, &topic, &f).await)
}

pub async fn send_api(ctx: Ctx, Path(topic): Path<String>, f: Fields) -> Response {
    server::api(send(&ctx, &topic, &f).await)
}

fn changes_table(changes: &[TopicChange]) -> String {
    let mut t = Table::new(&[
        "Topic", "Action", "Broker", "Address", "Read", "Write", "Perm",
    ]);
    for c in changes {
        t.row(&[
            text(&c.topic),
            text(c.action),
            text(&c.broker_name),
            text(&c.address),
            html::opt(c.read_queue_nums.map(i64::from)),
            html::opt(c.write_queue_nums.map(i64::from)),
            text(c.perm.as_deref().unwrap_or("-")),
        ]);
    }
    t.finish("Nothing changed.")
}

pub async fn upsert_page(ctx: Ctx, f: Fields) -> Response {
    let r = upsert(&ctx, &f).await.map(|changes| {
        let topic = f.get("topic").unwrap_or_default();
        let main = format!(
            "{}<p>{}</p>",
            changes_table(&changes),
            link(&format!("/topics/{}", url(topic)), "Open the topic")
        );
        html::page(&ctx, "Topic saved", Nav::Topics, false, &main)
    });
    server::page(&ctx, r)
}

pub async fn delete_page(ctx: Ctx, Path(topic): Path<String>, f: Fields) -> Response {
    let r = delete(&ctx, &topic, &f).await.map(|changes| {
        let main = format!(
            "{}<p>{}</p>",
            changes_table(&changes),
            link("/topics", "Back to the topics")
        );
        html::page(&ctx, "Topic deleted", Nav::Topics, false, &main)
    });
    server::page(&ctx, r)
}

pub async fn send_page(ctx: Ctx, Path(topic): Path<String>, f: Fields) -> Response {
    let r = send(&ctx, &topic, &f).await.map(|s| {
        let main = format!(
            "{}<p>{} · {}</p>",
            html::facts(&[
                ("Status", text(s.status)),
                (
                    "Message id",
                    link(
                        &format!(
                            "/messages/{}?topic={}",
                            url(&s.offset_msg_id),
                            url(&s.topic)
                        ),
                        &s.msg_id
                    )
                ),
                ("Offset id", text(&s.offset_msg_id)),
                (
                    "Queue",
                    format!(
                        "{} #{} @ {}",
                        esc(&s.broker_name),
                        s.queue_id,
                        s.queue_offset
                    )
                ),
            ]),
            link(&format!("/topics/{}", url(&topic)), "Back to the topic"),
            link(
                &format!("/messages/{}?topic={}", url(&s.offset_msg_id), url(&topic)),
                "View the message"
            )
        );
        html::page(&ctx, "Message sent", Nav::Topics, false, &main)
    });
    server::page(&ctx, r)
}

fn create_form(ctx: &Ctx, topic: &str, button: &str) -> String {
    let fields = format!(
        "{}{}{}{}<label><input type=\"checkbox\" name=\"order\" value=\"true\"> ordered</label>",
        if topic.is_empty() {
            html::input("Topic", "topic", "", "name")
        } else {
            format!(
                "<input type=\"hidden\" name=\"topic\" value=\"{}\">",
                esc(topic)
            )
        },
        html::input("Read queues", "readQueues", "", "8"),
        html::input("Write queues", "writeQueues", "", "8"),
        html::select(
            "Perm",
            "perm",
            &[("", "keep / rw"), ("rw", "rw"), ("r", "r"), ("w", "w")],
            ""
        ),
    );
    html::post_form(ctx, "/topics", &fields, button, None)
}

pub async fn list_page(ctx: Ctx, Query(f): Query) -> Response {
    let r = list(&ctx, &f).await.map(|v| {
        let mut main = html::get_form(
            "/topics",
            &format!(
                "{}{}",
                html::select("Kind", "filter", &FILTERS, &v.filter),
                html::input("Search", "q", &v.query, "part of a name")
            ),
            "Filter",
        );
        let _ = write!(
            main,
            "<p class=\"muted\">{} of {} topics</p>",
            v.topics.len(),
            v.known
        );
        let mut t = Table::new(&["Topic", "Kind", "Messages", "Put TPS"]);
        for row in &v.topics {
            t.row(&[
                link(&format!("/topics/{}", url(&row.topic)), &row.topic),
                text(match row.kind {
                    TopicKind::Normal => "normal",
                    TopicKind::Retry => "retry",
                    TopicKind::Dlq => "dead-letter",
                    TopicKind::System => "system",
                }),
                html::opt(row.messages),
                html::tps(row.put_tps),
            ]);
        }
        main.push_str(&t.finish("No topic matches."));
        main.push_str("<h2>Create a topic</h2>");
        if ctx.write {
            main.push_str(&create_form(&ctx, "", "Create"));
        } else {
            main.push_str(&html::read_only_note());
        }
        html::page(&ctx, "Topics", Nav::Topics, true, &main)
    });
    server::page(&ctx, r)
}

pub async fn detail_page(ctx: Ctx, Path(topic): Path<String>) -> Response {
    let r = detail(&ctx, &topic).await.map(|v| {
        let d = &v.description;
        let mut main = html::facts(&[
            ("Messages held", html::num(d.total_messages)),
            ("Queues", html::num(d.queues.len() as i64)),
            ("Order config", text(d.route.order_topic_conf.as_deref().unwrap_or("-"))),
        ]);
        main.push_str("<div class=\"charts\">");
        main.push_str(&super::chart::line_chart(
            "Put TPS",
            "msg/s",
            &[super::chart::Series {
                label: &topic,
                points: &v.put_tps_series,
            }],
        ));
        main.push_str("</div>");
        main.push_str("<h2>Queues</h2>");
        let mut t = Table::new(&["Broker", "Queue", "Min offset", "Max offset", "Messages", "Last stored"]);
        for q in &d.queues {
            t.row(&[
                text(&q.broker_name),
                html::num(q.queue_id.into()),
                html::num(q.min_offset),
                html::num(q.max_offset),
                html::num(q.messages),
                html::time(q.last_update_timestamp),
            ]);
        }
        main.push_str(&t.finish("No queues."));
        main.push_str("<h2>Route</h2>");
        let mut t = Table::new(&["Broker", "Read queues", "Write queues", "Perm", "Addresses"]);
        for q in &d.route.queue_datas {
            let addrs = d
                .route
                .broker_datas
                .iter()
                .find(|b| b.broker_name == q.broker_name)
                .map(|b| {
                    b.broker_addrs
                        .iter()
                        .map(|(id, a)| format!("{id}: {a}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            t.row(&[
                text(&q.broker_name),
                html::num(q.read_queue_nums.into()),
                html::num(q.write_queue_nums.into()),
                text(&perm::perm_to_string(q.perm)),
                text(&addrs),
            ]);
        }
        main.push_str(&t.finish("No route."));
        main.push_str("<h2>Consuming groups</h2>");
        let mut t = Table::new(&["Group", "Lag", "Consume TPS"]);
        for g in &v.groups {
            t.row(&[
                link(&format!("/groups/{}", url(&g.group)), &g.group),
                html::opt(g.lag),
                html::tps(g.consume_tps),
            ]);
        }
        main.push_str(&t.finish("No group consumes this topic."));
        let _ = write!(
            main,
            "<p>{}</p>",
            link(&format!("/messages?topic={}", url(&topic)), "Browse its messages")
        );
        if ctx.write {
            main.push_str("<h2>Send a test message</h2>");
            main.push_str(&html::post_form(
                &ctx,
                &format!("/topics/{}/send", url(&topic)),
                &format!(
                    "{}{}<label>Body <textarea name=\"body\" rows=\"3\" required></textarea></label>",
                    html::input("Tags", "tags", "", "TagA"),
                    html::input("Keys", "keys", "", "space-separated")
                ),
                "Send",
                None,
            ));
            main.push_str("<h2>Update</h2>");
            main.push_str(&create_form(&ctx, &topic, "Update"));
            main.push_str("<h2>Delete</h2>");
            main.push_str(&html::post_form(
                &ctx,
                &format!("/topics/{}/delete", url(&topic)),
                "",
                "Delete the topic",
                Some(&topic),
            ));
        } else {
            main.push_str(&html::read_only_note());
        }
        html::page(&ctx, &format!("Topic {topic}"), Nav::Topics, false, &main)
    });
    server::page(&ctx, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let names = ["DefaultCluster", "broker-a"];
        assert_eq!(kind("TopicTest", &names), TopicKind::Normal);
        assert_eq!(kind("%RETRY%g", &names), TopicKind::Retry);
        assert_eq!(kind("%DLQ%g", &names), TopicKind::Dlq);
        for t in [
            "TBW102",
            "RMQ_SYS_TRACE_TOPIC",
            "broker-a",
            "DefaultCluster_REPLY_TOPIC",
            "SCHEDULE_TOPIC_XXXX",
        ] {
            assert_eq!(kind(t, &names), TopicKind::System, "{t}");
        }
    }
}
