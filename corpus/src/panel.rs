//! Name-dense raw captions: a panel discussion transcript that speaks of
//! and to the people of a generated roster, for measuring the names stage
//! where it works hardest. The text of `cart` mentions eight speakers now
//! and then and repeats its patterns, so per-word caches hide the cost of a
//! name lookup; here a name comes every ten to fifteen words, of the
//! hundreds of roster people an event's panels bring together, one in seven
//! of them misheard, and no line repeats.

use std::collections::HashSet;

use crate::{roster_csv, SplitMix, WORDS};

/// A roster person, split as a transcript speaks of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Everything before the surname ("Thi Lan", "Kalo").
    pub given: String,
    /// The surname, with its particle ("St. Clair", "Mirabentor").
    pub surname: String,
}

impl Person {
    /// The name as the roster spells it.
    pub fn full(&self) -> String {
        format!("{} {}", self.given, self.surname)
    }

    fn split(name: &str) -> Person {
        let tokens: Vec<&str> = name.split(' ').collect();
        // A particle written with a period ("St. Clair") belongs to the surname.
        let from = match tokens.len() {
            0 | 1 => 0,
            n if n >= 3 && tokens[n - 2].ends_with('.') => n - 2,
            n => n - 1,
        };
        Person {
            given: tokens[..from].join(" "),
            surname: tokens[from..].join(" "),
        }
    }
}

/// The people of `roster_csv(people, seed)`, in its order.
pub fn roster_people(people: usize, seed: u64) -> Vec<Person> {
    roster_csv(people, seed)
        .lines()
        .skip(1)
        .filter_map(|row| {
            row.rsplit_once(',')
                .map(|(name, _role)| Person::split(name))
        })
        .collect()
}

const TITLES: &[&str] = &[
    "Dr.",
    "Minister",
    "Ambassador",
    "Professor",
    "President",
    "Senator",
    "Commissioner",
    "Ms.",
    "Mr.",
    "Chair",
];

/// Capitalised words that are not names: places, organisations, days.
const PLACES: &[&str] = &[
    "Geneva",
    "Nairobi",
    "Addis Ababa",
    "Buenos Aires",
    "Kuala Lumpur",
    "São Paulo",
    "New York",
    "Brussels",
    "Dakar",
    "Manila",
    "Oslo",
    "Lima",
    "Tbilisi",
    "Kigali",
    "Montevideo",
    "Jakarta",
    "Riyadh",
    "Warsaw",
    "Kyoto",
    "Cape Town",
    "Bogotá",
    "Lagos",
    "Helsinki",
    "Santiago",
];

const ORGANISATIONS: &[&str] = &[
    "the United Nations",
    "the World Bank",
    "UNESCO",
    "the African Union",
    "the European Commission",
    "the Secretariat",
    "the Internet Governance Forum",
    "the ITU",
    "the OECD",
    "Parliament",
    "the Ministry of Communications",
    "the Youth Coalition",
    "the Red Cross",
    "the Council of Europe",
    "the Global Digital Compact",
    "ICANN",
];

const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

const MONTHS: &[&str] = &["January", "March", "June", "September", "November"];

const TOPICS: &[&str] = &[
    "connectivity in rural areas",
    "the financing gap",
    "data protection",
    "artificial intelligence",
    "the digital divide",
    "cybersecurity capacity",
    "content moderation",
    "open standards",
    "community networks",
    "multilingual content",
    "the role of youth",
    "platform accountability",
    "spectrum policy",
    "digital public goods",
    "online safety for children",
    "the energy cost of data centres",
];

const ADJECTIVES: &[&str] = &[
    "important",
    "well taken",
    "very relevant",
    "exactly right",
    "a good one",
    "critical",
    "something we should come back to",
];

const TAGS: &[&str] = &["(Applause)", "(Laughter)", "(inaudible)", "(?)"];

/// What one person is called in one mention.
#[derive(Debug, Clone, Copy)]
enum Form {
    Full,
    Titled,
    Given,
    Surname,
}

