//! One file per subcommand, and the one `match` that runs them.
//!
//! Each command reads top to bottom: load what it needs, do one thing,
//! render, save if changed. Commands are the only code that prints.

/// `writeln!` to a command's output, a failure to write it an
/// [`Error::Output`](crate::error::Error::Output): the one way commands print a line.
macro_rules! say {
    ($out:expr, $($arg:tt)*) => {
        writeln!($out, $($arg)*).map_err($crate::error::Error::Output)
    };
}

mod card;
mod check;
mod cohort;
mod completions;
mod config;
mod doctor;
mod done;
mod export;
mod import;
mod log;
mod man;
pub(crate) mod next;
mod note;
mod output;
mod plan;
mod reset;
mod roadmap;
mod show;
mod skip;
mod start;
mod stats;
mod status;
mod sync;
mod today;
mod undo;
mod used;

use std::io::Write;

use crate::cli::{Command, ConfigCommand, RoadmapCommand, StatusArgs};
use crate::error::Error;
use crate::progress::Outcome;
use crate::report::ChangeWords;
use crate::settings::Settings;

pub(crate) use crate::context::Context;

/// `a, b, c` for a few names, `a, b, c, d, e, …` for many.
pub(crate) fn list_some(names: &[&str]) -> String {
    const SHOWN: usize = 5;
    let mut list = names
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        list.push_str(", …");
    }
    list
}

/// Runs the command `command` names (`None`: the status table), loading
/// the roadmap and the progress only for the commands that use them.
pub(crate) fn run(
    settings: &Settings,
    command: Option<&Command>,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let lang = settings.lang;
    // For the commands that need no home but must not write over its files.
    let home_store = settings
        .home
        .as_deref()
        .map(crate::progress::ProgressStore::in_home);
    let with_context = |run: &mut dyn FnMut(&Context) -> Result<(), Error>| {
        let ctx = Context::load(settings)?;
        let result = run(&ctx);
        // The process ends right after this: freeing a large custom roadmap
        // piece by piece would cost more than drawing its whole table.
        std::mem::forget(ctx);
        result
    };
    match command {
        None => with_context(&mut |ctx| status::run(ctx, &StatusArgs::default(), out)),
        Some(Command::Status(args)) => with_context(&mut |ctx| status::run(ctx, args, out)),
        Some(Command::Done(args)) => with_context(&mut |ctx| done::run(ctx, args, out)),
        Some(Command::Start(args)) => with_context(&mut |ctx| start::run(ctx, args, out)),
        Some(Command::Skip(args)) => with_context(&mut |ctx| skip::run(ctx, args, out)),
        Some(Command::Reset(args)) => with_context(&mut |ctx| reset::run(ctx, args, out)),
        Some(Command::Show(args)) => with_context(&mut |ctx| show::run(ctx, args, out)),
        Some(Command::Next) => with_context(&mut |ctx| next::run(ctx, out)),
        Some(Command::Today(args)) => with_context(&mut |ctx| today::run(ctx, args, out)),
        Some(Command::Note(args)) => with_context(&mut |ctx| note::run(ctx, args, out)),
        Some(Command::Check(args)) => with_context(&mut |ctx| check::run(ctx, args, true, out)),
        Some(Command::Uncheck(args)) => with_context(&mut |ctx| check::run(ctx, args, false, out)),
        Some(Command::Used(args)) => with_context(&mut |ctx| used::run(ctx, args, true, out)),
        Some(Command::Unused(args)) => with_context(&mut |ctx| used::run(ctx, args, false, out)),
        Some(Command::Undo) => with_context(&mut |ctx| undo::run(ctx, out)),
        Some(Command::Log(args)) => with_context(&mut |ctx| log::run(ctx, args, out)),
        Some(Command::Export(args)) => with_context(&mut |ctx| export::run(ctx, args, out)),
        Some(Command::Doctor(args)) => with_context(&mut |ctx| doctor::run(ctx, args, out)),
        Some(Command::Import(args)) => with_context(&mut |ctx| import::run(ctx, args, out)),
        Some(Command::Sync(args)) => with_context(&mut |ctx| sync::run(ctx, args, out)),
        Some(Command::Stats(args)) => with_context(&mut |ctx| stats::run(ctx, args, out)),
        Some(Command::Card(args)) => with_context(&mut |ctx| card::run(ctx, args, out)),
        Some(Command::Plan(args)) => with_context(&mut |ctx| plan::run(ctx, args, out)),
        Some(Command::Config(ConfigCommand::Name(args))) => {
            with_context(&mut |ctx| config::run(ctx, args, out))
        }
        Some(Command::Cohort(args)) => with_context(&mut |ctx| cohort::run(ctx, args, out)),
        Some(Command::Roadmap(RoadmapCommand::List)) => {
            with_context(&mut |ctx| roadmap::list(ctx, out))
        }
        Some(Command::Roadmap(RoadmapCommand::Validate(args))) => {
            roadmap::validate(lang, args, out)
        }
        Some(Command::Roadmap(RoadmapCommand::New(args))) => roadmap::new(lang, args, out),
        Some(Command::Completions(args)) => completions::run(lang, home_store.as_ref(), args, out),
        Some(Command::Man(args)) => man::run(lang, home_store.as_ref(), args, out),
        Some(Command::Ui) => crate::ui::run(settings),
    }
}

/// `start STEP...` and `reset STEP...`: selects the steps, sets their
/// status as one change recorded as the command was typed, and prints
/// what changed.
pub(crate) fn set_steps(
    ctx: &Context,
    action: crate::progress::Action,
    name: &str,
    steps: &[String],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let step_ids = ctx.select_steps(steps)?;
    let command = ctx.command_line(name, steps);
    let outcomes = crate::actions::set_status(ctx, action, &step_ids, &command)?;
    print_outcomes(ctx.words(), &outcomes, out)
}

/// One line per outcome of a status command: what changed, or that a
/// step already was there.
pub(crate) fn print_outcomes(
    words: ChangeWords,
    outcomes: &[Outcome],
    out: &mut dyn Write,
) -> Result<(), Error> {
    print_lines(
        &outcomes
            .iter()
            .map(|o| words.outcome(o))
            .collect::<Vec<_>>(),
        out,
    )
}

/// Writes each line with its newline.
pub(crate) fn print_lines(lines: &[String], out: &mut dyn Write) -> Result<(), Error> {
    for line in lines {
        say!(out, "{line}")?;
    }
    Ok(())
}
