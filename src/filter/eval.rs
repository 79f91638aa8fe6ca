//! The compiled selector and its evaluation (RocketMQ's ComparisonExpression, LogicExpression,
//! UnaryExpression, ConstantExpression and PropertyExpression): three-valued logic where
//! unknown (a missing property) never matches, and Java's conversions between the value types.
//! Evaluation reads property values in place and allocates nothing.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::fmt;

/// A literal of the selector.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Constant {
    /// NULL, TRUE and FALSE are Java's BooleanConstantExpression; the rest plain constants.
    Null,
    Bool(bool),
    /// A decimal literal that fits a Java int.
    Int(i32),
    Long(i64),
    Double(f64),
    Str(Box<str>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CmpOp {
    Gt,
    Ge,
    Lt,
    Le,
}

impl CmpOp {
    fn symbol(self) -> &'static str {
        match self {
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
        }
    }

    fn holds(self, o: Ordering) -> bool {
        match self {
            CmpOp::Gt => o.is_gt(),
            CmpOp::Ge => o.is_ge(),
            CmpOp::Lt => o.is_lt(),
            CmpOp::Le => o.is_le(),
        }
    }
}

/// The values an IN list holds: a few are scanned, more are hashed (as Java does from five).
#[derive(Debug, Clone)]
pub(super) enum InList {
    Few(Vec<Box<str>>),
    Many(HashSet<Box<str>>, Vec<Box<str>>),
}

impl InList {
    pub(super) fn new(values: Vec<Box<str>>) -> InList {
        if values.len() < 5 {
            InList::Few(values)
        } else {
            InList::Many(values.iter().cloned().collect(), values)
        }
    }

    fn contains(&self, v: &str) -> bool {
        match self {
            InList::Few(l) => l.iter().any(|x| &**x == v),
            InList::Many(set, _) => set.contains(v),
        }
    }

    fn values(&self) -> &[Box<str>] {
        match self {
            InList::Few(l) | InList::Many(_, l) => l,
        }
    }
}

/// A node of the compiled selector, shaped as Java builds it: `<>` is NOT of `=`, `IS NULL` is
/// `= NULL` without the parse check, BETWEEN is an AND of two comparisons. AND and OR chains
/// are flattened, which evaluates the same (left to right, stopping at the first decisive
/// operand) and keeps a long chain from deepening the tree.
#[derive(Debug, Clone)]
pub(super) enum Node {
    Const(Constant),
    Property(Box<str>),
    Negate(Box<Node>),
    Not(Box<Node>),
    /// A property where a boolean is needed: never TRUE, since properties are strings.
    BoolCast(Box<str>),
    And(Vec<Node>),
    Or(Vec<Node>),
    Equal(Box<Node>, Box<Node>),
    Compare(CmpOp, Box<Node>, Box<Node>),
    In {
        property: Box<str>,
        list: InList,
        not: bool,
    },
}

impl Node {
    /// Java's BooleanExpression: evaluates to a boolean or unknown.
    pub(super) fn is_boolean(&self) -> bool {
        match self {
            Node::Const(c) => matches!(c, Constant::Null | Constant::Bool(_)),
            Node::Property(_) | Node::Negate(_) => false,
            _ => true,
        }
    }

    pub(super) fn depth(&self) -> usize {
        1 + match self {
            Node::Const(_) | Node::Property(_) | Node::BoolCast(_) | Node::In { .. } => 0,
            Node::Negate(n) | Node::Not(n) => n.depth(),
            Node::And(v) | Node::Or(v) => v.iter().map(Node::depth).max().unwrap_or(0),
            Node::Equal(a, b) | Node::Compare(_, a, b) => a.depth().max(b.depth()),
        }
    }

