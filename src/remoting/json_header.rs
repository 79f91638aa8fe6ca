//! Reading a JSON remoting header as real clients send it: every field optional, extFields
//! values strings, numbers or booleans (coerced to the strings Java would have sent), nulls
//! and unknown fields ignored. A scanner of its own rather than serde: every string without
//! an escape (nearly all of them) is copied inline when short or returned as a slice of the
//! frame, so a request's header costs no allocation per field; UTF-8 is checked once per
//! header, and keys are matched without being made into strings.

use bytes::Bytes;

use super::command::{LanguageCode, RemotingCommand};
use super::error::RemotingError;
use super::ext_fields::{ExtFields, HeaderStr, INLINE_CAP as INLINE_WINDOW};

/// Nesting deeper than this in an ignored field is refused, as serde_json does, so a hostile
/// header cannot exhaust the stack.
const MAX_DEPTH: usize = 128;

pub(super) fn decode_json_header(header: &Bytes) -> Result<RemotingCommand, RemotingError> {
    // UTF-8 is checked once for the whole header: every string the scanner cuts from it then
    // starts and ends at an ASCII quote, so it is UTF-8 too. Bytes that are not UTF-8 are
    // refused wherever they are: outside a string they would be a syntax error anyway.
    // Nearly every header is ASCII, which is quicker to check than UTF-8.
    if !header.is_ascii()
        && let Err(e) = std::str::from_utf8(header)
    {
        return Err(RemotingError::Malformed(format!(
            "invalid JSON header: invalid UTF-8 in a string at byte {} of {}",
            e.valid_up_to(),
            header.len()
        )));
    }
    let mut s = Scanner {
        src: header,
        buf: header,
        pos: 0,
    };
    let cmd = s.command().map_err(|why| {
        RemotingError::Malformed(format!(
            "invalid JSON header: {why} at byte {} of {}",
            s.pos,
            header.len()
        ))
    })?;
    Ok(cmd)
}

/// Where a string is: `from..to` of the header, or, when it had escapes, its decoded text.
enum Span {
    Slice(usize, usize),
    Owned(String),
}

/// A field of the header; `Other` for any the header does not have (ignored).
#[derive(Clone, Copy)]
enum Field {
    Code,
    ExtFields,
    Flag,
    Language,
    Opaque,
    Remark,
    Version,
    Other,
}

impl Field {
    fn named(name: &str) -> Field {
        match name {
            "code" => Field::Code,
            "extFields" => Field::ExtFields,
            "flag" => Field::Flag,
            "language" => Field::Language,
            "opaque" => Field::Opaque,
            "remark" => Field::Remark,
            "version" => Field::Version,
            _ => Field::Other,
        }
    }
}

const LOWERCASE_LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";

struct Scanner<'a> {
    /// The header, for strings that share its buffer.
    src: &'a Bytes,
    /// The same bytes, read without going through `Bytes` at every step.
    buf: &'a [u8],
    pos: usize,
}

type Scan<T> = Result<T, &'static str>;

impl<'a> Scanner<'a> {
    fn command(&mut self) -> Scan<RemotingCommand> {
        let mut cmd = RemotingCommand::default();
        self.expect(b'{')?;
        if !self.eat(b'}') {
            loop {
                let field = match self.known_field() {
                    Some(field) => field,
                    None => {
                        let key = self.string_span()?;
                        self.expect(b':')?;
                        Field::named(self.span_str(&key))
                    }
                };
                match field {
                    Field::Code => cmd.code = self.int()?,
                    Field::Version => cmd.version = self.int()?,
                    Field::Opaque => cmd.opaque = self.int()?,
                    Field::Flag => cmd.flag = self.int()?,
                    Field::Language => {
                        if !self.null()? {
                            let name = self.string_span()?;
                            cmd.language = LanguageCode::from_name(self.span_str(&name));
                        }
                    }
                    Field::Remark => cmd.remark = self.nullable_string()?.map(|r| r.to_string()),
                    Field::ExtFields => {
                        if !self.null()? {
                            cmd.ext_fields = self.ext_fields()?;
                        }
                    }
                    Field::Other => self.skip_value(0)?,
                }
                if self.eat(b',') {
                    continue;
                }
                self.expect(b'}')?;
                break;
            }
        }
        self.skip_ws();
        if self.pos != self.buf.len() {
            return Err("trailing characters");
        }
        Ok(cmd)
    }

