//! Large inputs checked in parts, so that memory stays bounded by the part
//! size whatever the input size. The result is the one a whole-file check
//! gives: parts end where a turn (cart) or a cue (subtitles) begins, and
//! the names stage first reads every part to learn the file's speakers and
//! the people it names, as it would from the whole file.
//!
//! The input is read three times: to gather names, to learn which people
//! the name fixes name (only when the name rules run), and to check.

use std::io::{Read, Seek, SeekFrom, Write};

use super::{apply, names_only, Engine, Settings};
use crate::edit::{Finding, Status};
use crate::error::{Error, Result};
use crate::formats::{Carried, Document, Format};
use crate::rules::names::DocNames;
use crate::text::SourceEncoding;

/// Default part size. Checking a part holds about 3 times its size (the
/// text, its segments and findings, their review rows while written; see
/// the README's memory figures); parts of 1 to 16 MB run within 12% of each
/// other's speed.
pub const PART_BYTES: usize = 4 << 20;

/// One checked part of a larger input. Its corrected text is never built:
/// [`Part::write_output`] writes it from the text and the findings.
#[derive(Debug)]
pub struct Part {
    /// The part's text and segments.
    pub doc: Document,
    /// How the input is encoded.
    pub encoding: SourceEncoding,
    /// Findings sorted by position, overlaps resolved; offsets are within
    /// the part.
    pub findings: Vec<Finding>,
    /// Lines of the input before this part.
    pub line_base: usize,
    /// Whether this is the input's first part (which carries its BOM).
    pub first: bool,
}

impl Part {
    /// Writes the part's share of the output: its text with every applied
    /// finding in it, after the BOM on the first part of an input that had
    /// one.
    pub fn write_output<W: Write>(&self, out: &mut W) -> std::io::Result<()> {
        if self.first && self.encoding.had_bom() {
            out.write_all("\u{feff}".as_bytes())?;
        }
        apply::write_applied(&self.doc.text, &self.findings, out)
    }

    /// The part's corrected text (without the BOM), built in memory.
    pub fn output(&self) -> String {
        let mut out = Vec::with_capacity(self.doc.text.len());
        // Writing to a Vec cannot fail, and the pieces are UTF-8.
        let _ = apply::write_applied(&self.doc.text, &self.findings, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Whether the output of this part differs from its text.
    pub fn changed(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.status == Status::Applied && self.doc.text[f.range.clone()] != f.replacement)
    }
}

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
struct PartReader<R> {
    source: R,
    part_bytes: usize,
    format: Option<Format>,
}

impl<R: Read + Seek> PartReader<R> {
    fn new(mut source: R, part_bytes: usize, skip: u64) -> std::io::Result<Self> {
        source.seek(SeekFrom::Start(skip))?;
        Ok(PartReader {
            source,
            part_bytes: part_bytes.max(1),
            format: None,
        })
    }

    fn next_part(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut buf = vec![0; self.part_bytes];
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
        if len < self.part_bytes {
            // The input's end.
            return Ok(Some(buf));
        }
        let cut = cut_at(&buf, self.format.unwrap_or(Format::Cart));
        // The input may end exactly here: the next read then finds nothing.
        self.source.seek(SeekFrom::Current(-((len - cut) as i64)))?;
        buf.truncate(cut);
        Ok(Some(buf))
    }
}

/// Where to end a part of `bytes` (which does not end the input): at the
/// last turn or cue start in its second half, else the last line break,
/// else the last space (a line longer than a part is cut between words).
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
    .or_else(|| quiet_space(bytes));
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
    /// Checks an input in parts of about `part_bytes` and hands each checked
    /// part to `each`, in order. Returns [`Parted::Whole`], before handing
    /// anything over, when the input needs the whole-file decoder.
    pub fn check_parts<R: Read + Seek>(
        &self,
        name: &str,
        mut source: R,
        part_bytes: usize,
        mut each: impl FnMut(Part) -> Result<()>,
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
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Ok(Parted::Whole);
        }
        let (skip, encoding) = if head == [0xEF, 0xBB, 0xBF] {
            (3, SourceEncoding::Utf8Bom)
        } else {
            (0, SourceEncoding::Utf8)
        };
        let names_enabled = self.settings.rules.any_of_kind(crate::edit::Kind::Name);

