//! The name server: route table, KV config and the request processors that serve them.
