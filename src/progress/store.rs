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
use crate::yaml;

const STATE_FILE: &str = "progress.yaml";
const HISTORY_FILE: &str = "history.jsonl";
const LOCK_FILE: &str = "progress.yaml.lock";
const STATE_CACHE_FILE: &str = "cache/progress.json";

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
        let cache_path = self.home.join(STATE_CACHE_FILE);
        match Fingerprint::of_file(&path) {
            Ok(fingerprint) => {
                if let Some(state) = cache::read(&cache_path, &fingerprint) {
                    return Ok(state);
                }
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(State::default()),
            Err(error) => return Err(unreadable(error)),
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
        let write_error = |path: &Path, error: io::Error| StoreError::Write {
            path: path.to_path_buf(),
            reason: error.to_string(),
        };
        fs::create_dir_all(&self.home).map_err(|error| write_error(&self.home, error))?;
        let lock_path = self.home.join(LOCK_FILE);
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

        let mut state = self.load()?;
        let mut journal = Vec::new();
        let result = change(&mut state, &mut journal)?;
        if !journal.is_empty() {
            self.append_history(&mut state, &journal)?;
            self.save(&state)?;
        }
        drop(lock);
        Ok(result)
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

    fn save(&self, state: &State) -> Result<(), StoreError> {
        let path = self.path();
        let write_error = |reason: String| StoreError::Write {
            path: path.clone(),
            reason,
        };
        let text = yaml::to_string(state).map_err(write_error)?;
        write_atomically(&path, text.as_bytes(), Durability::Synced)
            .map_err(|error| write_error(error.to_string()))?;
        let fingerprint = Fingerprint::of_bytes(text.as_bytes());
        cache::write(&self.home.join(STATE_CACHE_FILE), &fingerprint, state);
        Ok(())
    }
}

fn shorter_than_recorded(length: u64, recorded: u64) -> String {
    format!("it has {length} bytes, but progress.yaml records {recorded}")
}

/// Parses the state file's text, telling "made by a newer smm-path" from "damaged".
fn parse_state(text: &str, path: &Path) -> Result<State, StoreError> {
    /// Just the version, for when the whole does not parse.
    #[derive(Deserialize)]
    struct VersionOnly {
        version: u32,
    }

    let newer = |version: u32| StoreError::NewerVersion {
        path: path.to_path_buf(),
        version,
    };
    match yaml::parse::<State>(text) {
        Ok(state) if state.version > SCHEMA_VERSION => Err(newer(state.version)),
        Ok(state) if state.version == 0 => Err(StoreError::Invalid {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            reason: "version 0 does not exist".to_string(),
        }),
        Ok(state) => Ok(state),
        Err(error) => match yaml::parse::<VersionOnly>(text) {
            Ok(probe) if probe.version > SCHEMA_VERSION => Err(newer(probe.version)),
            _ => Err(StoreError::Invalid {
                path: path.to_path_buf(),
                line: error.line,
                column: error.column,
                reason: error.message,
            }),
        },
    }
}
