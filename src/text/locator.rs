//! Byte offsets inside, human positions at the edge: converts a byte offset
//! in the decoded text to a 1-based line and a 1-based column counted in
//! characters (Unicode scalar values), as the review list reports them.

use std::cell::RefCell;

/// Line index over one text.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Lines of the text before the first of `line_starts`.
    lines_before: usize,
    /// Where every [`CHECKPOINT`]th character of the last long line looked
    /// up starts: a line with thousands of findings (a transcript pasted as
    /// one line) is then not counted from its start for each of them.
    long_line: RefCell<Option<(usize, Vec<usize>)>>,
}

/// Characters between checkpoints of a long line.
const CHECKPOINT: usize = 256;

/// A 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

impl<'a> Locator<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        Locator::within(text, 0..text.len())
    }

    /// Indexes only the lines of `text` that `span` touches: [`Locator::position`]
    /// then serves offsets in `span`, and the index is the size of the
    /// span, not of the text.
    pub fn within(text: &'a str, span: std::ops::Range<usize>) -> Self {
        let bytes = text.as_bytes();
        let first = memchr::memrchr(b'\n', &bytes[..span.start]).map_or(0, |i| i + 1);
        let mut line_starts = vec![first];
        line_starts.extend(memchr_iter(&bytes[first..span.end]).map(|i| first + i + 1));
        Locator {
            text,
            line_starts,
            lines_before: memchr::memchr_iter(b'\n', &bytes[..first]).count(),
            long_line: RefCell::new(None),
        }
    }

    /// The position of byte `offset` (which must lie on a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let line = self.line_index(offset);
        let (from, chars_before) = self.checkpoint_before(line, offset);
        Position {
            line: self.lines_before + line + 1,
            column: chars_before + self.text[from..offset].chars().count() + 1,
        }
    }

    /// The byte offset of a 1-based line and character column, if it exists.
    /// A column one past the line's last character (before its line break)
    /// is allowed, as an exclusive end.
    pub fn offset(&self, position: Position) -> Option<usize> {
        let line = position.line.checked_sub(1 + self.lines_before)?;
        let start = *self.line_starts.get(line)?;
        let end = self.line_end(line);
        let wanted = position.column.checked_sub(1)?;
        if wanted == 0 {
            return Some(start);
        }
        let (from, skip) = match self.checkpoints(line) {
            Some(marks) => {
                let k = (wanted / CHECKPOINT).min(marks.len() - 1);
                (marks[k], wanted - k * CHECKPOINT)
            }
            None => (start, wanted),
        };
        let rest = &self.text[from..end];
        match rest.char_indices().nth(skip) {
            Some((i, _)) => Some(from + i),
            None if rest.chars().count() == skip => Some(end),
            None => None,
        }
    }

    fn line_end(&self, line: usize) -> usize {
        self.line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The last checkpoint of `line` at or before byte `offset`: its byte
    /// offset and the characters of the line before it.
    fn checkpoint_before(&self, line: usize, offset: usize) -> (usize, usize) {
        match self.checkpoints(line) {
            Some(marks) => {
                let k = marks.partition_point(|&b| b <= offset).max(1) - 1;
                (marks[k], k * CHECKPOINT)
            }
            None => (self.line_starts[line], 0),
        }
    }

    /// The checkpoints of `line` when it is long (the first is its start).
    fn checkpoints(&self, line: usize) -> Option<std::cell::Ref<'_, Vec<usize>>> {
        let start = self.line_starts[line];
        let end = self.line_end(line);
        if end - start <= CHECKPOINT * 2 {
            return None;
        }
        let known = matches!(&*self.long_line.borrow(), Some((l, _)) if *l == line);
        if !known {
            let marks = self.text[start..end]
                .char_indices()
                .step_by(CHECKPOINT)
                .map(|(i, _)| start + i)
                .collect();
            *self.long_line.borrow_mut() = Some((line, marks));
        }
        let held = self.long_line.borrow();
        std::cell::Ref::filter_map(held, |l| l.as_ref().map(|(_, marks)| marks)).ok()
    }

    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The 0-based line index of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines_before + self.line_index(offset)
    }
}

