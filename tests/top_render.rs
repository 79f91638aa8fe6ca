//! `mq top`'s screens rendered with ratatui's TestBackend at 80x24 and
//! 200x50 and compared with insta snapshots (tests/snapshots/): every view,
//! both drill-downs, the help, an empty cluster, a down broker and slaves not following.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use mq::tui::draw::{Theme, draw};
use mq::tui::fixture::{empty_round, ha_round, round};
use mq::tui::state::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| draw(f, app, &Theme { color: true }))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        for x in 0..width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn keys(app: &mut App, keys: &[KeyCode]) {
    for k in keys {
        app.on_key(KeyEvent::new(*k, KeyModifiers::NONE));
    }
}

fn live(down: bool) -> App {
    let mut app = App::new("127.0.0.1:9876", 2000);
    for step in 0..6 {
        app.apply(round(step, down));
    }
    app
}

fn check(name: &str, app: &App) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
        insta::assert_snapshot!(format!("{name}_200x50"), screen(app, 200, 50));
    });
}

use KeyCode::{Char, End, Enter};

#[test]
fn brokers_view() {
    let mut app = live(false);
    keys(&mut app, &[Char('1')]);
    check("brokers", &app);
}

#[test]
fn topics_view() {
    check("topics", &live(false));
}

#[test]
fn groups_view() {
    let mut app = live(false);
    keys(&mut app, &[Char('3')]);
    check("groups", &app);
}

#[test]
fn topic_drill_down() {
    let mut app = live(false);
    keys(&mut app, &[Enter]);
    check("topic_detail", &app);
}

#[test]
fn group_drill_down() {
    let mut app = live(false);
    keys(&mut app, &[Char('3'), Char('j'), Enter]);
    check("group_detail", &app);
}

#[test]
fn help_overlay() {
    let mut app = live(false);
    keys(&mut app, &[Char('?')]);
    check("help", &app);
}

#[test]
fn empty_cluster() {
    let mut app = App::new("127.0.0.1:9876", 2000);
    app.apply(empty_round());
    check("empty", &app);
}

#[test]
fn down_broker() {
    let mut app = live(true);
    keys(&mut app, &[Char('1')]);
    check("broker_down", &app);
}

#[test]
fn replication_lag_and_slaves_not_following() {
    let mut app = App::new("127.0.0.1:9876", 2000);
    for step in 0..6 {
        app.apply(ha_round(step));
    }
    // The stalled slave selected: its chart is its lag.
    keys(&mut app, &[Char('1'), End]);
    check("brokers_replication", &app);
}

#[test]
fn filtered_sorted_backed_off_paused() {
    let mut app = live(false);
    let mut slow = round(6, false);
    slow.interval_ms = 4500;
    slow.took_ms = 3000;
    app.apply(slow);
    keys(
        &mut app,
        &[Char('a'), Char('s'), Char('p'), Char('/'), Char('t')],
    );
    check("topics_filtered", &app);
}

#[test]
fn a_thousand_topics_draw_a_screenful() {
    let mut r = round(0, false);
    let template = r.topics["orders"].clone();
    for i in 0..1000 {
        r.topics.insert(format!("load-{i:04}"), template.clone());
    }
    let mut app = App::new("127.0.0.1:9876", 2000);
    app.apply(r.clone());
    r.at_ms += 2000;
    app.apply(r);
    keys(&mut app, &[KeyCode::End]);
    let text = screen(&app, 80, 24);
    assert!(text.contains("orders"), "{text}");
    let start = std::time::Instant::now();
    for _ in 0..100 {
        screen(&app, 200, 50);
    }
    eprintln!(
        "draw 200x50 with 1003 topics: {:?} per frame",
        start.elapsed() / 100
    );
}
