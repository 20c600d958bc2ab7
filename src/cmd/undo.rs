//! `smm-path undo`: take back the last change, as a whole.

use std::io::Write;

use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, format_date, tr, word};

pub(crate) fn run(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let roadmap_id = &ctx.roadmap.id;
    let reverted = ctx.store.update(|state, journal| -> Result<_, Error> {
        let mut history = ctx.store.read_history(state)?;
        history.retain(|event| event.roadmap == *roadmap_id);
        Ok(
            state.change_roadmap(&ctx.roadmap, journal, |progress, journal| {
                progress.undo(&history, ctx.now(), journal)
            }),
        )
    })?;
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
    for event in &reverted.events {
        writeln!(out, "    {}", ctx.event_line(event))?;
    }
    Ok(())
}
