//! `capclean apply REVIEW.csv [-o DIR | --in-place]`: the editor's
//! decisions written into the inputs the review list was made from.

use std::path::{Component, Path, PathBuf};

use anyhow::Result;
use capclean::review::{apply_rows, read_review_list, Encodings, ReviewedRow};
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
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {}", args.review.display(), describe(&e)))?;
    let list = read_review_list(&args.review, &bytes)?;
    // Every row that cannot be read, in one pass; then nothing is written,
    // since a row that cannot be read may be a change the editor rejected.
    if !list.bad.is_empty() {
        for (line, reason) in &list.bad {
            messages::error(&format!("{}:{line}: {reason}", args.review.display()));
        }
        messages::error(&format!(
            "{}: {} row{} cannot be read; nothing was written",
            args.review.display(),
            list.bad.len(),
            if list.bad.len() == 1 { "" } else { "s" }
        ));
        return Ok(ExitStatus::Error);
    }
    let rows = &list.rows;
    let mut files: Vec<&str> = Vec::new();
    for row in rows {
        if !files.contains(&row.file.as_str()) {
            files.push(&row.file);
        }
    }
    let base = inputs_base(&args.review, &files)?;
    if let (Some(base), false) = (&base, args.quiet) {
        messages::note(&format!(
            "reading the inputs from {} (where the review list's paths lead)",
            base.display()
        ));
    }
    let located = |file: &str| match &base {
        Some(base) => base.join(file),
        None => PathBuf::from(file),
    };
    if let Some(dir) = &args.output {
        let inputs: Vec<PathBuf> = files.iter().map(|f| located(f)).collect();
        super::inputs::refuse_output_among_inputs(dir, &inputs)?;
    }
    let root = common_root(&files);
    let encodings = Encodings {
        input: match &args.encoding {
            Some(label) => Some(encoding_for_label(label).map_err(anyhow::Error::msg)?),
            None => None,
        },
        output: OutputEncoding::parse(&args.output_encoding).map_err(anyhow::Error::msg)?,
        review_list: list.encoding,
    };
    let mut failed = false;
    for file in &files {
        let file_rows: Vec<&ReviewedRow> = rows.iter().filter(|r| r.file == *file).collect();
        let path = located(file);
        let out_path = match &args.output {
            Some(dir) => target(dir, &root, file),
            None => path.clone(),
        };
        if let Err(message) = apply_file(args, file, &path, &out_path, &file_rows, encodings) {
            messages::error(&message);
            failed = true;
        }
    }
    if let (Some(dir), false) = (&args.output, args.quiet) {
        messages::note(&format!(
            "{} file{} named in the review list written under {}; files with no finding are not in the list (fix wrote them unchanged)",
            files.len(),
            if files.len() == 1 { "" } else { "s" },
            dir.display()
        ));
    }
    if !list.deleted.is_empty() && !args.quiet {
        let shown: Vec<String> = list
            .deleted
            .iter()
            .take(12)
            .map(|n| n.to_string())
            .collect();
        let more = if list.deleted.len() > 12 { ", …" } else { "" };
        messages::warning(&format!(
            "{}: {} row{} deleted from the list (id {}{more}): their changes are not in the output",
            args.review.display(),
            list.deleted.len(),
            if list.deleted.len() == 1 { "" } else { "s" },
            shown.join(", ")
        ));
    }
    Ok(if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
}

/// Applies `rows` to the input `file` (read from `path`) and writes the
/// result to `out_path`; what went wrong, for the error line.
fn apply_file(
    args: &ApplyArgs,
    file: &str,
    path: &Path,
    out_path: &Path,
    rows: &[&ReviewedRow],
    encodings: Encodings,
) -> std::result::Result<(), String> {
    let first_line = rows.first().map_or(0, |r| r.csv_line);
    let input = std::fs::read(path).map_err(|e| {
        format!(
            "{}:{first_line}: {file}: cannot read the input: {}",
            args.review.display(),
            describe(&e)
        )
    })?;
    let applied = apply_rows(&args.review, file, &input, rows, encodings).map_err(|errors| {
        for e in &errors {
            messages::error(&e.to_string());
        }
        format!("{file}: not written")
    })?;
    for warning in &applied.warnings {
        messages::warning(warning);
    }
    match &args.output {
        Some(dir) => {
            if let Ok(real) = dir.canonicalize() {
                super::inputs::ensure_inside(&real, out_path).map_err(|e| format!("{e:#}"))?;
            } // else created below, with nothing in it yet
        }
        None if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            return Err(format!(
                "{file}: is a symbolic link; --in-place would replace the link, not its target"
            ));
        }
        None => {}
    }
    // In place, an unchanged file (and its timestamp) is left alone.
    if !(args.in_place && applied.output == input) {
        write_atomic(out_path, &applied.output).map_err(|e| format!("{e:#}"))?;
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
    Ok(())
}

/// Where the review list's relative paths lead: the working directory
/// when they are found from there (`None`), else the first folder, from
/// the review list's own folder upwards, where every one of them is (the
/// folder `fix` ran in). When none has them all, the error names the
/// folder to run from.
fn inputs_base(review: &Path, files: &[&str]) -> Result<Option<PathBuf>> {
    let found_from = |base: &Path| files.iter().all(|f| base.join(f).exists());
    if files.is_empty() || found_from(Path::new("")) {
        return Ok(None);
    }
    let start = review
        .canonicalize()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf));
    let mut dir = start.as_deref();
    while let Some(d) = dir {
        if found_from(d) {
            return Ok(Some(d.to_path_buf()));
        }
        dir = d.parent();
    }
    // Some are missing wherever we look: those that are found from here
    // are applied, the others named one by one.
    if files.iter().any(|f| Path::new(f).exists()) {
        return Ok(None);
    }
    let first = files[0];
    anyhow::bail!(
        "{first}: not found from here nor from the review list's folder or above; run apply from the folder `fix` ran in (where {first} is)"
    )
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
