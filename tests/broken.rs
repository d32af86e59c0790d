//! Broken and hostile inputs: each is refused with the file, the line and
//! the reason, or handled as an editor would expect; nothing panics and
//! nothing is lost.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn capclean() -> Command {
    Command::cargo_bin("capclean").expect("binary builds")
}

fn fix(dir: &Path, name: &str) -> assert_cmd::assert::Assert {
    capclean()
        .current_dir(dir)
        .args(["fix", name, "-o", "out"])
        .assert()
}

fn read(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap()
}

/// Exit code for inputs that could not be checked.
const INPUT_ERROR: i32 = 2;

#[test]
fn empty_and_whitespace_only_files_are_checked() {
    let tmp = TempDir::new().unwrap();
    fs::write(tmp.path().join("empty.txt"), b"").unwrap();
    fs::write(tmp.path().join("blank.txt"), b"   \n\t\n  \n").unwrap();
    fix(tmp.path(), "empty.txt")
        .success()
        .stderr(predicate::str::contains("empty.txt: empty file"));
    assert_eq!(read(tmp.path(), "out/empty.txt"), "");
    fix(tmp.path(), "blank.txt").success();
    // Trailing whitespace goes (a tab alone is trailing too); the lines stay.
    assert_eq!(read(tmp.path(), "out/blank.txt"), "\n\n\n");
}

#[test]
fn binary_data_and_utf16_without_a_bom_are_refused_with_their_line() {
    let tmp = TempDir::new().unwrap();
    fs::write(
        tmp.path().join("bin.txt"),
        b"line one\nline two\x00\x01\x02\n",
    )
    .unwrap();
    let utf16: Vec<u8> = "Hello there\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(tmp.path().join("utf16.txt"), utf16).unwrap();
    let binary: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 256) as u8).collect();
    fs::write(tmp.path().join("image.txt"), binary).unwrap();
    // A few stray control bytes in text are kept, and reported.
    fix(tmp.path(), "bin.txt")
        .success()
        .stderr(predicate::str::contains(
            "bin.txt: 3 control characters (NUL, …) in the text, kept as they are",
        ));
    assert_eq!(
        fs::read(tmp.path().join("out/bin.txt")).unwrap(),
        b"line one\nline two\x00\x01\x02\n"
    );
    fix(tmp.path(), "image.txt")
        .code(INPUT_ERROR)
        .stderr(predicate::str::contains("image.txt: binary data:"));
    fix(tmp.path(), "utf16.txt")
        .code(INPUT_ERROR)
        .stderr(predicate::str::contains(
            "utf16.txt: looks like UTF-16LE without a byte order mark (a NUL byte in every other place); pass --encoding utf-16le to read it",
        ));
    assert!(
        !tmp.path().join("out/image.txt").exists(),
        "no output for a refused input"
    );
    // Told the encoding, it reads, and is written back as it was.
    let mut cmd = Command::cargo_bin("capclean").unwrap();
    cmd.current_dir(tmp.path())
        .args(["fix", "utf16.txt", "--encoding", "utf-16le", "-o", "out16"])
        .assert()
        .success();
    assert_eq!(
        fs::read(tmp.path().join("out16/utf16.txt")).unwrap(),
        fs::read(tmp.path().join("utf16.txt")).unwrap()
    );
}

#[test]
fn invalid_utf8_in_the_middle_names_its_line_and_byte() {
    let tmp = TempDir::new().unwrap();
    fs::write(
        tmp.path().join("a.txt"),
        b"caf\xc3\xa9 is fine\nthis \xff is not\n",
    )
    .unwrap();
    fix(tmp.path(), "a.txt")
        .code(INPUT_ERROR)
        .stderr(predicate::str::contains(
            "a.txt: invalid UTF-8 at line 2 (byte 20) in text that is otherwise UTF-8 (1 bad sequence, 1 valid UTF-8 character); repair the bytes, or pass --encoding NAME",
        ));
}

