//! The broker's topics (RocketMQ's TopicConfigManager): the system topics a
//! broker starts with, topics created by admins or automatically on first
//! send (from TBW102), their data version, and config/topics.json.

use std::collections::BTreeMap;
use std::sync::RwLock;

use super::config::BrokerConfig;
use crate::protocol::message::reply_topic;
use crate::protocol::perm::{self, PERM_INHERIT, PERM_READ, PERM_WRITE};
use crate::protocol::topic::*;
use crate::protocol::topic_config::{DataVersion, TopicConfig, TopicConfigSerializeWrapper};
use crate::store::config_file::{self, ConfigFile};
use crate::util::now_millis;

/// System topics: created by the broker, not by users.
pub fn is_system_topic(topic: &str, config: &BrokerConfig) -> bool {
    topic.starts_with("rmq_sys_")
        || topic.starts_with("RMQ_SYS_")
        || [
            AUTO_CREATE_TOPIC_KEY_TOPIC,
            SELF_TEST_TOPIC,
            BENCHMARK_TOPIC,
            OFFSET_MOVED_EVENT,
            SCHEDULE_TOPIC,
            TRANS_CHECK_MAX_TIME_TOPIC,
        ]
        .contains(&topic)
        || topic == config.broker_cluster_name
        || topic == config.broker_name
        || topic == reply_topic(&config.broker_cluster_name)
}

struct Table {
    topics: BTreeMap<String, TopicConfig>,
    data_version: DataVersion,
}

pub struct TopicConfigManager {
    table: RwLock<Table>,
    file: ConfigFile,
}

impl TopicConfigManager {
    /// Loads config/topics.json under `store_root` and adds the system topics.
    pub fn load(store_root: &std::path::Path, config: &BrokerConfig) -> crate::store::Result<Self> {
        let path = config_file::config_path(store_root, "topics.json");
        let mut topics = BTreeMap::new();
        let mut data_version = DataVersion::new(now_millis());
        if let Some(saved) = config_file::load_json::<TopicConfigSerializeWrapper>(&path)? {
            topics = saved.topic_config_table;
            data_version = saved.data_version;
        }
        for t in system_topics(config) {
            topics.entry(t.topic_name.clone()).or_insert(t);
        }
        Ok(TopicConfigManager {
            table: RwLock::new(Table {
                topics,
                data_version,
            }),
            file: ConfigFile::new(path),
        })
    }

    pub fn get(&self, topic: &str) -> Option<TopicConfig> {
        self.table.read().unwrap().topics.get(topic).cloned()
    }

    /// `f` of the topic's config, without a copy of it (a send looks its topic up).
    pub fn with<R>(&self, topic: &str, f: impl FnOnce(&TopicConfig) -> R) -> Option<R> {
        self.table.read().unwrap().topics.get(topic).map(f)
    }

    pub fn contains(&self, topic: &str) -> bool {
        self.table.read().unwrap().topics.contains_key(topic)
    }

    /// Every topic and the table's version, as REGISTER_BROKER and
    /// GET_ALL_TOPIC_CONFIG send them.
    pub fn wrapper(&self) -> TopicConfigSerializeWrapper {
        let t = self.table.read().unwrap();
        TopicConfigSerializeWrapper {
            data_version: t.data_version.clone(),
            topic_config_table: t.topics.clone(),
        }
    }

    /// Creates or replaces a topic and persists the table.
    pub fn update(&self, config: TopicConfig) -> crate::store::Result<()> {
        {
            let mut t = self.table.write().unwrap();
            t.topics.insert(config.topic_name.clone(), config);
            t.data_version.next_version(now_millis());
        }
        self.persist()
    }

    /// Moves the data version on without a topic change, so that name servers take the next
    /// registration's topic permissions (they skip a registration whose version they have).
    pub fn next_data_version(&self) {
        self.table
            .write()
            .unwrap()
            .data_version
            .next_version(now_millis());
    }

    /// Removes a topic; false if it did not exist.
    pub fn delete(&self, topic: &str) -> crate::store::Result<bool> {
        let existed = {
            let mut t = self.table.write().unwrap();
            let existed = t.topics.remove(topic).is_some();
            if existed {
                t.data_version.next_version(now_millis());
            }
            existed
        };
        if existed {
            self.persist()?;
        }
        Ok(existed)
    }

    /// A topic created on first send from `default_topic` (TBW102), as
    /// RocketMQ's createTopicInSendMessageMethod does: the default topic must
    /// carry the INHERIT permission. `None` when it may not be created.
    pub fn create_in_send(
        &self,
        topic: &str,
        default_topic: &str,
        client_queue_nums: i32,
        topic_sys_flag: i32,
    ) -> crate::store::Result<Option<TopicConfig>> {
        let created = {
            let mut t = self.table.write().unwrap();
            if let Some(existing) = t.topics.get(topic) {
                return Ok(Some(existing.clone()));
            }
            let Some(default) = t.topics.get(default_topic) else {
                return Ok(None);
            };
            if default_topic != AUTO_CREATE_TOPIC_KEY_TOPIC || !perm::is_inherited(default.perm) {
                return Ok(None);
            }
            let queues = client_queue_nums.min(default.write_queue_nums).max(1);
            let mut config =
                TopicConfig::with_queues(topic, queues, queues, default.perm & !PERM_INHERIT);
            config.topic_sys_flag = topic_sys_flag;
            t.topics.insert(topic.to_string(), config.clone());
            t.data_version.next_version(now_millis());
            config
        };
        tracing::info!(
            "auto-created topic {topic} from {default_topic} with {} queues",
            created.write_queue_nums
        );
        self.persist()?;
        Ok(Some(created))
    }

