//! What a command does to the progress, apart from how it was asked for
//! and how it is told. The command line and the full-screen view call these
//! same functions, get back what changed (or a typed error) and word it
//! each in their own way, through [`crate::report::ChangeWords`].

use crate::context::Context;
use crate::error::Error;
use crate::progress::{
    Action, Change, Op, Outcome, Reads, Reverted, RoadmapProgress, latest_undoable,
};

/// Applies a status action to the steps, as one saved change, recorded as
/// `command`.
pub(crate) fn set_status(
    ctx: &Context,
    action: Action,
    step_ids: &[&str],
    command: &str,
) -> Result<Vec<Outcome>, Error> {
    set_status_checked(ctx, action, step_ids, command, |_| Ok(()))
}

/// [`set_status`], after `check` has accepted the progress as it is under
/// the lock; a refusal writes nothing.
pub(crate) fn set_status_checked(
    ctx: &Context,
    action: Action,
    step_ids: &[&str],
    command: &str,
    check: impl Fn(&RoadmapProgress) -> Result<(), Error>,
) -> Result<Vec<Outcome>, Error> {
    let mut transaction = ctx.store.begin(Reads::State)?;
    check(transaction.state().roadmap(&ctx.roadmap.id))?;
    let outcomes = transaction.change_roadmap(&ctx.roadmap, |progress, _, recorder| {
        progress.apply(&action, step_ids, ctx.now(), command, recorder)
    });
    transaction.commit()?;
    Ok(outcomes)
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

/// Keeps a note on a step, trimmed; an empty note is refused.
pub(crate) fn add_note(
    ctx: &Context,
    step_id: &str,
    text: &str,
    command: &str,
) -> Result<(), Error> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::EmptyNote);
    }
    Error::check_typed_text(text)?;
    let mut transaction = ctx.store.begin(Reads::State)?;
    transaction.change_roadmap(&ctx.roadmap, |progress, _, recorder| {
        progress.add_note(step_id, text, ctx.now(), command, recorder);
    });
    transaction.commit()?;
    Ok(())
}

/// Takes back the last change to this roadmap, whichever device made it;
/// `None` when there is nothing to take back.
pub(crate) fn undo(ctx: &Context) -> Result<Option<Reverted>, Error> {
    let roadmap_id: &str = &ctx.roadmap.id;
    let mut transaction = ctx.store.begin(Reads::State)?;
    // A hand edit or an old home converted on the way holds changes not yet
    // written: then the undo is judged on the whole history in memory.
    if !transaction.history().is_empty() {
        let reverted = transaction.change_roadmap(&ctx.roadmap, |progress, history, recorder| {
            progress.undo(history, ctx.now(), recorder)
        });
        transaction.commit()?;
        return Ok(reverted);
    }
    // The change to take back, read from the end of the history; then
    // only what bears on the steps it touched.
    let mine = |change: &&Change| change.roadmap == roadmap_id;
    let newest = ctx.store.newest_changes(|newest| {
        newest.is_whole()
            || latest_undoable(
                newest.changes.iter().filter(mine),
                newest.earlier_no_later_than,
            )
            .is_some()
    })?;
    let relevant = match latest_undoable(newest.changes.iter().filter(mine), None) {
        Some(target) => {
            let steps: Vec<&str> = target.ops.iter().filter_map(Op::step).collect();
            let sets_target = target.ops.iter().any(|op| matches!(op, Op::Target { .. }));
            ctx.store
                .changes_touching(roadmap_id, &steps, sets_target)?
        }
        None => Vec::new(),
    };
    let relevant: Vec<&Change> = relevant.iter().collect();
    let reverted = transaction.change_roadmap(&ctx.roadmap, |progress, _, recorder| {
        progress.undo(&relevant, ctx.now(), recorder)
    });
    transaction.commit()?;
    Ok(reverted)
}
