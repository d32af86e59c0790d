//! CLI behaviour of `capclean roster add|list|lint|import|learn`.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn capclean() -> Command {
    Command::cargo_bin("capclean").expect("binary builds")
}

fn roster(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    capclean()
        .current_dir(dir)
        .arg("roster")
        .args(args)
        .args(["--roster", "people.csv"])
        .assert()
}

const PEOPLE: &str = "badge,name,misheard,aliases,role\n\
                      7,Dragan Markovski,Markovsky,Dragan,Member\n\
                      9,Ana Silva,,,\"Chair, Board\"\n\
                      3,Julián Casasbuenas,,,\n";

#[test]
fn add_creates_the_file_then_merges_without_duplicates() {
    let tmp = TempDir::new().unwrap();
    roster(
        tmp.path(),
        &["add", "Ana Silva", "--alias", "Ana", "--role", "Chair"],
    )
    .success()
    .stdout("added Ana Silva\n");
    roster(
        tmp.path(),
        &[
            "add",
            "ANA SÍLVA",
            "--alias",
            "ana",
            "--misheard",
            "Anna Silver",
            "--country",
            "Brazil",
        ],
    )
    .success()
    .stdout("Ana Silva: misheard + Anna Silver\nAna Silva: country = Brazil\n");
    assert_eq!(
        fs::read_to_string(tmp.path().join("people.csv")).unwrap(),
        "name,aliases,misheard,never,role,organisation,country,notes\n\
         Ana Silva,Ana,Anna Silver,,Chair,,Brazil,\n"
    );
    roster(
        tmp.path(),
        &["add", "Ana Silva", "--misheard", "anna silver"],
    )
    .success()
    .stdout("Ana Silva: nothing new\n");
}

#[test]
fn add_keeps_unknown_columns_and_row_order() {
    let tmp = TempDir::new().unwrap();
    fs::write(tmp.path().join("people.csv"), PEOPLE).unwrap();
    roster(tmp.path(), &["add", "Bo Tan", "--organisation", "ITU"]).success();
    roster(tmp.path(), &["add", "Ana Silva", "--never", "Silver"]).success();
    assert_eq!(
        fs::read_to_string(tmp.path().join("people.csv")).unwrap(),
        "badge,name,misheard,aliases,role,organisation,never\n\
         7,Dragan Markovski,Markovsky,Dragan,Member,,\n\
         9,Ana Silva,,,\"Chair, Board\",,Silver\n\
         3,Julián Casasbuenas,,,,,\n\
         ,Bo Tan,,,,ITU,\n"
    );
}

#[test]
fn list_filters_ignoring_case_and_accents() {
    let tmp = TempDir::new().unwrap();
    fs::write(tmp.path().join("people.csv"), PEOPLE).unwrap();
    roster(tmp.path(), &["list", "JULIAN"])
        .success()
        .stdout("Julián Casasbuenas\n");
    roster(tmp.path(), &["list", "board"])
        .success()
        .stdout("Ana Silva — Chair, Board\n");
    roster(tmp.path(), &["list"])
        .success()
        .stdout(predicate::str::starts_with(
            "Dragan Markovski [also: Dragan; misheard: Markovsky] — Member\n",
        ))
        .stdout(predicate::function(|s: &str| s.lines().count() == 3));
}

