//! Where an admin change goes: one broker by address, the masters of a
//! cluster, or the masters of the only cluster the name server knows.

use super::AdminClient;
use super::error::{AdminError, AdminResult};
use super::fanout::{BrokerTarget, masters_of};

impl AdminClient {
    /// The brokers a change goes to: the one at `broker_addr` (named as the
    /// cluster knows it, or by its address), else every master of `cluster`,
    /// else every master of the only cluster.
    pub async fn change_targets(
        &self,
        cluster: Option<&str>,
        broker_addr: Option<&str>,
    ) -> AdminResult<Vec<BrokerTarget>> {
        if let Some(addr) = broker_addr {
            let info = self.cluster_info().await?;
            let found = masters_of(&info, None).into_iter().find(|t| t.addr == addr);
            return Ok(vec![found.unwrap_or(BrokerTarget {
                cluster: String::new(),
                broker_name: addr.to_string(),
                addr: addr.to_string(),
            })]);
        }
        let cluster = self.cluster_or_only(cluster).await?;
        let masters = self
            .masters(Some(&cluster))
            .await
            .map_err(|_| AdminError::ClusterNotFound(cluster.clone()))?;
        if masters.is_empty() {
            return Err(AdminError::NoMaster(cluster));
        }
        Ok(masters)
    }

    /// `cluster`, or the only cluster the name server knows.
    pub async fn cluster_or_only(&self, cluster: Option<&str>) -> AdminResult<String> {
        match cluster {
            Some(c) => Ok(c.to_string()),
            None => self.only_cluster().await,
        }
    }

    /// The name server's only cluster: `NoCluster` when it knows none,
    /// `ClusterNotChosen` when it knows several.
    pub async fn only_cluster(&self) -> AdminResult<String> {
        let info = self.cluster_info().await?;
        let mut names: Vec<String> = info.cluster_addr_table.into_keys().collect();
        match names.len() {
            1 => Ok(names.remove(0)),
            0 => Err(AdminError::NoCluster),
            _ => Err(AdminError::ClusterNotChosen(names)),
        }
    }
}
