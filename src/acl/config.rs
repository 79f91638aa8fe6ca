//! plain_acl.yml as RocketMQ reads and writes it: globalWhiteRemoteAddresses,
//! accounts (PlainAccessConfig) and dataVersion. Read leniently as Java's
//! fastjson does (a number where a string is expected is taken as its text,
//! e.g. `secretKey: 12345678`); written back as a whole map, keeping keys this
//! module does not know, with a new dataVersion on every update.

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_yaml::{Mapping, Value};

use super::AclError;

const GLOBAL_WHITE_ADDRS: &str = "globalWhiteRemoteAddresses";
const ACCOUNTS: &str = "accounts";
const DATA_VERSION: &str = "dataVersion";

/// One account (PlainAccessConfig), as in the file and in
/// GET_BROKER_CLUSTER_ACL_CONFIG's body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PlainAccessConfig {
    // In fastjson's (alphabetical) order; absent fields are left out, as fastjson does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_key: Option<String>,
    pub admin: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_group_perm: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_topic_perm: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_perms: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic_perms: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub white_remote_address: Option<String>,
}

/// DataVersion: bumped on every write of the file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataVersion {
    pub counter: i64,
    pub timestamp: i64,
}

/// The file's contents as a YAML map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AclDocument {
    pub map: Mapping,
}

/// A scalar as fastjson's `getString` gives it: strings as they are,
/// numbers and booleans as their text, null as absent.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn texts(v: Option<&Value>) -> Option<Vec<String>> {
    match v? {
        Value::Sequence(items) => Some(items.iter().filter_map(text).collect()),
        Value::Null => None,
        other => text(other).map(|s| vec![s]),
    }
}

fn key(k: &str) -> Value {
    Value::String(k.to_string())
}

impl AclDocument {
    /// Reads `path`; a missing or empty file is an empty document.
    pub fn read(path: &Path) -> Result<AclDocument, AclError> {
        let raw = match std::fs::read_to_string(path) {
            Ok(raw) => raw,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(AclError(format!("reading {}: {e}", path.display()))),
        };
        Self::parse(&raw).map_err(|e| AclError(format!("{}: {}", path.display(), e.0)))
    }

    pub fn parse(raw: &str) -> Result<AclDocument, AclError> {
        match serde_yaml::from_str::<Value>(raw) {
            Ok(Value::Mapping(map)) => Ok(AclDocument { map }),
            Ok(Value::Null) => Ok(AclDocument::default()),
            Ok(_) => Err(AclError("the ACL file is not a map of keys".into())),
            Err(e) => Err(AclError(e.to_string())),
        }
    }

    pub fn global_white_addrs(&self) -> Vec<String> {
        texts(self.map.get(GLOBAL_WHITE_ADDRS)).unwrap_or_default()
    }

    pub fn accounts(&self) -> Vec<PlainAccessConfig> {
        let Some(Value::Sequence(items)) = self.map.get(ACCOUNTS) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(Value::as_mapping)
            .map(account)
            .collect()
    }

    /// The first element of `dataVersion`, or a zero version.
    pub fn data_version(&self) -> DataVersion {
        let first = match self.map.get(DATA_VERSION) {
            Some(Value::Sequence(items)) => items.first(),
            Some(v @ Value::Mapping(_)) => Some(v),
            _ => None,
        };
        let field = |name: &str| {
            first
                .and_then(|v| v.get(name))
                .and_then(|v| text(v)?.trim().parse().ok())
                .unwrap_or(0)
        };
        DataVersion {
            counter: field("counter"),
            timestamp: field("timestamp"),
        }
    }

    /// Adds the account or updates the one with its access key, field by
    /// field as PlainPermissionManager#createAclAccessConfigMap: fields the
    /// update leaves out keep their values.
    pub fn upsert_account(&mut self, update: &PlainAccessConfig) {
        let ak = update.access_key.clone().unwrap_or_default();
        let accounts = match self.map.get_mut(ACCOUNTS) {
            Some(Value::Sequence(items)) => items,
            _ => {
                self.map.insert(key(ACCOUNTS), Value::Sequence(Vec::new()));
                match self.map.get_mut(ACCOUNTS) {
                    Some(Value::Sequence(items)) => items,
                    _ => unreachable!("just inserted"),
                }
            }
        };
        let existing = accounts
            .iter()
            .position(|a| a.get("accessKey").and_then(text).as_deref() == Some(ak.as_str()));
        let mut entry = match existing {
            Some(i) => match accounts.remove(i) {
                Value::Mapping(m) => m,
                _ => Mapping::new(),
            },
            None => Mapping::new(),
        };
        let set = |m: &mut Mapping, k: &str, v: Value| {
            m.insert(key(k), v);
        };
        set(&mut entry, "accessKey", Value::String(ak));
        if let Some(sk) = update.secret_key.as_deref().filter(|s| !s.is_empty()) {
            set(&mut entry, "secretKey", Value::String(sk.to_string()));
        }
        if let Some(w) = &update.white_remote_address {
            set(&mut entry, "whiteRemoteAddress", Value::String(w.clone()));
        }
        set(&mut entry, "admin", Value::Bool(update.admin));
        if let Some(p) = update
            .default_topic_perm
            .as_deref()
            .filter(|s| !s.is_empty())
        {
            set(&mut entry, "defaultTopicPerm", Value::String(p.to_string()));
        }
        if let Some(p) = update
            .default_group_perm
            .as_deref()
            .filter(|s| !s.is_empty())
        {
            set(&mut entry, "defaultGroupPerm", Value::String(p.to_string()));
        }
        let list = |items: &[String]| {
            Value::Sequence(items.iter().map(|s| Value::String(s.clone())).collect())
        };
        if let Some(t) = &update.topic_perms {
            set(&mut entry, "topicPerms", list(t));
        }
        if let Some(g) = &update.group_perms {
            set(&mut entry, "groupPerms", list(g));
        }
        // Java removes the account and appends the updated one.
        accounts.push(Value::Mapping(entry));
    }

