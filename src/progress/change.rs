//! Changing progress: status actions, notes, ticks, the target date and undo, each recorded as a change.

use chrono::{NaiveDate, TimeDelta};

use super::replay::{replay_into, step_effect};
use super::{
    Change, Op, RecordedEffect, Recorder, RoadmapProgress, Status, StepProgress, TargetEffect,
    Timestamp, UndoEffect, cancelled_changes,
};

/// The most steps an undo records what it left on (see [`UndoEffect`]).
const MAX_UNDO_EFFECT_STEPS: usize = 1024;

/// How far ahead of this device's clock a change's time may be: a change
/// from elsewhere stamped later is refused, and a new change never follows it.
pub const MAX_CLOCK_LEAD: TimeDelta = TimeDelta::days(1);

/// A status change a command asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// `on` records an earlier start time than now.
    Start {
        on: Option<Timestamp>,
    },
    /// `on` records an earlier finish time than now.
    Done {
        on: Option<Timestamp>,
    },
    /// `on` records the day the step was set aside; without it a skip
    /// keeps no date of its own, as before that option.
    Skip {
        reason: Option<String>,
        on: Option<Timestamp>,
    },
    Reset,
}

impl Action {
    fn target(&self) -> Status {
        match self {
            Action::Start { .. } => Status::InProgress,
            Action::Done { .. } => Status::Done,
            Action::Skip { .. } => Status::Skipped,
            Action::Reset => Status::Todo,
        }
    }
}

/// What an action did to one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Changed {
        step: String,
        from: Status,
        to: Status,
    },
    /// The step was already where the action would put it.
    Unchanged { step: String, status: Status },
}

/// What `undo` took back: the original change, and what that did to the steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Reverted {
    pub command: String,
    pub at: Timestamp,
    /// Steps whose status went back: (step, from, to).
    pub statuses: Vec<(String, Status, Status)>,
    /// Steps that lost notes: (step, count).
    pub notes_removed: Vec<(String, usize)>,
    /// Steps that got notes back (an edit or a deletion taken back): (step, count).
    pub notes_restored: Vec<(String, usize)>,
    /// Actions whose tick went back: (step, action key, ticked after).
    pub ticks: Vec<(String, String, bool)>,
    /// Resources whose used mark went back: (step, address, used after).
    pub resources: Vec<(String, String, bool)>,
    /// The target before and after, when it changed.
    pub target: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    /// Steps whose planned day went back: (step, day after).
    pub dues: Vec<(String, Option<NaiveDate>)>,
}

/// What ticking (or marking used) did to one action (or resource).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkOutcome {
    pub step: String,
    pub key: String,
    /// Ticked (used) now.
    pub on: bool,
    /// False when it already was so, and nothing was recorded for it.
    pub changed: bool,
}

/// What `edit_note` does to a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteEdit<'a> {
    /// New text; `evidence` marks it as evidence, `on` dates it anew.
    Rewrite {
        text: &'a str,
        evidence: bool,
        on: Option<Timestamp>,
    },
    Delete,
}

/// What a tick or a used mark is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    Action,
    Resource,
}

impl RoadmapProgress {
    /// The time a change made now is recorded at, by a hybrid logical
    /// clock: now, or a second after the latest change already seen if
    /// that is later, so the change orders after everything this device
    /// knows and always takes effect, whatever another device's clock says.
    /// A time more than [`MAX_CLOCK_LEAD`] ahead of now is not followed
    /// (other devices refuse such changes), so one command under a wrong
    /// clock, or a file from the future, cannot drag every later one along.
    fn stamp(&self, now: Timestamp) -> Timestamp {
        let bound = now + MAX_CLOCK_LEAD;
        let seen = match self.latest {
            Some(latest) if latest <= bound => Some(latest),
            Some(_) => self.latest_up_to(bound),
            None => None,
        };
        match seen {
            // Never past the bound itself: other devices would refuse it.
            Some(seen) if seen >= now => (seen + chrono::TimeDelta::seconds(1))
                .min(bound)
                .with_timezone(now.offset()),
            _ => now,
        }
    }

    /// The latest operation time no later than `bound`.
    fn latest_up_to(&self, bound: Timestamp) -> Option<Timestamp> {
        let steps = self
            .steps
            .values()
            .flat_map(|step| step.operation_keys().map(|key| key.at));
        steps
            .chain(self.target_set.iter().map(|key| key.at))
            .filter(|at| *at <= bound)
            .max()
    }

