//! `smm-path start STEP...`: mark steps in progress.

use std::io::Write;

use crate::cli::StepsArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::progress::Action;

pub(crate) fn run(ctx: &Context, args: &StepsArgs, out: &mut dyn Write) -> Result<(), Error> {
    let step_ids = ctx.select_steps(&args.steps)?;
    let outcomes = ctx.change_status(
        Action::Start,
        &step_ids,
        &ctx.command_line("start", &args.steps),
    )?;
    ctx.print_outcomes(&outcomes, out)
}
