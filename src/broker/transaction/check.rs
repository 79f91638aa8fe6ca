//! The check-back decisions (RocketMQ's TransactionalMessageServiceImpl#check), as pure
//! functions of a half message's facts and the time: no store, no clock, no network. The
//! service (service.rs) reads the half queue, asks `decide` for each unsettled half and does
//! what the verdict says; op bodies and the op queue's checker offset are worked out here too.

/// What the checker is configured with (broker keys transactionTimeOut, transactionCheckMax,
/// and the store's fileReservedTime, past which a half is given up).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckConfig {
    pub transaction_timeout_ms: i64,
    pub check_max: i32,
    pub file_reserved_ms: i64,
}

/// The facts of one unsettled half message the decision needs.
#[derive(Clone, Copy, Debug, Default)]
pub struct HalfFacts<'a> {
    pub born_ms: i64,
    pub store_ms: i64,
    /// TRANSACTION_CHECK_TIMES, as stored.
    pub check_times: Option<&'a str>,
    /// CHECK_IMMUNITY_TIME_IN_SECONDS, as stored.
    pub immunity_secs: Option<&'a str>,
    /// TRAN_PREPARED_QUEUE_OFFSET: set on the copies an immune half is put back as.
    pub prepared_queue_offset: Option<&'a str>,
}

/// What to do with a half message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Checked transactionCheckMax times already, or older than the store keeps files: move it
    /// to TRANS_CHECK_MAX_TIME_TOPIC (RocketMQ's resolveDiscardMsg) and go on.
    Discard,
    /// Too young to check (or stored after the pass began): stop the pass here, since every
    /// later half is younger still.
    Stop,
    /// Within its own check immunity: put a copy back at the queue's end (marked with the
    /// first copy's queue offset, so an outcome for either settles both) and go on.
    RenewImmune,
    /// Put a copy back with TRANSACTION_CHECK_TIMES = `check_times` and ask a producer.
    Check,
}

/// The decision for one unsettled half at `now_ms`, in a pass that began at `pass_start_ms`;
/// with the TRANSACTION_CHECK_TIMES its copy carries (RocketMQ counts a check on every copy
/// made, the immune ones too: 1 for the first).
pub fn decide(f: &HalfFacts, pass_start_ms: i64, now_ms: i64, c: &CheckConfig) -> (Verdict, i32) {
    let check_times = match f.check_times {
        None => 1,
        Some(s) => {
            let n = s.parse::<i32>().unwrap_or(-1);
            if n >= c.check_max {
                return (Verdict::Discard, n);
            }
            n + 1
        }
    };
    let age = now_ms - f.born_ms;
    if age > c.file_reserved_ms {
        return (Verdict::Discard, check_times);
    }
    if f.store_ms >= pass_start_ms {
        return (Verdict::Stop, check_times);
    }
    let immunity = match f.immunity_secs {
        Some(s) => match s.parse::<i64>() {
            Ok(-1) | Err(_) => c.transaction_timeout_ms,
            Ok(secs) => secs.saturating_mul(1000),
        },
        None => c.transaction_timeout_ms,
    };
    if f.immunity_secs.is_some() {
        if age < immunity {
            // A copy whose marker cannot be read stays where it is, as in RocketMQ.
            let unreadable = f
                .prepared_queue_offset
                .is_some_and(|o| o.parse::<i64>().is_err());
            let v = if unreadable {
                Verdict::Stop
            } else {
                Verdict::RenewImmune
            };
            return (v, check_times);
        }
    } else if (0..immunity).contains(&age) {
        return (Verdict::Stop, check_times);
    }
    // Born in the future (the producer's clock): checked at once, as RocketMQ does.
    (Verdict::Check, check_times)
}

/// The half queue offsets an op message's body names: one decimal offset (RocketMQ 4.x), or
/// several joined by commas (5.x batches its ops). Parts that are not numbers are skipped.
pub fn op_half_offsets(body: &[u8]) -> impl Iterator<Item = i64> + '_ {
    body.split(|b| *b == b',').filter_map(|part| {
        std::str::from_utf8(part)
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
    })
}

