//! Plain real-time captioning text: paragraphs and `>> NAME:` turns. Each
//! line is a segment; a turn's label is a segment of its own.

use super::{line_spans, turn, Role, Segment};
use std::ops::Range;

pub(super) fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut speaker: Option<Range<usize>> = None;
    for line in line_spans(text) {
        let body = push_line(text, line, &mut speaker, &None, &mut out);
        if !body.is_empty() {
            out.push(Segment {
                range: body,
                role: Role::Body,
                speaker: speaker.clone(),
                time: None,
            });
        }
    }
    out
}

/// Pushes the label segment of a line that opens a turn, updates the
/// current speaker, and returns the span of the line's spoken text. Shared with the subtitle formats, whose cue text may
/// carry turns too.
pub(super) fn push_line(
    text: &str,
    line: Range<usize>,
    speaker: &mut Option<Range<usize>>,
    time: &Option<Range<usize>>,
    out: &mut Vec<Segment>,
) -> Range<usize> {
    let mut body = line.clone();
    if let Some(t) = turn::parse(&text[line.clone()]) {
        *speaker = None;
        if let Some(label) = t.label {
            let label = line.start + label.start..line.start + label.end;
            *speaker = Some(label.clone());
            out.push(Segment {
                range: label,
                role: Role::SpeakerLabel,
                speaker: speaker.clone(),
                time: time.clone(),
            });
        }
        body = line.start + t.body_start..line.end;
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_set_the_speaker_of_following_lines() {
        let text = "Intro line\n>> ANA SILVA: Hello all.\nSecond paragraph.\r\n>> Next one\n";
        let segs = segments(text);
        let shown: Vec<_> = segs
            .iter()
            .map(|s| {
                (
                    &text[s.range.clone()],
                    s.role,
                    s.speaker.clone().map(|r| &text[r]),
                )
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                ("Intro line", Role::Body, None),
                ("ANA SILVA", Role::SpeakerLabel, Some("ANA SILVA")),
                (" Hello all.", Role::Body, Some("ANA SILVA")),
                ("Second paragraph.", Role::Body, Some("ANA SILVA")),
                (" Next one", Role::Body, None),
            ]
        );
    }
}
