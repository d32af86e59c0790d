//! Turning the best candidate for a heard name into a proposal: its
//! confidence from the score and what the context says, its rule, whether
//! it may be applied at all, and the evidence for the review note.

use std::ops::Range;

use super::tuning::{
    AFTER_TITLE, GIVEN_NAME, MARGIN, MARKED, NEIGHBOUR, OTHER_GIVEN_NAME, PRESENT,
    SAME_BUT_ACCENTS, SENTENCE_START, SOLE_GIVEN_NAME, SOLE_SURNAME, SPEAKER,
};
use super::{Context, NameContext};
use crate::edit::{surest_first, Applicability, Finding, Rule, SpanSet, Weighed};
use crate::names::common::is_very_common;
use crate::names::fold::{fold, recase};
use crate::names::titles::{fits_role, is_personal_title, is_title};
use crate::names::{Candidate, FormKind, Heard, NameIndex};

/// Whether fixing `heard` to `replacement` drops a letter that carries an
/// accent: accents are typed on purpose, so the letter is text glued to the
/// name ("Markovskyé" of a repaired "MarkovskyÃ©"), not a mishearing of it.
/// Changing only the accent ("Macrón" for "Macron") drops nothing.
fn drops_accented_letter(heard: &str, replacement: &str) -> bool {
    let letters = |t: &str| fold(t).chars().filter(|c| c.is_alphabetic()).count();
    let kept = replacement.to_lowercase();
    letters(heard) > letters(replacement)
        && heard
            .chars()
            .filter(|c| c.is_alphabetic() && !c.is_ascii())
            .any(|c| c.to_lowercase().any(|l| !kept.contains(l)))
}

/// Whether `heard` says `form`'s first token exactly and each other token
/// with at most one letter added, dropped, changed or swapped, or the same
/// sounds.
fn one_slip_from_whole_name(heard: &str, form: &crate::names::Form) -> bool {
    let heard: Vec<String> = heard.split_whitespace().map(fold).collect();
    heard.len() == form.token_parts.len()
        && heard.len() > 1
        && heard[0] == form.token_parts[0].0
        && heard
            .iter()
            .zip(&form.token_parts)
            .skip(1)
            .all(|(h, part)| token_one_slip(h, part))
}

/// Whether the folded heard token `heard` is the form's token `(folded,
/// skeleton)` but for one letter added, dropped, changed or swapped, or
/// sounds the same; tokens under three letters are too short to tell.
fn token_one_slip(heard: &str, (folded, sound): &(String, String)) -> bool {
    heard.chars().count() >= 3
        && (crate::text::fold::edit_distance(heard, folded) <= 1
            || crate::names::fold::skeleton(heard) == *sound)
}

/// Whether the first word of `heard` is `form`'s person's given name, no
/// other roster person's, and no common word.
fn sole_given_name(index: &NameIndex, heard: &str, form: &crate::names::Form) -> bool {
    heard.split_whitespace().next().is_some_and(|given| {
        !crate::names::common::is_common(given)
            && index.sole_given_name_owner(given) == Some(form.person)
    })
}

/// Whether `heard` says `form`'s last token (its surname) exactly, that
/// surname is this person's alone on the roster and no common word, and
/// each other token is at most one letter or the same sounds away ("Anya
/// Gengo" for Anja Gengo): the surname already says who is meant.
fn slip_before_sole_surname(index: &NameIndex, heard: &str, form: &crate::names::Form) -> bool {
    let heard: Vec<String> = heard.split_whitespace().map(fold).collect();
    let Some((surname, given)) = form.token_parts.split_last() else {
        return false;
    };
    let Some(written) = form.text.split_whitespace().last() else {
        return false;
    };
    heard.len() == form.token_parts.len()
        && heard.len() > 1
        && heard.last() == Some(&surname.0)
        && !crate::names::common::is_common(written)
        && index.owners(written) == [form.person]
        && heard.iter().zip(given).any(|(h, (f, _))| h != f)
        && heard
            .iter()
            .zip(given)
            .all(|(h, part)| token_one_slip(h, part))
}

/// One proposed name fix before overlaps between windows are settled.
#[derive(Debug, Clone)]
pub(super) struct Proposal {
    pub(super) range: Range<usize>,
    pub(super) rule: Rule,
    pub(super) replacement: String,
    pub(super) confidence: f32,
    pub(super) applicability: Applicability,
    pub(super) note: String,
}

impl Weighed for Proposal {
    fn span(&self) -> &Range<usize> {
        &self.range
    }
    fn confidence(&self) -> f32 {
        self.confidence
    }
    fn rule(&self) -> Rule {
        self.rule
    }
}

pub(super) fn describe(index: &NameIndex, c: &Candidate) -> String {
    let form = &index.forms[c.form as usize];
    let person = &index.people[form.person as usize];
    let about = if person.about.is_empty() {
        String::new()
    } else {
        format!(", {}", person.about)
    };
    format!(
        "{} ({}{about}): {}",
        target_text(index, c),
        person.name,
        c.evidence
    )
}

