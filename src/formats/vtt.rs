//! WebVTT: a `WEBVTT` header, then blocks separated by blank lines. NOTE,
//! STYLE and REGION blocks, cue identifiers, timings and cue settings pass
//! through; cue text becomes segments, split around tags, with the speaker
//! from `<v Name>` or a `>>` turn.

use super::{cart, line_at, push_tagged_line, Runs, Segment};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:\d{1,3}:)?\d{1,2}:\d{1,2}(?:\.\d{1,3})?)\s+-->\s+")
        .expect("vtt timing pattern is valid")
});

pub(super) fn segments(text: &str, header: bool, runs: &mut Runs) -> Vec<Segment> {
    let blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let mut out = Vec::new();
    let mut at = 0;
    // The header block runs to the first blank line.
    while let Some((line, next)) = line_at(text, at).filter(|_| header) {
        if blank(&line) {
            break;
        }
        at = next;
    }
    while let Some((line, next)) = line_at(text, at) {
        if blank(&line) {
            at = next;
            continue;
        }
        let first = &text[line];
        let skipped = ["NOTE", "STYLE", "REGION"].iter().any(|kw| {
            first.starts_with(kw)
                && first[kw.len()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        });
        let mut in_cue = false;
        // Lines of the block so far: the timing is its first or second line.
        let mut index = 0;
        while let Some((line, next)) = line_at(text, at) {
            if blank(&line) {
                break;
            }
            let is_timing = !skipped && !in_cue && index <= 1;
            if let Some(c) = TIMING.captures(&text[line.clone()]).filter(|_| is_timing) {
                let m = c.get(1).map(|m| m.range()).unwrap_or(0..0);
                runs.cue_from(line.start, line.start + m.start..line.start + m.end);
                in_cue = true;
            } else if in_cue {
                let body = cart::push_line(text, line, runs, &mut out);
                push_tagged_line(text, body, runs, &mut out);
            }
            at = next;
            index += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Document, Format};

    #[test]
    fn notes_styles_ids_and_settings_pass_through() {
        let text = "WEBVTT - talk\n\nNOTE a note,with comma\n\nSTYLE\n::cue { color: red }\n\nintro\n00:01.000 --> 00:02.000 align:start position:10%\n<v Ana Silva>Hello,world\n\n00:00:03.000 --> 00:00:04.000\nnext line\n";
        let doc = Document::parse(text.to_owned(), Format::Vtt);
        let segs = &doc.segments;
        let shown: Vec<_> = segs.iter().map(|s| doc.segment_text(s)).collect();
        assert_eq!(shown, vec!["Hello,world", "next line"]);
        assert_eq!(doc.time(&segs[0]), Some("00:01.000"));
        assert_eq!(doc.time(&segs[1]), Some("00:00:03.000"));
        // A voice holds for the cues after it.
        assert_eq!(doc.speaker(&segs[1]), Some("Ana Silva"));
    }
}
