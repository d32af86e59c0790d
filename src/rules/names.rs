//! Name rules (N…): misheard names corrected to the roster's spelling.
//!
//! Candidates are capitalised runs of one to four tokens in body text and
//! every speaker label. Three guards keep correct text correct: a common
//! English word is never changed on its own; a single token inside a longer
//! capitalised run is not matched alone ("Renato Aquino" is not "Renata");
//! and a fix is applied only above the auto threshold with a margin over the
//! runner-up, else it is suggested.

use std::collections::HashSet;

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::{Context, Rule};
use crate::dict::{Person, Roster};
use crate::edit::{Applicability, Finding, SpanSet};
use crate::formats::{Document, Role, Segment};
use crate::names::common::is_common;
use crate::names::fold::{fold, recase, skeleton, title_case, PARTICLES};
use crate::names::{candidates, tokens, Candidate, FormKind, Heard, NameIndex, Token};
use crate::text::protect::{overlaps_any, protected_spans};

/// Words that introduce a name rather than belong to it.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "president",
    "minister",
    "ambassador",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "madam",
    "madame",
    "mister",
    "sir",
    "dame",
    "excellency",
    "senator",
    "commissioner",
    "director",
    "secretary-general",
    "under-secretary-general",
    "deputy",
    "judge",
    "moderator",
    "co-chair",
    "rapporteur",
    "colleague",
    "counsellor",
    "councillor",
    "mayor",
    "governor",
    "representative",
    "delegate",
    "h.e",
    "he",
    "honourable",
    "honorable",
];

fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.is_ascii() {
        return TITLES.iter().any(|t| t.eq_ignore_ascii_case(w));
    }
    let w = w.to_lowercase().replace(['\u{2010}', '\u{2011}'], "-");
    TITLES.contains(&w.as_str())
}

/// Similarity at which one label is a misspelling of another. Edit
/// distance, not Jaro-Winkler: two people who share a given name share a
/// long prefix ("KARTHIK SHARMA", "KARTHIK SHRENKO").
const LABEL_VARIANT: f32 = 0.85;

fn label_similarity(a: &str, b: &str) -> f32 {
    let spelled = |a: &str, b: &str| {
        let longest = a.chars().count().max(b.chars().count()).max(1);
        1.0 - strsim::damerau_levenshtein(a, b) as f32 / longest as f32
    };
    // Sounds count too ("KAREDA", "CAREDA"), but not in names so short
    // that a vowel is all that tells two people apart ("LEE", "LI").
    let sounded = if a.len().min(b.len()) >= 5 {
        spelled(&skeleton(a), &skeleton(b))
    } else {
        0.0
    };
    spelled(a, b).max(sounded)
}

/// Uses after which a label not on the roster is taken for a speaker of
/// its own rather than a damaged label of a present person.
const RECURRING_LABEL: usize = 3;

/// Whether a label spelled so in `own` turns names somebody other than a
/// near spelling used in `other` turns: both recur, neither is rare.
fn distinct_speakers(own: usize, other: usize) -> bool {
    own >= RECURRING_LABEL && own * 3 >= other
}

/// How much a fix must beat the best other person to be applied.
const MARGIN: f32 = 0.05;

