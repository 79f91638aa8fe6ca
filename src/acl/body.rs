//! GET_BROKER_CLUSTER_ACL_CONFIG (54)'s body (AclConfig).

use serde::{Deserialize, Serialize};

use super::config::PlainAccessConfig;
use crate::protocol::body::RemotingBody;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AclConfigBody {
    pub global_white_addrs: Vec<String>,
    pub plain_access_configs: Vec<PlainAccessConfig>,
}

impl RemotingBody for AclConfigBody {}
