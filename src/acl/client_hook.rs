//! The client side: SessionCredentials and AclClientRPCHook, which adds
//! AccessKey (and SecurityToken) to every request and signs it. Credentials
//! come from the caller, or from a file in either of RocketMQ's forms: the
//! tools.yml of mqadmin (`accessKey: ...`, `secretKey: ...`) or the
//! properties of SessionCredentials' key file (`AccessKey=...`).

use std::fmt;
use std::path::Path;

use super::{ACCESS_KEY, AclError, SECURITY_TOKEN, SIGNATURE, signer};
use crate::remoting::RemotingCommand;
use crate::remoting::rpc_hook::RpcHook;

#[derive(Clone, PartialEq, Eq)]
pub struct SessionCredentials {
    pub access_key: String,
    pub secret_key: String,
    pub security_token: Option<String>,
}

/// Never shows the secret key (nor the token): credentials end up in logs and
/// error messages through Debug.
impl fmt::Debug for SessionCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionCredentials")
            .field("access_key", &self.access_key)
            .field("secret_key", &"***")
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "***"),
            )
            .finish()
    }
}

impl SessionCredentials {
    pub fn new(access_key: impl Into<String>, secret_key: impl Into<String>) -> Self {
        SessionCredentials {
            access_key: access_key.into(),
            secret_key: secret_key.into(),
            security_token: None,
        }
    }

    /// Reads a credentials file: YAML (`accessKey`/`secretKey`, as mqadmin's
    /// conf/tools.yml) or Java properties (`AccessKey=`/`SecretKey=`, with an
    /// optional `SecurityToken=`).
    pub fn from_file(path: &Path) -> Result<SessionCredentials, AclError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| AclError(format!("reading {}: {e}", path.display())))?;
        Self::parse(&text).ok_or_else(|| {
            AclError(format!(
                "{}: no accessKey and secretKey (as `accessKey: ...` and `secretKey: ...`, \
                 or `AccessKey=...` and `SecretKey=...`)",
                path.display()
            ))
        })
    }

    fn parse(text: &str) -> Option<SessionCredentials> {
        let mut ak = None;
        let mut sk = None;
        let mut token = None;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('#') || line.starts_with('!') {
                continue;
            }
            let Some((k, v)) = line.split_once([':', '=']) else {
                continue;
            };
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'').to_string();
            match k.trim() {
                "accessKey" | "AccessKey" => ak = Some(v),
                "secretKey" | "SecretKey" => sk = Some(v),
                "securityToken" | "SecurityToken" => token = Some(v),
                _ => {}
            }
        }
        match (ak, sk) {
            (Some(a), Some(s)) if !a.is_empty() && !s.is_empty() => Some(SessionCredentials {
                access_key: a,
                secret_key: s,
                security_token: token.filter(|t| !t.is_empty()),
            }),
            _ => None,
        }
    }
}

/// AclClientRPCHook: signs each request with the credentials.
#[derive(Debug, Clone)]
pub struct AclClientRpcHook {
    credentials: SessionCredentials,
}

impl AclClientRpcHook {
    pub fn new(credentials: SessionCredentials) -> Self {
        AclClientRpcHook { credentials }
    }

    pub fn credentials(&self) -> &SessionCredentials {
        &self.credentials
    }

    /// Adds AccessKey (and SecurityToken), then the Signature of the result.
    pub fn sign(&self, request: &mut RemotingCommand) {
        let c = &self.credentials;
        request.ext_fields.insert(ACCESS_KEY, c.access_key.as_str());
        if let Some(token) = &c.security_token {
            request.ext_fields.insert(SECURITY_TOKEN, token.as_str());
        }
        let signature = signer::sign(&signer::client_content(request), &c.secret_key);
        request.ext_fields.insert(SIGNATURE, signature);
    }
}

impl RpcHook for AclClientRpcHook {
    fn before_request(&self, request: &mut RemotingCommand) {
        self.sign(request);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_as_java_does() {
        // printf 'rocketmq2PLEASE_NO_TOKEN' | openssl dgst -sha1 -hmac 'sk-with-ünïcode' -binary | base64
        let hook = AclClientRpcHook::new(SessionCredentials {
            access_key: "rocketmq2".into(),
            secret_key: "sk-with-ünïcode".into(),
            security_token: Some("PLEASE_NO_TOKEN".into()),
        });
        let mut req = RemotingCommand::request(34);
        hook.sign(&mut req);
        assert_eq!(req.ext("AccessKey"), Some("rocketmq2"));
        assert_eq!(req.ext("SecurityToken"), Some("PLEASE_NO_TOKEN"));
        assert_eq!(req.ext("Signature"), Some("bYGbIQ9ILo+WDmkOduyN7emYpGU="));
        // Signing again (a resent request) gives the same signature.
        hook.sign(&mut req);
        assert_eq!(req.ext("Signature"), Some("bYGbIQ9ILo+WDmkOduyN7emYpGU="));
    }

    #[test]
    fn reads_both_file_forms_and_hides_the_secret() {
        let yml = SessionCredentials::parse("accessKey: RocketMQ\nsecretKey: 12345678\n").unwrap();
        assert_eq!(yml, SessionCredentials::new("RocketMQ", "12345678"));
        let props =
            SessionCredentials::parse("# key\nAccessKey=RocketMQ\nSecretKey=12345678\n").unwrap();
        assert_eq!(props, yml);
        assert!(SessionCredentials::parse("accessKey: a\n").is_none());
        assert!(!format!("{yml:?}").contains("12345678"));
    }
}
