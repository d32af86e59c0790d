//! Spreadsheet safety: a cell that begins with `=`, `+`, `-`, `@`, tab or
//! carriage return would run as a formula, so it is written with a leading
//! `'`. A cell that already begins with `'` gets one more, so that reading
//! back (removing exactly one leading `'`) is exact for every cell.

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a spreadsheet would run `cell` as a formula.
pub fn runs_as_formula(cell: &str) -> bool {
    cell.starts_with(FORMULA_STARTS)
}

/// The cell as written to the review list.
pub fn guard(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if FORMULA_STARTS.contains(&c) || c == '\'' => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The cell as meant, read back from the review list.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_restored() {
        for cell in [
            "=HYPERLINK(\"x\")",
            "+1",
            "--",
            "@sum",
            "\tx",
            "\rx",
            "'=x",
            "'",
            "plain",
            "",
            "it's",
        ] {
            let written = guard(cell);
            assert!(!written.starts_with(FORMULA_STARTS), "{written:?}");
            assert_eq!(unguard(&written), cell);
        }
    }
}
