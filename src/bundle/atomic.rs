//! Writing a file so that a reader sees all of it or none of it.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::ExportError;

/// Writes `bytes` to `path` so that a reader (or a pulled USB stick) sees the
/// whole file or none, and never overwrites: see [`replace_atomically`].
///
/// Temporary files of this name left by an earlier attempt (a pulled stick, a
/// killed process) are removed first: the caller is the only writer of this
/// name (an export holds the store's write lock; its file name carries the
/// point and the sequence number).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    if path.exists() {
        return Err(ExportError::Exists(path.to_path_buf()));
    }
    if let (Some(dir), Some(name)) = (path.parent(), path.file_name()) {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let stem = format!(".{}.", name.to_string_lossy());
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if n.starts_with(&stem) && n.ends_with("partial") {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
    replace_atomically(path, bytes, 0o600).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Puts `bytes` at `path` (replacing what is there) through a temporary file
/// in the same directory, fsync, rename and an fsync of the directory. The
/// temporary name is this process's own (pid, time, a counter), so two
/// writers never share one; a failure removes it.
pub fn replace_atomically(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{}.{}-{nanos}-{}.partial",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        File::open(dir)?.sync_all()
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}
