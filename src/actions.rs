//! What a command does to the progress, apart from how it was asked for
//! and how it is told. The command line and the full-screen view call these
//! same functions, get back what changed (or a typed error) and word it
//! each in their own way, through [`crate::report::ChangeWords`].

use crate::context::Context;
use crate::error::Error;
use crate::progress::{
    Action, Change, ItemRef, MarkKind, MarkOutcome, NoteEdit, Op, Outcome, Reads, Reverted,
    RoadmapProgress, Status, Timestamp, latest_undoable,
};
use crate::roadmap::Roadmap;

/// Applies a status action to the steps, as one saved change, recorded as
/// `command`.
pub(crate) fn set_status(
    ctx: &Context,
    action: Action,
    step_ids: &[&str],
    command: &str,
) -> Result<Vec<Outcome>, Error> {
    let (outcomes, ()) = set_status_checked(ctx, action, step_ids, command, |_| Ok(()))?;
    Ok(outcomes)
}

/// [`set_status`], after `check` has accepted the progress as it is under
/// the lock (a refusal writes nothing), with what `check` read off it.
pub(crate) fn set_status_checked<T>(
    ctx: &Context,
    action: Action,
    step_ids: &[&str],
    command: &str,
    check: impl Fn(&RoadmapProgress) -> Result<T, Error>,
) -> Result<(Vec<Outcome>, T), Error> {
    let mut transaction = ctx
        .store
        .begin_with_steps(&ctx.roadmap.id, step_ids, ctx.now())?;
    let read = check(transaction.state().roadmap(&ctx.roadmap.id))?;
    let outcomes = transaction.change_roadmap(&ctx.roadmap, |progress, _, recorder| {
        progress.apply(&action, step_ids, ctx.now(), command, recorder)
    });
    transaction.commit()?;
    Ok((outcomes, read))
}

/// A skip reason as typed: trimmed, and none when nothing is left.
pub(crate) fn skip_reason(typed: Option<&str>) -> Result<Option<String>, Error> {
    let reason = typed.map(str::trim).filter(|reason| !reason.is_empty());
    if let Some(reason) = reason {
        Error::check_typed_text(reason)?;
    }
    Ok(reason.map(str::to_string))
}

/// `skip`'s arguments as the history records them: the steps, then the
/// reason quoted.
pub(crate) fn skip_arguments(steps: &[String], reason: Option<&String>) -> Vec<String> {
    let mut arguments = steps.to_vec();
    if let Some(reason) = reason {
        arguments.extend(["--reason".to_string(), format!("{reason:?}")]);
    }
    arguments
}

/// Keeps a note on a step, trimmed; an empty note is refused. `evidence`
/// marks it as meant to be shown (the portfolio shows only those).
pub(crate) fn add_note(
    ctx: &Context,
    step_id: &str,
    text: &str,
    evidence: bool,
    on: Option<Timestamp>,
    command: &str,
) -> Result<(), Error> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::EmptyNote);
    }
    Error::check_typed_text(text)?;
    let mut transaction = ctx
        .store
        .begin_with_steps(&ctx.roadmap.id, &[step_id], ctx.now())?;
    transaction.change_roadmap(&ctx.roadmap, |progress, _, recorder| {
        progress.add_note(step_id, text, evidence, on, ctx.now(), command, recorder);
    });
    transaction.commit()?;
    Ok(())
}

/// Rewrites or deletes note `number` (as `show` numbers them, from 1) of
/// a step, as one change `undo` takes back. A rewrite's text is checked as
/// a new note's is; a number the step has no note for is refused, and
/// nothing is written.
pub(crate) fn edit_note(
    ctx: &Context,
    step_id: &str,
    number: usize,
    edit: NoteEdit<'_>,
    command: &str,
) -> Result<(), Error> {
    let edit = match edit {
        NoteEdit::Rewrite { text, evidence, on } => {
            let text = text.trim();
            if text.is_empty() {
                return Err(Error::EmptyNote);
            }
            Error::check_typed_text(text)?;
            NoteEdit::Rewrite { text, evidence, on }
        }
        NoteEdit::Delete => NoteEdit::Delete,
    };
    // An edit drops the note it replaces, which only a whole state can
    // take in without replaying the history: read whole.
    let mut transaction = ctx.store.begin(Reads::State)?;
    let edited = transaction.change_roadmap(&ctx.roadmap, |progress, _, recorder| {
        let count = progress
            .step(step_id)
            .map_or(0, |record| record.notes.len());
        let index = number.checked_sub(1);
        index
            .and_then(|index| {
                progress.edit_note(step_id, index, edit, ctx.now(), command, recorder)
            })
            .ok_or(count)
    });
    if let Err(count) = edited {
        return Err(Error::NoSuchNote {
            step: ctx
                .roadmap
                .position_of(step_id)
                .map_or(0, |position| position + 1),
            number,
            count,
        });
    }
    transaction.commit()?;
    Ok(())
}

/// What ticking actions (or marking resources) did: each item, the steps
/// the roadmap finished with their last action, and where each step
/// touched stands now.
#[derive(Debug)]
pub(crate) struct Marked {
    pub items: Vec<MarkOutcome>,
    pub finished: Vec<Outcome>,
    pub steps: Vec<StepTally>,
}

