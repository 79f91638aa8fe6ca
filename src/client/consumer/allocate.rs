//! Clustering queue allocation: RocketMQ's AllocateMessageQueueAveragely.
//! Every member computes its own share from the same sorted queue list and
//! sorted consumer id list, so the shares never overlap and cover all queues.

use crate::protocol::admin::MessageQueue;

/// The queues `current` consumes, given every queue (sorted) and every
/// consumer id of the group (sorted). Empty when `current` is not a member.
pub fn allocate_averagely(
    current: &str,
    mq_all: &[MessageQueue],
    cid_all: &[String],
) -> Vec<MessageQueue> {
    if current.is_empty() || mq_all.is_empty() || cid_all.is_empty() {
        return Vec::new();
    }
    let Some(index) = cid_all.iter().position(|c| c == current) else {
        return Vec::new();
    };
    let n = mq_all.len();
    let m = cid_all.len();
    let rem = n % m;
    let avg = if n <= m {
        1
    } else if rem > 0 && index < rem {
        n / m + 1
    } else {
        n / m
    };
    let start = if rem > 0 && index < rem {
        index * avg
    } else {
        index * avg + rem
    };
    let range = avg.min(n.saturating_sub(start));
    (0..range)
        .map(|i| mq_all[(start + i) % n].clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queues(n: i32) -> Vec<MessageQueue> {
        (0..n).map(|i| MessageQueue::new("T", "b", i)).collect()
    }

    fn cids(m: usize) -> Vec<String> {
        (0..m).map(|i| format!("c{i}")).collect()
    }

    fn ids(v: &[MessageQueue]) -> Vec<i32> {
        v.iter().map(|q| q.queue_id).collect()
    }

    #[test]
    fn matches_javas_shares() {
        let mq = queues(8);
        let c = cids(3);
        assert_eq!(ids(&allocate_averagely("c0", &mq, &c)), [0, 1, 2]);
        assert_eq!(ids(&allocate_averagely("c1", &mq, &c)), [3, 4, 5]);
        assert_eq!(ids(&allocate_averagely("c2", &mq, &c)), [6, 7]);
        let c = cids(2);
        assert_eq!(ids(&allocate_averagely("c0", &queues(4), &c)), [0, 1]);
        assert_eq!(ids(&allocate_averagely("c1", &queues(4), &c)), [2, 3]);
    }

    #[test]
    fn more_consumers_than_queues_leaves_some_idle() {
        let mq = queues(2);
        let c = cids(3);
        assert_eq!(ids(&allocate_averagely("c0", &mq, &c)), [0]);
        assert_eq!(ids(&allocate_averagely("c1", &mq, &c)), [1]);
        assert!(allocate_averagely("c2", &mq, &c).is_empty());
    }

    #[test]
    fn edge_cases() {
        assert!(allocate_averagely("x", &queues(4), &cids(2)).is_empty());
        assert!(allocate_averagely("c0", &[], &cids(2)).is_empty());
        assert!(allocate_averagely("c0", &queues(4), &[]).is_empty());
        assert!(allocate_averagely("", &queues(4), &cids(1)).is_empty());
        assert_eq!(
            ids(&allocate_averagely("c0", &queues(5), &cids(1))),
            [0, 1, 2, 3, 4]
        );
    }

    #[test]
    fn shares_partition_the_queues() {
        for n in 0..20 {
            for m in 1..8 {
                let mq = queues(n);
                let c = cids(m);
                let mut all: Vec<i32> = c
                    .iter()
                    .flat_map(|cid| ids(&allocate_averagely(cid, &mq, &c)))
                    .collect();
                all.sort();
                assert_eq!(all, (0..n).collect::<Vec<_>>(), "n={n} m={m}");
            }
        }
    }
}
