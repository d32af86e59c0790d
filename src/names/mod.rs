//! Name matching: finding the roster person a heard name most likely is.
//!
//! Retrieval is by index keys ([`index`]); the decision is by scoring the
//! heard text against each retrieved form on accent-folded text (string
//! similarity, sound skeleton, Double Metaphone), then by context in
//! [`crate::rules`]. Phonetic keys alone only propose: they never decide.

pub mod common;
pub use crate::text::fold;
pub mod document;
pub mod index;
pub mod memo;
pub mod reading;
pub mod titles;

use std::ops::Range;

pub use index::{Form, FormKind, NameIndex};

use fold::{fold, skeleton, Letters};

/// A heard span of one or more name-like tokens.
#[derive(Debug, Clone)]
pub struct Heard {
    /// `fold` of the whole span, spaces removed.
    pub folded: String,
    /// Its sound skeleton.
    pub skeleton: String,
    /// Skeleton of each token.
    pub token_skeletons: Vec<String>,
    /// Folded tokens.
    pub tokens: Vec<String>,
    /// Pieces between spaces and hyphens ("Vasquez-Moreau" has two).
    pub pieces: usize,
    /// A single letter joined by a hyphen ("Moreau-U" of "Moreau-U.N.").
    pub hyphened_letter: bool,
    /// Ends in capitals glued to a lower-case word ("MarkovskyéU" of
    /// "MarkovskyéU.N."): the start of an abbreviation, not of the name.
    pub glued_capitals: bool,
    /// Double Metaphone codes of `folded`.
    pub metaphone: [String; 2],
    /// Letter counts of `folded` and of `skeleton`.
    pub letters: [Letters; 2],
    /// Characters in `folded` and in `skeleton`.
    pub lengths: [usize; 2],
}

/// The pieces of a name between spaces and hyphens.
fn pieces(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}'))
        .filter(|p| !p.is_empty())
        .count()
}

/// Whether the last word ends in capitals right after a lower-case letter.
fn ends_in_glued_capitals(text: &str) -> bool {
    let Some(word) = text.split_whitespace().last() else {
        return false;
    };
    let mut letters = word.chars().rev().skip_while(|c| !c.is_alphabetic());
    let mut capitals = 0;
    for c in letters.by_ref() {
        if c.is_uppercase() {
            capitals += 1;
        } else {
            return capitals > 0 && c.is_lowercase();
        }
    }
    false
}

impl Heard {
    /// Prepares heard text for matching.
    pub fn new(text: &str) -> Self {
        let folded = fold(text);
        let tokens: Vec<String> = text
            .split_whitespace()
            .map(fold)
            .filter(|t| !t.is_empty())
            .collect();
        let whole = skeleton(&folded);
        Heard {
            letters: [Letters::of(&folded), Letters::of(&whole)],
            lengths: [fold::char_len(&folded), fold::char_len(&whole)],
            skeleton: whole,
            metaphone: index::metaphone(&folded),
            token_skeletons: tokens.iter().map(|t| skeleton(t)).collect(),
            tokens,
            pieces: pieces(text),
            hyphened_letter: text
                .split(['-', '\u{2010}', '\u{2011}'])
                .skip(1)
                .any(|p| p.chars().take_while(|c| c.is_alphabetic()).count() == 1),
            glued_capitals: ends_in_glued_capitals(text),
            folded,
        }
    }
}

/// A scored roster form for a heard span.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The form in [`NameIndex::forms`].
    pub form: u32,
    /// Similarity of heard text and form, 0..1, before context.
    pub score: f32,
    /// The heard text folds to exactly this form (only accents or case differ).
    pub exact_fold: bool,
    /// Why it scored as it did.
    pub evidence: &'static str,
}

/// Lowest similarity worth keeping as a candidate.
pub const MIN_SCORE: f32 = 0.72;

fn similarity(a: &str, b: &str) -> f32 {
    fold::edit_similarity(a, b)
}

