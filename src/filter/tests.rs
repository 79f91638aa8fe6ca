//! The selector's grammar and semantics as a table: each row an expression, the properties of
//! a message, and whether it matches; then the expressions Java refuses, with where.

use super::*;

fn eval(sql: &str, props: &[(&str, &str)]) -> bool {
    let e = compile(sql).unwrap_or_else(|e| panic!("{sql:?} should compile: {e}"));
    e.matches(&|name: &str| props.iter().find(|(k, _)| *k == name).map(|(_, v)| *v))
}

const MSG: &[(&str, &str)] = &[
    ("a", "20"),
    ("b", "3.5"),
    ("big", "3000000000"),
    ("region", "eu"),
    ("TAGS", "TagA"),
    ("word", "x"),
    ("flag", "true"),
    ("quote", "it's"),
    ("empty", ""),
];

#[test]
fn every_operator_on_a_message() {
    let rows: &[(&str, bool)] = &[
        // Numbers: a property converts to the literal's type.
        ("a = 20", true),
        ("a = 20.0", true),
        ("a = 21", false),
        ("a <> 21", true),
        ("a <> 20", false),
        ("a > 19", true),
        ("a > 20", false),
        ("a >= 20", true),
        ("a < 21", true),
        ("a <= 20", true),
        ("a <= 19", false),
        ("a > 19.5", true),
        ("b > 3.0", true),
        // An int literal reads the property as an int: 3.5 is none, so no match (as Java).
        ("b > 3", false),
        ("b < 3.6", true),
        ("b = 3.5", true),
        ("big > 2147483648", true),
        ("big = 3000000000L", true),
        ("a > -5", true),
        ("-a < 0", false),
        ("a > +19", true),
        ("- - 20 = a", true),
        ("1e1 < a", true),
        (".5 < b", true),
        // Two properties are compared as numbers when ordered, as strings when equal.
        ("a > b", true),
        ("a = a", true),
        ("region = region", true),
        // Strings.
        ("region = 'eu'", true),
        ("region = 'EU'", false),
        ("region <> 'us'", true),
        ("'eu' = region", true),
        ("quote = 'it''s'", true),
        ("empty = ''", true),
        ("TAGS = 'TagA'", true),
        // IN and NOT IN.
        ("region IN ('eu', 'us')", true),
        ("region IN ('us')", false),
        ("region NOT IN ('us', 'ap')", true),
        ("region NOT IN ('eu')", false),
        ("region IN ('a','b','c','d','e','eu')", true),
        ("region IN ('a','b','c','d','e','f')", false),
        ("a IN ('20')", true),
        // BETWEEN.
        ("a BETWEEN 10 AND 20", true),
        ("a BETWEEN 21 AND 30", false),
        ("a NOT BETWEEN 21 AND 30", true),
        ("a NOT BETWEEN 10 AND 30", false),
        ("b BETWEEN 3.0 AND 4.0", true),
        ("b BETWEEN 3 AND 4", false),
        // IS NULL.
        ("missing IS NULL", true),
        ("a IS NULL", false),
        ("a IS NOT NULL", true),
        ("missing IS NOT NULL", false),
        ("empty IS NOT NULL", true),
        // Booleans and logic.
        ("TRUE", true),
        ("FALSE", false),
        ("NOT FALSE", true),
        ("a = 20 AND region = 'eu'", true),
        ("a = 20 AND region = 'us'", false),
        ("a = 21 OR region = 'eu'", true),
        ("a = 21 OR region = 'us'", false),
        ("NOT (a = 21)", true),
        ("NOT (a = 20)", false),
        ("flag = TRUE", true),
        ("flag = FALSE", false),
        ("(a > 1) = TRUE", true),
        // A property used as a boolean is a string, never TRUE.
        ("flag", false),
        ("NOT flag", true),
        ("NOT missing", false),
        // Keywords in any case; comments and blanks.
        ("a between 10 and 20 and region in ('eu')", true),
        ("a = 20 -- a comment\n", true),
        ("/* c */ a /* d */ = 20", true),
        ("\ta\n=\r20\x0c", true),
        ("$x IS NULL AND _y IS NULL", true),
    ];
    for (sql, want) in rows {
        assert_eq!(eval(sql, MSG), *want, "{sql}");
    }
}

