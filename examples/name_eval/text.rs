//! Small text helpers: folding, accents, case, edit distance, and the
//! common-word list the damage model avoids producing.

use std::collections::HashSet;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The list capclean ships (wordfreq Zipf values); read here only to keep
/// injected damage from producing an ordinary English word.
const COMMON_WORDS: &str = include_str!("../../dictionaries/common-words.txt");
/// Zipf frequency from which a word counts as common (as in capclean).
const COMMON_ZIPF: f32 = 3.0;

pub struct CommonWords(HashSet<&'static str>);

impl CommonWords {
    pub fn load() -> Self {
        CommonWords(
            COMMON_WORDS
                .lines()
                .skip(1)
                .filter_map(|line| {
                    let (word, zipf) = line.split_once(',')?;
                    let zipf: f32 = zipf.trim().parse().ok()?;
                    (zipf >= COMMON_ZIPF).then_some(word)
                })
                .collect(),
        )
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word.to_lowercase().as_str())
    }
}

fn base_letter(c: char) -> Option<char> {
    Some(match c {
        'ø' => 'o',
        'Ø' => 'O',
        'ł' => 'l',
        'Ł' => 'L',
        'đ' => 'd',
        'Đ' => 'D',
        'ı' => 'i',
        _ => return None,
    })
}

/// `s` without accents, case kept: `"Julián Ramírez"` -> `"Julian Ramirez"`.
pub fn strip_accents(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| base_letter(c).unwrap_or(c))
        .collect()
}

/// Lower-case letters of `s`, accents removed, everything else dropped.
pub fn fold(s: &str) -> String {
    strip_accents(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lower-case, accents removed, spaces and hyphens kept (to tell
/// "Casas Buenas" from "Casasbuenas").
pub fn fold_spaced(s: &str) -> String {
    strip_accents(s).to_lowercase()
}

pub fn is_vowel(c: char) -> bool {
    matches!(
        strip_accents(&c.to_lowercase().to_string()).as_str(),
        "a" | "e" | "i" | "o" | "u"
    )
}

pub fn is_consonant(c: char) -> bool {
    c.is_alphabetic() && !is_vowel(c) && c != 'y' && c != 'Y'
}

/// `s` with its first letter upper-case.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `s` with its first letter lower-case.
pub fn decapitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether two byte strings are at most one edit apart (insertion,
/// deletion, substitution or adjacent transposition).
pub fn within_one(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let i = short
        .iter()
        .zip(long)
        .position(|(x, y)| x != y)
        .unwrap_or(short.len());
    if i == short.len() {
        return true;
    }
    if short.len() == long.len() {
        short[i + 1..] == long[i + 1..]
            || (i + 1 < short.len()
                && short[i] == long[i + 1]
                && short[i + 1] == long[i]
                && short[i + 2..] == long[i + 2..])
    } else {
        short[i..] == long[i + 1..]
    }
}

/// Edit distance with adjacent transpositions (optimal string alignment).
pub fn osa(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// Up to `width` characters either side of `range` in `text`, on one line,
/// with the span marked.
pub fn context(text: &str, range: std::ops::Range<usize>, width: usize) -> String {
    let before: String = {
        let mut chars: Vec<char> = text[..range.start].chars().rev().take(width).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let after: String = text[range.end..].chars().take(width).collect();
    let show = |s: &str| s.replace('\n', "⏎");
    format!(
        "{}⟦{}⟧{}",
        show(&before),
        show(&text[range.clone()]),
        show(&after)
    )
}
