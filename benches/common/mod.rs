//! What the benchmarks share: an engine for a rule selector, a generated
//! roster, and the reference commands (`cat`, `wc -w`) run on the same file.

use std::path::Path;
use std::process::{Command, Stdio};

use capclean::dict::{Dictionaries, Roster};
use capclean::rules::RuleSet;
use capclean::{Engine, Settings};
use capclean_corpus as corpus;

/// An engine running the rules `rules` selects (`--select` syntax).
pub fn engine(rules: &str, dictionaries: Dictionaries) -> Engine {
    let settings = Settings {
        rules: RuleSet::parse(rules).expect("valid selector"),
        ..Settings::default()
    };
    Engine::new(settings, dictionaries)
}

/// The roster `corpus::roster_csv(people, seed)` generates.
pub fn generated_roster(people: usize, seed: u64) -> Roster {
    Roster::parse(
        Path::new("bench-roster.csv"),
        &corpus::roster_csv(people, seed),
    )
    .expect("generated roster")
}

/// Runs a reference command on `path`, its output discarded.
pub fn run_reference(program: &str, args: &[&str], path: &Path) {
    let status = Command::new(program)
        .args(args)
        .arg(path)
        .stdout(Stdio::null())
        .status()
        .expect("reference command runs");
    assert!(status.success());
}
