//! The progress bar: files and bytes on stderr, only when stderr is a
//! terminal and the run takes more than a moment. Updated once per file,
//! never per token, so it costs nothing at speed.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

const SHOW_AFTER: Duration = Duration::from_millis(300);

/// Progress over a run's files.
pub struct Progress {
    bar: ProgressBar,
    start: Instant,
    wanted: bool,
    files: u64,
}

impl Progress {
    /// A bar for `files` files of `bytes` bytes in all; hidden with `quiet`.
    pub fn new(files: u64, bytes: u64, quiet: bool) -> Self {
        let bar = ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {msg}",
        ) {
            bar.set_style(style);
        }
        Progress {
            bar,
            start: Instant::now(),
            wanted: !quiet && std::io::stderr().is_terminal(),
            files,
        }
    }

    /// Records one finished file of `bytes` bytes, `done` files so far.
    pub fn file_done(&self, bytes: u64, done: u64) {
        if self.wanted && self.bar.is_hidden() && self.start.elapsed() > SHOW_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(bytes);
        self.bar.set_message(format!("{done}/{} files", self.files));
    }

    /// Records `bytes` more of a large file checked in parts.
    pub fn part_done(&self, bytes: u64) {
        if self.wanted && self.bar.is_hidden() && self.start.elapsed() > SHOW_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(bytes);
    }

    /// Clears the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
