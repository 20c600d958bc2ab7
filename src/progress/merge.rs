//! Merging another copy of the progress (an export) into this one.
//!
//! Nothing is lost on either side: notes are the union of both, history
//! events missing here are copied in (marked as imported), and for each step
//! the status whose last change is later wins. The merge itself is one
//! change, so a single `undo` takes it back.

use std::collections::HashSet;

use super::{Before, Event, Note, RoadmapProgress, Status, StepProgress, Timestamp};

/// A step as another copy has it.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingStep {
    pub id: String,
    pub status: Status,
    pub started: Option<Timestamp>,
    pub finished: Option<Timestamp>,
    pub skip_reason: Option<String>,
    pub notes: Vec<Note>,
}

/// Another copy's progress on the same roadmap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Incoming {
    pub steps: Vec<IncomingStep>,
    /// Oldest first, as exported.
    pub history: Vec<Event>,
}

/// What a merge did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergeOutcome {
    /// Steps whose status was taken from the other copy: (step, from, to).
    pub status_changes: Vec<(String, Status, Status)>,
    /// Notes added: (step, count).
    pub notes_added: Vec<(String, usize)>,
    pub history_added: usize,
}

impl MergeOutcome {
    pub fn is_empty(&self) -> bool {
        self.status_changes.is_empty() && self.notes_added.is_empty() && self.history_added == 0
    }
}

/// The identity of an event across copies: change numbers differ between
/// machines, what happened and when does not.
fn identity(event: &Event) -> (Timestamp, &str, &str, Status, Status, Option<Timestamp>) {
    (
        event.at,
        event.command.as_str(),
        event.step.as_str(),
        event.from,
        event.to,
        event.note,
    )
}

/// When a step's status last changed, by the history, else by its own dates.
fn last_status_change(
    history: &[Event],
    step: &str,
    started: Option<Timestamp>,
    finished: Option<Timestamp>,
) -> Option<Timestamp> {
    history
        .iter()
        .rev()
        .find(|event| event.step == step && event.from != event.to)
        .map(|event| event.at)
        .or(finished.max(started))
}

