//! The only code that touches the progress files: reading, locking, atomic saving.
//!
//! The home directory holds two files with one commit point:
//!
//! - `progress.yaml`, the current state, only ever replaced whole (temporary
//!   file, sync, rename, sync the directory);
//! - `history.jsonl`, one JSON event per line, only ever appended to.
//!
//! A change takes an exclusive OS lock on `progress.yaml.lock`, reads the
//! state only after holding it (so concurrent commands queue instead of
//! overwriting each other), appends its events to the history and syncs it,
//! then replaces `progress.yaml` with one recording the history's new
//! committed length. That rename is the commit: a crash before it leaves
//! bytes past the committed length, which readers ignore and the next writer
//! cuts off. A file that cannot be read or parsed is reported and never
//! overwritten. The lock file may stay behind: the lock is the OS lock.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Event, SCHEMA_VERSION, State};
use crate::atomic_file::{Durability, sync_directory, write_atomically};
use crate::cache::{self, Fingerprint};
use crate::crash_point::crash_point;
use crate::yaml;

const STATE_FILE: &str = "progress.yaml";
const HISTORY_FILE: &str = "history.jsonl";
const LOCK_FILE: &str = "progress.yaml.lock";
const STATE_CACHE_FILE: &str = "cache/progress.json";
const BACKUP_FILE: &str = "progress.yaml.bak";

/// Far beyond any real progress (100,000 steps with notes take 45 MB), and
/// small enough that a runaway file is refused before it is read.
pub const MAX_STATE_BYTES: u64 = 256 * 1024 * 1024;

/// Why the progress could not be read or saved.
#[derive(Debug)]
pub enum StoreError {
    Unreadable {
        path: PathBuf,
        reason: String,
    },
    NotUtf8 {
        path: PathBuf,
    },
    Invalid {
        path: PathBuf,
        line: u64,
        column: u64,
        reason: String,
    },
    NewerVersion {
        path: PathBuf,
        version: u32,
    },
    /// Parses, but lacks the closing `end: true`: cut short.
    CutShort {
        path: PathBuf,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
    },
    /// The history is shorter than committed, or a committed line does not parse.
    HistoryDamaged {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    Lock {
        path: PathBuf,
        reason: String,
    },
    Write {
        path: PathBuf,
        reason: String,
    },
}

/// The progress files of one smm-path home directory.
#[derive(Debug, Clone)]
pub struct ProgressStore {
    home: PathBuf,
}

impl ProgressStore {
    /// The store in `home` (nothing is created until something is saved).
    pub fn in_home(home: &Path) -> ProgressStore {
        ProgressStore {
            home: home.to_path_buf(),
        }
    }

    /// Where the state file is.
    pub fn path(&self) -> PathBuf {
        self.home.join(STATE_FILE)
    }

    /// Where the previous state is kept after every change.
    pub fn backup_path(&self) -> PathBuf {
        self.home.join(BACKUP_FILE)
    }

    /// Where the lock file is.
    pub fn lock_path(&self) -> PathBuf {
        self.home.join(LOCK_FILE)
    }

