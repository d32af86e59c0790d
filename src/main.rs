//! The `capclean` binary: parse arguments, run the command, map the outcome
//! to an exit code. Everything else lives in the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