/// What the names stage knows about a whole document before it checks a
/// segment: who is named correctly, and who speaks.
#[derive(Debug, Default)]
pub struct DocNames {
    /// Roster people named correctly somewhere (text or labels).
    mentioned: HashSet<u32>,
    /// Label names by folded text: (uses, first spelling).
    labels: HashMap<String, (usize, String)>,
    /// For a rare label spelling, the label it most likely misspells.
    label_roots: HashMap<String, LabelRoot>,
    /// Misspelled labels a first pass corrects (folded) and the person they
    /// name: their turns are that person's, as they will be in the output.
    fixed_labels: HashMap<String, u32>,
    /// Speakers of this document who are not on the roster.
    speakers: NameIndex,
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
    fn neighbours(&self, at: usize) -> [Option<u32>; 2] {
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
struct LabelRoot {
    /// Label similarity of the rare spelling and the first step towards the root.
    similarity: f32,
    /// Turns labelled with the root.
    uses: usize,
    /// The root as first written.
    text: String,
}

/// Follows each label to the most used near spelling, step by step while
/// each step is to a much more used one: "KARREDA" (8 turns) -> "KAREDA"
/// (41) -> "CAREDA" (736). Two spellings that both recur are two people.
fn label_roots(labels: &HashMap<String, (usize, String)>) -> HashMap<String, LabelRoot> {
    let mut sorted: Vec<(&String, usize)> = labels.iter().map(|(f, (n, _))| (f, *n)).collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let step = |from: &str, uses: usize| -> Option<(&String, f32)> {
        sorted
            .iter()
            .take_while(|(_, n)| *n > uses)
            .map(|(f, n)| (*f, *n, label_similarity(f, from)))
            .filter(|(_, n, s)| *s >= LABEL_VARIANT && !distinct_speakers(uses, *n))
            .max_by(|a, b| a.1.cmp(&b.1).then(a.2.total_cmp(&b.2)))
            .map(|(f, _, s)| (f, s))
    };
    let mut roots = HashMap::default();
    for (folded, uses) in &sorted {
        let Some((mut at, similarity)) = step(folded, *uses) else {
            continue;
        };
        for _ in 0..4 {
            let n = labels.get(at).map_or(0, |l| l.0);
            match step(at, n) {
                Some((next, _)) => at = next,
                None => break,
            }
        }
        if let Some((uses, text)) = labels.get(at) {
            roots.insert(
                (*folded).clone(),
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

/// The name part of a speaker label: titles such as `MS.` or `CHAIR` removed.
fn label_name(label: &str) -> Range<usize> {
    let mut start = 0;
    for word in label.split_whitespace() {
        if !is_title(word) {
            break;
        }
        let at = label[start..].find(word).map_or(start, |i| start + i);
        start = at + word.len();
    }
    let rest = &label[start..];
    let lead = rest.len() - rest.trim_start().len();
    start + lead..label.len()
}

/// The one person a correctly written name identifies: a surname several
/// roster people share names none of them.
fn unique(owners: &[u32]) -> Option<u32> {
    match owners {
        [one] => Some(*one),
        _ => None,
    }
}

impl DocNames {
    /// Counts the people of `persons` as named in the file: the fixes a
    /// first pass applies are evidence for the second, exactly as the
    /// corrected output would be on a later run.
    pub fn add_mentions(&mut self, persons: impl IntoIterator<Item = u32>) -> bool {
        let before = self.mentioned.len();
        self.mentioned.extend(persons);
        self.mentioned.len() > before
    }

    /// Counts the turns of labels a first pass corrects (`(label, person)`)
    /// as the person's, and those labels as no speakers of the file's own:
    /// in the second pass they are what they will be on a later run of the
    /// output.
    pub fn add_label_fixes(
        &mut self,
        index: &NameIndex,
        fixes: impl IntoIterator<Item = (String, u32)>,
    ) -> bool {
        let before = self.fixed_labels.len();
        for (label, person) in fixes {
            self.fixed_labels.entry(fold(&label)).or_insert(person);
        }
        let added = self.fixed_labels.len() > before;
        if added {
            self.finish(index);
        }
        added
    }

    /// The one roster person the name in a speaker label names, or the
    /// person a first pass corrects that label to.
    pub fn label_person(&self, index: &NameIndex, name: &str) -> Option<u32> {
        unique(index.owners(name)).or_else(|| self.fixed_label_person(name))
    }

    /// The person a first pass corrects the label `name` to.
    fn fixed_label_person(&self, name: &str) -> Option<u32> {
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
        let names = self;
        for segment in &doc.segments {
            let text = doc.segment_text(segment);
            match segment.role {
                Role::SpeakerLabel => {
                    let name = text[label_name(text)].trim();
                    if name.is_empty() {
                        continue;
                    }
                    names.mentioned.extend(unique(index.owners(name)));
                    let entry = names
                        .labels
                        .entry(fold(name))
                        .or_insert((0, name.to_owned()));
                    entry.0 += 1;
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
                            names.mentioned.extend(unique(index.owners(span)));
                        }
                    }
                }
            }
        }
    }

    /// Derives what needs every label of the document: the speakers who are
    /// not on the roster and the labels rare spellings stand for.
    pub fn finish(&mut self, index: &NameIndex) {
        let names = self;
        // Speakers not on the roster become a roster of their own; a rarer
        // variant of another label is not a speaker of its own.
        let mut people = Vec::new();
        let mut unmatched: Vec<&String> = names
            .labels
            .iter()
            .filter(|(folded, (uses, _))| {
                !names.labels.iter().any(|(f, (n, _))| {
                    n > uses
                        && label_similarity(f, folded) >= LABEL_VARIANT
                        && !distinct_speakers(*uses, *n)
                })
            })
            // Not a roster name, nor so near one that the label will be
            // corrected, nor a label used once or twice and near a person
            // present in the file ("MATHEW BRUWN" beside "MATTHEW BROWN"):
            // somebody who speaks often under a label is somebody.
            // Nor a label a first pass corrects: it names a roster person.
            .filter(|(folded, _)| !names.fixed_labels.contains_key(*folded))
            .filter(|(_, (uses, text))| {
                index.owners(text).is_empty()
                    && candidates(index, &Heard::new(text)).iter().all(|c| {
                        c.score < 0.97
                            && (c.score < 0.85
                                || *uses >= RECURRING_LABEL
                                || !names
                                    .mentioned
                                    .contains(&index.forms[c.form as usize].person))
                    })
            })
            .map(|(_, (_, text))| text)
            .filter(|text| text.split_whitespace().count() >= 2)
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
        names.label_roots = label_roots(&names.labels);
    }
}

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
    fn exact_fold(&mut self, names: &NameContext<'_>, word: &str) -> bool {
        if let Some(&known) = self.exact.get(word) {
            return known;
        }
        let found = names.index.has_exact_fold(word) || names.doc.speakers.has_exact_fold(word);
        self.exact.insert(word.to_owned(), found);
        found
    }

    fn lookup(&mut self, index: &NameIndex, heard_text: &str) -> &[Candidate] {
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
    fn lookup_present(&mut self, names: &NameContext<'_>, heard_text: &str) -> Vec<Candidate> {
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
                    let (score, evidence) = crate::names::score(&heard, form);
                    if score >= crate::names::MIN_SCORE {
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

/// One proposed name fix before overlaps between windows are settled.
struct Proposal {
    range: Range<usize>,
    rule: Rule,
    replacement: String,
    confidence: f32,
    applicability: Applicability,
    note: String,
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
        Role::SpeakerLabel => check_label(ctx, names, segment, cache, out),
        Role::Body => check_body(ctx, names, segment, cache, out),
    }
}

fn describe(index: &NameIndex, c: &Candidate) -> String {
    let form = &index.forms[c.form as usize];
    let person = &index.people[form.person as usize];
    let about = if person.about.is_empty() {
        String::new()
    } else {
        format!(", {}", person.about)
    };
    format!(
        "{} ({}{about}): {}",
        target_text(index, c),
        person.name,
        c.evidence
    )
}

fn target_text<'i>(index: &'i NameIndex, c: &Candidate) -> &'i str {
    let form = &index.forms[c.form as usize];
    match form.target {
        Some(t) => &index.forms[t as usize].text,
        None => &form.text,
    }
}

/// What the text around a heard name says.
#[derive(Debug, Clone, Copy, Default)]
struct Clues {
    /// A title (Mr., President, Chair…) stands right before it.
    title: bool,
    /// The captioner marked the spelling as a guess: `(phonetic)`, `(sp?)`.
    marked: bool,
    /// A single token opening a sentence: capitalised anyway.
    sentence_start: bool,
    /// Every token is also a common English word.
    common: bool,
    /// It is a speaker label.
    label: bool,
    /// The roster person speaking this turn, if known.
    speaker: Option<u32>,
    /// The roster people speaking the turns before and after.
    neighbours: [Option<u32>; 2],
    /// The match is against the file's own speakers, not the roster.
    from_document: bool,
    /// Running text not in English: the guards against common words do
    /// not know its words, so a name is only suggested.
    not_english: bool,
}

/// Turns the best candidate for `heard` into a proposal: the similarity
/// score, adjusted by what the context says, decides the confidence; the
/// guards decide whether it may be applied at all.
fn propose(
    names: &NameContext<'_>,
    index: &NameIndex,
    found: &[Candidate],
    heard: &str,
    range: Range<usize>,
    clues: Clues,
) -> Option<Proposal> {
    let single = !heard.contains(' ');
    // What the file says about each candidate person: named correctly (or
    // corrected) elsewhere, speaking this turn. With a large roster nearly
    // every name is near somebody; the file tells who is actually there.
    let context = |c: &Candidate| -> f32 {
        let person = index.forms[c.form as usize].person;
        if clues.from_document {
            return 0.0;
        }
        let mut bonus = if names.doc.mentioned.contains(&person) {
            0.08
        } else {
            -0.08
        };
        if clues.neighbours.contains(&Some(person)) {
            bonus += 0.05;
        }
        if clues.speaker == Some(person) {
            bonus += 0.05;
        }
        bonus
    };
    let mut ranked: Vec<(f32, &Candidate)> =
        found.iter().map(|c| (c.score + context(c), c)).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.form.cmp(&b.1.form)));
    let &(adjusted, best) = ranked.first()?;
    let form = &index.forms[best.form as usize];
    if form.kind == FormKind::Given && single && best.score < 0.85 {
        return None; // a lone word loosely like a given name is no evidence
    }
    if clues.common && !best.exact_fold && !clues.title {
        return None; // "Will", "Grace", "Hope" and their kind stay words
    }
    let replacement = recase(target_text(index, best), heard);
    if replacement == heard {
        return None;
    }
    let runner_up = ranked.iter().find(|(_, c)| {
        index.forms[c.form as usize].person != form.person
            && target_text(index, c) != target_text(index, best)
    });
    let mut evidence: Vec<&str> = Vec::new();
    let mut applicability = Applicability::Scored;
    let rule = if form.kind == FormKind::Misheard {
        Rule::KnownMisheardName
    } else if clues.from_document {
        Rule::DocumentSpeakerName
    } else if best.exact_fold {
        Rule::NameAccents
    } else if clues.label {
        Rule::SpeakerLabelName
    } else {
        Rule::MisheardName
    };
    if clues.label {
        evidence.push("in a speaker label");
    }
    let mentioned = names.doc.mentioned.contains(&form.person);
    let mut confidence = if best.exact_fold {
        0.95 + context(best)
    } else {
        adjusted
    };
    if rule == Rule::KnownMisheardName {
        applicability = Applicability::Always;
        confidence = 1.0;
    } else {
        if clues.title {
            confidence += 0.05;
            evidence.push("after a title");
        }
        if clues.marked {
            confidence += 0.1;
            evidence.push("the captioner marked the spelling as a guess");
        }
        if clues.sentence_start && single && !clues.title {
            confidence -= 0.05;
        }
        if !clues.from_document {
            evidence.push(if mentioned {
                "named correctly elsewhere in the file"
            } else {
                "not named elsewhere in the file"
            });
        }
        if !clues.from_document && clues.speaker == Some(form.person) {
            evidence.push("the speaker of this turn");
        }
        if clues.common && !clues.title {
            applicability = Applicability::Suggest;
            evidence.push("also a common word");
        }
        if form.kind == FormKind::Given {
            // A given name alone is that person's only when nobody else
            // named in the file could be meant, or when all who could be
            // meant write it alike (three Joosts: "Juost" is still "Joost").
            let target = target_text(index, best);
            let mut alike = 0;
            let mut others = 0;
            for (_, c) in &ranked {
                let p = index.forms[c.form as usize].person;
                if p == form.person || c.score < 0.85 || !names.doc.mentioned.contains(&p) {
                    continue;
                }
                if target_text(index, c) == target {
                    alike += 1;
                } else {
                    others += 1;
                }
            }
            let neighbour = clues.neighbours.contains(&Some(form.person));
            if neighbour && others == 0 {
                evidence.push("speaks in the turn before or after");
            } else if !mentioned || others > 0 {
                applicability = Applicability::Suggest;
                evidence.push("a given name without the surname");
            } else if alike > 0 {
                evidence.push("written so by every person of that given name in the file");
            } else {
                evidence.push("the only person of that given name in the file");
            }
        }
        if let Some((r, _)) = runner_up {
            if r + MARGIN > adjusted {
                applicability = Applicability::Suggest;
                evidence.push("close to another person");
            }
        }
        if clues.from_document {
            applicability = Applicability::Suggest;
        }
        if clues.not_english {
            applicability = Applicability::Suggest;
            evidence.push("in text that is not English");
        }
    }
    let mut note = describe(index, best);
    for e in &evidence {
        note.push_str("; ");
        note.push_str(e);
    }
    if let Some((_, r)) = runner_up {
        note.push_str(&format!("; next best {}", target_text(index, r)));
    }
    Some(Proposal {
        range,
        rule,
        replacement,
        confidence: confidence.clamp(0.0, 1.0),
        applicability,
        note,
    })
}

fn emit(ctx: &Context<'_>, mut proposals: Vec<Proposal>, out: &mut Vec<Finding>) {
    proposals.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(b.range.len().cmp(&a.range.len()))
            .then(a.range.start.cmp(&b.range.start))
    });
    let mut taken = SpanSet::default();
    for p in proposals {
        if taken.conflicts(&p.range) || !ctx.enabled(p.rule) {
            continue;
        }
        taken.insert(p.range.clone(), ());
        out.push(
            Finding::new(
                p.rule,
                p.range,
                p.replacement,
                p.applicability,
                p.confidence,
            )
            .with_note(p.note),
        );
    }
}

