//! The Cluster page and `/api/cluster`, `/api/brokers/{addr}`: every broker
//! member with its figures (the CLI's cluster list), and one broker's
//! runtime status and config, editable in write mode.

use std::sync::Arc;

use axum::extract::Path;
use axum::response::Response;
use serde::Serialize;

use super::error::{ConsoleError, ConsoleResult};
use super::html::{self, Nav, Table, link, text, url};
use super::input::Fields;
use super::server;
use super::session::Ctx;
use crate::client::admin::broker_info::{BrokerStatus, ConfigRow};
use crate::client::admin::cluster::{BrokerRow, DayCounts};

/// Every broker member, cached for a second.
pub async fn brokers(ctx: &Ctx) -> ConsoleResult<Arc<Vec<BrokerRow>>> {
    let admin = ctx.admin()?;
    ctx.state
        .cache
        .get(ctx.key("cluster"), || async move {
            Ok(admin.cluster_brokers().await?)
        })
        .await
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterView<'a> {
    pub brokers: &'a [BrokerRow],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerView {
    pub status: BrokerStatus,
    pub config: Vec<ConfigRow>,
}

/// A broker the cluster knows by this address (the console asks no other).
async fn member(ctx: &Ctx, addr: &str) -> ConsoleResult<()> {
    if brokers(ctx).await?.iter().any(|b| b.address == addr) {
        Ok(())
    } else {
        Err(ConsoleError::NotFound(format!(
            "no broker of the cluster listens at '{addr}'"
        )))
    }
}

async fn broker(ctx: &Ctx, addr: &str) -> ConsoleResult<BrokerView> {
    member(ctx, addr).await?;
    let admin = ctx.admin()?;
    let (status, config) = tokio::join!(
        admin.broker_status(None, Some(addr)),
        admin.broker_config_rows(None, Some(addr), None)
    );
    let status = status?
        .into_iter()
        .next()
        .ok_or_else(|| ConsoleError::Upstream(format!("broker {addr} sent no status")))?;
    Ok(BrokerView {
        status,
        config: config?,
    })
}

async fn set_config(ctx: &Ctx, addr: &str, f: &Fields) -> ConsoleResult<Vec<ConfigRow>> {
    ctx.check_change(f.get("csrf"))?;
    let key = f.name("key")?;
    let value = f.get("value").unwrap_or("");
    member(ctx, addr).await?;
    let rows = ctx
        .admin()?
        .set_broker_config(None, Some(addr), key, value)
        .await?;
    ctx.state.cache.clear();
    Ok(rows)
}

pub async fn api(ctx: Ctx) -> Response {
    match brokers(&ctx).await {
        Ok(b) => server::api(Ok(ClusterView { brokers: &b })),
        Err(e) => e.api(),
    }
}

pub async fn broker_api(ctx: Ctx, Path(addr): Path<String>) -> Response {
    server::api(broker(&ctx, &addr).await)
}

pub async fn set_config_api(ctx: Ctx, Path(addr): Path<String>, f: Fields) -> Response {
    server::api(set_config(&ctx, &addr, &f).await)
}

pub async fn set_config_page(ctx: Ctx, Path(addr): Path<String>, f: Fields) -> Response {
    match set_config(&ctx, &addr, &f).await {
        Ok(_) => server::see_other(&format!("/cluster/brokers/{}", url(&addr))),
        Err(e) => server::page(&ctx, Err(e)),
    }
}

/// A day's count and the day before's, as "today / yesterday" ("-" for either unknown).
fn day_pair(days: Option<(Option<i64>, Option<i64>)>) -> String {
    let (today, yesterday) = days.unwrap_or((None, None));
    format!("{} / {}", html::opt(today), html::opt(yesterday))
}

pub fn brokers_table(rows: &[BrokerRow]) -> String {
    let mut t = Table::new(&[
        "Cluster",
        "Broker",
        "Id",
        "Role",
        "Address",
        "Version",
        "Put TPS",
        "Get TPS",
        "In today / yesterday",
        "Out today / yesterday",
        "Disk",
        "Replication lag",
        "Status",
    ]);
    for b in rows {
        t.row(&[
            text(&b.cluster),
            text(&b.broker_name),
            html::num(b.broker_id),
            text(b.role),
            link(&format!("/cluster/brokers/{}", url(&b.address)), &b.address),
            text(b.version.as_deref().unwrap_or("-")),
            html::tps(b.put_tps),
            html::tps(b.get_tps),
            day_pair(b.day_counts.as_ref().map(|d| (d.in_today, d.in_yesterday))),
            day_pair(
                b.day_counts
                    .as_ref()
                    .map(|d| (d.out_today, d.out_yesterday)),
            ),
            html::ratio(b.commit_log_disk_ratio),
            b.lag
                .as_ref()
                .map(|l| format!("{} bytes", l.bytes))
                .unwrap_or_else(|| "-".into()),
            if b.reachable {
                "<span class=\"ok\">up</span>".into()
            } else {
                "<span class=\"bad\">no answer</span>".into()
            },
        ]);
    }
    t.finish("The name server knows no broker.")
}

pub async fn page(ctx: Ctx) -> Response {
    let r = brokers(&ctx)
        .await
        .map(|rows| html::page(&ctx, "Cluster", Nav::Cluster, true, &brokers_table(&rows)));
    server::page(&ctx, r)
}

pub async fn broker_page(ctx: Ctx, Path(addr): Path<String>) -> Response {
    let r = broker(&ctx, &addr).await.map(|v| {
        let s = &v.status;
        let days = DayCounts::from_runtime(&s.runtime);
        let mut main = html::facts(&[
            ("Cluster", text(&s.cluster)),
            ("Broker", text(&s.broker_name)),
            ("Address", text(&s.address)),
            ("Version", text(s.version.as_deref().unwrap_or("-"))),
            ("Put TPS", html::tps(s.put_tps)),
            ("Get TPS", html::tps(s.get_tps)),
            ("Disk used", html::ratio(s.commit_log_disk_ratio)),
            (
                "Commit log",
                format!(
                    "{} … {}",
                    html::opt(s.commit_log_min_offset),
                    html::opt(s.commit_log_max_offset)
                ),
            ),
            ("Unflushed bytes", html::opt(s.unflushed_bytes)),
            ("Started", html::time(s.boot_timestamp)),
            (
                "In today / yesterday",
                day_pair(Some((days.in_today, days.in_yesterday))),
            ),
            (
                "Out today / yesterday",
                day_pair(Some((days.out_today, days.out_yesterday))),
            ),
        ]);
        main.push_str("<h2>Config</h2>");
        if ctx.write {
            main.push_str(&html::post_form(
                &ctx,
                &format!("/cluster/brokers/{}/config", url(&addr)),
                &format!(
                    "{}{}",
                    html::input("Key", "key", "", "e.g. brokerPermission"),
                    html::input("Value", "value", "", "")
                ),
                "Set",
                None,
            ));
        } else {
            main.push_str(&html::read_only_note());
        }
        let mut t = Table::new(&["Key", "Value"]);
        for c in &v.config {
            t.row(&[text(&c.key), text(&c.value)]);
        }
        main.push_str(&t.finish("No config keys."));
        main.push_str("<h2>Runtime</h2>");
        let mut t = Table::new(&["Key", "Value"]);
        for (k, val) in &s.runtime {
            t.row(&[text(k), text(val)]);
        }
        main.push_str(&t.finish("No runtime figures."));
        html::page(
            &ctx,
            &format!("Broker {}", s.broker_name),
            Nav::Cluster,
            false,
            &main,
        )
    });
    server::page(&ctx, r)
}
