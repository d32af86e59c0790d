//! Writing files safely (temporary file in the same directory, then
//! rename: a reader never sees half a file) and rendering diffs.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// Writes `bytes` to `path` atomically, creating parent directories. When
/// replacing an existing file, its permissions are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    file.commit()
}

/// A file written piece by piece into a temporary file beside its path and
/// renamed over it only by [`AtomicFile::commit`]: until then (and if the
/// process dies) the path keeps its old content. Dropped uncommitted, the
/// temporary file is removed.
pub struct AtomicFile {
    path: std::path::PathBuf,
    out: std::io::BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    /// Starts writing `path`, creating its parent directories.
    pub fn create(path: &Path) -> Result<Self> {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(parent)
            .with_context(|| format!("{}: cannot create directory", parent.display()))?;
        let tmp = tempfile::Builder::new()
            .prefix(".capclean-")
            .tempfile_in(parent)
            .with_context(|| format!("{}: cannot create a temporary file", parent.display()))?;
        Ok(AtomicFile {
            path: path.to_owned(),
            out: std::io::BufWriter::with_capacity(256 << 10, tmp),
        })
    }

    /// Flushes, syncs and renames the temporary file over the path. When
    /// replacing an existing file, its permissions are kept.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        let tmp = self
            .out
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|tmp| tmp.as_file().sync_all().map(|()| tmp))
            .with_context(|| format!("{}: cannot write", path.display()))?;
        // Best effort: a file we may replace but not chmod still gets written.
        match std::fs::metadata(&path) {
            Ok(meta) => {
                let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
            }
            Err(_) => {
                // A temporary file is private (0600); a new output is not.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let _ = std::fs::set_permissions(
                        tmp.path(),
                        std::fs::Permissions::from_mode(0o644),
                    );
                }
            }
        }
        tmp.persist(&path)
            .map_err(|e| e.error)
            .with_context(|| format!("{}: cannot replace", path.display()))?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// A unified diff of `old` to `new`, with `a/` and `b/` headers.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
