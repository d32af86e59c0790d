//! The damage model: how a captioner mishears a name. Every operator works
//! on name tokens (title case) and keeps the rest of the token's case.

use crate::people::RosterTokens;
use crate::people::{Part, Tok};
use crate::rng::Rng;
use crate::text::{
    capitalise, decapitalise, fold, fold_spaced, is_consonant, is_vowel, osa, strip_accents,
    CommonWords,
};

/// The kind of damage done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// One sound-alike change in one token.
    Phonetic,
    /// A token split in two, or tokens merged into one.
    SplitMerge,
    /// Accents lost.
    Accent,
    /// Two sound-alike changes.
    TwoEdit,
    /// A letter doubled or undoubled ("Gretta", "Saarah", "Mathew"); only
    /// in the damage model built from real mishearings.
    Doubled,
    /// Another given name with the right surname ("Matthew Okoro" for
    /// Thomas Okoro); only in the damage model built from real mishearings.
    OtherGiven,
}

impl Op {
    pub const ALL: [Op; 4] = [Op::Phonetic, Op::SplitMerge, Op::Accent, Op::TwoEdit];

    pub fn name(self) -> &'static str {
        match self {
            Op::Phonetic => "phonetic",
            Op::SplitMerge => "split/merge",
            Op::Accent => "accent",
            Op::TwoEdit => "two-edit",
            Op::Doubled => "doubled",
            Op::OtherGiven => "other-given",
        }
    }
}

/// A damaged name: the new tokens, the operator and what exactly it did.
pub struct Damaged {
    pub tokens: Vec<String>,
    pub op: Op,
    pub detail: String,
}

/// Where a substitution may apply.
#[derive(Clone, Copy)]
enum At {
    Any,
    NotStart,
    End,
    /// Followed by a, o or u.
    BeforeBack,
    /// Followed by e or i.
    BeforeFront,
    BetweenVowels,
    /// After a vowel and before a consonant.
    VowelBeforeConsonant,
    /// After one of g, k, d, r, b (the h of "Khalid", "Dhaka").
    AfterStop,
    /// At the start, before a vowel.
    StartBeforeVowel,
    /// After a vowel, or at the end.
    AfterVowelOrEnd,
}

struct Sub {
    from: &'static str,
    to: &'static str,
    at: At,
    name: &'static str,
}

const fn sub(from: &'static str, to: &'static str, at: At, name: &'static str) -> Sub {
    Sub { from, to, at, name }
}

