//! The edit model, below every stage: what rules produce — a [`Finding`]
//! is a proposed change (or a flag) on a span of the ORIGINAL decoded
//! text —, the table of rule codes ([`codes`]), and how overlapping edits
//! are told apart ([`conflicts`], [`SpanSet`]). Rules never change text
//! themselves; the engine's applier is the one place that does.

pub mod codes;

pub use codes::{Rule, RuleInfo, RuleSet, RULES};

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

/// The family a finding belongs to, as shown in the review list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Punctuation and typography.
    Punct,
    /// Inaudible or unverified passages.
    Inaudible,
    /// Person names.
    Name,
    /// Glossary terms.
    Term,
}

impl Kind {
    /// Every kind, in the order the summary and the report show them.
    pub const ALL: [Kind; 4] = [Kind::Punct, Kind::Inaudible, Kind::Name, Kind::Term];

    /// The review-list spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Punct => "punct",
            Kind::Inaudible => "inaudible",
            Kind::Name => "name",
            Kind::Term => "term",
        }
    }

    /// Parses the review-list spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "punct" => Kind::Punct,
            "inaudible" => Kind::Inaudible,
            "name" => Kind::Name,
            "term" => Kind::Term,
            _ => return None,
        })
    }
}

/// Whether a finding's change is in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Applied to the output already.
    Applied,
    /// Proposed, not applied.
    Suggested,
    /// Needs a human; no suggestion.
    Flagged,
}

impl Status {
    /// Every status, in the order the summary and the report show them.
    pub const ALL: [Status; 3] = [Status::Applied, Status::Suggested, Status::Flagged];

    /// The review-list spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Applied => "applied",
            Status::Suggested => "suggested",
            Status::Flagged => "flagged",
        }
    }

    /// Parses the review-list spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "applied" => Status::Applied,
            "suggested" => Status::Suggested,
            "flagged" => Status::Flagged,
            _ => return None,
        })
    }
}

/// How sure a rule is of its fix; [`Applicability::status`] turns it into a
/// [`Status`] in one place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Applicability {
    /// Mechanical and always right (house style): applied.
    Always,
    /// Applied when the confidence reaches the auto threshold, else suggested.
    Scored,
    /// Never applied on its own: suggested.
    Suggest,
    /// Nothing to propose: flagged for a human.
    Flag,
}

impl Applicability {
    /// The status a finding with this applicability and `confidence` gets.
    pub fn status(self, confidence: f32, auto_threshold: f32) -> Status {
        match self {
            Applicability::Always => Status::Applied,
            Applicability::Scored if confidence >= auto_threshold => Status::Applied,
            Applicability::Scored | Applicability::Suggest => Status::Suggested,
            Applicability::Flag => Status::Flagged,
        }
    }
}

/// The confidence at or above which a scored fix is applied, unless a run
/// says otherwise (`--auto-threshold`).
pub const DEFAULT_AUTO_THRESHOLD: f32 = 0.9;

/// One proposed change or flag.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule that found it.
    pub rule: Rule,
    /// Byte span in the original decoded text.
    pub range: Range<usize>,
    /// The proposed text (empty for flags).
    pub replacement: String,
    /// How sure the rule is: with the confidence, what decides the status.
    pub applicability: Applicability,
    /// Applied, suggested or flagged: decided by the engine with the run's
    /// auto threshold ([`Finding::decide`]), the default until then.
    pub status: Status,
    /// 0 to 1.
    pub confidence: f32,
    /// Why: the evidence, shown in the review list's `note` column.
    pub note: Cow<'static, str>,
}

impl Finding {
    /// A finding as a rule proposes it: how sure it is, not yet what
    /// becomes of it (the engine decides, [`Finding::decide`]).
    pub fn new(
        rule: Rule,
        range: Range<usize>,
        replacement: impl Into<String>,
        applicability: Applicability,
        confidence: f32,
    ) -> Self {
        let confidence = confidence.clamp(0.0, 1.0);
        Finding {
            rule,
            range,
            replacement: replacement.into(),
            applicability,
            status: applicability.status(confidence, DEFAULT_AUTO_THRESHOLD),
            confidence,
            note: Cow::Borrowed(""),
        }
    }

