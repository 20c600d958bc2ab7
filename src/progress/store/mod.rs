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

use std::path::{Path, PathBuf};

use crate::plain_file::{self, FileProblem, Links};
use crate::progress::history::decode_lines;
use crate::progress::replay::{apply_in_order, state_from_history};
use crate::progress::{Change, ChangeId, State, Timestamp};

mod conflicts;
mod index;
mod layout;
mod lock;
mod log;
mod migrate;
mod repair;
mod snapshot;
mod snapshot_cache;
mod transaction;

use crate::progress::LineProblem;
use layout::*;
pub use snapshot::parse_state;
use snapshot::*;
pub use transaction::Reads;

/// Far beyond any real progress (100,000 steps with notes take 45 MB), and
/// small enough that a runaway file is refused before it is read.
pub(crate) const MAX_STATE_BYTES: u64 = 256 * 1024 * 1024;

/// The history may hold many times the state; this still stops a runaway
/// file. A device file in a sync folder is held to it too.
pub(crate) const MAX_HISTORY_BYTES: u64 = 4 * MAX_STATE_BYTES;

/// Why the progress could not be read or saved (its `Display`, the English
/// wording, is in [`crate::error`]).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    Unreadable {
        path: PathBuf,
        #[source]
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
        #[source]
        reason: LineProblem,
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
        #[source]
        reason: FileProblem,
    },
    Write {
        path: PathBuf,
        #[source]
        reason: FileProblem,
    },
}

/// The progress files of one smm-path home directory.
#[derive(Debug, Clone)]
pub struct ProgressStore {
    home: PathBuf,
    /// Whether reading may leave parsed copies in `cache/`; a store made
    /// by [`ProgressStore::reading_only`] writes nothing at all.
    keeps_caches: bool,
    /// The last snapshot header read from the cache, by the fingerprint of
    /// the snapshot it is of: a command asks for it several times, and at
    /// 100,000 steps each decoding costs tens of millions of instructions.
    header: HeaderMemo,
}

/// See [`ProgressStore`]'s `header`; a clone starts empty.
#[derive(Debug, Default)]
struct HeaderMemo(std::sync::Mutex<Option<(crate::cache::Fingerprint, State)>>);

impl Clone for HeaderMemo {
    fn clone(&self) -> Self {
        HeaderMemo::default()
    }
}

/// What `doctor` learns of the home beyond the state itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeCheck {
    /// Changes in the history.
    pub changes: usize,
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

impl ProgressStore {
    /// The store in `home` (nothing is created until something is saved).
    pub fn in_home(home: &Path) -> ProgressStore {
        ProgressStore {
            home: home.to_path_buf(),
            keeps_caches: true,
            header: HeaderMemo::default(),
        }
    }