    /// Applies `action` to each step, as one change.
    pub fn apply(
        &mut self,
        action: &Action,
        step_ids: &[&str],
        now: Timestamp,
        command: &str,
        recorder: &mut Recorder,
    ) -> Vec<Outcome> {
        let mut change = recorder.begin(self.stamp(now), command);
        let outcomes = self.status_ops(action, step_ids, now, &mut change.ops);
        if !change.ops.is_empty() {
            self.apply_change(&change);
        }
        recorder.record(change);
        outcomes
    }

    /// The status operations that apply `action` to each step, added to `ops`.
    fn status_ops(
        &self,
        action: &Action,
        step_ids: &[&str],
        now: Timestamp,
        ops: &mut Vec<Op>,
    ) -> Vec<Outcome> {
        let to = action.target();
        let mut outcomes = Vec::with_capacity(step_ids.len());
        for &step_id in step_ids {
            let record = self.steps.get(step_id).cloned().unwrap_or_default();
            let from = record.status;
            let new_reason = match action {
                Action::Skip { reason, .. } => reason.clone(),
                _ => None,
            };
            // Skipping a skipped step again with another reason changes the reason.
            let same = from == to
                && (to != Status::Skipped
                    || new_reason.is_none()
                    || new_reason == record.skip_reason);
            if same {
                outcomes.push(Outcome::Unchanged {
                    step: step_id.to_string(),
                    status: from,
                });
                continue;
            }
            let (started, finished) = match action {
                // A day typed is what the learner means, over what was kept.
                Action::Start { on } => (on.or(record.started).or(Some(now)), None),
                Action::Done { on } => {
                    let finished = on.unwrap_or(now);
                    // A step cannot have started after it finished.
                    (
                        record.started.map(|started| started.min(finished)),
                        Some(finished),
                    )
                }
                Action::Skip { on, .. } => (record.started, *on),
                Action::Reset => (None, None),
            };
            ops.push(Op::Status {
                step: step_id.to_string(),
                from,
                to,
                started,
                finished,
                reason: new_reason,
            });
            outcomes.push(Outcome::Changed {
                step: step_id.to_string(),
                from,
                to,
            });
        }
        outcomes
    }

    /// Adds a note to a step, as one change; `evidence` marks it as meant
    /// to be shown, `on` dates it earlier than now.
    #[allow(clippy::too_many_arguments)]
    pub fn add_note(
        &mut self,
        step_id: &str,
        text: &str,
        evidence: bool,
        on: Option<Timestamp>,
        now: Timestamp,
        command: &str,
        recorder: &mut Recorder,
    ) {
        let mut change = recorder.begin(self.stamp(now), command);
        change.ops.push(Op::Note {
            step: step_id.to_string(),
            at: on.unwrap_or(now),
            text: text.to_string(),
            evidence,
        });
        self.apply_change(&change);
        recorder.record(change);
    }

    /// Rewrites or deletes the step's `index`th note (in the order `show`
    /// numbers them, from 0), as one change: the note is dropped and, for
    /// a rewrite, added again with the new text, so that `undo` and the
    /// other devices see an ordinary change. A rewrite keeps the note's day
    /// unless `on` names another, and its evidence mark unless `evidence`
    /// sets it. `None`, with nothing recorded, when there is no such note
    /// (or it predates the history, and no change can name it).
    #[allow(clippy::too_many_arguments)]
    pub fn edit_note(
        &mut self,
        step_id: &str,
        index: usize,
        edit: NoteEdit<'_>,
        now: Timestamp,
        command: &str,
        recorder: &mut Recorder,
    ) -> Option<()> {
        let note = self.step(step_id)?.notes.get(index)?.clone();
        let id = note.id?;
        let mut change = recorder.begin(self.stamp(now), command);
        change.ops.push(Op::DropNote {
            step: step_id.to_string(),
            note: id,
        });
        if let NoteEdit::Rewrite { text, evidence, on } = edit {
            change.ops.push(Op::Note {
                step: step_id.to_string(),
                at: on.unwrap_or(note.at),
                text: text.to_string(),
                evidence: evidence || note.evidence,
            });
        }
        // The note dropped is one this state holds, so applying the change
        // here is what a replay of the whole history would give.
        self.apply_dropping(&change);
        recorder.record(change);
        Some(())
    }

