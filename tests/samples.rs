//! Whole outputs on the shipped samples: a snapshot of what `fix` changes
//! (as a diff) and of the review list, and the idempotence of `fix`.

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
    Engine::new(Settings::default(), Dictionaries::builtin().unwrap())
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
        let twice = engine.check_bytes(&name, &once.output_bytes()).unwrap();
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

/// Everything in the expected (publishable) versions that is not a name
/// or term correction is what `fix` produces: line by line, a line of the
/// output differs from the expected one only where the expected line
/// corrects a name or term (checked by the names and terms stages).
#[test]
fn punctuation_output_matches_the_expected_versions_outside_names_and_terms() {
    let engine = engine();
    let expected_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected");
    for path in samples() {
        let name = path.file_name().unwrap().to_owned();
        let checked = engine
            .check_bytes(&name.to_string_lossy(), &fs::read(&path).unwrap())
            .unwrap();
        let expected = fs::read_to_string(expected_dir.join(&name)).unwrap();
        let out_lines: Vec<&str> = checked.output.split_inclusive('\n').collect();
        let exp_lines: Vec<&str> = expected.split_inclusive('\n').collect();
        assert_eq!(out_lines.len(), exp_lines.len(), "{name:?}: line count");
        for (i, (o, e)) in out_lines.iter().zip(&exp_lines).enumerate() {
            if o == e {
                continue;
            }
            // Same words apart from names and terms: the punctuation agrees.
            let punct = |s: &str| {
                s.chars()
                    .filter(|c| !c.is_alphanumeric() && *c != ' ')
                    .collect::<String>()
            };
            let spaces = |s: &str| s.split(' ').count();
            assert!(
                punct(o).replace(['-', '\u{2011}'], "") == punct(e).replace(['-', '\u{2011}'], "")
                    && spaces(o).abs_diff(spaces(e)) <= 2,
                "{name:?} line {}:\n  got:      {o}\n  expected: {e}",
                i + 1
            );
        }
    }
}
