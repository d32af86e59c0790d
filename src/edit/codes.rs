//! THE table of rules: code, name, kind and documentation. `capclean rules`
//! prints from here, and selection (`--select`, `--ignore`) matches here.

use super::Kind;

/// Every rule capclean has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// P001
    NonstandardHyphen,
    /// P002
    DoubleHyphenDash,
    /// P003
    MissingSpaceAfterComma,
    /// P004
    SplitThousands,
    /// P005
    SpaceRun,
    /// P006
    TrailingWhitespace,
    /// P007
    SpaceBeforePunctuation,
    /// P008
    Mojibake,
    /// P009
    DoubledWord,
    /// N001
    KnownMisheardName,
    /// N002
    MisheardName,
    /// N003
    NameAccents,
    /// N004
    SpeakerLabelName,
    /// N005
    DocumentSpeakerName,
    /// G001
    GlossaryVariant,
    /// G002
    TermSpacing,
    /// G003
    TermCase,
    /// G004
    TermSoundAlike,
    /// I001
    InaudibleMarker,
    /// I002
    UnverifiedSpelling,
    /// I003
    AudioProblem,
}

/// The documentation of one rule.
#[derive(Debug)]
pub struct RuleInfo {
    /// The rule.
    pub rule: Rule,
    /// Code such as `P003`.
    pub code: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    /// The kind of its findings, as the review list shows it.
    pub kind: Kind,
    /// One line: what it does.
    pub summary: &'static str,
    /// Why it matters to a caption editor.
    pub why: &'static str,
    /// Raw text it acts on.
    pub example: &'static str,
    /// What it makes of the example, with that rule alone: the output, or
    /// `suggested: ` and the text with the suggestion taken, or
    /// `flagged: ` and the span flagged (`tests/rule_examples.rs` checks it).
    pub result: &'static str,
    /// When the fix is applied, suggested or only flagged.
    pub fix_safety: &'static str,
}

