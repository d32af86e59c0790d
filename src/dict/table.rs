//! A CSV file with a header row, kept whole so a rewrite can preserve the
//! columns and row order capclean does not know about.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A parsed CSV dictionary file.
#[derive(Debug, Clone)]
pub struct Table {
    /// Where it came from (for messages).
    pub path: PathBuf,
    /// Header names as written.
    pub headers: Vec<String>,
    /// Rows with their 1-based line numbers.
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Reads a dictionary file as text (UTF-8, BOM allowed).
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    crate::text::decode(&bytes)
        .map(|d| d.text)
        .map_err(|e| Error::Dictionary {
            path: path.to_owned(),
            line: 1,
            reason: format!("{e}; save it as CSV UTF-8"),
        })
}

/// The cell separator of a delimited text, guessed from its header line:
/// whichever of `,`, `;` and tab it holds most (spreadsheets in many
/// locales save with `;`, registration exports with tabs).
pub fn guess_separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&sep| header.bytes().filter(|&b| b == sep).count())
        .unwrap_or(b',')
}

impl Table {
    /// Parses CSV `text`; `path` is used in messages only.
    pub fn parse(path: &Path, text: &str) -> Result<Table> {
        Table::parse_delimited(path, text, b',', false)
    }

    /// Parses delimited `text` (a participant list may use `;` or tabs).
    /// `flexible` lets rows have fewer or more cells than the header, as
    /// exports from other programs do; a dictionary is strict.
    pub fn parse_delimited(
        path: &Path,
        text: &str,
        separator: u8,
        flexible: bool,
    ) -> Result<Table> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let err = |line: u64, reason: String| Error::Dictionary {
            path: path.to_owned(),
            line,
            reason,
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .delimiter(separator)
            .flexible(flexible)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| err(1, format!("unreadable header row: {e}")))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect();
        for (i, h) in headers.iter().enumerate().filter(|_| !flexible) {
            if headers[..i]
                .iter()
                .any(|other| other.eq_ignore_ascii_case(h))
                && !h.is_empty()
            {
                return Err(err(1, format!("column `{h}` appears twice in the header")));
            }
        }
        let mut rows = Vec::new();
        let mut lines = crate::text::locator::CsvLines::default();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = lines.line(text, e.position());
                let reason = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("row has {len} fields, the header has {expected_len}")
                    }
                    _ => e.to_string(),
                };
                err(line, reason)
            })?;
            let line = lines.line(text, record.position());
            // A dictionary ignores blank rows; a participant list reports them.
            if !flexible && record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            // Two files joined into one: the second header would become a
            // person called "name".
            if record.len() == headers.len()
                && record
                    .iter()
                    .zip(&headers)
                    .all(|(cell, h)| cell.trim().eq_ignore_ascii_case(h))
            {
                return Err(err(
                    line,
                    "this row repeats the header (two files joined?); remove it".into(),
                ));
            }
            rows.push((line, record.iter().map(str::to_owned).collect()));
        }
        Ok(Table {
            path: path.to_owned(),
            headers,
            rows,
        })
    }

    /// The index of a column by header name (case-insensitive).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// A required column, or an error naming the file.
    pub fn require(&self, name: &str) -> Result<usize> {
        self.column(name).ok_or_else(|| Error::Dictionary {
            path: self.path.clone(),
            line: 1,
            reason: format!(
                "the header has no `{name}` column (found: {})",
                self.headers.join(", ")
            ),
        })
    }

    /// A cell of a row, or empty when the column is absent.
    pub fn cell(row: &[String], column: Option<usize>) -> &str {
        column.and_then(|c| row.get(c)).map_or("", |s| s.trim())
    }

    /// A row error.
    pub fn row_error(&self, line: u64, reason: impl Into<String>) -> Error {
        Error::Dictionary {
            path: self.path.clone(),
            line,
            reason: reason.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ragged_row_names_its_line() {
        let err = Table::parse(Path::new("r.csv"), "name,role\nAna,chair\nBob,x,y\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.csv:3: row has 3 fields, the header has 2"
        );
    }

    #[test]
    fn duplicate_header_is_refused() {
        let err = Table::parse(Path::new("r.csv"), "name,Name\na,b\n").unwrap_err();
        assert!(err.to_string().contains("appears twice"), "{err}");
    }

    #[test]
    fn quoted_cells_and_bom() {
        let t = Table::parse(
            Path::new("r.csv"),
            "\u{feff}name,notes\n\"Doe, Jane\",\"said \"\"hi\"\"\"\n",
        )
        .unwrap();
        assert_eq!(t.rows[0].1, vec!["Doe, Jane", "said \"hi\""]);
        assert_eq!(t.rows[0].0, 2);
    }
}
