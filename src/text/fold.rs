//! Folding and sound keys for names. `fold` removes case and accents;
//! `skeleton` goes further and keeps only how a name sounds: the
//! consonants a captioner hears, vowel runs as one `*`, and the usual
//! confusions merged (c/k/q, ph/f, v/f, th/t, z/s, silent h, y as a vowel,
//! doubled letters).

use unicode_normalization::UnicodeNormalization;

/// Lower-case letters and digits of `s`, accents removed, everything else
/// dropped: `"Vasquez-Moreau"` -> `"vasquezmoreau"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Most caption text is ASCII: no decomposition needed.
    if s.is_ascii() {
        out.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return out;
    }
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ı' => out.push('i'),
            'þ' | 'Þ' => out.push_str("th"),
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

/// Calls `f` with `s` in lower case, without allocating when `s` is short
/// ASCII (nearly every word of a caption).
pub fn with_lowercase<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if s.is_ascii() && s.len() <= buf.len() {
        let buf = &mut buf[..s.len()];
        buf.copy_from_slice(s.as_bytes());
        buf.make_ascii_lowercase();
        // ASCII in, ASCII out.
        return f(std::str::from_utf8(buf).unwrap_or_default());
    }
    f(&s.to_lowercase())
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The sound skeleton of a folded string: `"markovsky"` and `"markovski"`
/// both give `"m*rk*fsk*"`, `"wymanquoc"` and `"waiminkwok"` both `"w*m*nk*k"`.
pub fn skeleton(folded: &str) -> String {
    let b = folded.as_bytes();
    let mut sounds: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c >= 0x80 {
            // A letter of another script ("ƭ", "ли"): kept whole.
            let len = folded[i..].chars().next().map_or(1, char::len_utf8);
            sounds.extend_from_slice(&b[i..i + len]);
            i += len;
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        let prev = if i > 0 { b[i - 1] } else { 0 };
        let (sound, used) = match c {
            b'p' if next == b'h' => (b'f', 2),
            b's' if next == b'c' && b.get(i + 2) == Some(&b'h') => (b'x', 3),
            b's' | b'c' if next == b'h' => (b'x', 2),
            b't' | b'd' | b'k' | b'g' | b'r' | b'b' if next == b'h' => {
                (if c == b'd' { b't' } else { c }, 2)
            }
            b'c' if matches!(next, b'e' | b'i' | b'y') => (b's', 1),
            b'c' if next == b'k' => (b'k', 2),
            b'c' | b'q' => (b'k', 1),
            b'x' => {
                sounds.push(b'k');
                (b's', 1)
            }
            b'z' => (b's', 1),
            b'v' => (b'f', 1),
            b'd' => (b't', 1),
            b'j' => (b'j', 1),
            b'h' => (0, 1), // silent or already merged into a digraph
            // Between vowels "y" is a consonant ("Vilareye" is not
            // "Vilareau"); after "i" it is only heard as a glide ("Priya").
            b'y' if is_vowel(prev)
                && !matches!(prev, b'i' | b'y')
                && is_vowel(next)
                && next != b'y' =>
            {
                (b'y', 1)
            }
            b'w' if prev != 0 && !is_vowel(prev) && prev != b'w' => (b'*', 1),
            c if is_vowel(c) => (b'*', 1),
            c => (c, 1),
        };
        if sound != 0 && sounds.last() != Some(&sound) {
            sounds.push(sound);
        }
        i += used;
    }
    String::from_utf8(sounds).unwrap_or_default()
}

/// Lower-case particles of names ("van der Berg", "de la Cruz", "bin
/// Salman"): kept lower case in title case, part of a surname, allowed
/// inside a speaker label.
pub const PARTICLES: &[&str] = &[
    "al", "ben", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du",
    "el", "la", "le", "ten", "ter", "van", "von", "y", "zu",
];

