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
        let mut all = self.histories.lock().unwrap_or_else(|p| p.into_inner());
        all.retain(|_, (seen, _)| seen.elapsed() < WATCH_FOR);
        all.iter()
            .map(|(k, (_, h))| (k.clone(), h.clone()))
            .collect()
    }
}