/// How many of one step's actions are ticked, after a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StepTally {
    pub step: String,
    pub ticked: usize,
    pub total: usize,
    pub status: Status,
}

impl StepTally {
    /// The tally of step `position` of the roadmap in `progress`.
    pub(crate) fn of(roadmap: &Roadmap, position: usize, progress: &RoadmapProgress) -> StepTally {
        let step = &roadmap.steps[position];
        let record = progress.step(&step.id);
        let ticked = step
            .actions
            .iter()
            .filter(|action| record.is_some_and(|record| record.is_ticked(&action.key)))
            .count();
        StepTally {
            step: step.id.to_string(),
            ticked,
            total: step.actions.len(),
            status: progress.status(&step.id),
        }
    }

    /// Every action ticked, and there is at least one.
    pub(crate) fn all_ticked(&self) -> bool {
        self.total > 0 && self.ticked == self.total
    }
}

/// Ticks (`on`) or unticks the actions `items` (marks the resources used
/// or not), as one saved change recorded as `command`. On a roadmap that
/// finishes steps with their last action, ticking a step's last one marks
/// it done in the same change.
pub(crate) fn set_marks(
    ctx: &Context,
    kind: MarkKind,
    items: &[ItemRef],
    on: bool,
    command: &str,
) -> Result<Marked, Error> {
    let roadmap = &ctx.roadmap;
    let keys: Vec<(&str, &str)> = items
        .iter()
        .map(|item| {
            let step = &roadmap.steps[item.step];
            let key: &str = match kind {
                MarkKind::Action => &step.actions[item.item].key,
                MarkKind::Resource => &step.resources[item.item].url,
            };
            (step.id.as_ref(), key)
        })
        .collect();
    let mut positions: Vec<usize> = items.iter().map(|item| item.step).collect();
    positions.dedup();
    let finishes = roadmap.finish_with_actions && kind == MarkKind::Action && on;
    let finish = |progress: &RoadmapProgress| {
        if !finishes {
            return Vec::new();
        }
        positions
            .iter()
            .map(|&position| StepTally::of(roadmap, position, progress))
            .filter(|tally| {
                tally.all_ticked() && matches!(tally.status, Status::Todo | Status::InProgress)
            })
            .map(|tally| tally.step)
            .collect()
    };
    let step_ids: Vec<&str> = positions
        .iter()
        .map(|&position| roadmap.steps[position].id.as_ref())
        .collect();
    let mut transaction = ctx
        .store
        .begin_with_steps(&roadmap.id, &step_ids, ctx.now())?;
    let marked = transaction.change_roadmap(roadmap, |progress, _, recorder| {
        let (items, finished) =
            progress.set_marks(kind, &keys, on, ctx.now(), command, recorder, finish);
        let steps = positions
            .iter()
            .map(|&position| StepTally::of(roadmap, position, progress))
            .collect();
        Marked {
            items,
            finished,
            steps,
        }
    });
    transaction.commit()?;
    Ok(marked)
}

/// Takes back the last change to this roadmap, whichever device made it;
/// `None` when there is nothing to take back.
pub(crate) fn undo(ctx: &Context) -> Result<Option<Reverted>, Error> {
    let roadmap_id: &str = &ctx.roadmap.id;
    let mine = |change: &&Change| change.roadmap == roadmap_id;
    // Under the lock, the change to take back, read from the end of the
    // history; then only what bears on the steps it touched, and only
    // those steps of the progress.
    let mut relevant = Vec::new();
    let mut transaction = ctx
        .store
        .begin_with_steps_found(roadmap_id, ctx.now(), || {
            let newest = ctx.store.newest_changes(|newest| {
                newest.is_whole()
                    || latest_undoable(
                        newest.changes.iter().filter(mine),
                        newest.earlier_no_later_than,
                    )
                    .is_some()
            })?;
            let Some(target) = latest_undoable(newest.changes.iter().filter(mine), None) else {
                return Ok(Vec::new());
            };
            let steps: Vec<&str> = target.ops.iter().filter_map(Op::step).collect();
            let sets_target = target.ops.iter().any(|op| matches!(op, Op::Target { .. }));
            relevant = ctx
                .store
                .changes_touching(roadmap_id, &steps, sets_target)?;
            Ok(steps.into_iter().map(str::to_string).collect())
        })?;
    // A hand edit or an old home converted on the way holds changes not yet
    // written: then the undo is judged on the whole history in memory.
    if !transaction.history().is_empty() {
        let reverted = transaction.change_roadmap(&ctx.roadmap, |progress, history, recorder| {
            progress.undo(history, ctx.now(), recorder)
        });
        transaction.commit()?;
        return Ok(reverted);
    }
    let relevant: Vec<&Change> = relevant.iter().collect();
    let reverted = transaction.change_roadmap(&ctx.roadmap, |progress, _, recorder| {
        progress.undo(&relevant, ctx.now(), recorder)
    });
    transaction.commit()?;
    Ok(reverted)
}
