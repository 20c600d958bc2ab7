//! What a merge (sync, import) changed, and a hand edit of the snapshot turned into operations.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::{Mark, Op, RoadmapProgress, StepProgress};
use crate::progress::Status;

/// What a merge did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct MergeOutcome {
    /// Steps whose status changed: (step, from, to).
    pub status_changes: Vec<(String, Status, Status)>,
    /// Notes added: (step, count).
    pub notes_added: Vec<(String, usize)>,
    /// Actions ticked or unticked: (step, action key, ticked now).
    pub ticks: Vec<(String, String, bool)>,
    /// Resources marked used or not: (step, address, used now).
    pub resources: Vec<(String, String, bool)>,
    /// Changes from elsewhere that this copy did not have.
    pub changes_added: usize,
}

impl MergeOutcome {
    pub(crate) fn is_empty(&self) -> bool {
        self.status_changes.is_empty()
            && self.notes_added.is_empty()
            && self.ticks.is_empty()
            && self.resources.is_empty()
            && self.changes_added == 0
    }

    /// What going from `before` to `after` shows the learner, with
    /// `changes_added` changes taken in.
    pub(crate) fn between(
        before: &RoadmapProgress,
        after: &RoadmapProgress,
        changes_added: usize,
    ) -> MergeOutcome {
        let mut outcome = MergeOutcome {
            changes_added,
            ..MergeOutcome::default()
        };
        let steps: BTreeSet<&String> = before.steps.keys().chain(after.steps.keys()).collect();
        for step in steps {
            let (from, to) = (before.status(step), after.status(step));
            if from != to {
                outcome.status_changes.push((step.clone(), from, to));
            }
            let count =
                |progress: &RoadmapProgress| progress.step(step).map_or(0, |s| s.notes.len());
            if count(after) > count(before) {
                outcome
                    .notes_added
                    .push((step.clone(), count(after) - count(before)));
            }
            let (old, new) = (before.step(step), after.step(step));
            outcome.ticks.extend(
                flipped(old, new, |record| &record.actions)
                    .into_iter()
                    .map(|(key, on)| (step.clone(), key, on)),
            );
            outcome.resources.extend(
                flipped(old, new, |record| &record.resources)
                    .into_iter()
                    .map(|(key, on)| (step.clone(), key, on)),
            );
        }
        outcome
    }
}

/// The keys whose mark differs between two records of a step, each with
/// whether it is on in `new`.
fn flipped(
    old: Option<&StepProgress>,
    new: Option<&StepProgress>,
    marks: fn(&StepProgress) -> &BTreeMap<String, Mark>,
) -> Vec<(String, bool)> {
    let on = |record: Option<&StepProgress>, key: &str| {
        record
            .and_then(|record| marks(record).get(key))
            .is_some_and(|mark| mark.on)
    };
    let keys: BTreeSet<&String> = old
        .into_iter()
        .chain(new)
        .flat_map(|record| marks(record).keys())
        .collect();
    keys.into_iter()
        .filter(|key| on(old, key) != on(new, key))
        .map(|key| (key.clone(), on(new, key)))
        .collect()
}

/// The operations that turn `base` into `edited`: what a person changed
/// in the snapshot by hand. A step whose status, dates or reason differ is
/// set as a whole; notes added (or changed) are added; notes gone are
/// dropped; a changed target is set.
pub(super) fn edit_ops(base: &RoadmapProgress, edited: &RoadmapProgress) -> Vec<Op> {
    let mut ops = Vec::new();
    let blank = StepProgress::default();
    let steps: BTreeSet<&String> = base.steps.keys().chain(edited.steps.keys()).collect();
    for step in steps {
        let old = base.steps.get(step).unwrap_or(&blank);
        let new = edited.steps.get(step).unwrap_or(&blank);
        let fields = |s: &StepProgress| (s.status, s.started, s.finished, s.skip_reason.clone());
        if fields(old) != fields(new) {
            ops.push(Op::Status {
                step: step.clone(),
                from: old.status,
                to: new.status,
                started: new.started,
                finished: new.finished,
                reason: new.skip_reason.clone(),
            });
        }
        // A note marked or unmarked as evidence by hand is another note:
        // the old one is dropped and the new one added.
        let same = |a: &super::Note, b: &super::Note| {
            a.at == b.at && a.text == b.text && a.evidence == b.evidence
        };
        let kept: HashSet<usize> = new
            .notes
            .iter()
            .filter_map(|note| old.notes.iter().position(|known| same(known, note)))
            .collect();
        for (index, note) in old.notes.iter().enumerate() {
            if !kept.contains(&index)
                && let Some(id) = &note.id
            {
                ops.push(Op::DropNote {
                    step: step.clone(),
                    note: id.clone(),
                });
            }
        }
        for note in &new.notes {
            if !old.notes.iter().any(|known| same(known, note)) {
                ops.push(Op::Note {
                    step: step.clone(),
                    at: note.at,
                    text: note.text.clone(),
                    evidence: note.evidence,
                });
            }
        }
        for (action, on) in flipped(Some(old), Some(new), |record| &record.actions) {
            ops.push(Op::Tick {
                step: step.clone(),
                action,
                on,
            });
        }
        for (url, on) in flipped(Some(old), Some(new), |record| &record.resources) {
            ops.push(Op::Used {
                step: step.clone(),
                url,
                on,
            });
        }
        if old.due_date() != new.due_date() {
            ops.push(Op::Due {
                step: step.clone(),
                date: new.due_date(),
            });
        }
    }
    if base.target != edited.target {
        ops.push(Op::Target {
            date: edited.target,
        });
    }
    ops
}

