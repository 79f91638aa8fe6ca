//! The message filter the read path asks (RocketMQ's MessageFilter): a first check on each
//! consume queue entry and, only where that check says so, a second one on the stored record's
//! properties. The store knows only this trait; what a subscription means (tags, SQL92) is the
//! broker's business.

use super::consume_queue::CqEntry;
use super::message;

/// A consume queue entry as a filter sees it (RocketMQ's CqUnit). Non-exhaustive so the
/// consume queue ext unit (a SQL92 filter's bit map) can join it without breaking filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CqUnit {
    pub queue_offset: i64,
    pub commit_log_offset: i64,
    pub size: i32,
    pub tags_code: i64,
}

impl CqUnit {
    pub(crate) fn new(queue_offset: i64, e: &CqEntry) -> CqUnit {
        CqUnit {
            queue_offset,
            commit_log_offset: e.commit_log_offset,
            size: e.size,
            tags_code: e.tags_code,
        }
    }
}

/// What the consume queue check decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CqMatch {
    /// Skipped: never read from the commit log.
    NotMatched,
    /// Served as is.
    Matched,
    /// Undecided: `MessageFilter::is_matched_by_commit_log` decides, on the stored record.
    CheckCommitLog,
}

impl From<bool> for CqMatch {
    fn from(matched: bool) -> CqMatch {
        if matched {
            CqMatch::Matched
        } else {
            CqMatch::NotMatched
        }
    }
}

/// Decides which messages of a queue a read returns. Entries a filter rejects count towards
/// the read's scan limit and make an otherwise empty read NO_MATCHED_MESSAGE.
pub trait MessageFilter {
    /// The check on the consume queue entry (tags code; later the CQ ext unit). Called for every
    /// entry examined, so it must be cheap.
    fn is_matched_by_consume_queue(&self, unit: &CqUnit) -> CqMatch;

    /// The check on the stored record, asked only for entries the first check left undecided.
    /// The record is read in place in the commit log, not copied.
    fn is_matched_by_commit_log(&self, _msg: &StoredRecord<'_>) -> bool {
        true
    }
}

/// Every message: what an unfiltered read uses, with no call per entry once inlined.
#[derive(Debug, Clone, Copy, Default)]
pub struct MatchAll;

impl MessageFilter for MatchAll {
    #[inline]
    fn is_matched_by_consume_queue(&self, _unit: &CqUnit) -> CqMatch {
        CqMatch::Matched
    }
}

/// A function of the tags code is a filter on the consume queue alone.
impl<F: Fn(i64) -> bool + ?Sized> MessageFilter for F {
    #[inline]
    fn is_matched_by_consume_queue(&self, unit: &CqUnit) -> CqMatch {
        self(unit.tags_code).into()
    }
}

/// A record in the commit log, lent to a filter for the time of its check.
#[derive(Debug, Clone, Copy)]
pub struct StoredRecord<'a> {
    record: &'a [u8],
    properties: &'a [u8],
}

impl<'a> StoredRecord<'a> {
    /// A view of a whole record; a record whose layout does not hold together has no
    /// properties.
    pub fn new(record: &'a [u8]) -> StoredRecord<'a> {
        let properties = message::index_fields(record).map_or(&[][..], |f| f.properties);
        StoredRecord { record, properties }
    }

    /// The whole record, in the commit log's format.
    pub fn record(&self) -> &'a [u8] {
        self.record
    }

