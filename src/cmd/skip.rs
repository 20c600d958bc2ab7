//! `smm-path skip STEP... [--reason TEXT] [--on DATE]`: set aside steps that do not apply.

use std::io::Write;

use crate::actions;
use crate::cli::SkipArgs;
use crate::cmd::{Context, done::on_option, print_outcomes};
use crate::error::Error;
use crate::progress::Action;

pub(crate) fn run(ctx: &Context, args: &SkipArgs, out: &mut dyn Write) -> Result<(), Error> {
    let step_ids = ctx.select_steps(&args.steps.steps)?;
    let reason = actions::skip_reason(args.reason.as_deref())?;
    let mut arguments = actions::skip_arguments(&args.steps.steps, reason.as_ref());
    let on = on_option(ctx, args.on.as_ref(), &mut arguments)?;
    let outcomes = actions::set_status(
        ctx,
        Action::Skip { reason, on },
        &step_ids,
        &ctx.command_line("skip", &arguments),
    )?;
    print_outcomes(ctx.words(), &outcomes, out)
}