    /// The store in `home`, to read only: it keeps no parsed copies either,
    /// so a reader that must never write to the home (the shell's
    /// completion, which runs at every Tab) can use it. Only for reading:
    /// a change saved through it would leave the caches behind.
    pub fn reading_only(home: &Path) -> ProgressStore {
        ProgressStore {
            home: home.to_path_buf(),
            keeps_caches: false,
            header: HeaderMemo::default(),
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

    /// The state as [`Self::load`] reads it, with each step's notes left out
    /// but the latest (so a step with notes is still not blank): for the
    /// views that show no note, which then cost the same with a million
    /// notes as with none.
    pub fn load_without_notes(&self) -> Result<State, StoreError> {
        let Some(snapshot) = self.read_snapshot_without_notes()? else {
            return self.load();
        };
        let mut state = snapshot.state;
        if state.version < 3 {
            return Ok(state);
        }
        let tail = self.read_tail(&state)?;
        // An undo that took a note back needs the notes this state left out.
        let drops_notes = tail.changes.iter().any(|change| {
            change.undo_effect().is_some_and(|effect| {
                effect
                    .steps
                    .values()
                    .flatten()
                    .any(|step| !step.dropped.is_empty())
            })
        });
        if drops_notes || !apply_in_order(&mut state, &tail.changes) {
            // Something after the snapshot cancels something: a replay.
            state = self.load()?;
        }
        for progress in state.roadmaps.values_mut() {
            for step in progress.steps.values_mut() {
                if step.notes.len() > 1 {
                    step.notes.drain(..step.notes.len() - 1);
                }
            }
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
        let Some(snapshot) = self.read_snapshot()? else {
            return Ok(HomeCheck {
                changes: self.verify_history()?,
            });
        };
        if snapshot.state.version < 3 {
            let changes = self.convert_legacy(&snapshot.state, "legacy")?.0.len();
            return Ok(HomeCheck { changes });
        }
        // The history must be the one the snapshot names, then whole.
        self.read_tail(&snapshot.state)?;
        Ok(HomeCheck {
            changes: self.verify_history()?,
        })
    }

    /// The device this home is a copy of, when it is one that has not yet
    /// noticed (its next change records as a new device), or one that has
    /// and not yet said so in `sync`; for `doctor`.
    pub fn copy_of(&self) -> Option<String> {
        let state = self.read_snapshot_without_notes().ok()??.state;
        if !state.copied_from.is_empty() {
            return Some(state.copied_from);
        }
        let identity = home_identity(&self.home);
        let copied = !state.home_identity.is_empty()
            && !identity.is_empty()
            && state.home_identity != identity
            && !is_earlier_identity_of(&state.home_identity, &self.home);
        copied.then_some(state.device)
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
            for mut change in incoming {
                // What an undo left holds only in the history it was
                // written in (see `UndoEffect`).
                change.forget_undo_effect();
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
            // Appended in their order, so an undo always follows what it
            // takes back in the file: readers from the end rely on it.
            journal.sort_by(super::Change::order);
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
        let mut transaction = self.begin(Reads::History)?;
        let (state, history, journal) = transaction.parts();
        let result = work(state, history, journal)?;
        transaction.commit()?;
        Ok(result)
    }

    /// Makes this home a new device, for a sync that found its device file
    /// holding changes this home refused: that file is never replaced by
    /// less than it holds. Returns the new device id.
    pub fn become_new_device(&self) -> Result<String, StoreError> {
        let mut transaction = self.begin(Reads::State)?;
        let state = transaction.state_mut();
        state.device = new_device_id();
        state.seq = 0;
        let device = state.device.clone();
        transaction.commit()?;
        Ok(device)
    }

    /// Where the committed history ends: its length in bytes and the
    /// checksum of its last line, read from the snapshot and what follows
    /// it, not the whole file (`sync` tells from it that nothing changed).
    pub fn history_end(&self) -> Result<(u64, String), StoreError> {
        match self.snapshot_header()? {
            Some(state) if state.version >= 3 => {
                let tail = self.read_tail(&state)?;
                Ok((tail.end, tail.last_sum))
            }
            Some(_) => Ok((0, String::new())),
            None => {
                let history = self.read_whole_history()?;
                Ok((history.end, history.last_sum))
            }
        }
    }

    /// Whether the committed history still holds, `bytes` long, the history
    /// whose last line carried `last`: it only grew since.
    pub fn history_extends(&self, bytes: u64, last: &str) -> Result<bool, StoreError> {
        let (end, _) = self.history_end()?;
        if bytes == 0 {
            return Ok(last.is_empty());
        }
        if bytes > end {
            return Ok(false);
        }
        let from = bytes.saturating_sub(crate::progress::history::SUM_TAIL_LENGTH);
        let tail = read_guarded(&self.history_path(), from, MAX_HISTORY_BYTES, Links::Follow)?
            .unwrap_or_default();
        let length = usize::try_from(bytes - from).unwrap_or(usize::MAX);
        Ok(tail.len() >= length
            && crate::progress::history::sum_at_end(&tail[..length]) == Some(last))
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
        bytes.truncate(usize::try_from(decoded.whole_bytes).unwrap_or(usize::MAX));
        Ok(bytes)
    }

    /// Why the snapshot cannot be read, if it cannot (for `doctor`).
    pub fn snapshot_problem(&self) -> Option<StoreError> {
        self.read_snapshot().err()
    }

    /// Why the history cannot be read on its own, if it cannot; and how
    /// many changes it holds (for `doctor`).
    pub fn history_on_its_own(&self) -> Result<usize, StoreError> {
        self.verify_history()
    }
}

/// Reads a file of the home through the one guarded reader, its problems as store errors.
pub(super) fn read_guarded(
    path: &Path,
    offset: u64,
    limit: u64,
    links: Links,
) -> Result<Option<Vec<u8>>, StoreError> {
    plain_file::read_from(path, offset, limit, links)
        .map_err(|problem| guarded_error(path, problem))
}

pub(super) fn guarded_error(path: &Path, problem: FileProblem) -> StoreError {
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
