//! The selector's tokens (SelectorParser.jj's TOKEN sections): case-insensitive keywords,
//! identifiers of letters, digits, `_` and `$`, single-quoted strings with `''` for a quote,
//! decimal (`L` suffix allowed) and floating literals, the operators, and `--` / `/* */`
//! comments.

use super::SqlError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Keyword {
    Not,
    And,
    Or,
    Between,
    In,
    True,
    False,
    Null,
    Is,
}

const KEYWORDS: [(&str, Keyword); 9] = [
    ("NOT", Keyword::Not),
    ("AND", Keyword::And),
    ("OR", Keyword::Or),
    ("BETWEEN", Keyword::Between),
    ("IN", Keyword::In),
    ("TRUE", Keyword::True),
    ("FALSE", Keyword::False),
    ("NULL", Keyword::Null),
    ("IS", Keyword::Is),
];

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok<'s> {
    Keyword(Keyword),
    Ident(&'s str),
    /// The string's value, quotes removed and `''` made one quote.
    Str(String),
    Decimal(&'s str),
    Float(&'s str),
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    LParen,
    RParen,
    Comma,
    Plus,
    Minus,
    Eof,
}

impl Tok<'_> {
    /// How an error message names the token.
    pub(super) fn describe(&self) -> String {
        match self {
            Tok::Keyword(k) => KEYWORDS
                .iter()
                .find(|(_, kw)| kw == k)
                .map_or(String::new(), |(s, _)| s.to_string()),
            Tok::Ident(s) => format!("property {s}"),
            Tok::Str(s) => format!("string '{}'", s.replace('\'', "''")),
            Tok::Decimal(s) | Tok::Float(s) => format!("number {s}"),
            Tok::Eq => "'='".into(),
            Tok::Ne => "'<>'".into(),
            Tok::Gt => "'>'".into(),
            Tok::Ge => "'>='".into(),
            Tok::Lt => "'<'".into(),
            Tok::Le => "'<='".into(),
            Tok::LParen => "'('".into(),
            Tok::RParen => "')'".into(),
            Tok::Comma => "','".into(),
            Tok::Plus => "'+'".into(),
            Tok::Minus => "'-'".into(),
            Tok::Eof => "the end of the expression".into(),
        }
    }
}

/// A token and the byte offset it starts at.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token<'s> {
    pub tok: Tok<'s>,
    pub offset: usize,
}

/// Every token of `sql`, ending with `Eof`.
pub(super) fn tokenize(sql: &str) -> Result<Vec<Token<'_>>, SqlError> {
    let b = sql.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        i = skip_blanks_and_comments(sql, i)?;
        if i >= b.len() {
            out.push(Token {
                tok: Tok::Eof,
                offset: b.len(),
            });
            return Ok(out);
        }
        let start = i;
        let c = b[i];
        let tok = match c {
            b'=' => {
                i += 1;
                Tok::Eq
            }
            b'<' if b.get(i + 1) == Some(&b'>') => {
                i += 2;
                Tok::Ne
            }
            b'<' if b.get(i + 1) == Some(&b'=') => {
                i += 2;
                Tok::Le
            }
            b'<' => {
                i += 1;
                Tok::Lt
            }
            b'>' if b.get(i + 1) == Some(&b'=') => {
                i += 2;
                Tok::Ge
            }
            b'>' => {
                i += 1;
                Tok::Gt
            }
            b'(' => {
                i += 1;
                Tok::LParen
            }
            b')' => {
                i += 1;
                Tok::RParen
            }
            b',' => {
                i += 1;
                Tok::Comma
            }
            b'+' => {
                i += 1;
                Tok::Plus
            }
            b'-' => {
                i += 1;
                Tok::Minus
            }
            b'\'' => {
                let (value, end) = string_literal(sql, i)?;
                i = end;
                Tok::Str(value)
            }
            b'0'..=b'9' | b'.' => {
                let (tok, end) = number(sql, i)?;
                i = end;
                tok
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => {
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'$')
                {
                    i += 1;
                }
                let word = &sql[start..i];
                match KEYWORDS.iter().find(|(k, _)| k.eq_ignore_ascii_case(word)) {
                    Some((_, k)) => Tok::Keyword(*k),
                    None => Tok::Ident(word),
                }
            }
            _ => {
                let ch = sql[i..].chars().next().unwrap_or('?');
                return Err(SqlError::at(sql, i, format!("unexpected character {ch:?}")));
            }
        };
        out.push(Token { tok, offset: start });
    }
}

