//! Large inputs checked in parts, so that memory stays bounded by the part
//! size whatever the input size. The result is the one a whole-file check
//! gives: parts end where a turn (cart) or a cue (subtitles) begins, a part
//! takes over the speaker of the turn it begins in, and the names stage
//! first reads every part to learn the file's speakers and the people it
//! names, as it would from the whole file. What is kept from part to part
//! does not grow with the input: the names gathered (bounded by the roster
//! and the file's distinct labels) and, per part, the turns just outside it.
//!
//! The input is read three times: to gather names, to learn which people
//! the name fixes name (only when the name rules run), and to check, a
//! window of the part at a time.

use std::io::{Read, Seek, SeekFrom, Write};
use std::ops::Range;

use super::{apply, Engine};
use crate::edit::{Finding, Status};
use crate::error::{Error, Result};
use crate::formats::{Carried, Document, Format};
use crate::rules::names::{label_names, Around, DocNames, Learned};
use crate::text::{Language, SourceEncoding};

/// Default part size. Checking a part holds its text and segments, and the
/// findings of a quarter of it at a time: 2 to 3 times its size in all
/// (see the README's memory figures).
pub const PART_BYTES: usize = 4 << 20;

/// One checked piece of a larger input: a window of one part's text, with
/// the findings in it. The pieces of a part cover its text in order; the
/// corrected text is never built: [`Piece::write_output`] writes it from
/// the text and the findings.
#[derive(Debug)]
pub struct Piece<'a> {
    /// The part the piece is of: its text and segments.
    pub doc: &'a Document,
    /// How the input is encoded.
    pub encoding: SourceEncoding,
    /// The span of the part's text the piece covers.
    pub span: Range<usize>,
    /// Findings in `span`, by position, overlaps resolved; offsets are
    /// within the part.
    pub findings: Vec<Finding>,
    /// Lines of the input before the part.
    pub line_base: usize,
    /// Whether the part is the input's first (which carries its BOM).
    pub first: bool,
}

impl Piece<'_> {
    /// Whether the piece is its part's first.
    pub fn starts_part(&self) -> bool {
        self.span.start == 0
    }

    /// Whether the piece is its part's last.
    pub fn ends_part(&self) -> bool {
        self.span.end == self.doc.text.len()
    }

    /// Writes the piece's share of the output: its text with every applied
    /// finding in it, after the BOM at the start of an input that had one.
    pub fn write_output<W: Write>(&self, out: &mut W) -> std::io::Result<()> {
        if self.first && self.starts_part() && self.encoding.had_bom() {
            out.write_all("\u{feff}".as_bytes())?;
        }
        apply::write_applied(&self.doc.text, self.span.clone(), &self.findings, out)
    }

    /// The piece's corrected text (without the BOM), built in memory.
    pub fn output(&self) -> String {
        let mut out = Vec::with_capacity(self.span.len());
        // Writing to a Vec cannot fail, and the pieces are UTF-8.
        let _ = apply::write_applied(&self.doc.text, self.span.clone(), &self.findings, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Whether the output of this piece differs from its text.
    pub fn changed(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.status == Status::Applied && self.doc.text[f.range.clone()] != f.replacement)
    }
}

/// Windows a part is checked in: the findings held at once are a window's,
/// however dense they are.
const WINDOWS_PER_PART: usize = 4;

/// How a parted check ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parted {
    /// Every part was handed over; the input was in this encoding.
    Done(SourceEncoding),
    /// The input is not plain UTF-8 (UTF-16, or bytes that need the
    /// whole-file decoder to judge): nothing was handed over, check it whole.
    Whole,
}

/// Reads an input part by part, each ending on a good boundary. What is
/// read past a part's end is read again with the next part (the source
/// seeks back), so only one part is held at a time.
///
/// A part that holds mojibake is cut at half the size: its check holds a
/// repaired copy of its text too, so memory stays bounded by the part size.
struct PartReader<R> {
    source: R,
    part_bytes: usize,
    format: Option<Format>,
    /// Whether mojibake is repaired (P008 is on).
    repairs: bool,
    /// The last part's buffer, given back: one buffer serves every part,
    /// so that a large input does not leave the heap full of part-sized
    /// holes.
    spare: Vec<u8>,
}

