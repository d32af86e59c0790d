//! The held-out name evaluation: real mishearings from public captioning
//! transcripts, set against the spellings of the people's own organisations.
//!
//! ```sh
//! cargo run --release --example real_names                     # held-out half
//! cargo run --release --example real_names -- --half tune --dump
//! cargo run --release --example real_names -- --half all --present
//! ```
//!
//! The pairs and their sources are in `examples/name_eval/real/` (see its
//! SOURCES.md). Each pair is (heard, right, where: label or text, class,
//! genre, source transcript). Meeting transcripts (CART) are the default;
//! `--television` scores the few television captions (all lower case)
//! apart. The pairs are split in two halves by source
//! transcript (a hash of its address), so that no meeting is in both:
//! `tune` is the half whose misses may be looked at while changing the
//! matcher; `held-out` is reported and never dumped. `fresh` is a second
//! set from other transcripts (`fresh.csv`, its people in
//! `fresh_roster.csv`), collected later and held out as well.
//!
//! Every transcript becomes one cart document in the project's own words:
//! each pair's heard form in a speaker label or in a sentence of running
//! text, and the same document with the right forms as the reference. The
//! roster is the built-in one plus `real/roster.csv` (the people of those
//! meetings). With `--present` each damaged name's person also speaks once
//! under a correct label before it, as in a meeting where they take part;
//! without it the damaged form is the only trace of the person.
//!
//! A pair is *fixed* when the applied name findings on it turn it into the
//! right form, *caught* when fixed or when a suggestion on it gives the
//! right form, *flagged* when a finding on it asks for a look without the
//! right answer. An applied name finding that touches no damaged form, or
//! any applied name finding in the reference document, is a false change.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

use capclean::dict::{Dictionaries, Roster};
use capclean::formats::{Document, Format};
use capclean::text::SourceEncoding;
use capclean::{Engine, Finding, Kind, Settings, Status};

const PAIRS: &str = include_str!("name_eval/real/mishearings.csv");
const ROSTER: &str = include_str!("name_eval/real/roster.csv");
/// A second set, collected after the matcher was tuned on the first and
/// never looked at while changing it (see FRESH_SOURCES.md).
const FRESH_PAIRS: &str = include_str!("name_eval/real/fresh.csv");
const FRESH_ROSTER: &str = include_str!("name_eval/real/fresh_roster.csv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Half {
    Tune,
    HeldOut,
    /// The second set, from other transcripts: held out too.
    Fresh,
    All,
}

/// Scores capclean's name rules on real caption mishearings.
#[derive(Debug, Parser)]
#[command(name = "real_names")]
struct Args {
    /// Which half of the pairs (split by source transcript).
    #[arg(long, value_enum, default_value = "held-out")]
    half: Half,
    /// Each damaged person also speaks once under a correct label.
    #[arg(long)]
    present: bool,
    /// Television captions (all lower case) instead of meeting transcripts.
    #[arg(long)]
    television: bool,
    /// Leave the built-in roster out (only the meetings' people).
    #[arg(long)]
    no_builtin: bool,
    /// List every pair that is not fixed (the tune half only).
    #[arg(long)]
    dump: bool,
    /// capclean's auto threshold.
    #[arg(long, default_value_t = capclean::edit::DEFAULT_AUTO_THRESHOLD)]
    threshold: f32,
    /// One JSON line instead of the table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone)]
struct Pair {
    heard: String,
    right: String,
    label: bool,
    class: String,
    television: bool,
    transcript: String,
    fresh: bool,
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Pair {
    fn half(&self) -> Half {
        if self.fresh {
            Half::Fresh
        } else if fnv(&self.transcript) % 2 == 0 {
            Half::Tune
        } else {
            Half::HeldOut
        }
    }
}

fn read_pairs() -> Result<Vec<Pair>, String> {
    let mut pairs = read_pair_file("mishearings.csv", PAIRS, false)?;
    pairs.extend(read_pair_file("fresh.csv", FRESH_PAIRS, true)?);
    Ok(pairs)
}

fn read_pair_file(name: &str, text: &str, fresh: bool) -> Result<Vec<Pair>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut pairs = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("{name} row {}: {e}", i + 2))?;
        let cell = |n: usize| row.get(n).unwrap_or("").trim().to_owned();
        let source = cell(5);
        let transcript = source
            .split(" ; ")
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        let label = match cell(2).as_str() {
            "label" => true,
            "text" => false,
            other => return Err(format!("{name} row {}: where {other:?}", i + 2)),
        };
        pairs.push(Pair {
            heard: cell(0),
            right: cell(1),
            label,
            class: cell(3),
            television: match cell(4).as_str() {
                "meeting" => false,
                "television" => true,
                other => return Err(format!("{name} row {}: genre {other:?}", i + 2)),
            },
            transcript,
            fresh,
        });
    }
    Ok(pairs)
}

