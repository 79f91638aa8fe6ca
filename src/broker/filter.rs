//! The filters a pull reads with (RocketMQ's ExpressionMessageFilter and
//! ExpressionForRetryMessageFilter), built from the consumer's SubscriptionData: TAG
//! expressions matched by the tags code in the consume queue, SQL92 selectors evaluated on the
//! stored record's properties; and the compiled SQL92 subscriptions themselves (RocketMQ's
//! ConsumerFilterManager), compiled once per group, topic and subscription version.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, RwLock};

use crate::filter::{self, Expression};
use crate::protocol::heartbeat::{SUB_ALL, SubscriptionData};
use crate::protocol::message::property::RETRY_TOPIC;
use crate::protocol::topic::RETRY_GROUP_TOPIC_PREFIX;
use crate::store::{CqMatch, CqUnit, MessageFilter, StoredRecord};

/// A TAG subscription naming tags: a message matches if its tags code is one of theirs. Like
/// RocketMQ the broker compares hash codes only; the client checks the tag itself.
#[derive(Debug, Clone, Copy)]
pub struct TagFilter<'a> {
    codes: &'a BTreeSet<i32>,
}

impl<'a> TagFilter<'a> {
    /// The filter of a subscription, or None when it lets every message through (`*`, no
    /// tags, class filter mode), so that the read needs no filter at all.
    pub fn of(sub: &'a SubscriptionData) -> Option<TagFilter<'a>> {
        let all = sub.class_filter_mode || sub.sub_string == SUB_ALL || sub.code_set.is_empty();
        (!all).then_some(TagFilter {
            codes: &sub.code_set,
        })
    }
}

impl MessageFilter for TagFilter<'_> {
    #[inline]
    fn is_matched_by_consume_queue(&self, unit: &CqUnit) -> CqMatch {
        // The tags code is a Java String.hashCode, an int widened to the entry's long.
        self.codes.contains(&(unit.tags_code as i32)).into()
    }
}

/// A SQL92 subscription compiled for a group and topic (RocketMQ's ConsumerFilterData).
#[derive(Debug)]
pub struct ConsumerFilterData {
    pub expression: String,
    pub expression_type: String,
    /// The subscription version (the client's subVersion) it was compiled for.
    pub client_version: i64,
    /// The selector, or why it did not compile (kept, so a bad expression is not compiled
    /// again on every pull).
    pub compiled: Result<Arc<Expression>, String>,
}

impl ConsumerFilterData {
    fn compile(expression: &str, expression_type: &str, client_version: i64) -> Self {
        ConsumerFilterData {
            expression: expression.to_string(),
            expression_type: expression_type.to_string(),
            client_version,
            compiled: compile(expression_type, expression).map(Arc::new),
        }
    }

    fn is_for(&self, expression: &str, expression_type: &str, client_version: i64) -> bool {
        self.client_version == client_version
            && self.expression == expression
            && self.expression_type == expression_type
    }
}

/// Compiles `expression` of a non-TAG `expression_type`; the error is the remark RocketMQ
/// answers CHECK_CLIENT_CONFIG with.
pub fn compile(expression_type: &str, expression: &str) -> Result<Expression, String> {
    if expression_type != filter::EXPRESSION_TYPE_SQL92 {
        return Err(format!(
            "unknown expression type {expression_type:?}: the broker filters by {} or {}",
            filter::EXPRESSION_TYPE_TAG,
            filter::EXPRESSION_TYPE_SQL92
        ));
    }
    filter::compile(expression).map_err(|e| format!("Invalid MessageSelector. {e}"))
}

type ByTopic = HashMap<String, Arc<ConsumerFilterData>>;

/// How many (group, topic) compilations of pull headers are kept; past it the cache starts
/// over, so clients naming ever new groups cannot grow it without bound.
const MAX_PULL_FILTERS: usize = 10_000;

