//! Punctuation and typography (P…): the house style. One scanner per
//! segment runs the rules in a fixed order and lets a rule claim the spaces
//! it rewrites, so two rules never propose overlapping edits and a second
//! run finds nothing left to do.

use std::ops::Range;

use super::{Context, Rule};
use crate::edit::{Applicability, Finding, SpanSet};
use crate::formats::{Role, Segment};
use crate::text::protect::{overlaps_any, protected_spans};

pub use crate::settings::DashStyle;

fn is_hyphen_like(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Words that are correctly doubled often enough that flagging them is noise.
const LEGIT_DOUBLES: &[&str] = &["had", "that", "bye", "ha", "no", "yes", "very", "is"];

/// Words before a number that make `4, 500` a list rather than 4,500.
const LIST_NOUNS: &[&str] = &[
    "item",
    "items",
    "paragraph",
    "paragraphs",
    "article",
    "articles",
    "page",
    "pages",
    "section",
    "sections",
    "resolution",
    "resolutions",
    "room",
    "rooms",
    "number",
    "numbers",
    "point",
    "points",
    "question",
    "questions",
    "slide",
    "slides",
    "chapter",
    "chapters",
    "annex",
    "annexes",
    "no",
    "nos",
    "goal",
    "goals",
    "target",
    "targets",
    "sdg",
    "sdgs",
    "rule",
    "rules",
    "option",
    "options",
    "and",
];

const LIST_JOINERS: &[&str] = &["and", "or", "to", "through", "nor", "until"];

/// Which byte values occur in a segment, found in one pass so that each
/// scan can be skipped when its trigger bytes are absent.
struct ByteSet([u64; 4]);

impl ByteSet {
    fn of(bytes: &[u8]) -> Self {
        let mut set = [0u64; 4];
        for &b in bytes {
            set[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        ByteSet(set)
    }

    fn has(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }

    fn any(&self, bytes: &[u8]) -> bool {
        bytes.iter().any(|&b| self.has(b))
    }
}

/// One segment being checked.
struct Scan<'a> {
    ctx: &'a Context<'a>,
    text: &'a str,
    base: usize,
    protected: Vec<Range<usize>>,
    /// Spans already rewritten by an earlier rule in this scan.
    claimed: SpanSet,
    /// Only closing tags (`</i>`) stand between the segment and its line end.
    at_line_end: bool,
    /// Nothing at all does.
    at_bare_line_end: bool,
    out: &'a mut Vec<Finding>,
}

impl Scan<'_> {
    fn free(&self, range: &Range<usize>) -> bool {
        !overlaps_any(&self.protected, range) && !self.claimed.conflicts(range)
    }

    fn propose(
        &mut self,
        rule: Rule,
        range: Range<usize>,
        replacement: &str,
        applicability: Applicability,
        confidence: f32,
        note: &'static str,
    ) {
        let abs = self.base + range.start..self.base + range.end;
        self.out
            .push(Finding::new(rule, abs, replacement, applicability, confidence).with_note(note));
        self.claimed.insert(range, ());
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text[..i].chars().next_back()
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text[i..].chars().next()
    }
}

/// Whether only closing markup (`</i>`, `</v>`) and whitespace stand
/// between a segment's end and the end of its line.
fn ends_line(after: &str) -> bool {
    let mut rest = after;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        if rest.is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n") {
            return true;
        }
        match rest
            .strip_prefix("</")
            .and_then(|r| r.find('>').map(|i| &r[i + 1..]))
        {
            Some(r) => rest = r,
            None => return false,
        }
    }
}

