//! A change to a home, as a transaction: read under the lock, record changes, commit.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};

use super::snapshot_cache;
use super::*;
use crate::atomic_file::sync_directory;
use crate::crash_point::{crash_point, crash_requested};
use crate::progress::Recorder;
use crate::progress::history::encode_lines;
use crate::progress::merge::edit_ops;
use crate::progress::replay::{apply_in_order, own_last_seq, state_from_history};
use crate::progress::{
    Change, ChangeId, HistoryMark, MAX_CLOCK_LEAD, Op, RoadmapProgress, SCHEMA_VERSION, State,
    Timestamp,
};
use crate::roadmap::Roadmap;

/// Below this size the snapshot is rewritten on every change: it costs
/// about a millisecond, and keeps `progress.yaml` current for people.
pub(super) const ALWAYS_REWRITE_BELOW: u64 = 1024 * 1024;

/// What reading the home for a change found.
pub(super) struct Reading {
    pub(super) state: State,
    /// The whole history, when it had to be read.
    pub(super) history: Option<Vec<Change>>,
    /// Whole lines in the history file, where they end, and the last checksum.
    pub(super) lines: u64,
    pub(super) end: u64,
    pub(super) last_sum: String,
    /// Changes this reading must record before the command's own: a hand
    /// edit, or a format 2 history converted.
    pub(super) pending: Vec<Change>,
    /// The history file must be written anew (a format 2 home converted).
    pub(super) convert: bool,
    /// The snapshot must be rewritten, whatever its size.
    pub(super) rewrite: bool,
    pub(super) snapshot_size: u64,
    pub(super) snapshot_end: u64,
    /// Only some steps were read (see [`ProgressStore::begin_with_steps`]):
    /// each step the state holds is whole, the others are not there.
    pub(super) partial: bool,
}

/// What a transaction needs read besides the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    State,
    /// Every committed change, every roadmap's (undo, merges).
    History,
}

/// One change to a home under its lock, in the shape of TaskChampion's
/// `StorageTxn`: read, record changes, commit. The state it shows already
/// includes what was recorded.
pub struct Transaction<'a> {
    store: &'a ProgressStore,
    _lock: File,
    reading: Reading,
    history: Vec<Change>,
    journal: Vec<Change>,
    /// The device id and `copied_from` when it began.
    identity: (String, String),
}

impl Transaction<'_> {
    /// The state, with what this transaction recorded so far.
    pub fn state(&self) -> &State {
        &self.reading.state
    }

    /// The state, for bookkeeping a change does not carry (the device id).
    pub fn state_mut(&mut self) -> &mut State {
        &mut self.reading.state
    }

    /// Every committed change when begun with [`Reads::History`], else none.
    pub fn history(&self) -> &[Change] {
        &self.history
    }

    /// Runs `change` on the progress of `roadmap`, which records what it
    /// does; it also gets that roadmap's committed changes (see
    /// [`Transaction::history`]).
    pub fn change_roadmap<R>(
        &mut self,
        roadmap: &Roadmap,
        change: impl FnOnce(&mut RoadmapProgress, &[&Change], &mut Recorder) -> R,
    ) -> R {
        let history: Vec<&Change> = self
            .history
            .iter()
            .filter(|known| known.roadmap == *roadmap.id)
            .collect();
        self.reading
            .state
            .change_roadmap(roadmap, &mut self.journal, |progress, recorder| {
                change(progress, &history, recorder)
            })
    }

    /// The state, the committed history and what is recorded, at once.
    pub(super) fn parts(&mut self) -> (&mut State, &[Change], &mut Vec<Change>) {
        (&mut self.reading.state, &self.history, &mut self.journal)
    }

    /// Records changes made elsewhere (a merge), as they are, but for what
    /// an undo among them says it left: that holds only in the history it
    /// was written in (see [`crate::progress::UndoEffect`]).
    pub fn record(&mut self, changes: impl IntoIterator<Item = Change>) {
        self.journal.extend(changes.into_iter().map(|mut change| {
            change.forget_undo_effect();
            change
        }));
    }

    /// What has been recorded so far.
    pub fn recorded(&self) -> &[Change] {
        &self.journal
    }

    /// Appends what was recorded to the history (the commit) and brings the
    /// snapshot up to date; writes nothing when nothing changed. A hand
    /// edit found when it began is recorded first.
    pub fn commit(mut self) -> Result<(), StoreError> {
        let reading = &mut self.reading;
        // A home that became a new device, or has said it is a copy, keeps
        // that in its snapshot even when no change was recorded.
        let identity_changed = (&reading.state.device, &reading.state.copied_from)
            != (&self.identity.0, &self.identity.1);
        reading.rewrite |= identity_changed;
        // A converted format 2 home is written only along with a change.
        if self.journal.is_empty()
            && !identity_changed
            && (reading.pending.is_empty() || reading.convert)
        {
            return Ok(());
        }
        let mut changes = std::mem::take(&mut reading.pending);
        changes.append(&mut self.journal);
        // What an undo left was worked out from the committed history:
        // it holds right after it, so only first in the commit. It is
        // recorded only in a home whose snapshot is already in this
        // format, so that an older smm-path, which could not read it, says
        // the home is newer than it rather than that its history is damaged.
        let current = reading.snapshot_size > 0 && reading.state.version >= SCHEMA_VERSION;
        for (index, change) in changes.iter_mut().enumerate() {
            match change.undo_effect_mut() {
                Some(effect) if index == 0 && current => {
                    effect.after.clone_from(&reading.last_sum);
                }
                Some(_) => change.forget_undo_effect(),
                None => {}
            }
        }
        // A change that cancels another can only be read by replaying
        // everything, unless it records what it left: the snapshot takes
        // it in now, so readers need not.
        let replayed =
            |change: &Change| change.cancels_something() && change.undo_effect().is_none();
        if changes.iter().any(replayed) {
            reading.rewrite = true;
        }
        self.store.commit(reading, &changes)
    }
}

