//! The name server address list (`;`-separated, as in RocketMQ), and calls
//! that fail over from one name server to the next.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::error::{ClientError, ClientResult};
use crate::remoting::{RemotingClient, RemotingCommand, RemotingError};

#[derive(Clone, Debug)]
pub struct NamesrvAddrs {
    addrs: Arc<Vec<String>>,
    /// The last name server that answered: tried first next time.
    current: Arc<AtomicUsize>,
}

impl NamesrvAddrs {
    /// Parses `host:port[;host:port...]`.
    pub fn parse(list: &str) -> ClientResult<Self> {
        let addrs: Vec<String> = list
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let valid = |a: &String| {
            a.rsplit_once(':')
                .is_some_and(|(host, port)| !host.is_empty() && port.parse::<u16>().is_ok())
        };
        if addrs.is_empty() || !addrs.iter().all(valid) {
            return Err(ClientError::InvalidNamesrv(list.to_string()));
        }
        Ok(NamesrvAddrs {
            addrs: Arc::new(addrs),
            current: Arc::new(AtomicUsize::new(0)),
        })
    }

    pub fn all(&self) -> &[String] {
        &self.addrs
    }

    /// Sends `request` to one name server, moving on to the next when one
    /// cannot be reached.
    pub async fn invoke(
        &self,
        client: &RemotingClient,
        request: RemotingCommand,
        timeout: Duration,
    ) -> ClientResult<RemotingCommand> {
        let start = self.current.load(Ordering::Relaxed);
        let mut last_error = None;
        for i in 0..self.addrs.len() {
            let index = (start + i) % self.addrs.len();
            match client
                .invoke(&self.addrs[index], request.clone(), timeout)
                .await
            {
                Ok(response) => {
                    self.current.store(index, Ordering::Relaxed);
                    return Ok(response);
                }
                Err(
                    e @ (RemotingError::Connect { .. }
                    | RemotingError::Timeout { .. }
                    | RemotingError::ConnectionClosed(_)),
                ) => last_error = Some(e),
                Err(e) => return Err(e.into()),
            }
        }
        Err(last_error.expect("at least one address").into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rocketmq_lists() {
        let a = NamesrvAddrs::parse("127.0.0.1:9876; 127.0.0.2:9876;").unwrap();
        assert_eq!(a.all(), ["127.0.0.1:9876", "127.0.0.2:9876"]);
        assert!(NamesrvAddrs::parse("").is_err());
        assert!(NamesrvAddrs::parse("localhost").is_err());
        assert!(NamesrvAddrs::parse("h:99999").is_err());
    }
}
