//! Building HTML safely: every piece of data goes through `text` (or `esc`,
//! `attr`, `url`) before it meets markup, and markup is only ever written by
//! the helpers here and the page modules' literals. The page frame (`page`)
//! carries the navigation, the CSRF token for scripts and the live-refresh
//! mark; a fragment request gets the main part only.

use std::fmt::Write;

use super::session::Ctx;

/// `s` as HTML text or a quoted attribute value.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` percent-encoded for a URL path segment or query value.
pub fn url(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A table cell or paragraph of plain text.
pub fn text(s: &str) -> String {
    esc(s)
}

/// A link to `href` (built by the caller from literals and `url`) showing `label`.
pub fn link(href: &str, label: &str) -> String {
    format!("<a href=\"{}\">{}</a>", esc(href), esc(label))
}

pub fn num(n: i64) -> String {
    n.to_string()
}

pub fn opt(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_else(|| "-".into())
}

pub fn tps(v: Option<f64>) -> String {
    match v {
        Some(v) if v >= 100.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
        None => "-".into(),
    }
}

/// A timestamp (ms) as UTC text; one past year 9999 (a broker's garbage)
/// as its number, since the calendar text stops there.
pub fn time(ms: Option<i64>) -> String {
    match ms {
        Some(t) if t > 253_402_300_799_999 => t.to_string(),
        ms => esc(&crate::render::time(ms.filter(|t| *t > 0))),
    }
}

pub fn ratio(v: Option<f64>) -> String {
    v.map(|v| format!("{:.1}%", v * 100.0))
        .unwrap_or_else(|| "-".into())
}

/// A table with a header; each cell is HTML made with the helpers above.
pub struct Table {
    html: String,
    rows: usize,
}

impl Table {
    pub fn new(head: &[&str]) -> Self {
        let mut html = String::from("<div class=\"scroll\"><table><thead><tr>");
        for h in head {
            let _ = write!(html, "<th>{}</th>", esc(h));
        }
        html.push_str("</tr></thead><tbody>");
        Table { html, rows: 0 }
    }

    pub fn row(&mut self, cells: &[String]) {
        self.html.push_str("<tr>");
        for c in cells {
            let _ = write!(self.html, "<td>{c}</td>");
        }
        self.html.push_str("</tr>");
        self.rows += 1;
    }

    /// The table, or `empty` as a note when it has no rows.
    pub fn finish(mut self, empty: &str) -> String {
        if self.rows == 0 {
            return format!("<p class=\"muted\">{}</p>", esc(empty));
        }
        self.html.push_str("</tbody></table></div>");
        self.html
    }
}

/// Key/value pairs as a definition list; values are HTML from the helpers.
pub fn facts(pairs: &[(&str, String)]) -> String {
    let mut html = String::from("<dl class=\"facts\">");
    for (k, v) in pairs {
        let _ = write!(html, "<dt>{}</dt><dd>{v}</dd>", esc(k));
    }
    html.push_str("</dl>");
    html
}

/// A POST form to `action` carrying the CSRF token; `fields` is HTML. A
/// destructive form names what goes in `confirm`: the user types it into
/// the `confirm` field, which the server checks.
pub fn post_form(
    ctx: &Ctx,
    action: &str,
    fields: &str,
    button: &str,
    confirm: Option<&str>,
) -> String {
    let mut html = format!(
        "<form method=\"post\" action=\"{}\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"{}\">{fields}",
        esc(action),
        esc(&ctx.csrf)
    );
    if let Some(name) = confirm {
        let _ = write!(
            html,
            "<label><span>Type <code>{n}</code> to confirm</span> <input name=\"confirm\" required autocomplete=\"off\" data-confirm=\"{n}\"></label>",
            n = esc(name)
        );
    }
    let class = if confirm.is_some() { "danger" } else { "" };
    let _ = write!(
        html,
        "<button type=\"submit\" class=\"{class}\">{}</button></form>",
        esc(button)
    );
    html
}

/// A labelled text input.
pub fn input(label: &str, name: &str, value: &str, placeholder: &str) -> String {
    format!(
        "<label>{} <input name=\"{}\" value=\"{}\" placeholder=\"{}\"></label>",
        esc(label),
        esc(name),
        esc(value),
        esc(placeholder)
    )
}

/// A select with `options` (value, label); `selected` picks one.
pub fn select(label: &str, name: &str, options: &[(&str, &str)], selected: &str) -> String {
    let mut html = format!("<label>{} <select name=\"{}\">", esc(label), esc(name));
    for (v, l) in options {
        let sel = if *v == selected { " selected" } else { "" };
        let _ = write!(
            html,
            "<option value=\"{}\"{sel}>{}</option>",
            esc(v),
            esc(l)
        );
    }
    html.push_str("</select></label>");
    html
}

/// A GET form (search, filters): fields are HTML.
pub fn get_form(action: &str, fields: &str, button: &str) -> String {
    format!(
        "<form method=\"get\" action=\"{}\" class=\"inline\">{fields}<button type=\"submit\">{}</button></form>",
        esc(action),
        esc(button)
    )
}

/// A note that changes need `--write`.
pub fn read_only_note() -> String {
    "<p class=\"muted\">Read-only: start <code>mq console --write</code> to change things here.</p>"
        .into()
}

/// Which part of the site a page belongs to (its navigation entry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Dashboard,
    Cluster,
    Topics,
    Groups,
    Producers,
    Messages,
    Namesrv,
    None,
}