/// Spelled or sounded alike, whichever is nearer.
fn spelled_or_sounded(a: &str, b: &str) -> f32 {
    similarity(a, b).max(similarity(&skeleton(a), &skeleton(b)))
}

/// Whether `form` can score `min` or more for `heard`, told from lengths
/// and letter counts alone: most forms a lookup retrieves cannot, and need
/// no edit distance.
pub fn may_score(heard: &Heard, form: &Form, min: f32) -> bool {
    // The same skeleton: split or merged differently, scored up, not down.
    heard.skeleton == form.skeleton || letters_may_score(heard, &form.letters, form.lengths, min)
}

/// [`may_score`] but for the same skeleton: what letter counts and lengths
/// allow.
fn letters_may_score(heard: &Heard, letters: &[Letters; 2], lengths: [usize; 2], min: f32) -> bool {
    let most = |i: usize| heard.letters[i].most_similar(heard.lengths[i], &letters[i], lengths[i]);
    let (text, sound) = (most(0), most(1));
    // The weights of `score`, with Jaro-Winkler and Metaphone at their best.
    0.4 * text + 0.35 * sound + 0.25 + 0.05 >= min
}

/// What a scan of many forms reads of each, packed together: such a scan is
/// bound by memory, and a whole [`Form`] is ten times larger and lies
/// wherever its person does in the roster.
#[derive(Debug, Clone)]
pub struct FormSketch {
    /// Letter counts of the folded form and of its skeleton.
    pub letters: [Letters; 2],
    /// Hash of the skeleton: equal skeletons are then compared in full.
    pub skeleton_hash: u64,
    /// Characters in the folded form and in its skeleton.
    pub lengths: [usize; 2],
    /// The form in [`NameIndex::forms`].
    pub form: u32,
    /// A given name, which one slip may bend ([`FormKind::Given`]).
    pub given: bool,
    /// Words in the form.
    pub words: usize,
}

/// The hash [`FormSketch::skeleton_hash`] holds.
pub fn skeleton_hash(skeleton: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(skeleton)
}

impl FormSketch {
    /// The sketch of form `id`.
    pub fn of(id: u32, form: &Form) -> Self {
        FormSketch {
            letters: form.letters,
            skeleton_hash: skeleton_hash(&form.skeleton),
            lengths: form.lengths,
            form: id,
            given: form.kind == FormKind::Given,
            words: form.tokens,
        }
    }

    /// [`may_score`] from the sketch, `same_skeleton` told by the caller.
    pub fn may_score(&self, heard: &Heard, same_skeleton: bool, min: f32) -> bool {
        same_skeleton || letters_may_score(heard, &self.letters, self.lengths, min)
    }
}

/// How alike `heard` and `form` are, 0..1, with the main reason.
pub fn score(heard: &Heard, form: &Form) -> (f32, &'static str) {
    score_reaching(heard, form, f32::NEG_INFINITY).unwrap_or((0.0, "spelled alike"))
}

