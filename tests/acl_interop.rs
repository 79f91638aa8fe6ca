//! A real client against an ACL broker: ali-ons, given accessKeyId and
//! accessKeySecret (it signs every request with AccessKey, OnsChannel and a
//! Signature over the sorted fields and the body), sends and consumes through
//! an `mq up` broker with aclEnable, and cannot send to a topic its account
//! may not publish to.

mod support;

#[path = "support/interop.rs"]
mod interop;

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;
use support::*;

const ADMIN: (&str, &str) = ("mqadmin1", "admin-secret-1");
const APP: (&str, &str) = ("appuser01", "app-secret-1");

fn start_acl_up(dir: &Path) -> MqUp {
    let acl = dir.join("plain_acl.yml");
    std::fs::write(
        &acl,
        format!(
            "accounts:
  - accessKey: {}
    secretKey: {}
    admin: true
  - accessKey: {}
    secretKey: {}
    defaultTopicPerm: DENY
    defaultGroupPerm: SUB
    topicPerms:
      - AclTopic=PUB|SUB
      - denied=DENY
",
            ADMIN.0, ADMIN.1, APP.0, APP.1
        ),
    )
    .unwrap();
    let conf = dir.join("broker.yaml");
    std::fs::write(
        &conf,
        format!("aclEnable: true\naclPlainFile: {}\n", acl.display()),
    )
    .unwrap();
    start_up(&dir.join("data"), &["-c", conf.to_str().unwrap()])
}

fn create_topic_as_admin(up: &MqUp, topic: &str) {
    let out = Command::new(mq_bin())
        .args(["topic", "create", topic, "-b", &up.broker])
        .env("NAMESRV_ADDR", &up.namesrv)
        .env("MQ_ACCESS_KEY", ADMIN.0)
        .env("MQ_SECRET_KEY", ADMIN.1)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn roundtrip(up: &MqUp, topic: &str, group: &str, count: &str) -> Value {
    let out = interop::run_node_script(
        "acl_roundtrip.js",
        &[&up.namesrv, APP.0, APP.1, topic, group, count, "60000"],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().expect("a summary line");
    serde_json::from_str(last).unwrap_or_else(|e| panic!("{e}: {last}"))
}

#[test]
fn ali_ons_with_credentials_sends_and_consumes_through_an_acl_broker() {
    let dir = tempfile::tempdir().unwrap();
    let up = start_acl_up(dir.path());
    create_topic_as_admin(&up, "AclTopic");
    create_topic_as_admin(&up, "denied");

    let r = roundtrip(&up, "AclTopic", "acl_interop_group", "50");
    assert_eq!(r["sent"], 50, "{r}");
    assert_eq!(r["failed"], 0, "{r}");
    assert_eq!(r["received"], 50, "{r}");

    // The broker answers SYSTEM_ERROR with the AclException, which ali-ons (as
    // Java's producer) takes as a reason to retry and then gives up.
    let r = roundtrip(&up, "denied", "-", "1");
    assert_eq!(r["sent"], 0, "{r}");
    assert_eq!(r["failed"], 1, "{r}");
    assert!(r["errors"].to_string().contains("Topic: denied"), "{r}");
}
