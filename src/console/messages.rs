//! The Messages pages and `/api/messages...`: a topic's messages in a time
//! range (newest first, a page at a time), by key, by id; one message with
//! its properties, its body as text, hex and pretty JSON, and which groups
//! consumed it; in write mode, handing it to a consumer of a group again.

use std::collections::BTreeMap;
use std::fmt::Write;

use axum::extract::Path;
use axum::response::Response;
use serde::Serialize;

use super::cluster;
use super::error::{ConsoleError, ConsoleResult};
use super::html::{self, Nav, Table, esc, link, text, url};
use super::input::{Fields, Query, check_name};
use super::server;
use super::session::Ctx;
use crate::client::admin::browse::MessagePage;
use crate::client::admin::message::{MessageView, Resent};
use crate::protocol::message::{DecodedMessage, decode_offset_msg_id};

/// Messages a page shows by default, and at most.
const PAGE_SIZE: i32 = 20;
const MAX_PAGE_SIZE: i32 = 100;
/// Newest messages read per queue for one page at most: deeper pages need a
/// narrower time range.
const MAX_DEPTH: usize = 2000;
/// Messages a key look-up returns per broker at most.
const MAX_BY_KEY: i32 = 64;

async fn by_time(ctx: &Ctx, f: &Fields) -> ConsoleResult<MessagePage> {
    let topic = f.name("topic")?;
    let now = crate::util::now_millis();
    let end = f.time("end", now + 1)?;
    let begin = f.time("begin", end - 3_600_000)?;
    if begin >= end {
        return Err(ConsoleError::BadRequest(
            "'begin' must be before 'end'".into(),
        ));
    }
    let page = f.page()?;
    let size = f.opt_i32("size", 1..=MAX_PAGE_SIZE)?.unwrap_or(PAGE_SIZE) as usize;
    if (page + 1) * size > MAX_DEPTH {
        return Err(ConsoleError::BadRequest(format!(
            "page {page} is too deep (more than {MAX_DEPTH} messages from the newest): narrow the time range"
        )));
    }
    Ok(ctx
        .admin()?
        .messages_by_time(topic, begin, end, page, size)
        .await?)
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ByKey {
    pub topic: String,
    pub key: String,
    pub messages: Vec<MessageView>,
}

async fn by_key(ctx: &Ctx, f: &Fields) -> ConsoleResult<ByKey> {
    let topic = f.name("topic")?;
    let key = f.name("key")?;
    let end = f.time("end", i64::MAX)?;
    let begin = f.time("begin", 0)?;
    if begin >= end {
        return Err(ConsoleError::BadRequest(
            "'begin' must be before 'end'".into(),
        ));
    }
    let found = ctx
        .admin()?
        .query_messages_by_key(topic, key, begin, end, MAX_BY_KEY)
        .await?;
    Ok(ByKey {
        topic: topic.to_string(),
        key: key.to_string(),
        messages: found.iter().rev().map(MessageView::from).collect(),
    })
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageDetail {
    #[serde(flatten)]
    pub message: MessageView,
    /// The broker (by name) that stored it.
    pub broker_name: Option<String>,
    /// The body as lowercase hex.
    pub body_hex: String,
    /// The body pretty-printed, when it is JSON.
    pub body_json: Option<String>,
    /// Each group consuming the topic: whether it has consumed this
    /// message (null when unknown).
    pub consumed_by: BTreeMap<String, Option<bool>>,
}

/// A message by id (and topic); only brokers of the cluster are asked.
pub async fn find(ctx: &Ctx, id: &str, topic: Option<&str>) -> ConsoleResult<DecodedMessage> {
    check_name("id", id)?;
    if let Some(t) = topic {
        check_name("topic", t)?;
    }
    if topic.is_none() && decode_offset_msg_id(id).is_err() {
        return Err(ConsoleError::BadRequest(format!(
            "'{id}' is not an offset message id (32 or 56 hex digits); to look up a message id (UNIQ_KEY), give its topic too"
        )));
    }
    let members: Vec<String> = cluster::brokers(ctx)
        .await?
        .iter()
        .map(|b| b.address.clone())
        .collect();
    Ok(ctx.admin()?.get_message_within(id, topic, &members).await?)
}

async fn detail(ctx: &Ctx, id: &str, f: &Fields) -> ConsoleResult<MessageDetail> {
    let m = find(ctx, id, f.get("topic")).await?;
    let admin = ctx.admin()?;
    let store = m.store_host.to_string();
    // The description carries the route too: one look-up for both.
    let (route, groups) = match admin.describe_topic(&m.topic).await {
        Ok(d) => (Some(d.route), d.consumer_groups),
        Err(_) => (None, Vec::new()),
    };
    let broker_name = route.as_ref().and_then(|r| {
        r.broker_datas
            .iter()
            .find(|b| b.broker_addrs.values().any(|a| *a == store))
            .map(|b| b.broker_name.clone())
    });
    let consumed_by = match &broker_name {
        Some(b) => admin.consumed_by(&m, b, &groups).await,
        None => groups.into_iter().map(|g| (g, None)).collect(),
    };
    let body_json = serde_json::from_slice::<serde_json::Value>(&m.body)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok());
    Ok(MessageDetail {
        body_hex: m.body.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        }),
        body_json,
        broker_name,
        consumed_by,
        message: MessageView::from(&m),
    })
}

