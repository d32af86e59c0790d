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

use std::sync::Mutex;

use rustc_hash::FxHashMap as HashMap;

use super::Context;
use crate::edit::Finding;
use crate::formats::{Role, Segment};
pub use crate::names::document::{label_names, Around, DocNames, Learned, Turns};
use crate::names::{Candidate, FormKind, FormSketch, Heard, NameIndex};

/// Names-stage state for a whole run: the roster index and the document's own names.
#[derive(Debug)]
pub struct NameContext<'a> {
    /// The roster index.
    pub index: &'a NameIndex,
    /// What the document says about names.
    pub doc: &'a DocNames,
    /// The turns of the text checked.
    pub turns: &'a Turns,
    /// Lookups every worker of the pass shares.
    pub shared: SharedLookups,
}

/// What every worker of a pass may reuse: a present lookup depends only on
/// the roster and on the people the document names, and on name-dense text
/// the workers' own memos each met most names anew.
#[derive(Debug, Default)]
pub struct SharedLookups {
    present: Mutex<HashMap<String, Vec<Candidate>>>,
    /// Label segment text -> its proposals, spans within it.
    labels: Mutex<HashMap<Box<str>, Vec<propose::Proposal>>>,
}

/// Label texts whose proposals a pass remembers before it starts afresh:
/// a file's distinct labels are few, but a gigabyte may hold many.
const LABELS_REMEMBERED: usize = 1 << 14;

impl SharedLookups {
    /// The proposals for the label segment `text`, made by `make` once.
    fn label_proposals(
        &self,
        text: &str,
        make: impl FnOnce() -> Vec<propose::Proposal>,
    ) -> Vec<propose::Proposal> {
        if let Some(known) = self.labels.lock().ok().and_then(|m| m.get(text).cloned()) {
            return known;
        }
        let made = make();
        if let Ok(mut memo) = self.labels.lock() {
            if memo.len() >= LABELS_REMEMBERED {
                memo.clear();
            }
            memo.insert(text.into(), made.clone());
        }
        made
    }
}

/// Memo of a pass's lookups per heard text, kept per worker job: caption
/// vocabularies are small, so most lookups repeat. (The roster's own
/// lookups are remembered by its index for the whole run.)
#[derive(Debug, Default)]
pub struct NameCache {
    present: HashMap<String, Vec<Candidate>>,
    /// Whether a word folds exactly to a roster or speaker form.
    exact: HashMap<String, bool>,
    /// The sole given names a lone word is one slip from.
    slips: HashMap<String, Vec<Candidate>>,
    /// The labelled speaker's given name a lone word is without its first
    /// vowel.
    vowels: HashMap<String, Option<Candidate>>,
}

impl NameCache {
    /// [`propose::lost_first_vowel`], remembered per word: asked of every
    /// lone word nothing else matched.
    fn lost_first_vowel(
        &mut self,
        names: &NameContext<'_>,
        heard: &str,
        range: std::ops::Range<usize>,
    ) -> Option<propose::Proposal> {
        let found = match self.vowels.get(heard) {
            Some(found) => found.clone(),
            None => {
                let found = propose::lost_first_vowel(names, heard);
                self.vowels.insert(heard.to_owned(), found.clone());
                found
            }
        };
        Some(propose::lost_first_vowel_proposal(
            names, &found?, heard, range,
        ))
    }

