//! `mq console` against a real `mq up`: every page and every `/api/`
//! endpoint, read-only (every change refused with 403) and with `--write`
//! (changes need the CSRF token, destructive ones the typed name), and bad
//! input of every kind answered with one clear error, never a crash. HTML
//! in names and message bodies comes back escaped.

#[path = "support/console.rs"]
mod console;
#[path = "support/http.rs"]
mod http;
mod support;

use std::time::Duration;

use console::{Console, start_console};

use http::{encode, get, get_with, post_form, post_json};
use serde_json::{Value, json};
use support::*;

const BODY: &str = "<script>alert(1)</script> & <b>bold</b>";

fn error_of(r: &http::HttpResponse) -> String {
    r.json()["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error in {}", r.body))
        .to_string()
}

fn api(c: &Console, path: &str) -> Value {
    let r = get(&c.addr, path);
    assert_eq!(r.status, 200, "GET {path}: {}", r.body);
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    r.json()
}

fn api_error(c: &Console, path: &str, status: u16) -> String {
    let r = get(&c.addr, path);
    assert_eq!(r.status, status, "GET {path}: {}", r.body);
    error_of(&r)
}

#[test]
fn read_only_console_serves_every_page_and_api() {
    let dir = tempfile::tempdir().unwrap();
    let up = console::cluster_with_traffic(dir.path(), BODY);
    let c = start_console(&up.namesrv, &[]);

    let session = api(&c, "/api/session");
    assert_eq!(session["write"], false);
    assert_eq!(session["namesrv"], up.namesrv.as_str());
    let token = session["csrfToken"].as_str().unwrap().to_string();
    assert_eq!(token.len(), 32);

    // Cluster and one broker.
    let cluster = api(&c, "/api/cluster");
    let broker = &cluster["brokers"][0];
    assert_eq!(broker["address"], up.broker.as_str());
    assert_eq!(broker["reachable"], true);
    assert_eq!(broker["role"], "master");
    let b = api(&c, &format!("/api/brokers/{}", encode(&up.broker)));
    assert_eq!(b["status"]["brokerName"], "broker-a");
    assert!(
        b["config"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["key"] == "brokerName")
    );
    assert!(api_error(&c, "/api/brokers/127.0.0.1:1", 404).contains("no broker of the cluster"));

    // Topics: filters, search, one topic, its route.
    let names = |v: &Value| -> Vec<String> {
        v["topics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["topic"].as_str().unwrap().to_string())
            .collect()
    };
    let normal = api(&c, "/api/topics");
    assert!(names(&normal).contains(&"Orders".to_string()));
    assert!(!names(&normal).contains(&"TBW102".to_string()));
    assert!(names(&api(&c, "/api/topics?filter=system")).contains(&"TBW102".to_string()));
    assert!(
        names(&api(&c, "/api/topics?filter=retry"))
            .iter()
            .all(|t| t.starts_with("%RETRY%"))
    );
    assert_eq!(names(&api(&c, "/api/topics?filter=all&q=ORD")), ["Orders"]);
    assert!(api_error(&c, "/api/topics?filter=bogus", 400).contains("'filter'"));
    let t = api(&c, "/api/topics/Orders");
    assert_eq!(t["queues"].as_array().unwrap().len(), 4);
    assert_eq!(t["totalMessages"], 3);
    assert!(
        t["consumerGroups"]
            .as_array()
            .unwrap()
            .contains(&json!("g1"))
    );
    assert_eq!(t["route"]["queueDatas"][0]["brokerName"], "broker-a");
    let route = api(&c, "/api/topics/Orders/route");
    assert_eq!(route["queueDatas"][0]["writeQueueNums"], 4);
    assert!(api_error(&c, "/api/topics/NoSuchTopic", 404).contains("NoSuchTopic"));

    // Groups: the list, one group (its offsets are committed when the consumer stops), reset
    // preview, dead letters.
    let groups = api(&c, "/api/groups");
    assert!(
        groups["groups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["group"] == "g1")
    );
    let mut g = api(&c, "/api/groups/g1");
    wait_until("g1's committed offsets", Duration::from_secs(20), || {
        g = api(&c, "/api/groups/g1");
        g["totalLag"] == 0
    });
    assert_eq!(g["config"]["retryMaxTimes"], 16, "{g}");
    assert_eq!(g["config"]["brokers"][0], "broker-a");
    // Orders' four queues (and %RETRY%g1's, once the consumer committed there).
    let orders_queues = g["queues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["topic"] == "Orders")
        .count();
    assert_eq!(orders_queues, 4);
    let plan = api(&c, "/api/groups/g1/reset-preview?topic=Orders&to=earliest");
    assert_eq!(plan["executed"], false);
    for q in plan["queues"].as_array().unwrap() {
        assert_eq!(q["targetOffset"], q["minOffset"]);
    }
    let plan = api(&c, "/api/groups/g1/reset-preview?topic=Orders&to=latest");
    assert!(
        plan["queues"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["targetOffset"] == q["maxOffset"])
    );
    assert!(
        api_error(
            &c,
            "/api/groups/g1/reset-preview?topic=Orders&to=yesterday",
            400
        )
        .contains("'to'")
    );
    assert!(
        api_error(&c, "/api/groups/g1/reset-preview?to=earliest", 400)
            .contains("'topic' is required")
    );
    assert!(api_error(&c, "/api/groups/nobody", 404).contains("nobody"));
    assert_eq!(api(&c, "/api/groups/g1/dlq")["depth"], 0);
    assert!(api_error(&c, "/api/groups/g1/dlq?limit=0", 400).contains("'limit'"));
    assert!(api_error(&c, "/api/producers?group=nobody", 404).contains("nobody"));
    assert!(api_error(&c, "/api/producers", 400).contains("'group' is required"));

    // Messages: by time (newest first), by key, by id.
    let page = api(&c, "/api/messages?topic=Orders");
    assert_eq!(page["total"], 3);
    let msgs = page["messages"].as_array().unwrap();
    assert_eq!(msgs.len(), 3);
    let stored: Vec<i64> = msgs
        .iter()
        .map(|m| m["storeTimestamp"].as_i64().unwrap())
        .collect();
    assert!(stored.windows(2).all(|w| w[0] >= w[1]), "{stored:?}");
    assert_eq!(msgs[0]["body"], BODY);
    let two = api(&c, "/api/messages?topic=Orders&size=2&page=1");
    assert_eq!(two["messages"].as_array().unwrap().len(), 1);
    assert_eq!(
        api(&c, "/api/messages?topic=Orders&begin=0&end=1")["total"],
        0
    );
    assert!(
        api_error(
            &c,
            "/api/messages?topic=Orders&page=99999999999999999999",
            400
        )
        .contains("'page'")
    );
    assert!(api_error(&c, "/api/messages?topic=Orders&page=9000", 400).contains("too deep"));
    assert!(
        api_error(&c, "/api/messages?topic=Orders&begin=2000&end=1000", 400).contains("before")
    );
    assert!(api_error(&c, "/api/messages?topic=Orders&begin=noon", 400).contains("'begin'"));
    assert!(api_error(&c, "/api/messages?topic=Orders&size=100000", 400).contains("'size'"));
    assert!(api_error(&c, "/api/messages?topic=Nope", 404).contains("Nope"));
    let by_key = api(&c, "/api/messages/by-key?topic=Orders&key=k1");
    assert_eq!(by_key["messages"].as_array().unwrap().len(), 3);
    assert!(api_error(&c, "/api/messages/by-key?topic=Orders&key=nokey", 404).contains("nokey"));
    let id = msgs[0]["msgId"].as_str().unwrap().to_string();
    let m = api(&c, &format!("/api/messages/{id}"));
    assert_eq!(m["body"], BODY);
    assert_eq!(m["topic"], "Orders");
    assert_eq!(m["brokerName"], "broker-a");
    // g1 committed past every message above.
    assert_eq!(m["consumedBy"]["g1"], true, "{m}");
    let uniq = msgs[0]["uniqKey"].as_str().unwrap();
    assert_eq!(
        api(&c, &format!("/api/messages/{uniq}?topic=Orders"))["msgId"],
        id.as_str()
    );
    assert!(api_error(&c, "/api/messages/not-an-id", 400).contains("not an offset message id"));
    // A well-formed id naming a host outside the cluster: refused, not asked.
    assert!(
        api_error(&c, "/api/messages/7F000001000000010000000000000000", 404).contains("not found")
    );

    // Name servers and the dashboard (filled by the poll).
    let ns = api(&c, "/api/namesrv");
    assert_eq!(ns["addrs"][0], up.namesrv.as_str());
    assert!(
        ns["configs"][0]["config"]
            .as_str()
            .unwrap()
            .contains("listenPort")
    );
    let mut d = api(&c, "/api/dashboard");
    wait_until("two dashboard samples", Duration::from_secs(20), || {
        d = api(&c, "/api/dashboard");
        d["samples"].as_u64().unwrap() >= 2
    });
    assert_eq!(d["brokers"], 1);
    assert_eq!(d["brokersAnswering"], 1);
    assert!(
        d["topTopics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["topic"] == "Orders")
    );
    assert!(d["putSeries"].as_array().unwrap().len() >= 2);
    // The group list takes its figures from the poll (a later round than the commit).
    wait_until(
        "g1's figures in the group list",
        Duration::from_secs(20),
        || {
            let groups = api(&c, "/api/groups");
            groups["groups"].as_array().unwrap().iter().any(|g| {
                g["group"] == "g1"
                    && g["lag"] == 0
                    && g["lastConsumed"].as_i64().is_some_and(|t| t > 0)
            })
        },
    );

    // Every page renders, escapes the HTML body, and carries the security headers.
    for path in [
        "/",
        "/cluster",
        &format!("/cluster/brokers/{}", encode(&up.broker)),
        "/topics",
        "/topics?filter=all&q=%3Cscript%3E",
        "/topics/Orders",
        "/groups",
        "/groups/g1",
        "/groups/g1/reset?topic=Orders&to=earliest",
        "/groups/g1/dlq",
        "/producers",
        "/messages",
        "/messages?topic=Orders",
        "/messages?topic=Orders&key=k1",
        &format!("/messages/{id}"),
        "/namesrv",
    ] {
        let r = get(&c.addr, path);
        assert_eq!(r.status, 200, "GET {path}: {}", r.body);
        assert!(
            r.header("content-type").unwrap().starts_with("text/html"),
            "{path}"
        );
        assert!(
            r.body.starts_with("<!doctype html>") && r.body.contains("<h1>"),
            "{path}"
        );
        assert!(
            !r.body.contains("<script>alert"),
            "{path} let the body's HTML through"
        );
        assert!(
            r.header("content-security-policy")
                .unwrap()
                .contains("script-src 'self'")
        );
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert!(
            r.body.contains("Read-only")
                || !r.body.contains("<form method=\"post\"")
                || path == "/namesrv",
            "{path} offers a change in read-only mode"
        );
    }
    let detail = get(&c.addr, &format!("/messages/{id}"));
    assert!(
        detail
            .body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
    );
    // A name with HTML in it comes back escaped in the one-line error.
    let bad = get(&c.addr, "/topics/%3Cimg%20src=x%20onerror=alert(1)%3E");
    assert_eq!(bad.status, 404);
    assert!(bad.body.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!bad.body.contains("<img"));
    // Live refresh asks for the main part only.
    let fragment = get_with(&c.addr, "/cluster", &[("X-Fragment", "1")]);
    assert_eq!(fragment.status, 200);
    assert!(fragment.body.starts_with("<h1>Cluster</h1>") && !fragment.body.contains("<html"));
    assert!(
        get(&c.addr, "/assets/style.css")
            .body
            .contains("prefers-color-scheme: dark")
    );
    assert!(get(&c.addr, "/assets/app.js").body.contains("X-Fragment"));
    assert_eq!(get(&c.addr, "/no/such/page").status, 404);
    assert!(api_error(&c, "/api/no/such/call", 404).contains("no such page"));

    // Read-only: every change is refused, token or not.
    let auth = [("X-CSRF-Token", token.as_str())];
    for (path, body) in [
        ("/api/topics", json!({"topic": "NewTopic"})),
        ("/api/topics/Orders/delete", json!({"confirm": "Orders"})),
        ("/api/topics/Orders/send", json!({"body": "x"})),
        (
            "/api/groups/g1/reset",
            json!({"topic": "Orders", "to": "earliest", "confirm": "g1"}),
        ),
        ("/api/groups/g1/delete", json!({"confirm": "g1"})),
        ("/api/groups/g1/dlq/resend", json!({"ids": "x"})),
        (
            &format!("/api/messages/{id}/resend"),
            json!({"group": "g1"}),
        ),
        (
            &format!("/api/brokers/{}/config", encode(&up.broker)),
            json!({"key": "brokerPermission", "value": "6"}),
        ),
    ] {
        for headers in [&auth[..], &[]] {
            let r = post_json(&c.addr, path, &body, headers);
            assert_eq!(r.status, 403, "POST {path}: {}", r.body);
            assert!(error_of(&r).contains("read-only"), "{}", r.body);
        }
    }
    let page_post = post_form(
        &c.addr,
        "/topics",
        &[("topic", "NewTopic"), ("csrf", &token)],
        &[],
    );
    assert_eq!(page_post.status, 403);
    assert!(page_post.body.contains("read-only"));
    assert_eq!(get(&c.addr, "/api/topics/NewTopic").status, 404);
}

#[test]
fn write_mode_changes_need_the_csrf_token_and_a_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let up = console::cluster_with_traffic(dir.path(), BODY);
    let c = start_console(&up.namesrv, &["--write"]);
    let token = api(&c, "/api/session")["csrfToken"]
        .as_str()
        .unwrap()
        .to_string();
    let auth = [("X-CSRF-Token", token.as_str())];

    // Create: no token, a wrong one, then the right one.
    let create = json!({"topic": "Created", "readQueues": 2, "writeQueues": 2});
    let r = post_json(&c.addr, "/api/topics", &create, &[]);
    assert_eq!(r.status, 403);
    assert!(error_of(&r).contains("missing CSRF token"));
    let r = post_json(&c.addr, "/api/topics", &create, &[("X-CSRF-Token", "0123")]);
    assert_eq!(r.status, 403);
    assert!(error_of(&r).contains("CSRF token is wrong"));
    let r = post_json(&c.addr, "/api/topics", &create, &auth);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()[0]["action"], "created");
    assert_eq!(
        api(&c, "/api/topics/Created")["queues"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // Bad input: an illegal name, queue counts out of range, a bad perm, not JSON.
    let r = post_json(&c.addr, "/api/topics", &json!({"topic": "<b>x</b>"}), &auth);
    assert_eq!(r.status, 400);
    assert!(error_of(&r).contains("illegal characters"));
    let r = post_json(
        &c.addr,
        "/api/topics",
        &json!({"topic": "T2", "readQueues": 0}),
        &auth,
    );
    assert_eq!(r.status, 400);
    assert!(error_of(&r).contains("'readQueues'"));
    let r = post_json(
        &c.addr,
        "/api/topics",
        &json!({"topic": "T2", "perm": "x"}),
        &auth,
    );
    assert_eq!(r.status, 400);
    let r = http::request(
        &c.addr,
        "POST",
        "/api/topics",
        &[("Content-Type", "application/json"), auth[0]],
        b"{not json",
    );
    assert_eq!(r.status, 400);
    assert!(error_of(&r).contains("not JSON"));
    let huge = vec![b'a'; 5 * 1024 * 1024];
    let r = http::request(
        &c.addr,
        "POST",
        "/api/topics/Created/send",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            auth[0],
        ],
        &huge,
    );
    assert!(
        r.status == 400 || r.status == 413,
        "{}: {}",
        r.status,
        r.body
    );

    // A page form carries the token as a field.
    let r = post_form(
        &c.addr,
        "/topics",
        &[("topic", "FromForm"), ("csrf", &token)],
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Topic saved"));
    let r = post_form(&c.addr, "/topics", &[("topic", "NoToken")], &[]);
    assert_eq!(r.status, 403);
    // Update keeps what it is not told.
    let r = post_json(
        &c.addr,
        "/api/topics",
        &json!({"topic": "Created", "perm": "r"}),
        &auth,
    );
    assert_eq!(r.json()[0]["action"], "updated");
    assert_eq!(r.json()[0]["readQueueNums"], 2);
    assert_eq!(r.json()[0]["perm"], "R--");
    post_json(
        &c.addr,
        "/api/topics",
        &json!({"topic": "Created", "perm": "rw"}),
        &auth,
    );

    // Send a test message and find it by key.
    let r = post_json(
        &c.addr,
        "/api/topics/Created/send",
        &json!({"body": "<i>hi</i>", "keys": "kk", "tags": "T"}),
        &auth,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["status"], "SEND_OK");
    // The index is written behind the commit log: poll until the key is found.
    let mut found = Value::Null;
    wait_until(
        "the sent message's key in the index",
        Duration::from_secs(20),
        || {
            let r = get(&c.addr, "/api/messages/by-key?topic=Created&key=kk");
            found = r.json();
            r.status == 200
        },
    );
    assert_eq!(found["messages"][0]["body"], "<i>hi</i>");
    let r = post_json(
        &c.addr,
        "/api/topics/Created/send",
        &json!({"keys": "kk"}),
        &auth,
    );
    assert_eq!(r.status, 400);
    assert!(error_of(&r).contains("'body' is required"));

    // Reset g1 to the earliest offsets: the preview first, then confirmed.
    let reset = json!({"topic": "Orders", "to": "earliest"});
    let r = post_json(&c.addr, "/api/groups/g1/reset", &reset, &auth);
    assert_eq!(r.status, 400);
    assert!(error_of(&r).contains("'confirm' must repeat the name 'g1'"));
    let r = post_json(
        &c.addr,
        "/api/groups/g1/reset",
        &json!({"topic": "Orders", "to": "earliest", "confirm": "g1"}),
        &auth,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["executed"], true);
    let mut g = api(&c, "/api/groups/g1");
    wait_until("g1's lag back to 3", Duration::from_secs(20), || {
        g = api(&c, "/api/groups/g1");
        g["totalLag"] == 3
    });
    // The page flow: a preview page with a confirmed form.
    let preview = get(&c.addr, "/groups/g1/reset?topic=Orders&to=latest");
    assert!(
        preview.body.contains("Preview: nothing has changed yet")
            && preview.body.contains("data-confirm=\"g1\"")
    );

    // Delete a topic: confirmed by its name.
    let r = post_json(
        &c.addr,
        "/api/topics/Created/delete",
        &json!({"confirm": "created"}),
        &auth,
    );
    assert_eq!(r.status, 400);
    let r = post_json(
        &c.addr,
        "/api/topics/Created/delete",
        &json!({"confirm": "Created"}),
        &auth,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()[0]["action"], "deleted");
    assert_eq!(get(&c.addr, "/api/topics/Created").status, 404);
    let r = post_form(
        &c.addr,
        "/topics/FromForm/delete",
        &[("csrf", &token), ("confirm", "FromForm")],
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Topic deleted"));

    // Broker config: set a key and read it back.
    let r = post_json(
        &c.addr,
        &format!("/api/brokers/{}/config", encode(&up.broker)),
        &json!({"key": "brokerPermission", "value": "6"}),
        &auth,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()[0]["value"], "6");

    // Re-sending needs someone to send to: a group with no consumer online, an unknown dead
    // letter, each one clear error.
    let msgs = api(&c, "/api/messages?topic=Orders");
    let id = msgs["messages"][0]["msgId"].as_str().unwrap().to_string();
    let r = post_json(
        &c.addr,
        &format!("/api/messages/{id}/resend"),
        &json!({"group": "g1"}),
        &auth,
    );
    assert_eq!(r.status, 404, "{}", r.body);
    assert!(error_of(&r).contains("no online client"), "{}", r.body);
    let r = post_json(
        &c.addr,
        &format!("/api/messages/{id}/resend"),
        &json!({}),
        &auth,
    );
    assert_eq!(r.status, 400);
    assert!(error_of(&r).contains("'group' is required"));
    let r = post_json(
        &c.addr,
        "/api/groups/g1/dlq/resend",
        &json!({"ids": "7F000001000000010000000000000000"}),
        &auth,
    );
    assert_eq!(r.status, 404, "{}", r.body);
    assert!(
        error_of(&r).contains("no dead letter '7F000001000000010000000000000000' of group 'g1'"),
        "{}",
        r.body
    );

    // Delete a group, confirmed.
    let r = post_json(
        &c.addr,
        "/api/groups/g1/delete",
        &json!({"confirm": "g1"}),
        &auth,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()[0]["action"], "deleted");

    // The session's name server list: a bad one refused, a good one kept in a cookie.
    let r = post_json(
        &c.addr,
        "/api/namesrv",
        &json!({"namesrv": "not a list"}),
        &auth,
    );
    assert_eq!(r.status, 400);
    let r = post_json(
        &c.addr,
        "/api/namesrv",
        &json!({"namesrv": up.namesrv}),
        &[],
    );
    assert_eq!(r.status, 403);
    let other = format!("{};{}", up.namesrv, up.namesrv);
    let r = post_json(&c.addr, "/api/namesrv", &json!({"namesrv": other}), &auth);
    assert_eq!(r.status, 200, "{}", r.body);
    let cookie = r
        .header("set-cookie")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert!(r.header("set-cookie").unwrap().contains("HttpOnly"));
    let s = get_with(&c.addr, "/api/session", &[("Cookie", &cookie)]).json();
    assert_eq!(s["namesrv"], other.as_str());
    assert_eq!(
        get(&c.addr, "/api/session").json()["namesrv"],
        up.namesrv.as_str()
    );
}

#[test]
fn mq_up_serves_the_console_read_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let up = start_up(dir.path(), &["--console", &addr]);
    // The console lives in the mq up process.
    let c = Console {
        process: None,
        addr,
    };
    let s = api(&c, "/api/session");
    assert_eq!(s["namesrv"], up.namesrv.as_str());
    assert_eq!(s["write"], false);
    let cluster = api(&c, "/api/cluster");
    assert_eq!(cluster["brokers"][0]["address"], up.broker.as_str());
}

#[test]
fn basic_auth_guards_a_console_beyond_loopback() {
    use base64::Engine;
    let dir = tempfile::tempdir().unwrap();
    let up = start_up(dir.path(), &[]);
    // Beyond loopback without users: refused before anything listens.
    let out = mq(&up.namesrv, &["console", "--listen", "0.0.0.0:0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("beyond loopback: give --users FILE"));
    let out = mq(&up.namesrv, &["console", "--users", "/no/such/users"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the users file"));
    let out = mq(&up.namesrv, &["up", "--console", "0.0.0.0:8080"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("loopback only"));

    let users = dir.path().join("users");
    std::fs::write(&users, "# who may look\nalice:s3cret\n").unwrap();
    let c = start_console(&up.namesrv, &["--users", users.to_str().unwrap()]);
    let basic = |s: &str| {
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(s)
        )
    };
    for path in ["/", "/api/session", "/assets/app.js", "/no/such/page"] {
        let r = get(&c.addr, path);
        assert_eq!(r.status, 401, "{path}");
        assert!(
            r.header("www-authenticate")
                .unwrap()
                .starts_with("Basic realm=")
        );
    }
    let wrong = get_with(
        &c.addr,
        "/api/session",
        &[("Authorization", &basic("alice:nope"))],
    );
    assert_eq!(wrong.status, 401);
    let ok = get_with(
        &c.addr,
        "/api/session",
        &[("Authorization", &basic("alice:s3cret"))],
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.json()["namesrv"], up.namesrv.as_str());
}
