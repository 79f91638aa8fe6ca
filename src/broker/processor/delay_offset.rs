//! GET_ALL_DELAY_OFFSET (45): the delay levels' delivered offsets, as delayOffset.json holds
//! them (`{"offsetTable":{"1":12,...}}`), which a slave copies from its master.

use super::Outcome;
use crate::broker::Broker;
use crate::remoting::RemotingCommand;
use crate::remoting::code::response;

pub fn get_all_delay_offset(b: &Broker) -> Outcome {
    match serde_json::to_vec(&b.schedule.offset_table()) {
        Ok(body) => Ok(RemotingCommand::success().with_body(body)),
        Err(e) => Ok(RemotingCommand::error(
            response::SYSTEM_ERROR,
            format!("cannot encode the delay offsets: {e}"),
        )),
    }
}
