//! Who is asking, per request: the name server list of this browser session
//! (a cookie; the console's own list by default), whether the page wants only
//! its main part (live refresh), and the CSRF check every change passes.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;

use super::error::{ConsoleError, ConsoleResult};
use super::state::AppState;
use crate::client::admin::AdminClient;

/// The cookie holding a session's name server list.
pub const NAMESRV_COOKIE: &str = "mq_console_namesrv";
/// The header scripts send the CSRF token in (forms send the `csrf` field).
pub const CSRF_HEADER: &str = "x-csrf-token";

/// One request's view of the console.
#[derive(Clone)]
pub struct Ctx {
    pub state: Arc<AppState>,
    pub namesrv: String,
    pub write: bool,
    pub csrf: String,
    /// The page's main part only (`X-Fragment: 1`), for live refresh.
    pub fragment: bool,
    /// The CSRF token the request carried in its header, if any.
    header_token: Option<String>,
}

impl Ctx {
    pub fn admin(&self) -> ConsoleResult<AdminClient> {
        self.state.admin(&self.namesrv)
    }

    /// A cache key for `what` under this session's name server list.
    pub fn key(&self, what: &str) -> String {
        format!("{}\u{0}{what}", self.namesrv)
    }

    /// Refuses a change unless the console runs with `--write` and the
    /// request carries this console's CSRF token (header or `csrf` field).
    pub fn check_change(&self, form_token: Option<&str>) -> ConsoleResult<()> {
        if !self.write {
            return Err(ConsoleError::Forbidden(
                "the console is read-only: start it with --write to make changes".into(),
            ));
        }
        self.check_token(form_token)
    }

    /// Refuses a request without this console's CSRF token.
    pub fn check_token(&self, form_token: Option<&str>) -> ConsoleResult<()> {
        let given = self.header_token.as_deref().or(form_token);
        match given {
            Some(t) if constant_time_eq(t.as_bytes(), self.csrf.as_bytes()) => Ok(()),
            Some(_) => Err(ConsoleError::Forbidden("the CSRF token is wrong".into())),
            None => Err(ConsoleError::Forbidden(
                "missing CSRF token (X-CSRF-Token header or csrf field; GET /api/session gives it)"
                    .into(),
            )),
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The value of cookie `name` in the request's Cookie headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| percent_decode(v))
}

/// `%XX` sequences decoded; anything malformed is kept as it is.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl FromRequestParts<Arc<AppState>> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let namesrv = cookie(&parts.headers, NAMESRV_COOKIE)
            .filter(|n| crate::client::namesrv::NamesrvAddrs::parse(n).is_ok())
            .unwrap_or_else(|| state.options.namesrv.clone());
        let header = |n: &str| {
            parts
                .headers
                .get(n)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        // Someone is looking: keep this list's history polled.
        state.history(&namesrv);
        Ok(Ctx {
            state: state.clone(),
            write: state.options.write,
            csrf: state.csrf.clone(),
            fragment: header("x-fragment").as_deref() == Some("1"),
            header_token: header(CSRF_HEADER),
            namesrv,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_and_percent_decoding() {
        let mut h = HeaderMap::new();
        h.insert(
            axum::http::header::COOKIE,
            "a=1; mq_console_namesrv=127.0.0.1%3A9876%3B127.0.0.1%3A9877"
                .parse()
                .unwrap(),
        );
        assert_eq!(
            cookie(&h, NAMESRV_COOKIE).as_deref(),
            Some("127.0.0.1:9876;127.0.0.1:9877")
        );
        assert_eq!(cookie(&h, "b"), None);
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