    /// The topic, created with `queues` queues and read-write permission if
    /// it does not exist (retry and DLQ topics).
    pub fn get_or_create_system(
        &self,
        topic: &str,
        queues: i32,
    ) -> crate::store::Result<TopicConfig> {
        if let Some(t) = self.get(topic) {
            return Ok(t);
        }
        let config = TopicConfig::with_queues(topic, queues, queues, PERM_READ | PERM_WRITE);
        self.update(config.clone())?;
        Ok(config)
    }

    /// A slave's copy of its master's table: every topic and the version replaced, persisted.
    pub fn replace_all(&self, master: TopicConfigSerializeWrapper) -> crate::store::Result<()> {
        {
            let mut t = self.table.write().unwrap();
            t.topics = master.topic_config_table;
            t.data_version = master.data_version;
        }
        self.persist()
    }

    pub fn persist(&self) -> crate::store::Result<()> {
        self.file.persist(|| self.wrapper())
    }
}

/// The topics a RocketMQ broker creates at start.
fn system_topics(c: &BrokerConfig) -> Vec<TopicConfig> {
    let rwx = PERM_READ | PERM_WRITE | PERM_INHERIT;
    let rw = PERM_READ | PERM_WRITE;
    let mut topics = vec![
        TopicConfig::with_queues(SELF_TEST_TOPIC, 1, 1, rw),
        TopicConfig::with_queues(BENCHMARK_TOPIC, 1024, 1024, rw),
        TopicConfig::with_queues(OFFSET_MOVED_EVENT, 1, 1, rw),
        TopicConfig::with_queues(SCHEDULE_TOPIC, 18, 18, rw),
        TopicConfig::with_queues(reply_topic(&c.broker_cluster_name), 1, 1, rw),
    ];
    if c.auto_create_topic_enable {
        let q = c.default_topic_queue_nums;
        topics.push(TopicConfig::with_queues(
            AUTO_CREATE_TOPIC_KEY_TOPIC,
            q,
            q,
            rwx,
        ));
    }
    if c.cluster_topic_enable {
        topics.push(TopicConfig::with_queues(
            &c.broker_cluster_name,
            16,
            16,
            rwx,
        ));
    }
    if c.broker_topic_enable {
        topics.push(TopicConfig::with_queues(&c.broker_name, 1, 1, rwx));
    }
    if c.trace_topic_enable {
        topics.push(TopicConfig::with_queues(TRACE_TOPIC, 1, 1, rw));
    }
    topics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_names() {
        assert!(validate_topic_name("TopicTest").is_ok());
        assert!(validate_topic_name("%RETRY%group-1").is_ok());
        assert!(validate_topic_name("bad topic").is_err());
        assert!(validate_topic_name("").is_err());
        assert!(validate_topic_name(&"x".repeat(128)).is_err());
    }

    #[test]
    fn system_topics_auto_create_and_persistence() {
        let dir = tempfile::tempdir().unwrap();
        let config = BrokerConfig::default();
        let m = TopicConfigManager::load(dir.path(), &config).unwrap();
        assert_eq!(m.get("TBW102").unwrap().perm, 7);
        assert!(m.contains("DefaultCluster") && m.contains("broker-a"));

        let created = m
            .create_in_send("NewTopic", "TBW102", 4, 0)
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                created.read_queue_nums,
                created.write_queue_nums,
                created.perm
            ),
            (4, 4, 6)
        );
        assert!(
            m.create_in_send("Other", "NoDefault", 4, 0)
                .unwrap()
                .is_none()
        );
        assert!(
            m.create_in_send("Other", "DefaultCluster", 4, 0)
                .unwrap()
                .is_none()
        );

        let m2 = TopicConfigManager::load(dir.path(), &config).unwrap();
        assert_eq!(m2.get("NewTopic").unwrap().write_queue_nums, 4);
        assert!(m2.delete("NewTopic").unwrap());
        assert!(!m2.contains("NewTopic"));
    }

    #[test]
    fn concurrent_updates_all_persist() {
        let dir = tempfile::tempdir().unwrap();
        let config = BrokerConfig::default();
        let m = TopicConfigManager::load(dir.path(), &config).unwrap();
        std::thread::scope(|s| {
            for t in 0..4 {
                let m = &m;
                s.spawn(move || {
                    for i in 0..25 {
                        m.update(TopicConfig::new(format!("T{t}-{i}"))).unwrap();
                    }
                });
            }
        });
        let reloaded = TopicConfigManager::load(dir.path(), &config).unwrap();
        for t in 0..4 {
            for i in 0..25 {
                assert!(reloaded.contains(&format!("T{t}-{i}")), "T{t}-{i} lost");
            }
        }
    }

    #[test]
    fn without_auto_create_there_is_no_tbw102() {
        let dir = tempfile::tempdir().unwrap();
        let config = BrokerConfig {
            auto_create_topic_enable: false,
            ..Default::default()
        };
        let m = TopicConfigManager::load(dir.path(), &config).unwrap();
        assert!(!m.contains("TBW102"));
        assert!(
            m.create_in_send("NewTopic", "TBW102", 4, 0)
                .unwrap()
                .is_none()
        );
    }
}
