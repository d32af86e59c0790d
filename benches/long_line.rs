//! Cost against line length: the same name-dense text checked once as
//! ordinary lines and once pasted as one line, at three sizes. Every stage
//! must be linear in the length of a line and in the findings on it, so the
//! one-line time stays a small constant factor of the lines time at every
//! size (it grew with the size before: 580 KB took 20 s as one line).
//!
//! `cargo bench --bench long_line`

use std::hint::black_box;
use std::path::Path;

use capclean::dict::{Dictionaries, Roster};
use capclean::formats::{Document, Format};
use capclean::text::SourceEncoding;
use capclean::{Engine, Settings};
use capclean_corpus::SplitMix;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "we",
    "our",
    "digital",
    "internet",
    "policy",
    "people",
    "access",
    "trust",
    "youth",
    "thank",
    "you",
    "for",
    "this",
    "session",
    "have",
    "many",
    "countries",
    "question",
    "open",
    "group",
    "data",
    "rights",
    "work",
    "next",
    "speaker",
    "floor",
    "said",
];

/// Name-dense raw text of about `bytes`, one sentence per line: a roster
/// name (now and then misheard) in a third of the sentences, and the
/// damage the punctuation and inaudible rules find in another third. Each
/// sentence carries its own number, so no two lines repeat.
fn dense_lines(bytes: usize, names: &[String]) -> String {
    let mut rng = SplitMix::new(7);
    let mut out = String::with_capacity(bytes + 200);
    let mut n = 0u64;
    while out.len() < bytes {
        n += 1;
        let mut words: Vec<String> = (0..3 + rng.below(6))
            .map(|_| rng.pick(WORDS).to_owned())
            .collect();
        match rng.below(9) {
            0..=2 if !names.is_empty() => {
                let mut name = names[rng.below(names.len())].clone();
                if rng.chance(50) {
                    name = name.replacen('a', "e", 1);
                }
                let at = rng.below(words.len());
                words.insert(at, name);
            }
            3 => words.insert(1, " ".to_owned()),
            4 => words.push(",".to_owned()),
            5 => words.push("(?)".to_owned()),
            _ => {}
        }
        words.push(format!("item {n}"));
        let sentence = words.join(" ");
        let mut chars = sentence.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
        out.push_str(".\n");
    }
    out
}

fn long_line(c: &mut Criterion) {
    // The samples' people, misheard now and then, against the built-in
    // dictionaries and the samples' roster (`fix --roster samples/roster.csv`).
    let sample_roster = Roster::parse(
        Path::new("samples/roster.csv"),
        include_str!("../samples/roster.csv"),
    )
    .expect("samples' roster");
    let names: Vec<String> = sample_roster
        .people
        .iter()
        .map(|p| p.name.clone())
        .collect();
    let mut dictionaries = Dictionaries::builtin().expect("built-in dictionaries");
    dictionaries.roster.extend(sample_roster);
    let engine = Engine::new(Settings::default(), dictionaries);
    let mut group = c.benchmark_group("long-line");
    group.sample_size(10);
    for kb in [150, 600, 2400] {
        let lines = dense_lines(kb << 10, &names);
        let one_line = lines.replace('\n', " ");
        group.throughput(Throughput::Bytes(lines.len() as u64));
        for (shape, text) in [("lines", &lines), ("one-line", &one_line)] {
            group.bench_with_input(BenchmarkId::new(shape, format!("{kb}KB")), text, |b, t| {
                b.iter(|| {
                    // The check and the review rows (their line and column).
                    let doc = Document::parse(black_box(t.clone()), Format::Cart);
                    let checked = engine.check_document(doc, SourceEncoding::Utf8);
                    black_box(capclean::review::rows_for("bench.txt", &checked, 1).len())
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, long_line);
criterion_main!(benches);
