//! Deterministic evaluation of capclean's name correction.
//!
//! ```sh
//! cargo run --release --example name_eval -- --roster-size 100 --words 200000 --seed 7
//! cargo run --release --example name_eval -- --roster-size 10000 --json
//! cargo run --release --example name_eval -- --dump 20 --out name-eval
//! ```
//!
//! 1. Generates a roster of `--roster-size` distinct people (seeded; names
//!    from many regions plus synthetic surnames in the same styles).
//! 2. Picks `--attendees` of them, invents `--outsiders` people who are not
//!    on the roster, and writes a cart transcript of about `--words` words
//!    twice: REFERENCE (names right) and RAW (about `--inject-rate` of the
//!    running-text mentions and `--label-rate` of the speaker labels of
//!    roster people damaged). Every injected mistake is recorded with its
//!    byte span in RAW and the reference text; every name mention and
//!    distractor word is recorded with its span.
//! 3. Runs capclean's name rules on RAW through the library.
//! 4. Scores every `Kind::Name` finding exactly; see `name_eval/score.rs`
//!    for the rules. In short: a group of applied findings and the injected
//!    spans they overlap is TRUE when the text of the smallest range covering
//!    them all equals the reference after applying them; WRONG when they
//!    touch a damaged name but do not restore it; an applied finding that
//!    touches no injected span is a FALSE change. Precision counts WRONG and
//!    FALSE against it; recall is restored spans over injected spans.
//!
//! With `--out DIR` the roster, RAW, REFERENCE, capclean's output and the
//! span and finding lists are written there, so a run can be replayed with
//! `capclean fix --no-default-dictionaries --roster DIR/roster.csv DIR/raw.txt`.

#[path = "name_eval/damage.rs"]
mod damage;
#[path = "name_eval/data.rs"]
mod data;
#[path = "name_eval/people.rs"]
mod people;
#[path = "name_eval/rng.rs"]
mod rng;
#[path = "name_eval/score.rs"]
mod score;
#[path = "name_eval/text.rs"]
mod text;
#[path = "name_eval/transcript.rs"]
mod transcript;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;

use capclean::dict::{Dictionaries, Roster};
use capclean::formats::{Document, Format};
use capclean::rules::RuleSet;
use capclean::text::SourceEncoding;
use capclean::{Engine, Finding, Kind, Settings, Status};

use damage::Guard;
use people::{Gen, RosterTokens};
use rng::Rng;
use score::{Outcome, Verdict};
use text::CommonWords;
use transcript::{Category, Class, DamageModel, Site, Transcript};

/// Evaluates capclean's name correction on a generated roster and transcript.
#[derive(Debug, Parser)]
#[command(name = "name_eval")]
struct Args {
    /// People on the roster (1 to 1,000,000).
    #[arg(long, default_value_t = 100)]
    roster_size: usize,
    /// Approximate length of the transcript in words.
    #[arg(long, default_value_t = 200_000)]
    words: usize,
    /// Seed for the roster and the transcript.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// capclean's auto threshold (0 to 1): name fixes at or above it are applied.
    #[arg(long, default_value_t = 0.9)]
    threshold: f32,
    /// Rules to run (capclean --select syntax).
    #[arg(long, default_value = "N")]
    rules: String,
    /// Roster people who take part in the meeting.
    #[arg(long, default_value_t = 30)]
    attendees: usize,
    /// People not on the roster who speak or are named.
    #[arg(long, default_value_t = 10)]
    outsiders: usize,
    /// Share of running-text mentions of roster people that are damaged.
    #[arg(long, default_value_t = 0.35)]
    inject_rate: f64,
    /// Share of roster speakers' labels that are damaged.
    #[arg(long, default_value_t = 0.20)]
    label_rate: f64,
    /// Damage model: `generated` (the first, sound-alike heavy) or
    /// `real-mix` (the class mix of real mishearings).
    #[arg(long, value_enum, default_value_t = DamageModel::Generated)]
    damage: DamageModel,
    /// Print the first N misses and N false changes with context.
    #[arg(long, default_value_t = 0)]
    dump: usize,
    /// Print one JSON line instead of the table (dumps then go to stderr).
    #[arg(long)]
    json: bool,
    /// Write roster.csv, raw.txt, reference.txt, output.txt and span lists here.
    #[arg(long)]
    out: Option<PathBuf>,
}

