//! Losslessness and determinism: with every rule off the output is the
//! input byte for byte (UTF-8) or text for text (other encodings), for every
//! format; and the thread count never changes the result.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use capclean::formats::{Document, Format};
use capclean::pipeline::Settings;
use capclean::rules::RuleSet;
use capclean::text::SourceEncoding;
use capclean::Engine;
use proptest::prelude::*;
use tempfile::TempDir;

mod common;

fn capclean() -> Command {
    Command::cargo_bin("capclean").expect("binary builds")
}

const SRT: &str = "1\n00:00:01,000 --> 00:00:03,500\n>> ANA SILVA: Hello,everyone  (?)\n\n2\n00:00:04,000 --> 00:00:06,000\nthe high\u{2011}level panel ‑‑ yes\n";
const VTT: &str = "WEBVTT\n\nNOTE kept as is\n\n1\n00:00:01.000 --> 00:00:03.500 align:start\n<v Ana Silva>Hello,everyone (inaudible)</v>\n";
const CART: &str = ">> ANA SILVA: Thank you , Chair.  The values (?) matter\u{2011}a lot ‑‑\n(Applause)\n>> Second speaker\n";

fn ignore_all(input: &Path, out: &Path) {
    capclean()
        .arg("fix")
        .arg(input)
        .args(["--ignore", "ALL", "-q", "-o"])
        .arg(out)
        .assert()
        .success();
}

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"))
            .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
    files.retain(|p| {
        p.extension()
            .is_some_and(|e| e == "txt" || e == "srt" || e == "vtt")
    });
    files.sort();
    files
}

#[test]
fn every_sample_round_trips_with_all_rules_off() {
    let samples = samples();
    assert!(samples.len() >= 3, "the samples are missing");
    for sample in samples {
        let tmp = TempDir::new().unwrap();
        ignore_all(&sample, tmp.path());
        let name = sample.file_name().unwrap();
        assert_eq!(
            fs::read(tmp.path().join(name)).unwrap(),
            fs::read(&sample).unwrap(),
            "{sample:?}"
        );
    }
}

#[test]
fn every_encoding_round_trips_and_converts_to_utf8_when_asked() {
    let tmp = TempDir::new().unwrap();
    let crlf = CART.replace('\n', "\r\n");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(SRT.encode_utf16().flat_map(u16::to_le_bytes));
    let legacy = "Julián said “yes” – fine, café crème, señor Muñoz.\r\n".repeat(3);
    // (name, input, the same text in UTF-8 as --output-encoding utf-8 writes it)
    let cases: Vec<(&str, Vec<u8>, Vec<u8>)> = vec![
        ("crlf.txt", crlf.clone().into_bytes(), crlf.into_bytes()),
        (
            "bom.vtt",
            [b"\xEF\xBB\xBF".as_slice(), VTT.as_bytes()].concat(),
            [b"\xEF\xBB\xBF".as_slice(), VTT.as_bytes()].concat(),
        ),
        (
            "crlf.srt",
            SRT.replace('\n', "\r\n").into_bytes(),
            SRT.replace('\n', "\r\n").into_bytes(),
        ),
        (
            "wide.srt",
            utf16,
            [b"\xEF\xBB\xBF".as_slice(), SRT.as_bytes()].concat(),
        ),
        (
            "legacy.txt",
            encoding_rs::WINDOWS_1252.encode(&legacy).0.into_owned(),
            legacy.clone().into_bytes(),
        ),
    ];
    for (name, input, utf8) in cases {
        let dir = tmp.path().join(name.replace('.', "-"));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(name), &input).unwrap();
        // Outputs beside the input's folder, never inside it.
        let out = tmp.path().join(format!("out-{name}"));
        ignore_all(&dir.join(name), &out);
        assert_eq!(fs::read(out.join(name)).unwrap(), input, "{name}");
        let converted = tmp.path().join(format!("utf8-{name}"));
        capclean()
            .arg("fix")
            .arg(dir.join(name))
            .args(["--ignore", "ALL", "-q", "--output-encoding", "utf-8", "-o"])
            .arg(&converted)
            .assert()
            .success();
        assert_eq!(fs::read(converted.join(name)).unwrap(), utf8, "{name}");
    }
}

