//! `smm-path start STEP... [--on DATE]`: mark steps in progress.

use std::io::Write;

use crate::cli::StartArgs;
use crate::cmd::{Context, done::on_option, print_outcomes};
use crate::error::Error;
use crate::progress::Action;

pub(crate) fn run(ctx: &Context, args: &StartArgs, out: &mut dyn Write) -> Result<(), Error> {
    let step_ids = ctx.select_steps(&args.steps.steps)?;
    let mut arguments = args.steps.steps.clone();
    let on = on_option(ctx, args.on.as_ref(), &mut arguments)?;
    let outcomes = crate::actions::set_status(
        ctx,
        Action::Start { on },
        &step_ids,
        &ctx.command_line("start", &arguments),
    )?;
    print_outcomes(ctx.words(), &outcomes, out)
}
