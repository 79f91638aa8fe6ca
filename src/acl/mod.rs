//! RocketMQ 4.x plain ACL: the room that owns access control on both ends.
//! The broker side (`validator`) loads plain_acl.yml (`config`), reloads it
//! when the file changes, works out what each request needs (`resource`, as
//! PlainAccessValidator#parse), and checks the signature and the account's
//! permissions (PlainPermissionManager#validate), refusing as Java does. The
//! client side (`client_hook`) signs outgoing requests as AclClientRPCHook.
//! `signer` is the HmacSHA1 both ends share; `headers` and `body` are the
//! wire types of the ACL admin codes 50–54.

pub mod address;
pub mod body;
pub mod client_hook;
pub mod config;
pub mod headers;
pub mod permission;
pub mod resource;
pub mod signer;
pub mod validator;

pub use client_hook::{AclClientRpcHook, SessionCredentials};
pub use validator::PlainAccessValidator;

/// The extFields keys of SessionCredentials.
pub const ACCESS_KEY: &str = "AccessKey";
pub const SECRET_KEY: &str = "SecretKey";
pub const SIGNATURE: &str = "Signature";
pub const SECURITY_TOKEN: &str = "SecurityToken";

/// The request codes of the ACL admin requests (RequestCode).
pub mod code {
    pub const UPDATE_AND_CREATE_ACL_CONFIG: i32 = 50;
    pub const DELETE_ACL_CONFIG: i32 = 51;
    pub const GET_BROKER_CLUSTER_ACL_INFO: i32 = 52;
    pub const UPDATE_GLOBAL_WHITE_ADDRS_CONFIG: i32 = 53;
    /// Served by RocketMQ 4.6–4.9.3 brokers (4.9.4 dropped it).
    pub const GET_BROKER_CLUSTER_ACL_CONFIG: i32 = 54;

    /// ResponseCode's failures of the updates.
    pub const UPDATE_AND_CREATE_ACL_CONFIG_FAILED: i32 = 209;
    pub const DELETE_ACL_CONFIG_FAILED: i32 = 210;
    pub const UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED: i32 = 211;
}

/// Java's AclException: its message is what a refused client sees.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct AclError(pub String);

impl AclError {
    pub fn new(msg: impl Into<String>) -> Self {
        AclError(msg.into())
    }

    /// The remark of the SYSTEM_ERROR response a refused request gets: Java's
    /// broker answers an exception thrown by its ACL hook with the exception's
    /// `toString()`.
    pub fn remark(&self) -> String {
        format!("org.apache.rocketmq.acl.common.AclException: {}", self.0)
    }
}