/// A panel: who moderates, who sits on it, where it is.
struct Session {
    moderator: usize,
    panelists: Vec<usize>,
    place: &'static str,
    topic: &'static str,
    turns_left: usize,
    /// Who spoke last (a member index, 0 the moderator).
    last: usize,
}

impl Session {
    /// A panel of the first of `members` (at least two) as moderator and the
    /// others as panelists.
    fn new(rng: &mut SplitMix, mut members: Vec<usize>) -> Session {
        let moderator = members.remove(0);
        Session {
            moderator,
            panelists: members,
            place: rng.pick(PLACES),
            topic: rng.pick(TOPICS),
            turns_left: 20 + rng.below(40),
            last: 0,
        }
    }

    /// Member `i` of the panel: 0 is the moderator.
    fn member(&self, i: usize) -> usize {
        if i == 0 {
            self.moderator
        } else {
            self.panelists[i - 1]
        }
    }
}

/// Counts kept while generating, for the tests.
#[derive(Debug, Default, Clone)]
pub(crate) struct Counts {
    pub mentions: usize,
    pub misheard: usize,
    /// The people mentioned (rightly or not).
    pub people: HashSet<usize>,
}

struct Writer<'a> {
    rng: SplitMix,
    seed: u64,
    people: &'a [Person],
    session: Session,
    counts: Counts,
    /// Everyone who has sat on a panel so far, in order of first appearance.
    appeared: Vec<usize>,
    on_a_panel: HashSet<usize>,
}

/// Raw cart text of about `bytes` bytes (never less) of panel discussions,
/// from `seed`: speaker labels (`>> KALO MIRABENTOR:`, `>> MODERATOR:`,
/// `>> MINISTER MIRABENTOR:`), turns of a few sentences, and the people of
/// `roster_csv(roster_people, seed)` named every ten to fifteen words in
/// running text ("thank you, Kalo", "as Dr. Mirabentor said"), about one
/// mention in seven misheard: one letter off, a letter doubled or undoubled,
/// a name split or merged, accents dropped, another person's given name
/// before the right surname, a sound-alike spelling. Places, organisations
/// and sentence starts add capitalised words that are not names. Half of
/// each panel has sat on an earlier one, and people named outside the panel
/// are earlier panelists, so a megabyte names a few hundred people (about
/// 220 of 10,000), not the whole roster. No line repeats. A roster of at least `roster_people` people from the same seed
/// holds everyone named.
pub fn panel(bytes: usize, seed: u64, roster_people: usize) -> String {
    panel_counted(bytes, seed, roster_people).0
}

