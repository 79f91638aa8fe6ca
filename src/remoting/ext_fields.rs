//! extFields, RocketMQ's "custom header": a string map whose keys depend on the request
//! code. Its keys and values are `HeaderStr`s, which a decoded frame's fields borrow from
//! the frame's own buffer: reading a request's header allocates no string per field.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;

use bytes::Bytes;

/// An immutable UTF-8 string: a slice of a received frame, a static name, an owned
/// string, or, when short (a number, a queue id, a flag), kept inline; cheap to clone.
#[derive(Clone)]
pub struct HeaderStr(Repr);

#[derive(Clone)]
enum Repr {
    Shared(Bytes),
    /// Short strings without an allocation: a response's numbers are written as these.
    Inline {
        len: u8,
        buf: [u8; INLINE_CAP],
    },
}

/// The longest string kept inline: an IPv4 broker's offset message id, a UNIQ_KEY and most
/// topic and group names fit, and a `HeaderStr` is no larger than with a `Bytes` alone.
pub(super) const INLINE_CAP: usize = 38;

impl Default for HeaderStr {
    fn default() -> Self {
        HeaderStr::from_static("")
    }
}

impl HeaderStr {
    pub const fn from_static(s: &'static str) -> Self {
        HeaderStr(Repr::Shared(Bytes::from_static(s.as_bytes())))
    }

    /// The bytes as a string, if they are UTF-8 (without copying them).
    pub fn from_utf8(bytes: Bytes) -> Option<Self> {
        std::str::from_utf8(&bytes).ok()?;
        Some(HeaderStr(Repr::Shared(bytes)))
    }

    /// The bytes as a string, unchecked.
    ///
    /// # Safety
    /// `bytes` must be UTF-8: the JSON header's scanner checks its whole header once, and
    /// every string it cuts from it starts and ends at an ASCII quote.
    pub(super) unsafe fn from_utf8_unchecked(bytes: Bytes) -> Self {
        HeaderStr(Repr::Shared(bytes))
    }

    /// `s` copied inline, if it is short enough.
    pub fn inline(s: &str) -> Option<Self> {
        let mut buf = [0u8; INLINE_CAP];
        buf.get_mut(..s.len())?.copy_from_slice(s.as_bytes());
        Some(HeaderStr(Repr::Inline {
            len: s.len() as u8,
            buf,
        }))
    }

    /// The first `len` bytes of `window` (`INLINE_CAP` bytes) as an inline string.
    ///
    /// # Safety
    /// `window[..len]` must be UTF-8, and `len` at most `INLINE_CAP`.
    pub(super) unsafe fn inline_padded(window: &[u8], len: usize) -> Self {
        let mut buf = [0u8; INLINE_CAP];
        buf.copy_from_slice(window);
        HeaderStr(Repr::Inline {
            len: len as u8,
            buf,
        })
    }

    /// `n` (negated when `negative`) in decimal, as Java prints a long, without an allocation.
    pub fn decimal(mut n: u64, negative: bool) -> Self {
        let mut buf = [0u8; INLINE_CAP];
        let mut at = buf.len();
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if negative {
            at -= 1;
            buf[at] = b'-';
        }
        let len = buf.len() - at;
        buf.copy_within(at.., 0);
        HeaderStr(Repr::Inline {
            len: len as u8,
            buf,
        })
    }

    pub fn as_str(&self) -> &str {
        let bytes: &[u8] = match &self.0 {
            Repr::Shared(b) => b,
            Repr::Inline { len, buf } => &buf[..*len as usize],
        };
        // SAFETY: every constructor checks or guarantees UTF-8 (an inline string is a copy of
        // a `str` or ASCII digits), and neither form ever changes.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

impl PartialEq for HeaderStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for HeaderStr {}

impl PartialOrd for HeaderStr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for HeaderStr {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for HeaderStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
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
    /// A short string is copied inline; a longer one becomes the string's buffer, uncopied.
    fn from(s: String) -> Self {
        HeaderStr::inline(&s)
            .unwrap_or_else(|| HeaderStr(Repr::Shared(Bytes::from(s.into_bytes()))))
    }
}

impl From<&str> for HeaderStr {
    fn from(s: &str) -> Self {
        HeaderStr::inline(s)
            .unwrap_or_else(|| HeaderStr(Repr::Shared(Bytes::copy_from_slice(s.as_bytes()))))
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

    /// An empty map with room for `n` entries.
    pub fn with_capacity(n: usize) -> Self {
        ExtFields {
            entries: Vec::with_capacity(n),
        }
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

    /// A map of `entries` already in key order, each key once (the caller has checked).
    pub(super) fn from_sorted_entries(entries: Vec<(HeaderStr, HeaderStr)>) -> Self {
        debug_assert!(entries.is_sorted_by(|a, b| a.0 < b.0));
        ExtFields { entries }
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
        // Headers write their fields in key order, mostly: appending needs one compare.
        if self.entries.last().is_none_or(|(last, _)| *last < key) {
            self.entries.push((key, value.into()));
            return None;
        }
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

    /// The entries in key order, as the strings they are (a clone of one is a reference
    /// count, not a copy).
    pub fn entries(&self) -> impl ExactSizeIterator<Item = (&HeaderStr, &HeaderStr)> {
        self.entries.iter().map(|(k, v)| (k, v))
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
    fn inline_and_shared_strings_are_the_same_strings() {
        let shared = HeaderStr::from("12345".to_string());
        let inline = HeaderStr::inline("12345").unwrap();
        assert_eq!(shared, inline);
        assert_eq!(shared.cmp(&inline), std::cmp::Ordering::Equal);
        let hash = |h: &HeaderStr| {
            use std::hash::{BuildHasher, RandomState};
            let s = RandomState::new();
            (s.hash_one(h), s.hash_one(h.as_str()))
        };
        let (a, b) = hash(&inline);
        assert_eq!(a, b);
        assert!(HeaderStr::inline(&"x".repeat(INLINE_CAP)).is_some());
        assert!(HeaderStr::inline(&"x".repeat(INLINE_CAP + 1)).is_none());
        let long = "y".repeat(40);
        assert_eq!(HeaderStr::from(long.as_str()), long.as_str());
        for (n, neg) in [(0, false), (7, true), (u64::MAX, false), (1 << 63, true)] {
            let want = if neg { format!("-{n}") } else { n.to_string() };
            assert_eq!(HeaderStr::decimal(n, neg).as_str(), want);
        }
        assert_eq!(HeaderStr::default(), "");
        assert!(std::mem::size_of::<HeaderStr>() <= 40);
    }

    #[test]
    fn header_strings_refuse_invalid_utf8() {
        assert!(HeaderStr::from_utf8(Bytes::from_static(b"\xff")).is_none());
        let s = HeaderStr::from_utf8(Bytes::from_static("héllo".as_bytes())).unwrap();
        assert_eq!(s, "héllo");
    }
}
