//! THE applier: the only place where text changes. `fix` and `apply` both
//! come through here.

use std::ops::Range;

pub use crate::edit::conflicts;
use crate::edit::{strongest_first, Finding, SpanSet, Status};

/// Demotes `applied` findings that overlap a stronger applied finding to
/// `suggested`, noting why; stronger as the one overlap policy says
/// ([`strongest_first`]).
pub fn resolve_overlaps(findings: &mut [Finding]) {
    let mut order: Vec<usize> = (0..findings.len())
        .filter(|&i| findings[i].status == Status::Applied)
        .collect();
    order.sort_by(|&a, &b| strongest_first(&findings[a], &findings[b]));
    let mut accepted: SpanSet<usize> = SpanSet::default();
    for i in order {
        let range = findings[i].range.clone();
        match accepted.conflicting(&range) {
            Some(j) => {
                let code = findings[j].rule.code();
                let f = &mut findings[i];
                f.status = Status::Suggested;
                let sep = if f.note.is_empty() { "" } else { "; " };
                f.note = format!("{}{sep}not applied: overlaps {code}", f.note).into();
            }
            None => accepted.insert(range, i),
        }
    }
}

/// Applies non-conflicting edits, given in any order, to `text`.
///
/// # Panics
/// If two edits conflict or a span is not on character boundaries; callers
/// resolve overlaps first and only pass spans found in `text`.
pub fn apply_edits<'a>(
    text: &str,
    edits: impl IntoIterator<Item = (Range<usize>, &'a str)>,
) -> String {
    let mut edits: Vec<(Range<usize>, &str)> = edits.into_iter().collect();
    // At one point an insertion goes first, then the replacement starting there.
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    let mut cursor = 0;
    for (range, replacement) in edits {
        assert!(
            range.start >= cursor,
            "overlapping edits reached the applier"
        );
        out.push_str(&text[cursor..range.start]);
        out.push_str(replacement);
        cursor = range.end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// Writes `span` of `text` with the applied `findings` (which lie in it)
/// in it to `out`, without building the corrected text in memory (a large
/// input's parts go straight to their file). `findings` are in position
/// order, overlaps resolved, as [`crate::pipeline::Checked`] holds them.
///
/// # Panics
/// If two applied findings conflict, are out of order or outside `span`.
pub fn write_applied<W: std::io::Write>(
    text: &str,
    span: Range<usize>,
    findings: &[Finding],
    out: &mut W,
) -> std::io::Result<()> {
    let mut cursor = span.start;
    for f in findings.iter().filter(|f| f.status == Status::Applied) {
        assert!(
            f.range.start >= cursor,
            "overlapping edits reached the applier"
        );
        assert!(
            text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end),
            "an edit off character boundaries reached the applier"
        );
        let bytes = text.as_bytes();
        out.write_all(&bytes[cursor..f.range.start])?;
        out.write_all(f.replacement.as_bytes())?;
        cursor = f.range.end;
    }
    assert!(
        cursor <= span.end,
        "an edit past its span reached the applier"
    );
    out.write_all(&text.as_bytes()[cursor..span.end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Applicability;
    use crate::rules::Rule;

    fn finding(range: Range<usize>, confidence: f32) -> Finding {
        Finding::new(
            Rule::InaudibleMarker,
            range,
            "x",
            Applicability::Always,
            confidence,
        )
    }

    #[test]
    fn stronger_edit_wins_and_loser_is_suggested() {
        let mut fs = vec![finding(0..3, 0.9), finding(2..6, 0.5), finding(6..8, 0.5)];
        resolve_overlaps(&mut fs);
        let status: Vec<_> = fs.iter().map(|f| f.status).collect();
        assert_eq!(
            status,
            vec![Status::Suggested, Status::Applied, Status::Applied]
        );
        assert!(fs[0].note.contains("overlaps I001"));
    }

    #[test]
    fn insertions_conflict_only_inside_spans() {
        assert!(conflicts(&(4..4), &(3..5)));
        assert!(conflicts(&(3..3), &(3..3)));
        assert!(!conflicts(&(3..3), &(3..5)));
        assert!(!conflicts(&(5..5), &(3..5)));
        assert!(!conflicts(&(0..3), &(3..5)));
    }

    #[test]
    fn writing_gives_what_applying_gives() {
        let text = "a,b  c (inaudible) d";
        let mut fs = [
            finding(2..2, 0.9),
            finding(4..5, 0.9),
            finding(7..18, 0.9),
            finding(19..20, 0.5),
        ];
        fs[3].status = Status::Suggested;
        let mut written = Vec::new();
        write_applied(text, 0..6, &fs[..2], &mut written).unwrap();
        write_applied(text, 6..text.len(), &fs[2..], &mut written).unwrap();
        let applied = apply_edits(
            text,
            fs.iter()
                .filter(|f| f.status == Status::Applied)
                .map(|f| (f.range.clone(), f.replacement.as_str())),
        );
        assert_eq!(String::from_utf8(written).unwrap(), applied);
        assert_eq!(applied, "a,xb xc x d");
    }

    #[test]
    fn applies_in_order() {
        let out = apply_edits("a,b  c", [(4..5, ""), (2..2, " ")]);
        assert_eq!(out, "a, b c");
    }
}