pub(super) fn check(ctx: &Context<'_>, segment: &Segment, out: &mut Vec<Finding>) {
    if segment.role != Role::Body || !ctx.settings.rules.any_of_kind(crate::edit::Kind::Punct) {
        return;
    }
    let doc_text = ctx.doc.text.as_str();
    let after = &doc_text[segment.range.end..];
    let text = &doc_text[segment.range.clone()];
    // Cheap byte tests first: most segments need only a few of the scans.
    let bytes = text.as_bytes();
    let seen = ByteSet::of(bytes);
    let unicode_hyphen = seen.has(0xE2) && text.contains(['\u{2010}', '\u{2011}']);
    let mut scan = Scan {
        ctx,
        text,
        base: segment.range.start,
        // `protected_spans` makes its own cheap test first.
        protected: protected_spans(text),
        claimed: SpanSet::default(),
        at_line_end: ends_line(after),
        at_bare_line_end: after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n"),
        out,
    };
    if ctx.enabled(Rule::DoubleHyphenDash)
        && ctx.settings.dash_style != DashStyle::Keep
        && (unicode_hyphen || seen.has(b'-') && text.contains("--"))
    {
        dashes(&mut scan);
    }
    if ctx.enabled(Rule::NonstandardHyphen) && unicode_hyphen {
        hyphens(&mut scan);
    }
    // Every mojibake lead character (U+00C2..U+00F4) is 0xC3 0x.. in UTF-8.
    if ctx.enabled(Rule::Mojibake) && seen.has(0xC3) {
        mojibake(&mut scan);
    }
    if ctx.enabled(Rule::SplitThousands) && seen.has(b',') {
        thousands(&mut scan);
    }
    whitespace(&mut scan);
    if ctx.enabled(Rule::MissingSpaceAfterComma) && seen.any(b",;") {
        comma_spaces(&mut scan);
    }
    // "Vous vous", "that that": doubled words are an English judgement.
    if ctx.enabled(Rule::DoubledWord) && ctx.doc.language.is_english() {
        doubled_words(&mut scan);
    }
}

/// P002: `word ‑‑ word` -> `word — word`; `word ‑‑` at the end -> `word —`.
fn dashes(scan: &mut Scan<'_>) {
    let style = scan.ctx.settings.dash_style;
    let chars: Vec<(usize, char)> = scan.text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        if !is_hyphen_like(chars[k].1) {
            k += 1;
            continue;
        }
        let run_start = k;
        while k < chars.len() && is_hyphen_like(chars[k].1) {
            k += 1;
        }
        let run_len = k - run_start;
        if !(2..=3).contains(&run_len) {
            continue;
        }
        // An arrow is no dash: `-->`, `<--`, `^--` stay as written.
        let arrow_after = chars.get(k).is_some_and(|c| c.1 == '>');
        let arrow_before = run_start > 0 && matches!(chars[run_start - 1].1, '<' | '^');
        if arrow_after || arrow_before {
            continue;
        }
        let mut left = run_start;
        while left > 0 && is_blank(chars[left - 1].1) {
            left -= 1;
        }
        let mut right = k;
        loop {
            while right < chars.len() && is_blank(chars[right].1) {
                right += 1;
            }
            // `‑‑ ‑‑`: a second dash right after the first is the same dash.
            let next_run = chars[right..]
                .iter()
                .take_while(|c| is_hyphen_like(c.1))
                .count();
            if !(2..=3).contains(&next_run) {
                break;
            }
            right += next_run;
            k = right;
        }
        // A line opening with a dash, or speech after a label's colon
        // ("MR. FOSTER: -- research"), opens with it: left alone.
        if left == 0 || chars[left - 1].1 == ':' {
            continue;
        }
        let start = chars[left].0;
        let end = chars.get(right).map_or(scan.text.len(), |c| c.0);
        let range = start..end;
        if !scan.free(&range) {
            continue;
        }
        let at_end = right == chars.len();
        if at_end && !scan.at_line_end {
            continue; // text goes on after a tag: not the end of the sentence
        }
        // Punctuation right after the dash closes the clause: `word —,`.
        let before_punct = chars
            .get(right)
            .is_some_and(|c| matches!(c.1, ',' | '.' | ';' | ':' | '?' | '!'));
        let replacement = if at_end || before_punct {
            style.at_end()
        } else {
            style.between()
        };
        if &scan.text[range.clone()] != replacement {
            scan.propose(
                Rule::DoubleHyphenDash,
                range,
                replacement,
                Applicability::Always,
                1.0,
                "double hyphen used as a dash",
            );
        }
    }
}

