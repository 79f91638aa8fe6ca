//! Broker config as admins see and change it at run time (GET_BROKER_CONFIG,
//! UPDATE_BROKER_CONFIG): the start config as RocketMQ `key=value` lines,
//! with the updates made since start laid over it. Updates are checked
//! against the config types, versioned, and saved to
//! config/brokerConfigUpdates.properties in the store; the broker applies the
//! saved updates over its config file at its next start.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use super::config::BrokerConfig;
use crate::config::{ConfigError, apply_properties, defaults_of, parse_properties, to_properties};
use crate::protocol::topic_config::DataVersion;
use crate::store::StoreConfig;
use crate::util::now_millis;

/// Keys no admin may change remotely: RocketMQ's configBlackList, the paths
/// that would move the store, and the address the broker is started on
/// (`mq up --broker-port` and the bound socket must keep agreeing).
const BLACK_LIST: [&str; 6] = [
    "brokerConfigPath",
    "storePathRootDir",
    "storePathCommitLog",
    "namesrvAddr",
    "listenPort",
    "brokerIP1",
];

/// Where updates are kept between starts, under the store's config/.
pub const UPDATES_FILE: &str = "brokerConfigUpdates.properties";

#[derive(Default)]
pub struct RuntimeConfig {
    state: RwLock<State>,
    /// None in tests that keep updates in memory only.
    file: Option<PathBuf>,
}

#[derive(Default)]
struct State {
    updates: BTreeMap<String, String>,
    version: Option<DataVersion>,
}

impl RuntimeConfig {
    /// Loads the updates saved under `store_root` and applies them over the
    /// start config; returns the runtime config and the config to start with.
    pub fn open(
        store_root: &Path,
        broker: BrokerConfig,
        store: StoreConfig,
    ) -> Result<(RuntimeConfig, BrokerConfig, StoreConfig), ConfigError> {
        let file = crate::store::config_file::config_path(store_root, UPDATES_FILE);
        let updates = match std::fs::read_to_string(&file) {
            Ok(text) => parse_properties(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: file.display().to_string(),
                    source,
                });
            }
        };
        let store_keys = defaults_of(&store);
        let (store_updates, broker_updates): (BTreeMap<_, _>, BTreeMap<_, _>) = updates
            .clone()
            .into_iter()
            .partition(|(k, _)| store_keys.contains_key(k));
        let broker = apply_properties(&broker, &broker_updates).map_err(|e| e.in_file(&file))?;
        let store = apply_properties(&store, &store_updates).map_err(|e| e.in_file(&file))?;
        let runtime = RuntimeConfig {
            state: RwLock::new(State {
                updates,
                version: None,
            }),
            file: Some(file),
        };
        Ok((runtime, broker, store))
    }

    /// Every key and its current value, sorted.
    pub fn properties(
        &self,
        broker: &BrokerConfig,
        store: &StoreConfig,
    ) -> BTreeMap<String, String> {
        let mut all = parse_properties(&to_properties(broker));
        all.extend(parse_properties(&to_properties(store)));
        all.extend(self.state.read().unwrap().updates.clone());
        all
    }

    /// The config's data version as JSON (GET_BROKER_CONFIG's `version`).
    pub fn version_json(&self) -> String {
        let mut s = self.state.write().unwrap();
        let v = s
            .version
            .get_or_insert_with(|| DataVersion::new(now_millis()));
        serde_json::to_string(v).unwrap_or_default()
    }

    /// Applies `key=value` lines; refuses unknown keys, values of the wrong
    /// type and black-listed keys, naming them.
    pub fn update(
        &self,
        broker: &BrokerConfig,
        store: &StoreConfig,
        text: &str,
    ) -> Result<(), ConfigError> {
        let updates = parse_properties(text);
        if let Some(k) = updates.keys().find(|k| BLACK_LIST.contains(&k.as_str())) {
            return Err(ConfigError::BlackListed(k.clone()));
        }
        let store_keys = defaults_of(store);
        let mut s = self.state.write().unwrap();
        let mut merged = s.updates.clone();
        merged.extend(updates);
        let (store_updates, broker_updates): (BTreeMap<_, _>, BTreeMap<_, _>) = merged
            .clone()
            .into_iter()
            .partition(|(k, _)| store_keys.contains_key(k));
        apply_properties(broker, &broker_updates)?;
        apply_properties(store, &store_updates)?;
        if let Some(file) = &self.file {
            let text: String = merged.iter().map(|(k, v)| format!("{k}={v}\n")).collect();
            crate::store::config_file::write_atomic(file, &text).map_err(|e| {
                ConfigError::Write {
                    path: file.display().to_string(),
                    source: std::io::Error::other(e),
                }
            })?;
        }
        s.updates = merged;
        s.version
            .get_or_insert_with(|| DataVersion::new(now_millis()))
            .next_version(now_millis());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_lay_over_the_start_config() {
        let rc = RuntimeConfig::default();
        let (b, s) = (BrokerConfig::default(), StoreConfig::default());
        assert_eq!(rc.properties(&b, &s)["brokerName"], "broker-a");
        rc.update(&b, &s, "fileReservedTime=24\nbrokerPermission=4\n")
            .unwrap();
        let p = rc.properties(&b, &s);
        assert_eq!(
            (
                p["fileReservedTime"].as_str(),
                p["brokerPermission"].as_str()
            ),
            ("24", "4")
        );
        assert!(matches!(
            rc.update(&b, &s, "noSuchKey=1"),
            Err(ConfigError::UnknownKey(k)) if k == "noSuchKey"
        ));
        assert!(matches!(
            rc.update(&b, &s, "fileReservedTime=many"),
            Err(ConfigError::BadValue { key, .. }) if key == "fileReservedTime"
        ));
        assert!(matches!(
            rc.update(&b, &s, "storePathRootDir=/tmp"),
            Err(ConfigError::BlackListed(k)) if k == "storePathRootDir"
        ));
        assert!(rc.version_json().contains("counter"));
    }
}
