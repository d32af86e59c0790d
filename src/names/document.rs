//! What the names stage knows of a whole input before it checks any of it:
//! who is named correctly, who speaks (labels, the speakers not on the
//! roster, the spelling a rare label stands for), and which labels a first
//! pass corrects; and, for the text being checked, its turns and the turns
//! just outside it. Gathered the same way from a whole file (one part) and
//! from a large file's parts.

use std::sync::Mutex;

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::fold::{char_len, edit_similarity, fold, skeleton, title_case, Letters};
use super::titles::{fits_role, label_name, title_before};
use super::{tokens, Candidate, FormKind, FormSketch, NameIndex};
use crate::dict::{Person, Roster};
use crate::formats::{Document, Role};

/// Similarity at which one label is a misspelling of another. Edit
/// distance, not Jaro-Winkler: two people who share a given name share a
/// long prefix ("KARTHIK SHARMA", "KARTHIK SHRENKO").
pub(crate) const LABEL_VARIANT: f32 = 0.85;

/// A label scoring this near a roster form names that roster person: no
/// speaker of the file's own.
const ROSTER_LABEL: f32 = 0.97;

/// A label scoring this near a person present in the file, and used only
/// once or twice, is that person's, damaged.
const NEAR_LABEL: f32 = 0.85;

/// What the comparison of two label spellings needs of each, computed once
/// per label rather than once per pair.
struct Spelling {
    skeleton: String,
    /// Letter counts and lengths of the folded text and of the skeleton.
    letters: [Letters; 2],
    lengths: [usize; 2],
}

impl Spelling {
    fn of(folded: &str) -> Spelling {
        let skeleton = skeleton(folded);
        Spelling {
            letters: [Letters::of(folded), Letters::of(&skeleton)],
            lengths: [char_len(folded), char_len(&skeleton)],
            skeleton,
        }
    }
}

/// A label with its turns and its spelling, for comparing every label with
/// every more used one.
struct RankedLabel<'a> {
    folded: &'a str,
    uses: usize,
    spelling: Spelling,
}

/// The labels of `labels` (folded text -> turns, text), most used first:
/// each label's spelling is prepared once, not once per pair.
fn ranked(labels: &HashMap<String, (usize, String)>) -> Vec<RankedLabel<'_>> {
    let mut ranked: Vec<RankedLabel<'_>> = labels
        .par_iter()
        .map(|(folded, (uses, _))| RankedLabel {
            folded,
            uses: *uses,
            spelling: Spelling::of(folded),
        })
        .collect();
    ranked.sort_by(|a, b| b.uses.cmp(&a.uses).then(a.folded.cmp(b.folded)));
    ranked
}

/// The labels of `ranked` used more than `label`, nearest spellings of it
/// first found (see [`variants`]), with their similarity.
fn more_used_variants<'a>(
    ranked: &'a [RankedLabel<'a>],
    label: &'a RankedLabel<'a>,
) -> impl Iterator<Item = (&'a RankedLabel<'a>, f32)> {
    ranked
        .iter()
        .take_while(move |r| r.uses > label.uses)
        .filter(move |r| !distinct_speakers(label.uses, r.uses))
        .filter_map(move |r| {
            variants(r.folded, &r.spelling, label.folded, &label.spelling).map(|s| (r, s))
        })
}

/// How alike folded labels `a` and `b` are, spelled or (for names of five
/// letters or more) sounded, when at least [`LABEL_VARIANT`]: spellings of
/// one name. Letter counts rule most pairs out before any edit distance.
fn variants(a: &str, sa: &Spelling, b: &str, sb: &Spelling) -> Option<f32> {
    let most = |i: usize| sa.letters[i].most_similar(sa.lengths[i], &sb.letters[i], sb.lengths[i]);
    // Sounds count too ("KAREDA", "CAREDA"), but not in names so short
    // that a vowel is all that tells two people apart ("LEE", "LI").
    let sounds_count = a.len().min(b.len()) >= 5;
    if most(0) < LABEL_VARIANT && (!sounds_count || most(1) < LABEL_VARIANT) {
        return None;
    }
    let spelled = edit_similarity(a, b);
    let sounded = if sounds_count {
        edit_similarity(&sa.skeleton, &sb.skeleton)
    } else {
        0.0
    };
    let similarity = spelled.max(sounded);
    (similarity >= LABEL_VARIANT).then_some(similarity)
}

