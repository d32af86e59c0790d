//! The transcript generator: a cart transcript written twice in step, as
//! REFERENCE (every name right) and RAW (with injected mishearings). The two
//! differ only inside the recorded injection spans.

use std::ops::Range;

use crate::damage::{damage, Damaged, Guard, Op};
use crate::data::{
    ADJECTIVES, DAYS, FILLER, LANGS, MENTIONS, MONTHS, NOUNS, ORGS, PLACES, STAKEHOLDER_GROUPS,
    VERBS, WORD_NAME_SENTENCES,
};
use crate::people::{Gen, Part, Tok};
use crate::rng::Rng;

/// What an injected mistake is scored as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Phonetic,
    SplitMerge,
    Accent,
    TwoEdit,
    /// A letter doubled or undoubled (real-mix damage model only).
    Doubled,
    /// Another given name with the right surname (real-mix model only).
    OtherGiven,
    /// Any damage inside a speaker label.
    Label,
    /// Any damage to a given name said alone.
    GivenName,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Phonetic,
        Category::SplitMerge,
        Category::Accent,
        Category::TwoEdit,
        Category::Doubled,
        Category::OtherGiven,
        Category::Label,
        Category::GivenName,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::Phonetic => "phonetic",
            Category::SplitMerge => "split/merge",
            Category::Accent => "accent",
            Category::TwoEdit => "two-edit",
            Category::Doubled => "doubled",
            Category::OtherGiven => "other-given",
            Category::Label => "label",
            Category::GivenName => "given-name",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    Label,
    Text,
}

/// One injected mistake.
#[derive(Debug, Clone)]
pub struct Injection {
    /// Byte span in RAW (whole tokens).
    pub range: Range<usize>,
    /// What REFERENCE has there.
    pub reference: String,
    pub category: Category,
    pub op: Op,
    /// What exactly was done ("vowel", "split", ...).
    pub detail: String,
    pub site: Site,
}

/// What a recorded span of RAW is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A roster person named in running text.
    RosterName,
    /// A roster person's speaker label.
    RosterLabel,
    /// Someone not on the roster, named in running text.
    OutsiderName,
    /// Someone not on the roster, in a speaker label.
    OutsiderLabel,
    /// A common word that is also a name (Will, Grace, Mark...).
    WordName,
    /// A capitalised ordinary word (Monday, Geneva, Secretariat...).
    CapitalisedWord,
}

impl Class {
    pub const ALL: [Class; 6] = [
        Class::RosterName,
        Class::RosterLabel,
        Class::OutsiderName,
        Class::OutsiderLabel,
        Class::WordName,
        Class::CapitalisedWord,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Class::RosterName => "roster-name",
            Class::RosterLabel => "roster-label",
            Class::OutsiderName => "non-roster-name",
            Class::OutsiderLabel => "non-roster-label",
            Class::WordName => "word-name",
            Class::CapitalisedWord => "capitalised-word",
        }
    }
}

/// A recorded span of RAW: every name mention (damaged or not) and every
/// distractor word.
#[derive(Debug, Clone)]
pub struct Marked {
    pub range: Range<usize>,
    pub class: Class,
    /// Whether an injection lies inside it.
    pub injected: bool,
}

pub struct Config {
    pub words: usize,
    /// Share of running-text mentions of roster people that get damage.
    pub inject_rate: f64,
    /// Share of roster speakers' labels that get damage.
    pub label_rate: f64,
    /// Which damage model picks the kind of damage.
    pub model: DamageModel,
}

/// How the kind of each injected mishearing is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DamageModel {
    /// The first model: mostly sound-alike spellings (phonetic 50%, two
    /// edits 20%, split or merged 15%, accents 15%).
    Generated,
    /// Built from the class mix of the real mishearings in
    /// `name_eval/real/mishearings.csv`: accents 23%, another given name
    /// 20%, sound-alike 24% (with "other"), doubled letters 19%, split or
    /// merged 8%, two errors 6%.
    RealMix,
}

