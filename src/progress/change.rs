//! Changing progress: status transitions, notes, and undo, each recorded in the history.

use std::collections::BTreeSet;

use super::{Before, Event, Note, RoadmapProgress, Status, StepProgress, Timestamp};

/// A status change a command asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Start,
    /// `on` records an earlier finish time than now.
    Done {
        on: Option<Timestamp>,
    },
    Skip {
        reason: Option<String>,
    },
    Reset,
}

impl Action {
    fn target(&self) -> Status {
        match self {
            Action::Start => Status::InProgress,
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

/// What `undo` reverted: the original command and the events undo recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Reverted {
    pub command: String,
    pub at: Timestamp,
    pub events: Vec<Event>,
}

impl RoadmapProgress {
    fn step_entry(&mut self, step_id: &str) -> &mut StepProgress {
        self.steps.entry(step_id.to_string()).or_default()
    }

    /// Drops records that are back at their defaults, so the file holds only what matters.
    fn forget_untouched(&mut self, step_id: &str) {
        if self
            .steps
            .get(step_id)
            .is_some_and(StepProgress::is_untouched)
        {
            self.steps.remove(step_id);
        }
    }

    /// Starts a new change: its number, recorded only if events follow.
    fn begin_change(&self) -> u64 {
        self.last_change + 1
    }

    fn finish_change(&mut self, change: u64, journal: &[Event]) {
        if journal.last().is_some_and(|event| event.change == change) {
            self.last_change = change;
        }
    }

    /// Applies `action` to each step, as one change recorded in `journal`.
    pub fn apply(
        &mut self,
        action: &Action,
        step_ids: &[&str],
        now: Timestamp,
        command: &str,
        journal: &mut Vec<Event>,
    ) -> Vec<Outcome> {
        let change = self.begin_change();
        let to = action.target();
        let mut outcomes = Vec::with_capacity(step_ids.len());
        for &step_id in step_ids {
            let step = self.step_entry(step_id);
            let from = step.status;
            if from == to {
                outcomes.push(Outcome::Unchanged {
                    step: step_id.to_string(),
                    status: from,
                });
                self.forget_untouched(step_id);
                continue;
            }
            let before = Before {
                started: step.started,
                finished: step.finished,
                skip_reason: step.skip_reason.clone(),
            };
            step.status = to;
            match action {
                Action::Start => {
                    step.started = step.started.or(Some(now));
                    step.finished = None;
                    step.skip_reason = None;
                }
                Action::Done { on } => {
                    let finished = on.unwrap_or(now);
                    // A step cannot have started after it finished.
                    step.started = step.started.map(|started| started.min(finished));
                    step.finished = Some(finished);
                    step.skip_reason = None;
                }
                Action::Skip { reason } => {
                    step.finished = None;
                    step.skip_reason = reason.clone();
                }
                Action::Reset => {
                    step.started = None;
                    step.finished = None;
                    step.skip_reason = None;
                }
            }
            self.forget_untouched(step_id);
            journal.push(Event {
                before,
                ..Event::new(change, now, command, step_id, from, to)
            });
            outcomes.push(Outcome::Changed {
                step: step_id.to_string(),
                from,
                to,
            });
        }
        self.finish_change(change, journal);
        outcomes
    }

    /// Adds a note to a step, as one change recorded in `journal`.
    pub fn add_note(
        &mut self,
        step_id: &str,
        text: &str,
        now: Timestamp,
        command: &str,
        journal: &mut Vec<Event>,
    ) {
        let change = self.begin_change();
        let step = self.step_entry(step_id);
        step.notes.push(Note {
            at: now,
            text: text.to_string(),
        });
        let status = step.status;
        journal.push(Event {
            note: Some(now),
            ..Event::new(change, now, command, step_id, status, status)
        });
        self.finish_change(change, journal);
    }

    /// Reverts the last change in `history` (this roadmap's events, oldest
    /// first) that is neither an undo nor undone, as a whole, recording the
    /// reversal in `journal`. Repeating it walks further back.
    pub fn undo(
        &mut self,
        history: &[Event],
        now: Timestamp,
        journal: &mut Vec<Event>,
    ) -> Option<Reverted> {
        let undone = undone_changes(history);
        let target = history
            .iter()
            .rev()
            .find(|event| {
                event.undoes.is_none() && !event.imported && !undone.contains(&event.change)
            })?
            .change;
        let originals: Vec<&Event> = history
            .iter()
            .filter(|event| event.change == target)
            .collect();
        let first = originals.first()?;
        let (command, at) = (first.command.clone(), first.at);
        let change = self.begin_change();
        let first_new = journal.len();
        // Newest first, so a change that touched a step twice unwinds in order.
        for original in originals.iter().rev() {
            let step = self.step_entry(&original.step);
            let current = step.status;
            let event = if let Some(note_at) = original.note {
                if let Some(index) = step.notes.iter().rposition(|note| note.at == note_at) {
                    step.notes.remove(index);
                }
                Event {
                    note: Some(note_at),
                    undoes: Some(target),
                    ..Event::new(change, now, "undo", &original.step, current, current)
                }
            } else {
                let before = Before {
                    started: step.started,
                    finished: step.finished,
                    skip_reason: step.skip_reason.clone(),
                };
                step.status = original.from;
                step.started = original.before.started;
                step.finished = original.before.finished;
                step.skip_reason = original.before.skip_reason.clone();
                Event {
                    before,
                    undoes: Some(target),
                    ..Event::new(change, now, "undo", &original.step, current, original.from)
                }
            };
            self.forget_untouched(&original.step);
            journal.push(event);
        }
        self.finish_change(change, journal);
        Some(Reverted {
            command,
            at,
            events: journal[first_new..].to_vec(),
        })
    }
}

/// Which changes in `history` have been reverted by undo.
pub fn undone_changes(history: &[Event]) -> BTreeSet<u64> {
    history.iter().filter_map(|event| event.undoes).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn at(text: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn undo_restores_dates_and_walks_back_one_change_at_a_time() {
        let mut progress = RoadmapProgress::default();
        let mut history = Vec::new();
        let start = at("2026-01-01T10:00:00+07:00");
        progress.apply(&Action::Start, &["a"], start, "start a", &mut history);
        let original = progress.clone();
        let done = Action::Done { on: None };
        let day2 = at("2026-01-02T10:00:00+07:00");
        progress.apply(&done, &["a", "b"], day2, "done a b", &mut history);
        let day3 = at("2026-01-03T10:00:00+07:00");
        progress.add_note("b", "link", day3, "note b link", &mut history);
        assert_eq!(progress.last_change, 3);

        let mut undo = |progress: &mut RoadmapProgress, second: u32| {
            let now = at(&format!("2026-01-04T10:00:0{second}+07:00"));
            let mut journal = Vec::new();
            let reverted = progress.undo(&history, now, &mut journal);
            history.extend(journal);
            reverted
        };
        let reverted = undo(&mut progress, 0).unwrap();
        assert_eq!(reverted.command, "note b link");
        assert!(progress.step("b").unwrap().notes.is_empty());

        let reverted = undo(&mut progress, 1).unwrap();
        assert_eq!(reverted.command, "done a b");
        assert_eq!(progress.steps, original.steps);

        let reverted = undo(&mut progress, 2).unwrap();
        assert_eq!(reverted.command, "start a");
        assert!(progress.steps.is_empty());
        assert!(undo(&mut progress, 3).is_none());
        assert_eq!(progress.last_change, 6);
    }

    #[test]
    fn done_on_an_earlier_day_keeps_started_no_later_than_finished() {
        let mut progress = RoadmapProgress::default();
        let mut journal = Vec::new();
        let start = at("2026-03-10T09:00:00+07:00");
        progress.apply(&Action::Start, &["a"], start, "start a", &mut journal);
        let on = Some(at("2026-03-01T00:00:00+07:00"));
        let now = at("2026-03-10T10:00:00+07:00");
        progress.apply(&Action::Done { on }, &["a"], now, "done a", &mut journal);
        let step = progress.step("a").unwrap();
        assert_eq!(step.finished, on);
        assert_eq!(step.started, on);
    }

    #[test]
    fn an_action_that_changes_nothing_records_nothing() {
        let mut progress = RoadmapProgress::default();
        let mut journal = Vec::new();
        let now = at("2026-03-10T09:00:00Z");
        let outcomes = progress.apply(&Action::Reset, &["a"], now, "reset a", &mut journal);
        assert_eq!(
            outcomes,
            vec![Outcome::Unchanged {
                step: "a".into(),
                status: Status::Todo
            }]
        );
        assert_eq!(progress, RoadmapProgress::default());
        assert!(journal.is_empty());
    }
}
