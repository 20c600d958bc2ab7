//! `smm-path log`: the history of changes, newest first.

use std::io::Write;

use crate::cli::LogArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, format_date, tr, word};
use crate::progress::undone_changes;

pub(crate) fn run(ctx: &Context, args: &LogArgs, out: &mut dyn Write) -> Result<(), Error> {
    let state = ctx.store.load()?;
    let mut history = ctx.store.read_history(&state)?;
    history.retain(|event| event.roadmap == ctx.roadmap.id);
    if history.is_empty() {
        writeln!(out, "{}", word(ctx.lang, Key::LogEmpty))?;
        return Ok(());
    }
    let undone = undone_changes(&history);
    // The history is append-only and change numbers rise, so consecutive
    // events with the same number are one command.
    let changes = history.chunk_by(|a, b| a.change == b.change).rev();
    for events in changes.take(args.limit.unwrap_or(usize::MAX)) {
        let first = &events[0];
        let when = format!(
            "{} {}",
            format_date(ctx.lang, first.at.date_naive()),
            first.at.format("%H:%M")
        );
        let command = match first.undoes {
            Some(target) => {
                let original = history.iter().find(|event| event.change == target);
                let original = original.map_or("?", |event| event.command.as_str());
                tr(ctx.lang, Key::LogUndoOf, &[("command", &original)])
            }
            None => first.command.clone(),
        };
        let mut heading = format!("{when}  {command}");
        if first.imported {
            heading.push(' ');
            heading.push_str(word(ctx.lang, Key::LogImported));
        }
        if undone.contains(&first.change) {
            heading.push(' ');
            heading.push_str(word(ctx.lang, Key::LogUndone));
        }
        writeln!(out, "{heading}")?;
        for event in events {
            writeln!(out, "    {}", ctx.event_line(event))?;
        }
    }
    Ok(())
}