impl<R: Read + Seek> PartReader<R> {
    fn new(mut source: R, part_bytes: usize, skip: u64, repairs: bool) -> std::io::Result<Self> {
        source.seek(SeekFrom::Start(skip))?;
        Ok(PartReader {
            source,
            part_bytes: part_bytes.max(1),
            format: None,
            repairs,
            spare: Vec::new(),
        })
    }

    /// Takes back the buffer of a part that is done with.
    fn give_back(&mut self, buf: Vec<u8>) {
        self.spare = buf;
    }

    fn next_part(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut buf = std::mem::take(&mut self.spare);
        buf.clear();
        buf.resize(self.part_bytes, 0);
        let mut len = 0;
        while len < buf.len() {
            match self.source.read(&mut buf[len..]) {
                Ok(0) => break,
                Ok(n) => len += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        buf.truncate(len);
        if buf.is_empty() {
            return Ok(None);
        }
        if self.format.is_none() {
            // The format decides where parts are cut: known before the first cut.
            let valid = match std::str::from_utf8(&buf) {
                Ok(text) => text,
                Err(e) => std::str::from_utf8(&buf[..e.valid_up_to()]).unwrap_or_default(),
            };
            self.format = Some(Format::sniff(valid));
        }
        let limit = if self.repairs && crate::rules::punct::may_hold_mojibake(&buf) {
            (self.part_bytes / 2).max(1)
        } else {
            self.part_bytes
        };
        if len < limit || (len == limit && len < self.part_bytes) {
            // The input's end.
            return Ok(Some(buf));
        }
        let cut = cut_at(&buf[..limit], self.format.unwrap_or(Format::Cart));
        // The input may end exactly here: the next read then finds nothing.
        self.source.seek(SeekFrom::Current(-((len - cut) as i64)))?;
        buf.truncate(cut);
        Ok(Some(buf))
    }
}

/// Where to end a part of `bytes` (which does not end the input): at the
/// last turn or cue start in its second half, else the last line break,
/// else (a line longer than a part) the last space no rule looks across,
/// any space, or a point between two ASCII characters.
fn cut_at(bytes: &[u8], format: Format) -> usize {
    let half = bytes.len() / 2;
    let tail = &bytes[half..];
    let turn = memchr::memmem::rfind(tail, b"\n>>").map(|i| half + i);
    // The blank line that ends the block before `end`.
    let blank_before = |end: usize| {
        [&b"\n\n"[..], b"\n\r\n"]
            .iter()
            .filter_map(|s| memchr::memmem::rfind(&bytes[..end], s).map(|i| i + s.len()))
            .max()
    };
    let found = match format {
        Format::Cart => turn.map(|i| i + 1),
        // The cue in which a turn starts, else any cue.
        Format::Srt | Format::Vtt => turn
            .and_then(blank_before)
            .filter(|&at| at > bytes.len() / 4)
            .or_else(|| blank_before(bytes.len()).filter(|&at| at > half)),
    }
    .or_else(|| memchr::memrchr(b'\n', bytes).map(|i| i + 1))
    .or_else(|| quiet_space(bytes))
    .or_else(|| memchr::memrchr(b' ', bytes))
    // Between two ASCII characters: never inside a run of accented letters
    // or mojibake.
    .or_else(|| {
        (1..bytes.len())
            .rev()
            .find(|&i| bytes[i - 1].is_ascii() && bytes[i].is_ascii())
    });
    match found {
        Some(at) if at > 0 => at,
        // No break at all: cut before the last UTF-8 character that starts.
        _ => (1..bytes.len())
            .rev()
            .find(|&i| (bytes[i] & 0xC0) != 0x80)
            .unwrap_or(bytes.len()),
    }
}

/// In a line longer than a part, the last space no rule looks across: one
/// between two different lower-case words (no name, dash, number or
/// doubled word spans it). The space starts the next part.
fn quiet_space(bytes: &[u8]) -> Option<usize> {
    let word_before = |end: usize| {
        let start = bytes[..end]
            .iter()
            .rposition(|b| !b.is_ascii_lowercase())
            .map_or(0, |i| i + 1);
        &bytes[start..end]
    };
    let word_after = |start: usize| {
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_lowercase())
            .map_or(bytes.len(), |i| start + i);
        &bytes[start..end]
    };
    memchr::memrchr_iter(b' ', bytes).find(|&i| {
        i > 0
            && i + 1 < bytes.len()
            && bytes[i - 1].is_ascii_lowercase()
            && bytes[i + 1].is_ascii_lowercase()
            && word_before(i) != word_after(i + 1)
    })
}

fn lines_in(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

impl Engine {
    /// Checks an input in parts of about `part_bytes`, each a window of
    /// about a quarter of that at a time, and hands each checked piece to
    /// `each`, in order. Returns [`Parted::Whole`], before handing anything
    /// over, when the input needs the whole-file decoder.
    pub fn check_parts<R: Read + Seek>(
        &self,
        name: &str,
        mut source: R,
        part_bytes: usize,
        mut each: impl FnMut(Piece<'_>) -> Result<()>,
    ) -> Result<Parted> {
        let io = |e: std::io::Error| Error::io(name, e);
        let mut head = [0u8; 3];
        let mut got = 0;
        while got < head.len() {
            let n = source.read(&mut head[got..]).map_err(io)?;
            if n == 0 {
                break;
            }
            got += n;
        }
        let head = &head[..got];
        let forced_other = self
            .settings
            .encoding
            .is_some_and(|e| e != encoding_rs::UTF_8);
        if forced_other || head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Ok(Parted::Whole);
        }
        let (skip, encoding) = if head == [0xEF, 0xBB, 0xBF] {
            (3, SourceEncoding::Utf8Bom)
        } else {
            (0, SourceEncoding::Utf8)
        };
        let names_enabled = self.settings.rules.any_of_kind(crate::edit::Kind::Name);

        // Pass 1: the format, valid UTF-8 throughout, and the file's names.
        let repairs = self.settings.rules.contains(crate::rules::Rule::Mojibake);
        let mut reader = PartReader::new(&mut source, part_bytes, skip, repairs).map_err(io)?;
        reader.format = self
            .settings
            .format
            .or_else(|| Format::from_path(std::path::Path::new(name)));
        let mut names = DocNames::default();
        let mut carried = Carried::default();
        let mut part_labels = Vec::new();
        // The language is told from the input's first kilobytes, as for a
        // whole file.
        let mut sample = String::new();
        while let Some(bytes) = reader.next_part().map_err(io)? {
            // Control bytes (binary data, UTF-16 without its BOM, or a few
            // stray ones) are the whole-file decoder's to judge.
            if bytes
                .iter()
                .any(|&b| crate::text::encoding::is_stray_control(b))
            {
                return Ok(Parted::Whole);
            }
            let Ok(text) = String::from_utf8(bytes) else {
                return Ok(Parted::Whole);
            };
            let format = reader.format.unwrap_or(Format::Cart);
            let room = crate::text::language::SAMPLE_BYTES.saturating_sub(sample.len());
            let mut end = text.len().min(room);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            sample.push_str(&text[..end]);
            if names_enabled {
                let doc = Document::parse_part(text, format, carried);
                carried = doc.carry_over();
                let reading = self.reading(&doc);
                names.gather(reading.doc(), &self.names);
                part_labels.push(PartLabels::of(reading.doc()));
                drop(reading);
                reader.give_back(doc.text.into_bytes());
            } else {
                carried.continued = true;
                reader.give_back(text.into_bytes());
            }
        }
        let format = reader.format.unwrap_or(Format::Cart);
        let language = self.language_of(&sample, format);
        drop(sample);
        names.finish(&self.names);
        let turns_around = |names: &DocNames| {
            let turns: Vec<PartTurns> =
                part_labels.iter().map(|p| p.resolve(self, names)).collect();
            arounds(&turns)
        };
        let mut arounds = turns_around(&names);
        let parts = Parts {
            name,
            part_bytes,
            skip,
            format,
            repairs,
            language,
        };

        // Pass 2: the people the name fixes name count as named, as they
        // will in the output.
        if names_enabled && !self.names.is_empty() {
            let mut learned = Learned::default();
            let mut k = 0;
            parts.each(&mut source, |doc, _, _| {
                let reading = self.reading(doc);
                let around = arounds.get(k).copied().unwrap_or_default();
                let (_, part) = self.learn_names(reading.doc(), &names, around);
                learned.merge(part);
                k += 1;
                Ok(())
            })?;
            if names.learn(&self.names, learned) {
                // Turns by corrected labels are their people's now.
                arounds = turns_around(&names);
            }
        }

        // Pass 3: check and hand over.
        let mut k = 0;
        let window_bytes = (part_bytes / WINDOWS_PER_PART).max(1);
        parts.each(&mut source, |doc, line_base, first| {
            let around = arounds.get(k).copied().unwrap_or_default();
            k += 1;
            let known = names_enabled.then_some((&names, &around));
            self.check_windows(doc, known, window_bytes, |span, findings| {
                each(Piece {
                    doc,
                    encoding,
                    span,
                    findings,
                    line_base,
                    first,
                })
            })
        })?;
        Ok(Parted::Done(encoding))
    }
}

/// The labels of one part that the parts beside it need: its first and its
/// last two (older first). Kept as names, since the person a misspelled
/// label stands for is known only after the learning pass.
struct PartLabels {
    first: Option<String>,
    last: [Option<String>; 2],
}

impl PartLabels {
    fn of(doc: &Document) -> Self {
        let mut last = [None, None];
        for (slot, (_, name)) in last.iter_mut().rev().zip(label_names(doc).rev()) {
            *slot = Some(name.to_owned());
        }
        PartLabels {
            first: label_names(doc).next().map(|(_, name)| name.to_owned()),
            last,
        }
    }

    /// The persons the labels name, as [`Around`] gives them.
    fn resolve(&self, engine: &Engine, names: &DocNames) -> PartTurns {
        let person = |name: &Option<String>| {
            name.as_ref()
                .map(|name| names.label_person(&engine.names, name))
        };
        PartTurns {
            first: person(&self.first),
            last: [person(&self.last[0]), person(&self.last[1])],
        }
    }
}

/// The turns of one part that the parts beside it need: its first and its
/// last two (older first), as in [`Around`].
#[derive(Clone, Copy)]
struct PartTurns {
    first: Option<Option<u32>>,
    last: [Option<Option<u32>>; 2],
}

/// For each part, the turns just outside it: the last two before it and
/// the first after it, wherever in the input they are.
fn arounds(parts: &[PartTurns]) -> Vec<Around> {
    let mut after = vec![None; parts.len()];
    let mut next = None;
    for (k, part) in parts.iter().enumerate().rev() {
        after[k] = next;
        next = part.first.or(next);
    }
    let mut before: [Option<Option<u32>>; 2] = [None; 2];
    parts
        .iter()
        .zip(after)
        .map(|(part, after)| {
            let around = Around { before, after };
            for turn in part.last.into_iter().flatten() {
                before = [before[1], Some(turn)];
            }
            around
        })
        .collect()
}

/// How to read an input's parts again once its format is known.
struct Parts<'a> {
    name: &'a str,
    part_bytes: usize,
    skip: u64,
    format: Format,
    repairs: bool,
    language: Language,
}

impl Parts<'_> {
    /// Parses every part and calls `f` with it, the lines before it, and
    /// whether it is the first.
    fn each<R: Read + Seek>(
        &self,
        source: &mut R,
        mut f: impl FnMut(&Document, usize, bool) -> Result<()>,
    ) -> Result<()> {
        let io = |e: std::io::Error| Error::io(self.name, e);
        let mut reader =
            PartReader::new(source, self.part_bytes, self.skip, self.repairs).map_err(io)?;
        reader.format = Some(self.format);
        let mut line_base = 0;
        let mut carried = Carried::default();
        while let Some(bytes) = reader.next_part().map_err(io)? {
            // Checked in the first pass; a file changed since is an error.
            let text = String::from_utf8(bytes).map_err(|_| Error::Input {
                path: self.name.to_owned(),
                reason: "changed while being read (no longer UTF-8)".into(),
            })?;
            let lines = lines_in(text.as_bytes());
            let first = !carried.continued;
            let mut doc = Document::parse_part(text, self.format, carried);
            doc.language = self.language;
            carried = doc.carry_over();
            f(&doc, line_base, first)?;
            reader.give_back(doc.text.into_bytes());
            line_base += lines;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(persons: &[Option<u32>]) -> PartTurns {
        let mut last = [None; 2];
        for (slot, person) in last.iter_mut().rev().zip(persons.iter().rev()) {
            *slot = Some(*person);
        }
        PartTurns {
            first: persons.first().copied(),
            last,
        }
    }

    #[test]
    fn the_turns_around_a_part_are_found_past_parts_without_turns() {
        // Part 1 and 2 lie inside one long turn of person 2.
        let parts = [
            part(&[Some(0), None, Some(2)]),
            part(&[]),
            part(&[]),
            part(&[Some(3), Some(4)]),
        ];
        let around = arounds(&parts);
        assert_eq!(
            around[0],
            Around {
                before: [None, None],
                after: Some(Some(3))
            }
        );
        assert_eq!(
            around[2],
            Around {
                before: [Some(None), Some(Some(2))],
                after: Some(Some(3))
            }
        );
        assert_eq!(
            around[3],
            Around {
                before: [Some(None), Some(Some(2))],
                after: None
            }
        );
    }

    #[test]
    fn a_line_longer_than_a_part_is_never_cut_inside_accents_or_mojibake() {
        // No space between two lower-case words, no space at all.
        for line in [
            "A: It\u{c3}\u{a2}\u{e2}\u{82}\u{ac}\u{e2}\u{84}\u{a2}",
            "AB\u{e9}\u{e8}\u{ea}",
        ] {
            let bytes = line.as_bytes();
            let cut = cut_at(bytes, Format::Cart);
            assert!(cut > 0 && cut < bytes.len() && line.is_char_boundary(cut));
            let (before, after) = line.split_at(cut);
            assert!(
                before.ends_with(|c: char| c.is_ascii())
                    && after.starts_with(|c: char| c.is_ascii())
                    || after.is_empty()
                    || before.ends_with(' ')
                    || after.starts_with(' '),
                "{before:?} | {after:?}"
            );
        }
    }

    #[test]
    fn a_part_with_mojibake_is_cut_at_half_the_size() {
        let clean = "plain words here\n".repeat(100);
        let broken = "caf\u{c3}\u{a9} words\n".repeat(100);
        for (text, repairs, longest) in [
            (&clean, true, 1_000),
            (&broken, false, 1_000),
            (&broken, true, 500),
        ] {
            let mut reader =
                PartReader::new(std::io::Cursor::new(text.as_bytes()), 1_000, 0, repairs).unwrap();
            let mut parts = Vec::new();
            while let Some(part) = reader.next_part().unwrap() {
                parts.push(part);
            }
            assert!(parts.iter().all(|p| p.len() <= longest));
            // Cut in the second half of what may be read; the last part is
            // what is left.
            let (_, cut) = parts.split_last().unwrap();
            assert!(cut.iter().all(|p| p.len() > longest / 2), "{repairs}");
            assert_eq!(parts.concat(), text.as_bytes(), "every byte read once");
        }
    }
}
