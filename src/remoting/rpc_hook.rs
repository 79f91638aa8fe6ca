//! The client side's RPCHook: a last change to every request a client
//! connection sends (RocketMQ's `RPCHook#doBeforeRequest`), e.g. the ACL
//! signature. Held by `ConnectionConfig`; a process may set one default that
//! every `RemotingClient` made afterwards takes (the CLI does, from its
//! credentials), so no caller has to thread it through.

use std::sync::{Arc, OnceLock};

use super::command::RemotingCommand;

/// Changes a request just before it is written; its ext fields and body are final.
pub trait RpcHook: Send + Sync + 'static {
    fn before_request(&self, request: &mut RemotingCommand);
}

static PROCESS_DEFAULT: OnceLock<Arc<dyn RpcHook>> = OnceLock::new();

/// Sets the hook every `RemotingClient` made from now on applies. Only the
/// first call counts: a process signs with one identity.
pub fn set_process_default(hook: Arc<dyn RpcHook>) {
    let _ = PROCESS_DEFAULT.set(hook);
}

/// The hook set by `set_process_default`, if any.
pub fn process_default() -> Option<Arc<dyn RpcHook>> {
    PROCESS_DEFAULT.get().cloned()
}