/// The sound-alike substitutions. Doubling and undoubling are separate.
const SUBS: &[Sub] = &[
    sub("a", "e", At::NotStart, "vowel"),
    sub("e", "a", At::NotStart, "vowel"),
    sub("o", "u", At::NotStart, "vowel"),
    sub("u", "o", At::NotStart, "vowel"),
    sub("a", "o", At::NotStart, "vowel"),
    sub("e", "i", At::NotStart, "vowel"),
    sub("i", "e", At::NotStart, "vowel"),
    sub("c", "k", At::BeforeBack, "c/k/q"),
    sub("k", "c", At::BeforeBack, "c/k/q"),
    sub("ck", "k", At::Any, "c/k/q"),
    sub("qu", "k", At::Any, "c/k/q"),
    sub("q", "k", At::Any, "c/k/q"),
    sub("kw", "qu", At::Any, "c/k/q"),
    sub("c", "s", At::BeforeFront, "c/k/q"),
    sub("ph", "f", At::Any, "ph/f"),
    sub("f", "ph", At::Any, "ph/f"),
    sub("th", "t", At::Any, "th/t"),
    sub("h", "", At::AfterStop, "silent-h"),
    sub("h", "", At::StartBeforeVowel, "silent-h"),
    sub("h", "", At::VowelBeforeConsonant, "silent-h"),
    sub("y", "i", At::NotStart, "y/i"),
    sub("i", "y", At::AfterVowelOrEnd, "y/i"),
    sub("v", "w", At::Any, "v/w"),
    sub("w", "v", At::Any, "v/w"),
    sub("s", "z", At::BetweenVowels, "s/z"),
    sub("s", "z", At::End, "s/z"),
    sub("z", "s", At::Any, "s/z"),
    sub("ski", "sky", At::End, "ending"),
    sub("sky", "ski", At::End, "ending"),
    sub("son", "sen", At::End, "ending"),
    sub("sen", "son", At::End, "ending"),
    sub("sson", "son", At::End, "ending"),
    sub("ez", "es", At::End, "ending"),
    sub("es", "ez", At::End, "ending"),
    sub("ov", "off", At::End, "ending"),
    sub("ev", "eff", At::End, "ending"),
    sub("vić", "vich", At::End, "ending"),
    sub("ić", "ich", At::End, "ending"),
    sub("eau", "o", At::End, "ending"),
    sub("ault", "o", At::End, "ending"),
    sub("enko", "enco", At::End, "ending"),
    sub("x", "ks", At::Any, "cluster"),
    sub("ll", "y", At::BetweenVowels, "cluster"),
    sub("ei", "ie", At::Any, "cluster"),
    sub("ie", "ei", At::Any, "cluster"),
    sub("sch", "sh", At::Any, "cluster"),
    sub("tz", "ts", At::Any, "cluster"),
    sub("ou", "u", At::Any, "cluster"),
    sub("ee", "i", At::Any, "cluster"),
];

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn at_ok(at: At, low: &[char], i: usize, len: usize) -> bool {
    let before = i.checked_sub(1).map(|j| low[j]);
    let after = low.get(i + len).copied();
    let vowel = |c: Option<char>| c.is_some_and(is_vowel);
    let consonant = |c: Option<char>| c.is_some_and(is_consonant);
    match at {
        At::Any => true,
        At::NotStart => i > 0,
        At::End => after.is_none(),
        At::BeforeBack => matches!(after, Some('a' | 'o' | 'u')),
        At::BeforeFront => matches!(after, Some('e' | 'i')),
        At::BetweenVowels => vowel(before) && vowel(after),
        At::VowelBeforeConsonant => vowel(before) && consonant(after),
        At::AfterStop => matches!(before, Some('g' | 'k' | 'd' | 'r' | 'b')),
        At::StartBeforeVowel => i == 0 && vowel(after),
        At::AfterVowelOrEnd => i > 0 && (vowel(before) || after.is_none()),
    }
}

/// Replaces `len` characters at `i` with `to`, carrying an upper-case first
/// letter over.
fn splice(chars: &[char], i: usize, len: usize, to: &str) -> String {
    let upper = chars[i].is_uppercase();
    let mut out: String = chars[..i].iter().collect();
    let mut rest: String = chars[i + len..].iter().collect();
    if upper {
        if to.is_empty() {
            rest = capitalise(&rest);
        } else {
            out.push_str(&capitalise(to));
            out.push_str(&rest);
            return out;
        }
    }
    out.push_str(to);
    out.push_str(&rest);
    out
}

