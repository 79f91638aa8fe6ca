//! Delayed delivery (RocketMQ's ScheduleMessageService and the delay branch of
//! CommitLog#asyncPutMessage): where a send with a delay goes (`reroute`, the one seam every
//! path that stores a client's message calls), the schedule service that re-puts due messages
//! to their real topic (service.rs), and each level's delivered offset in
//! config/delayOffset.json (delay_offset.rs). The level table itself is the store's
//! (`crate::store::DelayLevels`), since the store derives deliver times from it. Delivery at
//! an arbitrary time (RocketMQ 5's TIMER_* properties) is the timer's, in `timer`.

pub mod delay_offset;
pub mod service;
pub mod timer;

use super::Broker;
use crate::protocol::message::{properties_iter, property, push_property};
use crate::protocol::topic::SCHEDULE_TOPIC;
use crate::remoting::code::response;
pub use crate::store::DelayLevels;
use crate::store::message::find_properties;
pub use service::ScheduleMessageService;

/// Where a message is stored instead of the topic and queue it was sent to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rerouted {
    pub topic: String,
    pub queue_id: i32,
    /// The properties to store (the client's, plus what delivery needs later).
    pub properties: String,
}

/// A message that cannot be stored as asked: the response code and remark to answer with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RerouteRefusal {
    pub code: i32,
    pub remark: String,
}

/// Where a message sent to `topic`/`queue_id` with `properties` is stored: None to store it as
/// is, the schedule topic for a delay level (DELAY), the timer topic for a delivery time
/// (TIMER_*, __STARTDELIVERTIME). `now_ms` is what relative timer delays count from (the level
/// branch leaves the deliver time to the store's timestamp).
pub(crate) fn reroute(
    b: &Broker,
    topic: &str,
    queue_id: i32,
    properties: &str,
    now_ms: i64,
) -> Result<Option<Rerouted>, RerouteRefusal> {
    let levels = &b.store.config().message_delay_level;
    let refused = |(code, remark)| RerouteRefusal { code, remark };
    match timer::timer_reroute(b, topic, queue_id, properties, now_ms).map_err(refused)? {
        None => reroute_delay_level(levels, topic, queue_id, properties),
        Some((to, queue_id, properties)) if to == timer::TIMER_TOPIC => Ok(Some(Rerouted {
            topic: to,
            queue_id,
            properties,
        })),
        // A delay level beside timer properties: as RocketMQ 5, the level wins and the timer
        // properties are dropped.
        Some((to, queue_id, properties)) => {
            Ok(
                reroute_delay_level(levels, &to, queue_id, &properties)?.or(Some(Rerouted {
                    topic: to,
                    queue_id,
                    properties,
                })),
            )
        }
    }
}

/// A batch is stored as sent, so none of its property strings (the batch's own and each
/// message's) may ask for a delay level or a delivery time: RocketMQ refuses such a batch
/// with MESSAGE_ILLEGAL rather than store its messages at once.
pub(crate) fn check_batch<'a>(
    properties: impl IntoIterator<Item = &'a str>,
) -> Result<(), RerouteRefusal> {
    for p in properties {
        if let Some(level) = delay_level_of(p)?
            && level > 0
        {
            return Err(RerouteRefusal {
                code: response::MESSAGE_ILLEGAL,
                remark: format!(
                    "a batch cannot be delayed (DELAY={level}): delay levels are not supported \
                     for batched messages; send them one by one"
                ),
            });
        }
        if timer::has_timer_property(p) {
            return Err(RerouteRefusal {
                code: response::MESSAGE_ILLEGAL,
                remark: "a batch cannot carry timer properties (TIMER_*, __STARTDELIVERTIME): \
                         send them one by one"
                    .into(),
            });
        }
    }
    Ok(())
}

/// The DELAY=N branch: SCHEDULE_TOPIC_XXXX queue N−1 (N clamped to the max level), with
/// REAL_TOPIC and REAL_QID added and DELAY kept (clamped too), as RocketMQ's
/// transformDelayLevelMessage does. A level of 0 or below is no delay. A DELAY that is not a
/// number is refused with SYSTEM_ERROR, the code a Java broker answers when parsing it throws.
pub(crate) fn reroute_delay_level(
    levels: &DelayLevels,
    topic: &str,
    queue_id: i32,
    properties: &str,
) -> Result<Option<Rerouted>, RerouteRefusal> {
    let Some(level) = delay_level_of(properties)? else {
        return Ok(None);
    };
    if level <= 0 || topic == SCHEDULE_TOPIC {
        return Ok(None);
    }
    let level = level.min(levels.max_level());
    let level_text = level.to_string();
    let queue_text = queue_id.to_string();
    Ok(Some(Rerouted {
        topic: SCHEDULE_TOPIC.to_string(),
        queue_id: level - 1,
        properties: replace_properties(
            properties,
            &[
                (property::DELAY, &level_text),
                (property::REAL_TOPIC, topic),
                (property::REAL_QUEUE_ID, &queue_text),
            ],
        ),
    }))
}

