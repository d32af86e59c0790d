//! The roster generator: `n` distinct, seeded people from many regions, and
//! the people who speak or are named but are NOT on the roster.

use std::collections::HashSet;

use capclean::dict::Person;

use crate::data::{Region, ORGANISATIONS, OUTSIDER_SURNAMES, REGIONS, ROLES};
use crate::rng::Rng;
use crate::text::{capitalise, decapitalise, fold, osa, within_one, CommonWords};

/// Which part of a name a token belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Given,
    Particle,
    Surname,
}

/// A name token with its part.
#[derive(Debug, Clone)]
pub struct Tok {
    pub text: String,
    pub part: Part,
}

/// A generated person.
#[derive(Debug, Clone)]
pub struct Gen {
    /// Given name(s): "Wai Min", "José".
    pub given: String,
    /// Lower-case particles before the surname ("van der"), or empty.
    pub particle: String,
    /// Surname(s): "Vasquez-Moreau", "Aquino Ribeiro".
    pub surname: String,
    /// Written surname first ("Liu Zhenmin").
    pub surname_first: bool,
    pub female: bool,
    pub region: usize,
    pub role: &'static str,
    pub organisation: &'static str,
    pub country: &'static str,
}

impl Gen {
    /// Particle and surname: what follows "Mr.".
    pub fn family(&self) -> String {
        if self.particle.is_empty() {
            self.surname.clone()
        } else {
            format!("{} {}", self.particle, self.surname)
        }
    }

    pub fn full(&self) -> String {
        if self.surname_first {
            format!("{} {}", self.family(), self.given)
        } else {
            format!("{} {}", self.given, self.family())
        }
    }

    pub fn given_toks(&self) -> Vec<Tok> {
        toks(&self.given, Part::Given)
    }

    pub fn family_toks(&self) -> Vec<Tok> {
        let mut out = toks(&self.particle, Part::Particle);
        out.extend(toks(&self.surname, Part::Surname));
        out
    }

    pub fn full_toks(&self) -> Vec<Tok> {
        let (mut first, second) = if self.surname_first {
            (self.family_toks(), self.given_toks())
        } else {
            (self.given_toks(), self.family_toks())
        };
        first.extend(second);
        first
    }

    pub fn to_person(&self) -> Person {
        Person {
            name: self.full(),
            aliases: vec![self.given.clone()],
            misheard: Vec::new(),
            never: Vec::new(),
            role: self.role.to_owned(),
            organisation: self.organisation.to_owned(),
            country: self.country.to_owned(),
        }
    }
}

fn toks(s: &str, part: Part) -> Vec<Tok> {
    s.split_whitespace()
        .map(|t| Tok {
            text: t.to_owned(),
            part,
        })
        .collect()
}

fn synthetic_surname(region: &Region, rng: &mut Rng) -> Option<String> {
    if region.pre.is_empty() {
        return None;
    }
    let pre = rng.pick(region.pre);
    let mid = rng.pick(region.mid);
    let suf = rng.pick(region.suf);
    Some(format!("{pre}{mid}{suf}"))
}

fn surname_base(region: &Region, rng: &mut Rng) -> String {
    if rng.chance(0.45) {
        if let Some(s) = synthetic_surname(region, rng) {
            return s;
        }
    }
    rng.pick(region.surnames).to_string()
}

fn given_name(region: &Region, female: bool, rng: &mut Rng) -> String {
    if !region.given_syllables.is_empty() && rng.chance(0.5) {
        let a = rng.pick(region.given_syllables);
        let mut b = rng.pick(region.given_syllables);
        while b == a {
            b = rng.pick(region.given_syllables);
        }
        return if rng.chance(0.5) {
            format!("{a}{}", decapitalise(b))
        } else {
            format!("{a} {b}")
        };
    }
    let list = if female { region.female } else { region.male };
    let first = rng.pick(list).to_string();
    if matches!(region.name, "English" | "Spanish/Portuguese") && rng.chance(0.06) {
        let second = rng.pick(list);
        if *second != first && !first.contains(' ') {
            return format!("{first} {second}");
        }
    }
    first
}

fn person(rng: &mut Rng) -> Gen {
    let weights: Vec<u32> = REGIONS.iter().map(|r| r.weight).collect();
    let region_index = rng.weighted(&weights);
    let region = &REGIONS[region_index];
    let female = rng.chance(0.5);
    let given = given_name(region, female, rng);
    let mut surname = surname_base(region, rng);
    let pct = |rng: &mut Rng, p: u32| rng.chance(f64::from(p) / 100.0);
    if !region.joined.is_empty() && !surname.contains('-') && pct(rng, region.joined_rate) {
        surname = format!("{}{}", rng.pick(region.joined), surname);
    } else if pct(rng, region.hyphen_rate) && !surname.contains('-') {
        let other = surname_base(region, rng);
        if other != surname && !other.contains('-') {
            surname = format!("{surname}-{other}");
        }
    } else if pct(rng, region.double_rate) {
        let other = surname_base(region, rng);
        if other != surname {
            surname = format!("{surname} {other}");
        }
    }
    let joined = region.joined.iter().any(|j| surname.starts_with(j));
    let particle = if !region.particles.is_empty() && !joined && pct(rng, region.particle_rate) {
        rng.pick(region.particles).to_string()
    } else {
        String::new()
    };
    let surname_first = particle.is_empty() && pct(rng, region.surname_first_rate);
    let role = *rng.pick(*ROLES);
    let organisation = *rng.pick(*ORGANISATIONS);
    let country = *rng.pick(region.countries);
    Gen {
        given,
        particle,
        surname,
        surname_first,
        female,
        region: region_index,
        role,
        organisation,
        country,
    }
}

