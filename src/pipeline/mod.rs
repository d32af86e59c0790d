//! The pipeline: decode, parse, run the rules (in parallel over chunks of
//! segments), resolve overlaps, apply. Every rule reads the same original
//! text, so rule order never matters and the result is the same for any
//! number of threads.

pub mod apply;
pub mod parts;

use rayon::prelude::*;

use crate::dict::Dictionaries;
use crate::edit::Kind;
use crate::edit::{Finding, Status};
use crate::error::{Error, Result};
use crate::formats::{Document, Format, Role, Segment};
use crate::names::NameIndex;
use crate::rules::names::{Around, DocNames, Learned, NameContext, Turns};
use crate::rules::{self, Context, Rule, RuleSet, Scratch};
pub use crate::settings::Settings;
use crate::terms::TermIndex;
use crate::text::{self, Language, OutputEncoding, SourceEncoding};
use std::ops::Range;

/// What the names stage of one part of a larger input takes from the
/// whole: the names gathered over it, and the turns just outside the part.
type Known<'a> = (&'a DocNames, &'a Around);

/// Segments per parallel work item: large enough to amortise scheduling,
/// small enough to spread one big file over every thread.
const CHUNK_SEGMENTS: usize = 2048;

/// A checked input: its parsed document, findings and corrected text.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The parsed input.
    pub doc: Document,
    /// How the input was encoded.
    pub encoding: SourceEncoding,
    /// Whether the encoding was detected (a legacy code page) rather than
    /// certain or forced.
    pub detected: bool,
    /// Control characters in the input no caption needs (NUL…), kept as
    /// they are.
    pub controls: usize,
    /// The code page `--encoding` forced, when the input was valid UTF-8
    /// and read as such instead.
    pub utf8_over_forced: Option<&'static encoding_rs::Encoding>,
    /// Findings sorted by position, overlaps resolved.
    pub findings: Vec<Finding>,
    /// The text with every applied finding in it.
    pub output: String,
}

impl Checked {
    /// The output encoded for writing, in the input's encoding (BOM
    /// kept) or in UTF-8; fails on a character the encoding cannot hold.
    pub fn output_bytes(&self, to: OutputEncoding) -> Result<Vec<u8>, text::EncodeError> {
        text::encode(&self.output, self.encoding, to)
    }

    /// Whether any finding was made.
    pub fn has_findings(&self) -> bool {
        !self.findings.is_empty()
    }
}

/// Settings and dictionaries, ready to check any number of inputs.
#[derive(Debug, Clone)]
pub struct Engine {
    /// The run's settings.
    pub settings: Settings,
    /// The run's dictionaries.
    pub dictionaries: Dictionaries,
    /// The roster, indexed for name matching.
    pub names: NameIndex,
    /// The glossary, compiled for term matching.
    pub terms: TermIndex,
}

impl Engine {
    /// An engine for `settings` and `dictionaries`.
    pub fn new(settings: Settings, dictionaries: Dictionaries) -> Self {
        let names = if settings.rules.any_of_kind(Kind::Name) {
            NameIndex::new(&dictionaries.roster)
        } else {
            NameIndex::default()
        };
        let terms = if settings.rules.any_of_kind(Kind::Term) {
            TermIndex::new(&dictionaries.glossary)
        } else {
            TermIndex::new(&Default::default())
        };
        Engine {
            settings,
            dictionaries,
            names,
            terms,
        }
    }

    /// Checks raw input bytes; `name` is the input as given (for messages),
    /// and its extension helps detect the format.
    pub fn check_bytes(&self, name: &str, bytes: &[u8]) -> Result<Checked> {
        let decoded =
            text::decode_with(bytes, self.settings.encoding).map_err(|e| Error::Input {
                path: name.to_owned(),
                reason: format!("{e}{}", e.remedy()),
            })?;
        let format = self
            .settings
            .format
            .or_else(|| Format::from_path(std::path::Path::new(name)))
            .unwrap_or_else(|| Format::sniff(&decoded.text));
        let mut checked =
            self.check_document(Document::parse(decoded.text, format), decoded.encoding);
        checked.detected = decoded.detected;
        checked.controls = decoded.controls;
        checked.utf8_over_forced = decoded.utf8_over_forced;
        Ok(checked)
    }

    /// Checks a parsed document.
    ///
    /// Mojibake is repaired first when there is any: the other rules then
    /// read the repaired text (so `Ã©` counts as the letter it stands for)
    /// and their spans are mapped back to the original, so the result does
    /// not change when the repaired output is checked again.
    pub fn check_document(&self, mut doc: Document, encoding: SourceEncoding) -> Checked {
        doc.language = self.language_of(&doc.text, doc.format);
        self.check_document_in(doc, encoding, None)
    }

