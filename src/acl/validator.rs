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
    /// Each account, and the index in `files` of the file defining it.
    accounts: HashMap<String, (Account, usize)>,
    /// The ACL files loaded and their data versions.
    files: Vec<(PathBuf, DataVersion)>,
    /// The default file's data version.
    version: DataVersion,
}

/// What identifies the ACL files on disk: each one's path, mtime and length.
type FileStamp = Vec<(PathBuf, Option<SystemTime>, u64)>;

fn stamp(files: &[PathBuf]) -> FileStamp {
    files
        .iter()
        .map(|p| match std::fs::metadata(p) {
            Ok(m) => (p.clone(), m.modified().ok(), m.len()),
            Err(_) => (p.clone(), None, 0),
        })
        .collect()
}

/// PlainPermissionManager#getAllAclFiles: the .yml and .yaml files under
/// `dir`, its subdirectories too, in a stable order.
fn acl_files_in(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p.to_string_lossy();
        if name.ends_with(".yml") || name.ends_with(".yaml") {
            if p.is_file() {
                out.push(p);
            }
        } else if p.is_dir() {
            acl_files_in(&p, out);
        }
    }
}

/// The ACL files in force: those under the `acl` directory beside the
/// default file (RocketMQ's conf/acl beside conf/plain_acl.yml), then the
/// default file.
fn acl_files(default: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if let Some(parent) = default.parent() {
        acl_files_in(&parent.join("acl"), &mut files);
    }
    files.retain(|f| f != default);
    files.push(default.to_path_buf());
    files
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

/// Loads every file; an account defined in several keeps its first definition,
/// as across Java's files; the global white lists add up.
fn build_state(files: &[PathBuf]) -> Result<AclState, AclError> {
    let mut state = AclState::default();
    for (i, path) in files.iter().enumerate() {
        let in_file = |e: AclError| AclError(format!("{}: {}", path.display(), e.0));
        let doc = AclDocument::read(path)?;
        for p in doc.global_white_addrs() {
            state
                .global_white
                .push(RemoteAddressStrategy::parse(Some(&p)).map_err(in_file)?);
        }
        for c in doc.accounts() {
            let a = build_account(&c).map_err(in_file)?;
            state.accounts.entry(a.access_key.clone()).or_insert((a, i));
        }
        state.files.push((path.clone(), doc.data_version()));
    }
    state.version = state.files.last().map(|f| f.1).unwrap_or_default();
    Ok(state)
}

pub struct PlainAccessValidator {
    /// The default file: new accounts and the global white list go there.
    path: PathBuf,
    state: RwLock<Arc<AclState>>,
    /// The files as last loaded (or last found unreadable).
    seen: Mutex<FileStamp>,
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
        let files = acl_files(path);
        let seen = stamp(&files);
        let state = build_state(&files)?;
        Ok(PlainAccessValidator {
            path: path.to_path_buf(),
            state: RwLock::new(Arc::new(state)),
            seen: Mutex::new(seen),
            writes: Mutex::new(()),
        })
    }

    /// Whether `path` and the files of the `acl` directory beside it load (a
    /// missing file is an empty ACL), without creating anything.
    pub fn check_file(path: &Path) -> Result<(), AclError> {
        build_state(&acl_files(path)).map(|_| ())
    }

    /// An ACL that refuses every request until `path` loads: for a file that
    /// broke between the config check and the start.
    pub fn refusing_all(path: &Path) -> PlainAccessValidator {
        PlainAccessValidator {
            path: path.to_path_buf(),
            state: RwLock::new(Arc::default()),
            seen: Mutex::new(Vec::new()),
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
        let now = stamp(&acl_files(&self.path));
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
        let state = build_state(&acl_files(&self.path))?;
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
        let Some((owned, _)) = state.accounts.get(ak) else {
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

    /// The file defining `access_key`, or the default file.
    fn file_of(&self, access_key: &str) -> PathBuf {
        let state = self.state();
        match state.accounts.get(access_key) {
            Some((_, i)) => state.files[*i].0.clone(),
            None => self.path.clone(),
        }
    }

    /// UPDATE_AND_CREATE_ACL_CONFIG: updates the account in its file, or adds
    /// it to the default file.
    pub fn update_access_config(&self, c: &PlainAccessConfig) -> Result<(), AclError> {
        let (ak, _) = check_keys(c)?;
        permission::check_resource_perms(c.topic_perms.as_deref().unwrap_or_default())?;
        permission::check_resource_perms(c.group_perms.as_deref().unwrap_or_default())?;
        self.rewrite(&self.file_of(&ak), |doc| {
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
        self.rewrite(&self.file_of(access_key), |doc| {
            Ok(doc.remove_account(access_key))
        })
    }

    /// UPDATE_GLOBAL_WHITE_ADDRS_CONFIG: writes the list into `file` (the
    /// default file when none); false for a file that is not one of the ACL's.
    pub fn update_global_white_addrs(
        &self,
        addrs: &[String],
        file: Option<&str>,
    ) -> Result<bool, AclError> {
        let target = match file.filter(|f| !f.is_empty()) {
            None => self.path.clone(),
            Some(f) => match self.state().files.iter().find(|(p, _)| p == Path::new(f)) {
                Some((p, _)) => p.clone(),
                None => return Ok(false),
            },
        };
        self.rewrite(&target, |doc| {
            doc.set_global_white_addrs(addrs);
            Ok(true)
        })
    }

    /// Changes `file` under the write lock: `change` edits its document (and
    /// says whether it did); the ACL with the result must load, and then the
    /// file is written with a new data version and the ACL put in force.
    fn rewrite(
        &self,
        file: &Path,
        change: impl FnOnce(&mut AclDocument) -> Result<bool, AclError>,
    ) -> Result<bool, AclError> {
        let _one_at_a_time = self.writes.lock().unwrap();
        let mut doc = AclDocument::read(file)?;
        if !change(&mut doc)? {
            return Ok(false);
        }
        doc.next_version(now_ms());
        // Checked before writing: an update the ACL cannot load leaves the files alone.
        let files = acl_files(&self.path);
        let mut check = Vec::new();
        for f in &files {
            check.push(if f == file {
                doc.clone()
            } else {
                AclDocument::read(f)?
            });
        }
        check_documents(&check)?;
        doc.write(file)?;
        let state = build_state(&files)?;
        *self.seen.lock().unwrap() = stamp(&files);
        *self.state.write().unwrap() = Arc::new(state);
        Ok(true)
    }

    /// The data version of the default file (GET_BROKER_CLUSTER_ACL_INFO).
    pub fn version(&self) -> DataVersion {
        self.state().version
    }

    /// Every ACL file's data version, by path.
    pub fn all_file_versions(&self) -> BTreeMap<String, DataVersion> {
        self.state()
            .files
            .iter()
            .map(|(p, v)| (p.display().to_string(), *v))
            .collect()
    }

    /// GET_BROKER_CLUSTER_ACL_CONFIG: the white lists and accounts of every
    /// file, an account once (its first definition).
    pub fn all_acl_config(&self) -> Result<AclConfigBody, AclError> {
        let mut body = AclConfigBody::default();
        for (path, _) in &self.state().files {
            let doc = AclDocument::read(path)?;
            body.global_white_addrs.extend(doc.global_white_addrs());
            for a in doc.accounts() {
                if !body
                    .plain_access_configs
                    .iter()
                    .any(|b| b.access_key == a.access_key)
                {
                    body.plain_access_configs.push(a);
                }
            }
        }
        Ok(body)
    }
}

/// Whether these documents load together as an ACL.
fn check_documents(docs: &[AclDocument]) -> Result<(), AclError> {
    for doc in docs {
        for p in doc.global_white_addrs() {
            RemoteAddressStrategy::parse(Some(&p))?;
        }
        for c in doc.accounts() {
            build_account(&c)?;
        }
    }
    Ok(())
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

    #[test]
    fn files_of_the_acl_directory_add_accounts_and_keep_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let v = validator(dir.path());
        std::fs::create_dir_all(dir.path().join("acl/team")).unwrap();
        let extra = dir.path().join("acl/team/extra.yml");
        std::fs::write(
            &extra,
            "globalWhiteRemoteAddresses: [10.9.9.9]\naccounts:\n  - accessKey: teamuser1\n    secretKey: team-secret-1\n    defaultTopicPerm: PUB\n",
        )
        .unwrap();
        assert!(v.reload_if_changed().unwrap());
        v.check(
            &signed(send("t"), "teamuser1", "team-secret-1"),
            "127.0.0.1",
        )
        .unwrap();
        v.check(&send("t"), "10.9.9.9").unwrap();
        assert_eq!(v.all_file_versions().len(), 2);
        // An update of an account goes to the file that defines it.
        v.update_access_config(&PlainAccessConfig {
            access_key: Some("teamuser1".into()),
            secret_key: Some("team-secret-2".into()),
            default_topic_perm: Some("PUB".into()),
            ..Default::default()
        })
        .unwrap();
        let in_extra = AclDocument::read(&extra).unwrap();
        assert_eq!(
            in_extra.accounts()[0].secret_key.as_deref(),
            Some("team-secret-2")
        );
        assert_eq!(in_extra.data_version().counter, 1);
        assert!(
            !std::fs::read_to_string(v.path())
                .unwrap()
                .contains("teamuser1")
        );
        v.check(
            &signed(send("t"), "teamuser1", "team-secret-2"),
            "127.0.0.1",
        )
        .unwrap();
        let all = v.all_acl_config().unwrap();
        assert_eq!(all.plain_access_configs.len(), 3);
        assert!(all.global_white_addrs.contains(&"10.9.9.9".to_string()));
        // The white list of a file named in the request; a file outside the ACL is refused.
        assert!(
            v.update_global_white_addrs(&["10.8.8.8".into()], Some(extra.to_str().unwrap()))
                .unwrap()
        );
        v.check(&send("t"), "10.8.8.8").unwrap();
        assert!(
            !v.update_global_white_addrs(&[], Some("/etc/passwd.yml"))
                .unwrap()
        );
        // Removing the file takes its accounts away.
        std::fs::remove_file(&extra).unwrap();
        assert!(v.reload_if_changed().unwrap());
        assert!(
            v.check(
                &signed(send("t"), "teamuser1", "team-secret-2"),
                "127.0.0.1"
            )
            .is_err()
        );
    }
}
