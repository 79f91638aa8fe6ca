//! `mq admin <mqadmin-command> [options]`: mqadmin's command names and
//! options, translated into the `mq` command that does the same work, so
//! existing scripts keep working (with `mq`'s output and exit codes).

use super::{Cli, CliError, CliResult, GlobalArgs};

#[derive(Debug, Clone, clap::Args)]
#[command(
    after_help = "Examples:\n  mq admin updateTopic -t TopicTest -c DefaultCluster -r 8 -w 8\n  mq admin consumerProgress -g demo\n  mq admin resetOffsetByTime -g demo -t TopicTest -s now\n\nCovered: see commands/admin.md"
)]
pub struct AdminArgs {
    /// The mqadmin command, e.g. updateTopic, consumerProgress
    pub command: String,
    /// Its mqadmin options, e.g. -t TopicTest -c DefaultCluster
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// mqadmin options that take no value.
fn is_flag(command: &str, opt: char) -> bool {
    matches!(
        (command, opt),
        ("topicList", 'c') | ("clusterList", 'm') | ("statsAll", 'a') | (_, 'h')
    )
}

/// Parses `-x value` pairs (and flags) the way commons-cli does for mqadmin.
fn parse_opts(command: &str, args: &[String]) -> CliResult<Vec<(char, Option<String>)>> {
    let mut out = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let name = a
            .strip_prefix('-')
            .filter(|n| n.chars().count() == 1)
            .and_then(|n| n.chars().next())
            .ok_or_else(|| {
                CliError::Usage(format!("mqadmin {command}: unexpected argument '{a}'"))
            })?;
        if is_flag(command, name) {
            out.push((name, None));
        } else {
            let v = it.next().ok_or_else(|| {
                CliError::Usage(format!("mqadmin {command}: option -{name} needs a value"))
            })?;
            out.push((name, Some(v.clone())));
        }
    }
    Ok(out)
}

struct Opts {
    command: String,
    opts: Vec<(char, Option<String>)>,
    used: Vec<char>,
}

impl Opts {
    fn get(&mut self, c: char) -> Option<String> {
        self.used.push(c);
        self.opts
            .iter()
            .find(|(n, _)| *n == c)
            .map(|(_, v)| v.clone().unwrap_or_default())
    }
    fn has(&mut self, c: char) -> bool {
        self.used.push(c);
        self.opts.iter().any(|(n, _)| *n == c)
    }
    fn req(&mut self, c: char, what: &str) -> CliResult<String> {
        self.get(c).ok_or_else(|| {
            CliError::Usage(format!(
                "mqadmin {}: -{c} ({what}) is required",
                self.command
            ))
        })
    }
    fn truthy(&mut self, c: char) -> bool {
        self.get(c).is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }
    /// Fails on options this translation does not know.
    fn check_all_used(&self) -> CliResult {
        match self
            .opts
            .iter()
            .find(|(n, _)| !self.used.contains(n) && *n != 'n')
        {
            Some((n, _)) => Err(CliError::Usage(format!(
                "mqadmin {}: option -{n} is not supported by mq admin (see commands/admin.md)",
                self.command
            ))),
            None => Ok(()),
        }
    }
}

fn push_targets(o: &mut Opts, argv: &mut Vec<String>) {
    if let Some(c) = o.get('c') {
        argv.extend(["-c".into(), c]);
    }
    if let Some(b) = o.get('b') {
        argv.extend(["-b".into(), b]);
    }
}

fn perm_arg(p: &str) -> CliResult<&'static str> {
    match p.trim() {
        "6" | "7" => Ok("rw"),
        "4" | "5" => Ok("r"),
        "2" | "3" => Ok("w"),
        other => Err(CliError::Usage(format!(
            "mqadmin: perm {other} is not 2, 4 or 6"
        ))),
    }
}

