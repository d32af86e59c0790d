//! Messages to the user on stderr, and stdout writes that treat a closed
//! pipe as a normal end (`capclean check … | head`).

use std::io::Write;

/// Writes a line on stderr. A closed stderr (`capclean … 2>&1 | head`) is
/// no reason to stop: the run goes on and its files are still written.
fn line(prefix: &str, message: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{prefix}{message}");
}

/// Prints `capclean: error: …`.
pub fn error(message: &str) {
    line("capclean: error: ", message);
}

/// Prints `capclean: warning: …`.
pub fn warning(message: &str) {
    line("capclean: warning: ", message);
}

/// Prints a plain line on stderr (summaries).
pub fn note(message: &str) {
    line("", message);
}

/// Writes `bytes` to stdout.
pub fn stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// Whether an error chain ends in a closed pipe.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
