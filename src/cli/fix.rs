//! `capclean fix` and `capclean check`: the same analysis; `fix` writes the
//! corrected text and the review list, `check` reports and exits 1 when it
//! finds something.

use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{bail, Context, Result};
use capclean::config::Config;
use capclean::dict::Dictionaries;
use capclean::formats::Format;
use capclean::review::{self, Row};
use capclean::rules::punct::DashStyle;
use capclean::rules::RuleSet;
use capclean::{Engine, Settings};
use rayon::prelude::*;

use super::args::{FixArgs, RunArgs};
use super::inputs::{self, Input, Source};
use super::output::{unified_diff, write_atomic};
use super::progress::Progress;
use super::{messages, ExitStatus};

/// Where `fix` puts the corrected text.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Dir(PathBuf),
    InPlace,
    Stdout,
    Diff,
    /// `check`: nothing is written but the report.
    Report,
}

pub fn run_fix(args: FixArgs) -> Result<ExitStatus> {
    let stdin_only = args.run.inputs.iter().all(|p| p.as_os_str() == "-");
    let target = match (args.output, args.in_place, args.stdout, args.diff) {
        (Some(dir), ..) => Target::Dir(dir),
        (_, true, ..) => Target::InPlace,
        (_, _, true, _) => Target::Stdout,
        (.., true) => Target::Diff,
        _ if stdin_only => Target::Stdout,
        _ => bail!("say where the corrected text goes: -o DIR, --in-place, --stdout or --diff"),
    };
    run(args.run, target)
}

pub fn run_check(args: RunArgs) -> Result<ExitStatus> {
    run(args, Target::Report)
}

/// Builds the engine from the options shared by `fix` and `check`, over
/// the settings of `capclean.toml` (flags win).
pub fn engine(args: &RunArgs) -> Result<Engine> {
    let config_path = match &args.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| Config::discover(&dir)),
    };
    let config = match &config_path {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    let codes = |flag: &Option<String>, key: &Option<capclean::config::Codes>| {
        flag.clone().or_else(|| key.as_ref().map(|c| c.joined()))
    };
    let select = match codes(&args.select, &config.select) {
        Some(s) => RuleSet::parse(&s).map_err(anyhow::Error::msg)?,
        None => RuleSet::all(),
    };
    let ignore = match codes(&args.ignore, &config.ignore) {
        Some(s) => RuleSet::parse(&s).map_err(anyhow::Error::msg)?,
        None => RuleSet::empty(),
    };
    let mut settings = Settings {
        rules: select.without(ignore),
        format: Format::parse_option(&args.format).map_err(anyhow::Error::msg)?,
        ..Settings::default()
    };
    if let Some(style) = args.dash_style.as_ref().or(config.dash_style.as_ref()) {
        settings.dash_style = DashStyle::parse(style).map_err(anyhow::Error::msg)?;
    }
    if let Some(x) = args.auto_threshold.or(config.auto_threshold) {
        settings.auto_threshold = x;
    }
    let no_defaults =
        args.no_default_dictionaries || config.no_default_dictionaries.unwrap_or(false);
    let mut dictionaries = if no_defaults {
        Dictionaries::default()
    } else {
        Dictionaries::builtin()?
    };
    for path in config.roster.iter().chain(&args.roster) {
        dictionaries.add_roster_file(path)?;
    }
    for path in config.glossary.iter().chain(&args.glossary) {
        dictionaries.add_glossary_file(path)?;
    }
    Ok(Engine::new(settings, dictionaries))
}

/// What became of one input.
#[derive(Default)]
struct Report {
    rows: Vec<Row>,
    /// The input's display name and original text, kept only for `--report`.
    source: Option<(String, String)>,
    /// Corrected bytes kept for printing (stdout), or a diff.
    printed: Option<Vec<u8>>,
    error: Option<String>,
    warning: Option<String>,
}

