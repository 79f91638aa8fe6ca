//! The dashboard's state, pure: it takes rounds and key events and holds the
//! figures, view, selection, sort, filter, drill-down and history. No I/O,
//! no drawing; `draw` reads it.

use std::collections::{HashMap, VecDeque};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::figures::{BrokerRow, Figures, GroupRow, TopicRow};
use super::follow::{FollowWatch, LagSample, STALL_ROUNDS};
use super::sample::Round;

/// Points of history kept per row (at a 2 s interval, four minutes).
pub const HISTORY: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Brokers,
    Topics,
    Groups,
}

impl View {
    pub const ALL: [View; 3] = [View::Brokers, View::Topics, View::Groups];

    pub fn title(self) -> &'static str {
        match self {
            View::Brokers => "Brokers",
            View::Topics => "Topics",
            View::Groups => "Groups",
        }
    }

    fn index(self) -> usize {
        match self {
            View::Brokers => 0,
            View::Topics => 1,
            View::Groups => 2,
        }
    }

    /// The columns `s` cycles through.
    pub fn sort_columns(self) -> &'static [&'static str] {
        match self {
            View::Brokers => &["broker", "put tps", "get tps", "disk", "lag"],
            View::Topics => &["topic", "messages", "put tps", "queues"],
            View::Groups => &["group", "lag", "consume tps", "clients", "retry", "dlq"],
        }
    }
}

/// What Enter opened: a topic's or a group's detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drill {
    Topic(String),
    Group(String),
}

/// A sort column (index into `View::sort_columns`) and direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sort {
    pub column: usize,
    pub reverse: bool,
}

/// What the event loop should do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    None,
    Quit,
    Refresh,
}

/// Recent values of one row, oldest first.
pub type Series = VecDeque<u64>;

fn push(series: &mut Series, v: u64) {
    if series.len() == HISTORY {
        series.pop_front();
    }
    series.push_back(v);
}

#[derive(Debug, Default)]
pub struct App {
    /// The name server(s) and cluster shown in the header.
    pub target: String,
    pub figures: Figures,
    last_round: Option<Round>,
    pub rounds: u64,
    pub round_took_ms: u64,
    pub base_interval_ms: u64,
    pub interval_ms: u64,
    pub view: Option<View>,
    pub drill: Option<Drill>,
    /// Scroll offset of the drill-down's tables.
    pub drill_scroll: usize,
    pub sort: [Sort; 3],
    pub selected: [usize; 3],
    /// The selected row's key per view, so the selection follows a row across refreshes.
    selected_key: [Option<String>; 3],
    pub filter: String,
    /// `/` was pressed and keys go to the filter.
    pub filter_editing: bool,
    pub show_system: bool,
    pub paused: bool,
    pub help: bool,
    /// Row indices into the figures of each view, filtered and sorted.
    pub rows: [Vec<usize>; 3],
    pub topic_tps: HashMap<String, Series>,
    pub group_tps: HashMap<String, Series>,
    pub group_lag: HashMap<String, Series>,
    pub broker_tps: HashMap<String, Series>,
    /// Each slave's replication lag in bytes, by address.
    pub slave_lag: HashMap<String, Series>,
    /// Each slave's recent lag, for the not-following rule.
    follow: FollowWatch,
}

impl App {
    pub fn new(target: impl Into<String>, interval_ms: u64) -> App {
        App {
            target: target.into(),
            base_interval_ms: interval_ms,
            interval_ms,
            view: Some(View::Topics),
            ..Default::default()
        }
    }

    pub fn view(&self) -> View {
        self.view.unwrap_or(View::Topics)
    }

