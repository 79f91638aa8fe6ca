//! The broker's ACL: the check every request passes first when aclEnable is on
//! (Java's server RPC hook), and the ACL admin requests (codes 50–54), which
//! read and update plain_acl.yml through `acl::PlainAccessValidator`.

use std::collections::BTreeMap;

use super::Outcome;
use crate::acl::PlainAccessValidator;
use crate::acl::body::AclConfigBody;
use crate::acl::code;
use crate::acl::config::{DataVersion, PlainAccessConfig};
use crate::acl::headers::{
    CreateAccessConfigRequestHeader, DeleteAccessConfigRequestHeader,
    GetBrokerAclConfigResponseHeader, UpdateGlobalWhiteAddrsConfigRequestHeader,
};
use crate::broker::Broker;
use crate::protocol::body::RemotingBody;
use crate::remoting::code::response;
use crate::remoting::{Connection, RemotingCommand};

/// The answer to a request the ACL refuses (Java: SYSTEM_ERROR with the
/// AclException as its remark), or None when it may be served.
pub fn refusal(
    acl: &PlainAccessValidator,
    conn: &Connection,
    req: &RemotingCommand,
) -> Option<RemotingCommand> {
    let ip = conn.peer().ip().to_canonical().to_string();
    match acl.check(req, &ip) {
        Ok(()) => None,
        Err(e) => {
            tracing::debug!(peer = %conn.peer(), code = req.code, "ACL refused a request: {e}");
            Some(RemotingCommand::error(response::SYSTEM_ERROR, e.remark()))
        }
    }
}

fn acl_off(failure: i32) -> RemotingCommand {
    RemotingCommand::error(
        failure,
        "ACL is not enabled on this broker (aclEnable is false)",
    )
}

/// UtilAll#split: Java's String#split (trailing empty pieces dropped); None stays None.
fn split(list: Option<&str>) -> Option<Vec<String>> {
    let list = list?;
    let mut items: Vec<String> = list.split(',').map(str::to_string).collect();
    while items.len() > 1 && items.last().is_some_and(String::is_empty) {
        items.pop();
    }
    Some(items)
}

/// UPDATE_AND_CREATE_ACL_CONFIG (50).
pub fn update_and_create_acl_config(
    acl: Option<&PlainAccessValidator>,
    req: &RemotingCommand,
) -> Outcome {
    let h: CreateAccessConfigRequestHeader = req.decode_header()?;
    let Some(acl) = acl else {
        return Ok(acl_off(code::UPDATE_AND_CREATE_ACL_CONFIG_FAILED));
    };
    let config = PlainAccessConfig {
        access_key: Some(h.access_key),
        secret_key: h.secret_key,
        white_remote_address: h.white_remote_address,
        admin: h.admin.unwrap_or(false),
        default_topic_perm: h.default_topic_perm,
        default_group_perm: h.default_group_perm,
        topic_perms: split(h.topic_perms.as_deref()),
        group_perms: split(h.group_perms.as_deref()),
    };
    Ok(match acl.update_access_config(&config) {
        Ok(()) => RemotingCommand::success(),
        Err(e) => RemotingCommand::error(code::UPDATE_AND_CREATE_ACL_CONFIG_FAILED, e.0),
    })
}

/// DELETE_ACL_CONFIG (51).
pub fn delete_acl_config(acl: Option<&PlainAccessValidator>, req: &RemotingCommand) -> Outcome {
    let h: DeleteAccessConfigRequestHeader = req.decode_header()?;
    let Some(acl) = acl else {
        return Ok(acl_off(code::DELETE_ACL_CONFIG_FAILED));
    };
    Ok(match acl.delete_access_config(&h.access_key) {
        Ok(true) => RemotingCommand::success(),
        Ok(false) => RemotingCommand::error(
            code::DELETE_ACL_CONFIG_FAILED,
            format!(
                "The accesskey[{}] corresponding to accessConfig has been deleted failed.",
                h.access_key
            ),
        ),
        Err(e) => RemotingCommand::error(code::DELETE_ACL_CONFIG_FAILED, e.0),
    })
}

/// UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53).
pub fn update_global_white_addrs_config(
    acl: Option<&PlainAccessValidator>,
    req: &RemotingCommand,
) -> Outcome {
    let h: UpdateGlobalWhiteAddrsConfigRequestHeader = req.decode_header()?;
    let Some(acl) = acl else {
        return Ok(acl_off(code::UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED));
    };
    let addrs = split(Some(&h.global_white_addrs)).unwrap_or_default();
    Ok(
        match acl.update_global_white_addrs(&addrs, h.acl_file_full_path.as_deref()) {
            Ok(true) => RemotingCommand::success(),
            Ok(false) => RemotingCommand::error(
                code::UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED,
                format!(
                    "The globalWhiteAddresses[{}] has been updated failed.",
                    h.global_white_addrs
                ),
            ),
            Err(e) => RemotingCommand::error(code::UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED, e.0),
        },
    )
}

fn version_json(v: &DataVersion) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// GET_BROKER_CLUSTER_ACL_INFO (52): the ACL's data versions and who answers.
pub fn get_broker_cluster_acl_info(b: &Broker, acl: Option<&PlainAccessValidator>) -> Outcome {
    let Some(acl) = acl else {
        return Ok(acl_off(response::SYSTEM_ERROR));
    };
    let all: BTreeMap<String, DataVersion> = acl.all_file_versions();
    let header = GetBrokerAclConfigResponseHeader {
        version: version_json(&acl.version()),
        all_acl_file_version: serde_json::to_string(&all).ok(),
        broker_name: b.config.broker_name.clone(),
        broker_addr: b.config.broker_addr(),
        cluster_name: b.config.broker_cluster_name.clone(),
    };
    Ok(RemotingCommand::success().with_header(&header))
}

/// GET_BROKER_CLUSTER_ACL_CONFIG (54): the white list and the accounts.
pub fn get_broker_cluster_acl_config(acl: Option<&PlainAccessValidator>) -> Outcome {
    let Some(acl) = acl else {
        return Ok(acl_off(response::SYSTEM_ERROR));
    };
    Ok(match acl.all_acl_config() {
        Ok(body) => RemotingCommand::success().with_body(AclConfigBody::encode(&body)),
        Err(e) => RemotingCommand::error(response::SYSTEM_ERROR, e.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_as_java_string_split() {
        let v = |s: &[&str]| Some(s.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(split(None), None);
        assert_eq!(split(Some("a=PUB,b=SUB")), v(&["a=PUB", "b=SUB"]));
        assert_eq!(split(Some("a=PUB,,")), v(&["a=PUB"]));
        assert_eq!(split(Some("")), v(&[""]));
    }

    #[test]
    fn versions_are_fastjson_data_versions() {
        let v = DataVersion {
            counter: 3,
            timestamp: 1700000000000,
        };
        assert_eq!(
            version_json(&v),
            r#"{"counter":3,"timestamp":1700000000000}"#
        );
    }
}
