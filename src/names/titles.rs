//! Words that introduce a name rather than belong to it (Mr., President,
//! Chair…), and the name part of a speaker label without them.

use std::ops::Range;

use super::Token;

/// Words that introduce a name rather than belong to it.
pub const TITLES: &[&str] = &[
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
    "director-general",
    "chancellor",
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

/// [`TITLES`] for look-up.
static TITLE_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| TITLES.iter().copied().collect());

/// Bytes in the longest title.
const LONGEST_TITLE: usize = "under-secretary-general".len();

/// Offices captioners write as two words, without the hyphen: the first
/// word of each, before "General".
const SPACED_OFFICES: &[&str] = &["secretary", "director", "under-secretary", "attorney"];

/// Whether `first` and `second`, one space apart, are an office written in
/// two words ("Secretary General", "Director General").
pub fn is_spaced_office(first: &str, second: &str) -> bool {
    second.eq_ignore_ascii_case("general")
        && SPACED_OFFICES
            .iter()
            .any(|o| o.eq_ignore_ascii_case(&first.replace(['\u{2010}', '\u{2011}'], "-")))
}

/// Whether tokens `k` and `k + 1` of `text` are an office written in two
/// words.
pub fn spaced_office_at(text: &str, toks: &[Token], k: usize) -> bool {
    match (toks.get(k), toks.get(k + 1)) {
        (Some(a), Some(b)) => {
            &text[a.range.end..b.range.start] == " "
                && is_spaced_office(&text[a.range.clone()], &text[b.range.clone()])
        }
        _ => false,
    }
}

/// Whether `word` (any case, a final period ignored) is a title.
pub fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.is_ascii() {
        // Asked of every capitalised word: lower-cased on the stack and
        // looked up, not compared with each title in turn.
        let mut lower = [0u8; LONGEST_TITLE];
        let Some(lower) = lower.get_mut(..w.len()) else {
            return false;
        };
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|l| TITLE_SET.contains(l));
    }
    let w = w.to_lowercase().replace(['\u{2010}', '\u{2011}'], "-");
    TITLE_SET.contains(w.as_str())
}

/// Titles of a person rather than of an office: said before a given name
/// taken for the surname ("Mr. Yushi"), where an office ("President
/// Petro") goes with the surname.
const PERSONAL: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mister",
    "madam",
    "madame",
    "sir",
    "dr",
    "doctor",
    "prof",
    "professor",
];

/// Whether the last word of `title_words` is a title of a person (see
/// [`PERSONAL`]).
pub fn is_personal_title(title_words: &str) -> bool {
    title_words
        .split_whitespace()
        .last()
        .is_some_and(|w| PERSONAL.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
}

/// Titles written short, whose period ends the word and not a sentence.
const ABBREVIATED: &[&str] = &["mr", "mrs", "ms", "dr", "prof"];

/// Whether a title followed by `gap` (the text up to the next word)
/// introduces that word: "President Marcon", "Mr. Brown", "Mr.Brown", but
/// not "thank the President. Marcon" or "Chair, Anna", where a sentence or
/// a clause ends between them.
pub fn introduces(title: &str, gap: &str) -> bool {
    let spaces = |g: &str| g.bytes().all(|b| b == b' ');
    if !gap.is_empty() && spaces(gap) {
        return true;
    }
    let abbreviated = ABBREVIATED
        .iter()
        .any(|a| a.eq_ignore_ascii_case(title.trim_end_matches('.')));
    abbreviated && gap.strip_prefix('.').is_some_and(spaces)
}

/// The title that introduces token `a` of `text` ("President", "Prime
/// Minister", "former President"), or "" when none does: a title after
/// which a sentence or a clause ends introduces nobody ("thank the
/// President. Marcon").
pub fn title_before<'t>(text: &'t str, toks: &[Token], a: usize) -> &'t str {
    let Some(k) = a.checked_sub(1) else {
        return "";
    };
    let t = &toks[k];
    let word = &text[t.range.clone()];
    // "Secretary General" without its hyphen is one title of two words.
    let first = match k.checked_sub(1) {
        Some(j) if spaced_office_at(text, toks, j) => j,
        _ => k,
    };
    if !(is_title(word) || first < k) || !introduces(word, &text[t.range.end..toks[a].range.start])
    {
        return "";
    }
    // The word before the title, in any case, when it stands right before:
    // it may narrow the office ("Prime Minister", "former President").
    let title_start = toks[first].range.start;
    let start = match first.checked_sub(1).map(|j| &toks[j]) {
        Some(w) if &text[w.range.end..title_start] == " " => w.range.start,
        _ => title_start,
    };
    &text[start..t.range.end]
}

/// Words before an office that make it another office ("Vice President"
/// is no President, "Prime Minister" no other minister).
const OTHER_OFFICE: &[&str] = &[
    "vice",
    "deputy",
    "former",
    "acting",
    "assistant",
    "under",
    "associate",
    "late",
    "ex",
    "prime",
];

