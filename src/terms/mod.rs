//! Glossary matching: every term, listed variant and generated spacing
//! variant in one Aho-Corasick automaton, so the cost per byte does not
//! grow with the glossary; and an index of multi-word terms by their words
//! for sound-alike mishearings of one word ("forth industrial revolution").

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::dict::Glossary;
use crate::names::common::zipf;
use crate::names::fold::{fold, skeleton};

/// What a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternKind {
    /// The term itself (any case).
    Term,
    /// A variant listed in the glossary.
    Listed,
    /// A spacing or hyphenation variant generated from the term.
    Spacing,
}

/// One pattern of the automaton.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Index into [`TermIndex::terms`].
    pub term: u32,
    /// Its kind.
    pub kind: PatternKind,
}

/// One glossary term, prepared.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The canonical spelling.
    pub text: String,
    /// Lower-case words, for the sound-alike search.
    pub words: Vec<String>,
    /// The sound keys of each of `words`.
    pub keys: Vec<SoundKeys>,
}

/// Prefixes that form closed compounds with a following word.
const PREFIXES: &[&str] = &[
    "multi", "inter", "intra", "co", "cyber", "e", "non", "pre", "post", "sub", "super", "trans",
    "under", "over", "self", "anti", "counter", "cross", "micro", "macro", "mid",
];

/// Lower-case form -> (strength of the claim, the term and kind claiming it;
/// `None` when two terms claim it equally).
type Claims = HashMap<String, (u8, Option<(u32, PatternKind)>)>;

/// The glossary, compiled.
#[derive(Debug, Clone)]
pub struct TermIndex {
    /// Terms in glossary order.
    pub terms: Vec<Entry>,
    /// Patterns in automaton order.
    pub patterns: Vec<Pattern>,
    automaton: Option<AhoCorasick>,
    /// Lower-case word -> (term, position) for multi-word terms.
    by_word: HashMap<String, Vec<(u32, u8)>>,
    /// Lower-case single-word terms and variants.
    words: FxHashSet<String>,
}

fn is_word(s: &str) -> bool {
    zipf(s) >= 3.0 || PREFIXES.contains(&s)
}

/// Spacing and hyphenation variants of a term: a closed compound split where
/// both halves are words ("stocktaking" -> "stock taking", "stock-taking"),
/// and a hyphenated or spaced term closed up or re-joined.
fn spacing_variants(term: &str) -> Vec<String> {
    let lower = term.to_lowercase();
    let mut out = Vec::new();
    if lower.chars().all(char::is_alphabetic) && lower.len() >= 6 {
        for (i, _) in lower.char_indices().skip(2) {
            let (a, b) = lower.split_at(i);
            if b.chars().count() >= 3 && is_word(a) && is_word(b) {
                out.push(format!("{a} {b}"));
                out.push(format!("{a}-{b}"));
            }
        }
    } else if lower.contains('-') || lower.contains(' ') {
        let parts: Vec<&str> = lower.split(['-', ' ']).filter(|p| !p.is_empty()).collect();
        if parts.len() >= 2 && parts.iter().all(|p| p.chars().all(char::is_alphabetic)) {
            for joiner in ["", " ", "-"] {
                out.push(parts.join(joiner));
            }
        }
    }
    out.retain(|v| *v != lower);
    out
}

/// Whether `c` (`None`: the text's edge) is no letter or digit, so a term
/// ends or begins beside it.
pub fn boundary(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric())
}

/// "I.G.F." -> "I.G.F": letters or digits between periods, ending in one.
fn dotted_abbreviation_without_last_period(variant: &str) -> Option<&str> {
    let bare = variant.strip_suffix('.')?;
    let dotted = bare.contains('.')
        && bare
            .split('.')
            .all(|piece| !piece.is_empty() && piece.chars().all(char::is_alphanumeric));
    dotted.then_some(bare)
}