impl RoadmapProgress {
    /// Takes from `other` (another copy's snapshot, such as a sync conflict
    /// copy) every step whose status was set later than here, and every
    /// note this copy lacks, as one change of this device stamped with the
    /// latest time taken, so it orders among other changes as the
    /// originals did. False when there was nothing to take.
    pub fn adopt(
        &mut self,
        other: &RoadmapProgress,
        command: &str,
        recorder: &mut super::Recorder,
    ) -> bool {
        let mut wanted = self.clone();
        let mut latest = None;
        for (id, theirs) in &other.steps {
            let ours = wanted.steps.entry(id.clone()).or_default();
            if theirs.set.is_some() && theirs.set > ours.set {
                latest = latest.max(theirs.set.as_ref().map(|key| key.at));
                ours.status = theirs.status;
                ours.started = theirs.started;
                ours.finished = theirs.finished;
                ours.skip_reason.clone_from(&theirs.skip_reason);
            }
            for note in &theirs.notes {
                let known = ours.notes.iter().any(|known| {
                    known.at == note.at
                        && known.text == note.text
                        && known.evidence == note.evidence
                });
                if !known {
                    latest = latest.max(Some(note.at));
                    ours.notes.push(note.clone());
                }
            }
            let adopt_marks =
                |ours: &mut BTreeMap<String, Mark>,
                 theirs: &BTreeMap<String, Mark>,
                 latest: &mut Option<super::Timestamp>| {
                    for (key, mark) in theirs {
                        if ours.get(key).is_none_or(|known| mark.set > known.set) {
                            *latest = (*latest).max(Some(mark.at()));
                            ours.insert(key.clone(), mark.clone());
                        }
                    }
                };
            adopt_marks(&mut ours.actions, &theirs.actions, &mut latest);
            adopt_marks(&mut ours.resources, &theirs.resources, &mut latest);
            if let Some(due) = &theirs.due
                && ours.due.as_ref().is_none_or(|known| due.set > known.set)
            {
                latest = latest.max(Some(due.set.at));
                ours.due = Some(due.clone());
            }
        }
        if other.target_set > wanted.target_set {
            latest = latest.max(other.target_set.as_ref().map(|key| key.at));
            wanted.target = other.target;
        }
        let ops = edit_ops(self, &wanted);
        let Some(at) = latest else {
            return false;
        };
        if ops.is_empty() {
            return false;
        }
        let mut change = recorder.begin(at, command);
        change.ops = ops;
        self.apply_change(&change);
        recorder.record(change);
        true
    }
}

/// Why a change from elsewhere (an import, another device's file) is
/// refused: smm-path could not have made it, so it may be an attack on
/// whoever prints it, or a clock gone wrong that would win every merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suspect {
    /// An id (device, roadmap or step) outside the id rules.
    BadId(String),
    /// Text with a control character, such as an escape sequence.
    ControlCharacter,
    /// A time more than a day ahead of this device's clock.
    FromTheFuture(super::Timestamp),
    /// A time before 1970.
    TooOld(super::Timestamp),
    /// A sequence number smm-path would never write.
    SeqOutOfRange(u64),
    /// A note or reason longer than [`super::MAX_TEXT_BYTES`].
    TooLong(usize),
    /// Another change, different from this one, already has its identity.
    IdTaken(super::ChangeId),
}

/// The longest id (of a roadmap, step or action) taken from elsewhere: far
/// beyond any a roadmap needs, and short enough to print in a message.
const MAX_ID_BYTES: usize = 200;

/// An id from elsewhere within the id rules and [`MAX_ID_BYTES`].
fn is_valid_id(id: &str) -> bool {
    id.len() <= MAX_ID_BYTES && crate::roadmap::is_valid_id(id)
}

