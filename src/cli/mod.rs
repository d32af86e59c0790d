//! The command line: argument definitions, one module per command, and the
//! only places that print (`messages`) or draw progress (`progress`).

mod apply_cmd;
mod args;
mod fix;
mod inputs;
mod interrupt;
mod messages;
mod output;
mod progress;
mod roster_cmd;
mod rules_cmd;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything done; nothing to report.
    Success,
    /// `check` found something.
    Findings,
    /// Bad usage, or an input that could not be processed.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Findings => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

/// Parses the arguments and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    interrupt::install();
    let result = match cli.command {
        Command::Fix(args) => fix::run_fix(args),
        Command::Check(args) => fix::run_check(args),
        Command::Apply(args) => apply_cmd::run(&args),
        Command::Roster(args) => roster_cmd::run(&args),
        Command::Rules(args) => rules_cmd::run(&args),
    };
    match result {
        Ok(status) => status.into(),
        Err(err) if messages::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            messages::error(&format!("{err:#}"));
            ExitStatus::Error.into()
        }
    }
}