impl TermIndex {
    /// Compiles `glossary`.
    pub fn new(glossary: &Glossary) -> Self {
        let mut terms = Vec::with_capacity(glossary.terms.len());
        // Lower-case form -> (term, kind); a form claimed by two terms is dropped.
        let mut forms: Claims = HashMap::default();
        // A form claimed by two terms at the same strength is dropped as
        // ambiguous; a term's own spelling beats a listed variant, which
        // beats a generated one.
        let rank = |k: PatternKind| match k {
            PatternKind::Term => 3,
            PatternKind::Listed => 2,
            PatternKind::Spacing => 1,
        };
        let claim = |form: String, term: u32, kind: PatternKind, forms: &mut Claims| {
            let new = rank(kind);
            let slot = forms.entry(form).or_insert((0, None));
            if new > slot.0 {
                *slot = (new, Some((term, kind)));
            } else if new == slot.0 && slot.1.is_some_and(|(t, _)| t != term) {
                slot.1 = None;
            }
        };
        // Captioning software writes hyphens as U+2010 or U+2011: every
        // hyphenated form is matched in those spellings too.
        let hyphen_spellings = |form: String| {
            let mut all = vec![form.clone()];
            if form.contains('-') {
                all.push(form.replace('-', "\u{2011}"));
                all.push(form.replace('-', "\u{2010}"));
            }
            all
        };
        for (i, t) in glossary.terms.iter().enumerate() {
            let i = i as u32;
            for f in hyphen_spellings(t.term.to_lowercase()) {
                claim(f, i, PatternKind::Term, &mut forms);
            }
            for v in &t.variants {
                for f in hyphen_spellings(v.to_lowercase()) {
                    claim(f, i, PatternKind::Listed, &mut forms);
                }
                // A dotted abbreviation is also heard without its last period
                // ("the I.G.F ." once P007 joins the period, a second run
                // would find "I.G.F.").
                if let Some(bare) = dotted_abbreviation_without_last_period(v) {
                    claim(bare.to_lowercase(), i, PatternKind::Listed, &mut forms);
                }
            }
            for v in spacing_variants(&t.term) {
                for f in hyphen_spellings(v) {
                    claim(f, i, PatternKind::Spacing, &mut forms);
                }
            }
            let words: Vec<String> = t.term.split_whitespace().map(str::to_lowercase).collect();
            terms.push(Entry {
                text: t.term.clone(),
                keys: words.iter().map(|w| SoundKeys::new(w)).collect(),
                words,
            });
        }
        let mut list: Vec<(String, u32, PatternKind)> = forms
            .into_iter()
            .filter_map(|(f, (_, v))| v.map(|(t, k)| (f, t, k)))
            .collect();
        list.sort_by(|a, b| a.0.cmp(&b.0));
        // A DFA: the fastest search, worth its memory for a glossary.
        let automaton = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(list.iter().map(|(f, _, _)| f.as_str()))
            .ok()
            .filter(|_| !list.is_empty());
        let patterns = list
            .iter()
            .map(|&(_, term, kind)| Pattern { term, kind })
            .collect();
        let mut by_word: HashMap<String, Vec<(u32, u8)>> = HashMap::default();
        for (i, e) in terms.iter().enumerate() {
            if (2..=6).contains(&e.words.len()) {
                // G004 wants every word but one heard right, so a term is
                // found through either of its two rarest words: frequent
                // words ("internet", "digital") then lead to few terms.
                let mut by_rarity: Vec<(usize, &String)> = e.words.iter().enumerate().collect();
                by_rarity.sort_by(|a, b| zipf(a.1).total_cmp(&zipf(b.1)).then(a.0.cmp(&b.0)));
                // Very frequent words ("of", "the") never lead to a term.
                for &(pos, w) in by_rarity.iter().filter(|(_, w)| zipf(w) < 5.0).take(2) {
                    by_word
                        .entry(w.clone())
                        .or_default()
                        .push((i as u32, pos as u8));
                }
            }
        }
        let words = list
            .iter()
            .filter(|(f, _, _)| !f.contains([' ', '-', '\u{2010}', '\u{2011}']))
            .map(|(f, _, _)| f.clone())
            .collect();
        TermIndex {
            terms,
            patterns,
            automaton,
            by_word,
            words,
        }
    }

    /// Every pattern match in `text`: (byte range, pattern).
    pub fn find<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, &'a Pattern)> + 'a {
        self.automaton
            .iter()
            .flat_map(move |ac| ac.find_iter(text))
            .map(|m| (m.range(), &self.patterns[m.pattern().as_usize()]))
    }

