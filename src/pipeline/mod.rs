//! The pipeline: decode, parse, run the rules (in parallel over chunks of
//! segments), resolve overlaps, apply. Every rule reads the same original
//! text, so rule order never matters and the result is the same for any
//! number of threads.

pub mod apply;

use rayon::prelude::*;

use crate::dict::Dictionaries;
use crate::edit::Kind;
use crate::edit::{Finding, Status};
use crate::error::{Error, Result};
use crate::formats::{Document, Format};
use crate::names::NameIndex;
use crate::rules::names::{DocNames, NameContext};
use crate::rules::punct::DashStyle;
use crate::rules::{self, Context, RuleSet, Scratch};
use crate::text::{self, SourceEncoding};

/// How a run behaves.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The enabled rules.
    pub rules: RuleSet,
    /// Name and term corrections at or above this confidence are applied.
    pub auto_threshold: f32,
    /// Forced format; `None` detects it.
    pub format: Option<Format>,
    /// How double-hyphen dashes are written.
    pub dash_style: DashStyle,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rules: RuleSet::all(),
            auto_threshold: 0.9,
            format: None,
            dash_style: DashStyle::default(),
        }
    }
}

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
    /// Findings sorted by position, overlaps resolved.
    pub findings: Vec<Finding>,
    /// The text with every applied finding in it.
    pub output: String,
}

impl Checked {
    /// The output encoded for writing (UTF-8; BOM kept if the input had one).
    pub fn output_bytes(&self) -> Vec<u8> {
        text::encode(&self.output, self.encoding)
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
}

impl Engine {
    /// An engine for `settings` and `dictionaries`.
    pub fn new(settings: Settings, dictionaries: Dictionaries) -> Self {
        let names = if settings.rules.any_of_kind(Kind::Name) {
            NameIndex::new(&dictionaries.roster)
        } else {
            NameIndex::default()
        };
        Engine {
            settings,
            dictionaries,
            names,
        }
    }

    /// Checks raw input bytes; `name` is the input as given (for messages),
    /// and its extension helps detect the format.
    pub fn check_bytes(&self, name: &str, bytes: &[u8]) -> Result<Checked> {
        let decoded = text::decode(bytes).map_err(|reason| Error::Input {
            path: name.to_owned(),
            reason,
        })?;
        let format = self
            .settings
            .format
            .or_else(|| Format::from_path(std::path::Path::new(name)))
            .unwrap_or_else(|| Format::sniff(&decoded.text));
        Ok(self.check_document(Document::parse(decoded.text, format), decoded.encoding))
    }

    /// Checks a parsed document.
    pub fn check_document(&self, doc: Document, encoding: SourceEncoding) -> Checked {
        let name_context = self
            .settings
            .rules
            .any_of_kind(Kind::Name)
            .then(|| NameContext {
                index: &self.names,
                doc: DocNames::new(&doc, &self.names),
            });
        let ctx = Context {
            doc: &doc,
            settings: &self.settings,
            names: name_context.as_ref(),
        };
        let mut findings: Vec<Finding> = if self.settings.rules.is_empty() {
            Vec::new()
        } else {
            doc.segments
                .par_chunks(CHUNK_SEGMENTS)
                .map(|chunk| {
                    let mut out = Vec::new();
                    let mut scratch = Scratch::default();
                    for segment in chunk {
                        rules::check_segment(&ctx, segment, &mut scratch, &mut out);
                    }
                    out
                })
                .flatten_iter()
                .collect()
        };
        findings.sort_by(|a, b| {
            (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
        });
        apply::resolve_overlaps(&mut findings);
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
            findings,
            output,
        }
    }
}

/// Checks `text` of a known format with no dictionaries (handy in tests).
pub fn check_text(text: &str, format: Format, settings: &Settings) -> Checked {
    let engine = Engine::new(settings.clone(), Dictionaries::default());
    engine.check_document(
        Document::parse(text.to_owned(), format),
        SourceEncoding::Utf8,
    )
}
