//! CLI behaviour of `fix`, `check` and `rules`, run on the built binary.

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

const CART: &str = ">> ANA SILVA: Thank you. The values (?) matter.\nMore text (inaudible) here.\n";

#[test]
fn fix_directory_mirrors_tree_and_writes_review_list() {
    let tmp = TempDir::new().unwrap();
    let talks = tmp.path().join("talks");
    write(&talks, "day1/a.txt", CART.as_bytes());
    write(&talks, "day1/notes.md", b"not an input");
    let out = tmp.path().join("out");
    capclean()
        .arg("fix")
        .arg(&talks)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(out.join("day1/a.txt")).unwrap(), CART);
    assert!(!out.join("day1/notes.md").exists());
    let review = fs::read_to_string(out.join("review.csv")).unwrap();
    assert!(review.starts_with("\u{feff}id,file,line,column,end_line,end_column,time,speaker,rule,kind,status,original,suggestion,confidence,context,decision"));
    assert_eq!(review.lines().count(), 3, "{review}");
    assert!(review.contains("ANA SILVA,I001,inaudible,flagged,(?),"));
}

#[test]
fn file_input_is_written_under_its_name() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "talks/day1/a.txt", CART.as_bytes());
    let out = tmp.path().join("out");
    capclean()
        .arg("fix")
        .arg(tmp.path().join("talks/day1/a.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert!(out.join("a.txt").exists());
}

#[test]
fn colliding_outputs_are_refused_before_writing() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "x/a.txt", b"one\n");
    write(tmp.path(), "y/a.txt", b"two\n");
    let out = tmp.path().join("out");
    capclean()
        .arg("fix")
        .arg(tmp.path().join("x/a.txt"))
        .arg(tmp.path().join("y/a.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would both be written to"));
    assert!(!out.exists());
}

#[test]
fn output_over_an_input_is_refused() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", CART.as_bytes());
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "a.txt", "-o", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the output folder is, or lies inside, the input folder",
        ));
    assert_eq!(fs::read_to_string(tmp.path().join("a.txt")).unwrap(), CART);
}

#[test]
fn fix_without_a_target_says_how() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", CART.as_bytes());
    capclean()
        .arg("fix")
        .arg(tmp.path().join("a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "-o DIR, --in-place, --stdout or --diff",
        ));
}

#[test]
fn check_exits_one_on_findings_and_zero_when_clean() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", CART.as_bytes());
    write(tmp.path(), "clean.txt", b">> ANA SILVA: All good.\n");
    capclean()
        .arg("check")
        .arg(tmp.path().join("a.txt"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "a.txt:1:37: I001 [flagged] \"(?)\"",
        ));
    capclean()
        .arg("check")
        .arg(tmp.path().join("clean.txt"))
        .assert()
        .code(0)
        .stdout("");
    assert_eq!(
        fs::read_dir(tmp.path()).unwrap().count(),
        2,
        "check wrote nothing"
    );
}

#[test]
fn stdin_goes_to_stdout() {
    capclean()
        .args(["fix", "-", "-q"])
        .write_stdin(CART)
        .assert()
        .success()
        .stdout(CART)
        .stderr("");
}

#[test]
fn in_place_rewrites_only_changed_inputs_and_keeps_the_review_list_apart() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", CART.as_bytes());
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "--in-place", "a.txt", "-q"])
        .assert()
        .success();
    assert_eq!(fs::read_to_string(tmp.path().join("a.txt")).unwrap(), CART);
    assert!(tmp.path().join("review.csv").exists());
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".capclean-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn diff_writes_nothing() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", CART.as_bytes());
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "--diff", "a.txt", "-q"])
        .assert()
        .success();
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn bad_inputs_are_named_and_the_rest_still_processed() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("in");
    write(&dir, "binary.txt", b"\x00\x01\x02garbage\x00");
    write(&dir, "mixed.txt", b"caf\xc3\xa9\nline two \xff\n");
    write(&dir, "empty.txt", b"");
    write(&dir, "good.txt", CART.as_bytes());
    let out = tmp.path().join("out");
    capclean()
        .arg("fix")
        .arg(&dir)
        .arg(tmp.path().join("missing.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "binary.txt: binary data: 4 control bytes (the first at line 1)",
        ))
        .stderr(predicate::str::contains(
            "mixed.txt: invalid UTF-8 at line 2",
        ))
        .stderr(predicate::str::contains(
            "missing.txt: no such file or directory",
        ))
        .stderr(predicate::str::contains("empty.txt: empty file"));
    assert_eq!(fs::read_to_string(out.join("good.txt")).unwrap(), CART);
    assert_eq!(fs::read(out.join("empty.txt")).unwrap(), b"");
    assert!(!out.join("binary.txt").exists());
    assert!(out.join("review.csv").exists());
}

#[test]
fn unreadable_directory_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = TempDir::new().unwrap();
    let root = tmp.path();
    let locked = root.join("in/locked");
    write(&locked, "a.txt", CART.as_bytes());
    write(root, "in/ok.txt", CART.as_bytes());
    for dir in [root, &root.join("in")] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o777)).unwrap();
    }
    fs::set_permissions(root.join("in/ok.txt"), fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let out = root.join("out");
    // Root ignores permissions, so run as an unprivileged user there.
    let mut cmd = if fs::read_dir(&locked).is_ok() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        c.arg(assert_cmd::cargo::cargo_bin("capclean"));
        c
    } else {
        capclean()
    };
    let assert = cmd
        .arg("fix")
        .arg(root.join("in"))
        .arg("-o")
        .arg(&out)
        .assert();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert.code(2).stderr(predicate::str::contains(
        "locked: cannot read directory: permission denied",
    ));
    assert!(out.join("ok.txt").exists());
}

