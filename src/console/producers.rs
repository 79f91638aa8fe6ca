//! The Producers page and `/api/producers?group=`: the clients of a
//! producer group connected to the masters (RocketMQ keeps no list of
//! producer groups, so the page asks for one).

use axum::response::Response;
use serde::Serialize;

use super::error::{ConsoleError, ConsoleResult};
use super::html::{self, Nav, Table, text};
use super::input::{Fields, Query};
use super::server;
use super::session::Ctx;
use crate::client::admin::connection::ConnectionRow;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProducerView {
    pub group: String,
    pub connections: Vec<ConnectionRow>,
}

async fn producers(ctx: &Ctx, f: &Fields) -> ConsoleResult<ProducerView> {
    let group = f.name("group")?;
    let connections = ctx.admin()?.producer_list(group, None).await?;
    Ok(ProducerView {
        group: group.to_string(),
        connections,
    })
}

pub async fn api(ctx: Ctx, Query(f): Query) -> Response {
    server::api(producers(&ctx, &f).await)
}

pub async fn page(ctx: Ctx, Query(f): Query) -> Response {
    let mut main = html::get_form(
        "/producers",
        &html::input(
            "Producer group",
            "group",
            f.get("group").unwrap_or(""),
            "group",
        ),
        "Show",
    );
    let r = if f.get("group").is_some() {
        producers(&ctx, &f).await.map(|v| {
            let mut t = Table::new(&["Client id", "Address", "Language", "Version"]);
            for c in &v.connections {
                t.row(&[
                    text(&c.client_id),
                    text(&c.client_addr),
                    text(&c.language),
                    text(&c.version),
                ]);
            }
            t.finish("No producer connected.")
        })
    } else {
        Ok(String::new())
    };
    // Nobody producing for the group is an answer, not an error, on the page.
    let r = match r {
        Err(ConsoleError::NotFound(m)) => Ok(format!("<p class=\"muted\">{}</p>", html::esc(&m))),
        r => r,
    };
    let r = r.map(|table| {
        main.push_str(&table);
        html::page(&ctx, "Producers", Nav::Producers, false, &main)
    });
    server::page(&ctx, r)
}