    pub(super) fn collect_properties<'e>(&'e self, out: &mut Vec<&'e str>) {
        let mut add = |p: &'e str| {
            if !out.contains(&p) {
                out.push(p);
            }
        };
        match self {
            Node::Const(_) => {}
            Node::Property(p) | Node::BoolCast(p) | Node::In { property: p, .. } => add(p),
            Node::Negate(n) | Node::Not(n) => n.collect_properties(out),
            Node::And(v) | Node::Or(v) => v.iter().for_each(|n| n.collect_properties(out)),
            Node::Equal(a, b) | Node::Compare(_, a, b) => {
                a.collect_properties(out);
                b.collect_properties(out);
            }
        }
    }

    /// Evaluates to a value, unknown (`Null`), or `Err` where Java would throw.
    fn eval<'v, 'a: 'v, F: Fn(&str) -> Option<&'a str>>(
        &'v self,
        lookup: &F,
    ) -> Result<Value<'v>, Abort> {
        Ok(match self {
            Node::Const(c) => match c {
                Constant::Null => Value::Null,
                Constant::Bool(b) => Value::Bool(*b),
                Constant::Int(i) => Value::Int(*i),
                Constant::Long(l) => Value::Long(*l),
                Constant::Double(d) => Value::Double(*d),
                Constant::Str(s) => Value::Str(s),
            },
            Node::Property(p) => lookup(p).map_or(Value::Null, Value::Str),
            Node::Negate(n) => match n.eval(lookup)? {
                Value::Int(i) => Value::Int(i.wrapping_neg()),
                Value::Long(l) => Value::Long(l.wrapping_neg()),
                Value::Double(d) => Value::Double(-d),
                _ => Value::Null,
            },
            Node::Not(n) => match n.eval(lookup)? {
                Value::Null => Value::Null,
                Value::Bool(b) => Value::Bool(!b),
                _ => return Err(Abort),
            },
            Node::BoolCast(p) => match lookup(p) {
                None => Value::Null,
                Some(_) => Value::Bool(false),
            },
            Node::And(operands) => logic(operands, lookup, false)?,
            Node::Or(operands) => logic(operands, lookup, true)?,
            Node::Equal(l, r) => {
                let lv = l.eval(lookup)?;
                let rv = r.eval(lookup)?;
                match (lv.is_null(), rv.is_null()) {
                    (true, true) => Value::Bool(true),
                    (true, false) => Value::Null,
                    (false, true) => Value::Bool(false),
                    // Java's equals first: equal strings need no ordering.
                    (false, false) => match (lv, rv) {
                        (Value::Str(a), Value::Str(b)) => Value::Bool(a == b),
                        _ => Value::Bool(compare(&lv, &rv)?.is_eq()),
                    },
                }
            }
            Node::Compare(op, l, r) => {
                let lv = l.eval(lookup)?;
                if lv.is_null() {
                    return Ok(Value::Null);
                }
                let rv = r.eval(lookup)?;
                if rv.is_null() {
                    return Ok(Value::Null);
                }
                let order = match (&lv, &rv) {
                    // Strings are ordered only as numbers.
                    (Value::Str(a), Value::Str(b)) => {
                        let a = java_parse_double(a).ok_or(Abort)?;
                        let b = java_parse_double(b).ok_or(Abort)?;
                        java_double_cmp(a, b)
                    }
                    _ => compare(&lv, &rv)?,
                };
                Value::Bool(op.holds(order))
            }
            Node::In {
                property,
                list,
                not,
            } => match lookup(property) {
                None => Value::Null,
                Some(v) => Value::Bool(list.contains(v) ^ *not),
            },
        })
    }
}

/// AND (`decisive` false) or OR (`decisive` true) over `operands`, left to right.
fn logic<'v, 'a: 'v, F: Fn(&str) -> Option<&'a str>>(
    operands: &'v [Node],
    lookup: &F,
    decisive: bool,
) -> Result<Value<'v>, Abort> {
    let mut unknown = false;
    for n in operands {
        match n.eval(lookup)? {
            Value::Bool(b) if b == decisive => return Ok(Value::Bool(decisive)),
            Value::Bool(_) => {}
            Value::Null => unknown = true,
            _ => return Err(Abort),
        }
    }
    Ok(if unknown {
        Value::Null
    } else {
        Value::Bool(!decisive)
    })
}

/// Java threw while evaluating: the message does not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Abort;

/// A value during evaluation: Java's Boolean, Integer, Long, Double or String, or null.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Value<'v> {
    Null,
    Bool(bool),
    Int(i32),
    Long(i64),
    Double(f64),
    Str(&'v str),
}

impl Value<'_> {
    fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// Java's ComparisonExpression.__compare with string conversion on: values of different types
/// are brought to one (int < long < double; a string to the other side's type); a boolean
/// against a number is "less"; a string that does not convert aborts.
pub(super) fn compare(l: &Value, r: &Value) -> Result<Ordering, Abort> {
    use Value::*;
    Ok(match (*l, *r) {
        (Bool(a), Bool(b)) => a.cmp(&b),
        (Int(a), Int(b)) => a.cmp(&b),
        (Long(a), Long(b)) => a.cmp(&b),
        (Double(a), Double(b)) => java_double_cmp(a, b),
        (Str(a), Str(b)) => java_string_cmp(a, b),
        (Int(a), Long(b)) => (a as i64).cmp(&b),
        (Long(a), Int(b)) => a.cmp(&(b as i64)),
        (Int(a), Double(b)) => java_double_cmp(a as f64, b),
        (Long(a), Double(b)) => java_double_cmp(a as f64, b),
        (Double(a), Int(b)) => java_double_cmp(a, b as f64),
        (Double(a), Long(b)) => java_double_cmp(a, b as f64),
        (Int(a), Str(b)) => a.cmp(&b.parse::<i32>().map_err(|_| Abort)?),
        (Long(a), Str(b)) => a.cmp(&b.parse::<i64>().map_err(|_| Abort)?),
        (Double(a), Str(b)) => java_double_cmp(a, java_parse_double(b).ok_or(Abort)?),
        (Str(a), Bool(b)) => a.eq_ignore_ascii_case("true").cmp(&b),
        (Str(a), Int(b)) => a.parse::<i32>().map_err(|_| Abort)?.cmp(&b),
        (Str(a), Long(b)) => a.parse::<i64>().map_err(|_| Abort)?.cmp(&b),
        (Str(a), Double(b)) => java_double_cmp(java_parse_double(a).ok_or(Abort)?, b),
        // Java casts the boolean to a string here and throws.
        (Bool(_), Str(_)) => return Err(Abort),
        (Null, _) | (_, Null) => return Err(Abort),
        _ => Ordering::Less,
    })
}