#[test]
fn a_200_mb_single_line_is_checked_in_parts_and_kept_whole() {
    let tmp = TempDir::new().unwrap();
    let sentence = "We agree on the plan and the dates for the report. ";
    let mut line = String::with_capacity(200 << 20);
    line.push_str("Opening -- the line starts. ");
    while line.len() < 200 << 20 {
        line.push_str(sentence);
    }
    line.push_str("It ends -- here");
    fs::write(tmp.path().join("long.txt"), &line).unwrap();
    fix(tmp.path(), "long.txt").success();
    let out = fs::read(tmp.path().join("out/long.txt")).unwrap();
    assert!(!out.contains(&b'\n'), "still one line");
    let expected = line.replacen(" -- ", " \u{2014} ", 2);
    assert!(
        out.len() == expected.len() && out == expected.as_bytes(),
        "both dashes fixed, nothing else"
    );
    let review = read(tmp.path(), "out/review.csv");
    assert_eq!(review.lines().count(), 3, "two findings: {review}");
    assert!(review.contains(",long.txt,1,8,1,12,"), "{review}");
}

#[test]
fn a_million_tiny_cues() {
    let tmp = TempDir::new().unwrap();
    let mut srt = String::with_capacity(40 << 20);
    for i in 1..=1_000_000u32 {
        let (s, ms) = (i / 1000, i % 1000);
        srt.push_str(&format!(
            "{i}\n00:{:02}:{:02},{ms:03} --> 00:{:02}:{:02},{ms:03}\nok\n\n",
            s / 60 % 60,
            s % 60,
            s / 60 % 60,
            s % 60
        ));
    }
    srt.push_str("1000001\n05:00:00,000 --> 05:00:01,000\nthe last -- cue\n");
    fs::write(tmp.path().join("many.srt"), &srt).unwrap();
    fix(tmp.path(), "many.srt").success();
    let review = read(tmp.path(), "out/review.csv");
    assert_eq!(review.lines().count(), 2, "{review}");
    assert!(
        review.contains(",many.srt,4000003,9,4000003,13,\"05:00:00,000\","),
        "{review}"
    );
    assert_eq!(
        read(tmp.path(), "out/many.srt"),
        srt.replace("last -- cue", "last \u{2014} cue")
    );
}

#[test]
fn damaged_subtitles_are_read_leniently_and_nothing_outside_cues_changes() {
    let tmp = TempDir::new().unwrap();
    // Missing numbers, a timing that does not parse, overlapping cues, and
    // no blank line at the end.
    let srt = "00:00:01,000 --> 00:00:03,000\nfirst -- cue\n\n\
               2\n00:00:02,000 --> 00:00:04,000\noverlapping -- cue\n\n\
               3\n00:00:05,000 -> broken\nnot a cue -- left alone\n\n\
               00:00:06,000 --> 00:00:07,000\nlast -- cue";
    fs::write(tmp.path().join("bad.srt"), srt).unwrap();
    fix(tmp.path(), "bad.srt").success();
    assert_eq!(
        read(tmp.path(), "out/bad.srt"),
        srt.replace("first -- cue", "first \u{2014} cue")
            .replace("overlapping -- cue", "overlapping \u{2014} cue")
            .replace("last -- cue", "last \u{2014} cue")
    );
    let vtt = "WEBVTT\n\nNOTE a -- note\n\nSTYLE\n::cue { content: \"a -- b\" }\n\n\
               intro\n00:01.000 --> 00:02.000 align:start position:10%\n<v Ana>well -- yes\n";
    fs::write(tmp.path().join("a.vtt"), vtt).unwrap();
    fix(tmp.path(), "a.vtt").success();
    assert_eq!(
        read(tmp.path(), "out/a.vtt"),
        vtt.replace("well -- yes", "well \u{2014} yes")
    );
}