    /// Takes a finished round (ignored while paused): new figures against
    /// the previous round, history, and the rows re-filtered and re-sorted.
    pub fn apply(&mut self, round: Round) {
        if self.paused {
            return;
        }
        self.interval_ms = round.interval_ms.max(self.base_interval_ms);
        self.round_took_ms = round.took_ms;
        // A round without brokers because the name server failed keeps the
        // last figures and shows the error.
        if round.brokers.is_empty() && !round.errors.is_empty() && self.rounds > 0 {
            self.figures.errors = round.errors;
            return;
        }
        let mut figures = Figures::compute(self.last_round.as_ref(), &round);
        self.watch_followers(&mut figures);
        if figures.tps_window_ms.is_some() {
            for t in &figures.topics {
                push(
                    self.topic_tps.entry(t.topic.clone()).or_default(),
                    t.put_tps.unwrap_or(0.0).round() as u64,
                );
            }
            for g in &figures.groups {
                push(
                    self.group_tps.entry(g.group.clone()).or_default(),
                    g.consume_tps.unwrap_or(0.0).round() as u64,
                );
            }
        }
        for g in &figures.groups {
            if let Some(lag) = g.lag {
                push(
                    self.group_lag.entry(g.group.clone()).or_default(),
                    lag.max(0) as u64,
                );
            }
        }
        for b in &figures.brokers {
            push(
                self.broker_tps.entry(b.addr.clone()).or_default(),
                b.put_tps.unwrap_or(0.0).round() as u64,
            );
        }
        for b in &figures.brokers {
            if let Some(lag) = &b.lag {
                push(
                    self.slave_lag.entry(b.addr.clone()).or_default(),
                    lag.bytes.max(0) as u64,
                );
            }
        }
        self.figures = figures;
        self.last_round = Some(round);
        self.rounds += 1;
        self.refresh_rows();
    }

    /// Marks the slaves whose lag has stalled while their master grew as not following
    /// (where the round's figures did not already tell either way by the brokers' own word).
    fn watch_followers(&mut self, figures: &mut Figures) {
        let masters: HashMap<(String, String), i64> = figures
            .brokers
            .iter()
            .filter(|b| b.broker_id == 0)
            .filter_map(|b| {
                Some((
                    (b.cluster.clone(), b.broker_name.clone()),
                    b.commit_log_max_offset?,
                ))
            })
            .collect();
        let slaves: Vec<String> = figures
            .brokers
            .iter()
            .filter(|b| b.broker_id != 0)
            .map(|b| b.addr.clone())
            .collect();
        self.follow
            .retain(&slaves.iter().map(String::as_str).collect::<Vec<_>>());
        for b in figures.brokers.iter_mut().filter(|b| b.broker_id != 0) {
            let sample = masters
                .get(&(b.cluster.clone(), b.broker_name.clone()))
                .zip(b.lag.as_ref())
                .map(|(&master_max, lag)| LagSample {
                    master_max,
                    lag_bytes: lag.bytes,
                });
            if self.follow.observe(&b.addr, sample) && !b.not_following() {
                b.following = Some(false);
                b.not_following = Some(format!(
                    "copied nothing in {STALL_ROUNDS} rounds, master grew"
                ));
            }
        }
    }

    fn key_of(&self, view: View, index: usize) -> String {
        match view {
            View::Brokers => self.figures.brokers[index].addr.clone(),
            View::Topics => self.figures.topics[index].topic.clone(),
            View::Groups => self.figures.groups[index].group.clone(),
        }
    }

    /// Re-filters and re-sorts every view, keeping each selection on its row.
    pub fn refresh_rows(&mut self) {
        for view in View::ALL {
            let i = view.index();
            let filter = self.filter.to_lowercase();
            let matches = |name: &str| filter.is_empty() || name.to_lowercase().contains(&filter);
            let f = &self.figures;
            let mut rows: Vec<usize> = match view {
                View::Brokers => (0..f.brokers.len())
                    .filter(|&k| {
                        let b = &f.brokers[k];
                        matches(&b.broker_name) || matches(&b.addr) || matches(&b.cluster)
                    })
                    .collect(),
                View::Topics => (0..f.topics.len())
                    .filter(|&k| {
                        (self.show_system || !f.topics[k].system) && matches(&f.topics[k].topic)
                    })
                    .collect(),
                View::Groups => (0..f.groups.len())
                    .filter(|&k| {
                        (self.show_system || !f.groups[k].system) && matches(&f.groups[k].group)
                    })
                    .collect(),
            };
            let sort = self.sort[i];
            match view {
                View::Brokers => sort_by(&mut rows, &f.brokers, sort, broker_key),
                View::Topics => sort_by(&mut rows, &f.topics, sort, topic_key),
                View::Groups => sort_by(&mut rows, &f.groups, sort, group_key),
            }
            self.rows[i] = rows;
            let found = self.selected_key[i].as_ref().and_then(|key| {
                (0..self.rows[i].len()).find(|&r| &self.key_of(view, self.rows[i][r]) == key)
            });
            let n = self.rows[i].len();
            self.selected[i] = found.unwrap_or(self.selected[i].min(n.saturating_sub(1)));
            self.remember_selection(view);
        }
    }