/// P001: U+2010 or U+2011 inside a word -> `-`.
fn hyphens(scan: &mut Scan<'_>) {
    let text = scan.text;
    for (i, c) in text.char_indices() {
        if c != '\u{2010}' && c != '\u{2011}' {
            continue;
        }
        let end = i + c.len_utf8();
        // After a period too ("U.S.‑based"): the glossary may make an
        // abbreviation a word ("I.G.F." -> "IGF") and P007 may join a period
        // to the word before it, and a second run must find nothing, so
        // what comes before the period does not count.
        let word_before = scan
            .char_before(i)
            .is_some_and(|c| c.is_alphanumeric() || c == '.');
        let word_after = scan.char_at(end).is_some_and(char::is_alphanumeric);
        let range = i..end;
        if word_before && word_after && scan.free(&range) {
            scan.propose(
                Rule::NonstandardHyphen,
                range,
                "-",
                Applicability::Always,
                1.0,
                "non-breaking hyphen in a word",
            );
        }
    }
}

/// The Windows-1252 byte a character came from, when text that was UTF-8
/// got decoded as Windows-1252 or Latin-1.
fn cp1252_byte(c: char) -> Option<u8> {
    let cp = c as u32;
    if (0x80..=0xFF).contains(&cp) {
        return u8::try_from(cp).ok();
    }
    const SPECIALS: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    SPECIALS.iter().find(|(s, _)| *s == c).map(|(_, b)| *b)
}