fn run(args: RunArgs, target: Target) -> Result<ExitStatus> {
    let engine = engine(&args)?;
    if target == Target::InPlace && args.inputs.iter().any(|p| p.as_os_str() == "-") {
        bail!("--in-place cannot rewrite stdin; use --stdout or -o DIR");
    }
    let skip = match &target {
        Target::Dir(dir) => Some(dir.as_path()),
        _ => None,
    };
    let (inputs, mut errors) = inputs::collect(&args.inputs, skip);
    let outputs = match &target {
        Target::Dir(dir) => Some(inputs::plan_outputs(&inputs, dir)?),
        _ => None,
    };
    let review_path = match (&args.review, &target) {
        (Some(path), _) => Some(path.clone()),
        (None, Target::Dir(dir)) => Some(dir.join("review.csv")),
        (None, Target::InPlace) => Some(PathBuf::from("review.csv")),
        _ => None,
    };
    if let Some(path) = &args.report {
        inputs::check_not_input(&inputs, path)?;
        if review_path.as_ref() == Some(path) {
            bail!(
                "the report and the review list cannot both be {}",
                path.display()
            );
        }
        if outputs.as_ref().is_some_and(|o| o.contains(path)) {
            bail!(
                "an output file would overwrite the report {}",
                path.display()
            );
        }
    }
    if let Some(path) = &review_path {
        inputs::check_not_input(&inputs, path)?;
        if let Some(outputs) = &outputs {
            if outputs.iter().any(|o| o == path) {
                bail!(
                    "an output file would overwrite the review list {}",
                    path.display()
                );
            }
        }
    }

    let total_bytes = inputs.iter().map(|i| i.size).sum();
    let progress = Progress::new(inputs.len() as u64, total_bytes, args.quiet);
    let done = AtomicU64::new(0);
    let process = |(index, input): (usize, &Input)| -> Report {
        let out_path = outputs.as_ref().map(|o| &o[index]);
        let report = process_one(&engine, input, &target, out_path, args.report.is_some());
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        progress.file_done(input.size, n);
        report
    };
    let reports: Vec<Report> = match args.threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .context("cannot start worker threads")?
            .install(|| inputs.par_iter().enumerate().map(process).collect()),
        None => inputs.par_iter().enumerate().map(process).collect(),
    };
    progress.finish();

    let mut rows = Vec::new();
    // For the HTML report: (name, original text, the file's rows in `rows`).
    let mut sources = Vec::new();
    let mut checked_files = 0;
    for report in reports {
        if let Some(w) = &report.warning {
            messages::warning(w);
        }
        match report.error {
            Some(e) => errors.push(e),
            None => checked_files += 1,
        }
        if let Some(bytes) = &report.printed {
            messages::stdout(bytes)?;
        }
        if let Some((name, text)) = report.source {
            sources.push((name, text, rows.len()..rows.len() + report.rows.len()));
        }
        rows.extend(report.rows);
    }
    for (i, row) in rows.iter_mut().enumerate() {
        row.id = i + 1;
    }
    if target == Target::Report {
        print_report(&rows)?;
    }
    if let Some(path) = &review_path {
        let mut buf = Vec::new();
        review::write_review(&mut buf, &rows)?;
        write_atomic(path, &buf)?;
    }
    if let Some(path) = &args.report {
        let files: Vec<review::ReportFile> = sources
            .iter()
            .map(|(name, text, range)| review::ReportFile {
                name,
                text,
                rows: &rows[range.clone()],
            })
            .collect();
        write_atomic(path, review::render_html(&files).as_bytes())?;
    }
    for e in &errors {
        messages::error(e);
    }
    if !args.quiet {
        messages::note(&summary(
            checked_files,
            &rows,
            errors.len(),
            review_path.as_deref(),
            args.report.as_deref(),
        ));
    }
    Ok(if !errors.is_empty() {
        ExitStatus::Error
    } else if target == Target::Report && !rows.is_empty() {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

fn process_one(
    engine: &Engine,
    input: &Input,
    target: &Target,
    out_path: Option<&PathBuf>,
    keep_source: bool,
) -> Report {
    let mut report = Report::default();
    let bytes = match read(input) {
        Ok(bytes) => bytes,
        Err(e) => {
            report.error = Some(e);
            return report;
        }
    };
    if bytes.is_empty() {
        report.warning = Some(format!("{}: empty file", input.display));
    }
    let checked = match engine.check_bytes(&input.display, &bytes) {
        Ok(c) => c,
        Err(e) => {
            report.error = Some(e.to_string());
            return report;
        }
    };
    report.rows = review::rows_for(&input.display, &checked, 0);
    let write = |path: &std::path::Path| {
        write_atomic(path, &checked.output_bytes()).map_err(|e| format!("{e:#}"))
    };
    let outcome = match (target, &input.source) {
        (Target::Dir(_), _) => out_path.map_or(Ok(()), |p| write(p)),
        (Target::InPlace, Source::File(path)) if checked.output != checked.doc.text => write(path),
        (Target::Stdout, _) => {
            report.printed = Some(checked.output_bytes());
            Ok(())
        }
        (Target::Diff, _) => {
            let diff = unified_diff(&input.display, &checked.doc.text, &checked.output);
            report.printed = Some(diff.into_bytes());
            Ok(())
        }
        _ => Ok(()),
    };
    if let Err(e) = outcome {
        report.error = Some(e);
    }
    if keep_source {
        report.source = Some((input.display.clone(), checked.doc.text));
    }
    report
}

fn read(input: &Input) -> Result<Vec<u8>, String> {
    match &input.source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("-: cannot read stdin: {}", inputs::describe(&e)))?;
            Ok(buf)
        }
        Source::File(path) => std::fs::read(path).map_err(|e| {
            let reason = if e.kind() == std::io::ErrorKind::IsADirectory {
                "is a directory".to_owned()
            } else {
                inputs::describe(&e)
            };
            format!("{}: cannot read: {reason}", input.display)
        }),
    }
}

