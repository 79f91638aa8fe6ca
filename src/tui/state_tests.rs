//! State tests without a terminal: rounds and keys in, rows and figures out.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::tui::figures::Trend;
use crate::tui::fixture::{empty_round, ha_round, round};
use crate::tui::follow::{FollowWatch, LagSample, STALL_ROUNDS};

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn press(app: &mut App, keys: &str) -> Action {
    let mut last = Action::None;
    for c in keys.chars() {
        last = app.on_key(key(KeyCode::Char(c)));
    }
    last
}

fn app_after(steps: i64) -> App {
    let mut app = App::new("test", 2000);
    for s in 0..steps {
        app.apply(round(s, false));
    }
    app
}

fn topic_names(app: &App) -> Vec<String> {
    app.visible_topics().map(|t| t.topic.clone()).collect()
}

#[test]
fn tps_from_offset_deltas_and_none_on_the_first_round() {
    let app = app_after(1);
    let t = app
        .figures
        .topics
        .iter()
        .find(|t| t.topic == "TopicTest")
        .unwrap();
    assert_eq!(t.put_tps, None);
    let app = app_after(2);
    let t = app
        .figures
        .topics
        .iter()
        .find(|t| t.topic == "TopicTest")
        .unwrap();
    assert_eq!(t.put_tps, Some(100.0));
    assert_eq!(t.queues[0].put_tps, Some(25.0));
    assert_eq!(t.groups, vec!["demo"]);
    let g = app
        .figures
        .groups
        .iter()
        .find(|g| g.group == "demo")
        .unwrap();
    assert_eq!(g.consume_tps, Some(80.0));
    assert_eq!(g.lag_trend, Trend::Growing);
    assert_eq!(app.topic_tps["TopicTest"].back(), Some(&100));
    assert_eq!(app.figures.tps_window_ms, Some(2000));
}

#[test]
fn lag_unknown_without_committed_offsets_and_zero_when_caught_up() {
    let mut app = app_after(2);
    let audit = app
        .figures
        .groups
        .iter()
        .find(|g| g.group == "audit")
        .unwrap();
    assert_eq!(audit.lag, None, "never committed: unknown, not 0");
    assert!(
        audit
            .queues
            .iter()
            .all(|q| q.lag.is_none() && q.consumer_offset.is_none())
    );
    let demo = app
        .figures
        .groups
        .iter()
        .find(|g| g.group == "demo")
        .unwrap();
    assert_eq!(demo.lag, Some(4 * 2010));
    // Caught up: consumer offset = broker offset.
    let mut r = round(2, false);
    for o in r.groups.get_mut("demo").unwrap().offsets.values_mut() {
        o.consumer_offset = o.broker_offset;
    }
    app.apply(r);
    let demo = app
        .figures
        .groups
        .iter()
        .find(|g| g.group == "demo")
        .unwrap();
    assert_eq!(demo.lag, Some(0));
    assert_eq!(demo.lag_trend, Trend::Shrinking);
}

#[test]
fn queues_are_allocated_to_clients_averagely() {
    let app = app_after(1);
    let demo = app
        .figures
        .groups
        .iter()
        .find(|g| g.group == "demo")
        .unwrap();
    let holders: Vec<_> = demo
        .queues
        .iter()
        .map(|q| q.client.clone().unwrap())
        .collect();
    assert_eq!(
        holders,
        [
            "10.0.0.7@4007",
            "10.0.0.7@4007",
            "10.0.0.8@4008",
            "10.0.0.8@4008"
        ]
    );
    assert_eq!(demo.clients_online, 2);
    assert_eq!(demo.message_model.as_deref(), Some("CLUSTERING"));
}

#[test]
fn system_topics_hidden_until_a() {
    let mut app = app_after(1);
    assert_eq!(topic_names(&app), ["TopicTest", "idle", "orders"]);
    press(&mut app, "a");
    assert_eq!(
        topic_names(&app),
        [
            "%DLQ%demo",
            "%RETRY%demo",
            "TBW102",
            "TopicTest",
            "idle",
            "orders"
        ]
    );
    press(&mut app, "3");
    assert_eq!(app.row_count(View::Groups), 3, "TOOLS_CONSUMER shown too");
}

