//! What a request brings in, checked: query and body fields (a form or a
//! JSON object, so scripts and pages post alike), times, page numbers and
//! names, each refused with one line naming the field and the rule.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::Request;
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;

use super::error::{ConsoleError, ConsoleResult};

/// Largest body a change may carry (a test message's body is the biggest).
pub const MAX_BODY: usize = 4 * 1024 * 1024;
/// Longest name (topic, group, key, id) looked up.
const MAX_NAME: usize = 255;
/// Highest page number served.
pub const MAX_PAGE: usize = 10_000;

/// Fields of a query string or a body.
#[derive(Debug, Default, Clone)]
pub struct Fields(pub HashMap<String, String>);

impl Fields {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    /// A field that must be there.
    pub fn required(&self, name: &str) -> ConsoleResult<&str> {
        self.get(name)
            .ok_or_else(|| ConsoleError::BadRequest(format!("'{name}' is required")))
    }

    /// A name-like field (topic, group, key, id): present and not too long.
    pub fn name(&self, field: &str) -> ConsoleResult<&str> {
        let v = self.required(field)?;
        check_name(field, v)?;
        Ok(v)
    }

    pub fn opt_i32(
        &self,
        field: &str,
        range: std::ops::RangeInclusive<i32>,
    ) -> ConsoleResult<Option<i32>> {
        let Some(v) = self.get(field) else {
            return Ok(None);
        };
        match v.parse::<i32>() {
            Ok(n) if range.contains(&n) => Ok(Some(n)),
            _ => Err(ConsoleError::BadRequest(format!(
                "'{field}' must be a whole number from {} to {}",
                range.start(),
                range.end()
            ))),
        }
    }

    pub fn flag(&self, field: &str) -> bool {
        matches!(self.get(field), Some("true" | "on" | "1" | "yes"))
    }

    /// The page number (`page`, from 0); refuses one past `MAX_PAGE`.
    pub fn page(&self) -> ConsoleResult<usize> {
        match self.get("page") {
            None => Ok(0),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n <= MAX_PAGE => Ok(n),
                _ => Err(ConsoleError::BadRequest(format!(
                    "'page' must be a whole number from 0 to {MAX_PAGE}"
                ))),
            },
        }
    }

    /// A time field (see `parse_time`), or `default` when absent.
    pub fn time(&self, field: &str, default: i64) -> ConsoleResult<i64> {
        match self.get(field) {
            None => Ok(default),
            Some(v) => parse_time(v).ok_or_else(|| {
                ConsoleError::BadRequest(format!(
                    "'{field}' must be a time: ms since the epoch or YYYY-MM-DDTHH:MM[:SS] (UTC)"
                ))
            }),
        }
    }
}

/// Refuses an empty or overlong name.
pub fn check_name(field: &str, v: &str) -> ConsoleResult<()> {
    if v.is_empty() || v.len() > MAX_NAME || v.chars().any(char::is_control) {
        return Err(ConsoleError::BadRequest(format!(
            "'{field}' must be 1 to {MAX_NAME} characters without control characters"
        )));
    }
    Ok(())
}

/// Milliseconds since the epoch, or an RFC 3339 time (a `datetime-local`
/// input's `YYYY-MM-DDTHH:MM` counts as UTC); `None` when neither.
pub fn parse_time(v: &str) -> Option<i64> {
    if let Ok(ms) = v.parse::<i64>() {
        return (0..=253_402_300_799_999).contains(&ms).then_some(ms);
    }
    let mut s = v.replace(' ', "T");
    if s.len() == 16 {
        s.push_str(":00");
    }
    let t = humantime::parse_rfc3339_weak(&s).ok()?;
    let d = t.duration_since(std::time::UNIX_EPOCH).ok()?;
    i64::try_from(d.as_millis()).ok()
}

/// The query string's fields.
pub struct Query(pub Fields);

impl<S: Send + Sync> FromRequestParts<S> for Query {
    type Rejection = ConsoleError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parse_body(parts.uri.query().unwrap_or("").as_bytes(), false).map(Query)
    }
}

/// A form body, a JSON object (its strings, numbers and booleans), or
/// nothing; anything else is a 400.
impl<S: Send + Sync> FromRequest<S> for Fields {
    type Rejection = ConsoleError;

    async fn from_request(
        req: Request<axum::body::Body>,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let json = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| ConsoleError::BadRequest(format!("cannot read the body: {e}")))?;
        parse_body(&bytes, json)
    }
}

pub fn parse_body(bytes: &[u8], json: bool) -> ConsoleResult<Fields> {
    if bytes.len() > MAX_BODY {
        return Err(ConsoleError::BadRequest(format!(
            "the body is larger than {MAX_BODY} bytes"
        )));
    }
    if bytes.is_empty() {
        return Ok(Fields::default());
    }
    if json {
        let v: serde_json::Value = serde_json::from_slice(bytes)
            .map_err(|e| ConsoleError::BadRequest(format!("the body is not JSON: {e}")))?;
        let serde_json::Value::Object(map) = v else {
            return Err(ConsoleError::BadRequest(
                "the body must be a JSON object".into(),
            ));
        };
        let mut out = HashMap::new();
        for (k, v) in map {
            let s = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Bool(b) => b.to_string(),
                serde_json::Value::Null => continue,
                _ => {
                    return Err(ConsoleError::BadRequest(format!(
                        "'{k}' must be a string, number or boolean"
                    )));
                }
            };
            out.insert(k, s);
        }
        return Ok(Fields(out));
    }
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(bytes)
        .map(|pairs| Fields(pairs.into_iter().collect()))
        .map_err(|e| ConsoleError::BadRequest(format!("the form cannot be read: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(parse_time("0"), Some(0));
        assert_eq!(parse_time("1700000000000"), Some(1_700_000_000_000));
        assert_eq!(parse_time("2026-12-07T10:00"), Some(1_796_637_600_000));
        assert_eq!(parse_time("2026-12-07 10:00:00"), Some(1_796_637_600_000));
        assert_eq!(parse_time("-5"), None);
        assert_eq!(parse_time("yesterday"), None);
        assert_eq!(parse_time("99999999999999999999"), None);
    }

    #[test]
    fn bodies_and_fields() {
        let f = parse_body(b"topic=a%20b&page=3&x=", false).unwrap();
        assert_eq!(f.get("topic"), Some("a b"));
        assert_eq!(f.get("x"), None);
        assert_eq!(f.page().unwrap(), 3);
        let f = parse_body(br#"{"readQueues": 4, "order": true, "t": "x"}"#, true).unwrap();
        assert_eq!(f.opt_i32("readQueues", 1..=1024).unwrap(), Some(4));
        assert!(f.flag("order"));
        assert!(parse_body(b"[1]", true).is_err());
        assert!(parse_body(b"{", true).is_err());
        let f = parse_body(b"page=99999999999999999999999", false).unwrap();
        assert!(f.page().unwrap_err().message().contains("0 to 10000"));
        assert!(f.opt_i32("page", 1..=2).is_err());
    }
}