    /// The next field, when its name is written as every client writes it (`"code":`, no
    /// escapes, no spaces): read with its colon. Else nothing is read.
    fn known_field(&mut self) -> Option<Field> {
        let rest = &self.buf[self.pos..];
        let (len, field) = match rest.get(1)? {
            b'c' if rest.starts_with(b"\"code\":") => (7, Field::Code),
            b'e' if rest.starts_with(b"\"extFields\":") => (12, Field::ExtFields),
            b'f' if rest.starts_with(b"\"flag\":") => (7, Field::Flag),
            b'l' if rest.starts_with(b"\"language\":") => (11, Field::Language),
            b'o' if rest.starts_with(b"\"opaque\":") => (9, Field::Opaque),
            b'r' if rest.starts_with(b"\"remark\":") => (9, Field::Remark),
            b's' if rest.starts_with(b"\"serializeTypeCurrentRPC\":") => (26, Field::Other),
            b'v' if rest.starts_with(b"\"version\":") => (10, Field::Version),
            _ => return None,
        };
        self.pos += len;
        Some(field)
    }

    fn ext_fields(&mut self) -> Scan<ExtFields> {
        self.expect(b'{')?;
        let mut entries: Vec<(HeaderStr, HeaderStr)> = Vec::with_capacity(16);
        // Whether the keys came in order, each once (as every client writes them): then the
        // map needs no sort and no search for repeats.
        let mut sorted = true;
        // The last key kept, when it was a one-letter key read on the fast path.
        let mut last_letter = None;
        if !self.eat(b'}') {
            loop {
                // Fast: `"a":` (SEND_MESSAGE_V2's one-letter keys, written without spaces).
                let (key, letter) = match self.buf.get(self.pos..self.pos + 4) {
                    Some(&[b'"', k @ b'a'..=b'z', b'"', b':']) => {
                        self.pos += 4;
                        let i = (k - b'a') as usize;
                        (
                            HeaderStr::from_static(&LOWERCASE_LETTERS[i..i + 1]),
                            Some(k),
                        )
                    }
                    _ => {
                        let key = self.ext_key()?;
                        self.expect(b':')?;
                        (key, None)
                    }
                };
                let value = if self.peek() == Some(b'"') {
                    self.pos += 1;
                    Some(self.string_rest()?)
                } else {
                    self.scalar()?
                };
                if let Some(value) = value {
                    sorted &= match (entries.last(), last_letter, letter) {
                        (None, ..) => true,
                        (Some(_), Some(last), Some(this)) => last < this,
                        (Some((last, _)), ..) => last.as_bytes() < key.as_bytes(),
                    };
                    last_letter = letter;
                    entries.push((key, value));
                }
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    _ if self.eat(b',') => {}
                    _ => {
                        self.expect(b'}')?;
                        break;
                    }
                }
            }
        }
        Ok(if sorted {
            ExtFields::from_sorted_entries(entries)
        } else {
            ExtFields::from_entries(entries)
        })
    }

    /// An extFields value as the string Java would have sent; None for null.
    fn scalar(&mut self) -> Scan<Option<HeaderStr>> {
        self.skip_ws();
        match self.peek() {
            Some(b'"') => self.string().map(Some),
            Some(b't' | b'f') => {
                let v = if self.literal("true") {
                    "true"
                } else if self.literal("false") {
                    "false"
                } else {
                    return Err("expected a value");
                };
                Ok(Some(HeaderStr::from_static(v)))
            }
            Some(b'n') if self.literal("null") => Ok(None),
            Some(b'-' | b'0'..=b'9') => {
                let text = self.number()?;
                Ok(Some(HeaderStr::from(number_as_java_string(text)?)))
            }
            _ => Err("expected a string, number or boolean"),
        }
    }

    fn int(&mut self) -> Scan<i32> {
        self.skip_ws();
        // Fast: a plain decimal integer, valued as it is scanned.
        let start = self.pos;
        let negative = self.eat_raw(b'-');
        let first = self.pos;
        let mut v: i64 = 0;
        while let Some(&d @ b'0'..=b'9') = self.buf.get(self.pos) {
            if self.pos - first == 10 {
                break;
            }
            v = v * 10 + (d - b'0') as i64;
            self.pos += 1;
        }
        let digits = self.pos - first;
        let plain = digits > 0
            && (digits == 1 || self.buf[first] != b'0')
            && !matches!(self.peek(), Some(b'.' | b'e' | b'E' | b'0'..=b'9'));
        if plain {
            return i32::try_from(if negative { -v } else { v })
                .map_err(|_| "expected a 32-bit integer");
        }
        self.pos = start;
        let text = self.number()?;
        text.parse().map_err(|_| "expected a 32-bit integer")
    }

    /// The text of a JSON number.
    fn number(&mut self) -> Scan<&str> {
        let start = self.pos;
        self.eat_raw(b'-');
        let digits = |s: &mut Self| {
            let from = s.pos;
            while matches!(s.peek(), Some(b'0'..=b'9')) {
                s.pos += 1;
            }
            s.pos > from
        };
        if self.eat_raw(b'0') {
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err("a number with a leading zero");
            }
        } else if !digits(self) {
            return Err("expected a number");
        }
        if self.eat_raw(b'.') && !digits(self) {
            return Err("expected a digit after the decimal point");
        }
        if self.eat_raw(b'e') || self.eat_raw(b'E') {
            if !self.eat_raw(b'+') {
                self.eat_raw(b'-');
            }
            if !digits(self) {
                return Err("expected an exponent");
            }
        }
        // Only ASCII was consumed.
        std::str::from_utf8(&self.buf[start..self.pos]).map_err(|_| "expected a number")
    }

    fn nullable_string(&mut self) -> Scan<Option<HeaderStr>> {
        if self.null()? {
            Ok(None)
        } else {
            self.string().map(Some)
        }
    }

    fn null(&mut self) -> Scan<bool> {
        self.skip_ws();
        Ok(self.literal("null"))
    }

    /// A string: a slice of the frame when it has no escapes, else decoded into its own.
    fn string(&mut self) -> Scan<HeaderStr> {
        self.expect(b'"')?;
        self.string_rest()
    }

    /// `string` after its opening quote. Inlined: it runs for each of a header's values, and
    /// the call (with its result moved about) cost some 20 instructions a value.
    #[inline(always)]
    fn string_rest(&mut self) -> Scan<HeaderStr> {
        let start = self.pos;
        let rest = &self.buf[start..];
        match find_quote_or_backslash(rest) {
            Some(end) if rest[end] == b'"' => {
                self.pos = start + end + 1;
                Ok(self.slice(start, start + end))
            }
            Some(_) => self.escaped(start).map(HeaderStr::from),
            None => Err("unterminated string"),
        }
    }

    /// The header's bytes `from..to` as a string: copied when short (most values are: a
    /// copy costs less than taking and dropping a reference on the frame), else sharing the
    /// frame's buffer.
    #[inline(always)]
    fn slice(&self, from: usize, to: usize) -> HeaderStr {
        // The whole header is UTF-8 (checked in `decode_json_header`) and `from..to` lies
        // between two quotes, so it is on char boundaries: each `unsafe` below relies on that.
        if let Some(window) = self.buf.get(from..from + INLINE_WINDOW)
            && to - from <= INLINE_WINDOW
        {
            // SAFETY: as above; a fixed-size copy (the bytes after the string come along,
            // unused), so no call to memcpy for a few bytes.
            return unsafe { HeaderStr::inline_padded(window, to - from) };
        }
        // SAFETY: as above.
        let text = unsafe { std::str::from_utf8_unchecked(&self.buf[from..to]) };
        match HeaderStr::inline(text) {
            Some(short) => short,
            // SAFETY: as above.
            None => unsafe { HeaderStr::from_utf8_unchecked(self.src.slice(from..to)) },
        }
    }

    /// The text of `span`, borrowed from the header (not from the scanner, which reads on).
    fn span_str<'s>(&self, span: &'s Span) -> &'s str
    where
        'a: 's,
    {
        let src: &'a [u8] = self.buf;
        match span {
            // SAFETY: as in `slice`.
            Span::Slice(from, to) => unsafe { std::str::from_utf8_unchecked(&src[*from..*to]) },
            Span::Owned(s) => s,
        }
    }

    /// An extFields key. A one-letter key (SEND_MESSAGE_V2's `a`..`n`) is a static string,
    /// so the entry holds no reference on the frame for it.
    fn ext_key(&mut self) -> Scan<HeaderStr> {
        Ok(match self.string_span()? {
            Span::Slice(from, to) if to == from + 1 && self.buf[from].is_ascii_lowercase() => {
                let i = (self.buf[from] - b'a') as usize;
                HeaderStr::from_static(&LOWERCASE_LETTERS[i..i + 1])
            }
            Span::Slice(from, to) => self.slice(from, to),
            Span::Owned(s) => HeaderStr::from(s),
        })
    }

    /// A string's place in the header when it has no escapes, else its decoded text.
    fn string_span(&mut self) -> Scan<Span> {
        self.expect(b'"')?;
        let start = self.pos;
        let rest = &self.buf[start..];
        let Some(end) = find_quote_or_backslash(rest) else {
            return Err("unterminated string");
        };
        if rest[end] == b'"' {
            self.pos = start + end + 1;
            return Ok(Span::Slice(start, start + end));
        }
        self.escaped(start).map(Span::Owned)
    }

    /// A string with escapes, from `start` (after its opening quote), decoded.
    fn escaped(&mut self, start: usize) -> Scan<String> {
        // A message's properties carry an escaped separator every few bytes: the runs between
        // escapes are copied eight bytes a step, without a call per run.
        let mut out: Vec<u8> = Vec::with_capacity((self.buf.len() - start).min(512));
        let buf = self.buf;
        let mut p = start;
        loop {
            // The run up to the next quote or backslash.
            while let Some(chunk) = buf.get(p..p + 8) {
                let chunk: [u8; 8] = chunk.try_into().unwrap_or_default();
                let m = quote_or_backslash(u64::from_le_bytes(chunk));
                let run = (m.trailing_zeros() / 8) as usize;
                out.reserve(8);
                // SAFETY: room for eight bytes was reserved; only the run's are kept.
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        chunk.as_ptr(),
                        out.as_mut_ptr().add(out.len()),
                        8,
                    );
                    out.set_len(out.len() + run);
                }
                p += run;
                if m != 0 {
                    break;
                }
            }
            while let Some(&c) = buf.get(p)
                && c != b'"'
                && c != b'\\'
            {
                out.push(c);
                p += 1;
            }
            match buf.get(p) {
                Some(b'"') => {
                    self.pos = p + 1;
                    break;
                }
                Some(_) => {}
                None => return Err("unterminated string"),
            }
            // The escape at `p`.
            let Some(&e) = buf.get(p + 1) else {
                return Err("unterminated string");
            };
            p += 2;
            match e {
                b'"' | b'\\' | b'/' => out.push(e),
                b'b' => out.push(0x08),
                b'f' => out.push(0x0c),
                b'n' => out.push(b'\n'),
                b'r' => out.push(b'\r'),
                b't' => out.push(b'\t'),
                b'u' => {
                    // `\u00XX` below 0x80 (the properties' separators): the byte itself.
                    if let Some(&[b'0', b'0', h @ b'0'..=b'7', l]) = buf.get(p..p + 4)
                        && let Some(l) = hex_digit(l)
                    {
                        out.push((h - b'0') * 16 + l);
                        p += 4;
                        continue;
                    }
                    self.pos = p;
                    let c = self.unicode_escape()?;
                    p = self.pos;
                    let mut utf8 = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
                }
                _ => {
                    self.pos = p;
                    return Err("invalid escape");
                }
            }
        }
        // SAFETY: `out` is runs of the header cut at ASCII bytes (UTF-8, as the whole header
        // is) and the UTF-8 encodings of escaped chars.
        Ok(unsafe { String::from_utf8_unchecked(out) })
    }

    /// The character of a `\uXXXX` escape (after the `u`), a surrogate pair's included.
    fn unicode_escape(&mut self) -> Scan<char> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high).ok_or("invalid \\u escape");
        }
        if !(self.eat_raw(b'\\') && self.eat_raw(b'u')) {
            return Err("unpaired surrogate in a \\u escape");
        }
        let low = self.hex4()?;
        if !(0xDC00..0xE000).contains(&low) {
            return Err("unpaired surrogate in a \\u escape");
        }
        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            .ok_or("invalid \\u escape")
    }

    fn hex4(&mut self) -> Scan<u32> {
        let digits = self
            .src
            .get(self.pos..self.pos + 4)
            .ok_or("truncated \\u escape")?;
        let mut v = 0;
        for &d in digits {
            v = v * 16 + (d as char).to_digit(16).ok_or("invalid \\u escape")?;
        }
        self.pos += 4;
        Ok(v)
    }

    /// Skips any JSON value (an unknown field's).
    fn skip_value(&mut self, depth: usize) -> Scan<()> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply");
        }
        self.skip_ws();
        match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                if self.eat(b'}') {
                    return Ok(());
                }
                loop {
                    self.string_span()?;
                    self.expect(b':')?;
                    self.skip_value(depth + 1)?;
                    if !self.eat(b',') {
                        return self.expect(b'}');
                    }
                }
            }
            Some(b'[') => {
                self.pos += 1;
                if self.eat(b']') {
                    return Ok(());
                }
                loop {
                    self.skip_value(depth + 1)?;
                    if !self.eat(b',') {
                        return self.expect(b']');
                    }
                }
            }
            Some(b'"') => self.string_span().map(drop),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ if self.literal("true") || self.literal("false") || self.literal("null") => Ok(()),
            _ => Err("expected a value"),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.buf.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Consumes `b` (after whitespace) if it is next.
    fn eat(&mut self, b: u8) -> bool {
        self.skip_ws();
        self.eat_raw(b)
    }

    fn eat_raw(&mut self, b: u8) -> bool {
        let next = self.peek() == Some(b);
        if next {
            self.pos += 1;
        }
        next
    }

    fn expect(&mut self, b: u8) -> Scan<()> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(match b {
                b'{' => "expected '{'",
                b'}' => "expected ',' or '}'",
                b']' => "expected ',' or ']'",
                b':' => "expected ':'",
                b'"' => "expected a string",
                _ => "unexpected character",
            })
        }
    }

    fn literal(&mut self, word: &str) -> bool {
        let next = self.buf[self.pos..].starts_with(word.as_bytes());
        if next {
            self.pos += word.len();
        }
        next
    }
}

