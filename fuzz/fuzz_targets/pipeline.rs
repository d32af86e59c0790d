//! The whole pipeline with the built-in dictionaries and the samples' roster
//! (the people the seeds name). The first byte picks the format.
//! Invariants: no panic; every finding lies inside the input on character
//! boundaries; with every rule off the output is the input; the output
//! checked again changes nothing.
#![no_main]

use std::sync::OnceLock;

use capclean::formats::{Document, Format};
use capclean::rules::RuleSet;
use capclean::text::SourceEncoding;
use capclean::{Engine, Settings, Status};
use libfuzzer_sys::fuzz_target;

mod common;

fn engines() -> &'static (Engine, Engine) {
    static ENGINES: OnceLock<(Engine, Engine)> = OnceLock::new();
    ENGINES.get_or_init(|| {
        let dicts = common::dictionaries();
        let all = Engine::new(Settings::default(), dicts.clone());
        let none = Engine::new(
            Settings {
                rules: RuleSet::empty(),
                ..Settings::default()
            },
            dicts,
        );
        (all, none)
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let format = match pick % 3 {
        0 => Format::Cart,
        1 => Format::Srt,
        _ => Format::Vtt,
    };
    let Ok(decoded) = capclean::text::decode(rest) else {
        return;
    };
    let text = decoded.text;
    let (all, none) = engines();
    let checked = all.check_document(Document::parse(text.clone(), format), SourceEncoding::Utf8);
    for f in &checked.findings {
        assert!(f.range.end <= text.len(), "{f:?}");
        assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        assert!((0.0..=1.0).contains(&f.confidence));
    }
    let off = none.check_document(Document::parse(text.clone(), format), SourceEncoding::Utf8);
    assert!(off.findings.is_empty());
    assert_eq!(off.output, text, "every rule off is the identity");
    let again = all.check_document(
        Document::parse(checked.output.clone(), format),
        SourceEncoding::Utf8,
    );
    let applied: Vec<_> = again
        .findings
        .iter()
        .filter(|f| f.status == Status::Applied)
        .collect();
    assert!(
        applied.is_empty() && again.output == checked.output,
        "a second run changes the output: {applied:?}\nfirst output: {:?}",
        checked.output
    );
});
