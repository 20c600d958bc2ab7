//! Reading what formats 1 and 2 recorded: old history events turned into changes.
//!
//! Before format 3 the history was a list of events numbered per roadmap,
//! written by one copy, and the state file was the truth. Converting keeps
//! each old command as a change (its time, command and steps), so `log`,
//! `stats` and `undo` still see them. Old events did not record every
//! field a replay needs, so a last change, "migrated", sets whatever the
//! old state file says that a replay of the converted changes does not
//! give: after it, a replay equals the old state exactly.

use std::collections::HashMap;

use serde::Deserialize;

use super::merge::edit_ops;
use super::replay::replay_into;
use super::{Change, ChangeId, Op, RecordedEffect, RoadmapProgress, Status, Timestamp, timestamp};

/// One event of a format 1 or 2 history, or of a version 1 export.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct LegacyEvent {
    #[serde(default)]
    pub roadmap: String,
    pub change: u64,
    #[serde(with = "timestamp")]
    pub at: Timestamp,
    pub command: String,
    pub step: String,
    pub from: Status,
    pub to: Status,
    #[serde(default, with = "timestamp::optional")]
    pub note: Option<Timestamp>,
    #[serde(default)]
    pub undoes: Option<u64>,
}

/// The changes of device `device`, numbered after `seq`, that `events`
/// (one roadmap's, oldest first) and the progress they led to, `recorded`,
/// describe. The last is the "migrated" change when one is needed.
pub(crate) fn legacy_changes(
    device: &str,
    seq: u64,
    roadmap: &str,
    events: &[LegacyEvent],
    recorded: &RoadmapProgress,
    command: &str,
) -> Vec<Change> {
    let mut changes: Vec<Change> = Vec::new();
    let mut numbers: HashMap<u64, u64> = HashMap::new();
    let mut next = seq;
    for group in events.chunk_by(|a, b| a.change == b.change) {
        let first = &group[0];
        next += 1;
        numbers.insert(first.change, next);
        let mut change = Change {
            id: ChangeId::default(),
            device: device.to_string(),
            seq: next,
            at: first.at,
            roadmap: roadmap.to_string(),
            command: first.command.clone(),
            ops: Vec::new(),
        };
        for event in group {
            if let Some(undone) = event.undoes {
                if let Some(&seq) = numbers.get(&undone)
                    && change.ops.is_empty()
                {
                    change.ops.push(Op::Undo {
                        change: None,
                        device: device.to_string(),
                        seq,
                        effect: RecordedEffect::default(),
                    });
                }
                continue;
            }
            if let Some(note_at) = event.note {
                // The text lives only in the state: a note since removed is gone.
                let text = recorded
                    .step(&event.step)
                    .and_then(|step| step.notes.iter().find(|note| note.at == note_at));
                if let Some(note) = text {
                    change.ops.push(Op::Note {
                        step: event.step.clone(),
                        at: note_at,
                        text: note.text.clone(),
                        evidence: false,
                    });
                }
                continue;
            }
            if event.from != event.to {
                let at = Some(event.at);
                let (started, finished) = match event.to {
                    Status::InProgress => (at, None),
                    Status::Done => (None, at),
                    Status::Todo | Status::Skipped => (None, None),
                };
                change.ops.push(Op::Status {
                    step: event.step.clone(),
                    from: event.from,
                    to: event.to,
                    started,
                    finished,
                    reason: None,
                });
            }
        }
        if !change.ops.is_empty() {
            changes.push(change);
        }
    }
    for change in &mut changes {
        change.id = ChangeId::derived_from(change);
    }
    let replayed = replay_into(&RoadmapProgress::default(), &changes);
    let fix = edit_ops(&replayed, recorded);
    if !fix.is_empty() {
        let latest = changes
            .iter()
            .map(|change| change.at)
            .chain(recorded.steps.values().flat_map(|step| {
                step.started
                    .into_iter()
                    .chain(step.finished)
                    .chain(step.notes.iter().map(|note| note.at))
            }))
            .max();
        if let Some(at) = latest {
            changes.push(Change {
                id: ChangeId::default(),
                device: device.to_string(),
                seq: next + 1,
                at,
                roadmap: roadmap.to_string(),
                command: command.to_string(),
                ops: fix,
            });
            if let Some(change) = changes.last_mut() {
                change.id = ChangeId::derived_from(change);
            }
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converted_changes_replay_to_the_recorded_state() {
        let line = |text: &str| serde_json::from_str::<LegacyEvent>(text).unwrap();
        let events = vec![
            line(
                r#"{"roadmap":"r","change":1,"at":"2026-03-01T09:00:00+07:00","command":"done a b","step":"a","from":"todo","to":"done"}"#,
            ),
            line(
                r#"{"roadmap":"r","change":1,"at":"2026-03-01T09:00:00+07:00","command":"done a b","step":"b","from":"todo","to":"done"}"#,
            ),
            line(
                r#"{"roadmap":"r","change":2,"at":"2026-03-02T09:00:00+07:00","command":"note a","step":"a","from":"done","to":"done","note":"2026-03-02T09:00:00+07:00"}"#,
            ),
            line(
                r#"{"roadmap":"r","change":3,"at":"2026-03-03T09:00:00+07:00","command":"undo","step":"b","from":"done","to":"todo","undoes":1}"#,
            ),
        ];
        let recorded: RoadmapProgress = crate::yaml::parse(
            "steps:\n  a:\n    status: done\n    finished: 2026-02-20T09:00:00+07:00\n    notes:\n    - at: 2026-03-02T09:00:00+07:00\n      text: kept\n  c:\n    status: skipped\n    skip_reason: later\n",
        )
        .unwrap();
        let changes = legacy_changes("dev", 0, "r", &events, &recorded, "migrated");
        assert_eq!(changes.len(), 4, "three commands and the fix: {changes:#?}");
        assert!(
            changes[2]
                .undoes()
                .is_some_and(|target| changes[0].is_named_by(&target))
        );
        let replayed = replay_into(&RoadmapProgress::default(), &changes);
        assert_eq!(replayed.visible(), recorded.visible());
    }
}
