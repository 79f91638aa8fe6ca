//! The Consumer groups pages and `/api/groups...`: the list (with online
//! clients, consume TPS and lag from the poll), one group's progress per
//! queue, clients and subscriptions, its dead letters, and in write mode
//! resetting its offsets (a preview first), deleting it and re-sending
//! dead letters.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::Path;
use axum::response::Response;
use serde::Serialize;

use super::error::{ConsoleError, ConsoleResult};
use super::html::{self, Nav, Table, esc, link, text, url};
use super::input::{Fields, Query, check_name};
use super::server;
use super::session::Ctx;
use super::topics::check_confirm;
use crate::client::admin::dlq::{DeadLetterResend, DeadLetterSelection, DeadLetters};
use crate::client::admin::group::{
    GroupChange, GroupDescription, GroupRow, ResetPlan, ResetTarget,
};
use crate::client::{ClientConfig, Producer, ProducerConfig};
use crate::protocol::subscription_group::PRE_CREATED_GROUPS;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupListRow {
    #[serde(flatten)]
    pub config: GroupRow,
    /// From the last poll; null before the first.
    pub clients: Option<usize>,
    pub consume_tps: Option<f64>,
    pub lag: Option<i64>,
    /// Store time of the newest message the group consumed (ms), if any.
    pub last_consumed: Option<i64>,
}

/// A group's progress and clients, and its subscription group config.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupView {
    #[serde(flatten)]
    pub description: GroupDescription,
    /// As the masters have it; null when none has the group.
    pub config: Option<GroupRow>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupListView {
    pub query: String,
    pub all: bool,
    pub groups: Vec<GroupListRow>,
}

async fn all_groups(ctx: &Ctx) -> ConsoleResult<Arc<Vec<GroupRow>>> {
    let admin = ctx.admin()?;
    ctx.state
        .cache
        .get(ctx.key("groups"), || async move {
            Ok(admin.list_groups(None, true).await?)
        })
        .await
}

async fn list(ctx: &Ctx, f: &Fields) -> ConsoleResult<GroupListView> {
    let query = f.get("q").unwrap_or("").to_string();
    let all = f.flag("all");
    let groups = all_groups(ctx).await?;
    let history = ctx.state.history(&ctx.namesrv);
    let history = history.lock().unwrap_or_else(|p| p.into_inner());
    let latest = history.latest();
    let lower = query.to_lowercase();
    let rows = groups
        .iter()
        .filter(|g| all || !PRE_CREATED_GROUPS.contains(&g.group.as_str()))
        .filter(|g| lower.is_empty() || g.group.to_lowercase().contains(&lower))
        .map(|g| {
            let p = latest.and_then(|s| s.groups.get(&g.group));
            GroupListRow {
                config: g.clone(),
                clients: p.map(|p| p.clients),
                consume_tps: p.map(|p| p.consume_tps),
                lag: p.and_then(|p| p.lag),
                last_consumed: p.and_then(|p| p.last_consumed),
            }
        })
        .collect();
    Ok(GroupListView {
        query,
        all,
        groups: rows,
    })
}

async fn detail(ctx: &Ctx, group: &str) -> ConsoleResult<GroupView> {
    check_name("group", group)?;
    let admin = ctx.admin()?;
    let (description, groups) =
        tokio::join!(admin.describe_group(group, None, None), all_groups(ctx));
    let config = groups
        .ok()
        .and_then(|all| all.iter().find(|g| g.group == group).cloned());
    Ok(GroupView {
        description: description?,
        config,
    })
}

fn reset_target(f: &Fields) -> ConsoleResult<ResetTarget> {
    match f.required("to")? {
        "earliest" => Ok(ResetTarget::Earliest),
        "latest" => Ok(ResetTarget::Latest),
        t => super::input::parse_time(t).map(ResetTarget::Time).ok_or_else(|| {
            ConsoleError::BadRequest(
                "'to' must be earliest, latest or a time (ms since the epoch or YYYY-MM-DDTHH:MM UTC)"
                    .into(),
            )
        }),
    }
}

