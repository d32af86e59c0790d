//! A deterministic generator of raw captioning text, for capclean's
//! benchmarks and scale tests (a development crate: the library does not
//! ship it): speaker turns, sound tags, and the damage the punctuation
//! and inaudible rules repair, at fixed rates. Same seed, same text.

mod panel;

pub use panel::{panel, roster_people, Person};

/// A small, fast, seeded generator (SplitMix64): the corpus must be the
/// same on every machine, so no OS randomness.
#[derive(Debug, Clone)]
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One item of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "we",
    "that",
    "is",
    "for",
    "this",
    "it",
    "have",
    "on",
    "with",
    "are",
    "as",
    "be",
    "our",
    "forum",
    "process",
    "community",
    "stakeholders",
    "governments",
    "support",
    "work",
    "year",
    "meeting",
    "session",
    "internet",
    "digital",
    "policy",
    "network",
    "important",
    "countries",
    "members",
    "secretariat",
    "group",
    "discussion",
    "development",
    "capacity",
    "building",
    "access",
    "people",
    "question",
    "think",
    "very",
    "really",
    "also",
    "would",
    "like",
    "thank",
    "you",
    "about",
    "should",
    "more",
    "all",
    "which",
    "there",
    "been",
    "can",
    "will",
    "not",
    "but",
    "from",
    "they",
    "what",
    "how",
    "when",
    "some",
    "many",
    "year",
    "report",
    "national",
    "regional",
    "initiatives",
    "youth",
    "open",
    "consultation",
    "agenda",
    "data",
    "privacy",
    "security",
    "trust",
    "access",
    "connectivity",
    "infrastructure",
    "global",
];

/// Hyphenated words as the captioning software writes them.
const HYPHENATED: &[&str] = &[
    "high\u{2011}level",
    "multi\u{2011}stakeholder",
    "bottom\u{2011}up",
    "co\u{2010}chairs",
    "Under\u{2011}Secretary\u{2011}General",
];

const SPEAKERS: &[&str] = &[
    "MARGUERITE ST. CLAIR",
    "OLUMIDE BANKOLE",
    "PETRA LINDQVIST",
    "JOSÉ RAMÍREZ",
    "AMINA DIALLO",
    "THI LAN NGUYEN",
    "GRACE WANJIRU",
    "DRAGAN MARKOVSKI",
];

const TAGS: &[&str] = &["(Applause)", "(Laughter)", "[ Laughter ]", "(Pause)"];
const MARKERS: &[&str] = &[
    "(?)",
    "(inaudible)",
    "[inaudible]",
    "(No audio)",
    "(phonetic)",
];

/// Syllables for synthetic names: pronounceable, and varied enough that
/// 100,000 distinct people exist.
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "ben", "tor", "vel", "sun", "dra", "ko", "li", "an", "mar", "ta", "ne",
    "ri", "zo", "pe", "fa", "gu", "shi", "wen", "do", "ha", "ju", "ska", "mo", "ti", "vo", "el",
    "nu", "sa", "kir", "ba",
];

/// The people the generated transcripts speak of and to: how a roster
/// would spell them.
pub const SPEAKER_NAMES: &[&str] = &[
    "Marguerite St. Clair",
    "Olumide Bankole",
    "Petra Lindqvist",
    "José Ramírez",
    "Amina Diallo",
    "Thi Lan Nguyen",
    "Grace Wanjiru",
    "Dragan Markovski",
];

fn synthetic_word(rng: &mut SplitMix, syllables: usize) -> String {
    let mut w: String = (0..syllables).map(|_| rng.pick(SYLLABLES)).collect();
    if let Some(first) = w.get(..1).map(str::to_uppercase) {
        w.replace_range(..1, &first);
    }
    w
}

/// A roster CSV of `people` people: the transcript's speakers, then
/// synthetic names (deterministic for a seed).
pub fn roster_csv(people: usize, seed: u64) -> String {
    let mut rng = SplitMix::new(seed ^ 0x5EED);
    let mut out = String::from("name,role\n");
    for name in SPEAKER_NAMES.iter().take(people) {
        out.push_str(name);
        out.push_str(",speaker\n");
    }
    let mut seen = std::collections::HashSet::new();
    while seen.len() + SPEAKER_NAMES.len().min(people) < people {
        let given = synthetic_word(&mut rng, 2);
        let syllables = 2 + rng.below(2);
        let surname = synthetic_word(&mut rng, syllables);
        let name = format!("{given} {surname}");
        if seen.insert(name.clone()) {
            out.push_str(&name);
            out.push_str(",participant\n");
        }
    }
    out
}