    fn remember_selection(&mut self, view: View) {
        let i = view.index();
        self.selected_key[i] = self.rows[i]
            .get(self.selected[i])
            .map(|&k| self.key_of(view, k));
    }

    /// The rows of `view` in display order.
    pub fn visible_brokers(&self) -> impl Iterator<Item = &BrokerRow> {
        self.rows[0].iter().map(|&k| &self.figures.brokers[k])
    }
    pub fn visible_topics(&self) -> impl Iterator<Item = &TopicRow> {
        self.rows[1].iter().map(|&k| &self.figures.topics[k])
    }
    pub fn visible_groups(&self) -> impl Iterator<Item = &GroupRow> {
        self.rows[2].iter().map(|&k| &self.figures.groups[k])
    }

    pub fn selected_index(&self, view: View) -> usize {
        self.selected[view.index()]
    }
    pub fn row_count(&self, view: View) -> usize {
        self.rows[view.index()].len()
    }
    pub fn sort_of(&self, view: View) -> Sort {
        self.sort[view.index()]
    }

    pub fn selected_broker(&self) -> Option<&BrokerRow> {
        self.rows[0]
            .get(self.selected[0])
            .map(|&k| &self.figures.brokers[k])
    }
    pub fn selected_topic(&self) -> Option<&TopicRow> {
        self.rows[1]
            .get(self.selected[1])
            .map(|&k| &self.figures.topics[k])
    }
    pub fn selected_group(&self) -> Option<&GroupRow> {
        self.rows[2]
            .get(self.selected[2])
            .map(|&k| &self.figures.groups[k])
    }

    /// The drilled-into topic, if it still exists.
    pub fn drill_topic(&self) -> Option<&TopicRow> {
        match &self.drill {
            Some(Drill::Topic(t)) => self.figures.topics.iter().find(|r| &r.topic == t),
            _ => None,
        }
    }
    pub fn drill_group(&self) -> Option<&GroupRow> {
        match &self.drill {
            Some(Drill::Group(g)) => self.figures.groups.iter().find(|r| &r.group == g),
            _ => None,
        }
    }

    fn move_selection(&mut self, delta: isize) {
        if self.drill.is_some() {
            self.drill_scroll = (self.drill_scroll as isize + delta).max(0) as usize;
            return;
        }
        let view = self.view();
        let i = view.index();
        let n = self.rows[i].len();
        if n == 0 {
            return;
        }
        self.selected[i] = (self.selected[i] as isize + delta).clamp(0, n as isize - 1) as usize;
        self.remember_selection(view);
    }

    fn switch(&mut self, view: View) {
        self.view = Some(view);
        self.drill = None;
        self.drill_scroll = 0;
    }