    /// The language the rules read an input in: as forced, or detected
    /// from its first few kilobytes (`start`; more is ignored) as the rules
    /// read them, mojibake repaired, so that a second run on the output
    /// reads the same language.
    pub fn language_of(&self, start: &str, format: Format) -> Language {
        if let Some(language) = self.settings.language {
            return language;
        }
        let mut end = start.len().min(text::language::SAMPLE_BYTES);
        while !start.is_char_boundary(end) {
            end -= 1;
        }
        // Whole lines: a repair never spans a cut.
        if end < start.len() {
            end = start[..end].rfind('\n').map_or(end, |i| i + 1);
        }
        let sample = Document::parse(start[..end].to_owned(), format);
        let reading = self.reading(&sample);
        let read = reading.doc();
        // Only what is said: not timings, cue settings or speaker labels.
        let mut said = String::with_capacity(read.text.len());
        for segment in read.segments.iter().filter(|s| s.role == Role::Body) {
            said.push_str(read.segment_text(segment));
            said.push('\n');
        }
        Language::detect(&self.unchanging_words(&said))
    }

    /// The words of `text` that no rule changes, in any language: not
    /// capitalised (names, acronyms), no name particle before a capital (a
    /// fixed name may bring "van der"), nothing the glossary matches (its
    /// fixes rewrite lower-case words). The language told from them is the
    /// same on a second run over the output, so that run applies nothing
    /// new.
    fn unchanging_words(&self, text: &str) -> String {
        let terms: Vec<Range<usize>> = self.terms.find(text).map(|(r, _)| r).collect();
        let mut words: Vec<Range<usize>> = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let letter = c.is_alphabetic() || c == '\'' || c == '’';
            match (letter, start) {
                (true, None) => start = Some(i),
                (false, Some(from)) => {
                    start = None;
                    words.push(from..i);
                }
                _ => {}
            }
        }
        let capital = |r: &Range<usize>| {
            text[r.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        let mut out = String::with_capacity(text.len());
        let mut t = 0;
        for (k, range) in words.iter().enumerate() {
            while t < terms.len() && terms[t].end <= range.start {
                t += 1;
            }
            let in_term = terms.get(t).is_some_and(|r| r.start < range.end);
            let word = &text[range.clone()];
            let particle = crate::names::fold::PARTICLES.contains(&word)
                && words.get(k + 1).is_some_and(capital);
            if !in_term && !capital(range) && !particle {
                out.push_str(word);
                out.push(' ');
            }
        }
        out
    }

    /// `doc` as the rules read it: mojibake repaired first, when there is
    /// any and P008 runs.
    fn reading<'d>(&self, doc: &'d Document) -> Reading<'d> {
        let mojibake = RuleSet::of(Rule::Mojibake);
        let repaired = (self.settings.rules.contains(Rule::Mojibake)
            && doc.text.as_bytes().contains(&0xC3))
        .then(|| self.find(doc, mojibake, None))
        .filter(|repairs| !repairs.is_empty())
        .map(|repairs| {
            let text = apply::apply_edits(
                &doc.text,
                repairs
                    .iter()
                    .map(|f| (f.range.clone(), f.replacement.as_str())),
            );
            // A speaker carried from an earlier part reads as repaired too.
            let mut carried = doc.carried.clone();
            if let Some(label) = carried.speaker.take() {
                let label_doc = Document::parse(label, Format::Cart);
                carried.speaker = Some(self.reading(&label_doc).doc().text.clone());
            }
            let mut read = Document::parse_part(text, doc.format, carried);
            read.language = doc.language;
            let map = OffsetMap::new(&repairs);
            Repaired { repairs, read, map }
        });
        Reading {
            original: doc,
            repaired,
        }
    }

    /// [`Engine::check_document`] for one part of a larger input whose names
    /// were gathered beforehand (see [`parts`]).
    fn check_document_in(
        &self,
        doc: Document,
        encoding: SourceEncoding,
        known: Option<Known<'_>>,
    ) -> Checked {
        let findings = self.resolved_findings(&doc, known);
        let output = apply::apply_edits(
            &doc.text,
            findings
                .iter()
                .filter(|f| f.status == Status::Applied)
                .map(|f| (f.range.clone(), f.replacement.as_str())),
        );
        Checked {
            doc,
            encoding,
            detected: false,
            controls: 0,
            utf8_over_forced: None,
            findings,
            output,
        }
    }

    /// Every finding on `doc`, in position order with overlaps resolved.
    /// With `known`, the names stage uses what was gathered over the whole
    /// input; without, `doc` is the whole input (one part): its names are
    /// gathered and learned from it, as the parts of a larger one are.
    fn resolved_findings(&self, doc: &Document, known: Option<Known<'_>>) -> Vec<Finding> {
        let reading = self.reading(doc);
        let read = reading.doc();
        let rules = reading.rules(self.settings.rules);
        let found = match known {
            _ if !rules.any_of_kind(Kind::Name) => self.find(read, rules, None),
            Some(known) => self.find(read, rules, Some(known)),
            None => {
                let mut names = DocNames::default();
                names.gather(read, &self.names);
                names.finish(&self.names);
                let around = Around::default();
                if self.names.is_empty() {
                    // No roster: no fix names anybody, nothing to learn.
                    return self.resolve(
                        &reading,
                        self.find(read, rules, Some((&names, &around))),
                        doc,
                    );
                }
                let (name_findings, learned) = self.learn_names(read, &names, around);
                if names.learn(&self.names, learned) {
                    self.find(read, rules, Some((&names, &around)))
                } else {
                    // Nothing learned: the learning pass's name findings are
                    // the final ones.
                    let mut all = self.find(read, rules.without(names_only()), None);
                    all.extend(name_findings);
                    all.sort_by(by_position);
                    all
                }
            }
        };
        self.resolve(&reading, found, doc)
    }

    /// `found` on what `reading` reads, as findings on the original `doc`,
    /// overlaps resolved.
    fn resolve(&self, reading: &Reading<'_>, found: Vec<Finding>, doc: &Document) -> Vec<Finding> {
        let mut findings = reading.to_original(found, 0..doc.text.len());
        apply::resolve_overlaps(&mut findings);
        findings
    }

    /// Runs `rules` over every segment of `doc`, in parallel chunks; the
    /// name rules with what `names` knows of the whole input and the turns
    /// around `doc` (without it they do not run).
    fn find(&self, doc: &Document, rules: RuleSet, names: Option<Known<'_>>) -> Vec<Finding> {
        if rules.is_empty() {
            return Vec::new();
        }
        let settings = Settings {
            rules,
            ..self.settings.clone()
        };
        match names {
            Some((names, around)) if rules.any_of_kind(Kind::Name) => {
                let turns = Turns::of(doc, &self.names, names, *around);
                self.find_in(
                    doc,
                    &doc.segments,
                    &settings,
                    Some(&self.name_context(names, &turns)),
                )
            }
            _ => {
                let settings = Settings {
                    rules: rules.without(names_only()),
                    ..settings
                };
                self.find_in(doc, &doc.segments, &settings, None)
            }
        }
    }

    /// The learning pass over one part (`read`, as the rules read it): its
    /// name findings, and the people and labels its applied fixes name.
    /// Counted as named in the file, they make the check the one a run on
    /// the corrected output would make, so that a second run changes
    /// nothing.
    fn learn_names(
        &self,
        read: &Document,
        names: &DocNames,
        around: Around,
    ) -> (Vec<Finding>, Learned) {
        let found = self.find(read, names_only(), Some((names, &around)));
        let learned = Learned {
            people: self.corrected_people(&found),
            labels: self.corrected_labels(read, &found),
        };
        (found, learned)
    }

    fn name_context<'a>(&'a self, names: &'a DocNames, turns: &'a Turns) -> NameContext<'a> {
        NameContext {
            index: &self.names,
            doc: names,
            turns,
            shared: Default::default(),
        }
    }

    /// The people that applied name fixes name. Only a replacement that
    /// names one person (not a given name many aliases share) says who is
    /// in the file.
    fn corrected_people(&self, findings: &[Finding]) -> Vec<u32> {
        findings
            .iter()
            .filter(|f| f.kind() == Kind::Name && f.status == Status::Applied)
            .filter_map(|f| match self.names.owners(&f.replacement) {
                [one] => Some(*one),
                _ => None,
            })
            .collect()
    }

    /// The labels that applied label fixes correct, with the one person
    /// each fix names.
    fn corrected_labels(&self, doc: &Document, findings: &[Finding]) -> Vec<(String, u32, String)> {
        findings
            .iter()
            .filter(|f| f.rule == Rule::SpeakerLabelName && f.status == Status::Applied)
            .filter_map(|f| match self.names.owners(&f.replacement) {
                [one] => Some((
                    doc.text[f.range.clone()].to_owned(),
                    *one,
                    f.replacement.clone(),
                )),
                _ => None,
            })
            .collect()
    }

    /// The rules of `settings` over `segments` of `doc`, in order.
    fn find_in(
        &self,
        doc: &Document,
        segments: &[Segment],
        settings: &Settings,
        names: Option<&NameContext<'_>>,
    ) -> Vec<Finding> {
        let ctx = Context {
            doc,
            settings,
            names,
            terms: Some(&self.terms),
            roster: &self.names,
        };
        let chunks: Vec<Vec<Finding>> = segments
            .par_chunks(CHUNK_SEGMENTS)
            // One scratch (with its memo of name lookups) per worker job,
            // not per chunk: caption vocabularies repeat across chunks.
            .map_init(Scratch::default, |scratch, chunk| {
                let mut out = Vec::new();
                for segment in chunk {
                    rules::check_segment(&ctx, segment, scratch, &mut out);
                }
                // The one place a rule's confidence becomes a status.
                for finding in &mut out {
                    finding.decide(settings.auto_threshold);
                }
                // Chunks cover the text in order, so sorted chunks make a
                // sorted whole, without a sort of the whole (whose scratch
                // would be as large as the findings).
                out.sort_by(by_position);
                out.shrink_to_fit();
                out
            })
            .collect();
        // Each chunk is freed as it is moved: the findings are held about
        // once, not twice.
        let mut all = Vec::with_capacity(chunks.iter().map(Vec::len).sum());
        for chunk in chunks {
            all.extend(chunk);
        }
        all
    }

    /// Checks one part of a larger input a window of about `window_bytes`
    /// at a time, so that the findings held at once are those of a window,
    /// however dense they are: hands each window's span of the text (the
    /// windows cover it in order, each starting a line) and its findings
    /// (by position, overlaps resolved) to `each`. The result is the one
    /// [`Engine::resolved_findings`] gives: rules and overlaps never reach
    /// across segments.
    fn check_windows<E>(
        &self,
        doc: &Document,
        known: Option<Known<'_>>,
        window_bytes: usize,
        mut each: impl FnMut(Range<usize>, Vec<Finding>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let reading = self.reading(doc);
        let read = reading.doc();
        let mut settings = Settings {
            rules: reading.rules(self.settings.rules),
            ..self.settings.clone()
        };
        let turns;
        let context;
        let names = match known {
            Some((names, around)) if settings.rules.any_of_kind(Kind::Name) => {
                turns = Turns::of(read, &self.names, names, *around);
                context = self.name_context(names, &turns);
                Some(&context)
            }
            _ => {
                settings.rules = settings.rules.without(names_only());
                None
            }
        };
        for span in windows(doc, window_bytes) {
            let read_span = reading.to_read(&span);
            let found = self.find_in(read, segments_in(read, &read_span), &settings, names);
            let mut findings = reading.to_original(found, span.clone());
            apply::resolve_overlaps(&mut findings);
            each(span, findings)?;
        }
        Ok(())
    }
}