    /// Decides the status with the run's auto threshold: the one place
    /// where a rule's confidence becomes applied, suggested or flagged.
    pub fn decide(&mut self, auto_threshold: f32) {
        self.status = self.applicability.status(self.confidence, auto_threshold);
    }

    /// Adds the evidence note.
    pub fn with_note(mut self, note: impl Into<Cow<'static, str>>) -> Self {
        self.note = note.into();
        self
    }

    /// The finding's kind, from its rule.
    pub fn kind(&self) -> Kind {
        self.rule.kind()
    }
}

/// What the overlap policy weighs of a proposed edit.
pub trait Weighed {
    /// Its span in the original text.
    fn span(&self) -> &Range<usize>;
    /// How sure its rule is.
    fn confidence(&self) -> f32;
    /// Its rule.
    fn rule(&self) -> Rule;
}

impl Weighed for Finding {
    fn span(&self) -> &Range<usize> {
        &self.range
    }
    fn confidence(&self) -> f32 {
        self.confidence
    }
    fn rule(&self) -> Rule {
        self.rule
    }
}

/// THE overlap policy, between the findings of different rules: of two
/// that conflict, the one that sorts first stands (the engine demotes the
/// other to a suggestion). The longer span first (a whole-word fix such as
/// a name or a glossary term subsumes a fix of a character inside it, so a
/// second run finds nothing left), then the higher confidence, then the
/// earlier start, then the lower rule code: the outcome never depends on
/// the order rules ran in.
pub fn strongest_first<T: Weighed>(a: &T, b: &T) -> std::cmp::Ordering {
    b.span()
        .len()
        .cmp(&a.span().len())
        .then_with(|| b.confidence().total_cmp(&a.confidence()))
        .then_with(|| a.span().start.cmp(&b.span().start))
        .then_with(|| a.rule().cmp(&b.rule()))
}

/// The same policy between readings of one run of words by one rule (the
/// windows of a run of names: "Chidi Okafore", "Okafore"): the surest
/// first, then the longer, then the earlier; the others are dropped. Here a
/// longer but weaker reading must not block a certain one (a listed
/// mishearing inside a run of names).
pub fn surest_first<T: Weighed>(a: &T, b: &T) -> std::cmp::Ordering {
    b.confidence()
        .total_cmp(&a.confidence())
        .then_with(|| b.span().len().cmp(&a.span().len()))
        .then_with(|| a.span().start.cmp(&b.span().start))
}

/// Whether two spans may not both be applied: they overlap, an insertion
/// (empty span) falls strictly inside the other, or two insertions share a
/// point. An insertion at the edge of a replacement is well defined (it
/// goes before or after it) and so is no conflict.
pub fn conflicts(a: &Range<usize>, b: &Range<usize>) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => a.start == b.start,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

/// Spans that do not [`conflict`](conflicts), each with a value: what the
/// stages and the applier hold while they settle which edits stand. A
/// query or an insertion costs a logarithm of the spans held, so a line
/// with thousands of findings costs no more per finding than a short one.
#[derive(Debug, Clone)]
pub struct SpanSet<T = ()> {
    /// By (start, end); never conflicting, so their ends ascend with their
    /// starts.
    spans: BTreeMap<(usize, usize), T>,
}

impl<T> Default for SpanSet<T> {
    fn default() -> Self {
        SpanSet {
            spans: BTreeMap::new(),
        }
    }
}

impl<T: Copy> SpanSet<T> {
    /// The value of a held span that conflicts with `range`, if any.
    pub fn conflicting(&self, range: &Range<usize>) -> Option<T> {
        self.spans
            .range(..=(range.end, usize::MAX))
            .rev()
            .take_while(|((_, end), _)| *end >= range.start)
            .find(|((start, end), _)| conflicts(&(*start..*end), range))
            .map(|(_, value)| *value)
    }

    /// Holds `range`, which must conflict with none held.
    pub fn insert(&mut self, range: Range<usize>, value: T) {
        self.spans.insert((range.start, range.end), value);
    }
}

impl SpanSet<()> {
    /// Whether `range` conflicts with a held span.
    pub fn conflicts(&self, range: &Range<usize>) -> bool {
        self.conflicting(range).is_some()
    }
}
