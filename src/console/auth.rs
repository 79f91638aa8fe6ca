//! Basic auth for a console served beyond loopback: the users come from a
//! file (one `name:password` a line; blank lines and `#` comments skipped),
//! and every request must name one of them, compared in constant time.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;

use super::state::AppState;

pub struct Users(Vec<(String, String)>);

impl std::fmt::Debug for Users {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Users({} users)", self.0.len())
    }
}

impl Users {
    /// The users in `text`; an error names the first bad line.
    pub fn parse(text: &str) -> Result<Users, String> {
        let mut users = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.split_once(':') {
                Some((name, password)) if !name.is_empty() && !password.is_empty() => {
                    users.push((name.to_string(), password.to_string()))
                }
                _ => return Err(format!("line {}: expected name:password", i + 1)),
            }
        }
        if users.is_empty() {
            return Err("no user in it".into());
        }
        Ok(Users(users))
    }

    pub fn load(path: &std::path::Path) -> Result<Users, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the users file {}: {e}", path.display()))?;
        Users::parse(&text).map_err(|e| format!("users file {}: {e}", path.display()))
    }

    /// Whether an Authorization header names a user with the right password.
    pub fn allows(&self, authorization: Option<&str>) -> bool {
        let Some(encoded) = authorization.and_then(|a| a.strip_prefix("Basic ")) else {
            return false;
        };
        let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(encoded.trim()) else {
            return false;
        };
        let Some((name, password)) = std::str::from_utf8(&decoded)
            .ok()
            .and_then(|s| s.split_once(':'))
        else {
            return false;
        };
        // Every user is compared, so the time says nothing about which matched.
        self.0.iter().fold(false, |found, (n, p)| {
            found | (same(n.as_bytes(), name.as_bytes()) & same(p.as_bytes(), password.as_bytes()))
        })
    }
}

fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Refuses every request without a known user when the console has users.
pub async fn require(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    if let Some(users) = &state.options.users {
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok());
        if !users.allows(given) {
            return (
                StatusCode::UNAUTHORIZED,
                [(
                    header::WWW_AUTHENTICATE,
                    "Basic realm=\"mq console\", charset=\"UTF-8\"",
                )],
                axum::Json(serde_json::json!({ "error": "a user and password are required" })),
            )
                .into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basic(s: &str) -> String {
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(s)
        )
    }

    #[test]
    fn users_file_and_headers() {
        let u = Users::parse("# ops\nalice:s3cret\n\nbob:pa:ss\n").unwrap();
        assert!(u.allows(Some(&basic("alice:s3cret"))));
        assert!(u.allows(Some(&basic("bob:pa:ss"))));
        assert!(!u.allows(Some(&basic("alice:wrong"))));
        assert!(!u.allows(Some(&basic("carol:s3cret"))));
        assert!(!u.allows(Some("Basic !!!")));
        assert!(!u.allows(Some("Bearer x")));
        assert!(!u.allows(None));
        assert_eq!(
            Users::parse("alice\n").unwrap_err(),
            "line 1: expected name:password"
        );
        assert_eq!(Users::parse("# none\n").unwrap_err(), "no user in it");
        assert_eq!(format!("{u:?}"), "Users(2 users)");
    }
}
