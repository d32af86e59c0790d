//! The review list: one CSV row per finding, for an editor to open in a
//! spreadsheet, mark `accept` or `reject`, and feed back to `capclean apply`.

mod apply;
mod cell;
mod read;
mod write;

pub use apply::{apply_rows, Applied};
pub use cell::{guard, unguard};
pub use read::{read_review, Decision, ReviewedRow};
pub use write::{rows_for, write_review, Row, COLUMNS};
