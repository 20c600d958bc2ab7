//! The state as a function of the set of changes: the one definition of what a history means.
//!
//! Per step, the status operation latest by (time, device, sequence, index)
//! wins, whatever order the changes arrived in, and so does the tick
//! operation latest per action (and per resource marked used); notes are
//! the union, less the ones a hand edit dropped; the finish-by target works like a status;
//! an undo cancels every operation of the change it names. Applying a
//! change to a snapshot gives the same result as replaying everything, as
//! long as it cancels nothing, which is what lets most commands skip the
//! replay.

use std::collections::{BTreeMap, HashSet};

use super::{
    Change, ChangeId, Mark, Note, Op, OpKey, RoadmapProgress, State, StepEffect, StepProgress,
    UndoEffect, UndoTarget,
};

/// The changes that the undos among a set of changes take back.
#[derive(Debug, Default)]
pub(crate) struct Cancelled {
    ids: HashSet<ChangeId>,
    /// Undos written before changes had identities name a device's number.
    numbered: HashSet<(String, u64)>,
}

impl Cancelled {
    /// Whether an undo takes `change` back.
    pub(crate) fn contains(&self, change: &Change) -> bool {
        self.ids.contains(&change.id)
            || (!self.numbered.is_empty()
                && change.id.is_derived()
                && self.numbered.contains(&(change.device.clone(), change.seq)))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ids.is_empty() && self.numbered.is_empty()
    }
}

/// The changes that an undo among `changes` takes back.
pub(crate) fn cancelled_changes<'a>(changes: impl IntoIterator<Item = &'a Change>) -> Cancelled {
    let mut cancelled = Cancelled::default();
    for target in changes.into_iter().filter_map(Change::undoes) {
        match target {
            UndoTarget::Id(id) => cancelled.ids.insert(id),
            UndoTarget::Numbered { device, seq } => cancelled.numbered.insert((device, seq)),
        };
    }
    cancelled
}

impl Change {
    /// Whether it takes something back (an undo, a dropped note): applying
    /// it to a snapshot cannot say what that leaves, only a replay can.
    pub fn cancels_something(&self) -> bool {
        self.ops
            .iter()
            .any(|op| matches!(op, Op::Undo { .. } | Op::DropNote { .. }))
    }
}

impl RoadmapProgress {
    /// Applies `change` in place. False, with nothing applied, when it
    /// cancels or drops something: only a replay of the whole set can say
    /// what that leaves.
    ///
    /// An undo that records what it left (see [`UndoEffect`]) is applied,
    /// by setting that: whoever gives it here vouches that it is in the
    /// history it was written in, right after the line it names (the
    /// history's reader checks that, and a change from elsewhere has its
    /// effect left out).
    pub fn apply_change(&mut self, change: &Change) -> bool {
        // Only in the shape smm-path writes: the undo alone, each step's
        // dropped notes in order.
        if let (Some(effect), [_]) = (change.undo_effect(), &change.ops[..])
            && effect.steps.values().flatten().all(dropped_sorted)
        {
            self.apply_undo_effect(effect, change.at);
            return true;
        }
        if change.cancels_something() {
            return false;
        }
        self.apply_ops(change, false);
        true
    }

    /// Sets what an undo stamped `at` left.
    pub(super) fn apply_undo_effect(&mut self, effect: &UndoEffect, at: super::Timestamp) {
        for (step, left) in &effect.steps {
            let had = self.steps.remove(step);
            if let Some(left) = left {
                self.steps.insert(step.clone(), left_by(had, left));
            }
        }
        if let Some(target) = &effect.target {
            self.target = target.date;
            self.target_set.clone_from(&target.set);
        }
        self.latest = self.latest.max(Some(at));
    }

    /// Applies `change` in place, drops of notes included: for a change
    /// whose drops name notes this state holds, which is what a replay of
    /// the whole history would give.
    pub(super) fn apply_dropping(&mut self, change: &Change) {
        self.apply_ops(change, false);
        // A step left with nothing is not kept, as a replay keeps none.
        self.steps
            .retain(|_, step| !step.is_blank() || step.holds_operations());
    }

