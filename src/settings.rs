//! How a run behaves: which rules, how sure a fix must be to be applied,
//! how the input is read and the output written. Below the rules, which
//! read it, and the engine, which holds it.

use crate::edit::RuleSet;
use crate::formats::Format;
use crate::text::{Language, OutputEncoding};

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
    /// The input encoding, when forced; `None` detects it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// What the output is written in.
    pub output_encoding: OutputEncoding,
    /// The inputs' language, when forced; `None` detects it per input.
    pub language: Option<Language>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rules: RuleSet::all(),
            auto_threshold: crate::edit::DEFAULT_AUTO_THRESHOLD,
            format: None,
            dash_style: DashStyle::default(),
            encoding: None,
            output_encoding: OutputEncoding::Input,
            language: None,
        }
    }
}

/// How a double-hyphen dash is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DashStyle {
    /// `word — word`, and `word —` at the end of an interrupted sentence.
    #[default]
    SpacedEm,
    /// `word—word`.
    Em,
    /// `word – word`.
    En,
    /// Leave double hyphens as they are.
    Keep,
}

impl DashStyle {
    /// Parses `spaced-em`, `em`, `en` or `keep`.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "spaced-em" => Ok(DashStyle::SpacedEm),
            "em" => Ok(DashStyle::Em),
            "en" => Ok(DashStyle::En),
            "keep" => Ok(DashStyle::Keep),
            other => Err(format!(
                "unknown dash style `{other}` (spaced-em, em, en or keep)"
            )),
        }
    }

    /// The dash between two words.
    pub(crate) fn between(self) -> &'static str {
        match self {
            DashStyle::SpacedEm => " — ",
            DashStyle::Em => "—",
            DashStyle::En => " – ",
            DashStyle::Keep => "",
        }
    }

    /// The dash ending an interrupted sentence.
    pub(crate) fn at_end(self) -> &'static str {
        match self {
            DashStyle::SpacedEm => " —",
            DashStyle::Em => "—",
            DashStyle::En => " –",
            DashStyle::Keep => "",
        }
    }
}
