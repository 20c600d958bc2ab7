//! The lock on a home, held by every write, and the cleanup only a lock holder may do.

#[cfg(not(unix))]
use std::fs::OpenOptions;
use std::fs::{self, File};
use std::io::{self};

use super::*;

impl ProgressStore {
    /// Takes the exclusive lock on the home, held until the returned file
    /// is dropped, creating the home if needed. The lock is on the
    /// directory: a sync tool may delete or replace any file in it, and a
    /// lock on a file that is no longer at its path guards nothing.
    pub(super) fn lock(&self) -> Result<File, StoreError> {
        self.check_home()?;
        fs::create_dir_all(&self.home).map_err(|error| StoreError::Write {
            path: self.home.clone(),
            reason: error.into(),
        })?;
        let lock_error = |error: io::Error| StoreError::Lock {
            path: self.home.clone(),
            reason: error.into(),
        };
        #[cfg(unix)]
        let lock = File::open(&self.home).map_err(lock_error)?;
        #[cfg(not(unix))]
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.home.join("progress.yaml.lock"))
            .map_err(lock_error)?;
        lock.lock().map_err(lock_error)?;
        Ok(lock)
    }

    /// Removes temporary files of writes that never finished (a crash, a
    /// kill). Only under the lock: no other write can be under way.
    pub(super) fn remove_leftovers(&self) {
        for path in self.leftover_temporary_files() {
            let _ = fs::remove_file(path);
        }
    }

    /// Removes leftover temporary files under the lock (`doctor --clean`);
    /// returns how many were removed.
    pub fn clean(&self) -> Result<usize, StoreError> {
        let lock = self.lock()?;
        let before = self.leftover_temporary_files().len();
        self.remove_leftovers();
        let removed = before - self.leftover_temporary_files().len().min(before);
        drop(lock);
        Ok(removed)
    }
}
