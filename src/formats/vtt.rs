//! WebVTT: a `WEBVTT` header, then blocks separated by blank lines. NOTE,
//! STYLE and REGION blocks, cue identifiers, timings and cue settings pass
//! through; cue text becomes segments, split around tags, with the speaker
//! from `<v Name>` or a `>>` turn.

use super::{cart, line_spans, push_tagged_line, Segment, SpeakerState};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:\d{1,3}:)?\d{1,2}:\d{1,2}(?:\.\d{1,3})?)\s+-->\s+")
        .expect("vtt timing pattern is valid")
});

pub(super) fn segments(text: &str, header: bool, speakers: &mut SpeakerState) -> Vec<Segment> {
    let lines: Vec<Range<usize>> = line_spans(text).collect();
    let blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let mut out = Vec::new();
    let mut i = 0;
    // The header block runs to the first blank line.
    while header && i < lines.len() && !blank(&lines[i]) {
        i += 1;
    }
    while i < lines.len() {
        if blank(&lines[i]) {
            i += 1;
            continue;
        }
        let block_start = i;
        let first = &text[lines[i].clone()];
        let skipped = ["NOTE", "STYLE", "REGION"].iter().any(|kw| {
            first.starts_with(kw)
                && first[kw.len()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        });
        let mut time = None;
        while i < lines.len() && !blank(&lines[i]) {
            let line = &text[lines[i].clone()];
            if !skipped && time.is_none() && i - block_start <= 1 {
                if let Some(c) = TIMING.captures(line) {
                    let m = c.get(1).map(|m| m.range()).unwrap_or(0..0);
                    time = Some(lines[i].start + m.start..lines[i].start + m.end);
                    i += 1;
                    continue;
                }
            }
            if time.is_some() {
                let body = cart::push_line(text, lines[i].clone(), speakers, &time, &mut out);
                if let Some(voice) =
                    push_tagged_line(text, body, &speakers.current, &time, &mut out)
                {
                    speakers.change(voice.start, Some(voice));
                }
            }
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_styles_ids_and_settings_pass_through() {
        let text = "WEBVTT - talk\n\nNOTE a note,with comma\n\nSTYLE\n::cue { color: red }\n\nintro\n00:01.000 --> 00:02.000 align:start position:10%\n<v Ana Silva>Hello,world\n\n00:00:03.000 --> 00:00:04.000\nnext line\n";
        let segs = segments(text, true, &mut SpeakerState::default());
        let shown: Vec<_> = segs.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(shown, vec!["Hello,world", "next line"]);
        assert_eq!(&text[segs[0].time.clone().unwrap()], "00:01.000");
        assert_eq!(&text[segs[1].speaker.clone().unwrap()], "Ana Silva");
    }
}
