//! A large input checked in parts gives exactly what a whole-file check
//! gives: the same output and the same findings at the same places.

use std::io::Cursor;
use std::path::Path;

use capclean::dict::{Dictionaries, Roster};
use capclean::formats::{Document, Format};
use capclean::pipeline::parts::{Parted, Piece};
use capclean::text::SourceEncoding;
use capclean::{Engine, Settings, Status};
use capclean_corpus as corpus;

fn engine() -> Engine {
    let mut dictionaries = Dictionaries::builtin().unwrap();
    dictionaries
        .roster
        .extend(Roster::parse(Path::new("roster.csv"), &corpus::roster_csv(500, 3)).unwrap());
    Engine::new(Settings::default(), dictionaries)
}

/// Cues of the corpus's lines, as SRT or VTT.
fn subtitles(format: Format, bytes: usize, seed: u64) -> String {
    let mut out = String::new();
    if format == Format::Vtt {
        out.push_str("WEBVTT\n\nNOTE generated\n\n");
    }
    let sep = if format == Format::Vtt { '.' } else { ',' };
    for (i, line) in corpus::cart(bytes, seed).lines().enumerate() {
        if format == Format::Srt {
            out.push_str(&format!("{}\n", i + 1));
        }
        let (m, s) = (i / 60, i % 60);
        out.push_str(&format!(
            "00:{m:02}:{s:02}{sep}000 --> 00:{m:02}:{s:02}{sep}900\n{line}\n\n"
        ));
    }
    out
}

/// A finding as the review list shows it: span, rule, replacement, status,
/// note, and the speaker of its turn.
type Seen = (
    std::ops::Range<usize>,
    &'static str,
    String,
    Status,
    String,
    Option<String>,
);

fn speaker_at(doc: &Document, offset: usize) -> Option<String> {
    doc.segment_at(offset)
        .and_then(|s| doc.speaker(s))
        .map(str::to_owned)
}

fn whole(engine: &Engine, text: &str, format: Format) -> (String, Vec<Seen>) {
    let checked = engine.check_document(
        Document::parse(text.to_owned(), format),
        SourceEncoding::Utf8,
    );
    let seen = checked
        .findings
        .iter()
        .map(|f| {
            (
                f.range.clone(),
                f.rule.code(),
                f.replacement.clone(),
                f.status,
                f.note.to_string(),
                speaker_at(&checked.doc, f.range.start),
            )
        })
        .collect();
    (checked.output, seen)
}

