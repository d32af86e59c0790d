//! WebVTT: a `WEBVTT` header, then blocks separated by blank lines. NOTE,
//! STYLE and REGION blocks, cue identifiers, timings and cue settings pass
//! through; cue text becomes segments, split around tags, with the speaker
//! from `<v Name>` or a `>>` turn.

use super::{cart, line_at, push_tagged_line, Markup, Runs, Segment};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:\d{1,3}:)?\d{1,2}:\d{1,2}(?:\.\d{1,3})?)\s+-->\s+")
        .expect("vtt timing pattern is valid")
});

pub(super) fn segments(text: &str, header: bool, runs: &mut Runs) -> Vec<Segment> {
    let blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let arrow = |r: &Range<usize>| text[r.clone()].contains("-->");
    let mut out = Vec::new();
    let mut at = 0;
    // The header block runs to the first blank line, or to a line holding
    // `-->`, which starts the first cue (the WebVTT parsing rules).
    while let Some((line, next)) = line_at(text, at).filter(|_| header) {
        if blank(&line) || (at > 0 && arrow(&line)) {
            break;
        }
        at = next;
    }
    // Blocks: lines up to a blank line. A block's timing line is its first
    // line, or its second after an identifier; any other line holding
    // `-->` ends the block and starts the next, so a cue with no blank
    // line before the next one never swallows that one's timing.
    while let Some((line, next)) = line_at(text, at) {
        if blank(&line) {
            at = next;
            continue;
        }
        let first = &text[line.clone()];
        let timing = if arrow(&line) {
            Some(line.clone())
        } else {
            line_at(text, next)
                .map(|(second, _)| second)
                .filter(|second| !blank(second) && arrow(second))
        };
        let cue_time = timing.as_ref().and_then(|t| {
            TIMING
                .captures(&text[t.clone()])
                .and_then(|c| c.get(1))
                .map(|m| t.start + m.start()..t.start + m.end())
        });
        // A NOTE, STYLE or REGION block, or a block whose timing does not
        // parse, is not a cue: it passes through as written.
        let is_cue = cue_time.is_some()
            && (timing.as_ref().is_some_and(|t| t.start == line.start)
                || !["NOTE", "STYLE", "REGION"].iter().any(|kw| {
                    first.starts_with(kw)
                        && first[kw.len()..]
                            .chars()
                            .next()
                            .is_none_or(char::is_whitespace)
                }));
        let mut seen_timing = false;
        while let Some((line, next)) = line_at(text, at) {
            if blank(&line) {
                break;
            }
            if arrow(&line) {
                if seen_timing || timing.as_ref().is_none_or(|t| t.start != line.start) {
                    break; // the next block's timing
                }
                seen_timing = true;
                if let (true, Some(time)) = (is_cue, cue_time.clone()) {
                    runs.cue_from(line.start, time);
                }
            } else if seen_timing && is_cue {
                let body = cart::push_line(text, line, runs, &mut out);
                push_tagged_line(text, body, Markup::WebVtt, runs, &mut out);
            }
            at = next;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Document, Format};

    fn shown(text: &str) -> Vec<String> {
        let doc = Document::parse(text.to_owned(), Format::Vtt);
        doc.segments
            .iter()
            .map(|s| doc.segment_text(s).to_owned())
            .collect()
    }

    #[test]
    fn a_line_holding_an_arrow_ends_the_cue_and_starts_the_next() {
        // Exported without blank lines between cues.
        let text = "WEBVTT\n\n00:05:01.000 --> 00:05:04.080\nfirst cue\n00:05:04.080 --> 00:05:05.069\nsecond cue\nid\n00:05:06.000 --> 00:05:07.000\nthird cue\n";
        let doc = Document::parse(text.to_owned(), Format::Vtt);
        let texts: Vec<_> = doc.segments.iter().map(|s| doc.segment_text(s)).collect();
        // "id" is text of the second cue: an identifier needs a block of its own.
        assert_eq!(texts, vec!["first cue", "second cue", "id", "third cue"]);
        assert_eq!(doc.time(&doc.segments[1]), Some("00:05:04.080"));
        assert_eq!(doc.time(&doc.segments[3]), Some("00:05:06.000"));
        // A timing straight after the header starts the first cue.
        assert_eq!(
            shown("WEBVTT\n00:00.000 --> 00:01.000\nhello\n"),
            vec!["hello"]
        );
        // A timing that does not parse: its block is no cue, left as it is.
        assert!(shown("WEBVTT\n\nsoon --> later\ncue text\n").is_empty());
    }

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
