//! `capclean roster add|list|lint|import|learn`: maintaining a roster file.
//! The editing itself is in the library (`upkeep`); this module finds
//! the file, reads it, prints, and writes it back atomically in the
//! encoding details it had (BOM, CRLF).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use capclean::config::Config;
use capclean::dict::Person;
use capclean::review::read_review;
use capclean::upkeep::{ImportColumns, RosterFile};
use capclean::Error;

use super::args::{RosterArgs, RosterCommand};
use super::output::write_atomic;
use super::{messages, ExitStatus};

/// The roster file the command works on: `--roster`, or the one `roster`
/// entry of the nearest `capclean.toml`.
fn roster_path(args: &RosterArgs) -> Result<PathBuf> {
    if let Some(path) = &args.roster {
        return Ok(path.clone());
    }
    let config = std::env::current_dir()
        .ok()
        .and_then(|dir| Config::discover(&dir));
    let Some(config_path) = config else {
        bail!(
            "no roster file: give --roster FILE (or list one `roster` file in capclean.toml); \
             `capclean roster list --builtin` shows the built-in roster"
        );
    };
    let config = Config::load(&config_path)?;
    match config.roster.as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!(
            "no roster file: give --roster FILE ({} has no `roster` entry)",
            config_path.display()
        ),
        many => bail!(
            "{} lists {} roster files; say which with --roster FILE",
            config_path.display(),
            many.len()
        ),
    }
}

/// A roster file as read, with what a rewrite must keep of its form.
struct Loaded {
    path: PathBuf,
    file: RosterFile,
    bom: bool,
    crlf: bool,
    /// The text as read (to leave an unchanged file alone).
    text: String,
}

/// Reads the roster; a missing file is an empty roster when `create`.
fn load(path: &Path, create: bool) -> Result<Loaded> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if create && e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Loaded {
                path: path.to_owned(),
                file: RosterFile::new(path),
                bom: false,
                crlf: false,
                text: String::new(),
            });
        }
        Err(e) => return Err(Error::io(path, e).into()),
    };
    let decoded = capclean::text::decode(&bytes).map_err(|e| Error::Dictionary {
        path: path.to_owned(),
        line: 1,
        reason: format!("{e}; save it as CSV UTF-8"),
    })?;
    let file = RosterFile::parse(path, &decoded.text)?;
    Ok(Loaded {
        path: path.to_owned(),
        file,
        bom: decoded.encoding.had_bom(),
        crlf: decoded.text.contains("\r\n"),
        text: decoded.text,
    })
}

/// Writes the roster back (atomically) when `changed`, after checking
/// that it reads back as a valid roster with every row. An unchanged file
/// is left alone, quoting, timestamp and all.
fn save(loaded: &Loaded, changed: bool) -> Result<()> {
    let text = loaded.file.to_csv(loaded.crlf)?;
    if !changed || text == loaded.text {
        return Ok(());
    }
    let check = RosterFile::parse(&loaded.path, &text)
        .with_context(|| format!("{}: not written", loaded.path.display()))?;
    if check.len() != loaded.file.len() {
        bail!(
            "{}: not written: {} rows would read back as {}",
            loaded.path.display(),
            loaded.file.len(),
            check.len()
        );
    }
    let mut bytes = Vec::with_capacity(text.len() + 3);
    if loaded.bom {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    bytes.extend_from_slice(text.as_bytes());
    write_atomic(&loaded.path, &bytes)
}

fn print(lines: &[String]) -> Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    let mut out = lines.join("\n");
    out.push('\n');
    messages::stdout(out.as_bytes())?;
    Ok(())
}

pub fn run(args: &RosterArgs) -> Result<ExitStatus> {
    if let RosterCommand::List {
        pattern,
        builtin: true,
    } = &args.command
    {
        let path = Path::new("dictionaries/roster.csv (built-in)");
        let file = RosterFile::parse(path, capclean::dict::DEFAULT_ROSTER)?;
        let rows = file.matching(pattern.as_deref().unwrap_or(""));
        let lines: Vec<String> = rows.iter().map(|&r| file.describe(r)).collect();
        print(&lines)?;
        return Ok(ExitStatus::Success);
    }
    let path = roster_path(args)?;
    match &args.command {
        RosterCommand::Add(add) => {
            let mut loaded = load(&path, true)?;
            let entry = Person {
                name: add.name.clone(),
                aliases: add.aliases.clone(),
                misheard: add.misheard.clone(),
                never: add.never.clone(),
                role: add.role.clone().unwrap_or_default(),
                organisation: add.organisation.clone().unwrap_or_default(),
                country: add.country.clone().unwrap_or_default(),
            };
            let merge = loaded.file.add(&entry)?;
            for kept in &merge.kept {
                messages::warning(&format!("{}: {kept}", path.display()));
            }
            let name = loaded.file.entry(merge.row).name;
            let lines: Vec<String> = if merge.added {
                vec![format!("added {name}")]
            } else if merge.changes.is_empty() {
                vec![format!("{name}: nothing new")]
            } else {
                merge
                    .changes
                    .iter()
                    .map(|c| format!("{name}: {c}"))
                    .collect()
            };
            save(&loaded, merge.changed())?;
            print(&lines)?;
        }
        RosterCommand::List { pattern, .. } => {
            let loaded = load(&path, false)?;
            let rows = loaded.file.matching(pattern.as_deref().unwrap_or(""));
            let lines: Vec<String> = rows.iter().map(|&r| loaded.file.describe(r)).collect();
            print(&lines)?;
        }
        RosterCommand::Lint => {
            let loaded = load(&path, false)?;
            let problems = loaded.file.lint();
            let lines: Vec<String> = problems
                .iter()
                .map(|p| format!("{}:{}: {}", path.display(), p.line, p.message))
                .collect();
            print(&lines)?;
            if !problems.is_empty() {
                return Ok(ExitStatus::Findings);
            }
        }
        RosterCommand::Import(import) => {
            let mut loaded = load(&path, true)?;
            let bytes = std::fs::read(&import.file).map_err(|e| Error::io(&import.file, e))?;
            let text = capclean::text::decode(&bytes)
                .map_err(|e| Error::Dictionary {
                    path: import.file.clone(),
                    line: 1,
                    reason: format!("{e}; save it as CSV UTF-8"),
                })?
                .text;
            let columns = ImportColumns {
                name: import.name_column.clone(),
                first: import.first_column.clone(),
                last: import.last_column.clone(),
                role: import.role_column.clone(),
                organisation: import.organisation_column.clone(),
                country: import.country_column.clone(),
            };
            let report = loaded.file.import(&import.file, &text, &columns)?;
            for kept in &report.kept {
                messages::warning(&format!("{}: {kept}", path.display()));
            }
            save(&loaded, report.added + report.merged > 0)?;
            print(&[format!(
                "added {}, merged {}, skipped {}",
                report.added, report.merged, report.skipped
            )])?;
        }
        RosterCommand::Learn { review } => {
            let mut loaded = load(&path, false)?;
            let bytes = std::fs::read(review).map_err(|e| Error::io(review, e))?;
            let rows = read_review(review, &bytes)?;
            let learned = loaded.file.learn(review, &rows);
            for skipped in &learned.skipped {
                messages::warning(skipped);
            }
            save(&loaded, !learned.changes.is_empty())?;
            print(&learned.changes)?;
            if learned.changes.is_empty() {
                messages::note(&format!("{}: nothing new to learn", path.display()));
            }
        }
    }
    Ok(ExitStatus::Success)
}
