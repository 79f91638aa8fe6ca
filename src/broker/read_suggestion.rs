//! Which member of a broker a consumer should pull from next (RocketMQ's
//! suggestWhichBrokerId): a master sends readers of data no longer in memory to a slave when
//! slaveReadEnable is on; the group's config names the members.

use crate::protocol::route::MASTER_ID;
use crate::protocol::subscription_group::SubscriptionGroupConfig;

/// RocketMQ's suggestWhichBrokerId: with slaveReadEnable, the group's
/// whichBrokerWhenConsumeSlowly while the consumer reads data no longer in memory, else the
/// group's brokerId (the master by default); without it, always the master.
pub fn suggest_which_broker_id(
    slave_read_enable: bool,
    pulling_from_slave_suggested: bool,
    group: &SubscriptionGroupConfig,
) -> i64 {
    match (slave_read_enable, pulling_from_slave_suggested) {
        (false, _) => MASTER_ID,
        (true, true) => group.which_broker_when_consume_slowly,
        (true, false) => group.broker_id,
    }
}

/// RocketMQ's suggestPullingFromSlave: the pull read at `pulled_phy_offset`, further behind the
/// commit log's end than `ratio_percent` of the machine's RAM, where the page cache is unlikely
/// to hold it.
pub fn suggest_pulling_from_slave(
    max_phy_offset: i64,
    pulled_phy_offset: i64,
    total_memory: u64,
    ratio_percent: i32,
) -> bool {
    let in_memory = (total_memory as f64 * (ratio_percent as f64 / 100.0)) as i64;
    max_phy_offset - pulled_phy_offset > in_memory
}

/// The machine's RAM in bytes (RocketMQ's StoreUtil.TOTAL_PHYSICAL_MEMORY_SIZE), read once.
pub fn total_physical_memory() -> u64 {
    static TOTAL: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *TOTAL.get_or_init(|| {
        // SAFETY: sysconf only reads system constants.
        let (pages, page_size) = unsafe {
            (
                libc::sysconf(libc::_SC_PHYS_PAGES),
                libc::sysconf(libc::_SC_PAGESIZE),
            )
        };
        if pages > 0 && page_size > 0 {
            pages as u64 * page_size as u64
        } else {
            // Unknown: as if huge, so that no pull counts as reading from disk.
            u64::MAX / 2
        }
    })
}

/// The commit log offset a stored record says it sits at (its PHYSICALOFFSET field).
pub fn record_phy_offset(record: &[u8]) -> Option<i64> {
    const AT: usize = 4 + 4 + 4 + 4 + 4 + 8;
    let bytes = record.get(AT..AT + 8)?;
    Some(i64::from_be_bytes(bytes.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestion_follows_slave_read_enable_and_the_group() {
        let group = SubscriptionGroupConfig::new("g");
        // Off: always the master, wherever the data is.
        assert_eq!(suggest_which_broker_id(false, true, &group), MASTER_ID);
        assert_eq!(suggest_which_broker_id(false, false, &group), MASTER_ID);
        // On: the slow group goes to whichBrokerWhenConsumeSlowly (1), the others to brokerId (0).
        assert_eq!(suggest_which_broker_id(true, true, &group), 1);
        assert_eq!(suggest_which_broker_id(true, false, &group), 0);
        let custom = SubscriptionGroupConfig {
            broker_id: 2,
            which_broker_when_consume_slowly: 3,
            ..group
        };
        assert_eq!(suggest_which_broker_id(true, true, &custom), 3);
        assert_eq!(suggest_which_broker_id(true, false, &custom), 2);
    }

    #[test]
    fn reading_further_back_than_the_ratio_of_ram_suggests_a_slave() {
        let gib = 1u64 << 30;
        // 40% of 10 GiB = 4 GiB: 4 GiB behind is still in memory, a byte more is not.
        let end = 100 * gib as i64;
        assert!(!suggest_pulling_from_slave(
            end,
            end - 4 * gib as i64,
            10 * gib,
            40
        ));
        assert!(suggest_pulling_from_slave(
            end,
            end - 4 * gib as i64 - 1,
            10 * gib,
            40
        ));
        assert!(!suggest_pulling_from_slave(end, end, 10 * gib, 0));
        assert!(suggest_pulling_from_slave(end, end - 1, 10 * gib, 0));
    }

    #[test]
    fn the_phy_offset_is_read_from_the_record() {
        let mut record = vec![0u8; 60];
        record[28..36].copy_from_slice(&123_456_i64.to_be_bytes());
        assert_eq!(record_phy_offset(&record), Some(123_456));
        assert_eq!(record_phy_offset(&record[..30]), None);
    }
}