/// The compiled SQL92 subscriptions: those heartbeats registered, per group and topic, and
/// those pulls named in their request header (the SUB flag), kept apart so neither replaces
/// the other.
#[derive(Default)]
pub struct ConsumerFilterManager {
    registered: RwLock<HashMap<String, ByTopic>>,
    from_pulls: RwLock<HashMap<String, ByTopic>>,
}

impl ConsumerFilterManager {
    /// Compiles the SQL92 subscriptions of a heartbeat whose version or expression changed.
    /// One that does not compile leaves the previous one in place, as RocketMQ does; pulls
    /// then find it older than their subscription.
    pub fn register(&self, group: &str, subscriptions: &[SubscriptionData]) {
        for sub in subscriptions {
            let ty = sub.expression_type.as_deref();
            if filter::is_tag_type(ty) || sub.sub_string.is_empty() {
                continue;
            }
            let ty = ty.unwrap_or_default();
            let current = self.get(group, &sub.topic);
            if current.as_ref().is_some_and(|c| {
                c.client_version > sub.sub_version || c.is_for(&sub.sub_string, ty, sub.sub_version)
            }) {
                continue;
            }
            let data = ConsumerFilterData::compile(&sub.sub_string, ty, sub.sub_version);
            if let Err(e) = &data.compiled {
                tracing::warn!(group, topic = %sub.topic, "SQL92 subscription refused: {e}");
                if current.is_some() {
                    continue;
                }
            }
            self.registered
                .write()
                .unwrap()
                .entry(group.to_string())
                .or_default()
                .insert(sub.topic.clone(), Arc::new(data));
        }
    }

    /// The filter a heartbeat registered for `group` on `topic`.
    pub fn get(&self, group: &str, topic: &str) -> Option<Arc<ConsumerFilterData>> {
        self.registered
            .read()
            .unwrap()
            .get(group)?
            .get(topic)
            .cloned()
    }

    /// Every filter registered for `group`, by topic.
    pub fn of_group(&self, group: &str) -> Vec<(String, Arc<ConsumerFilterData>)> {
        self.registered
            .read()
            .unwrap()
            .get(group)
            .map(|m| m.iter().map(|(t, d)| (t.clone(), d.clone())).collect())
            .unwrap_or_default()
    }

    /// The filter of a pull that names its subscription, compiled on the first pull of this
    /// group, topic, version and expression and reused by the next.
    pub fn for_pull(
        &self,
        group: &str,
        topic: &str,
        expression: &str,
        expression_type: &str,
        sub_version: i64,
    ) -> Arc<ConsumerFilterData> {
        if let Some(d) = self
            .from_pulls
            .read()
            .unwrap()
            .get(group)
            .and_then(|m| m.get(topic))
            && d.is_for(expression, expression_type, sub_version)
        {
            return d.clone();
        }
        let data = Arc::new(ConsumerFilterData::compile(
            expression,
            expression_type,
            sub_version,
        ));
        let mut pulls = self.from_pulls.write().unwrap();
        if pulls.values().map(HashMap::len).sum::<usize>() >= MAX_PULL_FILTERS {
            pulls.clear();
        }
        pulls
            .entry(group.to_string())
            .or_default()
            .insert(topic.to_string(), data.clone());
        data
    }
}

/// A SQL92 subscription: every entry is checked on the stored record's properties.
#[derive(Debug, Clone)]
pub struct SqlFilter<'a> {
    expression: &'a Expression,
    /// The properties the selector reads, fetched from a record in one pass when few.
    names: &'a [Box<str>],
}

/// Selectors reading at most this many properties fetch them in one pass over the record's
/// properties; more are looked up one by one.
const ONE_PASS_NAMES: usize = 8;

impl<'a> SqlFilter<'a> {
    pub fn new(expression: &'a Expression) -> Self {
        SqlFilter {
            expression,
            names: expression.property_name_slice(),
        }
    }

