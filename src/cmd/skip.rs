//! `smm-path skip STEP... [--reason TEXT] [--on DATE]`: set aside steps that do not apply.

use std::io::Write;

use crate::actions;
use crate::cli::SkipArgs;
use crate::cmd::{Context, done::parse_past_date, print_outcomes};
use crate::error::Error;
use crate::progress::Action;

pub(crate) fn run(ctx: &Context, args: &SkipArgs, out: &mut dyn Write) -> Result<(), Error> {
    let step_ids = ctx.select_steps(&args.steps.steps)?;
    let reason = actions::skip_reason(args.reason.as_deref())?;
    let on = args
        .on
        .as_deref()
        .map(|text| parse_past_date(text, ctx.now()))
        .transpose()?;
    let mut arguments = actions::skip_arguments(&args.steps.steps, reason.as_ref());
    if let Some(date) = &args.on {
        arguments.extend(["--on".to_string(), date.clone()]);
    }
    let outcomes = actions::set_status(
        ctx,
        Action::Skip { reason, on },
        &step_ids,
        &ctx.command_line("skip", &arguments),
    )?;
    print_outcomes(ctx.words(), &outcomes, out)
}