fn skip_blanks_and_comments(sql: &str, mut i: usize) -> Result<usize, SqlError> {
    let b = sql.as_bytes();
    loop {
        match b.get(i) {
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') => i += 1,
            // A line comment needs its line end; without one the dashes are two minus signs,
            // as in the Java grammar.
            Some(b'-') if b.get(i + 1) == Some(&b'-') => {
                match b[i + 2..].iter().position(|&c| c == b'\n' || c == b'\r') {
                    Some(p) => i += 2 + p + 1,
                    None => return Ok(i),
                }
            }
            Some(b'/') if b.get(i + 1) == Some(&b'*') => match sql[i + 2..].find("*/") {
                Some(p) => i += 2 + p + 2,
                None => return Err(SqlError::at(sql, i, "unterminated comment")),
            },
            _ => return Ok(i),
        }
    }
}

/// The value of the string literal at `start` and the offset after it.
fn string_literal(sql: &str, start: usize) -> Result<(String, usize), SqlError> {
    let b = sql.as_bytes();
    let mut value = String::new();
    let mut i = start + 1;
    let mut from = i;
    loop {
        match memchr::memchr(b'\'', &b[i..]) {
            None => return Err(SqlError::at(sql, start, "unterminated string literal")),
            Some(p) => {
                let q = i + p;
                if b.get(q + 1) == Some(&b'\'') {
                    value.push_str(&sql[from..=q]);
                    i = q + 2;
                    from = i;
                } else {
                    value.push_str(&sql[from..q]);
                    return Ok((value, q + 1));
                }
            }
        }
    }
}

/// A DECIMAL_LITERAL (`0` or a non-zero digit then digits, optional `L`) or a
/// FLOATING_POINT_LITERAL (`5.`, `5.5`, `.5`, `5E10`, with an optional exponent), the longest
/// that matches, as JavaCC takes it.
fn number(sql: &str, start: usize) -> Result<(Tok<'_>, usize), SqlError> {
    let b = sql.as_bytes();
    let digits = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let exponent = |i: usize| -> Option<usize> {
        if !matches!(b.get(i), Some(b'e' | b'E')) {
            return None;
        }
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let end = digits(j);
        (end > j).then_some(end)
    };
    let int_end = digits(start);
    if int_end == start {
        // A leading dot: only a float.
        let frac_end = digits(start + 1);
        if frac_end == start + 1 {
            return Err(SqlError::at(sql, start, "unexpected character '.'"));
        }
        let end = exponent(frac_end).unwrap_or(frac_end);
        return Ok((Tok::Float(&sql[start..end]), end));
    }
    if b.get(int_end) == Some(&b'.') {
        let frac_end = digits(int_end + 1);
        let end = exponent(frac_end).unwrap_or(frac_end);
        return Ok((Tok::Float(&sql[start..end]), end));
    }
    if let Some(end) = exponent(int_end) {
        return Ok((Tok::Float(&sql[start..end]), end));
    }
    if b[start] == b'0' {
        return Ok((Tok::Decimal(&sql[start..start + 1]), start + 1));
    }
    let end = if matches!(b.get(int_end), Some(b'l' | b'L')) {
        int_end + 1
    } else {
        int_end
    };
    Ok((Tok::Decimal(&sql[start..end]), end))
}
