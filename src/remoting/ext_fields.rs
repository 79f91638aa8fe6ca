//! extFields, RocketMQ's "custom header": a string map whose keys depend on the request
//! code. Its keys and values are `HeaderStr`s, which a decoded frame's fields borrow from
//! the frame's own buffer: reading a request's header allocates no string per field.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;

use bytes::Bytes;

/// An immutable UTF-8 string: a slice of a received frame, a static name, or an owned
/// string, cheap to clone.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HeaderStr(Bytes);

impl HeaderStr {
    pub const fn from_static(s: &'static str) -> Self {
        HeaderStr(Bytes::from_static(s.as_bytes()))
    }

    /// The bytes as a string, if they are UTF-8 (without copying them).
    pub fn from_utf8(bytes: Bytes) -> Option<Self> {
        std::str::from_utf8(&bytes).ok()?;
        Some(HeaderStr(bytes))
    }

    pub fn as_str(&self) -> &str {
        // SAFETY: every constructor checks or guarantees UTF-8, and Bytes never changes.
        unsafe { std::str::from_utf8_unchecked(&self.0) }
    }
}

impl Deref for HeaderStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for HeaderStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for HeaderStr {
    fn from(s: String) -> Self {
        HeaderStr(Bytes::from(s.into_bytes()))
    }
}

impl From<&str> for HeaderStr {
    fn from(s: &str) -> Self {
        HeaderStr(Bytes::copy_from_slice(s.as_bytes()))
    }
}

impl fmt::Debug for HeaderStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for HeaderStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for HeaderStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for HeaderStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The extFields map: entries kept sorted by key (the order fastjson writes them in), each
/// key once.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ExtFields {
    entries: Vec<(HeaderStr, HeaderStr)>,
}

impl ExtFields {
    pub fn new() -> Self {
        Self::default()
    }

    /// A map of `entries` as a peer sent them: in any order, a repeated key's last value wins.
    pub fn from_entries(mut entries: Vec<(HeaderStr, HeaderStr)>) -> Self {
        if entries.is_sorted_by(|a, b| a.0 < b.0) {
            return ExtFields { entries };
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        // The stable sort keeps repeats in arrival order: keep the last of each run.
        let mut out: Vec<(HeaderStr, HeaderStr)> = Vec::with_capacity(entries.len());
        for e in entries {
            match out.last_mut() {
                Some(last) if last.0 == e.0 => *last = e,
                _ => out.push(e),
            }
        }
        ExtFields { entries: out }
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.find(key).ok().map(|i| self.entries[i].1.as_str())
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`, returning the value it replaces.
    pub fn insert(
        &mut self,
        key: impl Into<HeaderStr>,
        value: impl Into<HeaderStr>,
    ) -> Option<HeaderStr> {
        let key = key.into();
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value.into())),
            Err(i) => {
                self.entries.insert(i, (key, value.into()));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<HeaderStr> {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl std::ops::Index<&str> for ExtFields {
    type Output = HeaderStr;
    fn index(&self, key: &str) -> &HeaderStr {
        match self.find(key) {
            Ok(i) => &self.entries[i].1,
            Err(_) => panic!("no extFields entry {key:?}"),
        }
    }
}

impl<K: Into<HeaderStr>, V: Into<HeaderStr>> FromIterator<(K, V)> for ExtFields {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        ExtFields::from_entries(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl fmt::Debug for ExtFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl PartialEq<BTreeMap<String, String>> for ExtFields {
    fn eq(&self, other: &BTreeMap<String, String>) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other)
                .all(|((k, v), (ok, ov))| k == ok && v == ov)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_sorted_by_key_whose_last_value_wins() {
        let ext: ExtFields = [("b", "1"), ("a", "2"), ("b", "3"), ("c", "4")]
            .into_iter()
            .collect();
        assert_eq!(
            ext.iter().collect::<Vec<_>>(),
            [("a", "2"), ("b", "3"), ("c", "4")]
        );
        let mut ext = ext;
        assert_eq!(ext.insert("b", "5".to_string()).as_deref(), Some("3"));
        assert_eq!(ext.insert("aa", "6"), None);
        assert_eq!(ext.remove("c").as_deref(), Some("4"));
        assert_eq!(ext["aa"], "6");
        assert!(!ext.contains_key("c"));
        let expected: BTreeMap<String, String> = [("a", "2"), ("aa", "6"), ("b", "5")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(ext, expected);
    }

    #[test]
    fn header_strings_refuse_invalid_utf8() {
        assert!(HeaderStr::from_utf8(Bytes::from_static(b"\xff")).is_none());
        let s = HeaderStr::from_utf8(Bytes::from_static("héllo".as_bytes())).unwrap();
        assert_eq!(s, "héllo");
    }
}