/// Uses after which a label not on the roster is taken for a speaker of
/// its own rather than a damaged label of a present person.
pub(crate) const RECURRING_LABEL: usize = 3;

/// Whether a label spelled so in `own` turns names somebody other than a
/// near spelling used in `other` turns: both recur, neither is rare.
pub(crate) fn distinct_speakers(own: usize, other: usize) -> bool {
    own >= RECURRING_LABEL && own * 3 >= other
}

/// The roster people a document names, in the order it came to know them:
/// the set only grows, so what was worked out for the first `n` of them
/// stays true and only the later ones need to be looked at. Their forms a
/// lone word may be are kept sketched, in the same order, for the scans.
#[derive(Debug, Default)]
pub(crate) struct Present {
    set: HashSet<u32>,
    sketches: Vec<FormSketch>,
    /// Where the sketches of the first `n + 1` people end.
    sketch_ends: Vec<usize>,
}

impl Present {
    pub(crate) fn contains(&self, person: &u32) -> bool {
        self.set.contains(person)
    }

    pub(crate) fn len(&self) -> usize {
        self.sketch_ends.len()
    }

    /// The sketches of the given names, surnames and aliases of the people
    /// after the first `people`.
    pub(crate) fn sketches_after(&self, people: usize) -> &[FormSketch] {
        let start = people
            .checked_sub(1)
            .and_then(|last| self.sketch_ends.get(last))
            .copied()
            .unwrap_or(0);
        &self.sketches[start.min(self.sketches.len())..]
    }

    /// Adds the people of `people` not yet present.
    pub(crate) fn add(&mut self, index: &NameIndex, people: impl IntoIterator<Item = u32>) {
        for person in people {
            if self.set.insert(person) {
                let forms = index.forms_of(person).filter(|(_, form)| {
                    matches!(
                        form.kind,
                        FormKind::Given | FormKind::Surname | FormKind::Alias
                    ) || form.kind == FormKind::Reading && form.tokens == 1
                });
                self.sketches
                    .extend(forms.map(|(id, form)| FormSketch::of(id, form)));
                self.sketch_ends.push(self.sketches.len());
            }
        }
    }
}

/// Heard text -> how many present people were scanned for it, and the hits.
type PresentScans = Mutex<HashMap<Box<str>, (usize, Vec<Candidate>)>>;

/// Entries the memo of present-people scans holds before it starts afresh.
const PRESENT_SCANS_CAPACITY: usize = 1 << 16;

/// What the names stage knows about a whole document before it checks a
/// segment: who is named correctly, and who speaks.
#[derive(Debug, Default)]
pub struct DocNames {
    /// Roster people named correctly somewhere (text or labels).
    pub(crate) mentioned: Present,
    /// For each heard text scanned against the forms of the people present,
    /// how many of them (in the order they were added) were scanned and what
    /// was found: the learning pass and the final pass, and the parts of a
    /// large file, scan each person once per heard text.
    present_scans: PresentScans,
    /// The people named only by a learning pass's fixes.
    named_by_fixes: HashSet<u32>,
    /// Label names by folded text: (uses, first spelling).
    pub(crate) labels: HashMap<String, (usize, String)>,
    /// For a rare label spelling, the label it most likely misspells.
    pub(crate) label_roots: HashMap<String, LabelRoot>,
    /// Misspelled labels a first pass corrects (folded) and the person they
    /// name: their turns are that person's, as they will be in the output.
    pub(crate) fixed_labels: HashMap<String, u32>,
    /// What a first pass corrects each of those labels to.
    pub(crate) fixed_label_text: HashMap<String, String>,
    /// Speakers of this document who are not on the roster.
    pub(crate) speakers: NameIndex,
    /// Roster people a label of this document names (or is corrected to).
    pub(crate) label_people: HashSet<u32>,
    /// The whole names and surnames of [`DocNames::label_people`], sketched.
    pub(crate) label_sketches: Vec<FormSketch>,
    /// Their one-word given names, sketched.
    pub(crate) label_given_sketches: Vec<FormSketch>,
    /// Label text -> the labelled speaker it may be: shared by the workers
    /// of a pass, and made afresh when the labelled speakers change.
    pub(crate) near_speakers: Mutex<HashMap<Box<str>, Option<Candidate>>>,
}

