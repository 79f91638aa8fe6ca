//! The broker's ACL (PlainPermissionManager): the accounts and white lists
//! loaded from plain_acl.yml, reloaded when the file changes, the check of
//! each request, and the updates of the ACL admin requests, which rewrite the
//! file. The state is swapped whole, so a check never sees half a reload.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::address::RemoteAddressStrategy;
use super::body::AclConfigBody;
use super::config::{AclDocument, DataVersion, PlainAccessConfig};
use super::permission::{self, is_retry_topic};
use super::resource::{self, AccessResource};
use super::{AclError, signer};
use crate::remoting::RemotingCommand;

/// How often the file is looked at (Java's FileWatchService: 500 ms).
pub const WATCH_INTERVAL: Duration = Duration::from_millis(500);

/// RocketMQ's message trace topic: sends to it need no permission.
const RMQ_SYS_TRACE_TOPIC: &str = "RMQ_SYS_TRACE_TOPIC";

/// Shortest access and secret keys plus one (AclConstants: "longer than 6").
const KEY_MIN_LENGTH: usize = 6;

/// An account as loaded (PlainAccessResource built from PlainAccessConfig).
#[derive(Debug, Clone)]
struct Account {
    access_key: String,
    secret_key: String,
    white: RemoteAddressStrategy,
    admin: bool,
    default_topic_perm: u8,
    default_group_perm: u8,
    /// None when the account lists no topic or group perms (then an admin may do anything).
    perms: Option<HashMap<String, u8>>,
}

#[derive(Debug, Default)]
struct AclState {
    global_white: Vec<RemoteAddressStrategy>,
    accounts: HashMap<String, Account>,
    version: DataVersion,
}

/// What identifies a version of the file on disk.
type FileStamp = (Option<SystemTime>, u64);

fn stamp(path: &Path) -> Option<FileStamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok(), meta.len()))
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// PlainPermissionManager#checkPlainAccessConfig, without echoing the secret.
fn check_keys(c: &PlainAccessConfig) -> Result<(String, String), AclError> {
    match (&c.access_key, &c.secret_key) {
        (Some(ak), Some(sk)) if ak.len() > KEY_MIN_LENGTH && sk.len() > KEY_MIN_LENGTH => {
            Ok((ak.clone(), sk.clone()))
        }
        _ => Err(AclError(format!(
            "The accessKey={} and secretKey cannot be null and length should longer than 6",
            c.access_key.as_deref().unwrap_or("null")
        ))),
    }
}

/// PlainPermissionManager#buildPlainAccessResource.
fn build_account(c: &PlainAccessConfig) -> Result<Account, AclError> {
    let (access_key, secret_key) = check_keys(c)?;
    let mut perms = HashMap::new();
    let groups = c.group_perms.as_deref().unwrap_or_default();
    let topics = c.topic_perms.as_deref().unwrap_or_default();
    permission::parse_resource_perms(groups, false, &mut perms)?;
    permission::parse_resource_perms(topics, true, &mut perms)?;
    Ok(Account {
        access_key,
        secret_key,
        white: RemoteAddressStrategy::parse(c.white_remote_address.as_deref())?,
        admin: c.admin,
        default_topic_perm: permission::parse(c.default_topic_perm.as_deref()),
        default_group_perm: permission::parse(c.default_group_perm.as_deref()),
        perms: if groups.is_empty() && topics.is_empty() {
            None
        } else {
            Some(perms)
        },
    })
}

fn build_state(doc: &AclDocument) -> Result<AclState, AclError> {
    let global_white = doc
        .global_white_addrs()
        .iter()
        .map(|p| RemoteAddressStrategy::parse(Some(p)))
        .collect::<Result<_, _>>()?;
    let mut accounts = HashMap::new();
    for c in doc.accounts() {
        let a = build_account(&c)?;
        // The first definition of a key wins, as across Java's files.
        accounts.entry(a.access_key.clone()).or_insert(a);
    }
    Ok(AclState {
        global_white,
        accounts,
        version: doc.data_version(),
    })
}

pub struct PlainAccessValidator {
    path: PathBuf,
    state: RwLock<Arc<AclState>>,
    /// The file as last loaded (or last found unreadable).
    seen: Mutex<Option<FileStamp>>,
    /// The admin updates, one at a time (Java's are synchronized).
    writes: Mutex<()>,
}

impl PlainAccessValidator {
    /// Loads `path`, creating it empty when it does not exist (as Java does);
    /// a file that cannot be read or has a bad account is refused.
    pub fn open(path: &Path) -> Result<PlainAccessValidator, AclError> {
        if !path.exists() {
            std::fs::write(path, b"")
                .map_err(|e| AclError(format!("creating {}: {e}", path.display())))?;
        }
        let seen = stamp(path);
        let state = build_state(&AclDocument::read(path)?)
            .map_err(|e| AclError(format!("{}: {}", path.display(), e.0)))?;
        Ok(PlainAccessValidator {
            path: path.to_path_buf(),
            state: RwLock::new(Arc::new(state)),
            seen: Mutex::new(seen),
            writes: Mutex::new(()),
        })
    }