async fn resend(ctx: &Ctx, id: &str, f: &Fields) -> ConsoleResult<Resent> {
    ctx.check_change(f.get("csrf"))?;
    let group = f.name("group")?;
    find(ctx, id, None).await?;
    Ok(ctx
        .admin()?
        .resend_message(id, group, f.get("clientId"))
        .await?)
}

pub async fn by_time_api(ctx: Ctx, Query(f): Query) -> Response {
    server::api(by_time(&ctx, &f).await)
}

pub async fn by_key_api(ctx: Ctx, Query(f): Query) -> Response {
    server::api(by_key(&ctx, &f).await)
}

pub async fn detail_api(ctx: Ctx, Path(id): Path<String>, Query(f): Query) -> Response {
    server::api(detail(&ctx, &id, &f).await)
}

pub async fn resend_api(ctx: Ctx, Path(id): Path<String>, f: Fields) -> Response {
    server::api(resend(&ctx, &id, &f).await)
}

fn messages_table(messages: &[MessageView]) -> String {
    let mut t = Table::new(&["Message id", "Stored", "Queue", "Tags", "Keys", "Body"]);
    for m in messages {
        let mut body: String = m.body.chars().take(80).collect();
        if m.body.chars().count() > 80 {
            body.push('…');
        }
        t.row(&[
            link(
                &format!("/messages/{}?topic={}", url(&m.msg_id), url(&m.topic)),
                m.uniq_key.as_deref().unwrap_or(&m.msg_id),
            ),
            html::time(Some(m.store_timestamp)),
            format!("{} @ {}", m.queue_id, m.queue_offset),
            text(m.tags.as_deref().unwrap_or("-")),
            text(m.keys.as_deref().unwrap_or("-")),
            format!("<code>{}</code>", esc(&body)),
        ]);
    }
    t.finish("No message found.")
}

fn search_forms(f: &Fields) -> String {
    let v = |k: &str| f.get(k).unwrap_or("").to_string();
    format!(
        "<div class=\"forms\">{}{}{}</div>",
        html::get_form(
            "/messages",
            &format!(
                "{}{}{}",
                html::input("Topic", "topic", &v("topic"), "topic"),
                html::input("From", "begin", &v("begin"), "2026-12-07T10:00 (UTC)"),
                html::input("To", "end", &v("end"), "now")
            ),
            "By time"
        ),
        html::get_form(
            "/messages",
            &format!(
                "{}{}",
                html::input("Topic", "topic", &v("topic"), "topic"),
                html::input("Key", "key", &v("key"), "key")
            ),
            "By key"
        ),
        html::get_form(
            "/messages",
            &format!(
                "{}{}",
                html::input(
                    "Message id",
                    "id",
                    &v("id"),
                    "offset id, or message id with a topic"
                ),
                html::input("Topic", "topic", &v("topic"), "optional")
            ),
            "By id"
        ),
    )
}

pub async fn search_page(ctx: Ctx, Query(f): Query) -> Response {
    if let Some(id) = f.get("id") {
        let mut to = format!("/messages/{}", url(id));
        if let Some(t) = f.get("topic") {
            let _ = write!(to, "?topic={}", url(t));
        }
        return server::see_other(&to);
    }
    let mut main = search_forms(&f);
    let results = if f.get("key").is_some() {
        by_key(&ctx, &f).await.map(|r| {
            format!(
                "<h2>Key {} in {}</h2>{}",
                esc(&r.key),
                esc(&r.topic),
                messages_table(&r.messages)
            )
        })
    } else if f.get("topic").is_some() {
        by_time(&ctx, &f).await.map(|p| {
            let mut html = format!(
                "<h2>{} from {} to {}</h2><p class=\"muted\">{} messages in the range; page {} (newest first)</p>{}",
                esc(&p.topic),
                html::time(Some(p.begin)),
                html::time(Some(p.end)),
                p.total,
                p.page,
                messages_table(&p.messages)
            );
            let mut base = format!(
                "/messages?topic={}&begin={}&end={}&size={}",
                url(&p.topic),
                p.begin,
                p.end,
                p.page_size
            );
            html.push_str("<p class=\"pager\">");
            if p.page > 0 {
                html.push_str(&link(&format!("{base}&page={}", p.page - 1), "← newer"));
            }
            if ((p.page + 1) * p.page_size) < p.total as usize {
                base.push_str(&format!("&page={}", p.page + 1));
                html.push(' ');
                html.push_str(&link(&base, "older →"));
            }
            html.push_str("</p>");
            html
        })
    } else {
        Ok(String::new())
    };
    let r = results.map(|r| {
        main.push_str(&r);
        html::page(&ctx, "Messages", Nav::Messages, false, &main)
    });
    server::page(&ctx, r)
}