fn memchr_iter(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

/// Lines of records read in order from CSV text, from their byte offsets:
/// the csv reader's own line count and offsets are one short after a CRLF
/// row (as spreadsheets and the review list write them).
#[derive(Debug, Default)]
pub struct CsvLines {
    counted_to: usize,
    newlines: u64,
}

impl CsvLines {
    /// The 1-based line of the record at `position` in `text`.
    pub fn line(&mut self, text: &str, position: Option<&csv::Position>) -> u64 {
        let Some(position) = position else { return 0 };
        let mut byte = (position.byte() as usize).min(text.len());
        // After CRLF a record's offset is that of the `\n` ending the line before.
        if text.as_bytes().get(byte) == Some(&b'\n') {
            byte += 1;
        }
        if byte >= self.counted_to {
            self.newlines +=
                memchr::memchr_iter(b'\n', &text.as_bytes()[self.counted_to..byte]).count() as u64;
            self.counted_to = byte;
        } else {
            return text.as_bytes()[..byte]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64
                + 1;
        }
        self.newlines + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_lines_are_right_after_crlf_and_lf() {
        for text in ["h\r\na\r\n\"b\r\nc\"\r\nd\r\n", "h\na\n\"b\nc\"\nd\n"] {
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            let mut lines = CsvLines::default();
            let got: Vec<u64> = reader
                .records()
                .map(|r| lines.line(text, r.unwrap().position()))
                .collect();
            assert_eq!(got, vec![2, 3, 5], "{text:?}");
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "ab\r\nJulián Casas\nx";
        let loc = Locator::new(text);
        let at = text.find("Casas").unwrap();
        assert_eq!(loc.position(at), Position { line: 2, column: 8 });
        assert_eq!(loc.position(0), Position { line: 1, column: 1 });
        assert_eq!(loc.position(text.len()), Position { line: 3, column: 2 });
    }

    #[test]
    fn long_lines_give_the_positions_of_counting_from_the_line_start() {
        // Checkpoints serve long lines; asked in any order, and across two
        // long lines, the answers are those of plain counting.
        let line: String = (0..3000)
            .map(|i| if i % 7 == 0 { 'é' } else { 'a' })
            .collect();
        let text = format!("short\n{line}\n{line}x\nend");
        let loc = Locator::new(&text);
        let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        offsets.push(text.len());
        // A fixed shuffle: forwards, backwards and between the lines.
        let order = (0..offsets.len()).map(|k| offsets[(k * 7919) % offsets.len()]);
        for at in order {
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let expected = Position {
                line: text[..at].matches('\n').count() + 1,
                column: text[start..at].chars().count() + 1,
            };
            assert_eq!(loc.position(at), expected, "{at}");
            assert_eq!(loc.offset(expected), Some(at), "{at}");
        }
    }

    #[test]
    fn a_locator_within_a_span_gives_the_positions_of_the_whole() {
        let text = "one\ntwo é\nthree\r\nfour\nfive";
        let whole = Locator::new(text);
        for span in [0..3, 5..14, 10..20, 14..text.len(), 8..8] {
            let part = Locator::within(text, span.clone());
            for (i, _) in text[span.clone()].char_indices() {
                let at = span.start + i;
                assert_eq!(part.position(at), whole.position(at), "{at} in {span:?}");
                assert_eq!(part.offset(part.position(at)), Some(at));
            }
            assert_eq!(part.position(span.end), whole.position(span.end));
        }
    }

    #[test]
    fn offset_inverts_position() {
        let text = "é‑‑x\nsecond line\n";
        let loc = Locator::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(loc.offset(loc.position(i)), Some(i), "offset {i}");
        }
        assert_eq!(loc.offset(Position { line: 9, column: 1 }), None);
        assert_eq!(
            loc.offset(Position {
                line: 1,
                column: 40
            }),
            None
        );
    }
}
