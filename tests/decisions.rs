//! Nothing the editor did is ever lost, and empty work is no success:
//! decided review lists are never overwritten, raw inputs never written
//! over, a review list saved in a legacy code page is caught, `apply`
//! reports every bad row at once, and Ctrl-C leaves no temporary file.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn capclean() -> Command {
    Command::cargo_bin("capclean").expect("binary builds")
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

const TALK: &str = ">> ANA SILVA: Thank you. The values (?) matter , really.\nWe have ‑‑ no time,none  at all (inaudible) today.\n";

/// `fix talks -o fixed` in `dir`; returns the review list's rows (header first).
fn fix(dir: &Path) -> Vec<Vec<String>> {
    capclean()
        .current_dir(dir)
        .args(["fix", "talks", "-o", "fixed", "-q"])
        .assert()
        .success();
    rows(&dir.join("fixed/review.csv"))
}

fn rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = fs::read(path).unwrap();
    let text =
        String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).into_owned();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn save(path: &Path, rows: &[Vec<String>]) {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_path(path)
        .unwrap();
    for row in rows {
        w.write_record(row).unwrap();
    }
    w.flush().unwrap();
}

fn col(rows: &[Vec<String>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn talks(dir: &Path) {
    write(dir, "talks/a.txt", TALK.as_bytes());
}

#[test]
fn a_review_list_with_decisions_is_never_overwritten() {
    let tmp = TempDir::new().unwrap();
    talks(tmp.path());
    let mut list = fix(tmp.path());
    let decision = col(&list, "decision");
    list[1][decision] = "reject".into();
    list[2][decision] = "accept".into();
    let review = tmp.path().join("fixed/review.csv");
    save(&review, &list);
    let decided = fs::read(&review).unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "talks", "-o", "fixed"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "fixed/review.csv holds 2 decisions; apply them first",
        ))
        .stderr(predicate::str::contains("--force"));
    assert_eq!(fs::read(&review).unwrap(), decided, "the decisions stay");
    // With --force the old list is kept beside the new one.
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "talks", "-o", "fixed", "--force"])
        .assert()
        .success()
        .stderr(predicate::str::contains("kept as fixed/review.old-1.csv"));
    assert_eq!(
        fs::read(tmp.path().join("fixed/review.old-1.csv")).unwrap(),
        decided
    );
    // An undecided list is simply replaced.
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "talks", "-o", "fixed", "-q"])
        .assert()
        .success();
}

#[test]
fn outputs_never_land_among_the_inputs() {
    let tmp = TempDir::new().unwrap();
    talks(tmp.path());
    for out in ["talks", "talks/out"] {
        capclean()
            .current_dir(tmp.path())
            .args(["fix", "talks", "-o", out])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("lies inside, the input folder"));
    }
    assert!(!tmp.path().join("talks/review.csv").exists());
    assert!(!tmp.path().join("talks/out").exists());
    fix(tmp.path());
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "fixed/review.csv", "-o", "talks"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("lies inside, the input folder"));
    assert_eq!(
        fs::read_to_string(tmp.path().join("talks/a.txt")).unwrap(),
        TALK
    );
}

#[test]
fn a_forced_format_reads_a_file_of_another_extension() {
    // The refusals themselves are CLI cases as data: tests/cmd/refusals.trycmd.
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "in/a.ass", b"[Script Info] one  two\n");
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "in/a.ass", "--format", "cart", "-o", "out", "-q"])
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(tmp.path().join("out/a.ass")).unwrap(),
        "[Script Info] one two\n"
    );
}

#[test]
fn apply_reports_every_bad_row_in_one_pass() {
    let tmp = TempDir::new().unwrap();
    talks(tmp.path());
    let mut list = fix(tmp.path());
    assert!(list.len() >= 5, "{list:?}");
    let (decision, status) = (col(&list, "decision"), col(&list, "status"));
    list[1][decision] = "maybe".into();
    list[2][status] = "done".into();
    list[3].truncate(5); // a row that lost cells
    save(&tmp.path().join("bad.csv"), &list);
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "bad.csv", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.csv:2: unknown decision `maybe`",
        ))
        .stderr(predicate::str::contains("bad.csv:3: unknown status `done`"))
        .stderr(predicate::str::contains(
            "bad.csv:4: the row has 5 cells where the header has 17",
        ))
        .stderr(predicate::str::contains(
            "3 rows cannot be read; nothing was written",
        ));
    assert!(!tmp.path().join("out").exists());
    // No decision column: nothing to apply, said so.
    let mut no_decision = fix_rows_without(&list, "decision");
    no_decision.truncate(2);
    save(&tmp.path().join("nodec.csv"), &no_decision);
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "nodec.csv", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no `decision` column"));
}