pub struct Transcript {
    pub raw: String,
    pub reference: String,
    /// In RAW order, never overlapping.
    pub injections: Vec<Injection>,
    /// In RAW order.
    pub marked: Vec<Marked>,
    pub words: usize,
    pub turns: usize,
    /// Roster mentions (labels, running text) whether damaged or not.
    pub roster_labels: usize,
    pub roster_text_mentions: usize,
    pub attendees: Vec<usize>,
    pub outsiders: Vec<Gen>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Roster(usize),
    Outsider(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Full,
    Title,
    Given,
    Poss,
    FullPoss,
}

struct Writer<'a> {
    roster: &'a [Gen],
    outsiders: &'a [Gen],
    attendees: &'a [usize],
    guard: Guard<'a>,
    cfg: &'a Config,
    rng: Rng,
    t: Transcript,
    line_start: usize,
}

/// Writes RAW and REFERENCE for `cfg`. `rng` drives every choice.
pub fn generate(
    cfg: &Config,
    roster: &[Gen],
    attendees: Vec<usize>,
    outsiders: Vec<Gen>,
    guard: Guard<'_>,
    rng: Rng,
) -> Transcript {
    let capacity = cfg.words * 7;
    let t = Transcript {
        raw: String::with_capacity(capacity),
        reference: String::with_capacity(capacity),
        injections: Vec::new(),
        marked: Vec::new(),
        words: 0,
        turns: 0,
        roster_labels: 0,
        roster_text_mentions: 0,
        attendees: Vec::new(),
        outsiders: Vec::new(),
    };
    let mut w = Writer {
        roster,
        outsiders: &outsiders,
        attendees: &attendees,
        guard,
        cfg,
        rng,
        t,
        line_start: 0,
    };
    w.run();
    let mut t = w.t;
    t.marked.sort_by_key(|m| (m.range.start, m.range.end));
    t.attendees = attendees;
    t.outsiders = outsiders;
    t
}