fn check_label(
    ctx: &Context<'_>,
    names: &NameContext<'_>,
    segment: &Segment,
    cache: &mut NameCache,
    out: &mut Vec<Finding>,
) {
    let text = ctx.doc.segment_text(segment);
    let name_range = label_name(text);
    let name = &text[name_range.clone()];
    let range = segment.range.start + name_range.start..segment.range.start + name_range.end;
    if name.is_empty() {
        return;
    }
    if names.index.is_correct(name) {
        // Right but for a non-breaking hyphen, which the punctuation rules
        // leave alone inside labels.
        if name.contains(['\u{2010}', '\u{2011}']) {
            if let Some(&person) = names.index.owners(name).first() {
                let form = names
                    .index
                    .forms
                    .iter()
                    .find(|f| f.person == person && fold(&f.text) == fold(name));
                if let Some(form) = form {
                    let fixed = recase(&form.text, name);
                    if fixed != name {
                        emit(
                            ctx,
                            vec![Proposal {
                                range,
                                rule: Rule::NameAccents,
                                replacement: fixed,
                                confidence: 1.0,
                                applicability: Applicability::Always,
                                note: format!("{}: hyphen as the roster writes it", form.text),
                            }],
                            out,
                        );
                    }
                }
            }
        }
        return;
    }
    let found: Vec<Candidate> = cache
        .lookup(names.index, name)
        .iter()
        .filter(|c| names.index.forms[c.form as usize].kind != FormKind::Given)
        .cloned()
        .collect();
    let clues = Clues {
        label: true,
        ..Clues::default()
    };
    if let Some(mut p) = propose(names, names.index, &found, name, range.clone(), clues) {
        // Both spellings label many turns of this file: most likely two
        // people, not one misheard (a misspelled label is the rarer one, or
        // the only one).
        let uses = |s: &str| names.doc.labels.get(&fold(s)).map_or(0, |l| l.0);
        let (own, other) = (uses(name), uses(&p.replacement));
        if p.rule == Rule::SpeakerLabelName && own >= 5 && own * 3 >= other && other > 0 {
            p.applicability = Applicability::Suggest;
            p.note.push_str(&format!(
                "; {own} labels spell it so and {other} as suggested: perhaps two people"
            ));
        }
        emit(ctx, vec![p], out);
        return;
    }
    // A rarer spelling of another label in the same file.
    if let Some(root) = names.doc.label_roots.get(&fold(name)) {
        let (similarity, uses, other) = (root.similarity, root.uses, &root.text);
        let own = names.doc.labels.get(&fold(name)).map_or(1, |l| l.0);
        let note = format!("{other}: written so in {uses} other labels of this file");
        // The more the other spelling dominates, the likelier this one is
        // its slip (measured: 98% of such fixes right in the evaluation).
        let dominance = 1.0 - own as f32 / uses.max(1) as f32;
        emit(
            ctx,
            vec![Proposal {
                range,
                rule: Rule::SpeakerLabelName,
                replacement: recase(other, name),
                confidence: similarity * dominance,
                applicability: Applicability::Scored,
                note,
            }],
            out,
        );
    }
}

fn check_body(
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
    let speaker_person = ctx.doc.speaker(segment).and_then(|s| {
        let name = &s[label_name(s)];
        index
            .owners(name)
            .first()
            .copied()
            .or_else(|| names.doc.fixed_label_person(name))
    });
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
                    marked: super::inaudible::unverified_mark_at_start(&text[range.end..]),
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
