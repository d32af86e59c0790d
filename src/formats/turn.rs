//! Speaker turns: `>> NAME:`, `>>NAME:`, `>>> NAME:`, `>> Name Surname:`,
//! `>> MS. SURNAME:`, `>> CHAIR ST. AMOUR:`, and a bare `>>` for an unknown
//! speaker.

use std::ops::Range;

/// A turn marker found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Byte span of the speaker's name (trimmed), relative to the line.
    pub label: Option<Range<usize>>,
    /// Where the spoken text starts, relative to the line.
    pub body_start: usize,
}

/// Parses a turn marker at the start of `line`.
pub fn parse(line: &str) -> Option<Turn> {
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    let rest = &line[indent..];
    if !rest.starts_with(">>") {
        return None;
    }
    let arrows = rest.len() - rest.trim_start_matches('>').len();
    let after_arrows = indent + arrows;
    let tail = &line[after_arrows..];
    let name_start = after_arrows + (tail.len() - tail.trim_start().len());
    if let Some(colon) = line[name_start..].find(':') {
        let candidate = &line[name_start..name_start + colon];
        if is_label(candidate) {
            let name = candidate.trim_end();
            return Some(Turn {
                label: Some(name_start..name_start + name.len()),
                body_start: name_start + colon + 1,
            });
        }
    }
    Some(Turn {
        label: None,
        body_start: after_arrows,
    })
}

fn is_label(candidate: &str) -> bool {
    let words: Vec<&str> = candidate.split_whitespace().collect();
    if words.is_empty() || words.len() > 7 || candidate.chars().count() > 60 {
        return false;
    }
    let first_upper = words[0].chars().next().is_some_and(char::is_uppercase);
    first_upper
        && words.iter().all(|w| {
            let name_chars = w.chars().all(|c| {
                c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-' | '\u{2010}' | '\u{2011}')
            });
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            // A period spaced off its word ("PTRA .") is still the label:
            // P007 would join it, and the label must not change with that.
            let spaced_period = w.chars().all(|c| c == '.');
            name_chars && (capital || spaced_period || crate::text::fold::PARTICLES.contains(w))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(line: &str) -> Option<&str> {
        parse(line).and_then(|t| t.label.map(|r| &line[r]))
    }

    #[test]
    fn label_shapes() {
        assert_eq!(
            label(">> LYNN ST. CLAIR: Thank you."),
            Some("LYNN ST. CLAIR")
        );
        assert_eq!(label(">>PETRA LINDQVIST: Yes."), Some("PETRA LINDQVIST"));
        assert_eq!(label(">>> MS. OKAFOR: Good."), Some("MS. OKAFOR"));
        assert_eq!(label(">> Amina Diallo: Hello"), Some("Amina Diallo"));
        assert_eq!(label(">> JOSÉ RAMÍREZ: Hola"), Some("JOSÉ RAMÍREZ"));
        assert_eq!(
            label(">> ARNOLD van der BERG: Hi"),
            Some("ARNOLD van der BERG")
        );
        assert_eq!(label(">> CHAIR: Next"), Some("CHAIR"));
        // A spaced period stays in the label (found by fuzzing).
        assert_eq!(label(">>PTRA .:PETRA"), Some("PTRA ."));
    }

    #[test]
    fn bare_marker_and_non_labels() {
        let t = parse(">> and so we begin").unwrap();
        assert_eq!(t.label, None);
        assert_eq!(t.body_start, 2);
        assert_eq!(label(">> We met at 10:30 today"), None);
        assert_eq!(label(">> the question is: why"), None);
        assert_eq!(parse("no marker: here"), None);
    }

    #[test]
    fn body_starts_after_the_colon() {
        let line = ">> LIU: Thanks";
        assert_eq!(&line[parse(line).unwrap().body_start..], " Thanks");
    }
}
