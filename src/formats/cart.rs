//! Plain real-time captioning text: paragraphs and `>> NAME:` turns. Each
//! line is a segment; a turn's label is a segment of its own.

use super::{line_spans, turn, Role, Runs, Segment};
use std::ops::Range;

pub(super) fn segments(text: &str, runs: &mut Runs) -> Vec<Segment> {
    let mut out = Vec::new();
    for line in line_spans(text) {
        let body = push_line(text, line, runs, &mut out);
        if !body.is_empty() {
            out.push(Segment {
                range: body,
                role: Role::Body,
            });
        }
    }
    out
}

/// Pushes the label segment of a line that opens a turn, makes its label
/// the speaker from there on, and returns the span of the line's spoken
/// text. Shared with the subtitle formats, whose cue text may carry turns
/// too.
pub(super) fn push_line(
    text: &str,
    line: Range<usize>,
    runs: &mut Runs,
    out: &mut Vec<Segment>,
) -> Range<usize> {
    let mut body = line.clone();
    if let Some(t) = turn::parse(&text[line.clone()]) {
        let label = t
            .label
            .map(|label| line.start + label.start..line.start + label.end);
        runs.speaker_from(line.start, label.clone());
        if let Some(label) = label {
            out.push(Segment {
                range: label,
                role: Role::SpeakerLabel,
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
        let doc = super::super::Document::parse(text.to_owned(), super::super::Format::Cart);
        let shown: Vec<_> = doc
            .segments
            .iter()
            .map(|s| (doc.segment_text(s), s.role, doc.speaker(s)))
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
