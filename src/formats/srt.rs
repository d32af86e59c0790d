//! SubRip: numbered cues with `HH:MM:SS,mmm --> HH:MM:SS,mmm` timings. Only
//! cue text lines become segments; numbers and timings pass through. The
//! reader is lenient: a cue without a number, or without a blank line
//! before the next one, is still found by its timing line; a line holding
//! `-->` always ends the cue text before it.

use super::{cart, line_at, push_tagged_line_once, Runs, Segment};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{1,3}:\d{1,2}:\d{1,2}(?:[,.]\d{1,3})?)\s*-->\s*\d{1,3}:\d{1,2}:\d{1,2}")
        .expect("srt timing pattern is valid")
});

pub(super) fn is_timing(line: &str) -> bool {
    TIMING.is_match(line)
}

/// The start time of a timing line, relative to the line.
fn start_time(line: &str) -> Option<Range<usize>> {
    TIMING
        .captures(line)
        .and_then(|c| c.get(1))
        .map(|m| m.range())
}

fn is_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn segments(text: &str, runs: &mut Runs) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((line, next)) = line_at(text, at) {
        at = next;
        let Some(time) = start_time(&text[line.clone()]) else {
            continue;
        };
        runs.cue_from(line.start, line.start + time.start..line.start + time.end);
        while let Some((cue_line, after)) = line_at(text, at) {
            let cue_text = &text[cue_line.clone()];
            // A line holding `-->` is the next cue's timing, parsed or not,
            // never caption text (as in WebVTT).
            let next_is_timing =
                || line_at(text, after).is_some_and(|(n, _)| text[n].contains("-->"));
            if cue_text.trim().is_empty()
                || cue_text.contains("-->")
                || (is_number(cue_text) && next_is_timing())
            {
                break;
            }
            let body = cart::push_line(text, cue_line, runs, &mut out);
            push_tagged_line_once(text, body, runs, &mut out);
            at = after;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Document, Format};
    use super::*;

    #[test]
    fn only_cue_text_is_segmented() {
        let text = "1\r\n00:00:01,000 --> 00:00:02,500\r\n>> ANA: Hello,world\r\n<i>second</i>\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nmore\r\n";
        let doc = Document::parse(text.to_owned(), Format::Srt);
        let segs = &doc.segments;
        let shown: Vec<_> = segs.iter().map(|s| doc.segment_text(s)).collect();
        assert_eq!(shown, vec!["ANA", " Hello,world", "second", "more"]);
        assert_eq!(doc.time(&segs[1]), Some("00:00:01,000"));
        assert_eq!(doc.time(&segs[3]), Some("00:00:03,000"));
        assert_eq!(doc.speaker(&segs[3]), Some("ANA"));
    }

    #[test]
    fn a_voice_tag_names_the_speaker_of_its_line_only() {
        let text = "1\n00:00:01,000 --> 00:00:02,000\n>> ANA: one\n<v Bo>two\nthree\n";
        let doc = Document::parse(text.to_owned(), Format::Srt);
        let speakers: Vec<_> = doc.segments.iter().map(|s| doc.speaker(s)).collect();
        assert_eq!(
            speakers,
            vec![Some("ANA"), Some("ANA"), Some("Bo"), Some("ANA")]
        );
    }

    #[test]
    fn a_line_holding_an_arrow_is_never_cue_text() {
        let text = "1\n00:00:01,000 --> 00:00:02,000\nfirst\n00:00:03 --> broken\nnot a cue\n\n2\n00:00:04,000 --> 00:00:05,000\nsecond\n";
        let shown: Vec<_> = segments(text, &mut Runs::default())
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect();
        assert_eq!(shown, vec!["first", "second"]);
    }

    #[test]
    fn missing_blank_line_and_number() {
        let text = "00:00:01,000 --> 00:00:02,000\nfirst\n2\n00:00:03,000 --> 00:00:04,000\nsecond";
        let shown: Vec<_> = segments(text, &mut Runs::default())
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect();
        assert_eq!(shown, vec!["first", "second"]);
    }
}