impl RoadmapProgress {
    /// Merges `incoming` into this progress, recording the merge as one
    /// change in `journal` and the other copy's missing history as imported
    /// events. `history` is this roadmap's history here.
    pub fn merge(
        &mut self,
        incoming: &Incoming,
        history: &[Event],
        now: Timestamp,
        command: &str,
        journal: &mut Vec<Event>,
    ) -> MergeOutcome {
        let mut outcome = MergeOutcome::default();
        let known: HashSet<_> = history.iter().map(identity).collect();
        let mut imported_change = self.last_change;
        let mut previous_change = None;
        for event in &incoming.history {
            if known.contains(&identity(event)) || event.undoes.is_some() {
                continue;
            }
            // Keep the other copy's grouping, under new numbers.
            if previous_change != Some(event.change) {
                imported_change += 1;
                previous_change = Some(event.change);
            }
            journal.push(Event {
                change: imported_change,
                imported: true,
                ..event.clone()
            });
            outcome.history_added += 1;
        }
        self.last_change = imported_change;

        let change = self.last_change + 1;
        for theirs in &incoming.steps {
            let ours = self.steps.get(&theirs.id).cloned().unwrap_or_default();
            let our_time = last_status_change(history, &theirs.id, ours.started, ours.finished);
            let their_time = last_status_change(
                &incoming.history,
                &theirs.id,
                theirs.started,
                theirs.finished,
            );
            let step = self.steps.entry(theirs.id.clone()).or_default();
            if theirs.status != ours.status && their_time > our_time {
                journal.push(Event {
                    before: Before {
                        started: ours.started,
                        finished: ours.finished,
                        skip_reason: ours.skip_reason.clone(),
                    },
                    ..Event::new(change, now, command, &theirs.id, ours.status, theirs.status)
                });
                step.status = theirs.status;
                step.started = theirs.started;
                step.finished = theirs.finished;
                step.skip_reason = theirs.skip_reason.clone();
                outcome
                    .status_changes
                    .push((theirs.id.clone(), ours.status, theirs.status));
            }
            let mut added = 0;
            for note in &theirs.notes {
                if step.notes.contains(note) {
                    continue;
                }
                step.notes.push(note.clone());
                journal.push(Event {
                    note: Some(note.at),
                    ..Event::new(change, now, command, &theirs.id, step.status, step.status)
                });
                added += 1;
            }
            if added > 0 {
                step.notes.sort_by_key(|note| note.at);
                outcome.notes_added.push((theirs.id.clone(), added));
            }
            if *step == StepProgress::default() {
                self.steps.remove(&theirs.id);
            }
        }
        if journal.last().is_some_and(|event| event.change == change) {
            self.last_change = change;
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Action;

    fn at(text: &str) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn later_status_wins_notes_unite_and_one_undo_takes_it_back() {
        // Here: step a done on the 1st; there: a reset on the 5th, b done, a note.
        let mut here = RoadmapProgress::default();
        let mut history = Vec::new();
        here.apply(
            &Action::Done { on: None },
            &["a"],
            at("2026-11-01T10:00:00Z"),
            "done a",
            &mut history,
        );
        here.add_note(
            "a",
            "mine",
            at("2026-11-01T11:00:00Z"),
            "note a",
            &mut history,
        );
        let original = here.clone();

        let mut there = here.clone();
        let mut their_history = history.clone();
        there.apply(
            &Action::Reset,
            &["a"],
            at("2026-11-05T10:00:00Z"),
            "reset a",
            &mut their_history,
        );
        there.apply(
            &Action::Done { on: None },
            &["b"],
            at("2026-11-06T10:00:00Z"),
            "done b",
            &mut their_history,
        );
        there.add_note(
            "b",
            "theirs",
            at("2026-11-06T11:00:00Z"),
            "note b",
            &mut their_history,
        );
        let incoming = Incoming {
            steps: ["a", "b"]
                .iter()
                .map(|id| {
                    let step = there.step(id).cloned().unwrap_or_default();
                    IncomingStep {
                        id: id.to_string(),
                        status: step.status,
                        started: step.started,
                        finished: step.finished,
                        skip_reason: step.skip_reason,
                        notes: step.notes,
                    }
                })
                .collect(),
            history: their_history.clone(),
        };

        let mut journal = Vec::new();
        let outcome = here.merge(
            &incoming,
            &history,
            at("2026-11-10T10:00:00Z"),
            "import x",
            &mut journal,
        );
        assert_eq!(
            outcome.history_added, 3,
            "the shared events are not copied twice"
        );
        assert_eq!(here.status("a"), Status::Todo, "the later reset wins");
        assert_eq!(here.status("b"), Status::Done);
        assert_eq!(here.step("a").unwrap().notes.len(), 1, "our note is kept");
        assert_eq!(here.step("b").unwrap().notes[0].text, "theirs");

        history.extend(journal);
        let mut undo_journal = Vec::new();
        let reverted = here
            .undo(&history, at("2026-11-10T10:01:00Z"), &mut undo_journal)
            .unwrap();
        assert_eq!(reverted.command, "import x");
        assert_eq!(here.steps, original.steps);

        // Merging the same again changes nothing.
        let mut here = original.clone();
        let mut journal = Vec::new();
        here.merge(
            &incoming,
            &their_history,
            at("2026-11-10T10:00:00Z"),
            "import x",
            &mut journal,
        );
        let mut again = Vec::new();
        let mut merged_history = their_history.clone();
        merged_history.extend(journal);
        let outcome = here.merge(
            &incoming,
            &merged_history,
            at("2026-11-11T10:00:00Z"),
            "import x",
            &mut again,
        );
        assert!(outcome.is_empty(), "{outcome:?}");
    }
}