/// The UTF-8 character spelled by mojibake starting at `i`, and where it ends.
fn mojibake_char(text: &str, i: usize) -> Option<(char, usize)> {
    let mut chars = text[i..].char_indices();
    let (_, lead) = chars.next()?;
    let lead_byte = cp1252_byte(lead)?;
    let len = match lead_byte {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = vec![lead_byte];
    let mut end = i + lead.len_utf8();
    for _ in 1..len {
        let (off, c) = chars.next()?;
        let b = cp1252_byte(c).filter(|b| (0x80..=0xBF).contains(b))?;
        bytes.push(b);
        end = i + off + c.len_utf8();
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    // Only what mojibake in captions decodes to: Latin, Greek, Cyrillic and
    // other two-byte letters, punctuation and symbols (’ — € ™), emoji. A
    // three-byte result elsewhere ("é’—" read as one CJK character) is
    // real text.
    let plausible = matches!(decoded as u32, 0x80..=0x7FF | 0x2000..=0x214F | 0x1F000..=0x1FAFF);
    plausible.then_some((decoded, end))
}

/// Whether `bytes` may hold mojibake that P008 repairs: a lead character
/// (U+00C2..U+00F4, `C3 82..B4` in UTF-8) followed by a character that
/// stands for a continuation byte (U+0080..U+00BF or a Windows-1252
/// special, whose UTF-8 starts with `C2`, `C5`, `C6`, `CB` or `E2`). Never
/// false where P008 would repair something; cheap enough for a whole part.
pub fn may_hold_mojibake(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xC3, bytes).any(|i| {
        matches!(bytes.get(i + 1), Some(0x82..=0xB4))
            && matches!(bytes.get(i + 2), Some(0xC2 | 0xC5 | 0xC6 | 0xCB | 0xE2))
    })
}

/// P008: `Ã©` -> `é`, `â€™` -> `’`: UTF-8 read as Windows-1252, repaired
/// where every character of a chain decodes, and not where the repair
/// would join a character beside it into new mojibake (`Ê` + the `…` of
/// `â€¦` spells `ʅ`): a second run would change the text again.
fn mojibake(scan: &mut Scan<'_>) {
    let text = scan.text;
    let mut i = 0;
    while i < text.len() {
        let (end, mut repaired) = chain_at(text, i);
        if end > i {
            // Text read wrongly twice is repaired to the end.
            while let Some(again) = decode_whole(&repaired) {
                repaired = again;
            }
            let range = i..end;
            if !joins_neighbours(text, &range, &repaired) && scan.free(&range) {
                scan.propose(
                    Rule::Mojibake,
                    range,
                    &repaired,
                    Applicability::Always,
                    0.95,
                    "UTF-8 text that was read as Windows-1252",
                );
            }
            i = end;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// A character that stands for a Windows-1252 byte of 0x80 or above: the
/// only characters mojibake is made of.
fn from_cp1252_high_byte(c: char) -> bool {
    cp1252_byte(c).is_some_and(|b| b >= 0x80)
}

/// Whether `repaired`, put in place of `text[range]`, would spell new
/// mojibake with the characters beside it.
fn joins_neighbours(text: &str, range: &Range<usize>, repaired: &str) -> bool {
    let before: String = {
        let mut chars: Vec<char> = text[..range.start]
            .chars()
            .rev()
            .take_while(|&c| from_cp1252_high_byte(c))
            .take(3)
            .collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let after: String = text[range.end..]
        .chars()
        .take_while(|&c| from_cp1252_high_byte(c))
        .take(3)
        .collect();
    if before.is_empty() && after.is_empty() {
        return false;
    }
    let joined = format!("{before}{repaired}{after}");
    let (left, right) = (before.len(), before.len() + repaired.len());
    joined.char_indices().any(|(p, _)| {
        mojibake_char(&joined, p)
            .is_some_and(|(_, end)| (p < left && end > left) || (p < right && end > right))
    })
}

/// Where the chain of mojibake starting at `i` ends, and what it spells.
fn chain_at(text: &str, i: usize) -> (usize, String) {
    let mut end = i;
    let mut decoded = String::new();
    while let Some((c, next)) = mojibake_char(text, end) {
        decoded.push(c);
        end = next;
    }
    (end, decoded)
}

/// The characters `text` spells when all of it is one chain of mojibake.
fn decode_whole(text: &str) -> Option<String> {
    let (end, decoded) = chain_at(text, 0);
    (end == text.len() && !decoded.is_empty()).then_some(decoded)
}

/// P004: `4, 500 fliers` -> `4,500 fliers`; a list such as `items 4, 500
/// and 7` is only suggested.
fn thousands(scan: &mut Scan<'_>) {
    let text = scan.text;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = text[i..].find(", ") {
        let comma = i + off;
        i = comma + 1;
        // Spaces before the comma or several after it ("3 , 500", "3,  500")
        // are part of the split (found by fuzzing: the space rules alone
        // made "3, 500", which a second run then joined).
        let before_spaces = bytes[..comma]
            .iter()
            .rev()
            .take_while(|&&b| b == b' ' || b == b'\t') // as P007 takes them
            .count();
        let after_spaces = bytes[comma + 1..]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
        let digits_end = comma - before_spaces;
        let group_start = comma + 1 + after_spaces;
        let mut lead = digits_end;
        while lead > 0 && bytes[lead - 1].is_ascii_digit() {
            lead -= 1;
        }
        let lead_len = digits_end - lead;
        let tail = &bytes[group_start..];
        let group = tail.iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=3).contains(&lead_len) || group != 3 {
            continue;
        }
        let single_hyphen_before =
            lead > 0 && bytes[lead - 1] == b'-' && !(lead > 1 && bytes[lead - 2] == b'-');
        if single_hyphen_before
            || lead > 0
                && (matches!(bytes[lead - 1], b',' | b'.') || bytes[lead - 1].is_ascii_alphabetic())
        {
            continue; // part of a longer number or token
        }
        let range = digits_end..group_start;
        if !scan.free(&range) {
            continue;
        }
        let after = text[group_start + group..].trim_start_matches([' ', '\t']);
        let next_word: String = after
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        let before = text[..lead].trim_end();
        let prev_word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '.')
            .collect::<String>()
            .chars()
            .rev()
            .collect::<String>()
            .trim_end_matches('.')
            .to_lowercase();
        let list_before = before.ends_with(',') || LIST_NOUNS.contains(&prev_word.as_str());
        let list_after = LIST_JOINERS.contains(&next_word.as_str())
            || after.starts_with(',')
            || after.starts_with(['-', '–', '—', '\u{2010}', '\u{2011}']);
        let noun_after =
            !next_word.is_empty() && !list_after && text[group_start + group..].starts_with(' ');
        let currency = before.ends_with(['$', '€', '£'])
            || ["usd", "eur", "chf", "us$"].contains(&prev_word.as_str());
        // "300, 400 years" and "120, 135 delegations" are two numbers as
        // often as one: a lead of three digits before a group that does
        // not start with 0 ("250, 000") may be a list, whatever follows.
        let may_be_two = lead_len == 3 && bytes[group_start] != b'0';
        if (noun_after && !may_be_two || currency) && !list_before && !list_after {
            scan.propose(
                Rule::SplitThousands,
                range,
                ",",
                Applicability::Always,
                0.95,
                "thousands group split by a space",
            );
        } else {
            scan.propose(
                Rule::SplitThousands,
                range,
                ",",
                Applicability::Suggest,
                0.5,
                "may be a list of numbers rather than one number",
            );
        }
    }
}

/// Whether the punctuation at `i` takes no space before it (P007).
fn tight_punct_at(scan: &Scan<'_>, i: usize) -> bool {
    let Some(p) = scan.char_at(i) else {
        return false;
    };
    if !matches!(p, ',' | '.' | ';' | ':' | '?' | '!') {
        return false;
    }
    // French sets a space before the high signs: "Vraiment ?" is right.
    if matches!(p, ';' | ':' | '?' | '!') && scan.ctx.doc.language.is_french() {
        return false;
    }
    let next = scan.char_at(i + 1);
    let next_visible = scan.text[i + 1..]
        .trim_start_matches([' ', '\t'])
        .chars()
        .next();
    let prev_visible = scan.text[..i]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back();
    if p == '.' && (next_visible == Some('.') || prev_visible == Some('.')) {
        return false; // an ellipsis, spaced or not, is left as written
    }
    if matches!(p, ',' | ';')
        && next.is_some_and(char::is_alphabetic)
        && prev_visible.is_some_and(comma_may_follow)
    {
        return true; // `word ,word`: P003 adds the space after
    }
    next.is_none_or(|c| {
        c.is_whitespace()
            || is_hyphen_like(c)
            || matches!(
                c,
                '"' | '\'' | '”' | '’' | '»' | ',' | '.' | ';' | ':' | '?' | '!'
            )
    })
}

/// P005 (runs of spaces), P006 (trailing whitespace), P007 (space before
/// punctuation): each whitespace run belongs to exactly one of them.
fn whitespace(scan: &mut Scan<'_>) {
    let text = scan.text;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b' ' && bytes[i] != b'\t' {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        let trailing = i == bytes.len();
        // A single space between words, the most common run by far.
        if i - start == 1
            && !trailing
            && !matches!(bytes[i], b',' | b'.' | b';' | b':' | b'?' | b'!')
        {
            continue;
        }
        let range = start..i;
        if !scan.free(&range) {
            continue;
        }
        if trailing {
            // Spaces alone between tags (`<c> </c>`) are the tags' business,
            // not trailing whitespace; after words they are.
            let line_end = if start == 0 {
                scan.at_bare_line_end
            } else {
                scan.at_line_end
            };
            if line_end && scan.ctx.enabled(Rule::TrailingWhitespace) {
                scan.propose(
                    Rule::TrailingWhitespace,
                    range,
                    "",
                    Applicability::Always,
                    1.0,
                    "whitespace at the end of a line",
                );
            }
            continue;
        }
        if start == 0 {
            continue; // indentation and the space after a turn marker stay
        }
        // After an opening bracket or quote the space is the writer's; after
        // a comma, semicolon or colon, removing it would only make ",."
        // of ", ." (found by a new user in a real transcript).
        let opening_before = scan
            .char_before(start)
            .is_some_and(|c| matches!(c, '(' | '[' | '"' | '“' | '‘' | ',' | ';' | ':'));
        if !opening_before && tight_punct_at(scan, i) && !overlaps_any(&scan.protected, &(i..i + 1))
        {
            if scan.ctx.enabled(Rule::SpaceBeforePunctuation) {
                scan.propose(
                    Rule::SpaceBeforePunctuation,
                    range,
                    "",
                    Applicability::Always,
                    1.0,
                    "space before punctuation",
                );
            }
            continue;
        }
        // Two or three spaces are a slip; four or more line up columns
        // (an index, a table), as a tab does.
        if (2..=3).contains(&range.len())
            && !text[range.clone()].contains('\t')
            && scan.ctx.enabled(Rule::SpaceRun)
        {
            scan.propose(
                Rule::SpaceRun,
                range,
                " ",
                Applicability::Always,
                1.0,
                "several spaces in a row",
            );
        }
    }
}

/// Whether a comma or semicolon after `c` takes a space after it (P003)
/// and none before it (P007): one test for both, or a second run would
/// find what the first left.
fn comma_may_follow(c: char) -> bool {
    c.is_alphabetic() || c == '.'
}

/// P003: `everybody,just` -> `everybody, just` (letters on both sides only,
/// or an abbreviation's period before: the glossary may make `I.G.F.,` into
/// `IGF,`, and a second run must find nothing).
fn comma_spaces(scan: &mut Scan<'_>) {
    let text = scan.text;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b != b',' && b != b';' {
            continue;
        }
        let letter_after = scan.char_at(i + 1).is_some_and(char::is_alphabetic);
        let before = text[..i].trim_end_matches([' ', '\t']).len();
        let letter_before = scan.char_before(before).is_some_and(comma_may_follow);
        let at = i + 1..i + 1;
        if letter_after && letter_before && scan.free(&(i..i + 1)) && scan.free(&at) {
            scan.propose(
                Rule::MissingSpaceAfterComma,
                at,
                " ",
                Applicability::Always,
                1.0,
                "no space after comma or semicolon",
            );
        }
    }
}

/// P009: `the the` -> `the`, suggested only.
fn doubled_words(scan: &mut Scan<'_>) {
    let text = scan.text;
    let mut previous: Option<Range<usize>> = None;
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let word_char = c.is_alphabetic() || c == '\'' || c == '’';
        let word = match (word_char, start) {
            (true, None) => {
                start = Some(i);
                continue;
            }
            (false, Some(s)) => {
                start = None;
                s..i
            }
            _ => continue,
        };
        let Some(a) = previous.replace(word.clone()) else {
            continue;
        };
        let b = word;
        let gap = &text[a.end..b.start];
        let first = &text[a.clone()];
        if a.len() != b.len() {
            continue;
        }
        if gap.is_empty()
            || !gap.chars().all(is_blank)
            || !first.eq_ignore_ascii_case(&text[b.clone()])
        {
            continue;
        }
        if LEGIT_DOUBLES.contains(&first.to_lowercase().as_str()) {
            continue;
        }
        let range = a.end..b.end;
        if !overlaps_any(&scan.protected, &range) {
            let abs = scan.base + range.start..scan.base + range.end;
            scan.out.push(
                Finding::new(Rule::DoubledWord, abs, "", Applicability::Suggest, 0.6)
                    .with_note(format!("\"{first}\" twice in a row")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{may_hold_mojibake, DashStyle, Rule};
    use crate::edit::Status;
    use crate::formats::Format;
    use crate::pipeline::{check_text, Settings};
    use crate::rules::RuleSet;

    /// The output of the punctuation rules alone on a cart line.
    fn fix(text: &str) -> String {
        let settings = Settings {
            rules: RuleSet::parse("P").unwrap(),
            ..Settings::default()
        };
        check_text(text, Format::Cart, &settings).output
    }

    fn suggested(text: &str) -> Vec<(String, String)> {
        let settings = Settings {
            rules: RuleSet::parse("P").unwrap(),
            ..Settings::default()
        };
        let checked = check_text(text, Format::Cart, &settings);
        checked
            .findings
            .iter()
            .filter(|f| f.status == Status::Suggested)
            .map(|f| (f.rule.code().to_string(), text[f.range.clone()].to_string()))
            .collect()
    }

    fn assert_fix(input: &str, expected: &str) {
        assert_eq!(fix(input), expected, "input: {input:?}");
        assert_eq!(fix(expected), expected, "not idempotent on {expected:?}");
    }

    fn assert_unchanged(input: &str) {
        assert_eq!(fix(input), input);
    }

    #[test]
    fn p001_nonstandard_hyphens_in_words() {
        assert_fix(
            "the Under\u{2011}Secretary\u{2011}General and Ha\u{2010}ha",
            "the Under-Secretary-General and Ha-ha",
        );
        assert_unchanged("a lone \u{2011} hyphen, and end\u{2011}");
        assert_fix("U.S.\u{2011}based", "U.S.-based");
        assert_fix("wait ...\u{2011}x", "wait ...-x");
        assert_unchanged("the end.\u{2011} here");
    }

    #[test]
    fn p002_double_hyphen_dashes() {
        assert_fix(
            "my second time ‑‑ my first time",
            "my second time — my first time",
        );
        assert_fix("it does not--I was not", "it does not — I was not");
        assert_fix("and we have ‑‑ ", "and we have —");
        assert_fix("and we have ‑‑\r\nnext", "and we have —\r\nnext");
        assert_fix("MR. FOSTER:  -- research", "MR. FOSTER: -- research");
        assert_unchanged("‑‑ opening dash stays");
        assert_unchanged("an arrow ---- rule stays");
        assert_unchanged("see https://example.org/a--b now");
        // Arrows are not dashes.
        for text in [
            "click Next --> then Save",
            "back <-- here",
            "see above ^-- that",
            "a <--> b",
            "x -> y",
        ] {
            assert_unchanged(text);
        }
    }

    #[test]
    fn p002_dash_styles() {
        for (style, expected) in [
            (DashStyle::Em, "time—my"),
            (DashStyle::En, "time – my"),
            (DashStyle::Keep, "time ‑‑ my"),
        ] {
            let settings = Settings {
                dash_style: style,
                ..Settings::default()
            };
            assert_eq!(
                check_text("time ‑‑ my", Format::Cart, &settings).output,
                expected
            );
        }
    }

    #[test]
    fn p003_space_after_comma_between_words_only() {
        assert_fix(
            "Luis, Bobo, everybody,just give a hand;thanks",
            "Luis, Bobo, everybody, just give a hand; thanks",
        );
        assert_fix("held by,organized by", "held by, organized by");
        // After an abbreviation too: the glossary may make it a word.
        assert_fix("the U.N.,and more", "the U.N., and more");
        assert_fix("e.g.,this", "e.g., this");
        // With a space before it too, in one run (found by fuzzing).
        assert_fix("done. ,and", "done., and");
        for text in [
            "4,500 people",
            "pi is 3,14 here",
            "mail a,b@x.org",
            "see http://x.org/a,b",
            "10,30 a.m.",
        ] {
            assert_unchanged(text);
        }
    }

    #[test]
    fn p004_split_thousands() {
        assert_fix("we printed 4, 500 fliers", "we printed 4,500 fliers");
        assert_fix("about 12, 000 people", "about 12,000 people");
        assert_fix("it cost $2, 500 in all", "it cost $2,500 in all");
        assert_fix("some 3 , 500 people", "some 3,500 people");
        assert_fix("some 3,  500 people", "some 3,500 people");
        assert_fix("it cost $3\t, 500 in all", "it cost $3,500 in all");
        assert_fix("some 250, 000 people", "some 250,000 people");
        // Three digits, then a group not starting with 0: maybe two numbers
        // (found by a new user in a real subtitle).
        for text in ["maybe 300, 400 years", "the vote was 120, 135 delegations"] {
            assert_unchanged(text);
            assert_eq!(
                suggested(text),
                vec![("P004".to_string(), ", ".to_string())]
            );
        }
        assert_unchanged("items 4, 500 and 7");
        assert_eq!(
            suggested("items 4, 500 and 7"),
            vec![("P004".to_string(), ", ".to_string())]
        );
        assert_eq!(
            suggested("we counted 4, 500."),
            vec![("P004".to_string(), ", ".to_string())]
        );
        for text in [
            "in 2018, 500 people",
            "3, 4500 things",
            "1, 50 cases",
            "paragraphs 3, 250 and 12",
        ] {
            assert_unchanged(text);
        }
    }

    #[test]
    fn p005_p006_p007_whitespace() {
        assert_fix("two  spaces   here", "two spaces here");
        assert_fix("trailing   ", "trailing");
        assert_fix("thank you , Chair .  Really ?", "thank you, Chair. Really?");
        assert_fix("word  , next", "word, next");
        assert_unchanged("    indented cue stays");
        assert_unchanged("the values (?) here and ( ? ) too");
        assert_unchanged("wait ... and . . .x then .5 and :)");
        assert_unchanged("tab\tseparated\t\tcolumns");
        // Found by a new user in real transcripts: a space between two
        // marks stays; columns lined up with spaces stay.
        assert_fix("my analysts, .  There", "my analysts, . There");
        assert_unchanged("By Mr. Davis                             11");
    }

    #[test]
    fn p008_mojibake() {
        assert_fix("CafÃ© and itâ€™s â€” done", "Café and it’s — done");
        assert_fix("JuliÃ¡n", "Julián");
        assert_fix("Â¿Qué?", "¿Qué?");
        assert_unchanged("SÃO PAULO and Â and ©2018 Ã");
        assert_unchanged("le café’— and né”…");
        // Text read wrongly twice is repaired whole.
        assert_fix("CafÃƒÂ© ok", "Café ok");
        // Not where the repair spells new mojibake with its neighbour:
        // `Ê` + the `…` repaired from `â€¦` would be `ʅ` on a second run.
        assert_fix("ÊÊâ€¦ and Ã©” and ÿÃ¿Ã", "ÊÊâ€¦ and é” and ÿÿÃ");
    }

    #[test]
    fn the_mojibake_pre_check_holds_wherever_p008_repairs() {
        let settings = Settings::default();
        let originals = [
            "é", "ñ", "ü", "ç", "ø", "ł", "ő", "ș", "’", "—", "–", "…", "€", "™", "“", "¿", "Ж",
            "λ", "😀",
        ];
        let mut repairs = 0;
        for original in originals {
            for context in ["Caf{} ok", "{}", "x{}y", "{}{}"] {
                let clean = context.replace("{}", original);
                let (broken, _, _) = encoding_rs::WINDOWS_1252.decode(clean.as_bytes());
                let repaired = check_text(&broken, Format::Cart, &settings)
                    .findings
                    .iter()
                    .any(|f| f.rule == Rule::Mojibake);
                if repaired {
                    repairs += 1;
                    assert!(may_hold_mojibake(broken.as_bytes()), "{broken:?}");
                }
            }
        }
        assert!(repairs > originals.len() * 2, "{repairs} repaired");
        assert!(may_hold_mojibake("CafÃ© and itâ€™s".as_bytes()));
        assert!(!may_hold_mojibake(
            "café, élève, Ñandú — “São Paulo”".as_bytes()
        ));
    }

    #[test]
    fn p009_doubled_words_are_only_suggested() {
        assert_unchanged("devote some some time");
        assert_eq!(
            suggested("devote some some time"),
            vec![("P009".to_string(), " some".to_string())]
        );
        assert!(suggested("Rajesh, you have the floor. Rajesh, you have the floor.").is_empty());
        assert!(suggested("what he had had was that that").is_empty());
    }

    #[test]
    fn nothing_in_labels_markers_or_timings_changes() {
        let settings = Settings::default();
        let cart = ">>  MS. OKAFOR :  hello ,world\n(Applause ,now)\n";
        assert_eq!(
            check_text(cart, Format::Cart, &settings).output,
            ">>  MS. OKAFOR :  hello, world\n(Applause ,now)\n"
        );
        let srt = "1\n00:00:01,000 --> 00:00:02,000  \nhi  there\n";
        assert_eq!(
            check_text(srt, Format::Srt, &settings).output,
            "1\n00:00:01,000 --> 00:00:02,000  \nhi there\n"
        );
        // Spaces alone between tags are the tags' (YouTube-style cues).
        let youtube = "WEBVTT\n\n00:01.000 --> 00:02.000\n <c>one</c><00:00:01.500><c> two</c>\n<c> </c>\n </c>\nword   </c>\n";
        assert_eq!(
            check_text(youtube, Format::Vtt, &settings).output,
            "WEBVTT\n\n00:01.000 --> 00:02.000\n <c>one</c><00:00:01.500><c> two</c>\n<c> </c>\n </c>\nword</c>\n"
        );
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000 align:start\n<i>word ‑‑</i> next\n<v Ana>review --</v>\n";
        assert_eq!(
            check_text(vtt, Format::Vtt, &settings).output,
            "WEBVTT\n\n00:01.000 --> 00:02.000 align:start\n<i>word ‑‑</i> next\n<v Ana>review —</v>\n"
        );
    }
}