/// All rules, in code order.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        rule: Rule::NonstandardHyphen,
        code: "P001",
        name: "nonstandard-hyphen",
        kind: Kind::Punct,
        summary: "Replaces a hyphen written as U+2010 or U+2011 inside a word with `-`.",
        why: "Captioning software emits non-breaking hyphens; they break search, spell checkers and screen readers in the published text.",
        example: "the Under\u{2011}Secretary\u{2011}General",
        result: "the Under-Secretary-General",
        fix_safety: "Applied: only between two letters or digits.",
    },
    RuleInfo {
        rule: Rule::DoubleHyphenDash,
        code: "P002",
        name: "double-hyphen-dash",
        kind: Kind::Punct,
        summary: "Writes two hyphen-like characters used as a dash as the house dash (default ` — `; `word —` at a line end).",
        why: "`‑‑` is how a steno writer types a dash; the publication uses a real dash.",
        example: "my second time ‑‑ my first time",
        result: "my second time — my first time",
        fix_safety: "Applied. Style set by `dash-style` (spaced-em, em, en, keep). A dash opening a line, runs of four or more, arrows (`-->`, `<--`, `^--`) and URLs are left alone.",
    },
    RuleInfo {
        rule: Rule::MissingSpaceAfterComma,
        code: "P003",
        name: "missing-space-after-comma",
        kind: Kind::Punct,
        summary: "Inserts the missing space after a comma or semicolon between two words.",
        why: "Fast writing drops the space (`everybody,just`), which reads as a typo.",
        example: "Luis, Bobo, everybody,just give a hand",
        result: "Luis, Bobo, everybody, just give a hand",
        fix_safety: "Applied only with a letter after and a letter or an abbreviation's period before (U.N.,and): never inside numbers (4,500; 3,14), URLs or e-mail addresses.",
    },
    RuleInfo {
        rule: Rule::SplitThousands,
        code: "P004",
        name: "split-thousands",
        kind: Kind::Punct,
        summary: "Joins a thousands group split by a space: `4, 500 fliers` -> `4,500 fliers`.",
        why: "The writer's comma key and space key both fired; the figure is wrong as written.",
        example: "we printed 4, 500 fliers",
        result: "we printed 4,500 fliers",
        fix_safety: "Applied when a noun or a currency makes it one number; suggested when it may be a list (`items 4, 500 and 7`, a list word before, `and`/`or`/a comma after, nothing after, or three digits before a group not starting with 0: `300, 400 years`).",
    },
    RuleInfo {
        rule: Rule::SpaceRun,
        code: "P005",
        name: "space-run",
        kind: Kind::Punct,
        summary: "Collapses a run of two or three spaces inside a line to one.",
        why: "Doubled spaces come from corrections during live writing.",
        example: "two  spaces   here",
        result: "two spaces here",
        fix_safety: "Applied. Indentation at a line start, the space after a turn marker, runs of four or more (columns lined up) and runs holding tabs are kept.",
    },
    RuleInfo {
        rule: Rule::TrailingWhitespace,
        code: "P006",
        name: "trailing-whitespace",
        kind: Kind::Punct,
        summary: "Removes spaces and tabs at the end of a line.",
        why: "Invisible, but they show in diffs and some subtitle players.",
        example: "end of the line   ",
        result: "end of the line",
        fix_safety: "Applied. Timing lines and other non-text lines are never touched.",
    },
    RuleInfo {
        rule: Rule::SpaceBeforePunctuation,
        code: "P007",
        name: "space-before-punctuation",
        kind: Kind::Punct,
        summary: "Removes the space before `, . ; : ? !`.",
        why: "House style sets punctuation tight against the word before it.",
        example: "thank you , Chair . Really ?",
        result: "thank you, Chair. Really?",
        fix_safety: "Applied. Markers such as `(?)`, ellipses, and punctuation starting a token (`.5`, `:)`) are left alone.",
    },
    RuleInfo {
        rule: Rule::Mojibake,
        code: "P008",
        name: "mojibake",
        kind: Kind::Punct,
        summary: "Repairs UTF-8 text that was once decoded as Windows-1252 or Latin-1: `Ã©` -> `é`, `â€™` -> `’`.",
        why: "A wrong encoding somewhere upstream turns every accent and curly quote into two or three strange characters.",
        example: "JuliÃ¡n said itâ€™s fine",
        result: "Julián said it’s fine",
        fix_safety: "Applied only where the whole run decodes as UTF-8; a lone `Ã` or `SÃO` is left alone.",
    },
    RuleInfo {
        rule: Rule::DoubledWord,
        code: "P009",
        name: "doubled-word",
        kind: Kind::Punct,
        summary: "Suggests removing a word written twice in a row (`some some`).",
        why: "A stutter or a correction left in; but speakers do repeat words, so an editor decides.",
        example: "devote some some time",
        result: "suggested: devote some time",
        fix_safety: "Suggested, never applied. Repeats across punctuation and common legitimate doubles (`had had`, `that that`) are not reported.",
    },
    RuleInfo {
        rule: Rule::KnownMisheardName,
        code: "N001",
        name: "known-misheard-name",
        kind: Kind::Name,
        summary: "Corrects a form listed in the roster's `misheard` column to the person's name.",
        why: "The editors have seen this mishearing before and recorded it; it is wrong wherever it appears.",
        example: "I thank Wyman Quoc for the report",
        result: "I thank Wai Min Kwok for the report",
        fix_safety: "Applied, confidence 1.",
    },
    RuleInfo {
        rule: Rule::MisheardName,
        code: "N002",
        name: "misheard-name",
        kind: Kind::Name,
        summary: "Corrects a capitalised name that sounds like a roster name to the roster's spelling.",
        why: "Captioners write names by ear: sound-alike spellings, split or merged words, a letter doubled or dropped.",
        example: "Emmanuel Macron spoke. We noted the participation of President Marcon.",
        result: "Emmanuel Macron spoke. We noted the participation of President Macron.",
        fix_safety: "Applied at or above `--auto-threshold` with a margin over any other person, else suggested. Never changes a common English word alone, a single token inside a longer capitalised run, a correct roster form or alias, or a `never` form.",
    },
    RuleInfo {
        rule: Rule::NameAccents,
        code: "N003",
        name: "name-accents",
        kind: Kind::Name,
        summary: "Restores the accents (and case) of a roster name written without them.",
        why: "Real-time writers rarely type accents; the record must spell people's names right.",
        example: "Thank you, Julian Casasbuenas.",
        result: "Thank you, Julián Casasbuenas.",
        fix_safety: "Applied (confidence 0.95, more with context); a given name alone is only suggested.",
    },
    RuleInfo {
        rule: Rule::SpeakerLabelName,
        code: "N004",
        name: "speaker-label-name",
        kind: Kind::Name,
        summary: "Corrects a speaker label that is a near-variant of a roster name, in the label's own case; or suggests the spelling the file's other labels use.",
        why: "A misspelled label misattributes a whole turn and breaks search by speaker.",
        example: ">> PETRA LINDQVIST: Welcome.\n>> PETRA LINDQUIST: Thank you.",
        result: ">> PETRA LINDQVIST: Welcome.\n>> PETRA LINDQVIST: Thank you.",
        fix_safety: "Roster matches follow the auto threshold; a variant of another label in the file is only suggested.",
    },
    RuleInfo {
        rule: Rule::DocumentSpeakerName,
        code: "N005",
        name: "document-speaker-name",
        kind: Kind::Name,
        summary: "Suggests the spelling of a speaker of this file, not on the roster, for a near-variant in the text.",
        why: "A file's own speaker labels are a roster for that file: someone who speaks as TATIANA MOROZOVA is likely the \"Tatiana Morosova\" mentioned later.",
        example: ">> TATIANA MOROZOVA: Thank you.\nAs Tatiana Morosova said, we agree.",
        result: "suggested: >> TATIANA MOROZOVA: Thank you.\nAs Tatiana Morozova said, we agree.",
        fix_safety: "Suggested only: the label may itself be wrong.",
    },
    RuleInfo {
        rule: Rule::GlossaryVariant,
        code: "G001",
        name: "glossary-variant",
        kind: Kind::Term,
        summary: "Corrects a variant listed in the glossary to its term, in the case the term allows.",
        why: "Captioners mishear domain words the same way every time: intercessional, Undesa.",
        example: "the intercessional work of the group",
        result: "the intersessional work of the group",
        fix_safety: "Applied (confidence 0.95). A lower-case term takes the heard text's case (Intercessional -> Intersessional); acronyms and proper terms keep their own. An abbreviation's last period stays when it ends the text (Welcome to the I.G.F. -> IGF.); before a capital only the editor can tell (the I.G.F. Secretariat), so it is suggested.",
    },
    RuleInfo {
        rule: Rule::TermSpacing,
        code: "G002",
        name: "term-spacing",
        kind: Kind::Term,
        summary: "Corrects a spacing or hyphenation variant of a glossary term that is not listed: stock taking, stock-taking -> stocktaking.",
        why: "Compounds are heard as separate words; the glossary fixes one spelling.",
        example: "the stock taking exercise",
        result: "the stocktaking exercise",
        fix_safety: "Applied (confidence 0.9) unless the glossary lists that form as a term of its own (e.g. multi-stakeholder).",
    },
    RuleInfo {
        rule: Rule::TermCase,
        code: "G003",
        name: "term-case",
        kind: Kind::Term,
        summary: "Writes an acronym or fixed-case term in the glossary's case: Unesco -> UNESCO, Ipv6 -> IPv6.",
        why: "Acronyms and product names have one right casing.",
        example: "the ipv6 transition",
        result: "the IPv6 transition",
        fix_safety: "Applied for fixed-case terms, except an all-lower-case common word (mag is not MAG); a capitalised multi-word term (Fourth Industrial Revolution) is only suggested.",
    },
    RuleInfo {
        rule: Rule::TermSoundAlike,
        code: "G004",
        name: "term-sound-alike",
        kind: Kind::Term,
        summary: "Suggests a multi-word glossary term when one of its words was misheard: forth industrial revolution.",
        why: "One word of a phrase is misheard, the rest is right; the phrase gives it away.",
        example: "the so-called forced Industrial Revolution",
        result: "suggested: the so-called Fourth Industrial Revolution",
        fix_safety: "Suggested only; a single word is never changed on similarity alone.",
    },
    RuleInfo {
        rule: Rule::InaudibleMarker,
        code: "I001",
        name: "inaudible-marker",
        kind: Kind::Inaudible,
        summary: "Flags markers for words the captioner did not hear: (?), (inaudible), [unintelligible], (indiscernible 00:14:32), a guess such as (clue?).",
        why: "Each marker is a gap in the record that an editor must fill from the recording or leave as is; the review row gives the speaker or cue time to find it.",
        example: "the impact on basic values, (?) values in the future",
        result: "flagged: `(?)`",
        fix_safety: "Never changes the text. Accepting the row with a suggestion typed in replaces the marker with it.",
    },
    RuleInfo {
        rule: Rule::UnverifiedSpelling,
        code: "I002",
        name: "unverified-spelling",
        kind: Kind::Inaudible,
        summary: "Flags the captioner's marks for a spelling they could not check: (phonetic), (ph), (sp?).",
        why: "The word before the mark is a guess, often a name; it must be verified before publication, and the mark removed.",
        example: "my colleague Dr. Okonkwo (phonetic) from Lagos",
        result: "flagged: `Okonkwo (phonetic)`",
        fix_safety: "Never changes the text. The span covers the word and the mark, so a suggestion typed in replaces both.",
    },
    RuleInfo {
        rule: Rule::AudioProblem,
        code: "I003",
        name: "audio-problem",
        kind: Kind::Inaudible,
        summary: "Flags notes of lost or broken audio: (No audio), [audio difficulties], (technical difficulties).",
        why: "A passage with no audio may be missing entirely; the editor decides whether the recording has it.",
        example: "we will now hear from (No audio) and so we agree",
        result: "flagged: `(No audio)`",
        fix_safety: "Never changes the text.",
    },
];