impl Writer<'_> {
    fn run(&mut self) {
        // A preamble without a speaker.
        for _ in 0..3 {
            self.filler();
            self.same(" ");
        }
        self.end_line();
        let chair = self.attendees.first().map(|&i| Who::Roster(i));
        let mut previous: Option<Who> = None;
        while self.t.words < self.cfg.words {
            let next = self.next_speaker(chair, previous);
            if let Some(chair) = chair {
                self.chair_turn(chair, previous, next);
            }
            self.speaker_turn(next);
            if self.rng.chance(0.08) {
                self.same("(Applause)");
                self.end_line();
            }
            previous = next;
        }
    }

    // ---- writing ------------------------------------------------------

    fn same(&mut self, s: &str) {
        self.t.raw.push_str(s);
        self.t.reference.push_str(s);
    }

    /// Writes a filler word, turning a preceding "a" into "an" before a vowel.
    fn word(&mut self, w: &str) {
        let vowel = w.starts_with(['a', 'e', 'i', 'o', 'u']);
        if vowel && (self.t.raw.ends_with(" a ") || self.t.raw.ends_with("\nA ")) {
            self.t.raw.insert(self.t.raw.len() - 1, 'n');
            self.t.reference.insert(self.t.reference.len() - 1, 'n');
        }
        self.same(w);
    }

    fn end_line(&mut self) {
        while self.t.raw.ends_with(' ') {
            self.t.raw.pop();
            self.t.reference.pop();
        }
        let line = &self.t.raw[self.line_start..];
        self.t.words += line.split_whitespace().filter(|w| *w != ">>").count();
        self.same("\n");
        self.line_start = self.t.raw.len();
    }

    fn mark(&mut self, range: Range<usize>, class: Class, injected: bool) {
        self.t.marked.push(Marked {
            range,
            class,
            injected,
        });
    }

    /// Writes a capitalised distractor word (or phrase).
    fn capitalised(&mut self, word: &str) {
        let start = self.t.raw.len();
        self.same(word);
        self.mark(start..self.t.raw.len(), Class::CapitalisedWord, false);
    }

    fn person(&self, who: Who) -> &Gen {
        match who {
            Who::Roster(i) => &self.roster[i],
            Who::Outsider(i) => &self.outsiders[i],
        }
    }

    fn title(&mut self, who: Who) -> &'static str {
        let female = self.person(who).female;
        let titles: [&str; 4] = if female {
            ["Ms.", "Dr.", "Ambassador", "Professor"]
        } else {
            ["Mr.", "Dr.", "Ambassador", "Professor"]
        };
        titles[self.rng.weighted(&[6, 2, 1, 1])]
    }

    fn pick_op(&mut self) -> Op {
        match self.cfg.model {
            DamageModel::Generated => Op::ALL[self.rng.weighted(&[50, 15, 15, 20])],
            DamageModel::RealMix => {
                const OPS: [Op; 6] = [
                    Op::Accent,
                    Op::OtherGiven,
                    Op::Phonetic,
                    Op::Doubled,
                    Op::SplitMerge,
                    Op::TwoEdit,
                ];
                OPS[self.rng.weighted(&[23, 20, 24, 19, 8, 6])]
            }
        }
    }

    /// `toks` with the given name of another roster person (of any
    /// region) in place of the person's own ("Matthew Okoro" for Thomas
    /// Okoro), when that makes nobody else's full name.
    fn other_given(&mut self, toks: &[Tok]) -> Option<Damaged> {
        let given: Vec<usize> = (0..toks.len())
            .filter(|&i| toks[i].part == Part::Given)
            .collect();
        let (&first, &last) = (given.first()?, given.last()?);
        if !toks.iter().any(|t| t.part == Part::Surname) {
            return None; // a given name alone: another name is no mishearing of it
        }
        let own = toks[first..=last]
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for _ in 0..6 {
            let other = &self.roster[self.rng.below(self.roster.len())];
            if other.given == own || other.given.is_empty() {
                continue;
            }
            let mut tokens: Vec<String> = toks[..first].iter().map(|t| t.text.clone()).collect();
            tokens.extend(other.given.split(' ').map(str::to_owned));
            tokens.extend(toks[last + 1..].iter().map(|t| t.text.clone()));
            if self.guard.roster.has_full(&tokens.join(" ")) {
                continue;
            }
            return Some(Damaged {
                tokens,
                op: Op::OtherGiven,
                detail: format!("given name {own} -> {}", other.given),
            });
        }
        None
    }

    /// Writes name tokens, damaged with probability `p` for roster people,
    /// and records the mention and any injection.
    fn name(&mut self, who: Who, toks: Vec<Tok>, site: Site, given_alone: bool, upper: bool) {
        let roster = matches!(who, Who::Roster(_));
        let class = match (roster, site) {
            (true, Site::Text) => Class::RosterName,
            (true, Site::Label) => Class::RosterLabel,
            (false, Site::Text) => Class::OutsiderName,
            (false, Site::Label) => Class::OutsiderLabel,
        };
        let case = |s: &str| {
            if upper {
                s.to_uppercase()
            } else {
                s.to_owned()
            }
        };
        let old: Vec<String> = toks.iter().map(|t| case(&t.text)).collect();
        let p = match site {
            Site::Text => self.cfg.inject_rate,
            Site::Label => self.cfg.label_rate,
        };
        let damaged = if roster && self.rng.chance(p) {
            let op = self.pick_op();
            let other = if op == Op::OtherGiven {
                self.other_given(&toks)
            } else {
                None
            };
            other.or_else(|| damage(&toks, op, &self.guard, &mut self.rng))
        } else {
            None
        };
        let start = self.t.raw.len();
        let Some(d) = damaged else {
            self.same(&old.join(" "));
            self.mark(start..self.t.raw.len(), class, false);
            return;
        };
        let new: Vec<String> = d.tokens.iter().map(|t| case(t)).collect();
        let (mid_old, mid_new) = crate::damage::changed(&old, &new);
        // Tokens before and after the change are the same in both lists.
        let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
        let suffix = old.len() - prefix - mid_old.len();
        let join_with_space = |tokens: &[String], trailing: bool| {
            let mut s = tokens.join(" ");
            if !tokens.is_empty() && trailing {
                s.push(' ');
            }
            s
        };
        let before = join_with_space(&old[..prefix], true);
        self.same(&before);
        let inj_start = self.t.raw.len();
        self.t.raw.push_str(&mid_new.join(" "));
        let reference = mid_old.join(" ");
        self.t.reference.push_str(&reference);
        let inj_end = self.t.raw.len();
        if suffix > 0 {
            self.same(" ");
            self.same(&old[old.len() - suffix..].join(" "));
        }
        let category = match site {
            Site::Label => Category::Label,
            Site::Text if given_alone => Category::GivenName,
            Site::Text => match d.op {
                Op::Phonetic => Category::Phonetic,
                Op::SplitMerge => Category::SplitMerge,
                Op::Accent => Category::Accent,
                Op::TwoEdit => Category::TwoEdit,
                Op::Doubled => Category::Doubled,
                Op::OtherGiven => Category::OtherGiven,
            },
        };
        self.t.injections.push(Injection {
            range: inj_start..inj_end,
            reference,
            category,
            op: d.op,
            detail: d.detail,
            site,
        });
        self.mark(start..self.t.raw.len(), class, true);
    }

    fn mention(&mut self, who: Who, form: Form) {
        if matches!(who, Who::Roster(_)) {
            self.t.roster_text_mentions += 1;
        }
        let g = self.person(who).clone();
        match form {
            Form::Full | Form::FullPoss => self.name(who, g.full_toks(), Site::Text, false, false),
            Form::Title => {
                let title = self.title(who);
                self.same(title);
                self.same(" ");
                self.name(who, g.family_toks(), Site::Text, false, false);
            }
            Form::Given => self.name(who, g.given_toks(), Site::Text, true, false),
            Form::Poss => self.name(who, g.family_toks(), Site::Text, false, false),
        }
        if matches!(form, Form::Poss | Form::FullPoss) {
            self.same("'s");
        }
    }

    fn label(&mut self, who: Option<Who>, chair: bool) {
        self.t.turns += 1;
        let Some(who) = who else {
            self.same(">> ");
            return;
        };
        self.same(">> ");
        let g = self.person(who).clone();
        let roster = matches!(who, Who::Roster(_));
        if roster {
            self.t.roster_labels += 1;
        }
        let r = self.rng.below(10);
        if chair && r < 4 {
            self.same("CHAIR ");
            self.name(who, g.family_toks(), Site::Label, false, true);
        } else if r < 2 {
            let title = self.title(who).to_uppercase();
            let title = match title.as_str() {
                "AMBASSADOR" | "PROFESSOR" => "DR.".to_owned(),
                _ => title,
            };
            self.same(&title);
            self.same(" ");
            self.name(who, g.family_toks(), Site::Label, false, true);
        } else {
            self.name(who, g.full_toks(), Site::Label, false, true);
        }
        self.same(": ");
    }

    // ---- sentences ------------------------------------------------------

    /// Renders a template; name slots take `people` in order.
    fn render(&mut self, template: &str, people: &[Who]) {
        let mut rest = template;
        let mut next_person = 0;
        while let Some(open) = rest.find('{') {
            self.same(&rest[..open]);
            let close = open + rest[open..].find('}').unwrap_or(rest.len() - open - 1);
            let slot = &rest[open + 1..close];
            rest = &rest[close + 1..];
            let form = match slot {
                "F" => Some(Form::Full),
                "T" => Some(Form::Title),
                "G" => Some(Form::Given),
                "P" => Some(Form::Poss),
                "FP" => Some(Form::FullPoss),
                _ => None,
            };
            if let Some(form) = form {
                let who = people[next_person.min(people.len() - 1)];
                next_person += 1;
                self.mention(who, form);
                continue;
            }
            match slot {
                "n" => {
                    let w = self.rng.pick(*NOUNS).0;
                    self.word(w);
                }
                "ns" => {
                    let w = self.rng.pick(*NOUNS).1;
                    self.word(w);
                }
                "a" => {
                    let w = *self.rng.pick(*ADJECTIVES);
                    self.word(w);
                }
                "v" => {
                    let w = *self.rng.pick(*VERBS);
                    self.word(w);
                }
                "num" => {
                    let n = self.rng.range(2, 400).to_string();
                    self.same(&n);
                }
                "place" => {
                    let w = *self.rng.pick(*PLACES);
                    self.capitalised(w);
                }
                "day" => {
                    let w = *self.rng.pick(*DAYS);
                    self.capitalised(w);
                }
                "month" => {
                    let w = *self.rng.pick(*MONTHS);
                    self.capitalised(w);
                }
                "org" => {
                    let w = *self.rng.pick(*ORGS);
                    self.capitalised(w);
                }
                "lang" => {
                    let w = *self.rng.pick(*LANGS);
                    self.capitalised(w);
                }
                "Internet" => self.capitalised("Internet"),
                other => panic!("unknown template slot {{{other}}}"),
            }
        }
        self.same(rest);
    }

    fn filler(&mut self) {
        let t = *self.rng.pick(*FILLER);
        self.render(t, &[]);
    }

    fn word_name_sentence(&mut self) {
        let t = *self.rng.pick(*WORD_NAME_SENTENCES);
        let start = self.t.raw.len();
        let first = t.split(' ').next().unwrap_or("");
        self.render(t, &[]);
        self.mark(start..start + first.len(), Class::WordName, false);
    }

    /// Someone to talk about: an attendee other than those in `exclude`
    /// (85%), else someone not on the roster.
    fn subject(&mut self, exclude: &[Who]) -> Option<Who> {
        let attendee =
            !self.attendees.is_empty() && (self.outsiders.is_empty() || self.rng.chance(0.85));
        for _ in 0..20 {
            let who = if attendee {
                Who::Roster(*self.rng.pick(self.attendees))
            } else {
                Who::Outsider(self.rng.below(self.outsiders.len()))
            };
            if !exclude.contains(&who) {
                return Some(who);
            }
        }
        None
    }

    fn mention_sentence(&mut self, speaker: Option<Who>) {
        let t = *self.rng.pick(*MENTIONS);
        let slots = ["{F}", "{T}", "{G}", "{P}", "{FP}"]
            .iter()
            .map(|s| t.matches(s).count())
            .sum::<usize>();
        let mut people: Vec<Who> = speaker.into_iter().collect();
        for _ in 0..slots {
            match self.subject(&people) {
                Some(who) => people.push(who),
                None => {
                    self.filler();
                    return;
                }
            }
        }
        let skip = usize::from(speaker.is_some());
        let chosen = people[skip..].to_vec();
        self.render(t, &chosen);
    }

    /// A sentence of a speaker's turn: a mention (22%), a word that is also
    /// a name (5%), or filler.
    fn body_sentence(&mut self, speaker: Option<Who>) {
        let r = self.rng.below(100);
        if r < 22 {
            self.mention_sentence(speaker);
        } else if r < 27 {
            self.word_name_sentence();
        } else {
            self.filler();
        }
    }

    // ---- turns ----------------------------------------------------------

    fn next_speaker(&mut self, chair: Option<Who>, previous: Option<Who>) -> Option<Who> {
        let r = self.rng.below(100);
        if r < 82 && self.attendees.len() > 1 {
            for _ in 0..20 {
                let who = Who::Roster(self.attendees[1 + self.rng.below(self.attendees.len() - 1)]);
                if Some(who) != previous && Some(who) != chair {
                    return Some(who);
                }
            }
        }
        if r < 95 && !self.outsiders.is_empty() {
            return Some(Who::Outsider(self.rng.below(self.outsiders.len())));
        }
        None
    }

    fn chair_turn(&mut self, chair: Who, previous: Option<Who>, next: Option<Who>) {
        self.label(Some(chair), true);
        if let Some(prev) = previous {
            let thanks = if self.rng.chance(0.5) {
                "Thank you, {T}."
            } else {
                "Thank you, {G}."
            };
            self.render(thanks, &[prev]);
            self.same(" ");
        }
        for _ in 0..self.rng.range(0, 2) {
            self.body_sentence(Some(chair));
            self.same(" ");
        }
        match next {
            Some(who) => {
                let t = *self.rng.pick(&[
                    "{G}, you have the floor.",
                    "I now give the floor to {F}.",
                    "{F}, please go ahead.",
                    "{T}, please.",
                ]);
                self.render(t, &[who]);
            }
            None => self.same("We have a question from the floor."),
        }
        self.end_line();
    }

    fn speaker_turn(&mut self, who: Option<Who>) {
        self.label(who, false);
        if who.is_some() && self.rng.chance(0.5) {
            self.same("Thank you, ");
            self.capitalised("Chair");
            self.same(". ");
        }
        if let Some(w) = who {
            if self.rng.chance(0.4) {
                self.render("{F}, ", &[w]);
                let group = *self.rng.pick(*STAKEHOLDER_GROUPS);
                self.same(group);
                self.same(", from ");
                let country = self.person(w).country;
                self.capitalised(country);
                self.same(". ");
            }
        }
        let n = if who.is_some() {
            self.rng.range(2, 6)
        } else {
            self.rng.range(1, 3)
        };
        for _ in 0..n {
            self.body_sentence(who);
            self.same(" ");
        }
        self.end_line();
        if who.is_some() {
            for _ in 0..self.rng.range(0, 2) {
                for _ in 0..self.rng.range(2, 5) {
                    self.body_sentence(who);
                    self.same(" ");
                }
                self.end_line();
            }
        }
    }
}
