//! The command line: clap definitions (the single source of help text,
//! completions and docs) and one module per command group.

pub mod acl;
pub mod admin;
pub mod admin_common;
pub mod bench;
pub mod broker;
pub mod broker_admin;
pub mod cluster;
pub mod completions;
pub mod console;
pub mod consume;
pub mod consumer;
pub mod dlq;
pub mod error;
pub mod group;
pub mod message;
pub mod namesrv;
pub mod producer;
pub mod send;
pub mod store;
pub mod top;
pub mod topic;
pub mod transaction;
pub mod up;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand};

use crate::client::admin::AdminClient;
use crate::render::OutputFormat;
pub use error::{CliError, CliResult};

#[derive(Debug, Parser)]
#[command(
    name = "mq",
    version,
    about = "A RocketMQ-compatible message broker, name server and admin toolkit",
    long_about = "A RocketMQ-compatible message broker, name server and admin toolkit.\n\n\
        Works against its own daemons and against any Apache RocketMQ 4.x/5.x cluster.",
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, clap::Args)]
pub struct GlobalArgs {
    /// Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]
    #[arg(
        short = 'n',
        long = "namesrv",
        env = "NAMESRV_ADDR",
        hide_env_values = true,
        global = true
    )]
    pub namesrv: Option<String>,
    /// Output format of commands that print data
    #[arg(short = 'o', long, value_enum, default_value_t = OutputFormat::Table, global = true)]
    pub output: OutputFormat,
    /// Time allowed for each request, e.g. 3s or 500ms
    #[arg(long, default_value = "3s", value_parser = humantime::parse_duration, global = true)]
    pub timeout: Duration,
    /// ACL access key to sign requests with (see commands/acl.md)
    #[arg(
        long,
        value_name = "AK",
        env = "MQ_ACCESS_KEY",
        hide_env_values = true,
        global = true
    )]
    pub access_key: Option<String>,
    /// ACL secret key (a flag shows in `ps`: prefer the variable)
    #[arg(
        long,
        value_name = "SK",
        env = "MQ_SECRET_KEY",
        hide_env_values = true,
        global = true
    )]
    pub secret_key: Option<acl::Secret>,
    /// ACL credentials file: accessKey/secretKey as YAML or properties
    #[arg(
        long,
        env = "MQ_CREDENTIALS_FILE",
        value_name = "FILE",
        hide_env_values = true,
        global = true
    )]
    pub credentials: Option<std::path::PathBuf>,
    /// Connect over TLS, to servers with tls.server.mode permissive or enforcing (see
    /// commands/tls.md)
    #[arg(long, global = true)]
    pub tls: bool,
    /// With --tls: PEM certificate(s) of the authority that signed the servers' certificates
    #[arg(long, value_name = "FILE", global = true, requires = "tls")]
    pub tls_ca: Option<PathBuf>,
    /// With --tls: PEM client certificate, for servers that verify clients
    #[arg(long, value_name = "FILE", global = true, requires_all = ["tls", "tls_key"])]
    pub tls_cert: Option<PathBuf>,
    /// With --tls: the PEM private key of --tls-cert
    #[arg(long, value_name = "FILE", global = true, requires_all = ["tls", "tls_cert"])]
    pub tls_key: Option<PathBuf>,
    /// For tests only: with --tls, trust any server certificate (no protection against a man
    /// in the middle)
    #[arg(long, global = true, hide = true, requires = "tls")]
    pub tls_test_trust_all: bool,
}

/// Where a name server runs unless told otherwise.
pub const DEFAULT_NAMESRV: &str = "127.0.0.1:9876";

impl GlobalArgs {
    /// The name server list: `-n`, else NAMESRV_ADDR, else the default.
    pub fn namesrv(&self) -> &str {
        self.namesrv.as_deref().unwrap_or(DEFAULT_NAMESRV)
    }

    /// The TLS every connection of this process uses, `None` without --tls.
    pub fn tls_client(&self) -> CliResult<Option<Arc<crate::remoting::tls::TlsClient>>> {
        if !self.tls {
            return Ok(None);
        }
        let settings = crate::remoting::tls::TlsClientSettings {
            ca_path: self.tls_ca.clone(),
            cert_path: self.tls_cert.clone(),
            key_path: self.tls_key.clone(),
            trust_all_for_testing: self.tls_test_trust_all,
        };
        settings
            .build()
            .map(Some)
            .map_err(|e| CliError::Usage(e.to_string()))
    }

