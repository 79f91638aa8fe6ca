//! The shipped configuration files in conf/ load as they are.

#[test]
fn shipped_configs_load() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("conf");
    let broker = mq::broker::config::load(&root.join("broker.yaml")).unwrap();
    assert_eq!(broker.broker.broker_name, "broker-a");
    assert_eq!(broker.store.file_reserved_time, 72);
    let namesrv: mq::namesrv::NamesrvConfig = mq::config::load(&root.join("namesrv.yaml")).unwrap();
    assert_eq!(namesrv.listen_port, 9876);
}