    /// Ticks (`on`) or unticks the actions, or marks the resources used or
    /// not, each `(step, key)`, as one change. `finish` sees the progress
    /// after the marks and names steps to mark done in the same change (a
    /// roadmap that finishes a step with its last tick), so that one undo
    /// takes both back.
    #[allow(clippy::too_many_arguments)]
    pub fn set_marks(
        &mut self,
        kind: MarkKind,
        marks: &[(&str, &str)],
        on: bool,
        now: Timestamp,
        command: &str,
        recorder: &mut Recorder,
        finish: impl FnOnce(&RoadmapProgress) -> Vec<String>,
    ) -> (Vec<MarkOutcome>, Vec<Outcome>) {
        let mut change = recorder.begin(self.stamp(now), command);
        let mut outcomes = Vec::with_capacity(marks.len());
        for &(step, key) in marks {
            let record = self.steps.get(step);
            let was = record.is_some_and(|record| match kind {
                MarkKind::Action => record.is_ticked(key),
                MarkKind::Resource => record.is_used(key),
            });
            let changed = was != on
                && !outcomes
                    .iter()
                    .any(|seen: &MarkOutcome| seen.step == step && seen.key == key);
            if changed {
                let (step, key) = (step.to_string(), key.to_string());
                change.ops.push(match kind {
                    MarkKind::Action => Op::Tick {
                        step,
                        action: key,
                        on,
                    },
                    MarkKind::Resource => Op::Used { step, url: key, on },
                });
            }
            outcomes.push(MarkOutcome {
                step: step.to_string(),
                key: key.to_string(),
                on,
                changed,
            });
        }
        let mut finished = Vec::new();
        if !change.ops.is_empty() {
            self.apply_change(&change);
            let steps = finish(self);
            let steps: Vec<&str> = steps.iter().map(String::as_str).collect();
            if !steps.is_empty() {
                let done = Action::Done { on: None };
                finished = self.status_ops(&done, &steps, now, &mut change.ops);
                // Applying the change again sets only what it did not yet:
                // each operation wins over itself once.
                self.apply_change(&change);
            }
        }
        recorder.record(change);
        (outcomes, finished)
    }

    /// Plans each step for a day (or clears it, with `None`), as one
    /// change; the steps already so are left out. Returns those changed.
    pub fn set_due(
        &mut self,
        dates: &[(&str, Option<NaiveDate>)],
        now: Timestamp,
        command: &str,
        recorder: &mut Recorder,
    ) -> Vec<String> {
        let mut change = recorder.begin(self.stamp(now), command);
        let mut changed = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for &(step, date) in dates {
            let was = self.step(step).and_then(StepProgress::due_date);
            if was != date && seen.insert(step) {
                change.ops.push(Op::Due {
                    step: step.to_string(),
                    date,
                });
                changed.push(step.to_string());
            }
        }
        if !change.ops.is_empty() {
            self.apply_change(&change);
        }
        recorder.record(change);
        changed
    }

    /// Sets or clears the finish-by date, as one change; false when it
    /// already was that.
    pub fn set_target(
        &mut self,
        date: Option<NaiveDate>,
        now: Timestamp,
        command: &str,
        recorder: &mut Recorder,
    ) -> bool {
        if self.target == date {
            return false;
        }
        let mut change = recorder.begin(self.stamp(now), command);
        change.ops.push(Op::Target { date });
        self.apply_change(&change);
        recorder.record(change);
        true
    }