    pub fn admin(&self) -> CliResult<AdminClient> {
        AdminClient::new(self.namesrv(), self.timeout).map_err(|e| CliError::Usage(e.to_string()))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a name server and a broker (or a whole cluster) in one process, for local work
    Up(up::UpArgs),
    /// Run a broker
    #[command(subcommand)]
    Broker(broker::BrokerCommand),
    /// Run a name server, or manage its key-value config
    #[command(subcommand)]
    Namesrv(namesrv::NamesrvCommand),
    /// Inspect clusters and their brokers
    #[command(subcommand)]
    Cluster(cluster::ClusterCommand),
    /// Inspect and manage topics
    #[command(subcommand)]
    Topic(topic::TopicCommand),
    /// Send messages
    Send(send::SendArgs),
    /// Consume messages (a push consumer in a group)
    Consume(consume::ConsumeArgs),
    /// Inspect and manage consumer groups: progress, lag, offsets
    #[command(subcommand)]
    Group(group::GroupCommand),
    /// Look up, print and resend messages
    #[command(subcommand)]
    Message(message::MessageCommand),
    /// A consumer group's dead letters: list, show, re-send to their original topic
    #[command(subcommand)]
    Dlq(dlq::DlqCommand),
    /// Connected producers of a group
    #[command(subcommand)]
    Producer(producer::ProducerCommand),
    /// Transactional messages: half messages waiting for their outcome
    #[command(subcommand)]
    Transaction(transaction::TransactionCommand),
    /// Online consumers of a group and their subscriptions
    #[command(subcommand)]
    Consumer(consumer::ConsumerCommand),
    /// Plain ACL: accounts, permissions and the global white list of the brokers
    #[command(subcommand)]
    Acl(acl::AclCommand),
    /// Run an mqadmin command by its mqadmin name and options (see commands/admin.md)
    Admin(admin::AdminArgs),
    /// Live dashboard: brokers, topics, groups, lag and TPS (--once for a snapshot)
    Top(top::TopArgs),
    /// Serve the web console: dashboard, cluster, topics, groups, messages
    Console(console::ConsoleArgs),
    /// Read a store directory offline
    #[command(subcommand)]
    Store(store::StoreCommand),
    /// Measure: load a cluster (produce, consume, e2e, rpc), or the store on this disk
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// Print a shell completion script
    Completions(completions::CompletionsArgs),
}

/// Runs a parsed command line.
pub async fn run(cli: Cli) -> CliResult {
    let g = &cli.global;
    acl::install_credentials(g)?;
    // Process-wide, as RocketMQ's tls.enable: every client path, and a broker's own
    // connections (registration, slave sync), connect this way.
    crate::remoting::tls::set_default_client(g.tls_client()?);
    match cli.command {
        Command::Up(args) => up::run(g, args).await,
        Command::Broker(cmd) => broker::run(g, cmd).await,
        Command::Namesrv(cmd) => namesrv::run(g, cmd).await,
        Command::Cluster(cmd) => cluster::run(g, cmd).await,
        Command::Topic(cmd) => topic::run(g, cmd).await,
        Command::Send(args) => send::run(g, args).await,
        Command::Consume(args) => consume::run(g, args).await,
        Command::Group(cmd) => group::run(g, cmd).await,
        Command::Message(cmd) => message::run(g, cmd).await,
        Command::Dlq(cmd) => dlq::run(g, cmd).await,
        Command::Producer(cmd) => producer::run(g, cmd).await,
        Command::Consumer(cmd) => consumer::run(g, cmd).await,
        Command::Transaction(cmd) => transaction::run(g, cmd).await,
        Command::Acl(cmd) => acl::run(g, cmd).await,
        Command::Admin(args) => admin::run(g, args).await,
        Command::Top(args) => top::run(g, args).await,
        Command::Console(args) => console::run(g, args).await,
        Command::Store(cmd) => store::run(g, cmd).await,
        Command::Bench(cmd) => bench::run(g, cmd).await,
        Command::Completions(args) => completions::run(args),
    }
}