/// A refused id as a message quotes it: cut at [`MAX_ID_BYTES`].
fn shortened(id: &str) -> String {
    match id.char_indices().nth(MAX_ID_BYTES) {
        Some((cut, _)) => format!("{}…", &id[..cut]),
        None => id.to_string(),
    }
}

/// Checks a time from elsewhere: no more than [`super::MAX_CLOCK_LEAD`]
/// ahead of `now` (it would win every merge), not before 1970.
fn check_time(at: super::Timestamp, now: super::Timestamp) -> Result<(), Suspect> {
    if at > now + super::MAX_CLOCK_LEAD {
        Err(Suspect::FromTheFuture(at))
    } else if at.timestamp() < 0 {
        Err(Suspect::TooOld(at))
    } else {
        Ok(())
    }
}

/// Checks a note or a reason: no control characters, within the length limit.
pub(crate) fn check_text(text: &str) -> Result<(), Suspect> {
    if text.len() > super::MAX_TEXT_BYTES {
        Err(Suspect::TooLong(text.len()))
    } else if crate::control::has_forbidden(text) {
        Err(Suspect::ControlCharacter)
    } else {
        Ok(())
    }
}

/// Checks another copy's snapshot of one roadmap (a sync conflict copy,
/// for `import`) as [`check_incoming`] checks a change: every time it
/// claims, every id and every text.
pub(crate) fn check_incoming_progress(
    progress: &RoadmapProgress,
    now: super::Timestamp,
) -> Result<(), Suspect> {
    let check_time = |at: super::Timestamp| check_time(at, now);
    let keys = progress
        .steps
        .values()
        .flat_map(StepProgress::operation_keys)
        .chain(progress.target_set.iter());
    for key in keys {
        check_time(key.at)?;
    }
    if let Some(at) = &progress.latest {
        check_time(*at)?;
    }
    for (id, step) in &progress.steps {
        if !is_valid_id(id) {
            return Err(Suspect::BadId(shortened(id)));
        }
        for at in step.started.iter().chain(step.finished.iter()) {
            check_time(*at)?;
        }
        if let Some(reason) = &step.skip_reason {
            check_text(reason)?;
        }
        for note in &step.notes {
            check_time(note.at)?;
            check_text(&note.text)?;
        }
        if let Some(key) = step.actions.keys().find(|key| !is_valid_id(key)) {
            return Err(Suspect::BadId(shortened(key)));
        }
        for url in step.resources.keys() {
            check_text(url)?;
        }
    }
    Ok(())
}

/// Checks a change from elsewhere against what smm-path itself writes.
pub(crate) fn check_incoming(change: &super::Change, now: super::Timestamp) -> Result<(), Suspect> {
    use crate::control::has_forbidden;
    let device_ok = !change.device.is_empty()
        && change.device.len() <= 64
        && change
            .device
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !device_ok {
        return Err(Suspect::BadId(shortened(&change.device)));
    }
    if !is_valid_id(&change.roadmap) {
        return Err(Suspect::BadId(shortened(&change.roadmap)));
    }
    if change.seq == 0 || change.seq > super::MAX_SEQ {
        return Err(Suspect::SeqOutOfRange(change.seq));
    }
    if has_forbidden(&change.command) {
        return Err(Suspect::ControlCharacter);
    }
    let check_time = |at: super::Timestamp| check_time(at, now);
    check_time(change.at)?;
    for op in &change.ops {
        if let Some(step) = op.step()
            && !is_valid_id(step)
        {
            return Err(Suspect::BadId(shortened(step)));
        }
        match op {
            Op::Status {
                started,
                finished,
                reason,
                ..
            } => {
                for at in started.iter().chain(finished) {
                    check_time(*at)?;
                }
                if let Some(reason) = reason {
                    check_text(reason)?;
                }
            }
            Op::Note { at, text, .. } => {
                check_time(*at)?;
                check_text(text)?;
            }
            Op::Tick { action, .. } => {
                if !is_valid_id(action) {
                    return Err(Suspect::BadId(shortened(action)));
                }
            }
            Op::Used { url, .. } => check_text(url)?,
            Op::Undo {
                change: None,
                device,
                seq,
                ..
            } => {
                if device.is_empty() || has_forbidden(device) {
                    return Err(Suspect::BadId(device.clone()));
                }
                if *seq == 0 || *seq > super::MAX_SEQ {
                    return Err(Suspect::SeqOutOfRange(*seq));
                }
            }
            Op::DropNote { .. } | Op::Target { .. } | Op::Due { .. } | Op::Undo { .. } => {}
        }
    }
    Ok(())
}