    /// The file a write replaces: the state file, or, when it is a symbolic
    /// link (as dotfile managers make), the file it points to, so the link
    /// survives.
    fn write_target(&self) -> PathBuf {
        let path = self.path();
        match fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                fs::canonicalize(&path).unwrap_or(path)
            }
            _ => path,
        }
    }

    /// Temporary files an interrupted write left in the home directory.
    pub fn leftover_temporary_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(&self.home) else {
            return Vec::new();
        };
        let mut leftovers: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.file_name()
                    .and_then(|name| name.to_str())
                    .is_some_and(|name| name.starts_with(&format!(".{STATE_FILE}.tmp.")))
            })
            .collect();
        leftovers.sort();
        leftovers
    }

    /// Where the history file is.
    pub fn history_path(&self) -> PathBuf {
        self.home.join(HISTORY_FILE)
    }

    /// Where parsed copies of slow-to-parse files are kept.
    pub fn cache_directory(&self) -> PathBuf {
        self.home.join("cache")
    }

    /// Reads the state; an absent file is an empty state.
    pub fn load(&self) -> Result<State, StoreError> {
        let path = self.path();
        let unreadable = |error: io::Error| StoreError::Unreadable {
            path: path.clone(),
            reason: error.to_string(),
        };
        match fs::metadata(&path) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(State::default()),
            Err(error) => return Err(unreadable(error)),
            Ok(metadata) if metadata.len() > MAX_STATE_BYTES => {
                return Err(StoreError::TooLarge {
                    path,
                    size: metadata.len(),
                });
            }
            Ok(_) => {}
        }
        let cache_path = self.home.join(STATE_CACHE_FILE);
        let fingerprint = Fingerprint::of_file(&path).map_err(unreadable)?;
        if let Some(state) = cache::read(&cache_path, &fingerprint) {
            return Ok(state);
        }
        let bytes = fs::read(&path).map_err(unreadable)?;
        let text =
            std::str::from_utf8(&bytes).map_err(|_| StoreError::NotUtf8 { path: path.clone() })?;
        let state = parse_state(text, &path)?;
        cache::write(&cache_path, &Fingerprint::of_bytes(&bytes), &state);
        Ok(state)
    }

    /// The committed history, all roadmaps, oldest first.
    pub fn read_history(&self, state: &State) -> Result<Vec<Event>, StoreError> {
        let path = self.history_path();
        let damaged = |line: usize, reason: String| StoreError::HistoryDamaged {
            path: path.clone(),
            line,
            reason,
        };
        let mut bytes = Vec::new();
        match File::open(&path) {
            Ok(file) => {
                file.take(state.history_length)
                    .read_to_end(&mut bytes)
                    .map_err(|error| damaged(0, error.to_string()))?;
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => return Err(damaged(0, error.to_string())),
        }
        if (bytes.len() as u64) < state.history_length {
            return Err(damaged(
                0,
                shorter_than_recorded(bytes.len() as u64, state.history_length),
            ));
        }
        bytes
            .split(|&byte| byte == b'\n')
            .enumerate()
            .filter(|(_, line)| !line.is_empty())
            .map(|(index, line)| {
                serde_json::from_slice::<Event>(line)
                    .map_err(|error| damaged(index + 1, error.to_string()))
            })
            .collect()
    }

    /// Runs `change` on the current state under the lock. `change` records
    /// what it did as events in its journal; when there are any, they are
    /// appended to the history and the new state is committed.
    pub fn update<R, E>(
        &self,
        change: impl FnOnce(&mut State, &mut Vec<Event>) -> Result<R, E>,
    ) -> Result<R, E>
    where
        E: From<StoreError>,
    {
        let lock = self.lock()?;
        let mut state = self.load()?;
        let mut journal = Vec::new();
        let result = change(&mut state, &mut journal)?;
        if !journal.is_empty() {
            self.append_history(&mut state, &journal)?;
            crash_point("after-history");
            // An older file is written back in the current format.
            state.version = SCHEMA_VERSION;
            state.end = true;
            self.save(&state)?;
        }
        drop(lock);
        Ok(result)
    }

    /// Runs `change` on the current state under the lock, for settings that
    /// are not steps' progress (a target date), and saves when it says it
    /// changed something. No history is recorded.
    pub fn update_settings(
        &self,
        change: impl FnOnce(&mut State) -> bool,
    ) -> Result<bool, StoreError> {
        let lock = self.lock()?;
        let mut state = self.load()?;
        let changed = change(&mut state);
        if changed {
            state.version = SCHEMA_VERSION;
            state.end = true;
            self.save(&state)?;
        }
        drop(lock);
        Ok(changed)
    }

    /// Creates the home directory if needed and takes the exclusive lock,
    /// held until the returned file is dropped.
    fn lock(&self) -> Result<File, StoreError> {
        fs::create_dir_all(&self.home).map_err(|error| StoreError::Write {
            path: self.home.clone(),
            reason: error.to_string(),
        })?;
        let lock_path = self.lock_path();
        let lock_error = |error: io::Error| StoreError::Lock {
            path: lock_path.clone(),
            reason: error.to_string(),
        };
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(lock_error)?;
        lock.lock().map_err(lock_error)?;
        Ok(lock)
    }

    /// Appends `events` after the committed part of the history, syncs, and
    /// records the new committed length in `state` (not yet saved).
    fn append_history(&self, state: &mut State, events: &[Event]) -> Result<(), StoreError> {
        let path = self.history_path();
        let write_error = |error: io::Error| StoreError::Write {
            path: path.clone(),
            reason: error.to_string(),
        };
        let mut lines = Vec::new();
        for event in events {
            serde_json::to_writer(&mut lines, event).map_err(|error| write_error(error.into()))?;
            lines.push(b'\n');
        }
        let existed = path.exists();
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(write_error)?;
        let length = file.metadata().map_err(write_error)?.len();
        if length < state.history_length {
            return Err(StoreError::HistoryDamaged {
                path: path.clone(),
                line: 0,
                reason: shorter_than_recorded(length, state.history_length),
            });
        }
        // Bytes past the committed length belong to a write that crashed
        // before its commit; they were never part of the history.
        file.set_len(state.history_length).map_err(write_error)?;
        file.seek(SeekFrom::Start(state.history_length))
            .map_err(write_error)?;
        file.write_all(&lines).map_err(write_error)?;
        file.sync_data().map_err(write_error)?;
        if !existed {
            sync_directory(&self.home).map_err(write_error)?;
        }
        state.history_length += lines.len() as u64;
        Ok(())
    }

    /// Keeps the current state as the backup, then replaces it atomically.
    fn save(&self, state: &State) -> Result<(), StoreError> {
        let target = self.write_target();
        let write_error = |reason: String| StoreError::Write {
            path: target.clone(),
            reason,
        };
        let text = yaml::to_string(state).map_err(write_error)?;
        if target.exists() {
            self.keep_backup(&target)
                .map_err(|error| write_error(error.to_string()))?;
        }
        write_atomically(&target, text.as_bytes(), Durability::Synced)
            .map_err(|error| write_error(error.to_string()))?;
        let fingerprint = Fingerprint::of_bytes(text.as_bytes());
        cache::write(&self.home.join(STATE_CACHE_FILE), &fingerprint, state);
        Ok(())
    }

    /// Makes the backup another name for the current file. The write that
    /// follows replaces the state by renaming a new file over it, never by
    /// changing it in place, so the backup keeps the old contents for free.
    fn keep_backup(&self, current: &Path) -> io::Result<()> {
        let backup = self.backup_path();
        match fs::remove_file(&backup) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
            _ => {}
        }
        // A file system without hard links (or a target elsewhere) gets a copy.
        fs::hard_link(current, &backup).or_else(|_| fs::copy(current, &backup).map(|_| ()))
    }

    /// Puts the backup back in place of the state, keeping the current file
    /// as `progress.yaml.broken-<time>`; returns that name, if there was a
    /// current file. Works when the state cannot be parsed: that is its use.
    pub fn restore_backup(&self, now: &str) -> Result<Option<PathBuf>, StoreError> {
        let lock = self.lock()?;
        let backup = self.backup_path();
        let contents = fs::read(&backup).map_err(|error| StoreError::Unreadable {
            path: backup.clone(),
            reason: error.to_string(),
        })?;
        let target = self.write_target();
        let write_error = |path: &Path, error: io::Error| StoreError::Write {
            path: path.to_path_buf(),
            reason: error.to_string(),
        };
        let kept = if target.exists() {
            let mut name = target.clone().into_os_string();
            name.push(format!(".broken-{now}"));
            let kept = PathBuf::from(name);
            fs::copy(&target, &kept).map_err(|error| write_error(&kept, error))?;
            Some(kept)
        } else {
            None
        };
        write_atomically(&target, &contents, Durability::Synced)
            .map_err(|error| write_error(&target, error))?;
        drop(lock);
        Ok(kept)
    }
}

