//! What waits in SCHEDULE_TOPIC_XXXX: per broker and delay level, the delivered and max
//! offsets a broker reports in its runtime info (`scheduleMessageOffset_<level>` =
//! `delivered,max`, as RocketMQ's brokers report them), the level's delay from its
//! `messageDelayLevel`, and the timer's pending count (`timerPendingMessages`) where a
//! broker has an arbitrary-time timer.

use std::collections::BTreeMap;

use serde::Serialize;

use super::fanout::{BrokerTarget, on_each};
use crate::client::AdminClient;
use crate::client::error::ClientResult;

/// One delay level of one broker, or (`level` None) its arbitrary-time timer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DelayLevelStatus {
    pub broker_name: String,
    /// The delay level; None for the timer's row.
    pub level: Option<i32>,
    /// The level's delay as configured (`5s`, `1m`, ...), if the broker said.
    pub delay: Option<String>,
    pub delivered_offset: Option<i64>,
    pub max_offset: Option<i64>,
    /// Messages stored and not yet delivered.
    pub waiting: i64,
}

/// The rows of one broker from its runtime info and its `messageDelayLevel`, by level, then
/// the timer's row if the broker reports `timerPendingMessages`.
pub fn delay_levels_of(
    broker_name: &str,
    runtime: &BTreeMap<String, String>,
    message_delay_level: Option<&str>,
) -> Vec<DelayLevelStatus> {
    let delays: Vec<&str> = message_delay_level
        .map(|t| t.split_whitespace().collect())
        .unwrap_or_default();
    let mut rows: Vec<DelayLevelStatus> = runtime
        .iter()
        .filter_map(|(k, v)| {
            let level: i32 = k.strip_prefix("scheduleMessageOffset_")?.parse().ok()?;
            let (delivered, max) = v.split_once(',')?;
            let (delivered, max): (i64, i64) =
                (delivered.trim().parse().ok()?, max.trim().parse().ok()?);
            Some(DelayLevelStatus {
                broker_name: broker_name.to_string(),
                level: Some(level),
                delay: usize::try_from(level - 1)
                    .ok()
                    .and_then(|i| delays.get(i))
                    .map(|d| d.to_string()),
                delivered_offset: Some(delivered),
                max_offset: Some(max),
                waiting: (max - delivered).max(0),
            })
        })
        .collect();
    rows.sort_by_key(|r| r.level);
    if let Some(pending) = runtime
        .get("timerPendingMessages")
        .and_then(|v| v.trim().parse::<i64>().ok())
    {
        rows.push(DelayLevelStatus {
            broker_name: broker_name.to_string(),
            level: None,
            delay: None,
            delivered_offset: None,
            max_offset: None,
            waiting: pending,
        });
    }
    rows
}

impl AdminClient {
    /// The delay levels (and timer) of each broker in `targets`.
    pub async fn delay_levels(
        &self,
        targets: &[BrokerTarget],
    ) -> ClientResult<Vec<DelayLevelStatus>> {
        let mut out = Vec::new();
        for (t, r) in on_each(targets, |t| async move {
            let runtime = self.broker_runtime_info(&t.addr).await?;
            // Only for the delays' names: a broker that does not answer still shows its levels.
            let config = self.broker_config(&t.addr).await.unwrap_or_default();
            Ok::<_, crate::client::error::ClientError>((runtime, config))
        })
        .await
        {
            let (runtime, config) = r?;
            out.extend(delay_levels_of(
                &t.broker_name,
                &runtime,
                config.get("messageDelayLevel").map(String::as_str),
            ));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_come_from_rocketmqs_runtime_keys() {
        let runtime: BTreeMap<String, String> = [
            ("scheduleMessageOffset_10", "3,3"),
            ("scheduleMessageOffset_2", "5,12"),
            ("scheduleMessageOffset_x", "1,2"),
            ("scheduleMessageOffset_3", "garbage"),
            ("putTps", "1 2 3"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let rows = delay_levels_of("b", &runtime, Some("1s 5s 10s"));
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0],
            DelayLevelStatus {
                broker_name: "b".into(),
                level: Some(2),
                delay: Some("5s".into()),
                delivered_offset: Some(5),
                max_offset: Some(12),
                waiting: 7,
            }
        );
        assert_eq!((rows[1].level, rows[1].delay.as_deref()), (Some(10), None));
        // No timer row unless the broker has a timer.
        assert!(rows.iter().all(|r| r.level.is_some()));
        let mut with_timer = runtime.clone();
        with_timer.insert("timerPendingMessages".into(), "42".into());
        let rows = delay_levels_of("b", &with_timer, None);
        let timer = rows.last().unwrap();
        assert_eq!((timer.level, timer.waiting), (None, 42));
    }
}
