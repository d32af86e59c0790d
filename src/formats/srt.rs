//! SubRip: numbered cues with `HH:MM:SS,mmm --> HH:MM:SS,mmm` timings. Only
//! cue text lines become segments; numbers and timings pass through. The
//! reader is lenient: a cue without a number, or without a blank line
//! before the next one, is still found by its timing line.

use super::{cart, line_spans, push_tagged_line, Segment, SpeakerState};
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

pub(super) fn segments(text: &str, speakers: &mut SpeakerState) -> Vec<Segment> {
    let lines: Vec<Range<usize>> = line_spans(text).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &text[lines[i].clone()];
        let Some(time) = start_time(line) else {
            i += 1;
            continue;
        };
        let time = Some(lines[i].start + time.start..lines[i].start + time.end);
        i += 1;
        while i < lines.len() {
            let cue_line = &text[lines[i].clone()];
            let next_is_timing = lines
                .get(i + 1)
                .is_some_and(|n| is_timing(&text[n.clone()]));
            if cue_line.trim().is_empty()
                || is_timing(cue_line)
                || (is_number(cue_line) && next_is_timing)
            {
                break;
            }
            let body = cart::push_line(text, lines[i].clone(), speakers, &time, &mut out);
            push_tagged_line(text, body, &speakers.current, &time, &mut out);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cue_text_is_segmented() {
        let text = "1\r\n00:00:01,000 --> 00:00:02,500\r\n>> ANA: Hello,world\r\n<i>second</i>\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nmore\r\n";
        let segs = segments(text, &mut SpeakerState::default());
        let shown: Vec<_> = segs.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(shown, vec!["ANA", " Hello,world", "second", "more"]);
        assert_eq!(&text[segs[1].time.clone().unwrap()], "00:00:01,000");
        assert_eq!(&text[segs[3].time.clone().unwrap()], "00:00:03,000");
        assert_eq!(&text[segs[3].speaker.clone().unwrap()], "ANA");
    }

    #[test]
    fn missing_blank_line_and_number() {
        let text = "00:00:01,000 --> 00:00:02,000\nfirst\n2\n00:00:03,000 --> 00:00:04,000\nsecond";
        let shown: Vec<_> = segments(text, &mut SpeakerState::default())
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect();
        assert_eq!(shown, vec!["first", "second"]);
    }
}