fn shorter_than_recorded(length: u64, recorded: u64) -> String {
    format!("it has {length} bytes, but progress.yaml records {recorded}")
}

/// Parses the state file's text: any version up to [`SCHEMA_VERSION`],
/// telling "made by a newer smm-path" and "cut short" from "damaged".
/// `path` only names the file in errors.
pub fn parse_state(text: &str, path: &Path) -> Result<State, StoreError> {
    /// Just the version, for when the whole does not parse.
    #[derive(Deserialize)]
    struct VersionOnly {
        version: u32,
    }

    let newer = |version: u32| StoreError::NewerVersion {
        path: path.to_path_buf(),
        version,
    };
    let state = match yaml::parse::<State>(text) {
        Ok(state) => state,
        Err(error) => {
            return match yaml::parse::<VersionOnly>(text) {
                Ok(probe) if probe.version > SCHEMA_VERSION => Err(newer(probe.version)),
                _ => Err(StoreError::Invalid {
                    path: path.to_path_buf(),
                    line: error.line,
                    column: error.column,
                    reason: error.message,
                }),
            };
        }
    };
    match state.version {
        0 => Err(StoreError::Invalid {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            reason: "version 0 does not exist".to_string(),
        }),
        version if version > SCHEMA_VERSION => Err(newer(version)),
        // Version 1 had no end marker; it is read as it is and written as
        // the current version by the next change.
        1 => Ok(state),
        _ if !state.end => Err(StoreError::CutShort {
            path: path.to_path_buf(),
        }),
        _ => Ok(state),
    }
}
