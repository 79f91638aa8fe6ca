//! Helpers shared by the store integration tests.
#![allow(dead_code)]

use mq::store::message::build_properties;
use mq::store::{AppendMessage, FlushDiskType, StoreConfig};
use std::path::Path;

/// A config with tiny files so that tests roll over often.
pub fn tiny_config(dir: &Path, flush: FlushDiskType) -> StoreConfig {
    let mut c = StoreConfig::new(dir);
    c.mapped_file_size_commit_log = 4096;
    c.mapped_file_size_consume_queue = 20 * 16;
    c.max_hash_slot_num = 64;
    c.max_index_num = 128;
    c.flush_disk_type = flush;
    c.flush_interval_commit_log = 20;
    c.flush_interval_consume_queue = 20;
    c
}

/// An owned message, so tests can keep what they sent.
#[derive(Debug, Clone)]
pub struct Msg {
    pub topic: String,
    pub queue_id: i32,
    pub body: Vec<u8>,
    pub props: String,
}

impl Msg {
    pub fn new(
        topic: &str,
        queue_id: i32,
        body: Vec<u8>,
        tag: &str,
        keys: &str,
        uniq: &str,
    ) -> Msg {
        let mut pairs = vec![("TAGS", tag)];
        if !keys.is_empty() {
            pairs.push(("KEYS", keys));
        }
        if !uniq.is_empty() {
            pairs.push((mq::protocol::message::property::UNIQ_KEY, uniq));
        }
        Msg {
            topic: topic.to_string(),
            queue_id,
            body,
            props: build_properties(pairs),
        }
    }

    pub fn append(&self) -> AppendMessage<'_> {
        AppendMessage {
            topic: &self.topic,
            queue_id: self.queue_id,
            flag: 0,
            body: &self.body,
            properties: &self.props,
            sys_flag: 0,
            born_timestamp: 1_700_000_000_000,
            born_host: "127.0.0.1:50000".parse().unwrap(),
            store_host: "127.0.0.1:10911".parse().unwrap(),
            reconsume_times: 0,
            prepared_transaction_offset: 0,
        }
    }
}

pub fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}
