//! Whole outputs on the shipped samples: a snapshot of what `fix` changes
//! (as a diff) and of the review list, and the idempotence of `fix`. The
//! samples' people are in their own roster (`samples/roster.csv`), which
//! every test here loads as `fix --roster samples/roster.csv` does.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use capclean::dict::Dictionaries;
use capclean::edit::Status;
use capclean::review::{rows_for, write_review};
use capclean::{Engine, Settings};

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "txt" || e == "srt" || e == "vtt")
        })
        .collect();
    files.sort();
    files
}

fn engine() -> Engine {
    Engine::new(Settings::default(), common::with_sample_roster())
}

#[test]
fn sample_outputs_and_review_lists() {
    let engine = engine();
    for path in samples() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let raw = fs::read(&path).unwrap();
        let checked = engine.check_bytes(&name, &raw).unwrap();
        let diff = similar::TextDiff::from_lines(&checked.doc.text, &checked.output)
            .unified_diff()
            .context_radius(0)
            .to_string();
        insta::assert_snapshot!(format!("{name}.diff"), diff);
        let mut csv = Vec::new();
        write_review(&mut csv, &rows_for(&name, &checked, 1)).unwrap();
        insta::assert_snapshot!(format!("{name}.review"), String::from_utf8(csv).unwrap());
    }
}

#[test]
fn fix_is_idempotent_on_every_sample() {
    let engine = engine();
    for path in samples() {
        let name = path.to_string_lossy().to_string();
        let once = engine
            .check_bytes(&name, &fs::read(&path).unwrap())
            .unwrap();
        let twice = engine
            .check_bytes(&name, &once.output_bytes(Default::default()).unwrap())
            .unwrap();
        let reapplied: Vec<_> = twice
            .findings
            .iter()
            .filter(|f| f.status == Status::Applied)
            .collect();
        assert!(
            reapplied.is_empty(),
            "{name}: second run applied {reapplied:?}"
        );
        assert_eq!(twice.output, once.output);
    }
}

/// With the built-in dictionaries and the samples' roster, `fix` turns every sample into exactly
/// the version an editor would publish (tests/expected/), apart from what
/// only an editor can decide (doubled words, flagged markers, the
/// ambiguous list of numbers), which stays as it was.
#[test]
fn fix_produces_the_expected_publishable_versions() {
    let engine = engine();
    let expected_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected");
    for path in samples() {
        let name = path.file_name().unwrap().to_owned();
        let checked = engine
            .check_bytes(&name.to_string_lossy(), &fs::read(&path).unwrap())
            .unwrap();
        let expected = fs::read(expected_dir.join(&name)).unwrap();
        if checked.output_bytes(Default::default()).unwrap() != expected {
            let diff = similar::TextDiff::from_lines(
                String::from_utf8_lossy(&expected).as_ref(),
                &checked.output,
            )
            .unified_diff()
            .to_string();
            panic!("{name:?} differs from the expected version:\n{diff}");
        }
    }
}

/// Without their roster, the samples get no name from the built-in roster:
/// none of its real people is named in them, so no name rule may propose
/// one, and the invented people are not written in anywhere. What is left
/// are the suggestions of N005, which come from the files' own speaker
/// labels, not from any roster.
#[test]
fn without_their_roster_the_samples_get_no_names_from_the_built_in_roster() {
    let names_only = Settings {
        rules: capclean::rules::RuleSet::parse("N").unwrap(),
        ..Settings::default()
    };
    let engine = Engine::new(names_only, Dictionaries::builtin().unwrap());
    let mut speakers = 0;
    for path in samples() {
        let name = path.to_string_lossy().to_string();
        let checked = engine
            .check_bytes(&name, &fs::read(&path).unwrap())
            .unwrap();
        for f in &checked.findings {
            assert_eq!(f.rule.code(), "N005", "{name}: {f:?}");
            assert_ne!(f.status, Status::Applied, "{name}: {f:?}");
            speakers += 1;
        }
        assert_eq!(checked.output, checked.doc.text, "{name}: a name changed");
    }
    assert!(
        speakers > 0,
        "no N005 suggestion left: is the test still looking?"
    );
}
