//! The only code that touches the progress files: reading, locking, appending, snapshots.
//!
//! The home directory holds:
//!
//! - `history.jsonl`, the truth: one change per line, each line's checksum
//!   chained to the one before (see [`super::history`]), only ever appended
//!   to. Appending a change and syncing the file is the commit.
//! - `progress.yaml`, a snapshot: the state after the first so many lines
//!   of the history (it names them by byte length and the checksum found
//!   there), plus a checksum of its own text. A reader takes the snapshot
//!   and applies the lines after it. The snapshot is rewritten (temporary
//!   file, sync, rename, sync the directory) when the lines after it grow
//!   past a quarter of its size, or on every change while it is small, so
//!   a change costs what it changes and the file people read stays current.
//! - `progress.yaml.bak`, the snapshot before the last rewrite.
//!
//! A change locks the home directory itself (sync tools replace and delete
//! the files they carry, never the folder they carry them into), reads
//! only then, and writes nothing when it changed nothing. A snapshot naming
//! history the history file does not have (a sync still copying, a file
//! from another device) is refused and nothing is written. A snapshot whose
//! checksum no longer matches was edited by hand: the edit is recorded as a
//! change before anything else, so it is neither lost nor overwritten.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::history::{self, SUM_TAIL_LENGTH, decode_lines, encode_lines};
use super::legacy::{LegacyEvent, legacy_changes};
use super::merge::edit_ops;
use super::replay::replay_into;
use super::{Change, ChangeId, HistoryMark, RoadmapProgress, SCHEMA_VERSION, State, Timestamp};
use crate::atomic_file::{Durability, is_temporary_of, sync_directory, write_atomically};
use crate::cache::{self, Fingerprint};
use crate::crash_point::{crash_point, crash_requested};
use crate::plain_file::{self, FileProblem, Links};
use crate::yaml;

const STATE_FILE: &str = "progress.yaml";
const HISTORY_FILE: &str = "history.jsonl";
/// Where a format 2 history is kept once converted: never deleted.
const LEGACY_HISTORY_FILE: &str = "history-v2.jsonl";
const STATE_CACHE_FILE: &str = "cache/progress.json";
const BACKUP_FILE: &str = "progress.yaml.bak";

/// Below this size the snapshot is rewritten on every change: it costs
/// about a millisecond, and keeps `progress.yaml` current for people.
const ALWAYS_REWRITE_BELOW: u64 = 1024 * 1024;

/// Far beyond any real progress (100,000 steps with notes take 45 MB), and
/// small enough that a runaway file is refused before it is read.
pub const MAX_STATE_BYTES: u64 = 256 * 1024 * 1024;

/// The history may hold many times the state; this still stops a runaway
/// file. A device file in a sync folder is held to it too.
pub const MAX_HISTORY_BYTES: u64 = 4 * MAX_STATE_BYTES;

/// Why the progress could not be read or saved.
#[derive(Debug)]
pub enum StoreError {
    Unreadable {
        path: PathBuf,
        reason: FileProblem,
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
        limit: u64,
    },
    /// A committed line of the history does not read.
    HistoryDamaged {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    /// The snapshot includes more history than the history file has.
    HistoryBehind {
        path: PathBuf,
        has: u64,
        needs: u64,
    },
    /// A change would take the file past what smm-path reads back.
    WouldBeTooLarge {
        path: PathBuf,
        limit: u64,
    },
    /// The history file is not the one the snapshot was made from.
    HistoryMismatch {
        path: PathBuf,
    },
    /// The home directory's path holds something other than a directory.
    HomeNotDirectory {
        path: PathBuf,
    },
    /// A rebuild with nothing readable to rebuild from.
    NothingToRebuildFrom {
        path: PathBuf,
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

/// A snapshot as read: its state, whether it was edited by hand, its size.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Snapshot {
    state: State,
    edited: bool,
    #[serde(skip)]
    size: u64,
}

/// The history as read: its changes and where its committed part ends.
#[derive(Debug, Clone, Default)]
struct HistoryRead {
    changes: Vec<Change>,
    /// Bytes of whole lines; past this lies a line a crash cut short.
    end: u64,
    last_sum: String,
}

/// What reading the home for a change found.
struct Reading {
    state: State,
    /// The whole history, when it had to be read.
    history: Option<Vec<Change>>,
    /// Whole lines in the history file, where they end, and the last checksum.
    lines: u64,
    end: u64,
    last_sum: String,
    /// Changes this reading must record before the command's own: a hand
    /// edit, or a format 2 history converted.
    pending: Vec<Change>,
    /// The history file must be written anew (a format 2 home converted).
    convert: bool,
    /// The snapshot must be rewritten, whatever its size.
    rewrite: bool,
    snapshot_size: u64,
    snapshot_end: u64,
}

/// A conflict copy a file-sync tool left in the home.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    pub path: PathBuf,
}

/// What `doctor` learns of the home beyond the state itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeCheck {
    /// Changes in the history.
    pub changes: usize,
    pub conflict_copies: Vec<PathBuf>,
}