    /// Removes the account; false if there was none.
    pub fn remove_account(&mut self, access_key: &str) -> bool {
        let Some(Value::Sequence(items)) = self.map.get_mut(ACCOUNTS) else {
            return false;
        };
        let before = items.len();
        items.retain(|a| a.get("accessKey").and_then(text).as_deref() != Some(access_key));
        items.len() != before
    }

    pub fn set_global_white_addrs(&mut self, addrs: &[String]) {
        let list = addrs.iter().map(|a| Value::String(a.clone())).collect();
        self.map
            .insert(key(GLOBAL_WHITE_ADDRS), Value::Sequence(list));
    }

    /// DataVersion#nextVersion on the file's version, written into the map
    /// (`dataVersion: [{counter, timestamp}]`).
    pub fn next_version(&mut self, now_ms: i64) -> DataVersion {
        let v = DataVersion {
            counter: self.data_version().counter + 1,
            timestamp: now_ms,
        };
        let mut entry = Mapping::new();
        entry.insert(key("counter"), Value::Number(v.counter.into()));
        entry.insert(key("timestamp"), Value::Number(v.timestamp.into()));
        self.map.insert(
            key(DATA_VERSION),
            Value::Sequence(vec![Value::Mapping(entry)]),
        );
        v
    }

    /// Writes the document to `path` through a temporary file and a rename,
    /// so a reader (the file watcher) never sees half of it.
    pub fn write(&self, path: &Path) -> Result<(), AclError> {
        let text = serde_yaml::to_string(&self.map).map_err(|e| AclError(e.to_string()))?;
        let tmp = path.with_extension("yml.tmp");
        let io = |e: std::io::Error| AclError(format!("writing {}: {e}", path.display()));
        std::fs::write(&tmp, text).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }
}

fn account(m: &Mapping) -> PlainAccessConfig {
    let get = |k: &str| m.get(k).and_then(text);
    PlainAccessConfig {
        access_key: get("accessKey"),
        secret_key: get("secretKey"),
        white_remote_address: get("whiteRemoteAddress"),
        admin: get("admin").is_some_and(|a| a.trim().eq_ignore_ascii_case("true")),
        default_topic_perm: get("defaultTopicPerm"),
        default_group_perm: get("defaultGroupPerm"),
        topic_perms: texts(m.get("topicPerms")),
        group_perms: texts(m.get("groupPerms")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
globalWhiteRemoteAddresses:
  - 10.10.103.*
  - 192.168.0.*
accounts:
  - accessKey: RocketMQ
    secretKey: 12345678
    whiteRemoteAddress:
    admin: false
    defaultTopicPerm: DENY
    defaultGroupPerm: SUB
    topicPerms:
      - topicA=DENY
      - topicB=PUB|SUB
    groupPerms:
      - groupA=DENY
  - accessKey: rocketmq2
    secretKey: 12345678
    whiteRemoteAddress: 192.168.1.*
    admin: true
";

    #[test]
    fn reads_rocketmq_sample() {
        let doc = AclDocument::parse(SAMPLE).unwrap();
        assert_eq!(doc.global_white_addrs(), ["10.10.103.*", "192.168.0.*"]);
        let accounts = doc.accounts();
        assert_eq!(accounts.len(), 2);
        assert_eq!(accounts[0].secret_key.as_deref(), Some("12345678"));
        assert_eq!(accounts[0].white_remote_address, None);
        assert_eq!(
            accounts[0].topic_perms.as_deref(),
            Some(&["topicA=DENY".to_string(), "topicB=PUB|SUB".to_string()][..])
        );
        assert!(accounts[1].admin);
        assert_eq!(doc.data_version(), DataVersion::default());
    }

    #[test]
    fn updates_keep_other_fields_and_bump_the_version() {
        let mut doc = AclDocument::parse(SAMPLE).unwrap();
        doc.upsert_account(&PlainAccessConfig {
            access_key: Some("RocketMQ".into()),
            secret_key: Some("87654321".into()),
            admin: true,
            ..Default::default()
        });
        doc.next_version(42);
        let back = AclDocument::parse(&serde_yaml::to_string(&doc.map).unwrap()).unwrap();
        let a = back
            .accounts()
            .into_iter()
            .find(|a| a.access_key.as_deref() == Some("RocketMQ"))
            .unwrap();
        assert_eq!(a.secret_key.as_deref(), Some("87654321"));
        assert!(a.admin);
        assert_eq!(a.default_group_perm.as_deref(), Some("SUB"));
        assert_eq!(
            back.data_version(),
            DataVersion {
                counter: 1,
                timestamp: 42
            }
        );
        assert!(doc.remove_account("RocketMQ"));
        assert!(!doc.remove_account("RocketMQ"));
        assert_eq!(doc.accounts().len(), 1);
    }
}
