//! Argument definitions (clap derive). Each flag's help text is its doc.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Clean and correct raw real-time captioning output (CART, SRT, WebVTT).
#[derive(Debug, Parser)]
#[command(name = "capclean", version, about, propagate_version = true)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean and correct inputs; write the corrected text and a review list.
    Fix(FixArgs),
    /// Analyse inputs and report findings without writing; exit 1 if anything is found.
    Check(RunArgs),
    /// Apply the editor's decisions from a reviewed CSV.
    Apply(ApplyArgs),
    /// Maintain the name roster: add, list, lint, import, learn.
    Roster(RosterArgs),
    /// List the rules, or explain one.
    Rules(RulesArgs),
}

/// Options of `roster`.
#[derive(Debug, Args)]
pub struct RosterArgs {
    /// The roster file [default: the one `roster` entry of the nearest capclean.toml].
    #[arg(long, value_name = "FILE", global = true)]
    pub roster: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: RosterCommand,
}

/// The `roster` subcommands.
#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Add a person, or merge new forms into the entry with the same name.
    Add(RosterAddArgs),
    /// Print the entries, or those with a cell containing PATTERN.
    List {
        /// Text to look for in any cell (case and accents ignored).
        pattern: Option<String>,
        /// List the built-in roster (the public figures capclean knows
        /// without a roster of yours) instead of a roster file.
        #[arg(long)]
        builtin: bool,
    },
    /// Report entries that make corrections go wrong; exit 1 if any.
    Lint,
    /// Merge a participant list (CSV or TSV) into the roster.
    Import(RosterImportArgs),
    /// Learn misheard and never forms from a reviewed list's name rows.
    Learn {
        /// The review list, as the editor saved it.
        #[arg(value_name = "REVIEW.csv")]
        review: PathBuf,
    },
}

/// Options of `roster add`.
#[derive(Debug, Args)]
pub struct RosterAddArgs {
    /// The name as it must be written.
    pub name: String,
    /// Another correct form (repeatable).
    #[arg(long = "alias", value_name = "A")]
    pub aliases: Vec<String>,
    /// A known wrong form, always corrected (repeatable).
    #[arg(long = "misheard", value_name = "M")]
    pub misheard: Vec<String>,
    /// A form never to correct into this name (repeatable).
    #[arg(long = "never", value_name = "N")]
    pub never: Vec<String>,
    /// Role, e.g. "Chair".
    #[arg(long, value_name = "R")]
    pub role: Option<String>,
    /// Organisation.
    #[arg(long, value_name = "O")]
    pub organisation: Option<String>,
    /// Country.
    #[arg(long, value_name = "C")]
    pub country: Option<String>,
}

/// Options of `roster import`.
#[derive(Debug, Args)]
pub struct RosterImportArgs {
    /// The participant list (CSV, `;` or tab separated; UTF-8, UTF-16 or Windows-1252).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The column with the whole name ("First Last" or "LAST, First") [default: name].
    #[arg(long, value_name = "C", conflicts_with_all = ["first_column", "last_column"])]
    pub name_column: Option<String>,
    /// The column with the given names (with --last-column).
    #[arg(long, value_name = "F", requires = "last_column")]
    pub first_column: Option<String>,
    /// The column with the surname (with --first-column).
    #[arg(long, value_name = "L", requires = "first_column")]
    pub last_column: Option<String>,
    /// The role column [default: role, if there is one].
    #[arg(long, value_name = "R")]
    pub role_column: Option<String>,
    /// The organisation column [default: organisation or organization, if there is one].
    #[arg(long, value_name = "O")]
    pub organisation_column: Option<String>,
    /// The country column [default: country, if there is one].
    #[arg(long, value_name = "C")]
    pub country_column: Option<String>,
}