#[test]
fn unknown_and_type_mismatch_never_match() {
    let rows: &[(&str, bool)] = &[
        // A missing property makes a comparison unknown, and NOT of unknown is unknown.
        ("missing = 1", false),
        ("missing <> 1", false),
        ("NOT (missing = 1)", false),
        ("missing > 1", false),
        ("missing BETWEEN 1 AND 2", false),
        ("missing NOT BETWEEN 1 AND 2", false),
        ("missing IN ('a')", false),
        ("missing NOT IN ('a')", false),
        ("NOT (missing IN ('a'))", false),
        // Java's asymmetry: a constant on the left with a missing property is FALSE, not
        // unknown, so its negation is TRUE.
        ("1 = missing", false),
        ("1 <> missing", true),
        // Three-valued logic.
        ("missing = 1 OR a = 20", true),
        ("missing = 1 AND a = 21", false),
        ("NOT (missing = 1 AND a = 21)", true),
        ("NOT (missing = 1 OR a = 21)", false),
        ("NOT (missing = 1 AND a = 20)", false),
        ("NULL IS NULL", true),
        ("NOT NULL", false),
        // A string that is no number aborts the whole evaluation (Java throws).
        ("word > 1", false),
        ("word = 1", false),
        ("NOT (word = 1)", false),
        ("word = 1 OR a = 20", false),
        ("a = 20 OR word = 1", true),
        ("region > b", false),
        // An int literal converts the property as an int: out of range aborts.
        ("big > 1", false),
        ("big > 1L", false),
        ("big > 2147483648", true),
        ("b = 3", false),
        // A number against a boolean is unequal, never an error.
        ("5 = TRUE", false),
        ("5 <> TRUE", true),
    ];
    for (sql, want) in rows {
        assert_eq!(eval(sql, MSG), *want, "{sql}");
    }
}

#[test]
fn precedence() {
    let rows: &[(&str, bool)] = &[
        // AND before OR.
        ("a = 21 AND a = 20 OR region = 'eu'", true),
        ("region = 'eu' OR a = 21 AND a = 20", true),
        ("(region = 'eu' OR a = 21) AND a = 21", false),
        // Comparison before equality: (a > 1) = TRUE.
        ("a > 1 = TRUE", true),
        ("a > 100 = FALSE", true),
        // NOT binds to the next value: (NOT a) = 20 is a boolean against a number.
        ("NOT a = 20", false),
        // Unary minus on the property.
        // Negating a property (a string) is unknown.
        ("-a = -20", false),
        ("((((a = 20))))", true),
    ];
    for (sql, want) in rows {
        assert_eq!(eval(sql, MSG), *want, "{sql}");
    }
}

#[test]
fn bad_syntax_is_refused_with_where() {
    // (expression, column of the problem, words the message must hold)
    let rows: &[(&str, usize, &str)] = &[
        ("", 1, "found the end"),
        ("a =", 4, "found the end"),
        ("a = = 1", 5, "found '='"),
        ("a >= 15 AND", 12, "found the end"),
        ("a >= 15 region = 'eu'", 9, "found property region"),
        ("(a = 1", 7, "expected ')'"),
        ("a = 1)", 6, "found ')'"),
        ("a = 'unterminated", 5, "unterminated string"),
        ("a = 1 # 2", 7, "unexpected character '#'"),
        ("a IN (1, 2)", 7, "string literal in the IN list"),
        ("a IN ()", 7, "string literal"),
        ("a IN 'x'", 6, "'(' after IN"),
        ("a IN ('x' 'y')", 11, "',' or ')'"),
        ("a BETWEEN 1 OR 2", 13, "AND in BETWEEN"),
        ("a IS 5", 6, "NULL after IS"),
        ("a = 012", 6, "found number 12"),
        ("a = 0L", 6, "found property L"),
        ("/* open", 1, "unterminated comment"),
        ("a . b", 3, "unexpected character '.'"),
        // Java's semantic checks.
        ("5", 1, "will not result in a boolean"),
        ("'x'", 1, "will not result in a boolean"),
        ("a = 1 AND 5", 11, "will not result in a boolean"),
        ("NOT 5", 5, "will not result in a boolean"),
        ("a = NULL", 3, "NULL cannot be compared"),
        ("NULL = a", 6, "NULL cannot be compared"),
        ("TRUE = 5", 6, "TRUE cannot be compared with 5"),
        ("a > 'x'", 3, "'x' cannot be compared"),
        ("a > TRUE", 3, "TRUE cannot be compared"),
        ("NOT a > 1", 7, "cannot be compared"),
        ("a > 1 > 2", 7, "cannot be compared"),
        ("a BETWEEN 5 AND 1", 3, "must be in order"),
        ("a BETWEEN NULL AND 1", 3, "cannot be NULL"),
        ("a BETWEEN 'a' AND 'b'", 3, "cannot be compared"),
        ("'a' IN ('a')", 5, "expected a property for IN"),
        ("a = 9223372036854775808", 5, "out of the long range"),
        ("a = 0.0", 5, "is less than"),
        ("a = 1e999", 5, "is greater than"),
    ];
    for (sql, column, words) in rows {
        match compile(sql) {
            Ok(e) => panic!("{sql:?} compiled: {e:?}"),
            Err(e) => {
                let shown = e.to_string();
                assert!(shown.contains(words), "{sql:?}: {shown}");
                assert_eq!(e.column, *column, "{sql:?}: {shown}");
                assert!(shown.ends_with(&format!("column {column}")), "{shown}");
            }
        }
    }
    let e = compile("a = 1 AND\n  b = = 2").unwrap_err();
    assert_eq!((e.line, e.column), (2, 7), "{e}");
    assert_eq!(
        e.to_string(),
        "expected a value, a property or '(' but found '=' at line 2, column 7"
    );
}