    /// Takes back the latest change in `history` (this roadmap's changes,
    /// any order) that is neither an undo nor undone, on whichever device
    /// it was made: one learner's devices share one history. Repeating it
    /// walks further back. The undo is itself a change, so it travels to
    /// the other devices and a change taken back stays taken back.
    ///
    /// `history` need not be whole: only the steps the change taken back
    /// touched (and the target, if it set one) are replayed, so the changes
    /// bearing on those, with every undo, are enough (see
    /// [`latest_undoable`] and `ProgressStore::changes_touching`).
    pub fn undo(
        &mut self,
        history: &[&Change],
        now: Timestamp,
        recorder: &mut Recorder,
    ) -> Option<Reverted> {
        let cancelled = cancelled_changes(history.iter().copied());
        let target = history
            .iter()
            .copied()
            .filter(|change| !change.is_undo() && !cancelled.contains(change))
            .max_by(|a, b| a.order(b))?;
        let mut change = recorder.begin(self.stamp(now), "undo");
        change.ops.push(Op::Undo {
            change: Some(target.id.clone()),
            device: String::new(),
            seq: 0,
            effect: RecordedEffect::default(),
        });
        // Each step replays on its own: those the change touched are
        // replayed from what bears on them, the rest stay as they are.
        let after = replay_into(
            self,
            history.iter().copied().chain(std::iter::once(&change)),
        );
        let mut touched: Vec<&str> = target.ops.iter().filter_map(Op::step).collect();
        touched.sort_unstable();
        touched.dedup();
        let mut reverted = Reverted {
            command: target.command.clone(),
            at: target.at,
            statuses: Vec::new(),
            notes_removed: Vec::new(),
            notes_restored: Vec::new(),
            ticks: Vec::new(),
            resources: Vec::new(),
            target: None,
            dues: Vec::new(),
        };
        for &step in &touched {
            let (from, to) = (self.status(step), after.status(step));
            if from != to {
                reverted.statuses.push((step.to_string(), from, to));
            }
            let (before, later) = (self.step(step), after.step(step));
            let due = |record: Option<&StepProgress>| record.and_then(StepProgress::due_date);
            if due(before) != due(later) {
                reverted.dues.push((step.to_string(), due(later)));
            }
            // Notes are told apart by the operation that added them: an
            // edit taken back removes the new text and restores the old.
            let missing_from = |these: Option<&StepProgress>, those: Option<&StepProgress>| {
                let those = those.map_or(&[][..], |record| &record.notes[..]);
                these.map_or(0, |record| {
                    let notes = record.notes.iter();
                    notes
                        .filter(|note| !those.iter().any(|other| other.is_same(note)))
                        .count()
                })
            };
            let removed = missing_from(before, later);
            let restored = missing_from(later, before);
            if removed > 0 {
                reverted.notes_removed.push((step.to_string(), removed));
            }
            if restored > 0 {
                reverted.notes_restored.push((step.to_string(), restored));
            }
            for op in &target.ops {
                match op {
                    Op::Tick {
                        step: at_step,
                        action,
                        ..
                    } if at_step == step => {
                        let ticked = |record: Option<&StepProgress>| {
                            record.is_some_and(|record| record.is_ticked(action))
                        };
                        if ticked(before) != ticked(later) {
                            let entry = (step.to_string(), action.clone(), ticked(later));
                            reverted.ticks.push(entry);
                        }
                    }
                    Op::Used {
                        step: at_step, url, ..
                    } if at_step == step => {
                        let used = |record: Option<&StepProgress>| {
                            record.is_some_and(|record| record.is_used(url))
                        };
                        if used(before) != used(later) {
                            let entry = (step.to_string(), url.clone(), used(later));
                            reverted.resources.push(entry);
                        }
                    }
                    _ => {}
                }
            }
        }
        // Only a change that set the target moves it back: the partial
        // replay knows nothing of a target set by changes it was not given.
        let sets_target = target.ops.iter().any(|op| matches!(op, Op::Target { .. }));
        if sets_target && self.target != after.target {
            reverted.target = Some((self.target, after.target));
        }
        // What it left is recorded, so that the snapshot need not be
        // rewritten; but not for a change to very many steps, where that
        // would cost about what rewriting the snapshot does.
        let effect = (touched.len() <= MAX_UNDO_EFFECT_STEPS)
            .then(|| {
                let steps = touched.iter().map(|&step| {
                    let left = match after.steps.get(step) {
                        Some(record) => Some(step_effect(self.steps.get(step), record)?),
                        None => None,
                    };
                    Some((step.to_string(), left))
                });
                Some(UndoEffect {
                    after: String::new(),
                    steps: steps.collect::<Option<_>>()?,
                    target: sets_target.then(|| TargetEffect {
                        date: after.target,
                        set: after.target_set.clone(),
                    }),
                })
            })
            .flatten();
        for step in touched {
            match after.steps.get(step) {
                Some(record) => self.steps.insert(step.to_string(), record.clone()),
                None => self.steps.remove(step),
            };
        }
        if sets_target {
            self.target = after.target;
            self.target_set.clone_from(&after.target_set);
        }
        self.latest = self.latest.max(Some(change.at));
        if let Some(effect) = effect
            && let Some(Op::Undo { effect: slot, .. }) = change.ops.first_mut()
        {
            *slot = RecordedEffect(Some(Box::new(effect)));
        }
        recorder.record(change);
        Some(reverted)
    }
}

