//! Inaudible-marker rules (I…): the captioner's own notes of what was not
//! heard or not verified. They are kept in the text and flagged.

use regex::Regex;
use std::sync::LazyLock;

use super::{Context, Rule};
use crate::edit::{Applicability, Finding};
use crate::formats::{Role, Segment};

static INAUDIBLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)[(\[]\s*\?+\s*[)\]]",
        r"|[(\[]\s*(?:inaudible|unintelligible|indiscernible|incomprehensible|unclear|crosstalk|cross-talk",
        r"|overlapping speakers?|(?:speaker\s+)?off[- ]mic(?:rophone)?)\b[^()\[\]\n]{0,40}[)\]]",
        // A word or two the captioner guessed: "(clue?)", "(SG?)".
        r"|[(\[]\s*\p{L}[^()\[\]\n?]{0,30}\?\s*[)\]]",
    ))
    .expect("inaudible pattern is valid")
});

/// A captioner's mark for a spelling not checked: `(phonetic)`, `(ph)`,
/// `[sp?]`. One pattern for the I002 flag and the name rules' clue.
macro_rules! unverified_mark {
    () => {
        r"[(\[]\s*(?:phonetic(?:ally)?(?:\s+spelling)?|ph\.?|sp\.?\s*\?|spelling\s*\?|sp)\s*[)\]]"
    };
}

static UNVERIFIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:[\p{L}\p{M}][\p{L}\p{M}'’.\-\u{2010}\u{2011}]*\s*)?",
        unverified_mark!(),
    ))
    .expect("unverified-spelling pattern is valid")
});

static UNVERIFIED_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(r"(?i)^\s*", unverified_mark!())).expect("unverified-mark pattern is valid")
});

/// Longest text an unverified mark with the spaces before it can take.
const MARK_WINDOW: usize = 48;

/// Whether `rest` opens with an unverified-spelling mark (spaces first
/// allowed). Looks at a short window only, so that it costs the same on a
/// line of any length.
pub(crate) fn unverified_mark_at_start(rest: &str) -> bool {
    let mut end = rest.len().min(MARK_WINDOW);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    UNVERIFIED_AT_START.is_match(&rest[..end])
}

static AUDIO_PROBLEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)[(\[]\s*(?:no\s+audio|no\s+sound|lost\s+audio|poor\s+audio|no\s+interpretation",
        r"|audio\s+(?:difficult(?:y|ies)|problems?|lost|cut(?:\s+out)?|drops?|issues?)",
        r"|technical\s+(?:difficult(?:y|ies)|problems?|issues?))\b[^()\[\]\n]{0,40}[)\]]",
    ))
    .expect("audio-problem pattern is valid")
});

pub(super) fn check(ctx: &Context<'_>, segment: &Segment, out: &mut Vec<Finding>) {
    if segment.role != Role::Body {
        return;
    }
    let text = ctx.doc.segment_text(segment);
    let base = segment.range.start;
    let rules = [
        (
            Rule::InaudibleMarker,
            &*INAUDIBLE,
            "words not heard; fill in from the recording or keep",
        ),
        (
            Rule::UnverifiedSpelling,
            &*UNVERIFIED,
            "spelling not verified; check it and drop the mark",
        ),
        (
            Rule::AudioProblem,
            &*AUDIO_PROBLEM,
            "audio lost here; check the recording",
        ),
    ];
    for (rule, pattern, note) in rules {
        if !ctx.enabled(rule) {
            continue;
        }
        for m in pattern.find_iter(text) {
            // "(sp?)" is an unverified spelling (I002), not a guess.
            if rule == Rule::InaudibleMarker && unverified_mark_at_start(m.as_str()) {
                continue;
            }
            let range = base + m.start()..base + m.end();
            out.push(Finding::new(rule, range, "", Applicability::Flag, 1.0).with_note(note));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::edit::Status;
    use crate::pipeline::{check_text, Settings};

    fn flagged(text: &str) -> Vec<(&'static str, String)> {
        let result = check_text(text, crate::formats::Format::Cart, &Settings::default());
        result
            .findings
            .iter()
            .filter(|f| f.status == Status::Flagged)
            .map(|f| (f.rule.code(), text[f.range.clone()].to_string()))
            .collect()
    }

    #[test]
    fn inaudible_markers_in_many_shapes() {
        let text = "values (?) and (inaudible) or [Inaudible] then (UNINTELLIGIBLE) (indiscernible 00:14:32) [crosstalk] ( ? ) the (clue?) and (SG?)";
        let found: Vec<_> = flagged(text).into_iter().map(|(_, s)| s).collect();
        assert_eq!(
            found,
            vec![
                "(?)",
                "(inaudible)",
                "[Inaudible]",
                "(UNINTELLIGIBLE)",
                "(indiscernible 00:14:32)",
                "[crosstalk]",
                "( ? )",
                "(clue?)",
                "(SG?)"
            ]
        );
    }

    #[test]
    fn unverified_spelling_spans_the_word_before() {
        let text = "Dr. Okonkwo (phonetic) and Taufa (ph) and Brzezinska (sp?); (ph)";
        assert_eq!(
            flagged(text),
            vec![
                ("I002", "Okonkwo (phonetic)".to_string()),
                ("I002", "Taufa (ph)".to_string()),
                ("I002", "Brzezinska (sp?)".to_string()),
                ("I002", "(ph)".to_string()),
            ]
        );
    }

    #[test]
    fn audio_problems() {
        let text = "so (No audio) and [audio difficulties] and (technical difficulties)";
        let codes: Vec<_> = flagged(text).into_iter().map(|(c, _)| c).collect();
        assert_eq!(codes, vec!["I003", "I003", "I003"]);
    }

    #[test]
    fn sound_tags_and_plain_brackets_are_not_flagged() {
        let text =
            "(Applause) [ Laughter ] (Pause) (IGF) (laughter) the question? (speaking French)";
        assert!(flagged(text).is_empty(), "{:?}", flagged(text));
    }

    #[test]
    fn speaker_labels_are_not_checked() {
        let text = ">> ANA SILVA: fine (?)";
        assert_eq!(flagged(text).len(), 1);
    }
}
