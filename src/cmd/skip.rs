//! `smm-path skip STEP... [--reason TEXT]`: set aside steps that do not apply.

use std::io::Write;

use crate::cli::SkipArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::progress::Action;

pub(crate) fn run(ctx: &Context, args: &SkipArgs, out: &mut dyn Write) -> Result<(), Error> {
    let step_ids = ctx.select_steps(&args.steps.steps)?;
    let reason = args
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|reason| !reason.is_empty())
        .map(str::to_string);
    if let Some(reason) = &reason {
        Error::check_typed_text(reason)?;
    }
    let mut arguments = args.steps.steps.clone();
    if let Some(reason) = &reason {
        arguments.extend(["--reason".to_string(), format!("{reason:?}")]);
    }
    let outcomes = ctx.change_status(
        Action::Skip { reason },
        &step_ids,
        &ctx.command_line("skip", &arguments),
    )?;
    ctx.print_outcomes(&outcomes, out)
}
