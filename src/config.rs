//! Loading daemon configuration: YAML (native) or a RocketMQ `.conf`/
//! `.properties` file (Java properties), into a typed struct whose serde
//! names are RocketMQ's keys. Unknown keys and bad values are refused with the
//! key and the reason.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why a config (a file, or updates sent by an admin) is refused. Callers pick
/// a response code or an exit code by variant, never by the message text.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write config file {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    /// A problem inside a config file, with the file it is in.
    #[error("invalid config in {path}: {source}")]
    InFile {
        path: String,
        #[source]
        source: Box<ConfigError>,
    },
    /// Not YAML, or not a map of keys.
    #[error("{0}")]
    Syntax(String),
    #[error("unknown config key '{0}'")]
    UnknownKey(String),
    /// A key whose value has the wrong type or breaks a rule.
    #[error("{key}: {reason}")]
    BadValue { key: String, reason: String },
    /// A key that may be set at start but not changed remotely (RocketMQ's configBlackList).
    #[error("Can not update config in black list: {0}")]
    BlackListed(String),
}

impl ConfigError {
    /// Names the file the error was found in.
    pub fn in_file(self, path: &Path) -> ConfigError {
        ConfigError::InFile {
            path: path.display().to_string(),
            source: Box::new(self),
        }
    }
}

/// Reads `path` as YAML, or as Java properties when it ends in `.conf` or
/// `.properties`.
pub fn load<T: Serialize + DeserializeOwned + Default>(path: &Path) -> Result<T, ConfigError> {
    let text = read(path)?;
    let parsed = if is_properties_file(path) {
        from_properties(&text)
    } else {
        from_yaml(&text)
    };
    parsed.map_err(|e| e.in_file(path))
}

/// A config file's text.
pub fn read(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.display().to_string(),
        source,
    })
}

/// RocketMQ's own config files are Java properties.
pub fn is_properties_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "conf" || e == "properties")
}

pub fn from_yaml<T: DeserializeOwned>(text: &str) -> Result<T, ConfigError> {
    from_value(yaml_value(text)?)
}

/// A YAML document; an empty one is an empty map.
pub fn yaml_value(text: &str) -> Result<serde_yaml::Value, ConfigError> {
    if text.trim().is_empty() {
        return Ok(serde_yaml::Value::Mapping(Default::default()));
    }
    serde_yaml::from_str(text).map_err(|e| ConfigError::Syntax(e.to_string()))
}

/// Deserializes a config value; errors name the key (`listenPort: invalid type ...`).
pub fn from_value<T: DeserializeOwned>(value: serde_yaml::Value) -> Result<T, ConfigError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let key = e.path().to_string();
        let reason = e.into_inner().to_string();
        if key == "." || key.is_empty() {
            ConfigError::Syntax(reason)
        } else {
            ConfigError::BadValue { key, reason }
        }
    })
}

/// Java properties (`key=value` or `key: value`, `#`/`!` comments), typed by
/// the defaults of `T` the way RocketMQ's reflection-based loader types them:
/// `9876` becomes a number where the key is a number, `04` stays a string
/// where the key is a string.
pub fn from_properties<T: Serialize + DeserializeOwned + Default>(
    text: &str,
) -> Result<T, ConfigError> {
    let map = typed_properties(&parse_properties(text), &[&defaults_of(&T::default())]);
    from_value(serde_yaml::Value::Mapping(map))
}

/// A config struct's fields and default values, by RocketMQ key.
pub fn defaults_of<T: Serialize>(value: &T) -> serde_json::Map<String, serde_json::Value> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    }
}

/// Types each `key=value` like the key's value in `defaults` (the first map
/// that has the key); keys no map has stay strings (and are refused later).
pub fn typed_properties(
    props: &BTreeMap<String, String>,
    defaults: &[&serde_json::Map<String, serde_json::Value>],
) -> serde_yaml::Mapping {
    let mut out = serde_yaml::Mapping::new();
    for (k, v) in props {
        let like = defaults.iter().find_map(|d| d.get(k));
        out.insert(serde_yaml::Value::String(k.clone()), typed_value(v, like));
    }
    out
}