pub async fn detail_page(ctx: Ctx, Path(id): Path<String>, Query(f): Query) -> Response {
    let r = detail(&ctx, &id, &f).await.map(|d| {
        let m = &d.message;
        let mut main = html::facts(&[
            (
                "Topic",
                link(&format!("/topics/{}", url(&m.topic)), &m.topic),
            ),
            ("Message id", text(m.uniq_key.as_deref().unwrap_or("-"))),
            ("Offset id", text(&m.msg_id)),
            ("Tags", text(m.tags.as_deref().unwrap_or("-"))),
            ("Keys", text(m.keys.as_deref().unwrap_or("-"))),
            ("Broker", text(d.broker_name.as_deref().unwrap_or("-"))),
            ("Queue", format!("{} @ {}", m.queue_id, m.queue_offset)),
            (
                "Born",
                format!(
                    "{} from {}",
                    html::time(Some(m.born_timestamp)),
                    esc(&m.born_host)
                ),
            ),
            (
                "Stored",
                format!(
                    "{} on {}",
                    html::time(Some(m.store_timestamp)),
                    esc(&m.store_host)
                ),
            ),
            ("Reconsumed", html::num(m.reconsume_times.into())),
            ("Size", html::num(m.store_size.into())),
        ]);
        main.push_str("<h2>Body</h2>");
        if m.body_encoding == "utf8" {
            let _ = write!(
                main,
                "<details open><summary>Text</summary><pre>{}</pre></details>",
                esc(&m.body)
            );
        }
        if let Some(j) = &d.body_json {
            let _ = write!(
                main,
                "<details open><summary>JSON</summary><pre>{}</pre></details>",
                esc(j)
            );
        }
        let _ = write!(
            main,
            "<details{}><summary>Hex</summary><pre class=\"wrap\">{}</pre></details>",
            if m.body_encoding == "utf8" {
                ""
            } else {
                " open"
            },
            esc(&d.body_hex)
        );
        main.push_str("<h2>Properties</h2>");
        let mut t = Table::new(&["Key", "Value"]);
        for (k, v) in &m.properties {
            t.row(&[text(k), text(v)]);
        }
        main.push_str(&t.finish("No properties."));
        main.push_str("<h2>Consumed by</h2>");
        let mut t = Table::new(&["Group", "Consumed"]);
        for (g, c) in &d.consumed_by {
            t.row(&[
                link(&format!("/groups/{}", url(g)), g),
                text(match c {
                    Some(true) => "yes",
                    Some(false) => "not yet",
                    None => "unknown",
                }),
            ]);
        }
        main.push_str(&t.finish("No group consumes the topic."));
        if ctx.write {
            main.push_str("<h2>Re-send to a consumer</h2>");
            main.push_str(&html::post_form(
                &ctx,
                &format!("/messages/{}/resend", url(&m.msg_id)),
                &format!(
                    "{}{}",
                    html::input("Group", "group", "", "consumer group"),
                    html::input("Client id", "clientId", "", "any")
                ),
                "Re-send",
                None,
            ));
        }
        html::page(&ctx, "Message", Nav::Messages, false, &main)
    });
    server::page(&ctx, r)
}

pub async fn resend_page(ctx: Ctx, Path(id): Path<String>, f: Fields) -> Response {
    let r = resend(&ctx, &id, &f).await.map(|done| {
        let main = format!(
            "{}<pre>{}</pre><p>{}</p>",
            html::facts(&[
                ("Message", text(&done.msg_id)),
                ("Group", text(&done.group))
            ]),
            esc(&serde_json::to_string_pretty(&done.result).unwrap_or_default()),
            link(&format!("/messages/{}", url(&id)), "Back to the message")
        );
        html::page(&ctx, "Message re-sent", Nav::Messages, false, &main)
    });
    server::page(&ctx, r)
}