pub(super) fn target_text<'i>(index: &'i NameIndex, c: &Candidate) -> &'i str {
    let form = &index.forms[c.form as usize];
    match form.target {
        Some(t) => &index.forms[t as usize].text,
        None => &form.text,
    }
}

/// Why a name proposal is as sure as it is, as the review note says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Evidence {
    InLabel,
    AfterTitle,
    Marked,
    NamedElsewhere,
    NamedByFixes,
    NotNamedElsewhere,
    SpeakerOfTurn,
    CommonWord,
    NeighbourTurn,
    GivenNameAlone,
    WrittenAlikeByAll,
    OnlyOneOfThatGivenName,
    CloseToAnother,
    NotEnglish,
    DropsAccentedLetter,
    SoleGivenName,
    SoleSurname,
    PublicFigure,
    TitleOfOffice,
    SurnameMisheardToo,
    HeardAsSaid,
}

impl Evidence {
    /// The note's words for it.
    pub(super) fn text(self) -> &'static str {
        match self {
            Evidence::InLabel => "in a speaker label",
            Evidence::AfterTitle => "after a title",
            Evidence::Marked => "the captioner marked the spelling as a guess",
            Evidence::NamedElsewhere => "named correctly elsewhere in the file",
            Evidence::NamedByFixes => "named in the file only by fixes, this one or others",
            Evidence::NotNamedElsewhere => "not named elsewhere in the file",
            Evidence::SpeakerOfTurn => "the speaker of this turn",
            Evidence::CommonWord => "also a common word",
            Evidence::NeighbourTurn => "speaks in the turn before or after",
            Evidence::GivenNameAlone => "a given name without the surname",
            Evidence::WrittenAlikeByAll => {
                "written so by every person of that given name in the file"
            }
            Evidence::OnlyOneOfThatGivenName => "the only person of that given name in the file",
            Evidence::CloseToAnother => "close to another person",
            Evidence::NotEnglish => "in text that is not English",
            Evidence::DropsAccentedLetter => "the fix would drop an accented letter",
            Evidence::SoleGivenName => "given name said right, and only this person's",
            Evidence::SoleSurname => "surname said right, and only this person's",
            Evidence::PublicFigure => "a public figure of the built-in roster",
            Evidence::TitleOfOffice => "after the title of their office",
            Evidence::HeardAsSaid => {
                "like the name as its own language says it, which English spells otherwise"
            }
            Evidence::SurnameMisheardToo => {
                "the words after the given name sound like the surname, misheard too"
            }
        }
    }
}

/// How a built-in public figure stands in the file: named (or not a
/// built-in person at all), introduced by the title of their office, or a
/// stranger whose like name is more likely somebody else's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    Named,
    Introduced,
    Stranger,
}

/// What the text around a heard name says.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Clues<'t> {
    /// A title (Mr., President, Chair…) stands right before it.
    pub(super) title: bool,
    /// The captioner marked the spelling as a guess: `(phonetic)`, `(sp?)`.
    pub(super) marked: bool,
    /// A single token opening a sentence: capitalised anyway.
    pub(super) sentence_start: bool,
    /// Every token is also a common English word.
    pub(super) common: bool,
    /// It is a speaker label.
    pub(super) label: bool,
    /// The roster person speaking this turn, if known.
    pub(super) speaker: Option<u32>,
    /// The roster people speaking the turns before and after.
    pub(super) neighbours: [Option<u32>; 2],
    /// The match is against the file's own speakers, not the roster.
    pub(super) from_document: bool,
    /// Running text not in English: the guards against common words do
    /// not know its words, so a name is only suggested.
    pub(super) not_english: bool,
    /// The title said right before ("Prime Minister"), or "".
    pub(super) title_words: &'t str,
    /// The rest of the segment after the heard text.
    pub(super) after: &'t str,
}

