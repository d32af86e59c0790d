//! The names stage alone on name-dense text (`capclean_corpus::panel`: a
//! roster person named every ten to fifteen words, one in seven of them
//! misheard, no line repeated), against rosters of 326, 10,000 and 100,000
//! people, next to `cat` and `wc -w` on the same bytes in the same run
//! (the machines are shared: compare ratios, not seconds).
//!
//! `cargo bench --bench names` (CAPCLEAN_BENCH_MB sets the size, default 1;
//! fractions such as 0.5 are taken). The stage's cost grows faster than the
//! text on this corpus (see benches/README.md), so compare figures of one
//! size only.

use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

use capclean::dict::{Dictionaries, Roster};
use capclean::formats::{Document, Format};
use capclean::text::SourceEncoding;
use capclean_corpus as corpus;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};

mod common;
use common::engine;

/// The seed of the text and of its roster (`gen_corpus`'s default, so
/// `gen_corpus --panel MB 42 --people N` and `--roster N` write the same
/// inputs for the command line).
const SEED: u64 = 42;

/// Roster sizes: a conference's delegates, a large organisation, a country's officials.
const ROSTERS: [usize; 3] = [326, 10_000, 100_000];

fn size_mb() -> f64 {
    std::env::var("CAPCLEAN_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1.0)
}

fn roster(people: usize) -> Roster {
    common::generated_roster(people, SEED)
}

fn names(c: &mut Criterion) {
    let mb = size_mb();
    let bytes = (mb * f64::from(1 << 20)) as usize;
    let mut group = c.benchmark_group(format!("names-{mb}MB"));
    // One iteration takes seconds: ten of each, no more.
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(1));

    // The references, on the text that names the people of 10,000.
    let text = corpus::panel(bytes, SEED, 10_000);
    let mut file = tempfile::NamedTempFile::new().expect("temporary file");
    file.write_all(text.as_bytes()).expect("write corpus");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("cat", |b| {
        b.iter(|| common::run_reference("cat", &[], file.path()))
    });
    group.bench_function("wc-w", |b| {
        b.iter(|| common::run_reference("wc", &["-w"], file.path()))
    });

    // The name rules alone, a whole document at a time; each roster with
    // the text that names its own people.
    for people in ROSTERS {
        let text = corpus::panel(bytes, SEED, people);
        let engine = engine(
            "N",
            Dictionaries {
                roster: roster(people),
                ..Dictionaries::default()
            },
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("names-{people}"), |b| {
            b.iter(|| {
                let doc = Document::parse(black_box(text.clone()), Format::Cart);
                black_box(
                    engine
                        .check_document(doc, SourceEncoding::Utf8)
                        .findings
                        .len(),
                )
            })
        });
    }

    // The whole pipeline as `capclean fix` runs it on a large file: every
    // rule, the built-in dictionaries plus 10,000 names, in parts, the
    // rules of each window run in parallel.
    let mut dictionaries = Dictionaries::builtin().expect("built-in dictionaries");
    dictionaries.roster.extend(roster(10_000));
    let whole = engine("ALL", dictionaries);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("all-10000-parts", |b| {
        b.iter(|| {
            let mut findings = 0;
            whole
                .check_parts(
                    "bench.txt",
                    std::io::Cursor::new(text.as_bytes()),
                    capclean::pipeline::parts::PART_BYTES,
                    |piece| {
                        findings += piece.findings.len();
                        Ok(())
                    },
                )
                .expect("parts");
            black_box(findings)
        })
    });
    group.finish();
}

criterion_group!(benches, names);
criterion_main!(benches);
