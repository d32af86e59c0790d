//! Words that introduce a name rather than belong to it (Mr., President,
//! Chair…), and the name part of a speaker label without them.

use std::ops::Range;

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

/// Whether `word` (any case, a final period ignored) is a title.
pub fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.is_ascii() {
        return TITLES.iter().any(|t| t.eq_ignore_ascii_case(w));
    }
    let w = w.to_lowercase().replace(['\u{2010}', '\u{2011}'], "-");
    TITLES.contains(&w.as_str())
}

/// The name part of a speaker label: titles such as `MS.` or `CHAIR` removed.
pub fn label_name(label: &str) -> Range<usize> {
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
