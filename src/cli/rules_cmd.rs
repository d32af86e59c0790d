//! `capclean rules [CODE]`: the rule table, or one rule's documentation.

use std::fmt::Write as _;

use anyhow::{bail, Result};
use capclean::rules::{Rule, RULES};

use super::{args::RulesArgs, messages, ExitStatus};

pub fn run(args: &RulesArgs) -> Result<ExitStatus> {
    let mut out = String::new();
    match &args.code {
        None => {
            for info in RULES {
                let _ = writeln!(out, "{}  {:<22} {}", info.code, info.name, info.summary);
                let _ = writeln!(out, "      e.g. {}  ->  {}", info.example, info.result);
            }
        }
        Some(code) => {
            let Some(rule) = Rule::from_code(code) else {
                bail!("unknown rule `{code}` (run `capclean rules` for the list)");
            };
            let info = rule.info();
            let _ = writeln!(
                out,
                "{} ({}) — {}",
                info.code,
                info.name,
                rule.kind().as_str()
            );
            let _ = writeln!(out, "\nWhat it does\n  {}", info.summary);
            let _ = writeln!(out, "\nWhy\n  {}", info.why);
            let _ = writeln!(out, "\nExample\n  {}\n  -> {}", info.example, info.result);
            let _ = writeln!(out, "\nFix safety\n  {}", info.fix_safety);
        }
    }
    messages::stdout(out.as_bytes())?;
    Ok(ExitStatus::Success)
}