#[test]
fn rules_lists_and_explains() {
    capclean()
        .arg("rules")
        .assert()
        .success()
        .stdout(predicate::str::contains("I001  inaudible-marker"));
    capclean()
        .args(["rules", "I002"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Fix safety"));
    capclean().args(["rules", "Z999"]).assert().code(2);
}

#[test]
fn unknown_selector_and_bad_threshold_are_usage_errors() {
    capclean()
        .args(["check", "-", "--select", "Q1"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `Q1`"));
    capclean()
        .args(["check", "-", "--auto-threshold", "1.5"])
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn bad_roster_names_file_and_line() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "r.csv", b"name,role\nAna,chair\n,nobody\n");
    capclean()
        .args(["check", "-", "--roster"])
        .arg(tmp.path().join("r.csv"))
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("r.csv:3: empty `name`"));
}

#[test]
fn config_file_is_found_upward_and_flags_win() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "capclean.toml",
        b"ignore = [\"I\"]\ndash-style = \"em\"\n",
    );
    write(tmp.path(), "talks/a.txt", "one ‑‑ two (?)\n".as_bytes());
    let talks = tmp.path().join("talks");
    capclean()
        .current_dir(&talks)
        .args(["fix", "--stdout", "-q", "a.txt"])
        .assert()
        .success()
        .stdout("one—two (?)\n");
    capclean()
        .current_dir(&talks)
        .args([
            "check",
            "-q",
            "a.txt",
            "--ignore",
            "P",
            "--dash-style",
            "spaced-em",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("I001"));
    write(tmp.path(), "other.toml", b"dash-style = \"wavy\"\n");
    capclean()
        .current_dir(&talks)
        .args(["check", "a.txt", "--config", "../other.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown dash style `wavy`"));
}

#[test]
fn new_outputs_are_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "in/a.txt", CART.as_bytes());
    let out = tmp.path().join("out");
    capclean()
        .arg("fix")
        .arg(tmp.path().join("in"))
        .arg("-o")
        .arg(&out)
        .arg("-q")
        .assert()
        .success();
    for name in ["a.txt", "review.csv"] {
        let mode = fs::metadata(out.join(name)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{name}");
    }
}

/// Runs `fix` on `dir/name` into `out` with parts of `part` bytes (0: whole).
fn fix_in_parts(dir: &Path, name: &str, out: &Path, part: usize) {
    let mut cmd = capclean();
    if part > 0 {
        cmd.env("CAPCLEAN_PART_BYTES", part.to_string());
    }
    cmd.arg("fix")
        .arg(dir.join(name))
        .arg("-o")
        .arg(out)
        .arg("-q")
        .assert()
        .success();
}

#[test]
fn a_file_checked_in_parts_gives_the_same_output_and_review_list() {
    let tmp = TempDir::new().unwrap();
    let cart = capclean_corpus::cart(120_000, 5);
    let mut srt = String::new();
    for (i, line) in cart.lines().take(400).enumerate() {
        srt.push_str(&format!(
            "{}\r\n00:00:{:02},000 --> 00:00:{:02},500\r\n{line}\r\n\r\n",
            i + 1,
            i % 60,
            i % 60
        ));
    }
    write(tmp.path(), "in/a.txt", cart.as_bytes());
    write(tmp.path(), "in/b.srt", srt.as_bytes());
    for name in ["a.txt", "b.srt"] {
        let whole = tmp.path().join(format!("whole-{name}"));
        let parts = tmp.path().join(format!("parts-{name}"));
        fix_in_parts(&tmp.path().join("in"), name, &whole, 0);
        fix_in_parts(&tmp.path().join("in"), name, &parts, 5_000);
        for file in [name, "review.csv"] {
            let (a, b) = (
                fs::read(whole.join(file)).unwrap(),
                fs::read(parts.join(file)).unwrap(),
            );
            assert!(a == b, "{name}: {file} differs when checked in parts");
        }
        let review = fs::read_to_string(whole.join("review.csv")).unwrap();
        assert!(review.lines().count() > 100, "{name}: {review}");
    }
}

#[test]
fn in_place_in_parts_rewrites_only_a_changed_file() {
    let tmp = TempDir::new().unwrap();
    let clean = "A clean line of text.\n".repeat(2_000);
    write(tmp.path(), "clean.txt", clean.as_bytes());
    write(
        tmp.path(),
        "raw.txt",
        "well -- yes\n".repeat(2_000).as_bytes(),
    );
    let before = fs::metadata(tmp.path().join("clean.txt"))
        .unwrap()
        .modified()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    capclean()
        .env("CAPCLEAN_PART_BYTES", "4096")
        .current_dir(tmp.path())
        .args(["fix", "clean.txt", "raw.txt", "--in-place", "-q"])
        .assert()
        .success();
    let after = fs::metadata(tmp.path().join("clean.txt"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after, "an unchanged file is not rewritten");
    assert_eq!(
        fs::read_to_string(tmp.path().join("raw.txt")).unwrap(),
        "well \u{2014} yes\n".repeat(2_000)
    );
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".capclean-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}
