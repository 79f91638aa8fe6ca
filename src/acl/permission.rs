//! Permission: the PUB/SUB/DENY bits of topics and groups, their names in
//! plain_acl.yml, and the request codes that need an admin account.

use super::AclError;
use crate::remoting::code::request;

pub const DENY: u8 = 1;
pub const ANY: u8 = 1 << 1;
pub const PUB: u8 = 1 << 2;
pub const SUB: u8 = 1 << 3;

/// The retry topic of a group: how group permissions are keyed (MixAll).
pub const RETRY_GROUP_TOPIC_PREFIX: &str = "%RETRY%";

pub fn retry_topic(group: &str) -> String {
    format!("{RETRY_GROUP_TOPIC_PREFIX}{group}")
}

pub fn is_retry_topic(resource: &str) -> bool {
    resource.starts_with(RETRY_GROUP_TOPIC_PREFIX)
}

/// Requests only admin accounts may make. RocketMQ 4.9.8's list (topic and
/// group updates, broker config), and also mq's: the ACL updates themselves
/// (50, 51, 53) and the listing of every account with its secret key (54),
/// which Java lets any account with a valid signature make.
pub fn needs_admin(code: i32) -> bool {
    matches!(
        code,
        request::UPDATE_AND_CREATE_TOPIC
            | request::UPDATE_BROKER_CONFIG
            | request::DELETE_TOPIC_IN_BROKER
            | request::UPDATE_AND_CREATE_SUBSCRIPTIONGROUP
            | request::DELETE_SUBSCRIPTIONGROUP
            | super::code::UPDATE_AND_CREATE_ACL_CONFIG
            | super::code::DELETE_ACL_CONFIG
            | super::code::UPDATE_GLOBAL_WHITE_ADDRS_CONFIG
            | super::code::GET_BROKER_CLUSTER_ACL_CONFIG
    )
}

/// Permission#checkPermission: DENY wins; ANY is met by PUB or SUB.
pub fn check(needed: u8, owned: u8) -> bool {
    if owned & DENY != 0 {
        return false;
    }
    if needed & ANY != 0 {
        return owned & (PUB | SUB) != 0;
    }
    needed & owned != 0
}

/// Permission#parsePermFromString: unknown or missing names are DENY.
pub fn parse(perm: Option<&str>) -> u8 {
    match perm.map(str::trim) {
        Some("PUB") => PUB,
        Some("SUB") => SUB,
        Some("PUB|SUB") | Some("SUB|PUB") => PUB | SUB,
        _ => DENY,
    }
}

/// Splits `Res=Perm` as StringUtils.split does (empty pieces dropped).
fn split_resource(item: &str) -> Vec<&str> {
    item.split('=').filter(|s| !s.is_empty()).collect()
}

/// Permission#parseResourcePerms: `name=PERM` items; a group is keyed by its
/// retry topic.
pub fn parse_resource_perms(
    items: &[String],
    is_topic: bool,
    into: &mut std::collections::HashMap<String, u8>,
) -> Result<(), AclError> {
    for item in items {
        match split_resource(item).as_slice() {
            [name, perm] => {
                let name = name.trim();
                let key = if is_topic {
                    name.to_string()
                } else {
                    retry_topic(name)
                };
                into.insert(key, parse(Some(perm)));
            }
            _ => {
                return Err(AclError(format!(
                    "Parse resource permission failed for {}:{}",
                    if is_topic { "topic" } else { "group" },
                    item
                )));
            }
        }
    }
    Ok(())
}

/// Permission#checkResourcePerms: what an update may carry.
pub fn check_resource_perms(items: &[String]) -> Result<(), AclError> {
    for item in items {
        let parts = split_resource(item);
        if parts.len() != 2 {
            return Err(AclError(format!(
                "Parse Resource format error for {item}.\nThe expected resource format is 'Res=Perm'. For example: topicA=SUB"
            )));
        }
        let perm = parts[1].trim();
        if perm != "DENY" && parse(Some(perm)) == DENY {
            return Err(AclError(format!(
                "Parse resource permission error for {item}.\nThe expected permissions are 'SUB' or 'PUB' or 'SUB|PUB' or 'PUB|SUB'."
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deny_wins_and_any_takes_either() {
        assert!(check(PUB, PUB | SUB));
        assert!(check(SUB, SUB));
        assert!(!check(PUB, SUB));
        assert!(!check(SUB, DENY | SUB));
        assert!(check(ANY, PUB));
        assert!(!check(ANY, DENY));
        assert_eq!(parse(Some(" SUB|PUB ")), PUB | SUB);
        assert_eq!(parse(Some("READ")), DENY);
        assert_eq!(parse(None), DENY);
    }

    #[test]
    fn resource_perms_parse_and_check() {
        let mut m = std::collections::HashMap::new();
        parse_resource_perms(&["groupA=SUB".into()], false, &mut m).unwrap();
        parse_resource_perms(&["topicB = PUB|SUB".into()], true, &mut m).unwrap();
        assert_eq!(m["%RETRY%groupA"], SUB);
        assert_eq!(m["topicB"], PUB | SUB);
        assert!(parse_resource_perms(&["topicC".into()], true, &mut m).is_err());
        assert!(check_resource_perms(&["t=DENY".into(), "u=PUB".into()]).is_ok());
        assert!(check_resource_perms(&["t=READ".into()]).is_err());
        assert!(check_resource_perms(&["t=a=b".into()]).is_err());
    }
}
