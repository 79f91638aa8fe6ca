#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mq::fuzz_targets::register_broker_plain(data));
