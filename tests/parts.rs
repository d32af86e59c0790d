//! A large input checked in parts gives exactly what a whole-file check
//! gives: the same output and the same findings at the same places.

use std::io::Cursor;
use std::path::Path;

use capclean::corpus;
use capclean::dict::{Dictionaries, Roster};
use capclean::formats::{Document, Format};
use capclean::pipeline::parts::{Part, Parted};
use capclean::text::SourceEncoding;
use capclean::{Engine, Settings, Status};

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

type Seen = (std::ops::Range<usize>, &'static str, String, Status, String);

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
    let result = engine
        .check_parts(name, Cursor::new(text.as_bytes()), part, |p: Part| {
            assert_eq!(p.line_base, lines, "line count before part {parts}");
            assert_eq!(p.first, parts == 0);
            let c = &p.checked;
            for f in &c.findings {
                seen.push((
                    offset + f.range.start..offset + f.range.end,
                    f.rule.code(),
                    f.replacement.clone(),
                    f.status,
                    f.note.to_string(),
                ));
            }
            output.push_str(&c.output);
            offset += c.doc.text.len();
            lines += c.doc.text.matches('\n').count();
            parts += 1;
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
        let (want_output, want) = whole(&engine, text, *format);
        assert!(want.len() > 100, "{name}: the corpus has work to do");
        assert!(
            want.iter().any(|f| f.1.starts_with('N')),
            "{name}: names are part of it"
        );
        for part in [4_000, 50_000] {
            let (output, got, parts) = parted(&engine, name, text, part);
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
    }
}

#[test]
fn input_the_parts_cannot_take_is_left_to_the_whole_file_reader() {
    let engine = engine();
    let mut called = false;
    let mut each = |_: Part| {
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
fn a_nul_byte_in_a_later_part_is_refused_with_its_line() {
    let engine = engine();
    let mut bytes = "a plain line\n".repeat(100).into_bytes();
    bytes.extend_from_slice(b"x\0y\n");
    let err = engine
        .check_parts("a.txt", Cursor::new(bytes), 64, |_| Ok(()))
        .unwrap_err()
        .to_string();
    assert!(err.contains("a.txt") && err.contains("line 101"), "{err}");
}

#[test]
fn a_byte_order_mark_is_kept_once() {
    let engine = engine();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("well -- yes\n".repeat(100).as_bytes());
    let mut out = Vec::new();
    let result = engine
        .check_parts("a.txt", Cursor::new(bytes), 100, |p| {
            if p.first {
                out.extend(p.checked.output_bytes());
            } else {
                out.extend(p.checked.output.as_bytes());
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(result, Parted::Done(SourceEncoding::Utf8Bom));
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(text.matches('\u{feff}').count(), 1);
    assert_eq!(text.matches("well \u{2014} yes").count(), 100, "{text}");
}
