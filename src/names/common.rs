//! Frequent English words (from the wordfreq project; see
//! `dictionaries/common-words.LICENSE.md`): a capitalised "Will", "Grace"
//! or "Mark" is far more often the word than a misheard name, so such a
//! token is never changed on its own.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

const WORDS: &str = include_str!("../../dictionaries/common-words.txt");

/// Zipf frequency at or above which a word counts as common: about once
/// per 100,000 words of running English.
pub const COMMON_ZIPF: f32 = 3.0;

static ZIPF: LazyLock<HashMap<&'static str, f32>> = LazyLock::new(|| {
    WORDS
        .lines()
        .skip(1)
        .filter_map(|line| {
            let (word, zipf) = line.split_once(',')?;
            Some((word, zipf.trim().parse().ok()?))
        })
        .collect()
});

/// The Zipf frequency of a lower-case word (0 when not listed).
pub fn zipf(lower: &str) -> f32 {
    ZIPF.get(lower).copied().unwrap_or(0.0)
}

/// Zipf frequency at or above which a word is far too common to be taken
/// for a present person's given name misheard ("Will" for Bill), about
/// once per 10,000 words; rarer ones that are names too ("Ana") may be.
pub const VERY_COMMON_ZIPF: f32 = 4.0;

/// Whether `word` (any case) is at least [`VERY_COMMON_ZIPF`] frequent.
pub fn is_very_common(word: &str) -> bool {
    super::fold::with_lowercase(word, |lower| zipf(lower) >= VERY_COMMON_ZIPF)
}

/// Whether `word` (any case) is a common English word.
pub fn is_common(word: &str) -> bool {
    super::fold::with_lowercase(word, |lower| {
        let base = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(lower);
        zipf(base) >= COMMON_ZIPF
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_words_are_common() {
        for w in [
            "Will", "Grace", "Hope", "Mark", "Bill", "Frank", "Rich", "marathon", "the",
        ] {
            assert!(is_common(w), "{w} should be common");
        }
        for w in ["Markovski", "Okafor", "Casasbuenas", "Chengetai"] {
            assert!(!is_common(w), "{w} should not be common");
        }
    }
}