#[test]
fn sorting_cycles_and_reverses_and_selection_follows_the_row() {
    let mut app = app_after(2);
    press(&mut app, "j"); // select "idle"
    assert_eq!(app.selected_topic().unwrap().topic, "idle");
    press(&mut app, "s"); // by messages, largest first
    assert_eq!(topic_names(&app), ["TopicTest", "orders", "idle"]);
    assert_eq!(app.selected_topic().unwrap().topic, "idle");
    press(&mut app, "s"); // by put TPS
    assert_eq!(topic_names(&app), ["TopicTest", "orders", "idle"]);
    press(&mut app, "S");
    assert_eq!(topic_names(&app), ["idle", "orders", "TopicTest"]);
    press(&mut app, "ss"); // back to name (reversed)
    assert_eq!(app.sort_of(View::Topics).column, 0);
    assert_eq!(topic_names(&app), ["orders", "idle", "TopicTest"]);
}

#[test]
fn group_lag_sort_puts_unknown_last() {
    let mut app = app_after(2);
    press(&mut app, "3s");
    let names: Vec<_> = app.visible_groups().map(|g| g.group.clone()).collect();
    assert_eq!(names, ["demo", "audit"]);
}

#[test]
fn retry_and_dlq_depth_per_group_and_sortable() {
    let mut app = app_after(2);
    let depth = |app: &App, name: &str| {
        let g = app.figures.groups.iter().find(|g| g.group == name).unwrap();
        (g.retry_depth, g.dlq_depth)
    };
    // demo never committed on its retry queue: all 12 wait; 3 dead letters.
    assert_eq!(depth(&app, "demo"), (12, 3));
    assert_eq!(depth(&app, "audit"), (0, 0), "no such topics: 0");
    press(&mut app, "3ssss"); // by retry depth, largest first
    assert_eq!(app.sort_of(View::Groups).column, 4);
    let names: Vec<_> = app.visible_groups().map(|g| g.group.clone()).collect();
    assert_eq!(names, ["demo", "audit"]);
    press(&mut app, "S"); // reversed
    let names: Vec<_> = app.visible_groups().map(|g| g.group.clone()).collect();
    assert_eq!(names, ["audit", "demo"]);
    press(&mut app, "s"); // by DLQ depth
    assert_eq!(app.sort_of(View::Groups).column, 5);
}

#[test]
fn filter_by_substring_then_clear() {
    let mut app = app_after(1);
    press(&mut app, "/ORD");
    assert!(app.filter_editing);
    assert_eq!(topic_names(&app), ["orders"]);
    app.on_key(key(KeyCode::Enter));
    assert!(!app.filter_editing);
    assert_eq!(
        press(&mut app, "q"),
        Action::Quit,
        "q quits once the filter is kept"
    );
    app.on_key(key(KeyCode::Esc));
    assert_eq!(topic_names(&app).len(), 3);
    press(&mut app, "/zzz");
    assert_eq!(topic_names(&app).len(), 0);
    app.on_key(key(KeyCode::Esc));
    assert_eq!(topic_names(&app).len(), 3);
}

#[test]
fn drill_down_and_back() {
    let mut app = app_after(2);
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.drill, Some(Drill::Topic("TopicTest".into())));
    assert_eq!(app.drill_topic().unwrap().queues.len(), 4);
    press(&mut app, "jj");
    assert_eq!(app.drill_scroll, 2);
    app.on_key(key(KeyCode::Esc));
    assert_eq!(app.drill, None);
    press(&mut app, "3");
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.drill, Some(Drill::Group("audit".into())));
    app.on_key(key(KeyCode::Esc));
    press(&mut app, "1");
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.drill, None, "brokers have no drill-down");
}

#[test]
fn keys_views_help_pause_refresh_quit() {
    let mut app = app_after(1);
    assert_eq!(app.view(), View::Topics);
    app.on_key(key(KeyCode::Tab));
    assert_eq!(app.view(), View::Groups);
    app.on_key(key(KeyCode::Tab));
    assert_eq!(app.view(), View::Brokers);
    app.on_key(key(KeyCode::BackTab));
    assert_eq!(app.view(), View::Groups);
    press(&mut app, "?");
    assert!(app.help);
    press(&mut app, "x");
    assert!(!app.help);
    assert_eq!(press(&mut app, "r"), Action::Refresh);
    press(&mut app, "p");
    let rounds = app.rounds;
    app.apply(round(5, false));
    assert_eq!(app.rounds, rounds, "paused: rounds are not applied");
    press(&mut app, "p");
    app.apply(round(5, false));
    assert_eq!(app.rounds, rounds + 1);
    assert_eq!(
        app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Action::Quit
    );
    // Moving stays in bounds.
    press(&mut app, "2kkkk");
    assert_eq!(app.selected_index(View::Topics), 0);
    press(&mut app, "jjjjjjj");
    assert_eq!(app.selected_index(View::Topics), 2);
}

