//! The evaluation's name lists and filler vocabulary, read from the data
//! files beside it (`regions.toml`, `words.toml`; compiled in, so the
//! evaluation runs from any folder). Every list is hand-written for this
//! harness.

use std::sync::LazyLock;

use serde::Deserialize;

pub struct Region {
    pub name: &'static str,
    pub weight: u32,
    pub countries: &'static [&'static str],
    pub female: &'static [&'static str],
    pub male: &'static [&'static str],
    /// Syllables for synthetic given names (joined or spaced), if the region uses them.
    pub given_syllables: &'static [&'static str],
    pub surnames: &'static [&'static str],
    pub pre: &'static [&'static str],
    pub mid: &'static [&'static str],
    pub suf: &'static [&'static str],
    /// Lower-case particles written before the surname ("van der").
    pub particles: &'static [&'static str],
    /// Percent of people with a particle.
    pub particle_rate: u32,
    /// Prefixes joined to the surname with a hyphen ("Al-").
    pub joined: &'static [&'static str],
    pub joined_rate: u32,
    /// Percent with two surnames separated by a space ("Aquino Ribeiro").
    pub double_rate: u32,
    /// Percent with a hyphenated double surname ("Vasquez-Moreau").
    pub hyphen_rate: u32,
    /// Percent written surname first ("Liu Zhenmin").
    pub surname_first_rate: u32,
}

#[derive(Deserialize)]
struct RegionFile {
    name: String,
    weight: u32,
    countries: Vec<String>,
    female: Vec<String>,
    male: Vec<String>,
    given_syllables: Vec<String>,
    surnames: Vec<String>,
    pre: Vec<String>,
    mid: Vec<String>,
    suf: Vec<String>,
    particles: Vec<String>,
    particle_rate: u32,
    joined: Vec<String>,
    joined_rate: u32,
    double_rate: u32,
    hyphen_rate: u32,
    surname_first_rate: u32,
}

#[derive(Deserialize)]
struct Regions {
    region: Vec<RegionFile>,
}

#[derive(Deserialize)]
struct Words {
    outsider_surnames: Vec<String>,
    roles: Vec<String>,
    organisations: Vec<String>,
    stakeholder_groups: Vec<String>,
    nouns: Vec<(String, String)>,
    adjectives: Vec<String>,
    verbs: Vec<String>,
    places: Vec<String>,
    days: Vec<String>,
    months: Vec<String>,
    orgs: Vec<String>,
    langs: Vec<String>,
    filler: Vec<String>,
    word_name_sentences: Vec<String>,
    mentions: Vec<String>,
}

/// The harness lives for one run: its lists are leaked once into the
/// `&'static` slices the generators pick from.
fn leak(items: Vec<String>) -> &'static [&'static str] {
    let strs: Vec<&'static str> = items
        .into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect();
    Box::leak(strs.into_boxed_slice())
}

fn leak_one(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

pub static REGIONS: LazyLock<&'static [Region]> = LazyLock::new(|| {
    let file: Regions = toml::from_str(include_str!("regions.toml")).expect("regions.toml");
    let regions: Vec<Region> = file
        .region
        .into_iter()
        .map(|r| Region {
            name: leak_one(r.name),
            weight: r.weight,
            countries: leak(r.countries),
            female: leak(r.female),
            male: leak(r.male),
            given_syllables: leak(r.given_syllables),
            surnames: leak(r.surnames),
            pre: leak(r.pre),
            mid: leak(r.mid),
            suf: leak(r.suf),
            particles: leak(r.particles),
            particle_rate: r.particle_rate,
            joined: leak(r.joined),
            joined_rate: r.joined_rate,
            double_rate: r.double_rate,
            hyphen_rate: r.hyphen_rate,
            surname_first_rate: r.surname_first_rate,
        })
        .collect();
    Box::leak(regions.into_boxed_slice())
});

static WORDS: LazyLock<Words> =
    LazyLock::new(|| toml::from_str(include_str!("words.toml")).expect("words.toml"));

macro_rules! word_list {
    ($($(#[$doc:meta])* $name:ident => $field:ident;)*) => {
        $(
            $(#[$doc])*
            pub static $name: LazyLock<&'static [&'static str]> =
                LazyLock::new(|| leak(WORDS.$field.clone()));
        )*
    };
}

word_list! {
    /// Surnames reserved for people who are NOT on the roster (never used
    /// by the roster generator).
    OUTSIDER_SURNAMES => outsider_surnames;
    ROLES => roles;
    ORGANISATIONS => organisations;
    STAKEHOLDER_GROUPS => stakeholder_groups;
    ADJECTIVES => adjectives;
    VERBS => verbs;
    /// Capitalised words that are not names and must never change.
    PLACES => places;
    DAYS => days;
    MONTHS => months;
    ORGS => orgs;
    LANGS => langs;
    /// Filler sentences. Slots: `{n}` noun, `{ns}` plural noun, `{a}`
    /// adjective, `{v}` verb, `{num}` number; capitalised distractors
    /// `{place}`, `{day}`, `{month}`, `{org}`, `{lang}`, `{Internet}`.
    FILLER => filler;
    /// Sentences that open with a common word which is also a name. The
    /// first word is recorded as a distractor.
    WORD_NAME_SENTENCES => word_name_sentences;
    /// Sentences that mention people. Slots: `{F}` full name, `{T}` title
    /// and surname, `{G}` given name alone, `{P}` surname possessive, `{FP}`
    /// full name possessive; other slots as in [`FILLER`].
    MENTIONS => mentions;
}

/// (singular, plural)
pub static NOUNS: LazyLock<&'static [(&'static str, &'static str)]> = LazyLock::new(|| {
    let pairs: Vec<(&'static str, &'static str)> = WORDS
        .nouns
        .iter()
        .map(|(a, b)| (leak_one(a.clone()), leak_one(b.clone())))
        .collect();
    Box::leak(pairs.into_boxed_slice())
});