    /// Applies every operation of `change`. In `bulk` (a replay), notes are
    /// only appended: the replay sorts them and drops doubles once at the
    /// end, which keeps 200,000 notes on one step near-linear.
    fn apply_ops(&mut self, change: &Change, bulk: bool) {
        for (index, op) in change.ops.iter().enumerate() {
            match op {
                Op::Status {
                    step,
                    to,
                    started,
                    finished,
                    reason,
                    ..
                } => {
                    let key = change.key(index);
                    let record = self.steps.entry(step.clone()).or_default();
                    if record.set.as_ref().is_none_or(|set| key > *set) {
                        record.status = *to;
                        record.started = *started;
                        record.finished = *finished;
                        record.skip_reason.clone_from(reason);
                        record.set = Some(key);
                    }
                }
                Op::Note {
                    step,
                    at,
                    text,
                    evidence,
                } => {
                    let note = Note {
                        at: *at,
                        text: text.clone(),
                        id: Some(change.key(index)),
                        evidence: *evidence,
                    };
                    let notes = &mut self.steps.entry(step.clone()).or_default().notes;
                    if bulk {
                        notes.push(note);
                        continue;
                    }
                    // The same note reached by two roads (a conflict copy
                    // and the history it came from) is one note.
                    let known = notes.iter().any(|known| {
                        known.id == note.id
                            || (known.at == note.at
                                && known.text == note.text
                                && known.evidence == note.evidence)
                    });
                    if !known {
                        let place =
                            notes.partition_point(|known| note_order(known) <= note_order(&note));
                        notes.insert(place, note);
                    }
                }
                Op::Tick { step, action, on } => {
                    let marks = &mut self.steps.entry(step.clone()).or_default().actions;
                    set_mark(marks, action, *on, change.key(index));
                }
                Op::Used { step, url, on } => {
                    let marks = &mut self.steps.entry(step.clone()).or_default().resources;
                    set_mark(marks, url, *on, change.key(index));
                }
                Op::Due { step, date } => {
                    let key = change.key(index);
                    let record = self.steps.entry(step.clone()).or_default();
                    if record.due.as_ref().is_none_or(|due| key > due.set) {
                        record.due = Some(super::Due {
                            date: *date,
                            set: key,
                        });
                    }
                }
                Op::Target { date } => {
                    let key = change.key(index);
                    if self.target_set.as_ref().is_none_or(|set| key > *set) {
                        self.target = *date;
                        self.target_set = Some(key);
                    }
                }
                // A replay drops notes once every note is in (see `replay_into`).
                Op::DropNote { .. } if bulk => {}
                Op::DropNote { step, note } => {
                    if let Some(record) = self.steps.get_mut(step) {
                        record.notes.retain(|known| {
                            !known.id.as_ref().is_some_and(|id| id.names_same_op(note))
                        });
                    }
                }
                Op::Undo { .. } => {}
            }
        }
        if self.latest.is_none_or(|latest| change.at > latest) {
            self.latest = Some(change.at);
        }
    }
}

/// The record `had` becomes with what an undo left on it (see [`StepEffect`]).
pub(super) fn left_by(had: Option<StepProgress>, left: &StepEffect) -> StepProgress {
    let notes = had.map(|record| record.notes).unwrap_or_default();
    // Both lists are in note order, and the dropped keys with them.
    let mut kept = notes.into_iter().filter(|note| {
        note.id
            .as_ref()
            .is_none_or(|id| left.dropped.binary_search(id).is_err())
    });
    let mut restored = left.restored.iter().cloned();
    let mut merged = Vec::new();
    let (mut next_kept, mut next_restored) = (kept.next(), restored.next());
    loop {
        match (next_kept.take(), next_restored.take()) {
            (Some(one), Some(other)) if note_order(&other) < note_order(&one) => {
                merged.push(other);
                (next_kept, next_restored) = (Some(one), restored.next());
            }
            (Some(one), other) => {
                merged.push(one);
                (next_kept, next_restored) = (kept.next(), other);
            }
            (None, Some(other)) => {
                merged.push(other);
                next_restored = restored.next();
            }
            (None, None) => break,
        }
    }
    StepProgress {
        notes: merged,
        ..left.record.clone()
    }
}

/// What an undo leaves on a step that goes from `before` to `after`, if
/// it can say so exactly (every note that went has its adding operation).
pub(super) fn step_effect(
    before: Option<&StepProgress>,
    after: &StepProgress,
) -> Option<StepEffect> {
    let had = before.map_or(&[][..], |record| &record.notes[..]);
    let (mut dropped, mut restored) = (Vec::new(), Vec::new());
    let (mut one, mut other) = (had.iter().peekable(), after.notes.iter().peekable());
    loop {
        match (one.peek(), other.peek()) {
            (Some(gone), Some(kept)) if gone == kept => {
                one.next();
                other.next();
            }
            (Some(gone), Some(kept)) if note_order(gone) <= note_order(kept) => {
                dropped.push(gone.id.clone()?);
                one.next();
            }
            (Some(gone), None) => {
                dropped.push(gone.id.clone()?);
                one.next();
            }
            (_, Some(back)) => {
                restored.push((*back).clone());
                other.next();
            }
            (None, None) => break,
        }
    }
    let effect = StepEffect {
        record: StepProgress {
            notes: Vec::new(),
            ..after.clone()
        },
        dropped,
        restored,
    };
    // Kept only when it gives exactly what it should.
    (dropped_sorted(&effect) && left_by(before.cloned(), &effect) == *after).then_some(effect)
}

