//! Roster and glossary loading, the roster index and `roster lint`: no
//! panic on any text.
#![no_main]

use std::path::Path;

use capclean::dict::edit::RosterFile;
use capclean::dict::{Glossary, Roster};
use capclean::names::NameIndex;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(roster) = Roster::parse(Path::new("r.csv"), text) {
        let index = NameIndex::new(&roster);
        for person in &roster.people {
            assert!(index.is_correct(&person.name) || person.name.trim().is_empty());
        }
    }
    if let Ok(glossary) = Glossary::parse(Path::new("g.csv"), text) {
        let _ = capclean::terms::TermIndex::new(&glossary);
    }
    if let Ok(file) = RosterFile::parse(Path::new("r.csv"), text) {
        let _ = file.lint();
    }
});
