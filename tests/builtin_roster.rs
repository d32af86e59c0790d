//! The built-in roster is a roster of real people (dictionaries/roster.csv):
//! with no roster of the user's it corrects a public figure's misheard name,
//! and it leaves ordinary text alone, however much it sounds like one.

use std::fs;
use std::path::Path;

use capclean::dict::{Dictionaries, Roster, DEFAULT_ROSTER};
use capclean::formats::{Document, Format};
use capclean::text::SourceEncoding;
use capclean::{Checked, Engine, Settings, Status};

fn check(dictionaries: Dictionaries, text: &str) -> Checked {
    Engine::new(Settings::default(), dictionaries).check_document(
        Document::parse(text.to_owned(), Format::Cart),
        SourceEncoding::Utf8,
    )
}

/// "heard -> suggestion [status]" of every name finding for a roster
/// person (N005 suggests the file's own speakers, not roster people).
fn roster_names(checked: &Checked) -> Vec<String> {
    checked
        .findings
        .iter()
        .filter(|f| f.rule.code().starts_with('N') && f.rule.code() != "N005")
        .map(|f| {
            format!(
                "{} -> {} [{}]",
                &checked.doc.text[f.range.clone()],
                f.replacement,
                f.status.as_str()
            )
        })
        .collect()
}

#[test]
fn a_misheard_head_of_state_is_corrected_after_the_title_of_their_office() {
    let checked = check(
        Dictionaries::builtin().unwrap(),
        "We welcome President Marcon to the summit.\n\n\
         Secretary-General Guterez opened the session.\n",
    );
    assert_eq!(
        checked.output,
        "We welcome President Macron to the summit.\n\n\
         Secretary-General Guterres opened the session.\n"
    );
    let found: Vec<_> = checked
        .findings
        .iter()
        .map(|f| (f.rule.code(), f.status))
        .collect();
    assert_eq!(
        found,
        [("N002", Status::Applied), ("N002", Status::Applied)],
        "{:#?}",
        checked.findings
    );
}

#[test]
fn names_joined_by_a_slash_are_checked_and_paths_are_not() {
    let checked = check(
        Dictionaries::builtin().unwrap(),
        "We welcome President Marcon/Scholz today; see minutes/Marcon.\n",
    );
    assert_eq!(
        checked.output,
        "We welcome President Macron/Scholz today; see minutes/Marcon.\n"
    );
}

#[test]
fn an_office_written_without_its_hyphen_introduces_its_holder() {
    let checked = check(
        Dictionaries::builtin().unwrap(),
        "We thank Secretary General Guterez for his words.\n\n\
         >> SECRETARY GENERAL GUTERES: Thank you.\n",
    );
    assert_eq!(
        roster_names(&checked),
        [
            "Guterez -> Guterres [applied]",
            "GUTERES -> GUTERRES [applied]"
        ],
        "{:#?}",
        checked.findings
    );
    // "General" is a title only after the first word of such an office.
    let assembly = check(
        Dictionaries::builtin().unwrap(),
        "The General Guterez Assembly met.\n",
    );
    assert!(
        roster_names(&assembly).is_empty(),
        "{:#?}",
        assembly.findings
    );
}

#[test]
fn a_public_figure_the_file_does_not_name_is_no_evidence_without_their_office() {
    // The same names after another title, after a sentence's end, or
    // alone: somebody else, or a word.
    for text in [
        "We welcome Mr. Marcon to the summit.\n",
        "We welcome Minister Marcon to the summit.\n",
        "We thank the President. Marcon will speak next.\n",
        "Vice President Marcon opened the session.\n",
        "Thank you, Mr. Brown, and thank you, Ms. Abela and Mr. Abel.\n",
        "The former President Marcon and the vice president Marcon spoke.\n",
    ] {
        let found = roster_names(&check(Dictionaries::builtin().unwrap(), text));
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
    // A whole name one slip from theirs is suggested, not applied.
    let found = roster_names(&check(
        Dictionaries::builtin().unwrap(),
        "We heard from Emanuel Macron.\n",
    ));
    assert_eq!(found, ["Emanuel Macron -> Emmanuel Macron [suggested]"]);
    // A one-word label is no more evidence than the word in the text.
    let found = roster_names(&check(
        Dictionaries::builtin().unwrap(),
        ">> MR. WONG: Thank you. Lawrance Wong agrees.\n",
    ));
    assert_eq!(found, ["Lawrance Wong -> Lawrence Wong [suggested]"]);
}

#[test]
fn ordinary_text_gets_no_applied_name_from_the_built_in_roster() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ordinary-names.txt");
    let text = fs::read_to_string(path).unwrap();
    let found = roster_names(&check(Dictionaries::builtin().unwrap(), &text));
    // One whole name of a former premier is near a serving one's: offered,
    // not applied.
    assert_eq!(found, ["Li Keqiang -> Li Qiang [suggested]"], "{found:#?}");
}

#[test]
fn every_built_in_person_has_a_role_a_country_and_evidence() {
    let roster = Roster::parse(Path::new("roster.csv"), DEFAULT_ROSTER).unwrap();
    assert!(roster.people.len() > 300, "{}", roster.people.len());
    for person in &roster.people {
        assert!(!person.role.is_empty(), "{}: no role", person.name);
        assert!(!person.country.is_empty(), "{}: no country", person.name);
    }
    // The notes are not loaded into `Person`: read the column itself.
    let mut reader = csv::Reader::from_reader(DEFAULT_ROSTER.as_bytes());
    let notes = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "notes")
        .unwrap();
    for row in reader.records() {
        let row = row.unwrap();
        assert!(!row[notes].trim().is_empty(), "{}: no evidence", &row[0]);
    }
}
