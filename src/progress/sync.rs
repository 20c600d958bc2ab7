//! The sync folder: every device's history in a file of its own, read by the others.
//!
//! A device writes only `<its id>.jsonl` (a copy of its history, replaced
//! atomically) and only reads the others, so no two devices ever write the
//! same file and a file-sync tool has nothing to make conflict copies of.
//! A file still being copied gives the whole lines it has so far; the rest
//! comes with the next sync.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::history::decode_prefix;
use super::{Change, MAX_STATE_BYTES};
use crate::atomic_file::{Durability, write_atomically};

/// What the other devices' files held.
#[derive(Debug, Default)]
pub struct FolderRead {
    pub changes: Vec<Change>,
    /// Files read, and how many of their changes could be read.
    pub files: Vec<(PathBuf, usize)>,
    /// Files or parts of files that could not be read: (file, why).
    pub skipped: Vec<(PathBuf, String)>,
}

/// This device's file in `folder`.
pub fn own_file(folder: &Path, device: &str) -> PathBuf {
    folder.join(format!("{device}.jsonl"))
}

/// Reads every device file in `folder` but `device`'s own.
pub fn read_folder(folder: &Path, device: &str) -> io::Result<FolderRead> {
    let mut read = FolderRead::default();
    let own = format!("{device}.jsonl");
    let mut paths: Vec<PathBuf> = match fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
            .filter(|path| path.file_name().is_some_and(|name| name != own.as_str()))
            .collect(),
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(read),
        Err(error) => return Err(error),
    };
    paths.sort();
    for path in paths {
        // Only plain files: a FIFO would block, a link could point anywhere.
        match fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.is_file() => {}
            _ => {
                read.skipped.push((path, "not a plain file".to_string()));
                continue;
            }
        }
        let mut bytes = Vec::new();
        let opened = fs::File::open(&path)
            .and_then(|file| file.take(4 * MAX_STATE_BYTES).read_to_end(&mut bytes));
        if let Err(error) = opened {
            read.skipped.push((path, error.to_string()));
            continue;
        }
        let (decoded, error) = decode_prefix(&bytes, "");
        if let Some(error) = error {
            read.skipped.push((
                path.clone(),
                format!("line {}: {}", error.line, error.reason),
            ));
        }
        read.files.push((path, decoded.changes.len()));
        read.changes.extend(decoded.changes);
    }
    Ok(read)
}

/// Replaces this device's file in `folder` with `history`.
pub fn write_own(folder: &Path, device: &str, history: &[u8]) -> io::Result<PathBuf> {
    let path = own_file(folder, device);
    write_atomically(&path, history, Durability::Synced)?;
    Ok(path)
}