/// The index of the first `"` or `\\` in `b`, eight bytes a step: a header's strings are
/// short, and memchr's vector set-up cost more than the scan itself.
fn find_quote_or_backslash(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let m = quote_or_backslash(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b[i..]
        .iter()
        .position(|&c| c == b'"' || c == b'\\')
        .map(|p| i + p)
}

/// The high bit set in each byte of `w` (eight bytes, little-endian) that is a quote or a
/// backslash; bits above the lowest may be false positives (a borrow), the lowest never is.
fn quote_or_backslash(w: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let equal = |c: u8| {
        let x = w ^ (LO * c as u64);
        x.wrapping_sub(LO) & !x & HI
    };
    equal(b'"') | equal(b'\\')
}

/// The value of an ASCII hex digit.
fn hex_digit(d: u8) -> Option<u8> {
    match d {
        b'0'..=b'9' => Some(d - b'0'),
        b'a'..=b'f' => Some(d - b'a' + 10),
        b'A'..=b'F' => Some(d - b'A' + 10),
        _ => None,
    }
}

/// A number as Java's string of it: an integer as it reads, anything else through a
/// double, whole doubles without a fraction (as a Java Long would print).
fn number_as_java_string(text: &str) -> Scan<String> {
    if let Ok(v) = text.parse::<i64>() {
        return Ok(v.to_string());
    }
    if let Ok(v) = text.parse::<u64>() {
        return Ok(v.to_string());
    }
    let v: f64 = text.parse().map_err(|_| "expected a number")?;
    Ok(if v.fract() == 0.0 && v.abs() < 9.0e15 {
        (v as i64).to_string()
    } else {
        v.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> Result<RemotingCommand, RemotingError> {
        decode_json_header(&Bytes::copy_from_slice(s.as_bytes()))
    }

    #[test]
    fn strings_with_and_without_escapes() {
        let cmd = decode(
            r#"{"code":310,"extFields":{"i":"TAGS\u0001A\u0002K\u0001\"q\\\/\ud83d\ude00","b":"T"},"remark":null,"unknown":[{"x":[1,2.5e3,true,null]}],"flag":0}"#,
        )
        .unwrap();
        assert_eq!(cmd.code, 310);
        assert_eq!(cmd.ext("i"), Some("TAGS\u{1}A\u{2}K\u{1}\"q\\/\u{1F600}"));
        assert_eq!(cmd.ext("b"), Some("T"));
        assert_eq!(cmd.remark, None);
        assert_eq!(cmd.ext_fields.len(), 2);
    }

    #[test]
    fn short_values_read_the_same_near_the_end_of_the_header_or_not() {
        let long = "v".repeat(60);
        let (y38, z39) = ("y".repeat(38), "z".repeat(39));
        for value in ["", "x", "TBW102", y38.as_str(), z39.as_str(), long.as_str()] {
            let near_end = format!(r#"{{"extFields":{{"k":"{value}"}}}}"#);
            let far = format!(r#"{{"extFields":{{"k":"{value}"}},"remark":"{long}"}}"#);
            for json in [near_end, far] {
                let cmd = decode(&json).unwrap();
                assert_eq!(cmd.ext("k"), Some(value), "{json}");
                assert_eq!(cmd.ext_fields["k"], HeaderStr::from(value));
            }
        }
    }

    #[test]
    fn numbers_read_as_java_prints_them() {
        let cmd =
            decode(r#"{"extFields":{"a":-0,"b":3.0,"c":1e2,"d":18446744073709551615,"e":-7}}"#)
                .unwrap();
        let got: Vec<_> = cmd.ext_fields.iter().map(|(_, v)| v.to_string()).collect();
        assert_eq!(got, ["0", "3", "100", "18446744073709551615", "-7"]);
    }

    #[test]
    fn the_quote_search_finds_the_first_quote_or_backslash() {
        let mut next = crate::util::xorshift(0x2545_f491_4f6c_dd1du64);
        for _ in 0..5000 {
            let rng = next();
            let len = (rng % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|i| match (rng >> (i % 60)) % 23 {
                    0 => b'"',
                    1 => b'\\',
                    2 => 0x80 | (i as u8),
                    3 => b'"' ^ 0x80,
                    4 => b'\\' + 1,
                    _ => b'a' + (i % 26) as u8,
                })
                .collect();
            let naive = bytes.iter().position(|&c| c == b'"' || c == b'\\');
            assert_eq!(find_quote_or_backslash(&bytes), naive, "{bytes:?}");
        }
    }

    /// A JSON string literal of `s` with every char escaped (`\\uXXXX`, surrogate pairs too)
    /// where `pick` says so, and quote and backslash always.
    fn literal(s: &str, mut pick: impl FnMut() -> u64) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            let escape = c == '"' || c == '\\' || (c as u32) < 0x20 || pick().is_multiple_of(3);
            if !escape {
                out.push(c);
                continue;
            }
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&if pick().is_multiple_of(2) {
                    format!("\\u{u:04x}")
                } else {
                    format!("\\u{u:04X}")
                });
            }
        }
        out.push('"');
        out
    }

    #[test]
    fn headers_of_any_shape_read_as_serde_json_reads_them() {
        let mut next = crate::util::xorshift(0x6a09_e667_f3bc_c908u64);
        let alphabet: Vec<char> = "ab\u{1}\u{2}\"\\/\n\t é€😀x0".chars().collect();
        for round in 0..3000 {
            let ws = |next: &mut dyn FnMut() -> u64| [" ", "", "", "\n "][(next() % 4) as usize];
            let mut expected: Vec<(String, String)> = Vec::new();
            let mut fields = Vec::new();
            for _ in 0..next() % 8 {
                let key: String = match next() % 4 {
                    0 => ((b'a' + (next() % 26) as u8) as char).to_string(),
                    1 => ((b'A' + (next() % 26) as u8) as char).to_string(),
                    2 => "ab".to_string(),
                    _ => format!("key{}", next() % 5),
                };
                let (value, text) = match next() % 6 {
                    0 => ("null".to_string(), None),
                    1 => ("true".to_string(), Some("true".to_string())),
                    2 => {
                        let n = (next() % 2_000_000) as i64 - 1_000_000;
                        (n.to_string(), Some(n.to_string()))
                    }
                    _ => {
                        let len = (next() % 30) as usize;
                        let v: String = (0..len)
                            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                            .collect();
                        (literal(&v, &mut next), Some(v))
                    }
                };
                let key_literal = if next().is_multiple_of(4) {
                    literal(&key, &mut next)
                } else {
                    format!("\"{key}\"")
                };
                fields.push(format!(
                    "{}{key_literal}{}:{}{value}{}",
                    ws(&mut next),
                    ws(&mut next),
                    ws(&mut next),
                    ws(&mut next)
                ));
                if let Some(text) = text {
                    expected.retain(|(k, _)| *k != key);
                    expected.push((key, text));
                }
            }
            expected.sort();
            let opaque = (next() % 4_000_000_000) as i64 - 2_000_000_000;
            let json = format!(
                "{{{}\"code\":{},\"extFields\":{{{}}},\"opaque\"{}:{}{opaque}}}",
                ws(&mut next),
                round,
                fields.join(","),
                ws(&mut next),
                ws(&mut next),
            );
            let reference: serde_json::Value = serde_json::from_str(&json).expect(&json);
            assert_eq!(reference["opaque"].as_i64(), Some(opaque), "{json}");
            let cmd = decode(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(cmd.code, round, "{json}");
            assert_eq!(cmd.opaque, opaque as i32, "{json}");
            let got: Vec<(String, String)> = cmd
                .ext_fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            assert_eq!(got, expected, "{json}");
        }
    }

    #[test]
    fn escapes_at_every_place_of_the_eight_byte_steps() {
        for at in 0..20 {
            for (escape, decoded) in [
                ("\\u0001", "\u{1}"),
                ("\\u007f", "\u{7f}"),
                ("\\u00e9", "é"),
                ("\\\"", "\""),
                ("\\\\", "\\"),
                ("\\ud83d\\ude00", "\u{1F600}"),
            ] {
                let (before, after) = ("x".repeat(at), "y".repeat(20 - at));
                let json = format!(r#"{{"extFields":{{"k":"{before}{escape}{after}{escape}"}}}}"#);
                let want = format!("{before}{decoded}{after}{decoded}");
                assert_eq!(
                    decode(&json).unwrap().ext("k"),
                    Some(want.as_str()),
                    "{json}"
                );
                let cut = &json[..json.len() - 3];
                assert!(decode(cut).is_err(), "{cut}");
            }
        }
    }

    #[test]
    fn integers_out_of_range_or_not_plain_are_refused() {
        for (text, want) in [
            ("0", Some(0)),
            ("-0", Some(0)),
            ("7", Some(7)),
            ("2147483647", Some(i32::MAX)),
            ("-2147483648", Some(i32::MIN)),
            ("2147483648", None),
            ("-2147483649", None),
            ("9999999999", None),
            ("12345678901", None),
            ("00", None),
            ("-01", None),
            ("1.0", None),
            ("1e2", None),
            ("-", None),
            ("+1", None),
        ] {
            let got = decode(&format!(r#"{{"code":{text}}}"#))
                .ok()
                .map(|c| c.code);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn every_cut_of_a_real_send_header_is_refused() {
        let header = r#"{"code":310,"extFields":{"a":"java_producer_group","b":"TopicTest","c":"TBW102","d":"4","e":"0","f":"0","g":"1795535089313","h":"0","i":"KEYS\u0001key-0\u0002UNIQ_KEY\u0001FD00000000000000000000000000000218E71DBD16A679D346A00000\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u00e9\ud83d\ude00","j":"0","k":"false","m":"false","n":"broker-a"},"flag":0,"language":"JAVA","opaque":3,"serializeTypeCurrentRPC":"JSON","version":409}"#;
        let cmd = decode(header).unwrap();
        assert_eq!(
            cmd.ext("i"),
            Some(
                "KEYS\u{1}key-0\u{2}UNIQ_KEY\u{1}FD00000000000000000000000000000218E71DBD16A679D346A00000\u{2}WAIT\u{1}true\u{2}TAGS\u{1}TagA\u{e9}\u{1F600}"
            )
        );
        assert_eq!(cmd.ext_fields.len(), 13);
        for cut in 0..header.len() {
            assert!(decode(&header[..cut]).is_err(), "{}", &header[..cut]);
        }
        // Non-ASCII at every place relative to the eight-byte steps, and bytes that are not
        // UTF-8 there too.
        for at in 0..16 {
            let value = format!("{}é{}", "v".repeat(at), "w".repeat(16 - at));
            let json = format!(r#"{{"extFields":{{"k":"{value}"}}}}"#);
            assert_eq!(decode(&json).unwrap().ext("k"), Some(value.as_str()));
            let mut bad = json.clone().into_bytes();
            let e = bad.iter().position(|&b| b >= 0x80).unwrap();
            bad[e + 1] = b'x';
            assert!(decode_json_header(&Bytes::from(bad)).is_err());
        }
    }

    #[test]
    fn malformed_headers_are_refused() {
        for bad in [
            "",
            "{",
            r#"{"code":}"#,
            r#"{"code":1"#,
            r#"{"code":1} x"#,
            r#"{"code":99999999999}"#,
            r#"{"code":"1"}"#,
            r#"{"extFields":{"a":{"b":1}}}"#,
            r#"{"extFields":{"a":"x\q"}}"#,
            r#"{"remark":"\ud800"}"#,
            r#"{"remark":"abc}"#,
            r#"{"x":01}"#,
        ] {
            assert!(decode(bad).is_err(), "{bad:?} was accepted");
        }
        let deep = format!(r#"{{"x":{}{}}}"#, "[".repeat(200), "]".repeat(200));
        assert!(decode(&deep).is_err());
        assert!(decode(" { } \n").is_ok());
    }
}