    fn matches(&self, msg: &StoredRecord<'_>) -> bool {
        if self.names.is_empty() {
            return self.expression.matches(&|_: &str| None);
        }
        if self.names.len() > ONE_PASS_NAMES {
            return self.expression.matches(&|name: &str| msg.property(name));
        }
        let values = one_pass(msg.properties(), self.names);
        self.expression.matches(&|name: &str| {
            let i = self.names.iter().position(|n| &**n == name)?;
            values[i]
        })
    }
}

/// The values of `names` (at most ONE_PASS_NAMES) in a stored properties string, the last of
/// a name that repeats, as `StoredRecord::property` gives them.
fn one_pass<'p, N: AsRef<str>>(props: &'p [u8], names: &[N]) -> [Option<&'p str>; ONE_PASS_NAMES] {
    const SEP: u8 = crate::protocol::message::property::PROPERTY_SEPARATOR as u8;
    const NV: u8 = crate::protocol::message::property::NAME_VALUE_SEPARATOR as u8;
    let mut values = [None; ONE_PASS_NAMES];
    let mut take = |seg: &'p [u8], nv: Option<usize>| {
        if let Some(nv) = nv
            && let Some(i) = names
                .iter()
                .position(|n| n.as_ref().as_bytes() == &seg[..nv])
        {
            values[i] = std::str::from_utf8(&seg[nv + 1..]).ok();
        }
    };
    // One plain byte loop: segments are short, and a call per separator costs more than it
    // saves.
    let (mut start, mut nv) = (0, None);
    for (i, &b) in props.iter().enumerate() {
        if b == SEP {
            take(&props[start..i], nv);
            (start, nv) = (i + 1, None);
        } else if b == NV && nv.is_none() {
            nv = Some(i - start);
        }
    }
    if start < props.len() {
        take(&props[start..], nv);
    }
    values
}

impl MessageFilter for SqlFilter<'_> {
    #[inline]
    fn is_matched_by_consume_queue(&self, _unit: &CqUnit) -> CqMatch {
        CqMatch::CheckCommitLog
    }

    fn is_matched_by_commit_log(&self, msg: &StoredRecord<'_>) -> bool {
        self.matches(msg)
    }
}

/// A group's retry topic read with the SQL92 subscriptions of the group's real topics: each
/// message is matched by the filter of the topic it came from (its RETRY_TOPIC property);
/// one from a topic without a SQL92 subscription passes.
pub struct RetryFilter<'a> {
    tags: Option<TagFilter<'a>>,
    by_topic: Vec<(String, Arc<Expression>)>,
}

impl<'a> RetryFilter<'a> {
    /// The filter for a pull of `sub` (a `%RETRY%` topic) by `group`; None when the group has
    /// no SQL92 subscription, so the tag path serves the pull unchanged.
    pub fn of(
        sub: &'a SubscriptionData,
        group: &str,
        filters: &ConsumerFilterManager,
    ) -> Option<RetryFilter<'a>> {
        if !sub.topic.starts_with(RETRY_GROUP_TOPIC_PREFIX) || sub.class_filter_mode {
            return None;
        }
        let by_topic: Vec<(String, Arc<Expression>)> = filters
            .of_group(group)
            .into_iter()
            .filter_map(|(topic, d)| Some((topic, d.compiled.as_ref().ok()?.clone())))
            .collect();
        (!by_topic.is_empty()).then(|| RetryFilter {
            tags: TagFilter::of(sub),
            by_topic,
        })
    }
}

