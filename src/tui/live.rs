//! The full-screen event loop: rounds from the collector and keys from the
//! terminal go into the state; the screen is redrawn after each and at a
//! steady tick, never waiting on the network.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};
use tokio::sync::mpsc;

use super::collector;
use super::draw::{self, Theme};
use super::state::{Action, App};
use super::terminal::Screen;
use crate::client::admin::AdminClient;

/// Reads terminal events on a thread of its own (crossterm's read blocks)
/// until `stop` is set or nobody listens.
fn spawn_input(stop: Arc<AtomicBool>) -> mpsc::UnboundedReceiver<Event> {
    let (tx, rx) = mpsc::unbounded_channel();
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            match event::poll(Duration::from_millis(100)) {
                Ok(true) => match event::read() {
                    Ok(ev) => {
                        if tx.send(ev).is_err() {
                            return;
                        }
                    }
                    Err(_) => return,
                },
                Ok(false) => {}
                Err(_) => return,
            }
        }
    });
    rx
}

/// Runs the dashboard until `q` or Ctrl-C.
pub async fn run(
    admin: AdminClient,
    cluster: Option<String>,
    interval: Duration,
    target: String,
) -> std::io::Result<()> {
    let theme = Theme::from_env();
    let mut app = App::new(target, interval.as_millis() as u64);
    let (mut rounds, refresh) = collector::spawn(admin, cluster, interval);
    let mut screen = Screen::enter()?;
    let stop = Arc::new(AtomicBool::new(false));
    let mut input = spawn_input(stop.clone());
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    let outcome = loop {
        if let Err(e) = screen.terminal.draw(|f| draw::draw(f, &app, &theme)) {
            break Err(e);
        }
        tokio::select! {
            Some(round) = rounds.recv() => app.apply(round),
            ev = input.recv() => match ev {
                Some(Event::Key(key)) if key.kind != KeyEventKind::Release => match app.on_key(key) {
                    Action::Quit => break Ok(()),
                    Action::Refresh => { let _ = refresh.send(()); }
                    Action::None => {}
                },
                Some(_) => {} // a resize: the next draw fits the new size
                None => break Err(std::io::Error::other("the terminal closed")),
            },
            _ = tick.tick() => {}
            _ = tokio::signal::ctrl_c() => break Ok(()),
        }
    };
    stop.store(true, Ordering::Relaxed);
    drop(screen);
    outcome
}