/// Turns the best candidate for `heard` into a proposal: the similarity
/// score, adjusted by what the context says, decides the confidence; the
/// guards decide whether it may be applied at all.
pub(super) fn propose(
    names: &NameContext<'_>,
    index: &NameIndex,
    found: &[Candidate],
    heard: &str,
    range: Range<usize>,
    clues: Clues<'_>,
) -> Option<Proposal> {
    let single = !heard.contains(' ');
    // What the file says about each candidate person: named correctly (or
    // corrected) elsewhere, speaking this turn. With a large roster nearly
    // every name is near somebody; the file tells who is actually there.
    // A built-in public figure the file does not otherwise name is
    // somebody else with a like name, unless a title naming their office
    // introduces them ("President Marcon"): "Mr. Brown" is not Gaston
    // Browne, and a whole name like theirs is only suggested.
    let standing = |person: u32| {
        let figure = &index.people[person as usize];
        if !figure.builtin
            || clues.from_document
            || names.doc.mentioned.contains(&person)
            || names.doc.label_people.contains(&person)
        {
            Standing::Named
        } else if fits_role(clues.title_words, &figure.role) {
            Standing::Introduced
        } else {
            Standing::Stranger
        }
    };
    let context = |c: &Candidate| -> f32 {
        let person = index.forms[c.form as usize].person;
        if clues.from_document {
            return 0.0;
        }
        // The title of a public figure's office says who is meant as
        // surely as their name written elsewhere.
        let present =
            names.doc.mentioned.contains(&person) || standing(person) == Standing::Introduced;
        let mut bonus = if present { PRESENT } else { -PRESENT };
        if clues.neighbours.contains(&Some(person)) {
            bonus += NEIGHBOUR;
        }
        if clues.speaker == Some(person) {
            bonus += SPEAKER;
        }
        bonus
    };
    // A reading is a lead only where no spelling is: it never outranks one.
    let is_reading = |c: &Candidate| index.forms[c.form as usize].kind == FormKind::Reading;
    let spelled = found.iter().any(|c| !is_reading(c));
    let mut ranked: Vec<(f32, &Candidate)> = found
        .iter()
        .filter(|c| !(spelled && is_reading(c)))
        .filter(|c| {
            let stranger = standing(index.forms[c.form as usize].person) == Standing::Stranger;
            !stranger || !single && !clues.common
        })
        .map(|c| (c.score + context(c), c))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.form.cmp(&b.1.form)));
    let &(adjusted, best) = ranked.first()?;
    // A reading ("Chian" for Qian) leads to the form it reads: judged as
    // that form, and only suggested.
    let read = index.forms[best.form as usize].kind == FormKind::Reading;
    let form = match index.forms[best.form as usize].target {
        Some(target) if read => &index.forms[target as usize],
        _ => &index.forms[best.form as usize],
    };
    // A lone word loosely like a given name is no evidence, unless it is
    // one letter or sound away from the given name of a person the file
    // names ("Ana" where Anna Berg speaks), follows a title, or is followed
    // by words like the person's surname ("Ushe tori-Cory" for Yushi
    // Torigoe): then it is suggested.
    let near_present = single && !clues.from_document && near_present_given(names, heard, best);
    let near_sole = single && !clues.from_document && near_sole_given(index, heard, best.form);
    if form.kind == FormKind::Given
        && single
        && best.score < GIVEN_NAME
        && !near_present
        && !near_sole
        && !(clues.title && is_personal_title(clues.title_words))
        && surname_heard_after(index, form, clues.after).is_none()
    {
        return None;
    }
    // In another language a lone word like a roster name is most often a
    // word of that language ("Mašina", "Amour"): only the people the file
    // names, a known mishearing or a title make it a name.
    if clues.not_english
        && single
        && !clues.title
        && !clues.label
        && form.kind != FormKind::Misheard
        && !names.doc.mentioned.contains(&form.person)
    {
        return None;
    }
    // "Will", "Grace", "Hope" and their kind stay words; common words
    // together may still be a person the file names ("John Car" where John
    // Carr speaks): suggested, or applied when they sound just as the name.
    let present_whole_name = !single
        && !clues.from_document
        && form.kind == FormKind::Full
        && names.doc.mentioned.contains(&form.person);
    // Or the whole name of somebody the file does not name, given name
    // right and the rest one slip away ("John Car" for John Carr): too
    // doubtful to apply, too near to pass in silence.
    let near_whole_name = !single
        && !clues.from_document
        && form.kind == FormKind::Full
        && one_slip_from_whole_name(heard, form);
    let figure = standing(form.person);
    let said = said_form(target_text(index, best), heard);
    // Only accents or case differ, from the whole name or from the part of
    // it that was said.
    let exact_fold = best.exact_fold || fold(&said) == fold(heard);
    if clues.common
        && !exact_fold
        && !clues.title
        && !near_present
        && !near_sole
        && !present_whole_name
        && !near_whole_name
    {
        return None;
    }
    let replacement = recase(&said, heard);
    if replacement == heard {
        return None;
    }
    let runner_up = ranked.iter().find(|(_, c)| {
        index.forms[c.form as usize].person != form.person
            && target_text(index, c) != target_text(index, best)
    });
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut applicability = Applicability::Scored;
    let rule = rule_for(form.kind, exact_fold, &clues);
    if clues.label {
        evidence.push(Evidence::InLabel);
    }
    let mentioned = names.doc.mentioned.contains(&form.person);
    let mut confidence = if exact_fold {
        // Spelled right but for accents: a whole name, a label or a name
        // after a title is that person whether or not the file names them
        // elsewhere; a lone word may still be somebody else's.
        let whole = !single || clues.label || clues.title;
        SAME_BUT_ACCENTS
            + if whole {
                context(best).max(0.0)
            } else {
                context(best)
            }
    } else {
        adjusted
    };
    if rule == Rule::KnownMisheardName {
        applicability = Applicability::Always;
        confidence = 1.0;
    } else {
        if clues.title {
            confidence += AFTER_TITLE;
            evidence.push(Evidence::AfterTitle);
        }
        if clues.marked {
            confidence += MARKED;
            evidence.push(Evidence::Marked);
        }
        if near_whole_name && sole_given_name(index, heard, form) {
            confidence += SOLE_GIVEN_NAME;
            evidence.push(Evidence::SoleGivenName);
        }
        if !clues.from_document
            && form.kind == FormKind::Full
            && slip_before_sole_surname(index, heard, form)
        {
            confidence += SOLE_SURNAME;
            evidence.push(Evidence::SoleSurname);
        }
        if clues.sentence_start && single && !clues.title {
            confidence -= SENTENCE_START;
        }
        if !clues.from_document {
            evidence.push(if mentioned && names.doc.named_only_by_fixes(form.person) {
                Evidence::NamedByFixes
            } else if mentioned {
                Evidence::NamedElsewhere
            } else {
                Evidence::NotNamedElsewhere
            });
        }
        if !clues.from_document && clues.speaker == Some(form.person) {
            evidence.push(Evidence::SpeakerOfTurn);
        }
        // Words together that sound just as the whole name of a person
        // the file names are that person ("Jon Carr", "John Car" where John
        // Carr speaks): common words or not, the fix is applied.
        let sounds_as_present_name =
            present_whole_name && heard_skeleton_is(heard, &index.forms[best.form as usize]);
        // A rarer word that is a name too ("Frederic"), written as the
        // name of a person who speaks under a label of the file but for
        // its accents, is that person's name: the label says who is there.
        let labelled_accents = exact_fold
            && single
            && !clues.from_document
            && names.doc.label_people.contains(&form.person)
            && !is_very_common(heard);
        if clues.common && !clues.title && !sounds_as_present_name && !labelled_accents {
            applicability = Applicability::Suggest;
            evidence.push(Evidence::CommonWord);
        }
        if form.kind == FormKind::Given {
            let (sure, why) = given_name_alone(names, index, &ranked, best, &clues);
            if !sure {
                applicability = Applicability::Suggest;
            }
            evidence.push(why);
        }
        if let Some((r, _)) = runner_up {
            if r + MARGIN > adjusted {
                applicability = Applicability::Suggest;
                evidence.push(Evidence::CloseToAnother);
            }
        }
        if clues.from_document {
            applicability = Applicability::Suggest;
        }
        match figure {
            Standing::Named => {}
            Standing::Introduced => evidence.push(Evidence::TitleOfOffice),
            Standing::Stranger => {
                applicability = Applicability::Suggest;
                evidence.push(Evidence::PublicFigure);
            }
        }
        if clues.not_english {
            applicability = Applicability::Suggest;
            evidence.push(Evidence::NotEnglish);
        }
        if drops_accented_letter(heard, &replacement) {
            applicability = Applicability::Suggest;
            evidence.push(Evidence::DropsAccentedLetter);
        }
    }
    if read {
        applicability = Applicability::Suggest;
        evidence.push(Evidence::HeardAsSaid);
    }
    // A given name followed by words like the person's surname, both
    // misheard ("Ushe tori-Cory" for Yushi Torigoe): fixing the given name
    // alone would leave half a name wrong; the whole name is suggested.
    let lone_given = form.kind == FormKind::Given && single && rule != Rule::KnownMisheardName;
    let surname_after = lone_given
        .then(|| surname_heard_after(index, form, clues.after))
        .flatten();
    let (range, replacement) = match surname_after {
        Some(len) => {
            applicability = Applicability::Suggest;
            evidence.push(Evidence::SurnameMisheardToo);
            let whole = &index.people[form.person as usize].name;
            (range.start..range.end + len, recase(whole, heard))
        }
        None => (range, replacement),
    };
    let mut note = describe(index, best);
    for e in &evidence {
        note.push_str("; ");
        note.push_str(e.text());
    }
    if let Some((_, r)) = runner_up {
        note.push_str(&format!("; next best {}", target_text(index, r)));
    }
    Some(Proposal {
        range,
        rule,
        replacement,
        confidence: confidence.clamp(0.0, 1.0),
        applicability,
        note,
    })
}

