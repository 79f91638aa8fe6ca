//! fastjson compatibility: reading the not-quite-JSON that Java RocketMQ
//! bodies contain, and writing the object-keyed maps Java tools expect.
//!
//! Java RocketMQ serialises bodies with fastjson, which writes non-string map
//! keys unquoted (`{"brokerAddrs":{0:"10.0.0.1:10911"}}`) and writes maps keyed
//! by objects with the object itself as key
//! (`{"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:{...}}}`).
//! [`parse`] accepts standard JSON plus these forms and yields a
//! `serde_json::Value` whose keys are all strings: a scalar key becomes its
//! text, an object or array key becomes its compact JSON text with keys sorted,
//! so [`mq_key_map`] (or any caller) can parse it again.
//!
//! For output, plain `serde_json` is what every client reads, so types here
//! serialise with quoted keys. The only exception is a map keyed by an object
//! (MessageQueue), which fastjson cannot read back from a string key: such
//! fields use [`mq_key_map`], and the body is written with [`to_vec`], which
//! puts those keys back in object form.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Number, Value};

/// Nesting limit: bodies come from the network, and recursion must not
/// overflow the stack on `[[[[...`.
const MAX_DEPTH: usize = 256;

#[derive(Debug, thiserror::Error)]
pub enum FastjsonError {
    #[error("invalid fastjson at byte {offset}: {reason}")]
    Syntax { offset: usize, reason: &'static str },
    #[error("fastjson nesting deeper than {MAX_DEPTH} levels")]
    TooDeep,
    #[error("fastjson body does not fit the expected shape: {0}")]
    Shape(#[from] serde_json::Error),
}

/// Parses a JSON or fastjson document into a `Value` (see the module doc for
/// how non-string keys are turned into strings). Trailing whitespace is
/// allowed, anything else after the value is an error.
pub fn parse(input: &[u8]) -> Result<Value, FastjsonError> {
    let mut p = Parser { input, pos: 0 };
    // A UTF-8 byte order mark is tolerated: files written by editors have it.
    if input.starts_with(b"\xEF\xBB\xBF") {
        p.pos = 3;
    }
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos != input.len() {
        return Err(p.err("trailing characters after the value"));
    }
    Ok(value)
}

/// Parses a JSON or fastjson document straight into `T`. Unknown fields are
/// ignored as long as `T` does not deny them.
pub fn from_slice<T: DeserializeOwned>(input: &[u8]) -> Result<T, FastjsonError> {
    Ok(serde_json::from_value(parse(input)?)?)
}

struct Parser<'a> {
    input: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn err(&self, reason: &'static str) -> FastjsonError {
        FastjsonError::Syntax {
            offset: self.pos,
            reason,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0C') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8, reason: &'static str) -> Result<(), FastjsonError> {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.err(reason))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, FastjsonError> {
        if depth > MAX_DEPTH {
            return Err(FastjsonError::TooDeep);
        }
        self.skip_ws();
        match self.peek() {
            None => Err(self.err("unexpected end of input")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(q @ (b'"' | b'\'')) => Ok(Value::String(self.string(q)?)),
            Some(b'-' | b'0'..=b'9') => Ok(Value::Number(self.number()?)),
            Some(_) => match self.word() {
                "true" => Ok(Value::Bool(true)),
                "false" => Ok(Value::Bool(false)),
                "null" => Ok(Value::Null),
                _ => Err(self.err("expected a value")),
            },
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, FastjsonError> {
        self.pos += 1; // '{'
        let mut map = Map::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(map));
        }
        loop {
            let key = self.key(depth)?;
            self.expect(b':', "expected ':' after an object key")?;
            let value = self.value(depth + 1)?;
            map.insert(key, value);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.err("expected ',' or '}' in an object")),
            }
        }
    }

    /// An object key: a string, a number, a literal, a bare identifier
    /// (fastjson's AllowUnQuotedFieldNames) or a whole object/array.
    fn key(&mut self, depth: usize) -> Result<String, FastjsonError> {
        self.skip_ws();
        match self.peek() {
            Some(q @ (b'"' | b'\'')) => self.string(q),
            Some(b'-' | b'0'..=b'9') => Ok(self.number()?.to_string()),
            Some(b'{' | b'[') => {
                // serde_json's Map is a BTreeMap here, so the text has its
                // keys sorted: equal objects give equal key strings.
                let key = self.value(depth + 1)?;
                Ok(key.to_string())
            }
            Some(b) if b.is_ascii_alphabetic() || b == b'_' || b == b'$' => {
                Ok(self.word().to_owned())
            }
            _ => Err(self.err("expected an object key")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, FastjsonError> {
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.err("expected ',' or ']' in an array")),
            }
        }
    }

    /// An identifier-like run (`true`, `null`, a bare key). Always ASCII.
    fn word(&mut self) -> &str {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' {
                self.pos += 1;
            } else {
                break;
            }
        }
        // Only ASCII bytes were consumed, so this cannot fail.
        std::str::from_utf8(&self.input[start..self.pos]).unwrap_or_default()
    }

    fn number(&mut self) -> Result<Number, FastjsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let digits = |p: &mut Self| {
            let s = p.pos;
            while let Some(b'0'..=b'9') = p.peek() {
                p.pos += 1;
            }
            p.pos - s
        };
        if digits(self) == 0 {
            return Err(self.err("expected digits"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err(self.err("expected digits after '.'"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.err("expected exponent digits"));
            }
        }
        // Java writers may suffix numbers with a type letter (fastjson's
        // WriteClassName writes 1L, 1.0F); accept and drop it.
        let end = self.pos;
        if let Some(b'L' | b'l' | b'F' | b'f' | b'D' | b'd' | b'S' | b'B') = self.peek() {
            self.pos += 1;
        }
        let text = std::str::from_utf8(&self.input[start..end]).unwrap_or_default();
        // Leading zeros ("007") are not JSON; fastjson reads them as decimal.
        let trimmed = trim_leading_zeros(text);
        serde_json::from_str::<Number>(&trimmed).map_err(|_| FastjsonError::Syntax {
            offset: start,
            reason: "number out of range",
        })
    }

    fn string(&mut self, quote: u8) -> Result<String, FastjsonError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == quote || b == b'\\' {
                    break;
                }
                self.pos += 1;
            }
            let run = std::str::from_utf8(&self.input[run_start..self.pos])
                .map_err(|_| self.err("invalid UTF-8 in a string"))?;
            out.push_str(run);
            match self.peek() {
                None => return Err(self.err("unterminated string")),
                Some(b) if b == quote => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(_) => {
                    self.pos += 1; // backslash
                    self.escape(&mut out)?;
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), FastjsonError> {
        let Some(b) = self.peek() else {
            return Err(self.err("unterminated escape"));
        };
        self.pos += 1;
        match b {
            b'"' | b'\'' | b'\\' | b'/' => out.push(b as char),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{C}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'0' => out.push('\0'),
            b'x' => {
                let v = self.hex(2)?;
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            }
            b'u' => {
                let hi = self.hex(4)?;
                if (0xD800..0xDC00).contains(&hi) {
                    // A high surrogate: pair it with a following \uDC00..\uDFFF.
                    let rest = &self.input[self.pos..];
                    if rest.len() >= 6 && rest[0] == b'\\' && rest[1] == b'u' {
                        let save = self.pos;
                        self.pos += 2;
                        let lo = self.hex(4)?;
                        if (0xDC00..0xE000).contains(&lo) {
                            let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                            return Ok(());
                        }
                        self.pos = save;
                    }
                    out.push('\u{FFFD}');
                } else {
                    // Lone low surrogates cannot be represented in a String.
                    out.push(char::from_u32(hi).unwrap_or('\u{FFFD}'));
                }
            }
            _ => return Err(self.err("unknown escape sequence")),
        }
        Ok(())
    }

    fn hex(&mut self, len: usize) -> Result<u32, FastjsonError> {
        let digits = self
            .input
            .get(self.pos..self.pos + len)
            .ok_or_else(|| self.err("truncated hex escape"))?;
        let mut v = 0u32;
        for &d in digits {
            let n = (d as char)
                .to_digit(16)
                .ok_or_else(|| self.err("invalid hex digit in escape"))?;
            v = v * 16 + n;
        }
        self.pos += len;
        Ok(v)
    }
}

