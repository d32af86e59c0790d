//! Writes a generated raw cart corpus: `cargo run --release --example gen_corpus -- MB SEED > file.txt`.

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(42);
    let text = capclean::corpus::cart(mb << 20, seed);
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()) {
        eprintln!("gen_corpus: {e}");
        std::process::exit(2);
    }
}