/// [`score`] when it reaches `min`; `None`, sooner, when it cannot: every
/// rule after the first weighted sum (but the split-or-merged one) only
/// takes from it.
pub fn score_reaching(heard: &Heard, form: &Form, min: f32) -> Option<(f32, &'static str)> {
    if heard.folded == form.folded {
        return Some((
            1.0,
            if form.kind == FormKind::Reading {
                "spelled as the name is heard"
            } else {
                "same name but for accents or case"
            },
        ));
    }
    // The same sounds in the same order, split or merged differently:
    // "Wyman Quoc" for "Wai Min Kwok", "Casas Buenas" for "Casasbuenas".
    let same_sounds = heard.skeleton == form.skeleton && form.skeleton.len() >= 5;
    let regrouped =
        same_sounds && (heard.tokens.len() != form.tokens || heard.pieces != pieces(&form.text));
    // Jaro-Winkler and Metaphone at their best, as in `may_score`.
    let text = similarity(&heard.folded, &form.folded);
    if !regrouped && 0.4 * text + 0.35 + 0.25 + 0.05 < min {
        return None;
    }
    let sound = similarity(&heard.skeleton, &form.skeleton);
    if !regrouped && 0.4 * text + 0.35 * sound + 0.25 + 0.05 < min {
        return None;
    }
    let winkler = strsim::jaro_winkler(&heard.folded, &form.folded) as f32;
    let metaphone = heard
        .metaphone
        .iter()
        .any(|c| !c.is_empty() && form.metaphone.iter().any(|f| f == c));
    let mut s = 0.4 * text + 0.35 * sound + 0.25 * winkler + if metaphone { 0.05 } else { 0.0 };
    if regrouped {
        s = s.max(0.9 + 0.1 * text);
    } else if s < min {
        return None;
    }
    // More pieces than the name, or longer by more than two letters: the
    // heard text must begin and end as the name does, or it carries a word
    // the fix would drop ("Markovsky-igf", "Markovskyand" are not "Markovski").
    // A letter joined by a hyphen is an abbreviation's, not a piece of the
    // name: the fix would drop it ("Moreau-U" of "Moreau-U.N.").
    if heard.hyphened_letter && heard.pieces > pieces(&form.text) {
        s -= 0.3;
    }
    if heard.glued_capitals && !ends_in_glued_capitals(&form.text) {
        s -= 0.3;
    }
    let (heard_len, form_len) = (heard.folded.chars().count(), form.folded.chars().count());
    if (heard.pieces > 1 && heard.pieces > pieces(&form.text)) || heard_len > form_len + 2 {
        let head: String = heard.folded.chars().take(form_len).collect();
        let tail: String = heard
            .folded
            .chars()
            .skip(heard_len.saturating_sub(form_len))
            .collect();
        if spelled_or_sounded(&head, &form.folded) < 0.8
            || spelled_or_sounded(&tail, &form.folded) < 0.8
        {
            s -= 0.2;
        }
    }
    // Split or merged differently: the heard text must start and end as the
    // name does, not carry a word beside it ("As Tatiana Morosova",
    // "IGF-Tilan Nguyen").
    if heard.tokens.len() != form.tokens {
        let edge = |token: &str, from_end: bool| {
            let n = token.chars().count().min(form.folded.chars().count());
            let part: String = if from_end {
                let skip = form.folded.chars().count() - n;
                form.folded.chars().skip(skip).collect()
            } else {
                form.folded.chars().take(n).collect()
            };
            spelled_or_sounded(token, &part)
        };
        let first = heard.tokens.first().map_or(0.0, |t| edge(t, false));
        let last = heard.tokens.last().map_or(0.0, |t| edge(t, true));
        if first < 0.6 || last < 0.6 {
            s -= 0.2;
        }
        // A stray letter ("U" of "U.N.") is no piece of a split name.
        if heard.tokens.len() > form.tokens && heard.tokens.iter().any(|t| t.chars().count() < 3) {
            s -= 0.3;
        }
    }
    // Every token must stand for its counterpart: "Peter Lindgren" is not
    // "Petra Lindqvist" just because both halves are near.
    if heard.tokens.len() == form.tokens && form.tokens > 1 {
        let pairs: Vec<(f32, f32)> = heard
            .tokens
            .iter()
            .zip(&heard.token_skeletons)
            .zip(&form.token_parts)
            .map(|((h, hs), (f, fs))| (similarity(h, f), similarity(hs, fs)))
            .collect();
        let worst = pairs.iter().map(|(t, k)| t.max(*k)).fold(1.0f32, f32::min);
        if worst < 0.75 {
            s -= 2.0 * (0.75 - worst);
        }
        // Sounds alone are lenient (vowels merge): a token must also be
        // spelled half alike ("Kajiani" is not "Kajiru").
        // The whole name sounding the same is enough ("Wyman Quoc").
        let worst_spelling = pairs.iter().map(|(t, _)| *t).fold(1.0f32, f32::min);
        if worst_spelling < 0.6 && !same_sounds {
            s -= 2.0 * (0.6 - worst_spelling);
        }
    }
    // Short names leave no room for error.
    let len = heard.folded.len().min(form.folded.len());
    if len < 6 {
        s -= 0.03 * (6 - len) as f32;
    }
    let evidence = if heard.skeleton == form.skeleton {
        "sounds the same"
    } else if metaphone {
        "sounds alike"
    } else if heard.tokens.len() != form.tokens {
        "split or merged differently"
    } else {
        "spelled alike"
    };
    let s = s.clamp(0.0, 1.0);
    (s >= min).then_some((s, evidence))
}