/// A glossary CSV of `terms` synthetic terms (acronyms, single words and
/// phrases, each with a variant), for measuring that cost does not grow
/// with the glossary.
pub fn glossary_csv(terms: usize, seed: u64) -> String {
    let mut rng = SplitMix::new(seed ^ 0x7E57);
    let mut out = String::from("term,variants\n");
    let mut seen = std::collections::HashSet::new();
    while seen.len() < terms {
        let term = match rng.below(3) {
            0 => synthetic_word(&mut rng, 2).to_uppercase(),
            1 => synthetic_word(&mut rng, 3).to_lowercase(),
            _ => format!(
                "{} {}",
                synthetic_word(&mut rng, 2),
                synthetic_word(&mut rng, 3)
            ),
        };
        if seen.insert(term.clone()) {
            let variant = format!("{}x", term.to_lowercase());
            out.push_str(&format!("{term},{variant}\n"));
        }
    }
    out
}

/// Raw cart text of about `bytes` bytes (never less), from `seed`.
pub fn cart(bytes: usize, seed: u64) -> String {
    let mut rng = SplitMix::new(seed);
    let mut out = String::with_capacity(bytes + 4096);
    while out.len() < bytes {
        if rng.chance(30) {
            out.push_str(">> ");
            out.push_str(rng.pick(SPEAKERS));
            out.push(':');
        }
        let sentences = 2 + rng.below(6);
        for _ in 0..sentences {
            sentence(&mut rng, &mut out);
        }
        if rng.chance(2) {
            out.push_str("  ");
        }
        out.push('\n');
        if rng.chance(8) {
            out.push_str(rng.pick(TAGS));
            out.push('\n');
        }
    }
    out
}

fn sentence(rng: &mut SplitMix, out: &mut String) {
    out.push(' ');
    let len = 6 + rng.below(14);
    let mut previous = "";
    for i in 0..len {
        let mut word = if rng.below(1000) < 8 {
            rng.pick(HYPHENATED)
        } else {
            rng.pick(WORDS)
        };
        if word == previous {
            word = "again";
        }
        previous = word;
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
        let next_is_last = i + 1 == len;
        // Damage rates per word gap, in thousandths: about two findings per
        // kilobyte, as in real raw transcripts.
        match rng.below(1000) {
            _ if next_is_last => {}
            0..=59 => out.push_str(", "),
            60..=62 => out.push(','), // missing space after a comma
            63..=66 => out.push_str(" \u{2011}\u{2011} "),
            67..=68 => out.push_str("  "),
            69..=70 => {
                out.push(' ');
                out.push_str(rng.pick(MARKERS));
                out.push(' ');
            }
            71 => out.push_str(" 4, 500 "),
            72 => out.push_str(" the the "),
            73..=76 => {
                // A name, now and then misheard.
                out.push_str(", ");
                out.push_str(rng.pick(&["Mr.", "Ms.", "Dr.", "dear"]));
                out.push(' ');
                let name = rng.pick(SPEAKER_NAMES);
                let surname = name.rsplit(' ').next().unwrap_or(name);
                let misheard = ["Markovsky", "Lindquist", "Ramirez", "Bankolle"];
                out.push_str(if rng.chance(30) {
                    rng.pick(&misheard)
                } else {
                    surname
                });
                out.push_str(", ");
            }
            _ => out.push(' '),
        }
    }
    out.push_str(if rng.chance(2) { " ." } else { "." });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rosters_and_glossaries_have_the_size_asked() {
        // A header and one row per person or term (capclean's tests load them).
        assert_eq!(roster_csv(1000, 1).lines().count(), 1001);
        assert_eq!(glossary_csv(500, 1).lines().count(), 501);
    }

    #[test]
    fn deterministic_and_at_least_the_size_asked() {
        let a = cart(10_000, 7);
        assert!(a.len() >= 10_000);
        assert_eq!(a, cart(10_000, 7));
        assert_ne!(a, cart(10_000, 8));
        assert!(a.contains(">> ") && a.contains("(?)") && a.contains('\u{2011}'));
    }
}
