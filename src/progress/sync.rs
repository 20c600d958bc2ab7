//! The sync folder: every device's history in a file of its own, read by the others.
//!
//! A device writes only `<its id>.jsonl` (a copy of its history, replaced
//! atomically) and reads every file, its own too: a home restored from an
//! older copy, or copied to a second machine, finds there changes of its
//! own that it lacks, takes them in and becomes a new device, so its file
//! is only ever replaced by a superset of what it held. A file-sync tool
//! has nothing to make conflict copies of. A file still being copied gives
//! the whole lines it has so far; the rest comes with the next sync.
//!
//! A folder kept in git gets a `.gitattributes` that tells git to leave
//! the device files' bytes alone; lines whose ends were converted to
//! `\r\n` anyway (an older checkout, the user's own attributes) still read.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::history::{SUM_TAIL_LENGTH, decode_prefix, sum_at_end};
use super::{Change, ChangeId, MAX_HISTORY_BYTES, Suspect, Timestamp, check_incoming};
use crate::atomic_file::{Durability, is_temporary_of, write_atomically};
use crate::plain_file::{self, FileProblem, Links};

/// What the device files in the folder held that was not read before.
#[derive(Debug, Default)]
pub(crate) struct FolderRead {
    /// The changes that passed [`check_incoming`], this device's own file's included.
    pub changes: Vec<Change>,
    /// Why changes were refused, in the order met.
    pub refused: Vec<Suspect>,
    /// The identities in this device's own file that were new to this read.
    pub own: Vec<ChangeId>,
    /// Files or parts of files that could not be read: (file, why).
    pub skipped: Vec<(PathBuf, Skipped)>,
    /// How far each file has now been read; saved once the merge is committed.
    pub marks: ReadMarks,
}

/// Why a file or part of one was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Skipped {
    File(FileProblem),
    /// A line that does not read: (line, why); the lines before it count.
    Line(usize, super::LineProblem),
}

/// How far each device file of one sync folder was read: its length then
/// and the checksum its last line carried. A file that still has that
/// checksum at that length only grew since (device files are only ever
/// replaced by supersets, and each line's checksum covers every line
/// before it), so the next sync reads only what follows. Derived data:
/// kept in the home's cache, and a file that no longer matches is read
/// whole again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct ReadMarks {
    files: BTreeMap<String, Mark>,
    /// Where this home's own history ended when the marks were kept. A
    /// history that does not extend it (a restored backup, a rebuilt
    /// history) has lost changes the marks say were read: they are dropped.
    #[serde(default)]
    home: Option<Mark>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Mark {
    bytes: u64,
    last: String,
}

/// The marks are small; anything larger is not smm-path's.
const MAX_MARKS_BYTES: u64 = 16 * 1024 * 1024;

impl ReadMarks {
    /// The marks kept at `path`; none when there are none or they do not read.
    pub(crate) fn load(path: &Path) -> ReadMarks {
        plain_file::read(path, MAX_MARKS_BYTES, Links::Refuse)
            .ok()
            .flatten()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Keeps the marks at `path`; best effort, as for every cache.
    pub(crate) fn save(&self, path: &Path) {
        if let Ok(bytes) = serde_json::to_vec(self) {
            if let Some(directory) = path.parent() {
                let _ = fs::create_dir_all(directory);
            }
            let _ = write_atomically(path, &bytes, Durability::Cache);
        }
    }

    /// Records that the file `name` was `bytes` long, its last line
    /// carrying the checksum `last`.
    pub(crate) fn set(&mut self, name: &str, bytes: u64, last: &str) {
        self.files.insert(
            name.to_string(),
            Mark {
                bytes,
                last: last.to_string(),
            },
        );
    }

    /// Records where this home's history ends as the marks are kept.
    pub(crate) fn set_home(&mut self, bytes: u64, last: &str) {
        self.home = Some(Mark {
            bytes,
            last: last.to_string(),
        });
    }

    /// Where this home's history ended when the marks were kept.
    pub(crate) fn home(&self) -> Option<(u64, &str)> {
        self.home
            .as_ref()
            .map(|mark| (mark.bytes, mark.last.as_str()))
    }

    /// Whether the file `name` was last seen `bytes` long ending with `last`.
    pub(crate) fn is_at(&self, name: &str, bytes: u64, last: &str) -> bool {
        self.files
            .get(name)
            .is_some_and(|mark| mark.bytes == bytes && mark.last == last)
    }
}

/// Where the marks of the sync folder `folder` are kept, in `cache`.
pub(crate) fn marks_path(cache: &Path, folder: &Path) -> PathBuf {
    let folder = fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let hash = xxhash_rust::xxh3::xxh3_64(folder.as_os_str().as_encoded_bytes());
    cache.join(format!("sync-{hash:016x}.json"))
}

/// This device's file in `folder`.
pub(crate) fn own_file(folder: &Path, device: &str) -> PathBuf {
    folder.join(format!("{device}.jsonl"))
}

/// Reads what every device file in `folder` gained since `marks`, and
/// checks each change as [`check_incoming`] does. Each file is checked
/// before it is read (a plain file, not a link, within the history's size
/// limit), so a runaway or hostile file costs no memory. A file's mark
/// stops before its first refused change, so a change refused today (a
/// clock a day ahead) is weighed again by the next sync.
pub(crate) fn read_folder(
    folder: &Path,
    device: &str,
    marks: &ReadMarks,
    now: Timestamp,
) -> io::Result<FolderRead> {
    read_folder_checking(folder, device, marks, |change| check_incoming(change, now))
}

/// Every change in every device file of `folder`, as they are (a mentor's
/// `cohort` report reads learners' folders whole).
pub(crate) fn read_whole_folder(folder: &Path) -> io::Result<FolderRead> {
    read_folder_checking(folder, "", &ReadMarks::default(), |_| Ok(()))
}

fn read_folder_checking(
    folder: &Path,
    device: &str,
    marks: &ReadMarks,
    check: impl Fn(&Change) -> Result<(), Suspect>,
) -> io::Result<FolderRead> {
    let mut read = FolderRead {
        marks: marks.clone(),
        ..FolderRead::default()
    };
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
        let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        let name = name.to_string();
        let size = match plain_file::check(&path, MAX_HISTORY_BYTES, Links::Refuse) {
            Ok(Some(size)) => size,
            Ok(None) => continue,
            Err(problem) => {
                read.skipped.push((path, Skipped::File(problem)));
                continue;
            }
        };
        let (start, previous) = match marks.files.get(&name) {
            Some(mark) if mark.bytes <= size && sum_matches_at(&path, mark) => {
                (mark.bytes, mark.last.clone())
            }
            _ => (0, String::new()),
        };
        let bytes = match plain_file::read_from(&path, start, MAX_HISTORY_BYTES, Links::Refuse) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => continue,
            Err(problem) => {
                read.skipped.push((path, Skipped::File(problem)));
                continue;
            }
        };
        let (decoded, error) = decode_prefix(&bytes, &previous);
        if let Some(error) = error {
            read.skipped
                .push((path.clone(), Skipped::Line(error.line, error.reason)));
        }
        let mut first_refused = None;
        for (index, change) in decoded.changes.into_iter().enumerate() {
            if path == own {
                read.own.push(change.id.clone());
            }
            match check(&change) {
                Ok(()) => read.changes.push(change),
                Err(suspect) => {
                    first_refused.get_or_insert(index);
                    read.refused.push(suspect);
                }
            }
        }
        let (read_to, last) = match first_refused {
            None => (decoded.whole_bytes, decoded.last_sum),
            Some(index) => {
                // The mark stops at the end of the line before it.
                let end = bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, byte)| **byte == b'\n')
                    .map(|(at, _)| at + 1)
                    .nth(index.wrapping_sub(1));
                match (index, end) {
                    (0, _) | (_, None) => (0, previous.clone()),
                    (_, Some(end)) => (
                        end as u64,
                        sum_at_end(&bytes[..end]).unwrap_or_default().to_string(),
                    ),
                }
            }
        };
        read.marks.set(&name, start + read_to, &last);
    }
    Ok(read)
}

