//! Dictionaries are data: the roster of people and the glossary of terms,
//! read from CSV files whose columns are found by header name. The files in
//! `dictionaries/` are compiled in as defaults; user files add to them.

pub mod glossary;
pub mod roster;
pub mod table;

pub use glossary::{Glossary, Term};
pub use roster::{Person, Roster};
pub use table::Table;

use std::path::Path;

use crate::error::Result;

/// The built-in roster, as shipped in `dictionaries/roster.csv`.
pub const DEFAULT_ROSTER: &str = include_str!("../../dictionaries/roster.csv");
/// The built-in glossary, as shipped in `dictionaries/glossary.csv`.
pub const DEFAULT_GLOSSARY: &str = include_str!("../../dictionaries/glossary.csv");

/// The roster and glossary a run uses.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    /// People whose names are checked.
    pub roster: Roster,
    /// Terms whose spelling is checked.
    pub glossary: Glossary,
}

impl Dictionaries {
    /// The built-in dictionaries.
    pub fn builtin() -> Result<Self> {
        let mut roster = Roster::parse(
            Path::new("dictionaries/roster.csv (built-in)"),
            DEFAULT_ROSTER,
        )?;
        roster.builtin = roster.people.len();
        Ok(Dictionaries {
            roster,
            glossary: Glossary::parse(
                Path::new("dictionaries/glossary.csv (built-in)"),
                DEFAULT_GLOSSARY,
            )?,
        })
    }

    /// Adds the people of a roster file.
    pub fn add_roster_file(&mut self, path: &Path) -> Result<()> {
        let text = table::read_text(path)?;
        self.roster.extend(Roster::parse(path, &text)?);
        Ok(())
    }

    /// Adds the terms of a glossary file.
    pub fn add_glossary_file(&mut self, path: &Path) -> Result<()> {
        let text = table::read_text(path)?;
        self.glossary.extend(Glossary::parse(path, &text)?);
        Ok(())
    }
}

/// Splits a `|`-separated list cell into trimmed, non-empty items.
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_load() {
        let d = Dictionaries::builtin().unwrap();
        assert!(!d.roster.people.is_empty());
        assert!(!d.glossary.terms.is_empty());
    }

    #[test]
    fn lists_split_on_bars() {
        assert_eq!(split_list(" a | b||c "), vec!["a", "b", "c"]);
        assert!(split_list("").is_empty());
    }
}
