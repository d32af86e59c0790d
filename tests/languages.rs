//! No English rules on other languages: a French or Spanish subtitle gets
//! no glossary sound-alikes, no doubled-word suggestions, no names guessed
//! from the built-in roster, and keeps French spacing before `? ! : ;`.
//! Forced to English (`--language en`), the same text gets them: the test
//! shows what the detection prevents.

use capclean::dict::Dictionaries;
use capclean::text::Language;
use capclean::{Engine, Settings};

fn srt(lines: &[&str]) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            format!(
                "{}\n00:00:{i:02},000 --> 00:00:{i:02},900\n{line}\n\n",
                i + 1
            )
        })
        .collect()
}

/// (rule, original -> suggestion) of every finding, and the language read.
fn findings(text: &str, language: Option<Language>) -> (Vec<String>, Language) {
    let engine = Engine::new(
        Settings {
            language,
            ..Settings::default()
        },
        Dictionaries::builtin().unwrap(),
    );
    let checked = engine.check_bytes("a.srt", text.as_bytes()).unwrap();
    let shown = checked
        .findings
        .iter()
        .filter(|f| !f.rule.code().starts_with('I'))
        .map(|f| {
            format!(
                "{} {} -> {}",
                f.rule.code(),
                &checked.doc.text[f.range.clone()],
                f.replacement
            )
        })
        .collect();
    (shown, checked.doc.language)
}

const FRENCH: &[&str] = &[
    "Vous vous rendez compte de ce que vous dites ?",
    "C'était un gamin du quartier, toujours dehors.",
    "Il est parti sans rien dire à personne !",
    "Nous avons attendu toute la nuit devant la porte.",
    "Pourquoi est-ce que tu ne m'as pas appelé plus tôt ?",
];

const SPANISH: &[&str] = &[
    "Claro que sí, mañana vamos juntos al mercado.",
    "Cásate conmigo, te lo pido por favor.",
    "No sé qué decirte, es todo muy complicado.",
    "Mi madre siempre dice que hay que tener paciencia.",
    "¿Dónde estabas anoche cuando te llamé?",
    "Anda, mira quién está aquí.",
    "Pedro Sanches llegó tarde otra vez.",
];

#[test]
fn french_gets_no_english_rules_and_keeps_its_spacing() {
    let text = srt(FRENCH);
    let (found, language) = findings(&text, None);
    assert!(language.is_french(), "{language:?}");
    assert!(found.is_empty(), "{found:#?}");
    // Read as English, the same text gets the English rules.
    let (english, _) = findings(&text, Some(Language::English));
    for expected in ["P009", "G004 un gamin -> UN Women", "P007"] {
        assert!(
            english.iter().any(|f| f.starts_with(expected)),
            "{expected} missing from {english:#?}"
        );
    }
}

#[test]
fn spanish_gets_no_names_from_the_built_in_roster() {
    let text = srt(SPANISH);
    let (found, language) = findings(&text, None);
    assert_eq!(language.name(), "Spanish");
    assert!(found.is_empty(), "{found:#?}");
    let (english, _) = findings(&text, Some(Language::English));
    assert!(
        english.iter().any(|f| f.starts_with('N')),
        "no name finding when read as English: {english:#?}"
    );
}

/// (original -> suggestion) of every name finding on `text` with `roster`.
fn names_with_roster(text: &str, roster: &str) -> Vec<String> {
    let roster = capclean::dict::Roster::parse(std::path::Path::new("r.csv"), roster).unwrap();
    let engine = Engine::new(
        Settings::default(),
        Dictionaries {
            roster,
            ..Default::default()
        },
    );
    let checked = engine.check_bytes("a.srt", text.as_bytes()).unwrap();
    assert!(!checked.doc.language.is_english());
    checked
        .findings
        .iter()
        .filter(|f| f.rule.code().starts_with('N'))
        .map(|f| {
            format!(
                "{} -> {}",
                &checked.doc.text[f.range.clone()],
                f.replacement
            )
        })
        .collect()
}

#[test]
fn a_lone_word_of_another_language_is_no_roster_name_unless_the_person_is_named() {
    let roster = "name,aliases,misheard,never,role\nGrace Masango,,,,\nJean Amour,,,,\nStéphane Durand,,,,\n";
    let mut lines = FRENCH.to_vec();
    lines.extend([
        "Cette mashina ne marche plus, Masina le sait bien.",
        "Amor, c'est tout ce qui compte pour nous.",
        "Stefani est arrivée hier soir avec sa sœur.",
    ]);
    let words = names_with_roster(&srt(&lines), roster);
    assert!(words.is_empty(), "{words:#?}");
    // Named in the file, the person is meant by a near word, which is
    // suggested (text that is not English gets no fix applied).
    lines.push("Nous remercions Stéphane Durand pour son accueil.");
    let named = names_with_roster(&srt(&lines), roster);
    assert!(
        named.iter().any(|f| f == "Stefani -> Stéphane"),
        "{named:#?}"
    );
}

#[test]
fn english_still_gets_every_rule() {
    let text = srt(&[
        "Thank you very much, Madam Chair, for giving me the floor.",
        "We will devote some some time to the Fourth Industrial Revolution.",
        "The Internet Governance Foram is already here , in every country.",
    ]);
    let (found, language) = findings(&text, None);
    assert_eq!(language, Language::English);
    for expected in ["P009", "G004", "P007"] {
        assert!(
            found.iter().any(|f| f.starts_with(expected)),
            "{expected} missing from {found:#?}"
        );
    }
}

#[test]
fn a_serbian_windows_1250_subtitle_is_read_as_such_and_left_serbian() {
    let text = srt(&[
        "Đino, dođavola, gde si bio celu noć?",
        "Čekao sam te ispred škole, ali nisi došao.",
        "Žao mi je, morao sam da pomognem ocu u radnji.",
        "Šta ćemo sada? Đurđa kaže da je kasno za večeru.",
    ]);
    let bytes = encoding_rs::WINDOWS_1250.encode(&text).0.into_owned();
    let engine = Engine::new(Settings::default(), Dictionaries::builtin().unwrap());
    let checked = engine.check_bytes("a.srt", &bytes).unwrap();
    assert_eq!(checked.encoding.name(), "windows-1250");
    assert!(checked.detected);
    assert!(
        !checked.doc.language.is_english(),
        "{:?}",
        checked.doc.language
    );
    assert_eq!(checked.doc.text, text);
    assert!(checked.findings.is_empty(), "{:#?}", checked.findings);
    // Written back in its own code page.
    assert_eq!(
        checked
            .output_bytes(capclean::text::OutputEncoding::Input)
            .unwrap(),
        bytes
    );
}