/// Bytes of `after` (the text after a given name) that are the surname of
/// `form`'s person heard wrong: the next one or two words, none of them
/// common or a word of a roster name, when together they spell or sound at
/// least [`SURNAME_AFTER`] like it.
fn surname_heard_after(index: &NameIndex, form: &crate::names::Form, after: &str) -> Option<usize> {
    if !after.starts_with(' ') {
        return None;
    }
    let surname = index
        .forms_of(form.person)
        .find(|(_, f)| f.kind == FormKind::Surname)?
        .1;
    let mut end = 0;
    for token in crate::names::tokens(after).into_iter().take(2) {
        // Only spaces between the words: punctuation ends the name.
        if !after[end..token.range.start]
            .chars()
            .all(char::is_whitespace)
        {
            return None;
        }
        end = token.range.end;
        // A common word ends the name; so does the surname said right, or
        // any word of a roster name ("Rishi" is somebody's surname).
        let word = &after[token.range];
        if crate::names::common::is_common(word) || index.is_name_token(word) {
            return None;
        }
        // Pieces are heard apart or together at random: they count joined.
        let joined: String = after[..end]
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}' | '\u{2011}'))
            .collect();
        let heard = crate::names::Heard::new(&joined);
        if crate::names::score(&heard, surname).0 >= SURNAME_AFTER {
            return Some(end);
        }
    }
    None
}