    /// The given names of the user's roster that only one person has and
    /// that the lone word `heard_text` is one letter from ("Anya" for Anja,
    /// "Fahn" for Fahd), scored: a short name's slip scores below the bar
    /// of a lookup, yet it is too near to pass in silence. No very common
    /// word ("Will"), nor a word of a roster name, is anybody's slip.
    pub(super) fn sole_given_slips(
        &mut self,
        index: &NameIndex,
        heard_text: &str,
    ) -> Vec<Candidate> {
        if let Some(found) = self.slips.get(heard_text) {
            return found.clone();
        }
        let mut found = Vec::new();
        if !heard_text.contains(char::is_whitespace)
            && !crate::names::common::is_very_common(heard_text)
            && !index.is_name_token(heard_text)
        {
            let folded = crate::names::fold::fold(heard_text);
            let ids = index.sole_given_slips(&folded);
            if !ids.is_empty() {
                let heard = Heard::new(heard_text);
                for id in ids {
                    let form = &index.forms[id as usize];
                    let never = &index.people[form.person as usize].never;
                    // One letter, not merely the same sounds: "Kyoto" has
                    // the skeleton of many a name.
                    let one_letter = heard.folded.chars().count() >= 3
                        && crate::text::fold::edit_distance(&heard.folded, &form.folded) <= 1;
                    if one_letter && !never.contains(&heard.folded) {
                        let (score, evidence) = crate::names::score(&heard, form);
                        found.push(Candidate {
                            form: id,
                            score,
                            exact_fold: false,
                            evidence,
                        });
                    }
                }
            }
        }
        self.slips.insert(heard_text.to_owned(), found.clone());
        found
    }

    pub(super) fn exact_fold(&mut self, names: &NameContext<'_>, word: &str) -> bool {
        if let Some(&known) = self.exact.get(word) {
            return known;
        }
        let found = names.index.has_exact_fold(word) || names.doc.speakers.has_exact_fold(word);
        self.exact.insert(word.to_owned(), found);
        found
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
        if let Some(found) = self.present.get(heard_text) {
            return found.clone();
        }
        let shared = names
            .shared
            .present
            .lock()
            .ok()
            .and_then(|memo| memo.get(heard_text).cloned());
        let found = shared.unwrap_or_else(|| {
            let found = self.find_present(names, heard_text);
            if let Ok(mut memo) = names.shared.present.lock() {
                memo.insert(heard_text.to_owned(), found.clone());
            }
            found
        });
        self.present.insert(heard_text.to_owned(), found.clone());
        found
    }

    fn find_present(&mut self, names: &NameContext<'_>, heard_text: &str) -> Vec<Candidate> {
        let index = names.index;
        let mut found = index.lookup(heard_text).to_vec();
        let mentioned = &names.doc.mentioned;
        // A reading is no spelling of a present person's ("Jang" for
        // Zhang must not keep "Jeng" from Jing, who speaks).
        let any_present = found.iter().any(|c| {
            let form = &index.forms[c.form as usize];
            form.kind != FormKind::Reading && mentioned.contains(&form.person)
        });
        if !any_present {
            let heard = Heard::new(heard_text);
            found.extend(
                names
                    .doc
                    .present_hits(heard_text, |sketches| scan_present(index, &heard, sketches)),
            );
            found.sort_by_key(|c| c.form);
            found.dedup_by_key(|c| c.form);
            crate::names::rank(index, &heard, &mut found);
        }
        found
    }
}

/// The whole name or surname of a person who speaks under a label of the
/// file that the label `name` scores at least [`tuning::LABEL_NEAR_SPEAKER`]
/// against, clearly more than any other such person; or, for a one-word
/// label, the given name of the one such person it is a slip from. For
/// labels that nothing nearer matched.
pub(super) fn near_labelled_speaker(names: &NameContext<'_>, name: &str) -> Option<Candidate> {
    let memo = &names.doc.near_speakers;
    if let Some(known) = memo.lock().ok().and_then(|m| m.get(name).cloned()) {
        return known;
    }
    let found =
        score_labelled_speakers(names, name).or_else(|| labelled_given_name_slip(names, name));
    if let Ok(mut m) = memo.lock() {
        m.insert(name.into(), found.clone());
    }
    found
}

/// The given name of the one labelled speaker that the one-word label
/// `name` is one letter or one sound from (`>> ANYA:` where ANJA GENGO
/// speaks): a given name alone labels later turns of a speaker already
/// introduced by their whole name.
fn labelled_given_name_slip(names: &NameContext<'_>, name: &str) -> Option<Candidate> {
    let heard = Heard::new(name);
    // As in running text, a rarer word that is also a name ("Anya") may
    // be the slip; a very common one ("WILL") is not.
    if heard.tokens.len() != 1 || crate::names::common::is_very_common(name) {
        return None;
    }
    let index = names.index;
    let skeleton_hash = crate::names::skeleton_hash(&heard.skeleton);
    let form = one_labelled_given_name(names, |sketch, form| {
        let same_skeleton =
            sketch.skeleton_hash == skeleton_hash && form.skeleton == heard.skeleton;
        one_slip_sketched(&heard, sketch, same_skeleton, || form)
            && !index.people[form.person as usize]
                .never
                .contains(&heard.folded)
    })?;
    let (score, evidence) = crate::names::score(&heard, &index.forms[form as usize]);
    Some(Candidate {
        form,
        score,
        exact_fold: false,
        evidence,
    })
}

