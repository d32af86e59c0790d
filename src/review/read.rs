//! Reading a review list back, as spreadsheets save it: with or without a
//! BOM, UTF-8, UTF-16 or Windows-1252, `,` `;` or tab as the separator, CRLF,
//! rows sorted, filtered or deleted, columns reordered or added, numbers
//! reformatted, and the `'` of formula-safe cells.

use std::path::Path;

use super::cell::unguard;
use crate::edit::Status;
use crate::error::{Error, Result};

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

/// Reads a review list; `path` is used in messages.
pub fn read_review(path: &Path, bytes: &[u8]) -> Result<Vec<ReviewedRow>> {
    let err = |line: u64, reason: String| Error::Review {
        path: path.to_owned(),
        line,
        reason,
    };
    let text = crate::text::decode(bytes)
        .map_err(|e| err(1, format!("{e}; save the review list as CSV UTF-8")))?
        .text;
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
    let (decision, id, rule) = (column("decision"), column("id"), column("rule"));
    let mut rows = Vec::new();
    let mut lines = crate::text::locator::CsvLines::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => return Err(err(lines.line(&text, e.position()), e.to_string())),
        };
        let line = lines.line(&text, record.position());
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).map(unguard).unwrap_or("");
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let number = |i: usize, name: &str| -> Result<usize> {
            let raw = cell(Some(idx[i])).trim();
            // Spreadsheets may write 12 as 12.0.
            let parsed = raw.parse::<usize>().ok().or_else(|| {
                raw.parse::<f64>()
                    .ok()
                    .filter(|f| f.fract() == 0.0 && *f >= 1.0)
                    .map(|f| f as usize)
            });
            parsed.filter(|&n| n >= 1).ok_or_else(|| {
                err(
                    line,
                    format!("`{name}` is `{raw}`, not a positive whole number"),
                )
            })
        };
        let status_cell = cell(Some(idx[5]));
        let status = Status::parse(status_cell).ok_or_else(|| {
            err(
                line,
                format!("unknown status `{status_cell}` (applied, suggested or flagged)"),
            )
        })?;
        let decision_cell = cell(decision);
        let decision = Decision::parse(decision_cell).ok_or_else(|| {
            err(
                line,
                format!("unknown decision `{decision_cell}` (accept or reject, y or n, yes or no)"),
            )
        })?;
        rows.push(ReviewedRow {
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
        });
    }
    Ok(rows)
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