async fn preview(ctx: &Ctx, group: &str, f: &Fields) -> ConsoleResult<ResetPlan> {
    check_name("group", group)?;
    let topic = f.name("topic")?;
    let to = reset_target(f)?;
    Ok(ctx.admin()?.plan_reset_offset(group, topic, to).await?)
}

async fn reset(ctx: &Ctx, group: &str, f: &Fields) -> ConsoleResult<ResetPlan> {
    ctx.check_change(f.get("csrf"))?;
    check_confirm(f, group)?;
    let mut plan = preview(ctx, group, f).await?;
    ctx.admin()?.execute_reset_offset(&mut plan).await?;
    ctx.state.cache.clear();
    Ok(plan)
}

async fn delete(ctx: &Ctx, group: &str, f: &Fields) -> ConsoleResult<Vec<GroupChange>> {
    ctx.check_change(f.get("csrf"))?;
    check_confirm(f, group)?;
    let admin = ctx.admin()?;
    let plan = admin
        .plan_delete_group(group, f.get("cluster"), None)
        .await?;
    let done = admin.delete_group(&plan, f.flag("removeOffsets")).await?;
    ctx.state.cache.clear();
    Ok(done)
}

/// Dead letters listed at most.
const DLQ_LIMIT: usize = 1000;

async fn dlq(ctx: &Ctx, group: &str, f: &Fields) -> ConsoleResult<DeadLetters> {
    check_name("group", group)?;
    let limit = f.opt_i32("limit", 1..=DLQ_LIMIT as i32)?.unwrap_or(100) as usize;
    let since = match f.get("since") {
        Some(_) => Some(f.time("since", 0)?),
        None => None,
    };
    Ok(ctx.admin()?.list_dead_letters(group, since, limit).await?)
}

