//! What several test files share.
#![allow(dead_code)]

use std::path::PathBuf;

use capclean::dict::Dictionaries;

/// The samples' own roster: the invented people of their meeting, who are
/// not in the built-in roster.
pub fn sample_roster() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/roster.csv")
}

/// The built-in dictionaries with the samples' roster added, as
/// `capclean fix --roster samples/roster.csv` has them.
pub fn with_sample_roster() -> Dictionaries {
    let mut dictionaries = Dictionaries::builtin().unwrap();
    dictionaries.add_roster_file(&sample_roster()).unwrap();
    dictionaries
}
