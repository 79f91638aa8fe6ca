//! The command reference in commands/ is a test: every ```console example
//! runs against a real name server (with a broker registered the way RocketMQ
//! brokers do), so help text, output shapes and docs cannot drift.
//! Update the pages with `TRYCMD=overwrite cargo test --test docs`.

mod support;

use support::*;

#[test]
fn command_reference_examples() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = mq::remoting::RemotingClient::new();
    runtime.block_on(async {
        register(&client, &ns.addr, &DOCS_BROKER_A).await;
        register(&client, &ns.addr, &DOCS_BROKER_A_SLAVE).await;
    });
    trycmd::TestCases::new()
        .register_bin("mq", std::path::Path::new(mq_bin()))
        .env("NAMESRV_ADDR", &ns.addr)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "120")
        .case("commands/*.md");
    // TestCases runs when dropped, while the name server is still up.
}

const DOCS_BROKER_A: Broker = Broker {
    cluster: "DefaultCluster",
    name: "broker-a",
    id: 0,
    addr: "127.0.0.1:10911",
    topics: &[("TopicTest", 4), ("TBW102", 8), ("DefaultCluster", 16)],
};

const DOCS_BROKER_A_SLAVE: Broker = Broker {
    id: 1,
    addr: "127.0.0.2:10911",
    ..DOCS_BROKER_A
};
