//! The editor's round trip: `fix` -> review.csv -> decisions -> `apply`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn capclean() -> Command {
    Command::cargo_bin("capclean").expect("binary builds")
}

/// Copies the samples into `dir/talks` and runs `fix` there; returns the
/// review list as rows of cells (header first).
fn fix_samples(dir: &Path) -> Vec<Vec<String>> {
    let talks = dir.join("talks");
    fs::create_dir_all(&talks).unwrap();
    for name in ["plenary-day1.txt", "panel-clip.srt", "webinar.vtt"] {
        fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("samples")
                .join(name),
            talks.join(name),
        )
        .unwrap();
    }
    capclean()
        .current_dir(dir)
        .args(["fix", "talks", "-o", "fixed", "-q", "--roster"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/roster.csv"))
        .assert()
        .success();
    read_csv(&fs::read(dir.join("fixed/review.csv")).unwrap(), b',')
}

fn read_csv(bytes: &[u8], sep: u8) -> Vec<Vec<String>> {
    let text =
        String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).into_owned();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn write_csv(path: &Path, rows: &[Vec<String>], sep: u8) {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(sep)
        .from_path(path)
        .unwrap();
    for row in rows {
        writer.write_record(row).unwrap();
    }
    writer.flush().unwrap();
}

fn col(rows: &[Vec<String>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}') == name)
        .unwrap()
}

fn set_all(rows: &mut [Vec<String>], column: &str, value: &str) {
    let c = col(rows, column);
    for row in rows.iter_mut().skip(1) {
        row[c] = value.to_owned();
    }
}

fn apply(dir: &Path, review: &Path, out: &str) -> PathBuf {
    capclean()
        .current_dir(dir)
        .arg("apply")
        .arg(review)
        .args(["-o", out])
        .assert()
        .success();
    dir.join(out)
}

fn same_files(a: &Path, b: &Path) {
    for name in ["plenary-day1.txt", "panel-clip.srt", "webinar.vtt"] {
        assert_eq!(
            fs::read(a.join(name)).unwrap(),
            fs::read(b.join(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn rejecting_everything_reproduces_the_inputs() {
    let tmp = TempDir::new().unwrap();
    let mut rows = fix_samples(tmp.path());
    assert!(rows.len() > 100);
    set_all(&mut rows, "decision", "reject");
    write_csv(&tmp.path().join("reviewed.csv"), &rows, b',');
    let out = apply(tmp.path(), &tmp.path().join("reviewed.csv"), "out");
    same_files(&out, &tmp.path().join("talks"));
}

#[test]
fn deciding_nothing_reproduces_fix() {
    let tmp = TempDir::new().unwrap();
    fix_samples(tmp.path());
    let out = apply(tmp.path(), &tmp.path().join("fixed/review.csv"), "out");
    same_files(&out, &tmp.path().join("fixed"));
}

#[test]
fn an_edited_suggestion_is_what_gets_written() {
    let tmp = TempDir::new().unwrap();
    let mut rows = fix_samples(tmp.path());
    let (orig, sugg, dec, status) = (
        col(&rows, "original"),
        col(&rows, "suggestion"),
        col(&rows, "decision"),
        col(&rows, "status"),
    );
    let row = rows
        .iter()
        .position(|r| r[orig] == "(?)" && r[status] == "flagged")
        .unwrap();
    rows[row][sugg] = "values".into();
    rows[row][dec] = "Yes".into();
    write_csv(&tmp.path().join("reviewed.csv"), &rows, b',');
    let out = apply(tmp.path(), &tmp.path().join("reviewed.csv"), "out");
    let file = &rows[row][col(&rows, "file")];
    let name = Path::new(file).file_name().unwrap();
    let written = fs::read_to_string(out.join(name)).unwrap();
    let fixed = fs::read_to_string(tmp.path().join("fixed").join(name)).unwrap();
    assert_eq!(
        written.matches("(?)").count() + 1,
        fixed.matches("(?)").count()
    );
    assert!(written.contains("values"));
}

#[test]
fn survives_what_spreadsheets_do() {
    let tmp = TempDir::new().unwrap();
    let mut rows = fix_samples(tmp.path());
    set_all(&mut rows, "decision", "n");
    // Columns reordered, one added, numbers reformatted, rows reversed.
    let header = rows.remove(0);
    rows.reverse();
    let conf = header.iter().position(|h| h == "confidence").unwrap();
    for row in rows.iter_mut() {
        row[conf] = row[conf].trim_end_matches('0').to_owned();
        row.push("my note".into());
    }
    let mut all = vec![header
        .iter()
        .cloned()
        .chain(["editor".to_string()])
        .collect::<Vec<_>>()];
    all.extend(rows);
    for row in all.iter_mut() {
        row.swap(0, 5);
    }
    // Semicolons and CRLF, then re-encoded as UTF-16 and as Windows-1252.
    let semicolon = tmp.path().join("semicolon.csv");
    write_csv(&semicolon, &all, b';');
    let text = fs::read_to_string(&semicolon)
        .unwrap()
        .replace('\n', "\r\n");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(tmp.path().join("utf16.csv"), utf16).unwrap();
    let (cp1252, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    let variants: Vec<&str> = if lossy {
        vec!["semicolon.csv", "utf16.csv"]
    } else {
        vec!["semicolon.csv", "utf16.csv", "cp1252.csv"]
    };
    fs::write(tmp.path().join("cp1252.csv"), &*cp1252).unwrap();
    for name in variants {
        let out = apply(tmp.path(), &tmp.path().join(name), &format!("out-{name}"));
        same_files(&out, &tmp.path().join("talks"));
    }
}

#[test]
fn a_changed_input_is_refused_naming_the_row() {
    let tmp = TempDir::new().unwrap();
    fix_samples(tmp.path());
    let talk = tmp.path().join("talks/plenary-day1.txt");
    let text = fs::read_to_string(&talk).unwrap();
    fs::write(&talk, format!("An added first line.\n{text}")).unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "fixed/review.csv", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("fixed/review.csv:"))
        .stderr(predicate::str::contains("talks/plenary-day1.txt: "))
        .stderr(predicate::str::contains(
            "changed since the review list was made",
        ));
    assert!(
        tmp.path().join("out/panel-clip.srt").exists(),
        "other inputs are still applied"
    );
}

#[test]
fn unknown_decisions_and_missing_inputs_are_errors() {
    let tmp = TempDir::new().unwrap();
    let mut rows = fix_samples(tmp.path());
    let dec = col(&rows, "decision");
    rows[3][dec] = "maybe".into();
    write_csv(&tmp.path().join("reviewed.csv"), &rows, b',');
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "reviewed.csv", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "reviewed.csv:4: unknown decision `maybe`",
        ));
    fs::remove_file(tmp.path().join("talks/webinar.vtt")).unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "fixed/review.csv", "-o", "out2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "talks/webinar.vtt: cannot read the input: no such file or directory",
        ));
}

#[test]
fn in_place_applies_to_the_inputs() {
    let tmp = TempDir::new().unwrap();
    fix_samples(tmp.path());
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "fixed/review.csv", "--in-place", "-q"])
        .assert()
        .success();
    same_files(&tmp.path().join("talks"), &tmp.path().join("fixed"));
}
