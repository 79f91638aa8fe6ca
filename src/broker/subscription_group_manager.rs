//! Consumer groups known to the broker (RocketMQ's SubscriptionGroupManager):
//! the pre-created ones, those created on first use when
//! autoCreateSubscriptionGroup is on, and config/subscriptionGroup.json.

use std::sync::RwLock;

use crate::protocol::subscription_group::{
    PRE_CREATED_GROUPS, SubscriptionGroupConfig, SubscriptionGroupWrapper,
};
use crate::protocol::topic_config::DataVersion;
use crate::store::config_file::{self, ConfigFile};
use crate::util::now_millis;

pub struct SubscriptionGroupManager {
    table: RwLock<SubscriptionGroupWrapper>,
    file: ConfigFile,
    auto_create: bool,
}

impl SubscriptionGroupManager {
    pub fn load(store_root: &std::path::Path, auto_create: bool) -> crate::store::Result<Self> {
        let path = config_file::config_path(store_root, "subscriptionGroup.json");
        let mut table =
            config_file::load_json::<SubscriptionGroupWrapper>(&path)?.unwrap_or_else(|| {
                SubscriptionGroupWrapper {
                    data_version: DataVersion::new(now_millis()),
                    ..Default::default()
                }
            });
        for g in PRE_CREATED_GROUPS {
            table
                .subscription_group_table
                .entry(g.to_string())
                .or_insert_with(|| SubscriptionGroupConfig::new(g));
        }
        Ok(SubscriptionGroupManager {
            table: RwLock::new(table),
            file: ConfigFile::new(path),
            auto_create,
        })
    }

    pub fn get(&self, group: &str) -> Option<SubscriptionGroupConfig> {
        self.table
            .read()
            .unwrap()
            .subscription_group_table
            .get(group)
            .cloned()
    }

    /// The group, created with defaults on first use when auto-creation is on.
    pub fn find_or_create(&self, group: &str) -> Option<SubscriptionGroupConfig> {
        if let Some(g) = self.get(group) {
            return Some(g);
        }
        if !self.auto_create {
            return None;
        }
        let config = SubscriptionGroupConfig::new(group);
        if let Err(e) = self.update(config.clone()) {
            tracing::warn!("cannot persist subscription group {group}: {e}");
        }
        Some(config)
    }

    pub fn update(&self, config: SubscriptionGroupConfig) -> crate::store::Result<()> {
        {
            let mut t = self.table.write().unwrap();
            t.subscription_group_table
                .insert(config.group_name.clone(), config);
            t.data_version.next_version(now_millis());
        }
        self.persist()
    }

    pub fn delete(&self, group: &str) -> crate::store::Result<bool> {
        let existed = {
            let mut t = self.table.write().unwrap();
            let existed = t.subscription_group_table.remove(group).is_some();
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

    pub fn wrapper(&self) -> SubscriptionGroupWrapper {
        self.table.read().unwrap().clone()
    }

    /// A slave's copy of its master's table: every group and the version replaced, persisted.
    pub fn replace_all(&self, master: SubscriptionGroupWrapper) -> crate::store::Result<()> {
        *self.table.write().unwrap() = master;
        self.persist()
    }

    fn persist(&self) -> crate::store::Result<()> {
        self.file.persist(|| self.wrapper())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_create_and_reload() {
        let dir = tempfile::tempdir().unwrap();
        let m = SubscriptionGroupManager::load(dir.path(), true).unwrap();
        assert!(m.get("TOOLS_CONSUMER").is_some());
        assert_eq!(m.find_or_create("demo").unwrap().retry_max_times, 16);
        let m2 = SubscriptionGroupManager::load(dir.path(), false).unwrap();
        assert!(m2.get("demo").is_some());
        assert!(m2.find_or_create("other").is_none());
        assert!(m2.delete("demo").unwrap());
    }
}
