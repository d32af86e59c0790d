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
    /// List the rules, or explain one.
    Rules(RulesArgs),
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

    /// Input format: auto, cart, srt or vtt (auto: by extension, then by content).
    #[arg(long, value_name = "FORMAT", default_value = "auto")]
    pub format: String,

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