/// A document as the rules read it: mojibake repaired first when there is
/// any, so that the other rules read `Ã©` as the letter it stands for, and
/// their spans mapped back to the original — so that the result does not
/// change when the repaired output is checked again. Every pass over a
/// document (names gathered, learned, checked; the language) reads it so.
struct Reading<'d> {
    original: &'d Document,
    repaired: Option<Repaired>,
}

/// The repairs of a document with mojibake, the repaired document and the
/// map back to the original.
struct Repaired {
    repairs: Vec<Finding>,
    read: Document,
    map: OffsetMap,
}

impl Reading<'_> {
    /// The document the rules read.
    fn doc(&self) -> &Document {
        self.repaired.as_ref().map_or(self.original, |r| &r.read)
    }

    /// `rules` as they run on [`Reading::doc`]: the repairs are made.
    fn rules(&self, rules: RuleSet) -> RuleSet {
        match self.repaired {
            Some(_) => rules.without(RuleSet::of(Rule::Mojibake)),
            None => rules,
        }
    }

    /// A span of the original in the document read.
    fn to_read(&self, span: &Range<usize>) -> Range<usize> {
        match &self.repaired {
            Some(r) => r.map.to_repaired(span.start)..r.map.to_repaired(span.end),
            None => span.clone(),
        }
    }

    /// `found` on the document read, as findings on the original, with the
    /// repairs that start in `span` (of the original) among them, in
    /// position order.
    fn to_original(&self, mut found: Vec<Finding>, span: Range<usize>) -> Vec<Finding> {
        let Some(r) = &self.repaired else {
            return found;
        };
        for f in &mut found {
            f.range = r.map.to_original(&f.range);
        }
        let from = r.repairs.partition_point(|f| f.range.start < span.start);
        let to = r.repairs.partition_point(|f| f.range.start < span.end);
        let mut all = with_repairs(r.repairs[from..to.max(from)].to_vec(), found);
        all.sort_by(by_position);
        all
    }
}

