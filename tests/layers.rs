//! The library's layers, every arrow pointing down: a module imports only
//! from modules below it (tests and doc comments aside). A new `crate::`
//! import that points up, which would close a circle, fails here.

use std::fs;
use std::path::Path;

/// The top-level modules, bottom first.
const LAYERS: &[&str] = &[
    "error", "text", "edit", "formats", "config", "settings", "dict", "names", "terms", "rules",
    "pipeline", "review", "upkeep",
];

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `crate::x` imports of a file's code: comments and the test module left out.
fn imports(text: &str) -> Vec<String> {
    let code = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut found = Vec::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            let tail = &rest[i + "crate::".len()..];
            let name: String = tail
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
            rest = tail;
        }
    }
    found
}

#[test]
fn every_import_points_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut upward = Vec::new();
    for path in all {
        let rel = path.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        // The binary's modules and the crate root sit above every layer.
        if matches!(top.as_str(), "cli" | "main" | "lib") {
            continue;
        }
        let own = LAYERS
            .iter()
            .position(|l| *l == top)
            .unwrap_or_else(|| panic!("{top} has no layer: add it to LAYERS"));
        for dep in imports(&fs::read_to_string(&path).unwrap()) {
            let Some(layer) = LAYERS.iter().position(|l| *l == dep) else {
                continue; // an item of the crate root (crate::Result …)
            };
            if layer > own {
                upward.push(format!("{} imports crate::{dep}", rel.display()));
            }
        }
    }
    assert!(upward.is_empty(), "imports pointing up: {upward:#?}");
}
