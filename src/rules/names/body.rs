//! Running text: capitalised runs of one to four tokens, each window of
//! them looked up and scored, with the guards that keep correct text as it
//! is.

use super::propose::{emit, propose, Clues};
use super::{Context, NameCache, NameContext};
use crate::edit::Finding;
use crate::formats::Segment;
use crate::names::common::is_common;
use crate::names::fold::PARTICLES;
use crate::names::titles::{is_title, label_name};
use crate::names::{candidates, tokens, FormKind, Heard, Token};
use crate::text::protect::{overlaps_any, protected_spans};

pub(super) fn check_body(
    ctx: &Context<'_>,
    names: &NameContext<'_>,
    segment: &Segment,
    cache: &mut NameCache,
    out: &mut Vec<Finding>,
) {
    let text = ctx.doc.segment_text(segment);
    if !text.bytes().any(|b| b.is_ascii_uppercase()) && text.is_ascii() {
        return;
    }
    let index = names.index;
    let toks = tokens(text);
    let protected = protected_spans(text);
    // The one person the turn's label names, as the turns around it are
    // told (a surname several people share names nobody).
    let speaker_person = ctx
        .doc
        .speaker(segment)
        .and_then(|s| names.doc.label_person(index, &s[label_name(s)]));
    let word = |t: &Token| &text[t.range.clone()];
    let english = ctx.doc.language.is_english();
    let mut proposals = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // Acronyms and glossary words are not names, in any case: "Undesa"
        // and its correction "UNDESA" both end a run.
        // A letter a glossary term begins at ("I.G.F.") is no initial
        // either, or the run would differ once G001 makes it "IGF".
        let not_name = |t: &Token| {
            let w = word(t);
            (t.all_caps && w.chars().count() > 1)
                || ctx.terms.is_some_and(|g| {
                    g.is_term_word(w) || (w.len() == 1 && g.term_at_start(&text[t.range.start..]))
                })
        };
        if !t.capitalised || is_title(word(t)) || not_name(t) {
            i += 1;
            continue;
        }
        let title_before = i > 0 && is_title(word(&toks[i - 1]));
        // Extend the run: capitalised tokens joined by one space, particles
        // between them, and dotted initials or "St." inside.
        let mut end = i + 1;
        while end < toks.len() {
            let gap = &text[toks[end - 1].range.end..toks[end].range.start];
            let prev = word(&toks[end - 1]);
            // "St. Clair" and initials ("J. Smith") run on over their dot;
            // "Ms. Ng. We" ends a sentence.
            let dotted = prev.chars().count() == 1 || matches!(prev, "St" | "Ste" | "Mt");
            // Any run of spaces joins (P005 will make it one space).
            let spaces = !gap.is_empty() && gap.bytes().all(|b| b == b' ');
            let dotted_gap = gap
                .strip_prefix('.')
                .is_some_and(|g| !g.is_empty() && g.bytes().all(|b| b == b' '));
            let joinable = spaces || (dotted_gap && dotted);
            let next = &toks[end];
            let fits = next.capitalised && !is_title(word(next)) && !not_name(next)
                || PARTICLES.contains(&word(next))
                    && toks.get(end + 1).is_some_and(|n| n.capitalised);
            if !joinable || !fits || end - i >= 6 {
                break;
            }
            end += 1;
        }
        let mut start = i;
        // A common word opening a sentence ("Thank", "Welcome") is not part of a name.
        while start < end - 1
            && toks[start].sentence_start
            && !title_before
            && is_common(word(&toks[start]))
            && !index.is_name_token(word(&toks[start]))
        {
            start += 1;
        }
        let run_len = end - start;
        // Names already written right settle their tokens: no window may
        // reach into them ("As Ingrid Vasquez-Moreau", "Marguerite St").
        let mut settled = vec![false; end - start];
        for a in start..end {
            for b in a + 2..=end.min(a + 4) {
                let span = &text[toks[a].range.start..toks[b - 1].range.end];
                // A given name written right ("Shan Wai", also an alias)
                // leaves the surname after it open.
                let open_end = b < end && index.is_given_name(span);
                if !index.owners(span).is_empty() && !open_end {
                    settled[a - start..b - start]
                        .iter_mut()
                        .for_each(|s| *s = true);
                }
            }
        }
        for a in start..end {
            for b in a + 1..=end.min(a + 4) {
                let len = b - a;
                // A single token inside a longer run is not matched alone,
                // unless it is a known mishearing ("Chidi Okafore").
                if len == 1 && run_len > 1 {
                    let heard = word(&toks[a]);
                    let known = cache
                        .lookup(index, heard)
                        .first()
                        .is_some_and(|c| index.forms[c.form as usize].kind == FormKind::Misheard);
                    if !known {
                        continue;
                    }
                }
                if settled[a - start..b - start].iter().any(|&s| s) {
                    continue;
                }
                let range = toks[a].range.start..toks[b - 1].range.end;
                if overlaps_any(&protected, &range) {
                    continue;
                }
                let heard = &text[range.clone()];
                let window: Vec<&str> = (a..b).map(|k| word(&toks[k])).collect();
                if index.is_correct(heard) {
                    continue;
                }
                // Every token is some roster person's ("Matthew Bruwn" with a
                // Bruwn on a large roster) but the whole is nobody's: only a
                // person named in the file may be meant.
                let tokens_correct = window.iter().all(|w| index.is_correct(w));
                // The file's own speakers are written as their labels write them.
                if window.iter().all(|w| names.doc.speakers.is_name_token(w)) {
                    continue;
                }
                let title = a > 0 && is_title(word(&toks[a - 1]));
                // A common word alone and without a title can only be a name
                // that lost its accents ("Jose"): without a form folding to
                // it, a lookup would only be scored to be thrown away.
                if len == 1 && !title && is_common(heard) && !cache.exact_fold(names, heard) {
                    continue;
                }
                let mut found = cache.lookup_present(names, heard);
                if !english {
                    // The built-in roster's names are guesses for English
                    // text: "Claro" is a Spanish word, not Clair.
                    found.retain(|c| {
                        !index.people[index.forms[c.form as usize].person as usize].builtin
                    });
                }
                if tokens_correct {
                    found.retain(|c| {
                        names
                            .doc
                            .mentioned
                            .contains(&index.forms[c.form as usize].person)
                    });
                    if found.is_empty() {
                        continue;
                    }
                }
                let clues = Clues {
                    title,
                    marked: crate::rules::inaudible::unverified_mark_at_start(&text[range.end..]),
                    sentence_start: toks[a].sentence_start && !title,
                    // Two common words that fold to a roster name are that
                    // name ("Jose Ramirez"); one alone stays a word.
                    common: window.iter().all(|w| is_common(w))
                        && (len == 1 || !found.first().is_some_and(|c| c.exact_fold)),
                    label: false,
                    speaker: speaker_person,
                    neighbours: names.turns.neighbours(segment.range.start),
                    from_document: found.is_empty(),
                    not_english: !english,
                };
                let abs = segment.range.start + range.start..segment.range.start + range.end;
                let proposal = if found.is_empty() {
                    let doc_found = candidates(&names.doc.speakers, &Heard::new(heard));
                    propose(names, &names.doc.speakers, &doc_found, heard, abs, clues)
                } else {
                    propose(names, index, &found, heard, abs, clues)
                };
                let Some(p) = proposal else { continue };
                proposals.push(p);
            }
        }
        i = end;
    }
    emit(ctx, proposals, out);
}
