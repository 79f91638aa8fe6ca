//! The one-second cache in front of cluster calls: pages that show the same
//! data (and a page and its live refresh) share one call, and concurrent
//! requests for a key wait for the one call in flight instead of each making
//! their own. Failures are cached too, so a dead broker is not hammered.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::OnceCell;

use super::error::{ConsoleError, ConsoleResult};

type Value = Arc<dyn Any + Send + Sync>;

struct Slot {
    born: Instant,
    value: OnceCell<ConsoleResult<Value>>,
}

pub struct Cache {
    ttl: Duration,
    slots: Mutex<HashMap<String, Arc<Slot>>>,
}

/// Slots kept before expired ones are swept.
const SWEEP_ABOVE: usize = 512;

impl Cache {
    pub fn new(ttl: Duration) -> Self {
        Cache {
            ttl,
            slots: Mutex::new(HashMap::new()),
        }
    }

    /// The value under `key` if loaded less than the TTL ago, else what
    /// `load` gives (once, however many callers ask at the same time).
    /// A key must always hold the same type.
    pub async fn get<T, F, Fut>(&self, key: String, load: F) -> ConsoleResult<Arc<T>>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = ConsoleResult<T>>,
    {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
            let now = Instant::now();
            if slots.len() > SWEEP_ABOVE {
                slots.retain(|_, s| now.duration_since(s.born) < self.ttl);
            }
            match slots.get(&key) {
                Some(s) if now.duration_since(s.born) < self.ttl => s.clone(),
                _ => {
                    let s = Arc::new(Slot {
                        born: now,
                        value: OnceCell::new(),
                    });
                    slots.insert(key.clone(), s.clone());
                    s
                }
            }
        };
        let loaded = slot
            .value
            .get_or_init(|| async { load().await.map(|v| Arc::new(v) as Value) })
            .await;
        match loaded {
            Ok(v) => v.clone().downcast::<T>().map_err(|_| {
                ConsoleError::Upstream(format!("console bug: cache key '{key}' changed type"))
            }),
            Err(e) => Err(e.clone()),
        }
    }

    /// Forgets everything: after a change, the next page shows its effect.
    pub fn clear(&self) {
        self.slots.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn concurrent_callers_share_one_load_until_it_expires() {
        let cache = Cache::new(Duration::from_secs(60));
        let loads = AtomicUsize::new(0);
        let load = || async {
            loads.fetch_add(1, Ordering::SeqCst);
            tokio::task::yield_now().await;
            Ok::<_, ConsoleError>(7u32)
        };
        let (a, b) = tokio::join!(cache.get("k".into(), load), cache.get("k".into(), load));
        assert_eq!((*a.unwrap(), *b.unwrap()), (7, 7));
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        cache.clear();
        cache.get("k".into(), load).await.unwrap();
        assert_eq!(loads.load(Ordering::SeqCst), 2);

        let expired = Cache::new(Duration::ZERO);
        expired.get("k".into(), load).await.unwrap();
        expired.get("k".into(), load).await.unwrap();
        assert_eq!(loads.load(Ordering::SeqCst), 4);
    }

    #[tokio::test]
    async fn errors_are_cached_and_a_type_change_is_an_error_not_a_panic() {
        let cache = Cache::new(Duration::from_secs(60));
        let e = cache
            .get::<u32, _, _>("k".into(), || async {
                Err(ConsoleError::Upstream("down".into()))
            })
            .await;
        assert_eq!(e.unwrap_err(), ConsoleError::Upstream("down".into()));
        let again = cache.get::<u32, _, _>("k".into(), || async { Ok(1) }).await;
        assert!(again.is_err());
        cache
            .get::<u32, _, _>("n".into(), || async { Ok(1) })
            .await
            .unwrap();
        let wrong = cache
            .get::<String, _, _>("n".into(), || async { Ok(String::new()) })
            .await;
        assert!(wrong.unwrap_err().message().contains("changed type"));
    }
}
