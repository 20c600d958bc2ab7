//! `smm-path log`: the history of changes, newest first, from every device.

use std::collections::HashMap;
use std::io::Write;

use crate::cli::LogArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, format_date_time, tr, word};
use crate::progress::{Change, ChangeId, UndoTarget, cancelled_changes};
use crate::report::command_words;

pub(crate) fn run(ctx: &Context, args: &LogArgs, out: &mut dyn Write) -> Result<(), Error> {
    let roadmap_id: &str = &ctx.roadmap.id;
    let limit = args.limit.unwrap_or(usize::MAX);
    // Only as much of the history as the newest `limit` changes need:
    // none unread can be later, and every undo among them names one read.
    let newest = ctx.store.newest_changes(|newest| {
        let Some(bound) = newest.earlier_no_later_than else {
            return true;
        };
        if limit == 0 {
            return true;
        }
        let mut mine: Vec<&Change> = newest
            .changes
            .iter()
            .filter(|change| change.roadmap == roadmap_id)
            .collect();
        if mine.len() < limit {
            return false;
        }
        mine.sort_by(|a, b| a.order(b));
        let shown = &mine[mine.len() - limit..];
        shown[0].at > bound
            && shown
                .iter()
                .filter_map(|change| change.undoes())
                .all(|target| {
                    newest
                        .changes
                        .iter()
                        .any(|change| change.is_named_by(&target))
                })
    })?;
    let mut history: Vec<Change> = newest
        .changes
        .into_iter()
        .filter(|change| change.roadmap == roadmap_id)
        .collect();
    if history.is_empty() {
        say!(out, "{}", word(ctx.lang, Key::LogEmpty))?;
        return Ok(());
    }
    // The order every device agrees on, so two synced copies print the same log.
    history.sort_by(super::super::progress::Change::order);
    let cancelled = cancelled_changes(&history);
    // With more than one device, each change names its own: the same words
    // on every device, so synced copies print the same log.
    let several_devices = newest.devices.len() > 1;
    let commands: HashMap<&ChangeId, &Change> =
        history.iter().map(|change| (&change.id, change)).collect();
    for change in history.iter().rev().take(limit) {
        let when = format_date_time(ctx.lang, change.at.naive_local());
        let command = match change.undoes() {
            Some(target) => {
                let original = match &target {
                    UndoTarget::Id(id) => commands.get(id).copied(),
                    UndoTarget::Numbered { .. } => {
                        history.iter().find(|change| change.is_named_by(&target))
                    }
                }
                .map_or("?", |change| change.command.as_str());
                let original = command_words(ctx.lang, original);
                tr(ctx.lang, Key::LogUndoOf, &[("command", &original)])
            }
            None => command_words(ctx.lang, &change.command).into_owned(),
        };
        let mut heading = format!("{when}  {command}");
        if several_devices {
            heading.push(' ');
            let device = change.device.get(..6).unwrap_or(&change.device);
            heading.push_str(&tr(ctx.lang, Key::LogDevice, &[("device", &device)]));
        }
        if cancelled.contains(change) {
            heading.push(' ');
            heading.push_str(word(ctx.lang, Key::LogUndone));
        }
        say!(out, "{heading}")?;
        for line in ctx.words().ops(&change.ops) {
            say!(out, "    {line}")?;
        }
    }
    Ok(())
}
