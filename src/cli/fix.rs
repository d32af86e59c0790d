//! `capclean fix` and `capclean check`: the same analysis; `fix` writes the
//! corrected text and the review list, `check` reports and exits 1 when it
//! finds something.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{bail, Context, Result};
use capclean::config::Config;
use capclean::dict::Dictionaries;
use capclean::formats::Format;
use capclean::pipeline::parts::{Parted, PART_BYTES};
use capclean::review::{self, Row};
use capclean::rules::punct::DashStyle;
use capclean::rules::RuleSet;
use capclean::text::{encoding_for_label, Language, OutputEncoding};
use capclean::{Engine, Kind, Settings, Status};
use rayon::prelude::*;

use super::args::{FixArgs, RunArgs};
use super::inputs::{self, Input, Source};
use super::output::{unified_diff, write_atomic, AtomicFile};
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
        encoding: match &args.encoding {
            Some(label) => Some(encoding_for_label(label).map_err(anyhow::Error::msg)?),
            None => None,
        },
        output_encoding: OutputEncoding::parse(&args.output_encoding)
            .map_err(anyhow::Error::msg)?,
        language: Language::parse_option(&args.language).map_err(anyhow::Error::msg)?,
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
    /// The language the rules read the input in.
    language: Option<Language>,
}

fn run(args: RunArgs, target: Target) -> Result<ExitStatus> {
    let engine = engine(&args)?;
    let Some(plan) = plan(&args, &target, &engine)? else {
        return Ok(ExitStatus::Error);
    };
    let mut run = Run {
        review: match &plan.review {
            Some(path) => Some(
                review::ReviewWriter::new(AtomicFile::create(path)?)
                    .with_context(|| format!("{}: cannot write", path.display()))?,
            ),
            None => None,
        },
        print_rows: target == Target::Report,
        keep_rows: args.report.is_some(),
        ..Run::default()
    };
    process(&args, &target, &engine, &plan, &mut run)?;
    let status = finish(&args, &target, plan, run)?;
    // The process ends here: freeing a large roster index one allocation
    // at a time would only delay the exit (a tenth of a second per 100,000
    // names).
    std::mem::forget(engine);
    Ok(status)
}

/// What a run will read and write, checked before anything is written.
struct Plan {
    inputs: Vec<Input>,
    /// Where each input's output goes (`-o DIR`).
    outputs: Option<Vec<PathBuf>>,
    review: Option<PathBuf>,
    /// Inputs that could not be collected.
    errors: Vec<String>,
}

/// Collects the inputs and refuses, before anything is written, every
/// write that would lose something: outputs among the inputs or on one
/// another, a review list or report over an input or an output, a review
/// list holding decisions. `None` when there is no input at all (the
/// reasons are printed).
fn plan(args: &RunArgs, target: &Target, engine: &Engine) -> Result<Option<Plan>> {
    if *target == Target::InPlace && args.inputs.iter().any(|p| p.as_os_str() == "-") {
        bail!("--in-place cannot rewrite stdin; use --stdout or -o DIR");
    }
    let skip = match target {
        Target::Dir(dir) => {
            inputs::refuse_output_among_inputs(dir, &args.inputs)?;
            Some(dir.as_path())
        }
        _ => None,
    };
    let format_forced = engine.settings.format.is_some();
    let (inputs, errors) = inputs::collect(&args.inputs, skip, format_forced);
    if inputs.is_empty() {
        for e in &errors {
            messages::error(e);
        }
        return Ok(None);
    }
    let outputs = match target {
        Target::Dir(dir) => Some(inputs::plan_outputs(&inputs, dir)?),
        _ => None,
    };
    let review = match (&args.review, target) {
        (Some(path), _) => Some(path.clone()),
        (None, Target::Dir(dir)) => Some(dir.join("review.csv")),
        (None, Target::InPlace) => Some(PathBuf::from("review.csv")),
        _ => None,
    };
    let is_output = |path: &PathBuf| outputs.as_ref().is_some_and(|o| o.contains(path));
    if let Some(path) = &args.report {
        inputs::check_not_input(&inputs, path)?;
        if review.as_ref() == Some(path) {
            bail!(
                "the report and the review list cannot both be {}",
                path.display()
            );
        }
        if is_output(path) {
            bail!(
                "an output file would overwrite the report {}",
                path.display()
            );
        }
    }
    if let Some(path) = &review {
        inputs::check_not_input(&inputs, path)?;
        keep_decisions(path, args.force)?;
        if is_output(path) {
            bail!(
                "an output file would overwrite the review list {}",
                path.display()
            );
        }
    }
    Ok(Some(Plan {
        inputs,
        outputs,
        review,
        errors,
    }))
}

