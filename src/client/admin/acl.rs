//! The admin client's plain ACL requests to one broker (mqadmin's
//! updateAclConfig, deleteAclConfig, updateGlobalWhiteAddr,
//! clusterAclConfigVersion and getAclConfig): codes 50–54.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{AdminClient, decode};
use crate::acl::body::AclConfigBody;
use crate::acl::code;
use crate::acl::config::{DataVersion, PlainAccessConfig};
use crate::acl::headers::{
    CreateAccessConfigRequestHeader, DeleteAccessConfigRequestHeader,
    GetBrokerAclConfigResponseHeader, UpdateGlobalWhiteAddrsConfigRequestHeader,
};
use crate::client::error::{ClientError, ClientResult};
use crate::remoting::RemotingCommand;

/// GET_BROKER_CLUSTER_ACL_INFO's answer.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AclVersion {
    pub cluster_name: String,
    pub broker_name: String,
    pub broker_addr: String,
    pub version: DataVersion,
    /// Every ACL file of the broker and its version.
    pub all_acl_file_version: BTreeMap<String, DataVersion>,
}

fn parse_json<T: serde::de::DeserializeOwned + Default>(
    what: &'static str,
    raw: Option<&str>,
) -> ClientResult<T> {
    match raw {
        None | Some("") => Ok(T::default()),
        Some(raw) => serde_json::from_str(raw).map_err(|e| ClientError::Decode {
            what,
            reason: e.to_string(),
        }),
    }
}

impl AdminClient {
    /// GET_BROKER_CLUSTER_ACL_CONFIG: the broker's white list and accounts
    /// (RocketMQ 4.6–4.9.3 brokers and mq's answer it).
    pub async fn acl_config(&self, addr: &str) -> ClientResult<AclConfigBody> {
        let req = RemotingCommand::request(code::GET_BROKER_CLUSTER_ACL_CONFIG);
        let r = self.call_broker(addr, "get ACL config", req).await?;
        decode("ACL config", &r)
    }

    /// GET_BROKER_CLUSTER_ACL_INFO: the data versions of the broker's ACL files.
    pub async fn acl_version(&self, addr: &str) -> ClientResult<AclVersion> {
        let req = RemotingCommand::request(code::GET_BROKER_CLUSTER_ACL_INFO);
        let r = self.call_broker(addr, "get ACL version", req).await?;
        let h: GetBrokerAclConfigResponseHeader = r.decode_header()?;
        Ok(AclVersion {
            cluster_name: h.cluster_name,
            broker_name: h.broker_name,
            broker_addr: h.broker_addr,
            version: parse_json("ACL data version", Some(&h.version))?,
            all_acl_file_version: parse_json(
                "ACL file versions",
                h.all_acl_file_version.as_deref(),
            )?,
        })
    }

    /// UPDATE_AND_CREATE_ACL_CONFIG: adds the account or updates it.
    pub async fn update_acl_config(&self, addr: &str, c: &PlainAccessConfig) -> ClientResult<()> {
        let join = |l: &Option<Vec<String>>| l.as_ref().map(|l| l.join(","));
        let header = CreateAccessConfigRequestHeader {
            access_key: c.access_key.clone().unwrap_or_default(),
            secret_key: c.secret_key.clone(),
            white_remote_address: c.white_remote_address.clone(),
            admin: Some(c.admin),
            default_topic_perm: c.default_topic_perm.clone(),
            default_group_perm: c.default_group_perm.clone(),
            topic_perms: join(&c.topic_perms),
            group_perms: join(&c.group_perms),
        };
        let req = RemotingCommand::request(code::UPDATE_AND_CREATE_ACL_CONFIG).with_header(&header);
        self.call_broker(addr, "update ACL account", req).await?;
        Ok(())
    }

    /// DELETE_ACL_CONFIG.
    pub async fn delete_acl_config(&self, addr: &str, access_key: &str) -> ClientResult<()> {
        let header = DeleteAccessConfigRequestHeader {
            access_key: access_key.to_string(),
        };
        let req = RemotingCommand::request(code::DELETE_ACL_CONFIG).with_header(&header);
        self.call_broker(addr, "delete ACL account", req).await?;
        Ok(())
    }

    /// UPDATE_GLOBAL_WHITE_ADDRS_CONFIG: replaces the global white list.
    pub async fn update_global_white_addrs(
        &self,
        addr: &str,
        addrs: &[String],
        acl_file: Option<&str>,
    ) -> ClientResult<()> {
        let header = UpdateGlobalWhiteAddrsConfigRequestHeader {
            global_white_addrs: addrs.join(","),
            acl_file_full_path: acl_file.map(str::to_string),
        };
        let req =
            RemotingCommand::request(code::UPDATE_GLOBAL_WHITE_ADDRS_CONFIG).with_header(&header);
        self.call_broker(addr, "update global white list", req)
            .await?;
        Ok(())
    }
}
