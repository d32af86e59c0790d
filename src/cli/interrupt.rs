//! Ctrl-C (and SIGTERM): every write is a temporary file renamed into
//! place when complete, so an interrupted run never leaves half a file;
//! this removes the temporary files of the writes still under way and says
//! what was and was not written.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::messages;

/// What a run has written and is writing.
#[derive(Default)]
struct Writes {
    /// Writes under way: (temporary file, target).
    pending: Vec<(PathBuf, PathBuf)>,
    /// Files written (renamed into place), in order.
    done: Vec<PathBuf>,
    /// Set by the handler: a write begun after it is removed at once.
    interrupted: bool,
}

static WRITES: Mutex<Writes> = Mutex::new(Writes {
    pending: Vec::new(),
    done: Vec::new(),
    interrupted: false,
});

fn with<T>(f: impl FnOnce(&mut Writes) -> T) -> T {
    // A panic while holding the lock leaves the lists usable.
    let mut writes = WRITES.lock().unwrap_or_else(|e| e.into_inner());
    f(&mut writes)
}

/// Installs the handler. Failing to install it (another handler is set)
/// leaves the default: the temporary files may then remain.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        let (pending, done) = with(|w| {
            w.interrupted = true;
            (std::mem::take(&mut w.pending), w.done.clone())
        });
        for (tmp, _) in &pending {
            let _ = std::fs::remove_file(tmp);
        }
        let unfinished: Vec<PathBuf> = pending.into_iter().map(|(_, target)| target).collect();
        messages::error(&summary(&done, &unfinished));
        std::process::exit(130);
    });
}

/// What an interrupted run says.
fn summary(done: &[PathBuf], unfinished: &[PathBuf]) -> String {
    let written = match done {
        [] => "nothing was written".to_owned(),
        [one] => format!("1 file was written ({})", one.display()),
        [.., last] => format!(
            "{} files were written (the last {})",
            done.len(),
            last.display()
        ),
    };
    let not_written = match unfinished {
        [] => String::new(),
        files => {
            let names: Vec<String> = files
                .iter()
                .take(5)
                .map(|p| p.display().to_string())
                .collect();
            let more = if files.len() > 5 { ", …" } else { "" };
            format!(
                "; not written: {}{more} (their temporary files removed)",
                names.join(", ")
            )
        }
    };
    format!("interrupted: {written}{not_written}; nothing else was written or changed")
}

/// A write of `target` into the temporary file `tmp` has begun.
pub fn begun(tmp: &Path, target: &Path) {
    with(|w| {
        if w.interrupted {
            let _ = std::fs::remove_file(tmp);
        } else {
            w.pending.push((tmp.to_owned(), target.to_owned()));
        }
    });
}

/// The write to `tmp` has ended: renamed into place as `path`, or given up.
pub fn ended(tmp: &Path, path: Option<&Path>) {
    with(|w| {
        w.pending.retain(|(p, _)| p != tmp);
        if let Some(path) = path {
            w.done.push(path.to_owned());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_what_was_written() {
        assert_eq!(
            summary(&[], &[]),
            "interrupted: nothing was written; nothing else was written or changed"
        );
        let two = [PathBuf::from("out/a.txt"), PathBuf::from("out/b.txt")];
        let text = summary(&two, &[PathBuf::from("out/review.csv")]);
        assert!(
            text.contains("2 files were written (the last out/b.txt)"),
            "{text}"
        );
        assert!(
            text.contains("not written: out/review.csv (their temporary files removed)"),
            "{text}"
        );
    }
}
