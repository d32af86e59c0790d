//! Reading a review list back, as spreadsheets save it: with or without a
//! BOM, UTF-8, UTF-16 or Windows-1252, `,` `;` or tab as the separator, CRLF,
//! rows sorted, filtered or deleted, columns reordered or added, numbers
//! reformatted, and the `'` of formula-safe cells.

use std::path::Path;

use super::cell::unguard;
use crate::edit::Status;
use crate::error::{Error, Result};
use crate::text::SourceEncoding;

/// The editor's decision on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Left empty.
    Undecided,
    /// accept, y, yes.
    Accept,
    /// reject, n, no.
    Reject,
}

impl Decision {
    /// Parses a decision cell (any case, surrounding spaces ignored).
    pub fn parse(cell: &str) -> Option<Decision> {
        Some(match cell.trim().to_lowercase().as_str() {
            "" => Decision::Undecided,
            "accept" | "accepted" | "y" | "yes" => Decision::Accept,
            "reject" | "rejected" | "n" | "no" => Decision::Reject,
            _ => return None,
        })
    }
}

/// One row of a review list as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewedRow {
    /// Line of the row in the review list (for messages).
    pub csv_line: u64,
    /// The row's `id`, when the column is there.
    pub id: String,
    /// Input path as given to `fix`.
    pub file: String,
    /// 1-based start line and column (characters).
    pub start: (usize, usize),
    /// Exclusive end line and column.
    pub end: (usize, usize),
    /// applied, suggested or flagged.
    pub status: Status,
    /// The original text of the span.
    pub original: String,
    /// The replacement, possibly edited by the editor.
    pub suggestion: String,
    /// The editor's decision.
    pub decision: Decision,
    /// The rule code, when the column is there.
    pub rule: String,
}

impl ReviewedRow {
    /// Whether the row's change belongs in the output.
    pub fn applies(&self) -> bool {
        match (self.status, self.decision) {
            (_, Decision::Reject) => false,
            (Status::Applied, _) => true,
            (Status::Suggested, Decision::Accept) => true,
            (Status::Flagged, Decision::Accept) => !self.suggestion.is_empty(),
            _ => false,
        }
    }
}

/// The rows of a review list that hold a decision, counted without
/// holding the list: a list of millions of rows costs no more memory than
/// a short one. `None` when the bytes are no review list (no `decision`
/// column, or not CSV text).
pub fn count_decisions(mut source: impl std::io::BufRead) -> Option<usize> {
    // The header line decides the separator, as for a whole list.
    let mut header = Vec::new();
    source.read_until(b'\n', &mut header).ok()?;
    let header = header.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&header);
    let header_text = String::from_utf8_lossy(header);
    let separator = crate::dict::table::guess_separator(&header_text);
    let column = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .from_reader(header)
        .byte_records()
        .next()?
        .ok()?
        .iter()
        .position(|h| {
            unguard(String::from_utf8_lossy(h).trim()).eq_ignore_ascii_case("decision")
        })?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(source);
    let mut record = csv::ByteRecord::new();
    let mut decided = 0;
    while reader.read_byte_record(&mut record).ok()? {
        let cell = record.get(column).unwrap_or_default();
        decided += usize::from(cell.iter().any(|b| !b.is_ascii_whitespace()));
    }
    Some(decided)
}

/// A review list as read back: its rows, the rows that could not be read
/// (each with its line and reason), and what the list says about itself.
#[derive(Debug, Clone, Default)]
pub struct ReviewList {
    /// The rows that could be read, in list order.
    pub rows: Vec<ReviewedRow>,
    /// Rows that could not be read: (line, reason).
    pub bad: Vec<(u64, String)>,
    /// Ids missing between 1 and the highest id: rows deleted from the list.
    pub deleted: Vec<usize>,
    /// What the list was saved in. A legacy code page (a spreadsheet's
    /// "CSV" rather than "CSV UTF-8") may have turned characters it lacks
    /// into `?`.
    pub encoding: SourceEncoding,
}

impl ReviewList {
    /// Whether the list was saved in a legacy code page.
    pub fn saved_in_legacy_encoding(&self) -> bool {
        matches!(self.encoding, SourceEncoding::Legacy(_))
    }

    /// The first bad row as an error, if any.
    pub fn first_error(&self, path: &Path) -> Option<Error> {
        self.bad.first().map(|(line, reason)| Error::Review {
            path: path.to_owned(),
            line: *line,
            reason: reason.clone(),
        })
    }
}

/// Reads a review list, failing on the first row that cannot be read;
/// `path` is used in messages.
pub fn read_review(path: &Path, bytes: &[u8]) -> Result<Vec<ReviewedRow>> {
    let list = read_review_list(path, bytes)?;
    match list.first_error(path) {
        Some(e) => Err(e),
        None => Ok(list.rows),
    }
}

