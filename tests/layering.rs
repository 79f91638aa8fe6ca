//! The dependency direction written in src/lib.rs, checked: every path into
//! another top-level module (`crate::x`, `use crate::{x, y}`, `super::`
//! climbing out of a module) in src/**/*.rs must be an edge the table below
//! allows. Test modules (`#[cfg(test)] mod ...`) are not checked: they do not
//! make the library depend on anything.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each top-level module and the modules it may use. Lower layers first;
/// modules named here but not yet in src/lib.rs are the rooms design.md
/// plans for (filter, bench, console).
const RULES: &[(&str, &[&str])] = &[
    ("util", &[]),
    ("config", &["util"]),
    ("remoting", &["util", "config"]),
    ("protocol", &["remoting", "util", "config"]),
    // The store keeps messages in the wire's record format, which protocol
    // owns; it knows nothing of connections or requests.
    ("store", &["protocol", "util", "config"]),
    ("filter", &["protocol", "util", "config"]),
    ("namesrv", &["protocol", "remoting", "util", "config"]),
    // Plain ACL: the broker's checks and the clients' signing hook.
    ("acl", &["protocol", "remoting", "util", "config"]),
    ("client", &["acl", "protocol", "remoting", "util", "config"]),
    ("render", &["util", "config"]),
    (
        "broker",
        &[
            "store", "filter", "acl", "protocol", "remoting", "util", "config",
        ],
    ),
    (
        "tui",
        &["client", "render", "protocol", "remoting", "util", "config"],
    ),
    (
        "console",
        &["client", "render", "protocol", "remoting", "util", "config"],
    ),
    (
        "bench",
        &[
            "client", "store", "render", "protocol", "remoting", "util", "config",
        ],
    ),
    // The fuzz targets' bodies (fuzz/, tests/fuzz_replay.rs) drive every decoder that reads
    // outside bytes; nothing in the library uses them.
    (
        "fuzz_targets",
        &[
            "store", "filter", "client", "protocol", "remoting", "util", "config",
        ],
    ),
    // The command line is the top: it starts the daemons and drives the rest.
    (
        "cli",
        &[
            "broker", "namesrv", "store", "filter", "client", "tui", "console", "bench", "render",
            "acl", "protocol", "remoting", "util", "config",
        ],
    ),
];

/// Single edges allowed into a submodule of a module the table forbids:
/// (from, to, submodule of `to`, why).
const EXCEPTIONS: &[(&str, &str, &str, &str)] = &[(
    "broker",
    "client",
    "namesrv",
    "a broker registers with its name servers as their client: it shares the \
     client's name server address list and failover rather than keeping a copy",
)];

/// One path from a file into another top-level module.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edge {
    line: usize,
    to: String,
    /// The segment after the module, when there is one (`client::namesrv`).
    sub: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Other(char),
}

/// Identifiers and punctuation of Rust source, without comments, strings
/// and character literals, each with its line.
fn tokens(src: &str) -> Vec<(usize, Tok)> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if let Some(end) = raw_string_end(&chars, i) {
            line += chars[i..end].iter().filter(|c| **c == '\n').count();
            i = end;
        } else if c == '"' || (c == 'b' && at(i + 1) == '"') {
            i += if c == 'b' { 2 } else { 1 };
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if at(i) == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 1;
        } else if c == '\'' || (c == 'b' && at(i + 1) == '\'') {
            let start = if c == 'b' { i + 1 } else { i };
            if at(start + 1) == '\\' {
                // An escaped character literal: to the closing quote.
                i = start + 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(start + 2) == '\'' {
                i = start + 3;
            } else {
                // A lifetime or label.
                out.push((line, Tok::Other('\'')));
                i = start + 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((line, Tok::Ident(chars[start..i].iter().collect())));
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((line, Tok::Other('0')));
        } else if c == ':' && at(i + 1) == ':' {
            out.push((line, Tok::PathSep));
            i += 2;
        } else {
            out.push((
                line,
                match c {
                    '{' => Tok::Open,
                    '}' => Tok::Close,
                    ',' => Tok::Comma,
                    c => Tok::Other(c),
                },
            ));
            i += 1;
        }
    }
    out
}