/// The speaker turns of the text being checked, each with the roster
/// person its label names, and the turns just outside it when it is one
/// part of a larger input. Held per text checked, not for a whole input,
/// so that memory does not grow with the input.
#[derive(Debug, Default, Clone)]
pub struct Turns {
    /// Label positions in the text and the persons they name.
    within: Vec<(usize, Option<u32>)>,
    around: Around,
}

/// The turns just outside one part of a larger input, each as the person
/// its label names (`Some(None)`: a turn of nobody on the roster; `None`:
/// no such turn). Plain values, so that keeping one per part allocates
/// nothing.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Around {
    /// The last two turns before the part, older first.
    pub before: [Option<Option<u32>>; 2],
    /// The first turn after the part.
    pub after: Option<Option<u32>>,
}

/// The names in the speaker labels of `doc`, with where each label starts.
pub fn label_names(doc: &Document) -> impl DoubleEndedIterator<Item = (usize, &str)> + '_ {
    doc.segments
        .iter()
        .filter(|s| s.role == Role::SpeakerLabel)
        .filter_map(|s| {
            let text = doc.segment_text(s);
            let name = text[label_name(text)].trim();
            (!name.is_empty()).then_some((s.range.start, name))
        })
}

impl Turns {
    /// The turns of `doc` (as the names stage reads it), inside `around`;
    /// `names` knows the labels a first pass corrects.
    pub fn of(doc: &Document, index: &NameIndex, names: &DocNames, around: Around) -> Turns {
        let within = label_names(doc)
            .map(|(start, name)| (start, names.label_person(index, name)))
            .collect();
        Turns { within, around }
    }

    /// The roster people speaking in the turn before and the turn after the
    /// text at byte `at`: "Thank you, Joost" thanks the last speaker, and
    /// "Joost, you have the floor" calls the next.
    pub(crate) fn neighbours(&self, at: usize) -> [Option<u32>; 2] {
        // The turns outside and inside the text, as one list.
        let mut outside = [None; 2];
        let mut n = 0;
        for person in self.around.before.iter().flatten() {
            outside[n] = *person;
            n += 1;
        }
        let before = &outside[..n];
        let turn = |k: usize| -> Option<u32> {
            match k.checked_sub(before.len()) {
                None => before[k],
                Some(j) if j < self.within.len() => self.within[j].1,
                Some(j) if j == self.within.len() => self.around.after.flatten(),
                Some(_) => None,
            }
        };
        let i = before.len() + self.within.partition_point(|&(start, _)| start <= at);
        [i.checked_sub(2).and_then(turn), turn(i)]
    }
}

/// The label a rarer spelling stands for.
#[derive(Debug, Clone)]
pub(crate) struct LabelRoot {
    /// Label similarity of the rare spelling and the first step towards the root.
    pub(crate) similarity: f32,
    /// Turns labelled with the root.
    pub(crate) uses: usize,
    /// The root as first written.
    pub(crate) text: String,
}

