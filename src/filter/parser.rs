//! The recursive-descent parser of SelectorParser.jj, with the checks Java makes while it
//! builds the tree (what may be compared, BETWEEN bounds, IN on a property). Precedence, lowest
//! first: OR; AND; `=` `<>` IS [NOT] NULL; `>` `>=` `<` `<=` [NOT] BETWEEN [NOT] IN; unary
//! `+` `-` NOT; literals, properties and parentheses. As in Java, NOT binds tighter than a
//! comparison: `NOT a > 1` is refused, `NOT (a > 1)` is meant.

use super::eval::{CmpOp, Constant, Expression, InList, Node, Value, compare};
use super::lexer::{Keyword, Tok, Token, tokenize};
use super::{MAX_DEPTH, SqlError};

pub(super) fn parse(sql: &str) -> Result<Expression, SqlError> {
    let tokens = tokenize(sql)?;
    let mut p = Parser {
        sql,
        tokens,
        pos: 0,
        depth: 0,
    };
    let root = p.or_expression()?;
    if p.peek() != &Tok::Eof {
        return Err(p.unexpected("AND, OR or a comparison"));
    }
    let root = p.as_boolean(root, 0)?;
    let mut names = Vec::new();
    root.collect_properties(&mut names);
    let names = names.into_iter().map(Box::from).collect();
    Ok(Expression {
        root,
        source: sql.into(),
        names,
    })
}

struct Parser<'s> {
    sql: &'s str,
    tokens: Vec<Token<'s>>,
    pos: usize,
    /// Nesting of parentheses and unary operators being parsed.
    depth: usize,
}

