//! The filters a pull reads with (RocketMQ's ExpressionMessageFilter), built from the
//! consumer's SubscriptionData. Today only TAG expressions, matched by the tags code in the
//! consume queue; SQL92 joins as another `MessageFilter` that asks for the record's properties.

use std::collections::BTreeSet;

use crate::protocol::heartbeat::{SUB_ALL, SubscriptionData};
use crate::store::{CqMatch, CqUnit, MessageFilter};

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
}
