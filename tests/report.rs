//! The HTML report (`--report FILE`): its structure read back with an HTML
//! parser against the review list written in the same run, escaping of
//! hostile input, and a load in headless Chromium (skipped, saying so,
//! where `chromium` is missing; `.ci/run` installs it).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use scraper::{Html, Selector};
use tempfile::TempDir;

fn capclean() -> Command {
    Command::cargo_bin("capclean").expect("binary builds")
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

/// The review list as (id, kind, status) per row.
fn csv_rows(path: &Path) -> Vec<(String, String, String)> {
    let text = fs::read_to_string(path).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id, kind, status) = (col("id"), col("kind"), col("status"));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[id].to_owned(), r[kind].to_owned(), r[status].to_owned())
        })
        .collect()
}

/// Runs `fix` on the samples with `--report`; returns (tmp, report, review).
fn fixed_samples() -> (TempDir, PathBuf, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    let report = tmp.path().join("report.html");
    capclean()
        .current_dir(tmp.path())
        .arg("fix")
        .arg(samples())
        .arg("-o")
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .arg("-q")
        .arg("--roster")
        .arg(samples().join("roster.csv"))
        .assert()
        .success();
    (tmp, report, out.join("review.csv"))
}

#[test]
fn one_mark_per_row_with_the_csv_ids_kinds_and_statuses() {
    let (_tmp, report, review) = fixed_samples();
    let html = Html::parse_document(&fs::read_to_string(&report).unwrap());
    let rows = csv_rows(&review);
    assert!(rows.len() > 50, "the samples have findings");
    let marks: Vec<_> = html.select(&sel(".text .m, .unplaced .m")).collect();
    assert_eq!(marks.len(), rows.len());
    assert_eq!(html.select(&sel(".unplaced .m")).count(), 0);
    for (mark, (id, kind, status)) in marks.iter().zip(&rows) {
        let el = mark.value();
        assert_eq!(el.id(), Some(format!("f-{id}").as_str()));
        assert!(el.classes().any(|c| c == format!("k-{kind}")));
        assert!(el.classes().any(|c| c == format!("s-{status}")));
        assert_eq!(el.attr("tabindex"), Some("0"));
        assert!(el.attr("title").is_some_and(|t| !t.is_empty()));
        let label: String = mark.select(&sel(".id")).flat_map(|l| l.text()).collect();
        assert_eq!(&label, id);
        match status.as_str() {
            "applied" => assert!(mark.select(&sel("del, ins")).next().is_some()),
            "suggested" => assert!(mark.select(&sel("mark")).next().is_some()),
            _ => assert_eq!(mark.select(&sel("mark")).count(), 1),
        }
    }
    // Every flagged row is listed, linking to its mark.
    let flagged: Vec<_> = rows.iter().filter(|r| r.2 == "flagged").collect();
    let links: Vec<_> = html
        .select(&sel("#flagged tbody tr td:first-child a"))
        .map(|a| a.value().attr("href").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(links.len(), flagged.len());
    for (link, row) in links.iter().zip(flagged) {
        assert_eq!(link, &format!("#f-{}", row.0));
    }
}

#[test]
fn summary_counts_equal_the_review_list() {
    let (_tmp, report, review) = fixed_samples();
    let html = Html::parse_document(&fs::read_to_string(&report).unwrap());
    let rows = csv_rows(&review);
    let cell = |s: &str| -> usize {
        let text: String = html.select(&sel(s)).next().unwrap().text().collect();
        text.trim().parse().unwrap()
    };
    assert_eq!(cell("[data-count=files]"), 3);
    assert_eq!(cell("[data-count=findings]"), rows.len());
    let mut by: HashMap<(Option<&str>, Option<&str>), usize> = HashMap::new();
    for (_, kind, status) in &rows {
        *by.entry((Some(kind), Some(status))).or_default() += 1;
        *by.entry((Some(kind), None)).or_default() += 1;
        *by.entry((None, Some(status))).or_default() += 1;
    }
    for kind in ["punct", "inaudible", "name", "term"] {
        for status in ["applied", "suggested", "flagged"] {
            assert_eq!(
                cell(&format!("td[data-kind={kind}][data-status={status}]")),
                by.get(&(Some(kind), Some(status))).copied().unwrap_or(0),
                "{kind} {status}"
            );
        }
        assert_eq!(
            cell(&format!("td[data-kind={kind}]:not([data-status])")),
            by.get(&(Some(kind), None)).copied().unwrap_or(0)
        );
    }
    for status in ["applied", "suggested", "flagged"] {
        assert_eq!(
            cell(&format!("td[data-status={status}]:not([data-kind])")),
            by.get(&(None, Some(status))).copied().unwrap_or(0)
        );
    }
    assert_eq!(html.select(&sel("svg.chart rect.bar")).count(), 7);
}

#[test]
fn filters_and_one_script_no_network() {
    let (_tmp, report, _) = fixed_samples();
    let text = fs::read_to_string(&report).unwrap();
    let html = Html::parse_document(&text);
    let boxes: Vec<_> = html
        .select(&sel("#filters input[type=checkbox]"))
        .map(|b| b.value().attr("name").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        boxes,
        [
            "k-punct",
            "k-inaudible",
            "k-name",
            "k-term",
            "s-applied",
            "s-suggested",
            "s-flagged"
        ]
    );
    assert_eq!(html.select(&sel("script")).count(), 1);
    assert_eq!(
        html.select(&sel("script[src], link, img, iframe")).count(),
        0
    );
    // Links only within the page; the policy forbids loading anything.
    for a in html.select(&sel("[href]")) {
        assert!(a.value().attr("href").unwrap_or_default().starts_with('#'));
    }
    assert_eq!(html.select(&sel("[src], link")).count(), 0);
    let csp = html
        .select(&sel("meta[http-equiv=Content-Security-Policy]"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap_or_default();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
}

#[test]
fn input_text_and_names_are_escaped() {
    let tmp = TempDir::new().unwrap();
    let name = "a<b>'\"&.txt";
    let input = tmp.path().join(name);
    let hostile = "<script>alert(1)</script> said \"Jo\" & 'Al' <img src=x onerror=alert(2)> (?)\n\
                   >> <B>EVIL</B>: words here\n";
    fs::write(&input, hostile).unwrap();
    let report = tmp.path().join("r.html");
    capclean()
        .current_dir(tmp.path())
        .args(["check", name, "--report", "r.html", "-q"])
        .assert()
        .code(1);
    let text = fs::read_to_string(&report).unwrap();
    let html = Html::parse_document(&text);
    let scripts: Vec<_> = html.select(&sel("script")).collect();
    assert_eq!(scripts.len(), 1, "only capclean's own script");
    assert!(!scripts[0].text().collect::<String>().contains("alert"));
    assert_eq!(html.select(&sel("img, b")).count(), 0);
    let shown: String = html.select(&sel(".text")).flat_map(|t| t.text()).collect();
    assert!(shown.contains("<script>alert(1)</script> said \"Jo\" & 'Al' <img"));
    let heading: String = html
        .select(&sel(".file h2"))
        .flat_map(|t| t.text())
        .collect();
    assert!(heading.contains(name), "{heading}");
    assert!(html.select(&sel(".s-flagged")).next().is_some());
}

#[test]
fn report_may_not_be_the_review_list_or_an_input() {
    let tmp = TempDir::new().unwrap();
    fs::write(tmp.path().join("a.txt"), "Some (?) text\n").unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "a.txt", "-o", "out", "--report", "out/review.csv"])
        .assert()
        .code(2);
    capclean()
        .current_dir(tmp.path())
        .args(["check", "a.txt", "--report", "a.txt"])
        .assert()
        .code(2);
    assert_eq!(
        fs::read_to_string(tmp.path().join("a.txt")).unwrap(),
        "Some (?) text\n"
    );
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|bin| {
            Process::new(bin)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

#[test]
fn report_loads_in_headless_chromium_without_errors() {
    let Some(bin) = chromium() else {
        println!("skipped: chromium not installed");
        return;
    };
    let tmp = TempDir::new().unwrap();
    let report = tmp.path().join("report.html");
    capclean()
        .arg("check")
        .arg(samples().join("plenary-day1.txt"))
        .arg("--report")
        .arg(&report)
        .arg("-q")
        .arg("--roster")
        .arg(samples().join("roster.csv"))
        .assert()
        .code(1);
    let marks = Html::parse_document(&fs::read_to_string(&report).unwrap())
        .select(&sel(".m"))
        .count();
    let output = Process::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            &format!("--user-data-dir={}", tmp.path().join("profile").display()),
            "--dump-dom",
        ])
        .arg(format!("file://{}", report.display()))
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "chromium failed");
    let stderr = String::from_utf8_lossy(&output.stderr);
    for bad in ["Uncaught", "CONSOLE", "Content Security Policy"] {
        assert!(!stderr.contains(bad), "{bad} in chromium's log:\n{stderr}");
    }
    let dom = String::from_utf8_lossy(&output.stdout);
    let html = Html::parse_document(&dom);
    let body = html.select(&sel("body")).next().expect("a body");
    assert_eq!(body.value().attr("data-ready"), Some("1"), "the script ran");
    assert_eq!(
        body.value().attr("data-marks"),
        Some(marks.to_string().as_str())
    );
    assert_eq!(html.select(&sel(".m")).count(), marks);
}