#[test]
fn down_broker_and_name_server_failure() {
    let mut app = App::new("test", 2000);
    app.apply(round(0, true));
    let b = app
        .figures
        .brokers
        .iter()
        .find(|b| b.broker_name == "broker-b")
        .unwrap();
    assert!(!b.up);
    assert_eq!(b.error.as_deref(), Some("connection refused"));
    assert!(app.figures.brokers.iter().filter(|b| b.up).count() == 2);
    let mut failed = empty_round();
    failed.errors.push("name server: connection refused".into());
    app.apply(failed);
    assert_eq!(app.figures.brokers.len(), 3, "the last figures stay");
    assert_eq!(app.figures.errors.len(), 1);
}

#[test]
fn backoff_shows_in_the_state() {
    let mut app = App::new("test", 2000);
    let mut r = round(0, false);
    r.interval_ms = 4500;
    r.took_ms = 3000;
    app.apply(r);
    assert_eq!((app.interval_ms, app.round_took_ms), (4500, 3000));
}

#[test]
fn a_thousand_topics_and_five_hundred_groups() {
    let mut r = round(0, false);
    let template = r.topics["orders"].clone();
    for i in 0..1000 {
        r.topics.insert(format!("load-{i:04}"), template.clone());
    }
    let g = r.groups["demo"].clone();
    for i in 0..500 {
        r.groups.insert(format!("group-{i:03}"), g.clone());
    }
    let mut app = App::new("test", 2000);
    app.apply(r.clone());
    r.at_ms += 2000;
    let started = std::time::Instant::now();
    app.apply(r);
    eprintln!(
        "apply with 1003 topics and 502 groups: {:?}",
        started.elapsed()
    );
    assert_eq!(app.row_count(View::Topics), 1003);
    assert_eq!(app.row_count(View::Groups), 502);
    press(&mut app, "/load-09");
    assert_eq!(app.row_count(View::Topics), 100);
}

fn lag(master_max: i64, lag_bytes: i64) -> Option<LagSample> {
    Some(LagSample {
        master_max,
        lag_bytes,
    })
}

#[test]
fn a_lag_that_never_shrinks_while_the_master_grows_is_a_stall() {
    let mut w = FollowWatch::default();
    // Stuck at 100: the lag grows with the master, flagged only once the window is full.
    for k in 0..STALL_ROUNDS as i64 {
        let stalled = w.observe("s", lag(100 + k * 50, k * 50 + 10));
        assert_eq!(stalled, k == STALL_ROUNDS as i64 - 1, "round {k}");
    }
    // It catches up a little: following again.
    assert!(!w.observe("s", lag(400, 20)));
    // Stuck again at 380 (where that round left it): flagged once a whole window shows it.
    let flags: Vec<bool> = (1..STALL_ROUNDS as i64)
        .map(|k| w.observe("s", lag(400 + k * 7, 20 + k * 7)))
        .collect();
    assert_eq!(flags.iter().filter(|f| **f).count(), 1);
    assert_eq!(flags.last(), Some(&true));
}