    /// Whether `path` loads (a missing file is an empty ACL), without creating it.
    pub fn check_file(path: &Path) -> Result<(), AclError> {
        build_state(&AclDocument::read(path)?)
            .map(|_| ())
            .map_err(|e| AclError(format!("{}: {}", path.display(), e.0)))
    }

    /// An ACL that refuses every request until `path` loads: for a file that
    /// broke between the config check and the start.
    pub fn refusing_all(path: &Path) -> PlainAccessValidator {
        PlainAccessValidator {
            path: path.to_path_buf(),
            state: RwLock::new(Arc::default()),
            seen: Mutex::new(None),
            writes: Mutex::new(()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn state(&self) -> Arc<AclState> {
        self.state.read().unwrap().clone()
    }

    /// Loads the file again if it changed since it was last loaded. A file that
    /// no longer parses is reported and the ACL in force kept.
    pub fn reload_if_changed(&self) -> Result<bool, AclError> {
        let now = stamp(&self.path);
        {
            let mut seen = self.seen.lock().unwrap();
            if *seen == now {
                return Ok(false);
            }
            *seen = now;
        }
        self.reload().map(|()| true)
    }

    fn reload(&self) -> Result<(), AclError> {
        let state = build_state(&AclDocument::read(&self.path)?)?;
        *self.state.write().unwrap() = Arc::new(state);
        Ok(())
    }

    /// Polls the file every WATCH_INTERVAL until `stopped` says so.
    pub async fn watch(self: Arc<Self>, stopped: impl Fn() -> bool) {
        while !stopped() {
            tokio::time::sleep(WATCH_INTERVAL).await;
            match self.reload_if_changed() {
                Ok(true) => tracing::info!(file = %self.path.display(), "ACL reloaded"),
                Ok(false) => {}
                Err(e) => tracing::error!(
                    file = %self.path.display(),
                    "ACL file not reloaded, the previous ACL stays in force: {e}"
                ),
            }
        }
    }

    /// Whether the request may be served: PlainAccessValidator#parse and then
    /// #validate. The error is what the client is told.
    pub fn check(&self, req: &RemotingCommand, remote_ip: &str) -> Result<(), AclError> {
        let r = resource::parse(req, remote_ip)?;
        self.validate(&r)
    }

    /// PlainPermissionManager#validate.
    pub fn validate(&self, r: &AccessResource) -> Result<(), AclError> {
        let state = self.state();
        if state.global_white.iter().any(|w| w.matches(&r.remote_ip)) {
            return Ok(());
        }
        let Some(ak) = r.access_key.as_deref() else {
            return Err(AclError::new("No accessKey is configured"));
        };
        let Some(owned) = state.accounts.get(ak) else {
            return Err(AclError(format!("No acl config for {ak}")));
        };
        if owned.white.matches(&r.remote_ip) {
            return Ok(());
        }
        let signed = r
            .signature
            .as_deref()
            .is_some_and(|s| signer::verify(&r.content, &owned.secret_key, s));
        if !signed {
            return Err(AclError(format!(
                "Check signature failed for accessKey={ak}"
            )));
        }
        if r.needed.get(RMQ_SYS_TRACE_TOPIC) == Some(&permission::PUB) {
            return Ok(());
        }
        check_perm(r, owned)
    }

    /// UPDATE_AND_CREATE_ACL_CONFIG: adds or updates the account in the file.
    pub fn update_access_config(&self, c: &PlainAccessConfig) -> Result<(), AclError> {
        check_keys(c)?;
        permission::check_resource_perms(c.topic_perms.as_deref().unwrap_or_default())?;
        permission::check_resource_perms(c.group_perms.as_deref().unwrap_or_default())?;
        self.rewrite(|doc| {
            doc.upsert_account(c);
            Ok(true)
        })
        .map(|_| ())
    }

    /// DELETE_ACL_CONFIG: false when there is no such account.
    pub fn delete_access_config(&self, access_key: &str) -> Result<bool, AclError> {
        if access_key.is_empty() || !self.state().accounts.contains_key(access_key) {
            return Ok(false);
        }
        self.rewrite(|doc| Ok(doc.remove_account(access_key)))
    }

    /// UPDATE_GLOBAL_WHITE_ADDRS_CONFIG: false for a file other than this
    /// broker's ACL file.
    pub fn update_global_white_addrs(
        &self,
        addrs: &[String],
        file: Option<&str>,
    ) -> Result<bool, AclError> {
        if let Some(f) = file.filter(|f| !f.is_empty())
            && Path::new(f) != self.path
        {
            return Ok(false);
        }
        self.rewrite(|doc| {
            doc.set_global_white_addrs(addrs);
            Ok(true)
        })
    }

    /// Changes the file under the write lock: `change` edits the document (and
    /// says whether it did); the result must load, and is then written with a
    /// new data version and put in force.
    fn rewrite(
        &self,
        change: impl FnOnce(&mut AclDocument) -> Result<bool, AclError>,
    ) -> Result<bool, AclError> {
        let _one_at_a_time = self.writes.lock().unwrap();
        let mut doc = AclDocument::read(&self.path)?;
        if !change(&mut doc)? {
            return Ok(false);
        }
        doc.next_version(now_ms());
        let state = build_state(&doc)?;
        doc.write(&self.path)?;
        *self.seen.lock().unwrap() = stamp(&self.path);
        *self.state.write().unwrap() = Arc::new(state);
        Ok(true)
    }

    /// The data version of the ACL in force (GET_BROKER_CLUSTER_ACL_INFO).
    pub fn version(&self) -> DataVersion {
        self.state().version
    }

    /// Every ACL file's version by path: this broker has one file.
    pub fn all_file_versions(&self) -> BTreeMap<String, DataVersion> {
        BTreeMap::from([(self.path.display().to_string(), self.version())])
    }

    /// GET_BROKER_CLUSTER_ACL_CONFIG: the file's white list and accounts.
    pub fn all_acl_config(&self) -> Result<AclConfigBody, AclError> {
        let doc = AclDocument::read(&self.path)?;
        Ok(AclConfigBody {
            global_white_addrs: doc.global_white_addrs(),
            plain_access_configs: doc.accounts(),
        })
    }
}

/// The broker's ACL at start: `path` loaded (created empty if missing), or, if
/// it broke after the config check, an ACL refusing everything until it loads.
pub fn open_for_broker(path: &Path) -> PlainAccessValidator {
    PlainAccessValidator::open(path).unwrap_or_else(|e| {
        tracing::error!("ACL file not loaded, refusing every request until it loads: {e}");
        PlainAccessValidator::refusing_all(path)
    })
}

/// PlainPermissionManager#checkPerm.
fn check_perm(r: &AccessResource, owned: &Account) -> Result<(), AclError> {
    if permission::needs_admin(r.request_code) && !owned.admin {
        return Err(AclError(format!(
            "Need admin permission for request code={}, but accessKey={} is not",
            r.request_code, owned.access_key
        )));
    }
    if r.needed.is_empty() || (owned.perms.is_none() && owned.admin) {
        return Ok(());
    }
    for (resource, needed) in &r.needed {
        let is_group = is_retry_topic(resource);
        let perm = match owned.perms.as_ref().and_then(|p| p.get(resource)) {
            Some(p) => *p,
            None if is_group => owned.default_group_perm,
            None => owned.default_topic_perm,
        };
        if !permission::check(*needed, perm) {
            let printed = if is_group {
                format!(
                    "group:{}",
                    &resource[permission::RETRY_GROUP_TOPIC_PREFIX.len()..]
                )
            } else {
                format!("topic:{resource}")
            };
            return Err(AclError(format!("No default permission for {printed}")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::remoting::code::request;

    const ACL: &str = "\
globalWhiteRemoteAddresses:
  - 10.10.103.*
accounts:
  - accessKey: RocketMQ
    secretKey: 12345678
    admin: false
    defaultTopicPerm: DENY
    defaultGroupPerm: SUB
    topicPerms:
      - topicA=DENY
      - topicB=PUB|SUB
      - topicC=SUB
    groupPerms:
      - groupA=DENY
  - accessKey: rocketmq2
    secretKey: 12345678
    whiteRemoteAddress: 192.168.1.*
    admin: true
";

    fn validator(dir: &Path) -> PlainAccessValidator {
        let path = dir.join("plain_acl.yml");
        std::fs::write(&path, ACL).unwrap();
        PlainAccessValidator::open(&path).unwrap()
    }

    fn signed(mut req: RemotingCommand, ak: &str, sk: &str) -> RemotingCommand {
        req = req.with_ext("AccessKey", ak.to_string());
        let sig = signer::sign(&signer::client_content(&req), sk);
        req.with_ext("Signature", sig)
    }

    fn send(topic: &str) -> RemotingCommand {
        RemotingCommand::request(request::SEND_MESSAGE_V2)
            .with_ext("a", "P")
            .with_ext("b", topic.to_string())
            .with_body(&b"body"[..])
    }

    #[test]
    fn java_refusals() {
        let dir = tempfile::tempdir().unwrap();
        let v = validator(dir.path());
        let ip = "127.0.0.1";
        let err = |r: Result<(), AclError>| r.unwrap_err().0;
        assert_eq!(
            err(v.check(&send("topicB"), ip)),
            "No accessKey is configured"
        );
        assert_eq!(
            err(v.check(&signed(send("topicB"), "nobody1", "12345678"), ip)),
            "No acl config for nobody1"
        );
        assert_eq!(
            err(v.check(&signed(send("topicB"), "RocketMQ", "wrong-secret"), ip)),
            "Check signature failed for accessKey=RocketMQ"
        );
        v.check(&signed(send("topicB"), "RocketMQ", "12345678"), ip)
            .unwrap();
        assert_eq!(
            err(v.check(&signed(send("topicA"), "RocketMQ", "12345678"), ip)),
            "No default permission for topic:topicA"
        );
        // Not listed: the default topic perm (DENY).
        assert!(
            v.check(&signed(send("topicZ"), "RocketMQ", "12345678"), ip)
                .is_err()
        );
        // SUB only: no PUB.
        assert!(
            v.check(&signed(send("topicC"), "RocketMQ", "12345678"), ip)
                .is_err()
        );
        // Trace messages pass.
        v.check(
            &signed(send(RMQ_SYS_TRACE_TOPIC), "RocketMQ", "12345678"),
            ip,
        )
        .unwrap();
        let pull = |group: &str| {
            RemotingCommand::request(request::PULL_MESSAGE)
                .with_ext("topic", "topicC")
                .with_ext("consumerGroup", group.to_string())
        };
        v.check(&signed(pull("groupB"), "RocketMQ", "12345678"), ip)
            .unwrap();
        assert_eq!(
            err(v.check(&signed(pull("groupA"), "RocketMQ", "12345678"), ip)),
            "No default permission for group:groupA"
        );
        let admin =
            RemotingCommand::request(request::UPDATE_AND_CREATE_TOPIC).with_ext("topic", "X");
        assert_eq!(
            err(v.check(&signed(admin.clone(), "RocketMQ", "12345678"), ip)),
            "Need admin permission for request code=17, but accessKey=RocketMQ is not"
        );
        v.check(&signed(admin.clone(), "rocketmq2", "12345678"), ip)
            .unwrap();
        // White-listed addresses: no signature needed.
        v.check(&send("topicA"), "10.10.103.7").unwrap();
        v.check(&admin.with_ext("AccessKey", "rocketmq2"), "192.168.1.9")
            .unwrap();
    }

    #[test]
    fn updates_rewrite_the_file_and_take_effect() {
        let dir = tempfile::tempdir().unwrap();
        let v = validator(dir.path());
        let before = v.version();
        v.update_access_config(&PlainAccessConfig {
            access_key: Some("newuser1".into()),
            secret_key: Some("newsecret1".into()),
            default_topic_perm: Some("PUB".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(v.version().counter, before.counter + 1);
        v.check(
            &signed(send("anything"), "newuser1", "newsecret1"),
            "127.0.0.1",
        )
        .unwrap();
        let on_disk = AclDocument::read(v.path()).unwrap();
        assert!(
            on_disk
                .accounts()
                .iter()
                .any(|a| a.access_key.as_deref() == Some("newuser1"))
        );
        assert!(
            v.update_access_config(&PlainAccessConfig {
                access_key: Some("short".into()),
                secret_key: Some("12345678".into()),
                ..Default::default()
            })
            .is_err()
        );
        assert!(v.delete_access_config("newuser1").unwrap());
        assert!(!v.delete_access_config("newuser1").unwrap());
        assert!(
            v.check(
                &signed(send("anything"), "newuser1", "newsecret1"),
                "127.0.0.1"
            )
            .is_err()
        );
        assert!(
            v.update_global_white_addrs(&["127.0.0.*".into()], None)
                .unwrap()
        );
        v.check(&send("topicA"), "127.0.0.1").unwrap();
        assert!(
            !v.update_global_white_addrs(&[], Some("/etc/other.yml"))
                .unwrap()
        );
    }

    #[test]
    fn reloads_a_changed_file_and_keeps_the_acl_when_it_breaks() {
        let dir = tempfile::tempdir().unwrap();
        let v = validator(dir.path());
        assert!(!v.reload_if_changed().unwrap());
        std::fs::write(v.path(), "globalWhiteRemoteAddresses: ['*']\n").unwrap();
        assert!(v.reload_if_changed().unwrap());
        v.check(&send("topicA"), "1.2.3.4").unwrap();
        std::fs::write(v.path(), "accounts:\n  - accessKey: x\n").unwrap();
        assert!(v.reload_if_changed().is_err());
        v.check(&send("topicA"), "1.2.3.4").unwrap();
    }
}