#[test]
fn mixed_line_endings_are_kept_line_by_line() {
    let tmp = TempDir::new().unwrap();
    let text = "one -- a\r\ntwo -- b\nthree -- c\r\n";
    fs::write(tmp.path().join("mixed.txt"), text).unwrap();
    fix(tmp.path(), "mixed.txt").success();
    assert_eq!(
        read(tmp.path(), "out/mixed.txt"),
        text.replace(" -- ", " \u{2014} ")
    );
}

#[test]
fn large_and_odd_rosters() {
    let tmp = TempDir::new().unwrap();
    let mut roster = capclean_corpus::roster_csv(100_000, 9);
    roster.push_str("Ivonne Xochiquetzal,\"Chair, \"\"Panel A\"\"\"\n");
    fs::write(tmp.path().join("big.csv"), &roster).unwrap();
    fs::write(tmp.path().join("a.txt"), "Mr. Xochiquetsal spoke.\n").unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "a.txt", "-o", "out", "--roster", "big.csv"])
        .assert()
        .success();
    assert_eq!(read(tmp.path(), "out/a.txt"), "Mr. Xochiquetzal spoke.\n");
    let review = read(tmp.path(), "out/review.csv");
    assert!(
        review.contains("Chair, \"\"Panel A\"\""),
        "the quoted role: {review}"
    );

    // A header repeated inside the file is a row with the name "name":
    // refused, with its line.
    fs::write(
        tmp.path().join("dup.csv"),
        "name,role\nAna Silva,chair\nname,role\n",
    )
    .unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "a.txt", "-o", "out2", "--roster", "dup.csv"])
        .assert()
        .code(INPUT_ERROR)
        .stderr(predicate::str::contains("dup.csv:3:"));
}

#[test]
fn formulas_from_captions_and_rosters_are_neutralised_in_the_review_list() {
    let tmp = TempDir::new().unwrap();
    fs::write(
        tmp.path().join("roster.csv"),
        "name,misheard\n\"=HYPERLINK(\"\"http://x.example\"\")\",Hyperlinc\n",
    )
    .unwrap();
    fs::write(
        tmp.path().join("a.txt"),
        ">> =CMD|'/c calc'!A1: @SUM(1) (?) and +2 -- done\nHyperlinc said (inaudible)\n",
    )
    .unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "a.txt", "-o", "out", "--roster", "roster.csv"])
        .assert()
        .success();
    let review = read(tmp.path(), "out/review.csv");
    let mut reader = csv::Reader::from_reader(review.trim_start_matches('\u{feff}').as_bytes());
    let mut cells = 0;
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            cells += 1;
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
    assert!(cells > 30, "{review}");
    assert!(review.contains("'=HYPERLINK"), "{review}");
}

#[test]
fn a_review_list_row_for_a_missing_file_is_reported_and_the_rest_applied() {
    let tmp = TempDir::new().unwrap();
    fs::write(tmp.path().join("a.txt"), "well -- yes\n").unwrap();
    fs::write(tmp.path().join("b.txt"), "fine -- too\n").unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["fix", "a.txt", "b.txt", "--review", "review.csv", "--diff"])
        .assert()
        .success();
    fs::remove_file(tmp.path().join("b.txt")).unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["apply", "review.csv", "-o", "out"])
        .assert()
        .code(INPUT_ERROR)
        .stderr(predicate::str::contains("b.txt").and(predicate::str::contains("review.csv:3")));
    assert_eq!(read(tmp.path(), "out/a.txt"), "well \u{2014} yes\n");
}

#[test]
fn the_benchmark_generators_dictionaries_load_whole() {
    let roster = capclean::dict::Roster::parse(
        std::path::Path::new("r.csv"),
        &capclean_corpus::roster_csv(1000, 1),
    )
    .unwrap();
    assert_eq!(roster.people.len(), 1000);
    let glossary = capclean::dict::Glossary::parse(
        std::path::Path::new("g.csv"),
        &capclean_corpus::glossary_csv(500, 1),
    )
    .unwrap();
    assert_eq!(glossary.terms.len(), 500);
}
