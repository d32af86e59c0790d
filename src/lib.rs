//! capclean cleans and corrects raw real-time captioning output.
//!
//! The library owns everything: input decoding and formats ([`text`],
//! [`formats`]), the rules that propose [`edit::Finding`]s ([`rules`]), the
//! dictionaries they consult ([`dict`]), the one place that applies edits
//! ([`pipeline`]), and the review list ([`review`]). The `capclean` binary
//! only parses arguments and calls in here.

#![warn(clippy::print_stdout, clippy::print_stderr)]
#![deny(missing_docs)]

pub mod config;
pub mod dict;
pub mod edit;
pub mod error;
pub mod formats;
pub mod names;
pub mod pipeline;
pub mod review;
pub mod rules;
pub mod settings;
pub mod terms;
pub mod text;
pub mod upkeep;

pub use edit::{Finding, Kind, Status};
pub use error::{Error, Result};
pub use pipeline::{Checked, Engine, Settings};
