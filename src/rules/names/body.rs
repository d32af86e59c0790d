//! Running text: capitalised runs of one to four tokens, each window of
//! them looked up and scored, with the guards that keep correct text as it
//! is.

use std::ops::Range;

use super::propose::{
    emit, near_present_given, near_sole_given, other_given_name, propose, Clues, Proposal,
};
use super::{Context, NameCache, NameContext};
use crate::edit::Finding;
use crate::formats::Segment;
use crate::names::common::{is_common, is_very_common};
use crate::names::fold::PARTICLES;
use crate::names::titles::{is_title, label_name, spaced_office_at, title_before};
use crate::names::{tokens, FormKind, Token};
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
    let body = Body {
        ctx,
        names,
        segment,
        text,
        toks: tokens(text),
        protected: protected_spans(text),
        // The one person the turn's label names, as the turns around it
        // are told (a surname several people share names nobody).
        speaker: ctx
            .doc
            .speaker(segment)
            .and_then(|s| names.doc.label_person(index, &s[label_name(s)])),
        english: ctx.doc.language.is_english(),
    };
    let mut proposals = Vec::new();
    let mut i = 0;
    while i < body.toks.len() {
        let t = &body.toks[i];
        if !t.capitalised || is_title(body.word(t)) || body.not_name(t) {
            i += 1;
            continue;
        }
        if spaced_office_at(text, &body.toks, i) {
            i += 2;
            continue;
        }
        let title_before = i > 0 && is_title(body.word(&body.toks[i - 1]))
            || i > 1 && spaced_office_at(text, &body.toks, i - 2);
        let end = body.run_end(i);
        let start = body.run_start(i, end, title_before);
        let settled = body.settled(start, end);
        for a in start..end {
            for b in a + 1..=end.min(a + 4) {
                if settled[a - start..b - start].iter().any(|&s| s) {
                    continue;
                }
                proposals.extend(body.window(a..b, end - start, cache));
            }
        }
        i = end;
    }
    emit(ctx, proposals, out);
}

/// One segment of running text being checked: its tokens, the spans no
/// rule may touch, and what the document says around it.
struct Body<'a> {
    ctx: &'a Context<'a>,
    names: &'a NameContext<'a>,
    segment: &'a Segment,
    text: &'a str,
    toks: Vec<Token>,
    protected: Vec<Range<usize>>,
    /// The roster person speaking this turn.
    speaker: Option<u32>,
    english: bool,
}