/// What a merge wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synced {
    pub added: usize,
    /// Incoming changes refused because a different change here has their identity.
    pub id_taken: Vec<ChangeId>,
    /// The device id this home recorded as until it noticed it is a copy
    /// of another home (copied, or restored from an older copy): it records
    /// as a new device since.
    pub was_device: Option<String>,
}

impl ProgressStore {
    /// The store in `home` (nothing is created until something is saved).
    pub fn in_home(home: &Path) -> ProgressStore {
        ProgressStore {
            home: home.to_path_buf(),
        }
    }

    pub fn home(&self) -> &Path {
        &self.home
    }

    /// Where the state file is.
    pub fn path(&self) -> PathBuf {
        self.home.join(STATE_FILE)
    }

    /// Where the previous snapshot is kept.
    pub fn backup_path(&self) -> PathBuf {
        self.home.join(BACKUP_FILE)
    }

    /// Where the history file is.
    pub fn history_path(&self) -> PathBuf {
        self.home.join(HISTORY_FILE)
    }

    /// Where parsed copies of slow-to-parse files are kept.
    pub fn cache_directory(&self) -> PathBuf {
        self.home.join("cache")
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
                [STATE_FILE, BACKUP_FILE, HISTORY_FILE]
                    .iter()
                    .any(|name| is_temporary_of(path, name))
            })
            .collect();
        leftovers.sort();
        leftovers
    }

    /// Copies a file-sync tool made when two devices wrote the same file:
    /// `progress.sync-conflict-….yaml`, `history (conflicted copy).jsonl`.
    pub fn conflict_copies(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(&self.home) else {
            return Vec::new();
        };
        let mut copies: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
                    return false;
                };
                let name = name.to_lowercase();
                (name.starts_with("progress") || name.starts_with("history"))
                    && name.contains("conflict")
            })
            .collect();
        copies.sort();
        copies
    }

    /// Reads the state: the snapshot, with the history after it applied.
    /// No files at all is an empty state.
    pub fn load(&self) -> Result<State, StoreError> {
        let Some(snapshot) = self.read_snapshot()? else {
            let history = self.read_whole_history()?;
            return Ok(state_from_history(State::default(), &history.changes));
        };
        let mut state = snapshot.state;
        if state.version < 3 {
            return Ok(state);
        }
        let tail = self.read_tail(&state)?;
        if !apply_in_order(&mut state, &tail.changes) {
            let history = self.read_whole_history()?;
            state = state_from_history(state, &history.changes);
        }
        Ok(state)
    }

    /// Every committed change, all roadmaps, in the order this copy learned
    /// of them. A format 2 history is converted (in memory only).
    pub fn read_history(&self) -> Result<Vec<Change>, StoreError> {
        match self.read_snapshot()? {
            Some(snapshot) if snapshot.state.version < 3 => {
                let state = snapshot.state;
                let device = "legacy";
                Ok(self.convert_legacy(&state, device)?.0)
            }
            Some(snapshot) => {
                self.read_tail(&snapshot.state)?;
                Ok(self.read_whole_history()?.changes)
            }
            None => Ok(self.read_whole_history()?.changes),
        }
    }

    /// What `doctor` reports of the history and the home.
    pub fn check(&self) -> Result<HomeCheck, StoreError> {
        let conflict_copies = self.conflict_copies();
        let Some(snapshot) = self.read_snapshot()? else {
            let history = self.read_whole_history()?;
            return Ok(HomeCheck {
                changes: history.changes.len(),
                conflict_copies,
            });
        };
        if snapshot.state.version < 3 {
            let changes = self.convert_legacy(&snapshot.state, "legacy")?.0.len();
            return Ok(HomeCheck {
                changes,
                conflict_copies,
            });
        }
        // The history must be the one the snapshot names, then whole.
        self.read_tail(&snapshot.state)?;
        let history = self.read_whole_history()?;
        Ok(HomeCheck {
            changes: history.changes.len(),
            conflict_copies,
        })
    }

    /// Runs `change` on the current state under the lock. `change` gets the
    /// whole history (every roadmap's) when `with_history` is set, and
    /// records what it did as changes in its journal; when there are any,
    /// they are appended to the history (the commit) and the snapshot
    /// follows. A hand edit found on the way is recorded first.
    pub fn update<R, E>(
        &self,
        with_history: bool,
        change: impl FnOnce(&mut State, &[Change], &mut Vec<Change>) -> Result<R, E>,
    ) -> Result<R, E>
    where
        E: From<StoreError>,
    {
        let lock = self.lock()?;
        self.remove_leftovers();
        let mut reading = self.read_for_change(with_history)?;
        let history = reading.history.take().unwrap_or_default();
        let mut journal = Vec::new();
        let identity = (
            reading.state.device.clone(),
            reading.state.copied_from.clone(),
        );
        let result = change(&mut reading.state, &history, &mut journal)?;
        drop(history);
        // A home that became a new device, or has said it is a copy, keeps
        // that in its snapshot even when no change was recorded.
        let identity_changed =
            (&reading.state.device, &reading.state.copied_from) != (&identity.0, &identity.1);
        reading.rewrite |= identity_changed;
        // A converted format 2 home is written only along with a change.
        if !journal.is_empty()
            || identity_changed
            || (!reading.pending.is_empty() && !reading.convert)
        {
            let mut changes = std::mem::take(&mut reading.pending);
            changes.extend(journal);
            // A change that cancels another can only be read by replaying
            // everything: the snapshot takes it in now, so readers need not.
            if changes.iter().any(Change::cancels_something) {
                reading.rewrite = true;
            }
            self.commit(&mut reading, &changes)?;
        }
        drop(lock);
        Ok(result)
    }

    /// Records in `state` what identifies this home's folder. When the
    /// snapshot names another folder, this home is a copy of that one (a
    /// new laptop, a restored backup): it becomes a new device, so that its
    /// changes from here on are its own. True when `state` changed.
    fn notice_copy(&self, state: &mut State) -> bool {
        let identity = home_identity(&self.home);
        if identity.is_empty() || state.home_identity == identity {
            return false;
        }
        if !state.home_identity.is_empty() {
            state.copied_from = std::mem::replace(&mut state.device, new_device_id());
            state.seq = 0;
        }
        state.home_identity = identity;
        true
    }

    /// The device this home is a copy of, when it is one that has not yet
    /// noticed (its next change records as a new device), or one that has
    /// and not yet said so in `sync`; for `doctor`.
    pub fn copy_of(&self) -> Option<String> {
        let state = self.read_snapshot().ok()??.state;
        if !state.copied_from.is_empty() {
            return Some(state.copied_from);
        }
        let identity = home_identity(&self.home);
        let copied = !state.home_identity.is_empty()
            && !identity.is_empty()
            && state.home_identity != identity;
        copied.then_some(state.device)
    }

    /// Reads everything a change needs, under the lock.
    fn read_for_change(&self, with_history: bool) -> Result<Reading, StoreError> {
        let Some(snapshot) = self.read_snapshot()? else {
            // No snapshot: the history, if any, is the whole truth.
            let history = self.read_whole_history()?;
            let mut state = state_from_history(State::default(), &history.changes);
            state.device = new_device_id();
            self.notice_copy(&mut state);
            return Ok(Reading {
                state,
                lines: history.changes.len() as u64,
                end: history.end,
                last_sum: history.last_sum,
                history: Some(history.changes),
                pending: Vec::new(),
                convert: false,
                rewrite: true,
                snapshot_size: 0,
                snapshot_end: 0,
            });
        };
        if snapshot.state.version < 3 {
            let device = new_device_id();
            let (changes, seq) = self.convert_legacy(&snapshot.state, &device)?;
            let mut state = state_from_history(snapshot.state, &changes);
            state.device = device;
            state.seq = seq;
            self.notice_copy(&mut state);
            return Ok(Reading {
                state,
                history: Some(changes.clone()),
                lines: 0,
                end: 0,
                last_sum: String::new(),
                pending: changes,
                convert: true,
                rewrite: true,
                snapshot_size: snapshot.size,
                snapshot_end: 0,
            });
        }
        let mut state = snapshot.state;
        if state.device.is_empty() {
            state.device = new_device_id();
        }
        let noticed_copy = self.notice_copy(&mut state);
        let mark = state.history.clone().unwrap_or_default();
        let tail = self.read_tail(&state)?;
        state.seq = state.seq.max(own_last_seq(&tail.changes, &state.device));
        let mut reading = Reading {
            state,
            history: None,
            lines: mark.changes + tail.changes.len() as u64,
            end: tail.end,
            last_sum: tail.last_sum.clone(),
            pending: Vec::new(),
            convert: false,
            rewrite: false,
            snapshot_size: snapshot.size,
            snapshot_end: mark.bytes,
        };
        reading.rewrite |= noticed_copy;
        if snapshot.edited {
            self.record_hand_edit(&mut reading, &mark)?;
            return Ok(reading);
        }
        if !apply_in_order(&mut reading.state, &tail.changes) {
            let history = self.read_whole_history()?;
            reading.state = state_from_history(reading.state, &history.changes);
            reading.history = Some(history.changes);
            reading.rewrite = true;
        } else if with_history {
            reading.history = Some(self.read_whole_history()?.changes);
        }
        Ok(reading)
    }

    /// Turns what a person changed in the snapshot into a change per
    /// roadmap, stamped with the file's modification time (never before
    /// the changes it edits), and replays the history with it.
    fn record_hand_edit(
        &self,
        reading: &mut Reading,
        mark: &HistoryMark,
    ) -> Result<(), StoreError> {
        let history = self.read_whole_history()?;
        let prefix_length = usize::try_from(mark.changes)
            .unwrap_or(usize::MAX)
            .min(history.changes.len());
        let edited = reading.state.clone();
        // What the snapshot said before the edit: a replay of the history it names.
        let base = state_from_history(edited.clone(), &history.changes[..prefix_length]);
        let modified = modified_time(&self.path());
        for (roadmap_id, progress) in &edited.roadmaps {
            let ops = edit_ops(base.roadmap(roadmap_id), progress);
            if ops.is_empty() {
                continue;
            }
            let latest = history
                .changes
                .iter()
                .filter(|change| change.roadmap == *roadmap_id)
                .map(|change| change.at)
                .max();
            let Some(at) = modified.max(latest) else {
                continue;
            };
            reading.state.seq += 1;
            reading.pending.push(Change {
                id: ChangeId::random(),
                device: reading.state.device.clone(),
                seq: reading.state.seq,
                at,
                roadmap: roadmap_id.clone(),
                command: "edited by hand".to_string(),
                ops,
            });
        }
        let mut all = history.changes;
        all.extend(reading.pending.iter().cloned());
        reading.state = state_from_history(reading.state.clone(), &all);
        reading.history = Some(all);
        reading.rewrite = true;
        Ok(())
    }

    /// Appends `changes` (the commit), then brings the snapshot up to date
    /// when it is due. A snapshot that cannot be written is left behind:
    /// the history already holds the changes, and a later change rewrites it.
    fn commit(&self, reading: &mut Reading, changes: &[Change]) -> Result<(), StoreError> {
        let path = self.history_path();
        let write_error = |error: io::Error| StoreError::Write {
            path: path.clone(),
            reason: error.to_string(),
        };
        if reading.convert {
            self.keep_legacy_history().map_err(write_error)?;
        }
        let mut lines = Vec::new();
        let last_sum = encode_lines(changes, &reading.last_sum, &mut lines);
        // Nothing is written that could not be read back: a history or a
        // snapshot past the read limits is refused before the commit.
        let end = reading.end + lines.len() as u64;
        if end > MAX_HISTORY_BYTES {
            return Err(StoreError::WouldBeTooLarge {
                path,
                limit: MAX_HISTORY_BYTES,
            });
        }
        let since_snapshot = end.saturating_sub(reading.snapshot_end);
        let due = reading.rewrite
            || reading.snapshot_size < ALWAYS_REWRITE_BELOW
            || since_snapshot.saturating_mul(4) >= reading.snapshot_size;
        let may_outgrow = reading.snapshot_size.saturating_add(since_snapshot) > MAX_STATE_BYTES;
        let mut snapshot = None;
        if due || may_outgrow {
            let mut state = reading.state.clone();
            state.history = Some(HistoryMark {
                changes: reading.lines + changes.len() as u64,
                bytes: end,
                last: last_sum.clone(),
            });
            let text = snapshot_text(&mut state).map_err(|reason| StoreError::Write {
                path: self.path(),
                reason,
            })?;
            if text.len() as u64 > MAX_STATE_BYTES {
                return Err(StoreError::WouldBeTooLarge {
                    path: self.path(),
                    limit: MAX_STATE_BYTES,
                });
            }
            if due {
                snapshot = Some((state, text));
            }
        }
        let existed = path.exists();
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(write_error)?;
        // Bytes past the committed end belong to a write that crashed
        // before it was whole; they were never part of the history.
        file.set_len(reading.end).map_err(write_error)?;
        file.seek(SeekFrom::Start(reading.end))
            .map_err(write_error)?;
        if crash_requested("during-history") {
            // A power cut halfway through the append: half a line on disk.
            let _ = file.write_all(&lines[..lines.len() / 2]);
            let _ = file.sync_data();
            std::process::abort();
        }
        file.write_all(&lines).map_err(write_error)?;
        file.sync_data().map_err(write_error)?;
        if !existed || reading.convert {
            sync_directory(&self.home).map_err(write_error)?;
        }
        drop(file);
        crash_point("after-history");
        reading.lines += changes.len() as u64;
        reading.end = end;
        reading.last_sum = last_sum;
        if let Some((state, text)) = snapshot {
            // A failed rewrite leaves the older snapshot, which the history still extends.
            let _ = self.write_snapshot(&state, &text);
        }
        Ok(())
    }

    /// Merges changes from elsewhere (another device's file, an export):
    /// those this home lacks are appended, and the state replayed. Returns
    /// the state before and after, for the caller to report.
    pub fn merge(
        &self,
        incoming: Vec<Change>,
        dry_run: bool,
    ) -> Result<(State, State, Synced), StoreError> {
        let work = |state: &mut State, history: &[Change], journal: &mut Vec<Change>| {
            let before = state.clone();
            let known: std::collections::HashMap<&ChangeId, &Change> =
                history.iter().map(|change| (&change.id, change)).collect();
            let mut seen: std::collections::HashMap<ChangeId, Change> =
                std::collections::HashMap::new();
            let mut id_taken = Vec::new();
            let mut own_lacked = false;
            for change in incoming {
                // Two different changes under one identity: neither copy may
                // silently keep its own, so the newcomer is refused by name.
                let existing = known.get(&change.id).copied().or(seen.get(&change.id));
                match existing {
                    Some(existing) if *existing == change => continue,
                    Some(_) => {
                        if !id_taken.contains(&change.id) {
                            id_taken.push(change.id.clone());
                        }
                        continue;
                    }
                    None => {}
                }
                if change.device == state.device {
                    own_lacked = true;
                    // Counting on from a number this device already used
                    // would give two changes one place in the order.
                    state.seq = state.seq.max(change.seq);
                }
                seen.insert(change.id.clone(), change.clone());
                journal.push(change);
            }
            drop(seen);
            let mut was_device =
                (!state.copied_from.is_empty()).then(|| std::mem::take(&mut state.copied_from));
            if own_lacked && !dry_run {
                // Another copy of this home wrote changes under its device
                // id: from here on this copy records as a device of its own.
                was_device = Some(std::mem::replace(&mut state.device, new_device_id()));
                state.seq = 0;
            }
            let mut all = history.to_vec();
            all.extend(journal.iter().cloned());
            let after = state_from_history(state.clone(), &all);
            *state = after.clone();
            let synced = Synced {
                added: journal.len(),
                id_taken,
                was_device,
            };
            if dry_run {
                journal.clear();
            }
            Ok::<_, StoreError>((before, after, synced))
        };
        if dry_run {
            let state = self.load()?;
            let history = self.read_history()?;
            let mut state = state;
            return work(&mut state, &history, &mut Vec::new());
        }
        self.update(true, work)
    }

    /// Makes this home a new device, for a sync that found its device file
    /// holding changes this home refused: that file is never replaced by
    /// less than it holds. Returns the new device id.
    pub fn become_new_device(&self) -> Result<String, StoreError> {
        self.update(false, |state, _, _| {
            state.device = new_device_id();
            state.seq = 0;
            Ok::<_, StoreError>(state.device.clone())
        })
    }

    /// The committed history's bytes, for another device to read (`sync`).
    pub fn history_bytes(&self) -> Result<Vec<u8>, StoreError> {
        let state = self.load()?;
        if state.version < 3 {
            return Ok(Vec::new());
        }
        // One read: the bytes are checked, then their whole lines handed on.
        let mut bytes = self.read_history_file(0)?.unwrap_or_default();
        let decoded = decode_lines(&bytes, "").map_err(|error| StoreError::HistoryDamaged {
            path: self.history_path(),
            line: error.line,
            reason: error.reason,
        })?;
        bytes.truncate(decoded.whole_bytes as usize);
        Ok(bytes)
    }

    /// Takes the exclusive lock on the home, held until the returned file
    /// is dropped, creating the home if needed. The lock is on the
    /// directory: a sync tool may delete or replace any file in it, and a
    /// lock on a file that is no longer at its path guards nothing.
    fn lock(&self) -> Result<File, StoreError> {
        self.check_home()?;
        fs::create_dir_all(&self.home).map_err(|error| StoreError::Write {
            path: self.home.clone(),
            reason: error.to_string(),
        })?;
        let lock_error = |error: io::Error| StoreError::Lock {
            path: self.home.clone(),
            reason: error.to_string(),
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
    fn remove_leftovers(&self) {
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

    /// Why the snapshot cannot be read, if it cannot (for `doctor`).
    pub fn snapshot_problem(&self) -> Option<StoreError> {
        self.read_snapshot().err()
    }

    /// Why the history cannot be read on its own, if it cannot; and how
    /// many changes it holds (for `doctor`).
    pub fn history_on_its_own(&self) -> Result<usize, StoreError> {
        Ok(self.read_whole_history()?.changes.len())
    }

    /// A home that exists must be a directory: a file there would give
    /// every command an obscure "File exists" or "Not a directory".
    fn check_home(&self) -> Result<(), StoreError> {
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

    /// Reads and checks the snapshot; `None` when there is none.
    fn read_snapshot(&self) -> Result<Option<Snapshot>, StoreError> {
        self.check_home()?;
        let path = self.path();
        let unreadable = |error: io::Error| StoreError::Unreadable {
            path: path.clone(),
            reason: error.into(),
        };
        // Checked before anything is opened: a FIFO there would block.
        let Some(size) = plain_file::check(&path, MAX_STATE_BYTES, Links::Follow)
            .map_err(|problem| guarded_error(&path, problem))?
        else {
            return Ok(None);
        };
        let cache_path = self.home.join(STATE_CACHE_FILE);
        let fingerprint = Fingerprint::of_file(&path).map_err(unreadable)?;
        if let Some(mut snapshot) = cache::read::<Snapshot>(&cache_path, &fingerprint) {
            snapshot.size = size;
            return Ok(Some(snapshot));
        }
        let Some(bytes) = read_guarded(&path, 0, MAX_STATE_BYTES, Links::Follow)? else {
            return Ok(None);
        };
        let text =
            std::str::from_utf8(&bytes).map_err(|_| StoreError::NotUtf8 { path: path.clone() })?;
        let state = parse_state(text, &path)?;
        let edited = state.version >= 3 && !sum_matches(text);
        let snapshot = Snapshot {
            state,
            edited,
            size,
        };
        cache::write(&cache_path, &Fingerprint::of_bytes(&bytes), &snapshot);
        Ok(Some(snapshot))
    }

    /// The history file's bytes from `offset`, `None` when there is no file.
    fn read_history_file(&self, offset: u64) -> Result<Option<Vec<u8>>, StoreError> {
        read_guarded(
            &self.history_path(),
            offset,
            MAX_HISTORY_BYTES,
            Links::Follow,
        )
    }

    /// The whole history, checked line by line from the start.
    fn read_whole_history(&self) -> Result<HistoryRead, StoreError> {
        let Some(bytes) = self.read_history_file(0)? else {
            return Ok(HistoryRead::default());
        };
        let decoded = decode_lines(&bytes, "").map_err(|error| StoreError::HistoryDamaged {
            path: self.history_path(),
            line: error.line,
            reason: error.reason,
        })?;
        Ok(HistoryRead {
            changes: decoded.changes,
            end: decoded.whole_bytes,
            last_sum: decoded.last_sum,
        })
    }

    /// The changes after the snapshot, once the history is shown to be the
    /// one the snapshot was made from: long enough, with the checksum the
    /// snapshot names at the point it names. Reads only what follows.
    fn read_tail(&self, state: &State) -> Result<HistoryRead, StoreError> {
        let path = self.history_path();
        let mark = state.history.clone().unwrap_or_default();
        let start = mark.bytes.saturating_sub(SUM_TAIL_LENGTH);
        let bytes = match self.read_history_file(start)? {
            None if mark.bytes == 0 => Vec::new(),
            None => {
                return Err(StoreError::HistoryBehind {
                    path,
                    has: 0,
                    needs: mark.bytes,
                });
            }
            Some(bytes) => bytes,
        };
        let before = (mark.bytes - start) as usize;
        if bytes.len() < before {
            return Err(StoreError::HistoryBehind {
                path,
                has: start + bytes.len() as u64,
                needs: mark.bytes,
            });
        }
        if mark.bytes > 0 && history::sum_at_end(&bytes[..before]) != Some(mark.last.as_str()) {
            return Err(StoreError::HistoryMismatch { path });
        }
        let decoded = decode_lines(&bytes[before..], &mark.last).map_err(|error| {
            StoreError::HistoryDamaged {
                path: path.clone(),
                line: usize::try_from(mark.changes)
                    .unwrap_or(usize::MAX)
                    .saturating_add(error.line),
                reason: error.reason,
            }
        })?;
        Ok(HistoryRead {
            changes: decoded.changes,
            end: mark.bytes + decoded.whole_bytes,
            last_sum: decoded.last_sum,
        })
    }

    /// A format 1 or 2 home's history as changes of `device`, with the
    /// last sequence number used.
    fn convert_legacy(
        &self,
        state: &State,
        device: &str,
    ) -> Result<(Vec<Change>, u64), StoreError> {
        let events = self.read_legacy_history(state)?;
        let mut changes = Vec::new();
        let mut seq = 0;
        let command = format!("migrated from format {}", state.version);
        for (roadmap_id, progress) in &state.roadmaps {
            let events: Vec<LegacyEvent> = events
                .iter()
                .filter(|event| event.roadmap == *roadmap_id)
                .cloned()
                .collect();
            let converted = legacy_changes(device, seq, roadmap_id, &events, progress, &command);
            seq = converted.last().map_or(seq, |change| change.seq);
            changes.extend(converted);
        }
        Ok((changes, seq))
    }

    /// The committed events of a format 2 history (format 1 had none).
    fn read_legacy_history(&self, state: &State) -> Result<Vec<LegacyEvent>, StoreError> {
        let kept = self.home.join(LEGACY_HISTORY_FILE);
        let path = if kept.exists() {
            kept
        } else {
            self.history_path()
        };
        let damaged = |line: usize, reason: String| StoreError::HistoryDamaged {
            path: path.clone(),
            line,
            reason,
        };
        let mut bytes =
            read_guarded(&path, 0, MAX_HISTORY_BYTES, Links::Follow)?.unwrap_or_default();
        bytes.truncate(usize::try_from(state.history_length).unwrap_or(usize::MAX));
        if (bytes.len() as u64) < state.history_length {
            return Err(StoreError::HistoryBehind {
                path,
                has: bytes.len() as u64,
                needs: state.history_length,
            });
        }
        bytes
            .split(|&byte| byte == b'\n')
            .enumerate()
            .filter(|(_, line)| !line.is_empty())
            .map(|(index, line)| {
                serde_json::from_slice::<LegacyEvent>(line)
                    .map_err(|error| damaged(index + 1, error.to_string()))
            })
            .collect()
    }

    /// Moves a format 2 history aside before the converted one is written.
    fn keep_legacy_history(&self) -> io::Result<()> {
        let kept = self.home.join(LEGACY_HISTORY_FILE);
        if kept.exists() {
            // An earlier conversion was interrupted: the old history is already kept.
            return Ok(());
        }
        match fs::rename(self.history_path(), &kept) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            result => result,
        }
    }

    /// Writes the snapshot: its text with a checksum line, the previous
    /// snapshot kept as the backup, then an atomic replace.
    fn save_snapshot(&self, state: &mut State) -> Result<(), StoreError> {
        let text = snapshot_text(state).map_err(|reason| StoreError::Write {
            path: self.path(),
            reason,
        })?;
        self.write_snapshot(state, &text)
    }

    /// Writes a snapshot's text made by [`snapshot_text`].
    fn write_snapshot(&self, state: &State, text: &str) -> Result<(), StoreError> {
        let target = self.write_target();
        let write_error = |reason: String| StoreError::Write {
            path: target.clone(),
            reason,
        };
        if let Ok(Some(previous)) = plain_file::read(&target, MAX_STATE_BYTES, Links::Follow) {
            write_atomically(&self.backup_path(), &previous, Durability::Synced)
                .map_err(|error| write_error(error.to_string()))?;
        }
        write_atomically(&target, text.as_bytes(), Durability::Synced)
            .map_err(|error| write_error(error.to_string()))?;
        let snapshot = Snapshot {
            state: state.clone(),
            edited: false,
            size: text.len() as u64,
        };
        let fingerprint = Fingerprint::of_bytes(text.as_bytes());
        cache::write(&self.home.join(STATE_CACHE_FILE), &fingerprint, &snapshot);
        Ok(())
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

    /// The backup's bytes and its state, checked; `None` when there is no
    /// backup. Only a plain file within the size limit is read: a FIFO
    /// there would block, a device would never end.
    pub fn read_backup(&self) -> Result<Option<(Vec<u8>, State)>, StoreError> {
        let path = self.backup_path();
        let Some(bytes) = read_guarded(&path, 0, MAX_STATE_BYTES, Links::Refuse)? else {
            return Ok(None);
        };
        let text =
            std::str::from_utf8(&bytes).map_err(|_| StoreError::NotUtf8 { path: path.clone() })?;
        let state = parse_state(text, &path)?;
        Ok(Some((bytes, state)))
    }

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
                reason: error.to_string(),
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
                reason: error.to_string(),
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

/// What a rebuild did.
#[derive(Debug)]
pub enum Rebuilt {
    /// The file read fine: nothing was written.
    NotNeeded,
    /// Written from `changes` changes; the file replaced is kept at `kept`.
    Done {
        kept: Option<PathBuf>,
        changes: usize,
    },
}

/// Reads a file of the home through the one guarded reader, its problems as store errors.
fn read_guarded(
    path: &Path,
    offset: u64,
    limit: u64,
    links: Links,
) -> Result<Option<Vec<u8>>, StoreError> {
    plain_file::read_from(path, offset, limit, links)
        .map_err(|problem| guarded_error(path, problem))
}

fn guarded_error(path: &Path, problem: FileProblem) -> StoreError {
    match problem {
        FileProblem::TooLarge { size, limit } => StoreError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        },
        reason => StoreError::Unreadable {
            path: path.to_path_buf(),
            reason,
        },
    }
}

/// Copies `path` to `<path>.broken-<now>` (or `-1`, `-2`… after it when
/// that exists), never over an earlier copy; returns the copy's name.
fn keep_aside(path: &Path, now: &str) -> Result<PathBuf, StoreError> {
    let write_error = |path: &Path, error: io::Error| StoreError::Write {
        path: path.to_path_buf(),
        reason: error.to_string(),
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

/// Applies changes to a state in the order given; false, with the state
/// partly changed, when one needs a replay (it cancels something).
fn apply_in_order(state: &mut State, changes: &[Change]) -> bool {
    for change in changes {
        let progress = state.roadmaps.entry(change.roadmap.clone()).or_default();
        if !progress.apply_change(change) {
            return false;
        }
    }
    true
}

/// `state` with each roadmap's progress replayed from `changes`; the
/// bookkeeping (roadmap versions, known steps) is kept from `state`.
fn state_from_history(mut state: State, changes: &[Change]) -> State {
    let mut roadmap_ids: Vec<&str> = changes
        .iter()
        .map(|change| change.roadmap.as_str())
        .collect();
    roadmap_ids.sort_unstable();
    roadmap_ids.dedup();
    let mut roadmaps = std::collections::BTreeMap::new();
    for roadmap_id in roadmap_ids {
        let base = state.roadmaps.remove(roadmap_id).unwrap_or_default();
        let replayed = replay_into(
            &base,
            changes.iter().filter(|change| change.roadmap == roadmap_id),
        );
        roadmaps.insert(roadmap_id.to_string(), replayed);
    }
    // Roadmaps without changes keep only their bookkeeping.
    for (roadmap_id, base) in state.roadmaps {
        roadmaps.insert(roadmap_id, replay_into(&base, std::iter::empty()));
    }
    state.roadmaps = roadmaps;
    state
}

/// The highest sequence number `device` used among `changes`.
fn own_last_seq(changes: &[Change], device: &str) -> u64 {
    changes
        .iter()
        .filter(|change| change.device == device)
        .map(|change| change.seq)
        .max()
        .unwrap_or(0)
}

/// A new random device id: 16 hexadecimal digits, starting with a letter
/// so that no YAML reader takes it for a number.
fn new_device_id() -> String {
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
/// the creation time on other systems) and the machine's id, hashed. Empty
/// when none of it can be read. Moving the folder within one disk keeps it;
/// a copy, a restore into a new folder or another machine changes it.
fn home_identity(home: &Path) -> String {
    let Ok(metadata) = fs::metadata(home) else {
        return String::new();
    };
    #[cfg(unix)]
    let folder = {
        use std::os::unix::fs::MetadataExt;
        format!("{} {}", metadata.dev(), metadata.ino())
    };
    #[cfg(not(unix))]
    let folder = match metadata.created() {
        Ok(created) => format!("{created:?}"),
        Err(_) => return String::new(),
    };
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
fn modified_time(path: &Path) -> Option<super::Timestamp> {
    let modified = fs::metadata(path).ok()?.modified().ok()?;
    let local: chrono::DateTime<chrono::Local> = modified.into();
    let at = local.fixed_offset();
    use chrono::Timelike;
    Some(at.with_nanosecond(0).unwrap_or(at))
}

/// The snapshot's text: YAML in the current format, then a line with the
/// checksum of every byte before it, then `end: true`.
fn snapshot_text(state: &mut State) -> Result<String, String> {
    state.version = SCHEMA_VERSION;
    state.end = true;
    state.sum = None;
    let text = yaml::to_string(state)?;
    let Some(body) = text.strip_suffix("end: true\n") else {
        return Err("the snapshot did not end as expected".to_string());
    };
    Ok(format!(
        "{body}sum: \"{:016x}\"\nend: true\n",
        xxh3_64(body.as_bytes())
    ))
}

/// Whether the checksum line matches the text before it.
fn sum_matches(text: &str) -> bool {
    let Some(body_end) = text.rfind("\nsum: \"") else {
        return false;
    };
    let body = &text[..body_end + 1];
    let rest = &text[body_end + 1..];
    rest == format!("sum: \"{:016x}\"\nend: true\n", xxh3_64(body.as_bytes()))
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
        _ if state.seq > super::MAX_SEQ => Err(StoreError::Invalid {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            reason: format!(
                "seq {} is out of range (at most {})",
                state.seq,
                super::MAX_SEQ
            ),
        }),
        // Version 1 had no end marker; it is read as it is and written as
        // the current version by the next change.
        1 => Ok(state),
        _ if !state.end => Err(StoreError::CutShort {
            path: path.to_path_buf(),
        }),
        _ => Ok(state),
    }
}
