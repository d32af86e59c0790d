//! Checks shared by several targets (each target uses only some of them).
#![allow(dead_code)]

use std::path::Path;

use capclean::dict::{Dictionaries, Roster};
use capclean::formats::{Document, Format};
use capclean::text::SourceEncoding;
use capclean::Engine;

/// The samples' roster (the people the seeds name), compiled in.
const SAMPLE_ROSTER: &str = include_str!("../../samples/roster.csv");

/// The built-in dictionaries with the samples' roster added, as
/// `capclean fix --roster samples/roster.csv` has them: the seeds come from
/// the samples, and their misheard names should reach the name rules.
pub fn dictionaries() -> Dictionaries {
    let mut dicts = Dictionaries::builtin().expect("built-in dictionaries");
    dicts.roster.extend(
        Roster::parse(Path::new("samples/roster.csv"), SAMPLE_ROSTER).expect("samples' roster"),
    );
    dicts
}

/// A short cart transcript with names and terms in right and wrong forms,
/// for the targets that fuzz the dictionaries rather than the text.
pub const TRANSCRIPT: &str = "\
>> CHAIR ST. CLAIR: Thank you, Ingrid Baskez Moreau, and welcome, Petra Lindquist.\n\
The I.G.F. and the Multi Stakeholder Advisory Group met in Geneva -- twice.\n\
>> JOSE RAMIREZ: Jose Ramirez here (inaudible) from the Universidad Andina.\n\
>> ANNA SILVIA: Anna Silvia, thank you. UN DESA and Unesco, the Under\u{2011}Secretary\u{2011}General.\n";

/// Decodes `data` as the CLI would and parses it as `format`; every
/// segment must lie inside the text on character boundaries, in order.
pub fn parse_and_check(data: &[u8], format: Format) {
    let Ok(decoded) = capclean::text::decode(data) else {
        return;
    };
    let doc = Document::parse(decoded.text, format);
    let mut last_end = 0;
    for s in &doc.segments {
        assert!(s.range.start <= s.range.end && s.range.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(s.range.start) && doc.text.is_char_boundary(s.range.end));
        assert!(s.range.start >= last_end, "segments overlap or go back");
        assert!(
            !doc.text[s.range.clone()].contains('\n'),
            "a segment holds a line break"
        );
        last_end = s.range.end;
        for r in [doc.speaker_span(s), doc.time_span(s)]
            .into_iter()
            .flatten()
        {
            assert!(r.start <= r.end && r.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end));
        }
    }
}

/// Checks `text` (cart) with `engine`: every finding lies inside the text
/// on character boundaries, with a confidence in 0..=1.
pub fn check_findings(engine: &Engine, text: &str) {
    let checked = engine.check_document(
        Document::parse(text.to_owned(), Format::Cart),
        SourceEncoding::Utf8,
    );
    for f in &checked.findings {
        assert!(
            f.range.start <= f.range.end && f.range.end <= text.len(),
            "{f:?}"
        );
        assert!(
            text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end),
            "{f:?}"
        );
        assert!((0.0..=1.0).contains(&f.confidence), "{f:?}");
    }
}
