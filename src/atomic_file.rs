//! Replacing a file so that readers see the old contents or the new, never a torn mix.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `contents` to a temporary file beside `path`, syncs it, renames it
/// over `path`, then syncs the directory so the rename itself survives a
/// crash. On failure the temporary file is removed and `path` is untouched.
pub(crate) fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(file_name);
    temp_name.push(format!(".tmp.{}", std::process::id()));
    let temp_path = directory.join(temp_name);

    let result = write_and_rename(&temp_path, path, contents, &directory);
    if result.is_err() {
        let _ = fs::remove_file(&temp_path);
    }
    result
}

fn write_and_rename(
    temp_path: &Path,
    path: &Path,
    contents: &[u8],
    directory: &Path,
) -> io::Result<()> {
    let mut temp = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(temp_path)?;
    temp.write_all(contents)?;
    temp.sync_all()?;
    drop(temp);
    fs::rename(temp_path, path)?;
    sync_directory(directory)
}

#[cfg(unix)]
fn sync_directory(directory: &Path) -> io::Result<()> {
    File::open(directory)?.sync_all()
}

#[cfg(not(unix))]
fn sync_directory(_directory: &Path) -> io::Result<()> {
    // Windows cannot open a directory as a file; its rename is already durable enough.
    Ok(())
}