/// The change `undo` would take back among `changes` (any part of one
/// roadmap's history that holds every undo of the changes in it): the
/// latest that is neither an undo nor undone. With `later_than_unread`,
/// the latest time an unread change can have, `None` when it cannot yet
/// be told (an unread change may be later).
pub(crate) fn latest_undoable<'a>(
    changes: impl IntoIterator<Item = &'a Change> + Clone,
    later_than_unread: Option<Timestamp>,
) -> Option<&'a Change> {
    let cancelled = cancelled_changes(changes.clone());
    let latest = changes
        .into_iter()
        .filter(|change| !change.is_undo() && !cancelled.contains(change))
        .max_by(|a, b| a.order(b))?;
    match later_than_unread {
        Some(bound) if latest.at <= bound => None,
        _ => Some(latest),
    }
}

impl Op {
    /// The step an operation is about, if any.
    pub fn step(&self) -> Option<&str> {
        match self {
            Op::Status { step, .. }
            | Op::Note { step, .. }
            | Op::DropNote { step, .. }
            | Op::Tick { step, .. }
            | Op::Used { step, .. }
            | Op::Due { step, .. } => Some(step),
            Op::Target { .. } | Op::Undo { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::replay;
    use chrono::DateTime;

    fn at(text: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn recorder(history: &[Change]) -> Recorder {
        Recorder::new("dev", history.len() as u64, "r")
    }

    #[test]
    fn undo_restores_dates_and_walks_back_one_change_at_a_time() {
        let mut progress = RoadmapProgress::default();
        let mut history = Vec::new();
        let run = |progress: &mut RoadmapProgress,
                   history: &mut Vec<Change>,
                   act: &dyn Fn(&mut RoadmapProgress, &mut Recorder)| {
            let mut recorder = recorder(history);
            act(progress, &mut recorder);
            history.extend(recorder.into_changes());
        };
        let start = at("2026-01-01T10:00:00+07:00");
        run(&mut progress, &mut history, &|p, r| {
            p.apply(&Action::Start { on: None }, &["a"], start, "start a", r);
        });
        let original = progress
            .visible()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<Vec<_>>();
        let day2 = at("2026-01-02T10:00:00+07:00");
        run(&mut progress, &mut history, &|p, r| {
            p.apply(&Action::Done { on: None }, &["a", "b"], day2, "done a b", r);
        });
        let day3 = at("2026-01-03T10:00:00+07:00");
        run(&mut progress, &mut history, &|p, r| {
            p.add_note("b", "link", false, None, day3, "note b link", r);
        });
        assert_eq!(history.len(), 3);

        let mut undo = |progress: &mut RoadmapProgress, second: u32| {
            let now = at(&format!("2026-01-04T10:00:0{second}+07:00"));
            let mut recorder = recorder(&history);
            let all: Vec<&Change> = history.iter().collect();
            let before = progress.clone();
            let reverted = progress.undo(&all, now, &mut recorder);
            history.extend(recorder.into_changes());
            assert_eq!(*progress, replay(&history, "r"), "undo equals a replay");
            // What it records it left, applied to the progress before it,
            // gives the same, as a reader of the history would see it.
            if let Some(undo) = history.last().filter(|change| change.is_undo()) {
                let mut read = before;
                assert!(undo.undo_effect().is_some(), "what it left is recorded");
                assert!(read.apply_change(undo));
                assert_eq!(read, *progress, "what the undo records it left");
            }
            reverted
        };
        let reverted = undo(&mut progress, 0).unwrap();
        assert_eq!(reverted.command, "note b link");
        assert_eq!(reverted.notes_removed, vec![("b".to_string(), 1)]);
        assert!(progress.step("b").unwrap().notes.is_empty());

        let reverted = undo(&mut progress, 1).unwrap();
        assert_eq!(reverted.command, "done a b");
        let now: Vec<_> = progress
            .visible()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(now, original);

        let reverted = undo(&mut progress, 2).unwrap();
        assert_eq!(reverted.command, "start a");
        assert!(progress.visible().is_empty());
        assert!(undo(&mut progress, 3).is_none());
    }

    #[test]
    fn an_edited_or_deleted_note_in_place_is_what_a_replay_gives() {
        let mut progress = RoadmapProgress::default();
        let mut history = Vec::new();
        let mut recorder = recorder(&history);
        for (day, text) in [(1, "one"), (2, "two"), (3, "three")] {
            let now = at(&format!("2026-01-0{day}T10:00:00+07:00"));
            progress.add_note("a", text, false, None, now, "note a", &mut recorder);
        }
        let now = at("2026-01-04T10:00:00+07:00");
        let rewrite = NoteEdit::Rewrite {
            text: "two, better",
            evidence: true,
            on: None,
        };
        assert_eq!(
            progress.edit_note("a", 1, rewrite, now, "note a --edit 2", &mut recorder),
            Some(())
        );
        let later = at("2026-01-05T10:00:00+07:00");
        let delete = NoteEdit::Delete;
        assert_eq!(
            progress.edit_note("a", 0, delete, later, "note a --delete 1", &mut recorder),
            Some(())
        );
        assert_eq!(
            progress.edit_note("a", 2, delete, later, "x", &mut recorder),
            None
        );
        history.extend(recorder.into_changes());
        assert_eq!(history.len(), 5, "a refused edit records nothing");
        assert_eq!(progress, replay(&history, "r"));
        let texts: Vec<_> = progress.step("a").unwrap().notes.iter().collect();
        assert_eq!(texts.len(), 2);
        assert_eq!(
            (texts[0].text.as_str(), texts[0].evidence),
            ("two, better", true)
        );
        assert_eq!(
            texts[0].at,
            at("2026-01-02T10:00:00+07:00"),
            "keeps its day"
        );
    }

    #[test]
    fn a_note_typed_twice_and_then_deleted_stays_deleted_in_a_replay() {
        let mut progress = RoadmapProgress::default();
        let mut recorder = recorder(&[]);
        let day = Some(at("2026-01-01T00:00:00+07:00"));
        for second in 0..2 {
            let now = at(&format!("2026-01-02T10:00:0{second}+07:00"));
            progress.add_note("a", "call", false, day, now, "note a", &mut recorder);
        }
        assert_eq!(
            progress.step("a").unwrap().notes.len(),
            1,
            "twins are one note"
        );
        let now = at("2026-01-03T10:00:00+07:00");
        progress.edit_note(
            "a",
            0,
            NoteEdit::Delete,
            now,
            "note a --delete 1",
            &mut recorder,
        );
        let history = recorder.into_changes();
        assert!(progress.step("a").is_none_or(|step| step.notes.is_empty()));
        assert_eq!(progress, replay(&history, "r"));
    }

    #[test]
    fn done_on_an_earlier_day_keeps_started_no_later_than_finished() {
        let mut progress = RoadmapProgress::default();
        let mut recorder = Recorder::new("dev", 0, "r");
        let start = at("2026-03-10T09:00:00+07:00");
        progress.apply(
            &Action::Start { on: None },
            &["a"],
            start,
            "start a",
            &mut recorder,
        );
        let on = Some(at("2026-03-01T00:00:00+07:00"));
        let now = at("2026-03-10T10:00:00+07:00");
        progress.apply(&Action::Done { on }, &["a"], now, "done a", &mut recorder);
        let step = progress.step("a").unwrap();
        assert_eq!(step.finished, on);
        assert_eq!(step.started, on);
    }

    #[test]
    fn an_action_that_changes_nothing_records_nothing() {
        let mut progress = RoadmapProgress::default();
        let mut recorder = Recorder::new("dev", 0, "r");
        let now = at("2026-03-10T09:00:00Z");
        let outcomes = progress.apply(&Action::Reset, &["a"], now, "reset a", &mut recorder);
        assert_eq!(
            outcomes,
            vec![Outcome::Unchanged {
                step: "a".into(),
                status: Status::Todo
            }]
        );
        assert_eq!(progress, RoadmapProgress::default());
        assert!(recorder.changes().is_empty());
    }

    #[test]
    fn a_command_is_never_stamped_before_what_this_device_has_seen() {
        // Another device's clock ran an hour ahead; a later command here still wins.
        let mut progress = RoadmapProgress::default();
        let mut recorder = Recorder::new("ahead", 0, "r");
        progress.apply(
            &Action::Skip {
                reason: None,
                on: None,
            },
            &["a"],
            at("2026-03-10T11:00:00Z"),
            "skip a",
            &mut recorder,
        );
        let mut here = Recorder::new("here", 0, "r");
        progress.apply(
            &Action::Done { on: None },
            &["a"],
            at("2026-03-10T10:30:00Z"),
            "done a",
            &mut here,
        );
        assert_eq!(progress.status("a"), Status::Done);
        let mut all = recorder.into_changes();
        all.extend(here.into_changes());
        assert_eq!(replay(&all, "r").status("a"), Status::Done);
    }
}
