//! Glossary rules (G…): listed variants, spacing variants, the canonical
//! case of acronyms, and sound-alike mishearings of one word in a
//! multi-word term.

use super::{Context, Rule};
use crate::edit::{Applicability, Finding, Kind, SpanSet};
use crate::formats::{Role, Segment};
use crate::names::common::zipf;
use crate::names::tokens;
use crate::terms::{boundary, PatternKind, SoundKeys, TermIndex};
use crate::text::protect::{overlaps_any, protected_spans};

/// The term in the case of the heard text, where the term allows it:
/// acronyms and proper terms keep their own case.
fn adapt_case(term: &str, heard: &str) -> String {
    if term.chars().any(char::is_uppercase) {
        return term.to_owned();
    }
    let letters: Vec<char> = heard.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return term.to_uppercase();
    }
    match (heard.chars().next(), term.chars().next()) {
        (Some(h), Some(t)) if h.is_uppercase() => {
            t.to_uppercase().chain(term.chars().skip(1)).collect()
        }
        _ => term.to_owned(),
    }
}

/// Whether a term's case is part of its spelling (IGF, ccTLD, NETmundial).
fn fixed_case(term: &str) -> bool {
    !term.contains(' ') && term.chars().skip(1).any(char::is_uppercase)
}

pub(super) fn check(ctx: &Context<'_>, segment: &Segment, out: &mut Vec<Finding>) {
    let Some(index) = ctx.terms else { return };
    if segment.role != Role::Body || index.is_empty() || !ctx.settings.rules.any_of_kind(Kind::Term)
    {
        return;
    }
    let text = ctx.doc.segment_text(segment);
    let base = segment.range.start;
    let protected = protected_spans(text);
    let is_name = |s: &str| ctx.roster.is_correct(s);
    // The automaton's matches never overlap one another.
    let mut taken = SpanSet::default();
    for (range, pattern) in index.find(text) {
        let before = text[..range.start].chars().next_back();
        let after = text[range.end..].chars().next();
        if !boundary(before) || !boundary(after) || overlaps_any(&protected, &range) {
            continue;
        }
        let heard = &text[range.clone()];
        let entry = &index.terms[pattern.term as usize];
        if is_name(heard) {
            continue; // a roster name wins over a term
        }
        taken.insert(range.clone(), ());
        let abs = base + range.start..base + range.end;
        let (rule, replacement, applicability, confidence, note) = match pattern.kind {
            PatternKind::Term => {
                // Right but for a U+2010/U+2011 hyphen, which P001 mends.
                if heard.replace(['\u{2010}', '\u{2011}'], "-") == entry.text {
                    continue;
                }
                if fixed_case(&entry.text) {
                    let lower = heard.chars().all(|c| !c.is_uppercase());
                    if lower && zipf(heard) >= 3.0 {
                        continue; // "mag" is a word, not MAG
                    }
                    (
                        Rule::TermCase,
                        entry.text.clone(),
                        Applicability::Scored,
                        0.9,
                        "the glossary's case",
                    )
                } else if entry.text.starts_with(char::is_uppercase) && heard.contains(' ') {
                    (
                        Rule::TermCase,
                        entry.text.clone(),
                        Applicability::Suggest,
                        0.7,
                        "capitalised as a proper term in the glossary",
                    )
                } else {
                    continue;
                }
            }
            PatternKind::Listed => (
                Rule::GlossaryVariant,
                adapt_case(&entry.text, heard),
                Applicability::Scored,
                0.95,
                "listed as a variant in the glossary",
            ),
            PatternKind::Spacing => (
                Rule::TermSpacing,
                adapt_case(&entry.text, heard),
                Applicability::Scored,
                0.9,
                "spacing or hyphenation variant of a glossary term",
            ),
        };
        if replacement == heard || !ctx.enabled(rule) {
            continue;
        }
        let (abs, applicability, note) =
            match abbreviation_period(heard, &replacement, &text[range.end..]) {
                // The period also ends the sentence: it stays ("the IGF.").
                FinalPeriod::EndsSentence => (abs.start..abs.end - 1, applicability, note),
                FinalPeriod::Doubtful => (
                    abs,
                    Applicability::Suggest,
                    "listed as a variant in the glossary; if its period also ends the sentence, keep the period",
                ),
                FinalPeriod::Inside => (abs, applicability, note),
            };
        out.push(
            Finding::new(rule, abs, replacement, applicability, confidence)
                .with_note(format!("{}: {note}", entry.text)),
        );
    }
    // Sound-alikes are English sound-alikes ("un gamin" is no "UN Women").
    if ctx.enabled(Rule::TermSoundAlike) && ctx.doc.language.is_english() {
        sound_alikes(index, text, base, &protected, taken, out);
    }
}

/// What the final period of a heard abbreviation is, where the term has none.
#[derive(Debug, PartialEq, Eq)]
enum FinalPeriod {
    /// Not an abbreviation's period, or the term keeps it, or punctuation or
    /// a lower-case word follows: the whole is replaced.
    Inside,
    /// Nothing follows in the segment: the period ends the sentence too.
    EndsSentence,
    /// A capital follows: "the I.G.F. Secretariat" or "the I.G.F. We": only
    /// the editor can tell.
    Doubtful,
}

