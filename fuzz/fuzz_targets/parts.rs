//! A large input checked in parts gives the whole-file result. The first
//! byte picks the format, the second the part size (16 to 2,056 bytes);
//! the rest is the input. Invariants: no panic; pieces cover the input in
//! order, their findings inside them on character boundaries; and where
//! every part can end at a line (cart) or between blocks (subtitles) — each
//! is shorter than the quarter part a cut is looked for in — the output
//! bytes and every finding (span, rule, replacement, status, note) are
//! those of a whole-file check.
#![no_main]

use std::io::Cursor;
use std::sync::OnceLock;

use capclean::pipeline::parts::Parted;
use capclean::{Engine, Settings};
use libfuzzer_sys::fuzz_target;

mod common;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dicts = common::dictionaries();
        Engine::new(Settings::default(), dicts)
    })
}

/// A finding as the review list shows it, with its span in the input.
type Seen = (std::ops::Range<usize>, &'static str, String, String, String);

fn seen(f: &capclean::Finding, offset: usize) -> Seen {
    (
        offset + f.range.start..offset + f.range.end,
        f.rule.code(),
        f.replacement.clone(),
        f.status.as_str().to_owned(),
        f.note.to_string(),
    )
}

fuzz_target!(|data: &[u8]| {
    let [pick, size, input @ ..] = data else {
        return;
    };
    let name = ["a.txt", "a.srt", "a.vtt"][usize::from(*pick % 3)];
    let part_bytes = 16 + usize::from(*size) * 8;
    let engine = engine();
    let mut output = Vec::new();
    let mut found = Vec::new();
    let mut offset = 0;
    let mut covered = 0;
    let parted = engine.check_parts(name, Cursor::new(input), part_bytes, |piece| {
        let text = &piece.doc.text;
        assert_eq!(
            piece.span.start, covered,
            "pieces cover their part in order"
        );
        covered = piece.span.end;
        for f in &piece.findings {
            assert!(piece.span.start <= f.range.start && f.range.end <= piece.span.end);
            assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        }
        piece.write_output(&mut output).expect("writing to memory");
        found.extend(piece.findings.iter().map(|f| seen(f, offset)));
        if piece.ends_part() {
            offset += text.len();
            covered = 0;
        }
        Ok(())
    });
    let Ok(Parted::Done(_)) = parted else {
        // Refused (a NUL byte) or left to the whole-file reader.
        return;
    };
    assert!(std::str::from_utf8(&output).is_ok());
    // A part holding mojibake is cut in the second half of half a part.
    let longest = if *pick % 3 == 0 {
        input.split(|&b| b == b'\n').map(<[u8]>::len).max()
    } else {
        blocks(input).map(<[u8]>::len).max()
    };
    if longest.unwrap_or(0) + 2 >= part_bytes / 4 {
        return;
    }
    let whole = engine
        .check_bytes(name, input)
        .expect("what the parts read, the whole-file reader reads");
    let want: Vec<Seen> = whole.findings.iter().map(|f| seen(f, 0)).collect();
    assert_eq!(found, want, "findings differ in parts of {part_bytes}");
    assert!(
        output == whole.output_bytes(Default::default()).expect("UTF-8 input"),
        "output differs in parts of {part_bytes}"
    );
});

/// The blocks of a subtitle file: what lies between blank lines.
fn blocks(input: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = input;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = [&b"\n\n"[..], b"\n\r\n"]
            .iter()
            .filter_map(|sep| {
                rest.windows(sep.len())
                    .position(|w| w == *sep)
                    .map(|i| (i, i + sep.len()))
            })
            .min();
        let (block, next) = end.unwrap_or((rest.len(), rest.len()));
        let out = &rest[..block];
        rest = &rest[next..];
        Some(out)
    })
}
