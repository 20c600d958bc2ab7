//! Replacing a file so that readers see the old contents or the new, never a torn mix.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::crash_point::{crash_point, is_injected_refusal, refused_rename};

/// How much a replaced file must survive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Durability {
    /// The user's data: synced to disk before and after the rename.
    Synced,
    /// Derived data that is checked on reading: never torn, but a power cut
    /// may lose it. It holds the notes too, so only its owner may read it.
    Cache,
}

/// Whether `path` is a temporary file of a write to a file named `name`:
/// `.<name>.<random>.tmp`.
pub(crate) fn is_temporary_of(path: &Path, name: &str) -> bool {
    path.file_name()
        .and_then(|file_name| file_name.to_str())
        .and_then(|file_name| file_name.strip_prefix('.'))
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|random| random.len() == 16 && random.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Writes `contents` to a new temporary file beside `path`, syncs it,
/// renames it over `path`, then syncs the directory so the rename itself
/// survives a crash. The temporary file is created exclusively under an
/// unpredictable name, so a link planted in its place is never followed,
/// and it takes the mode of the file it replaces. On failure it is removed
/// and `path` is untouched.
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
    let existing = fs::metadata(path)
        .ok()
        .map(|metadata| metadata.permissions());
    let (temp_path, temp) = create_temporary(&directory, file_name, durability)?;
    let result = write_and_rename(
        temp, &temp_path, path, contents, existing, &directory, durability,
    );
    if result.is_err() {
        let _ = fs::remove_file(&temp_path);
    }
    result
}

/// Creates `.<name>.<16 random hex digits>.tmp` in `directory`, failing
/// rather than opening anything already there.
fn create_temporary(
    directory: &Path,
    file_name: &std::ffi::OsStr,
    durability: Durability,
) -> io::Result<(PathBuf, File)> {
    for _ in 0..16 {
        let mut random = [0u8; 8];
        getrandom::fill(&mut random).map_err(|error| io::Error::other(error.to_string()))?;
        let random: String = random.iter().map(|byte| format!("{byte:02x}")).collect();
        let mut name = std::ffi::OsString::from(".");
        name.push(file_name);
        name.push(format!(".{random}.tmp"));
        let temp_path = directory.join(name);
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(match durability {
                Durability::Synced => 0o666,
                Durability::Cache => 0o600,
            });
        }
        // Windows has no mode bits to give a new file: a cache there is as
        // private as the profile folder it is in.
        #[cfg(not(unix))]
        let _ = durability;
        match options.open(&temp_path) {
            Ok(file) => return Ok((temp_path, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free temporary file name",
    ))
}

fn write_and_rename(
    mut temp: File,
    temp_path: &Path,
    path: &Path,
    contents: &[u8],
    permissions: Option<fs::Permissions>,
    directory: &Path,
    durability: Durability,
) -> io::Result<()> {
    temp.write_all(contents)?;
    if let Some(permissions) = permissions {
        temp.set_permissions(permissions)?;
    }
    if durability == Durability::Synced {
        crash_point("after-temp-write");
        temp.sync_all()?;
        crash_point("after-temp-sync");
    }
    drop(temp);
    rename_patiently(temp_path, path)?;
    if durability == Durability::Synced {
        crash_point("after-rename");
        sync_directory(directory)?;
    }
    Ok(())
}

/// The pauses between attempts at a rename that was refused for a moment:
/// about a second and a half in all: room for the moment a virus scan or
/// a sync tool's upload holds a small file, short enough to wait for.
const RENAME_PAUSES_MS: [u64; 7] = [10, 20, 50, 100, 200, 400, 700];

/// Renames `from` over `to`, trying again for a moment when the rename is
/// refused because another program holds the file open (see
/// [`is_momentary_refusal`]). A refusal that outlasts the pauses is
/// reported as [`io::ErrorKind::ResourceBusy`], worded "in use by another
/// program, or cannot be replaced": on Windows "access denied" is what a
/// file held open by an antivirus most often gives (std's rename already
/// gets past a read-only attribute), so it is not worded as a permission.
pub(crate) fn rename_patiently(from: &Path, to: &Path) -> io::Result<()> {
    let mut pauses = RENAME_PAUSES_MS.iter();
    loop {
        let error = match refused_rename().map_or_else(|| fs::rename(from, to), Err) {
            Ok(()) => return Ok(()),
            Err(error) => error,
        };
        if !is_momentary_refusal(&error) {
            return Err(error);
        }
        match pauses.next() {
            Some(&pause) => std::thread::sleep(Duration::from_millis(pause)),
            None => return Err(io::Error::new(io::ErrorKind::ResourceBusy, error)),
        }
    }
}

/// Whether a refused rename may succeed a moment later. On Windows a file
/// another program has open without sharing it for deletion (an antivirus
/// scanning the new file, OneDrive or Dropbox uploading the old one, an
/// editor) cannot be replaced: the rename fails with a sharing violation
/// (32), a lock violation (33) or "access denied" (5) until that program
/// lets go, usually within milliseconds. On Unix a rename never waits on
/// another program's open file: EACCES and EPERM there mean the folder's
/// permissions, which no waiting changes, so nothing is retried.
fn is_momentary_refusal(error: &io::Error) -> bool {
    if is_injected_refusal(error) {
        return true;
    }
    if cfg!(windows) {
        matches!(error.raw_os_error(), Some(5 | 32 | 33))
    } else {
        false
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_keeping_the_mode_and_leaves_no_temporary_file() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("file.yaml");
        fs::write(&path, "old").unwrap();
        // Modes are Unix's; on Windows the replacing alone is checked.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        }
        write_atomically(&path, b"new", Durability::Synced).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        let names: Vec<_> = fs::read_dir(directory.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
        assert!(is_temporary_of(
            Path::new(".file.yaml.0123456789abcdef.tmp"),
            "file.yaml"
        ));
        assert!(!is_temporary_of(
            Path::new(".file.yaml.tmp.123"),
            "file.yaml"
        ));
    }
}
