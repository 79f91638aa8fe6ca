//! Loading daemon configuration: YAML (native) or a RocketMQ `.conf`/
//! `.properties` file (Java properties), into a typed struct whose serde
//! names are RocketMQ's keys. Unknown keys and bad values are refused with the
//! key and the reason.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid config in {path}: {reason}")]
    Invalid { path: String, reason: String },
}

/// Reads `path` as YAML, or as Java properties when it ends in `.conf` or
/// `.properties`.
pub fn load<T: DeserializeOwned>(path: &Path) -> Result<T, ConfigError> {
    let display = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: display.clone(),
        source,
    })?;
    let is_properties = path
        .extension()
        .is_some_and(|e| e == "conf" || e == "properties");
    let parsed = if is_properties {
        from_properties(&text)
    } else {
        from_yaml(&text)
    };
    parsed.map_err(|reason| ConfigError::Invalid {
        path: display,
        reason,
    })
}

pub fn from_yaml<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    if text.trim().is_empty() {
        return serde_yaml::from_str("{}").map_err(|e| e.to_string());
    }
    serde_yaml::from_str(text).map_err(|e| e.to_string())
}

/// Java properties (`key=value` or `key: value`, `#`/`!` comments). Values are
/// read as YAML scalars so `9876` is a number and `true` a boolean, as
/// RocketMQ's reflection-based loader would take them.
pub fn from_properties<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let map = parse_properties(text);
    let mut yaml = serde_yaml::Mapping::new();
    for (k, v) in map {
        yaml.insert(serde_yaml::Value::String(k), scalar(&v));
    }
    serde_yaml::from_value(serde_yaml::Value::Mapping(yaml)).map_err(|e| e.to_string())
}

/// A properties value as YAML would type it, falling back to a string.
pub fn scalar(v: &str) -> serde_yaml::Value {
    match serde_yaml::from_str::<serde_yaml::Value>(v) {
        Ok(val @ (serde_yaml::Value::Number(_) | serde_yaml::Value::Bool(_))) => val,
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
) -> Result<T, String> {
    let mut yaml = serde_yaml::to_value(config).map_err(|e| e.to_string())?;
    let map = yaml
        .as_mapping_mut()
        .ok_or_else(|| "config is not a map".to_string())?;
    for (k, v) in updates {
        let key = serde_yaml::Value::String(k.clone());
        if !map.contains_key(&key) {
            return Err(format!("unknown config key '{k}'"));
        }
        map.insert(key, scalar(v));
    }
    serde_yaml::from_value(yaml).map_err(|e| e.to_string())
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
    }

    #[test]
    fn properties_are_typed_like_yaml() {
        let s: Sample = from_properties(
            "# comment\nlistenPort=9877\nbrokerName = broker-a\norderMessageEnable=true\n",
        )
        .unwrap();
        assert_eq!(s.listen_port, 9877);
        assert_eq!(s.broker_name, "broker-a");
        assert!(s.order_message_enable);
    }

    #[test]
    fn unknown_and_bad_keys_are_named() {
        let err = from_yaml::<Sample>("listenPortt: 1\n").unwrap_err();
        assert!(err.contains("listenPortt"), "{err}");
        let err = from_yaml::<Sample>("listenPort: nine\n").unwrap_err();
        assert!(err.contains("listenPort"), "{err}");
    }

    #[test]
    fn updates_apply_and_round_trip() {
        let s = Sample::default();
        let updates = parse_properties("listenPort=1234\n");
        let s = apply_properties(&s, &updates).unwrap();
        assert_eq!(s.listen_port, 1234);
        assert!(to_properties(&s).contains("listenPort=1234\n"));
        let bad = parse_properties("nope=1");
        assert!(apply_properties(&s, &bad).unwrap_err().contains("nope"));
    }
}