/// One sound-alike change to `token`, or `None` if nothing applies.
pub fn phonetic(token: &str, rng: &mut Rng) -> Option<(String, &'static str)> {
    let chars: Vec<char> = token.chars().collect();
    let low: Vec<char> = chars.iter().map(|&c| lower(c)).collect();
    // Every (site, change) that applies, then one at random.
    let mut options: Vec<(usize, usize, String, &'static str)> = Vec::new();
    for s in SUBS {
        let from: Vec<char> = s.from.chars().collect();
        if from.len() > low.len() {
            continue;
        }
        for i in 0..=low.len() - from.len() {
            if low[i..i + from.len()] == from[..] && at_ok(s.at, &low, i, from.len()) {
                options.push((i, from.len(), s.to.to_owned(), s.name));
            }
        }
    }
    for i in 1..low.len() {
        // Undouble "tt" -> "t"; double a consonant between vowels.
        if low[i] == low[i - 1] && is_consonant(low[i]) {
            options.push((i, 1, String::new(), "double"));
        }
        if i + 1 < low.len()
            && is_consonant(low[i])
            && is_vowel(low[i - 1])
            && is_vowel(low[i + 1])
            && low[i].is_ascii()
        {
            options.push((i, 1, format!("{}{}", low[i], low[i]), "double"));
        }
    }
    if options.is_empty() {
        return None;
    }
    // One family of change first, then one of its sites, so that long names
    // full of vowels do not get nothing but vowel swaps.
    let mut families: Vec<&'static str> = options.iter().map(|o| o.3).collect();
    families.sort_unstable();
    families.dedup();
    let family = *rng.pick(&families);
    let sites: Vec<usize> = (0..options.len())
        .filter(|&k| options[k].3 == family)
        .collect();
    let (i, len, to, name) = options.swap_remove(*rng.pick(&sites));
    Some((splice(&chars, i, len, &to), name))
}

/// Splits a long token at a syllable boundary: "Casasbuenas" -> "Casas Buenas".
fn split(token: &str, rng: &mut Rng) -> Option<String> {
    let chars: Vec<char> = token.chars().collect();
    let n = chars.len();
    if n < 7 || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let low: Vec<char> = chars.iter().map(|&c| lower(c)).collect();
    let mut cuts: Vec<usize> = (3..=n - 3)
        .filter(|&k| {
            // Not inside a digraph ("th", "ph", "ch") or a doubled letter.
            is_consonant(low[k]) && low[k] != 'h' && is_vowel(low[k + 1]) && low[k] != low[k - 1]
        })
        .collect();
    if cuts.is_empty() {
        return None;
    }
    let mid = n / 2;
    cuts.sort_by_key(|&k| (k.abs_diff(mid), k));
    let k = cuts[rng.below(cuts.len().min(2))];
    let left: String = chars[..k].iter().collect();
    let right: String = chars[k..].iter().collect();
    Some(format!("{left} {}", capitalise(&right)))
}

/// Checks a damaged token list against the original: it must differ, and a
/// single-token change must be neither an English word nor another roster
/// word (else no one could tell it was wrong).
pub struct Guard<'a> {
    pub common: &'a CommonWords,
    pub roster: &'a RosterTokens,
}

impl Guard<'_> {
    fn accepts(&self, old: &[String], new: &[String], op: Op) -> bool {
        if old == new {
            return false;
        }
        let (changed_old, changed_new) = changed(old, new);
        if changed_new.is_empty() || changed_old.is_empty() {
            return false;
        }
        let joined_old = changed_old.join(" ");
        let joined_new = changed_new.join(" ");
        if op != Op::Accent && fold_spaced(&joined_old) == fold_spaced(&joined_new) {
            return false;
        }
        if matches!(op, Op::Phonetic | Op::TwoEdit) {
            let min = if op == Op::TwoEdit { 2 } else { 1 };
            if osa(&fold(&joined_old), &fold(&joined_new)) < min {
                return false;
            }
        }
        if changed_new.len() == 1 {
            let t = &changed_new[0];
            if self.common.contains(t) || self.common.contains(&strip_accents(t)) {
                return false;
            }
            if op != Op::Accent && self.roster.contains(t) {
                return false;
            }
        } else if changed_new.iter().all(|t| self.common.contains(t)) {
            return false;
        }
        true
    }
}

/// The changed middle of two token lists: (old middle, new middle).
pub fn changed<'a>(old: &'a [String], new: &'a [String]) -> (&'a [String], &'a [String]) {
    let mut p = 0;
    while p < old.len() && p < new.len() && old[p] == new[p] {
        p += 1;
    }
    let mut s = 0;
    while s < old.len() - p && s < new.len() - p && old[old.len() - 1 - s] == new[new.len() - 1 - s]
    {
        s += 1;
    }
    (&old[p..old.len() - s], &new[p..new.len() - s])
}