async fn dlq_resend(ctx: &Ctx, group: &str, f: &Fields) -> ConsoleResult<Vec<DeadLetterResend>> {
    ctx.check_change(f.get("csrf"))?;
    check_name("group", group)?;
    let ids: Vec<String> = f
        .required("ids")?
        .split([',', ' ', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    // Each id found first, asking brokers of the cluster only.
    let dlq = crate::protocol::topic::dlq_topic(group);
    for id in &ids {
        check_name("ids", id)?;
        match super::messages::find(ctx, id, Some(&dlq)).await {
            Err(ConsoleError::NotFound(_)) => {
                return Err(ConsoleError::NotFound(format!(
                    "no dead letter '{id}' of group '{group}'"
                )));
            }
            r => {
                r?;
            }
        }
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
    let r = ctx
        .admin()?
        .resend_dead_letters(
            group,
            &DeadLetterSelection::Ids(ids),
            f.get("topic"),
            &producer,
        )
        .await;
    producer.shutdown().await;
    ctx.state.cache.clear();
    Ok(r?)
}

pub async fn list_api(ctx: Ctx, Query(f): Query) -> Response {
    server::api(list(&ctx, &f).await)
}

pub async fn detail_api(ctx: Ctx, Path(group): Path<String>) -> Response {
    server::api(detail(&ctx, &group).await)
}

pub async fn reset_preview_api(ctx: Ctx, Path(group): Path<String>, Query(f): Query) -> Response {
    server::api(preview(&ctx, &group, &f).await)
}

pub async fn reset_api(ctx: Ctx, Path(group): Path<String>, f: Fields) -> Response {
    server::api(reset(&ctx, &group, &f).await)
}

pub async fn delete_api(ctx: Ctx, Path(group): Path<String>, f: Fields) -> Response {
    server::api(delete(&ctx, &group, &f).await)
}

pub async fn dlq_api(ctx: Ctx, Path(group): Path<String>, Query(f): Query) -> Response {
    server::api(dlq(&ctx, &group, &f).await)
}

pub async fn dlq_resend_api(ctx: Ctx, Path(group): Path<String>, f: Fields) -> Response {
    server::api(dlq_resend(&ctx, &group, &f).await)
}

pub async fn list_page(ctx: Ctx, Query(f): Query) -> Response {
    let r = list(&ctx, &f).await.map(|v| {
        let mut main = html::get_form(
            "/groups",
            &format!(
                "{}<label><input type=\"checkbox\" name=\"all\" value=\"true\"{}> system groups too</label>",
                html::input("Search", "q", &v.query, "part of a name"),
                if v.all { " checked" } else { "" }
            ),
            "Filter",
        );
        let mut t = Table::new(&[
            "Group",
            "Clients",
            "Consume TPS",
            "Lag",
            "Last consumed",
            "Brokers",
            "Broadcast",
            "Enabled",
        ]);
        for g in &v.groups {
            t.row(&[
                link(&format!("/groups/{}", url(&g.config.group)), &g.config.group),
                html::opt(g.clients.map(|c| c as i64)),
                html::tps(g.consume_tps),
                html::opt(g.lag),
                html::time(g.last_consumed),
                text(&g.config.brokers.join(", ")),
                text(if g.config.consume_broadcast_enable { "yes" } else { "no" }),
                text(if g.config.consume_enable { "yes" } else { "no" }),
            ]);
        }
        main.push_str(&t.finish("No group matches."));
        html::page(&ctx, "Consumer groups", Nav::Groups, true, &main)
    });
    server::page(&ctx, r)
}

/// The preview form: a GET, so choosing a target changes nothing.
fn reset_form(group: &str, topics: &[String]) -> String {
    let topic_options: Vec<(&str, &str)> =
        topics.iter().map(|t| (t.as_str(), t.as_str())).collect();
    let fields = format!(
        "{}{}",
        html::select(
            "Topic",
            "topic",
            &topic_options,
            topics.first().map_or("", |t| t)
        ),
        html::input(
            "To",
            "to",
            "earliest",
            "earliest, latest or 2026-12-07T10:00"
        )
    );
    html::get_form(
        &format!("/groups/{}/reset", url(group)),
        &fields,
        "Preview reset",
    )
}

pub async fn detail_page(ctx: Ctx, Path(group): Path<String>) -> Response {
    let r = detail(&ctx, &group).await.map(|v| {
        let d = &v.description;
        let yes_no = |b: bool| text(if b { "yes" } else { "no" });
        let mut main = html::facts(&[
            ("Online", yes_no(d.online)),
            ("Total lag", html::opt(d.total_lag)),
            ("Consume TPS", html::tps(Some(d.consume_tps))),
            ("Retry depth", html::opt(d.retry_depth)),
            ("Dead letters", html::opt(d.dlq_depth)),
            ("Message model", text(d.message_model.as_deref().unwrap_or("-"))),
            ("Consume type", text(d.consume_type.as_deref().unwrap_or("-"))),
            ("Consume from", text(d.consume_from_where.as_deref().unwrap_or("-"))),
        ]);
        if let Some(c) = &v.config {
            main.push_str("<h2>Config</h2>");
            main.push_str(&html::facts(&[
                ("Brokers", text(&c.brokers.join(", "))),
                ("Consume enabled", yes_no(c.consume_enable)),
                ("Broadcast", yes_no(c.consume_broadcast_enable)),
                ("Retry max times", html::num(c.retry_max_times.into())),
                ("Retry queues", html::num(c.retry_queue_nums.into())),
            ]));
        }
        if !d.unreachable.is_empty() {
            let _ = write!(main, "<p class=\"error\">No answer from: {}</p>", esc(&d.unreachable.join("; ")));
        }
        main.push_str("<h2>Progress</h2>");
        let mut t = Table::new(&["Topic", "Broker", "Queue", "Broker offset", "Consumer offset", "Lag", "Last consumed"]);
        for q in &d.queues {
            t.row(&[
                link(&format!("/topics/{}", url(&q.topic)), &q.topic),
                text(&q.broker_name),
                html::num(q.queue_id.into()),
                html::num(q.broker_offset),
                html::opt(q.consumer_offset),
                html::opt(q.lag),
                html::time(q.last_timestamp),
            ]);
        }
        main.push_str(&t.finish("No progress recorded."));
        main.push_str("<h2>Clients</h2>");
        let mut t = Table::new(&["Client id", "Address", "Language", "Version"]);
        for c in &d.clients {
            t.row(&[text(&c.client_id), text(&c.client_addr), text(&c.language), text(&c.version)]);
        }
        main.push_str(&t.finish("No client online."));
        main.push_str("<h2>Subscriptions</h2>");
        let mut t = Table::new(&["Topic", "Expression", "Type"]);
        for s in &d.subscriptions {
            t.row(&[text(&s.topic), text(&s.expression), text(&s.expression_type)]);
        }
        main.push_str(&t.finish("No subscription known (no client online)."));
        let _ = write!(main, "<p>{}</p>", link(&format!("/groups/{}/dlq", url(&group)), "Dead letters"));
        let mut topics: Vec<String> = d.queues.iter().map(|q| q.topic.clone()).collect();
        topics.extend(d.subscriptions.iter().map(|s| s.topic.clone()));
        // The group's own topics before its retry topic.
        topics.sort_by_key(|t| (t.starts_with("%RETRY%"), t.clone()));
        topics.dedup();
        main.push_str("<h2>Reset offsets</h2>");
        if topics.is_empty() {
            main.push_str("<p class=\"muted\">The group consumes no topic yet.</p>");
        } else {
            main.push_str(&reset_form(&group, &topics));
        }
        if ctx.write {
            main.push_str("<h2>Delete</h2>");
            main.push_str(&html::post_form(
                &ctx,
                &format!("/groups/{}/delete", url(&group)),
                "<label><input type=\"checkbox\" name=\"removeOffsets\" value=\"true\"> and its offsets</label>",
                "Delete the group",
                Some(&group),
            ));
        } else {
            main.push_str(&html::read_only_note());
        }
        html::page(&ctx, &format!("Group {group}"), Nav::Groups, true, &main)
    });
    server::page(&ctx, r)
}

fn plan_table(plan: &ResetPlan) -> String {
    let mut t = Table::new(&[
        "Topic", "Broker", "Queue", "Min", "Max", "Current", "Target",
    ]);
    for q in &plan.queues {
        t.row(&[
            text(&q.topic),
            text(&q.broker_name),
            html::num(q.queue_id.into()),
            html::num(q.min_offset),
            html::num(q.max_offset),
            html::opt(q.current_offset),
            html::num(q.target_offset),
        ]);
    }
    t.finish("The topic has no queue.")
}

pub async fn reset_preview_page(ctx: Ctx, Path(group): Path<String>, Query(f): Query) -> Response {
    let r = preview(&ctx, &group, &f).await.map(|plan| {
        let mut main = format!(
            "<p>Preview: nothing has changed yet. Consumers online: {}.</p>{}",
            if plan.online { "yes (their brokers tell them)" } else { "no" },
            plan_table(&plan)
        );
        if ctx.write {
            let fields = format!(
                "<input type=\"hidden\" name=\"topic\" value=\"{}\"><input type=\"hidden\" name=\"to\" value=\"{}\">",
                esc(&plan.topic),
                esc(f.get("to").unwrap_or_default())
            );
            main.push_str(&html::post_form(&ctx, &format!("/groups/{}/reset", url(&group)), &fields, "Reset to these offsets", Some(&group)));
        } else {
            main.push_str(&html::read_only_note());
        }
        html::page(&ctx, &format!("Reset {group} on {}", plan.topic), Nav::Groups, false, &main)
    });
    server::page(&ctx, r)
}

pub async fn reset_page(ctx: Ctx, Path(group): Path<String>, f: Fields) -> Response {
    let r = reset(&ctx, &group, &f).await.map(|plan| {
        let main = format!(
            "<p>Done: the offsets are reset.</p>{}<p>{}</p>",
            plan_table(&plan),
            link(&format!("/groups/{}", url(&group)), "Back to the group")
        );
        html::page(&ctx, &format!("Reset {group}"), Nav::Groups, false, &main)
    });
    server::page(&ctx, r)
}

pub async fn delete_page(ctx: Ctx, Path(group): Path<String>, f: Fields) -> Response {
    let r = delete(&ctx, &group, &f).await.map(|done| {
        let mut t = Table::new(&["Group", "Action", "Broker", "Address"]);
        for c in &done {
            t.row(&[
                text(&c.group),
                text(c.action),
                text(&c.broker_name),
                text(&c.address),
            ]);
        }
        let main = format!(
            "{}<p>{}</p>",
            t.finish("Nothing changed."),
            link("/groups", "Back to the groups")
        );
        html::page(&ctx, "Group deleted", Nav::Groups, false, &main)
    });
    server::page(&ctx, r)
}

pub async fn dlq_page(ctx: Ctx, Path(group): Path<String>, Query(f): Query) -> Response {
    let r = dlq(&ctx, &group, &f).await.map(|d| {
        let mut main = format!("<p>{} dead letters in {}.</p>", d.depth, esc(&d.topic));
        let mut t = Table::new(&[
            "Message id",
            "Original topic",
            "Keys",
            "Stored",
            "Reconsumed",
            "Body",
        ]);
        for m in &d.messages {
            let v = &m.message;
            let mut body = v.body.chars().take(80).collect::<String>();
            if v.body.chars().count() > 80 {
                body.push('…');
            }
            t.row(&[
                link(
                    &format!("/messages/{}?topic={}", url(&v.msg_id), url(&v.topic)),
                    &v.msg_id,
                ),
                text(m.original_topic.as_deref().unwrap_or("-")),
                text(v.keys.as_deref().unwrap_or("-")),
                html::time(Some(v.store_timestamp)),
                html::num(v.reconsume_times.into()),
                format!("<code>{}</code>", esc(&body)),
            ]);
        }
        main.push_str(&t.finish("No dead letters."));
        if ctx.write && !d.messages.is_empty() {
            main.push_str("<h2>Re-send to the original topic</h2>");
            main.push_str(&html::post_form(
                &ctx,
                &format!("/groups/{}/dlq/resend", url(&group)),
                &html::input("Message ids", "ids", "", "ids, comma-separated"),
                "Re-send",
                None,
            ));
        }
        html::page(
            &ctx,
            &format!("Dead letters of {group}"),
            Nav::Groups,
            false,
            &main,
        )
    });
    server::page(&ctx, r)
}

pub async fn dlq_resend_page(ctx: Ctx, Path(group): Path<String>, f: Fields) -> Response {
    let r = dlq_resend(&ctx, &group, &f).await.map(|rows| {
        let mut t = Table::new(&["Message id", "Topic", "New id", "Status", "Error"]);
        for r in &rows {
            t.row(&[
                text(&r.msg_id),
                text(r.topic.as_deref().unwrap_or("-")),
                text(r.new_msg_id.as_deref().unwrap_or("-")),
                text(r.status.as_deref().unwrap_or("-")),
                text(r.error.as_deref().unwrap_or("")),
            ]);
        }
        let main = format!(
            "{}<p>{}</p>",
            t.finish("Nothing sent."),
            link(
                &format!("/groups/{}/dlq", url(&group)),
                "Back to the dead letters"
            )
        );
        html::page(&ctx, "Dead letters re-sent", Nav::Groups, false, &main)
    });
    server::page(&ctx, r)
}
