//! Peak memory of a large input is bounded by the part size: a file checked
//! in parts costs at most 4 times one part over what the same run takes
//! with the same dictionaries on a small file, however large the file is.
//! The measure is the peak resident size the kernel reports for each
//! finished child process (Linux).
#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::Command;

use capclean_corpus as corpus;
use tempfile::TempDir;

/// Parts as `capclean fix` uses them by default.
const PART: u64 = capclean::pipeline::parts::PART_BYTES as u64;

/// The largest peak resident size, in bytes, of the finished children of
/// this process so far.
fn children_peak() -> u64 {
    // SAFETY: getrusage writes only into the struct it is given, which is
    // plain data and valid when zeroed.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0, "getrusage");
    // Kilobytes on Linux.
    u64::try_from(usage.ru_maxrss).unwrap() * 1024
}

/// Runs `fix` on `input` with 10,000 names and 1,000 terms, and returns the
/// children's peak so far.
fn fix(dir: &Path, input: &str) -> u64 {
    let out = Command::new(env!("CARGO_BIN_EXE_capclean"))
        .current_dir(dir)
        .args([
            "fix",
            "-q",
            "--roster",
            "roster.csv",
            "--glossary",
            "terms.csv",
        ])
        .args(["-o", "out", input])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{input}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let review = std::fs::metadata(dir.join("out/review.csv")).unwrap().len();
    assert!(review > 1_000, "{input}: the run found something");
    children_peak()
}

/// Two-line cues of about 40 characters from the corpus's lines, numbered
/// from `first`.
fn subtitles(bytes: usize, seed: u64, first: u64) -> String {
    let text = corpus::cart(bytes * 2 / 3, seed);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            if line.len() + word.len() > 40 {
                lines.push(std::mem::take(&mut line));
            }
            line.push_str(word);
            line.push(' ');
        }
        lines.push(line);
    }
    let mut out = String::new();
    for (i, cue) in (first as usize..).zip(lines.chunks(2)) {
        let (m, s) = (i / 60 % 60, i % 60);
        out.push_str(&format!(
            "{}\n{:02}:{m:02}:{s:02},000 --> {:02}:{m:02}:{s:02},900\n{}\n\n",
            i + 1,
            i / 3600,
            i / 3600,
            cue.join("\n")
        ));
    }
    out
}

/// Writes `pieces` pieces of about 1 MB made by `piece` (from a seed) to
/// `path`, one at a time: the test process itself stays small, since a
/// child's peak counts the parent's until it starts the binary.
fn write_in_pieces(path: &Path, pieces: u64, piece: impl Fn(u64) -> String) {
    use std::io::Write;
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for seed in 0..pieces {
        file.write_all(piece(seed).as_bytes()).unwrap();
    }
    file.flush().unwrap();
}

#[test]
fn a_large_input_costs_at_most_four_parts_over_the_dictionaries() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    write("roster.csv", &corpus::roster_csv(10_000, 5));
    write("terms.csv", &corpus::glossary_csv(1_000, 5));
    write("small.txt", &corpus::cart(20_000, 1));
    // Six parts' worth.
    let pieces = (6 * PART) >> 20;
    // Mojibake in every tenth turn: its parts also hold a repaired copy.
    write_in_pieces(&dir.join("large.txt"), pieces, |seed| {
        corpus::cart(1 << 20, seed)
            .split(">> ")
            .enumerate()
            .map(|(i, turn)| match i % 10 {
                0 => turn.replacen(" the ", " th\u{c3}\u{a9} ", 1),
                _ => turn.to_owned(),
            })
            .collect::<Vec<_>>()
            .join(">> ")
    });
    write_in_pieces(&dir.join("large.srt"), pieces, |seed| {
        subtitles(1 << 20, 100 + seed, seed * 30_000)
    });

    let baseline = fix(dir, "small.txt");
    for input in ["large.txt", "large.srt"] {
        let size = std::fs::metadata(dir.join(input)).unwrap().len();
        assert!(size > 5 * PART, "{input}: {size} bytes");
        let peak = fix(dir, input);
        let over = peak.saturating_sub(baseline);
        eprintln!(
            "{input}: peak {:.1} MB, {:.2} parts over the small file's {:.1} MB",
            peak as f64 / 1e6,
            over as f64 / PART as f64,
            baseline as f64 / 1e6
        );
        assert!(
            over < 4 * PART,
            "{input}: peak {peak} bytes, {over} over the small file's {baseline}"
        );
    }
}
