//! Checks shared by the reader targets.

use capclean::formats::{Document, Format};

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
        for r in [&s.speaker, &s.time].into_iter().flatten() {
            assert!(r.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end));
        }
    }
}
