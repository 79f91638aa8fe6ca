# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mq_global_optspecs
    string join \n n/namesrv= o/output= timeout= access-key= secret-key= credentials= tls tls-ca= tls-cert= tls-key= tls-test-trust-all h/help V/version
end

function __fish_mq_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mq_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mq_using_subcommand
    set -l cmd (__fish_mq_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mq -n "__fish_mq_needs_command" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_needs_command" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_needs_command" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_needs_command" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_needs_command" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_needs_command" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_needs_command" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_needs_command" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_needs_command" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_needs_command" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_needs_command" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mq -n "__fish_mq_needs_command" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_needs_command" -f -a "up" -d 'Run a name server and a broker (or a whole cluster) in one process, for local work'
complete -c mq -n "__fish_mq_needs_command" -f -a "broker" -d 'Run a broker'
complete -c mq -n "__fish_mq_needs_command" -f -a "namesrv" -d 'Run a name server, or manage its key-value config'
complete -c mq -n "__fish_mq_needs_command" -f -a "cluster" -d 'Inspect clusters and their brokers'
complete -c mq -n "__fish_mq_needs_command" -f -a "topic" -d 'Inspect and manage topics'
complete -c mq -n "__fish_mq_needs_command" -f -a "send" -d 'Send messages'
complete -c mq -n "__fish_mq_needs_command" -f -a "consume" -d 'Consume messages (a push consumer in a group)'
complete -c mq -n "__fish_mq_needs_command" -f -a "group" -d 'Inspect and manage consumer groups: progress, lag, offsets'
complete -c mq -n "__fish_mq_needs_command" -f -a "message" -d 'Look up, print and resend messages'
complete -c mq -n "__fish_mq_needs_command" -f -a "dlq" -d 'A consumer group\'s dead letters: list, show, re-send to their original topic'
complete -c mq -n "__fish_mq_needs_command" -f -a "producer" -d 'Connected producers of a group'
complete -c mq -n "__fish_mq_needs_command" -f -a "transaction" -d 'Transactional messages: half messages waiting for their outcome'
complete -c mq -n "__fish_mq_needs_command" -f -a "consumer" -d 'Online consumers of a group and their subscriptions'
complete -c mq -n "__fish_mq_needs_command" -f -a "acl" -d 'Plain ACL: accounts, permissions and the global white list of the brokers'
complete -c mq -n "__fish_mq_needs_command" -f -a "admin" -d 'Run an mqadmin command by its mqadmin name and options (see commands/admin.md)'
complete -c mq -n "__fish_mq_needs_command" -f -a "top" -d 'Live dashboard: brokers, topics, groups, lag and TPS (--once for a snapshot)'
complete -c mq -n "__fish_mq_needs_command" -f -a "console" -d 'Serve the web console: dashboard, cluster, topics, groups, messages'
complete -c mq -n "__fish_mq_needs_command" -f -a "store" -d 'Read a store directory offline'
complete -c mq -n "__fish_mq_needs_command" -f -a "bench" -d 'Measure: load a cluster (produce, consume, e2e, rpc), or the store on this disk'
complete -c mq -n "__fish_mq_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c mq -n "__fish_mq_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand up" -l data -d 'Where the name servers and brokers keep their data' -r -F
complete -c mq -n "__fish_mq_using_subcommand up" -l namesrv-port -d 'Name server port (on 127.0.0.1); more name servers take the ports after it' -r
complete -c mq -n "__fish_mq_using_subcommand up" -l broker-port -d 'Broker port (on 127.0.0.1); more brokers take every second port after it' -r
complete -c mq -n "__fish_mq_using_subcommand up" -s c -l config -d 'Broker config file (YAML or RocketMQ broker.conf); ports and data directory from the flags above win' -r -F
complete -c mq -n "__fish_mq_using_subcommand up" -l masters -d 'Masters (broker-a, broker-b, ...)' -r
complete -c mq -n "__fish_mq_using_subcommand up" -l slaves -d 'Slaves of each master (brokerId 1, 2, ...)' -r
complete -c mq -n "__fish_mq_using_subcommand up" -l namesrvs -d 'Name servers; every broker registers with all of them' -r
complete -c mq -n "__fish_mq_using_subcommand up" -l console -d 'Also serve the web console (read-only; `mq console --write` for changes), on 127.0.0.1:8080 unless given an address' -r
complete -c mq -n "__fish_mq_using_subcommand up" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand up" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand up" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand up" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand up" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand up" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand up" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand up" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand up" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand up" -l sync -d 'Masters are SYNC_MASTER (a send is answered once a slave has it), not ASYNC_MASTER'
complete -c mq -n "__fish_mq_using_subcommand up" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand up" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand up" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand up" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -f -a "start" -d 'Run a broker in the foreground until Ctrl-C'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -f -a "status" -d 'Runtime info of brokers: version, put/get TPS, disk use, unflushed bytes, commit log offsets'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -f -a "config" -d 'Read or change a running broker\'s config'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -f -a "consume-stats" -d 'Every consumer group\'s progress on brokers: per queue broker offset, consumer offset, lag'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -f -a "stats" -d 'One RocketMQ stats item\'s sum, TPS and average over the last minute, hour and day'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -f -a "producers" -d 'Producers connected to brokers, by producer group'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -f -a "clean" -d 'Run a store clean-up on brokers now'
complete -c mq -n "__fish_mq_using_subcommand broker; and not __fish_seen_subcommand_from start status config consume-stats stats producers clean help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -s c -l config -d 'Config file: YAML, or a RocketMQ broker.conf (Java properties)' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print config keys of brokers (one key, or all)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change a config key on brokers'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from config" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -l min-diff -d 'Only queues lagging by at least this many messages' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -l order -d 'Only ordered topics'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from consume-stats" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from producers" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from clean" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "start" -d 'Run a broker in the foreground until Ctrl-C'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "status" -d 'Runtime info of brokers: version, put/get TPS, disk use, unflushed bytes, commit log offsets'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "config" -d 'Read or change a running broker\'s config'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "consume-stats" -d 'Every consumer group\'s progress on brokers: per queue broker offset, consumer offset, lag'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "stats" -d 'One RocketMQ stats item\'s sum, TPS and average over the last minute, hour and day'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "producers" -d 'Producers connected to brokers, by producer group'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "clean" -d 'Run a store clean-up on brokers now'
complete -c mq -n "__fish_mq_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -f -a "start" -d 'Run a name server in the foreground until Ctrl-C'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -f -a "kv" -d 'Read and write the name server\'s key-value config'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -f -a "config" -d 'Read and change the running name servers\' settings'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and not __fish_seen_subcommand_from start kv config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -l listen -d 'Address to listen on (overrides bindAddress/listenPort of the config file)' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -s c -l config -d 'Config file: YAML, or Java properties (.conf/.properties)' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -f -a "get" -d 'Print one value'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -f -a "put" -d 'Set a value on every name server'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -f -a "delete" -d 'Delete a key on every name server'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -f -a "list" -d 'List the keys and values of a namespace'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from kv" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print every setting of each name server'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change a setting on every name server'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from config" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from help" -f -a "start" -d 'Run a name server in the foreground until Ctrl-C'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from help" -f -a "kv" -d 'Read and write the name server\'s key-value config'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from help" -f -a "config" -d 'Read and change the running name servers\' settings'
complete -c mq -n "__fish_mq_using_subcommand namesrv; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -f -a "list" -d 'List clusters, their brokers (masters and slaves) and addresses'
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -f -a "wipe-write-perm" -d 'Take a broker\'s write permission away on every name server: producers stop sending to it, consumers keep reading it (maintenance; see commands/cluster.md)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -f -a "add-write-perm" -d 'Give a broker its write permission back on every name server'
complete -c mq -n "__fish_mq_using_subcommand cluster; and not __fish_seen_subcommand_from list wipe-write-perm add-write-perm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from wipe-write-perm" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from add-write-perm" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "list" -d 'List clusters, their brokers (masters and slaves) and addresses'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "wipe-write-perm" -d 'Take a broker\'s write permission away on every name server: producers stop sending to it, consumers keep reading it (maintenance; see commands/cluster.md)'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "add-write-perm" -d 'Give a broker its write permission back on every name server'
complete -c mq -n "__fish_mq_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -f -a "create" -d 'Create a topic (or update it if it exists) on a cluster\'s masters or one broker'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -f -a "update" -d 'Change a topic\'s queues or permission; unchanged settings keep their value'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -f -a "delete" -d 'Delete a topic from its brokers and the name servers (asks first; -y in scripts)'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -f -a "describe" -d 'Show a topic\'s queues with their min/max offsets and last update, and the groups consuming it'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -f -a "route" -d 'Show which brokers serve a topic and how many queues each has'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -f -a "list" -d 'List the topics the name server knows'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -f -a "stats" -d 'Per topic and consuming group: lag, in/out TPS (last minute), messages in/out (last 24 hours)'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -f -a "cq" -d 'Raw consume queue entries of one queue: commit log offset, size, tags code'
complete -c mq -n "__fish_mq_using_subcommand topic; and not __fish_seen_subcommand_from create update delete describe route list stats cq help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l read-queues -d 'Read queues per broker [default: 8, or the current value on update]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l write-queues -d 'Write queues per broker [default: 8, or the current value on update]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l perm -d 'Permission [default: rw, or the current value on update]' -r -f -a "rw\t''
r\t''
w\t''"
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l order -d 'An ordered topic (also recorded in the name server\'s ORDER_TOPIC_CONFIG)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l read-queues -d 'Read queues per broker [default: 8, or the current value on update]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l write-queues -d 'Write queues per broker [default: 8, or the current value on update]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l perm -d 'Permission [default: rw, or the current value on update]' -r -f -a "rw\t''
r\t''
w\t''"
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l order -d 'An ordered topic (also recorded in the name server\'s ORDER_TOPIC_CONFIG)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -s c -l cluster -d 'Only on this cluster [default: every cluster serving it]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from route" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -s c -l cluster -d 'Only topics served by this cluster' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -s a -l active -d 'Only topics with messages in or out in the last 24 hours'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -s q -l queue -d 'The queue id' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -s i -l index -d 'The first queue offset to show' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -s c -l count -d 'How many entries' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -s b -l broker -d 'The broker (host:port) [default: the first master of the topic\'s route]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -s g -l group -d 'Also show this consumer group\'s subscription to the topic' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from cq" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a topic (or update it if it exists) on a cluster\'s masters or one broker'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a topic\'s queues or permission; unchanged settings keep their value'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a topic from its brokers and the name servers (asks first; -y in scripts)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a topic\'s queues with their min/max offsets and last update, and the groups consuming it'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "route" -d 'Show which brokers serve a topic and how many queues each has'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the topics the name server knows'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Per topic and consuming group: lag, in/out TPS (last minute), messages in/out (last 24 hours)'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "cq" -d 'Raw consume queue entries of one queue: commit log offset, size, tags code'
complete -c mq -n "__fish_mq_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand send" -s t -l topic -d 'The topic (created by the broker on first send when autoCreateTopicEnable is on)' -r
complete -c mq -n "__fish_mq_using_subcommand send" -l tag -d 'The message tag' -r
complete -c mq -n "__fish_mq_using_subcommand send" -s k -l keys -d 'Message keys, space-separated' -r
complete -c mq -n "__fish_mq_using_subcommand send" -s p -l property -d 'A user property, key=value (repeatable)' -r
complete -c mq -n "__fish_mq_using_subcommand send" -s b -l body -d 'The message body' -r
complete -c mq -n "__fish_mq_using_subcommand send" -s f -l file -d 'Read the body from this file' -r -F
complete -c mq -n "__fish_mq_using_subcommand send" -s c -l count -d 'Send each body this many times' -r
complete -c mq -n "__fish_mq_using_subcommand send" -l mode -r -f -a "sync\t'Wait for each answer before the next send'
async\t'Keep many sends in flight (bounded)'
oneway\t'Do not wait for answers'"
complete -c mq -n "__fish_mq_using_subcommand send" -l batch -d 'Send in batches of this many messages (SEND_BATCH_MESSAGE)' -r
complete -c mq -n "__fish_mq_using_subcommand send" -s g -l group -d 'The producer group' -r
complete -c mq -n "__fish_mq_using_subcommand send" -l sharding-key -d 'Send every message to the queue this key hashes to (Java\'s SelectMessageQueueByHash), so an orderly consumer reads them in order' -r
complete -c mq -n "__fish_mq_using_subcommand send" -l delay -d 'Deliver this long after the broker stores it (90s, 5m, 1h30m; at most timerMaxDelaySec, 3 days by default): RocketMQ 5\'s TIMER_DELAY_SEC (TIMER_DELAY_MS for a fraction of a second)' -r
complete -c mq -n "__fish_mq_using_subcommand send" -l deliver-at -d 'Deliver at this time, RFC 3339 in UTC (2026-12-24T18:00:00Z): RocketMQ 5\'s TIMER_DELIVER_MS' -r
complete -c mq -n "__fish_mq_using_subcommand send" -l delay-level -d 'Deliver after delay level N of the broker\'s messageDelayLevel (default table: 1=1s 2=5s 3=10s 4=30s 5=1m ... 18=2h; levels above the max use the max)' -r
complete -c mq -n "__fish_mq_using_subcommand send" -l transaction -d 'Send transactional messages: each is stored as a half message, then this outcome of the local transaction is told to the broker (unknown: the broker checks back later)' -r -f -a "commit\t'Commit: consumers get the message'
rollback\t'Roll back: the message is dropped'
unknown\t'Not known yet: the broker checks back later'"
complete -c mq -n "__fish_mq_using_subcommand send" -l check-answer -d 'With --transaction: the answer to the broker\'s checks' -r -f -a "commit\t'Commit: consumers get the message'
rollback\t'Roll back: the message is dropped'
unknown\t'Not known yet: the broker checks back later'"
complete -c mq -n "__fish_mq_using_subcommand send" -l check-wait -d 'With --transaction unknown: how long to stay up for the broker\'s checks (it checks half messages older than transactionTimeOut every transactionCheckInterval: 6 s and 60 s by default)' -r
complete -c mq -n "__fish_mq_using_subcommand send" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand send" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand send" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand send" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand send" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand send" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand send" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand send" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand send" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand send" -l keyed-lines -d 'Standard input lines are KEY<TAB>BODY: each message goes to the queue its KEY hashes to and has KEY as its message key'
complete -c mq -n "__fish_mq_using_subcommand send" -l request -d 'Send one request (RocketMQ\'s request/reply) and print its reply (-o json: its fields); fails if no reply comes within --timeout'
complete -c mq -n "__fish_mq_using_subcommand send" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand send" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mq -n "__fish_mq_using_subcommand send" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand consume" -s t -l topic -d 'The topic' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -s g -l group -d 'The consumer group (a temporary one when not given)' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l tag -d 'Tag expression: *, TagA, or \'TagA || TagB\'' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l sql -d 'SQL92 selector over message properties, filtered by the broker (which needs enablePropertyFilter; mq up turns it on), e.g. "a >= 15 AND region IN (\'eu\',\'us\')"' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -s c -l count -d 'Exit (0) after this many messages' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l from -d 'Where to start without a committed offset: first, last, or a time (epoch milliseconds or RFC 3339)' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l idle-exit -d 'Exit after this long without a message, e.g. 5 or 1.5 (seconds) or 2m' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l format -d 'Print each message with this template instead of its body' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l fail-first -d 'Fail each message (send it back for a retry) while its reconsumeTimes is below N' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l retry-delay-level -d 'Delay level of failed messages: 0 lets the broker choose (3 + reconsumeTimes), -1 sends them to the dead-letter queue at once' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l max-reconsume-times -d 'Failures after which the broker moves a message to %DLQ%<group>' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l reply -d 'Answer each request received (a message with REPLY_TO_CLIENT, e.g. from `mq send --request`) with a reply whose body is TEXT' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand consume" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand consume" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand consume" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand consume" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand consume" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand consume" -l broadcast -d 'Every consumer of the group gets every message (offsets kept in memory)'
complete -c mq -n "__fish_mq_using_subcommand consume" -l orderly -d 'Consume each queue in order, holding the broker\'s lock on it (an orderly consumer)'
complete -c mq -n "__fish_mq_using_subcommand consume" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand consume" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand consume" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand consume" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "create" -d 'Create a consumer group (or update it) on a cluster\'s masters or one broker'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "update" -d 'Change a consumer group\'s settings'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "list" -d 'List the consumer groups of a cluster\'s masters'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "describe" -d 'A group\'s progress per queue (broker offset, consumer offset, lag, last consume time), retry and DLQ depth, and its clients'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "delete" -d 'Delete a consumer group from a cluster\'s masters (asks first; -y in scripts)'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "reset-offset" -d 'Move a group\'s offsets on a topic: prints the plan, changes nothing unless --execute'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "clone-offset" -d 'Copy a group\'s committed offsets on a topic to another group'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "time-span" -d 'A group\'s progress on a topic in store times: oldest, newest and last consumed message, and how long the next one has waited'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "config" -d 'A group\'s subscription group config on each broker that has it'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "running-info" -d 'Each online consumer\'s running info: its settings, subscriptions and queues, as it reports them'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "client-offsets" -d 'The offsets the group\'s online consumers hold in memory, as they report them'
complete -c mq -n "__fish_mq_using_subcommand group; and not __fish_seen_subcommand_from create update list describe delete reset-offset clone-offset time-span config running-info client-offsets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l retry-max -d 'Redeliveries before a message goes to the dead-letter queue [default: 16]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l retry-queues -d 'Queues of the group\'s retry topic [default: 1]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l consume-enable -d 'Whether the group may consume [default: true]' -r -f -a "true\t''
false\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l broadcast -d 'Consumers of the group may use broadcasting'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l retry-max -d 'Redeliveries before a message goes to the dead-letter queue [default: 16]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l retry-queues -d 'Queues of the group\'s retry topic [default: 1]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l consume-enable -d 'Whether the group may consume [default: true]' -r -f -a "true\t''
false\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l broadcast -d 'Consumers of the group may use broadcasting'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -s c -l cluster -d 'Only this cluster [default: every cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -l all -d 'Also the groups every broker has (TOOLS_CONSUMER, CID_ONSAPI_*, ...)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -s t -l topic -d 'Only this topic [default: every topic the group consumes]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -s c -l cluster -d 'Only this cluster [default: every cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -l remove-offsets -d 'Also forget the group\'s committed offsets'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -s t -l topic -d 'The topic whose offsets move' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l to-time -d 'To the first message stored at or after TIME (now, epoch ms, RFC 3339, yyyy-MM-dd#HH:mm:ss:SSS, \'1h ago\')' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l to-offset -d 'To this offset in every queue (clamped to the queue\'s range)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l shift-by -d 'By N messages from the current offset (negative: back)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l to-earliest -d 'To each queue\'s first message'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l to-latest -d 'To each queue\'s end (skip everything not yet consumed)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l execute -d 'Apply the plan (online consumers are told by their broker)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -s y -l yes -d 'Do not ask'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from reset-offset" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -s t -l topic -d 'The topic' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -l offline -d 'Copy even when the online source group does not subscribe to the topic'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from clone-offset" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -s t -l topic -d 'The topic' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from time-span" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -s c -l cluster -d 'Only this cluster [default: every cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from config" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -s i -l client -d 'Only this client id' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -s c -l cluster -d 'Only this cluster [default: every cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from running-info" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -s t -l topic -d 'The topic' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -s i -l client -d 'Only this client id' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from client-offsets" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a consumer group (or update it) on a cluster\'s masters or one broker'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a consumer group\'s settings'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the consumer groups of a cluster\'s masters'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "describe" -d 'A group\'s progress per queue (broker offset, consumer offset, lag, last consume time), retry and DLQ depth, and its clients'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a consumer group from a cluster\'s masters (asks first; -y in scripts)'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "reset-offset" -d 'Move a group\'s offsets on a topic: prints the plan, changes nothing unless --execute'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "clone-offset" -d 'Copy a group\'s committed offsets on a topic to another group'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "time-span" -d 'A group\'s progress on a topic in store times: oldest, newest and last consumed message, and how long the next one has waited'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "config" -d 'A group\'s subscription group config on each broker that has it'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "running-info" -d 'Each online consumer\'s running info: its settings, subscriptions and queues, as it reports them'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "client-offsets" -d 'The offsets the group\'s online consumers hold in memory, as they report them'
complete -c mq -n "__fish_mq_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -f -a "get" -d 'Show one message: headers, properties and body, by offset id or (with --topic) unique key'
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -f -a "query" -d 'Find messages of a topic by key (KEYS)'
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -f -a "print" -d 'Print messages of one queue from an offset, without a consumer group'
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -f -a "resend" -d 'Hand a message to an online consumer of a group again (CONSUME_MESSAGE_DIRECTLY)'
complete -c mq -n "__fish_mq_using_subcommand message; and not __fish_seen_subcommand_from get query print resend help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -s t -l topic -d 'Look the id up as a unique key of this topic' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -s t -l topic -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -s k -l key -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l begin -d 'Stored at or after (now, epoch ms, RFC 3339, \'1h ago\') [default: the beginning]' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l end -d 'Stored before [default: now]' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l max -d 'At most this many messages per broker' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from query" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -s t -l topic -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -s b -l broker -d 'The broker (by name) [default: the only broker serving the topic]' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -s q -l queue -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -l offset -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -l count -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from print" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -s g -l group -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -l client-id -d 'This client of the group [default: any]' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from resend" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one message: headers, properties and body, by offset id or (with --topic) unique key'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from help" -f -a "query" -d 'Find messages of a topic by key (KEYS)'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from help" -f -a "print" -d 'Print messages of one queue from an offset, without a consumer group'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from help" -f -a "resend" -d 'Hand a message to an online consumer of a group again (CONSUME_MESSAGE_DIRECTLY)'
complete -c mq -n "__fish_mq_using_subcommand message; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -f -a "list" -d 'List a group\'s dead letters (%DLQ%GROUP), oldest first, with the topic each came from'
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -f -a "show" -d 'Show one dead letter: headers, properties and body'
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -f -a "resend" -d 'Re-send dead letters to their original topic (RETRY_TOPIC); they stay in the DLQ'
complete -c mq -n "__fish_mq_using_subcommand dlq; and not __fish_seen_subcommand_from list show resend help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -l since -d 'Only those stored at or after TIME (now, epoch ms, RFC 3339, \'1h ago\') [default: all]' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -l limit -d 'At most this many' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l since -d 'With --all: only those stored at or after TIME [default: all]' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l limit -d 'With --all: at most this many' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -s t -l topic -d 'Send to this topic instead of each one\'s original topic' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l all -d 'Every dead letter (with --since and --limit, those listed)'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from resend" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a group\'s dead letters (%DLQ%GROUP), oldest first, with the topic each came from'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one dead letter: headers, properties and body'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "resend" -d 'Re-send dead letters to their original topic (RETRY_TOPIC); they stay in the DLQ'
complete -c mq -n "__fish_mq_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'The producers of a group connected to the cluster: client id, address, language, version'
complete -c mq -n "__fish_mq_using_subcommand producer; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -s g -l group -r
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -s c -l cluster -d 'Only this cluster [default: every cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from help" -f -a "list" -d 'The producers of a group connected to the cluster: client id, address, language, version'
complete -c mq -n "__fish_mq_using_subcommand producer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -f -a "pending" -d 'Half messages waiting for a commit, a rollback or the broker\'s check, counted per topic and producer group (--messages: one row each)'
complete -c mq -n "__fish_mq_using_subcommand transaction; and not __fish_seen_subcommand_from pending help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -s t -l topic -d 'Only halves of this topic' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -s g -l group -d 'Only halves of this producer group' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -s c -l cluster -d 'Only this cluster [default: every cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -l limit -d 'Read at most this many half messages per broker' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -s m -l messages -d 'One row per half message instead of counts'
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from pending" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from help" -f -a "pending" -d 'Half messages waiting for a commit, a rollback or the broker\'s check, counted per topic and producer group (--messages: one row each)'
complete -c mq -n "__fish_mq_using_subcommand transaction; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'The consumers of a group connected to the cluster, with their subscriptions'
complete -c mq -n "__fish_mq_using_subcommand consumer; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -s g -l group -r
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -s c -l cluster -d 'Only this cluster [default: every cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from help" -f -a "list" -d 'The consumers of a group connected to the cluster, with their subscriptions'
complete -c mq -n "__fish_mq_using_subcommand consumer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -f -a "list" -d 'Every account (secrets left out) and the global white list, per broker'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -f -a "get" -d 'One account, per broker'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -f -a "create" -d 'Add an account on the brokers (refused where it exists)'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -f -a "update" -d 'Change an account on the brokers (refused where it does not exist, unless --or-create)'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -f -a "delete" -d 'Remove an account from the brokers (asks first; -y in scripts)'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -f -a "whitelist" -d 'Show the global white list, or replace it with ADDRS (addresses that need no signature)'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -f -a "version" -d 'The data version of each broker\'s ACL files'
complete -c mq -n "__fish_mq_using_subcommand acl; and not __fish_seen_subcommand_from list get create update delete whitelist version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l secret -d 'The account\'s secret key (longer than 6 characters)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l white-addr -d 'Addresses that need no signature: an IP, `a.b.c.*`, `a.b.c.1-9`, `a.b.c.{1,2}`' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l default-topic-perm -d 'Permission on topics not listed: PUB, SUB, PUB|SUB or DENY' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l default-group-perm -d 'Permission on groups not listed: PUB, SUB, PUB|SUB or DENY' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l topic-perm -d 'A topic\'s permission, `topic=PERM` (repeatable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l group-perm -d 'A group\'s permission, `group=PERM` (repeatable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l admin -d 'May make admin requests (topic and group changes, broker config, ACL updates)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l secret -d 'The account\'s secret key (longer than 6 characters)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l white-addr -d 'Addresses that need no signature: an IP, `a.b.c.*`, `a.b.c.1-9`, `a.b.c.{1,2}`' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l default-topic-perm -d 'Permission on topics not listed: PUB, SUB, PUB|SUB or DENY' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l default-group-perm -d 'Permission on groups not listed: PUB, SUB, PUB|SUB or DENY' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l topic-perm -d 'A topic\'s permission, `topic=PERM` (repeatable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l group-perm -d 'A group\'s permission, `group=PERM` (repeatable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l admin -d 'May make admin requests (topic and group changes, broker config, ACL updates)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l or-create -d 'Create the account where it does not exist (what mqadmin updateAclConfig does)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -l acl-file -d 'The broker\'s ACL file to write [default: the broker\'s]' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -l clear -d 'Empty the list'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from whitelist" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -s c -l cluster -d 'Every master of this cluster [default: the only cluster]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -s b -l broker -d 'One broker, by address (host:port)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from version" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every account (secrets left out) and the global white list, per broker'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "get" -d 'One account, per broker'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "create" -d 'Add an account on the brokers (refused where it exists)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change an account on the brokers (refused where it does not exist, unless --or-create)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Remove an account from the brokers (asks first; -y in scripts)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "whitelist" -d 'Show the global white list, or replace it with ADDRS (addresses that need no signature)'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "version" -d 'The data version of each broker\'s ACL files'
complete -c mq -n "__fish_mq_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand admin" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand admin" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand admin" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand admin" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand admin" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand admin" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand admin" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand admin" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand admin" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand admin" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand admin" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand admin" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand admin" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand top" -l cluster -d 'Only this cluster\'s brokers (default: every cluster)' -r
complete -c mq -n "__fish_mq_using_subcommand top" -l interval -d 'Time between polling rounds, e.g. 2s or 500ms (backs off when rounds are slower)' -r
complete -c mq -n "__fish_mq_using_subcommand top" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand top" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand top" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand top" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand top" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand top" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand top" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand top" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand top" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand top" -l once -d 'Print one snapshot of all three views and exit (TPS from two rounds one interval apart)'
complete -c mq -n "__fish_mq_using_subcommand top" -s a -l all -d 'With --once: include system topics and groups'
complete -c mq -n "__fish_mq_using_subcommand top" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand top" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand top" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand top" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand console" -l listen -d 'Address to serve on (loopback unless you say otherwise)' -r
complete -c mq -n "__fish_mq_using_subcommand console" -l poll-interval -d 'Time between the dashboard\'s polling rounds, e.g. 5s' -r
complete -c mq -n "__fish_mq_using_subcommand console" -l users -d 'Basic auth: the users allowed in, one `name:password` a line (needed to listen beyond loopback)' -r -F
complete -c mq -n "__fish_mq_using_subcommand console" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand console" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand console" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand console" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand console" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand console" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand console" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand console" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand console" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand console" -l write -d 'Allow changes: topics, groups, offsets, config, sending and re-sending (each a POST with the page\'s CSRF token; deletions ask to type the name)'
complete -c mq -n "__fish_mq_using_subcommand console" -l no-auth -d 'Listen beyond loopback without --users (anyone who reaches the port gets in)'
complete -c mq -n "__fish_mq_using_subcommand console" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand console" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand console" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand console" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -f -a "inspect" -d 'Summarise a store directory, or print messages of one queue'
complete -c mq -n "__fish_mq_using_subcommand store; and not __fish_seen_subcommand_from inspect help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l topic -d 'Print messages of this topic (with --queue)' -r
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l queue -d 'The queue id whose messages to print' -r
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l offset -d 'First queue offset to print' -r
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l count -d 'How many messages to print at most' -r
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Summarise a store directory, or print messages of one queue'
complete -c mq -n "__fish_mq_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -f -a "produce" -d 'Send as fast as possible (or at --rate): msgs/s, MB/s, errors and latency'
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -f -a "consume" -d 'Read a topic as fast as possible (push or pull): msgs/s and end-to-end latency'
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -f -a "e2e" -d 'Produce at --rate and consume in the same process: latency from send to receipt'
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -f -a "rpc" -d 'A request the broker answers without work (REQUEST_CODE_NOT_SUPPORTED), framed like a produce run\'s sends: the yardstick for the broker\'s own cost'
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -f -a "store" -d 'Benchmark the message store on this machine\'s disk'
complete -c mq -n "__fish_mq_using_subcommand bench; and not __fish_seen_subcommand_from produce consume e2e rpc store help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -s t -l topic -d 'The topic (created by the broker on first send when autoCreateTopicEnable is on)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -s s -l size -d 'Body bytes per message' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -s c -l connections -d 'TCP connections to each broker (one client instance each)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l threads -d 'Concurrent senders, spread over the connections [default: --connections]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l mode -r -f -a "sync\t'Wait for each answer before the next send'
async\t'Keep up to --window sends in flight per thread'
oneway\t'Do not wait for answers'"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l batch -d 'Messages per request: above 1, SEND_BATCH_MESSAGE' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l window -d 'With --mode async: requests in flight per thread' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l rate -d 'Messages a second over all threads (latency then counts from when each was due)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l duration -d 'How long to measure, e.g. 10s or 1m' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l count -d 'Measure this many messages instead of a duration' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l warmup -d 'Run this long before measuring (not counted)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l tag -d 'A tag on every message' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l body -d 'Bodies: random bytes (64 distinct bodies, cycled) or one fixed body' -r -f -a "random\t''
fixed\t''"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -s g -l group -d 'The producer group' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l broker-pid -d 'Also report this broker process\'s CPU per message and its memory (Linux /proc)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l csv -d 'Write the per-second series to this CSV file' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l histogram -d 'Write the latency histogram (ms) to this file, in HdrHistogram\'s percentile distribution format' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l keys -d 'A unique key on every message (the broker indexes it)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -s q -l quiet -d 'No progress lines on stderr'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from produce" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -s t -l topic -d 'The topic' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -s g -l group -d 'The consumer group [default: mq-bench-consumer-<random>, a fresh one per run]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l mode -r -f -a "push\t'A push consumer in a group (rebalance, acknowledgements, committed offsets)'
pull\t'A pull consumer reading every queue itself (nothing committed)'"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l from -d 'Where to start on each queue' -r -f -a "first\t'The oldest message kept: reads the backlog'
last\t'The end: only messages sent from now on'"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l pull-batch -d 'Messages asked for per pull' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l duration -d 'How long to measure, e.g. 10s or 1m' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l count -d 'Measure this many messages instead of a duration' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l warmup -d 'Run this long before measuring (not counted)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l broker-pid -d 'Also report this broker process\'s CPU per message and its memory (Linux /proc)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l csv -d 'Write the per-second series to this CSV file' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l histogram -d 'Write the latency histogram (ms) to this file, in HdrHistogram\'s percentile distribution format' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -s q -l quiet -d 'No progress lines on stderr'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from consume" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -s t -l topic -d 'The topic (created by the broker on first send when autoCreateTopicEnable is on)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -s s -l size -d 'Body bytes per message' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -s c -l connections -d 'TCP connections to each broker (one client instance each)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l threads -d 'Concurrent senders, spread over the connections [default: --connections]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l mode -r -f -a "sync\t'Wait for each answer before the next send'
async\t'Keep up to --window sends in flight per thread'
oneway\t'Do not wait for answers'"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l batch -d 'Messages per request: above 1, SEND_BATCH_MESSAGE' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l window -d 'With --mode async: requests in flight per thread' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l rate -d 'Messages a second over all threads (latency then counts from when each was due)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l duration -d 'How long to measure, e.g. 10s or 1m' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l count -d 'Measure this many messages instead of a duration' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l warmup -d 'Run this long before measuring (not counted)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l tag -d 'A tag on every message' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l body -d 'Bodies: random bytes (64 distinct bodies, cycled) or one fixed body' -r -f -a "random\t''
fixed\t''"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -s g -l group -d 'The producer group' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l consumer-group -d 'The consumer group [default: mq-bench-e2e-<random>]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l broker-pid -d 'Also report this broker process\'s CPU per message and its memory (Linux /proc)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l csv -d 'Write the per-second series to this CSV file' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l histogram -d 'Write the latency histogram (ms) to this file, in HdrHistogram\'s percentile distribution format' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l keys -d 'A unique key on every message (the broker indexes it)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -s q -l quiet -d 'No progress lines on stderr'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from e2e" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -s t -l topic -d 'The topic (created by the broker on first send when autoCreateTopicEnable is on)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -s s -l size -d 'Body bytes per message' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -s c -l connections -d 'TCP connections to each broker (one client instance each)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l threads -d 'Concurrent senders, spread over the connections [default: --connections]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l mode -r -f -a "sync\t'Wait for each answer before the next send'
async\t'Keep up to --window sends in flight per thread'
oneway\t'Do not wait for answers'"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l batch -d 'Messages per request: above 1, SEND_BATCH_MESSAGE' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l window -d 'With --mode async: requests in flight per thread' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l rate -d 'Messages a second over all threads (latency then counts from when each was due)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l duration -d 'How long to measure, e.g. 10s or 1m' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l count -d 'Measure this many messages instead of a duration' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l warmup -d 'Run this long before measuring (not counted)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l tag -d 'A tag on every message' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l body -d 'Bodies: random bytes (64 distinct bodies, cycled) or one fixed body' -r -f -a "random\t''
fixed\t''"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -s g -l group -d 'The producer group' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l broker -d 'The server to ask [default: the master of the first broker of --topic]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l broker-pid -d 'Also report this broker process\'s CPU per message and its memory (Linux /proc)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l csv -d 'Write the per-second series to this CSV file' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l histogram -d 'Write the latency histogram (ms) to this file, in HdrHistogram\'s percentile distribution format' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l keys -d 'A unique key on every message (the broker indexes it)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -s q -l quiet -d 'No progress lines on stderr'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from rpc" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l dir -d 'Where to create the benchmark stores (removed afterwards)' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l seconds -d 'Seconds each case runs' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l quick -d 'Only 128-byte messages'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from store" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "produce" -d 'Send as fast as possible (or at --rate): msgs/s, MB/s, errors and latency'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "consume" -d 'Read a topic as fast as possible (push or pull): msgs/s and end-to-end latency'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "e2e" -d 'Produce at --rate and consume in the same process: latency from send to receipt'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "rpc" -d 'A request the broker answers without work (REQUEST_CODE_NOT_SUPPORTED), framed like a produce run\'s sends: the yardstick for the broker\'s own cost'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "store" -d 'Benchmark the message store on this machine\'s disk'
complete -c mq -n "__fish_mq_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand completions" -s n -l namesrv -d 'Name server address(es), `;`-separated as in RocketMQ [default: 127.0.0.1:9876]' -r
complete -c mq -n "__fish_mq_using_subcommand completions" -s o -l output -d 'Output format of commands that print data' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c mq -n "__fish_mq_using_subcommand completions" -l timeout -d 'Time allowed for each request, e.g. 3s or 500ms' -r
complete -c mq -n "__fish_mq_using_subcommand completions" -l access-key -d 'ACL access key to sign requests with (see commands/acl.md)' -r
complete -c mq -n "__fish_mq_using_subcommand completions" -l secret-key -d 'ACL secret key (a flag shows in `ps`: prefer the variable)' -r
complete -c mq -n "__fish_mq_using_subcommand completions" -l credentials -d 'ACL credentials file: accessKey/secretKey as YAML or properties' -r -F
complete -c mq -n "__fish_mq_using_subcommand completions" -l tls-ca -d 'With --tls: PEM certificate(s) of the authority that signed the servers\' certificates' -r -F
complete -c mq -n "__fish_mq_using_subcommand completions" -l tls-cert -d 'With --tls: PEM client certificate, for servers that verify clients' -r -F
complete -c mq -n "__fish_mq_using_subcommand completions" -l tls-key -d 'With --tls: the PEM private key of --tls-cert' -r -F
complete -c mq -n "__fish_mq_using_subcommand completions" -l tls -d 'Connect over TLS, to servers with tls.server.mode permissive or enforcing (see commands/tls.md)'
complete -c mq -n "__fish_mq_using_subcommand completions" -l tls-test-trust-all -d 'For tests only: with --tls, trust any server certificate (no protection against a man in the middle)'
complete -c mq -n "__fish_mq_using_subcommand completions" -s h -l help -d 'Print help'
complete -c mq -n "__fish_mq_using_subcommand completions" -s V -l version -d 'Print version'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "up" -d 'Run a name server and a broker (or a whole cluster) in one process, for local work'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "broker" -d 'Run a broker'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "namesrv" -d 'Run a name server, or manage its key-value config'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "cluster" -d 'Inspect clusters and their brokers'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "topic" -d 'Inspect and manage topics'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "send" -d 'Send messages'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "consume" -d 'Consume messages (a push consumer in a group)'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "group" -d 'Inspect and manage consumer groups: progress, lag, offsets'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "message" -d 'Look up, print and resend messages'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "dlq" -d 'A consumer group\'s dead letters: list, show, re-send to their original topic'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "producer" -d 'Connected producers of a group'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "transaction" -d 'Transactional messages: half messages waiting for their outcome'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "consumer" -d 'Online consumers of a group and their subscriptions'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "acl" -d 'Plain ACL: accounts, permissions and the global white list of the brokers'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "admin" -d 'Run an mqadmin command by its mqadmin name and options (see commands/admin.md)'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "top" -d 'Live dashboard: brokers, topics, groups, lag and TPS (--once for a snapshot)'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "console" -d 'Serve the web console: dashboard, cluster, topics, groups, messages'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "store" -d 'Read a store directory offline'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "bench" -d 'Measure: load a cluster (produce, consume, e2e, rpc), or the store on this disk'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c mq -n "__fish_mq_using_subcommand help; and not __fish_seen_subcommand_from up broker namesrv cluster topic send consume group message dlq producer transaction consumer acl admin top console store bench completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from broker" -f -a "start" -d 'Run a broker in the foreground until Ctrl-C'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from broker" -f -a "status" -d 'Runtime info of brokers: version, put/get TPS, disk use, unflushed bytes, commit log offsets'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from broker" -f -a "config" -d 'Read or change a running broker\'s config'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from broker" -f -a "consume-stats" -d 'Every consumer group\'s progress on brokers: per queue broker offset, consumer offset, lag'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from broker" -f -a "stats" -d 'One RocketMQ stats item\'s sum, TPS and average over the last minute, hour and day'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from broker" -f -a "producers" -d 'Producers connected to brokers, by producer group'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from broker" -f -a "clean" -d 'Run a store clean-up on brokers now'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from namesrv" -f -a "start" -d 'Run a name server in the foreground until Ctrl-C'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from namesrv" -f -a "kv" -d 'Read and write the name server\'s key-value config'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from namesrv" -f -a "config" -d 'Read and change the running name servers\' settings'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "list" -d 'List clusters, their brokers (masters and slaves) and addresses'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "wipe-write-perm" -d 'Take a broker\'s write permission away on every name server: producers stop sending to it, consumers keep reading it (maintenance; see commands/cluster.md)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "add-write-perm" -d 'Give a broker its write permission back on every name server'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "create" -d 'Create a topic (or update it if it exists) on a cluster\'s masters or one broker'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "update" -d 'Change a topic\'s queues or permission; unchanged settings keep their value'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "delete" -d 'Delete a topic from its brokers and the name servers (asks first; -y in scripts)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "describe" -d 'Show a topic\'s queues with their min/max offsets and last update, and the groups consuming it'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "route" -d 'Show which brokers serve a topic and how many queues each has'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "list" -d 'List the topics the name server knows'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "stats" -d 'Per topic and consuming group: lag, in/out TPS (last minute), messages in/out (last 24 hours)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "cq" -d 'Raw consume queue entries of one queue: commit log offset, size, tags code'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "create" -d 'Create a consumer group (or update it) on a cluster\'s masters or one broker'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "update" -d 'Change a consumer group\'s settings'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "list" -d 'List the consumer groups of a cluster\'s masters'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "describe" -d 'A group\'s progress per queue (broker offset, consumer offset, lag, last consume time), retry and DLQ depth, and its clients'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "delete" -d 'Delete a consumer group from a cluster\'s masters (asks first; -y in scripts)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "reset-offset" -d 'Move a group\'s offsets on a topic: prints the plan, changes nothing unless --execute'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "clone-offset" -d 'Copy a group\'s committed offsets on a topic to another group'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "time-span" -d 'A group\'s progress on a topic in store times: oldest, newest and last consumed message, and how long the next one has waited'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "config" -d 'A group\'s subscription group config on each broker that has it'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "running-info" -d 'Each online consumer\'s running info: its settings, subscriptions and queues, as it reports them'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "client-offsets" -d 'The offsets the group\'s online consumers hold in memory, as they report them'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from message" -f -a "get" -d 'Show one message: headers, properties and body, by offset id or (with --topic) unique key'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from message" -f -a "query" -d 'Find messages of a topic by key (KEYS)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from message" -f -a "print" -d 'Print messages of one queue from an offset, without a consumer group'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from message" -f -a "resend" -d 'Hand a message to an online consumer of a group again (CONSUME_MESSAGE_DIRECTLY)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "list" -d 'List a group\'s dead letters (%DLQ%GROUP), oldest first, with the topic each came from'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "show" -d 'Show one dead letter: headers, properties and body'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "resend" -d 'Re-send dead letters to their original topic (RETRY_TOPIC); they stay in the DLQ'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from producer" -f -a "list" -d 'The producers of a group connected to the cluster: client id, address, language, version'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from transaction" -f -a "pending" -d 'Half messages waiting for a commit, a rollback or the broker\'s check, counted per topic and producer group (--messages: one row each)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from consumer" -f -a "list" -d 'The consumers of a group connected to the cluster, with their subscriptions'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "list" -d 'Every account (secrets left out) and the global white list, per broker'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "get" -d 'One account, per broker'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "create" -d 'Add an account on the brokers (refused where it exists)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "update" -d 'Change an account on the brokers (refused where it does not exist, unless --or-create)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "delete" -d 'Remove an account from the brokers (asks first; -y in scripts)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "whitelist" -d 'Show the global white list, or replace it with ADDRS (addresses that need no signature)'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "version" -d 'The data version of each broker\'s ACL files'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "inspect" -d 'Summarise a store directory, or print messages of one queue'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "produce" -d 'Send as fast as possible (or at --rate): msgs/s, MB/s, errors and latency'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "consume" -d 'Read a topic as fast as possible (push or pull): msgs/s and end-to-end latency'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "e2e" -d 'Produce at --rate and consume in the same process: latency from send to receipt'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "rpc" -d 'A request the broker answers without work (REQUEST_CODE_NOT_SUPPORTED), framed like a produce run\'s sends: the yardstick for the broker\'s own cost'
complete -c mq -n "__fish_mq_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "store" -d 'Benchmark the message store on this machine\'s disk'