fn parted(engine: &Engine, name: &str, text: &str, part: usize) -> (String, Vec<Seen>, usize) {
    let mut output = String::new();
    let mut seen = Vec::new();
    let mut offset = 0;
    let mut lines = 0;
    let mut parts = 0;
    let mut covered = 0;
    let result = engine
        .check_parts(name, Cursor::new(text.as_bytes()), part, |p: Piece| {
            assert_eq!(p.line_base, lines, "line count before part {parts}");
            assert_eq!(p.first, parts == 0);
            // The pieces of a part cover it in order.
            assert_eq!(p.span.start, covered, "part {parts}");
            covered = p.span.end;
            for f in &p.findings {
                assert!(p.span.start <= f.range.start && f.range.end <= p.span.end);
                seen.push((
                    offset + f.range.start..offset + f.range.end,
                    f.rule.code(),
                    f.replacement.clone(),
                    f.status,
                    f.note.to_string(),
                    speaker_at(p.doc, f.range.start),
                ));
            }
            let mut written = Vec::new();
            p.write_output(&mut written).unwrap();
            assert_eq!(written, p.output().into_bytes(), "written as built");
            assert_eq!(p.changed(), p.output() != p.doc.text[p.span.clone()]);
            output.push_str(&p.output());
            if p.ends_part() {
                offset += p.doc.text.len();
                lines += p.doc.text.matches('\n').count();
                parts += 1;
                covered = 0;
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(result, Parted::Done(SourceEncoding::Utf8));
    (output, seen, parts)
}

#[test]
fn parts_of_a_transcript_or_subtitles_give_the_whole_file_result() {
    let engine = engine();
    let inputs = [
        ("a.txt", Format::Cart, corpus::cart(300_000, 11)),
        ("a.srt", Format::Srt, subtitles(Format::Srt, 200_000, 12)),
        ("a.vtt", Format::Vtt, subtitles(Format::Vtt, 200_000, 13)),
    ];
    for (name, format, text) in &inputs {
        let want = parts_give_the_whole_result(&engine, name, text, *format, &[4_000, 50_000]);
        assert!(want.len() > 100, "{name}: the corpus has work to do");
        assert!(
            want.iter().any(|f| f.1.starts_with('N')),
            "{name}: names are part of it"
        );
    }
}

/// Checks `text` whole and in parts of each size: the same findings (with
/// the same speakers) and the same output. Returns the findings.
fn parts_give_the_whole_result(
    engine: &Engine,
    name: &str,
    text: &str,
    format: Format,
    sizes: &[usize],
) -> Vec<Seen> {
    let (want_output, want) = whole(engine, text, format);
    for &part in sizes {
        let (output, got, parts) = parted(engine, name, text, part);
        assert!(parts > 3, "{name}: {parts} parts of {part} bytes");
        assert_eq!(got.len(), want.len(), "{name} in parts of {part}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{name} in parts of {part}");
        }
        assert!(
            output == want_output,
            "{name} in parts of {part}: output differs"
        );
    }
    want
}

fn assert_parts_give_the_whole_result(engine: &Engine, name: &str, text: &str, format: Format) {
    parts_give_the_whole_result(engine, name, text, format, &[3_000, 7_000]);
}

#[test]
fn a_turn_longer_than_a_part_keeps_its_speaker_across_parts() {
    let engine = engine();
    // One turn label in twelve: most turns run over several parts.
    let mut cart = String::new();
    for (i, line) in corpus::cart(120_000, 21).lines().enumerate() {
        match line.strip_prefix(">> ").and_then(|l| l.split_once(':')) {
            Some((_, body)) if i % 12 != 0 => cart.push_str(body),
            _ => cart.push_str(line),
        }
        cart.push('\n');
    }
    let (_, want) = whole(&engine, &cart, Format::Cart);
    let spoken = want.iter().filter(|f| f.5.is_some()).count();
    assert!(
        spoken > want.len() / 2,
        "{spoken} of {} have a speaker",
        want.len()
    );
    assert_parts_give_the_whole_result(&engine, "long.txt", &cart, Format::Cart);
    // The same with a voice tag opening each WebVTT turn.
    let vtt = subtitles(Format::Vtt, 60_000, 22).replace(">> ", "<v Moderator>");
    assert_parts_give_the_whole_result(&engine, "voices.vtt", &vtt, Format::Vtt);
}

#[test]
fn mojibake_in_later_parts_and_in_a_carried_label_reads_as_in_the_whole_file() {
    let engine = engine();
    // Mojibake in running text, and in the label of turns that run on.
    let cart = corpus::cart(60_000, 23)
        .replace(" access ", " acc\u{c3}\u{a9}ss ")
        .replace(">> DRAGAN MARKOVSKI:", ">> DRAG\u{c3}\u{81}N MARKOVSKI:");
    assert!(cart.contains("DRAG\u{c3}\u{81}N"));
    assert_parts_give_the_whole_result(&engine, "moji.txt", &cart, Format::Cart);
    // In WebVTT, a later part must not be read as if it opened the file.
    let vtt = subtitles(Format::Vtt, 60_000, 24).replace(" access ", " acc\u{c3}\u{a9}ss ");
    assert_parts_give_the_whole_result(&engine, "moji.vtt", &vtt, Format::Vtt);
}

#[test]
fn the_speakers_before_and_after_a_part_still_count_as_neighbours() {
    // Two Joosts: which one "Joust" means is told by who speaks in the turn
    // before ("Thank you, Joust") or after ("Joust, you have the floor"),
    // which may lie in the part before or after.
    let roster = Roster::parse(
        Path::new("roster.csv"),
        "name,aliases\nJoost Falkstad,Joost\nJoost Vermeer,Joost\nAmina Diallo,Amina\n",
    )
    .unwrap();
    let engine = Engine::new(
        Settings::default(),
        Dictionaries {
            roster,
            ..Default::default()
        },
    );
    let filler = corpus::cart(4_000, 31).replace(">>", "");
    let filler: Vec<&str> = filler.lines().filter(|l| l.len() > 40).collect();
    let mut text = String::new();
    for (i, line) in filler.iter().enumerate() {
        let joost = if i % 2 == 0 { "FALKSTAD" } else { "VERMEER" };
        text.push_str(&format!(">> JOOST {joost}:{line}\n"));
        text.push_str(&format!(">> AMINA DIALLO: Thank you, Joust.{line}\n"));
        text.push_str(&format!(
            ">> AMINA DIALLO: Joust, you have the floor.{line}\n"
        ));
    }
    let (_, want) = whole(&engine, &text, Format::Cart);
    let neighbour = |f: &&Seen| f.4.contains("turn before or after");
    assert!(want.iter().filter(neighbour).count() > 10, "{want:?}");
    for part in [700, 1_100, 1_900] {
        let (_, got, parts) = parted(&engine, "joost.txt", &text, part);
        assert!(parts > 5, "{parts} parts of {part} bytes");
        assert_eq!(got, want, "in parts of {part}");
    }
}

#[test]
fn input_the_parts_cannot_take_is_left_to_the_whole_file_reader() {
    let engine = engine();
    let mut called = false;
    let mut each = |_: Piece| {
        called = true;
        Ok(())
    };
    // UTF-16 with a BOM, and invalid UTF-8 after the first part.
    let utf16: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
    assert_eq!(
        engine
            .check_parts("a.txt", Cursor::new(utf16), 4, &mut each)
            .unwrap(),
        Parted::Whole
    );
    let mut bytes = "caf\u{e9} line\n".repeat(200).into_bytes();
    bytes.extend_from_slice(b"bad \xff byte\n");
    assert_eq!(
        engine
            .check_parts("a.txt", Cursor::new(bytes), 256, &mut each)
            .unwrap(),
        Parted::Whole
    );
    assert!(
        !called,
        "nothing is handed over before the input is known good"
    );
}

#[test]
fn a_nul_byte_in_a_later_part_goes_to_the_whole_file_decoder() {
    // NUL bytes may be binary data or UTF-16 without its BOM: the
    // whole-file decoder tells which, and says so.
    // Other control bytes too: read whole, many of them are binary data,
    // as the whole-file decoder says (found by the parts fuzz target).
    let engine = engine();
    for control in [b"x\0y\n", b"x\x01y\n"] {
        let mut bytes = "a plain line\n".repeat(100).into_bytes();
        bytes.extend_from_slice(control);
        let mut called = false;
        let result = engine
            .check_parts("a.txt", Cursor::new(bytes), 64, |_| {
                called = true;
                Ok(())
            })
            .unwrap();
        assert_eq!(result, Parted::Whole);
        assert!(!called);
    }
}

#[test]
fn a_byte_order_mark_is_kept_once() {
    let engine = engine();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("well -- yes\n".repeat(100).as_bytes());
    let mut out = Vec::new();
    let result = engine
        .check_parts("a.txt", Cursor::new(bytes), 100, |p| {
            p.write_output(&mut out).unwrap();
            Ok(())
        })
        .unwrap();
    assert_eq!(result, Parted::Done(SourceEncoding::Utf8Bom));
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(text.matches('\u{feff}').count(), 1);
    assert_eq!(text.matches("well \u{2014} yes").count(), 100, "{text}");
}
