//! The only code that touches the state file: reading, locking, atomic saving.
//!
//! A change takes an exclusive OS lock on a sidecar `progress.yaml.lock`,
//! reads the state only after holding it (so concurrent commands serialize
//! instead of overwriting each other), and replaces the file atomically. A
//! file that cannot be read or parsed is reported and never overwritten. The
//! lock file may be left behind: the lock is the OS lock, not the file.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{SCHEMA_VERSION, State};
use crate::atomic_file::write_atomically;
use crate::yaml;

/// The state file's name inside the smm-path home directory.
const STATE_FILE_NAME: &str = "progress.yaml";

/// Why the state could not be read or saved.
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
    Lock {
        path: PathBuf,
        reason: String,
    },
    Write {
        path: PathBuf,
        reason: String,
    },
}

/// The state file of one smm-path home directory.
#[derive(Debug, Clone)]
pub struct ProgressStore {
    path: PathBuf,
}

impl ProgressStore {
    /// The store in `home` (nothing is created until something is saved).
    pub fn in_home(home: &Path) -> ProgressStore {
        ProgressStore {
            path: home.join(STATE_FILE_NAME),
        }
    }

    /// Where the state file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn lock_path(&self) -> PathBuf {
        let mut name = self.path.clone().into_os_string();
        name.push(".lock");
        PathBuf::from(name)
    }

    /// Reads the state; an absent file is an empty state.
    pub fn load(&self) -> Result<State, StoreError> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(State::default()),
            Err(error) => {
                return Err(StoreError::Unreadable {
                    path: self.path.clone(),
                    reason: error.to_string(),
                });
            }
        };
        let text = String::from_utf8(bytes).map_err(|_| StoreError::NotUtf8 {
            path: self.path.clone(),
        })?;
        self.parse(&text)
    }

    fn parse(&self, text: &str) -> Result<State, StoreError> {
        /// Just the version, to tell "made by a newer smm-path" from "damaged".
        #[derive(Deserialize)]
        struct VersionOnly {
            version: u32,
        }

        let newer = |version: u32| StoreError::NewerVersion {
            path: self.path.clone(),
            version,
        };
        match yaml::parse::<State>(text) {
            Ok(state) if state.version > SCHEMA_VERSION => Err(newer(state.version)),
            Ok(state) if state.version == 0 => Err(StoreError::Invalid {
                path: self.path.clone(),
                line: 1,
                column: 1,
                reason: "version 0 does not exist".to_string(),
            }),
            Ok(state) => Ok(state),
            Err(error) => match yaml::parse::<VersionOnly>(text) {
                Ok(probe) if probe.version > SCHEMA_VERSION => Err(newer(probe.version)),
                _ => Err(StoreError::Invalid {
                    path: self.path.clone(),
                    line: error.line,
                    column: error.column,
                    reason: error.message,
                }),
            },
        }
    }

    /// Runs `change` on the current state under the lock and saves the
    /// result if, and only if, it differs from what was read.
    pub fn update<R, E>(&self, change: impl FnOnce(&mut State) -> Result<R, E>) -> Result<R, E>
    where
        E: From<StoreError>,
    {
        let lock_path = self.lock_path();
        let lock_error = |error: io::Error| StoreError::Lock {
            path: lock_path.clone(),
            reason: error.to_string(),
        };
        if let Some(directory) = self.path.parent() {
            fs::create_dir_all(directory).map_err(|error| StoreError::Write {
                path: self.path.clone(),
                reason: error.to_string(),
            })?;
        }
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(lock_error)?;
        lock.lock().map_err(lock_error)?;

        let before = self.load()?;
        let mut state = before.clone();
        let result = change(&mut state)?;
        if state != before {
            self.save(&state)?;
        }
        drop(lock);
        Ok(result)
    }

    fn save(&self, state: &State) -> Result<(), StoreError> {
        let write_error = |reason: String| StoreError::Write {
            path: self.path.clone(),
            reason,
        };
        let text = yaml::to_string(state).map_err(write_error)?;
        write_atomically(&self.path, text.as_bytes())
            .map_err(|error| write_error(error.to_string()))
    }
}
