//! `mq top`: a live terminal dashboard of a RocketMQ cluster. The collector
//! (async, over the admin client) produces raw `Round`s; `figures` turns two
//! rounds into rows with TPS and lag; `state` (pure) holds the view,
//! selection, sort, filter and history; `draw` renders state with ratatui
//! widgets only. State never draws, drawing never does I/O.

pub mod collector;
pub mod draw;
pub mod figures;
pub mod fixture;
pub mod follow;
pub mod live;
pub mod once;
pub mod sample;
pub mod schedule;
pub mod state;
pub mod terminal;