/// Where a raw string (`r"..."`, `r#"..."#`, `br#"..."#`) starting at `i`
/// ends, or `None` when none starts there.
fn raw_string_end(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    if chars.get(j) == Some(&'b') {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    // Not the tail of an identifier such as `for`.
    if i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while chars.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    if chars.get(j) != Some(&'"') {
        return None;
    }
    j += 1;
    while j < chars.len() {
        if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
    Some(chars.len())
}

/// The module path of a file under src/: `src/cli/group.rs` is
/// `["cli", "group"]`, `src/namesrv/processor/mod.rs` is
/// `["namesrv", "processor"]`.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

/// The paths in `src` (the file at `rel` under src/) that name a top-level
/// module in `modules`, other than the file's own.
fn edges(rel: &Path, src: &str, modules: &BTreeSet<String>) -> Vec<Edge> {
    let toks = tokens(src);
    let file_path = module_path(rel);
    let ident = |i: usize| match toks.get(i) {
        Some((_, Tok::Ident(s))) => Some(s.as_str()),
        _ => None,
    };
    let is = |i: usize, t: &Tok| toks.get(i).map(|(_, x)| x) == Some(t);
    let mut out = Vec::new();
    // Inline modules entered: (name, brace depth outside it, is a test module).
    let mut inline: Vec<(String, usize, bool)> = Vec::new();
    let mut depth = 0usize;
    let mut cfg_test = false;
    let mut i = 0;
    while i < toks.len() {
        let (line, tok) = &toks[i];
        match tok {
            Tok::Open => depth += 1,
            Tok::Close => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d, _)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Other('#')
                if is(i + 1, &Tok::Other('['))
                    && ident(i + 2) == Some("cfg")
                    && is(i + 3, &Tok::Other('('))
                    && ident(i + 4) == Some("test")
                    && is(i + 5, &Tok::Other(')')) =>
            {
                cfg_test = true;
            }
            Tok::Ident(kw) if kw == "mod" => {
                if let Some(name) = ident(i + 1)
                    && is(i + 2, &Tok::Open)
                {
                    inline.push((name.to_string(), depth, cfg_test));
                }
                cfg_test = false;
            }
            Tok::Other(';') => cfg_test = false,
            _ => {}
        }
        let in_test = inline.iter().any(|(_, _, t)| *t);
        let after_dollar = i > 0 && toks[i - 1].1 == Tok::Other('$');
        let starts_path = i == 0 || toks[i - 1].1 != Tok::PathSep;
        let root_at = match ident(i) {
            Some("crate") if !after_dollar && is(i + 1, &Tok::PathSep) => Some(i + 2),
            Some("super") if starts_path && is(i + 1, &Tok::PathSep) => {
                let mut here: Vec<String> = file_path.clone();
                here.extend(inline.iter().map(|(n, _, _)| n.clone()));
                let mut j = i;
                let mut climbed_out = false;
                while ident(j) == Some("super") && is(j + 1, &Tok::PathSep) {
                    if here.pop().is_none() {
                        climbed_out = true;
                    }
                    j += 2;
                }
                (here.is_empty() && !climbed_out).then_some(j)
            }
            _ => None,
        };
        if let Some(j) = root_at
            && !in_test
        {
            for (to, sub) in root_segments(&toks, j) {
                if modules.contains(&to) && file_path.first() != Some(&to) {
                    out.push(Edge {
                        line: *line,
                        to,
                        sub,
                    });
                }
            }
        }
        i += 1;
    }
    out
}

/// The first segments (and the ones after them) of the path or use tree
/// starting at `j`, just after `crate::`: one for `crate::a::b`, one per
/// item for `crate::{a::b, c}`.
fn root_segments(toks: &[(usize, Tok)], j: usize) -> Vec<(String, Option<String>)> {
    let seg = |k: usize| -> Option<(String, Option<String>)> {
        let Some((_, Tok::Ident(name))) = toks.get(k) else {
            return None;
        };
        let sub = match (toks.get(k + 1), toks.get(k + 2)) {
            (Some((_, Tok::PathSep)), Some((_, Tok::Ident(s)))) => Some(s.clone()),
            _ => None,
        };
        Some((name.clone(), sub))
    };
    if toks.get(j).map(|(_, t)| t) != Some(&Tok::Open) {
        return seg(j).into_iter().collect();
    }
    let mut out = Vec::new();
    let mut depth = 0;
    let mut k = j;
    while k < toks.len() {
        match &toks[k].1 {
            Tok::Open => {
                depth += 1;
                if depth == 1 {
                    out.extend(seg(k + 1));
                }
            }
            Tok::Close => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Tok::Comma if depth == 1 => out.extend(seg(k + 1)),
            _ => {}
        }
        k += 1;
    }
    out
}

/// What is wrong with `edge` from `from`, or `None` when the rules allow it.
fn forbidden(from: &str, edge: &Edge) -> Option<String> {
    let Some((_, allowed)) = RULES.iter().find(|(m, _)| *m == from) else {
        return Some(format!(
            "module `{from}` has no row in tests/layering.rs RULES: add it with the modules it may use"
        ));
    };
    if allowed.contains(&edge.to.as_str()) {
        return None;
    }
    if EXCEPTIONS
        .iter()
        .any(|(f, t, s, _)| *f == from && *t == edge.to && edge.sub.as_deref() == Some(*s))
    {
        return None;
    }
    Some(format!(
        "forbidden edge {from} -> {}{} ({from} may use: {})",
        edge.to,
        edge.sub
            .as_deref()
            .map(|s| format!("::{s}"))
            .unwrap_or_default(),
        if allowed.is_empty() {
            "nothing".to_string()
        } else {
            allowed.join(", ")
        }
    ))
}

/// Every violation in `files` (paths relative to src/, and their text), as
/// `src/<path>:<line>: <what>`.
fn violations(files: &[(PathBuf, String)], modules: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for (rel, text) in files {
        let path = module_path(rel);
        let Some(from) = path.first() else {
            continue;
        };
        for edge in edges(rel, text, modules) {
            if let Some(why) = forbidden(from, &edge) {
                out.push(format!("src/{}:{}: {why}", rel.display(), edge.line));
            }
        }
    }
    out
}

/// The top-level modules src/lib.rs declares.
fn lib_modules(lib: &str) -> BTreeSet<String> {
    lib.lines()
        .filter_map(|l| {
            let l = l.trim();
            let l = l.strip_prefix("pub ").unwrap_or(l);
            l.strip_prefix("mod ")?
                .strip_suffix(';')
                .map(|m| m.trim().to_string())
        })
        .collect()
}

fn rust_files(dir: &Path, root: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn lower_layers_never_import_higher_ones() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = lib_modules(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    for m in &modules {
        assert!(
            RULES.iter().any(|(r, _)| r == m),
            "src/lib.rs declares `{m}`, which has no row in tests/layering.rs RULES: \
             add it with the modules it may use"
        );
    }
    let mut files = Vec::new();
    rust_files(&src, &src, &mut files);
    // The binary is not part of the library's layers.
    files.retain(|(rel, _)| rel != Path::new("main.rs") && rel != Path::new("lib.rs"));
    assert!(
        files.len() > 50,
        "read only {} files under src/",
        files.len()
    );
    let found = violations(&files, &modules);
    assert!(
        found.is_empty(),
        "imports against the layering in src/lib.rs:\n{}",
        found.join("\n")
    );
}

fn check(path: &str, text: &str) -> Vec<String> {
    let modules: BTreeSet<String> = RULES.iter().map(|(m, _)| m.to_string()).collect();
    violations(&[(PathBuf::from(path), text.to_string())], &modules)
}

#[test]
fn the_checker_sees_every_form_of_path() {
    assert_eq!(
        check(
            "tui/once.rs",
            "use crate::cli::output::{Render, new_table};\n"
        ),
        [
            "src/tui/once.rs:1: forbidden edge tui -> cli::output (tui may use: client, render, protocol, remoting, util, config)"
        ]
    );
    // A use tree, nested groups and a path in an expression.
    let found = check(
        "store/x.rs",
        "use crate::{protocol::message, broker::{a, b}};\n\nfn f() { crate::client::go(); }\n",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("src/store/x.rs:1: forbidden edge store -> broker"));
    assert!(found[1].starts_with("src/store/x.rs:3: forbidden edge store -> client::go"));
    // super:: climbing out of the module, from a file and from inline modules.
    assert_eq!(
        check("protocol/route.rs", "use super::super::client::X;\n").len(),
        1
    );
    assert_eq!(
        check("remoting/mod.rs", "use super::protocol::Header;\n").len(),
        1
    );
    assert_eq!(
        check(
            "remoting/mod.rs",
            "mod inner { use super::super::protocol::Header; }\n"
        )
        .len(),
        1
    );
    assert!(
        check(
            "cli/group.rs",
            "use super::CliError; use super::super::client::X;\n"
        )
        .is_empty()
    );
    assert!(
        check(
            "remoting/codec.rs",
            "use super::command::RemotingCommand;\n"
        )
        .is_empty()
    );
}

#[test]
fn the_checker_skips_comments_strings_tests_and_allowed_edges() {
    let src = r##"
//! Uses crate::broker::Broker in a doc comment only.
/* crate::broker in a block comment */
const S: &str = "crate::broker::x";
const R: &str = r#"crate::broker::"x""#;
const C: char = '"';
fn f<'a>(x: &'a str) -> &'a str { x }
macro_rules! m { () => { $crate::broker::x() } }
#[cfg(test)]
mod tests {
    use crate::broker::Broker;
}
"##;
    assert_eq!(check("store/a.rs", src), Vec::<String>::new());
    // A line after the test module is checked again.
    let after = format!("{src}use crate::broker::Late;\n");
    assert_eq!(check("store/a.rs", &after).len(), 1);
    // The one exception, and only it.
    assert!(
        check(
            "broker/registration.rs",
            "use crate::client::namesrv::NamesrvAddrs;\n"
        )
        .is_empty()
    );
    assert_eq!(
        check("broker/registration.rs", "use crate::client::Producer;\n").len(),
        1
    );
}