/// Checks every input of the plan, in input order: small files in
/// parallel, a batch at a time, so that a folder is never held whole; a
/// large file alone, part by part, its segments in parallel.
fn process(
    args: &RunArgs,
    target: &Target,
    engine: &Engine,
    plan: &Plan,
    run: &mut Run,
) -> Result<()> {
    let inputs = &plan.inputs;
    let total_bytes = inputs.iter().map(|i| i.size).sum();
    let progress = Progress::new(inputs.len() as u64, total_bytes, args.quiet);
    let done = AtomicU64::new(0);
    let pool = match args.threads {
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .context("cannot start worker threads")?,
        ),
        None => None,
    };
    let in_pool = |f: &mut (dyn FnMut() -> Result<()> + Send)| match &pool {
        Some(pool) => pool.install(f),
        None => f(),
    };
    let part_bytes = part_bytes();
    let parted = |input: &Input| {
        *target != Target::Diff
            && args.report.is_none()
            && matches!(input.source, Source::File(_))
            && input.size > part_bytes as u64
    };
    let out_path = |index: usize| plan.outputs.as_ref().map(|o| &o[index]);
    let mut next = 0;
    while next < inputs.len() {
        let first = next;
        if parted(&inputs[next]) {
            next += 1;
            in_pool(&mut || {
                let parts = Parts {
                    bytes: part_bytes,
                    progress: &progress,
                };
                process_parted(engine, &inputs[first], target, out_path(first), &parts, run)
            })?;
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress.file_done(0, n);
            continue;
        }
        let mut bytes = 0;
        while next < inputs.len()
            && !parted(&inputs[next])
            && next - first < BATCH_FILES
            && bytes < BATCH_BYTES
        {
            bytes += inputs[next].size;
            next += 1;
        }
        let mut reports = Vec::new();
        in_pool(&mut || {
            reports = inputs[first..next]
                .par_iter()
                .enumerate()
                .map(|(i, input)| {
                    let report = process_one(
                        engine,
                        input,
                        target,
                        out_path(first + i),
                        args.report.is_some(),
                    );
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress.file_done(input.size, n);
                    report
                })
                .collect();
            Ok(())
        })?;
        for report in reports {
            run.take(report)?;
        }
    }
    progress.finish();
    Ok(())
}