impl Args {
    fn validate(&self) -> Result<(), String> {
        if !(1..=1_000_000).contains(&self.roster_size) {
            return Err(format!(
                "--roster-size must be between 1 and 1000000, not {}",
                self.roster_size
            ));
        }
        if !(1..=100_000_000).contains(&self.words) {
            return Err(format!(
                "--words must be between 1 and 100000000, not {}",
                self.words
            ));
        }
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(format!(
                "--threshold must be between 0 and 1, not {}",
                self.threshold
            ));
        }
        for (name, v) in [
            ("--inject-rate", self.inject_rate),
            ("--label-rate", self.label_rate),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("{name} must be between 0 and 1, not {v}"));
            }
        }
        if self.attendees == 0 {
            return Err("--attendees must be at least 1".into());
        }
        Ok(())
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("name_eval: {e}");
            ExitCode::from(2)
        }
    }
}

/// Distinct roster indices, chair first.
fn pick_attendees(n: usize, k: usize, rng: &mut Rng) -> Vec<usize> {
    let k = k.min(n);
    if k * 2 >= n {
        let mut all: Vec<usize> = (0..n).collect();
        rng.shuffle(&mut all);
        all.truncate(k);
        return all;
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(k);
    while out.len() < k {
        let i = rng.below(n);
        if seen.insert(i) {
            out.push(i);
        }
    }
    out
}

/// Everything measured in one run.
struct Report {
    roster_size: usize,
    words: usize,
    bytes: usize,
    seed: u64,
    threshold: f32,
    rules: String,
    name_rules: bool,
    attendees: usize,
    outsiders: usize,
    turns: usize,
    roster_labels: usize,
    roster_text_mentions: usize,
    distractors: [usize; 6],
    /// (injected, fixed, fixed or suggested) per category.
    by_category: [(usize, usize, usize); 8],
    /// (injected, fixed) for labels and running text.
    by_site: [(usize, usize); 2],
    injected: usize,
    fixed: usize,
    fixed_or_suggested: usize,
    applied_true: usize,
    applied_wrong: usize,
    applied_false: usize,
    /// False changes by what they touched; the last is "other text".
    false_by_class: [usize; 7],
    noop: usize,
    suggested_correct: usize,
    suggested_wrong: usize,
    suggested_on_correct: usize,
    flagged: usize,
    lines_wrong_raw: usize,
    lines_wrong_output: usize,
    gen_roster: Duration,
    gen_text: Duration,
    engine_new: Duration,
    parse: Duration,
    check: Duration,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        f64::NAN
    } else {
        a as f64 / b as f64
    }
}

impl Report {
    fn precision(&self) -> f64 {
        ratio(
            self.applied_true,
            self.applied_true + self.applied_wrong + self.applied_false,
        )
    }

    fn recall(&self) -> f64 {
        ratio(self.fixed, self.injected)
    }

    fn false_per_10k(&self) -> f64 {
        self.applied_false as f64 * 10_000.0 / self.words.max(1) as f64
    }

    fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.check.as_secs_f64().max(1e-9)
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn pct(x: f64) -> String {
    if x.is_nan() {
        "    -".into()
    } else {
        format!("{:5.1}", x * 100.0)
    }
}

fn print_table(r: &Report) {
    println!(
        "name_eval: roster {} | words {} ({:.2} MB) | seed {} | threshold {:.2} | rules {}{}",
        r.roster_size,
        r.words,
        r.bytes as f64 / 1e6,
        r.seed,
        r.threshold,
        r.rules,
        if r.name_rules {
            ""
        } else {
            " (no name rules: baseline)"
        }
    );
    println!(
        "transcript: {} turns, {} attendees, {} non-roster people; roster mentions: {} labels, {} in text",
        r.turns, r.attendees, r.outsiders, r.roster_labels, r.roster_text_mentions
    );
    let d: Vec<String> = Class::ALL
        .iter()
        .zip(r.distractors)
        .map(|(c, n)| format!("{} {n}", c.name()))
        .collect();
    println!("undamaged spans (must not change): {}", d.join(", "));
    println!();
    println!(
        "{:<14}{:>9}{:>8}{:>9}{:>12}",
        "category", "injected", "fixed", "recall%", "+suggest%"
    );
    for (c, (inj, fixed, either)) in Category::ALL.iter().zip(r.by_category) {
        println!(
            "{:<14}{:>9}{:>8}{:>9}{:>12}",
            c.name(),
            inj,
            fixed,
            pct(ratio(fixed, inj)),
            pct(ratio(either, inj))
        );
    }
    for (name, (inj, fixed)) in ["in labels", "in text"].iter().zip(r.by_site) {
        println!(
            "{:<14}{:>9}{:>8}{:>9}",
            name,
            inj,
            fixed,
            pct(ratio(fixed, inj))
        );
    }
    println!(
        "{:<14}{:>9}{:>8}{:>9}{:>12}",
        "all",
        r.injected,
        r.fixed,
        pct(r.recall()),
        pct(ratio(r.fixed_or_suggested, r.injected))
    );
    println!();
    println!(
        "applied: {} true, {} wrong fix, {} false change ({:.2} per 10k words), {} no-op",
        r.applied_true,
        r.applied_wrong,
        r.applied_false,
        r.false_per_10k(),
        r.noop
    );
    if r.applied_false > 0 {
        let names = Class::ALL.iter().map(|c| c.name()).chain(["other text"]);
        let parts: Vec<String> = names
            .zip(r.false_by_class)
            .filter(|(_, n)| *n > 0)
            .map(|(c, n)| format!("{c} {n}"))
            .collect();
        println!("false changes touched: {}", parts.join(", "));
    }
    println!(
        "suggested: {} correct, {} wrong on a damaged name, {} on correct text; flagged: {}",
        r.suggested_correct, r.suggested_wrong, r.suggested_on_correct, r.flagged
    );
    println!(
        "PRECISION {}%   RECALL {}%   (lines differing from reference: raw {} -> output {})",
        pct(r.precision()).trim(),
        pct(r.recall()).trim(),
        r.lines_wrong_raw,
        r.lines_wrong_output
    );
    println!(
        "time: roster {:.0} ms, transcript {:.0} ms, Engine::new {:.0} ms, parse {:.1} ms, check_document {:.0} ms ({:.1} MB/s)",
        ms(r.gen_roster),
        ms(r.gen_text),
        ms(r.engine_new),
        ms(r.parse),
        ms(r.check),
        r.mb_per_s()
    );
}

fn json_num(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.4}")
    } else {
        "null".into()
    }
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn print_json(r: &Report) {
    let mut s = String::from("{");
    let _ = write!(
        s,
        "\"roster_size\":{},\"words\":{},\"bytes\":{},\"seed\":{},\"threshold\":{},\"rules\":{},\"name_rules\":{},",
        r.roster_size,
        r.words,
        r.bytes,
        r.seed,
        json_num(f64::from(r.threshold)),
        json_str(&r.rules),
        r.name_rules
    );
    let _ = write!(
        s,
        "\"attendees\":{},\"outsiders\":{},\"turns\":{},\"roster_labels\":{},\"roster_text_mentions\":{},",
        r.attendees, r.outsiders, r.turns, r.roster_labels, r.roster_text_mentions
    );
    let _ = write!(
        s,
        "\"injected\":{},\"fixed\":{},\"fixed_or_suggested\":{},\"precision\":{},\"recall\":{},\"recall_with_suggestions\":{},",
        r.injected,
        r.fixed,
        r.fixed_or_suggested,
        json_num(r.precision()),
        json_num(r.recall()),
        json_num(ratio(r.fixed_or_suggested, r.injected))
    );
    let _ = write!(
        s,
        "\"recall_label\":{},\"recall_text\":{},\"injected_label\":{},\"injected_text\":{},",
        json_num(ratio(r.by_site[0].1, r.by_site[0].0)),
        json_num(ratio(r.by_site[1].1, r.by_site[1].0)),
        r.by_site[0].0,
        r.by_site[1].0
    );
    let cats: Vec<String> = Category::ALL
        .iter()
        .zip(r.by_category)
        .map(|(c, (inj, fixed, either))| {
            format!(
                "{}:{{\"injected\":{inj},\"fixed\":{fixed},\"recall\":{},\"recall_with_suggestions\":{}}}",
                json_str(c.name()),
                json_num(ratio(fixed, inj)),
                json_num(ratio(either, inj))
            )
        })
        .collect();
    let _ = write!(s, "\"categories\":{{{}}},", cats.join(","));
    let _ = write!(
        s,
        "\"applied_true\":{},\"applied_wrong\":{},\"false_changes\":{},\"false_per_10k_words\":{},\"noop\":{},",
        r.applied_true,
        r.applied_wrong,
        r.applied_false,
        json_num(r.false_per_10k()),
        r.noop
    );
    let fc: Vec<String> = Class::ALL
        .iter()
        .map(|c| c.name())
        .chain(["other-text"])
        .zip(r.false_by_class)
        .map(|(c, n)| format!("{}:{n}", json_str(c)))
        .collect();
    let _ = write!(s, "\"false_by_class\":{{{}}},", fc.join(","));
    let _ = write!(
        s,
        "\"suggested_correct\":{},\"suggested_wrong\":{},\"suggested_on_correct\":{},\"flagged\":{},",
        r.suggested_correct, r.suggested_wrong, r.suggested_on_correct, r.flagged
    );
    let _ = write!(
        s,
        "\"lines_wrong_raw\":{},\"lines_wrong_output\":{},",
        r.lines_wrong_raw, r.lines_wrong_output
    );
    let _ = write!(
        s,
        "\"roster_ms\":{},\"transcript_ms\":{},\"engine_new_ms\":{},\"parse_ms\":{},\"check_ms\":{},\"mb_per_s\":{}}}",
        json_num(ms(r.gen_roster)),
        json_num(ms(r.gen_text)),
        json_num(ms(r.engine_new)),
        json_num(ms(r.parse)),
        json_num(ms(r.check)),
        json_num(r.mb_per_s())
    );
    println!("{s}");
}

