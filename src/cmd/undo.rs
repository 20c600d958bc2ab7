//! `smm-path undo`: take back the last change, as a whole, whichever device made it.

use std::io::Write;

use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, format_date, tr, word};
use crate::progress::{Change, Op, Reads, Reverted, latest_undoable};

pub(crate) fn run(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let roadmap_id: &str = &ctx.roadmap.id;
    let mut transaction = ctx.store.begin(Reads::State)?;
    // A hand edit or an old home converted on the way holds changes not yet
    // written: then the undo is judged on the whole history in memory.
    if !transaction.history().is_empty() {
        let reverted = transaction.change_roadmap(&ctx.roadmap, |progress, history, recorder| {
            progress.undo(history, ctx.now(), recorder)
        });
        transaction.commit()?;
        return report(ctx, reverted, out);
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
    report(ctx, reverted, out)
}

/// What the undo took back, or that there was nothing to take back.
fn report(ctx: &Context, reverted: Option<Reverted>, out: &mut dyn Write) -> Result<(), Error> {
    let Some(reverted) = reverted else {
        writeln!(out, "{}", word(ctx.lang, Key::UndoNothing)).map_err(Error::Output)?;
        return Ok(());
    };
    let date = format!(
        "{} {}",
        format_date(ctx.lang, reverted.at.date_naive()),
        reverted.at.format("%H:%M")
    );
    writeln!(
        out,
        "{}",
        tr(
            ctx.lang,
            Key::UndoReverted,
            &[("command", &reverted.command), ("date", &date)]
        )
    )
    .map_err(Error::Output)?;
    for (step, from, to) in &reverted.statuses {
        writeln!(out, "    {}", ctx.change_line(step, *from, *to)).map_err(Error::Output)?;
    }
    for (step, count) in &reverted.notes_removed {
        for _ in 0..*count {
            writeln!(out, "    {}", ctx.note_line(step, false)).map_err(Error::Output)?;
        }
    }
    if let Some((_, after)) = reverted.target
        && let Some(line) = ctx.op_line(&Op::Target { date: after })
    {
        writeln!(out, "    {line}").map_err(Error::Output)?;
    }
    Ok(())
}