// The project's own sentences: the pairs' transcripts are only the source of
// the names.
const TEXT_FRAMES: &[(&str, &str)] = &[
    ("Thank you very much, ", ", for that clear summary."),
    ("I now give the floor to ", ", who joins us online."),
    ("We also heard from ", " on the question of funding."),
    ("As ", " reminded us, the deadline is next month."),
    ("Let me thank ", " for the work on this report."),
    ("Our next speaker is ", ", please go ahead."),
    ("I fully agree with what ", " said a moment ago."),
    ("The chair asked ", " to report back to the group."),
    ("Yesterday ", " presented the results of the survey."),
    ("A special word of thanks to ", " and the whole team."),
];

const SPOKEN: &[&str] = &[
    "Thank you, Chair. I would like to add a point on capacity building.",
    "Good morning, everyone. Can you hear me well?",
    "Thank you. We support the proposal as it stands.",
    "I will be brief, because we are running out of time.",
    "Our delegation has circulated a short paper on this item.",
    "Let me start with the timeline for the consultations.",
    "Thanks. I have two questions for the panel.",
    "We see three priorities for the coming year.",
];

const FILLER: &[&str] = &[
    "The session will resume after a short break.",
    "Please use the microphone when you take the floor.",
    "The slides will be shared on the website after the meeting.",
    "We have about ten minutes left for questions from the room.",
    "Interpretation is available in all six languages.",
    "The written comments received so far are in the annex.",
];

/// The person a right form names, for `--present`: the roster name whose
/// tokens hold every token of the right form (titles aside).
fn person_of<'r>(right: &str, roster: &'r Roster) -> Option<&'r str> {
    // Token by token: `fold` drops spaces and hyphens. Titles ("Mr.",
    // "SECRETARY-GENERAL") and initials name nobody.
    let fold = |s: &str| {
        s.split_whitespace()
            .filter(|w| !capclean::names::titles::is_title(w))
            .flat_map(|w| w.split(['-', '\u{2010}', '\u{2011}', '.']))
            .map(capclean::text::fold::fold)
            .filter(|t| t.chars().count() > 1)
            .collect::<Vec<_>>()
    };
    let wanted = fold(right);
    if wanted.is_empty() {
        return None;
    }
    roster
        .people
        .iter()
        .find(|p| {
            let have = fold(&p.name);
            wanted.iter().all(|w| have.contains(w))
        })
        .map(|p| p.name.as_str())
}

/// One transcript's raw and reference documents and each pair's span.
struct Built {
    raw: String,
    reference: String,
    spans: Vec<(usize, Range<usize>)>,
}