/// The one-word given name (its form) of the one labelled speaker whose
/// given name `accepts`; none when it accepts two people's.
fn one_labelled_given_name(
    names: &NameContext<'_>,
    mut accepts: impl FnMut(&FormSketch, &crate::names::Form) -> bool,
) -> Option<u32> {
    let index = names.index;
    let mut found: Option<u32> = None;
    for sketch in &names.doc.label_given_sketches {
        let form = &index.forms[sketch.form as usize];
        if !accepts(sketch, form) {
            continue;
        }
        match found {
            Some(f) if index.forms[f as usize].person != form.person => return None,
            _ => found = Some(sketch.form),
        }
    }
    found
}

fn score_labelled_speakers(names: &NameContext<'_>, name: &str) -> Option<Candidate> {
    let heard = Heard::new(name);
    // "AUDIENCE MEMBER", "CHAIR": a role, not a name.
    if heard
        .tokens
        .iter()
        .all(|t| crate::names::common::is_common(t))
    {
        return None;
    }
    let index = names.index;
    let skeleton_hash = crate::names::skeleton_hash(&heard.skeleton);
    // The best score of each person, in the sketches' order (by person).
    let mut people: Vec<(u32, f32, Candidate)> = Vec::new();
    for sketch in &names.doc.label_sketches {
        let form = &index.forms[sketch.form as usize];
        let same_skeleton =
            sketch.skeleton_hash == skeleton_hash && form.skeleton == heard.skeleton;
        if sketch.words.abs_diff(heard.tokens.len()) > 1
            || !sketch.may_score(&heard, same_skeleton, tuning::LABEL_NEAR_SPEAKER)
            || index.people[form.person as usize]
                .never
                .contains(&heard.folded)
        {
            continue;
        }
        let Some((score, evidence)) =
            crate::names::score_reaching(&heard, form, tuning::LABEL_NEAR_SPEAKER)
        else {
            continue;
        };
        let candidate = Candidate {
            form: sketch.form,
            score,
            exact_fold: false,
            evidence,
        };
        match people.last_mut() {
            Some(last) if last.0 == form.person => {
                if score > last.1 {
                    *last = (form.person, score, candidate);
                }
            }
            _ => people.push((form.person, score, candidate)),
        }
    }
    people.sort_by(|a, b| b.1.total_cmp(&a.1));
    let runner_up = people.get(1).map_or(0.0, |p| p.1);
    let (_, best, candidate) = people.into_iter().next()?;
    (best >= runner_up + tuning::MARGIN).then_some(candidate)
}

/// The forms of `sketches` (of people present in the file) that `heard`
/// may be, each scored (see [`NameCache::lookup_present`]).
fn scan_present(index: &NameIndex, heard: &Heard, sketches: &[FormSketch]) -> Vec<Candidate> {
    let mut found = Vec::new();
    let skeleton_hash = crate::names::skeleton_hash(&heard.skeleton);
    for sketch in sketches {
        let form = || &index.forms[sketch.form as usize];
        let same_skeleton =
            sketch.skeleton_hash == skeleton_hash && form().skeleton == heard.skeleton;
        // A given name one slip away ("Fahn" for Fahd) scores low for its
        // shortness, yet the person is there.
        let slip = sketch.given && one_slip_sketched(heard, sketch, same_skeleton, form);
        if !slip && !sketch.may_score(heard, same_skeleton, crate::names::MIN_SCORE) {
            continue;
        }
        let form = form();
        if index.people[form.person as usize]
            .never
            .contains(&heard.folded)
        {
            continue;
        }
        let scored = if slip {
            Some(crate::names::score(heard, form))
        } else {
            crate::names::score_reaching(heard, form, crate::names::MIN_SCORE)
        };
        if let Some((score, evidence)) = scored {
            found.push(Candidate {
                form: sketch.form,
                score,
                exact_fold: heard.folded == form.folded && form.kind != FormKind::Reading,
                evidence,
            });
        }
    }
    found
}

