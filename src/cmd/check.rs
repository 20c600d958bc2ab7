//! `smm-path check ACTION...` and `uncheck`: tick a step's practical actions, or take a tick back.

use std::io::Write;

use crate::actions::{self, Marked};
use crate::cli::ActionsArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, tr};
use crate::progress::{MarkKind, Outcome, Status, resolve_items};

pub(crate) fn run(
    ctx: &Context,
    args: &ActionsArgs,
    on: bool,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let name = if on { "check" } else { "uncheck" };
    let marked = set_marks(ctx, MarkKind::Action, &args.actions, on, name, out)?;
    let words = ctx.words();
    for tally in &marked.steps {
        say!(
            out,
            "{}",
            words.tally(&tally.step, tally.ticked, tally.total)
        )?;
    }
    for outcome in &marked.finished {
        say!(out, "{}", words.outcome(outcome))?;
    }
    for tally in marked.steps.iter().filter(|tally| on && tally.all_ticked()) {
        let number = ctx.roadmap.position_of(&tally.step).map_or(0, |p| p + 1);
        let finished_now = marked
            .finished
            .iter()
            .any(|outcome| matches!(outcome, Outcome::Changed { step, .. } if *step == tally.step));
        let key = if finished_now {
            Key::ActionsFinishedStep
        } else if tally.status == Status::Done {
            continue;
        } else {
            Key::ActionsAllTicked
        };
        say!(out, "{}", tr(ctx.lang, key, &[("number", &number)]))?;
    }
    Ok(())
}

/// Marks (`on`) or unmarks the items `arguments` name, as the command
/// `name`, and prints a line for each: what `check`, `uncheck`, `used`
/// and `unused` share.
pub(crate) fn set_marks(
    ctx: &Context,
    kind: MarkKind,
    arguments: &[String],
    on: bool,
    name: &str,
    out: &mut dyn Write,
) -> Result<Marked, Error> {
    let items = resolve_items(arguments, &ctx.roadmap, kind)?;
    let command = ctx.command_line(name, arguments);
    let marked = actions::set_marks(ctx, kind, &items, on, &command)?;
    let words = ctx.words();
    for item in &marked.items {
        say!(
            out,
            "{}",
            words.mark(kind, &item.step, &item.key, item.on, item.changed)
        )?;
    }
    Ok(marked)
}
