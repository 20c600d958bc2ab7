//! The layout of a home: which file is where, what a copy of it does not carry, and what is left over.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64;

use super::*;
use crate::atomic_file::is_temporary_of;

pub(super) const STATE_FILE: &str = "progress.yaml";

pub(super) const HISTORY_FILE: &str = "history.jsonl";

/// Where a format 2 history is kept once converted: never deleted.
pub(super) const LEGACY_HISTORY_FILE: &str = "history-v2.jsonl";

/// The snapshot as read, in MessagePack (see `cache`).
pub(super) const STATE_CACHE_FILE: &str = "cache/progress.bin";
/// The snapshot without its notes, for the views that show none.
pub(super) const OVERVIEW_CACHE_FILE: &str = "cache/progress-overview.bin";
/// The JSON caches of the two above an earlier smm-path kept: removed
/// when the new ones are written, as nothing reads them any more.
pub(super) const LEGACY_CACHE_FILES: [&str; 2] =
    ["cache/progress.json", "cache/progress-overview.json"];
/// The snapshot's fingerprint, known again from what the file system says.
pub(super) const FINGERPRINT_MEMO_FILE: &str = "cache/progress.stat";

pub(super) const BACKUP_FILE: &str = "progress.yaml.bak";

impl ProgressStore {
    /// Temporary files an interrupted write left in the home directory.
    pub fn leftover_temporary_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(&self.home) else {
            return Vec::new();
        };
        let mut leftovers: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                [STATE_FILE, BACKUP_FILE, HISTORY_FILE]
                    .iter()
                    .any(|name| is_temporary_of(path, name))
            })
            .collect();
        leftovers.sort();
        leftovers
    }

    /// Copies a file-sync tool made when two devices wrote the same file,
    /// known by each tool's naming (see [`super::conflicts`]).
    pub fn conflict_copies(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(&self.home) else {
            return Vec::new();
        };
        let mut copies: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.file_name()
                    .and_then(|name| name.to_str())
                    .and_then(super::conflicts::conflict_copy_of)
                    .is_some()
            })
            .collect();
        copies.sort();
        copies
    }

    /// A home that exists must be a directory: a file there would give
    /// every command an obscure "File exists" or "Not a directory".
    pub(super) fn check_home(&self) -> Result<(), StoreError> {
        match fs::metadata(&self.home) {
            Ok(metadata) if !metadata.is_dir() => Err(StoreError::HomeNotDirectory {
                path: self.home.clone(),
            }),
            _ => Ok(()),
        }
    }

    /// Whether a file can be made in the home (for `doctor`): creates and
    /// removes a probe file. A home not made yet counts as writable when its
    /// nearest existing parent is.
    pub fn probe_writable(&self) -> io::Result<()> {
        let directory = self
            .home
            .ancestors()
            .find(|path| path.exists())
            .unwrap_or(&self.home);
        let probe = directory.join(format!(".smm-path-probe-{}", std::process::id()));
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)?;
        fs::remove_file(&probe)
    }

    /// The file a write replaces: the state file, or, when it is a symbolic
    /// link (as dotfile managers make), the file it points to, so the link
    /// survives.
    pub(super) fn write_target(&self) -> PathBuf {
        let path = self.path();
        match fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                fs::canonicalize(&path).unwrap_or(path)
            }
            _ => path,
        }
    }
}

/// A new random device id: 16 hexadecimal digits, starting with a letter
/// so that no YAML reader takes it for a number.
pub(super) fn new_device_id() -> String {
    let mut bytes = [0u8; 8];
    if getrandom::fill(&mut bytes).is_err() {
        // No system randomness: the time and the process still tell devices apart.
        let seed = format!("{:?} {}", std::time::SystemTime::now(), std::process::id());
        bytes = xxh3_64(seed.as_bytes()).to_le_bytes();
    }
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    let first = char::from(b'a' + (bytes[0] % 6));
    format!("{first}{}", &hex[1..])
}

/// What identifies the folder `home` is in and that a copy of it does not
/// carry along: the folder's file-system identity (device and inode on Unix,
/// volume serial number and file index on Windows, the creation time on
/// other systems) and the machine's id, hashed. Empty when none of it can be
/// read. Moving the folder within one disk keeps it; a copy, a restore into
/// a new folder or another machine changes it.
pub(super) fn home_identity(home: &Path) -> String {
    folder_identity(home).map_or_else(String::new, with_machine)
}

/// Whether `recorded` is what builds before this one recorded for the folder
/// `home` is in, so the home is not taken for a copy of itself when the
/// identity is recorded anew. On Windows they hashed the folder's creation
/// time, which Wine reports as its change time (new after every write) and
/// a copy tool may carry along; the file index does neither.
pub(super) fn is_earlier_identity_of(recorded: &str, home: &Path) -> bool {
    #[cfg(windows)]
    {
        let created = fs::metadata(home).and_then(|metadata| metadata.created());
        created.is_ok_and(|created| with_machine(format!("{created:?}")) == recorded)
    }
    #[cfg(not(windows))]
    {
        let _ = (recorded, home);
        false
    }
}

#[cfg(unix)]
fn folder_identity(home: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let metadata = fs::metadata(home).ok()?;
    Some(format!("{} {}", metadata.dev(), metadata.ino()))
}

#[cfg(windows)]
fn folder_identity(home: &Path) -> Option<String> {
    // Opened for its file id only, sharing everything, so no write or
    // rename in the folder waits on it.
    let handle = winapi_util::Handle::from_path_any(home).ok()?;
    let information = winapi_util::file::information(&handle).ok()?;
    Some(format!(
        "{} {}",
        information.volume_serial_number(),
        information.file_index()
    ))
}

#[cfg(not(any(unix, windows)))]
fn folder_identity(home: &Path) -> Option<String> {
    let created = fs::metadata(home).ok()?.created().ok()?;
    Some(format!("{created:?}"))
}

/// `folder` and the machine's id, hashed.
fn with_machine(folder: String) -> String {
    let machine = crate::plain_file::read(
        Path::new("/etc/machine-id"),
        4096,
        crate::plain_file::Links::Follow,
    )
    .ok()
    .flatten()
    .unwrap_or_default();
    let mut text = folder.into_bytes();
    text.push(b' ');
    text.extend_from_slice(machine.trim_ascii());
    format!("{:016x}", xxh3_64(&text))
}

/// When a file was last modified, with the local offset.
pub(super) fn modified_time(path: &Path) -> Option<super::Timestamp> {
    let modified = fs::metadata(path).ok()?.modified().ok()?;
    let local: chrono::DateTime<chrono::Local> = modified.into();
    let at = local.fixed_offset();
    use chrono::Timelike;
    Some(at.with_nanosecond(0).unwrap_or(at))
}
