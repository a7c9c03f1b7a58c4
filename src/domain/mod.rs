//! The rectification domain: programs, measures, milestones and the schedule rules that judge
//! them. Pure data and pure functions of `today`; nothing here touches a terminal or a disk.

mod date;
mod doubt;
pub mod edit;
mod file_change;
mod ids;
mod model;
pub mod schedule;
mod typed;

pub use date::{Date, INVALID_DATE};
pub use doubt::{DateChange, DateDoubt, date_doubts, earlier_than_replaced};
pub use file_change::ChangeKind;
pub use ids::next_id;
pub use model::{Measure, Milestone, Program, SignOffDoubt, Status, StatusKind};
pub use typed::{DateError, ProgressError, parse_progress};