/// The op queue's new checker offset: past every op from `op_offset` on whose halves all lie
/// before `half_offset` (those halves are behind the checker for good), stopping at the first
/// op that still names a half ahead of it. `ops` are (op queue offset, half offsets) in
/// queue order from `op_offset`.
pub fn advance_op_offset(op_offset: i64, ops: &[(i64, Vec<i64>)], half_offset: i64) -> i64 {
    let mut next = op_offset;
    for (offset, halves) in ops {
        if *offset != next || halves.iter().any(|h| *h >= half_offset) {
            break;
        }
        next += 1;
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    const C: CheckConfig = CheckConfig {
        transaction_timeout_ms: 6_000,
        check_max: 15,
        file_reserved_ms: 72 * 3_600_000,
    };
    const NOW: i64 = 1_000_000_000;

    fn half(born: i64) -> HalfFacts<'static> {
        HalfFacts {
            born_ms: born,
            store_ms: born,
            ..Default::default()
        }
    }

    #[test]
    fn a_half_younger_than_the_timeout_stops_the_pass_and_an_older_one_is_checked() {
        assert_eq!(decide(&half(NOW - 5_999), NOW, NOW, &C), (Verdict::Stop, 1));
        assert_eq!(
            decide(&half(NOW - 6_000), NOW, NOW, &C),
            (Verdict::Check, 1)
        );
        // A producer clock ahead of the broker's: checked at once.
        let ahead = HalfFacts {
            born_ms: NOW + 10_000,
            store_ms: NOW - 1,
            ..Default::default()
        };
        assert_eq!(decide(&ahead, NOW, NOW, &C).0, Verdict::Check);
    }

    #[test]
    fn check_times_count_up_to_the_max_then_the_half_is_discarded() {
        let mut f = half(NOW - 60_000);
        f.check_times = Some("1");
        assert_eq!(decide(&f, NOW, NOW, &C), (Verdict::Check, 2));
        f.check_times = Some("14");
        assert_eq!(decide(&f, NOW, NOW, &C), (Verdict::Check, 15));
        f.check_times = Some("15");
        assert_eq!(decide(&f, NOW, NOW, &C).0, Verdict::Discard);
        // Even a young half that was checked too often goes.
        let mut young = half(NOW - 1);
        young.check_times = Some("15");
        assert_eq!(decide(&young, NOW, NOW, &C).0, Verdict::Discard);
        // An unreadable count counts as -1: checked, and counted from 0.
        f.check_times = Some("x");
        assert_eq!(decide(&f, NOW, NOW, &C), (Verdict::Check, 0));
    }

    #[test]
    fn a_half_older_than_the_files_are_kept_is_discarded() {
        let f = half(NOW - C.file_reserved_ms - 1);
        assert_eq!(decide(&f, NOW, NOW, &C).0, Verdict::Discard);
    }

    #[test]
    fn a_half_stored_after_the_pass_began_stops_it() {
        let f = HalfFacts {
            born_ms: NOW - 60_000,
            store_ms: NOW,
            ..Default::default()
        };
        assert_eq!(decide(&f, NOW, NOW + 5, &C).0, Verdict::Stop);
        assert_eq!(decide(&f, NOW + 1, NOW + 5, &C).0, Verdict::Check);
    }

    #[test]
    fn check_immunity_replaces_the_timeout_and_an_immune_half_is_renewed() {
        let mut f = half(NOW - 10_000);
        f.immunity_secs = Some("30");
        assert_eq!(decide(&f, NOW, NOW, &C), (Verdict::RenewImmune, 1));
        f.prepared_queue_offset = Some("7");
        assert_eq!(decide(&f, NOW, NOW, &C).0, Verdict::RenewImmune);
        f.prepared_queue_offset = Some("bad");
        assert_eq!(decide(&f, NOW, NOW, &C).0, Verdict::Stop);
        // Past its immunity: checked.
        let mut old = half(NOW - 31_000);
        old.immunity_secs = Some("30");
        assert_eq!(decide(&old, NOW, NOW, &C).0, Verdict::Check);
        // Immunity shorter than the timeout: checked sooner.
        let mut short = half(NOW - 2_000);
        short.immunity_secs = Some("1");
        assert_eq!(decide(&short, NOW, NOW, &C).0, Verdict::Check);
        // An unreadable immunity (or -1) is the timeout.
        for s in ["-1", "soon"] {
            let mut f = half(NOW - 3_000);
            f.immunity_secs = Some(s);
            assert_eq!(decide(&f, NOW, NOW, &C).0, Verdict::RenewImmune, "{s}");
            f.born_ms = NOW - 7_000;
            assert_eq!(decide(&f, NOW, NOW, &C).0, Verdict::Check, "{s}");
        }
    }

    #[test]
    fn op_bodies_are_one_offset_or_a_comma_list() {
        assert_eq!(op_half_offsets(b"42").collect::<Vec<_>>(), [42]);
        assert_eq!(op_half_offsets(b"1,2,30").collect::<Vec<_>>(), [1, 2, 30]);
        assert_eq!(op_half_offsets(b"x,5,").collect::<Vec<_>>(), [5]);
        assert_eq!(op_half_offsets(b"").count(), 0);
    }

    #[test]
    fn the_op_offset_moves_past_ops_of_halves_behind_the_checker_only() {
        let ops = vec![(3, vec![0]), (4, vec![2, 1]), (5, vec![9]), (6, vec![1])];
        assert_eq!(advance_op_offset(3, &ops, 5), 5);
        assert_eq!(advance_op_offset(3, &ops, 10), 7);
        assert_eq!(advance_op_offset(3, &ops, 0), 3);
        assert_eq!(advance_op_offset(3, &[], 10), 3);
        // A gap (an op not read) stops it.
        assert_eq!(advance_op_offset(3, &[(4, vec![0])], 10), 3);
    }
}