/// The candidates for `heard`, best first.
pub fn candidates(index: &NameIndex, heard: &Heard) -> Vec<Candidate> {
    if heard.folded.len() < 3 {
        return Vec::new();
    }
    let mut found: Vec<Candidate> = index
        .candidates_by(
            &heard.folded,
            &heard.skeleton,
            &heard.token_skeletons,
            &heard.metaphone,
        )
        .into_iter()
        .filter_map(|id| {
            let form = &index.forms[id as usize];
            if index.people[form.person as usize]
                .never
                .contains(&heard.folded)
            {
                return None;
            }
            let (score, evidence) = if form.kind == FormKind::Misheard {
                if form.folded == heard.folded {
                    (1.0, "listed as a known mishearing")
                } else {
                    return None;
                }
            } else if !may_score(heard, form, MIN_SCORE) {
                return None;
            } else {
                score_reaching(heard, form, MIN_SCORE)?
            };
            (score >= MIN_SCORE).then_some(Candidate {
                form: id,
                score,
                exact_fold: heard.folded == form.folded && form.kind != FormKind::Reading,
                evidence,
            })
        })
        .collect();
    rank(index, heard, &mut found);
    found
}

impl NameIndex {
    /// [`candidates`] for `heard_text`, remembered for the rest of the run.
    pub fn lookup(&self, heard_text: &str) -> std::sync::Arc<[Candidate]> {
        self.memo
            .get_or_find(heard_text, || candidates(self, &Heard::new(heard_text)))
    }
}

/// Sorts candidates best first. A split or merge explains a heard span
/// less well than a form with the same tokens spelled closer: "Lantsz
/// Vang" is "Lantsz Wang" (one letter) before "Lan Tsz Fong" (same sounds,
/// two letters and a space).
pub fn rank(index: &NameIndex, heard: &Heard, found: &mut [Candidate]) {
    let spelling = |c: &Candidate| similarity(&heard.folded, &index.forms[c.form as usize].folded);
    let aligned = |c: &Candidate| index.forms[c.form as usize].tokens == heard.tokens.len();
    let best_aligned = found
        .iter()
        .filter(|c| aligned(c))
        .map(|c| (spelling(c), c.score))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    if let Some((aligned_spelling, aligned_score)) = best_aligned {
        for c in found.iter_mut() {
            if !aligned(c) && c.score >= aligned_score && spelling(c) < aligned_spelling {
                c.score = (aligned_score - 0.01).max(0.0);
            }
        }
    }
    found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.form.cmp(&b.form)));
}

/// A word-like token of a segment.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte span within the segment (a possessive `'s` excluded).
    pub range: Range<usize>,
    /// Starts with an upper-case letter.
    pub capitalised: bool,
    /// Every letter upper-case.
    pub all_caps: bool,
    /// Follows sentence-ending punctuation or starts the segment.
    pub sentence_start: bool,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || matches!(c, '\'' | '-');
    }
    c.is_alphabetic()
        || unicode_normalization::char::is_combining_mark(c)
        || matches!(c, '\'' | '’' | '-' | '\u{2010}' | '\u{2011}')
}

