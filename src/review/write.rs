//! Writing the review list exactly as the contract says: UTF-8 with a BOM,
//! RFC 4180 quoting, the columns in contract order, formula-safe cells.

use std::io::Write;

use super::cell::guard;
use crate::edit::{Finding, Rule, Status};
use crate::formats::Document;
use crate::pipeline::Checked;
use crate::text::Locator;

/// The review list's columns, in order. `note` (the evidence) follows the
/// contract's columns so that their positions stay as documented.
pub const COLUMNS: [&str; 17] = [
    "id",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "time",
    "speaker",
    "rule",
    "kind",
    "status",
    "original",
    "suggestion",
    "confidence",
    "context",
    "decision",
    "note",
];

/// Characters of context shown either side of a finding.
const CONTEXT_CHARS: usize = 30;

/// One row of the review list.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Stable id within the list (assigned in order when written).
    pub id: usize,
    /// Input path as given.
    pub file: String,
    /// 1-based start line.
    pub line: usize,
    /// 1-based start column in characters.
    pub column: usize,
    /// Exclusive end line.
    pub end_line: usize,
    /// Exclusive end column.
    pub end_column: usize,
    /// Cue start time (srt/vtt).
    pub time: String,
    /// Speaker of the turn.
    pub speaker: String,
    /// The rule (its code and kind go into the list).
    pub rule: Rule,
    /// Applied, suggested or flagged.
    pub status: Status,
    /// Original text of the span.
    pub original: String,
    /// Replacement (empty for flags).
    pub suggestion: String,
    /// 0.00 to 1.00.
    pub confidence: f32,
    /// Context with the span marked « ».
    pub context: String,
    /// The editor's decision (written empty).
    pub decision: String,
    /// Evidence and explanation.
    pub note: String,
}

/// The rows for one checked input, in position order; ids start at `first_id`.
pub fn rows_for(file: &str, checked: &Checked, first_id: usize) -> Vec<Row> {
    rows_for_part(file, &checked.doc, &checked.findings, first_id, "")
        .map(|(row, _)| row)
        .collect()
}

/// The rows for one part of a larger input, made one at a time so that a
/// part's rows are never all held: `before` is the text just before the
/// part, for the context of its first rows. Each row comes with the
/// characters of context its part's end cut off, which [`extend_context`]
/// adds from the next part.
pub fn rows_for_part<'a>(
    file: &'a str,
    doc: &'a Document,
    findings: &'a [Finding],
    first_id: usize,
    before: &'a str,
) -> impl Iterator<Item = (Row, usize)> + 'a {
    let text = doc.text.as_str();
    // Only the lines the findings are on: a large part is handed over a
    // window at a time.
    let from = findings.first().map_or(0, |f| f.range.start);
    let to = findings.iter().map(|f| f.range.end).max().unwrap_or(from);
    let locator = Locator::within(text, from..to);
    findings.iter().enumerate().map(move |(i, f)| {
        let start = locator.position(f.range.start);
        let end = locator.position(f.range.end);
        let segment = doc.segment_at(f.range.start);
        let (context, missing) = context(before, text, f.range.clone());
        let row = Row {
            id: first_id + i,
            file: file.to_owned(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            time: segment
                .and_then(|s| doc.time(s))
                .unwrap_or_default()
                .to_owned(),
            speaker: segment
                .and_then(|s| doc.speaker(s))
                .unwrap_or_default()
                .to_owned(),
            rule: f.rule,
            status: f.status,
            original: text[f.range.clone()].to_owned(),
            suggestion: f.replacement.clone(),
            confidence: f.confidence,
            context,
            decision: String::new(),
            note: f.note.to_string(),
        };
        (row, missing)
    })
}

/// The review rows of a large input checked in parts, made piece by piece
/// and handed on in order as soon as they are complete: a row whose context
/// the part's end cuts off waits for the next part, and the end of a part
/// gives the context of the next part's first rows. What it holds does not
/// grow with the input.
#[derive(Debug)]
pub struct PartRows {
    file: String,
    /// Rows waiting for the next part, with the context characters each lacks.
    pending: Vec<(Row, usize)>,
    /// The last characters of the parts so far.
    before: String,
}

impl PartRows {
    /// Rows of the input named `file` (as the review list names it).
    pub fn new(file: &str) -> Self {
        PartRows {
            file: file.to_owned(),
            pending: Vec::new(),
            before: String::new(),
        }
    }

    /// Makes the rows of `piece` and hands those that are complete to
    /// `each`, in order (with their line numbers in the whole input).
    pub fn piece<E>(
        &mut self,
        piece: &crate::pipeline::parts::Piece<'_>,
        mut each: impl FnMut(Row) -> Result<(), E>,
    ) -> Result<(), E> {
        let text = piece.doc.text.as_str();
        if piece.starts_part() {
            for (mut row, missing) in self.pending.drain(..) {
                extend_context(&mut row, text, missing);
                each(row)?;
            }
        }
        let rows = rows_for_part(&self.file, piece.doc, &piece.findings, 0, &self.before);
        for (mut row, missing) in rows {
            row.line += piece.line_base;
            row.end_line += piece.line_base;
            // Rows stay in order: once one waits, the rest of the part does.
            if missing > 0 || !self.pending.is_empty() {
                self.pending.push((row, missing));
            } else {
                each(row)?;
            }
        }
        if piece.ends_part() {
            let tail = text
                .char_indices()
                .rev()
                .nth(CONTEXT_CHARS - 1)
                .map_or(0, |(i, _)| i);
            self.before.push_str(&text[tail..]);
            let keep = self
                .before
                .char_indices()
                .rev()
                .nth(CONTEXT_CHARS - 1)
                .map_or(0, |(i, _)| i);
            self.before.drain(..keep);
        }
        Ok(())
    }

