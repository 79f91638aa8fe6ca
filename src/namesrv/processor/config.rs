//! GET_NAMESRV_CONFIG and UPDATE_NAMESRV_CONFIG: settings as `key=value`
//! text, as RocketMQ's Configuration serves them.

use super::Outcome;
use crate::config;
use crate::namesrv::state::NamesrvState;
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;

pub fn get(ns: &NamesrvState) -> Outcome {
    let text = config::to_properties(&*ns.config.read().unwrap());
    Ok(RemotingCommand::success().with_body(text.into_bytes()))
}

/// Takes effect at once for the expiry settings and orderMessageEnable;
/// listen address changes apply at the next start.
pub fn update(ns: &NamesrvState, req: &RemotingCommand) -> Outcome {
    let Ok(text) = std::str::from_utf8(&req.body) else {
        return Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            "config body is not UTF-8 text",
        ));
    };
    let updates = config::parse_properties(text);
    let mut current = ns.config.write().unwrap();
    match config::apply_properties(&*current, &updates) {
        Ok(updated) => {
            *current = updated;
            tracing::info!("name server config updated: {updates:?}");
            Ok(RemotingCommand::success())
        }
        Err(reason) => Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            reason.to_string(),
        )),
    }
}
