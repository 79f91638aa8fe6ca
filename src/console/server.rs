//! The HTTP side: the routes (each page, its `/api/` twin, the embedded
//! assets), the headers every answer carries (a strict Content Security
//! Policy: scripts and styles from the console only, no framing), and
//! serving until shutdown with the poller beside it.

use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use super::error::{ConsoleError, ConsoleResult};
use super::session::Ctx;
use super::state::AppState;
use super::{ConsoleOptions, cluster, dashboard, groups, html, messages, namesrv, poller};
use super::{producers, topics};

const STYLE: &str = include_str!("assets/style.css");
const SCRIPT: &str = include_str!("assets/app.js");
const ICON: &str = include_str!("assets/favicon.svg");

/// An HTML answer: the page, or the error page with the error's status.
pub fn page(ctx: &Ctx, r: ConsoleResult<String>) -> Response {
    match r {
        Ok(body) => Html(body).into_response(),
        Err(e) => (e.status(), Html(html::error_page(ctx, e.message()))).into_response(),
    }
}

/// A JSON answer: the value, or `{"error": ...}` with the error's status.
pub fn api<T: Serialize>(r: ConsoleResult<T>) -> Response {
    match r {
        Ok(v) => axum::Json(v).into_response(),
        Err(e) => e.api(),
    }
}

async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

async fn icon() -> Response {
    asset("image/svg+xml", ICON)
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response()
}

async fn not_found(ctx: Ctx, uri: axum::http::Uri) -> Response {
    let e = ConsoleError::NotFound(format!("no such page: {}", uri.path()));
    if uri.path().starts_with("/api/") {
        e.api()
    } else {
        page(&ctx, Err(e))
    }
}

/// Every route of the console.
pub fn router(state: Arc<AppState>) -> Router {
    let pages = Router::new()
        .route("/", get(dashboard::page))
        .route("/cluster", get(cluster::page))
        .route("/cluster/brokers/{addr}", get(cluster::broker_page))
        .route(
            "/cluster/brokers/{addr}/config",
            post(cluster::set_config_page),
        )
        .route("/topics", get(topics::list_page).post(topics::upsert_page))
        .route("/topics/{topic}", get(topics::detail_page))
        .route("/topics/{topic}/delete", post(topics::delete_page))
        .route("/topics/{topic}/send", post(topics::send_page))
        .route("/groups", get(groups::list_page))
        .route("/groups/{group}", get(groups::detail_page))
        .route(
            "/groups/{group}/reset",
            get(groups::reset_preview_page).post(groups::reset_page),
        )
        .route("/groups/{group}/delete", post(groups::delete_page))
        .route("/groups/{group}/dlq", get(groups::dlq_page))
        .route("/groups/{group}/dlq/resend", post(groups::dlq_resend_page))
        .route("/producers", get(producers::page))
        .route("/messages", get(messages::search_page))
        .route("/messages/{id}", get(messages::detail_page))
        .route("/messages/{id}/resend", post(messages::resend_page))
        .route("/namesrv", get(namesrv::page).post(namesrv::switch_page))
        .route("/assets/style.css", get(style))
        .route("/assets/app.js", get(script))
        .route("/assets/favicon.svg", get(icon))
        .route("/favicon.ico", get(icon));
    let api = Router::new()
        .route("/api/session", get(namesrv::session_api))
        .route("/api/namesrv", get(namesrv::api).post(namesrv::switch_api))
        .route("/api/dashboard", get(dashboard::api))
        .route("/api/cluster", get(cluster::api))
        .route("/api/brokers/{addr}", get(cluster::broker_api))
        .route("/api/brokers/{addr}/config", post(cluster::set_config_api))
        .route(
            "/api/topics",
            get(topics::list_api).post(topics::upsert_api),
        )
        .route("/api/topics/{topic}", get(topics::detail_api))
        .route("/api/topics/{topic}/route", get(topics::route_api))
        .route("/api/topics/{topic}/delete", post(topics::delete_api))
        .route("/api/topics/{topic}/send", post(topics::send_api))
        .route("/api/groups", get(groups::list_api))
        .route("/api/groups/{group}", get(groups::detail_api))
        .route(
            "/api/groups/{group}/reset-preview",
            get(groups::reset_preview_api),
        )
        .route("/api/groups/{group}/reset", post(groups::reset_api))
        .route("/api/groups/{group}/delete", post(groups::delete_api))
        .route("/api/groups/{group}/dlq", get(groups::dlq_api))
        .route(
            "/api/groups/{group}/dlq/resend",
            post(groups::dlq_resend_api),
        )
        .route("/api/producers", get(producers::api))
        .route("/api/messages", get(messages::by_time_api))
        .route("/api/messages/by-key", get(messages::by_key_api))
        .route("/api/messages/{id}", get(messages::detail_api))
        .route("/api/messages/{id}/resend", post(messages::resend_api));
    pages
        .merge(api)
        .fallback(not_found)
        .layer(axum::extract::DefaultBodyLimit::max(super::input::MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            super::auth::require,
        ))
        .layer(axum::middleware::map_response(secure_headers))
        .with_state(state)
}

async fn secure_headers(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    r
}

/// Serves the console on `listener` until `shutdown`, polling the cluster
/// for the dashboard meanwhile.
pub async fn run(
    listener: TcpListener,
    options: ConsoleOptions,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    let state = AppState::new(options);
    let poll = tokio::spawn(poller::run(state.clone(), shutdown.clone()));
    let stop = shutdown.clone();
    let served = axum::serve(listener, router(state))
        .with_graceful_shutdown(async move { stop.cancelled().await })
        .await;
    shutdown.cancel();
    let _ = poll.await;
    served
}

/// A 303 to `to`, after a change made from a page.
pub fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
}
