//! `mq acl`: a cluster's plain ACL accounts and global white list (codes
//! 50–54), and the credentials every `mq` command signs its requests with
//! (`--access-key`/`--secret-key`, MQ_ACCESS_KEY/MQ_SECRET_KEY, or
//! `--credentials FILE`).

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;

use serde::Serialize;

use super::admin_common::{Targets, confirm};
use super::{CliError, CliResult, GlobalArgs};
use crate::acl::body::AclConfigBody;
use crate::acl::config::PlainAccessConfig;
use crate::acl::{AclClientRpcHook, SessionCredentials};
use crate::client::admin::AdminClient;
use crate::client::admin::acl::AclVersion;
use crate::client::admin::fanout::BrokerTarget;
use crate::render::{self, Render, new_table};

/// A secret from the command line: never shown by Debug (clap keeps the parsed
/// arguments, and they may be printed).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_string()))
    }
}

/// The credentials the global flags give: the keys (flags or environment)
/// first, else the credentials file; None when neither is given.
pub fn credentials(g: &GlobalArgs) -> CliResult<Option<SessionCredentials>> {
    match (&g.access_key, &g.secret_key) {
        (Some(ak), Some(sk)) => return Ok(Some(SessionCredentials::new(ak, sk.0.clone()))),
        (Some(_), None) => {
            return Err(CliError::Usage(
                "--access-key needs --secret-key (or MQ_SECRET_KEY)".into(),
            ));
        }
        (None, Some(_)) => {
            return Err(CliError::Usage(
                "--secret-key needs --access-key (or MQ_ACCESS_KEY)".into(),
            ));
        }
        (None, None) => {}
    }
    match &g.credentials {
        Some(path) => SessionCredentials::from_file(path)
            .map(Some)
            .map_err(|e| CliError::Usage(e.to_string())),
        None => Ok(None),
    }
}

/// Makes every client this process builds sign its requests with the global
/// credentials, if any are given.
pub fn install_credentials(g: &GlobalArgs) -> CliResult<()> {
    if let Some(c) = credentials(g)? {
        crate::remoting::rpc_hook::set_process_default(Arc::new(AclClientRpcHook::new(c)));
    }
    Ok(())
}

#[derive(Debug, clap::Args)]
pub struct AccountArgs {
    /// The account's access key (longer than 6 characters)
    #[arg(value_name = "ACCESS_KEY")]
    pub account: String,
    /// The account's secret key (longer than 6 characters)
    #[arg(long, value_name = "SECRET")]
    pub secret: Secret,
    /// Addresses that need no signature: an IP, `a.b.c.*`, `a.b.c.1-9`, `a.b.c.{1,2}`
    #[arg(long, value_name = "PATTERN")]
    pub white_addr: Option<String>,
    /// May make admin requests (topic and group changes, broker config, ACL updates)
    #[arg(long)]
    pub admin: bool,
    /// Permission on topics not listed: PUB, SUB, PUB|SUB or DENY
    #[arg(long, value_name = "PERM")]
    pub default_topic_perm: Option<String>,
    /// Permission on groups not listed: PUB, SUB, PUB|SUB or DENY
    #[arg(long, value_name = "PERM")]
    pub default_group_perm: Option<String>,
    /// A topic's permission, `topic=PERM` (repeatable)
    #[arg(long = "topic-perm", value_name = "TOPIC=PERM")]
    pub topic_perms: Vec<String>,
    /// A group's permission, `group=PERM` (repeatable)
    #[arg(long = "group-perm", value_name = "GROUP=PERM")]
    pub group_perms: Vec<String>,
    #[command(flatten)]
    pub targets: Targets,
}