/// Title case for an all-caps name part; particles stay lower case unless
/// `first` (the first word of the whole name).
pub fn title_case(part: &str, first: bool) -> String {
    part.split_whitespace()
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if PARTICLES.contains(&lower.as_str()) && !(first && i == 0) {
                return lower;
            }
            let mut out = String::with_capacity(word.len());
            let mut start = true;
            for c in lower.chars() {
                if start && c.is_alphabetic() {
                    out.extend(c.to_uppercase());
                    start = false;
                } else {
                    out.push(c);
                }
                if matches!(c, '-' | '\'' | '’' | '.') {
                    start = true;
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `s` has a letter and every letter is upper-case.
pub fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// `name` in the case pattern of `heard`: all caps stays all caps, else the
/// roster's own spelling.
pub fn recase(name: &str, heard: &str) -> String {
    if is_all_caps(heard) && heard.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        name.to_uppercase()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(fold("Julián Casasbuenas"), "juliancasasbuenas");
        assert_eq!(fold("Vasquez-Moreau"), "vasquezmoreau");
        assert_eq!(fold("ŁÓDŹ Straße"), "lodzstrasse");
    }

    #[test]
    fn sound_alikes_share_a_skeleton() {
        let same = [
            ("markovsky", "markovski"),
            ("wymanquoc", "waiminkwok"),
            ("tilan", "thilan"),
            ("hadad", "haddad"),
            ("tanabi", "tanabe"),
            ("philip", "filip"),
        ];
        for (a, b) in same {
            assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        }
        assert_ne!(skeleton("macron"), skeleton("marathon"));
        // Letters of other scripts stay whole (and valid UTF-8).
        assert_eq!(skeleton("ƭum"), "ƭ*m");
        assert_eq!(skeleton("лили"), "лили");
        assert_ne!(skeleton("vilareye"), skeleton("vilareau"));
        assert_eq!(skeleton("priia"), skeleton("priya"));
    }

    #[test]
    fn recasing_follows_the_heard_case() {
        assert_eq!(recase("Lindqvist", "LINDQUIST"), "LINDQVIST");
        assert_eq!(recase("Lindqvist", "Lindquist"), "Lindqvist");
    }
}

/// How often each letter occurs in a text (all other characters counted
/// together): the least number of edits between two texts follows from it
/// alone, cheaply, before any edit distance is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Letters([u8; 32]);

impl Letters {
    /// The letter counts of `s`.
    pub fn of(s: &str) -> Letters {
        // 27 slots used; 32 let the comparison run in one vector register.
        let mut counts = [0u8; 32];
        for c in s.chars() {
            let slot = if c.is_ascii_lowercase() {
                (c as u8 - b'a') as usize
            } else {
                26
            };
            counts[slot] = counts[slot].saturating_add(1);
        }
        Letters(counts)
    }

    /// The fewest edits (insertions, deletions, substitutions,
    /// transpositions) that can turn one text into the other: every
    /// surplus letter on either side needs one.
    pub fn min_edits(&self, other: &Letters) -> usize {
        // Branch-free, so that the compiler can vectorise it: this is the
        // first test of every form a lookup retrieves.
        let surplus = |x: &[u8; 32], y: &[u8; 32]| -> u32 {
            x.iter()
                .zip(y)
                .map(|(a, b)| u32::from(a.saturating_sub(*b)))
                .sum()
        };
        surplus(&self.0, &other.0).max(surplus(&other.0, &self.0)) as usize
    }

    /// The highest edit similarity (1 less the edits over the longer
    /// length) a text of `len` characters with these counts can have with
    /// one of `other_len` characters with `other`'s.
    pub fn most_similar(&self, len: usize, other: &Letters, other_len: usize) -> f32 {
        1.0 - self.min_edits(other) as f32 / len.max(other_len).max(1) as f32
    }
}

/// Characters in `s`, without a count of them for ASCII.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Damerau-Levenshtein distance in characters (a transposition is one
/// edit).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let crate_distance =
        |a: &str, b: &str| rapidfuzz::distance::damerau_levenshtein::distance(a.chars(), b.chars());
    let (x, y) = without_common_ends(a.as_bytes(), b.as_bytes());
    if x.is_empty() || y.is_empty() {
        return char_count(x).max(char_count(y));
    }
    if x.is_ascii() && y.is_ascii() && x.len() < SHORT && y.len() < SHORT {
        return short_ascii_distance(x, y);
    }
    match (std::str::from_utf8(x), std::str::from_utf8(y)) {
        (Ok(x), Ok(y)) => crate_distance(x, y),
        _ => crate_distance(a, b),
    }
}

/// Characters in UTF-8 bytes.
fn char_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// `a` and `b` without the bytes they begin and end with alike, cut only
/// at character boundaries (a shared ending is whole characters when the
/// byte before it is one's first byte or ASCII in both).
fn without_common_ends<'a>(a: &'a [u8], b: &'a [u8]) -> (&'a [u8], &'a [u8]) {
    let boundary = |bytes: &[u8], at: usize| at == bytes.len() || (bytes[at] as i8) >= -0x40;
    let mut start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !(boundary(a, start) && boundary(b, start)) {
        start -= 1;
    }
    let (a, b) = (&a[start..], &b[start..]);
    let mut end = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    while !(boundary(a, a.len() - end) && boundary(b, b.len() - end)) {
        end -= 1;
    }
    (&a[..a.len() - end], &b[..b.len() - end])
}