fn build(pairs: &[(usize, &Pair)], present: bool, roster: &Roster) -> Built {
    let mut raw = String::new();
    let mut reference = String::new();
    let mut spans = Vec::new();
    let push_both = |raw: &mut String, reference: &mut String, s: &str| {
        raw.push_str(s);
        reference.push_str(s);
    };
    for (k, &(i, pair)) in pairs.iter().enumerate() {
        let filler = FILLER[(i + k) % FILLER.len()];
        push_both(&mut raw, &mut reference, &format!("{filler}\n\n"));
        if present {
            if let Some(name) = person_of(&pair.right, roster) {
                let spoken = SPOKEN[(i + 3) % SPOKEN.len()];
                let line = format!(">> {}: {spoken}\n\n", name.to_uppercase());
                push_both(&mut raw, &mut reference, &line);
            }
        }
        let (before, after) = if pair.label {
            (
                ">> ".to_owned(),
                format!(": {}\n\n", SPOKEN[i % SPOKEN.len()]),
            )
        } else {
            let (b, a) = TEXT_FRAMES[i % TEXT_FRAMES.len()];
            (b.to_owned(), format!("{a}\n\n"))
        };
        push_both(&mut raw, &mut reference, &before);
        let start = raw.len();
        raw.push_str(&pair.heard);
        reference.push_str(&pair.right);
        spans.push((i, start..raw.len()));
        push_both(&mut raw, &mut reference, &after);
    }
    Built {
        raw,
        reference,
        spans,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Fixed,
    Suggested,
    Flagged,
    Wrong,
    Silent,
}

impl Outcome {
    fn name(self) -> &'static str {
        match self {
            Outcome::Fixed => "fixed",
            Outcome::Suggested => "suggested right",
            Outcome::Flagged => "flagged",
            Outcome::Wrong => "changed wrongly",
            Outcome::Silent => "silent",
        }
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// `text[span]` with `findings` applied (sorted, not overlapping), by the
/// project's own applier.
fn applied_over(text: &str, span: Range<usize>, findings: &[&Finding]) -> String {
    let shift = |r: &Range<usize>| r.start - span.start..r.end - span.start;
    capclean::pipeline::apply::apply_edits(
        &text[span.clone()],
        findings
            .iter()
            .map(|f| (shift(&f.range), f.replacement.as_str())),
    )
}

fn judge(raw: &str, span: &Range<usize>, right: &str, findings: &[&Finding]) -> Outcome {
    let on: Vec<&Finding> = findings
        .iter()
        .copied()
        .filter(|f| overlaps(&f.range, span))
        .collect();
    let cover = |fs: &[&Finding]| {
        let start = fs
            .iter()
            .map(|f| f.range.start)
            .fold(span.start, usize::min);
        let end = fs.iter().map(|f| f.range.end).fold(span.end, usize::max);
        start..end
    };
    let expected = |c: &Range<usize>| {
        format!(
            "{}{right}{}",
            &raw[c.start..span.start],
            &raw[span.end..c.end]
        )
    };
    let applied: Vec<&Finding> = on
        .iter()
        .copied()
        .filter(|f| f.status == Status::Applied)
        .collect();
    if !applied.is_empty() {
        let c = cover(&applied);
        return if applied_over(raw, c.clone(), &applied) == expected(&c) {
            Outcome::Fixed
        } else {
            Outcome::Wrong
        };
    }
    for f in on.iter().filter(|f| f.status == Status::Suggested) {
        let c = cover(&[f]);
        if applied_over(raw, c.clone(), &[f]) == expected(&c) {
            return Outcome::Suggested;
        }
    }
    if on.is_empty() {
        Outcome::Silent
    } else {
        Outcome::Flagged
    }
}

#[derive(Default)]
struct Tally {
    n: usize,
    fixed: usize,
    caught: usize,
}

impl Tally {
    fn add(&mut self, o: Outcome) {
        self.n += 1;
        self.fixed += usize::from(o == Outcome::Fixed);
        self.caught += usize::from(matches!(o, Outcome::Fixed | Outcome::Suggested));
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        f64::NAN
    } else {
        a as f64 / b as f64
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("real_names: {e}");
            ExitCode::from(2)
        }
    }
}

fn name_findings(engine: &Engine, text: &str) -> Vec<Finding> {
    let doc = Document::parse(text.to_owned(), Format::Cart);
    let mut findings: Vec<Finding> = engine
        .check_document(doc, SourceEncoding::Utf8)
        .findings
        .into_iter()
        .filter(|f| f.kind() == Kind::Name)
        .collect();
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    findings
}

fn run(args: &Args) -> Result<(), String> {
    if args.dump && args.half != Half::Tune {
        return Err("--dump lists misses of the tune half only (--half tune): the held-out half is for reporting".into());
    }
    let pairs = read_pairs()?;
    let chosen: Vec<(usize, &Pair)> = pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.television == args.television)
        .filter(|(_, p)| args.half == Half::All || p.half() == args.half)
        .collect();
    let mut dictionaries = if args.no_builtin {
        Dictionaries::default()
    } else {
        Dictionaries::builtin().map_err(|e| e.to_string())?
    };
    let mut meeting_people =
        Roster::parse(Path::new("real/roster.csv"), ROSTER).map_err(|e| e.to_string())?;
    // The second set's people join only when it is scored: the first set's
    // figures stay those of its own roster.
    if matches!(args.half, Half::Fresh | Half::All) {
        meeting_people.extend(
            Roster::parse(Path::new("real/fresh_roster.csv"), FRESH_ROSTER)
                .map_err(|e| e.to_string())?,
        );
    }
    dictionaries.roster.extend(meeting_people.clone());
    let engine = Engine::new(
        Settings {
            auto_threshold: args.threshold,
            ..Default::default()
        },
        dictionaries,
    );

    let mut by_transcript: BTreeMap<&str, Vec<(usize, &Pair)>> = BTreeMap::new();
    for &(i, p) in &chosen {
        by_transcript.entry(&p.transcript).or_default().push((i, p));
    }

    let mut outcomes: Vec<(usize, Outcome, Vec<String>)> = Vec::new();
    let (mut applied_true, mut applied_wrong, mut applied_false) = (0, 0, 0);
    let mut false_changes: Vec<String> = Vec::new();
    let mut words = 0;
    for group in by_transcript.values() {
        let built = build(group, args.present, &meeting_people);
        words += built.raw.split_whitespace().count() + built.reference.split_whitespace().count();
        let findings = name_findings(&engine, &built.raw);
        let refs: Vec<&Finding> = findings.iter().collect();
        for (i, span) in &built.spans {
            let outcome = judge(&built.raw, span, &pairs[*i].right, &refs);
            let seen = refs
                .iter()
                .filter(|f| overlaps(&f.range, span))
                .map(|f| {
                    format!(
                        "{} [{}] {:?} -> {:?} ({:.2})",
                        f.rule.code(),
                        f.status.as_str(),
                        &built.raw[f.range.clone()],
                        f.replacement,
                        f.confidence
                    )
                })
                .collect();
            outcomes.push((*i, outcome, seen));
        }
        for f in findings.iter().filter(|f| f.status == Status::Applied) {
            match built
                .spans
                .iter()
                .find(|(_, s)| overlaps(&f.range, s))
                .map(|(i, s)| judge(&built.raw, s, &pairs[*i].right, &refs))
            {
                Some(Outcome::Fixed) => applied_true += 1,
                Some(_) => applied_wrong += 1,
                None => {
                    applied_false += 1;
                    false_changes.push(format!(
                        "raw: {:?} -> {:?}",
                        &built.raw[f.range.clone()],
                        f.replacement
                    ));
                }
            }
        }
        for f in name_findings(&engine, &built.reference)
            .iter()
            .filter(|f| f.status == Status::Applied)
        {
            applied_false += 1;
            false_changes.push(format!(
                "reference: {:?} -> {:?}",
                &built.reference[f.range.clone()],
                f.replacement
            ));
        }
    }

    let mut all = Tally::default();
    let mut sites = [Tally::default(), Tally::default()];
    let mut classes: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, o, _) in &outcomes {
        let p = &pairs[*i];
        all.add(*o);
        sites[usize::from(!p.label)].add(*o);
        classes.entry(&p.class).or_default().add(*o);
        *counts.entry(o.name()).or_default() += 1;
    }
    let precision = ratio(applied_true, applied_true + applied_wrong + applied_false);
    let per_10k = applied_false as f64 * 10_000.0 / words.max(1) as f64;
    let half = match args.half {
        Half::Tune => "tune",
        Half::HeldOut => "held-out",
        Half::Fresh => "fresh",
        Half::All => "all",
    };
    if args.json {
        let mut s = String::new();
        let _ = write!(
            s,
            "{{\"half\":\"{half}\",\"present\":{},\"pairs\":{},\"transcripts\":{},\"precision\":{precision:.4},\"recall\":{:.4},\"recall_label\":{:.4},\"recall_text\":{:.4},\"caught\":{:.4},\"false_changes\":{applied_false},\"false_per_10k_words\":{per_10k:.3},\"words\":{words}}}",
            args.present,
            all.n,
            by_transcript.len(),
            ratio(all.fixed, all.n),
            ratio(sites[0].fixed, sites[0].n),
            ratio(sites[1].fixed, sites[1].n),
            ratio(all.caught, all.n),
        );
        println!("{s}");
    } else {
        println!(
            "real_names: {half} half, {} pairs from {} {}{}, threshold {:.2}",
            all.n,
            by_transcript.len(),
            if args.television {
                "television broadcasts"
            } else {
                "meeting transcripts"
            },
            if args.present {
                ", each person also under a correct label"
            } else {
                ""
            },
            args.threshold
        );
        println!();
        println!("| | pairs | recall | caught |\n|---|---:|---:|---:|");
        let row = |name: &str, t: &Tally| {
            println!(
                "| {name} | {} | {:.3} | {:.3} |",
                t.n,
                ratio(t.fixed, t.n),
                ratio(t.caught, t.n)
            );
        };
        row("speaker labels", &sites[0]);
        row("running text", &sites[1]);
        for (c, t) in &classes {
            row(&format!("class: {c}"), t);
        }
        row("**all**", &all);
        println!();
        println!(
            "precision {precision:.3} ({applied_true} right, {applied_wrong} wrong, {applied_false} false changes: {per_10k:.2} per 10k words of {words})"
        );
        let outcome_counts: Vec<String> = counts.iter().map(|(k, v)| format!("{k} {v}")).collect();
        println!("outcomes: {}", outcome_counts.join(", "));
    }
    if args.dump {
        for (i, o, seen) in outcomes.iter().filter(|(_, o, _)| *o != Outcome::Fixed) {
            let p = &pairs[*i];
            println!(
                "{:<16} {:<6} {:<12} {:?} -> {:?}",
                o.name(),
                if p.label { "label" } else { "text" },
                p.class,
                p.heard,
                p.right
            );
            for s in seen {
                println!("    {s}");
            }
        }
        for f in &false_changes {
            println!("FALSE {f}");
        }
    }
    Ok(())
}
