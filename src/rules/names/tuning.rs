//! The name rules' tuning numbers, named, in one place. Each was kept only
//! while false changes stayed at zero on the evaluation's tuning seeds
//! (README, "How names are matched").

/// How much a fix must beat the best other person to be applied.
pub(super) const MARGIN: f32 = 0.05;

/// A person named correctly elsewhere in the file: likelier meant. One who
/// is not loses as much: with a large roster nearly every name is near
/// somebody, and the file tells who is actually there.
pub(super) const PRESENT: f32 = 0.08;

/// A person speaking the turn before or after ("Thank you, Joost" thanks
/// the last speaker, "Joost, you have the floor" calls the next).
pub(super) const NEIGHBOUR: f32 = 0.05;

/// The speaker of the turn the name is said in.
pub(super) const SPEAKER: f32 = 0.05;

/// The least score at which a given name said alone is evidence of a
/// person, and at which another present person could be meant by it.
pub(super) const GIVEN_NAME: f32 = 0.85;

/// The confidence of a name spelled right but for its accents or case,
/// before what the file says about the person.
pub(super) const SAME_BUT_ACCENTS: f32 = 0.95;

/// A title (Mr., President, Chair…) right before the name.
pub(super) const AFTER_TITLE: f32 = 0.05;

/// The captioner's own mark of a guessed spelling: `(phonetic)`, `(sp?)`.
pub(super) const MARKED: f32 = 0.1;

/// A single capitalised word opening a sentence: capitalised anyway.
pub(super) const SENTENCE_START: f32 = 0.05;

/// Uses of a label spelling, and how much rarer the other spelling may be,
/// above which both are taken for two people rather than one misheard.
pub(super) const TWO_PEOPLE_USES: usize = 5;
/// See [`TWO_PEOPLE_USES`]: the other spelling at most this many times as
/// used.
pub(super) const TWO_PEOPLE_RATIO: usize = 3;

/// The confidence of a suggestion that only the surname supports: another
/// given name with the surname of a person the file names.
pub(super) const OTHER_GIVEN_NAME: f32 = 0.6;

/// A whole name one slip away whose given name is said exactly, is no
/// common word and is only this person's on the roster ("Edmon Chun" for
/// Edmon Chung): that given name already says who is meant.
pub(super) const SOLE_GIVEN_NAME: f32 = 0.06;

/// A whole name whose surname is said exactly and is only this person's on
/// the roster, its given name one letter or the same sounds away ("Anya
/// Gengo" for Anja Gengo): the surname already says who is meant.
pub(super) const SOLE_SURNAME: f32 = 0.08;

/// The least score at which a label nothing else matched is suggested as a
/// person who speaks under another label of the file.
pub(super) const LABEL_NEAR_SPEAKER: f32 = 0.6;