fn fix_rows_without(rows: &[Vec<String>], column: &str) -> Vec<Vec<String>> {
    let c = col(rows, column);
    rows.iter()
        .map(|r| {
            let mut r = r.clone();
            if c < r.len() {
                r.remove(c);
            }
            r
        })
        .collect()
}

#[test]
fn apply_counts_deleted_rows_and_warns_on_an_empty_accept() {
    let tmp = TempDir::new().unwrap();
    talks(tmp.path());
    let mut list = fix(tmp.path());
    let (decision, status) = (col(&list, "decision"), col(&list, "status"));
    let flagged = list
        .iter()
        .position(|r| r[status] == "flagged")
        .expect("a flagged row");
    list[flagged][decision] = "accept".into();
    // A row in the middle (rows deleted after the last one left cannot be
    // counted: nothing says how many there were).
    let middle = (1..list.len() - 1)
        .find(|&i| i != flagged)
        .expect("a row to delete");
    let deleted_id = list[middle][0].clone();
    list.remove(middle);
    save(&tmp.path().join("r.csv"), &list);
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "r.csv", "-o", "out"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "r.csv: 1 row deleted from the list (id {deleted_id}): their changes are not in the output"
        )))
        .stderr(predicate::str::contains(
            "`accept` on a flagged row with no suggestion changes nothing",
        ));
}

#[test]
fn apply_finds_the_inputs_from_another_folder() {
    let tmp = TempDir::new().unwrap();
    talks(tmp.path());
    fix(tmp.path());
    // Run from inside the output folder: the paths lead from its parent.
    capclean()
        .current_dir(tmp.path().join("fixed"))
        .args(["apply", "review.csv", "-o", "../published"])
        .assert()
        .success()
        .stderr(predicate::str::contains("reading the inputs from"));
    assert_eq!(
        fs::read(tmp.path().join("published/a.txt")).unwrap(),
        fs::read(tmp.path().join("fixed/a.txt")).unwrap()
    );
    // From a folder with no way to them: the message says where to run it.
    let elsewhere = TempDir::new().unwrap();
    fs::copy(
        tmp.path().join("fixed/review.csv"),
        elsewhere.path().join("review.csv"),
    )
    .unwrap();
    capclean()
        .current_dir(elsewhere.path())
        .args(["apply", "review.csv", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "run apply from the folder `fix` ran in (where talks/a.txt is)",
        ));
}

#[test]
fn a_review_list_saved_in_a_legacy_code_page_is_caught() {
    let tmp = TempDir::new().unwrap();
    // A name the roster spells with a letter Windows-1252 lacks, and a
    // non-breaking hyphen (U+2011) it lacks too.
    // A list of some length, as real ones are: the detector needs more
    // than a few characters to be sure of a code page.
    write(
        tmp.path(),
        "talks/a.txt",
        "Lukasz Nowak and the Under\u{2011}Secretary spoke. We thank Lukasz Nowak again, café crème.\n"
            .repeat(8)
            .as_bytes(),
    );
    write(
        tmp.path(),
        "roster.csv",
        "name,misheard\nŁukasz Nowak,Lukasz Nowak\n".as_bytes(),
    );
    capclean()
        .current_dir(tmp.path())
        .args([
            "fix",
            "talks",
            "-o",
            "fixed",
            "-q",
            "--roster",
            "roster.csv",
        ])
        .assert()
        .success();
    let list = rows(&tmp.path().join("fixed/review.csv"));
    assert!(
        list.iter().any(|r| r.iter().any(|c| c == "Łukasz Nowak")),
        "{list:?}"
    );
    // As a spreadsheet saves "CSV" in Windows-1252: what it lacks becomes `?`.
    let mut text = String::new();
    {
        let mut w = csv::Writer::from_writer(Vec::new());
        for row in &list {
            w.write_record(row).unwrap();
        }
        text.push_str(&String::from_utf8(w.into_inner().unwrap()).unwrap());
    }
    let lossy: String = text
        .chars()
        .map(|c| {
            if encoding_rs::WINDOWS_1252.encode(&c.to_string()).2 {
                '?'
            } else {
                c
            }
        })
        .collect();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&lossy);
    fs::write(tmp.path().join("legacy.csv"), &*bytes).unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "legacy.csv", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`?` stands for `\u{2011}`"))
        .stderr(predicate::str::contains(
            "the suggestion `?ukasz Nowak` may have lost characters",
        ))
        .stderr(predicate::str::contains("save it as CSV UTF-8"));
    assert!(!tmp.path().join("out/a.txt").exists(), "nothing published");
}

