//! Applying an editor's decisions: the rows of one input, checked against
//! the input as it is now, through the same applier `fix` uses.

use std::path::Path;

use super::read::{Decision, ReviewedRow};
use crate::edit::{SpanSet, Status};
use crate::error::Error;
use crate::pipeline::apply::apply_edits;
use crate::text::locator::Position;
use crate::text::{decode_with, encode, Locator, OutputEncoding, SourceEncoding};

/// How the inputs of a review list are read and written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Encodings {
    /// The input encoding, when forced (as `fix` was told); else detected.
    pub input: Option<&'static encoding_rs::Encoding>,
    /// What the output is written in.
    pub output: OutputEncoding,
    /// What the review list itself was saved in: a legacy code page may
    /// have turned characters it lacks into `?`.
    pub review_list: SourceEncoding,
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
    /// Decisions that change nothing, worth a word (an accepted flag with
    /// no suggestion).
    pub warnings: Vec<String>,
}

/// Applies the decided `rows` of `file` to its current `bytes`. Every row
/// that cannot be applied is reported, not only the first: its original
/// text no longer stands at its position (the input changed, or the cell
/// was edited or lost characters in a legacy save), or it overlaps another
/// applied row. Nothing is applied to a file with such a row.
pub fn apply_rows(
    review: &Path,
    file: &str,
    bytes: &[u8],
    rows: &[&ReviewedRow],
    encodings: Encodings,
) -> std::result::Result<Applied, Vec<Error>> {
    let err = |row: &ReviewedRow, reason: String| Error::Review {
        path: review.to_owned(),
        line: row.csv_line,
        reason: format!("{file}: {reason}"),
    };
    let decoded = decode_with(bytes, encodings.input).map_err(|e| {
        vec![Error::Input {
            path: file.to_owned(),
            reason: format!("{e}{}", e.remedy()),
        }]
    })?;
    let legacy_list = matches!(encodings.review_list, SourceEncoding::Legacy(_));
    let save_as_utf8 = match encodings.review_list {
        SourceEncoding::Legacy(e) => format!(
            "the review list was saved in {}, which lacks some characters: save it as CSV UTF-8 and apply again",
            e.name()
        ),
        _ => "save the review list as CSV UTF-8 and apply again".to_owned(),
    };
    let text = decoded.text.as_str();
    let locator = Locator::new(text);
    let mut errors = Vec::new();
    let mut edits = Vec::new();
    let mut warnings = Vec::new();
    let (mut applied, mut kept, mut rejected) = (0, 0, 0);
    for row in rows {
        let at = |(line, column): (usize, usize)| locator.offset(Position { line, column });
        let (Some(start), Some(end)) = (at(row.start), at(row.end)) else {
            errors.push(err(
                row,
                format!(
                    "{}:{} is outside the file: the input changed since the review list was made, or the row's position cells were edited",
                    row.start.0, row.start.1
                ),
            ));
            continue;
        };
        let actual = text.get(start..end.max(start)).unwrap_or("");
        if start > end || actual != row.original {
            let reason = if lost_in_legacy_save(&row.original, actual) {
                format!(
                    "`{}` stands for `{actual}` at {}:{}: characters were lost; {save_as_utf8}",
                    row.original, row.start.0, row.start.1
                )
            } else {
                format!(
                    "`{}` no longer stands at {}:{} (the text there is `{actual}`): the input changed since the review list was made, or this row's `original` cell was edited or re-encoded",
                    row.original, row.start.0, row.start.1
                )
            };
            errors.push(err(row, reason));
            continue;
        }
        if row.applies() && suggestion_lost_characters(row, legacy_list) {
            errors.push(err(
                row,
                format!(
                    "the suggestion `{}` may have lost characters (a `?` the original does not have); {save_as_utf8}",
                    row.suggestion
                ),
            ));
            continue;
        }
        if row.status == Status::Flagged
            && row.decision == Decision::Accept
            && row.suggestion.is_empty()
        {
            warnings.push(format!(
                "{}:{}: `accept` on a flagged row with no suggestion changes nothing; type the text into `suggestion`, or leave the decision empty",
                review.display(),
                row.csv_line
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
    // What the editor accepted goes first: an applied row nobody decided
    // yields to an accepted row it overlaps (taking a suggestion instead of
    // the fix applied there); two accepted rows that overlap are an error.
    edits.sort_by_key(|(r, _, row)| (row.decision != Decision::Accept, r.start, r.end));
    let mut taken: SpanSet<usize> = SpanSet::default();
    let mut kept_edits = Vec::with_capacity(edits.len());
    for (i, (range, _, row)) in edits.iter().enumerate() {
        let Some(j) = taken.conflicting(range) else {
            taken.insert(range.clone(), i);
            kept_edits.push(i);
            continue;
        };
        let other = edits[j].2;
        if row.decision == Decision::Accept {
            errors.push(err(
                row,
                format!(
                    "overlaps the row on line {} of the review list, and both are accepted; accept only one of them",
                    other.csv_line
                ),
            ));
        } else {
            applied -= 1;
            kept += 1;
            warnings.push(format!(
                "{}:{}: the applied row yields to the accepted row on line {} it overlaps",
                review.display(),
                row.csv_line,
                other.csv_line
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let edits: Vec<_> = kept_edits.into_iter().map(|i| edits[i].clone()).collect();
    let output = apply_edits(text, edits.iter().map(|(r, s, _)| (r.clone(), *s)));
    let output = encode(&output, decoded.encoding, encodings.output).map_err(|e| {
        vec![Error::Input {
            path: file.to_owned(),
            reason: e.to_string(),
        }]
    })?;
    Ok(Applied {
        output,
        applied,
        kept,
        rejected,
        warnings,
    })
}

/// Whether `cell` is `actual` with characters lost in a legacy save: each
/// character that differs was a non-ASCII one, and became `?`, U+FFFD, a
/// control character or the low byte of its code point (as spreadsheets
/// write what their code page lacks).
fn lost_in_legacy_save(cell: &str, actual: &str) -> bool {
    let mut differs = false;
    let mut cell_chars = cell.chars();
    for a in actual.chars() {
        let Some(c) = cell_chars.next() else {
            return false;
        };
        if c == a {
            continue;
        }
        differs = true;
        let lost = !a.is_ascii()
            && (c == '?' || c == '\u{FFFD}' || c.is_control() || c as u32 == (a as u32 & 0xFF));
        if !lost {
            return false;
        }
    }
    differs && cell_chars.next().is_none()
}

/// Whether a row's suggestion shows signs of characters lost in a save:
/// U+FFFD anywhere, or (in a list saved in a legacy code page) more `?`
/// than its original has.
fn suggestion_lost_characters(row: &ReviewedRow, legacy_list: bool) -> bool {
    let marks = |s: &str| s.matches('?').count();
    row.suggestion.contains('\u{FFFD}')
        || (legacy_list && marks(&row.suggestion) > marks(&row.original))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_lost_in_a_legacy_save_are_told_from_edits() {
        assert!(lost_in_legacy_save("?ukasz", "Łukasz"));
        assert!(lost_in_legacy_save(
            "Under\u{11}Secretary",
            "Under\u{2011}Secretary"
        ));
        assert!(lost_in_legacy_save("caf\u{FFFD}", "café"));
        assert!(
            !lost_in_legacy_save("Lukasz", "Łukasz"),
            "an edit, not a loss"
        );
        assert!(
            !lost_in_legacy_save("?ukasz", "Lukasz"),
            "ASCII is never lost"
        );
        assert!(!lost_in_legacy_save("Łukasz", "Łukasz"), "nothing lost");
        assert!(!lost_in_legacy_save("?uk", "Łukasz"));
    }
}
