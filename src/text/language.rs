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

    /// The language of `sample` (a few kilobytes of an input's text): the
    /// detector's answer when it is reliable. Short text leaves it
    /// unsure; then the text is English unless most of its letters are of
    /// another script, or its small words are another language's ("vous",
    /// "que", "und") more than English ones ("the", "and"). Those signs are
    /// ones capclean's own fixes never make, so a second run on the output
    /// reads the language the first did.
    pub fn detect(sample: &str) -> Language {
        if let Some(info) = whatlang::detect(sample).filter(|i| i.is_reliable()) {
            return Language::from(info.lang());
        }
        let (mut latin, mut other) = (0usize, 0usize);
        for c in sample.chars().filter(|c| c.is_alphabetic()) {
            if c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c) {
                latin += 1;
            } else {
                other += 1;
            }
        }
        if other > latin {
            return Language::Undetermined;
        }
        let (mut english, mut foreign) = (0usize, 0usize);
        for word in sample.split(|c: char| !c.is_alphabetic()) {
            if word.is_empty() || word.len() > 5 {
                continue;
            }
            let lower = word.to_lowercase();
            english += usize::from(ENGLISH_SMALL_WORDS.contains(&lower.as_str()));
            foreign += usize::from(OTHER_SMALL_WORDS.contains(&lower.as_str()));
        }
        if foreign >= 2 && foreign > english {
            Language::Undetermined
        } else {
            Language::English
        }
    }
}

/// Small words of English that no other language of the field writes.
const ENGLISH_SMALL_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "you", "we", "that", "it", "for", "this", "are", "have",
    "with", "not", "be", "was", "our", "they", "will", "what", "can", "there", "would",
];

/// Small words of French, Spanish, Portuguese, Italian and German that
/// English does not write (name particles such as "de", "van", "der"
/// left out: a fixed name may bring them).
const OTHER_SMALL_WORDS: &[&str] = &[
    // French
    "vous", "nous", "est", "les", "des", "une", "pas", "avec", "dans", "pour", "qui", "mais",
    "sont", "cette", "je", "tu", "il", "elle", "ils", "au", "aux", "sur", "ce", "et", "ne",
    // Spanish, Portuguese, Italian
    "que", "los", "las", "del", "por", "una", "con", "para", "pero", "como", "muy", "yo", "es",
    "el", "lo", "se", "su", "sus", "mas", "não", "uma", "com", "por", "il", "di", "che", "non",
    "della", "sono", "per", // German
    "und", "nicht", "ist", "ich", "sie", "mit", "auf", "ein", "eine", "wir", "auch", "das", "dem",
    "den",
];

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

    #[test]
    fn languages_of_caption_text() {
        assert_eq!(
            Language::detect("Thank you very much, Madam Chair. I would like to thank the secretariat for organising this meeting and all the speakers for their contributions."),
            Language::English
        );
        assert!(Language::detect("Bonjour à tous, et merci d'être venus. Nous allons parler de la coopération numérique et de la gouvernance de l'internet.").is_french());
        assert_eq!(
            Language::detect("Buenas tardes a todos. Vamos a hablar de la cooperación digital y de la gobernanza de internet en la región."),
            Language::Other(Lang::Spa)
        );
        // Too short for the detector: English unless its small words or
        // its script say otherwise.
        assert_eq!(Language::detect("Thank you, Chair."), Language::English);
        assert_eq!(
            Language::detect("Mr. Xochiquetsal spoke."),
            Language::English
        );
        assert_eq!(
            Language::detect("Vous vous rendez compte ?"),
            Language::Undetermined
        );
        assert_eq!(
            Language::detect("Claro que sí, es para mañana."),
            Language::Undetermined
        );
        assert_eq!(Language::detect("Добрый вечер"), Language::Undetermined);
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