    /// The rows still waiting at the input's end, in order (the input ends
    /// where their context does).
    pub fn finish(self) -> impl Iterator<Item = Row> {
        self.pending.into_iter().map(|(row, _)| row)
    }
}

/// Adds up to `missing` characters of `next` (the text after a row's part)
/// to the row's context.
pub fn extend_context(row: &mut Row, next: &str, missing: usize) {
    let end = next
        .char_indices()
        .nth(missing)
        .map_or(next.len(), |(i, _)| i);
    row.context.push_str(&flat(&next[..end]));
}

fn flat(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r'], " ")
}

/// The span marked in its context, and how many characters of context
/// after it `text` lacks. Context before the span may come from `before`.
fn context(before: &str, text: &str, range: std::ops::Range<usize>) -> (String, usize) {
    let head = &text[..range.start];
    let mut lead = match head.char_indices().rev().nth(CONTEXT_CHARS - 1) {
        Some((i, _)) => flat(&head[i..]),
        None => {
            let short = CONTEXT_CHARS - head.chars().count();
            let from = before
                .char_indices()
                .rev()
                .nth(short - 1)
                .map_or(0, |(i, _)| i);
            flat(&before[from..]) + &flat(head)
        }
    };
    let tail = &text[range.end..];
    let (after_end, missing) = match tail.char_indices().nth(CONTEXT_CHARS) {
        Some((i, _)) => (i, 0),
        None => (tail.len(), CONTEXT_CHARS - tail.chars().count()),
    };
    lead.push('«');
    lead.push_str(&flat(&text[range]));
    lead.push('»');
    lead.push_str(&flat(&tail[..after_end]));
    (lead, missing)
}

/// Writes the review list (BOM, header, rows).
pub fn write_review<W: Write>(out: W, rows: &[Row]) -> std::io::Result<()> {
    let mut writer = ReviewWriter::new(out)?;
    for row in rows {
        writer.write(row)?;
    }
    writer.finish().map(|_| ())
}

/// Writes a review list row by row, so that a run over an archive never
/// holds all of its rows.
pub struct ReviewWriter<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> ReviewWriter<W> {
    /// Starts a review list: BOM and header.
    pub fn new(mut out: W) -> std::io::Result<Self> {
        out.write_all(b"\xEF\xBB\xBF")?;
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(COLUMNS)?;
        Ok(ReviewWriter { writer })
    }

    /// Writes one row.
    pub fn write(&mut self, row: &Row) -> std::io::Result<()> {
        let writer = &mut self.writer;
        let numbers =
            [row.id, row.line, row.column, row.end_line, row.end_column].map(|n| n.to_string());
        let confidence = format!("{:.2}", row.confidence);
        let cells: [&str; 17] = [
            &numbers[0],
            &row.file,
            &numbers[1],
            &numbers[2],
            &numbers[3],
            &numbers[4],
            &row.time,
            &row.speaker,
            row.rule.code(),
            row.rule.kind().as_str(),
            row.status.as_str(),
            &row.original,
            &row.suggestion,
            &confidence,
            &row.context,
            &row.decision,
            &row.note,
        ];
        writer.write_record(cells.iter().map(|c| guard(c).into_owned()))?;
        Ok(())
    }

    /// Flushes the rows written and returns the writer underneath.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.writer.flush()?;
        self.writer.into_inner().map_err(|e| e.into_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::Format;
    use crate::pipeline::{check_text, Settings};

    #[test]
    fn context_marks_the_span_and_flattens_lines() {
        let text = "first line\r\nthe values (?) in the future";
        let at = text.find("(?)").unwrap();
        assert_eq!(
            context("", text, at..at + 3).0,
            "first line the values «(?)» in the future"
        );
        // Across parts: the text before the part and after it complete it.
        let (c, missing) = context("abc\n", "x (?) y", 2..5);
        assert_eq!((c.as_str(), missing), ("abc x «(?)» y", 28));
    }

    #[test]
    fn rows_carry_positions_speaker_and_guarded_cells() {
        let text = ">> ANA SILVA: well\nJulián said (?) here\n";
        let checked = check_text(text, Format::Cart, &Settings::default());
        let rows = rows_for("a.txt", &checked, 1);
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!((r.line, r.column, r.end_line, r.end_column), (2, 13, 2, 16));
        assert_eq!(r.speaker, "ANA SILVA");
        assert_eq!(r.status, Status::Flagged);
        let mut buf = Vec::new();
        write_review(&mut buf, &rows).unwrap();
        let csv = String::from_utf8(buf).unwrap();
        assert!(csv.starts_with("\u{feff}id,file,line,column,end_line,end_column,time,speaker,rule,kind,status,original,suggestion,confidence,context,decision,note\r\n"));
        assert!(
            csv.contains("1,a.txt,2,13,2,16,,ANA SILVA,I001,inaudible,flagged,(?),,1.00,"),
            "{csv}"
        );
    }
}
