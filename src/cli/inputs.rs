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

/// Collects inputs; problems (missing paths, unreadable directories, a
/// folder with no caption file, a file of a format capclean does not read
/// unless `format_forced`) are returned as messages so the other inputs
/// still run. `skip` is a directory never to descend into.
pub fn collect(
    paths: &[PathBuf],
    skip: Option<&Path>,
    format_forced: bool,
) -> (Vec<Input>, Vec<String>) {
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
            let before = inputs.len();
            let skipped = walk(path, skip.as_deref(), &mut inputs, &mut errors);
            if inputs.len() == before {
                errors.push(format!(
                    "{}: no caption file (.{}) in this folder{}",
                    path.display(),
                    EXTENSIONS.join(", ."),
                    skipped_list(&skipped)
                ));
            }
        } else {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            let known = ext.as_deref().is_none_or(|e| EXTENSIONS.contains(&e));
            if !known && !format_forced {
                errors.push(format!(
                    "{}: not a format capclean reads (.{}); it reads .txt (cart), .srt and .vtt: pass --format cart, srt or vtt to read it as one of them",
                    path.display(),
                    ext.unwrap_or_default()
                ));
                continue;
            }
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

/// "; skipped: a.ass, b.docx" for the files a folder held that are no
/// caption files (at most five named).
fn skipped_list(skipped: &[PathBuf]) -> String {
    if skipped.is_empty() {
        return String::new();
    }
    let names: Vec<String> = skipped
        .iter()
        .take(5)
        .map(|p| p.display().to_string())
        .collect();
    let more = match skipped.len() {
        n if n > 5 => format!(" and {} more", n - 5),
        _ => String::new(),
    };
    format!("; skipped: {}{more}", names.join(", "))
}

/// Walks `root` for caption files; returns the other files it passed.
fn walk(
    root: &Path,
    skip: Option<&Path>,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<String>,
) -> Vec<PathBuf> {
    let mut skipped = Vec::new();
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
        if !path.is_file() {
            continue;
        }
        if !wanted {
            skipped.push(path.strip_prefix(root).unwrap_or(path).to_path_buf());
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
    skipped
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

/// Refuses an output folder that is, or lies inside, a folder given as
/// input, or the folder of a file given as input: writing there could
/// overwrite the raw inputs, or read the outputs back as inputs next time.
/// The working directory, as the folder of a file named without one,
/// refuses only itself (`fix a.txt -o out` is fine).
pub fn refuse_output_among_inputs(dir: &Path, inputs: &[PathBuf]) -> Result<()> {
    let Some(out) = canonical_or_planned(dir) else {
        return Ok(());
    };
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    for input in inputs.iter().filter(|p| p.as_os_str() != "-") {
        let Ok(meta) = std::fs::metadata(input) else {
            continue;
        };
        let (folder, given) = if meta.is_dir() {
            (input.canonicalize().ok(), true)
        } else {
            let parent = match input.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            (parent.canonicalize().ok(), false)
        };
        let Some(folder) = folder else { continue };
        let inside = if !given && Some(&folder) == cwd.as_ref() {
            out == folder
        } else {
            out.starts_with(&folder)
        };
        if inside {
            bail!(
                "-o {}: the output folder is, or lies inside, the input folder {}; write the corrected files elsewhere, so that the raw inputs stay as they are and are not read back as inputs",
                dir.display(),
                folder.display()
            );
        }
    }
    Ok(())
}

/// The canonical path `dir` has, or will have once created: its nearest
/// existing ancestor, canonical, with the rest appended.
pub fn canonical_or_planned(dir: &Path) -> Option<PathBuf> {
    let mut missing = Vec::new();
    let mut at = dir;
    loop {
        if let Ok(real) = at.canonicalize() {
            return Some(missing.iter().rev().fold(real, |p, part| p.join(part)));
        }
        missing.push(at.file_name()?.to_owned());
        at = match at.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
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