/// Tokens a sound-alike change may touch (no particles, four letters or
/// more); surname tokens first with probability 0.7.
fn targets(toks: &[Tok], rng: &mut Rng) -> Vec<usize> {
    let eligible: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].part != Part::Particle && toks[i].text.chars().count() >= 4)
        .collect();
    let (mut sur, mut giv): (Vec<usize>, Vec<usize>) = eligible
        .into_iter()
        .partition(|&i| toks[i].part == Part::Surname);
    rng.shuffle(&mut sur);
    rng.shuffle(&mut giv);
    if rng.chance(0.7) {
        sur.extend(giv);
        sur
    } else {
        giv.extend(sur);
        giv
    }
}

fn attempt(toks: &[Tok], op: Op, rng: &mut Rng) -> Option<Damaged> {
    let mut new: Vec<String> = toks.iter().map(|t| t.text.clone()).collect();
    match op {
        Op::Phonetic => {
            let &i = targets(toks, rng).first()?;
            let (t, name) = phonetic(&new[i], rng)?;
            new[i] = t;
            Some(Damaged {
                tokens: new,
                op,
                detail: name.to_owned(),
            })
        }
        Op::TwoEdit => {
            let order = targets(toks, rng);
            let &i = order.first()?;
            if order.len() >= 2 && rng.chance(0.3) {
                let j = order[1];
                let (a, na) = phonetic(&new[i], rng)?;
                let (b, nb) = phonetic(&new[j], rng)?;
                new[i] = a;
                new[j] = b;
                return Some(Damaged {
                    tokens: new,
                    op,
                    detail: format!("{na}+{nb} (two tokens)"),
                });
            }
            let (a, na) = phonetic(&new[i], rng)?;
            let (b, nb) = phonetic(&a, rng)?;
            new[i] = b;
            Some(Damaged {
                tokens: new,
                op,
                detail: format!("{na}+{nb}"),
            })
        }
        Op::Accent => {
            let accented: Vec<usize> = (0..new.len())
                .filter(|&i| strip_accents(&new[i]) != new[i])
                .collect();
            if accented.is_empty() {
                return None;
            }
            if rng.chance(0.5) {
                for &i in &accented {
                    new[i] = strip_accents(&new[i]);
                }
                Some(Damaged {
                    tokens: new,
                    op,
                    detail: "all accents".into(),
                })
            } else {
                let i = *rng.pick(&accented);
                new[i] = strip_accents(&new[i]);
                Some(Damaged {
                    tokens: new,
                    op,
                    detail: "one token's accents".into(),
                })
            }
        }
        Op::SplitMerge => split_or_merge(toks, new, rng),
        Op::Doubled => {
            let &i = targets(toks, rng).first()?;
            let (t, detail) = doubled(&new[i], rng)?;
            new[i] = t;
            Some(Damaged {
                tokens: new,
                op,
                detail: detail.to_owned(),
            })
        }
        // Needs the other people's given names: done by the transcript.
        Op::OtherGiven => None,
    }
}