/// Splits a segment into word tokens.
pub fn tokens(text: &str) -> Vec<Token> {
    if text.is_ascii() {
        tokens_ascii(text)
    } else {
        tokens_unicode(text)
    }
}

/// [`tokens`] for ASCII text, byte by byte (most caption lines).
fn tokens_ascii(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 6);
    let mut sentence_start = true;
    let mut i = 0;
    while i <= b.len() {
        let c = b.get(i).copied().unwrap_or(b' ');
        if !c.is_ascii_alphabetic() {
            if matches!(c, b'.' | b'?' | b'!' | b':' | b'>' | b'"') {
                sentence_start = true;
            } else if c.is_ascii_digit() {
                sentence_start = false;
            }
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() {
            let c = b[i];
            let dash = c == b'-' && (b.get(i + 1) == Some(&b'-') || (i > 0 && b[i - 1] == b'-'));
            if (c.is_ascii_alphabetic() || c == b'\'' || c == b'-') && !dash {
                i += 1;
            } else {
                break;
            }
        }
        push_ascii_word(&mut out, s, &b[s..i], sentence_start);
        sentence_start = false;
        // The byte that ended the word is looked at by the loop.
    }
    out
}

/// Pushes the word starting at byte `start`, without trailing apostrophes
/// or hyphens and without a possessive `'s`.
fn push_word(out: &mut Vec<Token>, start: usize, word: &str, sentence_start: bool) {
    let mut word = word.trim_end_matches(['\'', '’', '-', '\u{2010}', '\u{2011}']);
    for suffix in ["'s", "’s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            word = stem;
        }
    }
    if let Some(first) = word.chars().next() {
        let capitalised = first.is_uppercase();
        out.push(Token {
            range: start..start + word.len(),
            capitalised,
            all_caps: capitalised && fold::is_all_caps(word),
            sentence_start,
        });
    }
}

/// [`push_word`] for an ASCII word, on its bytes (every word of most
/// caption lines passes here).
fn push_ascii_word(out: &mut Vec<Token>, start: usize, word: &[u8], sentence_start: bool) {
    let mut len = word.len();
    while len > 0 && matches!(word[len - 1], b'\'' | b'-') {
        len -= 1;
    }
    if word[..len].ends_with(b"'s") {
        len -= 2;
    }
    let word = &word[..len];
    if let Some(first) = word.first() {
        let capitalised = first.is_ascii_uppercase();
        out.push(Token {
            range: start..start + len,
            capitalised,
            all_caps: capitalised && !word.iter().any(u8::is_ascii_lowercase),
            sentence_start,
        });
    }
}