#[test]
fn a_changed_input_names_both_causes() {
    let tmp = TempDir::new().unwrap();
    talks(tmp.path());
    fix(tmp.path());
    write(
        tmp.path(),
        "talks/a.txt",
        TALK.replace("‑‑", "--").as_bytes(),
    );
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "fixed/review.csv", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the input changed since the review list was made, or this row's `original` cell was edited or re-encoded",
        ));
}

#[test]
fn a_replacement_the_code_page_cannot_hold_fails_that_file() {
    let tmp = TempDir::new().unwrap();
    let text = "Lukasz Nowak spoke, café crème, señor Muñoz, très bien.\n".repeat(3);
    write(
        tmp.path(),
        "talks/a.txt",
        &encoding_rs::WINDOWS_1252.encode(&text).0,
    );
    write(
        tmp.path(),
        "roster.csv",
        "name,misheard\nŁukasz Nowak,Lukasz Nowak\n".as_bytes(),
    );
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "talks", "-o", "fixed", "--roster", "roster.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "\"Ł\" (U+0141) at line 1, which windows-1252 cannot hold; nothing written for this file: pass --output-encoding utf-8",
        ));
    assert!(!tmp.path().join("fixed/a.txt").exists());
    capclean()
        .current_dir(tmp.path())
        .args([
            "fix",
            "talks",
            "-o",
            "utf8",
            "--roster",
            "roster.csv",
            "--output-encoding",
            "utf-8",
            "-q",
        ])
        .assert()
        .success();
    assert!(fs::read_to_string(tmp.path().join("utf8/a.txt"))
        .unwrap()
        .starts_with("Łukasz Nowak spoke"));
}

#[cfg(unix)]
#[test]
fn ctrl_c_leaves_no_temporary_file_and_says_what_was_written() {
    use std::process::{Command as Process, Stdio};
    use std::time::{Duration, Instant};
    let tmp = TempDir::new().unwrap();
    // Enough text that the run is still writing when interrupted.
    let line =
        "We have ‑‑ no time , really,and the values (?) matter a great deal to everybody here.\n";
    let big = line.repeat(400_000);
    write(tmp.path(), "talks/big.txt", big.as_bytes());
    let bin = assert_cmd::cargo::cargo_bin("capclean");
    let child = Process::new(bin)
        .current_dir(tmp.path())
        .args(["fix", "talks", "-o", "fixed", "-q"])
        .env("CAPCLEAN_PART_BYTES", "65536")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt once the output's temporary file exists.
    let started = Instant::now();
    let temporary = |dir: &Path| {
        fs::read_dir(dir).ok().is_some_and(|entries| {
            entries
                .filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().starts_with(".capclean-"))
        })
    };
    while !temporary(&tmp.path().join("fixed")) && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
    // SAFETY: kill(2) on our own child's pid.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT);
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted:"), "{stderr}");
    assert!(stderr.contains("not written: fixed/"), "{stderr}");
    assert!(
        !temporary(&tmp.path().join("fixed")),
        "a temporary file is left"
    );
    assert!(!temporary(&tmp.path().join("talks")));
    assert_eq!(
        fs::read(tmp.path().join("talks/big.txt")).unwrap(),
        big.as_bytes()
    );
}

#[test]
fn an_accepted_suggestion_wins_over_an_undecided_fix_it_overlaps() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "talks/a.txt",
        b"We discussed the  the plan today.\n",
    );
    let mut list = fix(tmp.path());
    let (rule, decision) = (col(&list, "rule"), col(&list, "decision"));
    let doubled = list
        .iter()
        .position(|r| r[rule] == "P009")
        .expect("P009 row");
    assert!(list.iter().any(|r| r[rule] == "P005"), "{list:?}");
    list[doubled][decision] = "accept".into();
    save(&tmp.path().join("r.csv"), &list);
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "r.csv", "-o", "out"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "the applied row yields to the accepted row on line {}",
            doubled + 1
        )));
    assert_eq!(
        fs::read_to_string(tmp.path().join("out/a.txt")).unwrap(),
        "We discussed the plan today.\n"
    );
}

#[test]
fn a_closed_stderr_stops_nothing() {
    use std::process::{Command as Process, Stdio};
    let tmp = TempDir::new().unwrap();
    talks(tmp.path());
    write(tmp.path(), "talks/b.ass", b"not a caption file");
    let bin = assert_cmd::cargo::cargo_bin("capclean");
    let mut child = Process::new(bin)
        .current_dir(tmp.path())
        .args(["fix", "talks", "talks/b.ass", "-o", "fixed"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take()); // as `2>&1 | head -1` does once it has its line
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2), "an error, not a panic");
    assert!(tmp.path().join("fixed/a.txt").exists());
    assert!(tmp.path().join("fixed/review.csv").exists());
}