/// Reads a review list, collecting every row that cannot be read rather
/// than stopping at the first. A list that cannot be read at all (not
/// text, no header, a required column missing, no `decision` column) is
/// an error.
pub fn read_review_list(path: &Path, bytes: &[u8]) -> Result<ReviewList> {
    let err = |line: u64, reason: String| Error::Review {
        path: path.to_owned(),
        line,
        reason,
    };
    let decoded = crate::text::decode(bytes)
        .map_err(|e| err(1, format!("{e}; save the review list as CSV UTF-8")))?;
    let text = decoded.text;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(crate::dict::table::guess_separator(&text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| err(1, format!("unreadable header row: {e}")))?
        .iter()
        .map(|h| unguard(h.trim()).to_lowercase())
        .collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let required = [
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "status",
        "original",
        "suggestion",
    ];
    let mut idx = Vec::new();
    for name in required {
        idx.push(column(name).ok_or_else(|| err(1, format!("the header has no `{name}` column")))?);
    }
    let decision = column("decision").ok_or_else(|| {
        err(
            1,
            "the header has no `decision` column, so there is nothing to apply: was the list saved without it?".into(),
        )
    })?;
    let (id, rule) = (column("id"), column("rule"));
    let needed = idx.iter().copied().chain([decision]).max().unwrap_or(0) + 1;
    let mut list = ReviewList {
        encoding: decoded.encoding,
        ..ReviewList::default()
    };
    let mut ids = Vec::new();
    let mut lines = crate::text::locator::CsvLines::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                list.bad
                    .push((lines.line(&text, e.position()), e.to_string()));
                continue;
            }
        };
        let line = lines.line(&text, record.position());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // A cell lost or added (an unquoted separator) shifts every cell
        // after it: say so, rather than what the shifted cells hold.
        let extra_filled = record
            .iter()
            .skip(headers.len())
            .any(|c| !c.trim().is_empty());
        if record.len() < needed || extra_filled {
            list.bad.push((
                line,
                format!(
                    "the row has {} cells where the header has {}: a cell was lost or added (a separator in an unquoted cell?)",
                    record.len(),
                    headers.len()
                ),
            ));
            continue;
        }
        match read_row(&record, line, &idx, decision, id, rule) {
            Ok(row) => {
                if let Ok(n) = row.id.parse::<usize>() {
                    ids.push(n);
                }
                list.rows.push(row);
            }
            Err(reason) => list.bad.push((line, reason)),
        }
    }
    ids.sort_unstable();
    ids.dedup();
    if let Some(&last) = ids.last() {
        list.deleted = (1..=last)
            .filter(|n| ids.binary_search(n).is_err())
            .collect();
    }
    Ok(list)
}

/// One row's cells as a [`ReviewedRow`], or why they are not one.
fn read_row(
    record: &csv::StringRecord,
    line: u64,
    idx: &[usize],
    decision: usize,
    id: Option<usize>,
    rule: Option<usize>,
) -> std::result::Result<ReviewedRow, String> {
    let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).map(unguard).unwrap_or("");
    let number = |i: usize, name: &str| -> std::result::Result<usize, String> {
        let raw = cell(Some(idx[i])).trim();
        // Spreadsheets may write 12 as 12.0.
        let parsed = raw.parse::<usize>().ok().or_else(|| {
            raw.parse::<f64>()
                .ok()
                .filter(|f| f.fract() == 0.0 && *f >= 1.0)
                .map(|f| f as usize)
        });
        parsed
            .filter(|&n| n >= 1)
            .ok_or_else(|| format!("`{name}` is `{raw}`, not a positive whole number"))
    };
    let status_cell = cell(Some(idx[5]));
    let status = Status::parse(status_cell)
        .ok_or_else(|| format!("unknown status `{status_cell}` (applied, suggested or flagged)"))?;
    let decision_cell = cell(Some(decision));
    let decision = Decision::parse(decision_cell).ok_or_else(|| {
        format!("unknown decision `{decision_cell}` (accept or reject, y or n, yes or no)")
    })?;
    Ok(ReviewedRow {
        csv_line: line,
        id: cell(id).trim().to_owned(),
        file: cell(Some(idx[0])).to_owned(),
        start: (number(1, "line")?, number(2, "column")?),
        end: (number(3, "end_line")?, number(4, "end_column")?),
        status,
        original: cell(Some(idx[6])).to_owned(),
        suggestion: cell(Some(idx[7])).to_owned(),
        decision,
        rule: cell(rule).trim().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_reordered_columns_and_quotes() {
        let csv = "\u{feff}decision;status;file;line;column;end_line;end_column;original;suggestion;extra\r\nYes;suggested;a.txt;1;1;1;4.0;'--;' — ;x\r\n";
        let rows = read_review(Path::new("r.csv"), csv.as_bytes()).unwrap();
        assert_eq!(rows[0].decision, Decision::Accept);
        assert_eq!(rows[0].original, "--");
        assert_eq!(rows[0].end, (1, 4));
        assert!(rows[0].applies());
    }

    #[test]
    fn decisions_are_counted_in_any_separator_and_none_without_the_column() {
        let csv = "\u{feff}id;decision;note\r\n1;;a\r\n2; Yes ;b\r\n3;n;\"c;d\"\r\n";
        assert_eq!(count_decisions(csv.as_bytes()), Some(2));
        assert_eq!(count_decisions("id,note\n1,x\n".as_bytes()), None);
        assert_eq!(count_decisions("id,decision\n".as_bytes()), Some(0));
    }

    #[test]
    fn unknown_decisions_name_the_row() {
        let csv = "file,line,column,end_line,end_column,status,original,suggestion,decision\na,1,1,1,2,applied,x,y,maybe\n";
        let err = read_review(Path::new("r.csv"), csv.as_bytes())
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "r.csv:2: unknown decision `maybe` (accept or reject, y or n, yes or no)"
        );
    }

    #[test]
    fn decision_semantics() {
        let row = |status, decision, suggestion: &str| ReviewedRow {
            csv_line: 2,
            id: String::new(),
            file: String::new(),
            start: (1, 1),
            end: (1, 1),
            status,
            original: String::new(),
            suggestion: suggestion.into(),
            decision,
            rule: String::new(),
        };
        assert!(row(Status::Applied, Decision::Undecided, "x").applies());
        assert!(!row(Status::Applied, Decision::Reject, "x").applies());
        assert!(!row(Status::Suggested, Decision::Undecided, "x").applies());
        assert!(row(Status::Suggested, Decision::Accept, "x").applies());
        assert!(!row(Status::Flagged, Decision::Accept, "").applies());
        assert!(row(Status::Flagged, Decision::Accept, "values").applies());
    }
}
