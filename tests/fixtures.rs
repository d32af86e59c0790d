//! Other projects' subtitle test files (`tests/fixtures/external/`, each
//! folder with its source and licence): whatever they hold, capclean never
//! panics, is the identity with every rule off, never touches a timing
//! line, cue number, header, NOTE/STYLE/REGION block or tag, and a second
//! run changes nothing. Refusals are the expected ones, for the stated
//! reason.

use std::fs;
use std::path::{Path, PathBuf};

use capclean::dict::Dictionaries;
use capclean::rules::RuleSet;
use capclean::text::{decode_with, OutputEncoding};
use capclean::{Engine, Settings, Status};

/// Files refused, and a part of the reason each must give.
const REFUSED: &[(&str, &str)] = &[
    // One cue of Cyrillic in UTF-16 ... no: see the test's output for the list.
];

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/external");
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("srt" | "vtt" | "txt")
            ) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn name(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/external");
    path.strip_prefix(&root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The lines of `text` that are structure, not caption text: timing lines
/// (any line holding `-->`), cue numbers, the WebVTT header block, and
/// NOTE, STYLE and REGION blocks. Told from the text alone, without
/// capclean's readers.
fn structure(text: &str, vtt: bool) -> Vec<usize> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    let mut block_kind: Option<&str> = None;
    let mut header = vtt;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_end_matches('\r');
        if t.trim().is_empty() {
            block_kind = None;
            header = false;
            continue;
        }
        let block_start = i == 0 || lines[i - 1].trim().is_empty();
        if block_start && vtt {
            for kw in ["NOTE", "STYLE", "REGION"] {
                if t.starts_with(kw) && t[kw.len()..].chars().next().is_none_or(char::is_whitespace)
                {
                    block_kind = Some(kw);
                }
            }
        }
        let next_is_timing = lines.get(i + 1).is_some_and(|n| n.contains("-->"));
        let number =
            !t.is_empty() && t.trim().bytes().all(|b| b.is_ascii_digit()) && next_is_timing;
        if t.contains("-->") || number || block_kind.is_some() || header {
            out.push(i);
        }
    }
    out
}

/// The tags of a line, in order.
fn tags(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        out.push(&rest[open..open + close + 1]);
        rest = &rest[open + close + 1..];
    }
    out
}

#[test]
fn other_projects_subtitle_files_are_never_damaged() {
    let all = Engine::new(Settings::default(), Dictionaries::builtin().unwrap());
    let none = Engine::new(
        Settings {
            rules: RuleSet::empty(),
            ..Settings::default()
        },
        Dictionaries::builtin().unwrap(),
    );
    let files = fixtures();
    assert!(files.len() >= 100, "{} fixture files", files.len());
    let mut refused = Vec::new();
    let mut changed_files = 0;
    let mut applied = 0;
    for path in &files {
        let file = name(path);
        let bytes = fs::read(path).unwrap();
        let vtt = file.ends_with(".vtt");
        let checked = match all.check_bytes(&file, &bytes) {
            Ok(c) => c,
            Err(e) => {
                // Refused by both engines alike, before any rule runs.
                assert!(none.check_bytes(&file, &bytes).is_err(), "{file}");
                refused.push((file.clone(), e.to_string()));
                continue;
            }
        };
        // Every rule off: the input, byte for byte.
        let off = none.check_bytes(&file, &bytes).unwrap();
        assert_eq!(
            off.output_bytes(OutputEncoding::Input).unwrap(),
            bytes,
            "{file}: not the identity with every rule off"
        );
        let output = checked
            .output_bytes(OutputEncoding::Input)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        if output != bytes {
            changed_files += 1;
        }
        applied += checked
            .findings
            .iter()
            .filter(|f| f.status == Status::Applied)
            .count();
        // Structure and tags unchanged, line by line.
        let before = &checked.doc.text;
        let after = decode_with(&output, None)
            .map(|d| d.text)
            .unwrap_or_else(|e| panic!("{file}: the output does not read back: {e}"));
        let (lines_before, lines_after): (Vec<&str>, Vec<&str>) =
            (before.split('\n').collect(), after.split('\n').collect());
        assert_eq!(lines_before.len(), lines_after.len(), "{file}: line count");
        for i in structure(before, vtt) {
            assert_eq!(
                lines_before[i],
                lines_after[i],
                "{file}: line {} is structure and changed",
                i + 1
            );
        }
        for (i, (a, b)) in lines_before.iter().zip(&lines_after).enumerate() {
            assert_eq!(tags(a), tags(b), "{file}: a tag changed on line {}", i + 1);
        }
        // A second run changes nothing.
        let again = all.check_bytes(&file, &output).unwrap();
        assert_eq!(
            again.output_bytes(OutputEncoding::Input).unwrap(),
            output,
            "{file}: a second run changed the output"
        );
    }
    eprintln!(
        "{} files: {} refused, {} changed, {applied} applied findings",
        files.len(),
        refused.len(),
        changed_files
    );
    for (file, reason) in &refused {
        eprintln!("refused {file}: {reason}");
    }
    let expected: Vec<(&str, &str)> = REFUSED.to_vec();
    assert_eq!(
        refused.len(),
        expected.len(),
        "refused files differ from the expected: {refused:#?}"
    );
    for ((file, reason), (want_file, want_reason)) in refused.iter().zip(&expected) {
        assert_eq!(file, want_file);
        assert!(reason.contains(want_reason), "{file}: {reason}");
    }
}
