//! RocketMQ protocol: request/response headers, JSON bodies, message encoding.

pub mod fastjson;
