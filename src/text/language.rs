//! The language of an input. Some rules only make sense in English (a
//! glossary term heard as English sound-alikes, a doubled word, a name
//! guessed from English running text), and some house style is English
//! (no space before `?` in French is wrong): the engine tells each rule
//! what language it reads.

use std::fmt;

use whatlang::Lang;

/// An input's language, as detected or forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Language {
    /// English: every rule runs.
    English,
    /// Another language the detector named: the English-only rules stay off.
    Other(Lang),
    /// Too little text, or text the detector could not place: the
    /// English-only rules stay off.
    #[default]
    Undetermined,
}

impl Language {
    /// Whether the English-only rules run.
    pub fn is_english(self) -> bool {
        self == Language::English
    }

    /// Whether French typography holds (a space before `; : ! ?`).
    pub fn is_french(self) -> bool {
        self == Language::Other(Lang::Fra)
    }

    /// The language's English name, or `undetermined`.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Other(lang) => lang.eng_name(),
            Language::Undetermined => "undetermined",
        }
    }

    /// Parses `--language`: `auto` (`None`), an ISO 639-1 or 639-3 code
    /// (`en`, `fra`) or an English name (`spanish`).
    pub fn parse_option(s: &str) -> Result<Option<Language>, String> {
        let s = s.trim().to_ascii_lowercase();
        if s == "auto" {
            return Ok(None);
        }
        const TWO_LETTER: &[(&str, &str)] = &[
            ("en", "eng"),
            ("fr", "fra"),
            ("es", "spa"),
            ("de", "deu"),
            ("it", "ita"),
            ("pt", "por"),
            ("nl", "nld"),
            ("ru", "rus"),
            ("uk", "ukr"),
            ("pl", "pol"),
            ("cs", "ces"),
            ("sr", "srp"),
            ("hr", "hrv"),
            ("ar", "arb"),
            ("zh", "cmn"),
            ("ja", "jpn"),
            ("ko", "kor"),
            ("tr", "tur"),
        ];
        let code = TWO_LETTER
            .iter()
            .find(|(two, _)| *two == s)
            .map_or(s.as_str(), |(_, three)| three);
        let lang = Lang::from_code(code)
            .or_else(|| Lang::all().iter().copied().find(|l| l.eng_name().eq_ignore_ascii_case(&s)))
            .ok_or_else(|| {
                format!("unknown language `{s}` (auto, or a code such as en, fr, es, or a name such as english)")
            })?;
        Ok(Some(Language::from(lang)))
    }

    /// The language of `sample` (a few kilobytes of an input's text):
    /// the detector's answer when it is reliable; else English when nearly
    /// every lower-case word is a common English word (`english_word` says
    /// which), so that a short English file still gets every rule.
    pub fn detect(sample: &str, english_word: impl Fn(&str) -> bool) -> Language {
        if let Some(info) = whatlang::detect(sample).filter(|i| i.is_reliable()) {
            return Language::from(info.lang());
        }
        let mut words = 0;
        let mut english = 0;
        // Lower-case words only: capitalised ones may be the names the
        // text is about ("Mr. Xochiquetsal spoke.").
        for word in sample
            .split(|c: char| !c.is_alphabetic() && c != '\'')
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        {
            words += 1;
            english += usize::from(english_word(word));
        }
        if words > 0 && english * 5 >= words * 4 {
            Language::English
        } else {
            Language::Undetermined
        }
    }
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Self {
        if lang == Lang::Eng {
            Language::English
        } else {
            Language::Other(lang)
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How much of an input's text the detector reads: enough for a sure
/// answer, little enough to cost nothing per file.
pub const SAMPLE_BYTES: usize = 8 << 10;

#[cfg(test)]
mod tests {
    use super::*;

    fn english_word(w: &str) -> bool {
        ["thank", "you", "chair", "the", "floor", "is", "yours"]
            .contains(&w.to_lowercase().as_str())
    }

    #[test]
    fn languages_of_caption_text() {
        let detect = |s: &str| Language::detect(s, english_word);
        assert_eq!(
            detect("Thank you very much, Madam Chair. I would like to thank the secretariat for organising this meeting and all the speakers for their contributions."),
            Language::English
        );
        assert!(detect("Bonjour à tous, et merci d'être venus. Nous allons parler de la coopération numérique et de la gouvernance de l'internet.").is_french());
        assert_eq!(
            detect("Buenas tardes a todos. Vamos a hablar de la cooperación digital y de la gobernanza de internet en la región."),
            Language::Other(Lang::Spa)
        );
        // Too short for the detector, but every word English.
        assert_eq!(detect("Thank you, Chair."), Language::English);
        assert_eq!(detect("Merci !"), Language::Undetermined);
        assert_eq!(
            detect("Mr. Xochiquetsal spoke, thank you."),
            Language::Undetermined
        );
        assert_eq!(detect("Mr. Xochiquetsal, thank you."), Language::English);
    }

    #[test]
    fn the_option_takes_codes_and_names() {
        assert_eq!(Language::parse_option("auto"), Ok(None));
        assert_eq!(Language::parse_option("en"), Ok(Some(Language::English)));
        assert_eq!(
            Language::parse_option("fra")
                .unwrap()
                .map(Language::is_french),
            Some(true)
        );
        assert_eq!(
            Language::parse_option("Spanish"),
            Ok(Some(Language::Other(Lang::Spa)))
        );
        assert!(Language::parse_option("klingon").is_err());
    }
}
