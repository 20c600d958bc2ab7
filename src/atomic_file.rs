//! Replacing a file so that readers see the old contents or the new, never a torn mix.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::crash_point::crash_point;

/// How much a replaced file must survive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Durability {
    /// The user's data: synced to disk before and after the rename.
    Synced,
    /// Derived data that is checked on reading: never torn, but a power cut may lose it.
    Cache,
}

/// Writes `contents` to a temporary file beside `path`, syncs it, renames it
/// over `path`, then syncs the directory so the rename itself survives a
/// crash. On failure the temporary file is removed and `path` is untouched.
pub(crate) fn write_atomically(
    path: &Path,
    contents: &[u8],
    durability: Durability,
) -> io::Result<()> {
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

    let result = write_and_rename(&temp_path, path, contents, &directory, durability);
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
    durability: Durability,
) -> io::Result<()> {
    let mut temp = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(temp_path)?;
    temp.write_all(contents)?;
    if durability == Durability::Synced {
        crash_point("after-temp-write");
        temp.sync_all()?;
        crash_point("after-temp-sync");
    }
    drop(temp);
    fs::rename(temp_path, path)?;
    if durability == Durability::Synced {
        crash_point("after-rename");
        sync_directory(directory)?;
    }
    Ok(())
}

/// Syncs a directory, so that a rename or a new file in it survives a crash.
#[cfg(unix)]
pub(crate) fn sync_directory(directory: &Path) -> io::Result<()> {
    File::open(directory)?.sync_all()
}

#[cfg(not(unix))]
pub(crate) fn sync_directory(_directory: &Path) -> io::Result<()> {
    // Windows cannot open a directory as a file; its rename is already durable enough.
    Ok(())
}