#[test]
fn lint_reports_each_kind_of_problem_and_exits_one() {
    let tmp = TempDir::new().unwrap();
    fs::write(
        tmp.path().join("people.csv"),
        "name,aliases,misheard\n\
         Ana Silva,,Will\n\
         ANA SILVA,,\n\
         Dragan Markovski,,\n\
         Dragan Petrov,,Markovsky\n\
         Mark Tan,Dragan Petrov,\n",
    )
    .unwrap();
    let out = roster(tmp.path(), &["lint"]).code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let expected = [
        "people.csv:2: misheard form `Will` of `Ana Silva` is a common English word",
        "people.csv:3: duplicate name `ANA SILVA`: same as `Ana Silva` on line 2",
        "people.csv:5: misheard form `Markovsky` of `Dragan Petrov` sounds like `Markovski`",
        "people.csv:5: given name `Dragan` is shared with `Dragan Markovski` on line 4: a lone `Dragan` is then only suggested",
        "people.csv:6: alias `Dragan Petrov` of `Mark Tan` is `Dragan Petrov`, the name on line 5",
    ];
    for line in expected {
        assert!(stdout.contains(line), "missing {line:?} in\n{stdout}");
    }
    assert_eq!(stdout.lines().count(), expected.len(), "{stdout}");
}

#[test]
fn lint_of_a_clean_roster_exits_zero_and_a_malformed_one_two() {
    let tmp = TempDir::new().unwrap();
    fs::write(tmp.path().join("people.csv"), PEOPLE).unwrap();
    roster(tmp.path(), &["lint"]).success().stdout("");
    fs::write(tmp.path().join("people.csv"), "name,role\nAna,x\n,chair\n").unwrap();
    roster(tmp.path(), &["lint"])
        .code(2)
        .stderr(predicate::str::contains("people.csv:3: empty `name`"));
}

#[test]
fn a_missing_roster_file_is_explained() {
    let tmp = TempDir::new().unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["roster", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no roster file: give --roster FILE",
        ))
        .stderr(predicate::str::contains("roster list --builtin"));
}

#[test]
fn the_built_in_roster_is_listed_with_roles_and_countries() {
    let tmp = TempDir::new().unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["roster", "list", "--builtin", "guterres"])
        .assert()
        .success()
        .stdout("António Guterres [also: Antonio Guterres] — Secretary-General, United Nations, Portugal\n");
}

