//! RocketMQ's SQL92 message selector (the filter module's SelectorParser and expressions):
//! compiled once per subscription, then matched against a message's properties. The broker
//! filters pulls with it; the client compiles an expression to refuse a bad one before asking
//! the broker.
//!
//! The dialect is Apache RocketMQ 4.9.8's, null and type rules included: properties are
//! strings, converted to the type of what they are compared with (a number literal makes them
//! numbers); a comparison with a missing property is unknown, and unknown never matches; a
//! value that cannot be converted (`a > 5` where a is `x`) aborts the evaluation and the
//! message does not match, as the Java broker's caught exception does.

mod eval;
mod lexer;
mod parser;
#[cfg(test)]
mod tests;

use std::fmt;

pub use eval::Expression;

/// `SubscriptionData.expressionType` of a SQL92 subscription.
pub const EXPRESSION_TYPE_SQL92: &str = "SQL92";
/// `SubscriptionData.expressionType` of a tag subscription (also when absent or empty).
pub const EXPRESSION_TYPE_TAG: &str = "TAG";

/// Longer expressions are refused before they are read: a selector is a handful of
/// comparisons, and the limit bounds the work a remote client can ask of a compile.
pub const MAX_EXPRESSION_LEN: usize = 16 * 1024;
/// How deeply parentheses, NOT and unary signs may nest, and how deep the compiled tree may
/// grow; deeper is refused instead of risking the stack.
pub const MAX_DEPTH: usize = 100;

/// Compiles a SQL92 selector.
pub fn compile(sql: &str) -> Result<Expression, SqlError> {
    if sql.len() > MAX_EXPRESSION_LEN {
        return Err(SqlError {
            offset: MAX_EXPRESSION_LEN,
            line: 1,
            column: 1,
            message: format!(
                "the expression is {} bytes long, more than the {MAX_EXPRESSION_LEN} allowed",
                sql.len()
            ),
        });
    }
    parser::parse(sql)
}

/// Whether `expression_type` names tag filtering (RocketMQ's ExpressionType.isTagType).
pub fn is_tag_type(expression_type: Option<&str>) -> bool {
    expression_type.is_none_or(|t| t.is_empty() || t == EXPRESSION_TYPE_TAG)
}

/// Why an expression does not compile, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlError {
    /// Byte offset of the problem in the expression.
    pub offset: usize,
    /// 1-based line and column (in characters) of the problem.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl SqlError {
    pub(crate) fn at(sql: &str, offset: usize, message: impl Into<String>) -> SqlError {
        let offset = offset.min(sql.len());
        let before = &sql[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        SqlError {
            offset,
            line,
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for SqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 1 {
            write!(f, "{} at column {}", self.message, self.column)
        } else {
            write!(
                f,
                "{} at line {}, column {}",
                self.message, self.line, self.column
            )
        }
    }
}

impl std::error::Error for SqlError {}