fn typed_value(v: &str, like: Option<&serde_json::Value>) -> serde_yaml::Value {
    use serde_json::Value as J;
    let parsed = || serde_yaml::from_str::<serde_yaml::Value>(v).ok();
    match like {
        Some(J::Number(_)) | Some(J::Bool(_)) => match parsed() {
            Some(val @ (serde_yaml::Value::Number(_) | serde_yaml::Value::Bool(_))) => val,
            _ => serde_yaml::Value::String(v.to_string()),
        },
        _ => serde_yaml::Value::String(v.to_string()),
    }
}

/// `key=value` lines; later keys win, as in `java.util.Properties`.
pub fn parse_properties(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with('!') {
            continue;
        }
        let split = line.find(['=', ':']).unwrap_or(line.len());
        let key = line[..split].trim();
        let value = line.get(split + 1..).unwrap_or("").trim();
        if !key.is_empty() {
            out.insert(key.to_string(), value.to_string());
        }
    }
    out
}

/// A config struct as `key=value` lines, sorted: RocketMQ's GET_*_CONFIG body.
pub fn to_properties<T: Serialize>(config: &T) -> String {
    let mut out = String::new();
    if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(config) {
        for (k, v) in map {
            let v = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            out.push_str(&format!("{k}={v}\n"));
        }
    }
    out
}

/// Applies `key=value` updates to a config struct, refusing unknown keys and
/// values of the wrong type.
pub fn apply_properties<T: Serialize + DeserializeOwned>(
    config: &T,
    updates: &BTreeMap<String, String>,
) -> Result<T, ConfigError> {
    let mut yaml = serde_yaml::to_value(config).map_err(|e| ConfigError::Syntax(e.to_string()))?;
    let map = yaml
        .as_mapping_mut()
        .ok_or_else(|| ConfigError::Syntax("config is not a map".into()))?;
    let defaults = defaults_of(config);
    for (k, v) in updates {
        let key = serde_yaml::Value::String(k.clone());
        if !map.contains_key(&key) {
            return Err(ConfigError::UnknownKey(k.clone()));
        }
        map.insert(key, typed_value(v, defaults.get(k)));
    }
    from_value(yaml)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields, default)]
    struct Sample {
        listen_port: u16,
        broker_name: String,
        order_message_enable: bool,
        delete_when: String,
    }

    #[test]
    fn properties_are_typed_like_yaml() {
        let s: Sample = from_properties(
            "# comment\nlistenPort=9877\nbrokerName = broker-a\norderMessageEnable=true\ndeleteWhen=04\n",
        )
        .unwrap();
        assert_eq!(s.listen_port, 9877);
        assert_eq!(s.broker_name, "broker-a");
        assert!(s.order_message_enable);
        assert_eq!(s.delete_when, "04");
    }

    #[test]
    fn unknown_and_bad_keys_are_named() {
        let err = from_yaml::<Sample>("listenPortt: 1\n").unwrap_err();
        assert!(
            matches!(&err, ConfigError::BadValue { key, .. } if key == "listenPortt"),
            "{err:?}"
        );
        let err = from_yaml::<Sample>("listenPort: nine\n").unwrap_err();
        assert!(
            matches!(&err, ConfigError::BadValue { key, .. } if key == "listenPort"),
            "{err:?}"
        );
        assert!(matches!(
            from_yaml::<Sample>("listenPort: [1\n"),
            Err(ConfigError::Syntax(_))
        ));
    }

    #[test]
    fn updates_apply_and_round_trip() {
        let s = Sample::default();
        let updates = parse_properties("listenPort=1234\n");
        let s = apply_properties(&s, &updates).unwrap();
        assert_eq!(s.listen_port, 1234);
        assert!(to_properties(&s).contains("listenPort=1234\n"));
        let bad = parse_properties("nope=1");
        assert!(
            matches!(apply_properties(&s, &bad), Err(ConfigError::UnknownKey(k)) if k == "nope")
        );
    }
}
