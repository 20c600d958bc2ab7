//! `doctor`'s repairs: the backup put back, a history or a snapshot rebuilt from the other.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::*;
use crate::atomic_file::{Durability, write_atomically};
use crate::plain_file::{self, FileProblem, Links};
use crate::progress::history::encode_lines;
use crate::progress::merge::edit_ops;
use crate::progress::replay::state_from_history;
use crate::progress::{Change, ChangeId, HistoryMark, RoadmapProgress, State, Timestamp};

impl ProgressStore {
    /// Puts the backup back in place of the snapshot, keeping the current
    /// file as `progress.yaml.broken-<time>` (never over an earlier one);
    /// returns that name, if there was a current file. The backup is
    /// checked first: a damaged one is refused. The history is untouched,
    /// so the restored snapshot catches up with every change since.
    pub fn restore_backup(&self, now: &str) -> Result<Option<PathBuf>, StoreError> {
        let lock = self.lock()?;
        let backup = self.backup_path();
        let Some((contents, _)) = self.read_backup()? else {
            return Err(StoreError::Unreadable {
                path: backup,
                reason: FileProblem::Io(io::ErrorKind::NotFound),
            });
        };
        let target = self.write_target();
        let kept = if target.exists() {
            Some(keep_aside(&target, now)?)
        } else {
            None
        };
        write_atomically(&target, &contents, Durability::Synced).map_err(|error| {
            StoreError::Write {
                path: target.clone(),
                reason: error.into(),
            }
        })?;
        drop(lock);
        Ok(kept)
    }

    /// Writes a new history that brings an empty home to what the snapshot
    /// holds, one change per roadmap, for a home whose history is missing,
    /// damaged or another copy's; the old file is kept as
    /// `history.jsonl.broken-<time>`. What the old history held beyond the
    /// snapshot is not in the new one, and `log` starts again from here.
    pub fn rebuild_history(&self, now: &str, at: Timestamp) -> Result<Rebuilt, StoreError> {
        let lock = self.lock()?;
        let path = self.path();
        let snapshot = match self.read_snapshot()? {
            Some(snapshot) if snapshot.state.version >= 3 => snapshot,
            _ => return Err(StoreError::NothingToRebuildFrom { path }),
        };
        if self.check().is_ok() {
            return Ok(Rebuilt::NotNeeded);
        }
        let history_path = self.history_path();
        let kept = if history_path.exists() {
            Some(keep_aside(&history_path, now)?)
        } else {
            None
        };
        let mut state = snapshot.state;
        if state.device.is_empty() {
            state.device = new_device_id();
        }
        let mut changes = Vec::new();
        for (roadmap_id, progress) in &state.roadmaps {
            let ops = edit_ops(&RoadmapProgress::default(), progress);
            if ops.is_empty() {
                continue;
            }
            changes.push(Change {
                id: ChangeId::random(),
                device: state.device.clone(),
                seq: state.seq + changes.len() as u64 + 1,
                at: progress.latest.map_or(at, |latest| latest.max(at)),
                roadmap: roadmap_id.clone(),
                command: "doctor --rebuild-history".to_string(),
                ops,
            });
        }
        state.seq += changes.len() as u64;
        let mut lines = Vec::new();
        let last = encode_lines(&changes, "", &mut lines);
        write_atomically(&history_path, &lines, Durability::Synced).map_err(|error| {
            StoreError::Write {
                path: history_path.clone(),
                reason: error.into(),
            }
        })?;
        let mut state = state_from_history(state, &changes);
        state.history = Some(HistoryMark {
            changes: changes.len() as u64,
            bytes: lines.len() as u64,
            last,
        });
        self.save_snapshot(&mut state)?;
        drop(lock);
        Ok(Rebuilt::Done {
            kept,
            changes: changes.len(),
        })
    }

    /// Writes a new snapshot replayed from the whole history, for a home
    /// whose snapshot cannot be read; the old file is kept as
    /// `progress.yaml.broken-<time>`.
    pub fn rebuild_snapshot(&self, now: &str) -> Result<Rebuilt, StoreError> {
        let lock = self.lock()?;
        if self.read_snapshot().is_ok() {
            return Ok(Rebuilt::NotNeeded);
        }
        let history = self.read_whole_history()?;
        if history.changes.is_empty() {
            return Err(StoreError::NothingToRebuildFrom {
                path: self.history_path(),
            });
        }
        let target = self.write_target();
        let kept = if target.exists() {
            Some(keep_aside(&target, now)?)
        } else {
            None
        };
        let mut state = state_from_history(State::default(), &history.changes);
        state.device = new_device_id();
        state.history = Some(HistoryMark {
            changes: history.changes.len() as u64,
            bytes: history.end,
            last: history.last_sum,
        });
        self.save_snapshot(&mut state)?;
        drop(lock);
        Ok(Rebuilt::Done {
            kept,
            changes: history.changes.len(),
        })
    }
}

/// Copies `path` to `<path>.broken-<now>` (or `-1`, `-2`… after it when
/// that exists), never over an earlier copy; returns the copy's name.
pub(super) fn keep_aside(path: &Path, now: &str) -> Result<PathBuf, StoreError> {
    let write_error = |path: &Path, error: io::Error| StoreError::Write {
        path: path.to_path_buf(),
        reason: error.into(),
    };
    let kept = (0..1000)
        .map(|attempt| {
            let mut name = path.to_path_buf().into_os_string();
            name.push(format!(".broken-{now}"));
            if attempt > 0 {
                name.push(format!("-{attempt}"));
            }
            PathBuf::from(name)
        })
        .find(|candidate| !candidate.exists())
        .ok_or_else(|| write_error(path, io::Error::other("too many kept copies")))?;
    let current = plain_file::read(path, MAX_HISTORY_BYTES, Links::Follow)
        .map_err(|problem| match problem {
            FileProblem::Io(kind) => write_error(path, kind.into()),
            _ => write_error(path, io::Error::other("not a plain file")),
        })?
        .unwrap_or_default();
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&kept)
        .map_err(|error| write_error(&kept, error))?;
    file.write_all(&current)
        .and_then(|()| file.sync_all())
        .map_err(|error| write_error(&kept, error))?;
    Ok(kept)
}