impl Rule {
    /// The rule's documentation.
    pub fn info(self) -> &'static RuleInfo {
        // The table is in enum order; checked by a test.
        &RULES[self as usize]
    }

    /// Code such as `I001`.
    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// The kind of its findings.
    pub fn kind(self) -> Kind {
        self.info().kind
    }

    /// Looks a rule up by code (case-insensitive) or name.
    pub fn from_code(code: &str) -> Option<Rule> {
        RULES
            .iter()
            .find(|r| r.code.eq_ignore_ascii_case(code) || r.name.eq_ignore_ascii_case(code))
            .map(|r| r.rule)
    }
}

/// A set of enabled rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSet(u64);

impl RuleSet {
    /// Every rule.
    pub fn all() -> Self {
        RuleSet(RULES.iter().fold(0, |bits, r| bits | 1 << r.rule as u64))
    }

    /// No rule.
    pub fn empty() -> Self {
        RuleSet(0)
    }

    /// `rule` alone.
    pub fn of(rule: Rule) -> Self {
        RuleSet(1 << rule as u64)
    }

    /// Every rule of `kind`.
    pub fn of_kind(kind: Kind) -> Self {
        RuleSet(
            RULES
                .iter()
                .filter(|r| r.kind == kind)
                .fold(0, |bits, r| bits | 1 << r.rule as u64),
        )
    }