/// Whether the title words said before a name (`said`: the title, with
/// the word before it if any: "President", "Prime Minister", "the
/// President") fit a person's `role` ("Prime Minister", "Federal
/// President", "President of the European Commission"). The office is the
/// role up to "of", "for" or a comma; its last word must be the title, and
/// a word of it that makes it another office (Deputy, Prime) must have been
/// said, as must one said that does ("Vice President" fits no President).
/// A generic title ("Mr.", "Ambassador") fits no role.
pub fn fits_role(said: &str, role: &str) -> bool {
    let norm = |s: &str| {
        s.to_lowercase()
            .replace(['\u{2010}', '\u{2011}'], "-")
            .replace("secretary general", "secretary-general")
            .replace("director general", "director-general")
    };
    let (said, role) = (norm(said), norm(role));
    let office = role
        .split([',', ';'])
        .next()
        .unwrap_or_default()
        .split(" of ")
        .next()
        .unwrap_or_default()
        .split(" for ")
        .next()
        .unwrap_or_default();
    let said: Vec<&str> = said.split_whitespace().collect();
    let office: Vec<&str> = office.split_whitespace().collect();
    let (Some((title, said_before)), Some((last, office_before))) =
        (said.split_last(), office.split_last())
    else {
        return false;
    };
    if title.trim_end_matches('.') != *last {
        return false;
    }
    let narrowing = |w: &&&str| OTHER_OFFICE.contains(*w);
    office_before
        .iter()
        .filter(narrowing)
        .all(|w| said_before.contains(w))
        && said_before
            .iter()
            .filter(narrowing)
            .all(|w| office_before.contains(w))
}

/// The name part of a speaker label: titles such as `MS.` or `CHAIR` removed.
pub fn label_name(label: &str) -> Range<usize> {
    let mut start = 0;
    let words: Vec<&str> = label.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let title_words = if is_title(words[i]) {
            1
        } else if words
            .get(i + 1)
            .is_some_and(|w| is_spaced_office(words[i], w))
        {
            2
        } else {
            break;
        };
        for word in &words[i..i + title_words] {
            let at = label[start..].find(word).map_or(start, |p| start + p);
            start = at + word.len();
        }
        i += title_words;
    }
    let rest = &label[start..];
    let lead = rest.len() - rest.trim_start().len();
    start + lead..label.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_title_is_found_in_any_case_and_no_longer_word_is() {
        assert!(TITLES.iter().all(|t| t.len() <= LONGEST_TITLE));
        for title in TITLES {
            assert!(is_title(title), "{title}");
            assert!(is_title(&title.to_uppercase()), "{title}");
            assert!(is_title(&format!("{title}.")), "{title}");
        }
        assert!(is_title("Under\u{2011}Secretary\u{2011}General"));
        for word in [
            "Mrs Smith",
            "Presidents",
            "Macron",
            "",
            "Under-Secretary-Generals",
        ] {
            assert!(!is_title(word), "{word}");
        }
    }

    #[test]
    fn an_office_written_in_two_words_is_one_title() {
        let text = "We thank Secretary General Guterez and the General Assembly.";
        let toks = crate::names::tokens(text);
        let at = |w: &str| {
            toks.iter()
                .position(|t| &text[t.range.clone()] == w)
                .unwrap()
        };
        assert_eq!(
            title_before(text, &toks, at("Guterez")),
            "thank Secretary General"
        );
        assert_eq!(title_before(text, &toks, at("Assembly")), "");
        assert!(fits_role("Secretary General", "Secretary-General"));
        let label = "SECRETARY GENERAL GUTERRES";
        assert_eq!(&label[label_name(label)], "GUTERRES");
        let label = "SECRETARY GENERALI";
        assert_eq!(&label[label_name(label)], "SECRETARY GENERALI");
    }

    #[test]
    fn a_title_introduces_only_the_word_right_after_it() {
        assert!(introduces("President", " "));
        assert!(introduces("Mr", ". "));
        assert!(introduces("Mr", "."));
        assert!(!introduces("President", ". "));
        assert!(!introduces("he", ". "));
        assert!(!introduces("Chair", ", "));
        assert!(!introduces("Mr", ""));
    }

    #[test]
    fn a_title_fits_a_role_by_its_office() {
        assert!(fits_role("President", "President"));
        assert!(fits_role("the President", "President"));
        assert!(fits_role("President", "Federal President"));
        assert!(fits_role("Prime Minister", "Prime Minister"));
        assert!(fits_role("Secretary\u{2011}General", "Secretary General"));
        assert!(fits_role(
            "President",
            "President of the European Commission"
        ));
        assert!(!fits_role("Minister", "Prime Minister"));
        assert!(!fits_role("Secretary-General", "Deputy Secretary-General"));
        assert!(!fits_role("Vice President", "President"));
        assert!(!fits_role("former President", "President"));
        assert!(!fits_role("Mr.", "President"));
        assert!(!fits_role("Ambassador", "Prime Minister"));
        assert!(!fits_role("", "President"));
    }
}
