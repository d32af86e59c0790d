//! The glossary: canonical spellings of words, acronyms and phrases, with
//! their known wrong or alternative forms.

use std::path::Path;

use super::{split_list, Table};
use crate::error::Result;

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The canonical spelling and casing.
    pub term: String,
    /// Wrong or alternative forms.
    pub variants: Vec<String>,
}

/// All terms of the loaded glossary files.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Terms in file order.
    pub terms: Vec<Term>,
}

impl Glossary {
    /// Parses glossary CSV text (`term` column required).
    pub fn parse(path: &Path, text: &str) -> Result<Glossary> {
        let table = Table::parse(path, text)?;
        let term_col = table.require("term")?;
        let variants_col = table.column("variants");
        let mut terms = Vec::with_capacity(table.rows.len());
        for (line, row) in &table.rows {
            let term = Term {
                term: Table::cell(row, Some(term_col)).to_owned(),
                variants: split_list(Table::cell(row, variants_col)),
            };
            if term.term.is_empty() {
                return Err(table.row_error(*line, "empty `term`"));
            }
            if let Some(v) = term.variants.iter().find(|v| **v == term.term) {
                return Err(table.row_error(*line, format!("variant `{v}` is the term itself")));
            }
            terms.push(term);
        }
        Ok(Glossary { terms })
    }

    /// Adds the terms of `other`.
    pub fn extend(&mut self, other: Glossary) {
        self.terms.extend(other.terms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_variants() {
        let g = Glossary::parse(
            Path::new("g.csv"),
            "term,variants,notes\nUNDESA,Undesa|UN DESA,x\n",
        )
        .unwrap();
        assert_eq!(g.terms[0].variants, vec!["Undesa", "UN DESA"]);
    }

    #[test]
    fn variant_equal_to_term_is_an_error() {
        let err = Glossary::parse(Path::new("g.csv"), "term,variants\nIGF,IGF\n").unwrap_err();
        assert_eq!(err.to_string(), "g.csv:2: variant `IGF` is the term itself");
    }
}