    /// The properties string as stored (name\u{1}value pairs separated by \u{2}).
    pub fn properties(&self) -> &'a [u8] {
        self.properties
    }

    /// The value of a property (the last one if it repeats), if present and UTF-8.
    pub fn property(&self, name: &str) -> Option<&'a str> {
        let [value] = message::find_property_bytes(self.properties, [name]);
        std::str::from_utf8(value?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::message::build_properties;
    use crate::store::{AppendMessage, GetMessageStatus, MessageStore, StoreConfig};
    use std::cell::Cell;

    fn open(dir: &std::path::Path) -> MessageStore {
        let mut c = StoreConfig::new(dir);
        c.mapped_file_size_commit_log = 1 << 20;
        c.mapped_file_size_consume_queue = 20 * 4096;
        c.message_index_enable = false;
        MessageStore::open(c).unwrap()
    }

    fn append(store: &MessageStore, props: &str) {
        let msg = AppendMessage {
            topic: "F",
            queue_id: 0,
            flag: 0,
            body: b"body",
            properties: props,
            sys_flag: 0,
            born_timestamp: 1_700_000_000_000,
            born_host: "127.0.0.1:50000".parse().unwrap(),
            store_host: "127.0.0.1:10911".parse().unwrap(),
            reconsume_times: 0,
            prepared_transaction_offset: 0,
        };
        store.append(&msg).unwrap();
    }

    /// Undecided on every entry; passes records whose `color` is red. Counts its calls.
    #[derive(Default)]
    struct RedOnly {
        cq_calls: Cell<usize>,
        commit_log_calls: Cell<usize>,
    }

    impl MessageFilter for RedOnly {
        fn is_matched_by_consume_queue(&self, _unit: &CqUnit) -> CqMatch {
            self.cq_calls.set(self.cq_calls.get() + 1);
            CqMatch::CheckCommitLog
        }
        fn is_matched_by_commit_log(&self, msg: &StoredRecord<'_>) -> bool {
            self.commit_log_calls.set(self.commit_log_calls.get() + 1);
            assert!(msg.record().len() > msg.properties().len());
            msg.property("color") == Some("red")
        }
    }

    #[test]
    fn a_filter_that_needs_properties_sees_them() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        for i in 0..10 {
            let color = if i % 2 == 0 { "red" } else { "blue" };
            let n = i.to_string();
            append(
                &store,
                &build_properties([("TAGS", "t"), ("color", color), ("n", &n)]),
            );
        }
        let f = RedOnly::default();
        let r = store.get_message_filtered("F", 0, 0, 32, usize::MAX, &f);
        assert_eq!(r.status, GetMessageStatus::Found);
        assert_eq!(r.queue_offsets, vec![0, 2, 4, 6, 8]);
        assert_eq!(r.next_begin_offset, 10);
        for (m, q) in r.messages.iter().zip(&r.queue_offsets) {
            let d = crate::store::message::decode_message(m).unwrap();
            assert_eq!(d.properties["color"], "red");
            assert_eq!(d.properties["n"], q.to_string());
        }
        assert_eq!((f.cq_calls.get(), f.commit_log_calls.get()), (10, 10));

        // Decided on the consume queue: the commit log check is never asked.
        struct TagsOnly(Cell<usize>);
        impl MessageFilter for TagsOnly {
            fn is_matched_by_consume_queue(&self, u: &CqUnit) -> CqMatch {
                (u.queue_offset < 3).into()
            }
            fn is_matched_by_commit_log(&self, _msg: &StoredRecord<'_>) -> bool {
                self.0.set(self.0.get() + 1);
                false
            }
        }
        let f = TagsOnly(Cell::new(0));
        let r = store.get_message_filtered("F", 0, 0, 32, usize::MAX, &f);
        assert_eq!(r.queue_offsets, vec![0, 1, 2]);
        assert_eq!(f.0.get(), 0);

        // Through a trait object, as a broker holding several kinds of filter calls it.
        let dynamic: &dyn MessageFilter = &RedOnly::default();
        let r = store.get_message_filtered("F", 0, 5, 32, usize::MAX, dynamic);
        assert_eq!(r.queue_offsets, vec![6, 8]);
    }

    #[test]
    fn rejecting_everything_is_no_matched_message() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        for _ in 0..10 {
            append(
                &store,
                &build_properties([("TAGS", "t"), ("color", "blue")]),
            );
        }
        let on_cq = |_: i64| false;
        let on_record = RedOnly::default();
        for r in [
            store.get_message_filtered("F", 0, 0, 32, usize::MAX, &on_cq),
            store.get_message_filtered("F", 0, 0, 32, usize::MAX, &on_record),
        ] {
            assert_eq!(r.status, GetMessageStatus::NoMatchedMessage);
            assert!(r.messages.is_empty());
            assert_eq!(r.next_begin_offset, 10, "the consumer moves past them");
        }
        // Filtered entries are not mistaken for missing ones past the end.
        let r = store.get_message_filtered("F", 0, 10, 32, usize::MAX, &on_cq);
        assert_eq!(r.status, GetMessageStatus::OffsetOverflowOne);
    }

    #[test]
    fn the_scan_limit_holds() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        let total = 16_010;
        for i in 0..total {
            let tags = if i == total - 1 { "last" } else { "other" };
            append(&store, &build_properties([("TAGS", tags)]));
        }
        let last = crate::protocol::message::java_hash("last") as i64;
        let only_last = |code: i64| code == last;
        let r = store.get_message_filtered("F", 0, 0, 32, usize::MAX, &only_last);
        assert_eq!(r.status, GetMessageStatus::NoMatchedMessage);
        assert_eq!(
            r.next_begin_offset, 16_000,
            "examines 16,000 entries, no more"
        );
        let r = store.get_message_filtered("F", 0, r.next_begin_offset, 32, usize::MAX, &only_last);
        assert_eq!(r.status, GetMessageStatus::Found);
        assert_eq!(r.queue_offsets, vec![total - 1]);
        assert_eq!(r.next_begin_offset, total);
    }
}
