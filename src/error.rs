//! The library's one error type. Every variant names the file and, where it
//! applies, the line, so the CLI can print it as it is.

use std::path::PathBuf;

/// What went wrong, and where.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// An input could not be decoded or parsed.
    #[error("{path}: {reason}")]
    Input {
        /// The input as given.
        path: String,
        /// Why it was refused, with the line where known.
        reason: String,
    },
    /// A dictionary row (roster or glossary) is malformed.
    #[error("{}:{line}: {reason}", path.display())]
    Dictionary {
        /// The dictionary file.
        path: PathBuf,
        /// 1-based line of the offending row.
        line: u64,
        /// What is wrong with it.
        reason: String,
    },
    /// The configuration file is malformed.
    #[error("{}:{line}: {reason}", path.display())]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// A review list row cannot be used.
    #[error("{}:{line}: {reason}", path.display())]
    Review {
        /// The review list.
        path: PathBuf,
        /// 1-based line of the offending row.
        line: u64,
        /// What is wrong with it.
        reason: String,
    },
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Shorthand used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
