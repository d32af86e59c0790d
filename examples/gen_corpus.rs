//! Writes generated inputs for benchmarks, all seeded:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- 100 42 > corpus.txt          # 100 MB raw transcript
//! cargo run --release --example gen_corpus -- --roster 10000 > roster.csv  # 10,000 people
//! cargo run --release --example gen_corpus -- --glossary 1000 > terms.csv  # 1,000 terms
//! cargo run --release --example gen_corpus -- --folder DIR 2000 50         # 2,000 files of 50 KB
//! cargo run --release --example gen_corpus -- --panel 20 42 --people 10000 > panel.txt  # 20 MB, names dense
//! cargo run --release --example gen_corpus -- --roster 10000 42 > roster.csv        # ... and its roster
//! ```
//!
//! A panel transcript names the people of the roster generated with the same
//! seed and at least as many people (`--roster N` takes its seed from the
//! second positional argument, 42 by default).

use std::io::Write;
use std::path::PathBuf;

use clap::Parser;

/// Generated raw captions, rosters and glossaries.
#[derive(Debug, Parser)]
struct Args {
    /// Size of the transcript in MB (written to standard output).
    #[arg(default_value_t = 10)]
    mb: usize,
    /// Seed.
    #[arg(default_value_t = 42)]
    seed: u64,
    /// Write a roster of this many people instead.
    #[arg(long)]
    roster: Option<usize>,
    /// Write a glossary of this many terms instead.
    #[arg(long)]
    glossary: Option<usize>,
    /// Write a folder of FILES transcripts of KB kilobytes each instead.
    #[arg(long, num_args = 3, value_names = ["DIR", "FILES", "KB"])]
    folder: Option<Vec<String>>,
    /// Write a name-dense panel transcript of MB megabytes from SEED instead.
    #[arg(long, num_args = 2, value_names = ["MB", "SEED"])]
    panel: Option<Vec<u64>>,
    /// The panel transcript names the people of a roster of this many.
    #[arg(long, default_value_t = 10_000, requires = "panel")]
    people: usize,
}

fn main() {
    let args = Args::parse();
    if let Err(e) = run(&args) {
        eprintln!("gen_corpus: {e}");
        std::process::exit(2);
    }
}

fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = std::io::stdout().lock();
    if let Some(n) = args.roster {
        out.write_all(capclean_corpus::roster_csv(n, args.seed).as_bytes())?;
    } else if let Some(n) = args.glossary {
        out.write_all(capclean_corpus::glossary_csv(n, args.seed).as_bytes())?;
    } else if let Some(folder) = &args.folder {
        let dir = PathBuf::from(&folder[0]);
        let files: usize = folder[1].parse()?;
        let kb: usize = folder[2].parse()?;
        std::fs::create_dir_all(&dir)?;
        for i in 0..files {
            let text = capclean_corpus::cart(kb << 10, args.seed.wrapping_add(i as u64));
            std::fs::write(dir.join(format!("session-{i:05}.txt")), text)?;
        }
    } else if let Some(panel) = &args.panel {
        let (mb, seed) = (usize::try_from(panel[0])?, panel[1]);
        out.write_all(capclean_corpus::panel(mb << 20, seed, args.people).as_bytes())?;
    } else {
        out.write_all(capclean_corpus::cart(args.mb << 20, args.seed).as_bytes())?;
    }
    Ok(())
}
