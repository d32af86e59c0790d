//! The `capclean` binary: parse arguments, run the command, map the outcome
//! to an exit code. Everything else lives in the library.

mod cli;

use std::process::ExitCode;

#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Freed pages go back to the system at once, not after ten seconds: a
/// large file is checked part after part, and each part's memory is free
/// when the next begins (measured: 1 GB of dense subtitles 2.9 parts over
/// the dictionaries, 4.3 with the default decay on 24 MB).
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[allow(non_upper_case_globals)]
#[export_name = "_rjem_malloc_conf"]
pub static malloc_conf: &[u8] = b"dirty_decay_ms:0,muzzy_decay_ms:0\0";

fn main() -> ExitCode {
    cli::main()
}
