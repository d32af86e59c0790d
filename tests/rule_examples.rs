//! Every rule's documented example (`capclean rules`) does what its stated
//! result says, with that rule alone: the output for an applied fix,
//! `suggested: …` for the text with the suggestion taken, `flagged: `…``
//! for the span flagged.

use std::path::Path;

use capclean::dict::{Dictionaries, Glossary, Roster};
use capclean::formats::{Document, Format};
use capclean::pipeline::apply::apply_edits;
use capclean::rules::{RuleSet, RULES};
use capclean::text::SourceEncoding;
use capclean::{Engine, Settings, Status};

/// The people and terms the examples are about.
const ROSTER: &str = "name,misheard
Wai Min Kwok,Wyman Quoc
Emmanuel Macron,
Julián Casasbuenas,
Petra Lindqvist,
";

const GLOSSARY: &str = "term,variants
intersessional,intercessional
UNDESA,Undesa
stocktaking,
IPv6,
Fourth Industrial Revolution,
";

#[test]
fn every_rule_does_what_its_example_says() {
    let dictionaries = Dictionaries {
        roster: Roster::parse(Path::new("roster.csv"), ROSTER).unwrap(),
        glossary: Glossary::parse(Path::new("glossary.csv"), GLOSSARY).unwrap(),
    };
    for info in RULES {
        let engine = Engine::new(
            Settings {
                rules: RuleSet::of(info.rule),
                ..Settings::default()
            },
            dictionaries.clone(),
        );
        let checked = engine.check_document(
            Document::parse(info.example.to_owned(), Format::Cart),
            SourceEncoding::Utf8,
        );
        let ours: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| f.rule == info.rule)
            .collect();
        assert!(
            !ours.is_empty(),
            "{}: nothing found in {:?}",
            info.code,
            info.example
        );
        if let Some(span) = info.result.strip_prefix("flagged: ") {
            let span = span.trim_matches('`');
            assert!(
                ours.iter()
                    .any(|f| f.status == Status::Flagged && &info.example[f.range.clone()] == span),
                "{}: no flag on {span:?}: {ours:?}",
                info.code
            );
        } else if let Some(taken) = info.result.strip_prefix("suggested: ") {
            assert!(
                ours.iter().all(|f| f.status == Status::Suggested),
                "{}: {ours:?}",
                info.code
            );
            let with_suggestions = apply_edits(
                info.example,
                ours.iter()
                    .map(|f| (f.range.clone(), f.replacement.as_str())),
            );
            assert_eq!(with_suggestions, taken, "{}", info.code);
        } else {
            assert_eq!(checked.output, info.result, "{}", info.code);
        }
    }
}
