//! The review list: one CSV row per finding, for an editor to open in a
//! spreadsheet, mark `accept` or `reject`, and feed back to `capclean apply`.

mod cell;
mod write;

pub use cell::{guard, unguard};
pub use write::{rows_for, write_review, Row, COLUMNS};
