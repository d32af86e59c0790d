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
/// temporary file is removed; on Ctrl-C too (see `interrupt`).
pub struct AtomicFile {
    path: std::path::PathBuf,
    /// Taken by `commit`.
    out: Option<std::io::BufWriter<tempfile::NamedTempFile>>,
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
        super::interrupt::begun(tmp.path(), path);
        Ok(AtomicFile {
            path: path.to_owned(),
            out: Some(std::io::BufWriter::with_capacity(256 << 10, tmp)),
        })
    }

    /// Flushes, syncs and renames the temporary file over the path. When
    /// replacing an existing file, its permissions are kept.
    pub fn commit(mut self) -> Result<()> {
        let Some(out) = self.out.take() else {
            return Ok(());
        };
        let tmp_path = out.get_ref().path().to_owned();
        let result = persist(out, &self.path);
        super::interrupt::ended(&tmp_path, result.is_ok().then_some(self.path.as_path()));
        result
    }

    fn writer(&mut self) -> std::io::Result<&mut std::io::BufWriter<tempfile::NamedTempFile>> {
        self.out
            .as_mut()
            .ok_or_else(|| std::io::Error::other("the file was already committed"))
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(out) = &self.out {
            super::interrupt::ended(out.get_ref().path(), None);
        }
    }
}

/// Flushes, syncs and renames `out`'s temporary file over `path`.
fn persist(out: std::io::BufWriter<tempfile::NamedTempFile>, path: &Path) -> Result<()> {
    let tmp = out
        .into_inner()
        .map_err(|e| e.into_error())
        .and_then(|tmp| tmp.as_file().sync_all().map(|()| tmp))
        .with_context(|| format!("{}: cannot write", path.display()))?;
    // Best effort: a file we may replace but not chmod still gets written.
    match std::fs::metadata(path) {
        Ok(meta) => {
            let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
        }
        Err(_) => {
            // A temporary file is private (0600); a new output is not.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ =
                    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644));
            }
        }
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot replace", path.display()))?;
    Ok(())
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writer()?.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer()?.flush()
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
