//! Roster loading, the roster index, `roster lint`, and the name rules with
//! that roster: no panic on any text; every loaded name is known to the
//! index as correct; findings lie inside the text on character boundaries.
#![no_main]

use std::path::Path;

use capclean::dict::{Dictionaries, Roster};
use capclean::names::NameIndex;
use capclean::rules::RuleSet;
use capclean::upkeep::RosterFile;
use capclean::{Engine, Settings};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(file) = RosterFile::parse(Path::new("r.csv"), text) {
        let _ = file.lint();
    }
    let Ok(roster) = Roster::parse(Path::new("r.csv"), text) else {
        return;
    };
    let index = NameIndex::new(&roster);
    for person in &roster.people {
        assert!(
            index.is_correct(&person.name) || person.name.trim().is_empty(),
            "{:?} is not correct to its own index",
            person.name
        );
    }
    // The name rules over a short transcript, with this roster alone.
    let engine = Engine::new(
        Settings {
            rules: RuleSet::parse("N").expect("the N rule family"),
            ..Settings::default()
        },
        Dictionaries {
            roster,
            ..Dictionaries::default()
        },
    );
    common::check_findings(&engine, common::TRANSCRIPT);
});
