//! `smm-path reset STEP...` and `reset --all`: back to "to do", notes kept.

use std::io::{BufRead, Write};

use crate::actions;
use crate::cli::ResetArgs;
use crate::cmd::{Context, print_outcomes, set_steps};
use crate::error::Error;
use crate::i18n::{Key, tr, word};
use crate::progress::{Action, Outcome};
use crate::terminal;

pub(crate) fn run(ctx: &Context, args: &ResetArgs, out: &mut dyn Write) -> Result<(), Error> {
    if !args.all {
        return set_steps(ctx, Action::Reset, "reset", &args.steps, out);
    }
    if !args.yes {
        // Wiping months of progress deserves a question, and a script that
        // cannot answer one must say --yes rather than be assumed to agree.
        if !terminal::stdin_is_interactive() {
            return Err(Error::ResetAllNeedsYes);
        }
        let title = ctx.roadmap.title.get(ctx.lang);
        eprint!(
            "{}",
            tr(ctx.lang, Key::ResetAllConfirm, &[("title", &title)])
        );
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map_err(Error::ConfirmationRead)?;
        let answer = answer.trim().to_lowercase();
        if !matches!(answer.as_str(), "y" | "yes" | "ya") {
            say!(out, "{}", word(ctx.lang, Key::ResetAllCancelled))?;
            return Ok(());
        }
    }
    let all: Vec<&str> = ctx
        .roadmap
        .steps
        .iter()
        .map(|step| step.id.as_ref())
        .collect();
    let outcomes = actions::set_status(ctx, Action::Reset, &all, "reset --all")?;
    // Twenty "already to do" lines would bury the few that changed.
    let changed: Vec<Outcome> = outcomes
        .into_iter()
        .filter(|outcome| matches!(outcome, Outcome::Changed { .. }))
        .collect();
    if changed.is_empty() {
        say!(out, "{}", word(ctx.lang, Key::NothingChanged))?;
        return Ok(());
    }
    print_outcomes(ctx.words(), &changed, out)
}
