//! The review list through a real spreadsheet program: LibreOffice Calc
//! opens the CSV, saves it as .xlsx, and saves that again as CSV with
//! semicolons, as a European-locale editor would; `apply` on the result
//! gives the expected output. Skipped (and says so) where `soffice` is
//! missing; `.ci/run` installs it.

use std::fs;
use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use tempfile::TempDir;

fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|bin| {
        Process::new(bin)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn calc(bin: &str, dir: &Path, args: &[&str]) {
    let status = Process::new(bin)
        .args([
            "--headless",
            "--norestore",
            &format!("-env:UserInstallation=file://{}/profile", dir.display()),
        ])
        .args(args)
        .status()
        .expect("soffice runs");
    assert!(status.success(), "soffice {args:?} failed");
}

/// Saves `csv` through Calc as .xlsx and back as a semicolon CSV; returns its path.
fn through_calc(bin: &str, dir: &Path, csv: &Path) -> std::path::PathBuf {
    let xlsx_dir = dir.join("xlsx");
    let csv_dir = dir.join("csv");
    calc(
        bin,
        dir,
        &[
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "xlsx",
            "--outdir",
            &xlsx_dir.to_string_lossy(),
            &csv.to_string_lossy(),
        ],
    );
    let stem = csv.file_stem().unwrap().to_string_lossy().to_string();
    let xlsx = xlsx_dir.join(format!("{stem}.xlsx"));
    assert!(xlsx.exists());
    calc(
        bin,
        dir,
        &[
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):59,34,76,1",
            "--outdir",
            &csv_dir.to_string_lossy(),
            &xlsx.to_string_lossy(),
        ],
    );
    let saved = csv_dir.join(format!("{stem}.csv"));
    assert!(
        fs::read_to_string(&saved)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .contains(';'),
        "saved with semicolons"
    );
    saved
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
fn a_review_list_saved_by_libreoffice_calc_applies() {
    let Some(bin) = soffice() else {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
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
    Command::cargo_bin("capclean")
        .unwrap()
        .current_dir(dir)
        .args(["fix", "talks", "-o", "fixed", "-q", "--roster"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/roster.csv"))
        .assert()
        .success();

    // Nothing decided: the output is `fix`'s.
    let saved = through_calc(bin, &dir.join("undecided"), &dir.join("fixed/review.csv"));
    Command::cargo_bin("capclean")
        .unwrap()
        .current_dir(dir)
        .arg("apply")
        .arg(&saved)
        .args(["-o", "out1", "-q"])
        .assert()
        .success();
    same_files(&dir.join("out1"), &dir.join("fixed"));

    // Everything rejected: the inputs come back byte for byte.
    let text = fs::read_to_string(dir.join("fixed/review.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let decision = headers.iter().position(|h| h == "decision").unwrap();
    let mut writer = csv::Writer::from_path(dir.join("rejected.csv")).unwrap();
    writer.write_record(&headers).unwrap();
    for record in reader.records() {
        let mut row: Vec<String> = record.unwrap().iter().map(str::to_owned).collect();
        row[decision] = "reject".into();
        writer.write_record(&row).unwrap();
    }
    writer.flush().unwrap();
    let saved = through_calc(bin, &dir.join("rejected"), &dir.join("rejected.csv"));
    Command::cargo_bin("capclean")
        .unwrap()
        .current_dir(dir)
        .arg("apply")
        .arg(&saved)
        .args(["-o", "out2", "-q"])
        .assert()
        .success();
    same_files(&dir.join("out2"), &talks);
}
