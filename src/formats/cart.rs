//! Plain real-time captioning text: paragraphs and `>> NAME:` turns. Each
//! line is a segment; a turn's label is a segment of its own.

use super::{line_spans, turn, Role, Segment, SpeakerState};
use std::ops::Range;

pub(super) fn segments(text: &str, speakers: &mut SpeakerState) -> Vec<Segment> {
    let mut out = Vec::new();
    for line in line_spans(text) {
        let body = push_line(text, line, speakers, &None, &mut out);
        if !body.is_empty() {
            out.push(Segment {
                range: body,
                role: Role::Body,
                speaker: speakers.current.clone(),
                time: None,
            });
        }
    }
    out
}

/// Pushes the label segment of a line that opens a turn, updates the
/// current speaker, and returns the span of the line's spoken text. Shared
/// with the subtitle formats, whose cue text may carry turns too.
pub(super) fn push_line(
    text: &str,
    line: Range<usize>,
    speakers: &mut SpeakerState,
    time: &Option<Range<usize>>,
    out: &mut Vec<Segment>,
) -> Range<usize> {
    let mut body = line.clone();
    if let Some(t) = turn::parse(&text[line.clone()]) {
        let label = t
            .label
            .map(|label| line.start + label.start..line.start + label.end);
        speakers.change(line.start, label.clone());
        if let Some(label) = label {
            out.push(Segment {
                range: label.clone(),
                role: Role::SpeakerLabel,
                speaker: Some(label),
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
        let segs = segments(text, &mut SpeakerState::default());
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