/// The `mq` arguments (after `mq`) doing what `mqadmin <command> <args>` does.
pub fn translate(command: &str, args: &[String]) -> CliResult<Vec<String>> {
    let mut o = Opts {
        command: command.to_string(),
        opts: parse_opts(command, args)?,
        used: Vec::new(),
    };
    let s = |v: &str| v.to_string();
    let mut argv: Vec<String> = Vec::new();
    match command {
        "updateTopic" => {
            argv.extend([s("topic"), s("create"), o.req('t', "topic")?]);
            push_targets(&mut o, &mut argv);
            if let Some(r) = o.get('r') {
                argv.extend([s("--read-queues"), r]);
            }
            if let Some(w) = o.get('w') {
                argv.extend([s("--write-queues"), w]);
            }
            if let Some(p) = o.get('p') {
                argv.extend([s("--perm"), s(perm_arg(&p)?)]);
            }
            if o.truthy('o') {
                argv.push(s("--order"));
            }
        }
        "deleteTopic" => {
            argv.extend([s("topic"), s("delete"), o.req('t', "topic")?, s("-y")]);
            if let Some(c) = o.get('c') {
                argv.extend([s("-c"), c]);
            }
        }
        "topicList" => {
            o.has('c');
            argv.extend([s("topic"), s("list")]);
        }
        "topicRoute" => argv.extend([s("topic"), s("route"), o.req('t', "topic")?]),
        "topicStatus" => argv.extend([s("topic"), s("describe"), o.req('t', "topic")?]),
        "updateSubGroup" => {
            argv.extend([s("group"), s("create"), o.req('g', "group")?]);
            push_targets(&mut o, &mut argv);
            if o.truthy('d') {
                argv.push(s("--broadcast"));
            }
            if let Some(r) = o.get('r') {
                argv.extend([s("--retry-max"), r]);
            }
            if let Some(q) = o.get('q') {
                argv.extend([s("--retry-queues"), q]);
            }
            if let Some(e) = o.get('s') {
                argv.extend([s("--consume-enable"), e.to_ascii_lowercase()]);
            }
        }
        "deleteSubGroup" => {
            argv.extend([s("group"), s("delete"), o.req('g', "group")?, s("-y")]);
            push_targets(&mut o, &mut argv);
            if o.truthy('r') {
                argv.push(s("--remove-offsets"));
            }
        }
        "consumerProgress" => match o.get('g') {
            Some(g) => {
                o.get('s');
                argv.extend([s("group"), s("describe"), g]);
            }
            None => argv.extend([s("group"), s("list")]),
        },
        "consumerConnection" => {
            o.get('b');
            argv.extend([s("consumer"), s("list"), s("--group"), o.req('g', "group")?]);
        }
        "producerConnection" => {
            o.get('t');
            argv.extend([s("producer"), s("list"), s("--group"), o.req('g', "group")?]);
        }
        "clusterList" => {
            o.has('m');
            o.get('i');
            argv.extend([s("cluster"), s("list")]);
        }
        "brokerStatus" => {
            argv.extend([s("broker"), s("status")]);
            push_targets(&mut o, &mut argv);
        }
        "getBrokerConfig" => {
            argv.extend([s("broker"), s("config"), s("get")]);
            push_targets(&mut o, &mut argv);
        }
        "updateBrokerConfig" => {
            argv.extend([
                s("broker"),
                s("config"),
                s("set"),
                o.req('k', "key")?,
                o.req('v', "value")?,
            ]);
            push_targets(&mut o, &mut argv);
        }
        "queryMsgById" => {
            let id = o.req('i', "message id")?;
            match (o.get('g'), o.truthy('s')) {
                (Some(group), _) => {
                    argv.extend([s("message"), s("resend"), id, s("--group"), group]);
                    if let Some(c) = o.get('d') {
                        argv.extend([s("--client-id"), c]);
                    }
                }
                (None, _) => argv.extend([s("message"), s("get"), id]),
            }
        }
        "queryMsgByUniqueKey" => {
            argv.extend([
                s("message"),
                s("get"),
                o.req('i', "unique key")?,
                s("--topic"),
                o.req('t', "topic")?,
            ]);
        }
        "queryMsgByKey" => {
            argv.extend([
                s("message"),
                s("query"),
                s("--topic"),
                o.req('t', "topic")?,
                s("--key"),
                o.req('k', "key")?,
            ]);
        }
        "queryMsgByOffset" => {
            argv.extend([
                s("message"),
                s("print"),
                s("--topic"),
                o.req('t', "topic")?,
                s("--broker"),
                o.req('b', "broker name")?,
                s("--queue"),
                o.req('i', "queue id")?,
                s("--offset"),
                o.req('o', "offset")?,
                s("--count"),
                s("1"),
            ]);
        }
        "printMsgByQueue" => {
            argv.extend([
                s("message"),
                s("print"),
                s("--topic"),
                o.req('t', "topic")?,
                s("--broker"),
                o.req('a', "broker name")?,
                s("--queue"),
                o.req('i', "queue id")?,
                s("--count"),
                s("1000"),
            ]);
        }
        "resetOffsetByTime" | "resetOffsetByTimeOld" => {
            o.get('f');
            o.get('c');
            argv.extend([
                s("group"),
                s("reset-offset"),
                o.req('g', "group")?,
                s("--topic"),
                o.req('t', "topic")?,
                s("--to-time"),
                o.req('s', "timestamp")?,
                s("--execute"),
                s("-y"),
            ]);
        }
        "wipeWritePerm" | "addWritePerm" => {
            let action = if command == "wipeWritePerm" {
                "wipe-write-perm"
            } else {
                "add-write-perm"
            };
            argv.extend([s("cluster"), s(action), o.req('b', "brokerName")?]);
        }
        "skipAccumulatedMessage" => {
            o.get('f');
            argv.extend([
                s("group"),
                s("reset-offset"),
                o.req('g', "group")?,
                s("--topic"),
                o.req('t', "topic")?,
                s("--to-latest"),
                s("--execute"),
                s("-y"),
            ]);
        }
        "updateTopicPerm" => {
            argv.extend([s("topic"), s("update"), o.req('t', "topic")?]);
            let p = o.req('p', "perm")?;
            argv.extend([s("--perm"), s(perm_arg(&p)?)]);
            push_targets(&mut o, &mut argv);
        }
        "topicClusterList" => argv.extend([s("topic"), s("route"), o.req('t', "topic")?]),
        "updateKvConfig" => argv.extend([
            s("namesrv"),
            s("kv"),
            s("put"),
            o.req('s', "namespace")?,
            o.req('k', "key")?,
            o.req('v', "value")?,
        ]),
        "deleteKvConfig" => argv.extend([
            s("namesrv"),
            s("kv"),
            s("delete"),
            o.req('s', "namespace")?,
            o.req('k', "key")?,
        ]),
        "updateOrderConf" => {
            let topic = o.req('t', "topic")?;
            let ns = s("ORDER_TOPIC_CONFIG");
            match o.req('m', "method")?.as_str() {
                "get" => argv.extend([s("namesrv"), s("kv"), s("get"), ns, topic]),
                "put" => {
                    let v = o.req('v', "order conf")?;
                    argv.extend([s("namesrv"), s("kv"), s("put"), ns, topic, v]);
                }
                "delete" => argv.extend([s("namesrv"), s("kv"), s("delete"), ns, topic]),
                other => {
                    return Err(CliError::Usage(format!(
                        "mqadmin updateOrderConf: -m is get, put or delete, not '{other}'"
                    )));
                }
            }
        }
        "getNamesrvConfig" => argv.extend([s("namesrv"), s("config"), s("get")]),
        "updateNamesrvConfig" => argv.extend([
            s("namesrv"),
            s("config"),
            s("set"),
            o.req('k', "key")?,
            o.req('v', "value")?,
        ]),
        "sendMessage" => {
            argv.extend([
                s("send"),
                s("--topic"),
                o.req('t', "topic")?,
                s("--body"),
                o.req('p', "body")?,
            ]);
            if let Some(k) = o.get('k') {
                argv.extend([s("--keys"), k]);
            }
            if let Some(c) = o.get('c') {
                argv.extend([s("--tag"), c]);
            }
        }
        "brokerConsumeStats" => {
            o.get('t');
            argv.extend([s("broker"), s("consume-stats")]);
            if let Some(b) = o.get('b') {
                argv.extend([s("-b"), b]);
            }
            if let Some(l) = o.get('l') {
                argv.extend([s("--min-diff"), l]);
            }
            if o.truthy('o') {
                argv.push(s("--order"));
            }
        }
        "statsAll" => {
            argv.extend([s("topic"), s("stats")]);
            if let Some(t) = o.get('t') {
                argv.push(t);
            }
            if o.has('a') {
                argv.push(s("--active"));
            }
        }
        "queryCq" => {
            argv.extend([
                s("topic"),
                s("cq"),
                o.req('t', "topic")?,
                s("--queue"),
                o.req('q', "queue id")?,
                s("--index"),
                o.req('i', "index")?,
            ]);
            if let Some(c) = o.get('c') {
                argv.extend([s("--count"), c]);
            }
            if let Some(b) = o.get('b') {
                argv.extend([s("-b"), b]);
            }
            if let Some(g) = o.get('g') {
                argv.extend([s("--group"), g]);
            }
        }
        "cloneGroupOffset" => {
            argv.extend([
                s("group"),
                s("clone-offset"),
                o.req('s', "source group")?,
                o.req('d', "destination group")?,
                s("--topic"),
                o.req('t', "topic")?,
            ]);
            if o.truthy('o') {
                argv.push(s("--offline"));
            }
        }
        "getConsumerConfig" => argv.extend([s("group"), s("config"), o.req('g', "group")?]),
        "consumerStatus" => {
            o.get('s');
            o.get('b');
            argv.extend([s("group"), s("running-info"), o.req('g', "group")?]);
            if let Some(i) = o.get('i') {
                argv.extend([s("--client"), i]);
            }
        }
        "getConsumerStatus" => {
            argv.extend([
                s("group"),
                s("client-offsets"),
                o.req('g', "group")?,
                s("--topic"),
                o.req('t', "topic")?,
            ]);
            if let Some(i) = o.get('i') {
                argv.extend([s("--client"), i]);
            }
        }
        "producer" => argv.extend([
            s("broker"),
            s("producers"),
            s("-b"),
            o.req('b', "broker address")?,
        ]),
        "cleanExpiredCQ" | "deleteExpiredCommitLog" | "cleanUnusedTopic" => {
            let what = match command {
                "cleanExpiredCQ" => "expired-cq",
                "cleanUnusedTopic" => "unused-topics",
                _ => "expired-commitlog",
            };
            argv.extend([s("broker"), s("clean"), s(what)]);
            push_targets(&mut o, &mut argv);
        }
        "updateAclConfig" => {
            argv.extend([
                s("acl"),
                s("update"),
                o.req('a', "accessKey")?,
                s("--or-create"),
            ]);
            argv.extend([s("--secret"), o.req('s', "secretKey")?]);
            push_targets(&mut o, &mut argv);
            if let Some(w) = o.get('w') {
                argv.extend([s("--white-addr"), w]);
            }
            if o.truthy('m') {
                argv.push(s("--admin"));
            }
            if let Some(p) = o.get('i') {
                argv.extend([s("--default-topic-perm"), p]);
            }
            if let Some(p) = o.get('u') {
                argv.extend([s("--default-group-perm"), p]);
            }
            for (opt, flag) in [('t', "--topic-perm"), ('g', "--group-perm")] {
                for perm in o.get(opt).iter().flat_map(|v| v.split(',')) {
                    argv.extend([s(flag), s(perm.trim())]);
                }
            }
        }
        "deleteAclConfig" | "deleteAccessConfig" => {
            argv.extend([s("acl"), s("delete"), o.req('a', "accessKey")?, s("-y")]);
            push_targets(&mut o, &mut argv);
        }
        "clusterAclConfigVersion" => {
            argv.extend([s("acl"), s("version")]);
            push_targets(&mut o, &mut argv);
        }
        "updateGlobalWhiteAddr" => {
            argv.extend([s("acl"), s("whitelist")]);
            let addrs = o.req('g', "globalWhiteRemoteAddresses")?;
            argv.extend(
                addrs
                    .split(',')
                    .map(|a| s(a.trim()))
                    .filter(|a| !a.is_empty()),
            );
            if let Some(p) = o.get('p') {
                argv.extend([s("--acl-file"), p]);
            }
            push_targets(&mut o, &mut argv);
        }
        other => {
            return Err(CliError::Usage(format!(
                "mqadmin command '{other}' is not covered by mq admin (see commands/admin.md for the list)"
            )));
        }
    }
    o.check_all_used()?;
    if let Some(n) = o.get('n') {
        argv.extend([s("-n"), n]);
    }
    Ok(argv)
}