/// Writes the review list and the report, prints the errors and the
/// summary, and says how the run ended.
fn finish(args: &RunArgs, target: &Target, plan: Plan, mut run: Run) -> Result<ExitStatus> {
    if let (Some(writer), Some(path)) = (run.review.take(), &plan.review) {
        writer
            .finish()
            .with_context(|| format!("{}: cannot write", path.display()))?
            .commit()?;
    }
    if let Some(path) = &args.report {
        let files: Vec<review::ReportFile> = run
            .sources
            .iter()
            .map(|(name, text, range)| review::ReportFile {
                name,
                text,
                rows: &run.rows[range.clone()],
            })
            .collect();
        write_atomic(path, review::render_html(&files).as_bytes())?;
    }
    let mut errors = plan.errors;
    errors.extend(run.errors.iter().cloned());
    for e in &errors {
        messages::error(e);
    }
    if !args.quiet {
        messages::note(&summary(
            run.checked_files,
            &run.languages,
            &run.counts,
            errors.len(),
            plan.review.as_deref(),
            args.report.as_deref(),
        ));
    }
    Ok(if !errors.is_empty() {
        ExitStatus::Error
    } else if *target == Target::Report && run.counts.total > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

/// Refuses to replace a review list that holds an editor's decisions:
/// with `force`, the old list is first kept beside it (`review.old-N.csv`).
fn keep_decisions(path: &std::path::Path, force: bool) -> Result<()> {
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(()); // nothing there yet
    };
    let empty = file.metadata().is_ok_and(|m| m.len() == 0);
    let decided = match review::count_decisions(std::io::BufReader::new(file)) {
        Some(0) => None,
        Some(n) => Some(format!("holds {n} decision{}", plural(n))),
        None if empty => None,
        None => Some("exists and is not a review list capclean can read".to_owned()),
    };
    let Some(what) = decided else {
        return Ok(());
    };
    if !force {
        bail!(
            "{} {what}; apply them first (capclean apply {} -o DIR), write the new list elsewhere (--review FILE), or pass --force to replace it (the old list is then kept beside it)",
            path.display(),
            path.display()
        );
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("review");
    let kept = (1..)
        .map(|n| path.with_file_name(format!("{stem}.old-{n}.csv")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.with_extension("old.csv"));
    std::fs::rename(path, &kept)
        .with_context(|| format!("{}: cannot keep it as {}", path.display(), kept.display()))?;
    messages::warning(&format!(
        "{} {what}: kept as {}",
        path.display(),
        kept.display()
    ));
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Size of the parts a large file is checked in; `CAPCLEAN_PART_BYTES`
/// overrides it (for tests, which need small parts).
fn part_bytes() -> usize {
    std::env::var("CAPCLEAN_PART_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(PART_BYTES)
}

/// Buffer of a large file's output on its way to stdout.
const WRITE_BUFFER: usize = 256 << 10;

/// Files checked in parallel at a time, and the bytes they may hold.
const BATCH_FILES: usize = 256;
const BATCH_BYTES: u64 = 64 << 20;

/// Finding counts for the summary line, by kind and by status (in the
/// order of `Kind::ALL` and `Status::ALL`).
#[derive(Default)]
struct Counts {
    total: usize,
    by_kind: [usize; Kind::ALL.len()],
    by_status: [usize; Status::ALL.len()],
}

/// What a run has seen so far, in input order.
#[derive(Default)]
struct Run {
    review: Option<review::ReviewWriter<AtomicFile>>,
    next_id: usize,
    counts: Counts,
    checked_files: usize,
    /// Files per language the rules read them in.
    languages: std::collections::BTreeMap<&'static str, usize>,
    errors: Vec<String>,
    /// `check`: print each row.
    print_rows: bool,
    /// `--report`: keep rows and sources for the page.
    keep_rows: bool,
    rows: Vec<Row>,
    /// (name, original text, the file's rows in `rows`).
    sources: Vec<(String, String, std::ops::Range<usize>)>,
}

impl Run {
    /// Numbers, writes, prints and counts rows, in input order.
    fn rows(&mut self, mut rows: Vec<Row>) -> Result<()> {
        for row in &mut rows {
            self.record(row)?;
        }
        if self.print_rows {
            print_report(&rows)?;
        }
        if self.keep_rows {
            self.rows.extend(rows);
        }
        Ok(())
    }

    /// [`Run::rows`] for one row, as a large file's parts make them.
    fn row(&mut self, mut row: Row) -> Result<()> {
        self.record(&mut row)?;
        if self.print_rows {
            print_report(std::slice::from_ref(&row))?;
        }
        if self.keep_rows {
            self.rows.push(row);
        }
        Ok(())
    }

    /// Numbers a row, counts it and writes it to the review list.
    fn record(&mut self, row: &mut Row) -> Result<()> {
        self.next_id += 1;
        row.id = self.next_id;
        let c = &mut self.counts;
        c.total += 1;
        c.by_kind[row.rule.kind() as usize] += 1;
        c.by_status[row.status as usize] += 1;
        if let Some(writer) = &mut self.review {
            writer.write(row).context("cannot write the review list")?;
        }
        Ok(())
    }

    fn take(&mut self, report: Report) -> Result<()> {
        if let Some(w) = &report.warning {
            messages::warning(w);
        }
        match report.error {
            Some(e) => self.errors.push(e),
            None => self.checked_files += 1,
        }
        if let Some(language) = report.language {
            *self.languages.entry(language.name()).or_default() += 1;
        }
        if let Some(bytes) = &report.printed {
            messages::stdout(bytes)?;
        }
        let start = self.rows.len();
        let n = report.rows.len();
        self.rows(report.rows)?;
        if let Some((name, text)) = report.source {
            self.sources.push((name, text, start..start + n));
        }
        Ok(())
    }
}

/// How a large file is read: the part size, and the bar to advance per part.
struct Parts<'a> {
    bytes: usize,
    progress: &'a Progress,
}

/// Checks a large file part by part: its corrected text goes straight to a
/// temporary file (renamed over the output at the end) or to stdout, its
/// rows straight to the review list.
fn process_parted(
    engine: &Engine,
    input: &Input,
    target: &Target,
    out_path: Option<&PathBuf>,
    parts: &Parts<'_>,
    run: &mut Run,
) -> Result<()> {
    let Source::File(path) = &input.source else {
        return Ok(());
    };
    if *target == Target::InPlace {
        if let Err(e) = inputs::check_in_place(input) {
            run.errors.push(e);
            return Ok(());
        }
    }
    let fail = |run: &mut Run, e: String| {
        run.errors.push(e);
        Ok(())
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            let reason = inputs::describe(&e);
            return fail(run, format!("{}: cannot read: {reason}", input.display));
        }
    };
    let mut sink = match (target, out_path) {
        (Target::Dir(_), Some(out)) => Some(AtomicFile::create(out)?),
        (Target::InPlace, _) => Some(AtomicFile::create(path)?),
        _ => None,
    };
    let mut changed = false;
    let mut language = None;
    let mut failed: Option<String> = None;
    let mut rows = review::PartRows::new(&input.display);
    let outcome = engine.check_parts(&input.display, file, parts.bytes, |piece| {
        parts.progress.part_done(piece.span.len() as u64);
        changed |= piece.changed();
        language.get_or_insert(piece.doc.language);
        let written = match (&mut sink, target) {
            (Some(file), _) => piece.write_output(file).map_err(|e| e.to_string()),
            (None, Target::Stdout) => {
                let mut out = std::io::BufWriter::with_capacity(WRITE_BUFFER, std::io::stdout());
                piece
                    .write_output(&mut out)
                    .and_then(|()| out.flush())
                    .map_err(|e| e.to_string())
            }
            _ => Ok(()),
        };
        if let Err(e) = written {
            failed.get_or_insert(format!("{}: cannot write: {e}", input.display));
        }
        let to_io = |e: anyhow::Error| {
            capclean::Error::io(&input.display, std::io::Error::other(format!("{e:#}")))
        };
        rows.piece(&piece, |row| run.row(row).map_err(to_io))
    });
    if let Err(e) = run.rows(rows.finish().collect()) {
        return fail(run, format!("{e:#}"));
    }
    match outcome {
        Err(e) => fail(run, e.to_string()),
        Ok(_) if failed.is_some() => fail(run, failed.unwrap_or_default()),
        Ok(Parted::Whole) => {
            drop(sink);
            parts.progress.part_done(input.size);
            let report = process_one(engine, input, target, out_path, false);
            run.take(report)
        }
        Ok(Parted::Done(_)) => {
            if let Some(file) = sink {
                // In place, an unchanged file is left as it was.
                if *target != Target::InPlace || changed {
                    file.commit()?;
                }
            }
            run.checked_files += 1;
            if let Some(language) = language {
                *run.languages.entry(language.name()).or_default() += 1;
            }
            Ok(())
        }
    }
}

fn process_one(
    engine: &Engine,
    input: &Input,
    target: &Target,
    out_path: Option<&PathBuf>,
    keep_source: bool,
) -> Report {
    let mut report = Report::default();
    if *target == Target::InPlace {
        if let Err(e) = inputs::check_in_place(input) {
            report.error = Some(e);
            return report;
        }
    }
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
    report.warning = input_notes(&input.display, &checked).or(report.warning);
    report.language = Some(checked.doc.language);
    report.rows = review::rows_for(&input.display, &checked, 0);
    let encoded = || {
        checked
            .output_bytes(engine.settings.output_encoding)
            .map_err(|e| format!("{}: {e}", input.display))
    };
    let write = |path: &std::path::Path| {
        let bytes = encoded()?;
        write_atomic(path, &bytes).map_err(|e| format!("{e:#}"))
    };
    let outcome = match (target, &input.source) {
        (Target::Dir(_), _) => out_path.map_or(Ok(()), |p| write(p)),
        (Target::InPlace, Source::File(path)) if checked.output != checked.doc.text => write(path),
        (Target::Stdout, _) => encoded().map(|bytes| {
            report.printed = Some(bytes);
        }),
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

/// What the user should hear about how an input was read: a code page
/// the detector chose, NUL bytes kept.
fn input_notes(name: &str, checked: &capclean::Checked) -> Option<String> {
    let mut notes = Vec::new();
    if checked.detected {
        notes.push(format!(
            "not UTF-8; read as {} (detected; --encoding NAME reads it as another)",
            checked.encoding.name()
        ));
    }
    if let Some(forced) = checked.utf8_over_forced {
        notes.push(format!(
            "valid UTF-8, so read as UTF-8 and not as {} (--encoding is for the files that are not UTF-8)",
            forced.name()
        ));
    }
    if checked.controls > 0 {
        notes.push(format!(
            "{} control character{} (NUL, …) in the text, kept as they are",
            checked.controls,
            if checked.controls == 1 { "" } else { "s" }
        ));
    }
    (!notes.is_empty()).then(|| format!("{name}: {}", notes.join("; ")))
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
            r.file,
            r.line,
            r.column,
            r.rule.code(),
            r.status.as_str()
        ));
    }
    messages::stdout(out.as_bytes())?;
    Ok(())
}

fn summary(
    files: usize,
    languages: &std::collections::BTreeMap<&'static str, usize>,
    counts: &Counts,
    errors: usize,
    review: Option<&std::path::Path>,
    html: Option<&std::path::Path>,
) -> String {
    let kinds: Vec<String> = Kind::ALL
        .iter()
        .zip(counts.by_kind)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{} {n}", k.as_str()))
        .collect();
    let total = counts.total;
    let mut line = format!(
        "capclean: {files} file{}, {total} finding{}",
        if files == 1 { "" } else { "s" },
        if total == 1 { "" } else { "s" },
    );
    if !kinds.is_empty() {
        line.push_str(&format!(" ({})", kinds.join(", ")));
    }
    let statuses: Vec<String> = Status::ALL
        .iter()
        .zip(counts.by_status)
        .map(|(s, n)| format!("{n} {}", s.as_str()))
        .collect();
    line.push_str(&format!(": {}", statuses.join(", ")));
    // Only worth a word when some file was not read as English.
    if languages.keys().any(|l| *l != "English") {
        let shown: Vec<String> = languages.iter().map(|(l, n)| format!("{l} {n}")).collect();
        let other: usize = languages
            .iter()
            .filter(|(l, _)| **l != "English")
            .map(|(_, n)| n)
            .sum();
        line.push_str(&format!(
            "; languages: {} (English-only rules off for {other} file{})",
            shown.join(", "),
            if other == 1 { "" } else { "s" }
        ));
    }
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
