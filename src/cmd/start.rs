//! `smm-path start STEP...`: mark steps in progress.

use std::io::Write;

use crate::actions;
use crate::cli::StepsArgs;
use crate::cmd::{Context, print_outcomes};
use crate::error::Error;
use crate::progress::Action;

pub(crate) fn run(ctx: &Context, args: &StepsArgs, out: &mut dyn Write) -> Result<(), Error> {
    let step_ids = ctx.select_steps(&args.steps)?;
    let outcomes = actions::set_status(
        ctx,
        Action::Start,
        &step_ids,
        &ctx.command_line("start", &args.steps),
    )?;
    print_outcomes(ctx.words(), &outcomes, out)
}