impl Body<'_> {
    /// A range of the segment as a range of the document.
    fn absolute(&self, range: &Range<usize>) -> Range<usize> {
        let base = self.segment.range.start;
        base + range.start..base + range.end
    }

    fn word(&self, t: &Token) -> &str {
        &self.text[t.range.clone()]
    }

    /// Acronyms and glossary words are not names, in any case: "Undesa" and
    /// its correction "UNDESA" both end a run. A letter a glossary term
    /// begins at ("I.G.F.") is no initial either, or the run would differ
    /// once G001 makes it "IGF".
    fn not_name(&self, t: &Token) -> bool {
        let w = self.word(t);
        (t.all_caps && w.chars().count() > 1)
            || self.ctx.terms.is_some_and(|g| {
                g.is_term_word(w) || (w.len() == 1 && g.term_at_start(&self.text[t.range.start..]))
            })
    }

    /// Where the run of name tokens from token `i` ends: capitalised tokens
    /// joined by spaces, particles between them, dotted initials or "St."
    /// inside; six tokens at most.
    fn run_end(&self, i: usize) -> usize {
        let toks = &self.toks;
        let mut end = i + 1;
        while end < toks.len() {
            let gap = &self.text[toks[end - 1].range.end..toks[end].range.start];
            let prev = self.word(&toks[end - 1]);
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
            let fits = next.capitalised && !is_title(self.word(next)) && !self.not_name(next)
                || PARTICLES.contains(&self.word(next))
                    && toks.get(end + 1).is_some_and(|n| n.capitalised);
            if !joinable || !fits || end - i >= 6 {
                break;
            }
            end += 1;
        }
        end
    }

    /// Where the run from `i` to `end` starts once a common word opening a
    /// sentence ("Thank", "Welcome") is left out.
    fn run_start(&self, i: usize, end: usize, title_before: bool) -> usize {
        let mut start = i;
        while start < end - 1
            && self.toks[start].sentence_start
            && !title_before
            && is_common(self.word(&self.toks[start]))
            && !self.names.index.is_name_token(self.word(&self.toks[start]))
        {
            start += 1;
        }
        start
    }

    /// The tokens of the run that names already written right settle: no
    /// window may reach into them ("As Ingrid Vasquez-Moreau", "Marguerite
    /// St").
    fn settled(&self, start: usize, end: usize) -> Vec<bool> {
        let index = self.names.index;
        let mut settled = vec![false; end - start];
        for a in start..end {
            for b in a + 2..=end.min(a + 4) {
                let span = &self.text[self.toks[a].range.start..self.toks[b - 1].range.end];
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
        settled
    }

    /// The proposal for the window of tokens `window` of a run of
    /// `run_len` tokens, if the guards let one be made.
    fn window(
        &self,
        window: Range<usize>,
        run_len: usize,
        cache: &mut NameCache,
    ) -> Option<Proposal> {
        let (index, names, text) = (self.names.index, self.names, self.text);
        let (a, b) = (window.start, window.end);
        let len = b - a;
        // A single token inside a longer run is not matched alone, unless it
        // is a known mishearing ("Chidi Okafore").
        if len == 1 && run_len > 1 {
            let heard = self.word(&self.toks[a]);
            let known = index
                .lookup(heard)
                .first()
                .is_some_and(|c| index.forms[c.form as usize].kind == FormKind::Misheard);
            if !known {
                return None;
            }
        }
        let range = self.toks[a].range.start..self.toks[b - 1].range.end;
        if overlaps_any(&self.protected, &range) {
            return None;
        }
        let heard = &text[range.clone()];
        let words: Vec<&str> = (a..b).map(|k| self.word(&self.toks[k])).collect();
        if index.is_correct(heard) {
            return None;
        }
        // Every token is some roster person's ("Matthew Bruwn" with a Bruwn
        // on a large roster) but the whole is nobody's: only a person named
        // in the file may be meant.
        let tokens_correct = words.iter().all(|w| index.is_correct(w));
        // The file's own speakers are written as their labels write them:
        // a word of one of their names, or one's whole name. Words of two
        // different speakers' names ("Veni" of VENI DRAČUK, "Wisniewski" of
        // YETUNDE WIŚNIEWSKI) may still be a roster person's.
        let speakers = &names.doc.speakers;
        let own_speaker = match words.as_slice() {
            [word] => speakers.is_name_token_as_written(word),
            _ => {
                words.iter().all(|w| speakers.is_name_token_as_written(w))
                    && speakers.has_exact_fold(heard)
            }
        };
        // A name written exactly as recurring speaker labels write it, and
        // those labels left as they are, is that speaker's, even when a
        // more frequent label is near it: two people with near names. Not
        // a roster name without its accents: that is the roster person.
        let label_key = crate::names::fold::fold(heard);
        let labelled = len > 1
            && names
                .doc
                .labels
                .get(&label_key)
                .is_some_and(|(uses, _)| *uses >= crate::names::document::RECURRING_LABEL)
            && !names.doc.fixed_labels.contains_key(&label_key)
            && !index.has_exact_fold(heard);
        if own_speaker || labelled {
            return None;
        }
        let title_words = title_before(self.text, &self.toks, a);
        let title = !title_words.is_empty();
        // A common word alone and without a title can only be a name that
        // lost its accents ("Jose"): without a form folding to it, a lookup
        // would only be scored to be thrown away.
        let common_alone =
            len == 1 && !title && is_common(heard) && !cache.exact_fold(names, heard);
        if common_alone && is_very_common(heard) {
            return None;
        }
        let abs = self.absolute(&range);
        let mut found = cache.lookup_present(names, heard);
        if common_alone {
            // A rarer word that is also a name ("Ana") may still be a
            // present person's given name misheard, or the given name of
            // the one roster person who has it ("Anya" for Anja), and
            // nothing else.
            found.retain(|c| {
                near_present_given(names, heard, c) || near_sole_given(index, heard, c.form)
            });
            if found.is_empty() {
                found = cache.sole_given_slips(index, heard);
            }
            if found.is_empty() {
                return cache.lost_first_vowel(names, heard, abs);
            }
        }
        if !self.english {
            // The built-in roster's names are guesses for English text:
            // "Claro" is a Spanish word, not Clair.
            found.retain(|c| !index.people[index.forms[c.form as usize].person as usize].builtin);
        }
        if tokens_correct {
            found.retain(|c| {
                names
                    .doc
                    .mentioned
                    .contains(&index.forms[c.form as usize].person)
            });
            if found.is_empty() {
                return other_given_name(names, &words, heard, abs, false);
            }
        }
        let clues = Clues {
            title,
            marked: crate::rules::inaudible::unverified_mark_at_start(&text[range.end..]),
            sentence_start: self.toks[a].sentence_start && !title,
            // Two common words that fold to a roster name are that name
            // ("Jose Ramirez"); one alone stays a word.
            common: words.iter().all(|w| is_common(w))
                && (len == 1 || !found.first().is_some_and(|c| c.exact_fold)),
            label: false,
            speaker: self.speaker,
            neighbours: names.turns.neighbours(self.segment.range.start),
            from_document: found.is_empty(),
            not_english: !self.english,
            title_words,
            after: &text[range.end..],
        };
        let proposal = if found.is_empty() {
            let doc_found = names.doc.speakers.lookup(heard);
            propose(
                names,
                &names.doc.speakers,
                &doc_found,
                heard,
                abs.clone(),
                clues,
            )
        } else {
            propose(names, index, &found, heard, abs.clone(), clues)
        };
        proposal
            .or_else(|| other_given_name(names, &words, heard, abs.clone(), false))
            .or_else(|| {
                // Nothing near enough to pass the lookup's bar: a lone word
                // one slip from the given name only one roster person has
                // ("Fahn" for Fahd) is still suggested, not passed over.
                if len != 1 {
                    return None;
                }
                let slips = cache.sole_given_slips(index, heard);
                let fresh = slips
                    .iter()
                    .any(|s| !found.iter().any(|f| f.form == s.form));
                if !fresh {
                    return None;
                }
                let clues = Clues {
                    from_document: false,
                    ..clues
                };
                propose(names, index, &slips, heard, abs.clone(), clues)
            })
            .or_else(|| {
                (len == 1)
                    .then(|| cache.lost_first_vowel(names, heard, abs))
                    .flatten()
            })
    }
}