    /// Whether `rule` is enabled.
    pub fn contains(self, rule: Rule) -> bool {
        self.0 & (1 << rule as u64) != 0
    }

    /// Whether no rule is enabled.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether any rule of `kind` is enabled.
    pub fn any_of_kind(self, kind: Kind) -> bool {
        RULES
            .iter()
            .any(|r| r.rule.kind() == kind && self.contains(r.rule))
    }

    /// Rules matching a comma-separated list of codes, code prefixes or
    /// names; `ALL` matches every rule. An unknown entry is an error.
    pub fn parse(selectors: &str) -> Result<Self, String> {
        let mut set = RuleSet::empty();
        for selector in selectors
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let matched = Self::matching(selector);
            if matched.is_empty() {
                return Err(format!(
                    "unknown rule `{selector}` (see `capclean rules` for the codes)"
                ));
            }
            set.0 |= matched.0;
        }
        Ok(set)
    }

    fn matching(selector: &str) -> Self {
        if selector.eq_ignore_ascii_case("ALL") {
            return RuleSet::all();
        }
        let upper = selector.to_ascii_uppercase();
        let mut set = RuleSet::empty();
        for info in RULES {
            if info.code.starts_with(&upper) || info.name.eq_ignore_ascii_case(selector) {
                set.0 |= 1 << info.rule as u64;
            }
        }
        set
    }

    /// This set without the rules of `other`.
    pub fn without(self, other: RuleSet) -> Self {
        RuleSet(self.0 & !other.0)
    }

    /// This set with the rules of `other`.
    pub fn with(self, other: RuleSet) -> Self {
        RuleSet(self.0 | other.0)
    }
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::all()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_enum_order_with_unique_codes() {
        for (i, info) in RULES.iter().enumerate() {
            assert_eq!(info.rule as usize, i, "{} out of order", info.code);
            assert_eq!(Rule::from_code(info.code), Some(info.rule));
        }
        let mut codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), RULES.len());
        // A code's letter names its family.
        for info in RULES {
            let family = match info.kind {
                Kind::Punct => 'P',
                Kind::Inaudible => 'I',
                Kind::Name => 'N',
                Kind::Term => 'G',
            };
            assert!(info.code.starts_with(family), "{}", info.code);
        }
        assert_eq!(RuleSet::of_kind(Kind::Name), RuleSet::parse("N").unwrap());
        assert_eq!(RuleSet::of(Rule::Mojibake), RuleSet::parse("P008").unwrap());
    }

    #[test]
    fn selectors_match_codes_prefixes_and_all() {
        let set = RuleSet::parse("I00").unwrap();
        assert!(set.contains(Rule::InaudibleMarker) && set.contains(Rule::AudioProblem));
        let set = RuleSet::parse("i002").unwrap();
        assert!(set.contains(Rule::UnverifiedSpelling) && !set.contains(Rule::InaudibleMarker));
        assert_eq!(RuleSet::parse("ALL").unwrap(), RuleSet::all());
        assert!(RuleSet::parse("X9").unwrap_err().contains("X9"));
        assert!(RuleSet::all().without(RuleSet::all()).is_empty());
    }
}