/// [`one_slip`] from a sketch, reading the form only when the sketch
/// allows it.
fn one_slip_sketched<'a>(
    heard: &Heard,
    sketch: &FormSketch,
    same_skeleton: bool,
    form: impl Fn() -> &'a crate::names::Form,
) -> bool {
    let (heard_len, form_len) = (heard.lengths[0], sketch.lengths[0]);
    // Letter counts and lengths first: most forms differ in more than one.
    heard_len >= 3
        && (heard_len.abs_diff(form_len) <= 1
            && heard.letters[0].min_edits(&sketch.letters[0]) <= 1
            && crate::text::fold::edit_distance(&heard.folded, &form().folded) <= 1
            || heard.lengths[1] == sketch.lengths[1] && same_skeleton)
}

/// One letter added, dropped, changed or swapped, or the same sounds: the
/// slips a short given name suffers ("Ana", "Tem", "Anya" for Anna, Tim,
/// Anja).
pub(super) fn one_slip(heard: &Heard, form: &crate::names::Form) -> bool {
    let sketch = FormSketch::of(0, form);
    one_slip_sketched(heard, &sketch, heard.skeleton == form.skeleton, || form)
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
        Role::SpeakerLabel => label::check_label(ctx, names, segment, out),
        Role::Body => body::check_body(ctx, names, segment, cache, out),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;
    use crate::dict::Roster;
    use crate::names::FormKind;

    const ROSTER: &str = "name,aliases\nAnna Lindqvist,\nTim O'Brien,\nWai Min Kwok,\nFahd Al-Rashid,\nEleonora Duse,Nora Duse\nMagda Kowalska,\nChengetai Masango,\n";

    /// The scan as it read whole forms, before sketches.
    fn scan_forms(index: &NameIndex, heard: &Heard) -> Vec<Candidate> {
        let mut found = Vec::new();
        for (id, form) in (0..index.people.len() as u32).flat_map(|p| index.forms_of(p)) {
            if !matches!(
                form.kind,
                FormKind::Given | FormKind::Surname | FormKind::Alias
            ) {
                continue;
            }
            let slip = form.kind == FormKind::Given && one_slip(heard, form);
            if !slip && !crate::names::may_score(heard, form, crate::names::MIN_SCORE) {
                continue;
            }
            let (score, evidence) = crate::names::score(heard, form);
            if score >= crate::names::MIN_SCORE || slip {
                found.push(Candidate {
                    form: id,
                    score,
                    exact_fold: heard.folded == form.folded,
                    evidence,
                });
            }
        }
        found
    }

    proptest! {
        #[test]
        fn sketches_find_what_whole_forms_find(heard in "[A-Z][a-z]{1,9}( [A-Z][a-z']{1,9})?") {
            let index = NameIndex::new(&Roster::parse(Path::new("r.csv"), ROSTER).unwrap());
            let mut doc = DocNames::default();
            doc.add_mentions(&index, 0..index.people.len() as u32);
            let heard = Heard::new(&heard);
            let sketched = doc.present_hits(&heard.folded, |s| scan_present(&index, &heard, s));
            prop_assert_eq!(sketched, scan_forms(&index, &heard));
        }
    }

    #[test]
    fn sketches_find_slips_and_sound_alikes() {
        let index = NameIndex::new(&Roster::parse(Path::new("r.csv"), ROSTER).unwrap());
        let mut doc = DocNames::default();
        doc.add_mentions(&index, 0..index.people.len() as u32);
        for text in ["Ana", "Tem", "Fahn", "Kowalsca", "Wyman", "Lindkvist"] {
            let heard = Heard::new(text);
            let hits = doc.present_hits(text, |s| scan_present(&index, &heard, s));
            assert!(!hits.is_empty(), "{text}");
            assert_eq!(hits, scan_forms(&index, &heard), "{text}");
        }
    }
}
