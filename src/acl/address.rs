//! RemoteAddressStrategy: the address patterns of plain_acl.yml
//! (globalWhiteRemoteAddresses, an account's whiteRemoteAddress) and whether
//! a client's IP matches one, with RocketMQ's forms: blank (matches nothing),
//! `*` (everything), one address, `a.b.c.{1,2}` or `a,b` lists, and ranges
//! with `*` or `n-m` in the trailing parts, for IPv4 and IPv6.

use std::collections::HashSet;
use std::net::{Ipv4Addr, Ipv6Addr};

use super::AclError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteAddressStrategy {
    /// No pattern: matches no address.
    Blank,
    /// `*`, `*.*.*.*`, `*:*:*:*:*:*:*:*`: matches every address.
    Any,
    /// Exact addresses (IPv6 ones expanded, upper case).
    Multiple(HashSet<String>),
    One(String),
    Range(Range),
}

/// A range over one part of an address, after a fixed head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    head: String,
    start: u32,
    end: u32,
    index: usize,
    v6: bool,
}

fn bad(pattern: &str) -> AclError {
    AclError(format!(
        "Netaddress examine Exception netaddress is {pattern}"
    ))
}

fn is_v4(s: &str) -> bool {
    s.parse::<Ipv4Addr>().is_ok()
}

fn is_v6(s: &str) -> bool {
    s.parse::<Ipv6Addr>().is_ok()
}

/// StringUtils.split: pieces between separators, empty ones dropped.
fn split(s: &str, sep: char) -> Vec<&str> {
    s.split(sep).filter(|p| !p.is_empty()).collect()
}