/// How alike the words after a given name must be to its person's surname
/// to be taken for it, misheard (see [`surname_heard_after`]).
const SURNAME_AFTER: f32 = 0.6;

/// Whether `heard` has the sound skeleton of `form`.
fn heard_skeleton_is(heard: &str, form: &crate::names::Form) -> bool {
    crate::text::fold::skeleton(&fold(heard)) == form.skeleton
}

/// Whether `c` is the given name of a person the file names and `heard`
/// is one slip from it: one letter added, dropped, changed or swapped, or
/// the same sounds ("Ana", "Tem", "Anya" where Anna, Tim, Anja take part).
pub(super) fn near_present_given(names: &NameContext<'_>, heard: &str, c: &Candidate) -> bool {
    let form = &names.index.forms[c.form as usize];
    if form.kind != FormKind::Given
        || !names.doc.mentioned.contains(&form.person)
        || is_very_common(heard)
    {
        return false; // "There" is not Thierry, even after "Chair."
    }
    super::one_slip(&Heard::new(heard), form)
}

/// The given name of the one person who speaks under a label of the file
/// that the lone word `heard` is, said without the vowels it opens with
/// and one letter at most otherwise ("Lenora" for Eleonora, "Manuel" for
/// Emmanuel, "Relio" for Aurelio): an unstressed first vowel sound is
/// easily lost, and the labels say who is there.
pub(super) fn lost_first_vowel(names: &NameContext<'_>, heard: &str) -> Option<Candidate> {
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let folded = fold(heard);
    if folded.chars().count() < 4
        || folded.starts_with(is_vowel)
        || heard.contains(char::is_whitespace)
        || is_very_common(heard)
        || names.index.is_name_token(heard)
    {
        return None;
    }
    // A rarer English word ("Mali") must be the rest of the name exactly
    // but for doubled letters ("Manuel" for Emmanuel), not one letter off
    // it (Amani).
    let single_letters = |s: &str| {
        let mut out: Vec<char> = s.chars().collect();
        out.dedup();
        out
    };
    let word = crate::names::common::is_common(heard).then(|| single_letters(&folded));
    let near = |rest: &str| match &word {
        Some(word) => single_letters(rest) == *word,
        None => crate::text::fold::edit_distance(&folded, rest) <= 1,
    };
    let index = names.index;
    let form = super::one_labelled_given_name(names, |_, form| {
        let rest = form.folded.trim_start_matches(is_vowel);
        rest.len() < form.folded.len()
            && near(rest)
            && !index.people[form.person as usize].never.contains(&folded)
    })?;
    Some(Candidate {
        form,
        score: crate::names::score(&Heard::new(heard), &index.forms[form as usize]).0,
        exact_fold: false,
        evidence: "said without its first vowel sound",
    })
}

/// The suggestion of `found` (see [`lost_first_vowel`]) for `heard`: only
/// suggested, as the word may be another person's name.
pub(super) fn lost_first_vowel_proposal(
    names: &NameContext<'_>,
    found: &Candidate,
    heard: &str,
    range: Range<usize>,
) -> Proposal {
    Proposal {
        range,
        rule: Rule::MisheardName,
        replacement: recase(target_text(names.index, found), heard),
        confidence: found.score,
        applicability: Applicability::Suggest,
        note: format!(
            "{}; speaks under a label of this file; a given name alone",
            describe(names.index, found)
        ),
    }
}