/// `repairs` and the findings on the repaired text (mapped back), less the
/// repairs inside a wider applied fix: those are part of that fix.
fn with_repairs(repairs: Vec<Finding>, rest: Vec<Finding>) -> Vec<Finding> {
    // Applied spans by start, with the furthest end reached so far: one
    // binary search per repair.
    let mut applied: Vec<(usize, usize)> = rest
        .iter()
        .filter(|f| f.status == Status::Applied)
        .map(|f| (f.range.start, f.range.end))
        .collect();
    applied.sort_unstable();
    let mut reach = 0;
    let furthest: Vec<usize> = applied
        .iter()
        .map(|&(_, end)| {
            reach = reach.max(end);
            reach
        })
        .collect();
    let mut all: Vec<Finding> = repairs
        .into_iter()
        .filter(|m| {
            let before = applied.partition_point(|&(start, _)| start <= m.range.start);
            before == 0 || furthest[before - 1] < m.range.end
        })
        .collect();
    all.extend(rest);
    all
}

/// Spans of `doc`'s text of about `window_bytes` each, covering it in
/// order, each starting a line (segments never hold a line break, so each
/// lies in one window).
fn windows(doc: &Document, window_bytes: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let text = doc.text.as_bytes();
    let mut next = Some(0);
    std::iter::from_fn(move || {
        let start = next?;
        let end = text
            .get(start + window_bytes.max(1)..)
            .and_then(|rest| memchr::memchr(b'\n', rest))
            .map_or(text.len(), |i| start + window_bytes.max(1) + i + 1);
        next = (end < text.len()).then_some(end);
        Some(start..end)
    })
}