/// AclUtils#expandIP: an IPv6 address (or its first `part` groups) with `::`
/// expanded and each group padded to four upper-case hex digits.
pub fn expand_ip(address: &str, part: usize) -> String {
    let mut a = address.to_uppercase();
    let colons = a.matches(':').count();
    if part > colons {
        let pad = ":".repeat(part - colons + 1);
        a = a.replace("::", &pad);
    }
    a.split(':')
        .map(|g| format!("{g:0>4}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn parse_u32(s: &str, radix: u32, pattern: &str) -> Result<u32, AclError> {
    u32::from_str_radix(s.trim(), radix).map_err(|_| bad(pattern))
}

impl RemoteAddressStrategy {
    /// RemoteAddressStrategyFactory#getRemoteAddressStrategy.
    pub fn parse(pattern: Option<&str>) -> Result<Self, AclError> {
        let p = match pattern.map(str::trim) {
            None | Some("") => return Ok(RemoteAddressStrategy::Blank),
            Some(p) => p,
        };
        if p == "*" || p == "*.*.*.*" || p == "*:*:*:*:*:*:*:*" {
            return Ok(RemoteAddressStrategy::Any);
        }
        if p.ends_with('}') {
            let brace = p.find('{').ok_or_else(|| bad(p))?;
            let sep = if p.contains(':') { ':' } else { '.' };
            if sep == '.' && split(p, '.').len() < 4 {
                return Err(AclError(format!(
                    "MultipleRemoteAddressStrategy has got a/some wrong format IP(s) {p}"
                )));
            }
            let prefix = &p[..brace];
            if !prefix.is_empty() && !prefix.ends_with(sep) {
                return Err(bad(p));
            }
            let list: Vec<String> = split(&p[brace + 1..p.len() - 1], ',')
                .into_iter()
                .map(|last| format!("{prefix}{last}"))
                .collect();
            return Self::multiple(&list);
        }
        if p.contains(',') {
            let list: Vec<String> = split(p, ',').into_iter().map(String::from).collect();
            return Self::multiple(&list);
        }
        if p.contains('*') || p.contains('-') {
            return Range::parse(p).map(RemoteAddressStrategy::Range);
        }
        if is_v4(p) || is_v6(p) {
            return Ok(RemoteAddressStrategy::One(p.to_string()));
        }
        Err(bad(p))
    }

    fn multiple(list: &[String]) -> Result<Self, AclError> {
        let mut set = HashSet::new();
        for a in list {
            let a = a.trim();
            if is_v4(a) {
                set.insert(a.to_string());
            } else if is_v6(a) {
                set.insert(expand_ip(a, 8));
            } else {
                return Err(bad(a));
            }
        }
        Ok(RemoteAddressStrategy::Multiple(set))
    }

    /// Whether a client at `ip` (no port) matches.
    pub fn matches(&self, ip: &str) -> bool {
        match self {
            RemoteAddressStrategy::Blank => false,
            RemoteAddressStrategy::Any => true,
            RemoteAddressStrategy::Multiple(set) => {
                if is_v6(ip) {
                    set.contains(&expand_ip(ip, 8))
                } else {
                    set.contains(ip)
                }
            }
            RemoteAddressStrategy::One(a) => {
                expand_ip(a, 8).to_uppercase() == expand_ip(ip, 8).to_uppercase()
            }
            RemoteAddressStrategy::Range(r) => r.matches(ip),
        }
    }
}

impl Range {
    fn parse(p: &str) -> Result<Range, AclError> {
        let scope = || {
            AclError(format!(
                "RangeRemoteAddressStrategy netaddress examine scope Exception netaddress is {p}"
            ))
        };
        if p.contains(':') {
            return Self::parse_v6(p).ok_or_else(scope);
        }
        let parts = split(p, '.');
        if parts.len() != 4 {
            return Err(scope());
        }
        for index in 1..4 {
            let Some((start, end)) = part_range(parts[index], 10, 255, p)? else {
                continue;
            };
            // The parts before the range are plain numbers 0..=255.
            for fixed in &parts[..index] {
                if !matches!(fixed.trim().parse::<u32>(), Ok(n) if n <= 255) {
                    return Err(scope());
                }
            }
            let head: String = parts[..index]
                .iter()
                .map(|s| format!("{}.", s.trim()))
                .collect();
            return Ok(Range {
                head,
                start,
                end,
                index,
                v6: false,
            });
        }
        Err(scope())
    }

    fn parse_v6(p: &str) -> Option<Range> {
        // '*' may only end the pattern, and a '-' must be in its last group
        // (or the one before a trailing '*').
        let star = p.find('*');
        if star.is_some_and(|s| s != p.len() - 1) {
            return None;
        }
        let parts = split(p, ':');
        for part in parts.iter().skip(1) {
            let Some((start, end)) = part_range(part, 16, 0xffff, p).ok()? else {
                continue;
            };
            let is_star = p.contains('*');
            let is_minus = p.contains('-');
            let (sub, groups) = if is_star && is_minus {
                let last = p.rfind(':')?;
                let second = p[..last].rfind(':')?;
                (&p[..second], 6)
            } else if !is_star && !is_minus {
                (p, 8)
            } else {
                (&p[..p.rfind(':')?], 7)
            };
            let head = expand_ip(sub, groups);
            let index = head.split(':').filter(|g| !g.is_empty()).count();
            return Some(Range {
                head,
                start,
                end,
                index,
                v6: true,
            });
        }
        None
    }

    fn matches(&self, ip: &str) -> bool {
        if !self.v6 && is_v4(ip) {
            let Some(rest) = ip.strip_prefix(&self.head) else {
                return false;
            };
            // The part at `index`: what follows the head, up to the next '.'.
            let value = rest.split('.').next().unwrap_or("");
            return value
                .parse::<u32>()
                .is_ok_and(|v| v >= self.start && v <= self.end);
        }
        if self.v6 && is_v6(ip) {
            let full = expand_ip(ip, 8);
            if !full.starts_with(&self.head) {
                return false;
            }
            let from = 5 * self.index;
            return full
                .get(from..from + 4)
                .and_then(|g| u32::from_str_radix(g, 16).ok())
                .is_some_and(|v| v >= self.start && v <= self.end);
        }
        false
    }
}

/// One part of a range pattern: `*` (all of 0..=max), `n-m`, or None for a
/// plain number.
fn part_range(
    part: &str,
    radix: u32,
    max: u32,
    pattern: &str,
) -> Result<Option<(u32, u32)>, AclError> {
    let part = part.trim();
    if part == "*" {
        return Ok(Some((0, max)));
    }
    if part.contains('-') {
        let scope = || {
            AclError(format!(
                "RangeRemoteAddressStrategy netaddress examine scope Exception value {part} "
            ))
        };
        if part.starts_with('-') {
            return Err(scope());
        }
        let mut it = part.split('-').filter(|s| !s.is_empty());
        let start = parse_u32(it.next().ok_or_else(scope)?, radix, pattern)?;
        let end = parse_u32(it.next().ok_or_else(scope)?, radix, pattern)?;
        if start > end || end > max {
            return Err(scope());
        }
        return Ok(Some((start, end)));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(p: &str) -> RemoteAddressStrategy {
        RemoteAddressStrategy::parse(Some(p)).unwrap()
    }

    #[test]
    fn rocketmq_patterns() {
        assert!(
            !RemoteAddressStrategy::parse(None)
                .unwrap()
                .matches("1.2.3.4")
        );
        assert!(!s(" ").matches("1.2.3.4"));
        assert!(s("*").matches("1.2.3.4"));
        assert!(s("192.168.0.*").matches("192.168.0.77"));
        assert!(!s("192.168.0.*").matches("192.168.1.77"));
        assert!(s("10.10.103.10-20").matches("10.10.103.15"));
        assert!(!s("10.10.103.10-20").matches("10.10.103.21"));
        assert!(s("10.10.*.*").matches("10.10.7.8"));
        assert!(!s("10.10.*.*").matches("10.11.7.8"));
        assert!(s("127.0.0.1").matches("127.0.0.1"));
        assert!(!s("127.0.0.1").matches("127.0.0.2"));
        assert!(s("192.168.1.{1,2,3}").matches("192.168.1.2"));
        assert!(!s("192.168.1.{1,2,3}").matches("192.168.1.4"));
        assert!(s("1.1.1.1,2.2.2.2").matches("2.2.2.2"));
        assert!(s("::1").matches("0:0:0:0:0:0:0:1"));
        assert!(s("1050:0:0:0:5:600:300c:*").matches("1050::5:600:300c:326b"));
        assert!(!s("1050:0:0:0:5:600:300c:*").matches("1050::5:600:300d:326b"));
        assert!(s("1050::0005:0600:300c:1-2").matches("1050::5:600:300c:2"));
    }

    #[test]
    fn bad_patterns_are_refused() {
        for p in [
            "abc",
            "192.*",
            "1.2.3.5-1",
            "1.2.3.-5",
            "1.2.{3}",
            "1.2.3.{1,x}",
        ] {
            assert!(RemoteAddressStrategy::parse(Some(p)).is_err(), "{p}");
        }
    }

    #[test]
    fn expands_like_java() {
        assert_eq!(
            expand_ip("::1", 8),
            "0000:0000:0000:0000:0000:0000:0000:0001"
        );
        assert_eq!(
            expand_ip("1050::5:600:300c", 7),
            "1050:0000:0000:0000:0005:0600:300C"
        );
    }
}
