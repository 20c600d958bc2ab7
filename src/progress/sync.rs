//! The sync folder: every device's history in a file of its own, read by the others.
//!
//! A device writes only `<its id>.jsonl` (a copy of its history, replaced
//! atomically) and reads every file, its own too: a home restored from an
//! older copy, or copied to a second machine, finds there changes of its
//! own that it lacks, takes them in and becomes a new device, so its file
//! is only ever replaced by a superset of what it held. A file-sync tool
//! has nothing to make conflict copies of. A file still being copied gives
//! the whole lines it has so far; the rest comes with the next sync.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::history::decode_prefix;
use super::{Change, ChangeId, MAX_HISTORY_BYTES};
use crate::atomic_file::{Durability, is_temporary_of, write_atomically};
use crate::plain_file::{self, FileProblem, Links};

/// What the device files in the folder held.
#[derive(Debug, Default)]
pub struct FolderRead {
    /// Every readable change, this device's own file's included.
    pub changes: Vec<Change>,
    /// The identities in this device's own file, if it has one.
    pub own: Option<Vec<ChangeId>>,
    /// Files read, and how many of their changes could be read.
    pub files: Vec<(PathBuf, usize)>,
    /// Files or parts of files that could not be read: (file, why).
    pub skipped: Vec<(PathBuf, Skipped)>,
}

/// Why a file or part of one was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    File(FileProblem),
    /// A line that does not read: (line, why); the lines before it count.
    Line(usize, super::LineProblem),
}

/// This device's file in `folder`.
pub fn own_file(folder: &Path, device: &str) -> PathBuf {
    folder.join(format!("{device}.jsonl"))
}

/// Reads every device file in `folder`. Each is checked before it is read
/// (a plain file, not a link, within the history's size limit), so a
/// runaway or hostile file costs no memory.
pub fn read_folder(folder: &Path, device: &str) -> io::Result<FolderRead> {
    let mut read = FolderRead::default();
    let own = own_file(folder, device);
    let mut paths: Vec<PathBuf> = match fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
            .collect(),
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(read),
        Err(error) => return Err(error),
    };
    paths.sort();
    for path in paths {
        let bytes = match plain_file::read(&path, MAX_HISTORY_BYTES, Links::Refuse) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => continue,
            Err(problem) => {
                read.skipped.push((path, Skipped::File(problem)));
                continue;
            }
        };
        let (decoded, error) = decode_prefix(&bytes, "");
        drop(bytes);
        if let Some(error) = error {
            read.skipped
                .push((path.clone(), Skipped::Line(error.line, error.reason)));
        }
        if path == own {
            read.own = Some(decoded.changes.iter().map(|c| c.id.clone()).collect());
        }
        read.files.push((path, decoded.changes.len()));
        read.changes.extend(decoded.changes);
    }
    Ok(read)
}

/// How old another device's temporary file must be before it counts as
/// left behind: a write takes milliseconds, and a sync tool may still be
/// carrying a live one.
const ABANDONED_AFTER: Duration = Duration::from_secs(60 * 60);

/// Removes temporary files that interrupted writes of device files left
/// in `folder` (a sync tool would carry them to every device): this
/// device's at once (its home is locked, so none of its writes is under
/// way), other devices' once they are an hour old. Returns how many.
pub fn remove_leftovers(folder: &Path, device: &str) -> usize {
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    let own = format!("{device}.jsonl");
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let Some(target) = temporary_target(&path) else {
            continue;
        };
        let abandoned = target == own
            || entry
                .metadata()
                .ok()
                .and_then(|metadata| metadata.modified().ok())
                .and_then(|modified| SystemTime::now().duration_since(modified).ok())
                .is_some_and(|age| age >= ABANDONED_AFTER);
        if abandoned && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The device file a temporary file `.<device>.jsonl.<random>.tmp` was for.
fn temporary_target(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let target = name.strip_prefix('.')?.split(".jsonl.").next()?;
    let target = format!("{target}.jsonl");
    is_temporary_of(path, &target).then_some(target)
}

/// Replaces this device's file in `folder` with `history`.
pub fn write_own(folder: &Path, device: &str, history: &[u8]) -> io::Result<PathBuf> {
    let path = own_file(folder, device);
    write_atomically(&path, history, Durability::Synced)?;
    Ok(path)
}
