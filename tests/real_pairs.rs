//! The real name pairs of `examples/name_eval/real/` stay what the
//! evaluation claims: well-formed, each with its sources, the second set's
//! transcripts apart from the first's, and every right name on a roster.

use std::collections::HashSet;
use std::path::Path;

const CLASSES: &[&str] = &[
    "accents",
    "doubled",
    "given-name",
    "other",
    "phonetic",
    "split-merge",
    "two-errors",
];

struct Pair {
    right: String,
    transcript: String,
}

fn real(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/name_eval/real")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pairs(file: &str) -> Vec<Pair> {
    let text = real(file);
    let sources = real(if file == "fresh.csv" {
        "FRESH_SOURCES.md"
    } else {
        "SOURCES.md"
    });
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        ["heard", "right", "where", "class", "genre", "source"],
        "{file}"
    );
    reader
        .records()
        .enumerate()
        .map(|(i, row)| {
            let row = row.unwrap_or_else(|e| panic!("{file} row {}: {e}", i + 2));
            let at = format!("{file} row {}", i + 2);
            assert!(!row[0].trim().is_empty(), "{at}: no heard form");
            assert_ne!(row[0].trim(), row[1].trim(), "{at}: heard as it is written");
            assert!(
                matches!(&row[2], "label" | "text"),
                "{at}: where {:?}",
                &row[2]
            );
            assert!(CLASSES.contains(&&row[3]), "{at}: class {:?}", &row[3]);
            assert!(matches!(&row[4], "meeting" | "television"), "{at}: genre");
            let (transcript, right_page) = match row[5].split_once(" ; right: ") {
                Some((transcript, page)) => (transcript, Some(page)),
                // A right spelling without its page is said in the notes.
                None => (&row[5], None),
            };
            assert!(
                transcript.trim().starts_with("http"),
                "{at}: {transcript:?}"
            );
            match right_page {
                Some(page) => assert!(page.trim().starts_with("http"), "{at}: {page:?}"),
                None => assert!(
                    sources
                        .lines()
                        .any(|l| l.contains(&row[0]) && l.contains("without a `right:` page")),
                    "{at}: no page for the right spelling, and no note saying why"
                ),
            }
            Pair {
                right: row[1].trim().to_owned(),
                transcript: transcript.trim().to_owned(),
            }
        })
        .collect()
}

/// Folded name tokens, titles, initials and hyphens aside.
fn tokens(name: &str) -> Vec<String> {
    name.split_whitespace()
        .filter(|w| !capclean::names::titles::is_title(w))
        .flat_map(|w| w.split(['-', '\u{2010}', '\u{2011}', '.']))
        .map(capclean::text::fold::fold)
        .filter(|t| t.chars().count() > 1)
        .collect()
}

fn roster_names(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|row| tokens(&row.unwrap()[0]))
        .collect()
}

#[test]
fn the_second_set_comes_from_other_transcripts() {
    let first: HashSet<String> = pairs("mishearings.csv")
        .into_iter()
        .map(|p| p.transcript)
        .collect();
    let fresh = pairs("fresh.csv");
    assert!(fresh.len() >= 30, "{}", fresh.len());
    for pair in &fresh {
        assert!(
            !first.contains(&pair.transcript),
            "{} is in both sets",
            pair.transcript
        );
    }
}

#[test]
fn every_right_name_is_a_roster_persons() {
    let builtin = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("dictionaries/roster.csv"),
    )
    .unwrap();
    let mut names = roster_names(&builtin);
    names.extend(roster_names(&real("roster.csv")));
    names.extend(roster_names(&real("fresh_roster.csv")));
    for file in ["mishearings.csv", "fresh.csv"] {
        for pair in pairs(file) {
            let wanted = tokens(&pair.right);
            assert!(
                names
                    .iter()
                    .any(|have| wanted.iter().all(|w| have.contains(w))),
                "{file}: nobody on the rosters is {:?}",
                pair.right
            );
        }
    }
}