fn trim_leading_zeros(text: &str) -> std::borrow::Cow<'_, str> {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let int_len = digits.find(['.', 'e', 'E']).unwrap_or(digits.len());
    if int_len > 1 && digits.starts_with('0') {
        let stripped = digits.trim_start_matches('0');
        let stripped = if stripped.is_empty() || !stripped.as_bytes()[0].is_ascii_digit() {
            // "000" or "00.5": keep one zero before the fraction.
            format!("0{stripped}")
        } else {
            stripped.to_owned()
        };
        std::borrow::Cow::Owned(format!("{sign}{stripped}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Serialises `value` as JSON, except that map keys which are the text of a
/// JSON object (what [`mq_key_map`] produces) are written as the object
/// itself, unquoted: fastjson's form for `Map<MessageQueue, _>`, the only form
/// Java mqadmin and the dashboard can read back. Everything else is standard
/// JSON with sorted keys.
///
/// A plain string key that happens to be a JSON object's text would also be
/// unquoted; RocketMQ names (topics, groups, brokers) cannot contain braces,
/// so use this only for bodies whose string keys are such names.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, FastjsonError> {
    let value = serde_json::to_value(value)?;
    let mut out = Vec::with_capacity(128);
    write_value(&value, &mut out)?;
    Ok(out)
}

fn write_value(value: &Value, out: &mut Vec<u8>) -> Result<(), FastjsonError> {
    match value {
        Value::Object(map) => {
            out.push(b'{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                match object_key(key) {
                    Some(object) => write_value(&object, out)?,
                    None => serde_json::to_writer(&mut *out, key)?,
                }
                out.push(b':');
                write_value(item, out)?;
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_value(item, out)?;
            }
            out.push(b']');
        }
        scalar => serde_json::to_writer(&mut *out, scalar)?,
    }
    Ok(())
}

fn object_key(key: &str) -> Option<Value> {
    if !(key.starts_with('{') && key.ends_with('}')) {
        return None;
    }
    match serde_json::from_str::<Value>(key) {
        Ok(v @ Value::Object(_)) => Some(v),
        _ => None,
    }
}

/// `#[serde(with = "fastjson::mq_key_map")]` for a `BTreeMap<K, V>` whose key is
/// a struct (MessageQueue). Serialises each key as its compact JSON text (so
/// plain serde_json still yields valid JSON, and [`to_vec`] yields fastjson's
/// object-key form); deserialises keys from that text, which is also what
/// [`parse`] makes of fastjson's object keys.
pub mod mq_key_map {
    use super::*;

    pub fn serialize<K, V, S>(map: &BTreeMap<K, V>, serializer: S) -> Result<S::Ok, S::Error>
    where
        K: Serialize,
        V: Serialize,
        S: Serializer,
    {
        let mut out = serializer.serialize_map(Some(map.len()))?;
        for (key, value) in map {
            // Through Value so the key's fields come out sorted, as fastjson
            // writes them, whatever the struct's field order.
            let key = serde_json::to_value(key)
                .map_err(serde::ser::Error::custom)?
                .to_string();
            out.serialize_entry(&key, value)?;
        }
        out.end()
    }

    pub fn deserialize<'de, K, V, D>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
    where
        K: DeserializeOwned + Ord,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        struct KeyedByObject<K, V>(PhantomData<(K, V)>);

        impl<'de, K, V> Visitor<'de> for KeyedByObject<K, V>
        where
            K: DeserializeOwned + Ord,
            V: Deserialize<'de>,
        {
            type Value = BTreeMap<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map keyed by JSON objects")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = BTreeMap::new();
                while let Some(key) = access.next_key::<String>()? {
                    let key: K = from_slice(key.as_bytes()).map_err(serde::de::Error::custom)?;
                    map.insert(key, access.next_value()?);
                }
                Ok(map)
            }
        }

        deserializer.deserialize_map(KeyedByObject(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn p(text: &str) -> Value {
        parse(text.as_bytes()).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn standard_json_is_accepted_unchanged() {
        let text = r#"{"a":[1,-2,3.5,1e3,true,false,null],"b":{"c":"d"},"e":""}"#;
        assert_eq!(p(text), serde_json::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn cluster_info_with_unquoted_numeric_keys() {
        let text = r#"{"brokerAddrTable":{"broker-a":{"brokerAddrs":{0:"10.0.0.1:10911",1:"10.0.0.2:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"}},"clusterAddrTable":{"DefaultCluster":["broker-a"]}}"#;
        let v = p(text);
        assert_eq!(
            v["brokerAddrTable"]["broker-a"]["brokerAddrs"],
            json!({"0": "10.0.0.1:10911", "1": "10.0.0.2:10911"})
        );
        assert_eq!(v["clusterAddrTable"]["DefaultCluster"], json!(["broker-a"]));
    }

    #[test]
    fn negative_and_boolean_and_bare_keys_become_text() {
        let v = p(r#"{-1:"a",true:"b",null:"c",plain:"d",$x_1:"e"}"#);
        assert_eq!(
            v,
            json!({"-1": "a", "true": "b", "null": "c", "plain": "d", "$x_1": "e"})
        );
    }

    #[test]
    fn consume_stats_with_object_keys() {
        let text = r#"{"consumeTps":0.0,"offsetTable":{{"brokerName":"broker-a","queueId":1,"topic":"TopicTest"}:{"brokerOffset":5,"consumerOffset":3,"lastTimestamp":1700000000000},{"topic":"TopicTest","queueId":0,"brokerName":"broker-a"}:{"brokerOffset":7,"consumerOffset":7,"lastTimestamp":0}}}"#;
        let v = p(text);
        let table = v["offsetTable"].as_object().unwrap();
        assert_eq!(table.len(), 2);
        // Keys are compact JSON with sorted fields, whatever order they came in.
        let k0 = r#"{"brokerName":"broker-a","queueId":0,"topic":"TopicTest"}"#;
        assert_eq!(table[k0]["brokerOffset"], json!(7));
        let k1: Value = serde_json::from_str(table.keys().nth(1).unwrap()).unwrap();
        assert_eq!(k1["queueId"], json!(1));
    }

    #[test]
    fn strings_with_braces_colons_quotes_and_escapes() {
        let v = p(r#"{"s":"a{b}:c,d[e]\"f\\g\/h\n\t\r\b\f","t":'single "q"'}"#);
        assert_eq!(v["s"], json!("a{b}:c,d[e]\"f\\g/h\n\t\r\u{8}\u{c}"));
        assert_eq!(v["t"], json!("single \"q\""));
    }

    #[test]
    fn unicode_escapes_including_surrogate_pairs() {
        let v = p(r#"["\u0001\u0002","\u4e2d\u6587","\ud83d\ude00","\ud800x","中文"]"#);
        assert_eq!(v, json!(["\u{1}\u{2}", "中文", "😀", "\u{FFFD}x", "中文"]));
    }

    #[test]
    fn nested_arrays_and_whitespace() {
        let v = p(" \n{ \"a\" : [ [ 1 , [ ] ] , { } ] ,\r\n\t2 : [ ] } \n");
        assert_eq!(v, json!({"a": [[1, []], {}], "2": []}));
    }

    #[test]
    fn big_numbers_and_leading_zeros() {
        let v =
            p(r#"[9223372036854775807,-9223372036854775808,18446744073709551615,1.5E-3,007,1L]"#);
        assert_eq!(v[0], json!(i64::MAX));
        assert_eq!(v[1], json!(i64::MIN));
        assert_eq!(v[2], json!(u64::MAX));
        assert_eq!(v[3], json!(0.0015));
        assert_eq!(v[4], json!(7));
        assert_eq!(v[5], json!(1));
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        for bad in [
            "",
            "{",
            "}",
            "[1,",
            r#"{"a"}"#,
            r#"{"a":}"#,
            r#""abc"#,
            r#""\u12""#,
            r#""\q""#,
            "[1]x",
            "-",
            "1.",
            "1e",
            "tru",
            "{,}",
            "[,]",
            "\u{0}",
        ] {
            assert!(parse(bad.as_bytes()).is_err(), "accepted {bad:?}");
        }
        assert!(parse(b"\"\xff\"").is_err());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = "[".repeat(100_000);
        assert!(matches!(
            parse(deep.as_bytes()),
            Err(FastjsonError::TooDeep)
        ));
        let deep_keys = "{".repeat(100_000);
        assert!(parse(deep_keys.as_bytes()).is_err());
    }

    #[test]
    fn from_slice_reads_numeric_keys_into_integer_maps() {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Body {
            broker_addrs: BTreeMap<i64, String>,
        }
        let body: Body = from_slice(br#"{"brokerAddrs":{0:"a",1:"b"},"extra":1}"#).unwrap();
        assert_eq!(body.broker_addrs[&0], "a");
        let body: Body = from_slice(br#"{"brokerAddrs":{"0":"a"}}"#).unwrap();
        assert_eq!(body.broker_addrs[&0], "a");
        assert!(from_slice::<Body>(br#"{"brokerAddrs":{x:"a"}}"#).is_err());
    }

    #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Mq {
        topic: String,
        broker_name: String,
        queue_id: i32,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Table {
        #[serde(with = "mq_key_map")]
        offset_table: BTreeMap<Mq, i64>,
    }

    #[test]
    fn object_keys_round_trip_through_to_vec() {
        let mut offset_table = BTreeMap::new();
        let mq = Mq {
            topic: "T".into(),
            broker_name: "b".into(),
            queue_id: 0,
        };
        offset_table.insert(mq, 5);
        let table = Table { offset_table };

        let fast = to_vec(&table).unwrap();
        assert_eq!(
            String::from_utf8(fast.clone()).unwrap(),
            r#"{"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:5}}"#
        );
        assert_eq!(from_slice::<Table>(&fast).unwrap(), table);

        // Plain serde_json output stays valid JSON and reads back too.
        let plain = serde_json::to_vec(&table).unwrap();
        serde_json::from_slice::<Value>(&plain).unwrap();
        assert_eq!(from_slice::<Table>(&plain).unwrap(), table);
    }

    #[test]
    fn to_vec_leaves_ordinary_keys_quoted_and_escapes_strings() {
        let v = json!({"0": "a", "k": "\u{1}\"{x}\"", "{not json": 1});
        let out = String::from_utf8(to_vec(&v).unwrap()).unwrap();
        assert_eq!(out, r#"{"0":"a","k":"\u0001\"{x}\"","{not json":1}"#);
        assert_eq!(p(&out), v);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn agrees_with_serde_json_on_its_output(s in "\\PC*", n in proptest::num::i64::ANY) {
            let v = json!({"s": s, "n": n, "a": [s, n]});
            let text = serde_json::to_vec(&v).unwrap();
            proptest::prop_assert_eq!(parse(&text).unwrap(), v);
        }
    }
}