        // Pass 1: the format, valid UTF-8 throughout, and the file's names.
        let mut reader = PartReader::new(&mut source, part_bytes, skip).map_err(io)?;
        reader.format = self.settings.format;
        let mut names = DocNames::default();
        let (mut line_base, mut base) = (0, 0);
        let mut carried = Carried::default();
        while let Some(bytes) = reader.next_part().map_err(io)? {
            if let Some(pos) = memchr::memchr(0, &bytes) {
                let line = line_base + lines_in(&bytes[..pos]) + 1;
                return Err(Error::Input {
                    path: name.to_owned(),
                    reason: format!(
                        "binary data (NUL byte) at line {line}; UTF-16 text needs a byte order mark"
                    ),
                });
            }
            let Ok(text) = String::from_utf8(bytes) else {
                return Ok(Parted::Whole);
            };
            let format = *reader.format.get_or_insert_with(|| {
                Format::from_path(std::path::Path::new(name))
                    .unwrap_or_else(|| Format::sniff(&text))
            });
            line_base += lines_in(text.as_bytes());
            if names_enabled {
                let doc = Document::parse_part(text, format, carried);
                carried = doc.carry_over();
                let doc = self.repaired(&doc).map_or(doc, |(_, repaired)| repaired);
                names.gather(&doc, &self.names, base);
                base += doc.text.len();
            } else {
                carried.continued = true;
            }
        }
        let format = reader.format.unwrap_or(Format::Cart);
        names.finish(&self.names);
        let parts = Parts {
            name,
            part_bytes,
            skip,
            format,
        };

        // Pass 2: the people the name fixes name count as named, as they
        // will in the output.
        if names_enabled && !self.names.is_empty() {
            let settings = Settings {
                rules: names_only(),
                ..self.settings.clone()
            };
            let mut corrected = Vec::new();
            let mut base = 0;
            parts.each(&mut source, |doc, _, _| {
                let doc = self.repaired(&doc).map_or(doc, |(_, repaired)| repaired);
                let found = self.find_with(&doc, &settings, Some(&self.name_context(&names, base)));
                corrected.extend(self.corrected_people(&found));
                base += doc.text.len();
                Ok(())
            })?;
            names.add_mentions(corrected);
        }

        // Pass 3: check and hand over.
        let mut base = 0;
        parts.each(&mut source, |doc, line_base, first| {
            let known = names_enabled.then_some((&names, base));
            let (findings, names_len) = self.resolved_findings(&doc, known);
            base += names_len;
            each(Part {
                doc,
                encoding,
                findings,
                line_base,
                first,
            })
        })?;
        Ok(Parted::Done(encoding))
    }
}

/// How to read an input's parts again once its format is known.
struct Parts<'a> {
    name: &'a str,
    part_bytes: usize,
    skip: u64,
    format: Format,
}

impl Parts<'_> {
    /// Parses every part and calls `f` with it, the lines before it, and
    /// whether it is the first.
    fn each<R: Read + Seek>(
        &self,
        source: &mut R,
        mut f: impl FnMut(Document, usize, bool) -> Result<()>,
    ) -> Result<()> {
        let io = |e: std::io::Error| Error::io(self.name, e);
        let mut reader = PartReader::new(source, self.part_bytes, self.skip).map_err(io)?;
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
            let doc = Document::parse_part(text, self.format, carried);
            carried = doc.carry_over();
            f(doc, line_base, first)?;
            line_base += lines;
        }
        Ok(())
    }
}
