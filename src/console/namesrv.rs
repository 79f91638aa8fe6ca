//! The Name servers page, `/api/namesrv` and `/api/session`: the address
//! list this browser session uses (a cookie; the console's own by default),
//! switched with a POST carrying the CSRF token, and each name server's
//! config.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::error::{ConsoleError, ConsoleResult};
use super::html::{self, Nav, Table, esc, text, url};
use super::input::Fields;
use super::server;
use super::session::{CSRF_HEADER, Ctx, NAMESRV_COOKIE};
use crate::client::namesrv::NamesrvAddrs;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub namesrv: String,
    pub default_namesrv: String,
    pub write: bool,
    /// Send it as the X-CSRF-Token header (or a `csrf` field) with every POST.
    pub csrf_token: String,
    pub csrf_header: &'static str,
}

fn session(ctx: &Ctx) -> Session {
    Session {
        namesrv: ctx.namesrv.clone(),
        default_namesrv: ctx.state.options.namesrv.clone(),
        write: ctx.write,
        csrf_token: ctx.csrf.clone(),
        csrf_header: CSRF_HEADER,
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamesrvView {
    pub namesrv: String,
    pub addrs: Vec<String>,
    /// Each name server's config, or why it did not answer.
    pub configs: Vec<NamesrvConfig>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamesrvConfig {
    pub addr: String,
    pub config: Option<String>,
    pub error: Option<String>,
}

async fn view(ctx: &Ctx) -> ConsoleResult<NamesrvView> {
    let admin = ctx.admin()?;
    let addrs = admin.namesrv_addrs().to_vec();
    let mut configs = Vec::new();
    for addr in &addrs {
        // One client per address, kept like the session's, so its connection is reused.
        let one = ctx.state.admin(addr)?;
        match one.namesrv_config().await {
            Ok(mut c) => configs.push(NamesrvConfig {
                addr: addr.clone(),
                config: c.pop().map(|(_, text)| text),
                error: None,
            }),
            Err(e) => configs.push(NamesrvConfig {
                addr: addr.clone(),
                config: None,
                error: Some(e.to_string()),
            }),
        }
    }
    Ok(NamesrvView {
        namesrv: ctx.namesrv.clone(),
        addrs,
        configs,
    })
}

/// The new list, checked; the answer sets the session's cookie (an empty
/// list goes back to the console's own).
fn switch(ctx: &Ctx, f: &Fields) -> ConsoleResult<(Session, String)> {
    ctx.check_token(f.get("csrf"))?;
    let list = f
        .get("namesrv")
        .unwrap_or(&ctx.state.options.namesrv)
        .to_string();
    NamesrvAddrs::parse(&list).map_err(|e| ConsoleError::BadRequest(e.to_string()))?;
    ctx.state.admin(&list)?;
    ctx.state.history(&list);
    let cookie = format!(
        "{NAMESRV_COOKIE}={}; Path=/; HttpOnly; SameSite=Strict",
        url(&list)
    );
    let mut s = session(ctx);
    s.namesrv = list;
    Ok((s, cookie))
}

pub async fn session_api(ctx: Ctx) -> Response {
    server::api(Ok(session(&ctx)))
}

pub async fn api(ctx: Ctx) -> Response {
    server::api(view(&ctx).await)
}

pub async fn switch_api(ctx: Ctx, f: Fields) -> Response {
    match switch(&ctx, &f) {
        Ok((s, cookie)) => ([(header::SET_COOKIE, cookie)], axum::Json(s)).into_response(),
        Err(e) => e.api(),
    }
}

pub async fn switch_page(ctx: Ctx, f: Fields) -> Response {
    match switch(&ctx, &f) {
        Ok((_, cookie)) => {
            let mut r = server::see_other("/namesrv");
            if let Ok(v) = cookie.parse() {
                r.headers_mut().insert(header::SET_COOKIE, v);
            }
            r
        }
        Err(e) => server::page(&ctx, Err(e)),
    }
}

pub async fn page(ctx: Ctx) -> Response {
    let r = view(&ctx).await.map(|v| {
        let mut main = format!(
            "<p>This session uses <code>{}</code>; the console started with <code>{}</code>.</p>",
            esc(&v.namesrv),
            esc(&ctx.state.options.namesrv)
        );
        main.push_str(&html::post_form(
            &ctx,
            "/namesrv",
            &html::input("Name servers", "namesrv", &v.namesrv, "host:port;host:port"),
            "Switch",
            None,
        ));
        let mut t = Table::new(&["Address", "Config"]);
        for c in &v.configs {
            t.row(&[
                text(&c.addr),
                match (&c.config, &c.error) {
                    (Some(conf), _) => format!("<pre>{}</pre>", esc(conf)),
                    (None, Some(e)) => format!("<span class=\"bad\">{}</span>", esc(e)),
                    _ => "-".into(),
                },
            ]);
        }
        main.push_str(&t.finish("No name server."));
        html::page(&ctx, "Name servers", Nav::Namesrv, false, &main)
    });
    server::page(&ctx, r)
}
