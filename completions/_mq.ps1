
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mq' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mq'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mq' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Run a name server and a broker (or a whole cluster) in one process, for local work')
            [CompletionResult]::new('broker', 'broker', [CompletionResultType]::ParameterValue, 'Run a broker')
            [CompletionResult]::new('namesrv', 'namesrv', [CompletionResultType]::ParameterValue, 'Run a name server, or manage its key-value config')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Inspect clusters and their brokers')
            [CompletionResult]::new('topic', 'topic', [CompletionResultType]::ParameterValue, 'Inspect and manage topics')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send messages')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Consume messages (a push consumer in a group)')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Inspect and manage consumer groups: progress, lag, offsets')
            [CompletionResult]::new('message', 'message', [CompletionResultType]::ParameterValue, 'Look up, print and resend messages')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'A consumer group''s dead letters: list, show, re-send to their original topic')
            [CompletionResult]::new('producer', 'producer', [CompletionResultType]::ParameterValue, 'Connected producers of a group')
            [CompletionResult]::new('transaction', 'transaction', [CompletionResultType]::ParameterValue, 'Transactional messages: half messages waiting for their outcome')
            [CompletionResult]::new('consumer', 'consumer', [CompletionResultType]::ParameterValue, 'Online consumers of a group and their subscriptions')
            [CompletionResult]::new('acl', 'acl', [CompletionResultType]::ParameterValue, 'Plain ACL: accounts, permissions and the global white list of the brokers')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Run an mqadmin command by its mqadmin name and options (see commands/admin.md)')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'Live dashboard: brokers, topics, groups, lag and TPS (--once for a snapshot)')
            [CompletionResult]::new('console', 'console', [CompletionResultType]::ParameterValue, 'Serve the web console: dashboard, cluster, topics, groups, messages')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Read a store directory offline')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure: load a cluster (produce, consume, e2e, rpc), or the store on this disk')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;up' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Where the name servers and brokers keep their data')
            [CompletionResult]::new('--namesrv-port', '--namesrv-port', [CompletionResultType]::ParameterName, 'Name server port (on 127.0.0.1); more name servers take the ports after it')
            [CompletionResult]::new('--broker-port', '--broker-port', [CompletionResultType]::ParameterName, 'Broker port (on 127.0.0.1); more brokers take every second port after it')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Broker config file (YAML or RocketMQ broker.conf); ports and data directory from the flags above win')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Broker config file (YAML or RocketMQ broker.conf); ports and data directory from the flags above win')
            [CompletionResult]::new('--masters', '--masters', [CompletionResultType]::ParameterName, 'Masters (broker-a, broker-b, ...)')
            [CompletionResult]::new('--slaves', '--slaves', [CompletionResultType]::ParameterName, 'Slaves of each master (brokerId 1, 2, ...)')
            [CompletionResult]::new('--namesrvs', '--namesrvs', [CompletionResultType]::ParameterName, 'Name servers; every broker registers with all of them')
            [CompletionResult]::new('--console', '--console', [CompletionResultType]::ParameterName, 'Also serve the web console (read-only; `mq console --write` for changes), on 127.0.0.1:8080 unless given an address')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--sync', '--sync', [CompletionResultType]::ParameterName, 'Masters are SYNC_MASTER (a send is answered once a slave has it), not ASYNC_MASTER')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;broker' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Run a broker in the foreground until Ctrl-C')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Runtime info of brokers: version, put/get TPS, disk use, unflushed bytes, commit log offsets')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read or change a running broker''s config')
            [CompletionResult]::new('consume-stats', 'consume-stats', [CompletionResultType]::ParameterValue, 'Every consumer group''s progress on brokers: per queue broker offset, consumer offset, lag')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'One RocketMQ stats item''s sum, TPS and average over the last minute, hour and day')
            [CompletionResult]::new('producers', 'producers', [CompletionResultType]::ParameterValue, 'Producers connected to brokers, by producer group')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Run a store clean-up on brokers now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;broker;start' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file: YAML, or a RocketMQ broker.conf (Java properties)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: YAML, or a RocketMQ broker.conf (Java properties)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;broker;status' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;broker;config' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print config keys of brokers (one key, or all)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a config key on brokers')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;broker;config;get' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;broker;config;set' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;broker;config;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print config keys of brokers (one key, or all)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a config key on brokers')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;broker;config;help;get' {
            break
        }
        'mq;broker;config;help;set' {
            break
        }
        'mq;broker;config;help;help' {
            break
        }
        'mq;broker;consume-stats' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--min-diff', '--min-diff', [CompletionResultType]::ParameterName, 'Only queues lagging by at least this many messages')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Only ordered topics')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;broker;stats' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;broker;producers' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;broker;clean' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;broker;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Run a broker in the foreground until Ctrl-C')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Runtime info of brokers: version, put/get TPS, disk use, unflushed bytes, commit log offsets')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read or change a running broker''s config')
            [CompletionResult]::new('consume-stats', 'consume-stats', [CompletionResultType]::ParameterValue, 'Every consumer group''s progress on brokers: per queue broker offset, consumer offset, lag')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'One RocketMQ stats item''s sum, TPS and average over the last minute, hour and day')
            [CompletionResult]::new('producers', 'producers', [CompletionResultType]::ParameterValue, 'Producers connected to brokers, by producer group')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Run a store clean-up on brokers now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;broker;help;start' {
            break
        }
        'mq;broker;help;status' {
            break
        }
        'mq;broker;help;config' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print config keys of brokers (one key, or all)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a config key on brokers')
            break
        }
        'mq;broker;help;config;get' {
            break
        }
        'mq;broker;help;config;set' {
            break
        }
        'mq;broker;help;consume-stats' {
            break
        }
        'mq;broker;help;stats' {
            break
        }
        'mq;broker;help;producers' {
            break
        }
        'mq;broker;help;clean' {
            break
        }
        'mq;broker;help;help' {
            break
        }
        'mq;namesrv' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Run a name server in the foreground until Ctrl-C')
            [CompletionResult]::new('kv', 'kv', [CompletionResultType]::ParameterValue, 'Read and write the name server''s key-value config')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and change the running name servers'' settings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;namesrv;start' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on (overrides bindAddress/listenPort of the config file)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file: YAML, or Java properties (.conf/.properties)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: YAML, or Java properties (.conf/.properties)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;namesrv;kv' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one value')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Set a value on every name server')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key on every name server')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys and values of a namespace')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;namesrv;kv;get' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;namesrv;kv;put' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;namesrv;kv;delete' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;namesrv;kv;list' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;namesrv;kv;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one value')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Set a value on every name server')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key on every name server')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys and values of a namespace')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;namesrv;kv;help;get' {
            break
        }
        'mq;namesrv;kv;help;put' {
            break
        }
        'mq;namesrv;kv;help;delete' {
            break
        }
        'mq;namesrv;kv;help;list' {
            break
        }
        'mq;namesrv;kv;help;help' {
            break
        }
        'mq;namesrv;config' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print every setting of each name server')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting on every name server')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;namesrv;config;get' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;namesrv;config;set' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;namesrv;config;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print every setting of each name server')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting on every name server')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;namesrv;config;help;get' {
            break
        }
        'mq;namesrv;config;help;set' {
            break
        }
        'mq;namesrv;config;help;help' {
            break
        }
        'mq;namesrv;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Run a name server in the foreground until Ctrl-C')
            [CompletionResult]::new('kv', 'kv', [CompletionResultType]::ParameterValue, 'Read and write the name server''s key-value config')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and change the running name servers'' settings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;namesrv;help;start' {
            break
        }
        'mq;namesrv;help;kv' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one value')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Set a value on every name server')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key on every name server')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys and values of a namespace')
            break
        }
        'mq;namesrv;help;kv;get' {
            break
        }
        'mq;namesrv;help;kv;put' {
            break
        }
        'mq;namesrv;help;kv;delete' {
            break
        }
        'mq;namesrv;help;kv;list' {
            break
        }
        'mq;namesrv;help;config' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print every setting of each name server')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting on every name server')
            break
        }
        'mq;namesrv;help;config;get' {
            break
        }
        'mq;namesrv;help;config;set' {
            break
        }
        'mq;namesrv;help;help' {
            break
        }
        'mq;cluster' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List clusters, their brokers (masters and slaves) and addresses')
            [CompletionResult]::new('wipe-write-perm', 'wipe-write-perm', [CompletionResultType]::ParameterValue, 'Take a broker''s write permission away on every name server: producers stop sending to it, consumers keep reading it (maintenance; see commands/cluster.md)')
            [CompletionResult]::new('add-write-perm', 'add-write-perm', [CompletionResultType]::ParameterValue, 'Give a broker its write permission back on every name server')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;cluster;list' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;cluster;wipe-write-perm' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;cluster;add-write-perm' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;cluster;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List clusters, their brokers (masters and slaves) and addresses')
            [CompletionResult]::new('wipe-write-perm', 'wipe-write-perm', [CompletionResultType]::ParameterValue, 'Take a broker''s write permission away on every name server: producers stop sending to it, consumers keep reading it (maintenance; see commands/cluster.md)')
            [CompletionResult]::new('add-write-perm', 'add-write-perm', [CompletionResultType]::ParameterValue, 'Give a broker its write permission back on every name server')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;cluster;help;list' {
            break
        }
        'mq;cluster;help;wipe-write-perm' {
            break
        }
        'mq;cluster;help;add-write-perm' {
            break
        }
        'mq;cluster;help;help' {
            break
        }
        'mq;topic' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic (or update it if it exists) on a cluster''s masters or one broker')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a topic''s queues or permission; unchanged settings keep their value')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic from its brokers and the name servers (asks first; -y in scripts)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a topic''s queues with their min/max offsets and last update, and the groups consuming it')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Show which brokers serve a topic and how many queues each has')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the topics the name server knows')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Per topic and consuming group: lag, in/out TPS (last minute), messages in/out (last 24 hours)')
            [CompletionResult]::new('cq', 'cq', [CompletionResultType]::ParameterValue, 'Raw consume queue entries of one queue: commit log offset, size, tags code')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;topic;create' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--read-queues', '--read-queues', [CompletionResultType]::ParameterName, 'Read queues per broker [default: 8, or the current value on update]')
            [CompletionResult]::new('--write-queues', '--write-queues', [CompletionResultType]::ParameterName, 'Write queues per broker [default: 8, or the current value on update]')
            [CompletionResult]::new('--perm', '--perm', [CompletionResultType]::ParameterName, 'Permission [default: rw, or the current value on update]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'An ordered topic (also recorded in the name server''s ORDER_TOPIC_CONFIG)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;topic;update' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--read-queues', '--read-queues', [CompletionResultType]::ParameterName, 'Read queues per broker [default: 8, or the current value on update]')
            [CompletionResult]::new('--write-queues', '--write-queues', [CompletionResultType]::ParameterName, 'Write queues per broker [default: 8, or the current value on update]')
            [CompletionResult]::new('--perm', '--perm', [CompletionResultType]::ParameterName, 'Permission [default: rw, or the current value on update]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'An ordered topic (also recorded in the name server''s ORDER_TOPIC_CONFIG)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;topic;delete' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only on this cluster [default: every cluster serving it]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Only on this cluster [default: every cluster serving it]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;topic;describe' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;topic;route' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;topic;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only topics served by this cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Only topics served by this cluster')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;topic;stats' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Only topics with messages in or out in the last 24 hours')
            [CompletionResult]::new('--active', '--active', [CompletionResultType]::ParameterName, 'Only topics with messages in or out in the last 24 hours')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;topic;cq' {
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'The queue id')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'The queue id')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The first queue offset to show')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'The first queue offset to show')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'How many entries')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many entries')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'The broker (host:port) [default: the first master of the topic''s route]')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'The broker (host:port) [default: the first master of the topic''s route]')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Also show this consumer group''s subscription to the topic')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Also show this consumer group''s subscription to the topic')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;topic;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic (or update it if it exists) on a cluster''s masters or one broker')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a topic''s queues or permission; unchanged settings keep their value')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic from its brokers and the name servers (asks first; -y in scripts)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a topic''s queues with their min/max offsets and last update, and the groups consuming it')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Show which brokers serve a topic and how many queues each has')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the topics the name server knows')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Per topic and consuming group: lag, in/out TPS (last minute), messages in/out (last 24 hours)')
            [CompletionResult]::new('cq', 'cq', [CompletionResultType]::ParameterValue, 'Raw consume queue entries of one queue: commit log offset, size, tags code')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;topic;help;create' {
            break
        }
        'mq;topic;help;update' {
            break
        }
        'mq;topic;help;delete' {
            break
        }
        'mq;topic;help;describe' {
            break
        }
        'mq;topic;help;route' {
            break
        }
        'mq;topic;help;list' {
            break
        }
        'mq;topic;help;stats' {
            break
        }
        'mq;topic;help;cq' {
            break
        }
        'mq;topic;help;help' {
            break
        }
        'mq;send' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic (created by the broker on first send when autoCreateTopicEnable is on)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic (created by the broker on first send when autoCreateTopicEnable is on)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'The message tag')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Message keys, space-separated')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'Message keys, space-separated')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A user property, key=value (repeatable)')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'A user property, key=value (repeatable)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'The message body')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The message body')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read the body from this file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the body from this file')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Send each body this many times')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send each body this many times')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'mode')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Send in batches of this many messages (SEND_BATCH_MESSAGE)')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'The producer group')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The producer group')
            [CompletionResult]::new('--sharding-key', '--sharding-key', [CompletionResultType]::ParameterName, 'Send every message to the queue this key hashes to (Java''s SelectMessageQueueByHash), so an orderly consumer reads them in order')
            [CompletionResult]::new('--delay', '--delay', [CompletionResultType]::ParameterName, 'Deliver this long after the broker stores it (90s, 5m, 1h30m; at most timerMaxDelaySec, 3 days by default): RocketMQ 5''s TIMER_DELAY_SEC (TIMER_DELAY_MS for a fraction of a second)')
            [CompletionResult]::new('--deliver-at', '--deliver-at', [CompletionResultType]::ParameterName, 'Deliver at this time, RFC 3339 in UTC (2026-12-24T18:00:00Z): RocketMQ 5''s TIMER_DELIVER_MS')
            [CompletionResult]::new('--delay-level', '--delay-level', [CompletionResultType]::ParameterName, 'Deliver after delay level N of the broker''s messageDelayLevel (default table: 1=1s 2=5s 3=10s 4=30s 5=1m ... 18=2h; levels above the max use the max)')
            [CompletionResult]::new('--transaction', '--transaction', [CompletionResultType]::ParameterName, 'Send transactional messages: each is stored as a half message, then this outcome of the local transaction is told to the broker (unknown: the broker checks back later)')
            [CompletionResult]::new('--check-answer', '--check-answer', [CompletionResultType]::ParameterName, 'With --transaction: the answer to the broker''s checks')
            [CompletionResult]::new('--check-wait', '--check-wait', [CompletionResultType]::ParameterName, 'With --transaction unknown: how long to stay up for the broker''s checks (it checks half messages older than transactionTimeOut every transactionCheckInterval: 6 s and 60 s by default)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--keyed-lines', '--keyed-lines', [CompletionResultType]::ParameterName, 'Standard input lines are KEY<TAB>BODY: each message goes to the queue its KEY hashes to and has KEY as its message key')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'Send one request (RocketMQ''s request/reply) and print its reply (-o json: its fields); fails if no reply comes within --timeout')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;consume' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'The consumer group (a temporary one when not given)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The consumer group (a temporary one when not given)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag expression: *, TagA, or ''TagA || TagB''')
            [CompletionResult]::new('--sql', '--sql', [CompletionResultType]::ParameterName, 'SQL92 selector over message properties, filtered by the broker (which needs enablePropertyFilter; mq up turns it on), e.g. "a >= 15 AND region IN (''eu'',''us'')"')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Exit (0) after this many messages')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Exit (0) after this many messages')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start without a committed offset: first, last, or a time (epoch milliseconds or RFC 3339)')
            [CompletionResult]::new('--idle-exit', '--idle-exit', [CompletionResultType]::ParameterName, 'Exit after this long without a message, e.g. 5 or 1.5 (seconds) or 2m')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Print each message with this template instead of its body')
            [CompletionResult]::new('--fail-first', '--fail-first', [CompletionResultType]::ParameterName, 'Fail each message (send it back for a retry) while its reconsumeTimes is below N')
            [CompletionResult]::new('--retry-delay-level', '--retry-delay-level', [CompletionResultType]::ParameterName, 'Delay level of failed messages: 0 lets the broker choose (3 + reconsumeTimes), -1 sends them to the dead-letter queue at once')
            [CompletionResult]::new('--max-reconsume-times', '--max-reconsume-times', [CompletionResultType]::ParameterName, 'Failures after which the broker moves a message to %DLQ%<group>')
            [CompletionResult]::new('--reply', '--reply', [CompletionResultType]::ParameterName, 'Answer each request received (a message with REPLY_TO_CLIENT, e.g. from `mq send --request`) with a reply whose body is TEXT')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--broadcast', '--broadcast', [CompletionResultType]::ParameterName, 'Every consumer of the group gets every message (offsets kept in memory)')
            [CompletionResult]::new('--orderly', '--orderly', [CompletionResultType]::ParameterName, 'Consume each queue in order, holding the broker''s lock on it (an orderly consumer)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a consumer group (or update it) on a cluster''s masters or one broker')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a consumer group''s settings')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the consumer groups of a cluster''s masters')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'A group''s progress per queue (broker offset, consumer offset, lag, last consume time), retry and DLQ depth, and its clients')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a consumer group from a cluster''s masters (asks first; -y in scripts)')
            [CompletionResult]::new('reset-offset', 'reset-offset', [CompletionResultType]::ParameterValue, 'Move a group''s offsets on a topic: prints the plan, changes nothing unless --execute')
            [CompletionResult]::new('clone-offset', 'clone-offset', [CompletionResultType]::ParameterValue, 'Copy a group''s committed offsets on a topic to another group')
            [CompletionResult]::new('time-span', 'time-span', [CompletionResultType]::ParameterValue, 'A group''s progress on a topic in store times: oldest, newest and last consumed message, and how long the next one has waited')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'A group''s subscription group config on each broker that has it')
            [CompletionResult]::new('running-info', 'running-info', [CompletionResultType]::ParameterValue, 'Each online consumer''s running info: its settings, subscriptions and queues, as it reports them')
            [CompletionResult]::new('client-offsets', 'client-offsets', [CompletionResultType]::ParameterValue, 'The offsets the group''s online consumers hold in memory, as they report them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;group;create' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--retry-max', '--retry-max', [CompletionResultType]::ParameterName, 'Redeliveries before a message goes to the dead-letter queue [default: 16]')
            [CompletionResult]::new('--retry-queues', '--retry-queues', [CompletionResultType]::ParameterName, 'Queues of the group''s retry topic [default: 1]')
            [CompletionResult]::new('--consume-enable', '--consume-enable', [CompletionResultType]::ParameterName, 'Whether the group may consume [default: true]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--broadcast', '--broadcast', [CompletionResultType]::ParameterName, 'Consumers of the group may use broadcasting')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group;update' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--retry-max', '--retry-max', [CompletionResultType]::ParameterName, 'Redeliveries before a message goes to the dead-letter queue [default: 16]')
            [CompletionResult]::new('--retry-queues', '--retry-queues', [CompletionResultType]::ParameterName, 'Queues of the group''s retry topic [default: 1]')
            [CompletionResult]::new('--consume-enable', '--consume-enable', [CompletionResultType]::ParameterName, 'Whether the group may consume [default: true]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--broadcast', '--broadcast', [CompletionResultType]::ParameterName, 'Consumers of the group may use broadcasting')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also the groups every broker has (TOOLS_CONSUMER, CID_ONSAPI_*, ...)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group;describe' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only this topic [default: every topic the group consumes]')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only this topic [default: every topic the group consumes]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group;delete' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--remove-offsets', '--remove-offsets', [CompletionResultType]::ParameterName, 'Also forget the group''s committed offsets')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group;reset-offset' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic whose offsets move')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic whose offsets move')
            [CompletionResult]::new('--to-time', '--to-time', [CompletionResultType]::ParameterName, 'To the first message stored at or after TIME (now, epoch ms, RFC 3339, yyyy-MM-dd#HH:mm:ss:SSS, ''1h ago'')')
            [CompletionResult]::new('--to-offset', '--to-offset', [CompletionResultType]::ParameterName, 'To this offset in every queue (clamped to the queue''s range)')
            [CompletionResult]::new('--shift-by', '--shift-by', [CompletionResultType]::ParameterName, 'By N messages from the current offset (negative: back)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--to-earliest', '--to-earliest', [CompletionResultType]::ParameterName, 'To each queue''s first message')
            [CompletionResult]::new('--to-latest', '--to-latest', [CompletionResultType]::ParameterName, 'To each queue''s end (skip everything not yet consumed)')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Apply the plan (online consumers are told by their broker)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group;clone-offset' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Copy even when the online source group does not subscribe to the topic')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group;time-span' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group;config' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group;running-info' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Only this client id')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Only this client id')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group;client-offsets' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Only this client id')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Only this client id')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;group;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a consumer group (or update it) on a cluster''s masters or one broker')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a consumer group''s settings')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the consumer groups of a cluster''s masters')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'A group''s progress per queue (broker offset, consumer offset, lag, last consume time), retry and DLQ depth, and its clients')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a consumer group from a cluster''s masters (asks first; -y in scripts)')
            [CompletionResult]::new('reset-offset', 'reset-offset', [CompletionResultType]::ParameterValue, 'Move a group''s offsets on a topic: prints the plan, changes nothing unless --execute')
            [CompletionResult]::new('clone-offset', 'clone-offset', [CompletionResultType]::ParameterValue, 'Copy a group''s committed offsets on a topic to another group')
            [CompletionResult]::new('time-span', 'time-span', [CompletionResultType]::ParameterValue, 'A group''s progress on a topic in store times: oldest, newest and last consumed message, and how long the next one has waited')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'A group''s subscription group config on each broker that has it')
            [CompletionResult]::new('running-info', 'running-info', [CompletionResultType]::ParameterValue, 'Each online consumer''s running info: its settings, subscriptions and queues, as it reports them')
            [CompletionResult]::new('client-offsets', 'client-offsets', [CompletionResultType]::ParameterValue, 'The offsets the group''s online consumers hold in memory, as they report them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;group;help;create' {
            break
        }
        'mq;group;help;update' {
            break
        }
        'mq;group;help;list' {
            break
        }
        'mq;group;help;describe' {
            break
        }
        'mq;group;help;delete' {
            break
        }
        'mq;group;help;reset-offset' {
            break
        }
        'mq;group;help;clone-offset' {
            break
        }
        'mq;group;help;time-span' {
            break
        }
        'mq;group;help;config' {
            break
        }
        'mq;group;help;running-info' {
            break
        }
        'mq;group;help;client-offsets' {
            break
        }
        'mq;group;help;help' {
            break
        }
        'mq;message' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one message: headers, properties and body, by offset id or (with --topic) unique key')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Find messages of a topic by key (KEYS)')
            [CompletionResult]::new('print', 'print', [CompletionResultType]::ParameterValue, 'Print messages of one queue from an offset, without a consumer group')
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Hand a message to an online consumer of a group again (CONSUME_MESSAGE_DIRECTLY)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;message;get' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Look the id up as a unique key of this topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Look the id up as a unique key of this topic')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;message;query' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 't')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'topic')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'k')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'key')
            [CompletionResult]::new('--begin', '--begin', [CompletionResultType]::ParameterName, 'Stored at or after (now, epoch ms, RFC 3339, ''1h ago'') [default: the beginning]')
            [CompletionResult]::new('--end', '--end', [CompletionResultType]::ParameterName, 'Stored before [default: now]')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'At most this many messages per broker')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;message;print' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 't')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'topic')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'The broker (by name) [default: the only broker serving the topic]')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'The broker (by name) [default: the only broker serving the topic]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'q')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'queue')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'offset')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'count')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;message;resend' {
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'g')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'group')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'This client of the group [default: any]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;message;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one message: headers, properties and body, by offset id or (with --topic) unique key')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Find messages of a topic by key (KEYS)')
            [CompletionResult]::new('print', 'print', [CompletionResultType]::ParameterValue, 'Print messages of one queue from an offset, without a consumer group')
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Hand a message to an online consumer of a group again (CONSUME_MESSAGE_DIRECTLY)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;message;help;get' {
            break
        }
        'mq;message;help;query' {
            break
        }
        'mq;message;help;print' {
            break
        }
        'mq;message;help;resend' {
            break
        }
        'mq;message;help;help' {
            break
        }
        'mq;dlq' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a group''s dead letters (%DLQ%GROUP), oldest first, with the topic each came from')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one dead letter: headers, properties and body')
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Re-send dead letters to their original topic (RETRY_TOPIC); they stay in the DLQ')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;dlq;list' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only those stored at or after TIME (now, epoch ms, RFC 3339, ''1h ago'') [default: all]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;dlq;show' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;dlq;resend' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'With --all: only those stored at or after TIME [default: all]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'With --all: at most this many')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Send to this topic instead of each one''s original topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Send to this topic instead of each one''s original topic')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every dead letter (with --since and --limit, those listed)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;dlq;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a group''s dead letters (%DLQ%GROUP), oldest first, with the topic each came from')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one dead letter: headers, properties and body')
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Re-send dead letters to their original topic (RETRY_TOPIC); they stay in the DLQ')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;dlq;help;list' {
            break
        }
        'mq;dlq;help;show' {
            break
        }
        'mq;dlq;help;resend' {
            break
        }
        'mq;dlq;help;help' {
            break
        }
        'mq;producer' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The producers of a group connected to the cluster: client id, address, language, version')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;producer;list' {
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'g')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'group')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;producer;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The producers of a group connected to the cluster: client id, address, language, version')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;producer;help;list' {
            break
        }
        'mq;producer;help;help' {
            break
        }
        'mq;transaction' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('pending', 'pending', [CompletionResultType]::ParameterValue, 'Half messages waiting for a commit, a rollback or the broker''s check, counted per topic and producer group (--messages: one row each)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;transaction;pending' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only halves of this topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only halves of this topic')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Only halves of this producer group')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Only halves of this producer group')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Read at most this many half messages per broker')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'One row per half message instead of counts')
            [CompletionResult]::new('--messages', '--messages', [CompletionResultType]::ParameterName, 'One row per half message instead of counts')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;transaction;help' {
            [CompletionResult]::new('pending', 'pending', [CompletionResultType]::ParameterValue, 'Half messages waiting for a commit, a rollback or the broker''s check, counted per topic and producer group (--messages: one row each)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;transaction;help;pending' {
            break
        }
        'mq;transaction;help;help' {
            break
        }
        'mq;consumer' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The consumers of a group connected to the cluster, with their subscriptions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;consumer;list' {
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'g')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'group')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Only this cluster [default: every cluster]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;consumer;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The consumers of a group connected to the cluster, with their subscriptions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;consumer;help;list' {
            break
        }
        'mq;consumer;help;help' {
            break
        }
        'mq;acl' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every account (secrets left out) and the global white list, per broker')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One account, per broker')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Add an account on the brokers (refused where it exists)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an account on the brokers (refused where it does not exist, unless --or-create)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove an account from the brokers (asks first; -y in scripts)')
            [CompletionResult]::new('whitelist', 'whitelist', [CompletionResultType]::ParameterValue, 'Show the global white list, or replace it with ADDRS (addresses that need no signature)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'The data version of each broker''s ACL files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;acl;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;acl;get' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;acl;create' {
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s secret key (longer than 6 characters)')
            [CompletionResult]::new('--white-addr', '--white-addr', [CompletionResultType]::ParameterName, 'Addresses that need no signature: an IP, `a.b.c.*`, `a.b.c.1-9`, `a.b.c.{1,2}`')
            [CompletionResult]::new('--default-topic-perm', '--default-topic-perm', [CompletionResultType]::ParameterName, 'Permission on topics not listed: PUB, SUB, PUB|SUB or DENY')
            [CompletionResult]::new('--default-group-perm', '--default-group-perm', [CompletionResultType]::ParameterName, 'Permission on groups not listed: PUB, SUB, PUB|SUB or DENY')
            [CompletionResult]::new('--topic-perm', '--topic-perm', [CompletionResultType]::ParameterName, 'A topic''s permission, `topic=PERM` (repeatable)')
            [CompletionResult]::new('--group-perm', '--group-perm', [CompletionResultType]::ParameterName, 'A group''s permission, `group=PERM` (repeatable)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'May make admin requests (topic and group changes, broker config, ACL updates)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;acl;update' {
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s secret key (longer than 6 characters)')
            [CompletionResult]::new('--white-addr', '--white-addr', [CompletionResultType]::ParameterName, 'Addresses that need no signature: an IP, `a.b.c.*`, `a.b.c.1-9`, `a.b.c.{1,2}`')
            [CompletionResult]::new('--default-topic-perm', '--default-topic-perm', [CompletionResultType]::ParameterName, 'Permission on topics not listed: PUB, SUB, PUB|SUB or DENY')
            [CompletionResult]::new('--default-group-perm', '--default-group-perm', [CompletionResultType]::ParameterName, 'Permission on groups not listed: PUB, SUB, PUB|SUB or DENY')
            [CompletionResult]::new('--topic-perm', '--topic-perm', [CompletionResultType]::ParameterName, 'A topic''s permission, `topic=PERM` (repeatable)')
            [CompletionResult]::new('--group-perm', '--group-perm', [CompletionResultType]::ParameterName, 'A group''s permission, `group=PERM` (repeatable)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'May make admin requests (topic and group changes, broker config, ACL updates)')
            [CompletionResult]::new('--or-create', '--or-create', [CompletionResultType]::ParameterName, 'Create the account where it does not exist (what mqadmin updateAclConfig does)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;acl;delete' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;acl;whitelist' {
            [CompletionResult]::new('--acl-file', '--acl-file', [CompletionResultType]::ParameterName, 'The broker''s ACL file to write [default: the broker''s]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--clear', '--clear', [CompletionResultType]::ParameterName, 'Empty the list')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;acl;version' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Every master of this cluster [default: the only cluster]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'One broker, by address (host:port)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;acl;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every account (secrets left out) and the global white list, per broker')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One account, per broker')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Add an account on the brokers (refused where it exists)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an account on the brokers (refused where it does not exist, unless --or-create)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove an account from the brokers (asks first; -y in scripts)')
            [CompletionResult]::new('whitelist', 'whitelist', [CompletionResultType]::ParameterValue, 'Show the global white list, or replace it with ADDRS (addresses that need no signature)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'The data version of each broker''s ACL files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;acl;help;list' {
            break
        }
        'mq;acl;help;get' {
            break
        }
        'mq;acl;help;create' {
            break
        }
        'mq;acl;help;update' {
            break
        }
        'mq;acl;help;delete' {
            break
        }
        'mq;acl;help;whitelist' {
            break
        }
        'mq;acl;help;version' {
            break
        }
        'mq;acl;help;help' {
            break
        }
        'mq;admin' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;top' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Only this cluster''s brokers (default: every cluster)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polling rounds, e.g. 2s or 500ms (backs off when rounds are slower)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Print one snapshot of all three views and exit (TPS from two rounds one interval apart)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'With --once: include system topics and groups')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'With --once: include system topics and groups')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;console' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to serve on (loopback unless you say otherwise)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between the dashboard''s polling rounds, e.g. 5s')
            [CompletionResult]::new('--users', '--users', [CompletionResultType]::ParameterName, 'Basic auth: the users allowed in, one `name:password` a line (needed to listen beyond loopback)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Allow changes: topics, groups, offsets, config, sending and re-sending (each a POST with the page''s CSRF token; deletions ask to type the name)')
            [CompletionResult]::new('--no-auth', '--no-auth', [CompletionResultType]::ParameterName, 'Listen beyond loopback without --users (anyone who reaches the port gets in)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;store' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Summarise a store directory, or print messages of one queue')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;store;inspect' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Print messages of this topic (with --queue)')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'The queue id whose messages to print')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'First queue offset to print')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many messages to print at most')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;store;help' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Summarise a store directory, or print messages of one queue')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;store;help;inspect' {
            break
        }
        'mq;store;help;help' {
            break
        }
        'mq;bench' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Send as fast as possible (or at --rate): msgs/s, MB/s, errors and latency')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read a topic as fast as possible (push or pull): msgs/s and end-to-end latency')
            [CompletionResult]::new('e2e', 'e2e', [CompletionResultType]::ParameterValue, 'Produce at --rate and consume in the same process: latency from send to receipt')
            [CompletionResult]::new('rpc', 'rpc', [CompletionResultType]::ParameterValue, 'A request the broker answers without work (REQUEST_CODE_NOT_SUPPORTED), framed like a produce run''s sends: the yardstick for the broker''s own cost')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Benchmark the message store on this machine''s disk')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;bench;produce' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic (created by the broker on first send when autoCreateTopicEnable is on)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic (created by the broker on first send when autoCreateTopicEnable is on)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Body bytes per message')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Body bytes per message')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'TCP connections to each broker (one client instance each)')
            [CompletionResult]::new('--connections', '--connections', [CompletionResultType]::ParameterName, 'TCP connections to each broker (one client instance each)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Concurrent senders, spread over the connections [default: --connections]')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'mode')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Messages per request: above 1, SEND_BATCH_MESSAGE')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'With --mode async: requests in flight per thread')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Messages a second over all threads (latency then counts from when each was due)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long to measure, e.g. 10s or 1m')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Measure this many messages instead of a duration')
            [CompletionResult]::new('--warmup', '--warmup', [CompletionResultType]::ParameterName, 'Run this long before measuring (not counted)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag on every message')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Bodies: random bytes (64 distinct bodies, cycled) or one fixed body')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'The producer group')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The producer group')
            [CompletionResult]::new('--broker-pid', '--broker-pid', [CompletionResultType]::ParameterName, 'Also report this broker process''s CPU per message and its memory (Linux /proc)')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Write the per-second series to this CSV file')
            [CompletionResult]::new('--histogram', '--histogram', [CompletionResultType]::ParameterName, 'Write the latency histogram (ms) to this file, in HdrHistogram''s percentile distribution format')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'A unique key on every message (the broker indexes it)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress lines on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress lines on stderr')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;bench;consume' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'The consumer group [default: mq-bench-consumer-<random>, a fresh one per run]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The consumer group [default: mq-bench-consumer-<random>, a fresh one per run]')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'mode')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start on each queue')
            [CompletionResult]::new('--pull-batch', '--pull-batch', [CompletionResultType]::ParameterName, 'Messages asked for per pull')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long to measure, e.g. 10s or 1m')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Measure this many messages instead of a duration')
            [CompletionResult]::new('--warmup', '--warmup', [CompletionResultType]::ParameterName, 'Run this long before measuring (not counted)')
            [CompletionResult]::new('--broker-pid', '--broker-pid', [CompletionResultType]::ParameterName, 'Also report this broker process''s CPU per message and its memory (Linux /proc)')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Write the per-second series to this CSV file')
            [CompletionResult]::new('--histogram', '--histogram', [CompletionResultType]::ParameterName, 'Write the latency histogram (ms) to this file, in HdrHistogram''s percentile distribution format')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress lines on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress lines on stderr')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;bench;e2e' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic (created by the broker on first send when autoCreateTopicEnable is on)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic (created by the broker on first send when autoCreateTopicEnable is on)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Body bytes per message')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Body bytes per message')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'TCP connections to each broker (one client instance each)')
            [CompletionResult]::new('--connections', '--connections', [CompletionResultType]::ParameterName, 'TCP connections to each broker (one client instance each)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Concurrent senders, spread over the connections [default: --connections]')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'mode')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Messages per request: above 1, SEND_BATCH_MESSAGE')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'With --mode async: requests in flight per thread')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Messages a second over all threads (latency then counts from when each was due)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long to measure, e.g. 10s or 1m')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Measure this many messages instead of a duration')
            [CompletionResult]::new('--warmup', '--warmup', [CompletionResultType]::ParameterName, 'Run this long before measuring (not counted)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag on every message')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Bodies: random bytes (64 distinct bodies, cycled) or one fixed body')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'The producer group')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The producer group')
            [CompletionResult]::new('--consumer-group', '--consumer-group', [CompletionResultType]::ParameterName, 'The consumer group [default: mq-bench-e2e-<random>]')
            [CompletionResult]::new('--broker-pid', '--broker-pid', [CompletionResultType]::ParameterName, 'Also report this broker process''s CPU per message and its memory (Linux /proc)')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Write the per-second series to this CSV file')
            [CompletionResult]::new('--histogram', '--histogram', [CompletionResultType]::ParameterName, 'Write the latency histogram (ms) to this file, in HdrHistogram''s percentile distribution format')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'A unique key on every message (the broker indexes it)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress lines on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress lines on stderr')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;bench;rpc' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic (created by the broker on first send when autoCreateTopicEnable is on)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic (created by the broker on first send when autoCreateTopicEnable is on)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Body bytes per message')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Body bytes per message')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'TCP connections to each broker (one client instance each)')
            [CompletionResult]::new('--connections', '--connections', [CompletionResultType]::ParameterName, 'TCP connections to each broker (one client instance each)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Concurrent senders, spread over the connections [default: --connections]')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'mode')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Messages per request: above 1, SEND_BATCH_MESSAGE')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'With --mode async: requests in flight per thread')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Messages a second over all threads (latency then counts from when each was due)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long to measure, e.g. 10s or 1m')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Measure this many messages instead of a duration')
            [CompletionResult]::new('--warmup', '--warmup', [CompletionResultType]::ParameterName, 'Run this long before measuring (not counted)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag on every message')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Bodies: random bytes (64 distinct bodies, cycled) or one fixed body')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'The producer group')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The producer group')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'The server to ask [default: the master of the first broker of --topic]')
            [CompletionResult]::new('--broker-pid', '--broker-pid', [CompletionResultType]::ParameterName, 'Also report this broker process''s CPU per message and its memory (Linux /proc)')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Write the per-second series to this CSV file')
            [CompletionResult]::new('--histogram', '--histogram', [CompletionResultType]::ParameterName, 'Write the latency histogram (ms) to this file, in HdrHistogram''s percentile distribution format')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'A unique key on every message (the broker indexes it)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress lines on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress lines on stderr')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;bench;store' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where to create the benchmark stores (removed afterwards)')
            [CompletionResult]::new('--seconds', '--seconds', [CompletionResultType]::ParameterName, 'Seconds each case runs')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--quick', '--quick', [CompletionResultType]::ParameterName, 'Only 128-byte messages')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;bench;help' {
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Send as fast as possible (or at --rate): msgs/s, MB/s, errors and latency')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read a topic as fast as possible (push or pull): msgs/s and end-to-end latency')
            [CompletionResult]::new('e2e', 'e2e', [CompletionResultType]::ParameterValue, 'Produce at --rate and consume in the same process: latency from send to receipt')
            [CompletionResult]::new('rpc', 'rpc', [CompletionResultType]::ParameterValue, 'A request the broker answers without work (REQUEST_CODE_NOT_SUPPORTED), framed like a produce run''s sends: the yardstick for the broker''s own cost')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Benchmark the message store on this machine''s disk')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;bench;help;produce' {
            break
        }
        'mq;bench;help;consume' {
            break
        }
        'mq;bench;help;e2e' {
            break
        }
        'mq;bench;help;rpc' {
            break
        }
        'mq;bench;help;store' {
            break
        }
        'mq;bench;help;help' {
            break
        }
        'mq;completions' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('--namesrv', '--namesrv', [CompletionResultType]::ParameterName, 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of commands that print data')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, e.g. 3s or 500ms')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'ACL access key to sign requests with (see commands/acl.md)')
            [CompletionResult]::new('--secret-key', '--secret-key', [CompletionResultType]::ParameterName, 'ACL secret key (a flag shows in `ps`: prefer the variable)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'ACL credentials file: accessKey/secretKey as YAML or properties')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'With --tls: PEM certificate(s) of the authority that signed the servers'' certificates')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'With --tls: PEM client certificate, for servers that verify clients')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'With --tls: the PEM private key of --tls-cert')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)')
            [CompletionResult]::new('--tls-test-trust-all', '--tls-test-trust-all', [CompletionResultType]::ParameterName, 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mq;help' {
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Run a name server and a broker (or a whole cluster) in one process, for local work')
            [CompletionResult]::new('broker', 'broker', [CompletionResultType]::ParameterValue, 'Run a broker')
            [CompletionResult]::new('namesrv', 'namesrv', [CompletionResultType]::ParameterValue, 'Run a name server, or manage its key-value config')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Inspect clusters and their brokers')
            [CompletionResult]::new('topic', 'topic', [CompletionResultType]::ParameterValue, 'Inspect and manage topics')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send messages')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Consume messages (a push consumer in a group)')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Inspect and manage consumer groups: progress, lag, offsets')
            [CompletionResult]::new('message', 'message', [CompletionResultType]::ParameterValue, 'Look up, print and resend messages')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'A consumer group''s dead letters: list, show, re-send to their original topic')
            [CompletionResult]::new('producer', 'producer', [CompletionResultType]::ParameterValue, 'Connected producers of a group')
            [CompletionResult]::new('transaction', 'transaction', [CompletionResultType]::ParameterValue, 'Transactional messages: half messages waiting for their outcome')
            [CompletionResult]::new('consumer', 'consumer', [CompletionResultType]::ParameterValue, 'Online consumers of a group and their subscriptions')
            [CompletionResult]::new('acl', 'acl', [CompletionResultType]::ParameterValue, 'Plain ACL: accounts, permissions and the global white list of the brokers')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Run an mqadmin command by its mqadmin name and options (see commands/admin.md)')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'Live dashboard: brokers, topics, groups, lag and TPS (--once for a snapshot)')
            [CompletionResult]::new('console', 'console', [CompletionResultType]::ParameterValue, 'Serve the web console: dashboard, cluster, topics, groups, messages')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Read a store directory offline')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure: load a cluster (produce, consume, e2e, rpc), or the store on this disk')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mq;help;up' {
            break
        }
        'mq;help;broker' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Run a broker in the foreground until Ctrl-C')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Runtime info of brokers: version, put/get TPS, disk use, unflushed bytes, commit log offsets')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read or change a running broker''s config')
            [CompletionResult]::new('consume-stats', 'consume-stats', [CompletionResultType]::ParameterValue, 'Every consumer group''s progress on brokers: per queue broker offset, consumer offset, lag')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'One RocketMQ stats item''s sum, TPS and average over the last minute, hour and day')
            [CompletionResult]::new('producers', 'producers', [CompletionResultType]::ParameterValue, 'Producers connected to brokers, by producer group')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Run a store clean-up on brokers now')
            break
        }
        'mq;help;broker;start' {
            break
        }
        'mq;help;broker;status' {
            break
        }
        'mq;help;broker;config' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print config keys of brokers (one key, or all)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a config key on brokers')
            break
        }
        'mq;help;broker;config;get' {
            break
        }
        'mq;help;broker;config;set' {
            break
        }
        'mq;help;broker;consume-stats' {
            break
        }
        'mq;help;broker;stats' {
            break
        }
        'mq;help;broker;producers' {
            break
        }
        'mq;help;broker;clean' {
            break
        }
        'mq;help;namesrv' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Run a name server in the foreground until Ctrl-C')
            [CompletionResult]::new('kv', 'kv', [CompletionResultType]::ParameterValue, 'Read and write the name server''s key-value config')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and change the running name servers'' settings')
            break
        }
        'mq;help;namesrv;start' {
            break
        }
        'mq;help;namesrv;kv' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one value')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Set a value on every name server')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key on every name server')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys and values of a namespace')
            break
        }
        'mq;help;namesrv;kv;get' {
            break
        }
        'mq;help;namesrv;kv;put' {
            break
        }
        'mq;help;namesrv;kv;delete' {
            break
        }
        'mq;help;namesrv;kv;list' {
            break
        }
        'mq;help;namesrv;config' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print every setting of each name server')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting on every name server')
            break
        }
        'mq;help;namesrv;config;get' {
            break
        }
        'mq;help;namesrv;config;set' {
            break
        }
        'mq;help;cluster' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List clusters, their brokers (masters and slaves) and addresses')
            [CompletionResult]::new('wipe-write-perm', 'wipe-write-perm', [CompletionResultType]::ParameterValue, 'Take a broker''s write permission away on every name server: producers stop sending to it, consumers keep reading it (maintenance; see commands/cluster.md)')
            [CompletionResult]::new('add-write-perm', 'add-write-perm', [CompletionResultType]::ParameterValue, 'Give a broker its write permission back on every name server')
            break
        }
        'mq;help;cluster;list' {
            break
        }
        'mq;help;cluster;wipe-write-perm' {
            break
        }
        'mq;help;cluster;add-write-perm' {
            break
        }
        'mq;help;topic' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic (or update it if it exists) on a cluster''s masters or one broker')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a topic''s queues or permission; unchanged settings keep their value')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic from its brokers and the name servers (asks first; -y in scripts)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a topic''s queues with their min/max offsets and last update, and the groups consuming it')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Show which brokers serve a topic and how many queues each has')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the topics the name server knows')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Per topic and consuming group: lag, in/out TPS (last minute), messages in/out (last 24 hours)')
            [CompletionResult]::new('cq', 'cq', [CompletionResultType]::ParameterValue, 'Raw consume queue entries of one queue: commit log offset, size, tags code')
            break
        }
        'mq;help;topic;create' {
            break
        }
        'mq;help;topic;update' {
            break
        }
        'mq;help;topic;delete' {
            break
        }
        'mq;help;topic;describe' {
            break
        }
        'mq;help;topic;route' {
            break
        }
        'mq;help;topic;list' {
            break
        }
        'mq;help;topic;stats' {
            break
        }
        'mq;help;topic;cq' {
            break
        }
        'mq;help;send' {
            break
        }
        'mq;help;consume' {
            break
        }
        'mq;help;group' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a consumer group (or update it) on a cluster''s masters or one broker')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a consumer group''s settings')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the consumer groups of a cluster''s masters')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'A group''s progress per queue (broker offset, consumer offset, lag, last consume time), retry and DLQ depth, and its clients')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a consumer group from a cluster''s masters (asks first; -y in scripts)')
            [CompletionResult]::new('reset-offset', 'reset-offset', [CompletionResultType]::ParameterValue, 'Move a group''s offsets on a topic: prints the plan, changes nothing unless --execute')
            [CompletionResult]::new('clone-offset', 'clone-offset', [CompletionResultType]::ParameterValue, 'Copy a group''s committed offsets on a topic to another group')
            [CompletionResult]::new('time-span', 'time-span', [CompletionResultType]::ParameterValue, 'A group''s progress on a topic in store times: oldest, newest and last consumed message, and how long the next one has waited')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'A group''s subscription group config on each broker that has it')
            [CompletionResult]::new('running-info', 'running-info', [CompletionResultType]::ParameterValue, 'Each online consumer''s running info: its settings, subscriptions and queues, as it reports them')
            [CompletionResult]::new('client-offsets', 'client-offsets', [CompletionResultType]::ParameterValue, 'The offsets the group''s online consumers hold in memory, as they report them')
            break
        }
        'mq;help;group;create' {
            break
        }
        'mq;help;group;update' {
            break
        }
        'mq;help;group;list' {
            break
        }
        'mq;help;group;describe' {
            break
        }
        'mq;help;group;delete' {
            break
        }
        'mq;help;group;reset-offset' {
            break
        }
        'mq;help;group;clone-offset' {
            break
        }
        'mq;help;group;time-span' {
            break
        }
        'mq;help;group;config' {
            break
        }
        'mq;help;group;running-info' {
            break
        }
        'mq;help;group;client-offsets' {
            break
        }
        'mq;help;message' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one message: headers, properties and body, by offset id or (with --topic) unique key')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Find messages of a topic by key (KEYS)')
            [CompletionResult]::new('print', 'print', [CompletionResultType]::ParameterValue, 'Print messages of one queue from an offset, without a consumer group')
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Hand a message to an online consumer of a group again (CONSUME_MESSAGE_DIRECTLY)')
            break
        }
        'mq;help;message;get' {
            break
        }
        'mq;help;message;query' {
            break
        }
        'mq;help;message;print' {
            break
        }
        'mq;help;message;resend' {
            break
        }
        'mq;help;dlq' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a group''s dead letters (%DLQ%GROUP), oldest first, with the topic each came from')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one dead letter: headers, properties and body')
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Re-send dead letters to their original topic (RETRY_TOPIC); they stay in the DLQ')
            break
        }
        'mq;help;dlq;list' {
            break
        }
        'mq;help;dlq;show' {
            break
        }
        'mq;help;dlq;resend' {
            break
        }
        'mq;help;producer' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The producers of a group connected to the cluster: client id, address, language, version')
            break
        }
        'mq;help;producer;list' {
            break
        }
        'mq;help;transaction' {
            [CompletionResult]::new('pending', 'pending', [CompletionResultType]::ParameterValue, 'Half messages waiting for a commit, a rollback or the broker''s check, counted per topic and producer group (--messages: one row each)')
            break
        }
        'mq;help;transaction;pending' {
            break
        }
        'mq;help;consumer' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The consumers of a group connected to the cluster, with their subscriptions')
            break
        }
        'mq;help;consumer;list' {
            break
        }
        'mq;help;acl' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every account (secrets left out) and the global white list, per broker')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One account, per broker')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Add an account on the brokers (refused where it exists)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an account on the brokers (refused where it does not exist, unless --or-create)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove an account from the brokers (asks first; -y in scripts)')
            [CompletionResult]::new('whitelist', 'whitelist', [CompletionResultType]::ParameterValue, 'Show the global white list, or replace it with ADDRS (addresses that need no signature)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'The data version of each broker''s ACL files')
            break
        }
        'mq;help;acl;list' {
            break
        }
        'mq;help;acl;get' {
            break
        }
        'mq;help;acl;create' {
            break
        }
        'mq;help;acl;update' {
            break
        }
        'mq;help;acl;delete' {
            break
        }
        'mq;help;acl;whitelist' {
            break
        }
        'mq;help;acl;version' {
            break
        }
        'mq;help;admin' {
            break
        }
        'mq;help;top' {
            break
        }
        'mq;help;console' {
            break
        }
        'mq;help;store' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Summarise a store directory, or print messages of one queue')
            break
        }
        'mq;help;store;inspect' {
            break
        }
        'mq;help;bench' {
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Send as fast as possible (or at --rate): msgs/s, MB/s, errors and latency')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read a topic as fast as possible (push or pull): msgs/s and end-to-end latency')
            [CompletionResult]::new('e2e', 'e2e', [CompletionResultType]::ParameterValue, 'Produce at --rate and consume in the same process: latency from send to receipt')
            [CompletionResult]::new('rpc', 'rpc', [CompletionResultType]::ParameterValue, 'A request the broker answers without work (REQUEST_CODE_NOT_SUPPORTED), framed like a produce run''s sends: the yardstick for the broker''s own cost')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Benchmark the message store on this machine''s disk')
            break
        }
        'mq;help;bench;produce' {
            break
        }
        'mq;help;bench;consume' {
            break
        }
        'mq;help;bench;e2e' {
            break
        }
        'mq;help;bench;rpc' {
            break
        }
        'mq;help;bench;store' {
            break
        }
        'mq;help;completions' {
            break
        }
        'mq;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