/// Whether a step's dropped notes are named in order, once each, as
/// [`left_by`] needs them.
fn dropped_sorted(effect: &StepEffect) -> bool {
    effect.dropped.windows(2).all(|pair| pair[0] < pair[1])
}

/// Sets the mark on `key` unless a later operation already set it.
fn set_mark(marks: &mut BTreeMap<String, Mark>, key: &str, on: bool, set: OpKey) {
    match marks.get_mut(key) {
        Some(mark) if mark.set >= set => {}
        Some(mark) => *mark = Mark { on, set },
        None => {
            marks.insert(key.to_string(), Mark { on, set });
        }
    }
}

/// Notes read in time order; the operation key settles equal times.
fn note_order(note: &Note) -> (super::Timestamp, Option<&OpKey>) {
    (note.at, note.id.as_ref())
}

/// The progress `changes` describe, in whatever order they come and with
/// duplicates, on top of `base`'s bookkeeping (roadmap version and steps),
/// whose own step records are replaced.
pub(crate) fn replay_into<'a>(
    base: &RoadmapProgress,
    changes: impl IntoIterator<Item = &'a Change>,
) -> RoadmapProgress {
    let mut seen: HashSet<&ChangeId> = HashSet::new();
    let mut unique: Vec<&Change> = changes
        .into_iter()
        .filter(|change| seen.insert(&change.id))
        .collect();
    drop(seen);
    unique.sort_by(|a, b| a.order(b));
    let cancelled = cancelled_changes(unique.iter().copied());
    let mut progress = RoadmapProgress {
        roadmap_version: base.roadmap_version,
        step_count: base.step_count,
        known_steps: base.known_steps.clone(),
        ..RoadmapProgress::default()
    };
    // Drops apply after every note is in, so their order does not matter.
    let mut drops = Vec::new();
    let is_cancelled = |change: &Change| !cancelled.is_empty() && cancelled.contains(change);
    for change in unique {
        if is_cancelled(change) {
            progress.latest = progress.latest.max(Some(change.at));
            continue;
        }
        for op in &change.ops {
            if let Op::DropNote { .. } = op {
                drops.push(Change {
                    ops: vec![op.clone()],
                    ..change.clone()
                });
            }
        }
        progress.apply_ops(change, true);
    }
    // Drops apply before doubles are merged: the note named goes with its
    // twins (the same day, words and mark, added by an earlier operation,
    // such as a note typed twice or reached by two roads), of which the
    // state kept only one; otherwise another twin would take its place.
    for drop in &drops {
        let Some(Op::DropNote { step, note }) = drop.ops.first() else {
            continue;
        };
        let Some(record) = progress.steps.get_mut(step) else {
            continue;
        };
        let names = |known: &Note| known.id.as_ref().is_some_and(|id| id.names_same_op(note));
        let Some(named) = record.notes.iter().find(|known| names(known)).cloned() else {
            continue;
        };
        let before = drop.key(0);
        record.notes.retain(|known| {
            let twin = (known.at, &known.text, known.evidence)
                == (named.at, &named.text, named.evidence)
                && known.id.as_ref().is_some_and(|id| *id < before);
            !(names(known) || twin)
        });
    }
    for step in progress.steps.values_mut() {
        // The same note reached by two roads (a conflict copy and the
        // history it came from) is one note: the first by operation key.
        step.notes.sort_by(|a, b| {
            (a.at, &a.text, a.evidence, &a.id).cmp(&(b.at, &b.text, b.evidence, &b.id))
        });
        step.notes.dedup_by(|later, earlier| {
            later.at == earlier.at
                && later.text == earlier.text
                && later.evidence == earlier.evidence
        });
        step.notes.sort_by(|a, b| note_order(a).cmp(&note_order(b)));
    }
    progress
        .steps
        .retain(|_, step| !step.is_blank() || step.holds_operations());
    progress
}

/// Applies changes to a state in the order given; false, with the state
/// partly changed, when one needs a replay (it cancels something).
pub(super) fn apply_in_order(state: &mut State, changes: &[Change]) -> bool {
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
pub(super) fn state_from_history(mut state: State, changes: &[Change]) -> State {
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
pub(super) fn own_last_seq(changes: &[Change], device: &str) -> u64 {
    changes
        .iter()
        .filter(|change| change.device == device)
        .map(|change| change.seq)
        .max()
        .unwrap_or(0)
}

/// The progress of roadmap `roadmap_id` that `changes` describe.
pub fn replay(changes: &[Change], roadmap_id: &str) -> RoadmapProgress {
    replay_into(
        &RoadmapProgress::default(),
        changes.iter().filter(|change| change.roadmap == roadmap_id),
    )
}
