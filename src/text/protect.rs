//! Spans no rule may change: URLs, e-mail addresses, and bracketed tags and
//! markers such as `(Applause)` or `(inaudible 00:12:03)`.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static PROTECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,;:!?)\]]", // URLs
        // e-mail; U+2010/U+2011 count as hyphens, as P001 will make them
        r"|[\w.+\-\u{2010}\u{2011}]+@[\w\-\u{2010}\u{2011}]+(?:\.[\w\-\u{2010}\u{2011}]+)+",
        r"|\([^()\n]{0,60}\)|\[[^\[\]\n]{0,60}\]", // tags, markers
        // file names, paths, identifiers and bare domains: "igf2016_nri.txt"
        // is no sentence with an acronym in it
        // (extensions and domains in lower case: "end.Net" is a missing space)
        r"|[\w\-./]*\w_\w(?:[\w\-./]*\w)?|\w[\w\-.]*/[\w\-./]*\w",
        r"|[\w\-/]+\.(?-i:txt|pdf|docx?|xlsx?|csv|srt|vtt|html?|pptx?|zip|png|jpe?g|mp4)\b",
        r"|\b[\w\-]+(?:\.[\w\-]+)*\.(?-i:org|int|com|net|edu|gov|info|io)(?:/[^\s<>]*[^\s<>.,;:!?)\]])?\b",
    ))
    .expect("protected-span pattern is valid")
});

/// The protected spans of `text`, sorted and disjoint.
pub fn protected_spans(text: &str) -> Vec<Range<usize>> {
    // Nearly every caption line has none of what a protected span needs.
    let bytes = text.as_bytes();
    // No colon: a URL's "://" has its slash, and colons in running text
    // ("for Bamo: how") would run the pattern for nothing.
    let may_have = memchr::memchr3(b'@', b'(', b'[', bytes).is_some()
        || memchr::memchr2(b'_', b'/', bytes).is_some()
        || memchr::memchr_iter(b'.', bytes).any(|i| {
            // "www." or a dot inside a word ("report.pdf", "un.org",
            // "café.org": a byte of a non-ASCII letter counts too)
            let word_byte = |b: &u8| b.is_ascii_alphanumeric() || *b >= 0x80;
            i > 0 && word_byte(&bytes[i - 1]) && bytes.get(i + 1).is_some_and(word_byte)
        });
    if !may_have {
        return Vec::new();
    }
    PROTECTED
        .find_iter(text)
        .filter(|m| !names_joined_by_slashes(m.as_str()))
        .map(|m| m.range())
        .collect()
}

/// "Macron/Scholz": capitalised words joined by slashes are names (two
/// speakers, a joint statement), not a path, and stay open to the rules.
fn names_joined_by_slashes(span: &str) -> bool {
    let mut parts = 0;
    let all_names = span.split('/').all(|part| {
        parts += 1;
        let mut chars = part.chars();
        chars.next().is_some_and(char::is_uppercase)
            && part.chars().count() > 1
            && chars.all(char::is_lowercase)
    });
    all_names && parts >= 2
}

/// Whether `range` touches any of the sorted `spans`.
pub fn overlaps_any(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let i = spans.partition_point(|s| s.end <= range.start);
    spans
        .get(i)
        .is_some_and(|s| s.start < range.end.max(range.start + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        protected_spans(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn finds_urls_mail_and_tags() {
        assert_eq!(
            spans("see https://example.org/a,b. Mail info@forum.example (Applause) [ Laughter ]"),
            vec![
                "https://example.org/a,b",
                "info@forum.example",
                "(Applause)",
                "[ Laughter ]"
            ]
        );
    }

    #[test]
    fn finds_file_names_identifiers_and_domains() {
        assert_eq!(
            spans("see igf2016_nri_report and minutes.pdf at itu.int/wsis or un.org. The nri met, e.g. U.N. staff."),
            vec!["igf2016_nri_report", "minutes.pdf", "itu.int/wsis", "un.org"]
        );
        assert_eq!(
            spans("the session is at an end.Net gains, my_file. And Thanks.Doc"),
            vec!["my_file"]
        );
        assert_eq!(
            spans("the mag/ipv6 list and/or 24/7"),
            vec!["mag/ipv6", "and/or", "24/7"]
        );
    }

    #[test]
    fn a_domain_with_accented_letters_is_protected_without_a_slash() {
        assert_eq!(spans("see café.org and élysée.fr today"), vec!["café.org"]);
    }

    #[test]
    fn names_joined_by_a_slash_are_no_path() {
        assert_eq!(
            spans(
                "Presidents Marcon/Scholz and Lula/Ramaphosa/Modi met; see Docs/reports, MAG/IGF"
            ),
            vec!["Docs/reports", "MAG/IGF"]
        );
    }

    #[test]
    fn overlap_test_is_exclusive_at_the_end() {
        let s = [5..10, 20..30];
        assert!(overlaps_any(&s, &(9..12)));
        assert!(!overlaps_any(&s, &(10..12)));
        assert!(!overlaps_any(&s, &(0..5)));
        assert!(overlaps_any(&s, &(5..5)));
    }
}