/// Whether `form` is a given name only one roster person has, from the
/// user's roster (a public figure's given name alone is somebody else's:
/// "President Petro" is not Petr Pavel), and `heard`, no very common word
/// and no roster name's word, is one slip from it ("Mukdar" for Moctar,
/// "Anya" for Anja, where the file does not name them): too doubtful to
/// apply, too near to pass in silence.
pub(super) fn near_sole_given(index: &NameIndex, heard: &str, form: u32) -> bool {
    let form = &index.forms[form as usize];
    let near = || {
        let heard = Heard::new(heard);
        // A rarer word that is also a name ("Anya", "Lima") must be one
        // letter away: the same sounds alone make "Lima" Li Mei.
        if crate::names::common::is_common(&heard.folded) {
            crate::text::fold::edit_distance(&heard.folded, &form.folded) <= 1
        } else {
            super::one_slip(&heard, form)
        }
    };
    form.kind == FormKind::Given
        && !index.people[form.person as usize].builtin
        && !is_very_common(heard)
        && !index.is_name_token(heard)
        && index.sole_given_name_owner(&form.text) == Some(form.person)
        && near()
}

/// A heard name of two or more tokens whose last is the surname of exactly
/// one person who speaks in the file, with another given name ("Matthew Okoro"
/// where Thomas Okoro speaks): that person is suggested, never applied, as
/// two relatives or namesakes may share a surname.
pub(super) fn other_given_name(
    names: &NameContext<'_>,
    words: &[&str],
    heard: &str,
    range: Range<usize>,
    label: bool,
) -> Option<Proposal> {
    let (&surname, given) = words.split_last()?;
    if given.is_empty() || given.iter().any(|w| is_title(w)) {
        return None;
    }
    let index = names.index;
    // Present by a speaker label: a surname said anywhere, this one
    // included, would make its owner "named in the file".
    let mut present = index
        .owners(surname)
        .iter()
        .copied()
        .filter(|&p| names.doc.mentioned.contains(&p) && names.doc.label_people.contains(&p))
        .filter(|&p| {
            index
                .forms_of(p)
                .any(|(_, f)| f.kind == FormKind::Surname && f.folded == fold(surname))
        });
    let person = present.next()?;
    if present.next().is_some() {
        return None;
    }
    let name = &index.people[person as usize].name;
    let replacement = recase(name, heard);
    if fold(&replacement) == fold(heard) {
        return None;
    }
    let mut note = name.to_string();
    let about = &index.people[person as usize].about;
    if !about.is_empty() {
        note.push_str(&format!(" ({about})"));
    }
    note.push_str(": the surname of a person named in the file, with another given name");
    Some(Proposal {
        range,
        rule: if label {
            Rule::SpeakerLabelName
        } else {
            Rule::MisheardName
        },
        replacement,
        confidence: OTHER_GIVEN_NAME,
        applicability: Applicability::Suggest,
        note,
    })
}

/// The name as it was said: of a name of three tokens or more, the first
/// and the last when those two were said ("Flavio Wagner" is fixed to
/// "Flávio Wagner", not to "Flávio Rech Wagner").
fn said_form(name: &str, heard: &str) -> String {
    let parts: Vec<&str> = name.split_whitespace().collect();
    let said: Vec<&str> = heard.split_whitespace().collect();
    match (parts.as_slice(), said.as_slice()) {
        ([first, .., last], [said_first, said_last])
            if parts.len() > 2
                && fold(first) == fold(said_first)
                && fold(last) == fold(said_last) =>
        {
            format!("{first} {last}")
        }
        _ => name.to_owned(),
    }
}

/// The rule a fix to a form of `kind` falls under.
fn rule_for(kind: FormKind, exact_fold: bool, clues: &Clues) -> Rule {
    if kind == FormKind::Misheard {
        Rule::KnownMisheardName
    } else if clues.from_document {
        Rule::DocumentSpeakerName
    } else if exact_fold {
        Rule::NameAccents
    } else if clues.label {
        Rule::SpeakerLabelName
    } else {
        Rule::MisheardName
    }
}

/// Whether a given name said alone (`best`) may be applied as its person's,
/// and why: only when nobody else named in the file could be meant, or when
/// all who could be meant write it alike (three Joosts: "Juost" is still
/// "Joost"), or when the person speaks in the turn before or after.
fn given_name_alone(
    names: &NameContext<'_>,
    index: &NameIndex,
    ranked: &[(f32, &Candidate)],
    best: &Candidate,
    clues: &Clues,
) -> (bool, Evidence) {
    let person = index.forms[best.form as usize].person;
    let target = target_text(index, best);
    let mut alike = 0;
    let mut others = 0;
    for (_, c) in ranked {
        let p = index.forms[c.form as usize].person;
        if p == person || c.score < GIVEN_NAME || !names.doc.mentioned.contains(&p) {
            continue;
        }
        if target_text(index, c) == target {
            alike += 1;
        } else {
            others += 1;
        }
    }
    let neighbour = clues.neighbours.contains(&Some(person));
    if neighbour && others == 0 {
        (true, Evidence::NeighbourTurn)
    } else if !names.doc.mentioned.contains(&person) || others > 0 {
        (false, Evidence::GivenNameAlone)
    } else if alike > 0 {
        (true, Evidence::WrittenAlikeByAll)
    } else {
        (true, Evidence::OnlyOneOfThatGivenName)
    }
}

