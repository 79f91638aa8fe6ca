//! Choosing the queue of an ordered message (Java's MessageQueueSelector):
//! messages with the same sharding key go to the same queue, so a consumer
//! that reads each queue in order reads each key in order.
//! `SelectMessageQueueByHash` hashes the key as Java's `String.hashCode`
//! does, so `mq` and Java producers put a key on the same queue.

use crate::protocol::admin::MessageQueue;

/// Picks one of a topic's write queues (sorted by broker name, then queue id)
/// for a message, from an argument such as a sharding key.
pub trait MessageQueueSelector: Send + Sync {
    fn select<'a>(&self, queues: &'a [MessageQueue], arg: &str) -> Option<&'a MessageQueue>;
}

/// Java's SelectMessageQueueByHash: `abs(arg.hashCode() % n)`.
#[derive(Clone, Copy, Debug, Default)]
pub struct SelectMessageQueueByHash;

impl MessageQueueSelector for SelectMessageQueueByHash {
    fn select<'a>(&self, queues: &'a [MessageQueue], arg: &str) -> Option<&'a MessageQueue> {
        queue_index_by_hash(arg, queues.len()).map(|i| &queues[i])
    }
}

/// The index SelectMessageQueueByHash picks among `n` queues for `key`.
pub fn queue_index_by_hash(key: &str, n: usize) -> Option<usize> {
    let n = i32::try_from(n).ok().filter(|n| *n > 0)?;
    // Java takes the remainder first, then its absolute value; the
    // remainder is never i32::MIN, so abs cannot overflow.
    Some((java_string_hash(key) % n).unsigned_abs() as usize)
}

/// Java's `String.hashCode`: `s[0]*31^(n-1) + ... + s[n-1]` over UTF-16 code
/// units, wrapping in 32 bits.
pub fn java_string_hash(s: &str) -> i32 {
    s.encode_utf16().fold(0i32, |h, unit| {
        h.wrapping_mul(31).wrapping_add(i32::from(unit))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_hash_matches_java() {
        // Values printed by Java's "...".hashCode().
        assert_eq!(java_string_hash(""), 0);
        assert_eq!(java_string_hash("a"), 97);
        assert_eq!(java_string_hash("hello"), 99_162_322);
        assert_eq!(java_string_hash("Aa"), java_string_hash("BB"));
        assert_eq!(java_string_hash("Aa"), 2112);
        assert_eq!(java_string_hash("polygenelubricants"), i32::MIN);
        assert_eq!(java_string_hash("order-1"), -1_207_111_310);
        // Non-ASCII hashes UTF-16 units: é is one unit, an emoji two (a surrogate pair).
        assert_eq!(java_string_hash("é"), 233);
        assert_eq!(java_string_hash("😀"), 55_357 * 31 + 56_832);
    }

    #[test]
    fn hash_selector_takes_the_absolute_remainder() {
        let queues: Vec<MessageQueue> = (0..8).map(|i| MessageQueue::new("T", "b", i)).collect();
        let s = SelectMessageQueueByHash;
        assert_eq!(s.select(&queues, "hello").unwrap().queue_id, 2); // 99162322 % 8
        // -1207111310 % 8 = -6 in Java, so queue 6.
        assert_eq!(s.select(&queues, "order-1").unwrap().queue_id, 6);
        // i32::MIN % 8 == 0: no overflow.
        assert_eq!(s.select(&queues, "polygenelubricants").unwrap().queue_id, 0);
        assert_eq!(queue_index_by_hash("polygenelubricants", 3), Some(2));
        assert!(s.select(&[], "k").is_none());
        assert_eq!(queue_index_by_hash("hello", 1), Some(0));
    }
}
