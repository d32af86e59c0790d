//! Rules check segments and propose [`Finding`]s on the original text. They
//! never change text; see [`crate::pipeline::apply`].
//!
//! Adding a rule: a variant and a row in [`codes`], its check in the stage
//! module of its family, and tests beside it.

mod inaudible;
pub mod names;
pub mod punct;
mod terms;

pub use crate::edit::codes;
pub use crate::edit::{Rule, RuleInfo, RuleSet, RULES};

use crate::edit::Finding;
use crate::formats::{Document, Segment};
use crate::settings::Settings;

/// What a rule may look at while checking one segment.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The whole document (for its text and other segments).
    pub doc: &'a Document,
    /// The run's settings.
    pub settings: &'a Settings,
    /// The names stage's view of the roster and the document, when it runs.
    pub names: Option<&'a names::NameContext<'a>>,
    /// The compiled glossary, when the term rules run.
    pub terms: Option<&'a crate::terms::TermIndex>,
    /// The roster, indexed (empty when no name rule runs): a term never
    /// overrides a roster name, whether or not the name rules run in this
    /// pass.
    pub roster: &'a crate::names::NameIndex,
}

/// State one worker keeps across the segments of its chunk.
#[derive(Debug, Default)]
pub struct Scratch {
    names: names::NameCache,
}

impl Context<'_> {
    /// Whether `rule` is enabled.
    pub fn enabled(&self, rule: Rule) -> bool {
        self.settings.rules.contains(rule)
    }
}

/// Runs every enabled segment-level rule on `segment`.
pub fn check_segment(
    ctx: &Context<'_>,
    segment: &Segment,
    scratch: &mut Scratch,
    out: &mut Vec<Finding>,
) {
    inaudible::check(ctx, segment, out);
    punct::check(ctx, segment, out);
    names::check(ctx, segment, &mut scratch.names, out);
    terms::check(ctx, segment, out);
}