/// A doubled letter made single, or a single one doubled: a consonant
/// between vowels ("Greta" -> "Gretta") or a vowel ("Sarah" -> "Saarah").
fn doubled(token: &str, rng: &mut Rng) -> Option<(String, &'static str)> {
    let chars: Vec<char> = token.chars().collect();
    let low: Vec<char> = chars.iter().map(|&c| lower(c)).collect();
    let mut options: Vec<(usize, &'static str)> = Vec::new();
    for i in 1..chars.len() {
        if low[i] == low[i - 1] && low[i].is_alphabetic() {
            options.push((i, "undoubled"));
        } else if i + 1 < chars.len()
            && is_consonant(low[i])
            && is_vowel(low[i - 1])
            && is_vowel(low[i + 1])
        {
            options.push((i, "consonant doubled"));
        } else if is_vowel(low[i]) && low.get(i + 1) != Some(&low[i]) && low[i - 1] != low[i] {
            options.push((i, "vowel doubled"));
        }
    }
    if options.is_empty() {
        return None;
    }
    let &(i, what) = rng.pick(&options);
    let mut out = chars.clone();
    if what == "undoubled" {
        out.remove(i);
    } else {
        out.insert(i, chars[i]);
    }
    Some((out.into_iter().collect(), what))
}

fn split_or_merge(toks: &[Tok], mut new: Vec<String>, rng: &mut Rng) -> Option<Damaged> {
    // (kind, index) of every split or merge that applies.
    let mut options: Vec<(&str, usize)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.text.contains('-') {
            options.push(("hyphen", i));
        }
        if t.part != Part::Particle && !t.text.contains(['-', '\'']) {
            options.push(("split", i));
        }
        // Only short syllables run together ("Wai Min" -> "Waimin"), not
        // two given names ("Mary Ann").
        let short = |t: &Tok| t.text.chars().count() <= 5;
        if i + 1 < toks.len()
            && t.part == Part::Given
            && toks[i + 1].part == Part::Given
            && short(t)
            && short(&toks[i + 1])
        {
            options.push(("merge-given", i));
        }
        if t.part == Part::Particle && (i == 0 || toks[i - 1].part != Part::Particle) {
            options.push(("merge-particle", i));
        }
    }
    rng.shuffle(&mut options);
    for (kind, i) in options {
        match kind {
            "hyphen" => {
                let t = &new[i];
                new[i] = if rng.chance(0.5) {
                    t.replacen('-', " ", 1)
                } else {
                    let (a, b) = t.split_once('-')?;
                    format!("{a}{}", decapitalise(b))
                };
                let tokens = new.join(" ").split(' ').map(str::to_owned).collect();
                return Some(Damaged {
                    tokens,
                    op: Op::SplitMerge,
                    detail: "hyphen lost".into(),
                });
            }
            "split" => {
                if let Some(s) = split(&new[i], rng) {
                    new[i] = s;
                    let tokens = new.join(" ").split(' ').map(str::to_owned).collect();
                    return Some(Damaged {
                        tokens,
                        op: Op::SplitMerge,
                        detail: "split".into(),
                    });
                }
            }
            "merge-given" => {
                let mut merged = format!("{}{}", new[i], decapitalise(&new[i + 1]));
                let mut detail = "merged".to_owned();
                if rng.chance(0.4) {
                    if let Some((m, name)) = phonetic(&merged, rng) {
                        merged = m;
                        detail = format!("merged+{name}");
                    }
                }
                new.splice(i..i + 2, [merged]);
                return Some(Damaged {
                    tokens: new,
                    op: Op::SplitMerge,
                    detail,
                });
            }
            "merge-particle" => {
                let mut j = i;
                while j < toks.len() && toks[j].part == Part::Particle {
                    j += 1;
                }
                if j >= toks.len() {
                    continue;
                }
                let merged = capitalise(
                    &new[i..=j]
                        .iter()
                        .map(|t| t.to_lowercase())
                        .collect::<String>(),
                );
                new.splice(i..=j, [merged]);
                return Some(Damaged {
                    tokens: new,
                    op: Op::SplitMerge,
                    detail: "particle merged".into(),
                });
            }
            _ => {}
        }
    }
    None
}

/// Damages `toks`, preferring operator `want` and falling back to the
/// others in a fixed order when it does not apply. `None` if no operator
/// produces acceptable damage.
pub fn damage(toks: &[Tok], want: Op, guard: &Guard<'_>, rng: &mut Rng) -> Option<Damaged> {
    let old: Vec<String> = toks.iter().map(|t| t.text.clone()).collect();
    let order = std::iter::once(want).chain(Op::ALL.into_iter().filter(|&o| o != want));
    for op in order {
        for _ in 0..6 {
            if let Some(d) = attempt(toks, op, rng) {
                if guard.accepts(&old, &d.tokens, d.op) {
                    return Some(d);
                }
            }
        }
    }
    None
}
