//! The review list: one CSV row per finding, for an editor to open in a
//! spreadsheet, mark `accept` or `reject`, and feed back to `capclean apply`;
//! and the HTML report that shows the same rows in place in the text.

mod apply;
mod cell;
mod html;
mod read;
mod write;

pub use apply::{apply_rows, Applied, Encodings};
pub use cell::{guard, runs_as_formula, unguard};
pub use html::{escape as escape_html, render_html, ReportFile};
pub use read::{count_decisions, read_review, read_review_list, Decision, ReviewList, ReviewedRow};
pub use write::{
    extend_context, rows_for, rows_for_part, write_review, PartRows, ReviewWriter, Row, COLUMNS,
};
