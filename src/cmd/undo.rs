//! `smm-path undo`: take back the last change, as a whole, whichever device made it.

use std::io::Write;

use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, format_date, tr, word};
use crate::progress::{Op, Reads};

pub(crate) fn run(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let _roadmap_id = &ctx.roadmap.id;
    let mut transaction = ctx.store.begin(Reads::History)?;
    let reverted = transaction.change_roadmap(&ctx.roadmap, |progress, history, recorder| {
        progress.undo(history, ctx.now(), recorder)
    });
    transaction.commit()?;
    let Some(reverted) = reverted else {
        writeln!(out, "{}", word(ctx.lang, Key::UndoNothing))?;
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
    )?;
    for (step, from, to) in &reverted.statuses {
        writeln!(out, "    {}", ctx.change_line(step, *from, *to))?;
    }
    for (step, count) in &reverted.notes_removed {
        for _ in 0..*count {
            writeln!(out, "    {}", ctx.note_line(step, false))?;
        }
    }
    if let Some((_, after)) = reverted.target
        && let Some(line) = ctx.op_line(&Op::Target { date: after })
    {
        writeln!(out, "    {line}")?;
    }
    Ok(())
}
