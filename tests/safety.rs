//! Nothing lost, nothing written where it should not be: atomic outputs
//! under a kill, symbolic links and `..` in paths.

use std::fs;
use std::process::{Command, Stdio};
use std::time::Duration;

use tempfile::TempDir;

fn capclean() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("capclean").expect("binary builds")
}

#[test]
fn in_place_killed_mid_run_leaves_the_old_file_or_the_new_one() {
    let tmp = TempDir::new().unwrap();
    let raw = capclean_corpus::cart(24 << 20, 8);
    let path = tmp.path().join("big.txt");
    // The finished output, for comparison.
    fs::write(&path, &raw).unwrap();
    let fixed = capclean()
        .current_dir(tmp.path())
        .args(["fix", "big.txt", "--stdout", "-q"])
        .output()
        .unwrap()
        .stdout;
    assert_ne!(fixed, raw.as_bytes(), "the corpus has fixes");
    let mut outcomes = (0, 0);
    for delay_ms in [30, 120, 300, 600, 1200, 2500] {
        fs::write(&path, &raw).unwrap();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("capclean"))
            .current_dir(tmp.path())
            .args(["fix", "big.txt", "--in-place", "-q"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL: no chance to clean up
        let _ = child.wait();
        let now = fs::read(&path).unwrap();
        if now == raw.as_bytes() {
            outcomes.0 += 1;
        } else {
            assert!(
                now == fixed,
                "killed after {delay_ms} ms: a half-written file"
            );
            outcomes.1 += 1;
        }
    }
    assert!(
        outcomes.0 > 0,
        "some kills land before the rename: {outcomes:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_in_the_output_directory_is_not_followed_out_of_it() {
    let tmp = TempDir::new().unwrap();
    let outside = tmp.path().join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::create_dir_all(tmp.path().join("in/day1")).unwrap();
    fs::write(tmp.path().join("in/day1/a.txt"), "well -- yes\n").unwrap();
    fs::create_dir_all(tmp.path().join("out")).unwrap();
    std::os::unix::fs::symlink(&outside, tmp.path().join("out/day1")).unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "in", "-o", "out"])
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "leads out of the output directory",
        ));
    assert_eq!(
        fs::read_dir(&outside).unwrap().count(),
        0,
        "nothing written outside"
    );
}

#[cfg(unix)]
#[test]
fn in_place_refuses_a_symbolic_link_and_leaves_both_alone() {
    let tmp = TempDir::new().unwrap();
    fs::write(tmp.path().join("real.txt"), "well -- yes\n").unwrap();
    std::os::unix::fs::symlink("real.txt", tmp.path().join("link.txt")).unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "link.txt", "--in-place"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("link.txt: is a symbolic link"));
    let meta = fs::symlink_metadata(tmp.path().join("link.txt")).unwrap();
    assert!(meta.file_type().is_symlink());
    assert_eq!(
        fs::read_to_string(tmp.path().join("real.txt")).unwrap(),
        "well -- yes\n"
    );
}

#[test]
fn inputs_given_with_dot_dot_land_inside_the_output_directory() {
    let tmp = TempDir::new().unwrap();
    fs::create_dir_all(tmp.path().join("work")).unwrap();
    fs::create_dir_all(tmp.path().join("talks")).unwrap();
    fs::write(tmp.path().join("talks/a.txt"), "well -- yes\n").unwrap();
    capclean()
        .current_dir(tmp.path().join("work"))
        .args(["fix", "../talks/a.txt", "../talks/../talks", "-o", "out"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("would both be written to"));
    capclean()
        .current_dir(tmp.path().join("work"))
        .args(["fix", "../talks/a.txt", "-o", "out"])
        .assert()
        .success();
    assert!(tmp.path().join("work/out/a.txt").exists());
    let entries: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        entries.len(),
        2,
        "nothing new beside the inputs: {entries:?}"
    );
}

#[test]
fn a_hostile_review_list_cannot_send_output_above_the_directory() {
    let tmp = TempDir::new().unwrap();
    fs::create_dir_all(tmp.path().join("a/b")).unwrap();
    fs::write(tmp.path().join("a/x.txt"), "well -- yes\n").unwrap();
    let review = "file,line,column,end_line,end_column,status,original,suggestion,decision\n\
                  ../x.txt,1,5,1,9,applied, -- , — ,\n";
    fs::write(tmp.path().join("a/b/review.csv"), review).unwrap();
    // (The output folder may not lie inside the input's folder `a`.)
    capclean()
        .current_dir(tmp.path().join("a/b"))
        .args(["apply", "review.csv", "-o", "../../published"])
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(tmp.path().join("published/x.txt")).unwrap(),
        "well — yes\n"
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("a/x.txt")).unwrap(),
        "well -- yes\n"
    );
}
