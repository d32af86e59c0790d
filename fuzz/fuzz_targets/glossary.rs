//! Glossary loading, the term index, and the term rules with that glossary:
//! no panic on any text; findings lie inside the text on character
//! boundaries.
#![no_main]

use std::path::Path;

use capclean::dict::{Dictionaries, Glossary};
use capclean::rules::RuleSet;
use capclean::terms::TermIndex;
use capclean::{Engine, Settings};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(glossary) = Glossary::parse(Path::new("g.csv"), text) else {
        return;
    };
    let index = TermIndex::new(&glossary);
    assert_eq!(index.terms.len(), glossary.terms.len());
    // The term rules over a short transcript, with this glossary alone.
    let engine = Engine::new(
        Settings {
            rules: RuleSet::parse("G").expect("the G rule family"),
            ..Settings::default()
        },
        Dictionaries {
            glossary,
            ..Dictionaries::default()
        },
    );
    common::check_findings(&engine, common::TRANSCRIPT);
});