pub async fn run(g: &GlobalArgs, a: AdminArgs) -> CliResult {
    let argv = translate(&a.command, &a.args)?;
    let mut full = vec!["mq".to_string()];
    full.extend(argv);
    let mut cli = <Cli as clap::Parser>::try_parse_from(&full)
        .map_err(|e| CliError::Usage(format!("mqadmin {}: {}", a.command, e.to_string().trim())))?;
    let namesrv = cli.global.namesrv.take().or_else(|| g.namesrv.clone());
    cli.global = GlobalArgs {
        namesrv,
        ..g.clone()
    };
    Box::pin(super::run(cli)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(cmd: &str, args: &str) -> String {
        let args: Vec<String> = args.split_whitespace().map(str::to_string).collect();
        translate(cmd, &args)
            .map(|v| v.join(" "))
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn mqadmin_commands_map_onto_mq() {
        assert_eq!(
            t(
                "updateTopic",
                "-t T -c DefaultCluster -r 4 -w 4 -p 6 -o true -n 1.2.3.4:9876"
            ),
            "topic create T -c DefaultCluster --read-queues 4 --write-queues 4 --perm rw --order -n 1.2.3.4:9876"
        );
        assert_eq!(t("deleteTopic", "-t T -c C"), "topic delete T -y -c C");
        assert_eq!(t("topicList", "-c"), "topic list");
        assert_eq!(t("consumerProgress", "-g demo"), "group describe demo");
        assert_eq!(t("consumerProgress", ""), "group list");
        assert_eq!(
            t("resetOffsetByTime", "-g demo -t T -s now -f true"),
            "group reset-offset demo --topic T --to-time now --execute -y"
        );
        assert_eq!(
            t("updateBrokerConfig", "-k a -v 1 -b h:1"),
            "broker config set a 1 -b h:1"
        );
        assert_eq!(
            t("queryMsgById", "-i ID -g demo"),
            "message resend ID --group demo"
        );
        assert_eq!(
            t("wipeWritePerm", "-b broker-a -n 1.2.3.4:9876"),
            "cluster wipe-write-perm broker-a -n 1.2.3.4:9876"
        );
        assert_eq!(
            t("addWritePerm", "-b broker-a"),
            "cluster add-write-perm broker-a"
        );
        assert!(t("wipeWritePerm", "").contains("-b (brokerName) is required"));
        assert!(t("updateTopic", "-c C").contains("-t (topic) is required"));
        assert!(t("updateTopic", "-t T -z 1").contains("-z is not supported"));
        assert!(t("startMonitoring", "").contains("not covered"));
        assert_eq!(
            t("brokerConsumeStats", "-b h:1 -l 5 -o true -t 3000"),
            "broker consume-stats -b h:1 --min-diff 5 --order"
        );
        assert_eq!(t("statsAll", "-a -t T"), "topic stats T --active");
        assert_eq!(
            t("queryCq", "-t T -q 1 -i 5 -c 2 -g G"),
            "topic cq T --queue 1 --index 5 --count 2 --group G"
        );
        assert_eq!(
            t("cloneGroupOffset", "-s a -d b -t T -o true"),
            "group clone-offset a b --topic T --offline"
        );
        assert_eq!(
            t("getConsumerStatus", "-g G -t T -i c1"),
            "group client-offsets G --topic T --client c1"
        );
        assert_eq!(t("producer", "-b h:1"), "broker producers -b h:1");
        assert_eq!(t("getConsumerConfig", "-g G"), "group config G");
        assert_eq!(
            t("consumerStatus", "-g G -i c1 -s true"),
            "group running-info G --client c1"
        );
        assert_eq!(t("cleanExpiredCQ", "-c C"), "broker clean expired-cq -c C");
        assert_eq!(
            t("cleanUnusedTopic", "-b h:1"),
            "broker clean unused-topics -b h:1"
        );
        assert_eq!(
            t("deleteExpiredCommitLog", "-b h:1"),
            "broker clean expired-commitlog -b h:1"
        );
        assert_eq!(
            t("updateOrderConf", "-t T -m put -v broker-a:4"),
            "namesrv kv put ORDER_TOPIC_CONFIG T broker-a:4"
        );
        assert_eq!(
            t(
                "updateAclConfig",
                "-a user0001 -s secret01 -c C -m true -i DENY -t a=PUB,b=PUB|SUB -g g=SUB"
            ),
            "acl update user0001 --or-create --secret secret01 -c C --admin \
             --default-topic-perm DENY --topic-perm a=PUB --topic-perm b=PUB|SUB --group-perm g=SUB"
        );
        assert!(t("updateAclConfig", "-a user0001").contains("-s (secretKey) is required"));
        assert_eq!(
            t("deleteAclConfig", "-a user0001 -b h:1"),
            "acl delete user0001 -y -b h:1"
        );
        assert_eq!(t("clusterAclConfigVersion", "-c C"), "acl version -c C");
        assert_eq!(
            t("updateGlobalWhiteAddr", "-g 10.0.0.*,192.168.0.7 -b h:1"),
            "acl whitelist 10.0.0.* 192.168.0.7 -b h:1"
        );
        assert_eq!(
            t("updateTopicPerm", "-t T -p 4 -c C"),
            "topic update T --perm r -c C"
        );
    }
}