#[test]
fn thread_count_does_not_change_the_result() {
    let tmp = TempDir::new().unwrap();
    let input = tmp.path().join("in");
    for i in 0..120 {
        let (ext, body) = match i % 3 {
            0 => ("txt", CART),
            1 => ("srt", SRT),
            _ => ("vtt", VTT),
        };
        let dir = input.join(format!("day{}", i % 7));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(format!("f{i:03}.{ext}")), body.repeat(1 + i % 5)).unwrap();
    }
    let run = |threads: &str| {
        let out = tmp.path().join(format!("out{threads}"));
        capclean()
            .arg("fix")
            .arg(&input)
            .args(["-q", "-j", threads, "-o"])
            .arg(&out)
            .assert()
            .success();
        out
    };
    let one = run("1");
    let two = run("2");
    let mut compared = 0;
    for entry in walkdir::WalkDir::new(&one).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&one).unwrap();
            assert_eq!(
                fs::read(entry.path()).unwrap(),
                fs::read(two.join(rel)).unwrap(),
                "{rel:?}"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 121);
}

#[test]
fn inputs_that_fuzzing_found_not_idempotent_are_now() {
    // The pipeline target's regression seeds: its first byte picks the
    // format, the rest is the input, decoded as the CLI would.
    let engine = Engine::new(Settings::default(), common::with_sample_roster());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/pipeline");
    let mut seen = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("regression-")
        {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        let Some((&pick, rest)) = bytes.split_first() else {
            continue;
        };
        let format = [Format::Cart, Format::Srt, Format::Vtt][usize::from(pick % 3)];
        let Ok(decoded) = capclean::text::decode(rest) else {
            continue;
        };
        let once =
            engine.check_document(Document::parse(decoded.text, format), SourceEncoding::Utf8);
        let twice = engine.check_document(
            Document::parse(once.output.clone(), format),
            SourceEncoding::Utf8,
        );
        assert_eq!(twice.output, once.output, "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 3, "the regression seeds are read ({seen})");
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "word",
        "Name",
        " ",
        "  ",
        ",",
        ", ",
        ";",
        "\n",
        "\r\n",
        ">> ",
        ">> ANA SILVA:",
        "(?)",
        "(inaudible)",
        "‑‑",
        "--",
        "\u{2011}",
        "é",
        "4, 500",
        "3,14",
        "(Applause)",
        "U.N.",
        ".",
        " ?",
        "00:00:01,000 --> 00:00:02,000",
        "WEBVTT",
        "<i>",
        "</i>",
        "<v Ana>",
        "&amp;",
        "\t",
        "(phonetic)",
        "1",
        "500",
        "12",
        "Ã©",
        "â€™",
        "the the",
        "?",
        "!",
        ":",
        "...",
        "https://x.org/a,b",
        "a@b.org",
        "'",
        "\u{2010}",
        "—",
        "$",
        "items",
        "and",
        "Undesa",
        "stock taking",
        "multi\u{2011}stakeholder",
        "multi stake holder",
        "Markovsky",
        "Mr. ",
        "Julian",
        "Casasbuenas",
        "Ingrid Baskez Moreau",
        "Secretary General",
        "forth industrial revolution",
        "Okafore's",
        ">> PETRA LINDQUIST:",
        "Will",
        "Grace",
        "Tilan Nguyen",
        "St. Claire",
        "IGF",
        "igf",
        "President Marcon",
        "Mr. Brown",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn all_rules_off_is_identity(text in text_strategy(), format in prop::sample::select(vec![Format::Cart, Format::Srt, Format::Vtt])) {
        let settings = Settings { rules: RuleSet::empty(), ..Settings::default() };
        let engine = Engine::new(settings, Default::default());
        let checked = engine.check_document(Document::parse(text.clone(), format), SourceEncoding::Utf8);
        prop_assert_eq!(checked.output, text);
        prop_assert!(checked.findings.is_empty());
    }

    #[test]
    fn a_second_run_changes_nothing(text in text_strategy(), format in prop::sample::select(vec![Format::Cart, Format::Srt, Format::Vtt])) {
        let engine = Engine::new(Settings::default(), common::with_sample_roster());
        let once = engine.check_document(Document::parse(text, format), SourceEncoding::Utf8);
        let twice = engine.check_document(Document::parse(once.output.clone(), format), SourceEncoding::Utf8);
        let again: Vec<_> = twice.findings.iter().filter(|f| f.status == capclean::Status::Applied).collect();
        prop_assert!(again.is_empty(), "second run on {:?} applied {:?}", once.output, again);
        prop_assert_eq!(twice.output, once.output);
    }

    #[test]
    fn findings_lie_inside_segments_on_char_boundaries(text in text_strategy(), format in prop::sample::select(vec![Format::Cart, Format::Srt, Format::Vtt])) {
        let engine = Engine::new(Settings::default(), Default::default());
        let checked = engine.check_document(Document::parse(text.clone(), format), SourceEncoding::Utf8);
        for f in &checked.findings {
            prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
            prop_assert!(checked.doc.segments.iter().any(|s| s.range.start <= f.range.start && f.range.end <= s.range.end),
                "finding {:?} outside every segment", f);
        }
    }
}

/// `text` checked with every rule, the built-in dictionaries and the
/// samples' roster, its review
/// list written and read back, with row `i` accepted where `accept[i]`
/// (cycled) and rejected otherwise.
fn decided(
    text: &str,
    format: Format,
    accept: &[bool],
) -> (capclean::Checked, Vec<capclean::review::ReviewedRow>) {
    use capclean::review::{read_review, rows_for, write_review, Decision};
    let engine = Engine::new(Settings::default(), common::with_sample_roster());
    let checked = engine.check_document(
        Document::parse(text.to_owned(), format),
        SourceEncoding::Utf8,
    );
    let mut csv = Vec::new();
    write_review(&mut csv, &rows_for("a.txt", &checked, 1)).unwrap();
    let mut rows = read_review(Path::new("review.csv"), &csv).unwrap();
    for (i, row) in rows.iter_mut().enumerate() {
        row.decision = if accept
            .get(i % accept.len().max(1))
            .copied()
            .unwrap_or(false)
        {
            Decision::Accept
        } else {
            Decision::Reject
        };
    }
    (checked, rows)
}

proptest! {
    #[test]
    fn rejecting_every_row_reproduces_the_input(text in text_strategy(), format in prop::sample::select(vec![Format::Cart, Format::Srt, Format::Vtt])) {
        let (checked, rows) = decided(&text, format, &[false]);
        let refs: Vec<_> = rows.iter().collect();
        let applied = capclean::review::apply_rows(Path::new("review.csv"), "a.txt", text.as_bytes(), &refs, Default::default()).unwrap();
        prop_assert_eq!(rows.len(), checked.findings.len());
        prop_assert_eq!(String::from_utf8(applied.output).unwrap(), text);
    }

    #[test]
    fn accepted_edits_are_final_whatever_else_is_rejected(
        text in text_strategy(),
        format in prop::sample::select(vec![Format::Cart, Format::Srt, Format::Vtt]),
        accept in prop::collection::vec(any::<bool>(), 1..12),
    ) {
        let (checked, rows) = decided(&text, format, &accept);
        let refs: Vec<_> = rows.iter().collect();
        let result = capclean::review::apply_rows(Path::new("review.csv"), "a.txt", text.as_bytes(), &refs, Default::default());
        // Accepting two rows that overlap is refused, naming both: not a subset to apply.
        if let Err(errors) = &result {
            for e in errors {
                prop_assert!(e.to_string().contains("overlaps the row on line"), "{}", e);
            }
        }
        prop_assume!(result.is_ok());
        let output = String::from_utf8(result.unwrap().output).unwrap();
        // Where each accepted edit now stands in the output.
        let mut edits: Vec<_> = checked
            .findings
            .iter()
            .zip(&rows)
            .filter(|(_, r)| r.applies())
            .map(|(f, r)| (f.range.clone(), r.suggestion.len()))
            .collect();
        edits.sort_by_key(|(r, _)| r.start);
        let mut shift: isize = 0;
        let mut spans = Vec::new();
        for (range, len) in edits {
            let start = (range.start as isize + shift) as usize;
            spans.push(start..start + len);
            shift += len as isize - range.len() as isize;
        }
        prop_assert_eq!(shift, output.len() as isize - text.len() as isize);
        // A second `fix` proposes nothing on an accepted edit.
        let engine = Engine::new(Settings::default(), common::with_sample_roster());
        let again = engine.check_document(Document::parse(output.clone(), format), SourceEncoding::Utf8);
        for f in again.findings.iter().filter(|f| f.status == capclean::Status::Applied) {
            // An insertion touches an edit strictly inside it; a
            // replacement, when the two share a character.
            let touches = spans.iter().any(|s| {
                if f.range.is_empty() {
                    s.start < f.range.start && f.range.start < s.end
                } else {
                    f.range.start < s.end && s.start < f.range.end
                }
            });
            prop_assert!(!touches, "second run changes an accepted edit: {:?} in {:?}", f, output);
        }
    }
}