    /// Multi-word terms that have `word` (lower case) at some position.
    pub fn terms_with_word(&self, word: &str) -> &[(u32, u8)] {
        self.by_word.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` (any case) is a one-word term or variant.
    pub fn is_term_word(&self, word: &str) -> bool {
        !self.words.is_empty()
            && crate::names::fold::with_lowercase(word, |lower| self.words.contains(lower))
    }

    /// Whether a term or variant begins `text`, ending on a word boundary
    /// ("I.G.F.. and", "U.N. DESA").
    pub fn term_at_start(&self, text: &str) -> bool {
        // Only the start matters: a short window keeps this cheap for every
        // "I" of a text.
        let window = aho_corasick::Input::new(text).span(0..text.len().min(64));
        self.automaton
            .as_ref()
            .and_then(|ac| ac.find(window))
            .is_some_and(|m| m.start() == 0 && boundary(text[m.end()..].chars().next()))
    }

    /// Whether the index holds no term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// The sound keys of one word, computed once: term words when the index is
/// built, heard words once per segment.
#[derive(Debug, Clone)]
pub struct SoundKeys {
    folded: String,
    skeleton: String,
    consonants: String,
}

impl SoundKeys {
    /// The keys of `word`.
    pub fn new(word: &str) -> Self {
        let folded = fold(word);
        let skeleton = skeleton(&folded);
        let consonants = skeleton.replace('*', "");
        SoundKeys {
            folded,
            skeleton,
            consonants,
        }
    }

    /// Whether this heard word could be a mishearing of the term word
    /// `word`: the same sounds, or one edit in a word of five letters or more.
    pub fn sounds_like(&self, word: &SoundKeys) -> bool {
        let (h, w) = (&self.folded, &word.folded);
        if h == w || h.len() < 4 {
            return false; // "for" is not "forum"
        }
        let one_edit =
            |a: &str, b: &str| a.len().abs_diff(b.len()) <= 1 && strsim::osa_distance(a, b) <= 1;
        self.skeleton == word.skeleton
            || (w.len() >= 5 && (one_edit(h, w) || one_edit(&self.consonants, &word.consonants)))
    }
}

/// Whether a heard word could be a mishearing of a term word (see
/// [`SoundKeys::sounds_like`]).
pub fn sounds_like(heard: &str, word: &str) -> bool {
    SoundKeys::new(heard).sounds_like(&SoundKeys::new(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn spacing_variants_of_compounds() {
        let v = spacing_variants("stocktaking");
        assert!(
            v.contains(&"stock taking".to_string()) && v.contains(&"stock-taking".to_string()),
            "{v:?}"
        );
        let v = spacing_variants("Secretary-General");
        assert!(
            v.contains(&"secretary general".to_string())
                && v.contains(&"secretarygeneral".to_string())
        );
        assert!(spacing_variants("IGF").is_empty());
    }

    #[test]
    fn a_term_at_the_start_of_a_text() {
        let g = Glossary::parse(Path::new("g.csv"), "term,variants\nIGF,I.G.F.\n").unwrap();
        let index = TermIndex::new(&g);
        for text in ["I.G.F. and", "I.G.F.. We", "I.G.F..F.", "I.G.F", "igf"] {
            assert!(index.term_at_start(text), "{text}");
        }
        for text in ["I think the I.G.F.", "I.G.Fx", "IGFs", ""] {
            assert!(!index.term_at_start(text), "{text}");
        }
    }

    #[test]
    fn a_form_listed_as_a_term_is_never_a_variant() {
        let g = Glossary::parse(
            Path::new("g.csv"),
            "term,variants\nmultistakeholder,multi stakeholder\nmulti-stakeholder,\n",
        )
        .unwrap();
        let index = TermIndex::new(&g);
        let text = "a multi-stakeholder and multi stakeholder model";
        let found: Vec<_> = index
            .find(text)
            .map(|(r, p)| (&text[r], p.kind, p.term))
            .collect();
        assert_eq!(
            found,
            vec![
                ("multi-stakeholder", PatternKind::Term, 1),
                ("multi stakeholder", PatternKind::Listed, 0)
            ]
        );
    }

    #[test]
    fn sound_alike_words() {
        assert!(sounds_like("forth", "fourth"));
        assert!(sounds_like("forced", "fourth"));
        assert!(sounds_like("Industriel", "industrial"));
        assert!(!sounds_like("the", "then"));
    }
}
