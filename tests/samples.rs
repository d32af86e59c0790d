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

/// With the built-in dictionaries, `fix` turns every sample into exactly
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
