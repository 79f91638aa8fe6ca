//! PermName and TopicSysFlag: the permission bits of topics and brokers, and
//! the unit flags of topics, as Java RocketMQ numbers them.

/// Consumers of a higher priority first (unused by 4.x brokers, kept for the bit).
pub const PERM_PRIORITY: i32 = 0x1 << 3;
/// Consumers may read the topic's queues.
pub const PERM_READ: i32 = 0x1 << 2;
/// Producers may write to the topic's queues.
pub const PERM_WRITE: i32 = 0x1 << 1;
/// New topics may be auto-created from this one (TBW102).
pub const PERM_INHERIT: i32 = 0x1;
/// The ordinary permission of a topic or broker: read and write.
pub const PERM_READ_WRITE: i32 = PERM_READ | PERM_WRITE;

pub fn is_readable(perm: i32) -> bool {
    perm & PERM_READ == PERM_READ
}

pub fn is_writeable(perm: i32) -> bool {
    perm & PERM_WRITE == PERM_WRITE
}

pub fn is_inherited(perm: i32) -> bool {
    perm & PERM_INHERIT == PERM_INHERIT
}

/// Java's `PermName.perm2String`: three columns R, W, X (inherit), `-` when
/// unset, so 6 is `RW-` and 7 is `RWX`.
pub fn perm_to_string(perm: i32) -> String {
    let mut s = String::with_capacity(3);
    s.push(if is_readable(perm) { 'R' } else { '-' });
    s.push(if is_writeable(perm) { 'W' } else { '-' });
    s.push(if is_inherited(perm) { 'X' } else { '-' });
    s
}

/// TopicSysFlag: a unit topic (Alibaba "unit" deployments).
pub const FLAG_UNIT: i32 = 0x1 << 0;
/// TopicSysFlag: a topic with unit subscribers.
pub const FLAG_UNIT_SUB: i32 = 0x1 << 1;

pub fn has_unit_flag(topic_sys_flag: i32) -> bool {
    topic_sys_flag & FLAG_UNIT == FLAG_UNIT
}

pub fn has_unit_sub_flag(topic_sys_flag: i32) -> bool {
    topic_sys_flag & FLAG_UNIT_SUB == FLAG_UNIT_SUB
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_java() {
        assert_eq!(
            (PERM_PRIORITY, PERM_READ, PERM_WRITE, PERM_INHERIT),
            (8, 4, 2, 1)
        );
        assert_eq!(PERM_READ_WRITE, 6);
    }

    #[test]
    fn perm_strings() {
        assert_eq!(perm_to_string(6), "RW-");
        assert_eq!(perm_to_string(7), "RWX");
        assert_eq!(perm_to_string(4), "R--");
        assert_eq!(perm_to_string(2), "-W-");
        assert_eq!(perm_to_string(0), "---");
        assert!(is_readable(6) && is_writeable(6) && !is_inherited(6));
        assert!(!is_writeable(6 & !PERM_WRITE));
    }

    #[test]
    fn unit_flags() {
        assert!(has_unit_flag(1) && !has_unit_sub_flag(1));
        assert!(has_unit_flag(3) && has_unit_sub_flag(3));
    }
}
