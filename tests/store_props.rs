//! Property test: any sequence of appends (random sizes, topics, queues, with roll-overs of
//! tiny files) reads back byte for byte by queue offset, by physical offset and by key, before
//! and after a restart.

mod store_common;

use mq::store::message::decode_message;
use mq::store::{FlushDiskType, MessageStore, PutResult};
use proptest::prelude::*;
use store_common::{Msg, rt, tiny_config};

fn check(store: &MessageStore, msgs: &[Msg], results: &[PutResult]) {
    assert!(store.wait_index_caught_up(std::time::Duration::from_secs(10)));
    for (i, (m, r)) in msgs.iter().zip(results).enumerate() {
        let by_phys = store
            .get_message_by_offset(r.physical_offset)
            .expect("by physical offset");
        let d = decode_message(&by_phys).unwrap();
        assert_eq!(
            (&d.topic, d.queue_id, &d.body),
            (&m.topic, m.queue_id, &m.body)
        );
        assert_eq!(d.queue_offset, r.queue_offset);
        let g = store.get_message(&m.topic, m.queue_id, r.queue_offset, 1, usize::MAX);
        assert_eq!(g.messages.first(), Some(&by_phys), "by queue offset");
        let hits = store.query_message(&m.topic, &format!("key-{i}"), 4, 0, i64::MAX);
        assert_eq!(hits, vec![by_phys.clone()], "by key");
    }
    // Queue offsets are dense per queue.
    for (topic, q) in store.queues() {
        let n = msgs
            .iter()
            .filter(|m| m.topic == topic && m.queue_id == q)
            .count();
        assert_eq!(store.max_offset_in_queue(&topic, q), n as i64);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn appends_read_back(spec in prop::collection::vec((0..3usize, 0..4i32, 0..1500usize, any::<u8>()), 1..80)) {
        let dir = tempfile::tempdir().unwrap();
        let topics = ["A", "TopicB", "%RETRY%group_c"];
        let msgs: Vec<Msg> = spec
            .iter()
            .enumerate()
            .map(|(i, &(t, q, len, fill))| {
                Msg::new(topics[t], q, vec![fill ^ i as u8; len], "tag", &format!("key-{i}"), "")
            })
            .collect();
        let rt = rt();
        let results: Vec<PutResult> = {
            let store = MessageStore::open(tiny_config(dir.path(), FlushDiskType::AsyncFlush)).unwrap();
            let mut results = Vec::new();
            // Some singles, some batches of one queue.
            let mut i = 0;
            while i < msgs.len() {
                let j = (i + 1..msgs.len())
                    .take_while(|&j| msgs[j].topic == msgs[i].topic && msgs[j].queue_id == msgs[i].queue_id)
                    .last()
                    .map(|j| j + 1)
                    .unwrap_or(i + 1);
                let appends: Vec<_> = msgs[i..j].iter().map(|m| m.append()).collect();
                let mut each = Vec::new();
                let r = rt.block_on(store.put_messages(&appends, Some(&mut each))).unwrap();
                for a in each {
                    results.push(PutResult { physical_offset: a.physical_offset, queue_offset: a.queue_offset, wrote_bytes: a.wrote_bytes, msg_count: 1, ..r.clone() });
                }
                i = j;
            }
            check(&store, &msgs, &results);
            results
        };
        let store = MessageStore::open(tiny_config(dir.path(), FlushDiskType::AsyncFlush)).unwrap();
        check(&store, &msgs, &results);
    }
}
