//! `mq namesrv ...`: run a name server, and manage its KV config and settings.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use super::{CliError, CliResult, GlobalArgs};
use crate::namesrv::{self, NamesrvConfig};
use crate::render::{self, Render, new_table};

#[derive(Debug, clap::Subcommand)]
pub enum NamesrvCommand {
    /// Run a name server in the foreground until Ctrl-C
    #[command(
        after_help = "Examples:\n  mq namesrv start\n  mq namesrv start --listen 127.0.0.1:9877\n  mq namesrv start -c conf/namesrv.yaml"
    )]
    Start {
        /// Address to listen on (overrides bindAddress/listenPort of the config file)
        #[arg(long)]
        listen: Option<String>,
        /// Config file: YAML, or Java properties (.conf/.properties)
        #[arg(short = 'c', long = "config")]
        config: Option<PathBuf>,
    },
    /// Read and write the name server's key-value config
    #[command(subcommand)]
    Kv(KvCommand),
    /// Read and change the running name servers' settings
    #[command(subcommand)]
    Config(ConfigCommand),
}

#[derive(Debug, clap::Subcommand)]
pub enum KvCommand {
    /// Print one value
    Get { namespace: String, key: String },
    /// Set a value on every name server
    Put {
        namespace: String,
        key: String,
        value: String,
    },
    /// Delete a key on every name server
    Delete { namespace: String, key: String },
    /// List the keys and values of a namespace
    List { namespace: String },
}

#[derive(Debug, clap::Subcommand)]
pub enum ConfigCommand {
    /// Print every setting of each name server
    Get,
    /// Change a setting on every name server
    Set { key: String, value: String },
}

pub async fn run(g: &GlobalArgs, cmd: NamesrvCommand) -> CliResult {
    match cmd {
        NamesrvCommand::Start { listen, config } => start(listen, config).await,
        NamesrvCommand::Kv(kv) => run_kv(g, kv).await,
        NamesrvCommand::Config(c) => run_config(g, c).await,
    }
}

async fn start(listen: Option<String>, config_path: Option<PathBuf>) -> CliResult {
    let mut config: NamesrvConfig = match &config_path {
        Some(p) => crate::config::load(p).map_err(|e| CliError::Usage(e.to_string()))?,
        None => NamesrvConfig::default(),
    };
    if let Some(listen) = listen {
        let addr: std::net::SocketAddr = listen.parse().map_err(|_| {
            CliError::Usage(format!("--listen '{listen}' is not an ip:port address"))
        })?;
        config.bind_address = addr.ip().to_string();
        config.listen_port = addr.port();
    }
    let listener = super::broker::bind(&config.listen_addr()).await?;
    let local = listener.local_addr()?;
    let server = namesrv::NameServer::new(config).map_err(|e| CliError::Failed(e.to_string()))?;
    println!("The Name Server boot success. Listening on {local}");
    server.run(listener, crate::util::shutdown_signal()).await;
    tracing::info!("name server stopped");
    Ok(())
}

#[derive(Debug, Serialize)]
struct KvEntry {
    namespace: String,
    key: String,
    value: String,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
struct KvEntries(Vec<KvEntry>);

impl Render for KvEntries {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["NAMESPACE", "KEY", "VALUE"]);
        for e in &self.0 {
            t.add_row(vec![e.namespace.clone(), e.key.clone(), e.value.clone()]);
        }
        t
    }
}

async fn run_kv(g: &GlobalArgs, cmd: KvCommand) -> CliResult {
    let admin = g.admin()?;
    match cmd {
        KvCommand::Get { namespace, key } => match admin.kv_get(&namespace, &key).await? {
            Some(value) => render::emit(
                g.output,
                &KvEntries(vec![KvEntry {
                    namespace,
                    key,
                    value,
                }]),
            )?,
            None => {
                return Err(CliError::Failed(format!(
                    "key '{key}' not found in namespace '{namespace}'"
                )));
            }
        },
        KvCommand::Put {
            namespace,
            key,
            value,
        } => admin.kv_put(&namespace, &key, &value).await?,
        KvCommand::Delete { namespace, key } => admin.kv_delete(&namespace, &key).await?,
        KvCommand::List { namespace } => {
            let table = admin.kv_list(&namespace).await?;
            let rows = table
                .table
                .into_iter()
                .map(|(key, value)| KvEntry {
                    namespace: namespace.clone(),
                    key,
                    value,
                })
                .collect();
            render::emit(g.output, &KvEntries(rows))?;
        }
    }
    Ok(())
}

/// Each name server's settings, by address.
#[derive(Debug, Serialize)]
#[serde(transparent)]
struct NamesrvSettings(BTreeMap<String, BTreeMap<String, String>>);

impl Render for NamesrvSettings {
    fn table(&self) -> comfy_table::Table {
        let mut t = new_table(["NAME SERVER", "KEY", "VALUE"]);
        for (addr, settings) in &self.0 {
            for (k, v) in settings {
                t.add_row(vec![addr.clone(), k.clone(), v.clone()]);
            }
        }
        t
    }
}

async fn run_config(g: &GlobalArgs, cmd: ConfigCommand) -> CliResult {
    let admin = g.admin()?;
    match cmd {
        ConfigCommand::Get => {
            let all = admin
                .namesrv_config()
                .await?
                .into_iter()
                .map(|(addr, text)| (addr, crate::config::parse_properties(&text)))
                .collect();
            render::emit(g.output, &NamesrvSettings(all))?;
        }
        ConfigCommand::Set { key, value } => {
            admin
                .update_namesrv_config(&format!("{key}={value}\n"))
                .await?;
        }
    }
    Ok(())
}
