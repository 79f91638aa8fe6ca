//! Consumers: the push consumers, concurrent and orderly (group membership,
//! rebalance, long polling, committed offsets), and the pull consumer for
//! tools, with the pieces they share: group membership (`member`), queue
//! allocation, per-queue progress, offset storage and the per-queue broker
//! calls.

pub mod allocate;
mod member;
pub mod offset_store;
pub mod orderly;
pub mod process_queue;
pub mod pull;
pub mod push;
pub mod queue_api;
pub mod rebalance;
pub mod send_back;

pub use orderly::{OrderlyConsumerConfig, OrderlyDelivery, OrderlyPushConsumer};
pub use pull::PullConsumer;
pub use push::{ConsumeFrom, Delivery, PushConsumer, PushConsumerConfig};
pub use queue_api::{PullResult, PullStatus};