pub(super) fn emit(ctx: &Context<'_>, mut proposals: Vec<Proposal>, out: &mut Vec<Finding>) {
    proposals.sort_by(surest_first);
    let mut taken = SpanSet::default();
    for p in proposals {
        if taken.conflicts(&p.range) || !ctx.enabled(p.rule) {
            continue;
        }
        taken.insert(p.range.clone(), ());
        out.push(
            Finding::new(
                p.rule,
                p.range,
                p.replacement,
                p.applicability,
                p.confidence,
            )
            .with_note(p.note),
        );
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::dict::Roster;
    use crate::names::document::{DocNames, Turns};
    use crate::names::{candidates, Heard};

    const ROSTER: &str =
        "name,misheard\nEmmanuel Macron,Marcon\nJoost van Dijk,\nJoost Bakker,\nAna Silva,\nIngvild Haraldsen,\n";

    /// The proposal for `heard` with `clues`, in a file that names
    /// `present` correctly elsewhere.
    fn proposal(heard: &str, present: &[&str], clues: Clues) -> Option<Proposal> {
        proposal_in(ROSTER, heard, present, clues)
    }

    /// [`proposal`] with a roster of its own.
    fn proposal_in(roster: &str, heard: &str, present: &[&str], clues: Clues) -> Option<Proposal> {
        let index = NameIndex::new(&Roster::parse(Path::new("r.csv"), roster).unwrap());
        let mut doc = DocNames::default();
        doc.add_mentions(&index, present.iter().map(|p| index.owners(p)[0]));
        let turns = Turns::default();
        let names = NameContext {
            index: &index,
            doc: &doc,
            turns: &turns,
            shared: Default::default(),
        };
        let found = candidates(&index, &Heard::new(heard));
        propose(&names, &index, &found, heard, 0..heard.len(), clues)
    }

    #[test]
    fn a_listed_mishearing_is_applied_with_full_confidence() {
        let p = proposal("Marcon", &[], Clues::default()).unwrap();
        assert_eq!(p.rule, Rule::KnownMisheardName);
        assert_eq!(p.replacement, "Macron");
        assert_eq!(p.applicability, Applicability::Always);
        assert_eq!(p.confidence, 1.0);
    }

    #[test]
    fn the_file_and_a_title_raise_the_confidence() {
        let absent = proposal("Emanuel Macrone", &[], Clues::default()).unwrap();
        let present = proposal("Emanuel Macrone", &["Emmanuel Macron"], Clues::default()).unwrap();
        let titled = Clues {
            title: true,
            ..Clues::default()
        };
        let after_title = proposal("Emanuel Macrone", &["Emmanuel Macron"], titled).unwrap();
        assert!(present.confidence > absent.confidence);
        assert!(after_title.confidence >= present.confidence);
        assert!(present.note.contains(Evidence::NamedElsewhere.text()));
        assert!(after_title.note.contains(Evidence::AfterTitle.text()));
    }

    #[test]
    fn a_given_name_alone_of_two_present_people_is_only_suggested() {
        let two = proposal(
            "Juost",
            &["Joost van Dijk", "Joost Bakker"],
            Clues::default(),
        );
        // Both write it "Joost": the fix is right whoever is meant.
        let p = two.unwrap();
        assert_eq!(p.replacement, "Joost");
        assert!(
            p.note.contains(Evidence::WrittenAlikeByAll.text()),
            "{}",
            p.note
        );
        // Nobody of that given name named in the file: only suggested.
        let p = proposal("Juost", &[], Clues::default()).unwrap();
        assert_eq!(p.applicability, Applicability::Suggest);
        assert!(p.note.contains(Evidence::GivenNameAlone.text()));
    }

    #[test]
    fn a_common_word_alone_stays_a_word_and_other_languages_only_get_suggestions() {
        let common = Clues {
            common: true,
            ..Clues::default()
        };
        // Proposed as a name, but not when every token is a common word.
        assert!(proposal("Silvah", &["Ana Silva"], Clues::default()).is_some());
        assert!(proposal("Silvah", &["Ana Silva"], common).is_none());
        let foreign = Clues {
            not_english: true,
            ..Clues::default()
        };
        let p = proposal("Emanuel Macrone", &["Emmanuel Macron"], foreign).unwrap();
        assert_eq!(p.applicability, Applicability::Suggest);
        assert!(p.note.ends_with(Evidence::NotEnglish.text()), "{}", p.note);
    }

    #[test]
    fn a_fix_that_drops_an_accented_letter_is_only_suggested() {
        let glued = proposal("Macroné", &["Emmanuel Macron"], Clues::default()).unwrap();
        assert_eq!(glued.applicability, Applicability::Suggest);
        assert!(glued.note.contains(Evidence::DropsAccentedLetter.text()));
        // The same without the accent, or only the accent changed: applicable.
        let plain = proposal("Macrone", &["Emmanuel Macron"], Clues::default()).unwrap();
        assert_eq!(plain.applicability, Applicability::Scored);
        let accent = proposal("Macrón", &["Emmanuel Macron"], Clues::default()).unwrap();
        assert!(!accent.note.contains(Evidence::DropsAccentedLetter.text()));
    }

    #[test]
    fn common_words_one_slip_from_a_whole_name_are_suggested() {
        let common = Clues {
            common: true,
            ..Clues::default()
        };
        // Nobody named in the file, yet given name right and surname one
        // letter off: doubtful, so suggested, never silent.
        let p = proposal("Joost Baker", &[], common).unwrap();
        assert_eq!(p.replacement, "Joost Bakker");
        assert_eq!(p.applicability, Applicability::Suggest);
        // Two slips away, or the given name wrong: common words stay words.
        assert!(proposal("Joost Bikes", &[], common).is_none());
        assert!(proposal("Just Bakker", &[], common).is_none());
    }

    #[test]
    fn a_given_name_only_one_person_has_raises_a_near_whole_name() {
        let sole = proposal("Ingvild Haraldson", &[], Clues::default()).unwrap();
        assert!(
            sole.note.contains(Evidence::SoleGivenName.text()),
            "{}",
            sole.note
        );
        // Two people are called Joost: the given name says nothing.
        let shared = proposal("Joost Bakkker", &[], Clues::default()).unwrap();
        assert!(
            !shared.note.contains(Evidence::SoleGivenName.text()),
            "{}",
            shared.note
        );
    }
    #[test]
    fn a_given_name_one_slip_before_a_surname_only_one_person_has_is_fixed() {
        let label = Clues {
            label: true,
            ..Clues::default()
        };
        let roster = "name\nAnja Gengo\nNnenna Nwakanma\nPeter Brown\n";
        for (heard, right) in [
            ("ANYA GENGO", "ANJA GENGO"),
            ("NENA NWAKANMA", "NNENNA NWAKANMA"),
        ] {
            let p = proposal_in(roster, heard, &[], label).unwrap();
            assert_eq!(p.replacement, right);
            assert!(p.note.contains(Evidence::SoleSurname.text()), "{}", p.note);
            assert!(
                p.confidence >= crate::edit::DEFAULT_AUTO_THRESHOLD,
                "{heard}: {}",
                p.confidence
            );
        }
        // A surname two people have, or one that is a common word, or a
        // given name two slips away: the surname alone says nothing.
        let shared = "name\nAnja Gengo\nMarko Gengo\n";
        let p = proposal_in(shared, "ANYA GENGO", &[], label).unwrap();
        assert!(!p.note.contains(Evidence::SoleSurname.text()), "{}", p.note);
        let common = proposal_in(roster, "PETRA BROWN", &[], label);
        assert!(common.is_none_or(|p| !p.note.contains(Evidence::SoleSurname.text())));
        let far = proposal_in(roster, "ANYAH GENGO", &[], label);
        assert!(far.is_none_or(|p| !p.note.contains(Evidence::SoleSurname.text())));
    }

    #[test]
    fn a_lone_word_one_sound_from_a_given_name_only_one_person_has_is_suggested() {
        let roster = "name\nMoctar Yedaly\nBob Smith\n";
        // Nobody in the file is called so: suggested, never applied.
        let p = proposal_in(roster, "Mukdar", &[], Clues::default()).unwrap();
        assert_eq!(p.replacement, "Moctar");
        assert_eq!(p.applicability, Applicability::Suggest);
        // Two people have that given name: nobody is meant.
        let shared = "name\nMoctar Yedaly\nMoctar Diallo\n";
        assert!(proposal_in(shared, "Mukdar", &[], Clues::default()).is_none());
    }

    #[test]
    fn words_after_a_given_name_are_its_surname_misheard_only_if_near_and_not_it() {
        let index =
            NameIndex::new(&Roster::parse(Path::new("r.csv"), "name\nYushi Torigoe\n").unwrap());
        let (_, given) = index
            .forms_of(0)
            .find(|(_, f)| f.kind == FormKind::Given)
            .unwrap();
        let after = |text: &str| surname_heard_after(&index, given, text);
        assert_eq!(
            after(" tori\u{2011}Cory, who spoke"),
            Some(" tori\u{2011}Cory".len())
        );
        // Said right, with or without a possessive: not misheard.
        assert_eq!(after(" Torigoe's point"), None);
        assert_eq!(after(" Torigoe\u{2019}s point"), None);
        assert_eq!(after(" Torigoe spoke"), None);
        // Common words, a word of a roster name, or nothing like the surname.
        assert_eq!(after(" to report"), None);
        assert_eq!(after(" Yushi"), None);
        assert_eq!(after(" Bartholomew"), None);
        assert_eq!(after(", tori-Cory"), None);
    }
}