/// Whether the file at `path` still ends, at the mark's length, with the
/// line carrying the mark's checksum.
fn sum_matches_at(path: &Path, mark: &Mark) -> bool {
    if mark.bytes == 0 {
        return mark.last.is_empty();
    }
    let from = mark.bytes.saturating_sub(SUM_TAIL_LENGTH);
    let Ok(Some(bytes)) = plain_file::read_from(path, from, MAX_HISTORY_BYTES, Links::Refuse)
    else {
        return false;
    };
    let length = usize::try_from(mark.bytes - from).unwrap_or(usize::MAX);
    bytes.len() >= length && sum_at_end(&bytes[..length]) == Some(mark.last.as_str())
}

/// How old another device's temporary file must be before it counts as
/// left behind: a write takes milliseconds, and a sync tool may still be
/// carrying a live one.
const ABANDONED_AFTER: Duration = Duration::from_hours(1);

/// Removes temporary files that interrupted writes of device files left
/// in `folder` (a sync tool would carry them to every device): this
/// device's at once (its home is locked, so none of its writes is under
/// way), other devices' once they are an hour old. Returns how many.
pub(crate) fn remove_leftovers(folder: &Path, device: &str) -> usize {
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

/// The `.gitattributes` smm-path writes into a sync folder kept in git.
/// `-text` rather than `text eol=lf`: git then never converts these
/// files, on any checkout or commit, so each device's file stays byte for
/// byte what it wrote (its lines' checksums are over those bytes, and the
/// read marks are byte offsets), and nothing is "normalized" in a commit
/// that every other device would then have to take in.
pub(crate) const GITATTRIBUTES: &str = "\
# Written by smm-path: the device files (*.jsonl) are chained by checksums
# over their exact bytes, so git must not convert their line ends.
*.jsonl -text
";

/// Writes [`GITATTRIBUTES`] as `.gitattributes` into `folder` when the
/// folder is in a git working tree (it or a folder above it holds `.git`,
/// a folder, or a file in a worktree or submodule) and has no
/// `.gitattributes` of its own; returns its path when it wrote one. One
/// already there is the user's, and is left as it is, whatever it says:
/// smm-path reads `\r\n` line ends too, so nothing depends on it.
pub(crate) fn write_gitattributes(folder: &Path) -> io::Result<Option<PathBuf>> {
    use std::io::Write;
    // The folders above a relative path are found in its canonical form,
    // which on Windows is a `\\?\` path: it is not the one to print.
    if !fs::canonicalize(folder)?
        .ancestors()
        .any(|dir| dir.join(".git").exists())
    {
        return Ok(None);
    }
    let path = folder.join(".gitattributes");
    // Never over a file that is there, even one made a moment ago.
    let mut file = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => return Ok(None),
        Err(error) => return Err(error),
    };
    file.write_all(GITATTRIBUTES.as_bytes())?;
    file.sync_all()?;
    Ok(Some(path))
}

/// Replaces this device's file in `folder` with `history`.
pub(crate) fn write_own(folder: &Path, device: &str, history: &[u8]) -> io::Result<PathBuf> {
    let path = own_file(folder, device);
    write_atomically(&path, history, Durability::Synced)?;
    Ok(path)
}