impl MessageFilter for RetryFilter<'_> {
    fn is_matched_by_consume_queue(&self, unit: &CqUnit) -> CqMatch {
        match &self.tags {
            Some(t) if t.is_matched_by_consume_queue(unit) == CqMatch::NotMatched => {
                CqMatch::NotMatched
            }
            _ => CqMatch::CheckCommitLog,
        }
    }

    fn is_matched_by_commit_log(&self, msg: &StoredRecord<'_>) -> bool {
        let Some(real_topic) = msg.property(RETRY_TOPIC) else {
            return true;
        };
        match self.by_topic.iter().find(|(t, _)| t == real_topic) {
            // Looked up one by one: building a one-pass filter here would allocate per message.
            Some((_, e)) => e.matches(&|name: &str| msg.property(name)),
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::message::java_hash;

    fn unit(tags_code: i64) -> CqUnit {
        let e = crate::store::consume_queue::CqEntry {
            commit_log_offset: 0,
            size: 100,
            tags_code,
        };
        CqUnit::new(0, &e)
    }

    #[test]
    fn tags_match_by_code_and_star_needs_no_filter() {
        let sub = SubscriptionData::from_tag_expression("T", "TagA || TagB", 1);
        let f = TagFilter::of(&sub).expect("names tags: filters");
        for (tag, want) in [("TagA", true), ("TagB", true), ("TagC", false)] {
            let got = f.is_matched_by_consume_queue(&unit(java_hash(tag) as i64));
            assert_eq!(got == CqMatch::Matched, want, "{tag}");
        }
        assert_eq!(
            f.is_matched_by_consume_queue(&unit(0)),
            CqMatch::NotMatched,
            "a message without tags does not match a tag list"
        );
        for expr in ["*", "", "  "] {
            let sub = SubscriptionData::from_tag_expression("T", expr, 1);
            assert!(TagFilter::of(&sub).is_none(), "{expr:?}");
        }
        let mut class_mode = SubscriptionData::from_tag_expression("T", "TagA", 1);
        class_mode.class_filter_mode = true;
        assert!(TagFilter::of(&class_mode).is_none());
    }

    #[test]
    fn agrees_with_the_subscription_check() {
        let sub = SubscriptionData::from_tag_expression("T", "a||b || c", 1);
        let f = TagFilter::of(&sub).unwrap();
        for code in [java_hash("a"), java_hash("c"), java_hash("d"), 0, -1] {
            let code = code as i64;
            assert_eq!(
                f.is_matched_by_consume_queue(&unit(code)) == CqMatch::Matched,
                sub.matches_tags_code(code)
            );
        }
    }

    fn sql(topic: &str, expression: &str, version: i64) -> SubscriptionData {
        SubscriptionData::from_sql_expression(topic, expression, version)
    }

    #[test]
    fn heartbeats_compile_once_per_version_and_a_bad_one_keeps_the_last_good() {
        let m = ConsumerFilterManager::default();
        m.register(
            "g",
            &[
                sql("T", "a > 1", 1),
                SubscriptionData::from_tag_expression("R", "*", 1),
            ],
        );
        let first = m.get("g", "T").unwrap();
        assert!(first.compiled.is_ok());
        assert!(
            m.get("g", "R").is_none(),
            "tag subscriptions need no filter"
        );
        m.register("g", &[sql("T", "a > 1", 1)]);
        assert!(
            Arc::ptr_eq(&first, &m.get("g", "T").unwrap()),
            "not compiled again"
        );
        m.register("g", &[sql("T", "a >", 2)]);
        assert!(
            Arc::ptr_eq(&first, &m.get("g", "T").unwrap()),
            "the last good one stays"
        );
        m.register("g", &[sql("T", "a > 2", 3)]);
        assert_eq!(m.get("g", "T").unwrap().client_version, 3);
        m.register("g", &[sql("T", "a > 9", 2)]);
        assert_eq!(
            m.get("g", "T").unwrap().expression,
            "a > 2",
            "an older heartbeat"
        );
        // A first subscription that does not compile is kept with its error.
        m.register("h", &[sql("T", "((", 1)]);
        let e = m.get("h", "T").unwrap().compiled.clone().unwrap_err();
        assert!(e.starts_with("Invalid MessageSelector. "), "{e}");
        assert_eq!(m.of_group("g").len(), 1);
    }

    #[test]
    fn one_pass_agrees_with_the_record_lookup() {
        use crate::protocol::message::build_properties;
        let props = build_properties([("TAGS", "t"), ("a", "1"), ("region", "eu"), ("a", "2")]);
        let names = ["a", "region", "missing", "TAGS", ""];
        let values = one_pass(props.as_bytes(), &names);
        assert_eq!(&values[..5], [Some("2"), Some("eu"), None, Some("t"), None]);
        assert_eq!(one_pass(b"", &names)[0], None);
        assert_eq!(one_pass(b"a\x01", &names)[0], Some(""));
    }

    #[test]
    fn pulls_naming_their_subscription_compile_once() {
        let m = ConsumerFilterManager::default();
        let a = m.for_pull("g", "T", "a > 1", "SQL92", 5);
        let b = m.for_pull("g", "T", "a > 1", "SQL92", 5);
        assert!(Arc::ptr_eq(&a, &b));
        let c = m.for_pull("g", "T", "a > 1", "SQL92", 6);
        assert!(!Arc::ptr_eq(&a, &c));
        assert!(m.get("g", "T").is_none(), "kept apart from heartbeats");
        let bad = m.for_pull("g", "T", "a > 1", "XPATH", 6);
        assert!(
            bad.compiled
                .as_ref()
                .unwrap_err()
                .contains("unknown expression type")
        );
    }

    #[test]
    fn sql_and_retry_filters_read_the_stored_properties() {
        use crate::protocol::message::build_properties;
        use crate::store::{AppendMessage, MessageStore, StoreConfig};
        let dir = tempfile::tempdir().unwrap();
        let mut c = StoreConfig::new(dir.path());
        c.mapped_file_size_commit_log = 1 << 20;
        c.mapped_file_size_consume_queue = 20 * 4096;
        c.message_index_enable = false;
        let store = MessageStore::open(c).unwrap();
        let append = |topic: &str, props: &str| {
            store
                .append(&AppendMessage {
                    topic,
                    queue_id: 0,
                    flag: 0,
                    body: b"b",
                    properties: props,
                    sys_flag: 0,
                    born_timestamp: 1,
                    born_host: "127.0.0.1:1".parse().unwrap(),
                    store_host: "127.0.0.1:2".parse().unwrap(),
                    reconsume_times: 0,
                    prepared_transaction_offset: 0,
                })
                .unwrap();
        };
        for i in 0..6 {
            let n = i.to_string();
            append("T", &build_properties([("a", n.as_str())]));
            append(
                "%RETRY%g",
                &build_properties([("a", n.as_str()), ("RETRY_TOPIC", "T")]),
            );
        }
        append(
            "%RETRY%g",
            &build_properties([("a", "0"), ("RETRY_TOPIC", "Other")]),
        );
        let e = crate::filter::compile("a >= 3").unwrap();
        let r = store.get_message_filtered("T", 0, 0, 32, usize::MAX, &SqlFilter::new(&e));
        assert_eq!(r.queue_offsets, vec![3, 4, 5]);

        let m = ConsumerFilterManager::default();
        let retry_sub = SubscriptionData::from_tag_expression("%RETRY%g", "*", 1);
        assert!(
            RetryFilter::of(&retry_sub, "g", &m).is_none(),
            "no SQL92 subscription"
        );
        m.register("g", &[sql("T", "a >= 3", 1)]);
        let plain = SubscriptionData::from_tag_expression("T", "*", 1);
        assert!(
            RetryFilter::of(&plain, "g", &m).is_none(),
            "not a retry topic"
        );
        let f = RetryFilter::of(&retry_sub, "g", &m).unwrap();
        let r = store.get_message_filtered("%RETRY%g", 0, 0, 32, usize::MAX, &f);
        assert_eq!(
            r.queue_offsets,
            vec![3, 4, 5, 6],
            "another topic's retries pass"
        );
    }
}
