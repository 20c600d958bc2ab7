//! `smm-path start STEP... [--on DATE]`: mark steps in progress.

use std::io::Write;

use crate::cli::StartArgs;
use crate::cmd::{Context, done::parse_past_date, print_outcomes};
use crate::error::Error;
use crate::progress::Action;

pub(crate) fn run(ctx: &Context, args: &StartArgs, out: &mut dyn Write) -> Result<(), Error> {
    let step_ids = ctx.select_steps(&args.steps.steps)?;
    let on = args
        .on
        .as_deref()
        .map(|text| parse_past_date(text, ctx.now()))
        .transpose()?;
    let mut arguments = args.steps.steps.clone();
    if let Some(date) = &args.on {
        arguments.extend(["--on".to_string(), date.clone()]);
    }
    let outcomes = crate::actions::set_status(
        ctx,
        Action::Start { on },
        &step_ids,
        &ctx.command_line("start", &arguments),
    )?;
    print_outcomes(ctx.words(), &outcomes, out)
}