impl AccountArgs {
    fn config(&self) -> PlainAccessConfig {
        let list = |l: &Vec<String>| (!l.is_empty()).then(|| l.clone());
        PlainAccessConfig {
            access_key: Some(self.account.clone()),
            secret_key: Some(self.secret.0.clone()),
            white_remote_address: self.white_addr.clone(),
            admin: self.admin,
            default_topic_perm: self.default_topic_perm.clone(),
            default_group_perm: self.default_group_perm.clone(),
            topic_perms: list(&self.topic_perms),
            group_perms: list(&self.group_perms),
        }
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum AclCommand {
    /// Every account (secrets left out) and the global white list, per broker
    #[command(after_help = "Examples:\n  mq acl list\n  mq acl list -b 127.0.0.1:10911 -o json")]
    List {
        #[command(flatten)]
        targets: Targets,
    },
    /// One account, per broker
    Get {
        #[arg(value_name = "ACCESS_KEY")]
        account: String,
        #[command(flatten)]
        targets: Targets,
    },
    /// Add an account on the brokers (refused where it exists)
    #[command(
        after_help = "Examples:\n  mq acl create appuser01 --secret 'app-secret-1' --default-topic-perm DENY --topic-perm orders=PUB|SUB --group-perm billing=SUB"
    )]
    Create(AccountArgs),
    /// Change an account on the brokers (refused where it does not exist, unless --or-create)
    Update {
        #[command(flatten)]
        args: AccountArgs,
        /// Create the account where it does not exist (what mqadmin updateAclConfig does)
        #[arg(long)]
        or_create: bool,
    },
    /// Remove an account from the brokers (asks first; -y in scripts)
    Delete {
        #[arg(value_name = "ACCESS_KEY")]
        account: String,
        /// Do not ask for confirmation
        #[arg(short = 'y', long)]
        yes: bool,
        #[command(flatten)]
        targets: Targets,
    },
    /// Show the global white list, or replace it with ADDRS (addresses that need no signature)
    Whitelist {
        /// The new list: IPs or patterns (`10.0.0.*`, `10.0.0.1-9`)
        addrs: Vec<String>,
        /// Empty the list
        #[arg(long, conflicts_with = "addrs")]
        clear: bool,
        /// The broker's ACL file to write [default: the broker's]
        #[arg(long, value_name = "PATH")]
        acl_file: Option<PathBuf>,
        #[command(flatten)]
        targets: Targets,
    },
    /// The data version of each broker's ACL files
    Version {
        #[command(flatten)]
        targets: Targets,
    },
}

/// One broker's ACL, with the secrets taken out.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerAcl {
    pub broker_name: String,
    pub broker_addr: String,
    pub global_white_addrs: Vec<String>,
    pub accounts: Vec<PlainAccessConfig>,
}

impl BrokerAcl {
    fn new(t: &BrokerTarget, mut body: AclConfigBody) -> Self {
        for a in &mut body.plain_access_configs {
            a.secret_key = None;
        }
        BrokerAcl {
            broker_name: t.broker_name.clone(),
            broker_addr: t.addr.clone(),
            global_white_addrs: body.global_white_addrs,
            accounts: body.plain_access_configs,
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Accounts(pub Vec<BrokerAcl>);

impl Render for Accounts {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table([
            "BROKER",
            "ACCESS KEY",
            "ADMIN",
            "WHITE ADDRESS",
            "DEFAULT TOPIC",
            "DEFAULT GROUP",
            "TOPIC PERMS",
            "GROUP PERMS",
        ]);
        let dash = |s: &Option<String>| s.clone().filter(|s| !s.is_empty()).unwrap_or("-".into());
        let list = |l: &Option<Vec<String>>| match l {
            Some(l) if !l.is_empty() => l.join(","),
            _ => "-".into(),
        };
        for b in &self.0 {
            for a in &b.accounts {
                t.add_row(vec![
                    b.broker_name.clone(),
                    dash(&a.access_key),
                    a.admin.to_string(),
                    dash(&a.white_remote_address),
                    dash(&a.default_topic_perm),
                    dash(&a.default_group_perm),
                    list(&a.topic_perms),
                    list(&a.group_perms),
                ]);
            }
        }
        t
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct WhiteLists(pub Vec<BrokerAcl>);

impl Render for WhiteLists {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["BROKER", "ADDRESS", "GLOBAL WHITE LIST"]);
        for b in &self.0 {
            let list = if b.global_white_addrs.is_empty() {
                "-".to_string()
            } else {
                b.global_white_addrs.join(",")
            };
            t.add_row(vec![b.broker_name.clone(), b.broker_addr.clone(), list]);
        }
        t
    }
}

/// What one broker did with a change.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AclChange {
    pub broker_name: String,
    pub broker_addr: String,
    pub action: &'static str,
    pub target: String,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct AclChanges(pub Vec<AclChange>);

impl Render for AclChanges {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["BROKER", "ADDRESS", "ACTION", "TARGET"]);
        for c in &self.0 {
            t.add_row(vec![
                c.broker_name.clone(),
                c.broker_addr.clone(),
                c.action.to_string(),
                c.target.clone(),
            ]);
        }
        t
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Versions(pub Vec<AclVersion>);

impl Render for Versions {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["CLUSTER", "BROKER", "ADDRESS", "COUNTER", "TIMESTAMP"]);
        for v in &self.0 {
            t.add_row(vec![
                v.cluster_name.clone(),
                v.broker_name.clone(),
                v.broker_addr.clone(),
                v.version.counter.to_string(),
                render::format_millis(v.version.timestamp),
            ]);
        }
        t
    }
}

async fn acls(admin: &AdminClient, targets: &[BrokerTarget]) -> CliResult<Vec<BrokerAcl>> {
    let mut out = Vec::new();
    for t in targets {
        out.push(BrokerAcl::new(t, admin.acl_config(&t.addr).await?));
    }
    Ok(out)
}