    /// Handles one key; says whether to quit or refresh.
    pub fn on_key(&mut self, key: KeyEvent) -> Action {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && matches!(key.code, KeyCode::Char('c')) {
            return Action::Quit;
        }
        if self.filter_editing {
            match key.code {
                KeyCode::Enter => self.filter_editing = false,
                KeyCode::Esc => {
                    self.filter_editing = false;
                    self.filter.clear();
                }
                KeyCode::Backspace => {
                    self.filter.pop();
                }
                KeyCode::Char(c) if !ctrl => self.filter.push(c),
                _ => {}
            }
            self.refresh_rows();
            return Action::None;
        }
        if self.help {
            // Any key closes the help; q still quits.
            self.help = false;
            return if matches!(key.code, KeyCode::Char('q')) {
                Action::Quit
            } else {
                Action::None
            };
        }
        match key.code {
            KeyCode::Char('q') => return Action::Quit,
            KeyCode::Char('?') => self.help = true,
            KeyCode::Char('1') => self.switch(View::Brokers),
            KeyCode::Char('2') => self.switch(View::Topics),
            KeyCode::Char('3') => self.switch(View::Groups),
            KeyCode::Tab => {
                let next = View::ALL[(self.view().index() + 1) % 3];
                self.switch(next);
            }
            KeyCode::BackTab => {
                let prev = View::ALL[(self.view().index() + 2) % 3];
                self.switch(prev);
            }
            KeyCode::Up | KeyCode::Char('k') => self.move_selection(-1),
            KeyCode::Down | KeyCode::Char('j') => self.move_selection(1),
            KeyCode::PageUp => self.move_selection(-10),
            KeyCode::PageDown => self.move_selection(10),
            KeyCode::Home | KeyCode::Char('g') => self.move_selection(-1_000_000),
            KeyCode::End | KeyCode::Char('G') => self.move_selection(1_000_000),
            KeyCode::Char('s') if self.drill.is_none() => {
                let view = self.view();
                let sort = &mut self.sort[view.index()];
                sort.column = (sort.column + 1) % view.sort_columns().len();
                self.refresh_rows();
            }
            KeyCode::Char('S') if self.drill.is_none() => {
                let sort = &mut self.sort[self.view().index()];
                sort.reverse = !sort.reverse;
                self.refresh_rows();
            }
            KeyCode::Char('/') => {
                self.filter_editing = true;
            }
            KeyCode::Char('a') => {
                self.show_system = !self.show_system;
                self.refresh_rows();
            }
            KeyCode::Char('p') => self.paused = !self.paused,
            KeyCode::Char('r') => return Action::Refresh,
            KeyCode::Enter if self.drill.is_none() => {
                self.drill_scroll = 0;
                self.drill = match self.view() {
                    View::Topics => self.selected_topic().map(|t| Drill::Topic(t.topic.clone())),
                    View::Groups => self.selected_group().map(|g| Drill::Group(g.group.clone())),
                    View::Brokers => None,
                };
            }
            KeyCode::Esc | KeyCode::Backspace | KeyCode::Left | KeyCode::Char('h') => {
                if self.drill.is_some() {
                    self.drill = None;
                } else if key.code == KeyCode::Esc && !self.filter.is_empty() {
                    self.filter.clear();
                    self.refresh_rows();
                }
            }
            _ => {}
        }
        Action::None
    }
}

fn sort_by<T, K: PartialOrd>(rows: &mut [usize], items: &[T], sort: Sort, key: fn(&T, usize) -> K) {
    rows.sort_by(|&a, &b| {
        let (ka, kb) = (key(&items[a], sort.column), key(&items[b], sort.column));
        let o = ka.partial_cmp(&kb).unwrap_or(std::cmp::Ordering::Equal);
        if sort.reverse { o.reverse() } else { o }
    });
}

/// Name columns sort A→Z; number columns sort largest first (unknown last).
type Key = (f64, String);

fn num(v: Option<f64>) -> f64 {
    -v.unwrap_or(-1.0)
}

fn broker_key(b: &BrokerRow, column: usize) -> Key {
    let name = format!("{}/{}/{}", b.cluster, b.broker_name, b.broker_id);
    match column {
        1 => (num(b.put_tps), name),
        2 => (num(b.get_tps), name),
        3 => (num(b.commit_log_disk_ratio), name),
        4 => (num(b.lag.as_ref().map(|l| l.bytes as f64)), name),
        _ => (0.0, name),
    }
}

fn topic_key(t: &TopicRow, column: usize) -> Key {
    let name = t.topic.clone();
    match column {
        1 => (num(Some(t.messages as f64)), name),
        2 => (num(t.put_tps), name),
        3 => (num(Some(t.write_queues as f64)), name),
        _ => (0.0, name),
    }
}

fn group_key(g: &GroupRow, column: usize) -> Key {
    let name = g.group.clone();
    match column {
        1 => (num(g.lag.map(|l| l as f64)), name),
        2 => (num(g.consume_tps), name),
        3 => (num(Some(g.clients_online as f64)), name),
        4 => (num(Some(g.retry_depth as f64)), name),
        5 => (num(Some(g.dlq_depth as f64)), name),
        _ => (0.0, name),
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
