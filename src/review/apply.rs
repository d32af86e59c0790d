//! Applying an editor's decisions: the rows of one input, checked against
//! the input as it is now, through the same applier `fix` uses.

use std::path::Path;

use super::read::{Decision, ReviewedRow};
use crate::edit::conflicts;
use crate::error::{Error, Result};
use crate::pipeline::apply::apply_edits;
use crate::text::locator::Position;
use crate::text::{decode_with, encode, Locator, OutputEncoding};

/// How the inputs of a review list are read and written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Encodings {
    /// The input encoding, when forced (as `fix` was told); else detected.
    pub input: Option<&'static encoding_rs::Encoding>,
    /// What the output is written in.
    pub output: OutputEncoding,
}

/// The result of applying the rows of one input.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The corrected bytes, in the input's encoding unless told otherwise.
    pub output: Vec<u8>,
    /// Rows whose change is in the output.
    pub applied: usize,
    /// Rows left as they were (undecided suggestions and flags).
    pub kept: usize,
    /// Rows the editor rejected.
    pub rejected: usize,
}

/// Applies the decided `rows` of `file` to its current `bytes`. Refuses,
/// naming the row, when a row's original text no longer stands at its
/// position, or when two applied rows overlap.
pub fn apply_rows(
    review: &Path,
    file: &str,
    bytes: &[u8],
    rows: &[&ReviewedRow],
    encodings: Encodings,
) -> Result<Applied> {
    let err = |row: &ReviewedRow, reason: String| Error::Review {
        path: review.to_owned(),
        line: row.csv_line,
        reason: format!("{file}: {reason}"),
    };
    let decoded = decode_with(bytes, encodings.input).map_err(|e| Error::Input {
        path: file.to_owned(),
        reason: format!("{e}{}", e.remedy()),
    })?;
    let text = decoded.text.as_str();
    let locator = Locator::new(text);
    let mut edits = Vec::new();
    let (mut applied, mut kept, mut rejected) = (0, 0, 0);
    for row in rows {
        let at = |(line, column): (usize, usize)| locator.offset(Position { line, column });
        let (Some(start), Some(end)) = (at(row.start), at(row.end)) else {
            return Err(err(
                row,
                format!(
                    "{}:{} is outside the file; it changed since the review list was made",
                    row.start.0, row.start.1
                ),
            ));
        };
        if start > end || text.get(start..end) != Some(row.original.as_str()) {
            return Err(err(
                row,
                format!(
                    "`{}` no longer stands at {}:{}; the input changed since the review list was made",
                    row.original, row.start.0, row.start.1
                ),
            ));
        }
        if row.applies() {
            applied += 1;
            edits.push((start..end, row.suggestion.as_str(), *row));
        } else if row.decision == Decision::Reject {
            rejected += 1;
        } else {
            kept += 1;
        }
    }
    edits.sort_by_key(|(r, _, _)| (r.start, r.end));
    for pair in edits.windows(2) {
        if conflicts(&pair[0].0, &pair[1].0) {
            return Err(err(
                pair[1].2,
                format!(
                    "overlaps the row on line {} of the review list; accept only one of them",
                    pair[0].2.csv_line
                ),
            ));
        }
    }
    let output = apply_edits(text, edits.iter().map(|(r, s, _)| (r.clone(), *s)));
    Ok(Applied {
        output: encode(&output, decoded.encoding, encodings.output).map_err(|e| Error::Input {
            path: file.to_owned(),
            reason: e.to_string(),
        })?,
        applied,
        kept,
        rejected,
    })
}