/// Follows each label to the most used near spelling, step by step while
/// each step is to a much more used one: "KARREDA" (8 turns) -> "KAREDA"
/// (41) -> "CAREDA" (736). Two spellings that both recur are two people.
fn label_roots(
    labels: &HashMap<String, (usize, String)>,
    ranked: &[RankedLabel<'_>],
) -> HashMap<String, LabelRoot> {
    // Every step is from a label with its own uses: each is found once, in
    // parallel (the search is over every more used label).
    let steps: HashMap<&str, (&str, f32)> = ranked
        .par_iter()
        .filter_map(|label| {
            let (to, similarity) = more_used_variants(ranked, label)
                .max_by(|a, b| a.0.uses.cmp(&b.0.uses).then(a.1.total_cmp(&b.1)))?;
            Some((label.folded, (to.folded, similarity)))
        })
        .collect();
    let mut roots = HashMap::default();
    for folded in ranked.iter().map(|r| r.folded) {
        let Some(&(mut at, similarity)) = steps.get(folded) else {
            continue;
        };
        for _ in 0..4 {
            match steps.get(at) {
                Some(&(next, _)) => at = next,
                None => break,
            }
        }
        if let Some((uses, text)) = labels.get(at) {
            roots.insert(
                folded.to_owned(),
                LabelRoot {
                    similarity,
                    uses: *uses,
                    text: text.clone(),
                },
            );
        }
    }
    roots
}

/// The one person a correctly written name identifies: a surname several
/// roster people share names none of them.
pub(crate) fn unique(owners: &[u32]) -> Option<u32> {
    match owners {
        [one] => Some(*one),
        _ => None,
    }
}

/// The one roster person a name written right names. A built-in public
/// figure is named by a whole name, or by one word after the title of
/// their office ("President Macron"): "Ms. Abela" or a "King" said alone
/// is far more often somebody else, or a word.
fn named_by(index: &NameIndex, span: &str, title: &str) -> Option<u32> {
    let person = unique(index.owners(span))?;
    let figure = &index.people[person as usize];
    (!figure.builtin || span.contains(' ') || fits_role(title, &figure.role)).then_some(person)
}

/// Segments gathered per parallel job.
const GATHER_CHUNK: usize = 256;

/// What one segment tells of the names in the file.
enum Gathered<'t> {
    /// A roster person named correctly.
    Person(u32),
    /// The name of a speaker label.
    Label(&'t str),
}

/// What `text`, a segment of `role`, tells: the people it names correctly
/// and the name of its label.
fn gather_segment<'t>(text: &'t str, role: Role, index: &NameIndex, found: &mut Vec<Gathered<'t>>) {
    match role {
        Role::SpeakerLabel => {
            let name = text[label_name(text)].trim();
            if name.is_empty() {
                return;
            }
            let title = text[..label_name(text).start].trim();
            found.extend(named_by(index, name, title).map(Gathered::Person));
            found.push(Gathered::Label(name));
        }
        // Only capitalised words name anybody.
        Role::Body if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase()) => {}
        Role::Body => {
            let toks = tokens(text);
            for (i, t) in toks.iter().enumerate() {
                if !t.capitalised {
                    continue;
                }
                for len in 1..=3 {
                    let Some(last) = toks.get(i + len - 1) else {
                        break;
                    };
                    let span = &text[t.range.start..last.range.end];
                    let title = if len == 1 {
                        title_before(text, &toks, i)
                    } else {
                        ""
                    };
                    found.extend(named_by(index, span, title).map(Gathered::Person));
                }
            }
        }
    }
}

/// What a learning pass found out: the people its applied name fixes
/// name, and the labels its applied label fixes correct, with their person.
#[derive(Debug, Default)]
pub struct Learned {
    /// People a fix names.
    pub people: Vec<u32>,
    /// Labels a fix corrects, the person each names, and its correction.
    pub labels: Vec<(String, u32, String)>,
}

impl Learned {
    /// Adds what another part taught, each once: what is learned must not
    /// grow with the input.
    pub fn merge(&mut self, other: Learned) {
        self.people.extend(other.people);
        self.labels.extend(other.labels);
        self.people.sort_unstable();
        self.people.dedup();
        self.labels.sort_unstable();
        self.labels.dedup();
    }
}

