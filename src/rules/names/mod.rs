//! Name rules (N…): misheard names corrected to the roster's spelling.
//!
//! Candidates are capitalised runs of one to four tokens in body text and
//! every speaker label. Three guards keep correct text correct: a common
//! English word is never changed on its own; a single token inside a longer
//! capitalised run is not matched alone ("Renato Aquino" is not "Renata");
//! and a fix is applied only above the auto threshold with a margin over the
//! runner-up, else it is suggested.

mod body;
mod label;
mod propose;
mod tuning;

use rustc_hash::FxHashMap as HashMap;

use super::Context;
use crate::edit::Finding;
use crate::formats::{Role, Segment};
pub use crate::names::document::{label_names, Around, DocNames, Learned, Turns};
use crate::names::{candidates, Candidate, FormKind, Heard, NameIndex};

/// Names-stage state for a whole run: the roster index and the document's own names.
#[derive(Debug)]
pub struct NameContext<'a> {
    /// The roster index.
    pub index: &'a NameIndex,
    /// What the document says about names.
    pub doc: &'a DocNames,
    /// The turns of the text checked.
    pub turns: &'a Turns,
}

/// Memo of candidate lists per heard text, kept per chunk of segments:
/// caption vocabularies are small, so most lookups repeat.
#[derive(Debug, Default)]
pub struct NameCache {
    roster: HashMap<String, Vec<Candidate>>,
    present: HashMap<String, Vec<Candidate>>,
    /// Whether a word folds exactly to a roster or speaker form.
    exact: HashMap<String, bool>,
}

impl NameCache {
    pub(super) fn exact_fold(&mut self, names: &NameContext<'_>, word: &str) -> bool {
        if let Some(&known) = self.exact.get(word) {
            return known;
        }
        let found = names.index.has_exact_fold(word) || names.doc.speakers.has_exact_fold(word);
        self.exact.insert(word.to_owned(), found);
        found
    }

    pub(super) fn lookup(&mut self, index: &NameIndex, heard_text: &str) -> &[Candidate] {
        if !self.roster.contains_key(heard_text) {
            let found = candidates(index, &Heard::new(heard_text));
            self.roster.insert(heard_text.to_owned(), found);
        }
        self.roster.get(heard_text).map_or(&[], Vec::as_slice)
    }

    /// The roster candidates, plus the forms of the people named in the
    /// file when the roster index found none of them. With a large roster a
    /// lone given name ("Mery") matches hundreds of people and its index
    /// keys are too common to retrieve by; the few people actually in the
    /// file can simply all be scored.
    pub(super) fn lookup_present(
        &mut self,
        names: &NameContext<'_>,
        heard_text: &str,
    ) -> Vec<Candidate> {
        let index = names.index;
        let mut found = self.lookup(index, heard_text).to_vec();
        let mentioned = &names.doc.mentioned;
        if found
            .iter()
            .any(|c| mentioned.contains(&index.forms[c.form as usize].person))
        {
            return found;
        }
        if !self.present.contains_key(heard_text) {
            let heard = Heard::new(heard_text);
            let mut extra = Vec::new();
            let mut people: Vec<u32> = mentioned.iter().copied().collect();
            people.sort_unstable();
            for person in people {
                if index.people[person as usize].never.contains(&heard.folded) {
                    continue;
                }
                for (id, form) in index.forms_of(person) {
                    if !matches!(
                        form.kind,
                        FormKind::Given | FormKind::Surname | FormKind::Alias
                    ) {
                        continue;
                    }
                    // A given name one slip away ("Fahn" for Fahd) scores
                    // low for its shortness, yet the person is there.
                    let slip = form.kind == FormKind::Given && one_slip(&heard, form);
                    if !slip && !crate::names::may_score(&heard, form, crate::names::MIN_SCORE) {
                        continue;
                    }
                    let (score, evidence) = crate::names::score(&heard, form);
                    if score >= crate::names::MIN_SCORE || slip {
                        extra.push(Candidate {
                            form: id,
                            score,
                            exact_fold: heard.folded == form.folded,
                            evidence,
                        });
                    }
                }
            }
            self.present.insert(heard_text.to_owned(), extra);
        }
        found.extend(self.present.get(heard_text).into_iter().flatten().cloned());
        found.sort_by_key(|c| c.form);
        found.dedup_by_key(|c| c.form);
        crate::names::rank(index, &Heard::new(heard_text), &mut found);
        found
    }
}

/// One letter added, dropped, changed or swapped, or the same sounds: the
/// slips a short given name suffers ("Ana", "Tem", "Anya" for Anna, Tim,
/// Anja).
pub(super) fn one_slip(heard: &Heard, form: &crate::names::Form) -> bool {
    let (heard_len, form_len) = (heard.folded.chars().count(), form.folded.chars().count());
    heard_len >= 3
        && (heard.skeleton == form.skeleton
            || heard_len.abs_diff(form_len) <= 1
                && crate::text::fold::edit_distance(&heard.folded, &form.folded) <= 1)
}

pub(super) fn check(
    ctx: &Context<'_>,
    segment: &Segment,
    cache: &mut NameCache,
    out: &mut Vec<Finding>,
) {
    let Some(names) = ctx.names else { return };
    if !ctx.settings.rules.any_of_kind(crate::edit::Kind::Name) {
        return;
    }
    match segment.role {
        Role::SpeakerLabel => label::check_label(ctx, names, segment, cache, out),
        Role::Body => body::check_body(ctx, names, segment, cache, out),
    }
}