impl ProgressStore {
    /// Begins a change to this home: takes the lock, reads the state (and,
    /// with [`Reads::History`], the whole history), and records a hand edit
    /// of the snapshot found on the way. Nothing is written until
    /// [`Transaction::commit`]; a transaction dropped uncommitted writes
    /// nothing and releases the lock.
    pub fn begin(&self, reads: Reads) -> Result<Transaction<'_>, StoreError> {
        let lock = self.lock()?;
        self.remove_leftovers();
        let reading = self.read_for_change(reads == Reads::History)?;
        Ok(self.transaction(lock, reading))
    }

    /// [`Self::begin`] for a change to only `steps` of roadmap `roadmap_id`
    /// at `now`: on a large home only those steps are read (and those the
    /// history after the snapshot touches), so a change costs what it
    /// changes, not the whole progress. The state the transaction shows
    /// then holds no other step of any roadmap: only for changes that look
    /// at nothing else. Anything unusual (a hand edit, a copied home, a
    /// missed cache, a clock far ahead) reads everything, as `begin` does.
    pub fn begin_with_steps(
        &self,
        roadmap_id: &str,
        steps: &[&str],
        now: Timestamp,
    ) -> Result<Transaction<'_>, StoreError> {
        self.begin_with_steps_found(roadmap_id, now, || {
            Ok(steps.iter().map(|&step| step.to_string()).collect())
        })
    }

    /// [`Self::begin_with_steps`] for a change that learns which steps it
    /// changes only under the lock (`undo`, from the history): `find` is
    /// asked once the lock is held, before anything is read.
    pub fn begin_with_steps_found(
        &self,
        roadmap_id: &str,
        now: Timestamp,
        find: impl FnOnce() -> Result<Vec<String>, StoreError>,
    ) -> Result<Transaction<'_>, StoreError> {
        let lock = self.lock()?;
        self.remove_leftovers();
        let steps = find()?;
        let steps: Vec<&str> = steps.iter().map(String::as_str).collect();
        let reading = match self.read_steps_for_change(roadmap_id, &steps, now)? {
            Some(reading) => reading,
            None => self.read_for_change(false)?,
        };
        Ok(self.transaction(lock, reading))
    }

    fn transaction(&self, lock: File, mut reading: Reading) -> Transaction<'_> {
        let history = reading.history.take().unwrap_or_default();
        let identity = (
            reading.state.device.clone(),
            reading.state.copied_from.clone(),
        );
        Transaction {
            store: self,
            _lock: lock,
            reading,
            history,
            journal: Vec::new(),
            identity,
        }
    }

    /// What [`Self::read_for_change`] reads, with only the steps `steps`
    /// of `roadmap_id` and those the history after the snapshot touches;
    /// `None` when the whole must be read (a small snapshot, which is
    /// rewritten on every change anyway, or anything unusual).
    fn read_steps_for_change(
        &self,
        roadmap_id: &str,
        steps: &[&str],
        now: Timestamp,
    ) -> Result<Option<Reading>, StoreError> {
        if !self.keeps_caches {
            return Ok(None);
        }
        let Some(size) = self.snapshot_size()? else {
            return Ok(None);
        };
        if size < ALWAYS_REWRITE_BELOW {
            return Ok(None);
        }
        let Some(bytes) = self.snapshot_cache_bytes() else {
            return Ok(None);
        };
        let Some(mut frame) = snapshot_cache::Frame::read(&bytes) else {
            return Ok(None);
        };
        let state = &frame.snapshot.state;
        let identity = home_identity(&self.home);
        let copied = !identity.is_empty() && state.home_identity != identity;
        if frame.snapshot.edited || state.version < 3 || state.device.is_empty() || copied {
            return Ok(None);
        }
        let mark = state.history.clone().unwrap_or_default();
        let tail = self.read_tail(state)?;
        let mut wanted: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let asked = steps.iter().map(|&step| step.to_string());
        wanted
            .entry(roadmap_id.to_string())
            .or_default()
            .extend(asked);
        for change in &tail.changes {
            let touched = change.ops.iter().filter_map(Op::step).map(str::to_string);
            // An undo names no step; what it left does.
            let left = change
                .undo_effect()
                .into_iter()
                .flat_map(|effect| effect.steps.keys().cloned());
            wanted
                .entry(change.roadmap.clone())
                .or_default()
                .extend(touched.chain(left));
        }
        if frame.fill_only(&wanted).is_none() {
            return Ok(None);
        }
        let mut state = frame.snapshot.state;
        state.seq = state.seq.max(own_last_seq(&tail.changes, &state.device));
        if !apply_in_order(&mut state, &tail.changes) {
            return Ok(None);
        }
        // A time stamped after one that far ahead looks at every step.
        let bound = now + MAX_CLOCK_LEAD;
        let ahead = state
            .roadmaps
            .values()
            .any(|progress| progress.latest.is_some_and(|latest| latest > bound));
        if ahead {
            return Ok(None);
        }
        Ok(Some(Reading {
            state,
            history: None,
            lines: mark.changes + tail.changes.len() as u64,
            end: tail.end,
            last_sum: tail.last_sum,
            pending: Vec::new(),
            convert: false,
            rewrite: false,
            snapshot_size: size,
            snapshot_end: mark.bytes,
            partial: true,
        }))
    }

    /// The whole state after `changes`, for the snapshot a partial reading
    /// (see [`Self::read_steps_for_change`]) must write: everything read
    /// again under the same lock. `None` when the home changed meanwhile
    /// (a hand edit): the snapshot is then left for a later change.
    fn completed_state(
        &self,
        partial: &Reading,
        changes: &[Change],
    ) -> Result<Option<State>, StoreError> {
        let mut full = self.read_for_change(false)?;
        if !full.pending.is_empty()
            || full.convert
            || full.end != partial.end
            || full.state.device != partial.state.device
        {
            return Ok(None);
        }
        // Only changes that cancel nothing, or undos that record what
        // they left, are made on a partial reading (a note's edit is not),
        // so this holds; were it not to, the snapshot is left behind, and
        // readers replay the history.
        if !apply_in_order(&mut full.state, changes) {
            return Ok(None);
        }
        // The bookkeeping a change notes beside its operations.
        for (roadmap_id, progress) in &partial.state.roadmaps {
            if let Some(whole) = full.state.roadmaps.get_mut(roadmap_id) {
                whole.roadmap_version = progress.roadmap_version;
                whole.step_count = progress.step_count;
                whole.known_steps.clone_from(&progress.known_steps);
            }
        }
        full.state.seq = full.state.seq.max(partial.state.seq);
        Ok(Some(full.state))
    }

    /// Records in `state` what identifies this home's folder. When the
    /// snapshot names another folder, this home is a copy of that one (a
    /// new laptop, a restored backup): it becomes a new device, so that its
    /// changes from here on are its own. True when `state` changed.
    pub(super) fn notice_copy(&self, state: &mut State) -> bool {
        let identity = home_identity(&self.home);
        if identity.is_empty() || state.home_identity == identity {
            return false;
        }
        if !state.home_identity.is_empty()
            && !is_earlier_identity_of(&state.home_identity, &self.home)
        {
            state.copied_from = std::mem::replace(&mut state.device, new_device_id());
            state.seq = 0;
        }
        state.home_identity = identity;
        true
    }

    /// Reads everything a change needs, under the lock.
    pub(super) fn read_for_change(&self, with_history: bool) -> Result<Reading, StoreError> {
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
                partial: false,
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
                partial: false,
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
            partial: false,
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
    pub(super) fn record_hand_edit(
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
                command: crate::progress::HAND_EDIT_COMMAND.to_string(),
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
    pub(super) fn commit(
        &self,
        reading: &mut Reading,
        changes: &[Change],
    ) -> Result<(), StoreError> {
        let path = self.history_path();
        let write_error = |error: io::Error| StoreError::Write {
            path: path.clone(),
            reason: error.into(),
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
        let completed = if reading.partial && (due || may_outgrow) {
            self.completed_state(reading, changes)?
        } else {
            None
        };
        let whole = match &completed {
            Some(state) => Some(state),
            None => (!reading.partial).then_some(&reading.state),
        };
        // A partial reading that could not be completed cannot tell how
        // large the snapshot would grow: refused, as the whole would be.
        if whole.is_none() && may_outgrow {
            return Err(StoreError::WouldBeTooLarge {
                path: self.path(),
                limit: MAX_STATE_BYTES,
            });
        }
        if let Some(whole) = whole
            && (due || may_outgrow)
        {
            let mut state = whole.clone();
            state.history = Some(HistoryMark {
                changes: reading.lines + changes.len() as u64,
                bytes: end,
                last: last_sum.clone(),
            });
            let text = snapshot_text(&mut state).map_err(|_| StoreError::Write {
                path: self.path(),
                reason: FileProblem::Io(io::ErrorKind::InvalidData),
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
}