/// The segments of `doc` that start in `span`.
fn segments_in<'a>(doc: &'a Document, span: &Range<usize>) -> &'a [Segment] {
    let from = doc.segments.partition_point(|s| s.range.start < span.start);
    let to = doc.segments.partition_point(|s| s.range.start < span.end);
    &doc.segments[from..to.max(from)]
}

/// The order of findings: by span, then rule.
fn by_position(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
}

/// Maps offsets in a repaired text back to the original: each repair is a
/// region whose inside has no original counterpart, so a span that starts
/// or ends inside one widens to cover the whole original sequence.
struct OffsetMap {
    /// (original span, repaired span), in text order.
    regions: Vec<(Range<usize>, Range<usize>)>,
}

impl OffsetMap {
    fn new(repairs: &[Finding]) -> Self {
        let mut sorted: Vec<&Finding> = repairs.iter().collect();
        sorted.sort_by_key(|f| f.range.start);
        let mut shift: isize = 0;
        let regions = sorted
            .into_iter()
            .map(|f| {
                let start = (f.range.start as isize + shift) as usize;
                let end = start + f.replacement.len();
                shift += f.replacement.len() as isize - f.range.len() as isize;
                (f.range.clone(), start..end)
            })
            .collect();
        OffsetMap { regions }
    }

    fn point(&self, p: usize, widen_up: bool) -> usize {
        let i = self.regions.partition_point(|(_, new)| new.start <= p);
        let Some((orig, new)) = i.checked_sub(1).map(|i| &self.regions[i]) else {
            return p;
        };
        if p >= new.end {
            orig.end + (p - new.end)
        } else if p == new.start || !widen_up {
            orig.start
        } else {
            orig.end
        }
    }

    /// Where byte `p` of the original (not inside a repaired span) is in
    /// the repaired text.
    fn to_repaired(&self, p: usize) -> usize {
        let i = self.regions.partition_point(|(orig, _)| orig.start < p);
        match i.checked_sub(1).map(|i| &self.regions[i]) {
            Some((orig, new)) => new.end + p.saturating_sub(orig.end),
            None => p,
        }
    }

    fn to_original(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.point(range.start, false);
        let end = if range.is_empty() {
            start
        } else {
            self.point(range.end, true)
        };
        start..end.max(start)
    }
}

/// The name rules alone.
fn names_only() -> RuleSet {
    RuleSet::of_kind(Kind::Name)
}

/// Checks `text` of a known format with no dictionaries (handy in tests).
pub fn check_text(text: &str, format: Format, settings: &Settings) -> Checked {
    let engine = Engine::new(settings.clone(), Dictionaries::default());
    engine.check_document(
        Document::parse(text.to_owned(), format),
        SourceEncoding::Utf8,
    )
}