impl<'s> Parser<'s> {
    fn peek(&self) -> &Tok<'s> {
        &self.tokens[self.pos].tok
    }

    fn peek2(&self) -> &Tok<'s> {
        let i = (self.pos + 1).min(self.tokens.len() - 1);
        &self.tokens[i].tok
    }

    fn offset(&self) -> usize {
        self.tokens[self.pos].offset
    }

    fn advance(&mut self) -> Token<'s> {
        let t = self.tokens[self.pos].clone();
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        t
    }

    fn is_keyword(&self, k: Keyword) -> bool {
        self.peek() == &Tok::Keyword(k)
    }

    fn error(&self, offset: usize, message: impl Into<String>) -> SqlError {
        SqlError::at(self.sql, offset, message)
    }

    fn unexpected(&self, wanted: &str) -> SqlError {
        self.error(
            self.offset(),
            format!("expected {wanted} but found {}", self.peek().describe()),
        )
    }

    fn expect(&mut self, tok: Tok<'static>, wanted: &str) -> Result<(), SqlError> {
        if *self.peek() == tok {
            self.advance();
            Ok(())
        } else {
            Err(self.unexpected(wanted))
        }
    }

    /// A node made at `offset`, refused if the tree grows too deep.
    fn checked(&self, node: Node, offset: usize) -> Result<Node, SqlError> {
        if node.depth() > MAX_DEPTH {
            return Err(self.error(
                offset,
                format!("the expression nests more than {MAX_DEPTH} levels deep"),
            ));
        }
        Ok(node)
    }

    fn enter(&mut self) -> Result<(), SqlError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(
                self.offset(),
                format!("the expression nests more than {MAX_DEPTH} levels deep"),
            ));
        }
        Ok(())
    }

    /// Java's asBooleanExpression: a property where a boolean is needed becomes a boolean cast.
    fn as_boolean(&self, n: Node, offset: usize) -> Result<Node, SqlError> {
        match n {
            Node::Property(p) => Ok(Node::BoolCast(p)),
            n if n.is_boolean() => Ok(n),
            n => Err(self.error(
                offset,
                format!("expression will not result in a boolean value: {n}"),
            )),
        }
    }

    fn or_expression(&mut self) -> Result<Node, SqlError> {
        self.logic_chain(Keyword::Or, Self::and_expression, Node::Or)
    }

    fn and_expression(&mut self) -> Result<Node, SqlError> {
        self.logic_chain(Keyword::And, Self::equality_expression, Node::And)
    }

    fn logic_chain(
        &mut self,
        op: Keyword,
        operand: fn(&mut Self) -> Result<Node, SqlError>,
        make: fn(Vec<Node>) -> Node,
    ) -> Result<Node, SqlError> {
        let first_offset = self.offset();
        let first = operand(self)?;
        if !self.is_keyword(op) {
            return Ok(first);
        }
        let mut operands = vec![self.as_boolean(first, first_offset)?];
        while self.is_keyword(op) {
            self.advance();
            let at = self.offset();
            let next = operand(self)?;
            operands.push(self.as_boolean(next, at)?);
        }
        self.checked(make(operands), first_offset)
    }

    fn equality_expression(&mut self) -> Result<Node, SqlError> {
        let mut left = self.comparison_expression()?;
        loop {
            let at = self.offset();
            left = match self.peek() {
                Tok::Eq | Tok::Ne => {
                    let negate = self.advance().tok == Tok::Ne;
                    let right = self.comparison_expression()?;
                    let eq = self.create_equal(left, right, at)?;
                    if negate { Node::Not(Box::new(eq)) } else { eq }
                }
                Tok::Keyword(Keyword::Is) => {
                    self.advance();
                    let not = self.is_keyword(Keyword::Not);
                    if not {
                        self.advance();
                    }
                    self.expect(Tok::Keyword(Keyword::Null), "NULL after IS")?;
                    let eq = Node::Equal(Box::new(left), Box::new(Node::Const(Constant::Null)));
                    if not { Node::Not(Box::new(eq)) } else { eq }
                }
                _ => return Ok(left),
            };
            left = self.checked(left, at)?;
        }
    }

    fn comparison_expression(&mut self) -> Result<Node, SqlError> {
        let mut left = self.unary_expression()?;
        loop {
            let at = self.offset();
            let op = match self.peek() {
                Tok::Gt => Some(CmpOp::Gt),
                Tok::Ge => Some(CmpOp::Ge),
                Tok::Lt => Some(CmpOp::Lt),
                Tok::Le => Some(CmpOp::Le),
                _ => None,
            };
            left = if let Some(op) = op {
                self.advance();
                let right = self.unary_expression()?;
                self.create_compare(op, left, right, at)?
            } else {
                let not = self.is_keyword(Keyword::Not)
                    && matches!(self.peek2(), Tok::Keyword(Keyword::Between | Keyword::In));
                if not {
                    self.advance();
                }
                match self.peek() {
                    Tok::Keyword(Keyword::Between) => {
                        self.advance();
                        let low = self.unary_expression()?;
                        self.expect(Tok::Keyword(Keyword::And), "AND in BETWEEN")?;
                        let high = self.unary_expression()?;
                        self.create_between(left, low, high, not, at)?
                    }
                    Tok::Keyword(Keyword::In) => {
                        self.advance();
                        let values = self.in_list()?;
                        let Node::Property(property) = left else {
                            return Err(
                                self.error(at, format!("expected a property for IN, got: {left}"))
                            );
                        };
                        Node::In {
                            property,
                            list: InList::new(values),
                            not,
                        }
                    }
                    _ => return Ok(left),
                }
            };
            left = self.checked(left, at)?;
        }
    }

    fn in_list(&mut self) -> Result<Vec<Box<str>>, SqlError> {
        self.expect(Tok::LParen, "'(' after IN")?;
        let mut values = Vec::new();
        loop {
            let Tok::Str(s) = self.peek() else {
                return Err(self.unexpected("a string literal in the IN list"));
            };
            values.push(s.as_str().into());
            self.advance();
            match self.peek() {
                Tok::Comma => {
                    self.advance();
                }
                Tok::RParen => {
                    self.advance();
                    return Ok(values);
                }
                _ => return Err(self.unexpected("',' or ')' in the IN list")),
            }
        }
    }

    fn unary_expression(&mut self) -> Result<Node, SqlError> {
        let at = self.offset();
        match self.peek() {
            Tok::Plus => {
                self.advance();
                self.enter()?;
                let n = self.unary_expression();
                self.depth -= 1;
                n
            }
            Tok::Minus => {
                self.advance();
                self.enter()?;
                let n = self.unary_expression();
                self.depth -= 1;
                self.checked(Node::Negate(Box::new(n?)), at)
            }
            Tok::Keyword(Keyword::Not) => {
                self.advance();
                self.enter()?;
                let operand_at = self.offset();
                let n = self.unary_expression();
                self.depth -= 1;
                let n = self.as_boolean(n?, operand_at)?;
                self.checked(Node::Not(Box::new(n)), at)
            }
            _ => self.primary_expression(),
        }
    }

    fn primary_expression(&mut self) -> Result<Node, SqlError> {
        let at = self.offset();
        let starts_primary = matches!(
            self.peek(),
            Tok::Str(_)
                | Tok::Decimal(_)
                | Tok::Float(_)
                | Tok::Ident(_)
                | Tok::LParen
                | Tok::Keyword(Keyword::True | Keyword::False | Keyword::Null)
        );
        if !starts_primary {
            return Err(self.unexpected("a value, a property or '('"));
        }
        let t = self.advance();
        Ok(match t.tok {
            Tok::Str(s) => Node::Const(Constant::Str(s.into_boxed_str())),
            Tok::Decimal(text) => Node::Const(self.decimal(text, at)?),
            Tok::Float(text) => Node::Const(self.float(text, at)?),
            Tok::Keyword(Keyword::True) => Node::Const(Constant::Bool(true)),
            Tok::Keyword(Keyword::False) => Node::Const(Constant::Bool(false)),
            Tok::Keyword(Keyword::Null) => Node::Const(Constant::Null),
            Tok::Ident(name) => Node::Property(name.into()),
            Tok::LParen => {
                self.enter()?;
                let n = self.or_expression();
                self.depth -= 1;
                let n = n?;
                self.expect(Tok::RParen, "')'")?;
                n
            }
            _ => unreachable!("checked above"),
        })
    }

    /// ConstantExpression.createFromDecimal: an int if it fits, else a long.
    fn decimal(&self, text: &str, at: usize) -> Result<Constant, SqlError> {
        let digits = text.trim_end_matches(['l', 'L']);
        let v: i64 = digits
            .parse()
            .map_err(|_| self.error(at, format!("number {text} is out of the long range")))?;
        Ok(match i32::try_from(v) {
            Ok(i) => Constant::Int(i),
            Err(_) => Constant::Long(v),
        })
    }

    /// ConstantExpression.createFloat, with its range checks (which, as in Java, refuse a
    /// literal 0.0: it is below Double.MIN_VALUE).
    fn float(&self, text: &str, at: usize) -> Result<Constant, SqlError> {
        let v: f64 = text
            .parse()
            .map_err(|_| self.error(at, format!("bad number {text}")))?;
        if v > f64::MAX {
            return Err(self.error(at, format!("{text} is greater than {:e}", f64::MAX)));
        }
        // Double.MIN_VALUE, the smallest positive double.
        let min = f64::from_bits(1);
        if v < min {
            return Err(self.error(at, format!("{text} is less than {min:e}")));
        }
        Ok(Constant::Double(v))
    }

    /// ComparisonExpression.createEqual's checks: NULL is compared only with IS; a TRUE or
    /// FALSE literal only with a boolean.
    fn create_equal(&self, left: Node, right: Node, at: usize) -> Result<Node, SqlError> {
        for n in [&left, &right] {
            if matches!(n, Node::Const(Constant::Null)) {
                return Err(self.error(at, "NULL cannot be compared with '=': use IS NULL"));
            }
        }
        if let (Node::Const(l), Node::Const(r)) = (&left, &right)
            && left.is_boolean()
            && !right.is_boolean()
        {
            return Err(self.error(at, format!("{l} cannot be compared with {r}")));
        }
        Ok(Node::Equal(Box::new(left), Box::new(right)))
    }

    /// checkLessThanOperand: only numbers, properties and arithmetic are ordered.
    fn check_orderable(&self, n: &Node, at: usize) -> Result<(), SqlError> {
        let ok = match n {
            Node::Const(c) => matches!(
                c,
                Constant::Int(_) | Constant::Long(_) | Constant::Double(_)
            ),
            n => !n.is_boolean(),
        };
        if ok {
            Ok(())
        } else {
            Err(self.error(
                at,
                format!("{n} cannot be compared with '>', '>=', '<' or '<='"),
            ))
        }
    }

    fn create_compare(
        &self,
        op: CmpOp,
        left: Node,
        right: Node,
        at: usize,
    ) -> Result<Node, SqlError> {
        self.check_orderable(&left, at)?;
        self.check_orderable(&right, at)?;
        Ok(Node::Compare(op, Box::new(left), Box::new(right)))
    }

    /// `v BETWEEN lo AND hi` is `v >= lo AND v <= hi`; constant bounds must be in order.
    /// `v NOT BETWEEN lo AND hi` is `v < lo OR v > hi`.
    fn create_between(
        &self,
        value: Node,
        low: Node,
        high: Node,
        not: bool,
        at: usize,
    ) -> Result<Node, SqlError> {
        if !not && let (Node::Const(lo), Node::Const(hi)) = (&low, &high) {
            if matches!(lo, Constant::Null) || matches!(hi, Constant::Null) {
                return Err(self.error(at, "the bounds of BETWEEN cannot be NULL"));
            }
            let order = compare(&constant_value(hi), &constant_value(lo));
            if order.map_or(true, |o| o.is_lt()) {
                return Err(self.error(
                    at,
                    format!("the bounds of BETWEEN must be in order: {lo} is not <= {hi}"),
                ));
            }
        }
        Ok(if not {
            Node::Or(vec![
                self.create_compare(CmpOp::Lt, value.clone(), low, at)?,
                self.create_compare(CmpOp::Gt, value, high, at)?,
            ])
        } else {
            Node::And(vec![
                self.create_compare(CmpOp::Ge, value.clone(), low, at)?,
                self.create_compare(CmpOp::Le, value, high, at)?,
            ])
        })
    }
}

fn constant_value(c: &Constant) -> Value<'_> {
    match c {
        Constant::Null => Value::Null,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::Long(l) => Value::Long(*l),
        Constant::Double(d) => Value::Double(*d),
        Constant::Str(s) => Value::Str(s),
    }
}