/// Double.compareTo: -0.0 before 0.0, NaN after everything and equal to itself.
fn java_double_cmp(a: f64, b: f64) -> Ordering {
    match a.partial_cmp(&b) {
        Some(Ordering::Equal) if a == 0.0 => {
            a.is_sign_negative().cmp(&b.is_sign_negative()).reverse()
        }
        Some(o) => o,
        None => a.is_nan().cmp(&b.is_nan()),
    }
}

/// String.compareTo: by UTF-16 code units.
fn java_string_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Double.valueOf: surrounding blanks trimmed, an optional `f`/`d` suffix, `NaN` and
/// `Infinity` spelled as Java spells them.
pub(super) fn java_parse_double(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c <= ' ');
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    if unsigned == "NaN" || unsigned == "Infinity" {
        let v = if unsigned == "NaN" {
            f64::NAN
        } else {
            f64::INFINITY
        };
        return Some(if t.starts_with('-') { -v } else { v });
    }
    let body = t
        .strip_suffix(['f', 'F', 'd', 'D'])
        .filter(|b| b.ends_with(|c: char| c.is_ascii_digit() || c == '.'))
        .unwrap_or(t);
    // Rust also reads "inf" and "nan", which Java refuses.
    if !body
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    body.parse().ok()
}

/// A compiled SQL92 selector.
#[derive(Debug, Clone)]
pub struct Expression {
    pub(super) root: Node,
    pub(super) source: Box<str>,
    /// The property names, found once at compile time.
    pub(super) names: Box<[Box<str>]>,
}

impl Expression {
    /// Whether a message whose properties `lookup` gives (by name; `TAGS` is one) matches:
    /// the selector evaluates to TRUE. Unknown, FALSE and a failed conversion do not match.
    pub fn matches<'a, F: Fn(&str) -> Option<&'a str>>(&self, lookup: &F) -> bool {
        matches!(self.root.eval(lookup), Ok(Value::Bool(true)))
    }

    /// The property names the selector reads, each once, in order of appearance.
    pub fn property_names(&self) -> Vec<&str> {
        self.names.iter().map(|n| &**n).collect()
    }

    /// `property_names`, without allocating.
    pub fn property_name_slice(&self) -> &[Box<str>] {
        &self.names
    }

    /// The text it was compiled from.
    pub fn source(&self) -> &str {
        &self.source
    }
}

impl fmt::Display for Constant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Constant::Null => f.write_str("NULL"),
            Constant::Bool(true) => f.write_str("TRUE"),
            Constant::Bool(false) => f.write_str("FALSE"),
            Constant::Int(i) => write!(f, "{i}"),
            Constant::Long(l) => write!(f, "{l}"),
            Constant::Double(d) => write!(f, "{d:?}"),
            Constant::Str(s) => write!(f, "'{}'", s.replace('\'', "''")),
        }
    }
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, v: &[Node], sep: &str| {
            f.write_str("(")?;
            for (i, n) in v.iter().enumerate() {
                if i > 0 {
                    write!(f, " {sep} ")?;
                }
                write!(f, "{n}")?;
            }
            f.write_str(")")
        };
        match self {
            Node::Const(c) => write!(f, "{c}"),
            Node::Property(p) | Node::BoolCast(p) => f.write_str(p),
            Node::Negate(n) => write!(f, "(- {n})"),
            Node::Not(n) => write!(f, "(NOT {n})"),
            Node::And(v) => list(f, v, "AND"),
            Node::Or(v) => list(f, v, "OR"),
            Node::Equal(a, b) => write!(f, "({a} = {b})"),
            Node::Compare(op, a, b) => write!(f, "({a} {} {b})", op.symbol()),
            Node::In {
                property,
                list,
                not,
            } => {
                write!(f, "{property} {}IN (", if *not { "NOT " } else { "" })?;
                for (i, v) in list.values().iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "'{}'", v.replace('\'', "''"))?;
                }
                f.write_str(")")
            }
        }
    }
}