impl DocNames {
    /// Takes in what a learning pass found out; whether it changed anything.
    /// People its fixes name count as named in the file, turns whose
    /// labels it corrects as their person's: in the check that follows,
    /// the file reads as its corrected output will.
    pub fn learn(&mut self, index: &NameIndex, learned: Learned) -> bool {
        let unwritten: Vec<u32> = (learned.people.iter().copied())
            .filter(|p| !self.mentioned.contains(p))
            .collect();
        self.named_by_fixes.extend(unwritten);
        let people = self.add_mentions(index, learned.people);
        let labels = self.add_label_fixes(index, learned.labels);
        people || labels
    }

    /// Counts the people of `persons` as named in the file: the fixes a
    /// first pass applies are evidence for the second, exactly as the
    /// corrected output would be on a later run.
    pub fn add_mentions(
        &mut self,
        index: &NameIndex,
        persons: impl IntoIterator<Item = u32>,
    ) -> bool {
        // Grows only: the scans already made stay true (see `present_hits`).
        let before = self.mentioned.len();
        self.mentioned.add(index, persons);
        self.mentioned.len() > before
    }

    /// Counts the turns of labels a first pass corrects (`(label, person)`)
    /// as the person's, and those labels as no speakers of the file's own:
    /// in the second pass they are what they will be on a later run of the
    /// output.
    pub fn add_label_fixes(
        &mut self,
        index: &NameIndex,
        fixes: impl IntoIterator<Item = (String, u32, String)>,
    ) -> bool {
        let before = self.fixed_labels.len();
        for (label, person, fixed) in fixes {
            self.fixed_label_text.entry(fold(&label)).or_insert(fixed);
            self.fixed_labels.entry(fold(&label)).or_insert(person);
        }
        let added = self.fixed_labels.len() > before;
        if added {
            self.finish(index);
        }
        added
    }

    /// Whether `person` is named in the file only by fixes (see
    /// [`DocNames::learn`]).
    pub(crate) fn named_only_by_fixes(&self, person: u32) -> bool {
        self.named_by_fixes.contains(&person)
    }

    /// What `scan` finds for `heard_text` among the sketched forms of the
    /// people present, scanning only those of the people named since it
    /// was last asked.
    pub(crate) fn present_hits(
        &self,
        heard_text: &str,
        scan: impl FnOnce(&[FormSketch]) -> Vec<Candidate>,
    ) -> Vec<Candidate> {
        let people = self.mentioned.len();
        let (scanned, mut hits) = self
            .present_scans
            .lock()
            .ok()
            .and_then(|memo| memo.get(heard_text).cloned())
            .unwrap_or_default();
        if scanned == people {
            return hits;
        }
        hits.extend(scan(self.mentioned.sketches_after(scanned)));
        if let Ok(mut memo) = self.present_scans.lock() {
            if memo.len() >= PRESENT_SCANS_CAPACITY {
                memo.clear();
            }
            memo.insert(heard_text.into(), (people, hits.clone()));
        }
        hits
    }

    /// The one roster person the name in a speaker label names, or the
    /// person a first pass corrects that label to.
    pub fn label_person(&self, index: &NameIndex, name: &str) -> Option<u32> {
        unique(index.owners(name)).or_else(|| self.fixed_label_person(name))
    }

    /// The person a first pass corrects the label `name` to.
    pub(crate) fn fixed_label_person(&self, name: &str) -> Option<u32> {
        (!self.fixed_labels.is_empty())
            .then(|| self.fixed_labels.get(&fold(name)).copied())
            .flatten()
    }

    /// Gathers labels and correct mentions of `doc`.
    pub fn new(doc: &Document, index: &NameIndex) -> Self {
        let mut names = DocNames::default();
        names.gather(doc, index);
        names.finish(index);
        names
    }

