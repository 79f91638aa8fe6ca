//! Scheduled delivery: delay levels (SCHEDULE_TOPIC_XXXX) and the timer for arbitrary
//! delivery times (RocketMQ 5's rmq_sys_wheel_timer, in `timer`).

pub mod timer;