const NAV: [(Nav, &str, &str); 7] = [
    (Nav::Dashboard, "/", "Dashboard"),
    (Nav::Cluster, "/cluster", "Cluster"),
    (Nav::Topics, "/topics", "Topics"),
    (Nav::Groups, "/groups", "Consumer groups"),
    (Nav::Producers, "/producers", "Producers"),
    (Nav::Messages, "/messages", "Messages"),
    (Nav::Namesrv, "/namesrv", "Name servers"),
];

/// A whole page: `main` is the page's HTML. With `live`, the page's script
/// refreshes the main part in place every few seconds.
pub fn page(ctx: &Ctx, title: &str, nav: Nav, live: bool, main: &str) -> String {
    if ctx.fragment {
        return format!("<h1>{}</h1>{main}", esc(title));
    }
    let mut html = String::with_capacity(main.len() + 2048);
    let _ = write!(
        html,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta name=\"csrf-token\" content=\"{}\"><title>{} · mq console</title>\
         <link rel=\"stylesheet\" href=\"/assets/style.css\">\
         <link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\"></head><body><header>\
         <a class=\"brand\" href=\"/\">mq console</a><nav>",
        esc(&ctx.csrf),
        esc(title)
    );
    for (n, href, label) in NAV {
        let current = if n == nav {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(html, "<a href=\"{href}\"{current}>{label}</a>");
    }
    let _ = write!(
        html,
        "</nav><span class=\"where\">{} · {}</span></header><main id=\"main\"{}><h1>{}</h1>{main}</main>\
         <script src=\"/assets/app.js\" defer></script></body></html>",
        esc(&ctx.namesrv),
        if ctx.write { "write" } else { "read-only" },
        if live { " data-live=\"5000\"" } else { "" },
        esc(title)
    );
    html
}

/// A page that says what went wrong, in one line.
pub fn error_page(ctx: &Ctx, message: &str) -> String {
    page(
        ctx,
        "Error",
        Nav::None,
        false,
        &format!("<p class=\"error\" role=\"alert\">{}</p>", esc(message)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(url("%RETRY%g a/b?c"), "%25RETRY%25g%20a%2Fb%3Fc");
        assert_eq!(
            link("/t/\"x", "<b>"),
            "<a href=\"/t/&quot;x\">&lt;b&gt;</a>"
        );
    }

    #[test]
    fn times_outside_the_calendar_are_numbers() {
        assert_eq!(time(Some(i64::MAX)), i64::MAX.to_string());
        assert_eq!(time(Some(0)), "-");
        assert_eq!(time(None), "-");
        assert_eq!(time(Some(1_796_637_600_000)), "2026-12-07T10:00:00Z");
    }

    #[test]
    fn empty_tables_say_so() {
        let t = Table::new(&["a"]);
        assert_eq!(
            t.finish("none <yet>"),
            "<p class=\"muted\">none &lt;yet&gt;</p>"
        );
        let mut t = Table::new(&["a"]);
        t.row(&[text("<i>")]);
        assert!(t.finish("").contains("<td>&lt;i&gt;</td>"));
    }
}