/// Options of `apply`.
#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The review list, as the editor saved it.
    #[arg(value_name = "REVIEW.csv")]
    pub review: PathBuf,

    /// Write the corrected files under DIR.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "DIR",
        group = "target",
        required_unless_present = "in_place"
    )]
    pub output: Option<PathBuf>,

    /// Overwrite the inputs named in the review list (atomically).
    #[arg(long, group = "target")]
    pub in_place: bool,

    /// Read the inputs in this encoding (as `fix --encoding` did) instead of detecting it.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Write the output in the input's encoding (input, the default) or in utf-8.
    #[arg(long, value_name = "ENCODING", default_value = "input")]
    pub output_encoding: String,

    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options of `fix`: where the corrected text goes, and the shared ones.
#[derive(Debug, Args)]
pub struct FixArgs {
    /// Options shared with `check`.
    #[command(flatten)]
    pub run: RunArgs,

    /// Write corrected files under DIR (mirroring each directory input).
    #[arg(short = 'o', long = "output", value_name = "DIR", group = "target")]
    pub output: Option<PathBuf>,

    /// Overwrite the inputs with their corrected text (atomically).
    #[arg(long, group = "target")]
    pub in_place: bool,

    /// Print the corrected text to stdout.
    #[arg(long, group = "target")]
    pub stdout: bool,

    /// Print a unified diff instead of writing anything.
    #[arg(long, group = "target")]
    pub diff: bool,
}

/// Options of `fix` and `check`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Files, directories (recursed for *.txt, *.srt, *.vtt), or `-` for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Where to write the review list [fix default: DIR/review.csv with -o, ./review.csv with --in-place; check: none].
    #[arg(long, value_name = "FILE")]
    pub review: Option<PathBuf>,

    /// Replace a review list that holds decisions (the old one is kept beside it as review.old-N.csv).
    #[arg(long)]
    pub force: bool,

    /// Also write an HTML report (one self-contained file): the findings marked in the text, with the review list's ids.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Input format: auto, cart, srt or vtt (auto: by extension, then by content).
    #[arg(long, value_name = "FORMAT", default_value = "auto")]
    pub format: String,

    /// Read the inputs in this encoding (utf-8, utf-16le, windows-1250, gbk, …) instead of detecting it.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Write the output in the input's encoding (input, the default) or in utf-8.
    #[arg(long, value_name = "ENCODING", default_value = "input")]
    pub output_encoding: String,

    /// The inputs' language: auto (detected per file), or a code or name (en, fr, spanish); English-only rules run on English only.
    #[arg(long, value_name = "LANG", default_value = "auto")]
    pub language: String,

    /// Only these rules (comma-separated codes or prefixes; ALL for every rule).
    #[arg(long, value_name = "CODES")]
    pub select: Option<String>,

    /// Leave out these rules (comma-separated codes or prefixes; ALL for every rule).
    #[arg(long, value_name = "CODES")]
    pub ignore: Option<String>,

    /// Apply name and term corrections at or above this confidence (0..1); below it they are suggested.
    #[arg(long, value_name = "X", value_parser = parse_threshold)]
    pub auto_threshold: Option<f32>,

    /// Add a roster CSV to the built-in one (repeatable).
    #[arg(long, value_name = "FILE")]
    pub roster: Vec<PathBuf>,

    /// Add a glossary CSV to the built-in one (repeatable).
    #[arg(long, value_name = "FILE")]
    pub glossary: Vec<PathBuf>,

    /// Leave the built-in roster and glossary out.
    #[arg(long)]
    pub no_default_dictionaries: bool,

    /// Dash style for double hyphens: spaced-em, em, en or keep [default: spaced-em].
    #[arg(long, value_name = "STYLE")]
    pub dash_style: Option<String>,

    /// Read settings from FILE instead of the nearest capclean.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Number of threads [default: all cores].
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,

    /// No progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options of `rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rule code (e.g. I001) or name to explain.
    pub code: Option<String>,
}

fn parse_threshold(s: &str) -> Result<f32, String> {
    let x: f32 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{x} is outside 0..1"))
    }
}