fn tokens_unicode(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start: Option<usize> = None;
    let mut sentence_start = true;
    let is_hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        // Two hyphens in a row are a dash between words, not part of one.
        let dash = is_hyphen(c)
            && (text[i + c.len_utf8().min(text.len() - i)..].starts_with(is_hyphen)
                || text[..i].ends_with(is_hyphen));
        if (c.is_alphabetic() || start.is_some()) && is_word_char(c) && !dash {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            push_word(&mut out, s, &text[s..i], sentence_start);
            sentence_start = false;
        }
        if matches!(c, '.' | '?' | '!' | ':' | '>' | '"' | '“') {
            sentence_start = true;
        } else if !c.is_whitespace() && !c.is_alphanumeric() && c != ',' {
            // Other punctuation keeps the state.
        } else if c.is_alphanumeric() {
            sentence_start = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Roster;
    use std::path::Path;

    fn index() -> NameIndex {
        NameIndex::new(
            &Roster::parse(
                Path::new("r.csv"),
                "name,misheard,never\nWai Min Kwok,,\nDragan Markovski,,Markov\nEmmanuel Macron,,\nJulián Casasbuenas,,\nRenata Aquino Ribeiro,,\nPetra Lindqvist,,Peter Lindgren\n",
            )
            .unwrap(),
        )
    }

    fn best(heard: &str) -> Option<(String, f32)> {
        let index = index();
        candidates(&index, &Heard::new(heard))
            .first()
            .map(|c| (index.forms[c.form as usize].text.clone(), c.score))
    }

    #[test]
    fn sound_alikes_find_their_person() {
        for (heard, name) in [
            ("Markovsky", "Markovski"),
            ("Marcon", "Macron"),
            ("Wyman Quoc", "Wai Min Kwok"),
            ("Casas Buenas", "Casasbuenas"),
            ("Julian Casasbuenas", "Julián Casasbuenas"),
        ] {
            let found = best(heard);
            assert_eq!(
                found.as_ref().map(|f| f.0.as_str()),
                Some(name),
                "{heard}: {found:?}"
            );
        }
    }

    #[test]
    fn unrelated_and_never_forms_find_nobody() {
        for heard in [
            "Marathon",
            "Markov",
            "Peter Lindgren",
            "Renato",
            "Monday",
            "MarkovskyéU",
            "MacronUN",
        ] {
            assert_eq!(best(heard), None, "{heard}");
        }
    }

    proptest::proptest! {
        /// Letter counts rule out only forms that could not have scored.
        #[test]
        fn may_score_never_rules_out_a_form_that_scores(name in "[A-Z][a-eé]{2,8} [A-Z][a-eü]{2,8}", at in 0usize..20, with in "[a-eü ]{0,3}") {
            // A heard text near the name: a few characters replaced.
            let chars: Vec<char> = name.chars().collect();
            let at = at % chars.len();
            let heard: String = chars[..at].iter().copied().chain(with.chars()).chain(chars[(at + with.chars().count()).min(chars.len())..].iter().copied()).collect();
            let roster = Roster::parse(Path::new("r.csv"), &format!("name\n{name}\n")).unwrap();
            let index = NameIndex::new(&roster);
            let heard = Heard::new(&heard);
            for form in &index.forms {
                if score(&heard, form).0 >= MIN_SCORE {
                    proptest::prop_assert!(may_score(&heard, form, MIN_SCORE), "{} {}", heard.folded, form.text);
                }
            }
        }

        /// Stopping early at a bar gives the score whenever it reaches it.
        #[test]
        fn score_reaching_a_bar_is_the_score(name in "[A-Z][a-eé]{2,8}( [A-Z][a-eü]{2,8})?", heard in "[A-Z][a-eéü]{1,9}( [A-Z]?[a-eü]{1,8}){0,2}", min in 0.5f32..0.95) {
            let roster = Roster::parse(Path::new("r.csv"), &format!("name\n{name}\n")).unwrap();
            let index = NameIndex::new(&roster);
            let heard = Heard::new(&heard);
            for form in &index.forms {
                let full = score(&heard, form);
                let expected = (full.0 >= min).then_some(full);
                proptest::prop_assert_eq!(score_reaching(&heard, form, min), expected, "{} {}", heard.folded, form.text);
            }
        }

        #[test]
        fn ascii_tokens_match_the_general_tokenizer(text in "[A-Za-z0-9 .,:;!?'\"()>-]{0,60}") {
            let fast: Vec<_> = tokens_ascii(&text).iter().map(|t| (t.range.clone(), t.capitalised, t.all_caps, t.sentence_start)).collect();
            let slow: Vec<_> = tokens_unicode(&text).iter().map(|t| (t.range.clone(), t.capitalised, t.all_caps, t.sentence_start)).collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn tokens_strip_possessives_and_know_sentence_starts() {
        let text = "Thank you. Mr. Okafore's\u{2011}\u{2011}point, Wai Min";
        let toks: Vec<_> = tokens(text)
            .iter()
            .map(|t| (&text[t.range.clone()], t.sentence_start))
            .collect();
        assert_eq!(
            toks,
            vec![
                ("Thank", true),
                ("you", false),
                ("Mr", true),
                ("Okafore", true),
                ("point", false),
                ("Wai", false),
                ("Min", false)
            ]
        );
    }
}