fn describe_finding(raw: &str, f: &Finding) -> String {
    format!(
        "{} [{}] {:?} -> {:?} ({:.2})",
        f.rule.code(),
        f.status.as_str(),
        &raw[f.range.clone()],
        f.replacement,
        f.confidence
    )
}

/// The first `n` misses and false changes, with context.
fn dump(
    n: usize,
    t: &Transcript,
    findings: &[&Finding],
    verdicts: &[Verdict],
    outcomes: &[Outcome],
) -> String {
    let raw = &t.raw;
    let mut s = String::new();
    let misses: Vec<usize> = (0..t.injections.len())
        .filter(|&i| !outcomes[i].fixed)
        .take(n)
        .collect();
    let _ = writeln!(
        s,
        "--- first {} misses (of {}) ---",
        misses.len(),
        outcomes.iter().filter(|o| !o.fixed).count()
    );
    for i in misses {
        let inj = &t.injections[i];
        let _ = writeln!(
            s,
            "MISS {} ({}, {}) {:?} should be {:?}\n     {}",
            inj.category.name(),
            inj.op.name(),
            inj.detail,
            &raw[inj.range.clone()],
            inj.reference,
            text::context(raw, inj.range.clone(), 40)
        );
        for f in findings
            .iter()
            .filter(|f| f.range.start <= inj.range.end && inj.range.start <= f.range.end)
        {
            let _ = writeln!(s, "     finding: {}", describe_finding(raw, f));
        }
    }
    let falses: Vec<usize> = (0..findings.len())
        .filter(|&i| matches!(verdicts[i], Verdict::False(_)))
        .collect();
    let _ = writeln!(
        s,
        "--- first {} false changes (of {}) ---",
        falses.len().min(n),
        falses.len()
    );
    for &i in falses.iter().take(n) {
        let f = findings[i];
        let class = match verdicts[i] {
            Verdict::False(Some(c)) => c.name(),
            _ => "other text",
        };
        let _ = writeln!(
            s,
            "FALSE on {}: {}\n     {}\n     note: {}",
            class,
            describe_finding(raw, f),
            text::context(raw, f.range.clone(), 40),
            f.note
        );
    }
    s
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn tsv_cell(s: &str) -> String {
    s.replace(['\t', '\n'], " ")
}

fn write_outputs(
    dir: &Path,
    people: &[Gen],
    t: &Transcript,
    output: &str,
    findings: &[&Finding],
    verdicts: &[Verdict],
) -> Result<(), String> {
    let write = |name: &str, body: &str| {
        let path = dir.join(name);
        std::fs::write(&path, body).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut roster = String::from("name,aliases,misheard,never,role,organisation,country\n");
    for g in people {
        let p = g.to_person();
        let _ = writeln!(
            roster,
            "{},{},,,{},{},{}",
            csv_cell(&p.name),
            csv_cell(&p.aliases.join("|")),
            csv_cell(&p.role),
            csv_cell(&p.organisation),
            csv_cell(&p.country)
        );
    }
    write("roster.csv", &roster)?;
    write("raw.txt", &t.raw)?;
    write("reference.txt", &t.reference)?;
    write("output.txt", output)?;
    let mut inj = String::from("start\tend\tsite\tcategory\top\tdetail\traw\treference\n");
    for i in &t.injections {
        let _ = writeln!(
            inj,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i.range.start,
            i.range.end,
            if i.site == Site::Label {
                "label"
            } else {
                "text"
            },
            i.category.name(),
            i.op.name(),
            tsv_cell(&i.detail),
            tsv_cell(&t.raw[i.range.clone()]),
            tsv_cell(&i.reference)
        );
    }
    write("injections.tsv", &inj)?;
    let mut marked = String::from("start\tend\tclass\tinjected\ttext\n");
    for m in &t.marked {
        let _ = writeln!(
            marked,
            "{}\t{}\t{}\t{}\t{}",
            m.range.start,
            m.range.end,
            m.class.name(),
            m.injected,
            tsv_cell(&t.raw[m.range.clone()])
        );
    }
    write("spans.tsv", &marked)?;
    let mut fs = String::from(
        "start\tend\trule\tstatus\tconfidence\tverdict\toriginal\treplacement\tnote\n",
    );
    for (f, v) in findings.iter().zip(verdicts) {
        let verdict = match v {
            Verdict::True => "true".to_owned(),
            Verdict::Wrong => "wrong-fix".to_owned(),
            Verdict::False(c) => format!("false:{}", c.map_or("other-text", Class::name)),
            Verdict::NoOp => "no-op".to_owned(),
            Verdict::SuggestedCorrect => "suggested-correct".to_owned(),
            Verdict::SuggestedWrong => "suggested-wrong".to_owned(),
            Verdict::SuggestedOnCorrect(c) => {
                format!(
                    "suggested-on-correct:{}",
                    c.map_or("other-text", Class::name)
                )
            }
            Verdict::Flagged => "flagged".to_owned(),
        };
        let _ = writeln!(
            fs,
            "{}\t{}\t{}\t{}\t{:.3}\t{}\t{}\t{}\t{}",
            f.range.start,
            f.range.end,
            f.rule.code(),
            f.status.as_str(),
            f.confidence,
            verdict,
            tsv_cell(&t.raw[f.range.clone()]),
            tsv_cell(&f.replacement),
            tsv_cell(&f.note)
        );
    }
    write("findings.tsv", &fs)?;
    Ok(())
}

/// The harness's own invariant: RAW with every injected span replaced by its
/// reference text is REFERENCE, byte for byte, and recorded spans are sorted.
fn check_alignment(t: &Transcript) -> Result<(), String> {
    let mut rebuilt = String::with_capacity(t.reference.len());
    let mut pos = 0;
    for inj in &t.injections {
        if inj.range.start < pos || inj.range.is_empty() {
            return Err(format!("internal: bad injection span {:?}", inj.range));
        }
        rebuilt.push_str(&t.raw[pos..inj.range.start]);
        rebuilt.push_str(&inj.reference);
        pos = inj.range.end;
    }
    rebuilt.push_str(&t.raw[pos..]);
    if rebuilt != t.reference {
        return Err("internal: RAW and REFERENCE are not aligned".into());
    }
    if t.marked
        .windows(2)
        .any(|w| w[0].range.start > w[1].range.start)
    {
        return Err("internal: recorded spans are not sorted".into());
    }
    Ok(())
}

fn run(args: &Args) -> Result<(), String> {
    args.validate()?;

    // 1. Roster.
    let started = Instant::now();
    let people = people::roster(args.roster_size, args.seed)?;
    let tokens = RosterTokens::new(&people);
    let common = CommonWords::load();
    let gen_roster = started.elapsed();

    // 2. Transcript.
    let started = Instant::now();
    let mut rng = Rng::new(args.seed, 2);
    let attendees = pick_attendees(people.len(), args.attendees, &mut rng);
    let (outsiders, missing) = people::outsiders(
        args.outsiders,
        &people,
        &attendees,
        &tokens,
        &common,
        &mut rng,
    );
    if missing > 0 {
        eprintln!(
            "name_eval: could make only {} of {} non-roster people far enough from every roster name",
            outsiders.len(),
            args.outsiders
        );
    }
    let cfg = transcript::Config {
        words: args.words,
        inject_rate: args.inject_rate,
        model: args.damage,
        label_rate: args.label_rate,
    };
    let guard = Guard {
        common: &common,
        roster: &tokens,
    };
    let t = transcript::generate(&cfg, &people, attendees, outsiders, guard, rng);
    let gen_text = started.elapsed();
    check_alignment(&t)?;

    // 3. capclean.
    // Without a name rule the run is the baseline: capclean still runs (for
    // the timing), but no finding is scored, so nothing counts as fixed.
    let (rules, name_rules) = match RuleSet::parse(&args.rules) {
        Ok(set) if set.any_of_kind(Kind::Name) => (set, true),
        Ok(set) => {
            eprintln!(
                "name_eval: --rules {:?} selects no name rule; reporting the baseline (nothing fixed)",
                args.rules
            );
            (set, false)
        }
        Err(e) => {
            eprintln!(
                "name_eval: cannot select rules {:?} ({e}); if capclean has no N rules yet that is expected. Reporting the baseline (nothing fixed)",
                args.rules
            );
            (RuleSet::all(), false)
        }
    };
    let roster = Roster {
        people: people.iter().map(Gen::to_person).collect(),
        builtin: 0,
    };
    let started = Instant::now();
    let engine = Engine::new(
        Settings {
            rules,
            auto_threshold: args.threshold,
            ..Default::default()
        },
        Dictionaries {
            roster,
            glossary: Default::default(),
        },
    );
    let engine_new = started.elapsed();
    let started = Instant::now();
    let doc = Document::parse(t.raw.clone(), Format::Cart);
    let parse = started.elapsed();
    let started = Instant::now();
    let checked = engine.check_document(doc, SourceEncoding::Utf8);
    let check = started.elapsed();

    // 4. Score.
    let findings: Vec<&Finding> = checked
        .findings
        .iter()
        .filter(|f| name_rules && f.kind() == Kind::Name)
        .collect();
    let scored = score::score(&t.raw, &findings, &t.injections, &t.marked);

    let mut r = Report {
        roster_size: people.len(),
        words: t.words,
        bytes: t.raw.len(),
        seed: args.seed,
        threshold: args.threshold,
        rules: args.rules.clone(),
        name_rules,
        attendees: t.attendees.len(),
        outsiders: t.outsiders.len(),
        turns: t.turns,
        roster_labels: t.roster_labels,
        roster_text_mentions: t.roster_text_mentions,
        distractors: [0; 6],
        by_category: [(0, 0, 0); 8],
        by_site: [(0, 0); 2],
        injected: t.injections.len(),
        fixed: 0,
        fixed_or_suggested: 0,
        applied_true: 0,
        applied_wrong: 0,
        applied_false: 0,
        false_by_class: [0; 7],
        noop: 0,
        suggested_correct: 0,
        suggested_wrong: 0,
        suggested_on_correct: 0,
        flagged: 0,
        lines_wrong_raw: score::differing_lines(&t.raw, &t.reference),
        lines_wrong_output: score::differing_lines(&scored.output, &t.reference),
        gen_roster,
        gen_text,
        engine_new,
        parse,
        check,
    };
    for m in t.marked.iter().filter(|m| !m.injected) {
        let c = Class::ALL.iter().position(|&c| c == m.class).unwrap_or(0);
        r.distractors[c] += 1;
    }
    for (inj, o) in t.injections.iter().zip(&scored.outcomes) {
        let c = Category::ALL
            .iter()
            .position(|&c| c == inj.category)
            .unwrap_or(0);
        let site = usize::from(inj.site == Site::Text);
        r.by_category[c].0 += 1;
        r.by_site[site].0 += 1;
        if o.fixed {
            r.fixed += 1;
            r.by_category[c].1 += 1;
            r.by_site[site].1 += 1;
        }
        if o.fixed || o.suggested {
            r.fixed_or_suggested += 1;
            r.by_category[c].2 += 1;
        }
    }
    for v in &scored.verdicts {
        match v {
            Verdict::True => r.applied_true += 1,
            Verdict::Wrong => r.applied_wrong += 1,
            Verdict::False(c) => {
                r.applied_false += 1;
                let i = c
                    .and_then(|c| Class::ALL.iter().position(|&x| x == c))
                    .unwrap_or(6);
                r.false_by_class[i] += 1;
            }
            Verdict::NoOp => r.noop += 1,
            Verdict::SuggestedCorrect => r.suggested_correct += 1,
            Verdict::SuggestedWrong => r.suggested_wrong += 1,
            Verdict::SuggestedOnCorrect(_) => r.suggested_on_correct += 1,
            Verdict::Flagged => r.flagged += 1,
        }
    }
    // Sanity: statuses other than applied never count as applied.
    debug_assert!(findings
        .iter()
        .zip(&scored.verdicts)
        .all(|(f, v)| f.status == Status::Applied
            || !matches!(v, Verdict::True | Verdict::Wrong | Verdict::False(_))));

    if args.json {
        print_json(&r);
    } else {
        print_table(&r);
    }
    if args.dump > 0 {
        let text = dump(args.dump, &t, &findings, &scored.verdicts, &scored.outcomes);
        if args.json {
            eprint!("{text}");
        } else {
            println!();
            print!("{text}");
        }
    }
    if let Some(dir) = &args.out {
        write_outputs(
            dir,
            &people,
            &t,
            &checked.output,
            &findings,
            &scored.verdicts,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generate(seed: u64) -> (Vec<Gen>, Transcript) {
        let people = people::roster(300, seed).unwrap();
        let tokens = RosterTokens::new(&people);
        let common = CommonWords::load();
        let mut rng = Rng::new(seed, 2);
        let attendees = pick_attendees(people.len(), 30, &mut rng);
        let (outsiders, _) = people::outsiders(10, &people, &attendees, &tokens, &common, &mut rng);
        let cfg = transcript::Config {
            words: 20_000,
            inject_rate: 0.35,
            label_rate: 0.2,
            model: DamageModel::Generated,
        };
        let guard = Guard {
            common: &common,
            roster: &tokens,
        };
        let t = transcript::generate(&cfg, &people, attendees, outsiders, guard, rng);
        (people, t)
    }

    #[test]
    fn same_seed_same_data_and_aligned() {
        let (p1, t1) = generate(11);
        let (p2, t2) = generate(11);
        let names = |p: &[Gen]| p.iter().map(Gen::full).collect::<Vec<_>>();
        assert_eq!(names(&p1), names(&p2));
        assert_eq!(t1.raw, t2.raw);
        assert_eq!(t1.reference, t2.reference);
        assert!(t1.words >= 20_000);
        assert!(!t1.injections.is_empty());
        check_alignment(&t1).unwrap();
        let (_, t3) = generate(12);
        assert_ne!(t1.raw, t3.raw);
    }

    #[test]
    fn smaller_rosters_are_prefixes() {
        let small = people::roster(50, 5).unwrap();
        let large = people::roster(500, 5).unwrap();
        for (a, b) in small.iter().zip(&large) {
            assert_eq!(a.full(), b.full());
        }
    }

    #[test]
    fn one_edit() {
        use text::within_one;
        assert!(within_one(b"gatto", b"gato"));
        assert!(within_one(b"gato", b"gaot"));
        assert!(within_one(b"gato", b"gatu"));
        assert!(!within_one(b"gato", b"gotu"));
        assert!(!within_one(b"gato", b"gattoo"));
    }
}
