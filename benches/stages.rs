//! Stage throughput on generated captions, next to `cat` on the same bytes
//! in the same run (the machines are shared: compare ratios, not seconds).
//!
//! `cargo bench --bench stages` (CAPCLEAN_BENCH_MB sets the size, default 100).

use std::hint::black_box;
use std::io::Write;
use std::path::Path;

use capclean::dict::{Dictionaries, Glossary};
use capclean::formats::{Document, Format};
use capclean::text::SourceEncoding;
use capclean_corpus as corpus;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod common;
use common::engine;

fn size_mb() -> usize {
    std::env::var("CAPCLEAN_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100)
}

fn roster(people: usize) -> Dictionaries {
    Dictionaries {
        roster: common::generated_roster(people, 1),
        ..Dictionaries::default()
    }
}

fn glossary(terms: usize) -> Dictionaries {
    let glossary = Glossary::parse(
        Path::new("bench-glossary.csv"),
        &corpus::glossary_csv(terms, 1),
    )
    .expect("generated glossary");
    Dictionaries {
        glossary,
        ..Dictionaries::default()
    }
}

fn stages(c: &mut Criterion) {
    let text = corpus::cart(size_mb() << 20, 42);
    let mut file = tempfile::NamedTempFile::new().expect("temporary file");
    file.write_all(text.as_bytes()).expect("write corpus");
    let path = file.path().to_owned();

    let mut group = c.benchmark_group(format!("{}MB", size_mb()));
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("cat", |b| {
        b.iter(|| common::run_reference("cat", &[], &path))
    });
    group.bench_function("wc-w", |b| {
        b.iter(|| common::run_reference("wc", &["-w"], &path))
    });
    let engines = [
        ("punct", engine("P", Dictionaries::default())),
        ("inaudible", engine("I", Dictionaries::default())),
        ("names-100", engine("N", roster(100))),
        ("names-100000", engine("N", roster(100_000))),
        ("terms-100", engine("G", glossary(100))),
        ("terms-10000", engine("G", glossary(10_000))),
        (
            "all-builtin",
            engine(
                "ALL",
                Dictionaries::builtin().expect("built-in dictionaries"),
            ),
        ),
    ];
    // The whole pipeline as `capclean fix` runs it on a large file: every
    // rule, 10,000 names and 1,000 terms, in 4 MB parts.
    let mut target = Dictionaries::builtin().expect("built-in dictionaries");
    target.roster.extend(roster(10_000).roster);
    target.glossary.extend(glossary(1_000).glossary);
    let whole = engine("ALL", target);
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
    for (name, engine) in &engines {
        group.bench_function(*name, |b| {
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
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
