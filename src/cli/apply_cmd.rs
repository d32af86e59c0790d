//! `capclean apply REVIEW.csv [-o DIR | --in-place]`: the editor's
//! decisions written into the inputs the review list was made from.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result};
use capclean::review::{apply_rows, read_review, Encodings, ReviewedRow};
use capclean::text::{encoding_for_label, OutputEncoding};

use super::args::ApplyArgs;
use super::inputs::describe;
use super::output::write_atomic;
use super::{messages, ExitStatus};

/// The directory all `files` share, so `-o DIR` mirrors the layout `fix`
/// wrote (for a single file, its own directory).
fn common_root(files: &[&str]) -> PathBuf {
    let mut root: Option<Vec<Component<'_>>> = None;
    for file in files {
        let parent: Vec<Component<'_>> = Path::new(file)
            .parent()
            .map(|p| p.components().collect())
            .unwrap_or_default();
        root = Some(match root {
            None => parent,
            Some(r) => r
                .into_iter()
                .zip(parent)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    root.unwrap_or_default().iter().collect()
}

/// Where `file` goes under `dir`: its path below the common root, never
/// above `dir` (`..` and absolute parts are dropped).
fn target(dir: &Path, root: &Path, file: &str) -> PathBuf {
    let relative = Path::new(file)
        .strip_prefix(root)
        .unwrap_or(Path::new(file));
    let clean: PathBuf = relative
        .components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect();
    dir.join(clean)
}

pub fn run(args: &ApplyArgs) -> Result<ExitStatus> {
    let bytes = std::fs::read(&args.review)
        .with_context(|| format!("{}: cannot read", args.review.display()))?;
    let rows = read_review(&args.review, &bytes)?;
    let mut files: Vec<&str> = Vec::new();
    for row in &rows {
        if !files.contains(&row.file.as_str()) {
            files.push(&row.file);
        }
    }
    let root = common_root(&files);
    let encodings = Encodings {
        input: match &args.encoding {
            Some(label) => Some(encoding_for_label(label).map_err(anyhow::Error::msg)?),
            None => None,
        },
        output: OutputEncoding::parse(&args.output_encoding).map_err(anyhow::Error::msg)?,
    };
    let mut failed = false;
    for file in &files {
        let file_rows: Vec<&ReviewedRow> = rows.iter().filter(|r| r.file == *file).collect();
        let first_line = file_rows.first().map_or(0, |r| r.csv_line);
        let input = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                messages::error(&format!(
                    "{}:{first_line}: {file}: cannot read the input: {}",
                    args.review.display(),
                    describe(&e)
                ));
                failed = true;
                continue;
            }
        };
        let result = apply_rows(&args.review, file, &input, &file_rows, encodings);
        let applied = match result {
            Ok(a) => a,
            Err(e) => {
                messages::error(&e.to_string());
                failed = true;
                continue;
            }
        };
        let out_path = match &args.output {
            Some(dir) => target(dir, &root, file),
            None => PathBuf::from(file),
        };
        let safe = match &args.output {
            Some(dir) => match dir.canonicalize() {
                Ok(real) => super::inputs::ensure_inside(&real, &out_path),
                Err(_) => Ok(()), // created below, with nothing in it yet
            },
            None if std::fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_symlink()) => {
                Err(anyhow::anyhow!(
                    "{file}: is a symbolic link; --in-place would replace the link, not its target"
                ))
            }
            None => Ok(()),
        };
        if let Err(e) = safe {
            messages::error(&format!("{e:#}"));
            failed = true;
            continue;
        }
        if args.in_place && applied.output == input {
            // Nothing to change; leave the file (and its timestamp) alone.
        } else if let Err(e) = write_atomic(&out_path, &applied.output) {
            messages::error(&format!("{e:#}"));
            failed = true;
            continue;
        }
        if !args.quiet {
            messages::note(&format!(
                "{file}: {} applied, {} kept, {} rejected -> {}",
                applied.applied,
                applied.kept,
                applied.rejected,
                out_path.display()
            ));
        }
    }
    Ok(if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_mirror_the_common_root() {
        let root = common_root(&["talks/day1/a.txt", "talks/b.txt"]);
        assert_eq!(root, PathBuf::from("talks"));
        assert_eq!(
            target(Path::new("out"), &root, "talks/day1/a.txt"),
            PathBuf::from("out/day1/a.txt")
        );
        let single = common_root(&["talks/day1/a.txt"]);
        assert_eq!(
            target(Path::new("out"), &single, "talks/day1/a.txt"),
            PathBuf::from("out/a.txt")
        );
        assert_eq!(
            target(Path::new("out"), Path::new(""), "../../etc/x.txt"),
            PathBuf::from("out/etc/x.txt")
        );
    }
}
