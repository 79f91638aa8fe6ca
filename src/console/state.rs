//! What every request shares: the options, the CSRF token of this console
//! process, the cache, one admin client per name server list in use, and
//! the poll history of each list a dashboard showed lately.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::ConsoleOptions;
use super::cache::Cache;
use super::error::{ConsoleError, ConsoleResult};
use super::history::History;
use crate::client::admin::AdminClient;

/// How long the poller keeps polling a name server list no request asked
/// about: a console nobody looks at stops polling, and so idles.
pub const WATCH_FOR: Duration = Duration::from_secs(600);

/// Name server lists kept at most (each with its client and history).
const MAX_LISTS: usize = 16;

/// One name server list's history, shared by the poller and the pages.
pub type SharedHistory = Arc<Mutex<History>>;

pub struct AppState {
    pub options: ConsoleOptions,
    /// The token every change must carry; random per console process.
    pub csrf: String,
    pub cache: Cache,
    admins: Mutex<HashMap<String, AdminClient>>,
    histories: Mutex<HashMap<String, (Instant, SharedHistory)>>,
}

impl AppState {
    pub fn new(options: ConsoleOptions) -> Arc<Self> {
        let csrf = format!("{:032x}", rand::random::<u128>());
        let state = Arc::new(AppState {
            options,
            csrf,
            cache: Cache::new(Duration::from_secs(1)),
            admins: Mutex::new(HashMap::new()),
            histories: Mutex::new(HashMap::new()),
        });
        state.history(&state.options.namesrv.clone());
        state
    }

    /// The admin client for `namesrv`; a bad list is a 400 naming it.
    pub fn admin(&self, namesrv: &str) -> ConsoleResult<AdminClient> {
        let mut admins = self.admins.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(a) = admins.get(namesrv) {
            return Ok(a.clone());
        }
        let a = AdminClient::new(namesrv, self.options.timeout)
            .map_err(|e| ConsoleError::BadRequest(e.to_string()))?;
        if admins.len() >= MAX_LISTS {
            admins.retain(|k, _| *k == self.options.namesrv);
        }
        admins.insert(namesrv.to_string(), a.clone());
        Ok(a)
    }

    /// The poll history of `namesrv`, which the poller now keeps up for
    /// `WATCH_FOR` more.
    pub fn history(&self, namesrv: &str) -> SharedHistory {
        let mut all = self.histories.lock().unwrap_or_else(|p| p.into_inner());
        if !all.contains_key(namesrv) && all.len() >= MAX_LISTS {
            let keep = self.options.namesrv.clone();
            all.retain(|k, _| *k == keep);
        }
        let entry = all
            .entry(namesrv.to_string())
            .or_insert_with(|| (Instant::now(), Arc::new(Mutex::new(History::default()))));
        entry.0 = Instant::now();
        entry.1.clone()
    }

    /// The lists to poll now: those a request asked about in the last
    /// `WATCH_FOR` (the console's own from its start).
    pub fn watched(&self) -> Vec<(String, SharedHistory)> {
        self.watched_at(Instant::now())
    }

    /// `watched` as of `now`.
    pub fn watched_at(&self, now: Instant) -> Vec<(String, SharedHistory)> {
        let mut all = self.histories.lock().unwrap_or_else(|p| p.into_inner());
        all.retain(|_, (seen, _)| now.saturating_duration_since(*seen) < WATCH_FOR);
        all.iter()
            .map(|(k, (_, h))| (k.clone(), h.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> ConsoleOptions {
        ConsoleOptions {
            namesrv: "127.0.0.1:9876".into(),
            timeout: Duration::from_secs(1),
            write: false,
            poll_interval: Duration::from_secs(5),
            users: None,
        }
    }

    #[test]
    fn lists_nobody_asks_about_stop_being_polled() {
        let state = AppState::new(options());
        let now = Instant::now();
        assert_eq!(
            state.watched_at(now).len(),
            1,
            "the console's own list from its start"
        );
        state.history("127.0.0.1:9877");
        let lists: Vec<String> = state.watched_at(now).into_iter().map(|(k, _)| k).collect();
        assert_eq!(lists.len(), 2);
        // Ten minutes without a request: nothing is polled, the console idles.
        assert!(
            state
                .watched_at(now + WATCH_FOR + Duration::from_secs(1))
                .is_empty()
        );
        // A request brings its list back.
        state.history("127.0.0.1:9876");
        assert_eq!(state.watched().len(), 1);
    }

    #[test]
    fn a_bad_list_is_a_400_and_clients_are_reused() {
        let state = AppState::new(options());
        let e = state.admin("not a list").err().unwrap();
        assert_eq!(e.status(), axum::http::StatusCode::BAD_REQUEST);
        let a = state.admin("127.0.0.1:9876").unwrap();
        let b = state.admin("127.0.0.1:9876").unwrap();
        assert_eq!(a.namesrv_addrs(), b.namesrv_addrs());
    }
}