fn print_report(rows: &[Row]) -> Result<()> {
    let mut out = String::new();
    for r in rows {
        let what = if r.suggestion.is_empty() {
            format!("\"{}\": {}", r.original, r.note)
        } else {
            format!("\"{}\" -> \"{}\"", r.original, r.suggestion)
        };
        out.push_str(&format!(
            "{}:{}:{}: {} [{}] {what}\n",
            r.file, r.line, r.column, r.rule, r.status
        ));
    }
    messages::stdout(out.as_bytes())?;
    Ok(())
}

fn summary(
    files: usize,
    rows: &[Row],
    errors: usize,
    review: Option<&std::path::Path>,
    html: Option<&std::path::Path>,
) -> String {
    let count = |f: &dyn Fn(&Row) -> bool| rows.iter().filter(|r| f(r)).count();
    let kinds: Vec<String> = ["punct", "inaudible", "name", "term"]
        .iter()
        .map(|k| (k, count(&|r: &Row| r.kind == *k)))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let mut line = format!(
        "capclean: {files} file{}, {} finding{}",
        if files == 1 { "" } else { "s" },
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
    );
    if !kinds.is_empty() {
        line.push_str(&format!(" ({})", kinds.join(", ")));
    }
    line.push_str(&format!(
        ": {} applied, {} suggested, {} flagged",
        count(&|r: &Row| r.status == "applied"),
        count(&|r: &Row| r.status == "suggested"),
        count(&|r: &Row| r.status == "flagged"),
    ));
    if errors > 0 {
        line.push_str(&format!(
            "; {errors} error{}",
            if errors == 1 { "" } else { "s" }
        ));
    }
    if let Some(path) = review {
        line.push_str(&format!("; review list {}", path.display()));
    }
    if let Some(path) = html {
        line.push_str(&format!("; report {}", path.display()));
    }
    line
}
