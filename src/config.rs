//! `capclean.toml`: the settings a project keeps next to its transcripts.
//! Found from the working directory upward, or given with `--config`.
//! Command-line flags win over the file; dictionary paths in the file are
//! relative to the file.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

/// The file name looked for.
pub const FILE_NAME: &str = "capclean.toml";

/// A rule list, written as `"P,I001"` or `["P", "I001"]`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Codes {
    /// Comma-separated.
    Text(String),
    /// One code or prefix per item.
    List(Vec<String>),
}

impl Codes {
    /// As the comma-separated form the command line takes.
    pub fn joined(&self) -> String {
        match self {
            Codes::Text(s) => s.clone(),
            Codes::List(v) => v.join(","),
        }
    }
}

/// The keys of `capclean.toml`. Every key is optional.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Config {
    /// Only these rules.
    pub select: Option<Codes>,
    /// Leave out these rules.
    pub ignore: Option<Codes>,
    /// `spaced-em`, `em`, `en` or `keep`.
    pub dash_style: Option<String>,
    /// Confidence at or above which name and term fixes are applied.
    pub auto_threshold: Option<f32>,
    /// Roster files added to the built-in one.
    #[serde(default)]
    pub roster: Vec<PathBuf>,
    /// Glossary files added to the built-in one.
    #[serde(default)]
    pub glossary: Vec<PathBuf>,
    /// Leave the built-in dictionaries out.
    pub no_default_dictionaries: Option<bool>,
}

impl Config {
    /// Parses the file at `path`; relative dictionary paths are resolved
    /// against its directory.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let mut config: Config = toml::from_str(&text).map_err(|e| {
            let line = e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() as u64 + 1
            });
            Error::Config {
                path: path.to_owned(),
                line,
                reason: e.message().to_owned(),
            }
        })?;
        if let Some(x) = config.auto_threshold {
            if !(0.0..=1.0).contains(&x) {
                return Err(Error::Config {
                    path: path.to_owned(),
                    line: 1,
                    reason: format!("auto-threshold {x} is outside 0..1"),
                });
            }
        }
        let dir = path.parent().unwrap_or(Path::new(""));
        for p in config.roster.iter_mut().chain(config.glossary.iter_mut()) {
            if p.is_relative() {
                *p = dir.join(&*p);
            }
        }
        Ok(config)
    }

    /// The nearest `capclean.toml` in `start` or a parent directory.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_key_and_resolves_paths() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(
            &path,
            "select = [\"P\", \"I\"]\nignore = \"P009\"\ndash-style = \"em\"\nauto-threshold = 0.8\nroster = [\"people.csv\"]\nno-default-dictionaries = true\n",
        )
        .unwrap();
        let c = Config::load(&path).unwrap();
        assert_eq!(c.select.unwrap().joined(), "P,I");
        assert_eq!(c.ignore.unwrap().joined(), "P009");
        assert_eq!(c.roster, vec![dir.path().join("people.csv")]);
        assert_eq!(c.auto_threshold, Some(0.8));
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        assert_eq!(Config::discover(&nested), Some(path));
    }

    #[test]
    fn unknown_keys_are_errors_with_a_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "select = \"P\"\ndash_style = \"em\"\n").unwrap();
        let err = Config::load(&path).unwrap_err().to_string();
        assert!(
            err.contains("capclean.toml:2:") && err.contains("dash_style"),
            "{err}"
        );
    }
}