pub(crate) fn panel_counted(bytes: usize, seed: u64, roster_people: usize) -> (String, Counts) {
    let people = roster_people_at_least_one(roster_people, seed);
    let mut w = Writer {
        rng: SplitMix::new(seed ^ 0x9A7E_1D15),
        seed,
        people: &people,
        session: Session::new(&mut SplitMix::new(0), vec![0, 0]),
        counts: Counts::default(),
        appeared: Vec::new(),
        on_a_panel: HashSet::new(),
    };
    w.session = w.new_session();
    let mut out = String::with_capacity(bytes + 4096);
    let mut seen: HashSet<u64> = HashSet::new();
    let mut line = String::new();
    while out.len() < bytes {
        if w.session.turns_left == 0 {
            w.session = w.new_session();
        }
        w.session.turns_left -= 1;
        let speaker = w.next_speaker();
        let lines = if w.rng.chance(25) { 2 } else { 1 };
        for n in 0..lines {
            // A line that happens to repeat one already written is drawn
            // again (its counts are dropped with it; who it named is kept).
            loop {
                line.clear();
                let before = (w.counts.mentions, w.counts.misheard);
                w.line(speaker, n == 0, &mut line);
                if seen.insert(fnv1a(line.as_bytes())) {
                    break;
                }
                (w.counts.mentions, w.counts.misheard) = before;
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    (out, w.counts)
}

fn roster_people_at_least_one(people: usize, seed: u64) -> Vec<Person> {
    roster_people(people.max(1), seed)
}

/// FNV-1a: a hash that is the same on every platform and Rust version.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xCBF2_9CE4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

impl Writer<'_> {
    /// A new panel: half its members have sat on one before (an event's
    /// regulars), the others are anyone on the roster.
    fn new_session(&mut self) -> Session {
        let size = 4 + self.rng.below(3);
        let members = (0..size)
            .map(|_| {
                if !self.appeared.is_empty() && self.rng.chance(50) {
                    self.appeared[self.rng.below(self.appeared.len())]
                } else {
                    let person = self.rng.below(self.people.len());
                    if self.on_a_panel.insert(person) {
                        self.appeared.push(person);
                    }
                    person
                }
            })
            .collect();
        Session::new(&mut self.rng, members)
    }

    /// The moderator after a panelist about half the time, else a
    /// panelist who did not just speak.
    fn next_speaker(&mut self) -> usize {
        let panelists = self.session.panelists.len();
        let last = self.session.last;
        let next = if last != 0 && self.rng.chance(45) {
            0
        } else {
            let mut i = 1 + self.rng.below(panelists);
            if i == last {
                i = 1 + i % panelists;
            }
            i
        };
        self.session.last = next;
        next
    }

    /// One line of a turn of `speaker`'s, the first with their label.
    fn line(&mut self, speaker: usize, labelled: bool, out: &mut String) {
        if labelled {
            self.label(speaker, out);
        }
        let sentences = 2 + self.rng.below(4);
        for i in 0..sentences {
            if labelled || i > 0 {
                out.push(' ');
            }
            self.sentence(speaker, out);
        }
        if self.rng.chance(6) {
            out.push(' ');
            out.push_str(self.rng.pick(TAGS));
        }
    }

    fn label(&mut self, speaker: usize, out: &mut String) {
        out.push_str(">> ");
        let person = self.session.member(speaker);
        let title = self.title(person);
        if speaker == 0 && self.rng.chance(40) {
            out.push_str("MODERATOR");
        } else {
            let form = if !title.is_empty() && self.rng.chance(40) {
                Form::Titled
            } else {
                Form::Full
            };
            let name = self.mention(person, form, 4);
            out.push_str(&name.to_uppercase());
        }
        out.push(':');
    }

    /// The title `person` goes by, the same all through ("" for none, four
    /// people in ten).
    fn title(&self, person: usize) -> &'static str {
        let mut rng =
            SplitMix::new(self.seed ^ (person as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
        if rng.chance(60) {
            rng.pick(TITLES)
        } else {
            ""
        }
    }

    /// Another member of the panel than `speaker`, or now and then someone
    /// who sat on an earlier panel, rarely anyone on the roster.
    fn other(&mut self, speaker: usize) -> usize {
        let members = self.session.panelists.len() + 1;
        if self.rng.chance(35) {
            let person = if self.rng.chance(99) {
                self.appeared[self.rng.below(self.appeared.len())]
            } else {
                self.rng.below(self.people.len())
            };
            return person;
        }
        let mut i = self.rng.below(members);
        if i == speaker {
            i = (i + 1) % members;
        }
        self.session.member(i)
    }

    /// A mention of `person` in running text, misheard 17 times in a hundred.
    fn named(&mut self, speaker: usize) -> String {
        let person = self.other(speaker);
        let form = match self.rng.below(100) {
            0..=29 => Form::Full,
            30..=54 if !self.title(person).is_empty() => Form::Titled,
            30..=54 => Form::Surname,
            55..=79 => Form::Given,
            _ => Form::Surname,
        };
        self.mention(person, form, 17)
    }

    /// `person` called by `form`, misheard `misheard` times in a hundred.
    fn mention(&mut self, person: usize, form: Form, misheard: usize) -> String {
        let title = self.title(person);
        self.counts.mentions += 1;
        self.counts.people.insert(person);
        let p = &self.people[person];
        let (mut given, mut surname) = (p.given.clone(), p.surname.clone());
        // A person without a given name is named by the surname alone.
        let form = match form {
            Form::Full | Form::Given if given.is_empty() => Form::Surname,
            Form::Titled if title.is_empty() => Form::Full,
            form => form,
        };
        if self.rng.chance(misheard) {
            self.counts.misheard += 1;
            self.mishear(&mut given, &mut surname, form);
        }
        match form {
            // A merged full name is all in `surname`.
            Form::Full if given.is_empty() => surname,
            Form::Full => format!("{given} {surname}"),
            Form::Given => given,
            Form::Titled => format!("{title} {surname}"),
            _ => surname,
        }
    }

    /// Damages the part of the name the mention shows.
    fn mishear(&mut self, given: &mut String, surname: &mut String, form: Form) {
        let on_given = match form {
            Form::Given => true,
            Form::Full => self.rng.chance(30),
            _ => false,
        };
        if matches!(form, Form::Full) && self.rng.chance(15) {
            // Another person's given name before the right surname.
            let other = &self.people[self.rng.below(self.people.len())].given;
            if !other.is_empty() && other != given {
                *given = other.clone();
                return;
            }
        }
        if matches!(form, Form::Full) && self.rng.chance(8) {
            // Given name and surname heard as one word.
            let merged = format!(
                "{}{}",
                given,
                surname.to_lowercase().replace([' ', '.'], "")
            );
            *given = String::new();
            *surname = merged;
            return;
        }
        let word = if on_given { given } else { surname };
        for _ in 0..4 {
            let damaged = match self.rng.below(6) {
                0 => one_letter_off(word, &mut self.rng),
                1 => doubled(word, &mut self.rng),
                2 => split_or_merge(word, &mut self.rng),
                3 => without_accents(word),
                4 => sound_alike(word, &mut self.rng),
                _ => one_letter_off(word, &mut self.rng),
            };
            if let Some(d) = damaged.filter(|d| d != word && !d.is_empty()) {
                *word = d;
                return;
            }
        }
        if let Some(d) = one_letter_off(word, &mut self.rng) {
            *word = d;
        }
    }

    fn sentence(&mut self, speaker: usize, out: &mut String) {
        let rng = &mut self.rng;
        match rng.below(22) {
            // About a fifth of the sentences name nobody.
            0..=3 => {
                let mut s = clause(rng);
                capitalise(&mut s);
                out.push_str(&s);
                out.push('.');
            }
            4 => {
                let mut s = format!("In {} {}", rng.pick(PLACES), clause(rng));
                capitalise(&mut s);
                out.push_str(&s);
                out.push('.');
            }
            5 => {
                let a = self.named(speaker);
                let np = noun_phrase(&mut self.rng);
                out.push_str(&format!("Thank you very much, {a}, for {np}."));
            }
            6 => {
                let a = self.named(speaker);
                out.push_str(&format!("Thank you, {a}."));
                let c = clause(&mut self.rng);
                out.push_str(&format!(" So {c}."));
            }
            7 => {
                let a = self.named(speaker);
                let t = time(&mut self.rng);
                let c = clause(&mut self.rng);
                out.push_str(&format!("As {a} said {t}, {c}."));
            }
            8 => {
                let a = self.named(speaker);
                let c = clause(&mut self.rng);
                out.push_str(&format!("I agree with {a} that {c}."));
            }
            9 => {
                let person = self.other(speaker);
                let a = self.mention(person, Form::Titled, 17);
                let n = self.rng.below(12) + 2;
                out.push_str(&format!("Over to {a}, you have {n} minutes."));
            }
            10 => {
                let a = self.named(speaker);
                let t = self.session.topic;
                out.push_str(&format!("{a}, would you like to respond on {t}?"));
            }
            11 => {
                let a = self.named(speaker);
                let part = self.rng.pick(&["morning", "afternoon", "evening"]);
                let place = self.session.place;
                let n = 2 + self.rng.below(60);
                out.push_str(&format!(
                    "Good {part}, {a}, and welcome to {place} for day {n}."
                ));
            }
            12 => {
                let a = self.named(speaker);
                let org = self.rng.pick(ORGANISATIONS);
                let c = clause(&mut self.rng);
                out.push_str(&format!(
                    "I'd like to give the floor to {a} from {org}, because {c}."
                ));
            }
            13 => {
                let a = self.named(speaker);
                let b = self.named(speaker);
                out.push_str(&format!("Let me bring in {a} and then {b}."));
            }
            14 => {
                let a = self.named(speaker);
                let topic = self.rng.pick(TOPICS);
                let adj = self.rng.pick(ADJECTIVES);
                let n = 2 + self.rng.below(20);
                out.push_str(&format!(
                    "{a}'s point about {topic} in {n} countries is {adj}."
                ));
            }
            15 => {
                let a = self.named(speaker);
                let b = self.named(speaker);
                let c = clause(&mut self.rng);
                out.push_str(&format!("Building on what {a} and {b} said, {c}."));
            }
            16 => {
                let a = self.named(speaker);
                let place = self.rng.pick(PLACES);
                let day = self.rng.pick(DAYS);
                let c = clause(&mut self.rng);
                out.push_str(&format!(
                    "I was speaking with {a} in {place} on {day}, and {c}."
                ));
            }
            17 => {
                let a = self.named(speaker);
                let c = clause(&mut self.rng);
                out.push_str(&format!("{a} has asked for the floor, and {c}."));
            }
            18 => {
                let a = self.named(speaker);
                let b = self.named(speaker);
                let c = self.named(speaker);
                let np = noun_phrase(&mut self.rng);
                out.push_str(&format!("Many thanks to {a}, {b} and {c} for {np}."));
            }
            19 => {
                let a = self.named(speaker);
                let c = clause(&mut self.rng);
                out.push_str(&format!("My question is for {a}: how {c}?"));
            }
            20 => {
                let org = self.rng.pick(ORGANISATIONS);
                let a = self.named(speaker);
                let mut s = format!("{org} and {a} {}", clause(&mut self.rng));
                capitalise(&mut s);
                out.push_str(&s);
                out.push('.');
            }
            _ => {
                let a = self.named(speaker);
                let year = 1990 + self.rng.below(36);
                let n = 3 + self.rng.below(97);
                out.push_str(&format!(
                    "Back in {year}, {a} told us that {n} percent of {}.",
                    noun_phrase(&mut self.rng)
                ));
            }
        }
    }
}

/// A few common words and, now and then, a number.
fn clause(rng: &mut SplitMix) -> String {
    let len = 5 + rng.below(8);
    let mut s = String::new();
    let mut previous = "";
    for i in 0..len {
        if i > 0 {
            s.push(' ');
        }
        if rng.chance(6) {
            match rng.below(4) {
                0 => s.push_str(&format!("{}", 2 + rng.below(998))),
                1 => s.push_str(&format!("{},{:03}", 1 + rng.below(99), rng.below(1000))),
                2 => s.push_str(&format!("in {}", 1990 + rng.below(36))),
                _ => s.push_str(&format!("{} percent", 1 + rng.below(99))),
            }
            continue;
        }
        let mut word = rng.pick(WORDS);
        if word == previous {
            word = "again";
        }
        previous = word;
        s.push_str(word);
    }
    s
}

fn noun_phrase(rng: &mut SplitMix) -> String {
    format!(
        "the {} {} {}",
        rng.pick(&[
            "work on",
            "report on",
            "point about",
            "figures on",
            "question of"
        ]),
        rng.pick(TOPICS),
        rng.pick(&[
            "this year",
            "in the region",
            "so far",
            "at home",
            "in the last session",
        ])
    )
}

fn time(rng: &mut SplitMix) -> String {
    match rng.below(4) {
        0 => "this morning".to_owned(),
        1 if rng.chance(50) => format!("on {}", rng.pick(DAYS)),
        1 => format!("in {}", rng.pick(MONTHS)),
        2 => format!("in {}", 1990 + rng.below(36)),
        _ => format!("{} minutes ago", 2 + rng.below(40)),
    }
}

fn capitalise(s: &mut String) {
    if let Some(first) = s.get(..1).map(str::to_uppercase) {
        s.replace_range(..1, &first);
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// `chars` with the first letter's case restored from `like`.
fn recase(chars: &[char], like: &str) -> String {
    let mut s: String = chars.iter().collect::<String>().to_lowercase();
    if like.chars().next().is_some_and(char::is_uppercase) {
        capitalise(&mut s);
    }
    s
}

/// One letter replaced by a neighbour in sound (never the first).
fn one_letter_off(word: &str, rng: &mut SplitMix) -> Option<String> {
    let mut chars: Vec<char> = word.to_lowercase().chars().collect();
    let places: Vec<usize> = (1..chars.len())
        .filter(|&i| chars[i].is_ascii_alphabetic())
        .collect();
    if places.is_empty() {
        return None;
    }
    let i = places[rng.below(places.len())];
    chars[i] = match chars[i] {
        'a' => 'e',
        'e' => 'i',
        'i' => 'e',
        'o' => 'u',
        'u' => 'o',
        'y' => 'i',
        'm' => 'n',
        'n' => 'm',
        'b' => 'p',
        'p' => 'b',
        'd' => 't',
        't' => 'd',
        'g' => 'k',
        'k' => 'g',
        's' => 'z',
        'z' => 's',
        'v' => 'f',
        'f' => 'v',
        'l' => 'r',
        'r' => 'l',
        _ => 'a',
    };
    Some(recase(&chars, word))
}

/// A doubled letter written once, or a consonant after a vowel doubled.
fn doubled(word: &str, rng: &mut SplitMix) -> Option<String> {
    let mut chars: Vec<char> = word.to_lowercase().chars().collect();
    if let Some(i) = (1..chars.len()).find(|&i| chars[i] == chars[i - 1]) {
        chars.remove(i);
        return Some(recase(&chars, word));
    }
    let places: Vec<usize> = (1..chars.len())
        .filter(|&i| {
            chars[i].is_ascii_alphabetic() && !is_vowel(chars[i]) && is_vowel(chars[i - 1])
        })
        .collect();
    if places.is_empty() {
        return None;
    }
    let i = places[rng.below(places.len())];
    chars.insert(i, chars[i]);
    Some(recase(&chars, word))
}

/// A one-word name split in two after a vowel ("Mira Bentor"), or a
/// two-part one written as one ("Stclair", "Thilan").
fn split_or_merge(word: &str, rng: &mut SplitMix) -> Option<String> {
    if word.contains(' ') {
        let merged: String = word.chars().filter(|c| *c != ' ' && *c != '.').collect();
        return Some(recase(&merged.chars().collect::<Vec<_>>(), word));
    }
    let chars: Vec<char> = word.chars().collect();
    let places: Vec<usize> = (3..chars.len().saturating_sub(2))
        .filter(|&i| is_vowel(chars[i - 1].to_ascii_lowercase()) && !is_vowel(chars[i]))
        .collect();
    if places.is_empty() {
        return None;
    }
    let i = places[rng.below(places.len())];
    let mut second: String = chars[i..].iter().collect();
    capitalise(&mut second);
    Some(format!(
        "{} {}",
        chars[..i].iter().collect::<String>(),
        second
    ))
}

fn without_accents(word: &str) -> Option<String> {
    let plain: String = word
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            'É' => 'E',
            'Á' => 'A',
            other => other,
        })
        .collect();
    (plain != word).then_some(plain)
}

/// Spellings that sound alike.
const SOUND_ALIKE: &[(&str, &str)] = &[
    ("k", "c"),
    ("c", "k"),
    ("ph", "f"),
    ("f", "ph"),
    ("sh", "ch"),
    ("ch", "sh"),
    ("qv", "qu"),
    ("ski", "sky"),
    ("w", "v"),
    ("v", "w"),
    ("ou", "u"),
    ("u", "ou"),
    ("ee", "i"),
    ("i", "ee"),
    ("y", "i"),
    ("j", "dj"),
    ("ks", "x"),
    ("ie", "y"),
    ("th", "t"),
    ("o", "au"),
];

fn sound_alike(word: &str, rng: &mut SplitMix) -> Option<String> {
    let low = word.to_lowercase();
    let options: Vec<(usize, &str, &str)> = SOUND_ALIKE
        .iter()
        .flat_map(|&(from, to)| {
            low.match_indices(from)
                .filter(|(at, _)| *at > 0)
                .map(move |(at, _)| (at, from, to))
        })
        .collect();
    if options.is_empty() {
        return None;
    }
    let (at, from, to) = options[rng.below(options.len())];
    let mut changed = low.clone();
    changed.replace_range(at..at + from.len(), to);
    Some(recase(&changed.chars().collect::<Vec<_>>(), word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_split_as_spoken() {
        let people = roster_people(10, 1);
        assert_eq!(people.len(), 10);
        assert_eq!(people[0].given, "Marguerite");
        assert_eq!(people[0].surname, "St. Clair");
        assert_eq!(people[5].given, "Thi Lan");
        assert_eq!(people[5].surname, "Nguyen");
        assert!(people[9].given.len() >= 2 && !people[9].surname.contains(' '));
    }

    #[test]
    fn deterministic_and_at_least_the_size_asked() {
        let a = panel(50_000, 7, 300);
        assert!(a.len() >= 50_000);
        assert_eq!(a, panel(50_000, 7, 300));
        assert_ne!(a, panel(50_000, 8, 300));
        assert!(a.starts_with(">> "));
    }

    #[test]
    fn no_line_repeats_in_a_megabyte() {
        let text = panel(1 << 20, 3, 326);
        let mut seen = HashSet::new();
        for line in text.lines() {
            assert!(seen.insert(line), "repeated line: {line}");
        }
        assert!(seen.len() > 2_000);
    }

    #[test]
    fn names_are_dense_and_a_share_misheard() {
        let (text, counts) = panel_counted(1 << 20, 5, 10_000);
        let words = text.split_whitespace().count();
        let per_mention = words as f64 / counts.mentions as f64;
        assert!(
            (10.0..=15.0).contains(&per_mention),
            "one mention per {per_mention:.1} words"
        );
        let misheard = counts.misheard as f64 / counts.mentions as f64;
        assert!((0.10..=0.25).contains(&misheard), "{misheard:.2} misheard");
        // An event's regulars and the people they speak of: a few hundred a
        // megabyte, not the whole roster.
        let people = counts.people.len();
        assert!((100..=500).contains(&people), "{people} people named");
    }

    #[test]
    fn most_lines_name_someone_of_the_roster() {
        // A roster surname or given name written right, in a label or the text.
        let people = roster_people(326, 9);
        let mut known: HashSet<String> = HashSet::new();
        for p in &people {
            known.insert(p.surname.to_lowercase());
            known.extend(p.given.split(' ').map(str::to_lowercase));
        }
        known.extend(people.iter().map(|p| {
            p.surname
                .rsplit(' ')
                .next()
                .unwrap_or_default()
                .to_lowercase()
        }));
        let text = panel(1 << 20, 9, 326);
        let lines: Vec<&str> = text.lines().collect();
        let named = lines
            .iter()
            .filter(|line| {
                line.split(|c: char| !c.is_alphanumeric() && c != '.')
                    .map(|w| w.trim_end_matches('.').to_lowercase())
                    .any(|w| known.contains(&w))
            })
            .count();
        let share = named as f64 / lines.len() as f64;
        assert!(share > 0.9, "only {share:.2} of the lines name someone");
    }

    #[test]
    fn misheard_forms_of_every_kind_appear() {
        let mut rng = SplitMix::new(1);
        assert_eq!(doubled("Bankole", &mut rng).unwrap().len(), 8);
        assert_eq!(doubled("Lindqvist", &mut rng).unwrap().len(), 10);
        assert_eq!(doubled("Anna", &mut rng).unwrap(), "Ana");
        assert_eq!(without_accents("Ramírez").unwrap(), "Ramirez");
        assert_eq!(split_or_merge("St. Clair", &mut rng).unwrap(), "Stclair");
        let split = split_or_merge("Mirabentor", &mut rng).unwrap();
        assert!(split.contains(' ') && split.replace(' ', "").to_lowercase() == "mirabentor");
        let off = one_letter_off("Okafor", &mut rng).unwrap();
        assert!(off.starts_with('O') && off.len() == 6 && off != "Okafor");
        assert!(sound_alike("Lindqvist", &mut rng).is_some());
        // Labels are upper case, names in running text are capitalised.
        let text = panel(200_000, 2, 1000);
        assert!(text.contains(">> MODERATOR:"));
        assert!(text.contains("Thank you, "));
    }
}