    /// Gathers the labels and correct mentions of one part of a document.
    /// Call [`DocNames::finish`] after the last part.
    pub fn gather(&mut self, doc: &Document, index: &NameIndex) {
        // Segments are read in parallel and taken in, in order: the order
        // people are named in is the order they are scanned in.
        let found: Vec<Vec<Gathered<'_>>> = doc
            .segments
            .par_chunks(GATHER_CHUNK)
            .map(|chunk| {
                let mut found = Vec::new();
                for segment in chunk {
                    gather_segment(doc.segment_text(segment), segment.role, index, &mut found);
                }
                found
            })
            .collect();
        for gathered in found.into_iter().flatten() {
            match gathered {
                Gathered::Person(person) => self.mentioned.add(index, Some(person)),
                Gathered::Label(name) => {
                    let entry = self
                        .labels
                        .entry(fold(name))
                        .or_insert((0, name.to_owned()));
                    entry.0 += 1;
                }
            }
        }
    }

    /// Derives what needs every label of the document: the speakers who are
    /// not on the roster and the labels rare spellings stand for.
    pub fn finish(&mut self, index: &NameIndex) {
        let names = self;
        // Labels a first pass corrects count as their correction, as they
        // will on a run over the output: a second run must see the same.
        let mut counted: HashMap<String, (usize, String)> = HashMap::default();
        for (folded, (uses, text)) in &names.labels {
            let (key, text) = match names.fixed_label_text.get(folded) {
                Some(fixed) => (fold(fixed), fixed.clone()),
                None => (folded.clone(), text.clone()),
            };
            let entry = counted.entry(key).or_insert((0, text));
            entry.0 += uses;
        }
        // Speakers not on the roster become a roster of their own; a rarer
        // variant of another label is not a speaker of its own.
        let mut people = Vec::new();
        let ranked_counted = ranked(&counted);
        let ranked_labels = ranked(&names.labels);
        let mut unmatched: Vec<&String> = ranked_labels
            .par_iter()
            // Only a name of two words or more makes a speaker of its own.
            .filter_map(|label| {
                let (folded, (uses, text)) = names.labels.get_key_value(label.folded)?;
                (text.split_whitespace().count() >= 2).then_some((label, folded, *uses, text))
            })
            .filter(|(label, ..)| more_used_variants(&ranked_counted, label).next().is_none())
            .map(|(_, folded, uses, text)| (folded, (uses, text)))
            // Not a roster name, nor so near one that the label will be
            // corrected, nor a label used once or twice and near a person
            // present in the file ("MATHEW BRUWN" beside "MATTHEW BROWN"):
            // somebody who speaks often under a label is somebody.
            // Nor a label a first pass corrects: it names a roster person.
            .filter(|(folded, _)| !names.fixed_labels.contains_key(*folded))
            .filter(|&(_, (uses, text))| {
                index.owners(text).is_empty()
                    && index.lookup(text).iter().all(|c| {
                        c.score < ROSTER_LABEL
                            && (c.score < NEAR_LABEL
                                || uses >= RECURRING_LABEL
                                || !names
                                    .mentioned
                                    .contains(&index.forms[c.form as usize].person))
                    })
            })
            .map(|(_, (_, text))| text)
            .collect();
        unmatched.sort();
        for text in unmatched {
            let name = if crate::names::fold::is_all_caps(text) {
                title_case(text, true)
            } else {
                text.clone()
            };
            people.push(Person {
                name,
                aliases: Vec::new(),
                misheard: Vec::new(),
                never: Vec::new(),
                role: "speaker in this file".into(),
                organisation: String::new(),
                country: String::new(),
            });
        }
        names.speakers = NameIndex::new(&Roster { people, builtin: 0 });
        names.label_roots = label_roots(&counted, &ranked_counted);
        // A one-word label names a built-in public figure no more than the
        // same word in the text does ("MR. WONG:" is not Lawrence Wong).
        let label_people: HashSet<u32> = names
            .labels
            .iter()
            .filter_map(|(folded, (_, label))| {
                let person = names.label_person(index, label)?;
                let fixed = names.fixed_labels.contains_key(folded);
                let figure = index.people[person as usize].builtin;
                (!figure || fixed || label.contains(' ')).then_some(person)
            })
            .collect();
        let mut people: Vec<u32> = label_people.iter().copied().collect();
        people.sort_unstable();
        let forms = || people.iter().flat_map(|&person| index.forms_of(person));
        names.label_sketches = forms()
            .filter(|(_, form)| matches!(form.kind, FormKind::Full | FormKind::Surname))
            .map(|(id, form)| FormSketch::of(id, form))
            .collect();
        names.label_given_sketches = forms()
            .filter(|(_, form)| form.kind == FormKind::Given && form.tokens == 1)
            .map(|(id, form)| FormSketch::of(id, form))
            .collect();
        names.label_people = label_people;
        names.near_speakers = Mutex::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(form: u32) -> Candidate {
        Candidate {
            form,
            score: 0.8,
            exact_fold: false,
            evidence: "test",
        }
    }

    #[test]
    fn people_named_later_are_scanned_and_the_earlier_ones_not_again() {
        let roster = "name\nAda Lidau\nBo Lindqvist\nCyril Lydow\nDora Lido\n";
        let index = NameIndex::new(&Roster::parse(std::path::Path::new("r.csv"), roster).unwrap());
        let person = |name: &str| index.owners(name)[0];
        let mut doc = DocNames::default();
        doc.add_mentions(&index, [person("Dora Lido"), person("Bo Lindqvist")]);
        let scanned = std::cell::RefCell::new(Vec::new());
        // One hit per person: the form of their surname.
        let scan = |sketches: &[FormSketch]| {
            let people: Vec<u32> = sketches
                .iter()
                .map(|s| index.forms[s.form as usize].person)
                .collect();
            let mut people_once = people.clone();
            people_once.dedup();
            scanned.borrow_mut().extend(people_once.iter().copied());
            sketches
                .iter()
                .filter(|s| index.forms[s.form as usize].kind == FormKind::Surname)
                .map(|s| hit(s.form))
                .collect()
        };
        let surname = |name: &str| {
            let found = index.forms_of(person(name));
            found
                .filter(|(_, f)| f.kind == FormKind::Surname)
                .map(|(id, _)| hit(id))
                .collect::<Vec<_>>()
        };
        let first = [surname("Dora Lido"), surname("Bo Lindqvist")].concat();
        assert_eq!(doc.present_hits("Lidau", scan), first);
        assert_eq!(doc.present_hits("Lidau", scan), first);
        doc.add_mentions(&index, [person("Bo Lindqvist"), person("Cyril Lydow")]);
        let all = doc.present_hits("Lidau", scan);
        assert_eq!(all, [first, surname("Cyril Lydow")].concat());
        let expected = ["Dora Lido", "Bo Lindqvist", "Cyril Lydow"].map(person);
        assert_eq!(*scanned.borrow(), expected);
    }

    /// Label similarity computed directly, as it was before letter counts
    /// ruled pairs out.
    fn label_similarity(a: &str, b: &str) -> f32 {
        let spelled = edit_similarity;
        // Sounds count too ("KAREDA", "CAREDA"), but not in names so short
        // that a vowel is all that tells two people apart ("LEE", "LI").
        let sounded = if a.len().min(b.len()) >= 5 {
            spelled(&skeleton(a), &skeleton(b))
        } else {
            0.0
        };
        spelled(a, b).max(sounded)
    }

    proptest::proptest! {
        #[test]
        fn letter_counts_rule_out_only_pairs_that_are_no_variants(a in "[a-fé]{1,10}", b in "[a-fé]{1,10}") {
            let direct = label_similarity(&a, &b);
            let found = variants(&a, &Spelling::of(&a), &b, &Spelling::of(&b));
            proptest::prop_assert_eq!(found, (direct >= LABEL_VARIANT).then_some(direct));
        }
    }
}