fn change(t: &BrokerTarget, action: &'static str, target: String) -> AclChange {
    AclChange {
        broker_name: t.broker_name.clone(),
        broker_addr: t.addr.clone(),
        action,
        target,
    }
}

/// What `upsert` asks of the account's existence on each broker.
#[derive(Clone, Copy, PartialEq)]
enum Existing {
    MustNot,
    Must,
    Either,
}

/// Adds or updates an account on every target, after checking each broker
/// has it (or not, as `existing` asks) when the broker can list accounts.
async fn upsert(
    admin: &AdminClient,
    args: &AccountArgs,
    existing: Existing,
) -> CliResult<AclChanges> {
    let targets = args.targets.resolve(admin).await?;
    let must_exist = existing == Existing::Must;
    for t in &targets {
        if existing == Existing::Either {
            break;
        }
        // Brokers since RocketMQ 4.9.4 cannot list accounts: then the check is skipped.
        if let Ok(body) = admin.acl_config(&t.addr).await {
            let exists = body
                .plain_access_configs
                .iter()
                .any(|a| a.access_key.as_deref() == Some(args.account.as_str()));
            if exists != must_exist {
                let why = if exists {
                    "already exists"
                } else {
                    "does not exist"
                };
                let hint = if exists {
                    "mq acl update"
                } else {
                    "mq acl create"
                };
                return Err(CliError::Failed(format!(
                    "account '{}' {why} on {} ({}): use {hint}",
                    args.account, t.broker_name, t.addr
                )));
            }
        }
    }
    let config = args.config();
    let mut changes = Vec::new();
    for t in &targets {
        admin.update_acl_config(&t.addr, &config).await?;
        let action = match existing {
            Existing::MustNot => "created",
            Existing::Must => "updated",
            Existing::Either => "created or updated",
        };
        changes.push(change(t, action, args.account.clone()));
    }
    Ok(AclChanges(changes))
}

pub async fn run(g: &GlobalArgs, cmd: AclCommand) -> CliResult {
    let admin = g.admin()?;
    match cmd {
        AclCommand::List { targets } => {
            let t = targets.resolve(&admin).await?;
            render::emit(g.output, &Accounts(acls(&admin, &t).await?))?;
        }
        AclCommand::Get { account, targets } => {
            let t = targets.resolve(&admin).await?;
            let mut found = acls(&admin, &t).await?;
            for b in &mut found {
                b.accounts
                    .retain(|a| a.access_key.as_deref() == Some(account.as_str()));
            }
            if found.iter().all(|b| b.accounts.is_empty()) {
                return Err(CliError::Failed(format!(
                    "no account '{account}' on {} broker(s)",
                    found.len()
                )));
            }
            render::emit(g.output, &Accounts(found))?;
        }
        AclCommand::Create(args) => {
            render::emit(g.output, &upsert(&admin, &args, Existing::MustNot).await?)?
        }
        AclCommand::Update { args, or_create } => {
            let existing = if or_create {
                Existing::Either
            } else {
                Existing::Must
            };
            render::emit(g.output, &upsert(&admin, &args, existing).await?)?
        }
        AclCommand::Delete {
            account,
            yes,
            targets,
        } => {
            let t = targets.resolve(&admin).await?;
            confirm(
                &format!("delete ACL account '{account}' from {} broker(s)", t.len()),
                yes,
            )?;
            let mut changes = Vec::new();
            for b in &t {
                admin.delete_acl_config(&b.addr, &account).await?;
                changes.push(change(b, "deleted", account.clone()));
            }
            render::emit(g.output, &AclChanges(changes))?;
        }
        AclCommand::Whitelist {
            addrs,
            clear,
            acl_file,
            targets,
        } => {
            let t = targets.resolve(&admin).await?;
            if addrs.is_empty() && !clear {
                render::emit(g.output, &WhiteLists(acls(&admin, &t).await?))?;
                return Ok(());
            }
            let file = acl_file.as_ref().map(|p| p.display().to_string());
            let mut changes = Vec::new();
            for b in &t {
                admin
                    .update_global_white_addrs(&b.addr, &addrs, file.as_deref())
                    .await?;
                changes.push(change(b, "white list set", addrs.join(",")));
            }
            render::emit(g.output, &AclChanges(changes))?;
        }
        AclCommand::Version { targets } => {
            let t = targets.resolve(&admin).await?;
            let mut out = Vec::new();
            for b in &t {
                out.push(admin.acl_version(&b.addr).await?);
            }
            render::emit(g.output, &Versions(out))?;
        }
    }
    Ok(())
}
