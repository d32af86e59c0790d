//! Finding the inputs: files as given, directories walked in sorted order
//! for `*.txt`, `*.srt` and `*.vtt`, and `-` for stdin; then planning where
//! each output goes, refusing collisions before anything is written.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use walkdir::WalkDir;

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

/// One input to process.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where to read it.
    pub source: Source,
    /// The path as given or found (for messages and the review list).
    pub display: String,
    /// Its path relative to its input root (for `-o DIR`).
    pub relative: PathBuf,
    /// Size in bytes, for the progress bar.
    pub size: u64,
}

const EXTENSIONS: [&str; 3] = ["txt", "srt", "vtt"];

/// Collects inputs; problems (missing paths, unreadable directories) are
/// returned as messages so the other inputs still run. `skip` is a
/// directory never to descend into (the output directory).
pub fn collect(paths: &[PathBuf], skip: Option<&Path>) -> (Vec<Input>, Vec<String>) {
    let skip = skip.and_then(|p| p.canonicalize().ok());
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                source: Source::Stdin,
                display: "-".into(),
                relative: PathBuf::from("stdin.txt"),
                size: 0,
            });
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) => {
                errors.push(format!("{}: {}", path.display(), describe(&err)));
                continue;
            }
        };
        if meta.is_dir() {
            walk(path, skip.as_deref(), &mut inputs, &mut errors);
        } else {
            let name = path
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| path.clone());
            inputs.push(Input {
                source: Source::File(path.clone()),
                display: path.display().to_string(),
                relative: name,
                size: meta.len(),
            });
        }
    }
    (inputs, errors)
}

fn walk(root: &Path, skip: Option<&Path>, inputs: &mut Vec<Input>, errors: &mut Vec<String>) {
    let walker = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let is_skipped = skip.is_some_and(|s| {
                e.file_type().is_dir() && e.path().canonicalize().is_ok_and(|p| p == s)
            });
            !hidden && !is_skipped
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(root).display().to_string();
                let reason = err.io_error().map_or_else(|| err.to_string(), describe);
                errors.push(format!("{path}: cannot read directory: {reason}"));
                continue;
            }
        };
        let path = entry.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if !wanted || !path.is_file() {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        inputs.push(Input {
            source: Source::File(path.to_path_buf()),
            display: path.display().to_string(),
            relative,
            size: entry.metadata().map_or(0, |m| m.len()),
        });
    }
}

/// A short reason for an I/O error, without Rust's "(os error N)".
pub fn describe(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_owned(),
                None => text,
            }
        }
    }
}

/// The output path of every input under `dir`. Two inputs landing on one
/// path, or an output that is an input, is an error before anything is written.
pub fn plan_outputs(inputs: &[Input], dir: &Path) -> Result<Vec<PathBuf>> {
    let input_files: HashSet<PathBuf> = inputs
        .iter()
        .filter_map(|i| match &i.source {
            Source::File(p) => p.canonicalize().ok(),
            Source::Stdin => None,
        })
        .collect();
    let mut seen: HashMap<PathBuf, &str> = HashMap::new();
    let mut outputs = Vec::with_capacity(inputs.len());
    let root = dir.canonicalize().ok();
    for input in inputs {
        let target = dir.join(&input.relative);
        if let Some(root) = &root {
            ensure_inside(root, &target)?;
        }
        if let Some(first) = seen.insert(target.clone(), &input.display) {
            bail!(
                "{} and {} would both be written to {}; give them separately or rename one",
                first,
                input.display,
                target.display()
            );
        }
        if target
            .canonicalize()
            .is_ok_and(|t| input_files.contains(&t))
        {
            bail!(
                "writing {} would overwrite an input; choose another output directory or use --in-place",
                target.display()
            );
        }
        outputs.push(target);
    }
    Ok(outputs)
}

/// Refuses an output whose existing directories lead, through a symbolic
/// link, out of the output directory `root` (canonical).
pub fn ensure_inside(root: &Path, target: &Path) -> Result<()> {
    let mut existing = target.parent();
    while let Some(dir) = existing {
        if let Ok(real) = dir.canonicalize() {
            if !real.starts_with(root) {
                bail!(
                    "{} leads out of the output directory (through a symbolic link to {}); refusing to write there",
                    target.display(),
                    real.display()
                );
            }
            return Ok(());
        }
        existing = dir.parent();
    }
    Ok(())
}

/// Refuses `--in-place` on an input reached through a symbolic link:
/// renaming the corrected file over it would replace the link, not the
/// file it points to.
pub fn check_in_place(input: &Input) -> Result<(), String> {
    match &input.source {
        Source::File(path)
            if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) =>
        {
            Err(format!(
                "{}: is a symbolic link; --in-place would replace the link, not its target: give the target's path",
                input.display
            ))
        }
        _ => Ok(()),
    }
}

/// Refuses a review-list path that is one of the inputs.
pub fn check_not_input(inputs: &[Input], path: &Path) -> Result<()> {
    let Ok(target) = path.canonicalize() else {
        return Ok(());
    };
    for input in inputs {
        if let Source::File(p) = &input.source {
            if p.canonicalize().is_ok_and(|p| p == target) {
                bail!(
                    "the review list {} would overwrite an input",
                    path.display()
                );
            }
        }
    }
    Ok(())
}