/// Texts shorter than this are measured on a table on the stack.
const SHORT: usize = 32;

/// The true Damerau-Levenshtein distance (Lowrance and Wagner) of two short
/// ASCII texts, on a table on the stack: names are short, and the crate's
/// general version sets up a 2 KB table and three vectors per call, more
/// than the distance itself costs.
fn short_ascii_distance(a: &[u8], b: &[u8]) -> usize {
    const W: usize = SHORT + 1;
    let (n, m) = (a.len(), b.len());
    let far = (n + m) as u8;
    // d[i + 1][j + 1]: distance of a[..i] and b[..j]; row and column 0 far.
    let mut d = [[0u8; W + 1]; W + 1];
    d[0][0] = far;
    for i in 0..=n {
        d[i + 1][0] = far;
        d[i + 1][1] = i as u8;
    }
    for j in 0..=m {
        d[0][j + 1] = far;
        d[1][j + 1] = j as u8;
    }
    // The last row of `a` each byte was seen in.
    let mut last_row = [0u8; 128];
    for i in 1..=n {
        let mut last_col = 0usize;
        for j in 1..=m {
            let (i1, j1) = (last_row[usize::from(b[j - 1] & 0x7f)] as usize, last_col);
            let cost = if a[i - 1] == b[j - 1] {
                last_col = j;
                0
            } else {
                1
            };
            let transposed = d[i1][j1] + (i - i1 - 1) as u8 + 1 + (j - j1 - 1) as u8;
            d[i + 1][j + 1] = (d[i][j] + cost)
                .min(d[i + 1][j] + 1)
                .min(d[i][j + 1] + 1)
                .min(transposed);
        }
        last_row[usize::from(a[i - 1] & 0x7f)] = i as u8;
    }
    usize::from(d[n + 1][m + 1])
}

/// 1 less the edit distance over the longer length: 1 for the same text.
pub fn edit_similarity(a: &str, b: &str) -> f32 {
    let longest = char_len(a).max(char_len(b)).max(1);
    1.0 - edit_distance(a, b) as f32 / longest as f32
}

#[cfg(test)]
mod distance_tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn letter_counts_never_overstate_the_distance(a in "[a-déüA]{0,10}", b in "[a-déüA]{0,10}") {
            proptest::prop_assert!(Letters::of(&a).min_edits(&Letters::of(&b)) <= edit_distance(&a, &b));
        }

        /// The fast distance is the true Damerau-Levenshtein distance, as
        /// the plain implementation computes it.
        #[test]
        fn the_fast_distance_is_the_plain_one(a in "[a-eéü ]{0,14}", b in "[a-eéü ]{0,14}") {
            proptest::prop_assert_eq!(edit_distance(&a, &b), strsim::damerau_levenshtein(&a, &b));
        }

        /// Short ASCII texts, measured on the stack, and texts long enough
        /// to go to the crate alike.
        #[test]
        fn short_and_long_texts_are_measured_alike(a in "[a-f]{0,40}", b in "[a-f]{0,40}") {
            proptest::prop_assert_eq!(edit_distance(&a, &b), strsim::damerau_levenshtein(&a, &b));
        }
    }
}