/// The DELAY property of a properties string: None without one, Err if it is not a number.
/// Cheap for the messages without: one substring search before any parsing.
pub fn delay_level_of(properties: &str) -> Result<Option<i32>, RerouteRefusal> {
    if !properties.contains("DELAY\u{1}") {
        return Ok(None);
    }
    let [delay] = find_properties(properties, [property::DELAY]);
    let Some(delay) = delay else {
        return Ok(None);
    };
    delay.parse::<i32>().map(Some).map_err(|_| RerouteRefusal {
        code: response::SYSTEM_ERROR,
        remark: format!(
            "the message property DELAY is '{delay}', not a delay level: expected a whole number \
             (1..=max level; 0 for no delay)"
        ),
    })
}

/// `properties` with each of `set` given that value (an existing one replaced), and the
/// others kept in their order.
pub(crate) fn replace_properties(properties: &str, set: &[(&str, &str)]) -> String {
    let extra: usize = set.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
    let mut out = String::with_capacity(properties.len() + extra);
    let mut push = |k: &str, v: &str| push_property(&mut out, k, v);
    for (k, v) in properties_iter(properties) {
        if !set.iter().any(|(name, _)| *name == k) {
            push(k, v);
        }
    }
    for (k, v) in set {
        push(k, v);
    }
    out
}

/// `properties` without the named ones.
pub(crate) fn remove_properties(properties: &str, names: &[&str]) -> String {
    let mut out = String::with_capacity(properties.len());
    for (k, v) in properties_iter(properties) {
        if !names.contains(&k) {
            push_property(&mut out, k, v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::message::{build_properties, parse_properties};

    fn levels() -> DelayLevels {
        DelayLevels::parse("1s 5s 10s").unwrap()
    }

    #[test]
    fn a_delayed_send_goes_to_its_levels_queue_with_its_real_topic() {
        let props = build_properties([("TAGS", "A"), ("DELAY", "2"), ("KEYS", "k")]);
        let r = reroute_delay_level(&levels(), "T", 5, &props)
            .unwrap()
            .unwrap();
        assert_eq!((r.topic.as_str(), r.queue_id), (SCHEDULE_TOPIC, 1));
        let p = parse_properties(&r.properties);
        assert_eq!(p["DELAY"], "2");
        assert_eq!(p["REAL_TOPIC"], "T");
        assert_eq!(p["REAL_QID"], "5");
        assert_eq!((p["TAGS"].as_str(), p["KEYS"].as_str()), ("A", "k"));
        assert_eq!(p.len(), 5);
    }

    #[test]
    fn levels_above_the_max_clamp_and_zero_or_below_is_no_delay() {
        let props = build_properties([("DELAY", "40")]);
        let r = reroute_delay_level(&levels(), "%RETRY%g", 0, &props)
            .unwrap()
            .unwrap();
        assert_eq!(r.queue_id, 2);
        assert_eq!(parse_properties(&r.properties)["DELAY"], "3");
        for none in [
            "DELAY\u{1}0",
            "DELAY\u{1}-1",
            "TAGS\u{1}x",
            "",
            "XDELAY\u{1}2",
        ] {
            assert_eq!(
                reroute_delay_level(&levels(), "T", 0, none),
                Ok(None),
                "{none:?}"
            );
        }
    }

    #[test]
    fn a_delay_that_is_not_a_number_is_refused() {
        for bad in ["abc", "1.5", " 2", "99999999999"] {
            let props = build_properties([("DELAY", bad)]);
            let e = reroute_delay_level(&levels(), "T", 0, &props).unwrap_err();
            assert_eq!(e.code, response::SYSTEM_ERROR);
            assert!(
                e.remark.contains(bad) && e.remark.contains("DELAY"),
                "{e:?}"
            );
        }
    }

    #[test]
    fn properties_are_replaced_and_removed_by_name() {
        let p = "A\u{1}1\u{2}DELAY\u{1}2\u{2}B\u{1}2";
        assert_eq!(
            replace_properties(p, &[("DELAY", "3"), ("C", "x")]),
            "A\u{1}1\u{2}B\u{1}2\u{2}DELAY\u{1}3\u{2}C\u{1}x"
        );
        assert_eq!(remove_properties(p, &["DELAY"]), "A\u{1}1\u{2}B\u{1}2");
    }
}