#[test]
fn an_idle_master_a_caught_up_slave_or_a_gap_is_no_stall() {
    let mut w = FollowWatch::default();
    // The master writes nothing: a constant lag is just old.
    for _ in 0..2 * STALL_ROUNDS {
        assert!(!w.observe("idle", lag(1000, 300)));
    }
    // Caught up at every round while the master grows.
    for k in 0..2 * STALL_ROUNDS as i64 {
        assert!(!w.observe("caught-up", lag(1000 + k * 10, 0)));
    }
    // Following under steady load: the lag holds, but the slave's end moves with the master's.
    for k in 0..2 * STALL_ROUNDS as i64 {
        assert!(!w.observe("steady", lag(1000 + k * 10, 300)));
    }
    // Following under load: the lag goes up and down.
    for k in 0..2 * STALL_ROUNDS as i64 {
        assert!(!w.observe("busy", lag(1000 + k * 10, 50 + (k % 3) * 20)));
    }
    // A round that did not tell starts the window over.
    for k in 0..STALL_ROUNDS as i64 - 1 {
        assert!(!w.observe("gap", lag(1000 + k * 10, 10 + k)));
    }
    assert!(!w.observe("gap", None));
    assert!(!w.observe("gap", lag(2000, 100)));
    // A slave gone from the cluster is forgotten.
    w.retain(&["gap"]);
    for k in 0..STALL_ROUNDS as i64 - 1 {
        assert!(!w.observe("idle", lag(1 + k, 300 + k)));
    }
}

fn broker<'a>(app: &'a App, addr: &str) -> &'a BrokerRow {
    app.figures.brokers.iter().find(|b| b.addr == addr).unwrap()
}

#[test]
fn slaves_show_their_lag_and_whether_they_follow() {
    let mut app = App::new("test", 2000);
    app.apply(ha_round(0));
    let master = broker(&app, "10.0.0.1:10911");
    assert!(master.lag.is_none() && master.following.is_none());
    let a1 = broker(&app, "10.0.0.2:10911");
    let l = a1.lag.clone().unwrap();
    assert_eq!(
        (l.bytes, l.time_ms, a1.following),
        (12_595, Some(400), Some(true))
    );
    // An mq slave that says it lost its master; the master's connection is not its.
    let a2 = broker(&app, "10.0.0.4:10911");
    assert_eq!(a2.following, Some(false));
    assert_eq!(
        a2.not_following.as_deref(),
        Some("not connected to its master")
    );
    assert_eq!(a2.lag.clone().unwrap().time_ms, None);
    // Apache RocketMQ's slave: nothing tells until the lag has stalled for the whole window.
    for step in 1..STALL_ROUNDS as i64 {
        assert_eq!(
            broker(&app, "10.0.0.5:10911").following,
            None,
            "step {step}"
        );
        app.apply(ha_round(step));
    }
    let b1 = broker(&app, "10.0.0.5:10911");
    assert_eq!(b1.following, Some(false));
    assert!(
        b1.not_following
            .as_deref()
            .unwrap()
            .contains("copied nothing")
    );
    assert_eq!(
        b1.lag.clone().unwrap().bytes,
        10_000 + 3_000 * (STALL_ROUNDS as i64 - 1)
    );
    // The following slaves stay so.
    assert_eq!(broker(&app, "10.0.0.2:10911").following, Some(true));
    // Each slave's lag history, for its chart.
    let history: Vec<u64> = app.slave_lag["10.0.0.5:10911"].iter().copied().collect();
    assert_eq!(history, [10_000, 13_000, 16_000, 19_000, 22_000]);
    assert!(!app.slave_lag.contains_key("10.0.0.1:10911"));
}

#[test]
fn a_slave_its_master_lists_no_connection_for_is_not_following() {
    let mut r = ha_round(0);
    if let Ok(kv) = &mut r.brokers[0].runtime {
        kv.insert("mqHaSlaves".into(), "[]".into());
    }
    let mut app = App::new("test", 2000);
    app.apply(r);
    let a1 = broker(&app, "10.0.0.2:10911");
    assert_eq!(a1.following, Some(false));
    assert_eq!(
        a1.not_following.as_deref(),
        Some("its master has no HA connection for it")
    );
    assert_eq!(a1.lag.clone().unwrap().time_ms, None);
}

#[test]
fn brokers_sort_by_lag_largest_first() {
    let mut app = App::new("test", 2000);
    for step in 0..3 {
        app.apply(ha_round(step));
    }
    press(&mut app, "1ssss");
    let order: Vec<&str> = app.visible_brokers().map(|b| b.addr.as_str()).collect();
    assert_eq!(
        order,
        [
            "10.0.0.4:10911", // 600 KiB behind
            "10.0.0.5:10911", // 16000 B
            "10.0.0.2:10911", // 12595 B
            "10.0.0.1:10911", // masters: no lag
            "10.0.0.3:10911",
        ]
    );
}