/// `n` distinct people (distinct even with accents and case folded).
/// The sequence does not depend on `n`: a smaller roster of the same seed
/// is a prefix of a larger one.
pub fn roster(n: usize, seed: u64) -> Result<Vec<Gen>, String> {
    let mut rng = Rng::new(seed, 1);
    let mut seen = HashSet::with_capacity(n);
    let mut out = Vec::with_capacity(n);
    let mut attempts = 0usize;
    while out.len() < n {
        attempts += 1;
        if attempts > n.saturating_mul(20).max(1000) {
            return Err(format!(
                "could only make {} distinct people out of {n}; use a smaller --roster-size",
                out.len()
            ));
        }
        let p = person(&mut rng);
        if seen.insert(fold(&p.full())) {
            out.push(p);
        }
    }
    Ok(out)
}

/// Every folded token of the roster's names, for quick "is this a roster
/// word?" and "is this one edit from a roster word?" questions.
pub struct RosterTokens {
    set: HashSet<String>,
    /// Distinct tokens bucketed by byte length.
    by_len: Vec<Vec<Vec<u8>>>,
    full: HashSet<String>,
}

impl RosterTokens {
    pub fn new(people: &[Gen]) -> Self {
        let mut set = HashSet::new();
        let mut full = HashSet::new();
        for p in people {
            for t in p.full().split([' ', '-']) {
                let f = fold(t);
                if !f.is_empty() {
                    set.insert(f);
                }
            }
            full.insert(fold(&p.full()));
        }
        let mut by_len: Vec<Vec<Vec<u8>>> = Vec::new();
        let mut sorted: Vec<&String> = set.iter().collect();
        sorted.sort();
        for t in sorted {
            let len = t.len();
            if by_len.len() <= len {
                by_len.resize(len + 1, Vec::new());
            }
            by_len[len].push(t.as_bytes().to_vec());
        }
        RosterTokens { set, by_len, full }
    }

    /// Whether the folded `token` is a word of some roster name.
    pub fn contains(&self, token: &str) -> bool {
        self.set.contains(&fold(token))
    }

    /// Whether the folded `token` is within one edit of a roster word.
    pub fn near(&self, token: &str) -> bool {
        let f = fold(token);
        let b = f.as_bytes();
        let lo = b.len().saturating_sub(1);
        (lo..=b.len() + 1).any(|len| {
            self.by_len
                .get(len)
                .is_some_and(|bucket| bucket.iter().any(|t| within_one(b, t)))
        })
    }

    pub fn has_full(&self, name: &str) -> bool {
        self.full.contains(&fold(name))
    }
}

/// Endings for names that look like an attendee's but are someone else's.
const CLOSE_ENDINGS: &[&str] = &[
    "gren", "berg", "wood", "ley", "ton", "ini", "ani", "ovic", "enko", "ard", "mann", "ida",
    "ema", "uru", "ash",
];

/// `count` people who are not on the roster: every second one shares an
/// attendee's given name and the start of their surname ("Petra Lindgren"
/// next to "Petra Lindqvist"); the others are fresh names. No surname word
/// is within one edit of any roster word, and none is within two edits of
/// an attendee's surname words. Returns the people and how many could not
/// be made.
pub fn outsiders(
    count: usize,
    roster: &[Gen],
    attendees: &[usize],
    tokens: &RosterTokens,
    common: &CommonWords,
    rng: &mut Rng,
) -> (Vec<Gen>, usize) {
    let attendee_words: Vec<String> = attendees
        .iter()
        .flat_map(|&i| {
            roster[i]
                .surname
                .split([' ', '-'])
                .map(fold)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut out: Vec<Gen> = Vec::new();
    let mut missing = 0;
    for k in 0..count {
        let mut made = None;
        for _ in 0..200 {
            let mut g = person(rng);
            let close = k % 2 == 0 && !attendees.is_empty();
            if close {
                let a = &roster[attendees[rng.below(attendees.len())]];
                let stem: String = a
                    .surname
                    .split([' ', '-'])
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(rng.range(3, 5))
                    .collect();
                g.given = a.given.clone();
                g.female = a.female;
                g.region = a.region;
                g.surname = format!("{stem}{}", rng.pick(CLOSE_ENDINGS));
            } else if rng.chance(0.7) {
                g.surname = rng.pick(*OUTSIDER_SURNAMES).to_string();
            }
            g.particle.clear();
            g.surname_first = false;
            let words: Vec<&str> = g.surname.split([' ', '-']).collect();
            let ok = !tokens.has_full(&g.full())
                && words.iter().all(|w| {
                    !tokens.near(w)
                        && !common.contains(w)
                        && attendee_words.iter().all(|a| osa(&fold(w), a) >= 3)
                })
                && out.iter().all(|o| fold(&o.surname) != fold(&g.surname));
            if ok {
                g.surname = capitalise(&g.surname);
                made = Some(g);
                break;
            }
        }
        match made {
            Some(g) => out.push(g),
            None => missing += 1,
        }
    }
    (out, missing)
}