#[test]
fn keywords_of_4_9_8_only() {
    // CONTAINS, STARTSWITH and ENDSWITH came after 4.9.8: there they are property names.
    assert!(eval("contains IS NULL", MSG));
    assert!(compile("region CONTAINS 'e'").is_err());
    // Keywords are not property names.
    assert!(compile("in = 1").is_err());
    assert!(compile("NOT = 1").is_err());
    // Property names keep their case.
    assert!(eval("tags IS NULL", MSG));
}

#[test]
fn depth_and_size_are_bounded() {
    let nested = format!("{}a = 1{}", "(".repeat(10_000), ")".repeat(10_000));
    assert!(compile(&nested).is_err());
    let nested = format!("{}a = 1{}", "(".repeat(5_000), ")".repeat(5_000));
    let e = compile(&nested).unwrap_err();
    assert!(e.to_string().contains("levels deep"), "{e}");
    let e = compile(&format!("{}TRUE", "NOT ".repeat(MAX_DEPTH + 1))).unwrap_err();
    assert!(e.to_string().contains("levels deep"), "{e}");
    let e = compile(&format!("{}a = 1", "-".repeat(5_000))).unwrap_err();
    assert!(e.to_string().contains("levels deep"), "{e}");
    let chain = format!("a{}", " = a".repeat(MAX_DEPTH + 1));
    let e = compile(&chain).unwrap_err();
    assert!(e.to_string().contains("levels deep"), "{e}");
    // Just inside the limits compiles.
    let ok = format!(
        "{}a = 20{}",
        "(".repeat(MAX_DEPTH - 1),
        ")".repeat(MAX_DEPTH - 1)
    );
    assert!(eval(&ok, MSG));
    // A long flat chain is not deep.
    let flat = vec!["a = 20"; 1_000].join(" AND ");
    assert!(eval(&flat, MSG));

    let huge = "a = 1 OR ".repeat(100 * 1024 / 9) + "a = 2";
    let e = compile(&huge).unwrap_err();
    assert!(e.to_string().contains("more than the 16384 allowed"), "{e}");
    let e = compile(&"(".repeat(100 * 1024)).unwrap_err();
    assert!(e.to_string().contains("allowed"), "{e}");
}

#[test]
fn property_names_and_source() {
    let e = compile("a > 1 AND (region IN ('eu') OR NOT flag) AND a < 5 AND TAGS IS NULL").unwrap();
    assert_eq!(e.property_names(), ["a", "region", "flag", "TAGS"]);
    assert!(e.source().starts_with("a > 1 AND"));
    assert!(is_tag_type(None) && is_tag_type(Some("")) && is_tag_type(Some("TAG")));
    assert!(!is_tag_type(Some(EXPRESSION_TYPE_SQL92)));
}

#[test]
fn java_conversions() {
    use super::eval::java_parse_double as d;
    assert_eq!(d(" 1.5 "), Some(1.5));
    assert_eq!(d("2f"), Some(2.0));
    assert_eq!(d("-Infinity"), Some(f64::NEG_INFINITY));
    assert!(d("NaN").unwrap().is_nan());
    for bad in ["inf", "nan", "x", "", "1.2.3", "f"] {
        assert_eq!(d(bad), None, "{bad:?}");
    }
    let nan = &[("n", "NaN"), ("z", "-0.0")];
    assert!(eval("n > 1.0", nan), "NaN sorts after every number in Java");
    assert!(eval("z < 0.5", nan));
}