#[test]
fn the_roster_of_capclean_toml_is_the_default() {
    let tmp = TempDir::new().unwrap();
    fs::create_dir_all(tmp.path().join("lists/sub")).unwrap();
    fs::write(
        tmp.path().join("capclean.toml"),
        "roster = [\"lists/people.csv\"]\n",
    )
    .unwrap();
    capclean()
        .current_dir(tmp.path().join("lists/sub"))
        .args(["roster", "add", "Bo Tan"])
        .assert()
        .success();
    assert!(fs::read_to_string(tmp.path().join("lists/people.csv"))
        .unwrap()
        .contains("\nBo Tan,"));
    fs::write(
        tmp.path().join("capclean.toml"),
        "roster = [\"a.csv\", \"b.csv\"]\n",
    )
    .unwrap();
    capclean()
        .current_dir(tmp.path())
        .args(["roster", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("lists 2 roster files"));
}

#[test]
fn import_turns_last_first_and_all_caps_round() {
    let tmp = TempDir::new().unwrap();
    fs::write(tmp.path().join("people.csv"), PEOPLE).unwrap();
    fs::write(
        tmp.path().join("participants.csv"),
        "Participant,Organization,Country\n\
         \"MARKOVSKI, Dragan\",BNOA,North Macedonia\n\
         \"  van der Berg,   Anna \",EU,Netherlands\n\
         JEAN DE LA FONTAINE,,France\n\
         ,,\n\
         Ana Silva,,\n",
    )
    .unwrap();
    roster(
        tmp.path(),
        &["import", "participants.csv", "--name-column", "participant"],
    )
    .success()
    .stdout("added 2, merged 1, skipped 2\n");
    let text = fs::read_to_string(tmp.path().join("people.csv")).unwrap();
    assert_eq!(
        text,
        "badge,name,misheard,aliases,role,organisation,country\n\
         7,Dragan Markovski,Markovsky,Dragan,Member,BNOA,North Macedonia\n\
         9,Ana Silva,,,\"Chair, Board\",,\n\
         3,Julián Casasbuenas,,,,,\n\
         ,Anna van der Berg,,,,EU,Netherlands\n\
         ,Jean de la Fontaine,,,,,France\n"
    );
}

#[test]
fn import_reads_tsv_with_first_and_last_columns_in_windows_1252() {
    let tmp = TempDir::new().unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252
        .encode("First\tLast\tJob\nJulián\tCASASBUENAS\tRapporteur\nBo\tTan\tDelegate\n");
    fs::write(tmp.path().join("list.tsv"), &bytes).unwrap();
    roster(
        tmp.path(),
        &[
            "import",
            "list.tsv",
            "--first-column",
            "first",
            "--last-column",
            "LAST",
            "--role-column",
            "job",
        ],
    )
    .success()
    .stdout("added 2, merged 0, skipped 0\n");
    assert_eq!(
        fs::read_to_string(tmp.path().join("people.csv")).unwrap(),
        "name,aliases,misheard,never,role,organisation,country,notes\n\
         Julián Casasbuenas,,,,Rapporteur,,,\n\
         Bo Tan,,,,Delegate,,,\n"
    );
}

const REVIEW: &str =
    "id,file,line,column,end_line,end_column,rule,kind,status,original,suggestion,decision\n\
    1,a.txt,1,1,1,10,N002,name,suggested,Markovksi,MARKOVSKI,accept\n\
    2,a.txt,2,1,2,12,N003,name,applied,Anna Silvia,Ana Silva,reject\n\
    3,a.txt,3,1,3,6,N002,name,suggested,Dragon,Dragan,\n\
    4,a.txt,4,1,4,3,P003,punct,applied,--,—,accept\n";

#[test]
fn learn_adds_misheard_and_never_forms_once() {
    let tmp = TempDir::new().unwrap();
    fs::write(tmp.path().join("people.csv"), PEOPLE).unwrap();
    fs::write(tmp.path().join("review.csv"), REVIEW).unwrap();
    roster(tmp.path(), &["learn", "review.csv"])
        .success()
        .stdout(
            "Dragan Markovski: misheard + Markovksi (review.csv:2)\n\
         Ana Silva: never + Anna Silvia (review.csv:3)\n",
        );
    let once = fs::read_to_string(tmp.path().join("people.csv")).unwrap();
    assert_eq!(
        once,
        "badge,name,misheard,aliases,role,never\n\
         7,Dragan Markovski,Markovsky|Markovksi,Dragan,Member,\n\
         9,Ana Silva,,,\"Chair, Board\",Anna Silvia\n\
         3,Julián Casasbuenas,,,,\n"
    );
    roster(tmp.path(), &["learn", "review.csv"])
        .success()
        .stdout("")
        .stderr(predicate::str::contains("nothing new to learn"));
    assert_eq!(
        fs::read_to_string(tmp.path().join("people.csv")).unwrap(),
        once
    );
}

#[test]
fn learn_keeps_crlf_and_bom_and_names_unknown_people() {
    let tmp = TempDir::new().unwrap();
    let crlf = format!("\u{feff}{}", PEOPLE.replace('\n', "\r\n"));
    fs::write(tmp.path().join("people.csv"), &crlf).unwrap();
    fs::write(
        tmp.path().join("review.csv"),
        format!("{REVIEW}5,a.txt,5,1,5,4,N002,name,suggested,Zed,Nobody,yes\n"),
    )
    .unwrap();
    roster(tmp.path(), &["learn", "review.csv"])
        .success()
        .stderr(predicate::str::contains(
            "review.csv:6: no roster entry is named `Nobody`",
        ));
    let text = fs::read_to_string(tmp.path().join("people.csv")).unwrap();
    assert!(text.starts_with("\u{feff}badge,name,misheard,aliases,role,never\r\n"));
    assert!(text.contains("Markovsky|Markovksi"));
    assert_eq!(text.matches("\r\n").count(), 4, "{text:?}");
}