/// Whether replacing `heard` (ending in a period) by `replacement` would take
/// a sentence's full stop with it: "Welcome to the I.G.F." must end "IGF.".
fn abbreviation_period(heard: &str, replacement: &str, after: &str) -> FinalPeriod {
    if !heard.ends_with('.') || heard.len() < 2 || replacement.ends_with('.') {
        return FinalPeriod::Inside;
    }
    // Closing quotes and brackets go with the sentence: look past them.
    let next = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ')' | ']' | '"' | '\'' | '”' | '’' | '»')
    });
    match next.chars().next() {
        None => FinalPeriod::EndsSentence,
        // A spaced period after it may be a spaced ellipsis, which P007 keeps.
        Some('.') if next.len() < after.len() => FinalPeriod::Doubtful,
        Some(c) if c.is_uppercase() => FinalPeriod::Doubtful,
        Some(_) => FinalPeriod::Inside,
    }
}

/// G004: one word of a multi-word term misheard ("forth industrial
/// revolution"): suggested only.
fn sound_alikes(
    index: &TermIndex,
    text: &str,
    base: usize,
    protected: &[std::ops::Range<usize>],
    mut taken: SpanSet,
    out: &mut Vec<Finding>,
) {
    let toks = tokens(text);
    // Every word in lower case, in one buffer.
    let mut lower = String::with_capacity(text.len());
    let spans: Vec<std::ops::Range<usize>> = toks
        .iter()
        .map(|t| {
            let start = lower.len();
            let word = &text[t.range.clone()];
            if word.is_ascii() {
                lower.push_str(word);
                lower[start..].make_ascii_lowercase();
            } else {
                lower.push_str(&word.to_lowercase());
            }
            start..lower.len()
        })
        .collect();
    let words: Vec<&str> = spans.iter().map(|r| &lower[r.clone()]).collect();
    // Sound keys of a heard word, computed when first needed.
    let mut keys: Vec<Option<SoundKeys>> = vec![None; words.len()];
    for (i, w) in words.iter().enumerate() {
        for &(term, pos) in index.terms_with_word(w) {
            let entry = &index.terms[term as usize];
            let n = entry.words.len();
            let Some(start) = i.checked_sub(pos as usize) else {
                continue;
            };
            if start + n > toks.len() {
                continue;
            }
            let mut misheard = 0;
            let mut ok = true;
            for k in 0..n {
                let heard = &words[start + k];
                if *heard == entry.words[k] {
                    continue;
                }
                let heard_keys = keys[start + k].get_or_insert_with(|| SoundKeys::new(heard));
                if heard_keys.sounds_like(&entry.keys[k]) {
                    misheard += 1;
                } else {
                    ok = false;
                    break;
                }
            }
            let range = toks[start].range.start..toks[start + n - 1].range.end;
            let spaced = (start + 1..start + n)
                .all(|k| &text[toks[k - 1].range.end..toks[k].range.start] == " ");
            if !ok || misheard != 1 || !spaced || overlaps_any(protected, &range) {
                continue;
            }
            if taken.conflicts(&range) {
                continue;
            }
            taken.insert(range.clone(), ());
            let heard = &text[range.clone()];
            out.push(
                Finding::new(
                    Rule::TermSoundAlike,
                    base + range.start..base + range.end,
                    adapt_case(&entry.text, heard),
                    Applicability::Suggest,
                    0.6,
                )
                .with_note(format!(
                    "{}: one word sounds like the glossary term's",
                    entry.text
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_follows_the_heard_text_unless_the_term_fixes_it() {
        assert_eq!(
            adapt_case("intersessional", "Intercessional"),
            "Intersessional"
        );
        assert_eq!(
            adapt_case("intersessional", "INTERCESSIONAL"),
            "INTERSESSIONAL"
        );
        assert_eq!(adapt_case("UNDESA", "Undesa"), "UNDESA");
        assert_eq!(
            adapt_case(
                "Fourth Industrial Revolution",
                "forth industrial revolution"
            ),
            "Fourth Industrial Revolution"
        );
    }

    #[test]
    fn an_abbreviation_s_period_may_end_the_sentence() {
        use FinalPeriod::*;
        assert_eq!(abbreviation_period("I.G.F.", "IGF", ""), EndsSentence);
        assert_eq!(abbreviation_period("I.G.F.", "IGF", " \n"), EndsSentence);
        assert_eq!(abbreviation_period("I.G.F.", "IGF", ")"), EndsSentence);
        assert_eq!(abbreviation_period("I.G.F.", "IGF", " meeting"), Inside);
        assert_eq!(abbreviation_period("I.G.F.", "IGF", ", then"), Inside);
        assert_eq!(abbreviation_period("I.G.F.", "IGF", ".."), Inside);
        assert_eq!(
            abbreviation_period("I.G.F.", "IGF", " Secretariat"),
            Doubtful
        );
        assert_eq!(abbreviation_period("I.G.F.", "IGF", " . ."), Doubtful);
        assert_eq!(abbreviation_period("I.G.F.", "I.G.F.", ""), Inside);
        assert_eq!(abbreviation_period("Undesa", "UNDESA", ""), Inside);
    }
}
